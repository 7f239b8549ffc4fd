import pytest
import spacy

from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.language.analysis import analyse_documents
from directduidelijk.language.sentences import add_sentence_boundaries
from directduidelijk.metrics import brouwer, compute_metrics, flesch_douma


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("nl")
    add_sentence_boundaries(nlp)
    return nlp


def paragraph(text, kind=BlockKind.PARAGRAPH):
    return Block(kind, text, (Segment(0, 1, 1),))


def test_formulas():
    assert flesch_douma(150, 15) == pytest.approx(206.84 - 115.5 - 13.95)
    assert brouwer(150, 15) == pytest.approx(195 - 100 - 30)


def test_counts_short_sentences_and_skips_headings(blank_nlp):
    document = Document("x.txt", "txt", [
        paragraph("Onderwerp van de brief", BlockKind.HEADING),
        paragraph("Bel ons. U krijgt een idee van de radio."),  # 2 + 7 words; idee 2, radio 3 syllables
    ])
    analysed = next(analyse_documents([document], blank_nlp))
    metrics = compute_metrics(analysed)
    assert metrics.words == 9
    assert metrics.sentences == 2  # "Bel ons." counts (textstat would drop it)
    assert metrics.paragraphs == 1
    assert metrics.avg_sentence_length == 4.5
    syllables = 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 3  # bel ons u krijgt een i-dee van de ra-di-o
    assert metrics.syllables_per_word == round(syllables / 9, 2)
    assert metrics.flesch_douma == round(flesch_douma(syllables / 9 * 100, 4.5), 1)


def test_empty_document_has_no_scores(blank_nlp):
    analysed = next(analyse_documents([Document("x.txt", "txt", [])], blank_nlp))
    metrics = compute_metrics(analysed)
    assert metrics.words == 0 and metrics.flesch_douma is None


def test_stream_keeps_input_order(blank_nlp):
    documents = [
        Document("a", "txt", [paragraph("Een zin.")]),
        Document("b", "txt", []),
        Document("c", "txt", [paragraph("Twee zinnen. Hier.")]),
    ]
    results = list(analyse_documents(documents, blank_nlp, batch_size=1))
    assert [r.document.path for r in results] == ["a", "b", "c"]
    assert [len(r.sentences) for r in results] == [1, 0, 2]


def test_placeholders_are_masked_for_spacy_but_kept_in_sentence_text(blank_nlp):
    text = "Geachte {{ naam }}, op [DATUM] ontving u «Bedrag» van ons."
    document = Document("x.md", "md", [paragraph(text)])
    analysed = next(analyse_documents([document], blank_nlp))
    sentence = analysed.sentences[0]
    assert sentence.text == text  # what the writer wrote
    assert "{{" not in sentence.span.text and "[DATUM]" not in sentence.span.text  # what spaCy saw
    assert len(sentence.span.text) == len(text)
