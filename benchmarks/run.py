"""Every figure of issue 15 in one table: ours, the budget, the peer's, and the ratio.

Run: ``make bench`` or ``.venv/bin/python benchmarks/run.py`` (about 2-3 minutes on two
cores); ``--full`` adds the 500-client x 200-session rows (100,000 sessions: unlock ->
painted, switch, search, idle RSS, export and import, the wizard), several minutes
more. ``--no-peers`` skips the peers; a peer that is not installed is skipped with a
note (see benchmarks/peers.md to install Bouquin and jrnl under benchmarks/.peers/).

Each GUI figure is measured in a fresh process (offscreen Qt), so one measure's
imports, caches and memory never flatter the next. Times are medians where a
measure repeats. Peers run in their own venv, loaded with the same 20,000 texts as
our 200 x 100 demo vault, inside a network namespace with no network (``unshare``)
or, where that is refused, with sockets refused in the process. Everything written
goes into a temporary folder that is deleted at the end. The exit status is 1 when
a budget is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: benchmarks/ (a probe runs from a byte-compiled copy of this file: it is told where).
HERE = Path(os.environ.get("ALLIANCE_BENCH_HOME") or Path(__file__).resolve().parent)
ROOT = HERE.parent
PEERS = HERE / ".peers"
PEER_PROBES = HERE / "peer_probes.py"
LAUNCH_PROBE = HERE / "launch_probe.py"
#: The source tree the probes import alliance_desktop from (``--tree``: another checkout,
#: e.g. ``git archive <commit> | tar -x -C /tmp/old``, to measure before and after).
TREE = Path(os.environ.get("ALLIANCE_BENCH_TREE") or ROOT)
# One per run, handed to every probe process; never written anywhere.
PASSPHRASE = os.environ.get("ALLIANCE_BENCH_PASSPHRASE") or "bench passphrase " + secrets.token_hex(
    8
)
SEARCH_QUERIES = ("sleep", "homework", "silence", "mother", "work", "their moth", "broken sl")
RESULT = "RESULT "


# -- the table ------------------------------------------------------------------------


@dataclass
class Row:
    measure: str
    ours: float | None  # seconds, or MiB when unit is "MiB"
    budget: float | None = None
    peer: str = ""
    theirs: float | None = None
    note: str = ""
    unit: str = "s"

    @property
    def verdict(self) -> str:
        if self.ours is None or self.budget is None:
            return "-"
        return "yes" if self.ours <= self.budget else "NO"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def print_table(rows: list[Row], title: str) -> None:
    header = ("measure", "ours", "budget", "ok", "peer", "peer's", "ours/peer", "note")
    body = []
    for r in rows:
        ratio = f"{r.ours / r.theirs:.2f}x" if r.ours is not None and r.theirs else "-"
        body.append((r.measure, _fmt(r.ours, r.unit), _fmt(r.budget, r.unit), r.verdict,
                     r.peer or "-", _fmt(r.theirs, r.unit), ratio, r.note))  # fmt: skip
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    print(title)
    for line in (header, tuple("-" * w for w in widths), *body):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


# -- child processes --------------------------------------------------------------------


def compiled_tree(folder: Path) -> Path:
    """A byte-compiled copy of the package and of this file, as an installed wheel or
    the bundle is (both ship bytecode) and as the peers' site-packages are. Without it
    every probe would compile our source again: a checkout run with
    PYTHONDONTWRITEBYTECODE=1 (as here) never keeps its bytecode, and a script run as
    ``__main__`` never has any."""
    dest = folder / "tree"
    if not (dest / "bench_run.py").exists():
        skip = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(TREE / "alliance_desktop", dest / "alliance_desktop", ignore=skip)
        shutil.copyfile(Path(__file__).resolve(), dest / "bench_run.py")
        shutil.copyfile(LAUNCH_PROBE, dest / "launch_probe.py")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest)], check=True)
    return dest


def installed_python(folder: Path) -> Path:
    """A Python that sees the package as installed: a venv whose one ``.pth`` names the
    compiled copy and our venv's site-packages (PySide6, sqlcipher3, ...). Not our venv's
    own Python: its editable install runs a finder hook at every start (about 4 ms),
    which no installed copy has and no peer pays."""
    home = folder / "installed"
    python = home / "bin" / "python"
    if not python.exists():
        import sysconfig
        import venv

        venv.EnvBuilder(with_pip=False, symlinks=True).create(home)
        site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        ours = sysconfig.get_paths()["purelib"]
        Path(site, "alliance-bench.pth").write_text(f"{compiled_tree(folder)}\n{ours}\n")
    return python


def _env(folder: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "cfg"),
           "XDG_DATA_HOME": str(folder / "data"), "ALLIANCE_VAULT": "",
           "ALLIANCE_BENCH_HOME": str(HERE), "ALLIANCE_BENCH_PASSPHRASE": PASSPHRASE}  # fmt: skip
    env.pop("PYTHONPATH", None)
    return env


#: How a probe process starts: this file imported from the compiled copy.
PROBE_MAIN = "import sys, bench_run; sys.exit(bench_run.main())"


def probe(name: str, *args: str, folder: Path, timeout: float = 900) -> dict:
    """Run one of our probes in a fresh process; its figures, or {"error": why}."""
    cmd = [str(installed_python(folder)), "-c", PROBE_MAIN, "--probe", name, *args]
    return _run(cmd, _env(folder), timeout, folder)


def _run(cmd: list[str], env: dict[str, str], timeout: float, folder: Path) -> dict:
    """``cmd``'s figures. Run from the run's folder: ``python -c`` puts the working
    directory first on the path, and from the repository's root that imported the
    checkout's source, not the compiled copy (``--tree`` compared the checkout with
    itself, and every start-up compiled the source again)."""
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=folder
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT) :])
    tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": tail[:120]}


def peer_python(name: str) -> Path | None:
    python = PEERS / name / "bin" / "python"
    return python if python.exists() else None


def _netless_prefix() -> list[str]:
    """``unshare -rn``: a user and network namespace with no network at all."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def peer_probe(peer: str, name: str, *args: str, folder: Path, timeout: float = 900) -> dict:
    python = peer_python(peer)
    if python is None:
        return {"error": f"{peer} not installed (benchmarks/peers.md)"}
    guard = folder / "netguard"
    guard.mkdir(exist_ok=True)
    # Belt and braces: even inside the namespace, refuse every socket connection.
    # Written once, so its bytecode stays valid from one peer run to the next.
    (guard / "sitecustomize.py").exists() or (guard / "sitecustomize.py").write_text(
        textwrap.dedent("""
        import socket
        def _refused(*args, **kwargs):
            raise OSError("benchmark: no network for peers")
        socket.socket.connect = _refused
        socket.socket.connect_ex = _refused
        socket.create_connection = _refused
        socket.getaddrinfo = _refused
    """)
    )
    # Byte-compiled, as our probes are (compiled_tree): imported, not run as __main__.
    if not (guard / "peer_probes.py").exists():
        shutil.copyfile(PEER_PROBES, guard / "peer_probes.py")
        shutil.copyfile(LAUNCH_PROBE, guard / "launch_probe.py")
        subprocess.run([str(python), "-m", "compileall", "-q", str(guard)], check=True)
    env = {**_env(folder), "PYTHONPATH": str(guard), "HOME": str(folder / "home")}
    module = "launch_probe" if name == "launch" else "peer_probes"
    main = f"import {module}; {module}.main()"
    cmd = [*_netless_prefix(), str(python), "-c", main, *([] if name == "launch" else [name]),
           *args]  # fmt: skip
    return _run(cmd, env, timeout, folder)


