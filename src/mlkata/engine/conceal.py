"""A verdict on hidden cases, as a learner may see it: only words the checker wrote itself.

A course's hidden cases stay hidden only if nothing in their feedback can carry them out. The
learner's code controls everything it returns, raises and prints (an exception's type name and
message, a traceback's source line, a returned object's type name, the exit status, the time it
takes), so none of that is shown: a failing hidden case keeps the check's name, a summary of the
failure in the checker's own words with its numbers masked, and the diagnosis the checker chose.
"""

from __future__ import annotations

import re
from typing import Any

from .verdict import Verdict

HIDDEN_NOTE = "a hidden case: its input and values are not shown"
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")
#: what a hidden check shows besides its name, status, summary and diagnosis: nothing
WITHHELD = ("case", "expected", "got", "max_abs_diff", "max_rel_diff", "where", "output",
            "traceback")


def mask_numbers(text: str) -> str:
    return NUMBER.sub("…", text)


def conceal(verdict: Verdict) -> dict[str, Any]:
    """The verdict's JSON with every failure told in trusted words only.

    Numbers are masked too, in the summary and in a computed diagnosis: they are derived from
    the hidden values (a ratio, an entry, a shape the learner's code chose), so a learner could
    otherwise read the hidden inputs out of them one submission at a time.
    """
    shown = verdict.to_json()
    shown["concealed"] = True
    shown["duration_s"] = 0.0
    if verdict.status == "error" and verdict.message:
        shown["message"] = "Your file does not run on the hidden cases."
    for test, check in zip(shown["tests"], verdict.checks, strict=True):
        test["duration_ms"] = 0.0
        if check.status in ("fail", "error"):
            test["note"] = HIDDEN_NOTE
            test["message"] = mask_numbers(check.summary or "this check fails")
        diagnosis = test.get("diagnosis")
        if diagnosis and not diagnosis.get("known"):
            test["diagnosis"] = {**diagnosis, "message": mask_numbers(str(diagnosis["message"]))}
        for key in WITHHELD:
            test[key] = None
    return shown
