import json
from datetime import date, timedelta

import pytest

from alliance_desktop.domain.models import Client, ClientStatus, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.insights.alerts import (
    CLIENT_HIGHER,
    THERAPIST_HIGHER,
    AlertKind,
    client_alerts,
    gap_norms,
)
from alliance_desktop.insights.analysis import alerts_json, analyse
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.insights.trends import client_trends

from .helpers import rupture, series

SCALE = ClientRatingScale()


def after(sessions, days=1):
    """A "today" just after the last session, so every rule sees a current record."""
    return sessions[-1].date + timedelta(days=days)


def alerts_of(sessions, settings=None, **kw):
    kw.setdefault("today", after(sessions))
    return client_alerts(sessions, SCALE, settings or InsightSettings(), **kw)


def kinds(alerts, kind):
    return [a for a in alerts if a.kind == kind]


# -- drops and levels ----------------------------------------------------------------


def test_no_drop_with_only_two_previous_values():
    assert not kinds(alerts_of(series(trust=[9, 9, 2])), AlertKind.DROP)


def test_drop_of_exactly_two_points_alerts():
    alerts = kinds(alerts_of(series(trust=[8, 8, 8, 6])), AlertKind.DROP)
    assert len(alerts) == 1
    a = alerts[0]
    assert (a.dimension, a.value, a.reference, a.direction) == ("trust", 6.0, 8.0, None)
    assert "2 points below the mean of the 3 sessions before" in a.message


def test_drop_of_one_point_is_singular_in_the_message():
    settings = InsightSettings(drop_points=1.0)
    (a,) = kinds(alerts_of(series(trust=[8, 8, 8, 7]), settings), AlertKind.DROP)
    assert "7, 1 point below" in a.message


def test_drop_just_under_two_points_does_not_alert():
    # mean of 8, 8, 7 is 7.67; 6 is 1.67 below
    assert not kinds(alerts_of(series(trust=[8, 8, 7, 6])), AlertKind.DROP)


def test_drop_uses_previous_three_recorded_values_per_dimension():
    sessions = series(trust=[9, 9, 9, 9, 9], engagement=[6, None, 6, 6, 4])
    drops = kinds(alerts_of(sessions), AlertKind.DROP)
    assert [(d.dimension, d.value, d.reference) for d in drops] == [("engagement", 4.0, 6.0)]


def test_drops_for_goal_alignment_and_approach_fit_too():
    sessions = series(trust=[7] * 4, goal_alignment=[8, 8, 8, 6], approach_fit=[9, 9, 9, 5])
    drops = kinds(alerts_of(sessions), AlertKind.DROP)
    assert sorted((d.dimension, d.value) for d in drops) == [
        ("approach_fit", 5.0),
        ("goal_alignment", 6.0),
    ]


def test_a_drop_in_the_clients_own_rating_is_an_alert():
    # 4 points is a tenth of the 0-40 scale: near the ceiling that is a real fall.
    sessions = series(trust=[7] * 4, client_rating=[39.0, 39.0, 39.0, 35.0])
    (drop,) = kinds(alerts_of(sessions), AlertKind.DROP)
    assert (drop.dimension, drop.value, drop.reference) == ("client_rating", 35.0, 39.0)
    assert "The client's rating was 35, 4 points below" in drop.message
    smaller = series(trust=[7] * 4, client_rating=[39.0, 39.0, 39.0, 35.5])
    assert not kinds(alerts_of(smaller), AlertKind.DROP)


def test_low_goal_alignment_and_approach_fit_are_level_alerts():
    sessions = series(trust=[7] * 3, goal_alignment=[5, 4, None], approach_fit=[None, 6, 3])
    low = kinds(alerts_of(sessions), AlertKind.LOW_RATING)
    assert [(a.dimension, a.value, a.reference) for a in low] == [
        ("goal_alignment", 4.0, 4.0),
        ("approach_fit", 3.0, 4.0),
    ]
    assert low[0].message == "Goal alignment was 4 of 10, at or below 4."


def test_client_rating_threshold_is_strict():
    at = alerts_of(series(trust=[7], client_rating=[36.0]))
    assert not kinds(at, AlertKind.LOW_CLIENT_RATING)
    below = kinds(alerts_of(series(trust=[7], client_rating=[35.9])), AlertKind.LOW_CLIENT_RATING)
    assert len(below) == 1 and below[0].reference == 36.0 and below[0].value == 35.9


