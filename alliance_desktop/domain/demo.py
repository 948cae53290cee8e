"""Invented demo caseloads: believable enough to show every chart, alert and search.

A demo has to tell stories a therapist recognises at a glance, so each client follows
one archetype (steady growth, a rupture and its repair, slow disengagement, a plateau,
goals that are not shared, a gap between the client's view and the therapist's). Text
is assembled from sentence templates written for this product, never from any
instrument. Everything comes from one ``random.Random(seed)``, so a seed always gives
the same caseload (tests, screenshots and bug reports can rely on it).

The numbers behave as real records do, so the insights have something true to find:

* client alliance ratings crowd near the top of the 0-40 scale (mostly 35-40), lower
  when a session was strained;
* a separate outcome measure (0-40, clinical cutoff 25) starts in the clinical range
  for most clients and moves over treatment: many improve, one deteriorates;
* clients start and end on different dates: one finished a few weeks ago, one drifted
  away and was last seen months ago (closed), one had a gap for a break;
* one rupture left open in its session is repaired two sessions later (``resolved_on``);
* reflections read like the session's ratings (a low-trust hour reads strained);
* exactly one strategy, :data:`PLANTED_STRATEGY`, is followed by a better next session
  (+:data:`PLANTED_EFFECT` on trust and engagement); every other strategy is ticked
  at random, independently of how the session went, and has no effect at all.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from alliance_desktop.domain.models import (
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    Session,
    code_key,
)
from alliance_desktop.domain.ruptures import MARKER_LABEL
from alliance_desktop.domain.strategies import BUILTIN


class Archetype(StrEnum):
    """The story a demo client's numbers tell; assigned in rotation."""

    GROWTH = "growth"
    RUPTURE_DIP = "rupture_dip"
    DISENGAGING = "disengaging"
    PLATEAU = "plateau"
    GOAL_MISALIGNMENT = "goal_misalignment"
    PERSPECTIVE_GAP = "perspective_gap"


ARCHETYPES: tuple[Archetype, ...] = tuple(Archetype)

#: The one strategy with a real effect in the demo: the next session's trust and
#: engagement are this much higher (before rounding and the 0-10 bounds).
PLANTED_STRATEGY = "strong_ending"
PLANTED_EFFECT = 1.25

#: Where each client's outcome measure starts and ends (0-40, higher is better).
_OUTCOME_PATHS: dict[Archetype, tuple[float, float]] = {
    Archetype.GROWTH: (16.0, 31.0),  # reliable improvement across the cutoff: recovered
    Archetype.RUPTURE_DIP: (19.0, 27.5),
    Archetype.DISENGAGING: (21.0, 20.0),  # the one who deteriorates is set apart below
    Archetype.PLATEAU: (20.5, 21.5),
    Archetype.GOAL_MISALIGNMENT: (18.0, 23.5),
    Archetype.PERSPECTIVE_GAP: (27.0, 31.0),  # starts outside the clinical range
}
_DETERIORATING = (22.0, 14.0)


@dataclass
class DemoData:
    """A generated caseload, ready for ``Vault.import_records``.

    ``archetypes`` maps each client code to its story, so tests and tours can point
    at "the client who is drifting away" without guessing.
    """

    clients: list[Client]
    sessions: list[tuple[str, Session]]
    archetypes: dict[str, Archetype] = field(default_factory=dict)

    def with_ids(self) -> tuple[list[Client], list[Session]]:
        """Clients and sessions numbered as a vault would return them, for work on
        domain objects (insights, charts, reports) without a vault."""
        ids = {c.code: i for i, c in enumerate(self.clients, 1)}
        for c in self.clients:
            c.id = ids[c.code]
        out = []
        for j, (code, s) in enumerate(self.sessions, 1):
            s.client_id, s.id = ids[code], j
            out.append(s)
        return self.clients, out


# -- vocabulary ---------------------------------------------------------------

_NAMES = (
    "Alba", "Bryn", "Cleo", "Dex", "Elif", "Fenna", "Gus", "Hana", "Ines", "Jun",
    "Kai", "Lior", "Mika", "Noor", "Otto", "Pia", "Quinn", "Rafa", "Sione", "Tove",
    "Uma", "Vik", "Wren", "Xiu", "Yara", "Zoë", "Åsa", "Émile", "Søren", "Łucja",
    "Ümit", "Chidi", "Ravi", "Mateo", "Ilse", "Jorik", "Nía", "Oísín", "Teo", "Ada",
)  # fmt: skip
_GREEK = "ΑΒΓΔΘΛΣΦΨΩ"


def _code_plain(rng: random.Random, name: str) -> str:
    return name


def _code_numbered(rng: random.Random, name: str) -> str:
    return f"{name} {rng.randint(1, 99):02d}"


def _code_prefixed(rng: random.Random, name: str) -> str:
    return f"C-{name}"


def _code_greek(rng: random.Random, name: str) -> str:
    return f"{rng.choice(_GREEK)}-{name}"


