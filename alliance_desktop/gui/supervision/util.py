"""Small pieces the wizard's steps share: date conversion, item roles, a bold label."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    """A semi-bold heading ``scale`` times the body size."""
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
