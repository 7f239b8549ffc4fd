"""Convert the UD Dutch .conllu files in ../shared/ud-dutch/ into spaCy DocBin files.

* ``train/*.conllu`` -> ``train.spacy`` and ``dev.spacy`` (every 10th sentence, counted per
  file in file order, goes to dev; deterministic).
* ``test/nl_alpino-ud-test.conllu`` -> ``test.spacy`` (measuring only, never trained or tuned on).

Harmonisation of the older (2017) train files with the current UD guidelines:
* ``flat:name`` -> ``flat``;
* possessive pronouns attached as ``det`` (zijn/haar/hun/mijn/...) -> ``PRON``,
  ``Person=N|Poss=Yes|PronType=Prs``, ``nmod:poss`` (as in the current files);
* an ``obl`` whose case marker is *door* under a head with an ``aux:pass`` dependent -> ``obl:agent``.
* ``obl:arg`` / ``expl:pv`` cannot be recovered from the old labels; those stay ``obl`` / ``expl``.
Everywhere: the ``ExtPos`` feature (only in some current files, not in the test set) is dropped;
underscores in lemmas are removed (``mee_doen`` -> ``meedoen``), empty nodes and multiword lines are
skipped, sentences that are not a single tree are dropped.

Augmentation (train split only, ``augment=True``): every sentence with subject *hij* is added once more
in the polite form *u* (see ``augment_formal_u``), because letters address the reader as *u*.
"""

from __future__ import annotations

import sys
import re
from pathlib import Path

TEST_FILE = "nl_alpino-ud-test.conllu"
DEV_EVERY = 10
SENTS_PER_DOC = 10

_POSS_PERSON = {"mijn": "1", "ons": "1", "onze": "1", "m'n": "1", "uw": "2", "jouw": "2", "je": "2",
                "zijn": "3", "haar": "3", "hun": "3", "z'n": "3", "d'r": "3"}


