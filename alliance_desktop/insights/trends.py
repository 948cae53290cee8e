"""Per-client trends: where each rating stands now, and which way it is heading.

Three figures per rating (latest, a short rolling mean and a least-squares slope)
are enough to spot drift without pretending to a precision a handful of 0-10
self-ratings cannot carry. Fewer than three recorded values give no trend at all,
because a line through two points says nothing about direction.

Slopes are per session, not per recorded value: each value sits at its session's
position among the client's sessions (0, 1, 2, ...), so a rating skipped for a few
sessions does not squeeze a long stretch of time into one step. Client ratings at
sessions 1, 2, 3 and 10 of 30, 32, 34 and 36 rise by 0.56 a session, not by 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from alliance_desktop.domain.models import DIMENSIONS, Session
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings

#: The ratings a trend is computed for: the therapist's four, then the client's number.
TREND_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, "client_rating")
#: Every rating a point list can be taken of (trends, plus the outcome measure).
POINT_DIMENSIONS: tuple[str, ...] = (*TREND_DIMENSIONS, "outcome_rating")

#: A trend needs at least this many recorded values.
MIN_TREND_VALUES = 3

#: (position of the session among the client's sessions, value), oldest first.
Point = tuple[int, float]


@dataclass(frozen=True)
class Trend:
    """Latest value, rolling mean and slope per session; all None below 3 recorded values."""

    latest: float | None = None
    rolling_mean: float | None = None
    slope: float | None = None
    n: int = 0  # how many recorded values there were in all


def slope(values: Sequence[float]) -> float:
    """Least-squares slope of ``values`` against their order 0, 1, 2, ...

    Computed from sums so integer ratings stay exact until the one division, which
    keeps a slope of exactly -0.5 exactly -0.5 at a rule's boundary.
    """
    return points_slope(list(enumerate(values)))


def points_slope(points: Sequence[Point]) -> float:
    """Least-squares slope of the values against their session positions."""
    n = len(points)
    if n < 2:
        raise ValueError("a slope needs at least two values")
    sum_x = sum(x for x, _ in points)
    sum_xx = sum(x * x for x, _ in points)
    sum_y = sum(v for _, v in points)
    sum_xy = sum(x * v for x, v in points)
    denominator = n * sum_xx - sum_x * sum_x
    if denominator == 0:
        raise ValueError("a slope needs values at two different sessions")
    return (n * sum_xy - sum_x * sum_y) / denominator


def robust_slope(points: Sequence[Point]) -> float:
    """Theil-Sen slope: the median of the slopes between every pair of points.

    One sharp drop moves only the pairs it is in, a minority, so the median stays
    where the rest of the values lie; a steady slide moves nearly every pair.
    """
    pairs = [
        (vj - vi) / (xj - xi)
        for i, (xi, vi) in enumerate(points)
        for xj, vj in points[i + 1 :]
        if xj != xi
    ]
    if not pairs:
        raise ValueError("a slope needs values at two different sessions")
    return float(median(pairs))


def trend(values: Sequence[float], settings: InsightSettings = DEFAULT_SETTINGS) -> Trend:
    """The trend of one rating's recorded values, oldest first, one value a session."""
    return points_trend(list(enumerate(values)), settings)


def points_trend(points: Sequence[Point], settings: InsightSettings = DEFAULT_SETTINGS) -> Trend:
    """The trend of one rating's (session position, value) points, oldest first."""
    n = len(points)
    if n < MIN_TREND_VALUES:
        return Trend(n=n)
    recent = points[-settings.rolling_window :]
    return Trend(
        latest=float(points[-1][1]),
        rolling_mean=sum(v for _, v in recent) / len(recent),
        slope=points_slope(points[-settings.slope_window :]),
        n=n,
    )


def recorded(sessions: Iterable[Session], dimension: str) -> list[float]:
    """The values of one rating that were actually recorded, in session order."""
    return [v for _, v in recorded_points(sessions, dimension)]


def recorded_points(sessions: Iterable[Session], dimension: str) -> list[Point]:
    """(session position, value) for each session that recorded this rating."""
    if dimension not in POINT_DIMENSIONS:
        raise KeyError(dimension)
    return [(i, v) for i, s in enumerate(sessions) if (v := getattr(s, dimension)) is not None]


def client_trends(
    sessions: Sequence[Session], settings: InsightSettings = DEFAULT_SETTINGS
) -> dict[str, Trend]:
    """Trends of every rating for one client's sessions in date order."""
    return {d: points_trend(recorded_points(sessions, d), settings) for d in TREND_DIMENSIONS}
