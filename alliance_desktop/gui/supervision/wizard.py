"""Prepare supervision: a step-by-step packet builder with a live preview.

``SupervisionWizard`` is a non-modal dialog (``ui/supervision_wizard.ui``): steps on the
left, one module and one Designer form each (period, clients, reflections, questions
and privacy, export), the packet as it will print on the right. The vault is read once,
when the wizard opens, in short steps of the event loop (``source_reader``); after
that no choice reads it again. Which clients are worth bringing is worked out on a worker thread, and so is the
preview (``preview.PacketPreview``): every choice rebuilds it after a short pause
(``PREVIEW_DELAY_MS``), so typing a question or ticking several clients in a row builds
once, and a newer choice abandons an older build. The packet comes from the same
builder as ``alliance-cli report`` and is exported by the same use case,
``app.packets.export_packet`` (private file, record and audit row together), so what
the preview shows is what the PDF holds. Beside the preview, a pseudonymised packet's
key ("Client A = code") is shown for the therapist only; it is never part of the PDF.

On lock the hub closes the dialog; ``clear`` and ``closeEvent`` drop the snapshot, the
models and the preview document, so no reflection stays in memory behind a hidden window.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from alliance_desktop.app import packets as app_packets
from alliance_desktop.gui.common import background, file_dialogs
from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.forms.ui_supervision_wizard import Ui_SupervisionWizard
from alliance_desktop.gui.supervision.clients import (
    ClientRow,
    ClientsPage,
    PreselectJob,
    _PreselectSignals,
)
from alliance_desktop.gui.supervision.export import ExportPage, default_file_name
from alliance_desktop.gui.supervision.period import PeriodPage, default_range
from alliance_desktop.gui.supervision.preview import PacketPreview
from alliance_desktop.gui.supervision.questions import QuestionsPage
from alliance_desktop.gui.supervision.reflections import ReflectionsPage, SessionRow, first_line
from alliance_desktop.gui.supervision.source_reader import SourceReader
from alliance_desktop.gui.supervision.util import bold
from alliance_desktop.reports.supervision import PacketOptions
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.models import Session
    from alliance_desktop.reports.supervision import Packet
    from alliance_desktop.vault import Vault

PREVIEW_DELAY_MS = 400


class _Blocks(Mapping[int, Sequence[SessionRow]]):
    """The listed clients' reflection blocks, each built when the list first asks."""

    def __init__(self, wizard: SupervisionWizard, codes: dict[int, str]) -> None:
        self._wizard, self._codes = wizard, codes

    def __getitem__(self, client_id: int) -> Sequence[SessionRow]:
        code = self._codes[client_id]  # KeyError: not listed
        return self._wizard._block(client_id, code)

    def __iter__(self) -> Iterator[int]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


