"""From an alert to strategies worth trying, with how they have gone for you before.

The mapping follows the catalogue's groups: the problem an alert points at is the
problem a group of strategies answers. Every sentence is hedged ("may help", "can
mean many things"): an alert is a prompt, the records show associations, and the
therapist knows the client. Each suggestion names the idea it comes from in a word
(``Autonomy``, ``Small wins``) and no two suggestions for one alert share a sentence:
the alert's own lead sentence comes once, with the first suggestion.

The therapist's own past uses come along (a repair strategy ticked inside a rupture
counts as a use, as everywhere), with the estimate that allows for regression to the
mean when there are enough uses, so a suggestion is weighed against experience, not
against a promise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.i18n import N_, _, format_signed
from alliance_desktop.insights.alerts import CLIENT_HIGHER, Alert, AlertKind

if TYPE_CHECKING:
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate

#: Shown where a list of alerts is empty: the rules found nothing, which is not a verdict.
#: Marked for translation; shown through ``_()`` (or the GUI's translator).
NO_ALERTS = N_("No alerts under your current rules.")
NO_CLIENT_ALERTS = N_("No recent alerts for this client under your current rules.")

# One hedged lead per alert (kind, dimension or direction); it opens the first suggestion.
_LEAD: dict[tuple[AlertKind, str | None], str] = {
    (AlertKind.DROP, "trust"): (
        N_("A dip in trust can mean many things; making it safer to speak may help.")
    ),
    (AlertKind.DROP, "engagement"): (
        N_("A dip in engagement can mean many things; a lighter, clearer next step may help.")
    ),
    (AlertKind.DROP, "goal_alignment"): (
        N_("A dip in goal alignment can mean the goals have drifted from the client's own.")
    ),
    (AlertKind.DROP, "approach_fit"): (
        N_("A dip in approach fit can mean the method no longer feels right to the client.")
    ),
    (AlertKind.DROP, "client_rating"): (
        N_("A fall in the client's own rating can mean many things; asking about it may help.")
    ),
    (AlertKind.LOW_RATING, "goal_alignment"): (
        N_("Low goal alignment can mean you and the client want different things from the work.")
    ),
    (AlertKind.LOW_RATING, "approach_fit"): (
        N_("Low approach fit can mean the way of working does not suit the client yet.")
    ),
    (AlertKind.ENGAGEMENT_FALLING, None): (
        N_(
            "A steady slide in engagement can mean many things, among them work that feels "
            "too big or too vague."
        )
    ),
    (AlertKind.OPEN_RUPTURE, None): (
        N_("A strain left unspoken may grow; coming back to it together may help.")
    ),
    (AlertKind.LOW_CLIENT_RATING, None): (
        N_(
            "A low rating from the client can mean many things; asking about it shows you want to know."
        )
    ),
    (AlertKind.PERSPECTIVE_GAP, None): (
        N_("You and the client may see the relationship differently; talking about it may help.")
    ),
    (AlertKind.PERSPECTIVE_GAP, CLIENT_HIGHER): (
        N_(
            "The client may value the work more than your ratings say, or find critical "
            "feedback hard to give; either can be worth a gentle question."
        )
    ),
    (AlertKind.OUTCOME_DETERIORATION, None): (
        N_(
            "A reliable fall in the outcome measure can mean many things, in therapy or outside "
            "it; reviewing it together may help."
        )
    ),
    (AlertKind.NOT_SEEN, None): (
        N_("A long gap can mean many things; a short check-in may help if your setting allows.")
    ),
}

# For each built-in strategy: the idea it comes from, in a word, and one hedged sentence.
_IDEA: dict[str, tuple[str, str]] = {
    "normalize": (N_("Social norms"), N_("Hearing that many people feel this way may make it "
                  "easier to say.")),
    "validate": (N_("Validation"), N_("Showing that the client's feelings make sense from where "
                 "they stand may ease the fear of being judged.")),
    "transparency": (N_("Uncertainty"), N_("Saying what happens next and why may make the work "
                     "feel less risky.")),
    "collaborative_goals": (N_("Ownership"), N_("Goals put in the client's own words may feel "
                            "more like theirs.")),
    "progress_review": (N_("Goal-gradient"), N_("Seeing how far they have come may help some "
                        "clients keep going.")),
    "offer_choice": (N_("Autonomy"), N_("Real choices about what to work on and how may ease a "
                     "sense of being pushed.")),
    "rationale": (N_("Expectations"), N_("Knowing why a task should help may make it easier to "
                  "try.")),
    "adapt_approach": (N_("Fit"), N_("Shaping the task to what the client finds useful may help "
                       "when the method feels foreign.")),
    "small_steps": (N_("Small wins"), N_("A first step small enough to feel easy may help when the "
                    "work feels too big.")),
    "implementation_intention": (N_("If-then plans"), N_("Agreeing when, where and how may help a "
                                 "next step actually happen.")),
    "strong_ending": (N_("Peak-end"), N_("A deliberate, warm close may colour how the session is "
                      "remembered.")),
    "invite_feedback": (N_("Feedback"), N_("Asking how the session felt may bring out what is not "
                        "being said.")),
    "metacommunication": (N_("Metacommunication"), N_("Wondering aloud about what is happening "
                          "between you may open the strain up for talk.")),
    "own_contribution": (N_("Accountability"), N_("Acknowledging your own part may make it "
                         "safer for the client to name theirs.")),
    "clarify_misunderstanding": (N_("Clarity"), N_("Checking what was heard and meant may put "
                                 "right something that was missed.")),
    "change_task": (N_("Flexibility"), N_("Shifting the task in response to the strain, rather "
                    "than pushing on, may ease it.")),
}  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    """A strategy that answers an alert, why, and your past uses of it (if any).

    ``why`` is the idea in a word and a hedged sentence (the first suggestion of an
    alert opens with the alert's lead); ``estimate`` is what followed the strategy on
    ``dimension`` beyond regression to the mean, when computed.
    """

    strategy: str
    why: str
    dimension: str  # which change to the next session matters for this alert
    idea: str = ""
    estimate: StrategyEstimate | None = None

    @property
    def n(self) -> int:
        """How many times you used it (with a next session rated); 0 without an estimate."""
        return self.estimate.uses if self.estimate is not None else 0

    @property
    def past_text(self) -> str:
        """One hedged line on your own past uses of this strategy."""
        e = self.estimate
        if e is None or e.uses == 0:
            return _("You have no recorded uses of it yet.")
        from alliance_desktop.insights.strategy_estimates import uses_text

        counts = uses_text(e.uses, e.clients)
        if not e.shown or e.estimate is None or e.ci_low is None or e.ci_high is None:
            return _("Not enough of your own uses yet to say what followed it ({counts}).").format(
                counts=counts
            )
        return _(
            "In your records, {dimension} changed by {estimate} to the next session beyond "
            "what regression to the mean predicts (95% interval {low} to {high}; {counts}): "
            "an association, not proof."
        ).format(
            dimension=_(_DIMENSION_WORD.get(e.dimension, e.dimension)),
            estimate=format_signed(e.estimate, 1),
            low=format_signed(e.ci_low, 1),
            high=format_signed(e.ci_high, 1),
            counts=counts,
        )


#: A dimension inside a sentence ("trust changed by +0.8").
_DIMENSION_WORD = {
    "trust": N_("trust"),
    "engagement": N_("engagement"),
    "goal_alignment": N_("goal alignment"),
    "approach_fit": N_("approach fit"),
}


def _by_group(catalogue: Mapping[str, Strategy], group: str) -> list[str]:
    return [key for key, s in catalogue.items() if s.group == group]


def _keys(catalogue: Mapping[str, Strategy], *keys: str) -> list[str]:
    return [k for k in keys if k in catalogue]


_GROUP_OF = {"trust": "trust", "engagement": "engagement", "goal_alignment": "goals",
             "approach_fit": "fit"}  # fmt: skip


def strategies_for(alert: Alert, catalogue: Mapping[str, Strategy]) -> list[str]:
    """The catalogue keys that answer this alert, in catalogue order."""
    kind, dim = alert.kind, alert.dimension
    if kind in (AlertKind.DROP, AlertKind.LOW_RATING) and dim in _GROUP_OF:
        return _by_group(catalogue, _GROUP_OF[dim])
    if kind == AlertKind.DROP:  # the client's own rating
        return _keys(catalogue, "invite_feedback", "metacommunication")
    if kind == AlertKind.ENGAGEMENT_FALLING:
        return _by_group(catalogue, "engagement")
    if kind == AlertKind.OPEN_RUPTURE:
        return _by_group(catalogue, "repair")
    if kind == AlertKind.PERSPECTIVE_GAP:
        return _keys(catalogue, "invite_feedback", "metacommunication")
    if kind == AlertKind.LOW_CLIENT_RATING:
        return _keys(catalogue, "invite_feedback")
    if kind == AlertKind.OUTCOME_DETERIORATION:
        return _keys(catalogue, "progress_review", "collaborative_goals", "invite_feedback")
    return []


def lead_for(alert: Alert) -> str:
    """The alert's hedged lead sentence ("" when there is none)."""
    lead = (
        _LEAD.get((alert.kind, alert.direction))
        or _LEAD.get((alert.kind, alert.dimension))
        or _LEAD.get((alert.kind, None), "")
    )
    return _(lead) if lead else ""


def idea_of(key: str, strategy: Strategy | None) -> tuple[str, str]:
    """The idea behind a strategy in a word, and one hedged sentence about it."""
    if key in _IDEA:
        idea, sentence = _IDEA[key]
        return _(idea), _(sentence)
    help_text = strategy.help.strip() if strategy is not None else ""
    return _("Your own"), help_text or _("A strategy from your own catalogue.")


def suggestions_for(
    alert: Alert,
    catalogue: Mapping[str, Strategy],
    estimates: Iterable[StrategyEstimate] = (),
) -> list[Suggestion]:
    """Strategies that answer ``alert``, each with a reason and your own track record."""
    dimension = alert.dimension if alert.dimension in ("trust", "engagement") else "trust"
    found = {(e.strategy, e.dimension): e for e in estimates}
    lead = lead_for(alert)
    out: list[Suggestion] = []
    said: set[str] = {lead}
    for key in strategies_for(alert, catalogue):
        idea, sentence = idea_of(key, catalogue.get(key))
        if sentence in said:  # two custom strategies with the same help text
            sentence = ""
        said.add(sentence)
        why = _("{idea}: {sentence}").format(idea=idea, sentence=sentence) if sentence else idea
        if not out and lead:
            why = f"{lead} {why}"
        out.append(Suggestion(key, why, dimension, idea, found.get((key, dimension))))
    return out
