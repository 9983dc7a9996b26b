import numpy as np

MESSAGE = ("A point equally near two centroids went to the larger index: your `<=` keeps "
           "replacing the best centroid on a tie. Ties go to the smallest index, as np.argmin "
           "does: only replace on a strictly smaller distance (`<`).")


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    labels = np.zeros(len(X), dtype=int)
    for _ in range(n_iters):
        for i in range(len(X)):
            best = np.inf
            for k in range(len(centroids)):
                d = np.sum((X[i] - centroids[k]) ** 2)
                if d <= best:
                    best, labels[i] = d, k
        for k in range(len(centroids)):
            members = X[labels == k]
            if len(members) > 0:
                centroids[k] = members.mean(axis=0)
    return centroids, labels
