"""`mlkata validate --mutants`: mutation testing of an exercise's checks.

Feedback is only as good as the cases behind it: a check that a wrong solution passes tells a
learner "correct" when it is not. This module plants one small bug at a time in the reference
solution (a swapped operator, a wrong axis, an off-by-one bound, a dropped term), checks each
such *mutant* exactly as a learner's file is checked (in the sandbox, through a
:class:`~mlkata.engine.runner.Checker`), and sorts them:

- **killed**: the verdict is not a pass (and *named* when the first failure carries a
  diagnosis, so a learner who makes that slip is told what it is);
- **survived**: every check passes although the code is different;
- **equivalent**: a survivor whose outputs equal the reference's on every case, up to round-off
  (:data:`EQUIVALENT_RTOL`). Equal on every case is not equal on every input: a survivor that
  only a tie or an empty input would expose counts as equivalent here, which is why
  ``--survivors`` lists these too.

Mutants are generated from the source with :mod:`ast` (standard library). Mutation libraries
(mutmut, cosmic-ray, mutatest) rewrite files on disk, keep sessions in a database or work through
import hooks and test runners; none offers "mutants of this source string, in memory", and none
knows the mistakes that matter in numerical code (an ``axis``, ``mean`` for ``sum``, ``argmax``
for ``argmin``). Each mutation is applied as a small edit of the original text (comments and
layout stay, so a survivor is shown as a one-line diff) and verified: the edited text must parse
to exactly the mutated tree, or the mutant is not made.
"""

from __future__ import annotations

import ast
import copy
import multiprocessing
import os
import re
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..sandbox.isolation import Limits
from ..sandbox.wire import WireError, from_plain
from .compare import compare
from .exercise import Exercise, ExerciseError
from .runner import Checker, Prepared, request_for, run_trusted

#: A survivor is equivalent when every output equals the reference's within this relative
#: tolerance (of the largest entry): round-off, far below any check's 1e-7.
EQUIVALENT_RTOL = 1e-12

#: Names swapped for one another: builtins when called by name, any attribute (np.max, x.max).
ATTRIBUTE_SWAPS = {
    "max": "min", "min": "max", "argmax": "argmin", "argmin": "argmax",
    "maximum": "minimum", "minimum": "maximum", "amax": "amin", "amin": "amax",
    "nanmax": "nanmin", "nanmin": "nanmax", "fmax": "fmin", "fmin": "fmax",
    "mean": "sum", "sum": "mean", "nanmean": "nansum", "nansum": "nanmean",
    "any": "all", "all": "any", "std": "var", "var": "std", "floor": "ceil", "ceil": "floor",
}
BUILTIN_SWAPS = {"max": "min", "min": "max", "any": "all", "all": "any"}

_BINOPS: dict[type[ast.operator], tuple[str, type[ast.operator]]] = {
    ast.Add: ("+", ast.Sub), ast.Sub: ("-", ast.Add), ast.Mult: ("*", ast.Div),
    ast.Div: ("/", ast.Mult), ast.FloorDiv: ("//", ast.Div), ast.Pow: ("**", ast.Mult),
}
_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
    ast.Pow: "**", ast.Mod: "%", ast.MatMult: "@",
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
    ast.And: "and", ast.Or: "or",
}
_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_PATTERNS: dict[type[ast.AST], str] = {
    ast.Is: r"\bis\b", ast.IsNot: r"\bis\s+not\b", ast.In: r"\bin\b", ast.NotIn: r"\bnot\s+in\b",
    ast.And: r"\band\b", ast.Or: r"\bor\b",
}
#: The families of mutation, in the order they are listed.
FAMILIES = ("arithmetic", "drop-term", "compare", "boolean", "negate", "unary", "swap-name",
            "axis", "ddof", "range", "slice", "augmented")

Edit = tuple[int, int, str]  # start and end byte offsets in the original, replacement text
Path_ = tuple[tuple[str, int | None], ...]  # from the module to a node: (field, list index)


