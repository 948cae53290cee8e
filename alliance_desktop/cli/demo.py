"""``alliance-cli demo``: create a vault filled with synthetic data."""

from __future__ import annotations

import argparse

from alliance_desktop.cli.common import OK, Add, Failure, Passphrases, count, out, vault_path
from alliance_desktop.cli.init import refuse_existing
from alliance_desktop.i18n import _, ngettext
from alliance_desktop.vault.passphrase import check_new_passphrase

HELP = "create a vault filled with synthetic data"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = vault_path(args)
    refuse_existing(path)
    try:
        from alliance_desktop.app.demo import create_demo
    except ImportError:
        raise Failure(_("Demo data is not available in this version.")) from None
    passphrase = passphrases.new()
    check_new_passphrase(passphrase)
    clients, sessions = create_demo(
        path, passphrase, clients=args.clients, sessions=args.sessions, seed=args.seed
    ).value
    out(
        _(
            "Created a demo vault at {path} with {clients} and {sessions} of synthetic data "
            "(seed {seed})."
        ).format(
            path=path,
            clients=ngettext("{n} client", "{n} clients", clients).format(n=clients),
            sessions=ngettext("{n} session", "{n} sessions", sessions).format(n=sessions),
            seed=args.seed,
        )
    )
    return OK


def register(add: Add) -> None:
    p = add("demo", run, HELP)
    p.add_argument("--clients", type=count(1, 500), default=12, metavar="N")
    p.add_argument("--sessions", type=count(1, 1000), default=24, metavar="M",
                   help="sessions per client")  # fmt: skip
    p.add_argument("--seed", type=int, default=0, metavar="S")
