"""The authoring kit: what an exercise's ``checks.py`` is written with.

A check is a generator decorated with :func:`check`: it receives a seeded ``rng`` and yields
cases. A case is a call (:func:`call`) or a short scenario (:class:`Scenario`) whose outputs are
compared with the reference solution's on the very same inputs, and optionally judged by a
property of its own (:meth:`Case.judge`). Cases are run smallest first, so the first failure a
learner sees is on the smallest input that shows it.

    @check("stability", "stays finite for logits of ±1000")
    def large_logits(rng):
        yield call("softmax", np.array([1000.0, 999.0, -1000.0]))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..sandbox.wire import to_plain

#: Check layers, in the order they run; a layer runs only when every earlier one passed.
LAYERS = ("contract", "fixed", "random", "property", "stability", "gradient", "behaviour")

Outputs = dict[str, Any]
#: A judge gets the learner's outputs, the reference's (None when there is no reference run),
#: and the case; it returns None when satisfied, else a sentence saying what is wrong (or a
#: :class:`Finding` when it can name a known mistake).
Judge = Callable[[Outputs, "Outputs | None", "Case"], "str | Finding | None"]


@dataclass(frozen=True)
class Finding:
    """A judge's verdict with a diagnosis id (see :mod:`mlkata.engine.diagnose`)."""

    message: str
    diagnosis: str | None = None
    diagnosis_message: str | None = None


@dataclass
class Case:
    """One input to try: steps for both sides, how to judge the outputs."""

    steps: list[dict[str, Any]]
    size: int = 0
    rtol: float = 1e-7
    atol: float | None = None
    against_reference: bool = True
    judges: list[Judge] = field(default_factory=list)
    note: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    def tolerance(self, rtol: float | None = None, atol: float | None = None) -> Case:
        if rtol is not None:
            self.rtol = rtol
        if atol is not None:
            self.atol = atol
        return self

    def structure_only(self) -> Case:
        """Compare types, shapes, lengths and dtypes, not values (for contract checks)."""
        self.rtol, self.atol = 0.0, float("inf")
        return self

    def judge(self, fn: Judge) -> Case:
        """Add a property the learner's outputs must have (run after the reference comparison)."""
        self.judges.append(fn)
        return self

    def without_reference(self) -> Case:
        """Judge by properties alone (stochastic behaviour has no single right answer)."""
        self.against_reference = False
        return self

    def because(self, note: str) -> Case:
        """Why this case exists, shown with a failure ("two points tie for the nearest one")."""
        self.note = note
        return self

    def knowing(self, **facts: Any) -> Case:
        """Facts the diagnosis may use, such as ``m`` for the number of samples."""
        self.facts.update(facts)
        return self


@dataclass
class Check:
    """A named property, tested on the cases its generator yields."""

    layer: str
    name: str
    generate: Callable[[np.random.Generator], Iterable[Case]]
    time_s: float | None = None

    def cases(self, rng: np.random.Generator) -> list[Case]:
        cases = list(self.generate(rng))
        for case in cases:
            if not isinstance(case, Case):
                raise TypeError(f"check {self.name!r} yielded {type(case).__name__}, not a Case")
        return sorted(cases, key=lambda c: c.size)


def check(layer: str, name: str, *, time_s: float | None = None
          ) -> Callable[[Callable[[np.random.Generator], Iterable[Case]]], Check]:
    """Declare a check: ``name`` states the property, in words a learner understands."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; choose from {', '.join(LAYERS)}")

    def register(fn: Callable[[np.random.Generator], Iterable[Case]]) -> Check:
        return Check(layer=layer, name=name, generate=fn, time_s=time_s)

    return register


# Values that only make sense across the boundary ---------------------------------------------

def rng(seed: int) -> dict[str, int]:
    """A fresh ``np.random.default_rng(seed)`` on each side (the learner's and the reference's)."""
    return {"__rng__": int(seed)}


def fixture(name: str, *args: Any) -> dict[str, Any]:
    """A callable built by ``fixtures.py`` of the exercise from plain arguments, on each side."""
    return {"__fn__": name, "args": [to_plain(a) for a in args]}


def _plain_arg(value: Any) -> Any:
    if isinstance(value, Ref):
        return {"__ref__": value.name}
    if isinstance(value, dict) and len(value) in (1, 2) and (
            "__rng__" in value or "__fn__" in value):
        return value
    if isinstance(value, list | tuple) and any(isinstance(v, Ref) for v in value):
        items = [_plain_arg(v) for v in value]
        return {"__tuple__": items} if isinstance(value, tuple) else items
    if isinstance(value, dict) and any(isinstance(v, Ref) for v in value.values()):
        return {"__dict__": [[k, _plain_arg(v)] for k, v in value.items()]}
    return to_plain(value)


def _size(value: Any) -> int:
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, list | tuple):
        return sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    return 1


def _facts(args: Iterable[Any]) -> dict[str, Any]:
    """``m`` for the diagnosis: the rows of the largest 2-D argument (the data, not a weight)."""
    matrices = [v for v in args if isinstance(v, np.ndarray) and v.ndim == 2]
    if not matrices:
        return {}
    return {"m": int(max(matrices, key=lambda a: a.size).shape[0])}


def call(fn: str, *args: Any, **kwargs: Any) -> Case:
    """A case that calls the learner's ``fn(*args, **kwargs)`` and compares what it returns."""
    step = {"op": "call", "fn": fn, "args": [_plain_arg(a) for a in args],
            "kwargs": {k: _plain_arg(v) for k, v in kwargs.items()}, "out": fn}
    everything = list(args) + list(kwargs.values())
    return Case(steps=[step], size=_size(everything), facts=_facts(everything))


