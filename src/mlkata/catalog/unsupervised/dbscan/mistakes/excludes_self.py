import numpy as np

MESSAGE = ("Your core test does not count the point itself: a point is core when at least "
           "min_samples points lie within eps of it, ITSELF INCLUDED (distance 0). Count the "
           "whole neighbourhood, near[i].sum(), not the others only.")


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    m = len(X)
    near = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)) <= eps
    is_core = near.sum(axis=1) - 1 >= min_samples
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
