# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'past_packets_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QSizePolicy, QTreeWidget, QVBoxLayout)

class Ui_PastPacketsView(object):
    def setupUi(self, pastPacketsView):
        if not pastPacketsView.objectName():
            pastPacketsView.setObjectName(u"pastPacketsView")
        pastPacketsView.resize(460, 300)
        self.pastPacketsLayout = QVBoxLayout(pastPacketsView)
        self.pastPacketsLayout.setObjectName(u"pastPacketsLayout")
        self.pastPacketsLayout.setContentsMargins(0, 0, 0, 0)
        self.pastPacketsTitle = QLabel(pastPacketsView)
        self.pastPacketsTitle.setObjectName(u"pastPacketsTitle")

        self.pastPacketsLayout.addWidget(self.pastPacketsTitle)

        self.pastPacketsList = QTreeWidget(pastPacketsView)
        self.pastPacketsList.setObjectName(u"pastPacketsList")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.pastPacketsList.sizePolicy().hasHeightForWidth())
        self.pastPacketsList.setSizePolicy(sizePolicy)
        self.pastPacketsList.setRootIsDecorated(False)
        self.pastPacketsList.setAlternatingRowColors(True)
        self.pastPacketsList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.pastPacketsLayout.addWidget(self.pastPacketsList)

        self.pastPacketQuestions = QLabel(pastPacketsView)
        self.pastPacketQuestions.setObjectName(u"pastPacketQuestions")
        self.pastPacketQuestions.setWordWrap(True)
        self.pastPacketQuestions.setTextFormat(Qt.TextFormat.PlainText)
        self.pastPacketQuestions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pastPacketsLayout.addWidget(self.pastPacketQuestions)

        self.pastPacketsEmpty = QLabel(pastPacketsView)
        self.pastPacketsEmpty.setObjectName(u"pastPacketsEmpty")
        self.pastPacketsEmpty.setWordWrap(True)
        self.pastPacketsEmpty.setProperty(u"role", u"hint")

        self.pastPacketsLayout.addWidget(self.pastPacketsEmpty)

#if QT_CONFIG(shortcut)
        self.pastPacketsTitle.setBuddy(self.pastPacketsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(pastPacketsView)
    # setupUi

    def retranslateUi(self, pastPacketsView):
        self.pastPacketsTitle.setText(QCoreApplication.translate("PastPacketsView", u"&What you brought before", None))
        ___qtreewidgetitem = self.pastPacketsList.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("PastPacketsView", u"Questions", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PastPacketsView", u"Clients", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PastPacketsView", u"Period", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PastPacketsView", u"Exported", None))
#if QT_CONFIG(accessibility)
        self.pastPacketsList.setAccessibleName(QCoreApplication.translate("PastPacketsView", u"Past packets", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

