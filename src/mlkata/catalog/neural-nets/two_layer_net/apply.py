"""A two-layer network on your data, trained by gradient descent on YOUR loss and gradients
(64 hidden units, 300 full-batch steps), beside scikit-learn's MLPClassifier of the same size."""

import numpy as np

from mlkata.apply.kit import as_params, softmax_rows, standardized

KIND = "classification"
REFERENCE_NAME = "MLPClassifier(64)"
HIDDEN, LR, STEPS, REG = 64, 0.5, 300, 1e-4


def fit_predict(s, X_train, y_train, evals, seed, k):
    rng = np.random.default_rng(seed)
    n, classes = X_train.shape[1], int(y_train.max()) + 1
    start = {"W1": rng.normal(0, np.sqrt(2 / n), (n, HIDDEN)), "b1": np.zeros(HIDDEN),
             "W2": rng.normal(0, np.sqrt(1 / HIDDEN), (HIDDEN, classes)),
             "b2": np.zeros(classes)}
    X, y = s.let(standardized(X_train, X_train)), s.let(y_train)
    params = s.let(start)
    for _ in range(STEPS):
        grads = s.item(s.call("two_layer_net", params, X, y, REG), 1)
        params = s.let({key: s.item(params, key) - LR * s.item(grads, key) for key in start})
    return [params for _ in evals]


def predict(value, X_eval, X_fit):
    p = as_params(value)
    hidden = np.maximum(standardized(X_eval, X_fit) @ p["W1"] + p["b1"], 0)
    scores = hidden @ p["W2"] + p["b2"]
    return scores.argmax(axis=1), softmax_rows(scores)


def reference(seed, k, X_train):
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    return make_pipeline(StandardScaler(), MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), solver="sgd", learning_rate_init=LR, alpha=REG,
        batch_size=len(X_train), max_iter=STEPS, momentum=0.0, random_state=seed))
