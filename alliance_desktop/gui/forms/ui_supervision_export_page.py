# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_export_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SupervisionExportPage(object):
    def setupUi(self, supervisionExportPage):
        if not supervisionExportPage.objectName():
            supervisionExportPage.setObjectName(u"supervisionExportPage")
        supervisionExportPage.resize(470, 560)
        self.exportLayout = QVBoxLayout(supervisionExportPage)
        self.exportLayout.setObjectName(u"exportLayout")
        self.packetSummary = QLabel(supervisionExportPage)
        self.packetSummary.setObjectName(u"packetSummary")
        self.packetSummary.setWordWrap(True)

        self.exportLayout.addWidget(self.packetSummary)

        self.exportForm = QFormLayout()
        self.exportForm.setObjectName(u"exportForm")
        self.pageSizeLabel = QLabel(supervisionExportPage)
        self.pageSizeLabel.setObjectName(u"pageSizeLabel")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pageSizeLabel)

        self.packetPageSizeCombo = QComboBox(supervisionExportPage)
        self.packetPageSizeCombo.setObjectName(u"packetPageSizeCombo")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.packetPageSizeCombo)


        self.exportLayout.addLayout(self.exportForm)

        self.exportRow = QHBoxLayout()
        self.exportRow.setObjectName(u"exportRow")
        self.exportPacketButton = QPushButton(supervisionExportPage)
        self.exportPacketButton.setObjectName(u"exportPacketButton")

        self.exportRow.addWidget(self.exportPacketButton)

        self.exportRowSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportRow.addItem(self.exportRowSpacer)


        self.exportLayout.addLayout(self.exportRow)

        self.packetExportWarning = QLabel(supervisionExportPage)
        self.packetExportWarning.setObjectName(u"packetExportWarning")
        self.packetExportWarning.setWordWrap(True)
        self.packetExportWarning.setProperty(u"role", u"hint")

        self.exportLayout.addWidget(self.packetExportWarning)

        self.packetExportResult = QLabel(supervisionExportPage)
        self.packetExportResult.setObjectName(u"packetExportResult")
        self.packetExportResult.setWordWrap(True)
        self.packetExportResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.exportLayout.addWidget(self.packetExportResult)

        self.exportStretch = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.exportLayout.addItem(self.exportStretch)

#if QT_CONFIG(shortcut)
        self.pageSizeLabel.setBuddy(self.packetPageSizeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.packetPageSizeCombo, self.exportPacketButton)

        self.retranslateUi(supervisionExportPage)
    # setupUi

    def retranslateUi(self, supervisionExportPage):
        self.pageSizeLabel.setText(QCoreApplication.translate("SupervisionExportPage", u"Page si&ze", None))
#if QT_CONFIG(accessibility)
        self.packetPageSizeCombo.setAccessibleName(QCoreApplication.translate("SupervisionExportPage", u"Page size", None))
#endif // QT_CONFIG(accessibility)
        self.exportPacketButton.setText(QCoreApplication.translate("SupervisionExportPage", u"&Export PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportPacketButton.setAccessibleName(QCoreApplication.translate("SupervisionExportPage", u"Export the packet as a PDF", None))
#endif // QT_CONFIG(accessibility)
        self.packetExportWarning.setText(QCoreApplication.translate("SupervisionExportPage", u"The PDF is not encrypted. Save it somewhere private and share it only with your supervisor; delete it when you are done.", None))
        pass
    # retranslateUi

