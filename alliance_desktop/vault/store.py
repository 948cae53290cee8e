"""The Vault: the one object the rest of the app uses to read and write its data."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.domain.models import (
    Client,
    ClientStatus,
    Resolution,
    Rupture,
    Session,
    code_key,
)
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale, VaultSettings
from alliance_desktop.domain.strategies import GROUP_KEYS, Strategy, catalogue, is_valid_custom_key
from alliance_desktop.domain.validation import rupture_problems, validate_client, validate_session
from alliance_desktop.domain.vignettes import vignette
from alliance_desktop.vault import bulk, rows
from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.bulk import paused_gc
from alliance_desktop.vault.errors import (
    DiskFullError,
    VaultBusyError,
    VaultError,
    VaultInUseError,
    VaultLockedError,
    VaultReadOnlyError,
)
from alliance_desktop.vault.file_identity import FileGuard, VaultReplacedError
from alliance_desktop.vault.passphrase import check_new_passphrase
from alliance_desktop.vault.schema import CURRENT_VERSION, migrate
from alliance_desktop.vault.search import SearchHit, fts_query, make_snippet
from alliance_desktop.vault.writer_lock import WriterLock

#: How long a lock waits for a cancelled background job to give the connection back
#: (a cancelled job stops at its next SQLite step or progress report, in milliseconds).
RECLAIM_S = 30.0
#: How long keeping a computed result waits for another connection's write lock.
STORE_WAIT_MS = 100

DEFAULT_SETTINGS: dict[str, Any] = {
    "client_rating_max": 40.0,
    "client_rating_threshold": 36.0,
}


@dataclass(frozen=True)
class ClientSummary:
    client: Client
    sessions: int
    first_session: date | None
    last_session: date | None

    @property
    def is_practice(self) -> bool:
        """A trainee's vignette client, so the GUI can mark it apart from real clients."""
        return self.client.is_practice


@dataclass(frozen=True)
class PacketRecord:
    """One exported supervision packet: when, which range, how many clients, and the
    therapist's questions (free text kept only inside the vault)."""

    created_at: datetime
    range_from: date | None
    range_to: date | None
    client_count: int
    questions: tuple[str, ...] = ()
    id: int | None = None
    #: Stable identity across copies of the vault, and when the record last changed.
    uuid: str | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PlanItem:
    """A strategy the therapist means to try in the client's next session."""

    client_id: int
    strategy: str
    note: str
    created_at: str
    #: Stable identity across copies of the vault, and when the item last changed.
    uuid: str | None = field(default=None, compare=False)
    updated_at: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class OpenRupture:
    """A rupture neither resolved in its session nor repaired later, with where it was."""

    rupture: Rupture
    session_id: int
    session_date: date
    client_id: int
    client_code: str


@dataclass(frozen=True)
class ImportOutcome:
    sessions: int
    new_clients: int


