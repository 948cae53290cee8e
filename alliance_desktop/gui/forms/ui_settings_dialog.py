# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, settingsDialog):
        if not settingsDialog.objectName():
            settingsDialog.setObjectName(u"settingsDialog")
        settingsDialog.resize(560, 600)
        self.rootLayout = QVBoxLayout(settingsDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.computerGroup = QGroupBox(settingsDialog)
        self.computerGroup.setObjectName(u"computerGroup")
        self.computerForm = QFormLayout(self.computerGroup)
        self.computerForm.setObjectName(u"computerForm")
        self.computerForm.setLabelAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignVCenter)
        self.autoLockLabel = QLabel(self.computerGroup)
        self.autoLockLabel.setObjectName(u"autoLockLabel")

        self.computerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.autoLockLabel)

        self.autoLockSpin = QSpinBox(self.computerGroup)
        self.autoLockSpin.setObjectName(u"autoLockSpin")
        self.autoLockSpin.setMinimum(1)
        self.autoLockSpin.setMaximum(60)
        self.autoLockSpin.setValue(5)

        self.computerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.autoLockSpin)

        self.themeLabel = QLabel(self.computerGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.computerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(self.computerGroup)
        self.themeCombo.setObjectName(u"themeCombo")

        self.computerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themeCombo)

        self.backupFolderLabel = QLabel(self.computerGroup)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.computerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.backupFolderLabel)

        self.backupFolderRow = QHBoxLayout()
        self.backupFolderRow.setObjectName(u"backupFolderRow")
        self.backupFolderEdit = QLineEdit(self.computerGroup)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")
        self.backupFolderEdit.setClearButtonEnabled(True)

        self.backupFolderRow.addWidget(self.backupFolderEdit)

        self.browseBackupButton = QPushButton(self.computerGroup)
        self.browseBackupButton.setObjectName(u"browseBackupButton")

        self.backupFolderRow.addWidget(self.browseBackupButton)


        self.computerForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.backupFolderRow)

        self.backupFolderError = QLabel(self.computerGroup)
        self.backupFolderError.setObjectName(u"backupFolderError")
        self.backupFolderError.setWordWrap(True)
        self.backupFolderError.setProperty(u"role", u"error")

        self.computerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.backupFolderError)

        self.reminderLabel = QLabel(self.computerGroup)
        self.reminderLabel.setObjectName(u"reminderLabel")

        self.computerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reminderLabel)

        self.reminderRow = QHBoxLayout()
        self.reminderRow.setObjectName(u"reminderRow")
        self.reminderCheck = QCheckBox(self.computerGroup)
        self.reminderCheck.setObjectName(u"reminderCheck")

        self.reminderRow.addWidget(self.reminderCheck)

        self.reminderTimeEdit = QTimeEdit(self.computerGroup)
        self.reminderTimeEdit.setObjectName(u"reminderTimeEdit")
        self.reminderTimeEdit.setDisplayFormat(u"HH:mm")

        self.reminderRow.addWidget(self.reminderTimeEdit)

        self.reminderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reminderRow.addItem(self.reminderSpacer)


        self.computerForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.reminderRow)

        self.backupKeepLabel = QLabel(self.computerGroup)
        self.backupKeepLabel.setObjectName(u"backupKeepLabel")

        self.computerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.backupKeepLabel)

        self.backupKeepSpin = QSpinBox(self.computerGroup)
        self.backupKeepSpin.setObjectName(u"backupKeepSpin")
        self.backupKeepSpin.setMinimum(1)
        self.backupKeepSpin.setMaximum(100)
        self.backupKeepSpin.setValue(10)

        self.computerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.backupKeepSpin)

        self.computerHint = QLabel(self.computerGroup)
        self.computerHint.setObjectName(u"computerHint")
        self.computerHint.setWordWrap(True)
        self.computerHint.setProperty(u"role", u"hint")

        self.computerForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.computerHint)


        self.rootLayout.addWidget(self.computerGroup)

        self.vaultGroup = QGroupBox(settingsDialog)
        self.vaultGroup.setObjectName(u"vaultGroup")
        self.vaultForm = QFormLayout(self.vaultGroup)
        self.vaultForm.setObjectName(u"vaultForm")
        self.vaultForm.setLabelAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignVCenter)
        self.ratingMaxLabel = QLabel(self.vaultGroup)
        self.ratingMaxLabel.setObjectName(u"ratingMaxLabel")

        self.vaultForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ratingMaxLabel)

        self.ratingMaxSpin = QDoubleSpinBox(self.vaultGroup)
        self.ratingMaxSpin.setObjectName(u"ratingMaxSpin")
        self.ratingMaxSpin.setDecimals(1)
        self.ratingMaxSpin.setMinimum(1.000000000000000)
        self.ratingMaxSpin.setMaximum(1000.000000000000000)
        self.ratingMaxSpin.setValue(40.000000000000000)

        self.vaultForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ratingMaxSpin)

        self.ratingThresholdLabel = QLabel(self.vaultGroup)
        self.ratingThresholdLabel.setObjectName(u"ratingThresholdLabel")

        self.vaultForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ratingThresholdLabel)

        self.ratingThresholdSpin = QDoubleSpinBox(self.vaultGroup)
        self.ratingThresholdSpin.setObjectName(u"ratingThresholdSpin")
        self.ratingThresholdSpin.setDecimals(1)
        self.ratingThresholdSpin.setMinimum(0.000000000000000)
        self.ratingThresholdSpin.setMaximum(1000.000000000000000)
        self.ratingThresholdSpin.setValue(36.000000000000000)

        self.vaultForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ratingThresholdSpin)

        self.ratingThresholdError = QLabel(self.vaultGroup)
        self.ratingThresholdError.setObjectName(u"ratingThresholdError")
        self.ratingThresholdError.setWordWrap(True)
        self.ratingThresholdError.setProperty(u"role", u"error")

        self.vaultForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ratingThresholdError)

        self.vaultHint = QLabel(self.vaultGroup)
        self.vaultHint.setObjectName(u"vaultHint")
        self.vaultHint.setWordWrap(True)
        self.vaultHint.setProperty(u"role", u"hint")

        self.vaultForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.vaultHint)


        self.rootLayout.addWidget(self.vaultGroup)

        self.alertsGroup = QGroupBox(settingsDialog)
        self.alertsGroup.setObjectName(u"alertsGroup")
        self.alertsForm = QFormLayout(self.alertsGroup)
        self.alertsForm.setObjectName(u"alertsForm")
        self.alertsForm.setLabelAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignVCenter)
        self.dropPointsLabel = QLabel(self.alertsGroup)
        self.dropPointsLabel.setObjectName(u"dropPointsLabel")

        self.alertsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dropPointsLabel)

        self.dropPointsSpin = QDoubleSpinBox(self.alertsGroup)
        self.dropPointsSpin.setObjectName(u"dropPointsSpin")
        self.dropPointsSpin.setDecimals(1)
        self.dropPointsSpin.setMinimum(0.500000000000000)
        self.dropPointsSpin.setMaximum(10.000000000000000)
        self.dropPointsSpin.setSingleStep(0.500000000000000)

        self.alertsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dropPointsSpin)

        self.disengagingLabel = QLabel(self.alertsGroup)
        self.disengagingLabel.setObjectName(u"disengagingLabel")

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.disengagingLabel)

        self.disengagingSpin = QDoubleSpinBox(self.alertsGroup)
        self.disengagingSpin.setObjectName(u"disengagingSpin")
        self.disengagingSpin.setDecimals(1)
        self.disengagingSpin.setMinimum(0.100000000000000)
        self.disengagingSpin.setMaximum(5.000000000000000)
        self.disengagingSpin.setSingleStep(0.100000000000000)

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.disengagingSpin)

        self.gapLabel = QLabel(self.alertsGroup)
        self.gapLabel.setObjectName(u"gapLabel")

        self.alertsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.gapLabel)

        self.gapSpin = QSpinBox(self.alertsGroup)
        self.gapSpin.setObjectName(u"gapSpin")
        self.gapSpin.setMinimum(5)
        self.gapSpin.setMaximum(100)
        self.gapSpin.setSingleStep(5)

        self.alertsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gapSpin)

        self.alertsHint = QLabel(self.alertsGroup)
        self.alertsHint.setObjectName(u"alertsHint")
        self.alertsHint.setWordWrap(True)
        self.alertsHint.setProperty(u"role", u"hint")

        self.alertsForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.alertsHint)


        self.rootLayout.addWidget(self.alertsGroup)

        self.redactionGroup = QGroupBox(settingsDialog)
        self.redactionGroup.setObjectName(u"redactionGroup")
        self.redactionLayout = QVBoxLayout(self.redactionGroup)
        self.redactionLayout.setObjectName(u"redactionLayout")
        self.redactionLabel = QLabel(self.redactionGroup)
        self.redactionLabel.setObjectName(u"redactionLabel")

        self.redactionLayout.addWidget(self.redactionLabel)

        self.redactionEdit = QPlainTextEdit(self.redactionGroup)
        self.redactionEdit.setObjectName(u"redactionEdit")
        self.redactionEdit.setTabChangesFocus(True)

        self.redactionLayout.addWidget(self.redactionEdit)

        self.redactionHint = QLabel(self.redactionGroup)
        self.redactionHint.setObjectName(u"redactionHint")
        self.redactionHint.setWordWrap(True)
        self.redactionHint.setProperty(u"role", u"hint")

        self.redactionLayout.addWidget(self.redactionHint)


        self.rootLayout.addWidget(self.redactionGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rootLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(settingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.rootLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.autoLockLabel.setBuddy(self.autoLockSpin)
        self.themeLabel.setBuddy(self.themeCombo)
        self.backupFolderLabel.setBuddy(self.backupFolderEdit)
        self.reminderLabel.setBuddy(self.reminderCheck)
        self.backupKeepLabel.setBuddy(self.backupKeepSpin)
        self.ratingMaxLabel.setBuddy(self.ratingMaxSpin)
        self.ratingThresholdLabel.setBuddy(self.ratingThresholdSpin)
        self.dropPointsLabel.setBuddy(self.dropPointsSpin)
        self.disengagingLabel.setBuddy(self.disengagingSpin)
        self.gapLabel.setBuddy(self.gapSpin)
        self.redactionLabel.setBuddy(self.redactionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.autoLockSpin, self.themeCombo)
        QWidget.setTabOrder(self.themeCombo, self.backupFolderEdit)
        QWidget.setTabOrder(self.backupFolderEdit, self.browseBackupButton)
        QWidget.setTabOrder(self.browseBackupButton, self.reminderCheck)
        QWidget.setTabOrder(self.reminderCheck, self.reminderTimeEdit)
        QWidget.setTabOrder(self.reminderTimeEdit, self.backupKeepSpin)
        QWidget.setTabOrder(self.backupKeepSpin, self.ratingMaxSpin)
        QWidget.setTabOrder(self.ratingMaxSpin, self.ratingThresholdSpin)
        QWidget.setTabOrder(self.ratingThresholdSpin, self.dropPointsSpin)
        QWidget.setTabOrder(self.dropPointsSpin, self.disengagingSpin)
        QWidget.setTabOrder(self.disengagingSpin, self.gapSpin)
        QWidget.setTabOrder(self.gapSpin, self.redactionEdit)

        self.retranslateUi(settingsDialog)
    # setupUi

    def retranslateUi(self, settingsDialog):
        settingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.computerGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"On this computer", None))
        self.autoLockLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Lock after", None))
        self.autoLockSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" min without input", None))
