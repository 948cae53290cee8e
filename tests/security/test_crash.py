"""Nothing is lost: real processes killed with SIGKILL at random points mid-write.

Each operation runs in its own process and is killed without warning (no cleanup,
no finally blocks, no atexit), at points drawn from a fixed seed so a failure can be
replayed. Afterwards the vault must open with exactly one passphrase, pass verify,
and hold either everything from before the operation or everything from after it.
Kill points are spread over the operation's measured duration, so they land in
parsing, in the write transaction and in the commit alike.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.domain import Client
from alliance_desktop.reports import importer
from alliance_desktop.vault import Vault, WrongPassphraseError

from ._helpers import NEW_PASSPHRASE, PASSPHRASE, cli_command, counts, csv_text, verify_ok

pytestmark = pytest.mark.slow

SEED = 20260214
KILLS_PER_OPERATION = 5
ROOT = Path(__file__).parents[2]
# Each test records its kills here; the last test prints the tally (SECURITY.md reports it).
TALLY: dict[str, tuple[int, int]] = {}


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault with 20 clients and 20,000 sessions, made once (copied per kill)."""
    path = tmp_path_factory.mktemp("crash") / "big.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        importer.import_bytes(v, csv_text(20_000).encode(), "csv")
    return path


def _kill_points(name: str, duration: float, n: int = KILLS_PER_OPERATION) -> list[float]:
    """Seconds after start, spread over the run with jitter; fixed per operation name."""
    rng = random.Random(f"{SEED}-{name}")
    return [duration * (i + rng.random()) / n for i in range(n)]


def _start(args: list[str], stdin: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    return proc


def _kill_after(proc: subprocess.Popen[str], seconds: float, calibration: str) -> bool:
    """SIGKILL after ``seconds`` unless it finished first; True when it was killed.

    Either way the run must have been a healthy one up to its end: one that finished
    exited 0 and said what the calibration run said; one that was killed said on
    stderr at most the beginning of that. A run that failed early (a busy vault, a
    traceback) therefore fails the test instead of passing as "nothing changed".
    """
    assert proc.stdout is not None and proc.stderr is not None
    try:
        proc.wait(timeout=seconds)
        killed = False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # It may have finished between the timeout and the signal: then it was not
        # killed, and is held to a finished run's checks below.
        killed = proc.returncode != 0
    stderr = proc.stderr.read()
    proc.stdout.read()
    if killed:
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, stderr)
        assert calibration.startswith(stderr), stderr
    else:
        assert proc.returncode == 0 and stderr == calibration, (proc.returncode, stderr)
    return killed


def _timed_run(args: list[str], stdin: str) -> tuple[float, str]:
    """How long a whole run takes, and what it says on stderr (the healthy run's words)."""
    start = time.monotonic()
    proc = _start(args, stdin)
    assert proc.stderr is not None and proc.stdout is not None
    returncode = proc.wait(timeout=120)
    stderr = proc.stderr.read()
    proc.stdout.read()
    assert returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    return time.monotonic() - start, stderr


def _opens_with_exactly_one(path: Path) -> str:
    """The passphrase that opens the vault; the other one must not."""
    opened = []
    for candidate in (PASSPHRASE, NEW_PASSPHRASE):
        try:
            Vault.open(path, candidate).close()
            opened.append(candidate)
        except WrongPassphraseError:
            pass
    assert len(opened) == 1, opened
    return opened[0]


def _record(name: str, tried: int, survived: int) -> None:
    TALLY[name] = (tried, survived)


