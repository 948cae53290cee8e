"""Whole-practice views by calendar month: alliance ratings, ruptures, the two perspectives.

Months are the unit because weekly points from a whole caseload are too noisy to
read and a therapist thinks of a placement or a term in months. Months between the
first and the last session are all present (with zero sessions where there were
none), so a chart shows a quiet month as a gap rather than hiding it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from alliance_desktop.domain.models import DIMENSIONS, RuptureType, Session
from alliance_desktop.domain.scales import ClientRatingScale


@dataclass(frozen=True)
class MonthPoint:
    """Mean trust and engagement over every client's sessions in one month."""

    month: date  # the first day of the month
    sessions: int
    trust: float | None
    engagement: float | None


@dataclass(frozen=True)
class RuptureMonth:
    month: date
    withdrawal: int
    confrontation: int
    resolved: int  # of those ruptures, how many are repaired (in the session or later)

    @property
    def total(self) -> int:
        return self.withdrawal + self.confrontation

    @property
    def share_resolved(self) -> float | None:
        return self.resolved / self.total if self.total else None


@dataclass(frozen=True)
class GapPoint:
    """The therapist's mean put on the client's scale, beside the client's own rating."""

    date: date  # the session's date, or the first of the month for monthly points
    therapist: float
    client: float
    n: int = 1  # sessions averaged into this point
    session_id: int | None = None


def month_of(d: date) -> date:
    return d.replace(day=1)


def _months(first: date, last: date) -> list[date]:
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def practice_trend(sessions: Iterable[Session]) -> list[MonthPoint]:
    """Monthly mean trust and engagement across all clients, with session counts."""
    acc: dict[date, list[float]] = {}
    firsts: dict[date, date] = {}  # day -> first of its month, without a replace() per session
    for s in sessions:
        month = firsts.get(s.date)
        if month is None:
            month = firsts[s.date] = month_of(s.date)
        a = acc.get(month)
        if a is None:
            a = acc[month] = [0, 0.0, 0, 0.0, 0]
        a[0] += 1
        if s.trust is not None:
            a[1] += s.trust
            a[2] += 1
        if s.engagement is not None:
            a[3] += s.engagement
            a[4] += 1
    if not acc:
        return []
    out = []
    for month in _months(min(acc), max(acc)):
        n, t, tn, e, en = acc.get(month, (0, 0.0, 0, 0.0, 0))
        out.append(MonthPoint(month, int(n), t / tn if tn else None, e / en if en else None))
    return out


def rupture_months(sessions: Iterable[Session]) -> list[RuptureMonth]:
    """Ruptures per month by type, with how many of them are resolved."""
    acc: dict[date, list[int]] = {}
    for s in sessions:
        if not s.ruptures:
            continue
        a = acc.setdefault(month_of(s.date), [0, 0, 0])
        for r in s.ruptures:
            a[0 if r.type == RuptureType.WITHDRAWAL else 1] += 1
            a[2] += r.repaired
    if not acc:
        return []
    return [RuptureMonth(m, *acc.get(m, (0, 0, 0))) for m in _months(min(acc), max(acc))]


def therapist_scaled(session: Session, scale: ClientRatingScale) -> float | None:
    """Mean of the session's recorded dimensions, on the client-rating scale."""
    present = [v for v in (getattr(session, d) for d in DIMENSIONS) if v is not None]
    return scale.from_therapist_mean(sum(present) / len(present)) if present else None


def perspective_series(
    sessions: Sequence[Session], scale: ClientRatingScale, monthly: bool = False
) -> list[GapPoint]:
    """Sessions with a client rating, as therapist-vs-client pairs; by month if asked."""
    points = []
    for s in sorted(sessions, key=lambda s: s.date):
        if s.client_rating is None or (mine := therapist_scaled(s, scale)) is None:
            continue
        points.append(GapPoint(s.date, mine, float(s.client_rating), 1, s.id))
    if not monthly:
        return points
    acc: dict[date, list[float]] = {}
    for p in points:
        a = acc.setdefault(month_of(p.date), [0.0, 0.0, 0])
        a[0] += p.therapist
        a[1] += p.client
        a[2] += 1
    return [GapPoint(m, t / n, c / n, int(n)) for m, (t, c, n) in sorted(acc.items())]
