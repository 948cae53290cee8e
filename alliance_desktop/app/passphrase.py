"""Changing the vault's passphrase."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain.errors import Problem, ValidationError
from alliance_desktop.vault.errors import WeakPassphraseError, WrongPassphraseError
from alliance_desktop.vault.passphrase import Strength, check_new_passphrase
from alliance_desktop.vault.store import Vault
from alliance_desktop.vault.throttle import Throttle

FIELD = "new passphrase"


def check_new(current: str, new: str) -> Strength:
    """Refuse the same passphrase again or a weak one (ValidationError naming
    ``new passphrase``); otherwise the strength to report."""
    if new == current:
        raise ValidationError(
            [Problem(FIELD, "is the same as the current one; nothing was changed")]
        )
    try:
        return check_new_passphrase(new)
    except WeakPassphraseError as exc:
        raise ValidationError([Problem(FIELD, str(exc))]) from None


def _verify_current(vault: Vault, current: str, sleep: Callable[[float], Any]) -> None:
    """Prove ``current`` opens the vault; a wrong one counts in the vault's throttle,
    so an unlocked window is no way around the delay."""
    throttle = Throttle(vault.path)
    wait = throttle.seconds_to_wait()
    if wait > 0:
        sleep(wait)
    try:
        Vault.open(vault.path, current).close()
    except WrongPassphraseError:
        throttle.record_failure()
        raise
    throttle.reset()


def change_passphrase(
    vault: Vault, current: str, new: str, *, sleep: Callable[[float], Any] = time.sleep
) -> Outcome[Strength]:
    """Re-encrypt the vault under ``new`` after checking ``current``.

    Raises ValidationError (same or weak new passphrase; checked first, no KDF spent),
    WrongPassphraseError (``current`` is wrong), or VaultError. The vault stays open,
    under the new passphrase; the audit entry is written by the rekey itself.
    """
    verdict = check_new(current, new)
    _verify_current(vault, current, sleep)
    vault.change_passphrase(new)
    return Outcome(verdict, Changes(passphrase=True))


__all__ = ["FIELD", "change_passphrase", "check_new"]
