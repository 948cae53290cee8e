# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_clients_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListView, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SupervisionClientsPage(object):
    def setupUi(self, supervisionClientsPage):
        if not supervisionClientsPage.objectName():
            supervisionClientsPage.setObjectName(u"supervisionClientsPage")
        supervisionClientsPage.resize(470, 560)
        self.clientsLayout = QVBoxLayout(supervisionClientsPage)
        self.clientsLayout.setObjectName(u"clientsLayout")
        self.packetClientsHint = QLabel(supervisionClientsPage)
        self.packetClientsHint.setObjectName(u"packetClientsHint")
        self.packetClientsHint.setWordWrap(True)
        self.packetClientsHint.setProperty(u"role", u"hint")

        self.clientsLayout.addWidget(self.packetClientsHint)

        self.packetClientList = QListView(supervisionClientsPage)
        self.packetClientList.setObjectName(u"packetClientList")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.packetClientList.sizePolicy().hasHeightForWidth())
        self.packetClientList.setSizePolicy(sizePolicy)
        self.packetClientList.setUniformItemSizes(True)
        self.packetClientList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.clientsLayout.addWidget(self.packetClientList)

        self.clientButtons = QHBoxLayout()
        self.clientButtons.setObjectName(u"clientButtons")
        self.packetAllClientsButton = QPushButton(supervisionClientsPage)
        self.packetAllClientsButton.setObjectName(u"packetAllClientsButton")
        self.packetAllClientsButton.setAutoDefault(False)

        self.clientButtons.addWidget(self.packetAllClientsButton)

        self.packetNoClientsButton = QPushButton(supervisionClientsPage)
        self.packetNoClientsButton.setObjectName(u"packetNoClientsButton")
        self.packetNoClientsButton.setAutoDefault(False)

        self.clientButtons.addWidget(self.packetNoClientsButton)

        self.clientButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.clientButtons.addItem(self.clientButtonsSpacer)


        self.clientsLayout.addLayout(self.clientButtons)

        self.packetPracticeCheck = QCheckBox(supervisionClientsPage)
        self.packetPracticeCheck.setObjectName(u"packetPracticeCheck")

        self.clientsLayout.addWidget(self.packetPracticeCheck)

        self.packetClientsError = QLabel(supervisionClientsPage)
        self.packetClientsError.setObjectName(u"packetClientsError")
        self.packetClientsError.setWordWrap(True)
        self.packetClientsError.setVisible(False)
        self.packetClientsError.setProperty(u"role", u"error")

        self.clientsLayout.addWidget(self.packetClientsError)

#if QT_CONFIG(shortcut)
        self.packetClientsHint.setBuddy(self.packetClientList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.packetClientList, self.packetAllClientsButton)
        QWidget.setTabOrder(self.packetAllClientsButton, self.packetNoClientsButton)
        QWidget.setTabOrder(self.packetNoClientsButton, self.packetPracticeCheck)

        self.retranslateUi(supervisionClientsPage)
    # setupUi

    def retranslateUi(self, supervisionClientsPage):
        self.packetClientsHint.setText(QCoreApplication.translate("SupervisionClientsPage", u"Ticked: clients with recent alerts or sessions you flagged for supervision in this period. Add or remove any.", None))
#if QT_CONFIG(accessibility)
        self.packetClientList.setAccessibleName(QCoreApplication.translate("SupervisionClientsPage", u"Clients in the packet", None))
#endif // QT_CONFIG(accessibility)
        self.packetAllClientsButton.setText(QCoreApplication.translate("SupervisionClientsPage", u"Tick &all", None))
#if QT_CONFIG(accessibility)
        self.packetAllClientsButton.setAccessibleName(QCoreApplication.translate("SupervisionClientsPage", u"Tick all clients", None))
#endif // QT_CONFIG(accessibility)
        self.packetNoClientsButton.setText(QCoreApplication.translate("SupervisionClientsPage", u"Tick n&one", None))
#if QT_CONFIG(accessibility)
        self.packetNoClientsButton.setAccessibleName(QCoreApplication.translate("SupervisionClientsPage", u"Untick all clients", None))
#endif // QT_CONFIG(accessibility)
        self.packetPracticeCheck.setText(QCoreApplication.translate("SupervisionClientsPage", u"Also list p&ractice clients (vignettes)", None))
#if QT_CONFIG(accessibility)
        self.packetPracticeCheck.setAccessibleName(QCoreApplication.translate("SupervisionClientsPage", u"Also list practice clients", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

