"""Fixtures the import tests share."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PASSPHRASE

from alliance_desktop.vault import Vault


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory):
    """One real vault per test module, for property tests whose examples must not pay a
    key derivation each (each example keeps its rows apart or rolls them back)."""
    v = Vault.create(Path(tmp_path_factory.mktemp("shared")) / "v.alliance", PASSPHRASE)
    yield v
    v.close()
