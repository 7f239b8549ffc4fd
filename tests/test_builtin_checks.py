"""Built-in checks on our own sentences through the real pipeline, and LiNT-II on hand-built Docs.

The sentences here are written for these tests (not from a treebank or an evaluation set). The
hard near-misses of the passive check are here on purpose: copular worden, the zijn-perfect of
verbs like vertrekken, and participles that name a state.
"""

from __future__ import annotations

import math

import pytest
import spacy
from conftest import MODEL_AVAILABLE, NO_MODEL_REASON
from spacy.tokens import Doc

from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.engine.builtin.passive import participle_shape
from directduidelijk.engine.builtin.words import is_known_compound
from directduidelijk.engine.hits import BUILTIN_CHECKS, CheckContext
from directduidelijk.language.analysis import AnalysedDocument, Sentence, analyse_document
from directduidelijk.readability.lint import (
    compute_lint,
    dependency_length,
    estimate_cefr,
    lint_level,
    lint_score,
    sentence_features,
)

needs_model = pytest.mark.skipif(not MODEL_AVAILABLE, reason=NO_MODEL_REASON)


class _Rule:
    def __init__(self, settings=None):
        self.settings = settings or {}
        self.also_kinds = ()


def _analyse(nlp, *paragraphs: str) -> AnalysedDocument:
    blocks = [Block(BlockKind.PARAGRAPH, text, (Segment(0, n, 1),), paragraph=n)
              for n, text in enumerate(paragraphs, start=1)]
    return analyse_document(Document("test.txt", "txt", blocks), nlp)


def _hits(nlp, check: str, *paragraphs: str, settings=None, vocabulary=None):
    analysed = _analyse(nlp, *paragraphs)
    context = CheckContext(vocabulary=vocabulary or {})
    return list(BUILTIN_CHECKS[check](analysed, _Rule(settings), context))


def _texts(hits) -> list[str]:
    return [hit.values.get("tekst") for hit in hits]


# ── lijdende vorm ────────────────────────────────────────────────────────────

PASSIVE = [
    "Uw aanvraag wordt binnen acht weken behandeld.",
    "Het voorstel is door de raad aangenomen.",
    "Er wordt in uw straat gewerkt.",
    "Uw pas kan bij de balie worden opgehaald.",
    "De rekening moet binnen dertig dagen betaald worden.",
    "De brieven zijn gisteren verstuurd.",
    "Het besluit is genomen.",
    "De vergunning wordt door het college verleend.",
    "Tevens is door de gemeenteraad middels een motie verzocht om meer speelplekken.",  # verzocht read as past tense
]
NOT_PASSIVE = [
    "Wij behandelen uw aanvraag binnen acht weken.",
    "De raad heeft het voorstel aangenomen.",
    "Mijn buurman werd vorige week ziek.",  # copular worden + adjective
    "Het oude postkantoor wordt een buurthuis.",  # copular worden + noun
    "De bus is om acht uur vertrokken.",  # zijn-perfect of an unaccusative
    "De prijzen zijn dit jaar gestegen.",
    "Mijn moeder is vorig jaar overleden.",
    "Het is gisteren gebeurd.",
    "Er is iets misgegaan.",
    "Ik ben erg geïnteresseerd in deze baan.",  # adjectival participle
    "U bent verplicht om dit formulier in te vullen.",
    "Na het ongeluk is de automobilist doorgereden.",  # strong participle of a zijn-verb (rijden)
    "Ik ben geschrokken van de hoogte van de rekening.",
    "Wij wijzen je erop dat je verplicht bent om wijzigingen in je inkomen en vermogen onverwijld door te geven.",
    "Dat is bij ons bekend.",
]


@needs_model
@pytest.mark.parametrize("sentence", PASSIVE)
def test_passive_found(nlp, sentence):
    hits = _hits(nlp, "lijdende-vorm", sentence)
    assert len(hits) == 1, sentence


