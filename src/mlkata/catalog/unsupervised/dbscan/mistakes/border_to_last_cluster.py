import numpy as np

MESSAGE = ("A border point near two clusters ended up in the later one: your search relabels "
           "points that already have a label. Give a point a label only while it is still -1; "
           "the first cluster to reach a border point (the one with the smaller label) keeps "
           "it, as in scikit-learn.")


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
                if is_core[q]:
                    if labels[q] == -1:
                        labels[q] = cluster
                        queue.append(q)
                else:
                    labels[q] = cluster      # overwrites an earlier cluster's border point
        cluster += 1
    return labels
