import numpy as np

MESSAGE = ("Your TD residual bootstraps across an episode end: where dones[t] is True, the step "
           "after t belongs to a NEW episode (values[t + 1] is its first state), so nothing of it "
           "counts. There delta_t = r_t - V(s_t): multiply gamma * V(s_{t+1}) by (1 - dones[t]).")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)
    running = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * next_value - values[t]
        running = delta + gamma * lam * not_done[t] * running
        advantages[t] = running
        next_value = values[t]
    return advantages, advantages + values
