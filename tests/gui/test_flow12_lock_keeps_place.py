"""Issue 12: a lock keeps the user's place. The passphrase field has the cursor on every
lock screen (at start, after Ctrl+L, after the auto-lock); after unlocking, the same
client's editor is open with the same text and cursor, and Ctrl+S saves it. A quiet
countdown shows in the last 30 s before the auto-lock and any key postpones it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit

from alliance_desktop.app import access
from alliance_desktop.domain import Client, Modality, Session
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault

PASS = "flow twelve lock passphrase"
CODE = "Wren 12"
OTHER = "Ibis 40"


def _make_vault(path: Path) -> None:
    with Vault.create(path, PASS) as v:
        wren = v.save_client(Client(CODE, goals="Sleep"))
        v.save_client(Client(OTHER))
        v.save_session(
            Session(
                wren.id,
                date(2026, 3, 2),
                trust=7,
                engagement=6,
                duration_min=50,
                modality=Modality.VIDEO,
            )
        )


@pytest.fixture
def parts(tmp_path: Path, controller_for):
    path = tmp_path / "v.alliance"
    _make_vault(path)
    return controller_for(path), path


def _passphrase_has_focus(ctl: AppController) -> bool:
    edit = ctl.unlock_window.findChild(QLineEdit, "passphraseEdit")
    return QApplication.focusWidget() is edit


def _type_passphrase_and_enter(ctl: AppController, qtbot) -> None:
    """Type where the focus is, as a user would: no click first."""
    focus = QApplication.focusWidget()
    qtbot.keyClicks(focus, PASS)
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=15000)


def test_start_lock_and_auto_lock_focus_the_passphrase_and_keep_the_place(parts, qtbot):
    ctl, _path = parts
    ctl.start()
    qtbot.waitUntil(lambda: ctl.unlock_window is not None and ctl.unlock_window.isVisible())
    qtbot.waitUntil(lambda: _passphrase_has_focus(ctl))
    _type_passphrase_and_enter(ctl, qtbot)
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    window.activateWindow()

    wren = ctl.vault.client_by_code(CODE)
    window.selectClient(wren.id)
    window.actionNewSession.trigger()
    editor = window.editor
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    reflection.setFocus()
    qtbot.keyClicks(reflection, "He arrived late and sat by the door")
    cursor = reflection.textCursor()
    cursor.setPosition(10)
    reflection.setTextCursor(cursor)

    # Ctrl+L: the passphrase field has the cursor; typing goes straight in.
    qtbot.keyClick(reflection, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctl.vault is None)
    qtbot.waitUntil(lambda: _passphrase_has_focus(ctl))
    assert window.ui.contentStack.currentWidget() is not window.ui.editorPage
    assert not editor.isEnabled()  # no editor without a client
    _type_passphrase_and_enter(ctl, qtbot)

    # Back in the same editor, same client, same text and cursor; no "hidden" draft.
    assert window.ui.contentStack.currentWidget() is window.ui.editorPage
    assert editor.currentClientId() == wren.id
    assert CODE in window.ui.editorTitle.text()
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    assert reflection.toPlainText() == "He arrived late and sat by the door"
    assert QApplication.focusWidget() is reflection
    assert reflection.textCursor().position() == 10
    assert "resume" not in window.statusBar().currentMessage().lower()

    # The auto-lock takes the same path and the place comes back again.
    qtbot.keyClicks(reflection, "X")
    ctl.idle.idle.emit()
    qtbot.waitUntil(lambda: ctl.vault is None)
    qtbot.waitUntil(lambda: _passphrase_has_focus(ctl))
    _type_passphrase_and_enter(ctl, qtbot)
    reflection = editor.findChild(QPlainTextEdit, "reflectionEdit")
    assert reflection.toPlainText() == "He arrivedX late and sat by the door"
    assert reflection.textCursor().position() == 11

    # Ratings by keyboard, then Ctrl+S saves the very text.
    for dim, digit in (("trust", "8"), ("engagement", "7")):
        widget = editor.ratings[dim]
        widget.setFocus()
        qtbot.keyClicks(widget, digit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = [
        s for s in ctl.vault.sessions(wren.id) if "arrivedX late" in str(s.reflection.sections)
    ]
    assert len(saved) == 1
    assert saved[0].trust == 8
    assert ctl.vault.drafts() == {}


def test_the_client_page_comes_back_when_no_editor_was_open(parts, qtbot):
    ctl, path = parts
    ctl.start(access.unlock(path, PASS))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    ibis = ctl.vault.client_by_code(OTHER)
    window.selectClient(ibis.id)
    window.lockRequested.emit()
    qtbot.waitUntil(lambda: ctl.vault is None)
    qtbot.waitUntil(lambda: _passphrase_has_focus(ctl))
    _type_passphrase_and_enter(ctl, qtbot)
    assert window.currentClientId() == ibis.id
    assert window.ui.contentStack.currentWidget() is window.ui.clientPage


def test_a_quiet_countdown_before_the_auto_lock_and_a_key_postpones_it(parts, qtbot):
    ctl, path = parts
    ctl.start(access.unlock(path, PASS))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    label = window.findChild(QLabel, "autoLockCountdown")
    assert label is not None
    ctl.refreshCountdown()
    assert not label.isVisible()  # minutes left: nothing shows

    real = ctl.idle.remainingMs
    ctl.idle.remainingMs = lambda: 12_400
    ctl.refreshCountdown()
    assert label.isVisible()
    assert "13 s" in label.text()
    del ctl.idle.remainingMs  # back to the real count

    wren = ctl.vault.client_by_code(CODE)
    window.selectClient(wren.id)
    window.actionNewSession.trigger()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    qtbot.keyClicks(reflection, "a")
    assert real() > 30_000
    ctl.refreshCountdown()
    assert not label.isVisible()
    assert label.text() == ""
