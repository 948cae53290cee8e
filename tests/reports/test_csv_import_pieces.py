"""The CSV import splits its text into physical lines a piece at a time (issue 15, "No
stall": the file is decoded a megabyte per call, never joined into one string) and
finds exactly the lines, and so the records and their line numbers, that splitting the
whole text finds: CRLF cut between two pieces included."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.reports import csv_format
from alliance_desktop.reports.csv_format import _PHYSICAL_LINE, _physical_lines, read_csv
from alliance_desktop.reports.records import decode_pieces

texts = st.text(alphabet=st.sampled_from('ab,"\r\n é😀'), max_size=60)


def _cut(text: str, cuts: list[int]) -> list[str]:
    marks = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *marks], [*marks, len(text)], strict=True)]


@settings(max_examples=500, deadline=None)
@given(texts, st.lists(st.integers(0, 10**4), max_size=8))
def test_lines_found_piece_by_piece_are_the_lines_of_the_whole_text(text, cuts):
    whole = [m.group() for m in _PHYSICAL_LINE.finditer(text)]
    assert list(_physical_lines(_cut(text, cuts))) == whole


HEADER = "client,date,duration_min,modality,trust,engagement,note\r\n"


def _records(parsed) -> list[tuple]:
    return [
        (r.row, r.client, r.session.date, r.session.reflection.plain_text())
        for r in parsed.sessions
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=1, max_size=6), st.integers(1, 9))
def test_records_keep_their_lines_whatever_the_piece_size(breaks, size):
    rows = "".join(
        f'Ash,2025-01-0{i + 1},50,video,3,4,"note{b}mo😀"{b}' for i, b in enumerate(breaks)
    )
    data = (HEADER + rows).encode()
    whole = read_csv(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_format, "decode_pieces", lambda d: decode_pieces(d, size))
        small = read_csv(data)
    assert not whole.problems and not small.problems
    assert _records(small) == _records(whole)
    assert [(row, day) for row, _c, day, _t in _records(small)] == [
        (2 + 2 * i, date(2025, 1, i + 1)) for i in range(len(breaks))
    ]
