"""Time the supervision packet (build + tagged PDF) against its budgets and print a table.

Run: .venv/bin/python benchmarks/bench_report.py
Data: the demo generator in memory, every sixth session flagged for supervision (so
a 200 x 100 packet has about 3,300 reflections and a thousand pages). Each size runs
in its own process, so its peak RSS is its own: one warm-up packet (imports, fonts),
then the best of three for the time; the first (cold) run is shown too, since the CLI
pays it once per process. Budgets (issue 15): 10 clients <= 2 s; 200 clients x 100
sessions <= 15 s and <= 400 MB peak RSS, the memory not growing with the number of
clients (compare the two RSS columns). ``demo`` and ``packet_seconds`` are also used
by benchmarks/run.py.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alliance_desktop.app.files import write_private_bytes
from alliance_desktop.domain.demo import generate
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.reports.supervision import PacketOptions, make_packet, render_packet

#: (clients, sessions per client, seconds, MiB of peak RSS or None)
SIZES = ((10, 13, 2.0, None), (10, 100, 2.0, None), (200, 100, 15.0, 400.0))


def demo(clients: int, sessions: int) -> tuple[list[Client], list[Session]]:
    people, out = generate(clients, sessions, seed=5, today=date(2026, 3, 27)).with_ids()
    for j, s in enumerate(out, 1):
        s.supervision = s.supervision or j % 6 == 0
    return people, out


def packet_seconds(clients: list[Client], sessions: list[Session], folder: Path) -> float:
    start = time.perf_counter()
    packet = make_packet(clients, sessions, PacketOptions(questions=("A question",)),
                         redaction=["harbour", "Maple Street"])  # fmt: skip
    result = render_packet(packet)
    write_private_bytes(folder / "packet.pdf", result.data, overwrite=True)
    packet_seconds.pages = result.pages  # type: ignore[attr-defined]
    return time.perf_counter() - start


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(clients: int, sessions: int) -> dict[str, float]:
    people, found = demo(clients, sessions)
    loaded = _rss_mib()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = packet_seconds(people, found, folder)
        best = min(packet_seconds(people, found, folder) for _ in range(3))
    return {"cold": cold, "best": best, "pages": packet_seconds.pages,  # type: ignore[attr-defined]
            "loaded": loaded, "peak": _rss_mib()}  # fmt: skip


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(one(int(sys.argv[2]), int(sys.argv[3]))))
        return 0
    rows = []
    for clients, sessions, budget, rss_budget in SIZES:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(clients), str(sessions)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows.append((clients, sessions, budget, rss_budget, json.loads(proc.stdout)))
    head = (f"{'packet (build + tagged PDF)':<30} {'pages':>5} {'first run':>9} {'measured':>8} "
            f"{'budget':>6} {'data RSS':>8} {'peak RSS':>8} {'RSS budget':>10}  ok")  # fmt: skip
    print(head)
    failed = False
    for clients, sessions, budget, rss_budget, r in rows:
        ok = r["best"] <= budget and (rss_budget is None or r["peak"] <= rss_budget)
        failed |= not ok
        rss_text = f"{rss_budget:>7.0f}M" if rss_budget else f"{'-':>8}"
        print(f"{f'{clients} clients x {sessions} sessions':<30} {r['pages']:>5.0f} "
              f"{r['cold']:>8.2f}s {r['best']:>7.2f}s {budget:>5.1f}s {r['loaded']:>7.0f}M "
              f"{r['peak']:>7.0f}M {rss_text:>10}  {'yes' if ok else 'NO'}")  # fmt: skip
    print("data RSS: after the demo caseload is in memory, before the first packet.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
