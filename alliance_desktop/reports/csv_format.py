"""Sessions as CSV: one row per session, for spreadsheets and hand-made imports.

CSV holds the fields a person would type into a spreadsheet; the JSON format is the
lossless one. Cells that a spreadsheet would run as a formula are neutralised on the
way out and restored on the way in, so a round trip is exact.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date

from alliance_desktop.domain.errors import Problem
from alliance_desktop.domain.models import (
    DIMENSIONS,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.scales import RATING_MAX, RATING_MIN
from alliance_desktop.domain.validation import DURATION_MAX, DURATION_MIN, parse_day
from alliance_desktop.reports.records import ParsedFile, SessionRecord, decode_pieces

COLUMNS: tuple[str, ...] = (
    "client",
    "date",
    "duration_min",
    "modality",
    *DIMENSIONS,  # trust, engagement, goal_alignment, approach_fit
    "client_rating",
    "outcome_rating",
    "ruptures",
    "strategies",
    "tags",
    "note",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("client", "date", "trust", "engagement")
LIST_SEPARATOR = ";"

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"

_INT = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# One physical line with its ending; CRLF, CR and LF each end a line.
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


# -- formula safety ---------------------------------------------------------------


def _needs_guard(text: str) -> bool:
    # Apostrophes already in front of a formula start need one more, or the import
    # would strip a character that was really there.
    return text.lstrip(GUARD).startswith(FORMULA_STARTS)


def guard_cell(text: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows the text instead of running it."""
    return GUARD + text if _needs_guard(text) else text


def unguard_cell(text: str) -> str:
    """Undo exactly one :func:`guard_cell` prefix, and only where it added one."""
    if text.startswith(GUARD) and _needs_guard(text[1:]):
        return text[1:]
    return text


# -- writing ----------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _optional(value: object) -> str:
    return "" if value is None else str(value)


def rupture_cell(r: Rupture) -> str:
    """``type:resolution``, with ``:YYYY-MM-DD`` when it was repaired on a later day."""
    cell = f"{r.type.value}:{r.resolution.value}"
    return f"{cell}:{r.resolved_on.isoformat()}" if r.resolved_on else cell


def session_cells(code: str, s: Session) -> list[str]:
    """The row for one session, in :data:`COLUMNS` order, before formula guarding."""
    return [
        code,
        s.date.isoformat(),
        _optional(s.duration_min),
        s.modality.value if s.modality else "",
        _optional(s.trust),
        _optional(s.engagement),
        _optional(s.goal_alignment),
        _optional(s.approach_fit),
        _number(s.client_rating),
        _number(s.outcome_rating),
        LIST_SEPARATOR.join(rupture_cell(r) for r in s.ruptures),
        LIST_SEPARATOR.join(s.strategies),
        LIST_SEPARATOR.join(s.tags),
        s.reflection.plain_text(),
    ]


def write_csv(rows: Iterable[tuple[str, Session]]) -> str:
    """CSV text (RFC 4180 line endings) with a header; rows are written in the given order."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for code, session in rows:
        writer.writerow([guard_cell(cell) for cell in session_cells(code, session)])
    return buffer.getvalue()


# -- reading ----------------------------------------------------------------------


class _Lines(Iterator[str]):
    """Feeds csv.reader one physical line at a time and counts them.

    csv.reader's ``line_num`` is the line where a record *ends*; counting what it has
    consumed before each record gives the line where the record starts, which is
    what a person looks for when a quoted note spans several lines.
    """

    def __init__(self, pieces: Iterable[str]):
        self._lines = _physical_lines(pieces)
        self.consumed = 0

    def __next__(self) -> str:
        line = next(self._lines)
        self.consumed += 1
        return line


def _physical_lines(pieces: Iterable[str]) -> Iterator[str]:
    """The physical lines of the text ``pieces`` make up, as ``_PHYSICAL_LINE`` finds
    them in the whole text: each piece up to its last line break is split (a CR at its
    very end waits for the next piece, which may start with LF), the rest carried over.
    The text is never joined into one string (see ``records.decode_pieces``)."""
    carry = ""
    for piece in pieces:
        text = carry + piece
        end = len(text) - 1 if text.endswith("\r") else len(text)
        cut = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        for match in _PHYSICAL_LINE.finditer(text, 0, cut):
            yield match.group()
        carry = text[cut:]
    for match in _PHYSICAL_LINE.finditer(carry):
        yield match.group()


class _Row:
    """Reads typed values out of one record's cells, noting each problem by field."""

    def __init__(self, cells: dict[str, str], line: int):
        self.cells = cells
        self.line = line
        self.problems: list[Problem] = []
        self.failed: set[str] = set()

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message, self.line))
        self.failed.add(field)

    def text(self, field: str) -> str:
        return self.cells.get(field, "")

    def integer(self, field: str, what: str) -> int | None:
        raw = self.text(field).strip()
        if not raw:
            return None
        if not _INT.fullmatch(raw):
            self.fail(field, f"must be a whole number {what} (found {raw[:20]!r})")
            return None
        return int(raw)

    def number(self, field: str) -> float | None:
        raw = self.text(field).strip()
        if not raw:
            return None
        if not _NUMBER.fullmatch(raw):
            self.fail(field, f"must be a number (found {raw[:20]!r})")
            return None
        return float(raw)

    def day(self, field: str) -> date | None:
        raw = self.text(field).strip()
        if not raw:
            self.fail(field, "is required")
            return None
        try:
            return parse_day(raw)
        except ValueError:
            self.fail(field, f"must be a date written YYYY-MM-DD (found {raw[:20]!r})")
            return None

    def items(self, field: str) -> tuple[str, ...]:
        return tuple(
            part.strip() for part in self.text(field).split(LIST_SEPARATOR) if part.strip()
        )

    def modality(self) -> Modality | None:
        raw = self.text("modality").strip().lower()
        if not raw:
            return None
        try:
            return Modality(raw)
        except ValueError:
            self.fail("modality", "must be in_person, video, phone or other")
            return None

    def ruptures(self) -> list[Rupture]:
        found: list[Rupture] = []
        for item in self.items("ruptures"):
            kind, _sep, rest = (p.strip().lower() for p in item.partition(":"))
            resolution, has_day, day = (p.strip() for p in rest.partition(":"))
            shown = item[:30]
            try:
                rupture = Rupture(RuptureType(kind), Resolution(resolution))
            except ValueError:
                self.fail(
                    "ruptures",
                    f"{shown!r} is not type:resolution or type:resolution:YYYY-MM-DD, where "
                    "type is withdrawal or confrontation and resolution is yes, partial or no",
                )
                continue
            if has_day:
                try:
                    rupture.resolved_on = parse_day(day)
                except ValueError:
                    self.fail(
                        "ruptures",
                        f"{shown!r}: the day it was repaired must be written YYYY-MM-DD",
                    )
                    continue
            found.append(rupture)
        return found


