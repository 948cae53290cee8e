"""Suggestions: hedged, each naming its idea, never repeating a sentence, with past uses."""

from __future__ import annotations

import re
from datetime import date

from alliance_desktop.domain.models import Client
from alliance_desktop.domain.strategies import catalogue
from alliance_desktop.insights import suggestions as sg
from alliance_desktop.insights.alerts import CLIENT_HIGHER, Alert, AlertKind
from alliance_desktop.insights.analysis import analyse
from alliance_desktop.insights.strategy_estimates import StrategyEstimate
from alliance_desktop.insights.suggestions import NO_ALERTS, lead_for, suggestions_for
from alliance_desktop.insights.summary import summarize

from .helpers import rupture, series

ALERTS = [
    Alert(kind, date(2025, 1, 1), 1, 1, dim, None, None, True, "", direction=direction)
    for kind, dim, direction in (
        (AlertKind.DROP, "trust", None),
        (AlertKind.DROP, "engagement", None),
        (AlertKind.DROP, "goal_alignment", None),
        (AlertKind.DROP, "approach_fit", None),
        (AlertKind.DROP, "client_rating", None),
        (AlertKind.LOW_RATING, "goal_alignment", None),
        (AlertKind.LOW_RATING, "approach_fit", None),
        (AlertKind.ENGAGEMENT_FALLING, "engagement", None),
        (AlertKind.OPEN_RUPTURE, None, None),
        (AlertKind.LOW_CLIENT_RATING, "client_rating", None),
        (AlertKind.PERSPECTIVE_GAP, "client_rating", "therapist_higher"),
        (AlertKind.PERSPECTIVE_GAP, "client_rating", CLIENT_HIGHER),
        (AlertKind.OUTCOME_DETERIORATION, "outcome_rating", None),
        (AlertKind.NOT_SEEN, None, None),
    )
]

HEDGES = ("may ", "can mean", "can be")
CAUSAL = ("is how", "will ", "always", "fuels", "narrows the gap", "usually comes first")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+", text) if s.strip()]


def test_every_alert_kind_has_a_hedged_lead():
    for alert in ALERTS:
        lead = lead_for(alert)
        assert lead and any(h in lead for h in HEDGES), alert.kind
        assert not any(c in lead for c in CAUSAL), lead


def test_each_suggestion_names_its_idea_and_none_repeats_a_sentence():
    cat = catalogue()
    for alert in ALERTS:
        found = suggestions_for(alert, cat)
        seen: list[str] = []
        for i, s in enumerate(found):
            assert s.idea and s.why.count(f"{s.idea}:") == 1
            assert any(h in s.why for h in HEDGES)
            assert not any(c in s.why for c in CAUSAL), s.why
            if i:
                assert lead_for(alert) not in s.why  # the lead comes once, first
            seen += sentences(s.why)
        assert len(seen) == len(set(seen)), alert.kind
    assert len({idea for idea, _ in sg._IDEA.values()}) == len(sg._IDEA)


def test_no_alerts_wording_claims_nothing():
    assert NO_ALERTS == "No alerts under your current rules."
    assert "steady" not in sg.NO_CLIENT_ALERTS


def test_past_uses_come_from_the_estimates_with_plural_forms():
    alert = ALERTS[0]  # a trust drop
    shown = StrategyEstimate("validate", "trust", 12, 4, 0.8, -0.1, 1.6, True)
    few = StrategyEstimate("normalize", "trust", 1, 1, None, None, None, False)
    found = {s.strategy: s for s in suggestions_for(alert, catalogue(), [shown, few])}
    assert found["validate"].n == 12
    assert (
        "+0.8" in found["validate"].past_text
        and "12 uses, 4 clients" in found["validate"].past_text
    )
    assert "regression to the mean" in found["validate"].past_text
    assert found["normalize"].past_text.endswith("(1 use, 1 client).")
    assert found["transparency"].past_text == "You have no recorded uses of it yet."


def test_a_repair_ticked_inside_a_rupture_is_one_of_your_past_uses():
    s = series(trust=[5, 7, 8], engagement=[6, 6, 6])
    r = rupture()
    r.repair_strategies = ("own_contribution",)
    s[0].ruptures = [r]
    result = analyse([Client("a", id=1)], s, today=s[-1].date)
    (alert,) = [a for a in result.for_client(1).alerts if a.kind == AlertKind.OPEN_RUPTURE]
    found = {x.strategy: x for x in suggestions_for(alert, catalogue(), result.estimates)}
    assert found["own_contribution"].n == 1


def test_unresolved_counts_ruptures_neither_resolved_nor_repaired_later():
    s = series(trust=[7, 7, 7])
    later = rupture("withdrawal", "no")
    later.resolved_on = s[2].date
    s[0].ruptures = [later, rupture("confrontation", "partial"), rupture("withdrawal", "yes")]
    (stats,) = summarize([Client("a", id=1)], s).clients
    assert (stats.ruptures.total, stats.ruptures.unresolved) == (3, 1)
    result = analyse([Client("a", id=1)], s, today=s[-1].date)
    assert result.for_client(1).open_ruptures == 1
