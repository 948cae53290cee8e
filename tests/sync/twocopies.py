"""Two copies of one vault, as a sync tool leaves them, for the merge tests (the
``pair`` fixture is imported by each test module: no conftest, whose module name the
other test folders already use)."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.models import Reflection
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"
OTHER_PASSPHRASE = "another staple battery orbit"


def session(client_id: int, day: date, text: str = "", trust: int = 5) -> Session:
    return Session(client_id=client_id, date=day, trust=trust, engagement=5,
                   reflection=Reflection("free", {"text": text} if text else {}))  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Pair:
    here_path: Path
    other_path: Path

    def open_here(self) -> Vault:
        return Vault.open(self.here_path, PASSPHRASE)

    def open_other(self) -> Vault:
        return Vault.open(self.other_path, PASSPHRASE)


@pytest.fixture(name="pair")
def pair_fixture(tmp_path: Path) -> Pair:
    """A vault with one client and two sessions, and a byte-for-byte copy of it."""
    here = tmp_path / "here" / "vault.alliance"
    here.parent.mkdir()
    with Vault.create(here, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 07", start_date=date(2026, 1, 1)))
        v.save_session(session(c.id, date(2026, 1, 5), "first"))
        v.save_session(session(c.id, date(2026, 1, 12), "second"))
    other = tmp_path / "other" / "vault.alliance"
    other.parent.mkdir()
    shutil.copyfile(here, other)
    return Pair(here, other)
