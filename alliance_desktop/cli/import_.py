"""``alliance-cli import FILE``: import sessions from .csv or .json, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_desktop.app.exports import import_file
from alliance_desktop.cli.common import OK, USAGE, Add, Passphrases, err, opened, out
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.i18n import _, ngettext
from alliance_desktop.reports import importer

HELP = "import sessions from .csv or .json, all or nothing"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = Path(args.file).expanduser()
    importer.file_kind(path)  # an unsupported file costs no passphrase
    if not path.is_file():
        path.read_bytes()  # the OSError names the file, before a passphrase is asked
    with opened(args, passphrases, writer=True) as vault:
        try:
            result = import_file(vault, path).value
        except ValidationError as exc:
            n = len(exc.problems)
            err(
                ngettext(
                    "Nothing was imported: {n} problem found.",
                    "Nothing was imported: {n} problems found.",
                    n,
                ).format(n=n)
            )
            for problem in exc.problems:
                err(str(problem))
            return USAGE
    out(
        ngettext(
            "imported {n} session ({new} new clients, {duplicates} duplicates skipped)",
            "imported {n} sessions ({new} new clients, {duplicates} duplicates skipped)",
            result.sessions,
        ).format(n=result.sessions, new=result.new_clients, duplicates=result.duplicates)
    )
    if result.settings_ignored:
        err(_("The file's settings were not applied, because this vault already holds data."))
    return OK


def register(add: Add) -> None:
    p = add("import", run, HELP)
    p.add_argument("file", metavar="FILE")
