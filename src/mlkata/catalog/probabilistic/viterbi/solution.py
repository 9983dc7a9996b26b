import numpy as np


def viterbi(pi, A, B, obs):
    obs = np.asarray(obs)
    with np.errstate(divide="ignore"):              # log 0 = -inf is meant: an impossible move
        log_pi = np.log(np.asarray(pi, dtype=float))
        log_A = np.log(np.asarray(A, dtype=float))
        log_B = np.log(np.asarray(B, dtype=float))
    T, S = len(obs), len(log_pi)
    emit = log_B[:, obs].T                          # emit[t, j] = log B[j, o_t]
    back = np.zeros((T, S), dtype=np.int64)        # back[t, j]: best state at t-1 before j at t
    delta = log_pi + emit[0]                        # best log-probability of a path ending in j
    for t in range(1, T):
        scores = delta[:, None] + log_A             # scores[i, j]: come from i, move to j
        back[t] = scores.argmax(axis=0)             # ties -> smallest i
        delta = scores.max(axis=0) + emit[t]
    path = np.empty(T, dtype=np.int64)
    path[-1] = delta.argmax()                       # ties -> smallest state
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(delta[path[-1]])
