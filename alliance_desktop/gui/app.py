"""`alliance-desktop`: the entry point of the desktop app.

Only what the unlock window needs is imported before it shows; the main window,
the session editor and (later) matplotlib load after the passphrase is accepted.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop import __version__

if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from types import TracebackType

DEMO_FILENAME = "demo.alliance"
#: The freedesktop id: names packaging/linux/<id>.desktop and its StartupWMClass, so
#: docks group the window under the installed launcher and its icon.
DESKTOP_FILE_ID = "org.alliancedesktop.AllianceDesktop"


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``alliance-desktop``; the manual page and the documentation
    are generated from this parser (packaging/linux/generate.py)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="alliance-desktop",
        description="Private, offline reflection on the therapeutic alliance.",
        epilog="With no PATH and no --vault, the vault is $ALLIANCE_VAULT, else vault.alliance "
        "in the user data folder (~/.local/share/AllianceDesktop/ on Linux).",
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="the vault file to open or create (what a file manager passes on double-click)",
    )
    parser.add_argument("--vault", metavar="PATH", help="the vault file to open or create")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh vault of synthetic data, deleted when the app quits",
    )
    parser.add_argument("--version", action="version", version=f"alliance-desktop {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a throwaway vault, print one line per check, and exit",
    )
    return parser


def _local_path(value: str) -> str:
    """A desktop entry's %f is a local path; some launchers still hand over a file:// URI."""
    if value.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(value)
        if parts.netloc not in ("", "localhost"):
            raise ValueError(value)
        return unquote(parts.path)
    return value


class Args:
    """The command line, parsed: what ``build_parser`` reads, PATH folded into ``vault``."""

    __slots__ = ("demo", "path", "self_test", "vault")

    def __init__(
        self,
        path: str | None = None,
        vault: str | None = None,
        *,
        demo: bool = False,
        self_test: bool = False,
    ) -> None:
        self.path, self.vault, self.demo, self.self_test = path, vault, demo, self_test


def _parse_plain(argv: list[str]) -> Args | None:
    """The launches a desktop makes (nothing, a double-clicked PATH, ``--vault PATH``)
    without argparse: importing it and building the parser is a few milliseconds before
    the unlock window (issue 15). None for anything else, and for a PATH that is not a
    local file: argparse answers those, with its help, version and error messages."""
    if not argv:
        return Args()
    if len(argv) == 1 and not argv[0].startswith("-"):
        try:
            path = _local_path(argv[0])
        except ValueError:
            return None
        return Args(path, path)
    if len(argv) == 2 and argv[0] == "--vault" and not argv[1].startswith("-"):
        return Args(vault=argv[1])
    return None


def _parse(argv: list[str] | None) -> Args:
    words = sys.argv[1:] if argv is None else list(argv)
    plain = _parse_plain(words)
    if plain is not None:
        return plain
    parser = build_parser()
    args = parser.parse_args(words)
    if args.path is not None:
        try:
            args.path = _local_path(args.path)
        except ValueError:
            parser.error(f"{args.path} is not a file on this computer")
        if args.vault is not None and Path(args.vault).expanduser() != Path(args.path).expanduser():
            parser.error("give the vault either as PATH or with --vault, not both")
        if args.demo:
            parser.error("--demo opens its own vault; leave out PATH")
        args.vault = args.path
    return Args(args.path, args.vault, demo=args.demo, self_test=args.self_test)


def make_demo_vault(folder: Path):
    """A demo vault in a private folder, under a random passphrase kept only in memory;
    opened as its writer like any vault."""
    import secrets

    from alliance_desktop.app.access import unlock
    from alliance_desktop.app.demo import create_demo

    passphrase = "demo-" + secrets.token_urlsafe(12)
    create_demo(folder / DEMO_FILENAME, passphrase)
    return unlock(folder / DEMO_FILENAME, passphrase, writer=True, interactive=True), passphrase


def _quit_on_signals(controller) -> None:
    """Ctrl+C in the terminal (or a polite kill) quits as the Quit action does: the
    window is emptied, the draft and backup are tried, the vault is closed whatever
    happens, a demo folder removed."""
    import signal

    from PySide6.QtCore import QTimer
    from shiboken6 import isValid

    def quit_now() -> None:
        if isValid(controller):
            controller.quit()  # never raises; always ends the event loop

    def request_quit(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_now)

    signal.signal(signal.SIGINT, request_quit)
    signal.signal(signal.SIGTERM, request_quit)
    # Python runs signal handlers only between bytecodes; a slow idle tick lets it in
    # while Qt's event loop is waiting.
    wake = QTimer(controller)
    wake.timeout.connect(lambda: None)
    wake.start(300)


def _hold_collector() -> Callable[[], None]:
    """No cyclic collection until the unlock window is up; returns the release.

    Start-up makes tens of thousands of long-lived objects (modules, classes, Qt's
    enums) and no garbage worth a collection, and the collector scanning them again
    and again was ~10 % of the time to the window. The release (the event loop's
    first turn, or main's end) moves them all out of the collector's generations
    (``gc.freeze``: never scanned again, as module objects need not be) and turns
    collection back on. Idempotent; a no-op when collection was already off."""
    if not gc.isenabled():
        return lambda: None
    gc.disable()
    held = [True]

    def release() -> None:
        if held:
            held.clear()
            gc.freeze()
            gc.enable()

    return release


