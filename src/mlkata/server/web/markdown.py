"""Theory pages: Markdown to HTML (markdown-it-py), math handed untouched to KaTeX.

``$…$`` and ``$$…$$`` are cut out of the Markdown before it can read ``_`` or ``*`` inside
them as emphasis, and written back as ``\\(…\\)`` and ``\\[…\\]`` in ``math`` elements, which
KaTeX's auto-render typesets in the browser (``static/mlkata.js``). Raw HTML in the Markdown is
not passed through; fenced Python code is highlighted with Pygments.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markupsafe import Markup

from .code import highlight_python

DISPLAY_FENCE = "$$"
CODE_SPAN = re.compile(r"`([^`\n]+)`")
TITLE_LINE = re.compile(r"\A\s*# [^\n]*\n")


def _closing_dollar(src: str, start: int, end: int) -> int:
    """The index of the ``$`` closing an inline formula opened just before ``start``, or -1."""
    position = start
    while position < end:
        found = src.find("$", position, end)
        if found < 0:
            return -1
        escaped = src[found - 1] == "\\"
        after_is_digit = found + 1 < end and src[found + 1].isdigit()
        if not escaped and not src[found - 1].isspace() and not after_is_digit:
            return found
        position = found + 1
    return -1


def math_inline(state: StateInline, silent: bool) -> bool:
    src, start, end = state.src, state.pos, state.posMax
    if src[start] != "$":
        return False
    if src.startswith(DISPLAY_FENCE, start):
        close = src.find(DISPLAY_FENCE, start + 2, end)
        if close < 0 or close == start + 2:
            return False
        content, display, stop = src[start + 2:close], True, close + 2
    else:
        if start + 1 >= end or src[start + 1].isspace():
            return False
        close = _closing_dollar(src, start + 1, end)
        if close < 0 or "`" in src[start + 1:close]:  # a code span is never inside math
            return False
        content, display, stop = src[start + 1:close], False, close + 1
    if not silent:
        token = state.push("math_display" if display else "math_inline", "", 0)
        token.content = content
        token.markup = DISPLAY_FENCE if display else "$"
    state.pos = stop
    return True


def math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``$$`` opening a line: the formula runs to the line ending with ``$$``."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    first = state.src[begin:state.eMarks[start_line]].rstrip()
    if not first.startswith(DISPLAY_FENCE):
        return False
    lines = [first[2:]]
    line = start_line
    if len(first) >= 4 and first.endswith(DISPLAY_FENCE):
        lines = [first[2:-2]]
    else:
        while True:
            line += 1
            if line >= end_line or state.isEmpty(line):
                return False  # no closing $$ before a blank line: not a display formula
            text = state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]
            text = text.rstrip()
            if text.endswith(DISPLAY_FENCE):
                lines.append(text[:-2])
                break
            if DISPLAY_FENCE in text:
                return False
            lines.append(text)
    if silent:
        return True
    state.line = line + 1
    token = state.push("math_display_block", "div", 0)
    token.block = True
    token.content = "\n".join(lines).strip()
    token.markup = DISPLAY_FENCE
    token.map = [start_line, state.line]
    return True


def _render_math(_renderer: Any, tokens: Any, index: int, _options: Any, _env: Any) -> str:
    token = tokens[index]
    content = escape(token.content.strip(), quote=False)
    if token.type == "math_inline":
        return f'<span class="math inline">\\({content}\\)</span>'
    if token.type == "math_display":
        return f'<span class="math display">\\[{content}\\]</span>'
    return f'<div class="math display">\\[{content}\\]</div>\n'


def _highlight(code: str, language: str, _attrs: Any) -> str:
    if language.lower() in ("python", "py", "python3"):
        return str(highlight_python(code))
    return ""


def make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "highlight": _highlight})
    md.enable(["table", "strikethrough"])
    md.inline.ruler.before("escape", "math_inline", math_inline)
    md.block.ruler.before("fence", "math_block", math_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    for kind in ("math_inline", "math_display", "math_display_block"):
        md.add_render_rule(kind, _render_math)
    return md


_MARKDOWN = make_markdown()


def render_markdown(text: str) -> Markup:
    """A Markdown document (a theory page) as safe HTML."""
    return Markup(_MARKDOWN.render(text))


def render_inline(text: str) -> Markup:
    """One line of Markdown (a hint) as safe HTML, without a paragraph around it."""
    return Markup(_MARKDOWN.renderInline(text))


def without_title(markdown: str) -> str:
    """The theory without its ``# Title`` line: the page shows the title already."""
    return TITLE_LINE.sub("", markdown, count=1)


def code_spans(text: str | None) -> Markup:
    """Plain text (a check's message, a diagnosis) with its `backticked` names as code."""
    escaped = escape(text or "", quote=False)
    return Markup(CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", escaped))
