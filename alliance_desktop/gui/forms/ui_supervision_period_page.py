# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_period_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from alliance_desktop.gui.supervision.past_packets import PastPacketsView

class Ui_SupervisionPeriodPage(object):
    def setupUi(self, supervisionPeriodPage):
        if not supervisionPeriodPage.objectName():
            supervisionPeriodPage.setObjectName(u"supervisionPeriodPage")
        supervisionPeriodPage.resize(470, 560)
        self.periodLayout = QVBoxLayout(supervisionPeriodPage)
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodForm = QFormLayout()
        self.periodForm.setObjectName(u"periodForm")
        self.fromLabel = QLabel(supervisionPeriodPage)
        self.fromLabel.setObjectName(u"fromLabel")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.packetFromEdit = QDateEdit(supervisionPeriodPage)
        self.packetFromEdit.setObjectName(u"packetFromEdit")
        self.packetFromEdit.setCalendarPopup(True)
        self.packetFromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.packetFromEdit)

        self.toLabel = QLabel(supervisionPeriodPage)
        self.toLabel.setObjectName(u"toLabel")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.packetToEdit = QDateEdit(supervisionPeriodPage)
        self.packetToEdit.setObjectName(u"packetToEdit")
        self.packetToEdit.setCalendarPopup(True)
        self.packetToEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.packetToEdit)


        self.periodLayout.addLayout(self.periodForm)

        self.packetRangeError = QLabel(supervisionPeriodPage)
        self.packetRangeError.setObjectName(u"packetRangeError")
        self.packetRangeError.setWordWrap(True)
        self.packetRangeError.setVisible(False)
        self.packetRangeError.setProperty(u"role", u"error")

        self.periodLayout.addWidget(self.packetRangeError)

        self.packetPeriodSummary = QLabel(supervisionPeriodPage)
        self.packetPeriodSummary.setObjectName(u"packetPeriodSummary")
        self.packetPeriodSummary.setWordWrap(True)
        self.packetPeriodSummary.setProperty(u"role", u"hint")

        self.periodLayout.addWidget(self.packetPeriodSummary)

        self.periodGap = QSpacerItem(10, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.periodLayout.addItem(self.periodGap)

        self.pastPacketsView = PastPacketsView(supervisionPeriodPage)
        self.pastPacketsView.setObjectName(u"pastPacketsView")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.pastPacketsView.sizePolicy().hasHeightForWidth())
        self.pastPacketsView.setSizePolicy(sizePolicy)

        self.periodLayout.addWidget(self.pastPacketsView)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.packetFromEdit)
        self.toLabel.setBuddy(self.packetToEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.packetFromEdit, self.packetToEdit)

        self.retranslateUi(supervisionPeriodPage)
    # setupUi

    def retranslateUi(self, supervisionPeriodPage):
        self.fromLabel.setText(QCoreApplication.translate("SupervisionPeriodPage", u"Sessions &from", None))
#if QT_CONFIG(accessibility)
        self.packetFromEdit.setAccessibleName(QCoreApplication.translate("SupervisionPeriodPage", u"Sessions from", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("SupervisionPeriodPage", u"&until", None))
#if QT_CONFIG(accessibility)
        self.packetToEdit.setAccessibleName(QCoreApplication.translate("SupervisionPeriodPage", u"Sessions until", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

