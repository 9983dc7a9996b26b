"""autograd_value: every operation's value and gradient, shared nodes, topological order,
backward from an intermediate node, relu at 0, accumulation, deep graphs, finite differences."""

import math

from mlkata.engine.kit import Scenario, check

# Gradients that cancel exactly (x - x) may come out as 1e-17 in one summation order and 0 in
# another; an absolute slack far below any real mistake keeps every correct order passing.
ATOL = 1e-10


class _OnRefs:
    """Methods of a Value, recorded as scenario steps."""

    def __init__(self, s):
        self.s = s

    def tanh(self, v):
        return self.s.method(v, "tanh")

    def relu(self, v):
        return self.s.method(v, "relu")

    def exp(self, v):
        return self.s.method(v, "exp")

    def log(self, v):
        return self.s.method(v, "log")


class _OnFloats:
    """The same functions on plain floats, for finite differences."""

    tanh = staticmethod(math.tanh)
    exp = staticmethod(math.exp)
    log = staticmethod(math.log)

    @staticmethod
    def relu(v):
        return v if v > 0 else 0.0


def graph(expr, note="", **leaves):
    """Build expr(leaves) from Values, call backward() on it, compare its data and all grads."""
    s = Scenario()
    refs = {name: s.new("Value", value, name=name) for name, value in leaves.items()}
    out = expr(*refs.values(), _OnRefs(s))
    s.method(out, "backward")
    s.get(out, "data")
    s.get(out, "grad")
    for ref in refs.values():
        s.get(ref, "grad")
    case = s.case().tolerance(atol=ATOL)
    return case.because(note) if note else case


# -- contract -------------------------------------------------------------------------------

@check("contract", "Value(x) keeps x in .data and starts with .grad = 0")
def construct(rng):
    for x in (2.5, -3):
        s = Scenario()
        a = s.new("Value", x, name="a")
        s.get(a, "data")
        s.get(a, "grad")
        yield s.case()


@check("contract", "operators and methods return new Values and leave their operands alone")
def new_values(rng):
    s = Scenario()
    a = s.new("Value", 1.5, name="a")
    b = s.new("Value", -2.0, name="b")
    for result in (a + b, a * b, _OnRefs(s).tanh(a)):
        s.get(result, "data")
        s.get(result, "grad")
    s.get(a, "data")
    s.get(b, "data")
    yield s.case()


@check("contract", "backward() sets the grad of the node it is called on to 1")
def output_grad(rng):
    s = Scenario()
    a = s.new("Value", 1.5, name="a")
    b = s.new("Value", -2.0, name="b")
    c = a * b
    s.method(c, "backward")
    s.get(c, "grad")
    yield s.case()


# -- fixed: one operation at a time ---------------------------------------------------------

@check("fixed", "a + b, a - b and -a: values and gradients")
def add_sub_neg(rng):
    yield graph(lambda a, b, F: a + b, a=2.0, b=-3.5)
    yield graph(lambda a, b, F: a + b, a=0.25, b=4.0)
    yield graph(lambda a, b, F: a - b, a=2.0, b=-3.5)
    yield graph(lambda a, b, F: a - b, a=0.25, b=4.0)
    yield graph(lambda a, F: -a, a=2.5)
    yield graph(lambda a, F: -a, a=-0.75)


@check("fixed", "a * b and a / b: values and gradients")
def mul_div(rng):
    yield graph(lambda a, b, F: a * b, a=2.0, b=-3.5)
    yield graph(lambda a, b, F: a * b, a=0.25, b=4.0)
    yield graph(lambda a, b, F: a / b, a=3.0, b=-4.0)
    yield graph(lambda a, b, F: a / b, a=-1.5, b=0.5)


@check("fixed", "a ** n for n = 2, 3, -1, 0.5: value and gradient")
def power(rng):
    yield graph(lambda a, F: a ** 2, a=3.0)
    yield graph(lambda a, F: a ** 3, a=-2.0)
    yield graph(lambda a, F: a ** -1, a=4.0)
    yield graph(lambda a, F: a ** 0.5, a=9.0)


@check("fixed", "tanh: value and gradient 1 - tanh²")
def tanh(rng):
    yield graph(lambda a, F: F.tanh(a), a=0.5)
    yield graph(lambda a, F: F.tanh(a), a=-1.2)