@needs_model
@pytest.mark.parametrize("sentence", NOT_PASSIVE)
def test_passive_near_misses_not_found(nlp, sentence):
    assert _hits(nlp, "lijdende-vorm", sentence) == [], sentence


@needs_model
def test_passive_span_runs_from_auxiliary_to_participle(nlp):
    (hit,) = _hits(nlp, "lijdende-vorm", "Uw pas kan bij de balie worden opgehaald.")
    assert hit.values["tekst"] == "kan bij de balie worden opgehaald"


@needs_model
def test_passive_with_agent_suggests_active_sentence(nlp):
    (hit,) = _hits(nlp, "lijdende-vorm", "Het voorstel is door de raad aangenomen.")
    assert hit.values["actief"] == "De raad heeft het voorstel aangenomen."
    (hit,) = _hits(nlp, "lijdende-vorm", "De vergunning wordt door het college verleend.")
    assert hit.values["actief"] == "Het college verleent de vergunning."
    (hit,) = _hits(nlp, "lijdende-vorm", "Uw aanvraag wordt binnen acht weken behandeld.")
    assert "actief" not in hit.values and hit.suggestion is None  # no agent: the rule's generic advice


@needs_model
def test_zijn_passive_can_be_switched_off(nlp):
    assert _hits(nlp, "lijdende-vorm", "De brieven zijn gisteren verstuurd.", settings={"zijn_passief": False}) == []


def test_participle_shape():
    for word in ("gestuurd", "opgehaald", "aangenomen", "behandeld", "verslagen", "gedaan"):
        assert participle_shape(word), word
    for word in ("ongeletterd", "snel", "tafel", "dertiende"):
        assert not participle_shape(word), word


# ── other checks ─────────────────────────────────────────────────────────────

@needs_model
def test_double_negation(nlp):
    assert _texts(_hits(nlp, "dubbele-ontkenning", "Het is niet onmogelijk dat u later betaalt.")) == ["niet onmogelijk"]
    assert _hits(nlp, "dubbele-ontkenning", "Het is niet mogelijk om later te betalen.") == []
    assert _hits(nlp, "dubbele-ontkenning", "Wij sturen u niet alleen een brief, maar ook een mail.") == []
    assert _hits(nlp, "dubbele-ontkenning", "U hoeft niet te betalen als u geen inkomen heeft.") == []


@needs_model
def test_address_points_at_the_minority_form(nlp):
    hits = _hits(nlp, "aanspreekvorm", "U kunt uw aanvraag online doen.", "Heeft u vragen? Dan kun je ons bellen.")
    assert _texts(hits) == ["je"]
    assert _hits(nlp, "aanspreekvorm", "Heb je vragen? Je kunt ons altijd bellen.") == []
    (men,) = _hits(nlp, "aanspreekvorm", "Men kan bezwaar maken.")
    assert men.severity is not None and men.severity.value == "suggestie"


@needs_model
def test_address_ignores_quoted_examples_and_u_als_aanvrager(nlp):
    quoted = _hits(nlp, "aanspreekvorm", "Je krijgt een brief van ons. Daarin leggen we uit wat je moet doen.",
                   "Een zin als ‘U krijgt een boete als u afval naast de container zet.’ schrijven we niet meer.")
    assert quoted == []
    assert _hits(nlp, "aanspreekvorm", "De informatie die u als aanvrager zelf geeft, gebruiken wij daarbij.") == []
    assert _texts(_hits(nlp, "aanspreekvorm", "U krijgt een brief.", "Wij sturen de aanvrager het besluit.")) == [
        "aanvrager"]


@needs_model
def test_abbreviation_explained_or_not(nlp):
    assert _texts(_hits(nlp, "afkorting", "U krijgt een brief van het XYZB.")) == ["XYZB"]
    assert _hits(nlp, "afkorting", "U krijgt een brief van het Xylofoon Bureau (XYZB). Het XYZB helpt u.") == []
    assert _hits(nlp, "afkorting", "U krijgt een brief van het XYZB.", vocabulary={"XYZB": None}) == []
    # only the first use counts
    assert len(_hits(nlp, "afkorting", "Het XYZB belt u. Daarna stuurt het XYZB een brief.")) == 1


