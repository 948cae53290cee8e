"""Issue 15, the caseload's first fill reads only what the table shows: ``latest_cells``
gives each client's last sessions as the whole read does (the same sessions, in the
same order, with the same dates and ratings), as light ``LatestSession`` rows."""

from __future__ import annotations

import pytest
from support import DEMO_PASSPHRASE

from alliance_desktop.domain.models import DIMENSIONS
from alliance_desktop.vault.demo import create_demo_vault
from alliance_desktop.vault.overview import LatestSession, latest_cells

RATINGS = (*DIMENSIONS, "client_rating", "outcome_rating")


def test_latest_cells_are_the_latest_sessions_as_the_table_shows_them(tmp_path):
    vault = create_demo_vault(tmp_path / "v.alliance", DEMO_PASSPHRASE, seed=5)
    try:
        whole = {c.id: vault.sessions(c.id, text=False)[-12:] for c in vault.clients()}
        whole = {client_id: sessions for client_id, sessions in whole.items() if sessions}
        cells = latest_cells(vault, 12)
        assert cells and set(cells) == set(whole)
        for client_id, sessions in whole.items():
            light = cells[client_id]
            assert all(isinstance(s, LatestSession) for s in light)
            assert [(s.id, s.client_id, s.date) for s in light] == [
                (s.id, s.client_id, s.date) for s in sessions
            ]
            for dimension in RATINGS:
                assert [s.rating(dimension) for s in light] == [
                    s.rating(dimension) for s in sessions
                ]
        client = next(iter(whole))
        assert latest_cells(vault, 3)[client] == cells[client][-3:]
        with pytest.raises(KeyError):
            cells[client][0].rating("mood")
    finally:
        vault.close()


def test_sessions_on_the_same_day_are_ordered_as_the_whole_read(tmp_path):
    vault = create_demo_vault(tmp_path / "v.alliance", DEMO_PASSPHRASE, seed=5)
    try:
        client = vault.clients()[0]
        last = vault.sessions(client.id, text=False)[-1]
        # Two more on the latest day: the order within a day is created_at, then id.
        for _ in range(2):
            vault.save_session(last.with_(id=None, uuid=None, trust=3))
        whole = vault.sessions(client.id, text=False)
        light = latest_cells(vault, 4)[client.id]
        assert [s.id for s in light] == [s.id for s in whole[-4:]]
    finally:
        vault.close()
