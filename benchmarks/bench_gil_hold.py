"""The longest calls of a background export that never let another thread run: what a
worker can stall the window by (issue 15), measured so other processes' load does
not count.

A heartbeat's figure on a busy machine is mostly that machine: a worker holding the
interpreter is also descheduled while holding it, and a 20 ms hold shows as 60 ms.
This runs ``app.exports.export_data`` in a thread as a background job does (cyclic
collection off, a 1 ms switch interval) under a trace function, and reports the
longest stretches between two Python trace events in the worker's own CPU time
(``time.thread_time``). Each such stretch is one call into C (or a deallocation)
that runs no Python bytecode, so it hands the interpreter over to no other thread,
unless the C code releases it itself (SQLite's steps and the file write do; they
are marked).

    .venv/bin/python benchmarks/bench_gil_hold.py                # 200 x 100
    .venv/bin/python benchmarks/bench_gil_hold.py --clients 500 --sessions 200
"""

from __future__ import annotations

import argparse
import gc
import heapq
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

PASSPHRASE = "benchmark passphrase for the holds"
#: Calls that release the interpreter while they run (not a stall for other threads).
#: Keyed by file, function and the trace event the stretch follows.
RELEASES = {
    "connection.py:_call:line": "SQLite: released at every step",
    "files.py:<lambda>:line": "the file write: released",
    "exports.py:<genexpr>:return": "bytes.join of the encoded slices: released above 1 MB",
    "json_format.py:<genexpr>:return": "bytes.join of the encoded parts: released above 1 MB",
}


def holds(vault: Any, fmt: str, out: Path, keep: int = 6) -> list[tuple[float, str]]:
    """The ``keep`` longest stretches without a trace event, in CPU ms, with the
    Python line (and the trace event there) that the stretch followed."""
    from alliance_desktop.app import exports

    found: list[tuple[float, str]] = []

    def run() -> None:
        clock = time.thread_time
        state: dict[str, Any] = {"t": clock(), "where": "start"}

        def tracer(frame: FrameType, event: str, arg: object) -> Any:
            took = clock() - state["t"]
            if took > 0.001:
                heapq.heappush(found, (took * 1000, state["where"]))
                if len(found) > keep:
                    heapq.heappop(found)
            code = frame.f_code
            state["where"] = (
                f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name} {event}"
            )
            state["t"] = clock()
            return tracer

        sys.settrace(tracer)
        try:
            exports.export_data(vault, fmt, out)  # type: ignore[arg-type]
        finally:
            sys.settrace(None)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return sorted(found, reverse=True)


def _released(where: str) -> str:
    place, func, event = where.split(" ")
    return RELEASES.get(f"{place.split(':')[0]}:{func}:{event}", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--vault", type=Path, help="measure on a copy of this vault")
    parser.add_argument("--passphrase", default=PASSPHRASE)
    args = parser.parse_args(argv)

    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.demo import create_demo_vault

    work = Path(tempfile.mkdtemp(prefix="bench-holds-"))
    try:
        path = work / "demo.alliance"
        if args.vault is not None:
            shutil.copyfile(args.vault, path)
        else:
            create_demo_vault(
                path, args.passphrase, clients=args.clients, sessions=args.sessions, seed=15
            ).close()
        vault = Vault.open(path, args.passphrase)
        was = sys.getswitchinterval()
        sys.setswitchinterval(0.001)
        gc.disable()
        try:
            for fmt in ("csv", "json"):
                for run in range(args.runs):
                    out = work / f"x{run}.{fmt}"
                    print(f"{fmt} export, {args.clients} x {args.sessions}, run {run + 1}:")
                    for ms, where in holds(vault, fmt, out):
                        note = _released(where)
                        print(
                            f"  {ms:7.1f} ms CPU  after {where}" + (f"  ({note})" if note else "")
                        )
                    out.unlink()
        finally:
            gc.enable()
            sys.setswitchinterval(was)
            vault.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
