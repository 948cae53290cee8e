# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtGui import (QIcon)
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from alliance_desktop.gui.editor.rating_input import RatingInput

class Ui_SessionEditorForm(object):
    def setupUi(self, sessionEditor):
        if not sessionEditor.objectName():
            sessionEditor.setObjectName(u"sessionEditor")
        sessionEditor.resize(760, 720)
        self.outerLayout = QVBoxLayout(sessionEditor)
        self.outerLayout.setSpacing(0)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(sessionEditor)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setSpacing(10)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(20, 16, 20, 16)
        self.titleLabel = QLabel(self.scrollContents)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.contentLayout.addWidget(self.titleLabel)

        self.generalError = QLabel(self.scrollContents)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setVisible(False)
        self.generalError.setWordWrap(True)
        self.generalError.setProperty(u"role", u"error")

        self.contentLayout.addWidget(self.generalError)

        self.metaGrid = QGridLayout()
        self.metaGrid.setObjectName(u"metaGrid")
        self.metaGrid.setHorizontalSpacing(16)
        self.metaGrid.setVerticalSpacing(4)
        self.dateLabel = QLabel(self.scrollContents)
        self.dateLabel.setObjectName(u"dateLabel")

        self.metaGrid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.durationLabel = QLabel(self.scrollContents)
        self.durationLabel.setObjectName(u"durationLabel")

        self.metaGrid.addWidget(self.durationLabel, 0, 1, 1, 1)

        self.modalityLabel = QLabel(self.scrollContents)
        self.modalityLabel.setObjectName(u"modalityLabel")

        self.metaGrid.addWidget(self.modalityLabel, 0, 2, 1, 1)

        self.dateEdit = QDateEdit(self.scrollContents)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"ddd d MMM yyyy")

        self.metaGrid.addWidget(self.dateEdit, 1, 0, 1, 1)

        self.durationInput = QSpinBox(self.scrollContents)
        self.durationInput.setObjectName(u"durationInput")
        self.durationInput.setMinimum(0)
        self.durationInput.setMaximum(600)
        self.durationInput.setSingleStep(5)

        self.metaGrid.addWidget(self.durationInput, 1, 1, 1, 1)

        self.modalityInput = QComboBox(self.scrollContents)
        self.modalityInput.setObjectName(u"modalityInput")

        self.metaGrid.addWidget(self.modalityInput, 1, 2, 1, 1)

        self.metaSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.metaGrid.addItem(self.metaSpacer, 1, 3, 1, 1)

        self.dateError = QLabel(self.scrollContents)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setVisible(False)
        self.dateError.setWordWrap(True)
        self.dateError.setProperty(u"role", u"error")

        self.metaGrid.addWidget(self.dateError, 2, 0, 1, 1)

        self.durationError = QLabel(self.scrollContents)
        self.durationError.setObjectName(u"durationError")
        self.durationError.setVisible(False)
        self.durationError.setWordWrap(True)
        self.durationError.setProperty(u"role", u"error")

        self.metaGrid.addWidget(self.durationError, 2, 1, 1, 1)

        self.modalityError = QLabel(self.scrollContents)
        self.modalityError.setObjectName(u"modalityError")
        self.modalityError.setVisible(False)
        self.modalityError.setWordWrap(True)
        self.modalityError.setProperty(u"role", u"error")

        self.metaGrid.addWidget(self.modalityError, 2, 2, 1, 1)

        self.metaGrid.setColumnStretch(3, 1)

        self.contentLayout.addLayout(self.metaGrid)

        self.ratingsHeading = QLabel(self.scrollContents)
        self.ratingsHeading.setObjectName(u"ratingsHeading")
        self.ratingsHeading.setProperty(u"role", u"heading")

        self.contentLayout.addWidget(self.ratingsHeading)

        self.ratingsGrid = QGridLayout()
        self.ratingsGrid.setObjectName(u"ratingsGrid")
        self.ratingsGrid.setHorizontalSpacing(14)
        self.ratingsGrid.setVerticalSpacing(6)
        self.trustLabel = QLabel(self.scrollContents)
        self.trustLabel.setObjectName(u"trustLabel")

        self.ratingsGrid.addWidget(self.trustLabel, 0, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.trustInput = RatingInput(self.scrollContents)
        self.trustInput.setObjectName(u"trustInput")
        self.trustInput.setOptional(False)

        self.ratingsGrid.addWidget(self.trustInput, 0, 1, 1, 1)

        self.trustError = QLabel(self.scrollContents)
        self.trustError.setObjectName(u"trustError")
        self.trustError.setVisible(False)
        self.trustError.setWordWrap(True)
        self.trustError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.trustError, 1, 1, 1, 2)

        self.engagementLabel = QLabel(self.scrollContents)
        self.engagementLabel.setObjectName(u"engagementLabel")

        self.ratingsGrid.addWidget(self.engagementLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.engagementInput = RatingInput(self.scrollContents)
        self.engagementInput.setObjectName(u"engagementInput")
        self.engagementInput.setOptional(False)

        self.ratingsGrid.addWidget(self.engagementInput, 2, 1, 1, 1)

        self.engagementError = QLabel(self.scrollContents)
        self.engagementError.setObjectName(u"engagementError")
        self.engagementError.setVisible(False)
        self.engagementError.setWordWrap(True)
        self.engagementError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.engagementError, 3, 1, 1, 2)

        self.goalAlignmentLabel = QLabel(self.scrollContents)
        self.goalAlignmentLabel.setObjectName(u"goalAlignmentLabel")

        self.ratingsGrid.addWidget(self.goalAlignmentLabel, 4, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.goalAlignmentInput = RatingInput(self.scrollContents)
        self.goalAlignmentInput.setObjectName(u"goalAlignmentInput")
        self.goalAlignmentInput.setOptional(True)

        self.ratingsGrid.addWidget(self.goalAlignmentInput, 4, 1, 1, 1)

        self.goalAlignmentOptional = QLabel(self.scrollContents)
        self.goalAlignmentOptional.setObjectName(u"goalAlignmentOptional")
        self.goalAlignmentOptional.setProperty(u"role", u"hint")

        self.ratingsGrid.addWidget(self.goalAlignmentOptional, 4, 2, 1, 1)

        self.goalAlignmentError = QLabel(self.scrollContents)
        self.goalAlignmentError.setObjectName(u"goalAlignmentError")
        self.goalAlignmentError.setVisible(False)
        self.goalAlignmentError.setWordWrap(True)
        self.goalAlignmentError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.goalAlignmentError, 5, 1, 1, 2)

        self.approachFitLabel = QLabel(self.scrollContents)
        self.approachFitLabel.setObjectName(u"approachFitLabel")

        self.ratingsGrid.addWidget(self.approachFitLabel, 6, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.approachFitInput = RatingInput(self.scrollContents)
        self.approachFitInput.setObjectName(u"approachFitInput")
        self.approachFitInput.setOptional(True)

        self.ratingsGrid.addWidget(self.approachFitInput, 6, 1, 1, 1)

        self.approachFitOptional = QLabel(self.scrollContents)
        self.approachFitOptional.setObjectName(u"approachFitOptional")
        self.approachFitOptional.setProperty(u"role", u"hint")

        self.ratingsGrid.addWidget(self.approachFitOptional, 6, 2, 1, 1)

        self.approachFitError = QLabel(self.scrollContents)
        self.approachFitError.setObjectName(u"approachFitError")
        self.approachFitError.setVisible(False)
        self.approachFitError.setWordWrap(True)
        self.approachFitError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.approachFitError, 7, 1, 1, 2)

        self.clientRatingLabel = QLabel(self.scrollContents)
        self.clientRatingLabel.setObjectName(u"clientRatingLabel")

        self.ratingsGrid.addWidget(self.clientRatingLabel, 8, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.clientRatingRow = QHBoxLayout()
        self.clientRatingRow.setSpacing(8)
        self.clientRatingRow.setObjectName(u"clientRatingRow")
        self.clientRatingEdit = QLineEdit(self.scrollContents)
        self.clientRatingEdit.setObjectName(u"clientRatingEdit")
        self.clientRatingEdit.setMaximumSize(QSize(96, 16777215))
        self.clientRatingEdit.setMaxLength(12)

        self.clientRatingRow.addWidget(self.clientRatingEdit)

        self.clientRatingScaleLabel = QLabel(self.scrollContents)
        self.clientRatingScaleLabel.setObjectName(u"clientRatingScaleLabel")
        self.clientRatingScaleLabel.setProperty(u"role", u"hint")

        self.clientRatingRow.addWidget(self.clientRatingScaleLabel)

        self.clientRatingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.clientRatingRow.addItem(self.clientRatingSpacer)


        self.ratingsGrid.addLayout(self.clientRatingRow, 8, 1, 1, 2)

        self.clientRatingError = QLabel(self.scrollContents)
        self.clientRatingError.setObjectName(u"clientRatingError")
        self.clientRatingError.setVisible(False)
        self.clientRatingError.setWordWrap(True)
        self.clientRatingError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.clientRatingError, 9, 1, 1, 2)

        self.outcomeRatingLabel = QLabel(self.scrollContents)
        self.outcomeRatingLabel.setObjectName(u"outcomeRatingLabel")
        self.outcomeRatingLabel.setWordWrap(True)

        self.ratingsGrid.addWidget(self.outcomeRatingLabel, 10, 0, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.outcomeRatingRow = QHBoxLayout()
        self.outcomeRatingRow.setSpacing(8)
        self.outcomeRatingRow.setObjectName(u"outcomeRatingRow")
        self.outcomeRatingInput = QDoubleSpinBox(self.scrollContents)
        self.outcomeRatingInput.setObjectName(u"outcomeRatingInput")
        self.outcomeRatingInput.setDecimals(1)
        self.outcomeRatingInput.setMinimum(-1.000000000000000)
        self.outcomeRatingInput.setMaximum(40.000000000000000)
        self.outcomeRatingInput.setValue(-1.000000000000000)
        self.outcomeRatingInput.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

        self.outcomeRatingRow.addWidget(self.outcomeRatingInput)

        self.outcomeRatingScaleLabel = QLabel(self.scrollContents)
        self.outcomeRatingScaleLabel.setObjectName(u"outcomeRatingScaleLabel")
        self.outcomeRatingScaleLabel.setProperty(u"role", u"hint")

        self.outcomeRatingRow.addWidget(self.outcomeRatingScaleLabel)

        self.outcomeRatingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeRatingRow.addItem(self.outcomeRatingSpacer)


        self.ratingsGrid.addLayout(self.outcomeRatingRow, 10, 1, 1, 2)

        self.outcomeRatingHint = QLabel(self.scrollContents)
        self.outcomeRatingHint.setObjectName(u"outcomeRatingHint")
        self.outcomeRatingHint.setWordWrap(True)
        self.outcomeRatingHint.setProperty(u"role", u"hint")

        self.ratingsGrid.addWidget(self.outcomeRatingHint, 11, 1, 1, 2)

        self.outcomeRatingError = QLabel(self.scrollContents)
        self.outcomeRatingError.setObjectName(u"outcomeRatingError")
        self.outcomeRatingError.setVisible(False)
        self.outcomeRatingError.setWordWrap(True)
        self.outcomeRatingError.setProperty(u"role", u"error")

        self.ratingsGrid.addWidget(self.outcomeRatingError, 12, 1, 1, 2)

        self.ratingsGrid.setColumnStretch(2, 1)

        self.contentLayout.addLayout(self.ratingsGrid)

        self.reflectionHeading = QLabel(self.scrollContents)
        self.reflectionHeading.setObjectName(u"reflectionHeading")
        self.reflectionHeading.setProperty(u"role", u"heading")

        self.contentLayout.addWidget(self.reflectionHeading)

        self.bodyLayout = QVBoxLayout()
        self.bodyLayout.setSpacing(10)
        self.bodyLayout.setObjectName(u"bodyLayout")

        self.contentLayout.addLayout(self.bodyLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

        self.footer = QFrame(sessionEditor)
        self.footer.setObjectName(u"footer")
        self.footer.setFrameShape(QFrame.Shape.NoFrame)
        self.footer.setProperty(u"role", u"footer")
        self.footerLayout = QHBoxLayout(self.footer)
        self.footerLayout.setSpacing(8)
        self.footerLayout.setObjectName(u"footerLayout")
        self.footerLayout.setContentsMargins(20, 8, 20, 10)
        self.supervisionCheck = QCheckBox(self.footer)
        self.supervisionCheck.setObjectName(u"supervisionCheck")
        icon = QIcon()
        icon.addFile(u":/icons/flag.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.supervisionCheck.setIcon(icon)

        self.footerLayout.addWidget(self.supervisionCheck)

        self.readingLabel = QLabel(self.footer)
        self.readingLabel.setObjectName(u"readingLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.readingLabel.sizePolicy().hasHeightForWidth())
        self.readingLabel.setSizePolicy(sizePolicy)
        self.readingLabel.setVisible(False)
        self.readingLabel.setWordWrap(True)
        self.readingLabel.setProperty(u"role", u"hint")

        self.footerLayout.addWidget(self.readingLabel)

        self.footerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.editSessionButton = QPushButton(self.footer)
        self.editSessionButton.setObjectName(u"editSessionButton")
        self.editSessionButton.setVisible(False)

        self.footerLayout.addWidget(self.editSessionButton)

        self.saveSessionButton = QPushButton(self.footer)
        self.saveSessionButton.setObjectName(u"saveSessionButton")
        icon1 = QIcon()
        icon1.addFile(u":/icons/save.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.saveSessionButton.setIcon(icon1)

        self.footerLayout.addWidget(self.saveSessionButton)

        self.cancelButton = QPushButton(self.footer)
        self.cancelButton.setObjectName(u"cancelButton")

        self.footerLayout.addWidget(self.cancelButton)


        self.outerLayout.addWidget(self.footer)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.durationLabel.setBuddy(self.durationInput)
        self.modalityLabel.setBuddy(self.modalityInput)
        self.trustLabel.setBuddy(self.trustInput)
        self.engagementLabel.setBuddy(self.engagementInput)
        self.goalAlignmentLabel.setBuddy(self.goalAlignmentInput)
        self.approachFitLabel.setBuddy(self.approachFitInput)
        self.clientRatingLabel.setBuddy(self.clientRatingEdit)
        self.outcomeRatingLabel.setBuddy(self.outcomeRatingInput)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.durationInput)
        QWidget.setTabOrder(self.durationInput, self.modalityInput)
        QWidget.setTabOrder(self.modalityInput, self.trustInput)
        QWidget.setTabOrder(self.trustInput, self.engagementInput)
        QWidget.setTabOrder(self.engagementInput, self.goalAlignmentInput)
        QWidget.setTabOrder(self.goalAlignmentInput, self.approachFitInput)
        QWidget.setTabOrder(self.approachFitInput, self.clientRatingEdit)
        QWidget.setTabOrder(self.clientRatingEdit, self.outcomeRatingInput)
        QWidget.setTabOrder(self.outcomeRatingInput, self.supervisionCheck)
        QWidget.setTabOrder(self.supervisionCheck, self.editSessionButton)
        QWidget.setTabOrder(self.editSessionButton, self.saveSessionButton)
        QWidget.setTabOrder(self.saveSessionButton, self.cancelButton)

        self.retranslateUi(sessionEditor)
    # setupUi

    def retranslateUi(self, sessionEditor):
#if QT_CONFIG(accessibility)
        sessionEditor.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Session editor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scrollArea.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Session editor", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("SessionEditorForm", u"New session", None))
        self.dateLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Date", None))
        self.durationLabel.setText(QCoreApplication.translate("SessionEditorForm", u"D&uration", None))
        self.modalityLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Modality", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Session date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.durationInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Duration in minutes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.durationInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"Optional. Leave at \u2014 if you would rather not note it.", None))
#endif // QT_CONFIG(tooltip)
        self.durationInput.setSpecialValueText(QCoreApplication.translate("SessionEditorForm", u"\u2014", None))
        self.durationInput.setSuffix(QCoreApplication.translate("SessionEditorForm", u" min", None))
#if QT_CONFIG(accessibility)
        self.modalityInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Modality", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.modalityInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How you met. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.ratingsHeading.setText(QCoreApplication.translate("SessionEditorForm", u"How the relationship felt", None))
        self.trustLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Trust", None))
#if QT_CONFIG(tooltip)
        self.trustLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The bond: how safe and open the client seemed with you today.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.trustInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Trust", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.trustInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The bond: how safe and open the client seemed with you today.", None))
#endif // QT_CONFIG(tooltip)
        self.engagementLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Engagement", None))
#if QT_CONFIG(tooltip)
        self.engagementLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How actively the client took part in the work.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.engagementInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Engagement", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.engagementInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How actively the client took part in the work.", None))
