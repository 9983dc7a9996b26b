"""multinomial_nb: the class API, a worked example, random agreement, alpha, smoothing, priors,
long documents."""

import numpy as np

from mlkata.engine.kit import Scenario, check


def nb_case(X, y, X_test, alpha=None):
    """Fit on (X, y), then compare classes_, the log posteriors of X_test and the predictions."""
    s = Scenario()
    nb = (s.new("MultinomialNB", name="nb") if alpha is None
          else s.new("MultinomialNB", alpha=alpha, name="nb"))
    X, y, X_test = s.let(X, name="X"), s.let(y, name="y"), s.let(X_test, name="X_test")
    s.same(s.method(nb, "fit", X, y), nb, "fit(X, y) returns self")
    s.get(nb, "classes_", "nb.classes_")
    s.out(s.method(nb, "predict_log_proba", X_test), "nb.predict_log_proba(X_test)")
    s.out(s.method(nb, "predict", X_test), "nb.predict(X_test)")
    return s.case()


def _jll(X, y, X_test, alpha):
    """Joint log-likelihoods (m_test, K), to keep random test documents away from ties."""
    rows = []
    for c in np.unique(y):
        counts = X[y == c].sum(axis=0) + alpha
        rows.append(np.log(np.mean(y == c)) + X_test @ np.log(counts / counts.sum()))
    return np.stack(rows, axis=1)


def random_problem(rng, m, n, labels, m_test, alpha=1.0, length=(3, 15)):
    """Documents of random lengths, each class with its own word distribution; every class has
    at least two documents; test documents have a clear winner."""
    K = len(labels)
    words = rng.dirichlet(np.full(n, 0.7), size=K)
    sizes = rng.multinomial(m - 2 * K, rng.dirichlet(np.ones(K))) + 2
    y = rng.permutation(np.repeat(np.asarray(labels), sizes))
    index = {c: k for k, c in enumerate(labels)}

    def document(k):
        return rng.multinomial(rng.integers(length[0], length[1] + 1), words[k])

    X = np.array([document(index[c]) for c in y])
    tests = []
    while len(tests) < m_test:
        x = document(rng.integers(K))
        top2 = np.sort(_jll(X, y, x[None, :], alpha)[0])[-2:]
        if top2[1] - top2[0] > 1e-6:
            tests.append(x)
    return X, y, np.array(tests)


@check("contract", "fit returns self; predict_log_proba is (m, K); predict returns labels")
def api(rng):
    X = np.array([[3, 0, 1, 0], [2, 1, 0, 0], [0, 2, 0, 3], [0, 1, 1, 2], [1, 0, 0, 4]])
    y = np.array([0, 0, 1, 1, 1])
    yield nb_case(X, y, np.array([[2, 0, 0, 1], [0, 1, 0, 2], [1, 1, 1, 1]]))


@check("contract", "accepts float counts and a float alpha")
def float_counts(rng):
    X = np.array([[3.0, 0.0, 1.0], [2.0, 1.0, 0.0], [0.0, 2.0, 2.0], [0.5, 1.0, 2.5]])
    y = np.array([1, 1, 0, 0])
    yield nb_case(X, y, np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 3.0]]), alpha=0.5)


@check("fixed", "worked example: [1, 1, 1] is spam (class 1) with posterior 0.563")
def worked_example(rng):
    X = np.array([[0, 0, 2], [0, 1, 1], [2, 1, 0], [1, 2, 0], [1, 0, 0]])
    y = np.array([0, 0, 1, 1, 1])
    yield nb_case(X, y, np.array([[1, 1, 1], [0, 0, 3]])).because(
        "words (win, money, meeting); ham counts (0, 1, 3), spam counts (4, 3, 0); alpha = 1")


@check("random", "agrees with the reference on random documents and alphas")
def random_data(rng):
    for m, n, labels, m_test, alpha in [(8, 5, [0, 1, 2], 4, 1.0), (13, 7, [0, 1], 5, 0.5),
                                        (21, 9, [3, 6, 10, 11], 6, 2.0),
                                        (30, 12, [0, 1, 2], 7, 0.1)]:
        X, y, X_test = random_problem(rng, m, n, labels, m_test, alpha)
        yield nb_case(X, y, X_test, alpha=alpha).because(f"alpha = {alpha}")


@check("property", "alpha is the pseudo-count added to every word count")
def uses_alpha(rng):
    X = np.array([[4, 0, 1, 0, 2], [3, 1, 0, 0, 0], [0, 0, 2, 3, 1], [0, 1, 3, 2, 0],
                  [1, 0, 2, 4, 0], [0, 0, 0, 1, 1]])
    y = np.array([0, 0, 1, 1, 1, 2])
    X_test = np.array([[1, 0, 0, 0, 1], [0, 1, 1, 1, 0], [2, 0, 0, 1, 0], [0, 0, 1, 0, 1]])
    for alpha in (0.25, 3.0):
        yield nb_case(X, y, X_test, alpha=alpha).because(f"alpha = {alpha}, not 1")


@check("property", "a word never seen in a class does not make that class impossible")
def unseen_word(rng):
    # Word 2 never occurs in class 0 and word 0 never occurs in class 1.
    X = np.array([[3, 1, 0, 0], [2, 2, 0, 1], [0, 1, 2, 1], [0, 0, 3, 2], [0, 2, 1, 0]])
    y = np.array([0, 0, 1, 1, 1])
    X_test = np.array([[2, 1, 1, 0], [0, 1, 0, 1], [1, 0, 2, 0]])
    yield nb_case(X, y, X_test).because(
        "word 2 never occurs in class 0, and the first test document contains it")


@check("property", "priors are the class frequencies (unbalanced classes, labels not 0..K-1)")
def unbalanced(rng):
    X = np.array([[2, 1, 1], [1, 1, 2], [2, 2, 1], [1, 2, 1], [1, 1, 1], [2, 1, 2],
                  [1, 2, 2], [3, 1, 1]])
    y = np.array([5, 5, 5, 5, 5, 5, 8, 8])
    yield nb_case(X, y, np.array([[1, 1, 1], [2, 1, 1], [1, 2, 2]])).because(
        "class 5 has 6 of the 8 documents: its prior is 3/4, not 1/2")


@check("stability", "stays finite for long documents")
def long_documents(rng):
    X, y, _ = random_problem(rng, 11, 6, [0, 1, 2], 1)
    X_test = np.array([[900, 0, 300, 50, 0, 1200], [0, 2000, 0, 10, 700, 0]])
    yield nb_case(X, y, X_test).because(
        "thousands of words: every joint log-likelihood is below -1000, so exp of it is 0")
