"""Python source as HTML: Pygments, with line numbers, and the lines a traceback names marked.

The colours are classes styled in ``static/style.css`` (no inline styles).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

_LEXER = PythonLexer()


def highlight_python(code: str) -> Markup:
    """A code block for prose (theory): highlighted, no line numbers."""
    body = highlight(code, _LEXER, HtmlFormatter(nowrap=True))
    return Markup(f'<pre class="code"><code>{body}</code></pre>')


def python_listing(code: str, marked: Iterable[int] = ()) -> Markup:
    """A whole file: numbered lines (anchors ``L1``, ``L2``, …), ``marked`` lines emphasised."""
    formatter = HtmlFormatter(cssclass="code listing", wrapcode=True, linenos="inline",
                              hl_lines=sorted(set(marked)), lineanchors="L", anchorlinenos=True)
    return Markup(highlight(code, _LEXER, formatter))
