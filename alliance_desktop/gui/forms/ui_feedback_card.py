# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_card.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from alliance_desktop.gui.trainee.rubric import RubricPanel

class Ui_FeedbackCard(object):
    def setupUi(self, reflectionFeedbackCard):
        if not reflectionFeedbackCard.objectName():
            reflectionFeedbackCard.setObjectName(u"reflectionFeedbackCard")
        reflectionFeedbackCard.resize(640, 320)
        reflectionFeedbackCard.setFrameShape(QFrame.Shape.StyledPanel)
        reflectionFeedbackCard.setProperty(u"role", u"card")
        self.feedbackLayout = QVBoxLayout(reflectionFeedbackCard)
        self.feedbackLayout.setObjectName(u"feedbackLayout")
        self.feedbackLayout.setContentsMargins(10, 6, 10, 8)
        self.feedbackHead = QHBoxLayout()
        self.feedbackHead.setObjectName(u"feedbackHead")
        self.feedbackToggle = QToolButton(reflectionFeedbackCard)
        self.feedbackToggle.setObjectName(u"feedbackToggle")
        self.feedbackToggle.setAutoRaise(True)
        self.feedbackToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.feedbackToggle.setArrowType(Qt.ArrowType.DownArrow)

        self.feedbackHead.addWidget(self.feedbackToggle)

        self.feedbackSummary = QLabel(reflectionFeedbackCard)
        self.feedbackSummary.setObjectName(u"feedbackSummary")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.feedbackSummary.sizePolicy().hasHeightForWidth())
        self.feedbackSummary.setSizePolicy(sizePolicy)
        self.feedbackSummary.setProperty(u"role", u"hint")

        self.feedbackHead.addWidget(self.feedbackSummary)

        self.dismissFeedbackButton = QPushButton(reflectionFeedbackCard)
        self.dismissFeedbackButton.setObjectName(u"dismissFeedbackButton")
        self.dismissFeedbackButton.setFlat(True)

        self.feedbackHead.addWidget(self.dismissFeedbackButton)


        self.feedbackLayout.addLayout(self.feedbackHead)

        self.feedbackBodyArea = QWidget(reflectionFeedbackCard)
        self.feedbackBodyArea.setObjectName(u"feedbackBodyArea")
        self.feedbackBodyLayout = QVBoxLayout(self.feedbackBodyArea)
        self.feedbackBodyLayout.setSpacing(2)
        self.feedbackBodyLayout.setObjectName(u"feedbackBodyLayout")
        self.feedbackBodyLayout.setContentsMargins(0, 0, 0, 0)
        self.feedbackBody = QLabel(self.feedbackBodyArea)
        self.feedbackBody.setObjectName(u"feedbackBody")
        self.feedbackBody.setWordWrap(True)
        self.feedbackBody.setTextFormat(Qt.TextFormat.RichText)
        self.feedbackBody.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.feedbackBodyLayout.addWidget(self.feedbackBody)

        self.reflectionRubric = RubricPanel(self.feedbackBodyArea)
        self.reflectionRubric.setObjectName(u"reflectionRubric")

        self.feedbackBodyLayout.addWidget(self.reflectionRubric)


        self.feedbackLayout.addWidget(self.feedbackBodyArea)


        self.retranslateUi(reflectionFeedbackCard)
    # setupUi

    def retranslateUi(self, reflectionFeedbackCard):
        self.feedbackToggle.setText(QCoreApplication.translate("FeedbackCard", u"Feedback on your reflection", None))
#if QT_CONFIG(accessibility)
        self.feedbackToggle.setAccessibleName(QCoreApplication.translate("FeedbackCard", u"Show or hide the feedback on your reflection", None))
#endif // QT_CONFIG(accessibility)
        self.dismissFeedbackButton.setText(QCoreApplication.translate("FeedbackCard", u"Dismiss", None))
#if QT_CONFIG(accessibility)
        self.dismissFeedbackButton.setAccessibleName(QCoreApplication.translate("FeedbackCard", u"Dismiss the feedback", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

