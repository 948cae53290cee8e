"""``alliance-cli merge OTHER``: merge another copy of the vault into this one.

OTHER (a sync tool's conflict copy, or any copy of the vault) is read, never written;
the merge runs in one transaction under this vault's writer lock (exit 4 when another
writer holds it). With ``--passphrase-stdin`` this vault's passphrase is on line 1 and
OTHER's on line 2. A recognised conflict copy is moved aside afterwards, renamed
``NAME.merged-YYYYMMDD`` beside itself; it is never deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_desktop.app.merge import merge, parse_conflict_name
from alliance_desktop.cli import common
from alliance_desktop.cli.common import (
    OK,
    WRONG_PASSPHRASE,
    Add,
    Passphrases,
    UsageError,
    err,
    opened,
    out,
    vault_path,
)
from alliance_desktop.i18n import _
from alliance_desktop.vault.errors import VaultNotFoundError, WrongPassphraseError

HELP = "merge another copy of the vault (a sync tool's conflict copy) into this one"


def _other_passphrase(passphrases: Passphrases) -> str:
    if passphrases.from_stdin:
        return passphrases.current()  # the next line: line 2
    text = common._hidden(_("Passphrase of the other copy: "))
    if not text:
        raise UsageError(_("No passphrase was given for the other copy."))
    return text


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    other = Path(args.other).expanduser()
    if not other.exists():
        raise VaultNotFoundError(other)
    if other.resolve() == vault_path(args).resolve():
        raise UsageError(_("A vault cannot be merged into itself; name the other copy."))
    move = parse_conflict_name(other) is not None and not args.keep_in_place
    with opened(args, passphrases, writer=True) as vault:
        secret = _other_passphrase(passphrases)
        try:
            report = merge(vault, other, secret, move_aside=move).value
        except WrongPassphraseError:
            err(
                _("The passphrase for {name} is wrong; nothing was merged.").format(name=other.name)
            )
            return WRONG_PASSPHRASE
    out(report.summary())
    if report.moved_to is not None:
        err(_("The merged copy was kept as {path}.").format(path=report.moved_to))
    return OK


def register(add: Add) -> None:
    p = add("merge", run, HELP)
    p.add_argument("other", metavar="OTHER", help="the other copy of the vault (left untouched)")
    p.add_argument("--keep-in-place", action="store_true",
                   help="do not rename a merged conflict copy to NAME.merged-YYYYMMDD")  # fmt: skip
