"""Grading in one child per submission: a case shared by several seeds runs once, and the child
is stopped as soon as what it sent settles the verdict; nothing is lost by either."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest

from mlkata.engine.batch import check_together
from mlkata.engine.catalog import Catalog
from mlkata.engine.exercise import Exercise
from mlkata.engine.kit import LAYERS
from mlkata.engine.runner import Checker
from mlkata.engine.verdict import Verdict
from mlkata.sandbox import Limits, Run, Sandbox

PROBE = textwrap.dedent("""
    calls = 0
    def probe():
        global calls
        calls += 1
        print(f"call {calls}")
        if calls > 1:
            while True:
                pass
        return calls
""")
CALL = [{"op": "call", "fn": "probe", "args": [], "kwargs": {}, "out": "probe"}]


def test_until_stops_the_child_and_keeps_what_it_printed():
    seen: list[dict] = []

    def until(message: dict) -> bool:
        seen.append(message)
        return message.get("case") == 0

    with Sandbox() as sandbox:
        run = sandbox.run({"source": PROBE, "filename": "/p.py", "cases": [CALL, CALL]},
                          Limits(time_s=60), until=until)
        assert run.stopped and not run.timed_out and run.protocol_error is None
        assert [m["case"] for m in run.messages if "case" in m] == [0]
        assert run.messages == seen
        assert "call 1" in run.stdout
        # the zygote serves the next check as if nothing happened
        again = sandbox.run({"source": PROBE, "filename": "/p.py", "cases": [CALL]},
                            Limits(time_s=10))
        assert not again.stopped and again.messages[-1] == {"done": True}
        assert [m["outputs"] for m in again.messages if "case" in m] == [[["probe", 1]]]


def test_a_stop_that_comes_after_the_end_is_harmless():
    """The checker may ask to stop a child that has already finished: the zygote, idle by
    then, must drop the request rather than take it for a check."""
    with Sandbox() as sandbox:
        for _ in range(3):
            run = sandbox.run({"source": PROBE, "filename": "/p.py", "cases": [CALL]},
                              Limits(time_s=10), until=lambda m: m.get("done") is True)
            assert [m["outputs"] for m in run.messages if "case" in m] == [[["probe", 1]]]
            assert run.protocol_error is None and not run.timed_out


def test_a_checker_bug_while_streaming_is_raised_and_the_zygote_stays_in_step():
    def until(message: dict) -> bool:
        if "case" in message:
            raise RuntimeError("a bug in a judge")
        return False

    with Sandbox() as sandbox:
        with pytest.raises(RuntimeError, match="a bug in a judge"):
            sandbox.run({"source": PROBE, "filename": "/p.py", "cases": [CALL, CALL]},
                        Limits(time_s=60), until=until)
        again = sandbox.run({"source": PROBE, "filename": "/p.py", "cases": [CALL]},
                            Limits(time_s=10))
        assert [m["outputs"] for m in again.messages if "case" in m] == [[["probe", 1]]]


@pytest.fixture()
def softmax(catalog: Catalog) -> Exercise:
    exercise = catalog["softmax"]
    return replace(exercise, limits=Limits(time_s=5.0, memory_mb=exercise.limits.memory_mb))


def _first_layer_calls(checker: Checker, exercise: Exercise) -> int:
    prepared = checker.prepare(exercise)
    first = min(LAYERS.index(p.check.layer) for p in prepared)
    return sum(step.get("op") == "call" for p in prepared for case in p.cases
               for step in case.steps if LAYERS.index(p.check.layer) == first)


def _wrong_then_endless(after: int) -> str:
    """The wrong shape for every call of the first layer (the contract), then an endless
    loop: a child that runs past the first layer cannot finish within any time limit."""
    return textwrap.dedent(f"""
        import numpy as np
        calls = 0
        def softmax(z, axis=-1):
            global calls
            calls += 1
            if calls > {after}:
                while True:
                    pass
            return np.zeros(1)
    """)


def _timeless(verdict: Verdict) -> dict:
    shown = verdict.to_json()
    shown.pop("duration_s")
    for test in shown["tests"]:
        test.pop("duration_ms")
    return shown


def _recording(monkeypatch: pytest.MonkeyPatch, requests: list[dict] | None = None
               ) -> list[Run]:
    runs: list[Run] = []
    original = Sandbox.run

    def run(self: Sandbox, request: dict, *args, **kwargs) -> Run:
        if requests is not None:
            requests.append(request)
        result = original(self, request, *args, **kwargs)
        runs.append(result)
        return result

    monkeypatch.setattr(Sandbox, "run", run)
    return runs


def test_a_failed_layer_stops_the_batch_before_the_later_checkers(softmax, monkeypatch):
    runs = _recording(monkeypatch)
    public = Checker(seed=0, batch=True)
    hidden = Checker(public.sandbox, seed=7, batch=True)
    try:
        source = _wrong_then_endless(_first_layer_calls(public, softmax))
        shown, unseen = check_together([public, hidden], softmax, source, "/s.py",
                                       decisive=True)
    finally:
        public.close()
    assert unseen is None
    assert shown is not None and shown.status == "fail"
    assert "Time limit" not in shown.first_failure.message
    assert shown.first_failure.diagnosis is not None  # judged as it arrived, named in full
    assert {c.status for c in shown.checks if c.layer != shown.first_failure.layer} == {"skip"}
    assert len(runs) == 1 and runs[0].stopped and not runs[0].timed_out


def test_without_decisive_every_checker_gets_its_verdict(softmax):
    public = Checker(seed=0, batch=True)
    hidden = Checker(public.sandbox, seed=7, batch=True)
    right = softmax.solution_path.read_text()
    try:
        both = check_together([public, hidden], softmax, right, "/s.py")
        assert [v.status if v else None for v in both] == ["pass", "pass"]
        wrong = "import numpy as np\ndef softmax(z, axis=-1):\n    return np.zeros(np.shape(z))\n"
        both = check_together([public, hidden], softmax, wrong, "/s.py")
        assert [v.status if v else None for v in both] == ["fail", "fail"]
        decided = check_together([public, hidden], softmax, right, "/s.py", decisive=True)
        assert [v.status if v else None for v in decided] == ["pass", "pass"]
    finally:
        public.close()


def test_a_stopped_batch_judges_like_a_full_run(softmax, catalog):
    """The same failure, word for word, whether the child ran to the end or was stopped."""
    batch, one_by_one = Checker(batch=True), Checker()
    try:
        for mistake in softmax.mistakes:
            source = mistake.path.read_text()
            stopped = batch.check(softmax, source, "/s.py")
            full = one_by_one.check(softmax, source, "/s.py")
            assert _timeless(stopped) == _timeless(full), mistake.id
    finally:
        batch.close()
        one_by_one.close()


def test_a_case_every_seed_shares_runs_once(softmax, monkeypatch):
    requests: list[dict] = []
    _recording(monkeypatch, requests)
    public = Checker(seed=0, batch=True)
    hidden = Checker(public.sandbox, seed=7, batch=True)
    same = Checker(public.sandbox, seed=0, batch=True)
    right = softmax.solution_path.read_text()
    wrong = softmax.mistakes[0].path.read_text()
    try:
        keys = [[key for prep in c.prepare(softmax) for key in prep.keys]
                for c in (public, hidden)]
        shared = set(keys[0]) & set(keys[1])
        assert shared and len(shared) < len(keys[1])  # the worked examples, not the rest
        for source in (right, wrong):
            requests.clear()
            first, second, third = check_together([public, hidden, same], softmax, source,
                                                  "/s.py")
            assert first and second and third
            assert len(requests[0]["cases"]) == len(set(keys[0]) | set(keys[1]))
            assert _timeless(first) == _timeless(third)
            alone = Checker(public.sandbox, seed=7, batch=True).check(softmax, source, "/s.py")
            assert [c.status for c in second.checks] == [c.status for c in alone.checks]
    finally:
        public.close()
