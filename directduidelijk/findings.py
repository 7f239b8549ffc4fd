"""The one finding record that every rule produces and every report renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "fout"
    WARNING = "waarschuwing"
    SUGGESTION = "suggestie"

    @property
    def rank(self) -> int:
        return {"fout": 3, "waarschuwing": 2, "suggestie": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"Onbekende ernst '{value}'. Kies uit: fout, waarschuwing, suggestie."
            ) from None


@dataclass(slots=True)
class Fix:
    """A replacement of block text ``[start, end)`` by ``replacement``."""

    replacement: str
    applicability: str  # "veilig" | "onveilig"


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    suggestion: str | None
    text: str  # the flagged words, or the sentence
    sentence: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None
    paragraph: int
    # Where the finding sits in the document model, for writers that go back into
    # the source (Word comments, HTML highlights, --fix).
    block_index: int = -1
    start: int = 0  # offset in block text
    end: int = 0
    fix: Fix | None = None
    rule_set: str = "direct-duidelijk"
    extra: dict = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.block_index, self.start, self.end, self.rule)
