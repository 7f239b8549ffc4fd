"""`lijdende-vorm`: passive voice, from the parse combined with lexical evidence.

A passive is an auxiliary *worden* or *zijn* with a past participle:

- worden-passief: "Uw aanvraag wordt behandeld", "kan worden opgehaald", "moet betaald worden";
- zijn-passief of a transitive verb: "Het besluit is genomen", "De brieven zijn verstuurd";
- impersonal: "Er wordt gewerkt".

Not passive:

- copular *worden* with an adjective or noun: "Hij werd ziek", "Het wordt een buurthuis";
- the perfect tense with *zijn* of verbs that take zijn (unaccusatives): "De bus is vertrokken",
  "De prijs is gestegen", "Het is gebeurd";
- *zijn* with an adjectival participle that names a state: "Ik ben geïnteresseerd",
  "U bent verplicht", "Dat is bekend".

The parser's ``aux:pass`` label is the first evidence. It is overruled by the lexicon (a
zijn-verb or an adjectival participle is never passive) and completed by it (worden + participle
is passive whatever label the parser chose; zijn + participle of a verb that takes hebben is
passive when the parser called it a plain auxiliary).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, is_finite, is_participle, lemma, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WORDEN_FORMS = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden", "wordende"})
ZIJN_FORMS = frozenset({"ben", "bent", "is", "zijn", "was", "waren", "geweest", "wezen", "zijnde"})

# Verbs whose perfect tense takes *zijn* (unaccusatives, verbs of change of place or state).
# "is vertrokken" is a perfect, not a passive. Lemmas without compound marks.
ZIJN_VERBS = frozenset("""
aankomen aanslaan achterblijven achteruitgaan afbranden afdalen afglijden afhaken afkoelen aflopen afnemen
afreizen afspringen afsterven aftreden afwijken arriveren belanden beginnen bevallen bevriezen bezwijken
binnendringen binnengaan binnenkomen blijken blijven branden crashen dalen doodgaan doorbreken
doordringen doorgaan doorslaan doorstromen drijven duiken eindigen emigreren ingaan inkrimpen
inlopen inslapen inspringen inzakken instorten kapotgaan komen krimpen landen lopen losbarsten losraken
lukken meegaan meekomen meespringen mislukken misgaan neerdalen neerstorten omkomen omslaan omvallen
omwaaien ontbranden ontdooien ontkomen ontluiken ontsnappen ontslapen ontspruiten ontstaan ontvluchten
ontwaken opdagen opdrogen opduiken opgaan opgroeien ophouden oplopen opraken opstaan opstijgen optreden
opvallen opzwellen overgaan overlijden overlopen overstappen ontspoord promoveren degraderen raken
reizen rijzen slagen sneuvelen sterven stijgen stikken stoppen struikelen teruggaan terugkeren terugkomen
terugtreden terugvallen terugtrekken thuisblijven thuiskomen toenemen tussenkomen uitblijven uitdijen
uitgaan uitgroeien uitkomen uitlopen uitvallen uitsterven vallen veranderen verarmen verbleken verdrinken
verdwijnen verhuizen verjaren verlopen verongelukken verouderen verschijnen verschuiven verslechteren
verstrijken vertrekken vervallen verwateren verzanden verzwakken verbeteren vliegen vluchten
voorvallen vooruitgaan wegblijven weggaan wegkomen wegvallen wijken worden zakken zinken zwellen gaan
gebeuren geschieden groeien trouwen scheiden springen zwemmen rijden varen wandelen fietsen
""".split())
# Participle endings of zijn-verbs, for when the lemma is missing or wrong: "aangekomen" ends in
# "gekomen", "opgegaan" in "gegaan". Matched on the whole form or its end.
ZIJN_PARTICIPLES = frozenset("""
geschrokken gegaan gekomen gebleven geworden gestorven gevallen gestegen gedaald gegroeid gelukt geslaagd gevlucht
gezakt gekrompen gebeurd geraakt gesprongen gearriveerd gebleken geland geëindigd gestopt gestruikeld
gestikt gezonken geëmigreerd gereisd gedoken getrouwd vertrokken verdwenen verschenen ontstaan ontsnapt
overleden begonnen verhuisd veranderd verlopen vervallen verstreken ontwaakt bevallen verongelukt
verdronken verarmd verwaterd verzwakt mislukt toegenomen afgenomen opgehouden opgestaan overgestapt
teruggekeerd uitgegroeid verouderd verbeterd verslechterd ontbrand opgegroeid bezweken
""".split())
# Participles that name a state after *zijn* ("ik ben geïnteresseerd"): adjectives in use. The
# core list overrules even the parser's aux:pass; the wider list decides when the parser did not
# label the auxiliary as passive ("De balie is gesloten" may be a state or a passive).
CORE_ADJECTIVAL = frozenset("""
geboren geïnteresseerd teleurgesteld verplicht bekend betrokken getrouwd gehuwd verbaasd overtuigd verrast gewend gelegen
verwant verliefd verloofd gerechtigd bevoegd verschuldigd gemotiveerd verkouden verslaafd verdwaald
gespannen gehaast gedeprimeerd gefrustreerd geïrriteerd opgelucht benieuwd geneigd bereid opgewonden
ontevreden ingenomen gezegend begaafd gehandicapt bejaard ervaren geleerd bekwaam geschikt
""".split())
ADJECTIVAL_PARTICIPLES = CORE_ADJECTIVAL | frozenset("""
betrokken gescheiden geschokt verzekerd geïnformeerd gevestigd gesloten geopend bezet beperkt bedoeld
ingeschreven aangesloten verhinderd gekwalificeerd verbonden gekenmerkt gericht verwacht gewenst vereist
toegestaan verboden gebonden gedwongen gesteld
""".split())
# Hyphen-free lower-case forms that the parser sometimes marks as participles but are not.
NOT_PARTICIPLES = frozenset({"geweest", "gehad", "gezond", "gerust", "bewust", "beroemd", "gewoon", "gemeen",
                             "geheim", "gelijk", "genoeg", "gepast", "bereid", "gereed", "gemend"})

SEPARABLE_PARTICLES = ("vooraf", "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe",
                       "terug", "uit", "voor", "weg", "vast", "neer", "samen", "tegen", "vrij", "binnen",
                       "buiten", "thuis", "los", "rond", "achter", "open", "dicht", "kapot", "bekend")
MODALS_FOR_U = {"kan": "kunt", "zal": "zult", "wil": "wilt", "mag": "mag", "moet": "moet", "hoeft": "hoeft"}


@dataclass(slots=True)
class Passive:
    auxiliaries: list[Token]  # worden/zijn (and the modal, when there is one)
    participle: Token
    agent: Token | None  # the noun in the door-phrase
    kind: str  # "worden" | "zijn"
    via_parse: bool  # the parser labelled the auxiliary aux:pass

    @property
    def tokens(self) -> list[Token]:
        return [*self.auxiliaries, self.participle]


def _aux_kind(token: Token) -> str | None:
    form = token.lower_
    lem = lemma(token)
    if lem == "worden" or form in WORDEN_FORMS:
        return "worden"
    if lem in ("zijn", "wezen") or form in ZIJN_FORMS:
        # "zijn" is also a possessive; the tagger may call the auxiliary PRON when the parse does not
        if token.pos_ in ("AUX", "VERB") or token.tag_.startswith("WW") or token.dep_ in ("aux", "aux:pass", "cop"):
            return "zijn"
    return None


@lru_cache(maxsize=1)
def zijn_participles() -> frozenset[str]:
    """The participles of the zijn-verbs, generated (gereden, vertrokken) and listed: the lemmatizer
    does not always know a strong participle ('doorgereden' stays 'doorgereden')."""
    from directduidelijk.language.verbforms import participle_forms

    forms = set(ZIJN_PARTICIPLES)
    for verb in ZIJN_VERBS:
        forms |= {f for f in participle_forms(verb) if not f.endswith("e")}
    return frozenset(forms)


def is_zijn_verb(participle: Token) -> bool:
    """True if the participle's verb forms its perfect with *zijn* (so 'is X' is no passive)."""
    lem = lemma(participle)
    if lem in ZIJN_VERBS:
        return True
    form = participle.lower_
    participles = zijn_participles()
    if form in participles:
        return True
    if any(form.endswith(p) for p in ZIJN_PARTICIPLES if p.startswith("ge") and len(form) > len(p) + 1):
        return True  # voorafgegaan, tegemoetgekomen
    # Separable compounds: "aangekomen" = aan + gekomen; "teruggekeerd" = terug + gekeerd.
    for particle in SEPARABLE_PARTICLES:
        if form.startswith(particle) and form[len(particle):] in participles:
            return True
        if lem.startswith(particle) and lem[len(particle):] in ZIJN_VERBS and form.startswith(particle + "ge"):
            return True
    return False


