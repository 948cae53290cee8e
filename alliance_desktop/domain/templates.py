"""Reflection templates as data: each a list of prompts the editor shows as sections.

The prompts follow the shape of published reflection models (Gibbs; the seven-eyed
supervision model) in wording written for this product.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    prompt: str
    hint: str


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
TEMPLATES_BY_KEY: dict[str, Template] = {t.key: t for t in TEMPLATES}
DEFAULT_TEMPLATE = "free"


def template(key: str) -> Template:
    return TEMPLATES_BY_KEY[key]
