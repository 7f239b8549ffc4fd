"""`moeilijk-woord`: content words many B1 readers will not know; `uitleg-begrip`: accepted
terms with an explanation, used for the first time without it.

Difficulty comes from word frequency (wordfreq's Dutch list, Zipf scale: 3 = once per million
words). A rare compound of common parts is fine ("parkeervergunning" = parkeer + vergunning):
the word is split greedily into known parts of at least 4 letters, with linking s/e/en allowed.
Names (PROPN, capitals mid-sentence), numbers, codes, e-mail addresses and URLs are skipped,
and so are the user's accepted terms (config vocabulary) and words the ambtelijke-taal list has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import lemma, lemma_without_particle, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table

if TYPE_CHECKING:
    from spacy.tokens import Token

# The next sentence explains the term: "Dat is ...", "Dit betekent ...", "Daarmee bedoelen we ...".
EXPLAINS_NEXT = re.compile(r"^(dat|dit|die|het|daarmee|hiermee)\s+(is|zijn|betekent|wil zeggen|bedoelen|houdt in)\b")
EXPLAINS_HERE = (" betekent ", " heet ", " noemen wij ", " noemen we ", " staat voor ", " wil zeggen ")
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
WORD = re.compile(r"^[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*$")
LINKS = ("", "s", "e", "en", "er")
# Characters outside Latin letters and common punctuation, or with special case rules (İ, ı, ſ):
# there a case-insensitive regex may match where str.lower() differs.
_CASE_UNSAFE = re.compile("[^\x00-\u012f\u0132-\u017e\u0180-\u024f\u2000-\u206f\u20ac]")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf as wordfreq_zipf

    return wordfreq_zipf(word)


@lru_cache(maxsize=65536)
def is_known_part(word: str, threshold: float) -> bool:
    """A known word, or an agent noun of a known verb (ondersteuner <- ondersteunen)."""
    if zipf(word) >= threshold:
        return True
    for suffix in ("ers", "er"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3 and zipf(word[: -len(suffix)] + "en") >= threshold:
            return True
    return False


@lru_cache(maxsize=65536)
def is_known_compound(word: str, part_threshold: float, min_part: int = 4) -> bool:
    """True when word splits into known parts: parkeervergunning, afvalcontainer, dakkapel, huurtoeslag.

    Parts have at least ``min_part`` letters; a first part of 3 letters (dak, bus) and a last part of 3
    very common letters (app) are allowed too. Linking s, e, en and er between the parts are allowed.
    """
    if len(word) < 6:
        return False
    for cut in range(len(word) - 3, 2, -1):  # longest head first
        left, right = word[:cut], word[cut:]
        if len(right) < min_part and zipf(right) < 4.0:
            continue
        if not is_known_part(right, part_threshold) and not (
                len(right) >= 2 * min_part and is_known_compound(right, part_threshold, min_part)):
            continue
        for link in LINKS:
            if link and not left.endswith(link):
                continue
            stem = left[: len(left) - len(link)] if link else left
            if len(stem) < 3:
                continue
            if zipf(stem) >= part_threshold or (len(stem) >= 2 * min_part and is_known_compound(stem, part_threshold, min_part)):
                return True
    return False


SEPARABLE_PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "terug", "uit",
                       "voor", "weg", "vast", "neer", "samen", "tegen", "vrij", "binnen", "buiten", "los", "terecht")


def _verb_is_known(token: Token, threshold: float) -> bool:
    """Separable verbs: 'aanwijst' (wijst is common), 'logt ... in' (inloggen is common)."""
    form = token.lower_
    for particle in SEPARABLE_PARTICLES if token.pos_ == "VERB" else ():
        if form.startswith(particle) and len(form) > len(particle) + 3 and zipf(form[len(particle):]) >= threshold:
            return True
    inflected = threshold - 0.5  # a conjugated form is rarer than the verb
    doc = token.doc
    particles = [c for c in token.children if c.dep_ == "compound:prt"]
    # the parser may miss the particle: a particle word just after the verb ("U logt in met DigiD")
    particles += [t for t in doc[token.i + 1:min(len(doc), token.i + 4)] if t.lower_ in SEPARABLE_PARTICLES]
    for particle in particles:
        if zipf(particle.lower_ + lemma_without_particle(token, particle.lower_)) >= threshold \
                or zipf(particle.lower_ + form) >= inflected:
            return True
    return False


@lru_cache(maxsize=1)
def officialese_words() -> frozenset[str]:
    """Single words of the ambtelijke-taal list: that rule already flags them."""
    from directduidelijk.engine.loader import read_yaml_cached, rules_directory

    words: set[str] = set()
    path = rules_directory() / "direct-duidelijk" / "ambtelijke-taal.yaml"
    try:
        data = read_yaml_cached(path) or {}
    except Exception:  # noqa: BLE001 - the list is optional here
        return frozenset()
    for rule in data.get("regels") or []:
        for entry in rule.get("woorden") or []:
            word = entry.get("woord") if isinstance(entry, dict) else entry
            if isinstance(word, str) and " " not in word.strip():
                words.add(word.strip().lower())
    return frozenset(words)


def _is_candidate(token: Token, sentence_start: int) -> bool:
    return (_is_candidate_text(token.pos_, token.text, token.i, sentence_start)
            and not (token.like_email or token.like_url or token.like_num))


def _is_candidate_text(pos: str, text: str, i: int, sentence_start: int) -> bool:
    """_is_candidate without the lexeme tests (e-mail, URL, number), from the token table."""
    if i > sentence_start and text[:1].isupper():
        return False  # a name or a term with a capital
    return _candidate_shape(pos, text)


@lru_cache(maxsize=65536)
def _candidate_shape(pos: str, text: str) -> bool:
    if pos not in CONTENT_POS:
        return False
    if not WORD.match(text.lower()) or not any(c.isalpha() for c in text):
        return False
    if sum(1 for c in text if c.isupper()) >= 2:
        return False  # an abbreviation or code
    return len(text) >= 4


def word_difficulty(token: Token, threshold: float, part_threshold: float) -> float | None:
    """The word's Zipf frequency when it counts as hard, else None."""
    form = token.lower_
    lem = lemma(token)
    best = max(zipf(form), zipf(lem) if lem else 0.0)
    if best >= threshold or _verb_is_known(token, threshold):
        return None
    if token.pos_ in ("VERB", "ADJ") and form != lem:
        # an inflected verb form (gemaaid, geveegd) is rarer than its verb: judge the verb,
        # derived from the participle when the lemmatizer did not find it
        from directduidelijk.engine.builtin.passive import _infinitive, participle_shape

        if participle_shape(form):
            infinitive = _infinitive(token)
            if infinitive and zipf(infinitive) >= threshold:
                return None
    for word in {form, lem}:
        if not word:
            continue
        parts = word.split("-")
        if len(parts) > 1 and all(zipf(p) >= part_threshold or is_known_compound(p, part_threshold) for p in parts):
            return None
        if is_known_compound(word, part_threshold):
            return None
    return best


