import numpy as np

MESSAGE = ("Your clusters are numbered from 1 (as in the textbook pseudocode, which counts "
           "C = C + 1 before the first cluster). The contract numbers them 0, 1, 2, ... like "
           "scikit-learn, with -1 for noise: start the counter at 0 and increment it after a "
           "cluster is complete.")


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
        cluster += 1
        labels[i] = cluster
        queue = [i]
        while queue:
            p = queue.pop(0)
            for q in np.flatnonzero(near[p]):
                if labels[q] == -1:
                    labels[q] = cluster
                    if is_core[q]:
                        queue.append(q)
    return labels
