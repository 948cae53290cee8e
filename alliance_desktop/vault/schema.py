"""Schema migrations, applied in order inside one transaction when a vault opens.

A migration, once released, never changes: vaults in the field were written by it.
"""

from __future__ import annotations

import uuid

from sqlcipher3 import DatabaseError, complete_statement

from alliance_desktop.vault.errors import MigrationError, NewerVaultError

# 'ALDV' in ASCII: lets us tell our vault from any other SQLCipher database.
APPLICATION_ID = 0x414C4456

_V1 = """
CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    code_key    TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('active', 'closed')),
    start_date  TEXT,
    goals       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    date            TEXT NOT NULL,
    duration_min    INTEGER,
    modality        TEXT,
    trust           INTEGER NOT NULL,
    engagement      INTEGER NOT NULL,
    goal_alignment  INTEGER,
    approach_fit    INTEGER,
    client_rating   REAL,
    supervision     INTEGER NOT NULL DEFAULT 0,
    strategies      TEXT NOT NULL DEFAULT '[]',
    tags            TEXT NOT NULL DEFAULT '[]',
    template        TEXT NOT NULL DEFAULT 'free',
    reflection      TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX sessions_by_client ON sessions (client_id, date);
CREATE TABLE ruptures (
    id                 INTEGER PRIMARY KEY,
    session_id         INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    type               TEXT NOT NULL,
    resolution         TEXT NOT NULL,
    salience           INTEGER,
    markers            TEXT NOT NULL DEFAULT '[]',
    repair_strategies  TEXT NOT NULL DEFAULT '[]',
    note               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ruptures_by_session ON ruptures (session_id);
CREATE TABLE custom_strategies (
    key         TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    group_key   TEXT NOT NULL,
    help        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    body, kind UNINDEXED, ref UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
"""

_V2 = """
CREATE TABLE drafts (
    slot        TEXT PRIMARY KEY,
    payload     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    event   TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
"""

# Version 3: a per-client plan of strategies to try next session (insights suggestions).
_V3 = """
CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    strategy    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (client_id, strategy)
);
CREATE INDEX plans_by_client ON plans (client_id);
"""

# Version 4: practice clients (trainee vignettes, kept out of caseload views) and the
# record of exported supervision packets (the therapist's questions live only here).
_V4 = """
ALTER TABLE clients ADD COLUMN is_practice INTEGER NOT NULL DEFAULT 0;
CREATE TABLE packets (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    range_from    TEXT,
    range_to      TEXT,
    client_count  INTEGER NOT NULL,
    questions     TEXT NOT NULL DEFAULT '[]'
);
"""

# Version 5: a client-reported outcome measure per session, kept apart from the
# session/alliance rating, and the day a rupture left open was repaired later.
_V5 = """
ALTER TABLE sessions ADD COLUMN outcome_rating REAL;
ALTER TABLE ruptures ADD COLUMN resolved_on TEXT
"""

# Version 6: stable identity across copies of a vault (issue 14). Every client, session,
# rupture, plan item and packet gets a ``uuid`` (32 hex digits, uuid4 for new rows) and an
# ``updated_at``; a deletion leaves a tombstone (kind, uuid, deleted_at, and the deleted
# version's updated_at) for 90 days; ``record_history`` remembers the earlier
# ``updated_at`` stamps of each record, so a merge can tell "changed on one side" from
# "changed on both"; ``conflicts`` keeps the losing version of a record changed on two
# devices. Rows that exist already get a uuid derived from their kind, id and creation
# time (``legacy_uuid``), so two copies of one older vault upgraded apart agree on it.
# Triggers fill a missing uuid or stamp on insert, write tombstones on delete (cascades
# included), forget a tombstone when its record comes back, and keep the history.
_NOW = "strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')"
_NEW_UUID = (
    "lower(hex(randomblob(6))) || '4' || substr(lower(hex(randomblob(2))), 2) || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(8))), 2)"
)
_SYNCED = ("clients", "client"), ("sessions", "session"), ("ruptures", "rupture"), \
    ("plans", "plan"), ("packets", "packet")  # fmt: skip


