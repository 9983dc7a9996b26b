"""A decision tree classifier (CART, Gini).  Theory: `mlkata theory decision_tree`."""

import numpy as np  # noqa: F401  (you will need it)


class DecisionTreeClassifier:
    """A binary tree of questions "X[:, feature] <= threshold?", grown greedily.

    max_depth         : None (no limit) or an int; the root has depth 0, and a node at depth
                        max_depth is a leaf.
    min_samples_split : a node with fewer samples than this is a leaf.
    """

    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        """Grow the tree on X (m, n) (floats or integers) and integer labels y (m,) in 0..K-1.

        Every node is split with best_split's rules: Gini gain, midpoint thresholds, left child
        X[:, f] <= threshold, gains within 1e-12 tie -> smallest feature, then smallest
        threshold. A node becomes a leaf when it is pure, at max_depth, has fewer than
        min_samples_split samples, or has no split with gain > 0. A leaf predicts the majority
        class of its training samples (a tie goes to the smallest label).

        Returns self. Do not modify X or y.
        """
        raise NotImplementedError

    def predict(self, X):
        """Return an integer ndarray (m,): the label of the leaf each row of X falls into."""
        raise NotImplementedError