#endif // QT_CONFIG(tooltip)
        self.goalAlignmentLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Goal alignment", None))
#if QT_CONFIG(tooltip)
        self.goalAlignmentLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How far the two of you agreed on what the work is for. Optional.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.goalAlignmentInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Goal alignment", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.goalAlignmentInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How far the two of you agreed on what the work is for. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.goalAlignmentOptional.setText(QCoreApplication.translate("SessionEditorForm", u"optional", None))
        self.approachFitLabel.setText(QCoreApplication.translate("SessionEditorForm", u"A&pproach fit", None))
#if QT_CONFIG(tooltip)
        self.approachFitLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How far the two of you agreed on how to work: tasks and method. Optional.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.approachFitInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Approach fit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.approachFitInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"How far the two of you agreed on how to work: tasks and method. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.approachFitOptional.setText(QCoreApplication.translate("SessionEditorForm", u"optional", None))
        self.clientRatingLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Client rating", None))
#if QT_CONFIG(tooltip)
        self.clientRatingLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The total from the client's own feedback form, if they filled one in. Optional.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clientRatingEdit.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Client rating", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.clientRatingEdit.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The total from the client's own feedback form, if they filled one in. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.clientRatingEdit.setPlaceholderText(QCoreApplication.translate("SessionEditorForm", u"\u2014", None))
        self.clientRatingScaleLabel.setText(QCoreApplication.translate("SessionEditorForm", u"of 40", None))
        self.outcomeRatingLabel.setText(QCoreApplication.translate("SessionEditorForm", u"&Outcome (client's form)", None))