def _raw_vocabulary(context, rule) -> dict[str, str | None]:
    """term (as written) -> explanation, from the rule's `begrippen` and the configuration."""
    terms: dict[str, str | None] = {}
    for key, value in (setting(rule, "begrippen", {}) or {}).items():
        terms[str(key)] = value
    for key, value in (context.vocabulary or {}).items():
        terms[str(key)] = value
    return terms


def _vocabulary(context, rule) -> dict[str, str | None]:
    return {key.lower(): value for key, value in _raw_vocabulary(context, rule).items()}


@builtin("moeilijk-woord")
def check_hard_words(analysed, rule, context) -> Iterator[Hit]:
    threshold = float(setting(rule, "drempel", 3.0))
    part_threshold = float(setting(rule, "drempel_deel", 3.3))
    vocabulary = _vocabulary(context, rule)
    skip = officialese_words() | {str(w).lower() for w in setting(rule, "toegestaan", [])}
    seen: set[str] = set()
    for sentence in sentences(analysed, rule):
        span = sentence.span
        start = span.start
        doc = span.doc
        table = token_table(doc)
        pos, texts, lowers, lemmas = table.pos, table.text, table.lower, table.lemma
        for i in range(start, span.end):
            if not _is_candidate_text(pos[i], texts[i], i, start):
                continue
            form, lem = lowers[i], (lemmas[i] or texts[i]).lower().replace("_", "")  # as lemma(token)
            if form in vocabulary or lem in vocabulary or form in skip or lem in skip:
                continue
            if lem in seen:
                continue
            if max(zipf(form), zipf(lem) if lem else 0.0) >= threshold:
                continue  # a common word (word_difficulty's first test), without making a Token
            token = doc[i]
            if token.like_email or token.like_url or token.like_num:
                continue
            value = word_difficulty(token, threshold, part_threshold)
            if value is None:
                continue
            seen.add(lem)
            yield Hit(sentence.block_index, token.idx, token.idx + len(token.text), sentence,
                      values={"tekst": token.text, "waarde": round(value, 1), "drempel": threshold})


