"""Practice-wide charts in tabs (``ui/insights_page.ui`` for the static layout).

The strategy tab shows the regression-aware estimates (``Insights.estimates``): an
introduction, the chart, the strategies with too few uses for an estimate ("not
enough yet: N uses, K clients") and the two caveats every view of them carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from alliance_desktop.gui.common.chart_view import ChartView
from alliance_desktop.gui.forms.ui_insights_page import Ui_InsightsPage
from alliance_desktop.gui.insights._util import make_heading

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping, Sequence

    from alliance_desktop.domain.strategies import Strategy
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate


class InsightsPage(QWidget, Ui_InsightsPage):
    """Four tabs: practice trend, strategy outcomes, ruptures, perspective gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insightsPage")
        self.setupUi(self)
        self.title = make_heading(self.insightsTitle)
        self.tabs = self.insightsTabs
        self.practice = ChartView("practiceChart", parent=self.practiceTab)
        self.practiceLayout.addWidget(self.practice)
        self.ruptures = ChartView("ruptureChart", parent=self.ruptureTab)
        self.ruptureLayout.addWidget(self.ruptures)
        self.perspective = ChartView("perspectiveChart", parent=self.perspectiveTab)
        self.perspectiveLayout.addWidget(self.perspective)
        self.outcomes = ChartView("outcomesChart", fixed_height=True, overlay_menu=False)
        self.outcomesScroll.setWidget(self.outcomes)  # replaces the form's empty body
        # The tall chart scrolls; its tools stay in view above it.
        tools_row = QHBoxLayout()
        tools_row.addStretch(1)
        tools_row.addWidget(self.outcomes.tools)
        self.outcomesLayout.insertLayout(1, tools_row)

    def retranslate(self) -> None:
        self.retranslateUi(self)

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
            name = catalogue[key].shown_label if key in catalogue else key
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


__all__ = ["InsightsPage"]
