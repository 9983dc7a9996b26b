"""The Viterbi algorithm for a discrete HMM.  Theory: `mlkata theory viterbi`."""

import numpy as np


def viterbi(pi, A, B, obs):
    """The most probable hidden state path for an observation sequence, and its log-probability.

    pi  : (S,) initial state probabilities, pi[i] = P(state_1 = i).
    A   : (S, S) transitions, A[i, j] = P(state_{t+1} = j | state_t = i); rows sum to 1.
    B   : (S, V) emissions, B[i, v] = P(o_t = v | state_t = i); rows sum to 1.
    obs : integer sequence (list or 1-D array) of length T >= 1, values in 0..V-1.
    Do not modify the inputs; integer arrays are accepted.

    Returns a tuple (path, log_prob):
      path     : integer ndarray of shape (T,), the states of the most probable path.
      log_prob : a float, log P(path, obs) of that path (not log P(obs)).
    Work in log space (long sequences must not underflow). Ties → the smallest state index,
    both when choosing a predecessor and when choosing the last state.
    """
    raise NotImplementedError
