"""The user's place in the editor (focused field, cursor, scroll), kept over a lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from alliance_desktop.gui.editor.session_editor import SessionEditor


def place_state(editor: SessionEditor) -> dict[str, Any]:
    """Where the user is in the editor (focused field, cursor, scroll), for a lock."""
    state: dict[str, Any] = {"scroll": editor.ui.scrollArea.verticalScrollBar().value()}
    focus = QApplication.focusWidget()
    if focus is not None and editor.isAncestorOf(focus) and focus.objectName():
        state["focus"] = focus.objectName()
        if isinstance(focus, QPlainTextEdit):
            cursor = focus.textCursor()
            state["cursor"] = (cursor.anchor(), cursor.position())
        elif isinstance(focus, QLineEdit):
            state["cursor"] = (focus.cursorPosition(), focus.cursorPosition())
    return state


def restore_place(editor: SessionEditor, state: dict[str, Any]) -> None:
    """Put the focus, cursor and scroll back as ``placeState`` found them."""
    name = state.get("focus")
    widget = editor.findChild(QWidget, str(name)) if name else None
    if widget is None or not widget.isVisibleTo(editor):
        widget = editor.reflectionEditor.firstEdit()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    cursor_at = state.get("cursor")
    if isinstance(widget, QPlainTextEdit):
        length = len(widget.toPlainText())
        anchor, position = cursor_at if cursor_at else (length, length)
        cursor = widget.textCursor()
        cursor.setPosition(min(int(anchor), length))
        cursor.setPosition(min(int(position), length), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
    elif isinstance(widget, QLineEdit) and cursor_at:
        widget.setCursorPosition(int(cursor_at[1]))
    scroll = state.get("scroll")
    if isinstance(scroll, int):
        editor.ui.scrollArea.verticalScrollBar().setValue(scroll)
    editor.ui.scrollArea.ensureWidgetVisible(widget)