class Vault:
    """An open, unlocked vault. Every write is one transaction."""

    def __init__(self, path: Path, conn: cx.Connection, lock: WriterLock | None = None):
        self.path = path
        self._conn: cx.Connection | None = conn
        self._lock = lock
        self._depth = 0  # open transactions: 1 is BEGIN IMMEDIATE, more are savepoints
        self._counting = False  # the open transaction raises the change counter
        self._uncounted = 0  # rows it changed in levels opened counted=False
        self._catalogue: dict[str, Strategy] | None = None
        #: ``tags()`` as read at a change counter: (counter, tags).
        self._tags: tuple[int, list[str]] | None = None
        #: While a background job has the connection (gui.common.background), the one
        #: thread that may use it: any other gets VaultInUseError instead of racing it.
        self.lent_to: int | None = None
        #: That job (``cancel()``, ``wait(seconds) -> bool``), for :meth:`reclaim`.
        self.job: Any = None
        # The file this connection has open: no write once another writer replaced it.
        self.guard = FileGuard(path, lambda: self._conn.total_changes if self._conn else -1)

    # -- opening and closing ------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, *, lock: WriterLock | None = None) -> Vault:
        """Create a new vault; refuses weak passphrases and existing files.

        ``lock`` (the vault's writer lock, already taken) is kept by the vault and released
        by :meth:`close`; if creating fails it is released at once.
        """
        path = Path(path)
        try:
            check_new_passphrase(passphrase)
            conn = cx.create_file(path, passphrase)
            try:
                _migrate(conn)
            except BaseException:
                conn.close()
                path.unlink(missing_ok=True)
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, conn, lock)

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, lock: WriterLock | None = None) -> Vault:
        """Open and unlock a vault, upgrading its schema if it is older.

        Without ``lock`` the vault is opened as a reader would (nothing stops another
        writer); with it, the vault keeps the lock until :meth:`close`. If opening fails
        the lock is released at once, so a refused open never keeps others out.
        """
        path = Path(path)
        try:
            conn = cx.connect(path, passphrase)
            try:
                _migrate(conn)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, conn, lock)

    def reclaim(self, timeout: float = RECLAIM_S) -> None:
        """Cancel the background job that has the connection and wait until it gave it
        back (a lock does this first: it cancels, it never waits on the job's end)."""
        job = self.job
        if job is None:
            return
        with suppress(Exception):
            job.cancel()
            job.wait(timeout)

    def close(self) -> None:
        """Close the connection and release the writer lock; idempotent, never raises."""
        self.reclaim()
        conn, self._conn = self._conn, None
        self._depth = 0
        self._tags = None
        if conn is not None:
            with suppress(Exception):
                conn.close()
        lock, self._lock = self._lock, None
        if lock is not None:
            with suppress(Exception):
                lock.release()

    @property
    def writer_lock(self) -> WriterLock | None:
        """The writer lock this vault holds (None when opened as a reader)."""
        return self._lock

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> cx.Connection:
        if self._conn is None:
            raise VaultLockedError()
        if self.lent_to is not None and self.lent_to != threading.get_ident():
            raise VaultInUseError()
        return self._conn

    @contextmanager
    def transaction(self, *, counted: bool = True) -> Iterator[cx.Connection]:
        """One unit of work, undone completely on any failure; re-entrant.

        The outermost is BEGIN IMMEDIATE … COMMIT; a transaction opened inside another
        is a SAVEPOINT, so a use case can compose repository calls that each open their
        own and still commit once. An inner failure rolls back to its savepoint and
        propagates; the outer one then rolls everything back unless it handles it.
        Driver errors arrive as VaultError kinds (disk full, damaged, busy, read-only).
        SQLite may already have rolled back on its own (SQLITE_FULL/IOERR), so ROLLBACK
        runs only while a transaction is still open.

        A transaction that changed any row raises the change counter once, as its last
        statement, unless every level of it was opened ``counted=False`` (the audit log,
        drafts and the analysis cache: writes that are not user data).
        """
        conn = self.conn
        if self._depth:
            self._counting |= counted
            before = conn.total_changes
            try:
                with self._savepoint(conn) as inner:
                    yield inner
            finally:
                if not counted:  # an audit row inside an export's transaction: not data
                    self._uncounted += conn.total_changes - before
            return
        conn.execute(self.guard.begin)  # BEGIN IMMEDIATE (a plain BEGIN when read-only)
        self._depth = 1
        self._counting = counted
        self._uncounted = 0
        changes = conn.total_changes
        try:
            self.guard.check(conn)  # replaced by a sync tool, or changed by another writer
            yield conn
            if self._counting and conn.total_changes - changes > self._uncounted:
                conn.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1")
            self.guard.commit(conn)  # COMMIT, and the file as it leaves it
        except BaseException:
            if conn.in_transaction:
                # The original error says more; a failed ROLLBACK is undone on the next open.
                with suppress(VaultError):
                    conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _savepoint(self, conn: cx.Connection) -> Iterator[cx.Connection]:
        name = f"sp{self._depth}"
        conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield conn
            conn.execute(f"RELEASE {name}")
        except BaseException:
            if conn.in_transaction:
                with suppress(VaultError):
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- settings -----------------------------------------------------------

    def setting(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else DEFAULT_SETTINGS.get(key)

    def settings(self) -> dict[str, Any]:
        stored = {k: json.loads(v) for k, v in self.conn.execute("SELECT key, value FROM settings")}
        return {**DEFAULT_SETTINGS, **stored}

    def set_settings(self, values: dict[str, Any]) -> None:
        if "client_rating_max" in values or "client_rating_threshold" in values:
            merged = {**self.settings(), **values}
            try:
                ClientRatingScale(
                    float(merged["client_rating_max"]), float(merged["client_rating_threshold"])
                )
            except (TypeError, ValueError) as exc:
                raise ValidationError([Problem("client_rating_scale", str(exc))]) from exc
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v)) for k, v in values.items()],
            )

    def client_rating_scale(self) -> ClientRatingScale:
        s = self.settings()
        return ClientRatingScale(float(s["client_rating_max"]), float(s["client_rating_threshold"]))

    def typed_settings(self) -> VaultSettings:
        """The settings as one typed value, read by the one policy: a damaged stored value
        reads as its default and is named in ``VaultSettings.damaged``."""
        return VaultSettings.from_stored(self.settings())

    def outcome_scale(self) -> OutcomeScale:
        """The outcome measure's scale (a damaged stored value reads as the default)."""
        return self.typed_settings().outcome

    # -- strategies ---------------------------------------------------------

    def custom_strategies(self) -> tuple[Strategy, ...]:
        return tuple(
            Strategy(key, label, group, help_, builtin=False)
            for key, label, group, help_ in self.conn.execute(
                "SELECT key, label, group_key, help FROM custom_strategies ORDER BY label"
            )
        )

    def strategy_catalogue(self) -> dict[str, Strategy]:
        if self._catalogue is None:
            self._catalogue = catalogue(self.custom_strategies())
        return self._catalogue

    def add_custom_strategies(self, strategies: Iterable[Strategy]) -> None:
        items = list(strategies)
        problems = [
            Problem("key", f"{s.key!r} is not a usable key (lowercase slug, not a built-in)")
            for s in items
            if not is_valid_custom_key(s.key)
        ]
        problems += [
            Problem("group", f"unknown group {s.group!r}")
            for s in items
            if s.group not in GROUP_KEYS
        ]
        problems += [Problem("label", "is required") for s in items if not s.label.strip()]
        if problems:
            raise ValidationError(problems)
        with self.transaction() as conn:
            self._insert_strategies(conn, items)

    def _insert_strategies(self, conn: cx.Connection, items: list[Strategy]) -> None:
        conn.executemany(
            "INSERT INTO custom_strategies (key, label, group_key, help) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET label = excluded.label, "
            "group_key = excluded.group_key, help = excluded.help",
            [(s.key, s.label.strip(), s.group, s.help) for s in items],
        )
        self._catalogue = None

    # -- clients ------------------------------------------------------------

    def clients(self) -> list[Client]:
        return [
            rows.client_from_row(r)
            for r in self.conn.execute(
                f"SELECT {rows.CLIENT_COLUMNS} FROM clients ORDER BY code_key"
            )
        ]

    def client(self, client_id: int) -> Client | None:
        row = self.conn.execute(
            f"SELECT {rows.CLIENT_COLUMNS} FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        return rows.client_from_row(row) if row else None

    def client_by_code(self, code: str) -> Client | None:
        row = self.conn.execute(
            f"SELECT {rows.CLIENT_COLUMNS} FROM clients WHERE code_key = ?", (code_key(code),)
        ).fetchone()
        return rows.client_from_row(row) if row else None

    def client_summaries(self) -> list[ClientSummary]:
        """Every client with its session count and date range, in one query."""
        result = []
        for r in self.conn.execute(
            f"SELECT {', '.join('c.' + c.strip() for c in rows.CLIENT_COLUMNS.split(','))}, "
            "count(s.id), min(s.date), max(s.date) "
            "FROM clients c LEFT JOIN sessions s ON s.client_id = c.id "
            "GROUP BY c.id ORDER BY c.code_key"
        ):
            first, last = r[9], r[10]
            result.append(
                ClientSummary(
                    rows.client_from_row(r[:8]),
                    r[8],
                    date.fromisoformat(first) if first else None,
                    date.fromisoformat(last) if last else None,
                )
            )
        return result

    def _duplicate_code(self, conn: cx.Connection, client: Client) -> bool:
        row = conn.execute(
            "SELECT id FROM clients WHERE code_key = ? AND id IS NOT ?", (client.key, client.id)
        ).fetchone()
        return row is not None

    def save_client(self, client: Client) -> Client:
        """Insert or update; the code must stay unique ignoring case."""
        validate_client(client)
        stamp = rows.iso(rows.now())
        with self.transaction() as conn:
            if self._duplicate_code(conn, client):
                raise ValidationError([Problem("code", f"a client {client.code!r} already exists")])
            params = (
                client.code,
                client.key,
                ClientStatus(client.status).value,
                client.start_date.isoformat() if client.start_date else None,
                client.goals,
                int(client.is_practice),
            )
            if client.id is None:
                client.uuid = self._free_uuid(conn, "clients", client.uuid)
                cur = conn.execute(
                    "INSERT INTO clients (code, code_key, status, start_date, goals, "
                    "is_practice, created_at, updated_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*params, stamp, stamp, client.uuid),
                )
                client.id = cur.lastrowid
            else:
                conn.execute(
                    "UPDATE clients SET code = ?, code_key = ?, status = ?, start_date = ?, "
                    "goals = ?, is_practice = ?, updated_at = ? WHERE id = ?",
                    (*params, stamp, client.id),
                )
                client.uuid = self._uuid_of(conn, "clients", client.id) or client.uuid
            client.updated_at = datetime.fromisoformat(stamp)
            self._index_client(conn, client)
        return client

    @staticmethod
    def _free_uuid(conn: cx.Connection, table: str, wanted: str | None) -> str:
        """``wanted`` when no row of ``table`` has it yet, else a fresh one."""
        if (
            wanted
            and not conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (wanted,)).fetchone()
        ):
            return wanted
        return rows.new_uuid()

    @staticmethod
    def _uuid_of(conn: cx.Connection, table: str, row_id: int | None) -> str | None:
        row = conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return row[0] if row else None

    def set_client_status(self, client_id: int, status: ClientStatus) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE clients SET status = ?, updated_at = ? WHERE id = ?",
                (ClientStatus(status).value, rows.iso(rows.now()), client_id),
            )

    def delete_client(self, client_id: int) -> None:
        """Delete a client with all their sessions and search entries."""
        with self.transaction() as conn:
            session_ids = [r[0] for r in conn.execute(
                "SELECT id FROM sessions WHERE client_id = ?", (client_id,))]  # fmt: skip
            conn.executemany(
                "DELETE FROM search_index WHERE kind = 'session' AND ref = ?",
                [(sid,) for sid in session_ids],
            )
            conn.execute("DELETE FROM search_index WHERE kind = 'client' AND ref = ?", (client_id,))
            conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))

    def add_practice_client(self, vignette_key: str) -> Client:
        """A practice client made from a vignette (code ``Practice: <title>``).

        Idempotent: asking again for the same vignette returns the client made before,
        so a trainee's earlier practice reflections stay together.
        """
        try:
            vig = vignette(vignette_key)
        except KeyError:
            raise ValidationError(
                [Problem("vignette", f"there is no practice vignette {vignette_key!r}")]
            ) from None
        existing = self.client_by_code(vig.code)
        if existing is not None:
            if not existing.is_practice:
                raise ValidationError([Problem("code", f"a real client {vig.code!r} exists")])
            return existing
        return self.save_client(Client(code=vig.code, goals=vig.issue, is_practice=True))

    def _index_client(self, conn: cx.Connection, client: Client) -> None:
        conn.execute("DELETE FROM search_index WHERE kind = 'client' AND ref = ?", (client.id,))
        if client.goals.strip():
            conn.execute(
                "INSERT INTO search_index (body, kind, ref) VALUES (?, 'client', ?)",
                (client.goals, client.id),
            )

    # -- sessions -----------------------------------------------------------

    def _load_sessions(
        self, where: str = "", params: tuple = (), *, text: bool = True
    ) -> list[Session]:
        conn = self.conn
        ruptures: dict[int, list] = defaultdict(list)
        rupture_cols = rows.RUPTURE_COLUMNS if text else rows.RUPTURE_COLUMNS_NO_TEXT
        rupture_sql = f"SELECT {rupture_cols} FROM ruptures"
        if where:
            rupture_sql += f" WHERE session_id IN (SELECT id FROM sessions {where})"
        session_cols = rows.SESSION_COLUMNS if text else rows.SESSION_COLUMNS_NO_TEXT
        # fetchall: one checked call per query instead of one per row (a 20k-session
        # load spent a third of its time in the per-row error translation).
        with paused_gc():
            for r in conn.execute(
                rupture_sql + " ORDER BY session_id, position", params
            ).fetchall():
                sid, rupture = rows.rupture_from_row(r)
                ruptures[sid].append(rupture)
            found = conn.execute(
                f"SELECT {session_cols} FROM sessions {where} "
                "ORDER BY client_id, date, created_at, id",
                params,
            ).fetchall()
            return [rows.session_from_row(r, ruptures.get(r[0], [])) for r in found]

    def sessions(self, client_id: int | None = None, *, text: bool = True) -> list[Session]:
        """Sessions in date order, for one client or all (grouped by client).

        ``text=False`` leaves reflections, tags and rupture notes empty: what trends,
        alerts and statistics need, at a fraction of the cost for a large caseload.
        """
        if client_id is None:
            found = self._load_sessions(text=text)
            bulk.release_memory(self.conn)  # a whole-vault read: pages of no further use
            return found
        return self._load_sessions("WHERE client_id = ?", (client_id,), text=text)

    def session(self, session_id: int) -> Session | None:
        found = self._load_sessions("WHERE id = ?", (session_id,))
        return found[0] if found else None

    def session_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM sessions").fetchone()[0]

    def _validate(self, session: Session) -> None:
        validate_session(
            session,
            scale=self.client_rating_scale(),
            known_strategies=self.strategy_catalogue().keys(),
            outcome=self.outcome_scale(),
        )

    def save_session(self, session: Session) -> Session:
        """Validate, then insert or update the session, its ruptures and its search entry.

        An edit keeps each rupture's id and a later repair: a rupture without an id is
        matched to the stored one at the same place and of the same type, and a
        ``resolved_on`` left empty keeps the stored day (clearing a repair is
        :meth:`clear_rupture_repair`).
        """
        # Copies, so the ids and days filled in below never reach the caller's ruptures
        # through a shallow copy of the session.
        session.ruptures = [replace(r) for r in session.ruptures]
        with self.transaction() as conn:
            self._carry_over_ruptures(conn, session)
            self._validate(session)
            if session.client_id is None or self.client(session.client_id) is None:
                raise ValidationError([Problem("client", "choose a client for this session")])
            stamp = rows.now()
            session.updated_at = stamp
            if session.created_at is None:
                session.created_at = stamp
            self._write_session(conn, session)
        return session

    def _carry_over_ruptures(self, conn: cx.Connection, s: Session) -> None:
        """Give an edited session's ruptures their stored ids and later repairs."""
        if s.id is None:
            return
        stored = list(
            conn.execute(
                "SELECT id, type, resolved_on FROM ruptures WHERE session_id = ? "
                "ORDER BY position, id",
                (s.id,),
            )
        )
        by_id = {rid: day for rid, _type, day in stored}
        claimed = {r.id for r in s.ruptures if r.id in by_id}
        for position, r in enumerate(s.ruptures):
            if r.id is None and position < len(stored):
                rid, rtype, _day = stored[position]
                if rid not in claimed and rtype == getattr(r.type, "value", r.type):
                    r.id = rid
                    claimed.add(rid)
            if r.id in by_id and r.resolved_on is None and by_id[r.id]:
                r.resolved_on = date.fromisoformat(by_id[r.id])

    def _write_session(self, conn: cx.Connection, s: Session) -> None:
        if (
            s.id is None
            or not conn.execute("SELECT 1 FROM sessions WHERE id = ?", (s.id,)).fetchone()
        ):
            s.uuid = self._free_uuid(conn, "sessions", s.uuid)
        params = rows.session_params(s)
        updating = False
        if s.id is None:
            cur = conn.execute(
                f"INSERT INTO sessions ({rows.SESSION_COLUMNS.split(', ', 1)[1]}) "
                f"VALUES ({', '.join('?' * len(params))})",
                params,
            )
            s.id = cur.lastrowid
        else:
            exists = conn.execute("SELECT 1 FROM sessions WHERE id = ?", (s.id,)).fetchone()
            if exists:
                conn.execute(
                    "UPDATE sessions SET client_id = ?, date = ?, duration_min = ?, modality = ?, "
                    "trust = ?, engagement = ?, goal_alignment = ?, approach_fit = ?, "
                    "client_rating = ?, outcome_rating = ?, supervision = ?, strategies = ?, "
                    "tags = ?, template = ?, reflection = ?, created_at = ?, updated_at = ?, "
                    "uuid = coalesce(?, uuid) WHERE id = ?",
                    (*params, s.id),
                )
                s.uuid = self._uuid_of(conn, "sessions", s.id)
                updating = True
                conn.execute("DELETE FROM search_index WHERE kind = 'session' AND ref = ?", (s.id,))
            else:  # an undone delete comes back under its old id
                conn.execute(
                    f"INSERT INTO sessions ({rows.SESSION_COLUMNS}) "
                    f"VALUES ({', '.join('?' * (len(params) + 1))})",
                    (s.id, *params),
                )
        self._write_ruptures(conn, s, updating=updating)
        body = rows.search_body(s)
        if body:
            conn.execute(
                "INSERT INTO search_index (body, kind, ref) VALUES (?, 'session', ?)", (body, s.id)
            )

    def _write_ruptures(self, conn: cx.Connection, s: Session, *, updating: bool) -> None:
        """Write the session's ruptures in order, each keeping its id where it has one.

        A rupture whose id is this session's is updated in place; one whose id is free
        (an undone delete) comes back under it; any other is inserted under a new id,
        written back to the rupture. Stored ruptures the session no longer has go.
        """
        assert s.id is not None
        mine: set[int] = set()
        if updating:
            mine = {
                rid
                for (rid,) in conn.execute("SELECT id FROM ruptures WHERE session_id = ?", (s.id,))
            }
        kept: set[int] = set()
        columns = rows.RUPTURE_WRITE_COLUMNS
        marks = ", ".join("?" * (columns.count(",") + 1))
        stamp = rows.iso(s.updated_at or rows.now())
        for position, r in enumerate(s.ruptures):
            if r.id is not None and r.id in mine and r.id not in kept:
                # An edit keeps the rupture's identity; a uuid given for it must be free.
                if (
                    r.uuid
                    and conn.execute(
                        "SELECT 1 FROM ruptures WHERE uuid = ? AND id != ?", (r.uuid, r.id)
                    ).fetchone()
                ):
                    r.uuid = None
                params = rows.rupture_params(s.id, position, r, stamp)
                sets = ", ".join(f"{c} = ?" for c in columns.split(", ")[:-1])
                conn.execute(
                    f"UPDATE ruptures SET {sets}, uuid = coalesce(?, uuid) WHERE id = ?",
                    (*params, r.id),
                )
                r.uuid = self._uuid_of(conn, "ruptures", r.id)
            elif (
                r.id is not None
                and r.id not in kept
                and not conn.execute("SELECT 1 FROM ruptures WHERE id = ?", (r.id,)).fetchone()
            ):
                r.uuid = self._free_uuid(conn, "ruptures", r.uuid)
                params = rows.rupture_params(s.id, position, r, stamp)
                conn.execute(
                    f"INSERT INTO ruptures (id, {columns}) VALUES (?, {marks})", (r.id, *params)
                )
            else:
                r.uuid = self._free_uuid(conn, "ruptures", r.uuid)
                params = rows.rupture_params(s.id, position, r, stamp)
                cur = conn.execute(f"INSERT INTO ruptures ({columns}) VALUES ({marks})", params)
                r.id = cur.lastrowid
            kept.add(r.id)
        gone = mine - kept
        if gone:
            conn.executemany("DELETE FROM ruptures WHERE id = ?", [(rid,) for rid in gone])

    # -- ruptures repaired later -------------------------------------------

    def rupture(self, rupture_id: int) -> tuple[Session, Rupture] | None:
        """The session holding the rupture, and the rupture itself; None if there is none."""
        row = self.conn.execute(
            "SELECT session_id FROM ruptures WHERE id = ?", (rupture_id,)
        ).fetchone()
        if row is None:
            return None
        session = self.session(row[0])
        if session is None:
            return None
        for r in session.ruptures:
            if r.id == rupture_id:
                return session, r
        return None

    def mark_rupture_repaired(self, rupture_id: int, on: date) -> Rupture:
        """Record that a rupture left open in its session was repaired on ``on``.

        Refuses (ValidationError) a rupture that does not exist or was resolved in its
        session, and a day before the session or in the future.
        """
        with self.transaction() as conn:
            found = self.rupture(rupture_id)
            if found is None:
                raise ValidationError([Problem("rupture", "there is no such rupture")])
            session, rupture = found
            if rupture.resolution == Resolution.YES:
                raise ValidationError(
                    [Problem("resolved_on", "this rupture was already resolved in its session")]
                )
            problems = [
                Problem("resolved_on", p.message)
                for p in rupture_problems(
                    replace(rupture, resolved_on=on),
                    "rupture",
                    self.strategy_catalogue().keys(),
                    session_date=session.date,
                )
                if p.field == "rupture.resolved_on"
            ]
            if problems:
                raise ValidationError(problems)
            conn.execute(
                "UPDATE ruptures SET resolved_on = ? WHERE id = ?", (on.isoformat(), rupture_id)
            )
        return replace(rupture, resolved_on=on)

    def clear_rupture_repair(self, rupture_id: int) -> Rupture:
        """Take back a later repair: the rupture is open again (unless resolved in session)."""
        with self.transaction() as conn:
            found = self.rupture(rupture_id)
            if found is None:
                raise ValidationError([Problem("rupture", "there is no such rupture")])
            conn.execute("UPDATE ruptures SET resolved_on = NULL WHERE id = ?", (rupture_id,))
        return replace(found[1], resolved_on=None)

    def open_ruptures(self, client_id: int | None = None) -> list[OpenRupture]:
        """Ruptures neither resolved in their session nor repaired later, oldest first."""
        sql = (
            f"SELECT {', '.join('r.' + c for c in rows.RUPTURE_COLUMNS.split(', '))}, "
            "s.date, s.client_id, c.code "
            "FROM ruptures r JOIN sessions s ON s.id = r.session_id "
            "JOIN clients c ON c.id = s.client_id "
            "WHERE r.resolution != ? AND r.resolved_on IS NULL"
        )
        params: tuple = (Resolution.YES.value,)
        if client_id is not None:
            sql += " AND s.client_id = ?"
            params += (client_id,)
        found = []
        for row in self.conn.execute(sql + " ORDER BY s.date, s.id, r.position", params):
            *rupture_row, day, cid, code = row
            session_id, rupture = rows.rupture_from_row(tuple(rupture_row))
            found.append(OpenRupture(rupture, session_id, date.fromisoformat(day), cid, code))
        return found

    def delete_session(self, session_id: int) -> Session | None:
        """Delete and return the session, so the caller can offer to undo."""
        gone = self.session(session_id)
        if gone is None:
            return None
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM search_index WHERE kind = 'session' AND ref = ?", (session_id,)
            )
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        return gone

    def restore_session(self, session: Session) -> Session:
        """Put a deleted session back exactly as it was (the Undo of a delete)."""
        if session.client_id is None or self.client(session.client_id) is None:
            raise ValidationError(
                [Problem("client", "the client of this session no longer exists")]
            )
        with self.transaction() as conn:
            self._write_session(conn, session)
        return session

    def tags(self) -> list[str]:
        """Every tag in use, most used first, for completion in the editor.

        Read once per change of the data (``change_counter``): the editor asks on every
        open, and the query reads every session's tags (~43 ms at 20,000 sessions).
        Inside a transaction it is always read: the counter rises only at its end."""
        if self._depth:
            return self._read_tags()
        counter = self.change_counter()
        cached = self._tags
        if cached is not None and cached[0] == counter:
            return list(cached[1])
        tags = self._read_tags()
        self._tags = (counter, tags)
        return list(tags)

    def _read_tags(self) -> list[str]:
        return [
            t
            for (t,) in self.conn.execute(
                "SELECT j.value FROM sessions, json_each(sessions.tags) AS j "
                "GROUP BY j.value ORDER BY count(*) DESC, j.value"
            )
        ]

    # -- bulk import --------------------------------------------------------

    def import_records(
        self,
        clients: Iterable[Client],
        sessions: Iterable[tuple[str, Session]],
        *,
        strategies: Iterable[Strategy] = (),
        settings: dict[str, Any] | None = None,
    ) -> ImportOutcome:
        """Write already-validated records in one transaction: all of them or none.

        Clients whose code exists are kept as they are; sessions name their client by
        code. Validation and duplicate detection happen in the importer beforehand.
        """
        clients = list(clients)
        sessions = list(sessions)
        new_clients = 0
        with paused_gc(), self.transaction() as conn:
            self._insert_strategies(conn, list(strategies))
            if settings:
                conn.executemany(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [(k, json.dumps(v)) for k, v in settings.items()],
                )
            ids = {key: cid for cid, key in conn.execute("SELECT id, code_key FROM clients")}
            stamp = rows.iso(rows.now())
            for client in clients:
                if client.key in ids:
                    continue
                client.uuid = self._free_uuid(conn, "clients", client.uuid)
                cur = conn.execute(
                    "INSERT INTO clients (code, code_key, status, start_date, goals, "
                    "is_practice, created_at, updated_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        client.code,
                        client.key,
                        ClientStatus(client.status).value,
                        client.start_date.isoformat() if client.start_date else None,
                        client.goals,
                        int(client.is_practice),
                        stamp,
                        rows.iso(client.updated_at) if client.updated_at else stamp,
                        client.uuid,
                    ),
                )
                client.id = cur.lastrowid
                ids[client.key] = client.id
                new_clients += 1
                self._index_client(conn, client)
            for code, session in sessions:
                session.client_id = ids[code_key(code)]
            written = [session for _code, session in sessions]
            if bulk.can_insert_in_bulk(conn, written):
                bulk.insert_new_sessions(conn, written)  # executemany, ids assigned up front
            else:
                for session in written:
                    self._write_session(conn, session)
        return ImportOutcome(len(sessions), new_clients)

    # -- search -------------------------------------------------------------

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        """Best matches first (BM25), newest first among equals.

        Ranking reads only the index; snippets and joins are computed for the few rows
        kept, so a word found in half the vault costs little more than a rare one.
        """
        query = fts_query(text)
        if query is None:
            return []
        conn = self.conn
        top = [
            rowid
            for (rowid,) in conn.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            )
        ]
        if not top:
            return []
        marks = ", ".join("?" * len(top))
        sql = (
            "SELECT f.rowid, f.kind, f.ref, f.body, c.id, c.code, s.date "
            "FROM search_index f "
            "LEFT JOIN sessions s ON f.kind = 'session' AND s.id = f.ref "
            "JOIN clients c ON c.id = CASE f.kind WHEN 'session' THEN s.client_id ELSE f.ref END "
            f"WHERE f.rowid IN ({marks})"
        )
        position = {rowid: i for i, rowid in enumerate(top)}
        found = sorted(conn.execute(sql, top), key=lambda r: position[r[0]])
        return [
            SearchHit(
                kind=kind,
                client_id=cid,
                client_code=code,
                session_id=ref if kind == "session" else None,
                date=date.fromisoformat(day) if day else None,
                snippet=make_snippet(body, text),
            )
            for _rowid, kind, ref, body, cid, code, day in found
        ]

    # -- drafts -------------------------------------------------------------

    def save_draft(self, slot: str, payload: dict[str, Any]) -> None:
        with self.transaction(counted=False) as conn:
            conn.execute(
                "INSERT INTO drafts (slot, payload, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (slot) DO UPDATE SET payload = excluded.payload, "
                "updated_at = excluded.updated_at",
                (slot, json.dumps(payload, ensure_ascii=False), rows.iso(rows.now())),
            )

    def drafts(self) -> dict[str, dict[str, Any]]:
        return {
            slot: json.loads(payload)
            for slot, payload in self.conn.execute(
                "SELECT slot, payload FROM drafts ORDER BY updated_at"
            )
        }

    def delete_draft(self, slot: str) -> None:
        with self.transaction(counted=False) as conn:
            conn.execute("DELETE FROM drafts WHERE slot = ?", (slot,))

    # -- plans --------------------------------------------------------------

    def plan(self, client_id: int) -> list[PlanItem]:
        """The client's plan for the next session, in the order items were added."""
        return [
            PlanItem(client_id, strategy, note, created, uid, updated)
            for strategy, note, created, uid, updated in self.conn.execute(
                "SELECT strategy, note, created_at, uuid, updated_at FROM plans "
                "WHERE client_id = ? ORDER BY id",
                (client_id,),
            )
        ]

    def add_to_plan(
        self,
        client_id: int,
        strategy: str,
        note: str = "",
        *,
        created_at: datetime | None = None,
        uuid: str | None = None,
    ) -> PlanItem:
        """Add a strategy to the plan; adding it again only replaces its note.
        ``created_at`` (default now) and ``uuid`` let an import keep the exported ones."""
        strategy = strategy.strip()
        problems = [] if strategy else [Problem("strategy", "is required")]
        if self.client(client_id) is None:
            problems.append(Problem("client_id", f"no client with id {client_id}"))
        if problems:
            raise ValidationError(problems)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO plans (client_id, strategy, note, created_at, updated_at, uuid) "
                "VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (client_id, strategy) DO UPDATE SET note = excluded.note, "
                "updated_at = CASE WHEN note IS excluded.note THEN updated_at "
                "ELSE excluded.updated_at END",
                (client_id, strategy, note, rows.iso(created_at or rows.now()),
                 rows.iso(rows.now()), self._free_uuid(conn, "plans", uuid)),
            )  # fmt: skip
        return next(p for p in self.plan(client_id) if p.strategy == strategy)

    def remove_from_plan(self, client_id: int, strategy: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM plans WHERE client_id = ? AND strategy = ?", (client_id, strategy)
            )

    # -- supervision packets ------------------------------------------------

    def save_packet_record(
        self,
        *,
        range_from: date | None,
        range_to: date | None,
        client_count: int,
        questions: Iterable[str] = (),
        created_at: datetime | None = None,
        uuid: str | None = None,
    ) -> PacketRecord:
        """Remember that a packet was exported; the questions stay inside the vault.
        ``uuid`` lets an import or a merge keep the record's identity."""
        record = PacketRecord(
            created_at=created_at or rows.now(),
            range_from=range_from,
            range_to=range_to,
            client_count=int(client_count),
            questions=tuple(q for q in (str(q).strip() for q in questions) if q),
        )
        with self.transaction() as conn:
            record = replace(
                record, uuid=self._free_uuid(conn, "packets", uuid), updated_at=record.created_at
            )
            cur = conn.execute(
                "INSERT INTO packets (uuid, updated_at, created_at, range_from, range_to, "
                "client_count, questions) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.uuid,
                    rows.iso(record.created_at),
                    rows.iso(record.created_at),
                    range_from.isoformat() if range_from else None,
                    range_to.isoformat() if range_to else None,
                    record.client_count,
                    json.dumps(list(record.questions), ensure_ascii=False),
                ),
            )
        return replace(record, id=cur.lastrowid)

    def packets(self) -> list[PacketRecord]:
        """Past packets, newest first."""
        return [
            PacketRecord(
                created_at=datetime.fromisoformat(at),
                range_from=date.fromisoformat(start) if start else None,
                range_to=date.fromisoformat(end) if end else None,
                client_count=count,
                questions=tuple(json.loads(questions)),
                id=pid,
                uuid=uid,
                updated_at=rows.stamp(updated),
            )
            for pid, at, start, end, count, questions, uid, updated in self.conn.execute(
                "SELECT id, created_at, range_from, range_to, client_count, questions, uuid, "
                "updated_at FROM packets ORDER BY created_at DESC, id DESC"
            )
        ]

    # -- merging copies (see app/merge.py) --------------------------------------
    # These write a record exactly as another copy of the vault holds it: its uuid and
    # its stamps, with no validation or new stamp (the other copy validated it).

    def put_client(self, client: Client) -> Client:
        """Insert or update ``client`` as given (by ``client.id``), keeping its stamps."""
        stamp = rows.iso(client.updated_at or rows.now())
        with self.transaction() as conn:
            params = (
                client.code,
                client.key,
                ClientStatus(client.status).value,
                client.start_date.isoformat() if client.start_date else None,
                client.goals,
                int(client.is_practice),
                stamp,
            )
            if client.id is None:
                client.uuid = self._free_uuid(conn, "clients", client.uuid)
                cur = conn.execute(
                    "INSERT INTO clients (code, code_key, status, start_date, goals, "
                    "is_practice, updated_at, created_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*params, stamp, client.uuid),
                )
                client.id = cur.lastrowid
            else:
                conn.execute(
                    "UPDATE clients SET code = ?, code_key = ?, status = ?, start_date = ?, "
                    "goals = ?, is_practice = ?, updated_at = ? WHERE id = ?",
                    (*params, client.id),
                )
            self._index_client(conn, client)
        return client

    def put_session(self, session: Session) -> Session:
        """Insert or update ``session`` as given: its uuid, stamps and ruptures' uuids.

        A rupture is matched to a stored one of this session by uuid; the ruptures the
        session no longer has are deleted (each leaves a tombstone).
        """
        session.ruptures = [replace(r) for r in session.ruptures]
        with self.transaction() as conn:
            if session.id is not None:
                stored = dict(
                    conn.execute(
                        "SELECT uuid, id FROM ruptures WHERE session_id = ?", (session.id,)
                    )
                )
                for r in session.ruptures:
                    r.id = stored.get(r.uuid)
            else:
                for r in session.ruptures:
                    r.id = None
            self._write_session(conn, session)
        return session

    def put_plan_item(self, client_id: int, item: PlanItem) -> None:
        """Insert the plan item, or update the client's item for its strategy, as given."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO plans (client_id, strategy, note, created_at, updated_at, uuid) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, strategy) DO UPDATE SET "
                "note = excluded.note, created_at = excluded.created_at, "
                "updated_at = excluded.updated_at",
                (client_id, item.strategy, item.note, item.created_at,
                 item.updated_at or item.created_at, self._free_uuid(conn, "plans", item.uuid)),
            )  # fmt: skip

    def put_packet(self, record: PacketRecord) -> None:
        """Insert the packet record, or update the one with its uuid, as given."""
        with self.transaction() as conn:
            values = (
                rows.iso(record.updated_at or record.created_at),
                rows.iso(record.created_at),
                record.range_from.isoformat() if record.range_from else None,
                record.range_to.isoformat() if record.range_to else None,
                record.client_count,
                json.dumps(list(record.questions), ensure_ascii=False),
            )
            if (
                record.uuid
                and conn.execute("SELECT 1 FROM packets WHERE uuid = ?", (record.uuid,)).fetchone()
            ):
                conn.execute(
                    "UPDATE packets SET updated_at = ?, created_at = ?, range_from = ?, "
                    "range_to = ?, client_count = ?, questions = ? WHERE uuid = ?",
                    (*values, record.uuid),
                )
            else:
                conn.execute(
                    "INSERT INTO packets (updated_at, created_at, range_from, range_to, "
                    "client_count, questions, uuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*values, self._free_uuid(conn, "packets", record.uuid)),
                )

    def plan_items(self) -> list[tuple[int, PlanItem]]:
        """Every client's plan items as (client id, item), in plan order."""
        return [
            (cid, PlanItem(cid, strategy, note, created, uid, updated))
            for cid, strategy, note, created, uid, updated in self.conn.execute(
                "SELECT client_id, strategy, note, created_at, uuid, updated_at FROM plans "
                "ORDER BY client_id, id"
            )
        ]

    # -- change counter and cached results (schema 8) -------------------------

    def change_counter(self) -> int:
        """A number that every insert, update or delete of user data raises (triggers in
        the schema count them), so a result computed at one value is still right while
        the counter has it. It never goes down in one file."""
        row = self.conn.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def cached_result(self, name: str, counter: int, key: str) -> str | bytes | None:
        """The payload stored under ``name`` if it was computed at ``counter`` with ``key``."""
        row = self.conn.execute(
            "SELECT payload FROM analysis_cache WHERE name = ? AND counter = ? AND key = ?",
            (name, counter, key),
        ).fetchone()
        return row[0] if row else None

    def store_result(self, name: str, counter: int, key: str, payload: str | bytes) -> bool:
        """Keep ``payload`` (computed from the data at ``counter``) inside the vault, in
        place of what ``name`` held. Best effort: False when the vault cannot be written
        now (read-only file, another writer busy, disk full); the caller has its result."""
        return self.store_results(counter, key, {name: payload})

    def store_results(self, counter: int, key: str, payloads: Mapping[str, str | bytes]) -> bool:
        """``store_result`` for several names at once, in one transaction (a payload is
        text or bytes, read back as it was given)."""
        conn = self.conn
        if self.guard.read_only:
            return False  # a read-only session leaves the file's bytes as they were
        # A reader (stats while the app is open) writes only when no one holds the
        # writer lock, and holds it for the write: the app's file identity guard would
        # otherwise take the reader's cache row for another device's change and lock.
        borrowed: WriterLock | None = None
        if self._lock is None:
            try:
                borrowed = WriterLock.acquire(self.path)
            except VaultError:
                return False
        # Not worth waiting for: another connection writing gets at most a moment.
        if not self._depth:
            conn.execute(f"PRAGMA busy_timeout = {STORE_WAIT_MS}")
        try:
            with self.transaction(counted=False) as conn:
                at = rows.iso(rows.now())
                conn.executemany(
                    "INSERT INTO analysis_cache (name, counter, key, payload, created_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                    "counter = excluded.counter, key = excluded.key, "
                    "payload = excluded.payload, created_at = excluded.created_at",
                    [(name, counter, key, payload, at) for name, payload in payloads.items()],
                )
        except (VaultBusyError, VaultReadOnlyError, DiskFullError, VaultReplacedError):
            # Replaced: another process wrote the file since this one read it; the
            # result stays the caller's, and the app hears of the change on its next write.
            return False
        finally:
            if not self._depth:
                conn.execute(f"PRAGMA busy_timeout = {cx.BUSY_TIMEOUT_MS}")
            if borrowed is not None:
                borrowed.release()
        return True

    # -- audit --------------------------------------------------------------

    def audit(self, event: str, detail: str = "") -> None:
        """Record that something happened, never what the data was."""
        if self.guard.read_only:
            return  # a read-only session leaves the file as it was
        with self.transaction(counted=False) as conn:
            conn.execute(
                "INSERT INTO audit_log (at, event, detail) VALUES (?, ?, ?)",
                (rows.iso(rows.now()), event, detail),
            )

    def audit_log(self) -> list[tuple[str, str, str]]:
        return list(self.conn.execute("SELECT at, event, detail FROM audit_log ORDER BY id"))

    # -- maintenance (see maintenance.py for the file-level work) -----------

    def verify(self) -> list[str]:
        from alliance_desktop.vault.maintenance import verify_connection

        return verify_connection(self.conn)

    def change_passphrase(self, new: str) -> None:
        """Rekey, then reopen with the new passphrase to prove it works."""
        from alliance_desktop.vault.maintenance import rekey

        check_new_passphrase(new)
        with self.guard.rewriting():  # not another device's change, even while it runs
            self._conn = rekey(self.conn, self.path, new)
        self.audit("passphrase_changed")


def _migrate(conn: cx.Connection) -> None:
    """The schema migration tells driver errors apart itself (MigrationError)."""
    try:
        with conn.untranslated():
            migrate(conn)
    except cx.DriverError as exc:  # not one of its statements: reading the version, ROLLBACK
        raise cx.translate_error(exc) from exc


__all__ = [
    "CURRENT_VERSION",
    "ClientSummary",
    "ImportOutcome",
    "OpenRupture",
    "PacketRecord",
    "PlanItem",
    "Vault",
]
