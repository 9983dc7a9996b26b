"""gae_advantages: the contract, the worked example, the two ends lam = 0 (TD residuals) and
lam = 1 (Monte Carlo minus the baseline), random rollouts and batches, then episode ends one
rule at a time: none, at the last step, at every step, bool or 0/1 flags, a long rollout."""

import numpy as np

from mlkata.engine.kit import call, check

# The worked example of the theory page: gamma = lam = 0.5, every number exact in binary.
R_W = np.array([1.0, 0.0, 2.0, 0.0, 1.0])
V_W = np.array([2.0, 1.0, 1.0, 0.5, 1.0])
D_W = np.array([False, False, True, False, False])
LAST_W = 2.0


def _rollout(r, shape, p_done=0.2, last_done=None):
    """Rewards, values, dones and last_value for a rollout of the given shape, (T,) or (T, N).
    Rewards and values have two decimals; dones are drawn with probability p_done (the last
    step's as asked)."""
    rewards = np.round(r.normal(size=shape), 2)
    values = np.round(r.normal(scale=2.0, size=shape), 2)
    dones = r.random(size=shape) < p_done
    if last_done is not None:
        dones[-1] = last_done
    last_value = np.round(r.normal(scale=2.0, size=shape[1:]), 2)
    return rewards, values, dones, (float(last_value) if len(shape) == 1 else last_value)


def _discount(r):
    return round(float(r.uniform(0.8, 0.99)), 2)


def _gae(*args, **kwargs):
    return call("gae_advantages", *args, **kwargs)


# Direct evaluations of the two ends, independent of any recursion: judges for lam = 0 and 1.

def _td_residuals(rewards, values, dones, gamma, last_value):
    rewards, values = np.asarray(rewards, float), np.asarray(values, float)
    nxt = np.concatenate([values[1:], np.asarray(last_value, float)[None]])
    return rewards + gamma * (1.0 - np.asarray(dones, float)) * nxt - values


def _monte_carlo(rewards, values, dones, gamma, last_value):
    """For every step, the discounted rewards to the episode's end (or to the rollout's end,
    then gamma^k V(s_T)), minus V(s_t): a sum written out term by term."""
    rewards, values = np.asarray(rewards, float), np.asarray(values, float)
    dones = np.asarray(dones, bool)
    T = len(rewards)
    out = np.zeros_like(rewards)
    for t in range(T):
        total, discount, s = 0.0, 1.0, t
        while True:
            total = total + discount * rewards[s]
            discount = discount * gamma
            if dones[s]:
                break
            if s == T - 1:
                total = total + discount * np.asarray(last_value, float)
                break
            s += 1
        out[t] = total - values[t]
    return out


def _equals(name, want):
    def judge(got, expected, case):
        adv = np.asarray(got["gae_advantages"][0], dtype=float)
        if adv.shape != want.shape or not np.allclose(adv, want, rtol=1e-9, atol=1e-9):
            return f"advantages should be {name}: {np.round(want, 6).tolist()}"
        return None
    return judge


# contract ---------------------------------------------------------------------------------------

@check("contract", "returns (advantages, returns): float arrays of the rewards' shape")
def shapes(r):
    rewards, values, dones, last = _rollout(r, (6,))
    yield _gae(rewards, values, dones, 0.9, 0.95, last).structure_only()


@check("contract", "accepts integer rewards and values, and 0/1 integer dones")
def integer_input(r):
    yield _gae(np.array([1, 0, 2, 0, 1]), np.array([2, 1, 1, 0, 1]), np.array([0, 0, 1, 0, 0]),
               0.5, 0.5, 2).structure_only()


@check("contract", "accepts a batch of N rollouts side by side, shape (T, N)")
def batch_shapes(r):
    rewards, values, dones, last = _rollout(r, (5, 3))
    yield _gae(rewards, values, dones, 0.9, 0.95, last).structure_only()


# fixed ------------------------------------------------------------------------------------------

@check("fixed", "the worked example: five steps, an episode end after step 2, gamma = lam = 0.5")
def worked_example(r):
    yield _gae(R_W, V_W, D_W, 0.5, 0.5, LAST_W)


