"""Per-client trends: where each rating stands now, and which way it is heading.

Three figures per rating (latest, a short rolling mean and a least-squares slope)
are enough to spot drift without pretending to a precision a handful of 0-10
self-ratings cannot carry. Fewer than three recorded values give no trend at all,
because a line through two points says nothing about direction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_desktop.domain.models import DIMENSIONS, Session
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings

#: The ratings a trend is computed for: the therapist's four, then the client's number.
TREND_DIMENSIONS: tuple[str, ...] = (*DIMENSIONS, "client_rating")

#: A trend needs at least this many recorded values.
MIN_TREND_VALUES = 3


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
    keeps a slope of exactly -0.5 exactly -0.5 at the alert's boundary.
    """
    n = len(values)
    if n < 2:
        raise ValueError("a slope needs at least two values")
    sum_x = n * (n - 1) // 2
    sum_xx = (n - 1) * n * (2 * n - 1) // 6
    sum_y = sum(values)
    sum_xy = sum(i * v for i, v in enumerate(values))
    return (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x)


def trend(values: Sequence[float], settings: InsightSettings = DEFAULT_SETTINGS) -> Trend:
    """The trend of one rating's recorded values, oldest first."""
    n = len(values)
    if n < MIN_TREND_VALUES:
        return Trend(n=n)
    recent = values[-settings.rolling_window :]
    return Trend(
        latest=float(values[-1]),
        rolling_mean=sum(recent) / len(recent),
        slope=slope(values[-settings.slope_window :]),
        n=n,
    )


def recorded(sessions: Iterable[Session], dimension: str) -> list[float]:
    """The values of one rating that were actually recorded, in session order."""
    if dimension not in TREND_DIMENSIONS:
        raise KeyError(dimension)
    return [v for s in sessions if (v := getattr(s, dimension)) is not None]


def client_trends(
    sessions: Sequence[Session], settings: InsightSettings = DEFAULT_SETTINGS
) -> dict[str, Trend]:
    """Trends of every rating for one client's sessions in date order."""
    return {d: trend(recorded(sessions, d), settings) for d in TREND_DIMENSIONS}
