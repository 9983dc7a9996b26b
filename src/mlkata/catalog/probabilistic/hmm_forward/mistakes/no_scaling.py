import numpy as np

MESSAGE = ("Your forward probabilities underflow: over thousands of steps they shrink below "
           "1e-308 and become 0, so the log is -inf. Rescale alpha to sum to 1 at every step and "
           "add up the logs of the scale factors (or work in log space).")


def hmm_forward(pi, A, B, obs):
    alpha = pi * B[:, obs[0]]
    for o in obs[1:]:
        alpha = (alpha @ A) * B[:, o]
    return float(np.log(alpha.sum()))
