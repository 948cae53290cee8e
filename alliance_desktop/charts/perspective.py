"""Two views of the same relationship: the therapist's ratings and the client's.

The therapist's mean of the four dimensions is put on the client-rating scale
(mean / 10 x maximum) and drawn beside the client's own number. Where the
therapist's line sits well above the client's, the therapist may be seeing a
better relationship than the client feels; that band is shaded. For one client
each session is a point; for several clients, each month's means are.

gids: ``therapist``, ``client`` (lines), ``gap`` (the shaded band where the
therapist's view exceeds the client's), ``threshold`` (the concern line).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from alliance_desktop.charts._common import (
    KeyEntry,
    add_title,
    date_axis,
    days,
    inch_axes,
    key_row,
    new_figure,
    show_message,
    style_axes,
    themed,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.domain.models import Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.practice import perspective_series


def perspective_gap(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    *,
    theme: Theme = LIGHT,
    monthly: bool | None = None,
    title: str | None = None,
) -> Figure:
    """Therapist's scaled mean vs the client's rating over time; monthly when several clients."""
    if monthly is None:
        monthly = len({s.client_id for s in sessions}) > 1
    points = perspective_series(sessions, scale, monthly=monthly)
    with themed(theme):
        fig = new_figure(theme, 9.0, 4.2)
        ax = inch_axes(fig, left=0.7, bottom=0.5, right=0.3, top=0.95)
        add_title(fig, title or ("Your view and your clients' view, by month" if monthly
                                 else "Your view and the client's view"))  # fmt: skip
        if len(points) < 2:
            show_message(ax, "Not enough to compare yet: this needs two sessions with both "
                             "your ratings and a client rating.", theme)  # fmt: skip
            return fig
        style_axes(ax, theme)
        xs = np.array(days([p.date for p in points]))
        mine = np.array([p.therapist for p in points])
        theirs = np.array([p.client for p in points])
        mine_style: dict[str, Any] = {
            "color": theme.trust,
            "linewidth": 2.0,
            "marker": "o",
            "markersize": 4,
        }
        theirs_style: dict[str, Any] = {"color": theme.client_rating, "linewidth": 1.6, "linestyle": "--",
                        "marker": "s", "markersize": 4}  # fmt: skip
        ax.fill_between(xs, theirs, mine, where=mine > theirs, interpolate=True,
                        color=theme.alert, alpha=0.18, linewidth=0, gid="gap")  # fmt: skip
        ax.plot(xs, mine, gid="therapist", **mine_style)
        ax.plot(xs, theirs, gid="client", **theirs_style)
        threshold_style: dict[str, Any] = {
            "color": theme.alert,
            "linewidth": 1.0,
            "linestyle": "-.",
        }
        ax.axhline(scale.threshold, gid="threshold", zorder=1, **threshold_style)
        ax.set_ylim(0, scale.maximum * 1.04)
        ax.set_ylabel(f"On the client's scale (0–{scale.maximum:g})")
        pad = max(3.0, float(xs[-1] - xs[0]) * 0.02)
        ax.set_xlim(xs[0] - pad, xs[-1] + pad)
        date_axis(ax)
        key_row(fig, [
            KeyEntry((mine_style,), "Your ratings, scaled" + (" (monthly mean)" if monthly else "")),
            KeyEntry((theirs_style,), "Client's rating" + (" (monthly mean)" if monthly else "")),
            KeyEntry(({"linestyle": "none", "marker": "s", "markersize": 9, "color": theme.alert,
                       "alpha": 0.3},), "You see it as better"),
            KeyEntry((threshold_style,), f"Concern threshold ({scale.threshold:g})"),
        ], left=0.68, top=0.62)  # fmt: skip
        return fig
