"""The clipboard forgets what the app put there when the vault locks or the app quits.

KeePassXC's rule: remember what *we* copied and clear the clipboard only if it still
holds exactly that. Text the person copied in another program afterwards is theirs
and is left alone.

Widgets copy on their own (Ctrl+C in the editor, a context menu), so the guard
watches ``QClipboard.dataChanged``: a change counts as the app's when the platform
says this process owns the clipboard, or when one of the app's windows is active at
that moment (the platform cannot tell otherwise, e.g. offscreen). On X11 the
selection clipboard (middle-click paste) is watched the same way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)


class ClipboardGuard(QObject):
    """Remembers the text the app's windows put on the clipboard; ``clear()`` removes
    it if it is still there.

    ``is_ours(window)`` says whether an active top-level widget belongs to the app's
    vault windows; by default every window of this process does.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        is_ours: Callable[[QWidget], bool] | None = None,
    ):
        super().__init__(parent)
        self._is_ours = is_ours or (lambda _window: True)
        self._copied: dict[QClipboard.Mode, str] = {}
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.changed.connect(self._changed)
        self._watching = True

    def _modes(self) -> tuple[QClipboard.Mode, ...]:
        if self._clipboard.supportsSelection():
            return _MODES
        return _MODES[:1]

    def _owned_by_us(self, mode: QClipboard.Mode) -> bool:
        owns = (
            self._clipboard.ownsClipboard()
            if mode == QClipboard.Mode.Clipboard
            else self._clipboard.ownsSelection()
        )
        if owns:
            return True
        window = QApplication.activeWindow()
        return window is not None and self._is_ours(window)

    def _changed(self, mode: QClipboard.Mode) -> None:
        if mode not in self._modes():
            return
        text = self._clipboard.text(mode)
        if text and self._owned_by_us(mode):
            self._copied[mode] = text
        else:
            # Someone else's text now: nothing of ours is left to clear.
            self._copied.pop(mode, None)

    def holdsOurs(self) -> bool:
        """True while the clipboard still holds text the app put there."""
        return any(self._clipboard.text(m) == t for m, t in self._copied.items())

    def clear(self) -> bool:
        """Empty the clipboard if it still holds what the app copied; True if it did.

        Never raises: it runs on the lock and quit paths.
        """
        cleared = False
        with contextlib.suppress(RuntimeError):  # the clipboard is gone at teardown
            for mode, text in list(self._copied.items()):
                if self._clipboard.text(mode) == text:
                    self._clipboard.clear(mode)
                    cleared = True
        self._copied.clear()
        return cleared

    def stop(self) -> None:
        """Stop watching (the controller is done); idempotent."""
        if not self._watching:
            return
        self._watching = False
        with contextlib.suppress(RuntimeError, TypeError):
            self._clipboard.changed.disconnect(self._changed)
