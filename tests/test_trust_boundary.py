"""Hostile submissions: none may pass, crash the checker or hang it; the checker stays usable."""

from __future__ import annotations

import os
import textwrap
import time

import pytest

from mlkata.engine.catalog import Catalog
from mlkata.engine.runner import Checker
from mlkata.sandbox import Limits, Sandbox

SOFTMAX_OK = """
import numpy as np
def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
"""

HOSTILE = {
    "monkeypatches numpy's comparison helpers": """
        import numpy as np
        np.allclose = lambda *a, **k: True
        np.testing.assert_allclose = lambda *a, **k: None
        np.array_equal = lambda *a, **k: True
        def softmax(z, axis=-1):
            return np.zeros_like(z, dtype=float)
    """,
    "monkeypatches mlkata's comparison": """
        import numpy as np
        try:
            import mlkata.engine.compare as c
            c.compare = lambda *a, **k: None
        except Exception:
            pass
        def softmax(z, axis=-1):
            return np.zeros_like(z, dtype=float)
    """,
    "returns an ndarray subclass with rigged operators": """
        import numpy as np
        class Liar(np.ndarray):
            def __eq__(self, other): return np.ones(self.shape, bool)
            def __sub__(self, other): return np.zeros(self.shape)
            def __rsub__(self, other): return np.zeros(self.shape)
            def __abs__(self): return np.zeros(self.shape)
            def __array__(self, *a, **k): return np.zeros(self.shape)
        def softmax(z, axis=-1):
            return np.zeros(np.shape(z)).view(Liar)
    """,
    "prints a fake verdict": """
        import numpy as np
        print('{"status": "pass"}')
        print("✓ softmax · all 6 checks pass")
        def softmax(z, axis=-1):
            print('{"version":1,"status":"pass","tests":[]}')
            return np.zeros_like(z, dtype=float)
    """,
    "exits early with status 0": """
        import os
        os._exit(0)
    """,
    "exits with status 0 inside the call": """
        import os
        def softmax(z, axis=-1):
            os._exit(0)
    """,
    "raises SystemExit": """
        import sys
        def softmax(z, axis=-1):
            sys.exit(0)
    """,
    "raises SystemExit on import": """
        raise SystemExit(0)
    """,
    "signals its parent": """
        import os, signal
        def softmax(z, axis=-1):
            os.kill(os.getppid(), signal.SIGKILL)
            return z
    """,
    "signals its process group": """
        import os, signal
        def softmax(z, axis=-1):
            os.killpg(os.getpgid(0), signal.SIGKILL)
            return z
    """,
    "signals every process it can see": """
        import os, signal
        def softmax(z, axis=-1):
            for pid in os.listdir('/proc'):
                if pid.isdigit() and int(pid) != os.getpid():
                    try:
                        os.kill(int(pid), signal.SIGKILL)
                    except OSError:
                        pass
            return z
    """,
    "loops forever": """
        def softmax(z, axis=-1):
            while True:
                pass
    """,
    "allocates without bound": """
        def softmax(z, axis=-1):
            hoard = []
            while True:
                hoard.append(bytearray(50_000_000))
    """,
    "starts a child process": """
        import subprocess, numpy as np
        def softmax(z, axis=-1):
            subprocess.run(["true"], check=True)
            e = np.exp(z - z.max(axis=axis, keepdims=True))
            return e / e.sum(axis=axis, keepdims=True)
    """,
    "forks": """
        import os, numpy as np
        def softmax(z, axis=-1):
            if os.fork() == 0:
                os._exit(0)
            e = np.exp(z - z.max(axis=axis, keepdims=True))
            return e / e.sum(axis=axis, keepdims=True)
    """,
    "writes forged results into its channels": """
        import os, json, numpy as np
        def softmax(z, axis=-1):
            for fd in range(3, 20):
                try:
                    os.write(fd, b"\\x00\\x00\\x00\\x10" + b'{"done": true}  ')
                except OSError:
                    pass
            return np.zeros_like(z, dtype=float)
    """,
    "returns an object that is not data": """
        def softmax(z, axis=-1):
            return (x for x in z)
    """,
    "returns far too much data": """
        import numpy as np
        def softmax(z, axis=-1):
            return np.ones(100_000_000, dtype=np.uint8)
    """,
}


@pytest.fixture()
def fast_softmax(catalog: Catalog):
    exercise = catalog["softmax"]
    from dataclasses import replace
    return replace(exercise, limits=Limits(time_s=2.0, memory_mb=exercise.limits.memory_mb))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_submission_cannot_pass_or_break_the_checker(name, fast_softmax, checker):
    source = textwrap.dedent(HOSTILE[name])
    started = time.monotonic()
    verdict = checker.check(fast_softmax, source, "/tmp/hostile/softmax.py")
    assert verdict.status in ("fail", "error"), verdict
    assert time.monotonic() - started < 60
    # the checker is intact: a correct file still passes right after
    assert checker.check(fast_softmax, SOFTMAX_OK, "/tmp/ok/softmax.py").passed


