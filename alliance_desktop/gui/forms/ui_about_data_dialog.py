# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_data_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout)

class Ui_AboutDataDialog(object):
    def setupUi(self, aboutDataDialog):
        if not aboutDataDialog.objectName():
            aboutDataDialog.setObjectName(u"aboutDataDialog")
        self.aboutDataLayout = QVBoxLayout(aboutDataDialog)
        self.aboutDataLayout.setObjectName(u"aboutDataLayout")
        self.aboutDataTitle = QLabel(aboutDataDialog)
        self.aboutDataTitle.setObjectName(u"aboutDataTitle")
        self.aboutDataTitle.setProperty(u"role", u"title")

        self.aboutDataLayout.addWidget(self.aboutDataTitle)

        self.aboutDataText = QTextBrowser(aboutDataDialog)
        self.aboutDataText.setObjectName(u"aboutDataText")
        self.aboutDataText.setOpenLinks(False)

        self.aboutDataLayout.addWidget(self.aboutDataText)

        self.buttonBox = QDialogButtonBox(aboutDataDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.aboutDataLayout.addWidget(self.buttonBox)


        self.retranslateUi(aboutDataDialog)
    # setupUi

    def retranslateUi(self, aboutDataDialog):
        aboutDataDialog.setWindowTitle(QCoreApplication.translate("AboutDataDialog", u"About your data", None))
        self.aboutDataTitle.setText(QCoreApplication.translate("AboutDataDialog", u"About your data", None))
#if QT_CONFIG(accessibility)
        self.aboutDataText.setAccessibleName(QCoreApplication.translate("AboutDataDialog", u"About your data", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

