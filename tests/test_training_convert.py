"""The UD conversion for training: harmonising the 2017 files with the current UD Dutch scheme.

These run on small sentences written here (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

from directduidelijk.language.training.convert import _crosses, _is_tree, harmonise, load_split, restructure_2017
from directduidelijk.language.training.relabel import relabel


def rows(text: str) -> list[list[str]]:
    """'id form lemma upos feats head deprel' per line -> 10-column conllu rows."""
    out = []
    for line in text.strip().splitlines():
        i, form, lemma, upos, feats, head, dep = line.split()
        out.append([i, form, lemma, upos, "_", feats, head, dep, "_", "_"])
    return out


def by_form(sent):
    return {c[1]: c for c in sent}


def test_copular_worden_becomes_main_verb_with_xcomp():
    sent = rows("""
        1 Hij hij PRON Case=Nom 3 nsubj
        2 werd worden AUX _ 3 cop
        3 ziek ziek ADJ Degree=Pos 0 root
        4 . . PUNCT _ 3 punct""")
    new = harmonise(sent, old=True)
    t = by_form(new)
    assert (t["werd"][3], t["werd"][6], t["werd"][7]) == ("VERB", "0", "root")
    assert (t["ziek"][6], t["ziek"][7]) == ("2", "xcomp")
    assert t["Hij"][6] == "2" and t["."][6] == "2"
    assert _is_tree(new)


def test_worden_cop_of_a_participle_is_a_passive():
    sent = rows("""
        1 De de DET _ 2 det
        2 commissie commissie NOUN _ 4 nsubj
        3 werd worden AUX _ 4 cop
        4 omgevormd omvormen VERB VerbForm=Part 0 root""")
    t = by_form(harmonise(sent, old=True))
    assert t["werd"][7] == "aux:pass" and t["werd"][6] == "4"
    assert t["commissie"][7] == "nsubj:pass"


def test_moeten_becomes_auxiliary_of_its_infinitive():
    sent = rows("""
        1 U u PRON Case=Nom 2 nsubj
        2 moet moeten VERB VerbForm=Fin 0 root
        3 betalen betalen VERB VerbForm=Inf 2 xcomp
        4 . . PUNCT _ 2 punct""")
    t = by_form(harmonise(sent, old=True))
    assert (t["moet"][3], t["moet"][6], t["moet"][7]) == ("AUX", "3", "aux")
    assert (t["betalen"][6], t["betalen"][7]) == ("0", "root")
    assert t["U"][6] == "3"


def test_laten_becomes_main_verb_and_keeps_the_te_of_the_infinitive_apart():
    sent = rows("""
        1 om om SCONJ _ 6 mark
        2 te te ADP _ 6 mark
        3 laten laten AUX VerbForm=Inf 6 aux
        4 water water NOUN _ 6 obj
        5 te te ADP _ 6 mark
        6 geven geven VERB VerbForm=Inf 0 root""")
    t = by_form(harmonise(sent, old=True))
    assert (t["laten"][3], t["laten"][6], t["laten"][7]) == ("VERB", "0", "root")
    assert (t["geven"][6], t["geven"][7]) == ("3", "xcomp")
    assert t["om"][6] == "3"
    marks = [c for c in harmonise(sent, old=True) if c[1] == "te"]
    assert [m[6] for m in marks] == ["3", "6"]
    assert t["water"][6] == "6"


def test_ordinals_als_and_zowel_get_the_current_tags():
    sent = rows("""
        1 zowel zowel ADV _ 3 cc
        2 als als ADP _ 3 mark
        3 eerste één NUM _ 4 nummod
        4 keer keer NOUN _ 0 root""")
    t = by_form(harmonise(sent, old=True))
    assert (t["zowel"][3], t["zowel"][7]) == ("CCONJ", "cc:preconj")
    assert t["als"][3] == "SCONJ"
    assert (t["eerste"][3], t["eerste"][7]) == ("ADJ", "amod")


def test_current_files_are_left_as_they_are():
    sent = rows("""
        1 Hij hij PRON _ 3 nsubj
        2 werd worden AUX _ 3 cop
        3 ziek ziek ADJ _ 0 root""")
    assert harmonise(sent, old=False)[1][7] == "cop"
    assert restructure_2017([list(c) for c in sent]) == ["worden cop -> VERB + xcomp"]


def test_relabel_takes_a_refined_label_only_where_the_teacher_agrees_on_the_head():
    sent = rows("""
        1 Hij hij PRON _ 2 nsubj
        2 wacht wachten VERB _ 0 root
        3 op op ADP _ 4 case
        4 antwoord antwoord NOUN _ 2 obl
        5 zich zich PRON _ 2 obj""")
    # teacher: (head index or -1, label, pos, morph) per token
    agrees = [(1, "nsubj", "PRON", ""), (-1, "ROOT", "VERB", ""), (3, "case", "ADP", ""),
              (1, "obl:arg", "NOUN", ""), (1, "expl:pv", "PRON", "")]
    new, changes = relabel([sent], [agrees])
    assert new[0][3][7] == "obl:arg" and new[0][4][7] == "expl:pv"
    other_head = list(agrees)
    other_head[3] = (0, "obl:arg", "NOUN", "")
    new, _ = relabel([sent], [other_head])
    assert new[0][3][7] == "obl"


def test_dev_split_from_current_files_only(tmp_path: Path):
    (tmp_path / "train").mkdir()
    (tmp_path / "test").mkdir()
    sentence = "1\tJa\tja\tINTJ\t_\t_\t0\troot\t_\t_\n\n"
    (tmp_path / "train" / "nl_x-ud-dev.conllu").write_text(sentence * 20, encoding="utf-8")
    (tmp_path / "train" / "nl_x-ud-train.2017-old.conllu").write_text(sentence * 20, encoding="utf-8")
    (tmp_path / "test" / "nl_alpino-ud-test.conllu").write_text(sentence, encoding="utf-8")
    train, dev, test, _ = load_split(tmp_path, dev_from="current", upsample_current=2)
    assert len(dev) == 2                 # every 10th of the current file only
    assert len(train) == 18 * 2 + 20     # current sentences twice, all 2017 sentences once
    train, dev, _, _ = load_split(tmp_path, dev_from="all")
    assert len(dev) == 4 and len(train) == 36


def test_coordinator_moves_to_the_conjunct_that_follows_it():
    # 2017 (UD 1): 'en' hangs under the first conjunct; UD 2: under the conjunct after it
    sent = rows("""
        1 Wij wij PRON Case=Nom 2 nsubj
        2 bellen bellen VERB VerbForm=Fin 0 root
        3 en en CCONJ _ 2 cc
        4 schrijven schrijven VERB VerbForm=Fin 2 conj
        5 u u PRON _ 4 obj
        6 . . PUNCT _ 2 punct""")
    t = by_form(harmonise(sent, old=True))
    assert t["en"][6] == "4"
    assert t["."][6] == "2"


def test_root_attached_punctuation_moves_to_the_phrase_it_delimits():
    # the 2017 LassySmall file hangs every punctuation mark under the root
    sent = rows("""
        1 Als als SCONJ _ 3 mark
        2 u u PRON Case=Nom 3 nsubj
        3 verhuist verhuizen VERB VerbForm=Fin 6 advcl
        4 , , PUNCT _ 6 punct
        5 dan dan ADV _ 6 advmod
        6 geeft geven VERB VerbForm=Fin 0 root
        7 u u PRON Case=Nom 6 nsubj
        8 uw uw PRON Poss=Yes 9 nmod:poss
        9 adres adres NOUN _ 6 obj
        10 , , PUNCT _ 6 punct
        11 naam naam NOUN _ 9 conj
        12 en en CCONJ _ 9 cc
        13 ( ( PUNCT _ 6 punct
        14 nieuwe nieuw ADJ _ 15 amod
        15 woning woning NOUN _ 9 conj
        16 ) ) PUNCT _ 6 punct
        17 door door ADP _ 6 compound:prt
        18 . . PUNCT _ 6 punct""")
    new = harmonise(sent, old=True)
    heads = {i: c[6] for i, c in enumerate(new, 1)}
    assert heads[4] == "3"             # the comma closes the subordinate clause
    assert heads[10] == "11"           # a comma before a conjunct hangs under that conjunct
    assert heads[12] == "15"           # so does the coordinator (after the brackets)
    assert heads[13] == heads[16] == "15"  # brackets hang under the head of what they enclose
    assert heads[18] == "6"            # the full stop stays with the root
    assert _is_tree(new)


def test_moved_punctuation_never_crosses_another_arc():
    # a parenthetical clause: "Hij kwam, zei ze, gisteren."
    sent = rows("""
        1 Hij hij PRON Case=Nom 2 nsubj
        2 kwam komen VERB VerbForm=Fin 0 root
        3 , , PUNCT _ 2 punct
        4 zei zeggen VERB VerbForm=Fin 2 parataxis
        5 ze zij PRON Case=Nom 4 nsubj
        6 , , PUNCT _ 2 punct
        7 gisteren gisteren ADV _ 2 advmod
        8 . . PUNCT _ 2 punct""")
    new = harmonise(sent, old=True)
    heads = [int(c[6]) - 1 for c in new]
    assert heads[2] == 3               # the comma opens the parataxis
    assert heads[7] == 1               # the full stop stays with the root
    for i, head in enumerate(heads):
        if new[i][7] == "punct":
            assert not _crosses(heads, i, head)
    assert _is_tree(new)


def test_copulas_other_than_zijn_become_main_verbs_and_gaan_heads_its_infinitive():
    sent = rows("""
        1 Het het PRON _ 3 nsubj
        2 blijft blijven VERB VerbForm=Fin 3 cop
        3 rustig rustig ADJ Degree=Pos 0 root
        4 . . PUNCT _ 3 punct""")
    t = by_form(harmonise(sent, old=True))
    assert (t["blijft"][3], t["blijft"][6], t["blijft"][7]) == ("VERB", "0", "root")
    assert (t["rustig"][6], t["rustig"][7]) == ("2", "xcomp")
    sent = rows("""
        1 Het het PRON _ 3 nsubj
        2 is zijn AUX VerbForm=Fin 3 cop
        3 rustig rustig ADJ Degree=Pos 0 root""")
    assert by_form(harmonise(sent, old=True))["is"][7] == "cop"   # zijn stays the copula
    sent = rows("""
        1 Wij wij PRON Case=Nom 3 nsubj
        2 gaan gaan AUX VerbForm=Fin 3 aux
        3 verhuizen verhuizen VERB VerbForm=Inf 0 root""")
    t = by_form(harmonise(sent, old=True))
    assert (t["gaan"][3], t["gaan"][7]) == ("VERB", "root")
    assert (t["verhuizen"][6], t["verhuizen"][7]) == ("2", "xcomp")


def test_moeten_with_a_passive_infinitive_becomes_its_auxiliary():
    sent = rows("""
        1 Het het PRON _ 2 nsubj:pass
        2 moet moeten VERB VerbForm=Fin 0 root
        3 worden worden AUX VerbForm=Inf 4 aux:pass
        4 betaald betalen VERB VerbForm=Part 2 xcomp""")
    t = by_form(harmonise(sent, old=True))
    assert (t["moet"][3], t["moet"][6], t["moet"][7]) == ("AUX", "4", "aux")
    assert (t["betaald"][6], t["betaald"][7]) == ("0", "root")
    assert t["Het"][6] == "4"