@dataclass(frozen=True)
class Mutant:
    """One mutation of a source: what changed, where, and the whole mutated source."""

    index: int
    family: str
    description: str
    line: int
    before: str  # the original line(s), stripped
    after: str  # the same line(s) in the mutant
    source: str

    @property
    def diff(self) -> str:
        return f"line {self.line}: {self.before}  →  {self.after}"


# Generation ----------------------------------------------------------------------------------

class _Text:
    """The original source as bytes (ast offsets are UTF-8 byte columns)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.data = source.encode("utf-8")
        self.starts = [0]
        for i, byte in enumerate(self.data):
            if byte == 0x0A:
                self.starts.append(i + 1)

    def start(self, node: ast.AST) -> int:
        return self.starts[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]

    def end(self, node: ast.AST) -> int:
        return self.starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]

    def segment(self, node: ast.AST) -> str:
        return self.data[self.start(node):self.end(node)].decode("utf-8")

    def splice(self, edits: list[Edit]) -> str:
        data = self.data
        for start, end, text in sorted(edits, reverse=True):
            data = data[:start] + text.encode("utf-8") + data[end:]
        return data.decode("utf-8")

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def gap_symbol(self, start: int, end: int, op: type[ast.AST]) -> tuple[int, int] | None:
        """Where an operator's token lies between two operands (comments skipped)."""
        gap = self.data[start:end].decode("utf-8")
        code = "\n".join(line.split("#", 1)[0] for line in gap.split("\n"))
        pattern = _PATTERNS.get(op) or re.escape(_SYMBOLS[op])
        found = list(re.finditer(pattern, code))
        if len(found) != 1:
            return None
        a, b = found[0].span()
        return start + len(gap[:a].encode()), start + len(gap[:b].encode())


@dataclass
class _Candidate:
    path: Path_
    family: str
    description: str
    #: the mutated node in place of the original (None: remove it from its list)
    transform: Callable[[Any], Any]
    #: ways to write the mutation as text, tried in order until one parses to the mutated tree
    edits: list[list[Edit]]


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant) and type(node.operand.value) is int):
        return -node.operand.value
    return None


def _int_node(value: int) -> ast.expr:
    if value < 0:
        return ast.UnaryOp(ast.USub(), ast.Constant(-value))
    return ast.Constant(value)


Transform = Callable[[Any], Any]


def _arithmetic(op: type[ast.operator]) -> Transform:
    return lambda n: ast.BinOp(n.left, op(), n.right)


def _augmented(op: type[ast.operator]) -> Transform:
    return lambda n: ast.AugAssign(n.target, op(), n.value)


def _compared(i: int, op: type[ast.cmpop]) -> Transform:
    return lambda n: ast.Compare(n.left, [op() if j == i else o for j, o in enumerate(n.ops)],
                                 n.comparators)


def _boolean(op: type[ast.boolop]) -> Transform:
    return lambda n: ast.BoolOp(op(), n.values)


def _named(name: str) -> Transform:
    return lambda n: ast.Name(name, ast.Load())


def _attribute(name: str) -> Transform:
    return lambda n: ast.Attribute(n.value, name, n.ctx)


def _constant(value: int) -> Transform:
    return lambda n: _int_node(value)


def _shifted(delta: int) -> Transform:
    return lambda n: ast.BinOp(n, ast.Add() if delta > 0 else ast.Sub(), ast.Constant(1))


