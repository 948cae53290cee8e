"""The one-pass redaction replaces exactly what the per-entry patterns did.

The reference below is the redaction as it was: one lookaround-wrapped pattern per
entry, joined longest first, run over the whole text. The new Redactor (a prefix-tree
test, then one ordered alternation between a single pair of lookarounds) must give the
same text for any list and any text, including case, accents written with combining
marks, punctuation at the ends of entries, and phrases split by any white space.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.reports.redaction import REDACTED, Redactor
from alliance_desktop.reports.supervision import CountingRedactor


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def old_redact(entries: list[str], text: str) -> str:
    cleaned = sorted(
        {_nfc(str(e)).strip() for e in entries if str(e).strip()},
        key=lambda e: (-len(e), e.casefold()),
    )
    text = _nfc(text)
    if not cleaned or not text:
        return text
    parts = [
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in _nfc(e).split()) + r"(?!\w)" for e in cleaned
    ]
    return re.compile("|".join(parts), re.IGNORECASE).sub(REDACTED, text)


# Few letters, so entries really occur in texts; case pairs, an accent both composed and
# combining, the Kelvin sign and long s (case-folding oddities), digits and punctuation.
LETTERS = "aAbBnNzZéÉ\u0301Kſsß"
ALPHABET = LETTERS + "07.-' \t\n"
entry = st.text(alphabet=ALPHABET, min_size=1, max_size=8)
entries = st.lists(entry, max_size=8)


@st.composite
def text_with_entries(draw: st.DrawFn) -> tuple[list[str], str]:
    listed = draw(entries)
    pieces = draw(st.lists(st.one_of(st.sampled_from(listed) if listed else entry,
                                     st.text(alphabet=ALPHABET, max_size=6)), max_size=10))  # fmt: skip
    seps = draw(st.lists(st.sampled_from(["", " ", "  ", "\n", "-", "x", "."]),
                         min_size=len(pieces), max_size=len(pieces)))  # fmt: skip
    text = "".join(p + s for p, s in zip(pieces, seps, strict=True))
    if draw(st.booleans()):
        text = text.upper() if draw(st.booleans()) else text.swapcase()
    return listed, text


@settings(max_examples=600, deadline=None)
@given(text_with_entries())
def test_one_pass_redacts_exactly_what_the_per_entry_patterns_did(case) -> None:
    listed, text = case
    assert Redactor.of(listed)(text) == old_redact(listed, text)


@settings(max_examples=300, deadline=None)
@given(entries, st.text(alphabet=ALPHABET, max_size=40))
def test_any_text_and_list(listed, text) -> None:
    assert Redactor.of(listed)(text) == old_redact(listed, text)


@settings(max_examples=300, deadline=None)
@given(text_with_entries(), entries)
def test_the_counting_redactor_gives_the_same_text_and_counts_every_replacement(
    case, codes
) -> None:
    listed, text = case
    counting = CountingRedactor(Redactor.of([*listed, *codes]), Redactor.of(listed))
    out = counting(text)
    assert out == old_redact([*listed, *codes], text)
    assert counting.listed + counting.codes == len(Redactor.of([*listed, *codes]).spans(text))
    if not codes:
        assert counting.codes == 0


def test_examples_from_the_settings_help() -> None:
    r = Redactor.of(["new york", "Zoë", "St.", "Ana"])
    assert r("In NEW\nYork with zoë, near St. Ann; newyork; Banana; Ana's") == (
        f"In {REDACTED} with {REDACTED}, near {REDACTED} Ann; newyork; Banana; {REDACTED}'s"
    )
    assert r("Zoe\u0308 came") == f"{REDACTED} came"  # a combining diaeresis