def _code_initial(rng: random.Random, name: str) -> str:
    return f"{name}.{rng.choice('BDFHKLMNRST')}"


def _code_letters(rng: random.Random, name: str) -> str:
    return f"{name[:2].upper()}-{rng.randint(10, 99)}"


_CODE_STYLES = (
    _code_numbered,
    _code_prefixed,
    _code_plain,
    _code_greek,
    _code_initial,
    _code_letters,
)

# Each theme: the words a reflection uses for it, and how a goal might be phrased.
_THEMES: dict[str, tuple[tuple[str, ...], str]] = {
    "sleep": (
        ("sleep", "the broken sleep", "lying awake before dawn", "the evening routine"),
        "sleep through most nights",
    ),
    "work": (
        ("work", "the pressure at work", "a clash with their manager", "the workload"),
        "set limits at work without the guilt",
    ),
    "family": (
        ("the family", "visits home", "their mother's illness", "old family rows"),
        "talk with their mother without it ending in a row",
    ),
    "anxiety": (
        ("the anxiety", "the racing thoughts", "panic on the bus", "worry at night"),
        "go to the shops and on the bus without panic",
    ),
    "grief": (
        ("the loss", "the anniversary", "grief", "clearing the house"),
        "make room for the grief and still get through the week",
    ),
    "relationships": (
        ("the relationship", "arguments with their partner", "dating again", "feeling alone"),
        "say what they need to their partner",
    ),
    "mood": (
        ("low mood", "the flat mornings", "losing interest in things", "energy"),
        "get back some of the things that used to matter",
    ),
    "study": (
        ("the exams", "study", "the thesis", "falling behind at college"),
        "finish the course without burning out",
    ),
    "health": (
        ("the pain", "the diagnosis", "hospital appointments", "eating"),
        "live alongside the illness rather than around it",
    ),
    "money": (
        ("debt", "money worries", "the rent", "losing the job"),
        "face the money worries one letter at a time",
    ),
}
_THEME_KEYS = tuple(_THEMES)

_PERSONS = (
    "their mother", "their father", "their partner", "their sister", "an older brother",
    "their manager", "a close friend", "their grandmother", "their flatmate", "their son",
    "their daughter",
)  # fmt: skip
_TASKS = (
    "the sleep diary", "the breathing practice", "a short walk each morning",
    "the thought record", "a letter they would not send", "worry time",
    "the activity plan", "one call to an old friend", "the budget sheet",
    "the wind-down routine", "the homework sheet",
)  # fmt: skip

_FEELINGS = {
    "warm": ("hopeful", "moved", "curious", "warm toward them", "encouraged", "light"),
    "flat": ("restless", "patient", "a bit bored", "steady", "unsure", "distracted"),
    "strained": ("tense", "uneasy", "anxious", "protective", "tired", "deskilled"),
    "rupture": ("defensive", "shaken", "a little irritated", "exposed", "tense", "sad"),
}

_DESCRIBE = {
    "warm": (
        "We spent most of the hour on {topic}, and they brought examples without my asking.",
        "They arrived with a list about {topic} and we worked through it together.",
        "We talked through {topic}; they laughed at one point, which is new.",
        "They described a better week with {topic} and could say what made the difference.",
        "Most of the session was about {person}; they spoke freely and stayed with it.",
        "They had tried {task} twice and wanted to tell me how it went.",
        "Easy start today; they picked up {topic} where we left off last week.",
    ),
    "flat": (
        "We went over {topic} again: familiar ground, little new.",
        "They talked about {person} at length, mostly recounting what happened.",
        "A steady session on {topic}; polite and cooperative, not much movement.",
        "They had half done {task} and we looked at what got in the way.",
        "We circled {topic} without landing anywhere in particular.",
        "Work came up first, then {topic}; neither went very deep.",
    ),
    "strained": (
        "Long pauses today; the silence felt heavier than usual when {topic} came up.",
        "They said the homework had not happened and changed the subject quickly.",
        "Short answers about {topic}; I did most of the talking.",
        "They arrived late, said work had been chaotic, and kept to small talk.",
        "When I asked about {person} they said it was fine and moved on.",
        "They cancelled {task} again and seemed far away for most of the hour.",
    ),
    "rupture": (
        "Something tightened when I suggested {task}; they pushed back hard.",
        "They said these sessions are not getting anywhere and {topic} is no better.",
        "Midway through they went quiet, and the silence stretched after I mentioned {person}.",
        "They asked why we keep coming back to {topic} when it is not what they came for.",
        "They told me I had not understood what they meant about {person}.",
    ),
}

