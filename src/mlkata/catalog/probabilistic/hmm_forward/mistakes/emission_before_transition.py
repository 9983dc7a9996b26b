import numpy as np

MESSAGE = ("Each step first moves, then emits: alpha_t(j) = [Σ_i alpha_{t-1}(i) A[i, j]] · "
           "B[j, o_t]. You multiply by B[:, o_t] before the transition, so every observation is "
           "emitted by the previous step's state.")


def hmm_forward(pi, A, B, obs):
    alpha = pi * B[:, obs[0]]
    c = alpha.sum()
    if c == 0:
        return float("-inf")
    ll, alpha = np.log(c), alpha / c
    for o in obs[1:]:
        alpha = (alpha * B[:, o]) @ A
        c = alpha.sum()
        if c == 0:
            return float("-inf")
        ll, alpha = ll + np.log(c), alpha / c
    return float(ll)
