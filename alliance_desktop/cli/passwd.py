"""``alliance-cli passwd``: change the passphrase."""

from __future__ import annotations

import argparse

from alliance_desktop.app import access
from alliance_desktop.app.passphrase import change_passphrase, check_new
from alliance_desktop.cli.common import (
    OK,
    Add,
    Passphrases,
    out,
    refuse_busy,
    strength_label,
    unlock,
    vault_path,
)
from alliance_desktop.i18n import N_, _
from alliance_desktop.vault.errors import VaultNotFoundError

HELP = "change the passphrase"


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = vault_path(args)
    if not path.exists():
        raise VaultNotFoundError(path)
    refuse_busy(path)
    current = passphrases.current()
    vault = unlock(path, current, writer=True)  # a wrong one stops here, before asking more
    try:
        new = passphrases.new(N_("New passphrase"))
        check_new(current, new)  # the same or a weak one: refused before another KDF
        verdict = change_passphrase(vault, current, new).value
    finally:
        access.close(vault)
    out(_("Passphrase changed. Strength: {label}.").format(label=strength_label(verdict.label)))
    return OK


def register(add: Add) -> None:
    add("passwd", run, HELP)
