import numpy as np

MESSAGE = ("You update the state dict you were given and return it: the caller's old state "
           "changes under its feet (its t and moments move on). Build a new dict, "
           "{'m': m, 'v': v, 't': t}, and leave `state` as it was.")


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    state["t"] += 1
    state["m"] = beta1 * state["m"] + (1 - beta1) * dw
    state["v"] = beta2 * state["v"] + (1 - beta2) * dw**2
    m_hat = state["m"] / (1 - beta1 ** state["t"])
    v_hat = state["v"] / (1 - beta2 ** state["t"])
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), state
