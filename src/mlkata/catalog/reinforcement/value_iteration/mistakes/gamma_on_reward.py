import numpy as np

MESSAGE = ("You discount the immediate reward too: gamma · (R + P V). The reward of this step is "
           "received now; only the future value is discounted: R + gamma · P V.")


def value_iteration(P, R, gamma, tol=1e-10, max_iters=10_000):
    V = np.zeros(P.shape[0])
    for _ in range(max_iters):
        V_new = (gamma * (R + P @ V)).max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    policy = np.argmax(gamma * (R + P @ V), axis=1)
    return V, policy
