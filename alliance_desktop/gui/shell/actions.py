"""One registry for the main window's actions, in the shape of MusicBrainz Picard's.

Each action is declared once (``ActionSpec``: name, text, shortcut, menu, handler,
icon) and created into the window by ``ActionRegistry.create``; everything else looks
it up by name (``registry.action("actionLock")``). The shell declares its own in
``SHELL_ACTIONS``; a feature adds its actions through ``MainWindow.registerAction``,
which builds a spec the same way. Menus are created on first use, in ``MENU_ORDER``,
so a feature's menu lands in its place whichever feature registers first.

The texts of ``SHELL_ACTIONS`` are marked with ``QT_TRANSLATE_NOOP`` and translated
in ``retranslate`` under the ``MainWindow`` context; a feature passes its text
already translated and retranslates it itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

CONTEXT = "MainWindow"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context``; translated where it is shown."""
    return text


Shortcut = str | QKeySequence | QKeySequence.StandardKey | Qt.Key
#: Menus in the order they stand in the menu bar.
MENU_ORDER = ("file", "edit", "client", "session", "view", "insights", "supervision", "help")
MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "client": QT_TRANSLATE_NOOP("MainWindow", "&Client"),
    "session": QT_TRANSLATE_NOOP("MainWindow", "&Session"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "insights": QT_TRANSLATE_NOOP("MainWindow", "&Insights"),
    "supervision": QT_TRANSLATE_NOOP("MainWindow", "&Supervision"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}
#: The menus' objectNames, as the hubs named theirs before the registry.
MENU_NAMES = {key: "menu" + key.capitalize() for key in MENU_ORDER}


@dataclass(frozen=True)
class ActionSpec:
    """One action, declared once.

    ``handler`` is a callable, or the name of a method of the window it is created
    into (so the table can be written before the window exists). ``shortcuts``
    falls back to ``fallback`` when the platform has no standard key for it.
    ``before`` places it in its menu above that action (by name); ``separator`` puts
    a line above it; ``always`` keeps it enabled while the vault is locked.
    """

    name: str
    text: str
    handler: str | Callable[..., object] | None = None
    shortcuts: Sequence[Shortcut] = ()
    fallback: str | None = None
    menu: str | None = None
    icon: str | None = None
    checkable: bool = False
    toolbar: bool = False
    before: str | None = None
    separator: bool = False
    always: bool = False
    translate: bool = True  # False: ``text`` is already translated (features)


def _spec(name: str, text: str, handler: str, shortcut: Shortcut | None = None, **kw) -> ActionSpec:
    return ActionSpec(name, text, handler, (shortcut,) if shortcut is not None else (), **kw)


S = QKeySequence.StandardKey
#: The shell's own actions, in menu order.
SHELL_ACTIONS: tuple[ActionSpec, ...] = (
    _spec("actionNewSession", QT_TRANSLATE_NOOP("MainWindow", "&New session"), "newSession", "Ctrl+N",
          menu="file", icon="add", toolbar=True),
    _spec("actionNewClient", QT_TRANSLATE_NOOP("MainWindow", "New &client…"), "newClient", "Ctrl+Shift+N",
          menu="file", icon="add", toolbar=True),
    _spec("actionBackup", QT_TRANSLATE_NOOP("MainWindow", "&Back up now"), "backupRequested", "Ctrl+Shift+B",
          menu="file", icon="save", separator=True),
    _spec("actionPrivacy", QT_TRANSLATE_NOOP("MainWindow", "&Hide for privacy"), "togglePrivacy", "Ctrl+Shift+H",
          menu="file", icon="eye-off", checkable=True),
    _spec("actionLock", QT_TRANSLATE_NOOP("MainWindow", "&Lock"), "lockRequested", "Ctrl+L",
          menu="file", icon="lock"),
    _spec("actionQuit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "quitRequested", S.Quit, fallback="Ctrl+Q",
          menu="file", separator=True, always=True),
    _spec("actionUndoDelete", QT_TRANSLATE_NOOP("MainWindow", "&Undo delete"), "undoDelete", menu="edit"),
    _spec("actionSearch", QT_TRANSLATE_NOOP("MainWindow", "&Find…"), "focusSearch", S.Find,
          menu="edit", icon="search"),
    _spec("actionSettings", QT_TRANSLATE_NOOP("MainWindow", "&Settings…"), "settingsRequested", S.Preferences,
          fallback="Ctrl+,", menu="edit", icon="settings", separator=True),
    _spec("actionEditClient", QT_TRANSLATE_NOOP("MainWindow", "&Edit client…"), "editClient", "Ctrl+E",
          menu="client", icon="edit"),
    _spec("actionToggleClosed", QT_TRANSLATE_NOOP("MainWindow", "Close client"), "toggleClosed", menu="client"),
    _spec("actionDeleteClient", QT_TRANSLATE_NOOP("MainWindow", "&Delete client…"), "deleteClient",
          menu="client", icon="trash"),
    _spec("actionOpenSession", QT_TRANSLATE_NOOP("MainWindow", "&Open session"), "openSelectedSession",
          menu="client", icon="edit", separator=True),
    _spec("actionDeleteSession", QT_TRANSLATE_NOOP("MainWindow", "Delete session…"), "deleteSession",
          menu="client", icon="trash"),
    _spec("actionShortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), "shortcutsRequested",
          S.HelpContents, menu="help", icon="help", always=True),
    _spec("actionAboutData", QT_TRANSLATE_NOOP("MainWindow", "About your &data"), "aboutDataRequested", menu="help"),
    _spec("actionAudit", QT_TRANSLATE_NOOP("MainWindow", "Vault &activity"), "auditRequested", menu="help"),
    _spec("actionAbout", QT_TRANSLATE_NOOP("MainWindow", "&About Alliance Desktop"), "aboutRequested",
          menu="help", always=True),
)  # fmt: skip


def tool_tip(text: str) -> str:
    """A menu text as a tool tip: no mnemonic, no trailing ellipsis."""
    return text.replace("&", "").rstrip("…")


class ActionRegistry(QObject):
    """The window's actions by name, and the menus they sit in."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("actionRegistry")
        self._window = window
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}

    # -- lookup ----------------------------------------------------------------

    def action(self, name: str) -> QAction:
        """The action called ``name``; KeyError when none was created."""
        return self._actions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())

    def spec(self, name: str) -> ActionSpec:
        return self._specs[name]

    def always_enabled(self) -> list[QAction]:
        """The actions that work while the vault is locked (Quit, About, Shortcuts)."""
        return [self._actions[n] for n, s in self._specs.items() if s.always]

    # -- menus -----------------------------------------------------------------

    def menu(self, key: str, title: str | None = None) -> QMenu:
        """The menu ``key`` ("file", "view", …), created in its place on first use.
        An unknown key gets a menu just before Help."""
        menu = self._menus.get(key)
        if menu is not None:
            if title is not None:
                menu.setTitle(title)
            return menu
        bar = self._window.menuBar()
        menu = QMenu(bar)
        menu.setObjectName(MENU_NAMES.get(key, "menu" + key.capitalize()))
        menu.setTitle(title if title is not None else self._menu_title(key))
        order = MENU_ORDER.index(key) if key in MENU_ORDER else MENU_ORDER.index("help") - 0.5
        after = [
            m
            for k, m in self._menus.items()
            if (MENU_ORDER.index(k) if k in MENU_ORDER else len(MENU_ORDER)) > order
        ]
        if after:
            first = min(after, key=lambda m: bar.actions().index(m.menuAction()))
            bar.insertMenu(first.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self._menus[key] = menu
        return menu

    @staticmethod
    def _menu_title(key: str) -> str:
        source = MENU_TITLES.get(key)
        return QCoreApplication.translate(CONTEXT, source) if source else key.capitalize()

    # -- creation --------------------------------------------------------------

    def create(self, spec: ActionSpec, *, handler: Callable[..., object] | None = None) -> QAction:
        """Create ``spec``'s action in the window (its shortcut active window-wide),
        connect its handler and place it in its menu."""
        if spec.name in self._actions:
            raise ValueError(f"an action named {spec.name} already exists")
        w = self._window
        action = QAction(w)
        action.setObjectName(spec.name)
        if spec.icon:
            action.setIcon(QIcon(f":/icons/{spec.icon}.svg"))
        keys = [QKeySequence(k) for k in spec.shortcuts]
        keys = [k for k in keys if not k.isEmpty()]
        if not keys and spec.fallback:
            keys = [QKeySequence(spec.fallback)]
        if keys:
            action.setShortcuts(keys)
        action.setCheckable(spec.checkable)
        slot = handler or self._resolve(spec.handler)
        if slot is not None:
            action.triggered.connect(lambda _checked=False, s=slot: s())
        w.addAction(action)
        self._specs[spec.name] = spec
        self._actions[spec.name] = action
        self._set_text(action, spec)
        if spec.menu:
            self._place(action, spec)
        return action

    def create_all(self, specs: Sequence[ActionSpec]) -> list[QAction]:
        return [self.create(spec) for spec in specs]

    def _resolve(self, handler: str | Callable[..., object] | None) -> Callable[..., object] | None:
        if handler is None or callable(handler):
            return handler
        target = getattr(self._window, handler)
        emit = getattr(target, "emit", None)  # a signal: emit it
        return emit if callable(emit) else target

    def _place(self, action: QAction, spec: ActionSpec) -> None:
        assert spec.menu is not None
        menu = self.menu(spec.menu)
        before = self._actions.get(spec.before) if spec.before else None
        items = menu.actions()
        if before is not None and before in items:
            at = items.index(before)
            if at > 0 and items[at - 1].isSeparator():
                before = items[at - 1]  # above the line that sets ``before`` apart
            if spec.separator:
                menu.insertSeparator(before)
            menu.insertAction(before, action)
            return
        if spec.separator and menu.actions():
            menu.addSeparator()
        menu.addAction(action)

    @staticmethod
    def _set_text(action: QAction, spec: ActionSpec) -> None:
        text = QCoreApplication.translate(CONTEXT, spec.text) if spec.translate else spec.text
        action.setText(text)
        action.setToolTip(tool_tip(text))

    def retranslate(self) -> None:
        """The shell's texts and menu titles again, in the current language."""
        for name, spec in self._specs.items():
            if spec.translate:
                self._set_text(self._actions[name], spec)
        for key, menu in self._menus.items():
            if key in MENU_TITLES:
                menu.setTitle(self._menu_title(key))

    def add_to_widget(self, widget: QWidget, *names: str) -> None:
        for name in names:
            widget.addAction(self._actions[name])


def feature_spec(
    name: str,
    text: str,
    handler: Callable[..., object] | None,
    shortcut: Shortcut | Sequence[Shortcut] | None = None,
    **options: object,
) -> ActionSpec:
    """A feature's action (``MainWindow.registerAction``): its text already translated,
    one shortcut or several."""
    if shortcut is None:
        keys: tuple[Shortcut, ...] = ()
    elif isinstance(shortcut, str | QKeySequence | QKeySequence.StandardKey | Qt.Key):
        keys = (shortcut,)
    else:
        keys = tuple(shortcut)
    return ActionSpec(name, text, handler, keys, translate=False, **options)  # type: ignore[arg-type]


__all__ = [
    "MENU_ORDER",
    "SHELL_ACTIONS",
    "ActionRegistry",
    "ActionSpec",
    "feature_spec",
    "tool_tip",
]
