"""The trainee's practice log: reflections per week, the levels chosen, the prompts used.

Three panels on one figure. gids: bars ``reflections`` (one patch a week); markers
``level-points`` (the rubric level the writer chose for a reflection, 1-4) and
``level-supervisor`` (hollow: the supervisor's choice); ``level-median`` (a bar across
each week at its median level: levels are ordinal, so never a mean); bars
``templates`` (how often each prompt set was used). Levels are chosen by people and
only drawn where chosen; marks sharing a week and level are nudged apart so none hides
another; markers differ in shape by level, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

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
from alliance_desktop.insights.practice_log import PracticeLog, week_of
from alliance_desktop.insights.reflection_feedback import RUBRIC_BY_LEVEL, Level

LEVEL_SHORT = {level: RUBRIC_BY_LEVEL[level].name for level in Level}
_MARKERS = {1: "o", 2: "s", 3: "^", 4: "D"}
#: Vertical spacing of marks that share a week and a level, so none hides another.
_STACK_STEP = 0.13
_STACK_REACH = 0.36


def _stacked(marks: list[tuple[date, Level, bool]]) -> list[tuple[date, Level, bool, float]]:
    """Each mark with a y: its level, nudged apart from marks of the same week and level."""
    groups: dict[tuple[date, Level], list[tuple[date, Level, bool]]] = {}
    for mark in marks:
        groups.setdefault((week_of(mark[0]), mark[1]), []).append(mark)
    out: list[tuple[date, Level, bool, float]] = []
    for (_week, level), group in groups.items():
        n = len(group)
        step = min(_STACK_STEP, 2 * _STACK_REACH / (n - 1)) if n > 1 else 0.0
        for i, (day, lvl, supervisor) in enumerate(group):
            out.append((day, lvl, supervisor, int(level) + (i - (n - 1) / 2) * step))
    return out


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
        # Top left: reflections per week. Bottom left: the levels chosen. Right: templates.
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

        marks = [(p.date, p.level, False) for p in log.points if p.level is not None]
        marks += [(p.date, p.supervisor_level, True)
                  for p in log.points if p.supervisor_level is not None]  # fmt: skip
        placed = _stacked(marks)
        for level in Level:
            for supervisor in (False, True):
                pts = [(d, y) for d, lvl, sup, y in placed if lvl == level and sup == supervisor]
                if not pts:
                    continue
                depth.scatter(days([d for d, _ in pts]), [y for _, y in pts], s=30,
                              marker=_MARKERS[int(level)],
                              color=theme.surface if supervisor else theme.engagement,
                              edgecolors=theme.text if supervisor else theme.surface,
                              linewidths=1.0 if supervisor else 0.6, zorder=3,
                              gid="level-supervisor" if supervisor else "level-points")  # fmt: skip
        # The weekly median: a bar across the week it sums up, so a lone week shows
        # and a week without a chosen level leaves a gap (nothing is interpolated).
        medians = [(wk.week, m) for wk in log.weeks if (m := wk.median_level) is not None]
        if medians:
            starts = days([week for week, _ in medians])
            lo, hi = weeks.get_xlim()
            # A week is a hair on a long log: keep each bar at least 1/50 of the span wide.
            half = max(3.5, (hi - lo) / 100)
            depth.hlines([int(m) for _, m in medians], [x + 3.5 - half for x in starts],
                         [x + 3.5 + half for x in starts], colors=theme.text, linewidth=2.0,
                         zorder=2, gid="level-median")  # fmt: skip
        depth.set_ylim(0.5, 4.5)
        depth.set_yticks([1, 2, 3, 4], [LEVEL_SHORT[lvl].replace(" ", "\n", 1) for lvl in Level])
        depth.set_ylabel("Level you chose")
        depth.set_xlim(weeks.get_xlim())
        style_axes(depth, theme)
        date_axis(depth)
        if marks:
            caption = ("Filled marks: the level you chose for a reflection; hollow: your "
                       "supervisor's.\nThe short bar across each week is that week's median.")  # fmt: skip
        else:
            caption = "Levels are chosen by you, not computed from your words."
            depth.text(0.5, 0.5, "No level chosen yet: after saving a reflection, pick the "
                       "level that fits\non the rubric in the feedback card.",
                       transform=depth.transAxes, ha="center", va="center", fontsize=9,
                       color=theme.muted, gid="level-empty")  # fmt: skip
        depth.text(0.0, 1.02, caption, transform=depth.transAxes, fontsize=8,
                   color=theme.muted, va="bottom")  # fmt: skip

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
