"""Dutch verb forms generated from the infinitive (directduidelijk.language.verbforms), and the
word lists finding inflected verbs through them, with the real model and the shipped rules."""

from __future__ import annotations

import pytest

from directduidelijk.language.verbforms import is_verb, participle_forms, split_forms, te_infinitive, verb_forms


def forms(word: str) -> set[str]:
    return verb_forms(word)


# --------------------------------------------------------------------------- regular verbs


@pytest.mark.parametrize(("infinitive", "expected"), [
    # present, past (te/de by 't kofschip), participle, participle + e
    ("werken", {"werk", "werkt", "werken", "werkte", "werkten", "gewerkt", "gewerkte"}),
    ("dienen", {"dien", "dient", "diende", "dienden", "gediend", "gediende"}),
    # klinkerverdubbeling and degemination
    ("lopen", {"loop", "loopt"}),
    ("verlenen", {"verleen", "verleent", "verleende", "verleenden", "verleend"}),
    ("zetten", {"zet", "zette", "zetten", "gezet", "gezette"}),
    ("benutten", {"benut", "benutte", "benut", "benutte"}),
    # v/z: f/s in the stem, but de after the infinitive's v/z
    ("leven", {"leef", "leeft", "leefde", "leefden", "geleefd"}),
    ("reizen", {"reis", "reist", "reisde", "reisden", "gereisd"}),
    ("behoeven", {"behoef", "behoeft", "behoefde", "behoefd"}),
    # no double t/d
    ("wenden", {"wend", "wendt", "wendde", "gewend"}),
    ("trachten", {"tracht", "trachtte", "getracht"}),
    ("gebeuren", {"gebeurt", "gebeurde", "gebeurd"}),
    # a schwa is not doubled; a foreign -eren is
    ("handelen", {"handel", "handelt", "handelde", "gehandeld"}),
    ("veranderen", {"verander", "verandert", "veranderde", "veranderd"}),
    ("realiseren", {"realiseer", "realiseert", "realiseerde", "gerealiseerd", "gerealiseerde"}),
    ("evalueren", {"evalueer", "geëvalueerd"}),
    ("definiëren", {"definieer", "definieert", "gedefinieerd"}),
    ("creëren", {"creëer", "creëert", "gecreëerd"}),
    ("raadplegen", {"raadpleeg", "raadpleegt", "geraadpleegd"}),
    ("monitoren", {"monitor", "monitort", "gemonitord"}),
    # diaeresis after ge-
    ("innen", {"int", "inde", "geïnd", "geïnde"}),
    ("implementeren", {"geïmplementeerd"}),
    # unstressed prefixes: no ge-
    ("beëindigen", {"beëindigt", "beëindigde", "beëindigd"}),
    ("verstrekken", {"verstrekt", "verstrekte", "verstrekten"}),
    ("beogen", {"beoogt", "beoogde", "beoogd"}),
    ("geschieden", {"geschiedt", "geschiedde", "geschied"}),
    ("ontberen", {"ontbeert", "ontbeerde", "ontbeerd"}),
])
def test_regular(infinitive: str, expected: set[str]) -> None:
    generated = forms(infinitive)
    assert infinitive in generated
    assert expected <= generated, expected - generated


@pytest.mark.parametrize(("infinitive", "wrong"), [
    ("leven", {"leefte", "levde", "gelevd", "geleeft"}),
    ("zetten", {"gezett", "zettte", "gezetd"}),
    ("wenden", {"gewendd", "wendte"}),
    ("verlenen", {"geverleend", "verlenent"}),
    ("handelen", {"handeel", "gehandeelt"}),
    ("lopen", {"gelopt", "loopte"}),
])
def test_no_wrong_forms(infinitive: str, wrong: set[str]) -> None:
    assert not wrong & forms(infinitive)


# --------------------------------------------------------------------------- strong and compounds


@pytest.mark.parametrize(("infinitive", "expected"), [
    ("zijn", {"ben", "bent", "is", "was", "waren", "geweest"}),
    ("hebben", {"heb", "hebt", "heeft", "had", "hadden", "gehad"}),
    ("nemen", {"neem", "neemt", "nam", "namen", "genomen"}),
    ("dragen", {"draag", "draagt", "droeg", "droegen", "gedragen"}),
    ("komen", {"kom", "komt", "kwam", "kwamen", "gekomen"}),
    ("zenden", {"zend", "zendt", "zond", "zonden", "gezonden"}),
    ("houden", {"hou", "houdt", "hield", "gehouden"}),
    ("brengen", {"brengt", "bracht", "gebracht", "gebrachte"}),
    # compounds take the strong forms of their verb
    ("verzoeken", {"verzoekt", "verzocht", "verzochte"}),
    ("betreffen", {"betreft", "betrof", "betroffen"}),
    ("verkrijgen", {"verkrijgt", "verkreeg", "verkregen"}),
    ("ontvangen", {"ontvangt", "ontving", "ontvingen", "ontvangen"}),
    ("bevinden", {"bevindt", "bevond", "bevonden"}),
    ("onderwerpen", {"onderwerpt", "onderwierp", "onderworpen"}),
    ("voldoen", {"voldoet", "voldeed", "voldeden", "voldaan"}),
    ("overwegen", {"overweegt", "overwoog", "overwogen"}),
    ("herzien", {"herziet", "herzag", "herzien"}),
    ("aanbevelen", {"aanbeval", "aanbevolen"}),
])
def test_strong_and_prefixed(infinitive: str, expected: set[str]) -> None:
    assert expected <= forms(infinitive), expected - forms(infinitive)


