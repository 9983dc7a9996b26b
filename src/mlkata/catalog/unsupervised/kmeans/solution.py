import numpy as np


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)   # a float copy we may update
    labels = None
    for _ in range(n_iters):
        # Assignment: squared distance of every point to every centroid, shape (m, K);
        # argmin takes the first of equal minima, i.e. the smallest centroid index.
        d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
        labels = np.argmin(d, axis=1)
        # Update: each centroid moves to the mean of its points; with none, it stays.
        for k in range(len(centroids)):
            members = X[labels == k]
            if len(members) > 0:
                centroids[k] = members.mean(axis=0)
    return centroids, labels
