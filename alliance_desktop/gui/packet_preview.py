"""The supervision wizard's on-screen preview of a packet: a QTextDocument.

The packet's PDF is laid out by ``reports.packet_pdf`` (tagged, page by page); the
preview shows the same packet's text as Qt rich text (``Packet.html()``) with each chart
drawn as vectors from ``Packet.svg(name)`` (the ``alliance_desktop.charts`` figure),
so the therapist reads what will be exported while choosing. Moved here from
``reports/supervision.py`` so that nothing below ``gui`` imports Qt.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from alliance_desktop.reports.supervision import Packet

LAYOUT_DPI = 96.0  # the document is laid out in 96-dpi pixels, like a screen preview


def ensure_gui_application() -> Any:
    """The running QGuiApplication, or a new offscreen one for headless use."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["alliance-cli", "-platform", "offscreen"])
    _register_fonts()
    return app


_fonts_checked = False


def _register_fonts() -> None:
    """Use DejaVu (shipped with matplotlib) when the system lacks it, so the packet
    looks the same on every machine."""
    global _fonts_checked
    if _fonts_checked:
        return
    _fonts_checked = True
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    if {"DejaVu Serif", "DejaVu Sans"} <= families:
        return
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for f in sorted(folder.glob("DejaVu*.ttf")):
        QFontDatabase.addApplicationFont(str(f))


def packet_document(packet: Packet, *, width_px: int | None = None) -> Any:
    """A QTextDocument of the packet with vector charts, for a preview widget.

    Needs a QGuiApplication (``ensure_gui_application``). The chart drawer is a child
    of the document, so it lives exactly as long as the document does.
    """
    from PySide6.QtGui import QFont, QImage, QTextDocument, QTextFormat

    ensure_gui_application()
    doc = QTextDocument()
    # Lay out at exactly 96 dpi whatever the screen, so preview and PDF agree.
    device = QImage(8, 8, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
    device.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
    doc.documentLayout().setPaintDevice(device)
    doc._alliance_device = device  # type: ignore[attr-defined]
    font = QFont("DejaVu Serif", 10)
    # No "fi"/"fl" ligatures: extracted or searched text must read "confidential".
    font.setFeature(QFont.Tag("liga"), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    handler = _chart_handler(packet, doc)
    doc.documentLayout().registerHandler(int(QTextFormat.ObjectTypes.ImageObject), handler)
    doc._alliance_handler = handler  # type: ignore[attr-defined]
    doc.setHtml(packet.html(width_px or 640))
    return doc


def _chart_handler(packet: Packet, parent: Any) -> Any:
    from PySide6.QtCore import QByteArray, QRectF, QSizeF
    from PySide6.QtGui import QPyTextObject
    from PySide6.QtSvg import QSvgRenderer  # part of PySide6-Essentials

    class ChartObject(QPyTextObject):
        """Draws ``chart:NAME`` images from the packet's figures as vectors."""

        def __init__(self) -> None:
            super().__init__(parent)
            self.renderers: dict[str, Any] = {}
            self.drawn: dict[str, list[QRectF]] = {}

        def intrinsicSize(self, doc: Any, pos: int, fmt: Any) -> QSizeF:
            image = fmt.toImageFormat()
            return QSizeF(image.width(), image.height())

        def drawObject(self, painter: Any, rect: Any, doc: Any, pos: int, fmt: Any) -> None:
            name = fmt.toImageFormat().name().removeprefix("chart:")
            if name not in packet.charts:
                return
            if painter.hasClipping() and not painter.clipBoundingRect().contains(rect):
                return  # on another page
            self.drawn.setdefault(name, []).append(QRectF(rect))
            if _is_vector(packet, name):
                renderer = self.renderers.get(name)
                if renderer is None:
                    renderer = self.renderers[name] = QSvgRenderer(QByteArray(packet.svg(name)))
                painter.save()
                # The layout may leave a clip set; clipping in the PDF engine costs
                # ten times the drawing itself, and the chart stays inside its rect.
                painter.setClipping(False)
                renderer.render(painter, rect)
                painter.restore()
            else:
                painter.drawImage(rect, _png_image(packet, name))

    return ChartObject()


def _png_image(packet: Packet, name: str) -> Any:
    from PySide6.QtGui import QImage

    buf = io.BytesIO()
    fig = packet.figure(name)
    fig.savefig(buf, format="png", dpi=200, facecolor="white")
    fig.clear()
    return QImage.fromData(buf.getvalue())


def _is_vector(packet: Packet, name: str) -> bool:
    """Whether a chart is drawn as vectors: hatched charts are not (QtSvg paints an SVG
    hatch pattern a hundred times slower than the rest of a chart)."""
    return name != "rupture-timeline"


__all__ = ["ensure_gui_application", "packet_document"]
