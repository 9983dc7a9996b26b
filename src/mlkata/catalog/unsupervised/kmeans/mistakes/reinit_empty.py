import numpy as np

MESSAGE = ("A centroid with no points must stay where it is, but yours moved: you re-seeded "
           "it (on a random point?). Some libraries do that; this contract does not, so the "
           "result is unique. Skip the update of a centroid whose cluster is empty.")


def kmeans(X, init_centroids, n_iters):
    X = np.asarray(X, dtype=float)
    centroids = np.array(init_centroids, dtype=float)
    rng = np.random.default_rng()
    labels = None
    for _ in range(n_iters):
        d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
        labels = np.argmin(d, axis=1)
        for k in range(len(centroids)):
            members = X[labels == k]
            if len(members) > 0:
                centroids[k] = members.mean(axis=0)
            else:
                centroids[k] = X[rng.integers(len(X))]
    return centroids, labels
