import numpy as np

MESSAGE = ("Your returns are discounted sums of rewards to the end of the rollout, with no value at "
           "the end: an unfinished episode loses everything after step T - 1, and lam plays no part. "
           "The returns here are the lambda-returns, advantages + values (they bootstrap from "
           "values and last_value exactly as the advantages do).")


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
    returns = np.zeros_like(rewards)
    g = np.zeros_like(rewards[0])
    for t in reversed(range(len(rewards))):
        g = rewards[t] + gamma * not_done[t] * g
        returns[t] = g
    return advantages, returns
