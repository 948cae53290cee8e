# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_log_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PracticeLogDialog(object):
    def setupUi(self, practiceLogDialog):
        if not practiceLogDialog.objectName():
            practiceLogDialog.setObjectName(u"practiceLogDialog")
        practiceLogDialog.resize(940, 700)
        self.practiceLogLayout = QVBoxLayout(practiceLogDialog)
        self.practiceLogLayout.setObjectName(u"practiceLogLayout")
        self.practiceLogSummary = QLabel(practiceLogDialog)
        self.practiceLogSummary.setObjectName(u"practiceLogSummary")
        self.practiceLogSummary.setWordWrap(True)
        self.practiceLogSummary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.practiceLogLayout.addWidget(self.practiceLogSummary)

        self.practiceLogChartHost = QWidget(practiceLogDialog)
        self.practiceLogChartHost.setObjectName(u"practiceLogChartHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.practiceLogChartHost.sizePolicy().hasHeightForWidth())
        self.practiceLogChartHost.setSizePolicy(sizePolicy)
        self.practiceLogChartLayout = QVBoxLayout(self.practiceLogChartHost)
        self.practiceLogChartLayout.setObjectName(u"practiceLogChartLayout")
        self.practiceLogChartLayout.setContentsMargins(0, 0, 0, 0)

        self.practiceLogLayout.addWidget(self.practiceLogChartHost)

        self.practiceLogButtons = QHBoxLayout()
        self.practiceLogButtons.setObjectName(u"practiceLogButtons")
        self.practiceLogPracticeOnly = QCheckBox(practiceLogDialog)
        self.practiceLogPracticeOnly.setObjectName(u"practiceLogPracticeOnly")

        self.practiceLogButtons.addWidget(self.practiceLogPracticeOnly)

        self.practiceLogButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.practiceLogButtons.addItem(self.practiceLogButtonsSpacer)

        self.closePracticeLogButton = QPushButton(practiceLogDialog)
        self.closePracticeLogButton.setObjectName(u"closePracticeLogButton")

        self.practiceLogButtons.addWidget(self.closePracticeLogButton)


        self.practiceLogLayout.addLayout(self.practiceLogButtons)


        self.retranslateUi(practiceLogDialog)
    # setupUi

    def retranslateUi(self, practiceLogDialog):
        practiceLogDialog.setWindowTitle(QCoreApplication.translate("PracticeLogDialog", u"Practice log", None))
        self.practiceLogPracticeOnly.setText(QCoreApplication.translate("PracticeLogDialog", u"Only &practice clients", None))
#if QT_CONFIG(accessibility)
        self.practiceLogPracticeOnly.setAccessibleName(QCoreApplication.translate("PracticeLogDialog", u"Only practice clients", None))
#endif // QT_CONFIG(accessibility)
        self.closePracticeLogButton.setText(QCoreApplication.translate("PracticeLogDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closePracticeLogButton.setAccessibleName(QCoreApplication.translate("PracticeLogDialog", u"Close the practice log", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