def _session(row: _Row) -> Session:
    note = row.text("note")
    scale = f"from {RATING_MIN} to {RATING_MAX}"
    return Session(
        client_id=None,
        date=row.day("date"),  # type: ignore[arg-type]  # None only when reported
        duration_min=row.integer("duration_min", f"of minutes, {DURATION_MIN} to {DURATION_MAX}"),
        modality=row.modality(),
        trust=row.integer("trust", scale),
        engagement=row.integer("engagement", scale),
        goal_alignment=row.integer("goal_alignment", scale),
        approach_fit=row.integer("approach_fit", scale),
        client_rating=row.number("client_rating"),
        outcome_rating=row.number("outcome_rating"),
        ruptures=row.ruptures(),
        strategies=row.items("strategies"),
        tags=row.items("tags"),
        reflection=Reflection("free", {"text": note} if note.strip() else {}),
    )


def _header_problems(header: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, name in enumerate(header, start=1):
        if not name:
            problems.append(Problem(f"column {i}", "has no name in the header row", 1))
        elif name not in COLUMNS:
            problems.append(
                Problem(name, "is not a known column; the columns are " + ", ".join(COLUMNS), 1)
            )
        elif name in seen:
            problems.append(Problem(name, "appears twice in the header row", 1))
        seen.add(name)
    problems += [
        Problem(name, "is a required column but the header row lacks it", 1)
        for name in REQUIRED_COLUMNS
        if name not in seen
    ]
    return problems


# Python's reader refuses cells over 128 KiB with a bare "field larger than field
# limit". Reading cells up to 16 MiB lets validation name the column and its real limit
# (a note may hold 100,000 characters); anything larger still stops the reader.
CELL_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CELL_LIMIT))


def _csv_error(exc: csv.Error) -> str:
    if "unexpected end of data" in str(exc):
        return "a quoted field starting in this record is never closed"
    if "field limit" in str(exc):
        return f"has a cell larger than {CELL_LIMIT // (1024 * 1024)} MiB; nothing was read"
    return f"is not well-formed CSV here ({exc})"


def read_csv(data: bytes) -> ParsedFile:
    """Parse CSV bytes into session records located by the line where each record starts.

    Raises ValidationError only for problems with the file as a whole (encoding, NUL
    bytes); everything else is collected in the result for the importer to report.
    """
    # Decoded (and so checked) whole before anything is read, a megabyte per call.
    pieces = list(decode_pieces(data))
    parsed = ParsedFile("csv")
    lines = _Lines(pieces)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        parsed.problems.append(Problem("file", _csv_error(exc), 1))
        return parsed
    if header is None:
        parsed.problems.append(Problem("file", "is empty; a header row is required", 1))
        return parsed
    header = [name.strip().lower() for name in header]
    parsed.problems += _header_problems(header)
    if parsed.problems:
        return parsed
    while True:
        start = lines.consumed + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            parsed.problems.append(Problem("file", _csv_error(exc), start))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, and the all-empty rows spreadsheets leave behind
        if len(cells) != len(header):
            parsed.problems.append(
                Problem(
                    "file",
                    f"this record has {len(cells)} fields but the header has {len(header)}",
                    start,
                )
            )
            continue
        row = _Row(
            {name: unguard_cell(cell) for name, cell in zip(header, cells, strict=True)}, start
        )
        code = row.text("client").strip()
        if not code:
            row.fail("client", "is required")
        session = _session(row)
        parsed.sessions.append(SessionRecord(start, code, session, row.problems, row.failed))
    return parsed
