"""Exact answers about the `sub` claims a trust policy admits.

Part 1 is a small regular-language toolkit for *linear patterns*. A pattern is
a tuple of `Tok(chars, min, max)`: a run of min..max characters from a
`CharSet` (max None: unbounded). IAM's `StringLike` values are linear patterns
(`glob`), `StringEquals` values too (`literal`). Boolean combinations of them
(`Union`, `Inter`, `Not`) are regular languages; `witness(lang)` gives a
member (the shortest, made readable) or None when the language is empty, and
`difference_witness(a, b)` a member of `a` outside `b`. The engine runs every
pattern of a union as one bit-parallel NFA (Shift-And), and searches the
product of those NFAs breadth-first over a partition of the alphabet: every
character a pattern names is its own class, all others share one
representative. Answers are exact, not heuristics. Three shortcuts give the
same answers faster: membership runs each pattern as a regular expression when
it cannot backtrack much (else on its automaton); a plainly finite language (a
list of exact subs) is answered from its members; and before a search, the
patterns whose literal beginning already rules a target out are dropped.

Part 2 is the trust semantics: which statements of a trust policy let the
GitHub provider assume the role, and which `sub` values each one admits under
IAM's condition rules (`github_statements`, `admitting_statements`,
`broader_witness`, `analyse`).
"""
from __future__ import annotations

import dataclasses
import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from .values import Template, Unknown

# ---------------------------------------------------------------------------
# Part 1: linear patterns and their boolean combinations


class CharSet(NamedTuple):
    """A set of characters, or (negated) every character except these."""

    chars: frozenset = frozenset()
    negated: bool = False

    def has(self, c: str) -> bool:
        return (c in self.chars) != self.negated


ANY = CharSet(frozenset(), True)
NOT_COLON = CharSet(frozenset(":"), True)
NAME_CHARS = CharSet(frozenset("/:"), True)  # an owner or repository token


@lru_cache(maxsize=4096)
def chars(s) -> CharSet:
    return CharSet(frozenset(s))


class Tok(NamedTuple):
    chars: CharSet
    min: int = 1
    max: Optional[int] = 1


Pattern = Tuple[Tok, ...]

# Unresolved template parts (`${Org}` with no default) are "holes". In `wild`
# mode a hole is what the brief of IAM says it can be: any run of characters
# other than `:`. In `opaque` mode each hole becomes a run of one private
# character standing for "the one value the parameter will have" (with `/`
# inside it for OWNER/REPO, never `/` alone), so an analysis can tell what
# holds whatever that value is.
HOLE_BASE = 0xE000


def _hole_char(name: str, holes: Dict[str, str]) -> str:
    if name not in holes:
        holes[name] = chr(HOLE_BASE + len(holes))
    return holes[name]


def _hole(h: str) -> Pattern:
    """An opaque hole: its private character, then more of it or `/` (a value
    such as OWNER/REPO). It starts with the character, so a value the hole
    takes always shows it (a run of `/` alone is no parameter's value)."""
    return (Tok(chars(h)), Tok(CharSet(frozenset((h, "/"))), 0, None))


def glob(value, holes: Optional[Dict[str, str]] = None) -> Pattern:
    """An IAM `StringLike` value as a pattern.

    `*` is any run (`:` and `/` included), `?` one character, `${*}`, `${?}`,
    `${$}` the literal characters. `value` may be a str, a number, or a
    `Template`: its `Unknown` parts become a run of characters other than `:`
    (or, when `holes` is a dict, an opaque run of a private character per name,
    recorded in `holes`); without `holes`, a value that is nothing but a hole
    (`values = var.subjects`) is any run, colons included.
    """
    if holes is None and whole_hole(value):
        return (Tok(ANY, 0, None),)
    out: List[Tok] = []
    for part in _parts(value):
        if isinstance(part, Unknown):
            if holes is None:
                out.append(Tok(NOT_COLON, 0, None))
            else:
                out.extend(_hole(_hole_char(part.name, holes)))
            continue
        i, n = 0, len(part)
        while i < n:
            c = part[i]
            if c == "$" and part.startswith(("${*}", "${?}", "${$}"), i):
                out.append(Tok(chars(part[i + 2])))
                i += 4
                continue
            if c == "*":
                if not (out and out[-1].chars == ANY and out[-1].max is None):
                    out.append(Tok(ANY, 0, None))
            elif c == "?":
                out.append(Tok(ANY))
            else:
                out.append(_ONE.get(c) or _one(c))
            i += 1
    return tuple(out)


_ONE: Dict[str, Tok] = {}  # the Tok of each single character, shared
_ONE_CHAR: Dict[int, str] = {}  # id of such a Tok -> its character (they live in _ONE)


def _one(c: str) -> Tok:
    tok = _ONE.get(c)
    if tok is None:
        tok = _ONE[c] = Tok(chars(c))
        _ONE_CHAR[id(tok)] = c
    return tok


def literal(value, ignore_case: bool = False, holes: Optional[Dict[str, str]] = None) -> Pattern:
    """A `StringEquals` value as a pattern: every character stands for itself."""
    if holes is None and whole_hole(value):
        return (Tok(ANY, 0, None),)
    out: List[Tok] = []
    for part in _parts(value):
        if isinstance(part, Unknown):
            if holes is None:
                out.append(Tok(NOT_COLON, 0, None))
            else:
                out.extend(_hole(_hole_char(part.name, holes)))
            continue
        for c in part:
            if ignore_case:
                out.append(Tok(chars(c + c.lower() + c.upper())))
                continue
            out.append(_ONE.get(c) or _one(c))
    return tuple(out)


def whole_hole(value) -> bool:
    """Is the whole value unknown (a Terraform variable without default, a `for`
    with `if`, a parameter), not a hole inside known text? It may stand for any
    sub, colons and all (or for a list of them)."""
    return all(isinstance(p, Unknown) for p in _parts(value))


def _parts(value):
    if isinstance(value, Template):
        return value.parts
    if isinstance(value, bool):
        return ("true" if value else "false",)
    if isinstance(value, (int, float)):
        return (str(value),)
    if isinstance(value, str):
        return (value,)
    return (Unknown("value"),)


def seq(*items) -> Pattern:
    """Build a pattern from literal strings and Toks."""
    out: List[Tok] = []
    for it in items:
        if isinstance(it, str):
            out.extend(_ONE.get(c) or _one(c) for c in it)
        elif isinstance(it, Tok):
            out.append(it)
        else:
            out.extend(it)
    return tuple(out)


class Lang:
    """A boolean combination of linear patterns."""


@dataclass(frozen=True)
class Union(Lang):
    items: Tuple

    def __init__(self, items):
        object.__setattr__(self, "items", tuple(items))


@dataclass(frozen=True)
class Inter(Lang):
    items: Tuple

    def __init__(self, items):
        object.__setattr__(self, "items", tuple(items))


@dataclass(frozen=True)
class Not(Lang):
    item: object


EVERYTHING: Pattern = (Tok(ANY, 0, None),)
NOTHING = Union([])


class _Leaf:
    """Several patterns run as one bit-parallel NFA (their union).

    State bit i of pattern p means "the first i elements of p are matched".
    Elements are expanded from Toks: `one` (exactly one char), `opt` (may be
    skipped), `star` (loops). Patterns sit side by side in one integer; an
    accept bit has no element, so a shift never crosses into the next pattern.
    """

    def __init__(self, patterns: Sequence[Pattern]):
        sets: List[Optional[CharSet]] = []
        kinds = bytearray()  # o: one, p: optional, s: star, e: end of a pattern
        begins, ends = [], []
        for pat in patterns:
            begins.append(len(sets))
            for cs, lo, hi in pat:
                if lo == 1 and hi == 1:
                    sets.append(cs)
                    kinds.append(111)  # o
                    continue
                lo = lo if lo > 0 else 0
                sets.extend([cs] * lo)
                kinds.extend(b"o" * lo)
                if hi is None:
                    sets.append(cs)
                    kinds.extend(b"s")
                elif hi > lo:
                    sets.extend([cs] * (hi - lo))
                    kinds.extend(b"p" * (hi - lo))
            # the accept position of this pattern: a slot with no element
            sets.append(None)
            kinds.extend(b"e")
            ends.append(len(sets) - 1)
        accept = _bits(ends)
        starts = _bits(begins)
        self.sets = sets
        self.accept = accept
        self.skip = _mask(kinds, b"ps")
        self.star_bits = _mask(kinds, b"s")
        self.move_bits = _mask(kinds, b"op")
        # per character: the positions that take it (negated sets: all but theirs)
        # positions grouped by character-set object first (by identity: cheap), so
        # a large shared set (owner characters, say) is walked once, not once per
        # position that uses it
        groups: Dict[int, list] = {}
        for i, cs in enumerate(sets):
            if cs is not None:
                g = groups.get(id(cs))
                if g is None:
                    groups[id(cs)] = [cs, 1 << i]
                else:
                    g[1] |= 1 << i
        positive: Dict[str, int] = {}
        excluded: Dict[str, int] = {}
        negated = 0
        for cs, bits in groups.values():
            if cs.negated:
                negated |= bits
                table = excluded
            else:
                table = positive
            for c in cs.chars:
                table[c] = table.get(c, 0) | bits
        self.negated = negated
        self.positive = positive
        self.excluded = excluded
        self.explicit = frozenset(self.positive) | frozenset(self.excluded)
        # a state holding an ANY-star from which the end is reached by skips
        # accepts every continuation: all such states are one (canonical) state
        self.universal = 0
        for i, cs in enumerate(sets):
            if kinds[i] == 115 and cs.negated and not cs.chars \
                    and self.closure(1 << i) & accept:
                self.universal |= 1 << i
        low = self.universal & -self.universal
        self.canonical = self.closure(low) if low else 0
        start = self.closure(starts)
        self.start = self.canonical if start & self.universal else start
        self._cache: Dict[str, Tuple[int, int]] = {}
        self._steps: Dict[str, Dict[int, int]] = {}  # char -> state -> next state
        self._live: Dict[int, frozenset] = {}

    def closure(self, s: int) -> int:
        skip = self.skip
        while True:
            t = s | ((s & skip) << 1)
            if t == s:
                return s
            s = t

    def masks(self, c: str) -> Tuple[int, int]:
        m = self._cache.get(c)
        if m is None:
            match = self.positive.get(c, 0) | (self.negated & ~self.excluded.get(c, 0))
            m = (match & self.move_bits, match & self.star_bits)
            self._cache[c] = m
        return m

    def step(self, s: int, c: str) -> int:
        by_state = self._steps.get(c)
        if by_state is None:
            by_state = self._steps[c] = {}
        nxt = by_state.get(s)
        if nxt is None:
            move, star = self.masks(c)
            t = ((s & move) << 1) | (s & star)
            nxt = self.closure(t) if t else 0
            if nxt & self.universal:
                nxt = self.canonical
            by_state[s] = nxt
        return nxt

    def live(self, s: int) -> Optional[frozenset]:
        """The characters that keep some state of `s` alive (None: maybe any)."""
        if s & self.negated:
            return None
        hit = self._live.get(s)
        if hit is not None:
            return hit
        out = set()
        state = s
        while s:
            low = s & -s
            cs = self.sets[low.bit_length() - 1]
            if cs is not None:
                out |= cs.chars
            s ^= low
        out = self._live[state] = frozenset(out)
        return out

    def explicit_chars(self):
        return set(self.explicit)


_MASK_TABLES: Dict[bytes, bytes] = {}


def _mask(kinds: bytearray, which: bytes) -> int:
    """Bit i set where kinds[i] is one of `which` (at C speed)."""
    if not kinds:
        return 0
    table = _MASK_TABLES.get(which)
    if table is None:
        table = _MASK_TABLES[which] = bytes(49 if b in which else 48 for b in range(256))
    row = kinds.translate(table)
    row.reverse()
    return int(row, 2)


def _bits(positions) -> int:
    """An integer with the given bit positions set (fast for thousands of bits)."""
    positions = list(positions)
    if not positions:
        return 0
    if len(positions) < 64:
        out = 0
        for i in positions:
            out |= 1 << i
        return out
    row = bytearray(b"0" * (max(positions) + 1))
    for i in positions:
        row[i] = 49  # "1"
    row.reverse()
    return int(row, 2)


_LEAF_CACHE: Dict[tuple, _Leaf] = {}


def _leaf_for(patterns) -> _Leaf:
    key = tuple(patterns)
    leaf = _LEAF_CACHE.get(key)
    if leaf is None:
        if len(_LEAF_CACHE) > 512:
            _LEAF_CACHE.clear()
        leaf = _LEAF_CACHE[key] = _Leaf(patterns)
    return leaf


