"""Sessions in the workspace: open one to write or to read, save it, delete and undo.

The session editor itself lives in ``gui/editor``; this module decides what it shows
(a new session, a saved one, a draft, or a saved one for reading with a search word
marked), where Esc and View › Back return to, and runs the session use cases through
``gui.operations.run``. It also offers the editor the client's earlier open ruptures
("Open rupture from DATE · Mark repaired").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from alliance_desktop.app import ruptures as app_ruptures
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.domain import Client, Session, ValidationError
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.editor.rupture_editor import PriorRupture
from alliance_desktop.gui.editor.session_editor import SessionEditor
from alliance_desktop.gui.safety.dialogs import first_words
from alliance_desktop.gui.workspace.drafts import draft_slot

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow, Place

UNDO_WINDOW_MS = 15000


class SessionFlow(QObject):
    """The editor page's session and the Delete/Undo of the timeline."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("sessionFlow")
        self.w = window
        self.editor = SessionEditor(window)
        window.ui.editorLayout.addWidget(self.editor, 1)
        self.editor.saveRequested.connect(self.saveSession)
        self.editor.cancelRequested.connect(self.closeEditor)
        self.editor.repairRequested.connect(self._repair_from_editor)
        self.editor.reopenRequested.connect(self._reopen_from_editor)
        self.editor.editingStarted.connect(self._editing_started)
        self.editor.ui.dateEdit.dateChanged.connect(self._editor_date_changed)
        self.editorRepaired: list[int] = []  # marked repaired from this editor, for Undo
        #: Where Esc and View › Back return to from the editor.
        self.origin: Place | None = None
        self.deleted: Session | None = None
        self.lateUndo = False  # a session was deleted and its Undo time ran out
        self.undoTimer = QTimer(self, singleShot=True, interval=UNDO_WINDOW_MS)
        self.undoTimer.timeout.connect(self.expireUndo)

    def clear(self) -> None:
        self.undoTimer.stop()
        self.deleted = None
        self.editorRepaired = []
        self.origin = None
        self.editor.clear()

    # -- opening ----------------------------------------------------------------

    def refreshContext(self) -> None:
        vault = self.w.vault
        if vault is not None:
            self.editor.setContext(
                vault.strategy_catalogue(),
                vault.client_rating_scale(),
                vault.tags(),
                vault.outcome_scale(),
            )

    def newSession(self) -> None:
        w = self.w
        client = w.currentClient()
        if client is None:
            w.flash(self.tr("Choose or add a client first."))
            return
        draft = w.vault.drafts().get(draft_slot(client.id, None)) if w.vault else None
        self.openEditor(client, None, draft)

    def _find(self, session_id: int) -> tuple[Client, Session] | None:
        vault = self.w.vault
        if vault is None:
            return None
        session = vault.session(session_id)
        if session is None or session.client_id is None:
            return None
        client = vault.client(session.client_id)
        return None if client is None else (client, session)

    def openSession(self, session_id: int) -> None:
        found = self._find(session_id)
        if found is None:
            return
        client, session = found
        w = self.w
        opened_from = w.here()  # before selectClient shows the client page
        if w.currentClientId() != client.id:
            w.selectClient(client.id)
        draft = w.vault.drafts().get(draft_slot(client.id, session_id)) if w.vault else None
        self.openEditor(client, session, draft, opened_from=opened_from)

    def readSession(self, session_id: int, highlight: str = "") -> None:
        """Show a saved session for reading, ``highlight``'s words marked; E (or Edit)
        edits it. A session with a kept draft opens on the draft, for editing: the
        newest words are never hidden behind the saved ones."""
        found = self._find(session_id)
        if found is None:
            return
        client, session = found
        w = self.w
        opened_from = w.here()
        if w.currentClientId() != client.id:
            w.selectClient(client.id)
        draft = w.vault.drafts().get(draft_slot(client.id, session_id)) if w.vault else None
        if draft:
            self.openEditor(client, session, draft, opened_from=opened_from)
            return
        self._prepare(client, session)
        self.editor.showForReading(session, highlight, client=client)
        self._show_page(client, session, opened_from, reading=True)

    def _last_session_before(self, client: Client, session: Session | None) -> Session | None:
        vault = self.w.vault
        if vault is None or client.id is None:
            return None
        earlier = [
            s
            for s in vault.sessions(client.id)
            if session is None
            or (s.id != session.id and (s.date, s.id or 0) < (session.date, session.id or 0))
        ]
        return max(earlier, key=lambda s: (s.date, s.id or 0), default=None)

    def _prepare(self, client: Client, session: Session | None) -> None:
        """What every way into the editor does before it loads a session."""
        w = self.w
        if self.editor.isDirty():
            w.saveDraftNow()
        self.refreshContext()
        plan = (
            [item.strategy for item in w.vault.plan(client.id)]
            if w.vault is not None and client.id is not None
            else []
        )
        self.editor.setLastSession(self._last_session_before(client, session), plan)

    def _show_page(
        self, client: Client, session: Session | None, opened_from: Place | None, *, reading=False
    ) -> None:
        w = self.w
        w.drafts.slot = draft_slot(client.id, session.id if session else None)
        self.editorRepaired = []
        self.refreshPriorRuptures()
        if session is None:
            title = self.tr("New session")
        elif reading:
            title = self.tr("Session of {date}, reading (E edits)").format(
                date=short_date(session.date)
            )
        else:
            title = self.tr("Session of {date}").format(date=short_date(session.date))
        w.ui.editorTitle.setText(f"{client.code} · {title}")
        if not w.isShowingEditor():
            # Where Esc and View › Back return to: an alert's dashboard, search, Insights…
            self.origin = opened_from or w.here()
        w.showPage(w.ui.editorPage)

    def openEditor(
        self,
        client: Client,
        session: Session | None,
        draft: dict | None,
        *,
        quiet: bool = False,
        opened_from: Place | None = None,
    ) -> None:
        self._prepare(client, session)
        if draft:
            self.editor.loadDraft(client, draft)
        else:
            self.editor.load(client, session)
        self._show_page(client, session, opened_from)
        first = self.editor.findChild(QWidget, "trustInput")
        (first or self.editor).setFocus()
        if draft and not quiet:
            self.w.flash(self.tr("Draft restored."))

    def _editing_started(self, session_id: object) -> None:
        client = self.w.currentClient()
        if client is None or not isinstance(session_id, int):
            return
        session = self.w.vault.session(session_id) if self.w.vault else None
        if session is not None:
            title = self.tr("Session of {date}").format(date=short_date(session.date))
            self.w.ui.editorTitle.setText(f"{client.code} · {title}")

    # -- saving, leaving --------------------------------------------------------

    def _session_invalid(self, exc: ValidationError) -> None:
        self.editor.showProblems(exc)
        self.w.flash(self.tr("Not saved yet: please check the marked fields."))

    def saveSession(self) -> None:
        """Save the session, drop its drafts and tick off the plan items it used, at once.

        One use case does all three in one transaction: if it fails, the draft and the
        plan stay as they were and the editor keeps every word.
        """
        w = self.w
        if w.vault is None or self.editor.isReading():
            return
        try:
            session = self.editor.buildSession()
        except ValidationError as exc:
            self._session_invalid(exc)
            return
        was_new = session.id is None
        # A new session's draft slot is per client; an edited one has its own.
        slots = [draft_slot(session.client_id, session.id)]
        if w.drafts.slot and w.drafts.slot not in slots:
            slots.append(w.drafts.slot)
        outcome = operations.run(
            w,
            app_sessions.save_session,
            w.vault,
            session,
            draft_slots=slots,
            plan_used=session.strategies if was_new else (),
            on_invalid=self._session_invalid,
        )
        if outcome is None:
            return
        saved = outcome.value
        w.drafts.saved()
        self.editor.markSaved()
        self.editor.clear()
        w.sessionSaved.emit(saved, was_new)
        if saved.client_id is not None and saved.client_id != w.currentClientId():
            w.selectClient(saved.client_id)
        self.origin = None
        w.showPage(w.ui.clientPage)
        # The timeline, with the saved session selected (and a practice client's card).
        w.ui.clientTabs.setCurrentWidget(w.ui.timelineTab)
        w.timeline.selectSession(saved.id, focus=True)
        w.flash(self.tr("Session saved."))

    def dropEditor(self) -> None:
        """Forget the editor's session (its client was deleted)."""
        self.w.drafts.stop()
        self.editor.clear()

    def closeEditor(self) -> None:
        """Leave the editor; unsaved words stay as a draft rather than being asked about."""
        w = self.w
        if self.editor.isDirty():
            w.saveDraftNow()
            w.flash(self.tr("Draft kept. Resume it from the client page."))
        w.drafts.stop()
        self.editor.clear()
        w.clients.showClient(w.currentClientId())
        origin, self.origin = self.origin, None
        if not w.goTo(origin):
            w.showPage(w.ui.clientPage if w.currentClientId() else w.ui.emptyPage)

    # -- delete and undo ----------------------------------------------------------

    def deleteSession(self) -> None:
        w = self.w
        session = w.timeline.selectedSession()
        if w.vault is None or session is None:
            return
        answer = QMessageBox.question(
            w,
            self.tr("Delete session"),
            self.deleteQuestion(session),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = operations.run(w, app_sessions.delete_session, w.vault, session.id)
        if outcome is None:
            return
        self.deleted = outcome.value
        if self.deleted is None:
            return  # already gone (another window); the reload shows it
        self.lateUndo = False
        w.status.undoButton.show()
        self.undoTimer.start()
        w.flash(self.tr("Session deleted."), UNDO_WINDOW_MS)

    def deleteQuestion(self, session: Session) -> str:
        """The session named by its date and its first words."""
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
        w = self.w
        if w.vault is not None and self.deleted is None and self.lateUndo:
            # A late Ctrl+Z says where the session went.
            w.flash(self.tr("It is in Recently deleted (File › Recently deleted…), for 30 days."))
            return
        if w.vault is None or self.deleted is None:
            return
        session = self.deleted
        if operations.run(w, app_sessions.restore_session, w.vault, session) is None:
            return
        self.expireUndo()
        self.lateUndo = False
        if session.client_id is not None and session.client_id != w.currentClientId():
            w.selectClient(session.client_id)
        w.timeline.selectSession(session.id)
        w.flash(self.tr("Session restored."))

    def expireUndo(self) -> None:
        self.lateUndo = self.deleted is not None
        self.deleted = None
        self.w.status.undoButton.hide()
        self.undoTimer.stop()

    # -- earlier open ruptures, offered in a later session's editor ---------------

    def refreshPriorRuptures(self) -> None:
        """Offer the editor the client's open ruptures from sessions before this one."""
        vault = self.w.vault
        client_id = self.editor.currentClientId()
        if vault is None or client_id is None:
            self.editor.setPriorRuptures([])
            return
        this = self.editor.currentSessionId()
        day = self.editor.ui.dateEdit.date().toPython()
        items: list[PriorRupture] = []
        for found in vault.open_ruptures(client_id):
            if found.session_id != this and found.session_date <= day:
                items.append(PriorRupture(found.rupture, found.session_date))
        shown = {item.rupture.id for item in items}
        for rid in self.editorRepaired:
            got = vault.rupture(rid)
            if got is not None and rid not in shown and got[1].resolved_on is not None:
                items.append(PriorRupture(got[1], got[0].date))
        items.sort(key=lambda item: (item.session_date, item.rupture.id or 0))
        self.editor.setPriorRuptures(items)

    def _editor_date_changed(self, *_args: object) -> None:
        if self.editor.currentClientId() is not None and self.w.vault is not None:
            self.refreshPriorRuptures()

    def _repair_from_editor(self, rupture_id: int) -> None:
        w = self.w
        if w.vault is None:
            return
        day = self.editor.repairDate()
        outcome = operations.run(
            w,
            app_ruptures.repair_rupture,
            w.vault,
            rupture_id,
            day,
            show_error=self.editor.showRuptureMessage,
        )
        if outcome is None:
            return
        if rupture_id not in self.editorRepaired:
            self.editorRepaired.append(rupture_id)
        self.refreshPriorRuptures()
        w.flash(self.tr("Rupture marked repaired on {date}.").format(date=short_date(day)))

    def _reopen_from_editor(self, rupture_id: int) -> None:
        w = self.w
        if w.vault is None:
            return
        outcome = operations.run(
            w,
            app_ruptures.reopen_rupture,
            w.vault,
            rupture_id,
            show_error=self.editor.showRuptureMessage,
        )
        if outcome is None:
            return
        if rupture_id in self.editorRepaired:
            self.editorRepaired.remove(rupture_id)
        self.refreshPriorRuptures()
        w.flash(self.tr("The rupture is open again."))


__all__ = ["UNDO_WINDOW_MS", "SessionFlow"]
