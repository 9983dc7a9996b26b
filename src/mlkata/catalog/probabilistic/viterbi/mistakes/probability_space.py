import numpy as np

MESSAGE = ("You multiply probabilities: along a long sequence they underflow to 0, and the "
           "path is decided by ties between zeros. Work in log space: add log A and log B "
           "instead of multiplying A and B.")


def viterbi(pi, A, B, obs):
    T, S = len(obs), len(pi)
    back = np.zeros((T, S), dtype=int)
    delta = pi * B[:, obs[0]]
    for t in range(1, T):
        scores = delta[:, None] * A
        back[t] = scores.argmax(axis=0)
        delta = scores.max(axis=0) * B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = delta.argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    with np.errstate(divide="ignore"):
        return path, float(np.log(delta.max()))
