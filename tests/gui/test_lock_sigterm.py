"""SIGTERM quits the real app even when the vault cannot be written any more: the
passphrase changed under it (``alliance-cli passwd``) or another connection holds
SQLite's write lock. The process ends cleanly and lets go of the vault."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault

pytestmark = pytest.mark.slow

PASS = "sigterm passphrase for tests"
NEW_PASS = "changed while the app was open"

APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from alliance_desktop.app import access
from alliance_desktop.gui import app as gui_app
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager

path = Path(sys.argv[1])
app = QApplication([])
prefs = Preferences(QSettings(str(path.parent / "p.ini"), QSettings.Format.IniFormat))
ctl = AppController(app, path, prefs, ThemeManager(app, "light"))
gui_app._quit_on_signals(ctl)
ctl.start(access.unlock(path, sys.argv[2]))
window = ctl.window
window.selectClient(ctl.vault.clients()[0].id)
window.actionNewSession.trigger()
window.editor.findChild(QPlainTextEdit, "reflectionEdit").setPlainText("unsaved words")
window.editor.findChild(QPlainTextEdit, "reflectionEdit").document().setModified(True)
ctl.vault.conn.execute("PRAGMA busy_timeout = 100")
QTimer.singleShot(0, lambda: print("ready", flush=True))
sys.exit(app.exec())
"""


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as v:
        v.save_client(Client("Kiwi 12"))
    return path


def _start(tmp_path: Path, vault_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", APP, str(vault_path), PASS],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.communicate(timeout=30)[1][-2000:]
    return proc


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    return err


def test_sigterm_quits_after_the_passphrase_changed_under_the_app(tmp_path, vault_path):
    proc = _start(tmp_path, vault_path)
    try:
        with Vault.open(vault_path, PASS) as other:
            other.change_passphrase(NEW_PASS)
    except BaseException:
        proc.kill()
        raise
    _stop(proc)
    access.unlock(vault_path, NEW_PASS).close()  # the writer lock was released


def test_sigterm_quits_while_another_connection_holds_the_write_lock(tmp_path, vault_path):
    proc = _start(tmp_path, vault_path)
    other = Vault.open(vault_path, PASS)
    try:
        other.conn.execute("BEGIN IMMEDIATE")
        _stop(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
        other.conn.execute("ROLLBACK")
        other.close()
    access.unlock(vault_path, PASS).close()
