"""Where the vault lives unless the user says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "AllianceDesktop"
VAULT_FILENAME = "vault.alliance"
ENV_VAR = "ALLIANCE_VAULT"


def default_vault_path() -> Path:
    # Imported here: with --vault or ALLIANCE_VAULT (and in every test) the platform's
    # folders are never asked for, and start-up does not pay for the import.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / VAULT_FILENAME


def resolve_vault_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--vault beats ALLIANCE_VAULT beats the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_vault_path()
