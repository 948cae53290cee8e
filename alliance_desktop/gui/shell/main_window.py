"""The main window: clients on the left; timeline, session editor or search on the right.

The window never owns the vault's lifetime: the controller hands it an open vault
with ``setVault`` and takes it back with ``clearData`` when it locks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import ruptures as app_ruptures
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app.changes import Changes
from alliance_desktop.domain import Client, ClientStatus, Session, ValidationError
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.privacy_curtain import PrivacyCurtain
from alliance_desktop.gui.common.window_fit import StatusQueue, fit_to_screen, hold_size
from alliance_desktop.gui.editor.rupture_editor import PriorRupture
from alliance_desktop.gui.editor.session_editor import SessionEditor
from alliance_desktop.gui.feedback import clear_message, error_label, repolish_roles, show_message
from alliance_desktop.gui.forms.ui_main_window import Ui_MainWindow
from alliance_desktop.gui.insights.hub import InsightsHub
from alliance_desktop.gui.safety import SafetyHub
from alliance_desktop.gui.safety.dialogs import first_words
from alliance_desktop.gui.supervision_wizard import SupervisionHub
from alliance_desktop.gui.trainee import TraineeHub
from alliance_desktop.gui.workspace.client_delegate import ClientDelegate
from alliance_desktop.gui.workspace.client_dialogs import ClientDialog, DeleteClientDialog
from alliance_desktop.gui.workspace.models import (
    ID_ROLE,
    OPEN_ROLE,
    RUPTURE_ROLE,
    SESSION_ROLE,
    ClientFilterModel,
    ClientListModel,
    RuptureListModel,
    SearchResultsModel,
    TimelineModel,
    outcome_chip,
    rupture_type_label,
    sessions_label,
    short_date,
)
from alliance_desktop.gui.workspace.rating_chips import RatingChipsDelegate
from alliance_desktop.gui.workspace.search_delegate import HighlightDelegate
from alliance_desktop.insights.outcome import OutcomeChange, outcome_change
from alliance_desktop.vault import Vault, VaultError

DRAFT_DELAY_MS = 2000  # well inside the promise of at most 5 s of typing lost
UNDO_WINDOW_MS = 15000
SEARCH_LIMIT = 100
#: Okabe-Ito colours for the outcome chip's border; each is at least 3:1 against both
#: the light and the dark window, and the words and the glyph carry the meaning anyway.
CHIP_BORDER = {
    "recovered": "#009E73",
    "improved": "#0072B2",
    "unchanged": "#808080",
    "deteriorated": "#D55E00",
}


def draft_slot(client_id: int | None, session_id: int | None) -> str:
    return f"session:{session_id}" if session_id else f"new:{client_id}"


class OutcomeChip(QLabel):
    """The client's outcome classification, first to latest, beside the page title.

    Hidden below two outcome ratings. The words and a glyph carry the status; the
    border colour only repeats it. Text uses the window's own text colour, so it keeps
    its contrast in light and dark.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeStatusChip")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so it can be read out
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._status: str | None = None
        self.hide()

    def setChange(self, change: OutcomeChange | None, scale: OutcomeScale) -> None:
        chip = outcome_chip(change, scale)
        if chip is None:
            self._status = None
            self.clear()
            self.setToolTip("")
            self.setAccessibleDescription("")
            self.hide()
            return
        self._status, text, tip = chip
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        border = CHIP_BORDER[self._status]
        self.setStyleSheet(
            f"QLabel#outcomeStatusChip {{ border: 2px solid {border}; border-radius: 10px; "
            "padding: 2px 10px; background: palette(base); color: palette(text); "
            "font-weight: 600; }"
        )
        self.show()

    def status(self) -> str | None:
        return self._status