def is_adjectival(participle: Token, *, core: bool = False) -> bool:
    words = CORE_ADJECTIVAL if core else ADJECTIVAL_PARTICIPLES
    form = participle.lower_
    return form in words or (form.startswith("on") and form[2:] in words)


UNSTRESSED_PREFIXES = ("be", "ge", "ver", "ont", "her", "er", "mis")


def participle_shape(form: str) -> bool:
    """Shaped like a past participle: gestuurd, opgehaald, aangenomen, behandeld, verslagen, besloten."""
    form = form.lower()
    if len(form) < 5 or not form.endswith(("d", "t", "en", "aan")):
        return False
    if form.endswith("end") and not form.endswith(("iend", "eend")):
        return False  # present participles: vervelend, verrassend
    if form.startswith("on") and not form.startswith(("ont", "onder")):
        return False  # ongeletterd, onbewoond: adjectives
    rest = form
    for particle in SEPARABLE_PARTICLES:
        if form.startswith(particle) and len(form) > len(particle) + 4:
            rest = form[len(particle):]
            if rest.startswith("ge"):
                return True
    return rest.startswith(UNSTRESSED_PREFIXES) or form.startswith(UNSTRESSED_PREFIXES)


def _looks_like_participle(token: Token, *, via_parse: bool = False) -> bool:
    form = token.lower_
    if form in NOT_PARTICIPLES:
        return False
    if via_parse:
        # The parser saw a passive; the tagger may still call the participle a noun or a
        # finite verb ("verslagen", "bewoond"). Its shape decides, or its morphology.
        if participle_shape(form):
            return True
        return is_participle(token) and form.endswith(("d", "t", "en", "aan")) and token.pos_ in ("VERB", "AUX", "ADJ")
    if is_participle(token):
        return form.endswith(("d", "t", "en", "aan")) or token.tag_.startswith("WW|vd")
    if token.morph.get("VerbForm"):
        if "Fin" in token.morph.get("VerbForm") and participle_shape(form) and _only_a_participle(token):
            return True  # the tagger's Fin is wrong: weggesleept, toegezonden are no finite forms
        # A past tense with a finite auxiliary of its own is a participle the tagger misread
        # ("is ... verzocht", "zijn ... ontvangen"): two finite verbs cannot form one verb group.
        if ("Fin" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense") and participle_shape(form)
                and any(c.dep_ in ("aux", "aux:pass", "cop") and c.i < token.i and is_finite(c) for c in token.children)):
            return True
        return False  # an infinitive or finite verb: "is te betreuren"
    # Tagged as adjective or verb but shaped like a participle ("geboren", "opgeheven").
    if token.pos_ == "VERB":
        return participle_shape(form)
    if token.pos_ == "ADJ":
        _particle, core = _split_particle(token)
        return core.startswith("ge") and participle_shape(form)
    return False


