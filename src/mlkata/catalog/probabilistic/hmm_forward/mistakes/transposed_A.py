import numpy as np

MESSAGE = ("A[i, j] is the probability of moving from state i to state j, so the new alpha is "
           "alpha(j) = Σ_i alpha(i) A[i, j] B[j, o]: that is alpha @ A, not A @ alpha.")


def hmm_forward(pi, A, B, obs):
    alpha = pi * B[:, obs[0]]
    c = alpha.sum()
    if c == 0:
        return float("-inf")
    ll, alpha = np.log(c), alpha / c
    for o in obs[1:]:
        alpha = (A @ alpha) * B[:, o]
        c = alpha.sum()
        if c == 0:
            return float("-inf")
        ll, alpha = ll + np.log(c), alpha / c
    return float(ll)
