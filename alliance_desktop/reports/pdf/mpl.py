"""A matplotlib figure drawn straight into a page as PDF vectors.

A minimal matplotlib renderer: paths (lines, fills, markers, collections through the
base class), hatches (tiled inside the clipped path, as matplotlib's own PDF backend
does), clipping and opacity become PDF operators in the figure's box on the page; text
is real text in the packet's embedded DejaVu Sans (the face matplotlib measured it
with), so the chart's words are searchable. No image and no SVG round trip: the figure
is drawn once, into the page, then closed by the caller.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backend_bases import RendererBase
from matplotlib.path import Path as MplPath

from alliance_desktop.reports.pdf.fonts import load_face
from alliance_desktop.reports.pdf.writer import Canvas, _num

_CAP = {"butt": 0, "round": 1, "projecting": 2}
_JOIN = {"miter": 0, "round": 1, "bevel": 2}


def _segments(path: MplPath, transform: Any, close_all: bool = False) -> str:
    out: list[str] = []
    last = (0.0, 0.0)
    for verts, code in path.iter_segments(transform, remove_nans=True, simplify=False,
                                          curves=True):  # fmt: skip
        if code == MplPath.MOVETO:
            out.append(f"{_num(verts[0])} {_num(verts[1])} m")
            last = (verts[0], verts[1])
        elif code == MplPath.LINETO:
            out.append(f"{_num(verts[0])} {_num(verts[1])} l")
            last = (verts[0], verts[1])
        elif code == MplPath.CURVE3:
            (qx, qy), (x, y) = (verts[0], verts[1]), (verts[2], verts[3])
            c1 = (last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]))
            c2 = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y))
            out.append(f"{_num(c1[0])} {_num(c1[1])} {_num(c2[0])} {_num(c2[1])} "
                       f"{_num(x)} {_num(y)} c")  # fmt: skip
            last = (x, y)
        elif code == MplPath.CURVE4:
            out.append(" ".join(_num(v) for v in verts[:6]) + " c")
            last = (verts[4], verts[5])
        elif code == MplPath.CLOSEPOLY:
            out.append("h")
    return " ".join(out)


class _Renderer(RendererBase):
    def __init__(self, canvas: Canvas, width: float, height: float) -> None:
        super().__init__()
        self.canvas = canvas
        self.width = width
        self.height = height
        self.ops: list[str] = []

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points  # drawn at 72 dpi: one pixel is one point

    def _state(self, gc: Any, fill: Any) -> str:
        ops = []
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x0, y0, w, h = rect.bounds
            ops.append(f"{_num(x0)} {_num(y0)} {_num(w)} {_num(h)} re W n")
        clip, affine = gc.get_clip_path()
        if clip is not None:
            ops.append(_segments(clip, affine) + " W n")
        alpha = gc.get_alpha()
        stroke = gc.get_rgb()
        fill_alpha = alpha if gc.get_forced_alpha() or fill is None or len(fill) < 4 else fill[3]
        a = min(alpha if gc.get_forced_alpha() else stroke[3], 1.0)
        if a < 0.999 or (fill is not None and fill_alpha < 0.999):
            value = min(a, fill_alpha) if fill is not None else a
            ops.append(f"/{self.canvas.alpha(value)} gs")
        ops.append(f"{_num(stroke[0])} {_num(stroke[1])} {_num(stroke[2])} RG")
        if fill is not None:
            ops.append(f"{_num(fill[0])} {_num(fill[1])} {_num(fill[2])} rg")
        ops.append(f"{_num(gc.get_linewidth())} w {_CAP.get(gc.get_capstyle(), 0)} J "
                   f"{_JOIN.get(gc.get_joinstyle(), 0)} j")  # fmt: skip
        offset, dashes = gc.get_dashes()
        if dashes:
            ops.append(f"[{' '.join(_num(d) for d in dashes)}] {_num(offset or 0)} d")
        return " ".join(ops)

    def draw_path(self, gc: Any, path: MplPath, transform: Any, rgbFace: Any = None) -> None:
        segs = _segments(path, transform)
        if not segs:
            return
        stroke = gc.get_linewidth() > 0 and gc.get_rgb()[3] > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        paint = "B" if stroke and fill else "f" if fill else "S" if stroke else "n"
        self.ops.append(f"q {self._state(gc, rgbFace if fill else None)} {segs} {paint} Q")
        hatch = gc.get_hatch()
        if hatch:
            self._hatch(gc, path, transform, segs)

    def _hatch(self, gc: Any, path: MplPath, transform: Any, segs: str) -> None:
        tile = 72.0
        unit = gc.get_hatch_path()
        if unit is None:
            return
        ext = path.get_extents(transform)
        color = gc.get_hatch_color()
        body = _segments(unit, None)
        ops = [f"q {segs} W n {_num(color[0])} {_num(color[1])} {_num(color[2])} RG "
               f"{_num(gc.get_hatch_linewidth())} w"]  # fmt: skip
        x = (ext.x0 // tile) * tile
        while x < ext.x1:
            y = (ext.y0 // tile) * tile
            while y < ext.y1:
                ops.append(f"q {_num(tile)} 0 0 {_num(tile)} {_num(x)} {_num(y)} cm "
                           f"{_num(1 / tile)} w {body} S Q")  # fmt: skip
                y += tile
            x += tile
        ops.append("Q")
        self.ops.append(" ".join(ops))

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:  # fmt: skip
        if ismath:
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath)  # type: ignore[attr-defined]
            return
        used = self.canvas.doc.font("sans-bold" if _bold(prop) else "sans")
        rgb = gc.get_rgb()
        size = prop.get_size_in_points()
        import math

        c, sn = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        text = (f"{_num(c)} {_num(sn)} {_num(-sn)} {_num(c)} {_num(x)} {_num(y)} Tm "
                f"{used.resource} {_num(size)} Tf <{used.encode(s).decode()}> Tj")  # fmt: skip
        clip = ""
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x0, y0, w, h = rect.bounds
            clip = f"{_num(x0)} {_num(y0)} {_num(w)} {_num(h)} re W n "
        self.ops.append(f"q {clip}{_num(rgb[0])} {_num(rgb[1])} {_num(rgb[2])} rg BT {text} ET Q")

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
        """From the embedded face's own metrics (the text is drawn in it), which is much
        quicker than laying the glyphs out as paths."""
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        face = load_face("sans-bold" if _bold(prop) else "sans")
        size = prop.get_size_in_points()
        lines = s.split("\n")
        width = max(face.width(line, size) for line in lines)
        ascent, descent = face.ascent * size / face.units, -face.descent * size / face.units
        return width, ascent + descent + (len(lines) - 1) * size * 1.2, descent

    def draw_image(self, gc: Any, x: float, y: float, im: Any, transform: Any = None) -> None:
        return  # the packet's charts hold no images


def _bold(prop: Any) -> bool:
    weight = prop.get_weight()
    return weight in ("bold", "heavy", "semibold", "demibold", "black") or (
        isinstance(weight, int) and weight >= 600
    )


def draw_figure(canvas: Canvas, fig: Any, x: float, y: float, w: float, h: float) -> None:
    """Draw ``fig`` into the box at (x, y) (top-left, points), scaled to width ``w``."""
    fw, fh = fig.get_size_inches()
    old_dpi = fig.dpi
    fig.dpi = 72.0
    try:
        width, height = fw * 72.0, fh * 72.0
        renderer = _Renderer(canvas, width, height)
        fig.draw(renderer)
    finally:
        fig.dpi = old_dpi
    scale = min(w / width, h / height)
    bottom = canvas.height - y - height * scale
    canvas.raw(f"q {_num(scale)} 0 0 {_num(scale)} {_num(x)} {_num(bottom)} cm\n")
    canvas.raw("\n".join(renderer.ops))
    canvas.raw("\nQ\n")


__all__ = ["draw_figure"]
