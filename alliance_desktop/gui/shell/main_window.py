"""The main window: the frame around the workspace, and the public API features use.

The frame is the Designer form (``ui/main_window.ui``: the client list on the left,
the content stack on the right, the locked page), the toolbar with the search box,
the menus and actions from one registry (``shell/actions.py``) and the status bar
(``shell/status.py``). What the workspace shows is built by ``gui/workspace``: the
client list and page, the timeline, the Ruptures tab, drafts, sessions and search.
Features (insights, supervision, trainee, safety) add their pages, tabs, cards and
actions through the public methods below, never through ``ui`` or private parts.

The window never owns the vault's lifetime: the controller hands it an open vault
with ``setVault`` and takes it back with ``clearData`` when it locks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSizePolicy, QWidget
from shiboken6 import isValid

from alliance_desktop.app.changes import Changes
from alliance_desktop.domain import Client
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.feedback import repolish_roles
from alliance_desktop.gui.common.privacy_curtain import PrivacyCurtain
from alliance_desktop.gui.common.window_fit import fit_to_screen
from alliance_desktop.gui.forms.ui_main_window import Ui_MainWindow
from alliance_desktop.gui.insights.hub import InsightsHub
from alliance_desktop.gui.safety import SafetyHub
from alliance_desktop.gui.shell.actions import SHELL_ACTIONS, ActionRegistry, Shortcut, feature_spec
from alliance_desktop.gui.shell.frame import FirstPaintWatcher, prepare_first_show
from alliance_desktop.gui.shell.status import StatusArea
from alliance_desktop.gui.supervision.hub import SupervisionHub
from alliance_desktop.gui.trainee.hub import TraineeHub
from alliance_desktop.gui.workspace import place as workspace_place
from alliance_desktop.gui.workspace.clients import ClientsPane
from alliance_desktop.gui.workspace.drafts import DraftsBar
from alliance_desktop.gui.workspace.ruptures import RupturesPanel
from alliance_desktop.gui.workspace.search import SearchPane
from alliance_desktop.gui.workspace.sessions import SessionFlow
from alliance_desktop.gui.workspace.timeline import Timeline
from alliance_desktop.vault import Vault, VaultError

#: A place to come back to: the page, the client tab and the widget with the focus.
Place = tuple[QWidget, int, QWidget | None]


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
    pageChanged = Signal(QWidget)  # the content area now shows this page (see addPage)
    clientTabChanged = Signal(int)  # the client page's current tab changed (see addClientTab)

    # The shell's actions (SHELL_ACTIONS), also reachable as ``action(name)``.
    actionNewSession: QAction
    actionNewClient: QAction
    actionBackup: QAction
    actionPrivacy: QAction
    actionLock: QAction
    actionQuit: QAction
    actionUndoDelete: QAction
    actionSearch: QAction
    actionSettings: QAction
    actionEditClient: QAction
    actionToggleClosed: QAction
    actionDeleteClient: QAction
    actionOpenSession: QAction
    actionDeleteSession: QAction
    actionShortcuts: QAction
    actionAboutData: QAction
    actionAudit: QAction
    actionAbout: QAction

    def __init__(self, vault_path: Path, *, demo: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(":/icons/alliance.svg"))
        self.vault_path = vault_path
        self.demo = demo
        self.vault: Vault | None = None
        self._placed = False  # a saved geometry was restored: do not centre

        self.status = StatusArea(self)
        self.statusQueue = self.status.queue
        self.registry = ActionRegistry(self)
        self._build_workspace()
        self.curtain = PrivacyCurtain(self)
        self.ui.rootStack.addWidget(self.curtain)
        self.curtain.dismissed.connect(self.togglePrivacy)
        self._build_actions()
        self._build_toolbar()
        # Dashboard, Trends tab, Insights page and plans (matplotlib loads on first draw).
        self.insights = InsightsHub(self)
        # A caseload cell opens its session for reading; E edits it.
        self.insights.setSessionOpener(self.readSession)
        # Supervision menu and wizard; practice clients, reflection feedback, practice log.
        self.supervision = SupervisionHub(self)
        self.trainee = TraineeHub(self)
        # The File menu's safety net: open another vault, export, restore, passphrase,
        # recently deleted.
        self.safety = SafetyHub(self)
        self._retranslate()
        repolish_roles(self)
        self._set_unlocked_ui(False)
        # Every use case run through gui/operations reports here what it changed.
        operations.events().vaultChanged.connect(self._vault_changed)

    # -- construction -------------------------------------------------------

    def _build_workspace(self) -> None:
        ui = self.ui
        ui.splitter.setSizes([280, 900])
        ui.splitter.setStretchFactor(1, 1)
        ui.addClientButton.setIcon(QIcon(":/icons/add.svg"))
        self.sessionFlow = SessionFlow(self)
        self.editor = self.sessionFlow.editor
        self.clients = ClientsPane(self)
        self.timeline = Timeline(self)
        self.ruptures = RupturesPanel(self)
        self.drafts = DraftsBar(self)
        self.searchPane = SearchPane(self)
        self.clients.model.cleared.connect(self.ruptures.clear)
        self.clients.model.cleared.connect(lambda: setattr(self.sessionFlow, "editorRepaired", []))
        # The names tests and acceptance checks reach the workspace by.
        self.clientModel = self.clients.model
        self.clientFilter = self.clients.filter
        self.outcomeChip = self.clients.outcomeChip
        self.timelineModel = self.timeline.model
        self.searchModel = self.searchPane.model
        self.searchEdit = self.searchPane.edit
        r = self.ruptures
        self.ruptureModel, self.ruptureListView = r.model, r.view
        self.rupturesTab, self.rupturesIndex = r.tab, r.index
        self.stillOpenPrompt, self.stillOpenLabel = r.stillOpenPrompt, r.stillOpenLabel
        self.stillOpenYesButton = r.stillOpenYesButton
        self.stillOpenNotYetButton = r.stillOpenNotYetButton
        self.repairDateRow, self.repairDateEdit = r.repairDateRow, r.repairDateEdit
        self.confirmRepairButton = r.confirmRepairButton
        self.draftState, self.undoButton = self.status.draftState, self.status.undoButton
        self.undoButton.clicked.connect(self.undoDelete)
        self._draftTimer = self.drafts.timer
        self._undoTimer = self.sessionFlow.undoTimer
        # The public page API below relays the page and tab changes to the hubs.
        stack = ui.contentStack
        stack.currentChanged.connect(lambda i: self.pageChanged.emit(stack.widget(i)))
        ui.clientTabs.currentChanged.connect(self.clientTabChanged.emit)

    def _build_actions(self) -> None:
        for action in self.registry.create_all(SHELL_ACTIONS):
            setattr(self, action.objectName(), action)
        ui = self.ui
        S = QKeySequence.StandardKey
        # Delete and Undo act on the timeline only, so they never steal keys from text fields.
        self.actionDeleteSession.setShortcut(QKeySequence(S.Delete))
        self.actionDeleteSession.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        ui.timelineView.addAction(self.actionDeleteSession)
        self.actionUndoDelete.setShortcut(QKeySequence(S.Undo))
        self.actionUndoDelete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ui.clientPage.addAction(self.actionUndoDelete)
        ui.clientList.addAction(self.actionUndoDelete)
        ui.timelineView.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        ui.timelineView.addAction(self.actionOpenSession)
        ui.clientList.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.registry.add_to_widget(
            ui.clientList, "actionEditClient", "actionToggleClosed", "actionDeleteClient"
        )
        self.menuFile = self.registry.menu("file")
        self.menuEdit = self.registry.menu("edit")
        self.menuClient = self.registry.menu("client")
        self.menuHelp = self.registry.menu("help")

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = toolbar
        self.demoLabel = QLabel(self)
        self.demoLabel.setObjectName("demoMarker")
        self.demoLabel.setProperty("role", "demo")
        self.demoLabel.setVisible(self.demo)
        toolbar.addAction(self.actionNewSession)
        toolbar.addAction(self.actionNewClient)
        toolbar.addSeparator()
        toolbar.addWidget(self.searchEdit)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.demoLabel)
        toolbar.addAction(self.actionLock)

    def _retranslate(self) -> None:
        tr = self.tr
        self.registry.retranslate()
        for part in (
            self.status,
            self.clients,
            self.timeline,
            self.ruptures,
            self.searchPane,
        ):
            part.retranslate()
        self.demoLabel.setText(tr("Demo vault"))
        self.demoLabel.setToolTip(tr("Synthetic data; deleted when the app quits."))
        self.ui.emptyTitle.setText(tr("Welcome to your private notebook"))
        self.ui.emptyText.setText(
            tr(
                "Start by adding a client under a code rather than a name. Then, after each "
                "session, press Ctrl+N to rate the relationship and write a few lines."
            )
        )
        self.setWindowTitle(
            tr("Alliance Desktop") + (" — " + tr("Demo vault") if self.demo else "")
        )

    # -- actions and menus for features (the registry) ------------------------

    def registerAction(
        self,
        name: str,
        text: str,
        *,
        shortcut: Shortcut | Sequence[Shortcut] | None = None,
        menu: str | None = None,
        triggered: Callable[..., object] | None = None,
        icon: str | None = None,
        checkable: bool = False,
        before: str | None = None,
        separator: bool = False,
        always: bool = False,
    ) -> QAction:
        """Create an action called ``name`` in this window, its shortcut window-wide,
        in ``menu`` ("file", "edit", "client", "session", "view", "insights",
        "supervision", "help"; created in its place on first use), above the action
        ``before`` when given, with a line above it when ``separator``. ``text`` is
        already translated (a feature retranslates its own). Enabled with the vault
        unless ``always``."""
        spec = feature_spec(
            name,
            text,
            triggered,
            shortcut,
            menu=menu,
            icon=icon,
            checkable=checkable,
            before=before,
            separator=separator,
            always=always,
        )
        action = self.registry.create(spec)
        action.setEnabled(always or self.vault is not None)
        return action

    def action(self, name: str) -> QAction:
        """The action called ``name`` (the shell's or a feature's); KeyError if none."""
        return self.registry.action(name)

    def menu(self, key: str, title: str | None = None) -> QMenu:
        """The menu ``key`` of the menu bar, created in its place on first use."""
        return self.registry.menu(key, title)

    # -- vault lifecycle ----------------------------------------------------

    def setVault(self, vault: Vault, *, place: dict | None = None) -> None:
        self.vault = vault
        self._set_unlocked_ui(True)
        self.safety.vaultOpened(vault)  # Recently deleted older than 30 days go
        self.reloadClients()
        self.insights.setVault(vault)
        self.trainee.setVault(vault)
        if not self.restorePlace(place):
            self.drafts.offer()
        # Not the editor's lists (strategies, scale, every tag in use: a scan of all
        # sessions, most of the fill): every way into the editor reads them afresh
        # (SessionFlow._prepare), so the unlock does not.

    def clearData(self) -> None:
        """Forget everything read from the vault: models, editor, labels, search."""
        self.drafts.clear()
        self.sessionFlow.undoTimer.stop()
        self.sessionFlow.deleted = None
        self.undoButton.hide()
        self.vault = None
        self.clients.clear()
        self.timeline.clear()
        self.searchPane.clear()
        self.insights.clear()
        self.supervision.clear()
        self.trainee.clear()
        self.sessionFlow.clear()
        for label in (self.ui.clientTitle, self.ui.clientGoals, self.ui.editorTitle):
            label.clear()
        self.draftState.clear()
        self.setAutoLockCountdown(None)
        # No editor without a client: the next unlock starts from a page, not a blank form.
        self.ui.contentStack.setCurrentWidget(self.ui.emptyPage)
        self.actionPrivacy.setChecked(False)
        self.statusQueue.clear()
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
        always = self.registry.always_enabled()
        for action in self.actions():
            if action not in always:
                action.setEnabled(unlocked)
        self.toolbar.setEnabled(unlocked)
        self.searchEdit.setEnabled(unlocked)
        if unlocked:
            self.ui.rootStack.setCurrentWidget(self.ui.workspacePage)
        self.status.setUnlocked(unlocked)

    def setAutoLockCountdown(self, seconds: int | None) -> None:
        """Show "Locking in N s · press any key to stay" (None hides it)."""
        self.status.setAutoLockCountdown(None if self.vault is None else seconds)

    def setVaultState(self, text: str) -> None:
        self.status.setVaultState(text)

    def _vault_changed(self, changes: Changes) -> None:
        """A use case wrote to the vault: reload what this window shows of it."""
        if self.vault is None:
            return
        try:
            client_id = self.currentClientId()
            if changes.clients or changes.sessions or changes.vault_replaced:
                self.reloadClients()
            elif changes.settings and client_id is not None:
                self.clients.showClient(client_id, switch_page=False)  # the outcome scale
            elif changes.drafts:
                self.drafts.updateBar()
            if (changes.sessions or changes.settings) and self.editor.currentClientId():
                self.sessionFlow.refreshPriorRuptures()
        except VaultError as exc:
            self.flash(str(exc))

    # -- the user's place across a lock ---------------------------------------

    def placeSnapshot(self) -> dict | None:
        """Where the user is (client, open editor, focused field and cursor), in memory
        only, taken before a lock clears the window; ``restorePlace`` puts it back."""
        return workspace_place.snapshot(self)

    def restorePlace(self, where: dict | None) -> bool:
        """Back where ``placeSnapshot`` was taken; True when it was."""
        return workspace_place.restore(self, where)

    # -- the workspace, for the controller, the hubs and tests -----------------

    def reloadClients(self, select: int | None = None) -> None:
        self.clients.reload(select)

    def selectClientRow(self, source_row: int | None) -> None:
        self.clients.selectRow(source_row)

    def selectClient(self, client_id: int | None) -> None:
        self.clients.select(client_id)

    def currentVault(self) -> Vault | None:
        """The open vault, or None while locked (for the hubs that add menus here)."""
        return self.vault

    def currentClientId(self) -> int | None:
        """The client the client page shows (or last showed), if any."""
        return self.clients.clientId

    def currentClient(self) -> Client | None:
        return self.clients.currentClient()

    def newClient(self) -> None:
        self.clients.newClient()

    def editClient(self) -> None:
        self.clients.editClient()

    def toggleClosed(self) -> None:
        self.clients.toggleClosed()

    def deleteClient(self) -> None:
        self.clients.deleteClient()

    def newSession(self) -> None:
        self.sessionFlow.newSession()

    def openSession(self, session_id: int) -> None:
        """Open a saved session for editing (its draft, if one was kept)."""
        self.sessionFlow.openSession(session_id)

    def readSession(self, session_id: int, highlight: str = "") -> None:
        """Open a saved session for reading, ``highlight``'s words marked; E edits."""
        self.sessionFlow.readSession(session_id, highlight)

    def openSelectedSession(self) -> None:
        self.timeline.openSelected()

    def saveSession(self) -> None:
        self.sessionFlow.saveSession()

    def closeEditor(self) -> None:
        self.sessionFlow.closeEditor()

    def deleteSession(self) -> None:
        self.sessionFlow.deleteSession()

    def undoDelete(self) -> None:
        self.sessionFlow.undoDelete()

    def draftPayload(self) -> tuple[str, dict] | None:
        """The editor's unsaved state as (slot, payload), in memory only (for a lock)."""
        return self.drafts.payload()

    def saveDraftNow(self) -> bool:
        """Write the editor's state into the vault now; False when there was none."""
        return self.drafts.saveNow()

    def focusSearch(self) -> None:
        self.searchPane.focus()

    def _run_search(self) -> None:
        self.searchPane.run()

    # -- the shell's public API for features ----------------------------------
    # The hubs (insights, trainee, supervision, safety) add and switch their pages
    # through these methods and the pageChanged / clientTabChanged signals only, never
    # through ``ui`` or ``editor``: the window's layout behind them may change freely.

    def addPage(self, page: QWidget) -> None:
        """Add a page to the content area; ``showPage`` brings it up."""
        self.ui.contentStack.addWidget(page)

    def showPage(self, page: QWidget) -> None:
        self.ui.contentStack.setCurrentWidget(page)

    def currentPage(self) -> QWidget | None:
        return self.ui.contentStack.currentWidget()

    def isShowingEditor(self) -> bool:
        return self.ui.contentStack.currentWidget() is self.ui.editorPage

    def isShowingClientTab(self, tab: QWidget) -> bool:
        """True when the client page is shown with ``tab`` as its current tab."""
        return (
            self.ui.contentStack.currentWidget() is self.ui.clientPage
            and self.ui.clientTabs.currentWidget() is tab
        )

    def addClientTab(self, tab: QWidget, title: str) -> int:
        """Add a tab to the client page; returns its index (for ``setClientTabTitle``)."""
        return self.ui.clientTabs.addTab(tab, title)

    def setClientTabTitle(self, index: int, title: str) -> None:
        self.ui.clientTabs.setTabText(index, title)

    def addClientCard(self, card: QWidget) -> None:
        """A card on the client page, just below the client's goals."""
        layout = self.ui.clientPageLayout
        layout.insertWidget(layout.indexOf(self.ui.clientGoals) + 1, card)

    def addTimelineCard(self, card: QWidget) -> None:
        """A card on the Timeline tab, just below its empty-state text."""
        layout = self.ui.timelineLayout
        layout.insertWidget(layout.indexOf(self.ui.timelineEmpty) + 1, card)

    def addBanner(self, banner: QWidget) -> None:
        """A banner across the top of the workspace, above the client list and pages."""
        self.ui.workspaceLayout.insertWidget(0, banner)

    def addEditorBar(self, bar: QWidget) -> None:
        """A bar at the top of the editor page, above the session editor."""
        self.ui.editorLayout.insertWidget(1, bar)

    def editorClientId(self) -> int | None:
        """The client of the session open in the editor, if any."""
        return self.editor.currentClientId()

    def editorSessionId(self) -> int | None:
        """The saved session open in the editor; None for a new one (or none)."""
        return self.editor.currentSessionId()

    def watchFirstPaint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, when the content area is first painted."""
        FirstPaintWatcher(self.ui.contentStack, callback)

    # -- navigation: every way in has a way back ----------------------------

    def here(self) -> Place:
        """The page shown now, the client tab and the widget with the focus."""
        return (
            self.ui.contentStack.currentWidget(),
            self.ui.clientTabs.currentIndex(),
            QApplication.focusWidget(),
        )

    def goTo(self, place: Place | None) -> bool:
        """Back to a place from ``here``; False when there is none (or it is gone)."""
        if place is None or self.vault is None:
            return False
        page, tab, focus = place
        ui = self.ui
        if page in (ui.editorPage, ui.emptyPage) or ui.contentStack.indexOf(page) < 0:
            return False
        if page is ui.clientPage and self.currentClientId() is None:
            return False
        ui.contentStack.setCurrentWidget(page)
        if page is ui.clientPage and 0 <= tab < ui.clientTabs.count():
            ui.clientTabs.setCurrentIndex(tab)
        if focus is not None and isValid(focus) and page.isAncestorOf(focus):
            focus.setFocus()
        return True

    def goBack(self) -> None:
        """View › Back (Alt+Left): from the editor to where it was opened from (as Esc),
        from any other page to the client page, else the dashboard."""
        if self.vault is None:
            return
        page = self.ui.contentStack.currentWidget()
        if page is self.ui.editorPage:
            self.closeEditor()
        elif page is not self.ui.clientPage and self.currentClientId() is not None:
            self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        else:
            self.insights.showDashboard()

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
        """A status message through the queue: shown now, and what it interrupts comes
        back for the rest of its time (never drawn over, never lost)."""
        self.statusQueue.post(message, ms)

    def restoreGeometry(self, geometry: QByteArray | bytes) -> bool:
        """A saved geometry is the user's: kept (inside the screen), not centred."""
        restored = super().restoreGeometry(geometry)
        self._placed = self._placed or restored
        return restored

    def setVisible(self, visible: bool) -> None:
        """Before the first show: lay out the first page, centre the window on the
        screen (unless a saved geometry was restored) and fit it, so the first frame
        is painted and inside the screen at any scale factor."""
        if visible and not self.isVisible():
            prepare_first_show(self, centre=not self._placed)
            self._placed = True
            super().setVisible(visible)
            fit_to_screen(self)  # now with the real window frame
            return
        super().setVisible(visible)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The controller decides (saves a draft, closes the vault, removes a demo folder).
        event.ignore()
        self.quitRequested.emit()
