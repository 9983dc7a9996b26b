"""The reference knn_predict against scikit-learn's KNeighborsClassifier (uniform weights).

scikit-learn breaks a tied vote towards the smallest label too; its neighbour search does not
promise an order among equal distances, so the data here have no distance ties.
"""

import numpy as np
import pytest
from sklearn.datasets import load_iris, load_wine, make_classification
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

from mlkata.engine.catalog import SHIPPED
from mlkata.engine.exercise import Exercise

EXERCISE = Exercise.load(SHIPPED / "linear-models" / "knn_predict")
knn = EXERCISE.reference["knn_predict"]


def _datasets():
    rng = np.random.default_rng(0)
    X, y = load_iris(return_X_y=True)
    X = StandardScaler().fit_transform(X) + 1e-6 * rng.normal(size=X.shape)  # no exact ties
    yield "iris", X[::2], y[::2], X[1::2]
    X, y = load_wine(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    yield "wine", X[::2], y[::2], X[1::2]
    X, y = make_classification(n_samples=300, n_features=5, n_informative=3, n_classes=3,
                               random_state=1)
    yield "synthetic", X[:200], y[:200], X[200:]


@pytest.mark.parametrize("name,X_train,y_train,X_test", list(_datasets()),
                         ids=lambda v: v if isinstance(v, str) else "")
@pytest.mark.parametrize("k", [1, 2, 4, 5, 10])
def test_equals_sklearn(name, X_train, y_train, X_test, k):
    ours = knn(X_train, y_train, X_test, k)
    theirs = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X_train, y_train)
    np.testing.assert_array_equal(ours, theirs.predict(X_test))
    assert ours.dtype.kind in "iu"