@needs_model
def test_listing_in_sentence(nlp):
    hits = _hits(nlp, "opsomming-in-zin",
                 "Wij controleren uw inkomen, uw vermogen, uw woonsituatie en uw gezinssamenstelling.")
    assert len(hits) == 1 and hits[0].values["waarde"] >= 4
    assert _hits(nlp, "opsomming-in-zin", "Vul uw naam, adres en woonplaats in.") == []


@needs_model
def test_tang_between_article_and_noun(nlp):
    hits = _hits(nlp, "tangconstructie",
                 "De door de gemeenteraad op 3 maart na lang overleg vastgestelde regeling geldt vanaf juli.")
    assert hits and hits[0].values["tekst"].startswith("De door")
    assert _hits(nlp, "tangconstructie", "De nieuwe regeling geldt vanaf juli.") == []


@needs_model
def test_tang_counts_as_the_gold_guideline(nlp):
    # six words between the finite verb and its participle: a tang (the guideline's threshold)
    hits = _hits(nlp, "tangconstructie", "Wij hebben uw aanvraag aan een nader onderzoek onderworpen.")
    assert [hit.values["waarde"] for hit in hits] == [6]
    # an amount the tokenizer splits ("EUR 1.250", "2 500 euro") is one word; punctuation is none
    hits = _hits(nlp, "tangconstructie", "Wij hebben uw aanvraag voor EUR 1.250 per maand gisteren ontvangen.")
    assert [hit.values["waarde"] for hit in hits] == [7]
    # an infinitive after an auxiliary is no tang; the verb group at the end ("worden gemaakt") is not counted
    assert _hits(nlp, "tangconstructie", "Wij zullen de raad in het eerste kwartaal van 2027 informeren.") == []
    assert _hits(nlp, "tangconstructie", "Er zal een nieuwe afspraak met u worden gemaakt.") == []
    # a participle in a subordinate clause
    assert _hits(nlp, "tangconstructie",
                 "Wij weten dat u het formulier voor de parkeervergunning van uw wijk niet heeft ontvangen.") == []
    # a sentence-final participle the tagger took for a noun ("geuit") still closes the tang
    hits = _hits(nlp, "tangconstructie", "De bewoners hebben in een lange brief aan de wethouder hun zorgen geuit.")
    assert [hit.values["paar"] for hit in hits] == ["hebben ... geuit"]
    # a preposition the parse took for a particle, and a participle tagged as a past tense
    assert _hits(nlp, "tangconstructie", "Uitbetaling geschiedt binnen tien werkdagen na dagtekening van deze "
                 "beschikking op het bij ons bekende rekeningnummer.") == []


@needs_model
def test_hard_words_with_compounds_and_vocabulary(nlp):
    assert _texts(_hits(nlp, "moeilijk-woord", "Uw verzoek is prematuur.")) == ["prematuur"]
    assert _hits(nlp, "moeilijk-woord", "Uw parkeervergunning en uw afvalcontainer zijn klaar.") == []
    assert _hits(nlp, "moeilijk-woord", "Uw verzoek is prematuur.", vocabulary={"prematuur": None}) == []
    # a participle is judged by its verb: gemaaid is rare, maaien is not
    assert _hits(nlp, "moeilijk-woord", "Het gras wordt gemaaid.") == []
    # names, numbers and e-mail addresses are not words to judge
    assert _hits(nlp, "moeilijk-woord", "Mail naar info@voorbeeld.nl of bel 020-1234567.") == []


@needs_model
def test_explain_term_at_first_use(nlp):
    vocabulary = {"Wmo": "Wet maatschappelijke ondersteuning"}
    hits = _hits(nlp, "uitleg-begrip", "U kunt hulp vragen via de Wmo. De Wmo helpt u.", vocabulary=vocabulary)
    assert _texts(hits) == ["Wmo"]
    assert _hits(nlp, "uitleg-begrip", "U kunt hulp vragen via de Wmo (Wet maatschappelijke ondersteuning).",
                 vocabulary=vocabulary) == []


