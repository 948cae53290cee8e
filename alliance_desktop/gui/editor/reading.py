"""Reading mode: a saved session shown read-only, the searched word marked in its text.

Text stays selectable and scrollable (read-only, not disabled); every other input is
disabled. Only widgets this module changed are given back on leaving, so a widget that
was disabled for its own reasons stays so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from alliance_desktop.gui.editor.session_editor import SessionEditor

LOCKED = "readingLocked"  # dynamic property: this module made the widget read-only
_WORD = re.compile(r"\w+", re.UNICODE)
# A marker-pen yellow with black text: legible on the light and the dark theme alike,
# and the match is underlined as well, so colour never carries it alone.
MARK_BACKGROUND = QColor("#ffe066")
MARK_FOREGROUND = QColor("#000000")


def show_mode(editor: SessionEditor, on: bool, spared: Iterable[QWidget]) -> None:
    """Reading (``on``) or editing: inputs, marks, the footer's buttons and hint."""
    ui = editor.ui
    if on:
        lock(ui.scrollContents, spared)
        ui.supervisionCheck.setEnabled(False)
    else:
        unlock(ui.scrollContents)
        ui.supervisionCheck.setEnabled(True)
        edits = editor.reflectionEditor.edits()
        mark([*edits, *(card.noteEdit for card in editor.ruptureEditors())], "")
    ui.readingLabel.setVisible(on)
    ui.editSessionButton.setVisible(on)
    ui.saveSessionButton.setVisible(not on)
    close = QCoreApplication.translate("SessionEditor", "Close")
    ui.cancelButton.setText(close if on else QCoreApplication.translate("SessionEditor", "Cancel"))
    ui.cancelButton.setAccessibleName(ui.cancelButton.text())
    editor.setAccessibleDescription(ui.readingLabel.text() if on else "")


def lock(root: QWidget, keep: Iterable[QWidget] = ()) -> None:
    """Make every input under ``root`` read-only (text) or disabled (the rest)."""
    spared = set(keep)
    for widget in root.findChildren(QWidget):
        if widget in spared or widget.property(LOCKED) is not None:
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue  # a spin box's or combo box's own line: the box itself is handled
        if isinstance(widget, QPlainTextEdit | QLineEdit):
            if not widget.isReadOnly():
                widget.setReadOnly(True)
                widget.setProperty(LOCKED, "readOnly")
        elif (
            isinstance(widget, QAbstractSpinBox | QAbstractButton | QComboBox | QAbstractSlider)
            and widget.isEnabled()
        ):
            widget.setEnabled(False)
            widget.setProperty(LOCKED, "enabled")


def unlock(root: QWidget) -> None:
    for widget in root.findChildren(QWidget):
        how = widget.property(LOCKED)
        if how is None:
            continue
        if how == "readOnly" and isinstance(widget, QPlainTextEdit | QLineEdit):
            widget.setReadOnly(False)
        else:
            widget.setEnabled(True)
        widget.setProperty(LOCKED, None)


def terms(highlight: str) -> list[str]:
    """The words to mark: those of the search text, as the search itself reads them."""
    return [w for w in _WORD.findall(highlight) if w.strip()]


def mark(edits: Iterable[QPlainTextEdit], highlight: str) -> list[QPlainTextEdit]:
    """Mark every word starting with one of ``highlight``'s words (the search matches
    prefixes, ignoring case) in each edit; returns the edits with a mark, in order."""
    words = terms(highlight)
    pattern = None
    if words:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)
    fmt = QTextCharFormat()
    fmt.setBackground(MARK_BACKGROUND)
    fmt.setForeground(MARK_FOREGROUND)
    fmt.setFontUnderline(True)
    marked = []
    for edit in edits:
        selections = []
        if pattern is not None:
            doc: QTextDocument = edit.document()
            text = edit.toPlainText()
            for match in pattern.finditer(text):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(doc)
                cursor.setPosition(_utf16(text, match.start()))
                cursor.setPosition(_utf16(text, match.end()), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        edit.setExtraSelections(selections)
        if selections:
            marked.append(edit)
    return marked


def _utf16(text: str, index: int) -> int:
    """A Python index as a position in the document, which counts UTF-16 units."""
    return len(text[:index].encode("utf-16-le")) // 2


def first_mark(edit: QPlainTextEdit) -> QTextCursor | None:
    selections = edit.extraSelections()
    return QTextCursor(selections[0].cursor) if selections else None
