"""What automatic rotating backups need from the vault: names, the folder's backups, and
whether the data changed since the last one (``app.backups.auto_backup`` writes them).

An automatic backup is written only when the vault changed since the last automatic
one, so locking an untouched vault costs a few aggregate queries, not a copy.
"Changed" is judged by a fingerprint of the user data (row counts, newest row ids and
update times, small tables in full) recorded in the audit entry of each automatic
backup: no schema change, nothing outside the vault, and opening, exporting or
auditing does not count as a change.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import datetime
from pathlib import Path

from alliance_desktop.vault.store import Vault

BACKUP_NAME = re.compile(r"^alliance-backup-(\d{8}-\d{6})(?:-(\d+))?\.alliance$")
# maintenance.backup() writes ".<name>.<hex>.partial" beside the destination; a crash
# can leave one.
PARTIAL_NAME = re.compile(r"^\.alliance-backup-.*\.partial$")
STALE_PARTIAL_SECONDS = 3600
AUTO_EVENT = "backup"
AUTO_MARK = "automatic; state "
# Tables that are bookkeeping, not user data: changes there are not worth a backup.
# analysis_cache holds results derived from the data, written by readers too: not data.
_IGNORED = ("audit_log", "search_index", "sqlite_", "analysis_cache")
_SMALL = 1000  # tables up to this many rows are fingerprinted in full


def state_fingerprint(vault: Vault) -> str:
    """A short hash that changes whenever user data is added, changed or deleted.

    Large tables contribute count, max(rowid) and max(updated_at) (every write path
    stamps updated_at, a delete lowers the count); small tables without timestamps
    (settings, custom strategies, plans) contribute every row.
    """
    conn = vault.conn
    digest = hashlib.sha256()
    tables = [
        (name, "WITHOUT ROWID" in " ".join((sql or "").upper().split()))
        for (name, sql) in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
        if not name.startswith(_IGNORED)
    ]
    for name, without_rowid in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({quoted})")}
        stamp = "max(updated_at)" if "updated_at" in columns else "NULL"
        top = "NULL" if without_rowid else "max(rowid)"
        # A WITHOUT ROWID table is read in primary-key order, the others by rowid.
        order = "" if without_rowid else " ORDER BY rowid"
        count, highest, newest = conn.execute(
            f"SELECT count(*), {top}, {stamp} FROM {quoted}"
        ).fetchone()
        digest.update(repr((name, count, highest, newest)).encode())
        if count <= _SMALL and "updated_at" not in columns:
            for row in conn.execute(f"SELECT * FROM {quoted}{order}"):
                digest.update(repr(row).encode())
    return digest.hexdigest()[:24]


def last_backup_fingerprint(vault: Vault) -> str | None:
    row = vault.conn.execute(
        "SELECT detail FROM audit_log WHERE event = ? AND detail LIKE ? ORDER BY id DESC LIMIT 1",
        (AUTO_EVENT, AUTO_MARK + "%"),
    ).fetchone()
    return row[0].removeprefix(AUTO_MARK) if row else None


def changed_since_backup(vault: Vault) -> bool:
    """True when user data differs from what the last automatic backup holds."""
    return last_backup_fingerprint(vault) != state_fingerprint(vault)


def backups_in(folder: Path) -> list[Path]:
    """Automatic backups in ``folder``, oldest first (by the time in their name)."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = BACKUP_NAME.match(entry.name)
        if match and entry.is_file():
            found.append((match.group(1), int(match.group(2) or 1), entry))
    return [path for _stamp, _n, path in sorted(found)]


def free_name(folder: Path, now: datetime) -> Path:
    """A free ``alliance-backup-YYYYmmdd-HHMMSS(-N).alliance`` name in ``folder``."""
    base = f"alliance-backup-{now:%Y%m%d-%H%M%S}"
    candidate = folder / f"{base}.alliance"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}.alliance"
        n += 1
    return candidate


def remove_stale_partials(folder: Path) -> None:
    """Remove partial backups a crash left in ``folder`` more than an hour ago."""
    limit = time.time() - STALE_PARTIAL_SECONDS
    for entry in folder.iterdir():
        if PARTIAL_NAME.match(entry.name) and entry.stat().st_mtime < limit:
            entry.unlink(missing_ok=True)
