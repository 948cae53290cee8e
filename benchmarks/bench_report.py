"""Time the supervision packet (build + PDF) against its budgets and print a table.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_report.py
Data: the demo generator in memory, 13 weekly sessions per client (about three
months), a few sessions flagged for supervision. Each figure is the best of three
runs after one warm-up (imports, fonts); the cold first run is shown too, since the
CLI pays it once per process.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alliance_desktop.app.files import write_private_bytes
from alliance_desktop.domain.demo import generate
from alliance_desktop.domain.models import Client, Session
from alliance_desktop.reports.supervision import (
    PacketOptions,
    ensure_gui_application,
    make_packet,
    render_packet,
)


def demo(clients: int, sessions: int) -> tuple[list[Client], list[Session]]:
    people, out = generate(clients, sessions, seed=5, today=date(2026, 3, 27)).with_ids()
    for j, s in enumerate(out, 1):
        s.supervision = s.supervision or j % 6 == 0
    return people, out


def packet_seconds(clients: list[Client], sessions: list[Session], folder: Path) -> float:
    start = time.perf_counter()
    packet = make_packet(clients, sessions, PacketOptions(questions=("A question",)),
                         redaction=["harbour", "Maple Street"])  # fmt: skip
    write_private_bytes(folder / "packet.pdf", render_packet(packet).data, overwrite=True)
    return time.perf_counter() - start


def main() -> int:
    ensure_gui_application()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, budget in ((10, 3.0), (50, 10.0)):
            clients, sessions = demo(n, 13)
            cold = packet_seconds(clients, sessions, folder)
            best = min(packet_seconds(clients, sessions, folder) for _ in range(3))
            rows.append((f"packet: {n} clients x 13 weekly sessions, build + PDF", cold, best,
                         budget))  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"{'operation':<{width}}  {'first run':>9}  {'measured':>8}  {'budget':>6}  ok")
    failed = False
    for name, cold, best, budget in rows:
        ok = best <= budget
        failed |= not ok
        print(f"{name:<{width}}  {cold:>8.2f}s  {best:>7.2f}s  {budget:>5.1f}s  "
              f"{'yes' if ok else 'NO'}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