@needs_model
def test_nominal_het_infinitive_van(nlp):
    assert _texts(_hits(nlp, "naamwoordstijl-het", "Het indienen van een bezwaar kan tot 1 juni.")) == ["Het indienen van"]
    assert _hits(nlp, "naamwoordstijl-het", "U kunt tot 1 juni bezwaar maken.") == []
    # after 'het' a word the tagger calls plural is still the infinitive
    assert _texts(_hits(nlp, "naamwoordstijl-het", "De gemeente zal overgaan tot het plaatsen van een hek.")) == [
        "het plaatsen van"]


@needs_model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("De uitvoering geschiedt door een externe partij.", "uitvoering geschiedt"),
    ("Betaling dient te geschieden binnen dertig dagen na dagtekening.", "Betaling dient te geschieden"),
    ("Er vindt een herbeoordeling plaats van uw situatie.", "vindt een herbeoordeling plaats"),
    ("De beëindiging van de huurovereenkomst gaat in op 1 september.", "beëindiging van de huurovereenkomst gaat in"),
    ("De betaling heeft plaatsgevonden op 3 mei.", "betaling heeft plaatsgevonden"),
    ("Na controle door de gemeente krijgt u het geld.", "controle door"),
    ("Het gesprek vindt plaats bij u thuis.", "gesprek vindt plaats"),
    # the parser made the subject an object of plaatsvinden
    ("Er heeft een inspectie plaatsgevonden.", "inspectie plaatsgevonden"),
])
def test_nominal_action_noun_with_empty_verb(nlp, sentence, expected):
    assert _texts(_hits(nlp, "naamwoordstijl-het", sentence)) == [expected]


@needs_model
@pytest.mark.parametrize("sentence", [
    "Het feest vindt plaats op het plein.",      # no action noun
    "De regeling gaat in op 1 januari.",          # 'ingaan' only with '-ing van'
    "De bouw van de sporthal begint in maart.",   # not an -ing noun
    "Wij vinden de plaats van de bank niet goed.",
    "De uitnodiging werd door de burgemeester verstuurd.",  # 'door' of the passive
    "De woning door de aannemer is klaar.",
])
def test_nominal_empty_verb_not(nlp, sentence):
    assert _hits(nlp, "naamwoordstijl-het", sentence) == []


def test_compound_splitting():
    assert is_known_compound("parkeervergunning", 3.3)
    assert is_known_compound("afvalcontainer", 3.3)
    assert not is_known_compound("onderhavig", 3.3)


# ── LiNT-II ──────────────────────────────────────────────────────────────────

