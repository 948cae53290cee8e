"""Time the workloads a full caseload puts on the vault, against the budgets we promise.

Builds a 200-client x 100-session demo vault (20,000 sessions) in a temporary folder,
then times unlocking it, full-text search, ``stats`` and a 20,000-row CSV import, and
prints one table row per operation. Everything it writes is deleted at the end.

Run: .venv/bin/python benchmarks/bench_vault.py   (exit status 1 if a budget is missed)
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
UNLOCK_RUNS = 5
SEARCH_RUNS = 9
STATS_RUNS = 5
# What people type: single words, common and rare, and a two-word prefix mid-typing.
QUERIES = ("sleep", "homework", "silence", "mother", "work", "their moth", "broken sl")

MISSING = "n/a (module missing)"


@dataclass
class Row:
    operation: str
    seconds: float | None  # None: could not be measured, see ``note``
    budget: float | None  # None: no budget here (benchmarks/run.py holds that figure's)
    note: str = ""

    @property
    def ok(self) -> bool | None:
        if self.seconds is None or self.budget is None:
            return None
        return self.seconds <= self.budget


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_create(path: Path, passphrase: str) -> Row:
    start = time.perf_counter()
    create_demo_vault(path, passphrase, clients=CLIENTS, sessions=SESSIONS).close()
    return Row(f"demo creation ({CLIENTS}x{SESSIONS})", time.perf_counter() - start, 15.0)


def bench_unlock(path: Path, passphrase: str) -> Row:
    seconds = _median_time(lambda: Vault.open(path, passphrase).close(), UNLOCK_RUNS)
    return Row(f"unlock (median of {UNLOCK_RUNS})", seconds, 0.5)


def bench_search(vault: Vault) -> list[Row]:
    rows = []
    for query in QUERIES:
        seconds = _median_time(lambda q=query: vault.search(q), SEARCH_RUNS)
        hits = len(vault.search(query))
        rows.append(Row(f'search "{query}" ({hits} hits, median)', seconds, 0.020))
    return rows


def bench_stats(vault: Vault) -> Row:
    """Exactly what ``alliance-cli stats --json`` does once the vault is unlocked: load
    the numbers, summarise, trends and alerts, serialise. Unlocking has its own row."""
    name = f"stats --json over {vault.session_count():,} sessions (median)"
    from alliance_desktop.cli import stats_report

    seconds = _median_time(lambda: stats_report(vault, as_json=True), STATS_RUNS)
    loading = _median_time(lambda: (vault.clients(), vault.sessions(text=False)), STATS_RUNS)
    # Issue 15's budget for it lives in benchmarks/run.py ("stats --json 20k"), measured
    # there as the command runs; this row is the in-process figure, for comparison.
    return Row(name, seconds, None, f"loading sessions: {_fmt(loading)}")


def bench_csv_import(source: Vault, folder: Path, passphrase: str) -> Row:
    """Export the demo caseload to CSV as ``alliance-cli export`` does, then import it into
    a new, empty vault as ``alliance-cli import`` does (reading the file included)."""
    name = "import 20,000-row CSV"
    try:
        from alliance_desktop.reports import exporter, importer
    except ImportError:
        return Row(name, None, 5.0, MISSING)
    csv_path = folder / "caseload.csv"
    exporter.export_to_file(source, "csv", csv_path)
    rows = source.session_count()
    target = Vault.create(folder / "imported.alliance", passphrase)
    try:
        start = time.perf_counter()
        result = importer.import_bytes(target, csv_path.read_bytes(), importer.file_kind(csv_path))
        seconds = time.perf_counter() - start
    finally:
        target.close()
    note = "" if result.sessions == rows else f"wrote {result.sessions} of {rows} rows"
    return Row(f"import {rows:,}-row CSV into a new vault", seconds, 5.0, note)


def print_table(rows: list[Row]) -> None:
    header = ("operation", "measured", "budget", "ok?")
    body = [
        (
            r.operation,
            r.note if r.seconds is None else _fmt(r.seconds),
            "-" if r.budget is None else _fmt(r.budget),
            ("-" if r.ok is None else "yes" if r.ok else "NO")
            + (f"  ({r.note})" if r.note and r.seconds is not None else ""),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(4)]
    for line in (header, tuple("-" * w for w in widths), *body):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    passphrase = secrets.token_urlsafe(24)  # never written anywhere
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.alliance"
        print(f"Building a {CLIENTS}x{SESSIONS} demo vault in {folder} ...", file=sys.stderr)
        rows.append(bench_create(path, passphrase))
        rows.append(bench_unlock(path, passphrase))
        with Vault.open(path, passphrase) as vault:
            rows += bench_search(vault)
            rows.append(bench_stats(vault))
            rows.append(bench_csv_import(vault, folder, passphrase))
    print_table(rows)
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