#if QT_CONFIG(accessibility)
        self.autoLockSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Auto-lock minutes", None))
#endif // QT_CONFIG(accessibility)
        self.themeLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Appearance", None))
#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Theme", None))
#endif // QT_CONFIG(accessibility)
        self.backupFolderLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Backup folder", None))
        self.backupFolderEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Ask each time", None))
#if QT_CONFIG(accessibility)
        self.backupFolderEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.browseBackupButton.setText(QCoreApplication.translate("SettingsDialog", u"B&rowse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseBackupButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Choose backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.reminderLabel.setText(QCoreApplication.translate("SettingsDialog", u"Daily &reminder", None))
        self.reminderCheck.setText(QCoreApplication.translate("SettingsDialog", u"Remind me to reflect on the day's sessions at", None))
#if QT_CONFIG(accessibility)
        self.reminderCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Daily reminder to reflect", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reminderTimeEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Reminder time", None))
#endif // QT_CONFIG(accessibility)
        self.backupKeepLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Keep automatic backups", None))
        self.backupKeepSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" most recent", None))
#if QT_CONFIG(accessibility)
        self.backupKeepSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Number of automatic backups to keep", None))
#endif // QT_CONFIG(accessibility)
        self.computerHint.setText(QCoreApplication.translate("SettingsDialog", u"Kept in this computer's settings. They say nothing about your clients.", None))
        self.vaultGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Client-reported rating (kept in the vault)", None))
        self.ratingMaxLabel.setText(QCoreApplication.translate("SettingsDialog", u"Scale &maximum", None))
