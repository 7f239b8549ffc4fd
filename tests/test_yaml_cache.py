"""The JSON cache of parsed YAML gives back exactly what PyYAML read, or is not used."""

from __future__ import annotations

from directduidelijk.engine import loader


def test_cached_yaml_is_the_parsed_yaml(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTDUIDELIJK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("DIRECTDUIDELIJK_GEEN_CACHE", raising=False)
    path = tmp_path / "woorden.yaml"
    path.write_text("middels: door\ninzake:\n  - over\n  - '1'\n", encoding="utf-8")
    first = loader.read_yaml_cached(path)
    assert list((tmp_path / "cache" / "directduidelijk" / "yaml").glob("*.json"))
    assert loader.read_yaml_cached(path) == first == loader.read_yaml(path)


def test_keys_json_would_change_are_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTDUIDELIJK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("DIRECTDUIDELIJK_GEEN_CACHE", raising=False)
    path = tmp_path / "woordenschat.yaml"
    path.write_text("yes: een Engels woord\n2024: een jaar\nWmo: Wet maatschappelijke ondersteuning\n", encoding="utf-8")
    for _ in range(2):
        assert loader.read_yaml_cached(path) == {True: "een Engels woord", 2024: "een jaar",
                                                 "Wmo": "Wet maatschappelijke ondersteuning"}
    assert not (tmp_path / "cache" / "directduidelijk" / "yaml").exists()
    assert loader._vocabulary_file(path) == {"True": "een Engels woord", "2024": "een jaar",
                                             "Wmo": "Wet maatschappelijke ondersteuning"}
