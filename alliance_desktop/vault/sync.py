"""What lets two copies of a vault be merged: tombstones, record history, conflicts.

Schema version 6 gives every client, session, rupture, plan item and packet a ``uuid``
and an ``updated_at``. Triggers (``vault/schema.py``) do the bookkeeping whatever code
writes: a deleted record leaves a tombstone (its kind, uuid, when it was deleted and
the ``updated_at`` of the version deleted), kept for :data:`RETENTION`; each change of
a record's ``updated_at`` keeps the earlier stamp in ``record_history``, so a merge can
tell a version the other copy already saw (an ancestor) from a change made apart. The
``conflicts`` table keeps the version that lost when a record changed on two devices,
for the app to offer "keep this / keep the other / keep both".
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from alliance_desktop.vault import rows
from alliance_desktop.vault.store import Vault

#: How long a deletion is remembered; a copy older than this may bring a record back.
RETENTION = timedelta(days=90)

#: Record kinds and the table each lives in.
TABLES: dict[str, str] = {
    "client": "clients",
    "session": "sessions",
    "rupture": "ruptures",
    "plan": "plans",
    "packet": "packets",
}


@dataclass(frozen=True)
class Tombstone:
    kind: str
    uuid: str
    deleted_at: datetime
    #: The ``updated_at`` of the version that was deleted (None when not known).
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ConflictVersion:
    """A version of a record that lost to a newer one changed on another device."""

    id: int
    uuid: str
    kind: str
    payload: dict[str, Any]
    source: str
    created_at: datetime


def tombstones(vault: Vault) -> list[Tombstone]:
    """The deletions remembered, oldest first."""
    return [
        Tombstone(kind, uid, datetime.fromisoformat(at), rows.stamp(updated))
        for uid, kind, at, updated in vault.conn.execute(
            "SELECT uuid, kind, deleted_at, updated_at FROM tombstones ORDER BY deleted_at, uuid"
        )
    ]


def put_tombstones(vault: Vault, items: Iterable[Tombstone], *, now: datetime | None = None) -> int:
    """Remember deletions made elsewhere (an import, another copy); returns how many were
    new. One older than :data:`RETENTION`, or for a record this vault holds, is left out;
    a uuid already remembered keeps the later deletion."""
    cutoff = (now or rows.now()) - RETENTION
    written = 0
    with vault.transaction() as conn:
        for t in items:
            if t.deleted_at < cutoff or t.kind not in TABLES:
                continue
            if conn.execute(f"SELECT 1 FROM {TABLES[t.kind]} WHERE uuid = ?", (t.uuid,)).fetchone():
                continue
            at = rows.iso(t.deleted_at)
            updated = rows.iso(t.updated_at) if t.updated_at else None
            row = conn.execute(
                "SELECT deleted_at FROM tombstones WHERE uuid = ?", (t.uuid,)
            ).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO tombstones (uuid, kind, deleted_at, updated_at) VALUES (?, ?, ?, ?)",
                    (t.uuid, t.kind, at, updated),
                )
                written += 1
            elif datetime.fromisoformat(row[0]) < t.deleted_at:
                conn.execute(
                    "UPDATE tombstones SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                    (at, updated, t.uuid),
                )
    return written


def prune_tombstones(vault: Vault, *, now: datetime | None = None) -> int:
    """Forget deletions older than :data:`RETENTION`; returns how many."""
    cutoff = rows.iso((now or rows.now()) - RETENTION)
    with vault.transaction() as conn:
        return conn.execute("DELETE FROM tombstones WHERE deleted_at < ?", (cutoff,)).rowcount


def history(vault: Vault) -> dict[str, frozenset[str]]:
    """Each record's earlier ``updated_at`` stamps, by uuid."""
    found: dict[str, set[str]] = defaultdict(set)
    for uid, stamp in vault.conn.execute("SELECT uuid, stamp FROM record_history"):
        found[uid].add(stamp)
    return {uid: frozenset(stamps) for uid, stamps in found.items()}


def add_history(vault: Vault, uuid: str, stamps: Iterable[str]) -> None:
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO record_history (uuid, stamp) VALUES (?, ?)",
            [(uuid, s) for s in stamps],
        )