class _Machine:
    """A compiled language: leaves (NFAs) and a formula over their acceptance."""

    def __init__(self, lang):
        self.leaves: List[_Leaf] = []
        self.formula = self._compile(lang)
        self._step_fns = None

    def _compile(self, lang):
        if isinstance(lang, tuple):
            return self._leaf([lang])
        if isinstance(lang, Union):
            pats = [x for x in lang.items if isinstance(x, tuple)]
            rest = [self._compile(x) for x in lang.items if not isinstance(x, tuple)]
            if pats:
                rest.append(self._leaf(pats))
            return ("or", rest)
        if isinstance(lang, Inter):
            return ("and", [self._compile(x) for x in lang.items])
        if isinstance(lang, Not):
            return ("not", self._compile(lang.item))
        raise TypeError(f"not a language: {lang!r}")

    def _leaf(self, pats):
        leaf = _leaf_for(pats)
        for i, known in enumerate(self.leaves):  # the same union twice: one state
            if known is leaf:
                return ("leaf", i)
        self.leaves.append(leaf)
        return ("leaf", len(self.leaves) - 1)

    def required(self) -> List[int]:
        """Leaves that must accept for the whole language to accept."""
        return self.required_of(self.formula)

    @staticmethod
    def required_of(formula) -> List[int]:
        def req(f):
            op, arg = f
            if op == "leaf":
                return {arg}
            if op == "and":
                return set().union(*(req(x) for x in arg)) if arg else set()
            if op == "or":
                sets = [req(x) for x in arg]
                return set.intersection(*sets) if sets else set()
            return set()
        return sorted(req(formula))

    def start(self) -> Tuple[int, ...]:
        return tuple(leaf.start for leaf in self.leaves)

    def step(self, state, c):
        fns = self._step_fns
        if fns is None or len(fns) != len(self.leaves):
            fns = self._step_fns = [leaf.step for leaf in self.leaves]
        return tuple([f(s, c) for f, s in zip(fns, state)])

    def accepts(self, state) -> bool:
        return _eval(self.formula, state, self.leaves)

    def verdict(self, state) -> Optional[bool]:
        """True/False if every continuation is accepted/rejected; None if unknown."""
        return _eval3(self.formula, state, self.leaves)

    def alphabet(self) -> List[str]:
        explicit = set()
        for leaf in self.leaves:
            explicit |= leaf.explicit_chars()
        other = next((c for c in "xabcdefghijklmnopqrstuvwyz0123456789-_" if c not in explicit),
                     None)
        if other is None:
            other = next(chr(i) for i in range(0x21, 0x10FFFF) if chr(i) not in explicit)
        # readable characters first: the search keeps the first path it finds
        return [other] + sorted(explicit, key=_readability)


def _readability(c: str):
    if c.isalpha() and c.isascii():
        return (0, c.lower() != c, c)
    if c.isdigit():
        return (1, False, c)
    if ord(c) >= HOLE_BASE and ord(c) < HOLE_BASE + 0x1000:
        return (4, False, c)
    if c in "-_./":
        return (2, False, c)
    return (3, False, c)


def _eval(f, state, leaves):
    op, arg = f
    if op == "leaf":
        return bool(state[arg] & leaves[arg].accept)
    if op == "or":
        return any(_eval(x, state, leaves) for x in arg)
    if op == "and":
        return all(_eval(x, state, leaves) for x in arg)
    return not _eval(arg, state, leaves)


def _eval3(f, state, leaves):
    op, arg = f
    if op == "leaf":
        s = state[arg]
        if s == 0:
            return False
        return True if s & leaves[arg].universal else None
    if op == "or":
        vals = [_eval3(x, state, leaves) for x in arg]
        if any(v is True for v in vals):
            return True
        return False if all(v is False for v in vals) else None
    if op == "and":
        vals = [_eval3(x, state, leaves) for x in arg]
        if any(v is False for v in vals):
            return False
        return True if all(v is True for v in vals) else None
    v = _eval3(arg, state, leaves)
    return None if v is None else (not v)


def _closure(f, mode: str):
    """A formula as a function of the leaf states `s`, with `A[i]`/`U[i]` the
    accept/universal masks of leaf i: in mode "accept" it holds when the string
    read so far is in the language, "possible" when some continuation may be,
    "certain" when every continuation is. Built from closures: nothing is
    compiled or evaluated from text."""
    op, arg = f
    if op == "leaf":
        i = int(arg)
        if mode == "accept":
            return lambda s, A, U: bool(s[i] & A[i])
        if mode == "possible":
            return lambda s, A, U: bool(s[i])
        return lambda s, A, U: bool(s[i] & U[i])
    if op == "not":
        inner = _closure(arg, {"accept": "accept", "possible": "certain",
                               "certain": "possible"}[mode])
        return lambda s, A, U: not inner(s, A, U)
    if not arg:
        return (lambda s, A, U: False) if op == "or" else (lambda s, A, U: True)
    parts = [_closure(x, mode) for x in arg]
    fn = parts[0]
    for nxt in parts[1:]:  # a chain of two-way closures: no generator per call
        if op == "or":
            fn = (lambda a, b: lambda s, A, U: a(s, A, U) or b(s, A, U))(fn, nxt)
        else:
            fn = (lambda a, b: lambda s, A, U: a(s, A, U) and b(s, A, U))(fn, nxt)
    return fn


_COMPILED: Dict[tuple, object] = {}


def _compile_goals(goals, mode):
    key = (repr(goals), mode)
    fn = _COMPILED.get(key)
    if fn is None:
        if len(_COMPILED) > 1024:
            _COMPILED.clear()
        fns = [_closure(g, mode) for g in goals]
        if len(fns) == 1:
            (one,) = fns
            fn = (lambda s, A, U: (one(s, A, U),))
        else:
            fn = (lambda s, A, U: [f(s, A, U) for f in fns])
        _COMPILED[key] = fn
    return fn


class TooComplex(Exception):
    """A question whose search would go past its bound (a policy written to be
    hard: dozens of interleaved wildcards); callers say so and move on."""


def _bfs(machine: _Machine, goals: List, start=None, limit: int = 50_000) -> List[Optional[str]]:
    """Shortest strings accepted by each goal formula (breadth-first, one walk)."""
    leaves = machine.leaves
    accepts = _compile_goals(goals, "accept")
    possible = _compile_goals(goals, "possible")
    acc_masks = tuple(leaf.accept for leaf in leaves)
    univ_masks = tuple(leaf.universal for leaf in leaves)
    required = [(i, leaves[i]) for i in
                set.intersection(*[set(_Machine.required_of(g)) for g in goals])] if goals else []
    alphabet = machine.alphabet()
    rank = {c: i for i, c in enumerate(alphabet)}
    start = machine.start() if start is None else start
    seen = {start: None}
    queue = deque([start])
    found: List[Optional[str]] = [None] * len(goals)
    missing = len(goals)
    step = machine.step
    while queue and missing:
        st = queue.popleft()
        alive = False
        for g, (acc, pos) in enumerate(zip(accepts(st, acc_masks, univ_masks),
                                           possible(st, acc_masks, univ_masks))):
            if found[g] is None:
                if acc:
                    found[g] = _path(seen, st)
                    missing -= 1
                elif pos:
                    alive = True
        if not alive:
            continue
        letters = alphabet
        live = None
        for i, leaf in required:  # a required leaf that dies kills the state
            more = leaf.live(st[i])
            if more is not None:
                live = more if live is None else live & more
        if live is not None:
            letters = sorted(live, key=rank.get) if len(live) > 1 else live
        for c in letters:
            nxt = step(st, c)
            if nxt not in seen:
                seen[nxt] = (st, c)
                queue.append(nxt)
        if len(seen) > limit:
            raise TooComplex(f"more than {limit:,} states to search")
    return found


def _search(machine: _Machine, start=None) -> Optional[str]:
    """The shortest string accepted from `start`, or None."""
    return _bfs(machine, [machine.formula], start)[0]


def _path(seen, st) -> str:
    out = []
    while seen[st] is not None:
        st, c = seen[st]
        out.append(c)
    return "".join(reversed(out))


def witnesses(lang, targets: Dict[str, object]) -> Dict[str, str]:
    """For each named target T, a member of `lang` ∩ T (absent when empty).

    A plainly finite `lang` is answered from its members. Otherwise, per target:
    the patterns of `lang` that cannot meet it are dropped, a readable member of
    the others is tried, and only then the product is searched breadth-first.
    """
    if not targets:
        return {}
    names = list(targets)
    out = {}
    members = _finite_members(lang)
    if members is not None:
        for n in names:
            hit = next((s for s in members if matches(targets[n], s)), None)
            if hit is not None:
                out[n] = hit
        return out
    split = _split_union(lang)
    order = _trie_order(split[0]) if split is not None else None
    for n in names:  # one search per target, over the patterns that may meet it
        sub_lang = lang
        if split is not None:
            pats, rebuild = split
            meeting = _meeting(pats, targets[n], order)
            if not meeting:
                continue
            if len(meeting) < len(pats):
                sub_lang = rebuild(meeting)
            readable = _readable_hit(meeting, sub_lang, targets[n])
            if readable is not None:
                out[n] = readable
                continue
        m = _Machine(Inter([sub_lang, targets[n]]))
        w = _bfs(m, [m.formula])[0]
        if w is not None:
            out[n] = w
    return out


def _readable_hit(patterns: List[Pattern], lang, target) -> Optional[str]:
    """A plain member of one of the patterns (each run filled with one readable
    character) that is in `lang` and `target`, if one is: no search needed."""
    for pat in patterns[:8]:
        for tail in _TAILS:
            text = _readable_member(pat, tail)
            if text is not None and matches(lang, text) and matches(target, text):
                return text
    return None


# what a pattern's last open run is tried with: a character, then the contexts
# GitHub puts at the end of a sub
_TAILS = ("x", "pull_request", "ref:refs/heads/x", "ref:refs/tags/x", "environment:x")


def _readable_member(pat: Pattern, tail: str = "x") -> Optional[str]:
    out = []
    last_open = max((i for i, t in enumerate(pat) if t.max is None and t.chars.negated),
                    default=-1)
    for i, (cs, lo, hi) in enumerate(pat):
        if i == last_open and not any(c in cs.chars for c in tail):
            out.append(tail)
            continue
        count = lo if lo > 0 else (1 if hi is None or hi > 0 else 0)
        if not count:
            continue
        holes = [c for c in cs.chars if _has_hole(c)]
        if cs.negated:
            c = next((c for c in "xyzabc0123456789" if c not in cs.chars), None)
        elif holes:
            c = min(holes)
        else:
            c = min(cs.chars, key=_readability) if cs.chars else None
        if c is None:
            return None
        out.append(c * count)
    return "".join(out)


def _split_union(lang):
    """(patterns, rebuild) when `lang` is a union of patterns, or an intersection
    with one: rebuild(some) is `lang` with only those patterns in that union."""
    if isinstance(lang, tuple):
        return [lang], Union
    if isinstance(lang, Union) and all(isinstance(x, tuple) for x in lang.items):
        return list(lang.items), Union
    if isinstance(lang, Inter):
        for i, x in enumerate(lang.items):
            got = _split_union(x)
            if got is not None:
                pats, inner = got
                items = lang.items
                return pats, lambda some: Inter(items[:i] + (inner(some),) + items[i + 1:])
    return None


def _trie_order(patterns: List[Pattern]) -> List[Tuple[int, str, bool, int]]:
    """(index, literal beginning, whether that is all of it, length shared with
    the previous beginning) for each pattern, in the order of the beginnings."""
    heads = [_pattern_info(p)[2] for p in patterns]
    out = []
    prev = ""
    for i in sorted(range(len(patterns)), key=lambda i: heads[i][0]):
        head, whole = heads[i]
        lo, hi = 0, min(len(head), len(prev))  # longest common prefix, by halving
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if head[:mid] == prev[:mid]:
                lo = mid
            else:
                hi = mid - 1
        out.append((i, head, whole, lo))
        prev = head
    return out


