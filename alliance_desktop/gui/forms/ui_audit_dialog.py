# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QLabel, QTableView, QVBoxLayout)

class Ui_AuditDialog(object):
    def setupUi(self, auditDialog):
        if not auditDialog.objectName():
            auditDialog.setObjectName(u"auditDialog")
        auditDialog.resize(560, 420)
        self.auditLayout = QVBoxLayout(auditDialog)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditIntroLabel = QLabel(auditDialog)
        self.auditIntroLabel.setObjectName(u"auditIntroLabel")
        self.auditIntroLabel.setWordWrap(True)

        self.auditLayout.addWidget(self.auditIntroLabel)

        self.auditTable = QTableView(auditDialog)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setAlternatingRowColors(True)
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.auditTable.horizontalHeader().setStretchLastSection(True)
        self.auditTable.verticalHeader().setVisible(False)

        self.auditLayout.addWidget(self.auditTable)

        self.auditEmptyLabel = QLabel(auditDialog)
        self.auditEmptyLabel.setObjectName(u"auditEmptyLabel")
        self.auditEmptyLabel.setProperty(u"role", u"hint")

        self.auditLayout.addWidget(self.auditEmptyLabel)

        self.auditButtons = QDialogButtonBox(auditDialog)
        self.auditButtons.setObjectName(u"auditButtons")
        self.auditButtons.setStandardButtons(QDialogButtonBox.Close)

        self.auditLayout.addWidget(self.auditButtons)


        self.retranslateUi(auditDialog)
    # setupUi

    def retranslateUi(self, auditDialog):
        auditDialog.setWindowTitle(QCoreApplication.translate("AuditDialog", u"Vault activity", None))
        self.auditIntroLabel.setText(QCoreApplication.translate("AuditDialog", u"What happened to this vault and when. The log records events only, never what was written.", None))
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleName(QCoreApplication.translate("AuditDialog", u"Vault activity, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.auditEmptyLabel.setText(QCoreApplication.translate("AuditDialog", u"Nothing recorded yet.", None))
    # retranslateUi

