"""Issue 14: a fresh writer lock from another device (a lock file the sync tool brought)
makes the unlock window offer Open read-only / Open anyway; read-only browses, searches,
charts and exports with every write action off and the reason shown, and writes nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from alliance_desktop.app import exports
from alliance_desktop.domain import Client, Session
from alliance_desktop.gui import operations
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.vault import Vault
from alliance_desktop.vault.file_identity import is_read_only
from alliance_desktop.vault.writer_lock import lock_path

PASS = "devices fourteen read only"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def synced_lock(path: Path, host: str = "LAPTOP", minutes_ago: int = 2) -> datetime:
    since = datetime.now(UTC) - timedelta(minutes=40)
    alive = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    body = {"host": host, "pid": 999, "since": since.isoformat(), "alive": alive.isoformat()}
    lock_path(path).write_text(json.dumps(body))
    return since


@pytest.fixture
def parts(tmp_path: Path, controller_for):
    path = tmp_path / "sync" / "vault.alliance"
    path.parent.mkdir()
    with Vault.create(path, PASS) as v:
        wren = v.save_client(Client("Wren 14", goals="Sleep"))
        v.save_session(Session(wren.id, date(2026, 3, 2), trust=7, engagement=6))
        v.save_session(Session(wren.id, date(2026, 3, 9), trust=5, engagement=6))
    return controller_for(path), path


def _type_passphrase(ctl: AppController, qtbot) -> None:
    edit = ctl.unlock_window.findChild(QLineEdit, "passphraseEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, PASS)


def test_another_devices_lock_offers_read_only_and_it_writes_nothing(parts, qtbot, tmp_path):
    ctl, path = parts
    since = synced_lock(path)
    before = digest(path)
    ctl.start()
    unlock = ctl.unlock_window
    qtbot.waitUntil(unlock.isVisible)
    banner = unlock.findChild(QWidget, "deviceLockBanner")
    at = since.astimezone().strftime("%H:%M")
    assert banner.isVisibleTo(unlock)
    assert banner.label.text() == (
        f"open on LAPTOP since {at}: opening here as well may leave a conflict copy"
    )
    read_only = unlock.findChild(QPushButton, "openReadOnlyButton")
    anyway = unlock.findChild(QPushButton, "openAnywayButton")
    assert read_only.isVisibleTo(unlock) and anyway.isVisibleTo(unlock)
    assert not unlock.ui.unlockButton.isVisibleTo(unlock)

    _type_passphrase(ctl, qtbot)
    read_only.click()
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=15000)
    window = ctl.window
    vault = ctl.vault
    assert is_read_only(vault) and vault.writer_lock is None
    ro_banner = window.findChild(QWidget, "readOnlyBanner")
    assert ro_banner.isVisibleTo(window) and "open on LAPTOP" in ro_banner.label.text()
    for name in ("actionNewSession", "actionNewClient", "actionDeleteClient", "actionMerge"):
        action = window.action(name)
        assert not action.isEnabled()
        assert "Read-only" in action.toolTip()

    # A session of browsing: the client, a session opened (for reading only), search,
    # the insights, an export.
    wren = vault.client_by_code("Wren 14")
    window.selectClient(wren.id)
    qtbot.waitUntil(lambda: not window.action("actionNewSession").isEnabled())
    new_session = window.findChild(QPushButton, "newSessionButton")
    assert not new_session.isEnabled() and "Read-only" in new_session.toolTip()
    first = vault.sessions(wren.id)[0]
    window.openSession(first.id)
    qtbot.waitUntil(lambda: window.isShowingEditor() and window.editor.isReading())
    window.editor.startEditing()  # E: stays reading, and says why
    qtbot.waitUntil(window.editor.isReading)
    assert vault.search("Wren") is not None
    window.insights.refreshNow()
    out = tmp_path / "export.json"
    assert operations.run(window, exports.export_data, vault, "json", out) is not None
    assert "Wren 14" in out.read_text()

    window.lockRequested.emit()
    qtbot.waitUntil(lambda: ctl.vault is None)
    assert digest(path) == before  # not one byte written
    assert ctl.lock_problems == ()  # no automatic backup tried either
    assert not (tmp_path / "backups").exists()


def test_open_anyway_opens_as_the_writer(parts, qtbot):
    ctl, path = parts
    synced_lock(path)
    ctl.start()
    unlock = ctl.unlock_window
    qtbot.waitUntil(unlock.isVisible)
    _type_passphrase(ctl, qtbot)
    unlock.findChild(QPushButton, "openAnywayButton").click()
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=15000)
    assert not is_read_only(ctl.vault) and ctl.vault.writer_lock is not None
    assert ctl.window.action("actionNewSession").isEnabled()
    assert not ctl.window.findChild(QWidget, "readOnlyBanner").isVisibleTo(ctl.window)


def test_an_old_lock_from_another_device_is_not_offered(parts, qtbot):
    ctl, path = parts
    synced_lock(path, minutes_ago=600)
    ctl.start()
    unlock = ctl.unlock_window
    qtbot.waitUntil(unlock.isVisible)
    assert unlock.ui.unlockButton.isVisibleTo(unlock)
    assert not unlock.findChild(QWidget, "deviceLockBanner").isVisibleTo(unlock)
