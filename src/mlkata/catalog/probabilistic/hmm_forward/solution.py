import numpy as np


def hmm_forward(pi, A, B, obs):
    pi = np.asarray(pi, dtype=float)
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    obs = np.asarray(obs)
    # Scaled forward pass: alpha holds P(state_t = j | o_1..o_t); the scale c_t is
    # P(o_t | o_1..o_{t-1}), so log P(o_1..o_T) = sum_t log c_t.
    log_likelihood = 0.0
    alpha = pi * B[:, obs[0]]
    for t in range(len(obs)):
        if t > 0:
            alpha = (alpha @ A) * B[:, obs[t]]      # alpha_t(j) = sum_i alpha(i) A[i, j] B[j, o_t]
        c = alpha.sum()
        if c == 0.0:
            return float("-inf")                    # no state can produce o_1..o_t
        log_likelihood += np.log(c)
        alpha = alpha / c
    return float(log_likelihood)
