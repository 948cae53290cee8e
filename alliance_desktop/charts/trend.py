"""One client's alliance over time: the chart a therapist opens before a session.

Artists carry stable gids so the GUI and tests can find them:

- lines ``trust``, ``engagement`` (bold), ``goal_alignment``, ``approach_fit`` (thin),
  ``client_rating`` (secondary axis) and ``client_rating-low`` (its points below the
  concern threshold); ``threshold`` is the concern line, ``threshold-label`` its label
  in the key (texts ``key-label``, samples ``key-handle``) above the plot;
- rupture markers ``rupture-withdrawal-open``, ``rupture-withdrawal-resolved``,
  ``rupture-confrontation-open``, ``rupture-confrontation-resolved`` (open = hollow);
- ``alerts`` (rings on the therapist ratings) and ``alerts-client-rating`` (rings on
  the client's ratings); an open rupture's alert is its hollow rupture marker;
- ``strategies``: the rug of sessions where a strategy was ticked;
- when the client has outcome ratings, a panel below on the outcome scale: the line
  ``outcome_rating``, the clinical cutoff ``outcome-cutoff`` (dashed) with its label
  ``outcome-cutoff-label`` on the plot, and ``alerts-outcome`` (rings on an outcome
  deterioration).

Alert rings: a drop or a low level (goal alignment, approach fit) on the therapist's
0-10 axis; a drop in the client's own rating and a perspective gap on the client-rating
axis; an outcome deterioration in the outcome panel (``not_seen`` has no session to
ring). With fewer than three sessions rating trust the chart says so instead of
drawing. ``fig.alliance_description`` says in words what the chart shows.

Updating in place: ``update_trend(fig, ...)`` takes the same arguments as
``client_trend`` and sets the new data on the figure's existing artists (lines, rings,
markers, limits, ids and description) when the new data draws the same set of artists
(``fig.alliance_trend_layout``); it returns False otherwise and the caller builds a
new figure. The GUI uses it so a client switch does not rebuild the Trends figure.

Mapping a click to a session: the figure carries ``alliance_session_ids`` (session
ids in x order) and ``alliance_session_x`` (their x positions); ``session_at(fig, x)``
gives the nearest session to a click's ``xdata``. Every data line also carries
``alliance_point_session_ids``, parallel to its points, for pick events
(``line.alliance_point_session_ids[event.ind[0]]``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox, blended_transform_factory

from alliance_desktop.charts._common import (
    EMPTY_GID,
    POINT_IDS_ATTR,
    SESSION_IDS_ATTR,
    SESSION_X_ATTR,
    KeyEntry,
    add_title,
    date_axis,
    days,
    describe,
    inch_axes,
    key_row,
    new_figure,
    show_message,
    style_axes,
    themed,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.domain.models import RuptureType, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.insights.alerts import Alert, AlertKind
from alliance_desktop.insights.trends import MIN_TREND_VALUES

NOT_ENOUGH = (
    "Not enough sessions yet to draw a trend: it needs {n} sessions with a trust rating, "
    "and {have} in this period."
)
#: Attribute on a figure: what decides its artists (see ``update_trend``).
LAYOUT_ATTR = "alliance_trend_layout"
#: Attribute on an axes whose x label is left to the panel below it (relative.py reads it).
NO_XLABEL_ATTR = "alliance_no_xlabel"
_OUTCOME_PANEL_IN = 1.25  # height of the outcome panel
_OUTCOME_GAP_IN = 0.3

_LABELS = {
    "trust": "Trust",
    "engagement": "Engagement",
    "goal_alignment": "Goal alignment",
    "approach_fit": "Approach fit",
}
_RUPTURE_MARKER = {RuptureType.WITHDRAWAL: "v", RuptureType.CONFRONTATION: "D"}
_RUPTURE_Y = 10.85  # ruptures sit in a band above the 0-10 scale
_RUG_Y = -0.95  # strategies sit in a band below it
_Y_LIMITS = (-1.6, 11.5)


_STYLE_PROPS = ("color", "linestyle", "linewidth", "marker", "markersize", "markerfacecolor",
                "markeredgecolor", "markeredgewidth")  # fmt: skip


def _style(line: Line2D) -> dict[str, Any]:
    """The look of a line, to repeat it as a key handle."""
    style = {p: getattr(line, f"get_{p}")() for p in _STYLE_PROPS}
    style["markersize"] = min(float(style["markersize"]), 8.0)
    return style


def _set_ids(artist: Line2D, ids: Sequence[int | None]) -> None:
    setattr(artist, POINT_IDS_ATTR, list(ids))


def session_at(fig: Figure, x: float, max_days: float = 4.0) -> int | None:
    """The id of the session drawn nearest to ``x`` (a click's xdata), within ``max_days``."""
    xs: list[float] = getattr(fig, SESSION_X_ATTR, [])
    ids: list[int | None] = getattr(fig, SESSION_IDS_ATTR, [])
    if not xs:
        return None
    i = bisect.bisect_left(xs, x)
    best = min((j for j in (i - 1, i) if 0 <= j < len(xs)), key=lambda j: abs(xs[j] - x))
    return ids[best] if abs(xs[best] - x) <= max_days else None


def client_trend(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    alerts: Iterable[Alert] = (),
    *,
    theme: Theme = LIGHT,
    show_goal: bool = True,
    show_fit: bool = True,
    date_from: date | None = None,
    date_to: date | None = None,
    title: str = "Alliance over time",
    outcome: OutcomeScale | None = None,
) -> Figure:
    """Trust and engagement (bold), goal and fit (thin), the client's rating, ruptures,
    strategies and alerts for one client's sessions (any order; drawn by date), and
    the outcome rating in its own panel on ``outcome``'s scale when there is one."""
    with themed(theme):
        return _build(sessions, scale, list(alerts), theme, show_goal, show_fit,
                      date_from, date_to, title, outcome or OutcomeScale())  # fmt: skip


def _build(
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    alerts: list[Alert],
    theme: Theme,
    show_goal: bool,
    show_fit: bool,
    date_from: date | None,
    date_to: date | None,
    title: str,
    outcome: OutcomeScale,
) -> Figure:
    shown = _shown(sessions, date_from, date_to)
    have = sum(s.trust is not None for s in shown)
    outcomes = have >= MIN_TREND_VALUES and any(s.outcome_rating is not None for s in shown)
    below = _OUTCOME_PANEL_IN + _OUTCOME_GAP_IN if outcomes else 0.0
    fig = new_figure(theme, 9.0, 4.8 + below)
    ax = inch_axes(fig, left=0.7, bottom=0.5 + below, right=0.75, top=1.15)
    add_title(fig, title)
    xs = days([s.date for s in shown])
    setattr(fig, SESSION_IDS_ATTR, [s.id for s in shown])
    setattr(fig, SESSION_X_ATTR, xs)
    describe(fig, f"{title}: trend chart of one client's ratings, session by session.")
    if have < MIN_TREND_VALUES:
        show_message(ax, NOT_ENOUGH.format(n=MIN_TREND_VALUES, have=_count(have)), theme)
        return fig
    layout = _layout(shown, xs, alerts, _dims(show_goal, show_fit), theme, title, scale, outcome)

    style_axes(ax, theme)
    handles: list[KeyEntry] = []
    dims = _dims(show_goal, show_fit)
    for dim in dims:
        pts = _dim_points(shown, xs, dim)
        if not pts:
            continue
        bold = dim in ("trust", "engagement")
        (line,) = ax.plot(
            [p[0] for p in pts], [p[1] for p in pts], color=theme.colour(dim),
            linewidth=2.4 if bold else 1.1, marker="o", markersize=4 if bold else 2.5,
            label=_LABELS[dim], gid=dim, zorder=3 if bold else 2, picker=5,
        )  # fmt: skip
        _set_ids(line, [p[2] for p in pts])
        handles.append(KeyEntry((_style(line),), _LABELS[dim]))
    ax.set_ylim(*_Y_LIMITS)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Your rating (0–10)")
    ax.axhline(10.35, color=theme.grid, linewidth=0.6, zorder=0)
    ax.axhline(-0.45, color=theme.grid, linewidth=0.6, zorder=0)
    ax.set_xlim(*_x_limits(xs))
    date_axis(ax)

    x_of = {id(s): x for x, s in zip(xs, shown, strict=True)}
    rated = _rated(shown, x_of)
    ax2: Axes | None = None
    if rated:
        ax2 = ax.twinx()
        ax2.set_ylim(
            _Y_LIMITS[0] / 10 * scale.maximum, _Y_LIMITS[1] / 10 * scale.maximum
        )  # the same band layout as the left axis, so 0 and the maximum line up
        ax2.set_yticks([0, scale.maximum / 2, scale.maximum])
        ax2.set_ylabel(f"Client's rating (0–{scale.maximum:g})")
        for side in ("top", "left"):
            ax2.spines[side].set_visible(False)
        ax2.spines["right"].set_color(theme.grid)
        (cr,) = ax2.plot(
            [x for x, _, _ in rated], [r for _, _, r in rated],
            color=theme.client_rating, linewidth=1.3, linestyle=(0, (4, 2)), marker="s",
            markersize=3.5, label="Client's rating", gid="client_rating", picker=5,
        )  # fmt: skip
        _set_ids(cr, [sid for _, sid, _ in rated])
        handles.append(KeyEntry((_style(cr),), "Client's rating"))
        low = _low(rated, scale)
        (low_line,) = ax2.plot(
            [x for x, _, _ in low], [r for _, _, r in low], linestyle="none",
            marker="s", markersize=4.5, color=theme.alert, gid="client_rating-low",
        )  # fmt: skip
        _set_ids(low_line, [sid for _, sid, _ in low])
        threshold = ax2.axhline(scale.threshold, color=theme.alert, linewidth=1.0,
                                linestyle="-.", gid="threshold", zorder=1)  # fmt: skip
        # Labelled in the key rather than on the plot, where it would hide data points.
        handles.append(
            KeyEntry((_style(threshold),), f"Concern threshold ({scale.threshold:g})",
                     gid="threshold-label")
        )  # fmt: skip

    ax3: Axes | None = None
    if outcomes:
        ax3 = _outcome_panel(fig, ax, shown, x_of, outcome, theme)
        handles.append(KeyEntry((_style(_line(ax3, "outcome_rating")),),
                                f"Outcome rating (0–{outcome.maximum:g})"))  # fmt: skip
    handles += _alert_rings(ax, ax2, ax3, shown, x_of, alerts, theme, dims)
    handles += _strategy_rug(ax, shown, x_of, theme)
    handles += _ruptures(ax, shown, x_of, theme)  # last: its long label may run on
    key_row(fig, handles, left=0.68, top=0.64)
    describe(fig, _description(title, shown, dims, rated, outcomes, outcome, alerts, scale))
    setattr(fig, LAYOUT_ATTR, layout)
    return fig


# -- the data behind each artist, shared by the build and the in-place update -----------


def _shown(
    sessions: Sequence[Session], date_from: date | None, date_to: date | None
) -> list[Session]:
    return sorted(
        (s for s in sessions
         if (date_from is None or s.date >= date_from) and (date_to is None or s.date <= date_to)),
        key=lambda s: s.date,
    )  # fmt: skip


def _dims(show_goal: bool, show_fit: bool) -> list[str]:
    dims = ["trust", "engagement"]
    dims += ["goal_alignment"] if show_goal else []
    dims += ["approach_fit"] if show_fit else []
    return dims


def _dim_points(
    shown: list[Session], xs: list[float], dim: str
) -> list[tuple[float, Any, int | None]]:
    return [(x, getattr(s, dim), s.id) for x, s in zip(xs, shown, strict=True)
            if getattr(s, dim) is not None]  # fmt: skip


def _x_limits(xs: list[float]) -> tuple[float, float]:
    pad = max(3.0, (xs[-1] - xs[0]) * 0.02)
    return xs[0] - pad, xs[-1] + pad


def _rated(shown: list[Session], x_of: dict[int, float]) -> list[tuple[float, int | None, float]]:
    """(x, session id, client rating) of each session the client rated."""
    return [(x_of[id(s)], s.id, r) for s in shown if (r := s.client_rating) is not None]


def _low(
    rated: list[tuple[float, int | None, float]], scale: ClientRatingScale
) -> list[tuple[float, int | None, float]]:
    return [p for p in rated if scale.is_concern(p[2])]


def _outcome_points(
    shown: list[Session], x_of: dict[int, float]
) -> list[tuple[float, float, int | None]]:
    return [(x_of[id(s)], float(s.outcome_rating), s.id) for s in shown
            if s.outcome_rating is not None]  # fmt: skip


def _rupture_groups(
    shown: list[Session], x_of: dict[int, float]
) -> dict[tuple[RuptureType, bool], list[tuple[float, int | None]]]:
    groups: dict[tuple[RuptureType, bool], list[tuple[float, int | None]]] = {}
    for s in shown:
        for r in s.ruptures:
            groups.setdefault((r.type, r.resolved), []).append((x_of[id(s)], s.id))
    return groups


_RUPTURE_KINDS = tuple((k, r) for k in RuptureType for r in (False, True))


def _rupture_gid(kind: RuptureType, resolved: bool) -> str:
    return f"rupture-{kind.value}-{'resolved' if resolved else 'open'}"


def _layout(
    shown: list[Session],
    xs: list[float],
    alerts: list[Alert],
    dims: list[str],
    theme: Theme,
    title: str,
    scale: ClientRatingScale,
    outcome: OutcomeScale,
) -> tuple[Any, ...]:
    """What decides which artists the figure has: equal layouts can share one figure."""
    x_of = {id(s): x for x, s in zip(xs, shown, strict=True)}
    outcomes = any(s.outcome_rating is not None for s in shown)
    rated = bool(_rated(shown, x_of))
    rings = _ring_points(shown, x_of, alerts, dims)
    return (
        theme.name, title, scale.maximum, scale.threshold, outcome.maximum, outcome.cutoff,
        tuple(d for d in dims if _dim_points(shown, xs, d)), rated, outcomes,
        bool(rings["alerts"] or (rated and rings["alerts-client-rating"])
             or (outcomes and rings["alerts-outcome"])),
        any(s.strategies for s in shown), bool(_rupture_groups(shown, x_of)),
    )  # fmt: skip


def _count(n: int) -> str:
    return "none" if n == 0 else "only 1" if n == 1 else f"only {n}"


def _line(ax: Axes, gid: str) -> Line2D:
    return next(line for line in ax.get_lines() if line.get_gid() == gid)


def _outcome_panel(
    fig: Figure,
    ax: Axes,
    shown: list[Session],
    x_of: dict[int, float],
    outcome: OutcomeScale,
    theme: Theme,
) -> Axes:
    """The outcome rating on its own scale, below the alliance, with the clinical cutoff."""

    def locate(_ax: object, _renderer: object) -> Bbox:
        w, h = fig.get_size_inches()
        width = max(w - 0.7 - 0.75, 0.5)
        return Bbox.from_bounds(0.7 / w, 0.5 / h, width / w, _OUTCOME_PANEL_IN / h)

    w, h = fig.get_size_inches()
    ax3 = fig.add_axes((0.7 / w, 0.5 / h, 1 - 1.45 / w, _OUTCOME_PANEL_IN / h))
    ax3.set_axes_locator(locate)
    ax3.sharex(ax)
    style_axes(ax3, theme)
    ax.tick_params(axis="x", labelbottom=False)  # the dates sit under the lowest panel
    setattr(ax, NO_XLABEL_ATTR, True)
    pts = _outcome_points(shown, x_of)
    (line,) = ax3.plot(
        [p[0] for p in pts], [p[1] for p in pts], color=theme.outcome, linewidth=1.8,
        marker="^", markersize=4.5, gid="outcome_rating", picker=5, zorder=3,
    )  # fmt: skip
    _set_ids(line, [p[2] for p in pts])
    ax3.axhline(outcome.cutoff, color=theme.muted, linewidth=1.0, linestyle="--",
                gid="outcome-cutoff", zorder=1)  # fmt: skip
    where = blended_transform_factory(ax3.transAxes, ax3.transData)
    ax3.text(0.005, outcome.cutoff, f" Clinical cutoff ({outcome.cutoff:g})", transform=where,
             ha="left", va="bottom", fontsize=7.5, color=theme.muted,
             gid="outcome-cutoff-label")  # fmt: skip
    ax3.set_ylim(-outcome.maximum * 0.05, outcome.maximum * 1.08)
    ax3.set_yticks([0, outcome.cutoff, outcome.maximum])
    ax3.set_ylabel(f"Outcome (0–{outcome.maximum:g})")
    date_axis(ax3)
    return ax3


def _description(
    title: str,
    shown: list[Session],
    dims: list[str],
    rated: list[tuple[float, int | None, float]],
    outcomes: bool,
    outcome: OutcomeScale,
    alerts: list[Alert],
    scale: ClientRatingScale,
) -> str:
    first, last = shown[0].date, shown[-1].date
    span = f"{len(shown)} sessions from {first.isoformat()} to {last.isoformat()}"
    drawn = ", ".join(_LABELS[d].lower() for d in dims)
    parts = [f"{title}: {span}. Lines for {drawn} on the therapist's 0–10 scale."]
    if rated:
        parts.append(
            f"The client's rating on its 0–{scale.maximum:g} scale, with the concern "
            f"threshold at {scale.threshold:g}."
        )
    if outcomes:
        values = [s.outcome_rating for s in shown if s.outcome_rating is not None]
        parts.append(
            f"Outcome rating from {values[0]:g} to {values[-1]:g} in a panel below, "
            f"clinical cutoff {outcome.cutoff:g}."
        )
    ids = {s.id for s in shown}
    ringed = sum(1 for a in alerts if a.session_id in ids and a.kind != AlertKind.NOT_SEEN)
    ruptures = sum(len(s.ruptures) for s in shown)
    parts.append(f"{ringed} alert{'s' if ringed != 1 else ''} and {ruptures} "
                 f"rupture{'s' if ruptures != 1 else ''} marked.")  # fmt: skip
    return " ".join(parts)


def _ruptures(
    ax: Axes, shown: list[Session], x_of: dict[int, float], theme: Theme
) -> list[KeyEntry]:
    groups = _rupture_groups(shown, x_of)
    # Every kind's marker line, empty or not, once the client has any rupture (so
    # update_trend can move another client's ruptures onto them).
    for kind, resolved in _RUPTURE_KINDS if groups else ():
        pts = groups.get((kind, resolved), [])
        (line,) = ax.plot(
            [p[0] for p in pts], [_RUPTURE_Y] * len(pts), linestyle="none",
            marker=_RUPTURE_MARKER[kind], markersize=7, markeredgewidth=1.4,
            color=theme.alert, markerfacecolor=theme.alert if resolved else "none",
            gid=_rupture_gid(kind, resolved), zorder=4,
            clip_on=False,
        )  # fmt: skip
        _set_ids(line, [p[1] for p in pts])
    if not groups:
        return []
    proxy = {"linestyle": "none", "color": theme.alert, "markersize": 6, "markeredgewidth": 1.3}
    return [
        KeyEntry(
            ({**proxy, "marker": "v"}, {**proxy, "marker": "D", "markerfacecolor": "none"}),
            "Rupture: ▼ withdrawal, ◆ confrontation (hollow: open)",
        )
    ]


def _alert_rings(
    ax: Axes,
    ax2: Axes | None,
    ax3: Axes | None,
    shown: list[Session],
    x_of: dict[int, float],
    alerts: list[Alert],
    theme: Theme,
    dims: list[str],
) -> list[KeyEntry]:
    """Rings on the value that raised each alert, on the axis that value is drawn on."""
    points = _ring_points(shown, x_of, alerts, dims)
    ring: dict[str, Any] = {"linestyle": "none", "marker": "o", "markersize": 13, "markerfacecolor": "none",
            "markeredgecolor": theme.alert, "markeredgewidth": 1.6, "zorder": 5}  # fmt: skip
    # A ring line on every axes drawn, even without rings yet, so that update_trend
    # can put another client's rings on it.
    for target, gid in ((ax, "alerts"), (ax2, "alerts-client-rating"), (ax3, "alerts-outcome")):
        pts = points[gid]
        if target is None:
            continue
        (line,) = target.plot([p[0] for p in pts], [p[1] for p in pts], gid=gid, **ring)
        _set_ids(line, [a.session_id for a in pts.values()])
        line.alliance_alerts = list(pts.values())  # type: ignore[attr-defined]
    if not _any_rings(points, ax2, ax3):
        return []
    return [KeyEntry(({**ring, "markersize": 9},), "Alert")]


def _any_rings(
    points: dict[str, dict[tuple[float, float], Alert]], ax2: Axes | None, ax3: Axes | None
) -> bool:
    return bool(points["alerts"] or (ax2 is not None and points["alerts-client-rating"])
                or (ax3 is not None and points["alerts-outcome"]))  # fmt: skip


def _ring_points(
    shown: list[Session], x_of: dict[int, float], alerts: list[Alert], dims: list[str]
) -> dict[str, dict[tuple[float, float], Alert]]:
    """Per ring line gid, the (x, y) of each ring and the alert it marks."""
    by_id = {s.id: s for s in shown}
    on_ratings: dict[tuple[float, float], Alert] = {}
    on_client: dict[tuple[float, float], Alert] = {}
    on_outcome: dict[tuple[float, float], Alert] = {}
    for a in alerts:
        s = by_id.get(a.session_id)
        if s is None or a.kind in (AlertKind.OPEN_RUPTURE, AlertKind.NOT_SEEN):
            continue
        x = x_of[id(s)]
        if a.kind == AlertKind.OUTCOME_DETERIORATION:
            if s.outcome_rating is not None:
                on_outcome.setdefault((x, float(s.outcome_rating)), a)
        elif a.dimension == "client_rating" or a.kind == AlertKind.PERSPECTIVE_GAP:
            # The client's own rating (its drop, or a gap) is ringed on its own axis.
            if s.client_rating is not None:
                on_client.setdefault((x, s.client_rating), a)
        elif (
            a.kind in (AlertKind.DROP, AlertKind.ENGAGEMENT_FALLING, AlertKind.LOW_RATING)
            and a.dimension in dims
        ):
            y = getattr(s, a.dimension)
            if y is not None:
                on_ratings.setdefault((x, y), a)
    return {"alerts": on_ratings, "alerts-client-rating": on_client, "alerts-outcome": on_outcome}


def _strategy_rug(
    ax: Axes, shown: list[Session], x_of: dict[int, float], theme: Theme
) -> list[KeyEntry]:
    used = [s for s in shown if s.strategies]
    if not used:
        return []
    (rug,) = ax.plot(
        [x_of[id(s)] for s in used], [_RUG_Y] * len(used), linestyle="none", marker="|",
        markersize=9, markeredgewidth=1.5, color=theme.muted, gid="strategies",
        label="Strategy used",
    )  # fmt: skip
    _set_ids(rug, [s.id for s in used])
    rug.alliance_strategies = [s.strategies for s in used]  # type: ignore[attr-defined]
    return [KeyEntry((_style(rug),), "Strategy used")]


def update_trend(
    fig: Figure,
    sessions: Sequence[Session],
    scale: ClientRatingScale,
    alerts: Iterable[Alert] = (),
    *,
    theme: Theme = LIGHT,
    show_goal: bool = True,
    show_fit: bool = True,
    date_from: date | None = None,
    date_to: date | None = None,
    title: str = "Alliance over time",
    outcome: OutcomeScale | None = None,
) -> bool:
    """Put new data on ``fig``'s artists (built by ``client_trend``); False when the new
    data needs other artists (a new figure): nothing is changed then."""
    outcome = outcome or OutcomeScale()
    alerts = list(alerts)
    old = getattr(fig, LAYOUT_ATTR, None)
    shown = _shown(sessions, date_from, date_to)
    if old is None or sum(s.trust is not None for s in shown) < MIN_TREND_VALUES:
        return False
    xs = days([s.date for s in shown])
    dims = _dims(show_goal, show_fit)
    if _layout(shown, xs, alerts, dims, theme, title, scale, outcome) != old:
        return False
    lines = {line.get_gid(): line for ax in fig.axes for line in ax.get_lines()}
    x_of = {id(s): x for x, s in zip(xs, shown, strict=True)}

    def put(gid: str, pts: Sequence[tuple[Any, ...]], y: int = 1, ids: int = 2) -> None:
        line = lines[gid]
        line.set_data([p[0] for p in pts], [p[y] for p in pts])
        _set_ids(line, [p[ids] for p in pts])

    for dim in dims:
        if dim in lines:
            put(dim, _dim_points(shown, xs, dim))
    rated = _rated(shown, x_of)
    if rated:
        put("client_rating", rated, y=2, ids=1)
        put("client_rating-low", _low(rated, scale), y=2, ids=1)
    if "outcome_rating" in lines:
        put("outcome_rating", _outcome_points(shown, x_of))
    for gid, ring_pts in _ring_points(shown, x_of, alerts, dims).items():
        if gid in lines:
            lines[gid].set_data([p[0] for p in ring_pts], [p[1] for p in ring_pts])
            _set_ids(lines[gid], [a.session_id for a in ring_pts.values()])
            lines[gid].alliance_alerts = list(ring_pts.values())  # type: ignore[attr-defined]
    used = [s for s in shown if s.strategies]
    if used:
        rug = lines["strategies"]
        rug.set_data([x_of[id(s)] for s in used], [_RUG_Y] * len(used))
        _set_ids(rug, [s.id for s in used])
        rug.alliance_strategies = [s.strategies for s in used]  # type: ignore[attr-defined]
    groups = _rupture_groups(shown, x_of)
    for kind, resolved in _RUPTURE_KINDS if groups else ():
        pts = groups.get((kind, resolved), [])
        line = lines[_rupture_gid(kind, resolved)]
        line.set_data([p[0] for p in pts], [_RUPTURE_Y] * len(pts))
        _set_ids(line, [p[1] for p in pts])
    fig.axes[0].set_xlim(*_x_limits(xs))  # twin and outcome axes share x
    setattr(fig, SESSION_IDS_ATTR, [s.id for s in shown])
    setattr(fig, SESSION_X_ATTR, xs)
    describe(fig, _description(title, shown, dims, rated, "outcome_rating" in lines, outcome,
                               alerts, scale))  # fmt: skip
    return True


__all__ = ["EMPTY_GID", "LAYOUT_ATTR", "NOT_ENOUGH", "client_trend", "session_at", "update_trend"]