# -- engagement falling ---------------------------------------------------------------


def falls(values, **kw):
    return kinds(alerts_of(series(engagement=values), **kw), AlertKind.ENGAGEMENT_FALLING)


def test_the_old_name_is_the_same_kind():
    assert AlertKind.DISENGAGING is AlertKind.ENGAGEMENT_FALLING
    assert str(AlertKind.ENGAGEMENT_FALLING) == "engagement_falling"


def test_three_values_are_too_few_for_a_fall():
    assert not falls([8, 8, 7])
    assert not falls([9, 7, 5, 3])  # steep, but only four values


def test_a_single_sharp_drop_is_a_drop_not_a_fall():
    alerts = alerts_of(series(engagement=[8, 8, 8, 8, 8, 3]))
    assert not kinds(alerts, AlertKind.ENGAGEMENT_FALLING)
    assert [a.dimension for a in kinds(alerts, AlertKind.DROP)] == ["engagement"]


def test_a_steady_slide_over_ten_sessions_is_a_fall():
    (a,) = falls([9, 9, 8, 8, 7, 7, 6, 6, 5, 5])
    assert a.message.startswith("Engagement falling")
    assert a.value == pytest.approx(-0.5) and a.reference == -0.5 and a.recent
    assert a.session_id == 1009  # the latest session that rated engagement
    assert "over the last 6 sessions (7 to 5)" in a.message


@pytest.mark.parametrize(
    "values", [[8, 5, 8, 5, 8, 5, 8, 5], [7, 4, 7, 4, 7, 4], [6, 8, 6, 8, 6, 8, 6]]
)
def test_an_oscillation_is_neither_a_fall_nor_a_rise(values):
    assert not falls(values)


def test_a_fall_uses_the_last_six_values_only():
    assert not falls([9, 9, 9, 9, 1, 1, 9, 9, 9, 9, 9, 9])
    assert falls([9, 9, 9, 9, 9, 9, 9, 8, 7, 6, 5, 4])


def test_a_fall_is_measured_per_session_not_per_value():
    # Engagement rated at every other session: 8, 7, 6, 5, 4 is one point per value but
    # half a point per session, which is exactly the default limit ...
    values = [8, None, 7, None, 6, None, 5, None, 4]
    (a,) = falls(values)
    assert a.value == pytest.approx(-0.5)
    # ... and a limit of one point a session is not reached.
    assert not falls(values, settings=InsightSettings(disengaging_slope=-0.9))


# -- slopes per session ---------------------------------------------------------------


def test_trend_slope_regresses_on_the_session_position():
    ratings = [30.0, 32.0, 34.0, None, None, None, None, None, None, 36.0]
    sessions = series(trust=[7] * 10, client_rating=ratings)
    assert client_trends(sessions)["client_rating"].slope == pytest.approx(0.56)


# -- recent in time --------------------------------------------------------------------


def test_recent_means_among_last_three_sessions():
    sessions = series(trust=[7] * 5, client_rating=[30.0] * 5)
    low = kinds(alerts_of(sessions), AlertKind.LOW_CLIENT_RATING)
    assert [a.recent for a in low] == [False, False, True, True, True]
    wider = alerts_of(sessions, InsightSettings(recent_window=5))
    assert all(a.recent for a in kinds(wider, AlertKind.LOW_CLIENT_RATING))


def test_recent_needs_the_session_within_eight_weeks_of_today():
    sessions = series(trust=[7] * 5, client_rating=[30.0] * 5)  # weekly sessions
    last = sessions[-1].date
    # Eight weeks after the last session it is still recent, the two before are not.
    eight = alerts_of(sessions, today=last + timedelta(weeks=8))
    assert [a.recent for a in kinds(eight, AlertKind.LOW_CLIENT_RATING)] == [False] * 4 + [True]
    old = alerts_of(sessions, today=last + timedelta(weeks=8, days=1))
    assert not any(a.recent for a in old if a.kind != AlertKind.NOT_SEEN)
    settings = InsightSettings(recent_weeks=20, not_seen_weeks=30)
    assert (
        sum(a.recent for a in alerts_of(sessions, settings, today=last + timedelta(weeks=9))) == 3
    )


