"""Property: whatever each copy did apart, merging A into B and then B into A leaves
both with the same current records (and merging again changes nothing)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twocopies import PASSPHRASE, session

from alliance_desktop.app.merge import merge
from alliance_desktop.domain import Client
from alliance_desktop.reports.json_format import client_dict, packet_dict, session_dict
from alliance_desktop.vault import Vault

CODES = ("Ash 07", "Birch 12", "Cedar 3")
STRATEGIES = ("validate", "normalize")

_OP = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 40), st.text("abc ", max_size=6)),
    st.tuples(st.just("edit"), st.integers(0, 9), st.text("xyz ", max_size=6)),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("client"), st.sampled_from(CODES)),
    st.tuples(st.just("goals"), st.integers(0, 3), st.text("goal", max_size=5)),
    st.tuples(st.just("plan"), st.sampled_from(STRATEGIES), st.text("pq", max_size=4)),
    st.tuples(st.just("packet"), st.integers(1, 5)),
)


def _apply(vault: Vault, op: tuple) -> None:
    kind = op[0]
    clients = vault.clients()
    sessions = vault.sessions()
    if kind == "add" and clients:
        c = clients[op[1] % len(clients)]
        vault.save_session(session(c.id, date(2026, 1, 1) + timedelta(days=op[1]), op[2]))
    elif kind == "edit" and sessions:
        s = sessions[op[1] % len(sessions)]
        s.reflection.sections["text"] = op[2] + "!"
        vault.save_session(s)
    elif kind == "delete" and sessions:
        vault.delete_session(sessions[op[1] % len(sessions)].id)
    elif kind == "client" and vault.client_by_code(op[1]) is None:
        vault.save_client(Client(op[1]))
    elif kind == "goals" and clients:
        c = clients[op[1] % len(clients)]
        c.goals = op[2] + "."
        vault.save_client(c)
    elif kind == "plan" and clients:
        vault.add_to_plan(clients[0].id, op[1], op[2])
    elif kind == "packet":
        vault.save_packet_record(range_from=None, range_to=None, client_count=op[1])


def _current(path: Path) -> dict:
    with Vault.open(path, PASSPHRASE) as v:
        codes = {c.id: c.code for c in v.clients()}
        uuids = {c.id: c.uuid for c in v.clients()}
        return {
            "clients": {c.uuid: client_dict(c) for c in v.clients()},
            "sessions": {s.uuid: (session_dict(codes[s.client_id], s), uuids[s.client_id])
                         for s in v.sessions()},
            "plans": {i.uuid: (uuids[cid], i.strategy, i.note) for cid, i in v.plan_items()},
            "packets": {p.uuid: packet_dict(p) for p in v.packets()},
        }  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 07"))
        for day in (5, 12, 19):
            v.save_session(session(c.id, date(2026, 1, day), f"day {day}"))
    return path


@settings(max_examples=12, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(on_a=st.lists(_OP, max_size=5), on_b=st.lists(_OP, max_size=5))
def test_merging_both_ways_converges(base: Path, on_a: list, on_b: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a.alliance", Path(tmp) / "b.alliance"
        shutil.copyfile(base, a)
        shutil.copyfile(base, b)
        for path, ops in ((a, on_a), (b, on_b)):
            with Vault.open(path, PASSPHRASE) as v:
                for op in ops:
                    _apply(v, op)
        with Vault.open(b, PASSPHRASE) as vb:
            merge(vb, a, PASSPHRASE)
        with Vault.open(a, PASSPHRASE) as va:
            merge(va, b, PASSPHRASE)
        assert _current(a) == _current(b)
        with Vault.open(a, PASSPHRASE) as va:
            assert merge(va, b, PASSPHRASE).value.nothing
        with Vault.open(b, PASSPHRASE) as vb:
            assert merge(vb, a, PASSPHRASE).value.nothing