def rename_uuid(vault: Vault, kind: str, old: str, new: str) -> None:
    """Give a record another copy's uuid for it (two devices made the same plan item or
    client apart); its history follows, and no tombstone is left for the old one."""
    with vault.transaction() as conn:
        conn.execute(f"UPDATE {TABLES[kind]} SET uuid = ? WHERE uuid = ?", (new, old))
        conn.execute(
            "INSERT OR IGNORE INTO record_history (uuid, stamp) "
            "SELECT ?, stamp FROM record_history WHERE uuid = ?",
            (new, old),
        )
        conn.execute("DELETE FROM record_history WHERE uuid = ?", (old,))


def set_updated_at(vault: Vault, kind: str, uuid: str, stamp: str) -> None:
    with vault.transaction() as conn:
        conn.execute(f"UPDATE {TABLES[kind]} SET updated_at = ? WHERE uuid = ?", (stamp, uuid))
        if kind == "session":
            conn.execute(
                "UPDATE ruptures SET updated_at = ? WHERE session_id = "
                "(SELECT id FROM sessions WHERE uuid = ?)",
                (stamp, uuid),
            )


def delete_record(vault: Vault, kind: str, uuid: str, tombstone: Tombstone | None = None) -> bool:
    """Delete the record with ``uuid`` (a session's ruptures and search entry, a client's
    sessions and plan go with it); the tombstone left takes ``tombstone``'s times when
    given, so a deletion merged from another copy keeps its own."""
    table = TABLES[kind]
    with vault.transaction() as conn:
        row = conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            return False
        if kind == "session":
            conn.execute("DELETE FROM search_index WHERE kind = 'session' AND ref = ?", row)
        if kind == "client":
            conn.execute(
                "DELETE FROM search_index WHERE kind = 'session' AND ref IN "
                "(SELECT id FROM sessions WHERE client_id = ?)",
                row,
            )
            conn.execute("DELETE FROM search_index WHERE kind = 'client' AND ref = ?", row)
        conn.execute(f"DELETE FROM {table} WHERE id = ?", row)
        if tombstone is not None:
            conn.execute(
                "UPDATE tombstones SET deleted_at = ?, updated_at = ? WHERE uuid = ?",
                (
                    rows.iso(tombstone.deleted_at),
                    rows.iso(tombstone.updated_at) if tombstone.updated_at else None,
                    uuid,
                ),
            )
    return True


def keep_conflict(vault: Vault, uuid: str, kind: str, payload: dict[str, Any], source: str) -> bool:
    """Keep ``payload`` (the losing version) as a conflict version of the record; a
    version kept before is not kept twice. Returns whether it was new."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    with vault.transaction() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO conflicts (uuid, kind, payload, source, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (uuid, kind, text, source, rows.iso(rows.now())),
        )
        return cur.rowcount > 0


def conflicts(vault: Vault, uuid: str | None = None) -> list[ConflictVersion]:
    """The conflict versions kept (of one record, or all), oldest first."""
    sql = "SELECT id, uuid, kind, payload, source, created_at FROM conflicts"
    params: tuple = ()
    if uuid is not None:
        sql += " WHERE uuid = ?"
        params = (uuid,)
    return [
        ConflictVersion(cid, uid, kind, json.loads(payload), source, datetime.fromisoformat(at))
        for cid, uid, kind, payload, source, at in vault.conn.execute(sql + " ORDER BY id", params)
    ]


def discard_conflict(vault: Vault, conflict_id: int) -> None:
    """Forget a conflict version (the user kept the current one)."""
    with vault.transaction() as conn:
        conn.execute("DELETE FROM conflicts WHERE id = ?", (conflict_id,))


__all__ = [
    "RETENTION",
    "TABLES",
    "ConflictVersion",
    "Tombstone",
    "add_history",
    "conflicts",
    "delete_record",
    "discard_conflict",
    "history",
    "keep_conflict",
    "prune_tombstones",
    "put_tombstones",
    "rename_uuid",
    "set_updated_at",
    "tombstones",
]