def test_inseparable_compounds_take_no_ge() -> None:
    assert "ondergeworpen" not in forms("onderwerpen")
    assert "volgedaan" not in forms("voldoen")
    assert "overgewogen" not in forms("overwegen")
    assert "geverkregen" not in forms("verkrijgen")


@pytest.mark.parametrize(("infinitive", "particle", "joined", "part"), [
    ("uitvoeren", "uit", {"uitvoert", "uitvoerde", "uitgevoerd", "uitgevoerde"}, {"voert", "voerde", "voerden"}),
    ("bijvoegen", "bij", {"bijgevoegd", "bijgevoegde", "bijvoegt"}, {"voegt", "voegde"}),
    ("overgaan", "over", {"overgaat", "overging", "overgingen", "overgegaan"}, {"gaat", "ging", "gingen"}),
    ("toezenden", "toe", {"toezendt", "toezond", "toegezonden"}, {"zendt", "zond", "zonden"}),
    ("terugzenden", "terug", {"teruggezonden"}, {"zond"}),
    ("kennisnemen", "kennis", {"kennisnam", "kennisgenomen"}, {"neemt", "nam", "namen"}),
    ("plaatsvinden", "plaats", {"plaatsvindt", "plaatsvond", "plaatsgevonden"}, {"vindt", "vond"}),
    ("aanvangen", "aan", {"aangevangen", "aanving"}, {"vangt", "ving"}),
    ("aanleveren", "aan", {"aangeleverd", "aangeleverde"}, {"levert", "leverde"}),
    ("opschorten", "op", {"opgeschort"}, {"schort", "schortte"}),
    ("uiteenzetten", "uiteen", {"uiteengezet"}, {"zet", "zette"}),
])
def test_separable(infinitive: str, particle: str, joined: set[str], part: set[str]) -> None:
    generated = forms(infinitive)
    assert joined <= generated, joined - generated
    split = split_forms(infinitive)
    assert split is not None
    assert split[0] == particle
    assert part <= split[1], part - split[1]
    assert te_infinitive(infinitive) == f"{particle} te {infinitive[len(particle):]}"
    # the verb part alone is not a form of the separable verb
    assert not part & generated


def test_not_separable() -> None:
    assert split_forms("verlenen") is None
    assert split_forms("onderwerpen") is None
    assert split_forms("voldoen") is None
    assert te_infinitive("verlenen") == "te verlenen"


def test_participle_with_e() -> None:
    assert {"bestede", "besteedde", "besteed"} <= forms("besteden")
    assert "besteede" not in forms("besteden")
    assert "gedoogde" in forms("gedogen")  # a cluster keeps its vowels: no 'gedode'


def test_native_and_foreign_eren() -> None:
    assert "gefrankeerd" in forms("frankeren")  # not the native -anker of verankeren
    assert "geaccordeerd" in forms("accorderen")
    assert "verankerd" in forms("verankeren")
    assert "aangeleverd" in forms("aanleveren")


def test_participles() -> None:
    assert participle_forms("verlenen") == {"verleend", "verleende"}
    assert participle_forms("zenden") == {"gezonden"}
    assert {"bijgevoegd", "bijgevoegde"} <= participle_forms("bijvoegen")
    assert "voegt" not in participle_forms("bijvoegen")


# --------------------------------------------------------------------------- what is a verb


@pytest.mark.parametrize("word", [
    "verlenen", "verstrekken", "zenden", "toezenden", "overgaan", "dragen", "nemen", "zijn", "hebben",
    "trachten", "realiseren", "wijzigen", "bijvoegen", "plaatsvinden", "ontvangen", "bedragen", "dienen",
])
def test_is_verb(word: str) -> None:
    assert is_verb(word)


@pytest.mark.parametrize("word", [
    "indien", "teneinde", "omtrent", "gelegen", "verkregen", "gevallen", "levensmiddelen", "afvalstoffen",
    "meermalen", "tezamen", "voorheen", "nadien", "genegen", "heden", "middelen", "dezen", "inzake", "mede",
])
def test_is_not_verb(word: str) -> None:
    assert not is_verb(word)


