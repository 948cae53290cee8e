"""A full disk, simulated with RLIMIT_FSIZE in a child process.

With SIGXFSZ ignored, a write past the limit fails with EFBIG (or comes up short)
exactly as on a full disk, without filling a real one. Each case must end with a
plain sentence about disk space or the file-size limit (CLI exit 1), nothing half
written (no .partial backup left), and the vault unchanged, passing verify, opening.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.reports.exporter import render_csv
from alliance_desktop.vault import Vault

from ._helpers import PASSPHRASE, counts, csv_text, run_cli, verify_ok

pytestmark = pytest.mark.slow


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: files the child writes may not grow past ``limit`` bytes."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _says_disk_or_size(message: str) -> None:
    lowered = message.lower()
    assert "disk" in lowered or "file-size limit" in lowered, message
    assert "Traceback" not in message


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        client = v.save_client(Client("Full 01"))
        for i in range(40):
            v.save_session(Session(client.id, date(2025, 1, 1 + i % 28), trust=i % 11,
                                   engagement=5))  # fmt: skip
    return path


def _snapshot(path: Path) -> tuple[str, tuple[int, int, int]]:
    """Everything the vault holds, as its CSV export; bytes differ after a rollback
    because SQLCipher writes each restored page with a fresh IV."""
    with Vault.open(path, PASSPHRASE) as v:
        return render_csv(v), counts(path)


def test_import_on_a_full_disk(filled: Path, tmp_path: Path):
    data = tmp_path / "many.csv"
    data.write_text(csv_text(3000), encoding="utf-8")
    before_text, before = _snapshot(filled)
    limit = filled.stat().st_size + 8192
    proc = run_cli(filled, "import", str(data), preexec_fn=file_size_limit(limit))
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    _says_disk_or_size(proc.stderr)
    assert "Nothing was saved" in proc.stderr
    assert counts(filled) == before
    verify_ok(filled)
    assert _snapshot(filled) == (before_text, before)  # the rollback put every page back
    assert not Path(str(filled) + "-journal").exists()


SAVE = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import date
    from alliance_desktop.domain import Session
    from alliance_desktop.domain.models import Reflection
    from alliance_desktop.vault import Vault, VaultError

    vault = Vault.open(sys.argv[1], sys.argv[2])
    client = vault.clients()[0]
    limit = int(sys.argv[3])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        vault.save_session(Session(client.id, date(2025, 3, 1), trust=5, engagement=5,
                                   reflection=Reflection("free", {"text": "x" * 90000})))
    except VaultError as exc:
        print(type(exc).__name__, exc)
        vault.close()
        raise SystemExit(1)
    print("saved")
    """
)


def test_session_save_on_a_full_disk(filled: Path, tmp_path: Path):
    script = tmp_path / "save.py"
    script.write_text(SAVE, encoding="utf-8")
    before_text, before = _snapshot(filled)
    limit = filled.stat().st_size + 4096
    proc = subprocess.run(
        [sys.executable, str(script), str(filled), PASSPHRASE, str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stdout.startswith("DiskFullError "), proc.stdout
    _says_disk_or_size(proc.stdout)
    assert counts(filled) == before
    verify_ok(filled)
    assert _snapshot(filled) == (before_text, before)


def test_backup_on_a_full_disk(filled: Path, tmp_path: Path):
    before_text, before = _snapshot(filled)
    out_dir = tmp_path / "backups"
    out_dir.mkdir()
    out = out_dir / "backup.alliance"
    limit = filled.stat().st_size // 2  # the copy cannot fit
    proc = run_cli(filled, "backup", "--out", str(out), preexec_fn=file_size_limit(limit))
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    _says_disk_or_size(proc.stderr)
    assert "backup could not be written" in proc.stderr
    assert list(out_dir.iterdir()) == []  # neither the backup nor a .partial file
    assert _snapshot(filled) == (before_text, before)
    assert counts(filled) == before
    verify_ok(filled)


def test_export_on_a_full_disk_leaves_no_file(filled: Path, tmp_path: Path):
    out = tmp_path / "export.csv"
    proc = run_cli(filled, "export", "--format", "csv", "--out", str(out),
                   preexec_fn=file_size_limit(512))  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "larger than this system allows a file to be; nothing was saved" in proc.stderr
    assert not out.exists()
    verify_ok(filled)