def _bound_names(tree: ast.AST) -> set[str]:
    """Every name the module binds (a swap of these would not be a builtin's)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return names


def _is_main_guard(node: ast.AST) -> bool:
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__")


class _Sites:
    """Walks a module in source order and proposes every mutation it knows."""

    def __init__(self, tree: ast.Module, text: _Text) -> None:
        self.text = text
        self.bound = _bound_names(tree)
        self.found: list[tuple[int, int, int, _Candidate]] = []

    def walk(self, node: ast.AST, path: Path_) -> None:
        if isinstance(node, ast.Raise | ast.JoinedStr) or _is_main_guard(node):
            return  # error messages and demo code are not what the checks judge
        self.propose(node, path)
        for name, value in ast.iter_fields(node):
            if name in ("annotation", "returns", "type_comment"):
                continue
            if isinstance(node, ast.Assert) and name == "msg":
                continue
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        self.walk(item, (*path, (name, i)))
            elif isinstance(value, ast.AST):
                self.walk(value, (*path, (name, None)))

    def add(self, node: ast.AST, path: Path_, family: str, description: str,
            transform: Callable[[Any], Any], *edits: list[Edit]) -> None:
        position = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        candidate = _Candidate(path, family, description, transform, [e for e in edits if e])
        self.found.append((*position, len(self.found), candidate))

    def replace(self, node: ast.AST, path: Path_, family: str, description: str,
                transform: Callable[[Any], Any], text: str, *more: str) -> None:
        """A mutation that replaces a whole node by ``text`` (alternatives: ``more``)."""
        start, end = self.text.start(node), self.text.end(node)
        self.add(node, path, family, description, transform,
                 *[[(start, end, t)] for t in (text, *more)])

    def propose(self, node: ast.AST, path: Path_) -> None:
        t = self.text
        if isinstance(node, ast.BinOp):
            self._binop(node, path)
        elif isinstance(node, ast.AugAssign) and type(node.op) in _BINOPS:
            symbol, swapped = _BINOPS[type(node.op)]
            where = t.gap_symbol(t.end(node.target), t.start(node.value), type(node.op))
            if where:
                new = _SYMBOLS[swapped]
                self.add(node, path, "augmented", f"{symbol}= → {new}=",
                         _augmented(swapped),
                         [(where[0], where[1], new)])
        elif isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swapped_cmp = _COMPARE_SWAPS.get(type(op))
                if swapped_cmp is None:
                    continue
                left = node.left if i == 0 else node.comparators[i - 1]
                where = t.gap_symbol(t.end(left), t.start(node.comparators[i]), type(op))
                if where:
                    self.add(node, path, "compare",
                             f"{_SYMBOLS[type(op)]} → {_SYMBOLS[swapped_cmp]}",
                             _compared(i, swapped_cmp),
                             [(where[0], where[1], _SYMBOLS[swapped_cmp])])
        elif isinstance(node, ast.BoolOp):
            joint: type[ast.boolop] = type(node.op)
            other: type[ast.boolop] = ast.Or if joint is ast.And else ast.And
            edits = []
            for a, b in zip(node.values, node.values[1:], strict=False):
                where = t.gap_symbol(t.end(a), t.start(b), joint)
                if where is None:
                    return
                edits.append((where[0], where[1], _SYMBOLS[other]))
            self.add(node, path, "boolean", f"{_SYMBOLS[joint]} → {_SYMBOLS[other]}",
                     _boolean(other), edits)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not):
            operand = t.segment(node.operand)
            symbol = "-" if isinstance(node.op, ast.USub) else "not"
            self.replace(node, path, "unary", f"drop {symbol}", lambda n: n.operand,
                         operand, f"({operand})")
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            self.replace(node, path, "boolean", f"{node.value} → {not node.value}",
                         lambda n: ast.Constant(not n.value), str(not node.value))
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) \
                and node.id in BUILTIN_SWAPS and node.id not in self.bound:
            new = BUILTIN_SWAPS[node.id]
            self.replace(node, path, "swap-name", f"{node.id} → {new}",
                         _named(new), new)
        elif isinstance(node, ast.Attribute) and node.attr in ATTRIBUTE_SWAPS:
            new = ATTRIBUTE_SWAPS[node.attr]
            end = t.end(node)
            start = end - len(node.attr.encode())
            if t.data[start:end].decode() == node.attr:
                self.add(node, path, "swap-name", f".{node.attr} → .{new}",
                         _attribute(new),
                         [(start, end, new)])
        elif isinstance(node, ast.keyword) and node.arg in ("axis", "ddof"):
            self._keyword(node, path)
        elif isinstance(node, ast.Call) and self._is_range(node.func):
            self._range(node, path)
        elif isinstance(node, ast.Slice):
            for name in ("lower", "upper"):
                bound = getattr(node, name)
                if bound is not None:
                    self._off_by_one(bound, (*path, (name, None)), "slice", f"slice {name}")
        if isinstance(node, ast.If | ast.While | ast.IfExp) and not (
                isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not)):
            test = t.segment(node.test)
            self.replace(node.test, (*path, ("test", None)), "negate", "negate the condition",
                         lambda n: ast.UnaryOp(ast.Not(), n), f"not {test}", f"not ({test})")

    def _binop(self, node: ast.BinOp, path: Path_) -> None:
        t = self.text
        kind = type(node.op)
        if kind in _BINOPS:
            symbol, swapped = _BINOPS[kind]
            where = t.gap_symbol(t.end(node.left), t.start(node.right), kind)
            if where:
                self.add(node, path, "arithmetic", f"{symbol} → {_SYMBOLS[swapped]}",
                         _arithmetic(swapped),
                         [(where[0], where[1], _SYMBOLS[swapped])])
        left, right = t.segment(node.left), t.segment(node.right)
        symbol = _SYMBOLS.get(kind, "?")
        if kind in (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow):
            self.replace(node, path, "drop-term", f"drop `{symbol} {_short(right)}`",
                         lambda n: n.left, left, f"({left})")
        if kind in (ast.Add, ast.Mult):
            self.replace(node, path, "drop-term", f"drop `{_short(left)} {symbol}`",
                         lambda n: n.right, right, f"({right})")
        elif kind is ast.Sub:
            self.replace(node, path, "drop-term", f"drop `{_short(left)}` (keep -{_short(right)})",
                         lambda n: ast.UnaryOp(ast.USub(), n.right), f"-{right}", f"-({right})",
                         f"(-({right}))")

    def _keyword(self, node: ast.keyword, path: Path_) -> None:
        t = self.text
        value = _int_value(node.value)
        if value is not None:
            new = {0: 1, 1: 0}.get(value, 0)
            self.replace(node.value, (*path, ("value", None)), node.arg or "",
                         f"{node.arg}={value} → {node.arg}={new}",
                         _constant(new), str(new))
        if node.arg != "axis":
            return
        start, end = t.start(node), t.end(node)
        before = t.data[:start].rstrip()
        after_end = len(t.data) - len(t.data[end:].lstrip())
        if before.endswith(b","):
            edit = (len(before) - 1, end, "")
        elif t.data[after_end:after_end + 1] == b",":
            rest = t.data[after_end + 1:]
            edit = (start, len(t.data) - len(rest.lstrip(b" ")), "")
        else:
            edit = (start, end, "")
        self.add(node, path, "axis", f"drop axis={t.segment(node.value)}", lambda n: None,
                 [edit])

    def _is_range(self, func: ast.expr) -> bool:
        if isinstance(func, ast.Name):
            return func.id == "range" and "range" not in self.bound
        return isinstance(func, ast.Attribute) and func.attr == "arange"

    def _range(self, node: ast.Call, path: Path_) -> None:
        args = node.args
        if not 1 <= len(args) <= 3 or any(isinstance(a, ast.Starred) for a in args):
            return
        name = "range" if isinstance(node.func, ast.Name) else "arange"
        stop = 0 if len(args) == 1 else 1
        self._off_by_one(args[stop], (*path, ("args", stop)), "range", f"{name} stop")
        if len(args) >= 2:
            self._off_by_one(args[0], (*path, ("args", 0)), "range", f"{name} start")

    def _off_by_one(self, node: ast.expr, path: Path_, family: str, what: str) -> None:
        text = self.text.segment(node)
        value = _int_value(node)
        for delta in (1, -1):
            sign = "+" if delta > 0 else "-"
            if value is not None:
                self.replace(node, path, family, f"{what} {value} → {value + delta}",
                             _constant(value + delta), str(value + delta))
            else:
                self.replace(node, path, family, f"{what} {sign} 1",
                             _shifted(delta),
                             f"{text} {sign} 1", f"({text}) {sign} 1")


def _short(text: str, width: int = 24) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[:width - 1] + "…"


def _without_comment(before: str, after: str) -> tuple[str, str]:
    """The changed line(s) without the comment they share at the end."""
    common = 0
    while common < min(len(before), len(after)) and before[-1 - common] == after[-1 - common]:
        common += 1
    suffix = before[len(before) - common:]
    cut = suffix.find(" #")
    if cut < 0:
        return before, after
    drop = common - cut
    return before[:len(before) - drop].rstrip(), after[:len(after) - drop].rstrip()


def _apply(tree: ast.Module, candidate: _Candidate) -> ast.Module:
    """A copy of the tree with the candidate's mutation made."""
    mutated = copy.deepcopy(tree)
    parent: Any = mutated
    for name, index in candidate.path[:-1]:
        parent = getattr(parent, name) if index is None else getattr(parent, name)[index]
    name, index = candidate.path[-1]
    node = getattr(parent, name) if index is None else getattr(parent, name)[index]
    new = candidate.transform(node)
    if index is None:
        setattr(parent, name, new)
    elif new is None:
        del getattr(parent, name)[index]
    else:
        getattr(parent, name)[index] = new
    return mutated


