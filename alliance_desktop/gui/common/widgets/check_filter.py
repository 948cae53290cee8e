"""Type a few letters to find a tick: the keyboard path through long lists of boxes.

A :class:`CheckFilter` sits above a list of check boxes and is the list's one Tab stop.
Typing narrows the list to the boxes whose label holds every typed word; Enter ticks
(or unticks) the first match and empties the filter for the next one; Down steps into
the list, where Up and Down move between the boxes shown and Space ticks as usual.
Ticked boxes stay in sight while filtering, so a filter never hides a choice made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget


def matches(label: str, needle: str) -> bool:
    """Every word of ``needle`` appears in ``label``, ignoring case and accents' case."""
    text = label.replace("&", "").casefold()
    return all(word in text for word in needle.casefold().split())


class CheckFilter(QLineEdit):
    """The filter line for ``boxes()`` (the boxes currently offered, in reading order)."""

    def __init__(
        self,
        boxes: Callable[[], list[QCheckBox]],
        parent: QWidget | None = None,
        *,
        on_filtered: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._boxes = boxes
        self._on_filtered = on_filtered
        self.setPlaceholderText(self.tr("Type to find, Enter to tick"))
        self.setAccessibleDescription(
            self.tr("Type a few letters, then Enter ticks the first match; Down goes to the list.")
        )
        self.textChanged.connect(self._apply)

    # -- the boxes ---------------------------------------------------------------------------
    def adopt(self, box: QCheckBox) -> None:
        """Take ``box`` out of the Tab chain (this line is the list's stop) and give it
        Up/Down between the boxes shown."""
        box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Installing a filter twice is harmless: Qt keeps one.
        box.installEventFilter(self)

    def shown(self) -> list[QCheckBox]:
        return [box for box in self._boxes() if not box.isHidden()]

    def firstMatch(self) -> QCheckBox | None:
        needle = self.text().strip()
        if not needle:
            return None
        return next((b for b in self._boxes() if matches(b.text(), needle)), None)

    def _apply(self, *_args: object) -> None:
        needle = self.text().strip()
        for box in self._boxes():
            box.setVisible(not needle or box.isChecked() or matches(box.text(), needle))
        if self._on_filtered is not None:
            self._on_filtered()

    def refresh(self) -> None:
        """Apply the filter again (the boxes offered changed)."""
        self._apply()

    # -- keys ------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Esc empties a filter with text before it can close the editor.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.text()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            box = self.firstMatch()
            if box is not None:
                box.toggle()
                self.clear()
            event.accept()
            return
        if plain and key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if plain and key == Qt.Key.Key_Down:
            shown = self.shown()
            if shown:
                shown[0].setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QCheckBox)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            shown = self.shown()
            if watched in shown:
                i = shown.index(watched) + (1 if event.key() == Qt.Key.Key_Down else -1)
                target: QWidget = shown[i] if 0 <= i < len(shown) else self
                if i >= len(shown):
                    target = watched
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