def _meeting(patterns: List[Pattern], target, order=None) -> List[Pattern]:
    """The patterns that may share a string with `target`: a pattern whose
    literal beginning already leaves `target` no way to accept cannot (nor can
    a fully literal pattern that `target` rejects). The beginnings are walked as
    a trie (`order`: `_trie_order(patterns)`), so a prefix common to many
    patterns is read once."""
    m = _machine_of(target)
    possible = _compile_goals([m.formula], "possible")
    accepts = _compile_goals([m.formula], "accept")
    acc = tuple(leaf.accept for leaf in m.leaves)
    univ = tuple(leaf.universal for leaf in m.leaves)
    keep = []
    states = [m.start()]  # states[k]: after k characters of the last beginning (None: dead)
    for i, head, whole, k in order if order is not None else _trie_order(patterns):
        del states[k + 1:]
        st = states[k]
        for c in head[k:]:
            if st is None:
                break
            st = m.step(st, c)
            if not possible(st, acc, univ)[0]:
                st = None
            states.append(st)
        if st is None:
            states.extend([None] * (len(head) + 1 - len(states)))
            continue
        if whole and not accepts(st, acc, univ)[0]:
            continue
        keep.append(i)
    return [patterns[i] for i in sorted(keep)]


def _machine_of(lang) -> "_Machine":
    """The compiled machine of a language kept alive elsewhere (class languages)."""
    hit = _MACHINES.get(id(lang))
    if hit is not None and hit[0] is lang:
        return hit[1]
    if len(_MACHINES) > 512:
        _MACHINES.clear()
    m = _Machine(lang)
    _MACHINES[id(lang)] = (lang, m)
    return m


_MACHINES: Dict[int, tuple] = {}


_WITNESSES: Dict[object, Optional[str]] = {}


def witness(lang) -> Optional[str]:
    """A member of `lang` (short and readable), or None iff `lang` is empty."""
    try:
        return _WITNESSES[lang]
    except KeyError:
        pass
    except TypeError:  # an unhashable language: just search
        return _search(_Machine(lang))
    if len(_WITNESSES) > 2048:
        _WITNESSES.clear()
    members = _finite_members(lang)
    if members is not None:
        w = next(iter(members), None)
    else:
        w = _search(_Machine(lang))
    _WITNESSES[lang] = w
    return w


def difference_witness(a, b) -> Optional[str]:
    """A member of `a` that is not in `b`, or None if `a` is a subset of `b`."""
    return witness(Inter([a, Not(b)]))


# -- finite languages and membership without automata --------------------------
# Most trust policies list exact subs. A language that is plainly finite (an
# intersection with a union of exact strings) is answered by testing its few
# candidate strings, in the order the search would find them; membership runs
# each pattern as a compiled regular expression when backtracking is bounded.


# id(pattern or union) -> (the object, what we know of it); the object is kept,
# so its id is not reused while the entry lives (tuples of Toks are slow to hash)
_INFO: Dict[int, tuple] = {}


def _pattern_info(pat: Pattern) -> list:
    """[pattern, its exact text or None, (its literal beginning, whether that is
    all of it), a test str -> truthy iff it matches (made on first use)]."""
    info = _INFO.get(id(pat))
    if info is not None and info[0] is pat:
        return info
    letters = []
    for c in map(_ONE_CHAR.get, map(id, pat)):  # the shared one-character Toks
        if c is None:
            break
        letters.append(c)
    for tok in pat[len(letters):]:  # any other Tok of one character
        if not _is_one_char(tok):
            break
        letters.append(next(iter(tok.chars.chars)))
    n = len(letters)
    head = "".join(letters)
    whole = n == len(pat)
    info = [pat, head if whole else None, (head, whole), None]
    _remember(id(pat), info)
    return info


def _pattern_test(pat: Pattern):
    """A function str -> truthy iff the pattern matches the whole string: a
    comparison for an exact pattern, `startswith` for a literal beginning and
    then anything; otherwise the literal beginning and end are compared first
    and the full test (a regular expression when it cannot backtrack much, else
    the automaton) is built only when a string gets past them."""
    info = _pattern_info(pat)
    test = info[3]
    if test is not None:
        return test
    head, whole = info[2]
    n = len(head)
    if whole:
        test = head.__eq__
    elif n == len(pat) - 1 and pat[-1] == _ANY_RUN:
        def test(s, head=head):
            return s.startswith(head)
    else:
        k = len(pat)
        while k > n and _is_one_char(pat[k - 1]):
            k -= 1
        tail = "".join([next(iter(t.chars.chars)) for t in pat[k:]])
        full = []

        def test(s, head=head, tail=tail, pat=pat, full=full):
            if not (s.startswith(head) and s.endswith(tail)):
                return False
            if not full:
                full.append(_full_test(pat))
            return full[0](s)
    info[3] = test
    return test


_ANY_RUN = Tok(ANY, 0, None)


def _is_one_char(tok: Tok) -> bool:
    cs, lo, hi = tok
    return lo == 1 and hi == 1 and not cs.negated and len(cs.chars) == 1


def _full_test(pat: Pattern):
    if _backtracks_little(pat):
        return re.compile("".join(_regex_part(t) for t in pat), re.S).fullmatch
    leaf = _leaf_for([pat])

    def test(s):
        st = leaf.start
        for c in s:
            st = leaf.step(st, c)
            if not st:
                return False
        return bool(st & leaf.accept)
    return test


def _remember(key: int, info):
    if len(_INFO) > 8192:
        _INFO.clear()
    _INFO[key] = info


def _backtracks_little(pat: Pattern) -> bool:
    """Whether a regular expression matches `pat` in about linear time: at most
    one run may give characters back (each other run ends at a character it
    cannot take), so no nest of runs can backtrack."""
    loose = 0
    for i, (cs, lo, hi) in enumerate(pat):
        if hi is None or hi > lo:
            nxt = pat[i + 1] if i + 1 < len(pat) else None
            if nxt is not None and nxt.min == nxt.max == 1 and not nxt.chars.negated \
                    and not any(cs.has(c) for c in nxt.chars.chars):
                continue
            loose += 1
    return loose <= 1


def _union_info(u: Union) -> tuple:
    """(union, exact strings of its patterns, its other items)."""
    info = _INFO.get(id(u))
    if info is not None and info[0] is u:
        return info
    exact, rest = set(), []
    for x in u.items:
        text = _pattern_info(x)[1] if isinstance(x, tuple) else None
        if text is None:
            rest.append(x)
        else:
            exact.add(text)
    info = (u, frozenset(exact), tuple(rest))
    _remember(id(u), info)
    return info


def _candidates_of(lang) -> Optional[set]:
    """A finite set of strings holding every member of `lang`, when one is plain."""
    if isinstance(lang, tuple):
        text = _pattern_info(lang)[1]
        return None if text is None else {text}
    if isinstance(lang, Union):
        _, exact, rest = _union_info(lang)
        out = set(exact)
        for x in rest:
            more = _candidates_of(x)
            if more is None:
                return None
            out |= more
        return out
    if isinstance(lang, Inter):
        for x in lang.items:
            more = _candidates_of(x)
            if more is not None:
                return more
    return None


def _finite_members(lang) -> Optional[List[str]]:
    """The members of `lang`, shortest first, when `lang` is plainly finite;
    None when it is not (the automata answer then)."""
    cands = _candidates_of(lang)
    if cands is None:
        return None
    return sorted((s for s in cands if matches(lang, s)), key=lambda s: (len(s), s))


def _regex_part(tok: Tok) -> str:
    cs, lo, hi = tok
    if not cs.chars:
        body = "." if cs.negated else "(?!)"
    elif len(cs.chars) == 1 and not cs.negated:
        body = re.escape(next(iter(cs.chars)))
    else:
        body = ("[^" if cs.negated else "[") + "".join(re.escape(c) for c in sorted(cs.chars)) + "]"
    if hi is None:
        return body + ("*" if lo == 0 else "+" if lo == 1 else "{%d,}" % lo)
    if lo == hi:
        return body if lo == 1 else body + "{%d}" % lo
    return body + "{%d,%d}" % (lo, hi)


def matches(lang, s: str) -> bool:
    """Whether `s` is in `lang`."""
    if isinstance(lang, tuple):
        return bool(_pattern_test(lang)(s))
    if isinstance(lang, Union):
        _, exact, rest = _union_info(lang)
        return s in exact or any(matches(x, s) for x in rest)
    if isinstance(lang, Inter):
        return all(matches(x, s) for x in lang.items)
    if isinstance(lang, Not):
        return not matches(lang.item, s)
    raise TypeError(f"not a language: {lang!r}")


def _machine_matches(lang, s: str) -> bool:
    """`matches` by the automata (the reference the fast path is tested against)."""
    m = _Machine(lang)
    st = m.start()
    for c in s:
        st = m.step(st, c)
    return m.accepts(st)


def exists_split(lang, prefix, suffixes: Sequence) -> Optional[Tuple[str, List[str]]]:
    """A prefix p in `prefix` and, for every language S in `suffixes`, a string s
    in S with p+s in `lang`; None if there is no such p. (`repo:o/r:` admitted
    with a pull request AND a branch AND ... is such a question.)"""
    m = _Machine(Inter([lang, prefix]))
    lang_leaves = _Machine(lang)
    n_lang = len(lang_leaves.leaves)
    alphabet = m.alphabet()
    start = m.start()
    seen = {start: None}
    queue = deque([start])
    memo = {}
    # the prefix leaf is the last compiled one: `Inter([lang, prefix])`
    prefix_formula = m.formula[1][1]
    while queue:
        st = queue.popleft()
        if _eval(prefix_formula, st, m.leaves):
            key = st[:n_lang]
            if key not in memo:
                memo[key] = _suffix_witnesses(lang, key, suffixes)
            if memo[key] is not None:
                return _path(seen, st), memo[key]
        if _eval3(prefix_formula, st, m.leaves) is False or _eval3(m.formula[1][0], st, m.leaves) is False:
            continue
        for c in alphabet:
            nxt = m.step(st, c)
            if nxt not in seen:
                seen[nxt] = (st, c)
                queue.append(nxt)
    return None


def _suffix_witnesses(lang, lang_state, suffixes):
    out = []
    for suf in suffixes:
        m = _Machine(Inter([lang, suf]))
        n = len(lang_state)
        start = tuple(lang_state) + tuple(leaf.start for leaf in m.leaves[n:])
        w = _search(m, start)
        if w is None:
            return None
        out.append(w)
    return out


def show(s: str, holes: Optional[Dict[str, str]] = None) -> str:
    """A witness as text: opaque hole characters shown as `${Name}`."""
    if not holes:
        return s
    for name, h in holes.items():
        s = re.sub(re.escape(h) + "(?:/?" + re.escape(h) + ")*", "${" + name + "}", s)
    return s


# ---------------------------------------------------------------------------
# Part 2: GitHub subjects and trust statements

GITHUB_HOST = "token.actions.githubusercontent.com"
from .config import STS_AUDIENCE  # noqa: E402,F401  (one default audience)
# claims IAM puts in the request context for this provider (2026)
EVALUATED_CLAIMS = ("aud", "sub", "amr", "actor", "actor_id", "job_workflow_ref",
                    "repository", "repository_id", "workflow", "ref", "environment",
                    "enterprise_id")
# present in every GitHub token; `environment` only in jobs with one, `enterprise_id`
# only in repositories of an enterprise, `amr` not for GitHub
ALWAYS_PRESENT = ("aud", "sub", "actor", "actor_id", "job_workflow_ref", "repository",
                  "repository_id", "workflow", "ref")
NAME = Tok(NAME_CHARS, 1, None)
VALUE = Tok(NOT_COLON, 1, None)


def _repo_prefix():
    return seq("repo:", NAME, "/", NAME, ":")


REPO_PREFIX = _repo_prefix()
# the prefixes GitHub sends: `repo:OWNER/REPO:` and the immutable
# `repo:OWNER@OWNER_ID/REPO@REPO_ID:` (GitHub's names have no `@`)
_PLAIN = Tok(CharSet(frozenset("/:@"), True), 1, None)
_ID = Tok(CharSet(frozenset("0123456789")), 1, None)  # owner and repository ids: numbers
SENT_PREFIXES = (seq("repo:", _PLAIN, "/", _PLAIN, ":"),
                 seq("repo:", _PLAIN, "@", _ID, "/", _PLAIN, "@", _ID, ":"))
SENT_PREFIX = Union(SENT_PREFIXES)


def _sent(*tail) -> Union:
    return Union([seq(p, *tail) for p in SENT_PREFIXES])


PULL_REQUEST = _sent("pull_request")
BRANCH = _sent("ref:refs/heads/", VALUE)
TAG = _sent("ref:refs/tags/", VALUE)
ENVIRONMENT = _sent("environment:", VALUE)
STANDARD = Union([p for u in (PULL_REQUEST, BRANCH, TAG, ENVIRONMENT) for p in u.items])  # flat


