"""Kind `woordenlijst`: words and expressions, matched on form or lemma, case-insensitive.

How it stays fast with hundreds of entries: at compile time every entry gets one
*anchor* (its word that the fewest other entries share) and an index anchor -> entries.
Per sentence we build one dict word -> token positions (from each token's lowercase form
and lowercase lemma; shared by all word-list rules) and only verify the entries whose
anchor occurs. No loop over all entries per token; cost grows with the text, not the list.

Matching:
- words of a group follow each other directly; `...` allows up to 6 other tokens (same sentence);
- an entry with a verb among the matched tokens (POS VERB/AUX) may also match in any order,
  with at most 6 tokens between neighbouring matched words: "draagt zorg voor" for
  "zorg dragen voor". `volgorde: vast` switches that off, `volgorde: vrij` always allows it;
- tokens inside quotation marks and names (PROPN, except the first word of a sentence) never match;
- `woordsoort`: the UPOS of the token matched by the first word must be in the list
  (not checked when the pipeline has no part-of-speech tagger, nor for a sentence-initial PROPN).
- verbs: a word of an entry that is a verb infinitive (the entry's `woordsoort` says VERB/AUX,
  or directduidelijk.language.verbforms knows it as a verb) also matches its regular forms,
  generated once at compile time (verlenen -> verleent, verleend, verleende; zenden -> zond,
  gezonden). This does not depend on the lemmatiser, which misses many of them. A token found
  only through such a form must be tagged VERB or AUX (when there is a tagger), unless it is a
  participle ('de toegezonden stukken' is often tagged ADJ or NOUN) that is not also an adjective
  of its own (verkeerd); and a few forms that are everyday words of another kind never count
  (innen -> 'in', berichten -> 'bericht'). Not for a word right after 'te', a preposition or an
  article ('te kennen geven', 'met voorbijgaan aan').
- nouns: a one-word entry that is no verb also matches its likely plurals (randvoorwaarde ->
  randvoorwaarden, aangelegenheid -> aangelegenheden), generated at compile time, on a NOUN token only
  (the lemmatiser gets many plurals wrong: 'randvoorwaard', 'doelstellingen').
- separable verbs: the particle is joined to the verb's lemma and to its form ("ging ... over"
  -> overging, a form of overgaan), also for "terug te zenden" (particle, te, verb). A verb whose
  parsed particle is not part of the match does not match on its bare form: "deden mee aan het
  onderzoek" (meedoen) is not 'onderzoek doen'.
Overlapping hits: the match with more words (particle included) wins; then the earlier one; then
the one found on the words themselves rather than on a generated form; then list order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from directduidelijk.engine.hits import Hit
from directduidelijk.engine.kinds import LEMMA_COMPONENTS, PARSE_COMPONENTS
from directduidelijk.language.verbforms import ADJECTIVE_HOMOGRAPHS, is_verb, participle_forms, strip_particle, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from directduidelijk.engine.kinds import RunState
    from directduidelijk.engine.rule import Rule

MAX_GAP = 6
GAP = "..."
_VERBAL = {"VERB", "AUX"}
_DETERMINERS = frozenset({"het", "de", "een", "dit", "deze", "dat", "die", "uw", "mijn", "je", "jouw", "zijn",
                          "haar", "ons", "onze", "hun", "elk", "ieder", "welk", "welke"})
# A word after these is not a verb slot: 'te kennen geven', 'met voorbijgaan aan', 'van bestaan'.
_NO_VERB_AFTER = _DETERMINERS | frozenset({
    "te", "ten", "ter", "aan", "bij", "door", "in", "met", "na", "naar", "om", "onder", "op", "over", "tot",
    "uit", "van", "voor", "zonder", "tegen", "tussen", "per", "vanaf", "sinds", "via",
})
# Generated forms that are (also) everyday words of another kind: never matched as a verb form
# (innen -> 'in', indienen -> 'indien', berichten -> 'bericht', which the tagger often calls a verb).
_NOT_A_FORM = frozenset({"in", "om", "op", "aan", "af", "toe", "uit", "bij", "door", "over", "voor", "na", "te",
                         "indien", "weg", "mee", "tegen", "bericht"})


# Particles that make another verb of the verb they belong to (meedoen, meenemen, opnemen, ...).
_ADVERBIAL_PARTICLES = frozenset({
    "aan", "achter", "af", "bij", "binnen", "buiten", "dicht", "door", "heen", "in", "langs", "los", "mee", "na",
    "neer", "om", "op", "open", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "voort",
    "vooruit", "weg", "weer",
})


class Generated:
    """A lowercase hash that is a generated verb form: the entry words it stands for, the entry
    word it spells exactly (if any), and whether it is a participle (then any part of speech will
    do: the tagger often calls 'de toegezonden stukken' an adjective or even a noun). Or a generated
    noun plural (``noun``): it counts only on a token tagged NOUN."""

    __slots__ = ("exact", "words", "participle", "noun")

    def __init__(self, exact: str | None, words: tuple[str, ...], participle: bool = False, noun: bool = False):
        self.exact = exact
        self.words = words
        self.participle = participle
        self.noun = noun


_VOWELS = "aeiou"


def noun_plurals(word: str) -> set[str]:
    """Likely plurals of a Dutch noun (randvoorwaarde -> randvoorwaarden, aangelegenheid ->
    aangelegenheden, criterium -> criteria). The lemmatiser misses many ('randvoorwaard'); a wrong
    guess costs nothing, as it only counts on a token tagged NOUN that spells it."""
    if len(word) < 4 or not word.replace("-", "").isalpha():
        return set()
    if word.endswith("heid"):
        return {word[:-4] + "heden"}
    if word.endswith("um"):
        return {word[:-2] + "a", word + "s"}
    if word.endswith("ie"):
        return {word + "s", word + "ën"}
    if word.endswith("e"):
        return {word + "n", word + "s"}
    if word[-1] in _VOWELS + "y":
        return {word + "'s"}
    plurals = {word + "s", word + "en"}
    if word[-1] not in _VOWELS and word[-2] in _VOWELS:
        if word[-3] == word[-2]:  # probleem -> problemen
            plurals.add(word[:-2] + word[-1] + "en")
        elif word[-3] not in _VOWELS:  # geschil -> geschillen
            plurals.add(word + word[-1] + "en")
    if word.endswith("f"):
        plurals.add(word[:-1] + "ven")
    if word.endswith("s"):
        plurals.add(word[:-1] + "zen")
    return plurals


@lru_cache(maxsize=64)
def _hash(text: str) -> int:
    from spacy.strings import hash_string  # (on first use: importing this module imports no spaCy)

    return hash_string(text)


def normalise(word: str) -> str:
    return word.lower().replace("’", "'").replace("‘", "'").replace("…", GAP)


@dataclass(frozen=True, slots=True)
class Entry:
    index: int
    text: str
    groups: tuple[tuple[str, ...], ...]  # words between the `...` gaps
    words: tuple[str, ...]
    alternatives: tuple[str, ...]
    safe: bool
    pos: frozenset[str]
    order: str | None  # None (automatic), "vast" or "vrij"
    explanation: str | None
    # Positions in ``words`` that can be the verb that allows free order: not right after an
    # article or possessive ("het indienen van", "uw schrijven" are nouns, not verbs).
    verbal: tuple[int, ...] = ()


@dataclass(slots=True)
class Compiled:
    entries: list[Entry]
    index: dict[str, list[Entry]]  # anchor word -> entries
    # spaCy string hash -> entry word, for the lowercase form and the lemma spellings
    # ("middels", "Middels", "MIDDELS", with ' and ’): tokens are looked up by integer.
    hashes: dict[int, str]
    # The same for the lowercase form, plus the generated verb forms (values: Generated).
    forms: dict[int, "str | Generated"]
    # entry word -> its generated verb forms (for explanations and tests)
    generated: dict[str, frozenset[str]]


def requires(rule: "Rule") -> set[str]:
    # Lemmas and POS for inflections, names and free order; the parse for separable verbs
    # ("vindt ... plaats" -> plaatsvinden, dependency compound:prt).
    return set(LEMMA_COMPONENTS | PARSE_COMPONENTS)


def compile(rule: "Rule", vocab=None) -> Compiled:
    from spacy.strings import hash_string

    entries = []
    for number, item in enumerate(rule.data["woorden"]):
        words = normalise(item["woord"]).replace(GAP, f" {GAP} ").split()
        groups: list[list[str]] = [[]]
        for word in words:
            if word == GAP:
                groups.append([])
            else:
                groups[-1].append(word)
        flat = tuple(w for w in words if w != GAP)
        verbal = tuple(i for i in range(len(flat)) if i == 0 or flat[i - 1] not in _DETERMINERS)
        entries.append(Entry(
            number, item["woord"], tuple(tuple(g) for g in groups), flat, tuple(item["alternatief"]),
            bool(item["veilig"]), frozenset(item["woordsoort"]), item["volgorde"], item.get("toelichting"),
            verbal,
        ))
    frequency: dict[str, int] = {}
    for entry in entries:
        for word in set(entry.words):
            frequency[word] = frequency.get(word, 0) + 1
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        anchor = min(entry.words, key=lambda w: (frequency[w], -len(w)))
        index.setdefault(anchor, []).append(entry)

    def key(spelling: str) -> int:
        return vocab.strings.add(spelling) if vocab is not None else hash_string(spelling)

    hashes: dict[int, str] = {}
    for word in frequency:
        spellings = {word, word.capitalize(), word.upper(), word.replace("'", "’"), word.capitalize().replace("'", "’")}
        for spelling in spellings:
            hashes[key(spelling)] = word
    generated: dict[str, frozenset[str]] = {}
    participles: set[str] = set()
    for entry in entries:
        for position in verb_slots(entry):
            word = entry.words[position]
            if word not in generated:
                generated[word] = frozenset(f for f in verb_forms(word) if f != word and f not in _NOT_A_FORM)
                participles.update(participle_forms(word) - ADJECTIVE_HOMOGRAPHS)
    forms: dict[int, str | Generated] = dict(hashes)
    for word, word_forms in generated.items():
        for form in sorted(word_forms):
            value = key(form)
            existing = forms.get(value)
            if existing is None:
                forms[value] = Generated(None, (word,), form in participles)
            elif isinstance(existing, str):
                if existing != word:
                    forms[value] = Generated(existing, (word,), form in participles)
            elif word not in existing.words and word != existing.exact:
                existing.words = (*existing.words, word)
    # Plurals of one-word entries that are no verb: on a NOUN token only, and never in place of a
    # spelling or verb form that is already known.
    for entry in entries:
        if len(entry.words) != 1 or (entry.pos and "NOUN" not in entry.pos) or verb_slots(entry):
            continue
        word = entry.words[0]
        for form in sorted(noun_plurals(word)):
            value = key(form)
            if value not in forms:
                forms[value] = Generated(None, (word,), noun=True)
    return Compiled(entries, index, hashes, forms, generated)


def verb_slots(entry: Entry) -> list[int]:
    """Positions in ``entry.words`` of verb infinitives whose forms should match too.

    A word counts when it ends in -n, does not follow 'te', a preposition or an article, and either
    is the first word of an entry whose `woordsoort` is VERB/AUX, or is a verb to
    directduidelijk.language.verbforms (its tables of verbs, compounds of them, foreign -eren).
    An entry whose `woordsoort` excludes verbs ('voornemen': NOUN) gets none for its first word.
    """
    slots = []
    for k, word in enumerate(entry.words):
        if not word.endswith("n") or (k > 0 and entry.words[k - 1] in _NO_VERB_AFTER):
            continue
        if k == 0 and entry.pos:
            if entry.pos & _VERBAL and word.endswith("en"):
                slots.append(k)
            continue
        if is_verb(word):
            slots.append(k)
    return slots


@dataclass(slots=True)
class DocArrays:
    lower: list[int]  # hash of the lowercase form per token
    lemma: list[int]  # hash of the lemma (Alpino-style '_' removed: plaats_vinden -> plaatsvinden)
    pos: list[int]
    excluded: frozenset[int]  # inside quotation marks, or a name (PROPN)
    # verb token -> (hash of particle + lemma, hash of particle + lowercase form, particle token):
    # "vindt ... plaats" -> plaatsvinden and plaatsvindt; "terug te zenden" -> terugzenden
    separable: dict[int, tuple[int, int, int]]
    # verbs whose particle the parser found (dependency compound:prt), not guessed from "X te VERB"
    parsed_particle: frozenset[int] = frozenset()
    adverbial_particles: frozenset[int] = frozenset()  # particle tokens that are real particles (mee, op, ...)


# lemma hash -> hash of the lemma without Alpino's '_' (or itself); shared, so each lemma is looked up once.
_LEMMA_FIXES: dict[int, int] = {}


def doc_arrays(doc: "Doc", state: "RunState") -> DocArrays:
    """Token hashes and exclusions for one Doc, computed once and shared by all word-list rules."""
    key = ("woordenlijst-arrays", id(doc))
    cached = state.cache.get(key)
    if cached is not None:
        return cached
    from spacy.attrs import DEP, LEMMA, LOWER, POS, SENT_START
    from spacy.strings import hash_string
    from spacy.symbols import PROPN

    if len(doc):
        array = doc.to_array([LOWER, LEMMA, POS, DEP, SENT_START])
        # column by column: tolist() of the transposed uint64 array is slower
        lower, lemma, pos, dep, sent_start = [array[:, c].tolist() for c in range(5)]
    else:
        lower, lemma, pos, dep, sent_start = [], [], [], [], []
    strings = doc.vocab.strings
    fixes = _LEMMA_FIXES
    changed = False
    for value in set(lemma):
        if value not in fixes:
            text = strings[value] if value else ""
            fixes[value] = hash_string(text.replace("_", "").split("|")[0].lower()) if ("_" in text or "|" in text) else value
            if len(fixes) > 200_000:
                fixes.clear()
        changed = changed or fixes.get(value, value) != value
    if changed:
        lemma = [fixes.get(value, value) for value in lemma]
    excluded = set(state.quoted(doc))
    # A name is not officialese. But a capitalised first word ("Teneinde ...", "Gelieve ...")
    # is often tagged PROPN by a small model: sentence-initial tokens are not excluded.
    # (token.is_sent_start is true only for SENT_START 1; -1 reads as a large unsigned value here)
    excluded.update(i for i, p in enumerate(pos) if p == PROPN and sent_start[i] != 1)
    separable: dict[int, tuple[int, int, int]] = {}
    particle = hash_string("compound:prt")

    def join(verb: int, part: int) -> None:
        prefix = doc[part].lower_
        base = strings[lemma[verb]].lower() if lemma[verb] else ""
        bare = strip_particle(base, prefix)  # the bundled model writes the particle into the lemma
        if bare != base:
            base = bare
            lemma[verb] = strings.add(base)  # the lists and the join below expect the bare verb
        separable[verb] = (hash_string(prefix + base) if base else 0, hash_string(prefix + doc[verb].lower_), part)

    parsed: set[int] = set()
    for i, value in enumerate(dep):
        if value == particle:
            head = doc[i].head
            if head.i != i:
                join(head.i, i)
                parsed.add(head.i)
    # "terug te zenden", "toe te zenden": the parser does not always link the particle; joined
    # only when the result is a word of the list, so "om te zenden" costs nothing.
    te = _hash("te")
    for i in [k + 1 for k, value in enumerate(lower) if value == te and 2 <= k + 1 < len(lower)]:
        if i not in separable and doc[i - 2].is_alpha:
            join(i, i - 2)
    adverbial = frozenset(separable[v][2] for v in parsed if _real_particle(doc, separable[v][2]))
    arrays = DocArrays(lower, lemma, pos, frozenset(excluded), separable, frozenset(parsed), adverbial)
    state.cache[key] = arrays
    return arrays


@lru_cache(maxsize=1)
def _not_a_form_hashes() -> frozenset[int]:
    from spacy.strings import hash_string

    return frozenset(hash_string(word) for word in _NOT_A_FORM)


# (id of the Compiled, id of the vocabulary) -> (both objects, kept alive for their ids; entry indices to skip)
_ACCEPTED: dict[tuple[int, int], tuple[object, object, frozenset[int]]] = {}


def accepted_entries(compiled: Compiled, vocabulary: dict | None) -> frozenset[int]:
    """Indices of the entries that spell an accepted term (woordenschat: the standard list and the
    configuration): an organisation that accepts 'leges' for its readers gets no finding for it.
    The standard lists and the standard woordenschat never share a term (tests/test_wordlists.py)."""
    if not vocabulary:
        return frozenset()
    key = (id(compiled), id(vocabulary))
    cached = _ACCEPTED.get(key)
    if cached is not None and cached[0] is compiled and cached[1] is vocabulary:
        return cached[2]
    terms = {" ".join(normalise(str(term)).split()) for term in vocabulary}
    skip = frozenset(e.index for e in compiled.entries if " ".join(e.words) in terms and GAP not in e.text)
    if len(_ACCEPTED) > 64:
        _ACCEPTED.clear()
    _ACCEPTED[key] = (compiled, vocabulary, skip)
    return skip


def run(rule: "Rule", compiled: Compiled, state: "RunState") -> Iterator[Hit]:
    hashes, forms = compiled.hashes, compiled.forms
    not_a_form = _not_a_form_hashes()
    accepted = accepted_entries(compiled, getattr(getattr(state, "context", None), "vocabulary", None))
    for block_index, doc in state.blocks(rule):
        arrays = doc_arrays(doc, state)
        lower, lemma, pos = arrays.lower, arrays.lemma, arrays.pos
        excluded, separable = arrays.excluded, arrays.separable
        block_text = state.text(block_index)
        for sentence in state.sentences(block_index):
            span = sentence.span
            positions: dict[str, list[int]] = {}
            particles: dict[tuple[str, int], int] = {}
            generated: set[int] = set()  # tokens found only through a generated verb form
            for i in range(span.start, span.end):
                form = forms.get(lower[i])
                base = hashes.get(lemma[i])
                if base is not None and lower[i] in not_a_form and lemma[i] != lower[i]:
                    base = None  # 'bericht' tagged as a verb with lemma berichten is still the noun
                if form is None and base is None and i not in separable:
                    continue
                if i in excluded:
                    continue
                found: list[str] = []
                guessed: list[str] = []
                if form is not None:
                    if form.__class__ is str:
                        found.append(form)
                    else:
                        if form.exact is not None:
                            found.append(form.exact)
                        guessed.extend(form.words)
                if base is not None and base not in found:
                    found.append(base)
                if i in separable:
                    lemma_joined, form_joined, particle_index = separable[i]
                    joined = hashes.get(lemma_joined)
                    via_form = forms.get(form_joined)
                    extra: list[str] = []
                    if joined is not None:
                        extra.append(joined)
                    if via_form is not None:
                        if via_form.__class__ is str:
                            extra.append(via_form)
                        elif not via_form.noun and (via_form.participle or _verbal_pos(pos[i])):
                            extra.extend(via_form.words)
                    for word in extra:
                        if word not in found:
                            found.append(word)
                            particles[(word, i)] = particle_index
                if guessed and (_noun_pos(pos[i]) if form.noun else (form.participle or _verbal_pos(pos[i]))):
                    for word in guessed:
                        if word not in found:
                            found.append(word)
                            generated.add(i)
                for word in found:
                    positions.setdefault(word, []).append(i)
            if not positions:
                continue
            matches: list[tuple[Entry, tuple[int, ...], bool, int]] = []
            for word in positions:
                for entry in compiled.index.get(word, ()):
                    if accepted and entry.index in accepted:
                        continue
                    for tokens, ordered in _match(entry, doc, positions):
                        if _other_verb(entry, tokens, arrays, particles):
                            continue
                        if particles:
                            extra_tokens = [particles[(w, i)] for w in entry.words for i in tokens
                                            if (w, i) in particles]
                            if extra_tokens:
                                tokens = tuple(sorted(set(tokens) | set(extra_tokens)))
                                ordered = False  # the particle sits elsewhere: not a replaceable phrase
                        guesses = len(generated.intersection(tokens)) if generated else 0
                        matches.append((entry, tokens, ordered, guesses))
            if not matches:
                continue
            matches.sort(key=lambda m: (-len(m[1]), m[1][0], m[3], m[0].index))
            taken: set[int] = set()
            for entry, tokens, ordered, _ in matches:
                if taken.intersection(tokens):
                    continue
                taken.update(tokens)
                yield _hit(rule, entry, doc, block_index, sentence, tokens, ordered, block_text)


def _real_particle(doc: "Doc", index: int) -> bool:
    """A particle word that is not the start of a phrase: "deden mee aan het onderzoek" yes, but not
    "op" in "geschiedt ... op het rekeningnummer" or "na" in "na ontvangst", which the parser
    sometimes labels compound:prt."""
    token = doc[index]
    if token.lower_ not in _ADVERBIAL_PARTICLES:
        return False
    if index + 1 >= len(doc) or doc[index + 1].is_sent_start:
        return True
    after = doc[index + 1]
    if after.lower_ == "te":
        # "in te dienen": the particle of the verb after 'te'; a real particle of its head only when
        # that verb is the head ("verzoekt u de stukken toe te zenden": 'toe' belongs to zenden)
        return index + 2 < len(doc) and doc[index + 2].i == token.head.i
    if after.pos_ in ("VERB", "AUX") and after.i != token.head.i:
        return False
    return after.pos_ not in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ")


def _other_verb(entry: Entry, tokens: tuple[int, ...], arrays: DocArrays, particles: dict) -> bool:
    """A verb matched on its bare form while its particle makes it another verb: "deden mee aan het
    onderzoek" is meedoen, not 'onderzoek doen'; "nemen het besluit mee" is meenemen."""
    for token in tokens:
        if token in arrays.parsed_particle and arrays.separable[token][2] not in tokens:
            if arrays.separable[token][2] not in arrays.adverbial_particles:
                continue  # the parser also calls 'mogelijk' in "zo snel mogelijk in behandeling" a particle
            if not any((word, token) in particles for word in entry.words):
                return True
    return False


