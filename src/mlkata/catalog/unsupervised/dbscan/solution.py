from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    m = len(X)
    # Euclidean distance of every pair, shape (m, m); a point is its own neighbour (distance 0).
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))
    near = dist <= eps                               # inclusive: distance exactly eps counts
    is_core = near.sum(axis=1) >= min_samples        # the point itself included
    labels = np.full(m, -1)                          # -1: noise, until a cluster reaches it
    cluster = 0
    for i in range(m):                               # clusters numbered by their first core
        if not is_core[i] or labels[i] != -1:
            continue
        labels[i] = cluster
        queue = deque([i])
        while queue:                                 # breadth-first over the cluster's cores
            p = queue.popleft()
            for q in np.flatnonzero(near[p]):
                if labels[q] == -1:                  # a border point keeps the first cluster
                    labels[q] = cluster
                    if is_core[q]:                   # only core points reach further
                        queue.append(q)
        cluster += 1
    return labels
