"""Inline code in Markdown (`json`, `--format`) is literal text: kept in the block, never judged."""

from directduidelijk.readers import Input, read_bytes
from shared_session import shared_session

SOURCE = "U kiest met `--format sarif` de uitvoer. Gebruik liever niet `middels` maar `met`.\n"


def test_reader_marks_code_spans():
    block = read_bytes(SOURCE.encode(), "x.md", "md").blocks[0]
    assert [block.text[s:e] for s, e in block.protected] == ["--format sarif", "middels", "met"]


def test_code_spans_are_not_judged():
    result = next(shared_session().check([Input("x.md", data=SOURCE.encode(), format="md")]))
    assert not [f for f in result.findings if f.rule in ("ambtelijke-taal", "moeilijk-woord", "afkorting")]
    plain = next(shared_session().check([Input("y.md", data=b"Gebruik liever niet middels maar met.\n", format="md")]))
    assert any(f.rule == "ambtelijke-taal" for f in plain.findings)
