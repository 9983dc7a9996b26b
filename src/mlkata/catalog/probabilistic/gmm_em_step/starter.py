"""One EM step for a Gaussian mixture.  Theory: `mlkata theory gmm_em_step`."""

import numpy as np


def gmm_em_step(X, weights, means, covs):
    """One E-step and one M-step of a full-covariance Gaussian mixture with K components.

    X       : (m, n) data, floats or integers.
    weights : (K,) mixing weights π_k (positive, summing to 1).
    means   : (K, n) component means μ_k.
    covs    : (K, n, n) component covariances Σ_k (symmetric positive definite).
    Do not modify the inputs.

    Returns a tuple (weights, means, covs, log_likelihood):
      weights, means, covs : the updated parameters, ndarrays of the same shapes as the inputs;
                             every updated covariance gets 1e-6 added to its diagonal.
      log_likelihood       : a float, Σ_i log Σ_k π_k N(x_i; μ_k, Σ_k) at the INPUT parameters.
    Work in log space (log-sum-exp): no nan for points far from every component.
    """
    raise NotImplementedError
