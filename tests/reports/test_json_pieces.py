"""The JSON import reads its file in pieces (issue 15, "No stall") and answers exactly
as reading it whole.

``records.decode_pieces`` decodes a megabyte at a time and ``json_format._load_document``
walks the export object and its long lists an item at a time, so no single call holds
the interpreter for the whole file while a background import runs. Any text, cut into
pieces of any size (one byte included, through four-byte characters), must give the
same document as ``json.loads`` of the whole text, or hand over to it (``_NotPlain``)
when the text is not a plain export object; a file that is not UTF-8 is refused with
the same problem on the same line. ``records.release`` empties what it is given.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.reports import json_format
from alliance_desktop.reports.json_format import _load_document, _NotPlain, read_json
from alliance_desktop.reports.records import decode_pieces, decode_text, release

SETTINGS = settings(max_examples=300, deadline=None)

texts = st.text(alphabet=st.sampled_from('ab"\\\n é€😀\u2028\t/'), max_size=10)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=12,
)
long_lists = st.sampled_from(sorted(json_format._LONG_LISTS))
documents = st.dictionaries(
    st.one_of(long_lists, texts, st.sampled_from(["format", "version"])),
    st.one_of(values, st.lists(values, max_size=6)),
    max_size=6,
)
layouts = st.sampled_from(
    [
        {"ensure_ascii": False, "separators": (",", ":")},
        {"ensure_ascii": True},
        {"ensure_ascii": False, "indent": 1},
        {"ensure_ascii": False, "indent": "\t", "separators": (" , ", " :  ")},
    ]
)
sizes = st.sampled_from([1, 2, 3, 4, 5, 7, 64, 1 << 20])


def _whole(data: bytes) -> object:
    return json.loads(decode_text(data), parse_constant=json_format._reject_constant)


@SETTINGS
@given(documents, layouts, sizes, st.booleans())
def test_a_document_read_in_pieces_is_the_document(doc, layout, size, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + (" " + json.dumps(doc, **layout) + "\n").encode()
    assert "".join(decode_pieces(data, size)) == decode_text(data)
    found, surrogate = _load_document(decode_pieces(data, size))
    assert json.dumps(found, sort_keys=True) == json.dumps(_whole(data), sort_keys=True)
    assert surrogate == bool(json_format._SURROGATE_ESCAPE.search(decode_text(data)))


@SETTINGS
@given(
    documents,
    layouts,
    sizes,
    st.integers(0, 10**6),
    st.sampled_from(["", "x", ",", "]", "}", "[", "{", '"', ":", "NaN", "1e", "-"]),
)
def test_a_damaged_document_is_read_as_a_whole_would_be(doc, layout, size, where, junk):
    text = json.dumps(doc, **layout)
    at = where % (len(text) + 1)
    data = (text[:at] + junk + text[at + 1 :]).encode()
    try:
        want: object = ("value", _whole(data))
    except (ValueError, RecursionError) as exc:
        want = ("error", type(exc))
    try:
        got, _surrogate = _load_document(decode_pieces(data, size))
    except _NotPlain:
        return  # read_json reads it whole, so its answer is json.loads'
    assert want[0] == "value" and json.dumps(got, sort_keys=True) == json.dumps(
        want[1], sort_keys=True
    )


@SETTINGS
@given(st.binary(max_size=40), st.binary(max_size=40), sizes)
def test_text_that_is_not_utf8_is_refused_on_the_same_line(before, after, size):
    data = before + "é😀\n".encode() + after
    try:
        expected: object = decode_text(data)
    except ValidationError as exc:
        expected = [str(p) for p in exc.problems]
    try:
        got: object = "".join(decode_pieces(data, size))
    except ValidationError as exc:
        got = [str(p) for p in exc.problems]
    assert got == expected


@pytest.mark.parametrize("size", [1, 3, 1 << 20])
def test_a_surrogate_escape_cut_between_pieces_is_still_seen(size):
    data = json.dumps({"format": json_format.FORMAT, "a": "x\ud800"}).encode()
    assert b"\\ud800" in data
    _doc, surrogate = _load_document(decode_pieces(data, size))
    assert surrogate


def test_a_lone_surrogate_is_reported_by_path_through_the_pieces():
    doc = {"format": json_format.FORMAT, "version": 4, "clients": [{"code": "A\ud800"}]}
    parsed = read_json(json.dumps(doc).encode())
    assert [p.row for p in parsed.problems] == ["clients[0].code"]


def test_release_empties_lists_sets_and_dicts():
    items = list(range(1000))
    seen = set(range(700))
    table = {i: str(i) for i in range(600)}
    release(items, seen, table)
    assert (items, seen, table) == ([], set(), {})
