import numpy as np

MESSAGE = ("You bias-correct with t before incrementing it: on a fresh state that is "
           "1 − beta^0 = 0, a division by zero. This update is number state['t'] + 1; "
           "increment t first and use the new t in both corrections.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state["t"]
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t + 1}