def raises(fn: str, *args: Any, **kwargs: Any) -> Case:
    """A case where ``fn(*args, **kwargs)`` must raise: the exception's type is compared."""
    case = call(fn, *args, **kwargs)
    case.steps[0]["catch"] = True
    return case


class Ref:
    """A value living on both sides of a scenario; arithmetic on refs records operator steps."""

    def __init__(self, scenario: Scenario, name: str) -> None:
        self.scenario = scenario
        self.name = name

    def _op(self, fn: str, *args: Any) -> Ref:
        return self.scenario._store({"op": "operator", "fn": fn,
                                     "args": [_plain_arg(a) for a in args]})

    def __add__(self, o: Any) -> Ref: return self._op("add", self, o)
    def __radd__(self, o: Any) -> Ref: return self._op("add", o, self)
    def __sub__(self, o: Any) -> Ref: return self._op("sub", self, o)
    def __rsub__(self, o: Any) -> Ref: return self._op("sub", o, self)
    def __mul__(self, o: Any) -> Ref: return self._op("mul", self, o)
    def __rmul__(self, o: Any) -> Ref: return self._op("mul", o, self)
    def __truediv__(self, o: Any) -> Ref: return self._op("truediv", self, o)
    def __rtruediv__(self, o: Any) -> Ref: return self._op("truediv", o, self)
    def __pow__(self, o: Any) -> Ref: return self._op("pow", self, o)
    def __neg__(self) -> Ref: return self._op("neg", self)


class Scenario:
    """Several steps on the learner's objects, for classes and stateful APIs.

        s = Scenario()
        tree = s.new("DecisionTreeClassifier", max_depth=2)
        s.same(s.method(tree, "fit", X, y), tree, "fit(X, y) returns self")
        s.out(s.method(tree, "predict", X_test), "tree.predict(X_test)")
        yield s.case()
    """

    def __init__(self) -> None:
        self.steps: list[dict[str, Any]] = []
        self._values: list[Any] = []
        self._count = 0
        #: a label stamped on the steps that follow ("fit", "predict"); the interpreter ignores
        #: it, `mlkata apply` sums step times by it
        self.phase: str | None = None

    def _add(self, step: dict[str, Any]) -> None:
        if self.phase:
            step["phase"] = self.phase
        self.steps.append(step)

    def _store(self, step: dict[str, Any], name: str | None = None) -> Ref:
        self._count += 1
        step["as"] = name or f"v{self._count}"
        self._add(step)
        return Ref(self, step["as"])

    def let(self, value: Any, name: str | None = None) -> Ref:
        """Send a value once and refer to it by name afterwards (large data, a loop's state)."""
        self._values.append(value)
        return self._store({"op": "value", "args": [_plain_arg(value)]}, name)

    def _args(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        self._values.extend(args)
        self._values.extend(kwargs.values())
        return {"args": [_plain_arg(a) for a in args],
                "kwargs": {k: _plain_arg(v) for k, v in kwargs.items()}}

    def new(self, cls: str, *args: Any, name: str | None = None, **kwargs: Any) -> Ref:
        return self._store({"op": "call", "fn": cls, **self._args(args, kwargs)}, name)

    def call(self, fn: str, *args: Any, name: str | None = None, **kwargs: Any) -> Ref:
        return self._store({"op": "call", "fn": fn, **self._args(args, kwargs)}, name)

    def method(self, obj: Ref, method: str, *args: Any, name: str | None = None,
               **kwargs: Any) -> Ref:
        return self._store({"op": "method", "obj": obj.name, "name": method,
                            **self._args(args, kwargs)}, name)

    def item(self, obj: Ref, index: int | str, name: str | None = None) -> Ref:
        """``obj[index]``: take one item of a returned tuple, list or dict (e.g. a cache)."""
        return self._store({"op": "item", "obj": obj.name, "index": to_plain(index)}, name)

    def attr(self, obj: Ref, attribute: str, name: str | None = None) -> Ref:
        return self._store({"op": "attr", "obj": obj.name, "name": attribute}, name)

    def out(self, value: Ref, label: str) -> None:
        """Compare this value (learner's vs reference's) under ``label``."""
        self._add({"op": "value", "args": [_plain_arg(value)], "out": label})

    def get(self, obj: Ref, attribute: str, label: str | None = None) -> None:
        """Compare ``obj.attribute`` now (learner's vs reference's)."""
        self._add({"op": "attr", "obj": obj.name, "name": attribute,
                   "out": label or f"{obj.name}.{attribute}"})

    def same(self, a: Ref, b: Ref, label: str) -> None:
        """Require that ``a is b`` (for instance, ``fit`` returns ``self``)."""
        self._add({"op": "is", "args": [_plain_arg(a), _plain_arg(b)], "out": label})

    def case(self) -> Case:
        return Case(steps=list(self.steps), size=_size(self._values),
                    facts=_facts(self._values))


