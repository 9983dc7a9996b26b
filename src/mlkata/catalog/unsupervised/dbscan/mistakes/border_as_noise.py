import numpy as np

MESSAGE = ("Your clusters hold only core points, so every border point came out as noise. A "
           "non-core point within eps of a core point belongs to that core point's cluster (it "
           "is only noise when no core point is that close): label it when the search reaches "
           "it, just do not search on from it.")


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
        stack = [i]
        while stack:
            p = stack.pop()
            for q in np.flatnonzero(near[p] & is_core):
                if labels[q] == -1:
                    labels[q] = cluster
                    stack.append(q)
        cluster += 1
    return labels