def test_an_active_client_not_seen_for_six_weeks_gets_a_not_seen_alert():
    sessions = series(trust=[7] * 3)
    last = sessions[-1].date
    assert not kinds(alerts_of(sessions, today=last + timedelta(weeks=6, days=-1)),
                     AlertKind.NOT_SEEN)  # fmt: skip
    (a,) = kinds(alerts_of(sessions, today=last + timedelta(weeks=11)), AlertKind.NOT_SEEN)
    assert a.recent and a.session_id == sessions[-1].id and a.reference == 6.0
    assert a.message.startswith("Not seen for 11 weeks")
    (one,) = kinds(alerts_of(sessions, InsightSettings(not_seen_weeks=1),
                             today=last + timedelta(days=8)), AlertKind.NOT_SEEN)  # fmt: skip
    assert one.message.startswith("Not seen for 1 week:")


def test_closed_clients_keep_their_history_but_raise_no_recent_alert():
    sessions = series(trust=[8, 8, 8, 4], client_rating=[30.0] * 4)
    sessions[-1].ruptures = [rupture()]
    closed = Client("Done", status=ClientStatus.CLOSED, id=1)
    alerts = alerts_of(sessions, client=closed, today=after(sessions, days=60))
    assert {a.kind for a in alerts} == {AlertKind.DROP, AlertKind.LOW_CLIENT_RATING,
                                        AlertKind.OPEN_RUPTURE}  # fmt: skip
    assert not any(a.recent for a in alerts)
    active = alerts_of(sessions, client=Client("Here", id=1), today=after(sessions))
    assert any(a.recent for a in active)


# -- ruptures -------------------------------------------------------------------------


def test_an_open_rupture_is_recent_until_three_more_sessions():
    sessions = series(trust=[7] * 6)
    sessions[1].ruptures = [rupture("withdrawal", "no"), rupture("confrontation", "partial"),
                            rupture("confrontation", "yes")]  # fmt: skip
    for n, recent in ((2, True), (3, True), (4, True), (5, False), (6, False)):
        opened = kinds(alerts_of(sessions[:n]), AlertKind.OPEN_RUPTURE)
        assert len(opened) == 2
        assert all(a.recent is recent for a in opened), n
    assert all(a.dimension is None and a.value is None for a in opened)


def test_a_rupture_repaired_later_is_no_longer_open():
    sessions = series(trust=[7] * 3)
    later = rupture("withdrawal", "partial")
    later.resolved_on = sessions[2].date
    sessions[1].ruptures = [later, rupture("confrontation", "no")]
    (a,) = kinds(alerts_of(sessions), AlertKind.OPEN_RUPTURE)
    assert "confrontation" in a.message


def test_open_rupture_carries_its_salience():
    sessions = series(trust=[7] * 2)
    r = rupture()
    r.salience = 4
    sessions[1].ruptures = [r]
    (a,) = kinds(alerts_of(sessions), AlertKind.OPEN_RUPTURE)
    assert a.salience == 4 and "salience 4 of 5" in a.message


# -- perspective gap --------------------------------------------------------------------


def _caseload(pairs_per_client, start=date(2026, 1, 5)):
    """Clients 1..n, each with sessions of (therapist trust = engagement, client rating)."""
    clients, sessions = [], []
    for cid, pairs in enumerate(pairs_per_client, 1):
        clients.append(Client(f"C{cid}", id=cid))
        for i, (mine, theirs) in enumerate(pairs):
            sessions.append(
                Session(cid, start + timedelta(weeks=i), trust=mine, engagement=mine,
                        client_rating=theirs, id=cid * 100 + i)
            )  # fmt: skip
    today = start + timedelta(weeks=max(len(p) for p in pairs_per_client))
    return clients, sessions, today


def gaps(clients, sessions, today):
    result = analyse(clients, sessions, SCALE, today=today)
    return {ci.client.code: kinds(ci.alerts, AlertKind.PERSPECTIVE_GAP)
            for ci in result.clients.values()}  # fmt: skip


