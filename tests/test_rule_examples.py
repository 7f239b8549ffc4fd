"""Every shipped rule's own examples: each `fout` sentence triggers that rule, each `goed` one does not.

One generic test over all rules in rules/ (the same loader and engine as the CLI, through the
language pipeline from conftest). A rule without examples cannot be loaded at all.
"""

from __future__ import annotations

import pytest
from conftest import MODEL_AVAILABLE, NO_MODEL_REASON

from directduidelijk.config import Config
from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.engine import RuleError, load_rules
from directduidelijk.engine.kinds import kind_module
from directduidelijk.engine.loader import parse_file
from directduidelijk.language.analysis import analyse_document

MODEL_COMPONENTS = {"parser", "lemmatizer", "trainable_lemmatizer", "tagger", "morphologizer"}

RULES = load_rules(Config())
ALL_IDS = [rule.id for rule in RULES]


def _cases():
    for rule in RULES:
        needs_model = bool(kind_module(rule.kind).requires(rule) & MODEL_COMPONENTS)
        marks = [pytest.mark.skip(reason=f"{rule.id} {NO_MODEL_REASON}")] if needs_model and not MODEL_AVAILABLE else []
        for number, sentence in enumerate(rule.examples.wrong, start=1):
            yield pytest.param(rule.id, "fout", sentence, id=f"{rule.id}-fout-{number}", marks=marks)
        for number, sentence in enumerate(rule.examples.right, start=1):
            yield pytest.param(rule.id, "goed", sentence, id=f"{rule.id}-goed-{number}", marks=marks)


@pytest.fixture(scope="module")
def engine():
    from directduidelijk.engine import RuleEngine

    config = Config(select=ALL_IDS)  # also rules that are off by default
    return RuleEngine(load_rules(config), config, strict=True)  # a crashing check fails its examples loudly


def _document(rule_kind: str, example: str) -> Document:
    """One paragraph made from the sentence; a whole document (Markdown) for structure rules."""
    if rule_kind == "structuur" or "\n\n" in example.strip():
        from directduidelijk.readers import read_bytes

        return read_bytes(example.encode("utf-8"), "voorbeeld.md", "md")
    block = Block(BlockKind.PARAGRAPH, example, (Segment(0, 1, 1),), paragraph=1)
    return Document("voorbeeld.txt", "txt", [block])


def _check(engine, nlp, document: Document):
    """As checking.check_inputs does: the genre is prepared before the engine runs."""
    analysed = analyse_document(document, nlp)
    try:
        from directduidelijk.genre import prepare_for_engine
    except ImportError:
        prepare_for_engine = None
    if prepare_for_engine is not None:
        prepare_for_engine(analysed, engine)
    return engine.check(analysed)


def test_there_are_shipped_rules():
    assert {"lange-zin", "lange-alinea", "lange-woorden"} <= set(ALL_IDS)


KIND = {rule.id: rule.kind for rule in RULES}


@pytest.mark.parametrize(("rule_id", "side", "sentence"), list(_cases()))
def test_rule_example(rule_id, side, sentence, engine, nlp):
    findings = _check(engine, nlp, _document(KIND[rule_id], sentence))
    own = [f for f in findings if f.rule == rule_id]
    if side == "fout":
        assert own, f"'{rule_id}' vindt niets in zijn eigen fout-voorbeeld: {sentence!r}"
    else:
        assert not own, f"'{rule_id}' vindt iets in zijn goed-voorbeeld {sentence!r}: {[f.text for f in own]}"


def test_rule_without_examples_is_not_loaded(tmp_path):
    path = tmp_path / "zonder.yaml"
    path.write_text(
        "set: test\nregels:\n  - id: zonder-voorbeelden\n    titel: Zonder\n    soort: woordenlijst\n"
        "    ernst: waarschuwing\n    melding: x\n    wat: x\n    waarom: x\n"
        "    voorbeelden: {fout: [Dit is fout.]}\n    woorden: [middels]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as raised:
        parse_file(path)
    message = raised.value.message
    assert "zonder-voorbeelden" in message and "voorbeelden" in message and "goed" in message


@pytest.mark.skipif(not MODEL_AVAILABLE, reason=NO_MODEL_REASON)
def test_accepted_term_is_not_officialese(nlp):
    """'leges' is ambtelijke taal; an organisation that accepts it (woordenschat in its configuration)
    gets no ambtelijke-taal finding for it, but uitleg-begrip asks for its explanation at first use."""
    from directduidelijk.engine import RuleEngine

    def found(config: Config) -> set[tuple[str, str]]:
        engine = RuleEngine(load_rules(config), config, strict=True)
        document = _document("woordenlijst", "De leges voor een nieuw paspoort zijn € 80.")
        return {(f.rule, f.text) for f in _check(engine, nlp, document)}

    default = found(Config())
    assert ("ambtelijke-taal", "leges") in default
    assert not any(rule == "uitleg-begrip" for rule, _ in default)
    accepted = found(Config(vocabulary={"leges": "kosten voor een dienst van de gemeente"}))
    assert not any(rule == "ambtelijke-taal" for rule, _ in accepted)
    assert ("uitleg-begrip", "leges") in accepted
