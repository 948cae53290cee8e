"""The encrypted store: the only code that speaks SQL."""

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
    VaultLockedError,
    VaultNotFoundError,
    VaultReadOnlyError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.search import SearchHit
from alliance_desktop.vault.store import ClientSummary, ImportOutcome, Vault
from alliance_desktop.vault.writer_lock import LockHolder, WriterLock

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
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultReadOnlyError",
    "WeakPassphraseError",
    "WriterLock",
    "WrongPassphraseError",
]
