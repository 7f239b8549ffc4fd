"""Bouwt de .docx-, .pdf- en afgeleide .txt-bestanden van corpora/ opnieuw op uit de .md-bronnen.

Gebruik (alleen voor ontwikkelaars; de gebouwde bestanden staan in git):

    pip install python-docx reportlab
    python corpora/tools/make_corpora.py            # alles opnieuw bouwen
    python corpora/tools/make_corpora.py --check    # bouwen in een tijdelijke map en vergelijken

De bron van elk document is het Markdown-bestand ernaast (corpora/brieven/*.md,
corpora/voorstellen/*.md). Dit script voegt toe wat een echte gemeentebrief heeft: een
kop- en voettekst met de naam en de gegevens van de gemeente, echte Word-kopjes en -lijsten,
tabellen en zachte regeleinden. De PDF's maakt het met reportlab, met precieze controle over
regelafbreking, afbreekstreepjes, ligaturen en kop- en voetteksten.

Alles is deterministisch: vaste datums in de metadata, vaste tijden in het zip-archief van de
.docx en `invariant=1` in reportlab. Twee keer draaien geeft dezelfde bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import io
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # corpora/
FIXED_DATETIME = dt.datetime(2026, 1, 5, 9, 0, 0)
ZIP_DATE = (2026, 1, 5, 9, 0, 0)

GEMEENTEN = {
    "weidevoorde": {
        "naam": "Gemeente Weidevoorde",
        "adres": "Postbus 1200 · 7800 AA Weidevoorde",
        "telefoon": "14 0123",
        "web": "www.weidevoorde.nl",
    },
    "duinhaven": {
        "naam": "Gemeente Duinhaven",
        "adres": "Postbus 50 · 2240 AB Duinhaven",
        "telefoon": "14 0456",
        "web": "www.duinhaven.nl",
    },
}


@dataclass
class Doc:
    """Eén document in het corpus: de .md-bron en de formaten die we ervan maken."""

    pad: str  # zonder extensie, relatief aan corpora/
    gemeente: str
    titel: str
    txt: str | None = None  # None, "utf-8", "utf-8-sig" of "cp1252"
    pdf: dict | None = None  # opties voor de PDF, zie PDF_OPTIES
    docx: bool = True


# Lange woorden die in de PDF aan het eind van een regel mogen worden afgebroken.
# Een | is een afbreekpunt. Woorden met een echt koppelteken breken na dat koppelteken.
AFBREEKPUNTEN = [
    "gemeente|raad", "waarde|peil|datum", "aanslag|biljet", "verkoop|prijzen", "belasting|plichtigen",
    "kwijt|schelding", "Kwijt|scheldings|verordening", "afval|stoffen|heffing", "riool|heffing",
    "taxatie|verslag", "onderhouds|toestand", "termijn|bedragen", "bezwaar|schrift", "bezwaar|formulier",
    "automatische", "vergelijkbare", "omgeving", "gebruik|gemaakt", "Waarderings|kamer", "metho|diek",
    "heffings|ambtenaar", "bijstands|niveau", "verplichting", "onroerende", "maandelijkse",
    "riolering", "informatie|avond", "project|leider", "aan|nemer", "container", "trillingen",
    "uitvoerings|programma", "beslis|punten", "inzamel|systeem", "rest|afval", "afval|scheiding",
    "gemeente|lijke", "burger|meester", "wet|houders", "verantwoordelijk",
]

PDF_OPTIES = {
    # ligaturen: tekens ﬁ ﬂ ﬀ ﬃ ﬄ in de tekstlaag; gaten: woorden waarin na de ligatuur een
    # kleine witruimte staat, zodat pdfminer er een spatie van maakt ("effi ciënt").
    "woz-aanslag-slecht": {
        "ligaturen": True,
        "gaten": {"efficiënt": 4, "specifieke": 7, "officiële": 4, "efficiënte": 4},
        "gaten_zonder_ligatuur": {"efficiënt"},
        "rechtskop": "Aanslag gemeentelijke belastingen 2026",
        "breedte_mm": 150,
        # deze woorden breken we bij hun eerste voorkomen altijd af (gemeente-⏎raad)
        "forceer_afbreking": {"gemeenteraad"},
    },
    "werkzaamheden-goed": {"rechtskop": "Werkzaamheden Molenweg", "breedte_mm": 150},
    "raadsvoorstel-afval-goed": {"rechtskop": "Raadsvoorstel", "breedte_mm": 150},
    "bezwaar-ontvangst-slecht": {"rechtskop": "Afdeling Juridische Zaken", "breedte_mm": 150},
}

DOCS = [
    Doc("brieven/bijstand-toekenning-slecht", "weidevoorde", "Beschikking bijzondere bijstand", txt="utf-8"),
    Doc("brieven/bijstand-toekenning-goed", "weidevoorde", "U krijgt geld voor een wasmachine en een koelkast", txt="utf-8-sig"),
    Doc("brieven/bezwaar-ontvangst-slecht", "duinhaven", "Ontvangstbevestiging bezwaarschrift", pdf=PDF_OPTIES["bezwaar-ontvangst-slecht"]),
    Doc("brieven/bezwaar-ontvangst-goed", "duinhaven", "Uw bezwaar over de dakkapel"),
    Doc("brieven/woz-aanslag-slecht", "duinhaven", "Aanslagbiljet gemeentelijke belastingen 2026", pdf=PDF_OPTIES["woz-aanslag-slecht"]),
    Doc("brieven/woz-aanslag-goed", "duinhaven", "Uw gemeentelijke belastingen voor 2026"),
    Doc("brieven/wmo-uitnodiging-slecht", "weidevoorde", "Uitnodiging keukentafelgesprek"),
    Doc("brieven/wmo-uitnodiging-goed", "weidevoorde", "Uitnodiging voor een gesprek over hulp thuis"),
    Doc("brieven/betaling-herinnering-slecht", "duinhaven", "Herinnering openstaande vordering", txt="cp1252"),
    Doc("brieven/betaling-herinnering-goed", "duinhaven", "Herinnering rekening marktvergunning", txt="utf-8"),
    Doc("brieven/omgevingsvergunning-slecht", "weidevoorde", "Besluit omgevingsvergunning Lindelaan 9"),
    Doc("brieven/omgevingsvergunning-goed", "weidevoorde", "Vergunning aanbouw Lindelaan 9"),
    Doc("brieven/parkeervergunning-slecht", "duinhaven", "Aanvraag bewonersparkeervergunning"),
    Doc("brieven/parkeervergunning-goed", "duinhaven", "Verklaring voor uw parkeervergunning"),
    Doc("brieven/werkzaamheden-slecht", "weidevoorde", "Werkzaamheden Molenweg"),
    Doc("brieven/werkzaamheden-goed", "weidevoorde", "Nieuw riool in de Molenweg", pdf=PDF_OPTIES["werkzaamheden-goed"]),
    Doc("voorstellen/bestuursvoorstel-speelplekken-goed", "weidevoorde", "Bestuursvoorstel speelplekken", txt="utf-8"),
    Doc("voorstellen/bestuursvoorstel-speelplekken-slecht", "weidevoorde", "Bestuursvoorstel speelplekken"),
    Doc("voorstellen/raadsvoorstel-afval-goed", "duinhaven", "Raadsvoorstel afvalinzameling", pdf=PDF_OPTIES["raadsvoorstel-afval-goed"]),
    Doc("voorstellen/raadsvoorstel-afval-slecht", "duinhaven", "Raadsvoorstel afvalinzameling"),
    Doc("voorstellen/bestuursvoorstel-kwijtschelding-slecht", "weidevoorde", "Bestuursvoorstel kwijtschelding"),
    Doc("voorstellen/raadsvoorstel-zwembad-goed", "duinhaven", "Raadsvoorstel zwembad"),
]


# --------------------------------------------------------------------------- Markdown inlezen


@dataclass
class Blok:
    soort: str  # kop1, kop2, alinea, opsomming, nummering, tabel
    regels: list[str] = field(default_factory=list)  # voor alinea: regels met harde regeleinden
    rijen: list[list[str]] = field(default_factory=list)  # voor tabel


def lees_markdown(tekst: str) -> list[Blok]:
    """Een klein Markdown-subset: # en ##, alinea's, '- ' en '1. ' lijsten, tabellen, twee spaties
    aan het eind van een regel = zacht regeleinde, **vet**."""
    blokken: list[Blok] = []
    for ruw in re.split(r"\n\s*\n", tekst.strip("\n")):
        regels = ruw.split("\n")
        eerste = regels[0]
        if eerste.startswith("## "):
            blokken.append(Blok("kop2", [eerste[3:].strip()]))
        elif eerste.startswith("# "):
            blokken.append(Blok("kop1", [eerste[2:].strip()]))
        elif eerste.startswith("|"):
            rijen = []
            for r in regels:
                cellen = [c.strip() for c in r.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{3,}:?", c) for c in cellen):
                    continue
                rijen.append(cellen)
            blokken.append(Blok("tabel", rijen=rijen))
        elif eerste.startswith("- "):
            for r in regels:
                blokken.append(Blok("opsomming", [r[2:].strip()]))
        elif re.match(r"\d+\. ", eerste):
            for r in regels:
                blokken.append(Blok("nummering", [re.sub(r"^\d+\. ", "", r).strip()]))
        else:
            # twee spaties aan het eind = zacht regeleinde; anders lopen regels door
            delen, huidig = [], []
            for r in regels:
                huidig.append(r.rstrip())
                if r.endswith("  "):
                    delen.append(" ".join(huidig))
                    huidig = []
            if huidig:
                delen.append(" ".join(huidig))
            blokken.append(Blok("alinea", delen))
    return blokken


def runs(tekst: str) -> list[tuple[str, str]]:
    """Splits **vet** en *cursief* uit een tekst: [(stuk, opmaak)] met opmaak '', 'vet' of 'cursief'."""
    uit = []
    for stuk in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", tekst):
        if not stuk:
            continue
        if stuk.startswith("**"):
            uit.append((stuk[2:-2], "vet"))
        elif stuk.startswith("*") and stuk.endswith("*") and len(stuk) > 2:
            uit.append((stuk[1:-1], "cursief"))
        else:
            uit.append((stuk, ""))
    return uit


def platte_tekst(tekst: str) -> str:
    return "".join(stuk for stuk, _ in runs(tekst))


def _voeg_runs_toe(paragraaf, tekst: str) -> None:
    for stuk, opmaak in runs(tekst):
        run = paragraaf.add_run(stuk)
        run.bold = opmaak == "vet" or None
        run.italic = opmaak == "cursief" or None


# --------------------------------------------------------------------------- .docx


def _veld(paragraaf, instructie: str):
    """Een Word-veld (PAGE, NUMPAGES) als w:fldSimple met een voorlopige waarde."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instructie)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraaf._p.append(fld)


