"""Home after unlock: the caseload overview and the recent alerts, riskiest first.

The static layout is ``ui/dashboard.ui``; the caseload is the native ``CaseloadView``
(no matplotlib on the way to the first paint). Both tables measure their columns once
per fill (``FittedTableView``), not at every resize of the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.models import DIMENSIONS
from alliance_desktop.gui.common.widgets.row_table import PlainStyledDelegate
from alliance_desktop.gui.forms.ui_dashboard import Ui_DashboardPage
from alliance_desktop.gui.insights._util import make_heading
from alliance_desktop.gui.insights.models import CaseloadModel


class DashboardPage(QWidget, Ui_DashboardPage):
    """The caseload table (``caseloadView``) over the recent alerts (``alertList``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.setupUi(self)
        self.title = make_heading(self.dashboardTitle)
        self.empty = self.dashboardEmpty
        self.splitter = self.dashboardSplitter
        make_heading(self.caseloadTitle, 1.1)
        make_heading(self.alertsTitle, 1.1)
        self.dimensionCombo = self.caseloadDimensionCombo
        self.caseloadModel = CaseloadModel(self)
        self.caseload = self.caseloadView
        self.caseload.setModel(self.caseloadModel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([440, 260])
        self.alertList.verticalHeader().setDefaultSectionSize(
            self.alertList.fontMetrics().height() + 8
        )
        # Its plain rows painted in one pass (RowTableView), through Qt's own delegate.
        self.alertList.setItemDelegate(PlainStyledDelegate(self.alertList))

    def retranslate(self) -> None:
        self.retranslateUi(self)
        labels = (self.tr("Trust"), self.tr("Engagement"), self.tr("Goal alignment"),
                  self.tr("Approach fit"))  # fmt: skip
        if self.dimensionCombo.count() == 0:
            for key, text in zip(DIMENSIONS, labels, strict=True):
                self.dimensionCombo.addItem(text, key)
        else:
            for i, text in enumerate(labels):
                self.dimensionCombo.setItemText(i, text)


__all__ = ["DashboardPage"]
