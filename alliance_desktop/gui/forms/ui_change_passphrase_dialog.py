# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_passphrase_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout)

class Ui_ChangePassphraseDialog(object):
    def setupUi(self, changePassphraseDialog):
        if not changePassphraseDialog.objectName():
            changePassphraseDialog.setObjectName(u"changePassphraseDialog")
        self.changePassphraseLayout = QVBoxLayout(changePassphraseDialog)
        self.changePassphraseLayout.setObjectName(u"changePassphraseLayout")
        self.changePassphraseForm = QFormLayout()
        self.changePassphraseForm.setObjectName(u"changePassphraseForm")
        self.currentPassphraseLabel = QLabel(changePassphraseDialog)
        self.currentPassphraseLabel.setObjectName(u"currentPassphraseLabel")

        self.changePassphraseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentPassphraseLabel)

        self.currentPassphraseEdit = QLineEdit(changePassphraseDialog)
        self.currentPassphraseEdit.setObjectName(u"currentPassphraseEdit")
        self.currentPassphraseEdit.setEchoMode(QLineEdit.Password)

        self.changePassphraseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentPassphraseEdit)

        self.newPassphraseLabel = QLabel(changePassphraseDialog)
        self.newPassphraseLabel.setObjectName(u"newPassphraseLabel")

        self.changePassphraseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newPassphraseLabel)

        self.newPassphraseEdit = QLineEdit(changePassphraseDialog)
        self.newPassphraseEdit.setObjectName(u"newPassphraseEdit")
        self.newPassphraseEdit.setEchoMode(QLineEdit.Password)

        self.changePassphraseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPassphraseEdit)

        self.repeatPassphraseLabel = QLabel(changePassphraseDialog)
        self.repeatPassphraseLabel.setObjectName(u"repeatPassphraseLabel")

        self.changePassphraseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatPassphraseLabel)

        self.repeatPassphraseEdit = QLineEdit(changePassphraseDialog)
        self.repeatPassphraseEdit.setObjectName(u"repeatPassphraseEdit")
        self.repeatPassphraseEdit.setEchoMode(QLineEdit.Password)

        self.changePassphraseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatPassphraseEdit)


        self.changePassphraseLayout.addLayout(self.changePassphraseForm)

        self.passphraseStrengthBar = QProgressBar(changePassphraseDialog)
        self.passphraseStrengthBar.setObjectName(u"passphraseStrengthBar")
        self.passphraseStrengthBar.setMaximumSize(QSize(16777215, 8))
        self.passphraseStrengthBar.setMaximum(100)
        self.passphraseStrengthBar.setValue(0)
        self.passphraseStrengthBar.setTextVisible(False)

        self.changePassphraseLayout.addWidget(self.passphraseStrengthBar)

        self.passphraseStrengthLabel = QLabel(changePassphraseDialog)
        self.passphraseStrengthLabel.setObjectName(u"passphraseStrengthLabel")
        self.passphraseStrengthLabel.setWordWrap(True)
        self.passphraseStrengthLabel.setProperty(u"role", u"hint")

        self.changePassphraseLayout.addWidget(self.passphraseStrengthLabel)

        self.changePassphraseFeedback = QLabel(changePassphraseDialog)
        self.changePassphraseFeedback.setObjectName(u"changePassphraseFeedback")
        self.changePassphraseFeedback.setWordWrap(True)
        self.changePassphraseFeedback.setProperty(u"role", u"error")

        self.changePassphraseLayout.addWidget(self.changePassphraseFeedback)

        self.changePassphraseButtons = QDialogButtonBox(changePassphraseDialog)
        self.changePassphraseButtons.setObjectName(u"changePassphraseButtons")
        self.changePassphraseButtons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.changePassphraseLayout.addWidget(self.changePassphraseButtons)

#if QT_CONFIG(shortcut)
        self.currentPassphraseLabel.setBuddy(self.currentPassphraseEdit)
        self.newPassphraseLabel.setBuddy(self.newPassphraseEdit)
        self.repeatPassphraseLabel.setBuddy(self.repeatPassphraseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(changePassphraseDialog)
    # setupUi

    def retranslateUi(self, changePassphraseDialog):
        changePassphraseDialog.setWindowTitle(QCoreApplication.translate("ChangePassphraseDialog", u"Change passphrase", None))
#if QT_CONFIG(accessibility)
        changePassphraseDialog.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Change passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.currentPassphraseLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&Current passphrase:", None))
#if QT_CONFIG(accessibility)
        self.currentPassphraseEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.newPassphraseLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&New passphrase:", None))
#if QT_CONFIG(accessibility)
        self.newPassphraseEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.repeatPassphraseLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase &again:", None))
#if QT_CONFIG(accessibility)
        self.repeatPassphraseEdit.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.passphraseStrengthBar.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

