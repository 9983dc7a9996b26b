import numpy as np

MESSAGE = ("Your log_prob is log P(obs), the sum over all paths (the forward algorithm). "
           "Viterbi returns the log-probability of the best path alone: the max of the "
           "last delta.")


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
        path[t - 1] = back[t, path[t]]
    with np.errstate(divide="ignore"):
        alpha = pi * B[:, obs[0]]
        ll = np.log(alpha.sum())
        alpha = alpha / alpha.sum()
        for t in range(1, T):
            alpha = (alpha @ A) * B[:, obs[t]]
            ll += np.log(alpha.sum())
            alpha = alpha / alpha.sum()
    return path, float(ll)
