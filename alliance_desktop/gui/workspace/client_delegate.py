"""Draws a client as two lines: the code in bold, then sessions and last date, quieter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.gui.workspace.models import ALERTS_ROLE, CLOSED_ROLE

PAD = 6


class ClientDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
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

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + PAD)
