"""Each way a file can refuse to open gets its own error and a sentence a person can act on."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from alliance_desktop.domain import Client
from alliance_desktop.vault import (
    NewerVaultError,
    NotAVaultError,
    NotEncryptedError,
    Vault,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.passphrase import check_new_passphrase, sql_literal, strength
from alliance_desktop.vault.schema import CURRENT_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def saved_vault(tmp_path_factory) -> tuple[Path, str]:
    """One real vault, created once, that tests copy or only read."""
    path = tmp_path_factory.mktemp("saved") / "vault.alliance"
    secret = "module scoped vault passphrase"
    with Vault.create(path, secret) as vault:
        vault.save_client(Client("Moss 8", goals="keep"))
    return path, secret


def test_wrong_passphrase_is_quiet_and_clear(saved_vault, capfd):
    path, _secret = saved_vault
    before = _digest(path)
    with pytest.raises(WrongPassphraseError) as caught:
        Vault.open(path, "a different passphrase entirely")
    assert str(caught.value) == "Wrong passphrase, or not a vault."
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # SQLCipher's own logging is silenced
    assert _digest(path) == before


def test_right_passphrase_still_opens_after_a_wrong_try(saved_vault):
    path, secret = saved_vault
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, secret + " ")
    with Vault.open(path, secret) as vault:
        assert [c.code for c in vault.clients()] == ["Moss 8"]


def test_plain_sqlite_file_is_named_as_not_encrypted(tmp_path: Path, passphrase: str):
    path = tmp_path / "plain.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE clients (code TEXT)")
    conn.close()
    before = _digest(path)
    with pytest.raises(NotEncryptedError, match="not encrypted"):
        Vault.open(path, passphrase)
    assert _digest(path) == before


def test_random_bytes_look_like_a_wrong_passphrase(tmp_path: Path, passphrase: str, capfd):
    path = tmp_path / "noise.alliance"
    path.write_bytes(os.urandom(16 * 1024))
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, passphrase)
    assert capfd.readouterr().err == ""


def test_tiny_file_is_refused(tmp_path: Path, passphrase: str):
    path = tmp_path / "tiny.alliance"
    path.write_bytes(b"\x8f\x01hello")
    with pytest.raises(NotAVaultError, match="too small"):
        Vault.open(path, passphrase)
    assert path.read_bytes() == b"\x8f\x01hello"


@pytest.mark.parametrize(
    "body",
    [
        b"hello",
        b"hello\n" * 2000,
        b"id,code\r\n1,\tA\r\n" * 500,
        "Séance notée — très bien\n".encode() * 400,  # UTF-8 text, a character cut at 4096
    ],
)
def test_text_file_is_not_a_vault_rather_than_a_wrong_passphrase(
    tmp_path: Path, passphrase: str, body: bytes
):
    path = tmp_path / "notes.txt"
    path.write_bytes(body)
    with pytest.raises(NotAVaultError) as caught:
        Vault.open(path, passphrase)
    assert str(caught.value) == f"{path} is a text file, so it is not an Alliance Desktop vault."
    assert path.read_bytes() == body


def test_empty_file_is_not_a_vault_and_stays_empty(tmp_path: Path, passphrase: str):
    path = tmp_path / "empty.alliance"
    path.touch()
    with pytest.raises(NotAVaultError) as caught:
        Vault.open(path, passphrase)
    assert "empty file" in str(caught.value)
    assert "not an Alliance Desktop vault" in str(caught.value)
    # Opening must not have turned the empty file into a database.
    assert path.read_bytes() == b""


def test_folder_is_not_a_vault(tmp_path: Path, passphrase: str):
    with pytest.raises(NotAVaultError) as caught:
        Vault.open(tmp_path, passphrase)
    message = str(caught.value)
    assert "folder" in message
    assert "opens with this passphrase" not in message  # it never opened


def test_missing_file(tmp_path: Path, passphrase: str):
    path = tmp_path / "nowhere.alliance"
    with pytest.raises(VaultNotFoundError, match="There is no vault at"):
        Vault.open(path, passphrase)
    assert not path.exists()  # opening never creates a file


def test_other_sqlcipher_database_with_same_passphrase(tmp_path: Path, passphrase: str):
    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('theirs')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAVaultError, match="not an Alliance Desktop vault"):
        Vault.open(path, passphrase)
    assert _digest(path) == before  # no tables of ours were added to it


def test_newer_vault_is_refused_untouched(tmp_path: Path, passphrase: str):
    path = tmp_path / "future.alliance"
    with Vault.create(path, passphrase) as vault:
        vault.save_client(Client("Yew 3"))
        vault.conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    before = _digest(path)
    with pytest.raises(NewerVaultError) as caught:
        Vault.open(path, passphrase)
    assert "newer version" in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.alliance"]


def test_errors_share_one_base_for_callers():
    for cls in (
        NewerVaultError,
        NotAVaultError,
        NotEncryptedError,
        VaultExistsError,
        VaultNotFoundError,
        WeakPassphraseError,
        WrongPassphraseError,
    ):
        assert issubclass(cls, VaultError)


# -- creating -----------------------------------------------------------------


def test_create_refuses_an_existing_file(saved_vault, passphrase: str):
    path, _ = saved_vault
    before = _digest(path)
    with pytest.raises(VaultExistsError, match="left untouched"):
        Vault.create(path, passphrase)
    assert _digest(path) == before


def test_create_refuses_an_existing_empty_file(tmp_path: Path, passphrase: str):
    path = tmp_path / "placeholder"
    path.touch()
    with pytest.raises(VaultExistsError):
        Vault.create(path, passphrase)
    assert path.read_bytes() == b""


@pytest.mark.parametrize(
    ("candidate", "why"),
    [
        ("", "too short"),
        ("short one", "too short"),  # 9 characters
        ("password", "too short"),
        ("password123", "common"),
        ("Password2024!", "common"),
        ("qwertyuiop", "common"),
        ("PASSWORD12345", "common"),
    ],
)
def test_create_refuses_weak_passphrases(tmp_path: Path, candidate: str, why: str):
    path = tmp_path / "weak.alliance"
    with pytest.raises(WeakPassphraseError, match=why.split()[-1]):
        Vault.create(path, candidate)
    assert not path.exists()
    assert strength(candidate).label == why
    assert strength(candidate).acceptable is False


def test_ten_characters_is_the_minimum(tmp_path: Path):
    assert strength("kq8#vn2!zw"[:9]).label == "too short"
    assert check_new_passphrase("kq8#vn2!zw").acceptable
    path = tmp_path / "ten.alliance"
    Vault.create(path, "kq8#vn2!zw").close()
    with Vault.open(path, "kq8#vn2!zw") as vault:
        assert vault.schema_version() == CURRENT_VERSION


def test_nul_in_a_new_passphrase_is_refused(tmp_path: Path):
    with pytest.raises(WeakPassphraseError, match="NUL"):
        Vault.create(tmp_path / "nul.alliance", "long enough\x00passphrase")
    assert not (tmp_path / "nul.alliance").exists()


def test_strength_ranks_long_random_above_short_simple():
    order = ["too short", "common", "too simple", "weak", "fair", "strong", "very strong"]

    def rank(p: str) -> int:
        return order.index(strength(p).label)

    assert strength("aaaaaaaaaaaa").label == "too simple"  # long but one letter repeated
    assert rank("ab12cd34ef") < rank("q7#Vz!p2Lm@9xR$w")
    assert rank("aaaaaaaaaaaa") < rank("tr0ub4dor&3x")
    assert rank("correct staple battery orbit") == order.index("very strong")
    assert strength("q7#Vz!p2Lm@9xR$w").bits > strength("ab12cd34ef").bits
    # A run of neighbouring characters adds little over its first character.
    assert strength("abcdefghijklmnop").bits < strength("hqzmwkrtxbvlpfjn").bits
