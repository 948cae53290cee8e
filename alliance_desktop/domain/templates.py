"""Reflection templates as data: each a list of prompts the editor shows as sections.

The prompts follow the shape of published reflection models (Gibbs; the seven-eyed
supervision model) in wording written for this product.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


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
    Template("free", "Free writing", "One open space for whatever stays with you.", (
        Section("text", "Reflection", "Write what stays with you from this session."),
    )),
    Template("quick", "Quick", "Three short prompts for the minutes between clients.", (
        Section("between_us", "What happened between us",
                "A moment where the connection shifted, warmed or cooled."),
        Section("felt", "What I felt", "Name the feeling, even if it surprises you."),
        Section("next", "What I will try next", "One concrete thing for the next session."),
    )),
    Template("gibbs", "Gibbs cycle", "Six stages from description to an action plan.", (
        Section("description", "Description", "What happened, plainly, without judging it yet."),
        Section("feelings", "Feelings", "What were you feeling and thinking at the time?"),
        Section("evaluation", "Evaluation", "What went well, and what did not?"),
        Section("analysis", "Analysis", "What sense can you make of it? What might explain it?"),
        Section("conclusion", "Conclusion", "What else could you have done?"),
        Section("action_plan", "Action plan", "If it happened again, what would you do?"),
    )),
    Template("rupture", "Rupture", "Work through a strain in the relationship.", (
        Section("marker", "The marker I noticed", "What did the client say or do that signalled it?"),
        Section("response", "My response", "What did you do in the moment, and how did it land?"),
        Section("helped", "What helped", "What eased the strain, or what might next time?"),
    )),
    Template("supervision", "For supervision", "Prepare what to bring, through several lenses.", (
        Section("bring", "What I want to bring", "The question or moment you want help with."),
        Section("client", "The client's story", "What the client brought and how they told it."),
        Section("interventions", "What I did", "The choices you made and why."),
        Section("relationship", "The relationship", "What was happening between the two of you."),
        Section("my_process", "My own process", "What was stirred in you; what it may tell you."),
        Section("context", "The wider context", "Family, culture, services, the setting of the work."),
    )),
)  # fmt: skip

# Model answers a trainee can ask to see, one per section: invented moments with
# invented clients, written for this product. Kept apart from the prompts so the
# table above stays readable; ``_with_examples`` joins them.
_EXAMPLES: dict[tuple[str, str], str] = {
    ("free", "text"): (
        "She arrived late and apologised twice. I noticed I rushed to reassure her, and "
        "we never got to the letter she had meant to bring. I felt a small relief when "
        "the hour ended, which I want to understand before next week."
    ),
    ("quick", "between_us"): (
        "When I asked about his week he laughed and changed the subject; after I said I "
        "was not keeping score, he leaned forward and told me about the argument."
    ),
    ("quick", "felt"): (
        "Protective at first, then a flash of irritation when she dismissed the exercise, "
        "and under that some worry that I had pushed too soon."
    ),
    ("quick", "next"): (
        "Next time I will open by asking what she wants from the first ten minutes, and "
        "check in about the exercise before suggesting another."
    ),
    ("gibbs", "description"): (
        "Twenty minutes in, I suggested we look at the diary. He said it was pointless "
        "and stared at the window for the rest of the session."
    ),
    ("gibbs", "feelings"): (
        "I felt deflated and a little anxious; I thought I had misread how ready he was "
        "for structured work."
    ),
    ("gibbs", "evaluation"): (
        "The opening went well: he talked freely about his sister. The switch to the "
        "diary felt abrupt, and I did not ask how the idea landed."
    ),
    ("gibbs", "analysis"): (
        "Perhaps the diary felt like school, where he was often told he had failed. I led "
        "with my plan rather than his agenda, because I was worried about progress."
    ),
    ("gibbs", "conclusion"): (
        "I could have offered the diary as one option among several, or named the change "
        "in the room when he went quiet."
    ),
    ("gibbs", "action_plan"): (
        "I will begin by asking how last week's session left him, own that I moved "
        "quickly, and let him choose whether we return to the diary."
    ),
    ("rupture", "marker"): (
        "Short answers after I mentioned homework, then a long story about a neighbour "
        "that went nowhere near what we had agreed to discuss."
    ),
    ("rupture", "response"): (
        "I followed the story for a while, then said I had noticed a shift when homework "
        "came up; she shrugged, but her shoulders dropped a little."
    ),
    ("rupture", "helped"): (
        "Saying aloud that the task might have felt like a test seemed to ease things. "
        "Next time I will ask sooner and offer to change the task."
    ),
    ("supervision", "bring"): (
        "How to respond when a client agrees with everything I suggest and then does none of it."
    ),
    ("supervision", "client"): (
        "He describes his life in neat summaries, always cheerful, and moves on quickly "
        "whenever his father comes up."
    ),
    ("supervision", "interventions"): (
        "I have mostly followed his lead and offered small tasks, choosing gentleness "
        "because he seemed easily shamed."
    ),
    ("supervision", "relationship"): (
        "Friendly but polite, as if we are both on our best behaviour; I rarely feel "
        "surprised in the room."
    ),
    ("supervision", "my_process"): (
        "I notice I avoid challenging him, which echoes how I was with my own father; I "
        "may be protecting myself as much as him."
    ),
    ("supervision", "context"): (
        "He is the first in his family to seek therapy, and his employer pays for the "
        "sessions, which may make honesty feel risky."
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
