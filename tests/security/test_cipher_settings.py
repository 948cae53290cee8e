"""The encryption settings SECURITY.md states, read back from a real vault so the two
cannot drift apart, and the file modes that keep other local users out."""

from __future__ import annotations

import stat
from pathlib import Path

from alliance_desktop.vault import Vault

# Exactly what SECURITY.md lists under "SQLCipher settings".
EXPECTED_SETTINGS = [
    "PRAGMA kdf_iter = 256000;",
    "PRAGMA cipher_page_size = 4096;",
    "PRAGMA cipher_use_hmac = 1;",
    "PRAGMA cipher_plaintext_header_size = 0;",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;",
]


def _one(vault: Vault, pragma: str) -> str:
    return str(vault.conn.execute(f"PRAGMA {pragma}").fetchone()[0])


def test_cipher_settings_match_security_md(vault: Vault):
    settings = [row[0] for row in vault.conn.execute("PRAGMA cipher_settings")]
    assert settings == EXPECTED_SETTINGS
    assert _one(vault, "cipher") == "AES-256-CBC"
    assert _one(vault, "cipher_version").startswith("4.")
    assert _one(vault, "cipher_provider") == "openssl"
    assert _one(vault, "page_size") == "4096"


def test_security_md_states_the_same_settings():
    text = (Path(__file__).parents[2] / "SECURITY.md").read_text(encoding="utf-8")
    for needle in ("AES-256-CBC", "PBKDF2-HMAC-SHA512", "256,000", "HMAC-SHA512", "4096"):
        assert needle in text, needle
    for setting in EXPECTED_SETTINGS:
        assert setting in text, setting


def test_durability_and_scratch_settings(vault: Vault):
    assert _one(vault, "journal_mode") == "delete"
    assert _one(vault, "synchronous") == "2"  # FULL
    assert _one(vault, "temp_store") == "2"  # MEMORY: no scratch files on disk
    assert _one(vault, "secure_delete") == "1"


def test_vault_file_and_new_folder_are_owner_only(tmp_path: Path, passphrase: str):
    path = tmp_path / "new-folder" / "vault.alliance"
    Vault.create(path, passphrase).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not path.read_bytes().startswith(b"SQLite format 3")
