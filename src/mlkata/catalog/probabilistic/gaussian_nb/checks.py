"""gaussian_nb: the class API, a worked example, random agreement, label order, smoothing,
far-away points."""

import numpy as np

from mlkata.engine.kit import Scenario, check


def nb_case(X, y, X_test):
    """Fit on (X, y), then compare classes_, the log posteriors of X_test and the predictions."""
    s = Scenario()
    nb = s.new("GaussianNB", name="nb")
    X, y, X_test = s.let(X, name="X"), s.let(y, name="y"), s.let(X_test, name="X_test")
    s.same(s.method(nb, "fit", X, y), nb, "fit(X, y) returns self")
    s.get(nb, "classes_", "nb.classes_")
    s.out(s.method(nb, "predict_log_proba", X_test), "nb.predict_log_proba(X_test)")
    s.out(s.method(nb, "predict", X_test), "nb.predict(X_test)")
    return s.case()


def _jll(X, y, X_test):
    """Joint log-likelihoods (m_test, K), to keep random test points away from ties."""
    X, X_test = np.asarray(X, float), np.asarray(X_test, float)
    eps = 1e-9 * X.var(axis=0).max()
    rows = []
    for c in np.unique(y):
        Xc = X[y == c]
        var = Xc.var(axis=0) + eps
        rows.append(np.log(len(Xc) / len(X)) - 0.5 * np.log(2 * np.pi * var).sum()
                    - 0.5 * ((X_test - Xc.mean(axis=0)) ** 2 / var).sum(axis=1))
    return np.stack(rows, axis=1)


def random_problem(rng, m, n, labels, m_test, spread=2.0):
    """Gaussian classes of unequal sizes and scales; test points with a clear winner."""
    K = len(labels)
    sizes = rng.multinomial(m - 2 * K, rng.dirichlet(np.ones(K))) + 2   # every class >= 2
    centres = rng.normal(scale=spread, size=(K, n))
    scales = rng.uniform(0.5, 2.0, size=(K, n))
    X = np.concatenate([rng.normal(centres[k], scales[k], size=(sizes[k], n)) for k in range(K)])
    y = np.repeat(np.asarray(labels), sizes)
    order = rng.permutation(m)
    X, y = X[order], y[order]
    tests = []
    while len(tests) < m_test:
        k = rng.integers(K)
        x = rng.normal(centres[k], 1.5 * scales[k], size=(1, n))
        top2 = np.sort(_jll(X, y, x)[0])[-2:]
        if top2[1] - top2[0] > 1e-6:
            tests.append(x[0])
    return X, y, np.array(tests)


@check("contract", "fit returns self; predict_log_proba is (m, K); predict returns labels")
def api(rng):
    X = np.array([[0.0, 1.0], [1.0, 0.5], [4.0, 3.0], [5.0, 2.0], [4.5, 4.0]])
    y = np.array([0, 0, 1, 1, 1])
    yield nb_case(X, y, np.array([[0.5, 0.5], [4.0, 3.5], [2.0, 2.0]]))


@check("contract", "accepts integer features and labels")
def integer_inputs(rng):
    X = np.array([[0, 1], [1, 3], [2, 2], [6, 5], [7, 7], [8, 5]])
    y = np.array([0, 0, 0, 1, 1, 1])
    yield nb_case(X, y, np.array([[1, 2], [7, 6], [4, 4]]))


@check("fixed", "worked example: x = 3 is class 0 with posterior 0.859")
def worked_example(rng):
    X = np.array([[0.0], [2.0], [5.0], [7.0], [5.0], [7.0]])
    y = np.array([0, 0, 1, 1, 1, 1])
    yield nb_case(X, y, np.array([[3.0], [4.0]])).because(
        "class 0 has mean 1, variance 1, prior 1/3; class 1 has mean 6, variance 1, prior 2/3")


@check("random", "agrees with the reference on random data (labels not 0..K-1)")
def random_data(rng):
    for m, n, labels, m_test in [(9, 2, [0, 1, 2], 4), (14, 3, [3, 8], 5),
                                 (20, 5, [1, 4, 6, 9], 7), (31, 4, [-2, 0, 5], 6)]:
        yield nb_case(*random_problem(rng, m, n, labels, m_test))


@check("property", "columns follow classes_, the sorted labels, whatever order y lists them in")
def label_order(rng):
    X, y, X_test = random_problem(rng, 12, 2, [7, -1, 3], 5)
    y_first = np.array([7, 3, -1])       # the first three rows meet the labels in this order
    X = np.concatenate([X[[np.flatnonzero(y == c)[0] for c in y_first]], X])
    y = np.concatenate([y_first, y])
    yield nb_case(X, y, X_test).because("y meets the labels in the order 7, 3, -1; "
                                        "classes_ is [-1, 3, 7]")


@check("property", "priors are the class frequencies (unbalanced classes)")
def unbalanced(rng):
    X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [2.0, 2.5],
                  [1.0, 2.0]])
    y = np.array([4, 4, 4, 4, 4, 9, 9])
    yield nb_case(X, y, np.array([[1.2, 1.3], [0.5, 1.0], [1.5, 1.5]])).because(
        "class 4 has 5 of the 7 examples: its prior is 5/7, not 1/2")


@check("property", "a feature constant within a class still gives finite log posteriors")
def constant_feature(rng):
    # Feature 1 is exactly 2.0 for every example of class 1: its variance there is 0 and only
    # the smoothing 1e-9 * max(var(X, axis=0)) keeps the Gaussian defined.
    X = np.array([[0.0, 1.0], [1.0, 3.0], [2.0, 4.0], [1.5, 0.0],
                  [3.0, 2.0], [4.0, 2.0], [3.5, 2.0]])
    y = np.array([0, 0, 0, 0, 1, 1, 1])
    X_test = np.array([[3.0, 2.0], [1.0, 2.0], [2.5, 2.0]])
    yield nb_case(X, y, X_test).because(
        "feature 1 is 2.0 in every example of class 1, so its variance there is 0")


@check("stability", "stays finite for test points far from every class")
def far_points(rng):
    X, y, _ = random_problem(rng, 10, 3, [0, 2, 5], 1)
    X_test = np.array([[300.0, -200.0, 100.0], [-1000.0, 50.0, 400.0], [0.0, 0.0, 1500.0]])
    yield nb_case(X, y, X_test).because(
        "every joint log-likelihood is below -1000, so exp of it underflows to 0")
