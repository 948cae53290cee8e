"""The outcome classification (Jacobson-Truax) and the per-session slopes, by hand and
as properties over many generated cases."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.models import Client
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.insights.alerts import AlertKind, client_alerts
from alliance_desktop.insights.analysis import analyse, client_json
from alliance_desktop.insights.outcome import STATUSES, classify, outcome_change, outcome_json
from alliance_desktop.insights.trends import points_slope, robust_slope

from .helpers import series

SCALE = OutcomeScale()  # 0-40, cutoff 25, reliable change 5


@pytest.mark.parametrize(
    ("first", "latest", "status"),
    [
        (18.0, 26.0, "recovered"),  # reliable improvement from the clinical range to above it
        (20.0, 25.0, "recovered"),  # exactly the reliable change, ending on the cutoff
        (26.0, 33.0, "improved"),  # reliable, but it started outside the clinical range
        (10.0, 16.0, "improved"),  # reliable, but still in the clinical range
        (22.0, 26.5, "unchanged"),  # crosses the cutoff, but not by a reliable change
        (30.0, 25.5, "unchanged"),
        (30.0, 25.0, "deteriorated"),
        (12.0, 3.0, "deteriorated"),
    ],
)
def test_classification_by_hand(first, latest, status):
    assert classify(first, latest, SCALE) == status


def test_outcome_change_needs_two_ratings():
    assert outcome_change(series(trust=[7, 7], outcome_rating=[None, 20.0])) is None
    assert outcome_json(None) is None
    change = outcome_change(series(trust=[7] * 3, outcome_rating=[18.0, None, 26.25]))
    assert outcome_json(change) == {"first": 18.0, "latest": 26.25, "change": 8.25,
                                    "status": "recovered"}  # fmt: skip


def test_client_json_carries_status_open_ruptures_and_outcome():
    sessions = series(trust=[7] * 3, outcome_rating=[20.0, 21.0, 13.0])
    result = analyse([Client("a", id=1)], sessions, today=sessions[-1].date)
    doc = client_json(result.for_client(1))
    assert list(doc) == ["trend", "alerts", "status", "open_ruptures", "outcome"]
    assert doc["status"] == "active" and doc["open_ruptures"] == 0
    assert doc["outcome"]["status"] == "deteriorated"
    assert [a["kind"] for a in doc["alerts"]] == ["outcome_deterioration"]


scores = st.floats(min_value=0, max_value=40, allow_nan=False).map(lambda x: round(x, 1))


@given(scores, scores)
def test_classification_properties(first, latest):
    status = classify(first, latest, SCALE)
    change = latest - first
    assert status in STATUSES
    assert (status == "deteriorated") == (change <= -5)
    assert (status in ("recovered", "improved")) == (change >= 5)
    assert (status == "unchanged") == (abs(change) < 5)
    if status == "recovered":
        assert first < 25 <= latest
    if status == "improved":
        assert not first < 25 <= latest
    # A reliable change one way is a reliable change the other way back.
    back = classify(latest, first, SCALE)
    assert (status == "deteriorated") == (back in ("recovered", "improved"))


@given(scores, scores)
def test_the_alert_fires_exactly_for_a_deterioration(first, latest):
    sessions = series(trust=[7, 7], outcome_rating=[first, latest])
    alerts = client_alerts(sessions, ClientRatingScale(), today=sessions[-1].date)
    fired = any(a.kind == AlertKind.OUTCOME_DETERIORATION for a in alerts)
    assert fired == (classify(first, latest, SCALE) == "deteriorated")


positions = st.lists(st.integers(0, 60), min_size=2, max_size=12, unique=True).map(sorted)


@given(positions, st.integers(-5, 5), st.integers(0, 10), st.integers(-20, 20))
def test_slopes_of_a_straight_line_are_its_slope_wherever_the_sessions_fall(xs, b, a, shift):
    line = [(x, float(a + b * x)) for x in xs]
    assert points_slope(line) == pytest.approx(b)
    assert robust_slope(line) == pytest.approx(b)
    # Numbering the sessions from elsewhere changes nothing.
    moved = [(x + shift, v) for x, v in line]
    assert points_slope(moved) == pytest.approx(points_slope(line))


@given(st.integers(0, 10), st.integers(5, 6), st.data())
def test_one_changed_value_among_steady_ones_is_never_a_fall(level, n, data):
    values = [level] * n
    where = data.draw(st.integers(0, n - 1))
    values[where] = data.draw(st.integers(0, 10))
    sessions = series(engagement=values)
    alerts = client_alerts(sessions, ClientRatingScale(), today=sessions[-1].date)
    assert not any(a.kind == AlertKind.ENGAGEMENT_FALLING for a in alerts)
    assert robust_slope(list(enumerate(values))) == 0


@given(st.lists(st.integers(0, 10), min_size=5, max_size=6))
def test_a_fall_never_fires_on_a_rise(values):
    rising = sorted(values)
    sessions = series(engagement=rising, start=date(2025, 1, 6))
    alerts = client_alerts(sessions, ClientRatingScale(), today=sessions[-1].date)
    assert not any(a.kind == AlertKind.ENGAGEMENT_FALLING for a in alerts)
