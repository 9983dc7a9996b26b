"""DBSCAN: density-based clustering with noise.  Theory: `mlkata theory dbscan`."""

import numpy as np  # noqa: F401  (you will need it)


def dbscan(X, eps, min_samples):
    """Cluster the rows of X by density; points in sparse regions are noise (-1).

    X           : ndarray (m, n), floats or integers: m points with n features. Do not modify it.
    eps         : float (or int) > 0, the neighbourhood radius.
    min_samples : int >= 1, how many points a core point's neighbourhood holds at least.

    Rules:
      - j is a neighbour of i when the Euclidean distance ||X[i] - X[j]|| <= eps (inclusive);
        every point is its own neighbour;
      - i is a core point when it has at least min_samples neighbours, itself included;
      - a cluster is a connected group of core points (two cores at distance <= eps are
        connected) plus the non-core points within eps of one of its cores (border points);
        border points do not extend a cluster;
      - clusters are numbered 0, 1, 2, ... in the order in which their first core point appears
        by index; a border point near cores of several clusters takes the smallest label;
      - every other point is noise: label -1.

    Returns an integer ndarray (m,) of labels (the same as scikit-learn's DBSCAN labels_).
    """
    raise NotImplementedError