def _v6() -> str:
    parts = [
        "ALTER TABLE ruptures ADD COLUMN updated_at TEXT",
        "ALTER TABLE plans ADD COLUMN updated_at TEXT",
        "ALTER TABLE packets ADD COLUMN updated_at TEXT",
        "UPDATE ruptures SET updated_at = (SELECT s.updated_at FROM sessions s "
        "WHERE s.id = ruptures.session_id)",
        "UPDATE plans SET updated_at = created_at",
        "UPDATE packets SET updated_at = created_at",
        """CREATE TABLE tombstones (
    uuid        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    updated_at  TEXT
)""",
        "CREATE INDEX tombstones_by_age ON tombstones (deleted_at)",
        """CREATE TABLE record_history (
    uuid        TEXT NOT NULL,
    stamp       TEXT NOT NULL,
    PRIMARY KEY (uuid, stamp)
) WITHOUT ROWID""",
        """CREATE TABLE conflicts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (uuid, payload)
)""",
        "CREATE INDEX conflicts_by_uuid ON conflicts (uuid)",
        # Deleting tombstones older than 90 days whenever one is written: pruned on write.
        """CREATE TRIGGER tombstones_pruned AFTER INSERT ON tombstones BEGIN
    DELETE FROM tombstones WHERE deleted_at < strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now',
        '-90 days');
END""",
    ]
    for table, kind in _SYNCED:
        created = "(SELECT s.created_at FROM sessions s WHERE s.id = ruptures.session_id)" \
            if table == "ruptures" else "created_at"  # fmt: skip
        parts += [
            f"ALTER TABLE {table} ADD COLUMN uuid TEXT",
            f"UPDATE {table} SET uuid = legacy_uuid('{kind}', id, {created})",
            f"CREATE UNIQUE INDEX {table}_by_uuid ON {table} (uuid)",
            f"""CREATE TRIGGER {table}_uuid_filled AFTER INSERT ON {table}
WHEN NEW.uuid IS NULL OR NEW.updated_at IS NULL BEGIN
    UPDATE {table} SET uuid = coalesce(uuid, {_NEW_UUID}), updated_at = coalesce(updated_at, {_NOW})
    WHERE id = NEW.id;
END""",
            f"""CREATE TRIGGER {table}_returned AFTER INSERT ON {table} BEGIN
    DELETE FROM tombstones WHERE uuid = NEW.uuid;
END""",
            f"""CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} WHEN OLD.uuid IS NOT NULL BEGIN
    INSERT OR REPLACE INTO tombstones (uuid, kind, deleted_at, updated_at)
    VALUES (OLD.uuid, '{kind}', {_NOW}, OLD.updated_at);
    DELETE FROM record_history WHERE uuid = OLD.uuid;
END""",
            f"""CREATE TRIGGER {table}_history AFTER UPDATE OF updated_at ON {table}
WHEN OLD.updated_at IS NOT NULL AND OLD.updated_at IS NOT NEW.updated_at BEGIN
    INSERT OR IGNORE INTO record_history (uuid, stamp) VALUES (OLD.uuid, OLD.updated_at);
END""",
        ]
    return ";\n".join(parts)


_V6 = _v6()

# v7: Recently deleted (app/trash.py): what a delete of a session or a client removed,
# as JSON, kept 30 days so it can be restored.
_V7 = """
CREATE TABLE recently_deleted (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('session', 'client')),
    payload     TEXT NOT NULL,
    deleted_at  TEXT NOT NULL
);
CREATE INDEX recently_deleted_by_age ON recently_deleted (deleted_at);
"""

# v8: a change counter, one integer raised by every transaction that writes user data
# (``Vault.transaction``: clients, sessions, ruptures, strategies, settings, plans,
# packets, merges, imports, restores from Recently deleted; not the audit log, drafts or
# this cache), and ``analysis_cache``: results computed from the data (the caseload
# analysis behind ``stats --json`` and the Insights page), kept with the counter they
# were computed at, so they are served again until the next change. The cache lives
# only inside the encrypted file. Counting per transaction rather than by row triggers
# keeps bulk imports as fast as before (a row trigger cost 15-25% of a 20k import).
_V8 = """
CREATE TABLE change_counter (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    value   INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);
CREATE TABLE analysis_cache (
    name        TEXT PRIMARY KEY,
    counter     INTEGER NOT NULL,
    key         TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)
CURRENT_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """The script's statements; a trigger's body (``BEGIN ... END``) stays whole."""
    found: list[str] = []
    pending = ""
    for chunk in script.split(";"):
        pending = f"{pending};{chunk}" if pending else chunk
        if not pending.strip():
            pending = ""
            continue
        if complete_statement(pending + ";") and not _open_trigger(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        found.append(pending.strip())
    return found


def _open_trigger(text: str) -> bool:
    """A CREATE TRIGGER whose END has not come yet (complete_statement alone accepts it)."""
    words = text.upper().split()
    return "TRIGGER" in words[:4] and words[-1:] != ["END"]


def legacy_uuid(kind: str, row_id: int, created_at: str | None) -> str:
    """The uuid a row written before version 6 gets: the same in every copy of the file."""
    return uuid.uuid5(_LEGACY_NAMESPACE, f"{kind}:{row_id}:{created_at or ''}").hex


_LEGACY_NAMESPACE = uuid.UUID("6f1d0a4e-8c1b-4b5e-9a43-3c0f0a4ad1d6")


def migrate(conn, *, target: int = CURRENT_VERSION) -> int:
    """Bring the schema to ``target`` in one transaction; return the version found.

    ``executescript`` would commit on its own, so statements run one by one inside
    an explicit transaction: a failure leaves the vault exactly as it was.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > CURRENT_VERSION:
        raise NewerVaultError(found, CURRENT_VERSION)
    if found >= target:
        return found
    conn.create_function("legacy_uuid", 3, legacy_uuid, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(found + 1, target + 1):
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
        if found == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except DatabaseError as exc:
        conn.execute("ROLLBACK")
        raise MigrationError(found, target, exc) from exc
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