_FEEL = {
    "warm": (
        "I felt {feeling}.",
        "Afterwards I was {feeling}, more than I expected.",
        "Mostly {feeling}; it was good to see them take the lead.",
    ),
    "flat": (
        "I noticed I was {feeling} and wanted to speed things up.",
        "I felt {feeling}, and wondered whether they did too.",
        "{feeling}, if I am honest, while they talked about {person}.",
    ),
    "strained": (
        "I felt {feeling} and caught myself filling the silence.",
        "A pull to reassure them, and under it I felt {feeling}.",
        "I was {feeling} for the rest of the day.",
    ),
    "rupture": (
        "I felt {feeling} in the moment and had to slow my breathing.",
        "My first reaction was to explain myself; I felt {feeling}.",
        "{feeling}, and worried they might not come back.",
    ),
}

_EVALUATE = {
    "warm": (
        "The pacing worked and they set the agenda.",
        "Going slower on {topic} paid off.",
        "The close was good: we summarised and they named one thing to keep.",
    ),
    "flat": (
        "Useful enough, but I stayed too long on {topic}.",
        "It was comfortable, perhaps too comfortable.",
        "I did not check whether the plan still suits them.",
    ),
    "strained": (
        "I filled the silences instead of letting them sit.",
        "I missed a chance to ask how the session felt for them.",
        "The homework talk landed as a demand rather than an invitation.",
    ),
    "rupture": (
        "I pressed on with my plan a minute too long.",
        "Naming the tension helped more than explaining myself.",
        "I was defensive at first and it showed.",
    ),
}

_ANALYSE = {
    Archetype.GROWTH: (
        "Small wins with {task} seem to be building their confidence.",
        "They trust the process more now that they know what to expect.",
        "Seeing the change written down makes it real for them.",
    ),
    Archetype.RUPTURE_DIP: (
        "The strain may echo how things go with {person}: close, then a sudden wall.",
        "They may have heard my suggestion as criticism, as they often do at home.",
        "Talking about the rupture openly seems to have made the bond sturdier.",
    ),
    Archetype.DISENGAGING: (
        "When the task feels big they avoid it; the step was too large.",
        "The fading energy may be about the therapy, not only about {topic}.",
        "They may be drifting away rather than saying something is wrong.",
    ),
    Archetype.PLATEAU: (
        "We may have settled into a routine that feels safe but asks little.",
        "The approach may not fit: they want practical help and I keep exploring.",
        "Progress feels invisible because we never look back at where we started.",
    ),
    Archetype.GOAL_MISALIGNMENT: (
        "The goal we wrote at the start may be mine more than theirs.",
        "They care about {topic}; I keep steering towards something else.",
        "They like me, but they do not see why we work on this.",
    ),
    Archetype.PERSPECTIVE_GAP: (
        "They may be agreeing with me to keep the peace, as they do with {person}.",
        "Maybe being judged is the fear, and {topic} carries more shame than they let on.",
        "It felt fine to me; I am not sure it felt fine to them.",
    ),
}

# Before the rupture-dip story's rupture nothing has strained yet.
_ANALYSE_SETTLING = (
    "They seem to settle in more each week; {topic} is easier to name now.",
    "Things feel steady; I wonder what is not yet being said about {person}.",
    "Explaining the process early seems to have helped them trust it.",
)

_CONCLUDE = (
    "I could have asked sooner how this was landing.",
    "Slowing down and checking the goal would have helped.",
    "I might have offered them a choice of what to work on.",
    "Naming the silence gently, rather than filling it.",
    "Linking {topic} back to their own words for the goal.",
    "Leaving more room at the end to close properly.",
)

_NEXT = {
    "normalize": "Say plainly that many people struggle with {topic}, so it feels less like a failing.",
    "validate": "Reflect back how hard {topic} has been before moving to any task.",
    "transparency": "Explain what the next few sessions will look like and why.",
    "collaborative_goals": "Rewrite the goal together, in their words rather than mine.",
    "progress_review": "Look back at the first weeks together so the progress is visible.",
    "offer_choice": "Offer two or three options for what to work on and let them pick.",
    "rationale": "Explain why {task} should help before asking them to try it.",
    "adapt_approach": "Try a more practical, structured way into {topic}.",
    "small_steps": "Cut {task} down to a five-minute first step.",
    "implementation_intention": "Make an if-then plan for {task}: a day, a place and a cue.",
    "strong_ending": "Leave five minutes to summarise and end on something that went well.",
    "invite_feedback": "Ask directly how the sessions feel for them, and mean it.",
    "metacommunication": "Name what seems to happen between us when {topic} comes up.",
    "own_contribution": "Acknowledge that I pushed too quickly last time.",
    "clarify_misunderstanding": "Check what they heard me say about {person}, and put it right.",
    "change_task": "Set {task} aside for now and work with what they bring.",
}
_NEXT_DEFAULT = "Keep going with {topic} and see what they bring."

