"""View › Practice log: reflections a week, prompts used and the chosen levels over time
(``ui/practice_log_dialog.ui``; ``insights.practice_log`` + ``charts.practice_log``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.gui.common.chart_view import ChartView, chart_theme
from alliance_desktop.gui.forms.ui_practice_log_dialog import Ui_PracticeLogDialog
from alliance_desktop.vault import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault import Vault


class PracticeLogDialog(QDialog):
    """Reflections a week, prompts used and the chosen levels over time (non-modal)."""

    def __init__(self, vault: Vault, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PracticeLogDialog()
        self.ui.setupUi(self)
        self.setObjectName("practiceLogDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.vault = vault
        self.dark = dark
        self.log: Any = None
        self.summary = self.ui.practiceLogSummary
        self.practiceOnly = self.ui.practiceLogPracticeOnly
        self.practiceOnly.toggled.connect(self.refresh)
        self.chart = ChartView("practiceLogChart", toolbar=False)
        self.chart.setAccessibleName(self.tr("Practice log chart"))
        self.chart.setMinimumSize(640, 420)
        self.ui.practiceLogChartLayout.addWidget(self.chart)
        self.ui.closePracticeLogButton.clicked.connect(self.close)
        self.refresh()

    def setDark(self, dark: bool) -> None:
        self.dark = dark
        self.refresh()

    def refresh(self, *_: Any) -> None:
        from alliance_desktop.charts.practice_log import practice_log_chart
        from alliance_desktop.insights.practice_log import practice_log

        try:
            clients, sessions = self.vault.clients(), self.vault.sessions()
        except VaultError:
            return
        self.log = practice_log(sessions, clients, practice_only=self.practiceOnly.isChecked())
        names = {k: t.name for k, t in TEMPLATES_BY_KEY.items()}
        fig = practice_log_chart(
            self.log,
            theme=chart_theme(self.dark),
            template_names=names,
            title=self.tr("Practice log"),
        )
        self.chart.setFigure(fig)
        log = self.log
        if log.is_empty:
            self.summary.setText(
                self.tr("Nothing here yet: save a session with a few lines of reflection.")
            )
            return
        self.summary.setText(self.summaryText(log))

    def summaryText(self, log: Any) -> str:
        tr = self.tr
        n, weeks = log.total, len(log.weeks)
        active = sum(1 for w in log.weeks if w.reflections)
        reflections = tr("%n reflection(s)", "", n)
        if weeks == 1:
            text = tr("{reflections} in 1 week.").format(reflections=reflections)
        else:
            text = tr("{reflections} over {weeks} weeks, written in {active} of them.").format(
                reflections=reflections, weeks=weeks, active=active
            )
        median = log.median_level()
        if median is None:
            text += " " + tr("No level chosen yet: choose one on the feedback card after saving.")
        else:
            text += " " + tr("Median of the levels you chose ({chosen} of {n}): {level}.").format(
                chosen=log.chosen, n=n, level=tr(median.label)
            )
        supervisor = log.supervisor_median_level()
        if supervisor is not None:
            text += " " + tr("Your supervisor's median: {level}.").format(
                level=tr(supervisor.label)
            )
        return str(text)

    def closeEvent(self, event: Any) -> None:
        self.chart.clear()
        self.log = None
        super().closeEvent(event)
