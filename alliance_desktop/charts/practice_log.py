"""The trainee's practice log: reflections per week, the depth estimates, the prompts used.

Three panels on one figure. gids: bars ``reflections`` (one patch a week); markers
``depth-points`` (each reflection's estimated Hatton & Smith level, 1-4) and the line
``depth-mean`` (the weekly mean); bars ``templates`` (how often each prompt set was
used). The depth axis names its levels and says "estimate", so no one reads it as a
grade; markers differ in shape by level, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from alliance_desktop.charts._common import (
    add_title,
    date_axis,
    days,
    inch_axes,
    integer_ticks,
    new_figure,
    show_message,
    style_axes,
    themed,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.insights.practice_log import PracticeLog
from alliance_desktop.insights.reflection_feedback import Depth

LEVEL_SHORT = {
    Depth.DESCRIPTIVE_WRITING: "Descriptive writing",
    Depth.DESCRIPTIVE_REFLECTION: "Descriptive reflection",
    Depth.DIALOGIC_REFLECTION: "Dialogic reflection",
    Depth.CRITICAL_REFLECTION: "Critical reflection",
}
_MARKERS = {1: "o", 2: "s", 3: "^", 4: "D"}


def _right_axes(fig: Figure, *, width: float, right: float, bottom: float, top: float) -> Axes:
    """An axes of fixed width kept against the figure's right edge when it is resized."""

    def locate(ax: object, renderer: object) -> Bbox:
        w, h = fig.get_size_inches()
        height = max(h - top - bottom, 0.5)
        return Bbox.from_bounds((w - right - width) / w, bottom / h, width / w, height / h)

    w, h = fig.get_size_inches()
    ax = fig.add_axes(((w - right - width) / w, bottom / h, width / w, (h - top - bottom) / h))
    ax.set_axes_locator(locate)
    return ax


def practice_log_chart(
    log: PracticeLog,
    *,
    theme: Theme = LIGHT,
    template_names: Mapping[str, str] | None = None,
    title: str = "Practice log",
) -> Figure:
    names = dict(template_names or {})
    with themed(theme):
        fig = new_figure(theme, 9.0, 6.2)
        add_title(fig, title)
        if log.is_empty:
            ax = inch_axes(fig, left=0.7, bottom=0.5, right=0.4, top=0.7)
            show_message(ax, "No written reflections yet: the log fills as you save "
                             "sessions with a few lines of reflection.", theme)  # fmt: skip
            return fig
        # Top left: reflections per week. Bottom left: depth estimates. Right: templates.
        weeks = inch_axes(fig, left=1.55, bottom=3.55, right=2.75, top=0.7)
        depth = inch_axes(fig, left=1.55, bottom=0.55, right=2.75, top=3.35)
        used = _right_axes(fig, width=1.25, right=0.3, bottom=0.55, top=0.95)

        xs = days([wk.week + timedelta(days=3) for wk in log.weeks])
        bars = weeks.bar(xs, [wk.reflections for wk in log.weeks], width=5.5,
                         color=theme.trust, gid="reflections")  # fmt: skip
        for patch in bars.patches:
            patch.set_gid("reflections")
        weeks.set_ylabel("Reflections a week")
        integer_ticks(weeks.yaxis)
        weeks.set_ylim(0, max(1, max(wk.reflections for wk in log.weeks)) * 1.15)
        style_axes(weeks, theme)
        date_axis(weeks)

        for level in Depth:
            pts = [p for p in log.depths if p.depth == level]
            if pts:
                depth.scatter(days([p.date for p in pts]), [int(level)] * len(pts), s=28,
                              marker=_MARKERS[int(level)], color=theme.engagement,
                              edgecolors=theme.surface, linewidths=0.6, zorder=3,
                              gid="depth-points")  # fmt: skip
        rated = [(wk.week, m) for wk in log.weeks if (m := wk.mean_depth) is not None]
        if len(rated) >= 2:
            depth.plot(days([week + timedelta(days=3) for week, _ in rated]),
                       [m for _, m in rated], color=theme.text, linewidth=1.4,
                       linestyle="--", gid="depth-mean", label="Weekly mean")  # fmt: skip
        depth.set_ylim(0.5, 4.5)
        depth.set_yticks([1, 2, 3, 4], [LEVEL_SHORT[d].replace(" ", "\n", 1) for d in Depth])
        depth.set_ylabel("Depth (an estimate)")
        depth.set_xlim(weeks.get_xlim())
        style_axes(depth, theme)
        date_axis(depth)
        depth.text(0.0, 1.02, "Each mark is one reflection; the dashed line is the weekly "
                   "mean. Estimated from wording, not a grade.", transform=depth.transAxes,
                   fontsize=8, color=theme.muted, va="bottom")  # fmt: skip

        labels = [names.get(k, k) for k, _n in log.templates][::-1]
        counts = [n for _k, n in log.templates][::-1]
        tbars = used.barh(range(len(counts)), counts, color=theme.bars,
                          edgecolor=theme.text, linewidth=0.5, gid="templates")  # fmt: skip
        for patch in tbars.patches:
            patch.set_gid("templates")
        used.set_yticks(range(len(labels)), labels)
        used.set_title("Prompts used", fontsize=9, loc="left")
        integer_ticks(used.xaxis)
        for y, n in enumerate(counts):
            used.text(n, y, f" {n}", va="center", fontsize=8, color=theme.text)
        used.set_xlim(0, max(counts) * 1.3)
        style_axes(used, theme, grid_axis="x")
        return fig


__all__ = ["LEVEL_SHORT", "practice_log_chart"]
