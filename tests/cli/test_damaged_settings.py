"""One settings policy: a damaged value stored in the vault gives way to its default
everywhere (report, stats, export -> import), said once, never a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"
DAMAGED = {"insights.drop_window": "three", "redaction_list": 42}

pytestmark = pytest.mark.slow


def cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(path),
         "--passphrase-stdin", *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        start_new_session=True,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 1"))
        for day, trust in ((6, 6), (13, 7), (20, 3)):
            v.save_session(
                Session(c.id, date(2025, 1, day), trust=trust, engagement=5, supervision=True)
            )
        # Straight into the table, past every validation: what an old or broken writer left.
        with v.transaction() as conn:
            for key, value in DAMAGED.items():
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )
        assert {k: v.settings()[k] for k in DAMAGED} == DAMAGED
    return path


def _said_once(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if "could not be used" in line]
    assert len(lines) == 1, stderr
    assert "insights.drop_window" in lines[0] and "redaction_list" in lines[0]
    assert "defaults stand in" in lines[0]


def test_report_with_damaged_settings_writes_the_packet(damaged: Path, tmp_path: Path):
    out = tmp_path / "packet.pdf"
    proc = cli(damaged, "report", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    _said_once(proc.stderr)


def test_stats_with_damaged_settings(damaged: Path):
    proc = cli(damaged, "stats")
    assert proc.returncode == 0, proc.stderr
    assert "Ash 1" in proc.stdout
    _said_once(proc.stderr)


def test_export_then_import_with_damaged_settings(damaged: Path, tmp_path: Path):
    exported = tmp_path / "all.json"
    proc = cli(damaged, "export", "--format", "json", "--out", str(exported))
    assert proc.returncode == 0, proc.stderr
    settings = json.loads(exported.read_text(encoding="utf-8"))["settings"]
    assert settings["insights.drop_window"] == 3 and settings["redaction_list"] == []
    fresh = tmp_path / "fresh.alliance"
    Vault.create(fresh, PASSPHRASE).close()
    proc = cli(fresh, "import", str(exported))
    assert proc.returncode == 0, proc.stderr
    with Vault.open(fresh, PASSPHRASE) as v:
        assert [c.code for c in v.clients()] == ["Ash 1"]
        assert v.session_count() == 3
        assert v.settings()["insights.drop_window"] == 3
