"""The insights hub: dashboard, Trends tab, Insights page and the next-session plan.

``InsightsHub`` owns everything computed from the caseload: it runs ``analyse`` once
per unlock and once per data change (never per client switch), keeps the result,
and draws only the chart that is on screen; the others are marked stale and drawn
when shown. Matplotlib is first imported by the first chart that shows (a Trends tab
or an Insights tab: see ``common.chart_view``), never on the unlock path: the
dashboard's caseload is a native table. The Trends figure is built once and then
updated in place (``charts.trend.update_trend``) when the client or a toggle changes.

Every chart gets its text alternative from ``charts.text`` (accessible name and
description, and the "Show as table" data), with dates in the locale's format.

On lock ``clear`` drops the analysis, empties every model, figure and suggestion
widget, so no client code or rating is left in memory that a view could show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from alliance_desktop.app import plans as app_plans
from alliance_desktop.charts.text import (
    describe_client_trend,
    describe_perspective_gap,
    describe_practice_trend,
    describe_rupture_timeline,
    describe_strategy_outcomes,
)
from alliance_desktop.gui import operations
from alliance_desktop.gui.common.chart_view import ChartView, chart_theme
from alliance_desktop.gui.common.dates import short_date
from alliance_desktop.gui.insights.dashboard import DashboardPage
from alliance_desktop.gui.insights.insights_page import InsightsPage
from alliance_desktop.gui.insights.models import AlertListModel, risk_sorted
from alliance_desktop.gui.insights.plan_bar import PlanBar
from alliance_desktop.gui.insights.refresher import Refreshed, Refresher
from alliance_desktop.gui.insights.trends_tab import TrendsTab
from alliance_desktop.gui.workspace.models import CLIENT_ID_ROLE, SESSION_ROLE
from alliance_desktop.insights.analysis import Insights, analyse
from alliance_desktop.insights.caseload import CASELOAD_SESSIONS, caseload_row, risk_order
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.insights.suggestions import suggestions_for
from alliance_desktop.vault import VaultError
from alliance_desktop.vault.overview import latest_cells

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from alliance_desktop.app.changes import Changes
    from alliance_desktop.domain.models import Session
    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.gui.common.theme import ThemeManager
    from alliance_desktop.gui.shell.main_window import MainWindow
    from alliance_desktop.vault import Vault

UNLOCK_DELAY_MS = 60  # let the populated window paint before the first analysis
FIRST_PAINT_MS = 1500  # the first analysis at the latest, if the window never paints


def _number_text(value: float) -> str:
    """A chart value in the locale's digits, at most one decimal ("6", "7,5")."""
    from PySide6.QtCore import QLocale

    rounded = round(float(value), 1)
    return QLocale().toString(rounded, "f", 0 if rounded.is_integer() else 1)


