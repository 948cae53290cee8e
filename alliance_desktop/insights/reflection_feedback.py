"""Gentle feedback on a saved reflection, for trainees practising reflective writing.

Pure functions over a ``Session``: which sections are filled and how fully, whether
feelings are named, whether there is a concrete next step, whether a strategy or
rupture is linked, and a four-level **rubric** for how deep the writing goes.

The app never decides the level. The trainee (or their supervisor) reads the rubric
and chooses; the choice is kept with the session as a reserved tag
(``reflection-level:<key>`` for the writer's own choice, ``supervisor-level:<key>``
for the supervisor's), so no schema change is needed and the choice travels with
every export. Marker words found in the text are offered only as *hints* ("words
that often mark weighing other readings: perhaps, I wonder"): such words turn up at
every level, so they are never turned into a level, a score or a verdict.

The level names, descriptions, examples and word lists are the product's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from alliance_desktop.domain.models import Reflection, Session
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.i18n import N_, _

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

_FEELING_PREFIX = re.compile(r"\bi (?:felt|feel|was feeling|noticed feeling)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _plain(text: str) -> str:
    """Typographic apostrophes as plain ones, so "I’ll" reads like "I'll"."""
    return text.replace("’", "'")


# -- the rubric -----------------------------------------------------------------------


class Level(IntEnum):
    """Four ordered levels of reflective writing (an ordinal scale: never average it)."""

    DESCRIPTIVE = 1
    REFLECTIVE = 2
    ANALYTIC = 3
    CRITICAL = 4

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> str:
        return _(RUBRIC_BY_LEVEL[self].name)

    @classmethod
    def from_key(cls, key: str) -> Level | None:
        key = key.strip().lower()
        for level in cls:
            if level.key == key:
                return level
        return None


@dataclass(frozen=True)
class RubricLevel:
    level: Level
    name: str  # plain words, shown as the choice
    description: str  # what writing at this level does
    example: str  # a short invented passage at this level


RUBRIC: tuple[RubricLevel, ...] = (
    RubricLevel(
        Level.DESCRIPTIVE,
        N_("Telling what happened"),
        N_(
            "What was said and done, in order. No reasons yet, no feelings weighed: a clear "
            "account that later thinking can build on."
        ),
        N_(
            "She arrived ten minutes late. We went over her week and the new job, and she "
            "said the homework had not happened. We agreed to meet again on Thursday."
        ),
    ),
    RubricLevel(
        Level.REFLECTIVE,
        N_("Explaining it from my side"),
        N_(
            "What happened and why I think it did: my reasons and feelings, from one point of "
            "view, without yet asking whether another reading fits."
        ),
        N_(
            "She went quiet when I brought up the homework, and I think that was because her "
            "week had gone badly. I felt I had pushed too soon."
        ),
    ),
    RubricLevel(
        Level.ANALYTIC,
        N_("Weighing other readings"),
        N_(
            "Stepping back: holding more than one way of understanding the moment (mine, the "
            "client's, a colleague's) side by side, and questioning my first reading."
        ),
        N_(
            "I took her silence as reluctance, but she may have been tired, or waiting to see "
            "whether I would judge her. From her side the homework could have felt like a "
            "test. I am not sure which reading fits yet."
        ),
    ),
    RubricLevel(
        Level.CRITICAL,
        N_("Questioning the frame"),
        N_(
            "Looking at what shaped the moment from outside it: my assumptions and training, "
            "my role and the power in the room, the setting, culture or service, and what "
            "that means for how I work."
        ),
        N_(
            "My urge to set homework every week comes partly from a training that prized "
            "visible progress. Given the power I hold in the room, and what asking for help "
            "means in her family, I want to ask whose goal the homework serves, and talk "
            "about that with her."
        ),
    ),
)
RUBRIC_BY_LEVEL: dict[Level, RubricLevel] = {r.level: r for r in RUBRIC}

Chooser = Literal["self", "supervisor"]
#: Reserved tag prefixes that hold the chosen level with the session.
LEVEL_TAG_PREFIX: dict[Chooser, str] = {
    "self": "reflection-level:",
    "supervisor": "supervisor-level:",
}


def level_tag(level: Level, by: Chooser = "self") -> str:
    return LEVEL_TAG_PREFIX[by] + level.key


def chosen_level(tags: Iterable[str], by: Chooser = "self") -> Level | None:
    """The level chosen by the writer (or the supervisor), read from the session's tags.

    The last well-formed tag wins; an unknown key is ignored rather than guessed at.
    """
    prefix = LEVEL_TAG_PREFIX[by]
    found: Level | None = None
    for tag in tags:
        t = tag.strip().lower()
        if t.startswith(prefix):
            level = Level.from_key(t[len(prefix) :])
            if level is not None:
                found = level
    return found


def with_chosen_level(
    tags: Iterable[str], level: Level | None, by: Chooser = "self"
) -> tuple[str, ...]:
    """``tags`` with this chooser's level replaced by ``level`` (removed when None)."""
    prefix = LEVEL_TAG_PREFIX[by]
    kept = tuple(t for t in tags if not t.strip().lower().startswith(prefix))
    return kept + ((level_tag(level, by),) if level is not None else ())