def launch(kind: str, *args: str, folder: Path, peer: str | None = None) -> dict:
    """Start-up of a real launch (launch_probe.py): ``kind`` is ours, bare or a peer's
    name; the clock starts here, before the process is spawned."""
    t0 = repr(time.time())
    if peer is not None:
        return peer_probe(peer, "launch", kind, t0, *args, folder=folder)
    main = "import launch_probe; launch_probe.main()"
    return _run(
        [str(installed_python(folder)), "-c", main, kind, t0, *args], _env(folder), 900, folder
    )


# -- our probes (each runs in its own process) ---------------------------------------


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _emit(**figures: object) -> None:
    print(RESULT + json.dumps(figures), flush=True)


class Heartbeat:
    """A 10 ms timer; the longest gap between its ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


def _pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _wait(app, ready: Callable[[], bool], limit: float = 120.0) -> bool:
    end = time.perf_counter() + limit
    while not ready():
        if time.perf_counter() > end:
            return False
        app.processEvents()
    return True


def probe_gui(vault: str, switches: str = "40") -> None:
    """Unlock -> main window populated and painted; client switches; idle RSS; the
    longest event-loop stall from the click to the end of the switches."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController

    folder = Path(vault).parent
    QCoreApplication.setOrganizationName("AllianceDesktopBench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    controller = AppController(app, Path(vault), prefs, ThemeManager(app, "light"))
    controller.start()
    unlock = controller.unlock_window
    _pump(app, 1.0)  # the time a person takes to type: the app may use it
    kdf = _kdf_seconds(Path(vault))
    unlock.findChild(QLineEdit, "passphraseEdit").setText(PASSPHRASE)
    beat = Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    unlock.findChild(QPushButton, "unlockButton").click()
    if not _wait(app, lambda: controller.window is not None
                 and controller.window.clientModel.rowCount() > 0):  # fmt: skip
        _emit(error="the main window never showed clients")
        return
    window = controller.window
    window.repaint()  # the first full paint, synchronously
    painted = time.perf_counter() - t0
    _pump(app, 2.0)  # what follows the first paint (charts, analysis) runs now
    window.resize(1280, 800)
    app.processEvents()
    times = []
    for row in range(1, int(switches) + 1):
        t = time.perf_counter()
        window.selectClientRow(row)
        app.processEvents()
        window.repaint()
        times.append(time.perf_counter() - t)
    stall = beat.longest
    beat.timer.stop()
    _pump(app, 2.0)
    rss = _rss_mib()
    beside, served = _stats_beside(app, window, vault)
    _emit(painted=painted, kdf=kdf, switch=statistics.median(times), stall=stall, rss=rss,
          beside=beside, served=served)  # fmt: skip
    os._exit(0)  # no teardown to time or to hang on


def _stats_beside(app, window, vault: str) -> tuple[float | None, bool]:
    """``stats --json`` through a second connection while the app is open, once the
    app's refresh has kept its strategy estimates (a new Vault: nothing of it in memory;
    the key derivation not counted). And whether the estimates were there to take."""
    from alliance_desktop.app import analysis
    from alliance_desktop.cli.stats import stats_report
    from alliance_desktop.vault import Vault

    hub = window.insights
    if not hasattr(hub, "isAnalysing"):
        return None, False  # a tree from before the app kept its estimates (--tree)
    if not _wait(app, lambda: hub.estimatesReady() and not hub.isAnalysing()):
        return None, False
    with Vault.open(vault, PASSPHRASE) as reader:
        kept = analysis.lookup(reader).estimate_rows is not None
        analysis.forget(reader)
        t = time.perf_counter()
        stats_report(reader, as_json=True)
        return time.perf_counter() - t, kept


def _kdf_seconds(path: Path) -> float:
    """Deriving the key and reading the first page, as unlocking does first."""
    from alliance_desktop.vault import connection as cx

    t = time.perf_counter()
    conn = cx._keyed(path, PASSPHRASE)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    seconds = time.perf_counter() - t
    conn.close()
    return seconds


def probe_search(vault: str) -> None:
    from alliance_desktop.vault import Vault

    with Vault.open(vault, PASSPHRASE) as v:
        medians = []
        for query in SEARCH_QUERIES:
            v.search(query)
            medians.append(_median(lambda q=query: v.search(q), 9))
    _emit(median=statistics.median(medians), worst=max(medians))


def probe_stats(vault: str) -> None:
    """``stats --json`` as the CLI runs it once unlocked: cold (nothing cached, first
    call in the process, numpy imported on the way) and warm (cached in the vault, a
    new Vault object, nothing in memory)."""
    from alliance_desktop.vault import Vault

    with Vault.open(vault, PASSPHRASE) as v:
        has_cache = _has_table(v, "analysis_cache")
        if has_cache:
            v.conn.execute("DELETE FROM analysis_cache")
        from alliance_desktop.cli.stats import stats_report

        t = time.perf_counter()
        stats_report(v, as_json=True)
        cold = time.perf_counter() - t
    warm = []
    for _ in range(5):
        with Vault.open(vault, PASSPHRASE) as v:
            t = time.perf_counter()
            stats_report(v, as_json=True)
            warm.append(time.perf_counter() - t)
    _emit(cold=cold, warm=statistics.median(warm), cached=has_cache)


def _has_table(v, name: str) -> bool:
    found = v.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return found is not None


def probe_bulk(vault: str) -> None:
    """Export the vault as JSON, then import that into a new vault (reading included)."""
    from alliance_desktop.reports import exporter, importer
    from alliance_desktop.vault import Vault

    folder = Path(vault).parent
    with Vault.open(vault, PASSPHRASE) as v:
        t = time.perf_counter()
        data = exporter.export_bytes(v, "json")
        export = time.perf_counter() - t
    target = folder / f"imported-{secrets.token_hex(4)}.alliance"
    try:
        with Vault.create(target, PASSPHRASE) as copy:
            t = time.perf_counter()
            result = importer.import_bytes(copy, data, "json")
            imported = time.perf_counter() - t
    finally:
        target.unlink(missing_ok=True)
    _emit(export=export, imported=imported, sessions=result.sessions, mb=len(data) / 1e6,
          rss=_rss_mib())  # fmt: skip


def probe_wizard(vault: str, ticks: str = "50") -> None:
    """The supervision wizard: opened (constructed, shown, its clients known), then
    ``ticks`` clients ticked one by one; the longest stall over both."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.vault import Vault

    try:
        from alliance_desktop.gui.supervision.wizard import SupervisionWizard
    except ImportError:
        from alliance_desktop.gui.supervision_wizard import SupervisionWizard  # type: ignore
    app = QApplication.instance() or QApplication(sys.argv[:1])
    v = Vault.open(vault, PASSPHRASE)
    beat = Heartbeat()
    beat.start()
    t = time.perf_counter()
    wizard = SupervisionWizard(v)
    wizard.show()
    known = getattr(wizard, "_reasons", {}) is not None
    if not _wait(app, lambda: getattr(wizard, "_reasons", {}) is not None, 300):
        _emit(error="the wizard never knew its clients")
        return
    app.processEvents()
    opened = time.perf_counter() - t
    stall_open = beat.longest
    model = wizard.clientModel
    beat.longest = 0.0
    t = time.perf_counter()
    for row in range(min(int(ticks), model.rowCount())):
        index = model.index(row, 0)
        state = model.data(index, Qt.ItemDataRole.CheckStateRole)
        ticked = state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
        model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
        app.processEvents()
    app.processEvents()
    tick = time.perf_counter() - t
    # ... and the preview those ticks asked for, to its last chart (debounced first).
    timer = getattr(wizard, "_previewTimer", None)
    previewer = getattr(wizard, "previewer", None)
    settled = None
    if timer is not None and previewer is not None:
        _wait(app, lambda: not timer.isActive() and not previewer.isBusy(), 300)
        settled = time.perf_counter() - t
    else:
        _pump(app, 0.3)
    _emit(open=opened, tick=tick, settled=settled, stall=max(stall_open, beat.longest),
          rss=_rss_mib(), known_at_once=known)  # fmt: skip
    os._exit(0)


def probe_packet(clients: str, sessions: str) -> None:
    """PACKET's benchmark functions (bench_report.demo, packet_seconds), if present."""
    sys.path.insert(0, str(HERE))
    try:
        import bench_report  # type: ignore[import-not-found]
    except ImportError as exc:
        _emit(error=f"bench_report: {exc}")
        return
    for needed in ("demo", "packet_seconds"):
        if not hasattr(bench_report, needed):
            _emit(error=f"bench_report has no {needed}()")
            return
    if hasattr(bench_report, "ensure_gui_application"):
        bench_report.ensure_gui_application()
    people, found = bench_report.demo(int(clients), int(sessions))
    with tempfile.TemporaryDirectory() as tmp:
        seconds = bench_report.packet_seconds(people, found, Path(tmp))
    _emit(seconds=seconds, rss=_rss_mib())


def probe_texts(vault: str, out: str) -> None:
    """The vault's session texts (what search sees), for loading the peers."""
    from alliance_desktop.vault import Vault
    from alliance_desktop.vault.rows import search_body

    with Vault.open(vault, PASSPHRASE) as v:
        texts = [search_body(s) or f"session {s.id}" for s in v.sessions()]
    Path(out).write_text(json.dumps(texts), encoding="utf-8")
    _emit(texts=len(texts))


def probe_demo(vault: str, clients: str, sessions: str) -> None:
    from alliance_desktop.vault.demo import create_demo_vault

    t = time.perf_counter()
    create_demo_vault(vault, PASSPHRASE, clients=int(clients), sessions=int(sessions),
                      seed=3).close()  # fmt: skip
    _emit(seconds=time.perf_counter() - t)


def probe_ops(vault: str) -> None:
    """The longest stall per long operation run through the background worker in the
    real main window (bench_stall.measure, on a copy of ``vault``), in seconds."""
    sys.path.insert(0, str(HERE))
    import bench_stall  # type: ignore[import-not-found]

    found = bench_stall.measure(0, 0, vault=Path(vault), passphrase=PASSPHRASE, ui_thread=False)
    _emit(**{name: worker / 1000 for name, _ui, worker in found})
    os._exit(0)


PROBES: dict[str, Callable[..., None]] = {
    "gui": probe_gui, "search": probe_search,
    "stats": probe_stats, "bulk": probe_bulk, "wizard": probe_wizard,
    "packet": probe_packet, "texts": probe_texts, "demo": probe_demo, "ops": probe_ops,
}  # fmt: skip


def _ops_rows(ops: dict, size: str, budget: float | None) -> list[Row]:
    names = [k for k in ops if k != "error"] or [
        "export CSV",
        "export JSON",
        "import JSON",
        "backup",
        "merge",
    ]
    return [Row(f"{size}: longest stall, {name} (worker)", _get(ops, name), budget,
                note=_note(ops)) for name in names]  # fmt: skip


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        action()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# -- the run ------------------------------------------------------------------------------


def _starts(runs: int, folder: Path, kinds: dict[str, tuple[str, ...]]) -> dict[str, dict]:
    """Start-up medians of several kinds (ours, the bare window, Bouquin), each a real
    launch (:func:`launch`), their runs taken in turn, so a moment of load on the
    machine touches every kind alike. ``kinds``: name -> (*args, "peer:NAME" or nothing
    for ours and the bare window)."""
    found: dict[str, list[dict]] = {name: [] for name in kinds}
    failed: dict[str, dict] = {}
    for _ in range(runs):
        for name, args in kinds.items():
            if name in failed:
                continue
            rest = list(args)
            peer = rest.pop()[5:] if rest and rest[-1].startswith("peer:") else None
            result = launch(name, *rest, folder=folder, peer=peer)
            if "error" in result:
                failed[name] = result
            else:
                found[name].append(result)
    return {name: failed.get(name) or {key: statistics.median(r[key] for r in found[name])
                                       for key in ("seconds", "painted")}
            for name in kinds}  # fmt: skip


def _note(*results: dict) -> str:
    return "; ".join(r["error"] for r in results if "error" in r)


def _get(result: dict, key: str) -> float | None:
    return result.get(key) if "error" not in result else None


def run(full: bool, peers: bool, runs: int) -> int:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        small = folder / "v20k" / "vault.alliance"
        small.parent.mkdir()
        say(f"building the 200 x 100 demo vault in {folder} ...")
        built = probe("demo", str(small), "200", "100", folder=folder)
        if "error" in built:
            print(f"could not build the demo vault: {built['error']}", file=sys.stderr)
            return 2
        texts = folder / "texts.json"
        probe("texts", str(small), str(texts), folder=folder)

        bouquin: dict[str, dict] = {}
        jrnl: dict[str, dict] = {}
        if peers:
            say("loading the peers with the same 20,000 texts ...")
            bdb = folder / "bouquin" / "notebook.db"
            bouquin["load"] = peer_probe("bouquin", "bouquin_load", str(bdb), str(texts),
                                         folder=folder)  # fmt: skip
            if "error" not in bouquin["load"]:
                bouquin["gui"] = peer_probe("bouquin", "bouquin_gui", str(bdb), folder=folder)
            jpath = folder / "jrnl" / "journal.txt"
            jrnl["load"] = peer_probe("jrnl", "jrnl_load", str(jpath), str(texts), folder=folder)
            if "error" not in jrnl["load"]:
                jrnl["search"] = peer_probe("jrnl", "jrnl_search", str(jpath), folder=folder)
        no_peer = {"error": "peers not run (--no-peers)"} if not peers else {}

        say("start-up ...")
        kinds: dict[str, tuple[str, ...]] = {"ours": (str(small),), "bare": ()}
        if peers and "error" not in bouquin["load"]:
            kinds["bouquin"] = ("peer:bouquin",)
        starts = _starts(runs, folder, kinds)
        start, bare = starts["ours"], starts["bare"]
        if "bouquin" in starts:
            bouquin["start"] = starts["bouquin"]
        b_start = bouquin.get("start", bouquin.get("load", no_peer))
        b_seconds = _get(b_start, "seconds")
        rows.append(Row("start -> unlock window (median)", _get(start, "seconds"),
                        None if b_seconds is None else 0.7 * b_seconds, "Bouquin", b_seconds,
                        _note(start, b_start) or "budget: 0.7x Bouquin's"))  # fmt: skip
        rows.append(Row("  bare PySide6 window (floor)", _get(bare, "seconds"), None,
                        note=_note(bare)))  # fmt: skip
        if _get(start, "seconds") and _get(bare, "seconds"):
            rows[-1].note = f"ours is {start['seconds'] / bare['seconds']:.1f}x the floor"
        rows.append(Row("  same, to the window's first paint", _get(start, "painted"), None,
                        "Bouquin", _get(b_start, "painted"), _note(start, b_start)))  # fmt: skip

        say("unlock, first paint, client switch ...")
        gui = probe("gui", str(small), "40", folder=folder)
        b_gui = bouquin.get("gui", bouquin.get("load", no_peer))
        painted = _get(gui, "painted")
        kdf = _get(gui, "kdf") or 0.0
        rows.append(Row("unlock -> main window painted, 200x100", painted, None, "Bouquin",
                        _get(b_gui, "painted"), _note(gui, b_gui) or "KDF included, both"))  # fmt: skip
        rows.append(Row("  same, KDF excluded", None if painted is None else painted - kdf, 0.5,
                        note=f"KDF {kdf * 1000:.0f} ms"))  # fmt: skip
        rows.append(Row("client switch (median of 40) / Bouquin day", _get(gui, "switch"),
                        _get(b_gui, "switch"), "Bouquin", _get(b_gui, "switch"),
                        _note(gui, b_gui)))  # fmt: skip
        rows.append(Row("idle RSS after unlock, 200x100", _get(gui, "rss"), None, "Bouquin",
                        _get(b_gui, "rss"), _note(gui, b_gui), unit="MiB"))  # fmt: skip
        rows.append(Row("stats --json 20k beside the open app", _get(gui, "beside"), 0.3,
                        note=_note(gui) or ("the app's estimates, the rest computed"
                                            if gui.get("served") else "no estimates kept")))  # fmt: skip
        rows.append(Row("longest stall, unlock + 40 switches", _get(gui, "stall"), 0.1,
                        "Bouquin", _get(b_gui, "stall"), _note(gui, b_gui)))  # fmt: skip

        say("search, stats ...")
        search = probe("search", str(small), folder=folder)
        j_search = jrnl.get("search", jrnl.get("load", no_peer))
        rows.append(Row("search 20k, in-process (median)", _get(search, "median"), 0.05, "jrnl",
                        _get(j_search, "median"), _note(search, j_search)))  # fmt: skip
        stats = probe("stats", str(small), folder=folder)
        rows.append(Row("stats --json 20k, cold", _get(stats, "cold"), None, note=_note(stats)))
        rows.append(Row("stats --json 20k, warm", _get(stats, "warm"), 0.3,
                        note=_note(stats) or ("" if stats.get("cached") else "no cache")))  # fmt: skip

        say("wizard, packet ...")
        wiz = probe("wizard", str(small), "50", folder=folder)
        rows.append(Row("wizard open, 200x100", _get(wiz, "open"), None, note=_note(wiz)))
        rows.append(Row("wizard 50 ticks, 200x100", _get(wiz, "tick"), None, note=_note(wiz)))
        rows.append(Row("  and its preview drawn to the end", _get(wiz, "settled"), None,
                        note=_note(wiz) or "from the first tick"))  # fmt: skip
        rows.append(Row("  longest stall: open, ticks, preview", _get(wiz, "stall"), 0.1,
                        note=_note(wiz)))  # fmt: skip
        ten = probe("packet", "10", "13", folder=folder)
        rows.append(Row("packet, 10 clients x 13", _get(ten, "seconds"), 2.0, note=_note(ten)))
        big = probe("packet", "200", "100", folder=folder)
        rows.append(Row("packet, 200 clients x 100", _get(big, "seconds"), 15.0,
                        note=_note(big) or f"RSS {_fmt(_get(big, 'rss'), 'MiB')}"))  # fmt: skip

        say("export and import, 20k ...")
        bulk = probe("bulk", str(small), folder=folder)
        rows.append(Row("export JSON 20k", _get(bulk, "export"), None, note=_note(bulk)))
        rows.append(Row("import JSON 20k", _get(bulk, "imported"), None, note=_note(bulk)))
        say("long operations through the worker, 200 x 100 ...")
        rows += _ops_rows(probe("ops", str(small), folder=folder), "200x100", 0.1)

        if full:
            rows += _full_rows(folder, runs)
    title = "Alliance Desktop benchmarks (issue 15)" + (" --full" if full else "")
    print_table(rows, title)
    return 1 if any(r.verdict == "NO" for r in rows) else 0


def _full_rows(folder: Path, runs: int) -> list[Row]:
    rows = []
    large = folder / "v100k" / "vault.alliance"
    large.parent.mkdir()
    say("building the 500 x 200 demo vault (100,000 sessions) ...")
    built = probe("demo", str(large), "500", "200", folder=folder)
    rows.append(Row("demo seeding 500x200", _get(built, "seconds"), None, note=_note(built)))
    if "error" in built:
        return rows
    gui = probe("gui", str(large), "40", folder=folder)
    rows.append(Row("100k: unlock -> painted", _get(gui, "painted"), 1.5, note=_note(gui)))
    rows.append(Row("100k: client switch (median of 40)", _get(gui, "switch"), 0.05,
                    note=_note(gui)))  # fmt: skip
    search = probe("search", str(large), folder=folder)
    rows.append(Row("100k: search (median)", _get(search, "median"), 0.05, note=_note(search)))
    rows.append(Row("100k: idle RSS", _get(gui, "rss"), 300, note=_note(gui), unit="MiB"))
    rows.append(Row("100k: longest stall, unlock + switches", _get(gui, "stall"), 0.1,
                    note=_note(gui)))  # fmt: skip
    stats = probe("stats", str(large), folder=folder)
    rows.append(Row("100k: stats --json cold / warm", _get(stats, "cold"), None,
                    note=_note(stats) or f"warm {_fmt(_get(stats, 'warm'), 's')}"))  # fmt: skip
    bulk = probe("bulk", str(large), folder=folder)
    rows.append(Row("100k: export JSON", _get(bulk, "export"), 8.0, note=_note(bulk)))
    rows.append(Row("100k: import JSON", _get(bulk, "imported"), 8.0, note=_note(bulk)))
    rows += _ops_rows(probe("ops", str(large), folder=folder), "500x200", None)
    wiz = probe("wizard", str(large), "50", folder=folder)
    rows.append(Row("500x200: wizard open", _get(wiz, "open"), None, note=_note(wiz)))
    rows.append(Row("500x200: wizard 50 ticks", _get(wiz, "tick"), None,
                    note=_note(wiz) or f"RSS {_fmt(_get(wiz, 'rss'), 'MiB')}"))  # fmt: skip
    rows.append(Row("  and its preview drawn to the end", _get(wiz, "settled"), None,
                    note=_note(wiz) or "from the first tick"))  # fmt: skip
    rows.append(Row("  longest stall: open, ticks, preview", _get(wiz, "stall"), None,
                    note=_note(wiz) or "reported (the bound is at 200x100)"))  # fmt: skip
    return rows


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="add the 100,000-session rows")
    parser.add_argument("--no-peers", action="store_true", help="do not run Bouquin or jrnl")
    parser.add_argument("--runs", type=int, default=9, help="start-up runs per median")
    parser.add_argument("--tree", type=Path, help="import alliance_desktop from this tree")
    parser.add_argument("--probe", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.tree:
        global TREE
        TREE = args.tree.resolve()
        os.environ["ALLIANCE_BENCH_TREE"] = str(TREE)
    if args.probe:
        name, *rest = args.probe
        try:
            PROBES[name](*rest)
        except Exception as exc:  # a probe's failure is a note in the table
            _emit(error=f"{type(exc).__name__}: {exc}"[:160])
        return 0
    return run(args.full, not args.no_peers, args.runs)


if __name__ == "__main__":
    sys.exit(main())
