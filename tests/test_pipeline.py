"""The Dutch language pipeline: the bundled model, the loader's fallback order, errors, tokenizer exceptions.

The sentences below are written for these tests (not taken from the treebanks). Expected values are
what a correct analysis gives; a model that gets them wrong makes these tests fail.
"""

from __future__ import annotations

import importlib.util

import pytest
import spacy

from directduidelijk.language import pipeline
from directduidelijk.language.pipeline import (
    BUNDLED_PATH,
    ModelNotFoundError,
    PipelineInfo,
    load_pipeline,
)
from directduidelijk.language.tokenizer import customise_tokenizer

BUNDLED_AVAILABLE = (BUNDLED_PATH / "config.cfg").is_file()
needs_bundled = pytest.mark.skipif(not BUNDLED_AVAILABLE, reason="bundled model not in this checkout")


@pytest.fixture(scope="session")
def bundled():
    """The bundled model, loaded once (own cache key, so other tests' changes to the default pipeline don't leak in)."""
    if not BUNDLED_AVAILABLE:
        pytest.skip("bundled model not in this checkout")
    return load_pipeline("nl_directduidelijk")


@pytest.fixture(scope="module")
def blank():
    return customise_tokenizer(spacy.blank("nl"))


# --- loading -------------------------------------------------------------------------------------

@needs_bundled
def test_bundled_model_loads_with_its_meta(bundled):
    nlp, info = bundled
    assert isinstance(info, PipelineInfo)
    assert info == PipelineInfo(name="nl_directduidelijk", version=nlp.meta["version"], source="bundled",
                                lint_compatible=False)
    for pipe in ("tok2vec", "morphologizer", "parser", "lemmatizer"):
        assert pipe in nlp.pipe_names
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    sources = " ".join(s["name"] for s in nlp.meta["sources"])
    assert "Alpino" in sources and "LassySmall" in sources
    assert 0.5 < nlp.meta["performance"]["pos_acc"] <= 1.0
    assert (BUNDLED_PATH / "LICENSE").is_file()


@needs_bundled
def test_bundled_model_is_small():
    size = sum(p.stat().st_size for p in BUNDLED_PATH.rglob("*") if p.is_file())
    assert size < 25_000_000


@needs_bundled
def test_loaded_once_per_spec(bundled):
    nlp, _ = bundled
    again, _ = load_pipeline("nl_directduidelijk")
    assert again is nlp


@needs_bundled
def test_disable_is_passed_to_spacy_load():
    nlp, info = load_pipeline("nl_directduidelijk", disable=["lemmatizer"])
    assert "lemmatizer" not in nlp.pipe_names
    assert "lemmatizer" in nlp.disabled
    assert info.source == "bundled"
    assert nlp("Dit is een zin.")[0].lemma_ == ""


@needs_bundled
def test_path_spec(tmp_path):
    nlp, info = load_pipeline(str(BUNDLED_PATH))
    assert info.source == "path"
    assert info.name == "nl_directduidelijk"


# --- fallback order -----------------------------------------------------------------------------

def _fake_find_spec(installed):
    real = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        if name.startswith("nl_core_news"):
            return object() if name in installed else None
        return real(name, *args, **kwargs)

    return find_spec


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm"}, ("nl_core_news_lg", "installed")),
        ({"nl_core_news_md", "nl_core_news_sm"}, ("nl_core_news_md", "installed")),
        ({"nl_core_news_sm"}, ("nl_core_news_sm", "installed")),
        (set(), (BUNDLED_PATH, "bundled")),
    ],
)
def test_fallback_order(monkeypatch, installed, expected):
    monkeypatch.setattr(importlib.util, "find_spec", _fake_find_spec(installed))
    assert pipeline.resolve(None) == expected


