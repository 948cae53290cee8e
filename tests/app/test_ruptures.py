"""Repairing a rupture later: one transaction, its own audit row, the right changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from support import make_session

from alliance_desktop.app import ruptures as app_ruptures
from alliance_desktop.domain import Client, Resolution, Rupture, RuptureType
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.vault import Vault

DAY = date(2026, 3, 2)


def events(vault: Vault) -> list[tuple[str, str]]:
    return [(event, detail) for _at, event, detail in vault.audit_log()]


@pytest.fixture
def open_rupture(vault: Vault, client: Client) -> tuple[int, int]:
    saved = vault.save_session(
        make_session(client.id, DAY, ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO)])
    )
    return saved.id, saved.ruptures[0].id


def test_repair_rupture_writes_the_day_and_one_audit_row(vault, client, open_rupture):
    session_id, rupture_id = open_rupture
    before = len(events(vault))
    outcome = app_ruptures.repair_rupture(vault, rupture_id, DAY + timedelta(days=14))
    assert outcome.value.resolved_on == DAY + timedelta(days=14)
    assert outcome.value.repaired
    assert vault.session(session_id).ruptures[0].resolved_on == DAY + timedelta(days=14)
    assert events(vault)[before:] == [("rupture_repaired", "")]
    assert outcome.changes.sessions
    assert outcome.changes.session_ids == frozenset({session_id})
    assert outcome.changes.client_ids == frozenset({client.id})


def test_reopen_rupture_takes_the_repair_back(vault, client, open_rupture):
    session_id, rupture_id = open_rupture
    app_ruptures.repair_rupture(vault, rupture_id, DAY + timedelta(days=7))
    before = len(events(vault))
    outcome = app_ruptures.reopen_rupture(vault, rupture_id)
    assert outcome.value.resolved_on is None and not outcome.value.repaired
    assert [o.rupture.id for o in vault.open_ruptures(client.id)] == [rupture_id]
    assert events(vault)[before:] == [("rupture_reopened", "")]
    assert outcome.changes.session_ids == frozenset({session_id})


def test_a_refused_repair_writes_nothing_not_even_the_audit_row(vault, client, open_rupture):
    session_id, rupture_id = open_rupture
    before = events(vault)
    with pytest.raises(ValidationError) as caught:
        app_ruptures.repair_rupture(vault, rupture_id, DAY - timedelta(days=1))
    assert str(caught.value) == "resolved_on: cannot be before the session's date"
    with pytest.raises(ValidationError):
        app_ruptures.repair_rupture(vault, rupture_id + 100, DAY)
    assert events(vault) == before
    assert vault.session(session_id).ruptures[0].resolved_on is None


def test_a_failing_audit_row_undoes_the_repair(vault, client, open_rupture, monkeypatch):
    session_id, rupture_id = open_rupture

    def broken(*_a, **_k):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(vault, "audit", broken)
    with pytest.raises(RuntimeError):
        app_ruptures.repair_rupture(vault, rupture_id, DAY + timedelta(days=1))
    assert vault.session(session_id).ruptures[0].resolved_on is None
