"""Issue 12, the safety net inside the window: File › Open another vault…, Export…,
Restore a backup… and Change passphrase…, end to end on real vaults (offscreen)."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from alliance_desktop.app import access, backups
from alliance_desktop.app.files import private_folder
from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault, WrongPassphraseError
from tests.gui.safety12_helpers import (
    CODE,
    PASS,
    answer_box,
    make_controller,
    make_vault,
    when_modal,
)

NEW_PASS = "a quite different passphrase now"
SAFETY_ACTIONS = (
    "actionOpenVault",
    "actionExport",
    "actionRestoreBackup",
    "actionChangePassphrase",
    "actionRecentlyDeleted",
)


@pytest.fixture
def parts(tmp_path: Path, qtbot):
    path = tmp_path / "v.alliance"
    make_vault(path)
    ctl, theme = make_controller(tmp_path, path)
    ctl.start(access.unlock(path, PASS))
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible())
    yield ctl, path
    ctl.dispose()
    theme.deleteLater()


def test_the_file_menu_holds_every_safety_action_with_a_name_and_text(parts):
    ctl, _ = parts
    window = ctl.window
    in_menu = {a.objectName() for a in window.menuFile.actions()}
    for name in SAFETY_ACTIONS:
        assert name in in_menu
        action = getattr(window.safety, name)
        assert action.text() and action.isEnabled()
        assert "&" in action.text()  # a mnemonic: reachable from the keyboard
    assert not window.safety.actionOpenVault.shortcut().isEmpty()
    assert not window.safety.actionExport.shortcut().isEmpty()
    # Locked: the actions are off with the rest of the window.
    ctl.lock()
    assert not window.safety.actionExport.isEnabled()


def test_export_writes_a_private_file_and_asks_before_replacing(parts, qtbot, tmp_path):
    ctl, _ = parts
    window = ctl.window
    out = tmp_path / "out" / "all.json"
    out.parent.mkdir()

    def handle(dialog):
        assert dialog.objectName() == "exportDialog"
        dialog.jsonRadio.setChecked(True)
        dialog.pathEdit.setText(str(out))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_modal(handle)
    written = window.safety.exportData()
    assert written == out
    doc = json.loads(out.read_text())
    assert CODE in json.dumps(doc)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "not encrypted" in window.statusBar().currentMessage()

    # Again to the same file: operations.run asks; No leaves it, Yes replaces it.
    out.write_text("keep me")
    when_modal(handle)
    texts: list[str] = []
    answer_box(QMessageBox.StandardButton.No, texts)
    assert window.safety.exportData() is None
    assert out.read_text() == "keep me"
    assert "already exists" in texts[0]
    when_modal(handle)
    answer_box(QMessageBox.StandardButton.Yes)
    assert window.safety.exportData() == out
    assert CODE in out.read_text()


def test_export_dialog_says_the_file_is_not_encrypted_and_offers_csv(parts, qtbot, tmp_path):
    ctl, _ = parts
    out = tmp_path / "sessions"
    seen: list[str] = []

    def handle(dialog):
        seen.append(dialog.findChild(QLabel, "exportWarningLabel").text())
        assert dialog.csvRadio.isChecked()
        dialog.pathEdit.setText(str(out))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_modal(handle)
    written = ctl.window.safety.exportData()
    assert written == out.with_name("sessions.csv")
    assert "NOT encrypted" in seen[-1]
    assert CODE in written.read_text()


def test_change_passphrase_checks_strength_and_the_current_one(parts, qtbot):
    ctl, path = parts
    window = ctl.window
    states: dict[str, object] = {}

    def handle(dialog):
        assert dialog.objectName() == "changePassphraseDialog"
        dialog.currentEdit.setText("not the passphrase")
        dialog.newEdit.setText("aaaaaaaaaaaaaaaa")
        dialog.repeatEdit.setText("aaaaaaaaaaaaaaaa")
        states["weak_ok"] = dialog.okButton.isEnabled()
        states["weak_text"] = dialog.strengthLabel.text()
        dialog.newEdit.setText(NEW_PASS)
        dialog.repeatEdit.setText(NEW_PASS + "x")
        states["differ_ok"] = dialog.okButton.isEnabled()
        dialog.repeatEdit.setText(NEW_PASS)
        states["bar"] = dialog.strengthBar.value()
        dialog.okButton.click()  # the wrong current passphrase: said in the dialog
        states["error"] = dialog.feedbackLabel.text()
        states["still_open"] = dialog.isVisible()
        dialog.currentEdit.setText(PASS)
        dialog.okButton.click()

    when_modal(handle)
    assert window.safety.changePassphrase()
    assert states["weak_ok"] is False
    assert "Strength" in str(states["weak_text"])
    assert states["differ_ok"] is False
    assert int(states["bar"]) > 0
    assert states["still_open"] is True and states["error"]
    assert "Passphrase changed" in window.statusBar().currentMessage()
    ctl.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, PASS).close()
    Vault.open(path, NEW_PASS).close()


def test_restore_a_backup_lists_newest_first_verifies_and_says_where_the_old_went(
    parts, qtbot, tmp_path
):
    ctl, path = parts
    window = ctl.window
    folder = private_folder(tmp_path / "backups")
    older = backups.backup(ctl.vault, backups.backup_name(folder, datetime(2026, 3, 1, 9, 5))).value
    ctl.vault.save_client(Client("Ibis 40"))
    newer = backups.backup(
        ctl.vault, backups.backup_name(folder, datetime(2026, 3, 8, 17, 45))
    ).value
    ctl.vault.save_client(Client("Kite 7"))  # after both backups
    rows: list[list[str]] = []
    counted: list[list[str]] = []

    def handle(dialog):
        assert dialog.objectName() == "restoreBackupDialog"
        tree = dialog.backupList

        def texts():
            return [
                [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
                for i in range(tree.topLevelItemCount())
            ]

        rows.extend(texts())
        assert not dialog.okButton.isEnabled()  # no passphrase yet
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.passphraseEdit.setFocus()
        qtbot.keyClicks(dialog.passphraseEdit, PASS)
        # "Count sessions" (a mnemonic) checks each backup whole and counts its sessions.
        assert "&" in dialog.checkButton.text()
        dialog.checkButton.click()
        counted.extend(texts())
        # Choose the older one by keyboard, then Enter restores it.
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        assert dialog.okButton.isEnabled()
        answer_box(QMessageBox.StandardButton.Ok)  # the "restored" summary afterwards
        dialog.okButton.click()

    when_modal(handle)
    assert window.safety.restoreBackup()
    assert rows[0][:2] == ["2026-03-08", "17:45"] and rows[1][:2] == ["2026-03-01", "09:05"]
    assert [r[2] for r in counted] == ["2", "2"]  # sessions in each backup
    assert not [p for p in tmp_path.rglob("*.checking")]  # the check copies are gone
    assert ctl.vault is not None and ctl.window.vault is ctl.vault
    codes = {c.code for c in ctl.vault.clients()}
    assert codes == {CODE}  # the older backup: neither Ibis nor Kite
    message = window.safety.lastRestoreMessage
    assert "2026-03-01 09:05" in message and "2 sessions" in message
    aside = [p for p in path.parent.iterdir() if p.name.startswith("v.alliance.replaced-")]
    assert len(aside) == 1 and str(aside[0]) in message
    assert older.exists() and newer.exists()


def test_restore_with_a_wrong_passphrase_changes_nothing_and_reopens_nothing(
    parts, qtbot, tmp_path
):
    ctl, path = parts
    folder = private_folder(tmp_path / "backups")
    backups.backup(ctl.vault, backups.backup_name(folder, datetime(2026, 3, 1, 9, 5)))
    ctl.vault.save_client(Client("Ibis 40"))  # after the backup

    seen: dict[str, object] = {}

    def handle(dialog):
        dialog.passphraseEdit.setText("wrong wrong wrong")
        dialog.okButton.click()
        seen["error"] = dialog.feedbackLabel.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_modal(handle)
    assert not ctl.window.safety.restoreBackup()
    assert seen["open"] is True and "does not open with this passphrase" in str(seen["error"])
    assert ctl.vault is not None  # checked before anything was locked or replaced
    assert {c.code for c in ctl.vault.clients()} == {CODE, "Ibis 40"}
    assert not [p for p in path.parent.iterdir() if ".replaced-" in p.name]


def test_open_another_vault_locks_and_unlocks_the_chosen_file(parts, qtbot, tmp_path, monkeypatch):
    ctl, _path = parts
    other = tmp_path / "other.alliance"
    make_vault(other, code="Otter 3", sessions=1)
    from alliance_desktop.gui.common import file_dialogs

    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(other), ""))
    window = ctl.window
    window.safety.actionOpenVault.trigger()
    qtbot.waitUntil(lambda: ctl.vault is None)
    unlock = ctl.unlock_window
    assert unlock is not None and unlock.vaultPath() == other
    edit = unlock.findChild(QLineEdit, "passphraseEdit")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClicks(edit, PASS)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=15000)
    assert Path(ctl.vault.path) == other
    assert {c.code for c in ctl.vault.clients()} == {"Otter 3"}
