"""Bulk loads: the cyclic garbage collector paused, new sessions written in batches, and
memory given back after a whole-vault read (``release_memory``).

Loading or writing tens of thousands of records creates millions of small objects
(rows, sessions, dicts) and no reference cycles; the collector's passes over them
grow with everything already alive, so a 100k-session export or import spends much
of its time collecting nothing and grows faster than linear. ``paused_gc`` turns it
off for one block and puts it back as it was on every way out (return, exception,
KeyboardInterrupt); reference counting still frees everything as usual.

``insert_new_sessions`` writes sessions that are not in the vault yet (an import, the
demo caseload) the way ``Vault.save_session`` would, row for row, but with three
``executemany`` statements instead of several statements per session: ids are handed
out up front exactly as SQLite would (one past the largest, the tables have no
AUTOINCREMENT), and a given uuid is kept unless the table or an earlier row of the
batch has it, checked against a set read once rather than one SELECT per row.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from alliance_desktop.vault import rows

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.domain.models import Session
    from alliance_desktop.vault.connection import Connection

#: SQLite's largest rowid; past it, SQLite picks ids itself and so must we (not here).
MAX_ROWID = 2**63 - 1


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside the block; nested blocks restore what they found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _c_heap_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, which hands the heap's free pages back to the system;
    None elsewhere (other C libraries return memory on their own terms)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _c_heap_trim()


def release_memory(conn: Connection) -> None:
    """After reading the whole vault: give back the page cache when the vault is larger
    than it, and the C heap's free pages.

    A whole-vault read larger than the cache leaves it full of pages no query needs
    soon (the next whole read evicts them again before reaching them), and the rows it
    fetched freed memory the C heap keeps to itself. At 100,000 sessions this is about
    30 MiB of the idle process. A vault that fits in the cache keeps it warm.
    """
    # int(): SQLCipher answers page_size as text.
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    cache_bytes = -cache * 1024 if cache < 0 else cache * page_size
    if pages * page_size <= cache_bytes:
        return
    conn.execute("PRAGMA shrink_memory")
    trim_c_heap()


def trim_c_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc; elsewhere nothing).

    glibc keeps what a thread frees in that thread's own heap for its next
    allocations; a worker's heap is seldom used again once its job is over (after the
    insights analysis of 100,000 sessions about 18 MiB stays resident so). About 1.5 ms.
    """
    if _TRIM is not None:
        _TRIM(0)


def _next_id(conn: Connection, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _uuids(conn: Connection, table: str) -> set[str]:
    return {u for (u,) in conn.execute(f"SELECT uuid FROM {table} WHERE uuid IS NOT NULL")}


def _free(wanted: str | None, taken: set[str]) -> str:
    """``wanted`` when nothing has it yet, else a fresh uuid; either is taken from now on."""
    uid = wanted if wanted and wanted not in taken else rows.new_uuid()
    taken.add(uid)
    return uid


def can_insert_in_bulk(conn: Connection, sessions: list[Session]) -> bool:
    """True when every session and rupture is new (no id of its own) and the ids fit."""
    if any(s.id is not None or any(r.id is not None for r in s.ruptures) for s in sessions):
        return False
    ruptures = sum(len(s.ruptures) for s in sessions)
    return (
        _next_id(conn, "sessions") + len(sessions) <= MAX_ROWID
        and _next_id(conn, "ruptures") + ruptures <= MAX_ROWID
    )


def insert_new_sessions(conn: Connection, sessions: Iterable[Session]) -> None:
    """Insert sessions that have no id yet, with their ruptures and search entries.

    Each session (and rupture) gets its id and its uuid written back, as
    ``Vault.save_session`` does; ``client_id``, ``created_at`` and ``updated_at`` are
    the caller's (already validated). Call inside a transaction, after
    :func:`can_insert_in_bulk` said yes.
    """
    session_id = _next_id(conn, "sessions")
    rupture_id = _next_id(conn, "ruptures")
    session_uuids = _uuids(conn, "sessions")
    rupture_uuids = _uuids(conn, "ruptures")
    session_rows: list[tuple] = []
    rupture_rows: list[tuple] = []
    search_rows: list[tuple[str, int]] = []
    for s in sessions:
        s.id = session_id
        session_id += 1
        s.uuid = _free(s.uuid, session_uuids)
        session_rows.append((s.id, *rows.session_params(s)))
        if s.ruptures:  # most sessions have none: their stamp is not worked out
            stamp = rows.iso(s.updated_at or rows.now())
            for position, r in enumerate(s.ruptures):
                r.id = rupture_id
                rupture_id += 1
                r.uuid = _free(r.uuid, rupture_uuids)
                rupture_rows.append((r.id, *rows.rupture_params(s.id, position, r, stamp)))
        body = rows.search_body(s)
        if body:
            search_rows.append((body, s.id))
    marks = ", ".join("?" * (rows.SESSION_COLUMNS.count(",") + 1))
    conn.executemany(
        f"INSERT INTO sessions ({rows.SESSION_COLUMNS}) VALUES ({marks})", session_rows
    )
    columns = rows.RUPTURE_WRITE_COLUMNS
    marks = ", ".join("?" * (columns.count(",") + 2))
    conn.executemany(f"INSERT INTO ruptures (id, {columns}) VALUES ({marks})", rupture_rows)
    conn.executemany(
        "INSERT INTO search_index (body, kind, ref) VALUES (?, 'session', ?)", search_rows
    )


__all__ = [
    "can_insert_in_bulk",
    "insert_new_sessions",
    "paused_gc",
    "release_memory",
    "trim_c_heap",
]