def generate(source: str) -> list[Mutant]:
    """Every mutant of ``source``, one mutation each, in source order (deterministic).

    A mutant is made only when its text parses to exactly the mutated tree and compiles;
    mutations giving the same text are made once.
    """
    tree = ast.parse(source)
    text = _Text(source)
    sites = _Sites(tree, text)
    for i, stmt in enumerate(tree.body):
        sites.walk(stmt, (("body", i),))
    original_lines = source.split("\n")
    mutants: list[Mutant] = []
    seen = {source}
    for _, _, _, candidate in sorted(sites.found, key=lambda f: f[:3]):
        expected = ast.dump(_apply(tree, candidate))
        for edits in candidate.edits:
            mutated = text.splice(edits)
            if mutated in seen:
                break
            try:
                if ast.dump(ast.parse(mutated)) != expected:
                    continue
                compile(mutated, "<mutant>", "exec")
            except (SyntaxError, ValueError):
                continue
            seen.add(mutated)
            first = text.line_of(min(e[0] for e in edits))
            last = text.line_of(max(e[1] for e in edits))
            shift = mutated.count("\n") - source.count("\n")
            new_lines = mutated.split("\n")
            before, after = _without_comment(
                " ".join(" ".join(original_lines[first - 1:last]).split()),
                " ".join(" ".join(new_lines[first - 1:last + shift]).split()))
            mutants.append(Mutant(
                index=len(mutants), family=candidate.family, description=candidate.description,
                line=first, before=before, after=after, source=mutated))
            break
    return mutants


