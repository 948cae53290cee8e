"""The client page's Ruptures tab and its "Still open from DATE: repaired since?" card.

Open ruptures come first; one left open in its session can be marked repaired on the
day it was (an inline date row: Enter confirms, Esc cancels) and Reopen takes a later
repair back. Every change goes through ``gui.operations.run``; the broadcast reloads
the client page, which hands this panel the sessions again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.app import ruptures as app_ruptures
from alliance_desktop.domain import Session
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.feedback import clear_message, error_label, show_message
from alliance_desktop.gui.common.widgets.eliding_label import ElidingLabel
from alliance_desktop.gui.workspace.models import (
    OPEN_ROLE,
    RUPTURE_ROLE,
    RuptureListModel,
    rupture_type_label,
    short_date,
)

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow


def _card(name: str, parent: QWidget) -> tuple[QFrame, QHBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    row = QHBoxLayout(frame)
    row.setContentsMargins(10, 6, 10, 6)
    row.setSpacing(8)
    return frame, row


class RupturesPanel(QObject):
    """The Ruptures tab and the still-open card of the client page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("rupturesPanel")
        self.w = window
        ui = window.ui
        page = ui.clientPage
        self._prompt_rupture: int | None = None
        self._not_yet: set[int] = set()  # "Not yet" for this unlock; asked again after
        self._repairing: int | None = None
        # The list's selection and layout wait until the tab is shown (a client switch
        # does no work for a hidden tab); the model and the tab's count are kept current.
        self._view_stale = False
        self._keep: int | None = None

        # "Still open from DATE: repaired since?" in the page's action row, beside New
        # session, whichever tab is shown. Its room is kept while it is hidden, so the
        # page never moves between clients with the question and without it: above the
        # tabs it moved them, and the whole of them was laid out and painted again, in
        # more than half of the switches of a caseload with open ruptures. One line;
        # the whole question is its tooltip and its accessible name.
        self.stillOpenPrompt, row = _card("stillOpenPrompt", page)
        row.setContentsMargins(10, 2, 10, 2)  # about as tall as the row's button
        self.stillOpenLabel = ElidingLabel(self.stillOpenPrompt)
        self.stillOpenLabel.setObjectName("stillOpenLabel")
        self.stillOpenYesButton = QPushButton(self.stillOpenPrompt)
        self.stillOpenYesButton.setObjectName("stillOpenYesButton")
        self.stillOpenNotYetButton = QPushButton(self.stillOpenPrompt)
        self.stillOpenNotYetButton.setObjectName("stillOpenNotYetButton")
        row.addWidget(self.stillOpenLabel, 1)
        row.addWidget(self.stillOpenYesButton)
        row.addWidget(self.stillOpenNotYetButton)
        policy = self.stillOpenPrompt.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.stillOpenPrompt.setSizePolicy(policy)
        ui.clientActions.insertWidget(0, self.stillOpenPrompt, 1)
        self.stillOpenPrompt.hide()
        self.stillOpenYesButton.clicked.connect(self._still_open_yes)
        self.stillOpenNotYetButton.clicked.connect(self._still_open_not_yet)

        self.tab = QWidget()
        self.tab.setObjectName("rupturesTab")
        self._build_tab()
        self.index = ui.clientTabs.addTab(self.tab, "")
        ui.clientTabs.currentChanged.connect(lambda _i: self._sync_view())
        self.syncButtons()

    def _build_tab(self) -> None:
        tab_layout = QVBoxLayout(self.tab)
        self.hint = QLabel(self.tab)
        self.hint.setObjectName("ruptureListHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.model = RuptureListModel(self)
        view = self.view = QTableView(self.tab)
        view.setObjectName("ruptureListView")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(30)  # measure the first rows, not all
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        view.selectionModel().currentRowChanged.connect(lambda *_a: self.syncButtons())
        view.activated.connect(lambda _i: self._ask_selected())
        self.empty = QLabel(self.tab)
        self.empty.setObjectName("ruptureListEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.repairDateRow, date_row = _card("repairDateRow", self.tab)
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
        for widget in (
            self.repairDateLabel,
            self.repairDateEdit,
            self.confirmRepairButton,
            self.cancelRepairButton,
        ):
            date_row.addWidget(widget)
        date_row.addStretch(1)
        self.repairDateRow.hide()
        self.confirmRepairButton.clicked.connect(self._confirm_repair)
        self.cancelRepairButton.clicked.connect(self.cancelRepair)
        self.repairDateEdit.installEventFilter(self)
        self.error = error_label("ruptureListError", self.tab)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.markRepairedButton = QPushButton(self.tab)
        self.markRepairedButton.setObjectName("markRepairedButton")
        self.reopenRuptureButton = QPushButton(self.tab)
        self.reopenRuptureButton.setObjectName("reopenRuptureButton")
        buttons.addWidget(self.markRepairedButton)
        buttons.addWidget(self.reopenRuptureButton)
        self.markRepairedButton.clicked.connect(self._ask_selected)
        self.reopenRuptureButton.clicked.connect(self._reopen_clicked)
        tab_layout.addWidget(self.hint)
        tab_layout.addWidget(view, 1)
        tab_layout.addWidget(self.empty, 1)
        tab_layout.addWidget(self.repairDateRow)
        tab_layout.addWidget(self.error)
        tab_layout.addLayout(buttons)
        QWidget.setTabOrder(view, self.repairDateEdit)
        QWidget.setTabOrder(self.repairDateEdit, self.confirmRepairButton)
        QWidget.setTabOrder(self.confirmRepairButton, self.cancelRepairButton)
        QWidget.setTabOrder(self.cancelRepairButton, self.markRepairedButton)
        QWidget.setTabOrder(self.markRepairedButton, self.reopenRuptureButton)

    def retranslate(self) -> None:
        tr = self.tr
        self.stillOpenYesButton.setText(tr("Yes, mark repaired…"))
        self.stillOpenYesButton.setAccessibleName(tr("Yes, it was repaired: choose the day"))
        self.stillOpenNotYetButton.setText(tr("Not yet"))
        self.stillOpenNotYetButton.setAccessibleName(tr("Not yet repaired"))
        self.view.setAccessibleName(tr("Ruptures, open ones first"))
        self.hint.setText(
            tr(
                "Open ruptures first. One left open in its session can be marked repaired "
                "on the day it was; Reopen takes that back."
            )
        )
        self.empty.setText(
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
        self._set_tab_text()

    def _set_tab_text(self) -> None:
        count = self.model.openCount()
        text = self.tr("Ruptures")
        if count:
            text = self.tr("Ruptures ({n} open)").format(n=count)
        tabs = self.w.ui.clientTabs
        # The same text again still lays the tab bar and the tab widget out anew (Qt
        # sets it unasked): most switches keep it.
        if tabs.tabText(self.index) != text:
            tabs.setTabText(self.index, text)

    def clear(self) -> None:
        """A lock empties the client list: what this shows goes with it."""
        self.model.clear()
        self._view_stale, self._keep = True, None
        self.stillOpenLabel.clear()
        self.stillOpenPrompt.hide()
        self._prompt_rupture = None
        self._not_yet = set()
        self.cancelRepair()
        clear_message(self.error)
        self._set_tab_text()
        self.syncButtons()

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
                self.cancelRepair()
                return True
        return super().eventFilter(watched, event)

    # -- showing a client -----------------------------------------------------

    def show(self, ordered: list[Session], recent_window: int) -> None:
        """The tab and the card for a client's sessions, oldest first."""
        if not self._view_stale:
            self._keep = self._selected_rupture()
        self.model.setSessions(ordered)
        self._view_stale = True
        if self._repairing is not None and self.model.rowForRupture(self._repairing) < 0:
            self.cancelRepair()
        self._set_tab_text()
        self._sync_view()
        self._update_still_open(ordered, recent_window)

    def _sync_view(self) -> None:
        """The list's selection and its empty state, once the tab is on screen."""
        if not self._view_stale or self.w.ui.clientTabs.currentWidget() is not self.tab:
            self.syncButtons()
            return
        self._view_stale = False
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.empty.setVisible(not has)
        row = self.model.rowForRupture(self._keep)
        if row >= 0:
            self.view.selectRow(row)
        elif has:
            self.view.selectRow(0)
        self.syncButtons()

    def _update_still_open(self, ordered: list[Session], after: int) -> None:
        """Ask about the oldest rupture still open ``after`` or more sessions later."""
        asked: tuple[Session, int] | None = None
        for position, s in enumerate(ordered):
            if len(ordered) - 1 - position < after:
                break
            if not s.ruptures:
                continue
            rid = next(
                (
                    r.id
                    for r in s.ruptures
                    if not r.repaired and r.id is not None and r.id not in self._not_yet
                ),
                None,
            )
            if rid is not None:
                asked = (s, rid)
                break
        if asked is None:
            self._prompt_rupture = None
            # QLabel.clear lays the label out again even when it is empty already.
            if self.stillOpenLabel.text():
                self.stillOpenLabel.clear()
            self.stillOpenPrompt.hide()
            return
        session, rid = asked
        self._prompt_rupture = rid
        rupture = next(r for r in session.ruptures if r.id == rid)
        text = self.tr("Still open from {date} ({kind}): repaired since?").format(
            date=short_date(session.date), kind=rupture_type_label(rupture).lower()
        )
        if self.stillOpenLabel.text() != text:
            self.stillOpenLabel.setText(text)
            self.stillOpenPrompt.setAccessibleName(text)
        self.stillOpenPrompt.show()

    def _still_open_yes(self) -> None:
        rid = self._prompt_rupture
        if rid is None:
            return
        self.w.ui.clientTabs.setCurrentWidget(self.tab)
        row = self.model.rowForRupture(rid)
        if row >= 0:
            self.view.selectRow(row)
            self._ask_repair_date(row)

    def _still_open_not_yet(self) -> None:
        if self._prompt_rupture is not None:
            self._not_yet.add(self._prompt_rupture)
        self.w.clients.showClient(self.w.currentClientId(), switch_page=False)
        self.w.ui.timelineView.setFocus()

    # -- marking repaired, reopening -----------------------------------------

    def _selected_rupture(self) -> int | None:
        if self._view_stale:
            return self._keep
        index = self.view.currentIndex()
        return index.data(RUPTURE_ROLE) if index.isValid() else None

    def syncButtons(self) -> None:
        index = self.view.currentIndex() if not self._view_stale else QModelIndex()
        is_open = bool(index.isValid() and index.data(OPEN_ROLE))
        later = False
        if index.isValid() and not is_open:
            _sid, _day, r = self.model.rupture(index.row())
            later = r.resolved_on is not None and not r.resolved
        unlocked = self.w.vault is not None
        self.markRepairedButton.setEnabled(is_open and unlocked)
        self.reopenRuptureButton.setEnabled(later and unlocked)

    def _ask_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.data(OPEN_ROLE):
            self._ask_repair_date(index.row())

    def _ask_repair_date(self, row: int) -> None:
        """Show the inline "Repaired on [day]" row: today, not before the session."""
        _sid, day, rupture = self.model.rupture(row)
        if rupture.id is None:
            return
        self._repairing = rupture.id
        today = QDate.currentDate()
        self.repairDateEdit.setMinimumDate(QDate(day.year, day.month, day.day))
        self.repairDateEdit.setMaximumDate(today)
        self.repairDateEdit.setDate(today)
        clear_message(self.error)
        self.repairDateRow.show()
        self.repairDateEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancelRepair(self) -> None:
        was_open = self.repairDateRow.isVisible()
        self._repairing = None
        self.repairDateRow.hide()
        if was_open:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm_repair(self) -> None:
        rid = self._repairing
        if self.w.vault is None or rid is None:
            return
        day: date = self.repairDateEdit.date().toPython()  # type: ignore[assignment]
        outcome = operations.run(
            self.w,
            app_ruptures.repair_rupture,
            self.w.vault,
            rid,
            day,
            show_error=lambda message: show_message(self.error, message),
        )
        if outcome is None:
            return
        self.cancelRepair()
        row = self.model.rowForRupture(rid)
        if row >= 0:
            self.view.selectRow(row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.w.flash(
            self.tr("Rupture marked repaired on {date}. Reopen takes it back.").format(
                date=short_date(day)
            )
        )

    def _reopen_clicked(self) -> None:
        rid = self._selected_rupture()
        if self.w.vault is None or rid is None:
            return
        outcome = operations.run(
            self.w,
            app_ruptures.reopen_rupture,
            self.w.vault,
            rid,
            show_error=lambda message: show_message(self.error, message),
        )
        if outcome is None:
            return
        row = self.model.rowForRupture(rid)
        if row >= 0:
            self.view.selectRow(row)
        self.w.flash(self.tr("The rupture is open again."))


__all__ = ["RupturesPanel"]
