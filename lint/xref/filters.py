"""GitHub's filter patterns for `branches`, `branches-ignore`, `tags`, `tags-ignore`.

The syntax (GitHub docs, "Filter pattern cheat sheet"):

- `*` any run of characters except `/`; `**` any run of characters;
- `?` zero or one of the preceding character, `+` one or more of it;
- `[...]` one character of the set (ranges like `0-9a-z`), and `?`/`+` may follow it;
- `!` at the start of a pattern excludes what it matches (order matters: the
  last pattern that matches a ref decides);
- `\\` escapes the next character.

A pattern compiles to a tuple of `Piece`s: a character class with a repeat
range, the same shape as the sub-pattern tokens of `lint/subjects.py`, so a
filter can be turned into part of a `sub` language without losing anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

INF = None  # no upper bound on a repeat


class Piece(NamedTuple):  # a tuple: hashed and compared at C speed
    """One character class repeated `min`..`max` times (`max=None`: unbounded).

    `chars` are the characters it matches; with `negated`, every character
    except those (so `*` is `Piece(frozenset("/"), True, 0, None)`).
    """

    chars: FrozenSet[str]
    negated: bool
    min: int
    max: Optional[int]

    def matches_char(self, c: str) -> bool:
        return (c in self.chars) != self.negated


Pattern = Tuple[Piece, ...]


def literal_piece(c: str) -> Piece:
    return Piece(frozenset(c), False, 1, 1)


class FilterError(ValueError):
    pass


def compile_filter(pattern: str) -> Pattern:
    """One filter pattern (without a leading `!`) -> its pieces."""
    pieces: List[Piece] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if i + 1 < n and pattern[i + 1] == "*":
                pieces.append(Piece(frozenset(), True, 0, INF))
                i += 2
            else:
                pieces.append(Piece(frozenset("/"), True, 0, INF))
                i += 1
            continue
        if c in "?+":
            if not pieces or pieces[-1].max != 1 or pieces[-1].min != 1:
                # nothing to repeat: GitHub takes the character literally
                pieces.append(literal_piece(c))
            else:
                last = pieces.pop()
                pieces.append(Piece(last.chars, last.negated,
                                    0 if c == "?" else 1, 1 if c == "?" else INF))
            i += 1
            continue
        if c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                pieces.append(literal_piece(c))
                i += 1
                continue
            pieces.append(Piece(_char_class(pattern[i + 1:end]), False, 1, 1))
            i = end + 1
            continue
        if c == "\\" and i + 1 < n:
            pieces.append(literal_piece(pattern[i + 1]))
            i += 2
            continue
        pieces.append(literal_piece(c))
        i += 1
    return tuple(pieces)


def _char_class(body: str) -> FrozenSet[str]:
    out = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            lo, hi = body[i], body[i + 2]
            if ord(lo) <= ord(hi):
                out.update(chr(x) for x in range(ord(lo), ord(hi) + 1))
            i += 3
        else:
            out.add(body[i])
            i += 1
    return frozenset(out)


def to_regex(pieces: Pattern) -> str:
    out = []
    for p in pieces:
        cls = "".join(re.escape(c) for c in sorted(p.chars))
        if p.negated:
            atom = f"[^{cls}]" if cls else "(?s:.)"
        elif len(p.chars) == 1:
            atom = re.escape(next(iter(p.chars)))
        else:
            atom = f"[{cls}]" if cls else "(?!)"
        if (p.min, p.max) == (1, 1):
            out.append(atom)
        elif p.max is None:
            out.append(f"(?:{atom}){{{p.min},}}")
        else:
            out.append(f"(?:{atom}){{{p.min},{p.max}}}")
    return "".join(out)


def matches(pattern: str, name: str) -> bool:
    """Does one filter pattern (no leading `!`) match a branch or tag name?"""
    return re.fullmatch(to_regex(compile_filter(pattern)), name) is not None


@dataclass(frozen=True)
class Filter:
    """An ordered list of patterns (`!` excludes) or an ignore list."""

    patterns: Tuple[Tuple[bool, Pattern, str], ...]  # (include?, pieces, source)
    ignore: bool = False  # branches-ignore / tags-ignore: everything but these

    def admits(self, name: str) -> bool:
        if self.ignore:
            return not any(re.fullmatch(to_regex(p), name) for _, p, _ in self.patterns)
        verdict = False
        for include, pieces, _ in self.patterns:
            if re.fullmatch(to_regex(pieces), name):
                verdict = include
        return verdict


def make_filter(values: Sequence, ignore: bool = False) -> Filter:
    """A filter from a workflow's list (strings; others are skipped)."""
    if isinstance(values, str):
        values = [values]
    out = []
    for v in values or []:
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            continue
        s = str(v)
        include = True
        if s.startswith("!") and not ignore:
            include, s = False, s[1:]
        out.append((include, compile_filter(s), str(v)))
    return Filter(tuple(out), ignore)


def is_literal(pieces: Pattern) -> bool:
    return all(not p.negated and len(p.chars) == 1 and (p.min, p.max) == (1, 1)
               for p in pieces)


def literal_text(pieces: Pattern) -> str:
    return "".join(next(iter(p.chars)) for p in pieces)
