# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_reflections_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListView, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SupervisionReflectionsPage(object):
    def setupUi(self, supervisionReflectionsPage):
        if not supervisionReflectionsPage.objectName():
            supervisionReflectionsPage.setObjectName(u"supervisionReflectionsPage")
        supervisionReflectionsPage.resize(470, 560)
        self.reflectionsLayout = QVBoxLayout(supervisionReflectionsPage)
        self.reflectionsLayout.setObjectName(u"reflectionsLayout")
        self.packetReflectionsHint = QLabel(supervisionReflectionsPage)
        self.packetReflectionsHint.setObjectName(u"packetReflectionsHint")
        self.packetReflectionsHint.setWordWrap(True)
        self.packetReflectionsHint.setProperty(u"role", u"hint")

        self.reflectionsLayout.addWidget(self.packetReflectionsHint)

        self.packetSessionList = QListView(supervisionReflectionsPage)
        self.packetSessionList.setObjectName(u"packetSessionList")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.packetSessionList.sizePolicy().hasHeightForWidth())
        self.packetSessionList.setSizePolicy(sizePolicy)
        self.packetSessionList.setUniformItemSizes(True)
        self.packetSessionList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.packetSessionList.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.reflectionsLayout.addWidget(self.packetSessionList)

        self.packetSessionsEmpty = QLabel(supervisionReflectionsPage)
        self.packetSessionsEmpty.setObjectName(u"packetSessionsEmpty")
        self.packetSessionsEmpty.setWordWrap(True)
        self.packetSessionsEmpty.setProperty(u"role", u"hint")

        self.reflectionsLayout.addWidget(self.packetSessionsEmpty)

        self.sessionButtons = QHBoxLayout()
        self.sessionButtons.setObjectName(u"sessionButtons")
        self.packetAllSessionsButton = QPushButton(supervisionReflectionsPage)
        self.packetAllSessionsButton.setObjectName(u"packetAllSessionsButton")
        self.packetAllSessionsButton.setAutoDefault(False)

        self.sessionButtons.addWidget(self.packetAllSessionsButton)

        self.packetNoSessionsButton = QPushButton(supervisionReflectionsPage)
        self.packetNoSessionsButton.setObjectName(u"packetNoSessionsButton")
        self.packetNoSessionsButton.setAutoDefault(False)

        self.sessionButtons.addWidget(self.packetNoSessionsButton)

        self.sessionButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sessionButtons.addItem(self.sessionButtonsSpacer)


        self.reflectionsLayout.addLayout(self.sessionButtons)

#if QT_CONFIG(shortcut)
        self.packetReflectionsHint.setBuddy(self.packetSessionList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.packetSessionList, self.packetAllSessionsButton)
        QWidget.setTabOrder(self.packetAllSessionsButton, self.packetNoSessionsButton)

        self.retranslateUi(supervisionReflectionsPage)
    # setupUi

    def retranslateUi(self, supervisionReflectionsPage):
        self.packetReflectionsHint.setText(QCoreApplication.translate("SupervisionReflectionsPage", u"Reflections to include, as written. Ticked: the sessions you flagged \u201cbring to supervision\u201d.", None))
#if QT_CONFIG(accessibility)
        self.packetSessionList.setAccessibleName(QCoreApplication.translate("SupervisionReflectionsPage", u"Reflections in the packet", None))
#endif // QT_CONFIG(accessibility)
        self.packetAllSessionsButton.setText(QCoreApplication.translate("SupervisionReflectionsPage", u"Tick a&ll", None))
#if QT_CONFIG(accessibility)
        self.packetAllSessionsButton.setAccessibleName(QCoreApplication.translate("SupervisionReflectionsPage", u"Tick all reflections", None))
#endif // QT_CONFIG(accessibility)
        self.packetNoSessionsButton.setText(QCoreApplication.translate("SupervisionReflectionsPage", u"Tick n&one", None))
#if QT_CONFIG(accessibility)
        self.packetNoSessionsButton.setAccessibleName(QCoreApplication.translate("SupervisionReflectionsPage", u"Untick all reflections", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

