"""What tended to follow each strategy in this therapist's own records.

For every session that has a next session with the same client, the change in trust
and engagement to that next session is attributed to each strategy used on it (ticked
on the session or as a repair inside one of its ruptures), and
set beside the same change after sessions without the strategy. The comparison is an
association in one person's caseload: clients, timing and the reasons a strategy was
chosen all differ, so it can never show that a strategy caused a change. Every label
built on it says so. This naive comparison is what the charts and the packet drew
before :mod:`alliance_desktop.insights.strategy_estimates`, which allows for regression
to the mean and is what every view should show; it stays until they are rewired.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from alliance_desktop.domain.models import Session

ASSOCIATION_NOTE = (
    "An association in your own records, not proof: clients, timing and the reasons "
    "for choosing a strategy all differ between sessions."
)

OUTCOME_DIMENSIONS: tuple[str, ...] = ("trust", "engagement")

# Two-sided 95% critical values of Student's t for 1-30 degrees of freedom.
_T975 = (
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
)  # fmt: skip
_Z975 = 1.959963984540054


def t_critical(df: int) -> float:
    """The 97.5th percentile of t with ``df`` degrees of freedom.

    A table up to 30; above it the Cornish-Fisher expansion around the normal
    quantile, accurate to about 1e-4 there, so no statistics package is needed.
    """
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


@dataclass(frozen=True)
class Change:
    """Mean change to the next session, with n and a t-based 95% interval (None if n < 2)."""

    mean: float | None
    n: int
    ci: tuple[float, float] | None

    @classmethod
    def from_sums(cls, n: int, total: float, squares: float) -> Change:
        if n == 0:
            return cls(None, 0, None)
        mean = total / n
        if n < 2:
            return cls(mean, n, None)
        variance = max(0.0, (squares - total * total / n) / (n - 1))
        half = t_critical(n - 1) * math.sqrt(variance / n)
        return cls(mean, n, (mean - half, mean + half))

    @classmethod
    def of(cls, values: Sequence[float]) -> Change:
        return cls.from_sums(len(values), float(sum(values)), float(sum(v * v for v in values)))


@dataclass(frozen=True)
class StrategyOutcome:
    """Changes after sessions with a strategy, beside those after sessions without it."""

    strategy: str
    trust: Change
    engagement: Change
    trust_without: Change
    engagement_without: Change

    @property
    def n(self) -> int:
        """Sessions with this strategy that have a next session (trust or engagement rated)."""
        return max(self.trust.n, self.engagement.n)

    def change(self, dimension: str, with_strategy: bool = True) -> Change:
        if dimension not in OUTCOME_DIMENSIONS:
            raise KeyError(dimension)
        return getattr(self, dimension if with_strategy else f"{dimension}_without")


def used_strategies(session: Session) -> set[str]:
    """Strategies ticked on the session plus repair strategies ticked inside its ruptures.

    The same rule as ``strategy_estimates.strategies_used``, without importing numpy.
    """
    used = set(session.strategies)
    for rupture in session.ruptures:
        used.update(rupture.repair_strategies)
    return used


def strategy_outcomes(
    by_client: Iterable[Sequence[Session]], strategies: Iterable[str] = ()
) -> dict[str, StrategyOutcome]:
    """Outcomes for every strategy used (plus any in ``strategies``), sorted by key.

    ``by_client`` holds each client's sessions in date order. "Without" figures come
    from the overall sums minus the strategy's own, so it is one pass over the sessions.
    """
    all_trust: list[float] = []
    all_engagement: list[float] = []
    per: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in strategies}
    for sessions in by_client:
        for this, nxt in pairwise(sessions):
            a, b = this.trust, nxt.trust
            dt = None if a is None or b is None else b - a
            a, b = this.engagement, nxt.engagement
            de = None if a is None or b is None else b - a
            if dt is not None:
                all_trust.append(dt)
            if de is not None:
                all_engagement.append(de)
            for key in used_strategies(this):
                lists = per.get(key)
                if lists is None:
                    lists = per[key] = ([], [])
                if dt is not None:
                    lists[0].append(dt)
                if de is not None:
                    lists[1].append(de)
    overall = [_sums(all_trust), _sums(all_engagement)]
    out: dict[str, StrategyOutcome] = {}
    for key in sorted(per):
        changes: dict[str, Change] = {}
        for dim, values, (on, ot, osq) in zip(OUTCOME_DIMENSIONS, per[key], overall, strict=True):
            n, total, squares = _sums(values)
            changes[dim] = Change.from_sums(n, total, squares)
            changes[f"{dim}_without"] = Change.from_sums(on - n, ot - total, osq - squares)
        out[key] = StrategyOutcome(strategy=key, **changes)
    return out


def _sums(values: Sequence[float]) -> tuple[int, float, float]:
    return len(values), float(sum(values)), float(sum(v * v for v in values))
