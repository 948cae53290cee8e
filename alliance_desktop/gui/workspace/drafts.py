"""Drafts: the editor's unsaved words, kept in the vault a moment after each change,
and the client page's "You have an unsaved draft of …" bar that resumes one.

A draft lives in a slot: ``new:<client>`` for a session not saved yet, ``session:<id>``
for an edit of a saved one. Locking and quitting hand ``payload()`` to
``app.access.lock`` instead of writing here.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.vault import VaultError, VaultInUseError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow

DRAFT_DELAY_MS = 2000  # well inside the promise of at most 5 s of typing lost


def draft_slot(client_id: int | None, session_id: int | None) -> str:
    return f"session:{session_id}" if session_id else f"new:{client_id}"


class DraftsBar(QObject):
    """The autosave timer, the draft age in the status bar and the drafts bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("drafts")
        self.w = window
        #: The slot the editor's words are kept in (None: no editor open).
        self.slot: str | None = None
        self._saved_at: float | None = None
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.saveNow)
        self._ageTimer = QTimer(self, interval=1000)
        self._ageTimer.timeout.connect(self._refresh_age)
        ui = window.ui
        ui.resumeDraftButton.clicked.connect(self._resume)
        ui.discardDraftButton.clicked.connect(self._discard)
        ui.draftBar.hide()
        window.editor.changed.connect(self.timer.start)

    def stop(self) -> None:
        """The editor is left: no more autosaves for its slot."""
        self.timer.stop()
        self.slot = None

    def saved(self) -> None:
        """The session was saved: its drafts went with it."""
        self.stop()
        self._saved_at = None
        self.w.status.draftState.clear()

    def clear(self) -> None:
        self.stop()
        self._saved_at = None
        self.w.ui.draftLabel.clear()
        self.w.ui.draftBar.hide()

    # -- keeping the editor's words -------------------------------------------------

    def payload(self) -> tuple[str, dict] | None:
        """The editor's unsaved state as (slot, payload), read into memory only; None when
        there is nothing to keep. The controller takes it before a lock clears the editor."""
        editor = self.w.editor
        if not editor.isDirty() or editor.currentClientId() is None:
            return None
        return draft_slot(editor.currentClientId(), editor.currentSessionId()), editor.toDraft()

    def saveNow(self) -> bool:
        """Write the editor's state into the vault (the autosave timer, leaving the editor)."""
        self.timer.stop()
        vault = self.w.vault
        draft = self.payload() if vault is not None else None
        if vault is None or draft is None:
            return False
        slot, payload = draft
        self.slot = slot
        try:
            app_sessions.save_draft(vault, slot, payload)
        except VaultInUseError:
            self.timer.start()  # an export or backup has the vault: try again later
            return False
        except VaultError as exc:
            self.w.flash(self.tr("The draft could not be saved: {error}").format(error=exc))
            return False
        self._saved_at = time.monotonic()
        self._refresh_age()
        self._ageTimer.start()
        return True

    def _refresh_age(self) -> None:
        if self._saved_at is None:
            self._ageTimer.stop()
            return
        seconds = int(time.monotonic() - self._saved_at)
        if seconds < 60:
            text = self.tr("Draft saved · {n} s ago").format(n=seconds)
        else:
            text = self.tr("Draft saved · {n} min ago").format(n=seconds // 60)
        self.w.status.draftState.setText(text)

    # -- the drafts bar ---------------------------------------------------------------

    def _client_drafts(self) -> list[tuple[str, dict]]:
        vault, client_id = self.w.vault, self.w.currentClientId()
        if vault is None or client_id is None:
            return []
        return [(slot, d) for slot, d in vault.drafts().items() if d.get("client_id") == client_id]

    def updateBar(self) -> None:
        ui = self.w.ui
        drafts = self._client_drafts()
        if not drafts:
            ui.draftBar.hide()
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
        ui.draftLabel.setText(text)
        ui.draftBar.setProperty("slot", slot)
        ui.draftBar.show()

    def _resume(self) -> None:
        w = self.w
        slot = w.ui.draftBar.property("slot")
        if w.vault is None or not slot:
            return
        draft = w.vault.drafts().get(slot)
        client = w.currentClient()
        if draft is None or client is None:
            self.updateBar()
            return
        session = (
            w.vault.session(int(slot.split(":", 1)[1])) if slot.startswith("session:") else None
        )
        w.sessionFlow.openEditor(client, session, draft)

    def _discard(self) -> None:
        w = self.w
        slot = w.ui.draftBar.property("slot")
        if (
            w.vault is not None
            and slot
            and operations.run(w, app_sessions.discard_draft, w.vault, slot) is None
        ):
            return
        self.updateBar()
        w.flash(self.tr("Draft discarded."))

    def offer(self) -> None:
        """After unlock: a draft kept from last time shows its client and says so."""
        w = self.w
        if w.vault is None:
            return
        drafts = w.vault.drafts()
        if not drafts:
            return
        latest = list(drafts.values())[-1]
        client_id = latest.get("client_id")
        if isinstance(client_id, int) and w.vault.client(client_id) is not None:
            w.selectClient(client_id)
        w.flash(
            self.tr("An unsaved draft was kept from last time; resume it from the client page."),
            10000,
        )


__all__ = ["DRAFT_DELAY_MS", "DraftsBar", "draft_slot"]
