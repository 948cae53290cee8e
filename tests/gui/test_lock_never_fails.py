"""Locking never fails: another writer holding SQLite's lock, a passphrase changed under
the open app, a draft that cannot be written. In each case Ctrl+L empties the window,
the draft survives into the next unlock, and Quit still quits. The clipboard forgets
what the app copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault

PASS = "lock never fails passphrase"
NEW_PASS = "a different passphrase entirely"
CODE = "Quokka 31"
CANARY = "marmalade-canary"


@pytest.fixture
def controller(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as v:
        v.save_client(Client(CODE, goals=f"{CANARY} goals"))
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    prefs.set({"backup_folder": str(tmp_path / "backups")})
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    ctl.start(access.unlock(path, PASS))
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible())
    yield ctl
    ctl.dispose()
    theme.deleteLater()


def _type_reflection(ctl: AppController, qtbot, text: str) -> QPlainTextEdit:
    window = ctl.window
    client = ctl.vault.client_by_code(CODE)
    window.selectClient(client.id)
    window.actionNewSession.trigger()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    reflection.setFocus()
    qtbot.keyClicks(reflection, text)
    assert window.editor.isDirty()
    return reflection


def _texts() -> list[str]:
    texts: list[str] = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.accessibleName()]
        if isinstance(w, QLineEdit):
            texts.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _model_texts(w.model())
    for model in QApplication.instance().findChildren(QAbstractItemModel):
        texts += _model_texts(model)
    return texts


def _model_texts(model: QAbstractItemModel) -> list[str]:
    out = []
    for row in range(model.rowCount()):
        for col in range(max(1, model.columnCount())):
            value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                out.append(str(value))
    return out


def _assert_locked_and_empty(ctl: AppController) -> None:
    assert ctl.vault is None
    window = ctl.window
    assert window.ui.rootStack.currentWidget() is window.ui.lockedPage
    assert ctl.unlock_window is not None and ctl.unlock_window.isVisible()
    leaked = [t for t in _texts() if CANARY in t or CODE in t]
    assert leaked == []


def _unlock(ctl: AppController, qtbot, passphrase: str) -> None:
    unlock = ctl.unlock_window
    unlock.findChild(QLineEdit, "passphraseEdit").setText(passphrase)
    unlock.ui.unlockButton.click()
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=10000)


def _ctrl_l(ctl: AppController, qtbot) -> None:
    qtbot.keyClick(ctl.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctl.vault is None)


def _draft_comes_back(ctl: AppController, qtbot) -> None:
    """The kept draft is in the vault again and reopens in the editor."""
    assert ctl.pending_drafts == {}
    drafts = ctl.vault.drafts()
    assert any(CANARY in str(d) for d in drafts.values())
    window = ctl.window
    window.selectClient(ctl.vault.client_by_code(CODE).id)
    window.actionNewSession.trigger()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    assert CANARY in reflection.toPlainText()


def _quit_still_quits(ctl: AppController) -> None:
    ctl.quit()
    assert ctl.window is None and ctl.vault is None and ctl.unlock_window is None


def test_lock_while_another_connection_holds_the_write_lock(controller, qtbot, tmp_path):
    ctl = controller
    _type_reflection(ctl, qtbot, f"she laughed about the {CANARY}")
    ctl.vault.conn.execute("PRAGMA busy_timeout = 100")  # fail fast, not after 5 s
    other = Vault.open(ctl.vault_path, PASS)
    other.conn.execute("BEGIN IMMEDIATE")  # SQLite's write lock, held by someone else
    try:
        _ctrl_l(ctl, qtbot)
        _assert_locked_and_empty(ctl)
        # Neither the draft nor the backup could be written: said after the lock, and
        # the draft is kept in memory.
        assert ctl.lock_problems
        assert ctl.window.statusBar().currentMessage()
        assert CANARY not in ctl.window.statusBar().currentMessage()
        assert len(ctl.pending_drafts) == 1
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    _unlock(ctl, qtbot, PASS)
    _draft_comes_back(ctl, qtbot)
    _ctrl_l(ctl, qtbot)
    _assert_locked_and_empty(ctl)
    _quit_still_quits(ctl)


def test_lock_after_the_passphrase_was_changed_under_the_open_app(controller, qtbot):
    ctl = controller
    _type_reflection(ctl, qtbot, f"a long pause, then {CANARY}")
    with Vault.open(ctl.vault_path, PASS) as other:  # e.g. `alliance-cli passwd`
        other.change_passphrase(NEW_PASS)
    _ctrl_l(ctl, qtbot)
    _assert_locked_and_empty(ctl)
    assert len(ctl.pending_drafts) == 1
    _unlock(ctl, qtbot, NEW_PASS)
    _draft_comes_back(ctl, qtbot)
    _quit_still_quits(ctl)


def test_quit_quits_while_another_connection_holds_the_write_lock(controller, qtbot):
    ctl = controller
    _type_reflection(ctl, qtbot, CANARY)
    ctl.vault.conn.execute("PRAGMA busy_timeout = 100")
    other = Vault.open(ctl.vault_path, PASS)
    other.conn.execute("BEGIN IMMEDIATE")
    try:
        _quit_still_quits(ctl)
    finally:
        other.conn.execute("ROLLBACK")
        other.close()
    # The writer lock beside the vault was released with the connection.
    access.unlock(ctl.vault_path, PASS).close()


def test_lock_releases_the_vault_for_the_next_writer(controller, qtbot):
    ctl = controller
    _ctrl_l(ctl, qtbot)
    access.unlock(ctl.vault_path, PASS).close()  # would raise VaultBusyError


# -- clipboard -------------------------------------------------------------------------


def test_text_copied_from_the_editor_is_gone_after_lock(controller, qtbot):
    ctl = controller
    ctl.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctl.window)
    reflection = _type_reflection(ctl, qtbot, f"copied {CANARY} words")
    reflection.selectAll()
    reflection.copy()
    clipboard = QGuiApplication.clipboard()
    assert CANARY in clipboard.text()
    _ctrl_l(ctl, qtbot)
    assert clipboard.text() == ""


def test_text_copied_elsewhere_is_left_alone(controller, qtbot):
    ctl = controller
    ctl.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctl.window)
    reflection = _type_reflection(ctl, qtbot, f"copied {CANARY} words")
    reflection.selectAll()
    reflection.copy()
    # Then the person copies something in another program (standing in: a window that
    # is not the app's) before the lock.
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("a shopping list")
    ctl.lock()
    assert clipboard.text() == "a shopping list"
    clipboard.clear()


def test_quit_clears_what_the_app_copied(controller, qtbot):
    ctl = controller
    ctl.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ctl.window)
    reflection = _type_reflection(ctl, qtbot, f"copied {CANARY} words")
    reflection.selectAll()
    reflection.copy()
    clipboard = QGuiApplication.clipboard()
    assert CANARY in clipboard.text()
    ctl.quit()
    assert clipboard.text() == ""
