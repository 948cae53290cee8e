"""The reflection list's first line (wizard step 3): found without splitting the whole
reflection into lines, and the same as the first non-blank line ``str.splitlines``
gives, whatever the text (issue 15: splitting every reflection cost the wizard most of
its list building at 500 clients)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.models import Reflection, Session
from alliance_desktop.gui.supervision.reflections import FIRST_LINE_CHARS, first_line


def _by_splitlines(sections: dict[str, str]) -> str:
    for text in sections.values():
        for line in text.splitlines():
            line = line.strip()
            if line:
                return line if len(line) <= FIRST_LINE_CHARS else line[: FIRST_LINE_CHARS - 1] + "…"
    return ""


_PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", " ", "\t", "\xa0"]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=120)), max_size=8).map("".join)


@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_the_first_line_is_the_first_non_blank_line(texts: list[str]) -> None:
    sections = {f"s{i}": text for i, text in enumerate(texts)}
    session = Session(1, date(2026, 3, 2), 7, 6, reflection=Reflection("free", sections))
    assert first_line(session) == _by_splitlines(sections)


def test_a_long_first_line_is_shortened() -> None:
    text = "\n\n  " + "word " * 40 + "\nsecond line"
    session = Session(1, date(2026, 3, 2), 7, 6, reflection=Reflection("free", {"text": text}))
    line = first_line(session)
    assert len(line) == FIRST_LINE_CHARS and line.endswith("…") and line.startswith("word")
