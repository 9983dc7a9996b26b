import numpy as np

MESSAGE = ("When the loop stops on tol you return the V the last backup started from, one "
           "backup short. Return V_new, the result of the backup whose change was below tol.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        V_new = (R + gamma * (P @ V)).max(axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            break
        V = V_new
    policy = np.argmax(R + gamma * (P @ V), axis=1)
    return V, policy
