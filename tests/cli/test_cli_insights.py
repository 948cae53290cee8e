"""alliance-cli ``stats`` trends and alerts, and ``chart``, end to end in real processes.

The vault is made by hand so every expected number can be worked out on paper; one
vault serves the whole module because each SQLCipher create costs a key derivation.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.models import Resolution, Rupture, RuptureType
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"

pytestmark = pytest.mark.slow

CLIENT_KEYS = ["code", "sessions", "first_session", "last_session", "means", "ruptures",
               "trend", "alerts", "status", "open_ruptures", "outcome"]  # fmt: skip
TREND_DIMENSIONS = ["trust", "engagement", "goal_alignment", "approach_fit", "client_rating"]
ALERT_KEYS = ["kind", "date", "dimension", "value", "reference", "recent", "message",
              "direction"]  # fmt: skip
NO_TREND = {"latest": None, "rolling_mean": None, "slope": None}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run alliance-cli; no run may ever show a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        start_new_session=True,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout
    return proc


def with_vault(path: Path, *args: str, stdin: str = PASSPHRASE + "\n"):
    return run("--vault", str(path), "--passphrase-stdin", *args, stdin=stdin)


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ash: trust 8, 8, 8, 5 (a drop on the last session) and a low last client rating.
    Birch: a withdrawal rupture left unrepaired (open_rupture), in February.
    Cedar: no sessions at all."""
    path = tmp_path_factory.mktemp("insights") / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        ash = v.save_client(Client("Ash"))
        birch = v.save_client(Client("Birch"))
        v.save_client(Client("Cedar"))
        for day, trust, fit, rating, strategies in (
            (6, 8, None, 38.0, ("validate",)),
            (13, 8, 6, None, ("normalize",)),
            (20, 8, 7, None, ("validate",)),
            (27, 5, 7, 30.0, ()),
        ):
            v.save_session(
                Session(ash.id, date(2025, 1, day), trust=trust, engagement=7,
                        approach_fit=fit, client_rating=rating, strategies=strategies)
            )  # fmt: skip
        v.save_session(
            Session(birch.id, date(2025, 2, 3), trust=6, engagement=6, client_rating=37.0,
                    ruptures=[Rupture(RuptureType.WITHDRAWAL, Resolution.NO)])
        )  # fmt: skip
        v.save_session(
            Session(birch.id, date(2025, 2, 10), trust=7, engagement=6, client_rating=38.0)
        )
    return path