class _FirstPaintWatcher(QObject):
    """Calls back once, on the first paint of the widget it watches, then goes away."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self.callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self.callback()
        return super().eventFilter(watched, event)


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
        self._editor_origin: tuple[QWidget, int, QWidget | None] | None = None

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
        # -- SAFETY-12b: File menu safety net (open vault, export, restore, passphrase,
        # recently deleted); the hub adds its actions to the File menu itself.
        self.safety = SafetyHub(self)
        self._late_undo = False  # a session was deleted and its Undo time ran out
        self._build_client_extras()
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
        # The highlighted client opens on a click, a double click or Enter from any page
        # (currentChanged alone does nothing when it is already the current one).
        ui.clientList.clicked.connect(self._client_activated)
        ui.clientList.activated.connect(self._client_activated)
        ui.clientList.doubleClicked.connect(self._client_activated)
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
        # Ratings as small labelled chips ("Trust 8", "Engagement 3"), not letter codes.
        tv.setItemDelegateForColumn(TimelineModel.COLUMNS.index("ratings"), RatingChipsDelegate(tv))
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

        # The public page API below relays the page and tab changes to the hubs.
        stack = ui.contentStack
        stack.currentChanged.connect(lambda i: self.pageChanged.emit(stack.widget(i)))
        ui.clientTabs.currentChanged.connect(self.clientTabChanged.emit)

    def _build_editor(self) -> None:
        self.editor = SessionEditor(self)
        self.ui.editorLayout.addWidget(self.editor, 1)
        self.editor.saveRequested.connect(self.saveSession)
        self.editor.cancelRequested.connect(self.closeEditor)
        self.editor.changed.connect(self._editor_changed)
        self.editor.repairRequested.connect(self._repair_from_editor)
        self.editor.reopenRequested.connect(self._reopen_from_editor)
        self.editor.ui.dateEdit.dateChanged.connect(self._editor_date_changed)
        self._editor_repaired: list[int] = []  # marked repaired from this editor, for Undo

    def _build_client_extras(self) -> None:
        """The outcome chip beside the title, the still-open prompt and the Ruptures tab."""
        ui = self.ui
        page = ui.clientPage
        layout = ui.clientPageLayout
        # The chip sits on the title's line.
        index = layout.indexOf(ui.clientTitle)
        layout.removeWidget(ui.clientTitle)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(ui.clientTitle, 1)
        self.outcomeChip = OutcomeChip(page)
        title_row.addWidget(self.outcomeChip, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.insertLayout(index, title_row)

        # "Still open from DATE: repaired since?"
        self.stillOpenPrompt = QFrame(page)
        self.stillOpenPrompt.setObjectName("stillOpenPrompt")
        self.stillOpenPrompt.setProperty("role", "card")
        row = QHBoxLayout(self.stillOpenPrompt)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(8)
        self.stillOpenLabel = QLabel(self.stillOpenPrompt)
        self.stillOpenLabel.setObjectName("stillOpenLabel")
        self.stillOpenLabel.setWordWrap(True)
        self.stillOpenYesButton = QPushButton(self.stillOpenPrompt)
        self.stillOpenYesButton.setObjectName("stillOpenYesButton")
        self.stillOpenNotYetButton = QPushButton(self.stillOpenPrompt)
        self.stillOpenNotYetButton.setObjectName("stillOpenNotYetButton")
        row.addWidget(self.stillOpenLabel, 1)
        row.addWidget(self.stillOpenYesButton)
        row.addWidget(self.stillOpenNotYetButton)
        layout.insertWidget(layout.indexOf(ui.draftBar) + 1, self.stillOpenPrompt)
        self.stillOpenPrompt.hide()
        self.stillOpenYesButton.clicked.connect(self._still_open_yes)
        self.stillOpenNotYetButton.clicked.connect(self._still_open_not_yet)
        self._prompt_rupture: int | None = None
        self._not_yet: set[int] = set()  # "Not yet" for this unlock; asked again after

        # The Ruptures tab: open ones first, each can be marked repaired or reopened.
        self.rupturesTab = QWidget()
        self.rupturesTab.setObjectName("rupturesTab")
        tab = QVBoxLayout(self.rupturesTab)
        self.ruptureListHint = QLabel(self.rupturesTab)
        self.ruptureListHint.setObjectName("ruptureListHint")
        self.ruptureListHint.setProperty("role", "hint")
        self.ruptureListHint.setWordWrap(True)
        self.ruptureModel = RuptureListModel(self)
        self.ruptureListView = QTableView(self.rupturesTab)
        self.ruptureListView.setObjectName("ruptureListView")
        self.ruptureListView.setModel(self.ruptureModel)
        self.ruptureListView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ruptureListView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ruptureListView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ruptureListView.setShowGrid(False)
        self.ruptureListView.setAlternatingRowColors(True)
        self.ruptureListView.setWordWrap(False)
        self.ruptureListView.verticalHeader().hide()
        header = self.ruptureListView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.ruptureListView.selectionModel().currentRowChanged.connect(
            lambda *_a: self._sync_rupture_buttons()
        )
        self.ruptureListView.activated.connect(lambda _i: self._rupture_activated())
        self.ruptureListEmpty = QLabel(self.rupturesTab)
        self.ruptureListEmpty.setObjectName("ruptureListEmpty")
        self.ruptureListEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ruptureListEmpty.setWordWrap(True)

        self.repairDateRow = QFrame(self.rupturesTab)
        self.repairDateRow.setObjectName("repairDateRow")
        self.repairDateRow.setProperty("role", "card")
        date_row = QHBoxLayout(self.repairDateRow)
        date_row.setContentsMargins(10, 6, 10, 6)
        date_row.setSpacing(8)
        self.repairDateLabel = QLabel(self.repairDateRow)
        self.repairDateLabel.setObjectName("repairDateLabel")
        self.repairDateEdit = QDateEdit(self.repairDateRow)
        self.repairDateEdit.setObjectName("repairDateEdit")
        self.repairDateEdit.setCalendarPopup(True)
        self.repairDateEdit.setDisplayFormat("ddd d MMM yyyy")
        self.repairDateLabel.setBuddy(self.repairDateEdit)
        self.confirmRepairButton = QPushButton(self.repairDateRow)
        self.confirmRepairButton.setObjectName("confirmRepairButton")
        self.confirmRepairButton.setDefault(True)
        self.cancelRepairButton = QPushButton(self.repairDateRow)
        self.cancelRepairButton.setObjectName("cancelRepairButton")
        date_row.addWidget(self.repairDateLabel)
        date_row.addWidget(self.repairDateEdit)
        date_row.addWidget(self.confirmRepairButton)
        date_row.addWidget(self.cancelRepairButton)
        date_row.addStretch(1)
        self.repairDateRow.hide()
        self.confirmRepairButton.clicked.connect(self._confirm_repair)
        self.cancelRepairButton.clicked.connect(self._cancel_repair)
        self.repairDateEdit.installEventFilter(self)
        self._repairing: int | None = None
        self.ruptureListError = error_label("ruptureListError", self.rupturesTab)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.markRepairedButton = QPushButton(self.rupturesTab)
        self.markRepairedButton.setObjectName("markRepairedButton")
        self.reopenRuptureButton = QPushButton(self.rupturesTab)
        self.reopenRuptureButton.setObjectName("reopenRuptureButton")
        buttons.addWidget(self.markRepairedButton)
        buttons.addWidget(self.reopenRuptureButton)
        self.markRepairedButton.clicked.connect(self._mark_repaired_clicked)
        self.reopenRuptureButton.clicked.connect(self._reopen_clicked)
        tab.addWidget(self.ruptureListHint)
        tab.addWidget(self.ruptureListView, 1)
        tab.addWidget(self.ruptureListEmpty, 1)
        tab.addWidget(self.repairDateRow)
        tab.addWidget(self.ruptureListError)
        tab.addLayout(buttons)
        self.rupturesIndex = ui.clientTabs.addTab(self.rupturesTab, "")
        QWidget.setTabOrder(self.ruptureListView, self.repairDateEdit)
        QWidget.setTabOrder(self.repairDateEdit, self.confirmRepairButton)
        QWidget.setTabOrder(self.confirmRepairButton, self.cancelRepairButton)
        QWidget.setTabOrder(self.cancelRepairButton, self.markRepairedButton)
        QWidget.setTabOrder(self.markRepairedButton, self.reopenRuptureButton)
        # A lock empties the client list: what these show goes with it.
        self.clientModel.cleared.connect(self._clear_client_extras)
        self._sync_rupture_buttons()

    def _retranslate_client_extras(self) -> None:
        tr = self.tr
        self.stillOpenYesButton.setText(tr("Yes, mark repaired…"))
        self.stillOpenYesButton.setAccessibleName(tr("Yes, it was repaired: choose the day"))
        self.stillOpenNotYetButton.setText(tr("Not yet"))
        self.stillOpenNotYetButton.setAccessibleName(tr("Not yet repaired"))
        self.ruptureListView.setAccessibleName(tr("Ruptures, open ones first"))
        self.ruptureListHint.setText(
            tr(
                "Open ruptures first. One left open in its session can be marked repaired "
                "on the day it was; Reopen takes that back."
            )
        )
        self.ruptureListEmpty.setText(
            tr("No ruptures noted for this client. Add one from a session's Ruptures section.")
        )
        self.repairDateLabel.setText(tr("&Repaired on"))
        self.repairDateEdit.setAccessibleName(tr("Day the rupture was repaired"))
        self.confirmRepairButton.setText(tr("Mark repaired"))
        self.confirmRepairButton.setAccessibleName(tr("Mark the rupture repaired on this day"))
        self.cancelRepairButton.setText(tr("Cancel"))
        self.cancelRepairButton.setAccessibleName(tr("Cancel marking the rupture repaired"))
        self.markRepairedButton.setText(tr("Mark repaired…"))
        self.markRepairedButton.setAccessibleName(tr("Mark the selected rupture repaired"))
        self.markRepairedButton.setToolTip(tr("Record the day an open rupture was repaired."))
        self.reopenRuptureButton.setText(tr("Reopen"))
        self.reopenRuptureButton.setAccessibleName(tr("Reopen the selected rupture"))
        self.reopenRuptureButton.setToolTip(
            tr("Take back a later repair: the rupture is open again.")
        )
        self.outcomeChip.setAccessibleName(tr("Outcome status"))
        self._set_ruptures_tab_text()

    def _set_ruptures_tab_text(self) -> None:
        count = self.ruptureModel.openCount()
        text = self.tr("Ruptures")
        if count:
            text = self.tr("Ruptures ({n} open)").format(n=count)
        self.ui.clientTabs.setTabText(self.rupturesIndex, text)

    def _clear_client_extras(self) -> None:
        self.ruptureModel.clear()
        self.outcomeChip.setChange(None, OutcomeScale())
        self.stillOpenLabel.clear()
        self.stillOpenPrompt.hide()
        self._prompt_rupture = None
        self._not_yet = set()
        self._editor_repaired = []
        self._cancel_repair()
        clear_message(self.ruptureListError)
        self._set_ruptures_tab_text()
        self._sync_rupture_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the repair date confirms it and Esc cancels, as in any small form."""
        if (
            watched is self.repairDateEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._confirm_repair()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self._cancel_repair()
                return True
        return super().eventFilter(watched, event)

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
        # A quiet line 30 s before the auto-lock; any key or click postpones it.
        self.autoLockCountdown = QLabel(self)
        self.autoLockCountdown.setObjectName("autoLockCountdown")
        self.autoLockCountdown.setProperty("role", "hint")
        self.autoLockCountdown.setVisible(False)
        self.undoButton = QPushButton(self)
        self.undoButton.setObjectName("undoDeleteButton")
        self.undoButton.setFlat(True)
        self.undoButton.hide()
        self.undoButton.clicked.connect(self.undoDelete)
        sb.addWidget(self.lockIcon)
        sb.addWidget(self.vaultState)
        sb.addPermanentWidget(self.autoLockCountdown)
        sb.addPermanentWidget(self.undoButton)
        sb.addPermanentWidget(self.draftState)
        # One message at a time: each for its time, then the next (window_fit).
        self.statusQueue = StatusQueue(sb)

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
        self._retranslate_client_extras()
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

    def setVault(self, vault: Vault, *, place: dict | None = None) -> None:
        self.vault = vault
        self.editor.setContext(
            vault.strategy_catalogue(), vault.client_rating_scale(), vault.tags()
        )
        self._set_unlocked_ui(True)
        self.safety.vaultOpened(vault)  # SAFETY-12b: Recently deleted older than 30 days go
        self.reloadClients()
        self.insights.setVault(vault)
        self.trainee.setVault(vault)
        if not self.restorePlace(place):
            self._offer_drafts()

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

    def setAutoLockCountdown(self, seconds: int | None) -> None:
        """Show "Locking in N s · press any key to stay" (None hides it)."""
        label = self.autoLockCountdown
        if seconds is None or self.vault is None:
            label.clear()
            label.setVisible(False)
            return
        text = self.tr("Locking in {n} s · press any key to stay").format(n=max(0, seconds))
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(True)

    # -- the user's place across a lock ---------------------------------------

    def placeSnapshot(self) -> dict | None:
        """Where the user is (client, open editor, focused field and cursor), in memory
        only, taken before a lock clears the window; ``restorePlace`` puts it back."""
        if self.vault is None:
            return None
        page = self.ui.contentStack.currentWidget()
        place: dict = {
            "client_id": self._client_id,
            "editor": False,
            "page": page.objectName() if page is not None else "",
        }
        if (
            self.ui.contentStack.currentWidget() is self.ui.editorPage
            and self.editor.currentClientId() is not None
        ):
            place.update(
                editor=True,
                client_id=self.editor.currentClientId(),
                session_id=self.editor.currentSessionId(),
                state=self.editor.placeState(),
            )
        return place

    def restorePlace(self, place: dict | None) -> bool:
        """Back where ``placeSnapshot`` was taken: the same client and, when an editor was
        open, the same editor with its draft, focus and cursor. True when it was."""
        if self.vault is None or not place:
            return False
        client_id = place.get("client_id")
        if not isinstance(client_id, int) or self.vault.client(client_id) is None:
            return False
        self.selectClient(client_id)
        if not place.get("editor"):
            page = self.ui.contentStack.findChild(QWidget, str(place.get("page") or ""))
            if page is not None and self.ui.contentStack.indexOf(page) >= 0:
                self.ui.contentStack.setCurrentWidget(page)
            return True
        client = self.vault.client(client_id)
        session_id = place.get("session_id")
        session = self.vault.session(session_id) if isinstance(session_id, int) else None
        if client is None or (session_id is not None and session is None):
            return False
        draft = self.vault.drafts().get(draft_slot(client_id, session_id))
        self._open_editor(client, session, draft, quiet=True)
        self.editor.restorePlace(place.get("state") or {})
        return True

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

    def _client_activated(self, index: QModelIndex) -> None:
        if not index.isValid() or self.vault is None:
            return
        if self.ui.contentStack.currentWidget() is self.ui.editorPage:
            self.closeEditor()  # unsaved words stay as a draft
        self._show_client(index.data(ID_ROLE))

    def currentVault(self) -> Vault | None:
        """The open vault, or None while locked (for the hubs that add menus here)."""
        return self.vault

    def currentClientId(self) -> int | None:
        """The client the client page shows (or last showed), if any."""
        return self._client_id

    # -- the shell's public API for features ----------------------------------
    # The hubs (insights, trainee, supervision) add and switch their pages through
    # these methods and the pageChanged / clientTabChanged signals only, never through
    # ``ui`` or ``editor``: the window's layout behind them may change freely.

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
        _FirstPaintWatcher(self.ui.contentStack, callback)

    def _vault_changed(self, changes: Changes) -> None:
        """A use case wrote to the vault: reload what this window shows of it."""
        if self.vault is None:
            return
        try:
            if changes.clients or changes.sessions or changes.vault_replaced:
                self.reloadClients()
            elif changes.settings and self._client_id is not None:
                self._show_client(self._client_id, switch_page=False)  # the outcome scale
            elif changes.drafts:
                self._update_draft_bar()
            if (changes.sessions or changes.settings) and self.editor.currentClientId():
                self._refresh_prior_ruptures()
        except VaultError as exc:
            self.flash(str(exc))

    # -- ruptures, outcome status -------------------------------------------

    def _show_client_extras(self, sessions: list[Session]) -> None:
        """The outcome chip, the Ruptures tab and the still-open prompt for ``sessions``."""
        assert self.vault is not None
        settings = self.vault.typed_settings()
        ordered = sorted(sessions, key=lambda s: (s.date, s.id or 0))
        self.outcomeChip.setChange(outcome_change(ordered, settings.outcome), settings.outcome)
        keep = self._selected_rupture()
        self.ruptureModel.setSessions(ordered)
        has = self.ruptureModel.rowCount() > 0
        self.ruptureListView.setVisible(has)
        self.ruptureListEmpty.setVisible(not has)
        row = self.ruptureModel.rowForRupture(keep)
        if row >= 0:
            self.ruptureListView.selectRow(row)
        elif has:
            self.ruptureListView.selectRow(0)
        if self._repairing is not None and self.ruptureModel.rowForRupture(self._repairing) < 0:
            self._cancel_repair()
        self._set_ruptures_tab_text()
        self._sync_rupture_buttons()
        self._update_still_open(ordered, settings.insights.recent_window)

    def _update_still_open(self, ordered: list[Session], after: int) -> None:
        """Ask about the oldest rupture still open ``after`` or more sessions later."""
        position = {s.id: i for i, s in enumerate(ordered)}
        asked: tuple[Session, int] | None = None
        for s in ordered:
            later = len(ordered) - 1 - position[s.id]
            if later < after:
                break
            for r in s.ruptures:
                if not r.repaired and r.id is not None and r.id not in self._not_yet:
                    asked = (s, r.id)
                    break
            if asked:
                break
        if asked is None:
            self._prompt_rupture = None
            self.stillOpenLabel.clear()
            self.stillOpenPrompt.hide()
            return
        session, rid = asked
        self._prompt_rupture = rid
        rupture = next(r for r in session.ruptures if r.id == rid)
        self.stillOpenLabel.setText(
            self.tr("Still open from {date} ({kind}): repaired since?").format(
                date=short_date(session.date), kind=rupture_type_label(rupture).lower()
            )
        )
        self.stillOpenPrompt.setAccessibleName(self.stillOpenLabel.text())
        self.stillOpenPrompt.show()

    def _still_open_yes(self) -> None:
        rid = self._prompt_rupture
        if rid is None:
            return
        self.ui.clientTabs.setCurrentWidget(self.rupturesTab)
        row = self.ruptureModel.rowForRupture(rid)
        if row >= 0:
            self.ruptureListView.selectRow(row)
            self._ask_repair_date(row)

    def _still_open_not_yet(self) -> None:
        if self._prompt_rupture is not None:
            self._not_yet.add(self._prompt_rupture)
        self._show_client(self._client_id, switch_page=False)
        self.ui.timelineView.setFocus()

    def _selected_rupture(self) -> int | None:
        index = self.ruptureListView.currentIndex()
        return index.data(RUPTURE_ROLE) if index.isValid() else None

    def _sync_rupture_buttons(self) -> None:
        index = self.ruptureListView.currentIndex()
        is_open = bool(index.isValid() and index.data(OPEN_ROLE))
        later = False
        if index.isValid() and not is_open:
            _sid, _day, r = self.ruptureModel.rupture(index.row())
            later = r.resolved_on is not None and not r.resolved
        self.markRepairedButton.setEnabled(is_open and self.vault is not None)
        self.reopenRuptureButton.setEnabled(later and self.vault is not None)

    def _rupture_activated(self) -> None:
        index = self.ruptureListView.currentIndex()
        if index.isValid() and index.data(OPEN_ROLE):
            self._ask_repair_date(index.row())

    def _mark_repaired_clicked(self) -> None:
        index = self.ruptureListView.currentIndex()
        if index.isValid() and index.data(OPEN_ROLE):
            self._ask_repair_date(index.row())

    def _ask_repair_date(self, row: int) -> None:
        """Show the inline "Repaired on [day]" row: today, not before the session."""
        _sid, day, rupture = self.ruptureModel.rupture(row)
        if rupture.id is None:
            return
        self._repairing = rupture.id
        today = QDate.currentDate()
        self.repairDateEdit.setMinimumDate(QDate(day.year, day.month, day.day))
        self.repairDateEdit.setMaximumDate(today)
        self.repairDateEdit.setDate(today)
        clear_message(self.ruptureListError)
        self.repairDateRow.show()
        self.repairDateEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _cancel_repair(self) -> None:
        was_open = self.repairDateRow.isVisible()
        self._repairing = None
        self.repairDateRow.hide()
        if was_open:
            self.ruptureListView.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm_repair(self) -> None:
        rid = self._repairing
        if self.vault is None or rid is None:
            return
        day: date = self.repairDateEdit.date().toPython()  # type: ignore[assignment]
        outcome = operations.run(
            self,
            app_ruptures.repair_rupture,
            self.vault,
            rid,
            day,
            show_error=lambda message: show_message(self.ruptureListError, message),
        )
        if outcome is None:
            return
        self._cancel_repair()
        row = self.ruptureModel.rowForRupture(rid)
        if row >= 0:
            self.ruptureListView.selectRow(row)
        self.ruptureListView.setFocus(Qt.FocusReason.OtherFocusReason)
        self.flash(
            self.tr("Rupture marked repaired on {date}. Reopen takes it back.").format(
                date=short_date(day)
            )
        )

    def _reopen_clicked(self) -> None:
        rid = self._selected_rupture()
        if self.vault is None or rid is None:
            return
        outcome = operations.run(
            self,
            app_ruptures.reopen_rupture,
            self.vault,
            rid,
            show_error=lambda message: show_message(self.ruptureListError, message),
        )
        if outcome is None:
            return
        row = self.ruptureModel.rowForRupture(rid)
        if row >= 0:
            self.ruptureListView.selectRow(row)
        self.flash(self.tr("The rupture is open again."))

    # From a later session's editor: "Open rupture from DATE · Mark repaired".

    def _refresh_prior_ruptures(self) -> None:
        """Offer the editor the client's open ruptures from sessions before this one."""
        client_id = self.editor.currentClientId()
        if self.vault is None or client_id is None:
            self.editor.setPriorRuptures([])
            return
        this = self.editor.currentSessionId()
        day = self.editor.ui.dateEdit.date().toPython()
        items: list[PriorRupture] = []
        for found in self.vault.open_ruptures(client_id):
            if found.session_id != this and found.session_date <= day:
                items.append(PriorRupture(found.rupture, found.session_date))
        shown = {item.rupture.id for item in items}
        for rid in self._editor_repaired:
            got = self.vault.rupture(rid)
            if got is not None and rid not in shown and got[1].resolved_on is not None:
                items.append(PriorRupture(got[1], got[0].date))
        items.sort(key=lambda item: (item.session_date, item.rupture.id or 0))
        self.editor.setPriorRuptures(items)

    def _editor_date_changed(self, *_args: object) -> None:
        if self.editor.currentClientId() is not None and self.vault is not None:
            self._refresh_prior_ruptures()

    def _repair_from_editor(self, rupture_id: int) -> None:
        if self.vault is None:
            return
        day = self.editor.repairDate()
        outcome = operations.run(
            self,
            app_ruptures.repair_rupture,
            self.vault,
            rupture_id,
            day,
            show_error=self.editor.showRuptureMessage,
        )
        if outcome is None:
            return
        if rupture_id not in self._editor_repaired:
            self._editor_repaired.append(rupture_id)
        self._refresh_prior_ruptures()
        self.flash(self.tr("Rupture marked repaired on {date}.").format(date=short_date(day)))

    def _reopen_from_editor(self, rupture_id: int) -> None:
        if self.vault is None:
            return
        outcome = operations.run(
            self,
            app_ruptures.reopen_rupture,
            self.vault,
            rupture_id,
            show_error=self.editor.showRuptureMessage,
        )
        if outcome is None:
            return
        if rupture_id in self._editor_repaired:
            self._editor_repaired.remove(rupture_id)
        self._refresh_prior_ruptures()
        self.flash(self.tr("The rupture is open again."))

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
        sessions = self.vault.sessions(client_id)
        self.timelineModel.setSessions(sessions)
        self._show_client_extras(sessions)
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
        if new == ClientStatus.CLOSED and not self._confirm_close(client):
            return
        if operations.run(self, app_clients.set_client_status, self.vault, client.id, new) is None:
            return
        message = (
            self.tr("{code} closed.") if new == ClientStatus.CLOSED else self.tr("{code} reopened.")
        )
        self.flash(message.format(code=client.code))

    def _confirm_close(self, client: Client) -> bool:
        """SAFETY-12b: closing a client asks first, naming them."""
        answer = QMessageBox.question(
            self,
            self.tr("Close client"),
            self.tr(
                "Close {code}? They move to the closed clients; you can reopen them later."
            ).format(code=client.code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

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
                self.vault.strategy_catalogue(),
                self.vault.client_rating_scale(),
                self.vault.tags(),
                self.vault.outcome_scale(),
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
        opened_from = self._here()  # before selectClient shows the client page
        if self._client_id != client.id:
            self.selectClient(client.id)
        draft = self.vault.drafts().get(draft_slot(client.id, session_id))
        self._open_editor(client, session, draft, opened_from=opened_from)

    def openSelectedSession(self) -> None:
        index = self.ui.timelineView.currentIndex()
        if index.isValid():
            self._timeline_activated(index)

    def _timeline_activated(self, index: QModelIndex) -> None:
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.openSession(session_id)

    def _last_session_before(self, client: Client, session: Session | None) -> Session | None:
        if self.vault is None or client.id is None:
            return None
        earlier = [
            s
            for s in self.vault.sessions(client.id)
            if session is None
            or (s.id != session.id and (s.date, s.id or 0) < (session.date, session.id or 0))
        ]
        return max(earlier, key=lambda s: (s.date, s.id or 0), default=None)

    def _open_editor(
        self,
        client: Client,
        session: Session | None,
        draft: dict | None,
        *,
        quiet: bool = False,
        opened_from: tuple[QWidget, int, QWidget | None] | None = None,
    ) -> None:
        if self.editor.isDirty():
            self.saveDraftNow()
        self._refresh_context()
        plan = (
            [item.strategy for item in self.vault.plan(client.id)]
            if self.vault is not None and client.id is not None
            else []
        )
        self.editor.setLastSession(self._last_session_before(client, session), plan)
        if draft:
            self.editor.loadDraft(client, draft)
        else:
            self.editor.load(client, session)
        self._draft_slot = draft_slot(client.id, session.id if session else None)
        self._editor_repaired = []
        self._refresh_prior_ruptures()
        title = (
            self.tr("New session")
            if session is None
            else self.tr("Session of {date}").format(date=short_date(session.date))
        )
        self.ui.editorTitle.setText(f"{client.code} · {title}")
        if self.ui.contentStack.currentWidget() is not self.ui.editorPage:
            # Where Esc and View › Back return to: an alert's dashboard, search, Insights…
            self._editor_origin = opened_from or self._here()
        self.ui.contentStack.setCurrentWidget(self.ui.editorPage)
        first = self.editor.findChild(QWidget, "trustInput")
        (first or self.editor).setFocus()
        if draft and not quiet:
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
        self._editor_origin = None
        self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        # The timeline, with the saved session selected (and a practice client's card).
        self.ui.clientTabs.setCurrentWidget(self.ui.timelineTab)
        row = self.timelineModel.rowForSession(saved.id)
        if row >= 0:
            self.ui.timelineView.selectRow(row)
            self.ui.timelineView.scrollTo(self.timelineModel.index(row, 0))
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
        origin, self._editor_origin = self._editor_origin, None
        if not self._go_to(origin):
            self.ui.contentStack.setCurrentWidget(
                self.ui.clientPage if self._client_id else self.ui.emptyPage
            )

    # -- navigation: every way in has a way back ----------------------------

    def _here(self) -> tuple[QWidget, int, QWidget | None]:
        """The page shown now, the client tab and the widget with the focus."""
        return (
            self.ui.contentStack.currentWidget(),
            self.ui.clientTabs.currentIndex(),
            QApplication.focusWidget(),
        )

    def _go_to(self, place: tuple[QWidget, int, QWidget | None] | None) -> bool:
        """Back to a place from ``_here``; False when there is none (or it is gone)."""
        if place is None or self.vault is None:
            return False
        page, tab, focus = place
        stack = self.ui.contentStack
        if page in (self.ui.editorPage, self.ui.emptyPage) or stack.indexOf(page) < 0:
            return False
        if page is self.ui.clientPage and self._client_id is None:
            return False
        self.ui.contentStack.setCurrentWidget(page)
        if page is self.ui.clientPage and 0 <= tab < self.ui.clientTabs.count():
            self.ui.clientTabs.setCurrentIndex(tab)
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
        elif page is not self.ui.clientPage and self._client_id is not None:
            self.ui.contentStack.setCurrentWidget(self.ui.clientPage)
        else:
            self.insights.showDashboard()

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
            self._delete_question(session),
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
        self._late_undo = False
        self.undoButton.show()
        self._undoTimer.start()
        self.flash(self.tr("Session deleted."), UNDO_WINDOW_MS)

    def _delete_question(self, session: Session) -> str:
        """SAFETY-12b: the session named by its date and its first words."""
        words = first_words(session.reflection.plain_text())
        if words:
            text = self.tr("Delete the session of {date} that begins “{words}”?").format(
                date=short_date(session.date), words=words
            )
        else:
            text = self.tr("Delete the session of {date} (no reflection written)?").format(
                date=short_date(session.date)
            )
        later = self.tr(
            "You can undo this for a few seconds; after that it is in File › Recently deleted "
            "for 30 days."
        )
        return f"{text} {later}"

    def undoDelete(self) -> None:
        if self.vault is not None and self._deleted is None and self._late_undo:
            # SAFETY-12b: a late Ctrl+Z says where the session went.
            self.flash(
                self.tr("It is in Recently deleted (File › Recently deleted…), for 30 days.")
            )
            return
        if self.vault is None or self._deleted is None:
            return
        session = self._deleted
        if operations.run(self, app_sessions.restore_session, self.vault, session) is None:
            return
        self._expire_undo()
        self._late_undo = False
        if session.client_id is not None and session.client_id != self._client_id:
            self.selectClient(session.client_id)
        row = self.timelineModel.rowForSession(session.id)
        if row >= 0:
            self.ui.timelineView.selectRow(row)
        self.flash(self.tr("Session restored."))

    def _expire_undo(self) -> None:
        self._late_undo = self._deleted is not None
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
        """A status message through the queue: shown now, and what it interrupts comes
        back for the rest of its time (never drawn over, never lost)."""
        self.statusQueue.post(message, ms)

    def setVisible(self, visible: bool) -> None:
        """Before the first show: lay out the first page and fit the screen, so the
        first frame is painted and inside the screen at any scale factor."""
        if visible and not self.isVisible():
            self.ensurePolished()
            layout = self.layout()
            if layout is not None:
                layout.activate()
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            hold_size(self)
            fit_to_screen(self)
            super().setVisible(visible)
            fit_to_screen(self)  # now with the real window frame
            return
        super().setVisible(visible)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The controller decides (saves a draft, closes the vault, removes a demo folder).
        event.ignore()
        self.quitRequested.emit()
