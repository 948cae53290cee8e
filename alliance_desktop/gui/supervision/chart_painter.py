"""The packet's per-client chart drawn with QPainter for the preview (issue 15).

``reports.packet_chart.ClientChart`` draws itself onto the PDF writer's ``Canvas`` in a
few milliseconds; building the same chart as a matplotlib figure for the preview cost
0.1-0.3 s of the worker's time each, most of it in C code that holds the lock Python
threads share, so the window stalled while the preview drew. ``PainterCanvas`` takes
the same drawing calls (points, from the top-left corner) onto a ``QPainter``, and
:func:`client_chart_image` paints one chart into a ``QImage`` on the worker thread (Qt
allows painting on a QImage in any thread), already the size of its box in the preview
at the screen's pixel ratio, so the UI thread only hands it to the document (no PNG to
encode on the worker, nor to decode on the UI thread, which holds the interpreter's
lock while it decodes). So the preview shows what the PDF page holds, drawn by the
same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

Color = tuple[float, float, float]

#: Text is drawn at this pixel size and scaled, so any point size (7.5) is exact.
_BASE_PX = 100
_families: dict[str, str] = {}


def load_fonts() -> None:
    """Register the chart's faces with Qt (once, on the UI thread, before any job)."""
    if _families:
        return
    from alliance_desktop.reports.pdf.fonts import FACES, font_folder

    folder = font_folder()
    for key in ("sans", "sans-bold"):
        name, family = FACES[key], "DejaVu Sans"
        if (folder / name).is_file():
            found = QFontDatabase.addApplicationFont(str(folder / name))
            families = QFontDatabase.applicationFontFamilies(found) if found >= 0 else []
            family = families[0] if families else family
        _families[key] = family


def _qcolor(c: Color) -> QColor:
    return QColor.fromRgbF(*(min(1.0, max(0.0, float(v))) for v in c))


class PainterCanvas:
    """The drawing calls of ``reports.pdf.writer.Canvas`` that charts make, on a QPainter."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
        self._fonts: dict[str, QFont] = {}

    # Marking is the PDF's structure; a picture has none.
    def begin(self, *_: Any) -> None: ...

    def artifact(self, *_: Any) -> None: ...

    def end(self) -> None: ...

    def _font(self, face: str) -> QFont:
        font = self._fonts.get(face)
        if font is None:
            font = QFont(_families.get(face, _families.get("sans", "DejaVu Sans")))
            font.setPixelSize(_BASE_PX)
            font.setBold(face.endswith("bold"))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(False)  # the PDF sets glyphs at their advances
            self._fonts[face] = font
        return font

    def _pen(self, width: float, color: Color, dash: str = "") -> QPen:
        pen = QPen(_qcolor(color))
        pen.setWidthF(width)
        if dash:
            # PDF dashes are lengths; Qt's are in units of the pen's width.
            unit = width or 1.0
            pen.setDashPattern([max(0.1, float(v) / unit) for v in dash.split()])
        return pen

    def text(self, x: float, y: float, text: str, face: str, size: float,
             color: Color = (0, 0, 0), angle: int = 0) -> None:  # fmt: skip
        if not text:
            return
        p = self.p
        p.save()
        p.translate(x, y)
        if angle == 90:
            p.rotate(-90)  # upwards, as the PDF's
        p.scale(size / _BASE_PX, size / _BASE_PX)
        p.setPen(_qcolor(color))
        p.setFont(self._font(face))
        p.drawText(QPointF(0, 0), text)
        p.restore()

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5,
             color: Color = (0, 0, 0), dash: str = "") -> None:  # fmt: skip
        self.p.setPen(self._pen(width, color, dash))
        self.p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def polyline(self, points: Iterable[tuple[float, float]], width: float = 1.0,
                 color: Color = (0, 0, 0), dash: str = "") -> None:  # fmt: skip
        pts = [QPointF(x, y) for x, y in points]
        if len(pts) < 2:
            return
        pen = self._pen(width, color, dash)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.p.setPen(pen)
        self.p.drawPolyline(QPolygonF(pts))

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None = None,
             stroke: Color | None = None, width: float = 0.5) -> None:  # fmt: skip
        p = self.p
        p.setPen(self._pen(width, stroke) if stroke else Qt.PenStyle.NoPen)
        p.setBrush(QBrush(_qcolor(fill)) if fill else Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x, y, w, h))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def marker(self, kind: str, x: float, y: float, r: float, color: Color,
               filled: bool = True) -> None:  # fmt: skip
        """The PDF writer's symbols: "o" circle, "D" diamond, "v" down, "^" up."""
        path = QPainterPath()
        if kind == "o":
            path.addEllipse(QPointF(x, y), r, r)
        elif kind == "D":
            path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r * 0.8, y),
                                       QPointF(x, y + r), QPointF(x - r * 0.8, y)]))  # fmt: skip
            path.closeSubpath()
        else:
            s = -1 if kind == "^" else 1  # y runs downwards here
            path.addPolygon(QPolygonF([QPointF(x, y + s * r), QPointF(x - r, y - s * r * 0.8),
                                       QPointF(x + r, y - s * r * 0.8)]))  # fmt: skip
            path.closeSubpath()
        p = self.p
        p.setPen(self._pen(0.8 if filled else 0.9, color))
        p.setBrush(QBrush(_qcolor(color) if filled else QColor("#ffffff")))
        p.drawPath(path)
        p.setBrush(Qt.BrushStyle.NoBrush)


