"""`alliance-desktop --self-test`: does this installation work, end to end, on this machine?

A packaged app can import fine and still lack a Qt plugin, the compiled resources,
SQLCipher's FTS5 or matplotlib's Agg backend; those only show up when the feature runs.
So the self-test runs each layer once, on synthetic data in a private temporary folder
that is removed afterwards, and prints one line per check::

    ok   unlock window shown (412 ms after process start)
    FAIL chart: No module named 'matplotlib.backends.backend_agg'

It needs no display (it uses Qt's offscreen platform when there is none), opens no
window on screen, touches no real vault and writes no settings. The exit status is 0
only when every check passed, so packaging scripts and CI can gate on it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from alliance_desktop import __version__

#: The passphrase of the throwaway vault; it guards synthetic data only.
SELF_TEST_PASSPHRASE = "self-test harbour lantern 7"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class CheckFailed(Exception):
    """A check ran and found something wrong (as opposed to crashing)."""


@dataclass
class Result:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        if self.ok:
            return f"ok   {self.name}" + (f" ({self.detail})" if self.detail else "")
        return f"FAIL {self.name}: {self.detail}"


@dataclass
class SelfTest:
    """Runs the checks in order; later checks reuse what earlier ones opened."""

    out: TextIO | None = None
    results: list[Result] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    folder: Path | None = None
    vault: Any = None
    client_id: int | None = None

    def check(self, name: str, fn: Callable[[], str | None]) -> bool:
        try:
            detail = fn() or ""
            result = Result(name, True, detail)
        except Exception as exc:  # a self-test reports every failure, whatever its type
            result = Result(name, False, describe(exc))
        self.results.append(result)
        if self.out is not None:
            print(result.line(), file=self.out, flush=True)
        return result.ok

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else ""


def describe(exc: BaseException) -> str:
    """One line: the error, and its root cause (an ImportError's real reason is there)."""
    message = _first_line(exc)
    if not isinstance(exc, CheckFailed):
        message = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    root = exc
    while root.__cause__ is not None:
        root = root.__cause__
    if root is not exc:
        message += f" (caused by {type(root).__name__}: {_first_line(root)})"
    return message


def process_age_ms(fallback_start: float) -> tuple[float, str]:
    """Milliseconds since the process started (Linux), else since the self-test began.

    The process start includes the interpreter (or the frozen bootloader) coming up,
    which is what a user waits through; elsewhere we can only measure from our own start.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 "starttime", counted after the comm
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        return age * 1000, "after process start"
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - fallback_start) * 1000, "after the self-test began"


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


@contextmanager
def _private_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="alliance-selftest-"))  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the checks ------------------------------------------------------------------------


def check_qt_resources() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QIcon

    from alliance_desktop.gui import resources_rc  # noqa: F401  (registers :/ resources)

    icon = QIcon(":/icons/alliance.svg")
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise CheckFailed(":/icons/alliance.svg did not load (resources or SVG plugin missing)")
    return f"PySide6 {pyside_version}"


def check_forms() -> str:
    import importlib
    import pkgutil

    from alliance_desktop.gui import forms

    names = [m.name for m in pkgutil.iter_modules(forms.__path__) if m.name.startswith("ui_")]
    if not names:
        raise CheckFailed("no compiled forms found in alliance_desktop.gui.forms")
    for name in names:
        module = importlib.import_module(f"{forms.__name__}.{name}")
        if not any(attr.startswith("Ui_") for attr in vars(module)):
            raise CheckFailed(f"{name} has no Ui_ class")
    return f"{len(names)} forms"


def check_unlock_window(test: SelfTest) -> str:
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.gui.unlock.window import UnlockWindow

    assert test.folder is not None
    window = UnlockWindow(test.folder / "not-yet-created.alliance")
    try:
        window.resize(560, 520)
        window.show()
        QApplication.processEvents()
        if not window.isVisible():
            raise CheckFailed("the unlock window did not become visible")
        ms, since = process_age_ms(test.started)
        return f"{ms:.0f} ms {since}"
    finally:
        window.close()
        window.deleteLater()


def check_sqlcipher() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        version = row[0] if row else ""
        if not version.startswith("4."):
            raise CheckFailed(f"SQLCipher version {version or 'unknown'}, expected 4.x")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        conn.execute("INSERT INTO t (body) VALUES ('rupture repaired')")
        if conn.execute("SELECT count(*) FROM t WHERE t MATCH 'repair*'").fetchone()[0] != 1:
            raise CheckFailed("FTS5 query returned nothing")
    except sqlcipher3.OperationalError as exc:
        raise CheckFailed(f"FTS5 unavailable: {exc}") from exc
    finally:
        conn.close()
    return f"SQLCipher {version}, FTS5"


def check_vault(test: SelfTest) -> str:
    from alliance_desktop.vault.store import Vault

    assert test.folder is not None
    path = test.folder / "self-test.alliance"
    Vault.create(path, SELF_TEST_PASSPHRASE).close()
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise CheckFailed("the vault file is not encrypted")
    test.vault = Vault.open(path, SELF_TEST_PASSPHRASE)
    return f"schema {test.vault.schema_version()}"


def check_session(test: SelfTest) -> str:
    from alliance_desktop.domain.models import Client, Reflection, Session

    vault = test.vault
    if vault is None:
        raise CheckFailed("skipped: no vault")
    client = vault.save_client(Client("Self-test 01"))
    test.client_id = client.id
    first = date(2026, 1, 5)
    for week, (trust, engagement) in enumerate([(6, 5), (7, 6), (5, 6), (8, 7)]):
        vault.save_session(
            Session(
                client.id,
                first + timedelta(weeks=week),
                trust=trust,
                engagement=engagement,
                reflection=Reflection(sections={"text": f"self-test week {week + 1}"}),
            )
        )
    back = vault.sessions(client.id)
    if [s.trust for s in sorted(back, key=lambda s: s.date)] != [6, 7, 5, 8]:
        raise CheckFailed("the sessions read back differ from those written")
    if not vault.search("week"):
        raise CheckFailed("full-text search found no session")
    return f"{len(back)} sessions"


def check_verify(test: SelfTest) -> str:
    if test.vault is None:
        raise CheckFailed("skipped: no vault")
    problems = test.vault.verify()
    if problems:
        raise CheckFailed("; ".join(problems))
    return "integrity and schema"


def check_chart(test: SelfTest) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from alliance_desktop.charts import client_trend
    from alliance_desktop.insights.alerts import client_alerts

    vault = test.vault
    if vault is None or test.client_id is None:
        raise CheckFailed("skipped: no sessions")
    sessions = sorted(vault.sessions(test.client_id), key=lambda s: s.date)
    scale = vault.client_rating_scale()
    fig = client_trend(sessions, scale, client_alerts(sessions, scale))
    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer)
    data = buffer.getvalue()
    if not data.startswith(PNG_MAGIC):
        raise CheckFailed("the trend chart did not render as PNG")
    # The GUI embeds charts in a Qt canvas: make sure that backend is there too.
    import matplotlib.backends.backend_qtagg  # noqa: F401

    return f"client trend, {len(data) // 1024} KiB PNG, Agg and QtAgg"


def cli_command() -> list[str]:
    """How to start alliance-cli from here: in a bundle the executable beside this one
    (both share one _internal folder), else this Python with ``-m alliance_desktop.cli``."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        return [str(exe.with_name("alliance-cli" + exe.suffix))]
    return [sys.executable, "-m", "alliance_desktop.cli"]


def check_cli(test: SelfTest) -> str:
    """alliance-cli, as its own process: ``--version`` and ``verify`` on the throwaway vault
    (a reader, so it may run while this process has the vault open)."""
    import subprocess

    if test.vault is None or test.folder is None:
        raise CheckFailed("skipped: no vault")
    command = cli_command()
    if not Path(command[0]).exists():
        raise CheckFailed(f"{command[0]} is missing")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("ALLIANCE_VAULT", None)
    version = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, timeout=60, env=env
    )
    if version.returncode != 0 or version.stdout.strip() != f"alliance-cli {__version__}":
        raise CheckFailed(f"--version gave {version.stdout.strip() or version.stderr.strip()!r}")
    vault_path = test.folder / "self-test.alliance"
    done = subprocess.run(
        [*command, "--vault", str(vault_path), "--passphrase-stdin", "verify"],
        input=SELF_TEST_PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    if done.returncode != 0 or not done.stdout.startswith("vault OK"):
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise CheckFailed(f"verify exited {done.returncode}: {detail[-1] if detail else ''}")
    return "--version and verify"


def run(out: TextIO | None = None) -> int:
    """Run every check, print one line each to ``out``; 0 if all passed, else 1."""
    if out is None:
        out = sys.stdout or sys.stderr  # a windowed Windows build may have neither
    test = SelfTest(out=out)
    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if out is not None:
        print(f"alliance-desktop {__version__} self-test", file=out, flush=True)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setApplicationName("Alliance Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        with _private_folder() as folder:
            test.folder = folder
            test.check("Qt resources", check_qt_resources)
            test.check("Qt forms", check_forms)
            test.check("unlock window shown", lambda: check_unlock_window(test))
            test.check("SQLCipher 4 with FTS5", check_sqlcipher)
            test.check("vault create/open", lambda: check_vault(test))
            test.check("session write/read", lambda: check_session(test))
            test.check("verify", lambda: check_verify(test))
            test.check("chart", lambda: check_chart(test))
            test.check("alliance-cli", lambda: check_cli(test))
            if test.vault is not None:
                test.vault.close()
        test.check("temporary folder removed", lambda: _gone(folder))
    finally:
        if test.vault is not None:
            test.vault.close()
        app.processEvents()
    total = (time.perf_counter() - test.started) * 1000
    if out is not None:
        verdict = "all checks passed" if test.passed else "SOME CHECKS FAILED"
        print(f"{verdict} in {total:.0f} ms", file=out, flush=True)
    return 0 if test.passed else 1


def _gone(folder: Path) -> str:
    if folder.exists():
        raise CheckFailed(f"{folder} is still there")
    return ""


__all__ = ["CheckFailed", "Result", "SelfTest", "process_age_ms", "run"]
