"""The user's place across a lock: the client, and the open editor with its cursor.

Taken into memory only (never written) before a lock clears the window, and put
back after the next unlock, so the user is where they were, typing where they typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.workspace.drafts import draft_slot

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.shell.main_window import MainWindow


def snapshot(w: MainWindow) -> dict[str, Any] | None:
    """Where the user is: client, page, and the editor's session, fields and cursor."""
    if w.vault is None:
        return None
    page = w.currentPage()
    place: dict[str, Any] = {
        "client_id": w.currentClientId(),
        "editor": False,
        "page": page.objectName() if page is not None else "",
    }
    if w.isShowingEditor() and w.editor.currentClientId() is not None:
        place.update(
            editor=True,
            client_id=w.editor.currentClientId(),
            session_id=w.editor.currentSessionId(),
            state=w.editor.placeState(),
        )
    return place


def restore(w: MainWindow, place: dict[str, Any] | None) -> bool:
    """Back where ``snapshot`` was taken: the same client and, when an editor was open,
    the same editor with its draft, focus and cursor. True when it was."""
    vault = w.vault
    if vault is None or not place:
        return False
    client_id = place.get("client_id")
    if not isinstance(client_id, int) or vault.client(client_id) is None:
        return False
    w.selectClient(client_id)
    stack = w.ui.contentStack
    if not place.get("editor"):
        page = stack.findChild(QWidget, str(place.get("page") or ""))
        if page is not None and stack.indexOf(page) >= 0:
            w.showPage(page)
        return True
    client = vault.client(client_id)
    session_id = place.get("session_id")
    session = vault.session(session_id) if isinstance(session_id, int) else None
    if client is None or (session_id is not None and session is None):
        return False
    draft = vault.drafts().get(draft_slot(client_id, session_id))
    w.sessionFlow.openEditor(client, session, draft, quiet=True)
    w.editor.restorePlace(place.get("state") or {})
    return True


__all__ = ["restore", "snapshot"]