def test_import_of_20000_rows_killed_at_random_points(tmp_path: Path):
    base = tmp_path / "base.alliance"
    with Vault.create(base, PASSPHRASE) as v:
        v.save_client(Client("Kept 01"))
    data = tmp_path / "big.csv"
    data.write_text(csv_text(20_000), encoding="utf-8")
    before = counts(base)

    calibration = tmp_path / "calibration.alliance"
    shutil.copy(base, calibration)
    args = cli_command("--vault", str(calibration), "--passphrase-stdin", "import", str(data))
    duration, said = _timed_run(args, PASSPHRASE + "\n")
    after = counts(calibration)
    assert after[1] == before[1] + 20_000

    outcomes = []
    for i, point in enumerate(_kill_points("import", duration)):
        target = tmp_path / f"import-{i}.alliance"
        shutil.copy(base, target)
        args = cli_command("--vault", str(target), "--passphrase-stdin", "import", str(data))
        killed = _kill_after(_start(args, PASSPHRASE + "\n"), point, said)
        assert _opens_with_exactly_one(target) == PASSPHRASE
        verify_ok(target)
        now = counts(target)
        assert now in (before, after), (point, now)
        outcomes.append((killed, now == after))
    _record("import", len(outcomes), len(outcomes))
    assert any(killed for killed, _ in outcomes)


SAVE_LOOP = textwrap.dedent(
    """
    import sys
    from datetime import date
    from alliance_desktop.domain import Client, Session
    from alliance_desktop.domain.models import Reflection
    from alliance_desktop.vault import Vault

    vault = Vault.open(sys.argv[1], sys.argv[2])
    client = vault.client_by_code("Loop 01") or vault.save_client(Client("Loop 01"))
    for i in range(100000):
        vault.save_session(Session(
            client.id, date(2025, 1, 1 + i % 28), trust=i % 11, engagement=(i * 3) % 11,
            tags=(f"t{i}",), reflection=Reflection("free", {"text": f"save {i} " + "w" * 500}),
        ))
        print(i, flush=True)
    """
)

DRAFT_LOOP = textwrap.dedent(
    """
    import sys
    from alliance_desktop.vault import Vault

    vault = Vault.open(sys.argv[1], sys.argv[2])
    for i in range(100000):
        vault.save_draft("editor", {"seq": i, "text": f"draft {i} " + "d" * 2000})
        print(i, flush=True)
    """
)


def _acked_lines(proc: subprocess.Popen[str], wanted: int) -> Iterator[int]:
    assert proc.stdout is not None
    for _ in range(wanted):
        line = proc.stdout.readline()
        if not line:
            return
        yield int(line)


def _loop_then_kill(script: Path, vault: Path, wanted: int, jitter: float) -> int:
    """Run a save loop, kill it after ``wanted`` acknowledged commits (+ jitter); the last ack.

    The child prints its counter after each committed write. The test cannot pass on a
    child that never wrote: all ``wanted`` acks (0, 1, 2, …) must arrive before the
    kill, every later ack must continue the count, the child must still be running when
    it is killed, and it must leave stderr empty (no traceback, no driver noise).
    """
    proc = _start([sys.executable, str(script), str(vault), PASSPHRASE], "")
    assert proc.stdout is not None and proc.stderr is not None
    acked = list(_acked_lines(proc, wanted))
    if len(acked) < wanted:  # the child stopped before acknowledging: say why
        proc.wait()
        pytest.fail(f"the child acknowledged {acked} of {wanted} writes: {proc.stderr.read()}")
    time.sleep(jitter)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    later = [int(line) for line in proc.stdout.read().split()]  # acks after the last read
    stderr = proc.stderr.read()
    assert stderr == "", stderr
    assert proc.returncode == -signal.SIGKILL, proc.returncode  # killed, not ended on its own
    acks = acked + later
    assert acks == list(range(len(acks))), acks
    return acks[-1]


