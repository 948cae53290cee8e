# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, settingsDialog):
        if not settingsDialog.objectName():
            settingsDialog.setObjectName(u"settingsDialog")
        settingsDialog.resize(940, 560)
        self.rootLayout = QVBoxLayout(settingsDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(12)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
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


        self.leftColumn.addWidget(self.computerGroup)

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


        self.leftColumn.addWidget(self.vaultGroup)

        self.outcomeGroup = QGroupBox(settingsDialog)
        self.outcomeGroup.setObjectName(u"outcomeGroup")
        self.outcomeForm = QFormLayout(self.outcomeGroup)
        self.outcomeForm.setObjectName(u"outcomeForm")
        self.outcomeForm.setLabelAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignVCenter)
        self.outcomeMaxLabel = QLabel(self.outcomeGroup)
        self.outcomeMaxLabel.setObjectName(u"outcomeMaxLabel")

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeMaxLabel)

        self.outcomeMaxSpin = QDoubleSpinBox(self.outcomeGroup)
        self.outcomeMaxSpin.setObjectName(u"outcomeMaxSpin")
        self.outcomeMaxSpin.setDecimals(1)
        self.outcomeMaxSpin.setMinimum(1.000000000000000)
        self.outcomeMaxSpin.setMaximum(1000.000000000000000)
        self.outcomeMaxSpin.setSingleStep(1.000000000000000)

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeMaxSpin)

        self.outcomeCutoffLabel = QLabel(self.outcomeGroup)
        self.outcomeCutoffLabel.setObjectName(u"outcomeCutoffLabel")

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomeCutoffLabel)

        self.outcomeCutoffSpin = QDoubleSpinBox(self.outcomeGroup)
        self.outcomeCutoffSpin.setObjectName(u"outcomeCutoffSpin")
        self.outcomeCutoffSpin.setDecimals(1)
        self.outcomeCutoffSpin.setMinimum(0.000000000000000)
        self.outcomeCutoffSpin.setMaximum(1000.000000000000000)
        self.outcomeCutoffSpin.setSingleStep(1.000000000000000)

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomeCutoffSpin)

        self.outcomeReliableLabel = QLabel(self.outcomeGroup)
        self.outcomeReliableLabel.setObjectName(u"outcomeReliableLabel")

        self.outcomeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeReliableLabel)

        self.outcomeReliableSpin = QDoubleSpinBox(self.outcomeGroup)
        self.outcomeReliableSpin.setObjectName(u"outcomeReliableSpin")
        self.outcomeReliableSpin.setDecimals(1)
        self.outcomeReliableSpin.setMinimum(0.100000000000000)
        self.outcomeReliableSpin.setMaximum(1000.000000000000000)
        self.outcomeReliableSpin.setSingleStep(0.500000000000000)

        self.outcomeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeReliableSpin)

        self.outcomeError = QLabel(self.outcomeGroup)
        self.outcomeError.setObjectName(u"outcomeError")
        self.outcomeError.setWordWrap(True)
        self.outcomeError.setProperty(u"role", u"error")

        self.outcomeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outcomeError)

        self.outcomeHint = QLabel(self.outcomeGroup)
        self.outcomeHint.setObjectName(u"outcomeHint")
        self.outcomeHint.setWordWrap(True)
        self.outcomeHint.setProperty(u"role", u"hint")

        self.outcomeForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.outcomeHint)


        self.leftColumn.addWidget(self.outcomeGroup)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
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

        self.engagementFallingLabel = QLabel(self.alertsGroup)
        self.engagementFallingLabel.setObjectName(u"engagementFallingLabel")

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.engagementFallingLabel)

        self.engagementFallingSpin = QDoubleSpinBox(self.alertsGroup)
        self.engagementFallingSpin.setObjectName(u"engagementFallingSpin")
        self.engagementFallingSpin.setDecimals(1)
        self.engagementFallingSpin.setMinimum(0.100000000000000)
        self.engagementFallingSpin.setMaximum(5.000000000000000)
        self.engagementFallingSpin.setSingleStep(0.100000000000000)

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.engagementFallingSpin)

        self.recentWeeksLabel = QLabel(self.alertsGroup)
        self.recentWeeksLabel.setObjectName(u"recentWeeksLabel")

        self.alertsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recentWeeksLabel)

        self.recentWeeksSpin = QSpinBox(self.alertsGroup)
        self.recentWeeksSpin.setObjectName(u"recentWeeksSpin")
        self.recentWeeksSpin.setMinimum(1)
        self.recentWeeksSpin.setMaximum(104)
        self.recentWeeksSpin.setSingleStep(1)

        self.alertsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recentWeeksSpin)

        self.notSeenWeeksLabel = QLabel(self.alertsGroup)
        self.notSeenWeeksLabel.setObjectName(u"notSeenWeeksLabel")

        self.alertsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notSeenWeeksLabel)

        self.notSeenWeeksSpin = QSpinBox(self.alertsGroup)
        self.notSeenWeeksSpin.setObjectName(u"notSeenWeeksSpin")
        self.notSeenWeeksSpin.setMinimum(1)
        self.notSeenWeeksSpin.setMaximum(104)
        self.notSeenWeeksSpin.setSingleStep(1)

        self.alertsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notSeenWeeksSpin)

        self.strategyMinUsesLabel = QLabel(self.alertsGroup)
        self.strategyMinUsesLabel.setObjectName(u"strategyMinUsesLabel")

        self.alertsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.strategyMinUsesLabel)

        self.strategyMinUsesSpin = QSpinBox(self.alertsGroup)
        self.strategyMinUsesSpin.setObjectName(u"strategyMinUsesSpin")
        self.strategyMinUsesSpin.setMinimum(1)
        self.strategyMinUsesSpin.setMaximum(1000)
        self.strategyMinUsesSpin.setSingleStep(1)

        self.alertsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strategyMinUsesSpin)

        self.strategyMinClientsLabel = QLabel(self.alertsGroup)
        self.strategyMinClientsLabel.setObjectName(u"strategyMinClientsLabel")

        self.alertsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.strategyMinClientsLabel)

        self.strategyMinClientsSpin = QSpinBox(self.alertsGroup)
        self.strategyMinClientsSpin.setObjectName(u"strategyMinClientsSpin")
        self.strategyMinClientsSpin.setMinimum(1)
        self.strategyMinClientsSpin.setMaximum(1000)
        self.strategyMinClientsSpin.setSingleStep(1)

        self.alertsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.strategyMinClientsSpin)

        self.feedbackCardCheck = QCheckBox(self.alertsGroup)
        self.feedbackCardCheck.setObjectName(u"feedbackCardCheck")

        self.alertsForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.feedbackCardCheck)

        self.alertsHint = QLabel(self.alertsGroup)
        self.alertsHint.setObjectName(u"alertsHint")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.alertsHint.sizePolicy().hasHeightForWidth())
        self.alertsHint.setSizePolicy(sizePolicy)
        self.alertsHint.setWordWrap(True)
        self.alertsHint.setProperty(u"role", u"hint")

        self.alertsForm.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.alertsHint)


        self.rightColumn.addWidget(self.alertsGroup)

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


        self.rightColumn.addWidget(self.redactionGroup)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightColumn)


        self.rootLayout.addLayout(self.columnsLayout)

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
        self.outcomeMaxLabel.setBuddy(self.outcomeMaxSpin)
        self.outcomeCutoffLabel.setBuddy(self.outcomeCutoffSpin)
        self.outcomeReliableLabel.setBuddy(self.outcomeReliableSpin)
        self.dropPointsLabel.setBuddy(self.dropPointsSpin)
        self.engagementFallingLabel.setBuddy(self.engagementFallingSpin)
        self.recentWeeksLabel.setBuddy(self.recentWeeksSpin)
        self.notSeenWeeksLabel.setBuddy(self.notSeenWeeksSpin)
        self.strategyMinUsesLabel.setBuddy(self.strategyMinUsesSpin)
        self.strategyMinClientsLabel.setBuddy(self.strategyMinClientsSpin)
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
        QWidget.setTabOrder(self.ratingThresholdSpin, self.outcomeMaxSpin)
        QWidget.setTabOrder(self.outcomeMaxSpin, self.outcomeCutoffSpin)
        QWidget.setTabOrder(self.outcomeCutoffSpin, self.outcomeReliableSpin)
        QWidget.setTabOrder(self.outcomeReliableSpin, self.dropPointsSpin)
        QWidget.setTabOrder(self.dropPointsSpin, self.engagementFallingSpin)
        QWidget.setTabOrder(self.engagementFallingSpin, self.recentWeeksSpin)
        QWidget.setTabOrder(self.recentWeeksSpin, self.notSeenWeeksSpin)
        QWidget.setTabOrder(self.notSeenWeeksSpin, self.strategyMinUsesSpin)
        QWidget.setTabOrder(self.strategyMinUsesSpin, self.strategyMinClientsSpin)
        QWidget.setTabOrder(self.strategyMinClientsSpin, self.feedbackCardCheck)
        QWidget.setTabOrder(self.feedbackCardCheck, self.redactionEdit)

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
        self.backupFolderEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Beside the vault, in backups", None))
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
        self.vaultGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Client's session rating (kept in the vault)", None))
        self.ratingMaxLabel.setText(QCoreApplication.translate("SettingsDialog", u"Scale &maximum", None))
