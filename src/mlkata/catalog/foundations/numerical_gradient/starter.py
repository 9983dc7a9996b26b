"""Numerical gradient by centred differences.  Theory: `mlkata theory numerical_gradient`."""

import numpy as np  # noqa: F401


def numerical_gradient(f, x, h=1e-5):
    """Estimate the gradient of f at x, one entry at a time.

    f : a function that takes an array of x's shape and returns a float.
    x : ndarray of any shape (1-D, 2-D, 0-d, ...), floats or integers. Do not modify it:
        perturb a float copy.
    h : the step.

    Returns a float ndarray of x's shape whose entry i is the centred difference
        (f(x + h e_i) - f(x - h e_i)) / (2h),
    where e_i is 1 at index i and 0 elsewhere: only entry i moves, all others stay at x.
    """
    raise NotImplementedError
