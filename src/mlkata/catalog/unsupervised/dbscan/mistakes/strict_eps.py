import numpy as np

MESSAGE = ("A point at distance exactly eps is a neighbour: the neighbourhood is distance <= "
           "eps, inclusive (as in scikit-learn). You used < eps.")


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    m = len(X)
    near = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)) < eps
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