#if QT_CONFIG(accessibility)
        self.ratingMaxSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Client rating scale maximum", None))
#endif // QT_CONFIG(accessibility)
        self.ratingThresholdLabel.setText(QCoreApplication.translate("SettingsDialog", u"Concern &threshold", None))
#if QT_CONFIG(accessibility)
        self.ratingThresholdSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Client rating concern threshold", None))
#endif // QT_CONFIG(accessibility)
        self.vaultHint.setText(QCoreApplication.translate("SettingsDialog", u"A client-reported total below the threshold is flagged for you to discuss.", None))
        self.outcomeGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Client's outcome form (kept in the vault)", None))
        self.outcomeMaxLabel.setText(QCoreApplication.translate("SettingsDialog", u"Scale ma&ximum", None))
        self.outcomeMaxSpin.setSuffix("")
#if QT_CONFIG(accessibility)
        self.outcomeMaxSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Outcome scale maximum", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeCutoffLabel.setText(QCoreApplication.translate("SettingsDialog", u"Clinical c&utoff", None))
        self.outcomeCutoffSpin.setSuffix("")
#if QT_CONFIG(accessibility)
        self.outcomeCutoffSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Outcome clinical cutoff", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeReliableLabel.setText(QCoreApplication.translate("SettingsDialog", u"Reliable c&hange", None))
        self.outcomeReliableSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" points", None))
