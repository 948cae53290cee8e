"""Dashboard, Trends tab, Insights page and the next-session plan, wired into the main window.

``InsightsHub`` owns everything computed from the caseload: it runs ``analyse`` once
per unlock and once per data change (never per client switch), keeps the result,
and draws only the chart that is on screen; the others are marked stale and drawn
when shown. Matplotlib is first imported by that first draw (see ``charts_view``),
so building the main window before unlock costs nothing here.

On lock ``clear`` drops the analysis, empties every model, figure and suggestion
widget, so no client code or rating is left in memory that a view could show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.app import plans as app_plans
from alliance_desktop.domain.models import DIMENSIONS
from alliance_desktop.gui import operations
from alliance_desktop.gui.charts_view import ChartView, chart_theme
from alliance_desktop.gui.feedback import heading
from alliance_desktop.gui.insights_models import (
    AlertListModel,
    CaseloadModel,
    kind_text,
    risk_sorted,
)
from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE, short_date
from alliance_desktop.insights.analysis import Insights, analyse
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.suggestions import Suggestion, suggestions_for
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping, Sequence

    from alliance_desktop.app.changes import Changes
    from alliance_desktop.domain.models import Session
    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate
    from alliance_desktop.vault import Vault

UNLOCK_DELAY_MS = 60  # let the populated window paint before the first analysis
TREND_MIN_HEIGHT = 460  # px: below this the trend chart's legend, title and axes collide
FIRST_PAINT_MS = 1500  # the first analysis at the latest, if the window never paints
RANGES = (0, 3, 6, 12)  # months; 0 = all


def _heading(label: QLabel, scale: float = 1.25) -> QLabel:
    return heading(label, scale)


def _label(name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _scroll(name: str, inner: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


# -- pages ----------------------------------------------------------------------


class CaseloadDelegate(QStyledItemDelegate):
    """Session cells filled with their colour and the number drawn in the contrasting
    colour; the current cell is framed (not recoloured), so its value stays readable."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() == 0:
            super().paint(painter, option, index)
            return
        rect = option.rect.adjusted(1, 1, -1, -1)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        palette = option.palette
        painter.save()
        if isinstance(background, QColor):
            painter.fillRect(rect, background)
            pen = index.data(Qt.ItemDataRole.ForegroundRole)
        else:
            pen = palette.color(QPalette.ColorRole.Text)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            painter.setPen(
                pen if isinstance(pen, QColor) else palette.color(QPalette.ColorRole.Text)
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_HasFocus:
            frame = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(frame)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class CaseloadView(QTableView):
    """The caseload table: arrows move between cells, Enter or a double click opens.

    Session columns share the width left by the client column, so the latest session
    (the last column) is in view at any window width; when they cannot shrink further
    the view scrolls to its right end after every fill.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setItemDelegate(CaseloadDelegate(self))
        self.verticalHeader().hide()
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("−11") + 14)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        model.modelReset.connect(self.showLatest)

    def showLatest(self) -> None:
        """Scroll so the last column (the latest session) is visible."""
        bar = self.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.showLatest()


class DashboardPage(QWidget):
    """Home after unlock: the caseload overview and the recent alerts, riskiest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        layout = QVBoxLayout(self)
        self.title = _heading(_label("dashboardTitle", self, wrap=False))
        layout.addWidget(self.title)
        self.empty = _label("dashboardEmpty", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("dashboardSplitter")
        self.splitter.setChildrenCollapsible(False)
        top = QWidget(self.splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.caseloadTitle = _heading(_label("caseloadTitle", top, wrap=False), 1.1)
        row.addWidget(self.caseloadTitle)
        row.addStretch(1)
        self.dimensionLabel = QLabel(top)
        self.dimensionCombo = QComboBox(top)
        self.dimensionCombo.setObjectName("caseloadDimensionCombo")
        self.dimensionLabel.setBuddy(self.dimensionCombo)
        row.addWidget(self.dimensionLabel)
        row.addWidget(self.dimensionCombo)
        top_layout.addLayout(row)
        self.caseloadModel = CaseloadModel(self)
        self.caseload = CaseloadView(top)
        self.caseload.setModel(self.caseloadModel)
        top_layout.addWidget(self.caseload, 1)
        self.caseloadLegend = _label("caseloadLegend", top)
        self.caseloadLegend.setProperty("role", "hint")
        top_layout.addWidget(self.caseloadLegend)

        bottom = QWidget(self.splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.alertsTitle = _heading(_label("alertsTitle", bottom, wrap=False), 1.1)
        bottom_layout.addWidget(self.alertsTitle)
        self.alertList = QTableView(bottom)
        self.alertList.setObjectName("alertList")
        self.alertList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alertList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alertList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alertList.setTabKeyNavigation(False)
        self.alertList.setWordWrap(False)
        self.alertList.verticalHeader().hide()
        self.alertList.setShowGrid(False)
        bottom_layout.addWidget(self.alertList, 1)
        self.alertsEmpty = _label("alertsEmpty", bottom)
        bottom_layout.addWidget(self.alertsEmpty)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 260])
        self.alertList.verticalHeader().setDefaultSectionSize(
            self.alertList.fontMetrics().height() + 8
        )
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.dimensionCombo, self.caseload)
        self.setTabOrder(self.caseload, self.alertList)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.caseloadTitle.setText(self.tr("Caseload: the last 12 sessions"))
        self.dimensionLabel.setText(self.tr("&Colour cells by:"))
        self.dimensionCombo.setAccessibleName(self.tr("Caseload overview dimension"))
        labels = (self.tr("Trust"), self.tr("Engagement"), self.tr("Goal alignment"),
                  self.tr("Approach fit"))  # fmt: skip
        if self.dimensionCombo.count() == 0:
            for key, text in zip(DIMENSIONS, labels, strict=True):
                self.dimensionCombo.addItem(text, key)
        self.caseload.setAccessibleName(self.tr("Caseload overview"))
        self.caseload.setAccessibleDescription(
            self.tr(
                "One row per client, riskiest first; one column per session, the latest "
                "last. Arrow keys move between cells; Enter opens the session or client."
            )
        )
        self.caseloadLegend.setText(
            self.tr(
                "Rating 0–10, darker is lower · – a session without this rating · "
                "◆ open rupture · ▼ recent drop · ● other recent alert"
            )
        )
        self.alertsTitle.setText(self.tr("Recent alerts"))
        self.alertList.setAccessibleName(self.tr("Recent alerts: press Enter to open the session"))


class InsightsPage(QWidget):
    """Practice-wide charts in tabs.

    The strategy tab shows the regression-aware estimates (``Insights.estimates``): an
    introduction, the chart, the strategies with too few uses for an estimate ("not
    enough yet: N uses, K clients") and the two caveats every view of them carries.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsPage")
        layout = QVBoxLayout(self)
        self.title = _heading(_label("insightsTitle", self, wrap=False))
        layout.addWidget(self.title)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("insightsTabs")
        self.practice = ChartView("practiceChart")
        self.ruptures = ChartView("ruptureChart")
        self.perspective = ChartView("perspectiveChart")
        self.outcomes = ChartView("outcomesChart", fixed_height=True)
        outcomes_page = QWidget(self.tabs)
        outcomes_page.setObjectName("outcomesTab")
        outcomes_layout = QVBoxLayout(outcomes_page)
        self.outcomesNote = _label("outcomesNote", outcomes_page)
        outcomes_layout.addWidget(self.outcomesNote)
        self.outcomesScroll = _scroll("outcomesScroll", self.outcomes, outcomes_page)
        outcomes_layout.addWidget(self.outcomesScroll, 1)
        self.outcomesNotEnough = _label("outcomesNotEnough", outcomes_page)
        outcomes_layout.addWidget(self.outcomesNotEnough)
        self.outcomesCaveats = _label("outcomesCaveats", outcomes_page)
        outcomes_layout.addWidget(self.outcomesCaveats)
        self.tabs.addTab(self.practice, "")
        self.tabs.addTab(outcomes_page, "")
        self.tabs.addTab(self.ruptures, "")
        self.tabs.addTab(self.perspective, "")
        layout.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Insights across your practice"))
        self.tabs.setAccessibleName(self.tr("Insight charts"))
        for i, text in enumerate((self.tr("Practice trend"), self.tr("Strategy outcomes"),
                                  self.tr("Ruptures"), self.tr("Perspective gap"))):  # fmt: skip
            self.tabs.setTabText(i, text)
        self.practice.setAccessibleName(self.tr("Practice trend chart"))
        self.outcomes.setAccessibleName(self.tr("Strategy outcomes chart"))
        self.ruptures.setAccessibleName(self.tr("Rupture timeline chart"))
        self.perspective.setAccessibleName(self.tr("Perspective gap chart"))
        self.outcomesNote.setText(
            self.tr(
                "What followed each strategy in your own records: the change to the next "
                "session beyond what regression to the mean predicts, with 95% intervals "
                "from resampling clients. An association, not proof."
            )
        )

    def showEstimates(
        self, estimates: Sequence[StrategyEstimate], caveats: Sequence[str],
        catalogue: Mapping[str, Strategy],
    ) -> None:  # fmt: skip
        """The strategies without an estimate yet, and the two caveats, under the chart."""
        waiting: dict[str, StrategyEstimate] = {}
        for e in estimates:
            if not e.shown and (e.strategy not in waiting or e.uses > waiting[e.strategy].uses):
                waiting[e.strategy] = e
        shown = {e.strategy for e in estimates if e.shown}
        lines = []
        for key, e in waiting.items():
            if key in shown:
                continue  # one dimension has an estimate: the chart row says the rest
            name = catalogue[key].label if key in catalogue else key
            lines.append(
                self.tr("{name}: not enough yet: {uses}, {clients}").format(
                    name=name,
                    uses=_plural(self, e.uses, "use"),
                    clients=_plural(self, e.clients, "client"),
                )
            )
        self.outcomesNotEnough.setVisible(bool(lines))
        self.outcomesNotEnough.setText(
            self.tr("No estimate yet for:") + "\n" + "\n".join(lines) if lines else ""
        )
        self.outcomesCaveats.setText("\n\n".join(self.tr(c) for c in caveats))

    def clearEstimates(self) -> None:
        self.outcomesNotEnough.clear()
        self.outcomesCaveats.clear()


def _plural(owner: QWidget, n: int, word: str) -> str:
    if word == "use":
        return owner.tr("1 use") if n == 1 else owner.tr("{n} uses").format(n=n)
    return owner.tr("1 client") if n == 1 else owner.tr("{n} clients").format(n=n)


class TrendsTab(QWidget):
    """One client's trend chart with toggles and range, then alerts with suggestions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsTab")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.goalCheck = QCheckBox(self)
        self.goalCheck.setObjectName("trendGoalCheck")
        self.goalCheck.setChecked(True)
        self.fitCheck = QCheckBox(self)
        self.fitCheck.setObjectName("trendFitCheck")
        self.fitCheck.setChecked(True)
        self.rangeLabel = QLabel(self)
        self.rangeCombo = QComboBox(self)
        self.rangeCombo.setObjectName("trendRangeCombo")
        self.rangeLabel.setBuddy(self.rangeCombo)
        row.addWidget(self.goalCheck)
        row.addWidget(self.fitCheck)
        row.addSpacing(16)
        row.addWidget(self.rangeLabel)
        row.addWidget(self.rangeCombo)
        row.addStretch(1)
        layout.addLayout(row)
        # The chart keeps a readable height; a small window scrolls the tab instead of
        # squeezing the chart (or growing the window).
        self.trendsScroll = QScrollArea(self)
        self.trendsScroll.setObjectName("trendsScroll")
        self.trendsScroll.setWidgetResizable(True)
        self.trendsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.trendsScroll)
        self.splitter.setObjectName("trendsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.chart = ChartView("trendChart", min_height=TREND_MIN_HEIGHT, overlay_menu=False)
        row.addWidget(self.chart.menuButton)
        self.splitter.addWidget(self.chart)
        self.suggestions = SuggestionPanel(self.splitter)
        self.splitter.addWidget(self.suggestions)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 190])
        self.suggestions.setMinimumHeight(110)
        self.trendsScroll.setWidget(self.splitter)
        layout.addWidget(self.trendsScroll, 1)
        self.setTabOrder(self.goalCheck, self.fitCheck)
        self.setTabOrder(self.fitCheck, self.rangeCombo)

    def retranslate(self) -> None:
        self.goalCheck.setText(self.tr("&Goal alignment"))
        self.goalCheck.setAccessibleName(self.tr("Show goal alignment"))
        self.fitCheck.setText(self.tr("Approach &fit"))
        self.fitCheck.setAccessibleName(self.tr("Show approach fit"))
        self.rangeLabel.setText(self.tr("&Period:"))
        self.rangeCombo.setAccessibleName(self.tr("Period shown"))
        texts = (self.tr("All sessions"), self.tr("Last 3 months"), self.tr("Last 6 months"),
                 self.tr("Last 12 months"))  # fmt: skip
        if self.rangeCombo.count() == 0:
            for months, text in zip(RANGES, texts, strict=True):
                self.rangeCombo.addItem(text, months)
        self.chart.setAccessibleName(self.tr("Trend chart: click a point to open that session"))
        self.suggestions.retranslate()

    def dateFrom(self) -> date | None:
        months = int(self.rangeCombo.currentData() or 0)
        if not months:
            return None
        start = QDate.currentDate().addMonths(-months)
        return date(start.year(), start.month(), start.day())


