"""Reflection feedback: fill, feelings, next steps, links, the rubric and its word hints.

The app never computes a level: the writer (or supervisor) chooses one, kept as a
reserved tag; marker words are hints only.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.domain import Reflection, Resolution, Rupture, RuptureType, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.validation import session_problems
from alliance_desktop.insights import reflection_feedback as rf
from alliance_desktop.insights.reflection_feedback import (
    RUBRIC,
    RUBRIC_BY_LEVEL,
    Level,
    chosen_level,
    has_next_step,
    level_tag,
    reflection_feedback,
    with_chosen_level,
    word_hints,
)

DESCRIPTIVE = "She arrived at ten. We talked about her week and the new job. She left on time."


def _session(sections: dict[str, str], template: str = "quick", **kw) -> Session:
    return Session(1, date(2026, 3, 2), 6, 6, reflection=Reflection(template, sections), **kw)


def _hint_keys(text: str) -> set[str]:
    return {h.key for h in word_hints(text)}


# -- the rubric -----------------------------------------------------------------------


def test_rubric_has_four_ordered_levels_in_plain_words():
    assert [r.level for r in RUBRIC] == list(Level)
    names = [r.name for r in RUBRIC]
    assert len(set(names)) == 4
    for r in RUBRIC:
        assert r.description and r.example
        # Plain words of our own, not a published rubric's labels.
        assert "dialogic" not in (r.name + r.description).lower()
        assert "hatton" not in (r.name + r.description).lower()


def test_the_descriptive_example_is_not_hinted_above_descriptive():
    example = RUBRIC_BY_LEVEL[Level.DESCRIPTIVE].example
    assert word_hints(example) == ()
    fb = reflection_feedback(_session({"text": example}, "free"))
    assert fb.hints == () and fb.level is None


def test_each_higher_example_shows_the_hints_its_level_often_has():
    assert "reasons" in _hint_keys(RUBRIC_BY_LEVEL[Level.REFLECTIVE].example)
    assert "readings" in _hint_keys(RUBRIC_BY_LEVEL[Level.ANALYTIC].example)
    assert "frame" in _hint_keys(RUBRIC_BY_LEVEL[Level.CRITICAL].example)


def test_social_anxiety_because_of_school_is_not_called_critical():
    text = "she has social anxiety because of school"
    hints = word_hints(text)
    assert [(h.key, h.words) for h in hints] == [("reasons", ("because",))]
    assert all(h.often_marks < Level.CRITICAL for h in hints)
    fb = reflection_feedback(_session({"text": text}, "free"))
    assert fb.level is None and fb.supervisor_level is None
    assert not any("critical" in n.lower() or "questioning" in n.lower() for n in fb.notes)


def test_hints_are_worded_as_hints():
    [hint] = word_hints("I wonder whether she was tired, or perhaps waiting.")
    assert hint.key == "readings" and hint.words == ("i wonder", "perhaps")
    assert hint.text.startswith("Words that often mark")


@pytest.mark.parametrize("word", ["social", "class", "race", "society", "values"])
def test_everyday_words_are_no_hint_of_questioning_the_frame(word: str):
    assert "frame" not in _hint_keys(f"Her {word} came up when we talked about the week.")


def test_the_chosen_level_lives_in_a_reserved_tag_and_round_trips():
    tags = with_chosen_level(("sleep",), Level.ANALYTIC)
    assert tags == ("sleep", "reflection-level:analytic")
    assert chosen_level(tags) == Level.ANALYTIC and chosen_level(tags, "supervisor") is None
    tags = with_chosen_level(tags, Level.REFLECTIVE, "supervisor")
    tags = with_chosen_level(tags, Level.CRITICAL)  # replaces, never duplicates
    assert tags == ("sleep", "supervisor-level:reflective", "reflection-level:critical")
    assert chosen_level(tags, "supervisor") == Level.REFLECTIVE
    assert with_chosen_level(tags, None) == ("sleep", "supervisor-level:reflective")
    assert chosen_level(("reflection-level:brilliant",)) is None  # unknown: not guessed
    assert chosen_level(("Reflection-Level:Descriptive",)) == Level.DESCRIPTIVE
    # The tags pass the session's own validation (length, characters).
    session = _session(
        {"between_us": "x"}, tags=with_chosen_level((), Level.REFLECTIVE, "supervisor")
    )
    assert session_problems(session, scale=ClientRatingScale(), known_strategies=()) == []
    for level in Level:
        for by in ("self", "supervisor"):
            assert len(level_tag(level, by)) <= 40


def test_feedback_reports_the_chosen_levels():
    s = _session(
        {"between_us": DESCRIPTIVE},
        tags=("reflection-level:critical", "supervisor-level:descriptive"),
    )
    fb = reflection_feedback(s)
    assert fb.level == Level.CRITICAL and fb.supervisor_level == Level.DESCRIPTIVE
    assert not any("rubric" in n for n in fb.notes)
    assert any(
        "rubric" in n for n in reflection_feedback(_session({"between_us": DESCRIPTIVE})).notes
    )


_PIECES = [
    *"abcdefghijklmnopqrstuvwxyz .,;'",
    " because ",
    " perhaps ",
    " I wonder ",
    " power ",
    " culture ",
    " assumptions ",
    " on the other hand ",
    " my training ",
    " social ",
    " justice ",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, tags=st.lists(st.sampled_from(["sleep", "family", "work"]), max_size=3))
def test_no_text_ever_yields_a_level_nobody_chose(text: str, tags: list[str]):
    fb = reflection_feedback(_session({"text": text}, "free", tags=tuple(tags)))
    assert fb.level is None and fb.supervisor_level is None


@settings(max_examples=100, deadline=None)
@given(text=_TEXT, level=st.sampled_from(list(Level)))
def test_the_level_is_the_chosen_one_whatever_the_words(text: str, level: Level):
    fb = reflection_feedback(_session({"text": text}, "free", tags=(level_tag(level),)))
    assert fb.level == level


def test_the_module_offers_no_level_from_text():
    # The old word-count estimator is gone; nothing maps text to a level.
    assert not hasattr(rf, "estimate_depth")
    for name in rf.__all__:
        obj = getattr(rf, name)
        assert not (callable(obj) and name.startswith("estimate")), name


# -- next step ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Next time I will ask before suggesting a task.",
        "I'll offer a choice of two tasks.",
        "I’ll check in about the homework first.",  # typographic apostrophe
        "I did not try the exercise, but next time I will.",
        "From now on I want to try opening with her agenda.",
    ],
)
def test_next_step_found(text: str):
    assert has_next_step(Reflection("free", {"text": text}))


@pytest.mark.parametrize(
    "text",
    [
        "I did not try the exercise.",
        "I didn't try anything new.",
        "Next time I won't push so hard.",
        "No plan for next time yet.",
        "I will not change the plan.",
        "I am not sure what I will do next session.",
        "I would have liked more time.",
        "We tried breathing together and she seemed calmer.",
    ],
)
def test_negations_and_past_tries_are_no_next_step(text: str):
    assert not has_next_step(Reflection("free", {"text": text}))


def test_a_filled_action_plan_section_counts_as_a_next_step():
    plan = Reflection(
        "gibbs",
        {
            "description": "She left early.",
            "action_plan": "Ask her at the start how the week felt.",
        },
    )
    assert has_next_step(plan)
    quick = Reflection("quick", {"next": "Offer two choices of task."})
    assert has_next_step(quick)


@pytest.mark.parametrize(
    "text", ["No plan yet.", "Nothing.", "None", "I won't change anything.", "Not sure."]
)
def test_an_action_plan_that_says_no_is_no_next_step(text: str):
    assert not has_next_step(Reflection("gibbs", {"action_plan": text}))


def test_an_ordinary_section_needs_a_forward_phrase():
    # Only the action-plan sections count by being filled.
    assert not has_next_step(Reflection("gibbs", {"analysis": "Ask her at the start."}))


# -- the rest of the feedback ---------------------------------------------------------


def test_feedback_counts_sections_feelings_next_step_and_links():
    s = _session(
        {"between_us": "He laughed when I asked, then told me about the argument.",
         "felt": "Anxious at first, then relieved.",
         "next": "Ask before suggesting a task."},
        strategies=("validate",),
        ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.YES)],
    )  # fmt: skip
    fb = reflection_feedback(s)
    assert [f.key for f in fb.sections] == ["between_us", "felt", "next"]
    assert all(f.filled for f in fb.sections) and 0 < fb.sections[1].fullness < 1
    assert fb.feelings == ("anxious", "relieved")
    assert fb.has_next_step and fb.linked_strategy and fb.linked_rupture


def test_an_empty_section_and_no_feelings_get_gentle_notes():
    fb = reflection_feedback(_session({"between_us": DESCRIPTIVE}))
    assert not fb.names_feelings and not fb.has_next_step
    assert fb.level is None
    text = " ".join(fb.notes)
    assert "What I felt" in text and "feeling" in text and "next time" in text