_MARKER_SEEN = {
    "denial": "They said they were fine, though their voice said otherwise.",
    "minimal_response": "One-word answers, and a long silence after each question.",
    "abstract_talk": "They talked about people in general rather than about themselves.",
    "avoidant_storytelling": "A long story about a colleague whenever {topic} came close.",
    "deferential": "They agreed with everything I said, a little too quickly.",
    "content_affect_split": "They described the row with {person} while smiling.",
    "self_criticism": "They said they are hopeless at this and always give up.",
    "complaint_therapist": "They said I do not really listen.",
    "complaint_activities": "They called the homework pointless.",
    "complaint_parameters": "They complained about the time slot and the cost of coming.",
    "complaint_progress": "They said nothing has changed since we started.",
    "rejects_intervention": "They refused to try {task}.",
    "defends_against_therapist": "They took my question as criticism and argued the point.",
    "controls_therapist": "They insisted we only talk about {topic} and cut me off when I moved on.",
}

_RESPONSE = {
    Resolution.YES: (
        "I slowed down, named the shift and asked what had happened for them; they told me.",
        "I owned that I had rushed, and the room eased.",
        "I asked what I had missed, listened, and we agreed a different plan.",
    ),
    Resolution.PARTIAL: (
        "I asked about it; they softened a little but stayed guarded.",
        "I gave my reasons for the task, which helped a bit.",
        "We touched on it near the end, not enough to settle it.",
    ),
    Resolution.NO: (
        "I noticed it too late and carried on; the hour ended flat.",
        "I tried to ask, they said it was nothing, and I let it go.",
        "I explained myself instead of listening, and it stayed stuck.",
    ),
}

_HELPED = {
    Resolution.YES: (
        "Owning my part and offering a different task.",
        "Going back to their own words about the goal.",
        "Being curious rather than defending the plan.",
    ),
    Resolution.PARTIAL: (
        "Validating their frustration before explaining anything.",
        "Some of it; next time name the silence earlier.",
    ),
    Resolution.NO: (
        "Not yet clear; next time open with how last week felt.",
        "Nothing so far; bring it to supervision.",
    ),
}

_NOTE_TAIL = {
    Resolution.YES: ("talked it through and it eased", "repaired before the end"),
    Resolution.PARTIAL: ("partly talked through", "eased a little, come back to it"),
    Resolution.NO: ("left open", "not addressed yet"),
}

_REPAIR = tuple(s.key for s in BUILTIN if s.group == "repair")

_STRATEGY_POOLS: dict[Archetype, tuple[str, ...]] = {
    Archetype.GROWTH: (
        "validate", "transparency", "progress_review", "small_steps", "strong_ending",
        "collaborative_goals",
    ),
    Archetype.RUPTURE_DIP: ("validate", "normalize", "rationale", "strong_ending", "offer_choice"),
    Archetype.DISENGAGING: ("small_steps", "implementation_intention", "strong_ending", "rationale"),
    Archetype.PLATEAU: ("adapt_approach", "rationale", "progress_review", "transparency"),
    Archetype.GOAL_MISALIGNMENT: (
        "collaborative_goals", "offer_choice", "progress_review", "rationale",
    ),
    Archetype.PERSPECTIVE_GAP: ("validate", "normalize", "transparency", "strong_ending"),
}  # fmt: skip

# Markers each story tends to show, by rupture type.
_MARKER_POOLS: dict[RuptureType, tuple[str, ...]] = {
    RuptureType.WITHDRAWAL: (
        "denial", "minimal_response", "abstract_talk", "avoidant_storytelling",
        "deferential", "content_affect_split", "self_criticism",
    ),
    RuptureType.CONFRONTATION: (
        "complaint_therapist", "complaint_activities", "complaint_parameters",
        "complaint_progress", "rejects_intervention", "defends_against_therapist",
        "controls_therapist",
    ),
}  # fmt: skip
_DRIFT_MARKERS = ("minimal_response", "avoidant_storytelling", "abstract_talk", "denial")
_GOAL_MARKERS = ("complaint_progress", "rejects_intervention", "complaint_activities")
_QUIET_MARKERS = ("deferential", "content_affect_split", "minimal_response")

_DURATIONS = (45, 50, 50, 50, 50, 55, 60)

# Roles within each dozen clients (index % 12), on top of their archetype.
_ROLE_REPAIRED_LATER = 1  # a rupture-dip client whose rupture is repaired two sessions on
_ROLE_DETERIORATES = 2  # a disengaging client whose outcome reliably worsens
_ROLE_FINISHED = 6  # a growth client who finished a few weeks ago (closed)
_ROLE_DROPPED_OUT = 8  # a disengaging client who stopped coming months ago (closed)
_ROLE_LEVELLED_OFF = 9  # a plateau client who ended about two months ago (closed)
_ROLE_BREAK = 4  # a client whose sessions paused for a few weeks

# The strategies ticked at random (repair strategies come with ruptures). Each story
# favours a few, but every client uses every one now and then, and none depends on how
# the session went, so only the planted one is followed by any change.
_EVERYDAY = tuple(s.key for s in BUILTIN if s.group != "repair")
# The everyday strategies are drawn from a stream of their own. Any name gives a null
# strategy an interval that excludes zero about one time in twenty, by chance; this
# one was chosen so that the default demo (seed 0) shows no such chance finding, and
# tests/domain/test_demo.py checks that it still holds.
_PICKS_STREAM = "alliance-demo-strategies-{seed}/16"


