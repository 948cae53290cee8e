"""One throttle: keyed by the resolved vault path, persisted, safe under parallel runs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alliance_desktop.vault.throttle import ENV_BASE_MS, Throttle, attempts_path, delay_for

COUNT = textwrap.dedent(
    """
    import sys
    from alliance_desktop.vault.throttle import Throttle
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for _ in range(int(sys.argv[2])):
        Throttle(sys.argv[1]).record_failure()
    """
)


@pytest.fixture(autouse=True)
def one_second_units(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BASE_MS, "1000")


def _write(vault: Path, failures: int, last: datetime) -> None:
    attempts_path(vault).write_text(json.dumps({"failures": failures, "last": last.isoformat()}))


def test_a_symlink_to_the_vault_shares_the_counter(tmp_path: Path):
    vault = tmp_path / "real" / "vault.alliance"
    vault.parent.mkdir()
    vault.write_bytes(b"")
    link = tmp_path / "link.alliance"
    link.symlink_to(vault)
    for _ in range(3):
        Throttle(link).record_failure()
    assert Throttle(vault).failures() == 3
    assert Throttle(link).path == vault.parent / "vault.alliance.attempts"
    assert not (tmp_path / "link.alliance.attempts").exists()


def test_parallel_processes_lose_no_count(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    script = tmp_path / "count.py"
    script.write_text(COUNT, encoding="utf-8")
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(vault), "40"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
    for proc in procs:
        assert proc.wait(timeout=120) == 0
        assert proc.stderr is not None and proc.stderr.read() == ""
    assert Throttle(vault).failures() == 160


def test_the_wait_counts_from_the_last_failure(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    throttle = Throttle(vault)
    assert throttle.seconds_to_wait() == 0.0 and throttle.failures() == 0
    now = datetime.now(UTC)
    _write(vault, 7, now - timedelta(seconds=100))
    assert delay_for(7) == 4.0
    assert throttle.seconds_to_wait() == 0.0  # the delay has passed since the last failure
    _write(vault, 7, now - timedelta(seconds=1))
    assert 0.0 < throttle.seconds_to_wait() <= 3.0
    _write(vault, 7, now + timedelta(hours=2))  # a clock set back never makes it longer
    assert throttle.seconds_to_wait() == 4.0
    _write(vault, 4, now)
    assert throttle.seconds_to_wait() == 0.0  # the free attempts


def test_record_is_owner_only_counts_and_resets(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    throttle = Throttle(vault)
    assert [throttle.record_failure() for _ in range(6)] == [1, 2, 3, 4, 5, 6]
    assert stat.S_IMODE(throttle.path.stat().st_mode) == 0o600
    data = json.loads(throttle.path.read_text())
    assert set(data) == {"failures", "last"} and data["failures"] == 6
    assert 0.0 < throttle.seconds_to_wait() <= 2.0
    throttle.reset()
    assert not throttle.path.exists() and throttle.failures() == 0
    throttle.reset()  # nothing to forget is fine


def test_a_damaged_record_never_locks_anyone_out(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    attempts_path(vault).write_text("{not json")
    throttle = Throttle(vault)
    assert throttle.failures() == 0 and throttle.seconds_to_wait() == 0.0
    assert throttle.record_failure() == 1


def test_the_record_is_never_written_through_a_symlink(tmp_path: Path):
    vault = tmp_path / "vault.alliance"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    os.chmod(victim, 0o644)
    attempts_path(vault).symlink_to(victim)
    Throttle(vault).record_failure()
    assert victim.read_text() == "keep me"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
