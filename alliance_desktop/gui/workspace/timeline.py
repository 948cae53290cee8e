"""The client page's Timeline tab: one compact row per session, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHeaderView

from alliance_desktop.domain import Session
from alliance_desktop.gui.workspace.models import SESSION_ROLE, TimelineModel
from alliance_desktop.gui.workspace.rating_chips import RatingChipsDelegate

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow


class Timeline(QObject):
    """The timeline view, its model and the New session button under it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("timeline")
        self.w = window
        self.model = TimelineModel(self)
        tv = self.view = window.ui.timelineView
        tv.setModel(self.model)
        tv.verticalHeader().hide()
        header = tv.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Columns sized from the newest rows only: measuring every row of a long
        # timeline was most of a client switch (Qt's default looks at 1000 rows).
        header.setResizeContentsPrecision(30)
        header.setSectionResizeMode(
            TimelineModel.COLUMNS.index("reflection"), QHeaderView.ResizeMode.Stretch
        )
        header.setHighlightSections(False)
        # Ratings as small labelled chips ("Trust 8", "Engagement 3"), not letter codes.
        tv.setItemDelegateForColumn(TimelineModel.COLUMNS.index("ratings"), RatingChipsDelegate(tv))
        tv.activated.connect(self._activated)
        tv.doubleClicked.connect(self._activated)
        button = window.ui.newSessionButton
        button.setIcon(QIcon(":/icons/add.svg"))
        button.clicked.connect(window.newSession)

    def retranslate(self) -> None:
        self.w.ui.timelineEmpty.setText(
            self.tr("No sessions yet. Press Ctrl+N to write about the first one.")
        )

    def setSessions(self, sessions: list[Session]) -> None:
        self.model.setSessions(sessions)
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.w.ui.timelineEmpty.setVisible(not has)

    def clear(self) -> None:
        self.model.clear()

    def selectedSession(self) -> Session | None:
        index = self.view.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def selectSession(self, session_id: int | None, *, focus: bool = False) -> bool:
        row = self.model.rowForSession(session_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        if focus:
            self.view.setFocus()
        return True

    def openSelected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.w.openSession(session_id)


__all__ = ["Timeline"]