def _box(width: int, height: int, ratio: float) -> QImage:
    """A white box of ``width`` × ``height`` logical pixels in device pixels: what the
    preview's text leaves for a chart (its pixel ratio is set once it is painted)."""
    image = QImage(max(1, round(width * ratio)), max(1, round(height * ratio)),
                   QImage.Format.Format_RGB32)  # fmt: skip
    image.fill(QColor("#ffffff"))
    return image


def client_chart_image(chart: Any, width: int, height: int, pixel_ratio: float = 1.0) -> QImage:
    """``chart`` (a ``ClientChart``) fitted into its ``width`` × ``height`` box of logical
    pixels at ``pixel_ratio``, its own proportions kept and centred in the box: the
    bitmap the preview shows as it is (nothing left to decode or compose on the UI
    thread). Any thread."""
    ratio = max(1.0, float(pixel_ratio))
    aspect = float(chart.aspect) or 0.5
    w_px = max(1.0, min(float(width), height / aspect)) * ratio
    h_px = w_px * aspect
    # Points at 96 dpi: the chart's type sizes read as they do on a printed page.
    w_pt = w_px / ratio * 0.75
    image = _box(width, height, ratio)
    chart_w, chart_h = max(1, round(w_px)), max(1, round(h_px))
    painter = QPainter(image)
    try:
        # The chart's own rectangle, centred in the box, drawn inside it only.
        painter.translate((image.width() - chart_w) // 2, (image.height() - chart_h) // 2)
        painter.setClipRect(0, 0, chart_w, chart_h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = w_px / w_pt
        painter.scale(scale, scale)
        chart.draw(PainterCanvas(painter), 0.0, 0.0, w_pt, w_pt * aspect)
    finally:
        painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def place_in_box(chart: QImage, width: int, height: int, pixel_ratio: float = 1.0) -> QImage:
    """A drawn chart (device pixels) centred in its ``width`` × ``height`` box of logical
    pixels at ``pixel_ratio``, never scaled. Any thread."""
    ratio = max(1.0, float(pixel_ratio))
    image = _box(width, height, ratio)
    painter = QPainter(image)
    try:
        painter.drawImage((image.width() - chart.width()) // 2,
                          (image.height() - chart.height()) // 2, chart)  # fmt: skip
    finally:
        painter.end()
    image.setDevicePixelRatio(ratio)
    return image


__all__ = [
    "PainterCanvas",
    "client_chart_image",
    "load_fonts",
    "place_in_box",
]