class _CrashHandler:
    """``sys.excepthook`` from the start, the crash dialog's module loaded only when
    needed: the first uncaught exception imports ``crash_dialog``, installs its hook
    (with ``handled``, the controller's handler once there is one) and hands the
    exception over; every later one goes to that hook directly. A start-up crash is
    caught as before, and the unlock window does not wait for the dialog (issue 15)."""

    def __init__(self) -> None:
        self.handled: Callable[[BaseException], bool] | None = None
        sys.excepthook = self

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        from alliance_desktop.gui.common.crash_dialog import install_excepthook

        install_excepthook(handled=self.handled)(exc_type, exc, tb)


#: At the latest this long after start, what waits for the unlock window's first paint
#: runs anyway (a window that never paints).
AFTER_PAINT_LATEST_MS = 1000


def _keep_layout(window) -> None:
    """Drop the new layout the style change asked ``window`` for: the widgets' size
    hints are what they were (both styles are Fusion), but a focused line edit's hint
    is 2 px taller (the style sheet's focus border) than when the window was laid out,
    and laying it out again now would move the window's contents once, right after it
    appeared. It is laid out as before at its next resize."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    for widget in (window, *window.findChildren(QWidget)):
        QCoreApplication.removePostedEvents(widget, QEvent.Type.LayoutRequest)


def _after_first_paint(controller, theme) -> None:
    """What the unlock window does not need, once it is on the screen: the application's
    Python style (the window has no check box or radio button: it looks the same under
    both, tests/gui/test_startup_style.py), the process hardening (also done before a
    passphrase field takes its first key), the accessible factory for marked labels
    (gui.common.accessibility.defer_factory)."""
    from PySide6.QtCore import QTimer
    from shiboken6 import isValid

    done = [False]

    def run() -> None:
        if done[0]:
            return
        done[0] = True
        theme.install_app_style()
        if window is not None and isValid(window):
            _keep_layout(window)
        from alliance_desktop.app.process import harden_once
        from alliance_desktop.gui.common.accessibility import install_factory

        harden_once()
        install_factory()

    window = getattr(controller, "unlock_window", None)
    painted = getattr(window, "painted", None)
    if painted is None:  # straight into the main window (the demo): now
        run()
        return
    painted.connect(run)
    QTimer.singleShot(AFTER_PAINT_LATEST_MS, run)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.self_test or args.demo:
        # Before any secret exists (the self-test's vault, the demo's passphrase): no
        # core dumps, not dumpable. A plain launch hardens once its unlock window is
        # painted, and before a passphrase field takes a key (unlock.fields).
        from alliance_desktop.app.process import harden_once

        harden_once()
    if args.self_test:
        # Before any window or preference exists: the self-test makes its own app.
        from alliance_desktop.selftest import run

        return run()
    release_collector = _hold_collector()
    try:
        return _run(args, release_collector)
    finally:
        release_collector()


def _run(args: Args, release_collector: Callable[[], None]) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from alliance_desktop.gui.common.preferences import Preferences
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.controller import AppController
    from alliance_desktop.vault.location import resolve_vault_path

    QCoreApplication.setOrganizationName("AllianceDesktop")
    QCoreApplication.setApplicationName("Alliance Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        # C++ Fusion until the unlock window is painted (ThemeManager(defer_style=True)).
        app.setStyle("Fusion")
    else:
        # Fusion from the start without a Python QStyle (``setStyle`` returns one: ~5 ms
        # to set up its class before the unlock window).
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setWindowIcon(QIcon(":/icons/alliance.svg"))
    app.setDesktopFileName(DESKTOP_FILE_ID)
    crashes = _CrashHandler()
    prefs = Preferences()
    # Before any window: every tr() after this reads the chosen language (i18n).
    from alliance_desktop.gui.common.translator import install_translators

    install_translators(app, prefs.language)
    theme = ThemeManager(app, prefs.theme, defer_style=True)

    demo_dir: Path | None = None
    vault = None
    passphrase = None
    if args.demo:
        import tempfile

        # mkdtemp makes the folder 0700 for this user only.
        demo_dir = Path(tempfile.mkdtemp(prefix="alliance-demo-"))
        vault, passphrase = make_demo_vault(demo_dir)
        path = demo_dir / DEMO_FILENAME
    else:
        path = resolve_vault_path(args.vault)

    if vault is None:
        # The unlock window's marked labels get their accessible factory once it has
        # been painted (no assistive technology can ask before the event loop runs).
        from alliance_desktop.gui.common.accessibility import defer_factory

        defer_factory()
    controller = AppController(
        app, path, prefs, theme, demo_dir=demo_dir, demo_passphrase=passphrase
    )
    # A VaultError escaping a slot becomes a status message or the damaged screen.
    crashes.handled = controller.handleUncaught
    app.aboutToQuit.connect(controller.cleanup_demo)
    _quit_on_signals(controller)
    if vault is not None:
        # Straight into the main window, shown before the event loop runs (widgets shown
        # then are not polished again by a later style): its style first.
        theme.install_app_style()
    controller.start(vault)
    QTimer.singleShot(0, release_collector)
    _after_first_paint(controller, theme)
    try:
        return app.exec()
    finally:
        controller.cleanup_demo()


if __name__ == "__main__":
    raise SystemExit(main())
