"""Gentle feedback on a saved reflection, for trainees practising reflective writing.

Pure functions over a ``Session``: which sections are filled and how fully, whether
feelings are named, whether there is a concrete next step, whether a strategy or
rupture is linked, and an *estimate* of depth on Hatton & Smith's four levels
(descriptive writing, descriptive reflection, dialogic reflection, critical
reflection). The depth is a heuristic over marker words, never a grade: it is
labelled as an estimate everywhere it is shown. Word lists are the product's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from alliance_desktop.domain.models import Session
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY

#: Words a section needs to count as "full"; modest on purpose (minutes between clients).
TARGET_WORDS = 25

FEELING_WORDS = frozenset(
    [
        "afraid",
        "angry",
        "annoyed",
        "anxious",
        "ashamed",
        "bored",
        "calm",
        "confused",
        "curious",
        "deflated",
        "disappointed",
        "drained",
        "embarrassed",
        "excited",
        "exhausted",
        "frustrated",
        "glad",
        "grateful",
        "guilty",
        "helpless",
        "hopeful",
        "hopeless",
        "hurt",
        "impatient",
        "irritated",
        "irritation",
        "jealous",
        "lonely",
        "moved",
        "nervous",
        "overwhelmed",
        "protective",
        "relieved",
        "relief",
        "sad",
        "scared",
        "shame",
        "stuck",
        "surprised",
        "tender",
        "tense",
        "tired",
        "touched",
        "uncomfortable",
        "uneasy",
        "upset",
        "warm",
        "worried",
        "worry",
        "anxiety",
        "sadness",
        "fear",
        "anger",
        "joy",
        "pride",
        "proud",
    ]
)

_NEXT_STEP = re.compile(
    r"\b(next time|next session|next week|i will|i'll|i am going to|i'm going to|"
    r"i plan to|i want to try|i intend|try|trying|going forward|from now on)\b",
    re.IGNORECASE,
)
_REASONS = re.compile(
    r"\b(because|since|so that|therefore|which meant|the reason|as a result|led to|"
    r"explains?|might explain)\b",
    re.IGNORECASE,
)
_DIALOGIC = re.compile(
    r"\b(perhaps|maybe|might|on the other hand|alternatively|another way|i wonder|"
    r"could have|from (?:her|his|their|the client's) point of view|however|or was it)\b",
    re.IGNORECASE,
)
_CRITICAL = re.compile(
    r"\b(power|culture|cultural|ethic\w*|privilege|society|social|class|race|racism|"
    r"gender|institution\w*|organisation\w*|organization\w*|policy|systemic|"
    r"assumptions?|values|inequalit\w*|discriminat\w*|justice)\b",
    re.IGNORECASE,
)
_FEELING_PREFIX = re.compile(r"\bi (?:felt|feel|was feeling|noticed feeling)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


class Depth(IntEnum):
    DESCRIPTIVE_WRITING = 1
    DESCRIPTIVE_REFLECTION = 2
    DIALOGIC_REFLECTION = 3
    CRITICAL_REFLECTION = 4

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class SectionFill:
    key: str
    prompt: str
    words: int
    target: int

    @property
    def filled(self) -> bool:
        return self.words > 0

    @property
    def fullness(self) -> float:
        """0..1 share of the modest target."""
        return min(1.0, self.words / self.target) if self.target else 1.0


@dataclass(frozen=True)
class ReflectionFeedback:
    sections: tuple[SectionFill, ...]
    feelings: tuple[str, ...]  # feeling words found
    has_next_step: bool
    linked_strategy: bool
    linked_rupture: bool
    depth: Depth  # an estimate, from marker words
    depth_reasons: tuple[str, ...]
    notes: tuple[str, ...]  # gentle suggestions in plain words

    @property
    def names_feelings(self) -> bool:
        return bool(self.feelings)

    @property
    def depth_label(self) -> str:
        return f"{self.depth.label} (an estimate)"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def estimate_depth(text: str) -> tuple[Depth, tuple[str, ...]]:
    """Hatton & Smith level from marker words: reasons lift description to descriptive
    reflection; alternatives and tentative voices to dialogic; wider context (power,
    culture, ethics, institutions) alongside reasoning to critical."""
    reasons = sorted({m.lower() for m in _REASONS.findall(text)})
    dialogic = sorted({m.lower() for m in _DIALOGIC.findall(text)})
    critical = sorted({m.lower() for m in _CRITICAL.findall(text)})
    why: list[str] = []
    if reasons:
        why.append("gives reasons (" + ", ".join(reasons[:3]) + ")")
    if dialogic:
        why.append("weighs other views (" + ", ".join(dialogic[:3]) + ")")
    if critical:
        why.append("looks at the wider context (" + ", ".join(critical[:3]) + ")")
    if critical and (dialogic or reasons):
        return Depth.CRITICAL_REFLECTION, tuple(why)
    if dialogic and (reasons or len(dialogic) >= 2):
        return Depth.DIALOGIC_REFLECTION, tuple(why)
    if reasons or dialogic:
        return Depth.DESCRIPTIVE_REFLECTION, tuple(why)
    return Depth.DESCRIPTIVE_WRITING, ("describes what happened",)


def reflection_feedback(session: Session, target: int = TARGET_WORDS) -> ReflectionFeedback:
    """Feedback on the session's reflection; pure, fast enough to run on every save."""
    reflection = session.reflection
    template = TEMPLATES_BY_KEY.get(reflection.template)
    keys = list(template.section_keys()) if template else []
    keys += [k for k in reflection.sections if k not in keys]
    prompts = {s.key: s.prompt for s in template.sections} if template else {}
    fills = tuple(
        SectionFill(k, prompts.get(k, k), len(words(reflection.sections.get(k, ""))), target)
        for k in keys
    )
    text = reflection.plain_text()
    lowered = [w.lower() for w in words(text)]
    feelings = tuple(dict.fromkeys(w for w in lowered if w in FEELING_WORDS))
    if not feelings and _FEELING_PREFIX.search(text):
        feelings = ("(a feeling described)",)
    next_step = bool(_NEXT_STEP.search(text))
    depth, why = estimate_depth(text)
    notes: list[str] = []
    empty = [f.prompt for f in fills if not f.filled]
    if empty:
        notes.append("Still open: " + ", ".join(empty) + ".")
    if not feelings:
        notes.append("Try naming a feeling, yours or the client's, even a small one.")
    if not next_step:
        notes.append("One concrete thing to try next time would make this easier to act on.")
    if not session.strategies and not session.ruptures:
        notes.append("Linking a strategy or a rupture helps you see patterns over weeks.")
    if depth < Depth.DIALOGIC_REFLECTION:
        notes.append("Ask yourself what else might explain it, from the client's side too.")
    return ReflectionFeedback(
        sections=fills,
        feelings=feelings,
        has_next_step=next_step,
        linked_strategy=bool(session.strategies),
        linked_rupture=bool(session.ruptures),
        depth=depth,
        depth_reasons=why,
        notes=tuple(notes),
    )


__all__ = [
    "FEELING_WORDS",
    "TARGET_WORDS",
    "Depth",
    "ReflectionFeedback",
    "SectionFill",
    "estimate_depth",
    "reflection_feedback",
]
