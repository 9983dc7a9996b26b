import numpy as np

MESSAGE = ("You update V in place, state by state, so later states in a sweep already see the "
           "new values of earlier ones (Gauss–Seidel). Value iteration here is synchronous: "
           "compute every V_new[s] from the previous V, then replace V all at once.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    S = P.shape[0]
    V = np.zeros(S)
    for _ in range(max_iters):
        change = 0.0
        for s in range(S):
            best = np.max(R[s] + gamma * P[s] @ V)
            change = max(change, abs(best - V[s]))
            V[s] = best
        if change < tol:
            break
    policy = np.argmax(R + gamma * (P @ V), axis=1)
    return V, policy
