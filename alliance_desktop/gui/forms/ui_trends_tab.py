# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'trends_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget)

from alliance_desktop.gui.insights.suggestions import SuggestionPanel

class Ui_TrendsTab(object):
    def setupUi(self, TrendsTab):
        if not TrendsTab.objectName():
            TrendsTab.setObjectName(u"TrendsTab")
        TrendsTab.resize(900, 640)
        self.trendsLayout = QVBoxLayout(TrendsTab)
        self.trendsLayout.setObjectName(u"trendsLayout")
        self.toggleRow = QHBoxLayout()
        self.toggleRow.setObjectName(u"toggleRow")
        self.trendGoalCheck = QCheckBox(TrendsTab)
        self.trendGoalCheck.setObjectName(u"trendGoalCheck")
        self.trendGoalCheck.setChecked(True)

        self.toggleRow.addWidget(self.trendGoalCheck)

        self.trendFitCheck = QCheckBox(TrendsTab)
        self.trendFitCheck.setObjectName(u"trendFitCheck")
        self.trendFitCheck.setChecked(True)

        self.toggleRow.addWidget(self.trendFitCheck)

        self.toggleGap = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toggleRow.addItem(self.toggleGap)

        self.rangeLabel = QLabel(TrendsTab)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.toggleRow.addWidget(self.rangeLabel)

        self.trendRangeCombo = QComboBox(TrendsTab)
        self.trendRangeCombo.setObjectName(u"trendRangeCombo")

        self.toggleRow.addWidget(self.trendRangeCombo)

        self.toggleStretch = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toggleRow.addItem(self.toggleStretch)


        self.trendsLayout.addLayout(self.toggleRow)

        self.trendsScroll = QScrollArea(TrendsTab)
        self.trendsScroll.setObjectName(u"trendsScroll")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.trendsScroll.sizePolicy().hasHeightForWidth())
        self.trendsScroll.setSizePolicy(sizePolicy)
        self.trendsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.trendsScroll.setWidgetResizable(True)
        self.trendsScrollBody = QWidget()
        self.trendsScrollBody.setObjectName(u"trendsScrollBody")
        self.trendsScrollLayout = QVBoxLayout(self.trendsScrollBody)
        self.trendsScrollLayout.setObjectName(u"trendsScrollLayout")
        self.trendsScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.trendsSplitter = QSplitter(self.trendsScrollBody)
        self.trendsSplitter.setObjectName(u"trendsSplitter")
        self.trendsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.trendsSplitter.setChildrenCollapsible(False)
        self.trendChartHost = QWidget(self.trendsSplitter)
        self.trendChartHost.setObjectName(u"trendChartHost")
        self.trendChartLayout = QVBoxLayout(self.trendChartHost)
        self.trendChartLayout.setObjectName(u"trendChartLayout")
        self.trendChartLayout.setContentsMargins(0, 0, 0, 0)
        self.trendsSplitter.addWidget(self.trendChartHost)
        self.suggestionsScroll = SuggestionPanel(self.trendsSplitter)
        self.suggestionsScroll.setObjectName(u"suggestionsScroll")
        self.suggestionsScroll.setMinimumSize(QSize(0, 110))
        self.trendsSplitter.addWidget(self.suggestionsScroll)

        self.trendsScrollLayout.addWidget(self.trendsSplitter)

        self.trendsScroll.setWidget(self.trendsScrollBody)

        self.trendsLayout.addWidget(self.trendsScroll)

#if QT_CONFIG(shortcut)
        self.rangeLabel.setBuddy(self.trendRangeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.trendGoalCheck, self.trendFitCheck)
        QWidget.setTabOrder(self.trendFitCheck, self.trendRangeCombo)

        self.retranslateUi(TrendsTab)
    # setupUi

    def retranslateUi(self, TrendsTab):
        self.trendGoalCheck.setText(QCoreApplication.translate("TrendsTab", u"&Goal alignment", None))
#if QT_CONFIG(accessibility)
        self.trendGoalCheck.setAccessibleName(QCoreApplication.translate("TrendsTab", u"Show goal alignment", None))
#endif // QT_CONFIG(accessibility)
        self.trendFitCheck.setText(QCoreApplication.translate("TrendsTab", u"Approach &fit", None))
#if QT_CONFIG(accessibility)
        self.trendFitCheck.setAccessibleName(QCoreApplication.translate("TrendsTab", u"Show approach fit", None))
#endif // QT_CONFIG(accessibility)
        self.rangeLabel.setText(QCoreApplication.translate("TrendsTab", u"&Period:", None))
#if QT_CONFIG(accessibility)
        self.trendRangeCombo.setAccessibleName(QCoreApplication.translate("TrendsTab", u"Period shown", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.trendsScroll.setAccessibleName(QCoreApplication.translate("TrendsTab", u"Trends", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

