"""The encrypted store: the only code that speaks SQL."""

from typing import TYPE_CHECKING, Any

from alliance_desktop.vault.errors import (
    DiskFullError,
    MigrationError,
    NewerVaultError,
    NotAVaultError,
    NotEncryptedError,
    PassphraseChangedError,
    VaultBusyError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    VaultReadOnlyError,
    WeakPassphraseError,
    WrongPassphraseError,
)

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.search import SearchHit
    from alliance_desktop.vault.store import ClientSummary, ImportOutcome, Vault
    from alliance_desktop.vault.writer_lock import LockHolder, WriterLock

#: Loaded on first use: the store (and sqlcipher3) stay off the start-up path, where
#: the unlock window only needs the error classes and the passphrase rules.
_LAZY = {
    "SearchHit": "search",
    "ClientSummary": "store",
    "ImportOutcome": "store",
    "Vault": "store",
    "LockHolder": "writer_lock",
    "WriterLock": "writer_lock",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ClientSummary",
    "DiskFullError",
    "ImportOutcome",
    "LockHolder",
    "MigrationError",
    "NewerVaultError",
    "NotAVaultError",
    "NotEncryptedError",
    "PassphraseChangedError",
    "SearchHit",
    "Vault",
    "VaultBusyError",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultInUseError",
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultReadOnlyError",
    "WeakPassphraseError",
    "WriterLock",
    "WrongPassphraseError",
]
