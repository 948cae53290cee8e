"""Reflection templates as data: each a list of prompts the editor shows as sections.

The prompts follow the shape of published reflection models (Gibbs; the seven-eyed
supervision model) in wording written for this product.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from alliance_desktop.i18n import N_


@dataclass(frozen=True)
class Section:
    """One prompt of a template. ``example`` is a short model answer a trainee can ask
    to see; it defaults to empty so older callers that build sections still work."""

    key: str
    prompt: str
    hint: str
    example: str = ""


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    description: str
    sections: tuple[Section, ...]

    def section_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sections)


TEMPLATES: tuple[Template, ...] = (
    Template("free", N_("Free writing"), N_("One open space for whatever stays with you."), (
        Section("text", N_("Reflection"), N_("Write what stays with you from this session.")),
    )),
    Template("quick", N_("Quick"), N_("Three short prompts for the minutes between clients."), (
        Section("between_us", N_("What happened between us"),
                N_("A moment where the connection shifted, warmed or cooled.")),
        Section("felt", N_("What I felt"), N_("Name the feeling, even if it surprises you.")),
        Section("next", N_("What I will try next"), N_("One concrete thing for the next session.")),
    )),
    Template("gibbs", N_("Gibbs cycle"), N_("Six stages from description to an action plan."), (
        Section("description", N_("Description"), N_("What happened, plainly, without judging it yet.")),
        Section("feelings", N_("Feelings"), N_("What were you feeling and thinking at the time?")),
        Section("evaluation", N_("Evaluation"), N_("What went well, and what did not?")),
        Section("analysis", N_("Analysis"), N_("What sense can you make of it? What might explain it?")),
        Section("conclusion", N_("Conclusion"), N_("What else could you have done?")),
        Section("action_plan", N_("Action plan"), N_("If it happened again, what would you do?")),
    )),
    Template("rupture", N_("Rupture"), N_("Work through a strain in the relationship."), (
        Section("marker", N_("The marker I noticed"), N_("What did the client say or do that signalled it?")),
        Section("response", N_("My response"), N_("What did you do in the moment, and how did it land?")),
        Section("helped", N_("What helped"), N_("What eased the strain, or what might next time?")),
    )),
    Template("supervision", N_("For supervision"), N_("Prepare what to bring, through several lenses."), (
        Section("bring", N_("What I want to bring"), N_("The question or moment you want help with.")),
        Section("client", N_("The client's story"), N_("What the client brought and how they told it.")),
        Section("interventions", N_("What I did"), N_("The choices you made and why.")),
        Section("relationship", N_("The relationship"), N_("What was happening between the two of you.")),
        Section("my_process", N_("My own process"), N_("What was stirred in you; what it may tell you.")),
        Section("context", N_("The wider context"), N_("Family, culture, services, the setting of the work.")),
    )),
)  # fmt: skip

# Model answers a trainee can ask to see, one per section: invented moments with
# invented clients, written for this product. Kept apart from the prompts so the
# table above stays readable; ``_with_examples`` joins them.
_EXAMPLES: dict[tuple[str, str], str] = {
    ("free", "text"): (
        N_(
            "She arrived late and apologised twice. I noticed I rushed to reassure her, and "
            "we never got to the letter she had meant to bring. I felt a small relief when "
            "the hour ended, which I want to understand before next week."
        )
    ),
    ("quick", "between_us"): (
        N_(
            "When I asked about his week he laughed and changed the subject; after I said I "
            "was not keeping score, he leaned forward and told me about the argument."
        )
    ),
    ("quick", "felt"): (
        N_(
            "Protective at first, then a flash of irritation when she dismissed the exercise, "
            "and under that some worry that I had pushed too soon."
        )
    ),
    ("quick", "next"): (
        N_(
            "Next time I will open by asking what she wants from the first ten minutes, and "
            "check in about the exercise before suggesting another."
        )
    ),
    ("gibbs", "description"): (
        N_(
            "Twenty minutes in, I suggested we look at the diary. He said it was pointless "
            "and stared at the window for the rest of the session."
        )
    ),
    ("gibbs", "feelings"): (
        N_(
            "I felt deflated and a little anxious; I thought I had misread how ready he was "
            "for structured work."
        )
    ),
    ("gibbs", "evaluation"): (
        N_(
            "The opening went well: he talked freely about his sister. The switch to the "
            "diary felt abrupt, and I did not ask how the idea landed."
        )
    ),
    ("gibbs", "analysis"): (
        N_(
            "Perhaps the diary felt like school, where he was often told he had failed. I led "
            "with my plan rather than his agenda, because I was worried about progress."
        )
    ),
    ("gibbs", "conclusion"): (
        N_(
            "I could have offered the diary as one option among several, or named the change "
            "in the room when he went quiet."
        )
    ),
    ("gibbs", "action_plan"): (
        N_(
            "I will begin by asking how last week's session left him, own that I moved "
            "quickly, and let him choose whether we return to the diary."
        )
    ),
    ("rupture", "marker"): (
        N_(
            "Short answers after I mentioned homework, then a long story about a neighbour "
            "that went nowhere near what we had agreed to discuss."
        )
    ),
    ("rupture", "response"): (
        N_(
            "I followed the story for a while, then said I had noticed a shift when homework "
            "came up; she shrugged, but her shoulders dropped a little."
        )
    ),
    ("rupture", "helped"): (
        N_(
            "Saying aloud that the task might have felt like a test seemed to ease things. "
            "Next time I will ask sooner and offer to change the task."
        )
    ),
    ("supervision", "bring"): (
        N_(
            "How to respond when a client agrees with everything I suggest and then does none of it."
        )
    ),
    ("supervision", "client"): (
        N_(
            "He describes his life in neat summaries, always cheerful, and moves on quickly "
            "whenever his father comes up."
        )
    ),
    ("supervision", "interventions"): (
        N_(
            "I have mostly followed his lead and offered small tasks, choosing gentleness "
            "because he seemed easily shamed."
        )
    ),
    ("supervision", "relationship"): (
        N_(
            "Friendly but polite, as if we are both on our best behaviour; I rarely feel "
            "surprised in the room."
        )
    ),
    ("supervision", "my_process"): (
        N_(
            "I notice I avoid challenging him, which echoes how I was with my own father; I "
            "may be protecting myself as much as him."
        )
    ),
    ("supervision", "context"): (
        N_(
            "He is the first in his family to seek therapy, and his employer pays for the "
            "sessions, which may make honesty feel risky."
        )
    ),
}


def _with_examples(templates: tuple[Template, ...]) -> tuple[Template, ...]:
    return tuple(
        replace(
            t,
            sections=tuple(
                replace(s, example=_EXAMPLES.get((t.key, s.key), s.example)) for s in t.sections
            ),
        )
        for t in templates
    )


TEMPLATES = _with_examples(TEMPLATES)
TEMPLATES_BY_KEY: dict[str, Template] = {t.key: t for t in TEMPLATES}
DEFAULT_TEMPLATE = "free"


def template(key: str) -> Template:
    return TEMPLATES_BY_KEY[key]
