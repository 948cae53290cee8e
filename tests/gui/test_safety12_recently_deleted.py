"""Issue 12: deleted sessions and clients go to File › Recently deleted for 30 days and
come back from there; Undo right after a delete still works, and a late Ctrl+Z says
where the session went. Closing a client asks, naming them; the delete confirmation
names the session by its date and first words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alliance_desktop.app import access, trash
from alliance_desktop.domain import ClientStatus
from tests.gui.safety12_helpers import (
    CODE,
    PASS,
    answer_box,
    make_controller,
    make_vault,
    when_modal,
)


@pytest.fixture
def parts(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    make_vault(path)
    ctl, theme = make_controller(tmp_path, path)
    ctl.start(access.unlock(path, PASS))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    window.selectClient(ctl.vault.client_by_code(CODE).id)
    yield ctl, window
    ctl.dispose()
    theme.deleteLater()


def _focus(window, widget, qtbot) -> None:
    """As a user's click would: the window active again after a message box, then the widget."""
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _delete_first_session(window, qtbot, texts: list[str]) -> None:
    view = window.ui.timelineView
    _focus(window, view, qtbot)
    view.selectRow(0)
    answer_box(QMessageBox.StandardButton.Yes, texts)
    qtbot.keyClick(view, Qt.Key.Key_Delete)


def test_delete_names_the_session_undo_works_and_a_late_undo_says_where(parts, qtbot):
    ctl, window = parts
    before = len(ctl.vault.sessions())
    texts: list[str] = []
    _delete_first_session(window, qtbot, texts)
    assert len(ctl.vault.sessions()) == before - 1
    assert "he arrived late" in texts[0] and "Recently deleted" in texts[0]
    assert len(trash.list_deleted(ctl.vault)) == 1

    # Undo at once: back, and no longer in Recently deleted.
    window.actionUndoDelete.trigger()
    assert len(ctl.vault.sessions()) == before
    assert trash.list_deleted(ctl.vault) == []

    # Delete again and let the Undo time run out: Ctrl+Z says where it went.
    _delete_first_session(window, qtbot, [])
    assert len(ctl.vault.sessions()) == before - 1
    window._undoTimer.timeout.emit()
    view = window.ui.timelineView
    _focus(window, view, qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "It is in Recently deleted" in window.statusBar().currentMessage()
    assert len(ctl.vault.sessions()) == before - 1


def test_recently_deleted_restores_a_session_and_a_client_and_empties(parts, qtbot):
    ctl, window = parts
    before = len(ctl.vault.sessions())
    _delete_first_session(window, qtbot, [])
    window._undoTimer.timeout.emit()
    seen: dict[str, object] = {}

    def restore_first(dialog):
        assert dialog.objectName() == "recentlyDeletedDialog"
        tree = dialog.itemList
        seen["rows"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        # Keyboard: the list has the focus and Enter restores the current entry.
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        seen["message"] = dialog.messageLabel.text()
        seen["left"] = tree.topLevelItemCount()
        dialog.closeButton.click()

    when_modal(restore_first)
    window.safety.actionRecentlyDeleted.trigger()
    assert "Session of" in str(seen["rows"]) and "he arrived late" in str(seen["rows"])
    assert CODE in str(seen["message"]) and seen["left"] == 0
    assert len(ctl.vault.sessions()) == before

    # A whole client, then "Empty now" (asks first; Cancel keeps everything).
    wren = ctl.vault.client_by_code(CODE)
    from alliance_desktop.app import clients as app_clients
    from alliance_desktop.gui import operations

    operations.run(window, app_clients.delete_client, ctl.vault, wren.id)
    assert ctl.vault.client_by_code(CODE) is None

    def empty_then_restore(dialog):
        tree = dialog.itemList
        seen["client_row"] = tree.topLevelItem(0).text(0)
        texts: list[str] = []
        answer_box(QMessageBox.StandardButton.Cancel, texts)
        dialog.emptyButton.click()
        seen["asked"] = texts
        seen["after_cancel"] = tree.topLevelItemCount()
        dialog.restoreButton.click()
        dialog.closeButton.click()

    when_modal(empty_then_restore)
    window.safety.showRecentlyDeleted()
    assert CODE in str(seen["client_row"]) and "2 sessions" in str(seen["client_row"])
    assert "for good" in seen["asked"][0] and seen["after_cancel"] == 1
    back = ctl.vault.client_by_code(CODE)
    assert back is not None and len(ctl.vault.sessions(back.id)) == before

    window.selectClient(back.id)
    _delete_first_session(window, qtbot, [])

    def empty_now(dialog):
        answer_box(QMessageBox.StandardButton.Yes)
        dialog.emptyButton.click()
        seen["empty_left"] = dialog.itemList.topLevelItemCount()
        dialog.closeButton.click()

    when_modal(empty_now)
    window.safety.showRecentlyDeleted()
    assert seen["empty_left"] == 0
    assert trash.list_deleted(ctl.vault) == []


def test_close_client_asks_naming_the_client(parts, qtbot):
    ctl, window = parts
    wren = ctl.vault.client_by_code(CODE)
    texts: list[str] = []
    answer_box(QMessageBox.StandardButton.Cancel, texts)
    window.actionToggleClosed.trigger()
    assert CODE in texts[0]
    assert ctl.vault.client(wren.id).status == ClientStatus.ACTIVE
    answer_box(QMessageBox.StandardButton.Yes)
    window.actionToggleClosed.trigger()
    assert ctl.vault.client(wren.id).status == ClientStatus.CLOSED
    # Reopening does not ask.
    window.selectClient(wren.id)
    window.actionToggleClosed.trigger()
    assert ctl.vault.client(wren.id).status == ClientStatus.ACTIVE


def test_entries_older_than_30_days_go_when_the_vault_opens(parts, qtbot):
    from datetime import timedelta

    from alliance_desktop.vault import recently_deleted as table
    from alliance_desktop.vault import rows

    ctl, _window = parts
    table.add(
        ctl.vault, "session", {"code": CODE, "session": {}}, when=rows.now() - timedelta(days=31)
    )
    table.add(ctl.vault, "session", {"code": CODE, "session": {}}, when=rows.now())
    ctl.lock()
    ctl._on_unlocked(access.unlock(ctl.vault_path, PASS))
    left = table.listed(ctl.vault)
    assert len(left) == 1 and left[0].deleted_at > rows.now() - timedelta(days=1)