def test_different_scales_alone_raise_no_gap():
    # Client ratings at 35-40, the therapist's at 6-9, unrelated to each other. Put on one
    # scale (x 4) every session would look like a gap of 4-16 points; standardised, none is.
    import random

    rng = random.Random(7)
    pairs = [[(rng.randint(6, 9), float(rng.randint(35, 40))) for _ in range(6)]
             for _ in range(12)]  # fmt: skip
    clients, sessions, today = _caseload(pairs)
    assert all(not found for found in gaps(clients, sessions, today).values())


def test_a_client_you_rate_low_who_rates_you_high_is_a_gap_the_other_way():
    usual = [[(7, 36.0), (8, 37.0), (7, 35.0)] for _ in range(5)]
    odd = [(3, 39.0), (3, 40.0), (3, 39.0)]
    clients, sessions, today = _caseload([*usual, odd])
    found = gaps(clients, sessions, today)
    (gap,) = found["C6"]
    assert gap.direction == CLIENT_HIGHER and gap.recent
    assert gap.value > 0 > gap.reference  # client's standard score, then yours
    assert "may feel better about the work" in gap.message
    assert all(not found[f"C{i}"] for i in range(1, 6))


def test_you_rate_high_the_client_rates_low_is_a_gap():
    usual = [[(6, 37.0), (7, 38.0), (6, 36.0)] for _ in range(5)]
    odd = [(9, 31.0), (9, 30.0), (9, 31.0)]
    clients, sessions, today = _caseload([*usual, odd])
    (gap,) = gaps(clients, sessions, today)["C6"]
    assert gap.direction == THERAPIST_HIGHER
    assert "you may see a better relationship" in gap.message
    assert alerts_json([gap])[0]["direction"] == "therapist_higher"


def test_perspective_gap_uses_the_last_three_sessions_with_both_views():
    usual = [[(7, 36.0), (8, 37.0), (7, 35.0), (7, 36.0)] for _ in range(5)]
    recovered = [(3, 40.0), (7, 36.0), (8, 37.0), (7, 36.0)]  # the odd session is older
    clients, sessions, today = _caseload([*usual, recovered])
    assert not gaps(clients, sessions, today)["C6"]


def test_no_gap_without_enough_sessions_to_place_a_rating():
    _, sessions, _ = _caseload([[(3, 40.0)], [(9, 20.0)]])
    assert gap_norms([sessions]) is None


# -- outcome measure ---------------------------------------------------------------------


def test_a_reliable_fall_in_the_outcome_rating_is_a_recent_alert():
    sessions = series(trust=[7] * 4, outcome_rating=[24.0, 22.0, None, 18.0])
    (a,) = kinds(alerts_of(sessions), AlertKind.OUTCOME_DETERIORATION)
    assert (a.dimension, a.value, a.reference, a.recent) == ("outcome_rating", 18.0, 24.0, True)
    assert a.session_id == sessions[-1].id
    assert "6 points below the first (24)" in a.message


def test_a_fall_smaller_than_the_reliable_change_is_no_alert():
    sessions = series(trust=[7] * 3, outcome_rating=[24.0, 22.0, 19.5])
    assert not kinds(alerts_of(sessions), AlertKind.OUTCOME_DETERIORATION)
    stricter = OutcomeScale(reliable_change=4.0)
    assert kinds(alerts_of(sessions, outcome=stricter), AlertKind.OUTCOME_DETERIORATION)


# -- JSON --------------------------------------------------------------------------------


def test_alerts_json_exact_shape():
    sessions = series(trust=[8, 8, 8, 6], client_rating=[None, None, None, 35.5])
    sessions[1].ruptures = [rupture()]
    doc = alerts_json(alerts_of(sessions))
    json.dumps(doc)
    assert [d["date"] for d in doc] == sorted(d["date"] for d in doc)
    keys = ["kind", "date", "dimension", "value", "reference", "recent", "message", "direction"]
    assert all(list(d) == keys for d in doc)
    rupture_doc = next(d for d in doc if d["kind"] == "open_rupture")
    assert (rupture_doc["dimension"], rupture_doc["value"], rupture_doc["reference"]) == (None,) * 3
    drop = next(d for d in doc if d["kind"] == "drop")
    assert drop == {"kind": "drop", "date": "2025-01-27", "dimension": "trust", "value": 6.0,
                    "reference": 8.0, "recent": True, "message": drop["message"],
                    "direction": None}  # fmt: skip
