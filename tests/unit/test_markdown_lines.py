"""Markdown one line at a time: what each construct shows and which style it carries."""

from __future__ import annotations

from textual.content import Content

from tui.widgets.markdown_lines import inline, style_line, table, table_cells


def styles_of(content: Content) -> dict[str, set[str]]:
    """text of each span -> the styles on it"""
    found: dict[str, set[str]] = {}
    for span in content.spans:
        found.setdefault(content.plain[span.start : span.end], set()).add(str(span.style))
    return found


def shown(line: str, width: int = 40, fence: str | None = None) -> list[str]:
    styled, _ = style_line(line, fence)
    return [row.plain for row in styled.wrap(width)]


def test_inline_markers_are_dropped_and_their_text_styled():
    content = inline("a **bold** b *em* c `x = 1` d ~~old~~ e [docs](https://example.com) f __also__")
    assert content.plain == "a bold b em c x = 1 d old e docs f also"
    spans = styles_of(content)
    assert spans["bold"] == {".md--strong"} and spans["also"] == {".md--strong"}
    assert spans["em"] == {".md--em"}
    assert spans["x = 1"] == {".md--code"}
    assert spans["old"] == {".md--strike"}
    assert spans["docs"] == {".md--link"}


def test_code_spans_keep_their_contents_literal_and_styles_nest():
    assert inline("`**not bold**`").plain == "**not bold**"
    nested = inline("**bold with `code` inside**")
    assert nested.plain == "bold with code inside"
    assert styles_of(nested)["code"] == {".md--code"}
    assert styles_of(nested)["bold with code inside"] == {".md--strong"}


def test_unclosed_or_spaced_markers_show_as_typed():
    assert inline("still **arriving").plain == "still **arriving"
    assert inline("2 * 3 * 4 and snake_case_name").plain == "2 * 3 * 4 and snake_case_name"
    assert not inline("2 * 3 * 4 and snake_case_name").spans


def test_headings_lists_and_quotes():
    assert shown("## Latency ##") == ["Latency"]
    assert style_line("# Title", None)[0].body.spans[-1].style == ".md--h1"
    assert style_line("#### Deep", None)[0].body.spans[-1].style == ".md--h3"
    assert shown("- first point") == ["• first point"]
    assert shown("  * nested point") == ["  ◦ nested point"]
    assert shown("12. twelfth") == ["12. twelfth"]
    assert shown("> quoted") == ["▌ quoted"]


def test_wrapped_list_items_and_quotes_hang_under_their_text():
    rows = shown("- " + "word " * 12, width=20)
    assert rows[0].startswith("• ") and all(row.startswith("  ") for row in rows[1:])
    assert all(len(row) <= 20 for row in rows)
    quoted = shown("> " + "word " * 12, width=20)
    assert all(row.startswith("▌ ") for row in quoted)


def test_fenced_code_is_literal_until_its_fence_closes():
    styled, fence = style_line("```python", None)
    assert fence == "```" and [row.plain for row in styled.wrap(30)] == ["▌ python"]
    assert shown("x = **y**  # not bold", fence="```") == ["▌ x = **y**  # not bold"]
    assert style_line("# not a heading", "```")[1] == "```"
    assert style_line("~~~", "```")[1] == "```"  # a different fence does not close it
    closing, after = style_line("```", "```")
    assert after is None and closing.wrap(30) == []  # the closing fence takes no line


def test_long_code_lines_fold_instead_of_wrapping_at_spaces():
    rows = shown("x" * 25, width=12, fence="```")
    assert rows == ["▌ xxxxxxxxxx", "▌ xxxxxxxxxx", "▌ xxxxx"]


def test_rules_and_tables():
    assert shown("---", width=10) == ["─" * 10]
    assert shown("* * *", width=4) == ["─" * 4]
    assert shown("| model | TTFT |") == ["model │ TTFT"]
    assert shown("|---|:--:|", width=6) == ["─" * 6]
    assert shown("| a | 120 ms |") == ["a │ 120 ms"]


def test_a_backslash_escape_shows_the_character_as_typed():
    assert inline(r"\*not italic\* and \_not\_ and a\\b").plain == r"*not italic* and _not_ and a\b"


def test_a_pipe_escaped_or_in_code_stays_in_its_cell():
    assert table_cells(r"| a | `x|y` | b\|c |") == ["a", "`x|y`", r"b\|c"]


def test_a_table_lines_up_its_columns_as_its_divider_aligns_them():
    source = ["| l | c | r |", "|:--|:-:|--:|", "| x | y | z |", "| long | wide | 12345 |"]
    rows = [row.plain for row in table(source, 80)]
    assert rows == ["l    │  c   │     r", "─────┼──────┼──────", "x    │  y   │     z", "long │ wide │ 12345"]