_VERBAL_POS: frozenset[int] = frozenset()
_NOUN_POS: list[int] = []


def _noun_pos(value: int) -> bool:
    """NOUN, or no tagger at all."""
    if not _NOUN_POS:
        from spacy.symbols import NOUN

        _NOUN_POS.append(NOUN)
    return value == 0 or value == _NOUN_POS[0]


def _verbal_pos(value: int) -> bool:
    """VERB or AUX, or no tagger at all. (Not ADJ: the participle of verkeren is the adjective verkeerd.)"""
    global _VERBAL_POS
    if not _VERBAL_POS:
        from spacy.symbols import AUX, VERB

        _VERBAL_POS = frozenset({AUX, VERB})
    return value == 0 or value in _VERBAL_POS


def _match(entry: Entry, doc: "Doc", positions: dict[str, list[int]]) -> list[tuple[tuple[int, ...], bool]]:
    """Every way ``entry`` matches in this sentence: (tokens, in order?)."""
    if any(word not in positions for word in entry.words):
        return []
    found = [(tokens, True) for tokens in _match_ordered(entry, positions) if _pos_ok(entry, doc, tokens[0])]
    if entry.order == "vast" or len(entry.words) < 2:
        return found
    used = {i for tokens, _ in found for i in tokens}
    while True:
        free = _match_free(entry, doc, positions, used)
        if free is None:
            return found
        found.append((free, False))
        used.update(free)


