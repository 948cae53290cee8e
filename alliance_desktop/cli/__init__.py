"""alliance-cli: headless vault operations for scripts, backups and bulk data.

One module per command (the shape of keepassxc-cli's ``src/cli``), each registering its
options and a ``run(args, passphrases)``; ``common`` holds what they share. Commands
parse, ask and present; the work is done by the use cases in ``alliance_desktop.app``.

Exit status: 0 ok, 1 failed (a file that is not a vault included), 2 bad usage or input
(no terminal and no ``--passphrase-stdin`` included), 3 wrong passphrase, 4 another
writer holds the vault, 130 interrupted. A traceback never reaches the user.

Messages follow ``ALLIANCE_LANG``, else LANGUAGE/LC_ALL/LC_MESSAGES/LANG (English,
French, German); what scripts read (JSON keys, alert kinds, CSV columns, command and
option names) stays English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from alliance_desktop import __version__
from alliance_desktop.app.process import harden_process
from alliance_desktop.cli import (
    backup,
    chart,
    conflicts,
    demo,
    export,
    import_,
    init,
    merge,
    passwd,
    report,
    restore,
    stats,
    verify,
)
from alliance_desktop.cli.common import (
    BUSY,
    FAILED,
    INTERRUPTED,
    OK,
    PROG,
    USAGE,
    WRONG_PASSPHRASE,
    Failure,
    Passphrases,
    UsageError,
    exit_status,
)
from alliance_desktop.cli.stats import stats_report
from alliance_desktop.i18n import set_language

#: Commands in the order ``--help`` lists them.
COMMANDS = (init, demo, import_, export, backup, verify, passwd, restore, stats, chart, report,
            merge, conflicts)  # fmt: skip


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--vault",
        metavar="PATH",
        default=default,
        help="the vault file (default: $ALLIANCE_VAULT, then the user data folder)",
    )
    parser.add_argument("--passphrase-stdin", action="store_true", default=default,
                        help="read the passphrase from the first line of standard input")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Headless operations on an Alliance Desktop vault."
    )
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Callable[..., int], text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        # Global options also work after the command; SUPPRESS keeps an earlier value.
        _global_options(p, argparse.SUPPRESS)
        p.set_defaults(handler=handler)
        return p

    for command in COMMANDS:
        command.register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status instead of raising (console scripts exit
    with it). Core dumps are switched off before anything else happens."""
    harden_process()
    # Messages in ALLIANCE_LANG, else the system's language; JSON keys, alert kinds,
    # CSV columns and command names stay English.
    set_language(None)
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version and usage errors
            return exc.code if isinstance(exc.code, int) else (USAGE if exc.code else OK)
        passphrases = Passphrases(bool(args.passphrase_stdin))
        handler: Any = args.handler
        return int(handler(args, passphrases))
    except BaseException as exc:
        if isinstance(exc, SystemExit | GeneratorExit):
            raise
        return exit_status(exc)


__all__ = [
    "BUSY",
    "FAILED",
    "INTERRUPTED",
    "OK",
    "PROG",
    "USAGE",
    "WRONG_PASSPHRASE",
    "Failure",
    "UsageError",
    "build_parser",
    "main",
    "stats_report",
]