# -- trajectories -------------------------------------------------------------


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _rating(value: float) -> int:
    return max(0, min(10, round(value)))


@dataclass
class _Plan:
    """One client's story, decided before any session is written."""

    archetype: Archetype
    level: float  # a per-client shift so two clients of a story are not identical
    rupture_at: int  # the big rupture of the rupture-dip story; -1 if none
    themes: tuple[str, ...]
    role: int = -1  # the client's index within its dozen (see the _ROLE_ constants)
    outcome: tuple[float, float] = (20.0, 20.0)  # outcome measure at intake and at the end
    end_before: int = 0  # days between the last session and today
    fortnightly: bool = False


def _curve(plan: _Plan, k: int, n: int) -> tuple[float, float, float, float]:
    """Expected (trust, engagement, goal_alignment, approach_fit) at session k of n."""
    t = k / (n - 1) if n > 1 else 1.0
    lv = plan.level
    match plan.archetype:
        case Archetype.GROWTH:
            return (
                _lerp(4.5, 8.5, t) + lv,
                _lerp(4.0, 8.5, t) + lv,
                _lerp(5.0, 8.5, t),
                _lerp(5.0, 8.0, t),
            )
        case Archetype.RUPTURE_DIP:
            r = plan.rupture_at
            if k < r:
                dip = 0.0
            else:  # a sharp fall, then back over four sessions to a little above before
                back = min(1.0, (k - r) / 4)
                dip = -4.5 * (1 - back) + 0.5 * back
            base = 7.0 + lv
            return (base + dip, base - 0.5 + 0.7 * dip, base + 0.3 * dip, base - 0.3 + 0.5 * dip)
        case Archetype.DISENGAGING:
            fade_from = n - 7
            fade = max(0, k - fade_from)
            late = max(0.0, (k - fade_from) / 6)
            return (
                _lerp(7.0, 5.5, t),
                7.0 - 0.9 * fade,
                6.5 - 1.5 * late,
                6.5 - 2.0 * late,
            )
        case Archetype.PLATEAU:
            return (6.0 + lv, 6.0 + lv, 5.5, 6.0)
        case Archetype.GOAL_MISALIGNMENT:
            return (_lerp(7.5, 8.0, t) + lv, 6.5, 3.0, 5.0)
        case Archetype.PERSPECTIVE_GAP:
            return (8.0 + lv, 8.0, 8.0, 7.5)
    raise AssertionError(plan.archetype)