#if QT_CONFIG(accessibility)
        self.ratingMaxSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Client rating scale maximum", None))
#endif // QT_CONFIG(accessibility)
        self.ratingThresholdLabel.setText(QCoreApplication.translate("SettingsDialog", u"Concern &threshold", None))
#if QT_CONFIG(accessibility)
        self.ratingThresholdSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Client rating concern threshold", None))
#endif // QT_CONFIG(accessibility)
        self.vaultHint.setText(QCoreApplication.translate("SettingsDialog", u"A client-reported total below the threshold is flagged for you to discuss.", None))
        self.alertsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Alerts (kept in the vault)", None))
        self.dropPointsLabel.setText(QCoreApplication.translate("SettingsDialog", u"A &drop is at least", None))
        self.dropPointsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" points below the recent mean", None))
#if QT_CONFIG(accessibility)
        self.dropPointsSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Points below the recent mean that count as a drop", None))
#endif // QT_CONFIG(accessibility)
        self.disengagingLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Disengaging when engagement falls", None))
        self.disengagingSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" points a session or faster", None))
#if QT_CONFIG(accessibility)
        self.disengagingSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Engagement fall per session that counts as disengaging", None))
#endif // QT_CONFIG(accessibility)
        self.gapLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Perspective gap of at least", None))
        self.gapSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" % of the client scale", None))
#if QT_CONFIG(accessibility)
        self.gapSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Perspective gap as a percentage of the client scale", None))
#endif // QT_CONFIG(accessibility)
        self.alertsHint.setText(QCoreApplication.translate("SettingsDialog", u"These decide when the dashboard and the trends flag a relationship. The defaults follow the product's documented rules.", None))
        self.redactionGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Redaction in supervision packets (kept in the vault)", None))
        self.redactionLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Names, places and employers to hide, one a line:", None))
        self.redactionEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Kestrel Bay\n"
"Marlowe", None))
#if QT_CONFIG(accessibility)
        self.redactionEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Redaction list", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.redactionEdit.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"One word or phrase a line; each becomes [redacted] in every packet.", None))
#endif // QT_CONFIG(accessibility)
        self.redactionHint.setText(QCoreApplication.translate("SettingsDialog", u"Each entry becomes [redacted] in every packet, whatever its case. Client codes are hidden anyway unless you choose to identify clients.", None))
    # retranslateUi

