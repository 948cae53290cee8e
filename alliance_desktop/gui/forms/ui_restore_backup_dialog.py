# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_backup_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QTreeWidget, QVBoxLayout)

class Ui_RestoreBackupDialog(object):
    def setupUi(self, restoreBackupDialog):
        if not restoreBackupDialog.objectName():
            restoreBackupDialog.setObjectName(u"restoreBackupDialog")
        restoreBackupDialog.resize(600, 420)
        self.restoreLayout = QVBoxLayout(restoreBackupDialog)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreIntroLabel = QLabel(restoreBackupDialog)
        self.restoreIntroLabel.setObjectName(u"restoreIntroLabel")
        self.restoreIntroLabel.setWordWrap(True)
        self.restoreIntroLabel.setProperty(u"role", u"hint")

        self.restoreLayout.addWidget(self.restoreIntroLabel)

        self.backupList = QTreeWidget(restoreBackupDialog)
        self.backupList.setObjectName(u"backupList")
        self.backupList.setRootIsDecorated(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.backupList.sizePolicy().hasHeightForWidth())
        self.backupList.setSizePolicy(sizePolicy)

        self.restoreLayout.addWidget(self.backupList)

        self.restoreEmptyLabel = QLabel(restoreBackupDialog)
        self.restoreEmptyLabel.setObjectName(u"restoreEmptyLabel")
        self.restoreEmptyLabel.setWordWrap(True)
        self.restoreEmptyLabel.setProperty(u"role", u"hint")

        self.restoreLayout.addWidget(self.restoreEmptyLabel)

        self.restoreForm = QFormLayout()
        self.restoreForm.setObjectName(u"restoreForm")
        self.restorePassphraseLabel = QLabel(restoreBackupDialog)
        self.restorePassphraseLabel.setObjectName(u"restorePassphraseLabel")

        self.restoreForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.restorePassphraseLabel)

        self.restorePassphraseEdit = QLineEdit(restoreBackupDialog)
        self.restorePassphraseEdit.setObjectName(u"restorePassphraseEdit")
        self.restorePassphraseEdit.setEchoMode(QLineEdit.Password)

        self.restoreForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.restorePassphraseEdit)


        self.restoreLayout.addLayout(self.restoreForm)

        self.restoreFeedbackLabel = QLabel(restoreBackupDialog)
        self.restoreFeedbackLabel.setObjectName(u"restoreFeedbackLabel")
        self.restoreFeedbackLabel.setWordWrap(True)
        self.restoreFeedbackLabel.setProperty(u"role", u"error")

        self.restoreLayout.addWidget(self.restoreFeedbackLabel)

        self.restoreButtons = QDialogButtonBox(restoreBackupDialog)
        self.restoreButtons.setObjectName(u"restoreButtons")
        self.restoreButtons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.restoreLayout.addWidget(self.restoreButtons)

#if QT_CONFIG(shortcut)
        self.restorePassphraseLabel.setBuddy(self.restorePassphraseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(restoreBackupDialog)
    # setupUi

    def retranslateUi(self, restoreBackupDialog):
        restoreBackupDialog.setWindowTitle(QCoreApplication.translate("RestoreBackupDialog", u"Restore a backup", None))
#if QT_CONFIG(accessibility)
        restoreBackupDialog.setAccessibleName(QCoreApplication.translate("RestoreBackupDialog", u"Restore a backup", None))
#endif // QT_CONFIG(accessibility)
        ___qtreewidgetitem = self.backupList.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("RestoreBackupDialog", u"State", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("RestoreBackupDialog", u"Size", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("RestoreBackupDialog", u"Sessions", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("RestoreBackupDialog", u"Time", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("RestoreBackupDialog", u"Date", None))
#if QT_CONFIG(accessibility)
        self.backupList.setAccessibleName(QCoreApplication.translate("RestoreBackupDialog", u"Backups", None))
#endif // QT_CONFIG(accessibility)
        self.restoreEmptyLabel.setText(QCoreApplication.translate("RestoreBackupDialog", u"There are no backups in this folder yet.", None))
        self.restorePassphraseLabel.setText(QCoreApplication.translate("RestoreBackupDialog", u"The backup's &passphrase:", None))
#if QT_CONFIG(accessibility)
        self.restorePassphraseEdit.setAccessibleName(QCoreApplication.translate("RestoreBackupDialog", u"The backup's passphrase", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

