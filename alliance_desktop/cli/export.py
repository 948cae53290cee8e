"""``alliance-cli export``: plaintext CSV or JSON, to a new private file or stdout."""

from __future__ import annotations

import argparse

from alliance_desktop.app.errors import OutputExistsError
from alliance_desktop.app.exports import FORMATS, export_data, export_stream
from alliance_desktop.cli.common import OK, Add, Passphrases, err, opened, out_path, stdout_bytes
from alliance_desktop.i18n import _

HELP = "plaintext export (stdout if no --out)"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    target = out_path(args.out) if args.out else None
    if target is not None and (target.exists() or target.is_symlink()):
        raise OutputExistsError(target)  # before a passphrase that cannot help
    with opened(args, passphrases, writer=False) as vault:
        err(_("Warning: the export is not encrypted; keep it safe and delete it when done."))
        if target is None:
            export_stream(vault, args.format, stdout_bytes(), indent=args.indent)
        else:
            export_data(vault, args.format, target, indent=args.indent)
            err(_("Exported to {path}.").format(path=target))
    return OK


def register(add: Add) -> None:
    p = add("export", run, HELP)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", metavar="FILE", help="a new file, created readable by you only")
    p.add_argument(
        "--indent",
        type=int,
        metavar="N",
        help="JSON only: indent by N spaces for reading (default: one compact line)",
    )