#if QT_CONFIG(tooltip)
        self.outcomeRatingLabel.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The total of the client's own outcome form: how their life is going. Kept apart from the session rating. Optional.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.outcomeRatingInput.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Outcome, from the client's own form", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.outcomeRatingInput.setToolTip(QCoreApplication.translate("SessionEditorForm", u"The total of the client's own outcome form: how their life is going. Kept apart from the session rating. Optional.", None))
#endif // QT_CONFIG(tooltip)
        self.outcomeRatingInput.setSpecialValueText(QCoreApplication.translate("SessionEditorForm", u"not recorded", None))
        self.outcomeRatingScaleLabel.setText(QCoreApplication.translate("SessionEditorForm", u"of 40 \u00b7 optional", None))
        self.outcomeRatingHint.setText(QCoreApplication.translate("SessionEditorForm", u"The client's own outcome measure (how life is going), not the session rating above.", None))
        self.reflectionHeading.setText(QCoreApplication.translate("SessionEditorForm", u"Reflection", None))
#if QT_CONFIG(accessibility)
        self.supervisionCheck.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Bring to supervision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.supervisionCheck.setToolTip(QCoreApplication.translate("SessionEditorForm", u"Mark this session to bring to supervision; the supervision list and report pick it up.", None))
#endif // QT_CONFIG(tooltip)
        self.supervisionCheck.setText(QCoreApplication.translate("SessionEditorForm", u"Bring to &supervision", None))
        self.readingLabel.setText(QCoreApplication.translate("SessionEditorForm", u"Reading a saved session. Press E to edit it.", None))
#if QT_CONFIG(accessibility)
        self.editSessionButton.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Edit this session", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.editSessionButton.setToolTip(QCoreApplication.translate("SessionEditorForm", u"Edit this session (E)", None))
#endif // QT_CONFIG(tooltip)
        self.editSessionButton.setText(QCoreApplication.translate("SessionEditorForm", u"Edit", None))
#if QT_CONFIG(accessibility)
        self.saveSessionButton.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Save session", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.saveSessionButton.setToolTip(QCoreApplication.translate("SessionEditorForm", u"Save the session (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveSessionButton.setText(QCoreApplication.translate("SessionEditorForm", u"Save", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("SessionEditorForm", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("SessionEditorForm", u"Close the editor (Esc); an unsaved draft is kept", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("SessionEditorForm", u"Cancel", None))
    # retranslateUi

