"""One call that turns a caseload into everything the Insights tab and charts show.

``analyse`` groups sessions by client once and runs every rule over each group, so
a 200-client, 20,000-session vault is analysed in well under the 300 ms budget in
pure Python. The strategy estimates need numpy and a bootstrap, so they are computed
on first use of :attr:`Insights.estimates` (numpy is never imported on the unlock
path). The JSON helpers give the CLI the exact shapes for ``stats --json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from alliance_desktop.domain.models import Client, ClientStatus, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.insights.alerts import Alert, GapNorms, client_alerts, gap_norms
from alliance_desktop.insights.caseload import CaseloadRow, caseload_row, risk_order
from alliance_desktop.insights.outcome import OutcomeChange, outcome_change, outcome_json
from alliance_desktop.insights.practice import (
    MonthPoint,
    RuptureMonth,
    practice_trend,
    rupture_months,
)
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.trends import Trend, client_trends

if TYPE_CHECKING:
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate


@dataclass(frozen=True)
class ClientInsights:
    client: Client
    sessions: tuple[Session, ...]  # date order
    trends: dict[str, Trend]
    alerts: tuple[Alert, ...]  # date order
    outcome: OutcomeChange | None = None  # first to latest outcome rating, classified
    open_ruptures: int = 0  # neither resolved in the session nor repaired later

    @property
    def recent_alerts(self) -> tuple[Alert, ...]:
        return tuple(a for a in self.alerts if a.recent)

    @property
    def status(self) -> ClientStatus:
        return self.client.status


@dataclass(frozen=True)
class Insights:
    """Everything computed for a caseload; ``clients`` is keyed by client id.

    ``estimates`` (what followed each strategy beyond regression to the mean) and
    ``caveats`` (the two sentences every view of them carries) are computed on first
    use.
    """

    clients: dict[int | None, ClientInsights]
    caseload: tuple[CaseloadRow, ...]  # risk order
    practice: tuple[MonthPoint, ...]
    ruptures: tuple[RuptureMonth, ...]
    scale: ClientRatingScale = field(default_factory=ClientRatingScale)
    settings: InsightSettings = DEFAULT_SETTINGS
    outcome_scale: OutcomeScale = field(default_factory=OutcomeScale)

    def for_client(self, client_id: int | None) -> ClientInsights | None:
        return self.clients.get(client_id)

    @cached_property
    def estimates(self) -> tuple[StrategyEstimate, ...]:
        """One estimate per (strategy used at least once, trust or engagement)."""
        return tuple(estimates_for(self.clients.values(), self.settings))

    @cached_property
    def caveats(self) -> tuple[str, str]:
        """The regression-to-the-mean sentence and the how-many-were-compared one."""
        from alliance_desktop.insights.strategy_estimates import caveats

        return caveats(self.estimates)

    def estimate(self, strategy: str, dimension: str) -> StrategyEstimate | None:
        return next(
            (e for e in self.estimates if e.strategy == strategy and e.dimension == dimension),
            None,
        )


def estimates_for(
    clients: Iterable[ClientInsights], settings: InsightSettings = DEFAULT_SETTINGS
) -> list[StrategyEstimate]:
    """Strategy estimates over these clients (in client id order, as the estimator wants)."""
    from alliance_desktop.insights.strategy_estimates import strategy_estimates_by_client

    ordered = sorted(clients, key=lambda ci: _client_order(ci.client))
    return strategy_estimates_by_client(
        [ci.sessions for ci in ordered],
        min_uses=settings.strategy_min_uses,
        min_clients=settings.strategy_min_clients,
    )


def _client_order(c: Client) -> tuple[bool, int, str]:
    return (c.id is None, c.id if c.id is not None else 0, c.key)


def group_sessions(
    clients: Iterable[Client], sessions: Iterable[Session]
) -> dict[int | None, list[Session]]:
    """Sessions per client id in date order; sessions of unknown clients are dropped."""
    groups: dict[int | None, list[Session]] = {c.id: [] for c in clients}
    for s in sessions:
        group = groups.get(s.client_id)
        if group is not None:
            group.append(s)
    for group in groups.values():
        # Stable: same-day sessions keep the order the vault gave them.
        group.sort(key=_session_date)
    return groups


def _session_date(s: Session) -> Any:
    return s.date


def open_ruptures(sessions: Iterable[Session]) -> int:
    """Ruptures neither resolved in their session nor repaired later."""
    return sum(1 for s in sessions for r in s.ruptures if not r.repaired)


def client_insights(
    clients: Iterable[Client],
    groups: dict[int | None, list[Session]],
    scale: ClientRatingScale,
    settings: InsightSettings = DEFAULT_SETTINGS,
    *,
    today: date | None = None,
    outcome: OutcomeScale | None = None,
    norms: GapNorms | None = None,
) -> dict[int | None, ClientInsights]:
    """Trends, alerts and the outcome change per client from ``group_sessions`` output.

    The per-client part of ``analyse`` on its own, for callers such as ``stats`` that
    need no caseload or practice figures. ``norms`` should come from the whole caseload
    (:func:`gap_norms`); without them they are taken from ``groups``.
    """
    today = today or date.today()
    outcome = outcome or OutcomeScale()
    clients = list(clients)
    if norms is None:
        norms = gap_norms(groups.get(c.id, []) for c in clients)
    per: dict[int | None, ClientInsights] = {}
    for client in clients:
        own = groups.get(client.id, [])
        per[client.id] = ClientInsights(
            client,
            tuple(own),
            client_trends(own, settings),
            tuple(
                client_alerts(
                    own, scale, settings, today=today, client=client, outcome=outcome, norms=norms
                )
            ),
            outcome_change(own, outcome),
            open_ruptures(own),
        )
    return per


def analyse(
    clients: Sequence[Client],
    sessions: Iterable[Session],
    scale: ClientRatingScale | None = None,
    settings: InsightSettings | None = None,
    *,
    include_practice: bool = False,
    today: date | None = None,
    outcome: OutcomeScale | None = None,
) -> Insights:
    """Trends, alerts, caseload order and practice trend in one pass (estimates on first use).

    Practice clients (a trainee's vignettes) are left out unless ``include_practice``:
    invented clients must not move the caseload order or the practice-wide figures.
    """
    scale = scale or ClientRatingScale()
    settings = settings or DEFAULT_SETTINGS
    outcome = outcome or OutcomeScale()
    if not include_practice:
        clients = [c for c in clients if not c.is_practice]
    groups = group_sessions(clients, sessions)
    per = client_insights(clients, groups, scale, settings, today=today, outcome=outcome)
    rows = [caseload_row(c, groups[c.id], per[c.id].alerts) for c in clients]
    everything = [s for group in groups.values() for s in group]
    return Insights(
        clients=per,
        caseload=tuple(risk_order(rows)),
        practice=tuple(practice_trend(everything)),
        ruptures=tuple(rupture_months(everything)),
        scale=scale,
        settings=settings,
        outcome_scale=outcome,
    )


# -- JSON ---------------------------------------------------------------------


def _r(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def client_trend_json(trends: dict[str, Trend]) -> dict[str, dict[str, float | None]]:
    """``{dimension: {"latest", "rolling_mean", "slope"}}``, rounded to 2 decimals."""
    return {
        dim: {"latest": _r(t.latest), "rolling_mean": _r(t.rolling_mean), "slope": _r(t.slope)}
        for dim, t in trends.items()
    }


def alerts_json(alerts: Iterable[Alert]) -> list[dict[str, Any]]:
    """Alerts in date order as plain dicts: ISO dates, null where a field does not apply."""
    return [
        {
            "kind": str(a.kind),
            "date": a.date.isoformat(),
            "dimension": a.dimension,
            "value": _r(a.value),
            "reference": _r(a.reference),
            "recent": a.recent,
            "message": a.message,
            "direction": a.direction,
        }
        for a in sorted(alerts, key=lambda a: a.date)
    ]


def client_json(insights: ClientInsights) -> dict[str, Any]:
    """The members to merge into a client's ``stats --json`` entry: ``trend``,
    ``alerts``, ``status``, ``open_ruptures`` and ``outcome``."""
    return {
        "trend": client_trend_json(insights.trends),
        "alerts": alerts_json(insights.alerts),
        "status": str(insights.client.status),
        "open_ruptures": insights.open_ruptures,
        "outcome": outcome_json(insights.outcome),
    }