def _ruptures_at(plan: _Plan, k: int, n: int, rng: random.Random) -> list[Rupture]:
    """The ruptures of session k: scheduled ones for the story, a few chance ones."""
    a = plan.archetype

    def make(
        rtype: RuptureType,
        markers: tuple[str, ...],
        salience: int,
        resolution: Resolution,
    ) -> Rupture:
        chosen = tuple(rng.sample(markers, rng.choice((1, 1, 2))))
        if resolution == Resolution.NO:
            repairs: tuple[str, ...] = tuple(rng.sample(_REPAIR, rng.choice((0, 1))))
        else:
            repairs = tuple(rng.sample(_REPAIR, rng.choice((1, 2, 2, 3))))
        note = f"{MARKER_LABEL[chosen[0]]}; {rng.choice(_NOTE_TAIL[resolution])}."
        return Rupture(rtype, resolution, chosen, salience, repairs, note)

    w, c = RuptureType.WITHDRAWAL, RuptureType.CONFRONTATION
    if a == Archetype.GROWTH:
        if k == max(1, n // 5) and k < n:
            return [make(w, ("deferential", "minimal_response"), 2, Resolution.YES)]
    elif a == Archetype.RUPTURE_DIP:
        if k == plan.rupture_at:
            rtype = rng.choice((w, c))
            return [make(rtype, _MARKER_POOLS[rtype], rng.choice((4, 5)), Resolution.PARTIAL)]
        if k == plan.rupture_at + 1 and rng.random() < 0.6:
            return [make(w, _MARKER_POOLS[w], 2, Resolution.YES)]
    elif a == Archetype.DISENGAGING:
        if k == n - 1:
            return [make(w, _DRIFT_MARKERS, rng.choice((3, 4)), Resolution.NO)]
        if k == n - 4:
            return [make(w, _DRIFT_MARKERS, 3, Resolution.PARTIAL)]
        if k < n - 7 and rng.random() < 0.05:
            return [make(w, _DRIFT_MARKERS, 1, Resolution.YES)]
    elif a == Archetype.PLATEAU:
        if rng.random() < 0.07:
            res = Resolution.PARTIAL if k >= n - 2 else Resolution.YES
            return [make(w, _MARKER_POOLS[w], rng.choice((1, 2)), res)]
    elif a == Archetype.GOAL_MISALIGNMENT:
        if k == n - 2:
            return [make(c, _GOAL_MARKERS, 3, Resolution.NO)]
        if k < n - 2 and rng.random() < 0.15:
            res = Resolution.YES if rng.random() < 0.4 else Resolution.PARTIAL
            return [make(c, _GOAL_MARKERS, rng.choice((2, 3, 4)), res)]
    elif a == Archetype.PERSPECTIVE_GAP and rng.random() < 0.06:
        return [make(w, _QUIET_MARKERS, 1, Resolution.YES)]
    return []


def _mood(trust: int, engagement: int, ruptures: list[Rupture]) -> str:
    """How the session reads: a low trust or engagement rating reads strained whatever
    the other one was, and only a session good on both reads warm."""
    if ruptures:
        return "rupture"
    low, mean = min(trust, engagement), (trust + engagement) / 2
    if low <= 4:
        return "strained"
    if mean >= 7 and low >= 6:
        return "warm"
    return "flat"


# What a strained session makes one think, whatever the client's story.
_ANALYSE_STRAINED = (
    "Something made it harder to be open today; I do not yet know what.",
    "They may be holding back; perhaps {topic} feels riskier to talk about than I assumed.",
    "The distance today may be about us as much as about {topic}.",
)


# -- sessions ------------------------------------------------------------------


def _reflection(
    rng: random.Random,
    analyses: tuple[str, ...],
    mood: str,
    strategies: tuple[str, ...],
    ruptures: list[Rupture],
    slots: dict[str, str],
) -> Reflection:
    pick = rng.choice
    describe = pick(_DESCRIBE[mood]).format(**slots)
    feel = pick(_FEEL[mood]).format(**slots)
    feel = feel[0].upper() + feel[1:]
    nxt = (_NEXT[pick(strategies)] if strategies else _NEXT_DEFAULT).format(**slots)
    roll = rng.random()
    if ruptures and roll < 0.7:
        first = ruptures[0]
        return Reflection(
            "rupture",
            {
                "marker": _MARKER_SEEN[first.markers[0]].format(**slots),
                "response": pick(_RESPONSE[first.resolution]),
                "helped": pick(_HELPED[first.resolution]),
            },
        )
    if roll < 0.04:
        return Reflection()  # no time to write today
    if roll < 0.4:
        parts = [describe, pick(analyses).format(**slots)]
        if rng.random() < 0.5:
            parts.append(feel)
        parts.append(nxt)
        return Reflection("free", {"text": " ".join(parts)})
    if roll < 0.8:
        return Reflection("quick", {"between_us": describe, "felt": feel, "next": nxt})
    return Reflection(
        "gibbs",
        {
            "description": describe,
            "feelings": feel,
            "evaluation": pick(_EVALUATE[mood]).format(**slots),
            "analysis": pick(analyses).format(**slots),
            "conclusion": pick(_CONCLUDE).format(**slots),
            "action_plan": nxt,
        },
    )


def _client_rating(
    rng: random.Random, plan: _Plan, ratings: tuple[int, ...], ruptured: bool
) -> float | None:
    """The client's own total, on the 0-40 convention: high when all is well, under 36
    when strained; in the perspective-gap story it stays low whatever the therapist sees."""
    gap = plan.archetype == Archetype.PERSPECTIVE_GAP
    if rng.random() >= (0.85 if gap else 0.45):
        return None
    if gap:
        value = min(34.5, rng.gauss(31.0, 1.8))
    else:
        # Near the ceiling, as session ratings are in real use: a point or two below 40
        # when all is well, a few more off when the session was strained.
        mean = sum(ratings) / len(ratings)
        value = 39.6 - 1.3 * max(0.0, 8.5 - mean) - abs(rng.gauss(0.0, 1.0))
        value -= 2.5 if ruptured else 0.0
    return round(max(0.0, min(40.0, value)), 1)


def _outcome_rating(rng: random.Random, plan: _Plan, k: int, n: int) -> float | None:
    """The client's outcome measure at session k: mostly filled in, moving from the
    plan's start to its end with some noise (a rupture-dip client slips around it)."""
    if rng.random() >= 0.8:
        return None
    start, end = plan.outcome
    t = k / (n - 1) if n > 1 else 1.0
    value = _lerp(start, end, t) + rng.gauss(0.0, 1.3)
    if plan.archetype == Archetype.RUPTURE_DIP and 0 <= k - plan.rupture_at < 3:
        value -= 3.0
    return round(max(0.0, min(40.0, value)), 1)


def _pick_strategies(rng: random.Random, favoured: tuple[str, ...]) -> list[str]:
    """None to three everyday strategies: often one of the story's own, the rest drawn
    from the whole everyday list, so every client uses every strategy now and then."""
    count = rng.choice((0, 1, 1, 2, 2, 3))
    chosen = rng.sample(_EVERYDAY, count)
    if count and rng.random() < 0.3:
        chosen[0] = rng.choice([k for k in favoured if k not in chosen[1:]] or chosen[:1])
    return list(dict.fromkeys(chosen))


def _dedupe(keys: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


def _session_days(rng: random.Random, plan: _Plan, n: int, today: date) -> list[date]:
    """Weekly (or fortnightly) days ending ``plan.end_before`` days before today; now and
    then a week is skipped, and the break client pauses for a few weeks mid-course."""
    days = [today - timedelta(days=plan.end_before)]
    pause_at = n // 2 if plan.role == _ROLE_BREAK else -1
    for k in range(n - 1, 0, -1):
        if k == pause_at:
            gap = 7 * rng.choice((4, 5, 6))
        elif plan.fortnightly:
            gap = 7 if rng.random() < 0.15 else 14
        else:
            gap = 14 if rng.random() < 0.08 else 7
        days.append(days[-1] - timedelta(days=gap))
    days.reverse()
    return days


def _client_sessions(
    rng: random.Random, plan: _Plan, n: int, today: date, picks: random.Random
) -> list[Session]:
    """The client's sessions; ``picks`` (a stream of its own) chooses the everyday
    strategies, so they are independent of everything else by construction."""
    days = _session_days(rng, plan, n, today)
    home, away = (Modality.IN_PERSON, Modality.VIDEO)
    if rng.random() < 0.35:
        home, away = away, home
    hour = rng.choice((9, 10, 11, 13, 14, 15, 16, 17, 18))
    pool = _STRATEGY_POOLS[plan.archetype]
    topics = [w for theme in plan.themes for w in _THEMES[theme][0]]
    noise = 0.45 if plan.archetype in (Archetype.RUPTURE_DIP, Archetype.DISENGAGING) else 0.6
    gauss, rand = rng.gauss, rng.random
    sessions: list[Session] = []
    lift = 0.0  # the planted strategy's effect on this session, from the one before
    linger = 0.0
    for k, day in enumerate(days):
        ruptures = _ruptures_at(plan, k, n, rng)
        base = _curve(plan, k, n)
        if ruptures and plan.archetype != Archetype.RUPTURE_DIP:
            base = (base[0] - 1.0, base[1] - 0.5, base[2], base[3])
        trust = _rating(base[0] + lift - linger + gauss(0, noise))
        engagement = _rating(base[1] + lift - linger / 2 + gauss(0, noise))
        # A rupture left open still weighs on the next session a little.
        linger = 0.6 if any(r.resolution != Resolution.YES for r in ruptures) else 0.0
        if plan.archetype == Archetype.RUPTURE_DIP:
            linger = 0.0  # its own curve already climbs back slowly
        goal = _rating(base[2] + gauss(0, noise)) if rand() < 0.9 else None
        fit = _rating(base[3] + gauss(0, noise)) if rand() < 0.9 else None
        present = tuple(v for v in (trust, engagement, goal, fit) if v is not None)

        chosen = _pick_strategies(picks, pool)
        for r in ruptures:
            chosen += r.repair_strategies
        strategies = _dedupe(chosen)
        lift = PLANTED_EFFECT if PLANTED_STRATEGY in strategies else 0.0

        mood = _mood(trust, engagement, ruptures)
        slots = {
            "topic": rng.choice(topics),
            "person": rng.choice(_PERSONS),
            "task": rng.choice(_TASKS),
            "feeling": rng.choice(_FEELINGS[mood]),
        }
        settling = plan.archetype == Archetype.RUPTURE_DIP and k < plan.rupture_at
        analyses = _ANALYSE_SETTLING if settling else _ANALYSE[plan.archetype]
        if mood == "strained":
            analyses = _ANALYSE_STRAINED
        elif mood == "warm" and plan.archetype == Archetype.DISENGAGING:
            analyses = _ANALYSE_SETTLING

        tags = [rng.choice(plan.themes)]
        if rand() < 0.3:
            tags.append(rng.choice(plan.themes))
        if rand() < 0.25 or any(s in strategies for s in ("small_steps", "rationale")):
            tags.append("homework")
        if ruptures:
            tags.append("rupture")
        if plan.archetype == Archetype.GOAL_MISALIGNMENT and rand() < 0.3:
            tags.append("goals")

        big = any((r.salience or 0) >= 4 or r.resolution == Resolution.NO for r in ruptures)
        supervision = rand() < (0.35 if big else 0.025)

        sessions.append(
            Session(
                client_id=None,
                date=day,
                trust=trust,
                engagement=engagement,
                goal_alignment=goal,
                approach_fit=fit,
                duration_min=rng.choice(_DURATIONS),
                modality=_modality(rand(), home, away),
                client_rating=_client_rating(rng, plan, present, bool(ruptures)),
                outcome_rating=_outcome_rating(rng, plan, k, n),
                ruptures=ruptures,
                strategies=strategies,
                tags=_dedupe(tags),
                reflection=_reflection(rng, analyses, mood, strategies, ruptures, slots),
                supervision=supervision,
                created_at=datetime.combine(day, time(hour, 50), UTC),
                updated_at=datetime.combine(day, time(hour, 50), UTC),
            )
        )
    if plan.role == _ROLE_REPAIRED_LATER and 0 <= plan.rupture_at < n - 2:
        _repair_later(rng, sessions[plan.rupture_at], sessions[plan.rupture_at + 2])
    return sessions


_CAME_BACK = (
    "We went back to what went wrong two weeks ago; they said it had stayed with them, "
    "and this time we could talk it through.",
    "I asked about the session that went badly; they said they had felt pushed, "
    "and naming it together eased something.",
)


def _repair_later(rng: random.Random, at: Session, later: Session) -> None:
    """The rupture left open at ``at`` is repaired in the session ``later``."""
    open_ = [r for r in at.ruptures if r.resolution != Resolution.YES]
    if not open_:
        return
    open_[0].resolved_on = later.date
    sentence = rng.choice(_CAME_BACK)
    sections = later.reflection.sections
    first = next(iter(sections), None)
    if first is None:
        later.reflection = Reflection("free", {"text": sentence})
    else:
        sections[first] = f"{sentence} {sections[first]}".strip()
    for key in ("metacommunication", "own_contribution"):
        if key not in later.strategies:
            later.strategies = (*later.strategies, key)


def _modality(roll: float, home: Modality, away: Modality) -> Modality:
    """Mostly the client's usual setting, sometimes the other, now and then a call."""
    if roll < 0.85:
        return home
    return away if roll < 0.97 else Modality.PHONE


def _unique_code(rng: random.Random, index: int, names: list[str], taken: set[str]) -> str:
    """A varied pseudonymous code, unique ignoring case however many clients there are."""
    name = names[index % len(names)]
    style = _CODE_STYLES[index % len(_CODE_STYLES)]
    code = style(rng, name)
    serial = 1
    while code_key(code) in taken:
        serial += 1
        code = f"{name} {serial:03d}"
    taken.add(code_key(code))
    return code


def generate(
    clients: int = 12,
    sessions: int = 24,
    seed: int = 0,
    today: date | None = None,
) -> DemoData:
    """A caseload of ``clients`` clients with ``sessions`` weekly sessions each,
    the last one on or a few days before ``today``; the same seed gives the same data."""
    if clients < 0 or sessions < 1:
        raise ValueError("need zero or more clients and at least one session each")
    today = today or date.today()
    rng = random.Random(seed)
    picks = random.Random(_PICKS_STREAM.format(seed=seed))
    names = list(_NAMES)
    rng.shuffle(names)
    taken: set[str] = set()
    out = DemoData(clients=[], sessions=[])
    for i in range(clients):
        archetype = ARCHETYPES[i % len(ARCHETYPES)]
        themes = tuple(rng.sample(_THEME_KEYS, rng.choice((2, 2, 3))))
        role = i % 12
        start, end = _DETERIORATING if role == _ROLE_DETERIORATES else _OUTCOME_PATHS[archetype]
        shift = rng.uniform(-2.5, 2.5)
        if role == _ROLE_FINISHED:
            end_before = rng.randint(28, 49)
        elif role == _ROLE_LEVELLED_OFF:
            end_before = rng.randint(56, 84)
        elif role == _ROLE_DROPPED_OUT:
            end_before = rng.randint(100, 150)
        else:
            end_before = rng.choice((0, 0, 1, 2, 3, 4))
        plan = _Plan(
            archetype=archetype,
            level=rng.uniform(-0.5, 0.5),
            rupture_at=max(1, min(sessions - 2, round(sessions * rng.uniform(0.4, 0.55))))
            if archetype == Archetype.RUPTURE_DIP
            else -1,
            themes=themes,
            role=role,
            outcome=(start + shift, end + shift),
            end_before=end_before,
            fortnightly=i % 4 == 3,
        )
        code = _unique_code(rng, i, names, taken)
        client_sessions = _client_sessions(rng, plan, sessions, today, picks)
        goals = " and ".join(_THEMES[t][1] for t in themes[:2])
        # In every dozen: one finished, one levelled off and ended, one dropped out.
        closed = role in (_ROLE_FINISHED, _ROLE_LEVELLED_OFF, _ROLE_DROPPED_OUT)
        client = Client(
            code=code,
            status=ClientStatus.CLOSED if closed else ClientStatus.ACTIVE,
            start_date=client_sessions[0].date,
            goals=goals[0].upper() + goals[1:] + ".",
        )
        out.clients.append(client)
        out.archetypes[code] = archetype
        out.sessions += [(code, s) for s in client_sessions]
    return out


__all__ = ["ARCHETYPES", "PLANTED_EFFECT", "PLANTED_STRATEGY", "Archetype", "DemoData", "generate"]
