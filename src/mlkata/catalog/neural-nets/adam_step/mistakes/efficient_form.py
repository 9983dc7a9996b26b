import numpy as np

MESSAGE = ("You fold the bias corrections into the step size (the 'efficient' form of the Adam "
           "paper), so eps lands on √v instead of √v̂. That agrees only while eps is "
           "negligible; here it is not. Bias-correct m and v, then divide by √v̂ + eps.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw**2
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": t}
