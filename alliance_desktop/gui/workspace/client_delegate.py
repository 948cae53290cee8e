"""Draws a client as two lines: the code in bold, then sessions and last date, quieter.

The first practice client carries the "Practice clients" heading above it (a quiet
caption and a rule, drawn in the row, never selectable), so the trainee's vignettes
stand apart from real clients while Up and Down still walk the whole list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.gui.workspace.models import ALERTS_ROLE, CLOSED_ROLE, SECTION_ROLE

PAD = 6


def heading_height(option: QStyleOptionViewItem) -> int:
    return QFontMetrics(option.font).height() + 2 * PAD


class ClientDelegate(QStyledItemDelegate):
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
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = option.rect
        # initStyleOption turns "\n" into a line separator, so read the model's text.
        text = str(index.data() or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        code, _, detail = text.partition("\n")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        closed = bool(index.data(CLOSED_ROLE))
        palette = option.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(not closed)
        line = QFontMetrics(option.font).height()
        rect = option.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        painter.save()
        painter.setFont(bold)
        painter.setPen(quiet if closed else main)
        flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        # Recent alerts: a warning sign and the count after the code (not colour alone).
        alerts = int(index.data(ALERTS_ROLE) or 0)
        badge = f"⚠{alerts}" if alerts else ""
        badge_w = QFontMetrics(bold).horizontalAdvance(badge) + PAD if badge else 0
        elided = QFontMetrics(bold).elidedText(
            code, Qt.TextElideMode.ElideRight, rect.width() - badge_w
        )
        painter.drawText(rect, flags, elided)
        if badge:
            if not selected:
                painter.setPen(palette.color(QPalette.ColorRole.LinkVisited))
            painter.drawText(rect, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, badge)
        regular = QFont(option.font)
        regular.setBold(False)
        painter.setFont(regular)
        painter.setPen(quiet)
        elided = QFontMetrics(option.font).elidedText(
            detail, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.adjusted(0, line, 0, 0), flags, elided)
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
        return QSize(200, 2 * line + PAD + extra)
