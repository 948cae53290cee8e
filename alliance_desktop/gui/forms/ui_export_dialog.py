# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QButtonGroup, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout)

class Ui_ExportDialog(object):
    def setupUi(self, exportDialog):
        if not exportDialog.objectName():
            exportDialog.setObjectName(u"exportDialog")
        self.exportLayout = QVBoxLayout(exportDialog)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportWarningLabel = QLabel(exportDialog)
        self.exportWarningLabel.setObjectName(u"exportWarningLabel")
        font = QFont()
        font.setBold(True)
        self.exportWarningLabel.setFont(font)
        self.exportWarningLabel.setWordWrap(True)

        self.exportLayout.addWidget(self.exportWarningLabel)

        self.exportCsvRadio = QRadioButton(exportDialog)
        self.exportFormatGroup = QButtonGroup(exportDialog)
        self.exportFormatGroup.setObjectName(u"exportFormatGroup")
        self.exportFormatGroup.addButton(self.exportCsvRadio)
        self.exportCsvRadio.setObjectName(u"exportCsvRadio")
        self.exportCsvRadio.setChecked(True)

        self.exportLayout.addWidget(self.exportCsvRadio)

        self.exportJsonRadio = QRadioButton(exportDialog)
        self.exportFormatGroup.addButton(self.exportJsonRadio)
        self.exportJsonRadio.setObjectName(u"exportJsonRadio")

        self.exportLayout.addWidget(self.exportJsonRadio)

        self.exportPathLabel = QLabel(exportDialog)
        self.exportPathLabel.setObjectName(u"exportPathLabel")

        self.exportLayout.addWidget(self.exportPathLabel)

        self.exportPathRow = QHBoxLayout()
        self.exportPathRow.setObjectName(u"exportPathRow")
        self.exportPathEdit = QLineEdit(exportDialog)
        self.exportPathEdit.setObjectName(u"exportPathEdit")

        self.exportPathRow.addWidget(self.exportPathEdit)

        self.exportBrowseButton = QPushButton(exportDialog)
        self.exportBrowseButton.setObjectName(u"exportBrowseButton")

        self.exportPathRow.addWidget(self.exportBrowseButton)


        self.exportLayout.addLayout(self.exportPathRow)

        self.exportButtons = QDialogButtonBox(exportDialog)
        self.exportButtons.setObjectName(u"exportButtons")
        self.exportButtons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.exportLayout.addWidget(self.exportButtons)

#if QT_CONFIG(shortcut)
        self.exportPathLabel.setBuddy(self.exportPathEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(exportDialog)
    # setupUi

    def retranslateUi(self, exportDialog):
        exportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export", None))
#if QT_CONFIG(accessibility)
        exportDialog.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export", None))
#endif // QT_CONFIG(accessibility)
        self.exportWarningLabel.setText(QCoreApplication.translate("ExportDialog", u"The exported file is NOT encrypted: anyone who can open it can read every session. Keep it on this computer, and delete it when you are done.", None))
        self.exportCsvRadio.setText(QCoreApplication.translate("ExportDialog", u"&CSV: one row per session, for a spreadsheet", None))
#if QT_CONFIG(accessibility)
        self.exportCsvRadio.setAccessibleName(QCoreApplication.translate("ExportDialog", u"CSV", None))
#endif // QT_CONFIG(accessibility)
        self.exportJsonRadio.setText(QCoreApplication.translate("ExportDialog", u"&JSON: everything, can be imported again", None))
#if QT_CONFIG(accessibility)
        self.exportJsonRadio.setAccessibleName(QCoreApplication.translate("ExportDialog", u"JSON", None))
#endif // QT_CONFIG(accessibility)
        self.exportPathLabel.setText(QCoreApplication.translate("ExportDialog", u"Export &to:", None))
#if QT_CONFIG(accessibility)
        self.exportPathEdit.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Export file", None))
#endif // QT_CONFIG(accessibility)
        self.exportBrowseButton.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportBrowseButton.setAccessibleName(QCoreApplication.translate("ExportDialog", u"Browse", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

