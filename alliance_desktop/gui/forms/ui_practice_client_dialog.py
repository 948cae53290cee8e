# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_client_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget)

class Ui_PracticeClientDialog(object):
    def setupUi(self, practiceClientDialog):
        if not practiceClientDialog.objectName():
            practiceClientDialog.setObjectName(u"practiceClientDialog")
        practiceClientDialog.resize(680, 380)
        self.practiceClientLayout = QVBoxLayout(practiceClientDialog)
        self.practiceClientLayout.setObjectName(u"practiceClientLayout")
        self.practiceClientIntro = QLabel(practiceClientDialog)
        self.practiceClientIntro.setObjectName(u"practiceClientIntro")
        self.practiceClientIntro.setWordWrap(True)
        self.practiceClientIntro.setProperty(u"role", u"hint")

        self.practiceClientLayout.addWidget(self.practiceClientIntro)

        self.vignetteSplitter = QSplitter(practiceClientDialog)
        self.vignetteSplitter.setObjectName(u"vignetteSplitter")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.vignetteSplitter.sizePolicy().hasHeightForWidth())
        self.vignetteSplitter.setSizePolicy(sizePolicy)
        self.vignetteSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.vignetteSplitter.setChildrenCollapsible(False)
        self.vignetteList = QListWidget(self.vignetteSplitter)
        self.vignetteList.setObjectName(u"vignetteList")
        self.vignetteSplitter.addWidget(self.vignetteList)
        self.vignetteDetail = QLabel(self.vignetteSplitter)
        self.vignetteDetail.setObjectName(u"vignetteDetail")
        self.vignetteDetail.setMinimumSize(QSize(320, 0))
        self.vignetteDetail.setWordWrap(True)
        self.vignetteDetail.setTextFormat(Qt.TextFormat.RichText)
        self.vignetteDetail.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.vignetteDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.vignetteSplitter.addWidget(self.vignetteDetail)

        self.practiceClientLayout.addWidget(self.vignetteSplitter)

        self.practiceClientButtons = QHBoxLayout()
        self.practiceClientButtons.setObjectName(u"practiceClientButtons")
        self.practiceClientButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.practiceClientButtons.addItem(self.practiceClientButtonsSpacer)

        self.cancelPracticeClientButton = QPushButton(practiceClientDialog)
        self.cancelPracticeClientButton.setObjectName(u"cancelPracticeClientButton")
        self.cancelPracticeClientButton.setAutoDefault(False)

        self.practiceClientButtons.addWidget(self.cancelPracticeClientButton)

        self.addPracticeClientButton = QPushButton(practiceClientDialog)
        self.addPracticeClientButton.setObjectName(u"addPracticeClientButton")

        self.practiceClientButtons.addWidget(self.addPracticeClientButton)


        self.practiceClientLayout.addLayout(self.practiceClientButtons)

        QWidget.setTabOrder(self.vignetteList, self.cancelPracticeClientButton)
        QWidget.setTabOrder(self.cancelPracticeClientButton, self.addPracticeClientButton)

        self.retranslateUi(practiceClientDialog)

        self.addPracticeClientButton.setDefault(True)

    # setupUi

    def retranslateUi(self, practiceClientDialog):
        practiceClientDialog.setWindowTitle(QCoreApplication.translate("PracticeClientDialog", u"Add a practice client", None))
        self.practiceClientIntro.setText(QCoreApplication.translate("PracticeClientDialog", u"Invented clients to practise reflective writing on. They are marked \u201cpractice\u201d and left out of the dashboard, insights and supervision packets.", None))
#if QT_CONFIG(accessibility)
        self.vignetteList.setAccessibleName(QCoreApplication.translate("PracticeClientDialog", u"Practice vignettes", None))
#endif // QT_CONFIG(accessibility)
        self.cancelPracticeClientButton.setText(QCoreApplication.translate("PracticeClientDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelPracticeClientButton.setAccessibleName(QCoreApplication.translate("PracticeClientDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
        self.addPracticeClientButton.setText(QCoreApplication.translate("PracticeClientDialog", u"&Add practice client", None))
#if QT_CONFIG(accessibility)
        self.addPracticeClientButton.setAccessibleName(QCoreApplication.translate("PracticeClientDialog", u"Add the chosen practice client", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

