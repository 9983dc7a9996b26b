import numpy as np

MESSAGE = ("You treat the bias as one more coordinate (a column of ones) and soft-threshold it "
           "like the weights, so alpha pulls b towards 0 too. The penalty is on w only: centre "
           "X and y, run the sweeps on w, then b = mean(y) − mean(X) @ w.")


def lasso_coordinate_descent(X, y, alpha, n_sweeps):
    m = X.shape[0]
    A = np.column_stack([np.ones(m), X])
    z = (A ** 2).sum(axis=0) / m
    theta, r = np.zeros(A.shape[1]), np.asarray(y, dtype=float).copy()
    for _ in range(n_sweeps):
        for j in range(A.shape[1]):
            if z[j] == 0:
                continue
            rho = A[:, j] @ r / m + z[j] * theta[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r = r - (new - theta[j]) * A[:, j]
            theta[j] = new
    return theta[1:], float(theta[0])
