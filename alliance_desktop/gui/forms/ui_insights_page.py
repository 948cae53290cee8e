# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'insights_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QFrame, QLabel, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

class Ui_InsightsPage(object):
    def setupUi(self, InsightsPage):
        if not InsightsPage.objectName():
            InsightsPage.setObjectName(u"InsightsPage")
        InsightsPage.resize(900, 640)
        self.insightsLayout = QVBoxLayout(InsightsPage)
        self.insightsLayout.setObjectName(u"insightsLayout")
        self.insightsTitle = QLabel(InsightsPage)
        self.insightsTitle.setObjectName(u"insightsTitle")
        self.insightsTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.insightsLayout.addWidget(self.insightsTitle)

        self.insightsTabs = QTabWidget(InsightsPage)
        self.insightsTabs.setObjectName(u"insightsTabs")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.insightsTabs.sizePolicy().hasHeightForWidth())
        self.insightsTabs.setSizePolicy(sizePolicy)
        self.practiceTab = QWidget()
        self.practiceTab.setObjectName(u"practiceTab")
        self.practiceLayout = QVBoxLayout(self.practiceTab)
        self.practiceLayout.setObjectName(u"practiceLayout")
        self.practiceLayout.setContentsMargins(0, 0, 0, 0)
        self.insightsTabs.addTab(self.practiceTab, "")
        self.outcomesTab = QWidget()
        self.outcomesTab.setObjectName(u"outcomesTab")
        self.outcomesLayout = QVBoxLayout(self.outcomesTab)
        self.outcomesLayout.setObjectName(u"outcomesLayout")
        self.outcomesNote = QLabel(self.outcomesTab)
        self.outcomesNote.setObjectName(u"outcomesNote")
        self.outcomesNote.setWordWrap(True)
        self.outcomesNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outcomesLayout.addWidget(self.outcomesNote)

        self.outcomesScroll = QScrollArea(self.outcomesTab)
        self.outcomesScroll.setObjectName(u"outcomesScroll")
        sizePolicy.setHeightForWidth(self.outcomesScroll.sizePolicy().hasHeightForWidth())
        self.outcomesScroll.setSizePolicy(sizePolicy)
        self.outcomesScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.outcomesScroll.setWidgetResizable(True)
        self.outcomesScrollBody = QWidget()
        self.outcomesScrollBody.setObjectName(u"outcomesScrollBody")
        self.outcomesScroll.setWidget(self.outcomesScrollBody)

        self.outcomesLayout.addWidget(self.outcomesScroll)

        self.outcomesNotEnough = QLabel(self.outcomesTab)
        self.outcomesNotEnough.setObjectName(u"outcomesNotEnough")
        self.outcomesNotEnough.setWordWrap(True)
        self.outcomesNotEnough.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outcomesLayout.addWidget(self.outcomesNotEnough)

        self.outcomesCaveats = QLabel(self.outcomesTab)
        self.outcomesCaveats.setObjectName(u"outcomesCaveats")
        self.outcomesCaveats.setWordWrap(True)
        self.outcomesCaveats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outcomesLayout.addWidget(self.outcomesCaveats)

        self.insightsTabs.addTab(self.outcomesTab, "")
        self.ruptureTab = QWidget()
        self.ruptureTab.setObjectName(u"ruptureTab")
        self.ruptureLayout = QVBoxLayout(self.ruptureTab)
        self.ruptureLayout.setObjectName(u"ruptureLayout")
        self.ruptureLayout.setContentsMargins(0, 0, 0, 0)
        self.insightsTabs.addTab(self.ruptureTab, "")
        self.perspectiveTab = QWidget()
        self.perspectiveTab.setObjectName(u"perspectiveTab")
        self.perspectiveLayout = QVBoxLayout(self.perspectiveTab)
        self.perspectiveLayout.setObjectName(u"perspectiveLayout")
        self.perspectiveLayout.setContentsMargins(0, 0, 0, 0)
        self.insightsTabs.addTab(self.perspectiveTab, "")

        self.insightsLayout.addWidget(self.insightsTabs)


        self.retranslateUi(InsightsPage)

        self.insightsTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, InsightsPage):
        self.insightsTitle.setText(QCoreApplication.translate("InsightsPage", u"Insights across your practice", None))
#if QT_CONFIG(accessibility)
        self.insightsTabs.setAccessibleName(QCoreApplication.translate("InsightsPage", u"Insight charts", None))
#endif // QT_CONFIG(accessibility)
        self.insightsTabs.setTabText(self.insightsTabs.indexOf(self.practiceTab), QCoreApplication.translate("InsightsPage", u"Practice trend", None))
        self.outcomesNote.setText(QCoreApplication.translate("InsightsPage", u"What followed each strategy in your own records: the change to the next session beyond what regression to the mean predicts, with 95% intervals from resampling clients. An association, not proof.", None))
#if QT_CONFIG(accessibility)
        self.outcomesScroll.setAccessibleName(QCoreApplication.translate("InsightsPage", u"Strategy outcomes", None))
#endif // QT_CONFIG(accessibility)
        self.insightsTabs.setTabText(self.insightsTabs.indexOf(self.outcomesTab), QCoreApplication.translate("InsightsPage", u"Strategy outcomes", None))
        self.insightsTabs.setTabText(self.insightsTabs.indexOf(self.ruptureTab), QCoreApplication.translate("InsightsPage", u"Ruptures", None))
        self.insightsTabs.setTabText(self.insightsTabs.indexOf(self.perspectiveTab), QCoreApplication.translate("InsightsPage", u"Perspective gap", None))
        pass
    # retranslateUi

