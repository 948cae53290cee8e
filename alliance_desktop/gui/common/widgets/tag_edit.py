"""Tags typed as one line, "sleep, family", with completion from tags already used.

Completion works on the tag being typed (the text after the last comma), so reusing
an existing tag keeps the vocabulary consistent for search and statistics.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

SEPARATOR = ", "


def split_tags(text: str) -> tuple[str, ...]:
    """Comma-separated text to tags: trimmed, empty ones dropped, duplicates (ignoring
    case) removed, first spelling kept."""
    seen: set[str] = set()
    tags: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


class TagEdit(QLineEdit):
    """A line of comma- or Enter-separated tags with a completer over known tags."""

    tagsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # Not setCompleter(): QLineEdit would complete the whole line, not the last tag.
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)
        self.textChanged.connect(lambda _text: self.tagsChanged.emit())
        self.setPlaceholderText(self.tr("e.g. sleep, family, homework"))

    def tagCompleter(self) -> QCompleter:
        return self._completer

    def completerModel(self) -> QStringListModel:
        return self._model

    def setAvailableTags(self, tags: Iterable[str]) -> None:
        self._model.setStringList(sorted(set(tags), key=str.casefold))

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def setTags(self, tags: Iterable[str]) -> None:
        """Replace the text; like setText this also drops the undo history."""
        self.setText(SEPARATOR.join(tags))

    def clearAll(self) -> None:
        """Forget the text, its undo history and the known tags (used on lock)."""
        self._hide_popup()
        self.setText("")
        self._model.setStringList([])
        self._completer.setCompletionPrefix("")

    def _hide_popup(self) -> None:
        # popup() is None only in inline completion mode, which this editor never uses.
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def _current_fragment(self) -> str:
        before = self.text()[: self.cursorPosition()]
        return before.rsplit(",", 1)[-1].strip()

    def _update_completion(self, _text: str) -> None:
        fragment = self._current_fragment()
        if not fragment:
            self._hide_popup()
            return
        self._completer.setCompletionPrefix(fragment)
        already = {t.casefold() for t in self.tags()}
        if self._completer.completionCount() == 0 or (
            self._completer.completionCount() == 1
            and self._completer.currentCompletion().casefold() in already
            and self._completer.currentCompletion().casefold() == fragment.casefold()
        ):
            self._hide_popup()
            return
        self._completer.complete()

    def _insert_completion(self, completion: str) -> None:
        text = self.text()
        cursor = self.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        end = len(text) if end == -1 else end
        ending = "" if text[end:].strip() else SEPARATOR
        # Replace the fragment through a selection so Ctrl+Z can undo the completion.
        self.setSelection(start, end - start)
        self.insert(f"{' ' if start else ''}{completion}{ending}")
        self._hide_popup()

    def event(self, event: QEvent) -> bool:
        # While the completion list is open, Escape closes it rather than the editor.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._popup_visible()
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._completer.popup()
        visible = popup is not None and popup.isVisible()
        if event.key() == Qt.Key.Key_Escape and visible:
            self._hide_popup()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = popup.currentIndex() if popup is not None and visible else None
            self._hide_popup()
            if current is not None and current.isValid():
                self._insert_completion(str(current.data()))
            elif self.text().strip() and not self.text().rstrip().endswith(","):
                # Enter ends the tag being typed, as a comma would.
                self.end(False)
                self.insert(SEPARATOR)
            event.accept()
            return
        super().keyPressEvent(event)
