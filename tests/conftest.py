"""Shared fixtures: a real SQLCipher vault in a temporary folder, Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.alliance"


@pytest.fixture
def vault(vault_path: Path):
    v = Vault.create(vault_path, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def client(vault: Vault) -> Client:
    return vault.save_client(Client("Bryn 02", goals="Sleep through the night"))


def make_session(client_id: int, day: date = date(2026, 3, 2), **kw) -> Session:
    kw.setdefault("trust", 7)
    kw.setdefault("engagement", 6)
    return Session(client_id, day, **kw)