def test_session_save_loop_killed_at_random_points(tmp_path: Path):
    script = tmp_path / "save_loop.py"
    script.write_text(SAVE_LOOP, encoding="utf-8")
    vault = tmp_path / "loop.alliance"
    Vault.create(vault, PASSPHRASE).close()
    rng = random.Random(f"{SEED}-save")
    tried = 0
    for _ in range(KILLS_PER_OPERATION + 1):
        before = counts(vault)[1]
        acked = _loop_then_kill(script, vault, rng.randint(3, 25), rng.random() * 0.02)
        tried += 1
        verify_ok(vault)
        with Vault.open(vault, PASSPHRASE) as v:
            sessions = v.sessions()
        # Every acknowledged commit is there; at most one more (committed, not yet printed).
        new = len(sessions) - before
        assert acked + 1 <= new <= acked + 2, (acked, new)
        for s in sessions[before:]:
            i = int(s.reflection.sections["text"].split()[1])
            assert (s.trust, s.engagement, s.tags) == (i % 11, (i * 3) % 11, (f"t{i}",))
            assert s.reflection.sections["text"] == f"save {i} " + "w" * 500
    _record("session saves", tried, tried)


def test_draft_autosave_loop_killed_at_random_points(tmp_path: Path):
    script = tmp_path / "draft_loop.py"
    script.write_text(DRAFT_LOOP, encoding="utf-8")
    vault = tmp_path / "drafts.alliance"
    Vault.create(vault, PASSPHRASE).close()
    rng = random.Random(f"{SEED}-draft")
    tried = 0
    for _ in range(KILLS_PER_OPERATION + 1):
        acked = _loop_then_kill(script, vault, rng.randint(3, 40), rng.random() * 0.02)
        tried += 1
        verify_ok(vault)
        with Vault.open(vault, PASSPHRASE) as v:
            drafts = v.drafts()
        payload = drafts["editor"]
        assert payload["seq"] in (acked, acked + 1), (acked, payload["seq"])
        assert payload["text"] == f"draft {payload['seq']} " + "d" * 2000
    _record("draft autosaves", tried, tried)


def test_rekey_killed_at_random_points(tmp_path: Path, big_vault: Path):
    stdin = f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n"
    calibration = tmp_path / "calibration.alliance"
    shutil.copy(big_vault, calibration)
    args = cli_command("--vault", str(calibration), "--passphrase-stdin", "passwd")
    duration, said = _timed_run(args, stdin)
    expected = counts(big_vault)
    seen = set()
    tried = 0
    for i, point in enumerate(_kill_points("rekey", duration)):
        target = tmp_path / f"rekey-{i}.alliance"
        shutil.copy(big_vault, target)
        args = cli_command("--vault", str(target), "--passphrase-stdin", "passwd")
        _kill_after(_start(args, stdin), point, said)
        tried += 1
        which = _opens_with_exactly_one(target)
        seen.add(which)
        verify_ok(target, which)
        assert counts(target, which) == expected
    _record("rekey", tried, tried)


def test_backup_killed_at_random_points(tmp_path: Path, big_vault: Path):
    calibration = tmp_path / "calibration.alliance"
    shutil.copy(big_vault, calibration)
    out = tmp_path / "calibration-backup.alliance"
    args = cli_command(
        "--vault", str(calibration), "--passphrase-stdin", "backup", "--out", str(out)
    )
    duration, said = _timed_run(args, PASSPHRASE + "\n")
    expected = counts(big_vault)
    tried = 0
    for i, point in enumerate(_kill_points("backup", duration)):
        target = tmp_path / f"backup-src-{i}.alliance"
        shutil.copy(big_vault, target)
        dest = tmp_path / f"backup-{i}.alliance"
        args = cli_command(
            "--vault", str(target), "--passphrase-stdin", "backup", "--out", str(dest)
        )
        _kill_after(_start(args, PASSPHRASE + "\n"), point, said)
        tried += 1
        assert _opens_with_exactly_one(target) == PASSPHRASE
        verify_ok(target)
        assert counts(target) == expected
        if dest.exists():  # a backup that exists under its name is complete and verified
            verify_ok(dest)
            assert counts(dest) == expected
    _record("backup", tried, tried)
    total = sum(t for t, _ in TALLY.values())
    survived = sum(s for _, s in TALLY.values())
    print(f"\ncrash points tried {total}, survived {survived}: {TALLY}")