def _hand_built_doc() -> Doc:
    """lint_ii's documented example sentence with the analysis its README shows (nl_core_news_lg)."""
    vocab = spacy.blank("nl").vocab
    words = ["De", "Oudegracht", "is", "het", "sfeervolle", "hart", "van", "de", "stad", "."]
    pos = ["DET", "PROPN", "AUX", "DET", "ADJ", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["LID|bep|stan|rest", "N|eigen|ev|basis|zijd|stan", "WW|pv|tgw|ev", "LID|bep|stan|evon",
            "ADJ|prenom|basis|met-e|stan", "N|soort|ev|basis|onz|stan", "VZ|init", "LID|bep|stan|rest",
            "N|soort|ev|basis|zijd|stan", "LET"]
    lemmas = ["de", "Oudegracht", "zijn", "het", "sfeervol", "hart", "van", "de", "stad", "."]
    heads = [1, 5, 5, 5, 5, 5, 8, 8, 5, 5]
    deps = ["det", "nsubj", "cop", "det", "amod", "ROOT", "case", "det", "nmod", "punct"]
    return Doc(vocab, words=words, spaces=[True] * 8 + [False, False], pos=pos, tags=tags, lemmas=lemmas,
               heads=heads, deps=deps, sent_starts=[True] + [False] * 9)


def test_lint_features_on_hand_built_doc():
    doc = _hand_built_doc()
    features = sentence_features(doc[:])
    # values from lint_ii's README for this sentence
    assert features.max_sdl == 3
    assert [dependency_length(t) for t in doc if not t.is_punct] == [0, 3, 2, 1, 0, 0, 1, 0, 2]
    assert features.content_words == 4 and features.finite_verbs == 1
    assert features.content_words_per_clause == 4.0
    assert math.isclose(features.mean_log_word_frequency, 5.364349123825101, abs_tol=1e-6)
    assert (features.concrete, features.undefined, features.unknown) == (1, 1, 1)
    assert features.proportion_concrete == 0.5
    # lint_ii's README gives 18.4887 with its newer noun list's coefficients (nouns_sem_types_20260420);
    # we use the coefficients for nouns_sem_types_20251118, the list we ship (as the level examples do).
    assert math.isclose(features.score, 18.511619577887927, abs_tol=1e-6)


def test_lint_formula_and_levels():
    # lint_ii's LintScorer docstring: (5.2, 3, 4.5, 0.6) -> 21.0101 with the 20260420 noun list's
    # coefficients; with those of 20251118 (ours): 21.0205
    assert math.isclose(lint_score(5.2, 3, 4.5, 0.6), 21.020452033701133, abs_tol=1e-6)
    assert lint_score(None, 3, 4.5, 0.6) is None
    assert lint_score(0.0, 30, 20, 0) == 100.0  # clamped
    assert [lint_level(s) for s in (0, 33.9, 34, 45.9, 46, 57.9, 58, 100)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert lint_level(None) is None


def test_compute_lint_on_document_and_approximation_flag():
    doc = _hand_built_doc()
    block = Block(BlockKind.PARAGRAPH, doc.text, (Segment(0, 1, 1),), paragraph=1)
    heading = Block(BlockKind.HEADING, "Kop", (Segment(0, 2, 1),), paragraph=2)
    analysed = AnalysedDocument(Document("x.txt", "txt", [block, heading]), [doc, None],
                                [Sentence(0, doc[:])])
    result = compute_lint(analysed, model_name="nl_directduidelijk")
    assert math.isclose(result.score, 18.511619577887927, abs_tol=1e-6)
    assert result.level == 1 and result.approximation is True
    assert result.per_sentence == [(0, pytest.approx(18.511619577887927, abs=1e-6), 1)]
    assert compute_lint(analysed, model_name="nl_core_news_lg").approximation is False
    assert result.mean_sentence_length == 9
    assert result.as_metrics() == {"lint_score": 18.5, "lint_level": 1, "lint_approximation": True,
                                   "cefr_estimate": "A2"}
    assert compute_lint(analysed, model_name="x", lint_compatible=True).approximation is False


def test_estimate_cefr():
    assert estimate_cefr(None) is None
    assert estimate_cefr(15, mean_sentence_length=9) == "A2"
    assert estimate_cefr(25, mean_sentence_length=12) == "B1"
    assert estimate_cefr(40, mean_sentence_length=14) == "B2"
    assert estimate_cefr(50, mean_sentence_length=14) == "B2"
    assert estimate_cefr(30, mean_sentence_length=24) == "B2"  # long sentences: one step up
    assert estimate_cefr(70, mean_sentence_length=30) == "C1"


def test_tang_when_the_parse_hangs_the_participle_under_the_auxiliary(nlp):
    # model 1.3.0 reads 'beoordeeld' as an advcl of 'hebben' (ROOT) here; the tang is still there
    hits = _hits(nlp, "tangconstructie",
                 "Wij hebben uw aanvraag voor een bijdrage in de kosten van de traplift zorgvuldig beoordeeld.")
    assert [hit.values["paar"] for hit in hits] == ["hebben ... beoordeeld"]
