import numpy as np


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)   # 0 where the episode ended after step t
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)  # V(s_T): the state after the last step
    running = np.zeros_like(rewards[0])               # A_{t+1}, zero beyond the rollout
    for t in reversed(range(len(rewards))):
        # TD residual: no bootstrapping from the next state when the episode ended here
        delta = rewards[t] + gamma * not_done[t] * next_value - values[t]
        # GAE recursion: the sum of (gamma * lam)^l delta_{t+l} stops at an episode end
        running = delta + gamma * lam * not_done[t] * running
        advantages[t] = running
        next_value = values[t]
    return advantages, advantages + values
