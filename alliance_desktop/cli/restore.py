"""``alliance-cli restore BACKUP``: check a backup, then put it in place of the vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_desktop.app import backups
from alliance_desktop.cli.common import (
    OK,
    Add,
    Failure,
    Passphrases,
    out,
    refuse_busy,
    say_throttle,
    vault_path,
)

HELP = "check a backup, then put it in place of the vault"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    """Check the backup completely, then put it in place; the old vault is kept aside."""
    path = vault_path(args)
    backup = Path(args.backup).expanduser()
    if not backup.is_file():
        raise Failure(f"There is no backup file at {backup}; nothing was changed.")
    refuse_busy(path)
    say_throttle(path)
    result = backups.restore(backup, path, passphrases.current()).value
    out(
        f"Restored {backup} into {result.vault_path} ({result.clients} clients, "
        f"{result.sessions} sessions); it opens with the backup's passphrase."
    )
    if result.replaced is not None:
        out(f"The previous vault was kept at {result.replaced}.")
    return OK


def register(add: Add) -> None:
    p = add("restore", run, HELP)
    p.add_argument("backup", metavar="BACKUP", help="a backup file made by backup")
