"""The rule engine on small hand-made inputs: loader errors, each kind, scope, suppression, positions.

Docs with part of speech, lemmas and parses are built by hand (spacy.tokens.Doc), so these
tests pin the engine's behaviour independently of any statistical model.
"""

from __future__ import annotations

import textwrap

import pytest
import spacy
from spacy.tokens import Doc

from directduidelijk.config import Config
from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.engine import RuleError, load_rules
from directduidelijk.engine.explain import HEADINGS, explain
from directduidelijk.engine.hits import BUILTIN_CHECKS, Hit, builtin
from directduidelijk.engine.loader import apply_config, parse_file, parse_rule
from directduidelijk.engine.runner import RuleEngine, suppression_regions
from directduidelijk.findings import Severity
from directduidelijk.language.analysis import AnalysedDocument, Sentence, analyse_document

VOCAB = spacy.blank("nl").vocab


# ---------------------------------------------------------------------- helpers


def make_rule(**fields):
    base = {
        "id": "test-regel", "titel": "Test", "soort": "woordenlijst", "ernst": "waarschuwing",
        "melding": "'{tekst}' is ambtelijk.", "suggestie": "Schrijf: {alternatief}.", "wat": "Test.",
        "waarom": "Test.", "voorbeelden": {"fout": ["Fout."], "goed": ["Goed."]},
    }
    base.update(fields)
    if base["soort"] != "woordenlijst":
        base.pop("woorden", None)
    return parse_rule(base, "test.yaml", "direct-duidelijk")


def hand_doc(words, *, pos=None, lemmas=None, heads=None, deps=None, spaces=None, sent_starts=None) -> Doc:
    """A Doc with the given annotation; `heads` are absolute token indices."""
    kwargs = {}
    if pos is not None:
        kwargs["pos"] = pos
    if lemmas is not None:
        kwargs["lemmas"] = lemmas
    if heads is not None:
        kwargs["heads"] = heads
        kwargs["deps"] = deps
    elif sent_starts is not None:
        kwargs["sent_starts"] = sent_starts
    else:
        kwargs["sent_starts"] = [True] + [words[i - 1] in (".", "?", "!") for i in range(1, len(words))]
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", "?", "!", ":") for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, **kwargs)


def analysed_from(docs, kinds=None, segments=None, path="brief.txt", directives=None) -> AnalysedDocument:
    blocks = []
    for number, doc in enumerate(docs):
        kind = kinds[number] if kinds else BlockKind.PARAGRAPH
        segs = segments[number] if segments else (Segment(0, number + 1, 1),)
        blocks.append(Block(kind, doc.text, segs, paragraph=number + 1))
    document = Document(path, "txt", blocks)
    if directives is not None:
        document.directives = directives
    analysed = AnalysedDocument(document, list(docs))
    for index, doc in enumerate(docs):
        for span in doc.sents:
            analysed.sentences.append(Sentence(index, span))
    return analysed


def run(rules, analysed, config=None):
    if not isinstance(rules, list):
        rules = [rules]
    config = config or Config()
    return RuleEngine(rules, config).check(analysed)


@pytest.fixture(scope="module")
def blank():
    from directduidelijk.language.sentences import add_sentence_boundaries

    nlp = spacy.blank("nl")
    add_sentence_boundaries(nlp)
    return nlp


def text_doc(blank, text, path="brief.txt", kind=BlockKind.PARAGRAPH):
    block = Block(kind, text, (Segment(0, 1, 1),), paragraph=1)
    return analyse_document(Document(path, "txt", [block]), blank)