def _only_a_participle(token: Token) -> bool:
    """The form is a participle of the token's verb and no finite form of it (unlike verzocht)."""
    from directduidelijk.language.verbforms import finite_forms, participle_forms

    verb = lemma(token)
    if not verb:
        return False
    return token.lower_ in participle_forms(verb) and token.lower_ not in finite_forms(verb)


def _has_hebben(participle: Token) -> bool:
    return any(c.dep_ == "aux" and lemma(c) == "hebben" for c in participle.children)


def _agent(participle: Token) -> Token | None:
    for child in participle.children:
        if child.dep_ in ("obl:agent", "nmod:agent"):
            return child
        if child.dep_ == "obl" and any(c.lower_ == "door" and c.dep_ == "case" for c in child.children):
            return child
    return None


def _aux_kind_at(table, lemmas: list[str], i: int) -> str | None:
    """_aux_kind of token i from the token table."""
    form = table.lower[i]
    lem = lemmas[i]
    if lem == "worden" or form in WORDEN_FORMS:
        return "worden"
    if lem in ("zijn", "wezen") or form in ZIJN_FORMS:
        if table.pos[i] in ("AUX", "VERB") or table.tag[i].startswith("WW") or table.dep[i] in ("aux", "aux:pass", "cop"):
            return "zijn"
    return None


