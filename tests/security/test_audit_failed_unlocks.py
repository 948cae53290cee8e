"""Failed unlocks reach the vault's activity log, as a count and nothing more."""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.vault import Vault

from ._helpers import PASSPHRASE, run_cli


def test_cli_records_failed_attempts_at_the_next_unlock(tmp_path: Path):
    vault = tmp_path / "v.alliance"
    assert run_cli(vault, "init").returncode == 0
    for _ in range(2):
        assert run_cli(vault, "stats", stdin="not the passphrase at all\n").returncode == 3
    assert run_cli(vault, "stats").returncode == 0
    with Vault.open(vault, PASSPHRASE) as v:
        failed = [
            (event, detail) for _at, event, detail in v.audit_log() if event == "unlock_failed"
        ]
    assert failed == [("unlock_failed", "2 wrong passphrase(s) before this unlock")]
    assert "not the passphrase" not in str(failed)
