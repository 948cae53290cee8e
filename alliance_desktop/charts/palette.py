"""The colours the app's surfaces and the charts share, as plain constants.

``charts.theme`` builds its themes from these; the GUI's palette reads the three
surface colours of each scheme from here, before the unlock window shows, without
loading the themes (or ``dataclasses``). Import nothing here.
"""

from __future__ import annotations

OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}

#: Per scheme: the window colour (a figure's background), the base colour (an axes'
#: background) and the text colour.
SURFACES: dict[str, dict[str, str]] = {
    "light": {"window": "#f5f6f7", "surface": "#ffffff", "text": "#1d2329"},
    "dark": {"window": "#1f2226", "surface": "#262a2f", "text": "#e6e8eb"},
}
