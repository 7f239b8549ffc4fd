"""Regular Dutch verb forms, generated from the infinitive (no dictionary, no model).

Used by the word lists: an entry written as an infinitive ("verlenen", "zorg dragen voor")
also finds "verleent", "verleend", "verleende", "draagt", "droeg", even when the lemmatiser
gets the lemma wrong (verleend -> "verleen", gevoerd -> "voren").

    verb_forms("uitvoeren")  -> {"uitvoeren", "uitvoer", "uitvoert", "uitvoerde", "uitvoerden",
                                 "uitgevoerd", "uitgevoerde"}
    split_forms("uitvoeren") -> ("uit", {"voer", "voert", "voeren", "voerde", "voerden"})  # "voert ... uit"
    te_infinitive("uitvoeren") -> "uit te voeren"
    is_verb("indien") -> False;  is_verb("verlenen") -> True

What is covered:
- the stem: klinkerverdubbeling (lopen -> loop, verlenen -> verleen), degemination (zetten -> zet,
  innen -> in), v/z -> f/s (leven -> leef, reizen -> reis); a schwa is not doubled (handelen ->
  handel, veranderen -> verander) and a stressed foreign -eren is (realiseren -> realiseer,
  definiëren -> definieer);
- present: stem, stem + t, infinitive; past: stem + te/ten or de/den by 't kofschip, judged on the
  infinitive's consonant (leven -> leefde, reizen -> reisde); participle ge- + stem + t/d, never a
  double t/d (gezet, gewend), no ge- after be-, ge-, her-, ont-, ver-, er- (verleend, gebeurd),
  a diaeresis where ge- meets a vowel (geëvalueerd, geïnd); the participle with -e (verleende,
  bijgevoegde, gezette);
- separable verbs (particle + verb): the joined forms (uitvoert, uitvoerde, uitgevoerd: a
  subordinate clause, or the particle joined back to its verb) and the verb part on its own
  (split_forms); compounds with a particle that can be either (onder-, over-, door-, om-, voor-,
  vol-) get both participles unless listed (onderworpen, overgegaan);
- a table of irregular and strong verbs (zijn, hebben, gaan, nemen, zenden, ...); compounds take
  their forms from it: toezenden -> toegezonden, verkrijgen -> verkregen, ontvangen -> ontving.
When the analysis of a prefix is uncertain (informeren: in + formeren?), both readings are
generated: a form that does not exist never occurs in a text, so it costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# --------------------------------------------------------------------------- data

# Irregular and strong verbs: infinitive, past singular, past plural, participle (commas: variants),
# and after '|' the present forms when they are not stem / stem+t / infinitive. '-' = none.
_IRREGULAR = """
bakken bakte bakten gebakken
bederven bedierf bedierven bedorven
benadelen benadeelde benadeelden benadeeld | benadeel,benadeelt,benadelen
beginnen begon begonnen begonnen
bevelen beval bevalen bevolen
bewegen bewoog bewogen bewogen
bidden bad baden gebeden
bieden bood boden geboden
binden bond bonden gebonden
blijken bleek bleken gebleken
blijven bleef bleven gebleven
breken brak braken gebroken
brengen bracht brachten gebracht
buigen boog bogen gebogen
denken dacht dachten gedacht
doen deed deden gedaan | doe,doet,doen
dragen droeg droegen gedragen
drijven dreef dreven gedreven
dringen drong drongen gedrongen
dwingen dwong dwongen gedwongen
eten at aten gegeten
gaan ging gingen gegaan | ga,gaat,gaan
gelden gold golden gegolden
genezen genas genazen genezen
genieten genoot genoten genoten
geven gaf gaven gegeven
grijpen greep grepen gegrepen
hangen hing hingen gehangen
hebben had hadden gehad | heb,hebt,heeft,hebben
heffen hief hieven geheven
helpen hielp hielpen geholpen
heten heette heetten geheten
houden hield hielden gehouden | hou,houd,houdt,houden
kiezen koos kozen gekozen
kijken keek keken gekeken
komen kwam kwamen gekomen | kom,komt,komen
kopen kocht kochten gekocht
krijgen kreeg kregen gekregen
kunnen kon konden gekund | kan,kunt,kunnen
lachen lachte lachten gelachen
laden laadde laadden geladen
laten liet lieten gelaten
lezen las lazen gelezen
liggen lag lagen gelegen
lijden leed leden geleden
lijken leek leken geleken
lopen liep liepen gelopen
meten mat maten gemeten
moeten moest moesten gemoeten
mogen mocht mochten gemogen | mag,moogt,mogen
nemen nam namen genomen
oordelen oordeelde oordeelden geoordeeld | oordeel,oordeelt,oordelen
prijzen prees prezen geprezen
raden ried,raadde rieden,raadden geraden
rijden reed reden gereden
roepen riep riepen geroepen
scheiden scheidde scheidden gescheiden
schenken schonk schonken geschonken
scheppen schiep schiepen geschapen
schieten schoot schoten geschoten
schijnen scheen schenen geschenen
schrijven schreef schreven geschreven
schuiven schoof schoven geschoven
slaan sloeg sloegen geslagen | sla,slaat,slaan
sluiten sloot sloten gesloten
snijden sneed sneden gesneden
spreken sprak spraken gesproken
springen sprong sprongen gesprongen
staan stond stonden gestaan | sta,staat,staan
steken stak staken gestoken
stijgen steeg stegen gestegen
sterven stierf stierven gestorven
strijden streed streden gestreden
strijken streek streken gestreken
treden trad traden getreden
treffen trof troffen getroffen
trekken trok trokken getrokken
vallen viel vielen gevallen
vangen ving vingen gevangen
varen voer voeren gevaren
vechten vocht vochten gevochten
vergeten vergat vergaten vergeten
verliezen verloor verloren verloren
verdwijnen verdween verdwenen verdwenen
vinden vond vonden gevonden
vragen vroeg vroegen gevraagd
wegen woog wogen gewogen
werpen wierp wierpen geworpen
werven wierf wierven geworven
weten wist wisten geweten
wijken week weken geweken
wijzen wees wezen gewezen
willen wilde,wou wilden gewild | wil,wilt,willen
winnen won wonnen gewonnen
worden werd werden geworden
zeggen zei,zeide zeiden,zeiden gezegd
zenden zond zonden gezonden
zien zag zagen gezien | zie,ziet,zien
zijn was waren geweest | ben,bent,is,zijn
zitten zat zaten gezeten
zoeken zocht zochten gezocht
zullen zou zouden - | zal,zult,zullen
zwijgen zweeg zwegen gezwegen
"""

# Regular (weak) verbs known as verbs: evidence that a word is a verb (compounds count too:
# verlenen = ver + lenen). Their forms follow the rules; this list only says "this is a verb".
_WEAK = set("""
achten ademen antwoorden ankeren bedden behelzen belangen beogen benutten beraden betalen betreuren
bouwen branden checken cancellen dagen delen dienen doden drukken duiden eisen fixen gebeuren
gebruiken gedogen gelasten geloven geschieden halen handelen hechten hoeven horen horen innen keren
kennen klagen kloppen lenen leggen leren leveren lichten maken melden menen merken monitoren noemen
noodzaken nopen oefenen ogen openen passen plaatsen plannen plegen pogen raadplegen regelen reiken
rekenen richten schaffen schikken schorten schouwen steden koppelen sluiten spelen stellen steunen storten strekken sturen
tekenen tonen toetsen trachten treuren trouwen updaten vaarden vatten vergewissen voegen volgen
vorderen voeren waarborgen wachten wenden wensen werken willigen wijzigen wonen zetten zorgen
uiten vergen verzuimen vloeien wikkelen bejegenen verbeuren
""".split())

# Unstressed prefixes: no ge- in the participle.
_PREFIXES = ("her", "ont", "ver", "be", "ge", "er")
# Separable particles, longest first. Nouns and adjectives that behave as particles are included.
_PARTICLES = tuple(sorted(set("""
aan achter achteruit af bekend bij binnen boven buiten deel dicht door gade gebruik gelijk goed heen in
kennis klaar langs los mede mee na neer om omhoog onder op open over plaats rond samen stil tegemoet
tegen teniet terecht terug teweeg thuis toe tussen uit uiteen vast voor vooraf voorbij voort vooruit vrij
weg weer zorg
""".split()), key=len, reverse=True))
PARTICLES = frozenset(_PARTICLES)  # for lookups outside this module

# Particles that also make inseparable verbs (stress on the verb): without a listing, both
# participles are generated (doorlopen: doorgelopen and doorlopen).
_AMBIGUOUS = frozenset({"door", "onder", "over", "om", "voor", "vol", "achter", "weer"})
# Inseparable compounds of a particle and a verb: prefix -> the verbs after it.
_INSEPARABLE = {
    "aan": "vaarden bidden",
    "achter": "halen volgen",
    "door": "gronden zoeken breken",
    "om": "vatten schrijven ringen armen",
    "onder": "werpen nemen zoeken steunen bouwen scheiden handelen tekenen breken houden vinden"
             " schatten schrijven stellen richten",
    "over": "wegen handigen tuigen schrijden treden lijden leven winnen treffen bruggen vallen",
    "vol": "doen brengen tooien harden",
    "voor": "zien",
    "weer": "leggen staan",
}
_INSEPARABLE_WORDS = {p + rest: (p, rest) for p, rests in _INSEPARABLE.items() for rest in rests.split()}
# Compounds used both ways (vóórkomen / voorkómen): both sets of forms.
_BOTH = frozenset({"voorkomen", "overleggen", "doorlopen", "ondergaan", "overkomen", "voorspellen"})

# Native stems ending in a schwa + r: no doubling (veranderen -> verander), unlike the stressed
# foreign -eren (realiseren -> realiseer). Compared with the end of the stem.
_NATIVE_ER = ("ander", "beter", "hinder", "minder", "vorder", "lever", "anker", "gader", "wijder",
              "inner", "luister", "weiger", "zeker", "hamer", "schitter", "wapper", "twijfel",
              "lekker", "donder", "slenter", "kinder", "ouder", "jonger", "oever", "huiver")

# Words that end in -en but are not verbs, although a rule would take them for one.
_NOT_VERBS = frozenset({"indien", "dezen", "heden", "voren", "allen", "meermalen", "tezamen", "voorheen",
                        "nadien", "genegen", "gelegen", "gegeven", "geleden"})

_VOWELS = "aeiouyáéíóúàèëïöü"
_KOFSCHIP = set("tkfscpx") | {"h"}
_SYLLABLE = re.compile(r"[ëïüöä][aeiouy]*|[aeiouy]+")


# --------------------------------------------------------------------------- the stem


def _syllables(word: str) -> int:
    return len(_SYLLABLE.findall(word))


def _foreign(infinitive: str) -> bool:
    """A stressed foreign -eren verb: realiseren, evalueren, definiëren (not veranderen, leren)."""
    if infinitive.endswith("ëren"):
        return True
    if not infinitive.endswith("eren"):
        return False
    stem = infinitive[:-2]
    for native in _NATIVE_ER:  # the native stem alone or after a prefix: verbeteren, not frankeren
        if stem.endswith(native) and (stem == native or stem[: -len(native)] in _PREFIXES + _PARTICLES):
            return False
    return _syllables(stem) >= 2


def _plausible(word: str) -> bool:
    """Could be an infinitive: -en after a stem with a vowel (not 'nen', 'llen')."""
    return len(word) >= 4 and word.endswith("en") and any(c in _VOWELS for c in word[:-2])


def _stem(infinitive: str) -> tuple[str, str]:
    """(present stem, letter that chooses te/de): lopen -> (loop, p), leven -> (leef, v)."""
    if infinitive.endswith("ëren"):
        before = infinitive[:-4]
        return (before + ("ëer" if before.endswith("e") else "eer")), "r"
    if _foreign(infinitive):  # realiseren -> realiseer, evalueren -> evalueer
        return infinitive[:-4] + "eer", "r"
    if infinitive.endswith("en"):
        base = infinitive[:-2]
    elif infinitive.endswith("n"):
        base = infinitive[:-1]
    else:
        base = infinitive
    if not base:
        return infinitive, ""
    letter = base[-1]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        base = base[:-1]  # zetten -> zet, innen -> in
    elif len(base) >= 2 and base[-1] not in _VOWELS and base[-1] != "j" and base[-2] in "aeou" and (
        len(base) < 3 or base[-3] not in _VOWELS
    ):
        vowel = base[-2]
        single = _syllables(base) == 1
        if vowel == "e":
            # e + l/n/r/m in a longer stem is a schwa (handel, open, verander), unless foreign -eren.
            double = single or base[-1] not in "lnrm" or _foreign(infinitive)
        else:
            double = single
        if double:
            base = base[:-1] + vowel + base[-1]
    if base.endswith("v"):
        base = base[:-1] + "f"
    elif base.endswith("z"):
        base = base[:-1] + "s"
    return base, letter


def _with_ge(core: str) -> str:
    """ge + core, with a diaeresis where the vowels would run together: geëvalueerd, geïnd."""
    if core[:1] in ("e", "i", "u") and not core.startswith(("ij", "ui", "eu")):
        return "ge" + {"e": "ë", "i": "ï", "u": "ü"}[core[0]] + core[1:]
    return "ge" + core


def _without_ge(participle: str, before: str) -> str:
    core = participle[2:] if participle.startswith("ge") else participle
    if core[:1] in ("ë", "ï", "ü") and not before.endswith(tuple("aeiou")):
        core = {"ë": "e", "ï": "i", "ü": "u"}[core[0]] + core[1:]
    return core


def inflect_participle(participle: str) -> str | None:
    """Attributive form: verleend -> verleende, gezet -> gezette; None for strong -en participles."""
    if not participle or participle[-1] not in "td":
        return None
    if len(participle) >= 3 and participle[-2] in "aeiou" and participle[-3] not in _VOWELS:
        return participle + participle[-1] + "e"  # gezet -> gezette
    if len(participle) >= 4 and participle[-2] == participle[-3] and participle[-2] in "aeou" and (
        participle[-4] not in _VOWELS
    ):
        return participle[:-2] + participle[-1] + "e"  # besteed -> bestede
    return participle + "e"


# --------------------------------------------------------------------------- conjugation


@dataclass
class _Conjugation:
    present: set[str]  # present forms and the infinitive (the verb part, without the particle)
    past: set[str]
    participles: set[str]  # complete, with particle and ge-
    particle: str = ""
    extra: set[str] = field(default_factory=set)  # joined forms of a second reading
    certain: bool = True  # the split into particle/prefix and verb rests on a known verb

    def joined(self) -> set[str]:
        forms = {self.particle + f for f in self.present | self.past} | self.participles | self.extra
        forms.update(f for f in (inflect_participle(p) for p in self.participles) if f)
        return forms


def _regular(infinitive: str) -> _Conjugation:
    stem, letter = _stem(infinitive)
    present = {stem, infinitive, stem if stem.endswith("t") else stem + "t"}
    suffix = "te" if letter in _KOFSCHIP or stem.endswith("ch") else "de"
    past = {stem + suffix, stem + suffix + "n"}
    ending = "" if stem.endswith(("t", "d")) else suffix[0]
    return _Conjugation(present, past, {_with_ge(stem + ending)})


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[set[str], set[str], set[str]]]:
    table = {}
    for line in _IRREGULAR.strip().splitlines():
        main, _, present = line.partition("|")
        infinitive, past_sg, past_pl, participle = main.split()
        past = set(past_sg.split(",")) | set(past_pl.split(","))
        participles = set() if participle == "-" else set(participle.split(","))
        forms = set(present.strip().split(",")) if present.strip() else None
        table[infinitive] = (forms, past, participles)
    return table


def _from_table(infinitive: str) -> _Conjugation:
    present, past, participles = _table()[infinitive]
    if present is None:
        present = _regular(infinitive).present
    return _Conjugation(set(present), set(past), set(participles))


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    """A known verb: in the tables, or a known verb behind a particle or prefix (not ge-)."""
    if word in _table() or word in _WEAK or word in _INSEPARABLE_WORDS or word in _BOTH:
        return True
    for particle in _PARTICLES:
        if word.startswith(particle) and _known(word[len(particle):]):
            return True
    for prefix in _PREFIXES:
        if prefix != "ge" and word.startswith(prefix) and len(word) > len(prefix) + 3 and _known(word[len(prefix):]):
            return True
    return False


def _prefixed(prefix: str, base: _Conjugation) -> _Conjugation:
    """An inseparable prefix (or particle) before a verb: no ge- in the participle."""
    present = {prefix + base.particle + f for f in base.present}
    past = {prefix + base.particle + f for f in base.past}
    participles = {prefix + _without_ge(p, prefix) for p in base.participles}
    participles |= {prefix + p for p in base.participles if not p.startswith("ge")}
    return _Conjugation(present, past, participles, extra={prefix + f for f in base.extra})


@lru_cache(maxsize=4096)
def _conjugate(word: str) -> _Conjugation:
    if word in _table():
        return _from_table(word)
    if word in _INSEPARABLE_WORDS:
        prefix, rest = _INSEPARABLE_WORDS[word]
        return _prefixed(prefix, _conjugate(rest))
    for particle in _PARTICLES:
        if not word.startswith(particle) or len(word) == len(particle):
            continue
        rest = word[len(particle):]
        certain = _known(rest)
        if not certain and not _plausible(rest):
            continue
        base = _conjugate(rest) if certain else _regular(rest)
        if base.particle:
            continue
        participles = {particle + p for p in base.participles}
        conjugation = _Conjugation(base.present, base.past, participles, particle, certain=certain)
        if word in _BOTH or (particle in _AMBIGUOUS and not certain):
            conjugation.participles |= _prefixed(particle, base).participles
        if not certain:  # also the reading as one word: informeren, opteren
            conjugation.extra |= _unsplit(word).joined()
        return conjugation
    for prefix in _PREFIXES:
        if not word.startswith(prefix) or len(word) <= len(prefix) + 3:
            continue
        rest = word[len(prefix):]
        certain = _known(rest) and prefix != "ge"
        if not certain and (prefix == "er" or not _plausible(rest)):
            continue
        conjugation = _prefixed(prefix, _conjugate(rest) if certain else _regular(rest))
        if not certain and prefix != "ge":  # gebeuren, gedogen: ge- is a prefix there
            conjugation.extra |= _unsplit(word).joined()
            conjugation.certain = False
        return conjugation
    return _regular(word)


def _unsplit(word: str) -> _Conjugation:
    return _regular(word)


# --------------------------------------------------------------------------- public


def verb_forms(infinitive: str) -> set[str]:
    """Every one-word form of a Dutch verb, the infinitive included (lowercase).

    Empty for what cannot be an infinitive: no -n, a phrase, 'indien', a strong participle
    (verkregen). Whether a plausible -en word really is a verb is for the caller (is_verb).
    """
    word = infinitive.strip().lower()
    if not _could_be_infinitive(word):
        return set()
    return _conjugate(word).joined()


def _could_be_infinitive(word: str) -> bool:
    if word in _NOT_VERBS or not word.endswith("n") or " " in word:
        return False
    return _known(word) or (_plausible(word) and not _strong_form(word))


def participle_forms(infinitive: str) -> set[str]:
    """The participles and their -e forms (a subset of verb_forms): verleend, verleende."""
    word = infinitive.strip().lower()
    if not _could_be_infinitive(word):
        return set()
    conjugation = _conjugate(word)
    forms = set(conjugation.participles)
    forms.update(f for f in (inflect_participle(p) for p in conjugation.participles) if f)
    return forms


def finite_forms(infinitive: str) -> set[str]:
    """The present and past forms and the infinitive (joined with the particle): no participles."""
    word = infinitive.strip().lower()
    if not _could_be_infinitive(word):
        return set()
    conjugation = _conjugate(word)
    return {conjugation.particle + f for f in conjugation.present | conjugation.past}


# Participles that are also adjectives with a meaning of their own: not to be taken for the verb
# when the tagger says ADJ (verkeren -> verkeerd 'wrong', beraden, behouden, bekennen -> bekend).
ADJECTIVE_HOMOGRAPHS = frozenset({
    "verkeerd", "verkeerde", "bekend", "bekende", "gewend", "gewende", "geleden", "gelegen", "verloren",
    "beraden", "behouden", "betroffen", "bezeten", "verlegen", "geleerd", "geleerde", "beleefd",
    "beleefde", "geschikt", "geschikte", "gepast", "gepaste", "verdacht", "verdachte", "vervallen",
    "gezet", "gezette", "gegrond", "gegronde", "bedreven", "ervaren", "gemiddeld", "gemiddelde",
    "gewenst", "gewenste",
})


def split_forms(infinitive: str) -> tuple[str, set[str]] | None:
    """(particle, finite forms of the verb part) for a separable verb: voert ... uit."""
    word = infinitive.strip().lower()
    if not _could_be_infinitive(word):
        return None
    conjugation = _conjugate(word)
    if not conjugation.particle or not conjugation.certain or word in _INSEPARABLE_WORDS:
        return None
    return conjugation.particle, conjugation.present | conjugation.past


def te_infinitive(infinitive: str) -> str:
    """'te verlenen', 'uit te voeren'."""
    word = infinitive.strip().lower()
    split = split_forms(word)
    if split is None:
        return f"te {word}"
    particle = split[0]
    return f"{particle} te {word[len(particle):]}"


def _strong_form(word: str) -> bool:
    """A past or participle of a table verb, perhaps with a prefix: verkregen, gelegen, gevallen."""
    for infinitive, (_, past, participles) in _table().items():
        for form in past | participles:
            if form == infinitive:
                continue
            if word == form:
                return True
            if word.endswith(form) and word[: -len(form)] in _PARTICLES:
                return True
            core = form[2:] if form.startswith("ge") else form
            if word.endswith(core) and word[: -len(core)] in _PREFIXES + tuple(_AMBIGUOUS):
                return True
    return False


@lru_cache(maxsize=4096)
def is_verb(word: str) -> bool:
    """Is this word (lowercase) an infinitive, on the evidence of the tables and the foreign -eren?

    Careful on purpose: 'indien', 'gelegen', 'verkregen', 'levensmiddelen' are not verbs.
    """
    word = word.strip().lower()
    if word in _NOT_VERBS or not word.endswith("n") or " " in word:
        return False
    if _known(word):
        return True
    if not _plausible(word) or _strong_form(word):
        return False
    return _foreign(word) or (word.endswith("igen") and _syllables(word) >= 3)


def strip_particle(lemma: str, particle: str) -> str:
    """The bare verb of a lemma that holds its separable particle (UD writes 'vindt ... plaats' as
    plaatsvinden): plaatsvinden, plaats -> vinden. Other lemmas come back as they are."""
    if particle and lemma.startswith(particle) and len(lemma) > len(particle) + 2:
        return lemma[len(particle):]
    return lemma


# --------------------------------------------------------------------------- from a form back


_DOUBLE_VOWELS = ("aa", "ee", "oo", "uu")
_WEAK_ENDINGS = ("ten", "den", "te", "de", "en", "t", "d", "")


def _stems_to_infinitives(stem: str) -> set[str]:
    """Infinitives a present stem can come from: maak -> maken, zet -> zetten, leef -> leven."""
    out = {stem + "en", stem + "n"} if stem.endswith(tuple(_VOWELS)) else {stem + "en"}
    bases = {stem}
    if stem[-3:-1] in _DOUBLE_VOWELS and stem[-1] not in _VOWELS:
        bases.add(stem[:-2] + stem[-1])  # maak -> mak(en), realiseer -> realiser(en)
    for base in list(bases):
        if base.endswith("f"):
            bases.add(base[:-1] + "v")
        elif base.endswith("s"):
            bases.add(base[:-1] + "z")
    for base in bases:
        out.add(base + "en")
        if base[-1:] not in _VOWELS and base[-2:-1] in tuple(_VOWELS) and base[-3:-2] not in tuple(_VOWELS):
            out.add(base + base[-1] + "en")  # zet -> zetten
    return out


@lru_cache(maxsize=8192)
def infinitive_candidates(form: str) -> frozenset[str]:
    """Infinitives whose forms include this one (lowercase, one word), checked against verb_forms:
    getraind -> trainen, lachte -> lachen, inzet -> inzetten, thuisgebleven -> thuisblijven,
    bekendgemaakt -> bekendmaken. Which of them is the verb is for the caller (word frequency)."""
    word = form.lower()
    found: set[str] = set()
    for infinitive, (present, past, participles) in _table().items():  # strong and irregular verbs
        for known_form in past | participles | (present or set()):
            if word.endswith(known_form) and word[: len(word) - len(known_form)] in ("",) + _PARTICLES:
                found.add(word[: len(word) - len(known_form)] + infinitive)
            core = known_form[2:] if known_form.startswith("ge") else known_form
            if core != known_form and word.endswith(core) and word[: len(word) - len(core)] in _PREFIXES:
                found.add(word[: len(word) - len(core)] + infinitive)
    stems = set()
    for ending in _WEAK_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)] if ending else word
        if len(stem) < 2:
            continue
        stems.add(stem)
        if stem.startswith("ge") and len(stem) > 4:
            stems.add(_without_ge(stem, ""))
        for particle in _PARTICLES:
            if stem.startswith(particle + "ge") and len(stem) > len(particle) + 4:
                stems.add(particle + _without_ge(stem[len(particle):], particle))
    for stem in stems:
        found.update(_stems_to_infinitives(stem))
    return frozenset(c for c in found if word in verb_forms(c))


_ADJECTIVE_ENDINGS = ("ere", "ste", "er", "st", "e")


@lru_cache(maxsize=8192)
def adjective_candidates(form: str) -> frozenset[str]:
    """Base forms an inflected or compared adjective can come from: gezonde -> gezond,
    zeldzame -> zeldzaam, rappe -> rap, lieve -> lief, trager -> traag (unchecked: the caller
    keeps the ones that are words)."""
    word = form.lower()
    found: set[str] = set()
    for ending in _ADJECTIVE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        variants = {stem}
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            variants.add(stem[:-1])  # rappe -> rap
        if stem[-1:] not in _VOWELS and stem[-2:-1] in tuple("aeou") and stem[-3:-2] not in tuple(_VOWELS):
            variants.add(stem[:-1] + stem[-2] + stem[-1])  # zeldzame -> zeldzaam
        for variant in list(variants):
            if variant.endswith("v"):
                variants.add(variant[:-1] + "f")
            elif variant.endswith("z"):
                variants.add(variant[:-1] + "s")
        found.update(variants)
    found.discard(word)
    return frozenset(found)
