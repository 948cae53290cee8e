"""The unlock screen against real vault files: one writer per vault, no passphrase kept
after unlock, a damaged vault (a page zeroed inside the file) offering its newest
verified backup and never the crash dialog."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from alliance_desktop.app import access
from alliance_desktop.app.backups import auto_backup
from alliance_desktop.domain import Client
from alliance_desktop.gui.common import crash_dialog
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.unlock.window import UnlockWindow
from alliance_desktop.vault import Vault
from alliance_desktop.vault.connection import PAGE_SIZE

PASS = "shell unlock passphrase here"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as v:
        v.save_client(Client("Bryn 02"))
    return path


def _window(qtbot, path: Path, **kw) -> UnlockWindow:
    w = UnlockWindow(path, **kw)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _submit(qtbot, w: UnlockWindow, passphrase: str) -> str:
    w.ui.passphraseEdit.setText(passphrase)
    w.ui.unlockButton.click()
    qtbot.waitUntil(lambda: not w._busy, timeout=10000)
    return w.ui.unlockMessageLabel.text()


# -- one writer -----------------------------------------------------------------------


def test_a_second_window_on_the_same_vault_is_refused(qtbot, existing):
    first = _window(qtbot, existing)
    with qtbot.waitSignal(first.unlocked, timeout=10000) as opened:
        _submit(qtbot, first, PASS)
    vault = opened.args[0]
    try:
        # The app's unlock starts a working session: recorded by app.access.unlock.
        assert [event for _at, event, _d in vault.audit_log()][-1] == "unlock"
        second = _window(qtbot, existing)
        with qtbot.assertNotEmitted(second.unlocked):
            message = _submit(qtbot, second, PASS)
        since = vault.writer_lock.holder(existing).since.astimezone().strftime("%H:%M")
        assert message.endswith(f"This vault is open in another window (since {since}).")
        assert second.ui.passphraseEdit.text() == ""
        assert second.failures() == 0  # not a wrong passphrase
    finally:
        vault.close()
    # Once the first window let go, the second opens it.
    with qtbot.waitSignal(second.unlocked, timeout=10000) as opened:
        _submit(qtbot, second, PASS)
    opened.args[0].close()


HOLD = """
import sys, time
from pathlib import Path
from alliance_desktop.vault.writer_lock import WriterLock
lock = WriterLock.acquire(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


def test_a_cli_writer_in_another_process_keeps_the_window_out(qtbot, existing):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(existing)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "held"
        w = _window(qtbot, existing)
        with qtbot.assertNotEmitted(w.unlocked):
            message = _submit(qtbot, w, PASS)
        assert "This vault is open in another window (since " in message
    finally:
        child.communicate("", timeout=30)
    with qtbot.waitSignal(w.unlocked, timeout=10000) as opened:
        _submit(qtbot, w, PASS)
    opened.args[0].close()


# -- no passphrase kept ----------------------------------------------------------------


def _reachable_strings(roots: list[object], depth: int = 4) -> list[str]:
    seen: set[int] = set()
    found: list[str] = []

    def walk(obj: object, level: int) -> None:
        if id(obj) in seen or level > depth:
            return
        seen.add(id(obj))
        if isinstance(obj, str):
            found.append(obj)
            return
        if isinstance(obj, dict):
            items = list(obj.values()) + list(obj.keys())
        elif isinstance(obj, list | tuple | set | frozenset):
            items = list(obj)
        else:
            items = list(getattr(obj, "__dict__", {}).values())
        for item in items:
            walk(item, level + 1)

    for root in roots:
        walk(root, 0)
    return found


def test_no_object_keeps_the_passphrase_after_unlock(tmp_path, qtbot, existing):
    secret = PASS
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, existing, prefs, theme)
    try:
        ctl.start()
        unlock = ctl.unlock_window
        unlock.ui.passphraseEdit.setText(secret)
        unlock.ui.unlockButton.click()
        qtbot.waitUntil(lambda: ctl.vault is not None, timeout=10000)
        gc.collect()
        strings = _reachable_strings([ctl, ctl.window, ctl.vault, unlock])
        assert strings  # the walk did reach the objects' attributes
        assert not [s for s in strings if secret in s]
        for edit in ctl.window.findChildren(QLineEdit):
            assert secret not in edit.text()
    finally:
        ctl.dispose()
        theme.deleteLater()


# -- damage inside the file -------------------------------------------------------------


