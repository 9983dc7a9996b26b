import numpy as np

MESSAGE = ("Your policy is the argmax of the Q computed during the last backup, which is greedy "
           "in the V that backup started from. The policy must be greedy in the V you return: "
           "recompute Q = R + gamma · P V from the final V, then take the argmax.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        Q = R + gamma * (P @ V)
        V_new = Q.max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    return V, np.argmax(Q, axis=1)
