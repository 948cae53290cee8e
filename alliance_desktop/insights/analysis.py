"""One call that turns a caseload into everything the Insights tab and charts show.

``analyse`` groups sessions by client once and runs every rule over each group, so
a 200-client, 20,000-session vault is analysed in well under the 300 ms budget in
pure Python (no numpy import on the unlock path). The JSON helpers give the CLI
the exact ``trend`` and ``alerts`` shapes for ``stats --json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.alerts import Alert, client_alerts
from alliance_desktop.insights.caseload import CaseloadRow, caseload_row, risk_order
from alliance_desktop.insights.practice import (
    MonthPoint,
    RuptureMonth,
    practice_trend,
    rupture_months,
)
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.strategy_outcomes import StrategyOutcome, strategy_outcomes
from alliance_desktop.insights.trends import Trend, client_trends


@dataclass(frozen=True)
class ClientInsights:
    client: Client
    sessions: tuple[Session, ...]  # date order
    trends: dict[str, Trend]
    alerts: tuple[Alert, ...]  # date order

    @property
    def recent_alerts(self) -> tuple[Alert, ...]:
        return tuple(a for a in self.alerts if a.recent)


@dataclass(frozen=True)
class Insights:
    """Everything computed for a caseload; ``clients`` is keyed by client id."""

    clients: dict[int | None, ClientInsights]
    caseload: tuple[CaseloadRow, ...]  # risk order
    practice: tuple[MonthPoint, ...]
    ruptures: tuple[RuptureMonth, ...]
    outcomes: dict[str, StrategyOutcome]
    scale: ClientRatingScale = field(default_factory=ClientRatingScale)
    settings: InsightSettings = DEFAULT_SETTINGS

    def for_client(self, client_id: int | None) -> ClientInsights | None:
        return self.clients.get(client_id)


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


def client_insights(
    clients: Iterable[Client],
    groups: dict[int | None, list[Session]],
    scale: ClientRatingScale,
    settings: InsightSettings = DEFAULT_SETTINGS,
) -> dict[int | None, ClientInsights]:
    """Trends and alerts per client from ``group_sessions`` output.

    The per-client part of ``analyse`` on its own, for callers such as ``stats`` that
    need no caseload, practice or strategy figures and should not pay for them.
    """
    per: dict[int | None, ClientInsights] = {}
    for client in clients:
        own = groups.get(client.id, [])
        per[client.id] = ClientInsights(
            client,
            tuple(own),
            client_trends(own, settings),
            tuple(client_alerts(own, scale, settings)),
        )
    return per


def analyse(
    clients: Sequence[Client],
    sessions: Iterable[Session],
    scale: ClientRatingScale | None = None,
    settings: InsightSettings | None = None,
    *,
    include_practice: bool = False,
) -> Insights:
    """Trends, alerts, caseload order, practice trend and strategy outcomes in one pass.

    Practice clients (a trainee's vignettes) are left out unless ``include_practice``:
    invented clients must not move the caseload order or the practice-wide figures.
    """
    scale = scale or ClientRatingScale()
    settings = settings or DEFAULT_SETTINGS
    if not include_practice:
        clients = [c for c in clients if not c.is_practice]
    groups = group_sessions(clients, sessions)
    per = client_insights(clients, groups, scale, settings)
    rows = [caseload_row(c, groups[c.id], per[c.id].alerts) for c in clients]
    everything = [s for group in groups.values() for s in group]
    return Insights(
        clients=per,
        caseload=tuple(risk_order(rows)),
        practice=tuple(practice_trend(everything)),
        ruptures=tuple(rupture_months(everything)),
        outcomes=strategy_outcomes(groups.values()),
        scale=scale,
        settings=settings,
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
        }
        for a in sorted(alerts, key=lambda a: a.date)
    ]


def client_json(insights: ClientInsights) -> dict[str, Any]:
    """The ``trend`` and ``alerts`` members to merge into a client's ``stats --json`` entry."""
    return {"trend": client_trend_json(insights.trends), "alerts": alerts_json(insights.alerts)}
