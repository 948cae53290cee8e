"""Qt item models over domain objects: the client list, the timeline, search results.

Each model holds plain domain objects and can be emptied in one call, so locking can
prove no vault data stays behind in a view.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.domain import (
    DIMENSIONS,
    ClientStatus,
    Resolution,
    Rupture,
    RuptureType,
    Session,
)
from alliance_desktop.gui.common.dates import ShortDates, short_date
from alliance_desktop.gui.common.role_data import fill_role_data
from alliance_desktop.vault import ClientSummary, SearchHit
from alliance_desktop.vault.search import MATCH_END, MATCH_START

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root; models here are flat
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_ROLE = Qt.ItemDataRole.UserRole + 3
SESSION_ROLE = Qt.ItemDataRole.UserRole + 4
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 5
ALERTS_ROLE = Qt.ItemDataRole.UserRole + 6  # number of recent alerts, for the list's badge
RUPTURE_ROLE = Qt.ItemDataRole.UserRole + 7  # a rupture's id
OPEN_ROLE = Qt.ItemDataRole.UserRole + 8  # whether that rupture is still open

CHIPS_ROLE = Qt.ItemDataRole.UserRole + 9  # the timeline's rating chips, as texts
#: On the first row of a section of the client list, the section's heading (else None).
SECTION_ROLE = Qt.ItemDataRole.UserRole + 11
PRACTICE_ROLE = Qt.ItemDataRole.UserRole + 12  # a trainee's practice client


def _tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


#: A timeline row's reflection: its first line, at most this long (the cell elides
#: it to its width).
FIRST_LINE_CHARS = 80


def sessions_label(n: int) -> str:
    return _tr("1 session") if n == 1 else _tr("{n} sessions").format(n=n)


class ClientListModel(QAbstractListModel):
    """Clients with their session count and last session date."""

    #: Emitted by ``clear`` (a lock): views built from the list forget what they showed.
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ClientSummary] = []
        self._alerts: dict[int | None, int] = {}
        #: Each row's display text once worked out (the list paints every visible row
        #: again on a switch; the words change only with ``setSummaries``).
        self._display: dict[int, str] = {}

    def setAlertCounts(self, counts: dict[int | None, int]) -> None:
        """Recent alerts per client id; shown as a badge, kept across ``setSummaries``."""
        self._alerts = {k: v for k, v in counts.items() if v}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def setSummaries(self, summaries: list[ClientSummary]) -> None:
        self.beginResetModel()
        # In the list's order here, once: the filter model sorting them compared two
        # rows' sort keys through Python about 9,000 times at 500 clients (25 ms of the
        # unlock's one long turn).
        self._rows = sorted(summaries, key=_list_order)
        self._display = {}
        self.endResetModel()

    def clear(self) -> None:
        self._alerts = {}
        self.setSummaries([])
        self.cleared.emit()

    def summary(self, row: int) -> ClientSummary:
        return self._rows[row]

    def alerts(self, row: int) -> int:
        """The row's recent alerts (``ALERTS_ROLE``)."""
        return self._alerts.get(self._rows[row].client.id, 0)

    def rowForClient(self, client_id: int | None) -> int:
        """The row showing that client; -1 when it is not listed (or not stored)."""
        if client_id is None:
            return -1
        for i, s in enumerate(self._rows):
            if s.client.id == client_id:
                return i
        return -1

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @staticmethod
    def _display_text(s: ClientSummary) -> str:
        if s.sessions == 0:
            detail = _tr("no sessions yet")
        else:
            detail = sessions_label(s.sessions)
            detail += " · " + short_date(s.last_session)
        if s.client.status == ClientStatus.CLOSED:
            detail += " · " + _tr("closed")
        if s.is_practice:  # a trainee's vignette: said in words, not by colour
            detail += " · " + _tr("practice")
        return f"{s.client.code}\n{detail}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display.get(row)
            if text is None:
                text = self._display[row] = self._display_text(self._rows[row])
            return text
        s = self._rows[row]
        closed = s.client.status == ClientStatus.CLOSED
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.data(index).replace("\n", ", ")
            alerts = self._alerts.get(s.client.id, 0)
            if alerts:
                text += ", " + (
                    _tr("1 recent alert")
                    if alerts == 1
                    else _tr("{n} recent alerts").format(n=alerts)
                )
            return text
        if role == ALERTS_ROLE:
            return self._alerts.get(s.client.id, 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.client.goals[:300] or None
        if role == Qt.ItemDataRole.ForegroundRole and closed:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == ID_ROLE:
            return s.client.id
        if role == CLOSED_ROLE:
            return closed
        if role == PRACTICE_ROLE:
            return s.is_practice
        return None


def _list_order(s: ClientSummary) -> tuple[bool, bool, str]:
    """Real clients first (active, then closed), then the practice clients; by code."""
    return s.is_practice, s.client.status == ClientStatus.CLOSED, s.client.key


def practice_heading() -> str:
    return _tr("Practice clients")


class ClientFilterModel(QSortFilterProxyModel):
    """Active clients first, then closed ones, then practice clients (a trainee's
    vignettes) apart under their own heading (``SECTION_ROLE`` on the first of them);
    the filter matches the code anywhere."""

    def heading(self, index: Index) -> str | None:
        """The section heading above ``index``'s row: "Practice clients" on the first
        practice client, else None (read from the list's own model: no round trip
        through Qt per role, for a delegate that asks on every paint and size)."""
        if not index.isValid():
            return None
        source = self.sourceModel()
        if not isinstance(source, ClientListModel):
            return None
        row = self.mapToSource(index).row()
        if row < 0 or not source.summary(row).is_practice:
            return None
        if index.row() > 0:
            above = self.mapToSource(self.index(index.row() - 1, 0)).row()
            if above >= 0 and source.summary(above).is_practice:
                return None
        return practice_heading()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SECTION_ROLE:
            return self.heading(index)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = super().data(index, role)
            heading = self.data(index, SECTION_ROLE)
            return f"{heading}: {text}" if heading and text else text
        return super().data(index, role)

    def __init__(self, parent=None):
        super().__init__(parent)
        # The source model keeps the list's order (``ClientListModel.setSummaries``):
        # this one filters only.
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        needle = self.filterRegularExpression().pattern()
        if not needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, ClientListModel):
            return True
        code = model.summary(source_row).client.code
        return needle.casefold() in code.casefold()

    def setNeedle(self, text: str) -> None:
        # A plain substring, not a pattern: codes like "C-Alba (2)" must match as typed.
        self.setFilterRegularExpression(text.strip())


