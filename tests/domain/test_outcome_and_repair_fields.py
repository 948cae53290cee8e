"""The outcome rating, a rupture's later repair day, and the settings that go with them."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.domain import ClientRatingScale, Resolution, Rupture, RuptureType, Session
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.settings import (
    FEEDBACK_CARD_FOR_ALL,
    KNOWN_KEYS,
    OUTCOME_CUTOFF,
    OUTCOME_MAX,
    OUTCOME_RELIABLE_CHANGE,
    InsightSettings,
    OutcomeScale,
    VaultSettings,
)
from alliance_desktop.domain.validation import session_problems

TODAY = date(2026, 3, 10)
DAY = date(2026, 2, 2)
SCALE = ClientRatingScale()


def _problems(session: Session, outcome: OutcomeScale | None = None) -> list[str]:
    found = session_problems(
        session, scale=SCALE, known_strategies=(), today=TODAY, outcome=outcome
    )
    return [str(p) for p in found]


def _session(**kw) -> Session:
    return Session(1, kw.pop("day", DAY), trust=6, engagement=5, **kw)


# -- settings --------------------------------------------------------------------------


def test_the_new_settings_have_the_documented_defaults():
    s = VaultSettings()
    assert (s.outcome.maximum, s.outcome.cutoff, s.outcome.reliable_change) == (40, 25, 5)
    assert s.outcome.max == 40
    assert (s.insights.strategy_min_uses, s.insights.strategy_min_clients) == (5, 3)
    assert (s.insights.not_seen_weeks, s.insights.recent_weeks) == (6, 8)
    assert s.feedback.card_for_all is False
    assert {
        OUTCOME_MAX,
        OUTCOME_CUTOFF,
        OUTCOME_RELIABLE_CHANGE,
        FEEDBACK_CARD_FOR_ALL,
    } <= KNOWN_KEYS
    assert {"insights.strategy_min_uses", "insights.recent_weeks"} <= KNOWN_KEYS


def test_outcome_settings_are_read_and_stored():
    s = VaultSettings.from_mapping(
        {OUTCOME_MAX: 100, OUTCOME_CUTOFF: 60, OUTCOME_RELIABLE_CHANGE: 12.5}
    )
    assert s.outcome == OutcomeScale(100, 60, 12.5)
    assert VaultSettings.from_mapping(s.to_mapping()) == s
    assert VaultSettings.from_mapping({FEEDBACK_CARD_FOR_ALL: True}).feedback.card_for_all


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({OUTCOME_MAX: 0.5}, OUTCOME_MAX),
        ({OUTCOME_MAX: 1001}, OUTCOME_MAX),
        ({OUTCOME_MAX: 20}, OUTCOME_MAX),  # the default cutoff 25 no longer fits
        ({OUTCOME_CUTOFF: -1}, OUTCOME_CUTOFF),
        ({OUTCOME_CUTOFF: 41}, OUTCOME_CUTOFF),
        ({OUTCOME_RELIABLE_CHANGE: 0}, OUTCOME_RELIABLE_CHANGE),
        ({OUTCOME_RELIABLE_CHANGE: 41}, OUTCOME_RELIABLE_CHANGE),
        ({OUTCOME_MAX: "lots"}, OUTCOME_MAX),
        ({OUTCOME_MAX: float("inf")}, OUTCOME_MAX),
        ({FEEDBACK_CARD_FOR_ALL: "yes"}, FEEDBACK_CARD_FOR_ALL),
        ({FEEDBACK_CARD_FOR_ALL: 1}, FEEDBACK_CARD_FOR_ALL),
        ({"insights.strategy_min_uses": 0}, "insights.strategy_min_uses"),
        ({"insights.recent_weeks": 2.5}, "insights.recent_weeks"),
    ],
)
def test_a_bad_new_setting_is_named_by_its_key(raw, key):
    with pytest.raises(ValidationError) as caught:
        VaultSettings.from_mapping(raw)
    assert [p.field for p in caught.value.problems] == [key]


def test_a_damaged_stored_outcome_scale_falls_back_whole():
    stored = VaultSettings.from_stored({OUTCOME_MAX: 100, OUTCOME_CUTOFF: "x"})
    assert stored.outcome == OutcomeScale()
    assert set(stored.damaged) == {OUTCOME_MAX, OUTCOME_CUTOFF}


@pytest.mark.parametrize(
    ("first", "latest", "status"),
    [
        (15, 28, "recovered"),
        (15, 22, "improved"),
        (28, 35, "improved"),  # reliable, but never in the clinical range
        (20, 24, "unchanged"),
        (30, 25, "deteriorated"),
        (24, 25, "unchanged"),  # crosses the cutoff without reliable change
    ],
)
def test_jacobson_truax_classification(first, latest, status):
    assert OutcomeScale().classify(first, latest) == status


def test_insight_settings_reject_zero_minimums():
    with pytest.raises(ValueError):
        InsightSettings(not_seen_weeks=0)


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1e309, "outcome_rating: must be a number from 0 to 40"),
        (float("nan"), "outcome_rating: must be a number from 0 to 40"),
        (-1, "outcome_rating: must be from 0 to 40"),
        (40.5, "outcome_rating: must be from 0 to 40"),
        ("abc", "outcome_rating: must be a number from 0 to 40"),
        (True, "outcome_rating: must be a number from 0 to 40"),
        (12.25, "outcome_rating: takes at most one decimal"),
    ],
)
def test_a_bad_outcome_rating_is_named(value, message):
    assert _problems(_session(outcome_rating=value)) == [message]


def test_the_outcome_rating_follows_the_outcome_scale_not_the_client_rating_scale():
    assert _problems(_session(outcome_rating=40)) == []
    assert _problems(_session(outcome_rating=80), OutcomeScale(100, 50, 10)) == []
    assert _problems(_session(outcome_rating=21), OutcomeScale(20, 10, 4)) == [
        "outcome_rating: must be from 0 to 20"
    ]


@pytest.mark.parametrize(
    ("resolved_on", "message"),
    [
        (DAY - timedelta(days=1), "ruptures[0].resolved_on: cannot be before the session's date"),
        (TODAY + timedelta(days=1), "ruptures[0].resolved_on: cannot be in the future"),
        ("2024-13-45", "ruptures[0].resolved_on: must be a date (YYYY-MM-DD)"),
        (datetime(2026, 3, 1, 9), "ruptures[0].resolved_on: must be a date (YYYY-MM-DD)"),
    ],
)
def test_a_bad_repair_day_is_named(resolved_on, message):
    rupture = Rupture(RuptureType.WITHDRAWAL, Resolution.NO, resolved_on=resolved_on)
    assert _problems(_session(ruptures=[rupture])) == [message]


def test_a_repair_on_the_session_day_or_today_is_fine():
    for day in (DAY, TODAY):
        rupture = Rupture(RuptureType.WITHDRAWAL, Resolution.PARTIAL, resolved_on=day)
        assert _problems(_session(ruptures=[rupture])) == []
        assert rupture.repaired and not rupture.resolved


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-50, 100),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=4),
    ),
    st.sampled_from([OutcomeScale(), OutcomeScale(10, 5, 2), OutcomeScale(1000, 500, 50)]),
)
def test_any_outcome_rating_is_judged_exactly_as_the_rule_says(value, scale):
    found = _problems(_session(outcome_rating=value), scale)
    ok = value is None or (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= scale.maximum
        and round(value, 1) == value
    )
    assert (found == []) == ok, (value, found)
    assert all(p.startswith("outcome_rating: ") for p in found)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.dates(date(2020, 1, 1), date(2027, 12, 31)),
        st.none(),
        st.text(max_size=10),
        st.integers(),
    ),
    st.dates(date(2020, 1, 1), TODAY),
)
def test_any_repair_day_is_judged_against_the_session_and_today(resolved_on, day):
    rupture = Rupture(RuptureType.CONFRONTATION, Resolution.PARTIAL, resolved_on=resolved_on)
    found = _problems(_session(day=day, ruptures=[rupture]))
    ok = resolved_on is None or (isinstance(resolved_on, date) and day <= resolved_on <= TODAY)
    assert (found == []) == ok, (resolved_on, day, found)
    assert all(p.startswith("ruptures[0].resolved_on: ") for p in found)
