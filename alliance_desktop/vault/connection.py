"""Opening SQLCipher files: keying, telling failures apart, and durable settings.

Every connection the vault makes is a :class:`Connection`, whose cursors turn any
driver error (on execute, on fetch, while iterating) into the VaultError that says
what happened (:func:`translate_error`), so no ``sqlcipher3`` exception leaves vault/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from alliance_desktop.vault.errors import (
    DiskFullError,
    NotAVaultError,
    NotEncryptedError,
    PassphraseChangedError,
    VaultBusyError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    VaultReadOnlyError,
    WrongPassphraseError,
)
from alliance_desktop.vault.passphrase import sql_literal
from alliance_desktop.vault.schema import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
# Every vault is written with SQLCipher 4's default page size (see SECURITY.md).
PAGE_SIZE = 4096
# How long a statement waits for another connection's lock before "database is locked":
# long enough for a reader's one audit row to wait out a writer's commit.
BUSY_TIMEOUT_MS = 5000

DatabaseError = sqlcipher3.DatabaseError
DriverError = sqlcipher3.Error


class Cursor(sqlcipher3.Cursor):
    """A cursor whose every driver error arrives as a VaultError."""

    def _call(self, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except DriverError as exc:
            if getattr(self.connection, "raw_errors", False):
                raise
            raise vault_error(self.connection, exc) from exc

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return self._call(super().execute, sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: Any) -> Cursor:
        return self._call(super().executemany, sql, seq_of_parameters)

    def executescript(self, script: str) -> Cursor:
        return self._call(super().executescript, script)

    def fetchone(self) -> Any:
        return self._call(super().fetchone)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._call(super().fetchmany, self.arraysize if size is None else size)

    def fetchall(self) -> list[Any]:
        return self._call(super().fetchall)

    def __next__(self) -> Any:
        return self._call(super().__next__)


class Connection(sqlcipher3.Connection):
    """A SQLCipher connection whose statements raise VaultError kinds, never driver errors.

    ``raw_errors`` (see :meth:`untranslated`) lets the few callers that tell driver
    errors apart themselves (keying, the schema migration) see them as they are.
    ``path`` is the file it was opened on.
    """

    raw_errors = False
    path: Path | None = None

    def cursor(self, factory: Any = Cursor) -> Cursor:
        try:
            return super().cursor(factory)
        except DriverError as exc:
            if self.raw_errors:
                raise
            raise vault_error(self, exc) from exc

    def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: Any) -> Cursor:
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, script: str) -> Cursor:
        return self.cursor().executescript(script)

    def every_page_fails(self) -> bool:
        """True when no page of the file passes its check under this connection's key:
        the file was re-encrypted under another passphrase since it was opened."""
        if self.path is None:
            return False
        try:
            pages = self.path.stat().st_size // PAGE_SIZE
            with self.untranslated():
                failed = len(self.execute("PRAGMA cipher_integrity_check").fetchall())
        except (OSError, DriverError):
            return False
        return pages > 1 and failed >= pages

    @contextmanager
    def untranslated(self) -> Iterator[Connection]:
        """Driver errors pass through unchanged inside this block (they are the caller's)."""
        before, self.raw_errors = self.raw_errors, True
        try:
            yield self
        finally:
            self.raw_errors = before


def _configure(conn: Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Rollback journal with synchronous=FULL: every commit is on disk before it
    # returns, and the vault stays one file when closed (nothing beside it to copy
    # or forget in a backup). WAL would buy concurrent readers we do not have.
    # The journal holds encrypted pages only, as the database does.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Keep SQLite's scratch data in memory, never in a temp file on disk.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    # Decrypted pages are cached in memory: a larger cache keeps repeated reads of a
    # big caseload from decrypting the same pages again (32 MiB at most).
    conn.execute("PRAGMA cache_size = -32768")


def connect(path: Path, passphrase: str) -> Connection:
    """A keyed connection; raises a specific error for each way a file can refuse."""
    if not path.exists():
        raise VaultNotFoundError(path)
    if path.is_dir():
        raise NotAVaultError(path, "is a folder, so it")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise VaultError(f"Could not read {path}: {exc.strerror}.") from exc
    if head == SQLITE_HEADER:
        raise NotEncryptedError(path)
    if len(head) == 0:
        raise NotAVaultError(path, "is an empty file, so it")
    if is_text_file(path):
        raise NotAVaultError(path, "is a text file, so it")
    if _size(path) < PAGE_SIZE:
        # SQLCipher writes whole pages: a shorter file was never a vault, and calling
        # it a wrong passphrase would cost the KDF and a throttle count for nothing.
        raise NotAVaultError(path, "is too small to be a vault, so it")
    damage = file_damage(path)
    if damage:
        raise VaultDamagedError(f"The vault file is damaged ({damage}). Restore it from a backup.")
    conn = _keyed(path, passphrase)
    try:
        with conn.untranslated():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongPassphraseError() from exc
        raise VaultDamagedError(
            "The vault file is damaged (it is truncated, or its structure is broken: "
            f"{exc}). Restore it from a backup."
        ) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAVaultError(path)
        _configure(conn)
        _check_pages(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_pages(conn: Connection) -> None:
    """SQLCipher's check of every page's HMAC: a page damaged inside the file is found now.

    It reads the whole file once (about 35 ms for 200 clients with 100 sessions each,
    a 19 MB vault), far cheaper than SQLite's integrity_check, and it is what makes a
    zeroed or altered page a VaultDamagedError at open rather than in the middle of work.
    """
    bad = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    if not bad:
        return
    pages = [found.group(1) for row in bad if (found := _BAD_PAGE.search(row))]
    if pages:
        shown = ", ".join(pages[:5]) + (f" and {len(pages) - 5} more" if len(pages) > 5 else "")
        what = (
            f"page {shown} fails its check"
            if len(pages) == 1
            else f"pages {shown} fail their check"
        )
        what += ": damaged or altered"
    else:
        what = "; ".join(bad[:3])
    raise VaultDamagedError(f"The vault file is damaged ({what}). Restore it from a backup.")


_BAD_PAGE = re.compile(r"page (\d+)")
#: Every page's check, for a file that changed under an open vault (file_identity).
check_pages = _check_pages


_TEXT_CONTROLS = frozenset("\t\n\r\f\v\ufeff")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return PAGE_SIZE  # unreadable now: keying it says why, with its own message


def is_text_file(path: Path) -> bool:
    """True when the first page is printable text (UTF-8 or ASCII): what SQLCipher never writes.

    A SQLCipher file begins with a random salt and encrypted pages, so its bytes look
    random; a page of them that decodes as printable text does not happen by chance.
    """
    try:
        with path.open("rb") as fh:
            first = fh.read(PAGE_SIZE)
    except OSError:
        return False
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(first) - 3:  # not only a character cut at the page's end
            return False
        text = first[: exc.start].decode("utf-8")
    return bool(text) and all(c.isprintable() or c in _TEXT_CONTROLS for c in text)


def file_damage(path: Path) -> str | None:
    """Damage visible without the key: a size that is not whole pages, or zeroed pages.

    SQLCipher's first 16 bytes are a random salt, so a first page of zeros never comes
    from SQLCipher; a file of zeros is what some file systems leave after a crash.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            first = fh.read(PAGE_SIZE)
    except OSError:
        return None  # reading fails again, with its own message, when the file is keyed
    if size > PAGE_SIZE and size % PAGE_SIZE:  # under one page: not taken for a vault at all
        return f"truncated: {size} bytes is not a whole number of {PAGE_SIZE}-byte pages"
    if first.count(0) == len(first):
        return "zero-filled: its first page holds only zero bytes"
    return None


_DAMAGE_WORDS = ("malformed", "not a database", "hmac", "corrupt")
_FULL_WORDS = ("database or disk is full", "file too large")
_BUSY_WORDS = ("database is locked", "database table is locked", "database schema is locked")
_READ_ONLY_WORDS = ("readonly database", "read-only database", "read-only file system")


def vault_error(conn: object, exc: BaseException) -> VaultError:
    """:func:`translate_error`, telling a passphrase changed elsewhere from damage.

    Once another process (another window, ``alliance-cli passwd``) has rekeyed the
    vault, this connection's key opens no page: SQLite says "file is not a database",
    which alone would read as damage. Damage rarely spares no page; a rekey never does.
    """
    error = translate_error(exc)
    if isinstance(error, VaultReadOnlyError) and getattr(conn, "read_only", False):
        from alliance_desktop.vault.file_identity import VaultOpenedReadOnlyError

        return VaultOpenedReadOnlyError()  # opened read-only: another device has it open
    if (
        isinstance(error, VaultDamagedError)
        and isinstance(conn, Connection)
        and "not a database" in str(exc).lower()
        and conn.every_page_fails()
    ):
        return PassphraseChangedError()
    return error


def translate_error(exc: BaseException) -> VaultError:
    """A SQLite/SQLCipher error as a VaultError whose sentence a person can act on.

    The one mapping from driver errors to vault errors. Running out of space surfaces
    as SQLITE_FULL ("database or disk is full") when a write is cut short and as
    SQLITE_IOERR ("disk I/O error") when it fails outright (EFBIG from a file-size
    limit, EIO); both mean nothing was written. "database is locked" is another
    connection writing for longer than the busy timeout.
    """
    if isinstance(exc, VaultError):
        return exc
    text = str(exc).lower()
    code = str(getattr(exc, "sqlite_errorname", "") or "")
    if isinstance(exc, sqlcipher3.ProgrammingError) and "closed" in text:
        return VaultLockedError()
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or any(w in text for w in _BUSY_WORDS):
        return VaultBusyError(None)
    if code.startswith("SQLITE_READONLY") or any(word in text for word in _READ_ONLY_WORDS):
        return VaultReadOnlyError()
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return VaultDamagedError(f"The vault file is damaged ({exc}). Restore it from a backup.")
    if any(word in text for word in _FULL_WORDS):
        return DiskFullError()
    if "disk i/o error" in text:
        return DiskFullError(
            "the disk reported an input/output error (it may be full, a file-size limit "
            "may have been reached, or the disk may be failing)"
        )
    if any(word in text for word in _DAMAGE_WORDS):
        return VaultDamagedError(f"The vault file is damaged ({exc}). Restore it from a backup.")
    return VaultError(f"The vault could not be read or written ({exc}).")


def _keyed(path: Path, passphrase: str) -> Connection:
    try:
        conn = sqlcipher3.connect(
            str(path),
            isolation_level=None,
            # A background job (gui.common.background) uses the vault's one connection
            # from a worker thread while the UI thread keeps off it (Vault.conn refuses
            # any other thread meanwhile); SQLite itself is built serialized
            # (THREADSAFE=1). The passphrase is never kept for a second connection.
            check_same_thread=False,
            factory=Connection,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except DriverError as exc:
        raise VaultError(f"Could not open {path}: {exc}.") from exc
    conn.path = path
    # Silence SQLCipher's own logging: a wrong key would otherwise print to stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
    return conn


def create_file(path: Path, passphrase: str) -> Connection:
    """A keyed connection to a new, empty, owner-only file; never overwrites."""
    if path.exists():
        raise VaultExistsError(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise VaultExistsError(path) from exc
    except OSError as exc:
        raise VaultError(f"Could not create {path}: {exc.strerror}.") from exc
    os.close(fd)
    conn = _keyed(path, passphrase)
    _configure(conn)
    return conn


def attach_literal(path: Path) -> str:
    return sql_literal(str(path))
