"""Kind `meting`: a count per word, sentence, paragraph or document against thresholds.

Quantities (grootheid):
- woorden: words without punctuation (language.analysis.is_word);
- lettergrepen: Dutch syllables (language.syllables.count_syllables);
- letters: letters only (no digits, hyphens or punctuation);
- bijzinnen: clause heads with dependency advcl, acl, acl:relcl, ccomp or csubj, plus
  subordinating conjunctions (SCONJ with dep mark) whose head is not already counted;
- afstand: the longest dependency in the sentence (tokens between a word and its head);
- zinnen: sentences with at least one word.
Per word, names (PROPN), numbers, codes and words in capitals (WOZ) are not measured.

`drempels` {waarschuwing: 20, fout: 25}: a value *above* a threshold gives a hit; its
severity is the one of the highest threshold exceeded. `aandeel` {max, per_aantal}:
one hit for the document when more than `max` of every `per_aantal` units exceed the
lowest threshold. Settings from YAML `instellingen` or the configuration override
`drempels` (and `drempels-<grootheid>` when a rule has several measurements) and `aandeel`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.hits import Hit
from directduidelijk.engine.kinds import PARSE_COMPONENTS, POS_COMPONENTS
from directduidelijk.findings import Severity
from directduidelijk.language.syllables import count_syllables
from directduidelijk.language.tokentable import token_table


def is_word(token) -> bool:
    """language.analysis.is_word, imported on first use (this module must not import spaCy:
    `uitleg` uses effective() without loading spaCy)."""
    global is_word
    from directduidelijk.language.analysis import is_word as real

    is_word = real
    return real(token)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from directduidelijk.engine.kinds import RunState
    from directduidelijk.engine.rule import Rule

CLAUSE_DEPS = frozenset({"advcl", "acl", "acl:relcl", "ccomp", "csubj"})
UNIT_NAMES = {"woorden": ("woord", "woorden"), "lettergrepen": ("lettergreep", "lettergrepen"),
              "letters": ("letter", "letters"), "bijzinnen": ("bijzin", "bijzinnen"),
              "afstand": ("woord", "woorden"), "zinnen": ("zin", "zinnen")}


def requires(rule: "Rule") -> set[str]:
    needed: set[str] = set()
    for measurement in rule.data["meting"]:
        if measurement["grootheid"] in ("bijzinnen", "afstand"):
            needed |= PARSE_COMPONENTS | POS_COMPONENTS
        if measurement["per"] == "woord":
            needed |= POS_COMPONENTS  # names are not measured
    return needed


def compile(rule: "Rule", vocab=None) -> None:
    return None


def effective(rule: "Rule") -> list[dict]:
    """The measurements with the rule's settings applied."""
    measurements = rule.data["meting"]
    result = []
    for number, measurement in enumerate(measurements):
        thresholds = dict(measurement["drempels"])
        overrides = []
        if number == 0 or len(measurements) == 1:
            overrides.append(rule.settings.get("drempels"))
        if len(measurements) > 1:
            overrides.append(rule.settings.get(f"drempels-{measurement['grootheid']}"))
        for override in overrides:
            if isinstance(override, dict):
                thresholds.update({str(k).strip().lower(): v for k, v in override.items()})
        rate = rule.settings.get("aandeel", measurement["aandeel"]) if number == 0 else measurement["aandeel"]
        result.append({**measurement, "drempels": thresholds, "aandeel": rate})
    return result