@pytest.fixture(scope="module")
def stats_doc(vault_path: Path) -> dict:
    proc = with_vault(vault_path, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# -- stats ---------------------------------------------------------------------------


def test_stats_json_keeps_its_shape_and_adds_trend_and_alerts(stats_doc: dict):
    assert [c["code"] for c in stats_doc["clients"]] == ["Ash", "Birch", "Cedar"]
    for entry in stats_doc["clients"]:
        assert list(entry) == CLIENT_KEYS
        assert list(entry["trend"]) == TREND_DIMENSIONS
        for figures in entry["trend"].values():
            assert list(figures) == ["latest", "rolling_mean", "slope"]
        for alert in entry["alerts"]:
            assert list(alert) == ALERT_KEYS


def test_stats_json_trend_numbers_are_exact_and_rounded(stats_doc: dict):
    ash = stats_doc["clients"][0]["trend"]
    # trust 8, 8, 8, 5: rolling mean of the last 3 = 7; slope over x 0..3 = -18/20.
    assert ash["trust"] == {"latest": 5.0, "rolling_mean": 7.0, "slope": -0.9}
    assert ash["engagement"] == {"latest": 7.0, "rolling_mean": 7.0, "slope": 0.0}
    # approach fit 6, 7, 7: mean 6.666... shown as 6.67; slope 3/6.
    assert ash["approach_fit"] == {"latest": 7.0, "rolling_mean": 6.67, "slope": 0.5}
    # Never rated, or rated fewer than three times: every figure is null.
    assert ash["goal_alignment"] == NO_TREND
    assert ash["client_rating"] == NO_TREND
    birch, cedar = stats_doc["clients"][1], stats_doc["clients"][2]
    assert birch["trend"] == {d: NO_TREND for d in TREND_DIMENSIONS}
    assert cedar["trend"] == {d: NO_TREND for d in TREND_DIMENSIONS}
    assert cedar["alerts"] == []


def test_stats_json_alerts_in_date_order_with_nulls(stats_doc: dict):
    # The sessions are from 2025, long before today: nothing on them is recent any more,
    # and both active clients have not been seen for weeks.
    ash = stats_doc["clients"][0]["alerts"]
    assert [(a["kind"], a["date"]) for a in ash] == [
        ("drop", "2025-01-27"),
        ("low_client_rating", "2025-01-27"),
        ("not_seen", "2025-01-27"),
    ]
    drop, low, gone = ash
    assert (drop["dimension"], drop["value"], drop["reference"], drop["recent"]) == (
        "trust", 5.0, 8.0, False,
    )  # fmt: skip
    assert "Trust was 5" in drop["message"]
    assert (low["dimension"], low["value"], low["reference"], low["recent"]) == (
        "client_rating", 30.0, 36.0, False,
    )  # fmt: skip
    assert gone["recent"] is True and gone["message"].startswith("Not seen for ")
    assert all(a["direction"] is None for a in ash)
    birch = stats_doc["clients"][1]["alerts"]
    assert [a["kind"] for a in birch] == ["open_rupture", "not_seen"]
    rupture = birch[0]
    assert rupture["date"] == "2025-02-03"
    assert rupture["dimension"] is None and rupture["value"] is None
    assert rupture["reference"] is None and rupture["recent"] is False
    assert stats_doc["clients"][1]["open_ruptures"] == 1


def test_stats_json_for_one_client_and_vault_settings(vault_path: Path, tmp_path: Path):
    one = with_vault(vault_path, "stats", "--json", "--client", "birch")
    assert one.returncode == 0, one.stderr
    doc = json.loads(one.stdout)
    assert [c["code"] for c in doc["clients"]] == ["Birch"]
    assert doc["vault"]["sessions"] == 6  # the vault part stays whole
    assert doc["clients"][0]["alerts"][0]["kind"] == "open_rupture"
    assert [e["strategy"] for e in doc["strategy_outcomes"]] == ["normalize"] * 2 + ["validate"] * 2

    # Thresholds and the client-rating scale come from the vault's own settings.
    path = tmp_path / "strict.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        v.set_settings({"insights.drop_points": 4.0, "client_rating_max": 10.0,
                        "client_rating_threshold": 7.0})  # fmt: skip
        c = v.save_client(Client("Dell"))
        for day, trust in ((1, 8), (2, 8), (3, 8), (4, 5)):
            v.save_session(Session(c.id, date(2025, 3, day), trust=trust, engagement=7,
                                   client_rating=6.5 if day == 4 else None))  # fmt: skip
    doc = json.loads(with_vault(path, "stats", "--json").stdout)
    alerts = doc["clients"][0]["alerts"]
    # a 3-point drop is under 4
    assert [a["kind"] for a in alerts if a["kind"] != "not_seen"] == ["low_client_rating"]
    assert (alerts[0]["value"], alerts[0]["reference"]) == (6.5, 7.0)


def test_stats_table_shows_slope_alert_counts_and_recent_alerts(vault_path: Path):
    proc = with_vault(vault_path, "stats")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = next(line for line in lines if line.startswith("client"))
    assert header.split()[-5:] == ["slope", "alerts", "recent", "status", "outcome"]
    ash = next(line for line in lines if line.startswith("Ash "))
    assert ash.split()[-5:] == ["-0.90", "3", "1", "active", "-"]
    cedar = next(line for line in lines if line.startswith("Cedar"))
    assert cedar.split()[-5:] == ["-", "0", "0", "active", "-"]
    start = lines.index("Recent alerts (2):")
    recent = lines[start + 1 : start + 3]
    assert recent[0].split()[:3] == ["Ash", "2025-01-27", "not_seen"]
    assert recent[1].split()[:3] == ["Birch", "2025-02-10", "not_seen"]


# -- chart ---------------------------------------------------------------------------

SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<svg", ".pdf": b"%PDF"}


def _check_written(proc: subprocess.CompletedProcess[str], out: Path) -> bytes:
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    signature = SIGNATURES[out.suffix]
    assert data.startswith(signature) if out.suffix != ".svg" else signature in data[:1000]
    return data


