"""``alliance-cli backup --out FILE``: an encrypted, verified copy."""

from __future__ import annotations

import argparse

from alliance_desktop.app import backups
from alliance_desktop.app.errors import OutputExistsError
from alliance_desktop.cli.common import OK, Add, Passphrases, opened, out, out_path
from alliance_desktop.i18n import _

HELP = "encrypted, verified copy"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    target = out_path(args.out)
    if target.exists() or target.is_symlink():
        raise OutputExistsError(target)
    with opened(args, passphrases, writer=False) as vault:
        written = backups.backup(vault, target).value
    out(
        _("Backup written to {path} and verified; it opens with the same passphrase.").format(
            path=written
        )
    )
    return OK


def register(add: Add) -> None:
    p = add("backup", run, HELP)
    p.add_argument("--out", metavar="FILE", required=True)
