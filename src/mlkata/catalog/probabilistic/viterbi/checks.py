"""viterbi: (path, log_prob), a worked example, random agreement, the tie rule, the direction of
A, zero-probability moves, 4,000 steps."""

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


def clear_winner(pi, A, B, obs, gap=1e-6):
    """True when each choice that makes the best path (its last state, and the predecessor of
    each of its states) beats the runner-up by more than `gap`, so round-off cannot change the
    path. Random data can tie exactly: two paths that visit the same states in another order
    on repeated symbols have the very same probability."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_A, log_B = np.log(A), np.log(B)
        delta = np.log(pi) + log_B[:, obs[0]]
        margins = []                        # (T-1, S): best minus second-best score into j
        back = []
        for o in obs[1:]:
            scores = delta[:, None] + log_A
            top2 = np.sort(scores, axis=0)[-2:]
            margins.append(top2[1] - top2[0])
            back.append(scores.argmax(axis=0))
            delta = top2[1] + log_B[:, o]
        top2 = np.sort(delta)[-2:]
        if not top2[1] - top2[0] > gap:
            return False
        state = int(delta.argmax())
        for t in range(len(obs) - 2, -1, -1):
            if not margins[t][state] > gap:
                return False
            state = int(back[t][state])
    return True


def random_case(rng, S, V, T, sparsity=0.0):
    while True:
        pi, A, B = random_hmm(rng, S, V, sparsity)
        obs = sample(rng, pi, A, B, T)
        if clear_winner(pi, A, B, obs):
            return pi, A, B, obs


PI = np.array([0.6, 0.4])
A2 = np.array([[0.7, 0.3], [0.2, 0.8]])
B2 = np.array([[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]])


@check("contract", "returns (path: integer array of length T, log_prob: a float)")
def returns_path_and_float(rng):
    yield call("viterbi", PI, A2, B2, np.array([1, 2, 0]))


@check("contract", "accepts obs as a list, and integer parameters")
def integer_inputs(rng):
    yield call("viterbi", PI, A2, B2, [2, 2, 0])
    # A deterministic model: state 0 -> 1 -> 2 -> 0 ..., state s always emits symbol s + 1.
    pi = np.array([1, 0, 0])
    A = np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    B = np.array([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    yield call("viterbi", pi, A, B, np.array([1, 2, 3, 1, 2])).because(
        "the model is deterministic: the only path is 0, 1, 2, 0, 1, with log-probability 0")


@check("fixed", "worked example: obs (0, 2, 2, 1) → path (0, 1, 1, 1), log 0.0062208")
def worked_example(rng):
    yield call("viterbi", PI, A2, B2, np.array([0, 2, 2, 1]))


@check("fixed", "one observation: the state maximising π_i B[i, o]")
def single_observation(rng):
    pi = np.array([0.2, 0.5, 0.3])
    A = np.array([[0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2]])
    B = np.array([[0.1, 0.6, 0.2, 0.1], [0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]])
    yield call("viterbi", pi, A, B, np.array([1]))


@check("random", "agrees with the reference on random HMMs")
def random_hmms(rng):
    for S, V, T in [(3, 4, 7), (4, 2, 12), (2, 5, 9), (5, 3, 20)]:
        yield call("viterbi", *random_case(rng, S, V, T))


@check("property", "ties go to the smallest state index")
def ties(rng):
    # States 0 and 1 are twins: same start probability, same emissions, same row and column
    # of A. Every path through one has a twin through the other with the very same
    # probability, so the tie rule alone decides.
    pi = np.array([0.25, 0.25, 0.5])
    A = np.array([[0.25, 0.25, 0.5], [0.25, 0.25, 0.5], [0.125, 0.125, 0.75]])
    B = np.array([[0.5, 0.25, 0.125, 0.125], [0.5, 0.25, 0.125, 0.125],
                  [0.0625, 0.0625, 0.125, 0.75]])
    yield call("viterbi", pi, A, B, np.array([0, 0, 1, 0])).because(
        "states 0 and 1 tie at every step: the path is all 0s")
    yield call("viterbi", pi, A, B, np.array([3, 3, 0, 0, 3, 0])).because(
        "each move into the twins, and out of them, ties between state 0 and state 1")


@check("property", "A[i, j] is the probability of going from state i to state j")
def direction_of_A(rng):
    pi = np.array([0.9, 0.05, 0.05])
    A = np.array([[0.05, 0.9, 0.05], [0.02, 0.97, 0.01], [0.5, 0.25, 0.25]])
    B = np.array([[0.5, 0.2, 0.2, 0.1], [0.3, 0.1, 0.2, 0.4], [0.1, 0.5, 0.3, 0.1]])
    yield call("viterbi", pi, A, B, np.array([0, 0, 3, 0, 2])).because(
        "A is far from symmetric: 0 → 1 has probability 0.9, 1 → 0 only 0.02")


@check("property", "never uses a move or an emission of probability 0")
def zero_probabilities(rng):
    pi = np.array([0.5, 0.5, 0.0])
    A = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.5, 0.0, 0.5]])
    B = np.array([[0.6, 0.4, 0.0, 0.0], [0.0, 0.3, 0.7, 0.0], [0.0, 0.0, 0.2, 0.8]])
    yield call("viterbi", pi, A, B, np.array([0, 1, 2, 2, 3, 3, 0, 1, 0])).because(
        "pi[2] = 0 and several entries of A and B are 0")
    yield call("viterbi", *random_case(rng, 4, 6, 25, sparsity=0.4))


@check("stability", "works in log space: 4,000 steps do not underflow")
def long_sequence(rng):
    yield call("viterbi", *random_case(rng, 3, 5, 4_000)).because(
        "the best path has a probability far below 1e-308, the smallest float64")
