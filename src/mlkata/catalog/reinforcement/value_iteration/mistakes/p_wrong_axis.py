import numpy as np

MESSAGE = ("You sum P over its first axis, as if it were P[s', a, s]. P[s, a, s'] is the "
           "probability of reaching s' from s: the expected next value sums over the LAST "
           "axis, Σ_s' P[s, a, s'] V[s'] = P @ V.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        V_new = (R + gamma * np.einsum("tas,t->sa", P, V)).max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    policy = np.argmax(R + gamma * np.einsum("tas,t->sa", P, V), axis=1)
    return V, policy
