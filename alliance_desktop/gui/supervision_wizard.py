"""Prepare supervision: a step-by-step packet builder with a live preview, and past packets.

``SupervisionWizard`` is a non-modal dialog: steps on the left (period, clients,
reflections, questions and privacy, export), the packet as it will print on the right.
Every choice rebuilds the preview after a short pause (``PREVIEW_DELAY_MS``), so typing
a question or ticking several clients in a row redraws once. The packet comes from the
same ``build_packet`` as ``alliance-cli report`` and is exported by the same use case,
``app.packets.export_packet`` (private file, record and audit row together), so what
the preview shows is what the PDF holds, and what the CLI would write for the same
options. Beside the preview, a pseudonymised packet's key ("Client A = code") is shown
for the therapist only; it is never part of the PDF.

``SupervisionHub`` adds the Supervision menu to the main window (Prepare supervision,
Past packets). On lock the controller closes the dialogs; ``clear`` and ``closeEvent``
drop the preview document so no reflection stays in memory behind a hidden window.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.app import packets as app_packets
from alliance_desktop.charts.theme import LIGHT
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.gui import operations
from alliance_desktop.gui.common import file_dialogs
from alliance_desktop.gui.feedback import clear_message, error_label, show_message
from alliance_desktop.gui.workspace.models import short_date
from alliance_desktop.insights.analysis import analyse
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.reports.supervision import PacketError, PacketOptions
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.changes import Changes
    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.reports.supervision import Packet
    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.store import PacketRecord

PREVIEW_DELAY_MS = 400
DEFAULT_WEEKS = 8
FIRST_LINE_CHARS = 90
ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def first_line(session: Session) -> str:
    """The reflection's first non-blank line, shortened for a list."""
    for text in session.reflection.sections.values():
        for line in text.splitlines():
            line = line.strip()
            if line:
                return line if len(line) <= FIRST_LINE_CHARS else line[: FIRST_LINE_CHARS - 1] + "…"
    return ""


def default_range(records: list[PacketRecord], today: date) -> tuple[date, date]:
    """From the day after the last packet's period (if recent) or eight weeks back, to today."""
    start = today - timedelta(weeks=DEFAULT_WEEKS)
    if records and records[0].range_to and start < records[0].range_to < today:
        start = records[0].range_to + timedelta(days=1)
    return start, today


def preselected_clients(
    clients: list[Client],
    sessions: list[Session],
    start: date,
    end: date,
    settings: InsightSettings | None = None,
    *,
    scale: ClientRatingScale | None = None,
    include_practice: bool = False,
) -> dict[int, tuple[int, int]]:
    """Clients worth bringing: id -> (recent alerts in the period, sessions flagged for
    supervision in it). Only clients with at least one of either are returned."""
    upto = [s for s in sessions if s.date <= end]
    insights = analyse(clients, upto, scale, settings, include_practice=include_practice)
    result: dict[int, tuple[int, int]] = {}
    for cid, ci in insights.clients.items():
        alerts = sum(1 for a in ci.recent_alerts if start <= a.date <= end)
        flagged = sum(1 for s in ci.sessions if s.supervision and start <= s.date <= end)
        if cid is not None and (alerts or flagged):
            result[cid] = (alerts, flagged)
    return result


