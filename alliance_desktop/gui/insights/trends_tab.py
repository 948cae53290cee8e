"""One client's trend chart with toggles and range, then alerts with suggestions.

The static layout is ``ui/trends_tab.ui``. The chart keeps a readable height; a small
window scrolls the tab instead of squeezing the chart (or growing the window). The
chart's tools ("Show as table", "⋯") sit at the end of the toggle row, not over the
legend.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from alliance_desktop.gui.common.chart_view import ChartView
from alliance_desktop.gui.forms.ui_trends_tab import Ui_TrendsTab

TREND_MIN_HEIGHT = 460  # px: below this the trend chart's legend, title and axes collide
RANGES = (0, 3, 6, 12)  # months; 0 = all


class TrendsTab(QWidget, Ui_TrendsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsTab")
        self.setupUi(self)
        self.goalCheck = self.trendGoalCheck
        self.fitCheck = self.trendFitCheck
        self.rangeCombo = self.trendRangeCombo
        self.splitter = self.trendsSplitter
        self.suggestions = self.suggestionsScroll
        self.chart = ChartView(
            "trendChart", min_height=TREND_MIN_HEIGHT, overlay_menu=False,
            parent=self.trendChartHost,
        )  # fmt: skip
        self.trendChartLayout.addWidget(self.chart)
        self.toggleRow.addWidget(self.chart.tools)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 190])
        QWidget.setTabOrder(self.rangeCombo, self.chart.showAsTableButton)

    def retranslate(self) -> None:
        self.retranslateUi(self)
        texts = (self.tr("All sessions"), self.tr("Last 3 months"), self.tr("Last 6 months"),
                 self.tr("Last 12 months"))  # fmt: skip
        if self.rangeCombo.count() == 0:
            for months, text in zip(RANGES, texts, strict=True):
                self.rangeCombo.addItem(text, months)
        else:
            for i, text in enumerate(texts):
                self.rangeCombo.setItemText(i, text)
        self.suggestions.retranslate()

    def dateFrom(self) -> date | None:
        months = int(self.rangeCombo.currentData() or 0)
        if not months:
            return None
        start = QDate.currentDate().addMonths(-months)
        return date(start.year(), start.month(), start.day())


__all__ = ["RANGES", "TREND_MIN_HEIGHT", "TrendsTab"]
