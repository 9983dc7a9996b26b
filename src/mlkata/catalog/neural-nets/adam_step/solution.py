import numpy as np


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    dw = np.asarray(dw, dtype=float)
    t = state["t"] + 1                                        # this is update number t (>= 1)
    m = beta1 * state["m"] + (1 - beta1) * dw                 # average of the gradients
    v = beta2 * state["v"] + (1 - beta2) * dw * dw            # average of their squares
    m_hat = m / (1 - beta1**t)                                # undo the pull towards 0
    v_hat = v / (1 - beta2**t)
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, {"m": m, "v": v, "t": t}