def parse_standard(sub: str):
    """(owner, repo, context) of a standard sub, or None."""
    m = re.match(r"^repo:([^/:]+)/([^/:]+):(.+)$", sub)
    if not m:
        return None
    ctx = m.group(3)
    if ctx == "pull_request" or re.match(r"^(ref:refs/heads/|ref:refs/tags/|environment:)[^:]+$",
                                         ctx):
        return m.group(1), m.group(2), ctx
    return None


# -- condition operators ------------------------------------------------------


@dataclass(frozen=True)
class Operator:
    """A condition operator as IAM reads it."""

    name: str  # as written
    base: str  # stringequals, stringlike, ... (lower case, no prefix/suffix)
    if_exists: bool = False
    set_op: str = ""  # "", "forallvalues", "foranyvalue"

    @property
    def negated(self) -> bool:
        return self.base.startswith("stringnot") or self.base == "null"

    @property
    def string(self) -> bool:
        return self.base in ("stringequals", "stringlike", "stringequalsignorecase",
                             "stringnotequals", "stringnotlike", "stringnotequalsignorecase")

    def when_missing(self) -> bool:
        """The operator's result when the key is not in the request."""
        if self.if_exists or self.set_op == "forallvalues":
            return True
        if self.set_op == "foranyvalue":
            return False
        return self.base in ("stringnotequals", "stringnotlike", "stringnotequalsignorecase")

    @property
    def unsafe(self) -> bool:
        """Passes when the key is missing, or only says what is refused."""
        return self.if_exists or self.set_op == "forallvalues" or self.base.startswith("stringnot")


def parse_operator(name) -> Optional[Operator]:
    if not isinstance(name, str):
        return None
    low = name.strip().lower()
    set_op = ""
    for prefix in ("forallvalues:", "foranyvalue:"):
        if low.startswith(prefix):
            set_op, low = prefix[:-1], low[len(prefix):]
    if_exists = low.endswith("ifexists") and low != "ifexists"
    if if_exists:
        low = low[: -len("ifexists")]
    return Operator(name, low, if_exists, set_op)


def value_pattern(op: Operator, value, holes=None) -> Pattern:
    if op.base in ("stringlike", "stringnotlike"):
        return glob(value, holes)
    return literal(value, ignore_case=op.base.endswith("ignorecase"), holes=holes)


def values_of(raw) -> list:
    """A condition's value(s) as a list (a single value, a list, intrinsics)."""
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for v in items:
        if isinstance(v, dict):
            from .cloudformation import resolve
            v = resolve(v, {})
            if isinstance(v, dict):
                v = Template((Unknown("value"),))
        if v is None or isinstance(v, (list, dict)):
            continue
        out.append(v)
    return out


# -- condition keys ---------------------------------------------------------


@dataclass
class ConditionEntry:
    op: Operator
    key: str  # as written
    claim: str  # lower-case claim name ("sub"), or "" for a key of another kind
    provider: str  # lower-case key prefix before the last ':' ("" for global keys)
    values: list
    path: tuple  # path of the value inside the policy


def split_key(key) -> Tuple[str, str]:
    if not isinstance(key, str) or ":" not in key:
        return "", str(key).lower()
    prefix, claim = key.rsplit(":", 1)
    # as written: IAM does not trim a key, so `...:aud ` is no claim the token carries
    return prefix.lower(), claim.lower()


# GHE.com (data residency): each enterprise's tokens come from its own host
GHE_COM_HOST = re.compile(r"token\.actions\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.ghe\.com")


def is_github_prefix(prefix: str) -> bool:
    """`token.actions.githubusercontent.com`, optionally with an enterprise
    path, or a GHE.com enterprise's `token.actions.SUBDOMAIN.ghe.com`."""
    return prefix == GITHUB_HOST or prefix.startswith(GITHUB_HOST + "/") \
        or GHE_COM_HOST.fullmatch(prefix.lower()) is not None


# hosts GitHub runs itself, never a GitHub Enterprise Server: a GHE.com
# enterprise's tokens come from `token.actions.SUBDOMAIN.ghe.com`
GITHUB_HOSTED = re.compile(r"(?:^|\.)(?:ghe\.com|github\.com|githubusercontent\.com)$")


def enterprise_server_issuer(value) -> Optional[str]:
    """The GitHub Enterprise Server issuer, `HOST/_services/token` (lower case,
    no scheme), that a provider URL, provider name or federated principal ARN
    names; None for any other (a host GitHub runs has no such issuer)."""
    text = _principal_tail(value)
    if text is None:
        return None
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", re.sub(r"^.*:oidc-provider/", "", text))
    host = re.split(r"[/?#]", text, maxsplit=1)[0]
    if not text.endswith("/_services/token") or not host or GITHUB_HOSTED.search(host):
        return None
    return text


def looks_like_github_prefix(prefix: str) -> bool:
    """The GitHub host, or a misspelling of it."""
    if is_github_prefix(prefix):
        return True
    # IAM names the keys after the provider's URL without its scheme:
    # `https://token.actions.githubusercontent.com:sub` is never in a request
    host = re.sub(r"^[a-z]+://", "", prefix, flags=re.I).split("/", 1)[0]
    if "githubusercontent" in host or host.startswith(("token.action", "tokens.action")):
        return True
    return _distance(host, GITHUB_HOST) <= 3


def _distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 3:
        return 99
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def conditions_known(stmt: dict) -> bool:
    """Are the statement's conditions written out (not a template value, a
    Terraform variable or dynamic block, an undecidable `!If`)?"""
    cond = stmt.get("Condition")
    if cond is None:
        return True
    return isinstance(cond, dict) and all(isinstance(b, dict) for b in cond.values())


def condition_entries(stmt: dict, base_path: tuple,
                      issuer: Optional[str] = None) -> List[ConditionEntry]:
    """The statement's conditions, one entry per key. `issuer`: a GitHub
    Enterprise Server issuer whose keys are read as GitHub's (then GitHub's
    own keys are another issuer's, never in that server's tokens)."""
    cond = stmt.get("Condition")
    out = []
    if not isinstance(cond, dict):
        return out
    for opname, block in cond.items():
        op = parse_operator(opname)
        if op is None or not isinstance(block, dict):
            continue
        for key, raw in block.items():
            prefix, claim = split_key(key)
            if "${" in prefix and claim in EVALUATED_CLAIMS:
                # `${trimprefix(aws_iam_openid_connect_provider.github.url, ...)}:sub`:
                # a host Terraform fills in, with GitHub's claim name: GitHub's host
                prefix = GITHUB_HOST
            elif issuer is not None and prefix == issuer:
                prefix = GITHUB_HOST
            elif issuer is not None and is_github_prefix(prefix):
                prefix += " (another issuer)"
            out.append(ConditionEntry(op, key, claim, prefix, values_of(raw),
                                      base_path + ("Condition", opname, key)))
    return out


# -- principals and actions -------------------------------------------------


def _as_list(v):
    if isinstance(v, list):
        return v
    return [] if v is None else [v]


def _principal_tail(value) -> Optional[str]:
    """A federated principal's text, lower case, without a trailing `/`: a
    CloudFormation value resolved, of a template its last literal part (an
    unknown account id before it does not hide the provider); None when not text."""
    if isinstance(value, dict):
        from .cloudformation import resolve
        value = resolve(value, {})
    if isinstance(value, Template):
        value = value.parts[-1]
    return value.strip().lower().rstrip("/") if isinstance(value, str) else None


def provider_name(value) -> Optional[str]:
    """The name a federated principal's ARN gives its provider (what follows
    `oidc-provider/`: IAM's name is the URL without its scheme), lower case;
    None when not written out."""
    m = re.search(r"oidc-provider/(.+)$", _principal_tail(value) or "")
    return m.group(1) if m else None


def federated_kind(value) -> str:
    """'github', 'other' (a named provider that is not GitHub's) or 'unknown'."""
    name = provider_name(value)
    if name is not None:
        return "github" if is_github_prefix(name) else "other"
    if isinstance(value, dict):
        from .cloudformation import resolve
        value = resolve(value, {})
    if isinstance(value, Template):
        last = value.parts[-1]
        if isinstance(last, str):
            tail = last.lower().rstrip("/")
            if re.search(r"(^|[/:])(" + re.escape(GITHUB_HOST) + r"(/[^/:]+)?|"
                         + GHE_COM_HOST.pattern + r")$", tail):
                return "github"
            if re.search(r":oidc-provider/[a-z0-9-]+(\.[a-z0-9-]+)+(/[^:]*)?$", tail):
                return "other"  # `${AWS::AccountId}:oidc-provider/gitlab.com`: the host is written
        return "unknown"
    if not isinstance(value, str):
        return "unknown"
    v = value.strip().lower().rstrip("/")
    if is_github_prefix(v):
        return "github"
    if re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", v) or v.startswith("arn:"):
        return "other"
    return "unknown"  # a placeholder such as OIDC_PROVIDER_ARN


def github_issuer(value) -> Optional[str]:
    """The issuer (`token.actions.githubusercontent.com`, or with an enterprise
    path) a GitHub federated principal names, lower case; None when not known."""
    m = re.search(r"(?:^|[/:])(" + re.escape(GITHUB_HOST) + r"(?:/[^/:]+)?|"
                  + GHE_COM_HOST.pattern + r")$", _principal_tail(value) or "")
    return m.group(1) if m else None


def principal_kinds(stmt: dict) -> List[Tuple[str, tuple]]:
    """[(kind, path)] of the statement's principals: github/other/unknown/any."""
    p = stmt.get("Principal")
    out = []
    if p == "*":
        return [("any", ("Principal",))]
    if not isinstance(p, dict):
        return out
    for key, val in p.items():
        k = key.lower() if isinstance(key, str) else ""
        vals = val if isinstance(val, list) else [val]
        for i, v in enumerate(vals):
            path = ("Principal", key, i) if isinstance(val, list) else ("Principal", key)
            if k == "federated":
                out.append(("any" if v == "*" else federated_kind(v), path))
            elif v == "*":
                out.append(("any", path))
    return out


def action_matches(pattern, action: str) -> bool:
    """Whether an IAM action pattern (`sts:*`, `sts:AssumeRole*`) covers `action`."""
    if not isinstance(pattern, str):
        return False
    return _action_matches(pattern.lower(), action.lower())


@lru_cache(maxsize=1024)
def _action_matches(pattern: str, action: str) -> bool:
    return matches(glob(pattern), action)


def _lets_github_assume(stmt: dict, entries) -> bool:
    """Whether the statement lets GitHub's provider call AssumeRoleWithWebIdentity:
    its principal is GitHub's (or `*`, or a placeholder while the keys are GitHub's)."""
    kinds = [k for k, _ in principal_kinds(stmt)]
    github_keys = any(_is_github_key(e) for e in entries)
    if not ("github" in kinds or "any" in kinds or ("unknown" in kinds and github_keys)):
        return False
    return allows_web_identity(stmt)


def allows_web_identity(stmt: dict) -> bool:
    """Whether the statement's Action/NotAction covers sts:AssumeRoleWithWebIdentity."""
    target = "sts:AssumeRoleWithWebIdentity"
    if "NotAction" in stmt:
        return not any(action_matches(a, target) for a in _as_list(stmt.get("NotAction")))
    return any(action_matches(a, target) for a in _as_list(stmt.get("Action")))


# -- statements ------------------------------------------------------------


def statements(policy) -> List[Tuple[int, dict, tuple]]:
    """[(index, statement, path)] of a policy's statements (one or a list)."""
    if not isinstance(policy, dict):
        return []
    st = policy.get("Statement")
    if isinstance(st, dict):
        return [(0, st, ("Statement",))]
    if isinstance(st, list):
        return [(i, s, ("Statement", i)) for i, s in enumerate(st) if isinstance(s, dict)]
    return []


@dataclass
class GithubStatement:
    """A statement that lets the GitHub provider assume the role.

    `admits`: whether any GitHub token can satisfy its conditions (False when a
    positive operator tests a key the token never carries, ...). `sub` is the
    language of admitted `sub` values (template holes opaque, see `holes`);
    `sub_wild` the same with holes as runs of non-`:` characters.
    `sub_paths` are the paths of the sub conditions, `condition_paths` of all
    its conditions. `why_not` says why it admits nothing.
    """

    index: int
    statement: dict
    path: tuple
    admits: bool
    sub: object
    sub_wild: object
    sub_paths: List[tuple] = field(default_factory=list)
    condition_paths: List[tuple] = field(default_factory=list)
    entries: List[ConditionEntry] = field(default_factory=list)
    effect: str = "Allow"
    holes: Dict[str, str] = field(default_factory=dict)
    why_not: str = ""
    opaque: bool = False  # an operator on sub we cannot read

    @property
    def conditions_in_sub(self) -> bool:
        """Does `sub` say all of its conditions? Only conditions on `sub` and on
        what the sub determines (`folds_into_sub`) do: a Deny with any other
        condition (`aud`, `actor`, a source IP...) spares the tokens that fail
        it, whatever their sub."""
        return all(is_github_prefix(e.provider) and e.claim == "sub" or folds_into_sub(e)
                   for e in self.entries)


