"""Small helpers shared by the insight pages: selectable labels and headings."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from alliance_desktop.gui.common.feedback import heading


def make_heading(label: QLabel, scale: float = 1.25) -> QLabel:
    return heading(label, scale)


def make_label(name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def escape(text: str) -> str:
    return html.escape(text)
