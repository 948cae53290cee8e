"""One growing wait after repeated wrong passphrases, shared by the GUI and the CLI.

The count of failed attempts lives in a small file beside the vault
(``vault.alliance.attempts``, owner-only), keyed by the *resolved* vault path, so a
symlink to the vault shares its counter and a new process (every CLI run, a restarted
app) starts where the last one stopped. The file holds a number and a time, never a
passphrase or anything from the vault, and every read-modify-write happens under
``flock`` on it, so parallel runs lose no count. After :data:`FREE_ATTEMPTS` failures
the next try may start 2^(n-5) units after the last failure, at most :data:`CAP_UNITS`;
a unit is one second unless ``ALLIANCE_THROTTLE_BASE_MS`` says otherwise (tests set it
to a few milliseconds). A correct passphrase resets it.

This slows guessing through the app; it cannot stop an attacker who copies the file
(PBKDF2's 256,000 iterations do that work; see SECURITY.md).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from datetime import datetime

SUFFIX = ".attempts"
FREE_ATTEMPTS = 5
CAP_UNITS = 30
ENV_BASE_MS = "ALLIANCE_THROTTLE_BASE_MS"
FILE_MODE = 0o600
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC


def attempts_path(vault_path: Path | str) -> Path:
    """``<vault name>.attempts`` beside the resolved vault path."""
    resolved = Path(vault_path).expanduser().resolve()
    return resolved.with_name(resolved.name + SUFFIX)


def _unit_seconds() -> float:
    raw = os.environ.get(ENV_BASE_MS, "")
    try:
        return max(0.0, float(raw)) / 1000 if raw else 1.0
    except ValueError:
        return 1.0


def delay_for(failed: int) -> float:
    """Seconds to wait, counted from the last failure, after ``failed`` wrong passphrases."""
    if failed < FREE_ATTEMPTS:
        return 0.0
    return min(2 ** (failed - FREE_ATTEMPTS), CAP_UNITS) * _unit_seconds()


def _parse(raw: bytes) -> tuple[int, datetime | None]:
    """(failures, last failure); an unreadable or odd record counts as none."""
    # Here, not at the top: the unlock window asks before it shows, mostly with no record.
    import json
    from datetime import UTC, datetime

    try:
        data = json.loads(raw.decode("utf-8"))
        count = max(0, int(data["failures"]))
    except (ValueError, KeyError, TypeError):
        return 0, None
    try:
        last = datetime.fromisoformat(str(data.get("last")))
    except ValueError:
        last = None
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    return count, last


class Throttle:
    """The failed-attempt counter of one vault (see the module docstring)."""

    def __init__(self, vault_path: Path | str):
        self.path = attempts_path(vault_path)

    @contextmanager
    def _locked(self, exclusive: bool, *, create: bool) -> Iterator[int | None]:
        """The record's descriptor under flock; None when there is none (or it is unusable)."""
        for _attempt in range(10):
            try:
                if create:  # 0600 from the creating call, never wider for a moment
                    fd = os.open(self.path, _OPEN_FLAGS, FILE_MODE)
                else:
                    fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW)
            except OSError:  # none yet, a symlink in its place, or a read-only folder
                yield None
                return
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
                # reset() may have unlinked the file between our open and our flock.
                try:
                    same = os.path.samestat(os.fstat(fd), os.stat(self.path, follow_symlinks=False))
                except FileNotFoundError:
                    same = False
                if same:
                    yield fd
                    return
            finally:
                os.close(fd)
        yield None

    def _read(self) -> tuple[int, datetime | None]:
        with self._locked(False, create=False) as fd:
            if fd is None:
                return 0, None
            try:
                return _parse(os.pread(fd, 4096, 0))
            except OSError:
                return 0, None

    def failures(self) -> int:
        """Failed attempts recorded so far."""
        return self._read()[0]

    def seconds_to_wait(self) -> float:
        """How long until the next attempt may start: the delay minus the time since the
        last failure (0 when there is no delay). A clock set back never makes it longer."""
        failed, last = self._read()
        delay = delay_for(failed)
        if delay <= 0:
            return 0.0
        if last is None:
            return delay
        from datetime import UTC, datetime

        elapsed = (datetime.now(UTC) - last).total_seconds()
        return min(delay, max(0.0, delay - elapsed))

    def record_failure(self) -> int:
        """Count one more wrong passphrase; best effort (a read-only folder loses the count)."""
        with self._locked(True, create=True) as fd:
            if fd is None:
                return self.failures() + 1
            try:
                failed = _parse(os.pread(fd, 4096, 0))[0] + 1
            except OSError:
                failed = 1
            import json
            from datetime import UTC, datetime

            body = json.dumps({"failures": failed, "last": datetime.now(UTC).isoformat()})
            with suppress(OSError):
                os.fchmod(fd, 0o600)
                os.ftruncate(fd, 0)
                os.pwrite(fd, body.encode(), 0)
                os.fsync(fd)
            return failed

    def reset(self) -> None:
        """Forget the failures after a correct passphrase."""
        with self._locked(True, create=False) as fd:
            if fd is not None:
                with suppress(OSError):  # a read-only folder keeps the count
                    self.path.unlink()


__all__ = ["Throttle", "attempts_path", "delay_for"]