@check("fixed", "lam = 0: the advantages are the one-step TD residuals")
def lam_zero(r):
    yield _gae(R_W, V_W, D_W, 0.5, 0.0, LAST_W).judge(
        _equals("the TD residuals", _td_residuals(R_W, V_W, D_W, 0.5, LAST_W)))
    rewards, values, dones, last = _rollout(r, (8,), last_done=False)
    gamma = _discount(r)
    yield _gae(rewards, values, dones, gamma, 0.0, last).judge(
        _equals("the TD residuals", _td_residuals(rewards, values, dones, gamma, last)))


@check("fixed", "lam = 1: the discounted return (bootstrapped at the rollout's end) minus V")
def lam_one(r):
    yield _gae(R_W, V_W, D_W, 0.5, 1.0, LAST_W).judge(
        _equals("the Monte Carlo returns minus the values",
                _monte_carlo(R_W, V_W, D_W, 0.5, LAST_W)))
    rewards, values, dones, last = _rollout(r, (9,), last_done=False)
    gamma = _discount(r)
    yield _gae(rewards, values, dones, gamma, 1.0, last).judge(
        _equals("the Monte Carlo returns minus the values",
                _monte_carlo(rewards, values, dones, gamma, last)))


@check("fixed", "integer inputs give the same result as floats")
def integer_values(r):
    yield _gae(np.array([1, 0, 2, 0, 1]), np.array([2, 1, 1, 0, 1]), np.array([0, 0, 1, 0, 0]),
               0.5, 0.5, 2)


# random -----------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random rollouts")
def random_rollouts(r):
    for T, p_done in [(4, 0.3), (10, 0.2), (25, 0.15), (60, 0.1)]:
        rewards, values, dones, last = _rollout(r, (T,), p_done)
        yield _gae(rewards, values, dones, _discount(r), _discount(r), last)


@check("random", "agrees with the reference on batches of rollouts, shape (T, N)")
def random_batches(r):
    for T, N in [(6, 2), (12, 4), (30, 5)]:
        rewards, values, dones, last = _rollout(r, (T, N))
        yield _gae(rewards, values, dones, _discount(r), _discount(r), last).because(
            f"{N} rollouts of {T} steps: each column has its own episode ends")


# property ---------------------------------------------------------------------------------------

@check("property", "no episode end: every step bootstraps, the last from last_value")
def no_done(r):
    for T in (1, 3, 7):
        rewards, values, _, last = _rollout(r, (T,))
        yield _gae(rewards, values, np.zeros(T, dtype=bool), _discount(r), _discount(r), last)


@check("property", "an episode that ends at the last step ignores last_value")
def last_step_done(r):
    for T in (1, 4, 9):
        rewards, values, dones, _ = _rollout(r, (T,), last_done=True)
        yield _gae(rewards, values, dones, _discount(r), _discount(r), 1000.0).because(
            "dones[-1] is True: last_value (1000) is the value of another episode's state")


@check("property", "every step ends an episode: each advantage is reward - value")
def all_done(r):
    rewards, values, _, last = _rollout(r, (6,))
    yield _gae(rewards, values, np.ones(6, dtype=bool), _discount(r), _discount(r), last)
    rewards, values, _, last = _rollout(r, (4, 3))
    yield _gae(rewards, values, np.ones((4, 3), dtype=bool), _discount(r), _discount(r), last)


@check("property", "episode ends next to each other and at the first step")
def adjacent_dones(r):
    rewards, values, _, last = _rollout(r, (8,))
    dones = np.array([True, False, True, True, False, False, True, False])
    yield _gae(rewards, values, dones, _discount(r), _discount(r), last)
    yield _gae(rewards, values, dones.astype(int), _discount(r), _discount(r), last).because(
        "the same episode ends as 0/1 integers")


@check("property", "gamma = 1 and lam = 1: rewards to the episode's end minus V")
def undiscounted(r):
    rewards, values, dones, last = _rollout(r, (10,), last_done=False)
    yield _gae(rewards, values, dones, 1.0, 1.0, last).judge(_equals(
        "the undiscounted returns minus the values",
        _monte_carlo(rewards, values, dones, 1.0, last)))


# stability --------------------------------------------------------------------------------------

@check("stability", "a long rollout: 5000 steps, gamma = 0.999, lam = 0.95")
def long_rollout(r):
    rewards, values, dones, last = _rollout(r, (5000,), p_done=0.002)
    yield _gae(rewards, values, dones, 0.999, 0.95, last)