def refusing(stmts) -> list:
    """The Deny statements among `stmts` that refuse the subs they name whatever
    else the token says: besides `sub` (and what it determines), a Deny may only
    test what holds for every token the Allow statements admit: a key that is
    never in the request under an operator true when it is missing (a negated
    test on an unevaluated claim), or a condition every admitting Allow statement
    makes at least as strictly (the `aud` test copied from the Allow)."""
    allows = [s for s in stmts if s.admits and s.effect.lower() != "deny"]
    return [s for s in stmts if s.admits and s.effect.lower() == "deny"
            and all(is_github_prefix(e.provider) and e.claim == "sub" or folds_into_sub(e)
                    or _always_holds(e)
                    or (allows and all(any(_implies(a, e) for a in al.entries)
                                       for al in allows))
                    for e in s.entries)
            and not any(whole_hole(v) for e in s.entries
                        if is_github_prefix(e.provider) and e.claim == "sub" for v in e.values)]


def _always_holds(e: ConditionEntry) -> bool:
    """A condition on a key no GitHub request carries that holds when it is missing."""
    may_miss, may_have = _key_presence(e)
    if may_have or not may_miss:
        return False
    return _null_result(e, False) if e.op.base == "null" else e.op.when_missing()



def _implies(a: ConditionEntry, d: ConditionEntry) -> bool:
    """Does every request that passes `a` pass `d` (same key, string operators)?"""
    if (a.provider, a.claim) != (d.provider, d.claim) or not a.claim:
        return False
    if not (a.op.string and d.op.string) or a.op.set_op or d.op.set_op:
        return False
    may_miss, may_have = _key_presence(a)
    if may_miss and a.op.when_missing() and not d.op.when_missing():
        return False
    if not may_have:
        return True
    try:
        return witness(Inter([_entry_lang(a), Not(_entry_lang(d))])) is None
    except TooComplex:
        return False


def denied(stmts, wild: bool = False) -> list:
    """The languages of the subs `refusing(stmts)` refuse (`sub_wild` with `wild`)."""
    return [s.sub_wild if wild else s.sub for s in refusing(stmts)]


def _is_github_key(e: ConditionEntry) -> bool:
    return is_github_prefix(e.provider)


def issuer_entries(stmt: dict, entries: List[ConditionEntry]) -> List[ConditionEntry]:
    """`entries` with the GitHub keys of another issuer than the statement's
    marked as never in the request. IAM names a provider's keys after its URL:
    a statement trusting the enterprise issuer `token.actions.githubusercontent.com/SLUG`
    sees `.../SLUG:sub`, never `token.actions.githubusercontent.com:sub`, and the
    reverse. Unchanged unless every Federated principal is a GitHub provider
    whose issuer is known."""
    issuers = set()
    for key, val in (stmt.get("Principal") or {}).items() \
            if isinstance(stmt.get("Principal"), dict) else ():
        if not isinstance(key, str) or key.lower() != "federated":
            continue
        for v in (val if isinstance(val, list) else [val]):
            issuer = github_issuer(v) if federated_kind(v) == "github" else None
            if issuer is None:
                return entries
            issuers.add(issuer)
    if not issuers:
        return entries
    return [dataclasses.replace(e, provider=e.provider + " (another issuer)")
            if is_github_prefix(e.provider) and e.provider.lower() not in issuers else e
            for e in entries]


def _key_presence(e: ConditionEntry) -> Tuple[bool, bool]:
    """(may be missing, may be present) of a condition key in a GitHub request."""
    if _is_github_key(e):
        if e.claim in ALWAYS_PRESENT:
            return False, True
        if e.claim in EVALUATED_CLAIMS:  # environment, amr
            return True, True
        return True, False
    if e.provider and looks_like_github_prefix(e.provider):
        return True, False  # misspelled host: never in the request
    if e.provider and "." in e.provider.split("/", 1)[0] and e.provider not in (
            "aws", "sts", "iam"):
        return True, False  # another identity provider's claim
    return True, True  # a global key (aws:SourceIp ...): may or may not be there


def _entry_lang(e: ConditionEntry, holes=None):
    """Values of the key for which this entry holds (when the key is present)."""
    op = e.op
    if op.base == "null":
        return None
    pats = [value_pattern(op, v, holes) for v in e.values]
    if op.negated:
        return Not(Union(pats))
    return Union(pats)


def _null_result(e: ConditionEntry, present: bool) -> bool:
    want_missing = any(str(v).lower() == "true" for v in e.values)
    return (not present) if want_missing else present


def _key_satisfiable(entries: List[ConditionEntry]) -> bool:
    """Whether some value (or the absence) of one key satisfies all its entries."""
    may_miss, may_have = _key_presence(entries[0])
    if may_miss and all(_null_result(e, False) if e.op.base == "null" else e.op.when_missing()
                        for e in entries):
        return True
    if not may_have:
        return False
    langs = []
    for e in entries:
        if e.op.base == "null":
            if not _null_result(e, True):
                return False
            continue
        if not e.op.string:
            continue  # an operator we do not model: assume it can hold
        langs.append(_entry_lang(e))
    if langs and entries[0].claim in ("job_workflow_ref", "workflow_ref") \
            and is_github_prefix(entries[0].provider):
        # `OWNER/REPO/PATH@REF`: a ref git accepts (`@refs/tags/v*` under
        # StringEquals is a name no run has)
        langs.append(seq(Tok(ANY, 0, None), "@", _GIT_REFS))
    return not langs or witness(Inter(langs)) is not None


def _group(entries):
    groups: Dict[tuple, List[ConditionEntry]] = {}
    for e in entries:
        groups.setdefault((e.provider, e.claim), []).append(e)
    return groups


def _sub_language(entries: List[ConditionEntry], holes):
    """(language, opaque) of the sub values admitted by a statement's sub entries."""
    langs = []
    opaque = False
    for e in entries:
        if e.op.base == "null":
            if not _null_result(e, True):
                return NOTHING, False
            continue
        if not e.op.string:
            opaque = True
            continue
        # sub is always present: IfExists and ForAnyValue/ForAllValues read as the base
        langs.append(_entry_lang(e, holes))
    if not langs:
        return EVERYTHING, opaque
    return (langs[0] if len(langs) == 1 else Inter(langs)), opaque


def _correlated(entries: List[ConditionEntry], holes, deny: bool = False):
    """Constraints on the sub from claims it determines (standard subject shape).

    `environment` is present exactly in jobs with an environment, whose sub is
    `repo:O/R:environment:NAME`; `repository` is `O/R` of the sub; `ref` is the
    sub's ref in the ref form, `refs/pull/N/merge` (or, for
    `pull_request_target`, the base branch) in the pull-request form, and any
    ref in the environment form; a `Null` test of `environment` says whether
    the sub is in the environment form. Entries `folds_into_sub` does not
    accept stay free claims.
    """
    out = []
    for e in entries:
        if _names_repository_id(e):
            out.append(Union([_repository_id_subs(e.op, v, holes) for v in e.values]))
            continue
        if e.claim == "environment" and e.op.base == "null" and is_github_prefix(e.provider):
            # `Null: {environment: "false"}`: the claim is there, a job with an
            # environment (its sub's environment form); "true": one without
            present = {str(v).strip().lower() for v in e.values}
            if present == {"false"}:
                out.append(ENVIRONMENT)
            elif present == {"true"}:
                out.append(Not(ENVIRONMENT))
            continue
        if not folds_into_sub(e):
            continue
        pats = [value_pattern(e.op, v, holes) for v in e.values]
        if e.claim == "environment":
            envs = Union([seq("repo:", Tok(NOT_COLON, 0, None), ":environment:", p)
                          for p in pats])
            if e.op.negated:  # refuses these environments; no environment passes
                out.append(Not(envs))
            elif e.op.when_missing():  # IfExists/ForAllValues: no environment also passes
                out.append(Union([envs, Not(ENVIRONMENT)]))
            else:
                out.append(envs)
        elif e.claim == "repository":
            repos = Union([_repository_subs(e.op, v, holes) for v in e.values])
            out.append(Not(repos) if e.op.negated else repos)
        else:  # ref
            refs = Union([seq(*p) for p in pats]) if pats else Union([])
            if not deny and not e.op.negated and witness(Inter([refs, _GIT_REFS])) is None:
                out.append(Union([]))  # only names git refuses (`refs/tags/v*` under
                continue               # StringEquals): no run has that ref
            allowed = [seq("repo:", Tok(NOT_COLON, 0, None), ":ref:", p) for p in pats]
            # the environment and pull-request forms (whose sub does not say the
            # ref): an Allow admits them if some run's ref passes; a Deny
            # refuses them only if every one's does (an environment's job runs
            # on any ref; a `pull_request_target` run's ref is its base branch)
            if not deny or witness(Not(refs)) is None:
                allowed.append(ENVIRONMENT)
            if (witness(Inter([refs, _PULL_REQUEST_REFS])) is not None) if not deny \
                    else witness(Inter([_PULL_REQUEST_REFS, Not(refs)])) is None:
                allowed.append(PULL_REQUEST)
            out.append(Union(allowed))
    return out


# the refs a run can have: `refs/` and a name without the characters git
# refuses in one (check-ref-format: no `: ~^?*[\`, no control characters)
_GIT_REFS = seq("refs/", Tok(CharSet(frozenset(": ~^?*[\\\x7f"), True), 1, None))


def ref_language(st: "GithubStatement"):
    """The `ref` claims a statement admits, from its positive string conditions
    on `ref` (holes as runs of non-`:` characters); None when it has none. In
    the environment form the sub does not carry the ref, so a job with an
    environment passes such a statement only on these refs."""
    langs = []
    for e in st.entries:
        if folds_into_sub(e) and e.claim == "ref":
            langs.append(Union([seq(*value_pattern(e.op, v, None)) for v in e.values]))
    if not langs:
        return None
    return langs[0] if len(langs) == 1 else Inter(langs)


def claim_language(st: "GithubStatement", claim: str):
    """The values of a GitHub claim (`job_workflow_ref`...) that a statement's
    string conditions on it admit; None when it has none, or one ecs-lint does
    not read exactly (a set operator, a policy variable, a non-string test):
    then any value may pass."""
    langs = []
    for e in st.entries:
        if not (is_github_prefix(e.provider) and e.claim == claim):
            continue
        if not e.op.string or e.op.set_op or e.op.base == "null" \
                or not all(isinstance(v, str) and "${" not in v for v in e.values):
            return None
        lang = Union([seq(*value_pattern(e.op, v, None)) for v in e.values])
        langs.append(Not(lang) if e.op.negated else lang)
    if not langs:
        return None
    return langs[0] if len(langs) == 1 else Inter(langs)


_PULL_REQUEST_REFS = Union([seq("refs/pull/", Tok(CharSet(frozenset("0123456789")), 1, None),
                                "/merge"), seq("refs/heads/", Tok(ANY, 1, None))])


def folds_into_sub(e: ConditionEntry) -> bool:
    """Does `_correlated` say this condition in the sub language? GitHub string
    conditions on `environment`, `repository` (positive, or negated without a
    set operator) and `ref` (positive)."""
    if not is_github_prefix(e.provider) or not e.op.string:
        return False
    if e.claim in ("environment", "repository"):
        return not e.op.negated or not e.op.set_op
    return e.claim == "ref" and not e.op.negated


def _repository_subs(op: Operator, value, holes):
    """Subs whose repository claim (`OWNER/REPO`) is `value`: legacy and immutable."""
    anything = Tok(ANY, 0, None)
    legacy = seq("repo:", value_pattern(op, value, holes), ":", anything)
    text = value if isinstance(value, str) else None
    if text is not None and text.count("/") == 1:
        owner, repo = text.split("/")
        ident = Tok(NAME_CHARS, 1, None)
        immutable = seq("repo:", value_pattern(op, owner, holes), "@", ident, "/",
                        value_pattern(op, repo, holes), "@", ident, ":", anything)
        return Union([legacy, immutable])
    return Union([legacy, Inter([STANDARD, Not(_LEGACY)])])


