# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'client_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_ClientDialog(object):
    def setupUi(self, ClientDialog):
        if not ClientDialog.objectName():
            ClientDialog.setObjectName(u"ClientDialog")
        ClientDialog.resize(460, 360)
        self.rootLayout = QVBoxLayout(ClientDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.codeLabel = QLabel(ClientDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(ClientDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(ClientDialog)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.startLabel = QLabel(ClientDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startDateEdit = QDateEdit(ClientDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")
        self.startDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.goalsLabel = QLabel(ClientDialog)
        self.goalsLabel.setObjectName(u"goalsLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.goalsLabel)

        self.goalsEdit = QPlainTextEdit(ClientDialog)
        self.goalsEdit.setObjectName(u"goalsEdit")
        self.goalsEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.goalsEdit)

        self.goalsError = QLabel(ClientDialog)
        self.goalsError.setObjectName(u"goalsError")
        self.goalsError.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.goalsError)

        self.privacyHint = QLabel(ClientDialog)
        self.privacyHint.setObjectName(u"privacyHint")
        self.privacyHint.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.privacyHint)


        self.rootLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ClientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.rootLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.startLabel.setBuddy(self.startDateEdit)
        self.goalsLabel.setBuddy(self.goalsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.goalsEdit)
        QWidget.setTabOrder(self.goalsEdit, self.startDateEdit)

        self.retranslateUi(ClientDialog)
    # setupUi

    def retranslateUi(self, ClientDialog):
        ClientDialog.setWindowTitle(QCoreApplication.translate("ClientDialog", u"Client", None))
        self.codeLabel.setText(QCoreApplication.translate("ClientDialog", u"&Code", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ClientDialog", u"A pseudonym, e.g. Bryn 02", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("ClientDialog", u"Client code", None))
#endif // QT_CONFIG(accessibility)
        self.codeError.setText("")
        self.codeError.setProperty(u"role", QCoreApplication.translate("ClientDialog", u"error", None))
        self.startLabel.setText(QCoreApplication.translate("ClientDialog", u"&Started", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("ClientDialog", u"Start date", None))
#endif // QT_CONFIG(accessibility)
        self.goalsLabel.setText(QCoreApplication.translate("ClientDialog", u"&Goals", None))
        self.goalsEdit.setPlaceholderText(QCoreApplication.translate("ClientDialog", u"What the client wants from the work, in their words", None))
#if QT_CONFIG(accessibility)
        self.goalsEdit.setAccessibleName(QCoreApplication.translate("ClientDialog", u"Goals", None))
#endif // QT_CONFIG(accessibility)
        self.goalsError.setText("")
        self.goalsError.setProperty(u"role", QCoreApplication.translate("ClientDialog", u"error", None))
        self.privacyHint.setText(QCoreApplication.translate("ClientDialog", u"Use a code rather than a name: it keeps these notes private even on screen.", None))
        self.privacyHint.setProperty(u"role", QCoreApplication.translate("ClientDialog", u"hint", None))
    # retranslateUi

