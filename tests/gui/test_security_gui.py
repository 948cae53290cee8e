"""Privacy screen, the crash dialog's data-free summary, and the vault activity view."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.gui.common.audit_dialog import AuditDialog
from alliance_desktop.gui.common.crash_dialog import (
    CrashDialog,
    install_excepthook,
    technical_summary,
)
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault

PASS = "security gui passphrase"


@pytest.fixture
def unlocked(tmp_path: Path, qtbot):
    with Vault.create(tmp_path / "v.alliance", PASS) as made:
        made.save_client(Client("Secretcode 7", goals="Private goal words"))
    vault = access.unlock(tmp_path / "v.alliance", PASS, interactive=True)  # as the app does
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, tmp_path / "v.alliance", prefs, theme)
    ctl.start(vault)
    yield ctl
    ctl.dispose()
    theme.deleteLater()


def _visible_texts(root) -> str:
    texts = []
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if w.isVisible():
            texts.append(w.text())
    for w in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        if w.isVisible():
            texts.append(w.text() if isinstance(w, QLineEdit) else w.toPlainText())
    view = root.ui.clientList
    if view.isVisible():
        texts += [str(view.model().index(r, 0).data()) for r in range(view.model().rowCount())]
    return " ".join(texts)


def test_privacy_screen_hides_everything_and_comes_back(unlocked: AppController, qtbot):
    window = unlocked.window
    window.resize(1000, 700)
    assert "Secretcode 7" in _visible_texts(window)
    window.actionPrivacy.trigger()
    assert window.ui.rootStack.currentWidget() is window.curtain
    shown = _visible_texts(window)
    assert "Secretcode" not in shown and "Private goal" not in shown
    assert "Hidden for privacy" in shown
    assert unlocked.vault is not None  # still unlocked: nothing to retype
    window.curtain.showButton.click()
    assert window.ui.rootStack.currentWidget() is window.ui.workspacePage
    assert "Secretcode 7" in _visible_texts(window)


def test_crash_summary_carries_no_data():
    try:
        raise ValueError("client Secretcode 7 wrote: my private words")
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
    summary = technical_summary(exc_type, tb)
    assert "builtins.ValueError" in summary
    assert "test_security_gui.py" in summary and " in test_crash_summary_carries_no_data" in summary
    assert "Secretcode" not in summary and "private words" not in summary
    assert str(Path.home()) not in summary


def test_uncaught_exception_shows_the_plain_dialog(qtbot):
    shown: list[str] = []
    previous = sys.excepthook
    hook = install_excepthook(shown.append)
    try:
        try:
            raise RuntimeError("Secretcode 7")
        except RuntimeError:
            hook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert len(shown) == 1 and "RuntimeError" in shown[0] and "Secretcode" not in shown[0]
    dialog = CrashDialog(shown[0])
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPlainTextEdit, "crashSummary").toPlainText() == shown[0]
    dialog.findChild(QAbstractButton, "copySummaryButton").click()
    assert QApplication.clipboard().text() == shown[0]


def test_vault_activity_lists_events_without_content(unlocked: AppController, qtbot):
    unlocked.vault.audit("export", "csv")
    dialog = AuditDialog(unlocked.vault.audit_log(), unlocked.window)
    qtbot.addWidget(dialog)
    rows = [
        [dialog.model.item(r, c).text() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    whats = [r[1] for r in rows]
    assert whats[0] == "Exported (plain text)"  # newest first
    assert "Unlocked" in whats
    assert not any("Secretcode" in cell for row in rows for cell in row)
