import numpy as np

MESSAGE = ("You fold the bias corrections into the step size (the paper's 'efficient' form), "
           "which puts eps on √v instead of √v̂. In the first steps √v is up to 30× smaller than "
           "√v̂, so eps weighs that much more and the step is off by more than the checker's "
           "tolerance. Bias-correct m and v, then divide by √v̂ + eps.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw**2
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": t}
