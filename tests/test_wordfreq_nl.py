"""wordfreq_nl.zipf gives exactly wordfreq.zipf_frequency(word, "nl"), from a cached table for plain words."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

wordfreq = pytest.importorskip("wordfreq")

from directduidelijk import wordfreq_nl  # noqa: E402


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTDUIDELIJK_CACHE", str(tmp_path))
    monkeypatch.delenv("DIRECTDUIDELIJK_GEEN_CACHE", raising=False)
    wordfreq_nl._table.cache_clear()
    yield tmp_path
    wordfreq_nl._table.cache_clear()


def sample_words() -> list[str]:
    listed = sorted(wordfreq.get_frequency_dict("nl"))
    chooser = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyzéëèïöüàç"
    made_up = ["".join(chooser.choice(letters) for _ in range(chooser.randint(1, 10))) for _ in range(1000)]
    other = ["Gemeente", "e-mail", "foto's", "2024", "b1", "één", "financiële", "café", "", "ĳs", "straße", "ÉÉN",
             "coöperatie", "naïef", "gemeente ", "zorg-verzekering"]
    plain = [word for word in listed if wordfreq_nl.PLAIN_WORD.fullmatch(word)]
    phrases = [chooser.choice(" -").join(chooser.choice(plain) for _ in range(chooser.randint(2, 4))) for _ in range(500)]
    phrases += ["wet maatschappelijke ondersteuning", "e-mail", "gemeente qxzjvw", "a  b", " gemeente", "gemeente-",
                "zorg - verzekering", "wmo-consulent", "sociaal domein", "woz-", "-ontvanke", "niet-", "-", " ", "--a",
                "a--b", "a -b- c"]
    phrases += ["".join(chooser.choice("abcdeëfghijklmnopqrstuvwxyz -") for _ in range(chooser.randint(1, 12)))
                for _ in range(1000)]
    return chooser.sample(listed, 3000) + made_up + other + phrases


def test_same_values_as_wordfreq(fresh_cache):
    for word in sample_words():
        assert wordfreq_nl.zipf(word) == wordfreq.zipf_frequency(word, "nl"), word
    assert any(path.name.startswith("wordfreq-nl-") for path in (fresh_cache / "directduidelijk").iterdir())


def test_every_plain_word_of_the_list_is_in_the_table(fresh_cache):
    table = wordfreq_nl._table()
    frequencies = wordfreq.get_frequency_dict("nl")
    plain = [word for word in frequencies if wordfreq_nl.PLAIN_WORD.fullmatch(word)]
    assert len(table.words) == len(plain)
    assert table.words == sorted(table.words)


def test_without_cache_everything_goes_to_wordfreq(fresh_cache, monkeypatch):
    monkeypatch.setenv("DIRECTDUIDELIJK_GEEN_CACHE", "1")
    assert wordfreq_nl._table() is None
    assert wordfreq_nl.zipf("gemeente") == wordfreq.zipf_frequency("gemeente", "nl")
    assert not (fresh_cache / "directduidelijk").exists()


def test_a_table_that_disagrees_with_wordfreq_is_not_used(fresh_cache, monkeypatch):
    monkeypatch.setattr(wordfreq_nl, "zipf_from_frequencies", lambda frequencies: 1.0)
    assert wordfreq_nl.build_table() is None
    assert wordfreq_nl._table() is None
    assert wordfreq_nl.zipf("gemeente") == wordfreq.zipf_frequency("gemeente", "nl")


@pytest.mark.parametrize("damage", [b"\xff\xfe niet te lezen", b"", b"a\t1\nb\t", b"a\t1\nb"])
def test_a_damaged_cache_file_is_rebuilt(fresh_cache, damage):
    wordfreq_nl._table()
    path = wordfreq_nl._cache_file()
    path.write_bytes(damage)
    wordfreq_nl._table.cache_clear()
    assert wordfreq_nl.zipf("gemeente") == wordfreq.zipf_frequency("gemeente", "nl")
    assert path.read_text(encoding="utf-8").startswith("a\t")


def test_plain_words_do_not_import_wordfreq_once_cached(fresh_cache):
    wordfreq_nl._table()
    code = ("import sys; from directduidelijk.wordfreq_nl import zipf\n"
            "values = [zipf(w) for w in ('gemeente', 'bezwaarschrift', 'financiële', 'qxzjv', 'sociaal domein')]\n"
            "print(values, 'wordfreq' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DIRECTDUIDELIJK_CACHE": str(fresh_cache)})
    assert done.returncode == 0, done.stderr
    expected = [wordfreq.zipf_frequency(w, "nl") for w in ("gemeente", "bezwaarschrift", "financiële", "qxzjv", "sociaal domein")]
    assert done.stdout.strip() == f"{expected} False"


def test_a_cache_folder_that_cannot_be_written_means_wordfreq(fresh_cache, monkeypatch):
    (fresh_cache / "directduidelijk").mkdir()
    monkeypatch.setattr(wordfreq_nl.os, "access", lambda path, mode: False)
    assert wordfreq_nl._table() is None
    assert wordfreq_nl.zipf("gemeente") == wordfreq.zipf_frequency("gemeente", "nl")
    assert list((fresh_cache / "directduidelijk").iterdir()) == []
