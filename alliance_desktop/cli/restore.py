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
from alliance_desktop.i18n import _, ngettext

HELP = "check a backup, then put it in place of the vault"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    """Check the backup completely, then put it in place; the old vault is kept aside."""
    path = vault_path(args)
    backup = Path(args.backup).expanduser()
    if not backup.is_file():
        raise Failure(
            _("There is no backup file at {path}; nothing was changed.").format(path=backup)
        )
    refuse_busy(path)
    say_throttle(path)
    result = backups.restore(backup, path, passphrases.current()).value
    out(
        _(
            "Restored {backup} into {vault} ({clients}, {sessions}); it opens with the backup's passphrase."
        ).format(
            backup=backup,
            vault=result.vault_path,
            clients=ngettext("{n} client", "{n} clients", result.clients).format(n=result.clients),
            sessions=ngettext("{n} session", "{n} sessions", result.sessions).format(
                n=result.sessions
            ),
        )
    )
    if result.replaced is not None:
        out(_("The previous vault was kept at {path}.").format(path=result.replaced))
    return OK


def register(add: Add) -> None:
    p = add("restore", run, HELP)
    p.add_argument("backup", metavar="BACKUP", help="a backup file made by backup")
