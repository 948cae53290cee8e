# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout)

class Ui_CrashDialog(object):
    def setupUi(self, crashDialog):
        if not crashDialog.objectName():
            crashDialog.setObjectName(u"crashDialog")
        crashDialog.resize(560, 360)
        self.crashLayout = QVBoxLayout(crashDialog)
        self.crashLayout.setObjectName(u"crashLayout")
        self.crashMessageLabel = QLabel(crashDialog)
        self.crashMessageLabel.setObjectName(u"crashMessageLabel")
        self.crashMessageLabel.setWordWrap(True)

        self.crashLayout.addWidget(self.crashMessageLabel)

        self.crashSummaryLabel = QLabel(crashDialog)
        self.crashSummaryLabel.setObjectName(u"crashSummaryLabel")

        self.crashLayout.addWidget(self.crashSummaryLabel)

        self.crashSummary = QPlainTextEdit(crashDialog)
        self.crashSummary.setObjectName(u"crashSummary")
        self.crashSummary.setReadOnly(True)

        self.crashLayout.addWidget(self.crashSummary)

        self.crashButtons = QDialogButtonBox(crashDialog)
        self.crashButtons.setObjectName(u"crashButtons")
        self.crashButtons.setStandardButtons(QDialogButtonBox.Close)

        self.crashLayout.addWidget(self.crashButtons)

#if QT_CONFIG(shortcut)
        self.crashSummaryLabel.setBuddy(self.crashSummary)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(crashDialog)
    # setupUi

    def retranslateUi(self, crashDialog):
        crashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Something went wrong", None))
        self.crashMessageLabel.setText(QCoreApplication.translate("CrashDialog", u"Something unexpected went wrong. Your vault is safe: every change is written in one step, so nothing was half-saved. You can carry on; if this keeps happening, the summary below helps us find the cause. It contains no client data.", None))
        self.crashSummaryLabel.setText(QCoreApplication.translate("CrashDialog", u"&Technical summary", None))
#if QT_CONFIG(accessibility)
        self.crashSummary.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Technical summary", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

