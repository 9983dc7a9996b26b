import numpy as np

MESSAGE = ("Your search also expands from border points, so a cluster chains on through sparse "
           "points (and can swallow a neighbouring cluster through them). Only a core point "
           "reaches further: give a non-core neighbour the cluster's label, but do not add its "
           "own neighbours to the search.")


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    m = len(X)
    near = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)) <= eps
    is_core = near.sum(axis=1) >= min_samples
    labels = np.full(m, -1)
    cluster = 0
    for i in range(m):
        if not is_core[i] or labels[i] != -1:
            continue
        labels[i] = cluster
        queue = [i]
        while queue:
            p = queue.pop(0)
            for q in np.flatnonzero(near[p]):
                if labels[q] == -1:
                    labels[q] = cluster
                    queue.append(q)          # expands every point, core or not
        cluster += 1
    return labels
