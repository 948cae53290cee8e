# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget)

class Ui_SupervisionWizard(object):
    def setupUi(self, SupervisionWizard):
        if not SupervisionWizard.objectName():
            SupervisionWizard.setObjectName(u"SupervisionWizard")
        SupervisionWizard.resize(1180, 760)
        self.wizardLayout = QVBoxLayout(SupervisionWizard)
        self.wizardLayout.setObjectName(u"wizardLayout")
        self.supervisionSplitter = QSplitter(SupervisionWizard)
        self.supervisionSplitter.setObjectName(u"supervisionSplitter")
        self.supervisionSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.supervisionSplitter.setChildrenCollapsible(False)
        self.stepsPane = QWidget(self.supervisionSplitter)
        self.stepsPane.setObjectName(u"stepsPane")
        self.stepsLayout = QVBoxLayout(self.stepsPane)
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.stepsLayout.setContentsMargins(0, 0, 0, 0)
        self.supervisionStepLabel = QLabel(self.stepsPane)
        self.supervisionStepLabel.setObjectName(u"supervisionStepLabel")
        self.supervisionStepLabel.setText(u"")

        self.stepsLayout.addWidget(self.supervisionStepLabel)

        self.supervisionPages = QStackedWidget(self.stepsPane)
        self.supervisionPages.setObjectName(u"supervisionPages")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.supervisionPages.sizePolicy().hasHeightForWidth())
        self.supervisionPages.setSizePolicy(sizePolicy)

        self.stepsLayout.addWidget(self.supervisionPages)

        self.navRow = QHBoxLayout()
        self.navRow.setObjectName(u"navRow")
        self.supervisionCloseButton = QPushButton(self.stepsPane)
        self.supervisionCloseButton.setObjectName(u"supervisionCloseButton")
        self.supervisionCloseButton.setAutoDefault(False)

        self.navRow.addWidget(self.supervisionCloseButton)

        self.navSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navRow.addItem(self.navSpacer)

        self.supervisionBackButton = QPushButton(self.stepsPane)
        self.supervisionBackButton.setObjectName(u"supervisionBackButton")

        self.navRow.addWidget(self.supervisionBackButton)

        self.supervisionNextButton = QPushButton(self.stepsPane)
        self.supervisionNextButton.setObjectName(u"supervisionNextButton")

        self.navRow.addWidget(self.supervisionNextButton)


        self.stepsLayout.addLayout(self.navRow)

        self.supervisionSplitter.addWidget(self.stepsPane)
        self.previewPane = QWidget(self.supervisionSplitter)
        self.previewPane.setObjectName(u"previewPane")
        self.previewLayout = QVBoxLayout(self.previewPane)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.previewHead = QHBoxLayout()
        self.previewHead.setObjectName(u"previewHead")
        self.previewTitle = QLabel(self.previewPane)
        self.previewTitle.setObjectName(u"previewTitle")

        self.previewHead.addWidget(self.previewTitle)

        self.previewHeadSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.previewHead.addItem(self.previewHeadSpacer)

        self.previewState = QLabel(self.previewPane)
        self.previewState.setObjectName(u"previewState")
        self.previewState.setText(u"")
        self.previewState.setProperty(u"role", u"hint")

        self.previewHead.addWidget(self.previewState)

        self.previewProgress = QProgressBar(self.previewPane)
        self.previewProgress.setObjectName(u"previewProgress")
        self.previewProgress.setMaximumSize(QSize(160, 16777215))
        self.previewProgress.setTextVisible(False)
        self.previewProgress.setValue(0)

        self.previewHead.addWidget(self.previewProgress)

        self.previewCancelButton = QPushButton(self.previewPane)
        self.previewCancelButton.setObjectName(u"previewCancelButton")
        self.previewCancelButton.setAutoDefault(False)

        self.previewHead.addWidget(self.previewCancelButton)


        self.previewLayout.addLayout(self.previewHead)

        self.packetPreview = QTextBrowser(self.previewPane)
        self.packetPreview.setObjectName(u"packetPreview")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.packetPreview.sizePolicy().hasHeightForWidth())
        self.packetPreview.setSizePolicy(sizePolicy1)
        self.packetPreview.setOpenLinks(False)
        self.packetPreview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.previewLayout.addWidget(self.packetPreview)

        self.privateKeyLabel = QLabel(self.previewPane)
        self.privateKeyLabel.setObjectName(u"privateKeyLabel")
        self.privateKeyLabel.setWordWrap(True)
        self.privateKeyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.privateKeyLabel.setProperty(u"role", u"hint")

        self.previewLayout.addWidget(self.privateKeyLabel)

        self.supervisionSplitter.addWidget(self.previewPane)

        self.wizardLayout.addWidget(self.supervisionSplitter)

#if QT_CONFIG(shortcut)
        self.previewTitle.setBuddy(self.packetPreview)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.supervisionPages, self.supervisionCloseButton)
        QWidget.setTabOrder(self.supervisionCloseButton, self.supervisionBackButton)
        QWidget.setTabOrder(self.supervisionBackButton, self.supervisionNextButton)
        QWidget.setTabOrder(self.supervisionNextButton, self.previewCancelButton)
        QWidget.setTabOrder(self.previewCancelButton, self.packetPreview)

        self.retranslateUi(SupervisionWizard)

        self.supervisionNextButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SupervisionWizard):
        SupervisionWizard.setWindowTitle(QCoreApplication.translate("SupervisionWizard", u"Prepare supervision", None))
        self.supervisionCloseButton.setText(QCoreApplication.translate("SupervisionWizard", u"Close", None))
#if QT_CONFIG(accessibility)
        self.supervisionCloseButton.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Close", None))
#endif // QT_CONFIG(accessibility)
        self.supervisionBackButton.setText(QCoreApplication.translate("SupervisionWizard", u"< &Back", None))
#if QT_CONFIG(accessibility)
        self.supervisionBackButton.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Back", None))
#endif // QT_CONFIG(accessibility)
        self.supervisionNextButton.setText(QCoreApplication.translate("SupervisionWizard", u"&Next >", None))
#if QT_CONFIG(accessibility)
        self.supervisionNextButton.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Next", None))
#endif // QT_CONFIG(accessibility)
        self.previewTitle.setText(QCoreApplication.translate("SupervisionWizard", u"&Preview", None))
#if QT_CONFIG(accessibility)
        self.previewProgress.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Preview progress", None))
#endif // QT_CONFIG(accessibility)
        self.previewCancelButton.setText(QCoreApplication.translate("SupervisionWizard", u"Stop preview", None))
#if QT_CONFIG(accessibility)
        self.previewCancelButton.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Stop building the preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.packetPreview.setAccessibleName(QCoreApplication.translate("SupervisionWizard", u"Packet preview", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

