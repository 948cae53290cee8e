"""The written reflection: a template's prompts as labelled text areas.

Switching template must never lose words: sections that share a key keep their text,
and text from sections the new template lacks is carried into its first section under
the old prompt, where the therapist can see it and move it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.models import Reflection
from alliance_desktop.domain.templates import (
    DEFAULT_TEMPLATE,
    TEMPLATES,
    TEMPLATES_BY_KEY,
    Section,
    Template,
)
from alliance_desktop.gui.common.feedback import error_label

FIRST_EDIT_NAME = "reflectionEdit"


def _t(text: str) -> str:
    return QCoreApplication.translate("templates", text)


def carry_over(old: Template | None, texts: dict[str, str], new: Template) -> dict[str, str]:
    """Texts for ``new`` from ``texts`` written under ``old``, losing no words.

    Shared keys keep their text; any other non-blank text goes into the first
    section of ``new``: as is when it is the only text there, otherwise under a
    line naming the prompt it was written for.
    """
    keys = new.section_keys()
    result = {k: texts.get(k, "") for k in keys}
    prompts = {s.key: _t(s.prompt) for s in old.sections} if old else {}
    leftovers = [(prompts.get(k, k), t) for k, t in texts.items() if k not in keys and t.strip()]
    if not leftovers:
        return result
    first = keys[0]
    if len(leftovers) == 1 and not result[first].strip():
        result[first] = leftovers[0][1]
        return result
    blocks = [result[first].rstrip()] if result[first].strip() else []
    blocks += [f"{prompt}:\n{text.strip(chr(10))}" for prompt, text in leftovers]
    result[first] = "\n\n".join(blocks)
    return result


class SectionEdit(QPlainTextEdit):
    """A plain-text area that takes the free height of the editor and never shrinks
    below its text (up to 18 lines) or ``min_lines``: when the window is too small for
    that, the editor scrolls as a whole, not each box."""

    def __init__(self, min_lines: int, parent: QWidget | None = None, *, fill: bool = True) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = 18
        # Tab moves on to the next field: the keyboard-first flow relies on it.
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # ``fill``: take the free height (the reflection); otherwise just fit the text
        # (a rupture note), growing with it up to 18 lines.
        vertical = QSizePolicy.Policy.Expanding if fill else QSizePolicy.Policy.Fixed
        self.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        self.document().contentsChanged.connect(self._fit)
        self.verticalScrollBar().setAccessibleName(self.tr("Scroll the text"))
        self.horizontalScrollBar().setAccessibleName(self.tr("Scroll the text sideways"))
        self._fit()

    def _lines(self) -> int:
        layout = self.document().documentLayout()
        return int(layout.documentSize().height()) if layout else self.blockCount()

    def _height_for(self, lines: int) -> int:
        margin = self.document().documentMargin()
        # Frame, style-sheet padding and border: whatever the viewport does not get.
        chrome = self.height() - self.viewport().height() if self.isVisible() else 0
        chrome = max(chrome, self.frameWidth() * 2 + 8)
        return int(lines * self.fontMetrics().lineSpacing() + 2 * margin + chrome + 2)

    def _fit(self) -> None:
        lines = max(self._min_lines, min(self._max_lines, self._lines()))
        height = self._height_for(lines)
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(400, self.minimumHeight())


class ReflectionEditor(QWidget):
    """Template picker plus one labelled text area per section of the template."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template: Template = TEMPLATES_BY_KEY[DEFAULT_TEMPLATE]
        self._edits: dict[str, SectionEdit] = {}
        self._errors: dict[str, QLabel] = {}
        self._examples: dict[str, QLabel] = {}
        self._example_buttons: dict[str, QToolButton] = {}
        self._loading = False

        self.sectionsWidget = QWidget(self)
        self.sectionsWidget.setObjectName("reflectionSections")
        self.sectionsWidget.setAccessibleName(self.tr("Reflection sections"))
        self._sections_layout = QVBoxLayout(self.sectionsWidget)
        self._sections_layout.setContentsMargins(0, 0, 0, 0)
        self._sections_layout.setSpacing(4)

        self.templateLabel = QLabel(self.tr("&Prompts:"), self)
        self.templateLabel.setObjectName("reflectionTemplateLabel")
        self.templateLabel.setProperty("role", "hint")
        self.templateCombo = QComboBox(self)
        self.templateCombo.setObjectName("reflectionTemplateCombo")
        self.templateCombo.setAccessibleName(self.tr("Reflection prompts"))
        for tmpl in TEMPLATES:
            self.templateCombo.addItem(_t(tmpl.name), tmpl.key)
            self.templateCombo.setItemData(
                self.templateCombo.count() - 1, _t(tmpl.description), Qt.ItemDataRole.ToolTipRole
            )
        self.templateCombo.setToolTip(
            self.tr("Guided prompts; text already written is kept when you switch.")
        )
        self.templateLabel.setBuddy(self.templateCombo)
        self.templateCombo.currentIndexChanged.connect(self._template_picked)
        self.generalError = error_label("reflectionError", self)

        picker = QHBoxLayout()
        picker.setContentsMargins(0, 0, 0, 0)
        self._picker = picker
        picker.addStretch(1)
        picker.addWidget(self.templateLabel)
        picker.addWidget(self.templateCombo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.sectionsWidget, 1)
        layout.addWidget(self.generalError)
        layout.addLayout(picker)
        self._build({})

    # -- building -----------------------------------------------------------------------
    def _build(self, texts: dict[str, str]) -> None:
        for i in reversed(range(self._sections_layout.count())):
            item = self._sections_layout.takeAt(i)
            widget = item.widget() if item else None
            if widget is not None:
                # Detach now (not only deleteLater) so findChild never sees old edits.
                widget.setParent(None)
                widget.deleteLater()
        for button in self._example_buttons.values():
            if button.parent() is self:  # on the picker's line, outside the sections
                button.setParent(None)
                button.deleteLater()
        self._edits = {}
        self._errors = {}
        self._examples = {}
        self._example_buttons = {}
        single = len(self._template.sections) == 1
        for i, section in enumerate(self._template.sections):
            edit = SectionEdit(6 if single else 2, self.sectionsWidget)
            edit.setObjectName(FIRST_EDIT_NAME if i == 0 else f"{FIRST_EDIT_NAME}_{section.key}")
            edit.setPlaceholderText(_t(section.hint))
            edit.setAccessibleName(_t(section.prompt))
            edit.setAccessibleDescription(_t(section.hint))
            edit.setPlainText(texts.get(section.key, ""))
            edit.textChanged.connect(self._edited)
            header = QWidget(self.sectionsWidget)
            header.setObjectName(f"reflectionHeader_{section.key}")
            header_row = QHBoxLayout(header)
            header_row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(_t(section.prompt), header)
            label.setObjectName(f"reflectionPrompt_{section.key}")
            font = label.font()
            font.setWeight(QFont.Weight.DemiBold)
            label.setFont(font)
            label.setBuddy(edit)
            header_row.addWidget(label)
            header_row.addStretch(1)
            if section.example:
                # A lone section's example toggle sits on the picker's line, so the
                # writing area gets the height a header row would take.
                row = self._picker if single and hasattr(self, "_picker") else header_row
                self._add_example(section, edit, header, row)
            error = error_label(f"reflectionError_{section.key}", self.sectionsWidget)
            if i:
                self._sections_layout.addSpacing(6)
            # One section needs no prompt above it: the editor's "Reflection" heading says it.
            label.setVisible(not single)
            header.setVisible(not single)
            self._sections_layout.addWidget(header)
            example = self._examples.get(section.key)
            if example is not None:
                self._sections_layout.addWidget(example)
            self._sections_layout.addWidget(edit, 1)
            self._sections_layout.addWidget(error)
            self._edits[section.key] = edit
            self._errors[section.key] = error

    def _add_example(
        self, section: Section, edit: SectionEdit, header: QWidget, row: QHBoxLayout
    ) -> None:
        """A "Show example" toggle for a trainee: a model answer in the product's words.

        The button takes no Tab stop, so the two-minute path (Tab from one section to
        the next) stays as short as before; from the keyboard, Ctrl+Shift+E in a
        section shows or hides its example.
        """
        on_picker = row is getattr(self, "_picker", None)
        button = QToolButton(self if on_picker else header)
        button.setObjectName(f"reflectionExampleButton_{section.key}")
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        button.setText(self.tr("Show example"))
        button.setAccessibleName(
            self.tr("Show an example for {prompt}").format(prompt=_t(section.prompt))
        )
        button.setToolTip(self.tr("A short model answer (Ctrl+Shift+E in the text)"))
        example = QLabel(self.sectionsWidget)
        example.setObjectName(f"reflectionExample_{section.key}")
        example.setProperty("role", "hint")
        example.setWordWrap(True)
        example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        example.setText(self.tr("Example: {text}").format(text=_t(section.example)))
        example.setVisible(False)
        font = example.font()
        font.setItalic(True)
        example.setFont(font)

        def toggled(on: bool) -> None:
            example.setVisible(on)
            button.setText(self.tr("Hide example") if on else self.tr("Show example"))
            edit.setAccessibleDescription(_t(section.hint) + (" " + example.text() if on else ""))

        button.toggled.connect(toggled)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+E"), edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(button.toggle)
        if on_picker:
            row.insertWidget(0, button)
        else:
            row.addWidget(button)
        self._examples[section.key] = example
        self._example_buttons[section.key] = button

    def exampleButton(self, key: str) -> QToolButton | None:
        return self._example_buttons.get(key)

    def exampleLabel(self, key: str) -> QLabel | None:
        return self._examples.get(key)

    # -- state ----------------------------------------------------------------------------
    def templateKey(self) -> str:
        return self._template.key

    def setTemplate(self, key: str) -> None:
        """Switch template as the user would: text is kept or carried over, never dropped."""
        index = self.templateCombo.findData(key)
        if index < 0:
            raise KeyError(key)
        self.templateCombo.setCurrentIndex(index)

    def _template_picked(self, index: int) -> None:
        key = self.templateCombo.itemData(index)
        if key is None or key == self._template.key:
            return
        old, texts = self._template, self.sectionTexts()
        self._template = TEMPLATES_BY_KEY[key]
        self._build(carry_over(old, texts, self._template))
        if not self._loading:
            self.changed.emit()

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def sectionTexts(self) -> dict[str, str]:
        """Every section's text, blank ones included (for drafts)."""
        return {key: edit.toPlainText() for key, edit in self._edits.items()}

    def setContent(self, template_key: str, texts: dict[str, str]) -> None:
        """Show a stored reflection; unknown templates or sections are carried into the
        first section of a template we know rather than dropped. Undo history resets."""
        self._loading = True
        try:
            target = TEMPLATES_BY_KEY.get(template_key, TEMPLATES_BY_KEY[DEFAULT_TEMPLATE])
            self._template = target
            self.templateCombo.setCurrentIndex(self.templateCombo.findData(target.key))
            fitted = carry_over(None, dict(texts), target)
            self._build(fitted)
        finally:
            self._loading = False

    def setReflection(self, reflection: Reflection) -> None:
        self.setContent(reflection.template, reflection.sections)

    def reflection(self) -> Reflection:
        """The domain object: the template and its non-blank sections, text as typed."""
        return Reflection(
            template=self._template.key,
            sections={k: t for k, t in self.sectionTexts().items() if t.strip()},
        )

    def wordCount(self) -> int:
        return sum(len(t.split()) for t in self.sectionTexts().values())

    def clearAll(self) -> None:
        """Back to the default template with empty sections and no undo history."""
        for edit in self._edits.values():
            edit.setPlainText("")  # drops the document's undo stack before deletion
        self.clearProblems()
        self.setContent(DEFAULT_TEMPLATE, {})

    # -- access for the editor --------------------------------------------------------------
    def edits(self) -> list[SectionEdit]:
        return list(self._edits.values())

    def sectionEdit(self, key: str) -> SectionEdit | None:
        return self._edits.get(key)

    def firstEdit(self) -> SectionEdit:
        return next(iter(self._edits.values()))

    def focusChain(self) -> list[QWidget]:
        """Text first, template picker after: writing is the common path."""
        return [*self._edits.values(), self.templateCombo]

    def showProblem(self, field: str, message: str) -> QWidget:
        """Show a message by the section named in ``field``; returns the widget to focus."""
        key = field.split(".", 1)[1] if field.startswith("reflection.") else ""
        if key == "template":
            self.generalError.setText(message)
            self.generalError.setVisible(True)
            return self.templateCombo
        label = self._errors.get(key)
        if label is None:
            label = self.generalError
        label.setText(message)
        label.setVisible(True)
        return self._edits.get(key) or self.firstEdit()

    def clearProblems(self) -> None:
        for label in [self.generalError, *self._errors.values()]:
            label.clear()
            label.setVisible(False)
