"""Automatic rotating backups (``app.backups.auto_backup``) and the growing wait after
wrong passphrases (``vault.throttle.Throttle``)."""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from alliance_desktop.app import backups
from alliance_desktop.app.backups import auto_backup
from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault, throttle
from alliance_desktop.vault.rotation import (
    BACKUP_NAME,
    backups_in,
    changed_since_backup,
    free_name,
)
from alliance_desktop.vault.throttle import Throttle

from ._helpers import PASSPHRASE, counts, run_cli, verify_ok

T0 = datetime(2026, 2, 14, 9, 0, 0)


def rotate_backup(vault: Vault, folder: Path, keep: int = 10, *, force: bool = False):
    return auto_backup(vault, folder, keep, force=force).value


def test_rotation_writes_only_when_something_changed(vault: Vault, tmp_path: Path):
    folder = tmp_path / "auto"
    assert changed_since_backup(vault)
    first = rotate_backup(vault, folder)
    assert first is not None and first.parent == folder and BACKUP_NAME.match(first.name)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    verify_ok(first)
    assert not changed_since_backup(vault)
    assert rotate_backup(vault, folder) is None  # lock again, nothing new: no copy

    vault.audit("export", "csv")
    assert not changed_since_backup(vault)

    client = vault.save_client(Client("Rot 01"))
    assert changed_since_backup(vault)
    second = rotate_backup(vault, folder)
    assert second is not None and second != first
    assert counts(second) == (1, 0, 0)

    for change in (
        lambda: vault.save_session(Session(client.id, date(2025, 1, 1), trust=5, engagement=5)),
        lambda: vault.set_settings({"client_rating_threshold": 30.0}),
        lambda: vault.save_draft("editor", {"text": "draft"}),
        lambda: vault.delete_draft("editor"),
        lambda: vault.delete_client(client.id),
    ):
        change()
        assert changed_since_backup(vault)
        assert rotate_backup(vault, folder) is not None


def test_a_backup_name_taken_in_the_same_second_gets_a_suffix(tmp_path: Path):
    first = free_name(tmp_path, T0)
    assert first == tmp_path / "alliance-backup-20260214-090000.alliance"
    first.write_bytes(b"")
    assert free_name(tmp_path, T0) == tmp_path / "alliance-backup-20260214-090000-2.alliance"


def test_rotation_keeps_the_newest_and_touches_nothing_else(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    minutes = iter(range(100))
    monkeypatch.setattr(
        backups,
        "backup_name",
        lambda where: free_name(where, T0 + timedelta(minutes=next(minutes))),
    )
    folder = tmp_path / "auto"
    folder.mkdir()
    unrelated = folder / "my-notes.txt"
    unrelated.write_text("not a backup")
    stale = folder / ".alliance-backup-20200101-000000.alliance.abcd1234.partial"
    stale.write_bytes(b"left by a crash")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    written = []
    for i in range(5):
        vault.save_client(Client(f"K{i}"))
        written.append(rotate_backup(vault, folder, keep=3))
    assert len(set(written)) == 5
    assert backups_in(folder) == written[-3:]
    assert unrelated.exists() and not stale.exists()
    assert counts(written[-1])[0] == 5


def test_rotation_force_and_bad_keep(vault: Vault, tmp_path: Path):
    rotate_backup(vault, tmp_path / "a")
    assert rotate_backup(vault, tmp_path / "a", force=True) is not None
    with pytest.raises(ValueError):
        rotate_backup(vault, tmp_path / "a", keep=0)


# -- throttling ---------------------------------------------------------------------------


def test_delay_grows_after_five_failures_and_is_capped(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(throttle.ENV_BASE_MS, raising=False)
    assert [throttle.delay_for(n) for n in range(5)] == [0.0] * 5
    assert [throttle.delay_for(n) for n in range(5, 11)] == [1, 2, 4, 8, 16, 30]
    assert throttle.delay_for(40) == 30
    monkeypatch.setenv(throttle.ENV_BASE_MS, "2")
    assert throttle.delay_for(6) == pytest.approx(0.004)


def test_attempts_file_holds_a_count_only_and_resets(tmp_path: Path):
    path = tmp_path / "vault.alliance"
    counter = Throttle(path)
    for expected in (1, 2, 3):
        assert counter.record_failure() == expected
    record = throttle.attempts_path(path)
    assert record.name == "vault.alliance.attempts"
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert set(json.loads(record.read_text())) == {"failures", "last"}
    assert counter.failures() == 3 and counter.seconds_to_wait() == 0.0
    counter.reset()
    assert not record.exists() and counter.failures() == 0
    record.write_text("{not json")
    assert counter.failures() == 0  # a damaged counter never locks anyone out


def test_the_attempts_file_is_created_0600_by_the_creating_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Not created wider and narrowed afterwards: the mode is in the os.open call itself."""
    real_open = os.open
    created: list[tuple[int, int | None]] = []

    def watching_open(path, flags, *args, **kwargs):
        if str(path).endswith(throttle.SUFFIX) and flags & os.O_CREAT:
            mode = args[0] if args else kwargs.get("mode")
            created.append((flags, mode))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(throttle.os, "open", watching_open)
    old = os.umask(0)  # whatever the umask, the creating call itself says 0600
    try:
        Throttle(tmp_path / "vault.alliance").record_failure()
    finally:
        os.umask(old)
    assert created and all(mode == 0o600 for _flags, mode in created), created
    assert stat.S_IMODE(throttle.attempts_path(tmp_path / "vault.alliance").stat().st_mode) == 0o600


@pytest.mark.slow
def test_cli_waits_after_repeated_wrong_passphrases(tmp_path: Path):
    path = tmp_path / "vault.alliance"
    Vault.create(path, PASSPHRASE).close()
    env = {throttle.ENV_BASE_MS: "1"}
    for n in range(1, 7):
        proc = run_cli(path, "verify", stdin="wrong guess number\n", env=env)
        assert proc.returncode == 3
        assert Throttle(path).failures() == n
        assert ("waiting" in proc.stderr) == (n > 5), proc.stderr
    record = throttle.attempts_path(path).read_text()
    assert "wrong guess" not in record and PASSPHRASE not in record
    ok = run_cli(path, "verify", env=env)
    assert ok.returncode == 0 and "6 wrong passphrases in a row" in ok.stderr
    assert not throttle.attempts_path(path).exists()
