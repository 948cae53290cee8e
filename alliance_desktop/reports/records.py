"""What a parsed import file holds, before the importer validates and writes it.

Parsers (CSV, JSON) turn text into domain objects and note where each came from; the
importer then runs the domain's validation on them and locates every problem with
that origin. Keeping the two apart lets both formats share one validation path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.strategies import Strategy

Kind = Literal["csv", "json"]
Row = int | str  # a file line (CSV) or an object path (JSON)


@dataclass
class SessionRecord:
    row: Row
    client: str  # the client's code as written in the file
    session: Session
    problems: list[Problem] = field(default_factory=list)  # already located
    failed: set[str] = field(default_factory=set)  # fields that could not be read at all
    timed: bool = False  # created_at came from the file, so it identifies the session


@dataclass
class ClientRecord:
    row: Row
    client: Client
    problems: list[Problem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)


@dataclass
class StrategyRecord:
    row: Row
    strategy: Strategy
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PlanRecord:
    """One item of a client's plan for the next session (JSON only)."""

    row: Row
    client: str  # the client's code as written in the file
    strategy: str
    note: str
    created_at: datetime | None
    problems: list[Problem] = field(default_factory=list)
    uuid: str | None = None  # the item's identity across copies of a vault (JSON v4)


@dataclass
class PacketRow:
    """One past supervision packet (JSON only): when, which range, how many clients,
    and the questions asked."""

    row: Row
    created_at: datetime | None
    range_from: date | None
    range_to: date | None
    client_count: int | None
    questions: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    uuid: str | None = None  # the record's identity across copies of a vault (JSON v4)


@dataclass
class ParsedFile:
    kind: Kind
    sessions: list[SessionRecord] = field(default_factory=list)
    clients: list[ClientRecord] = field(default_factory=list)
    strategies: list[StrategyRecord] = field(default_factory=list)
    plans: list[PlanRecord] = field(default_factory=list)
    packets: list[PacketRow] = field(default_factory=list)
    settings: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)  # file-level, already located
    tombstones: list[Any] = field(default_factory=list)  # deletions (JSON v4), read checked


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line holding byte ``offset``, counting CRLF, CR and LF as one break each."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def decode_text(data: bytes) -> str:
    """UTF-8 text with an optional BOM; NUL bytes and invalid bytes are refused by line.

    A NUL byte or a broken UTF-8 sequence usually means a binary file or the wrong
    encoding; naming the line lets the user find it.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ValidationError(
            [Problem("file", "contains a NUL byte; this is not a text file", line_of(data, nul))]
        )
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            [
                Problem(
                    "file",
                    "is not valid UTF-8 text; save it as UTF-8 and try again",
                    line_of(data, start + exc.start),
                )
            ]
        ) from None
