"""parse_day: the one reader of a typed or imported YYYY-MM-DD day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.validation import parse_day


@given(st.dates(min_value=date(1000, 1, 1)))
def test_reads_back_every_iso_day(day: date) -> None:
    assert parse_day(day.isoformat()) == day


@pytest.mark.parametrize(
    "text",
    ["20260331", "2026-W14-2", "2026-092", "2026-3-31", " 2026-03-31", "2026-03-31\n",
     "2026-02-30", "２０２６-03-31", "", "2026-03-31T10:00"],
)  # fmt: skip
def test_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)
