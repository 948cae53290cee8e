"""Chart colours for the app's light and dark themes.

Data colours come from the Okabe-Ito palette, which stays distinguishable for the
common colour-vision deficiencies; shapes and line styles carry meaning too, so no
reading depends on colour alone. This module does not import matplotlib: the GUI
can ask for a theme before any chart (and matplotlib) is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alliance_desktop.charts.palette import OKABE_ITO, SURFACES

if TYPE_CHECKING:  # types only: importing this module must not load matplotlib
    from matplotlib.typing import RcKeyType


@dataclass(frozen=True)
class Theme:
    """Surfaces, text and one colour per kind of data, for one of the app's themes."""

    name: str
    window: str  # figure background: the app's window colour
    surface: str  # axes background: the app's base colour
    text: str
    muted: str  # secondary text, ticks
    grid: str
    trust: str
    engagement: str
    goal_alignment: str
    approach_fit: str
    client_rating: str
    alert: str  # alerts, ruptures and the concern threshold
    resolved: str  # the resolved share in the rupture timeline
    bars: str  # neutral bars such as session counts
    outcome: str = "#882255"  # the client's outcome measure (its own panel)
    colormap: str = "cividis"  # sequential and readable with colour-vision deficiencies

    def colour(self, dimension: str) -> str:
        """The data colour for a rating dimension (or ``client_rating``)."""
        return getattr(self, dimension)

    def rc(self) -> dict[RcKeyType, Any]:
        """rcParams for ``matplotlib.rc_context`` while a chart is built; nothing global."""
        return {
            "figure.facecolor": self.window,
            "figure.edgecolor": self.window,
            "savefig.facecolor": self.window,
            "savefig.edgecolor": self.window,
            "axes.facecolor": self.surface,
            "axes.edgecolor": self.grid,
            "axes.labelcolor": self.text,
            "axes.titlecolor": self.text,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "axes.labelsize": 9,
            "axes.grid": False,
            "grid.color": self.grid,
            "grid.linewidth": 0.6,
            "xtick.color": self.muted,
            "ytick.color": self.muted,
            "xtick.labelcolor": self.text,
            "ytick.labelcolor": self.text,
            "xtick.labelsize": 8,
            "ytick.labelsize": 8,
            "text.color": self.text,
            "font.size": 9,
            "legend.fontsize": 8,
            "legend.frameon": False,
            "legend.labelcolor": self.text,
            "hatch.color": self.text,
            "svg.fonttype": "path",
        }


LIGHT = Theme(
    name="light",
    **SURFACES["light"],
    muted="#5b646e",
    grid="#d5d9de",
    trust=OKABE_ITO["blue"],
    engagement=OKABE_ITO["orange"],
    goal_alignment=OKABE_ITO["green"],
    approach_fit=OKABE_ITO["purple"],
    client_rating=OKABE_ITO["black"],
    alert=OKABE_ITO["vermillion"],
    resolved=OKABE_ITO["green"],
    bars="#c9ced4",
)

DARK = Theme(
    name="dark",
    **SURFACES["dark"],
    muted="#a4abb3",
    grid="#3d434a",
    # Okabe-Ito's dark blue is too dim on a dark surface; its sky blue reads well.
    trust=OKABE_ITO["sky_blue"],
    engagement=OKABE_ITO["orange"],
    goal_alignment=OKABE_ITO["green"],
    approach_fit=OKABE_ITO["purple"],
    client_rating="#e6e8eb",  # Okabe-Ito's black, inverted for the dark surface
    alert=OKABE_ITO["vermillion"],
    resolved=OKABE_ITO["yellow"],
    bars="#4a5058",
    outcome="#EE99AA",  # a light rose that reads on the dark surface
)

THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}


def theme_for(name: str) -> Theme:
    """``"light"`` or ``"dark"``; anything else is a programming error."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown chart theme {name!r}; use 'light' or 'dark'") from None
