"""A vault written by schema version 1 opens, upgrades in place and keeps its data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Modality, Resolution, RuptureType
from alliance_desktop.vault import MigrationError, Vault, VaultError
from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.schema import CURRENT_VERSION, migrate

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "vault_v1.alliance"
FIXTURE_PASSPHRASE = "fixture vault one passphrase"  # see tests/fixtures/make_vault_v1.py


def _user_version(path: Path, passphrase: str) -> int:
    conn = cx.connect(path, passphrase)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "old.alliance"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_fixture_is_still_version_1():
    assert CURRENT_VERSION > 1, "the fixture only tests something once there is a v2"
    assert _user_version(FIXTURE, FIXTURE_PASSPHRASE) == 1


def test_v1_vault_upgrades_and_keeps_its_data(v1_copy: Path):
    with Vault.open(v1_copy, FIXTURE_PASSPHRASE) as vault:
        assert vault.schema_version() == CURRENT_VERSION

        clients = {c.code: c for c in vault.clients()}
        assert set(clients) == {"Wren 01", "Ash 07"}
        wren = clients["Wren 01"]
        assert wren.goals == "Walk to the harbour alone"
        assert wren.start_date == date(2025, 9, 1)

        sessions = vault.sessions(wren.id)
        assert [s.date for s in sessions] == [date(2025, 10, 6), date(2025, 10, 13)]
        first, second = sessions
        assert (first.trust, first.engagement, first.goal_alignment) == (6, 5, 7)
        assert first.client_rating == 31.5
        assert first.modality is Modality.IN_PERSON
        assert first.strategies == ("validate", "transparency")
        assert first.reflection.sections == {
            "text": "She spoke about the lighthouse for the first time."
        }
        assert second.supervision is True
        assert second.reflection.template == "quick"
        [rupture] = second.ruptures
        assert rupture.type is RuptureType.WITHDRAWAL
        assert rupture.resolution is Resolution.PARTIAL
        assert rupture.markers == ("minimal_response",)
        assert rupture.note == "Went quiet after the homework question."

        hits = vault.search("lighthouse")
        assert [(h.client_code, h.session_id) for h in hits] == [("Wren 01", first.id)]
        assert [h.client_id for h in vault.search("harbour")] == [wren.id]
        assert [h.session_id for h in vault.search("homework")] == [second.id]

        # The tables version 2 added work in the upgraded file.
        vault.save_draft("new-session", {"trust": 5, "text": "half written"})
        vault.audit("opened_after_upgrade")
        assert vault.drafts() == {"new-session": {"trust": 5, "text": "half written"}}
        assert [e for _at, e, _d in vault.audit_log()] == ["opened_after_upgrade"]
        assert vault.verify() == []

        # And it still takes new writes of the old kinds.
        added = vault.save_client(Client("Fen 03"))
        assert vault.client_by_code("fen 03").id == added.id

    # The upgrade was committed: a second open finds the current version at once.
    assert _user_version(v1_copy, FIXTURE_PASSPHRASE) == CURRENT_VERSION
    with Vault.open(v1_copy, FIXTURE_PASSPHRASE) as again:
        assert len(again.sessions()) == 3
        assert again.drafts() == {"new-session": {"trust": 5, "text": "half written"}}


def test_failed_migration_rolls_back_and_says_so(tmp_path: Path, passphrase: str):
    path = tmp_path / "blocked.alliance"
    conn = cx.create_file(path, passphrase)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO clients (code, code_key, status, goals, created_at, updated_at) "
        "VALUES ('Kit 4', 'kit 4', 'active', 'keep me', 'x', 'x')"
    )
    # A table that migration 2 wants to create is already there: it must fail.
    conn.execute("CREATE TABLE drafts (anything TEXT)")
    conn.close()

    with pytest.raises(MigrationError) as caught:
        Vault.open(path, passphrase)
    assert isinstance(caught.value, VaultError)
    assert "Nothing was changed" in str(caught.value)

    # Still version 1, no audit_log half-created, the client intact.
    conn = cx.connect(path, passphrase)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "audit_log" not in tables
        assert conn.execute("SELECT code, goals FROM clients").fetchall() == [("Kit 4", "keep me")]
    finally:
        conn.close()


def test_migrate_reports_the_version_it_found(tmp_path: Path, passphrase: str):
    conn = cx.create_file(tmp_path / "fresh.alliance", passphrase)
    try:
        assert migrate(conn, target=1) == 0
        assert migrate(conn) == 1
        assert migrate(conn) == CURRENT_VERSION
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    finally:
        conn.close()
