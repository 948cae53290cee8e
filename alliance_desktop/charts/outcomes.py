"""What followed each strategy in your own records, shown as an association.

Each row is a strategy: the mean change in trust (left panel) and engagement
(right) to the next session after sessions where it was used, with its 95 %
interval and n, and below it the same figure after sessions without it. A zero
line marks "no change". The note under the chart says plainly that this is not
evidence the strategy caused anything.

gids: per panel ``<dim>-with`` / ``<dim>-without`` (mean markers), ``<dim>-with-ci``
/ ``<dim>-without-ci`` (interval lines), ``zero`` (zero lines), ``note``.
The strategy keys in row order (top first) are on ``fig.alliance_strategies``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matplotlib.figure import Figure

from alliance_desktop.charts._common import (
    KeyEntry,
    add_title,
    key_row,
    new_figure,
    show_message,
    style_axes,
    themed,
    top_left,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.insights.strategy_outcomes import (
    ASSOCIATION_NOTE,
    OUTCOME_DIMENSIONS,
    StrategyOutcome,
)

STRATEGIES_ATTR = "alliance_strategies"
_TITLES = {"trust": "Change in trust", "engagement": "Change in engagement"}
_ROW_IN = 0.42


def strategy_outcomes(
    outcomes: Mapping[str, StrategyOutcome],
    *,
    theme: Theme = LIGHT,
    catalogue: Mapping[str, Strategy] | None = None,
    min_n: int = 1,
    title: str = "What followed each strategy (association, not proof)",
) -> Figure:
    """Mean change to the next session with and without each strategy, with 95 % intervals."""
    with themed(theme):
        rows = [o for o in outcomes.values() if o.n >= min_n]
        order = list(catalogue) if catalogue else []
        rows.sort(key=lambda o: (order.index(o.strategy) if o.strategy in order else len(order),
                                 o.strategy))  # fmt: skip
        height = 1.8 + max(len(rows), 2) * _ROW_IN
        fig = new_figure(theme, 9.0, height)
        add_title(fig, title, left=0.2)
        setattr(fig, STRATEGIES_ATTR, [o.strategy for o in rows])
        w, h = fig.get_size_inches()
        if not rows:
            ax = fig.add_axes((0.05, 0.1, 0.9, 0.7))
            show_message(ax, "No outcomes yet: they appear once a session where you used a "
                             "strategy is followed by another session with that client.", theme)  # fmt: skip
            return fig
        left, right, top, bottom = 2.1, 0.3, 0.95, 0.85
        gap = 0.35
        panel_w = (w - left - right - gap) / 2
        labels = [
            f"{catalogue[o.strategy].label if catalogue and o.strategy in catalogue else o.strategy}"
            f"  (n={o.n})"
            for o in rows
        ]
        with_style: dict[str, Any] = {"linestyle": "none", "marker": "o", "markersize": 6}
        without_style: dict[str, Any] = {"linestyle": "none", "marker": "o", "markersize": 5,
                         "markerfacecolor": "none", "color": theme.muted}  # fmt: skip
        axes = []
        for k, dim in enumerate(OUTCOME_DIMENSIONS):
            ax = fig.add_axes(((left + k * (panel_w + gap)) / w, bottom / h,
                               panel_w / w, (h - top - bottom) / h))  # fmt: skip
            axes.append(ax)
            style_axes(ax, theme, grid_axis="x")
            colour = theme.colour(dim)
            for which, dy, style, ci_colour in (
                ("with", -0.12, {**with_style, "color": colour}, colour),
                ("without", 0.18, without_style, theme.muted),
            ):
                changes = [o.change(dim, which == "with") for o in rows]
                ys = [i + dy for i in range(len(rows))]
                pts = [(c.mean, y) for c, y in zip(changes, ys, strict=True) if c.mean is not None]
                ax.plot([p[0] for p in pts], [p[1] for p in pts], gid=f"{dim}-{which}", **style)
                spans = [(c.ci, y) for c, y in zip(changes, ys, strict=True) if c.ci is not None]
                ax.hlines([y for _, y in spans], [ci[0] for ci, _ in spans],
                          [ci[1] for ci, _ in spans], colors=ci_colour,
                          linewidth=2.0 if which == "with" else 1.2,
                          gid=f"{dim}-{which}-ci")  # fmt: skip
            ax.axvline(0, color=theme.text, linewidth=0.9, gid="zero", zorder=1)
            ax.set_ylim(len(rows) - 0.5, -0.6)
            ax.set_title(_TITLES[dim], fontsize=9, loc="left", pad=4)
            ax.set_xlabel("Mean change to the next session (points)")
            ax.set_yticks(range(len(rows)), labels if k == 0 else [""] * len(rows))
            ax.tick_params(axis="y", length=0)
            lo, hi = ax.get_xlim()
            span = max(abs(lo), abs(hi), 0.5)
            ax.set_xlim(-span, span)  # zero in the middle: better and worse read symmetrically
        key_row(fig, [
            KeyEntry(({**with_style, "color": theme.text},), "After sessions with the strategy"),
            KeyEntry((without_style,), "After sessions without it"),
            KeyEntry(({"color": theme.text, "linewidth": 2.0},), "95% interval"),
        ], left=0.2, top=0.62)  # fmt: skip
        fig.text(0.2, -(h - 0.18), f"Note: {ASSOCIATION_NOTE}", transform=top_left(fig),
                 fontsize=8, color=theme.muted, style="italic", va="center", gid="note")  # fmt: skip
        return fig
