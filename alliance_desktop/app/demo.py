"""A vault filled with synthetic data, made as its writer."""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.app.changes import Outcome
from alliance_desktop.vault.writer_lock import WriterLock


def create_demo(
    path: Path | str, passphrase: str, *, clients: int = 12, sessions: int = 24, seed: int = 0
) -> Outcome[tuple[int, int]]:
    """Create a demo vault at ``path`` (never over a file) and close it; the value is
    (clients, sessions) written. Holds the writer lock while it writes."""
    from alliance_desktop.app.access import ensure_folder
    from alliance_desktop.vault.demo import create_demo_vault

    path = Path(path).expanduser()
    ensure_folder(path)
    with WriterLock.acquire(path):
        vault = create_demo_vault(path, passphrase, clients=clients, sessions=sessions, seed=seed)
        try:
            counts = (len(vault.clients()), vault.session_count())
        finally:
            vault.close()
    return Outcome(counts)


__all__ = ["create_demo"]
