"""The use cases of app/: one transaction each, exactly one audit row, nothing half done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import plans as app_plans
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app import settings as app_settings
from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.models import ClientStatus, Reflection
from alliance_desktop.vault import Vault
from alliance_desktop.vault.errors import VaultError


def events(vault: Vault) -> list[tuple[str, str]]:
    return [(event, detail) for _at, event, detail in vault.audit_log()]


def new_session(client_id: int, **kw) -> Session:
    kw.setdefault("trust", 7)
    kw.setdefault("engagement", 6)
    return Session(client_id, kw.pop("day", date(2026, 3, 2)), **kw)


@pytest.fixture
def client(vault: Vault) -> Client:
    return vault.save_client(Client("Bryn 02"))


def test_save_session_writes_session_drafts_and_plan_in_one_transaction(vault, client):
    vault.save_draft(f"new:{client.id}", {"client_id": client.id, "trust": 7})
    vault.add_to_plan(client.id, "validate")
    vault.add_to_plan(client.id, "summarize")
    before = len(events(vault))

    session = new_session(client.id, strategies=["validate"])
    outcome = app_sessions.save_session(
        vault, session, draft_slots=[f"new:{client.id}"], plan_used=["validate"]
    )

    assert isinstance(outcome, Outcome)
    saved = outcome.value
    assert saved.id is not None and session.id is None  # the caller's object is untouched
    assert vault.session(saved.id) is not None
    assert vault.drafts() == {}
    assert [p.strategy for p in vault.plan(client.id)] == ["summarize"]
    assert events(vault)[before:] == [("session_saved", "new; 1 planned strategy used")]
    assert outcome.changes.sessions and outcome.changes.drafts and outcome.changes.plans
    assert outcome.changes.session_ids == frozenset({saved.id})
    assert outcome.changes.client_ids == frozenset({client.id})


def test_a_failure_inside_save_session_leaves_session_draft_and_plan(vault, client, monkeypatch):
    slot = f"new:{client.id}"
    vault.save_draft(slot, {"client_id": client.id})
    vault.add_to_plan(client.id, "validate")
    before = events(vault)

    def broken(self, client_id, strategy):
        raise VaultError("The vault could not be written (simulated).")

    monkeypatch.setattr(Vault, "remove_from_plan", broken)
    with pytest.raises(VaultError):
        app_sessions.save_session(
            vault, new_session(client.id), draft_slots=[slot], plan_used=["validate"]
        )
    assert vault.session_count() == 0  # the session was rolled back with the rest
    assert list(vault.drafts()) == [slot]
    assert [p.strategy for p in vault.plan(client.id)] == ["validate"]
    assert events(vault) == before


def test_a_failed_audit_undoes_the_save(vault, client, monkeypatch):
    def no_audit(self, event, detail=""):
        raise VaultError("simulated")

    monkeypatch.setattr(Vault, "audit", no_audit)
    with pytest.raises(VaultError):
        app_sessions.save_session(vault, new_session(client.id))
    assert vault.session_count() == 0


def test_invalid_session_writes_nothing(vault, client):
    before = events(vault)
    with pytest.raises(ValidationError):
        app_sessions.save_session(vault, new_session(client.id, trust=99))
    assert vault.session_count() == 0 and events(vault) == before


def test_editing_a_session_is_audited_as_edited(vault, client):
    saved = app_sessions.save_session(vault, new_session(client.id)).value
    again = app_sessions.save_session(vault, replace(saved, trust=3)).value
    assert vault.session(again.id).trust == 3
    assert events(vault)[-1] == ("session_saved", "edited")


def test_drafts_are_saved_and_discarded_without_audit(vault, client):
    before = events(vault)
    out = app_sessions.save_draft(vault, "new:1", {"client_id": client.id})
    assert out.changes == Changes(drafts=True)
    assert "new:1" in vault.drafts()
    app_sessions.discard_draft(vault, "new:1")
    assert vault.drafts() == {}
    assert events(vault) == before


def test_delete_and_restore_session(vault, client):
    saved = app_sessions.save_session(
        vault, new_session(client.id, reflection=Reflection("free", {"text": "quiet"}))
    ).value
    gone = app_sessions.delete_session(vault, saved.id)
    assert gone.value.id == saved.id and vault.session_count() == 0
    assert events(vault)[-1] == ("session_deleted", "1 session")
    assert app_sessions.delete_session(vault, saved.id).value is None
    back = app_sessions.restore_session(vault, gone.value)
    assert vault.session(saved.id).reflection.plain_text() == "quiet"
    assert back.changes.session_ids == frozenset({saved.id})
    assert events(vault)[-1] == ("session_restored", "1 session")


def test_save_client_and_status(vault):
    draft = Client("Ash 1")
    saved = app_clients.save_client(vault, draft).value
    assert saved.id is not None and draft.id is None
    assert events(vault)[-1] == ("client_saved", "new")
    with pytest.raises(ValidationError):
        app_clients.save_client(vault, Client("ash 1"))  # the same code ignoring case
    assert len(vault.clients()) == 1
    out = app_clients.set_client_status(vault, saved.id, ClientStatus.CLOSED)
    assert vault.client(saved.id).status == ClientStatus.CLOSED
    assert out.changes.client_ids == frozenset({saved.id})
    assert events(vault)[-1] == ("client_status", "closed")


def test_delete_client_removes_drafts_in_the_same_transaction_and_restores(vault, client):
    s = app_sessions.save_session(
        vault, new_session(client.id, reflection=Reflection("free", {"text": "kept"}))
    ).value
    vault.add_to_plan(client.id, "validate", "try it")
    vault.save_draft(f"new:{client.id}", {"client_id": client.id, "trust": 5})
    vault.save_draft(f"session:{s.id}", {"client_id": client.id, "session_id": s.id})
    other = vault.save_client(Client("Other"))
    vault.save_draft(f"new:{other.id}", {"client_id": other.id})

    deleted = app_clients.delete_client(vault, client.id)
    gone = deleted.value
    assert vault.client(client.id) is None and vault.session_count() == 0
    assert list(vault.drafts()) == [f"new:{other.id}"]
    assert len(gone.sessions) == 1 and [p.strategy for p in gone.plan] == ["validate"]
    assert events(vault)[-1] == ("client_deleted", "1 session(s)")

    restored = app_clients.restore_client(vault, gone).value
    assert vault.client_by_code("Bryn 02").id == restored.id
    assert [x.reflection.plain_text() for x in vault.sessions(restored.id)] == ["kept"]
    assert [(p.strategy, p.note) for p in vault.plan(restored.id)] == [("validate", "try it")]
    assert f"new:{restored.id}" in vault.drafts()
    assert vault.drafts()[f"new:{restored.id}"]["client_id"] == restored.id
    assert events(vault)[-1] == ("client_restored", "1 session(s)")


def test_delete_client_failure_keeps_the_drafts(vault, client, monkeypatch):
    vault.save_draft(f"new:{client.id}", {"client_id": client.id})

    def broken(self, client_id):
        raise VaultError("simulated")

    monkeypatch.setattr(Vault, "delete_client", broken)
    with pytest.raises(VaultError):
        app_clients.delete_client(vault, client.id)
    assert list(vault.drafts()) == [f"new:{client.id}"]


def test_practice_client_is_made_once(vault):
    from alliance_desktop.domain.vignettes import VIGNETTES

    key = VIGNETTES[0].key
    first = app_clients.add_practice_client(vault, key)
    assert first.value.is_practice and first.changes.clients
    second = app_clients.add_practice_client(vault, key)
    assert second.value.id == first.value.id and not second.changes.any
    assert [e for e, _ in events(vault)].count("client_saved") == 1


def test_plan_items(vault, client):
    item = app_plans.add_plan_item(vault, client.id, "validate", "gently").value
    assert item.strategy == "validate"
    assert app_plans.remove_plan_item(vault, client.id, "validate").value is True
    assert app_plans.remove_plan_item(vault, client.id, "validate").value is False
    assert [e for e, _ in events(vault)] == ["plan_changed", "plan_changed"]


def test_settings_are_validated_once_and_written_with_their_audit(vault):
    settings = app_settings.load_settings(vault)
    assert settings.damaged == ()
    out = app_settings.update_settings(
        vault, {"client_rating_threshold": 30, "redaction_list": "a, b"}
    )
    assert out.value.client_rating.threshold == 30 and out.value.redaction_list == ("a", "b")
    assert out.changes == Changes(settings=True)
    assert app_settings.load_settings(vault) == out.value
    assert events(vault) == [("settings_changed", "3 setting(s)")]
    with pytest.raises(ValidationError) as bad:
        app_settings.update_settings(vault, {"insights.drop_points": -1, "nonsense": 1})
    assert {p.field for p in bad.value.problems} == {"insights.drop_points", "nonsense"}
    assert app_settings.load_settings(vault) == out.value
    assert len(events(vault)) == 1


def test_a_damaged_stored_setting_falls_back_and_is_named(vault):
    vault.set_settings({"insights.drop_points": "lots"})
    settings = app_settings.load_settings(vault)
    assert settings.insights.drop_points == 2.0
    assert settings.damaged == ("insights.drop_points",)
