"""alliance-cli's edges: another writer (exit 4), no terminal (exit 2), not a vault
(exit 1), restore in the throttle, outputs that must leave nothing, core dumps off."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop import cli
from alliance_desktop.app import backups
from alliance_desktop.cli import common
from alliance_desktop.domain import Client, Session
from alliance_desktop.vault import Vault
from alliance_desktop.vault.throttle import ENV_BASE_MS, Throttle

PASSPHRASE = "correct staple battery orbit"
NEW_PASSPHRASE = "lantern meadow copper seventeen"

pytestmark = pytest.mark.slow


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", ENV_BASE_MS: "1", **(env or {})},
        timeout=60,
        start_new_session=True,  # no controlling terminal
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def with_vault(path: Path, *args: str, stdin: str = PASSPHRASE + "\n"):
    return run("--vault", str(path), "--passphrase-stdin", *args, stdin=stdin)


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        c = v.save_client(Client("Ash 1"))
        v.save_session(Session(c.id, date(2025, 1, 6), trust=6, engagement=5))
        v.save_session(Session(c.id, date(2025, 1, 13), trust=7, engagement=6))
    return path


HOLD = (
    "import sys\n"
    "from alliance_desktop.vault.writer_lock import WriterLock\n"
    "lock = WriterLock.acquire(sys.argv[1])\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture
def held(made: Path):
    """Another process holding the vault's writer lock (an open app, a long import)."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(made)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    yield made
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=30)


def test_a_writer_exits_4_while_another_process_holds_the_vault(held: Path):
    stamp = time.strftime("%H:%M")
    proc = with_vault(held, "passwd", stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert proc.returncode == 4, proc.stderr
    assert "This vault is open in another window (since " in proc.stderr
    assert stamp[:2] in proc.stderr
    imp = held.with_name("s.csv")
    imp.write_text("client,date,trust,engagement\nAsh 1,2025-02-01,5,5\n")
    assert with_vault(held, "import", str(imp)).returncode == 4
    # Readers may run beside the writer.
    assert with_vault(held, "verify").returncode == 0
    assert with_vault(held, "stats", "--json").returncode == 0
    # The passphrase was not changed.
    with Vault.open(held, PASSPHRASE) as v:
        assert v.session_count() == 2


def test_no_terminal_and_no_passphrase_stdin_says_how_and_exits_2(made: Path):
    proc = run("--vault", str(made), "verify", stdin="")
    assert proc.returncode == 2, proc.stderr
    assert "--passphrase-stdin" in proc.stderr
    assert "Warning" not in proc.stderr and "GetPassWarning" not in proc.stderr
    assert "EOFError" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_a_text_file_given_as_the_vault_exits_1(tmp_path: Path):
    note = tmp_path / "notes.txt"
    note.write_text("shopping: milk, bread, coffee\n")
    proc = with_vault(note, "verify")
    assert proc.returncode == 1, proc.stderr
    assert "not an Alliance Desktop vault" in proc.stderr
    assert Throttle(note).failures() == 0


def test_restore_with_a_wrong_passphrase_counts_in_the_throttle(made: Path, tmp_path: Path):
    copy = tmp_path / "copy.alliance"
    with Vault.open(made, PASSPHRASE) as v:
        backups.backup(v, copy)
    proc = with_vault(made, "restore", str(copy), stdin="not the passphrase at all\n")
    assert proc.returncode == 3, proc.stderr  # a wrong passphrase, like everywhere else
    assert "was not restored" in proc.stderr
    assert Throttle(made).failures() == 1
    ok = with_vault(made, "restore", str(copy))
    assert ok.returncode == 0, ok.stderr
    assert Throttle(made).failures() == 0


def test_restore_while_another_process_holds_the_vault_exits_4(held: Path, tmp_path: Path):
    copy = tmp_path / "copy.alliance"
    with Vault.open(held, PASSPHRASE) as v:
        backups.backup(v, copy)
    proc = with_vault(held, "restore", str(copy))
    assert proc.returncode == 4, proc.stderr


@pytest.mark.parametrize("command", ["export", "backup", "chart"])
def test_an_existing_file_or_symlink_is_refused_untouched(made: Path, tmp_path: Path, command):
    suffix = {"export": ".csv", "backup": ".alliance", "chart": ".png"}[command]
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(victim)
    dangling = tmp_path / f"dangling{suffix}"
    dangling.symlink_to(tmp_path / "nowhere")
    existing = tmp_path / f"existing{suffix}"
    existing.write_text("mine")
    extra = {"export": ["--format", "csv"], "backup": [], "chart": ["caseload"]}[command]
    for target in (link, dangling, existing):
        proc = with_vault(made, command, *extra, "--out", str(target))
        assert proc.returncode == 1, proc.stderr
        assert "already exists" in proc.stderr
    assert victim.read_text() == "keep me" and link.is_symlink()
    assert existing.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["vault.alliance", "victim", link.name, dangling.name, existing.name]
    )


@pytest.mark.parametrize("command", ["export", "backup", "chart"])
def test_a_read_only_folder_leaves_no_file(made, tmp_path, monkeypatch, capsys, command):
    """Root ignores permission bits, so the read-only mount is simulated at os.open."""
    ro = tmp_path / "ro"
    ro.mkdir()
    real_open = os.open

    def open_(path, flags, mode=0o777, *, dir_fd=None):
        if Path(os.fsdecode(path)).parent == ro and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(common, "terminal_available", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    suffix = {"export": ".csv", "backup": ".alliance", "chart": ".png"}[command]
    extra = {"export": ["--format", "csv"], "backup": [], "chart": ["caseload"]}[command]
    status = cli.main(["--vault", str(made), command, *extra, "--out", str(ro / f"o{suffix}")])
    err = capsys.readouterr().err
    assert status == 1, err
    assert list(ro.iterdir()) == []
    assert "read-only" in err.lower() or "could not be written" in err.lower(), err
    with Vault.open(made, PASSPHRASE) as v:
        assert not {e for _a, e, _d in v.audit_log()} & {"export", "backup", "chart"}


def test_the_running_cli_has_core_dumps_off(made: Path):
    """Read the limits of a live alliance-cli, waiting at its passphrase prompt."""
    if not Path("/proc/self/limits").exists():
        pytest.skip("no /proc here")
    import pty
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if hard == 0:
        pytest.skip("core dumps are already off for every process here")

    def allow_cores() -> None:  # as a shell with `ulimit -c unlimited` would start it
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(made), "verify"],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=allow_cores,
    )
    os.close(follower)
    try:
        assert proc.stderr is not None
        seen = ""
        while "Passphrase:" not in seen:
            seen += proc.stderr.read(1)
            assert proc.poll() is None, seen
        limits = Path(f"/proc/{proc.pid}/limits").read_text()
        status = Path(f"/proc/{proc.pid}/status").read_text()
    finally:
        proc.kill()
        proc.wait(timeout=30)
        os.close(leader)
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"], core
    # Non-dumpable processes have their /proc files owned by root; as root that says
    # nothing, so the flag itself is checked through prctl in tests/app.
    assert "State:" in status
