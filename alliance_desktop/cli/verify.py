"""``alliance-cli verify``: integrity and schema checks."""

from __future__ import annotations

import argparse

from alliance_desktop.cli.common import FAILED, OK, PROG, Add, Passphrases, err, opened, out
from alliance_desktop.i18n import _, ngettext

HELP = "integrity and schema checks"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with opened(args, passphrases, writer=False) as vault:
        problems = vault.verify()
        if problems:
            for problem in problems:
                out(problem)
            err(
                ngettext(
                    "The vault failed its check with {n} problem.",
                    "The vault failed its check with {n} problems.",
                    len(problems),
                ).format(n=len(problems))
            )
            err(
                _(
                    "The vault file is damaged; put a backup back with: {prog} restore BACKUP"
                ).format(prog=PROG)
            )
            return FAILED
        clients, sessions = len(vault.clients()), vault.session_count()
        version = vault.schema_version()
    out(
        _("vault OK: schema {version}, {clients}, {sessions}").format(
            version=version,
            clients=ngettext("{n} client", "{n} clients", clients).format(n=clients),
            sessions=ngettext("{n} session", "{n} sessions", sessions).format(n=sessions),
        )
    )
    return OK


def register(add: Add) -> None:
    add("verify", run, HELP)
