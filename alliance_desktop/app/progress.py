"""Progress and Cancel for the long use cases (export, import, backup, restore, merge).

A use case that may run for more than a moment takes an optional keyword
``progress: Progress | None``: it calls it as ``progress(done, total, text)`` at each
step it can stop at. The caller (the GUI's background worker) shows the figures and,
once the user pressed Cancel, raises :class:`Cancelled` from that call, so the use
case stops there. Because every output file goes through ``app.files`` (a temporary
file removed on any exception) and every write is one transaction, a cancelled use
case leaves nothing behind: no file, no half-written data, no audit row.

Without ``progress`` a use case runs as before (the command line, the tests).
"""

from __future__ import annotations

from collections.abc import Callable

from alliance_desktop.i18n import _

#: ``progress(done, total, text)``; may raise Cancelled. ``total`` 0: not known.
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled the use case; nothing was saved or changed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Cancelled. Nothing was saved or changed."))


def step(progress: Progress | None, done: int, total: int, text: str = "") -> None:
    """Report a step to ``progress`` (if any); it raises Cancelled when asked to stop."""
    if progress is not None:
        progress(done, total, text)


__all__ = ["Cancelled", "Progress", "step"]