@pytest.mark.parametrize(
    ("kind", "extra", "suffix"),
    [
        ("trend", ("--client", "ash"), ".png"),
        ("caseload", ("--dimension", "engagement"), ".svg"),
        ("practice", ("--theme", "dark"), ".pdf"),
        ("strategies", (), ".png"),
        ("ruptures", ("--theme", "dark"), ".svg"),
        ("gap", ("--client", "Birch"), ".pdf"),
    ],
)
def test_chart_each_kind(vault_path: Path, tmp_path: Path, kind: str, extra: tuple, suffix: str):
    out = tmp_path / f"{kind}{suffix}"
    _check_written(with_vault(vault_path, "chart", kind, *extra, "--out", str(out)), out)
    with Vault.open(vault_path, PASSPHRASE) as v:
        events = [(event, detail) for _, event, detail in v.audit_log()]
    assert events[-1] == ("chart", kind)  # the kind, never any content


def test_chart_every_format_both_themes_and_dates(vault_path: Path, tmp_path: Path):
    for suffix in (".png", ".svg", ".pdf"):
        out = tmp_path / f"trend-dark{suffix}"
        proc = with_vault(vault_path, "chart", "trend", "--client", "Ash", "--theme", "dark",
                          "--from", "2025-01-01", "--to", "2025-01-31", "--out", str(out))  # fmt: skip
        _check_written(proc, out)
    # --from/--to choose the sessions: Birch's only rupture is in February, so a
    # January-only rupture chart shows its empty state (an element with that id).
    whole = tmp_path / "ruptures-all.svg"
    january = tmp_path / "ruptures-jan.svg"
    assert b'id="empty-message"' not in _check_written(
        with_vault(vault_path, "chart", "ruptures", "--out", str(whole)), whole
    )
    assert b'id="empty-message"' in _check_written(
        with_vault(vault_path, "chart", "ruptures", "--to", "2025-01-31", "--out", str(january)),
        january,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("trend",), "--client"),
        (("gap", "--from", "2025-02-30"), "--from"),
        (("gap", "--to", "2025/01/01"), "--to"),
        (("gap", "--from", "2025-02-01", "--to", "2025-01-01"), "after --to"),
        (("caseload", "--client", "Ash"), "every client"),
        (("gap", "--dimension", "trust"), "caseload chart only"),
        (("caseload", "--dimension", "client_rating"), "--dimension"),
        (("pie",), "invalid choice"),
        (("trend", "--client", "Nobody"), "no client with the code 'Nobody'"),
    ],
)
def test_chart_usage_errors_exit_2(vault_path: Path, tmp_path: Path, args: tuple, message: str):
    out = tmp_path / "chart.png"
    proc = with_vault(vault_path, "chart", *args, "--out", str(out))
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", ["report", "chart"])
@pytest.mark.parametrize("option", ["--from", "--to"])
@pytest.mark.parametrize("text", ["20260331", "2026-W14-2", "2026-3-31", "2026-03-31T00:00"])
def test_report_and_chart_dates_are_written_yyyy_mm_dd_only(
    vault_path: Path, tmp_path: Path, command: str, option: str, text: str
):
    """``date.fromisoformat`` alone takes ``20260331`` and week dates; no option does."""
    out = tmp_path / ("packet.pdf" if command == "report" else "chart.pdf")
    kind = ("gap",) if command == "chart" else ()
    proc = with_vault(vault_path, command, *kind, option, text, "--out", str(out))
    assert proc.returncode == 2, proc.stderr
    assert option in proc.stderr and repr(text) in proc.stderr
    assert "YYYY-MM-DD" in proc.stderr or "2026-03-31" in proc.stderr
    assert not out.exists()


def test_chart_refuses_other_extensions_existing_files_and_wrong_passphrase(
    vault_path: Path, tmp_path: Path
):
    for name in ("chart.jpg", "chart"):
        proc = with_vault(vault_path, "chart", "gap", "--out", str(tmp_path / name))
        assert proc.returncode == 2
        assert ".png, .svg, .pdf" in proc.stderr
        assert not (tmp_path / name).exists()

    existing = tmp_path / "kept.png"
    existing.write_bytes(b"mine")
    proc = with_vault(vault_path, "chart", "gap", "--out", str(existing))
    assert proc.returncode == 1
    assert "already exists" in proc.stderr
    assert existing.read_bytes() == b"mine"

    out = tmp_path / "never.png"
    proc = with_vault(vault_path, "chart", "gap", "--out", str(out), stdin="wrong words here\n")
    assert proc.returncode == 3
    assert not out.exists()
