"""The forward algorithm for a discrete HMM.  Theory: `mlkata theory hmm_forward`."""

import numpy as np


def hmm_forward(pi, A, B, obs):
    """The log-likelihood log P(obs) of an observation sequence under a discrete HMM.

    pi  : (S,) initial state probabilities, pi[i] = P(state_1 = i).
    A   : (S, S) transitions, A[i, j] = P(state_{t+1} = j | state_t = i); rows sum to 1.
    B   : (S, V) emissions, B[i, v] = P(o_t = v | state_t = i); rows sum to 1.
    obs : integer sequence (list or 1-D array) of length T >= 1, values in 0..V-1.
    Do not modify the inputs; integer arrays are accepted.

    Returns a float: log P(obs), exactly -inf when the sequence is impossible. Must not
    underflow for T = 10,000 (rescale at each step, or work in log space).
    """
    raise NotImplementedError
