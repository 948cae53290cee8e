"""The main window: clients on the left; timeline, session editor or search on the right.

The window never owns the vault's lifetime: the controller hands it an open vault
with ``setVault`` and takes it back with ``clearData`` when it locks.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app.changes import Changes
from alliance_desktop.domain import Client, ClientStatus, Session, ValidationError
from alliance_desktop.gui import operations
from alliance_desktop.gui.client_delegate import ClientDelegate
from alliance_desktop.gui.client_dialogs import ClientDialog, DeleteClientDialog
from alliance_desktop.gui.feedback import repolish_roles
from alliance_desktop.gui.forms.ui_main_window import Ui_MainWindow
from alliance_desktop.gui.insights_views import InsightsHub
from alliance_desktop.gui.models import (
    ID_ROLE,
    SESSION_ROLE,
    ClientFilterModel,
    ClientListModel,
    SearchResultsModel,
    TimelineModel,
    sessions_label,
    short_date,
)
from alliance_desktop.gui.privacy_curtain import PrivacyCurtain
from alliance_desktop.gui.search_delegate import HighlightDelegate
from alliance_desktop.gui.session_editor import SessionEditor
from alliance_desktop.gui.supervision_wizard import SupervisionHub
from alliance_desktop.gui.trainee import TraineeHub
from alliance_desktop.vault import Vault, VaultError

DRAFT_DELAY_MS = 2000  # well inside the promise of at most 5 s of typing lost
UNDO_WINDOW_MS = 15000
SEARCH_LIMIT = 100


def draft_slot(client_id: int | None, session_id: int | None) -> str:
    return f"session:{session_id}" if session_id else f"new:{client_id}"


class MainWindow(QMainWindow):
    lockRequested = Signal()
    settingsRequested = Signal()
    backupRequested = Signal()
    shortcutsRequested = Signal()
    aboutDataRequested = Signal()
    aboutRequested = Signal()
    auditRequested = Signal()
    quitRequested = Signal()
    clientShown = Signal(int)  # the client page now shows this client
    sessionSaved = Signal(object, bool)  # the saved Session, and whether it was new

    def __init__(self, vault_path: Path, *, demo: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(":/icons/alliance.svg"))
        self.vault_path = vault_path
        self.demo = demo
        self.vault: Vault | None = None
        self._client_id: int | None = None
        self._deleted: Session | None = None
        self._draft_saved_at: float | None = None
        self._draft_slot: str | None = None

        self.clientModel = ClientListModel(self)
        self.clientFilter = ClientFilterModel(self)
        self.clientFilter.setSourceModel(self.clientModel)
        self.timelineModel = TimelineModel(self)
        self.searchModel = SearchResultsModel(self)

        self._build_views()
        self.curtain = PrivacyCurtain(self)
        self.ui.rootStack.addWidget(self.curtain)
        self.curtain.dismissed.connect(self.togglePrivacy)
        self._build_editor()
        self._build_actions()
        self._build_status_bar()
        # Dashboard, Trends tab, Insights page and plans (matplotlib loads on first draw).
        self.insights = InsightsHub(self)
        # Supervision menu and wizard; practice clients, reflection feedback, practice log.
        self.supervision = SupervisionHub(self)
        self.trainee = TraineeHub(self)
        self._retranslate()
        repolish_roles(self)
        self._set_unlocked_ui(False)

        self._draftTimer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draftTimer.timeout.connect(self.saveDraftNow)
        self._searchTimer = QTimer(self, singleShot=True, interval=150)
        self._searchTimer.timeout.connect(self._run_search)
        self._ageTimer = QTimer(self, interval=1000)
        self._ageTimer.timeout.connect(self._refresh_draft_age)
        self._undoTimer = QTimer(self, singleShot=True, interval=UNDO_WINDOW_MS)
        self._undoTimer.timeout.connect(self._expire_undo)
        # Every use case run through gui/operations reports here what it changed.
        operations.events().vaultChanged.connect(self._vault_changed)

    # -- construction -------------------------------------------------------

    def _build_views(self) -> None:
        ui = self.ui
        ui.clientList.setModel(self.clientFilter)
        ui.clientList.setItemDelegate(ClientDelegate(ui.clientList))
        ui.clientList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.clientList.selectionModel().currentChanged.connect(self._client_current_changed)
        ui.clientFilterEdit.textChanged.connect(self.clientFilter.setNeedle)
        ui.clientFilterEdit.returnPressed.connect(self._filter_enter)
        ui.splitter.setSizes([280, 900])
        ui.splitter.setStretchFactor(1, 1)

        tv = ui.timelineView
        tv.setModel(self.timelineModel)
        tv.verticalHeader().hide()
        header = tv.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            TimelineModel.COLUMNS.index("reflection"), QHeaderView.ResizeMode.Stretch
        )
        header.setHighlightSections(False)
        tv.activated.connect(self._timeline_activated)
        tv.doubleClicked.connect(self._timeline_activated)

        ui.searchResults.setModel(self.searchModel)
        ui.searchResults.setItemDelegate(HighlightDelegate(ui.searchResults))
        ui.searchResults.activated.connect(self._search_activated)
        ui.searchResults.doubleClicked.connect(self._search_activated)

        ui.addClientButton.setIcon(QIcon(":/icons/add.svg"))
        ui.newSessionButton.setIcon(QIcon(":/icons/add.svg"))
        ui.addClientButton.clicked.connect(self.newClient)
        ui.emptyAddClientButton.clicked.connect(self.newClient)
        ui.newSessionButton.clicked.connect(self.newSession)
        ui.resumeDraftButton.clicked.connect(self._resume_draft)
        ui.discardDraftButton.clicked.connect(self._discard_draft)
        ui.draftBar.hide()

        # The search box lives in a toolbar so Ctrl+F reaches it from anywhere.
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setObjectName("searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMaximumWidth(360)
        self.searchEdit.textChanged.connect(lambda _t: self._searchTimer.start())
        self.searchEdit.returnPressed.connect(self._search_enter)
        self.searchEdit.addAction(
            QIcon(":/icons/search.svg"), QLineEdit.ActionPosition.LeadingPosition
        )
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = toolbar
        self.demoLabel = QLabel(self)
        self.demoLabel.setObjectName("demoMarker")
        self.demoLabel.setProperty("role", "demo")
        self.demoLabel.setVisible(self.demo)

    def _build_editor(self) -> None:
        self.editor = SessionEditor(self)
        self.ui.editorLayout.addWidget(self.editor, 1)
        self.editor.saveRequested.connect(self.saveSession)
        self.editor.cancelRequested.connect(self.closeEditor)
        self.editor.changed.connect(self._editor_changed)

    def _action(self, name: str, icon: str | None = None, shortcut=None, slot=None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if icon:
            action.setIcon(QIcon(f":/icons/{icon}.svg"))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.actionNewSession = self._action("actionNewSession", "add", "Ctrl+N", self.newSession)
        self.actionNewClient = self._action(
            "actionNewClient", "add", "Ctrl+Shift+N", self.newClient
        )
        self.actionEditClient = self._action("actionEditClient", "edit", "Ctrl+E", self.editClient)
        self.actionToggleClosed = self._action("actionToggleClosed", None, None, self.toggleClosed)
        self.actionDeleteClient = self._action(
            "actionDeleteClient", "trash", None, self.deleteClient
        )
        self.actionOpenSession = self._action(
            "actionOpenSession", "edit", None, self.openSelectedSession
        )
        self.actionDeleteSession = self._action(
            "actionDeleteSession", "trash", None, self.deleteSession
        )
        self.actionUndoDelete = self._action("actionUndoDelete", None, None, self.undoDelete)
        self.actionSearch = self._action("actionSearch", "search", S.Find, self.focusSearch)
        self.actionLock = self._action("actionLock", "lock", "Ctrl+L", self.lockRequested.emit)
        self.actionSettings = self._action(
            "actionSettings", "settings", S.Preferences, self.settingsRequested.emit
        )
        if self.actionSettings.shortcut().isEmpty():
            self.actionSettings.setShortcut(QKeySequence("Ctrl+,"))
        self.actionBackup = self._action(
            "actionBackup", "save", "Ctrl+Shift+B", self.backupRequested.emit
        )
        self.actionQuit = self._action("actionQuit", None, S.Quit, self.quitRequested.emit)
        if self.actionQuit.shortcut().isEmpty():
            self.actionQuit.setShortcut(QKeySequence("Ctrl+Q"))
        self.actionShortcuts = self._action(
            "actionShortcuts", "help", S.HelpContents, self.shortcutsRequested.emit
        )
        self.actionAboutData = self._action(
            "actionAboutData", None, None, self.aboutDataRequested.emit
        )
        self.actionAbout = self._action("actionAbout", None, None, self.aboutRequested.emit)
        self.actionAudit = self._action("actionAudit", None, None, self.auditRequested.emit)
        self.actionPrivacy = self._action(
            "actionPrivacy", "eye-off", "Ctrl+Shift+H", self.togglePrivacy
        )
        self.actionPrivacy.setCheckable(True)

        # Delete and Undo act on the timeline only, so they never steal keys from text fields.
        self.actionDeleteSession.setShortcut(QKeySequence(S.Delete))
        self.actionDeleteSession.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.ui.timelineView.addAction(self.actionDeleteSession)
        self.actionUndoDelete.setShortcut(QKeySequence(S.Undo))
        self.actionUndoDelete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ui.clientPage.addAction(self.actionUndoDelete)
        self.ui.clientList.addAction(self.actionUndoDelete)
        self.ui.timelineView.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.ui.timelineView.addAction(self.actionOpenSession)
        self.ui.clientList.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for a in (self.actionEditClient, self.actionToggleClosed, self.actionDeleteClient):
            self.ui.clientList.addAction(a)

        bar = self.menuBar()
        self.menuFile = bar.addMenu("")
        self.menuFile.addActions([self.actionNewSession, self.actionNewClient])
        self.menuFile.addSeparator()
        self.menuFile.addActions([self.actionBackup, self.actionPrivacy, self.actionLock])
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit = bar.addMenu("")
        self.menuEdit.addActions([self.actionUndoDelete, self.actionSearch])
        self.menuEdit.addSeparator()
        self.menuEdit.addAction(self.actionSettings)
        self.menuClient = bar.addMenu("")
        self.menuClient.addActions(
            [self.actionEditClient, self.actionToggleClosed, self.actionDeleteClient]
        )
        self.menuClient.addSeparator()
        self.menuClient.addActions([self.actionOpenSession, self.actionDeleteSession])
        self.menuHelp = bar.addMenu("")
        self.menuHelp.addActions(
            [self.actionShortcuts, self.actionAboutData, self.actionAudit, self.actionAbout]
        )

        self.toolbar.addAction(self.actionNewSession)
        self.toolbar.addAction(self.actionNewClient)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.searchEdit)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.demoLabel)
        self.toolbar.addAction(self.actionLock)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.lockIcon = QLabel(self)
        self.lockIcon.setObjectName("lockStateIcon")
        self.vaultState = QLabel(self)
        self.vaultState.setObjectName("vaultStateLabel")
        self.draftState = QLabel(self)
        self.draftState.setObjectName("draftStateLabel")
        self.undoButton = QPushButton(self)
        self.undoButton.setObjectName("undoDeleteButton")
        self.undoButton.setFlat(True)
        self.undoButton.hide()
        self.undoButton.clicked.connect(self.undoDelete)
        sb.addWidget(self.lockIcon)
        sb.addWidget(self.vaultState)
        sb.addPermanentWidget(self.undoButton)
        sb.addPermanentWidget(self.draftState)

    def _retranslate(self) -> None:
        tr = self.tr
        texts = {
            self.actionNewSession: tr("&New session"),
            self.actionNewClient: tr("New &client…"),
            self.actionEditClient: tr("&Edit client…"),
            self.actionToggleClosed: tr("Close client"),
            self.actionDeleteClient: tr("&Delete client…"),
            self.actionOpenSession: tr("&Open session"),
            self.actionDeleteSession: tr("Delete session…"),
            self.actionUndoDelete: tr("&Undo delete"),
            self.actionSearch: tr("&Find…"),
            self.actionLock: tr("&Lock"),
            self.actionSettings: tr("&Settings…"),
            self.actionBackup: tr("&Back up now"),
            self.actionQuit: tr("&Quit"),
            self.actionShortcuts: tr("&Keyboard shortcuts"),
            self.actionAboutData: tr("About your &data"),
            self.actionAbout: tr("&About Alliance Desktop"),
            self.actionAudit: tr("Vault &activity"),
            self.actionPrivacy: tr("&Hide for privacy"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(text.replace("&", "").rstrip("…"))
        self.menuFile.setTitle(tr("&File"))
        self.menuEdit.setTitle(tr("&Edit"))
        self.menuClient.setTitle(tr("&Client"))
        self.menuHelp.setTitle(tr("&Help"))
        self.searchEdit.setPlaceholderText(tr("Search reflections, notes, goals, tags (Ctrl+F)"))
        self.searchEdit.setAccessibleName(tr("Search"))
        self.demoLabel.setText(tr("Demo vault"))
        self.demoLabel.setToolTip(tr("Synthetic data; deleted when the app quits."))
        self.undoButton.setText(tr("Undo"))
        self.undoButton.setAccessibleName(tr("Undo delete"))
        self.ui.emptyTitle.setText(tr("Welcome to your private notebook"))
        self.ui.emptyText.setText(
            tr(
                "Start by adding a client under a code rather than a name. Then, after each "
                "session, press Ctrl+N to rate the relationship and write a few lines."
            )
        )
        self.ui.timelineEmpty.setText(
            tr("No sessions yet. Press Ctrl+N to write about the first one.")
        )
        self.setWindowTitle(
            tr("Alliance Desktop") + (" — " + tr("Demo vault") if self.demo else "")
        )

    # -- vault lifecycle ----------------------------------------------------

    def setVault(self, vault: Vault) -> None:
        self.vault = vault
        self.editor.setContext(
            vault.strategy_catalogue(), vault.client_rating_scale(), vault.tags()
        )
        self._set_unlocked_ui(True)
        self.reloadClients()
        self._offer_drafts()
        self.insights.setVault(vault)
        self.trainee.setVault(vault)

    def clearData(self) -> None:
        """Forget everything read from the vault: models, editor, labels, search."""
        self._draftTimer.stop()
        self._undoTimer.stop()
        self._deleted = None
        self.undoButton.hide()
        self.vault = None
        self._client_id = None
        self._draft_slot = None
        self._draft_saved_at = None
        self.clientModel.clear()
        self.timelineModel.clear()
        self.searchModel.clear()
        self.insights.clear()
        self.supervision.clear()
        self.trainee.clear()
        self.editor.clear()
        self.searchEdit.clear()
        self.ui.clientFilterEdit.clear()
        for label in (
            self.ui.clientTitle,
            self.ui.clientGoals,
            self.ui.draftLabel,
            self.ui.editorTitle,
            self.ui.searchTitle,
            self.ui.searchEmpty,
            self.draftState,
        ):
            label.clear()
        self.ui.draftBar.hide()
        self.actionPrivacy.setChecked(False)
        self.statusBar().clearMessage()
        self._set_unlocked_ui(False)

    def showLocked(self, unlock_widget: QWidget) -> None:
        layout = self.ui.lockedLayout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        layout.addWidget(unlock_widget)
        self.ui.rootStack.setCurrentWidget(self.ui.lockedPage)
        unlock_widget.show()

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        for action in self.actions():
            if action not in (self.actionQuit, self.actionAbout, self.actionShortcuts):
                action.setEnabled(unlocked)
        self.toolbar.setEnabled(unlocked)
        self.searchEdit.setEnabled(unlocked)
        if unlocked:
            self.ui.rootStack.setCurrentWidget(self.ui.workspacePage)
        self.lockIcon.setPixmap(
            QIcon(":/icons/unlock.svg" if unlocked else ":/icons/lock.svg").pixmap(16, 16)
        )
        self.setVaultState(self.tr("Vault: unlocked") if unlocked else self.tr("Vault: locked"))

    def setVaultState(self, text: str) -> None:
        self.vaultState.setText(text)
        self.vaultState.setAccessibleName(text)

    # -- clients ------------------------------------------------------------

    def reloadClients(self, select: int | None = None) -> None:
        if self.vault is None:
            return
        keep = select if select is not None else self._client_id
        self.clientModel.setSummaries(self.vault.client_summaries())
        if self.clientModel.rowCount() == 0:
            self._client_id = None
            self.ui.contentStack.setCurrentWidget(self.ui.emptyPage)
            self._update_client_actions()
            return
        if self.ui.contentStack.currentWidget() is self.ui.emptyPage:
            self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        row = self.clientModel.rowForClient(keep) if keep is not None else -1
        self.selectClientRow(row if row >= 0 else None)

    def selectClientRow(self, source_row: int | None) -> None:
        if source_row is None:
            proxy = self.clientFilter.index(0, 0)
        else:
            proxy = self.clientFilter.mapFromSource(self.clientModel.index(source_row, 0))
        if proxy.isValid():
            self.ui.clientList.selectionModel().setCurrentIndex(
                proxy, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            # currentChanged does not fire when the index is unchanged, yet data may be new.
            self._show_client(proxy.data(ID_ROLE))

    def selectClient(self, client_id: int | None) -> None:
        row = self.clientModel.rowForClient(client_id)
        if (
            row >= 0
            and not self.clientFilter.mapFromSource(self.clientModel.index(row, 0)).isValid()
        ):
            self.ui.clientFilterEdit.clear()
        self.selectClientRow(row if row >= 0 else None)

    def _filter_enter(self) -> None:
        index = self.clientFilter.index(0, 0)
        if index.isValid():
            self.ui.clientList.setCurrentIndex(index)
            self.ui.clientList.setFocus()

    def _client_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_client(current.data(ID_ROLE))

    def currentVault(self) -> Vault | None:
        """The open vault, or None while locked (for the hubs that add menus here)."""
        return self.vault

    def currentClientId(self) -> int | None:
        """The client the client page shows (or last showed), if any."""
        return self._client_id

    def _vault_changed(self, changes: Changes) -> None:
        """A use case wrote to the vault: reload what this window shows of it."""
        if self.vault is None:
            return
        try:
            if changes.clients or changes.sessions or changes.vault_replaced:
                self.reloadClients()
            elif changes.drafts:
                self._update_draft_bar()
        except VaultError as exc:
            self.flash(str(exc))

    def currentClient(self) -> Client | None:
        if self.vault is None or self._client_id is None:
            return None
        return self.vault.client(self._client_id)

    def _show_client(self, client_id: int | None, *, switch_page: bool = True) -> None:
        if self.vault is None or client_id is None:
            return
        row = self.clientModel.rowForClient(client_id)
        if row < 0:
            return
        summary = self.clientModel.summary(row)
        self._client_id = client_id
        client = summary.client
        parts = [sessions_label(summary.sessions)]
        if summary.first_session:
            parts.append(self.tr("since {date}").format(date=short_date(summary.first_session)))
        if client.status == ClientStatus.CLOSED:
            parts.append(self.tr("closed"))
        self.ui.clientTitle.setText(f"{client.code} · " + " · ".join(parts))
        goals = client.goals.strip()
        self.ui.clientGoals.setText(
            self.tr("Goals: {goals}").format(goals=goals)
            if goals
            else self.tr("No goals written yet (Ctrl+E).")
        )
        self.timelineModel.setSessions(self.vault.sessions(client_id))
        has = self.timelineModel.rowCount() > 0
        self.ui.timelineView.setVisible(has)
        self.ui.timelineEmpty.setVisible(not has)
        self._update_draft_bar()
        self._update_client_actions()
        if switch_page and self.ui.contentStack.currentWidget() is not self.ui.editorPage:
            self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        self.clientShown.emit(client_id)

    def _update_client_actions(self) -> None:
        client = self.currentClient()
        has = client is not None
        for a in (
            self.actionNewSession,
            self.actionEditClient,
            self.actionToggleClosed,
            self.actionDeleteClient,
        ):
            a.setEnabled(has and self.vault is not None)
        self.actionToggleClosed.setText(
            self.tr("Reopen client")
            if client and client.status == ClientStatus.CLOSED
            else self.tr("Close client")
        )

    def newClient(self) -> None:
        if self.vault is None:
            return
        dialog = ClientDialog(None, vault=self.vault, parent=self)
        if dialog.exec():
            client = dialog.client()
            self.selectClient(client.id)
            self.flash(self.tr("Client {code} added.").format(code=client.code))

    def editClient(self) -> None:
        client = self.currentClient()
        if client is None or self.vault is None:
            return
        dialog = ClientDialog(client, vault=self.vault, parent=self)
        if dialog.exec():
            self.selectClient(client.id)

    def toggleClosed(self) -> None:
        client = self.currentClient()
        if client is None or self.vault is None:
            return
        new = ClientStatus.ACTIVE if client.status == ClientStatus.CLOSED else ClientStatus.CLOSED
        if operations.run(self, app_clients.set_client_status, self.vault, client.id, new) is None:
            return
        message = (
            self.tr("{code} closed.") if new == ClientStatus.CLOSED else self.tr("{code} reopened.")
        )
        self.flash(message.format(code=client.code))

    def deleteClient(self) -> None:
        client = self.currentClient()
        if client is None or self.vault is None:
            return
        # The client list already knows how many sessions there are.
        count = self.clientModel.summary(self.clientModel.rowForClient(client.id)).sessions
        dialog = DeleteClientDialog(client, count, self)
        if dialog.exec():
            # The client, their sessions, plan and drafts go in one transaction; the
            # broadcast reloads the list, which then shows the first remaining client.
            if operations.run(self, app_clients.delete_client, self.vault, client.id) is None:
                return
            if self.editor.currentClientId() == client.id:
                self._draftTimer.stop()
                self._draft_slot = None
                self.editor.clear()
                self.ui.contentStack.setCurrentWidget(
                    self.ui.clientPage if self._client_id else self.ui.emptyPage
                )
            self.flash(self.tr("{code} deleted.").format(code=client.code))

    # -- sessions -----------------------------------------------------------

    def _refresh_context(self) -> None:
        if self.vault is not None:
            self.editor.setContext(
                self.vault.strategy_catalogue(), self.vault.client_rating_scale(), self.vault.tags()
            )

    def newSession(self) -> None:
        client = self.currentClient()
        if client is None:
            self.flash(self.tr("Choose or add a client first."))
            return
        slot = draft_slot(client.id, None)
        draft = self.vault.drafts().get(slot) if self.vault else None
        self._open_editor(client, None, draft)

    def openSession(self, session_id: int) -> None:
        if self.vault is None:
            return
        session = self.vault.session(session_id)
        if session is None or session.client_id is None:
            return
        client = self.vault.client(session.client_id)
        if client is None:
            return
        if self._client_id != client.id:
            self.selectClient(client.id)
        draft = self.vault.drafts().get(draft_slot(client.id, session_id))
        self._open_editor(client, session, draft)

    def openSelectedSession(self) -> None:
        index = self.ui.timelineView.currentIndex()
        if index.isValid():
            self._timeline_activated(index)

    def _timeline_activated(self, index: QModelIndex) -> None:
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.openSession(session_id)

    def _open_editor(self, client: Client, session: Session | None, draft: dict | None) -> None:
        if self.editor.isDirty():
            self.saveDraftNow()
        self._refresh_context()
        if draft:
            self.editor.loadDraft(client, draft)
        else:
            self.editor.load(client, session)
        self._draft_slot = draft_slot(client.id, session.id if session else None)
        title = (
            self.tr("New session")
            if session is None
            else self.tr("Session of {date}").format(date=short_date(session.date))
        )
        self.ui.editorTitle.setText(f"{client.code} · {title}")
        self.ui.contentStack.setCurrentWidget(self.ui.editorPage)
        first = self.editor.findChild(QWidget, "trustInput")
        (first or self.editor).setFocus()
        if draft:
            self.flash(self.tr("Draft restored."))

    def _session_invalid(self, exc: ValidationError) -> None:
        self.editor.showProblems(exc)
        self.flash(self.tr("Not saved yet: please check the marked fields."))

    def saveSession(self) -> None:
        """Save the session, drop its drafts and tick off the plan items it used, at once.

        One use case does all three in one transaction: if it fails, the draft and the
        plan stay as they were and the editor keeps every word.
        """
        if self.vault is None:
            return
        try:
            session = self.editor.buildSession()
        except ValidationError as exc:
            self._session_invalid(exc)
            return
        was_new = session.id is None
        # A new session's draft slot is per client; an edited one has its own.
        slots = [draft_slot(session.client_id, session.id)]
        if self._draft_slot and self._draft_slot not in slots:
            slots.append(self._draft_slot)
        outcome = operations.run(
            self,
            app_sessions.save_session,
            self.vault,
            session,
            draft_slots=slots,
            plan_used=session.strategies if was_new else (),
            on_invalid=self._session_invalid,
        )
        if outcome is None:
            return
        saved = outcome.value
        self._draftTimer.stop()
        self._draft_slot = None
        self._draft_saved_at = None
        self.draftState.clear()
        self.editor.markSaved()
        self.editor.clear()
        self.sessionSaved.emit(saved, was_new)
        if saved.client_id is not None and saved.client_id != self._client_id:
            self.selectClient(saved.client_id)
        self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        row = self.timelineModel.rowForSession(saved.id)
        if row >= 0:
            self.ui.timelineView.selectRow(row)
            self.ui.timelineView.setFocus()
        self.flash(self.tr("Session saved."))

    def closeEditor(self) -> None:
        """Leave the editor; unsaved words stay as a draft rather than being asked about."""
        if self.editor.isDirty():
            self.saveDraftNow()
            self.flash(self.tr("Draft kept. Resume it from the client page."))
        self._draftTimer.stop()
        self._draft_slot = None
        self.editor.clear()
        self._show_client(self._client_id)
        self.ui.contentStack.setCurrentWidget(
            self.ui.clientPage if self._client_id else self.ui.emptyPage
        )

    def deleteSession(self) -> None:
        if self.vault is None:
            return
        index = self.ui.timelineView.currentIndex()
        if not index.isValid():
            return
        session = self.timelineModel.session(index.row())
        answer = QMessageBox.question(
            self,
            self.tr("Delete session"),
            self.tr("Delete the session of {date}? You can undo this for a few seconds.").format(
                date=short_date(session.date)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = operations.run(self, app_sessions.delete_session, self.vault, session.id)
        if outcome is None:
            return
        self._deleted = outcome.value
        if self._deleted is None:
            return  # already gone (another window); the reload shows it
        self.undoButton.show()
        self._undoTimer.start()
        self.flash(self.tr("Session deleted."), UNDO_WINDOW_MS)

    def undoDelete(self) -> None:
        if self.vault is None or self._deleted is None:
            return
        session = self._deleted
        if operations.run(self, app_sessions.restore_session, self.vault, session) is None:
            return
        self._expire_undo()
        if session.client_id is not None and session.client_id != self._client_id:
            self.selectClient(session.client_id)
        row = self.timelineModel.rowForSession(session.id)
        if row >= 0:
            self.ui.timelineView.selectRow(row)
        self.flash(self.tr("Session restored."))

    def _expire_undo(self) -> None:
        self._deleted = None
        self.undoButton.hide()
        self._undoTimer.stop()

    # -- drafts -------------------------------------------------------------

    def _editor_changed(self) -> None:
        self._draftTimer.start()

    def draftPayload(self) -> tuple[str, dict] | None:
        """The editor's unsaved state as (slot, payload), read into memory only; None when
        there is nothing to keep. The controller takes it before a lock clears the editor."""
        if not self.editor.isDirty() or self.editor.currentClientId() is None:
            return None
        slot = draft_slot(self.editor.currentClientId(), self.editor.currentSessionId())
        return slot, self.editor.toDraft()

    def saveDraftNow(self) -> bool:
        """Write the editor's state into the vault (the autosave timer, leaving the editor);
        locking and quitting hand ``draftPayload()`` to ``app.access.lock`` instead."""
        self._draftTimer.stop()
        draft = self.draftPayload() if self.vault is not None else None
        if self.vault is None or draft is None:
            return False
        slot, payload = draft
        self._draft_slot = slot
        try:
            app_sessions.save_draft(self.vault, slot, payload)
        except VaultError as exc:
            self.flash(self.tr("The draft could not be saved: {error}").format(error=exc))
            return False
        self._draft_saved_at = time.monotonic()
        self._refresh_draft_age()
        self._ageTimer.start()
        return True

    def _refresh_draft_age(self) -> None:
        if self._draft_saved_at is None:
            self._ageTimer.stop()
            return
        seconds = int(time.monotonic() - self._draft_saved_at)
        if seconds < 60:
            text = self.tr("Draft saved · {n} s ago").format(n=seconds)
        else:
            text = self.tr("Draft saved · {n} min ago").format(n=seconds // 60)
        self.draftState.setText(text)

    def _client_drafts(self) -> list[tuple[str, dict]]:
        if self.vault is None or self._client_id is None:
            return []
        return [
            (slot, d)
            for slot, d in self.vault.drafts().items()
            if d.get("client_id") == self._client_id
        ]

    def _update_draft_bar(self) -> None:
        drafts = self._client_drafts()
        if not drafts:
            self.ui.draftBar.hide()
            return
        slot, draft = drafts[-1]
        when = draft.get("date") or ""
        try:
            when = short_date(date.fromisoformat(when))
        except (TypeError, ValueError):
            when = ""
        what = (
            self.tr("a new session")
            if slot.startswith("new:")
            else self.tr("the session of {date}").format(date=when)
        )
        text = self.tr("You have an unsaved draft of {what}.").format(what=what)
        if len(drafts) > 1:
            text += " " + self.tr("({n} drafts in all)").format(n=len(drafts))
        self.ui.draftLabel.setText(text)
        self.ui.draftBar.setProperty("slot", slot)
        self.ui.draftBar.show()

    def _resume_draft(self) -> None:
        slot = self.ui.draftBar.property("slot")
        if self.vault is None or not slot:
            return
        draft = self.vault.drafts().get(slot)
        client = self.currentClient()
        if draft is None or client is None:
            self._update_draft_bar()
            return
        session = (
            self.vault.session(int(slot.split(":", 1)[1])) if slot.startswith("session:") else None
        )
        self._open_editor(client, session, draft)

    def _discard_draft(self) -> None:
        slot = self.ui.draftBar.property("slot")
        if (
            self.vault is not None
            and slot
            and operations.run(self, app_sessions.discard_draft, self.vault, slot) is None
        ):
            return
        self._update_draft_bar()
        self.flash(self.tr("Draft discarded."))

    def _offer_drafts(self) -> None:
        if self.vault is None:
            return
        drafts = self.vault.drafts()
        if not drafts:
            return
        latest = list(drafts.values())[-1]
        client_id = latest.get("client_id")
        if isinstance(client_id, int) and self.vault.client(client_id) is not None:
            self.selectClient(client_id)
        self.flash(
            self.tr("An unsaved draft was kept from last time; resume it from the client page."),
            10000,
        )

    # -- search -------------------------------------------------------------

    def focusSearch(self) -> None:
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()
        if self.searchEdit.text().strip():
            self._run_search()

    def _run_search(self) -> None:
        if self.vault is None:
            return
        text = self.searchEdit.text()
        if not text.strip():
            self.searchModel.clear()
            if self.ui.contentStack.currentWidget() is self.ui.searchPage:
                self._show_client(self._client_id)
                self.ui.contentStack.setCurrentWidget(
                    self.ui.clientPage if self._client_id else self.ui.emptyPage
                )
            return
        hits = self.vault.search(text, limit=SEARCH_LIMIT)
        self.searchModel.setHits(hits)
        if len(hits) >= SEARCH_LIMIT:
            title = self.tr("Search: the {n} best matches").format(n=len(hits))
        else:
            title = self.tr("Search: {n} found").format(n=len(hits))
        self.ui.searchTitle.setText(title)
        self.ui.searchEmpty.setText(
            ""
            if hits
            else self.tr(
                "Nothing matches. Search looks in reflections, rupture notes, goals and tags."
            )
        )
        self.ui.searchEmpty.setVisible(not hits)
        self.ui.searchResults.setVisible(bool(hits))
        if self.ui.contentStack.currentWidget() is not self.ui.editorPage:
            self.ui.contentStack.setCurrentWidget(self.ui.searchPage)
        if hits:
            self.ui.searchResults.setCurrentIndex(self.searchModel.index(0, 0))

    def _search_enter(self) -> None:
        self._searchTimer.stop()
        self._run_search()
        if self.ui.contentStack.currentWidget() is self.ui.editorPage:
            self.closeEditor()
            self._run_search()
        index = self.ui.searchResults.currentIndex()
        if index.isValid():
            self._search_activated(index)

    def _search_activated(self, index: QModelIndex) -> None:
        hit = self.searchModel.hit(index.row())
        if hit.session_id is not None:
            self.openSession(hit.session_id)
        else:
            self.selectClient(hit.client_id)
            self.ui.contentStack.setCurrentWidget(self.ui.clientPage)

    # -- misc ---------------------------------------------------------------

    def togglePrivacy(self) -> None:
        """Cover or uncover the whole workspace; the vault stays unlocked."""
        if self.vault is None:
            self.actionPrivacy.setChecked(False)
            return
        hide = self.ui.rootStack.currentWidget() is not self.curtain
        if hide and self.editor.isDirty():
            self.saveDraftNow()
        self.ui.rootStack.setCurrentWidget(self.curtain if hide else self.ui.workspacePage)
        self.actionPrivacy.setChecked(hide)
        self.toolbar.setEnabled(not hide)
        if hide:
            self.curtain.showButton.setFocus()

    def flash(self, message: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(message, ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The controller decides (saves a draft, closes the vault, removes a demo folder).
        event.ignore()
        self.quitRequested.emit()
