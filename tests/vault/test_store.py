"""The Vault's repository methods, against a real encrypted file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support import make_session

from alliance_desktop.app import backups
from alliance_desktop.domain import (
    Client,
    ClientStatus,
    Modality,
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
    ValidationError,
)
from alliance_desktop.domain.strategies import Strategy
from alliance_desktop.vault import Vault, VaultLockedError

# -- clients -------------------------------------------------------------------


def test_client_codes_are_unique_ignoring_case_and_spaces(vault: Vault):
    vault.save_client(Client("Bryn 02"))
    with pytest.raises(ValidationError) as caught:
        vault.save_client(Client("  bRYN 02 "))
    [message] = caught.value.for_field("code")
    assert "already exists" in message
    assert [c.code for c in vault.clients()] == ["Bryn 02"]


def test_renaming_a_client_to_another_code_is_refused(vault: Vault):
    a = vault.save_client(Client("Alder 1"))
    vault.save_client(Client("Birch 2"))
    a.code = "BIRCH 2"
    with pytest.raises(ValidationError) as caught:
        vault.save_client(a)
    assert [p.field for p in caught.value.problems] == ["code"]
    assert vault.client(a.id).code == "Alder 1"
    # Changing only the case of one's own code is fine.
    a.code = "ALDER 1"
    vault.save_client(a)
    assert vault.client_by_code("alder 1").code == "ALDER 1"


def test_invalid_client_is_refused_with_every_problem(vault: Vault):
    with pytest.raises(ValidationError) as caught:
        vault.save_client(Client("", start_date=date(2999, 1, 1), goals="x\x00y"))
    assert {p.field for p in caught.value.problems} == {"code", "start_date", "goals"}
    assert vault.clients() == []


def test_client_status_and_summaries(vault: Vault):
    c = vault.save_client(Client("Elm 4", start_date=date(2025, 1, 6)))
    vault.save_session(make_session(c.id, date(2026, 1, 5)))
    vault.save_session(make_session(c.id, date(2026, 2, 9)))
    vault.set_client_status(c.id, ClientStatus.CLOSED)
    [summary] = vault.client_summaries()
    assert summary.client.status is ClientStatus.CLOSED
    assert (summary.sessions, summary.first_session, summary.last_session) == (
        2,
        date(2026, 1, 5),
        date(2026, 2, 9),
    )


def test_status_given_as_plain_text_is_stored_as_the_enum(vault: Vault):
    # Validation accepts "closed" (StrEnum compares equal); saving must not crash on it.
    c = vault.save_client(Client("Fir 6", status="closed"))  # type: ignore[arg-type]
    assert vault.client(c.id).status is ClientStatus.CLOSED


def test_delete_client_takes_sessions_ruptures_and_search_with_it(vault: Vault):
    gone = vault.save_client(Client("Gorse 1", goals="quarry swimming"))
    kept = vault.save_client(Client("Heath 2", goals="quarry walking"))
    s = vault.save_session(
        make_session(
            gone.id,
            reflection=Reflection("free", {"text": "talked about the quarry"}),
            ruptures=[Rupture(RuptureType.CONFRONTATION, Resolution.NO, note="quarry fight")],
        )
    )
    vault.save_session(make_session(kept.id))
    assert len(vault.search("quarry")) == 3

    vault.delete_client(gone.id)

    assert vault.client(gone.id) is None
    assert vault.session(s.id) is None
    assert [x.client_id for x in vault.sessions()] == [kept.id]
    assert vault.conn.execute("SELECT count(*) FROM ruptures").fetchone() == (0,)
    assert [(h.kind, h.client_id) for h in vault.search("quarry")] == [("client", kept.id)]


# -- sessions ------------------------------------------------------------------


def _full_session(client_id: int):
    return make_session(
        client_id,
        date(2026, 3, 2),
        goal_alignment=5,
        approach_fit=10,
        duration_min=50,
        modality=Modality.VIDEO,
        client_rating=33.5,
        supervision=True,
        strategies=("validate", "rationale"),
        tags=("sleep", "work"),
        reflection=Reflection("quick", {"between_us": "warmer", "next": "ask about pace"}),
        ruptures=[
            Rupture(
                RuptureType.WITHDRAWAL,
                Resolution.PARTIAL,
                markers=("minimal_response", "deferential"),
                salience=4,
                repair_strategies=("metacommunication",),
                note="went quiet",
            ),
            Rupture(RuptureType.CONFRONTATION, Resolution.YES, markers=("complaint_parameters",)),
        ],
    )


def _content(s):
    return (
        s.client_id, s.date, s.trust, s.engagement, s.goal_alignment, s.approach_fit,
        s.duration_min, s.modality, s.client_rating, s.ruptures, s.strategies, s.tags,
        s.reflection, s.supervision,
    )  # fmt: skip


def test_session_round_trips_with_its_ruptures(vault: Vault, client: Client):
    saved = vault.save_session(_full_session(client.id))
    assert saved.id is not None and saved.created_at is not None
    loaded = vault.session(saved.id)
    assert _content(loaded) == _content(_full_session(client.id))
    assert loaded.ruptures[0].markers == ("minimal_response", "deferential")
    assert [r.type for r in loaded.ruptures] == [RuptureType.WITHDRAWAL, RuptureType.CONFRONTATION]
    assert loaded.created_at == saved.created_at


def test_update_replaces_ruptures_and_keeps_created_at(vault: Vault, client: Client):
    saved = vault.save_session(_full_session(client.id))
    created = saved.created_at
    saved.ruptures = [Rupture(RuptureType.CONFRONTATION, Resolution.NO, note="new strain")]
    saved.trust = 2
    vault.save_session(saved)
    [loaded] = vault.sessions(client.id)
    assert loaded.trust == 2
    assert [r.note for r in loaded.ruptures] == ["new strain"]
    assert loaded.created_at == created
    assert loaded.updated_at >= created
    assert vault.conn.execute("SELECT count(*) FROM ruptures").fetchone() == (1,)


def test_invalid_session_changes_nothing(vault: Vault, client: Client):
    saved = vault.save_session(make_session(client.id, trust=7))
    bad = vault.session(saved.id)
    bad.trust = 11
    bad.engagement = None
    with pytest.raises(ValidationError) as caught:
        vault.save_session(bad)
    assert {p.field for p in caught.value.problems} == {"trust", "engagement"}
    assert vault.session(saved.id).trust == 7


def test_session_needs_an_existing_client(vault: Vault):
    with pytest.raises(ValidationError) as caught:
        vault.save_session(make_session(424242))
    assert caught.value.for_field("client")
    assert vault.session_count() == 0


def test_modality_and_rupture_enums_given_as_text(vault: Vault, client: Client):
    # What validation accepts, the store must be able to write.
    s = make_session(
        client.id,
        modality="phone",
        ruptures=[Rupture("withdrawal", "yes", markers=("denial",))],  # type: ignore[arg-type]
    )
    saved = vault.save_session(s)
    loaded = vault.session(saved.id)
    assert loaded.modality is Modality.PHONE
    assert loaded.ruptures[0].type is RuptureType.WITHDRAWAL
    assert loaded.ruptures[0].resolution is Resolution.YES


def test_delete_then_undo_restores_same_id_content_and_search(vault: Vault, client: Client):
    saved = vault.save_session(
        make_session(client.id, reflection=Reflection("free", {"text": "the greenhouse memory"}))
    )
    other = vault.save_session(make_session(client.id, date(2026, 3, 9)))
    before = vault.session(saved.id)

    gone = vault.delete_session(saved.id)
    assert gone is not None and gone.id == saved.id
    assert vault.session(saved.id) is None
    assert vault.search("greenhouse") == []
    assert vault.delete_session(saved.id) is None  # a second delete is a no-op

    back = vault.restore_session(gone)
    assert back.id == saved.id
    restored = vault.session(saved.id)
    assert _content(restored) == _content(before)
    assert (restored.created_at, restored.updated_at) == (before.created_at, before.updated_at)
    assert [h.session_id for h in vault.search("greenhouse")] == [saved.id]
    assert [s.id for s in vault.sessions(client.id)] == [saved.id, other.id]


def test_restore_refuses_when_the_client_is_gone(vault: Vault, client: Client):
    saved = vault.save_session(make_session(client.id))
    gone = vault.delete_session(saved.id)
    vault.delete_client(client.id)
    with pytest.raises(ValidationError) as caught:
        vault.restore_session(gone)
    assert caught.value.for_field("client")
    assert vault.session_count() == 0


def test_tags_most_used_first_then_alphabetical(vault: Vault, client: Client):
    vault.save_session(make_session(client.id, tags=("sleep", "work")))
    vault.save_session(make_session(client.id, tags=("sleep", "anger")))
    vault.save_session(make_session(client.id, tags=("sleep", "work", "zebra")))
    assert vault.tags() == ["sleep", "work", "anger", "zebra"]


def test_closed_vault_says_it_is_locked(vault_path: Path, passphrase: str):
    v = Vault.create(vault_path, passphrase)
    v.close()
    assert not v.is_open
    with pytest.raises(VaultLockedError):
        v.clients()
    v.close()  # closing twice is harmless


# -- settings ------------------------------------------------------------------


def test_settings_defaults_and_persistence(vault: Vault, vault_path: Path, passphrase: str):
    assert vault.setting("client_rating_max") == 40.0
    assert vault.setting("client_rating_threshold") == 36.0
    assert vault.setting("no_such_setting") is None
    scale = vault.client_rating_scale()
    assert (scale.maximum, scale.threshold) == (40.0, 36.0)

    vault.set_settings({"client_rating_max": 10, "client_rating_threshold": 7, "theme": "dark"})
    vault.close()
    with Vault.open(vault_path, passphrase) as again:
        assert again.client_rating_scale().maximum == 10.0
        assert again.settings()["theme"] == "dark"


@pytest.mark.parametrize(
    "values",
    [
        {"client_rating_max": 30},  # below the default threshold of 36
        {"client_rating_max": 0},
        {"client_rating_max": 5000},
        {"client_rating_threshold": -1},
        {"client_rating_threshold": 41},
        {"client_rating_max": "forty"},
        {"client_rating_max": float("nan")},
    ],
)
def test_client_rating_scale_settings_are_validated(vault: Vault, values):
    with pytest.raises(ValidationError) as caught:
        vault.set_settings({**values, "theme": "dark"})
    assert [p.field for p in caught.value.problems] == ["client_rating_scale"]
    assert vault.settings() == {"client_rating_max": 40.0, "client_rating_threshold": 36.0}


def test_client_rating_is_checked_against_the_scale_in_settings(vault: Vault, client: Client):
    vault.save_session(make_session(client.id, client_rating=40))
    vault.set_settings({"client_rating_max": 10, "client_rating_threshold": 8})
    with pytest.raises(ValidationError) as caught:
        vault.save_session(make_session(client.id, client_rating=10.5))
    assert caught.value.for_field("client_rating") == ["must be from 0 to 10"]


# -- custom strategies --------------------------------------------------------


def test_custom_strategies(vault: Vault, client: Client):
    with pytest.raises(ValidationError) as caught:
        vault.save_session(make_session(client.id, strategies=("walk_and_talk",)))
    assert caught.value.for_field("strategies") == ["unknown strategy 'walk_and_talk'"]

    vault.add_custom_strategies([Strategy("walk_and_talk", "  Walk and talk ", "fit", "outside")])
    [custom] = vault.custom_strategies()
    assert (custom.key, custom.label, custom.group, custom.builtin) == (
        "walk_and_talk",
        "Walk and talk",
        "fit",
        False,
    )
    assert "walk_and_talk" in vault.strategy_catalogue()
    assert "validate" in vault.strategy_catalogue()
    saved = vault.save_session(make_session(client.id, strategies=("walk_and_talk", "validate")))
    assert vault.session(saved.id).strategies == ("walk_and_talk", "validate")

    # Saving again under the same key updates it.
    vault.add_custom_strategies([Strategy("walk_and_talk", "Walking session", "custom", "")])
    assert [s.label for s in vault.custom_strategies()] == ["Walking session"]


@pytest.mark.parametrize(
    ("strategy", "fields"),
    [
        (Strategy("Bad Key", "Label", "custom", ""), ["key"]),
        (Strategy("x", "Too short a key", "custom", ""), ["key"]),
        (Strategy("validate", "Mine now", "trust", ""), ["key"]),  # a built-in key
        (Strategy("my_way", "My way", "nowhere", ""), ["group"]),
        (Strategy("my_way", "   ", "custom", ""), ["label"]),
        (Strategy("9lives", "Nine", "elsewhere", ""), ["key", "group"]),
    ],
)
def test_invalid_custom_strategies_are_refused(vault: Vault, strategy: Strategy, fields):
    with pytest.raises(ValidationError) as caught:
        vault.add_custom_strategies([Strategy("fine_one", "Fine", "custom", ""), strategy])
    assert [p.field for p in caught.value.problems] == fields
    assert vault.custom_strategies() == ()  # the valid one was not written either
    assert vault.strategy_catalogue()["validate"].label == "Validate"


# -- drafts and audit -----------------------------------------------------------


def test_drafts_save_load_replace_delete(vault: Vault, vault_path: Path, passphrase: str):
    assert vault.drafts() == {}
    vault.save_draft("new", {"trust": 6, "text": "naïve first 🌱 line"})
    vault.save_draft("session-3", {"trust": 2})
    vault.save_draft("new", {"trust": 7, "text": "second thoughts"})
    vault.close()
    with Vault.open(vault_path, passphrase) as again:
        assert again.drafts() == {
            "session-3": {"trust": 2},
            "new": {"trust": 7, "text": "second thoughts"},
        }
        again.delete_draft("new")
        again.delete_draft("never-existed")
        assert list(again.drafts()) == ["session-3"]


def test_audit_log_records_events_not_content(vault: Vault, client: Client, tmp_path: Path):
    secret_text = "she told me about the accident"
    vault.save_session(
        make_session(client.id, reflection=Reflection("free", {"text": secret_text}))
    )
    vault.audit("export", "csv")
    backups.backup(vault, tmp_path / "copy.alliance")
    vault.change_passphrase("a brand new long passphrase")
    log = vault.audit_log()
    assert [event for _at, event, _detail in log] == ["export", "backup", "passphrase_changed"]
    assert log[0][2] == "csv"
    dumped = json.dumps(log)
    for private in (secret_text, "Bryn 02", "brand new", "copy.alliance"):
        assert private not in dumped
    assert all(date.fromisoformat(at[:10]) for at, _e, _d in log)


def test_a_datetime_session_date_is_refused_and_the_vault_stays_readable(
    vault: Vault, client: Client
):
    from datetime import datetime

    vault.save_session(make_session(client.id))
    with pytest.raises(ValidationError) as caught:
        vault.save_session(make_session(client.id, datetime(2026, 3, 2, 9, 30)))
    assert caught.value.for_field("date")
    assert [s.date for s in vault.sessions()] == [date(2026, 3, 2)]