@check("fixed", "relu: value and gradient for positive and negative inputs")
def relu(rng):
    yield graph(lambda a, F: F.relu(a), a=1.5)
    yield graph(lambda a, F: F.relu(a), a=-2.0)


@check("fixed", "exp and log: values and gradients")
def exp_log(rng):
    yield graph(lambda a, F: F.exp(a), a=1.0)
    yield graph(lambda a, F: F.exp(a), a=-0.5)
    yield graph(lambda a, F: F.log(a), a=2.0)
    yield graph(lambda a, F: F.log(a), a=0.5)


@check("fixed", "a number on the right: a + 3, a - 2, a * 3, a / 4")
def number_right(rng):
    yield graph(lambda a, F: a + 3, a=5.0)
    yield graph(lambda a, F: a - 2, a=5.0)
    yield graph(lambda a, F: a * 3, a=5.0)
    yield graph(lambda a, F: a / 4, a=5.0)


@check("fixed", "a number on the left: 3 + a, 2 - a, 3 * a, 3 / a")
def number_left(rng):
    yield graph(lambda a, F: 3 + a, a=5.0)
    yield graph(lambda a, F: 2 - a, a=5.0).because("2 - a is -3 when a = 5, not a - 2 = 3")
    yield graph(lambda a, F: 3 * a, a=5.0)
    yield graph(lambda a, F: 3 / a, a=4.0).because("3 / a is 0.75 when a = 4, not a / 3")


@check("fixed", "worked example: a neuron tanh(w*x + b)")
def neuron(rng):
    yield graph(lambda x, w, b, F: F.tanh(w * x + b), x=2.0, w=-3.0, b=7.0)


@check("fixed", "a Value used twice gets both contributions (a * a, a + a)")
def used_twice(rng):
    yield graph(lambda a, F: a * a, a=3.0).because("d(a·a)/da = 2a")
    yield graph(lambda a, F: a + a, a=3.0).because("d(a + a)/da = 2")
    yield graph(lambda a, b, F: a * b + a, a=2.0, b=-3.0).because("a reaches the output "
                                                                   "along two paths")


@check("fixed", "a shared intermediate Value collects all its gradient before passing it on "
       "(diamond graphs: topological order)")
def diamonds(rng):
    # Shown in this order (the theory page's example first), whatever their sizes.
    for order, case in enumerate(_diamond_cases()):
        case.size = order
        yield case


def _diamond_cases():
    # The theory page's example: x = a*b, y = x + 1, L = x*y.
    s = Scenario()
    a = s.new("Value", 2.0, name="a")
    b = s.new("Value", 3.0, name="b")
    x = a * b
    y = x + 1
    out = x * y
    s.method(out, "backward")
    for ref in (out, y, x, a, b):
        s.get(ref, "grad")
    yield s.case().tolerance(atol=ATOL).because(
        "x = a*b is used by y and by L: its grad 13 = 7 + 6 is complete only after both")

    # Symmetric branches: x feeds y = 2x and z = 2x, which meet in their sum.
    s = Scenario()
    a = s.new("Value", 1.5, name="a")
    b = s.new("Value", -2.0, name="b")
    x = a * b
    out = x * 2 + x * 2
    s.method(out, "backward")
    for ref in (out, x, a, b):
        s.get(ref, "grad")
    yield s.case().tolerance(atol=ATOL).because("x reaches the output along two branches")

    # Asymmetric branches of different lengths, through tanh and exp.
    s = Scenario()
    F = _OnRefs(s)
    a = s.new("Value", 0.5, name="a")
    b = s.new("Value", -1.5, name="b")
    x = F.tanh(a * b + 1)
    y = F.exp(x) * 3
    z = x ** 2 - b
    out = y / z
    s.method(out, "backward")
    for ref in (out, y, z, x, a, b):
        s.get(ref, "grad")
    yield s.case().tolerance(atol=ATOL).because("x feeds y and z; b is used twice too")

    # Two stacked diamonds: x feeds y and z, which both feed u and w.
    s = Scenario()
    F = _OnRefs(s)
    a = s.new("Value", 0.8, name="a")
    x = a * 1.5
    y = F.tanh(x)
    z = x * x
    u = y + z
    w = y * z
    out = u * w + F.relu(u)
    s.method(out, "backward")
    for ref in (out, u, w, y, z, x, a):
        s.get(ref, "grad")
    yield s.case().tolerance(atol=ATOL).because("x, y, z and u are each used twice")


