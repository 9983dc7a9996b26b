"""One step of Adam.  Theory: `mlkata theory adam_step`."""

import numpy as np  # noqa: F401  (you will need it)


def adam_step(w, dw, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """Take one Adam step from w along the gradient dw.

    w     : ndarray of any shape, the parameters (floats or integers). Do not modify it.
    dw    : ndarray of w's shape, the gradient of the loss at w.
    state : dict {"m": ndarray, "v": ndarray, "t": int}, the moment estimates after t steps
            (a fresh state has zero arrays of w's shape and t = 0). Do not modify the dict
            or its arrays.
    lr, beta1, beta2, eps : the step size, the decay rates of the two moment averages, and the
            small number added to √v̂.

    Returns (w_new, state_new): w_new a new ndarray of w's shape; state_new a new dict
    {"m": ndarray, "v": ndarray, "t": int} with t one larger than state["t"].
    """
    raise NotImplementedError
