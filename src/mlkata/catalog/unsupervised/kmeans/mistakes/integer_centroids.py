import numpy as np

MESSAGE = ("With integer inputs your centroids are integers: a copy of an integer "
           "init_centroids is an integer array, and writing a mean such as 2.5 into it "
           "truncates it to 2. Start from a float copy: np.array(init_centroids, dtype=float).")


def kmeans(X, init_centroids, n_iters):
    centroids = init_centroids.copy()
    labels = None
    for _ in range(n_iters):
        d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
        labels = np.argmin(d, axis=1)
        for k in range(len(centroids)):
            members = X[labels == k]
            if len(members) > 0:
                centroids[k] = members.mean(axis=0)
    return centroids, labels
