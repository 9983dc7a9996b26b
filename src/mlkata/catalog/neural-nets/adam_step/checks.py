"""adam_step: the contract, the worked example, bias correction at later steps, random states,
the hyperparameters, eps outside the root, chains of steps fed back, and untouched inputs."""

import numpy as np

from mlkata.engine.kit import Scenario, call, check

FN = "adam_step"


def _fresh(shape):
    return {"m": np.zeros(shape), "v": np.zeros(shape), "t": 0}


def _gradient(rng, shape):
    """Gradients of size 0.1 to 2: eps = 1e-8 is negligible next to them, so any sound
    arrangement of the formula agrees (the eps rule has a check of its own)."""
    return np.round(rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 2.0, size=shape), 3)


def _state(rng, shape, t):
    return {"m": np.round(rng.normal(scale=0.3, size=shape), 3),
            "v": np.round(rng.uniform(0.05, 1.5, size=shape), 3), "t": t}


def _case(*args, **kwargs):
    return call(FN, *args, **kwargs).knowing(m=None)


@check("contract", "returns (w_new, state_new): an array of w's shape and a dict {m, v, t}")
def returns_pair(rng):
    w = np.array([0.5, -1.0, 2.0, 0.0])
    yield _case(w, _gradient(rng, 4), _fresh(4))


@check("contract", "accepts integer w and dw")
def integer_inputs(rng):
    yield _case(np.array([3, -1, 0]), np.array([1, -2, 4]), _fresh(3), lr=0.5)


@check("fixed", "worked example, step 1 from a fresh state: every coordinate moves by about lr")
def worked_step_one(rng):
    yield _case(np.array([1.0, -2.0, 0.5]), np.array([0.1, -0.3, 0.0]), _fresh(3), lr=0.1)


@check("fixed", "worked example, step 2: both averages bias-corrected with t = 2")
def worked_step_two(rng):
    state = {"m": np.array([0.01, -0.03, 0.0]), "v": np.array([1e-5, 9e-5, 0.0]), "t": 1}
    yield _case(np.array([0.9, -1.9, 0.5]), np.array([0.1, 0.3, 0.0]), state, lr=0.1)


@check("fixed", "the bias correction uses the new t, at any t")
def later_steps(rng):
    for t in (2, 9, 40):
        yield _case(np.array([1.0, -1.0, 0.25, 2.0, -0.5]), _gradient(rng, 5), _state(rng, 5, t),
                    lr=0.01).because(f"state['t'] = {t}: the correction divides by "
                                     f"1 − β^{t + 1}")


@check("random", "agrees with the reference on random parameters, gradients and states")
def random_states(rng):
    for shape, t in [((5,), 0), ((7,), 3), ((3, 4), 17), ((2, 3, 2), 250), ((30,), 1000)]:
        w = np.round(rng.normal(size=shape), 3)
        state = _fresh(shape) if t == 0 else _state(rng, shape, t)
        yield _case(w, _gradient(rng, shape), state, lr=float(rng.choice([1e-3, 0.01, 0.1])))


@check("property", "uses lr, beta1, beta2 and eps as given")
def hyperparameters(rng):
    w = np.array([1.0, -0.5, 2.0, 0.0, -1.5, 0.75])
    for kwargs in ({"lr": 0.05, "beta1": 0.5}, {"lr": 0.02, "beta2": 0.9},
                   {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 0.3}):
        yield _case(w, _gradient(rng, 6), _state(rng, 6, 4), **kwargs).because(
            ", ".join(f"{k} = {v}" for k, v in kwargs.items()))


@check("property", "eps is added to √v̂, outside the square root")
def eps_outside_root(rng):
    w = np.array([1.0, -1.0, 0.5, 2.0])
    dw = np.array([3e-8, -1e-8, 5e-9, -2e-9])
    yield _case(w, dw, _fresh(4), lr=0.01).because(
        "the gradients are as small as eps: where eps goes changes the step a lot")


def _chain(w0, c, n_steps, lr):
    """n_steps Adam steps on f(w) = ‖w − c‖², each fed the learner's own w and state."""
    s = Scenario()
    w, state = w0, _fresh(w0.shape)
    for k in range(1, n_steps + 1):
        dw = 2 * (w - c)
        result = s.call(FN, w, dw, state, lr=lr, name=f"step{k}")
        w = s.item(result, 0, name=f"w{k}")
        state = s.item(result, 1, name=f"state{k}")
        s.out(w, f"w after step {k}")
        s.out(state, f"state after step {k}")
    return s


@check("property", "feeding state_new back: consecutive steps towards a minimum")
def consecutive_steps(rng):
    c = np.array([0.5, -1.0, 2.0])
    yield _chain(np.array([2.0, 1.0, -1.0]), c, 5, 0.1).case().knowing(m=None).because(
        "five steps on f(w) = ‖w − c‖² with dw = 2(w − c), each from the state the last returned")
    yield _chain(np.round(rng.normal(size=6), 3), np.round(rng.normal(size=6), 3), 8,
                 0.05).case().knowing(m=None)


@check("property", "leaves w and the state it was given unchanged")
def inputs_unchanged(rng):
    s = Scenario()
    w0, c = np.array([1.0, -2.0, 0.5, 3.0]), np.array([0.0, 1.0, 1.0, -1.0])
    first = s.call(FN, w0, 2 * (w0 - c), _fresh(4), lr=0.1, name="step1")
    w1, state1 = s.item(first, 0, name="w1"), s.item(first, 1, name="state1")
    second = s.call(FN, w1, 2 * (w1 - c), state1, lr=0.1, name="step2")
    s.out(s.item(second, 0, name="w2"), "w2")
    s.out(w1, "w1")
    s.out(state1, "state1")
    yield s.case().knowing(m=None).because(
        "step 2 is given w1 and state1, the very objects step 1 returned; after step 2 they "
        "must still be as step 1 returned them")
