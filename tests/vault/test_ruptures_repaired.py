"""Schema v5: the outcome rating and ruptures repaired later, kept across every edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import PASSPHRASE, make_session

from alliance_desktop.domain import Client, Resolution, Rupture, RuptureType
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.vault import Vault
from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.schema import CURRENT_VERSION, migrate

DAY = date(2026, 3, 2)


def _open_rupture(**kw) -> Rupture:
    return Rupture(RuptureType.WITHDRAWAL, Resolution.PARTIAL, markers=("denial",), **kw)


def test_a_version_4_vault_gains_both_columns_and_keeps_its_ruptures(tmp_path: Path):
    path = tmp_path / "v4.alliance"
    conn = cx.create_file(path, PASSPHRASE)
    try:
        with conn.untranslated():
            migrate(conn, target=4)
        conn.execute(
            "INSERT INTO clients (code, code_key, status, created_at, updated_at) "
            "VALUES ('Ash 07', 'ash 07', 'active', '2026-01-01T00:00:00+00:00', "
            "'2026-01-01T00:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO sessions (client_id, date, trust, engagement, client_rating, "
            "created_at, updated_at) VALUES (1, '2026-01-05', 6, 5, 33.0, "
            "'2026-01-05T10:00:00+00:00', '2026-01-05T10:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO ruptures (session_id, position, type, resolution) "
            "VALUES (1, 0, 'confrontation', 'no')"
        )
        conn.commit()
    finally:
        conn.close()
    assert CURRENT_VERSION >= 5  # version 5 added the columns; later ones keep them
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.schema_version() == CURRENT_VERSION
        (session,) = vault.sessions()
        assert session.outcome_rating is None and session.client_rating == 33.0
        (rupture,) = session.ruptures
        assert rupture.resolved_on is None and rupture.id is not None and not rupture.repaired
        assert [o.rupture.id for o in vault.open_ruptures()] == [rupture.id]


def test_outcome_rating_and_resolved_on_round_trip(vault: Vault, client: Client):
    saved = vault.save_session(
        make_session(
            client.id,
            DAY,
            outcome_rating=18.5,
            ruptures=[_open_rupture(resolved_on=DAY + timedelta(days=14))],
        )
    )
    loaded = vault.session(saved.id)
    assert loaded.outcome_rating == 18.5
    assert loaded.ruptures[0].resolved_on == DAY + timedelta(days=14)
    assert loaded.ruptures[0].repaired
    assert vault.sessions(text=False)[0].ruptures[0].resolved_on == DAY + timedelta(days=14)


def test_an_outcome_above_the_vaults_maximum_is_refused(vault: Vault, client: Client):
    vault.set_settings({"outcome.max": 30.0, "outcome.cutoff": 20.0})
    with pytest.raises(ValidationError) as caught:
        vault.save_session(make_session(client.id, DAY, outcome_rating=35))
    assert caught.value.for_field("outcome_rating") == ["must be from 0 to 30"]
    assert vault.sessions() == []


def test_marking_a_rupture_repaired_later_and_taking_it_back(vault: Vault, client: Client):
    first = vault.save_session(make_session(client.id, DAY, ruptures=[_open_rupture()]))
    vault.save_session(make_session(client.id, DAY + timedelta(days=7)))
    rid = vault.session(first.id).ruptures[0].id
    assert [o.session_date for o in vault.open_ruptures(client.id)] == [DAY]

    repaired = vault.mark_rupture_repaired(rid, DAY + timedelta(days=14))
    assert repaired.resolved_on == DAY + timedelta(days=14) and repaired.id == rid
    assert vault.session(first.id).ruptures[0].resolved_on == DAY + timedelta(days=14)
    assert vault.open_ruptures() == [] and vault.open_ruptures(client.id) == []

    vault.clear_rupture_repair(rid)
    assert vault.session(first.id).ruptures[0].resolved_on is None
    (still_open,) = vault.open_ruptures()
    assert (still_open.client_id, still_open.client_code) == (client.id, client.code)
    assert still_open.session_id == first.id


def test_a_repair_before_the_session_or_in_the_future_is_refused(vault: Vault, client: Client):
    saved = vault.save_session(make_session(client.id, DAY, ruptures=[_open_rupture()]))
    rid = saved.ruptures[0].id
    for bad, message in (
        (DAY - timedelta(days=1), "cannot be before the session's date"),
        (date.today() + timedelta(days=1), "cannot be in the future"),
    ):
        with pytest.raises(ValidationError) as caught:
            vault.mark_rupture_repaired(rid, bad)
        assert caught.value.for_field("resolved_on") == [message]
    assert vault.session(saved.id).ruptures[0].resolved_on is None


def test_a_rupture_resolved_in_session_or_unknown_cannot_be_marked(vault: Vault, client: Client):
    resolved = Rupture(RuptureType.CONFRONTATION, Resolution.YES)
    saved = vault.save_session(make_session(client.id, DAY, ruptures=[resolved]))
    with pytest.raises(ValidationError):
        vault.mark_rupture_repaired(saved.ruptures[0].id, DAY)
    with pytest.raises(ValidationError):
        vault.mark_rupture_repaired(999_999, DAY)
    assert vault.open_ruptures() == []  # resolved in session is not open


def test_editing_the_session_keeps_rupture_ids_and_the_later_repair(vault: Vault, client: Client):
    saved = vault.save_session(
        make_session(
            client.id,
            DAY,
            ruptures=[_open_rupture(note="went quiet"), Rupture(RuptureType.CONFRONTATION, "no")],
        )
    )
    ids = [r.id for r in vault.session(saved.id).ruptures]
    vault.mark_rupture_repaired(ids[0], DAY + timedelta(days=21))

    # An editor that knows nothing of ids or later repairs rebuilds the ruptures.
    edited = vault.session(saved.id)
    edited.trust = 3
    edited.ruptures = [
        _open_rupture(note="went quiet, then angry"),
        Rupture(RuptureType.CONFRONTATION, Resolution.PARTIAL),
    ]
    vault.save_session(edited)
    after = vault.session(saved.id)
    assert [r.id for r in after.ruptures] == ids
    assert after.ruptures[0].resolved_on == DAY + timedelta(days=21)
    assert after.ruptures[0].note == "went quiet, then angry"
    assert after.ruptures[1].resolution is Resolution.PARTIAL

    # One carrying ids keeps them too; a rupture taken out is gone.
    again = vault.session(saved.id)
    again.ruptures = [again.ruptures[1]]
    vault.save_session(again)
    assert [r.id for r in vault.session(saved.id).ruptures] == [ids[1]]
    assert [o.rupture.id for o in vault.open_ruptures()] == [ids[1]]


def test_saving_leaves_the_callers_ruptures_alone(vault: Vault, client: Client):
    rupture = _open_rupture()
    vault.save_session(replace(make_session(client.id, DAY), ruptures=[rupture]))
    assert rupture.id is None


def test_moving_the_session_after_its_repair_day_is_refused(vault: Vault, client: Client):
    saved = vault.save_session(make_session(client.id, DAY, ruptures=[_open_rupture()]))
    vault.mark_rupture_repaired(saved.ruptures[0].id, DAY + timedelta(days=7))
    moved = vault.session(saved.id)
    moved.date = DAY + timedelta(days=10)
    with pytest.raises(ValidationError) as caught:
        vault.save_session(moved)
    assert [p.field for p in caught.value.problems] == ["ruptures[0].resolved_on"]
    assert vault.session(saved.id).date == DAY


def test_undoing_a_delete_brings_ruptures_back_under_their_ids(vault: Vault, client: Client):
    saved = vault.save_session(make_session(client.id, DAY, ruptures=[_open_rupture()]))
    rid = saved.ruptures[0].id
    vault.mark_rupture_repaired(rid, DAY + timedelta(days=3))
    gone = vault.delete_session(saved.id)
    assert vault.rupture(rid) is None
    vault.restore_session(gone)
    session, rupture = vault.rupture(rid)
    assert session.id == saved.id and rupture.resolved_on == DAY + timedelta(days=3)
