# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget)

from alliance_desktop.gui.common.widgets.fitted_table import FittedTableView
from alliance_desktop.gui.insights.caseload import CaseloadView

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        DashboardPage.resize(900, 640)
        self.dashboardLayout = QVBoxLayout(DashboardPage)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.dashboardTitle = QLabel(DashboardPage)
        self.dashboardTitle.setObjectName(u"dashboardTitle")
        self.dashboardTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dashboardLayout.addWidget(self.dashboardTitle)

        self.dashboardEmpty = QLabel(DashboardPage)
        self.dashboardEmpty.setObjectName(u"dashboardEmpty")
        self.dashboardEmpty.setWordWrap(True)
        self.dashboardEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dashboardEmpty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dashboardLayout.addWidget(self.dashboardEmpty)

        self.dashboardSplitter = QSplitter(DashboardPage)
        self.dashboardSplitter.setObjectName(u"dashboardSplitter")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.dashboardSplitter.sizePolicy().hasHeightForWidth())
        self.dashboardSplitter.setSizePolicy(sizePolicy)
        self.dashboardSplitter.setOrientation(Qt.Orientation.Vertical)
        self.dashboardSplitter.setChildrenCollapsible(False)
        self.caseloadPane = QWidget(self.dashboardSplitter)
        self.caseloadPane.setObjectName(u"caseloadPane")
        self.caseloadLayout = QVBoxLayout(self.caseloadPane)
        self.caseloadLayout.setObjectName(u"caseloadLayout")
        self.caseloadLayout.setContentsMargins(0, 0, 0, 0)
        self.caseloadHeaderRow = QHBoxLayout()
        self.caseloadHeaderRow.setObjectName(u"caseloadHeaderRow")
        self.caseloadTitle = QLabel(self.caseloadPane)
        self.caseloadTitle.setObjectName(u"caseloadTitle")
        self.caseloadTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseloadHeaderRow.addWidget(self.caseloadTitle)

        self.caseloadHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.caseloadHeaderRow.addItem(self.caseloadHeaderSpacer)

        self.dimensionLabel = QLabel(self.caseloadPane)
        self.dimensionLabel.setObjectName(u"dimensionLabel")

        self.caseloadHeaderRow.addWidget(self.dimensionLabel)

        self.caseloadDimensionCombo = QComboBox(self.caseloadPane)
        self.caseloadDimensionCombo.setObjectName(u"caseloadDimensionCombo")

        self.caseloadHeaderRow.addWidget(self.caseloadDimensionCombo)


        self.caseloadLayout.addLayout(self.caseloadHeaderRow)

        self.caseloadView = CaseloadView(self.caseloadPane)
        self.caseloadView.setObjectName(u"caseloadView")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.caseloadView.sizePolicy().hasHeightForWidth())
        self.caseloadView.setSizePolicy(sizePolicy1)

        self.caseloadLayout.addWidget(self.caseloadView)

        self.caseloadLegend = QLabel(self.caseloadPane)
        self.caseloadLegend.setObjectName(u"caseloadLegend")
        self.caseloadLegend.setWordWrap(True)
        self.caseloadLegend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caseloadLegend.setProperty(u"role", u"hint")

        self.caseloadLayout.addWidget(self.caseloadLegend)

        self.dashboardSplitter.addWidget(self.caseloadPane)
        self.alertsPane = QWidget(self.dashboardSplitter)
        self.alertsPane.setObjectName(u"alertsPane")
        self.alertsLayout = QVBoxLayout(self.alertsPane)
        self.alertsLayout.setObjectName(u"alertsLayout")
        self.alertsLayout.setContentsMargins(0, 0, 0, 0)
        self.alertsTitle = QLabel(self.alertsPane)
        self.alertsTitle.setObjectName(u"alertsTitle")
        self.alertsTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.alertsLayout.addWidget(self.alertsTitle)

        self.alertList = FittedTableView(self.alertsPane)
        self.alertList.setObjectName(u"alertList")
        sizePolicy1.setHeightForWidth(self.alertList.sizePolicy().hasHeightForWidth())
        self.alertList.setSizePolicy(sizePolicy1)
        self.alertList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alertList.setTabKeyNavigation(False)
        self.alertList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alertList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alertList.setShowGrid(False)
        self.alertList.setWordWrap(False)
        self.alertList.horizontalHeader().setHighlightSections(False)
        self.alertList.verticalHeader().setVisible(False)

        self.alertsLayout.addWidget(self.alertList)

        self.alertsEmpty = QLabel(self.alertsPane)
        self.alertsEmpty.setObjectName(u"alertsEmpty")
        self.alertsEmpty.setWordWrap(True)
        self.alertsEmpty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.alertsLayout.addWidget(self.alertsEmpty)

        self.dashboardSplitter.addWidget(self.alertsPane)

        self.dashboardLayout.addWidget(self.dashboardSplitter)

#if QT_CONFIG(shortcut)
        self.dimensionLabel.setBuddy(self.caseloadDimensionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.caseloadDimensionCombo, self.caseloadView)
        QWidget.setTabOrder(self.caseloadView, self.alertList)

        self.retranslateUi(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.dashboardTitle.setText(QCoreApplication.translate("DashboardPage", u"Dashboard", None))
        self.caseloadTitle.setText(QCoreApplication.translate("DashboardPage", u"Caseload: the last 12 sessions", None))
        self.dimensionLabel.setText(QCoreApplication.translate("DashboardPage", u"&Colour cells by:", None))
#if QT_CONFIG(accessibility)
        self.caseloadDimensionCombo.setAccessibleName(QCoreApplication.translate("DashboardPage", u"Caseload overview dimension", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseloadView.setAccessibleName(QCoreApplication.translate("DashboardPage", u"Caseload overview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseloadView.setAccessibleDescription(QCoreApplication.translate("DashboardPage", u"One row per client, riskiest first; one column per session, the latest last. Arrow keys move between cells; Enter opens the session or client.", None))
#endif // QT_CONFIG(accessibility)
        self.caseloadLegend.setText(QCoreApplication.translate("DashboardPage", u"Rating 0\u201310, darker is lower \u00b7 \u2013 a session without this rating \u00b7 \u25c6 open rupture \u00b7 \u25bc recent drop \u00b7 \u25cf other recent alert", None))
        self.alertsTitle.setText(QCoreApplication.translate("DashboardPage", u"Recent alerts", None))
#if QT_CONFIG(accessibility)
        self.alertList.setAccessibleName(QCoreApplication.translate("DashboardPage", u"Recent alerts: press Enter to open the session", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