def spread(mutants: list[Mutant], limit: int | None) -> list[Mutant]:
    """At most ``limit`` mutants, spread evenly over the file (deterministic)."""
    if limit is None or len(mutants) <= limit:
        return mutants
    if limit <= 0:
        return []
    step = len(mutants) / limit
    return [mutants[int(i * step)] for i in range(limit)]


# Classification ------------------------------------------------------------------------------

@dataclass
class MutantResult:
    mutant: Mutant
    #: "killed", "survived", "equivalent"; "checker-error" when judging it crashed the checker
    #: (a judge that cannot take such an output: a bug in the checks); "invalid" when the
    #: exercise's own reference fails
    status: str
    verdict: str = ""  # the verdict's status: pass, fail, error
    check: str | None = None  # the first failing check (killed)
    layer: str | None = None  # its layer
    message: str = ""  # what it told the learner
    diagnosis: str | None = None  # its diagnosis id, when it names the mistake
    seconds: float = 0.0
    detail: str = ""

    @property
    def named(self) -> bool:
        return self.status == "killed" and self.diagnosis is not None

    def to_json(self) -> dict[str, Any]:
        m = self.mutant
        return {"index": m.index, "family": m.family, "description": m.description,
                "line": m.line, "before": m.before, "after": m.after, "status": self.status,
                "verdict": self.verdict, "check": self.check, "layer": self.layer,
                "message": self.message, "diagnosis": self.diagnosis,
                "named": self.named, "seconds": round(self.seconds, 3),
                **({"detail": self.detail} if self.detail else {})}


