"""One writer per vault: the lock file beside it, real processes, stale locks and races."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alliance_desktop.vault import Vault, WrongPassphraseError
from alliance_desktop.vault import writer_lock as wl
from alliance_desktop.vault.errors import VaultBusyError, VaultError
from alliance_desktop.vault.writer_lock import LockHolder, WriterLock, lock_path

PASSPHRASE = "correct staple battery orbit"

HOLD = textwrap.dedent(
    """
    import sys, time
    from alliance_desktop.vault.writer_lock import WriterLock
    lock = WriterLock.acquire(sys.argv[1])
    print("held", flush=True)
    time.sleep(600)
    """
)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    Vault.create(path, PASSPHRASE).close()
    return path


def _holding_child(tmp_path: Path, vault: Path) -> subprocess.Popen[str]:
    script = tmp_path / "hold.py"
    script.write_text(HOLD, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(vault)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "held\n", proc.stderr.read() if proc.stderr else ""
    return proc


def test_lock_file_sits_beside_the_vault_owner_only_and_names_the_holder(saved: Path):
    with WriterLock.acquire(saved) as lock:
        path = saved.with_name("vault.alliance.lock")
        assert lock.path == path == lock_path(saved)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["host"] == socket.gethostname() and data["pid"] == os.getpid()
        since = datetime.fromisoformat(data["since"])
        assert since.tzinfo is not None
        holder = WriterLock.holder(saved)
        assert holder == LockHolder(socket.gethostname(), os.getpid(), since)
        assert holder.device == socket.gethostname()
    assert WriterLock.holder(saved) is None
    assert not path.exists()


def test_second_writer_is_refused_with_the_holder_and_its_sentence(saved: Path):
    first = WriterLock.acquire(saved)
    try:
        with pytest.raises(VaultBusyError) as caught:
            WriterLock.acquire(saved)
        holder = caught.value.holder
        assert holder is not None and holder.pid == os.getpid()
        hhmm = first.mine.since.astimezone().strftime("%H:%M")
        assert str(caught.value) == f"This vault is open in another window (since {hhmm})."
    finally:
        first.release()
    WriterLock.acquire(saved).release()  # free again once released


def test_release_is_idempotent(saved: Path):
    lock = WriterLock.acquire(saved)
    lock.release()
    lock.release()
    assert not lock.held


def test_a_symlink_to_the_vault_shares_its_lock(saved: Path, tmp_path: Path):
    link = tmp_path / "elsewhere" / "link.alliance"
    link.parent.mkdir()
    link.symlink_to(saved)
    with WriterLock.acquire(saved), pytest.raises(VaultBusyError):
        WriterLock.acquire(link)


def test_another_process_holds_it_until_killed_then_it_is_taken_over(saved: Path, tmp_path: Path):
    child = _holding_child(tmp_path, saved)
    try:
        with pytest.raises(VaultBusyError) as caught:
            WriterLock.acquire(saved)
        assert caught.value.holder is not None and caught.value.holder.pid == child.pid
        assert WriterLock.holder(saved).pid == child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    # The dead process left its name in the file; the kernel dropped its lock.
    assert json.loads(lock_path(saved).read_text())["pid"] == child.pid
    assert WriterLock.holder(saved) is None
    with WriterLock.acquire(saved) as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()


def test_stale_content_of_a_dead_process_is_taken_over(saved: Path):
    lock_path(saved).write_text(
        json.dumps({"host": socket.gethostname(), "pid": 2**22 + 1, "since": "2020-01-01T00:00"})
    )
    with WriterLock.acquire(saved) as lock:
        assert lock.mine.pid == os.getpid()
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()


def test_a_symlink_in_place_of_the_lock_file_is_refused(saved: Path, tmp_path: Path):
    target = tmp_path / "victim.txt"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    lock_path(saved).symlink_to(target)
    with pytest.raises(VaultError, match="symbolic link"):
        WriterLock.acquire(saved)
    assert target.read_text() == "keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_lock_file_unlinked_between_open_and_flock_is_not_trusted(saved: Path, monkeypatch):
    """The holder releases (unlinks) just after we opened the old file: we must retry."""
    first = WriterLock.acquire(saved)
    real_open = os.open
    calls = []

    def open_then_holder_releases(path, flags, mode=0o777):
        fd = real_open(path, flags, mode)
        if not calls:
            calls.append(path)
            first.release()  # unlinks the file we just opened and drops its flock
        return fd

    monkeypatch.setattr(wl.os, "open", open_then_holder_releases)
    second = WriterLock.acquire(saved)
    monkeypatch.undo()
    try:
        assert calls
        # The lock we hold is on the file at the path, so a third writer is refused.
        assert os.stat(second.path).st_ino == os.fstat(second._fd).st_ino
        with pytest.raises(VaultBusyError):
            WriterLock.acquire(saved)
    finally:
        second.release()


def test_vault_keeps_the_lock_and_close_releases_it(saved: Path):
    lock = WriterLock.acquire(saved)
    vault = Vault.open(saved, PASSPHRASE, lock=lock)
    assert vault.writer_lock is lock and lock.held
    with pytest.raises(VaultBusyError):
        Vault.open(saved, PASSPHRASE, lock=WriterLock.acquire(saved))
    vault.close()
    assert not lock.held and WriterLock.holder(saved) is None
    vault.close()  # twice is fine


def test_a_reader_opens_while_a_writer_holds_the_lock(saved: Path):
    writer = Vault.open(saved, PASSPHRASE, lock=WriterLock.acquire(saved))
    with writer, Vault.open(saved, PASSPHRASE) as reader:
        assert reader.writer_lock is None
        assert reader.clients() == []


def test_a_refused_open_releases_the_lock(saved: Path):
    lock = WriterLock.acquire(saved)
    with pytest.raises(WrongPassphraseError):
        Vault.open(saved, "a different passphrase entirely", lock=lock)
    assert not lock.held and WriterLock.holder(saved) is None


def test_create_keeps_the_lock(tmp_path: Path):
    path = tmp_path / "new.alliance"
    with Vault.create(path, PASSPHRASE, lock=WriterLock.acquire(path)) as vault:
        assert vault.writer_lock is not None and WriterLock.holder(path) is not None
    assert WriterLock.holder(path) is None


def test_close_never_raises(saved: Path):
    vault = Vault.open(saved, PASSPHRASE, lock=WriterLock.acquire(saved))

    def broken() -> None:
        raise OSError("the disk went away")

    vault.conn.close = broken  # type: ignore[method-assign]
    vault.writer_lock.path.unlink()  # release cannot unlink it any more either
    vault.close()
    assert not vault.is_open and vault.writer_lock is None


def test_busy_sentence_without_a_holder():
    assert str(VaultBusyError(None)) == (
        "Another program is writing to this vault right now; try again in a moment."
    )
    assert VaultBusyError(None).holder is None
    holder = LockHolder("host", 1, datetime(2026, 1, 2, 14, 2, tzinfo=UTC))
    hhmm = holder.since.astimezone().strftime("%H:%M")
    assert str(VaultBusyError(holder)) == f"This vault is open in another window (since {hhmm})."
