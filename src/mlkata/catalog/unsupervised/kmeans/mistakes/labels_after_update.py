import numpy as np

MESSAGE = ("Your labels come from one assignment too many: you assigned the points again after "
           "the last update. Return the labels of the last iteration's own assignment, the one "
           "the final centroids were computed from.")


def _assign(X, centroids):
    return np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1), axis=1)


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    for _ in range(n_iters):
        labels = _assign(X, centroids)
        for k in range(len(centroids)):
            members = X[labels == k]
            if len(members) > 0:
                centroids[k] = members.mean(axis=0)
    return centroids, _assign(X, centroids)
