import numpy as np

MESSAGE = ("You compare squared distances with eps itself. Either compare the distance with "
           "eps, or the squared distance with eps ** 2: ||x_i - x_j||² <= eps².")


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    m = len(X)
    near = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1) <= eps
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
                    if is_core[q]:
                        queue.append(q)
        cluster += 1
    return labels
