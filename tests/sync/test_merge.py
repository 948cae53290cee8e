"""merge(): every combination of added, changed and deleted on each side, conflicts
kept, tombstones against edits, idempotence, and OTHER left byte for byte as it was."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from twocopies import (
    PASSPHRASE,
    Pair,
    digest,
    pair_fixture,  # noqa: F401  (the `pair` fixture)
    session,
)

from alliance_desktop.app.merge import MergeReport, merge
from alliance_desktop.domain import Client, Resolution, Rupture, RuptureType
from alliance_desktop.vault import Vault, WrongPassphraseError, sync


def _merge(pair: Pair, **kw) -> MergeReport:
    before = digest(pair.other_path)
    with pair.open_here() as v:
        report = merge(v, pair.other_path, PASSPHRASE, **kw).value
    if not kw.get("move_aside"):
        assert digest(pair.other_path) == before  # OTHER is never written
    return report


def _texts(path: Path) -> dict[str, str]:
    with Vault.open(path, PASSPHRASE) as v:
        return {s.uuid: s.reflection.sections.get("text", "") for s in v.sessions()}


def _edit(path: Path, index: int, text: str) -> str:
    with Vault.open(path, PASSPHRASE) as v:
        s = v.sessions()[index]
        s.reflection.sections["text"] = text
        v.save_session(s)
        return s.uuid


def test_two_copies_share_every_uuid(pair: Pair) -> None:
    assert _texts(pair.here_path) == _texts(pair.other_path)
    with pair.open_here() as v:
        (client,) = v.clients()
        assert len(client.uuid) == 32 and client.updated_at is not None
        assert all(len(s.uuid) == 32 for s in v.sessions())


def test_an_unchanged_copy_merges_to_nothing_new(pair: Pair) -> None:
    report = _merge(pair)
    assert report.nothing and report.summary() == "merged: nothing new"
    with pair.open_here() as v:
        assert v.audit_log()[-1][1:] == (
            "merge",
            "new clients=0 sessions=0 plans=0 packets=0 strategies=0; changed=0 "
            "conflicts=0 deleted=0",
        )


def test_records_added_on_the_other_side_are_added_here(pair: Pair) -> None:
    with pair.open_other() as o:
        (c,) = o.clients()
        o.save_session(session(c.id, date(2026, 1, 19), "third"))
        new = o.save_client(Client("Birch 12"))
        o.save_session(session(new.id, date(2026, 1, 20), "birch"))
        o.add_to_plan(c.id, "validate", "next time")
        o.save_packet_record(range_from=None, range_to=None, client_count=1, questions=["q?"])
    report = _merge(pair)
    assert (report.new_clients, report.new_sessions, report.new_plan_items,
            report.new_packets) == (1, 2, 1, 1)  # fmt: skip
    assert report.summary() == (
        "merged: 1 new client, 2 new sessions, 1 new plan item, 1 new packet record"
    )
    assert _texts(pair.here_path) == _texts(pair.other_path)
    with pair.open_here() as v:
        assert [p.strategy for p in v.plan(v.client_by_code("Ash 07").id)] == ["validate"]
        assert v.search("birch")  # the search index knows the merged session


def test_records_added_here_stay_and_nothing_is_deleted(pair: Pair) -> None:
    with pair.open_here() as v:
        v.save_session(session(v.clients()[0].id, date(2026, 1, 19), "mine only"))
    assert _merge(pair).nothing
    assert "mine only" in _texts(pair.here_path).values()


def test_a_change_made_only_there_is_taken(pair: Pair) -> None:
    uid = _edit(pair.other_path, 0, "edited there")
    report = _merge(pair)
    assert (report.changed, report.conflicts) == (1, 0)
    assert report.summary() == "merged: 1 changed"
    assert _texts(pair.here_path)[uid] == "edited there"


def test_a_change_made_only_here_is_kept(pair: Pair) -> None:
    uid = _edit(pair.here_path, 0, "edited here")
    assert _merge(pair).nothing
    assert _texts(pair.here_path)[uid] == "edited here"


def test_a_change_on_both_sides_keeps_the_newer_and_the_other_as_a_conflict(pair: Pair) -> None:
    uid = _edit(pair.here_path, 0, "edited here first")
    _edit(pair.other_path, 0, "edited there later")
    report = _merge(pair)
    assert (report.changed, report.conflicts) == (1, 1)
    assert report.summary() == "merged: 1 changed, 1 conflict kept"
    assert _texts(pair.here_path)[uid] == "edited there later"
    with pair.open_here() as v:
        (kept,) = sync.conflicts(v)
    assert (kept.uuid, kept.kind) == (uid, "session")
    assert kept.payload["reflection"]["sections"]["text"] == "edited here first"
    assert kept.payload["client"] == "Ash 07" and kept.payload["uuid"] == uid
    assert kept.source == "vault.alliance"


def test_when_this_side_is_newer_the_other_version_is_the_conflict(pair: Pair) -> None:
    _edit(pair.other_path, 0, "edited there first")
    uid = _edit(pair.here_path, 0, "edited here later")
    report = _merge(pair)
    assert (report.changed, report.conflicts) == (0, 1)
    assert report.summary() == "merged: 1 conflict kept"
    assert _texts(pair.here_path)[uid] == "edited here later"
    with pair.open_here() as v:
        (kept,) = sync.conflicts(v)
    assert kept.payload["reflection"]["sections"]["text"] == "edited there first"


def test_merging_the_same_copy_again_changes_nothing(pair: Pair) -> None:
    _edit(pair.here_path, 0, "here")
    _edit(pair.other_path, 0, "there")
    _edit(pair.other_path, 1, "there too")
    with pair.open_other() as o:
        o.save_session(session(o.clients()[0].id, date(2026, 2, 2), "new there"))
    first = _merge(pair)
    assert not first.nothing
    before = digest(pair.here_path)
    with pair.open_here() as v:
        log = len(v.audit_log())
    second = _merge(pair)
    assert second.nothing, second
    with pair.open_here() as v:
        assert len(sync.conflicts(v)) == 1
        assert len(v.audit_log()) == log + 1  # only the merge row itself
    assert before != digest(pair.here_path)


def test_a_deletion_there_without_an_edit_here_deletes_it_here(pair: Pair) -> None:
    with pair.open_other() as o:
        gone = o.sessions()[0]
        o.delete_session(gone.id)
    report = _merge(pair)
    assert report.deleted == 1 and report.summary() == "merged: 1 deleted"
    assert gone.uuid not in _texts(pair.here_path)
    with pair.open_here() as v:
        assert gone.uuid in {t.uuid for t in sync.tombstones(v)}
        assert not v.search("first")
    assert _merge(pair).nothing


def test_a_deletion_there_and_an_edit_here_keeps_the_edit(pair: Pair) -> None:
    with pair.open_other() as o:
        o.delete_session(o.sessions()[0].id)
    uid = _edit(pair.here_path, 0, "edited here after all")
    report = _merge(pair)
    assert report.nothing
    assert _texts(pair.here_path)[uid] == "edited here after all"


def test_a_deletion_here_and_no_edit_there_stays_deleted(pair: Pair) -> None:
    with pair.open_here() as v:
        gone = v.sessions()[0]
        v.delete_session(gone.id)
    assert _merge(pair).nothing
    assert gone.uuid not in _texts(pair.here_path)


def test_a_deletion_here_and_an_edit_there_brings_the_edit_back(pair: Pair) -> None:
    with pair.open_here() as v:
        gone = v.sessions()[0]
        v.delete_session(gone.id)
    _edit(pair.other_path, 0, "edited there")
    report = _merge(pair)
    assert report.new_sessions == 1
    assert _texts(pair.here_path)[gone.uuid] == "edited there"
    with pair.open_here() as v:
        assert gone.uuid not in {t.uuid for t in sync.tombstones(v)}


def test_a_client_deleted_there_goes_here_unless_something_of_theirs_is_new(pair: Pair) -> None:
    with pair.open_other() as o:
        o.delete_client(o.clients()[0].id)
    shutil.copyfile(pair.here_path, pair.here_path.with_name("keep.alliance"))
    report = _merge(pair)
    assert report.deleted == 3  # two sessions, then the client
    with pair.open_here() as v:
        assert v.clients() == [] and v.session_count() == 0
    # A session added here since: the client and that session stay.
    pair.here_path.unlink()
    shutil.copyfile(pair.here_path.with_name("keep.alliance"), pair.here_path)
    with pair.open_here() as v:
        v.save_session(session(v.clients()[0].id, date(2026, 3, 3), "added here"))
    report = _merge(pair)
    assert report.deleted == 2
    assert list(_texts(pair.here_path).values()) == ["added here"]


def test_ruptures_plans_and_packets_changed_there(pair: Pair) -> None:
    with pair.open_other() as o:
        s = o.sessions()[0]
        s.ruptures = [Rupture(RuptureType.WITHDRAWAL, Resolution.NO)]
        o.save_session(s)
        c = o.clients()[0]
        c.goals = "sleep better"
        o.save_client(c)
    report = _merge(pair)
    assert report.changed == 2
    with pair.open_here() as v, pair.open_other() as o:
        (mine,) = v.sessions()[0].ruptures
        (theirs,) = o.sessions()[0].ruptures
        assert mine.uuid == theirs.uuid and mine.resolution == Resolution.NO
        assert v.clients()[0].goals == "sleep better"


def test_a_client_made_on_both_devices_apart_becomes_one(tmp_path: Path) -> None:
    a, b = tmp_path / "a.alliance", tmp_path / "b.alliance"
    for path, text in ((a, "from a"), (b, "from b")):
        with Vault.create(path, PASSPHRASE) as v:
            c = v.save_client(Client("Cedar 3"))
            v.save_session(session(c.id, date(2026, 1, 5), text))
            v.add_to_plan(c.id, "validate", text)
    with Vault.open(a, PASSPHRASE) as v:
        report = merge(v, b, PASSPHRASE).value
        assert report.new_clients == 0 and report.new_sessions == 1
        assert len(v.clients()) == 1 and v.session_count() == 2
        assert len(v.plan(v.clients()[0].id)) == 1
    with Vault.open(b, PASSPHRASE) as v:
        merge(v, a, PASSPHRASE)
    with Vault.open(a, PASSPHRASE) as va, Vault.open(b, PASSPHRASE) as vb:
        assert va.clients()[0].uuid == vb.clients()[0].uuid
        assert va.plan_items()[0][1].uuid == vb.plan_items()[0][1].uuid
        assert va.plan_items()[0][1].note == vb.plan_items()[0][1].note


def test_another_passphrase_and_a_wrong_one(pair: Pair, tmp_path: Path) -> None:
    with pair.open_other() as o:
        o.change_passphrase("quite another battery staple")
        o.save_client(Client("Elm 1"))
    with pair.open_here() as v:
        with pytest.raises(WrongPassphraseError):
            merge(v, pair.other_path, PASSPHRASE)
        assert merge(v, pair.other_path, "quite another battery staple").value.new_clients == 1
        with pytest.raises(ValueError, match="into itself"):
            merge(v, pair.here_path, PASSPHRASE)


def test_an_older_copy_is_upgraded_in_a_private_copy_never_in_place(tmp_path: Path) -> None:
    from alliance_desktop.vault import connection as cx
    from alliance_desktop.vault.schema import migrate

    old = tmp_path / "old.alliance"
    conn = cx.create_file(old, PASSPHRASE)
    with conn.untranslated():
        migrate(conn, target=5)
    conn.execute("INSERT INTO clients (code, code_key, status, created_at, updated_at) "
                 "VALUES ('Oak 1', 'oak 1', 'active', '2026-01-01T00:00:00+00:00', "
                 "'2026-01-01T00:00:00+00:00')")  # fmt: skip
    conn.commit()
    conn.close()
    copy = tmp_path / "copy.alliance"
    shutil.copyfile(old, copy)
    before = digest(copy)
    with Vault.open(old, PASSPHRASE) as v:  # upgraded here: same legacy uuid as the copy
        assert merge(v, copy, PASSPHRASE).value.nothing
        assert len(v.clients()) == 1
    assert digest(copy) == before


def test_a_conflict_copy_is_moved_aside_never_deleted(pair: Pair) -> None:
    name = "vault.sync-conflict-20260314-101500-ABCDEF7.alliance"
    conflict = pair.here_path.with_name(name)
    shutil.copyfile(pair.other_path, conflict)
    data = conflict.read_bytes()
    with pair.open_here() as v:
        report = merge(v, conflict, PASSPHRASE, move_aside=True, today=date(2026, 3, 15)).value
    assert report.moved_to == conflict.with_name(name + ".merged-20260315")
    assert not conflict.exists() and report.moved_to.read_bytes() == data


def test_tombstones_older_than_90_days_are_pruned(pair: Pair) -> None:
    with pair.open_here() as v:
        v.delete_session(v.sessions()[0].id)
        old = datetime.now(UTC) - timedelta(days=91)
        v.conn.execute("UPDATE tombstones SET deleted_at = ?", (old.isoformat(),))
        assert sync.prune_tombstones(v) == 1
        assert sync.tombstones(v) == []


def test_the_merge_is_one_transaction(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(pair.other_path, 0, "there")
    with pair.open_other() as o:
        o.save_client(Client("Fir 2"))
    before = digest(pair.here_path)

    def boom(*_a, **_k):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(sync, "put_tombstones", boom)
    with pair.open_here() as v, pytest.raises(RuntimeError):
        merge(v, pair.other_path, PASSPHRASE)
    assert digest(pair.here_path) == before


def test_the_merged_document_keeps_uuids_and_tombstones(pair: Pair) -> None:
    from alliance_desktop.reports.exporter import render_json

    with pair.open_other() as o:
        o.delete_session(o.sessions()[0].id)
    _merge(pair)
    with pair.open_here() as v:
        doc = json.loads(render_json(v))
    assert all(len(s["uuid"]) == 32 for s in doc["sessions"])
    assert [t["kind"] for t in doc["tombstones"]] == ["session"]
