import numpy as np

MESSAGE = ("Your labels are floats. They are centroid indices: return an integer array, e.g. "
           "straight from np.argmin, or with labels.astype(int) if you filled a float array.")


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    labels = np.zeros(len(X))
    for _ in range(n_iters):
        for i in range(len(X)):
            labels[i] = np.argmin(((X[i] - centroids) ** 2).sum(axis=1))
        for k in range(len(centroids)):
            if np.any(labels == k):
                centroids[k] = X[labels == k].mean(axis=0)
    return centroids, labels
