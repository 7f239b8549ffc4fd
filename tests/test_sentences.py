"""Sentence boundaries: our rule component, independent of the statistical model."""

import pytest
import spacy

from directduidelijk.language.sentences import add_sentence_boundaries


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("nl")
    add_sentence_boundaries(nlp)
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bel ons. U krijgt een brief.", ["Bel ons.", "U krijgt een brief."]),
        (
            "U krijgt bijv. een brief, d.w.z. een beschikking. Lees die goed.",
            ["U krijgt bijv. een brief, d.w.z. een beschikking.", "Lees die goed."],
        ),
        ("Het bedrag is € 3.500,50 en 1,5 keer zo hoog. Dat is veel.",
         ["Het bedrag is € 3.500,50 en 1,5 keer zo hoog.", "Dat is veel."]),
        ("Mail naar info@weidevoorde.nl. Kijk op www.weidevoorde.nl/afval voor meer.",
         ["Mail naar info@weidevoorde.nl.", "Kijk op www.weidevoorde.nl/afval voor meer."]),
        ('Hij zei: "Kom morgen." Daarna ging hij weg.', ['Hij zei: "Kom morgen."', "Daarna ging hij weg."]),
        ("Zie art. 4:8 Awb. Dat staat in de wet.", ["Zie art. 4:8 Awb.", "Dat staat in de wet."]),
        ("We halen papier, glas enz. De container staat klaar.",
         ["We halen papier, glas enz.", "De container staat klaar."]),
        ("Kunt u komen op 12 maart 2026? Ja!", ["Kunt u komen op 12 maart 2026?", "Ja!"]),
        ("Dit gaat t.a.v. mevr. De Vries o.a. over de huur.", ["Dit gaat t.a.v. mevr. De Vries o.a. over de huur."]),
    ],
)
def test_sentence_boundaries(blank_nlp, text, expected):
    assert [s.text for s in blank_nlp(text).sents] == expected


def test_component_is_added_once(blank_nlp):
    add_sentence_boundaries(blank_nlp)
    assert blank_nlp.pipe_names.count("dd_zinsgrenzen") == 1
