"""The structure checks (rule kind `structuur`) on our corpora, our own proposals and small documents.

- each check fires on the bad versions that corpora/verwacht/*.yaml says it must, and stays quiet
  on the good versions (every format the corpora have: .md, .docx, .txt, .pdf);
- both house templates (Weidevoorde, Duinhaven), chosen automatically or by configuration;
- profiles and per-document settings change the thresholds;
- through the real RuleEngine, findings come out with Dutch messages and positions.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from directduidelijk.engine.kinds import structuur
from directduidelijk.readers import ReadError, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
OWN = Path(__file__).resolve().parent / "structuur"
STRUCTURE_IDS = sorted(structuur.CHECKS)


def _rules() -> dict:
    from directduidelijk.engine import load_rules

    return {rule.id: rule for rule in load_rules() if rule.kind == "structuur"}


RULES = _rules()


def _rule(check: str, **settings):
    """The shipped rule, or a bare one with these settings."""
    rule = RULES.get(check)
    if rule is None or settings:
        return SimpleNamespace(id=check, kind="structuur", data={"controle": check}, settings=dict(settings))
    return rule


def _hits(document, check: str, config=None, **settings):
    return structuur.check_document(document, _rule(check, **settings), None, config=config)


def _md(text: str, name: str = "test.md"):
    return read_bytes(textwrap.dedent(text).encode("utf-8"), name, "md")


def _fired(document, config=None) -> set[str]:
    return {check for check in STRUCTURE_IDS if _hits(document, check, config)}


# ----------------------------------------------------------------------------- the rules file


def test_every_check_has_a_shipped_rule_with_dutch_documentation():
    assert set(RULES) == set(structuur.CHECKS)
    for rule in RULES.values():
        assert rule.kind == "structuur" and rule.data["controle"] == rule.id
        assert rule.what and rule.why and rule.source and rule.examples.wrong and rule.examples.right


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_examples_as_documents(rule_id):
    rule = RULES[rule_id]
    for example in rule.examples.wrong:
        assert structuur.run_example(example, rule), f"{rule_id}: fout-voorbeeld geeft geen melding"
    for example in rule.examples.right:
        assert not structuur.run_example(example, rule), f"{rule_id}: goed-voorbeeld geeft een melding"


def test_example_in_one_block_is_read_as_markdown_and_mapped_back():
    from directduidelijk.document import Block, BlockKind, Document, Segment

    example = RULES["kernboodschap"].examples.wrong[0]
    document = Document("voorbeeld.txt", "txt", [Block(BlockKind.PARAGRAPH, example, (Segment(0, 1, 1),), 1)])
    hits = structuur.check_document(document, RULES["kernboodschap"])
    assert hits and hits[0].block_index == 0
    assert example[hits[0].start:hits[0].end] == "Hierbij deel ik u mede dat"


# ----------------------------------------------------------------------------- corpora


def _corpus_cases():
    for expectation in sorted((CORPORA / "verwacht").glob("*.yaml")):
        data = yaml.safe_load(expectation.read_text(encoding="utf-8")) or {}
        folder = (CORPORA / data.get("document", "")).parent
        must = sorted(set(data.get("moet_vinden") or []) & set(STRUCTURE_IDS))
        must_not = sorted(set(data.get("geen_fout") or []) & set(STRUCTURE_IDS))
        for name in data.get("bestanden") or []:
            if (folder / name).is_file():
                yield pytest.param(folder / name, must, must_not, id=name)


CORPUS_CASES = list(_corpus_cases())


def test_corpora_are_there():
    assert len(CORPUS_CASES) >= 32


@pytest.mark.parametrize(("path", "must", "must_not"), CORPUS_CASES)
def test_corpus_document(path, must, must_not):
    try:
        document = read_path(path)
    except ReadError as error:  # a reader problem is the readers' test, not ours
        pytest.skip(f"{path.name}: {error.code}")
    fired = _fired(document)
    missing = [check for check in must if check not in fired]
    wrong = [check for check in must_not if check in fired]
    assert not missing, f"{path.name}: {missing} vinden niets (wel: {sorted(fired)})"
    assert not wrong, f"{path.name}: {wrong} melden iets in een goed document"


def test_good_corpus_documents_have_no_structure_warnings():
    """Good versions: no structure finding above 'suggestie' (long question headings may get one)."""
    problems = []
    for path, _must, _must_not in (case.values for case in CORPUS_CASES):
        if "-goed." not in path.name:
            continue
        try:
            document = read_path(path)
        except ReadError:
            continue
        for check in STRUCTURE_IDS:
            for hit in _hits(document, check):
                severity = hit.severity or RULES[check].severity
                if severity.value != "suggestie":
                    problems.append(f"{path.name}: {check} ({hit.values.get('probleem') or hit.values.get('tekst')})")
    assert not problems, problems


# ----------------------------------------------------------------------------- our own proposals


@pytest.mark.parametrize(("name", "expected"), [
    ("weidevoorde-raadsvoorstel-goed.md", set()),
    ("duinhaven-adviesnota-goed.md", set()),
    ("weidevoorde-collegevoorstel-slecht.md", {"secties", "beslispunten", "samenvatting-lengte", "kanttekeningen",
                                               "kop-lengte"}),
    ("duinhaven-raadsvoorstel-slecht.md", {"secties", "beslispunten", "samenvatting-lengte", "kanttekeningen"}),
])
def test_own_proposals(name, expected):
    assert _fired(read_path(OWN / name)) == expected


def test_house_style_is_chosen_by_best_match_and_by_config():
    weidevoorde = read_path(OWN / "weidevoorde-raadsvoorstel-goed.md")
    duinhaven = read_path(OWN / "duinhaven-adviesnota-goed.md")
    assert structuur.build_view(weidevoorde).house_style.name == "weidevoorde"
    assert structuur.build_view(duinhaven).house_style.name == "duinhaven"
    # Forced to the other template: its own section names are now missing or in another order.
    forced = SimpleNamespace(huisstijl="duinhaven")
    view = structuur.build_view(weidevoorde, forced)
    assert view.house_style.name == "duinhaven"
    problems = [h.values["probleem"] for h in _hits(weidevoorde, "secties", forced)]
    assert any("'Beoogd effect' ontbreekt" in p for p in problems), problems


def test_missing_section_points_at_where_it_belongs():
    document = read_path(OWN / "duinhaven-raadsvoorstel-slecht.md")
    hits = _hits(document, "secties")
    missing = next(h for h in hits if "Beoogd effect" in h.values["probleem"])
    assert document.blocks[missing.block_index].text == "Argumenten"
    assert "vóór 'Argumenten'" in missing.suggestion
    moved = next(h for h in hits if "niet op de goede plaats" in h.values["probleem"])
    assert document.blocks[moved.block_index].text == "Inleiding"
    assert "na 'Kernboodschap'" in moved.suggestion


def test_own_house_style_file_from_config(tmp_path):
    style = tmp_path / "eigen.yaml"
    style.write_text(textwrap.dedent("""\
        huisstijl: eigen
        titel: gemeente Eigen
        secties:
          - {naam: Besluit, rol: beslispunten, verplicht: true}
          - {naam: Waarom, rol: argumenten, verplicht: true}
          - {naam: Wat kan er misgaan, rol: kanttekeningen, verplicht: true}
          - {naam: Geld, rol: financien, verplicht: true}
        """), encoding="utf-8")
    document = _md("""\
        # Besluit

        1. In te stemmen met een nieuw hek om de speeltuin.

        # Waarom

        Kinderen rennen nu de straat op.

        # Geld

        Het hek kost € 8.000.
        """)
    config = SimpleNamespace(raw={"huisstijl": str(style)}, source=None)
    problems = [h.values["probleem"] for h in structuur.check_document(
        document, _rule("secties"), None, config=SimpleNamespace(genre="bestuursvoorstel", **vars(config)))]
    assert problems == ["De sectie 'Wat kan er misgaan' ontbreekt"]


def test_real_config_object_selects_house_style(tmp_path):
    from directduidelijk.config import load_config

    (tmp_path / "pyproject.toml").write_text('[tool.directduidelijk]\nhuisstijl = "weidevoorde"\n', encoding="utf-8")
    config = load_config(tmp_path, None, {})
    document = read_path(OWN / "duinhaven-adviesnota-goed.md")
    view = structuur.build_view(document, config)
    assert view.house_style.name == "weidevoorde"


# ----------------------------------------------------------------------------- single checks


LETTER = textwrap.dedent("""\
    Geachte heer Jansen,

    {body}

    Heeft u vragen? Bel ons op 14 0456.

    Met vriendelijke groet,

    Team Inkomen
    """)


def _letter(body: str, **replace):
    text = LETTER.format(body=body)
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return read_bytes(text.encode("utf-8"), "test.md", "md")


@pytest.mark.parametrize("opening", [
    "Hierbij deel ik u mede dat uw aanvraag is goedgekeurd.",
    "Naar aanleiding van uw brief van 3 maart laten wij u weten dat u de vergunning krijgt.",
    "In antwoord op uw schrijven van 3 maart delen wij u mee dat u de vergunning krijgt.",
    "Met deze brief informeren wij u over de nieuwe afvalregels.",
    "Hierbij ontvangt u de nieuwe afvalkalender.",
    "Wij hebben uw aanvraag van 3 maart in goede orde ontvangen.",
])
def test_kernboodschap_fires_on_formulas(opening):
    hits = _hits(_letter(opening), "kernboodschap")
    assert len(hits) == 1 and hits[0].start == 0


@pytest.mark.parametrize("opening", [
    "U krijgt de vergunning voor uw dakkapel.",
    "Wij hebben uw bezwaar op 10 april 2026 ontvangen. U bent het niet eens met ons besluit.",
    "Vanaf 1 maart halen wij het restafval eens per twee weken op.",
])
def test_kernboodschap_quiet_on_messages(opening):
    assert not _hits(_letter(opening), "kernboodschap")


@pytest.mark.parametrize("body", [
    "Uw aanvraag is niet compleet. Stuur ons een kopie van uw paspoort.",
    "Wilt u het formulier invullen en terugsturen?",
    "U moet de rekening betalen. Het bedrag is € 45.",
    "Vul het formulier in. Wij hebben het zo snel mogelijk nodig.",
])
def test_action_without_deadline(body):
    hits = _hits(_letter(body), "actie-en-termijn")
    assert hits and "vóór wanneer" in hits[0].values["probleem"] or "geen duidelijke termijn" in hits[0].values["probleem"]


@pytest.mark.parametrize("body", [
    "Stuur ons vóór 1 maart 2026 een kopie van uw paspoort.",
    "Wilt u het formulier invullen? Dan kunnen wij u helpen. Stuur het binnen 6 weken terug.",
    "U moet de rekening betalen. Doe dat binnen 14 dagen.",
    "Bent u het niet eens met dit besluit? Stuur ons dan een brief.",
    "U krijgt de vergunning. U hoeft niets te doen.",
    "Heeft u vragen? Neem dan contact op met ons.",
])
def test_action_with_deadline_or_no_request(body):
    assert not _hits(_letter(body), "actie-en-termijn")


def test_deadline_buried_in_long_sentence_is_a_suggestion():
    body = ("Teneinde uw aanvraag alsnog te kunnen afhandelen wordt u verzocht de ontbrekende gegevens binnen "
            "veertien dagen na dagtekening van dit schrijven aan te vullen via het digitale loket van de gemeente.")
    hits = _hits(_letter(body), "actie-en-termijn")
    assert len(hits) == 1 and hits[0].severity.value == "suggestie"
    assert "binnen veertien dagen" in hits[0].values["probleem"]


def test_contact_details():
    without = _md("Geachte heer Jansen,\n\nU krijgt de vergunning.\n\nMet vriendelijke groet,\n\nTeam X\n")
    hits = _hits(without, "contactgegevens")
    assert len(hits) == 1 and without.blocks[hits[0].block_index].kind.value == "afsluiting"
    for line in ("Mail naar vergunningen@weidevoorde.nl.", "Bel 0252 123 456.", "Kijk op www.weidevoorde.nl/afval.",
                 "Bel ons op 14 0252."):
        document = _md(f"Geachte heer Jansen,\n\nU krijgt de vergunning. {line}\n\nMet vriendelijke groet,\n\nTeam X\n")
        assert not _hits(document, "contactgegevens"), line


def test_contact_only_in_page_footer_is_a_suggestion():
    from directduidelijk.document import Block, BlockKind, Segment

    document = _md("Geachte heer Jansen,\n\nU krijgt de vergunning.\n\nMet vriendelijke groet,\n\nTeam X\n")
    document.blocks.append(Block(BlockKind.PAGE_FOOTER, "Gemeente X · 14 0252 · www.x.nl", (Segment(0, 99, 1),)))
    hits = _hits(document, "contactgegevens")
    assert len(hits) == 1 and hits[0].severity.value == "suggestie"


def test_salutation_and_closing():
    je_geachte = _md("Geachte Sevda,\n\nJe krijgt de pas. Je kunt hem ophalen.\n\nMet vriendelijke groet,\n\nTeam\n")
    assert "je-vorm" in _hits(je_geachte, "aanhef-afsluiting")[0].values["probleem"]
    hoi_u = _md("Hoi Sevda,\n\nU krijgt de pas. U kunt hem ophalen.\n\nMet vriendelijke groet,\n\nTeam\n")
    assert "u-vorm" in _hits(hoi_u, "aanhef-afsluiting")[0].values["probleem"]
    beste_u = _md("Beste mevrouw Yılmaz,\n\nU krijgt de pas. U kunt hem ophalen.\n\nMet vriendelijke groet,\n\nTeam\n")
    assert not _hits(beste_u, "aanhef-afsluiting")
    beste_je = _md("Beste Sevda,\n\nJe krijgt de pas. Je kunt hem ophalen.\n\nHoogachtend,\n\nTeam\n")
    hits = _hits(beste_je, "aanhef-afsluiting")
    assert len(hits) == 1 and hits[0].severity.value == "suggestie" and "Met vriendelijke groet" in hits[0].suggestion


@pytest.mark.parametrize(("sentence", "reference"), [
    ("Op grond van artikel 4:8 Awb mag u uw mening geven.", "Op grond van artikel 4:8 Awb"),
    ("U kunt bezwaar maken (art. 7:1 lid 2 Awb).", "art. 7:1 lid 2 Awb"),
    ("Dit staat in artikel 35 van de Participatiewet.", "artikel 35 van de Participatiewet"),
])
def test_legal_references(sentence, reference):
    hits = _hits(_letter(sentence), "juridische-verwijzing")
    assert [h.values["verwijzing"] for h in hits] == [reference]


def test_no_legal_reference_in_plain_words():
    assert not _hits(_letter("U mag binnen zes weken bezwaar maken. Dat staat in de wet."), "juridische-verwijzing")


def test_letter_checks_do_not_run_on_proposals_and_the_other_way_round():
    proposal = read_path(OWN / "duinhaven-raadsvoorstel-slecht.md")
    assert not _hits(proposal, "contactgegevens") and not _hits(proposal, "kernboodschap")
    letter = read_path(CORPORA / "brieven" / "bezwaar-ontvangst-slecht.md")
    assert not _hits(letter, "secties") and not _hits(letter, "beslispunten")
    # a rule may name its own genres
    assert _hits(letter, "contactgegevens")
    assert not _hits(letter, "contactgegevens", genres=["bestuursvoorstel"])


PROPOSAL = textwrap.dedent("""\
    # Collegevoorstel

    ## Beslispunten

    {decisions}

    ## Argumenten

    {arguments}

    ## Kanttekeningen

    {remarks}

    ## Financiën

    Het kost € 10.000 uit het budget openbare ruimte.
    """)


def _proposal(decisions="1. In te stemmen met een nieuw hek.", arguments="Het is veiliger.",
              remarks="Het hek is niet mooi."):
    text = PROPOSAL.format(decisions=decisions, arguments=arguments, remarks=remarks)
    return read_bytes(text.encode("utf-8"), "test.md", "md")


@pytest.mark.parametrize(("decisions", "problem", "severity"), [
    ("1. Kennis te nemen van de evaluatie.", "vaag", "suggestie"),
    ("1. Het college te vragen een plan te maken.", "vaag", "suggestie"),
    ("1. Nieuw hek bij de speeltuin.", "zegt niet wat het bestuur besluit", "waarschuwing"),
    ("1. De benodigde middelen beschikbaar te stellen.", "noemt geen bedrag", "waarschuwing"),
    ("In te stemmen met het plan.\n\nHet plan uit te voeren.", "niet genummerd", "suggestie"),
    ("In te stemmen met het plan, het krediet van € 5.000 beschikbaar te stellen en de verordening vast te stellen.",
     "besluiten in één zin", "waarschuwing"),
])
def test_beslispunten(decisions, problem, severity):
    hits = _hits(_proposal(decisions=decisions), "beslispunten")
    matching = [h for h in hits if problem in h.values["probleem"]]
    assert matching, [h.values["probleem"] for h in hits]
    assert (matching[0].severity or RULES["beslispunten"].severity).value == severity


def test_concrete_beslispunten_pass():
    decisions = ("1. In te stemmen met een nieuw hek om de speeltuin.\n"
                 "2. Een krediet beschikbaar te stellen van € 10.000.\n"
                 "3. De Speeltuinverordening 2026 vast te stellen.\n"
                 "4. Voor de uitvoering € 540.000 beschikbaar te stellen uit de reserve.")
    assert not _hits(_proposal(decisions=decisions), "beslispunten")


@pytest.mark.parametrize("remarks", ["n.v.t.", "Geen.", "Er zijn geen risico's.", "Niet van toepassing"])
def test_empty_kanttekeningen(remarks):
    hits = _hits(_proposal(remarks=remarks), "kanttekeningen")
    assert len(hits) == 1


def test_missing_kanttekeningen_without_house_style_requirement():
    document = _md("""\
        # Collegevoorstel

        ## Beslispunten

        1. In te stemmen met een nieuw hek.

        ## Argumenten

        Het is veiliger.

        ## Financiën

        Het kost € 10.000.
        """)
    # the generic template requires Kanttekeningen, so `secties` reports it and `kanttekeningen` stays quiet
    assert any("Kanttekeningen" in h.values["probleem"] for h in _hits(document, "secties"))
    assert not _hits(document, "kanttekeningen")


def test_section_length_outlier():
    long = " ".join(f"Argument {n} is dat het hek de kinderen beschermt tegen het verkeer." for n in range(50))
    hits = _hits(_proposal(arguments=long), "sectie-lengte")
    assert len(hits) == 1 and "Argumenten" in hits[0].values["probleem"]
    assert not _hits(_proposal(), "sectie-lengte")


def test_summary_length_follows_profile_house_style_and_config():
    summary = " ".join(["Wij stellen een nieuw hek voor."] * 30)  # 180 words
    document = _md(f"""\
        # Raadsvoorstel

        Aan de gemeenteraad

        ## Beslispunten

        1. In te stemmen met een nieuw hek.

        ## Samenvatting

        {summary}

        ## Argumenten

        Het is veiliger.
        """)
    assert structuur.build_view(document).genre.name == "raadsvoorstel"
    assert not _hits(document, "samenvatting-lengte")  # raadsvoorstel profile: 200 words
    hits = _hits(document, "samenvatting-lengte", **{"max-woorden": 100})
    assert hits and hits[0].values["waarde"] == 180 and hits[0].values["drempel"] == 100
    config = SimpleNamespace(genre="bestuursvoorstel", raw={})
    assert _hits(document, "samenvatting-lengte", config)  # bestuursvoorstel profile: 150 words


def test_subheadings_needed_in_long_text_and_document_directive():
    body = "\n\n".join(" ".join(["De straat gaat open voor een nieuw riool."] * 6) for _ in range(9))  # ~430 words
    document = _letter(body)
    hits = _hits(document, "tussenkopjes")
    assert len(hits) == 1 and hits[0].values["waarde"] > 400
    with_heading = _letter(body.replace("\n\n", "\n\n## Wat merkt u ervan?\n\n", 1))
    assert not _hits(with_heading, "tussenkopjes")
    short = _letter("U krijgt de vergunning.\n\nU hoeft niets te doen.")
    assert not _hits(short, "tussenkopjes")
    tuned = read_bytes(("<!-- directduidelijk: tussenkopjes min-woorden=3 -->\n\n" + LETTER.format(
        body="U krijgt de vergunning.\n\nU hoeft niets te doen.")).encode("utf-8"), "test.md", "md")
    assert _hits(tuned, "tussenkopjes")


def test_heading_length_and_generic_headings():
    document = _letter("U krijgt een container.\n\n## Algemeen\n\nDe container komt in maart.\n\n"
                       "## Wat u moet weten over de nieuwe container voor uw afval thuis\n\nHij is groen.")
    problems = [h.values["probleem"] for h in _hits(document, "kop-lengte")]
    assert problems == ["De kop 'Algemeen' zegt niet wat er komt", "De kop heeft 12 woorden"]
    question = _letter("U krijgt een container.\n\n## Wat als wij de verklaring niet op tijd krijgen?\n\nDan bellen wij.")
    assert not _hits(question, "kop-lengte")  # a question may be 10 words


def test_document_length_per_profile():
    body = "\n\n".join(" ".join(["De straat gaat open voor een nieuw riool."] * 8) for _ in range(12))  # ~770 words
    document = _letter(body.replace("\n\n", "\n\n## Meer\n\n", 1))
    assert not _hits(document, "document-lengte")
    config = {"profielen": {"brief-bewoners": {"max-woorden": 500}}}
    hits = _hits(document, "document-lengte", config)
    assert hits and "500" in hits[0].values["probleem"]


# ----------------------------------------------------------------------------- through the engine


@pytest.fixture()
def wired_engine(monkeypatch):
    """The RuleEngine with `structuur` rules run by this module (the lead wires it the same way)."""
    import directduidelijk.engine.kinds as kinds
    import directduidelijk.engine.runner as runner
    from directduidelijk.config import Config
    from directduidelijk.engine import RuleEngine, load_rules

    original = kinds.kind_module

    def kind_module(kind):
        return structuur if kind == "structuur" else original(kind)

    monkeypatch.setattr(kinds, "kind_module", kind_module)
    monkeypatch.setattr(runner, "kind_module", kind_module)
    config = Config(select=STRUCTURE_IDS)
    return RuleEngine(load_rules(config), config)


def test_findings_through_the_engine(wired_engine, nlp):
    from directduidelijk.genre import prepare_for_engine
    from directduidelijk.language.analysis import analyse_document

    document = read_path(CORPORA / "brieven" / "bezwaar-ontvangst-slecht.md")
    analysed = analyse_document(document, nlp)
    assert prepare_for_engine(analysed, wired_engine).name == "brief"
    findings = wired_engine.check(analysed)
    rules = {f.rule for f in findings}
    assert {"kernboodschap", "contactgegevens", "juridische-verwijzing", "aanhef-afsluiting"} <= rules
    for finding in findings:
        assert "{" not in finding.message and finding.message.endswith(".")
        assert finding.suggestion and finding.line > 0
    kern = next(f for f in findings if f.rule == "kernboodschap")
    assert kern.text.startswith("Naar aanleiding van") and kern.line == 12
    contact = next(f for f in findings if f.rule == "contactgegevens")
    assert contact.text == "Hoogachtend,"


def test_proposal_findings_on_headings_survive_the_engine(wired_engine, nlp):
    from directduidelijk.genre import prepare_for_engine
    from directduidelijk.language.analysis import analyse_document

    analysed = analyse_document(read_path(OWN / "duinhaven-raadsvoorstel-slecht.md"), nlp)
    prepare_for_engine(analysed, wired_engine)
    findings = wired_engine.check(analysed)
    secties = [f for f in findings if f.rule == "secties"]
    assert {f.text for f in secties} == {"Argumenten", "Inleiding"}
    assert all(f.message.startswith("De sectie") for f in secties)


def test_document_without_any_template_section_gets_one_finding():
    letter = read_path(CORPORA / "brieven" / "bezwaar-ontvangst-goed.md")
    config = SimpleNamespace(genre="raadsvoorstel", raw={})
    hits = _hits(letter, "secties", config)
    assert len(hits) == 1
    assert "volgt de huisstijl van Duinhaven niet" in hits[0].values["probleem"]
    assert "'Voorgestelde besluiten', 'Kernboodschap'" in hits[0].suggestion


def test_docx_proposal_with_bold_lines_as_headings():
    """Many templates use bold lines instead of Word heading styles; section names still count."""
    import io

    import docx

    word = docx.Document()
    word.add_paragraph("Collegevoorstel gemeente Weidevoorde")
    for title, body in [("Beslispunten:", None), ("Samenvatting", "Wij stellen een nieuw hek voor."),
                        ("Aanleiding", "Kinderen rennen de straat op."),
                        ("Argumenten", "Het hek maakt de speeltuin veiliger."),
                        ("Financiën", "Het hek kost € 8.000."), ("Vervolg", "Wij plaatsen het hek in mei.")]:
        word.add_paragraph().add_run(title).bold = True
        if body is None:
            word.add_paragraph("In te stemmen met een hek om de speeltuin.", style="List Number")
            word.add_paragraph("Een krediet beschikbaar te stellen van € 8.000.", style="List Number")
        else:
            word.add_paragraph(body)
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_bytes(buffer.getvalue(), "voorstel.docx", "docx")
    view = structuur.build_view(document)
    assert view.genre.name == "bestuursvoorstel" and view.house_style.name == "weidevoorde"
    assert [h.values["probleem"] for h in _hits(document, "secties")] == ["De sectie 'Kanttekeningen' ontbreekt"]
    assert not _hits(document, "beslispunten")