# -- random -------------------------------------------------------------------------------

def random_graph(rng, n_leaves, n_ops):
    """A random expression with shared subexpressions that all feed the output; values are
    kept where every operation is smooth and far from relu's kink, so that every correct
    implementation agrees."""
    s = Scenario()
    F = _OnRefs(s)
    names = "abcdefgh"[:n_leaves]
    nodes = []
    for name in names:
        value = round(float(rng.uniform(-2, 2)), 3)
        nodes.append((s.new("Value", value, name=name), value))
    leaves = [ref for ref, _ in nodes]
    used = set()
    while len(nodes) < n_leaves + n_ops:
        # favour recent nodes (depth) but reuse older ones too (sharing)
        i = len(nodes) - 1 - min(int(rng.exponential(2.0)), len(nodes) - 1)
        j = int(rng.integers(len(nodes)))
        (x, xv), (y, yv) = nodes[i], nodes[j]
        c = float(rng.choice([-2.5, -0.5, 1.5, 3.0]))
        op = str(rng.choice(["add", "sub", "mul", "div", "left", "right", "neg", "pow",
                             "tanh", "relu", "exp", "log"]))
        made, inputs = None, (i,)
        if op == "add":
            made, inputs = (x + y, xv + yv), (i, j)
        elif op == "sub" and i != j:
            made, inputs = (x - y, xv - yv), (i, j)
        elif op == "mul" and abs(xv * yv) < 20:
            made, inputs = (x * y, xv * yv), (i, j)
        elif op == "div" and i != j and abs(yv) > 0.5:
            made, inputs = (x / y, xv / yv), (i, j)
        elif op == "left":      # a number on the left: c + x, c - x, c * x, c / x
            k = "+-*/"[int(rng.integers(4))]
            if k == "+":
                made = (c + x, c + xv)
            elif k == "-":
                made = (c - x, c - xv)
            elif k == "*":
                made = (c * x, c * xv)
            elif abs(xv) > 0.5:
                made = (c / x, c / xv)
        elif op == "right":     # a number on the right
            k = "+-*/"[int(rng.integers(4))]
            if k == "+":
                made = (x + c, xv + c)
            elif k == "-":
                made = (x - c, xv - c)
            elif k == "*":
                made = (x * c, xv * c)
            else:
                made = (x / c, xv / c)
        elif op == "neg":
            made = (-x, -xv)
        elif op == "pow":
            if xv > 0.2 and rng.random() < 0.5:
                made = (x ** 0.5, xv ** 0.5)
            elif abs(xv) > 0.5 and rng.random() < 0.5:
                made = (x ** -1, 1 / xv)
            elif abs(xv) < 3:
                made = (x ** 2, xv ** 2)
        elif op == "tanh":
            made = (F.tanh(x), math.tanh(xv))
        elif op == "relu" and abs(xv) > 1e-3:
            made = (F.relu(x), max(xv, 0.0))
        elif op == "exp" and abs(xv) < 3:
            made = (F.exp(x), math.exp(xv))
        elif op == "log" and xv > 0.2:
            made = (F.log(x), math.log(xv))
        if made is not None:     # keep every node built (it is a step of the scenario)
            used.update(inputs)
            nodes.append(made)
    # every node nobody used yet feeds the output, so that all of them get a gradient
    loose = [ref for k, (ref, _) in enumerate(nodes) if k >= n_leaves and k not in used]
    out = loose[0]
    for ref in loose[1:]:
        out = out * 0.5 + ref
    s.method(out, "backward")
    s.get(out, "data")
    for ref in leaves + [ref for ref, _ in nodes[n_leaves:]]:
        s.get(ref, "grad")
    return s.case().tolerance(atol=ATOL)


@check("random", "agrees with the reference on random expressions with shared subexpressions")
def random_expressions(rng):
    for n_leaves, n_ops in [(2, 6), (3, 10), (3, 16), (4, 25)]:
        yield random_graph(rng, n_leaves, n_ops)


# -- property -----------------------------------------------------------------------------

@check("property", "backward() on an intermediate Value reaches only the Values it depends on")
def intermediate(rng):
    s = Scenario()
    a = s.new("Value", 2.0, name="a")
    b = s.new("Value", -3.0, name="b")
    c = a * b
    d = c + a
    e = d * d
    s.method(c, "backward")
    for ref in (a, b, c, d, e):
        s.get(ref, "grad")
    yield s.case().because("c = a*b does not depend on d = c + a or e = d*d: their grads "
                           "stay 0, and a.grad is dc/da = b only")


