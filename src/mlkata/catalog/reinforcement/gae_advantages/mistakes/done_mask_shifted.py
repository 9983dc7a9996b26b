import numpy as np

MESSAGE = ("Your episode ends are shifted by one step: you used dones[t + 1] for step t, the "
           "convention where a flag marks the FIRST step of a new episode (stable-baselines3's "
           "episode_starts). Here dones[t] True means the episode ended after step t itself: step "
           "t's residual and running sum use 1 - dones[t].")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)
    running = np.zeros_like(rewards[0])
    T = len(rewards)
    for t in reversed(range(T)):
        mask = not_done[t + 1] if t < T - 1 else not_done[t]
        delta = rewards[t] + gamma * mask * next_value - values[t]
        running = delta + gamma * lam * mask * running
        advantages[t] = running
        next_value = values[t]
    return advantages, advantages + values