def read_conllu(path: Path):
    """Yield sentences as lists of 10-column rows (no comments, no empty nodes, no ranges)."""
    sent: list[list[str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                    sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                continue
            sent.append(cols)
    if sent:
        yield sent


def _is_tree(sent: list[list[str]]) -> bool:
    n = len(sent)
    heads = []
    for i, cols in enumerate(sent, 1):
        if cols[0] != str(i) or not cols[6].isdigit():
            return False
        heads.append(int(cols[6]))
    if sum(1 for h in heads if h == 0) != 1 or any(h > n for h in heads):
        return False
    for i in range(1, n + 1):  # every token must reach the root without a cycle
        seen, j = set(), i
        while j != 0:
            if j in seen:
                return False
            seen.add(j)
            j = heads[j - 1]
    return True


def harmonise(sent: list[list[str]], old: bool, restructure: bool = True) -> list[list[str]]:
    sent = [list(c) for c in sent]
    for cols in sent:
        if cols[5] != "_":
            feats = [f for f in cols[5].split("|") if not f.startswith("ExtPos=")]
            cols[5] = "|".join(feats) or "_"
        if cols[2] not in ("_", "") and "_" in cols[2] and cols[1] != cols[2]:
            cols[2] = cols[2].replace("_", "")
        if cols[7] == "root" and cols[6] != "0":
            cols[7] = "dep"
    if not old:
        return sent
    has_pass = {int(c[6]) for c in sent if c[7] == "aux:pass"}
    for i, cols in enumerate(sent, 1):
        if cols[7] == "flat:name":
            cols[7] = "flat"
        low = cols[1].lower()
        head = int(cols[6])
        if cols[7] == "det" and cols[3] in ("DET", "PRON") and low in _POSS_PERSON and head and sent[head - 1][3] in ("NOUN", "PROPN", "ADJ", "NUM"):
            cols[3] = "PRON"
            cols[5] = f"Person={_POSS_PERSON[low]}|Poss=Yes|PronType=Prs"
            cols[7] = "nmod:poss"
        if cols[7] == "obl" and head in has_pass:
            if any(c[7] == "case" and c[6] == str(i) and c[1].lower() == "door" for c in sent):
                cols[7] = "obl:agent"
    if restructure:
        backup = [list(c) for c in sent]
        attach_like_ud2(sent)
        restructure_2017(sent)
        if not _is_tree(sent):  # a transformation that breaks the tree is undone
            return backup
    return sent


# Dependents that belong to a nominal or adjectival predicate itself, not to its clause.
_PHRASE_INTERNAL = {"det", "amod", "nmod", "nmod:poss", "case", "nummod", "compound", "compound:prt", "flat",
                    "fixed", "appos", "acl", "acl:relcl", "clf", "advmod"}
_ORDINAL_WORD = re.compile(r"^(\d+(e|ste|de)|eerst|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
                           r"tiende|elfde|twaalfde|\w+(tiende|tigste|ste|de))$", re.IGNORECASE)
_MODALS_AS_AUX = {"moeten"}          # 2017: head with an xcomp infinitive; now: aux of the infinitive
_VERBS_AS_HEAD = {"laten", "willen", "gaan"}  # 2017: aux; now: a main verb with the infinitive as xcomp
_WORDEN = {"worden", "word", "wordt", "werd", "werden", "geworden"}


_PAIRED = {"(": ")", "[": "]", "„": "”", "“": "”", "‘": "’", "«": "»", ",,": "''"}
_SYMMETRIC_QUOTES = {'"', "'"}
_CLAUSE_JOINING = {"conj", "parataxis", "appos"}


def _heads0(sent) -> list[int]:
    return [int(c[6]) - 1 for c in sent]  # 0-based, -1 for the root


def _is_ancestor(heads: list[int], ancestor: int, node: int) -> bool:
    while node != -1:
        node = heads[node]
        if node == ancestor:
            return True
    return False


def _crosses(heads: list[int], dep: int, head: int) -> bool:
    """Whether the arc dep-head would cross another arc of the tree (the root arc aside)."""
    a, b = sorted((dep, head))
    for x, hx in enumerate(heads):
        if x == dep or hx == -1:
            continue
        c, d = sorted((x, hx))
        if a < c < b < d or c < a < d < b:
            return True
    return False


def _span_head(heads: list[int], start: int, end: int) -> int | None:
    """The first token of start..end (inclusive) whose head lies outside that span."""
    for j in range(start, end + 1):
        if not start <= heads[j] <= end:
            return j
    return None


def _punct_head(sent, heads: list[int], i: int) -> int | None:
    """Where UD 2 attaches the punctuation mark at i: to the highest node of the phrase or clause it
    delimits (after udapi's ud.FixPunct): climb from the words left and right of it while the parent
    stays on the same side, then take the lower of the two (or the right one when it starts a conjunct)."""
    n = len(sent)
    left = i - 1
    while left >= 0 and sent[left][3] == "PUNCT":
        left -= 1
    right = i + 1
    while right < n and sent[right][3] == "PUNCT":
        right += 1
    left = left if left >= 0 else None
    right = right if right < n else None
    if left is not None:
        while heads[left] != -1 and heads[left] < i:
            left = heads[left]
    if right is not None:
        while heads[right] != -1 and heads[right] > i:
            right = heads[right]
    if left is None or right is None:
        first = left if right is None else right
        return first
    if _is_ancestor(heads, left, right):
        first, second = right, left
    elif _is_ancestor(heads, right, left):
        first, second = left, right
    elif sent[right][7] in _CLAUSE_JOINING:
        first, second = right, left
    else:
        first, second = left, right
    for candidate in (first, second):
        if not _crosses(heads, i, candidate):
            return candidate
    return None


def _move_coordinators(sent, heads: list[int], done: list[str]) -> None:
    for i, cols in enumerate(sent):
        if cols[7] != "cc" or heads[i] == -1 or heads[i] > i:
            continue
        later_conjuncts = [j for j in _children(sent, heads[i], {"conj"}) if j > i]
        if later_conjuncts and not _crosses(heads, i, later_conjuncts[0]):
            cols[6] = str(later_conjuncts[0] + 1)
            heads[i] = later_conjuncts[0]
            done.append("cc -> following conjunct")


def attach_like_ud2(sent: list[list[str]]) -> list[str]:
    """Move coordinators and punctuation to where UD 2 attaches them; returns what was changed.

    The 2017 files attach a coordinator (*en*, *of*) to the first conjunct (UD 1); UD 2 and the current
    files attach it to the conjunct that follows it. The 2017 LassySmall file attaches nearly all
    punctuation to the root of the sentence; the current files attach it to the phrase or clause it
    delimits (a comma before a conjunct to that conjunct, brackets and quotes to the head of what they
    enclose)."""
    done = []
    heads = _heads0(sent)
    _move_coordinators(sent, heads, done)
    root = heads.index(-1) if -1 in heads else None
    movable = [i for i, c in enumerate(sent) if c[7] == "punct" and heads[i] == root and i != root
               and not sent[i][1] in _PAIRED.values()]
    paired_done = set()
    for i in movable:
        form = sent[i][1]
        closing = _PAIRED.get(form) or (form if form in _SYMMETRIC_QUOTES else None)
        if closing is None or i in paired_done:
            continue
        end = next((k for k in range(i + 1, len(sent)) if sent[k][1] == closing), None)
        if end is None or end == i + 1:
            continue
        head = _span_head(heads, i + 1, end - 1)
        if head is None:
            continue
        for k in (i, end):
            if heads[k] == root and not _crosses(heads, k, head):
                sent[k][6] = str(head + 1)
                heads[k] = head
                done.append("paired punct -> head of what it encloses")
            paired_done.add(k)
    for i in movable:
        if i in paired_done or heads[i] != root:
            continue
        head = _punct_head(sent, heads, i)
        if head is not None and head != heads[i]:
            sent[i][6] = str(head + 1)
            heads[i] = head
            done.append("punct -> the phrase it delimits")
    _move_coordinators(sent, heads, done)  # again: those that root-attached punctuation blocked
    return done


def _children(sent, head: int, labels=None):
    return [j for j, c in enumerate(sent) if c[6] == str(head + 1) and (labels is None or c[7] in labels)]


def _promote(sent, new_head: int, old_head: int, new_label_of_old: str, move=None) -> None:
    """Make ``new_head`` take the place of ``old_head`` (its head and relation) and hang ``old_head``
    under it as ``new_label_of_old``; the dependents of ``old_head`` that ``move`` accepts (all when
    ``move`` is None) move to ``new_head``."""
    sent[new_head][6], sent[new_head][7] = sent[old_head][6], sent[old_head][7]
    for j in _children(sent, old_head):
        if j != new_head and (move is None or move(j)):
            sent[j][6] = str(new_head + 1)
    sent[old_head][6], sent[old_head][7] = str(new_head + 1), new_label_of_old


# Dependents that belong to the clause (and so to its verb) rather than to a predicate or an infinitive.
_CLAUSE_LEVEL = {"nsubj", "nsubj:pass", "csubj", "aux", "aux:pass", "punct", "cc", "advcl", "parataxis",
                 "discourse", "vocative", "expl"}


def _has_infinitive_aux(sent, head: int) -> bool:
    """A participle with an infinitive auxiliary: (moet ...) worden opgenomen, zijn vertegenwoordigd."""
    return "VerbForm=Part" in sent[head][5] and any(
        "VerbForm=Inf" in sent[j][5] for j in _children(sent, head, {"aux", "aux:pass"}))


def restructure_2017(sent: list[list[str]]) -> list[str]:
    """Apply the UD Dutch changes since 2017 that move heads; returns what was changed.

    * *worden* as ``cop`` of a participle: a passive, now ``aux:pass`` (subject ``nsubj:pass``);
    * copular *worden* with a nominal or adjectival predicate, and every other 2017 copula but *zijn*
      (*blijven*, *lijken*, *heten*, *staan*, *blijken*, ...): now the main verb (VERB) with the
      predicate as xcomp;
    * *moeten* + infinitive (also a passive one: *moet worden opgenomen*): was the head with an xcomp,
      now AUX ``aux`` of the infinitive (or participle);
    * *laten*, *willen*, *gaan* + infinitive: were ``aux``, now main verbs (VERB) with the infinitive as xcomp.
    """
    done = []
    for i, cols in enumerate(sent):
        if cols[7] != "cop" or (cols[2] == "zijn" and cols[1].lower() not in _WORDEN):
            continue  # only zijn is a copula now; worden, blijven, lijken, heten, ... are main verbs
        pred = int(cols[6]) - 1
        if pred < 0:
            continue
        worden = cols[1].lower() in _WORDEN
        if worden and sent[pred][3] == "VERB" and "VerbForm=Part" in sent[pred][5]:
            cols[7] = "aux:pass"
            for j in _children(sent, pred, {"nsubj"}):
                sent[j][7] = "nsubj:pass"
            done.append("worden cop of a participle -> aux:pass")
            continue

        def clause_level(j, pred=pred):
            label = sent[j][7]
            return label in _CLAUSE_LEVEL or label == "mark" or (label in ("obl", "obl:agent") and j < pred)

        _promote(sent, i, pred, "xcomp", move=clause_level)
        cols[3] = "VERB"
        done.append("worden cop -> VERB + xcomp" if worden else "other cop -> VERB + xcomp")
    for i, cols in enumerate(sent):
        if cols[2] in _MODALS_AS_AUX and cols[3] == "VERB":
            infinitives = [j for j in _children(sent, i, {"xcomp"}) if sent[j][3] in ("VERB", "AUX")
                           and ("VerbForm=Inf" in sent[j][5] or _has_infinitive_aux(sent, j))]
            if len(infinitives) != 1:
                continue
            _promote(sent, infinitives[0], i, "aux")
            cols[3] = "AUX"
            done.append("moeten head -> AUX aux")
    for i, cols in enumerate(sent):
        if cols[2] in _VERBS_AS_HEAD and cols[7] == "aux":
            verb = int(cols[6]) - 1
            if verb < 0 or sent[verb][3] not in ("VERB", "AUX"):
                continue

            def clause_level(j, i=i):
                label = sent[j][7]
                if label == "mark" and sent[j][1].lower() == "te":
                    return j == i - 1  # the te of laten/willen itself, not that of the infinitive
                return label in _CLAUSE_LEVEL or label == "mark"

            _promote(sent, i, verb, "xcomp", move=clause_level)
            cols[3] = "VERB"
            done.append(f"{cols[2]} aux -> VERB + xcomp")
    passive_heads = {c[6] for c in sent if c[7] == "aux:pass"}
    for i, cols in enumerate(sent):
        if cols[7] == "nsubj" and cols[6] in passive_heads:
            cols[7] = "nsubj:pass"  # 2017 often left subjects of passive relative clauses plain nsubj
            done.append("nsubj of a passive -> nsubj:pass")
    for cols in sent:
        low = cols[1].lower()
        if low in ("vele", "meeste") and cols[3] == "PRON" and cols[7] == "nmod":
            cols[3], cols[5], cols[7] = "ADV", "_", "amod"
            done.append("vele/meeste -> ADV amod")
        elif low == "er" and cols[7] == "expl" and cols[3] == "ADV":
            cols[3] = "PRON"
            done.append("expletive er -> PRON")
        elif low == "als" and cols[3] == "ADP" and cols[7] == "mark":
            cols[3] = "SCONJ"
            done.append("als ADP -> SCONJ")
        elif low == "zowel" and cols[7] == "cc":
            cols[3], cols[7] = "CCONJ", "cc:preconj"
            done.append("zowel -> CCONJ cc:preconj")
        elif cols[3] == "NUM" and _ORDINAL_WORD.match(cols[1]):
            cols[3], cols[5] = "ADJ", "_"
            if cols[7] == "nummod":
                cols[7] = "amod"
            done.append("ordinal NUM -> ADJ")
    return done


_U_VERB = {"kan": "kunt", "zal": "zult", "wil": "wilt", "is": "bent"}
_FEATS_U_NOM = "Case=Nom|Person=2|PronType=Prs"
_FEATS_UW = "Person=2|Poss=Yes|PronType=Prs"


def _recase(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def augment_formal_u(sent: list[list[str]]) -> list[list[str]] | None:
    """A copy of a sentence with subject *hij* in the polite form *u* (letters address the reader so).

    The treebanks hardly contain *u*/*uw*/*kunt u*, which official letters are full of. The copy
    replaces subject *hij* by *u*, its present-tense finite verb by the 2nd-person form where that
    differs (kan->kunt, zal->zult, wil->wilt, is->bent) and possessive *zijn*/*haar* by *uw*. Syntax
    and all other annotation stay as they are.
    """
    subjects = [i for i, c in enumerate(sent) if c[1].lower() == "hij" and c[7] in ("nsubj", "nsubj:pass")]
    if not subjects:
        return None
    new = [list(c) for c in sent]
    for i in subjects:
        cols = new[i]
        cols[1] = _recase("u", cols[1])
        cols[2] = "u"
        cols[4] = "_"  # the Alpino tag of hij does not fit u; left unknown (no loss for the tagger)
        cols[5] = _FEATS_U_NOM
        head = int(cols[6])
        if not head:
            continue
        others = [j for j, c in enumerate(new) if c[6] == str(head) and c[7].startswith("nsubj") and j != i]
        if others:
            continue
        verbs = [head - 1] + [j for j, c in enumerate(new) if c[6] == str(head) and c[7] in ("aux", "aux:pass", "cop")]
        for j in verbs:
            v = new[j]
            if "VerbForm=Fin" in v[5] and "Tense=Pres" in v[5] and v[1].lower() in _U_VERB:
                v[1] = _recase(_U_VERB[v[1].lower()], v[1])
                v[4] = "_"
    for cols in new:
        if cols[7] == "nmod:poss" and cols[1].lower() in ("zijn", "haar", "z'n"):
            cols[1] = _recase("uw", cols[1])
            cols[2] = "uw"
            cols[4] = "_"
            cols[5] = _FEATS_UW
    return new


def sent_to_arrays(sent: list[list[str]]):
    words, spaces, pos, tags, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    for cols in sent:
        words.append(cols[1])
        spaces.append("SpaceAfter=No" not in cols[9])
        pos.append(cols[3])
        tags.append(cols[4] if cols[4] != "_" else "")
        morphs.append(cols[5] if cols[5] != "_" else "")
        lemmas.append(cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1])
        heads.append(int(cols[6]))
        deps.append(cols[7])
    return words, spaces, pos, tags, morphs, lemmas, heads, deps


def sentences_to_docs(vocab, sents, per_doc: int = SENTS_PER_DOC):
    from spacy.tokens import Doc

    docs = []
    for start in range(0, len(sents), per_doc):
        group = sents[start:start + per_doc]
        words, spaces, pos, tags, morphs, lemmas, heads, deps, sent_starts = [], [], [], [], [], [], [], [], []
        for sent in group:
            w, s, p, t, m, l, h, d = sent_to_arrays(sent)
            offset = len(words)
            s[-1] = True
            words += w; spaces += s; pos += p; tags += t; morphs += m; lemmas += l; deps += d
            heads += [offset + (x - 1) if x else offset + i for i, x in enumerate(h)]
            sent_starts += [True] + [False] * (len(w) - 1)
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, morphs=morphs,
                  lemmas=lemmas, heads=heads, deps=deps)
        docs.append(doc)
    return docs


def load_split(ud_dir: Path, augment: bool = False, dev_from: str = "all", upsample_current: int = 1,
               include_old: bool = True, teacher: str | None = None):
    """Train, dev and test sentences.

    ``dev_from="current"`` holds out dev sentences from the current-scheme files only, so model selection
    rewards the labels the test set uses; the 2017 files then all go to train. ``upsample_current`` repeats
    the current-scheme train sentences (their labels match the current guidelines; the 2017 labels only
    partly). ``include_old=False`` trains on the current-scheme files alone.
    """
    train, dev = [], []
    dropped = 0
    for path in sorted((ud_dir / "train").glob("*.conllu")):
        old = ".2017" in path.name
        if old and not include_old:
            continue
        repeat = 1 if old else upsample_current
        sents = []
        for sent in read_conllu(path):
            if not _is_tree(sent):
                dropped += 1
                sents.append(None)
                continue
            sents.append(harmonise(sent, old))
        if old and teacher:
            from directduidelijk.language.training.relabel import relabel_old_files

            relabelled = iter(relabel_old_files([s for s in sents if s is not None], teacher))
            sents = [None if s is None else next(relabelled) for s in sents]
        for n, sent in enumerate(sents):
            if sent is None:
                continue
            held_out = n % DEV_EVERY == DEV_EVERY - 1 and (dev_from == "all" or not old)
            if held_out:
                dev.append(sent)
                continue
            extra = augment_formal_u(sent) if augment else None
            for _ in range(repeat):
                train.append(sent)
                if extra is not None:
                    train.append(extra)
    test = [harmonise(s, False) for s in read_conllu(ud_dir / "test" / TEST_FILE)]
    return train, dev, test, dropped


def _interleave_copies(sents: list) -> list:
    """Spread repeated sentences over different documents (a document groups 10 sentences)."""
    import random

    order = list(range(len(sents)))
    random.Random(13).shuffle(order)
    return [sents[i] for i in order]


def convert(shared: Path, out_dir: Path, augment: bool = True, dev_from: str = "all",
            upsample_current: int = 1, include_old: bool = True, teacher: str | None = None) -> dict:
    import spacy
    from spacy.tokens import DocBin

    ud_dir = shared / "ud-dutch"
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    train, dev, test, dropped = load_split(ud_dir, augment=augment, dev_from=dev_from,
                                           upsample_current=upsample_current, include_old=include_old,
                                           teacher=teacher)
    if upsample_current > 1:
        train = _interleave_copies(train)
    stats = {"dropped_not_a_tree": dropped, "dev_from": dev_from, "upsample_current": upsample_current,
             "include_old": include_old, "teacher": teacher}
    for name, sents in (("train", train), ("dev", dev), ("test", test)):
        docs = sentences_to_docs(nlp.vocab, sents)
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
        stats[name] = {"sentences": len(sents), "tokens": sum(len(s) for s in sents)}
    print(stats, file=sys.stderr)
    return stats