def test_named_model_must_be_installed(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", _fake_find_spec({"nl_core_news_md"}))
    assert pipeline.resolve("nl_core_news_md") == ("nl_core_news_md", "installed")
    with pytest.raises(ModelNotFoundError):
        pipeline.resolve("nl_core_news_lg")


def test_lint_compatible_only_for_lg():
    class Fake:
        meta = {"lang": "nl", "name": "core_news_lg", "version": "3.8.0"}

    assert pipeline._info(Fake(), "installed").lint_compatible is True
    Fake.meta = {"lang": "nl", "name": "core_news_sm", "version": "3.8.0"}
    assert pipeline._info(Fake(), "installed").lint_compatible is False


def test_unknown_model_gives_dutch_error():
    with pytest.raises(ModelNotFoundError) as caught:
        load_pipeline("nl_bestaat_niet_xyz")
    message = str(caught.value)
    assert "Het taalmodel 'nl_bestaat_niet_xyz' is niet gevonden" in message
    assert "--model" in message


def test_missing_path_gives_dutch_error(tmp_path):
    with pytest.raises(ModelNotFoundError) as caught:
        load_pipeline(str(tmp_path / "geen-model"))
    assert "niet gevonden" in str(caught.value)


# --- analyses of our own sentences --------------------------------------------------------------

# (sentence, {word: (UPOS, lemma)}, passive?)
SENTENCES = [
    ("De aanvraag wordt door de gemeente beoordeeld.",
     {"aanvraag": ("NOUN", "aanvraag"), "wordt": ("AUX", "worden"), "beoordeeld": ("VERB", "beoordelen")}, True),
    ("Wij hebben uw brief met aandacht gelezen.",
     {"Wij": ("PRON", "wij"), "hebben": ("AUX", "hebben"), "gelezen": ("VERB", "lezen")}, False),
    ("Het bedrag wordt binnen dertig dagen aan u terugbetaald.",
     {"dagen": ("NOUN", "dag"), "terugbetaald": ("VERB", "terugbetalen")}, True),
    ("De huurders krijgen volgend jaar een nieuwe keuken.",
     {"huurders": ("NOUN", "huurder"), "krijgen": ("VERB", "krijgen"), "nieuwe": ("ADJ", "nieuw")}, False),
    ("De kosten worden door de verhuurder betaald.",
     {"worden": ("AUX", "worden"), "verhuurder": ("NOUN", "verhuurder"), "betaald": ("VERB", "betalen")}, True),
    ("Deze regels gelden voor alle inwoners van de gemeente.",
     {"regels": ("NOUN", "regel"), "gelden": ("VERB", "gelden"), "inwoners": ("NOUN", "inwoner")}, False),
    ("De vergunning werd vorig jaar verleend.",
     {"vergunning": ("NOUN", "vergunning"), "werd": ("AUX", "worden")}, True),
    ("U kunt bezwaar maken tegen dit besluit.",
     {"U": ("PRON", "u"), "bezwaar": ("NOUN", "bezwaar"), "maken": ("VERB", "maken")}, False),
    ("De gemeente heeft de subsidie verlaagd.",
     {"gemeente": ("NOUN", "gemeente"), "subsidie": ("NOUN", "subsidie")}, False),
    ("Het formulier moet door beide partijen worden ondertekend.",
     {"formulier": ("NOUN", "formulier"), "partijen": ("NOUN", "partij")}, True),
    ("Wij sturen u binnen twee weken een nieuwe aanslag.",
     {"sturen": ("VERB", "sturen"), "weken": ("NOUN", "week"), "aanslag": ("NOUN", "aanslag")}, False),
    ("Alle bewoners worden op tijd geïnformeerd.",
     {"bewoners": ("NOUN", "bewoner"), "worden": ("AUX", "worden")}, True),
]


# Errors of the currently bundled model on these sentences (see its README for the test-set figures).
# Non-strict xfail: they stay visible in the test report, and pass again once a better model fixes them.
KNOWN_ERRORS = {
    "Wij hebben uw brief met aandacht gelezen.": "models 1.1.0-1.3.0 tag perfect 'hebben' as VERB instead of AUX",
}


def _cases():
    for text, expected, passive in SENTENCES:
        marks = [pytest.mark.xfail(reason=KNOWN_ERRORS[text], strict=False)] if text in KNOWN_ERRORS else []
        yield pytest.param(text, expected, passive, marks=marks, id=text[:30])


def _is_passive(doc) -> bool:
    return any(token.dep_ == "aux:pass" for token in doc)


@needs_bundled
@pytest.mark.parametrize(("text", "expected", "passive"), list(_cases()))
def test_pos_lemma_and_passive(bundled, text, expected, passive):
    nlp, _ = bundled
    doc = nlp(text)
    got = {t.text: (t.pos_, t.lemma_.lower().replace("_", "")) for t in doc}
    for word, value in expected.items():
        assert got[word] == value, f"{word}: {got[word]} != {value} in {text!r}"
    assert _is_passive(doc) is passive


@needs_bundled
def test_passive_participle_has_verbform_part(bundled):
    nlp, _ = bundled
    doc = nlp("De aanvraag wordt door de gemeente beoordeeld.")
    assert doc[6].text == "beoordeeld"
    assert "Part" in doc[6].morph.get("VerbForm")


@needs_bundled
def test_sentences_from_parser(bundled):
    nlp, _ = bundled
    doc = nlp("Wij hebben uw aanvraag ontvangen. U hoort binnen zes weken van ons.")
    assert [s.text for s in doc.sents] == ["Wij hebben uw aanvraag ontvangen.", "U hoort binnen zes weken van ons."]


# --- tokenizer exceptions -------------------------------------------------------------------------

TOKENIZER_CASES = [
    ("Zie bijv. art. 4:8 Awb.", ["Zie", "bijv.", "art.", "4:8", "Awb", "."]),
    ("Dit geldt o.a. voor d.w.z. en i.p.v. en m.b.t. en t.a.v. iedereen.",
     ["Dit", "geldt", "o.a.", "voor", "d.w.z.", "en", "i.p.v.", "en", "m.b.t.", "en", "t.a.v.", "iedereen", "."]),
    ("Bijv. dit, O.a. dat, D.w.z. zo, T.a.v. dhr. Jansen en mevr. Bakker.",
     ["Bijv.", "dit", ",", "O.a.", "dat", ",", "D.w.z.", "zo", ",", "T.a.v.", "dhr.", "Jansen", "en", "mevr.",
      "Bakker", "."]),
    ("Mr. De Vries, nr. 12, blz. 3, e.d. enz. z.s.m. a.s. maandag, 3 jl. etc.",
     ["Mr.", "De", "Vries", ",", "nr.", "12", ",", "blz.", "3", ",", "e.d.", "enz.", "z.s.m.", "a.s.", "maandag", ",",
      "3", "jl.", "etc."]),
    ("Het college van B&W stelt de WOZ-waarde vast.",
     ["Het", "college", "van", "B&W", "stelt", "de", "WOZ-waarde", "vast", "."]),
    ("Dit besluit van B&W.", ["Dit", "besluit", "van", "B&W", "."]),
    ("Mail naar info@gemeente.nl.", ["Mail", "naar", "info@gemeente.nl", "."]),
    ("Kijk op https://www.gemeente.nl/afval of www.overheid.nl.",
     ["Kijk", "op", "https://www.gemeente.nl/afval", "of", "www.overheid.nl", "."]),
    ("U betaalt € 1.250,00.", ["U", "betaalt", "€", "1.250,00", "."]),
    ("U betaalt €1.250,- of € 12,50.", ["U", "betaalt", "€", "1.250,-", "of", "€", "12,50", "."]),
    ("Betaal voor 12-03-2025.", ["Betaal", "voor", "12-03-2025", "."]),
    ("Op 1 januari 2026 begint het.", ["Op", "1", "januari", "2026", "begint", "het", "."]),
    ("Kenmerk 2025/12345 en ZK-2025-0012.", ["Kenmerk", "2025/12345", "en", "ZK-2025-0012", "."]),
    ("Wij horen het graag van u. Dat weten wij al.",
     ["Wij", "horen", "het", "graag", "van", "u", ".", "Dat", "weten", "wij", "al", "."]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKENIZER_CASES, ids=[c[0][:30] for c in TOKENIZER_CASES])
def test_tokenizer_exceptions(blank, text, tokens):
    assert [t.text for t in blank(text)] == tokens


@needs_bundled
@pytest.mark.parametrize(("text", "tokens"), TOKENIZER_CASES[:6], ids=[c[0][:30] for c in TOKENIZER_CASES[:6]])
def test_tokenizer_exceptions_in_loaded_model(bundled, text, tokens):
    nlp, _ = bundled
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_customise_tokenizer_is_idempotent():
    nlp = spacy.blank("nl")
    customise_tokenizer(nlp)
    rules = dict(nlp.tokenizer.rules)
    text = "Zie bijv. art. 4:8 Awb, B&W, € 1.250,00 en ZK-2025-0012."
    first = [t.text for t in nlp(text)]
    customise_tokenizer(nlp)
    assert nlp.tokenizer.rules == rules
    assert [t.text for t in nlp(text)] == first


@needs_bundled
def test_identify_gives_what_loading_gives_without_spacy(bundled, tmp_path):
    _, info = bundled
    assert pipeline.identify("nl_directduidelijk") == info
    assert pipeline.identify(str(BUNDLED_PATH)) == load_pipeline(str(BUNDLED_PATH))[1]
    (tmp_path / "config.cfg").write_text("[nlp]\n")
    assert pipeline.identify(str(tmp_path)) is None  # no meta.json: only loading can tell
    with pytest.raises(ModelNotFoundError):
        pipeline.identify("nl_bestaat_niet_xyz")
    with pytest.raises(ModelNotFoundError):
        pipeline.identify(str(tmp_path / "geen-model"))
