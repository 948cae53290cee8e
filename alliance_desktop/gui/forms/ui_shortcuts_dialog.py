# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcuts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_ShortcutsDialog(object):
    def setupUi(self, shortcutsDialog):
        if not shortcutsDialog.objectName():
            shortcutsDialog.setObjectName(u"shortcutsDialog")
        self.shortcutsLayout = QVBoxLayout(shortcutsDialog)
        self.shortcutsLayout.setObjectName(u"shortcutsLayout")
        self.shortcutsTable = QTableWidget(shortcutsDialog)
        if (self.shortcutsTable.columnCount() < 2):
            self.shortcutsTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.shortcutsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.shortcutsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.shortcutsTable.setObjectName(u"shortcutsTable")
        self.shortcutsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.shortcutsTable.setTabKeyNavigation(False)
        self.shortcutsTable.setAlternatingRowColors(True)
        self.shortcutsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.shortcutsTable.setWordWrap(False)
        self.shortcutsTable.setColumnCount(2)
        self.shortcutsTable.verticalHeader().setVisible(False)

        self.shortcutsLayout.addWidget(self.shortcutsTable)

        self.buttonBox = QDialogButtonBox(shortcutsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.shortcutsLayout.addWidget(self.buttonBox)


        self.retranslateUi(shortcutsDialog)
    # setupUi

    def retranslateUi(self, shortcutsDialog):
        shortcutsDialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
        ___qtablewidgetitem = self.shortcutsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ShortcutsDialog", u"Action", None))
        ___qtablewidgetitem1 = self.shortcutsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ShortcutsDialog", u"Shortcut", None))
#if QT_CONFIG(accessibility)
        self.shortcutsTable.setAccessibleName(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