def _pos_ok(entry: Entry, doc: "Doc", first: int) -> bool:
    if not entry.pos:
        return True
    token = doc[first]
    pos = token.pos_
    # A capitalised first word ("Conform de afspraak ...") is often tagged PROPN by a small model:
    # as for names (see doc_arrays), the tag of a sentence-initial PROPN is not trusted.
    return not pos or pos in entry.pos or (pos == "PROPN" and token.is_sent_start)


def _match_ordered(entry: Entry, positions: dict[str, list[int]]) -> list[tuple[int, ...]]:
    first_group = entry.groups[0]
    matches = []
    for start in positions[first_group[0]]:
        tokens = _group_at(first_group, start, positions)
        if tokens is None:
            continue
        result = list(tokens)
        for group in entry.groups[1:]:
            last = result[-1]
            found = None
            for candidate in positions[group[0]]:
                if candidate <= last:
                    continue
                if candidate > last + 1 + MAX_GAP:
                    break
                found = _group_at(group, candidate, positions)
                if found is not None:
                    break
            if found is None:
                result = []
                break
            result.extend(found)
        if result:
            matches.append(tuple(result))
    return matches


def _group_at(group: tuple[str, ...], start: int, positions: dict[str, list[int]]) -> list[int] | None:
    tokens = [start]
    for offset, word in enumerate(group[1:], start=1):
        if start + offset not in positions[word]:
            return None
        tokens.append(start + offset)
    return tokens


