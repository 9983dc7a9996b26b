import numpy as np

MESSAGE = ("Your running sum is not reset at episode ends, so advantages leak backwards from the next "
           "episode into the previous one. Where dones[t] is True, A_t = delta_t: multiply the "
           "gamma * lam * A_{t+1} term by (1 - dones[t]) too, not only the bootstrap.")


def gae_advantages(rewards, values, dones, gamma, lam, last_value):
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    not_done = 1.0 - np.asarray(dones, dtype=float)
    advantages = np.zeros_like(rewards)
    next_value = np.asarray(last_value, dtype=float)
    running = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * not_done[t] * next_value - values[t]
        running = delta + gamma * lam * running
        advantages[t] = running
        next_value = values[t]
    return advantages, advantages + values
