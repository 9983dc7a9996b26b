"""Generalised advantage estimation.  Theory: `mlkata theory gae_advantages`."""

import numpy as np  # noqa: F401  (you will need it)


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    """GAE(gamma, lam) advantages and lambda-returns of a rollout of T steps.

    rewards    : ndarray (T,) or (T, N) for N rollouts side by side (time along axis 0);
                 rewards[t] is the reward received for the action taken at step t.
    values     : ndarray of rewards' shape, values[t] = V(s_t), the critic's value of the
                 state in which step t's action was taken.
    dones      : ndarray of rewards' shape, bool or 0/1: dones[t] True means the episode
                 ENDED after step t (s_{t+1} is terminal, worth 0; values[t + 1] belongs to a
                 new episode): no bootstrapping and no advantage carried across it.
    gamma, lam : floats in [0, 1], the discount and the GAE parameter.
    last_value : V(s_T), the value of the state after the last step: a float for (T,)
                 inputs, an ndarray (N,) for (T, N). Used only where dones[T - 1] is False.
    Inputs may be integers; do not modify them.

    delta_t = rewards[t] + gamma * (1 - dones[t]) * V(s_{t+1}) - values[t]
    A_t     = delta_t + gamma * lam * (1 - dones[t]) * A_{t+1},   A_T = 0

    Returns a tuple (advantages, returns) of float ndarrays of rewards' shape, with
    returns = advantages + values (the lambda-returns, targets for the critic).
    """
    raise NotImplementedError
