"""Shared pieces of every chart: figure creation, empty states, dates and saving.

Figures are made with ``Figure(...)`` directly and never through pyplot, which keeps
a global registry of figures that the GUI would leak and that breaks in threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import matplotlib as mpl
import numpy as np
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.collections import PathCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.lines import Line2D
from matplotlib.path import Path as MplPath
from matplotlib.textpath import TextPath
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D, Affine2DBase, Bbox, ScaledTranslation, Transform

from alliance_desktop.charts.theme import Theme

#: gid of the text an empty or too-short chart shows instead of data.
EMPTY_GID = "empty-message"

#: Attribute on a figure with the ids of the sessions drawn, in x order (None if unsaved).
SESSION_IDS_ATTR = "alliance_session_ids"
#: Attribute on a figure with the x positions (matplotlib date numbers) of those sessions.
SESSION_X_ATTR = "alliance_session_x"
#: Attribute on a data line with the session id behind each of its points.
POINT_IDS_ATTR = "alliance_point_session_ids"

#: Attribute on every figure with a plain-text description of what it shows, for
#: screen readers (the GUI sets it as the canvas's accessible description) and exports.
DESCRIPTION_ATTR = "alliance_description"

#: gid of the texts of a figure's key (the hand-laid legend).
KEY_LABEL_GID = "key-label"
#: gid of the sample marks of a figure's key.
KEY_HANDLE_GID = "key-handle"

SAVE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
PNG_DPI = 200


@contextmanager
def themed(theme: Theme) -> Iterator[None]:
    """Theme rcParams for the duration of a build only; nothing leaks to other code
    (``charts.build_lock`` held: another thread's build or draw waits meanwhile)."""
    from alliance_desktop.charts import build_lock

    with build_lock, rc_context(theme.rc()):
        yield


def new_figure(theme: Theme, width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, facecolor=theme.window)
    fig.alliance_theme = theme.name  # type: ignore[attr-defined]
    return fig


def describe(fig: Figure, text: str) -> None:
    """Hang a plain-text description of what the chart shows on the figure."""
    setattr(fig, DESCRIPTION_ATTR, " ".join(text.split()))


def description(fig: Figure) -> str:
    """The figure's text description ("" when a builder set none)."""
    return str(getattr(fig, DESCRIPTION_ATTR, ""))


def wrap_lines(text: str, width_in: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width_in`` inches at ``size`` points."""
    limit = width_in * 72
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and text_width(trial, size) > limit:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def top_left(fig: Figure) -> Transform:
    """Inches measured from the figure's top-left corner (y grows upwards, so use -y).

    Text and key samples placed this way stay put when the GUI resizes the canvas.
    """
    # The stubs type transFigure as a plain Transform; it is a BboxTransformTo, an affine.
    figure_scale = cast(Affine2DBase, fig.transFigure)
    return fig.dpi_scale_trans + ScaledTranslation(0, 1, figure_scale)


def inch_axes(fig: Figure, left: float, bottom: float, right: float, top: float) -> Axes:
    """An axes placed by margins in inches, kept when the figure is resized.

    Fixed margins instead of tight or constrained layout: those re-measure every text
    on each draw, which costs more than the whole drawing budget of a big caseload.
    """

    def locate(ax: object, renderer: object) -> Bbox:
        w, h = fig.get_size_inches()
        # Below a key that needs more rows at this width than it was built with, the
        # axes start lower, so the key never runs over the plot or off the edge.
        flow: _KeyFlow | None = getattr(fig, KEY_FLOW_ATTR, None)
        extra = flow.reflow(w) if flow is not None and top > flow.top else 0.0
        width = max(w - left - right, 0.5)
        height = max(h - top - extra - bottom, 0.5)
        return Bbox.from_bounds(left / w, bottom / h, width / w, height / h)

    w, h = fig.get_size_inches()
    ax = fig.add_axes((left / w, bottom / h, 1 - (left + right) / w, 1 - (bottom + top) / h))
    ax.set_axes_locator(locate)
    return ax


#: gid of a chart's title (a figure text, so it stays when the axes hold a message).
TITLE_GID = "title"


def add_title(fig: Figure, text: str, left: float = 0.68, top: float = 0.3) -> None:
    """The chart's title, placed in inches from the top left like the key below it."""
    fig.text(left, -top, text, ha="left", va="center", fontsize=11, fontweight="bold",
             transform=top_left(fig), gid=TITLE_GID)  # fmt: skip


def show_message(ax: Axes, message: str, theme: Theme) -> None:
    """Replace the plot with a friendly sentence; no empty frame, ticks or grid."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            fontsize=10, color=theme.muted, wrap=True, gid=EMPTY_GID)  # fmt: skip
    fig = ax.get_figure()
    if isinstance(fig, Figure):  # the chart says in words that it shows nothing
        describe(fig, f"{description(fig)} {message}")


def days(dates: list[date]) -> list[float]:
    return [float(x) for x in date2num(dates)] if dates else []


def date_axis(ax: Axes) -> None:
    """Readable dates at any span: concise labels, a sensible number of ticks."""
    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator, show_offset=True))


def style_axes(ax: Axes, theme: Theme, grid_axis: Literal["both", "x", "y"] = "y") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.grid)
    ax.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(length=3)


def integer_ticks(axis: Axis) -> None:
    """Whole-number ticks (for counts), keeping the automatic locator's spacing."""
    locator = axis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
        locator.set_params(integer=True)


def save(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` as PNG (200 dpi), SVG or PDF, chosen by the file's extension."""
    path = Path(path)
    fmt = SAVE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(SAVE_FORMATS)
        raise ValueError(
            f"cannot save a chart as {path.suffix or 'a file without an extension'!r}: "
            f"use one of {allowed}"
        )
    kwargs: dict[str, Any] = {"format": fmt, "facecolor": fig.get_facecolor()}
    if fmt == "png":
        kwargs["dpi"] = PNG_DPI
    else:
        # No creation date or software stamp: exports should not carry more than the chart.
        kwargs["metadata"] = {"Date": None} if fmt == "svg" else {"CreationDate": None}
    fig.savefig(path, **kwargs)
    return path


def build(theme: Theme, builder: Callable[[], Figure]) -> Figure:
    """Run ``builder`` under the theme's rcParams."""
    with themed(theme):
        return builder()


@dataclass(frozen=True)
class KeyEntry:
    """One entry of a hand-laid key: sample styles (Line2D keywords) and a label.

    A style with a line style draws a short line; a marker-only style one marker;
    several styles sit side by side.
    """

    styles: tuple[dict[str, Any], ...]
    label: str
    gid: str = KEY_LABEL_GID


#: Attribute on a figure with its key's layout (``_KeyFlow``), re-flowed on resize.
KEY_FLOW_ATTR = "alliance_key_flow"
_KEY_GAP = 0.2  # inches between key entries


def _flow(widths: Sequence[float], left: float, limit: float, top: float, row: float
          ) -> tuple[list[tuple[float, float]], int]:  # fmt: skip
    """Each entry's (x, y) in top-left inches, flowing into rows under ``limit``."""
    x, y, rows = left, -top, 1
    places = []
    for width in widths:
        if x > left and x + width > limit:
            x, y, rows = left, y - row, rows + 1
        places.append((x, y))
        x += width + _KEY_GAP
    return places, rows


@dataclass
class _KeyFlow:
    """A figure's key: entry widths and artists, to flow them again at another width."""

    widths: list[float]
    left: float
    top: float
    right: float
    row: float
    rows: int  # at the width the figure was built with
    # Per entry: its sample lines with their x offsets from the entry's x, and its label
    # (an index into the label collection's offsets, or a Text) with its x offset.
    samples: list[list[tuple[Line2D, list[float]]]]
    labels: list[tuple[int | Any, float]]
    collection: PathCollection | None = None
    width: float = 0.0

    def reflow(self, fig_width: float) -> float:
        """Place the entries for ``fig_width`` inches; the extra height needed, in inches."""
        places, rows = _flow(self.widths, self.left, fig_width - self.right, self.top, self.row)
        if fig_width != self.width:
            self.width = fig_width
            offsets = (
                None
                if self.collection is None
                else np.array(self.collection.get_offsets(), dtype=float)
            )
            for (x, y), lines, (label, dx) in zip(places, self.samples, self.labels, strict=True):
                for line, xs in lines:
                    line.set_data([x + d for d in xs], [y] * len(xs))
                if isinstance(label, int):
                    if offsets is not None:
                        offsets[label] = (x + dx, y)
                else:
                    label.set_position((x + dx, y))
            if self.collection is not None and offsets is not None:
                self.collection.set_offsets(offsets)
        return max(0, rows - self.rows) * self.row


def key_row(
    fig: Figure,
    entries: Sequence[KeyEntry],
    *,
    left: float,
    top: float,
    right: float = 0.3,
    row: float = 0.22,
) -> int:
    """A legend laid out by hand, in rows from ``top`` inches below the figure's top.

    Matplotlib's Legend re-measures every entry on each draw; for the trend chart
    that cost a third of the 100 ms budget. Here widths come from cached glyph
    advances, labels are drawn as one outline collection, and entries flow into as
    many rows as the figure's width needs, again whenever the figure is resized (an
    ``inch_axes`` below the key moves down by the rows added). Returns the number of
    rows at the figure's width now.
    """
    where = top_left(fig)
    fig_width = fig.get_size_inches()[0]
    widths, shapes = [], []
    for entry in entries:
        # A lone marker needs less room than a line sample.
        lone_marker = len(entry.styles) == 1 and entry.styles[0].get("linestyle") == "none"
        sample = 0.0 if not entry.styles else 0.22 if lone_marker else 0.3
        indent = sample + 0.1 if entry.styles else 0.0
        widths.append(indent + text_width(entry.label, 8.0) / 72)
        shapes.append((sample, indent))
    places, rows = _flow(widths, left, fig_width - right, top, row)
    plain: list[tuple[float, float, str]] = []
    samples: list[list[tuple[Line2D, list[float]]]] = []
    labels: list[tuple[int | Any, float]] = []
    for entry, (x, y), (sample, indent) in zip(entries, places, shapes, strict=True):
        step = sample / max(len(entry.styles), 1)
        lines = []
        for j, style in enumerate(entry.styles):
            line_like = style.get("linestyle", "-") not in ("none", "None", "")
            d0 = j * step
            offsets = [d0, d0 + step] if line_like else [d0 + step / 2]
            line = Line2D([x + d for d in offsets], [y] * len(offsets), transform=where,
                          gid=KEY_HANDLE_GID, **style)  # fmt: skip
            fig.add_artist(line)
            lines.append((line, offsets))
        samples.append(lines)
        if entry.gid == KEY_LABEL_GID:
            labels.append((len(plain), indent))
            plain.append((x + indent, y, entry.label))
        else:  # a label someone needs to find by gid stays a Text
            text = fig.text(x + indent, y, entry.label, va="center", ha="left", fontsize=8,
                            transform=where, gid=entry.gid)  # fmt: skip
            labels.append((text, indent))
    collection = None
    if plain:
        collection = text_collection(fig, [t for *_, t in plain], [(px, py) for px, py, _ in plain],
                                     mpl.rcParams["text.color"], size=8, ha="left",
                                     gid=KEY_LABEL_GID, offset_transform=where,
                                     clip_on=False)  # fmt: skip
    flow = _KeyFlow(widths, left, top, right, row, rows, samples, labels, collection, fig_width)
    setattr(fig, KEY_FLOW_ATTR, flow)
    return rows


#: Attribute on a text collection with its strings, in the order they were placed.
TEXTS_ATTR = "alliance_texts"


_FONT = FontProperties(family="DejaVu Sans")
_GLYPH_SIZE = 100.0  # outlines are cached at this size and scaled


@lru_cache(maxsize=1024)
def _glyph(char: str) -> tuple[np.ndarray, np.ndarray, float]:
    """One character's outline (vertices, codes) and advance, at ``_GLYPH_SIZE`` points."""
    font = get_font(findfont(_FONT))
    font.set_size(_GLYPH_SIZE, 72)
    advance = font.load_char(ord(char)).linearHoriAdvance / 65536
    if char.isspace():  # no outline (and TextPath fails on an outline-less glyph)
        return np.zeros((0, 2)), np.zeros(0, dtype=np.uint8), advance
    path = TextPath((0, 0), char, size=_GLYPH_SIZE, prop=_FONT)
    return path.vertices, path.codes, advance


def text_width(text: str, size: float) -> float:
    """Advance width of ``text`` in points at ``size`` (no kerning)."""
    return sum(_glyph(c)[2] for c in text) * size / _GLYPH_SIZE


@lru_cache(maxsize=8192)
def _text_path(text: str, size: float, ha: str) -> MplPath:
    """``text`` as a filled outline in points, anchored at ``ha`` and vertically centred.

    Built from cached per-character outlines placed by their advances (no kerning,
    invisible at these sizes): a TextPath per string cost about a millisecond each,
    too much for 200 client codes.
    """
    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    x = 0.0
    for char in text:
        v, c, advance = _glyph(char)
        if len(v):
            verts.append(v + np.array([x, 0.0]))
            codes.append(c)
        x += advance
    if not verts:
        return MplPath(np.zeros((0, 2)))
    scale = size / _GLYPH_SIZE
    vertices = np.concatenate(verts) * scale
    width = x * scale
    dx = {"left": 0.0, "center": -width / 2, "right": -width}[ha]
    # Centre the cap height (digits, capitals) on the anchor; every text shares it,
    # so a row of mixed strings keeps one baseline.
    return MplPath(vertices + np.array([dx, -size * 0.365]), np.concatenate(codes))


def text_collection(
    host: Axes | Figure,
    texts: Sequence[str],
    offsets: Sequence[tuple[float, float]],
    colors: Sequence[str] | str,
    *,
    size: float,
    ha: str = "center",
    gid: str,
    clip_on: bool = True,
    offset_transform: Transform | None = None,
) -> PathCollection:
    """Many short texts drawn as one collection of glyph outlines.

    Agg draws each Text artist separately, at about a millisecond apiece here; a
    caseload of 200 clients has 2,600 of them. One PathCollection of cached outlines
    is drawn in a single call, stays sharp at any resolution, and keeps the strings
    on ``alliance_texts`` for tests and accessibility. Positions are in
    ``offset_transform`` (default: the host axes' data coordinates); sizes are
    points, so text keeps its size when the figure is resized.
    """
    paths = [_text_path(t, size, ha) for t in texts]
    fig = host if isinstance(host, Figure) else host.get_figure()
    if offset_transform is None:
        assert isinstance(host, Axes), "a figure-level text collection needs a transform"
        offset_transform = host.transData
    points = Affine2D().scale(1 / 72) + fig.dpi_scale_trans  # type: ignore[union-attr]
    collection = PathCollection(
        paths, offsets=np.asarray(offsets, dtype=float).reshape(-1, 2),
        offset_transform=offset_transform, transform=points, facecolors=colors,
        edgecolors="none", linewidths=0, gid=gid, clip_on=clip_on,
    )  # fmt: skip
    if isinstance(host, Figure):
        host.add_artist(collection)
    else:
        host.add_collection(collection, autolim=False)
    setattr(collection, TEXTS_ATTR, list(texts))
    return collection
