"""A section that stays folded until wanted, and says in its header what it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

TOGGLE_STYLE = """
QToolButton { border: 2px solid transparent; border-radius: 4px; padding: 1px 4px; }
QToolButton:checked { background: transparent; }
QToolButton:focus { border: 2px solid palette(highlight); }
QToolButton:hover { background: palette(midlight); }
"""


class CollapsibleSection(QWidget):
    """A header button ("Strategies (2)") that shows or hides a content widget.

    Progressive disclosure keeps the two-minute entry short; the count in the header
    means a folded section never hides that it has content.
    """

    toggled = Signal(bool)

    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._count = 0
        self._expanded = False
        self.toggle = QToolButton(self)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Checkable, so assistive technology hears "pressed" for an open section.
        self.toggle.setCheckable(True)
        # The application sheet turns focus rectangles off, and an auto-raised tool
        # button draws no frame: this ring (the accent, 2 px) shows where Tab landed.
        self.toggle.setStyleSheet(TOGGLE_STYLE)
        font = self.toggle.font()
        font.setBold(True)
        self.toggle.setFont(font)
        self.toggle.clicked.connect(lambda: self.setExpanded(not self._expanded))
        self.hint = QLabel(hint, self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.setObjectName("sectionHint")
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        header.addWidget(self.toggle)
        header.addWidget(self.hint, 1)
        header.addStretch(0)
        self.body = QFrame(self)
        self.body.setObjectName("sectionBody")
        self.setAccessibleName(title)
        self.body.setAccessibleName(title)
        self.body.setVisible(False)
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setContentsMargins(22, 2, 0, 6)
        self.bodyLayout.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.body)
        self._sync()

    def setObjectName(self, name: str) -> None:
        super().setObjectName(name)
        self.toggle.setObjectName(f"{name}Toggle")

    def addWidget(self, widget: QWidget) -> None:
        self.bodyLayout.addWidget(widget)

    def isExpanded(self) -> bool:
        return self._expanded

    def setExpanded(self, expanded: bool) -> None:
        changed = expanded != self._expanded
        self._expanded = expanded
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.hint.setVisible(not expanded)
        self._sync()
        if changed:
            self.toggled.emit(expanded)

    def setTitle(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.body.setAccessibleName(title)
        self._sync()

    def setCount(self, count: int) -> None:
        """Show how many items the section holds, so folding never hides content."""
        self._count = count
        self._sync()

    def count(self) -> int:
        return self._count

    def _sync(self) -> None:
        text = f"{self._title} ({self._count})" if self._count else self._title
        self.toggle.setText(text)
        self.toggle.setChecked(self._expanded)
        state = self.tr("expanded") if self.isExpanded() else self.tr("collapsed")
        self.toggle.setAccessibleName(text)
        self.toggle.setAccessibleDescription(state)