def find_passives(span: Span | Iterable[Token], *, zijn_passive: bool = True, use_lexicon: bool = True) -> list[Passive]:
    """All passives in a sentence (a Span), each with its auxiliaries and participle."""
    from spacy.tokens import Span

    found: dict[int, Passive] = {}
    if isinstance(span, Span):
        # Only forms of worden and zijn can start a passive: found in the token table, so a Token
        # is made for those alone.
        doc = span.doc
        table = token_table(doc)
        lemmas = table.plain_lemmas()
        auxiliaries = [(doc[i], kind) for i in range(span.start, span.end)
                       if (kind := _aux_kind_at(table, lemmas, i)) is not None]
    else:
        auxiliaries = [(token, _aux_kind(token)) for token in span]
    for token, kind in auxiliaries:
        if kind is None:
            continue
        head = token.head
        if head == token:
            continue
        dep = token.dep_
        via_parse = dep == "aux:pass"
        if not via_parse:
            if not use_lexicon:
                continue
            if dep not in ("aux", "cop"):
                continue
        participle_like = _looks_like_participle(head, via_parse=via_parse)
        if kind == "worden" and via_parse and not participle_like:
            # worden labelled aux:pass of a verb whose participle looks like its infinitive
            # ("kan onderscheiden worden"): the label and the verb are evidence enough
            participle_like = head.pos_ == "VERB" and head.lower_.endswith(("d", "t", "en", "aan"))
        if kind == "worden":
            # worden + participle is passive; worden + adjective/noun is copular ("werd ziek").
            if not participle_like:
                continue
        else:
            if not zijn_passive:
                continue
            if not participle_like or _has_hebben(head):
                continue
            if use_lexicon:
                if is_zijn_verb(head) or is_adjectival(head, core=via_parse):
                    continue
                if dep == "cop" and not via_parse and not (head.pos_ == "VERB" and participle_shape(head.lower_)):
                    continue  # the parser saw a state ("is gesloten"): trust it, unless the tagger saw a verb
            elif not via_parse:
                continue
        passive = found.get(head.i)
        if passive is None:
            found[head.i] = passive = Passive([], head, _agent(head), kind, via_parse)
        passive.auxiliaries.append(token)
        if kind == "worden":
            passive.kind = "worden"
        passive.via_parse = passive.via_parse or via_parse
    claimed = {t.i for p in found.values() for t in p.tokens}
    if use_lexicon and any(kind == "worden" and token.i not in claimed for token, kind in auxiliaries):
        _stray_worden(list(span), found)  # (it only looks at a worden that no passive claims)
    for passive in found.values():
        # A modal or finite verb that governs the passive ("kan worden opgehaald").
        for child in passive.participle.children:
            if child.dep_ == "aux" and child not in passive.auxiliaries and _aux_kind(child) is None:
                if lemma(child) in ("kunnen", "moeten", "mogen", "zullen", "willen", "hoeven"):
                    passive.auxiliaries.append(child)
        passive.auxiliaries.sort(key=lambda t: t.i)
    return sorted(found.values(), key=lambda p: min(t.i for t in p.tokens))


def _own_auxiliary(token: Token) -> bool:
    return any(c.dep_ in ("aux", "aux:pass", "cop") and lemma(c) in ("hebben", "zijn", "worden") for c in token.children)


def _stray_worden(tokens: list[Token], found: dict[int, "Passive"]) -> None:
    """worden that the parser attached to the wrong word ("Elk jaar worden er stukken bos
    achtergelaten" with worden as copula of 'jaar'): passive when the sentence has a verbal
    participle that no auxiliary claims, with no other finite verb in between."""
    claimed = {t.i for p in found.values() for t in p.tokens}
    for token in tokens:
        if _aux_kind(token) != "worden" or token.i in claimed:
            continue
        head = token.head
        if head != token and (_looks_like_participle(head) or head.i in found):
            continue
        if token.dep_ == "cop" and head.pos_ in ("ADJ", "NOUN", "PROPN", "PRON", "NUM") and head.i > token.i \
                and head.i - token.i <= 3:
            continue  # a real copula close by: "werd ziek", "wordt een buurthuis"
        candidates = []
        for other in tokens:
            if other.i == token.i or other.i in claimed or other.pos_ != "VERB":
                continue
            if "Part" not in other.morph.get("VerbForm") or not participle_shape(other.lower_):
                continue
            if other.dep_ in ("amod", "acl", "nmod", "obl") or _own_auxiliary(other):
                continue
            low, high = sorted((token.i, other.i))
            if any(is_finite(t) and t.pos_ in ("VERB", "AUX") for t in tokens if low < t.i < high):
                continue
            candidates.append(other)
        if candidates:
            participle = min(candidates, key=lambda t: abs(t.i - token.i))
            found[participle.i] = Passive([token], participle, _agent(participle), "worden", False)
            claimed.update({token.i, participle.i})


