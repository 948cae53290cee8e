"""Draws a client as two lines: the code in bold, then sessions and last date, quieter.

The first practice client carries the "Practice clients" heading above it (a quiet
caption and a rule, drawn in the row, never selectable), so the trainee's vignettes
stand apart from real clients while Up and Down still walk the whole list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.domain import ClientStatus
from alliance_desktop.gui.workspace.item_panel import paint_panel
from alliance_desktop.gui.workspace.models import (
    ALERTS_ROLE,
    CLOSED_ROLE,
    SECTION_ROLE,
    ClientFilterModel,
    ClientListModel,
)

PAD = 6

# Enum values looked up once: each attribute and each ``&`` of Qt's enums is a call
# into Python's enum module, several per row painted.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_TOP_RIGHT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
_ELIDE = Qt.TextElideMode.ElideRight
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_PLACEHOLDER = QPalette.ColorRole.PlaceholderText
_BADGE = QPalette.ColorRole.LinkVisited

Index = QModelIndex | QPersistentModelIndex


class _Fonts:
    """The fonts and metrics one row paints with, made once per font (and closed or
    not), not four metrics objects per row and paint."""

    __slots__ = ("bold", "bold_metrics", "line", "metrics", "regular")

    def __init__(self, font: QFont, closed: bool) -> None:
        self.bold = QFont(font)
        self.bold.setBold(not closed)
        self.bold_metrics = QFontMetrics(self.bold)
        self.metrics = QFontMetrics(font)
        self.line = self.metrics.height()
        self.regular = QFont(font)
        self.regular.setBold(False)


def _row_data(index: Index) -> tuple[str, bool, int]:
    """The row's text, whether the client is closed and its alerts: from the list's
    own model when the view shows it through the filter (one mapping, no round trips
    through Qt per role)."""
    proxy = index.model()
    if isinstance(proxy, ClientFilterModel):
        source = proxy.sourceModel()
        if isinstance(source, ClientListModel):
            src = proxy.mapToSource(index)
            if src.isValid():
                summary = source.summary(src.row())
                closed = summary.client.status == ClientStatus.CLOSED
                return str(source.data(src) or ""), closed, source.alerts(src.row())
    return (
        str(index.data() or ""),
        bool(index.data(CLOSED_ROLE)),
        int(index.data(ALERTS_ROLE) or 0),
    )


def heading_height(option: QStyleOptionViewItem) -> int:
    return QFontMetrics(option.font).height() + 2 * PAD


class ClientDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fonts: dict[tuple[str, bool], _Fonts] = {}

    def _fonts_for(self, font: QFont, closed: bool) -> _Fonts:
        key = (font.key(), closed)
        fonts = self._fonts.get(key)
        if fonts is None:
            if len(self._fonts) > 16:  # a theme or zoom change: start again
                self._fonts.clear()
            fonts = self._fonts[key] = _Fonts(font, closed)
        return fonts

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        heading = index.data(SECTION_ROLE)
        if heading:
            self._paint_heading(painter, option, str(heading))
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, heading_height(option), 0, 0)
        # initStyleOption turns "\n" into a line separator, so read the model's text.
        text, closed, alerts = _row_data(index)
        state = option.state._value_
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            if not state & _HAS_FOCUS:
                paint_panel(style, option, painter, state)  # the focused row: Qt's way
            else:
                opt = QStyleOptionViewItem(option)
                self.initStyleOption(opt, index)
                opt.rect = option.rect
                opt.text = ""
                style.drawControl(_ITEM, opt, painter, widget)
        code, _, detail = text.partition("\n")
        selected = bool(state & _SELECTED)
        palette = option.palette
        main = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        quiet = main if selected else palette.color(_PLACEHOLDER)
        fonts = self._fonts_for(option.font, closed)
        line = fonts.line
        rect = option.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        painter.save()
        painter.setFont(fonts.bold)
        painter.setPen(quiet if closed else main)
        # Recent alerts: a warning sign and the count after the code (not colour alone).
        badge = f"⚠{alerts}" if alerts else ""
        badge_w = fonts.bold_metrics.horizontalAdvance(badge) + PAD if badge else 0
        elided = fonts.bold_metrics.elidedText(code, _ELIDE, rect.width() - badge_w)
        painter.drawText(rect, _TOP_LEFT, elided)
        if badge:
            if not selected:
                painter.setPen(palette.color(_BADGE))
            painter.drawText(rect, _TOP_RIGHT, badge)
        painter.setFont(fonts.regular)
        painter.setPen(quiet)
        elided = fonts.metrics.elidedText(detail, _ELIDE, rect.width())
        painter.drawText(rect.adjusted(0, line, 0, 0), _TOP_LEFT, elided)
        painter.restore()

    @staticmethod
    def _paint_heading(painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
        """The section's caption and a rule above it, outside the selectable row."""
        rect = option.rect.adjusted(PAD, 0, -PAD, 0)
        rect.setHeight(heading_height(option))
        palette = option.palette
        caption = QFont(option.font)
        caption.setBold(True)
        painter.save()
        pen = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(pen)
        painter.drawLine(rect.left(), rect.top() + PAD // 2, rect.right(), rect.top() + PAD // 2)
        painter.setFont(caption)
        painter.drawText(
            rect.adjusted(0, PAD, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        extra = heading_height(option) if index.data(SECTION_ROLE) else 0
        # No width of its own: a row is as wide as the list, scroll bar or not, so the
        # alert badge at its right end is never cut off on a narrow window.
        return QSize(0, 2 * line + PAD + extra)
