"""Issue 14: the open vault never writes to a file another writer replaced or changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from support import PASSPHRASE, make_session

from alliance_desktop.app import access
from alliance_desktop.domain import Client
from alliance_desktop.vault.file_identity import (
    VaultOpenedReadOnlyError,
    VaultReplacedError,
    is_read_only,
)
from alliance_desktop.vault.store import Vault


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_device_copy(vault_path: Path, tmp_path: Path) -> Path:
    """Another device's version of the vault: a copy with one more client."""
    copy = tmp_path / "elsewhere" / vault_path.name
    copy.parent.mkdir()
    shutil.copyfile(vault_path, copy)
    with Vault.open(copy, PASSPHRASE) as other:
        other.save_client(Client("LAPTOP-1"))
    return copy


def test_rename_over_is_refused_before_anything_is_written(vault, vault_path, tmp_path, client):
    vault.save_session(make_session(client.id))  # an ordinary write first: allowed
    incoming = other_device_copy(vault_path, tmp_path)
    old = tmp_path / "old-inode"
    os.link(vault_path, old)  # a second name for the file the vault has open
    before = digest(old)
    # What a sync tool does: a temporary file beside the vault, renamed over it.
    temp = vault_path.with_name(".syncthing." + vault_path.name + ".tmp")
    shutil.copyfile(incoming, temp)
    os.replace(temp, vault_path)

    assert vault.guard.changed_elsewhere()
    with pytest.raises(VaultReplacedError) as caught:
        vault.save_session(make_session(client.id, date(2026, 3, 9)))
    assert str(caught.value) == (
        "This vault was changed on another device: unlock again to see the changes"
    )
    with pytest.raises(VaultReplacedError):
        vault.save_draft("new:1", {"notes": "words"})
    assert digest(old) == before  # the replaced file: not one byte written
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:  # the new file, as it came
        assert [c.code for c in reopened.clients()] == ["Bryn 02", "LAPTOP-1"]
        assert len(reopened.sessions()) == 1


def test_in_place_change_by_another_process_is_refused(vault, vault_path, client):
    script = (
        "import sys\n"
        "from alliance_desktop.vault.store import Vault\n"
        "from alliance_desktop.domain import Client\n"
        "with Vault.open(sys.argv[1], sys.argv[2]) as v:\n"
        "    v.save_client(Client('OTHER-9'))\n"
    )
    subprocess.run([sys.executable, "-c", script, str(vault_path), PASSPHRASE], check=True)
    assert vault.guard.changed_elsewhere()
    before = digest(vault_path)
    with pytest.raises(VaultReplacedError):
        vault.save_client(Client("HERE-1"))
    assert digest(vault_path) == before


def test_own_writes_and_another_vault_of_this_process_are_not_foreign(vault, vault_path, client):
    reader = Vault.open(vault_path, PASSPHRASE)  # a worker's connection on the same file
    try:
        vault.save_session(make_session(client.id))
        reader.audit("export", "json")  # it writes too (an audit row)
        assert not vault.guard.changed_elsewhere()
        assert not reader.guard.changed_elsewhere()
        vault.save_session(make_session(client.id, date(2026, 3, 9)))
        reader.audit("export", "csv")
    finally:
        reader.close()
    vault.change_passphrase("a brand new passphrase for this vault")
    vault.save_client(Client("AFTER-REKEY"))  # the rekey rewrote the file: still ours


def test_read_only_session_leaves_the_file_bytes_unchanged(vault_path, client, vault):
    vault.save_session(make_session(client.id))
    vault.close()
    before = digest(vault_path)
    ro = access.unlock(vault_path, PASSPHRASE, interactive=True, read_only=True)
    assert ro.writer_lock is None
    try:
        assert is_read_only(ro)
        assert ro.clients() and ro.sessions()
        assert ro.search("Bryn") is not None
        ro.audit("export", "json")  # quiet
        with pytest.raises(VaultOpenedReadOnlyError):
            ro.save_client(Client("NOPE-1"))
        with pytest.raises(VaultOpenedReadOnlyError):
            ro.save_draft("new:1", {"notes": "x"})
    finally:
        ro.close()
    assert digest(vault_path) == before


def test_a_synced_lock_file_names_the_other_device_while_it_is_fresh(vault_path, tmp_path):
    import json
    import socket
    from datetime import UTC, datetime, timedelta

    from alliance_desktop.vault.writer_lock import WriterLock, lock_path, other_device

    now = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
    since = now - timedelta(minutes=28)

    def synced(host: str, alive: datetime) -> None:
        body = {"host": host, "pid": 4242, "since": since.isoformat(), "alive": alive.isoformat()}
        lock_path(vault_path).write_text(json.dumps(body))

    synced("LAPTOP", now - timedelta(minutes=3))
    found = other_device(vault_path, now=now)
    assert found is not None and found.device == "LAPTOP" and found.since == since
    synced("LAPTOP", now - timedelta(hours=5))  # left behind by a crash long ago
    assert other_device(vault_path, now=now) is None
    synced(socket.gethostname(), now)  # this computer's own: the flock decides
    assert other_device(vault_path, now=now) is None

    lock_path(vault_path).unlink()
    held = WriterLock.acquire(vault_path)
    try:
        first = json.loads(lock_path(vault_path).read_text())
        assert first["device"] == socket.gethostname() and first["alive"] == first["since"]
        held.touch()
        assert json.loads(lock_path(vault_path).read_text())["alive"] >= first["alive"]
    finally:
        held.release()
