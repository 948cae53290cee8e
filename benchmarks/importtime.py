"""What start-up imports before the unlock window, from ``python -X importtime``.

Runs the app (offscreen) in a child process with ``-X importtime`` until the unlock
window is shown (a real launch: the app makes its own QApplication), then prints the
total import time and the modules that cost most: by self time (the module's own
top-level code) and by cumulative time (with what it imported), our own packages
marked. Nothing the unlock window does not need should be
here (issue 15: the idle watcher, the vault package, matplotlib, numpy).

The child imports a byte-compiled copy of the package, as an installed wheel and
``run.py``'s probes do: from the checkout with PYTHONDONTWRITEBYTECODE=1 every module
would be compiled again and its "self" time be mostly the compiler's. Each figure is
the least of ``--runs`` runs (the machine's load only ever adds). Then come the PySide
classes set up by the time the window shows: PySide makes a class (and all its enums)
on first use, ~13 ms for the ``Qt`` namespace, several for ``QStyle``; the QEvent
classes there mean a Python event filter or override saw a plain QEvent before the
window showed (test_startup_imports refuses that).

Run: .venv/bin/python benchmarks/importtime.py [--top 25] [--runs 5] [--vault PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6 import QtWidgets
    from PySide6.QtCore import QTimer
    base = QtWidgets.QApplication
    def shown():
        for w in base.topLevelWidgets():
            if w.objectName() == "unlockWindow" and w.isVisible():
                from PySide6 import QtCore, QtGui
                for m in (QtCore, QtGui, QtWidgets):
                    names = [n for n, v in vars(m).items() if isinstance(v, type)]
                    print("TYPES", m.__name__, " ".join(sorted(names)), flush=True)
                sys.stderr.flush()
                os._exit(0)
        QTimer.singleShot(1, shown)
    class Watch(base):  # a real launch: gui.app makes the QApplication (launch_probe.py)
        def __init__(self, *args):
            super().__init__(*args)
            QTimer.singleShot(0, shown)
    QtWidgets.QApplication = Watch
    from alliance_desktop.gui.app import main
    main(["--vault", sys.argv[1]])
    """
)
#: Never wanted before the unlock window.
UNWANTED = ("matplotlib", "numpy", "alliance_desktop.insights", "alliance_desktop.charts",
            "alliance_desktop.reports", "jeepney", "dbus")  # fmt: skip


def compiled_copy(folder: Path) -> Path:
    """The package byte-compiled in ``folder`` (as installed), for the child to import."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "alliance_desktop", folder / "alliance_desktop", ignore=skip)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
    return folder


def profile(vault: Path, tree: Path) -> tuple[list[tuple[int, int, str]], dict[str, list[str]]]:
    """(self µs, cumulative µs, module) for every import on the way to the window, and
    the PySide classes set up by then (module -> names)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tree),
           "XDG_CONFIG_HOME": str(vault.parent / "cfg")}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CHILD, str(vault)],
        capture_output=True, text=True, env=env, timeout=120, cwd=tree,
    )  # fmt: skip
    found = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        found.append((int(self_us), int(cumulative), name))
    types = {}
    for line in proc.stdout.splitlines():
        if line.startswith("TYPES "):
            _, module, *names = line.split()
            types[module] = names
    return found, types


def least(runs: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """Per module, the least self and cumulative time over the runs (first run's order)."""
    best: dict[str, tuple[int, int]] = {}
    for rows in runs:
        for self_us, cumulative, name in rows:
            old = best.get(name)
            best[name] = (self_us, cumulative) if old is None else (
                min(old[0], self_us), min(old[1], cumulative))  # fmt: skip
    return [(*best[name], name) for _, _, name in runs[0] if name in best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--runs", type=int, default=5, help="runs; each figure is their least")
    parser.add_argument("--vault", type=Path, help="default: a path with no vault yet")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="alliance-importtime-") as tmp:
        vault = args.vault or Path(tmp) / "none.alliance"
        tree = compiled_copy(Path(tmp) / "tree")
        runs = [profile(vault, tree) for _ in range(max(1, args.runs))]
    rows = least([r for r, _ in runs if r]) if any(r for r, _ in runs) else []
    types = runs[-1][1]
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
    print("\nPySide classes set up when the window shows:")
    for module, names in types.items():
        print(f"  {module} ({len(names)}): {' '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
