# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'delete_client_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_DeleteClientDialog(object):
    def setupUi(self, DeleteClientDialog):
        if not DeleteClientDialog.objectName():
            DeleteClientDialog.setObjectName(u"DeleteClientDialog")
        DeleteClientDialog.resize(440, 220)
        self.rootLayout = QVBoxLayout(DeleteClientDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.warningLabel = QLabel(DeleteClientDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.warningLabel)

        self.confirmEdit = QLineEdit(DeleteClientDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")

        self.rootLayout.addWidget(self.confirmEdit)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rootLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(DeleteClientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.rootLayout.addWidget(self.buttonBox)


        self.retranslateUi(DeleteClientDialog)
    # setupUi

    def retranslateUi(self, DeleteClientDialog):
        DeleteClientDialog.setWindowTitle(QCoreApplication.translate("DeleteClientDialog", u"Delete client", None))
        self.warningLabel.setText("")
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("DeleteClientDialog", u"Type the client code to confirm", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