def is_level_tag(tag: str) -> bool:
    t = tag.strip().lower()
    return any(t.startswith(p) for p in LEVEL_TAG_PREFIX.values())


# -- word hints (never a verdict) -----------------------------------------------------


@dataclass(frozen=True)
class WordHint:
    """Marker words of one kind found in the text, and the level they *often* go with."""

    key: Literal["reasons", "readings", "frame"]
    often_marks: Level
    lead: str  # "Words that often mark ..."
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return _("{lead}: {words}").format(lead=_(self.lead), words=", ".join(self.words))


# Deliberately narrow: a word that has an everyday meaning ("social" in "social
# anxiety", "class" in a school class, "race" as running) is left out, because a hint
# that fires on it teaches the wrong thing.
_HINT_PATTERNS: tuple[
    tuple[Literal["reasons", "readings", "frame"], Level, str, re.Pattern[str]], ...
] = (
    (
        "reasons",
        Level.REFLECTIVE,
        N_("Words that often mark explaining"),
        re.compile(
            r"\b(because|so that|the reason|which meant|as a result|that is why|that's why|"
            r"i think (?:it|that|this) was)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "readings",
        Level.ANALYTIC,
        N_("Words that often mark weighing other readings"),
        re.compile(
            r"\b(perhaps|maybe|i wonder|on the other hand|alternatively|another way|"
            r"another reading|or was it|from (?:her|his|their|the client's) (?:side|point of view)|"
            r"may have been|might have been|could have felt)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "frame",
        Level.CRITICAL,
        N_("Words that often mark questioning the frame"),
        re.compile(
            r"\b(assumptions?|my training|power|culture|cultural|ethics?|ethical|privilege|"
            r"systemic|institution(?:al|s)?|inequalit(?:y|ies)|discriminat(?:ion|ed|ing)|"
            r"justice|whose goal|my role)\b",
            re.IGNORECASE,
        ),
    ),
)


def word_hints(text: str) -> tuple[WordHint, ...]:
    """Marker words found in ``text``, grouped; empty groups are left out.

    These are hints for the person choosing a level, nothing more: the same words
    appear in descriptive writing ("because of school") and in critical reflection.
    """
    hints: list[WordHint] = []
    for key, level, lead, pattern in _HINT_PATTERNS:
        found = list(dict.fromkeys(m.lower() for m in pattern.findall(_plain(text))))
        if found:
            hints.append(WordHint(key, level, lead, tuple(found[:4])))
    return tuple(hints)


# -- a concrete next step -------------------------------------------------------------

#: Sections whose prompt asks for the next step: filled, they count as one.
NEXT_STEP_SECTIONS = frozenset({("gibbs", "action_plan"), ("quick", "next")})

_FORWARD = re.compile(
    r"\b(next time|next session|next week|i will|i'll|i am going to|i'm going to|i plan to|"
    r"my plan is|the plan is|i want to try|i'd like to|i would like to|i intend to|"
    r"going forward|from now on|i would(?! have)|i'd(?! have))\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"^(?:no|not|never|nothing|none|nobody|without|cannot|unsure|n/a|\w+n['’]t)$",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[.!?;\n]+|,?\s+but\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[\w/]+(?:['’]\w+)?")
#: How many words either side of a forward-looking phrase a negation reaches.
_NEGATION_REACH = 3


def _negated(tokens: list[str]) -> bool:
    return any(_NEGATION.match(t) for t in tokens)


def _sentence_is_step(sentence: str) -> bool:
    """Forward-looking phrases with no negation near any of them ("I did not try",
    "no plan", "I won't", "not sure what I will do next session" are not steps)."""
    sentence = _plain(sentence)
    found = False
    for m in _FORWARD.finditer(sentence):
        before = _TOKEN.findall(sentence[: m.start()])[-_NEGATION_REACH:]
        inside = _TOKEN.findall(m.group(0))
        after = _TOKEN.findall(sentence[m.end() :])[:_NEGATION_REACH]
        if _negated(before + inside + after):
            return False
        found = True
    return found


def _plan_sentence_is_step(sentence: str) -> bool:
    """In an action-plan section any sentence is a step unless it opens with a negation
    ("No plan yet", "Nothing", "I won't change anything", "Not sure")."""
    tokens = _TOKEN.findall(sentence)
    return bool(tokens) and not _negated(tokens[:4])


def next_step_sentences(reflection: Reflection) -> tuple[str, ...]:
    """The sentences that name a concrete next step, in section order."""
    found: list[str] = []
    for key, text in reflection.sections.items():
        plan = (reflection.template, key) in NEXT_STEP_SECTIONS
        for sentence in _SENTENCES.split(text):
            sentence = sentence.strip()
            if not sentence:
                continue
            if (plan and _plan_sentence_is_step(sentence)) or _sentence_is_step(sentence):
                found.append(sentence)
    return tuple(found)


def has_next_step(reflection: Reflection) -> bool:
    return bool(next_step_sentences(reflection))


# -- the feedback ---------------------------------------------------------------------


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
    hints: tuple[WordHint, ...]  # marker words, shown as hints only
    level: Level | None  # the level the writer chose; None until they choose
    supervisor_level: Level | None  # the level their supervisor chose, if any
    notes: tuple[str, ...]  # gentle suggestions in plain words

    @property
    def names_feelings(self) -> bool:
        return bool(self.feelings)


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
        feelings = (_("(a feeling described)"),)
    next_step = has_next_step(reflection)
    level = chosen_level(session.tags, "self")
    notes: list[str] = []
    empty = [f.prompt for f in fills if not f.filled]
    if empty:
        notes.append(_("Still open: {sections}.").format(sections=", ".join(_(p) for p in empty)))
    if not feelings:
        notes.append(_("Try naming a feeling, yours or the client's, even a small one."))
    if not next_step:
        notes.append(_("One concrete thing to try next time would make this easier to act on."))
    if not session.strategies and not session.ruptures:
        notes.append(_("Linking a strategy or a rupture helps you see patterns over weeks."))
    if level is None:
        notes.append(_("Which level of the rubric fits best? The choice is yours, not the app's."))
    return ReflectionFeedback(
        sections=fills,
        feelings=feelings,
        has_next_step=next_step,
        linked_strategy=bool(session.strategies),
        linked_rupture=bool(session.ruptures),
        hints=word_hints(text),
        level=level,
        supervisor_level=chosen_level(session.tags, "supervisor"),
        notes=tuple(notes),
    )


__all__ = [
    "FEELING_WORDS",
    "LEVEL_TAG_PREFIX",
    "NEXT_STEP_SECTIONS",
    "RUBRIC",
    "RUBRIC_BY_LEVEL",
    "TARGET_WORDS",
    "Chooser",
    "Level",
    "ReflectionFeedback",
    "RubricLevel",
    "SectionFill",
    "WordHint",
    "chosen_level",
    "has_next_step",
    "is_level_tag",
    "level_tag",
    "next_step_sentences",
    "reflection_feedback",
    "with_chosen_level",
    "word_hints",
]
