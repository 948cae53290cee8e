"""A reflection's first line (the timeline's and the wizard's) is the first of its
plain text's lines, found without joining and splitting the whole reflection."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.models import Reflection

_TEXT = st.lists(st.sampled_from([*"ab é\t\n\r\u2028\x0c", "word", "  ", "\n\n"]), max_size=20).map(
    "".join
)


def _through_the_whole_text(reflection: Reflection, limit: int) -> str:
    whole = reflection.plain_text()
    line = whole.splitlines()[0].rstrip() if whole else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), _TEXT, max_size=3), st.integers(2, 40))
def test_first_line_is_the_first_of_the_plain_texts_lines(sections, limit):
    reflection = Reflection("free", sections)
    assert reflection.first_line(limit) == _through_the_whole_text(reflection, limit)


def test_first_line_skips_blank_sections_and_cuts_with_an_ellipsis():
    reflection = Reflection("free", {"a": "  \n ", "b": "\n  They came late again today\nand left"})
    assert reflection.first_line(80) == "They came late again today"
    assert reflection.first_line(10) == "They came…"
    assert Reflection("free", {"a": " "}).first_line(10) == ""