def _unique_cases(prepared: list[Prepared]) -> dict[str, list[dict[str, Any]]]:
    cases: dict[str, list[dict[str, Any]]] = {}
    for prep in prepared:
        for case, key in zip(prep.cases, prep.keys, strict=True):
            cases.setdefault(key, case.steps)
    return cases


def case_outputs(exercise: Exercise, checker: Checker, source: str, filename: str
                 ) -> dict[str, dict[str, Any]]:
    """What ``source`` returns on every case of the checker's battery (by case key), run in the
    checker's sandbox like any learner's file: one child for all the cases."""
    prepared = checker.prepare(exercise)
    cases = _unique_cases(prepared)
    keys = list(cases)
    limits = Limits(time_s=sum(p.check.time_s or exercise.limits.time_s for p in prepared),
                    memory_mb=exercise.limits.memory_mb)
    request = {**request_for(exercise, source, filename), "cases": [cases[k] for k in keys]}
    run = checker.sandbox.run(request, limits)
    outputs: dict[str, dict[str, Any]] = {}
    for message in run.messages:
        index = message.get("case")
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(keys):
            outputs.setdefault(keys[index], message)
    return outputs


def same_as_reference(exercise: Exercise, checker: Checker,
                      outputs: dict[str, dict[str, Any]]) -> bool:
    """Whether the outputs (from :func:`case_outputs`) equal the reference's on every case, up
    to :data:`EQUIVALENT_RTOL`; cases judged without a reference are run on it here."""
    fixtures = exercise.fixtures[0] if exercise.fixtures else {}
    for prep in checker.prepare(exercise):
        for case, key, expected in zip(prep.cases, prep.keys, prep.expected, strict=True):
            message = outputs.get(key)
            if message is None or "outputs" not in message:
                return False
            try:
                got = {str(label): from_plain(value) for label, value in message["outputs"]}
            except (WireError, TypeError, ValueError):
                return False
            if expected is None:
                try:
                    expected = run_trusted(exercise.reference, fixtures, case)
                except Exception:
                    return False
            if set(got) != set(expected):
                return False
            for label, want in expected.items():
                try:
                    if compare(want, got[label], EQUIVALENT_RTOL) is not None:
                        return False
                except TypeError:
                    return False
    return True


def classify(exercise: Exercise, checker: Checker, mutant: Mutant) -> MutantResult:
    """Check a mutant as a learner's file; a survivor is then compared output by output."""
    started = time.perf_counter()
    filename = f"{exercise.id}.py"
    verdict = checker.check(exercise, mutant.source, filename)
    if not verdict.passed:
        failure = verdict.first_failure
        return MutantResult(mutant, "killed", verdict.status,
                            check=failure.name if failure else None,
                            layer=failure.layer if failure else None,
                            message=(failure.message if failure else verdict.message or "")[:300],
                            diagnosis=verdict.diagnosis_id,
                            seconds=time.perf_counter() - started)
    outputs = case_outputs(exercise, checker, mutant.source, filename)
    status = "equivalent" if same_as_reference(exercise, checker, outputs) else "survived"
    return MutantResult(mutant, status, verdict.status, seconds=time.perf_counter() - started)


