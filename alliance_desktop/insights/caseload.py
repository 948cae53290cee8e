"""Caseload risk order: who to look at first before supervision.

Recent open ruptures come first because an unspoken strain is the strongest
early sign of drop-out, the most salient rupture first (a rupture whose salience
was not rated counts as the middle of the 1-5 scale); then recent drops and
reliable deteriorations of the outcome measure; then any other recent alert; then
everyone else. Within each tier the lowest latest trust leads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from alliance_desktop.domain.models import Client
from alliance_desktop.insights.alerts import DEFAULT_SALIENCE, KIND_ORDER, Alert, AlertKind

#: How many of each client's latest sessions the caseload overview shows.
CASELOAD_SESSIONS = 12

TIER_OPEN_RUPTURE = 0
TIER_DROP = 1
TIER_OTHER_ALERT = 2
TIER_NO_ALERT = 3


class CaseloadSession(Protocol):
    """What the overview reads of a session: a ``Session``, or before the first analysis
    the lighter ``vault.overview.LatestSession`` (the table's first paint)."""

    @property
    def id(self) -> int | None: ...
    @property
    def date(self) -> date: ...
    def rating(self, dimension: str) -> float | None: ...


@dataclass(frozen=True)
class CaseloadRow:
    """One client in the overview: why they rank where they do, and their last sessions."""

    client: Client
    tier: int
    latest_trust: float | None
    recent_kinds: tuple[AlertKind, ...]  # distinct kinds of recent alerts, most serious first
    last_sessions: tuple[CaseloadSession, ...]  # up to CASELOAD_SESSIONS, oldest first
    salience: int = 0  # the highest salience among recent open ruptures (0: none)

    @property
    def has_recent_alerts(self) -> bool:
        return bool(self.recent_kinds)


def risk_tier(alerts: Iterable[Alert]) -> tuple[int, tuple[AlertKind, ...]]:
    """The client's tier and the distinct kinds among their recent alerts."""
    kinds = {a.kind for a in alerts if a.recent}
    if AlertKind.OPEN_RUPTURE in kinds:
        tier = TIER_OPEN_RUPTURE
    elif AlertKind.DROP in kinds or AlertKind.OUTCOME_DETERIORATION in kinds:
        tier = TIER_DROP
    elif kinds:
        tier = TIER_OTHER_ALERT
    else:
        tier = TIER_NO_ALERT
    return tier, tuple(sorted(kinds, key=KIND_ORDER.__getitem__))


def rupture_salience(alerts: Iterable[Alert]) -> int:
    """The highest salience among recent open-rupture alerts; 0 when there is none."""
    return max(
        (
            a.salience if a.salience is not None else DEFAULT_SALIENCE
            for a in alerts
            if a.recent and a.kind == AlertKind.OPEN_RUPTURE
        ),
        default=0,
    )


def latest_value(sessions: Sequence[CaseloadSession], dimension: str) -> float | None:
    for s in reversed(sessions):
        value = s.rating(dimension)
        if value is not None:
            return value
    return None


def caseload_row(
    client: Client, sessions: Sequence[CaseloadSession], alerts: Iterable[Alert]
) -> CaseloadRow:
    alerts = list(alerts)
    tier, kinds = risk_tier(alerts)
    return CaseloadRow(
        client=client,
        tier=tier,
        latest_trust=latest_value(sessions, "trust"),
        recent_kinds=kinds,
        last_sessions=tuple(sessions[-CASELOAD_SESSIONS:]),
        salience=rupture_salience(alerts),
    )


def risk_order(rows: Iterable[CaseloadRow]) -> list[CaseloadRow]:
    """Sort by tier, then the most salient open rupture, then lowest latest trust (unrated
    last), then code ignoring case."""

    def key(row: CaseloadRow) -> tuple[int, int, bool, float, str]:
        trust = row.latest_trust
        return (row.tier, -row.salience, trust is None, trust if trust is not None else 0.0,
                row.client.key)  # fmt: skip

    return sorted(rows, key=key)
