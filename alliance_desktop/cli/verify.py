"""``alliance-cli verify``: integrity and schema checks."""

from __future__ import annotations

import argparse

from alliance_desktop.cli.common import FAILED, OK, PROG, Add, Passphrases, err, opened, out

HELP = "integrity and schema checks"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with opened(args, passphrases, writer=False) as vault:
        problems = vault.verify()
        if problems:
            for problem in problems:
                out(problem)
            err(f"The vault failed its check with {len(problems)} problem(s).")
            err(f"The vault file is damaged; put a backup back with: {PROG} restore BACKUP")
            return FAILED
        clients, sessions = len(vault.clients()), vault.session_count()
        version = vault.schema_version()
    out(f"vault OK: schema {version}, {clients} clients, {sessions} sessions")
    return OK


def register(add: Add) -> None:
    add("verify", run, HELP)
