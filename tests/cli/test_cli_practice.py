"""Practice clients (a trainee's vignettes) stay out of `stats` unless asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.vignettes import VIGNETTES
from alliance_desktop.vault import Vault

PASS = "practice stats passphrase"


def _stats(vault: Path, *extra: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(vault),
         "--passphrase-stdin", "stats", "--json", *extra],
        input=PASS + "\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_practice_clients_are_left_out_unless_asked(tmp_path: Path):
    path = tmp_path / "v.alliance"
    with Vault.create(path, PASS) as vault:
        real = vault.save_client(Client("Real 01"))
        vault.save_session(Session(real.id, date(2026, 3, 2), 7, 6))
        practice = vault.add_practice_client(next(iter(VIGNETTES)).key)
        vault.save_session(Session(practice.id, date(2026, 3, 3), 3, 2))
    default = _stats(path)
    assert [c["code"] for c in default["clients"]] == ["Real 01"]
    assert default["vault"]["sessions"] == 1
    everything = _stats(path, "--include-practice")
    assert len(everything["clients"]) == 2 and everything["vault"]["sessions"] == 2
