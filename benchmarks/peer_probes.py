"""The peers' side of benchmarks/run.py, run by each peer's own venv python.

Imports nothing of Alliance Desktop. ``run.py`` starts it inside a network namespace
with no network (``unshare -rn``) where it can, and always with a sitecustomize that
refuses every socket connection. Usage: ``peer_probes.py NAME ARGS...``; prints one
``RESULT {json}`` line.

Bouquin (PySide6 + SQLCipher daily notebook): the 20,000 texts become one page per day,
going back from today; the figures are start -> its key prompt shown, unlock (key
given) -> main window painted, switching to another day (median of 40), idle RSS and
the longest stall. jrnl 4: the same texts as 20,000 entries of an encrypted journal
(jrnl's own v3 encryption); the figure is an in-process search (``Journal.filter`` with
``contains``) on the opened journal, median over the same queries as ours.
"""

from __future__ import annotations

import copy
import json
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

RESULT = "RESULT "
KEY = "benchmark-peer-key-7d1f"
QUERIES = ("sleep", "homework", "silence", "mother", "work", "their moth", "broken sl")


def emit(**figures: object) -> None:
    print(RESULT + json.dumps(figures), flush=True)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- Bouquin ---------------------------------------------------------------------------


def _bouquin_settings(db: Path, with_key: bool) -> None:
    from bouquin.settings import get_settings

    s = get_settings()
    s.setValue("db/default_db", str(db))
    s.setValue("db/key", KEY if with_key else "")
    s.setValue("ui/move_todos", False)
    s.sync()


def bouquin_load(db: str, texts: str) -> None:
    from bouquin.db import DBConfig, DBManager
    from PySide6.QtCore import QCoreApplication

    QCoreApplication(sys.argv[:1])
    path = Path(db)
    items = json.loads(Path(texts).read_text(encoding="utf-8"))
    manager = DBManager(DBConfig(path=path, key=KEY))
    if not manager.connect():
        emit(error="bouquin: could not create its database")
        return
    today = date.today()
    t = time.perf_counter()
    # Loading only: no fsync per page (its own write path commits each one); the pages
    # are what Bouquin itself writes, through its own save_new_version.
    manager.conn.execute("PRAGMA synchronous = OFF")
    for i, text in enumerate(items):
        manager.save_new_version((today - timedelta(days=i)).isoformat(), text)
    seconds = time.perf_counter() - t
    manager.close()
    _bouquin_settings(path, with_key=False)
    emit(pages=len(items), seconds=seconds)


def bouquin_gui(db: str) -> None:
    """The key given -> main window painted; then 40 day switches; idle RSS; stall."""
    from bouquin.main_window import MainWindow
    from bouquin.settings import APP_NAME, APP_ORG
    from bouquin.theme import Theme, ThemeConfig, ThemeManager
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ORG)
    _bouquin_settings(Path(db), with_key=True)  # as if the key had just been typed
    themes = ThemeManager(app, ThemeConfig(theme=Theme("light")))
    longest = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    beat = QTimer()
    beat.setInterval(10)
    beat.timeout.connect(tick)
    beat.start()
    last[0] = t = time.perf_counter()
    win = MainWindow(themes=themes)
    win.show()
    app.processEvents()
    win.repaint()
    painted = time.perf_counter() - t
    pump(app, 2.0)
    win.resize(1280, 800)  # the size ours is switched at (its own default is 1000 x 650)
    app.processEvents()
    times = []
    for _ in range(40):
        t = time.perf_counter()
        win.calendar.setSelectedDate(win.calendar.selectedDate().addDays(-1))
        app.processEvents()
        win.repaint()
        times.append(time.perf_counter() - t)
    stall = longest[0]
    beat.stop()
    pump(app, 2.0)
    _bouquin_settings(Path(db), with_key=False)  # the key never stays in its settings
    emit(painted=painted, switch=statistics.median(times), stall=stall, rss=rss_mib())
    os._exit(0)


def pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


# -- jrnl ------------------------------------------------------------------------------


def _journal(path: Path):
    from jrnl.journals.Journal import Journal

    journal = Journal("bench", journal=str(path), encrypt=True)
    journal._reconfigure_encryption_method()
    journal.encryption_method.password = KEY
    journal.encryption_method.check_keyring = False
    return journal


def jrnl_load(path: str, texts: str) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    items = json.loads(Path(texts).read_text(encoding="utf-8"))
    journal = _journal(target)
    start = datetime.combine(date.today(), datetime.min.time()).replace(hour=9)
    t = time.perf_counter()
    for i, text in enumerate(items):
        body = " ".join(text.split())  # one paragraph; the first sentence is its title
        journal.new_entry(body, date=start - timedelta(hours=i), sort=False)
    journal.sort()
    journal.write()
    emit(entries=len(items), seconds=time.perf_counter() - t)


def jrnl_search(path: str) -> None:
    journal = _journal(Path(path))
    t = time.perf_counter()
    journal.open()
    opened = time.perf_counter() - t
    medians = []
    for query in QUERIES:
        runs = []
        for _ in range(5):
            j = copy.copy(journal)
            j.entries = list(journal.entries)
            t = time.perf_counter()
            j.filter(contains=[query])
            runs.append(time.perf_counter() - t)
        medians.append(statistics.median(runs))
    emit(median=statistics.median(medians), opened=opened, entries=len(journal.entries))


PROBES = {f.__name__: f for f in (bouquin_load, bouquin_gui, jrnl_load, jrnl_search)}


def main() -> None:
    name, *args = sys.argv[1:]
    try:
        PROBES[name](*args)
    except Exception as exc:
        emit(error=f"{name}: {type(exc).__name__}: {exc}"[:160])


if __name__ == "__main__":
    main()
