"""The top of a new session: what the therapist planned to try, removable item by item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class PlanBar(QFrame):
    """The top of a new session: what the therapist planned to try, removable item by item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setObjectName("planLabel")
        self._layout.addWidget(self.label)
        self.chips: list[QToolButton] = []
        self._layout.addStretch(1)
        self.hide()

    def show_plan(self, items: list[tuple[str, str, str]], on_remove: Any) -> None:
        """``items`` are (strategy key, label, note); clicking a chip removes that item."""
        self.clear()
        if not items:
            return
        self.label.setText(self.tr("Plan from last time:"))
        for key, label, note in items:
            chip = QToolButton(self)
            chip.setObjectName(f"planItem_{key}")
            chip.setText(f"{label}  ✕")
            chip.setToolTip(note or self.tr("Remove from the plan"))
            chip.setAccessibleName(self.tr("{label}: planned; press to remove").format(label=label))
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.clicked.connect(lambda _=False, k=key: on_remove(k))
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self.chips.append(chip)
        self.show()

    def planned(self) -> list[str]:
        return [c.objectName().removeprefix("planItem_") for c in self.chips]

    def clear(self) -> None:
        for chip in self.chips:
            chip.hide()
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        self.label.clear()
        self.hide()


__all__ = ["PlanBar"]
