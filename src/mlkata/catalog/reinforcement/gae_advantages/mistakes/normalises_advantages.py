import numpy as np

MESSAGE = ("Your advantages are normalised (mean 0, std 1). That is a step of the PPO loss, done per "
           "minibatch, not part of GAE: return the raw sums of (gamma * lam)^l delta_{t+l}, and "
           "returns = advantages + values from those raw advantages.")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)
    running = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * not_done[t] * next_value - values[t]
        running = delta + gamma * lam * not_done[t] * running
        advantages[t] = running
        next_value = values[t]
    returns = advantages + values
    advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    return advantages, returns
