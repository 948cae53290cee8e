"""The built-in strategy catalogue: stable keys, with labels and help in our own words."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class StrategyGroup:
    key: str
    label: str
    problem: str


@dataclass(frozen=True)
class Strategy:
    key: str
    label: str
    group: str
    help: str
    builtin: bool = True


GROUPS: tuple[StrategyGroup, ...] = (
    StrategyGroup(
        "trust", "Trust and fear of judgement", "The client holds back, wary of being judged."
    ),
    StrategyGroup("goals", "Goal alignment", "The goals feel like mine rather than the client's."),
    StrategyGroup(
        "fit", "Fit with the approach", "The client is unsure the way we work suits them."
    ),
    StrategyGroup(
        "engagement", "Engagement between sessions", "Between-session work slips or fades."
    ),
    StrategyGroup(
        "repair", "Feedback and repair", "Something strained between us, said or unsaid."
    ),
    StrategyGroup("custom", "My own strategies", "Strategies I added myself."),
)
GROUP_KEYS = tuple(g.key for g in GROUPS)

BUILTIN: tuple[Strategy, ...] = (
    Strategy("normalize", "Normalise", "trust",
             "Frame what the client shares as something many people experience, so it feels "
             "less shameful to say."),
    Strategy("validate", "Validate", "trust",
             "Reflect back that the client's feelings make sense from where they stand."),
    Strategy("transparency", "Explain the process", "trust",
             "Say what we will do and why, so the unknown feels less risky."),
    Strategy("collaborative_goals", "Set goals together", "goals",
             "Agree or revisit goals in the client's own words rather than mine."),
    Strategy("progress_review", "Make progress visible", "goals",
             "Look back at how far we have come; nearness to a goal fuels effort."),
    Strategy("offer_choice", "Offer choices", "goals",
             "Give real options about what to work on and how, to protect autonomy."),
    Strategy("rationale", "Give a rationale", "fit",
             "Explain why a task should help before asking the client to try it."),
    Strategy("adapt_approach", "Adapt the approach", "fit",
             "Tailor the task or method to what the client prefers and finds useful."),
    Strategy("small_steps", "Small steps", "engagement",
             "Break homework into a first step small enough to feel easy."),
    Strategy("implementation_intention", "If-then plan", "engagement",
             "Plan together when, where and how the next step will happen."),
    Strategy("strong_ending", "Close well", "engagement",
             "End with a short summary and a good moment; endings colour memory."),
    Strategy("invite_feedback", "Invite feedback", "repair",
             "Ask how the session and our working relationship felt today."),
    Strategy("metacommunication", "Talk about us", "repair",
             "Name what seems to be happening between us, with curiosity."),
    Strategy("own_contribution", "Own my part", "repair",
             "Acknowledge how I may have added to the strain."),
    Strategy("clarify_misunderstanding", "Clarify a misunderstanding", "repair",
             "Check what was heard and meant, and put right what was missed."),
    Strategy("change_task", "Change the task", "repair",
             "Shift the task or goal in response to the strain rather than pushing on."),
)  # fmt: skip
BUILTIN_BY_KEY: dict[str, Strategy] = {s.key: s for s in BUILTIN}

_CUSTOM_KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


def is_valid_custom_key(key: str) -> bool:
    """Custom keys are slugs that can never shadow a built-in meaning."""
    return bool(_CUSTOM_KEY.match(key)) and key not in BUILTIN_BY_KEY


def slugify(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_")
    if not slug or not slug[0].isalpha():
        slug = "s_" + slug
    return slug[:40]


def catalogue(custom: tuple[Strategy, ...] = ()) -> dict[str, Strategy]:
    """Built-ins first, then the user's own; a custom key never replaces a built-in."""
    merged = dict(BUILTIN_BY_KEY)
    for s in custom:
        merged.setdefault(s.key, s)
    return merged
