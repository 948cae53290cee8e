"""Issue 14 in the window: a sync tool replaces the vault under the open app (a temporary
file renamed over it); the app locks with externalChangeBanner, writes nothing to the
old file, opens the new one after unlocking and puts the draft back in the editor."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from alliance_desktop.app import access
from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault

PASS = "devices fourteen passphrase"
TEXT = "She spoke about the move for the first time"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def parts(tmp_path: Path, controller_for):
    path = tmp_path / "sync" / "vault.alliance"
    path.parent.mkdir()
    with Vault.create(path, PASS) as v:
        wren = v.save_client(Client("Wren 14"))
        v.save_session(Session(wren.id, date(2026, 3, 2), trust=7, engagement=6))
    return controller_for(path), path


def another_devices_version(path: Path, tmp_path: Path) -> Path:
    """Another device's version (one more client), as Syncthing's temporary file."""
    elsewhere = tmp_path / "laptop" / path.name
    elsewhere.parent.mkdir()
    shutil.copyfile(path, elsewhere)
    with Vault.open(elsewhere, PASS) as laptop:
        laptop.save_client(Client("Laptop 1"))
    temp = path.with_name(f".syncthing.{path.name}.tmp")
    shutil.copyfile(elsewhere, temp)
    return temp


def sync_tool_replaces(path: Path, tmp_path: Path) -> None:
    """Another device's version arrives as Syncthing writes it: renamed over the vault."""
    os.replace(another_devices_version(path, tmp_path), path)


def test_replaced_under_the_open_app_locks_keeps_the_draft_and_opens_the_new_file(
    parts, qtbot, tmp_path
):
    ctl, path = parts
    ctl.start(access.unlock(path, PASS, interactive=True))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    wren = ctl.vault.client_by_code("Wren 14")
    window.selectClient(wren.id)
    window.actionNewSession.trigger()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    reflection.setFocus()
    qtbot.keyClicks(reflection, TEXT)

    old = tmp_path / "old-inode"
    os.link(path, old)  # the file the app has open, by a second name
    before = digest(old)
    sync_tool_replaces(path, tmp_path)

    qtbot.waitUntil(lambda: ctl.vault is None, timeout=10000)  # locked
    unlock = ctl.unlock_window
    banner = unlock.findChild(QWidget, "externalChangeBanner")
    assert banner is not None and banner.isVisibleTo(unlock)
    assert banner.label.text() == (
        "This vault was changed on another device: unlock again to see the changes"
    )
    assert digest(old) == before  # no draft, no audit row, no backup mark: nothing
    assert ctl.pending_drafts  # the draft waits in memory

    edit = unlock.findChild(QLineEdit, "passphraseEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, PASS)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.vault is not None, timeout=15000)

    assert ctl.vault.client_by_code("Laptop 1") is not None  # the new file
    assert digest(old) == before
    assert window.isShowingEditor()
    reflection = window.editor.findChild(QPlainTextEdit, "reflectionEdit")
    assert reflection.toPlainText() == TEXT  # the draft, back in the editor
    assert window.editor.currentClientId() == wren.id


def test_a_write_refused_by_the_guard_takes_the_same_path(parts, qtbot, tmp_path):
    ctl, path = parts
    ctl.start(access.unlock(path, PASS))
    window = ctl.window
    qtbot.waitUntil(window.isVisible)
    hub = ctl.devices
    hub.watch.stop()  # as if the file watcher had missed it
    sync_tool_replaces(path, tmp_path)
    from alliance_desktop.app import clients
    from alliance_desktop.gui import operations

    assert operations.run(window, clients.save_client, ctl.vault, Client("Here 2")) is None
    qtbot.waitUntil(lambda: ctl.vault is None, timeout=10000)
    assert ctl.unlock_window.findChild(QWidget, "externalChangeBanner").isVisibleTo(
        ctl.unlock_window
    )


def test_a_commit_under_way_in_a_worker_never_holds_up_the_watch(parts, qtbot, tmp_path):
    """The watch looks from the UI thread; a worker's long COMMIT holds the guards' lock.
    The look must not wait for it, and a replacement that came meanwhile is still
    seen once the commit is over."""
    import threading
    import time

    from alliance_desktop.vault import file_identity

    ctl, path = parts
    ctl.start(access.unlock(path, PASS, interactive=True))
    qtbot.waitUntil(ctl.window.isVisible)
    # The insights refresh after unlock ends by keeping its estimates, a write of the UI
    # thread's own (which, like any, waits for a commit under way): done before we look.
    hub = ctl.window.insights
    qtbot.waitUntil(lambda: hub.estimatesReady() and not hub.isAnalysing(), timeout=20000)
    holding, release = threading.Event(), threading.Event()

    def long_commit() -> None:  # what guard.commit does around a slow COMMIT
        with file_identity._LOCK:
            holding.set()
            release.wait(10)

    arriving = another_devices_version(path, tmp_path)
    worker = threading.Thread(target=long_commit)
    worker.start()
    try:
        assert holding.wait(5)
        os.replace(arriving, path)
        started = time.monotonic()
        assert ctl.devices.watch.check() is False  # not known yet: a commit is under way
        qtbot.wait(300)  # the watcher's own file events are handled meanwhile
        assert time.monotonic() - started < 2  # and the UI thread never waited for it
        assert ctl.vault is not None
    finally:
        release.set()
        worker.join()
    # No file event comes after the commit: only the watch's second look can see it.
    qtbot.waitUntil(lambda: ctl.vault is None, timeout=10000)  # seen after the commit
    unlock = ctl.unlock_window
    assert unlock.findChild(QWidget, "externalChangeBanner").isVisibleTo(unlock)