def sentence_is_passive(span: Span, **options) -> bool:
    return bool(find_passives(span, **options))


# ── the active sentence, where the door-phrase names who does it ─────────────


def _np_text(token: Token, *, drop_case: bool = False) -> str:
    words = [t for t in token.subtree if not (drop_case and t.dep_ == "case" and t.head == token)]
    words = [t for t in words if t.dep_ != "punct" or t.head != token]
    return "".join(t.text_with_ws for t in words).strip()


def _split_particle(participle: Token) -> tuple[str, str]:
    """('aan', 'genomen') for 'aangenomen'; ('', 'verstuurd') for 'verstuurd'."""
    form = participle.lower_
    for particle in SEPARABLE_PARTICLES:
        if form.startswith(particle + "ge") and len(form) > len(particle) + 4:
            return particle, form[len(particle):]
    return "", form


def _zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word)


def _infinitive(participle: Token) -> str | None:
    """The infinitive of a participle: from the lemma when it is a known word, else derived
    from a weak participle (opgehaald -> ophalen, behandeld -> behandelen) and checked against
    word frequencies."""
    form = participle.lower_
    lem = lemma(participle)
    if lem and lem.endswith("en") and lem != form and _zipf(lem) >= 2.5:
        return lem
    particle, core = _split_particle(participle)
    if core.startswith("ge") and len(core) > 4:
        core = core[2:]
    if not core.endswith(("d", "t")):
        return None
    stem = core[:-1]
    candidates = [stem + "en"]
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        candidates.append(stem[:-2] + stem[-1] + "en")  # haal -> halen
    if len(stem) >= 2 and stem[-2] in "aeiou" and stem[-1] not in "aeiouw":
        candidates.append(stem + stem[-1] + "en")  # zet -> zetten
    if stem.endswith("f"):
        candidates += [c[:-3] + "ven" for c in list(candidates) if c.endswith("fen")]
        candidates += [stem[:-3] + stem[-2] + "ven"] if len(stem) >= 3 and stem[-2] == stem[-3] else []
    if stem.endswith("s"):
        candidates += [c[:-3] + "zen" for c in list(candidates) if c.endswith("sen")]
        candidates += [stem[:-3] + stem[-2] + "zen"] if len(stem) >= 3 and stem[-2] == stem[-3] else []
    best = max(candidates, key=_zipf)
    if _zipf(best) < 2.0:
        return None
    return particle + best


def _present_3sg(infinitive: str, particle: str) -> str | None:
    """haalt (halen), neemt (nemen), zet (zetten), behandelt (behandelen): the present for
    he/she/it, checked against word frequencies."""
    verb = infinitive[len(particle):] if particle and infinitive.startswith(particle) else infinitive
    irregular = {"gaan": "gaat", "staan": "staat", "slaan": "slaat", "doen": "doet", "zien": "ziet",
                 "komen": "komt", "hebben": "heeft", "zijn": "is", "kunnen": "kan", "willen": "wil"}
    if verb in irregular:
        return irregular[verb]
    if not verb.endswith("en") or len(verb) < 4:
        return None
    stem = verb[:-2]
    stems = [stem]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stems.append(stem[:-1])  # zetten -> zet
    if len(stem) >= 3 and stem[-1] not in "aeiouj" and stem[-2] in "aeou" and stem[-3] not in "aeiou":
        stems.append(stem[:-1] + stem[-2] + stem[-1])  # nemen -> neem, halen -> haal
    forms = []
    for candidate in stems:
        if candidate.endswith("v"):
            candidate = candidate[:-1] + "f"
        elif candidate.endswith("z"):
            candidate = candidate[:-1] + "s"
        forms.append(candidate if candidate.endswith("t") else candidate + "t")
    best = max(forms, key=_zipf)
    return best if _zipf(best) >= 2.0 else None