def rating_labels() -> dict[str, str]:
    """The short label of each rating on a timeline chip."""
    return {
        "trust": _tr("Trust"),
        "engagement": _tr("Engagement"),
        "goal_alignment": _tr("Goals"),
        "approach_fit": _tr("Fit"),
    }


class ChipWords:
    """The words and number format of rating chips, looked up once: the labels'
    translations and the locale (a ``QLocale()`` per value, and the four labels per
    row, were most of the timeline's column fit). Built anew per model reset, so a
    language or locale set since shows in the next rows shown."""

    def __init__(self) -> None:
        self.labels = rating_labels()
        self._locale = QLocale()
        self._values: dict[float, str] = {}

    def value(self, value: float | None) -> str:
        if value is None:
            return "–"
        text = self._values.get(value)
        if text is None:
            text = self._values[value] = self._locale.toString(float(value), "g", 3)
        return text

    def chips(self, s: Session) -> list[str]:
        labels, value = self.labels, self.value
        return [f"{labels[dim]} {value(getattr(s, dim))}" for dim in DIMENSIONS]


def ruptures_text(s: Session) -> str:
    if not s.ruptures:
        return ""
    parts = []
    for r in s.ruptures:
        kind = "▽" if r.type == RuptureType.WITHDRAWAL else "▲"
        if r.resolution != Resolution.YES and r.resolved_on is not None:
            state = _tr("repaired later")
        else:
            state = {
                Resolution.YES: _tr("repaired"),
                Resolution.PARTIAL: _tr("partly"),
                Resolution.NO: _tr("open"),
            }[r.resolution]
        parts.append(f"{kind} {state}")
    return ", ".join(parts)


def rupture_type_label(r: Rupture) -> str:
    return _tr("Withdrawal") if r.type == RuptureType.WITHDRAWAL else _tr("Confrontation")


def rupture_state_text(r: Rupture) -> str:
    """Where a rupture stands, in words: resolved in session, repaired later, or open."""
    if r.resolution == Resolution.YES:
        return _tr("Resolved in the session")
    if r.resolved_on is not None:
        return _tr("Repaired on {date}").format(date=short_date(r.resolved_on))
    if r.resolution == Resolution.PARTIAL:
        return _tr("Open · partly resolved in the session")
    return _tr("Open · not resolved in the session")


class FlatTableModel(QAbstractTableModel):
    """A table of ``_rows`` under ``COLUMNS``, headed by ``headers()``: the shape every
    table in the app shares, so each model only says what a row shows."""

    COLUMNS: tuple[str, ...] = ()
    _rows: list

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SESSION = int(SESSION_ROLE)
_CHIPS = int(CHIPS_ROLE)
#: The roles a timeline cell can answer; any other is None at once (a painted cell is
#: asked for seven roles, most of which it never has).
_TIMELINE_ROLES = frozenset((_DISPLAY, _ACCESSIBLE, _DECORATION, _TOOLTIP, _SESSION, _CHIPS))
_RATINGS, _REFLECTION, _SUPERVISION = 1, 4, 5  # columns of TimelineModel.COLUMNS


