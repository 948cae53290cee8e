"""Reading and changing the settings kept inside the vault, as one typed value."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.domain.settings import (
    CLIENT_RATING_MAX,
    CLIENT_RATING_THRESHOLD,
    VaultSettings,
)
from alliance_desktop.vault.store import Vault

SETTINGS_CHANGED = Changes(settings=True)


def load_settings(vault: Vault) -> VaultSettings:
    """The vault's settings; a damaged stored value is replaced by its default and named
    in ``VaultSettings.damaged`` (the one policy, see domain/settings.py)."""
    return vault.typed_settings()


def update_settings(vault: Vault, raw: Mapping[str, Any]) -> Outcome[VaultSettings]:
    """Apply ``raw`` (keys as stored) over the current settings, all of it or nothing.

    Raises ValidationError naming every bad key before anything is written. Only the
    keys given are written (both rating-scale keys when either changes, so the pair
    stays consistent), in their normalized form, with the audit entry in the same
    transaction.
    """
    current = load_settings(vault)
    new = current.updated(raw)
    stored = new.to_mapping()
    keys = set(raw)
    if keys & {CLIENT_RATING_MAX, CLIENT_RATING_THRESHOLD}:
        keys |= {CLIENT_RATING_MAX, CLIENT_RATING_THRESHOLD}
    values = {key: stored[key] for key in sorted(keys)}
    with vault.transaction():
        if values:
            vault.set_settings(values)
        vault.audit("settings_changed", f"{len(values)} setting(s)")
    return Outcome(new, SETTINGS_CHANGED)


__all__ = ["load_settings", "update_settings"]
