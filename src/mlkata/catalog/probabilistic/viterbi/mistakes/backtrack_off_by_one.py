import numpy as np

MESSAGE = ("Your backtracking reads the wrong step's pointers: back[t, j] is the best state at "
           "t−1 for state j at t, so path[t−1] = back[t, path[t]], not back[t−1, path[t]].")


def viterbi(pi, A, B, obs):
    with np.errstate(divide="ignore"):
        log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)
    T, S = len(obs), len(pi)
    back = np.zeros((T, S), dtype=int)
    delta = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        scores = delta[:, None] + log_A
        back[t] = scores.argmax(axis=0)
        delta = scores.max(axis=0) + log_B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = delta.argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t - 1, path[t]]
    return path, float(delta.max())
