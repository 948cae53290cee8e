"""Time ``stats --json`` with strategy outcomes on a full caseload, against its budget.

Builds a 200-client x 100-session demo vault (20,000 sessions) in a temporary folder and
times, once it is unlocked: the whole of ``alliance-cli stats --json`` (load, summarise,
trends and alerts, the regression-aware strategy estimates with their client bootstrap,
serialise; budget 1 s), then its parts, and ``analyse`` as the Insights page runs it
(rules, then the estimates on first use). Prints one table row per figure; everything
it writes is deleted at the end.

Run: .venv/bin/python benchmarks/bench_insights.py   (exit status 1 if a budget is missed)
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault

CLIENTS, SESSIONS = 200, 100
RUNS = 5


@dataclass
class Row:
    operation: str
    seconds: float
    budget: float | None = None  # None: a part, shown for information

    @property
    def verdict(self) -> str:
        if self.budget is None:
            return "-"
        return "yes" if self.seconds <= self.budget else "NO"


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _median_time(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(vault: Vault) -> list[Row]:
    from alliance_desktop.cli.stats import settings_of, stats_report
    from alliance_desktop.insights.alerts import gap_norms
    from alliance_desktop.insights.analysis import (
        analyse,
        client_insights,
        estimates_for,
        group_sessions,
    )

    n = vault.session_count()
    rows = [
        Row(
            f"stats --json with strategy outcomes, {n:,} sessions (median of {RUNS})",
            _median_time(lambda: stats_report(vault, as_json=True)),
            1.0,
        )
    ]
    clients = [c for c in vault.clients() if not c.is_practice]
    sessions = vault.sessions(text=False)
    settings = settings_of(vault)
    rows.append(
        Row(
            "  part: loading clients and sessions", _median_time(lambda: vault.sessions(text=False))
        )
    )
    groups = group_sessions(clients, sessions)
    per = client_insights(clients, groups, settings.client_rating, settings.insights,
                          outcome=settings.outcome, norms=gap_norms(groups.values()))  # fmt: skip

    def rules() -> object:
        g = group_sessions(clients, sessions)
        return client_insights(clients, g, settings.client_rating, settings.insights,
                               outcome=settings.outcome, norms=gap_norms(g.values()))  # fmt: skip

    rows.append(Row("  part: trends, alerts and outcome per client", _median_time(rules)))
    rows.append(
        Row(
            "  part: strategy estimates (1000 client resamples)",
            _median_time(lambda: estimates_for(per.values(), settings.insights)),
        )
    )

    def page() -> object:
        result = analyse(clients, sessions, settings.client_rating, settings.insights,
                         outcome=settings.outcome)  # fmt: skip
        return result.estimates

    rows.append(Row("analyse() for the Insights page, estimates included", _median_time(page)))
    return rows


def print_table(rows: list[Row]) -> None:
    header = ("operation", "measured", "budget", "ok?")
    body = [
        (r.operation, _fmt(r.seconds), "-" if r.budget is None else _fmt(r.budget), r.verdict)
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(4)]
    for line in (header, tuple("-" * w for w in widths), *body):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    passphrase = secrets.token_urlsafe(24)  # never written anywhere
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        path = Path(tmp) / "demo.alliance"
        print(f"Building a {CLIENTS}x{SESSIONS} demo vault in {tmp} ...", file=sys.stderr)
        create_demo_vault(path, passphrase, clients=CLIENTS, sessions=SESSIONS).close()
        with Vault.open(path, passphrase) as vault:
            rows = bench(vault)
    print_table(rows)
    return 1 if any(r.verdict == "NO" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
