"""``alliance-cli stats`` for issue 10: status, open ruptures, the outcome measure, and
the strategy outcomes with their caveats, end to end in real processes.

Dates are counted back from today, because "recent" and "not seen" are about time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.models import ClientStatus, Resolution, Rupture, RuptureType
from alliance_desktop.vault import Vault

PASSPHRASE = "correct staple battery orbit"


def with_vault(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run alliance-cli on the vault; no run may ever show a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(path),
         "--passphrase-stdin", *args],
        input=PASSPHRASE + "\n", capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": "", "QT_QPA_PLATFORM": "offscreen"},
        timeout=60, start_new_session=True,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


pytestmark = pytest.mark.slow

TODAY = date.today()
ESTIMATE_KEYS = ["strategy", "dimension", "uses", "clients", "estimate", "ci_low", "ci_high",
                 "shown"]  # fmt: skip


def weeks_ago(n: float) -> date:
    return TODAY - timedelta(days=round(7 * n))


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ana: outcome 18 -> 27 (recovered), trust drop on her latest session (recent).
    Ben: closed, a trust drop and an open rupture: history, but nothing recent.
    Cal: a rupture repaired two sessions later, another open; last seen 7 weeks ago.
    Dee: engagement falling steadily, outcome 30 -> 22 (deteriorated).
    "validate" is ticked 6 times across Ana, Cal and Dee (shown); "small_steps" once."""
    path = tmp_path_factory.mktemp("stats10") / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        ana = v.save_client(Client("Ana"))
        ben = v.save_client(Client("Ben", status=ClientStatus.CLOSED))
        cal = v.save_client(Client("Cal"))
        dee = v.save_client(Client("Dee"))
        for i, (trust, outcome) in enumerate(
            ((8, 18.0), (8, None), (7, 22.0), (8, None), (5, 27.0))
        ):
            v.save_session(Session(ana.id, weeks_ago(5 - i), trust=trust, engagement=7,
                                   outcome_rating=outcome,
                                   strategies=("validate",) if i in (0, 2) else ()))  # fmt: skip
        for i, trust in enumerate((8, 8, 8, 4)):
            v.save_session(Session(ben.id, weeks_ago(30 - i), trust=trust, engagement=6,
                                   ruptures=[Rupture(RuptureType.CONFRONTATION, Resolution.NO)]
                                   if i == 3 else []))  # fmt: skip
        for i in range(4):
            ruptures = []
            if i == 0:
                ruptures = [
                    Rupture(RuptureType.WITHDRAWAL, Resolution.PARTIAL, resolved_on=weeks_ago(8)),
                    Rupture(RuptureType.WITHDRAWAL, Resolution.NO, salience=4),
                ]
            v.save_session(Session(cal.id, weeks_ago(10 - i), trust=6 + i % 2, engagement=6,
                                   ruptures=ruptures,
                                   strategies=("validate",) if i < 2 else ()))  # fmt: skip
        for i, (engagement, outcome) in enumerate(
            ((9, 30.0), (9, None), (8, None), (8, None), (7, None), (7, None), (6, None),
             (6, 22.0))
        ):  # fmt: skip
            v.save_session(Session(dee.id, weeks_ago(8 - i), trust=7, engagement=engagement,
                                   outcome_rating=outcome,
                                   strategies=("validate",) if i in (1, 3) else
                                   ("small_steps",) if i == 5 else ()))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def doc(vault_path: Path) -> dict:
    proc = with_vault(vault_path, "stats", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def client(doc: dict, code: str) -> dict:
    return next(c for c in doc["clients"] if c["code"] == code)


def test_top_level_members(doc: dict):
    assert list(doc) == ["vault", "clients", "strategy_outcomes", "strategy_caveats"]
    regression, compared = doc["strategy_caveats"]
    assert "regression" in regression or "usual level" in regression
    assert "1 strategy was compared (2 intervals)" in compared


def test_strategy_outcomes_one_entry_per_strategy_and_dimension(doc: dict):
    entries = doc["strategy_outcomes"]
    assert all(list(e) == ESTIMATE_KEYS for e in entries)
    assert [(e["strategy"], e["dimension"]) for e in entries] == [
        ("small_steps", "trust"), ("small_steps", "engagement"),
        ("validate", "trust"), ("validate", "engagement"),
    ]  # fmt: skip
    small = entries[0]
    assert (small["uses"], small["clients"], small["shown"]) == (1, 1, False)
    assert (small["estimate"], small["ci_low"], small["ci_high"]) == (None, None, None)
    validate = entries[2]
    assert (validate["uses"], validate["clients"], validate["shown"]) == (6, 3, True)
    assert validate["ci_low"] <= validate["estimate"] <= validate["ci_high"]


def test_status_open_ruptures_and_unresolved(doc: dict):
    assert [c["status"] for c in doc["clients"]] == ["active", "closed", "active", "active"]
    cal = client(doc, "Cal")
    # The partial rupture repaired later is not open; the other one is.
    assert cal["open_ruptures"] == 1 and cal["ruptures"]["unresolved"] == 1
    assert cal["ruptures"]["total"] == 2


def test_closed_client_keeps_history_and_raises_nothing_recent(doc: dict):
    ben = client(doc, "Ben")
    assert {a["kind"] for a in ben["alerts"]} == {"drop", "open_rupture"}
    assert not any(a["recent"] for a in ben["alerts"])
    assert ben["open_ruptures"] == 1


def test_outcome_classification_and_deterioration_alert(doc: dict):
    assert client(doc, "Ana")["outcome"] == {"first": 18.0, "latest": 27.0, "change": 9.0,
                                             "status": "recovered"}  # fmt: skip
    assert client(doc, "Cal")["outcome"] is None
    dee = client(doc, "Dee")
    assert dee["outcome"]["status"] == "deteriorated"
    worse = [a for a in dee["alerts"] if a["kind"] == "outcome_deterioration"]
    assert len(worse) == 1 and worse[0]["recent"] is True
    fall = [a for a in dee["alerts"] if a["kind"] == "engagement_falling"]
    assert len(fall) == 1 and fall[0]["message"].startswith("Engagement falling")
    assert not any(a["kind"] == "disengaging" for c in doc["clients"] for a in c["alerts"])


def test_recent_drop_and_not_seen(doc: dict):
    ana = client(doc, "Ana")
    (drop,) = [a for a in ana["alerts"] if a["kind"] == "drop"]
    assert drop["recent"] is True and drop["direction"] is None
    cal = client(doc, "Cal")
    (gone,) = [a for a in cal["alerts"] if a["kind"] == "not_seen"]
    assert gone["recent"] is True and gone["message"].startswith("Not seen for 7 weeks")
    # Cal's open rupture is on his first session of four, more than 8 weeks ago.
    (still,) = [a for a in cal["alerts"] if a["kind"] == "open_rupture"]
    assert still["recent"] is False


def test_table_prints_status_outcome_and_strategy_outcomes(vault_path: Path):
    proc = with_vault(vault_path, "stats")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    ana = next(line for line in lines if line.startswith("Ana "))
    assert ana.split()[-2:] == ["active", "recovered"]
    ben = next(line for line in lines if line.startswith("Ben "))
    assert ben.split()[-2:] == ["closed", "-"]
    start = next(i for i, line in enumerate(lines) if line.startswith("Strategy outcomes"))
    block = lines[start + 1 :]
    assert block[0].split()[:2] == ["small_steps", "trust"]
    assert block[0].endswith("not enough yet: 1 use, 1 client")
    assert "95% interval" in block[2] and "6 uses, 3 clients" in block[2]
    assert "1 strategy was compared" in block[-1]
