"""Genre detection (brief, bestuursvoorstel, raadsvoorstel, anders), forcing it, profiles.

Accuracy is measured on every readable document in corpora/ against corpora/verwacht/*.yaml,
and on our own proposals in tests/structuur/.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from directduidelijk.genre import GenreError, detect_genre, forced_genre, parse_genre, prepare_for_engine
from directduidelijk.profiles import load_profiles, select_profile
from directduidelijk.readers import ReadError, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
OWN = Path(__file__).resolve().parent / "structuur"


def _corpus_files() -> list[tuple[Path, str]]:
    files = []
    for expectation in sorted((CORPORA / "verwacht").glob("*.yaml")):
        data = yaml.safe_load(expectation.read_text(encoding="utf-8")) or {}
        folder = (CORPORA / data.get("document", "")).parent
        for name in data.get("bestanden") or []:
            path = folder / name
            if path.is_file():
                files.append((path, data["genre"]))
    return files


def _md(text: str, name: str = "test.md"):
    return read_bytes(textwrap.dedent(text).encode("utf-8"), name, "md")


def test_genre_accuracy_on_all_corpora_documents():
    files = _corpus_files() + [(path, path.stem.split("-")[1] if "voorstel" in path.stem else "bestuursvoorstel")
                               for path in sorted(OWN.glob("*.md"))]
    files = [(p, "bestuursvoorstel" if g in ("collegevoorstel", "adviesnota") else g) for p, g in files]
    assert len(files) >= 16
    wrong, unreadable, right = [], [], 0
    for path, expected in files:
        try:
            document = read_path(path)
        except ReadError as error:
            unreadable.append(f"{path.name}: {error.code}")
            continue
        genre = detect_genre(document)
        if genre.name == expected:
            right += 1
        else:
            wrong.append(f"{path.relative_to(ROOT)}: {genre.name} ({genre.confidence}, {genre.reasons}), "
                         f"verwacht {expected}")
    total = right + len(wrong)
    accuracy = right / total
    report = (f"genre goed in {right} van {total} documenten ({accuracy:.1%}); "
              f"niet te lezen: {unreadable or 'geen'}; fout: {wrong or 'geen'}")
    print(report)
    assert accuracy >= 0.95, report


@pytest.mark.parametrize("name, expected", [
    ("weidevoorde-raadsvoorstel-goed.md", "raadsvoorstel"),
    ("weidevoorde-collegevoorstel-slecht.md", "bestuursvoorstel"),
    ("duinhaven-adviesnota-goed.md", "bestuursvoorstel"),
    ("duinhaven-raadsvoorstel-slecht.md", "raadsvoorstel"),
])
def test_own_proposals(name, expected):
    genre = detect_genre(read_path(OWN / name))
    assert genre.name == expected, genre
    assert genre.confidence >= 0.6 and genre.reasons


def test_letter_reasons_name_the_salutation():
    genre = detect_genre(read_path(CORPORA / "brieven" / "bezwaar-ontvangst-goed.md"))
    assert genre.name == "brief" and genre.is_letter
    assert any("aanhef" in reason for reason in genre.reasons)


def test_letter_to_the_council_is_a_letter():
    document = _md("""\
        Aan de gemeenteraad van Weidevoorde

        Onderwerp: stand van zaken zwembad

        Geachte leden van de raad,

        Wij informeren u over de bouw van het nieuwe zwembad. De bouw loopt drie maanden uit.

        ## Vervolg

        In juni sturen wij u een nieuwe planning.

        Met vriendelijke groet,

        Het college van burgemeester en wethouders
        """)
    assert detect_genre(document).name == "brief"


def test_plain_note_is_other():
    document = _md("""\
        # Werkafspraken team Vergunningen

        Wij bespreken elke maandag de nieuwe aanvragen. Iedereen neemt zijn eigen lijst mee.

        Vragen over een aanvraag stellen we in het teamkanaal.
        """)
    genre = detect_genre(document)
    assert genre.name == "anders"
    assert not genre.is_letter and not genre.is_proposal


def test_headings_as_plain_lines_still_make_a_proposal():
    document = _md("""\
        Collegevoorstel

        Beslispunten:

        1. In te stemmen met de nieuwe regels voor standplaatsen.

        Argumenten:

        De regels zijn eerlijker.

        Kanttekeningen:

        Twee marktkooplieden zijn het er niet mee eens.

        Financiën:

        Geen extra kosten.
        """)
    assert detect_genre(document).name == "bestuursvoorstel"


def test_forced_genre_from_config_directive_and_argument():
    document = _md("Geachte heer Jansen,\n\nU krijgt de vergunning.\n\nMet vriendelijke groet,\n\nTeam X\n")
    assert detect_genre(document).name == "brief"
    assert detect_genre(document, SimpleNamespace(genre="raadsvoorstel")).name == "raadsvoorstel"
    assert detect_genre(document, None, forced="collegevoorstel").name == "bestuursvoorstel"
    forced = _md("<!-- directduidelijk: genre=anders -->\n\nGeachte heer Jansen,\n\nU krijgt de vergunning.\n")
    assert forced_genre(forced) == "anders"
    assert detect_genre(forced).forced


def test_parse_genre_rejects_unknown_values():
    assert parse_genre("Brief") == "brief"
    with pytest.raises(GenreError) as raised:
        parse_genre("notitie")
    assert "brief, bestuursvoorstel, raadsvoorstel, anders" in raised.value.message


def test_prepare_for_engine_uses_config_and_reports_bad_profile():
    from directduidelijk.config import Config

    document = read_path(CORPORA / "brieven" / "bezwaar-ontvangst-goed.md")
    engine = SimpleNamespace(config=Config(genre="bestuursvoorstel"))
    assert prepare_for_engine(SimpleNamespace(document=document), engine).name == "bestuursvoorstel"
    engine = SimpleNamespace(config=Config(profile="bestaat-niet"))
    genre = prepare_for_engine(SimpleNamespace(document=document), engine)
    assert genre.name == "brief"


def test_cli_rejects_unknown_genre_in_dutch(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("Geachte heer Jansen,\n\nU krijgt de vergunning.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--genre", "notitie", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert "Onbekend genre 'notitie'" in done.stderr


def test_check_inputs_sets_genre_in_results(tmp_path, nlp):
    from directduidelijk.checking import check_inputs
    from directduidelijk.readers import Input

    letter = tmp_path / "brief.md"
    letter.write_text("Geachte heer Jansen,\n\nU krijgt de vergunning.\n\nMet vriendelijke groet,\n\nTeam X\n",
                      encoding="utf-8")
    engine = SimpleNamespace(config=None, check=lambda analysed: [])
    results = list(check_inputs([Input(str(letter)), Input(str(OWN / "duinhaven-adviesnota-goed.md"))],
                                engine, nlp))
    assert [r.genre for r in results] == ["brief", "bestuursvoorstel"]


# ----------------------------------------------------------------------------- profiles


def test_each_genre_has_its_profile():
    assert select_profile("brief").name == "brief-bewoners"
    assert select_profile("bestuursvoorstel").name == "bestuursvoorstel"
    assert select_profile("raadsvoorstel").name == "raadsvoorstel"
    assert select_profile("anders").name == "algemeen"
    letter = select_profile("brief")
    assert letter.level == "B1" and letter.address_form == "u" and letter.max_words == 800
    assert letter.rule_settings("lange-zin")["drempels"]["waarschuwing"] == 20
    assert select_profile("raadsvoorstel").check_settings("samenvatting-lengte")["max-woorden"] == 200


def test_profile_chosen_and_adjusted_in_config():
    config = {"profiel": "brief-bewoners",
              "profielen": {"brief-bewoners": {"max-woorden": 600, "structuur": {"tussenkopjes": {"min-woorden": 300}}},
                            "brief-ondernemers": {"basis": "brief-bewoners", "titel": "Brief aan ondernemers",
                                                  "max-woorden": 1000}}}
    profile = select_profile("raadsvoorstel", config)
    assert profile.name == "brief-bewoners" and profile.max_words == 600
    assert profile.check_settings("tussenkopjes") == {"min-woorden": 300}
    assert profile.check_settings("kop-lengte") == {"max-woorden": 8}  # the rest stays
    profiles = load_profiles(config)
    assert profiles["brief-ondernemers"].max_words == 1000
    assert profiles["brief-ondernemers"].address_form == "u"


def test_config_object_profile_attribute_is_read():
    from directduidelijk.config import Config
    from directduidelijk.profiles import ProfileError

    assert select_profile("brief", Config(profile="raadsvoorstel")).name == "raadsvoorstel"
    with pytest.raises(ProfileError) as raised:
        select_profile("brief", Config(profile="onbekend"))
    assert "brief-bewoners" in raised.value.message


def test_salutation_the_reader_did_not_label_still_counts():
    document = _md("""\
        Aan het college van burgemeester en wethouders

        Geacht college,

        Wij adviseren u het bezwaar ongegrond te verklaren. Hieronder leest u waarom.

        Met vriendelijke groet,

        De commissie bezwaarschriften
        """)
    genre = detect_genre(document)
    assert genre.name == "brief", genre