class SuggestionPanel(QScrollArea):
    """This client's recent alerts, each with strategies that answer it and a plan button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body: QWidget | None = None
        self.planButtons: dict[str, list[QPushButton]] = {}
        self.clear()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Alerts and suggestions for this client"))

    def clear(self) -> None:
        """Delete every suggestion widget (they hold alert text) and leave an empty body."""
        self._fresh_body()

    def _fresh_body(self) -> tuple[QWidget, QVBoxLayout]:
        if self._body is not None:
            self.takeWidget()
            self._body.deleteLater()
        body = self._body = QWidget(self)
        body.setObjectName("suggestionsBody")
        layout = QVBoxLayout(body)
        self.setWidget(body)
        self.planButtons = {}
        return body, layout

    def show_for(
        self,
        alerts: list[Any],
        suggestions: dict[int, list[Suggestion]],
        catalogue: dict[str, Strategy],
        planned: set[str],
        on_add: Any,
    ) -> None:
        body, layout = self._fresh_body()
        heading = _heading(_label("suggestionsTitle", body, wrap=False), 1.1)
        heading.setText(self.tr("Alerts and what might help"))
        layout.addWidget(heading)
        if planned:
            names = [catalogue[k].label if k in catalogue else k for k in planned]
            line = _label("trendPlanLabel", body)
            line.setText(
                self.tr("Plan for next session: {items}").format(items=", ".join(sorted(names)))
            )
            layout.addWidget(line)
        if not alerts:
            none = _label("suggestionsEmpty", body)
            none.setText(self.tr("No recent alerts for this client under your current rules."))
            layout.addWidget(none)
        for i, alert in enumerate(alerts):
            box = QFrame(body)
            box.setObjectName(f"alertBox{i}")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box_layout = QVBoxLayout(box)
            head = _label(f"alertText{i}", box)
            head.setText(
                f"<b>{kind_text(alert.kind)}</b> · {short_date(alert.date)} · "
                + _escape(alert.message)
            )
            head.setTextFormat(Qt.TextFormat.RichText)
            box_layout.addWidget(head)
            for s in suggestions.get(i, []):
                box_layout.addLayout(self._suggestion_row(box, s, catalogue, planned, on_add))
            layout.addWidget(box)
        layout.addStretch(1)

    def _suggestion_row(
        self,
        box: QWidget,
        s: Suggestion,
        catalogue: dict[str, Strategy],
        planned: set[str],
        on_add: Any,
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        strategy = catalogue.get(s.strategy)
        name = strategy.label if strategy else s.strategy
        text = QLabel(box)
        text.setObjectName(f"suggestion_{s.strategy}")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setText(f"<b>{_escape(name)}</b>: {_escape(s.why)}<br><i>{_escape(self._past(s))}</i>")
        row.addWidget(text, 1)
        button = QPushButton(box)
        button.setObjectName(f"addToPlan_{s.strategy}")
        in_plan = s.strategy in planned
        button.setText(
            self.tr("In the plan") if in_plan else self.tr("Add to plan for next session")
        )
        button.setEnabled(not in_plan)
        button.setAccessibleName(
            self.tr("Add {name} to the plan for next session").format(name=name)
        )
        button.clicked.connect(lambda _=False, key=s.strategy: on_add(key))
        self.planButtons.setdefault(s.strategy, []).append(button)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _past(self, s: Suggestion) -> str:
        """Your own past uses, from the estimate that allows for regression to the mean."""
        return self.tr(s.past_text)


def _escape(text: str) -> str:
    import html

    return html.escape(text)


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


# -- the hub ----------------------------------------------------------------------


class InsightsHub(QObject):
    """Computes insights for the open vault and keeps the dashboard, trends and plan in step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.vault: Vault | None = None
        self.analysis: Insights | None = None
        self.settings: InsightSettings = DEFAULT_SETTINGS
        self._sessions: list[Session] = []
        self._catalogue: dict[str, Strategy] = {}
        self._theme: ThemeManager | None = None
        self._stale: set[str] = set()
        self._trend_client: int | None = None

        # Pages, tab and bar go in through the window's public API (they are
        # reparented there); the hub never reaches into its ui.
        self.dashboard = DashboardPage(window)
        self.insightsPage = InsightsPage(window)
        window.addPage(self.dashboard)
        window.addPage(self.insightsPage)
        self.trends = TrendsTab(window)
        self.trendsIndex = window.addClientTab(self.trends, "")
        self.planBar = PlanBar(window)
        window.addEditorBar(self.planBar)
        self.alertModel = AlertListModel(self)
        self.dashboard.alertList.setModel(self.alertModel)
        header = self.dashboard.alertList.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Size the columns from the first rows only: measuring a thousand alerts on
        # every refresh cost a visible half second on a large caseload.
        header.setResizeContentsPrecision(60)
        header.setHighlightSections(False)

        self._refreshTimer = QTimer(self, singleShot=True, interval=0)
        self._refreshTimer.timeout.connect(self.refreshNow)
        self._build_actions()
        self._connect()
        self.retranslate()

    # -- construction ----------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.window
        self.actionDashboard = QAction(w)
        self.actionDashboard.setObjectName("actionDashboard")
        self.actionDashboard.setShortcut(QKeySequence("Ctrl+D"))
        self.actionDashboard.triggered.connect(self.showDashboard)
        self.actionInsights = QAction(w)
        self.actionInsights.setObjectName("actionInsights")
        self.actionInsights.setShortcut(QKeySequence("Ctrl+I"))
        self.actionInsights.triggered.connect(self.showInsights)
        # Back to where the editor was opened from (Esc too), or to the client page.
        self.actionBack = QAction(w)
        self.actionBack.setObjectName("actionBack")
        self.actionBack.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)])
        self.actionBack.triggered.connect(w.goBack)
        for action in (self.actionBack, self.actionDashboard, self.actionInsights):
            w.addAction(action)
            action.setEnabled(False)
        bar = w.menuBar()
        self.menuView = bar.addMenu("")
        self.menuView.setObjectName("menuView")
        bar.insertMenu(w.menuHelp.menuAction(), self.menuView)
        self.menuView.addAction(self.actionBack)
        self.menuView.addSeparator()
        self.menuView.addActions([self.actionDashboard, self.actionInsights])

    def _connect(self) -> None:
        w, d, t = self.window, self.dashboard, self.trends
        w.pageChanged.connect(self._page_changed)
        w.clientTabChanged.connect(lambda _i: self._draw_visible())
        self.insightsPage.tabs.currentChanged.connect(lambda _i: self._draw_visible())
        d.dimensionCombo.currentIndexChanged.connect(self._dimension_changed)
        d.alertList.activated.connect(self._alert_activated)
        d.alertList.doubleClicked.connect(self._alert_activated)
        d.caseload.activated.connect(self._caseload_activated)
        d.caseload.doubleClicked.connect(self._caseload_activated)
        t.goalCheck.toggled.connect(lambda _on: self._invalidate("trend"))
        t.fitCheck.toggled.connect(lambda _on: self._invalidate("trend"))
        t.rangeCombo.currentIndexChanged.connect(lambda _i: self._invalidate("trend"))
        t.chart.clicked.connect(self._trend_clicked)
        operations.events().vaultChanged.connect(self._vault_changed)
        w.clientShown.connect(self._client_shown)
        w.sessionSaved.connect(self._session_saved)

    def retranslate(self) -> None:
        self.actionBack.setText(self.tr("&Back"))
        self.actionBack.setToolTip(self.tr("Back to where you came from (Alt+Left)"))
        self.actionDashboard.setText(self.tr("&Dashboard"))
        self.actionDashboard.setToolTip(self.tr("Dashboard: caseload overview and alerts"))
        self.actionInsights.setText(self.tr("&Insights"))
        self.actionInsights.setToolTip(self.tr("Insights across your practice"))
        self.menuView.setTitle(self.tr("&View"))
        self.window.setClientTabTitle(self.trendsIndex, self.tr("Trends"))
        self.dashboard.retranslate()
        self.insightsPage.retranslate()
        self.trends.retranslate()

    def attachTheme(self, theme: ThemeManager) -> None:
        """Follow the app's theme: charts redraw in the new colours when it changes."""
        self._theme = theme
        theme.changed.connect(self._theme_changed)

    def isDark(self) -> bool:
        if self._theme is not None:
            return self._theme.is_dark
        return self.window.palette().window().color().lightness() < 128

    # -- lifecycle -------------------------------------------------------------

    def setVault(self, vault: Vault) -> None:
        """Called once the window is filled; the first analysis waits for it to paint."""
        self.vault = vault
        self._catalogue = vault.strategy_catalogue()
        w = self.window
        if w.clientModel.rowCount() and not vault.drafts():
            self.showDashboard()
        if w.isVisible():
            self._refreshTimer.start(UNLOCK_DELAY_MS)
        else:
            # The first show: analyse only once the first frame is painted (the window
            # must never sit black while the analysis runs); FIRST_PAINT_MS if no
            # paint comes (a hidden window).
            w.watchFirstPaint(self._first_paint)
            self._refreshTimer.start(FIRST_PAINT_MS)

    def _first_paint(self) -> None:
        if self.vault is not None:
            self._refreshTimer.start(UNLOCK_DELAY_MS)

    def clear(self) -> None:
        """On lock: forget the analysis and empty every model, chart and suggestion."""
        self._refreshTimer.stop()
        self.vault = None
        self.analysis = None
        self._sessions = []
        self._catalogue = {}
        self._trend_client = None
        self._stale = set()
        self.alertModel.clear()
        self.dashboard.caseloadModel.clear()
        for view in self.chartViews():
            view.clear()
        self.trends.suggestions.clear()
        self.insightsPage.clearEstimates()
        self.planBar.clear()
        self.dashboard.alertsEmpty.clear()
        self.dashboard.empty.clear()

    def chartViews(self) -> list[ChartView]:
        p = self.insightsPage
        return [self.trends.chart, p.practice, p.outcomes, p.ruptures, p.perspective]

    def _vault_changed(self, changes: Changes) -> None:
        """A use case wrote: recompute if it touched what the analysis reads."""
        if changes.plans:
            self._stale.add("suggestions")
        if changes.clients or changes.sessions or changes.settings or changes.vault_replaced:
            self.scheduleRefresh()
        elif changes.plans:
            self._draw_visible()

    def scheduleRefresh(self) -> None:
        if self.vault is not None and not self._refreshTimer.isActive():
            self._refreshTimer.start(0)

    def refreshNow(self) -> None:
        """Read the caseload once and analyse it; views redraw from this cache."""
        self._refreshTimer.stop()
        vault = self.vault
        if vault is None or vault is not self.window.currentVault():
            return
        try:
            # One policy: a damaged stored threshold gives way to its default.
            self.settings = vault.typed_settings().insights
            self._catalogue = vault.strategy_catalogue()
            clients = vault.clients()
            self._sessions = vault.sessions(text=False)  # numbers only: no writing kept here
        except VaultError:
            return  # closed under us (quit or a crash) before the deferred refresh ran
        # The one analysis per vault change (vaultChanged) or unlock, dropped on lock; every
        # view draws from it, and its strategy estimates (numpy, a bootstrap) are computed
        # once, when a view first asks, so revisiting the Insights page costs a redraw only.
        self.analysis = analyse(clients, self._sessions, vault.client_rating_scale(),
                                self.settings, outcome=vault.outcome_scale())  # fmt: skip
        counts = {cid: len(ci.recent_alerts) for cid, ci in self.analysis.clients.items()}
        self.window.clientModel.setAlertCounts(counts)
        self._fill_alerts()
        self._stale = {"caseload", "trend", "suggestions", "practice", "outcomes", "ruptures",
                       "perspective"}  # fmt: skip
        self._draw_visible()

    # -- navigation ------------------------------------------------------------

    def showDashboard(self) -> None:
        if self.window.currentVault() is None:
            return
        self.window.showPage(self.dashboard)
        self.dashboard.alertList.setFocus()

    def showInsights(self) -> None:
        if self.window.currentVault() is None:
            return
        self.window.showPage(self.insightsPage)
        self.insightsPage.tabs.setFocus()

    def _page_changed(self, _page: QWidget | None) -> None:
        if self.window.isShowingEditor():
            self._show_plan_in_editor()
        self._draw_visible()

    def _theme_changed(self, _dark: bool) -> None:
        if self.analysis is None:
            return
        self._stale |= {"caseload", "trend", "practice", "outcomes", "ruptures", "perspective"}
        self._draw_visible()

    def _invalidate(self, what: str) -> None:
        self._stale.add(what)
        self._draw_visible()

    # -- drawing ---------------------------------------------------------------

    def _draw_visible(self) -> None:
        """Draw what is on screen if its data changed; the rest waits until shown."""
        if self.vault is None:
            return
        w = self.window
        page = w.currentPage()
        if page is self.dashboard:
            self._update_dashboard_text()
            self._draw_once("caseload", self._draw_caseload)
        elif page is self.insightsPage:
            tab = self.insightsPage.tabs.currentIndex()
            name, draw = (("practice", self._draw_practice), ("outcomes", self._draw_outcomes),
                          ("ruptures", self._draw_ruptures),
                          ("perspective", self._draw_perspective))[tab]  # fmt: skip
            self._draw_once(name, draw)
        elif w.isShowingClientTab(self.trends):
            if self._trend_client != w.currentClientId():
                self._stale |= {"trend", "suggestions"}
            self._draw_once("trend", self._draw_trend)
            self._draw_once("suggestions", self._fill_suggestions)

    def _draw_once(self, name: str, draw: Callable[[Insights], None]) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        if name in self._stale:
            self._stale.discard(name)
            draw(analysis)

    def _update_dashboard_text(self) -> None:
        d = self.dashboard
        has_clients = self.window.clientModel.rowCount() > 0
        d.splitter.setVisible(has_clients)
        d.empty.setVisible(not has_clients)
        d.empty.setText(
            ""
            if has_clients
            else self.tr(
                "No clients yet. Add one under a code (Ctrl+Shift+N); after each session "
                "rate the relationship (Ctrl+N), and this overview fills in as you go."
            )
        )
        has_alerts = self.alertModel.rowCount() > 0
        d.alertList.setVisible(has_alerts)
        d.alertsEmpty.setVisible(not has_alerts and self.analysis is not None)
        d.alertsEmpty.setText("" if has_alerts else self.tr("No alerts under your current rules."))

    def _fill_alerts(self) -> None:
        analysis = self.analysis
        rows = []
        if analysis is not None:
            for row in analysis.caseload:
                ci = analysis.for_client(row.client.id)
                if ci is not None:
                    rows += [(a, row.client) for a in risk_sorted(ci.recent_alerts)]
        self.alertModel.setAlerts(rows)
        self._update_dashboard_text()

    def _draw_caseload(self, analysis: Insights) -> None:
        """Fill the native caseload table (no matplotlib: it paints at once)."""
        d = self.dashboard
        dim = d.dimensionCombo.currentData() or "trust"
        d.caseloadModel.setRows(analysis.caseload, dim, 10.0)

    def _draw_trend(self, analysis: Insights) -> None:
        from alliance_desktop.charts import client_trend

        t = self.trends
        cid = self.window.currentClientId()
        self._trend_client = cid
        ci = analysis.for_client(cid) if cid is not None else None
        if ci is None:
            t.chart.setPlaceholder(self.tr("Trends appear once this client has sessions."))
            return
        fig = client_trend(
            ci.sessions, analysis.scale, ci.alerts, theme=chart_theme(self.isDark()),
            show_goal=t.goalCheck.isChecked(), show_fit=t.fitCheck.isChecked(),
            date_from=t.dateFrom(), title=self.tr("Alliance over time"),
            outcome=analysis.outcome_scale,
        )  # fmt: skip
        t.chart.setFigure(fig)

    def _fill_suggestions(self, analysis: Insights) -> None:
        cid = self.window.currentClientId()
        panel = self.trends.suggestions
        ci = analysis.for_client(cid) if cid is not None else None
        if cid is None or ci is None or self.vault is None:
            panel.clear()
            return
        alerts = risk_sorted(ci.recent_alerts)[:6]
        estimates = analysis.estimates if alerts else ()
        suggestions = {
            i: suggestions_for(a, self._catalogue, estimates) for i, a in enumerate(alerts)
        }
        planned = {p.strategy for p in self.vault.plan(cid)}
        panel.show_for(alerts, suggestions, self._catalogue, planned, self.addToPlan)

    def _draw_practice(self, analysis: Insights) -> None:
        from alliance_desktop.charts import practice_trend

        fig = practice_trend(analysis.practice, theme=chart_theme(self.isDark()),
                             title=self.tr("Practice: alliance by month"))  # fmt: skip
        self.insightsPage.practice.setFigure(fig)

    def _draw_outcomes(self, analysis: Insights) -> None:
        from alliance_desktop.charts import strategy_outcomes

        # The caveats are printed beside the chart (selectable, read by screen readers),
        # so the figure itself leaves them out here.
        fig = strategy_outcomes(
            analysis.estimates, theme=chart_theme(self.isDark()), catalogue=self._catalogue,
            title=self.tr("What followed each strategy (association, not proof)"), note=False,
        )  # fmt: skip
        self.insightsPage.outcomes.setFigure(fig)
        self.insightsPage.showEstimates(analysis.estimates, analysis.caveats, self._catalogue)

    def _draw_ruptures(self, analysis: Insights) -> None:
        from alliance_desktop.charts import rupture_timeline

        fig = rupture_timeline(analysis.ruptures, theme=chart_theme(self.isDark()),
                               title=self.tr("Ruptures by month"))  # fmt: skip
        self.insightsPage.ruptures.setFigure(fig)

    def _draw_perspective(self, analysis: Insights) -> None:
        from alliance_desktop.charts import perspective_gap

        fig = perspective_gap(self._sessions, analysis.scale, theme=chart_theme(self.isDark()),
                              monthly=True)  # fmt: skip
        self.insightsPage.perspective.setFigure(fig)

    # -- clicks ------------------------------------------------------------------

    def _alert_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.window.openSession(session_id)
            return
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id is not None:
            self.window.selectClient(client_id)

    def _dimension_changed(self, _index: int) -> None:
        self.dashboard.caseloadModel.setDimension(
            self.dashboard.dimensionCombo.currentData() or "trust"
        )

    def _caseload_activated(self, index: QModelIndex) -> None:
        """Enter or a double click: a session cell opens the session, the client cell
        (or an empty cell of that row) the client."""
        if not index.isValid():
            return
        session_id = index.data(SESSION_ROLE)
        if session_id is not None:
            self.window.openSession(session_id)
            return
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id is not None:
            self.window.selectClient(client_id)

    def _trend_clicked(self, event: Any) -> None:
        from alliance_desktop.charts import session_at

        fig = self.trends.chart.figure()
        if fig is None or event.inaxes is None or event.xdata is None:
            return
        session_id = session_at(fig, event.xdata)
        if session_id is not None:
            self.window.openSession(session_id)

    # -- plans -------------------------------------------------------------------

    def _client_shown(self, client_id: int) -> None:
        if self._trend_client != client_id:
            self._stale |= {"trend", "suggestions"}
        self._draw_visible()

    def addToPlan(self, strategy: str) -> None:
        cid = self.window.currentClientId()
        if self.vault is None or cid is None:
            return
        if operations.run(self.window, app_plans.add_plan_item, self.vault, cid, strategy) is None:
            return
        label = self._catalogue[strategy].label if strategy in self._catalogue else strategy
        self.window.flash(
            self.tr("{strategy} is in the plan for the next session.").format(strategy=label)
        )

    def _show_plan_in_editor(self) -> None:
        w = self.window
        cid = w.editorClientId()
        if self.vault is None or cid is None or w.editorSessionId() is not None:
            self.planBar.clear()
            return
        items = [
            (p.strategy, self._catalogue[p.strategy].label if p.strategy in self._catalogue
             else p.strategy, p.note)
            for p in self.vault.plan(cid)
        ]  # fmt: skip
        self.planBar.show_plan(items, self._remove_from_plan)

    def _remove_from_plan(self, strategy: str) -> None:
        cid = self.window.editorClientId()
        if self.vault is None or cid is None:
            return
        if (
            operations.run(self.window, app_plans.remove_plan_item, self.vault, cid, strategy)
            is None
        ):
            return
        # Deferred: the chip that was clicked is deleted when the bar is rebuilt.
        QTimer.singleShot(0, self._show_plan_in_editor)

    def _session_saved(self, _session: Session, _was_new: bool) -> None:
        """The editor closed on a saved session (its save already ticked off the plan)."""
        self.planBar.clear()


__all__ = ["CaseloadView", "DashboardPage", "InsightsHub", "InsightsPage", "PlanBar", "TrendsTab"]
