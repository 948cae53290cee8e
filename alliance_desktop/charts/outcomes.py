"""What followed each strategy, beyond regression to the mean, shown as an association.

Each row is a strategy; the left panel is trust, the right engagement, and both share
one x scale (points of change to the next session). A filled dot is the estimate from
:mod:`alliance_desktop.insights.strategy_estimates` (the change that followed the
strategy beyond what a session that far from the client's usual level predicts), the
bar its 95% interval from a bootstrap over clients. A strategy below the minimum uses
or clients has no dot: its row says "not enough yet: N uses, K clients". Intervals
longer than the scale are cut at its edge and the cut end is marked with a triangle.
Under the chart, the two caveats (regression to the mean; how many were compared).

gids: ``<dim>-estimate`` (dots), ``<dim>-ci`` (interval bars), ``<dim>-clipped`` (cut
ends), ``<dim>-not-enough`` (texts of rows with no estimate), ``zero`` (zero lines),
``note`` (the caveat lines), plus the key's ``key-label``/``key-handle``.
The strategy keys in row order (top first) are on ``fig.alliance_strategies``; the
description (``fig.alliance_description``) says in words what the chart shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from alliance_desktop.charts._common import (
    EMPTY_GID,
    KeyEntry,
    add_title,
    describe,
    key_row,
    new_figure,
    show_message,
    style_axes,
    text_width,
    themed,
    top_left,
    wrap_lines,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.insights.strategy_estimates import (
    OUTCOME_DIMENSIONS,
    StrategyEstimate,
    caveats,
    status_text,
)

STRATEGIES_ATTR = "alliance_strategies"
#: The x limits shared by both panels, (low, high), on the figure.
LIMITS_ATTR = "alliance_x_limits"
#: The widest the scale goes: a 0-10 rating cannot change by more than 10 points.
SCALE_MAX = 10.0
NOTHING = (
    "Nothing to show yet: a strategy appears here once a session where you used it is "
    "followed by another rated session with that client."
)
NONE_SHOWN = "No strategy has enough uses yet for an estimate."

_TITLES = {"trust": "Change in trust", "engagement": "Change in engagement"}
_ROW_IN = 0.36
_WIDTH_IN = 9.0
_LABEL_PT = 8.0
_NOTE_PT = 7.5
_NICE = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def strategy_outcomes(
    estimates: Sequence[StrategyEstimate],
    *,
    theme: Theme = LIGHT,
    catalogue: Mapping[str, Strategy] | None = None,
    note: bool = True,
    limit: float | None = None,
    title: str = "What followed each strategy (association, not proof)",
) -> Figure:
    """Estimates with 95% intervals per strategy, trust and engagement on one x scale.

    ``note`` draws the two caveat sentences under the chart (leave it on wherever the
    chart travels alone; a view that prints them beside the chart may turn it off).
    ``limit`` fixes the half-width of the x scale; by default it is chosen from the
    intervals, so one very wide interval is cut (and marked) rather than squeezing
    every other row to a dot.
    """
    with themed(theme):
        return _build(list(estimates), theme, catalogue or {}, note, limit, title)


def _label(key: str, catalogue: Mapping[str, Strategy]) -> str:
    s = catalogue.get(key)
    return s.shown_label if s else key.replace("_", " ").capitalize()


def _nice(value: float) -> float:
    return next((n for n in _NICE if n >= value - 1e-9), SCALE_MAX)


def choose_limit(estimates: Sequence[StrategyEstimate]) -> float:
    """Half-width of the shared x scale: room for every estimate and the usual interval.

    An interval more than 2.5 times as far out as the median interval end is cut at the
    edge instead of setting the scale; never wider than a 0-10 rating can change.
    """
    shown = [e for e in estimates if e.shown and e.estimate is not None]
    if not shown:
        return 1.0
    ends = sorted(abs(v) for e in shown for v in (e.ci_low, e.ci_high) if v is not None)
    centres = [abs(e.estimate) for e in shown if e.estimate is not None]
    median = ends[len(ends) // 2] if ends else 0.0
    reach = max(ends) if ends else 0.0
    if median > 0 and reach > 2.5 * median:
        reach = 2.5 * median
    return min(SCALE_MAX, _nice(max(reach, max(centres) * 1.15, 0.5)))


def _build(
    estimates: list[StrategyEstimate],
    theme: Theme,
    catalogue: Mapping[str, Strategy],
    note: bool,
    limit: float | None,
    title: str,
) -> Figure:
    order = list(catalogue)
    keys = sorted({e.strategy for e in estimates},
                  key=lambda k: (order.index(k) if k in order else len(order), k))  # fmt: skip
    found = {(e.strategy, e.dimension): e for e in estimates}
    labels = [_label(k, catalogue) for k in keys]
    notes = list(caveats(estimates)) if note and keys else []
    note_w = _WIDTH_IN - 0.7  # italic runs wider than the regular advances
    note_lines = [line for text in notes for line in wrap_lines(text, note_w, _NOTE_PT)]
    note_h = 0.16 * len(note_lines) + (0.15 if note_lines else 0.0)

    shown_any = any(e.shown for e in estimates)
    rows_h = max(len(keys), 2) * _ROW_IN
    height = 1.75 + rows_h + note_h
    fig = new_figure(theme, _WIDTH_IN, height)
    add_title(fig, title, left=0.2)
    setattr(fig, STRATEGIES_ATTR, keys)
    w, h = fig.get_size_inches()
    if not keys:
        ax = fig.add_axes((0.05, 0.1, 0.9, 0.7))
        describe(fig, "Strategy outcomes chart.")
        show_message(ax, NOTHING, theme)
        return fig

    lim = float(limit) if limit is not None else choose_limit(estimates)
    setattr(fig, LIMITS_ATTR, (-lim, lim))
    # The labels set the left margin, so the longest ("Clarify a misunderstanding")
    # is drawn whole instead of losing its first letters off the figure.
    left = max(1.2, max(text_width(t, _LABEL_PT) for t in labels) / 72 + 0.35)
    right, top, bottom = 0.3, 0.95, 0.6 + note_h
    gap = 0.3
    panel_w = (w - left - right - gap) / 2
    dot: dict[str, Any] = {"linestyle": "none", "marker": "o", "markersize": 6}
    cut: dict[str, Any] = {"linestyle": "none", "markersize": 6, "clip_on": False}
    clipped_any = False
    for k, dim in enumerate(OUTCOME_DIMENSIONS):
        ax = fig.add_axes(((left + k * (panel_w + gap)) / w, bottom / h,
                           panel_w / w, (h - top - bottom) / h))  # fmt: skip
        clipped_any |= _panel(ax, dim, keys, found, lim, theme, dot, cut)
        ax.set_yticks(range(len(keys)), labels if k == 0 else [""] * len(keys))
    entries = [
        KeyEntry(({**dot, "color": theme.text},), "Estimate beyond regression to the mean"),
        KeyEntry(({"color": theme.text, "linewidth": 2.0},), "95% interval (clients resampled)"),
    ]
    if clipped_any:
        entries.append(KeyEntry(({**cut, "marker": ">", "color": theme.text},),
                                "Interval runs past the scale"))  # fmt: skip
    if shown_any:
        key_row(fig, entries, left=0.2, top=0.62)
    else:  # every row is "not enough yet": say so instead of a key for marks not drawn
        fig.text(0.2, -0.62, NONE_SHOWN, transform=top_left(fig), fontsize=9,
                 color=theme.muted, va="center", gid=EMPTY_GID)  # fmt: skip
    for i, line in enumerate(note_lines):
        fig.text(0.2, -(h - note_h + 0.1 + 0.16 * i), line, transform=top_left(fig),
                 fontsize=_NOTE_PT, color=theme.muted, style="italic", va="center",
                 gid="note")  # fmt: skip
    describe(fig, _description(keys, found, catalogue, notes, shown_any))
    return fig


def _panel(
    ax: Axes,
    dim: str,
    keys: list[str],
    found: Mapping[tuple[str, str], StrategyEstimate],
    lim: float,
    theme: Theme,
    dot: dict[str, Any],
    cut: dict[str, Any],
) -> bool:
    """One dimension's rows; True when an interval was cut at the scale's edge."""
    style_axes(ax, theme, grid_axis="x")
    colour = theme.colour(dim)
    pts: list[tuple[float, int]] = []
    bars: list[tuple[float, float, int]] = []
    cut_right: list[int] = []
    cut_left: list[int] = []
    for row, key in enumerate(keys):
        e = found.get((key, dim))
        if e is None or not e.shown or e.estimate is None:
            uses, clients = (e.uses, e.clients) if e is not None else (0, 0)
            ax.text(-lim * 0.97, row, _counts_text(uses, clients), ha="left", va="center",
                    fontsize=7.5, color=theme.muted, gid=f"{dim}-not-enough", zorder=5,
                    bbox={"facecolor": theme.surface, "edgecolor": "none", "pad": 1.5})  # fmt: skip
            continue
        pts.append((max(-lim, min(lim, e.estimate)), row))
        lo = e.ci_low if e.ci_low is not None else e.estimate
        hi = e.ci_high if e.ci_high is not None else e.estimate
        if lo < -lim:
            cut_left.append(row)
        if hi > lim:
            cut_right.append(row)
        bars.append((max(lo, -lim), min(hi, lim), row))
    ax.hlines([b[2] for b in bars], [b[0] for b in bars], [b[1] for b in bars],
              colors=colour, linewidth=2.0, gid=f"{dim}-ci")  # fmt: skip
    ax.plot([p[0] for p in pts], [p[1] for p in pts], color=colour, gid=f"{dim}-estimate",
            zorder=3, **dot)  # fmt: skip
    xs = [lim] * len(cut_right) + [-lim] * len(cut_left)
    ys = cut_right + cut_left
    if ys:
        markers = [">"] * len(cut_right) + ["<"] * len(cut_left)
        for marker in sorted(set(markers)):
            sel = [(x, y) for x, y, m in zip(xs, ys, markers, strict=True) if m == marker]
            ax.plot([x for x, _ in sel], [y for _, y in sel], marker=marker, color=colour,
                    gid=f"{dim}-clipped", zorder=4, **cut)  # fmt: skip
    ax.axvline(0, color=theme.text, linewidth=0.9, gid="zero", zorder=1)
    ax.set_ylim(len(keys) - 0.5, -0.6)
    ax.set_xlim(-lim, lim)  # the same limits on both panels: one scale to read across
    ax.set_title(_TITLES[dim], fontsize=9, loc="left", pad=4)
    ax.set_xlabel("Change to the next session (points)")
    ax.tick_params(axis="y", length=0, pad=9)  # clear of a cut end's triangle
    return bool(ys)


def _counts_text(uses: int, clients: int) -> str:
    u = f"{uses} use" if uses == 1 else f"{uses} uses"
    c = f"{clients} client" if clients == 1 else f"{clients} clients"
    return f"not enough yet: {u}, {c}"


def _description(
    keys: list[str],
    found: Mapping[tuple[str, str], StrategyEstimate],
    catalogue: Mapping[str, Strategy],
    notes: list[str],
    shown_any: bool,
) -> str:
    parts = [
        f"Strategy outcomes chart: for {len(keys)} strateg{'y' if len(keys) == 1 else 'ies'}, "
        "the change in trust and in engagement to the next session beyond what regression "
        "to the mean predicts, with 95% intervals, on one shared scale."
    ]
    if not shown_any:
        parts.append(NONE_SHOWN)
    for key in keys:
        bits = [
            f"{dim}: {status_text(e)}"
            for dim in OUTCOME_DIMENSIONS
            if (e := found.get((key, dim))) is not None
        ]
        parts.append(f"{_label(key, catalogue)}: {'; '.join(bits)}.")
    parts += notes
    return " ".join(parts)


__all__ = ["LIMITS_ATTR", "NONE_SHOWN", "NOTHING", "STRATEGIES_ATTR", "choose_limit",
           "strategy_outcomes"]  # fmt: skip
