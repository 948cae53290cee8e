"""The timeline's text cells, painted from the model's texts with little work per cell.

Qt's own delegate asks the model for seven roles per cell and lays each text out
anew (a ``QTextLayout`` per cell) on every paint; a client switch paints the visible
rows at least twice. This one reads the row's texts straight from ``TimelineModel``
(worked out once per row), keeps each text elided for its width, and draws the
same things Qt's delegate would: the style's item panel (selection, hover), the
supervision flag, the text in the palette's (highlighted) text colour, left aligned
and elided on the right.

The timeline's view (``RowTableView``) paints its plain rows without a call per cell:
it asks ``plainCells`` once per paint for the option's font, colour and margins, then
``paintPlainCell`` per cell; both ways draw through ``_draw``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from alliance_desktop.gui.workspace.item_panel import paint_panel, right_to_left
from alliance_desktop.gui.workspace.models import TimelineModel
from alliance_desktop.gui.workspace.rating_chips import prepared_text

Index = QModelIndex | QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MAX_ELIDED = 4000  # texts kept elided (a few widths of a long timeline)
#: False draws each text with ``drawText`` again, laid out anew on every paint (what
#: the kept layouts are tested against: the same pixels).
STATIC_TEXTS = True

# Enum values looked up once: an attribute of Qt's enums, and each ``&`` of two, is a
# call into Python's enum module, and a cell asked for several per paint.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_FOCUS_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_CENTRE = Qt.AlignmentFlag.AlignCenter
_ELIDE = Qt.TextElideMode.ElideRight
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_DISABLED = QPalette.ColorGroup.Disabled
_INACTIVE = QPalette.ColorGroup.Inactive
_NORMAL = QPalette.ColorGroup.Normal
_ICON_DISABLED = QIcon.Mode.Disabled
_ICON_SELECTED = QIcon.Mode.Selected
_ICON_NORMAL = QIcon.Mode.Normal


def _text_colour(state: int) -> QPalette.ColorRole:
    return _HIGHLIGHTED_TEXT if state & _SELECTED else _TEXT


def _colour_group(state: int) -> QPalette.ColorGroup:
    if not state & _ENABLED:
        return _DISABLED
    if not state & _ACTIVE:
        return _INACTIVE
    return _NORMAL


def _icon_mode(state: int) -> QIcon.Mode:
    if not state & _ENABLED:
        return _ICON_DISABLED
    if state & _SELECTED:
        return _ICON_SELECTED
    return _ICON_NORMAL


def text_colour(option: QStyleOptionViewItem) -> QPalette.ColorRole:
    """The role Qt's item views draw a cell's text in."""
    return _text_colour(option.state._value_)


def colour_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group Qt's item views draw a cell in (disabled, inactive, normal)."""
    return _colour_group(option.state._value_)


def icon_mode(option: QStyleOptionViewItem) -> QIcon.Mode:
    """The mode Qt's item views draw a cell's icon in."""
    return _icon_mode(option.state._value_)


@dataclass(slots=True)
class _Plain:
    """What drawing the cells of one option takes: worked out once per cell on
    Qt's way, once per paint for a plain row's cells (``plainCells``)."""

    font: QFont
    metrics: QFontMetrics
    line: float
    margin: int
    ink: QColor
    decoration: QSize
    icon_mode: QIcon.Mode
    static: bool
    model: TimelineModel | None = None


