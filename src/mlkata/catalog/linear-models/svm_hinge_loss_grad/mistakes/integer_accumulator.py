import numpy as np

MESSAGE = ("np.zeros_like(W) copies W's dtype: for integer inputs your dW and db are integer "
           "arrays, and dividing them by m in place cannot store fractions. Make float "
           "accumulators: np.zeros(W.shape) or np.zeros_like(W, dtype=float).")


def svm_hinge_loss_grad(W, b, X, y, reg, delta=1.0):
    m = X.shape[0]
    loss = 0.0
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    for i in range(m):
        s = X[i] @ W + b
        for j in range(W.shape[1]):
            if j == y[i]:
                continue
            margin = s[j] - s[y[i]] + delta
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
                db[j] += 1
                db[y[i]] -= 1
    loss /= m
    dW /= m
    db /= m
    return float(loss + 0.5 * reg * np.sum(W * W)), dW + reg * W, db
