import pytest

from alliance_desktop.insights.analysis import client_trend_json
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.insights.trends import Trend, client_trends, slope, trend

from .helpers import series


def test_two_values_give_no_trend():
    assert trend([5, 6]) == Trend(n=2)


def test_three_values_hand_computed():
    t = trend([4, 6, 8])
    assert (t.latest, t.rolling_mean, t.slope, t.n) == (8.0, 6.0, 2.0, 3)


def test_rolling_mean_uses_last_three_and_slope_last_six():
    values = [10, 10, 1, 2, 3, 4, 5, 6]
    t = trend(values)
    assert t.rolling_mean == pytest.approx(5.0)
    assert t.slope == pytest.approx(1.0)  # the two early tens are outside the window
    assert t.latest == 6


def test_slope_matches_least_squares_by_hand():
    # x = 0..3, y = 7, 8, 6, 6: Sxy = -3*7 - 8 + 6 + 3*6 = -5, Sxx = 5 (times 2 each).
    assert slope([7, 8, 6, 6]) == -0.5


def test_unrecorded_values_are_skipped():
    sessions = series(trust=[7, 7, 7, 7], goal_alignment=[None, 4, None, 6])
    trends = client_trends(sessions)
    assert trends["goal_alignment"] == Trend(n=2)
    assert trends["trust"].slope == 0


def test_client_rating_trend():
    sessions = series(trust=[7, 7, 7], client_rating=[30.0, 33.0, 36.0])
    t = client_trends(sessions)["client_rating"]
    assert (t.latest, t.rolling_mean, t.slope) == (36.0, 33.0, 3.0)


def test_settings_change_windows():
    t = trend([1, 2, 3, 10], InsightSettings(rolling_window=2, slope_window=3))
    assert t.rolling_mean == 6.5
    assert t.slope == pytest.approx(4.0)


def test_trend_json_shape_and_rounding():
    trends = client_trends(series(trust=[7, 8, 8], engagement=[5, None, 6]))
    doc = client_trend_json(trends)
    assert set(doc) == {"trust", "engagement", "goal_alignment", "approach_fit", "client_rating"}
    assert doc["trust"] == {"latest": 8.0, "rolling_mean": 7.67, "slope": 0.5}
    assert doc["engagement"] == {"latest": None, "rolling_mean": None, "slope": None}


def test_settings_round_trip_and_validation():
    s = InsightSettings(drop_points=3, recent_window=4)
    assert InsightSettings.from_settings(s.to_settings()) == s
    assert InsightSettings.from_settings({"unrelated": 1}) == InsightSettings()
    with pytest.raises(ValueError):
        InsightSettings(gap_fraction=0)
    with pytest.raises(ValueError):
        InsightSettings.from_settings({"insights.drop_points": "lots"})
