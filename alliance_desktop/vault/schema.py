"""Schema migrations, applied in order inside one transaction when a vault opens.

A migration, once released, never changes: vaults in the field were written by it.
"""

from __future__ import annotations

from sqlcipher3 import DatabaseError

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

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
CURRENT_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


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