def _nieuwe_nummering(d) -> int:
    """Een nieuw w:num voor 'List Number' dat weer bij 1 begint (anders telt Word door over lijsten heen)."""
    numbering = d.part.numbering_part.numbering_definitions._numbering
    num_id = d.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(num_id).abstractNumId.val
    nieuw = numbering.add_num(abstract)
    nieuw.add_lvlOverride(ilvl=0).add_startOverride(1)
    return nieuw.numId


def maak_docx(doc: Doc, blokken: list[Blok], uit: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    g = GEMEENTEN[doc.gemeente]
    d = docx.Document()
    stijl = d.styles["Normal"]
    stijl.font.name = "Arial"
    stijl.font.size = Pt(10.5)

    sectie = d.sections[0]
    kop = sectie.header.paragraphs[0]
    kop.text = g["naam"]
    kop.runs[0].bold = True
    sectie.header.add_paragraph(g["adres"])

    voet = sectie.footer.paragraphs[0]
    voet.add_run("Pagina ")
    _veld(voet, "PAGE")
    voet.add_run(" van ")
    _veld(voet, "NUMPAGES")
    voet.add_run(f" · {g['naam']} · telefoon {g['telefoon']} · {g['web']}")

    vorige = None
    num_id = None
    for blok in blokken:
        if blok.soort == "nummering" and vorige != "nummering":
            num_id = _nieuwe_nummering(d)
        vorige = blok.soort
        if blok.soort == "kop1":
            d.add_heading(platte_tekst(blok.regels[0]), level=1)
        elif blok.soort == "kop2":
            d.add_heading(platte_tekst(blok.regels[0]), level=2)
        elif blok.soort in ("opsomming", "nummering"):
            p = d.add_paragraph(style="List Bullet" if blok.soort == "opsomming" else "List Number")
            if blok.soort == "nummering":
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = num_id
            _voeg_runs_toe(p, blok.regels[0])
        elif blok.soort == "tabel":
            breedte = max(len(r) for r in blok.rijen)
            t = d.add_table(rows=len(blok.rijen), cols=breedte)
            t.style = "Table Grid"
            for i, rij in enumerate(blok.rijen):
                for j, cel in enumerate(rij):
                    t.cell(i, j).text = platte_tekst(cel)
            d.add_paragraph()
        else:
            p = d.add_paragraph()
            for k, regel in enumerate(blok.regels):
                if k:
                    p.add_run().add_break(WD_BREAK.LINE)  # zacht regeleinde
                _voeg_runs_toe(p, regel)

    cp = d.core_properties
    cp.author = g["naam"]
    cp.last_modified_by = g["naam"]
    cp.title = doc.titel
    cp.created = FIXED_DATETIME
    cp.modified = FIXED_DATETIME
    cp.last_printed = FIXED_DATETIME
    cp.revision = 1

    buf = io.BytesIO()
    d.save(buf)
    _zip_vast(buf.getvalue(), uit)


def _zip_vast(data: bytes, uit: Path) -> None:
    """Schrijf het zip-archief opnieuw met vaste tijden, zodat de bytes gelijk blijven."""
    bron = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in bron.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o644 << 16
            z.writestr(nieuw, bron.read(info.filename))
    uit.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- .txt


def maak_txt(blokken: list[Blok], codering: str, uit: Path) -> None:
    """Platte tekst zoals iemand hem uit een mailprogramma zou plakken: alinea's op lege regels,
    kopjes als losse regel, lijsten met '- ' of '1. ', tabellen als 'Sleutel: waarde'."""
    delen: list[str] = []
    nummer = 0
    vorige = None
    for blok in blokken:
        if blok.soort == "nummering":
            nummer = nummer + 1 if vorige == "nummering" else 1
        if blok.soort in ("kop1", "kop2"):
            delen.append(platte_tekst(blok.regels[0]))
        elif blok.soort == "opsomming":
            delen.append("- " + platte_tekst(blok.regels[0]))
        elif blok.soort == "nummering":
            delen.append(f"{nummer}. " + platte_tekst(blok.regels[0]))
        elif blok.soort == "tabel":
            delen.append("\n".join(": ".join(platte_tekst(c) for c in rij) for rij in blok.rijen))
        else:
            delen.append("\n".join(platte_tekst(r) for r in blok.regels))
        vorige = blok.soort
    # lijstitems als aaneengesloten regels, de rest gescheiden door een lege regel
    tekst = ""
    for i, deel in enumerate(delen):
        if i:
            lijst = re.match(r"(- |\d+\. )", deel) and re.match(r"(- |\d+\. )", delen[i - 1])
            tekst += "\n" if lijst else "\n\n"
        tekst += deel
    tekst += "\n"
    if codering == "utf-8-sig":
        uit.write_bytes(tekst.replace("\n", "\r\n").encode("utf-8-sig"))  # Windows-kladblok
    else:
        uit.write_bytes(tekst.encode(codering))


# --------------------------------------------------------------------------- .pdf

LIGATUREN = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    kandidaten = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                  Path("/Library/Fonts"), Path.home() / ".fonts"]
    for map_ in kandidaten:
        if (map_ / "DejaVuSans.ttf").exists():
            pdfmetrics.registerFont(TTFont("DV", str(map_ / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DV-B", str(map_ / "DejaVuSans-Bold.ttf")))
            return
    sys.exit("DejaVuSans.ttf niet gevonden: nodig voor de ligaturen in de PDF's (apt install fonts-dejavu-core)")


@dataclass
class Regel:
    x: float
    woorden: list[str]
    vet: bool = False
    extra: list[tuple[float, str]] = field(default_factory=list)  # losse tekst op positie (bullet, tabel)
    ruimte_voor: float = 0.0


def _afbreekdict() -> dict[str, list[str]]:
    return {w.replace("|", ""): w.split("|") for w in AFBREEKPUNTEN}


def _breek(woord: str, past, afbreek: dict[str, list[str]]):
    """Probeer een woord af te breken: geef (kop met streepje, staart) of None."""
    kaal = woord.strip(".,;:()?!")
    if "-" in woord.strip("-"):
        # echt koppelteken: breek erna, zonder extra streepje (WOZ-⏎waarde, e-⏎mail)
        i = woord.index("-")
        kop, staart = woord[: i + 1], woord[i + 1 :]
        if past(kop):
            return kop, staart
        return None
    delen = afbreek.get(kaal) or afbreek.get(kaal.lower())
    if not delen or len(delen) < 2:
        return None
    begin = woord[: woord.index(kaal)] if kaal in woord else ""
    eind = woord[len(begin) + len(kaal):]
    for n in range(len(delen) - 1, 0, -1):
        kop = begin + "".join(delen[:n]) + "-"
        if past(kop):
            return kop, "".join(delen[n:]) + eind
    return None


def _wrap(woorden: list[str], breedte: float, font: str, grootte: float, afbreek,
          forceer: set[str] | None = None) -> list[list[str]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def w(s: str) -> float:
        return stringWidth(s, font, grootte)

    regels: list[list[str]] = []
    huidig: list[str] = []
    rij = list(woorden)
    while rij:
        woord = rij.pop(0)
        kaal = woord.strip(".,;:()?!")
        if forceer and kaal in forceer and huidig:
            forceer.discard(kaal)
            delen = afbreek[kaal]
            huidig.append(delen[0] + "-")
            rij.insert(0, woord.replace(kaal, "".join(delen[1:])))
            regels.append(huidig)
            huidig = []
            continue
        kandidaat = " ".join(huidig + [woord])
        if w(kandidaat) <= breedte or not huidig:
            huidig.append(woord)
            continue
        rest = breedte - w(" ".join(huidig) + " ")
        gebroken = _breek(woord, lambda s: w(s) <= rest, afbreek)
        if gebroken:
            huidig.append(gebroken[0])
            rij.insert(0, gebroken[1])
        else:
            rij.insert(0, woord)
        regels.append(huidig)
        huidig = []
    if huidig:
        regels.append(huidig)
    return regels


def maak_pdf(doc: Doc, blokken: list[Blok], opties: dict, uit: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _fonts()
    g = GEMEENTEN[doc.gemeente]
    grootte, interlinie = 10.5, 14.5
    links = 25 * mm
    breedte = opties.get("breedte_mm", 155) * mm
    boven, onder = A4[1] - 32 * mm, 28 * mm
    afbreek = _afbreekdict()
    forceer = set(opties.get("forceer_afbreking", ()))

    # 1. opmaak in regels
    alle: list[Regel] = []
    nummer = 0
    vorige = None
    for blok in blokken:
        if blok.soort in ("kop1", "kop2"):
            for r in _wrap(platte_tekst(blok.regels[0]).split(), breedte, "DV-B", grootte, {}):
                alle.append(Regel(links, r, vet=True, ruimte_voor=interlinie * 0.6 if not alle or alle[-1].woorden != r else 0))
        elif blok.soort in ("opsomming", "nummering"):
            nummer = nummer + 1 if (blok.soort == "nummering" and vorige == "nummering") else 1
            teken = "•" if blok.soort == "opsomming" else f"{nummer}."
            inspring = 6 * mm
            stukken = _wrap(platte_tekst(blok.regels[0]).split(), breedte - inspring, "DV", grootte, afbreek)
            for k, r in enumerate(stukken):
                regel = Regel(links + inspring, r)
                if k == 0:
                    regel.extra.append((links + 1 * mm, teken))
                    regel.ruimte_voor = interlinie * 0.2 if vorige == blok.soort else interlinie * 0.5
                alle.append(regel)
        elif blok.soort == "tabel":
            kolommen = max(len(r) for r in blok.rijen)
            for k, rij in enumerate(blok.rijen):
                if kolommen == 2:
                    regel = Regel(links + 60 * mm, platte_tekst(rij[-1]).split())
                    regel.extra.append((links, platte_tekst(rij[0])))
                else:
                    stap = breedte / kolommen
                    regel = Regel(links, [])
                    for j, cel in enumerate(rij):
                        regel.extra.append((links + j * stap, platte_tekst(cel)))
                regel.ruimte_voor = interlinie * 0.5 if k == 0 else 0
                alle.append(regel)
        else:
            eerste = True
            for tekstregel in blok.regels:
                for r in _wrap(platte_tekst(tekstregel).split(), breedte, "DV", grootte, afbreek, forceer):
                    alle.append(Regel(links, r, ruimte_voor=interlinie * 0.5 if eerste else 0))
                    eerste = False
        vorige = blok.soort

    # 2. verdelen over pagina's
    paginas: list[list[tuple[float, Regel]]] = [[]]
    y = boven
    for regel in alle:
        y -= regel.ruimte_voor
        if y < onder:
            paginas.append([])
            y = boven
        paginas[-1].append((y, regel))
        y -= interlinie

    # 3. tekenen
    c = canvas.Canvas(str(uit), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(doc.titel)
    c.setAuthor(g["naam"])
    c.setCreator("directduidelijk corpora/tools/make_corpora.py")
    c.setSubject(doc.titel)
    ligaturen = opties.get("ligaturen", False)
    gaten = opties.get("gaten", {})
    zonder_lig = opties.get("gaten_zonder_ligatuur", set())

    def lig(s: str) -> str:
        if not ligaturen:
            return s
        for a, b in LIGATUREN:
            s = s.replace(a, b)
        return s

    def teken_woord(x: float, y: float, woord: str, font: str) -> float:
        kaal = woord.strip(".,;:()?!")
        if kaal in gaten:
            i = woord.index(kaal) + gaten[kaal]
            kop, staart = woord[:i], woord[i:]
            if kaal not in zonder_lig:
                kop = lig(kop)
            c.setFont(font, grootte)
            c.drawString(x, y, kop)
            x += stringWidth(kop, font, grootte) + grootte * 0.32  # het ligatuurgat
            c.drawString(x, y, lig(staart))
            return x + stringWidth(lig(staart), font, grootte)
        tekst = lig(woord)
        c.setFont(font, grootte)
        c.drawString(x, y, tekst)
        return x + stringWidth(tekst, font, grootte)

    totaal = len(paginas)
    for nr, pagina in enumerate(paginas, 1):
        # kop en voet: op elke pagina gelijk, alleen het paginanummer verandert
        c.setFont("DV-B", 9)
        c.drawString(links, A4[1] - 16 * mm, g["naam"])
        if opties.get("rechtskop"):
            c.setFont("DV", 9)
            c.drawRightString(links + breedte, A4[1] - 16 * mm, opties["rechtskop"])
        c.setFont("DV", 8)
        c.drawString(links, 14 * mm, f"{g['adres']} · telefoon {g['telefoon']} · {g['web']}")
        c.drawRightString(links + breedte, 14 * mm, f"Pagina {nr} van {totaal}")
        for y, regel in pagina:
            font = "DV-B" if regel.vet else "DV"
            for x_extra, tekst in regel.extra:
                c.setFont("DV", grootte)
                c.drawString(x_extra, y, tekst)
            x = regel.x
            spatie = stringWidth(" ", font, grootte)
            for woord in regel.woorden:
                x = teken_woord(x, y, woord, font) + spatie
        c.showPage()
    c.save()


# --------------------------------------------------------------------------- hoofdprogramma


def bouw(doel: Path) -> list[Path]:
    gemaakt = []
    for doc in DOCS:
        bron = ROOT / f"{doc.pad}.md"
        if not bron.exists():
            print(f"ontbreekt: corpora/{doc.pad}.md", file=sys.stderr)
            continue
        blokken = lees_markdown(bron.read_text(encoding="utf-8"))
        (doel / doc.pad).parent.mkdir(parents=True, exist_ok=True)
        if doc.docx:
            maak_docx(doc, blokken, doel / f"{doc.pad}.docx")
            gemaakt.append(Path(f"{doc.pad}.docx"))
        if doc.txt:
            maak_txt(blokken, doc.txt, doel / f"{doc.pad}.txt")
            gemaakt.append(Path(f"{doc.pad}.txt"))
        if doc.pdf is not None:
            maak_pdf(doc, blokken, doc.pdf, doel / f"{doc.pad}.pdf")
            gemaakt.append(Path(f"{doc.pad}.pdf"))
    return gemaakt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="bouw in een tijdelijke map en vergelijk met corpora/")
    args = ap.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            verschil = [p for p in bouw(Path(tmp)) if not filecmp.cmp(Path(tmp) / p, ROOT / p, shallow=False)]
        for p in verschil:
            print(f"anders: corpora/{p}")
        print("alles gelijk" if not verschil else f"{len(verschil)} bestand(en) anders")
        return 1 if verschil else 0
    for p in bouw(ROOT):
        print(f"corpora/{p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