def active_sentence(passive: Passive, sentence: Span) -> str | None:
    """A best-effort active version of a simple main-clause passive with a door-phrase."""
    agent = passive.agent
    participle = passive.participle
    if agent is None or participle.dep_ not in ("ROOT", "root") or participle.head != participle:
        return None
    finite = next((t for t in passive.auxiliaries if is_finite(t)), None)
    if finite is None or finite.dep_ not in ("aux", "aux:pass", "cop"):
        return None
    agent_text = _np_text(agent, drop_case=True)
    if not agent_text:
        return None
    subject = next((c for c in participle.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
    plural_agent = "Plur" in agent.morph.get("Number")
    agent_is_u = agent.lower_ in ("u", "jij", "je")
    front: list[str] = []
    rest: list[str] = []
    skip = {agent.i, *[t.i for t in passive.auxiliaries]}
    sentence_start = sentence[0].i
    for child in participle.children:
        if child.i in skip or child.dep_ in ("punct", "expl", "expl:pv", "mark", "cc"):
            continue
        if child.dep_ in ("nsubj:pass", "nsubj"):
            continue
        if child.dep_ in ("advcl", "ccomp", "conj", "parataxis", "xcomp", "csubj", "acl"):
            return None  # too complex for a safe rewrite
        text = _np_text(child)
        if child.left_edge.i == sentence_start and child.pos_ != "PROPN" and not child.left_edge.pos_ == "PROPN":
            text = text[:1].lower() + text[1:]
        # a phrase before the finite verb stays in front ("Na de storm werd ..." -> "Na de storm heeft ...")
        (front if child.i < finite.i else rest).append(text)
    obj = ""
    if subject is not None:
        obj = _np_text(subject)
        if obj and subject.pos_ != "PROPN" and not obj.isupper() and obj.lower() not in ("u",):
            obj = obj[0].lower() + obj[1:]
    particle, _ = _split_particle(participle)
    modal = next((t for t in passive.auxiliaries if t == finite and _aux_kind(t) is None), None)
    agent_np = agent_text if agent.pos_ == "PROPN" else agent_text[:1].lower() + agent_text[1:]
    if agent.lower_ == "u":
        agent_np = "u"
    middle = " ".join(part for part in [obj, *rest] if part)
    if modal is not None:
        infinitive = _infinitive(participle)
        if infinitive is None:
            return None
        verb = modal.text.lower()
        if agent_is_u:
            verb = MODALS_FOR_U.get(modal.lower_, verb)
        elif plural_agent:
            verb = lemma(modal)
        tail = [middle, infinitive]
    elif passive.kind == "worden" and "Pres" in finite.morph.get("Tense") and not plural_agent:
        infinitive = _infinitive(participle)
        if infinitive is None:
            return None
        verb = _present_3sg(infinitive, particle)
        if verb is None:
            return None
        tail = [middle, particle]
    else:
        verb = "hebben" if plural_agent else "heeft"
        tail = [middle, participle.text]
    if front:
        words = [" ".join(front), verb, agent_np, *tail]
    else:
        words = [agent_np, verb, *tail]
    text = " ".join(w for w in words if w).replace("  ", " ")
    text = text[:1].upper() + text[1:]
    end = sentence[-1].text if sentence[-1].is_punct and sentence[-1].text in ".!?" else "."
    return text + end


@builtin("lijdende-vorm")
def check_passive(analysed, rule, context) -> Iterator[Hit]:
    zijn_passive = bool(setting(rule, "zijn_passief", True))
    use_lexicon = bool(setting(rule, "lexicon", True))
    suggest_active = bool(setting(rule, "actief_voorstel", True))
    for sentence in sentences(analysed, rule):
        for passive in find_passives(sentence.span, zijn_passive=zijn_passive, use_lexicon=use_lexicon):
            start, end = char_span(passive.tokens)
            doc = sentence.span.doc
            text = doc_text(doc)[start:end]
            suggestion = None
            values = {"tekst": text, "werkwoord": passive.participle.text}
            if suggest_active:
                active = active_sentence(passive, sentence.span)
                if active:
                    values["actief"] = active
                    suggestion = f"Schrijf actief: '{active}'"
            values["uitleg"] = "De lezer ziet niet wie iets doet."
            if passive.agent is not None:
                values["wie"] = _np_text(passive.agent, drop_case=True)
                values["uitleg"] = f"Begin de zin met wie het doet: {values['wie']}."
            hit = Hit(sentence.block_index, start, end, sentence, values=values, suggestion=suggestion,
                      extra={"parts": [(t.idx, t.idx + len(t.text)) for t in passive.tokens]})
            yield hit
