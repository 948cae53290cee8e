from datetime import date

import pytest

from alliance_desktop.domain.models import Client
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.strategies import BUILTIN_BY_KEY, catalogue
from alliance_desktop.insights.alerts import Alert, AlertKind
from alliance_desktop.insights.analysis import analyse, client_json
from alliance_desktop.insights.caseload import (
    TIER_DROP,
    TIER_NO_ALERT,
    TIER_OPEN_RUPTURE,
    TIER_OTHER_ALERT,
)
from alliance_desktop.insights.practice import practice_trend, rupture_months
from alliance_desktop.insights.suggestions import suggestions_for

from .helpers import rupture, series


def _alert(kind, recent=True, dimension=None):
    return Alert(kind, date(2025, 1, 1), 1, 1, dimension, None, None, recent, "")


def test_caseload_risk_order():
    clients = [
        Client(code, id=i) for i, code in enumerate(["calm", "drop", "rupt", "gap", "old"], 1)
    ]
    sessions = (
        series(trust=[6, 6, 6, 6], client_id=1)  # no alerts, trust 6
        + series(trust=[9, 9, 9, 7], client_id=2)  # recent drop, trust 7
        + series(trust=[8, 8, 8, 8], client_id=3)  # open rupture, trust 8
        + series(trust=[9, 9, 9, 9], client_rating=[30.0] * 4, client_id=4)  # low rating
        + series(trust=[3, 3, 3, 3], client_id=5)  # no alerts, trust 3
    )
    sessions[9].ruptures = [rupture()]  # two sessions later it is still a recent alert
    result = analyse(clients, sessions, ClientRatingScale(), today=sessions[-1].date)
    order = [(r.client.code, r.tier) for r in result.caseload]
    assert order == [("rupt", TIER_OPEN_RUPTURE), ("drop", TIER_DROP), ("gap", TIER_OTHER_ALERT),
                     ("old", TIER_NO_ALERT), ("calm", TIER_NO_ALERT)]  # fmt: skip
    assert result.caseload[0].recent_kinds == (AlertKind.OPEN_RUPTURE,)
    doc = client_json(result.for_client(2))
    assert doc["trend"]["trust"]["latest"] == 7.0 and doc["alerts"][0]["kind"] == "drop"


def test_old_alerts_do_not_lift_a_client():
    clients = [Client("a", id=1), Client("b", id=2)]
    sessions = series(trust=[9, 9, 9, 6, 9, 9, 9], client_id=1) + series(trust=[5] * 4, client_id=2)
    order = [r.client.code for r in analyse(clients, sessions, today=sessions[6].date).caseload]
    assert order == ["b", "a"]  # a's drop is no longer recent; b has the lower trust


def test_risk_order_weighs_rupture_salience():
    clients = [Client(code, id=i) for i, code in enumerate(["low", "high", "unrated"], 1)]
    sessions = []
    for cid, salience in ((1, 2), (2, 5), (3, None)):
        own = series(trust=[5 - cid, 5 - cid], client_id=cid)  # low trust leads otherwise
        r = rupture()
        r.salience = salience
        own[-1].ruptures = [r]
        sessions += own
    result = analyse(clients, sessions, today=sessions[-1].date)
    # Salience first; an unrated rupture counts as the middle of the scale (3).
    assert [row.client.code for row in result.caseload] == ["high", "unrated", "low"]
    assert [row.salience for row in result.caseload] == [5, 3, 2]


def test_analyse_exposes_strategy_estimates_and_caveats():
    from alliance_desktop.domain.demo import generate

    clients, sessions = generate(12, 24, seed=3, today=date(2025, 6, 1)).with_ids()
    result = analyse(clients, sessions, today=date(2025, 6, 1))
    assert result.estimates and {e.dimension for e in result.estimates} == {"trust", "engagement"}
    regression, compared = result.caveats
    assert "regression" in regression or "usual level" in regression
    assert "compared" in compared
    e = result.estimates[0]
    assert result.estimate(e.strategy, e.dimension) is e


