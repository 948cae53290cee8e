"""alliance-cli end to end: real processes, real vaults, exit codes and messages.

Each run starts a new session without a controlling terminal, so getpass can never
wait on a real keyboard; passphrases come from stdin (--passphrase-stdin).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop import __version__
from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault
from alliance_desktop.vault.passphrase import strength
from alliance_desktop.vault.schema import CURRENT_VERSION

PASSPHRASE = "correct staple battery orbit"
NEW_PASSPHRASE = "lantern meadow copper seventeen"

pytestmark = pytest.mark.slow

CSV = (
    "client,date,trust,engagement,goal_alignment,ruptures,strategies,tags,note\n"
    'Ash 1,2025-01-06,6,5,4,withdrawal:partial,validate,first,"Quiet start, then\nopened up"\n'
    "Ash 1,2025-01-13,7,6,5,,normalize;validate,,=1+1\n"
    "Birch,2025-01-07,8,8,,confrontation:yes,,,\n"
)


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None):
    """Run alliance-cli; every run must end without a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", **(env or {})},
        cwd=cwd,
        timeout=60,
        start_new_session=True,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout
    return proc


def with_vault(path: Path, *args: str, stdin: str = PASSPHRASE + "\n"):
    return run("--vault", str(path), "--passphrase-stdin", *args, stdin=stdin)


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A vault with two clients and three sessions, made in-process (faster than the CLI)."""
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        a = v.save_client(Client("Ash 1"))
        b = v.save_client(Client("Birch"))
        v.save_session(Session(a.id, date(2025, 1, 6), trust=6, engagement=5))
        v.save_session(Session(a.id, date(2025, 1, 13), trust=8, engagement=6))
        v.save_session(Session(b.id, date(2025, 1, 7), trust=8, engagement=8))
    return path


def test_version_and_usage_errors():
    proc = run("--version")
    assert (proc.returncode, proc.stdout.strip()) == (0, f"alliance-cli {__version__}")
    for args in ([], ["frobnicate"], ["export"], ["export", "--format", "xml"],
                 ["demo", "--clients", "many"], ["backup"]):  # fmt: skip
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "usage:" in proc.stderr


def test_init_reports_strength_refuses_existing_and_weak(tmp_path: Path):
    path = tmp_path / "sub" / "new.alliance"
    proc = with_vault(path, "init")
    assert proc.returncode == 0, proc.stderr
    assert str(path) in proc.stdout
    assert f"strength: {strength(PASSPHRASE).label}." in proc.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    again = with_vault(path, "init")
    assert again.returncode == 1
    assert "already exists" in again.stderr

    weak = with_vault(tmp_path / "weak.alliance", "init", stdin="password123\n")
    assert weak.returncode == 2
    assert "commonly used" in weak.stderr
    assert not (tmp_path / "weak.alliance").exists()

    empty = with_vault(tmp_path / "none.alliance", "init", stdin="")
    assert empty.returncode == 2
    assert "standard input" in empty.stderr


def test_verify_ok_wrong_passphrase_missing_and_not_a_vault(made: Path, tmp_path: Path):
    ok = with_vault(made, "verify")
    assert (ok.returncode, ok.stdout.strip()) == (
        0,
        f"vault OK: schema {CURRENT_VERSION}, 2 clients, 3 sessions",
    )

    wrong = with_vault(made, "verify", stdin="not the right passphrase\n")
    assert wrong.returncode == 3
    assert "Wrong passphrase" in wrong.stderr

    missing = with_vault(tmp_path / "nowhere.alliance", "verify")
    assert missing.returncode == 1
    assert "alliance-cli init" in missing.stderr

    junk = tmp_path / "junk.alliance"
    junk.write_bytes(os.urandom(4096))
    assert with_vault(junk, "verify").returncode == 3  # random bytes look like a wrong key

    folder = with_vault(tmp_path, "verify")
    assert folder.returncode == 1
    assert "not an Alliance Desktop vault" in folder.stderr


def test_the_vault_can_come_from_the_environment(made: Path):
    proc = run("--passphrase-stdin", "verify", stdin=PASSPHRASE + "\n",
               env={"ALLIANCE_VAULT": str(made)})  # fmt: skip
    assert proc.returncode == 0, proc.stderr


def test_global_options_also_work_after_the_command(made: Path):
    proc = run("verify", "--vault", str(made), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert proc.returncode == 0, proc.stderr


def test_newer_vault_is_refused_with_status_1(made: Path):
    with Vault.open(made, PASSPHRASE) as v:
        v.conn.execute("PRAGMA user_version = 99")
    proc = with_vault(made, "verify")
    assert proc.returncode == 1
    assert "newer version" in proc.stderr


def test_verify_reports_damage_with_status_1(tmp_path: Path):
    path = tmp_path / "big.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client("Oak"))
        for i in range(300):
            v.save_session(Session(c.id, date(2024, 1, 1), trust=i % 11, engagement=5,
                                   tags=(f"tag{i}",)))  # fmt: skip
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 100 : middle + 200] = bytes(100)  # damage one page the opening never reads
    path.write_bytes(bytes(data))
    proc = with_vault(path, "verify")
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    # The damaged page is found when the vault opens (or by verify's own check).
    said = proc.stdout + proc.stderr
    assert "HMAC verification failed" in said or "fails its check" in said, said
    assert "alliance-cli restore BACKUP" in proc.stderr


def test_import_success_duplicates_and_atomic_failure(made: Path, tmp_path: Path):
    good = tmp_path / "sessions.csv"
    good.write_text(CSV, encoding="utf-8")
    first = with_vault(made, "import", str(good))
    assert first.returncode == 0, first.stderr
    # Ash 1 and Birch exist already; none of the file's sessions is in the vault yet.
    assert first.stdout.strip() == "imported 3 sessions (0 new clients, 0 duplicates skipped)"
    second = with_vault(made, "import", str(good))
    assert second.stdout.strip() == "imported 0 sessions (0 new clients, 3 duplicates skipped)"

    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV.replace("Birch,2025-01-07,8,8", "Cedar,2025-01-07,12,8") + "Dune,2025-13-01,5,5,,,,,\n",
        encoding="utf-8",
    )
    proc = with_vault(made, "import", str(bad))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == "Nothing was imported: 2 problems found."
    assert lines[1:] == [
        "line 5: trust: must be a whole number from 0 to 10",
        "line 6: date: must be a date written YYYY-MM-DD (found '2025-13-01')",
    ]
    stats = json.loads(with_vault(made, "stats", "--json").stdout)
    assert stats["vault"]["sessions"] == 6 and stats["vault"]["clients"] == 2


def test_import_refuses_other_extensions_missing_files_and_binary(made: Path, tmp_path: Path):
    txt = tmp_path / "sessions.txt"
    txt.write_text(CSV)
    proc = with_vault(made, "import", str(txt))
    assert proc.returncode == 2
    assert "not a .csv or .json file" in proc.stderr

    proc = with_vault(made, "import", str(tmp_path / "absent.csv"))
    assert proc.returncode == 1
    assert "absent.csv" in proc.stderr

    binary = tmp_path / "binary.csv"
    binary.write_bytes(CSV.encode() + b"Oak,2025-01-01,5,5,,,,,\x00\n")
    proc = with_vault(made, "import", str(binary))
    assert proc.returncode == 2
    assert "line 6: file: contains a NUL byte" in proc.stderr


def test_export_csv_and_json_then_import_into_a_new_vault(made: Path, tmp_path: Path):
    proc = with_vault(made, "export", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert "not encrypted" in proc.stderr
    assert proc.stdout.splitlines()[0].startswith("client,date,duration_min")
    assert len(proc.stdout.splitlines()) == 4

    out = tmp_path / "export.json"
    proc = with_vault(made, "export", "--format", "json", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "not encrypted" in proc.stderr and proc.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    exists = with_vault(made, "export", "--format", "json", "--out", str(out))
    assert exists.returncode == 1
    assert "already exists" in exists.stderr

    fresh = tmp_path / "fresh.alliance"
    with Vault.create(fresh, PASSPHRASE):
        pass
    proc = with_vault(fresh, "import", str(out))
    assert proc.stdout.strip() == "imported 3 sessions (2 new clients, 0 duplicates skipped)"
    out2 = tmp_path / "export2.json"
    with_vault(fresh, "export", "--format", "json", "--out", str(out2))
    a, b = json.loads(out.read_text()), json.loads(out2.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b

    with Vault.open(made, PASSPHRASE) as v:
        exports = [(e, d) for _at, e, d in v.audit_log() if e != "unlock"]
        assert exports == [("export", "csv"), ("export", "json")]


def test_backup_writes_a_verified_copy_and_refuses_existing(made: Path, tmp_path: Path):
    out = tmp_path / "copy.alliance"
    proc = with_vault(made, "backup", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    with Vault.open(out, PASSPHRASE) as copy:
        assert copy.session_count() == 3
    again = with_vault(made, "backup", "--out", str(out))
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_passwd_changes_the_passphrase(made: Path):
    weak = with_vault(made, "passwd", stdin=f"{PASSPHRASE}\nshort\n")
    assert weak.returncode == 2
    assert "too short" in weak.stderr
    wrong = with_vault(made, "passwd", stdin=f"not it at all\n{NEW_PASSPHRASE}\n")
    assert wrong.returncode == 3
    same = with_vault(made, "passwd", stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert same.returncode == 2

    ok = with_vault(made, "passwd", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert ok.returncode == 0, ok.stderr
    assert "Passphrase changed" in ok.stdout
    assert with_vault(made, "verify").returncode == 3
    assert with_vault(made, "verify", stdin=NEW_PASSPHRASE + "\n").returncode == 0


def test_stats_json_table_and_client_filter(made: Path):
    proc = with_vault(made, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["vault"] == {
        "clients": 2,
        "sessions": 3,
        "first_session": "2025-01-06",
        "last_session": "2025-01-13",
    }
    assert [c["code"] for c in doc["clients"]] == ["Ash 1", "Birch"]
    assert doc["clients"][0]["means"]["trust"] == 7.0
    assert doc["clients"][0]["means"]["goal_alignment"] is None

    one = json.loads(with_vault(made, "stats", "--client", "birch", "--json").stdout)
    assert [c["code"] for c in one["clients"]] == ["Birch"]

    table = with_vault(made, "stats")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0] == "2 clients, 3 sessions, 2025-01-06 to 2025-01-13"
    assert lines[2].split()[:3] == ["client", "sessions", "first"]
    assert lines[3].startswith("Ash 1 ")

    unknown = with_vault(made, "stats", "--client", "Nobody")
    assert unknown.returncode == 2
    assert "no client" in unknown.stderr


def test_demo_creates_a_vault_of_synthetic_data(tmp_path: Path):
    pytest.importorskip("alliance_desktop.vault.demo")
    path = tmp_path / "demo.alliance"
    proc = with_vault(path, "demo", "--clients", "3", "--sessions", "4", "--seed", "7")
    assert proc.returncode == 0, proc.stderr
    assert "3 clients and 12 sessions" in proc.stdout
    doc = json.loads(with_vault(path, "stats", "--json").stdout)
    assert (doc["vault"]["clients"], doc["vault"]["sessions"]) == (3, 12)
    assert with_vault(path, "demo").returncode == 1  # never over an existing file


def test_interrupt_at_the_prompt_exits_130_quietly(made: Path):
    """Ctrl+C at the hidden prompt of a real terminal (a pseudo-terminal here).

    The command starts with Ctrl+C's default action, as a shell's foreground command
    does. The test run itself may have it ignored (a background job of a shell without
    job control, as CI scripts start it): the command would then inherit that, rightly
    ignore the signal and wait at the prompt until the timeout."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(made), "verify"],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # no controlling terminal: getpass uses the tty on stdin
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(follower)
    try:
        assert proc.stderr is not None
        seen = ""
        while "Passphrase:" not in seen:  # the prompt is up: it is waiting now
            seen += proc.stderr.read(1)
            assert proc.poll() is None, seen
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        os.close(leader)
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
