# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView, QMenuBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

from alliance_desktop.gui.common.widgets.eliding_label import ElidingLabel
from alliance_desktop.gui.common.widgets.hover_select_label import HoverSelectableLabel
from alliance_desktop.gui.common.widgets.page import Page
from alliance_desktop.gui.common.widgets.row_table import RowTableView
from alliance_desktop.gui.common.widgets.tab_widget import TabWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.rootStack = QStackedWidget(self.centralWidget)
        self.rootStack.setObjectName(u"rootStack")
        self.workspacePage = QWidget()
        self.workspacePage.setObjectName(u"workspacePage")
        self.workspaceLayout = QVBoxLayout(self.workspacePage)
        self.workspaceLayout.setObjectName(u"workspaceLayout")
        self.workspaceLayout.setContentsMargins(8, 8, 8, 4)
        self.splitter = QSplitter(self.workspacePage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.clientPanel = QWidget(self.splitter)
        self.clientPanel.setObjectName(u"clientPanel")
        self.clientPanelLayout = QVBoxLayout(self.clientPanel)
        self.clientPanelLayout.setObjectName(u"clientPanelLayout")
        self.clientPanelLayout.setContentsMargins(0, 0, 4, 0)
        self.clientFilterEdit = QLineEdit(self.clientPanel)
        self.clientFilterEdit.setObjectName(u"clientFilterEdit")
        self.clientFilterEdit.setClearButtonEnabled(True)

        self.clientPanelLayout.addWidget(self.clientFilterEdit)

        self.clientList = QListView(self.clientPanel)
        self.clientList.setObjectName(u"clientList")
        self.clientList.setUniformItemSizes(False)
        self.clientList.setSpacing(1)

        self.clientPanelLayout.addWidget(self.clientList)

        self.addClientButton = QPushButton(self.clientPanel)
        self.addClientButton.setObjectName(u"addClientButton")

        self.clientPanelLayout.addWidget(self.addClientButton)

        self.splitter.addWidget(self.clientPanel)
        self.contentStack = QStackedWidget(self.splitter)
        self.contentStack.setObjectName(u"contentStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyTitle = QLabel(self.emptyPage)
        self.emptyTitle.setObjectName(u"emptyTitle")
        self.emptyTitle.setAlignment(Qt.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitle)

        self.emptyText = QLabel(self.emptyPage)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setAlignment(Qt.AlignCenter)
        self.emptyText.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyText)

        self.emptyButtons = QHBoxLayout()
        self.emptyButtons.setObjectName(u"emptyButtons")
        self.emptyLeft = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyLeft)

        self.emptyAddClientButton = QPushButton(self.emptyPage)
        self.emptyAddClientButton.setObjectName(u"emptyAddClientButton")

        self.emptyButtons.addWidget(self.emptyAddClientButton)

        self.emptyRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyRight)


        self.emptyLayout.addLayout(self.emptyButtons)

        self.emptyBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.contentStack.addWidget(self.emptyPage)
        self.clientPage = Page()
        self.clientPage.setObjectName(u"clientPage")
        self.clientPageLayout = QVBoxLayout(self.clientPage)
        self.clientPageLayout.setObjectName(u"clientPageLayout")
        self.clientTitle = ElidingLabel(self.clientPage)
        self.clientTitle.setObjectName(u"clientTitle")
        self.clientTitle.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.clientPageLayout.addWidget(self.clientTitle)

        self.clientGoals = HoverSelectableLabel(self.clientPage)
        self.clientGoals.setObjectName(u"clientGoals")
        self.clientGoals.setWordWrap(True)

        self.clientPageLayout.addWidget(self.clientGoals)

        self.draftBar = QFrame(self.clientPage)
        self.draftBar.setObjectName(u"draftBar")
        self.draftBarLayout = QHBoxLayout(self.draftBar)
        self.draftBarLayout.setObjectName(u"draftBarLayout")
        self.draftLabel = QLabel(self.draftBar)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setWordWrap(True)

        self.draftBarLayout.addWidget(self.draftLabel)

        self.resumeDraftButton = QPushButton(self.draftBar)
        self.resumeDraftButton.setObjectName(u"resumeDraftButton")

        self.draftBarLayout.addWidget(self.resumeDraftButton)

        self.discardDraftButton = QPushButton(self.draftBar)
        self.discardDraftButton.setObjectName(u"discardDraftButton")

        self.draftBarLayout.addWidget(self.discardDraftButton)


        self.clientPageLayout.addWidget(self.draftBar)

        self.clientTabs = TabWidget(self.clientPage)
        self.clientTabs.setObjectName(u"clientTabs")
        self.timelineTab = QWidget()
        self.timelineTab.setObjectName(u"timelineTab")
        self.timelineLayout = QVBoxLayout(self.timelineTab)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineView = RowTableView(self.timelineTab)
        self.timelineView.setObjectName(u"timelineView")
        self.timelineView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timelineView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.timelineView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.timelineView.setAlternatingRowColors(True)
        self.timelineView.setShowGrid(False)
        self.timelineView.setWordWrap(False)

        self.timelineLayout.addWidget(self.timelineView)

        self.timelineEmpty = QLabel(self.timelineTab)
        self.timelineEmpty.setObjectName(u"timelineEmpty")
        self.timelineEmpty.setAlignment(Qt.AlignCenter)
        self.timelineEmpty.setWordWrap(True)

        self.timelineLayout.addWidget(self.timelineEmpty)

        self.clientTabs.addTab(self.timelineTab, "")

        self.clientPageLayout.addWidget(self.clientTabs)

        self.clientActions = QHBoxLayout()
        self.clientActions.setObjectName(u"clientActions")
        self.clientActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.clientActions.addItem(self.clientActionsSpacer)

        self.newSessionButton = QPushButton(self.clientPage)
        self.newSessionButton.setObjectName(u"newSessionButton")

        self.clientActions.addWidget(self.newSessionButton)


        self.clientPageLayout.addLayout(self.clientActions)

        self.contentStack.addWidget(self.clientPage)
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QVBoxLayout(self.editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorTitle = QLabel(self.editorPage)
        self.editorTitle.setObjectName(u"editorTitle")

        self.editorLayout.addWidget(self.editorTitle)

        self.contentStack.addWidget(self.editorPage)
        self.searchPage = QWidget()
        self.searchPage.setObjectName(u"searchPage")
        self.searchLayout = QVBoxLayout(self.searchPage)
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchTitle = QLabel(self.searchPage)
        self.searchTitle.setObjectName(u"searchTitle")

        self.searchLayout.addWidget(self.searchTitle)

        self.searchResults = QListView(self.searchPage)
        self.searchResults.setObjectName(u"searchResults")
        self.searchResults.setAlternatingRowColors(True)
        self.searchResults.setWordWrap(True)

        self.searchLayout.addWidget(self.searchResults)

        self.searchEmpty = QLabel(self.searchPage)
        self.searchEmpty.setObjectName(u"searchEmpty")
        self.searchEmpty.setAlignment(Qt.AlignCenter)
        self.searchEmpty.setWordWrap(True)

        self.searchLayout.addWidget(self.searchEmpty)

        self.contentStack.addWidget(self.searchPage)
        self.splitter.addWidget(self.contentStack)

        self.workspaceLayout.addWidget(self.splitter)

        self.rootStack.addWidget(self.workspacePage)
        self.lockedPage = QWidget()
        self.lockedPage.setObjectName(u"lockedPage")
        self.lockedLayout = QVBoxLayout(self.lockedPage)
        self.lockedLayout.setObjectName(u"lockedLayout")
        self.rootStack.addWidget(self.lockedPage)

        self.centralLayout.addWidget(self.rootStack)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
        QWidget.setTabOrder(self.clientFilterEdit, self.clientList)
        QWidget.setTabOrder(self.clientList, self.addClientButton)
        QWidget.setTabOrder(self.addClientButton, self.resumeDraftButton)
        QWidget.setTabOrder(self.resumeDraftButton, self.discardDraftButton)
        QWidget.setTabOrder(self.discardDraftButton, self.clientTabs)
        QWidget.setTabOrder(self.clientTabs, self.timelineView)
        QWidget.setTabOrder(self.timelineView, self.newSessionButton)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Alliance Desktop", None))
        self.clientFilterEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Filter clients\u2026", None))
#if QT_CONFIG(accessibility)
        self.clientFilterEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"Filter clients", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.clientList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Clients", None))
#endif // QT_CONFIG(accessibility)
        self.addClientButton.setText(QCoreApplication.translate("MainWindow", u"Add client", None))
#if QT_CONFIG(accessibility)
        self.addClientButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Add client", None))
#endif // QT_CONFIG(accessibility)
        self.emptyTitle.setText("")
        self.emptyTitle.setProperty(u"role", QCoreApplication.translate("MainWindow", u"title", None))
        self.emptyText.setText("")
        self.emptyAddClientButton.setText(QCoreApplication.translate("MainWindow", u"Add your first client", None))
#if QT_CONFIG(accessibility)
        self.emptyAddClientButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Add your first client", None))
#endif // QT_CONFIG(accessibility)
        self.clientTitle.setText("")
        self.clientTitle.setProperty(u"role", QCoreApplication.translate("MainWindow", u"title", None))
        self.clientGoals.setText("")
        self.draftBar.setProperty(u"role", QCoreApplication.translate("MainWindow", u"card", None))
        self.draftLabel.setText("")
        self.resumeDraftButton.setText(QCoreApplication.translate("MainWindow", u"Resume draft", None))
#if QT_CONFIG(accessibility)
        self.resumeDraftButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Resume draft", None))
#endif // QT_CONFIG(accessibility)
        self.discardDraftButton.setText(QCoreApplication.translate("MainWindow", u"Discard", None))
#if QT_CONFIG(accessibility)
        self.discardDraftButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Discard draft", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.clientTabs.setAccessibleName(QCoreApplication.translate("MainWindow", u"Client views", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.timelineView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Sessions, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.timelineEmpty.setText("")
        self.clientTabs.setTabText(self.clientTabs.indexOf(self.timelineTab), QCoreApplication.translate("MainWindow", u"Timeline", None))
        self.newSessionButton.setText(QCoreApplication.translate("MainWindow", u"New session", None))
#if QT_CONFIG(accessibility)
        self.newSessionButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"New session", None))
#endif // QT_CONFIG(accessibility)
        self.editorTitle.setText("")
        self.editorTitle.setProperty(u"role", QCoreApplication.translate("MainWindow", u"title", None))
        self.searchTitle.setText("")
        self.searchTitle.setProperty(u"role", QCoreApplication.translate("MainWindow", u"title", None))
#if QT_CONFIG(accessibility)
        self.searchResults.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search results", None))
#endif // QT_CONFIG(accessibility)
        self.searchEmpty.setText("")
    # retranslateUi

