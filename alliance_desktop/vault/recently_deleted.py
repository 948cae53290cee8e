"""The "Recently deleted" table: what a delete removed, kept for a while to restore.

Each row is one deleted session or client (with everything that went with it) as a
JSON payload the app layer writes and reads back (``app/trash.py``); this module only
stores, lists and removes rows. Every write joins the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from alliance_desktop.vault import rows

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault

Kind = Literal["session", "client"]
KINDS: tuple[str, ...] = ("session", "client")


@dataclass(frozen=True)
class DeletedRow:
    id: int
    kind: str
    payload: dict[str, Any]
    deleted_at: datetime


def _row(row: tuple) -> DeletedRow:
    item_id, kind, payload, deleted_at = row
    loaded = json.loads(payload)
    when = rows.stamp(deleted_at)
    assert when is not None
    return DeletedRow(int(item_id), str(kind), loaded if isinstance(loaded, dict) else {}, when)


def add(vault: Vault, kind: Kind, payload: dict[str, Any], when: datetime | None = None) -> int:
    """Keep ``payload`` as a deleted ``kind``; the new row's id."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with vault.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO recently_deleted (kind, payload, deleted_at) VALUES (?, ?, ?)",
            (kind, text, rows.iso(when or rows.now())),
        )
        return int(cur.lastrowid)


def listed(vault: Vault) -> list[DeletedRow]:
    """Every row, the most recently deleted first."""
    return [
        _row(r)
        for r in vault.conn.execute(
            "SELECT id, kind, payload, deleted_at FROM recently_deleted "
            "ORDER BY deleted_at DESC, id DESC"
        ).fetchall()
    ]


def get(vault: Vault, item_id: int) -> DeletedRow | None:
    row = vault.conn.execute(
        "SELECT id, kind, payload, deleted_at FROM recently_deleted WHERE id = ?", (item_id,)
    ).fetchone()
    return _row(row) if row else None


def remove(vault: Vault, item_id: int) -> bool:
    with vault.transaction() as conn:
        return conn.execute("DELETE FROM recently_deleted WHERE id = ?", (item_id,)).rowcount > 0


def purge(vault: Vault, before: datetime | None = None) -> int:
    """Remove the rows deleted before ``before`` (every row when None); how many went."""
    with vault.transaction() as conn:
        if before is None:
            cur = conn.execute("DELETE FROM recently_deleted")
        else:
            cur = conn.execute(
                "DELETE FROM recently_deleted WHERE deleted_at < ?", (rows.iso(before),)
            )
        return int(cur.rowcount)


__all__ = ["KINDS", "DeletedRow", "Kind", "add", "get", "listed", "purge", "remove"]
