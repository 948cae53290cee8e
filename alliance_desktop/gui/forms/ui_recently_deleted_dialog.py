# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recently_deleted_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout)

class Ui_RecentlyDeletedDialog(object):
    def setupUi(self, recentlyDeletedDialog):
        if not recentlyDeletedDialog.objectName():
            recentlyDeletedDialog.setObjectName(u"recentlyDeletedDialog")
        recentlyDeletedDialog.resize(760, 400)
        self.recentlyDeletedLayout = QVBoxLayout(recentlyDeletedDialog)
        self.recentlyDeletedLayout.setObjectName(u"recentlyDeletedLayout")
        self.recentlyDeletedIntro = QLabel(recentlyDeletedDialog)
        self.recentlyDeletedIntro.setObjectName(u"recentlyDeletedIntro")
        self.recentlyDeletedIntro.setWordWrap(True)
        self.recentlyDeletedIntro.setProperty(u"role", u"hint")

        self.recentlyDeletedLayout.addWidget(self.recentlyDeletedIntro)

        self.recentlyDeletedList = QTreeWidget(recentlyDeletedDialog)
        self.recentlyDeletedList.setObjectName(u"recentlyDeletedList")
        self.recentlyDeletedList.setRootIsDecorated(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.recentlyDeletedList.sizePolicy().hasHeightForWidth())
        self.recentlyDeletedList.setSizePolicy(sizePolicy)
        self.recentlyDeletedList.header().setStretchLastSection(False)

        self.recentlyDeletedLayout.addWidget(self.recentlyDeletedList)

        self.recentlyDeletedEmpty = QLabel(recentlyDeletedDialog)
        self.recentlyDeletedEmpty.setObjectName(u"recentlyDeletedEmpty")
        self.recentlyDeletedEmpty.setWordWrap(True)
        self.recentlyDeletedEmpty.setProperty(u"role", u"hint")

        self.recentlyDeletedLayout.addWidget(self.recentlyDeletedEmpty)

        self.recentlyDeletedMessage = QLabel(recentlyDeletedDialog)
        self.recentlyDeletedMessage.setObjectName(u"recentlyDeletedMessage")
        self.recentlyDeletedMessage.setWordWrap(True)
        self.recentlyDeletedMessage.setProperty(u"role", u"hint")

        self.recentlyDeletedLayout.addWidget(self.recentlyDeletedMessage)

        self.recentlyDeletedButtonRow = QHBoxLayout()
        self.recentlyDeletedButtonRow.setObjectName(u"recentlyDeletedButtonRow")
        self.restoreDeletedButton = QPushButton(recentlyDeletedDialog)
        self.restoreDeletedButton.setObjectName(u"restoreDeletedButton")

        self.recentlyDeletedButtonRow.addWidget(self.restoreDeletedButton)

        self.emptyRecentlyDeletedButton = QPushButton(recentlyDeletedDialog)
        self.emptyRecentlyDeletedButton.setObjectName(u"emptyRecentlyDeletedButton")

        self.recentlyDeletedButtonRow.addWidget(self.emptyRecentlyDeletedButton)

        self.recentlyDeletedButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recentlyDeletedButtonRow.addItem(self.recentlyDeletedButtonSpacer)

        self.closeRecentlyDeletedButton = QPushButton(recentlyDeletedDialog)
        self.closeRecentlyDeletedButton.setObjectName(u"closeRecentlyDeletedButton")

        self.recentlyDeletedButtonRow.addWidget(self.closeRecentlyDeletedButton)


        self.recentlyDeletedLayout.addLayout(self.recentlyDeletedButtonRow)


        self.retranslateUi(recentlyDeletedDialog)
    # setupUi

    def retranslateUi(self, recentlyDeletedDialog):
        recentlyDeletedDialog.setWindowTitle(QCoreApplication.translate("RecentlyDeletedDialog", u"Recently deleted", None))
#if QT_CONFIG(accessibility)
        recentlyDeletedDialog.setAccessibleName(QCoreApplication.translate("RecentlyDeletedDialog", u"Recently deleted", None))
#endif // QT_CONFIG(accessibility)
        self.recentlyDeletedIntro.setText(QCoreApplication.translate("RecentlyDeletedDialog", u"Deleted sessions and clients stay here for 30 days, then they are gone for good.", None))
        ___qtreewidgetitem = self.recentlyDeletedList.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("RecentlyDeletedDialog", u"Kept until", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("RecentlyDeletedDialog", u"Deleted", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("RecentlyDeletedDialog", u"Client", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("RecentlyDeletedDialog", u"What", None))
#if QT_CONFIG(accessibility)
        self.recentlyDeletedList.setAccessibleName(QCoreApplication.translate("RecentlyDeletedDialog", u"Recently deleted", None))
#endif // QT_CONFIG(accessibility)
        self.recentlyDeletedEmpty.setText(QCoreApplication.translate("RecentlyDeletedDialog", u"Nothing was deleted recently.", None))
        self.restoreDeletedButton.setText(QCoreApplication.translate("RecentlyDeletedDialog", u"&Restore", None))
#if QT_CONFIG(accessibility)
        self.restoreDeletedButton.setAccessibleName(QCoreApplication.translate("RecentlyDeletedDialog", u"Restore", None))
#endif // QT_CONFIG(accessibility)
        self.emptyRecentlyDeletedButton.setText(QCoreApplication.translate("RecentlyDeletedDialog", u"&Empty now\u2026", None))
#if QT_CONFIG(accessibility)
        self.emptyRecentlyDeletedButton.setAccessibleName(QCoreApplication.translate("RecentlyDeletedDialog", u"Empty now", None))
#endif // QT_CONFIG(accessibility)
        self.closeRecentlyDeletedButton.setText(QCoreApplication.translate("RecentlyDeletedDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeRecentlyDeletedButton.setAccessibleName(QCoreApplication.translate("RecentlyDeletedDialog", u"Close", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

