"""Kind `afhankelijkheid`: spaCy DependencyMatcher patterns from YAML.

`markeer` names the nodes (RIGHT_ID) whose tokens form the flagged text: the span runs
from the first to the last marked token; Finding.extra["parts"] lists the marked words.
Each pattern is added under its own key, so the marked nodes are known per match.
Identical matches are reported once; overlapping spans keep the longest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from directduidelijk.engine.hits import Hit
from directduidelijk.engine.kinds import PARSE_COMPONENTS, POS_COMPONENTS
from directduidelijk.engine.kinds.patroon import _keys, components_for_keys

if TYPE_CHECKING:
    from directduidelijk.engine.kinds import RunState
    from directduidelijk.engine.rule import Rule


@dataclass(slots=True)
class Compiled:
    matcher: object
    marked: dict[int, list[int]]  # match key -> positions of the marked nodes in the pattern


def requires(rule: "Rule") -> set[str]:
    return set(PARSE_COMPONENTS | POS_COMPONENTS) | components_for_keys(_keys(rule.data["patronen"]))


def compile(rule: "Rule", vocab) -> Compiled:
    from spacy.matcher import DependencyMatcher

    from directduidelijk.engine.loader import RuleError

    matcher = DependencyMatcher(vocab, validate=True)
    marked: dict[int, list[int]] = {}
    for number, pattern in enumerate(rule.data["patronen"]):
        key = f"{rule.id}#{number}"
        try:
            matcher.add(key, [pattern])
        except Exception as error:
            detail = " ".join(str(error).split())[:400]
            raise RuleError(
                f"{rule.origin}, regel '{rule.id}', veld 'patronen': spaCy kan patroon {number + 1} niet gebruiken ({detail})."
            ) from None
        ids = [node["RIGHT_ID"] for node in pattern]
        positions = [ids.index(name) for name in rule.data["markeer"] if name in ids]
        marked[vocab.strings[key]] = positions or [0]
    return Compiled(matcher, marked)


def run(rule: "Rule", compiled: Compiled, state: "RunState") -> Iterator[Hit]:
    for block_index, doc in state.blocks(rule):
        if not doc.has_annotation("DEP"):
            continue
        seen: set[tuple[int, ...]] = set()
        candidates = []
        for match_id, token_ids in compiled.matcher(doc):
            tokens = tuple(sorted({token_ids[p] for p in compiled.marked.get(match_id, [0])}))
            if tokens in seen:
                continue
            seen.add(tokens)
            first, last = doc[tokens[0]], doc[tokens[-1]]
            if first.sent.start != last.sent.start:
                continue
            candidates.append((first.idx, last.idx + len(last.text), tokens))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, tokens in candidates:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            chosen.append((start, end, tokens))
        text = state.text(block_index)
        for start, end, tokens in sorted(chosen):
            parts = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in tokens]
            hit = Hit(block_index, start, end, sentence=state.sentence_at(block_index, start),
                      values={"tekst": text[start:end], "woorden": " … ".join(text[a:b] for a, b in parts)})
            if len(parts) > 1:
                hit.extra["parts"] = parts
            yield hit
