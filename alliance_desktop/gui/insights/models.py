"""The alert list as a Qt table model: kind (glyph and words), client, date, what.

Alerts arrive already risk-ordered from the caller; the model only presents them and
can be emptied in one call, so locking leaves nothing of the caseload behind.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from alliance_desktop.domain.models import DIMENSIONS, Client
from alliance_desktop.gui.common.role_data import fill_role_data
from alliance_desktop.gui.workspace.models import (
    CLIENT_ID_ROLE,
    SESSION_ROLE,
    FlatTableModel,
    short_date,
)
from alliance_desktop.insights.alerts import (
    CLIENT_HIGHER,
    KIND_ORDER,
    THERAPIST_HIGHER,
    Alert,
    AlertKind,
)
from alliance_desktop.insights.caseload import CASELOAD_SESSIONS, CaseloadRow, CaseloadSession

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


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SESSION = int(SESSION_ROLE)
_CLIENT_ID = int(CLIENT_ID_ROLE)
#: The roles an alert cell can answer; any other is None at once.
_ALERT_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ACCESSIBLE, _SESSION, _CLIENT_ID))


class AlertListModel(FlatTableModel):
    """Rows of (alert, client); SESSION_ROLE and CLIENT_ID_ROLE say what to open.

    A row's four texts are worked out the first time the row is asked for, then kept
    until the next ``setAlerts``: the header sizes its columns from the rows' texts
    again at every fill, show and resize, each time a few thousand lookups."""

    COLUMNS = ("kind", "client", "date", "message")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Alert, Client]] = []
        self._texts: list[tuple[str, str, str, str] | None] = []

    def setAlerts(self, rows: Sequence[tuple[Alert, Client]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        self.setAlerts([])

    def alert(self, row: int) -> Alert:
        return self._rows[row][0]

    def headers(self) -> tuple[str, ...]:
        return (_tr("Kind"), _tr("Client"), _tr("Date"), _tr("What happened"))

    def _row_texts(self, row: int) -> tuple[str, str, str, str]:
        texts = self._texts[row]
        if texts is None:
            alert, client = self._rows[row]
            texts = (alert_kind_text(alert), client.code, short_date(alert.date), alert.message)
            self._texts[row] = texts
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ALERT_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        return self._value(row, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role a view asks for at once: a measured or painted cell asks for about
        ten, and sizing the columns (the first 60 rows, at every show and resize of the
        list) was 4,000 Python calls, 25-30 ms the first time the list showed."""
        row, column = index.row(), index.column()
        valid = index.isValid() and 0 <= row < len(self._rows)
        value = self._value
        fill_role_data(
            roleDataSpan, _ALERT_ROLES, (lambda role: value(row, column, role)) if valid else None
        )

    def _value(self, row: int, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._row_texts(row)[column]
        alert, client = self._rows[row]
        if role == _SESSION:
            return alert.session_id
        if role == _CLIENT_ID:
            return client.id
        name = self.COLUMNS[column]
        if role == _TOOLTIP and name == "message":
            return alert.message
        if role == _ACCESSIBLE:
            if name == "kind":
                direction = direction_label(alert)
                label = kind_label(alert.kind)
                return f"{label}, {direction}" if direction else label
            return self._row_texts(row)[column]
        return None


# -- the caseload overview -------------------------------------------------------

#: Cividis (sequential, readable with colour-vision deficiencies), as five stops.
_SCALE_STOPS = ((0.0, (0, 32, 77)), (0.25, (65, 77, 107)), (0.5, (124, 123, 120)),
                (0.75, (188, 175, 111)), (1.0, (255, 234, 70)))  # fmt: skip

#: The badge shape per most serious recent kind, as in the alert list's glyphs.
_BADGE_ORDER = (AlertKind.OPEN_RUPTURE, AlertKind.DROP)


def scale_colour(fraction: float) -> QColor:
    """The cell colour for a value at ``fraction`` (0..1) of the scale."""
    f = min(1.0, max(0.0, fraction))
    for (f0, c0), (f1, c1) in itertools.pairwise(_SCALE_STOPS):
        if f <= f1:
            t = 0.0 if f1 == f0 else (f - f0) / (f1 - f0)
            return QColor(*(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True)))
    return QColor(*_SCALE_STOPS[-1][1])


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * lin(colour.redF()) + 0.7152 * lin(colour.greenF()) + 0.0722 * lin(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return (
        black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white
    )


def dimension_label(dimension: str) -> str:
    return {
        "trust": _tr("trust"),
        "engagement": _tr("engagement"),
        "goal_alignment": _tr("goal alignment"),
        "approach_fit": _tr("approach fit"),
    }.get(dimension, dimension)


def _value_text(value: float) -> str:
    return QLocale().toString(float(value), "g", 3)


#: A session cell as painted: (text, background, text colour); ("", None, None) when the
#: client has no session there, ("–", None, None) when the session has no rating on the
#: dimension (the view's own text colour on its own background).
CaseloadCell = tuple[str, QColor | None, QColor | None]

#: The whole painted cell (a ``CaseloadCell``) in one call, for a delegate outside
#: ``CaseloadView`` (which reads ``CaseloadModel.cell`` directly).
CELL_ROLE = Qt.ItemDataRole.UserRole + 40

_NO_SESSION: CaseloadCell = ("", None, None)
_NO_RATING: CaseloadCell = ("–", None, None)


class CaseloadModel(QAbstractTableModel):
    """One row per client in risk order; column 0 the client, then the last sessions.

    Sessions are right-aligned: the last column is always the client's latest session,
    so a narrow window that scrolls keeps it in view. Each session cell's DisplayRole is
    its rating on the chosen dimension ("–" when the session has none), its
    BackgroundRole the colour on the scale and ForegroundRole black or white, whichever
    contrasts more; SESSION_ROLE and CLIENT_ID_ROLE say what Enter opens.

    What is painted (every cell's text and colours, each client cell's text) is worked
    out once per ``setRows`` or ``setDimension``, one colour per distinct value (the
    numbers in the locale of the start: the language is chosen then); ``cell`` and
    ``data`` only look it up, so a paint of the table costs its drawing alone (it was
    3 lookups and 2 colour computations per cell, 60-100 ms a paint on a large caseload).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._dimension = "trust"
        self._maximum = 10.0
        self._columns = CASELOAD_SESSIONS
        #: Per row, the session under each session column (None: no session there).
        self._sessions: list[tuple[CaseloadSession | None, ...]] = []
        #: Per row, the painted cell of each session column (``CaseloadCell``).
        self._cells: list[list[CaseloadCell]] = []
        #: Per row, the client cell's text (the badge, then the code).
        self._client_texts: list[str] = []

    def setRows(self, rows: Sequence[CaseloadRow], dimension: str, maximum: float = 10.0) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._dimension = dimension
        self._maximum = maximum or 10.0
        self._sessions = [self._aligned(row) for row in self._rows]
        self._client_texts = [self._client_text(row) for row in self._rows]
        self._cells = self._painted_cells()
        self.endResetModel()

    def setDimension(self, dimension: str) -> None:
        if dimension != self._dimension:
            self._dimension = dimension
            self._cells = self._painted_cells()
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 1), self.index(len(self._rows) - 1, self._columns)
                )

    def dimension(self) -> str:
        return self._dimension

    def clear(self) -> None:
        self.setRows([], self._dimension, self._maximum)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns + 1

    def caseloadRow(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def _aligned(self, row: CaseloadRow) -> tuple[CaseloadSession | None, ...]:
        sessions = row.last_sessions[-self._columns :]
        return (None,) * (self._columns - len(sessions)) + tuple(sessions)

    def _painted_cells(self) -> list[list[CaseloadCell]]:
        """Every session cell's text and colours on the current dimension."""
        dimension, maximum = self._dimension, self._maximum
        rating: Callable[[CaseloadSession], float | None] = (
            attrgetter(dimension) if dimension in DIMENSIONS else lambda s: s.rating(dimension)
        )
        by_value: dict[float, CaseloadCell] = {}
        table = []
        for sessions in self._sessions:
            cells: list[CaseloadCell] = []
            append = cells.append
            for session in sessions:
                if session is None:
                    append(_NO_SESSION)
                    continue
                value = rating(session)
                if value is None:
                    append(_NO_RATING)
                    continue
                cell = by_value.get(value)
                if cell is None:
                    background = scale_colour(float(value) / maximum)
                    cell = (_value_text(float(value)), background, text_colour_on(background))
                    by_value[value] = cell
                append(cell)
            table.append(cells)
        return table

    def cell(self, row: int, column: int) -> CaseloadCell | None:
        """What a session cell paints (None for the client column or out of range)."""
        if column < 1 or not 0 <= row < len(self._cells) or column > self._columns:
            return None
        return self._cells[row][column - 1]

    def clientText(self, row: int) -> str:
        """The client cell's text: the badge of the most serious recent alert, the code."""
        return self._client_texts[row] if 0 <= row < len(self._client_texts) else ""

    def session(self, index: Index) -> CaseloadSession | None:
        """The session in a cell (None for the client column and for empty cells)."""
        if not index.isValid() or index.column() == 0 or not 0 <= index.row() < len(self._rows):
            return None
        sessions = self._sessions[index.row()]
        k = index.column() - 1
        return sessions[k] if k < len(sessions) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return _tr("Client")
            back = self._columns - section
            return _tr("Latest") if back == 0 else f"−{back}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == 0:
                return _tr("Client")
            back = self._columns - section
            if back == 0:
                return _tr("The latest session")
            return (_tr("1 session before the latest") if back == 1
                    else _tr("{n} sessions before the latest").format(n=back))  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _badge(self, row: CaseloadRow) -> str:
        for kind in _BADGE_ORDER:
            if kind in row.recent_kinds:
                return KIND_GLYPH[kind]
        return "●" if row.recent_kinds else ""

    def _client_text(self, row: CaseloadRow) -> str:
        badge = self._badge(row)
        return f"{badge} {row.client.code}" if badge else row.client.code

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = index.row(), index.column()
        if not 0 <= r < len(self._rows):
            return None
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._client_texts[r]
            if role == CLIENT_ID_ROLE:
                return self._rows[r].client.id
            return self._client_data(self._rows[r], role)
        if not 0 < column <= self._columns:
            return None
        cell = self._cells[r][column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell[0] or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell[1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell[2]
        if role == CELL_ROLE:
            return cell
        if role == CLIENT_ID_ROLE:
            return self._rows[r].client.id
        session = self._sessions[r][column - 1]
        if role == SESSION_ROLE:
            return None if session is None else session.id
        if session is None:
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                return _tr("{code}: no session here").format(code=self._rows[r].client.code)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            what = dimension_label(self._dimension)
            rating = (_tr("no {what} rating").format(what=what) if cell is _NO_RATING
                      else _tr("{what} {value}").format(what=what, value=cell[0]))  # fmt: skip
            return _tr("{code}, session of {date}: {rating}").format(
                code=self._rows[r].client.code, date=short_date(session.date), rating=rating
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return _tr("Press Enter to open this session")
        return None

    def _client_data(self, row: CaseloadRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            kinds = ", ".join(kind_label(k) for k in row.recent_kinds)
            return (
                _tr("{code}: recent alerts: {kinds}").format(code=row.client.code, kinds=kinds)
                if kinds
                else row.client.code
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return _tr("Press Enter to open this client")
        return None
