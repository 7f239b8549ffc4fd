"""Template placeholders become a neutral name of the same length, so offsets stay valid."""

import re

import pytest

from directduidelijk.placeholders import find_placeholders, mask_placeholders, pseudo_name


@pytest.mark.parametrize("placeholder", [
    "{{ naam }}", "{{naam}}", "{{ aanvrager.achternaam }}", "{{}}",
    "[NAAM]", "[DATUM BRIEF]", "[KENMERK_2]", "[naam invullen]", "[datum]", "[bedrag in euro's]",
    "[in te vullen door de behandelaar]", "[naam_aanvrager]", "[[NAAM]]",
    "«Veld»", "«Achternaam»", "«V»", "«Straat_en_huisnummer»",
    "<<datum>>", "<<Naam aanvrager>>",
])
def test_each_kind_is_masked_with_the_same_length(placeholder):
    text = f"Beste {placeholder}, wij hebben uw brief ontvangen."
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    start = len("Beste ")
    replacement = masked[start:start + len(placeholder)]
    assert replacement == pseudo_name(len(placeholder))
    assert replacement[0].isupper() and replacement[1:].islower()
    # The text around it is untouched, character for character.
    assert masked[:start] == "Beste "
    assert masked[start + len(placeholder):] == ", wij hebben uw brief ontvangen."


@pytest.mark.parametrize("length, expected", [
    (2, "Na"), (3, "Naa"), (4, "Naam"), (5, "Naama"), (10, "Naamaaaaaa"),
])
def test_pseudo_name_lengths(length, expected):
    assert pseudo_name(length) == expected
    assert len(pseudo_name(length)) == length


@pytest.mark.parametrize("text", [
    "Zie artikel [1] van de wet.",
    "Hij schreef [sic] dat het klopt.",
    "Lees [de regels](https://www.example.nl/regels) op onze website.",
    "Een enkele accolade {naam} is geen veld.",
    "Een <naam> tussen punthaken ook niet, en $NAAM$ ook niet.",
    "Een rekensom: 3 < 4 en 5 > 2.",
    "Geen velden hier, alleen gewone tekst met é, ë en ĳ.",
    "[2024] is een jaartal tussen haken.",
    "",
])
def test_not_placeholders_stay(text):
    assert mask_placeholders(text) == text
    assert find_placeholders(text) == []


def test_several_placeholders_and_dutch_text_around():
    text = ("Geachte «Aanhef» «Achternaam»,\n\nOp {{ datum }} heeft u bij de gemeente [PLAATS] een "
            "aanvraag gedaan voor [bedrag invullen] euro. Uw kenmerk is <<kenmerk>>. Wij beslissen vóór "
            "1 maart.")
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked == ("Geachte Naamaaaa Naamaaaaaaaa,\n\nOp Naamaaaaaaa heeft u bij de gemeente Naamaaaa een "
                      "aanvraag gedaan voor Naamaaaaaaaaaaaaa euro. Uw kenmerk is Naamaaaaaaa. Wij beslissen vóór "
                      "1 maart.")
    # Every non-placeholder character keeps its offset.
    spans = find_placeholders(text)
    assert len(spans) == 6
    inside = {i for start, end in spans for i in range(start, end)}
    assert all(masked[i] == text[i] for i in range(len(text)) if i not in inside)


def test_nested_placeholders_are_one_name():
    text = "Beste {{ «Naam» }} en «[NAAM]» en [[NAAM]]."
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked == "Beste Naamaaaaaaaa en Naamaaaa en Naamaaaa."


def test_adjacent_placeholders():
    text = "«Voornaam»«Achternaam» en {{a}}{{b}}"
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked == "NaamaaaaaaNaamaaaaaaaa en NaamaNaama"


def test_placeholders_do_not_cross_lines():
    text = "Een {{ open\nveld }} en «open\ndicht»."
    assert mask_placeholders(text) == text


def test_placeholder_at_start_and_end():
    text = "[NAAM]"
    assert mask_placeholders(text) == "Naamaa"
    assert mask_placeholders("{{x}}") == "Naama"


# ------------------------------------------------------------------------------ with the language model

TEMPLATE = """Beste {{ aanhef }} «Achternaam»,

Op [DATUM] heeft u een aanvraag gedaan voor een parkeervergunning in de wijk <<wijknaam>>.
U krijgt de vergunning. Wij sturen de vergunning naar [ADRES_AANVRAGER] in {{ woonplaats }}.
De vergunning kost [bedrag invullen] euro per jaar. Betaal dit binnen 14 dagen.

Heeft u vragen? Bel ons op 14 020.

Met vriendelijke groet,

«Naam_behandelaar»
"""


@pytest.fixture(scope="module")
def nlp():
    from directduidelijk.language.pipeline import ModelNotFoundError, load_pipeline

    try:
        return load_pipeline(None)[0]
    except ModelNotFoundError as error:
        pytest.skip(f"geen taalmodel: {error}")


def test_masked_placeholders_are_proper_nouns(nlp):
    from directduidelijk.document import Block, BlockKind, Document, Segment
    from directduidelijk.language.analysis import analyse_document

    block = Block(BlockKind.PARAGRAPH, TEMPLATE, (Segment(0, 1, 1),), paragraph=1)
    analysed = analyse_document(Document("sjabloon.txt", "txt", [block]), nlp)
    doc = analysed.docs[0]
    names = [token for token in doc if len(token.text) >= 4 and token.text == pseudo_name(len(token.text))]
    assert len(names) == len(find_placeholders(TEMPLATE)) == 8
    # the tagger mostly reads the pseudo-name as a name; the analysis makes every one of them a name
    assert all(token.pos_ == "PROPN" for token in names), [(t.text, t.pos_) for t in names]


def test_check_does_not_flag_placeholder_words(tmp_path, monkeypatch, capsys, nlp):
    import json
    import sys

    from directduidelijk.cli import main

    (tmp_path / "sjabloon.md").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["directduidelijk", "check", "--format", "json", "sjabloon.md"])
    with pytest.raises(SystemExit):
        main()
    report = json.loads(capsys.readouterr().out)
    findings = report["documents"][0]["findings"]
    inside = [f for f in findings
              if any(part in f["text"] for part in ("{{", "«", "<<", "[", "ADRES", "DATUM", "Naam"))]
    assert inside == [], inside
