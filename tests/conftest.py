"""Shared test fixtures: the language pipeline, loaded once per test session.

`nlp` is the real pipeline (directduidelijk.language.pipeline.load_pipeline) with our
sentence boundaries. Only while the language model does not exist yet in this checkout
(pipeline.py missing, or no installed nl_core_news_* model and no bundled model folder)
does it fall back to spacy.blank("nl") with the sentence boundaries; `MODEL_AVAILABLE`
says which one the session got, so tests that need part of speech, lemmas or a parse can
skip with that reason. A model that exists but fails to load is an error, not a skip.
"""

from __future__ import annotations

import pytest
import spacy

from directduidelijk.language.sentences import add_sentence_boundaries


def _model_exists() -> bool:
    """Whether a real model is there to load (decided without loading it)."""
    try:
        from directduidelijk.language import pipeline
    except ImportError:
        return False  # pipeline.py not written yet
    target, source = pipeline.resolve(None)
    return not (source == "bundled" and not (pipeline.BUNDLED_PATH / "config.cfg").is_file())


MODEL_AVAILABLE = _model_exists()
NO_MODEL_REASON = (
    "needs POS/lemma/parse from the real Dutch model, which is not available in this checkout yet "
    "(no installed nl_core_news_* and no bundled model in directduidelijk/language/model/)"
)


@pytest.fixture(scope="session")
def nlp():
    if MODEL_AVAILABLE:
        from directduidelijk.language.pipeline import load_pipeline

        real, _info = load_pipeline()
        add_sentence_boundaries(real)
        return real
    blank = spacy.blank("nl")
    try:
        from directduidelijk.language.tokenizer import customise_tokenizer

        customise_tokenizer(blank)
    except ImportError:
        pass
    add_sentence_boundaries(blank)
    return blank


@pytest.fixture(scope="session")
def model_available() -> bool:
    return MODEL_AVAILABLE
