"""What a parsed import file holds, before the importer validates and writes it.

Parsers (CSV, JSON) turn text into domain objects and note where each came from; the
importer then runs the domain's validation on them and locates every problem with
that origin. Keeping the two apart lets both formats share one validation path.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterator
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


#: Items ``release`` frees per step.
RELEASE_STEP = 256


def release(*containers: list[Any] | set[Any] | dict[Any, Any]) -> None:
    """Empty each long list, set or dict a few hundred items at a time.

    Dropping the last reference to 100,000 parsed sessions (or a set of their
    fingerprints) frees them all in one call that holds the interpreter for 50-200 ms,
    whichever line lets go of them; a background import froze the window that long as
    it returned. Emptied in small steps, other threads run in between.
    """
    for items in containers:
        if isinstance(items, list):
            while items:
                del items[-RELEASE_STEP:]
        elif isinstance(items, set):
            pop = items.pop
            while items:
                for _ in range(min(RELEASE_STEP, len(items))):
                    pop()
        else:
            while items:
                for key in list(itertools.islice(items, RELEASE_STEP)):
                    del items[key]


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line holding byte ``offset``, counting CRLF, CR and LF as one break each."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _text_start(data: bytes) -> int:
    """Where the text starts (after a BOM); a NUL byte anywhere is refused by line."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ValidationError(
            [Problem("file", "contains a NUL byte; this is not a text file", line_of(data, nul))]
        )
    return len(_BOM) if data.startswith(_BOM) else 0


def _not_utf8(data: bytes, offset: int) -> ValidationError:
    return ValidationError(
        [
            Problem(
                "file",
                "is not valid UTF-8 text; save it as UTF-8 and try again",
                line_of(data, offset),
            )
        ]
    )


def decode_text(data: bytes) -> str:
    """UTF-8 text with an optional BOM; NUL bytes and invalid bytes are refused by line.

    A NUL byte or a broken UTF-8 sequence usually means a binary file or the wrong
    encoding; naming the line lets the user find it.
    """
    start = _text_start(data)
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, start + exc.start) from None


#: Bytes decoded per piece by ``decode_pieces``: a few milliseconds each.
PIECE_BYTES = 1 << 20


def decode_pieces(data: bytes, size: int = PIECE_BYTES) -> Iterator[str]:
    """``decode_text(data)`` as consecutive pieces of about ``size`` bytes, refused the
    same way (the same problem on the same line).

    The NUL check runs first, on the whole file, as in ``decode_text``. A character cut
    by a piece's end is decoded with the next piece, and the first bad sequence is
    found at the same offset as decoding all at once. A 75 MB export in
    one ``decode`` is one call that holds the interpreter for 100-300 ms (a background
    import would freeze the window); piece by piece it is a few milliseconds at a time.
    """
    start = _text_start(data)
    # The stdlib's incremental decoder keeps a character cut by a piece's end for the
    # next piece; an error's offset counts the bytes it kept from the piece before.
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for pos in range(start, len(data), size):
        kept = len(decoder.getstate()[0])
        try:
            piece = decoder.decode(view[pos : pos + size], final=pos + size >= len(data))
        except UnicodeDecodeError as exc:
            raise _not_utf8(data, pos - kept + exc.start) from None
        yield piece