def _match_free(entry: Entry, doc: "Doc", positions: dict[str, list[int]], used: set[int]) -> tuple[int, ...] | None:
    """Any order, neighbouring matched tokens at most MAX_GAP apart, with a verb among them."""
    choices = [[i for i in positions[word] if i not in used] for word in entry.words]
    total = 1
    for options in choices:
        total *= len(options)
    if total == 0 or total > 2000:
        return None
    best: tuple[int, ...] | None = None
    # Part-of-speech facts per candidate token, looked up once rather than per combination.
    candidates = {i for options in choices for i in options}
    verbal = {i for i in candidates if doc[i].pos_ in _VERBAL} if entry.order != "vrij" else candidates
    first_ok = {i: _pos_ok(entry, doc, i) for i in choices[0]}
    for combination in itertools.product(*choices):
        if len(set(combination)) != len(combination):
            continue
        ordered = sorted(combination)
        if any(b - a - 1 > MAX_GAP for a, b in zip(ordered, ordered[1:], strict=False)):
            continue
        if entry.order != "vrij" and not any(combination[k] in verbal for k in entry.verbal):
            continue
        if not first_ok[combination[0]]:
            continue
        if best is None or ordered[-1] - ordered[0] < best[-1] - best[0]:
            best = tuple(ordered)
    return best


