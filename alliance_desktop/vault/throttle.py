"""A growing wait after repeated wrong passphrases, for tools where each try is a new process.

The CLI forgets everything between runs, so the count of failed attempts lives in a
small file beside the vault (``vault.alliance.attempts``, owner-only). It holds a
number and a time, never a passphrase or anything from the vault. After
:data:`FREE_ATTEMPTS` failures every further try first waits 2^(n-5) units, at most
:data:`CAP_UNITS`; a unit is one second unless ``ALLIANCE_THROTTLE_BASE_MS`` says
otherwise (tests set it to a few milliseconds). A correct passphrase removes the file.

This slows guessing through the app; it cannot stop an attacker who copies the file
(PBKDF2's 256,000 iterations do that work; see SECURITY.md).
"""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

SUFFIX = ".attempts"
FREE_ATTEMPTS = 5
CAP_UNITS = 30
ENV_BASE_MS = "ALLIANCE_THROTTLE_BASE_MS"


def attempts_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + SUFFIX)


def _unit_seconds() -> float:
    raw = os.environ.get(ENV_BASE_MS, "")
    try:
        return max(0.0, float(raw)) / 1000 if raw else 1.0
    except ValueError:
        return 1.0


def failures(vault_path: Path) -> int:
    """Failed attempts recorded so far; an unreadable or odd file counts as none."""
    try:
        data = json.loads(attempts_path(vault_path).read_text(encoding="utf-8"))
        count = int(data["failures"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return max(0, count)


def delay_for(failed: int) -> float:
    """Seconds to wait before the next try after ``failed`` wrong passphrases."""
    if failed < FREE_ATTEMPTS:
        return 0.0
    return min(2 ** (failed - FREE_ATTEMPTS), CAP_UNITS) * _unit_seconds()


def wait_before_attempt(
    vault_path: Path, sleep: Callable[[float], None] = time.sleep
) -> tuple[int, float]:
    """Sleep as long as the recorded failures require; returns (failures, seconds)."""
    failed = failures(vault_path)
    seconds = delay_for(failed)
    if seconds > 0:
        sleep(seconds)
    return failed, seconds


def record_failure(vault_path: Path) -> int:
    """Count one more wrong passphrase; best effort (a read-only folder only loses the count)."""
    failed = failures(vault_path) + 1
    target = attempts_path(vault_path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}")
    body = json.dumps({"failures": failed, "last": datetime.now(UTC).isoformat(timespec="seconds")})
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
    return failed


def reset(vault_path: Path) -> None:
    """Forget the failures after a correct passphrase."""
    with suppress(OSError):  # a read-only folder keeps the count; the next wait stays short
        attempts_path(vault_path).unlink(missing_ok=True)
