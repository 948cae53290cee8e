"""``alliance-cli init``: create an empty vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_desktop.app import access
from alliance_desktop.cli.common import (
    OK,
    Add,
    Passphrases,
    out,
    refuse_busy,
    strength_label,
    vault_path,
)
from alliance_desktop.i18n import _
from alliance_desktop.vault.errors import VaultExistsError
from alliance_desktop.vault.passphrase import check_new_passphrase

HELP = "create an empty vault"


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise VaultExistsError(path)


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = vault_path(args)
    refuse_existing(path)
    refuse_busy(path)
    passphrase = passphrases.new()
    verdict = check_new_passphrase(passphrase)
    access.close(access.create(path, passphrase))
    out(_("Created a new vault at {path}.").format(path=path))
    out(_("Passphrase strength: {label}.").format(label=strength_label(verdict.label)))
    return OK


def register(add: Add) -> None:
    add("init", run, HELP)
