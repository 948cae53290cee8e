import json

from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.alerts import AlertKind, client_alerts
from alliance_desktop.insights.analysis import alerts_json
from alliance_desktop.insights.settings import InsightSettings

from .helpers import rupture, series

SCALE = ClientRatingScale()


def kinds(alerts, kind):
    return [a for a in alerts if a.kind == kind]


def test_no_drop_with_only_two_previous_values():
    assert not kinds(client_alerts(series(trust=[9, 9, 2]), SCALE), AlertKind.DROP)


def test_drop_of_exactly_two_points_alerts():
    alerts = kinds(client_alerts(series(trust=[8, 8, 8, 6]), SCALE), AlertKind.DROP)
    assert len(alerts) == 1
    a = alerts[0]
    assert (a.dimension, a.value, a.reference) == ("trust", 6.0, 8.0)
    assert "2 points below" in a.message


def test_drop_just_under_two_points_does_not_alert():
    # mean of 8, 8, 7 is 7.67; 6 is 1.67 below
    assert not kinds(client_alerts(series(trust=[8, 8, 7, 6]), SCALE), AlertKind.DROP)


def test_drop_uses_previous_three_recorded_values_per_dimension():
    sessions = series(trust=[9, 9, 9, 9, 9], engagement=[6, None, 6, 6, 4])
    drops = kinds(client_alerts(sessions, SCALE), AlertKind.DROP)
    assert [(d.dimension, d.value, d.reference) for d in drops] == [("engagement", 4.0, 6.0)]


def test_one_drop_per_session_and_dimension():
    drops = kinds(client_alerts(series(trust=[8, 8, 8, 5], engagement=[8, 8, 8, 5]), SCALE),
                  AlertKind.DROP)  # fmt: skip
    assert sorted(d.dimension for d in drops) == ["engagement", "trust"]


def test_client_rating_threshold_is_strict():
    at = client_alerts(series(trust=[7], client_rating=[36.0]), SCALE)
    assert not kinds(at, AlertKind.LOW_CLIENT_RATING)
    below = kinds(client_alerts(series(trust=[7], client_rating=[35.9]), SCALE),
                  AlertKind.LOW_CLIENT_RATING)  # fmt: skip
    assert len(below) == 1 and below[0].reference == 36.0 and below[0].value == 35.9


def test_open_ruptures_each_alert_and_stay_recent():
    sessions = series(trust=[7] * 6)
    sessions[0].ruptures = [rupture("withdrawal", "no"), rupture("confrontation", "partial"),
                            rupture("confrontation", "yes")]  # fmt: skip
    opened = kinds(client_alerts(sessions, SCALE), AlertKind.OPEN_RUPTURE)
    assert len(opened) == 2
    assert all(a.recent for a in opened)  # the session is old, but the rupture is still open
    assert all(a.dimension is None and a.value is None for a in opened)


def test_disengaging_at_exactly_minus_half():
    # x = 0..4, y = 8, 8, 8, 7, 6: slope = -5 / 10 = -0.5
    alerts = kinds(client_alerts(series(engagement=[8, 8, 8, 7, 6]), SCALE),
                   AlertKind.DISENGAGING)  # fmt: skip
    assert len(alerts) == 1
    a = alerts[0]
    assert a.value == -0.5 and a.reference == -0.5 and a.recent
    assert a.session_id == 1004  # the client's latest session


def test_not_disengaging_when_slope_is_gentler():
    # slope of 8, 8, 8, 8, 6 is -0.4
    assert not kinds(
        client_alerts(series(engagement=[8, 8, 8, 8, 6]), SCALE), AlertKind.DISENGAGING
    )


def test_disengaging_uses_last_six_values_only():
    values = [1, 1, 9, 9, 9, 9, 9, 9]  # the early low values are outside the window
    assert not kinds(client_alerts(series(engagement=values), SCALE), AlertKind.DISENGAGING)


def test_perspective_gap_at_exactly_twenty_percent():
    # therapist mean 8 -> 32 on 0-40; client 24 -> gap of 8 = 20 % of 40
    sessions = series(trust=[8], engagement=[8], client_rating=[24.0])
    gaps = kinds(client_alerts(sessions, SCALE), AlertKind.PERSPECTIVE_GAP)
    assert len(gaps) == 1
    assert (gaps[0].value, gaps[0].reference) == (24.0, 32.0)


def test_perspective_gap_just_under_twenty_percent():
    sessions = series(trust=[8], engagement=[8], client_rating=[24.1])
    assert not kinds(client_alerts(sessions, SCALE), AlertKind.PERSPECTIVE_GAP)


def test_perspective_gap_uses_present_dimensions_only():
    # trust 9, engagement 7, goal 8 (fit missing): mean 8 -> 32
    sessions = series(trust=[9], engagement=[7], goal_alignment=[8], client_rating=[24.0])
    gaps = kinds(client_alerts(sessions, SCALE), AlertKind.PERSPECTIVE_GAP)
    assert gaps and gaps[0].reference == 32.0


def test_recent_means_among_last_three_sessions():
    sessions = series(trust=[7] * 5, client_rating=[30.0, 30.0, 30.0, 30.0, 30.0])
    low = kinds(client_alerts(sessions, SCALE), AlertKind.LOW_CLIENT_RATING)
    assert [a.recent for a in low] == [False, False, True, True, True]
    wider = client_alerts(sessions, SCALE, InsightSettings(recent_window=5))
    assert all(a.recent for a in wider)


def test_alerts_json_exact_shape():
    sessions = series(trust=[8, 8, 8, 6], client_rating=[None, None, None, 35.5])
    sessions[1].ruptures = [rupture()]
    doc = alerts_json(client_alerts(sessions, SCALE))
    json.dumps(doc)
    assert [d["date"] for d in doc] == sorted(d["date"] for d in doc)
    assert all(list(d) == ["kind", "date", "dimension", "value", "reference", "recent", "message"]
               for d in doc)  # fmt: skip
    rupture_doc = next(d for d in doc if d["kind"] == "open_rupture")
    assert (rupture_doc["dimension"], rupture_doc["value"], rupture_doc["reference"]) == (None,) * 3
    drop = next(d for d in doc if d["kind"] == "drop")
    assert drop == {"kind": "drop", "date": "2025-01-27", "dimension": "trust", "value": 6.0,
                    "reference": 8.0, "recent": True, "message": drop["message"]}  # fmt: skip
