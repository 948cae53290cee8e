"""The per-client plan: strategies to try next session, kept in the vault (schema v3)."""

from __future__ import annotations

import pytest

from alliance_desktop.domain import Client, ValidationError
from alliance_desktop.vault import Vault


def test_plan_starts_empty_and_keeps_order(vault: Vault, client: Client):
    assert vault.plan(client.id) == []
    vault.add_to_plan(client.id, "offer_choice", "ask which task first")
    vault.add_to_plan(client.id, "small_steps")
    plan = vault.plan(client.id)
    assert [(p.strategy, p.note) for p in plan] == [
        ("offer_choice", "ask which task first"),
        ("small_steps", ""),
    ]
    assert all(p.client_id == client.id and p.created_at for p in plan)


def test_adding_twice_keeps_one_item_with_the_new_note(vault: Vault, client: Client):
    vault.add_to_plan(client.id, "validate", "first")
    item = vault.add_to_plan(client.id, "validate", "second")
    assert item.note == "second"
    assert [p.strategy for p in vault.plan(client.id)] == ["validate"]


def test_remove(vault: Vault, client: Client):
    other = vault.save_client(Client("Dex"))
    for key in ("validate", "rationale", "small_steps"):
        vault.add_to_plan(client.id, key)
    vault.add_to_plan(other.id, "validate")
    vault.remove_from_plan(client.id, "rationale")
    assert [p.strategy for p in vault.plan(client.id)] == ["validate", "small_steps"]
    for key in ("validate", "small_steps"):
        vault.remove_from_plan(client.id, key)
    assert vault.plan(client.id) == []
    assert [p.strategy for p in vault.plan(other.id)] == ["validate"]  # untouched


def test_plan_goes_with_its_client(vault: Vault, client: Client):
    vault.add_to_plan(client.id, "validate")
    vault.delete_client(client.id)
    count = vault.conn.execute("SELECT count(*) FROM plans").fetchone()[0]
    assert count == 0


def test_plan_needs_a_client_and_a_strategy(vault: Vault, client: Client):
    with pytest.raises(ValidationError):
        vault.add_to_plan(client.id, "  ")
    with pytest.raises(ValidationError):
        vault.add_to_plan(9999, "validate")


def test_plan_survives_reopening(vault_path, passphrase: str):
    with Vault.create(vault_path, passphrase) as vault:
        cid = vault.save_client(Client("Wren")).id
        vault.add_to_plan(cid, "strong_ending", "end on the walk")
    with Vault.open(vault_path, passphrase) as again:
        assert [(p.strategy, p.note) for p in again.plan(cid)] == [
            ("strong_ending", "end on the walk")
        ]


def test_a_v1_vault_gains_plans_on_upgrade(tmp_path):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "vault_v1.alliance"
    copy = tmp_path / "old.alliance"
    shutil.copyfile(fixture, copy)
    # The passphrase is the one tests/fixtures/make_vault_v1.py wrote the fixture with.
    with Vault.open(copy, "fixture vault one passphrase") as vault:
        wren = vault.client_by_code("Wren 01")
        vault.add_to_plan(wren.id, "invite_feedback")
        assert [p.strategy for p in vault.plan(wren.id)] == ["invite_feedback"]
        assert vault.verify() == []
