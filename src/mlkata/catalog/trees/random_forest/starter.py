"""A random forest of Gini trees.  Theory: `mlkata theory random_forest`."""

import numpy as np  # noqa: F401  (you will need it)


class RandomForestClassifier:
    """n_estimators trees, each grown on a bootstrap sample with random features per split.

    n_estimators : number of trees.
    max_features : number of features drawn (without replacement) at every split.
    max_depth    : None (grow until pure) or the depth at which nodes become leaves (root = 0).
    rng          : an np.random.Generator. Draw ALL randomness from it (never np.random.*),
                   so that the same seed gives the same forest.
    """

    def __init__(self, n_estimators, max_features, max_depth=None, rng=None):
        self.n_estimators = n_estimators
        self.max_features = max_features
        self.max_depth = max_depth
        self.rng = rng if rng is not None else np.random.default_rng()

    def fit(self, X, y):
        """Grow the forest on X (m, n) and integer labels y (m,) in 0..K-1; return self.

        For each tree: draw m row indices with replacement (a bootstrap sample) with self.rng,
        and grow a tree on those rows. At every node, draw max_features distinct features with
        self.rng and take the best Gini split among them only (best_split's rules: midpoint
        thresholds, left child X[:, f] <= t, ties -> smallest feature then threshold). A node is
        a leaf when it is pure, at max_depth, or when none of its drawn features gives a gain
        > 0. A leaf predicts its majority class (tie -> smallest label).
        """
        raise NotImplementedError

    def predict(self, X):
        """Majority vote of the trees: an integer ndarray (m,); a tied vote -> smallest label."""
        raise NotImplementedError
