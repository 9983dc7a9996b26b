"""gradient_boosting: fit/predict contract, the worked example, the start, stages without a
split, random data against the reference, tie rules, and a training error that never rises."""

import numpy as np

from mlkata.engine.kit import Scenario, check

X_WORKED = np.array([[1.0], [2.0], [3.0], [4.0]])
Y_WORKED = np.array([1.0, 3.0, 2.0, 6.0])
# the training points, the thresholds 1.5 and 3.5 themselves, and points outside
PROBES = np.array([[1.0], [1.5], [2.0], [3.0], [3.5], [4.0], [0.0], [5.0]])


def boost_case(X, y, X_test, n_estimators, learning_rate):
    s = Scenario()
    X_ref, y_ref, test_ref = s.let(X, "X"), s.let(y, "y"), s.let(X_test, "X_test")
    model = s.new("GradientBoostingStumps", n_estimators, learning_rate, name="model")
    s.same(s.method(model, "fit", X_ref, y_ref), model, "fit(X, y) returns self")
    s.out(s.method(model, "predict", test_ref), "model.predict(X_test)")
    return s.case()


@check("contract", "fit returns self, predict returns one float per row")
def contract(rng):
    X = np.round(rng.normal(size=(7, 2)), 1)
    y = np.round(X[:, 0] - 2 * X[:, 1] + rng.normal(size=7), 1)
    yield boost_case(X, y, np.round(rng.normal(size=(3, 2)), 1) + 0.01, 3, 0.3)


@check("contract", "accepts integer features and targets")
def integers(rng):
    X = np.array([[3, 1], [1, 5], [2, 6], [5, 3], [4, 4], [6, 2]])
    yield boost_case(X, np.array([4, 1, 2, 9, 7, 8]), np.array([[2, 2], [5, 5]]), 2, 0.5)


@check("fixed", "worked example: two stages with learning_rate 0.5")
def worked_example(rng):
    yield boost_case(X_WORKED, Y_WORKED, PROBES, 2, 0.5).because(
        "stage 1 cuts at 3.5 (leaves -1, 3); stage 2 finds 1.5 and 3.5 tied, takes 1.5 "
        "(leaves -1.5, 0.5); predictions 1.75, 2.75, 4.75")


@check("fixed", "the model starts from mean(y)")
def starts_from_mean(rng):
    yield boost_case(X_WORKED, Y_WORKED + 10.0, PROBES, 1, 0.0).because(
        "learning_rate 0: the stumps add nothing, every prediction is mean(y) = 13")
    yield boost_case(X_WORKED, Y_WORKED + 10.0, PROBES, 1, 1.0).because(
        "one full stage: mean(y) plus the stump's mean residual on each side")


@check("fixed", "a stage with no useful split changes nothing")
def no_split(rng):
    X = np.array([[2.0, 7.0], [2.0, 7.0], [2.0, 7.0], [2.0, 7.0], [2.0, 7.0]])
    yield boost_case(X, np.array([3.0, -1.0, 4.0, 1.0, 5.0]), np.array([[2.0, 7.0], [0.0, 0.0]]),
                     3, 0.5).because(
        "every row is the same point: no threshold exists, each stump predicts the mean "
        "residual (0), and the model stays at mean(y) = 2.4")
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    yield boost_case(X, np.full(4, 1.5), np.array([[-1.0], [1.5], [4.0]]), 2, 0.7).because(
        "constant targets: the residuals are 0 and no split lowers the error")


@check("fixed", "a feature that lowers nothing does not stop the split on another")
def useless_feature(rng):
    offset, scale = np.round(rng.uniform(-5, 5), 1), np.round(rng.uniform(1, 3), 1)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0]])
    y = offset + scale * np.array([-1.0, 1.0, 1.0, -1.0])
    probes = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.5]])
    yield boost_case(X, y, probes, 1, 1.0).because(
        "x0 <= 0.5 leaves both sides with the mean of y (it lowers nothing); x1 <= 0.5 "
        "separates the targets: the stump cuts x1")


