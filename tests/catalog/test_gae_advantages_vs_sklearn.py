"""The gae_advantages reference against an established implementation and the definitions.

scikit-learn has no reinforcement learning. The established counterpart is stable-baselines3's
RolloutBuffer.compute_returns_and_advantage (not a dependency here): its algorithm is restated
below in its own conventions, where episode_starts[t] marks the first step of a new episode and
`dones` says whether the rollout's last step was terminal. The conversion is
episode_starts[t] = dones[t - 1] (t >= 1) and dones_sb3 = dones[T - 1]; agreeing through it
checks the contract's convention too. The reference also agrees with GAE written as its
definition, the sum over l of (gamma * lam)^l delta_{t+l} within the episode.
"""

import re

import numpy as np
import pytest

from mlkata.engine.catalog import load_catalog


@pytest.fixture(scope="module")
def exercise():
    return load_catalog()["gae_advantages"]


@pytest.fixture(scope="module")
def gae(exercise):
    return exercise.reference["gae_advantages"]


def _sb3_style(rewards, values, episode_starts, last_values, last_dones, gamma, gae_lambda):
    """stable-baselines3's backward pass (RolloutBuffer.compute_returns_and_advantage), with
    arrays of shape (T, n_envs)."""
    T = len(rewards)
    advantages = np.zeros_like(rewards)
    last_gae_lam = 0.0
    for step in reversed(range(T)):
        if step == T - 1:
            next_non_terminal = 1.0 - last_dones.astype(float)
            next_values = last_values
        else:
            next_non_terminal = 1.0 - episode_starts[step + 1]
            next_values = values[step + 1]
        delta = rewards[step] + gamma * next_values * next_non_terminal - values[step]
        last_gae_lam = delta + gamma * gae_lambda * next_non_terminal * last_gae_lam
        advantages[step] = last_gae_lam
    return advantages, advantages + values


def _definition(rewards, values, dones, gamma, lam, last_value):
    """One rollout: A_t = sum over l of (gamma lam)^l delta_{t+l}, up to the episode's end."""
    T = len(rewards)
    nxt = np.append(values[1:], last_value)
    delta = rewards + gamma * (1.0 - dones) * nxt - values
    adv = np.zeros(T)
    for t in range(T):
        for s in range(t, T):
            adv[t] += (gamma * lam) ** (s - t) * delta[s]
            if dones[s]:
                break
    return adv


def _rollouts(seed, T, N, p_done):
    rng = np.random.default_rng(seed)
    rewards = rng.normal(size=(T, N))
    values = rng.normal(scale=3.0, size=(T, N))
    dones = rng.random(size=(T, N)) < p_done
    last = rng.normal(scale=3.0, size=N)
    return rewards, values, dones, last


@pytest.mark.parametrize("T,N,p_done", [(1, 1, 0.5), (8, 3, 0.2), (64, 8, 0.05), (300, 4, 0.01),
                                        (20, 2, 0.9)])
@pytest.mark.parametrize("gamma,lam", [(0.99, 0.95), (0.9, 0.0), (0.97, 1.0), (1.0, 0.7)])
def test_matches_stable_baselines3_algorithm(gae, T, N, p_done, gamma, lam):
    rewards, values, dones, last = _rollouts(T * 31 + N, T, N, p_done)
    adv, ret = gae(rewards, values, dones, gamma, lam, last)
    starts = np.zeros((T, N))
    starts[1:] = dones[:-1]
    want_adv, want_ret = _sb3_style(rewards, values, starts, last, dones[-1], gamma, lam)
    np.testing.assert_allclose(adv, want_adv, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ret, want_ret, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_matches_the_definition_column_by_column(gae, seed):
    rewards, values, dones, last = _rollouts(seed, 40, 3, 0.1)
    gamma, lam = 0.95, 0.9
    adv, ret = gae(rewards, values, dones, gamma, lam, last)
    for j in range(3):
        want = _definition(rewards[:, j], values[:, j], dones[:, j], gamma, lam, last[j])
        np.testing.assert_allclose(adv[:, j], want, rtol=1e-12, atol=1e-12)
        one, _ = gae(rewards[:, j], values[:, j], dones[:, j], gamma, lam, float(last[j]))
        np.testing.assert_allclose(one, adv[:, j], rtol=0, atol=0)
    np.testing.assert_allclose(ret, adv + values, rtol=0, atol=0)


def test_lambda_return_recursion(gae):
    rewards, values, dones, last = _rollouts(9, 50, 2, 0.1)
    gamma, lam = 0.9, 0.8
    _, ret = gae(rewards, values, dones, gamma, lam, last)
    nxt_v = np.vstack([values[1:], last])
    nxt_r = np.vstack([ret[1:], last])  # beyond the rollout the return is last_value itself
    want = rewards + gamma * (1 - dones) * ((1 - lam) * nxt_v + lam * nxt_r)
    np.testing.assert_allclose(ret, want, rtol=1e-12, atol=1e-12)


def test_worked_example_as_printed(exercise, gae):
    theory = exercise.theory

    def row(label):
        cells = re.search(r"^\| " + re.escape(label) + r" \|([^\n]*)\|$", theory, flags=re.M)
        return [c.strip() for c in cells.group(1).split("|")]

    def numbers(label):
        return np.array([float(c.replace("−", "-")) for c in row(label)])

    rewards, values, dones = numbers("$r_t$"), numbers("$V(s_t)$"), numbers("$d_t$")
    adv, ret = gae(rewards, values, dones.astype(bool), 0.5, 0.5, 2.0)
    np.testing.assert_array_equal(adv, numbers(r"$\hat A_t$"))
    np.testing.assert_array_equal(ret, numbers(r"$\hat R_t$"))
    delta, _ = gae(rewards, values, dones.astype(bool), 0.5, 0.0, 2.0)
    np.testing.assert_array_equal(delta, numbers(r"$\delta_t$"))
    assert "advantages $(-0.5, -0.5, 1, 0, 1)$" in theory
    mc, _ = gae(rewards, values, dones.astype(bool), 0.5, 1.0, 2.0)
    np.testing.assert_array_equal(mc, [-0.5, 0.0, 1.0, 0.5, 1.0])
    assert "it gives $(-0.5, 0, 1, 0.5, 1)$" in theory