def _names_repository_id(e: ConditionEntry) -> bool:
    """A positive GitHub string condition on `repository_id` (always in the
    token, so IfExists reads as the base operator)."""
    return is_github_prefix(e.provider) and e.claim == "repository_id" and e.op.string \
        and not e.op.negated and e.op.base != "null"


def pins_repositories(stmt: "GithubStatement") -> bool:
    """Does a `repository_id` condition limit the statement to the repositories
    of the ids it lists (each written out, or one value a template fills in)?
    Then, in either subject format, only those repositories get in, under
    whatever name, though the legacy sub does not carry the id."""
    return any(_names_repository_id(e) and e.values and all(
        not isinstance(v, bool) and (not isinstance(v, str) or "like" not in e.op.base
                                     or "\x00" not in literal_prefix(v))
        for v in e.values) for e in stmt.entries)


def _repository_id_subs(op: Operator, value, holes):
    """Subs a `repository_id` of `value` may send: the immutable form carries the
    id after the repository's name; the legacy form carries no id, so it stays
    open (the repository's name is not known from its id)."""
    name = Tok(CharSet(frozenset("/:@"), True), 1, None)
    immutable = seq("repo:", name, "@", Tok(NAME_CHARS, 1, None), "/", name, "@",
                    value_pattern(op, value, holes), ":", Tok(ANY, 0, None))
    return Union([immutable, _LEGACY])


_LEGACY = seq("repo:", Tok(CharSet(frozenset("/:@"), True), 1, None), "/",
              Tok(CharSet(frozenset("/:@"), True), 1, None), ":", Tok(ANY, 0, None))


_STATEMENTS: Dict[tuple, tuple] = {}


def clear_caches():
    """Forget every compiled automaton and answer (for benchmarks and tests)."""
    for cache in (_LEAF_CACHE, _WITNESSES, _COMPILED, _STATEMENTS, _CLASSES, _ONE,
                  _ONE_CHAR, _INFO, _MACHINES, _ANALYSES):
        cache.clear()
    _action_matches.cache_clear()
    chars.cache_clear()


def github_statements(policy, include_deny: bool = False,
                      issuer: Optional[str] = None) -> List[GithubStatement]:
    """The statements that let GitHub's provider assume the role (see
    `_github_statements`); the answer for the last few policies is kept, as
    several checks ask about the same document."""
    key = (id(policy), issuer)
    hit = _STATEMENTS.get(key)
    if hit is None or hit[0] is not policy:
        if len(_STATEMENTS) > 16:
            _STATEMENTS.clear()
        hit = _STATEMENTS[key] = (policy, _github_statements(policy, True, issuer))
    if include_deny:
        return list(hit[1])
    return [s for s in hit[1] if s.effect.lower() != "deny"]


def github_assuming(policy, include_deny: bool = False, issuer: Optional[str] = None):
    """(index, statement, path, effect, condition entries) of each statement that
    lets GitHub's provider assume the role (see `_github_statements`), without
    reading its sub conditions."""
    for index, stmt, path in statements(policy):
        effect = stmt.get("Effect")
        effect = effect if isinstance(effect, str) else "Allow"
        if effect.lower() == "deny" and not include_deny:
            continue
        if "NotPrincipal" in stmt and "Principal" not in stmt:
            continue
        if issuer is not None:
            stmt = _trusting_github_for(stmt, issuer)
        entries = condition_entries(stmt, path, issuer)
        if _lets_github_assume(stmt, entries):
            yield index, stmt, path, effect, entries


def _trusting_github_for(stmt: dict, issuer: str) -> dict:
    """`stmt` with each Federated principal that names the GitHub Enterprise
    Server `issuer` naming GitHub's provider instead: read as GitHub's, with
    its keys (`condition_entries`)."""
    principal = stmt.get("Principal")
    if not isinstance(principal, dict):
        return stmt

    def one(value):
        return GITHUB_HOST if enterprise_server_issuer(value) == issuer else value

    return {**stmt, "Principal": {
        k: ([one(v) for v in val] if isinstance(val, list) else one(val))
        if isinstance(k, str) and k.lower() == "federated" else val
        for k, val in principal.items()}}


def enterprise_server_only(policy) -> Optional[str]:
    """The GitHub Enterprise Server issuer a trust policy's web-identity
    statements trust, when it is the only one they name and no statement lets
    GitHub's own provider in: the workflows that assume the role run on that
    server, whose tokens carry the same claims as GitHub's. Else None."""
    if github_statements(policy, include_deny=True):
        return None
    found = set()
    for _, stmt, _ in statements(policy):
        principal = stmt.get("Principal")
        for key, val in principal.items() if isinstance(principal, dict) else ():
            if isinstance(key, str) and key.lower() == "federated":
                found.update(enterprise_server_issuer(v) for v in _as_list(val))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _github_statements(policy, include_deny: bool = False,
                       issuer: Optional[str] = None) -> List[GithubStatement]:
    """The statements that let GitHub's provider assume the role.

    A statement counts when its Federated principal is GitHub's provider (any
    account, an enterprise path allowed), or is `*`/unknown (a placeholder, an
    unresolved reference) while its condition keys are GitHub's, and its action
    covers `sts:AssumeRoleWithWebIdentity`. Deny statements are returned only
    with `include_deny`. `issuer`: a GitHub Enterprise Server issuer whose
    provider and keys are read as GitHub's.
    """
    out = []
    for index, stmt, path, effect, entries in github_assuming(policy, include_deny, issuer):
        written = [e for e in entries if _is_github_key(e) and e.claim == "sub"]
        entries = issuer_entries(stmt, entries)
        holes: Dict[str, str] = {}
        sub_entries = [e for e in entries if _is_github_key(e) and e.claim == "sub"]
        sub, opaque = _sub_language(sub_entries, holes)
        opaque = opaque or not conditions_known(stmt)
        deny = effect.lower() == "deny"
        corr = _correlated(entries, holes, deny)
        if corr:
            sub = Inter([sub] + corr)
        sub_wild = sub
        if holes:  # the same conditions with holes as runs of non-`:` characters
            sub_wild, _ = _sub_language(sub_entries, None)
            corr = _correlated(entries, None, deny)
            if corr:
                sub_wild = Inter([sub_wild] + corr)
        admits, why = True, ""
        for (prefix, claim), group in _group(entries).items():
            if is_github_prefix(prefix) and claim == "sub":
                continue
            if not _key_satisfiable(group):
                admits = False
                why = (f"the condition on '{group[0].key}' can never hold for a GitHub "
                       f"token")
                break
        out.append(GithubStatement(  # a Null test on sub says nothing of its value
            index, stmt, path, admits, sub, sub_wild,
            [e.path for e in written if e.op.base != "null"],  # another issuer's too
            [e.path for e in entries], entries, effect, holes, why, opaque))
    return out


def policy_language(policy, wild: bool = False, stmts=None):
    """Union(Allow) minus Union(Deny) over the GitHub statements (`stmts`:
    those of the policy, read by `github_statements(policy, include_deny=True)`)."""
    if stmts is None:
        stmts = github_statements(policy, include_deny=True)
    allow = [s.sub_wild if wild else s.sub for s in stmts
             if s.admits and s.effect.lower() != "deny"]
    deny = denied(stmts, wild)
    lang = Union(allow)
    return Inter([lang, Not(Union(deny))]) if deny else lang


def admitting_statements(policy, sub: str, claims: Optional[dict] = None) -> List[int]:
    """Indexes of the Allow statements that admit a GitHub token with this sub.

    Exact IAM semantics on every condition: `claims` (claim name -> value, or a
    list for multi-valued claims, or None for a claim the token lacks) gives the
    token's other claims; `aud` defaults to `sts.amazonaws.com`; `repository`,
    `ref` and `environment` default to what the sub says (no environment unless
    the sub has the environment form); a claim every token has but `claims`
    does not give (`actor`, `workflow`...) is assumed to match.
    Template holes count as matching (the benefit of the doubt). A matching Deny
    statement empties the answer.
    """
    token = {"aud": STS_AUDIENCE}
    token.update(claims_of_sub(sub))
    token.update({str(k).lower(): v for k, v in (claims or {}).items()})
    token["sub"] = sub
    allowed, denied = [], False
    for index, stmt, path in statements(policy):
        effect = stmt.get("Effect")
        effect = effect.lower() if isinstance(effect, str) else "allow"
        entries = condition_entries(stmt, path)
        if not _lets_github_assume(stmt, entries):
            continue
        entries = issuer_entries(stmt, entries)
        if all(_entry_holds(e, token) for e in entries):
            if effect == "deny":
                denied = True
            else:
                allowed.append(index)
    return [] if denied else allowed


def claims_of_sub(sub: str) -> dict:
    """The claims a standard sub determines: repository, ref, environment.

    `environment` is None (missing) unless the sub has the environment form.
    """
    out = {"environment": None}
    m = re.match(r"^repo:([^/:@]+)(?:@[^/:]*)?/([^/:@]+)(?:@[^/:]*)?:(.*)$", sub or "")
    if not m:
        return {}
    out["repository"] = f"{m.group(1)}/{m.group(2)}"
    ctx = m.group(3)
    if ctx.startswith("ref:"):
        out["ref"] = ctx[len("ref:"):]
    elif ctx.startswith("environment:"):
        out["environment"] = ctx[len("environment:"):]
    return out


_UNKNOWN_CLAIM = object()


def _entry_holds(e: ConditionEntry, token: dict) -> bool:
    if _is_github_key(e):
        if e.claim not in token and e.claim in ALWAYS_PRESENT:
            value = _UNKNOWN_CLAIM  # a claim of every token whose value we were not told
        else:
            value = token.get(e.claim)
        if value is _UNKNOWN_CLAIM:
            return e.op.base != "null" or _null_result(e, True)
        present = value is not None
    elif e.provider and (looks_like_github_prefix(e.provider) or "." in e.provider):
        present, value = False, None
    else:
        return True  # a global key: not ours to judge
    if e.op.base == "null":
        return _null_result(e, present)
    if not present:
        return e.op.when_missing()
    if not e.op.string:
        return True
    vals = value if isinstance(value, list) else [value]
    vals = [str(v) for v in vals]
    lang = _entry_lang(e)
    hits = [matches(lang, v) for v in vals]
    if e.op.set_op == "forallvalues":
        return all(hits)
    return any(hits)


def broader_witness(policy, produced, stmts=None) -> Optional[str]:
    """A sub the policy admits that is not in `produced` (a Lang or pattern), or None.
    `stmts`: only these of the policy's GitHub statements (default: all of them).

    Template holes are opaque: a sub that only a hole's value could produce is
    never a witness (the hole is presumably the repository that is used).
    """
    if stmts is None:
        stmts = github_statements(policy, include_deny=True)
    lang = policy_language(policy, stmts=stmts)
    holes = {}
    for s in stmts:
        if s.effect.lower() != "deny":
            holes.update(s.holes)
    if holes:
        no_hole = Not(seq(Tok(ANY, 0, None), Tok(CharSet(frozenset(holes.values()))),
                          Tok(ANY, 0, None)))
        lang = Inter([lang, no_hole])
    return difference_witness(Inter([lang, STANDARD]), produced)


# -- classes of subs ----------------------------------------------------------

CLASS_ORDER = ("missing", "any-owner", "any-repo", "any-context", "pull-request")
@dataclass
class Names:
    """What the policy (and config) names literally: the known world."""

    owners: set = field(default_factory=set)
    repos: set = field(default_factory=set)  # (owner, repo)
    branches: set = field(default_factory=set)
    tags: set = field(default_factory=set)
    environments: set = field(default_factory=set)
    holes: str = ""  # opaque hole characters: a hole's value counts as named
    owner_ids: set = field(default_factory=set)  # config `owner-id`: that owner, any name
    repo_ids: set = field(default_factory=set)  # (owner id, config `repository-id`)
    # the configured owner's id: in an immutable sub, that name with another
    # id is another owner (one who took the name over)
    id_of: dict = field(default_factory=dict)  # owner (lower case) -> id


def merge_names(a: Names, b: Names) -> Names:
    """What `a` or `b` names."""
    return Names(a.owners | b.owners, a.repos | b.repos, a.branches | b.branches,
                 a.tags | b.tags, a.environments | b.environments,
                 a.holes + "".join(c for c in b.holes if c not in a.holes),
                 a.owner_ids | b.owner_ids, a.repo_ids | b.repo_ids, {**a.id_of, **b.id_of})


