"""How a client's outcome measure moved from the first rating to the latest.

The outcome rating is a client-reported measure of how they are doing in life (higher
is better), kept apart from the session rating. The change is classified after
Jacobson and Truax (1991) with the vault's :class:`OutcomeScale`: ``recovered`` is a
reliable improvement that starts below the clinical cutoff and ends at or above it,
``improved`` any other reliable improvement, ``deteriorated`` a reliable fall, and
``unchanged`` a change smaller than the reliable change either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from alliance_desktop.domain.models import Session
from alliance_desktop.domain.settings import OutcomeScale

STATUSES: tuple[str, ...] = ("recovered", "improved", "unchanged", "deteriorated")


@dataclass(frozen=True)
class OutcomeChange:
    """First and latest outcome rating, their difference and its classification."""

    first: float
    latest: float
    change: float
    status: str
    n: int  # how many outcome ratings there are


def classify(first: float, latest: float, scale: OutcomeScale | None = None) -> str:
    """One of :data:`STATUSES` for a change from ``first`` to ``latest``."""
    return (scale or OutcomeScale()).classify(first, latest)


def outcome_change(
    sessions: Iterable[Session], scale: OutcomeScale | None = None
) -> OutcomeChange | None:
    """The classified change over sessions in date order; None below two ratings."""
    values = [float(s.outcome_rating) for s in sessions if s.outcome_rating is not None]
    if len(values) < 2:
        return None
    first, latest = values[0], values[-1]
    return OutcomeChange(first, latest, latest - first, classify(first, latest, scale), len(values))


def outcome_json(change: OutcomeChange | None) -> dict[str, Any] | None:
    """``{"first", "latest", "change", "status"}`` (2 decimals), or None."""
    if change is None:
        return None
    return {
        "first": round(change.first, 2),
        "latest": round(change.latest, 2),
        "change": round(change.change, 2),
        "status": change.status,
    }
