import numpy as np

MESSAGE = ("Your backward loop never computes the last step (t = T - 1): its advantage stays 0 and "
           "last_value is never used. Loop over reversed(range(T)), with V(s_{t+1}) = last_value "
           "at t = T - 1 and values[t + 1] before it.")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    running = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards) - 1)):
        next_value = values[t + 1]
        delta = rewards[t] + gamma * not_done[t] * next_value - values[t]
        running = delta + gamma * lam * not_done[t] * running
        advantages[t] = running
    return advantages, advantages + values
