"""The timeline's ratings as small labelled chips ("Trust 8", "Engagement 3", …).

The model gives the chips' texts (``CHIPS_ROLE``) and the same words as its display
and accessible text, so a screen reader hears "Trust 8 · Engagement 3 · …" and
nobody has to decode letter codes. The chips use the palette's mid-light surface and
text colours, so they keep their contrast in light and dark.

A client switch paints every visible row's chips: most of that was the antialiased
rounded rectangles, and each text's width measured anew. A chip, its rectangle (fill
and outline) and its text, is drawn once per text, size and colour into a pixmap and
copied after that, the text where ``drawText`` would centre it on the cell, from a
layout kept per text and font (``QStaticText``); each text's width is measured once
per font. Where a pixmap's text would not be the cell's (another logical DPI, right
to left, a line taller than the chip), only the rectangle is copied and the text is
drawn on the cell. The timeline's view paints a plain row's chips from
colours and metrics looked up once per paint (``plainCells``, ``paintPlainCell``);
both ways draw through ``_draw``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.gui.workspace.item_panel import paint_panel, right_to_left
from alliance_desktop.gui.workspace.models import CHIPS_ROLE, TimelineModel

Index = QModelIndex | QPersistentModelIndex
PAD_X = 6  # inside a chip, left and right
GAP = 4  # between chips
PAD_Y = 2  # a chip's top and bottom inside its row
MAX_FONTS = 8  # fonts whose text widths are kept
MAX_SHAPES = 256  # chip rectangles kept as pixmaps (a few widths × colours × scales)
MAX_TEXTS = 512  # chip texts kept laid out (a few dozen in use)
#: False draws every chip's rectangle on the cell again (what the copies are tested
#: against: the same pixels, give or take the rounding of one blend).
COPY_SHAPES = True
#: False copies only the rectangles and draws each chip's text on the cell (what the
#: whole copies are tested against).
WHOLE_CHIPS = True

# Enum values looked up once: each attribute access and each ``&`` of Qt's enums is a
# call into Python's enum module, several per cell painted.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_CENTRE = Qt.AlignmentFlag.AlignCenter
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_MID = QPalette.ColorRole.Mid
_HIGHLIGHT = QPalette.ColorRole.Highlight
_ALTERNATE = QPalette.ColorRole.AlternateBase
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TRANSLATE = QTransform.TransformationType.TxTranslate.value
_TRANSPARENT = Qt.GlobalColor.transparent


class WidthTables:
    """font key -> text -> a width measured in that font, for up to MAX_FONTS fonts
    (a theme or zoom change starts again): each text is measured once per font."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, int]] = {}

    def table(self, font: QFont) -> dict[str, int]:
        """``font``'s text -> width table, filled by whoever measures."""
        key = font.key()
        table = self._tables.get(key)
        if table is None:
            if len(self._tables) >= MAX_FONTS:
                self._tables.clear()
            table = self._tables[key] = {}
        return table


#: Horizontal advances, filled by ``advance``.
advances = WidthTables().table


def advance(table: dict[str, int], metrics: QFontMetrics, text: str) -> int:
    """``metrics.horizontalAdvance(text)``, measured once per table (font)."""
    width = table.get(text)
    if width is None:
        width = table[text] = metrics.horizontalAdvance(text)
    return width


def chips_width(metrics: QFontMetrics, chips: list[str], table: dict[str, int]) -> int:
    """The width the chips take in one line, with the gaps around them (``table``:
    the font's widths, from ``advances``, so each text is measured once)."""
    if not chips:
        return 0
    width = sum(advance(table, metrics, c) + 2 * PAD_X for c in chips)
    return width + GAP * (len(chips) - 1) + 2 * GAP