def _month_text(day: date) -> str:
    """A month in the locale's words ("Oct 2025", "okt. 2025")."""
    from PySide6.QtCore import QDate, QLocale

    return QLocale().toString(QDate(day.year, day.month, 1), "MMM yyyy")


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
        self._open_session: Callable[[int], None] = window.openSession

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
        self._refreshTimer.timeout.connect(self.refresh)
        self._refresher = Refresher(self)
        self._refresher.ready.connect(self._refreshed)
        self._refresher.estimated.connect(self._estimated)
        #: The analysis's strategy estimates are computed (by the refresher's worker, or
        #: on first use after ``refreshNow``); until then no view reads them.
        self._estimates_ready = False
        #: The change counter ``refreshNow``'s analysis was read at (None: the
        #: refresher's, or none): still current at the first paint, it is not redone.
        self._analysed_at: int | None = None
        self._build_actions()
        self._connect()
        self.retranslate()

    # -- construction ----------------------------------------------------------

    def _build_actions(self) -> None:
        """View › Back, Dashboard and Insights, through the shell's action registry."""
        w = self.window
        # Back to where the editor was opened from (Esc too), or to the client page.
        self.actionBack = w.registerAction(
            "actionBack", self.tr("&Back"), shortcut=["Alt+Left", Qt.Key.Key_Back],
            menu="view", triggered=w.goBack,
        )  # fmt: skip
        self.actionDashboard = w.registerAction(
            "actionDashboard", self.tr("&Dashboard"), shortcut="Ctrl+D", menu="view",
            triggered=self.showDashboard, separator=True,
        )  # fmt: skip
        self.actionInsights = w.registerAction(
            "actionInsights", self.tr("&Insights"), shortcut="Ctrl+I", menu="view",
            triggered=self.showInsights,
        )  # fmt: skip
        self.menuView = w.menu("view")

    def _connect(self) -> None:
        w, d, t = self.window, self.dashboard, self.trends
        w.pageChanged.connect(self._page_changed)
        w.clientTabChanged.connect(lambda _i: self._draw_visible())
        self.insightsPage.tabs.currentChanged.connect(lambda _i: self._draw_visible())
        d.dimensionCombo.currentIndexChanged.connect(self._dimension_changed)
        d.alertList.activated.connect(self._alert_activated)
        d.alertList.doubleClicked.connect(self._alert_activated)
        d.caseload.sessionActivated.connect(lambda sid: self._open_session(sid))
        d.caseload.clientActivated.connect(w.selectClient)
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
        self._first_caseload(vault)
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
        vault = self.vault
        if vault is None:
            return
        try:
            current = self.analysis is not None and self._analysed_at == vault.change_counter()
        except VaultError:
            current = False
        if not current:  # not analysed yet here, or written since ``refreshNow``'s
            self._refreshTimer.start(UNLOCK_DELAY_MS)

    def _first_caseload(self, vault: Vault) -> None:
        """The caseload table at once, from each client's last sessions (one cheap
        query, only the columns the table shows); the risk order and badges follow when
        the analysis is done."""
        latest = latest_cells(vault, CASELOAD_SESSIONS)
        rows = risk_order(
            caseload_row(c, latest.get(c.id, []) if c.id is not None else [], [])
            for c in vault.clients()
            if not c.is_practice
        )
        d = self.dashboard
        d.caseloadModel.setRows(rows, d.dimensionCombo.currentData() or "trust", 10.0)

    def clear(self) -> None:
        """On lock: forget the analysis and empty every model, chart and suggestion."""
        self._refreshTimer.stop()
        self._refresher.cancel()
        self.vault = None
        self.analysis = None
        self._estimates_ready = False
        self._analysed_at = None
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

    def isDrawingCharts(self) -> bool:
        """True while a chart is built and drawn on a worker (``setFigureLater``)."""
        return any(v.isDrawing() for v in self.chartViews())

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

    def refresh(self) -> None:
        """Recompute without stalling the window: the caseload is read in short steps
        and analysed in a worker (``Refresher``); a newer refresh supersedes this one."""
        self._refreshTimer.stop()
        vault = self.vault
        if vault is not None and vault is self.window.currentVault():
            self._refresher.start(vault)

    def isRefreshing(self) -> bool:
        return self._refresher.isRunning() or self._refreshTimer.isActive()

    def isAnalysing(self) -> bool:
        """A refresh or what follows it under way: reading, analysing, or the strategy
        estimates (kept in the vault as their job ends)."""
        return self.isRefreshing() or self._refresher.isEstimating()

    def _refreshed(self, done: Refreshed) -> None:
        if self.vault is None or self.vault is not self.window.currentVault():
            return
        self.settings, self._catalogue = done.settings, done.catalogue
        self._sessions = done.sessions
        self._analysed_at = None
        self._apply(done.analysis, estimates_ready=False)

    def _estimated(self, analysis: Insights) -> None:
        """The worker computed the estimates: the views that show them draw again."""
        if analysis is not self.analysis:
            return
        self._estimates_ready = True
        self._stale |= {"outcomes", "suggestions"}
        self._draw_visible()

    def estimatesReady(self) -> bool:
        return self.analysis is not None and self._estimates_ready

    def refreshNow(self) -> None:
        """Read the caseload once and analyse it, here and now (scripts and tests that
        want the result in hand); views redraw from this cache."""
        self._refreshTimer.stop()
        self._refresher.cancel()
        vault = self.vault
        if vault is None or vault is not self.window.currentVault():
            return
        try:
            # Read before the data: a write meanwhile leaves an older counter, never newer.
            counter = vault.change_counter()
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
        self._apply(analyse(clients, self._sessions, vault.client_rating_scale(),
                            self.settings, outcome=vault.outcome_scale()))  # fmt: skip
        self._analysed_at = counter

    def _apply(self, analysis: Insights, *, estimates_ready: bool = True) -> None:
        self.analysis = analysis
        self._estimates_ready = estimates_ready
        counts = {cid: len(ci.recent_alerts) for cid, ci in self.analysis.clients.items()}
        self.window.clients.setAlertCounts(counts)
        self._fill_alerts()
        self._stale = {"caseload", "trend", "suggestions", "practice", "outcomes", "ruptures",
                       "perspective"}  # fmt: skip
        self._draw_visible()
        # Laid out for what arrived (the alerts shown, their empty text hidden) before
        # the next paint: left to the event loop, the layouts ran after that paint and
        # the dashboard was painted twice, the second time while a chart's worker
        # thread started (each Python call of the paint waiting for the interpreter).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

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
        d.alertsEmpty.setVisible(not has_alerts and has_clients)
        if has_alerts:
            d.alertsEmpty.setText("")
        elif self.analysis is None:
            d.alertsEmpty.setText(self.tr("Working out alerts…"))
        else:
            d.alertsEmpty.setText(self.tr("No alerts under your current rules."))

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
        t = self.trends
        cid = self.window.currentClientId()
        self._trend_client = cid
        ci = analysis.for_client(cid) if cid is not None else None
        if ci is None:
            t.chart.setPlaceholder(self.tr("Trends appear once this client has sessions."))
            return
        options: dict[str, Any] = {
            "show_goal": t.goalCheck.isChecked(), "show_fit": t.fitCheck.isChecked(),
            "date_from": t.dateFrom(), "outcome": analysis.outcome_scale,
        }  # fmt: skip
        text = describe_client_trend(ci.sessions, analysis.scale, ci.alerts, date_format=short_date,
                                     number_format=_number_text, **options)  # fmt: skip
        options["theme"] = chart_theme(self.isDark())
        options["title"] = self.tr("Alliance over time")
        fig = t.chart.figure()
        sessions, scale, alerts = ci.sessions, analysis.scale, ci.alerts

        def build() -> Figure:  # on a worker (see ChartView.setFigureLater)
            from alliance_desktop.charts import client_trend

            return client_trend(sessions, scale, alerts, **options)

        # The same artists with this client's data when they fit (a client switch: a few
        # ms, on the UI thread); a new figure otherwise, built and drawn on a worker (the
        # first one took 100-170 ms as the tab showed). Either way ``build`` makes what
        # is shown anew, for saving it on a worker.
        if fig is not None:
            from alliance_desktop.charts import update_trend  # loaded with the figure

            if update_trend(fig, sessions, scale, alerts, **options):
                t.chart.setFigure(fig, text, build)
                return
        t.chart.setFigureLater(build, text)

    def _fill_suggestions(self, analysis: Insights) -> None:
        cid = self.window.currentClientId()
        panel = self.trends.suggestions
        ci = analysis.for_client(cid) if cid is not None else None
        if cid is None or ci is None or self.vault is None:
            panel.clear()
            return
        alerts = risk_sorted(ci.recent_alerts)[:6]
        # Your own past uses join the suggestions once the worker has the estimates.
        estimates = analysis.estimates if alerts and self._estimates_ready else ()
        suggestions = {
            i: suggestions_for(a, self._catalogue, estimates) for i, a in enumerate(alerts)
        }
        planned = {p.strategy for p in self.vault.plan(cid)}
        panel.show_for(alerts, suggestions, self._catalogue, planned, self.addToPlan)

    def _draw_practice(self, analysis: Insights) -> None:
        theme, title = chart_theme(self.isDark()), self.tr("Practice: alliance by month")

        def build() -> Figure:  # on a worker (see ChartView.setFigureLater)
            from alliance_desktop.charts import practice_trend

            return practice_trend(analysis.practice, theme=theme, title=title)

        text = describe_practice_trend(
            analysis.practice, month_format=_month_text, number_format=_number_text
        )
        self.insightsPage.practice.setFigureLater(build, text)

    def _draw_outcomes(self, analysis: Insights) -> None:
        if not self._estimates_ready:
            # Being worked out in the background: drawn when they arrive (``_estimated``).
            self.insightsPage.clearEstimates()
            self.insightsPage.outcomes.setPlaceholder(
                self.tr("Working out what followed each strategy…")
            )
            return
        theme, catalogue = chart_theme(self.isDark()), dict(self._catalogue)
        title = self.tr("What followed each strategy (association, not proof)")

        def build() -> Figure:  # on a worker (see ChartView.setFigureLater)
            from alliance_desktop.charts import strategy_outcomes

            # The caveats are printed beside the chart (selectable, read by screen
            # readers), so the figure itself leaves them out here.
            return strategy_outcomes(analysis.estimates, theme=theme, catalogue=catalogue,
                                     title=title, note=False)  # fmt: skip

        text = describe_strategy_outcomes(
            analysis.estimates, catalogue=self._catalogue, number_format=_number_text
        )
        self.insightsPage.outcomes.setFigureLater(build, text)
        self.insightsPage.showEstimates(analysis.estimates, analysis.caveats, self._catalogue)

    def _draw_ruptures(self, analysis: Insights) -> None:
        theme, title = chart_theme(self.isDark()), self.tr("Ruptures by month")

        def build() -> Figure:  # on a worker (see ChartView.setFigureLater)
            from alliance_desktop.charts import rupture_timeline

            return rupture_timeline(analysis.ruptures, theme=theme, title=title)

        text = describe_rupture_timeline(
            analysis.ruptures, month_format=_month_text, number_format=_number_text
        )
        self.insightsPage.ruptures.setFigureLater(build, text)

    def _draw_perspective(self, analysis: Insights) -> None:
        theme, sessions, scale = chart_theme(self.isDark()), list(self._sessions), analysis.scale

        def build() -> Figure:  # on a worker (see ChartView.setFigureLater)
            from alliance_desktop.charts import perspective_gap

            return perspective_gap(sessions, scale, theme=theme, monthly=True)

        text = describe_perspective_gap(self._sessions, analysis.scale, monthly=True,
                                        date_format=_month_text, number_format=_number_text)  # fmt: skip
        self.insightsPage.perspective.setFigureLater(build, text)

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

    def setSessionOpener(self, opener: Callable[[int], None]) -> None:
        """What a caseload cell's session id is given to (the shell: open it for
        reading); ``MainWindow.openSession`` until the shell says otherwise."""
        self._open_session = opener

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
        label = self._catalogue[strategy].shown_label if strategy in self._catalogue else strategy
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
            (p.strategy, self._catalogue[p.strategy].shown_label if p.strategy in self._catalogue
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


__all__ = ["InsightsHub"]
