"""``alliance-cli conflicts``: the conflict copies sync tools left beside the vault.

Only file names are looked at, so no passphrase is asked: Syncthing
``NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT``, Nextcloud ``NAME (conflicted copy
YYYY-MM-DD HHMMSS).EXT`` and Dropbox ``NAME (HOST's conflicted copy YYYY-MM-DD).EXT``.
"""

from __future__ import annotations

import argparse
import json

from alliance_desktop.app.merge import conflict_copies
from alliance_desktop.cli.common import OK, Add, Passphrases, err, out, vault_path
from alliance_desktop.i18n import _

HELP = "list the conflict copies sync tools left beside the vault (no passphrase needed)"

_TOOLS = {"syncthing": "Syncthing", "nextcloud": "Nextcloud", "dropbox": "Dropbox"}


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = vault_path(args)
    found = conflict_copies(path)
    if args.json:
        out(json.dumps([{"path": str(c.path), "tool": c.tool, "date": c.date,
                         "device": c.device} for c in found], ensure_ascii=False))  # fmt: skip
        return OK
    if not found:
        err(_("No conflict copies beside {path}.").format(path=path))
        return OK
    for c in found:
        when = f"{c.date} {c.time}" if c.time else c.date
        if c.device:
            line = _("{tool}, {when}, from {device}").format(
                tool=_TOOLS[c.tool], when=when, device=c.device
            )
        else:
            line = _("{tool}, {when}").format(tool=_TOOLS[c.tool], when=when)
        out(f"{c.path}\t{line}")
    err(_("Merge one with: alliance-cli merge '{path}'").format(path=found[0].path))
    return OK


def register(add: Add) -> None:
    p = add("conflicts", run, HELP)
    p.add_argument("--json", action="store_true", help='[{"path", "tool", "date", "device"}]')
