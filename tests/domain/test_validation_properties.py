"""Property tests: any session a form or an import could build is judged, never crashed on.

The oracle below restates the rules in the simplest way, independently of validation.py.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.domain import (
    ClientRatingScale,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.domain.ruptures import MARKERS
from alliance_desktop.domain.strategies import BUILTIN_BY_KEY
from alliance_desktop.domain.templates import TEMPLATES
from alliance_desktop.domain.validation import session_problems

TODAY = date(2026, 3, 10)
KNOWN = sorted(BUILTIN_BY_KEY)
ALL_MARKERS = [key for markers in MARKERS.values() for key, _ in markers]
MARKER_OF = {key: rtype for rtype, markers in MARKERS.items() for key, _ in markers}
SETTINGS = settings(max_examples=300, deadline=None)

junk = st.one_of(
    st.none(), st.booleans(), st.text(max_size=3), st.floats(allow_nan=True), st.just(object())
)
ratings = st.one_of(
    st.integers(-3, 13), st.floats(-2, 12), st.booleans(), st.none(), st.text(max_size=2)
)
dates = st.one_of(
    st.dates(date(2020, 1, 1), date(2027, 12, 31)),
    st.datetimes(datetime(2020, 1, 1), datetime(2027, 12, 31)),
    st.none(),
    st.text(max_size=10),
)
scales = st.builds(
    ClientRatingScale,
    maximum=st.sampled_from([1.0, 10.0, 40.0, 7.5, 1000.0]),
    threshold=st.just(0.0),
)
client_ratings = st.one_of(
    st.none(),
    st.integers(-5, 1100),
    st.floats(-5, 1100),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.integers(-50, 10_100).map(lambda n: n / 10),  # one decimal, the common case
    st.booleans(),
    st.text(max_size=3),
)
strategy_keys = st.sampled_from([*KNOWN, "tarot", "Validate", ""])
tags = st.one_of(
    st.text(max_size=45),
    st.sampled_from(["sleep", "work-stress", " ", "a;b", "x" * 40, "x" * 41]),
)
ruptures = st.builds(
    Rupture,
    type=st.one_of(st.sampled_from(list(RuptureType)), st.sampled_from(["sulk", None])),
    resolution=st.one_of(st.sampled_from(list(Resolution)), st.just("maybe")),
    markers=st.lists(st.sampled_from([*ALL_MARKERS, "teleports"]), max_size=3).map(tuple),
    salience=st.one_of(st.none(), st.integers(-1, 7), st.booleans(), st.floats(0, 6)),
    repair_strategies=st.lists(strategy_keys, max_size=2).map(tuple),
    note=st.one_of(st.text(max_size=20), st.just("nul\x00")),
)


@st.composite
def reflections(draw) -> Reflection:
    key = draw(st.sampled_from([*(t.key for t in TEMPLATES), "diary"]))
    section_keys = [s.key for t in TEMPLATES for s in t.sections] + ["other"]
    sections = draw(
        st.dictionaries(
            st.sampled_from(section_keys),
            st.one_of(st.text(max_size=30), st.just("has\x00nul"), st.just(None)),
            max_size=3,
        )
    )
    return Reflection(key, sections)


sessions = st.builds(
    Session,
    client_id=st.just(1),
    date=dates,
    trust=ratings,
    engagement=ratings,
    goal_alignment=ratings,
    approach_fit=ratings,
    duration_min=st.one_of(st.none(), st.integers(-2, 700), st.floats(0, 700), st.booleans()),
    modality=st.one_of(st.none(), st.sampled_from(list(Modality)), st.just("fax")),
    client_rating=client_ratings,
    ruptures=st.lists(ruptures, max_size=2),
    strategies=st.lists(strategy_keys, max_size=3).map(tuple),
    tags=st.lists(tags, max_size=32).map(tuple),
    reflection=reflections(),
)


# -- the oracle -------------------------------------------------------------------


def whole(value, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def text_ok(text) -> bool:
    return type(text) is str and "\x00" not in text and len(text) <= 100_000


def rupture_ok(r: Rupture) -> bool:
    return (
        r.type in ("withdrawal", "confrontation")
        and r.resolution in ("yes", "partial", "no")
        and all(m in MARKER_OF and MARKER_OF[m] == r.type for m in r.markers)
        and (r.salience is None or whole(r.salience, 1, 5))
        and all(k in BUILTIN_BY_KEY for k in r.repair_strategies)
        and text_ok(r.note)
    )


def tag_ok(tag) -> bool:
    return (
        type(tag) is str
        and tag.strip() != ""
        and len(tag) <= 40
        and ";" not in tag
        and tag.isprintable()
    )


def reflection_ok(r: Reflection) -> bool:
    templates = {t.key: {s.key for s in t.sections} for t in TEMPLATES}
    if r.template not in templates:
        return False
    return all(k in templates[r.template] and text_ok(v) for k, v in r.sections.items())


def client_rating_ok(value, maximum: float) -> bool:
    if value is None:
        return True
    if type(value) not in (int, float) or not math.isfinite(value):
        return False
    if not 0 <= value <= maximum:
        return False
    # At most one decimal: ten times the value is (as near as floats go) whole.
    return round(value * 10) / 10 == value


def oracle_valid(s: Session, maximum: float) -> bool:
    return (
        type(s.date) is date
        and s.date <= TODAY
        and whole(s.trust, 0, 10)
        and whole(s.engagement, 0, 10)
        and (s.goal_alignment is None or whole(s.goal_alignment, 0, 10))
        and (s.approach_fit is None or whole(s.approach_fit, 0, 10))
        and (s.duration_min is None or whole(s.duration_min, 1, 600))
        and (s.modality is None or s.modality in ("in_person", "video", "phone", "other"))
        and client_rating_ok(s.client_rating, maximum)
        and all(rupture_ok(r) for r in s.ruptures)
        and all(k in BUILTIN_BY_KEY for k in s.strategies)
        and len(s.tags) <= 30
        and all(tag_ok(t) for t in s.tags)
        and reflection_ok(s.reflection)
    )


@SETTINGS
@given(session=sessions, scale=scales)
def test_session_problems_never_raises_and_agrees_with_the_oracle(session, scale):
    found = session_problems(session, scale=scale, known_strategies=KNOWN, today=TODAY)
    assert isinstance(found, list)
    assert (found == []) == oracle_valid(session, scale.maximum), found
    for problem in found:
        assert problem.field and problem.message


valid_sessions = st.builds(
    Session,
    client_id=st.just(1),
    date=st.dates(date(2000, 1, 1), TODAY),
    trust=st.integers(0, 10),
    engagement=st.integers(0, 10),
    goal_alignment=st.one_of(st.none(), st.integers(0, 10)),
    approach_fit=st.one_of(st.none(), st.integers(0, 10)),
    duration_min=st.one_of(st.none(), st.integers(1, 600)),
    modality=st.one_of(st.none(), st.sampled_from(list(Modality))),
    client_rating=st.one_of(st.none(), st.integers(0, 400).map(lambda n: n / 10)),
    strategies=st.lists(st.sampled_from(KNOWN), max_size=4).map(tuple),
    tags=st.lists(st.sampled_from(["sleep", "grief", "work"]), max_size=3).map(tuple),
)


@SETTINGS
@given(session=valid_sessions)
def test_in_range_sessions_are_always_valid(session):
    assert (
        session_problems(session, scale=ClientRatingScale(), known_strategies=KNOWN, today=TODAY)
        == []
    )


@SETTINGS
@given(session=valid_sessions, dim=st.sampled_from(["trust", "engagement"]), bad=st.integers())
def test_one_bad_rating_yields_exactly_one_problem_on_its_field(session, dim, bad):
    session = session.with_(**{dim: bad})
    found = session_problems(
        session, scale=ClientRatingScale(), known_strategies=KNOWN, today=TODAY
    )
    if 0 <= bad <= 10:
        assert found == []
    else:
        assert [p.field for p in found] == [dim]
