"""Reading and writing CSV without a vault: line numbers, encodings, formula guards."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_desktop.domain import Modality, Resolution, RuptureType, Session, ValidationError
from alliance_desktop.reports.csv_format import (
    COLUMNS,
    guard_cell,
    read_csv,
    unguard_cell,
    write_csv,
)

HEADER = "client,date,trust,engagement,note\n"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),  # an apostrophe already in front gets one more, so import is exact
        ("''-x", "'''-x"),
        ("'plain", "'plain"),  # not a formula: left alone
        ("'", "'"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_formula_guard_and_its_exact_inverse(text: str, written: str):
    assert guard_cell(text) == written
    assert unguard_cell(written) == text


def test_unguard_removes_one_apostrophe_only_before_a_formula_start():
    assert unguard_cell("'=x") == "=x"
    assert unguard_cell("'hello") == "'hello"
    assert unguard_cell("''=x") == "'=x"


def test_write_csv_has_the_documented_header_and_guards_cells():
    s = Session(None, date(2025, 1, 2), trust=7, engagement=6, tags=("-x",), client_rating=35.5)
    text = write_csv([("=A1", s)])
    lines = text.split("\r\n")
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("'=A1,2025-01-02,,,7,6,,,35.5,,,,'-x,")


def test_records_are_located_by_their_first_line_even_after_multiline_notes():
    data = (
        HEADER
        + 'A,2025-01-01,7,6,"one\ntwo\nthree"\n'  # lines 2-4
        + "\n"  # line 5, blank: skipped
        + 'B,2025-01-02,7,6,"x\r\ny"\n'  # lines 6-7
        + "C,2025-01-03,7,6,plain\n"  # line 8
    ).encode()
    parsed = read_csv(data)
    assert parsed.problems == []
    assert [(r.row, r.client) for r in parsed.sessions] == [(2, "A"), (6, "B"), (8, "C")]
    assert parsed.sessions[0].session.reflection.sections == {"text": "one\ntwo\nthree"}
    assert parsed.sessions[1].session.reflection.plain_text() == "x\r\ny"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_of_every_kind_count_the_same(newline: str):
    rows = ["client,date,trust,engagement", "A,2025-01-01,7,6", "B,2025-01-02,7,x"]
    parsed = read_csv(newline.join(rows).encode())
    assert [r.row for r in parsed.sessions] == [2, 3]
    assert [str(p) for p in parsed.sessions[1].problems] == [
        "line 3: engagement: must be a whole number from 0 to 10 (found 'x')"
    ]


def test_bom_is_accepted_and_not_part_of_the_first_column():
    parsed = read_csv(b"\xef\xbb\xbf" + (HEADER + "A,2025-01-01,7,6,\n").encode())
    assert parsed.problems == []
    assert parsed.sessions[0].client == "A"


def test_all_fields_are_parsed():
    data = (
        ",".join(COLUMNS) + "\n"
        "A 1,2025-01-01,50,video,7,6,5,4,35.5,18.5,withdrawal:partial; Confrontation:YES;"
        "confrontation:no:2025-01-15,validate;normalize,a;b c,'=note\n"
    ).encode()
    [rec] = read_csv(data).sessions
    s = rec.session
    assert rec.problems == []
    assert (s.duration_min, s.modality, s.trust, s.engagement) == (50, Modality.VIDEO, 7, 6)
    assert (s.goal_alignment, s.approach_fit, s.client_rating) == (5, 4, 35.5)
    assert s.outcome_rating == 18.5
    assert [(r.type, r.resolution, r.resolved_on) for r in s.ruptures] == [
        (RuptureType.WITHDRAWAL, Resolution.PARTIAL, None),
        (RuptureType.CONFRONTATION, Resolution.YES, None),
        (RuptureType.CONFRONTATION, Resolution.NO, date(2025, 1, 15)),
    ]
    assert s.strategies == ("validate", "normalize")
    assert s.tags == ("a", "b c")
    assert s.reflection.sections == {"text": "=note"}


def test_header_problems_stop_the_read():
    parsed = read_csv(b"client,date,trust,mood,mood\nA,2025-01-01,7,x,y\n")
    assert [str(p) for p in parsed.problems] == [
        "line 1: mood: is not a known column; the columns are " + ", ".join(COLUMNS),
        "line 1: mood: is not a known column; the columns are " + ", ".join(COLUMNS),
        "line 1: engagement: is a required column but the header row lacks it",
    ]
    assert parsed.sessions == []


def test_empty_file_and_header_only():
    assert [str(p) for p in read_csv(b"").problems] == [
        "line 1: file: is empty; a header row is required"
    ]
    parsed = read_csv(HEADER.encode())
    assert parsed.problems == [] and parsed.sessions == []


def test_wrong_number_of_fields_and_unclosed_quote_are_located():
    data = (HEADER + "A,2025-01-01,7\n" + 'B,2025-01-02,7,6,"never\nclosed\n').encode()
    assert [str(p) for p in read_csv(data).problems] == [
        "line 2: file: this record has 3 fields but the header has 5",
        "line 3: file: a quoted field starting in this record is never closed",
    ]


def test_nul_byte_is_refused_naming_its_line():
    with pytest.raises(ValidationError) as caught:
        read_csv((HEADER + "A,2025-01-01,7,6,ok\nB,2025-01-02,7,6,bad\x00\n").encode())
    assert [str(p) for p in caught.value.problems] == [
        "line 3: file: contains a NUL byte; this is not a text file"
    ]


def test_invalid_utf8_is_refused_naming_its_line():
    data = HEADER.encode() + b"A,2025-01-01,7,6,ok\r\nB,2025-01-02,7,6,caf\xe9\r\n"
    with pytest.raises(ValidationError) as caught:
        read_csv(b"\xef\xbb\xbf" + data)
    assert [str(p) for p in caught.value.problems] == [
        "line 3: file: is not valid UTF-8 text; save it as UTF-8 and try again"
    ]


@pytest.mark.parametrize(
    ("cells", "field", "message"),
    [
        ("A,2025-02-30,7,6", "date", "must be a date written YYYY-MM-DD (found '2025-02-30')"),
        ("A,01/02/2025,7,6", "date", "must be a date written YYYY-MM-DD (found '01/02/2025')"),
        ("A,,7,6", "date", "is required"),
        (",2025-01-01,7,6", "client", "is required"),
        ("A,2025-01-01,7.5,6", "trust", "must be a whole number from 0 to 10 (found '7.5')"),
    ],
)
def test_unreadable_values_are_reported_by_field(cells: str, field: str, message: str):
    [rec] = read_csv(("client,date,trust,engagement\n" + cells + "\n").encode()).sessions
    assert [(p.row, p.field, p.message) for p in rec.problems] == [(2, field, message)]
    assert field in rec.failed
