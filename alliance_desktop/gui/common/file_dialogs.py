"""Open, save and folder dialogs that leave nothing the user picked outside the vault.

Qt's own (non-native) file dialog keeps a history: when a ``QFileDialog`` is destroyed
it writes the folders visited, the last folder and the sidebar into the user's
``QtProject.conf`` (``~/.config/QtProject.conf`` on Linux). Those are paths the user
chose (an export folder named after a client, a USB stick), so every dialog of the app
goes through these three helpers instead of ``QFileDialog``'s static functions:

- the dialog is Qt's own, never the desktop's, so the desktop's "recent files" list
  never hears of it either;
- it starts with an empty history and restores no saved state;
- once it is gone, the ``FileDialog`` group of ``QtProject.conf`` is put back exactly
  as it was before (the file is removed when the dialog created it).

The functions mirror Qt's static ones (``(path, chosen filter)`` or a folder, ``""``
when cancelled). Replacing an existing file is never confirmed here: the use case
refuses, and ``operations.run`` asks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_GROUP = "FileDialog"


def _qt_settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, "QtProject")


@contextlib.contextmanager
def _no_history() -> Iterator[None]:
    """Put Qt's file-dialog settings back as they were once the block is over."""
    before = _qt_settings()
    file = Path(before.fileName())
    existed = file.exists()
    before.beginGroup(_GROUP)
    saved: dict[str, Any] = {key: before.value(key) for key in before.allKeys()}
    before.endGroup()
    del before
    try:
        yield
    finally:
        after = _qt_settings()
        after.remove(_GROUP)
        for key, value in saved.items():
            after.setValue(f"{_GROUP}/{key}", value)
        after.sync()
        del after
        if not existed:
            with contextlib.suppress(OSError):
                file.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                Path(str(file) + ".lock").unlink(missing_ok=True)


def _run(dialog: QFileDialog) -> tuple[list[str], str] | None:
    """Show ``dialog`` modally and destroy it: (chosen paths, chosen filter), or None."""
    with _no_history():
        try:
            dialog.setHistory([])
            accepted = bool(dialog.exec())
            result = (dialog.selectedFiles(), dialog.selectedNameFilter()) if accepted else None
            dialog.setHistory([])
        finally:
            # The history is written when the C++ object dies: make that happen now,
            # inside the block that cleans up after it.
            if shiboken6.isValid(dialog):
                shiboken6.delete(dialog)
    if result is None or not result[0]:
        return None
    return result


def _dialog(parent: QWidget | None, caption: str, directory: str, filter_: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter_)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontResolveSymlinks, True)
    return dialog


def get_open_file_name(
    parent: QWidget | None, caption: str, directory: str | Path = "", filter: str = ""
) -> tuple[str, str]:
    """An existing file to read: ``(path, chosen filter)``, or ``("", "")``."""
    dialog = _dialog(parent, caption, str(directory), filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _first_with_filter(dialog)


def get_save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str | Path = "",
    filter: str = "",
    selected_filter: str = "",
) -> tuple[str, str]:
    """Where to write: ``(path, chosen filter)``, or ``("", "")``. Never asks about
    replacing a file (``operations.run`` does, after the use case refused)."""
    dialog = _dialog(parent, caption, str(directory), filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    return _first_with_filter(dialog)


def get_existing_directory(parent: QWidget | None, caption: str, directory: str | Path = "") -> str:
    """A folder: its path, or ``""``."""
    dialog = _dialog(parent, caption, str(directory), "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0][0] if chosen else ""


def _first_with_filter(dialog: QFileDialog) -> tuple[str, str]:
    chosen = _run(dialog)
    return (chosen[0][0], chosen[1]) if chosen else ("", "")