def test_repairs_ticked_inside_a_rupture_count_as_uses_everywhere():
    s = series(trust=[5, 7, 8], engagement=[6, 6, 6])
    r = rupture()
    r.repair_strategies = ("own_contribution",)
    s[0].ruptures = [r]
    result = analyse([Client("a", id=1)], s, today=s[-1].date)
    assert {e.strategy for e in result.estimates} == {"own_contribution"}


def test_practice_trend_by_month_with_gaps():
    s = series(trust=[6, 8], engagement=[4, 6], start=date(2025, 1, 10))
    s += series(trust=[10], engagement=[None], start=date(2025, 3, 2), client_id=2)
    months = practice_trend(s)
    assert [m.month for m in months] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    assert (months[0].sessions, months[0].trust, months[0].engagement) == (2, 7.0, 5.0)
    assert (months[1].sessions, months[1].trust) == (0, None)
    assert (months[2].sessions, months[2].trust, months[2].engagement) == (1, 10.0, None)


def test_rupture_months_share_resolved():
    s = series(trust=[7, 7, 7], start=date(2025, 5, 1))
    s[0].ruptures = [rupture("withdrawal", "yes"), rupture("confrontation", "no")]
    s[1].ruptures = [rupture("withdrawal", "partial")]
    (may,) = rupture_months(s)
    assert (may.withdrawal, may.confrontation, may.resolved, may.total) == (2, 1, 1, 3)
    assert may.share_resolved == pytest.approx(1 / 3)
    s[1].ruptures[0].resolved_on = date(2025, 6, 2)  # repaired later counts as repaired
    (may,) = rupture_months(s)
    assert may.resolved == 2


def test_suggestions_follow_catalogue_groups():
    cat = catalogue()
    trust_drop = suggestions_for(_alert(AlertKind.DROP, dimension="trust"), cat)
    assert [s.strategy for s in trust_drop] == ["normalize", "validate", "transparency"]
    eng = suggestions_for(_alert(AlertKind.DROP, dimension="engagement"), cat)
    assert [s.strategy for s in eng] == ["small_steps", "implementation_intention", "strong_ending"]
    dis = suggestions_for(_alert(AlertKind.ENGAGEMENT_FALLING, dimension="engagement"), cat)
    assert [s.strategy for s in dis] == [s.strategy for s in eng]
    repair = suggestions_for(_alert(AlertKind.OPEN_RUPTURE), cat)
    assert {s.strategy for s in repair} == {
        k for k, v in BUILTIN_BY_KEY.items() if v.group == "repair"
    }
    gap = suggestions_for(_alert(AlertKind.PERSPECTIVE_GAP, dimension="client_rating"), cat)
    assert [s.strategy for s in gap] == ["invite_feedback", "metacommunication"]
    low = suggestions_for(_alert(AlertKind.LOW_CLIENT_RATING, dimension="client_rating"), cat)
    assert [s.strategy for s in low] == ["invite_feedback"]
    assert all(s.why.endswith(".") and len(s.why) > 20 for s in trust_drop + repair + gap)


def test_suggestions_carry_your_past_uses_from_the_estimates():
    s = series(trust=[5, 7, 8], engagement=[6, 6, 6])
    s[0].strategies = ("validate",)
    s[1].strategies = ("validate",)
    result = analyse([Client("a", id=1)], s, today=s[-1].date)
    found = {x.strategy: x for x in suggestions_for(_alert(AlertKind.DROP, dimension="trust"),
                                                     catalogue(), result.estimates)}  # fmt: skip
    assert found["validate"].n == 2 and found["validate"].estimate.uses == 2
    assert found["normalize"].estimate is None and found["normalize"].n == 0


def test_analyse_covers_a_big_caseload():
    # Speed is measured by benchmarks/bench_charts.py, never asserted in a test.
    from alliance_desktop.domain.demo import generate

    clients, sessions = generate(60, 50, seed=2, today=date(2025, 6, 1)).with_ids()
    result = analyse(clients, sessions)
    assert len(result.caseload) == 60 and result.estimates