class TimelineDelegate(QStyledItemDelegate):
    """Paints a timeline text cell; any other model falls back to Qt's delegate."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: (text, width) -> the text elided to that width in the last font painted
        #: in, and that laid out once (``QStaticText``: ``drawText`` lays a text out
        #: again on every paint, and a row is painted again on every hover, selection
        #: and scroll). Keyed by the text, not the row: the short columns' texts ("2",
        #: "bring", a date) repeat from row to row and from client to client, and a
        #: reset leaves nothing stale. Emptied when the font changes.
        self._elided: dict[tuple[str, int], tuple[str, QStaticText | None]] = {}
        #: The last font painted in and its line height (where ``drawText`` centres a
        #: line).
        self._font: QFont | None = None
        self._line = 0.0
        #: The last style and widget painted for, and the item margin they give.
        self._style: QStyle | None = None
        self._widget: QWidget | None = None
        self._margin = 0

    def _margin_for(self, style: QStyle, widget: QWidget | None) -> int:
        if style is not self._style or widget is not self._widget:
            self._style, self._widget = style, widget
            self._margin = style.pixelMetric(_FOCUS_MARGIN, None, widget) + 1
        return self._margin

    def _shared(
        self, option: QStyleOptionViewItem, style: QStyle, state: int, painter: QPainter
    ) -> _Plain:
        """What drawing a cell's text and icon in ``option`` takes, but the cell."""
        font: QFont = option.font
        if self._font is None or font != self._font:
            # A copy: the option's font lives only as long as the option.
            self._font = QFont(font)
            painter.save()
            painter.setFont(font)
            exact = QFontMetricsF(painter.fontMetrics())
            painter.restore()
            self._line = exact.ascent() + exact.descent()
            self._elided = {}
        return _Plain(
            font=self._font,
            metrics=option.fontMetrics,
            line=self._line,
            margin=self._margin_for(style, option.widget),
            ink=option.palette.color(_colour_group(state), _text_colour(state)),
            decoration=option.decorationSize,
            icon_mode=_icon_mode(state),
            static=STATIC_TEXTS and not right_to_left(option),
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        cell = model.cell(index.row(), index.column()) if isinstance(model, TimelineModel) else None
        if cell is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        state = option.state._value_
        paint_panel(style, option, painter, state)
        text, icon = cell
        if not text and icon is None:
            return
        painter.save()
        self._draw(painter, self._shared(option, style, state, painter), text, icon, option.rect)
        painter.restore()

    # -- plain rows, painted by RowTableView in one pass -------------------------

    def plainCells(
        self, model: object, option: QStyleOptionViewItem, painter: QPainter
    ) -> _Plain | None:
        if not isinstance(model, TimelineModel):
            return None
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        shared = self._shared(option, style, option.state._value_, painter)
        shared.model = model
        return shared

    def paintPlainCell(
        self, painter: QPainter, plain: object, row: int, column: int, rect: QRect
    ) -> None:
        assert isinstance(plain, _Plain) and plain.model is not None
        text = plain.model.texts(row)[column]
        icon = plain.model.icon(row, column)
        if text or icon is not None:
            self._draw(painter, plain, text, icon, rect)

    def _draw(
        self, painter: QPainter, plain: _Plain, text: str, icon: QIcon | None, cell: QRect
    ) -> None:
        """The cell's icon and its text, elided, in ``cell``; leaves the painter's
        font and pen changed."""
        margin = plain.margin
        rect = cell.adjusted(margin, 0, -margin, 0)
        if icon is not None:
            size = plain.decoration
            top = rect.top() + (rect.height() - size.height()) // 2
            icon.paint(
                painter,
                QRect(rect.left(), top, size.width(), size.height()),
                _CENTRE,
                plain.icon_mode,
            )
            rect.setLeft(rect.left() + size.width() + 2 * margin)
        width = rect.width()
        if not text or width <= 0:
            return
        painter.setFont(plain.font)
        key = (text, width)
        entry = self._elided.get(key)
        if entry is None:
            if len(self._elided) > MAX_ELIDED:
                self._elided = {}
            entry = (plain.metrics.elidedText(text, _ELIDE, width), None)
            self._elided[key] = entry
        elided, static = entry
        painter.setPen(plain.ink)
        line = plain.line
        if not plain.static or line > rect.height():
            painter.drawText(rect, _LEFT, elided)
        else:
            if static is None:
                static = prepared_text(elided, plain.font)
                self._elided[key] = (elided, static)
            # Where drawText puts a left-aligned, vertically centred line.
            painter.drawStaticText(
                QPointF(rect.left(), rect.top() + (rect.height() - line) / 2), static
            )


__all__ = ["TimelineDelegate", "colour_group", "icon_mode", "text_colour"]
