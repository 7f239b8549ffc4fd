"""The per-document work: read -> analyse -> rules -> findings + metrics.

``check_inputs`` is the one path every command uses (check, baseline, audit workers):
a pure function of (input bytes, configuration, language pipeline). One unreadable
file never stops the others; it comes back as a result with an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from directduidelijk.document import Document
from directduidelijk.findings import Finding
from directduidelijk.readers import Input, ReadError, format_for, read_bytes, read_path


@dataclass(slots=True)
class DocumentError:
    code: str
    message: str


@dataclass(slots=True)
class DocumentResult:
    path: str
    format: str | None
    metrics: dict | None = None
    findings: list[Finding] = field(default_factory=list)
    error: DocumentError | None = None
    warnings: list[str] = field(default_factory=list)
    genre: str | None = None
    # The analysed document, kept only when a renderer needs the text (HTML, Word comments).
    document: Document | None = None


def read_input(item: Input) -> Document:
    if item.data is not None:
        fmt = item.format or format_for(item.name) or "txt"
        return read_bytes(item.data, item.name, fmt)
    return read_path(item.name, item.format)


def _read_all(items: Iterable[Input], errors: dict[int, DocumentResult]) -> Iterator[Document]:
    for number, item in enumerate(items):
        try:
            yield read_input(item)
        except ReadError as error:
            errors[number] = DocumentResult(
                path=item.name, format=item.format or format_for(item.name),
                error=DocumentError(error.code, error.message),
            )
        except Exception as error:  # a reader bug must not stop the other files
            errors[number] = DocumentResult(
                path=item.name, format=item.format or format_for(item.name),
                error=DocumentError("onleesbaar", f"Het bestand kon niet worden gelezen ({type(error).__name__})."),
            )


def check_inputs(items: list[Input], engine, nlp, *, keep_documents: bool = False,
                 model_name: str | None = None, lint_compatible: bool | None = None) -> Iterator[DocumentResult]:
    """Check inputs in order, yielding one result per input (readable or not)."""
    from directduidelijk.language.analysis import analyse_documents
    from directduidelijk.metrics import document_metrics

    errors: dict[int, DocumentResult] = {}
    readable_numbers: list[int] = []

    def documents() -> Iterator[Document]:
        number = 0
        for document in _read_all(items, errors):
            while number in errors:
                number += 1
            readable_numbers.append(number)
            number += 1
            yield document

    next_number = 0
    for analysed in analyse_documents(documents(), nlp):
        number = readable_numbers.pop(0)
        while next_number < number:
            yield errors.pop(next_number)
            next_number += 1
        document = analysed.document
        metrics = document_metrics(analysed, model_name=model_name, lint_compatible=lint_compatible)
        from directduidelijk.genre import prepare_for_engine

        genre = prepare_for_engine(analysed, engine)  # structure rules read it back
        findings = engine.check(analysed)
        # The structure rules' view and the analysis point at each other: without this cycle the
        # document, its Docs and spans are freed as soon as the next one comes, instead of waiting
        # (and being walked again and again) for the cyclic garbage collector.
        analysed.structure_view = None
        yield DocumentResult(
            path=document.path, format=document.format, metrics=metrics, findings=findings,
            warnings=list(document.warnings), genre=genre.name,
            document=document if keep_documents else None,
        )
        next_number += 1
    while next_number < len(items):
        yield errors.pop(next_number)
        next_number += 1


def expand_inputs(names: list[str], stdin_bytes: bytes | None = None) -> list[Input]:
    """Turn command-line arguments into inputs; '-' is standard input (read as text)."""
    items: list[Input] = []
    for name in names:
        if name == "-":
            items.append(Input("-", data=stdin_bytes or b"", format="txt"))
        else:
            items.append(Input(str(Path(name))))
    return items
