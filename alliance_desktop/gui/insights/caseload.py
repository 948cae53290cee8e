"""The caseload overview as a native Qt table (``caseloadView``), not a chart image.

One row per client in risk order, one column per each of the last sessions (the latest
last, always in view), cells coloured by value with the number drawn. Arrow keys move
between cells; Enter or a double click on a session cell emits ``sessionActivated``
with its id (the shell opens it for reading), on the client cell (or an empty cell)
``clientActivated`` with the client id. Each cell's AccessibleTextRole reads the
client, the session's date and the value (see ``insights.models.CaseloadModel``).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE


class CaseloadDelegate(QStyledItemDelegate):
    """Session cells filled with their colour and the number drawn in the contrasting
    colour; the current cell is framed (not recoloured), so its value stays readable."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() == 0:
            super().paint(painter, option, index)
            return
        rect = option.rect.adjusted(1, 1, -1, -1)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        palette = option.palette
        painter.save()
        if isinstance(background, QColor):
            painter.fillRect(rect, background)
            pen = index.data(Qt.ItemDataRole.ForegroundRole)
        else:
            pen = palette.color(QPalette.ColorRole.Text)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            painter.setPen(
                pen if isinstance(pen, QColor) else palette.color(QPalette.ColorRole.Text)
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_HasFocus:
            frame = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(frame)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class CaseloadView(QTableView):
    """The caseload table: arrows move between cells, Enter or a double click opens.

    Session columns share the width left by the client column, so the latest session
    (the last column) is in view at any window width; when they cannot shrink further
    the view scrolls to its right end after every fill.
    """

    #: A session cell was activated (Enter, double click): its session id.
    sessionActivated = Signal(int)
    #: The client cell, or a cell without a session, was activated: the client id.
    clientActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setItemDelegate(CaseloadDelegate(self))
        self.verticalHeader().hide()
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("−11") + 14)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self.showLatest)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.sessionActivated.emit(int(session_id))
            return
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id is not None:
            self.clientActivated.emit(int(client_id))

    def showLatest(self) -> None:
        """Scroll so the last column (the latest session) is visible."""
        bar = self.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.showLatest()


__all__ = ["CaseloadDelegate", "CaseloadView"]
