"""`tangconstructie`: words that belong together held far apart.

As the gold guideline counts a tang (corpora/gold/README.md, 'tangconstructie'):

- an article or possessive ... its noun: "de door de raad op 3 maart vastgestelde regeling",
  "uw in 2019 bij de gemeente ingediende aanvraag";
- the finite verb of a main clause ... its participle or separable particle:
  "Wij hebben uw aanvraag voor een parkeervergunning op 3 maart in goede orde ontvangen.",
  "De raad stemde na een lange avond toch in." An infinitive after an auxiliary
  ("zullen ... informeren", "gaan ... vernieuwen") is no tang.

Distance = the words between the two ends (``word_counts``): punctuation does not count, and an
amount or number the tokenizer splits into several tokens ("2 500", "EUR 1.250", "1,2 miljoen
euro", "12,5 procent") counts as one word. A date counts by its words ("1 juli" = 2), as in the gold.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table
from directduidelijk.language.verbforms import strip_particle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ARTICLE_GAP = 6  # the guideline's "zes of meer woorden"; the rule's settings say the same
VERB_GAP = 6

_PHRASE_DEPS = frozenset({"obl", "obl:agent", "nmod", "case", "advmod", "obj", "nummod"})
_SUBORDINATE_DEPS = frozenset({"acl", "acl:relcl"})  # a relative clause; other clauses by their 'mark'
# Parts of an amount besides numbers: after a number (or before one: "EUR 1.250") they add no word.
_AMOUNT_WORDS = frozenset({"eur", "euro", "euro's", "cent", "procent", "miljoen", "miljard", "duizend",
                           "mln.", "mld.", "mrd."})
_AMOUNT_SIGNS = frozenset({"€", "$", "£", "%", "‰"})  # no word themselves; they do not break an amount
_EMBEDDED_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj"})
_NOUN_PHRASE_START = frozenset({"DET", "NOUN", "PROPN", "NUM", "ADJ"})
_COUNTS_KEY = "directduidelijk.tang.words"


def word_counts(doc: Doc) -> list[int]:
    """Prefix sums: ``counts[b] - counts[a]`` = the words among tokens a .. b-1 as the guideline counts
    them (no punctuation; a number or amount split over several tokens is one word). Once per Doc."""
    counts = doc.user_data.get(_COUNTS_KEY)
    if counts is not None:
        return counts
    table = token_table(doc)
    word, lower, pos, text = table.word, table.lower, table.pos, table.text
    counts = [0] * (len(word) + 1)
    total = 0
    run = False          # inside an amount
    run_number = False   # ... that has a number in it
    for k, is_word in enumerate(word):
        if not is_word:
            if text[k] not in _AMOUNT_SIGNS:
                run = run_number = False
        else:
            number = pos[k] == "NUM" or any(char.isdigit() for char in text[k])
            if number or lower[k] in _AMOUNT_WORDS:
                if not (run and (run_number or number)):
                    total += 1  # "EUR" alone or "euro euro" are words; "EUR 1.250" is one
                run, run_number = True, run_number or number
            else:
                total += 1
                run = run_number = False
        counts[k + 1] = total
    doc.user_data[_COUNTS_KEY] = counts
    return counts


def find_tangs(span: Span, article_gap: int = ARTICLE_GAP,
               verb_gap: int = VERB_GAP) -> list[tuple[Token, Token, str, int]]:
    """(left end, right end, kind, words between) for every tang at or above the gaps."""
    doc = span.doc
    table = token_table(doc)
    dep, pos, head, finite, participle = table.dep, table.pos, table.head, table.finite, table.participle
    counts = word_counts(doc)
    found = []
    particles: dict[int, list[int]] | None = None
    marks: dict[int, int] = {}
    with_finite_aux: set[int] = set()
    for i in range(span.start, span.end):
        # article/possessive ... noun
        noun = head[i]
        if noun > i + 1 and pos[i] in ("DET", "PRON") and dep[i] in ("det", "nmod:poss"):
            gap = counts[noun] - counts[i + 1]
            # only when there is a phrase in between, not a row of plain adjectives
            if gap >= article_gap and pos[noun] in ("NOUN", "PROPN", "X") and any(
                    value in _PHRASE_DEPS for value in dep[i + 1:noun]):
                found.append((doc[i], doc[noun], "lidwoord", gap))
        # finite verb of a main clause ... participle or separable particle
        if not (finite[i] and not participle[i] and pos[i] in ("AUX", "VERB")):
            continue  # (a participle the morphology calls finite, "aangepaste", is none)
        if particles is None:  # once per sentence: particles per verb, the first 'mark' per clause,
            particles, marks, with_finite_aux = {}, {}, set()  # verbs with a finite auxiliary of their own
            for k in range(span.start, span.end):
                value = dep[k]
                if value == "compound:prt" and head[k] != k:
                    # a particle is not followed by a noun phrase: "op het rekeningnummer" is a preposition
                    if k + 1 >= span.end or pos[k + 1] not in _NOUN_PHRASE_START:
                        particles.setdefault(head[k], []).append(k)
                elif value == "mark" and head[k] not in marks:
                    marks[head[k]] = k
                elif value in ("aux", "aux:pass") and finite[k] and not participle[k]:
                    with_finite_aux.add(head[k])
        if i in with_finite_aux:
            continue  # a participle tagged as a past tense: "wordt u verzocht" (wordt is the finite verb)
        clause = head[i] if dep[i] in ("aux", "aux:pass", "cop") else i
        if _subordinate(clause, i, dep, head, marks):
            continue
        ends = [(k, k) for k in particles.get(i, ()) if k > i]
        if clause > i and participle[clause] and span.start <= clause < span.end:
            # not an infinitive: "zullen ... informeren" is no tang. The words between stop at the
            # verb group at the end: "zal een afspraak met u worden gemaakt" has 5, not 6 ("worden").
            stop = clause
            while stop - 1 > i and head[stop - 1] == clause and dep[stop - 1] in ("aux", "aux:pass"):
                stop -= 1
            ends.append((clause, stop))
        for end, stop in ends:
            if not span.start <= end < span.end:
                continue
            if any(finite[k] and not participle[k] and pos[k] in ("VERB", "AUX")
                   and not _embedded(k, i, end, dep, head, marks) for k in range(i + 1, end)):
                continue  # another main clause in between: the parse joined the wrong verbs
            gap = counts[stop] - counts[i + 1]
            if gap >= verb_gap:
                found.append((doc[i], doc[end], "werkwoord", gap))
    _lexical_tangs(span, found, article_gap, verb_gap)
    return found


def _embedded(verb: int, left: int, right: int, dep: list[str], head: list[int], marks: dict[int, int]) -> bool:
    """Whether a finite verb between ``left`` and ``right`` is in a subordinate clause inside the tang
    ("Wij hebben uw aanvraag, die u op 3 maart stuurde, ontvangen": its words count too)."""
    clause = head[verb] if dep[verb] in ("aux", "aux:pass", "cop") else verb
    return (left < clause < right and left <= head[clause] <= right
            and (dep[clause] in _EMBEDDED_DEPS or _subordinate(clause, verb, dep, head, marks)))


def _subordinate(clause: int, verb: int, dep: list[str], head: list[int], marks: dict[int, int]) -> bool:
    """Whether the finite verb heads (or is the auxiliary of) a subordinate clause: a relative clause,
    or a clause with a conjunction before the verb (dat, omdat, als), also through 'en' (conj)."""
    for _ in range(20):  # a conj chain; the bound guards against a cycle in a broken parse
        if dep[clause] in _SUBORDINATE_DEPS or marks.get(clause, verb) < verb:
            return True
        if dep[clause] != "conj" or head[clause] == clause:
            return False
        clause = head[clause]
    return False


PARTICLES = frozenset({"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "terug", "uit",
                       "voor", "weg", "vast", "neer", "samen", "tegen", "vrij", "binnen", "buiten", "los", "terecht"})
DETERMINERS = frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "uw", "onze", "ons", "zijn", "haar", "hun"})


def _zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word)


def _infinitives(finite: Token) -> set[str]:
    """The lemma and guesses from the form: stuurt -> sturen, zet -> zetten, haalt -> halen."""
    guesses = {(finite.lemma_ or finite.text).lower().replace("_", "")}
    form = finite.lower_
    stem = form[:-1] if form.endswith("t") and len(form) > 3 else form
    guesses.add(stem + "en")
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        guesses.add(stem[:-2] + stem[-1] + "en")
    if len(stem) >= 2 and stem[-1] == "f":
        guesses.add(stem[:-1] + "ven")
    if len(stem) >= 2 and stem[-1] == "s":
        guesses.add(stem[:-1] + "zen")
    guesses.add(stem + stem[-1:] + "en")
    return guesses


def _lexical_tangs(span: Span, found: list, article_gap: int, verb_gap: int) -> None:
    """Tangs the parse missed, from word order: a determiner straight before a preposition
    ("de door de raad ... vastgestelde regeling"), and a finite verb with its particle at the
    end of the sentence ("U stuurt het formulier ... op.")."""
    doc = span.doc
    table = token_table(doc)
    first, stop = span.start, span.end
    lower, pos, dep, punct, head = table.lower, table.pos, table.dep, table.punct, table.head
    finite = [value and not part for value, part in zip(table.finite[first:stop], table.participle[first:stop])]
    counts = word_counts(doc)
    have = {(a.i, b.i) for a, b, _kind, _gap in found}
    lefts = {a.i for a, _b, _kind, _gap in found}
    # determiner + preposition ... inflected adjective/participle + noun
    for n in range(first, stop - 2):
        if lower[n] not in DETERMINERS or n in lefts or pos[n + 1] != "ADP":
            continue
        for m in range(n + 2, min(stop - 1, n + 25)):
            if finite[m - first] or punct[m]:
                break
            if pos[m] in ("ADJ", "VERB") and lower[m].endswith(("e", "en")) and pos[m + 1] in ("NOUN", "PROPN"):
                if any(head[k] == m + 1 and dep[k] in ("det", "nmod:poss") for k in range(n + 2, m)):
                    continue  # a noun phrase inside: "het na een lange discussie ... aangepaste voorstel"
                gap = counts[m + 1] - counts[n + 1]
                if gap >= article_gap and (n, m + 1) not in have:
                    found.append((doc[n], doc[m + 1], "lidwoord", gap))
                break
    words = [k for k in range(first, stop) if not punct[k]]
    if len(words) < 3:
        return
    last = words[-1]
    _misread_participle(span, found, verb_gap, last, finite, counts)
    # finite verb ... sentence-final particle
    if lower[last] not in PARTICLES:
        return
    # the nearest finite verb before the particle ("zet u ... en stuurt u het terug": stuurt)
    verb = next((k for k in range(stop - 1, first - 1, -1) if k < last and pos[k] == "VERB" and (
        finite[k - first] or (lower[k].endswith("t") and dep[k] not in ("amod", "acl")))), None)
    if verb is None or verb > last or any(l.i == verb for l, _r, _k, _g in found if _r.i == last):
        return
    text = table.text
    if any(finite[k - first] or pos[k] == "SCONJ" or text[k] in ",;:" for k in range(verb + 1, last)):
        return
    particle = lower[last]
    if max(_zipf(particle + strip_particle(form, particle)) for form in _infinitives(doc[verb])) < 2.5:
        return  # no separable verb: "Daar rekenen wij op."
    gap = counts[last] - counts[verb + 1]
    if gap >= verb_gap and (verb, last) not in have:
        found.append((doc[verb], doc[last], "werkwoord", gap))


_PARTICIPLE_AUXILIARIES = frozenset({"hebben", "zijn", "worden"})


def _misread_participle(span: Span, found: list, verb_gap: int, last: int, finite: list[bool],
                        counts: list[int]) -> None:
    """A sentence-final participle the tagger took for a noun, so the parse has no verb group:
    "De buurtbewoners hebben in een brief ... hun zorgen geuit." (geuit: NOUN, hebben: ROOT).
    Only for hebben/zijn/worden heading a main clause, when the word is a regular participle of a
    verb by verbforms (not just shaped like one: 'gebied' is no participle of bieden)."""
    table = token_table(span.doc)
    first = span.start
    pos, dep, lower, head = table.pos, table.dep, table.lower, table.head
    if pos[last] in ("VERB", "AUX") or table.participle[last]:
        # the parse saw a verb there, and its pair is judged above, unless the participle hangs under
        # the auxiliary as a clause of its own ('Wij hebben ... zorgvuldig beoordeeld': advcl of hebben)
        aux = head[last]
        if (table.participle[last] and first <= aux < last and dep[last] not in ("aux", "aux:pass", "cop")
                and _finite_auxiliary(table, finite, first, aux) and dep[aux] in ("ROOT", "conj", "parataxis")):
            _tang_to_end(span, found, verb_gap, aux, last, finite, counts)
        return
    # the parse may even hang the auxiliary on the misread word ('hebben' aux of NOUN 'geuit')
    aux_of_last = any(head[i] == last and dep[i] in ("aux", "aux:pass") for i in range(first, last))
    if not aux_of_last and dep[last - 1] in ("det", "nmod:poss", "amod"):
        return  # a noun phrase ends the sentence
    for i in range(first, last - 1):
        if not _finite_auxiliary(table, finite, first, i):
            continue
        on_last = head[i] == last and dep[i] in ("aux", "aux:pass")
        if not on_last and (dep[i] in ("aux", "aux:pass", "cop") or dep[i] not in ("ROOT", "conj", "parataxis")):
            continue  # has its verb group in the parse, or is in a clause of its own
        if _tang_to_end(span, found, verb_gap, i, last, finite, counts, add=_regular_participle(lower[last])):
            return


def _finite_auxiliary(table, finite: list[bool], first: int, i: int) -> bool:
    return (finite[i - first] and table.plain_lemmas()[i] in _PARTICIPLE_AUXILIARIES
            and table.pos[i] in ("VERB", "AUX"))


def _tang_to_end(span: Span, found: list, verb_gap: int, aux: int, last: int, finite: list[bool],
                 counts: list[int], *, add: bool = True) -> bool:
    """Whether nothing breaks the stretch aux ... last (another finite verb, a conjunction, a clause
    break, a second root); if so, the tang aux ... last is added when it is long enough (and ``add``)."""
    table = token_table(span.doc)
    first = span.start
    pos, head, text = table.pos, table.head, table.text
    if any(finite[k - first] or pos[k] == "SCONJ" or text[k] in ",;:" or head[k] == k
           for k in range(aux + 1, last)):
        return False
    gap = counts[last] - counts[aux + 1]
    if add and gap >= verb_gap and all(not (a.i == aux and b.i == last) for a, b, _kind, _gap in found):
        found.append((span.doc[aux], span.doc[last], "werkwoord", gap))
    return True


def _regular_participle(form: str) -> bool:
    """Whether ``form`` is the ge- participle of a regular verb: geuit (uiten), gemaakt (maken).
    Only ge- forms: without it a noun such as 'bestand' (bestanden) would pass."""
    from directduidelijk.language.verbforms import participle_forms

    if len(form) < 5 or not form.endswith(("d", "t")) or not form.startswith("ge"):
        return False
    core = form[2:]
    for stem in {core[:-1], core}:
        if len(stem) < 2:
            continue
        guesses = {stem + "en", stem + stem[-1] + "en"}
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            guesses.add(stem[:-2] + stem[-1] + "en")
        if stem[-1] == "f":
            guesses.add(stem[:-1] + "ven")
        if stem[-1] == "s":
            guesses.add(stem[:-1] + "zen")
        # a known verb (word frequency), not one made up from the form: 'gebied' is no form of 'biedden'
        if any(form in participle_forms(guess) and _zipf(guess) >= 2.5 for guess in guesses):
            return True
    return False


@builtin("tangconstructie")
def check_tang(analysed, rule, context) -> Iterator[Hit]:
    article_gap = int(setting(rule, "lidwoord_afstand", ARTICLE_GAP))
    verb_gap = int(setting(rule, "werkwoord_afstand", VERB_GAP))
    for sentence in sentences(analysed, rule):
        for left, right, kind, gap in find_tangs(sentence.span, article_gap, verb_gap):
            start, end = char_span([left, right])
            text = doc_text(sentence.span.doc)[start:end]
            pair = f"{left.text} ... {right.text}"
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "paar": pair, "waarde": gap, "soort": kind,
                              "drempel": article_gap if kind == "lidwoord" else verb_gap},
                      extra={"parts": [(left.idx, left.idx + len(left.text)), (right.idx, right.idx + len(right.text))]})
