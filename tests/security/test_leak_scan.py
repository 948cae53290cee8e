"""Nothing leaks from the CLI: every file a full CLI flow creates is accounted for.

HOME, the XDG folders, TMPDIR and the working folder all point into a fresh place.
After init, an import whose every text field carries a canary, stats, a search
through the vault API, an export, a backup and a verify, only the vault, its backup
and the requested export may exist there, and only the export may hold the canary
(as UTF-8 or UTF-16-LE). New files in the system temp folder are scanned too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ._helpers import CSV_HEADER, PASSPHRASE, run_cli
from .leakscan import files_containing, new_files, snapshot

pytestmark = pytest.mark.slow

CANARY = "Qzv7leakcanary"
SEARCH = (
    "import sys\n"
    "from alliance_desktop.vault import Vault\n"
    "with Vault.open(sys.argv[1], sys.stdin.readline().rstrip('\\n')) as v:\n"
    "    print(len(v.search(sys.argv[2])))\n"
)


def test_cli_flow_leaves_nothing_but_what_was_asked_for(tmp_path: Path):
    home = tmp_path / "home"
    env_dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home / "run",
        "TMPDIR": home / "tmp",
        "MPLCONFIGDIR": home / ".config" / "matplotlib",
    }
    work = home / "work"
    for folder in (*env_dirs.values(), work):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = {key: str(value) for key, value in env_dirs.items()}
    env["ALLIANCE_VAULT"] = ""

    # The input is the user's own file; it is written outside the scanned place.
    source = tmp_path / "input.csv"
    code = f"{CANARY[:8]} 01"
    source.write_text(
        CSV_HEADER
        + f'{code},2025-01-06,6,5,4,withdrawal:partial,validate,{CANARY}tag,"{CANARY} note"\n'
        + f'{code},2025-01-13,7,6,5,,,"{CANARY}x","second {CANARY}"\n',
        encoding="utf-8",
    )
    system_tmp = Path(tempfile.gettempdir())
    before = snapshot([system_tmp])

    vault = work / "vault.alliance"
    export = work / "export.csv"
    backup = work / "backup.alliance"
    steps = [
        ("init",),
        ("import", str(source)),
        ("stats",),
        ("stats", "--json"),
        ("export", "--format", "csv", "--out", str(export)),
        ("backup", "--out", str(backup)),
        ("verify",),
    ]
    for step in steps:
        proc = run_cli(vault, *step, env=env, cwd=work)
        assert proc.returncode == 0, (step, proc.stderr)
    search = subprocess.run(
        [sys.executable, "-c", SEARCH, str(vault), CANARY],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=work,
        timeout=60,
    )
    assert search.returncode == 0 and int(search.stdout) >= 2, search.stderr

    after = snapshot([system_tmp])
    in_home = sorted(snapshot([home]))
    assert in_home == sorted([vault, backup, export]), in_home
    assert not vault.read_bytes().startswith(b"SQLite format 3")
    home_scan = files_containing(in_home, CANARY)
    assert home_scan.leaking == [export]

    fresh = [p for p in new_files(before, after) if not p.is_relative_to(tmp_path)]
    tmp_scan = files_containing(fresh, CANARY)
    assert tmp_scan.leaking == [], tmp_scan.leaking
    print(f"\nleak scan: {len(home_scan.scanned) + len(tmp_scan.scanned)} files scanned "
          f"({len(home_scan.scanned)} in the fresh home, {len(tmp_scan.scanned)} new in "
          f"{system_tmp})")  # fmt: skip
