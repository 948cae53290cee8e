"""A page whose height never depends on its width, as far as its parents know.

A page with a word-wrapped label in it reports "height for width" upwards, and then
every layout above it (the stack, the splitter, the window) asks the page for its
height at several widths on every relayout, each answer laying the wrapped texts
out again. A page in a stack or a splitter takes the height it is given whatever it
says, so it says nothing: its own layout still wraps its labels for the width it
gets, and the layouts above it size it from its plain minimum and preferred sizes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A widget that keeps its children's height-for-width to itself."""

    def hasHeightForWidth(self) -> bool:
        return False


__all__ = ["Page"]
