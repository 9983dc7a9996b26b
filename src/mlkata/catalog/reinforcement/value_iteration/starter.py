"""Value iteration for a finite MDP.  Theory: `mlkata theory value_iteration`."""

import numpy as np


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    """Optimal state values and a greedy policy by repeated Bellman optimality backups.

    P         : ndarray (S, A, S), P[s, a, s2] = probability of moving to s2 when taking
                action a in state s (each P[s, a] sums to 1). Floats or integers.
    R         : ndarray (S, A), expected immediate reward of action a in state s.
    gamma     : discount factor in [0, 1).
    tol       : stop as soon as one backup changes no value by tol or more.
    max_iters : at most this many backups (>= 1).

    Start from V = 0. Each iteration computes, from the previous V only (synchronous),
        V_new[s] = max_a ( R[s, a] + gamma * sum_s2 P[s, a, s2] * V[s2] )
    Stop when max |V_new - V| < tol or after max_iters backups; return the last V_new.

    Returns (V, policy): V float ndarray (S,); policy integer ndarray (S,), the greedy action
    in the returned V (ties -> the smallest action index).
    """
    raise NotImplementedError