@check("property", "relu at exactly 0 has gradient 0")
def relu_at_zero(rng):
    yield graph(lambda a, F: F.relu(a), a=0.0).because("relu'(0) = 0 by convention")
    yield graph(lambda a, b, F: F.relu(a - b) * 3 + a, a=2.0, b=2.0).because(
        "a - b is exactly 0")


@check("property", "a second backward() adds to the grads already there (they accumulate)")
def accumulate(rng):
    s = Scenario()
    a = s.new("Value", 2.0, name="a")
    b = s.new("Value", -5.0, name="b")
    c = s.new("Value", 0.5, name="c")
    d1 = a * b
    d2 = a * a + c
    s.method(d1, "backward")
    s.method(d2, "backward")
    for ref in (a, b, c):
        s.get(ref, "grad")
    yield s.case().because("a.grad = b (from d1) + 2a (from d2) = -1: backward adds into "
                           ".grad and never resets it, as in PyTorch")


@check("property", "each Value is visited once, not once per path (30 squarings)", time_s=5)
def once_per_node(rng):
    s = Scenario()
    a = s.new("Value", 1.0, name="a")
    x = a
    for _ in range(30):
        x = x * x
    s.method(x, "backward")
    s.get(x, "data")
    s.get(a, "grad")
    yield s.case().because("31 Values, but 2^30 paths from the output back to a: a backward "
                           "that follows every path never finishes")


# -- stability ----------------------------------------------------------------------------

@check("stability", "tanh(±1000) is ±1 with gradient 0 (no overflow)")
def tanh_large(rng):
    yield graph(lambda a, F: F.tanh(a), a=1000.0)
    yield graph(lambda a, F: F.tanh(a), a=-1000.0)
    yield graph(lambda a, F: F.tanh(a * 100), a=7.5)


@check("stability", "backward() works through a chain of 300 operations")
def deep_chain(rng):
    s = Scenario()
    F = _OnRefs(s)
    a = s.new("Value", 0.3, name="a")
    x = a
    for _ in range(100):
        x = x + F.tanh(x) * 0.01
    s.method(x, "backward")
    s.get(x, "data")
    s.get(a, "grad")
    yield s.case().because("x = x + 0.01·tanh(x), 100 times: 300 operations deep. A recursive "
                           "topological sort uses one stack frame per level (Python's limit "
                           "is about 1000); an explicit stack has no limit")


# -- gradient -----------------------------------------------------------------------------

EXPRESSIONS = [
    (lambda a, b, c, F: F.tanh(a * b + c), dict(a=0.7, b=-1.3, c=0.4)),
    (lambda a, b, c, F: F.exp(a / 2) * F.log(b * b + 1) - c ** 3, dict(a=0.9, b=-1.7, c=0.6)),
    (lambda a, b, c, F: (F.relu(a - b) + 2) / (c ** 2 + 1) + F.tanh(a) * F.tanh(a),
     dict(a=1.2, b=-0.4, c=-0.8)),
    (lambda a, b, c, F: 1 / (1 + F.exp(-(a * 2 - b * 3 + c))) - (c - a) ** 0.5,
     dict(a=0.35, b=0.2, c=1.1)),
]


def _finite_difference_judge(expr, leaves):
    def judge(got, expected, case):
        names = list(leaves)
        h = 1e-6

        def f(name, shift):
            values = [leaves[n] + (shift if n == name else 0.0) for n in names]
            return expr(*values, _OnFloats)

        for name in names:
            numeric = (f(name, h) - f(name, -h)) / (2 * h)
            analytic = got.get(f"{name}.grad")
            if not isinstance(analytic, int | float):
                return f"{name}.grad is not a number"
            error = abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-8)
            if error > 1e-6:
                return (f"{name}.grad = {analytic!r}, but the finite difference "
                        f"(f(a+h) − f(a−h))/2h of the forward pass gives {numeric!r} "
                        f"(relative error {error:.2g})")
        return None
    return judge


@check("gradient", "every grad agrees with finite differences of the forward pass")
def finite_differences(rng):
    for expr, leaves in EXPRESSIONS:
        yield graph(expr, **leaves).judge(_finite_difference_judge(expr, leaves))
