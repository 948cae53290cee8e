"""`alliance-desktop --self-test`: each check reports, and the exit status tells the truth.

These run by default: in-process they take about a second, the subprocess run a few.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_desktop import selftest

CHECKS = (
    "Qt resources",
    "Qt forms",
    "unlock window shown",
    "SQLCipher 4 with FTS5",
    "vault create/open",
    "session write/read",
    "verify",
    "chart",
    "alliance-cli",
    "temporary folder removed",
)


def _temp_folders() -> set[str]:
    import tempfile

    return {p.name for p in Path(tempfile.gettempdir()).glob("alliance-selftest-*")}


def test_every_check_passes_in_process(qapp):
    before = _temp_folders()
    out = io.StringIO()
    assert selftest.run(out) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("alliance-desktop ")
    for name in CHECKS:
        assert any(line.startswith(f"ok   {name}") for line in lines), (name, lines)
    assert lines[-1].startswith("all checks passed in ")
    # The throwaway vault lives in a private folder that is gone afterwards.
    assert _temp_folders() == before


def test_a_failing_check_prints_fail_and_exits_1(qapp, monkeypatch):
    def broken() -> str:
        raise RuntimeError("no FTS5 here\nsecond line is not printed")

    monkeypatch.setattr(selftest, "check_sqlcipher", broken)
    out = io.StringIO()
    assert selftest.run(out) == 1
    text = out.getvalue()
    assert "FAIL SQLCipher 4 with FTS5: RuntimeError: no FTS5 here\n" in text
    assert "second line" not in text
    assert "ok   chart" in text  # one failure does not hide the other results
    assert "ok   alliance-cli" in text
    assert text.splitlines()[-1].startswith("SOME CHECKS FAILED")


def test_result_lines_are_aligned():
    assert selftest.Result("verify", True).line() == "ok   verify"
    assert selftest.Result("chart", True, "1 KiB").line() == "ok   chart (1 KiB)"
    assert selftest.Result("chart", False, "boom").line() == "FAIL chart: boom"


def test_process_age_is_positive():
    ms, since = selftest.process_age_ms(0.0)
    assert ms > 0
    assert since.startswith("after ")


@pytest.mark.slow
def test_self_test_flag_runs_without_a_display(tmp_path: Path):
    """The real entry point, with no display and no platform chosen: it must pick offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["HOME"] = str(tmp_path)  # any settings written would land here, and none should
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.gui.app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("\nok   ") == len(CHECKS)
    assert "FAIL" not in proc.stdout
    # No Qt settings written; matplotlib may make its (empty) config folder, and its
    # cache holds fonts only.
    assert not [p for p in (tmp_path / "config").rglob("*") if p.is_file()]


def test_cli_check_fails_when_the_command_is_missing(monkeypatch, tmp_path: Path):
    test = selftest.SelfTest(folder=tmp_path, vault=object())
    monkeypatch.setattr(selftest, "cli_command", lambda: [str(tmp_path / "alliance-cli")])
    assert not test.check("alliance-cli", lambda: selftest.check_cli(test))
    assert test.results[0].detail.endswith("alliance-cli is missing")


def test_cli_command_in_a_bundle_is_the_sibling_executable(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "alliance-desktop"))
    assert selftest.cli_command() == [str(tmp_path / "alliance-cli")]
