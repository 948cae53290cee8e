"""The one way a widget runs a user action: call the use case, show its error, broadcast.

A widget collects input and calls ``run(self, app.sessions.save, vault, ...)``. The
use case in ``app/`` validates, writes in one transaction and records its audit
entry; ``run`` only deals with the outcome:

- a ``ValidationError``, a ``VaultError`` or an ``OutputError`` is shown inline, in the
  caller's feedback label (``show_error=``) or the window's status bar, never in the
  crash dialog, and ``run`` returns None;
- an ``OutputExistsError`` asks "A file named X already exists. Replace it?" (default
  No) and, on Yes, calls the use case again with ``overwrite=True``;
- on success the ``Changes`` of the outcome are broadcast once through
  ``events().vaultChanged`` and the outcome is returned. Views subscribe to that
  signal and decide for themselves whether to reload.

Anything else is a bug and goes on to the crash handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.domain import ValidationError
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault import Vault

T = TypeVar("T")

EXPECTED = (ValidationError, VaultError, OutputError)


class VaultEvents(QObject):
    """The hub views listen to: one ``vaultChanged(Changes)`` per successful action."""

    vaultChanged = Signal(object)
    #: A write was refused because another device replaced the file (issue 14).
    vaultReplaced = Signal()

    def emitChanges(self, changes: Changes) -> None:
        self.vaultChanged.emit(changes)


_events: VaultEvents | None = None


def events() -> VaultEvents:
    """The application's one hub (created on first use, owned by the QApplication)."""
    global _events
    app = QCoreApplication.instance()
    if _events is None or not isValid(_events) or _events.parent() is not app:
        _events = VaultEvents(app)
        _events.setObjectName("vaultEvents")
    return _events


def _tr(text: str) -> str:
    return QCoreApplication.translate("operations", text)


def _flasher(parent: QWidget | None) -> Callable[[str], None] | None:
    """The status ``flash`` of the nearest window that has one (a dialog's owner too)."""
    widget = parent
    while widget is not None:
        window = widget.window()
        flash = getattr(window, "flash", None)
        if callable(flash):
            return flash
        widget = window.parentWidget()
    return None


def current_vault(widget: QWidget | None) -> Vault | None:
    """The open vault of the nearest window that has one (``MainWindow.currentVault``)."""
    while widget is not None:
        window = widget.window()
        provider = getattr(window, "currentVault", None)
        if callable(provider):
            vault: Vault | None = provider()
            return vault
        widget = window.parentWidget()
    return None


def show_problem(
    parent: QWidget | None, message: str, show_error: Callable[[str], None] | None = None
) -> None:
    """Say ``message`` where the user is looking: the caller's label, else the status bar."""
    if show_error is not None:
        show_error(message)
        return
    flash = _flasher(parent)
    if flash is not None:
        flash(message)
        return
    QMessageBox.warning(parent, _tr("Not done"), message)


def confirm_replace(parent: QWidget | None, exc: OutputExistsError) -> bool:
    name = exc.path.name if exc.path is not None else ""
    answer = QMessageBox.question(
        parent,
        _tr("Replace file"),
        _tr("A file named {name} already exists. Replace it?").format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run(
    parent: QWidget | None,
    fn: Callable[..., Outcome[T]],
    *args: Any,
    show_error: Callable[[str], None] | None = None,
    on_invalid: Callable[[ValidationError], None] | None = None,
    **kwargs: Any,
) -> Outcome[T] | None:
    """Run the use case ``fn(*args, **kwargs)`` for ``parent``; None if it did not happen.

    ``on_invalid`` lets a form mark its own fields for a ``ValidationError`` instead of
    the one-line message. Declining to replace an existing file also returns None.
    """
    try:
        try:
            outcome = fn(*args, **kwargs)
        except OutputExistsError as exc:
            if not confirm_replace(parent, exc):
                show_problem(
                    parent,
                    _tr("Nothing was saved; {name} was left as it was.").format(
                        name=exc.path.name if exc.path is not None else ""
                    ),
                    show_error,
                )
                return None
            outcome = fn(*args, **{**kwargs, "overwrite": True})
    except ValidationError as exc:
        if on_invalid is not None:
            on_invalid(exc)
        else:
            show_problem(parent, str(exc), show_error)
        return None
    except (VaultError, OutputError) as exc:
        show_problem(parent, str(exc), show_error)
        if type(exc).__name__ == "VaultReplacedError":
            events().vaultReplaced.emit()
        return None
    if outcome.changes.any:
        events().emitChanges(outcome.changes)
    return outcome


__all__ = [
    "EXPECTED",
    "VaultEvents",
    "confirm_replace",
    "current_vault",
    "events",
    "run",
    "show_problem",
]