@pytest.mark.parametrize("word", ["indien", "omtrent", "teneinde", "inzake", "middels", "ten behoeve van", ""])
def test_no_forms_for_non_verbs(word: str) -> None:
    assert verb_forms(word) == set()


# --------------------------------------------------------------------------- the word lists, end to end


def _findings(sentences: list[str]):
    from shared_session import shared_session

    from directduidelijk.readers import Input

    inputs = [Input(f"x{i}.md", data=s.encode("utf-8"), format="md") for i, s in enumerate(sentences)]
    return [result.findings for result in shared_session().check(inputs)]


FLAGGED = [
    ("De vergunning werd verleend.", "ambtelijke-taal", "verleend"),
    ("Wij hebben de bijgevoegde stukken ontvangen.", "ambtelijke-taal", "bijgevoegde"),
    ("Het college ging over tot invordering.", "naamwoordstijl", "ging over tot invordering"),
    ("U dient het formulier binnen zes weken terug te zenden.", "ambtelijke-taal", "terug te zenden"),
    ("U dient het formulier binnen zes weken terug te zenden.", "ambtelijke-taal", "dient het formulier"),
    ("Het college verzoekt u de stukken toe te zenden.", "ambtelijke-taal", "verzoekt"),
    ("Het college verzoekt u de stukken toe te zenden.", "ambtelijke-taal", "toe te zenden"),
    ("Wij zenden u de stukken toe.", "ambtelijke-taal", "zenden u de stukken toe"),
    ("Wij namen kennis van uw brief.", "ambtelijke-taal", "namen kennis van"),
    ("De aanvraag is in behandeling genomen.", "naamwoordstijl", "in behandeling genomen"),
    ("Wij hebben uitvoering gegeven aan het besluit.", "naamwoordstijl", "uitvoering gegeven aan"),
    ("Wij dragen zorg voor een goede afhandeling.", "ambtelijke-taal", "dragen zorg voor"),
    ("Het bedrag wordt binnen een maand geïnd.", "ambtelijke-taal", "geïnd"),
    ("De regels zijn per 1 mei gewijzigd.", "ambtelijke-taal", "gewijzigd"),
    ("De betaling van de aanslag wordt opgeschort.", "ambtelijke-taal", "opgeschort"),
    ("Het verkregen bedrag wordt teruggevorderd.", "ambtelijke-taal", "teruggevorderd"),
]


def test_inflected_verbs_are_flagged() -> None:
    results = _findings([sentence for sentence, _, _ in FLAGGED])
    for (sentence, rule, text), findings in zip(FLAGGED, results, strict=True):
        texts = [f.message for f in findings if f.rule == rule]
        assert any(message.startswith(f"'{text}") for message in texts), (sentence, rule, texts)


PLAIN = [
    "Wij sturen u de brief in mei.",
    "U heeft recht op een toeslag.",
    "De gemeente gaat over de vergunning.",
    "Uw aanvraag is binnen.",
    "Wij hebben uw brief gekregen.",
    "Het adres op de brief was verkeerd.",
    "U ontvangt binnenkort bericht van ons.",
    "De container wordt op maandag geleegd.",
    "Wij betalen het bedrag in acht weken.",
    "Kunt u het formulier terugsturen?",
]


def test_plain_sentences_are_not_flagged() -> None:
    for sentence, findings in zip(PLAIN, _findings(PLAIN), strict=True):
        flagged = [f.message for f in findings if f.rule in ("ambtelijke-taal", "naamwoordstijl")]
        assert not flagged, (sentence, flagged)


def test_forms_do_not_depend_on_the_lemmatiser() -> None:
    """With every lemma wiped (a lemmatiser that knows nothing), the forms still match."""
    from shared_session import shared_session

    from directduidelijk.engine.kinds import RunState, kind_module
    from directduidelijk.engine.hits import CheckContext
    from directduidelijk.language.analysis import analyse_documents
    from directduidelijk.readers import Input
    from directduidelijk.checking import read_input

    session = shared_session()
    module = kind_module("woordenlijst")
    rule = next(r for r in session.engine.enabled_rules if r.id == "ambtelijke-taal")
    sentence = "Wij hebben de vergunning verleend en de stukken toegezonden."
    document = read_input(Input("x.md", data=sentence.encode(), format="md"))
    (analysed,) = list(analyse_documents(iter([document]), session.nlp))
    for doc in analysed.docs:
        if doc is not None:
            for token in doc:
                token.lemma_ = token.lower_ if token.lower_ in {"verleend", "toegezonden"} else token.lemma_
    vocab = next(doc for doc in analysed.docs if doc is not None).vocab
    compiled = module.compile(rule, vocab)
    state = RunState(analysed, CheckContext(vocabulary={}))
    found = {hit.values["woord"] for hit in module.run(rule, compiled, state)}
    assert {"verlenen", "toezenden"} <= found, found
