import numpy as np

MESSAGE = ("No bias correction: m and v start at 0, so early on they are far too small. Divide "
           "them by 1 − beta1^t and 1 − beta2^t (with the new t) before the step.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw**2
    return w - lr * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": state["t"] + 1}
