"""The built-in strategy catalogue: stable keys, with labels and help in our own words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance_desktop.i18n import N_, _


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

    @property
    def shown_label(self) -> str:
        """The label to show: a built-in's in the current language, the user's as typed."""
        return _(self.label) if self.builtin else self.label

    @property
    def shown_help(self) -> str:
        return _(self.help) if self.builtin else self.help


GROUPS: tuple[StrategyGroup, ...] = (
    StrategyGroup(
        "trust",
        N_("Trust and fear of judgement"),
        N_("The client holds back, wary of being judged."),
    ),
    StrategyGroup(
        "goals", N_("Goal alignment"), N_("The goals feel like mine rather than the client's.")
    ),
    StrategyGroup(
        "fit", N_("Fit with the approach"), N_("The client is unsure the way we work suits them.")
    ),
    StrategyGroup(
        "engagement", N_("Engagement between sessions"), N_("Between-session work slips or fades.")
    ),
    StrategyGroup(
        "repair", N_("Feedback and repair"), N_("Something strained between us, said or unsaid.")
    ),
    StrategyGroup("custom", N_("My own strategies"), N_("Strategies I added myself.")),
)
GROUP_KEYS = tuple(g.key for g in GROUPS)

BUILTIN: tuple[Strategy, ...] = (
    Strategy("normalize", N_("Normalise"), "trust",
             N_("Frame what the client shares as something many people experience, so it feels "
             "less shameful to say.")),
    Strategy("validate", N_("Validate"), "trust",
             N_("Reflect back that the client's feelings make sense from where they stand.")),
    Strategy("transparency", N_("Explain the process"), "trust",
             N_("Say what we will do and why, so the unknown feels less risky.")),
    Strategy("collaborative_goals", N_("Set goals together"), "goals",
             N_("Agree or revisit goals in the client's own words rather than mine.")),
    Strategy("progress_review", N_("Make progress visible"), "goals",
             N_("Look back at how far we have come; nearness to a goal fuels effort.")),
    Strategy("offer_choice", N_("Offer choices"), "goals",
             N_("Give real options about what to work on and how, to protect autonomy.")),
    Strategy("rationale", N_("Give a rationale"), "fit",
             N_("Explain why a task should help before asking the client to try it.")),
    Strategy("adapt_approach", N_("Adapt the approach"), "fit",
             N_("Tailor the task or method to what the client prefers and finds useful.")),
    Strategy("small_steps", N_("Small steps"), "engagement",
             N_("Break homework into a first step small enough to feel easy.")),
    Strategy("implementation_intention", N_("If-then plan"), "engagement",
             N_("Plan together when, where and how the next step will happen.")),
    Strategy("strong_ending", N_("Close well"), "engagement",
             N_("End with a short summary and a good moment; endings colour memory.")),
    Strategy("invite_feedback", N_("Invite feedback"), "repair",
             N_("Ask how the session and our working relationship felt today.")),
    Strategy("metacommunication", N_("Talk about us"), "repair",
             N_("Name what seems to be happening between us, with curiosity.")),
    Strategy("own_contribution", N_("Own my part"), "repair",
             N_("Acknowledge how I may have added to the strain.")),
    Strategy("clarify_misunderstanding", N_("Clarify a misunderstanding"), "repair",
             N_("Check what was heard and meant, and put right what was missed.")),
    Strategy("change_task", N_("Change the task"), "repair",
             N_("Shift the task or goal in response to the strain rather than pushing on.")),
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
