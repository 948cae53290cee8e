"""vault.bulk.paused_gc: the cyclic collector is off inside, and back as it was on
every way out."""

from __future__ import annotations

import gc

import pytest

from alliance_desktop.vault.bulk import paused_gc


@pytest.fixture(autouse=True)
def _gc_back_on():
    yield
    gc.enable()


def test_off_inside_and_back_on_after():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_exception_and_an_interrupt():
    for error in (ValueError("x"), KeyboardInterrupt()):
        with pytest.raises(type(error)), paused_gc():
            raise error
        assert gc.isenabled()


def test_nested_blocks_restore_what_they_found():
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


# -- new sessions written in batches (import_records, the demo) ----------------------

from copy import deepcopy  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402

from support import PASSPHRASE, make_session  # noqa: E402

from alliance_desktop.domain import Client  # noqa: E402
from alliance_desktop.domain.models import (  # noqa: E402
    Reflection,
    Resolution,
    Rupture,
    RuptureType,
)
from alliance_desktop.vault import Vault, bulk  # noqa: E402

STAMP = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _batch(n: int, *, uuids: list[str | None] | None = None):
    out = []
    for i in range(n):
        s = make_session(
            None,
            date(2026, 1, 1) + timedelta(days=i),
            strategies=("validate",),
            tags=("sleep", "é"),
            reflection=Reflection("free", {"text": f"talked about the garden {i}"}),
            ruptures=[
                Rupture(
                    RuptureType.WITHDRAWAL,
                    Resolution.PARTIAL,
                    ("minimal_response",),
                    2,
                    note=f"went quiet {i}",
                    uuid=f"{i:032x}",
                ),
            ],
            created_at=STAMP + timedelta(minutes=i),
            updated_at=STAMP + timedelta(minutes=i),
            uuid=(uuids[i] if uuids else None),
        )
        out.append(("Ash 07", s))
    return out


def _rows(vault: Vault):
    conn = vault.conn
    return (
        conn.execute("SELECT * FROM sessions ORDER BY id").fetchall(),
        conn.execute("SELECT * FROM ruptures ORDER BY id").fetchall(),
        conn.execute("SELECT body, kind, ref FROM search_index ORDER BY rowid").fetchall(),
    )


def test_a_batch_writes_what_one_save_at_a_time_writes(vault: Vault, tmp_path):
    batch = _batch(6, uuids=[f"{i + 100:032x}" for i in range(6)])
    vault.import_records([Client("Ash 07")], deepcopy(batch))
    with Vault.create(tmp_path / "one-by-one.alliance", PASSPHRASE) as other:
        client = other.save_client(Client("Ash 07"))
        for _code, s in deepcopy(batch):
            s.client_id = client.id
            created = s.created_at
            other.save_session(s)
            other.conn.execute(  # save_session stamps "now"; the batch keeps the file's
                "UPDATE sessions SET created_at = ?, updated_at = ? WHERE id = ?",
                (created.isoformat(timespec="microseconds"),) * 2 + (s.id,),
            )
            other.conn.execute(
                "UPDATE ruptures SET updated_at = ? WHERE session_id = ?",
                (created.isoformat(timespec="microseconds"), s.id),
            )
        mine, theirs = _rows(vault), _rows(other)
    assert mine == theirs


def test_ids_follow_the_largest_and_taken_uuids_are_replaced(vault: Vault):
    client = vault.save_client(Client("Ash 07"))
    kept = vault.save_session(make_session(client.id, uuid="a" * 32))
    taken = kept.uuid
    batch = _batch(3, uuids=[taken, "b" * 32, "b" * 32])  # the vault's, then twice in the file
    batch[2][1].ruptures[0].uuid = batch[1][1].ruptures[0].uuid  # a rupture uuid twice
    sessions = [s for _c, s in batch]
    vault.import_records([], batch)
    assert [s.id for s in sessions] == [kept.id + 1, kept.id + 2, kept.id + 3]
    assert sessions[0].uuid not in (None, taken)
    assert sessions[1].uuid == "b" * 32
    assert sessions[2].uuid not in (None, "b" * 32)
    uuids = [r.uuid for s in sessions for r in s.ruptures]
    assert uuids[1] == f"{1:032x}" and len(set(uuids)) == 3
    stored = {s.id: s for s in vault.sessions()}
    assert [stored[s.id].uuid for s in sessions] == [s.uuid for s in sessions]
    assert [stored[s.id].ruptures[0].id for s in sessions] == [s.ruptures[0].id for s in sessions]
    assert {h.session_id for h in vault.search("garden")} == {s.id for s in sessions}


def test_the_statements_do_not_grow_with_the_sessions(vault: Vault, monkeypatch):
    """One INSERT per table for the whole batch, not one INSERT and one uuid SELECT per
    session: a 100k-session import went from 21.7 s to a third of that."""
    from alliance_desktop.vault import connection as cx

    seen: list[str] = []
    for name in ("execute", "executemany"):
        real = getattr(cx.Cursor, name)

        def counted(self, sql, params=(), _real=real):
            seen.append(sql)
            return _real(self, sql, params)

        monkeypatch.setattr(cx.Cursor, name, counted)

    def statements(n: int, code: str) -> int:
        seen.clear()
        vault.import_records([Client(code)], [(code, s) for _c, s in _batch(n)])
        return len(seen)

    assert statements(5, "Ash 07") == statements(50, "Birch 12")


def test_sessions_that_carry_ids_go_one_at_a_time(vault: Vault):
    client = vault.save_client(Client("Ash 07"))
    s = make_session(None)
    s.id = 41
    assert not bulk.can_insert_in_bulk(vault.conn, [s])
    vault.import_records([], [("Ash 07", s)])
    assert vault.session(41) is not None and vault.session(41).client_id == client.id


# -- memory given back after a whole-vault read ----------------------------------------


def _shrinks(vault: Vault, monkeypatch, read) -> int:
    from alliance_desktop.vault import connection as cx

    seen: list[str] = []
    real = cx.Cursor.execute

    def counted(self, sql, params=()):
        seen.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(cx.Cursor, "execute", counted)
    try:
        read()
    finally:
        monkeypatch.setattr(cx.Cursor, "execute", real)
    return seen.count("PRAGMA shrink_memory")


def test_a_whole_read_larger_than_the_cache_gives_the_cache_back(vault: Vault, monkeypatch):
    vault.import_records([Client("Ash 07")], _batch(40))
    client_id = vault.clients()[0].id
    assert _shrinks(vault, monkeypatch, vault.sessions) == 0  # fits in the cache: kept warm
    vault.conn.execute("PRAGMA cache_size = 2")  # two pages: the vault no longer fits
    assert _shrinks(vault, monkeypatch, lambda: vault.sessions(text=False)) == 1
    assert _shrinks(vault, monkeypatch, lambda: vault.sessions(client_id)) == 0  # one client
    assert len(vault.sessions()) == 40  # and reading still works after it


def test_release_memory_works_on_a_real_connection(vault: Vault):
    vault.conn.execute("PRAGMA cache_size = 2")
    bulk.release_memory(vault.conn)  # SQLCipher answers page_size as text
    assert vault.session_count() == 0
