"""Snelle controles op corpora/: bestaan en openen alle documenten uit corpora/README.md, kloppen
de verwachtingen in corpora/verwacht/ en is corpora/gold/zinnen.jsonl geldig?

Deze tests controleren het testmateriaal zelf, niet de checker: als iemand een document weghaalt,
een PDF opnieuw bouwt zonder afbreekstreepjes of een gold-zin kapotmaakt, gaat het hier mis.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
EXTENSIES = ("docx", "pdf", "txt", "md")
REGEL_IDS = {
    "lange-zin", "lange-alinea", "lijdende-vorm", "ambtelijke-taal", "moeilijk-woord", "naamwoordstijl",
    "tangconstructie", "aanspreekvorm", "dubbele-ontkenning", "afkorting", "lange-woorden",
    "opsomming-in-zin", "juridische-verwijzing", "kernboodschap", "contactgegevens", "actie-en-termijn",
    "beslispunten", "secties",
}
GENRES = {"brief", "bestuursvoorstel", "raadsvoorstel"}


def _readme_rijen() -> list[dict]:
    """De tabelrijen van corpora/README.md met bestanden, genre en versie."""
    rijen = []
    for regel in (CORPORA / "README.md").read_text(encoding="utf-8").splitlines():
        if not regel.startswith("| `"):
            continue
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        bestanden = re.findall(r"`([^`]+)`", cellen[0])
        rijen.append({"bestanden": bestanden, "genre": cellen[1], "versie": cellen[2], "uitleg": cellen[3]})
    return rijen


RIJEN = _readme_rijen()
BESTANDEN = sorted({b for r in RIJEN for b in r["bestanden"]})


def _van_soort(ext: str) -> list[str]:
    return [b for b in BESTANDEN if b.endswith("." + ext)]


def test_readme_noemt_genoeg_documenten():
    brieven = [r for r in RIJEN if r["genre"] == "brief"]
    voorstellen = [r for r in RIJEN if r["genre"] in ("bestuursvoorstel", "raadsvoorstel")]
    assert len(brieven) >= 16, "minstens 8 brieven, elk goed en slecht"
    assert {r["versie"] for r in RIJEN} <= {"goed", "slecht"}
    assert {r["genre"] for r in RIJEN} <= GENRES
    assert all(r["uitleg"] for r in RIJEN), "elke regel zegt wat er met opzet in staat"
    assert len(_van_soort("pdf")) >= 3
    assert len(_van_soort("txt")) >= 3
    # voorstellen komen er in een tweede stap bij; als ze er zijn, dan minstens vier
    assert len(voorstellen) >= 4
    gemeenten = {yaml.safe_load((CORPORA / "verwacht" / f"{Path(r['bestanden'][0]).stem}.yaml").read_text(encoding="utf-8"))["gemeente"] for r in voorstellen}
    assert gemeenten == {"Weidevoorde", "Duinhaven"}, "voorstellen in het sjabloon van twee gemeenten"


@pytest.mark.parametrize("bestand", BESTANDEN)
def test_bestand_bestaat_en_heeft_een_bekend_formaat(bestand):
    assert bestand.rsplit(".", 1)[-1] in EXTENSIES
    pad = CORPORA / bestand
    assert pad.is_file(), f"{bestand} staat in corpora/README.md maar bestaat niet"
    assert pad.stat().st_size > 500


@pytest.mark.parametrize("bestand", _van_soort("docx"))
def test_docx_opent_met_kop_voet_en_echte_stijlen(bestand):
    import docx

    d = docx.Document(str(CORPORA / bestand))
    tekst = " ".join(p.text for p in d.paragraphs)
    assert len(tekst.split()) >= 200
    sectie = d.sections[0]
    assert "Gemeente" in " ".join(p.text for p in sectie.header.paragraphs)
    assert 'instr="PAGE"' in sectie.footer._element.xml or "PAGE" in sectie.footer._element.xml
    stijlen = {p.style.name for p in d.paragraphs}
    if "brieven/" in bestand:
        # het adresblok is één alinea met zachte regeleinden
        assert "\n" in d.paragraphs[0].text
    else:
        assert "Heading 1" in stijlen and "Heading 2" in stijlen
        koppen = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
        assert koppen[0] in ("Onderwerp", "Titel"), "huissjabloon begint met Onderwerp of Titel"
        if bestand.endswith("-goed.docx"):
            assert "List Number" in stijlen, "goede voorstellen hebben genummerde beslispunten"


def test_docx_eigenschappen_die_de_lezers_nodig_hebben():
    import docx

    met_tabel = [b for b in _van_soort("docx") if docx.Document(str(CORPORA / b)).tables]
    assert len(met_tabel) >= 2
    stijlen = set()
    for b in _van_soort("docx"):
        stijlen |= {p.style.name for p in docx.Document(str(CORPORA / b)).paragraphs}
    assert {"Heading 2", "List Bullet", "List Number"} <= stijlen


@pytest.mark.parametrize("bestand", _van_soort("pdf"))
def test_pdf_heeft_tekstlaag_en_kop_en_voet_op_elke_pagina(bestand):
    from pdfminer.high_level import extract_text

    pad = str(CORPORA / bestand)
    tekst = extract_text(pad)
    assert len(tekst.split()) >= 200
    paginas = tekst.split("\f")
    paginas = [p for p in paginas if p.strip()]
    assert len(paginas) >= 2, "elke PDF in het corpus heeft minstens twee pagina's"
    for nr, pagina in enumerate(paginas, 1):
        assert "Gemeente" in pagina
        assert f"Pagina {nr} van {len(paginas)}" in pagina


def test_pdf_met_afbreking_en_ligaturen_heeft_ze_echt():
    from pdfminer.high_level import extract_text

    tekst = extract_text(str(CORPORA / "brieven/woz-aanslag-slecht.pdf"))
    assert re.search(r"gemeente-\n\s*raad", tekst), "afbreekstreepje gemeente-⏎raad"
    assert re.search(r"WOZ-\n\s*waarde", tekst), "echt koppelteken op het regeleinde"
    assert "WOZ-waarde" in tekst and "e-mail" in tekst
    assert "\ufb01" in tekst and "\ufb03" in tekst and "\ufb00" in tekst, "ligaturen ﬁ ﬃ ﬀ"
    assert "effi ciënt" in tekst, "ligatuurgat zonder ligatuurteken"
    assert "speciﬁ eke" in tekst, "ligatuurgat na een ligatuurteken"
    assert "•" in tekst


def test_voorstellen_volgen_het_sjabloon_uit_de_verwachting():
    """Goede voorstellen hebben precies de secties van hun huissjabloon, in die volgorde."""
    import docx

    for rij in RIJEN:
        if rij["genre"] == "brief":
            continue
        naam = Path(rij["bestanden"][0]).stem
        v = yaml.safe_load((CORPORA / "verwacht" / f"{naam}.yaml").read_text(encoding="utf-8"))
        d = docx.Document(str(CORPORA / f"voorstellen/{naam}.docx"))
        koppen = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
        in_sjabloon = [k for k in koppen if k in v["sjabloon"]]
        assert set(in_sjabloon) <= set(v["sjabloon"]) and len(in_sjabloon) >= 6, naam
        if v["goed"]:
            assert in_sjabloon == v["sjabloon"], naam


@pytest.mark.parametrize("bestand", _van_soort("txt") + _van_soort("md"))
def test_tekstbestanden_zijn_leesbaar(bestand):
    data = (CORPORA / bestand).read_bytes()
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252")
        assert bestand == "brieven/betaling-herinnering-slecht.txt", f"{bestand} is geen UTF-8"
    assert len(tekst.split()) >= 200
    if bestand.endswith(".md") and "voorstellen/" in bestand:
        assert re.search(r"^# ", tekst, re.M) and re.search(r"^## ", tekst, re.M)


def test_bijzondere_coderingen_zijn_er_echt():
    cp = (CORPORA / "brieven/betaling-herinnering-slecht.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp.decode("utf-8")
    assert "€" in cp.decode("cp1252")
    bom = (CORPORA / "brieven/bijstand-toekenning-goed.txt").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf") and b"\r\n" in bom


@pytest.mark.parametrize("rij", RIJEN, ids=lambda r: r["bestanden"][0])
def test_verwachting_per_document(rij):
    naam = Path(rij["bestanden"][0]).stem
    pad = CORPORA / "verwacht" / f"{naam}.yaml"
    assert pad.is_file(), f"geen verwachting voor {naam}"
    v = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert v["genre"] == rij["genre"]
    assert v["goed"] is (rij["versie"] == "goed")
    assert sorted(v["bestanden"]) == sorted(Path(b).name for b in rij["bestanden"])
    assert set(v["moet_vinden"]) <= REGEL_IDS and set(v["geen_fout"]) <= REGEL_IDS
    if v["goed"]:
        assert v["geen_fout"] and not v["moet_vinden"]
    else:
        assert v["moet_vinden"]


def test_geen_verwachting_zonder_document():
    namen = {Path(r["bestanden"][0]).stem for r in RIJEN}
    losse = [p.stem for p in (CORPORA / "verwacht").glob("*.yaml") if p.stem not in namen]
    assert not losse, f"verwachtingen zonder regel in corpora/README.md: {losse}"


# --------------------------------------------------------------------------- gold

GOLD_VELDEN = {
    "id": str, "zin": str, "lijdende_vorm": bool, "ambtelijk": list, "naamwoordstijl": list,
    "tangconstructie": bool, "b1_eenvoudig": bool, "bron": str, "split": str,
}


def _gold() -> list[dict]:
    return [json.loads(r) for r in (CORPORA / "gold/zinnen.jsonl").read_text(encoding="utf-8").splitlines() if r.strip()]


def _span_in_zin(span: str, zin: str) -> bool:
    pos = 0
    for deel in span.split(" … "):
        i = zin.find(deel, pos)
        if i < 0:
            return False
        pos = i + len(deel)
    return True


def test_gold_is_geldig():
    zinnen = _gold()
    assert len(zinnen) >= 360
    ids = [z["id"] for z in zinnen]
    assert len(set(ids)) == len(ids), "dubbele id's"
    assert len({z["zin"] for z in zinnen}) == len(zinnen), "dubbele zinnen"
    for z in zinnen:
        for veld, soort in GOLD_VELDEN.items():
            assert isinstance(z.get(veld), soort), f"{z.get('id')}: veld {veld}"
        assert set(z) <= set(GOLD_VELDEN) | {"noot"}, z["id"]
        assert re.fullmatch(r"g\d{4}", z["id"])
        assert z["split"] in {"dev", "heldout", "heldout2"}, z["id"]
        for span in z["ambtelijk"] + z["naamwoordstijl"]:
            assert _span_in_zin(span, z["zin"]), f"{z['id']}: '{span}' staat niet in de zin"
        if z["b1_eenvoudig"]:
            assert not (z["ambtelijk"] or z["naamwoordstijl"] or z["tangconstructie"]), z["id"]


def test_gold_heeft_vaste_heldout_deel():
    # every third sentence is held out (see corpora/gold/README.md); word lists are grown on dev only
    # heldout2 is a second held-out set, written before a round of list changes: a block of its own;
    # the other sentences keep the every-third pattern, in file order
    zinnen = [z for z in _gold() if z["split"] != "heldout2"]
    assert [z["split"] for z in zinnen] == ["heldout" if i % 3 == 2 else "dev" for i in range(len(zinnen))]
    assert sum(z["split"] == "heldout2" for z in _gold()) >= 90


def test_gold_heeft_genoeg_van_elk_label():
    zinnen = _gold()
    passief = sum(z["lijdende_vorm"] for z in zinnen)
    assert passief >= 120 and len(zinnen) - passief >= 120
    assert sum(bool(z["ambtelijk"]) for z in zinnen) >= 120
    assert sum(bool(z["naamwoordstijl"]) for z in zinnen) >= 40
    assert sum(z["tangconstructie"] for z in zinnen) >= 30
    assert sum(z["b1_eenvoudig"] for z in zinnen) >= 120
