"""Every validation rule at its edges, and every problem reported at once with its field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from alliance_desktop.domain import (
    Client,
    ClientRatingScale,
    Modality,
    Problem,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
    ValidationError,
)
from alliance_desktop.domain.errors import raise_if
from alliance_desktop.domain.strategies import BUILTIN_BY_KEY
from alliance_desktop.domain.validation import (
    TAG_MAX,
    TAGS_MAX,
    TEXT_MAX,
    client_problems,
    session_problems,
    validate_client,
    validate_session,
)

TODAY = date(2026, 3, 10)
SCALE = ClientRatingScale()
KNOWN = frozenset(BUILTIN_BY_KEY)


def _session(**kw) -> Session:
    kw.setdefault("trust", 7)
    kw.setdefault("engagement", 6)
    return Session(1, kw.pop("date", date(2026, 3, 2)), **kw)


def problems(scale: ClientRatingScale = SCALE, **kw) -> list[Problem]:
    return session_problems(_session(**kw), scale=scale, known_strategies=KNOWN, today=TODAY)


def fields(**kw) -> list[str]:
    return [p.field for p in problems(**kw)]


def test_a_plain_session_is_valid():
    assert problems() == []


# -- ratings -------------------------------------------------------------------


@pytest.mark.parametrize("dim", ["trust", "engagement", "goal_alignment", "approach_fit"])
@pytest.mark.parametrize("value", [0, 1, 5, 10])
def test_ratings_accept_whole_numbers_0_to_10(dim: str, value: int):
    assert problems(**{dim: value}) == []


@pytest.mark.parametrize("dim", ["trust", "engagement", "goal_alignment", "approach_fit"])
@pytest.mark.parametrize("value", [-1, 11, 4.5, 7.0, True, False, "7", float("nan")])
def test_ratings_refuse_anything_else(dim: str, value):
    [problem] = problems(**{dim: value})
    assert problem == Problem(dim, "must be a whole number from 0 to 10")


def test_trust_and_engagement_are_required_the_others_optional():
    assert fields(trust=None, engagement=None) == ["trust", "engagement"]
    assert problems(trust=None)[0].message == "is required"
    assert problems(goal_alignment=None, approach_fit=None) == []


# -- duration, modality, date ----------------------------------------------------


@pytest.mark.parametrize("minutes", [1, 50, 600, None])
def test_duration_accepted(minutes):
    assert problems(duration_min=minutes) == []


@pytest.mark.parametrize("minutes", [0, 601, -5, 50.5, True, "50"])
def test_duration_refused(minutes):
    assert problems(duration_min=minutes) == [Problem("duration_min", "must be 1 to 600 minutes")]


def test_modality():
    for m in Modality:
        assert problems(modality=m) == []
    assert fields(modality="telepathy") == ["modality"]


def test_dates():
    assert problems(date=TODAY) == []
    assert problems(date=date(1990, 1, 1)) == []
    assert problems(date=date(2026, 3, 11)) == [Problem("date", "cannot be in the future")]
    assert problems(date="2026-03-02") == [Problem("date", "must be a date (YYYY-MM-DD)")]
    assert fields(date=None) == ["date"]


def test_a_datetime_is_refused_not_crashed_on():
    # It used to raise TypeError (datetime vs date comparison); stored, its ISO text
    # with a time part would not read back as a date.
    assert fields(date=datetime(2026, 3, 2, 10, 30)) == ["date"]
    assert [p.field for p in client_problems(Client("A", start_date=datetime(2026, 1, 1)))] == [
        "start_date"
    ]


# -- client rating -------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 0.0, 36, 35.5, 39.9, 40, 40.0, None])
def test_client_rating_accepted(value):
    assert problems(client_rating=value) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-0.1, "must be from 0 to 40"),
        (40.1, "must be from 0 to 40"),
        (41, "must be from 0 to 40"),
        (35.55, "takes at most one decimal"),
        (1e-3, "takes at most one decimal"),
        (True, "must be a number from 0 to 40"),
        ("36", "must be a number from 0 to 40"),
        (float("nan"), "must be a number from 0 to 40"),
        (float("inf"), "must be a number from 0 to 40"),
    ],
)
def test_client_rating_refused(value, message: str):
    assert problems(client_rating=value) == [Problem("client_rating", message)]


def test_client_rating_follows_the_scale():
    small = ClientRatingScale(maximum=10, threshold=7)
    assert problems(small, client_rating=10) == []
    assert problems(small, client_rating=10.1) == [Problem("client_rating", "must be from 0 to 10")]
    odd = ClientRatingScale(maximum=7.5, threshold=5)
    assert problems(odd, client_rating=7.5) == []
    assert problems(odd, client_rating=7.6)[0].message == "must be from 0 to 7.5"


@pytest.mark.parametrize(
    ("maximum", "threshold"), [(0, 0), (0.5, 0), (1001, 36), (40, 41), (40, -1), (float("nan"), 1)]
)
def test_scale_bounds_refused(maximum, threshold):
    with pytest.raises(ValueError):
        ClientRatingScale(maximum, threshold)


def test_scale_bounds_accepted_and_concern():
    assert ClientRatingScale(1, 0).maximum == 1
    assert ClientRatingScale(1000, 1000).threshold == 1000
    scale = ClientRatingScale()
    assert scale.is_concern(35.9) and not scale.is_concern(36)
    assert scale.from_therapist_mean(5) == 20


# -- strategies, ruptures --------------------------------------------------------


def test_unknown_strategies_named_in_one_problem():
    assert problems(strategies=("validate", "hypnosis", "tarot")) == [
        Problem("strategies", "unknown strategy 'hypnosis', 'tarot'")
    ]
    custom = session_problems(
        _session(strategies=("tarot",)), scale=SCALE, known_strategies={"tarot"}, today=TODAY
    )
    assert custom == []


def _rupture(**kw) -> Rupture:
    kw.setdefault("type", RuptureType.WITHDRAWAL)
    kw.setdefault("resolution", Resolution.YES)
    return Rupture(**kw)


def test_valid_ruptures():
    assert (
        problems(
            ruptures=[
                _rupture(markers=("denial", "minimal_response"), salience=1),
                _rupture(
                    type=RuptureType.CONFRONTATION,
                    resolution=Resolution.NO,
                    markers=("complaint_progress",),
                    salience=5,
                    repair_strategies=("metacommunication", "own_contribution"),
                    note="he walked out",
                ),
            ]
        )
        == []
    )


def test_rupture_problems_are_located_by_position():
    found = problems(
        ruptures=[
            _rupture(),
            _rupture(
                type="sulk",
                resolution="maybe",
                markers=("teleports",),
                salience=6,
                repair_strategies=("shout",),
                note="a\x00b",
            ),
        ]
    )
    assert [p.field for p in found] == [
        "ruptures[1].type",
        "ruptures[1].resolution",
        "ruptures[1].markers",
        "ruptures[1].salience",
        "ruptures[1].repair_strategies",
        "ruptures[1].note",
    ]


def test_marker_of_the_other_rupture_type():
    assert problems(ruptures=[_rupture(markers=("complaint_therapist",))]) == [
        Problem("ruptures[0].markers", "'complaint_therapist' is a confrontation marker")
    ]
    assert problems(ruptures=[_rupture(type=RuptureType.CONFRONTATION, markers=("denial",))]) == [
        Problem("ruptures[0].markers", "'denial' is a withdrawal marker")
    ]


@pytest.mark.parametrize("salience", [0, 6, -1, 2.5, True, "3"])
def test_salience_refused(salience):
    assert fields(ruptures=[_rupture(salience=salience)]) == ["ruptures[0].salience"]


@pytest.mark.parametrize("salience", [None, 1, 3, 5])
def test_salience_accepted(salience):
    assert problems(ruptures=[_rupture(salience=salience)]) == []


# -- tags ----------------------------------------------------------------------


def test_tags():
    assert problems(tags=("sleep", "work-stress", "x" * TAG_MAX, "Übergang")) == []
    assert problems(tags=tuple(f"t{i}" for i in range(TAGS_MAX))) == []
    assert fields(tags=tuple(f"t{i}" for i in range(TAGS_MAX + 1))) == ["tags"]
    assert problems(tags=("",)) == [Problem("tags", "a tag cannot be empty")]
    assert problems(tags=("   ",)) == [Problem("tags", "a tag cannot be empty")]
    for bad in ("x" * (TAG_MAX + 1), "a;b", "line\nbreak", "tab\there", "nul\x00"):
        [problem] = problems(tags=(bad,))
        assert problem.field == "tags"
        assert "no ';'" in problem.message


# -- reflection ------------------------------------------------------------------


def test_reflection_template_and_sections():
    assert problems(reflection=Reflection("gibbs", {"description": "x", "action_plan": ""})) == []
    assert problems(reflection=Reflection("diary", {"text": "x"})) == [
        Problem("reflection.template", "unknown template 'diary'")
    ]
    assert problems(reflection=Reflection("quick", {"text": "x"})) == [
        Problem("reflection", "section 'text' is not part of the quick template")
    ]


def test_text_limits_and_nul():
    assert problems(reflection=Reflection("free", {"text": "é" * TEXT_MAX})) == []
    [long] = problems(reflection=Reflection("free", {"text": "a" * (TEXT_MAX + 1)}))
    assert long.field == "reflection.text"
    assert long.message == "is 100,001 characters long; the limit is 100,000"
    assert problems(reflection=Reflection("free", {"text": "a\x00"})) == [
        Problem("reflection.text", "contains a NUL character")
    ]
    assert problems(reflection=Reflection("free", {"text": 42})) == [
        Problem("reflection.text", "must be text")
    ]


# -- clients -------------------------------------------------------------------


def test_client_rules():
    assert client_problems(Client("Bryn 02", start_date=TODAY), today=TODAY) == []
    assert client_problems(Client("x" * 40)) == []
    assert client_problems(Client("  padded  ")) == []
    cases = {
        "": ["code"],
        "   ": ["code"],
        "x" * 41: ["code"],
        "tab\tcode": ["code"],
    }
    for code, expected in cases.items():
        assert [p.field for p in client_problems(Client(code))] == expected, repr(code)
    future = Client("A", start_date=date(2026, 3, 11))
    assert client_problems(future, today=TODAY) == [
        Problem("start_date", "cannot be in the future")
    ]
    assert [p.field for p in client_problems(Client("A", status="paused"))] == ["status"]
    assert [p.field for p in client_problems(Client("A", goals="a" * (TEXT_MAX + 1)))] == ["goals"]
    assert [p.field for p in client_problems(Client(None))] == ["code"]  # type: ignore[arg-type]


def test_validate_client_strips_the_code():
    assert validate_client(Client("  Bryn 02 ")).code == "Bryn 02"


# -- all problems at once, and how they read -----------------------------------


def test_every_problem_is_reported_at_once():
    session = _session(
        date=date(2030, 1, 1),
        trust=None,
        engagement=11,
        goal_alignment=-1,
        approach_fit=2.5,
        duration_min=0,
        modality="fax",
        client_rating=99,
        strategies=("nope",),
        tags=("",),
        ruptures=[_rupture(salience=9)],
        reflection=Reflection("nope"),
    )
    with pytest.raises(ValidationError) as caught:
        validate_session(session, scale=SCALE, known_strategies=KNOWN, today=TODAY)
    assert [p.field for p in caught.value.problems] == [
        "date",
        "trust",
        "engagement",
        "goal_alignment",
        "approach_fit",
        "duration_min",
        "modality",
        "client_rating",
        "ruptures[0].salience",
        "strategies",
        "tags",
        "reflection.template",
    ]
    assert caught.value.for_field("trust") == ["is required"]
    assert str(caught.value).startswith("date: cannot be in the future; trust: is required; ")


def test_validate_session_returns_the_session_when_valid():
    s = _session()
    assert validate_session(s, scale=SCALE, known_strategies=KNOWN, today=TODAY) is s


def test_problem_formats():
    assert str(Problem("trust", "is required")) == "trust: is required"
    assert (
        str(Problem("trust", "must be a whole number", 3))
        == "line 3: trust: must be a whole number"
    )
    assert str(Problem("trust", "is required", "sessions[12]")) == "sessions[12].trust: is required"
    assert str(Problem("", "is not an object", "sessions[12]")) == "sessions[12]: is not an object"
    assert Problem("trust", "x").located(7) == Problem("trust", "x", 7)


def test_validation_error_collects_and_reads():
    err = ValidationError([Problem("a", "one", 2), Problem("b", "two"), Problem("a", "three")])
    assert str(err) == "line 2: a: one; b: two; a: three"
    assert err.for_field("a") == ["one", "three"]
    assert err.for_field("c") == []
    assert isinstance(err, ValueError)
    assert str(ValidationError([])) == "invalid input"
    raise_if([])  # nothing to raise
    with pytest.raises(ValidationError):
        raise_if([Problem("x", "y")])