# Reports -------------------------------------------------------------------------------------

@dataclass
class ExerciseReport:
    exercise: str
    folder: str
    results: list[MutantResult] = field(default_factory=list)
    error: str | None = None  # why the exercise's mutants could not be judged

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def mutants(self) -> int:
        return len(self.results)

    @property
    def named(self) -> int:
        return sum(r.named for r in self.results)

    def summary(self) -> dict[str, Any]:
        return summarise(self.mutants, self.count("killed"), self.count("survived"),
                         self.count("equivalent"), self.named, self.count("checker-error"))

    def to_json(self) -> dict[str, Any]:
        return {"exercise": self.exercise, "folder": self.folder, "error": self.error,
                **self.summary(), "results": [r.to_json() for r in self.results]}


def summarise(mutants: int, killed: int, survived: int, equivalent: int, named: int,
              checker_errors: int = 0) -> dict[str, Any]:
    """Counts and the two rates: killed of the non-equivalent mutants, named of the killed."""
    judged = killed + survived
    return {"mutants": mutants, "killed": killed, "survived": survived,
            "equivalent": equivalent, "named": named, "checker_errors": checker_errors,
            "kill_rate": round(killed / judged, 4) if judged else None,
            "named_share": round(named / killed, 4) if killed else None}


def totals(reports: list[ExerciseReport]) -> dict[str, Any]:
    judged = [r for r in reports if r.error is None]
    return {"exercises": len(reports), "errors": len(reports) - len(judged),
            **summarise(sum(r.mutants for r in judged), sum(r.count("killed") for r in judged),
                        sum(r.count("survived") for r in judged),
                        sum(r.count("equivalent") for r in judged),
                        sum(r.named for r in judged),
                        sum(r.count("checker-error") for r in judged))}


def report_json(reports: list[ExerciseReport], seconds: float, jobs: int,
                max_mutants: int | None) -> dict[str, Any]:
    return {"version": 1, "seconds": round(seconds, 2), "jobs": jobs,
            "max_mutants": max_mutants, "equivalent_rtol": EQUIVALENT_RTOL,
            "totals": totals(reports), "exercises": [r.to_json() for r in reports]}


# Running, in parallel ------------------------------------------------------------------------