def literal_prefix(value, holes: Optional[Dict[str, str]] = None) -> str:
    """The literal text of a pattern up to its first wildcard (then NUL). A hole
    is its opaque character when `holes` names it, else a wildcard."""
    out = []
    for part in _parts(value):
        if isinstance(part, Unknown):
            if holes and part.name in holes:
                out.append(holes[part.name])
                continue
            return "".join(out) + "\x00"
        i = 0
        while i < len(part):
            if part.startswith(("${*}", "${?}", "${$}"), i):
                out.append(part[i + 2])
                i += 4
                continue
            if part[i] in "*?":
                return "".join(out) + "\x00"
            out.append(part[i])
            i += 1
    return "".join(out)


def collect_names(stmts, github_config: Optional[dict],
                  scope: Optional[GithubStatement] = None) -> Names:
    """What is named literally: owners across `stmts` (or the config's), and
    repositories, branches, tags and environments of `scope` (default: all).
    `stmts` may be the policy's `Names` already collected (for many scopes)."""
    if scope is not None:
        names = collect_names([scope], github_config)
        cfg = github_config or {}
        if not cfg.get("owners") and not cfg.get("repository"):
            wide = collect_names(stmts, None) if not isinstance(stmts, Names) else stmts
            names.owners |= {o for o in wide.owners if not _has_hole(o)}
        return names
    names = Names()
    cfg = github_config or {}
    cfg_owners = [str(o) for o in (cfg.get("owners") or []) if isinstance(o, (str, int))]
    repo = cfg.get("repository")
    if isinstance(repo, str) and "/" in repo:
        o, r = repo.split("/", 1)
        cfg_owners.append(o)
        names.repos.add((o, r))
    # the ids GitHub puts in immutable subjects never change nor get reused: a sub
    # with the configured owner id is that owner's under any name (a rename), and
    # with both ids that repository's
    owner_id, repo_id = (str(cfg.get(k)).strip() for k in ("owner-id", "repository-id"))
    if owner_id.isdigit():
        names.owner_ids.add(owner_id)
        if repo_id.isdigit():
            names.repo_ids.add((owner_id, repo_id))
        if isinstance(repo, str) and "/" in repo:
            names.id_of[repo.split("/", 1)[0].lower()] = owner_id
        elif len(cfg_owners) == 1:  # the one trusted owner is the id's
            names.id_of[cfg_owners[0].lower()] = owner_id
    lit_owners, wild_owner_repos = set(), set()
    for s in stmts:
        for hc in s.holes.values():
            names.holes += hc
        for e in s.entries:
            if _is_github_key(e) and e.claim == "repository" and e.op.string:
                for v in e.values:
                    text = _literal_text(v, s.holes)
                    if text.count("/") != 1 or "\x00" in text:
                        continue
                    o, r = text.split("/")
                    wild = "like" in e.op.base and re.search(r"[*?]", text)
                    if not (wild and re.search(r"[*?]", o)):
                        lit_owners.add(o)  # `myorg/*` names the owner myorg
                    if not wild:
                        names.repos.add((o, r))
                continue
            if _is_github_key(e) and e.claim in ("environment", "ref") and e.op.string \
                    and not e.op.negated:
                for v in e.values:
                    text = _literal_text(v, s.holes)
                    if not text or "\x00" in text or (
                            "like" in e.op.base and re.search(r"[*?]", text)):
                        continue
                    if e.claim == "environment":
                        names.environments.add(text)
                    elif text.startswith("refs/heads/") and len(text) > 11:
                        names.branches.add(text[11:])
                    elif text.startswith("refs/tags/") and len(text) > 10:
                        names.tags.add(text[10:])
                continue
            if not (_is_github_key(e) and e.claim == "sub" and e.op.string):
                continue
            for v in e.values:
                if "like" in e.op.base:  # a context named after the last wildcard
                    _named_context(_literal_text(v, s.holes), names)
                    m = _IMMUTABLE_NAMES.match(_literal_text(v, s.holes))
                    if m:  # `repo:myorg@*/app@*:...`: wildcards in the ids only
                        lit_owners.add(m.group(1))
                        names.repos.add((m.group(1), m.group(2)))
                    m = _SLASH_AS_QUESTION.match(_literal_text(v, s.holes))
                    if m:  # `repo:myorg?app:...`: only `/` makes a sub there
                        lit_owners.add(m.group(1))
                        names.repos.add((m.group(1), m.group(2)))
                    m = _REPO_AFTER_WILD_OWNER.match(_literal_text(v, s.holes))
                    if m:  # `repo:*/app:...`: whoever the owner, the repository is app
                        wild_owner_repos.add(m.group(1))
                text = (literal_prefix(v, s.holes) if "like" in e.op.base
                        else _literal_text(v, s.holes))
                if "ignorecase" in e.op.base:  # `REPO:MYORG/APP:...` names myorg/app
                    text = text.lower()
                if not text.startswith("repo:"):
                    continue
                body = text[len("repo:"):]
                full = "\x00" not in body
                body = body.split("\x00")[0]
                owner, slash, rest = body.partition("/")
                owner = owner.split("@", 1)[0]  # immutable form: the name before @ID
                if owner and (slash or not full or "@" in body) and ":" not in owner:
                    lit_owners.add(owner)
                repo_name, colon, ctx = rest.partition(":")
                repo_name = repo_name.split("@", 1)[0]
                if slash and colon and repo_name:
                    names.repos.add((owner, repo_name))
                if colon and full:
                    for prefix, bucket in (("ref:refs/heads/", names.branches),
                                           ("ref:refs/tags/", names.tags),
                                           ("environment:", names.environments)):
                        if ctx.startswith(prefix) and len(ctx) > len(prefix):
                            bucket.add(ctx[len(prefix):])
    names.owners = set(cfg_owners) if cfg_owners else lit_owners
    names.repos |= {(o, r) for o in names.owners for r in wild_owner_repos}
    return names


# `repo:*/app:...`, `repo:myorg-*/app:...`: the repository after a wildcarded owner
_REPO_AFTER_WILD_OWNER = re.compile(r"^repo:[^/:@\x00]*[*?][^/:@\x00]*/([^/:*?@$\x00]+):")
_IMMUTABLE_NAMES = re.compile(r"^repo:([^/:*?@\x00]+)@[*?\d]*/([^/:*?@\x00]+)@[*?\d]*:")
_SLASH_AS_QUESTION = re.compile(r"^repo:([^/:*?@$\x00]+)\?([^/:*?@$\x00]+):")


def _named_context(text: str, names: Names) -> None:
    """The branch, tag or environment a pattern names after its last wildcard
    (`repo:*:ref:refs/heads/main` names the branch main)."""
    if "\x00" in text or not re.search(r"[*?]", text):
        return
    tail = re.split(r"[*?]", text)[-1]
    for prefix, bucket in ((":ref:refs/heads/", names.branches), (":ref:refs/tags/", names.tags),
                           (":environment:", names.environments)):
        i = tail.rfind(prefix)
        if i >= 0 and len(tail) > i + len(prefix):
            bucket.add(tail[i + len(prefix):])
            return


def _has_hole(text: str) -> bool:
    return any(HOLE_BASE <= ord(c) < HOLE_BASE + 0x1000 for c in text)


def _literal_text(v, holes: Optional[Dict[str, str]] = None) -> str:
    out = []
    for part in _parts(v):
        if isinstance(part, Unknown) and holes and part.name in holes:
            out.append(holes[part.name])
        elif isinstance(part, Unknown):
            out.append("\x00")
            break
        else:
            out.append(part)
    return "".join(out)


def _owner_forms(owner: str, rest, lit, owner_id: Optional[str] = None) -> list:
    """`repo:OWNER/...` and the immutable `repo:OWNER@ID/...` forms (any id,
    even none: `repo:myorg@/...` is no other owner, only no sub GitHub sends;
    with the owner's id known, only that id: the name with another id is
    another owner, who took the name over)."""
    forms = [seq("repo:", lit(owner), "/", rest)]
    if "@" not in owner:
        oid = seq(owner_id) if owner_id else (Tok(NAME_CHARS, 0, None),)
        forms.append(seq("repo:", lit(owner), "@", *oid, "/", rest))
    return forms


def class_languages(names: Names) -> Dict[str, object]:
    """Each risky class as a language of standard subs (given what is named)."""
    anything = Tok(ANY, 0, None)
    hole_run = Tok(CharSet(frozenset(names.holes + "/")), 1, None) if names.holes else None
    hole_split = re.compile("([" + re.escape(names.holes) + "]+)") if names.holes else None

    def lit(text):
        """A named value as a pattern: a hole's character stands for its whole run."""
        if not hole_split:
            return seq(text)
        return seq(*[hole_run if i % 2 else piece
                     for i, piece in enumerate(hole_split.split(text)) if piece])

    def name(text):
        """An owner or repository name: GitHub's are unique ignoring case, so
        `MyOrg` is the owner `myorg`, whatever case a pattern admits."""
        out = []
        for t in lit(text):
            c = next(iter(t.chars.chars)) if len(t.chars.chars) == 1 else ""
            if t.chars.negated or not c or (t.min, t.max) != (1, 1) or c.lower() == c.upper():
                out.append(t)
            else:
                out.append(Tok(CharSet(frozenset({c, c.lower(), c.upper()})), 1, 1))
        return tuple(out)

    known_owner = []
    for o in sorted(names.owners):
        known_owner += _owner_forms(o, (anything,), name, names.id_of.get(o.lower()))
    for oid in sorted(names.owner_ids):
        known_owner.append(seq("repo:", _PLAIN, "@", oid, "/", anything))
    if hole_run:  # the owner is the hole's value: the run ends the owner (or owner/repo)
        known_owner.append(seq("repo:", hole_run, Tok(CharSet(frozenset("/@:")), 1, 1),
                               anything))
    named_repo = []
    for o, r in sorted(names.repos):  # legacy `o/r` and immutable `o@ID/r@ID` subjects
        # (a repository id pinned to another value is one other repository, not
        # every one of the owner: any repository id counts as named here)
        oid = names.id_of.get(o.lower())
        named_repo.append(seq("repo:", name(o), "/", name(r), ":", anything))
        named_repo.append(seq("repo:", name(o), "@", *(seq(oid) if oid else (Tok(NAME_CHARS, 0, None),)),
                              "/", name(r), "@", Tok(NAME_CHARS, 0, None), ":", anything))
    for oid, rid in sorted(names.repo_ids):
        named_repo.append(seq("repo:", _PLAIN, "@", oid, "/", _PLAIN, "@", rid, ":", anything))
    if hole_run:  # the repository is the hole's value (after the owner, or as owner/repo)
        named_repo.append(seq("repo:", hole_run, ":", anything))
        named_repo.append(seq("repo:", Tok(NOT_COLON, 0, None), "/", hole_run, ":", anything))

    def named(kind_prefix, values):
        pats = [seq(REPO_PREFIX, kind_prefix, lit(v)) for v in sorted(values)]
        if hole_run:
            pats.append(seq(REPO_PREFIX, kind_prefix, hole_run))
        return Union(pats)

    return {
        "any-owner": Inter([STANDARD, Not(Union(known_owner))]),
        "any-repo": Inter([STANDARD, Union(known_owner), Not(Union(named_repo))]),
        "pull-request": PULL_REQUEST,
        "any-branch": Inter([BRANCH, Not(named("ref:refs/heads/", names.branches))]),
        "any-tag": Inter([TAG, Not(named("ref:refs/tags/", names.tags))]),
        "any-environment": Inter([ENVIRONMENT,
                                  Not(named("environment:", names.environments))]),
    }


_CLASSES: Dict[tuple, dict] = {}


def _class_cache(names: Names) -> Dict[str, object]:
    key = _names_key(names)
    if key not in _CLASSES:
        if len(_CLASSES) > 64:
            _CLASSES.clear()
        _CLASSES[key] = class_languages(names)
    return _CLASSES[key]


