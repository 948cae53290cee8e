"""The alert list as a Qt table model: kind (glyph and words), client, date, what.

Alerts arrive already risk-ordered from the caller; the model only presents them and
can be emptied in one call, so locking leaves nothing of the caseload behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from alliance_desktop.domain.models import Client
from alliance_desktop.gui.models import CLIENT_ID_ROLE, SESSION_ROLE, FlatTableModel, short_date
from alliance_desktop.insights.alerts import (
    CLIENT_HIGHER,
    KIND_ORDER,
    THERAPIST_HIGHER,
    Alert,
    AlertKind,
)

Index = QModelIndex | QPersistentModelIndex

#: A shape per kind, matching the caseload chart's badges, so kind never rests on colour.
KIND_GLYPH: dict[AlertKind, str] = {
    AlertKind.OPEN_RUPTURE: "◆",
    AlertKind.DROP: "▼",
    AlertKind.ENGAGEMENT_FALLING: "↘",
    AlertKind.LOW_CLIENT_RATING: "●",
    AlertKind.LOW_RATING: "▽",
    AlertKind.PERSPECTIVE_GAP: "◐",
    AlertKind.OUTCOME_DETERIORATION: "⬇",
    AlertKind.NOT_SEEN: "◌",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("insights", text)


def kind_label(kind: AlertKind) -> str:
    """Words for an alert kind; the glyph goes with them, never instead of them."""
    return {
        AlertKind.OPEN_RUPTURE: _tr("Open rupture"),
        AlertKind.DROP: _tr("Drop"),
        AlertKind.ENGAGEMENT_FALLING: _tr("Engagement falling"),
        AlertKind.LOW_CLIENT_RATING: _tr("Low client rating"),
        AlertKind.LOW_RATING: _tr("Low rating"),
        AlertKind.PERSPECTIVE_GAP: _tr("Perspective gap"),
        AlertKind.OUTCOME_DETERIORATION: _tr("Outcome deterioration"),
        AlertKind.NOT_SEEN: _tr("Not seen lately"),
    }[kind]


def kind_text(kind: AlertKind) -> str:
    return f"{KIND_GLYPH[kind]} {kind_label(kind)}"


def direction_label(alert: Alert) -> str:
    """Which view is higher for a perspective gap ("" for every other alert)."""
    if alert.kind != AlertKind.PERSPECTIVE_GAP:
        return ""
    return {
        THERAPIST_HIGHER: _tr("you rate higher"),
        CLIENT_HIGHER: _tr("the client rates higher"),
    }.get(alert.direction or "", "")


def alert_kind_text(alert: Alert) -> str:
    """Glyph and words for one alert's kind, with a perspective gap's direction."""
    text = kind_text(alert.kind)
    direction = direction_label(alert)
    return f"{text} · {direction}" if direction else text


def no_alerts_text() -> str:
    """The empty state of every alert list: it says whose rules found nothing."""
    return _tr("No alerts under your current rules.")


def risk_sorted(alerts: Iterable[Alert]) -> list[Alert]:
    """One client's alerts: most serious kind first, then the newest."""
    return sorted(alerts, key=lambda a: (KIND_ORDER[a.kind], -a.date.toordinal()))


class AlertListModel(FlatTableModel):
    """Rows of (alert, client); SESSION_ROLE and CLIENT_ID_ROLE say what to open."""

    COLUMNS = ("kind", "client", "date", "message")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Alert, Client]] = []

    def setAlerts(self, rows: Sequence[tuple[Alert, Client]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.setAlerts([])

    def alert(self, row: int) -> Alert:
        return self._rows[row][0]

    def headers(self) -> tuple[str, ...]:
        return (_tr("Kind"), _tr("Client"), _tr("Date"), _tr("What happened"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        alert, client = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SESSION_ROLE:
            return alert.session_id
        if role == CLIENT_ID_ROLE:
            return client.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return alert_kind_text(alert)
            if column == "client":
                return client.code
            if column == "date":
                return short_date(alert.date)
            return alert.message
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return alert.message
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == "kind":
                direction = direction_label(alert)
                label = kind_label(alert.kind)
                return f"{label}, {direction}" if direction else label
            return str(self.data(index) or "")
        return None