def plural(n: int, one: str, many: str) -> str:
    """English-style singular or plural, each already translated (``{n}`` is the number)."""
    return (one if n == 1 else many).format(n=n)


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def _hint(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


class PastPacketsView(QWidget):
    """Past packets, newest first: when, which period, how many clients, the questions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastPacketsView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("pastPacketsTitle")
        font = QFont(self.title.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.tree = QTreeWidget(self)
        _named(self.tree, "pastPacketsList", self.tr("Past packets"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Exported"), self.tr("Period"), self.tr("Clients"), self.tr("Questions")]
        )
        header = self.tree.header()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.title.setBuddy(self.tree)
        self.detail = QLabel(self)
        self.detail.setObjectName("pastPacketQuestions")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = _hint("pastPacketsEmpty", self)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.empty)
        self.tree.currentItemChanged.connect(self._show_detail)
        self.title.setText(self.tr("&What you brought before"))

    def setRecords(self, records: list[PacketRecord]) -> None:
        self.tree.clear()
        for r in records:
            if r.range_from and r.range_to:
                period = f"{short_date(r.range_from)} – {short_date(r.range_to)}"
            elif r.range_from:
                period = self.tr("from {date}").format(date=short_date(r.range_from))
            elif r.range_to:
                period = self.tr("until {date}").format(date=short_date(r.range_to))
            else:
                period = self.tr("all sessions")
            questions = " · ".join(r.questions) if r.questions else self.tr("(no questions)")
            item = QTreeWidgetItem(
                [short_date(r.created_at.date()), period, str(r.client_count), questions]
            )
            item.setData(0, ID_ROLE, "\n".join(f"• {q}" for q in r.questions))
            item.setToolTip(3, "\n".join(r.questions))
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(records))
        self.empty.setVisible(not records)
        self.empty.setText(
            ""
            if records
            else self.tr(
                "No packets yet. The questions you bring are kept here, in the vault, so "
                "next time you can see what you asked."
            )
        )
        first = self.tree.topLevelItem(0)
        if records and first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.detail.clear()

    def _show_detail(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        text = item.data(0, ID_ROLE) if item else ""
        self.detail.setText(self.tr("Questions you brought:") + "\n" + text if text else "")

    def clear(self) -> None:
        self.tree.clear()
        self.detail.clear()


class PastPacketsDialog(QDialog):
    def __init__(self, records: list[PacketRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastPacketsDialog")
        self.setWindowTitle(self.tr("Past supervision packets"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = PastPacketsView(self)
        self.view.setRecords(records)
        close = QPushButton(self.tr("Close"), self)
        _named(close, "closePastPacketsButton", self.tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(720, 420)


class SupervisionWizard(QDialog):
    """Choose what to bring, see the packet, export it as a PDF."""

    exported = Signal(object)  # the Path written
    settingsRequested = Signal()

    STEPS = 5

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("supervisionWizard")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Prepare supervision"))
        self.vault = vault
        self.today = today or date.today()
        self.packet: Packet | None = None
        self._doc: Any = None
        self._client_choice: dict[int, bool] = {}  # the therapist's own ticks override defaults
        self._session_choice: dict[int, bool] = {}
        self._filling = False

        self._clients: list[Client] = vault.clients()
        self._sessions: list[Session] = vault.sessions()
        # The one settings policy: a damaged stored value gives way to its default.
        self._insight_settings = vault.typed_settings().insights
        self._records = vault.packets()
        self._scale = vault.client_rating_scale()

        self._previewTimer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._previewTimer.timeout.connect(self.refreshPreview)
        self._build()
        start, end = default_range(self._records, self.today)
        self.fromEdit.setDate(_qdate(start))
        self.toEdit.setDate(_qdate(end))
        self.pastPackets.setRecords(self._records)
        self._update_redaction_status()
        self._range_changed()
        self.setStep(0)
        self.resize(1180, 760)

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        tr = self.tr
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("supervisionSplitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.stepLabel = QLabel(left)
        self.stepLabel.setObjectName("supervisionStepLabel")
        font = QFont(self.stepLabel.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.stepLabel.setFont(font)
        left_layout.addWidget(self.stepLabel)
        self.pages = QStackedWidget(left)
        self.pages.setObjectName("supervisionPages")
        left_layout.addWidget(self.pages, 1)

        self.pages.addWidget(self._period_page())
        self.pages.addWidget(self._clients_page())
        self.pages.addWidget(self._reflections_page())
        self.pages.addWidget(self._questions_page())
        self.pages.addWidget(self._export_page())

        nav = QHBoxLayout()
        self.backButton = QPushButton(tr("< &Back"), left)
        _named(self.backButton, "supervisionBackButton", tr("Back"))
        self.nextButton = QPushButton(tr("&Next >"), left)
        _named(self.nextButton, "supervisionNextButton", tr("Next"))
        self.nextButton.setDefault(True)
        self.closeButton = QPushButton(tr("Close"), left)
        _named(self.closeButton, "supervisionCloseButton", tr("Close"))
        self.backButton.clicked.connect(lambda: self.setStep(self.pages.currentIndex() - 1))
        self.nextButton.clicked.connect(lambda: self.setStep(self.pages.currentIndex() + 1))
        self.closeButton.clicked.connect(self.close)
        nav.addWidget(self.closeButton)
        nav.addStretch(1)
        nav.addWidget(self.backButton)
        nav.addWidget(self.nextButton)
        left_layout.addLayout(nav)

        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.previewTitle = QLabel(tr("&Preview"), right)
        self.previewTitle.setObjectName("previewTitle")
        self.previewTitle.setFont(font)
        self.previewState = _hint("previewState", right)
        self.previewState.setWordWrap(False)
        head.addWidget(self.previewTitle)
        head.addStretch(1)
        head.addWidget(self.previewState)
        right_layout.addLayout(head)
        self.preview = QTextBrowser(right)
        _named(self.preview, "packetPreview", tr("Packet preview"))
        self.preview.setOpenLinks(False)
        # Shown whenever there is no packet document: messages go here, never into a packet.
        self._blank_doc = QTextDocument(self.preview)
        # The packet is paper: its own colours on white in light and dark themes alike.
        self.preview.setStyleSheet(
            "QTextBrowser#packetPreview { background: #ffffff; "
            f"color: {LIGHT.text}; padding: 14px; }}"
        )
        self.previewTitle.setBuddy(self.preview)
        right_layout.addWidget(self.preview, 1)
        # Which letter stands for which client: for the therapist's eyes, never exported.
        self.privateKey = _hint("privateKeyLabel", right)
        self.privateKey.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.privateKey.hide()
        right_layout.addWidget(self.privateKey)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([470, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _period_page(self) -> QWidget:
        tr = self.tr
        page = QWidget(self)
        page.setObjectName("supervisionPeriodPage")
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.fromEdit = QDateEdit(page)
        _named(self.fromEdit, "packetFromEdit", tr("Sessions from"))
        self.toEdit = QDateEdit(page)
        _named(self.toEdit, "packetToEdit", tr("Sessions until"))
        for edit in (self.fromEdit, self.toEdit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._range_changed)
        from_label = QLabel(tr("Sessions &from"), page)
        from_label.setBuddy(self.fromEdit)
        to_label = QLabel(tr("&until"), page)
        to_label.setBuddy(self.toEdit)
        form.addRow(from_label, self.fromEdit)
        form.addRow(to_label, self.toEdit)
        layout.addLayout(form)
        self.rangeError = error_label("packetRangeError", page)
        layout.addWidget(self.rangeError)
        self.periodSummary = _hint("packetPeriodSummary", page)
        layout.addWidget(self.periodSummary)
        layout.addSpacing(8)
        self.pastPackets = PastPacketsView(page)
        layout.addWidget(self.pastPackets, 1)
        return page

    def _clients_page(self) -> QWidget:
        tr = self.tr
        page = QWidget(self)
        page.setObjectName("supervisionClientsPage")
        layout = QVBoxLayout(page)
        intro = _hint("packetClientsHint", page)
        intro.setText(
            tr(
                "Ticked: clients with recent alerts or sessions you flagged for supervision "
                "in this period. Add or remove any."
            )
        )
        layout.addWidget(intro)
        self.clientList = QListWidget(page)
        _named(self.clientList, "packetClientList", tr("Clients in the packet"))
        intro.setBuddy(self.clientList)
        self.clientList.itemChanged.connect(self._client_ticked)
        layout.addWidget(self.clientList, 1)
        row = QHBoxLayout()
        self.allClientsButton = QPushButton(tr("Tick &all"), page)
        _named(self.allClientsButton, "packetAllClientsButton", tr("Tick all clients"))
        self.noClientsButton = QPushButton(tr("Tick &none"), page)
        _named(self.noClientsButton, "packetNoClientsButton", tr("Untick all clients"))
        self.allClientsButton.clicked.connect(lambda: self._tick_all(self.clientList, True))
        self.noClientsButton.clicked.connect(lambda: self._tick_all(self.clientList, False))
        row.addWidget(self.allClientsButton)
        row.addWidget(self.noClientsButton)
        row.addStretch(1)
        layout.addLayout(row)
        self.practiceCheck = QCheckBox(tr("Also list &practice clients (vignettes)"), page)
        _named(self.practiceCheck, "packetPracticeCheck", tr("Also list practice clients"))
        self.practiceCheck.toggled.connect(self._practice_toggled)
        layout.addWidget(self.practiceCheck)
        self.clientsError = error_label("packetClientsError", page)
        layout.addWidget(self.clientsError)
        return page

    def _reflections_page(self) -> QWidget:
        tr = self.tr
        page = QWidget(self)
        page.setObjectName("supervisionReflectionsPage")
        layout = QVBoxLayout(page)
        intro = _hint("packetReflectionsHint", page)
        intro.setText(
            tr(
                "Reflections to include, as written. Ticked: the sessions you flagged "
                "“bring to supervision”."
            )
        )
        layout.addWidget(intro)
        self.sessionList = QListWidget(page)
        _named(self.sessionList, "packetSessionList", tr("Reflections in the packet"))
        self.sessionList.setWordWrap(True)
        self.sessionList.setTextElideMode(Qt.TextElideMode.ElideRight)
        intro.setBuddy(self.sessionList)
        self.sessionList.itemChanged.connect(self._session_ticked)
        layout.addWidget(self.sessionList, 1)
        self.sessionsEmpty = _hint("packetSessionsEmpty", page)
        layout.addWidget(self.sessionsEmpty)
        row = QHBoxLayout()
        self.allSessionsButton = QPushButton(tr("Tick a&ll"), page)
        _named(self.allSessionsButton, "packetAllSessionsButton", tr("Tick all reflections"))
        self.noSessionsButton = QPushButton(tr("Tick n&one"), page)
        _named(self.noSessionsButton, "packetNoSessionsButton", tr("Untick all reflections"))
        self.allSessionsButton.clicked.connect(lambda: self._tick_all(self.sessionList, True))
        self.noSessionsButton.clicked.connect(lambda: self._tick_all(self.sessionList, False))
        row.addWidget(self.allSessionsButton)
        row.addWidget(self.noSessionsButton)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _questions_page(self) -> QWidget:
        tr = self.tr
        page = QWidget(self)
        page.setObjectName("supervisionQuestionsPage")
        layout = QVBoxLayout(page)
        qlabel = QLabel(tr("&Questions for your supervisor (one a line)"), page)
        layout.addWidget(qlabel)
        self.questionsEdit = QPlainTextEdit(page)
        _named(self.questionsEdit, "packetQuestionsEdit", tr("Questions for supervision"))
        self.questionsEdit.setTabChangesFocus(True)
        self.questionsEdit.setPlaceholderText(
            tr("What do I do when Client A goes quiet after homework?")
        )
        qlabel.setBuddy(self.questionsEdit)
        self.questionsEdit.textChanged.connect(self.schedulePreview)
        self.questionsEdit.setMaximumHeight(180)
        layout.addWidget(self.questionsEdit)
        keep = _hint("packetQuestionsHint", page)
        keep.setText(tr("Kept in the vault with the packet's date, so next time you can see them."))
        layout.addWidget(keep)
        layout.addSpacing(6)
        self.identifyCheck = QCheckBox(tr("Show client &codes instead of Client A, B, …"), page)
        _named(self.identifyCheck, "packetIdentifyCheck", tr("Identify clients"))
        self.datesCheck = QCheckBox(tr("Show calendar &dates instead of week numbers"), page)
        _named(self.datesCheck, "packetDatesCheck", tr("Absolute dates"))
        for check in (self.identifyCheck, self.datesCheck):
            check.toggled.connect(self.schedulePreview)
            check.toggled.connect(self._update_warning)
            layout.addWidget(check)
        self.privacyWarning = QLabel(page)
        self.privacyWarning.setObjectName("packetPrivacyWarning")
        self.privacyWarning.setWordWrap(True)
        self.privacyWarning.setProperty("role", "hint")
        layout.addWidget(self.privacyWarning)
        row = QHBoxLayout()
        self.redactionStatus = QLabel(page)
        self.redactionStatus.setObjectName("redactionStatus")
        self.redactionStatus.setWordWrap(True)
        self.editRedactionButton = QPushButton(tr("Edit in &Settings…"), page)
        _named(self.editRedactionButton, "editRedactionButton", tr("Edit the redaction list"))
        self.editRedactionButton.clicked.connect(self._edit_redaction)
        row.addWidget(self.redactionStatus, 1)
        row.addWidget(self.editRedactionButton)
        layout.addLayout(row)
        layout.addStretch(1)
        self._update_warning()
        return page

    def _export_page(self) -> QWidget:
        tr = self.tr
        page = QWidget(self)
        page.setObjectName("supervisionExportPage")
        layout = QVBoxLayout(page)
        self.exportSummary = QLabel(page)
        self.exportSummary.setObjectName("packetSummary")
        self.exportSummary.setWordWrap(True)
        layout.addWidget(self.exportSummary)
        form = QFormLayout()
        self.pageSizeCombo = QComboBox(page)
        _named(self.pageSizeCombo, "packetPageSizeCombo", tr("Page size"))
        self.pageSizeCombo.addItem(tr("A4"), "a4")
        self.pageSizeCombo.addItem(tr("US Letter"), "letter")
        if locale_uses_letter():
            self.pageSizeCombo.setCurrentIndex(1)
        size_label = QLabel(tr("Page si&ze"), page)
        size_label.setBuddy(self.pageSizeCombo)
        form.addRow(size_label, self.pageSizeCombo)
        layout.addLayout(form)
        self.exportButton = QPushButton(tr("&Export PDF…"), page)
        _named(self.exportButton, "exportPacketButton", tr("Export the packet as a PDF"))
        self.exportButton.clicked.connect(self.exportPdf)
        row = QHBoxLayout()
        row.addWidget(self.exportButton)
        row.addStretch(1)
        layout.addLayout(row)
        self.exportWarning = _hint("packetExportWarning", page)
        self.exportWarning.setText(
            tr(
                "The PDF is not encrypted. Save it somewhere private and share it only "
                "with your supervisor; delete it when you are done."
            )
        )
        layout.addWidget(self.exportWarning)
        self.exportResult = QLabel(page)
        self.exportResult.setObjectName("packetExportResult")
        self.exportResult.setWordWrap(True)
        self.exportResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.exportResult)
        layout.addStretch(1)
        return page

    # -- steps -------------------------------------------------------------------------

    def stepTitles(self) -> list[str]:
        tr = self.tr
        return [
            tr("1. The period"),
            tr("2. Clients"),
            tr("3. Reflections"),
            tr("4. Questions and privacy"),
            tr("5. Export"),
        ]

    def setStep(self, index: int) -> None:
        index = max(0, min(self.STEPS - 1, index))
        if index >= 1 and not self._range_ok():
            index = 0
        self.pages.setCurrentIndex(index)
        self.stepLabel.setText(self.stepTitles()[index])
        self.backButton.setEnabled(index > 0)
        self.nextButton.setEnabled(index < self.STEPS - 1)
        self.nextButton.setDefault(index < self.STEPS - 1)
        self.exportButton.setDefault(index == self.STEPS - 1)
        first = {
            0: self.fromEdit,
            1: self.clientList,
            2: self.sessionList,
            3: self.questionsEdit,
            4: self.pageSizeCombo,
        }[index]
        first.setFocus()
        self._update_summary()

    # -- choices ------------------------------------------------------------------------

    def _range(self) -> tuple[date, date]:
        return _pydate(self.fromEdit.date()), _pydate(self.toEdit.date())

    def _range_ok(self) -> bool:
        start, end = self._range()
        return start <= end

    def _range_changed(self, *_: Any) -> None:
        start, end = self._range()
        if start > end:
            show_message(self.rangeError, self.tr("The start is after the end of the period."))
            self.nextButton.setEnabled(False)
            return
        clear_message(self.rangeError)
        self.nextButton.setEnabled(self.pages.currentIndex() < self.STEPS - 1)
        n = sum(1 for s in self._sessions if start <= s.date <= end)
        weeks = max(1, round(((end - start).days + 1) / 7))
        self.periodSummary.setText(
            self.tr("{weeks} weeks, {n} sessions in your vault.").format(weeks=weeks, n=n)
        )
        self._fill_clients()

    def _visible_clients(self) -> list[Client]:
        include = self.practiceCheck.isChecked()
        return [c for c in self._clients if include or not c.is_practice]

    def _fill_clients(self) -> None:
        start, end = self._range()
        include = self.practiceCheck.isChecked()
        reasons = preselected_clients(
            self._clients, self._sessions, start, end, self._insight_settings,
            include_practice=include,
        )  # fmt: skip
        in_range = {s.client_id for s in self._sessions if start <= s.date <= end}
        self._filling = True
        self.clientList.clear()
        for c in self._visible_clients():
            if c.id is None:
                continue
            if c.id not in in_range and c.id not in reasons and not self._client_choice.get(c.id):
                continue
            alerts, flagged = reasons.get(c.id, (0, 0))
            bits = []
            if alerts:
                bits.append(plural(alerts, self.tr("1 recent alert"), self.tr("{n} recent alerts")))
            if flagged:
                bits.append(
                    plural(flagged, self.tr("1 session flagged"), self.tr("{n} sessions flagged"))
                )
            if c.is_practice:
                bits.append(self.tr("practice"))
            text = c.code + (" — " + ", ".join(bits) if bits else "")
            item = QListWidgetItem(text, self.clientList)
            item.setData(ID_ROLE, c.id)
            item.setData(KEY_ROLE, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = self._client_choice.get(c.id, c.id in reasons and not c.is_practice)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._filling = False
        self._fill_sessions()

    def _client_ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self._client_choice[item.data(ID_ROLE)] = item.checkState() == Qt.CheckState.Checked
        self._fill_sessions()

    def _practice_toggled(self, _on: bool) -> None:
        self._fill_clients()

    def chosenClientIds(self) -> list[int]:
        return [
            self.clientList.item(i).data(ID_ROLE)
            for i in range(self.clientList.count())
            if self.clientList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosenCodes(self) -> tuple[str, ...]:
        return tuple(
            self.clientList.item(i).data(KEY_ROLE)
            for i in range(self.clientList.count())
            if self.clientList.item(i).checkState() == Qt.CheckState.Checked
        )

    def _fill_sessions(self) -> None:
        start, end = self._range()
        chosen = set(self.chosenClientIds())
        codes = {c.id: c.code for c in self._clients}
        self._filling = True
        self.sessionList.clear()
        for s in self._sessions:
            if s.id is None or s.client_id not in chosen or not (start <= s.date <= end):
                continue
            line = first_line(s)
            if not line and not s.supervision:
                continue
            flag = " · ⚑ " + self.tr("flagged") if s.supervision else ""
            text = f"{codes.get(s.client_id, '')} · {short_date(s.date)}{flag}\n{line or '—'}"
            item = QListWidgetItem(text, self.sessionList)
            item.setData(ID_ROLE, s.id)
            item.setToolTip(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = self._session_choice.get(s.id, s.supervision)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._filling = False
        has = self.sessionList.count() > 0
        self.sessionsEmpty.setText(
            "" if has else self.tr("No written reflections from the chosen clients in this period.")
        )
        self.sessionsEmpty.setVisible(not has)
        if chosen:
            clear_message(self.clientsError)
        else:
            show_message(self.clientsError, self.tr("Tick at least one client for the packet."))
        self.schedulePreview()

    def _session_ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self._session_choice[item.data(ID_ROLE)] = item.checkState() == Qt.CheckState.Checked
        self.schedulePreview()

    def chosenSessionIds(self) -> frozenset[int]:
        return frozenset(
            self.sessionList.item(i).data(ID_ROLE)
            for i in range(self.sessionList.count())
            if self.sessionList.item(i).checkState() == Qt.CheckState.Checked
        )

    def _tick_all(self, widget: QListWidget, on: bool) -> None:
        self._filling = True
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        choice = self._client_choice if widget is self.clientList else self._session_choice
        for i in range(widget.count()):
            widget.item(i).setCheckState(state)
            choice[widget.item(i).data(ID_ROLE)] = on
        self._filling = False
        if widget is self.clientList:
            self._fill_sessions()
        else:
            self.schedulePreview()

    def questions(self) -> tuple[str, ...]:
        lines = (q.strip() for q in self.questionsEdit.toPlainText().splitlines())
        return tuple(q for q in lines if q)

    def options(self) -> PacketOptions | None:
        """The packet the current choices describe; None while they cannot make one."""
        if not self._range_ok():
            return None
        codes = self.chosenCodes()
        if not codes:  # an empty tuple would mean "every client" to the packet
            return None
        start, end = self._range()
        return PacketOptions(
            date_from=start,
            date_to=end,
            clients=codes,
            identify=self.identifyCheck.isChecked(),
            absolute_dates=self.datesCheck.isChecked(),
            questions=self.questions(),
            page_size=self.pageSizeCombo.currentData(),
            include_practice=any(c.is_practice for c in self._clients if c.code in set(codes)),
            session_ids=self.chosenSessionIds(),
        )

    def _update_warning(self, *_: Any) -> None:
        bits = [
            self.tr(
                "Reflections appear as you wrote them: read them in the preview and "
                "check for names and details before you export."
            )
        ]
        codes, dates = self.identifyCheck.isChecked(), self.datesCheck.isChecked()
        if codes or dates:
            if codes and dates:
                shown = self.tr(
                    "This packet is not pseudonymised: clients' codes and session dates "
                    "appear as written."
                )
            elif codes:
                shown = self.tr(
                    "This packet is not pseudonymised: clients' codes appear as written."
                )
            else:
                shown = self.tr(
                    "This packet is not pseudonymised: session dates appear as calendar dates."
                )
            bits.insert(0, "⚠ " + shown)
        self.privacyWarning.setText(" ".join(bits))

    def redactionCount(self) -> int:
        try:
            return len(self.vault.typed_settings().redaction_list)
        except VaultError:
            return 0

    def _update_redaction_status(self) -> None:
        n = self.redactionCount()
        if n:
            text = plural(
                n,
                self.tr("1 word or phrase is redacted from every packet."),
                self.tr("{n} words or phrases are redacted from every packet."),
            )
        else:
            text = self.tr("No words are redacted yet: add names and places in Settings.")
        self.redactionStatus.setText(text)
        self.editRedactionButton.setAccessibleDescription(text)

    def _edit_redaction(self) -> None:
        self.settingsRequested.emit()  # the controller's settings dialog (modal) runs here
        self.redactionChanged()

    def redactionChanged(self) -> None:
        self._update_redaction_status()
        self.schedulePreview()

    # -- preview -----------------------------------------------------------------------

    def schedulePreview(self, *_: Any) -> None:
        self.previewState.setText(self.tr("Updating…"))
        self._previewTimer.start()

    def refreshPreview(self) -> None:
        """Build the packet for the current choices and show it (the debounced slot)."""
        from alliance_desktop.gui.packet_preview import packet_document
        from alliance_desktop.reports.supervision import build_packet

        self._previewTimer.stop()
        options = self.options()
        if options is None:
            self.packet = None
            self._set_document(None)
            self._show_key(())
            self.preview.setPlainText(
                self.tr("Choose a period and at least one client to see the packet here.")
            )
            self.previewState.clear()
            self._update_summary()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            packet = build_packet(self.vault, options)
            doc = packet_document(packet)
        except (PacketError, VaultError) as exc:
            self.packet = None
            self._set_document(None)
            self._show_key(())
            self.preview.setPlainText(str(exc))
            self.previewState.clear()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._close_figures()
        self.packet = packet
        self._set_document(doc)
        self._show_key(private_key(packet))
        self.previewState.setText(
            plural(packet.client_count, self.tr("1 client"), self.tr("{n} clients"))
            + " · "
            + plural(packet.session_count, self.tr("1 session"), self.tr("{n} sessions"))
        )
        self._update_summary()

    def _show_key(self, key: tuple[tuple[str, str], ...]) -> None:
        if not key:
            self.privateKey.clear()
            self.privateKey.hide()
            return
        pairs = " · ".join(f"{label} = {code}" for label, code in key)
        self.privateKey.setText(
            self.tr("Private key, on this screen only (never exported): {pairs}").format(
                pairs=pairs
            )
        )
        self.privateKey.show()

    def privateKeyText(self) -> str:
        return self.privateKey.text()

    def _set_document(self, doc: Any) -> None:
        old = self._doc
        self._doc = doc
        self._blank_doc.clear()
        self.preview.setDocument(doc if doc is not None else self._blank_doc)
        if old is not None:
            old.clear()

    def _close_figures(self) -> None:
        if self.packet is not None:
            self.packet.charts.clear()
            self.packet._svg.clear()

    def previewText(self) -> str:
        return self.preview.toPlainText()

    def _update_summary(self) -> None:
        packet = self.packet
        if packet is None:
            self.exportSummary.setText(
                self.tr("Nothing to export yet: choose at least one client.")
            )
            self.exportButton.setEnabled(False)
            return
        reflections = sum(len(p.reflections) for p in packet.clients)
        self.exportSummary.setText(
            self.tr("{clients}, {sessions}, {reflections}, {questions}.").format(
                clients=plural(packet.client_count, self.tr("1 client"), self.tr("{n} clients")),
                sessions=plural(
                    packet.session_count, self.tr("1 session"), self.tr("{n} sessions")
                ),
                reflections=plural(
                    reflections, self.tr("1 reflection"), self.tr("{n} reflections")
                ),
                questions=plural(
                    len(packet.questions), self.tr("1 question"), self.tr("{n} questions")
                ),
            )
        )
        self.exportButton.setEnabled(True)

    # -- export ------------------------------------------------------------------------

    def chooseExportPath(self) -> str:
        """Ask where to write, through ``file_dialogs``: the path never reaches the desktop's
        recently-used list nor Qt's dialog history. Replacing a file is asked once, by
        ``operations.run``."""
        start = str(Path.home() / self.tr("supervision-packet.pdf"))
        path, _ = file_dialogs.get_save_file_name(
            self, self.tr("Export supervision packet"), start, self.tr("PDF files (*.pdf)")
        )
        return path

    def _export_failed(self, message: str) -> None:
        self.exportResult.setText("⚠ " + self.tr("Not exported: {error}").format(error=message))

    def exportPdf(self, path: str | None = None) -> Path | None:
        """Write the packet and record it (with the questions) in the vault: one use case,
        ``app.packets.export_packet``. The file is private from its creation and an
        existing one is replaced only after the user said Yes."""
        options = self.options()
        if options is None:
            return None
        chosen = path if isinstance(path, str) and path else self.chooseExportPath()
        if not chosen:
            return None
        out = Path(chosen).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        progress = QProgressDialog(self.tr("Writing the packet…"), "", 0, 0, self)
        progress.setObjectName("packetProgress")
        progress.setWindowTitle(self.tr("Export supervision packet"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        QGuiApplication.processEvents()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            outcome = operations.run(
                self, app_packets.export_packet, self.vault, options, out,
                show_error=self._export_failed,
            )  # fmt: skip
        finally:
            QGuiApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
        if outcome is None:
            return None
        written = outcome.value
        try:
            self._records = self.vault.packets()
        except VaultError:
            pass  # the packet is written; the list refreshes next time
        else:
            self.pastPackets.setRecords(self._records)
        self.exportResult.setText(
            self.tr("Wrote {pages} to {path}. It is not encrypted.").format(
                pages=plural(written.pages, self.tr("1 page"), self.tr("{n} pages")),
                path=written.path,
            )
        )
        self.exported.emit(written.path)
        return written.path

    # -- lifetime ----------------------------------------------------------------------

    def clear(self) -> None:
        """Forget everything read from the vault (on lock and on close)."""
        self._previewTimer.stop()
        self._close_figures()
        self.packet = None
        self._set_document(None)
        self.preview.clear()
        self.clientList.clear()
        self.sessionList.clear()
        self.pastPackets.clear()
        self.questionsEdit.clear()
        self._show_key(())
        self._clients = []
        self._sessions = []
        self._records = []

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()
        super().closeEvent(event)


def private_key(packet: Packet) -> tuple[tuple[str, str], ...]:
    """The packet's ("Client A", code) pairs for the screen (empty when it names codes)."""
    from alliance_desktop.reports.supervision import packet_key

    return tuple(packet_key(packet))


def locale_uses_letter() -> bool:
    """US Letter where the system locale expects it (the US, Canada, Mexico, ...)."""
    from PySide6.QtCore import QLocale

    return QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem


class SupervisionHub(QObject):
    """The Supervision menu of the main window and the wizard it opens."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("supervisionHub")
        self.window = window
        self.wizard: SupervisionWizard | None = None
        w = window
        self.actionPrepareSupervision = QAction(w)
        self.actionPrepareSupervision.setObjectName("actionPrepareSupervision")
        self.actionPrepareSupervision.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.actionPrepareSupervision.triggered.connect(self.openWizard)
        self.actionPastPackets = QAction(w)
        self.actionPastPackets.setObjectName("actionPastPackets")
        self.actionPastPackets.triggered.connect(self.showPastPackets)
        for action in (self.actionPrepareSupervision, self.actionPastPackets):
            w.addAction(action)
        self.menuSupervision = w.menuBar().addMenu("")
        self.menuSupervision.setObjectName("menuSupervision")
        w.menuBar().insertMenu(w.menuHelp.menuAction(), self.menuSupervision)
        self.menuSupervision.addActions([self.actionPrepareSupervision, self.actionPastPackets])
        operations.events().vaultChanged.connect(self._vault_changed)
        self.retranslate()

    def _vault_changed(self, changes: Changes) -> None:
        """A new redaction list (Settings) changes what the open wizard's packet shows."""
        if self.wizard is not None and changes.settings:
            self.wizard.redactionChanged()

    def retranslate(self) -> None:
        tr = self.tr
        for action, text in (
            (self.actionPrepareSupervision, tr("&Prepare supervision…")),
            (self.actionPastPackets, tr("P&ast packets…")),
        ):
            action.setText(text)
            action.setToolTip(text.replace("&", "").rstrip("…"))
        self.menuSupervision.setTitle(tr("S&upervision"))

    def openWizard(self) -> SupervisionWizard | None:
        w = self.window
        vault = w.currentVault()
        if vault is None:
            return None
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        w.saveDraftNow()  # public: writes the editor's draft only when it has unsaved work
        wizard = SupervisionWizard(vault, w)
        wizard.settingsRequested.connect(w.settingsRequested.emit)
        wizard.exported.connect(self._exported)
        wizard.destroyed.connect(self._forget)
        self.wizard = wizard
        wizard.show()
        wizard.refreshPreview()
        return wizard

    def _forget(self, *_: Any) -> None:
        self.wizard = None

    def _exported(self, path: Path) -> None:
        self.window.flash(
            self.tr("Supervision packet written to {path}. It is not encrypted.").format(path=path),
            10000,
        )

    def settingsChanged(self) -> None:
        """After Settings closes: the redaction list may have changed."""
        if self.wizard is not None:
            self.wizard.redactionChanged()

    def showPastPackets(self) -> None:
        w = self.window
        vault = w.currentVault()
        if vault is None:
            return
        try:
            records = vault.packets()
        except VaultError as exc:
            w.flash(str(exc))
            return
        dialog = PastPacketsDialog(records, w)
        dialog.show()

    def clear(self) -> None:
        if self.wizard is not None:
            self.wizard.clear()
            self.wizard.close()
            self.wizard = None
