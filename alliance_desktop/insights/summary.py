"""Per-client and whole-vault summaries: counts, date ranges, mean ratings, ruptures.

A pure function over domain objects (no SQL, no Qt), so the CLI's ``stats``, the GUI
and later trend or alert work all count the same way. One pass over the sessions keeps
it fast enough for a whole caseload (20,000 sessions in a few tens of milliseconds).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from alliance_desktop.domain.models import (
    DIMENSIONS,
    Client,
    RuptureType,
    Session,
    code_key,
)

#: Every rating a summary averages: the therapist's dimensions, then the client's number.
RATINGS: tuple[str, ...] = (*DIMENSIONS, "client_rating")
#: A session's ratings in ``RATINGS`` order, read in one C-level call (the hot loop).
_RATING_VALUES = attrgetter(*RATINGS)


@dataclass(frozen=True)
class Means:
    """Mean of each rating over the sessions that have it; None when none do."""

    trust: float | None = None
    engagement: float | None = None
    goal_alignment: float | None = None
    approach_fit: float | None = None
    client_rating: float | None = None


@dataclass(frozen=True)
class RuptureCounts:
    total: int = 0
    withdrawal: int = 0
    confrontation: int = 0
    unresolved: int = 0  # neither resolved in its session nor repaired later


@dataclass(frozen=True)
class ClientStats:
    code: str
    sessions: int
    first_session: date | None
    last_session: date | None
    means: Means
    ruptures: RuptureCounts


@dataclass(frozen=True)
class VaultStats:
    clients: int
    sessions: int
    first_session: date | None
    last_session: date | None


@dataclass(frozen=True)
class Summary:
    vault: VaultStats
    clients: tuple[ClientStats, ...]

    def for_client(self, code: str) -> ClientStats | None:
        """The one client with this code (ignoring case), or None."""
        key = code_key(code)
        return next((c for c in self.clients if code_key(c.code) == key), None)


class _Accumulator:
    """Running totals for one client; plain attributes keep the hot loop cheap."""

    __slots__ = ("confrontation", "counts", "first", "last", "n", "totals", "unresolved",
                 "withdrawal")  # fmt: skip

    def __init__(self) -> None:
        self.n = 0
        self.first: date | None = None
        self.last: date | None = None
        self.totals = [0.0] * len(RATINGS)
        self.counts = [0] * len(RATINGS)
        self.withdrawal = 0
        self.confrontation = 0
        self.unresolved = 0

    def add(self, s: Session) -> None:
        self.n += 1
        if self.first is None or s.date < self.first:
            self.first = s.date
        if self.last is None or s.date > self.last:
            self.last = s.date
        for i, value in enumerate(_RATING_VALUES(s)):
            if value is not None:
                self.totals[i] += value
                self.counts[i] += 1
        for r in s.ruptures:
            if r.type == RuptureType.WITHDRAWAL:
                self.withdrawal += 1
            elif r.type == RuptureType.CONFRONTATION:
                self.confrontation += 1
            if not r.repaired:
                self.unresolved += 1

    def stats(self, code: str) -> ClientStats:
        means = Means(
            *(t / c if c else None for t, c in zip(self.totals, self.counts, strict=True))
        )
        return ClientStats(
            code=code,
            sessions=self.n,
            first_session=self.first,
            last_session=self.last,
            means=means,
            ruptures=RuptureCounts(
                total=self.withdrawal + self.confrontation,
                withdrawal=self.withdrawal,
                confrontation=self.confrontation,
                unresolved=self.unresolved,
            ),
        )


def summarize(clients: Iterable[Client], sessions: Iterable[Session]) -> Summary:
    """Summarise every client (those without sessions too), sorted by code ignoring case.

    Sessions are matched to clients by ``client_id``; a session whose client is not in
    ``clients`` is left out, so a caller can pass a subset of clients safely.
    """
    by_id: dict[int | None, _Accumulator] = {}
    ordered = sorted(clients, key=lambda c: (c.key, c.code))
    for c in ordered:
        by_id[c.id] = _Accumulator()
    total = 0
    first: date | None = None
    last: date | None = None
    for s in sessions:
        acc = by_id.get(s.client_id)
        if acc is None:
            continue
        acc.add(s)
        total += 1
        if first is None or s.date < first:
            first = s.date
        if last is None or s.date > last:
            last = s.date
    return Summary(
        vault=VaultStats(
            clients=len(ordered), sessions=total, first_session=first, last_session=last
        ),
        clients=tuple(by_id[c.id].stats(c.code) for c in ordered),
    )


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def client_stats_dict(stats: ClientStats, decimals: int = 2) -> dict[str, Any]:
    """Plain JSON-ready form: ISO dates, means rounded for people to read."""
    return {
        "code": stats.code,
        "sessions": stats.sessions,
        "first_session": _day(stats.first_session),
        "last_session": _day(stats.last_session),
        "means": {k: _round(v, decimals) for k, v in asdict(stats.means).items()},
        "ruptures": asdict(stats.ruptures),
    }


def summary_dict(
    summary: Summary, clients: Iterable[ClientStats] | None = None, decimals: int = 2
) -> dict[str, Any]:
    """The ``stats --json`` document; ``clients`` narrows the list (the vault part stays whole)."""
    v = summary.vault
    return {
        "vault": {
            "clients": v.clients,
            "sessions": v.sessions,
            "first_session": _day(v.first_session),
            "last_session": _day(v.last_session),
        },
        "clients": [
            client_stats_dict(c, decimals)
            for c in (summary.clients if clients is None else clients)
        ],
    }
