# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

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
        self.createPage = QWidget()
        self.createPage.setObjectName(u"createPage")
        self.createPageLayout = QGridLayout(self.createPage)
        self.createPageLayout.setObjectName(u"createPageLayout")
        self.createTopSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.createPageLayout.addItem(self.createTopSpacer, 0, 1, 1, 1)

        self.createLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createPageLayout.addItem(self.createLeftSpacer, 1, 0, 1, 1)

        self.createColumn = QWidget(self.createPage)
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
        self.createIconLabel.setAlignment(Qt.AlignCenter)

        self.createColumnLayout.addWidget(self.createIconLabel)

        self.createTitleLabel = QLabel(self.createColumn)
        self.createTitleLabel.setObjectName(u"createTitleLabel")
        self.createTitleLabel.setAlignment(Qt.AlignCenter)
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
        self.createMessageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
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

        self.pages.addWidget(self.createPage)
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
        sizePolicy.setHeightForWidth(self.unlockColumn.sizePolicy().hasHeightForWidth())
        self.unlockColumn.setSizePolicy(sizePolicy)
        self.unlockColumnLayout = QVBoxLayout(self.unlockColumn)
        self.unlockColumnLayout.setSpacing(8)
        self.unlockColumnLayout.setObjectName(u"unlockColumnLayout")
        self.unlockColumnLayout.setContentsMargins(0, 0, 0, 0)
        self.unlockIconLabel = QLabel(self.unlockColumn)
        self.unlockIconLabel.setObjectName(u"unlockIconLabel")
        self.unlockIconLabel.setAlignment(Qt.AlignCenter)

        self.unlockColumnLayout.addWidget(self.unlockIconLabel)

        self.unlockTitleLabel = QLabel(self.unlockColumn)
        self.unlockTitleLabel.setObjectName(u"unlockTitleLabel")
        self.unlockTitleLabel.setAlignment(Qt.AlignCenter)
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
        self.unlockMessageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
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
        self.newPassphraseLabel.setBuddy(self.newPassphraseEdit)
        self.confirmPassphraseLabel.setBuddy(self.confirmPassphraseEdit)
        self.createLocationLabel.setBuddy(self.createPathEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.unlockLocationLabel.setBuddy(self.unlockPathEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newPassphraseEdit, self.confirmPassphraseEdit)
        QWidget.setTabOrder(self.confirmPassphraseEdit, self.createVaultButton)
        QWidget.setTabOrder(self.createVaultButton, self.createPathEdit)
        QWidget.setTabOrder(self.createPathEdit, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.unlockPathEdit)

        self.retranslateUi(unlockWindow)

        self.pages.setCurrentIndex(1)
        self.createVaultButton.setDefault(True)
        self.unlockButton.setDefault(True)

    # setupUi

    def retranslateUi(self, unlockWindow):
        unlockWindow.setWindowTitle(QCoreApplication.translate("UnlockWindow", u"Alliance Desktop", None))
        self.createTitleLabel.setText(QCoreApplication.translate("UnlockWindow", u"Welcome to Alliance Desktop", None))
        self.promiseLabel.setText(QCoreApplication.translate("UnlockWindow", u"Everything you write here stays on this computer, in one file encrypted with a passphrase that only you know. No one can recover a forgotten passphrase, not even us, so keep it somewhere safe, such as a password manager.", None))
        self.newPassphraseLabel.setText(QCoreApplication.translate("UnlockWindow", u"Choose a &passphrase", None))
        self.newPassphraseEdit.setPlaceholderText(QCoreApplication.translate("UnlockWindow", u"Four or five unrelated words work well", None))
#if QT_CONFIG(accessibility)
        self.newPassphraseEdit.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
        self.confirmPassphraseLabel.setText(QCoreApplication.translate("UnlockWindow", u"&Type it again", None))
#if QT_CONFIG(accessibility)
        self.confirmPassphraseEdit.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Confirm passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.createVaultButton.setText(QCoreApplication.translate("UnlockWindow", u"&Create vault", None))
#if QT_CONFIG(accessibility)
        self.createVaultButton.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Create vault", None))
#endif // QT_CONFIG(accessibility)
        self.createLocationLabel.setText(QCoreApplication.translate("UnlockWindow", u"Vault file:", None))
#if QT_CONFIG(accessibility)
        self.createPathEdit.setAccessibleName(QCoreApplication.translate("UnlockWindow", u"Vault location", None))
#endif // QT_CONFIG(accessibility)
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

