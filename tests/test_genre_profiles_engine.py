"""The genre's profile changes other rules' thresholds: a raadsvoorstel may have longer sentences."""

from __future__ import annotations

from shared_session import shared_session

from directduidelijk.readers import Input

LONG = ("Het college stelt de raad voor om het krediet voor nieuwe speeltoestellen in de wijk "
        "Noordhoek dit jaar beschikbaar te stellen aan de afdeling Buitenruimte van de gemeente.")  # 28 words


def severity_of_long_sentence(text: str, genre: str) -> str | None:
    data = f"<!-- directduidelijk: genre={genre} -->\n\n{text}\n".encode("utf-8")
    result = next(shared_session().check([Input("voorstel.md", data=data, format="md")]))
    assert result.genre == genre
    found = [f.severity.value for f in result.findings if f.rule == "lange-zin"]
    return found[0] if found else None


def test_letter_and_proposal_get_their_own_sentence_limits():
    assert len(LONG.split()) == 28
    assert severity_of_long_sentence(LONG, "brief") == "fout"  # brief-bewoners: fout above 25
    assert severity_of_long_sentence(LONG, "raadsvoorstel") == "waarschuwing"  # raadsvoorstel: fout above 30
