"""``alliance-cli export``: compact JSON by default, ``--indent N`` for people; ``stats``
served from the vault's cache on the second run, the same text either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from support import PASSPHRASE

from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault

pytestmark = pytest.mark.slow


def cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(path),
         "--passphrase-stdin", *args],
        input=PASSPHRASE + "\n", capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", "ALLIANCE_LANG": "en"}, timeout=60,
        start_new_session=True,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        a = v.save_client(Client("Ash 1"))
        v.save_session(Session(a.id, date(2025, 1, 6), trust=6, engagement=5))
        v.save_session(Session(a.id, date(2025, 1, 13), trust=8, engagement=6))
    return path


def test_export_json_is_compact_unless_indent_is_asked(made: Path):
    compact = cli(made, "export", "--format", "json")
    assert compact.returncode == 0, compact.stderr
    assert compact.stdout.count("\n") == 1
    pretty = cli(made, "export", "--format", "json", "--indent", "2")
    assert pretty.returncode == 0, pretty.stderr
    assert pretty.stdout.startswith('{\n  "format": "alliance-desktop-export",')
    a, b = json.loads(compact.stdout), json.loads(pretty.stdout)
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_stats_is_kept_in_the_vault_and_printed_the_same(made: Path):
    first = cli(made, "stats", "--json")
    assert first.returncode == 0, first.stderr
    with Vault.open(made, PASSPHRASE) as v:
        kept = v.conn.execute("SELECT name, counter FROM analysis_cache ORDER BY name")
        assert kept.fetchall() == [("caseload", v.change_counter()),
                                   ("caseload.estimates", v.change_counter())]  # fmt: skip
    second = cli(made, "stats", "--json")
    assert second.stdout == first.stdout
    with Vault.open(made, PASSPHRASE) as v:
        v.save_session(Session(v.client_by_code("Ash 1").id, date(2025, 1, 20), trust=9,
                               engagement=9))  # fmt: skip
    third = json.loads(cli(made, "stats", "--json").stdout)
    assert third["clients"][0]["sessions"] == 3
