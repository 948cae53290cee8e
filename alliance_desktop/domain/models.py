"""The domain objects a therapist's notebook is made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

DIMENSIONS: tuple[str, ...] = ("trust", "engagement", "goal_alignment", "approach_fit")
REQUIRED_DIMENSIONS: tuple[str, ...] = ("trust", "engagement")


class ClientStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class Modality(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    OTHER = "other"


class RuptureType(StrEnum):
    WITHDRAWAL = "withdrawal"
    CONFRONTATION = "confrontation"


class Resolution(StrEnum):
    YES = "yes"
    PARTIAL = "partial"
    NO = "no"


@dataclass
class Client:
    """A client, known only by a pseudonymous code the therapist chooses."""

    code: str
    status: ClientStatus = ClientStatus.ACTIVE
    start_date: date | None = None
    goals: str = ""
    id: int | None = None
    #: A trainee's invented client (a vignette): left out of caseload views, insights
    #: and supervision packets unless a caller asks for it.
    is_practice: bool = False
    #: Stable identity across copies of the vault (32 hex digits); None before saving.
    uuid: str | None = field(default=None, compare=False)
    #: When the client was last changed (UTC); None before saving.
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """Codes are unique ignoring case; this is the form they are compared in."""
        return code_key(self.code)


def code_key(code: str) -> str:
    return code.strip().casefold()


@dataclass(slots=True)
class Rupture:
    """A strain or breakdown in the collaboration, and what became of it."""

    type: RuptureType
    resolution: Resolution
    markers: tuple[str, ...] = ()
    salience: int | None = None
    repair_strategies: tuple[str, ...] = ()
    note: str = ""
    #: The day a rupture left open in its session was repaired later; None = not (yet).
    resolved_on: date | None = None
    #: The vault row's id, stable across edits of the session; None before it is saved.
    #: Left out of equality: two ruptures with the same content are the same record.
    id: int | None = field(default=None, compare=False)
    #: Stable identity across copies of the vault; None before it is saved.
    uuid: str | None = field(default=None, compare=False)

    @property
    def resolved(self) -> bool:
        """Resolved within its own session."""
        return self.resolution == Resolution.YES

    @property
    def repaired(self) -> bool:
        """Resolved in the session or repaired on a later day: no longer open."""
        return self.resolution == Resolution.YES or self.resolved_on is not None


#: Where ``str.splitlines`` ends a line.
_LINE_END = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(slots=True)
class Reflection:
    """The written reflection: a template key and the text of each of its sections."""

    template: str = "free"
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.sections.values())

    def plain_text(self) -> str:
        """All sections joined, for search and CSV."""
        return "\n\n".join(t.strip() for t in self.sections.values() if t.strip())

    def first_line(self, limit: int) -> str:
        """The first line with text (the first of ``plain_text``'s lines), cut to
        ``limit`` characters with "…", for a list or a timeline row.

        Only that line is looked for: joining and splitting a whole reflection for it
        cost a client switch, and the wizard most of its list building at 500 clients.
        """
        for text in self.sections.values():
            rest = text.lstrip()  # blank lines are whitespace: gone with it
            if rest:
                end = _LINE_END.search(rest)
                line = (rest[: end.start()] if end else rest).rstrip()
                return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
        return ""


def rating_named(session: Any, dimension: str) -> float | None:
    """A session's rating by name: one of DIMENSIONS, ``client_rating`` or
    ``outcome_rating`` (``KeyError`` for any other name). ``session`` is a
    :class:`Session` or anything with the same rating attributes (the caseload's light
    rows, ``vault.overview.LatestSession``)."""
    if dimension == "client_rating":
        return session.client_rating
    if dimension == "outcome_rating":
        return session.outcome_rating
    if dimension not in DIMENSIONS:
        raise KeyError(dimension)
    return getattr(session, dimension)


@dataclass(slots=True)
class Session:
    """One session as the therapist rated and reflected on it afterwards."""

    client_id: int | None
    date: date
    trust: int | None
    engagement: int | None
    goal_alignment: int | None = None
    approach_fit: int | None = None
    duration_min: int | None = None
    modality: Modality | None = None
    client_rating: float | None = None
    #: A client-reported outcome measure typed in from a form (0 to the outcome scale's
    #: maximum); kept apart from ``client_rating``, the session/alliance rating.
    outcome_rating: float | None = None
    ruptures: list[Rupture] = field(default_factory=list)
    strategies: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reflection: Reflection = field(default_factory=Reflection)
    supervision: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
    #: Stable identity across copies of the vault (32 hex digits); None before saving.
    uuid: str | None = field(default=None, compare=False)

    def rating(self, dimension: str) -> float | None:
        """A dimension or the client rating by name, so insights can loop over them."""
        return rating_named(self, dimension)

    def with_(self, **changes: Any) -> Session:
        return replace(self, **changes)
