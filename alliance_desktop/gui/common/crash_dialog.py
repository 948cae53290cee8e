"""What a person sees when something unexpected goes wrong: a plain dialog, never a
raw traceback, and a technical summary they can copy that carries no vault data.

The summary keeps only the exception's type and where it happened (file, line,
function). Exception messages and local values are dropped: they can quote a client
code, a reflection or a file path.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from alliance_desktop import __version__

if TYPE_CHECKING:  # pragma: no cover
    pass

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def technical_summary(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and frames only; paths shortened to the package or the library's file name."""
    lines = [f"Alliance Desktop {__version__}, Python {sys.version.split()[0]}"]
    lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}")
    for frame in traceback.extract_tb(tb):
        path = Path(frame.filename)
        try:
            shown = "alliance_desktop/" + str(path.resolve().relative_to(_PACKAGE_ROOT))
        except ValueError:
            shown = path.name
        lines.append(f"  at {shown}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def install_excepthook(
    show: Callable[[str], None] | None = None,
    *,
    handled: Callable[[BaseException], bool] | None = None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Route uncaught exceptions in Qt slots to the dialog instead of stderr.

    ``handled(exc)`` is asked first: the controller takes a ``VaultError`` (a status
    message, or the damaged-vault screen) and returns True, so an expected problem of
    the vault never shows the crash dialog.
    """

    def present(summary: str) -> None:
        from alliance_desktop.gui.common.crash_window import CrashDialog

        parent = QApplication.activeWindow()
        CrashDialog(summary, parent).exec()

    shower = show or present
    active = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal active
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if active:  # an error while showing the dialog must not loop
            return
        active = True
        try:
            if handled is not None:
                try:
                    if handled(exc):
                        return
                except Exception:  # the handler failed: fall back to the dialog
                    pass
            shower(technical_summary(exc_type, tb))
        finally:
            active = False

    sys.excepthook = hook
    return hook


def __getattr__(name: str) -> Any:
    # The dialog (QDialog, QDialogButtonBox: ~8 ms of Qt's type set-up) is defined in
    # crash_window and loaded when first used, not when the hook is installed at start.
    if name == "CrashDialog":
        from alliance_desktop.gui.common.crash_window import CrashDialog

        return CrashDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
