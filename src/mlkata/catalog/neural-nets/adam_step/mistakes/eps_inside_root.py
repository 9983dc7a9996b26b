import numpy as np

MESSAGE = ("eps is inside the square root: √(v̂ + eps) is about √eps = 1e-4 when the gradients "
           "are tiny, which shrinks the step. Add eps outside: √v̂ + eps.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / np.sqrt(v_hat + eps), {"m": m, "v": v, "t": t}
