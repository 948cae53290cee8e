"""A damaged vault says what is wrong, and `restore` puts a checked backup back.

restore must check the backup with the passphrase before anything moves, refuse a
damaged or foreign backup without touching the vault, keep the replaced vault aside
(owner-only), work when the vault is damaged or missing, and audit the restore.
"""

from __future__ import annotations

import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from alliance_desktop.app import backups
from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault, VaultDamagedError
from alliance_desktop.vault.errors import RestoreError
from alliance_desktop.vault.restore import restore_backup

from ._helpers import NEW_PASSPHRASE, PASSPHRASE, counts, run_cli, verify_ok

PAGE = 4096


def _fill(path: Path, sessions: int = 300, code: str = "Oak 01") -> Path:
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client(code))
        for i in range(sessions):
            v.save_session(Session(c.id, date(2024, 1, 1), trust=i % 11, engagement=5,
                                   tags=(f"tag{i}",)))  # fmt: skip
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _fill(tmp_path / "vault.alliance")


@pytest.fixture
def backup(good: Path, tmp_path: Path) -> Path:
    out = tmp_path / "backups" / "b.alliance"
    out.parent.mkdir()
    with Vault.open(good, PASSPHRASE) as v:
        backups.backup(v, out)
    return out


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def truncate_at_page(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: (len(data) // PAGE // 2) * PAGE])


def flip_bit(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    path.write_bytes(bytes(data))


def zero_fill(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


DAMAGE = {
    "truncated": (truncate, "truncated"),
    "truncated at a page boundary": (truncate_at_page, "truncated"),
    "bit-flipped": (flip_bit, "fails its check"),
    "zero-filled": (zero_fill, "zero-filled"),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_vault_gets_a_message_naming_the_damage(good: Path, kind: str):
    damage, words = DAMAGE[kind]
    damage(good)
    proc = run_cli(good, "verify")
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    message = proc.stdout + proc.stderr
    assert "damaged" in message and words in message, message
    assert "restore" in message


def test_damage_names_the_page(good: Path):
    flip_bit(good)
    with pytest.raises(VaultDamagedError) as caught:  # found at open, by the page check
        Vault.open(good, PASSPHRASE)
    page = (good.stat().st_size // PAGE // 2) + 1
    assert f"page {page} fails its check" in str(caught.value)


def test_vault_layer_raises_damaged_for_truncation_and_zeros(good: Path, tmp_path: Path):
    zeroed = tmp_path / "zero.alliance"
    zeroed.write_bytes(bytes(good.stat().st_size))
    with pytest.raises(VaultDamagedError, match="zero-filled"):
        Vault.open(zeroed, PASSPHRASE)
    truncate(good)
    with pytest.raises(VaultDamagedError, match="truncated"):
        Vault.open(good, PASSPHRASE)


# -- restore ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("kind", [*DAMAGE, "missing"])
def test_restore_replaces_a_damaged_or_missing_vault(good: Path, backup: Path, kind: str):
    expected = counts(good)
    if kind == "missing":
        good.unlink()
    else:
        DAMAGE[kind][0](good)
    damaged_bytes = good.read_bytes() if good.exists() else None
    proc = run_cli(good, "restore", str(backup))
    assert proc.returncode == 0, proc.stderr
    assert "Restored" in proc.stdout
    verify_ok(good)
    assert counts(good) == expected
    assert stat.S_IMODE(good.stat().st_mode) == 0o600
    kept = sorted(good.parent.glob("vault.alliance.replaced-*"))
    if damaged_bytes is None:
        assert kept == []
    else:
        assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
        assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
        assert f"kept at {kept[0]}" in proc.stdout
    with Vault.open(good, PASSPHRASE) as v:
        assert [e for _at, e, _d in v.audit_log()][-1] == "restore"
    assert list(good.parent.glob(".*.restoring")) == []


def _refused(vault: Path, backup: Path, passphrase: str = PASSPHRASE, *, status: int = 1) -> str:
    before = vault.read_bytes()
    proc = run_cli(vault, "restore", str(backup), stdin=passphrase + "\n")
    assert proc.returncode == status, (proc.returncode, proc.stderr)
    assert "was not restored" in proc.stderr and "not touched" in proc.stderr, proc.stderr
    assert vault.read_bytes() == before
    assert list(vault.parent.glob("vault.alliance.replaced-*")) == []
    assert list(vault.parent.glob(".*.restoring")) == []
    return proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", DAMAGE)
def test_restore_refuses_a_damaged_backup(good: Path, backup: Path, kind: str):
    DAMAGE[kind][0](backup)
    message = _refused(good, backup)
    assert "damaged" in message or "failed its check" in message or "passphrase" in message
    verify_ok(good)


@pytest.mark.slow
def test_restore_refuses_foreign_and_wrongly_keyed_backups(good: Path, tmp_path: Path):
    other = tmp_path / "other.alliance"
    with Vault.create(other, NEW_PASSPHRASE):
        pass
    # A backup under another passphrase is a wrong passphrase: exit 3, like every other.
    assert "does not open with this passphrase" in _refused(good, other, status=3)
    plain = tmp_path / "plain.alliance"
    plain.write_bytes(b"SQLite format 3\x00" + bytes(8000))
    assert "not an Alliance Desktop backup" in _refused(good, plain)
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 500)
    assert "was not restored" in _refused(good, notes)
    missing = run_cli(good, "restore", str(tmp_path / "nothing.alliance"))
    assert missing.returncode == 1 and "no backup file" in missing.stderr


def test_restore_api_keeps_the_old_vault_and_its_journal(good: Path, backup: Path):
    with Vault.open(good, PASSPHRASE) as v:
        v.save_client(Client("After backup"))
    journal = good.with_name(good.name + "-journal")
    journal.write_bytes(b"stale journal of the old vault")
    result = restore_backup(backup, good, PASSPHRASE, now=datetime(2026, 2, 14, 9, 30, 5))
    assert result.replaced == good.with_name("vault.alliance.replaced-20260214-093005")
    assert result.replaced.exists() and not journal.exists()
    assert result.replaced.with_name(result.replaced.name + "-journal").exists()
    assert (result.clients, result.sessions) == (1, 300)
    with Vault.open(good, PASSPHRASE) as v:
        assert v.client_by_code("After backup") is None
    with Vault.open(result.replaced, PASSPHRASE) as v:
        assert v.client_by_code("After backup") is not None


def test_restore_api_refuses_the_vault_itself(good: Path):
    with pytest.raises(RestoreError, match="the vault itself"):
        restore_backup(good, good, PASSPHRASE)