class _Judge:
    """Checkers with their own sandboxes (one per set of importable packages), the exercises
    loaded, and whether each one's reference passes (a mutant of a failing reference says
    nothing about the checks)."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.checkers: dict[tuple[str, ...], Checker] = {}
        self.exercises: dict[str, tuple[Exercise | None, str | None]] = {}

    def checker(self, exercise: Exercise) -> Checker:
        packages = tuple(getattr(exercise, "packages", ()) or ())
        if packages not in self.checkers:
            sandbox = None
            if packages:  # an exercise whose learners may import more than numpy
                from ..sandbox import Sandbox
                sandbox = Sandbox(packages=packages)
            self.checkers[packages] = Checker(sandbox, seed=self.seed)
        return self.checkers[packages]

    def exercise(self, folder: str) -> tuple[Exercise | None, str | None]:
        if folder not in self.exercises:
            try:
                exercise = Exercise.load(Path(folder))
                source = exercise.solution_path.read_text(encoding="utf-8")
                verdict = self.checker(exercise).check(exercise, source, f"{exercise.id}.py")
                failure = verdict.first_failure
                problem = None if verdict.passed else (
                    f"the reference does not pass: {failure.name if failure else ''}: "
                    f"{failure.message if failure else verdict.message}")
                self.exercises[folder] = (exercise, problem)
            except (ExerciseError, OSError) as exc:
                self.exercises[folder] = (None, str(exc))
        return self.exercises[folder]

    def __call__(self, folder: str, mutant: Mutant) -> MutantResult:
        exercise, problem = self.exercise(folder)
        if exercise is None or problem is not None:
            return MutantResult(mutant, "invalid", detail=problem or "")
        try:
            # a check's judge runs here on the mutant's outputs, which may overflow: numpy's
            # warnings about them are noise in a report
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return classify(exercise, self.checker(exercise), mutant)
        except ExerciseError as exc:
            return MutantResult(mutant, "invalid", detail=str(exc))
        except Exception as exc:  # the checks' own code failed on what this mutant returned
            return MutantResult(mutant, "checker-error",
                                detail=f"{type(exc).__name__}: {exc}"[:300])

    def close(self) -> None:
        for checker in self.checkers.values():
            checker.close()


_WORKER: _Judge | None = None


def _start_worker(seed: int) -> None:
    global _WORKER
    from multiprocessing.util import Finalize
    _WORKER = _Judge(seed)
    Finalize(_WORKER, _WORKER.close, exitpriority=10)


def _work(folder: str, mutant: Mutant) -> MutantResult:
    assert _WORKER is not None
    return _WORKER(folder, mutant)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def plan(exercises: Iterable[Exercise], max_mutants: int | None = None
         ) -> list[tuple[ExerciseReport, list[Mutant]]]:
    """Each exercise's report (empty) and the mutants of its reference to judge."""
    planned = []
    for exercise in exercises:
        report = ExerciseReport(exercise.id, str(exercise.folder))
        try:
            mutants = spread(generate(exercise.solution_path.read_text(encoding="utf-8")),
                             max_mutants)
        except (OSError, SyntaxError, ValueError) as exc:
            report.error = f"cannot read the reference: {exc}"
            mutants = []
        planned.append((report, mutants))
    return planned


def mutation_test(exercises: Iterable[Exercise], jobs: int = 1, max_mutants: int | None = None,
                  seed: int = 0, progress: Callable[[int, int, ExerciseReport, MutantResult],
                                                    None] | None = None
                  ) -> list[ExerciseReport]:
    """Generate and judge the mutants of every exercise's reference solution.

    With ``jobs`` > 1 the mutants are judged in a pool of processes, each with a checker and
    a sandbox of its own. ``progress(done, total, report, result)`` is called as each mutant is
    judged, in the calling process.
    """
    planned = plan(exercises, max_mutants)
    tasks = [(report, mutant) for report, mutants in planned for mutant in mutants]
    slots: list[MutantResult | None] = [None] * len(tasks)

    def done(i: int, result: MutantResult, count: int) -> None:
        slots[i] = result
        if progress is not None:
            progress(count, len(tasks), tasks[i][0], result)

    if jobs <= 1 or len(tasks) <= 1:
        judge = _Judge(seed)
        try:
            for i, (report, mutant) in enumerate(tasks):
                done(i, judge(report.folder, mutant), i + 1)
        finally:
            judge.close()
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=_start_worker, initargs=(seed,)) as pool:
            futures = {pool.submit(_work, report.folder, mutant): i
                       for i, (report, mutant) in enumerate(tasks)}
            for count, future in enumerate(as_completed(futures), 1):
                done(futures[future], future.result(), count)
    for (report, _), result in zip(tasks, slots, strict=True):
        assert result is not None
        if result.status == "invalid":
            report.error = report.error or result.detail or "the mutants could not be judged"
        else:
            report.results.append(result)
    for report, _ in planned:
        if report.error is not None:
            report.results = []
    return [report for report, _ in planned]


def survivors(report: ExerciseReport) -> Iterator[MutantResult]:
    """The mutants that crashed the checker, the survivors, then the equivalent ones."""
    yield from (r for r in report.results if r.status == "checker-error")
    yield from (r for r in report.results if r.status == "survived")
    yield from (r for r in report.results if r.status == "equivalent")
