# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'create_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CreatePage(object):
    def setupUi(self, createPage):
        if not createPage.objectName():
            createPage.setObjectName(u"createPage")
        createPage.resize(560, 560)
        self.createPageLayout = QGridLayout(createPage)
        self.createPageLayout.setObjectName(u"createPageLayout")
        self.createTopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.createPageLayout.addItem(self.createTopSpacer, 0, 1, 1, 1)

        self.createLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createPageLayout.addItem(self.createLeftSpacer, 1, 0, 1, 1)

        self.createColumn = QWidget(createPage)
        self.createColumn.setObjectName(u"createColumn")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.createColumn.sizePolicy().hasHeightForWidth())
        self.createColumn.setSizePolicy(sizePolicy)
        self.createColumnLayout = QVBoxLayout(self.createColumn)
        self.createColumnLayout.setSpacing(8)
        self.createColumnLayout.setObjectName(u"createColumnLayout")
        self.createColumnLayout.setContentsMargins(0, 0, 0, 0)
        self.createIconLabel = QLabel(self.createColumn)
        self.createIconLabel.setObjectName(u"createIconLabel")
        self.createIconLabel.setProperty(u"alignment", u"AlignCenter")

        self.createColumnLayout.addWidget(self.createIconLabel)

        self.createTitleLabel = QLabel(self.createColumn)
        self.createTitleLabel.setObjectName(u"createTitleLabel")
        self.createTitleLabel.setProperty(u"alignment", u"AlignCenter")
        self.createTitleLabel.setWordWrap(True)
        self.createTitleLabel.setProperty(u"role", u"title")

        self.createColumnLayout.addWidget(self.createTitleLabel)

        self.promiseLabel = QLabel(self.createColumn)
        self.promiseLabel.setObjectName(u"promiseLabel")
        self.promiseLabel.setWordWrap(True)

        self.createColumnLayout.addWidget(self.promiseLabel)

        self.newPassphraseLabel = QLabel(self.createColumn)
        self.newPassphraseLabel.setObjectName(u"newPassphraseLabel")

        self.createColumnLayout.addWidget(self.newPassphraseLabel)

        self.newPassphraseEdit = QLineEdit(self.createColumn)
        self.newPassphraseEdit.setObjectName(u"newPassphraseEdit")
        self.newPassphraseEdit.setEchoMode(QLineEdit.Password)

        self.createColumnLayout.addWidget(self.newPassphraseEdit)

        self.strengthBar = QProgressBar(self.createColumn)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(100)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.createColumnLayout.addWidget(self.strengthBar)

        self.strengthLabel = QLabel(self.createColumn)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)
        self.strengthLabel.setProperty(u"role", u"hint")

        self.createColumnLayout.addWidget(self.strengthLabel)

        self.confirmPassphraseLabel = QLabel(self.createColumn)
        self.confirmPassphraseLabel.setObjectName(u"confirmPassphraseLabel")

        self.createColumnLayout.addWidget(self.confirmPassphraseLabel)

        self.confirmPassphraseEdit = QLineEdit(self.createColumn)
        self.confirmPassphraseEdit.setObjectName(u"confirmPassphraseEdit")
        self.confirmPassphraseEdit.setEchoMode(QLineEdit.Password)

        self.createColumnLayout.addWidget(self.confirmPassphraseEdit)

        self.mismatchLabel = QLabel(self.createColumn)
        self.mismatchLabel.setObjectName(u"mismatchLabel")
        self.mismatchLabel.setWordWrap(True)
        self.mismatchLabel.setProperty(u"role", u"error")

        self.createColumnLayout.addWidget(self.mismatchLabel)

        self.createCapsLockLabel = QLabel(self.createColumn)
        self.createCapsLockLabel.setObjectName(u"createCapsLockLabel")
        self.createCapsLockLabel.setWordWrap(True)
        self.createCapsLockLabel.setProperty(u"role", u"error")

        self.createColumnLayout.addWidget(self.createCapsLockLabel)

        self.createMessageLabel = QLabel(self.createColumn)
        self.createMessageLabel.setObjectName(u"createMessageLabel")
        self.createMessageLabel.setWordWrap(True)
        self.createMessageLabel.setProperty(u"textInteractionFlags", u"TextSelectableByMouse")
        self.createMessageLabel.setProperty(u"role", u"error")

        self.createColumnLayout.addWidget(self.createMessageLabel)

        self.createButtonRow = QHBoxLayout()
        self.createButtonRow.setObjectName(u"createButtonRow")
        self.createButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createButtonRow.addItem(self.createButtonSpacer)

        self.createVaultButton = QPushButton(self.createColumn)
        self.createVaultButton.setObjectName(u"createVaultButton")

        self.createButtonRow.addWidget(self.createVaultButton)


        self.createColumnLayout.addLayout(self.createButtonRow)

        self.createLocationRow = QVBoxLayout()
        self.createLocationRow.setSpacing(0)
        self.createLocationRow.setObjectName(u"createLocationRow")
        self.createLocationLabel = QLabel(self.createColumn)
        self.createLocationLabel.setObjectName(u"createLocationLabel")
        self.createLocationLabel.setProperty(u"role", u"hint")

        self.createLocationRow.addWidget(self.createLocationLabel)

        self.createPathEdit = QLineEdit(self.createColumn)
        self.createPathEdit.setObjectName(u"createPathEdit")
        self.createPathEdit.setReadOnly(True)
        self.createPathEdit.setFrame(False)

        self.createLocationRow.addWidget(self.createPathEdit)


        self.createColumnLayout.addLayout(self.createLocationRow)


        self.createPageLayout.addWidget(self.createColumn, 1, 1, 1, 1)

        self.createRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createPageLayout.addItem(self.createRightSpacer, 1, 2, 1, 1)

        self.createBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.createPageLayout.addItem(self.createBottomSpacer, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.newPassphraseLabel.setBuddy(self.newPassphraseEdit)
        self.confirmPassphraseLabel.setBuddy(self.confirmPassphraseEdit)
        self.createLocationLabel.setBuddy(self.createPathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newPassphraseEdit, self.confirmPassphraseEdit)
        QWidget.setTabOrder(self.confirmPassphraseEdit, self.createVaultButton)
        QWidget.setTabOrder(self.createVaultButton, self.createPathEdit)

        self.retranslateUi(createPage)

        self.createVaultButton.setDefault(True)

    # setupUi

    def retranslateUi(self, createPage):
        self.createTitleLabel.setText(QCoreApplication.translate("CreatePage", u"Welcome to Alliance Desktop", None))
        self.promiseLabel.setText(QCoreApplication.translate("CreatePage", u"Everything you write here stays on this computer, in one file encrypted with a passphrase that only you know. No one can recover a forgotten passphrase, not even us, so keep it somewhere safe, such as a password manager.", None))
        self.newPassphraseLabel.setText(QCoreApplication.translate("CreatePage", u"Choose a &passphrase", None))
        self.newPassphraseEdit.setPlaceholderText(QCoreApplication.translate("CreatePage", u"Four or five unrelated words work well", None))
#if QT_CONFIG(accessibility)
        self.newPassphraseEdit.setAccessibleName(QCoreApplication.translate("CreatePage", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("CreatePage", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.confirmPassphraseLabel.setText(QCoreApplication.translate("CreatePage", u"&Type it again", None))
#if QT_CONFIG(accessibility)
        self.confirmPassphraseEdit.setAccessibleName(QCoreApplication.translate("CreatePage", u"Confirm passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.createVaultButton.setText(QCoreApplication.translate("CreatePage", u"&Create vault", None))
#if QT_CONFIG(accessibility)
        self.createVaultButton.setAccessibleName(QCoreApplication.translate("CreatePage", u"Create vault", None))
#endif // QT_CONFIG(accessibility)
        self.createLocationLabel.setText(QCoreApplication.translate("CreatePage", u"Vault file:", None))
#if QT_CONFIG(accessibility)
        self.createPathEdit.setAccessibleName(QCoreApplication.translate("CreatePage", u"Vault location", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

