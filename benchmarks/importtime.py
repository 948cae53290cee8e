"""What start-up imports before the unlock window, from ``python -X importtime``.

Runs the app (offscreen) in a child process with ``-X importtime`` until the unlock
window is shown, then prints the total import time and the modules that cost most:
by self time (the module's own top-level code) and by cumulative time (with what it
imported), our own packages marked. Nothing the unlock window does not need should be
here (issue 15: the idle watcher, the vault package, matplotlib, numpy).

Run: .venv/bin/python benchmarks/importtime.py [--top 25] [--vault PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    def shown():
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "unlockWindow" and w.isVisible():
                sys.stderr.flush()
                os._exit(0)
        QTimer.singleShot(1, shown)
    QTimer.singleShot(0, shown)
    from alliance_desktop.gui.app import main
    main(["--vault", sys.argv[1]])
    """
)
#: Never wanted before the unlock window.
UNWANTED = ("matplotlib", "numpy", "alliance_desktop.insights", "alliance_desktop.charts",
            "alliance_desktop.reports", "jeepney", "dbus")  # fmt: skip


def profile(vault: Path) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) for every import on the way to the window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(vault.parent / "cfg")}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CHILD, str(vault)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    found = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        found.append((int(self_us), int(cumulative), name))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--vault", type=Path, help="default: a path with no vault yet")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="alliance-importtime-") as tmp:
        vault = args.vault or Path(tmp) / "none.alliance"
        rows = profile(vault)
    if not rows:
        print("no import times recorded (did the unlock window show?)", file=sys.stderr)
        return 1
    total = sum(r[0] for r in rows)
    ours = sum(r[0] for r in rows if r[2].strip().startswith("alliance_desktop"))
    print(f"{len(rows)} modules, {total / 1000:.0f} ms of imports before the unlock window "
          f"({ours / 1000:.0f} ms in alliance_desktop's own modules)\n")  # fmt: skip
    for title, key in (("by self time", 0), ("by cumulative time", 1)):
        print(f"top {args.top} {title}:")
        for self_us, cumulative, name in sorted(rows, key=lambda r: -r[key])[: args.top]:
            mark = " *" if name.strip().startswith("alliance_desktop") else ""
            print(f"  {self_us / 1000:7.1f} ms self  {cumulative / 1000:7.1f} ms cum  "
                  f"{name.strip()}{mark}")  # fmt: skip
        print()
    unwanted = sorted({r[2].strip().split(".")[0] if not r[2].strip().startswith(
        "alliance_desktop") else ".".join(r[2].strip().split(".")[:2])
        for r in rows if r[2].strip().startswith(UNWANTED)})  # fmt: skip
    print("imported but not needed before unlocking: " + (", ".join(unwanted) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
