"""Practice-wide charts by month: alliance ratings and the ruptures behind them.

gids (practice trend): lines ``trust`` and ``engagement``, bars ``sessions`` (one
patch each, on the secondary axis). gids (rupture timeline): bars
``withdrawal`` and ``confrontation`` (stacked; confrontation is hatched so the
two differ without colour) and the line ``resolved-share`` (0-100 %, secondary axis).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from alliance_desktop.charts._common import (
    KeyEntry,
    add_title,
    date_axis,
    days,
    inch_axes,
    integer_ticks,
    key_row,
    new_figure,
    show_message,
    style_axes,
    themed,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.insights.practice import MonthPoint, RuptureMonth

_BAR_DAYS = 20  # a month's bar, in days on the date axis


def practice_trend(
    months: Sequence[MonthPoint],
    *,
    theme: Theme = LIGHT,
    title: str = "Practice: alliance by month",
) -> Figure:
    """Monthly mean trust and engagement across all clients, over the number of sessions."""
    with themed(theme):
        fig = new_figure(theme, 9.0, 4.2)
        ax = inch_axes(fig, left=0.7, bottom=0.5, right=0.75, top=0.95)
        add_title(fig, title)
        rated = [m for m in months if m.trust is not None or m.engagement is not None]
        if len(rated) < 2:
            show_message(ax, "Not enough history yet: the practice trend needs two months "
                             "with rated sessions.", theme)  # fmt: skip
            return fig
        counts = ax.twinx()
        # Lines above the bars: the rating axes draw last, so they sit on top.
        ax.set_zorder(counts.get_zorder() + 1)
        ax.patch.set_visible(False)
        counts.patch.set_visible(True)
        counts.patch.set_facecolor(theme.surface)
        xs = days([m.month + timedelta(days=14) for m in months])
        bars = counts.bar(xs, [m.sessions for m in months], width=_BAR_DAYS, color=theme.bars,
                          label="Sessions", gid="sessions")  # fmt: skip
        for patch in bars.patches:
            patch.set_gid("sessions")
        counts.set_ylim(0, max(m.sessions for m in months) * 1.8 or 1)
        counts.set_ylabel("Sessions per month")
        for side in ("top", "left"):
            counts.spines[side].set_visible(False)
        counts.spines["right"].set_color(theme.grid)
        style_axes(ax, theme)
        key = []
        for dim, label in (("trust", "Mean trust"), ("engagement", "Mean engagement")):
            pts = [(x, getattr(m, dim)) for x, m in zip(xs, months, strict=True)
                   if getattr(m, dim) is not None]  # fmt: skip
            style: dict[str, Any] = {"color": theme.colour(dim), "linewidth": 2.2, "marker": "o",
                     "markersize": 4}  # fmt: skip
            ax.plot([p[0] for p in pts], [p[1] for p in pts], gid=dim, label=label, **style)
            key.append(KeyEntry((style,), label))
        key.append(KeyEntry(({"linestyle": "none", "marker": "s", "markersize": 8,
                              "color": theme.bars},), "Sessions (right axis)"))  # fmt: skip
        ax.set_ylim(0, 10.4)
        ax.set_yticks(range(0, 11, 2))
        ax.set_ylabel("Mean rating (0–10)")
        ax.set_xlim(xs[0] - 20, xs[-1] + 20)
        date_axis(ax)
        key_row(fig, key, left=0.68, top=0.62)
        return fig


def rupture_timeline(
    months: Sequence[RuptureMonth], *, theme: Theme = LIGHT, title: str = "Ruptures by month"
) -> Figure:
    """Ruptures per month by type, stacked, with the share resolved as a line."""
    with themed(theme):
        fig = new_figure(theme, 9.0, 4.2)
        ax = inch_axes(fig, left=0.7, bottom=0.5, right=0.75, top=0.95)
        add_title(fig, title)
        if not any(m.total for m in months):
            show_message(ax, "No ruptures recorded yet. When you note one, it appears here "
                             "by month with how many were repaired.", theme)  # fmt: skip
            return fig
        style_axes(ax, theme)
        xs = days([m.month + timedelta(days=14) for m in months])
        w = [m.withdrawal for m in months]
        c = [m.confrontation for m in months]
        wb = ax.bar(xs, w, width=_BAR_DAYS, color=theme.trust, label="Withdrawal", gid="withdrawal")
        cb = ax.bar(xs, c, width=_BAR_DAYS, bottom=w, color=theme.engagement, hatch="///",
                    edgecolor=theme.surface, linewidth=0, label="Confrontation",
                    gid="confrontation")  # fmt: skip
        for container, gid in ((wb, "withdrawal"), (cb, "confrontation")):
            for patch in container.patches:
                patch.set_gid(gid)
        ax.set_ylim(0, max(m.total for m in months) * 1.15 + 0.5)
        ax.set_ylabel("Ruptures")
        integer_ticks(ax.yaxis)
        share = ax.twinx()
        pts = [(x, m.share_resolved) for x, m in zip(xs, months, strict=True)
               if m.share_resolved is not None]  # fmt: skip
        line_style: dict[str, Any] = {"color": theme.resolved, "linewidth": 1.8, "marker": "o", "markersize": 4,
                      "markeredgecolor": theme.text, "markeredgewidth": 0.6}  # fmt: skip
        share.plot([p[0] for p in pts], [p[1] for p in pts], gid="resolved-share",
                   label="Share resolved", **line_style)  # fmt: skip
        share.set_ylim(0, 1.05)
        share.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        share.set_ylabel("Resolved (share of the month's ruptures)")
        for side in ("top", "left"):
            share.spines[side].set_visible(False)
        share.spines["right"].set_color(theme.grid)
        ax.set_xlim(xs[0] - 20, xs[-1] + 20)
        date_axis(ax)
        key_row(fig, [
            KeyEntry(({"linestyle": "none", "marker": "s", "markersize": 8,
                       "color": theme.trust},), "Withdrawal"),
            KeyEntry(({"linestyle": "none", "marker": "s", "markersize": 8,
                       "color": theme.engagement},), "Confrontation (hatched)"),
            KeyEntry((line_style,), "Share resolved (right axis)"),
        ], left=0.68, top=0.62)  # fmt: skip
        return fig
