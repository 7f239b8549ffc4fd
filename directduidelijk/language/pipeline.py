"""Loading the Dutch spaCy pipeline: an installed nl_core_news_* model when there is one, else ours.

``load_pipeline(spec)``:

* ``spec`` is None: ``nl_core_news_lg``, ``_md`` or ``_sm`` when installed (in that order; checked with
  ``importlib.util.find_spec``, nothing is imported to test), otherwise the bundled model
  ``nl_directduidelijk`` in ``directduidelijk/language/model/``;
* ``spec`` is a package name (``nl_core_news_md``), ``"nl_directduidelijk"``/``"bundled"``, or a path to
  a pipeline folder.

Every pipeline gets the letter tokenizer exceptions (``tokenizer.py``). Results are cached per
(spec, disable), so a process loads a model once.

``identify(spec)`` gives the same ``PipelineInfo`` without importing spaCy (it reads the model's
meta.json), so an audit that finds nothing to check never loads a model.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

BUNDLED_NAME = "nl_directduidelijk"
BUNDLED_PATH = Path(__file__).resolve().parent / "model" / BUNDLED_NAME
PREFERRED_INSTALLED = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
LINT_MODEL = "nl_core_news_lg"  # the model LiNT-II was fitted with


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    source: str  # "bundled" | "installed" | "path"
    lint_compatible: bool


class ModelNotFoundError(Exception):
    """The requested model is not installed or cannot be loaded; the message is plain Dutch (B1)."""

    def __init__(self, message: str, spec: str | None = None):
        super().__init__(message)
        self.message = message
        self.spec = spec


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _looks_like_path(spec: str) -> bool:
    return (os.sep in spec or "/" in spec or spec.startswith(".") or spec.startswith("~")
            or Path(spec).expanduser().exists())


def resolve(spec: str | None) -> tuple[str | Path, str]:
    """Return (what to give spacy.load, source) for a spec, without loading anything."""
    if spec is None or spec == "":
        for name in PREFERRED_INSTALLED:
            if _is_installed(name):
                return name, "installed"
        return BUNDLED_PATH, "bundled"
    if spec in (BUNDLED_NAME, "bundled", "directduidelijk"):
        return BUNDLED_PATH, "bundled"
    if _looks_like_path(spec):
        path = Path(spec).expanduser()
        if not (path / "config.cfg").is_file():
            raise ModelNotFoundError(
                f"Het taalmodel in de map '{spec}' is niet gevonden. Kies een map met een spaCy-model "
                f"of kies een ander model met --model.", spec)
        return path, "path"
    if _is_installed(spec):
        return spec, "installed"
    raise ModelNotFoundError(
        f"Het taalmodel '{spec}' is niet gevonden. Installeer het of kies een ander model met --model. "
        f"Zonder --model gebruikt directduidelijk het ingebouwde model.", spec)


def _info_from_meta(meta: dict, source: str) -> PipelineInfo:
    name = f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')}"
    return PipelineInfo(name=name, version=str(meta.get("version", "0.0.0")), source=source,
                        lint_compatible=(name == LINT_MODEL and source == "installed"))


def _info(nlp: "Language", source: str) -> PipelineInfo:
    return _info_from_meta(nlp.meta, source)


def _resolve_existing(spec: str | None) -> tuple[str | Path, str]:
    target, source = resolve(spec)
    if source == "bundled" and not (BUNDLED_PATH / "config.cfg").is_file():
        raise ModelNotFoundError(
            "Het ingebouwde taalmodel ontbreekt in deze installatie. Installeer directduidelijk opnieuw "
            "of kies een model met --model.", spec)
    return target, source


def _meta_file(target: str | Path, source: str) -> Path | None:
    """The meta.json spaCy reads for this target: in the folder, or at the top of an installed package."""
    if source != "installed":
        return Path(target) / "meta.json"
    try:
        found = importlib.util.find_spec(str(target))
    except (ImportError, ValueError):
        return None
    locations = list(found.submodule_search_locations or []) if found is not None else []
    return Path(locations[0]) / "meta.json" if locations else None


def identify(spec: str | None = None) -> PipelineInfo | None:
    """The ``PipelineInfo`` that ``load_pipeline(spec)`` gives, read from the model's meta.json without
    importing spaCy; None when meta.json cannot be read (then only loading tells). Raises
    ModelNotFoundError, like load_pipeline, for a model that is not there."""
    if spec is not None:
        spec = str(spec)
    target, source = _resolve_existing(spec)
    meta_file = _meta_file(target, source)
    if meta_file is None:
        return None
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # spaCy refuses a meta.json without these (and then the model cannot be loaded at all).
    if not isinstance(meta, dict) or not all(meta.get(key) for key in ("lang", "name", "version")):
        return None
    return _info_from_meta(meta, source)


@lru_cache(maxsize=8)
def _load(spec: str | None, disable: tuple[str, ...]) -> tuple["Language", PipelineInfo]:
    import spacy

    from directduidelijk.language.tokenizer import customise_tokenizer

    target, source = _resolve_existing(spec)
    try:
        nlp = spacy.load(target, disable=list(disable))
    except (OSError, ValueError, ImportError) as error:
        raise ModelNotFoundError(
            f"Het taalmodel '{spec or target}' kan niet worden geladen ({type(error).__name__}). "
            f"Kies een ander model met --model.", spec) from error
    customise_tokenizer(nlp)
    return nlp, _info(nlp, source)


def load_pipeline(spec: str | None = None, *, disable: Iterable[str] = ()) -> tuple["Language", PipelineInfo]:
    """Load (once per process) the pipeline for ``spec``; see the module docstring."""
    if spec is not None:
        spec = str(spec)
    return _load(spec, tuple(sorted(set(disable))))


def clear_cache() -> None:
    """Forget loaded pipelines (for tests)."""
    _load.cache_clear()
