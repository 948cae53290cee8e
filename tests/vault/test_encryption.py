"""What an attacker with the file finds: nothing readable; what the owner finds: their data."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3
from support import make_session

from alliance_desktop.domain import Client, Reflection, Resolution, Rupture, RuptureType
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.vault import Vault, WrongPassphraseError
from alliance_desktop.vault.passphrase import sql_literal

CANARY = "ZqxCanaryWord"  # one FTS token, so search can prove it was stored


def _all_text_fields(vault: Vault) -> None:
    """Write the canary into every place the user can type text."""
    client = vault.save_client(Client("Bryn 02", goals=f"goal {CANARY}1"))
    vault.add_custom_strategies([Strategy("walk_talk", f"label {CANARY}2", "custom", "")])
    vault.save_session(
        make_session(
            client.id,
            tags=(f"{CANARY}3",),
            strategies=("walk_talk",),
            reflection=Reflection(
                "gibbs",
                {"description": f"said {CANARY}4", "action_plan": f"next {CANARY}5"},
            ),
            ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.YES, note=f"note {CANARY}6")],
        )
    )
    vault.save_draft("new", {"text": f"draft {CANARY}7"})
    vault.set_settings({"export_folder": f"/home/someone/{CANARY}8"})


def _assert_unreadable(raw: bytes, *secrets: str) -> None:
    assert not raw.startswith(b"SQLite format 3")
    assert b"SQLite format 3" not in raw
    for secret in secrets:
        assert secret.encode("utf-8") not in raw
        assert secret.encode("utf-16-le") not in raw
        assert secret.encode("utf-16-be") not in raw


def test_no_text_readable_in_the_file(vault_path: Path, passphrase: str):
    with Vault.create(vault_path, passphrase) as vault:
        _all_text_fields(vault)
        # Everything really went in (else the scan below would prove nothing).
        assert {h.kind for h in vault.search(CANARY)} == {"session", "client"}
        assert vault.drafts()["new"]["text"].endswith(f"{CANARY}7")

    raw = vault_path.read_bytes()
    assert len(raw) > 4096
    _assert_unreadable(raw, CANARY, passphrase, "Bryn 02", "walk_talk", "gibbs")
    # One file only: no journal, WAL or shared-memory file left beside it.
    assert sorted(p.name for p in vault_path.parent.iterdir()) == [vault_path.name]

    # Reopening finds every piece again.
    with Vault.open(vault_path, passphrase) as vault:
        assert vault.settings()["export_folder"].endswith(f"{CANARY}8")
        assert vault.custom_strategies()[0].label == f"label {CANARY}2"
        [session] = vault.sessions()
        assert session.ruptures[0].note == f"note {CANARY}6"


def test_the_canary_check_would_catch_plaintext(tmp_path: Path):
    # The scan above must be able to fail: a plain SQLite file trips it.
    import sqlite3

    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", (f"said {CANARY}",))
    conn.close()
    with pytest.raises(AssertionError):
        _assert_unreadable(path.read_bytes(), CANARY)


def test_other_sqlcipher_tools_open_it_at_default_settings(vault_path: Path, passphrase: str):
    with Vault.create(vault_path, passphrase) as vault:
        client = vault.save_client(Client("Rook 5", goals="Return to work"))
        vault.save_session(make_session(client.id, date(2026, 1, 5), trust=9))

    conn = sqlcipher3.connect(str(vault_path))
    try:
        # Nothing but the key: SQLCipher 4's default page size, KDF and HMAC.
        conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
        assert conn.execute("PRAGMA cipher_compatibility").fetchall() in ([], [(4,)], [("4",)])
        assert conn.execute("SELECT code, goals FROM clients").fetchall() == [
            ("Rook 5", "Return to work")
        ]
        assert conn.execute("SELECT date, trust FROM sessions").fetchall() == [("2026-01-05", 9)]
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        conn.close()

    conn = sqlcipher3.connect(str(vault_path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = 'not the passphrase at all'")
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_and_new_folder_are_owner_only(tmp_path: Path, passphrase: str):
    folder = tmp_path / "new" / "place"
    path = folder / "vault.alliance"
    old_umask = os.umask(0o002)  # a permissive umask must not widen the modes
    try:
        with Vault.create(path, passphrase) as vault:
            vault.save_client(Client("Tam 1"))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("secret", "near_miss"),
    [
        ('it\'s a "quoted" pass; -- phrase', "its a quoted pass; -- phrase"),
        ("back\\slash\\\\ and '' doubled", "backslash and ' doubled"),
        ("Grüße aus Köln, naïve façade", "Grusse aus Koln, naive facade"),
        ("🔐🌊 emoji only passphrase 🦉", "🔐 emoji only passphrase 🦉"),
    ],
    ids=["quotes", "backslashes", "accents", "emoji"],
)
def test_awkward_passphrases_round_trip(tmp_path: Path, secret: str, near_miss: str):
    path = tmp_path / "v.alliance"
    with Vault.create(path, secret) as vault:
        vault.save_client(Client("Oak 9"))
    raw = path.read_bytes()
    _assert_unreadable(raw, secret)
    with Vault.open(path, secret) as vault:
        assert [c.code for c in vault.clients()] == ["Oak 9"]
    # A near miss is refused: every quote, backslash and accent was part of the key.
    with pytest.raises(WrongPassphraseError):
        Vault.open(path, near_miss)
    # And raw SQLCipher agrees on the exact bytes of the key.
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {sql_literal(secret)}")
        assert conn.execute("SELECT code FROM clients").fetchall() == [("Oak 9",)]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("plain", "'plain'"),
        ("it's", "'it''s'"),
        ("''", "''''''"),
        ("back\\slash", "'back\\slash'"),
        ('say "hi"', "'say \"hi\"'"),
        ("x'00ff'", "'x''00ff'''"),
        ("", "''"),
        ("emoji 🦉", "'emoji 🦉'"),
    ],
)
def test_sql_literal_quotes(text: str, literal: str):
    assert sql_literal(text) == literal


def test_sql_literal_is_read_back_by_sqlite_as_the_same_text():
    conn = sqlcipher3.connect(":memory:")
    try:
        for text in ["it's", "'; DROP TABLE x; --", "a\\'b", "🔐 'q' \"d\"", "\n\t'"]:
            assert conn.execute(f"SELECT {sql_literal(text)}").fetchone() == (text,)
    finally:
        conn.close()


def test_sql_literal_refuses_nul():
    with pytest.raises(ValueError, match="NUL"):
        sql_literal("before\x00after")