@check("fixed", "a point exactly on a threshold goes to the left leaf")
def on_threshold(rng):
    X = np.array([[0.0], [2.0], [4.0], [6.0]])
    yield boost_case(X, np.array([0.0, 0.0, 8.0, 8.0]), np.array([[3.0], [2.9], [3.1]]),
                     1, 1.0).because("the threshold is (2 + 4) / 2 = 3.0, and 3.0 <= 3.0")


def _random(rng, m, n, m_test):
    X = rng.normal(size=(m, n))
    X[:, -1] = rng.integers(0, 4, size=m)                      # a feature with repeated values
    y = 2.0 * X[:, 0] - X[:, 1] ** 2 + 0.5 * X[:, -1] + rng.normal(scale=0.3, size=m)
    X_test = rng.normal(size=(m_test, n))
    X_test[:, -1] = rng.uniform(-0.5, 3.5, size=m_test)
    return X, y, X_test


@check("random", "agrees with the reference on random data")
def random_data(rng):
    for m, n, m_test, stages, lr in [(9, 2, 5, 3, 0.5), (17, 3, 8, 6, 0.3),
                                     (30, 4, 11, 10, 0.1), (23, 5, 13, 25, 0.8)]:
        X, y, X_test = _random(rng, m, n, m_test)
        yield boost_case(X, y, np.vstack([X_test, X]), stages, lr)


@check("property", "equal decreases go to the smallest feature")
def feature_ties(rng):
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    X = np.column_stack([-x, x, x])
    X_test = np.array([[0.0, 4.5, 0.5], [-4.5, 0.5, 4.5], [-2.5, 2.5, 2.5]])
    yield boost_case(X, np.array([1.0, 1.5, 0.5, 4.0, 5.0, 3.5]), X_test, 1, 1.0).because(
        "features 1 and 2 are the same column (and feature 0 its mirror): the same cut "
        "lowers the error equally on each, feature 0 wins; the test points tell them apart")


@check("property", "equal decreases on one feature go to the smallest threshold")
def threshold_ties(rng):
    yield boost_case(np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0.0, 2.0, 2.0, 0.0]),
                     np.array([[-1.0], [1.5], [4.0]]), 1, 1.0).because(
        "symmetric targets: cutting off the first or the last point lowers the error equally")
    x = np.arange(9.0).reshape(-1, 1)
    yield boost_case(x, np.array([0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]),
                     np.arange(-0.25, 9.0, 0.5).reshape(-1, 1), 1, 1.0).because(
        "symmetric about 4: cutting at 3.5 or 4.5 lowers the error equally, up to round-off "
        "from summing in another order; 3.5 wins")


def _training_error_judge(labels, y):
    def judge(got, expected, case):
        errors = [float(np.mean((np.asarray(got[label], dtype=float) - y) ** 2))
                  for label in labels]
        for i in range(1, len(errors)):
            a, b = errors[i - 1], errors[i]
            if b > a * (1 + 1e-9) + 1e-12:
                return (f"The training error rose from {a:.6g} ({labels[i - 1]}) to {b:.6g} "
                        f"({labels[i]}): "
                        "each stage fits the current residuals, so with a learning rate "
                        "in (0, 1] it can only lower the squared error.")
        return None
    return judge


@check("property", "more stages never raise the training error")
def error_decreases(rng):
    X, y, _ = _random(rng, 21, 3, 1)
    s = Scenario()
    X_ref, y_ref = s.let(X, "X"), s.let(y, "y")
    labels = []
    for stages in (1, 2, 4, 8, 16):
        model = s.new("GradientBoostingStumps", stages, 0.4, name=f"model{stages}")
        s.method(model, "fit", X_ref, y_ref)
        labels.append(f"model{stages}.predict(X)")
        s.out(s.method(model, "predict", X_ref), labels[-1])
    yield s.case().judge(_training_error_judge(labels, y))
