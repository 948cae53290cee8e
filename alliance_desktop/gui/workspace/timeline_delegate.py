"""The timeline's text cells, painted from the model's texts with little work per cell.

Qt's own delegate asks the model for seven roles per cell and lays each text out
anew (a ``QTextLayout`` per cell) on every paint; a client switch paints the visible
rows at least twice. This one reads the row's texts straight from ``TimelineModel``
(worked out once per row), keeps each cell's elided text for its width, and draws the
same things Qt's delegate would: the style's item panel (selection, hover), the
supervision flag, the text in the palette's (highlighted) text colour, left aligned
and elided on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.gui.workspace.models import TimelineModel

Index = QModelIndex | QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MAX_ELIDED = 4000  # cells kept elided (a few widths of a long timeline)


def text_colour(option: QStyleOptionViewItem) -> QPalette.ColorRole:
    """The role Qt's item views draw a cell's text in."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    return QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text


def colour_group(option: QStyleOptionViewItem) -> QPalette.ColorGroup:
    """The palette group Qt's item views draw a cell in (disabled, inactive, normal)."""
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QPalette.ColorGroup.Disabled
    if not option.state & QStyle.StateFlag.State_Active:
        return QPalette.ColorGroup.Inactive
    return QPalette.ColorGroup.Normal


def icon_mode(option: QStyleOptionViewItem) -> QIcon.Mode:
    """The mode Qt's item views draw a cell's icon in."""
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QIcon.Mode.Disabled
    if option.state & QStyle.StateFlag.State_Selected:
        return QIcon.Mode.Selected
    return QIcon.Mode.Normal


class TimelineDelegate(QStyledItemDelegate):
    """Paints a timeline text cell; any other model falls back to Qt's delegate."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: (row, column, width, font) -> the text elided to that width; emptied when the
        #: rows change (``forget``).
        self._elided: dict[tuple[int, int, int, str], str] = {}

    def forget(self) -> None:
        self._elided = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        row, column = index.row(), index.column()
        if not isinstance(model, TimelineModel) or not 0 <= row < model.rowCount():
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The item panel paints a selection or a background brush and nothing else
        # (the style sheet has no item rules: see style.qss), so an unselected cell
        # without one skips the round trip through the styles.
        if (
            option.state & QStyle.StateFlag.State_Selected
            or option.backgroundBrush.style() != Qt.BrushStyle.NoBrush
        ):
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        text = model.texts(row)[column]
        icon = model.icon(row, column)
        if not text and icon is None:
            return
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect: QRect = option.rect.adjusted(margin, 0, -margin, 0)
        if icon is not None:
            size = option.decorationSize
            top = rect.top() + (rect.height() - size.height()) // 2
            icon.paint(
                painter,
                QRect(rect.left(), top, size.width(), size.height()),
                Qt.AlignmentFlag.AlignCenter,
                icon_mode(option),
            )
            rect.setLeft(rect.left() + size.width() + 2 * margin)
        if not text or rect.width() <= 0:
            return
        font: QFont = option.font
        key = (row, column, rect.width(), font.key())
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) > MAX_ELIDED:
                self._elided = {}
            elided = self._elided[key] = option.fontMetrics.elidedText(
                text, Qt.TextElideMode.ElideRight, rect.width()
            )
        painter.save()
        painter.setFont(font)
        painter.setPen(option.palette.color(colour_group(option), text_colour(option)))
        painter.drawText(rect, _LEFT, elided)
        painter.restore()


__all__ = ["TimelineDelegate", "colour_group", "icon_mode", "text_colour"]
