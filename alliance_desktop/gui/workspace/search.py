"""Search: the toolbar's box (Ctrl+F from anywhere) and the results page.

A result opens its session for reading with the searched words marked (E edits it),
and Esc or View › Back returns to the results; a goals hit opens the client page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit

from alliance_desktop.gui.common.accessibility import name_clear_button
from alliance_desktop.gui.workspace.models import SearchResultsModel
from alliance_desktop.gui.workspace.search_delegate import HighlightDelegate

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow

SEARCH_LIMIT = 100
SEARCH_DELAY_MS = 150


class SearchPane(QObject):
    """The search box and the results page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchPane")
        self.w = window
        self.model = SearchResultsModel(self)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run)
        results = window.ui.searchResults
        results.setModel(self.model)
        results.setItemDelegate(HighlightDelegate(results))
        results.activated.connect(self._activated)
        results.doubleClicked.connect(self._activated)
        # The search box lives in the toolbar so Ctrl+F reaches it from anywhere.
        self.edit = QLineEdit(window)
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        name_clear_button(self.edit)
        self.edit.setMaximumWidth(360)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        self.edit.returnPressed.connect(self._enter)
        # The leading icon is a button of its own to assistive technology: name it.
        self.icon_action = self.edit.addAction(
            QIcon(":/icons/search.svg"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.icon_action.triggered.connect(self.run)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search reflections, notes, goals, tags (Ctrl+F)"))
        self.icon_action.setText(self.tr("Search"))
        self.icon_action.setToolTip(self.tr("Search"))
        self.edit.setAccessibleName(self.tr("Search"))

    def clear(self) -> None:
        self.timer.stop()
        self.model.clear()
        self.edit.clear()
        self.w.ui.searchTitle.clear()
        self.w.ui.searchEmpty.clear()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text().strip():
            self.run()

    def run(self) -> None:
        w = self.w
        if w.vault is None:
            return
        ui = w.ui
        text = self.edit.text()
        if not text.strip():
            self.model.clear()
            if w.currentPage() is ui.searchPage:
                w.clients.showClient(w.currentClientId())
                w.showPage(ui.clientPage if w.currentClientId() else ui.emptyPage)
            return
        hits = w.vault.search(text, limit=SEARCH_LIMIT)
        self.model.setHits(hits)
        if len(hits) >= SEARCH_LIMIT:
            title = self.tr("Search: the {n} best matches").format(n=len(hits))
        else:
            title = self.tr("Search: {n} found").format(n=len(hits))
        ui.searchTitle.setText(title)
        ui.searchEmpty.setText(
            ""
            if hits
            else self.tr(
                "Nothing matches. Search looks in reflections, rupture notes, goals and tags."
            )
        )
        ui.searchEmpty.setVisible(not hits)
        ui.searchResults.setVisible(bool(hits))
        if not w.isShowingEditor():
            w.showPage(ui.searchPage)
        if hits:
            ui.searchResults.setCurrentIndex(self.model.index(0, 0))

    def _enter(self) -> None:
        self.timer.stop()
        self.run()
        if self.w.isShowingEditor():
            self.w.closeEditor()
            self.run()
        index = self.w.ui.searchResults.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        w = self.w
        hit = self.model.hit(index.row())
        if hit.session_id is not None:
            w.sessionFlow.readSession(hit.session_id, self.edit.text())
        else:
            w.selectClient(hit.client_id)
            w.showPage(w.ui.clientPage)


__all__ = ["SEARCH_LIMIT", "SearchPane"]