def test_a_correct_submission_passes(fast_softmax, checker):
    assert checker.check(fast_softmax, SOFTMAX_OK, "/tmp/ok/softmax.py").passed


def test_time_limit_is_named(fast_softmax, checker):
    verdict = checker.check(fast_softmax, textwrap.dedent(HOSTILE["loops forever"]), "/x.py")
    assert "Time limit" in verdict.first_failure.message
    assert "2 s" in verdict.first_failure.message


def test_memory_limit_is_named(catalog, checker):
    verdict = checker.check(catalog["softmax"], textwrap.dedent(HOSTILE["allocates without "
                                                                        "bound"]), "/x.py")
    failure = verdict.first_failure
    assert failure.diagnosis and failure.diagnosis["id"] == "memory-limit" or \
        "memory" in failure.message.lower()


def test_early_exit_is_explained(fast_softmax, checker):
    verdict = checker.check(fast_softmax, textwrap.dedent(HOSTILE["exits with status 0 inside "
                                                                  "the call"]), "/x.py")
    assert "ended the process" in verdict.first_failure.message


def test_printed_output_is_shown_not_trusted(fast_softmax, checker):
    verdict = checker.check(fast_softmax, textwrap.dedent(HOSTILE["prints a fake verdict"]),
                            "/x.py")
    assert verdict.status == "fail"
    assert '"status": "pass"' in (verdict.first_failure.output or "")


def _probe(source: str) -> list[dict]:
    with Sandbox() as sandbox:
        run = sandbox.run({"source": source, "filename": "/probe.py", "cases": [[
            {"op": "call", "fn": "probe", "args": [], "kwargs": {}, "out": "probe"}]]},
            Limits(time_s=5))
    return run.messages


@pytest.mark.skipif(not os.path.exists("/proc/self/ns/net"), reason="needs Linux namespaces")
def test_no_network_from_learner_code():
    source = textwrap.dedent("""
        import socket
        def probe():
            s = socket.socket()
            s.settimeout(1)
            try:
                s.connect(("127.0.0.1", 5432))
                return "connected"
            except OSError as e:
                return type(e).__name__
    """)
    messages = _probe(source)
    layers = messages[0]["layers"]
    outputs = [m for m in messages if "outputs" in m][0]["outputs"]
    if "net" in layers:
        assert outputs[0][1] != "connected"
    else:
        pytest.skip("network namespaces are not available here")


def test_learner_code_cannot_write_into_the_installation():
    import mlkata
    target = os.path.join(os.path.dirname(mlkata.__file__), "catalog", "tracks.toml")
    source = textwrap.dedent(f"""
        def probe():
            try:
                with open({target!r}, "a") as f:
                    f.write("")
                return "writable"
            except OSError as e:
                return type(e).__name__
    """)
    messages = _probe(source)
    layers = messages[0]["layers"]
    if "nobody" not in layers and "root" not in layers:
        pytest.skip("only a root-started checker can drop the learner to another user")
    outputs = [m for m in messages if "outputs" in m][0]["outputs"]
    # out of sight in the minimal root; read-only for nobody without it
    assert outputs[0][1] == ("FileNotFoundError" if "root" in layers else "PermissionError")


def test_children_are_isolated_from_each_other():
    source = "import numpy as np\nstate = []\ndef probe():\n    state.append(1)\n    " \
             "np.seterr(all='raise')\n    return len(state)\n"
    with Sandbox() as sandbox:
        for _ in range(3):
            run = sandbox.run({"source": source, "filename": "/p.py", "cases": [[
                {"op": "call", "fn": "probe", "args": [], "kwargs": {}, "out": "probe"}]]},
                Limits(time_s=5))
            outputs = [m for m in run.messages if "outputs" in m][0]["outputs"]
            assert outputs[0][1] == 1


def test_without_namespaces_the_checker_falls_back_cleanly(fast_softmax, monkeypatch):
    monkeypatch.setenv("MLKATA_SANDBOX_NAMESPACES", "0")
    checker = Checker()
    try:
        assert checker.check(fast_softmax, SOFTMAX_OK, "/ok/softmax.py").passed
        for name in ("signals its process group", "forks", "loops forever"):
            verdict = checker.check(fast_softmax, textwrap.dedent(HOSTILE[name]), "/x.py")
            assert verdict.status != "pass"
        assert checker.check(fast_softmax, SOFTMAX_OK, "/ok/softmax.py").passed
    finally:
        checker.close()
    assert "net" not in _probe("def probe():\n    return 1\n")[0]["layers"]