#if QT_CONFIG(accessibility)
        self.outcomeReliableSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Outcome reliable change in points", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeHint.setText(QCoreApplication.translate("SettingsDialog", u"Below the cutoff is the clinical range. A change of at least the reliable change counts as real rather than noise; the defaults are the usual ones for 0\u201340 outcome forms.", None))
        self.alertsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Alerts and feedback (kept in the vault)", None))
        self.dropPointsLabel.setText(QCoreApplication.translate("SettingsDialog", u"A &drop is at least", None))
        self.dropPointsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" points below the recent mean", None))
#if QT_CONFIG(accessibility)
        self.dropPointsSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Points below the recent mean that count as a drop", None))
#endif // QT_CONFIG(accessibility)
        self.engagementFallingLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Engagement falling at", None))
        self.engagementFallingSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" points a session or faster", None))
#if QT_CONFIG(accessibility)
        self.engagementFallingSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Engagement fall per session that counts as engagement falling", None))
#endif // QT_CONFIG(accessibility)
        self.recentWeeksLabel.setText(QCoreApplication.translate("SettingsDialog", u"Alerts stay recent &for", None))
        self.recentWeeksSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" weeks", None))
#if QT_CONFIG(accessibility)
        self.recentWeeksSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Weeks an alert stays recent", None))
#endif // QT_CONFIG(accessibility)
        self.notSeenWeeksLabel.setText(QCoreApplication.translate("SettingsDialog", u"N&ot seen lately after", None))
        self.notSeenWeeksSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" weeks", None))
#if QT_CONFIG(accessibility)
        self.notSeenWeeksSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Weeks without a session before an active client counts as not seen lately", None))
#endif // QT_CONFIG(accessibility)
        self.strategyMinUsesLabel.setText(QCoreApplication.translate("SettingsDialog", u"Strategy est&imates from", None))
        self.strategyMinUsesSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" uses", None))
#if QT_CONFIG(accessibility)
        self.strategyMinUsesSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Uses a strategy needs before its estimate is shown", None))
#endif // QT_CONFIG(accessibility)
        self.strategyMinClientsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u2026 across at &least", None))
        self.strategyMinClientsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" clients", None))
#if QT_CONFIG(accessibility)
        self.strategyMinClientsSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Clients a strategy needs before its estimate is shown", None))
#endif // QT_CONFIG(accessibility)
        self.feedbackCardCheck.setText(QCoreApplication.translate("SettingsDialog", u"Show reflection feedback for every &client", None))
#if QT_CONFIG(accessibility)
        self.feedbackCardCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Show reflection feedback for every client", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.feedbackCardCheck.setToolTip(QCoreApplication.translate("SettingsDialog", u"Off: the feedback card shows for practice clients and trainees only.", None))
#endif // QT_CONFIG(tooltip)
        self.alertsHint.setText(QCoreApplication.translate("SettingsDialog", u"These decide when a relationship is flagged and when a strategy has enough uses for an estimate.", None))
        self.redactionGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Redaction in supervision packets (kept in the vault)", None))
        self.redactionLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Names, places and employers to hide, one a line:", None))
        self.redactionEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Kestrel Bay\n"
"    Marlowe", None))
#if QT_CONFIG(accessibility)
        self.redactionEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Redaction list", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.redactionEdit.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"One word or phrase a line; each becomes [redacted] in every packet.", None))
#endif // QT_CONFIG(accessibility)
        self.redactionHint.setText(QCoreApplication.translate("SettingsDialog", u"Each entry becomes [redacted] in every packet, whatever its case. Client codes are hidden anyway unless you choose to identify clients.", None))
    # retranslateUi

