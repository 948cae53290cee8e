"""The client list (with its filter) and the client page's heading and timeline.

The list shows real clients first, active then closed, and practice clients (a
trainee's vignettes) apart below them under their own heading. Choosing a client
fills the client page: the title, the goals, the outcome chip, the timeline, the
Ruptures tab and the drafts bar. Adding, editing, closing and deleting a client go
through ``gui.operations.run``; the broadcast reloads the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QMessageBox

from alliance_desktop.app import clients as app_clients
from alliance_desktop.domain import Client, ClientStatus
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.gui import operations
from alliance_desktop.gui.workspace.client_delegate import ClientDelegate
from alliance_desktop.gui.workspace.client_dialogs import ClientDialog, DeleteClientDialog
from alliance_desktop.gui.workspace.models import (
    ID_ROLE,
    ClientFilterModel,
    ClientListModel,
    sessions_label,
    short_date,
)
from alliance_desktop.gui.workspace.outcome_chip import OutcomeChip
from alliance_desktop.insights.outcome import outcome_change

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow


class ClientsPane(QObject):
    """The client list on the left and the heading of the client page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("clientsPane")
        self.w = window
        self.clientId: int | None = None
        self.model = ClientListModel(self)
        self.filter = ClientFilterModel(self)
        self.filter.setSourceModel(self.model)
        ui = window.ui
        view = ui.clientList
        view.setModel(self.filter)
        # Practice clients stand under a heading: rows are not all the same height.
        view.setUniformItemSizes(False)
        view.setItemDelegate(ClientDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.selectionModel().currentChanged.connect(self._current_changed)
        # The highlighted client opens on a click, a double click or Enter from any page
        # (currentChanged alone does nothing when it is already the current one).
        view.clicked.connect(self._activated)
        view.activated.connect(self._activated)
        view.doubleClicked.connect(self._activated)
        ui.clientFilterEdit.textChanged.connect(self.filter.setNeedle)
        ui.clientFilterEdit.returnPressed.connect(self._filter_enter)
        ui.addClientButton.clicked.connect(self.newClient)
        ui.emptyAddClientButton.clicked.connect(self.newClient)

        # The title and goals are the client's own words: shown as typed, never read as
        # HTML ("<b>" in a goal was drawn bold, an "<img>" loaded), and a plain label's
        # text is laid out without a rich-text document on every switch.
        ui.clientTitle.setTextFormat(Qt.TextFormat.PlainText)
        ui.clientGoals.setTextFormat(Qt.TextFormat.PlainText)
        # Both change on every switch. A label paints no background of its own, so
        # each of the seven widgets under it (page, stacks, splitter, window) painted
        # its part of the label's rectangle first; filled with the window colour they
        # sit on, the labels look the same and paint alone (~0.3 ms a switch).
        for label in (ui.clientTitle, ui.clientGoals):
            label.setAutoFillBackground(True)
        # The outcome chip sits on the title's line.
        layout = ui.clientPageLayout
        index = layout.indexOf(ui.clientTitle)
        layout.removeWidget(ui.clientTitle)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(ui.clientTitle, 1)
        self.outcomeChip = OutcomeChip(ui.clientPage)
        title_row.addWidget(self.outcomeChip, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.insertLayout(index, title_row)
        # A lock empties the list: the chip goes with it.
        self.model.cleared.connect(lambda: self.outcomeChip.setChange(None, OutcomeScale()))

    def retranslate(self) -> None:
        self.outcomeChip.setAccessibleName(self.tr("Outcome status"))

    def clear(self) -> None:
        self.clientId = None
        self.model.clear()
        self.w.ui.clientFilterEdit.clear()

    # -- the list ---------------------------------------------------------------

    def setAlertCounts(self, counts: dict[int | None, int]) -> None:
        """The badges (recent alerts per client id), with the list laid out for them
        now: a list told its rows changed lays them out again on a zero-delay timer,
        after the window's next paint, and so painted itself a second time (10 ms at
        200 clients, in the turn the insights arrive in after an unlock)."""
        self.model.setAlertCounts(counts)
        self.w.ui.clientList.doItemsLayout()

    def reload(self, select: int | None = None) -> None:
        w = self.w
        if w.vault is None:
            return
        keep = select if select is not None else self.clientId
        self.model.setSummaries(w.vault.client_summaries())
        if self.model.rowCount() == 0:
            self.clientId = None
            w.showPage(w.ui.emptyPage)
            self.updateActions()
            return
        if w.currentPage() is w.ui.emptyPage:
            w.showPage(w.ui.clientPage)
        row = self.model.rowForClient(keep) if keep is not None else -1
        self.selectRow(row if row >= 0 else None)

    def selectRow(self, source_row: int | None) -> None:
        if source_row is None:
            proxy = self.filter.index(0, 0)
        else:
            proxy = self.filter.mapFromSource(self.model.index(source_row, 0))
        if proxy.isValid():
            selection = self.w.ui.clientList.selectionModel()
            same = selection.currentIndex() == proxy
            selection.setCurrentIndex(proxy, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            # currentChanged shows a new current client; when the index is unchanged it
            # does not fire, yet the data may be new: show it once, here.
            if same:
                self.showClient(proxy.data(ID_ROLE))

    def select(self, client_id: int | None) -> None:
        row = self.model.rowForClient(client_id)
        if row >= 0 and not self.filter.mapFromSource(self.model.index(row, 0)).isValid():
            self.w.ui.clientFilterEdit.clear()
        self.selectRow(row if row >= 0 else None)

    def _filter_enter(self) -> None:
        index = self.filter.index(0, 0)
        if index.isValid():
            self.w.ui.clientList.setCurrentIndex(index)
            self.w.ui.clientList.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.showClient(current.data(ID_ROLE))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid() or self.w.vault is None:
            return
        if self.w.isShowingEditor():
            self.w.closeEditor()  # unsaved words stay as a draft
        self.showClient(index.data(ID_ROLE))

    def currentClient(self) -> Client | None:
        if self.w.vault is None or self.clientId is None:
            return None
        return self.w.vault.client(self.clientId)

    # -- the client page --------------------------------------------------------

    def showClient(self, client_id: int | None, *, switch_page: bool = True) -> None:
        w = self.w
        if w.vault is None or client_id is None:
            return
        row = self.model.rowForClient(client_id)
        if row < 0:
            return
        summary = self.model.summary(row)
        self.clientId = client_id
        client = summary.client
        parts = [sessions_label(summary.sessions)]
        if summary.first_session:
            parts.append(self.tr("since {date}").format(date=short_date(summary.first_session)))
        if client.status == ClientStatus.CLOSED:
            parts.append(self.tr("closed"))
        ui = w.ui
        ui.clientTitle.setText(f"{client.code} · " + " · ".join(parts))
        goals = client.goals.strip()
        ui.clientGoals.setText(
            self.tr("Goals: {goals}").format(goals=goals)
            if goals
            else self.tr("No goals written yet (Ctrl+E).")
        )
        sessions = w.vault.sessions(client_id)
        w.timeline.setSessions(sessions)
        settings = w.vault.typed_settings()
        ordered = sorted(sessions, key=lambda s: (s.date, s.id or 0))
        self.outcomeChip.setChange(outcome_change(ordered, settings.outcome), settings.outcome)
        w.ruptures.show(ordered, settings.insights.recent_window)
        w.drafts.updateBar()
        self.updateActions(client)
        if switch_page and not w.isShowingEditor():
            w.showPage(ui.clientPage)
        w.clientShown.emit(client_id)
        # The page laid out for the new client now (its title, chip, prompts), before
        # the window's next paint: left to the event loop, the layouts ran after that
        # paint and moved what it had just painted, so all of it was painted twice.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def updateActions(self, shown: Client | None = None) -> None:
        """``shown``: the client just shown, as the list has it (no second read)."""
        client = shown if shown is not None and self.w.vault is not None else self.currentClient()
        has = client is not None and self.w.vault is not None
        for name in ("actionNewSession", "actionEditClient", "actionToggleClosed"):
            self.w.action(name).setEnabled(has)
        self.w.action("actionDeleteClient").setEnabled(has)
        self.w.action("actionToggleClosed").setText(
            self.tr("Reopen client")
            if client and client.status == ClientStatus.CLOSED
            else self.tr("Close client")
        )

    # -- commands ---------------------------------------------------------------

    def newClient(self) -> None:
        w = self.w
        if w.vault is None:
            return
        dialog = ClientDialog(None, vault=w.vault, parent=w)
        if dialog.exec():
            client = dialog.client()
            self.select(client.id)
            w.flash(self.tr("Client {code} added.").format(code=client.code))

    def editClient(self) -> None:
        client = self.currentClient()
        if client is None or self.w.vault is None:
            return
        dialog = ClientDialog(client, vault=self.w.vault, parent=self.w)
        if dialog.exec():
            self.select(client.id)

    def toggleClosed(self) -> None:
        w = self.w
        client = self.currentClient()
        if client is None or w.vault is None:
            return
        new = ClientStatus.ACTIVE if client.status == ClientStatus.CLOSED else ClientStatus.CLOSED
        if new == ClientStatus.CLOSED and not self._confirm_close(client):
            return
        if operations.run(w, app_clients.set_client_status, w.vault, client.id, new) is None:
            return
        message = (
            self.tr("{code} closed.") if new == ClientStatus.CLOSED else self.tr("{code} reopened.")
        )
        w.flash(message.format(code=client.code))

    def _confirm_close(self, client: Client) -> bool:
        """Closing a client asks first, naming them."""
        answer = QMessageBox.question(
            self.w,
            self.tr("Close client"),
            self.tr(
                "Close {code}? They move to the closed clients; you can reopen them later."
            ).format(code=client.code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def deleteClient(self) -> None:
        w = self.w
        client = self.currentClient()
        if client is None or w.vault is None:
            return
        # The client list already knows how many sessions there are.
        count = self.model.summary(self.model.rowForClient(client.id)).sessions
        dialog = DeleteClientDialog(client, count, w)
        if dialog.exec():
            # The client, their sessions, plan and drafts go in one transaction; the
            # broadcast reloads the list, which then shows the first remaining client.
            if operations.run(w, app_clients.delete_client, w.vault, client.id) is None:
                return
            if w.editorClientId() == client.id:
                w.sessionFlow.dropEditor()
                w.showPage(w.ui.clientPage if self.clientId else w.ui.emptyPage)
            w.flash(self.tr("{code} deleted.").format(code=client.code))


__all__ = ["ClientsPane"]
