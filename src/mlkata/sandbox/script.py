"""The tiny scenario language both sides of the boundary execute.

A case is a list of steps (plain data): call a function, construct an object, call a method, apply
an operator, read an attribute. The learner's process runs a case against the learner's module;
the checker runs the very same case against the reference, so both receive identical inputs
(read-only arrays, generators rebuilt from the same seed) and are judged output by output.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np

from .wire import Raised, WireError, from_plain

OPERATORS: dict[str, Callable[..., Any]] = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
    "pow": operator.pow, "matmul": operator.matmul, "neg": operator.neg,
}


class ScenarioError(Exception):
    """A case that is malformed (an authoring bug, or tampering), not a learner mistake."""


class Interpreter:
    """Runs the steps of one case in a namespace (the learner's module or the reference)."""

    def __init__(self, namespace: Mapping[str, Any], fixtures: Mapping[str, Any]) -> None:
        self.namespace = namespace
        self.fixtures = fixtures
        self.env: dict[str, Any] = {}
        self.step = -1
        self.seconds: list[float] = []  # wall time of each step, for `mlkata apply`

    def run(self, steps: list[dict[str, Any]]) -> Iterator[tuple[str, Any]]:
        """Execute the steps in order, yielding ``(label, value)`` for every step with ``out``."""
        for self.step, step in enumerate(steps):
            started = time.perf_counter()
            if step.get("catch"):
                try:
                    value = self._execute(step)
                except Exception as exc:  # the case expects an exception: its type is the output
                    value = Raised(type(exc).__name__)
            else:
                value = self._execute(step)
            self.seconds.append(time.perf_counter() - started)
            if step.get("as"):
                self.env[step["as"]] = value
            if step.get("out"):
                yield step["out"], value

    def _execute(self, step: dict[str, Any]) -> Any:
        op = step.get("op")
        args = [self.value(a) for a in step.get("args", [])]
        kwargs = {str(k): self.value(v) for k, v in step.get("kwargs", {}).items()}
        if op == "call":
            return self._global(step["fn"])(*args, **kwargs)
        if op == "method":
            return getattr(self._var(step["obj"]), step["name"])(*args, **kwargs)
        if op == "attr":
            return getattr(self._var(step["obj"]), step["name"])
        if op == "item":
            return self._var(step["obj"])[self.value(step["index"])]
        if op == "operator":
            return OPERATORS[step["fn"]](*args)
        if op == "is":
            return args[0] is args[1]
        if op == "value":
            return args[0]
        raise ScenarioError(f"unknown step {op!r}")

    def _global(self, name: str) -> Any:
        try:
            return self.namespace[name]
        except KeyError:
            raise NameError(f"name {name!r} is not defined in your file") from None

    def _var(self, name: str) -> Any:
        try:
            return self.env[name]
        except KeyError:
            raise ScenarioError(f"no variable {name!r} in this case") from None

    def value(self, plain: Any) -> Any:
        return from_plain(plain, self._special)

    def _special(self, tagged: dict[str, Any]) -> Any:
        if "__ref__" in tagged:
            return self._var(str(tagged["__ref__"]))
        if "__rng__" in tagged:
            seed = tagged["__rng__"]
            if not isinstance(seed, int):
                raise WireError("a generator seed must be an integer")
            return np.random.default_rng(seed)
        name = tagged.get("__fn__")
        factory = self.fixtures.get(name) if isinstance(name, str) else None
        if factory is None:
            raise ScenarioError(f"no fixture named {name!r}")
        return factory(*[self.value(a) for a in tagged.get("args", [])])
