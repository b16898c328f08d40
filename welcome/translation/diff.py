"""Word-level diff of an outdated unit's old and new source, for the editor."""

import difflib
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    op: str  # "same", "removed", "added"
    text: str


def word_diff(old, new):
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(Piece("removed", "".join(before[a1:a2])))
        if b2 > b1:
            pieces.append(Piece("added", "".join(after[b1:b2])))
    return pieces
