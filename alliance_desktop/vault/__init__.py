"""The encrypted store: the only code that speaks SQL."""

from alliance_desktop.vault.errors import (
    MigrationError,
    NewerVaultError,
    NotAVaultError,
    NotEncryptedError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.search import SearchHit
from alliance_desktop.vault.store import ClientSummary, ImportOutcome, Vault

__all__ = [
    "ClientSummary",
    "ImportOutcome",
    "MigrationError",
    "NewerVaultError",
    "NotAVaultError",
    "NotEncryptedError",
    "SearchHit",
    "Vault",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultNotFoundError",
    "WeakPassphraseError",
    "WrongPassphraseError",
]
