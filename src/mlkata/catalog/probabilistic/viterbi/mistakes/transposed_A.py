import numpy as np

MESSAGE = ("A[i, j] is the probability of moving from state i to state j, so the score of "
           "reaching j from i is delta[i] + log A[i, j]: you used log A[j, i].")


def viterbi(pi, A, B, obs):
    with np.errstate(divide="ignore"):
        log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)
    T, S = len(obs), len(pi)
    back = np.zeros((T, S), dtype=int)
    delta = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        scores = delta[:, None] + log_A.T
        back[t] = scores.argmax(axis=0)
        delta = scores.max(axis=0) + log_B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = delta.argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(delta.max())
