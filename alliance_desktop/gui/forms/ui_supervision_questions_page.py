# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_questions_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SupervisionQuestionsPage(object):
    def setupUi(self, supervisionQuestionsPage):
        if not supervisionQuestionsPage.objectName():
            supervisionQuestionsPage.setObjectName(u"supervisionQuestionsPage")
        supervisionQuestionsPage.resize(470, 560)
        self.questionsLayout = QVBoxLayout(supervisionQuestionsPage)
        self.questionsLayout.setObjectName(u"questionsLayout")
        self.questionsLabel = QLabel(supervisionQuestionsPage)
        self.questionsLabel.setObjectName(u"questionsLabel")

        self.questionsLayout.addWidget(self.questionsLabel)

        self.packetQuestionsEdit = QPlainTextEdit(supervisionQuestionsPage)
        self.packetQuestionsEdit.setObjectName(u"packetQuestionsEdit")
        self.packetQuestionsEdit.setMaximumSize(QSize(16777215, 180))
        self.packetQuestionsEdit.setTabChangesFocus(True)

        self.questionsLayout.addWidget(self.packetQuestionsEdit)

        self.packetQuestionsHint = QLabel(supervisionQuestionsPage)
        self.packetQuestionsHint.setObjectName(u"packetQuestionsHint")
        self.packetQuestionsHint.setWordWrap(True)
        self.packetQuestionsHint.setProperty(u"role", u"hint")

        self.questionsLayout.addWidget(self.packetQuestionsHint)

        self.questionsGap = QSpacerItem(10, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.questionsLayout.addItem(self.questionsGap)

        self.packetIdentifyCheck = QCheckBox(supervisionQuestionsPage)
        self.packetIdentifyCheck.setObjectName(u"packetIdentifyCheck")

        self.questionsLayout.addWidget(self.packetIdentifyCheck)

        self.packetDatesCheck = QCheckBox(supervisionQuestionsPage)
        self.packetDatesCheck.setObjectName(u"packetDatesCheck")

        self.questionsLayout.addWidget(self.packetDatesCheck)

        self.packetPrivacyWarning = QLabel(supervisionQuestionsPage)
        self.packetPrivacyWarning.setObjectName(u"packetPrivacyWarning")
        self.packetPrivacyWarning.setWordWrap(True)
        self.packetPrivacyWarning.setProperty(u"role", u"hint")

        self.questionsLayout.addWidget(self.packetPrivacyWarning)

        self.redactionRow = QHBoxLayout()
        self.redactionRow.setObjectName(u"redactionRow")
        self.redactionStatus = QLabel(supervisionQuestionsPage)
        self.redactionStatus.setObjectName(u"redactionStatus")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.redactionStatus.sizePolicy().hasHeightForWidth())
        self.redactionStatus.setSizePolicy(sizePolicy)
        self.redactionStatus.setWordWrap(True)

        self.redactionRow.addWidget(self.redactionStatus)

        self.editRedactionButton = QPushButton(supervisionQuestionsPage)
        self.editRedactionButton.setObjectName(u"editRedactionButton")
        self.editRedactionButton.setAutoDefault(False)

        self.redactionRow.addWidget(self.editRedactionButton)


        self.questionsLayout.addLayout(self.redactionRow)

        self.questionsStretch = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.questionsLayout.addItem(self.questionsStretch)

#if QT_CONFIG(shortcut)
        self.questionsLabel.setBuddy(self.packetQuestionsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.packetQuestionsEdit, self.packetIdentifyCheck)
        QWidget.setTabOrder(self.packetIdentifyCheck, self.packetDatesCheck)
        QWidget.setTabOrder(self.packetDatesCheck, self.editRedactionButton)

        self.retranslateUi(supervisionQuestionsPage)
    # setupUi

    def retranslateUi(self, supervisionQuestionsPage):
        self.questionsLabel.setText(QCoreApplication.translate("SupervisionQuestionsPage", u"&Questions for your supervisor (one a line)", None))
#if QT_CONFIG(accessibility)
        self.packetQuestionsEdit.setAccessibleName(QCoreApplication.translate("SupervisionQuestionsPage", u"Questions for supervision", None))
#endif // QT_CONFIG(accessibility)
        self.packetQuestionsEdit.setPlaceholderText(QCoreApplication.translate("SupervisionQuestionsPage", u"What do I do when Client A goes quiet after homework?", None))
        self.packetQuestionsHint.setText(QCoreApplication.translate("SupervisionQuestionsPage", u"Kept in the vault with the packet's date, so next time you can see them.", None))
        self.packetIdentifyCheck.setText(QCoreApplication.translate("SupervisionQuestionsPage", u"Show client &codes instead of Client A, B, \u2026", None))
#if QT_CONFIG(accessibility)
        self.packetIdentifyCheck.setAccessibleName(QCoreApplication.translate("SupervisionQuestionsPage", u"Identify clients", None))
#endif // QT_CONFIG(accessibility)
        self.packetDatesCheck.setText(QCoreApplication.translate("SupervisionQuestionsPage", u"Show calendar &dates instead of week numbers", None))
#if QT_CONFIG(accessibility)
        self.packetDatesCheck.setAccessibleName(QCoreApplication.translate("SupervisionQuestionsPage", u"Absolute dates", None))
#endif // QT_CONFIG(accessibility)
        self.editRedactionButton.setText(QCoreApplication.translate("SupervisionQuestionsPage", u"Edit in &Settings\u2026", None))
#if QT_CONFIG(accessibility)
        self.editRedactionButton.setAccessibleName(QCoreApplication.translate("SupervisionQuestionsPage", u"Edit the redaction list", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