class TimelineModel(FlatTableModel):
    """One compact row per session, newest first.

    A row's texts are worked out once, on its first paint; a painted cell asks for all
    its roles in one call (``multiData``). ``session(row)`` is the session as stored,
    read from the vault when a loader is set (the rows may be read without their text).
    """

    COLUMNS = ("date", "ratings", "ruptures", "strategies", "reflection", "supervision")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Session] = []
        #: Each row's display texts, worked out on first paint (a row is painted and
        #: measured many times; its words do not change until the next ``setSessions``).
        self._texts: dict[int, tuple[str, ...]] = {}
        self._chips: dict[int, list[str]] = {}
        #: The chips' labels and number format, looked up on the first row shown after
        #: each ``setSessions``.
        self._words: ChipWords | None = None
        #: The rows' dates, formatted from the locale looked up once per reset.
        self._dates: ShortDates | None = None
        self._headers: tuple[str, ...] | None = None
        self._flag = QIcon(":/icons/flag.svg")

    def headers(self) -> tuple[str, ...]:
        # Translated once per ``setSessions``: the header asks for each section's text
        # many times per switch (sizing, painting), six translations each time.
        headers = self._headers
        if headers is None:
            headers = self._headers = (
                _tr("Date"),
                _tr("Ratings"),
                _tr("Ruptures"),
                _tr("Strategies"),
                _tr("Reflection"),
                _tr("Supervision"),
            )
        return headers

    def setSessions(self, sessions: list[Session]) -> None:
        self.beginResetModel()
        self._rows = sorted(sessions, key=lambda s: (s.date, s.id or 0), reverse=True)
        self._texts, self._chips, self._words, self._headers = {}, {}, None, None
        self._dates = None
        self.endResetModel()

    def clear(self) -> None:
        self.setSessions([])

    def texts(self, row: int) -> tuple[str, ...]:
        """The row's display texts, one per column."""
        texts = self._texts.get(row)
        if texts is None:
            s = self._rows[row]
            dates = self._dates
            if dates is None:
                dates = self._dates = ShortDates()
            texts = self._texts[row] = (
                dates(s.date),
                " · ".join(self.chips(row)),
                ruptures_text(s),
                str(len(s.strategies)) if s.strategies else "",
                s.reflection.first_line(FIRST_LINE_CHARS),
                _tr("bring") if s.supervision else "",
            )
        return texts

    def chips(self, row: int) -> list[str]:
        """The row's rating chips ("Trust 8", …)."""
        chips = self._chips.get(row)
        if chips is None:
            words = self._words
            if words is None:
                words = self._words = ChipWords()
            chips = self._chips[row] = words.chips(self._rows[row])
        return chips

    def cell(self, row: int, column: int) -> tuple[str, QIcon | None] | None:
        """A painted cell's text and icon in one call; None for a row not listed."""
        if not 0 <= row < len(self._rows):
            return None
        return self.texts(row)[column], self.icon(row, column)

    def icon(self, row: int, column: int) -> QIcon | None:
        """The cell's icon: the supervision flag, on a flagged session."""
        if column == _SUPERVISION and self._rows[row].supervision:
            return self._flag
        return None

    def session(self, row: int) -> Session:
        return self._rows[row]

    def sessions(self) -> list[Session]:
        return list(self._rows)

    def rowForSession(self, session_id: int | None) -> int:
        """The row showing that session; -1 when it is not listed (or not stored)."""
        if session_id is None:
            return -1
        for i, s in enumerate(self._rows):
            if s.id == session_id:
                return i
        return -1

    def _value(self, row: int, column: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE):
            return self.texts(row)[column]
        s = self._rows[row]
        if role == _SESSION:
            return s.id
        if role == _CHIPS:
            return self.chips(row) if column == _RATINGS else None
        if role == _DECORATION:
            return self.icon(row, column)
        if role == _TOOLTIP:
            if column == _RATINGS:
                return _tr("Trust, engagement, goal alignment, approach fit")
            if column == _REFLECTION:
                return s.reflection.plain_text()[:600] or None
            if column == _SUPERVISION and s.supervision:
                return _tr("Flagged to bring to supervision")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TIMELINE_ROLES:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        return self._value(row, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role a view asks for at once (a painted or measured cell asks seven)."""
        row, column = index.row(), index.column()
        valid = index.isValid() and 0 <= row < len(self._rows)
        value = self._value
        fill_role_data(
            roleDataSpan,
            _TIMELINE_ROLES,
            (lambda role: value(row, column, role)) if valid else None,
        )


#: A shape per outcome status, so the chip never rests on colour.
OUTCOME_GLYPH = {"recovered": "✓", "improved": "▲", "unchanged": "=", "deteriorated": "▼"}


def _n(x: float) -> str:
    return f"{round(x, 1):g}"


def outcome_chip(change: Any, scale: Any) -> tuple[str, str, str] | None:
    """(status, chip text, tooltip) for an ``OutcomeChange``; None below two ratings.

    The words stay close to the numbers (reliable change, the cutoff) and claim no
    cause: the chip reports how the client's own form moved, nothing more.
    """
    if change is None:
        return None
    words = {
        "recovered": _tr("Recovered"),
        "improved": _tr("Improved"),
        "unchanged": _tr("No reliable change"),
        "deteriorated": _tr("Deteriorated"),
    }
    status = str(change.status)
    text = _tr("{glyph} {status} · outcome {first} → {latest}").format(
        glyph=OUTCOME_GLYPH.get(status, ""),
        status=words.get(status, status),
        first=_n(change.first),
        latest=_n(change.latest),
    )
    meaning = {
        "recovered": _tr(
            "It rose by at least the reliable change and crossed the cutoff from below."
        ),
        "improved": _tr("It rose by at least the reliable change."),
        "unchanged": _tr("It moved by less than the reliable change either way."),
        "deteriorated": _tr("It fell by at least the reliable change."),
    }.get(status, "")
    tip = " ".join(
        (
            _tr(
                "The client's own outcome form, from the first rating to the latest ({n} ratings)."
            ).format(n=change.n),
            meaning,
            _tr("Reliable change: {rc} points; cutoff: {cut} of {top}.").format(
                rc=_n(scale.reliable_change), cut=_n(scale.cutoff), top=_n(scale.maximum)
            ),
            _tr("It describes the numbers, not why they moved."),
        )
    )
    return status, text, tip


class RuptureListModel(FlatTableModel):
    """A client's ruptures: open ones first (oldest first), then the others, newest first.

    Rows are (session id, session date, rupture); ``RUPTURE_ROLE`` gives the rupture's id
    and ``OPEN_ROLE`` whether it is still open. Only the type, salience and state are
    shown, never the note.
    """

    COLUMNS = ("date", "type", "salience", "resolution")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int | None, date, Rupture]] = []

    def headers(self) -> tuple[str, ...]:
        return (_tr("Session"), _tr("Type"), _tr("Salience"), _tr("Where it stands"))

    def setSessions(self, sessions: list[Session]) -> None:
        rows = [(s.id, s.date, r) for s in sessions for r in s.ruptures]
        open_rows = sorted(
            (row for row in rows if not row[2].repaired), key=lambda row: (row[1], row[0] or 0)
        )
        closed = sorted(
            (row for row in rows if row[2].repaired),
            key=lambda row: (row[1], row[0] or 0),
            reverse=True,
        )
        self.beginResetModel()
        self._rows = [*open_rows, *closed]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rupture(self, row: int) -> tuple[int | None, date, Rupture]:
        return self._rows[row]

    def openCount(self) -> int:
        return sum(1 for _sid, _day, r in self._rows if not r.repaired)

    def rowForRupture(self, rupture_id: int | None) -> int:
        for i, (_sid, _day, r) in enumerate(self._rows):
            if rupture_id is not None and r.id == rupture_id:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        session_id, day, r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == RUPTURE_ROLE:
            return r.id
        if role == OPEN_ROLE:
            return not r.repaired
        if role == SESSION_ROLE:
            return session_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "date":
                return short_date(day)
            if column == "type":
                return rupture_type_label(r)
            if column == "salience":
                if r.salience is None:
                    return "–" if role == Qt.ItemDataRole.DisplayRole else _tr("not rated")
                return _tr("{n} of 5").format(n=r.salience)
            mark = "◆ " if not r.repaired and role == Qt.ItemDataRole.DisplayRole else ""
            return mark + rupture_state_text(r)
        return None


class SearchResultsModel(QAbstractListModel):
    """Full-text hits; DisplayRole is plain text, HTML_ROLE the highlighted snippet."""

    HTML_ROLE = Qt.ItemDataRole.UserRole + 10

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def setHits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.setHits([])

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def _heading(self, h: SearchHit) -> str:
        where = short_date(h.date) if h.kind == "session" else _tr("goals")
        return f"{h.client_code} · {where}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        h = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{self._heading(h)}\n{' '.join(h.plain_snippet().split())}"
        if role == self.HTML_ROLE:
            body = html.escape(" ".join(h.snippet.split()))
            body = body.replace(MATCH_START, "<b><u>").replace(MATCH_END, "</u></b>")
            return f"<b>{html.escape(self._heading(h))}</b><br>{body}"
        if role == SESSION_ROLE:
            return h.session_id
        if role == CLIENT_ID_ROLE:
            return h.client_id
        return None
