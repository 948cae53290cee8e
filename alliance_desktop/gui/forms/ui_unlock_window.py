# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_UnlockWindow(object):
    def setupUi(self, unlockWindow):
        if not unlockWindow.objectName():
            unlockWindow.setObjectName(u"unlockWindow")
        unlockWindow.resize(560, 560)
        self.rootLayout = QVBoxLayout(unlockWindow)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(unlockWindow)
        self.pages.setObjectName(u"pages")
        self.unlockPage = QWidget()
        self.unlockPage.setObjectName(u"unlockPage")
        self.unlockPageLayout = QGridLayout(self.unlockPage)
        self.unlockPageLayout.setObjectName(u"unlockPageLayout")
        self.unlockTopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unlockPageLayout.addItem(self.unlockTopSpacer, 0, 1, 1, 1)

        self.unlockLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockPageLayout.addItem(self.unlockLeftSpacer, 1, 0, 1, 1)

        self.unlockColumn = QWidget(self.unlockPage)
        self.unlockColumn.setObjectName(u"unlockColumn")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unlockColumn.sizePolicy().hasHeightForWidth())
        self.unlockColumn.setSizePolicy(sizePolicy)
        self.unlockColumnLayout = QVBoxLayout(self.unlockColumn)
        self.unlockColumnLayout.setSpacing(8)
        self.unlockColumnLayout.setObjectName(u"unlockColumnLayout")
        self.unlockColumnLayout.setContentsMargins(0, 0, 0, 0)
        self.unlockIconLabel = QLabel(self.unlockColumn)
        self.unlockIconLabel.setObjectName(u"unlockIconLabel")
        self.unlockIconLabel.setProperty(u"alignment", u"AlignCenter")

        self.unlockColumnLayout.addWidget(self.unlockIconLabel)

        self.unlockTitleLabel = QLabel(self.unlockColumn)
        self.unlockTitleLabel.setObjectName(u"unlockTitleLabel")
        self.unlockTitleLabel.setProperty(u"alignment", u"AlignCenter")
        self.unlockTitleLabel.setWordWrap(True)
        self.unlockTitleLabel.setProperty(u"role", u"title")

        self.unlockColumnLayout.addWidget(self.unlockTitleLabel)

        self.passphraseLabel = QLabel(self.unlockColumn)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.unlockColumnLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.unlockColumn)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)

        self.unlockColumnLayout.addWidget(self.passphraseEdit)

        self.capsLockLabel = QLabel(self.unlockColumn)
        self.capsLockLabel.setObjectName(u"capsLockLabel")
        self.capsLockLabel.setWordWrap(True)
        self.capsLockLabel.setProperty(u"role", u"error")

        self.unlockColumnLayout.addWidget(self.capsLockLabel)

        self.unlockMessageLabel = QLabel(self.unlockColumn)
        self.unlockMessageLabel.setObjectName(u"unlockMessageLabel")
        self.unlockMessageLabel.setWordWrap(True)
        self.unlockMessageLabel.setProperty(u"textInteractionFlags", u"TextSelectableByMouse")
        self.unlockMessageLabel.setProperty(u"role", u"error")

        self.unlockColumnLayout.addWidget(self.unlockMessageLabel)

        self.unlockButtonRow = QHBoxLayout()
        self.unlockButtonRow.setObjectName(u"unlockButtonRow")
        self.unlockButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockButtonRow.addItem(self.unlockButtonSpacer)

        self.unlockButton = QPushButton(self.unlockColumn)
        self.unlockButton.setObjectName(u"unlockButton")

        self.unlockButtonRow.addWidget(self.unlockButton)


        self.unlockColumnLayout.addLayout(self.unlockButtonRow)

        self.unlockLocationRow = QVBoxLayout()
        self.unlockLocationRow.setSpacing(0)
        self.unlockLocationRow.setObjectName(u"unlockLocationRow")
        self.unlockLocationLabel = QLabel(self.unlockColumn)
        self.unlockLocationLabel.setObjectName(u"unlockLocationLabel")
        self.unlockLocationLabel.setProperty(u"role", u"hint")

        self.unlockLocationRow.addWidget(self.unlockLocationLabel)

        self.unlockPathEdit = QLineEdit(self.unlockColumn)
        self.unlockPathEdit.setObjectName(u"unlockPathEdit")
        self.unlockPathEdit.setReadOnly(True)
        self.unlockPathEdit.setFrame(False)

        self.unlockLocationRow.addWidget(self.unlockPathEdit)


        self.unlockColumnLayout.addLayout(self.unlockLocationRow)


        self.unlockPageLayout.addWidget(self.unlockColumn, 1, 1, 1, 1)

        self.unlockRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockPageLayout.addItem(self.unlockRightSpacer, 1, 2, 1, 1)

        self.unlockBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unlockPageLayout.addItem(self.unlockBottomSpacer, 2, 1, 1, 1)

        self.pages.addWidget(self.unlockPage)

        self.rootLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.unlockLocationLabel.setBuddy(self.unlockPathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.unlockPathEdit)

        self.retranslateUi(unlockWindow)

        self.pages.setCurrentIndex(0)
        self.unlockButton.setDefault(True)

    # setupUi

    def retranslateUi(self, unlockWindow):
        unlockWindow.setWindowTitle(QCoreApplication.translate("UnlockWindow", u"Alliance Desktop", None))
        self.unlockTitleLabel.setText(QCoreApplication.translate("UnlockWindow", u"Unlock your vault", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockWindow", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("UnlockWindow", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.unlockButton.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
        self.unlockLocationLabel.setText(QCoreApplication.translate("UnlockWindow", u"Vault file:", None))
#if QT_CONFIG(accessibility)
        self.unlockPathEdit.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Vault location", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

