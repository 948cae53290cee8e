"""The caseload overview: every client's last sessions at a glance, riskiest first.

Rows come in risk order from ``insights.caseload.risk_order``; each cell is one
session coloured by the chosen rating on a sequential colour-blind-safe map, with
the value written in it so nobody has to decode a colour. Clients with recent
alerts get a badge whose shape names the most serious kind, so the badge does not
rely on colour either.

gids: ``cells`` (the image), ``cell-values`` and ``client-labels`` (text drawn as
one collection of glyph outlines each, for speed; the strings are on the
collection's ``alliance_texts`` in row-major order), ``badge-open_rupture``,
``badge-drop``, ``badge-other`` (badge markers), ``colorbar``. The figure carries
``alliance_client_ids`` (client ids in row order, top first) and
``alliance_cell_session_ids`` (per row, the session id in each column or None) so
the GUI can map a click (row = round(ydata), column = round(xdata)) to a session.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from alliance_desktop.charts._common import (
    KeyEntry,
    add_title,
    inch_axes,
    key_row,
    new_figure,
    show_message,
    text_collection,
    themed,
)
from alliance_desktop.charts.theme import LIGHT, Theme
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.insights.alerts import AlertKind
from alliance_desktop.insights.caseload import CASELOAD_SESSIONS, CaseloadRow

CLIENT_IDS_ATTR = "alliance_client_ids"
CELL_SESSION_IDS_ATTR = "alliance_cell_session_ids"

_LABELS = {
    "trust": "trust",
    "engagement": "engagement",
    "goal_alignment": "goal alignment",
    "approach_fit": "approach fit",
    "client_rating": "the client's rating",
}
_ROW_IN = 0.17  # inches per client row: small text, but 200 clients stay scrollable
_TOP_IN = 1.25
_BOTTOM_IN = 0.25
_BADGES = (
    ("badge-open_rupture", "D", "Open rupture"),
    ("badge-drop", "v", "Recent drop"),
    ("badge-other", "o", "Other recent alert"),
)


def _badge(row: CaseloadRow) -> str | None:
    if not row.recent_kinds:
        return None
    if AlertKind.OPEN_RUPTURE in row.recent_kinds:
        return "badge-open_rupture"
    if AlertKind.DROP in row.recent_kinds:
        return "badge-drop"
    return "badge-other"


def _luminance(rgba: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of RGBA rows, to pick black or white cell text."""
    c = rgba[..., :3]
    lin = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def caseload(
    rows: Sequence[CaseloadRow],
    dimension: str = "trust",
    *,
    theme: Theme = LIGHT,
    scale: ClientRatingScale | None = None,
    title: str | None = None,
) -> Figure:
    """Clients (in the order given) by their last 12 sessions, coloured by ``dimension``."""
    with themed(theme):
        return _build(rows, dimension, theme, scale or ClientRatingScale(), title)


