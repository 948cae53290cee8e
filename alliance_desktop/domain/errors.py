"""The one error type validation raises, carrying every problem it found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from alliance_desktop.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located well enough for a person to fix it.

    ``row`` is a file line number (CSV), an object path (JSON) or None for a form.
    """

    field: str
    message: str
    row: str | int | None = None

    def located(self, row: str | int | None) -> Problem:
        return Problem(self.field, self.message, row)

    def __str__(self) -> str:
        if self.row is None:
            return f"{self.field}: {self.message}"
        if isinstance(self.row, int):
            return _("line {row}: {field}: {message}").format(
                row=self.row, field=self.field, message=self.message
            )
        # JSON paths already name the object; the field hangs off it.
        return (
            f"{self.row}.{self.field}: {self.message}"
            if self.field
            else f"{self.row}: {self.message}"
        )


class ValidationError(ValueError):
    """Raised with all problems at once so a form or an import can show them together."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems) or _("invalid input"))

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
