"""A demo vault: an invented caseload written to a new encrypted file in one go."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alliance_desktop.domain.demo import generate
from alliance_desktop.vault.bulk import paused_gc
from alliance_desktop.vault.store import Vault


def create_demo_vault(
    path: Path | str,
    passphrase: str,
    *,
    clients: int = 12,
    sessions: int = 24,
    seed: int = 0,
    today: date | None = None,
) -> Vault:
    """Create a vault at ``path`` filled with generated data and return it open.

    The data is written by one ``import_records`` call, so it is all there or, if
    anything fails, the half-made file is removed rather than left looking like a vault.
    """
    with paused_gc():  # hundreds of thousands of new objects, no cycles (vault.bulk)
        data = generate(clients=clients, sessions=sessions, seed=seed, today=today)
    vault = Vault.create(path, passphrase)
    try:
        vault.import_records(data.clients, data.sessions)
    except BaseException:
        vault.close()
        Path(path).unlink(missing_ok=True)
        raise
    return vault


__all__ = ["create_demo_vault"]
