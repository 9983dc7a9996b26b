"""gmm_em_step: shapes, a worked example, random agreement, the log-likelihood never going down
over repeated steps, a collapsing component, points far from every component."""

from itertools import pairwise

import numpy as np

from mlkata.engine.kit import Finding, Scenario, call, check


def random_spd(rng, n, low=0.3, high=2.0):
    """A random symmetric positive definite matrix with eigenvalues in [low, high]."""
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    return (Q * rng.uniform(low, high, size=n)) @ Q.T


def random_problem(rng, m, n, K):
    """Data from a K-component mixture, and starting parameters near (not at) it."""
    centres = rng.normal(scale=3.0, size=(K, n))
    labels = rng.integers(K, size=m)
    X = np.stack([rng.multivariate_normal(centres[k], random_spd(rng, n)) for k in labels])
    weights = rng.dirichlet(np.full(K, 5.0))
    means = centres + rng.normal(scale=1.0, size=(K, n))
    covs = np.stack([random_spd(rng, n, 0.5, 3.0) for _ in range(K)])
    return X, weights, means, covs


def chain(X, weights, means, covs, steps):
    """`steps` successive EM steps, each fed the learner's own previous outputs."""
    s = Scenario()
    X = s.let(X, name="X")
    params = (s.let(weights, name="weights0"), s.let(means, name="means0"),
              s.let(covs, name="covs0"))
    for t in range(1, steps + 1):
        out = s.call("gmm_em_step", X, *params, name=f"step{t}")
        params = tuple(s.item(out, i, name=f"{key}{t}")
                       for i, key in enumerate(("weights", "means", "covs")))
        s.out(s.item(out, 3, name=f"ll{t}"), f"log-likelihood of step {t}")
    return s.case()


def never_decreases(got, expected, case):
    values = []
    for label, value in got.items():
        try:
            number = float(np.asarray(value, dtype=float))
        except (TypeError, ValueError):
            return f"{label} should be a float, got {value!r}"
        if not np.isfinite(number):
            return f"{label} is {number}: every log-likelihood here is finite."
        values.append((label, number))
    for (before_label, before), (after_label, after) in pairwise(values):
        if after < before - 1e-9 * max(1.0, abs(before)):
            return Finding(
                f"The log-likelihood went down: {before_label} is {before:.10g}, "
                f"{after_label} is {after:.10g}. An EM step can never lower it: each step "
                "maximises a lower bound that touches the log-likelihood at the current "
                "parameters.",
                diagnosis="em-not-monotone",
                diagnosis_message="Check that the responsibilities sum to 1 over the components "
                "for every point and that the M-step uses them with N_k = Σ_i r_ik everywhere "
                "(weights N_k / m, means and covariances divided by N_k).")
    return None


@check("contract", "returns (weights (K,), means (K, n), covs (K, n, n), a float log-likelihood)")
def shapes(rng):
    X = np.array([[0.0, 0.0], [1.0, 0.5], [0.5, 1.0], [4.0, 4.0], [5.0, 3.5]])
    weights = np.array([0.6, 0.4])
    means = np.array([[0.5, 0.5], [4.0, 4.0]])
    covs = np.array([np.eye(2), np.eye(2)])
    yield call("gmm_em_step", X, weights, means, covs)


@check("contract", "accepts integer data")
def integer_data(rng):
    X = np.array([[0, 1, 0], [1, 0, 1], [1, 1, 0], [6, 5, 4], [5, 6, 5], [6, 6, 6], [5, 5, 4]])
    weights = np.array([0.5, 0.5])
    means = np.array([[1.0, 1.0, 1.0], [5.0, 5.0, 5.0]])
    covs = np.array([2 * np.eye(3), np.eye(3)])
    yield call("gmm_em_step", X, weights, means, covs)


@check("fixed", "worked example: x = 0, 2, 5 and two components at 0 and 4")
def worked_example(rng):
    X = np.array([[0.0], [2.0], [5.0]])
    yield call("gmm_em_step", X, np.array([0.5, 0.5]), np.array([[0.0], [4.0]]),
               np.array([[[1.0]], [[1.0]]])).because(
        "the log-likelihood is measured at the parameters you are given, before the update")


@check("fixed", "one component: the sample mean and the population covariance + 1e-6")
def single_component(rng):
    X = np.array([[1.0, 2.0], [3.0, 0.0], [2.0, 2.0], [0.0, 1.0], [4.0, 5.0]])
    yield call("gmm_em_step", X, np.array([1.0]), np.array([[0.0, 0.0]]),
               np.array([[[2.0, 0.5], [0.5, 1.0]]])).because(
        "with K = 1 every responsibility is 1, so N_1 = m = 5")


@check("random", "agrees with the reference on random mixtures")
def random_mixtures(rng):
    for m, n, K in [(9, 2, 3), (14, 3, 2), (23, 4, 3), (31, 2, 5)]:
        yield call("gmm_em_step", *random_problem(rng, m, n, K))


@check("property", "the log-likelihood never decreases over repeated steps")
def monotone(rng):
    for m, n, K, steps in [(12, 2, 3, 6), (25, 3, 2, 8)]:
        yield chain(*random_problem(rng, m, n, K), steps).without_reference().judge(
            never_decreases).because(f"{steps} steps, each from the previous step's output")


@check("property", "a component on repeated points keeps a usable covariance (the 1e-6)")
def collapsing_component(rng):
    # Three copies of one point, far from the rest: component 1 takes them and nothing else,
    # so its covariance is 0 + 1e-6 I; the next step must still evaluate its density.
    X = np.array([[0.0, 0.0], [1.0, 0.5], [0.5, 1.5], [1.5, 1.0], [0.2, 0.8],
                  [9.0, 9.0], [9.0, 9.0], [9.0, 9.0]])
    params = (np.array([0.6, 0.4]), np.array([[1.0, 1.0], [8.5, 9.5]]),
              np.array([np.eye(2), np.eye(2)]))
    s = Scenario()
    X = s.let(X, name="X")
    first = s.call("gmm_em_step", X, *params, name="first")
    s.out(first, "first step")
    again = s.call("gmm_em_step", X, *(s.item(first, i, name=key)
                                       for i, key in enumerate(("w1", "mu1", "cov1"))),
                   name="second")
    s.out(again, "second step")
    yield s.case().because("the three points at (9, 9) coincide, so their covariance is 0")


@check("stability", "no nan for points far from every component")
def far_points(rng):
    X, weights, means, covs = random_problem(rng, 10, 3, 2)
    X = np.concatenate([X, [[400.0, -300.0, 200.0]]])
    yield call("gmm_em_step", X, weights, means, covs).because(
        "the last point is hundreds of standard deviations from every mean: every "
        "π_k N(x; μ_k, Σ_k) underflows to 0")
    X = np.array([[0.0, 1.0], [1.0, 0.0], [50.0, 60.0], [-80.0, 40.0], [1.0, 1.0]])
    yield call("gmm_em_step", X, np.array([0.3, 0.7]), np.array([[0.0, 0.0], [1.0, 1.0]]),
               np.array([0.5 * np.eye(2), np.eye(2)])).because(
        "two points are far from both components")
