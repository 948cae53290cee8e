"""VaultSettings: one typed value, validated once, with one policy for damaged values."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.settings import (
    CLIENT_RATING_MAX,
    CLIENT_RATING_THRESHOLD,
    KNOWN_KEYS,
    REDACTION_LIST,
    InsightSettings,
    VaultSettings,
)


def test_defaults_round_trip_through_the_stored_form():
    stored = VaultSettings().to_mapping()
    assert set(stored) == KNOWN_KEYS
    assert VaultSettings.from_mapping(stored) == VaultSettings()
    assert VaultSettings.from_stored(stored).damaged == ()


def test_every_bad_value_is_named_by_its_key_and_nothing_is_half_applied():
    with pytest.raises(ValidationError) as caught:
        VaultSettings.from_mapping(
            {
                "colour": "blue",
                CLIENT_RATING_THRESHOLD: 50,
                "insights.slope_window": 2.5,
                "insights.gap_fraction": "lots",
                REDACTION_LIST: [1, 2],
            }
        )
    fields = {p.field for p in caught.value.problems}
    assert fields == {
        "colour",
        CLIENT_RATING_THRESHOLD,
        "insights.slope_window",
        "insights.gap_fraction",
        REDACTION_LIST,
    }


def test_a_rule_broken_by_a_good_number_is_reported_under_its_stored_key():
    with pytest.raises(ValidationError) as caught:
        VaultSettings.from_mapping({"insights.disengaging_slope": 0.5})
    assert [p.field for p in caught.value.problems] == ["insights.disengaging_slope"]


def test_updated_keeps_what_it_is_not_given():
    base = VaultSettings.from_mapping({REDACTION_LIST: ["Ana"], "insights.drop_points": 3})
    changed = base.updated({CLIENT_RATING_MAX: 10, CLIENT_RATING_THRESHOLD: 8})
    assert changed.redaction_list == ("Ana",)
    assert changed.insights.drop_points == 3
    assert (changed.client_rating.maximum, changed.client_rating.threshold) == (10, 8)


def test_a_damaged_stored_value_falls_back_to_its_default_and_is_named():
    stored = VaultSettings.from_stored(
        {
            CLIENT_RATING_MAX: "forty",
            CLIENT_RATING_THRESHOLD: 30,
            "insights.drop_points": -1,
            "insights.rolling_window": 5,
            "a.newer.setting": True,
        }
    )
    assert stored.client_rating.maximum == 40 and stored.client_rating.threshold == 36
    assert stored.insights.drop_points == InsightSettings().drop_points
    assert stored.insights.rolling_window == 5  # the good value survives
    assert set(stored.damaged) == {
        CLIENT_RATING_MAX,
        CLIENT_RATING_THRESHOLD,
        "insights.drop_points",
    }


def test_redaction_list_accepts_text_and_drops_repeats_ignoring_case():
    settings = VaultSettings.from_mapping({REDACTION_LIST: "Ana\n ana ,Bob   Smith;;"})
    assert settings.redaction_list == ("Ana", "Bob Smith")


def test_booleans_are_not_numbers():
    with pytest.raises(ValidationError):
        VaultSettings.from_mapping({CLIENT_RATING_MAX: True})


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*sorted(KNOWN_KEYS), "other"]), _values, max_size=6))
def test_any_input_either_validates_or_names_its_keys(raw):
    try:
        settings = VaultSettings.from_mapping(raw)
    except ValidationError as exc:
        assert exc.problems
        assert {p.field for p in exc.problems} <= set(raw)
        return
    stored = settings.to_mapping()
    assert all(not isinstance(v, float) or math.isfinite(v) for v in stored.values()), stored
    assert VaultSettings.from_mapping(stored) == settings


@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*sorted(KNOWN_KEYS), "other"]), _values, max_size=6))
def test_stored_values_never_stop_the_vault_from_opening(raw):
    settings = VaultSettings.from_stored(raw)
    assert set(settings.damaged) <= set(raw) & KNOWN_KEYS
    # Whatever survived is itself valid input.
    assert VaultSettings.from_mapping(settings.to_mapping()) == settings
