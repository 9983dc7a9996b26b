"""value_iteration: a worked example, random MDPs against the reference, the exact number of
synchronous backups when not converged, the stopping rule, exact ties, the fixed point."""

import numpy as np

from mlkata.engine.kit import call, check

# The worked example of the theory page: two states, "stay" (0) or "switch" (1), gamma = 1/2.
P_W = np.array([[[1.0, 0.0], [0.0, 1.0]],
                [[0.0, 1.0], [1.0, 0.0]]])
R_W = np.array([[1.0, 0.0],
                [3.0, 0.0]])


def _q(P, R, gamma, V):
    return R + gamma * np.einsum("sat,t->sa", P, V)


def _run(P, R, gamma, tol, max_iters):
    """(V_new, max |V_new - V|) for every backup the contract makes."""
    V = np.zeros(P.shape[0])
    history = []
    for _ in range(max_iters):
        V_new = _q(P, R, gamma, V).max(axis=1)
        history.append((V_new, float(np.max(np.abs(V_new - V)))))
        if history[-1][1] < tol:
            break
        V = V_new
    return history


def _clear(P, R, gamma, tol, max_iters):
    """True when the answer is unique beyond round-off: no near-tie between the best two
    actions of any state in the final values and, when tol is large enough for one backup more
    or less to show, no backup whose change is within round-off of tol (where two correct
    implementations could stop one backup apart)."""
    history = _run(P, R, gamma, tol, max_iters)
    V = history[-1][0]
    Q = np.sort(_q(P, R, gamma, V), axis=1)
    scale = max(1.0, float(np.max(np.abs(V))))
    if Q.shape[1] > 1 and np.min(Q[:, -1] - Q[:, -2]) < 1e-6 * scale:
        return False
    if tol < 1e-8 * scale:
        return True   # stopping one backup apart moves V by < tol: invisible at rtol 1e-7
    return all(abs(change - tol) > 1e-12 * scale for _, change in history)


def random_mdp(rng, S, A, gamma, tol=1e-10, max_iters=10_000):
    """A random MDP whose answer (values and greedy policy) is unique beyond round-off."""
    for _ in range(1000):
        P = rng.dirichlet(np.ones(S), size=(S, A))
        R = np.round(rng.normal(size=(S, A)), 2)
        if _clear(P, R, gamma, tol, max_iters):
            return P, R
    raise RuntimeError("no random MDP with a unique answer: loosen the conditions")


# contract: types and shapes only (the values are checked from the worked example on) --------

def _types(S):
    def judge(got, expected, case):
        result = got["value_iteration"]
        if not isinstance(result, tuple) or len(result) != 2:
            return "value_iteration should return a tuple (V, policy)"
        V, policy = result
        for name, value in (("V", V), ("policy", policy)):
            if not isinstance(value, np.ndarray) or value.shape != (S,):
                what = (f"shape {value.shape}" if isinstance(value, np.ndarray)
                        else type(value).__name__)
                return f"{name} should be an ndarray of shape ({S},), got {what}"
        if V.dtype.kind != "f":
            return f"V should hold floats, got dtype {V.dtype}"
        if policy.dtype.kind not in "iu":
            return f"policy should be an integer array, got dtype {policy.dtype} (use .astype(int))"
        return None
    return judge


P_C = np.array([[[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]],
                [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]],
                [[0.0, 0.0, 1.0], [0.0, 0.5, 0.5]]])
R_C = np.array([[1.0, 0.0], [0.0, 2.0], [0.5, -1.0]])
P_I = np.array([[[0, 1, 0], [1, 0, 0]],
                [[0, 0, 1], [0, 1, 0]],
                [[0, 0, 1], [1, 0, 0]]])
R_I = np.array([[1, 0], [3, 1], [0, 4]])


@check("contract", "returns (V, policy): V floats of shape (S,), policy integers of shape (S,)")
def types(rng):
    yield call("value_iteration", P_C, R_C, 0.9).without_reference().judge(_types(3)).because(
        "S = 3 states, A = 2 actions")


@check("contract", "accepts integer P and R")
def integers(rng):
    yield call("value_iteration", P_I, R_I, 0.5).without_reference().judge(_types(3))


# fixed ------------------------------------------------------------------------------------------

@check("fixed", "worked example: converges to V = (3, 6), policy (1, 0)")
def worked(rng):
    yield call("value_iteration", P_W, R_W, 0.5)


@check("fixed", "worked example after exactly 1, 2 and 3 backups")
def worked_steps(rng):
    for k, note in ((1, "V = (1, 3); in state 0 both actions are worth 1.5: a tie → action 0"),
                    (2, "V = (1.5, 4.5)"), (3, "V = (2.25, 5.25)")):
        yield call("value_iteration", P_W, R_W, 0.5, max_iters=k).because(note)


