"""Shared pieces of the security tests: running the real CLI and reading a vault back."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"
NEW_PASSPHRASE = "lantern meadow copper seventeen"
CSV_HEADER = "client,date,trust,engagement,goal_alignment,ruptures,strategies,tags,note\n"


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "alliance_desktop.cli", *args]


def run_cli(
    vault: Path | None,
    *args: str,
    stdin: str = PASSPHRASE + "\n",
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    preexec_fn: Callable[[], None] | None = None,
    prefix: tuple[str, ...] = (),
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run alliance-cli as a real process; it must never print a traceback."""
    where = ("--vault", str(vault), "--passphrase-stdin") if vault is not None else ()
    proc = subprocess.run(
        [*prefix, *cli_command(*where, *args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", **(env or {})},
        cwd=cwd,
        timeout=timeout,
        start_new_session=True,
        preexec_fn=preexec_fn,
    )
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def csv_text(rows: int, *, clients: int = 20, note: str = "steady work") -> str:
    """A valid CSV of ``rows`` distinct sessions spread over ``clients`` clients."""
    lines = [CSV_HEADER]
    for i in range(rows):
        day = f"20{10 + i // 4000:02d}-{1 + i // 300 % 12:02d}-{1 + i % 28:02d}"
        lines.append(f"C{i % clients:03d},{day},{i % 11},{(i * 7) % 11},,,,,{note} {i}\n")
    return "".join(lines)


def counts(path: Path, passphrase: str = PASSPHRASE) -> tuple[int, int, int]:
    """(clients, sessions, drafts) as the vault holds them now."""
    with Vault.open(path, passphrase) as v:
        return len(v.clients()), v.session_count(), len(v.drafts())


def verify_ok(path: Path, passphrase: str = PASSPHRASE) -> None:
    with Vault.open(path, passphrase) as v:
        assert v.verify() == []
