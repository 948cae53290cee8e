"""Backups that open on their own, passphrase changes that lose nothing, damage that is reported."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import make_session

from alliance_desktop.domain import Client, Reflection
from alliance_desktop.vault import (
    Vault,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.maintenance import backup
from alliance_desktop.vault.schema import CURRENT_VERSION

NEW_PASSPHRASE = "lantern meadow quiet harbour"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backup(vault: Vault, destination: Path | str) -> Path:
    """The vault layer's verified copy (``app.backups`` adds the private file rules)."""
    return backup(vault.conn, Path(destination))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name or "journal" in p.name)


# -- backup --------------------------------------------------------------------


def test_backup_opens_on_its_own_and_verifies(vault: Vault, client: Client, tmp_path: Path):
    vault.save_session(make_session(client.id, reflection=Reflection("free", {"text": "otters"})))
    vault.save_draft("new", {"trust": 3})
    folder = tmp_path / "backups"
    folder.mkdir()
    out = _backup(vault, folder / "monday.alliance")

    assert out == folder / "monday.alliance"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert b"otters" not in out.read_bytes()
    assert _leftovers(folder) == []
    # The source keeps working after the backup.
    vault.save_client(Client("After 1"))

    with Vault.open(out, "correct staple battery orbit") as copy:
        assert copy.verify() == []
        assert copy.schema_version() == CURRENT_VERSION
        assert [c.code for c in copy.clients()] == ["Bryn 02"]
        assert [h.client_code for h in copy.search("otters")] == ["Bryn 02"]
        assert copy.drafts() == {"new": {"trust": 3}}
    with pytest.raises(WrongPassphraseError):
        Vault.open(out, NEW_PASSPHRASE)


def test_backup_accepts_a_string_path(vault: Vault, tmp_path: Path, passphrase: str):
    out = _backup(vault, str(tmp_path / "as-text.alliance"))
    Vault.open(out, passphrase).close()


def test_backup_refuses_an_existing_destination(vault: Vault, tmp_path: Path):
    target = tmp_path / "taken.alliance"
    target.write_bytes(b"someone else's file")
    with pytest.raises(VaultExistsError):
        _backup(vault, target)
    assert target.read_bytes() == b"someone else's file"
    assert _leftovers(tmp_path) == []
    # Refusing the existing file is not an event worth recording.
    assert vault.audit_log() == []


def test_backup_into_a_missing_folder(vault: Vault, tmp_path: Path):
    with pytest.raises(VaultError, match="does not exist"):
        _backup(vault, tmp_path / "no" / "such" / "folder" / "b.alliance")
    assert not (tmp_path / "no").exists()


def test_backup_name_too_long_is_a_vault_error(vault: Vault, tmp_path: Path):
    # The destination name itself is legal, but the temporary file beside it is not:
    # this used to escape as a raw OSError.
    target = tmp_path / ("b" * 240 + ".alliance")
    with pytest.raises(VaultError, match="could not be written"):
        _backup(vault, target)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_backup_failing_at_the_last_step_leaves_nothing(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    target = tmp_path / "full.alliance"
    with pytest.raises(VaultError, match="No space left"):
        _backup(vault, target)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


# -- rekey ---------------------------------------------------------------------


def test_change_passphrase(vault_path: Path, passphrase: str):
    vault = Vault.create(vault_path, passphrase)
    c = vault.save_client(Client("Rowan 5", goals="Call her sister"))
    vault.save_session(make_session(c.id))

    vault.change_passphrase(NEW_PASSPHRASE)

    # The open vault keeps working, reads and writes, under the new key.
    assert [x.code for x in vault.clients()] == ["Rowan 5"]
    vault.save_session(make_session(c.id, date(2026, 3, 9)))
    assert vault.verify() == []
    vault.close()

    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, passphrase)
    with Vault.open(vault_path, NEW_PASSPHRASE) as again:
        assert again.session_count() == 2
        assert [h.client_code for h in again.search("sister")] == ["Rowan 5"]
    assert sorted(p.name for p in vault_path.parent.iterdir()) == [vault_path.name]


@pytest.mark.parametrize("weak", ["short", "password123", "pass\x00word phrase"])
def test_change_passphrase_refuses_weak_ones(vault: Vault, vault_path: Path, weak: str):
    vault.save_client(Client("Holly 3"))
    before = _digest(vault_path)
    with pytest.raises(WeakPassphraseError):
        vault.change_passphrase(weak)
    assert _digest(vault_path) == before
    assert [c.code for c in vault.clients()] == ["Holly 3"]
    assert vault.audit_log() == []


# -- verify and damage --------------------------------------------------------


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory) -> tuple[Path, str]:
    """A vault with enough writing to span well over a hundred pages."""
    path = tmp_path_factory.mktemp("big") / "big.alliance"
    secret = "a passphrase for the big vault"
    with Vault.create(path, secret) as vault:
        c = vault.save_client(Client("Larch 9"))
        for i in range(120):
            text = f"session {i}: " + "the long walk home along the river " * 40
            vault.save_session(
                make_session(
                    c.id,
                    date(2025, 1, 1) + timedelta(days=i),
                    reflection=Reflection("free", {"text": text}),
                )
            )
        assert vault.verify() == []
    assert path.stat().st_size > 100 * 4096
    return path, secret


def test_verify_reports_flipped_bytes_in_a_middle_page(big_vault, tmp_path: Path):
    path, secret = big_vault
    damaged = tmp_path / "damaged.alliance"
    shutil.copyfile(path, damaged)
    size = damaged.stat().st_size
    with damaged.open("r+b") as fh:
        fh.seek(size // 2)
        chunk = fh.read(32)
        fh.seek(size // 2)
        fh.write(bytes(b ^ 0xFF for b in chunk))

    try:
        vault = Vault.open(damaged, secret)
    except VaultDamagedError as exc:  # also a clear answer
        assert "damaged" in str(exc)
        return
    with vault:
        problems = vault.verify()
        assert problems, "flipped bytes went unnoticed"
        assert any("encryption check" in p for p in problems)
        # A backup of a damaged vault is refused, and leaves nothing behind.
        with pytest.raises(VaultError):
            _backup(vault, tmp_path / "from-damaged.alliance")
        assert not (tmp_path / "from-damaged.alliance").exists()
        assert _leftovers(tmp_path) == []


def test_verify_reports_damage_in_the_first_page_as_wrong_passphrase(big_vault, tmp_path: Path):
    # Page 1 holds the salt and the first HMAC: SQLCipher cannot tell damage there from
    # a wrong key, so the user hears "wrong passphrase, or not a vault", not a crash.
    path, secret = big_vault
    damaged = tmp_path / "head.alliance"
    shutil.copyfile(path, damaged)
    with damaged.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"\x00" * 16)
    with pytest.raises(WrongPassphraseError):
        Vault.open(damaged, secret)


def test_backup_of_the_big_vault_is_verified(big_vault, tmp_path: Path):
    path, secret = big_vault
    with Vault.open(path, secret) as vault:
        out = _backup(vault, tmp_path / "big-copy.alliance")
    with Vault.open(out, secret) as copy:
        assert copy.verify() == []
        assert copy.session_count() == 120
