import numpy as np

MESSAGE = ("A centroid that got no points became nan: the mean of an empty set of points is "
           "0/0. Update a centroid only when it has points (`if len(members) > 0`); otherwise "
           "it stays where it is.")


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    labels = None
    for _ in range(n_iters):
        d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
        labels = np.argmin(d, axis=1)
        for k in range(len(centroids)):
            centroids[k] = X[labels == k].mean(axis=0)
    return centroids, labels
