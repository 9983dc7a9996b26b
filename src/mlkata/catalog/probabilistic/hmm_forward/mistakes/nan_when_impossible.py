import numpy as np

MESSAGE = ("For an impossible sequence the forward sum reaches 0, and you divide by it (or "
           "compute -inf - (-inf) in a log-sum-exp): 0/0 is nan. When the total is 0, log P(obs) "
           "is exactly -inf: return float('-inf').")


def hmm_forward(pi, A, B, obs):
    alpha = pi * B[:, obs[0]]
    c = alpha.sum()
    ll, alpha = np.log(c), alpha / c
    for o in obs[1:]:
        alpha = (alpha @ A) * B[:, o]
        c = alpha.sum()
        ll, alpha = ll + np.log(c), alpha / c
    return float(ll)