def write(tmp_path, text, name="regels.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


VALID = """\
set: huisstijl
regels:
  - id: lange-zin-test
    titel: Lange zin
    soort: meting
    ernst: {ernst}
    melding: "Te lang: {{waarde}}."
    wat: Test.
    waarom: Test.
    voorbeelden:
      fout: [Een.]
      goed: [Twee.]
    meting: {{grootheid: woorden, per: zin, drempels: {{waarschuwing: 3}}}}
"""


# ---------------------------------------------------------------------- loader errors


def test_wrong_severity_names_file_rule_and_field(tmp_path):
    path = write(tmp_path, VALID.format(ernst="hoog"))
    with pytest.raises(RuleError) as raised:
        parse_file(path)
    message = raised.value.message
    assert "regels.yaml" in message and "regel 'lange-zin-test'" in message and "veld 'ernst'" in message
    assert "'hoog' is geen geldige ernst. Kies uit: fout, waarschuwing, suggestie." in message


def test_unknown_kind(tmp_path):
    path = write(tmp_path, VALID.format(ernst="fout").replace("soort: meting", "soort: lijst"))
    with pytest.raises(RuleError, match="veld 'soort': 'lijst' is geen geldige soort"):
        parse_file(path)


def test_missing_field(tmp_path):
    path = write(tmp_path, VALID.format(ernst="fout").replace('    melding: "Te lang: {waarde}."\n', ""))
    with pytest.raises(RuleError, match="regel 'lange-zin-test': het veld 'melding' ontbreekt"):
        parse_file(path)


def test_unknown_field_suggests_close_match(tmp_path):
    path = write(tmp_path, VALID.format(ernst="fout").replace("    wat: Test.\n", "    wat: Test.\n    suggestei: x\n"))
    with pytest.raises(RuleError, match="onbekend veld 'suggestei'. Bedoelt u 'suggestie'?"):
        parse_file(path)


def test_bad_yaml_syntax_names_place(tmp_path):
    path = write(tmp_path, "set: x\nregels:\n  - id: [kapot\n")
    with pytest.raises(RuleError) as raised:
        parse_file(path)
    assert "regels.yaml" in raised.value.message and "geen geldige YAML" in raised.value.message
    assert "regel 4" in raised.value.message or "regel 3" in raised.value.message


def test_bad_measurement_and_thresholds(tmp_path):
    path = write(tmp_path, VALID.format(ernst="fout").replace("grootheid: woorden", "grootheid: tekens"))
    with pytest.raises(RuleError, match="veld 'meting': 'tekens' is geen geldige grootheid"):
        parse_file(path)
    path = write(tmp_path, VALID.format(ernst="fout").replace("waarschuwing: 3", "waarschuwing: veel"))
    with pytest.raises(RuleError, match="moet een getal zijn"):
        parse_file(path)


def test_duplicate_ids_and_extra_rule_files(tmp_path):
    path = write(tmp_path, VALID.format(ernst="fout"))
    rules = load_rules(Config(extra_rules=[path]))
    extra = next(r for r in rules if r.id == "lange-zin-test")
    assert extra.enabled and extra.rule_set == "huisstijl"
    with pytest.raises(RuleError, match="bestaat al"):
        load_rules(Config(extra_rules=[path, path]))


def test_safe_needs_an_alternative():
    with pytest.raises(RuleError, match="'veilig: true' kan alleen met een alternatief"):
        make_rule(woorden=[{"woord": "teneinde", "veilig": True}])


def test_gap_only_between_words():
    with pytest.raises(RuleError, match="alleen tussen twee woorden"):
        make_rule(woorden=["... te"])


# ---------------------------------------------------------------------- woordenlijst


WORDS = [
    {"woord": "middels", "alternatief": ["met", "via", "door"]},
    {"woord": "teneinde", "alternatief": ["om"], "veilig": True},
    {"woord": "ten behoeve van", "alternatief": ["voor"], "veilig": True},
    {"woord": "behoeve", "alternatief": ["nut"]},
    {"woord": "dienen ... te", "alternatief": ["moeten"]},
    {"woord": "zorg dragen voor", "alternatief": ["zorgen voor"]},
    {"woord": "verstrekken", "alternatief": ["geven"], "veilig": True},
    {"woord": "plaatsvinden", "alternatief": ["gebeuren"]},
    {"woord": "conform", "alternatief": ["volgens"], "woordsoort": ["ADP"]},
]


@pytest.fixture(scope="module")
def word_rule():
    return make_rule(woorden=WORDS)


def test_woordenlijst_form_case_insensitive_and_capitalised_fix(blank, word_rule):
    findings = run(word_rule, text_doc(blank, "Teneinde te betalen gebruikt u MIDDELS of middels dit. TENEINDE dus."))
    assert [f.text for f in findings] == ["Teneinde", "MIDDELS", "middels", "TENEINDE"]
    assert findings[0].fix.replacement == "Om" and findings[0].fix.applicability == "veilig"
    assert findings[3].fix.replacement == "OM"
    assert findings[1].fix.replacement == "MET" and findings[1].fix.applicability == "onveilig"
    assert findings[0].message == "'Teneinde' is ambtelijk." and findings[0].suggestion == "Schrijf: om."
    assert findings[2].suggestion == "Schrijf: met, via of door."


def test_woordenlijst_phrase_longest_wins(blank, word_rule):
    findings = run(word_rule, text_doc(blank, "Dit is ten behoeve van u. Dat is alles."))
    assert [f.text for f in findings] == ["ten behoeve van"]
    assert findings[0].fix.replacement == "voor"


def test_woordenlijst_lemma_match_all_inflections_without_unsafe_fix(word_rule):
    doc = hand_doc(["Wij", "verstrekten", "de", "pas", "."], pos=["PRON", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["wij", "verstrekken", "de", "pas", "."])
    findings = run(word_rule, analysed_from([doc]))
    assert [f.text for f in findings] == ["verstrekten"]
    assert findings[0].fix is None  # 'geven' would be the wrong form here


def test_woordenlijst_noun_plural_on_a_noun_only():
    from directduidelijk.engine.kinds.woordenlijst import noun_plurals

    assert {"randvoorwaarden"} <= noun_plurals("randvoorwaarde")
    assert noun_plurals("aangelegenheid") == {"aangelegenheden"}
    assert "criteria" in noun_plurals("criterium") and "knelpunten" in noun_plurals("knelpunt")
    rule = make_rule(woorden=[{"woord": "randvoorwaarde", "alternatief": ["voorwaarde"]}])
    # the lemmatiser's wrong lemma ('randvoorwaard') does not matter: the plural is generated
    noun = hand_doc(["De", "randvoorwaarden", "zijn", "klaar", "."], pos=["DET", "NOUN", "AUX", "ADJ", "PUNCT"],
                    lemmas=["de", "randvoorwaard", "zijn", "klaar", "."])
    assert [f.text for f in run(rule, analysed_from([noun]))] == ["randvoorwaarden"]
    other = hand_doc(["Zij", "randvoorwaarden", "."], pos=["PRON", "VERB", "PUNCT"], lemmas=["zij", "x", "."])
    assert run(rule, analysed_from([other])) == []


def test_woordenlijst_gap_within_limit(word_rule):
    words = ["U", "dient", "het", "formulier", "voor", "1", "mei", "in", "te", "sturen", "."]
    lemmas = ["u", "dienen", "het", "formulier", "voor", "1", "mei", "in", "te", "sturen", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "ADP", "ADP", "VERB", "PUNCT"]
    findings = run(word_rule, analysed_from([hand_doc(words, pos=pos, lemmas=lemmas)]))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.text == "dient het formulier voor 1 mei in te"
    text = finding.sentence
    assert [text[a:b] for a, b in finding.extra["parts"]] == ["dient", "te"]
    assert finding.fix is None


def test_woordenlijst_gap_too_long(word_rule):
    words = ["U", "dient", "het", "formulier", "voor", "1", "mei", "2025", "in", "te", "sturen", "."]
    lemmas = [w.lower() for w in words]
    lemmas[1] = "dienen"
    pos = ["PRON", "NOUN", "DET", "NOUN", "ADP", "NUM", "NOUN", "NUM", "ADP", "ADP", "VERB", "PUNCT"]
    assert run(word_rule, analysed_from([hand_doc(words, pos=pos, lemmas=lemmas)])) == []


def test_woordenlijst_free_order_with_verb(word_rule):
    words = ["Wij", "dragen", "er", "zorg", "voor", "."]
    doc = hand_doc(words, pos=["PRON", "VERB", "ADV", "NOUN", "ADP", "PUNCT"],
                   lemmas=["wij", "dragen", "er", "zorg", "voor", "."])
    findings = run(word_rule, analysed_from([doc]))
    assert [f.text for f in findings] == ["dragen er zorg voor"]
    # Without a verb among the words, order is fixed.
    doc = hand_doc(words, pos=["PRON", "NOUN", "ADV", "NOUN", "ADP", "PUNCT"],
                   lemmas=["wij", "dragen", "er", "zorg", "voor", "."])
    assert run(word_rule, analysed_from([doc])) == []


def test_woordenlijst_gap_only_within_sentence(word_rule):
    words = ["U", "dient", "dat", ".", "Ga", "te", "voet", "."]
    doc = hand_doc(words, lemmas=["u", "dienen", "dat", ".", "gaan", "te", "voet", "."])
    assert run(word_rule, analysed_from([doc])) == []


def test_woordenlijst_skips_names_and_quotes(blank, word_rule):
    doc = hand_doc(["Bureau", "Middels", "helpt", "."], pos=["NOUN", "PROPN", "VERB", "PUNCT"],
                   lemmas=["bureau", "Middels", "helpen", "."])
    assert run(word_rule, analysed_from([doc])) == []
    text = 'Het woord "middels" en „teneinde” ken ik, maar middels niet.'
    findings = run(word_rule, text_doc(blank, text))
    assert [(f.text, f.column) for f in findings] == [("middels", text.rindex("middels") + 1)]


def test_woordenlijst_part_of_speech_condition(word_rule):
    doc = hand_doc(["Dit", "is", "conform", "de", "wet", "."], pos=["PRON", "AUX", "ADP", "DET", "NOUN", "PUNCT"],
                   lemmas=["dit", "zijn", "conform", "de", "wet", "."])
    assert len(run(word_rule, analysed_from([doc]))) == 1
    doc = hand_doc(["Dat", "is", "conform", "."], pos=["PRON", "AUX", "ADJ", "PUNCT"],
                   lemmas=["dat", "zijn", "conform", "."])
    assert run(word_rule, analysed_from([doc])) == []


def test_woordenlijst_separable_verb_and_alpino_lemma(word_rule):
    words = ["De", "keuring", "vindt", "morgen", "plaats", "."]
    doc = hand_doc(words, pos=["DET", "NOUN", "VERB", "ADV", "ADP", "PUNCT"],
                   lemmas=["de", "keuring", "vinden", "morgen", "plaats", "."],
                   heads=[1, 2, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", "advmod", "compound:prt", "punct"])
    findings = run(word_rule, analysed_from([doc]))
    assert [f.text for f in findings] == ["vindt morgen plaats"]
    doc = hand_doc(["Dat", "gaat", "plaatsvinden", "."], pos=["PRON", "AUX", "VERB", "PUNCT"],
                   lemmas=["dat", "gaan", "plaats_vinden", "."])
    assert [f.text for f in run(word_rule, analysed_from([doc]))] == ["plaatsvinden"]


def test_woordenlijst_suggestion_absent_without_alternative(blank):
    rule = make_rule(woorden=[{"woord": "derhalve"}])
    findings = run(rule, text_doc(blank, "Derhalve gaan wij."))
    assert findings[0].suggestion is None and findings[0].message == "'Derhalve' is ambtelijk."


def test_woordenlijst_speed_with_500_entries(blank):
    import random
    import time

    random.seed(7)
    entries = [dict(w) for w in WORDS]
    letters = "abdeghiklmnoprstuvw"
    for _ in range(500):
        phrase = " ".join("".join(random.choice(letters) for _ in range(7)) for _ in range(random.choice([1, 1, 2, 3])))
        entries.append({"woord": phrase, "alternatief": ["x"]})
    rule = make_rule(woorden=entries)
    sentence = "Teneinde u te helpen sturen wij u middels deze brief een formulier voor de aanvraag. "
    blocks = [Block(BlockKind.PARAGRAPH, sentence * 3, (Segment(0, i + 1, 1),), paragraph=i + 1) for i in range(10)]
    analysed = analyse_document(Document("brief.txt", "txt", blocks), blank)
    engine = RuleEngine([rule], Config())
    assert len(engine.check(analysed)) == 60
    started = time.perf_counter()
    for _ in range(20):
        engine.check(analysed)
    per_page = (time.perf_counter() - started) / 20
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms for one page"


# ---------------------------------------------------------------------- meting


def length_rule(**meting):
    spec = {"grootheid": "woorden", "per": "zin", "drempels": {"waarschuwing": 5, "fout": 8}}
    spec.update(meting)
    return make_rule(id="lange-zin-test", soort="meting", meting=spec, melding="{waarde} woorden, max {drempel}.",
                     suggestie="Korter.")


def test_meting_severity_from_highest_threshold(blank):
    text = "Een twee drie vier vijf. Een twee drie vier vijf zes. Een twee drie vier vijf zes zeven acht negen."
    findings = run(length_rule(), text_doc(blank, text))
    assert [(f.severity, f.message) for f in findings] == [
        (Severity.WARNING, "6 woorden, max 5."), (Severity.ERROR, "9 woorden, max 8."),
    ]
    assert findings[0].text == "Een twee drie vier vijf zes." and findings[0].extra["waarde"] == 6


def test_meting_settings_override_yaml_thresholds(blank):
    rule = length_rule()
    config = Config(settings={"lange-zin-test": {"drempels": {"waarschuwing": 6}}})
    apply_config([rule], config)
    text = "Een twee drie vier vijf zes. Een twee drie vier vijf zes zeven."
    findings = run(rule, text_doc(blank, text), config)
    assert [f.extra["waarde"] for f in findings] == [7]
    explained = explain(rule)
    assert "waarschuwing boven 6" in explained


def test_meting_config_severity_beats_threshold_severity(blank):
    rule = length_rule()
    apply_config([rule], Config(severity={"lange-zin-test": Severity.SUGGESTION}))
    findings = run(rule, text_doc(blank, "Een twee drie vier vijf zes zeven acht negen."))
    assert [f.severity for f in findings] == [Severity.SUGGESTION]


def test_meting_paragraph_two_measurements_reported_once(blank):
    rule = make_rule(id="lange-alinea-test", soort="meting", bereik="alinea", melding="{waarde} {eenheid}",
                     meting=[{"grootheid": "zinnen", "per": "alinea", "drempels": {"waarschuwing": 2}},
                             {"grootheid": "woorden", "per": "alinea", "drempels": {"waarschuwing": 5}}])
    findings = run(rule, text_doc(blank, "Een. Twee. Drie."))
    assert [f.message for f in findings] == ["3 zinnen"]
    findings = run(rule, text_doc(blank, "Een twee drie vier vijf zes."))
    assert [f.message for f in findings] == ["6 woorden"]


def test_meting_per_word_skips_names_numbers_and_capitals():
    rule = make_rule(id="lange-woorden-test", soort="meting", melding="{tekst}",
                     meting={"grootheid": "letters", "per": "woord", "drempels": {"suggestie": 6}})
    doc = hand_doc(["Arbeidsongeschikt", "Amsterdammertje", "WOZ-BESCHIKKING", "1234567890", "kort", "."],
                   pos=["ADJ", "PROPN", "NOUN", "NUM", "ADJ", "PUNCT"])
    assert [f.text for f in run(rule, analysed_from([doc]))] == ["Arbeidsongeschikt"]


def test_meting_rate_per_100_sentences(blank):
    rule = make_rule(id="veel-lange-zinnen", soort="meting", bereik="document", melding="{waarde} per 100",
                     meting={"grootheid": "woorden", "per": "zin", "drempels": {"waarschuwing": 3},
                             "aandeel": {"max": 30, "per_aantal": 100}})
    findings = run(rule, text_doc(blank, "Een twee drie vier. Kort. Kort. Een twee drie vier."))
    assert [f.message for f in findings] == ["50 per 100"]
    assert run(rule, text_doc(blank, "Een twee drie vier. Kort. Kort. Kort.")) == []


def test_meting_clauses_and_dependency_distance():
    # "Ik denk dat hij komt omdat het regent ."
    words = ["Ik", "denk", "dat", "hij", "komt", "omdat", "het", "regent", "."]
    heads = [1, 1, 4, 4, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "mark", "nsubj", "advcl", "punct"]
    pos = ["PRON", "VERB", "SCONJ", "PRON", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    doc = hand_doc(words, pos=pos, heads=heads, deps=deps)
    clauses = make_rule(id="bijzinnen-test", soort="meting", melding="{waarde}",
                        meting={"grootheid": "bijzinnen", "per": "zin", "drempels": {"waarschuwing": 1}})
    distance = make_rule(id="afstand-test", soort="meting", melding="{waarde}",
                         meting={"grootheid": "afstand", "per": "zin", "drempels": {"waarschuwing": 2}})
    findings = run([clauses, distance], analysed_from([doc]))
    assert sorted((f.rule, f.message) for f in findings) == [("afstand-test", "3"), ("bijzinnen-test", "2")]


# ---------------------------------------------------------------------- patroon, afhankelijkheid, ingebouwd


def test_patroon_longest_without_overlap(blank):
    rule = make_rule(id="er-wordt", soort="patroon", melding="{tekst}",
                     patronen=[[{"LOWER": "er"}, {"LOWER": {"IN": ["wordt", "werd"]}}],
                               [{"LOWER": "er"}, {"LOWER": {"IN": ["wordt", "werd"]}}, {"LOWER": "hard", "OP": "?"},
                                {"LOWER": "gewerkt"}]])
    findings = run(rule, text_doc(blank, "Er wordt hard gewerkt. Er werd gelachen."))
    assert [f.text for f in findings] == ["Er wordt hard gewerkt", "Er werd"]


def test_patroon_bad_pattern_is_a_rule_error(blank):
    rule = make_rule(id="kapot", soort="patroon", melding="x", patronen=[[{"LOWER": "er", "BESTAATNIET": 1}]])
    with pytest.raises(RuleError, match="regel 'kapot', veld 'patronen'"):
        run(rule, text_doc(blank, "Er is iets."))


def test_afhankelijkheid_marks_nodes():
    words = ["De", "brief", "wordt", "morgen", "verstuurd", "."]
    doc = hand_doc(words, pos=["DET", "NOUN", "AUX", "ADV", "VERB", "PUNCT"], heads=[1, 4, 4, 4, 4, 4],
                   deps=["det", "nsubj:pass", "aux:pass", "advmod", "ROOT", "punct"])
    rule = make_rule(id="passief-test", soort="afhankelijkheid", melding="{woorden}",
                     patronen=[[{"RIGHT_ID": "hoofd", "RIGHT_ATTRS": {"POS": "VERB"}},
                                {"LEFT_ID": "hoofd", "REL_OP": ">", "RIGHT_ID": "hulp", "RIGHT_ATTRS": {"DEP": "aux:pass"}}]],
                     markeer=["hulp", "hoofd"])
    findings = run(rule, analysed_from([doc]))
    assert [(f.text, f.message) for f in findings] == [("wordt morgen verstuurd", "wordt … verstuurd")]
    assert RuleEngine([rule]).required_components() >= {"parser"}


def test_ingebouwd_gets_merged_settings_and_body_only(blank):
    seen = {}

    @builtin("test-controle")
    def check(analysed, rule, context):
        seen.update(rule.settings)
        seen["vocabulary"] = context.vocabulary
        for sentence in analysed.sentences:
            yield Hit(sentence.block_index, sentence.start, sentence.start + 3, sentence=sentence, values={"x": "1"})

    try:
        rule = make_rule(id="ingebouwd-test", soort="ingebouwd", controle="test-controle", melding="{x}",
                         instellingen={"a": 1, "b": 2})
        config = Config(settings={"ingebouwd-test": {"b": 3}}, vocabulary={"Wmo": "Wet maatschappelijke ondersteuning"})
        apply_config([rule], config)
        blocks = [Block(BlockKind.HEADING, "Kop hier", (Segment(0, 1, 1),)),
                  Block(BlockKind.PARAGRAPH, "Tekst hier.", (Segment(0, 3, 1),))]
        analysed = analyse_document(Document("b.txt", "txt", blocks), blank)
        findings = run(rule, analysed, config)
        assert [(f.text, f.line) for f in findings] == [("Tek", 3)]
        assert seen["a"] == 1 and seen["b"] == 3
        assert seen["vocabulary"]["Wmo"] == "Wet maatschappelijke ondersteuning"
    finally:
        BUILTIN_CHECKS.pop("test-controle", None)


def test_missing_builtin_is_a_warning_not_a_crash(blank):
    rule = make_rule(id="bestaat-niet", soort="ingebouwd", controle="bestaat-niet-controle", melding="x")
    engine = RuleEngine([rule])
    assert any("bestaat-niet-controle" in w for w in engine.warnings)
    assert engine.check(text_doc(blank, "Tekst.")) == []


# ---------------------------------------------------------------------- scope, suppression, positions


def test_headings_only_with_ook(blank):
    plain = make_rule(woorden=["middels"])
    also = make_rule(id="ook-kop", woorden=["middels"], ook=["kop"])
    blocks = [Block(BlockKind.HEADING, "Betalen middels iDEAL", (Segment(0, 1, 3),)),
              Block(BlockKind.PAGE_HEADER, "middels", (Segment(0, 1, 1),)),
              Block(BlockKind.PARAGRAPH, "U betaalt middels iDEAL.", (Segment(0, 3, 1),))]
    analysed = analyse_document(Document("b.md", "md", blocks), blank)
    findings = run([plain, also], analysed)
    assert [(f.rule, f.line) for f in findings] == [("ook-kop", 1), ("ook-kop", 3), ("test-regel", 3)]


def test_suppression_directives(blank):
    rule = make_rule(woorden=["middels"])
    other = make_rule(id="andere", woorden=["teneinde"])
    blocks = [Block(BlockKind.PARAGRAPH, f"Regel {n} middels teneinde.", (Segment(0, n, 1),)) for n in (1, 3, 5, 7)]
    document = Document("b.md", "md", blocks)
    document.directives = [(2, "uit test-regel"), (4, "aan"), (6, "uit")]
    analysed = analyse_document(document, blank)
    findings = run([rule, other], analysed)
    assert [(f.rule, f.line) for f in findings] == [
        ("test-regel", 1), ("andere", 1), ("andere", 3), ("test-regel", 5), ("andere", 5),
    ]
    assert suppression_regions([(1, "uit a, b"), (5, "aan b")]) == [("b", 1, 5), ("a", 1, float("inf"))]


def test_positions_from_segments_and_document_order(blank):
    rule = make_rule(woorden=["middels", "teneinde"])
    first = "Dit gaat middels een\nbrief teneinde u te helpen."
    text = first.replace("\n", " ")
    blocks = [Block(BlockKind.PARAGRAPH, text, (Segment(0, 4, 3), Segment(21, 5, 1)), paragraph=1),
              Block(BlockKind.PARAGRAPH, "Teneinde dat.", (Segment(0, 7, 1),), paragraph=2)]
    analysed = analyse_document(Document("b.md", "md", blocks), blank)
    findings = run(rule, analysed)
    assert [(f.text, f.line, f.column, f.end_line, f.end_column, f.block_index, f.paragraph) for f in findings] == [
        ("middels", 4, 12, 4, 18, 0, 1), ("teneinde", 5, 7, 5, 14, 0, 1), ("Teneinde", 7, 1, 7, 8, 1, 2),
    ]
    assert findings[1].start == text.index("teneinde") and findings[1].end == findings[1].start + 8
    assert findings[1].sentence == text


def test_explain_has_fixed_headings_in_order():
    rule = next(r for r in load_rules(Config()) if r.id == "lange-zin")
    text = explain(rule)
    positions = [text.index(f"## {heading}") for heading in HEADINGS]
    assert positions == sorted(positions)
    assert "lange-zin" in text.splitlines()[2] and "ernst waarschuwing" in text and "soort meting" in text
    assert rule.examples.wrong[0] in text and rule.examples.right[0] in text


def test_required_components_follow_enabled_rules():
    rules = load_rules(Config(select=["lange-zin"]))
    assert RuleEngine(rules).required_components() == set()
    rules = load_rules(Config(select=["lange-zin", "lange-woorden"]))
    assert "parser" not in RuleEngine(rules).required_components()


def test_default_rules_run_end_to_end(blank):
    rules = load_rules(Config(select=["lange-zin", "lange-alinea"]))
    engine = RuleEngine(rules, Config())
    long_sentence = " ".join(["woord"] * 26) + "."
    findings = engine.check(text_doc(blank, long_sentence))
    assert [(f.rule, f.severity) for f in findings] == [("lange-zin", Severity.ERROR)]


# ---------------------------------------------------------------------- with the real model

from conftest import MODEL_AVAILABLE, NO_MODEL_REASON  # noqa: E402


@pytest.mark.skipif(not MODEL_AVAILABLE, reason=NO_MODEL_REASON)
def test_woordenlijst_inflections_gaps_and_order_through_the_real_pipeline(nlp, word_rule):
    # "dient" -> dienen and "dragen" -> dragen come from the lemmatizer; "vindt ... plaats" from the parse.
    text = ("U dient het formulier in te sturen. "
            "Wij dragen er zorg voor dat u het geld krijgt. Het overleg vindt morgen plaats.")
    block = Block(BlockKind.PARAGRAPH, text, (Segment(0, 1, 1),), paragraph=1)
    findings = RuleEngine([word_rule]).check(analyse_document(Document("b.txt", "txt", [block]), nlp))
    assert [f.text for f in findings] == [
        "dient het formulier in te", "dragen er zorg voor", "vindt morgen plaats",
    ]
    assert [[text[a:b] for a, b in f.extra["parts"]] for f in findings] == [
        ["dient", "te"], ["dragen", "zorg voor"], ["vindt", "plaats"],
    ]


@pytest.mark.skipif(not MODEL_AVAILABLE, reason=NO_MODEL_REASON)
def test_woordenlijst_particle_makes_another_verb(nlp):
    rule = make_rule(woorden=[{"woord": "onderzoek doen", "alternatief": ["onderzoeken"]},
                              {"woord": "besluit nemen", "alternatief": ["besluiten"]},
                              {"woord": "geschieden", "alternatief": ["gebeuren"]}])

    def texts(text):
        block = Block(BlockKind.PARAGRAPH, text, (Segment(0, 1, 1),), paragraph=1)
        return [f.text for f in RuleEngine([rule]).check(analyse_document(Document("b.txt", "txt", [block]), nlp))]

    assert texts("Veel inwoners deden mee aan het onderzoek.") == []  # meedoen
    assert texts("Wij nemen het besluit mee in de afweging.") == []  # meenemen
    assert texts("Wij doen onderzoek naar de kosten.") == ["doen onderzoek"]
    # 'toe te zenden': the particle belongs to zenden, even when the parser hangs it on verzoekt
    rule_2 = make_rule(woorden=[{"woord": "verzoeken", "alternatief": ["vragen"]},
                                {"woord": "dienen ... te", "alternatief": ["moeten"]}])
    block = Block(BlockKind.PARAGRAPH, "Het college verzoekt u de stukken toe te zenden. "
                  "U wordt gevraagd uw bezwaar per e-mail in te dienen.", (Segment(0, 1, 1),), paragraph=1)
    found = RuleEngine([rule_2]).check(analyse_document(Document("b.txt", "txt", [block]), nlp))
    assert [f.text for f in found] == ["verzoekt"]  # 'in te dienen' is indienen, not 'dienen ... te'
    # a preposition the parser takes for a particle does not count: 'op het rekeningnummer'
    assert texts("Uitbetaling geschiedt binnen tien dagen op het bij ons bekende rekeningnummer.") == ["geschiedt"]


def test_a_crashing_check_becomes_a_document_warning(blank):
    @builtin("kapotte-controle")
    def broken(analysed, rule, context):
        raise ZeroDivisionError
        yield

    try:
        broken_rule = make_rule(id="kapot-test", soort="ingebouwd", controle="kapotte-controle", melding="x")
        words = make_rule(woorden=["middels"])
        analysed = text_doc(blank, "Betaal middels iDEAL.")
        findings = RuleEngine([broken_rule, words]).check(analysed)
        assert [f.rule for f in findings] == ["test-regel"]
        assert any("kapot-test" in w for w in analysed.document.warnings)
        with pytest.raises(ZeroDivisionError):
            RuleEngine([broken_rule], strict=True).check(text_doc(blank, "Tekst."))
    finally:
        BUILTIN_CHECKS.pop("kapotte-controle", None)
