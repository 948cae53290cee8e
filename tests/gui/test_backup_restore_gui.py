"""Automatic backups on lock, restoring a damaged vault from the unlock window, and
chart exports through Qt's own save dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from alliance_desktop.app import backups
from alliance_desktop.domain import Client
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.unlock.window import UnlockWindow
from alliance_desktop.vault import Vault

PASS = "backup restore gui passphrase"


@pytest.fixture
def controller(tmp_path: Path, qtbot):
    vault = Vault.create(tmp_path / "v.alliance", PASS)
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    prefs.set({"backup_folder": str(tmp_path / "backups")})
    theme = ThemeManager(app, "light")
    ctl = AppController(app, tmp_path / "v.alliance", prefs, theme)
    ctl.start(vault)
    yield ctl
    ctl.dispose()
    theme.deleteLater()


def _unlock(ctl: AppController, qtbot) -> None:
    ctl.unlock_window.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    ctl.unlock_window.ui.unlockButton.click()
    qtbot.waitUntil(lambda: ctl.vault is not None)


def test_lock_writes_one_verified_backup_per_change(controller: AppController, qtbot, tmp_path):
    folder = tmp_path / "backups"
    controller.vault.save_client(Client("Bryn 02"))
    controller.lock()
    backups = sorted(folder.glob("alliance-backup-*.alliance"))
    assert len(backups) == 1
    assert (backups[0].stat().st_mode & 0o777) == 0o600
    with Vault.open(backups[0], PASS) as copy:
        assert [c.code for c in copy.clients()] == ["Bryn 02"]
        assert copy.verify() == []
    _unlock(controller, qtbot)
    controller.lock()  # nothing changed: no new backup
    assert len(list(folder.glob("alliance-backup-*.alliance"))) == 1


def test_damaged_vault_offers_restore(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as vault:
        vault.save_client(Client("Kept safe"))
        backup = backups.backup(vault, tmp_path / "good.alliance").value
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])  # truncated mid-page

    window = UnlockWindow(path)
    qtbot.addWidget(window)
    window.show()
    window.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    window.ui.unlockButton.click()
    qtbot.waitUntil(lambda: "damaged" in window.ui.unlockMessageLabel.text())
    assert window.restoreButton.isVisible()

    window.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    with qtbot.waitSignal(window.unlocked) as opened:
        assert window.restoreFrom(backup)
    restored = opened.args[0]
    try:
        assert [c.code for c in restored.clients()] == ["Kept safe"]
    finally:
        restored.close()
    kept = list(tmp_path.glob("v.alliance.replaced-*"))
    assert len(kept) == 1 and kept[0].stat().st_size == len(data) - 1000


def test_refused_backup_changes_nothing(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    Vault.create(path, PASS).close()
    before = path.read_bytes()
    foreign = tmp_path / "foreign.alliance"
    foreign.write_bytes(b"not a vault at all" * 100)
    window = UnlockWindow(path)
    qtbot.addWidget(window)
    window.findChild(QLineEdit, "passphraseEdit").setText(PASS)
    assert window.restoreFrom(foreign)  # started: the backup is read in the worker
    qtbot.waitUntil(lambda: not window.isOpening(), timeout=10000)
    assert "Nothing was restored" in window.findChild(QLabel, "unlockMessageLabel").text()
    assert path.read_bytes() == before


def test_chart_save_asks_through_file_dialogs_and_writes_the_chosen_format(
    tmp_path, qtbot, monkeypatch, vault
):
    from matplotlib.figure import Figure

    from alliance_desktop.gui.common import file_dialogs
    from alliance_desktop.gui.common.chart_view import save_chart_as

    seen = {}

    def fake_dialog(parent, caption, directory="", filter="", selected_filter=""):
        seen["filter"] = filter
        return str(tmp_path / "trend"), "SVG drawing (*.svg)"

    def qt_static(*args, **kw):  # Qt's static dialog writes its history to QtProject.conf
        raise AssertionError("QFileDialog.getSaveFileName must not be used")

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(qt_static))
    fig = Figure()
    fig.add_subplot().plot([1, 2, 3])
    out = save_chart_as(fig, None, vault=vault)  # the vault records that a chart was saved
    assert out == tmp_path / "trend.svg"
    assert out.read_text().lstrip().startswith("<?xml")
    assert "*.png" in seen["filter"] and "*.svg" in seen["filter"] and "*.pdf" in seen["filter"]
