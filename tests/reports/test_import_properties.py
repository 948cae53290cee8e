"""Property tests: generated CSV files, valid and broken, against one real vault.

Opening a vault costs a key derivation, so each test shares one vault across its
examples: valid examples use client codes unique to the example, and broken ones
check that the vault did not change at all.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain import Modality, Resolution, RuptureType, ValidationError
from alliance_desktop.domain.models import code_key
from alliance_desktop.domain.strategies import BUILTIN
from alliance_desktop.reports.csv_format import COLUMNS, guard_cell
from alliance_desktop.reports.exporter import render_csv
from alliance_desktop.reports.importer import import_bytes
from alliance_desktop.vault import Vault

PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_BREAKS = re.compile(r"\r\n|\r|\n")
_example = itertools.count()


@dataclass(frozen=True)
class Row:
    """One generated session, as values; ``cells`` is how it is written to the file."""

    client: str
    day: date
    duration: int | None
    modality: Modality | None
    trust: int
    engagement: int
    goal: int | None
    fit: int | None
    rating: float | None
    outcome: float | None
    #: type, resolution and the days after the session it was repaired (None: not yet)
    ruptures: tuple[tuple[RuptureType, Resolution, int | None], ...]
    strategies: tuple[str, ...]
    tags: tuple[str, ...]
    note: str

    def repaired(self) -> tuple[tuple[RuptureType, Resolution, date | None], ...]:
        """The ruptures with their repair days (never after today)."""
        return tuple(
            (t, r, None if later is None else min(self.day + timedelta(days=later), date.today()))
            for t, r, later in self.ruptures
        )

    def expected(self) -> tuple:
        return (code_key(self.client), self.day, self.duration, self.modality, self.trust,
                self.engagement, self.goal, self.fit, self.rating, self.outcome,
                self.repaired(), self.strategies, self.tags, self.note.strip())  # fmt: skip

    def cells(self) -> dict[str, str]:
        opt = lambda v: "" if v is None else str(v)  # noqa: E731
        return {
            "client": self.client,
            "date": self.day.isoformat(),
            "duration_min": opt(self.duration),
            "modality": self.modality.value if self.modality else "",
            "trust": str(self.trust),
            "engagement": str(self.engagement),
            "goal_alignment": opt(self.goal),
            "approach_fit": opt(self.fit),
            "client_rating": opt(self.rating),
            "outcome_rating": opt(self.outcome),
            "ruptures": ";".join(
                f"{t.value}:{r.value}" + (f":{day.isoformat()}" if day else "")
                for t, r, day in self.repaired()
            ),
            "strategies": ";".join(self.strategies),
            "tags": ";".join(self.tags),
            "note": self.note,
        }


_code_chars = st.sampled_from("AbzZ09 -=+@'éΔ_.")
codes = st.text(_code_chars, min_size=1, max_size=8).map(str.strip).filter(bool)
tags = (
    st.text(st.sampled_from("abcXYZ019-_=+@'é "), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
notes = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
) | st.sampled_from(["=1+1", "'=quoted", "-5", "a,b\nc", 'say "hi"', "\r\nx\r", "@x"])
optional_rating = st.none() | st.integers(0, 10)

rows = st.builds(
    Row,
    client=codes,
    day=st.dates(date(2000, 1, 1), date.today()),
    duration=st.none() | st.integers(1, 600),
    modality=st.none() | st.sampled_from(Modality),
    trust=st.integers(0, 10),
    engagement=st.integers(0, 10),
    goal=optional_rating,
    fit=optional_rating,
    rating=st.none() | st.integers(0, 400).map(lambda n: n / 10),
    outcome=st.none() | st.integers(0, 400).map(lambda n: n / 10),
    ruptures=st.lists(
        st.tuples(
            st.sampled_from(RuptureType),
            st.sampled_from(Resolution),
            st.none() | st.integers(0, 60),
        ),
        max_size=3,
    ).map(tuple),
    strategies=st.lists(st.sampled_from([s.key for s in BUILTIN]), max_size=3).map(tuple),
    tags=st.lists(tags, max_size=3).map(tuple),
    note=notes,
)


def _write(
    cell_rows: list[dict[str, str]], columns: tuple[str, ...], newline: str
) -> tuple[str, list[int]]:
    """The file text and, independently counted, the line each record starts on.

    With LF endings, csv.writer would leave a lone CR unquoted; quoting every cell
    keeps such a file unambiguous, as any careful writer would.
    """
    quoting = csv.QUOTE_ALL if newline == "\n" else csv.QUOTE_MINIMAL
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline, quoting=quoting)
    writer.writerow(columns)
    starts = []
    line = 2
    for cells in cell_rows:
        one = io.StringIO(newline="")
        csv.writer(one, lineterminator=newline, quoting=quoting).writerow(
            [cells[c] for c in columns]
        )
        starts.append(line)
        line += len(_BREAKS.findall(one.getvalue()))
        out.write(one.getvalue())
    return out.getvalue(), starts


def _sessions_of(vault: Vault, suffix: str) -> list[tuple]:
    codes_ = {c.id: c.code for c in vault.clients() if c.code.endswith(suffix)}
    return [
        (code_key(codes_[s.client_id]), s.date, s.duration_min, s.modality, s.trust,
         s.engagement, s.goal_alignment, s.approach_fit, s.client_rating, s.outcome_rating,
         tuple((r.type, r.resolution, r.resolved_on) for r in s.ruptures), s.strategies, s.tags,
         s.reflection.plain_text())
        for s in vault.sessions()
        if s.client_id in codes_
    ]  # fmt: skip


@PROPERTY_SETTINGS
@given(
    batch=st.lists(rows, min_size=1, max_size=8),
    repeat=st.lists(st.integers(0, 7), max_size=2),
    newline=st.sampled_from(["\r\n", "\n"]),
    bom=st.booleans(),
)
def test_valid_rows_import_exactly_and_round_trip(shared_vault, batch, repeat, newline, bom):
    vault = shared_vault
    suffix = f"~{next(_example)}"  # keeps this example's clients apart from earlier ones
    batch = [Row(**{**r.__dict__, "client": r.client + suffix}) for r in batch]
    batch += [batch[i % len(batch)] for i in repeat]  # exact repeats within the file
    cell_rows = [{k: guard_cell(v) for k, v in r.cells().items()} for r in batch]
    text, _starts = _write(cell_rows, COLUMNS, newline)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode()

    before = vault.session_count()
    result = import_bytes(vault, data, "csv")

    distinct = {r.expected() for r in batch}
    assert result.sessions == len(distinct)
    assert result.duplicates == len(batch) - len(distinct)
    assert result.new_clients == len({code_key(r.client) for r in batch})
    assert vault.session_count() == before + len(distinct)
    assert sorted(_sessions_of(vault, suffix), key=repr) == sorted(distinct, key=repr)

    # The vault's own export carries every imported field: importing it adds nothing.
    again = import_bytes(vault, render_csv(vault).encode(), "csv")
    assert (again.sessions, again.new_clients) == (0, 0)
    assert again.duplicates == vault.session_count()


# Two days ahead: still in the future when a long run crosses midnight after import.
FUTURE = (date.today() + timedelta(days=2)).isoformat()
BREAKAGES: list[tuple[str, str]] = [
    ("trust", "11"),
    ("trust", "seven"),
    ("engagement", ""),
    ("goal_alignment", "3.5"),
    ("approach_fit", "-1"),
    ("date", "2024-02-30"),
    ("date", "01/02/2024"),
    ("date", FUTURE),
    ("date", ""),
    ("duration_min", "0"),
    ("duration_min", "601"),
    ("modality", "zoom"),
    ("client_rating", "40.1"),
    ("client_rating", "12.25"),
    ("client_rating", "lots"),
    ("outcome_rating", "1e309"),
    ("outcome_rating", "-1"),
    ("outcome_rating", "abc"),
    ("outcome_rating", "40.5"),
    ("ruptures", "withdrawal"),
    ("ruptures", "sulking:yes"),
    ("ruptures", "withdrawal:no:2024-13-45"),
    ("ruptures", "confrontation:partial:1999-12-31"),  # before any generated session
    ("ruptures", f"withdrawal:partial:{FUTURE}"),
    ("strategies", "validate;not_a_strategy"),
    ("tags", "x" * 41),
    ("client", ""),
    ("client", "y" * 41),
]


@PROPERTY_SETTINGS
@given(
    batch=st.lists(rows, min_size=1, max_size=8),
    data=st.data(),
    newline=st.sampled_from(["\r\n", "\n"]),
)
def test_a_broken_field_is_reported_by_line_and_field_and_nothing_is_written(
    shared_vault, batch, data, newline
):
    vault = shared_vault
    index = data.draw(st.integers(0, len(batch) - 1), label="broken row")
    field, bad = data.draw(st.sampled_from(BREAKAGES), label="breakage")
    cell_rows = [{k: guard_cell(v) for k, v in r.cells().items()} for r in batch]
    cell_rows[index][field] = bad  # written raw, exactly as a person might type it
    text, starts = _write(cell_rows, COLUMNS, newline)

    sessions, clients = vault.session_count(), len(vault.clients())
    with pytest.raises(ValidationError) as caught:
        import_bytes(vault, text.encode(), "csv")
    located = {(p.row, p.field) for p in caught.value.problems}
    assert located == {(starts[index], field)}
    assert all(str(p).startswith(f"line {starts[index]}: {field}: ") for p in caught.value.problems)
    assert (vault.session_count(), len(vault.clients())) == (sessions, clients)
