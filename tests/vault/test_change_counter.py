"""The change counter (schema 8): raised once by every transaction that writes user
data, never by the audit log, drafts or the analysis cache; and the cache itself."""

from __future__ import annotations

from datetime import date

import pytest
from support import PASSPHRASE, make_session

from alliance_desktop.domain import Client, ValidationError
from alliance_desktop.vault import Vault
from alliance_desktop.vault.rotation import state_fingerprint


def test_a_new_vault_starts_at_zero_and_each_data_write_raises_it_once(vault: Vault):
    assert vault.change_counter() == 0
    client = vault.save_client(Client("Ash 07"))
    assert vault.change_counter() == 1
    session = vault.save_session(make_session(client.id))
    assert vault.change_counter() == 2
    vault.set_settings({"client_rating_max": 40.0})
    vault.add_to_plan(client.id, "validate")
    vault.delete_session(session.id)
    assert vault.change_counter() == 5


def test_nested_transactions_count_once(vault: Vault):
    with vault.transaction():
        a = vault.save_client(Client("Ash 07"))
        vault.save_session(make_session(a.id))
        vault.save_session(make_session(a.id, date(2026, 3, 9)))
    assert vault.change_counter() == 1


def test_bulk_import_counts_once(vault: Vault):
    clients = [Client(f"C{i:02d}") for i in range(5)]
    sessions = [
        (c.code, make_session(None, date(2026, 1, 1 + d))) for c in clients for d in range(9)
    ]
    vault.import_records(clients, sessions)
    assert vault.session_count() == 45
    assert vault.change_counter() == 1


def test_audit_drafts_and_cache_do_not_count(vault: Vault):
    vault.audit("opened")
    vault.save_draft("new", {"trust": 5})
    vault.delete_draft("new")
    assert vault.store_result("caseload", 0, "k", "{}")
    assert vault.change_counter() == 0


def test_a_failed_transaction_leaves_the_counter(vault: Vault):
    vault.save_client(Client("Ash 07"))
    with pytest.raises(ValidationError):
        vault.save_client(Client("ash 07"))  # the same code ignoring case
    assert vault.change_counter() == 1
    with pytest.raises(RuntimeError), vault.transaction() as conn:
        conn.execute("UPDATE clients SET goals = 'x'")
        raise RuntimeError("undo")
    assert vault.change_counter() == 1


def test_a_transaction_that_changes_nothing_does_not_count(vault: Vault):
    vault.set_client_status(12345, "closed")  # no such client: no row changes
    assert vault.change_counter() == 0


def test_cached_result_only_at_its_counter_and_key(vault: Vault):
    assert vault.cached_result("caseload", 0, "k") is None
    vault.store_result("caseload", 0, "k", '{"a": 1}')
    assert vault.cached_result("caseload", 0, "k") == '{"a": 1}'
    assert vault.cached_result("caseload", 0, "other") is None
    vault.save_client(Client("Ash 07"))
    assert vault.cached_result("caseload", vault.change_counter(), "k") is None  # stale
    vault.store_result("caseload", 1, "k", "{}")  # replaces the stale one
    rows = vault.conn.execute("SELECT count(*) FROM analysis_cache").fetchone()[0]
    assert rows == 1


def test_the_cache_is_not_user_data_for_backups(vault: Vault):
    vault.save_client(Client("Ash 07"))
    before = state_fingerprint(vault)
    vault.store_result("caseload", vault.change_counter(), "k", '{"big": "result"}')
    assert state_fingerprint(vault) == before


def test_the_counter_survives_reopening(vault_path, vault: Vault):
    vault.save_client(Client("Ash 07"))
    vault.store_result("caseload", 1, "k", "{}")
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert again.change_counter() == 1
        assert again.cached_result("caseload", 1, "k") == "{}"


def test_the_cache_is_inside_the_encrypted_file(vault_path, vault: Vault):
    marker = "cached-analysis-marker-5ac1"
    vault.store_result("caseload", 0, "k", f'{{"m": "{marker}"}}')
    vault.close()
    assert marker.encode() not in vault_path.read_bytes()


def test_an_audit_row_inside_a_transaction_does_not_count(vault: Vault):
    with vault.transaction():  # what an export does: only its audit row is written
        vault.audit("export", "json")
    assert vault.change_counter() == 0
    with vault.transaction():
        vault.audit("settings_changed")
        vault.set_settings({"client_rating_max": 40.0})
    assert vault.change_counter() == 1
