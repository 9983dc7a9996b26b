import numpy as np

MESSAGE = ("On a tie your policy picks the largest action. The contract breaks ties towards the "
           "smallest action index, which is what np.argmax does: take the first maximum.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        V_new = (R + gamma * (P @ V)).max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    Q = R + gamma * (P @ V)
    A = Q.shape[1]
    policy = A - 1 - np.argmax(Q[:, ::-1], axis=1)
    return V, policy
