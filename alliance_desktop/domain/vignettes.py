"""Practice vignettes: invented clients a trainee can reflect on without real notes.

Every scene is fiction written for this product. Each illustrates one alliance issue
from the domain brief and suggests the reflection template that suits it, so a
trainee can practise the vocabulary of alliance and rupture before (or beside) a
placement. Keys are stable: a practice client in the vault remembers its vignette.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.i18n import N_, _


@dataclass(frozen=True)
class Vignette:
    key: str
    title: str
    scene: str  # a short moment to "see" before writing
    issue: str  # the alliance issue it illustrates
    template: str  # suggested reflection template key

    @property
    def shown_title(self) -> str:
        """The title, scene and issue in the current language (``code`` stays English:
        it is stored as the practice client's code)."""
        return _(self.title)

    @property
    def shown_scene(self) -> str:
        return _(self.scene)

    @property
    def shown_issue(self) -> str:
        return _(self.issue)

    @property
    def code(self) -> str:
        """The client code a practice client made from this vignette gets."""
        return f"Practice: {self.title}"


VIGNETTES: tuple[Vignette, ...] = (
    Vignette(
        "quiet_after_homework",
        N_("The quiet after homework"),
        N_(
            "Mara, 34, has talked easily for three sessions. Today you ask how the sleep "
            "diary went. She says 'fine', looks at her hands, and for the rest of the hour "
            "answers in single words while insisting nothing is wrong."
        ),
        N_("A withdrawal rupture: minimal responses and denial after a task felt like a test."),
        "rupture",
    ),
    Vignette(
        "this_is_not_working",
        N_("This is not working"),
        N_(
            "Theo, 51, arrives early and starts before he sits down: six weeks in, he says, "
            "and he is no better; the breathing exercises are for children and he wants to "
            "know what you actually plan to do."
        ),
        N_(
            "A confrontation rupture: complaints about progress and the activities, and "
            "pressure on the therapist."
        ),
        "rupture",
    ),
    Vignette(
        "different_destinations",
        N_("Different destinations"),
        N_(
            "Priya, 27, came for help with panic on the train. Each week she spends most of "
            "the hour on her flatmate's plans to move out, and looks puzzled when you steer "
            "back to the panic plan you wrote together in week one."
        ),
        N_("Goal misalignment: the agreed goal may be yours more than hers now."),
        "gibbs",
    ),
    Vignette(
        "saying_it_out_loud",
        N_("Saying it out loud"),
        N_(
            "Jonah, 19, starts a sentence about what happened at the party three times and "
            "stops each time. 'You will think I am disgusting,' he says, and laughs too loudly."
        ),
        N_("Fear of being judged: he holds back to protect himself from your reaction."),
        "quick",
    ),
    Vignette(
        "what_is_the_point_of_talking",
        N_("What is the point of talking"),
        N_(
            "Ilona, 45, was sent by her doctor. She asks politely what talking will change, "
            "says her family never discussed feelings, and wonders whether there is a test "
            "that would just tell her what is wrong."
        ),
        N_("Unsure about the approach: the method is unfamiliar and its rationale unclear."),
        "gibbs",
    ),
    Vignette(
        "steady_ground",
        N_("Steady ground"),
        N_(
            "Sam, 62, greets you warmly, disagrees with you openly about last week's idea, "
            "and then suggests a version of it that might suit them better. You leave the "
            "session feeling you worked on something together."
        ),
        N_("A strong alliance: open disagreement is safe, and the work is shared."),
        "quick",
    ),
    Vignette(
        "the_easy_yes",
        N_("The easy yes"),
        N_(
            "Dev, 38, agrees with every suggestion and thanks you warmly at the end of each "
            "session. None of the agreed steps has happened in a month, and each week he "
            "apologises for being a bad client."
        ),
        N_("Deferential withdrawal: appeasing agreement hides disagreement or low engagement."),
        "supervision",
    ),
    Vignette(
        "the_cancelled_fortnight",
        N_("The cancelled fortnight"),
        N_(
            "After you moved her session time, Rosa, 30, cancelled twice. Back today, she "
            "says the new time is fine, talks about work, and mentions in passing that "
            "people always change plans on her."
        ),
        N_("An unspoken strain about the parameters of therapy, linked to a wider pattern."),
        "rupture",
    ),
    Vignette(
        "two_views_of_one_hour",
        N_("Two views of one hour"),
        N_(
            "You felt the session with Ade, 41, went well: lots of insight, a clear plan. "
            "His rating form says otherwise, and he wrote 'felt rushed' in the margin."
        ),
        N_("A perspective gap: the therapist sees a better relationship than the client does."),
        "supervision",
    ),
)
VIGNETTES_BY_KEY: dict[str, Vignette] = {v.key: v for v in VIGNETTES}


def vignette(key: str) -> Vignette:
    return VIGNETTES_BY_KEY[key]
