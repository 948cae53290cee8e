"""Reflection feedback: fill, feelings, next steps, links, and the depth estimate."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_desktop.domain import Reflection, Resolution, Rupture, RuptureType, Session
from alliance_desktop.insights.reflection_feedback import Depth, estimate_depth, reflection_feedback

DESCRIPTIVE = "She arrived at ten. We talked about her week and the new job. She left on time."
DESCRIPTIVE_REFLECTION = (
    "She was quiet today because the homework had gone badly, and I pushed on with the plan."
)
DIALOGIC = (
    "I read her silence as resistance because she looked away; on the other hand, perhaps "
    "she was tired, or maybe she was waiting for me to slow down."
)
CRITICAL = (
    "Perhaps my urge to set homework reflects values from my training about productivity; "
    "given the power I hold in the room and her culture's view of asking for help, I "
    "wonder whose goal the homework really serves."
)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (DESCRIPTIVE, Depth.DESCRIPTIVE_WRITING),
        (DESCRIPTIVE_REFLECTION, Depth.DESCRIPTIVE_REFLECTION),
        (DIALOGIC, Depth.DIALOGIC_REFLECTION),
        (CRITICAL, Depth.CRITICAL_REFLECTION),
    ],
)
def test_depth_estimates_each_level(text: str, level: Depth):
    depth, reasons = estimate_depth(text)
    assert depth == level and reasons


def _session(sections: dict[str, str], template: str = "quick", **kw) -> Session:
    return Session(1, date(2026, 3, 2), 6, 6, reflection=Reflection(template, sections), **kw)


def test_feedback_counts_sections_feelings_next_step_and_links():
    s = _session(
        {"between_us": "He laughed when I asked, then told me about the argument.",
         "felt": "Anxious at first, then relieved.",
         "next": "Next time I will ask before suggesting a task."},
        strategies=("validate",),
        ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.YES)],
    )  # fmt: skip
    fb = reflection_feedback(s)
    assert [f.key for f in fb.sections] == ["between_us", "felt", "next"]
    assert all(f.filled for f in fb.sections) and 0 < fb.sections[1].fullness < 1
    assert fb.feelings == ("anxious", "relieved")
    assert fb.has_next_step and fb.linked_strategy and fb.linked_rupture
    assert "estimate" in fb.depth_label


def test_an_empty_section_and_no_feelings_get_gentle_notes():
    fb = reflection_feedback(_session({"between_us": DESCRIPTIVE}))
    assert not fb.names_feelings and not fb.has_next_step
    assert fb.depth == Depth.DESCRIPTIVE_WRITING
    text = " ".join(fb.notes)
    assert "What I felt" in text and "feeling" in text and "next time" in text
