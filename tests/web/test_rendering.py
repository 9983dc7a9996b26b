"""Theory Markdown with math for KaTeX, code spans in messages, moments on the pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mlkata.engine.catalog import load_catalog
from mlkata.server.web.markdown import code_spans, render_inline, render_markdown, without_title
from mlkata.server.web.times import parse_local, relative, time_zone


def test_inline_math_is_passed_to_katex_untouched():
    html = render_markdown("a *b* and $x_1 * y_2 < z$ then $\\alpha_i$.")
    assert "<em>b</em>" in html
    assert r'<span class="math inline">\(x_1 * y_2 &lt; z\)</span>' in html
    assert r'<span class="math inline">\(\alpha_i\)</span>' in html


def test_display_math_on_its_own_lines_is_a_block():
    html = render_markdown("Before.\n\n$$\n\\sum_i x_i^2\n$$\n\nAfter.")
    assert '<div class="math display">\\[\\sum_i x_i^2\\]</div>' in html
    one_line = render_markdown("$$a_1 + b_2$$")
    assert one_line.strip() == '<div class="math display">\\[a_1 + b_2\\]</div>'


def test_dollars_that_are_not_math_stay_text():
    html = render_inline("it costs $5 and $6, \\$x\\$, and `$y$` is code")
    assert "math" not in html
    assert "<code>$y$</code>" in html


def test_raw_html_in_markdown_is_escaped():
    html = render_markdown("<script>alert(1)</script> and $<b>$")
    assert "<script>" not in html and "<b>" not in html


def test_python_fences_are_highlighted_and_pseudocode_is_not():
    html = render_markdown("```python\nx = 1\n```\n\n```\ngrow(X, y) <- here\n```")
    assert '<pre class="code"><code><span class="n">x</span>' in html
    assert "<pre><code>grow(X, y) &lt;- here\n</code></pre>" in html


def test_every_catalog_theory_renders_with_balanced_math():
    for exercise in load_catalog().exercises:
        html = render_markdown(without_title(exercise.theory))
        assert html.count("\\(") == html.count("\\)"), exercise.id
        assert not without_title(exercise.theory).lstrip().startswith("# "), exercise.id


def test_code_spans_in_plain_messages():
    assert code_spans("keep `axis` <here>") == "keep <code>axis</code> &lt;here&gt;"


def test_deadlines_are_read_in_the_teachers_time_zone():
    paris = time_zone("Europe/Paris")
    assert parse_local("2030-01-15T12:00", paris) == datetime(2030, 1, 15, 11, 0, tzinfo=UTC)
    assert parse_local("", paris) is None
    assert time_zone("Not/AZone").key == "UTC"


def test_relative_moments():
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert relative(now + timedelta(days=3, hours=2), now) == "in 3 days"
    assert relative(now - timedelta(hours=5), now) == "5 hours ago"
    assert relative(now + timedelta(days=4 * 365 + 10), now) == "in 4 years"
    assert relative(now + timedelta(days=9), now) == "in 9 days"
    assert relative(now + timedelta(days=20), now) == "in 2 weeks"
