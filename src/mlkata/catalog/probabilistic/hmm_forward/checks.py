"""hmm_forward: a float log-likelihood, a worked example, random agreement, the direction of A,
impossible sequences, 10,000 steps."""

import bisect

import numpy as np

from mlkata.engine.kit import call, check


def random_hmm(rng, S, V, sparsity=0.0):
    """A random HMM with a clearly non-symmetric A. With sparsity > 0 some entries of A and B
    are exactly 0 (never a whole row)."""
    pi = rng.dirichlet(np.ones(S))
    A = rng.dirichlet(np.full(S, 0.8), size=S)
    B = rng.dirichlet(np.full(V, 0.8), size=S)
    if sparsity:
        for M in (A, B):
            M[rng.random(M.shape) < sparsity] = 0.0
            M[np.arange(S), rng.integers(M.shape[1], size=S)] += 0.5   # every row keeps mass
            M /= M.sum(axis=1, keepdims=True)
    return pi, A, B


def sample(rng, pi, A, B, T):
    """An observation sequence drawn from the HMM (so it is possible)."""
    u = rng.random((T, 2)).tolist()
    cum_A, cum_B = A.cumsum(axis=1).tolist(), B.cumsum(axis=1).tolist()
    S, V = len(pi), B.shape[1]
    obs = []
    state = min(bisect.bisect_right(pi.cumsum().tolist(), rng.random()), S - 1)
    for u_emit, u_move in u:
        obs.append(min(bisect.bisect_right(cum_B[state], u_emit), V - 1))
        state = min(bisect.bisect_right(cum_A[state], u_move), S - 1)
    return np.array(obs, dtype=np.int64)


PI = np.array([0.6, 0.4])
A2 = np.array([[0.7, 0.3], [0.2, 0.8]])
B2 = np.array([[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]])


@check("contract", "returns log P(obs) as a float")
def returns_float(rng):
    yield call("hmm_forward", PI, A2, B2, np.array([1, 0]))


@check("contract", "accepts obs as a list, and integer parameters")
def integer_inputs(rng):
    yield call("hmm_forward", PI, A2, B2, [2, 2, 0])
    # A deterministic model: state 0 -> 1 -> 2 -> 0 ..., state s always emits symbol s + 1.
    pi = np.array([1, 0, 0])
    A = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    B = np.array([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    yield call("hmm_forward", pi, A, B, np.array([1, 2, 3, 1, 2])).because(
        "the model is deterministic and produces exactly this sequence: log P = 0")


@check("fixed", "worked example: P(0, 2, 2, 1) = 0.0136055, log -4.29728")
def worked_example(rng):
    yield call("hmm_forward", PI, A2, B2, np.array([0, 2, 2, 1]))


@check("fixed", "one observation: log Σ_i π_i B[i, o]")
def single_observation(rng):
    pi = np.array([0.2, 0.5, 0.3])
    B = np.array([[0.1, 0.6, 0.2, 0.1], [0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]])
    A = np.array([[0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2]])
    yield call("hmm_forward", pi, A, B, np.array([1]))


@check("random", "agrees with the reference on random HMMs")
def random_hmms(rng):
    for S, V, T in [(3, 4, 7), (4, 2, 12), (2, 5, 9), (5, 3, 20)]:
        pi, A, B = random_hmm(rng, S, V)
        yield call("hmm_forward", pi, A, B, sample(rng, pi, A, B, T))


@check("property", "A[i, j] is the probability of going from state i to state j")
def direction_of_A(rng):
    # From state 0 the chain almost surely moves to 1, from 1 it stays; read as A[j, i] it
    # would mostly jump back to 0.
    pi = np.array([0.9, 0.05, 0.05])
    A = np.array([[0.05, 0.9, 0.05], [0.02, 0.97, 0.01], [0.5, 0.25, 0.25]])
    B = np.array([[0.8, 0.1, 0.1, 0.0], [0.05, 0.05, 0.1, 0.8], [0.3, 0.3, 0.2, 0.2]])
    yield call("hmm_forward", pi, A, B, np.array([0, 3, 3, 3, 3])).because(
        "A is far from symmetric: 0 → 1 has probability 0.9, 1 → 0 only 0.02")


@check("property", "an impossible sequence has log-likelihood exactly -inf")
def impossible(rng):
    # State 0 emits 0 or 1, state 1 emits 1 or 2, state 2 emits 2 or 3.
    # Moves: 0 -> 0 or 1, 1 -> 1 or 2, 2 -> 2 or 0. The chain never starts in state 2.
    pi = np.array([0.5, 0.5, 0.0])
    A = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.5, 0.0, 0.5]])
    B = np.array([[0.6, 0.4, 0.0, 0.0], [0.0, 0.3, 0.7, 0.0], [0.0, 0.0, 0.2, 0.8]])
    yield call("hmm_forward", pi, A, B, np.array([3])).because(
        "only state 2 emits 3, and pi gives state 2 probability 0")
    yield call("hmm_forward", pi, A, B, np.array([0, 3])).because(
        "0 comes only from state 0, 3 only from state 2, and A[0, 2] = 0")
    yield call("hmm_forward", pi, A, B, np.array([2, 0, 1])).because(
        "the first 2 must come from state 1 (pi[2] = 0), and A[1, 0] = 0")
    yield call("hmm_forward", pi, A, B, np.array([0, 1, 2, 2, 3, 3, 0, 1, 0, 3])).because(
        "possible up to the last step: the final 3 needs the move 0 → 2")


@check("property", "zeros in A and B do not disturb a possible sequence")
def zeros_but_possible(rng):
    pi = np.array([0.5, 0.5, 0.0])
    A = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.5, 0.0, 0.5]])
    B = np.array([[0.6, 0.4, 0.0, 0.0], [0.0, 0.3, 0.7, 0.0], [0.0, 0.0, 0.2, 0.8]])
    yield call("hmm_forward", pi, A, B, np.array([0, 1, 2, 2, 3, 3, 0, 1, 0]))
    pi, A, B = random_hmm(rng, 4, 6, sparsity=0.4)
    yield call("hmm_forward", pi, A, B, sample(rng, pi, A, B, 30))


@check("stability", "does not underflow on a sequence of 10,000 steps")
def long_sequence(rng):
    pi, A, B = random_hmm(rng, 3, 5)
    yield call("hmm_forward", pi, A, B, sample(rng, pi, A, B, 10_000)).because(
        "P(obs) is about e^-15000, far below the smallest float64 (1e-308)")
