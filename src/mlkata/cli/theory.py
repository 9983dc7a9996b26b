"""Theory pages in the terminal: Markdown by rich, LaTeX math as readable Unicode."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.markdown import Markdown
from rich.padding import Padding
from rich.text import Text

from .latex import latex_to_unicode

if TYPE_CHECKING:
    from rich.console import Console

    from ..engine.exercise import Exercise

DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$", re.S)


def inline_math(markdown: str) -> str:
    return INLINE.sub(lambda m: latex_to_unicode(m.group(1)), markdown)


def render_theory(out: Console, exercise: Exercise) -> None:
    text = exercise.theory
    position = 0
    for match in DISPLAY.finditer(text):
        _markdown(out, text[position:match.start()])
        out.print(Padding(Text(latex_to_unicode(match.group(1).strip()), style="bold cyan"),
                          (0, 0, 1, 4)))
        position = match.end()
    _markdown(out, text[position:])
    names = ", ".join(exercise.entry)
    out.print(Text(f"You write: {names}   ·   difficulty {'●' * exercise.difficulty}"
                   f"   ·   hints: mlkata hint {exercise.id}", style="dim"))


def _markdown(out: Console, chunk: str) -> None:
    if chunk.strip():
        out.print(Markdown(inline_math(chunk), code_theme="ansi_dark",
                           inline_code_theme="ansi_dark"))
