"""Recently deleted (app/trash.py): a delete keeps what it removed, in the same
transaction; restore puts it back whole; Undo takes the entry out; entries older than
30 days go at open; "Empty now" removes all."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from alliance_desktop.app import clients as app_clients
from alliance_desktop.app import sessions as app_sessions
from alliance_desktop.app import trash
from alliance_desktop.domain import Client, Modality, Session, ValidationError
from alliance_desktop.domain.models import Reflection, Resolution, Rupture, RuptureType
from alliance_desktop.vault import Vault, rows
from alliance_desktop.vault import recently_deleted as table

PASS = "trash test passphrase words"


@pytest.fixture
def vault(tmp_path: Path):
    v = Vault.create(tmp_path / "t.alliance", PASS)
    yield v
    v.close()


def _session(
    v: Vault, client_id: int, day: date, text: str = "We talked about the door"
) -> Session:
    s = Session(
        client_id,
        day,
        trust=7,
        engagement=6,
        duration_min=50,
        modality=Modality.VIDEO,
        ruptures=[
            Rupture(
                RuptureType.WITHDRAWAL,
                Resolution.PARTIAL,
                markers=("minimal_response",),
                salience=3,
                repair_strategies=("metacommunication",),
            )
        ],
        strategies=("strong_ending",),
        tags=("sleep",),
        reflection=Reflection("free", {"text": text}),
    )
    return v.save_session(s)


def test_a_deleted_session_is_listed_and_comes_back_whole(vault):
    wren = vault.save_client(Client("Wren"))
    saved = _session(vault, wren.id, date(2026, 3, 2))
    before = vault.session(saved.id)
    app_sessions.delete_session(vault, saved.id)
    assert vault.session(saved.id) is None
    [item] = trash.list_deleted(vault)
    assert item.kind == "session" and item.code == "Wren"
    assert item.session == before
    assert item.expires_at - item.deleted_at == timedelta(days=30)

    outcome = trash.restore(vault, item.id)
    assert outcome.changes.sessions
    assert vault.session(saved.id) == before
    assert trash.list_deleted(vault) == []


def test_undo_right_after_the_delete_takes_the_entry_out(vault):
    wren = vault.save_client(Client("Wren"))
    saved = _session(vault, wren.id, date(2026, 3, 2))
    gone = app_sessions.delete_session(vault, saved.id).value
    assert len(trash.list_deleted(vault)) == 1
    app_sessions.restore_session(vault, gone)
    assert trash.list_deleted(vault) == []


def test_a_deleted_client_comes_back_with_sessions_and_plan(vault):
    wren = vault.save_client(Client("Wren", goals="Sleep"))
    first = _session(vault, wren.id, date(2026, 3, 2), "one")
    second = _session(vault, wren.id, date(2026, 3, 9), "two")
    vault.add_to_plan(wren.id, "strong_ending", "next time")
    app_clients.delete_client(vault, wren.id)
    assert vault.client_by_code("Wren") is None
    [item] = trash.list_deleted(vault)
    assert item.kind == "client" and item.code == "Wren" and item.session_count == 2

    trash.restore(vault, item.id)
    back = vault.client_by_code("Wren")
    assert back is not None and back.goals == "Sleep"
    texts = sorted(s.reflection.plain_text() for s in vault.sessions(back.id))
    assert texts == ["one", "two"]
    assert [p.strategy for p in vault.plan(back.id)] == ["strong_ending"]
    assert {first.id, second.id} == {s.id for s in vault.sessions(back.id)}
    assert trash.list_deleted(vault) == []


def test_a_session_whose_client_is_gone_is_refused_and_stays_listed(vault):
    wren = vault.save_client(Client("Wren"))
    saved = _session(vault, wren.id, date(2026, 3, 2))
    app_sessions.delete_session(vault, saved.id)
    vault.delete_client(wren.id)  # below the use case: the client is simply gone
    [item] = trash.list_deleted(vault)
    with pytest.raises(ValidationError):
        trash.restore(vault, item.id)
    assert len(trash.list_deleted(vault)) == 1


def test_entries_older_than_30_days_go_and_empty_removes_all(vault):
    wren = vault.save_client(Client("Wren"))
    old = _session(vault, wren.id, date(2026, 1, 5), "old")
    new = _session(vault, wren.id, date(2026, 3, 2), "new")
    app_sessions.delete_session(vault, new.id)
    gone = vault.delete_session(old.id)
    table.add(
        vault,
        "session",
        {"code": "Wren", "session": trash.encode(gone)},
        when=rows.now() - timedelta(days=31),
    )
    assert len(trash.list_deleted(vault)) == 2
    assert trash.purge_expired(vault).value == 1
    [left] = trash.list_deleted(vault)
    assert left.session is not None and left.session.reflection.plain_text() == "new"
    assert trash.empty(vault).value == 1
    assert trash.list_deleted(vault) == []
    events = [event for _at, event, _detail in vault.audit_log()]
    assert "recently_deleted_expired" in events and "recently_deleted_emptied" in events


def test_a_failed_delete_leaves_no_entry(vault, monkeypatch):
    wren = vault.save_client(Client("Wren"))
    saved = _session(vault, wren.id, date(2026, 3, 2))

    def broken(*_a, **_k):
        raise RuntimeError("audit failed")

    monkeypatch.setattr(vault, "audit", broken)
    with pytest.raises(RuntimeError):
        app_sessions.delete_session(vault, saved.id)
    monkeypatch.undo()
    assert vault.session(saved.id) is not None
    assert trash.list_deleted(vault) == []


def test_a_taken_session_id_is_restored_under_a_new_one(vault):
    wren = vault.save_client(Client("Wren"))
    saved = _session(vault, wren.id, date(2026, 3, 2), "first")
    app_sessions.delete_session(vault, saved.id)
    [item] = trash.list_deleted(vault)
    assert item.session is not None
    vault.restore_session(item.session)  # the same id is in use again
    restored = trash.restore(vault, item.id).value
    assert restored.session is not None and restored.session.id != saved.id
    assert len(vault.sessions(wren.id)) == 2