def _measurable_word(token: "Token") -> bool:
    if not is_word(token) or token.pos_ == "PROPN" or token.like_url or token.like_email:
        return False
    text = token.text
    if any(c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not (len(letters) > 1 and all(c.isupper() for c in letters))


def _count_word(token: "Token", quantity: str) -> int:
    if quantity == "lettergrepen":
        return count_syllables(token.text)
    if quantity == "letters":
        return sum(1 for c in token.text if c.isalpha())
    return 1


def _clauses(span) -> int:
    heads = {token.i for token in span if token.dep_ in CLAUSE_DEPS}
    count = len(heads)
    for token in span:
        if token.pos_ == "SCONJ" and token.dep_ == "mark" and token.head.i not in heads:
            count += 1
    return count


def _distance(span) -> int:
    longest = 0
    for token in span:
        if token.is_punct or token.head.i == token.i:
            continue
        if span.start <= token.head.i < span.end:
            longest = max(longest, abs(token.head.i - token.i))
    return longest


def _measure_span(span, quantity: str) -> int:
    if quantity in ("woorden", "lettergrepen", "letters"):
        from directduidelijk.language.analysis import word_texts

        words = word_texts(span)  # the texts of the tokens is_word accepts, without Token objects
        if quantity == "woorden":
            return len(words)
        if quantity == "lettergrepen":
            return sum(count_syllables(text) for text in words)
        return sum(1 for text in words for c in text if c.isalpha())
    if quantity == "bijzinnen":
        return _clauses(span)
    if quantity == "afstand":
        return _distance(span)
    raise ValueError(quantity)


def _measure_sentence(sentence, quantity: str) -> int:
    if quantity == "woorden" and hasattr(sentence, "word_texts"):
        return len(sentence.word_texts())  # counted once per sentence for all rules and metrics
    return _measure_span(sentence.span, quantity)


def severity_for(value: float, thresholds: dict[str, float]) -> tuple[Severity, float] | None:
    """The severity of the highest threshold that ``value`` exceeds, with that threshold."""
    exceeded = [(Severity(name), limit) for name, limit in thresholds.items() if value > limit]
    if not exceeded:
        return None
    return max(exceeded, key=lambda item: (item[1], item[0].rank))


def _units(measurement: dict, rule: "Rule", state: "RunState",
           above: float | None = None) -> Iterator[tuple[int, int, int, object, float]]:
    """(block index, start, end, sentence or None, value) for every unit measured.

    ``above``: per word, only words whose value exceeds it (the cheap count comes first).
    """
    quantity, unit = measurement["grootheid"], measurement["per"]
    if unit == "woord":
        for block_index, doc in state.blocks(rule):
            for sentence in state.sentences(block_index):
                span = sentence.span
                texts = token_table(span.doc).text
                for i in range(span.start, span.end):
                    text = texts[i]
                    value = count_syllables(text) if quantity == "lettergrepen" else sum(1 for c in text if c.isalpha())
                    if above is not None and value <= above:
                        continue
                    token = span.doc[i]  # a Token only for a word over the threshold
                    if _measurable_word(token):
                        yield block_index, token.idx, token.idx + len(text), sentence, value
    elif unit == "zin":
        for block_index, doc in state.blocks(rule):
            for sentence in state.sentences(block_index):
                yield block_index, sentence.start, sentence.end, sentence, _measure_sentence(sentence, quantity)
    elif unit == "alinea":
        for block_index, doc in state.blocks(rule):
            sentences = state.sentences(block_index)
            if not sentences:
                continue
            value = len(sentences) if quantity == "zinnen" else sum(
                _measure_sentence(s, quantity) for s in sentences
            )
            yield block_index, sentences[0].start, sentences[-1].end, None, value
    else:  # document
        total = 0
        first = None
        for block_index, doc in state.blocks(rule):
            sentences = state.sentences(block_index)
            if not sentences:
                continue
            if first is None:
                first = (block_index, sentences[0].start, sentences[0].end, sentences[0])
            total += len(sentences) if quantity == "zinnen" else sum(_measure_sentence(s, quantity) for s in sentences)
        if first is not None:
            yield (*first, total)


def run(rule: "Rule", compiled, state: "RunState") -> Iterator[Hit]:
    reported: set[tuple[int, int, int]] = set()
    for measurement in effective(rule):
        quantity = measurement["grootheid"]
        singular, plural = UNIT_NAMES[quantity]
        thresholds = measurement["drempels"]
        rate = measurement["aandeel"]
        if rate:
            lowest = min(thresholds.values())
            units = list(_units(measurement, rule, state))
            over = [u for u in units if u[4] > lowest]
            if not units:
                continue
            share = len(over) / len(units) * rate["per_aantal"]
            if share > rate["max"]:
                block_index, start, end, sentence, _ = over[0]
                yield Hit(block_index, start, end, sentence=sentence,
                          values={"waarde": _number(share), "drempel": _number(rate["max"]), "aantal": len(over),
                                  "totaal": len(units), "per_aantal": _number(rate["per_aantal"]),
                                  "grens": _number(lowest), "eenheid": plural, "grootheid": quantity})
            continue
        lowest = min(thresholds.values())
        for block_index, start, end, sentence, value in _units(measurement, rule, state, above=lowest):
            found = severity_for(value, thresholds)
            if found is None:
                continue
            key = (block_index, start, end)
            if key in reported:
                continue  # a paragraph too long in two ways is reported once
            reported.add(key)
            severity, limit = found
            yield Hit(block_index, start, end, sentence=sentence, severity=severity,
                      values={"waarde": _number(value), "drempel": _number(limit),
                              "eenheid": singular if value == 1 else plural, "grootheid": quantity})


def _number(value: float) -> int | float:
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 1)
    return value