def prepared_text(text: str, font: QFont) -> QStaticText:
    """``text`` laid out once in ``font``, as plain text, for ``drawStaticText``."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(QTransform(), font)
    return static


def _shape(
    width: int, height: int, offset: float, fill: QColor, outline: QColor, ratio: float
) -> QPixmap:
    """A chip's rounded rectangle, as ``paint`` would draw it at a ``offset`` fraction
    of a pixel below a whole one, on a transparent pixmap one pixel larger all round
    (the outline's half pixel) and one more below (the offset)."""
    pixmap = QPixmap(math.ceil((width + 2) * ratio), math.ceil((height + 3) * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(_TRANSPARENT)
    p = QPainter(pixmap)
    try:
        p.setRenderHint(_ANTIALIAS)
        p.setBrush(fill)
        p.setPen(outline)
        radius = height / 2
        p.drawRoundedRect(QRectF(1, 1 + offset, width, height), radius, radius)
    finally:
        p.end()
    return pixmap


def _print(
    pixmap: QPixmap, static: QStaticText, plain: _Chips, width: int, height: int, offset: float
) -> None:
    """``static`` on a chip's ``pixmap`` (from ``_shape``) where ``_draw`` puts a
    chip's text: the same place relative to the box, so the same pixels."""
    p = QPainter(pixmap)
    try:
        p.setRenderHint(_ANTIALIAS)
        p.setFont(plain.font)
        p.setPen(plain.ink)
        size = static.size()
        p.drawStaticText(
            QPointF(1 + (width - size.width()) / 2, 1 + offset + (height - plain.line) / 2),
            static,
        )
    finally:
        p.end()


def _pixmap_dpi() -> tuple[int, int]:
    """The logical DPI a pixmap paints text at (fonts in points are sized by it)."""
    global _PIXMAP_DPI
    if _PIXMAP_DPI is None:
        probe = QPixmap(1, 1)
        _PIXMAP_DPI = (probe.logicalDpiX(), probe.logicalDpiY())
    return _PIXMAP_DPI


_PIXMAP_DPI: tuple[int, int] | None = None


@dataclass(slots=True)
class _Chips:
    """What drawing the chips of one option takes: worked out once per cell on Qt's
    way, once per paint for a plain row's cells (``plainCells``)."""

    metrics: QFontMetrics
    table: dict[str, int]
    height: int
    fill: QColor
    outline: QColor
    ink: QColor
    ratio: float
    copy: bool
    colours: tuple[int, int, int]  # fill, outline, text
    font: QFont
    texts: dict[str, QStaticText]
    line: float
    direct: bool
    #: Whole chips (box and text) copied from pixmaps: the texts laid out, and a
    #: pixmap's text the size the cell's is (the same logical DPI).
    whole: bool = False
    model: TimelineModel | None = None


class RatingChipsDelegate(QStyledItemDelegate):
    """Paints ``CHIPS_ROLE`` texts as rounded chips in one line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: (width, height, offset, fill, outline, pixel ratio) -> the chip's rectangle.
        self._shapes: dict[tuple[int, int, float, int, int, float], QPixmap] = {}
        #: The last font painted in, its line height, and each chip text laid out in it.
        self._font: QFont | None = None
        self._line = 0.0
        self._static: dict[str, QStaticText] = {}
        #: (text, width, height, offset, fill, outline, ink, pixel ratio) -> the chip with
        #: its text, in the font of ``_static``.
        self._whole: dict[tuple[str, int, int, float, int, int, int, float], QPixmap] = {}

    def _texts_for(self, font: QFont, painter: QPainter) -> tuple[dict[str, QStaticText], float]:
        """The chips' texts laid out in ``font`` (a few dozen: they repeat from row to
        row and client to client), and its line height."""
        if self._font is None or font != self._font:
            # A copy: the option's font lives only as long as the option.
            self._font = QFont(font)
            exact = QFontMetricsF(painter.fontMetrics())
            self._line = exact.ascent() + exact.descent()
            self._static = {}
            self._whole = {}
        if len(self._static) >= MAX_TEXTS:
            self._static = {}
        return self._static, self._line

    def _chips(self, index: Index) -> list[str]:
        model = index.model()
        if isinstance(model, TimelineModel):  # straight from the model: no round trip
            return model.chips(index.row()) if 0 <= index.row() < model.rowCount() else []
        chips = index.data(CHIPS_ROLE)
        return [str(c) for c in chips] if isinstance(chips, list) else []

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        chips = self._chips(index)
        if not chips:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        return QSize(
            chips_width(metrics, chips, advances(option.font)), metrics.height() + 2 * PAD_Y + 4
        )

    def _shared(self, opt: QStyleOptionViewItem, state: int, painter: QPainter) -> _Chips:
        """What drawing chips in ``opt`` takes, but the cell."""
        palette: QPalette = opt.palette
        selected = bool(state & _SELECTED)
        metrics = opt.fontMetrics
        # The row's colours once, not three palette look-ups per chip.
        fill = palette.color(_HIGHLIGHT).lighter(115) if selected else palette.color(_ALTERNATE)
        outline = palette.color(_MID)
        ink = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        # The rectangles copied from pixmaps where that gives the same pixels: a whole
        # number of device pixels per pixel, and no scaling or rotation.
        ratio = painter.device().devicePixelRatioF()
        copy = (
            COPY_SHAPES
            and ratio == int(ratio)
            and painter.worldTransform().type().value <= _TRANSLATE
        )
        height = metrics.height() + 2 * PAD_Y
        font = painter.font()  # what drawText would draw in
        texts, line = self._texts_for(font, painter)
        direct = line > height or right_to_left(opt)
        device = painter.device()
        return _Chips(
            metrics=metrics,
            table=advances(opt.font),
            height=height,
            fill=fill,
            outline=outline,
            ink=ink,
            ratio=ratio,
            copy=copy,
            colours=(fill.rgba(), outline.rgba(), ink.rgba()),
            font=font,
            texts=texts,
            line=line,
            direct=direct,
            whole=WHOLE_CHIPS
            and copy
            and not direct
            and (device.logicalDpiX(), device.logicalDpiY()) == _pixmap_dpi(),
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chips = self._chips(index)
        if not chips:
            super().paint(painter, option, index)
            return
        state = option.state._value_
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if isinstance(index.model(), TimelineModel) and not state & _HAS_FOCUS:
            paint_panel(style, option, painter, state)  # the focused cell: Qt's way
            opt = option
        else:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(_ITEM, opt, painter, widget)
        painter.save()
        self._draw(painter, self._shared(opt, state, painter), chips, opt.rect)
        painter.restore()

    # -- plain rows, painted by RowTableView in one pass -------------------------

    def plainCells(
        self, model: object, option: QStyleOptionViewItem, painter: QPainter
    ) -> _Chips | None:
        if not isinstance(model, TimelineModel):
            return None
        shared = self._shared(option, option.state._value_, painter)
        shared.model = model
        return shared

    def paintPlainCell(
        self, painter: QPainter, plain: object, row: int, column: int, rect: QRect
    ) -> None:
        assert isinstance(plain, _Chips) and plain.model is not None
        chips = plain.model.chips(row)
        if chips:  # a plain cell without chips shows nothing (no text, panel or brush)
            self._draw(painter, plain, chips, rect)

    def _rectangle(self, width: int, height: int, offset: float, plain: _Chips) -> QPixmap:
        """A chip's rectangle, drawn once per size, offset and colours."""
        key = (width, height, offset, *plain.colours[:2], plain.ratio)
        shape = self._shapes.get(key)
        if shape is None:
            if len(self._shapes) >= MAX_SHAPES:
                self._shapes = {}
            shape = self._shapes[key] = _shape(
                width, height, offset, plain.fill, plain.outline, plain.ratio
            )
        return shape

    def _chip(self, chip: str, width: int, height: int, offset: float, plain: _Chips) -> QPixmap:
        """A chip with its text, drawn once per text, size, offset, colours and font."""
        key = (chip, width, height, offset, *plain.colours, plain.ratio)
        drawn = self._whole.get(key)
        if drawn is None:
            static = plain.texts.get(chip)
            if static is None:
                static = plain.texts[chip] = prepared_text(chip, plain.font)
            if len(self._whole) >= MAX_SHAPES:
                self._whole = {}
            drawn = self._whole[key] = _shape(
                width, height, offset, plain.fill, plain.outline, plain.ratio
            )
            _print(drawn, static, plain, width, height, offset)
        return drawn

    def _draw(self, painter: QPainter, plain: _Chips, chips: list[str], rect: QRect) -> None:
        """The chips in one line in ``rect``, as many as fit whole; leaves the
        painter's pen, brush and hints changed."""
        height, metrics, table = plain.height, plain.metrics, plain.table
        top = rect.top() + (rect.height() - height) / 2
        x = rect.left() + GAP
        painter.setRenderHint(_ANTIALIAS)
        copy = plain.copy
        if copy:
            whole = math.floor(top)
            offset = top - whole
        else:
            painter.setBrush(plain.fill)
        right = rect.right()
        radius = height / 2
        texts, line, direct = plain.texts, plain.line, plain.direct
        for chip in chips:
            width = advance(table, metrics, chip) + 2 * PAD_X
            if x + width > right:
                break  # no half chips: the tooltip and accessible text have them all
            box = QRectF(x, top, width, height)
            if plain.whole:  # (``whole`` only where ``copy``)
                drawn = self._chip(chip, width, height, offset, plain)
                painter.drawPixmap(QPointF(x - 1, whole - 1), drawn)
                x += width + GAP
                continue
            if copy:
                shape = self._rectangle(width, height, offset, plain)
                painter.drawPixmap(QPointF(x - 1, whole - 1), shape)
            else:
                painter.setPen(plain.outline)
                painter.drawRoundedRect(box, radius, radius)
            painter.setPen(plain.ink)
            static = None if direct else texts.get(chip)
            if static is None and not direct:
                static = texts[chip] = prepared_text(chip, plain.font)
            if static is None:
                painter.drawText(box, _CENTRE, chip)
            else:
                # Where drawText centres it, from a layout kept with the text (drawText
                # lays the text out again on every call).
                size = static.size()
                painter.drawStaticText(
                    QPointF(x + (width - size.width()) / 2, top + (height - line) / 2), static
                )
            x += width + GAP


__all__ = [
    "RatingChipsDelegate",
    "WidthTables",
    "advance",
    "advances",
    "chips_width",
    "prepared_text",
]