def _damaged_vault_with_backup(tmp_path: Path) -> Path:
    path = tmp_path / "v.alliance"
    with access.create(path, PASS) as v:
        for i in range(120):
            v.save_client(Client(f"Client {i:03d}", goals="x" * 600))
        auto_backup(v, tmp_path / "backups", 5)
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE_SIZE
    assert pages > 8
    middle = (pages // 2) * PAGE_SIZE
    data[middle : middle + PAGE_SIZE] = bytes(PAGE_SIZE)  # one page zeroed, not truncated
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def crashes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash_dialog.install_excepthook(shown.append)
    return shown


def test_a_page_zeroed_inside_the_file_offers_the_newest_backup(tmp_path, qtbot, crashes):
    path = _damaged_vault_with_backup(tmp_path)
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    crash_dialog.install_excepthook(crashes.append, handled=ctl.handleUncaught)
    try:
        ctl.start()
        unlock = ctl.unlock_window
        _submit(qtbot, unlock, PASS)
        qtbot.waitUntil(lambda: unlock.isDamagedShown(), timeout=10000)
        assert ctl.vault is None
        message = unlock.ui.unlockMessageLabel.text()
        assert "The vault file is damaged and cannot be read (page " in message
        assert "Traceback" not in message and "carry on" not in message
        button = unlock.findChild(QPushButton, "restoreBackupButton")
        assert button.isVisible() and "Restore the backup of" in button.text()
        assert unlock.offeredBackup() is not None
        assert unlock.offeredBackup().parent == tmp_path / "backups"
        # Restore it with its passphrase: the app opens the restored vault.
        unlock.ui.passphraseEdit.setText(PASS)
        button.click()
        qtbot.waitUntil(lambda: ctl.vault is not None, timeout=10000)
        assert len(ctl.vault.clients()) == 120
        assert list(tmp_path.glob("v.alliance.replaced-*"))  # the damaged file kept aside
        assert crashes == []
    finally:
        ctl.dispose()
        theme.deleteLater()


def test_damage_found_while_filling_the_window_returns_to_the_unlock_screen(
    tmp_path, qtbot, crashes, monkeypatch
):
    from alliance_desktop.gui.shell import main_window
    from alliance_desktop.vault import VaultDamagedError

    path = tmp_path / "v.alliance"
    access.create(path, PASS).close()
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    original = main_window.MainWindow.reloadClients

    def damaged(self, *a, **k):
        original(self, *a, **k)
        raise VaultDamagedError(
            "The vault file is damaged (database disk image is malformed). Restore it."
        )

    monkeypatch.setattr(main_window.MainWindow, "reloadClients", damaged)
    try:
        ctl.start()
        unlock = ctl.unlock_window
        _submit(qtbot, unlock, PASS)
        qtbot.waitUntil(unlock.isDamagedShown, timeout=10000)
        assert ctl.vault is None
        assert not ctl.window.isVisible()
        assert unlock.isVisible()
        assert "database disk image is malformed" in unlock.ui.unlockMessageLabel.text()
        # The vault was closed: its writer lock is free again.
        monkeypatch.setattr(main_window.MainWindow, "reloadClients", original)
        access.unlock(path, PASS).close()
        # Quitting from there (closing the unlock window) leaves no windowless process.
        unlock.close()
        qtbot.waitUntil(lambda: ctl._quitting)
        assert ctl.window is None and ctl.unlock_window is None
        assert crashes == []
    finally:
        ctl.dispose()
        theme.deleteLater()


def test_a_vault_error_escaping_a_slot_is_a_status_message(tmp_path, qtbot, crashes):
    from alliance_desktop.vault import VaultBusyError, VaultDamagedError

    path = tmp_path / "v.alliance"
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, path, prefs, theme)
    hook = crash_dialog.install_excepthook(crashes.append, handled=ctl.handleUncaught)
    try:
        ctl.start(access.create(path, PASS))
        busy = VaultBusyError()
        hook(type(busy), busy, None)
        assert ctl.window.statusBar().currentMessage() == str(busy)
        assert ctl.vault is not None
        damage = VaultDamagedError("The vault file is damaged (bad page). Restore it.")
        hook(type(damage), damage, None)
        assert ctl.vault is None
        assert ctl.unlock_window.isDamagedShown()
        assert crashes == []
        error = RuntimeError("a bug")
        hook(type(error), error, None)
        assert len(crashes) == 1  # anything else still reaches the crash dialog
    finally:
        ctl.dispose()
        theme.deleteLater()