def _build(
    rows: Sequence[CaseloadRow],
    dimension: str,
    theme: Theme,
    scale: ClientRatingScale,
    title: str | None,
) -> Figure:
    n = len(rows)
    height = _TOP_IN + _BOTTOM_IN + max(n, 3) * _ROW_IN
    fig = new_figure(theme, 8.0, height)
    ax = inch_axes(fig, left=1.4, bottom=_BOTTOM_IN, right=0.3, top=_TOP_IN)
    add_title(fig, title or f"Caseload: {_LABELS[dimension]} over the last {CASELOAD_SESSIONS} sessions", left=0.2)  # fmt: skip
    setattr(fig, CLIENT_IDS_ATTR, [r.client.id for r in rows])
    cols = CASELOAD_SESSIONS
    ids: list[list[int | None]] = []
    values = np.full((n, cols), np.nan)
    has_session = np.zeros((n, cols), dtype=bool)
    for i, row in enumerate(rows):
        sessions = row.last_sessions[-cols:]
        offset = cols - len(sessions)  # right-aligned: the latest is always the last column
        row_ids: list[int | None] = [None] * offset
        ids.append(row_ids + [s.id for s in sessions])
        for j, s in enumerate(sessions, start=offset):
            has_session[i, j] = True
            v = s.rating(dimension)
            if v is not None:
                values[i, j] = v
    setattr(fig, CELL_SESSION_IDS_ATTR, ids)
    if n == 0:
        show_message(ax, "No clients yet: the overview fills in as you add clients and sessions.", theme)  # fmt: skip
        return fig

    vmax = scale.maximum if dimension == "client_rating" else 10.0
    cmap = colormaps[theme.colormap].with_extremes(bad=theme.surface)
    norm = Normalize(0.0, vmax)
    # A mesh of quads rather than an image: an image is resampled to the whole
    # (tall) pixel area on every draw, which alone cost 150 ms for 200 clients.
    image = ax.pcolormesh(
        np.arange(cols + 1) - 0.5, np.arange(n + 1) - 0.5, np.ma.masked_invalid(values),
        cmap=cmap, norm=norm, edgecolors=theme.window, linewidth=0.6, gid="cells",
    )  # fmt: skip
    # Cell texts: dark text on light cells, white on dark ones.
    lum = _luminance(cmap(norm(np.nan_to_num(values))))
    size = 6.5 if n > 40 else 8.0
    fmt = "{:.0f}" if dimension != "client_rating" else "{:.1f}"
    texts: list[str] = []
    where: list[tuple[float, float]] = []
    colours: list[str] = []
    for i in range(n):
        for j in range(cols):
            v = values[i, j]
            if np.isnan(v):
                if has_session[i, j]:
                    texts.append("–")
                    where.append((j, i))
                    colours.append(theme.muted)
                continue
            texts.append(fmt.format(v))
            where.append((j, i))
            # Whichever of black or white has the higher WCAG contrast on this cell.
            colours.append("#000000" if lum[i, j] > 0.179 else "#ffffff")
    text_collection(ax, texts, where, colours, size=size, gid="cell-values")
    text_collection(ax, [r.client.code for r in rows], [(-1.45, i) for i in range(n)],
                    theme.text, size=size + 0.5, ha="right", gid="client-labels",
                    clip_on=False)  # fmt: skip
    # Badges sit in their own column left of the cells.
    for gid, marker, _ in _BADGES:
        ys = [i for i, r in enumerate(rows) if _badge(r) == gid]
        if ys:
            ax.plot([-1.05] * len(ys), ys, linestyle="none", marker=marker, markersize=5,
                    color=theme.alert, gid=gid, clip_on=False)  # fmt: skip
    ax.set_xlim(-1.5, cols - 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks([])
    ax.xaxis.tick_top()
    ax.set_xticks(range(cols), [f"−{cols - k}" for k in range(1, cols)] + ["latest"])
    ax.tick_params(length=0, pad=2)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_facecolor(theme.window)

    key = [KeyEntry(({"linestyle": "none", "marker": m, "markersize": 5, "color": theme.alert},), label)
           for _, m, label in _BADGES]  # fmt: skip
    key.append(KeyEntry((), "– : a session without this rating"))
    key_row(fig, key, left=0.2, top=0.62, right=3.0)
    cax = fig.add_axes((0, 0, 1, 1))
    cax.set_axes_locator(
        lambda _ax, _r: _inches_bbox(
            fig, left=fig.get_size_inches()[0] - 2.6, top=0.55, width=2.3, height=0.12
        )
    )
    bar = fig.colorbar(image, cax=cax, orientation="horizontal")
    bar.set_label(f"{_LABELS[dimension].capitalize()} (0–{vmax:g})", fontsize=8, labelpad=2)
    bar.ax.tick_params(labelsize=7, length=2)
    bar.outline.set_visible(False)
    cax.set_gid("colorbar")
    return fig


def _inches_bbox(fig: Figure, left: float, top: float, width: float, height: float):

    w, h = fig.get_size_inches()
    return Bbox.from_bounds(left / w, 1 - (top + height) / h, width / w, height / h)