@dataclass
class Analysis:
    """What one statement admits: class -> witness sub (shown with `${Hole}`)."""

    statement: GithubStatement
    witnesses: Dict[str, str] = field(default_factory=dict)
    unknown_shape: bool = False  # admits only subs outside the standard shapes
    context_witnesses: List[str] = field(default_factory=list)  # for any-context
    raw: Dict[str, str] = field(default_factory=dict)  # witnesses with hole characters
    context_raw: List[str] = field(default_factory=list)  # context_witnesses, raw
    lang: object = None  # the language analysed (the statement's, minus the Deny's)

    def every_name(self, cls: str) -> bool:
        """Does the statement admit the witness of `cls` (any-repo, any-branch,
        any-tag, any-environment) with its name replaced by every name, or only
        some names it does not write (`repo:myorg/ingest?:*`)?"""
        raw = self.raw.get(cls)
        if raw is None or self.lang is None:
            return False
        if cls == "any-repo":
            m = _WITNESS_NAMES.match(raw)
            if not m:
                return True
            cand = seq("".join(p or "" for p in m.groups()[:4]),
                       Tok(CharSet(frozenset("/:@"), True), 1, None),
                       "".join(p or "" for p in m.groups()[5:]))
        else:
            kp = {"any-branch": ":ref:refs/heads/", "any-tag": ":ref:refs/tags/",
                  "any-environment": ":environment:"}.get(cls)
            i = raw.find(kp) if kp else -1
            if i < 0:
                return True
            cand = seq(raw[:i + len(kp)], VALUE)
        try:
            return witness(Inter([cand, Not(self.lang)])) is None
        except TooComplex:
            return True

    def value_index(self, cls: str, entry: "ConditionEntry") -> Optional[int]:
        """Which value of a sub condition admits the class's witness (or None).
        For any-context, the value must admit all four context witnesses: a pull
        request and a branch named in other values is no value's doing."""
        w = self.raw.get(cls)
        if w is None or entry is None or entry.op.negated or len(entry.values) < 2:
            return None
        ws = (self.context_raw or [w]) if cls == "any-context" else [w]
        for i, v in enumerate(entry.values):
            pat = value_pattern(entry.op, v, dict(self.statement.holes))
            if all(matches(pat, x) for x in ws):
                return i
        return None

    @property
    def broadest(self) -> Optional[str]:
        for c in CLASS_ORDER:
            if c in self.witnesses:
                return c
        return None


def _candidates(names: Names) -> Dict[str, List[str]]:
    """Readable witness candidates per class, tried before the search."""
    owners = sorted(names.owners)[:3] + list(names.holes)
    repos = sorted(names.repos)[:3] + [(o, "app") for o in owners[:2]] \
        + [("evil-org", "app")] + [(h, h) for h in names.holes]
    ctxs = ["pull_request", "ref:refs/heads/main", "environment:production"]
    return {
        "any-owner": [f"repo:{o}-evil/app:{c}" for o in owners for c in ctxs]
        + [f"repo:evil-org/app:{c}" for c in ctxs],
        "any-repo": [f"repo:{o}/sandbox:{c}" for o in owners for c in ctxs],
        "pull-request": [f"repo:{a}/{b}:pull_request" for a, b in repos],
        "any-branch": [f"repo:{a}/{b}:ref:refs/heads/feature-x" for a, b in repos],
        "any-tag": [f"repo:{a}/{b}:ref:refs/tags/v0-evil" for a, b in repos],
        "any-environment": [f"repo:{a}/{b}:environment:dev" for a, b in repos],
    }


_ANALYSES: Dict[tuple, Analysis] = {}
_LITERAL_ID = re.compile(r"(?:^repo:|/)([^/:@*?$]+)@(\d+)(?=[/:*?])")


def _literal_ids(stmt: GithubStatement, names: Names) -> Optional[Dict[str, str]]:
    """name -> id of the owners and repositories a statement's sub values write in
    the immutable form (`repo:myorg@123/app@456:...`), and of the configured
    repository when a `repository_id` condition names its configured id; None if
    none is."""
    texts = [v for e in stmt.entries if e.claim == "sub" and is_github_prefix(e.provider)
             for v in e.values if isinstance(v, str) and "@" in v]
    repo_ids = {v for e in stmt.entries if _names_repository_id(e)
                for v in e.values if isinstance(v, str) and v.isdigit()}
    if not texts and not repo_ids:
        return None
    ids = {m.group(1): m.group(2) for t in texts for m in _LITERAL_ID.finditer(t)}
    for owner, repo in names.repos:
        owner_id = names.id_of.get(owner.lower())
        for rid in repo_ids:
            if (owner_id, rid) in names.repo_ids:
                ids.setdefault(owner, owner_id)
                ids.setdefault(repo, rid)
    return ids


def _with_ids(sub: str, ids: Dict[str, str]) -> str:
    """A readable candidate `repo:OWNER/REPO:...` in the immutable form, with the
    ids the policy writes (else made-up ones)."""
    m = re.match(r"^repo:([^/:@]+)/([^/:@]+):", sub)
    if not m:
        return sub
    o, r = m.group(1), m.group(2)
    return (f"repo:{o}@{ids.get(o, '1234567')}/{r}@{ids.get(r, '7654321')}:"
            + sub[m.end():])


def denies_other_repositories(stmts: List[GithubStatement]) -> bool:
    """Is there a Deny whose only condition refuses every `repository_id` but
    the ids it lists (`StringNotEquals`; the claim is in every token)? Then
    only those repositories get in, whatever the Allow statements' subs say."""
    return any(
        s.effect.lower() == "deny" and s.admits and s.entries and all(
            is_github_prefix(e.provider) and e.claim == "repository_id" and e.op.string
            and e.op.negated and not e.op.set_op and "like" not in e.op.base and e.values
            and all(isinstance(v, (str, int)) and not isinstance(v, bool)
                    and str(v).strip().isdigit() for v in e.values)
            for e in s.entries)
        for s in stmts)


def analyse(stmt: GithubStatement, names: Names, minus=None,
            pinned: bool = False) -> Analysis:
    """Which risky classes of sub one statement admits, with a witness each.

    `minus`: a language to take away (the policy's Deny statements); `pinned`:
    a Deny keeps out every repository but some (`denies_other_repositories`).
    The answer depends only on the languages and names, so the many roles of a
    repository that trust the same subs are analysed once.
    """
    try:
        key = (stmt.sub, minus, stmt.admits, stmt.opaque, bool(stmt.sub_paths),
               tuple(sorted(stmt.holes.items())), _names_key(names),
               pinned or pins_repositories(stmt))
        hit = _ANALYSES.get(key)
    except TypeError:  # an unhashable language: just analyse
        key, hit = None, None
    if hit is not None:
        return _copy_for(stmt, hit)
    result = _analyse(stmt, names, minus, pinned)
    if key is not None:
        if len(_ANALYSES) > 256:
            _ANALYSES.clear()
        _ANALYSES[key] = _copy_for(stmt, result)
    return result


def _copy_for(stmt: GithubStatement, a: Analysis) -> Analysis:
    """`a` for another statement of the same language (its own lists to change)."""
    return Analysis(stmt, dict(a.witnesses), a.unknown_shape, list(a.context_witnesses),
                    dict(a.raw), list(a.context_raw), a.lang)


def _names_key(names: Names) -> tuple:
    return (frozenset(names.owners), frozenset(names.repos), frozenset(names.branches),
            frozenset(names.tags), frozenset(names.environments), names.holes,
            frozenset(names.owner_ids), frozenset(names.repo_ids),
            frozenset(names.id_of.items()))


def _analyse(stmt: GithubStatement, names: Names, minus=None,
             pinned: bool = False) -> Analysis:
    result = Analysis(stmt)
    if not stmt.admits or stmt.opaque:
        return result
    lang = stmt.sub if minus is None else Inter([stmt.sub, Not(minus)])
    result.lang = lang
    classes = _class_cache(names)
    cands = _candidates(names)
    ids = _literal_ids(stmt, names)
    if ids is not None:  # immutable subjects: the same candidates with ids
        cands = {cls: c + [_with_ids(w, ids) for w in c] for cls, c in cands.items()}

    def admitted(s):
        return matches(lang, s)

    def candidate(cls):
        target = classes[cls]
        for cand in cands.get(cls, []):
            if admitted(cand) and matches(target, cand):
                return cand
        return None

    order = ("any-owner", "any-repo", "pull-request", "any-branch", "any-tag", "any-environment")
    if pinned or pins_repositories(stmt):  # the repositories of the ids listed, by id
        order = tuple(cls for cls in order if cls != "any-repo")
    found = {cls: candidate(cls) for cls in order}  # readable ones first
    found.update(witnesses(lang, {cls: classes[cls] for cls in order if found[cls] is None}))
    for cls in ("any-owner", "any-repo"):
        if found.get(cls) is not None:
            found[cls] = _other_name(found[cls], cls, stmt, classes[cls], admitted)
    for cls in order:
        if found.get(cls) is not None:
            result.raw[cls] = found[cls]
            result.witnesses[cls] = show(found[cls], stmt.holes)
    if not stmt.sub_paths and "any-owner" in result.witnesses:
        result.witnesses["missing"] = result.witnesses["any-owner"]
        result.raw["missing"] = result.raw["any-owner"]
    # any-context: one repository with a pull request, and a branch, a tag and
    # an environment not named literally
    if {"pull-request", "any-branch", "any-tag", "any-environment"} <= set(result.witnesses):
        split = _any_context(lang, classes, names, admitted, ids)
        if split is not None:
            result.context_witnesses = [show(w, stmt.holes) for w in split]
            result.context_raw = list(split)
            result.witnesses["any-context"] = result.context_witnesses[0]
            result.raw["any-context"] = split[0]
    if not result.witnesses and witness(Inter([lang, STANDARD])) is None \
            and witness(lang) is not None:
        result.unknown_shape = True
    return result


_WITNESS_NAMES = re.compile(r"^(repo:)([^/:@]+)(@[^/:]*)?(/)([^/:@]+)(@[^:]*)?(:.*)$", re.S)


def _other_name(w: str, cls: str, stmt: GithubStatement, target, admitted) -> str:
    """A witness of another owner (or repository) that the sub patterns spell out
    (`*myorg/app:*` found as `repo:myorg/app:...`) shows no risk: one with the
    name extended (`repo:evil-myorg/app:...`) does, when the patterns admit it."""
    m = _WITNESS_NAMES.match(w)
    if not m:
        return w
    group = 2 if cls == "any-owner" else 5
    name = m.group(group)
    texts = [_literal_text(v, stmt.holes).lower() for e in stmt.entries
             if e.claim == "sub" and _is_github_key(e) for v in e.values]
    spelled = (name.lower() + "/") if cls == "any-owner" else ("/" + name.lower())
    if not any(spelled in t for t in texts):
        return w
    parts = list(m.groups())
    for other in (f"evil-{name}", f"{name}-evil", f"x{name}", f"{name}x"):
        parts[group - 1] = other
        cand = "".join(p or "" for p in parts)
        if admitted(cand) and matches(target, cand):
            return cand
    return w


def _any_context(lang, classes, names: Names, admitted,
                 ids: Optional[Dict[str, str]] = None) -> Optional[List[str]]:
    """Four admitted subs of one repository: a pull request, and a branch, a tag
    and an environment not named literally; None if no repository has all four."""
    suffix_of = {
        "pull-request": seq("pull_request"),
        "any-branch": Inter([seq("ref:refs/heads/", VALUE),
                             Not(Union([seq("ref:refs/heads/", b) for b in names.branches]))]),
        "any-tag": Inter([seq("ref:refs/tags/", VALUE),
                          Not(Union([seq("ref:refs/tags/", t) for t in names.tags]))]),
        "any-environment": Inter([seq("environment:", VALUE),
                                  Not(Union([seq("environment:", e)
                                             for e in names.environments]))]),
    }
    readable = ["pull_request", "ref:refs/heads/feature-x", "ref:refs/tags/v0-evil",
                "environment:dev"]
    prefixes = [f"repo:{o}/{r}:" for o, r in sorted(names.repos) + [("evil-org", "app")]]
    if ids is not None:  # immutable subjects: the same repositories with ids
        prefixes += [_with_ids(p, ids) for p in prefixes
                     + [f"repo:{o}/app:" for o in sorted(names.owners)[:3]]]
    for pre in prefixes:
        if all(admitted(pre + w) and matches(suf, w)
               for w, suf in zip(readable, suffix_of.values())):
            return [pre + w for w in readable]
    if names.holes:
        hole_run = Tok(CharSet(frozenset(names.holes + "/")), 1, None)
        # a hole standing for a branch/env name is named: drop those suffixes
        for key, kp in (("any-branch", "ref:refs/heads/"), ("any-tag", "ref:refs/tags/"),
                        ("any-environment", "environment:")):
            suffix_of[key] = Inter([suffix_of[key], Not(seq(kp, hole_run))])
    found = exists_split(lang, SENT_PREFIX, list(suffix_of.values()))
    if found is None:
        return None
    prefix, suffixes = found
    return [prefix + w for w in suffixes]