def join_alternatives(alternatives: tuple[str, ...] | list[str]) -> str:
    alternatives = list(alternatives)
    if not alternatives:
        return ""
    if len(alternatives) == 1:
        return alternatives[0]
    return ", ".join(alternatives[:-1]) + " of " + alternatives[-1]


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original``: Teneinde -> Om, TENEINDE -> OM."""
    if not replacement or not original:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _hit(rule, entry: Entry, doc, block_index: int, sentence, tokens: tuple[int, ...], ordered: bool,
         block_text: str) -> Hit:
    first, last = doc[tokens[0]], doc[tokens[-1]]
    start, end = first.idx, last.idx + len(last.text)
    parts: list[list[int]] = []
    previous = -2
    for i in tokens:
        token = doc[i]
        if parts and previous == i - 1:
            parts[-1][1] = token.idx + len(token.text)
        else:
            parts.append([token.idx, token.idx + len(token.text)])
        previous = i
    surface = block_text[start:end]
    contiguous = len(parts) == 1 and ordered
    values = {
        "tekst": surface,
        "woorden": " … ".join(block_text[a:b] for a, b in parts),
        "woord": entry.text,
        "alternatief": join_alternatives(entry.alternatives),
    }
    if entry.explanation:
        values["toelichting"] = entry.explanation
    replacement = None
    safe = False
    # Replace only what we matched on its form: an inflected verb must not become an infinitive.
    if contiguous and entry.alternatives and " ".join(normalise(surface).split()) == " ".join(entry.words):
        replacement = match_case(entry.alternatives[0], surface)
        safe = entry.safe
    hit = Hit(block_index, start, end, sentence=sentence, values=values, replacement=replacement, fix_safe=safe)
    if len(parts) > 1:
        _set_extra(hit, {"parts": [tuple(p) for p in parts]})
    return hit


def _set_extra(hit: Hit, extra: dict) -> None:
    if hasattr(hit, "extra"):
        hit.extra.update(extra)
    else:  # an older Hit without the extra field: carry it in the values
        hit.values["_extra"] = extra
