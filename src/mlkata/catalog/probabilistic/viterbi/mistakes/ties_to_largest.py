import numpy as np

MESSAGE = ("On an exact tie your path takes the largest state index; the contract asks for the "
           "smallest, as np.argmax does (in a loop, replace only on a strictly larger score: "
           "> rather than >=).")


def viterbi(pi, A, B, obs):
    with np.errstate(divide="ignore"):
        log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)
    T, S = len(obs), len(pi)
    back = np.zeros((T, S), dtype=int)
    delta = log_pi + log_B[:, obs[0]]
    for t in range(1, T):
        scores = delta[:, None] + log_A
        back[t] = S - 1 - scores[::-1].argmax(axis=0)
        delta = scores.max(axis=0) + log_B[:, obs[t]]
    path = np.zeros(T, dtype=int)
    path[-1] = S - 1 - delta[::-1].argmax()
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path, float(delta.max())