@check("fixed", "a small stochastic MDP (S = 3, A = 2, gamma = 0.9)")
def stochastic(rng):
    P = np.array([[[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]],
                  [[0.0, 0.5, 0.5], [1.0, 0.0, 0.0]],
                  [[0.5, 0.0, 0.5], [0.0, 1.0, 0.0]]])
    R = np.array([[0.0, -1.0], [1.0, 0.0], [2.0, -0.5]])
    yield call("value_iteration", P, R, 0.9)
    yield call("value_iteration", P, R, 0.9, max_iters=2).because("two backups only")


@check("fixed", "gamma = 0: V is the best immediate reward of each state")
def gamma_zero(rng):
    P = np.array([[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
                  [[1.0, 0.0, 0.0], [0.5, 0.0, 0.5]],
                  [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]])
    R = np.array([[2.0, -1.0], [0.0, 5.0], [-3.0, -2.0]])
    yield call("value_iteration", P, R, 0.0)


@check("fixed", "integer P and R give the same result as floats")
def integer_values(rng):
    yield call("value_iteration", P_I, R_I, 0.5)


# random -----------------------------------------------------------------------------------------

@check("random", "agrees with the reference on random MDPs")
def random_mdps(rng):
    for S, A, gamma in ((4, 2, 0.9), (3, 5, 0.5), (5, 3, 0.8), (7, 4, 0.95)):
        yield call("value_iteration", *random_mdp(rng, S, A, gamma), gamma)


# property ---------------------------------------------------------------------------------------

@check("property", "not converged: exactly max_iters synchronous backups from V = 0")
def not_converged(rng):
    for S, A, k in ((4, 3, 1), (5, 2, 2), (3, 4, 3), (6, 3, 5)):
        P, R = random_mdp(rng, S, A, 0.9, max_iters=k)
        yield call("value_iteration", P, R, 0.9, max_iters=k).because(
            f"max_iters = {k}: the values after {k} backups, each from the previous V only")


@check("property", "stops at the first backup that changes V by less than tol, and returns it")
def stopping_rule(rng):
    for S, A, tol in ((4, 3, 0.05), (5, 2, 0.01)):
        P, R = random_mdp(rng, S, A, 0.9, tol=tol)
        yield call("value_iteration", P, R, 0.9, tol=tol).because(
            f"tol = {tol:g} is large: the last backup still changed V by almost tol")


# States 0..3, actions 0..2, gamma = 1/2; every number below is exact in binary floating point.
# State 3 is absorbing with reward 0 (V = 0, all three actions tie -> 0). State 2: actions 1 and
# 2 both earn 2 and go to 3 (tie -> 1). State 1: action 0 goes to state 2 (0 + 2/2 = 1),
# action 1 earns 1 and goes to 3 (1): tie -> 0. State 0: action 0 moves to 1 or 2 with
# probability 1/2 (0 + (1 + 2)/4 = 0.75), action 1 earns 0.75: tie -> 0.
P_TIES = np.zeros((4, 3, 4))
P_TIES[3, :, 3] = 1.0
P_TIES[2, :, 3] = 1.0
P_TIES[1, 0, 2] = 1.0
P_TIES[1, 1:, 3] = 1.0
P_TIES[0, 0, 1] = P_TIES[0, 0, 2] = 0.5
P_TIES[0, 1:, 3] = 1.0
R_TIES = np.array([[0.0, 0.75, 0.5], [0.0, 1.0, 0.0], [1.0, 2.0, 2.0], [0.0, 0.0, 0.0]])


@check("property", "ties between actions go to the smallest action")
def ties(rng):
    yield call("value_iteration", P_TIES, R_TIES, 0.5).because(
        "exact ties: state 0 between actions 0 and 1, state 1 between 0 and 1, state 2 "
        "between 1 and 2, state 3 between all three")


def _fixed_point(P, R, gamma):
    def judge(got, expected, case):
        V, policy = got["value_iteration"]
        Q = _q(P, R, gamma, np.asarray(V, dtype=float))
        residual = float(np.max(np.abs(Q.max(axis=1) - V)))
        if residual > 1e-8 * max(1.0, float(np.max(np.abs(V)))):
            return (f"V is not a fixed point of the Bellman optimality backup: one more backup "
                    f"still changes it by {residual:.3g}")
        if not np.array_equal(policy, np.argmax(Q, axis=1)):
            return "policy is not greedy in the V you return"
        return None
    return judge


@check("property", "V satisfies the Bellman optimality equation, policy is greedy in it")
def fixed_point(rng):
    for S, A, gamma in ((6, 4, 0.9), (8, 3, 0.99)):
        P, R = random_mdp(rng, S, A, gamma)
        yield call("value_iteration", P, R, gamma).judge(_fixed_point(P, R, gamma))