# ((raw vocabulary, own terms, only_hard, limit), result) for the last few settings: the same for
# every document of a session, so the terms are judged and their patterns compiled once.
_EXPLAINED: list = []


def _explained_terms(raw: dict, own: set[str], only_hard: bool, limit: float):
    """(term -> explanation, term -> pattern, terms whose case rules differ) that uitleg-begrip
    looks for; None when there are none."""
    for (known_raw, known_own, known_hard, known_limit), value in _EXPLAINED:
        if known_hard == only_hard and known_limit == limit and known_own == own and known_raw == raw:
            return value
    terms = {}
    for original, explanation in raw.items():
        term = original.lower()
        if not explanation:
            continue
        # Common words with an explanation in the standard vocabulary (besluit) need none;
        # abbreviations, names of laws and rare terms do.
        # abbreviations (Wmo, BRP) and names (Participatiewet) get explained; common words do not
        abbreviation = any(c.isupper() for c in original[1:]) or original[:1].isupper()
        words = term.split()
        rare = all(zipf(word) < limit and not is_known_compound(word, 3.3) for word in words[-1:]) and (
            len(words) == 1 or zipf(term) < 2.0)
        hard = term in own or abbreviation or rare
        if only_hard and not hard:
            continue
        terms[term] = explanation
    value = None
    if terms:
        patterns = {term: re.compile(r"(?<![\w/.@-])" + re.escape(term) + r"(?![\w/@-])", re.IGNORECASE)
                    for term in terms}
        # A term can only match where its lowercase form occurs in the lowercase text (a cheap test
        # before the regex), unless text or term has characters whose case rules differ (ſ, K, İ).
        always = {term for term in terms if _CASE_UNSAFE.search(term)}
        value = (terms, patterns, always)
    if len(_EXPLAINED) >= 8:
        del _EXPLAINED[0]
    _EXPLAINED.append(((dict(raw), set(own), only_hard, limit), value))
    return value


@builtin("uitleg-begrip")
def check_explain_terms(analysed, rule, context) -> Iterator[Hit]:
    """An accepted term that has an explanation, at its first use without one nearby."""
    only_hard = bool(setting(rule, "alleen_moeilijk", True))
    limit = float(setting(rule, "drempel", 3.5))
    own = {str(k).lower() for k in (setting(rule, "begrippen", {}) or {})}
    prepared = _explained_terms(_raw_vocabulary(context, rule), own, only_hard, limit)
    if prepared is None:
        return
    terms, patterns, always = prepared
    seen: set[str] = set()
    all_sentences = list(sentences(analysed, rule))
    doc_texts: dict[int, str] = {}  # Doc.text joins its tokens in Python: once per block
    for number, sentence in enumerate(all_sentences):
        text = sentence.text
        base = sentence.start
        following = all_sentences[number + 1].text.lower() if number + 1 < len(all_sentences) else ""
        block_text = doc_texts.get(sentence.block_index)
        if block_text is None:
            block_text = doc_texts[sentence.block_index] = doc_text(sentence.span.doc)
        lowered_text = None if _CASE_UNSAFE.search(text) else text.lower()
        for term, explanation in terms.items():
            if term in seen:
                continue
            if lowered_text is not None and term not in lowered_text and term not in always:
                continue
            match = patterns[term].search(text)
            if match is None:
                continue
            seen.add(term)
            start, end = base + match.start(), base + match.end()
            after = block_text[end:end + 3].lstrip()
            before = block_text[max(0, start - 2):start].rstrip()
            lowered = f" {text.lower()} "
            explained = (after.startswith(("(", ",", ":", "—", "–")) or before.endswith("(")
                         or explanation.lower() in text.lower() or EXPLAINS_NEXT.match(following) is not None
                         or any(word in lowered for word in EXPLAINS_HERE))
            if not explained:
                yield Hit(sentence.block_index, start, end, sentence,
                          values={"tekst": block_text[start:end], "uitleg": explanation})
