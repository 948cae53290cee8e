"""From an alert to strategies worth trying, with how they have gone for you before.

The mapping follows the catalogue's groups: the problem an alert points at is the
problem a group of strategies answers. The therapist's own past outcomes come along
so they can weigh a suggestion against their experience, not against a promise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.insights.alerts import Alert, AlertKind
from alliance_desktop.insights.strategy_outcomes import Change, StrategyOutcome

# Why a strategy from the linked group may help with this kind of alert; the
# strategy's own help text follows as the second sentence.
_WHY: dict[tuple[AlertKind, str | None], str] = {
    (AlertKind.DROP, "trust"): "When trust dips, making it safer to speak usually comes first.",
    (AlertKind.DROP, "engagement"): (
        "When engagement dips, a lighter and clearer next step can bring the client back in."
    ),
    (AlertKind.DISENGAGING, "engagement"): (
        "A steady slide in engagement often means the work feels too big or too vague."
    ),
    (AlertKind.OPEN_RUPTURE, None): (
        "A strain that stays unspoken tends to grow; naming it together is how repair starts."
    ),
    (AlertKind.LOW_CLIENT_RATING, "client_rating"): (
        "The client has told you something is not working; asking about it shows you want to know."
    ),
    (AlertKind.PERSPECTIVE_GAP, "client_rating"): (
        "You and the client see the relationship differently; talking about it narrows the gap."
    ),
}


@dataclass(frozen=True)
class Suggestion:
    """A strategy that answers an alert, why, and your past outcomes with it (if any)."""

    strategy: str
    why: str
    outcome: StrategyOutcome | None
    dimension: str  # which change to the next session matters for this alert

    @property
    def past_change(self) -> Change | None:
        """Your mean change in ``dimension`` after sessions with this strategy, with n."""
        return self.outcome.change(self.dimension) if self.outcome else None

    @property
    def n(self) -> int:
        change = self.past_change
        return change.n if change else 0


def _by_group(catalogue: Mapping[str, Strategy], group: str) -> list[str]:
    return [key for key, s in catalogue.items() if s.group == group]


def strategies_for(alert: Alert, catalogue: Mapping[str, Strategy]) -> list[str]:
    """The catalogue keys that answer this alert, in catalogue order."""
    kind = alert.kind
    if kind == AlertKind.DROP:
        return _by_group(catalogue, "trust" if alert.dimension == "trust" else "engagement")
    if kind == AlertKind.DISENGAGING:
        return _by_group(catalogue, "engagement")
    if kind == AlertKind.OPEN_RUPTURE:
        return _by_group(catalogue, "repair")
    if kind == AlertKind.PERSPECTIVE_GAP:
        return [k for k in ("invite_feedback", "metacommunication") if k in catalogue]
    if kind == AlertKind.LOW_CLIENT_RATING:
        return [k for k in ("invite_feedback",) if k in catalogue]
    return []


def suggestions_for(
    alert: Alert,
    outcomes: Mapping[str, StrategyOutcome],
    catalogue: Mapping[str, Strategy],
) -> list[Suggestion]:
    """Strategies that answer ``alert``, each with a reason and your own track record."""
    dimension = alert.dimension if alert.dimension in ("trust", "engagement") else "trust"
    lead = _WHY.get((alert.kind, alert.dimension)) or _WHY.get((alert.kind, None), "")
    out = []
    for key in strategies_for(alert, catalogue):
        help_text = catalogue[key].help.strip()
        why = f"{lead} {help_text}".strip() if help_text else lead
        out.append(Suggestion(key, why, outcomes.get(key), dimension))
    return out
