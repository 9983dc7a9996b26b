import numpy as np

MESSAGE = ("Your running sum decays by lam alone. GAE sums (gamma * lam)^l delta_{t+l}: each step "
           "back multiplies the running sum by gamma * lam, A_t = delta_t + gamma * lam * (1 - "
           "dones[t]) * A_{t+1}. (gamma inside delta is not enough.)")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)
    running = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * not_done[t] * next_value - values[t]
        running = delta + lam * not_done[t] * running
        advantages[t] = running
        next_value = values[t]
    return advantages, advantages + values
