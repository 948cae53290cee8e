"""One writer per vault: a lock file beside it, held with flock while a writer has it open.

``vault.alliance.lock`` sits beside the resolved vault path (so a symlink to the vault
and the vault itself share one lock). A writer opens it (owner-only, never through a
symlink), takes ``flock(LOCK_EX | LOCK_NB)`` and keeps the descriptor for as long as it
writes; the kernel drops the lock when the process ends, however it ends, so the lock
of a dead process is simply taken over by the next writer. The file's content (host,
pid and time, as JSON) only tells a second writer who holds the vault; it is never what
decides. Readers take no lock.

Two devices (issue 14): the lock file may travel with the vault through a sync tool.
flock is local to a machine, so a lock file that arrived from another device is no
lock here; but what it says is still worth telling: :func:`other_device` reads it and
names the device that has the vault open, if its holder was alive recently (a writer
rewrites ``alive`` every few minutes with :meth:`WriterLock.touch`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.vault.errors import VaultBusyError, VaultError, VaultReadOnlyError

if TYPE_CHECKING:  # pragma: no cover
    from datetime import datetime, timedelta

# datetime is imported where a lock record is read or written: the unlock window asks
# for another device's lock before it shows, and there is mostly no lock file then.

SUFFIX = ".lock"
# A holder may have taken the lock and not yet written its name; a few short retries
# let a second writer name it instead of reporting an anonymous writer.
_RETRIES = 10
_RETRY_SECONDS = 0.02
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
#: A lock from another device counts as fresh while its holder was alive this recently.
FRESH_SECONDS = 15 * 60


class LockHolder:
    """Who holds a vault's writer lock: host name, process id and since when (aware).

    Read-only, compared and hashed by its fields, like a frozen dataclass (it is not
    one: this module loads before the unlock window, and ``dataclasses`` need not).
    """

    __slots__ = ("alive", "device", "host", "pid", "since")
    host: str
    pid: int
    since: datetime
    device: str  # the host name until devices have names of their own
    #: When the holder last said it was alive (``touch``); ``since`` until it did.
    alive: datetime | None

    def __init__(
        self,
        host: str,
        pid: int,
        since: datetime,
        device: str = "",
        alive: datetime | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "host", host)
        put(self, "pid", pid)
        put(self, "since", since)
        put(self, "device", device or host)
        put(self, "alive", since if alive is None else alive)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a LockHolder is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a LockHolder is read-only")

    def _fields(self) -> tuple[object, ...]:
        return (self.host, self.pid, self.since, self.device, self.alive)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, LockHolder)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"LockHolder(host={self.host!r}, pid={self.pid!r}, since={self.since!r}, "
            f"device={self.device!r}, alive={self.alive!r})"
        )

    def replace(self, *, alive: datetime | None) -> LockHolder:
        """The same holder, alive at another time."""
        return LockHolder(self.host, self.pid, self.since, self.device, alive)

    def body(self) -> bytes:
        """What the lock file says: host, device, pid, since and alive (JSON)."""
        import json

        alive = self.alive or self.since
        return json.dumps({"host": self.host, "device": self.device, "pid": self.pid,
                           "since": self.since.isoformat(),
                           "alive": alive.isoformat()}).encode()  # fmt: skip


def lock_path(vault_path: Path | str) -> Path:
    """``<vault name>.lock`` beside the resolved vault path."""
    resolved = Path(vault_path).expanduser().resolve()
    return resolved.with_name(resolved.name + SUFFIX)


def _hostname() -> str:
    # socket is imported here, not at the top: the unlock window reads the lock file
    # before it shows, and socket is a few milliseconds it does not otherwise need.
    import socket

    return socket.gethostname()


def _parse(raw: bytes) -> LockHolder | None:
    import json
    from datetime import datetime

    try:
        data = json.loads(raw.decode("utf-8"))
        since = _aware(datetime.fromisoformat(str(data["since"])))
        alive = _aware(datetime.fromisoformat(str(data.get("alive") or data["since"])))
        holder = LockHolder(host=str(data["host"]), pid=int(data["pid"]), since=since,
                            device=str(data.get("device") or ""), alive=alive)  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return holder


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def other_device(
    vault_path: Path | str, *, now: datetime | None = None, fresh: timedelta | None = None
) -> LockHolder | None:
    """The other device that has the vault open, as its (synced) lock file says: a
    holder on another host, alive within ``fresh`` (FRESH_SECONDS). None otherwise (no lock file, this
    host's own, or one left long ago). Only reads the file; takes no lock."""
    path = lock_path(vault_path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        holder = _read_fd(fd)
    finally:
        os.close(fd)
    if holder is None or holder.host == _hostname():
        return None
    from datetime import UTC, datetime, timedelta

    fresh = fresh if fresh is not None else timedelta(seconds=FRESH_SECONDS)
    moment = now or datetime.now(UTC)
    alive = holder.alive or holder.since
    return holder if moment - alive <= fresh and alive - moment <= fresh else None


def _read_fd(fd: int) -> LockHolder | None:
    try:
        return _parse(os.pread(fd, 4096, 0))
    except OSError:
        return None


def _alive(holder: LockHolder | None) -> bool:
    """False for no name, or the name of a process on this host that has ended."""
    if holder is None or holder.pid <= 0:
        return False
    if holder.host != _hostname():
        return True  # another machine's process cannot be checked from here
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _open_failed(path: Path, exc: OSError) -> VaultError:
    if exc.errno == errno.ELOOP:
        return VaultError(f"{path} is a symbolic link; remove it so the vault can be opened.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return VaultReadOnlyError(f"the folder of the vault is read-only ({path.parent})")
    return VaultError(f"Could not open {path}: {exc.strerror or exc}.")


class WriterLock:
    """The held writer lock of one vault; release it (or close the vault) to let others in."""

    def __init__(self, path: Path, fd: int, mine: LockHolder):
        self.path = path
        self.mine = mine
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, vault_path: Path | str) -> WriterLock:
        """Take the lock, or raise VaultBusyError naming the holder (None if it cannot tell)."""
        path = lock_path(vault_path)
        holder: LockHolder | None = None
        for _attempt in range(_RETRIES):
            try:
                fd = os.open(path, _OPEN_FLAGS, 0o600)
            except OSError as exc:
                raise _open_failed(path, exc) from exc
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    raise VaultError(f"{path} is not a regular file; remove it.")
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = _read_fd(fd)
                    os.close(fd)
                    if _alive(holder):
                        raise VaultBusyError(holder) from None
                    # Not yet named, or a dead process's name with someone (a holder()
                    # probe, a writer starting) on the lock for a moment: look again.
                    time.sleep(_RETRY_SECONDS)
                    continue
                # The holder before us may have unlinked the file between our open and
                # our flock: then we hold a lock on a name nobody else will open.
                try:
                    now = os.stat(path, follow_symlinks=False)
                except FileNotFoundError:
                    os.close(fd)
                    continue
                if (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):
                    os.close(fd)
                    continue
                from datetime import UTC, datetime

                mine = LockHolder(_hostname(), os.getpid(), datetime.now(UTC))
                os.fchmod(fd, 0o600)
                os.ftruncate(fd, 0)
                os.pwrite(fd, mine.body(), 0)
                return cls(path, fd, mine)
            except BaseException:
                with suppress(OSError):
                    os.close(fd)
                raise
        raise VaultBusyError(holder if _alive(holder) else None)

    @staticmethod
    def holder(vault_path: Path | str) -> LockHolder | None:
        """Who holds the vault's writer lock now; None when nobody does."""
        path = lock_path(vault_path)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            for _attempt in range(_RETRIES):
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    found = _read_fd(fd)
                    if _alive(found):
                        return found
                    time.sleep(_RETRY_SECONDS)  # a writer between its flock and its name
                    continue
                fcntl.flock(fd, fcntl.LOCK_UN)
                return None
            return _read_fd(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def touch(self) -> None:
        """Say the holder is still alive (``alive`` = now), for another device reading a
        synced copy of the lock file. Never raises."""
        fd = self._fd
        if fd is None:
            return
        from datetime import UTC, datetime

        self.mine = self.mine.replace(alive=datetime.now(UTC))
        with suppress(OSError):
            body = self.mine.body()
            os.pwrite(fd, body, 0)  # never empty in between, for a reader
            os.ftruncate(fd, len(body))

    def release(self) -> None:
        """Give the lock up; idempotent and never raises."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with suppress(OSError):
            # Unlink only our own file, while still holding it: a writer waiting on this
            # inode then sees that the name is gone and opens a fresh one.
            info, now = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
            if (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
                self.path.unlink()
        with suppress(OSError):
            os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:
        # A lock dropped without release() must not keep others out for the process's life.
        with suppress(Exception):
            self.release()


__all__ = ["FRESH_SECONDS", "LockHolder", "WriterLock", "lock_path", "other_device"]
