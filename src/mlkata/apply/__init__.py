"""Apply a learner's implementation to real data, beside scikit-learn's."""
