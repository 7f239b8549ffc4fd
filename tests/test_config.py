"""Configuration: discovery upwards, precedence, per-file globs, errors, settings over YAML."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from directduidelijk.config import Config, ConfigError, load_config
from directduidelijk.engine import load_rules
from directduidelijk.findings import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


FULL = """\
[tool.directduidelijk]
selecteer = ["direct-duidelijk"]
negeer = ["lange-woorden"]
faal-op = "waarschuwing"
extra-regels = ["huisstijl/regels.yaml"]
basislijn = ".directduidelijk-baseline.json"
genre = "brief"

[tool.directduidelijk.ernst]
lange-alinea = "suggestie"

[tool.directduidelijk.instellingen.lange-zin]
drempels = { waarschuwing = 18, fout = 22 }

[tool.directduidelijk.woordenschat]
Wmo = "Wet maatschappelijke ondersteuning"
WOZ = ""

[tool.directduidelijk.drempels]
max-lint-niveau = 2
min-flesch-douma = 60

[tool.directduidelijk.per-bestand."oud/*.docx"]
negeer = ["lange-zin"]
"""


def test_pyproject_found_upwards_with_every_key(tmp_path):
    write(tmp_path / "pyproject.toml", FULL)
    folder = tmp_path / "brieven" / "2024"
    folder.mkdir(parents=True)
    config = load_config(folder)
    assert config.source == (tmp_path / "pyproject.toml").resolve()
    assert config.select == ["direct-duidelijk"] and config.ignore == ["lange-woorden"]
    assert config.fail_on is Severity.WARNING
    assert config.extra_rules == [(tmp_path / "huisstijl" / "regels.yaml").resolve()]
    assert config.baseline == (tmp_path / ".directduidelijk-baseline.json").resolve()
    assert config.severity == {"lange-alinea": Severity.SUGGESTION}
    assert config.settings == {"lange-zin": {"drempels": {"waarschuwing": 18, "fout": 22}}}
    assert config.vocabulary == {"Wmo": "Wet maatschappelijke ondersteuning", "WOZ": None}
    assert config.thresholds == {"max-lint-niveau": 2, "min-flesch-douma": 60}
    assert config.genre == "brief"
    assert list(config.per_file) == ["oud/*.docx"]


def test_nearest_wins_and_own_file_beats_pyproject(tmp_path):
    write(tmp_path / ".directduidelijk.toml", 'faal-op = "suggestie"\n')
    inner = tmp_path / "a" / "b"
    write(inner / "pyproject.toml", '[tool.directduidelijk]\nfaal-op = "waarschuwing"\n')
    assert load_config(inner / "brief.md").fail_on is Severity.WARNING
    assert load_config(tmp_path / "a").fail_on is Severity.SUGGESTION
    write(inner / ".directduidelijk.toml", 'faal-op = "fout"\n')
    assert load_config(inner).source.name == ".directduidelijk.toml"


def test_pyproject_without_section_is_passed_over(tmp_path):
    write(tmp_path / ".directduidelijk.toml", 'faal-op = "suggestie"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").fail_on is Severity.SUGGESTION


def test_no_config_gives_defaults(tmp_path):
    config = load_config(tmp_path)
    if config.source is None:  # (a config above tmp_path on this machine would be found, rightly)
        assert config.fail_on is Severity.ERROR and config.select == [] and config.thresholds == {}


def test_explicit_file_and_command_line_overrides(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.directduidelijk]\nfaal-op = "suggestie"\nnegeer = ["lange-woorden"]\n')
    explicit = write(tmp_path / "elders" / "streng.toml", 'faal-op = "waarschuwing"\n')
    assert load_config(tmp_path, explicit).fail_on is Severity.WARNING
    config = load_config(tmp_path, None, {"faal-op": "fout", "negeer": ["lange-zin"]})
    assert config.fail_on is Severity.ERROR
    assert config.ignore == ["lange-woorden", "lange-zin"]
    with pytest.raises(ConfigError, match="bestaat niet"):
        load_config(tmp_path, tmp_path / "nergens.toml")


def test_unknown_key_with_suggestion(tmp_path):
    write(tmp_path / ".directduidelijk.toml", 'negeeer = ["lange-zin"]\n')
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert "'negeeer'" in raised.value.message and "Bedoelt u 'negeer'?" in raised.value.message
    assert ".directduidelijk.toml" in raised.value.message
    write(tmp_path / ".directduidelijk.toml", "[drempels]\nmax-lint-nivo = 2\n")
    with pytest.raises(ConfigError, match="Bedoelt u 'max-lint-niveau'"):
        load_config(tmp_path)


def test_bad_values_are_dutch_errors(tmp_path):
    write(tmp_path / ".directduidelijk.toml", 'faal-op = "hoog"\n')
    with pytest.raises(ConfigError, match="'hoog' is geen geldige ernst. Kies uit: fout, waarschuwing, suggestie"):
        load_config(tmp_path)
    write(tmp_path / ".directduidelijk.toml", "faal-op = \n")
    with pytest.raises(ConfigError, match="geen geldig TOML-bestand"):
        load_config(tmp_path)
    write(tmp_path / ".directduidelijk.toml", '[per-bestand."oud/*"]\nfaal-op = "fout"\n')
    with pytest.raises(ConfigError, match="kan niet per bestand"):
        load_config(tmp_path)


def test_unknown_rule_names_in_config(tmp_path):
    write(tmp_path / ".directduidelijk.toml", 'negeer = ["lange-zinnen"]\n')
    config = load_config(tmp_path)
    with pytest.raises(ConfigError, match="'lange-zinnen' bestaat niet. Bedoelt u 'lange-zin'?"):
        load_rules(config)


def test_selection_and_severity_applied_to_rules():
    rules = {r.id: r for r in load_rules(Config(ignore=["lange-woorden"], severity={"lange-zin": Severity.ERROR}))}
    assert not rules["lange-woorden"].enabled and rules["lange-zin"].enabled
    assert rules["lange-zin"].severity is Severity.ERROR
    rules = {r.id: r for r in load_rules(Config(select=["lange-zin"]))}
    assert rules["lange-zin"].enabled and not rules["lange-alinea"].enabled
    # An id beats its set: select a set, ignore one rule; ignore a set, select one rule.
    rules = {r.id: r for r in load_rules(Config(select=["lange-zin"], ignore=["direct-duidelijk"]))}
    assert rules["lange-zin"].enabled and not rules["lange-alinea"].enabled


def test_per_file_globs(tmp_path):
    write(tmp_path / ".directduidelijk.toml", """\
        [per-bestand."oud/*.docx"]
        negeer = ["lange-zin"]
        [per-bestand."**/concept-*.md"]
        faal-op-niet = 1
    """.replace("faal-op-niet = 1", 'ernst = { lange-alinea = "fout" }'))
    config = load_config(tmp_path)
    assert config.matching_globs(tmp_path / "oud" / "brief.docx") == ("oud/*.docx",)
    assert config.matching_globs(tmp_path / "nieuw" / "brief.docx") == ()
    assert config.matching_globs(tmp_path / "a" / "b" / "concept-1.md") == ("**/concept-*.md",)
    assert config.matching_globs(tmp_path / "concept-1.md") == ("**/concept-*.md",)
    old = config.for_path(tmp_path / "oud" / "brief.docx")
    assert "lange-zin" in old.ignore and "lange-zin" not in config.ignore
    assert config.for_path(tmp_path / "concept-2.md").severity == {"lange-alinea": Severity.ERROR}


def test_per_file_applies_in_the_engine(tmp_path, nlp):
    from directduidelijk.document import Block, BlockKind, Document, Segment
    from directduidelijk.engine import RuleEngine
    from directduidelijk.language.analysis import analyse_document

    write(tmp_path / ".directduidelijk.toml", '[per-bestand."oud/*"]\nnegeer = ["lange-zin"]\n')
    config = load_config(tmp_path)
    engine = RuleEngine(load_rules(config), config)
    sentence = " ".join(["woord"] * 30) + "."

    def rules_for(path: Path) -> list[str]:
        block = Block(BlockKind.PARAGRAPH, sentence, (Segment(0, 1, 1),), paragraph=1)
        return [f.rule for f in engine.check(analyse_document(Document(str(path), "txt", [block]), nlp))]

    assert "lange-zin" in rules_for(tmp_path / "nieuw" / "brief.txt")
    assert "lange-zin" not in rules_for(tmp_path / "oud" / "brief.txt")


def test_settings_override_yaml_thresholds(tmp_path, nlp):
    from directduidelijk.document import Block, BlockKind, Document, Segment
    from directduidelijk.engine import RuleEngine
    from directduidelijk.language.analysis import analyse_document

    write(tmp_path / ".directduidelijk.toml", """\
        selecteer = ["lange-zin"]
        [instellingen.lange-zin]
        drempels = { waarschuwing = 10, fout = 12 }
    """)
    config = load_config(tmp_path)
    engine = RuleEngine(load_rules(config), config)
    sentence = " ".join(["woord"] * 13) + "."
    block = Block(BlockKind.PARAGRAPH, sentence, (Segment(0, 1, 1),), paragraph=1)
    findings = engine.check(analyse_document(Document("b.txt", "txt", [block]), nlp))
    assert [(f.rule, f.severity, f.extra["drempel"]) for f in findings] == [("lange-zin", Severity.ERROR, 12)]

    write(tmp_path / ".directduidelijk.toml", '[instellingen.lange-zin]\ndrempels = { hoog = 3 }\n')
    with pytest.raises(ConfigError, match="'hoog' is geen geldige ernst"):
        load_rules(load_config(tmp_path))
    write(tmp_path / ".directduidelijk.toml", '[instellingen.lange-zin]\ndrempel = { fout = 3 }\n')
    with pytest.raises(ConfigError, match="onbekende instelling 'drempel'. Bedoelt u 'drempels'?"):
        load_rules(load_config(tmp_path))
