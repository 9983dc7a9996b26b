import numpy as np


def q_values(P, R, gamma, V):
    """Q[s, a] = R[s, a] + gamma * sum_s' P[s, a, s'] V[s']."""
    return R + gamma * (P @ V)


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        V_new = q_values(P, R, gamma, V).max(axis=1)   # one synchronous backup of every state
        converged = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if converged:
            break
    policy = np.argmax(q_values(P, R, gamma, V), axis=1)   # ties -> smallest action
    return V, policy
