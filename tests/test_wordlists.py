"""Fast checks of the word-list data: it parses, entries are well formed, no duplicates.

These tests only read YAML; the generic example test of the engine runs the examples.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

RULES = Path(__file__).resolve().parents[1] / "rules"
AMBTELIJK = RULES / "direct-duidelijk" / "ambtelijke-taal.yaml"
NAAMWOORD = RULES / "direct-duidelijk" / "naamwoordstijl.yaml"
AFKORTINGEN = RULES / "direct-duidelijk" / "afkortingen.yaml"
WOORDENSCHAT = RULES / "woordenschat" / "standaard.yaml"

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
}
ENTRY_KEYS = {"woord", "alternatief", "veilig", "woordsoort", "toelichting", "volgorde"}
REQUIRED_RULE_KEYS = {"id", "titel", "soort", "ernst", "melding", "wat", "waarom", "voorbeelden"}
MINIMUM = {AMBTELIJK: 450, NAAMWOORD: 120}


def load(path: Path):
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def rule_of(path: Path) -> dict:
    data = load(path)
    assert data["set"] == "direct-duidelijk"
    (rule,) = data["regels"]
    return rule


def norm(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize("path", [AMBTELIJK, NAAMWOORD], ids=lambda p: p.stem)
def test_rule_header(path: Path) -> None:
    rule = rule_of(path)
    assert REQUIRED_RULE_KEYS <= set(rule), REQUIRED_RULE_KEYS - set(rule)
    assert KEBAB.match(rule["id"]), rule["id"]
    assert rule["id"] == path.stem
    assert rule["soort"] == "woordenlijst"
    assert rule["ernst"] in {"fout", "waarschuwing", "suggestie"}
    assert rule.get("bereik", "zin") in {"zin", "alinea", "document"}
    for field in ("titel", "melding", "wat", "waarom", "bron", "suggestie"):
        assert isinstance(rule.get(field), str) and rule[field].strip(), field
    assert "{tekst}" in rule["melding"]
    assert "{alternatief}" in rule["suggestie"]
    examples = rule["voorbeelden"]
    assert len(examples["fout"]) >= 3 and len(examples["goed"]) >= 3


@pytest.mark.parametrize("path", [AMBTELIJK, NAAMWOORD], ids=lambda p: p.stem)
def test_entries_well_formed(path: Path) -> None:
    entries = rule_of(path)["woorden"]
    assert len(entries) >= MINIMUM[path]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for entry in entries:
        assert set(entry) <= ENTRY_KEYS, entry
        word = entry["woord"]
        assert isinstance(word, str) and word.strip() == word and word, entry
        assert "..." not in (word.split()[0], word.split()[-1]), f"gap at the edge: {word!r}"
        alternatives = entry["alternatief"]
        assert isinstance(alternatives, list) and alternatives, entry
        for alt in alternatives:
            assert isinstance(alt, str) and alt.strip(), entry
            assert norm(alt) != norm(word), f"alternative equals the word: {word!r}"
        assert len({norm(a) for a in alternatives}) == len(alternatives), f"repeated alternative: {word!r}"
        pos = entry.get("woordsoort")
        if pos is not None:
            assert isinstance(pos, list) and pos and set(pos) <= UPOS, entry
        assert entry.get("volgorde", "vast") in {"vast", "vrij"}, entry
        if "toelichting" in entry:
            assert isinstance(entry["toelichting"], str) and entry["toelichting"].strip()
        key = (norm(word), tuple(sorted(pos or ())))
        assert key not in seen, f"duplicate entry: {word!r}"
        seen.add(key)


@pytest.mark.parametrize("path", [AMBTELIJK, NAAMWOORD], ids=lambda p: p.stem)
def test_safe_entries(path: Path) -> None:
    for entry in rule_of(path)["woorden"]:
        if "veilig" not in entry:
            continue
        assert entry["veilig"] is True, f"write veilig only when true: {entry['woord']!r}"
        assert len(entry["woord"].split()) == 1, f"veilig needs a single word: {entry['woord']!r}"
        assert len(entry["alternatief"]) == 1, f"veilig needs one alternative: {entry['woord']!r}"


def test_no_entry_in_both_word_rules() -> None:
    ambtelijk = {norm(e["woord"]) for e in rule_of(AMBTELIJK)["woorden"]}
    naamwoord = {norm(e["woord"]) for e in rule_of(NAAMWOORD)["woorden"]}
    assert not ambtelijk & naamwoord


def _tokens(text: str) -> list[str]:
    return [t.strip(".,;:?!") for t in text.lower().split()]


@pytest.mark.parametrize("path", [AMBTELIJK, NAAMWOORD], ids=lambda p: p.stem)
def test_goed_examples_contain_no_contiguous_entry(path: Path) -> None:
    """A form-only approximation of the engine: no entry may occur word for word in a goed example.

    (Lemma and gap matching is the engine's job; its generic example test covers it.)
    """
    rule = rule_of(path)
    phrases = [norm(e["woord"]) for e in rule["woorden"] if "..." not in e["woord"]]
    for sentence in rule["voorbeelden"]["goed"]:
        padded = " " + " ".join(_tokens(sentence)) + " "
        found = [p for p in phrases if f" {p} " in padded]
        assert not found, (sentence, found)


def test_woordenschat() -> None:
    data = load(WOORDENSCHAT)
    terms = data["woordenschat"]
    assert len(terms) >= 150
    seen = set()
    for item in terms:
        assert set(item) <= {"term", "uitleg"}, item
        assert isinstance(item["term"], str) and item["term"].strip(), item
        if "uitleg" in item:
            assert isinstance(item["uitleg"], str) and item["uitleg"].strip(), item
            assert norm(item["uitleg"]) != norm(item["term"])
        assert norm(item["term"]) not in seen, item["term"]
        seen.add(norm(item["term"]))


@pytest.mark.parametrize("path", [AMBTELIJK, NAAMWOORD], ids=lambda p: p.stem)
def test_accepted_terms_not_called_officialese(path: Path) -> None:
    """A term we accept (woordenschat) should not be flagged as ambtelijke taal or naamwoordstijl."""
    terms = {norm(t["term"]) for t in load(WOORDENSCHAT)["woordenschat"]}
    listed = {norm(e["woord"]) for e in rule_of(path)["woorden"]}
    assert not terms & listed, terms & listed


def test_afkortingen() -> None:
    data = load(AFKORTINGEN)
    assert set(data) == {"bekende_afkortingen", "afkortingen"}
    known = data["bekende_afkortingen"]
    assert all(isinstance(a, str) and a.strip() for a in known)
    assert len(set(known)) == len(known)
    explained = data["afkortingen"]
    seen = set()
    for item in explained:
        assert set(item) == {"afkorting", "voluit"}, item
        assert isinstance(item["afkorting"], str) and isinstance(item["voluit"], str), item
        assert item["voluit"].strip() and item["afkorting"] != item["voluit"]
        assert item["afkorting"] not in seen, item["afkorting"]
        seen.add(item["afkorting"])
    assert not seen & set(known), seen & set(known)
