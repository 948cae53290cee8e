"""Inline messages beside a field: text plus a symbol, never colour alone.

The style sheet colours ``QLabel[role="error"]``; the prefix carries the meaning for
anyone who cannot see the colour, and an empty label is hidden so it takes no space.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

PREFIX = {"error": "⚠ ", "hint": "", "ok": "✓ "}


def show_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show ``text`` in ``label`` with the prefix and style of ``kind`` (error, hint, ok)."""
    role = "hint" if kind == "ok" else kind
    if label.property("role") != role:
        label.setProperty("role", role)
        # A dynamic property only restyles after a re-polish.
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(PREFIX.get(kind, "") + text)
    label.setVisible(bool(text))


def error_label(name: str, parent: QWidget) -> QLabel:
    """An empty, hidden, wrapping label for the message beside one field."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def heading(label: QLabel, scale: float) -> QLabel:
    """Make ``label`` a section heading ``scale`` times the body size, semi-bold."""
    from PySide6.QtGui import QFont  # not before the unlock window, which needs none

    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def clear_message(label: QLabel) -> None:
    label.clear()
    label.hide()


def repolish_roles(root: QWidget) -> None:
    """Re-apply the style sheet to widgets whose ``role`` was set after they were polished.

    ``setupUi`` sets dynamic properties last; a QStackedWidget polishes its pages
    earlier than that, so ``QLabel[role="title"]`` would otherwise never match.
    """
    for widget in root.findChildren(QWidget):
        if widget.property("role"):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
