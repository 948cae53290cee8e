"""No driver error leaves vault/: damage inside the file, busy, read-only, closed, iterating."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.models import Reflection
from alliance_desktop.vault import Vault, VaultDamagedError, VaultError, WrongPassphraseError
from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.errors import (
    DiskFullError,
    PassphraseChangedError,
    VaultBusyError,
    VaultLockedError,
    VaultReadOnlyError,
)

PASSPHRASE = "correct staple battery orbit"
PAGE = cx.PAGE_SIZE


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault of a few hundred pages: clients, long reflections, drafts."""
    path = tmp_path_factory.mktemp("filled") / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as vault:
        client = vault.save_client(Client("Ash 01", goals="walk to the harbour"))
        with vault.transaction():
            for i in range(300):
                vault.save_session(
                    Session(
                        client.id,
                        date(2025, 1, 1 + i % 28),
                        trust=i % 11,
                        engagement=5,
                        reflection=Reflection("free", {"text": f"harbour {i} " + "w" * 3000}),
                    )
                )
        vault.save_draft("editor", {"text": "d" * 5000})
    assert path.stat().st_size // PAGE > 100
    return path


def _zero_page(path: Path, page: int) -> None:
    """Overwrite one whole page (1-based) with zeros, inside the file: no truncation."""
    with path.open("r+b") as fh:
        fh.seek((page - 1) * PAGE)
        fh.write(bytes(PAGE))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("where", ["page 3", "the middle", "the last page"])
def test_a_page_zeroed_inside_the_file_is_found_at_open(filled: Path, tmp_path: Path, where: str):
    path = tmp_path / "damaged.alliance"
    shutil.copy(filled, path)
    pages = path.stat().st_size // PAGE
    page = {"page 3": 3, "the middle": pages // 2, "the last page": pages}[where]
    _zero_page(path, page)
    size, before = path.stat().st_size, _digest(path)
    with pytest.raises(VaultDamagedError) as caught:
        Vault.open(path, PASSPHRASE)
    message = str(caught.value)
    assert f"page {page} fails its check" in message and "Restore it from a backup" in message
    assert (path.stat().st_size, _digest(path)) == (size, before)  # opening changed nothing


def test_a_wrong_passphrase_on_a_damaged_vault_is_still_a_wrong_passphrase(
    filled: Path, tmp_path: Path
):
    path = tmp_path / "damaged.alliance"
    shutil.copy(filled, path)
    _zero_page(path, 3)
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, "a different passphrase entirely")


READS: dict[str, Callable[[Vault], object]] = {
    "clients": lambda v: v.clients(),
    "client summaries": lambda v: v.client_summaries(),
    "sessions": lambda v: v.sessions(),
    "sessions without text": lambda v: v.sessions(text=False),
    "search": lambda v: v.search("harbour"),
    "drafts": lambda v: v.drafts(),
    "tags": lambda v: v.tags(),
    "save a session": lambda v: v.save_session(Session(1, date(2025, 2, 1), trust=5, engagement=5)),
}


def _zero_all_but_the_first_page(path: Path) -> None:
    pages = path.stat().st_size // PAGE
    for page in range(2, pages + 1):
        _zero_page(path, page)


@pytest.mark.parametrize("read", READS)
def test_damage_appearing_while_open_is_a_vault_error_on_every_read(
    filled: Path, tmp_path: Path, read: str
):
    """Pages damaged after the open-time check (a disk failing under an open vault)
    never leak a driver error: each read and write says VaultDamagedError."""
    path = tmp_path / "damaged.alliance"
    shutil.copy(filled, path)
    vault = Vault.open(path, PASSPHRASE)
    try:
        _zero_all_but_the_first_page(path)
        with pytest.raises(VaultDamagedError, match="damaged"):
            READS[read](vault)
    finally:
        vault.close()


def test_errors_while_iterating_a_cursor_are_translated(filled: Path, tmp_path: Path):
    path = tmp_path / "damaged.alliance"
    shutil.copy(filled, path)
    with Vault.open(path, PASSPHRASE) as vault:
        cursor = vault.conn.execute("SELECT id, reflection FROM sessions ORDER BY id")
        assert cursor.fetchone() is not None  # read while the file was whole
        _zero_all_but_the_first_page(path)
        with pytest.raises(VaultDamagedError):
            for _row in cursor:
                pass
        with pytest.raises(VaultDamagedError):
            vault.conn.execute("SELECT reflection FROM sessions").fetchmany(50)


def test_the_cursor_is_the_translating_one(vault: Vault):
    cursor = vault.conn.execute("SELECT 1")
    assert isinstance(vault.conn, cx.Connection) and isinstance(cursor, cx.Cursor)
    with pytest.raises(VaultError) as caught:
        vault.conn.execute("SELECT * FROM no_such_table")
    assert not isinstance(caught.value, sqlcipher3.Error)
    assert "could not be read or written" in str(caught.value)


def test_a_read_only_vault_says_so(vault: Vault):
    vault.save_client(Client("Ash 01"))
    vault.conn.execute("PRAGMA query_only = ON")  # SQLite's "attempt to write a readonly database"
    with pytest.raises(VaultReadOnlyError, match="read-only"):
        vault.save_client(Client("Birch 02"))
    with pytest.raises(VaultReadOnlyError):
        vault.audit("exported")
    assert [c.code for c in vault.clients()] == ["Ash 01"]
    assert not vault.conn.in_transaction


def test_a_closed_connection_is_the_locked_vault(vault: Vault):
    conn = vault.conn
    conn.close()
    with pytest.raises(VaultLockedError):
        conn.execute("SELECT 1")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("database is locked", VaultBusyError),
        ("attempt to write a readonly database", VaultReadOnlyError),
        ("database or disk is full", DiskFullError),
        ("disk I/O error", DiskFullError),
        ("database disk image is malformed", VaultDamagedError),
        ("file is not a database", VaultDamagedError),
        ("no such table: x", VaultError),
    ],
)
def test_translate_error_is_the_one_mapping(text: str, kind: type[VaultError]):
    translated = cx.translate_error(sqlcipher3.OperationalError(text))
    assert type(translated) is kind
    if kind is VaultBusyError:
        assert translated.holder is None


NEW_PASSPHRASE = "lantern meadow copper seventeen"


def test_a_passphrase_changed_elsewhere_is_named_not_called_damage(filled: Path, tmp_path: Path):
    """Another process (a second window, alliance-cli passwd) rekeys the open vault."""
    path = tmp_path / "vault.alliance"
    shutil.copy(filled, path)
    with Vault.open(path, PASSPHRASE) as app:
        assert app.clients()
        with Vault.open(path, PASSPHRASE) as other:
            other.change_passphrase(NEW_PASSPHRASE)
        for attempt in (app.clients, lambda: app.save_draft("editor", {"text": "x"})):
            with pytest.raises(PassphraseChangedError) as caught:
                attempt()
            assert isinstance(caught.value, WrongPassphraseError)
            assert "changed elsewhere" in str(caught.value)
    with Vault.open(path, NEW_PASSPHRASE) as vault:  # healthy, under the new passphrase
        assert vault.verify() == []


def test_the_first_page_damaged_while_open_is_still_damage(filled: Path, tmp_path: Path):
    path = tmp_path / "vault.alliance"
    shutil.copy(filled, path)
    with Vault.open(path, PASSPHRASE) as vault:
        _zero_page(path, 1)
        with pytest.raises(VaultDamagedError) as caught:
            vault.clients()
        assert not isinstance(caught.value, PassphraseChangedError)