class SupervisionWizard(QDialog):
    """Choose what to bring, see the packet, export it as a PDF."""

    exported = Signal(object)  # the Path written
    settingsRequested = Signal()
    #: The clients worth bringing are known and ticked (after each change of period).
    preselected = Signal()

    STEPS = 5

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.ui = Ui_SupervisionWizard()
        self.ui.setupUi(self)
        self.setObjectName("supervisionWizard")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.vault = vault
        self.today = today or date.today()
        self._client_choice: dict[int, bool] = {}  # the therapist's own ticks override defaults
        self._reasons: dict[int, tuple[int, int]] | None = None  # None: still being worked out
        self._in_range: dict[int, list[Session]] = {}
        self._by_client: dict[int, tuple[list[date], list[Session]]] = {}
        self._blocks: dict[int, list[SessionRow]] = {}
        #: Each date's text in the lists, once for every client (kept with the blocks).
        self._days: dict[date, str] = {}
        self._generation = 0

        # The one read: everything any packet of this vault needs, then never again. It
        # runs in short steps of the event loop (``SourceReader``), so the wizard shows
        # at once and the window keeps turning; the choices fill in once it is done.
        self.source: app_packets.PacketSource | None = None
        self._frozen = False
        self._records = vault.packets()
        self._build()
        self._previewTimer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._previewTimer.timeout.connect(self.refreshPreview)
        start, end = default_range(self._records, self.today)
        self.pastPackets.setRecords(self._records)
        self.periodPage.setRange(start, end)
        self.setStep(0)
        self._rangeTimer = QTimer(self, singleShot=True, interval=0)
        self._rangeTimer.timeout.connect(self._range_changed)
        self._reader = SourceReader(self)
        self._reader.ready.connect(self._source_read)
        self.previewState.setText(self.tr("Reading the vault…"))
        self._reader.startSoon(vault)

    def _source_read(self, source: app_packets.PacketSource) -> None:
        self.source = source
        self._by_client = self._reader.by_client
        self._blocks = {}
        self._days = {}
        # A full collection walks every object; with 100k sessions in memory that takes
        # most of a second, holding the lock Python threads share, so the window would
        # freeze whenever the worker's garbage set one off. The snapshot is long-lived:
        # out of the collector's sight until the wizard lets it go (``clear``).
        gc.freeze()
        self._frozen = True
        self.questionsPage.setRedactionCount(len(source.redaction))
        self._rangeTimer.start()  # a turn of the loop between the read and the lists

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        ui = self.ui
        self.splitter = ui.supervisionSplitter
        self.stepLabel = bold(ui.supervisionStepLabel, 1.2)
        bold(ui.previewTitle, 1.2)
        self.pages = ui.supervisionPages
        self.periodPage = PeriodPage(self.pages)
        self.clientsPage = ClientsPage(self.pages)
        self.reflectionsPage = ReflectionsPage(self.pages)
        self.questionsPage = QuestionsPage(self.pages)
        self.exportPage = ExportPage(self.pages)
        for page in (self.periodPage, self.clientsPage, self.reflectionsPage,
                     self.questionsPage, self.exportPage):  # fmt: skip
            self.pages.addWidget(page)
        # The steps' widgets by their old names: tests, the hub and screenshots use them.
        p, c, r, q, e = (self.periodPage, self.clientsPage, self.reflectionsPage,
                         self.questionsPage, self.exportPage)  # fmt: skip
        self.fromEdit, self.toEdit, self.pastPackets = p.fromEdit, p.toEdit, p.pastPackets
        self.rangeError, self.periodSummary = p.rangeError, p.periodSummary
        self.clientList, self.clientModel = c.clientList, c.model
        self.allClientsButton, self.noClientsButton = c.allClientsButton, c.noClientsButton
        self.practiceCheck, self.clientsError = c.practiceCheck, c.clientsError
        self.sessionList, self.sessionModel = r.sessionList, r.model
        self.allSessionsButton, self.noSessionsButton = r.allSessionsButton, r.noSessionsButton
        self.sessionsEmpty = r.sessionsEmpty
        self.questionsEdit, self.identifyCheck, self.datesCheck = (
            q.questionsEdit, q.identifyCheck, q.datesCheck)  # fmt: skip
        self.privacyWarning, self.redactionStatus = q.privacyWarning, q.redactionStatus
        self.editRedactionButton = q.editRedactionButton
        self.exportSummary, self.pageSizeCombo = e.exportSummary, e.pageSizeCombo
        self.exportButton, self.exportResult = e.exportButton, e.exportResult
        self.backButton = ui.supervisionBackButton
        self.nextButton = ui.supervisionNextButton
        self.closeButton = ui.supervisionCloseButton
        self.preview = ui.packetPreview
        self.previewState = ui.previewState
        self.privateKey = ui.privateKeyLabel
        self.privateKey.hide()
        self.previewer = PacketPreview(ui.packetPreview, ui.previewState, ui.previewProgress,
                                       ui.previewCancelButton, self)  # fmt: skip
        self.previewer.textShown.connect(self._packet_shown)
        self._preselect_signals = _PreselectSignals(self)
        self._preselect_signals.done.connect(self._preselected)
        self._preselect_job: PreselectJob | None = None
        self._preselect_hold = background.InterpreterHold()

        self.backButton.clicked.connect(lambda: self.setStep(self.pages.currentIndex() - 1))
        self.nextButton.clicked.connect(lambda: self.setStep(self.pages.currentIndex() + 1))
        self.closeButton.clicked.connect(self.close)
        p.rangeChanged.connect(self._range_changed)
        c.model.ticked.connect(self._clients_ticked)
        c.practiceToggled.connect(self._practice_toggled)
        r.model.ticked.connect(self.schedulePreview)
        q.changed.connect(self.schedulePreview)
        q.redactionEditRequested.connect(self._edit_redaction)
        e.exportButton.clicked.connect(lambda: self.exportPdf())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([470, 700])

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
        if index >= 1 and not self.periodPage.rangeOk():
            index = 0
        self.pages.setCurrentIndex(index)
        self.stepLabel.setText(self.stepTitles()[index])
        self.backButton.setEnabled(index > 0)
        self._update_next()
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

    def _update_next(self) -> None:
        index = self.pages.currentIndex()
        self.nextButton.setEnabled(index < self.STEPS - 1 and self.periodPage.rangeOk())

    # -- choices -----------------------------------------------------------------------

    def _range(self) -> tuple[date, date]:
        return self.periodPage.range()

    def _range_changed(self) -> None:
        self._update_next()
        if not self.periodPage.rangeOk() or self.source is None:
            return
        start, end = self._range()
        # Each client's sessions are in date order: the period is a slice of each.
        self._in_range = {}
        for cid, (days, sessions) in self._by_client.items():
            lo, hi = bisect_left(days, start), bisect_right(days, end)
            if lo < hi:
                self._in_range[cid] = sessions[lo:hi]
        self._blocks = {}
        self._days = {}
        self.periodPage.showCount(sum(len(v) for v in self._in_range.values()))
        self._reasons = None
        self._list_clients()
        self._start_preselection()

    def _practice_toggled(self, _on: bool) -> None:
        self._reasons = None
        self._list_clients()
        self._start_preselection()

    def _start_preselection(self) -> None:
        """Work out, off the UI thread, which clients had alerts or flags in the period."""
        source = self.source
        if self._preselect_job is not None:
            self._preselect_job.stop.set()
        if source is None:
            return
        self._generation += 1
        start, end = self._range()
        self._preselect_job = PreselectJob(
            self._generation, self._preselect_signals, source.clients, source.sessions,
            start, end, source.insight_settings, source.scale, self.practiceCheck.isChecked(),
        )  # fmt: skip
        self.previewState.setText(self.tr("Finding the clients worth bringing…"))
        self._preselect_hold.on()
        self.previewer.pool.start(self._preselect_job)

    def _preselected(self, generation: int, reasons: dict[int, tuple[int, int]]) -> None:
        if generation != self._generation or self.source is None:
            return
        self._preselect_job = None
        self._preselect_hold.off()
        self._reasons = reasons
        self._list_clients()
        self.preselected.emit()

    def isReady(self) -> bool:
        """The preselection is done (tests wait for this before reading the ticks)."""
        return self._reasons is not None

    def _client_text(self, code: str, alerts: int, flagged: int, practice: bool) -> str:
        bits = []
        if alerts:
            bits.append(self.tr("%n recent alert(s)", "", alerts))
        if flagged:
            bits.append(self.tr("%n session(s) flagged", "", flagged))
        if practice:
            bits.append(self.tr("practice"))
        return code + (" — " + ", ".join(bits) if bits else "")

    def _list_clients(self) -> None:
        """The clients the period offers; ticks from the therapist's choices, else from the
        preselection. Runs when the period, the preselection or the practice box changes."""
        if self.source is None:
            return
        reasons = self._reasons or {}
        include = self.practiceCheck.isChecked()
        rows: list[ClientRow] = []
        on: list[int] = []
        for c in self.source.clients:
            if c.id is None or (c.is_practice and not include):
                continue
            if c.id not in self._in_range and c.id not in reasons \
                    and not self._client_choice.get(c.id):  # fmt: skip
                continue
            alerts, flagged = reasons.get(c.id, (0, 0))
            rows.append(ClientRow(c.id, c.code, self._client_text(c.code, alerts, flagged,
                                                                  c.is_practice), c.is_practice))  # fmt: skip
            if self._client_choice.get(c.id, c.id in reasons and not c.is_practice):
                on.append(c.id)
        self.clientModel.setRows(rows, on)
        self._fill_sessions()

    def _fill_sessions(self) -> None:
        """Candidate reflections of every listed client, built once per list; the ticked
        clients' blocks are shown."""
        rows = self.clientModel.rows()
        codes = {r.id: r.code for r in rows}
        self.sessionModel.setCandidates(_Blocks(self, codes), [r.id for r in rows],
                                        self.clientModel.tickedIds())  # fmt: skip
        self.clientsPage.showNoneTicked(not self.clientModel.tickedIds())
        self.schedulePreview()

    def _block(self, client_id: int, code: str) -> list[SessionRow]:
        """The client's candidate reflections in the period, built when first shown and
        kept until the period changes (at 500 clients building every block at once
        took 0.2 s on the UI thread)."""
        block = self._blocks.get(client_id)
        if block is not None:
            return block
        flag = " · ⚑ " + self.tr("flagged")
        days = self._days  # a date's text once, not once per session
        block = []
        for s in self._in_range.get(client_id, ()):
            line = first_line(s)
            if s.id is None or (not line and not s.supervision):
                continue
            day = days.get(s.date)
            if day is None:
                day = days[s.date] = short_date(s.date)
            text = f"{code} · {day}{flag if s.supervision else ''}"
            block.append(SessionRow(s.id, client_id, f"{text}\n{line or '—'}", line,
                                    bool(s.supervision)))  # fmt: skip
        self._blocks[client_id] = block
        return block

    def _clients_ticked(self, ids: list[int], on: bool) -> None:
        for cid in ids:
            self._client_choice[cid] = on
        self.sessionModel.showClients(ids, on)
        self.clientsPage.showNoneTicked(not self.clientModel.tickedIds())
        self.schedulePreview()

    def chosenClientIds(self) -> list[int]:
        return self.clientModel.tickedIds()

    def chosenCodes(self) -> tuple[str, ...]:
        return self.clientModel.tickedCodes()

    def chosenSessionIds(self) -> frozenset[int]:
        return self.sessionModel.tickedIds()

    def questions(self) -> tuple[str, ...]:
        return self.questionsPage.questions()

    def options(self) -> PacketOptions | None:
        """The packet the current choices describe; None while they cannot make one."""
        if not self.periodPage.rangeOk() or self.source is None:
            return None
        codes = self.chosenCodes()
        if not codes:  # an empty tuple would mean "every client" to the packet
            return None
        start, end = self._range()
        practice = {c.code for c in self.source.clients if c.is_practice}
        return PacketOptions(
            date_from=start,
            date_to=end,
            clients=codes,
            identify=self.identifyCheck.isChecked(),
            absolute_dates=self.datesCheck.isChecked(),
            questions=self.questions(),
            page_size=self.pageSizeCombo.currentData(),
            include_practice=any(code in practice for code in codes),
            session_ids=self.chosenSessionIds(),
        )

    def redactionCount(self) -> int:
        try:
            return len(self.vault.typed_settings().redaction_list)
        except VaultError:
            return 0

    def _edit_redaction(self) -> None:
        self.settingsRequested.emit()  # the controller's settings dialog (modal) runs here
        self.redactionChanged()

    def redactionChanged(self) -> None:
        """The redaction list may have changed: read it (one setting) and rebuild."""
        try:
            redaction = tuple(self.vault.typed_settings().redaction_list)
        except VaultError:
            return
        if self.source is not None and redaction != self.source.redaction:
            from dataclasses import replace

            self.source = replace(self.source, redaction=redaction)
        self.questionsPage.setRedactionCount(len(redaction))
        self.schedulePreview()

    # -- preview -----------------------------------------------------------------------

    @property
    def packet(self) -> Packet | None:
        return self.previewer.packet

    def schedulePreview(self, *_: Any) -> None:
        self.previewState.setText(self.tr("Updating…"))
        self._previewTimer.start()
        self._update_summary()

    def refreshPreview(self) -> None:
        """Start building the packet for the current choices (the debounced slot)."""
        self._previewTimer.stop()
        options = self.options()
        if options is None or self.source is None:
            self._show_key(())
            self.previewer.showMessage(
                self.tr("Choose a period and at least one client to see the packet here.")
            )
        else:
            self.previewer.request(self.source, options)
        self._update_summary()

    def waitForPreview(self, msecs: int = 120000) -> bool:
        """Block until the worker is idle, then deliver what it sent (tests, scripts)."""
        self._reader.finish()
        if self._rangeTimer.isActive():
            self._rangeTimer.stop()
            self._range_changed()
        done = self.previewer.wait(msecs)
        QGuiApplication.sendPostedEvents()
        QGuiApplication.processEvents()
        self.previewer.flush()
        return done

    def _packet_shown(self) -> None:
        packet = self.previewer.packet
        self._show_key(tuple(packet.key) if packet is not None else ())

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

    def previewText(self) -> str:
        return self.preview.toPlainText()

    def _update_summary(self) -> None:
        options = self.options()
        if options is None:
            self.exportPage.showNothing()
            return
        chosen = set(self.chosenClientIds())
        sessions = sum(len(v) for cid, v in self._in_range.items() if cid in chosen)
        self.exportPage.showSummary(
            clients=len(options.clients),
            sessions=sessions,
            reflections=len(options.session_ids or ()),
            questions=len(options.questions),
            busy=self.previewer.isBusy(),
        )

    # -- export ------------------------------------------------------------------------

    def chooseExportPath(self) -> str:
        """Ask where to write, through ``file_dialogs``: the path never reaches the desktop's
        recently-used list nor Qt's dialog history. Replacing a file is asked once, by
        ``background.run``. The name offered carries the period."""
        start, end = self._range()
        suggested = str(Path.home() / default_file_name(start, end))
        path, _ = file_dialogs.get_save_file_name(
            self, self.tr("Export supervision packet"), suggested, self.tr("PDF files (*.pdf)")
        )
        return path

    def _export_failed(self, message: str) -> None:
        self.exportResult.setText("⚠ " + self.tr("Not exported: {error}").format(error=message))

    def exportPdf(self, path: str | None = None) -> Path | None:
        """Write the packet and record it (with the questions) in the vault: one use case,
        ``app.packets.export_packet``. The file is private from its creation and an
        existing one is replaced only after the user said Yes.

        It runs in a background job with the vault lent to it (reading the chosen
        sessions, laying out every page and chart: seconds for a large caseload) while
        the window keeps painting; after a moment a progress dialog counts the sections
        and Cancel stops it, leaving no file, record or audit row. A lock cancels it
        too. (On the UI thread, between progress steps, it froze the window for half a
        second at 170 clients.)"""
        options = self.options()
        if options is None:
            return None
        chosen = path if isinstance(path, str) and path else self.chooseExportPath()
        if not chosen:
            return None
        out = Path(chosen).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")

        def stopped() -> None:
            self.exportResult.setText(self.tr("Export stopped; nothing was written."))

        outcome = background.run(
            self,
            app_packets.export_packet,
            self.vault,
            options,
            out,
            vault=self.vault,
            title=self.tr("Export supervision packet"),
            label=self.tr("Writing the packet…"),
            show_error=self._export_failed,
            on_cancel=stopped,
        )
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
                pages=self.tr("%n page(s)", "", written.pages),
                path=written.path,
            )
        )
        self.exported.emit(written.path)
        return written.path

    # -- lifetime ----------------------------------------------------------------------

    def clear(self) -> None:
        """Forget everything read from the vault (on lock and on close)."""
        self._previewTimer.stop()
        self._rangeTimer.stop()
        self._reader.cancel()
        if self._preselect_job is not None:
            self._preselect_job.stop.set()
            self._preselect_job = None
        self._preselect_hold.off()
        self._generation += 1
        self.previewer.clear()
        self.previewer.wait()  # the worker holds the snapshot until it stops
        self._show_key(())
        self.clientModel.clear()
        self.sessionModel.clear()
        self.pastPackets.clear()
        self.questionsEdit.clear()
        self.source = None
        self._in_range = {}
        self._by_client = {}
        self._blocks = {}
        self._days = {}
        self._records = []
        if self._frozen or self._reader.froze:
            self._frozen = self._reader.froze = False
            gc.unfreeze()  # the snapshot may go now

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()
        super().closeEvent(event)
