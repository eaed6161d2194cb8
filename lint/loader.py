"""Read JSON and YAML into plain Python values that can tell their positions.

`load_text(text, syntax)` returns a list of `Loaded` (YAML may hold several
documents), each with the data and a `locate(path, key=False) -> Span`.

JSON is parsed with the standard library's C parser; a path is located only
when a finding needs it, by re-scanning the text along that path (the C scanner
skips the values in between). YAML is composed with libyaml's C parser when
present; the node tree is kept so a path maps to the node's marks. Mapping keys
stay strings (`on:` is the key "on", not True). Only the YAML core tags and
CloudFormation's short-form intrinsics (`!Sub` ...) are accepted; any other
explicit tag in the `tag:yaml.org,2002:python/...` family is refused.
"""
from __future__ import annotations

import bisect
import codecs
import json
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, List, Optional

import yaml

from .model import Span

try:  # libyaml: an order of magnitude faster; the pure-Python parser otherwise
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml import SafeLoader as _SafeLoader


class _YamlLoader(_SafeLoader):
    """The safe loader, remembering the tag of each plain scalar: libyaml asks
    the (Python) resolver about every one, and the same few values (`true`,
    `ubuntu-latest`, `run`) come back in file after file. A plain scalar's tag
    depends on its text only."""

    _plain_tags: dict = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tags = self._plain_tags
        tag = tags.get(value)
        if tag is None:
            if len(tags) >= 20_000:
                tags.clear()
            tag = tags[value] = super().resolve(kind, value, implicit)
        return tag

MAX_DEPTH = 500  # nesting deeper than this is refused (libyaml recurses in C)
MAX_ALIAS_EXPANSION = 200_000  # values reached through aliases, per file


class LoadError(Exception):
    """Input that cannot be read: message plus a 1-based position."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = max(1, int(line or 1))
        self.column = max(1, int(column or 1))


@dataclass
class Loaded:
    data: Any
    locate: Callable[..., Span]
    text: str
    # the first unsafe tag (`!!python/...`), as the LoadError to report: such a
    # node is read as if untagged (nothing is constructed), and the caller says
    # whether the file is one to refuse (one of a known kind, or named)
    unsafe: Optional[LoadError] = None


# ---------------------------------------------------------------------------
# bytes -> text


def decode(raw: bytes) -> str:
    """UTF-8 (BOM optional) or UTF-16/32 with a BOM; anything else is an error."""
    if raw.startswith(codecs.BOM_UTF32_LE) or raw.startswith(codecs.BOM_UTF32_BE):
        enc = "utf-32"
    elif raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        enc = "utf-16"
    elif raw.startswith(codecs.BOM_UTF8):
        raw, enc = raw[3:], "utf-8"
    else:
        enc = "utf-8"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as e:
        line, col = _line_col_of_bytes(raw, e.start)
        raise LoadError(f"not valid {enc.upper()} text: byte 0x{raw[e.start]:02x} "
                        f"at offset {e.start}", line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        off = text.index("\x00")
        line, col = _line_col(text, off)
        raise LoadError(f"NUL character at offset {off}: binary data, not text", line, col)
    if "\r" in text:  # a lone CR ends a line (old Mac files): positions count it as one
        text = re.sub(r"\r(?!\n)", "\n", text)
    return text


def _line_col_of_bytes(raw: bytes, off: int):
    head = raw[:off]
    line = head.count(b"\n") + 1
    return line, off - (head.rfind(b"\n") + 1) + 1


def _line_col(text: str, off: int):
    line = text.count("\n", 0, off) + 1
    return line, off - (text.rfind("\n", 0, off) + 1) + 1


class LineIndex:
    """Offset -> (line, column), 1-based, built on first use."""

    def __init__(self, text: str):
        self.text = text
        self._starts: Optional[List[int]] = None

    def line_col(self, off: int):
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_right(self._starts, off) - 1
        return i + 1, off - self._starts[i] + 1


# ---------------------------------------------------------------------------
# JSON


def _reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


_decoder = json.JSONDecoder(parse_constant=_reject_constant)
_scan_value = _decoder.scan_once
_scanstring = json.decoder.scanstring
_ws = re.compile(r"[ \t\n\r]*")


def load_json(text: str) -> Loaded:
    try:
        data = _decoder.decode(text)
    except json.JSONDecodeError as e:
        raise LoadError(f"invalid JSON: {e.msg}", e.lineno, e.colno) from None
    except RecursionError:
        line, col = _json_error_at(text, deep=True)
        raise LoadError(f"invalid JSON: nested too deeply (more than about "
                        f"{MAX_DEPTH} levels)", line, col) from None
    except ValueError as e:  # NaN / Infinity, or an integer too long for Python
        long_int = _LONG_INT.search(text) if "integer string conversion" in str(e) else None
        if long_int:
            raise LoadError(f"invalid JSON: a number of more than {_MAX_INT_DIGITS} digits",
                            *LineIndex(text).line_col(long_int.start())) from None
        line, col = _json_error_at(text, deep=False)
        raise LoadError(f"invalid JSON: {e}", line, col) from None
    # the C parser goes as deep as the recursion limit lets it: hold JSON to the
    # same limit as YAML, so that no check meets nesting it cannot walk
    if text.count("[") + text.count("{") > MAX_DEPTH and _data_depth(data) > MAX_DEPTH:
        line, col = _json_error_at(text, deep=True)
        raise LoadError(f"invalid JSON: nested more than {MAX_DEPTH} levels deep", line, col)
    return Loaded(data, JsonLocator(text).locate, text)


_MAX_INT_DIGITS = 4300  # Python's int() refuses longer digit strings (CVE-2020-10735)
_LONG_INT = re.compile(r"(?<![\w.\"])-?\d{%d,}" % (_MAX_INT_DIGITS + 1))


def json_value(text: str):
    """json.loads of JSON found inside a document (a policy in a string, a
    jsondecode argument), held to the same MAX_DEPTH as files: ValueError
    when it is not JSON or nests deeper."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep") from None
    if text.count("[") + text.count("{") > MAX_DEPTH and _data_depth(data) > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    return data


def _data_depth(top) -> int:
    """How deep lists and dicts nest in loaded values: 0 for a scalar, 1 for `[1]`."""
    depth, level = 0, [top] if type(top) in (dict, list) else []
    while level:
        depth += 1
        level = [v for x in level for v in (x.values() if type(x) is dict else x)
                 if type(v) in (dict, list)]
    return depth


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?:NaN|Infinity)\b|[\[{]|[\]}]')


def _json_error_at(text: str, deep: bool) -> tuple:
    """(line, column) of the first bare NaN/Infinity, or (`deep`) of the bracket
    that opens one level too many; (1, 1) if not found. Only run on an error."""
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        tok = m.group(0)
        if tok[0] == '"':
            continue
        if tok in "[{":
            depth += 1
            if deep and depth > MAX_DEPTH:
                return LineIndex(text).line_col(m.start())
        elif tok in "]}":
            depth -= 1
        elif not deep:
            return LineIndex(text).line_col(m.start())
    return 1, 1


class JsonLocator:
    """Finds the text span of a path in a JSON text, lazily."""

    def __init__(self, text: str, base: Optional[Callable[[int], tuple]] = None):
        self.text = text
        self.lines = LineIndex(text)
        self._cache = {(): (_ws.match(text, 0).end(), None)}
        self._children = {}  # container start -> its children (see _scan_children)
        # base maps an offset in `text` to (line, column) in the real file
        self.base = base

    def _pos(self, off):
        return self.base(off) if self.base else self.lines.line_col(off)

    def _value_end(self, i):
        try:
            return _scan_value(self.text, i)[1]
        except Exception:
            return i + 1

    def _child(self, start, step):
        """(key_start, value_start) of `step` inside the container at `start`."""
        kids = self._children.get(start)
        if kids is None:
            kids = self._children[start] = self._scan_children(start)
        if isinstance(kids, dict) and isinstance(step, str):
            return kids.get(step)
        if isinstance(kids, list) and isinstance(step, int) and 0 <= step < len(kids):
            return (None, kids[step])
        return None

    def _scan_children(self, start):
        """Every child of the container at `start`, in one pass (so locating the
        findings of a long list stays linear): {key: (key_start, value_start)}
        for an object (the last duplicate wins, as in json.loads), [value_start]
        for an array, None otherwise."""
        s = self.text
        c = s[start] if start < len(s) else ""
        if c == "{":
            found = {}
            i = _ws.match(s, start + 1).end()
            while i < len(s) and s[i] == '"':
                kstart = i
                key, i = _scanstring(s, i + 1)
                i = _ws.match(s, i).end() + 1  # ':'
                i = _ws.match(s, i).end()
                found[key] = (kstart, i)
                i = _ws.match(s, self._value_end(i)).end()
                if i < len(s) and s[i] == ",":
                    i = _ws.match(s, i + 1).end()
            return found
        if c == "[":
            found = []
            i = _ws.match(s, start + 1).end()
            while i < len(s) and s[i] != "]":
                found.append(i)
                i = _ws.match(s, self._value_end(i)).end()
                if i < len(s) and s[i] == ",":
                    i = _ws.match(s, i + 1).end()
            return found
        return None

    def locate(self, path=(), key=False) -> Span:
        path = tuple(path)
        # longest cached prefix
        n = len(path)
        while path[:n] not in self._cache:
            n -= 1
        start, kstart = self._cache[path[:n]]
        for j in range(n, len(path)):
            hit = self._child(start, path[j])
            if hit is None:
                key = False
                break
            kstart, start = hit
            self._cache[path[: j + 1]] = (start, kstart)
        else:
            if key and kstart is not None:
                end = _scanstring(self.text, kstart + 1)[1]
                return Span(*self._pos(kstart), *self._pos(end))
        end = self._value_end(start)
        return Span(*self._pos(start), *self._pos(end))


# ---------------------------------------------------------------------------
# YAML

_CORE = "tag:yaml.org,2002:"
_STR, _MERGE = _CORE + "str", _CORE + "merge"
_safe = yaml.constructor.SafeConstructor()

# CloudFormation short forms -> long forms
CFN_TAGS = {
    "!Ref": "Ref",
    "!Condition": "Condition",
    **{f"!{n}": f"Fn::{n}" for n in (
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join",
        "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
        "Length", "ToJsonString", "ForEach",
    )},
}


def _depth_guard(text: str, always: bool = False):
    """libyaml composes recursively in C: refuse pathological nesting first
    (`always`: scan even when the text looks shallow, to place the error)."""
    if not always:
        if text.count("[") + text.count("{") < MAX_DEPTH and text.count("- ") < MAX_DEPTH:
            return
        if text.lstrip()[:1] in ("{", "[") and _json_depth(text) <= MAX_DEPTH:
            return  # YAML written as JSON (as tools often do): its nesting, found in C
    depth = 0
    try:
        for ev in yaml.parse(text, Loader=_YamlLoader):
            if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = ev.start_mark
                    raise LoadError(f"nested more than {MAX_DEPTH} levels deep",
                                    m.line + 1, m.column + 1)
            elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # compose reports the syntax error with its position


def _json_depth(text: str) -> int:
    """Nesting depth of `text` read as JSON (MAX_DEPTH + 1 if it is not JSON)."""
    import json

    try:
        top = json.loads(text)
    except (ValueError, RecursionError):
        return MAX_DEPTH + 1
    depth, level = 0, [top]
    while level:
        level = [v for x in level if isinstance(x, (dict, list))
                 for v in (x.values() if isinstance(x, dict) else x)]
        depth += 1
    return depth


# errors whose cause is where PyYAML started reading, not where it gave up: a
# key whose `:` is missing (found lines later), a quote never closed (at the end)
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar")


def load_yaml(text: str) -> List[Loaded]:
    if len(text) >= 1 << 32:  # positions pack two offsets below 2**32 in one int
        raise LoadError("too large to read (4 GiB or more)")
    _depth_guard(text)
    try:
        roots = list(yaml.compose_all(text, Loader=_YamlLoader))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context in _AT_CONTEXT and e.context_mark is not None:
            mark = e.context_mark
        msg = " ".join(x for x in (e.context, e.problem) if x)
        raise LoadError(f"invalid YAML: {msg}", (mark.line + 1) if mark else 1,
                        (mark.column + 1) if mark else 1) from None
    except yaml.YAMLError as e:
        raise LoadError(f"invalid YAML: {e}") from None
    except RecursionError:
        _depth_guard(text, always=True)  # raises with the position when it finds it
        raise LoadError("invalid YAML: nested too deeply") from None
    out = []
    lines = LineIndex(text)
    anchors = "&" in text  # (a `&` anywhere: anchors possible, aliases tracked)
    # block mappings nest without brackets, and aliases nest what they name:
    # measure what was built unless the text is too short to be deep
    measure = anchors or sum(map(text.count, ("\n", "[", "{", "-", "?"))) >= MAX_DEPTH - 1
    aliases = _scalar_aliases(text) if anchors and "*" in text else {}
    for root in roots:
        builder = _YamlBuilder(lines, anchors, aliases)
        try:
            data, at = builder.build(root)
        except RecursionError:
            _depth_guard(text, always=True)
            raise LoadError("nested too deeply to read") from None
        if measure and _data_depth(data) > MAX_DEPTH:
            _depth_guard(text, always=True)  # raises with the position when it finds it
            raise LoadError(f"nested more than {MAX_DEPTH} levels deep once aliases "
                            f"are expanded")
        out.append(Loaded(data, YamlLocator(at, lines).locate, text, builder.unsafe))
    return out


def _scalar_aliases(text: str) -> dict:
    """{offset of a scalar anchor's node: [span of each alias of it, in
    order]}: the composed tree hands an alias the anchored node itself, so the
    alias's own place is read from the events (a scalar's only: an aliased
    collection's contents are written at the anchor)."""
    out: dict = {}
    current: dict = {}  # anchor name -> the offset of the scalar it names now
    try:
        for ev in yaml.parse(text, Loader=_YamlLoader):
            kind = type(ev)
            if kind is yaml.ScalarEvent and ev.anchor:
                current[ev.anchor] = ev.start_mark.index
            elif kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent) and ev.anchor:
                current.pop(ev.anchor, None)
            elif kind is yaml.AliasEvent and ev.anchor in current:
                out.setdefault(current[ev.anchor], []).append(
                    ev.start_mark.index << 32 | ev.end_mark.index)
    except yaml.YAMLError:
        return {}
    return out


_intern = sys.intern  # a mapping key: the same few names in every workflow, held once


class _YamlBuilder:
    """Values and positions from a composed node tree; the nodes are dropped
    after. A position is a span, `start << 32 | end` in characters (a plain
    scalar's, most of a document), or an `_At` (a collection, a tagged scalar).
    Without anchors in the text every node is reached once, and nothing needs
    remembering."""

    def __init__(self, lines: LineIndex, anchors: bool = True, aliases: Optional[dict] = None):
        self.lines = lines
        self.done = {} if anchors else None  # id(node) -> (value, position, size), for aliases
        self.aliases = aliases or {}  # a scalar anchor's offset -> its aliases' spans, in order
        self.expanded = 0
        self.unsafe: Optional[LoadError] = None  # the first unsafe tag met

    def build(self, node):
        """(value, position) of a node."""
        if self.done is None:
            return self._build(node)
        key = id(node)
        if key in self.done:
            value, pos, size = self.done[key]
            self.expanded += size
            if self.expanded > MAX_ALIAS_EXPANSION:
                raise LoadError(f"aliases expand to more than {MAX_ALIAS_EXPANSION} "
                                f"values (an alias bomb?)",
                                *self.lines.line_col(_span(pos) >> 32))
            spans = self.aliases.get(node.start_mark.index) if type(pos) is int else None
            if spans:  # a scalar met again: the alias's own place (`*name`), in turn
                pos = spans.pop(0)
            return value, pos
        before = self.expanded
        value, pos = self._build(node)
        self.done[key] = (value, pos, max(1, self.expanded - before + 1))
        self.expanded += 1
        return value, pos

    def _build(self, node):
        tag = node.tag or ""
        cfn = None
        if tag.startswith("!"):
            cfn = CFN_TAGS.get(tag)
            if cfn is None and tag.startswith("!!python"):
                self._refuse(node, tag)
        elif tag.startswith(_CORE + "python"):
            self._refuse(node, tag)
        value, pos = self._build_untagged(node)
        if cfn is None:
            return value, pos
        at = pos if type(pos) is _At else _At(pos)
        at.cfn = cfn
        return {cfn: value}, at

    def _refuse(self, node, tag):
        if self.unsafe is None:
            m = node.start_mark
            self.unsafe = LoadError(f"unsafe YAML tag {tag} refused", m.line + 1, m.column + 1)

    def _build_untagged(self, node):
        kind = type(node)
        span = node.start_mark.index << 32 | node.end_mark.index
        if kind is yaml.ScalarNode:
            return (node.value if node.tag == _STR else scalar_value(node)), span
        if kind is yaml.SequenceNode:
            values, kids = [], []
            for child in node.value:
                value, pos = self.build(child)
                values.append(value)
                kids.append(pos)
            return values, _At(span, kids)
        out, kids = {}, {}
        merges = []
        for knode, vnode in node.value:
            if knode.tag == _MERGE:
                sources = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
                merges.extend(self.build(src) for src in sources)
                continue
            key = _intern(knode.value) if type(knode) is yaml.ScalarNode else mapping_key(knode)
            if key in out:  # GitHub and CloudFormation refuse these; so do we
                raise LoadError(f"duplicate key '{key}' in a mapping",
                                *self.lines.line_col(knode.start_mark.index))
            out[key], pos = self.build(vnode)
            kids[key] = (knode.start_mark.index << 32 | knode.end_mark.index, pos)
        at = _At(span, kids)
        if merges:  # explicit keys win over merged ones, earlier sources over later
            at.merges = [pos for _, pos in merges]
            for merged, _ in merges:
                if isinstance(merged, dict):
                    for k, v in merged.items():
                        out.setdefault(k, v)
        return out, at


class _At:
    """Where a YAML collection or tagged scalar is: its span (`start << 32 |
    end`); its children's positions (a mapping's {key: (key span, position)}, a
    sequence's [position], None for a scalar); the sources of a mapping's merge
    keys; the long form of its CloudFormation tag (`!Sub x` is also
    {"Fn::Sub": x})."""

    __slots__ = ("span", "kids", "merges", "cfn")

    def __init__(self, span, kids=None, merges=None, cfn=None):
        self.span, self.kids, self.merges, self.cfn = span, kids, merges, cfn


def _span(pos) -> int:
    return pos if type(pos) is int else pos.span


def mapping_key(knode) -> str:
    if isinstance(knode, yaml.ScalarNode):
        return knode.value
    return f"<{type(knode).__name__[:-4].lower()} key>"


def scalar_value(node):
    tag = node.tag
    try:
        if tag == _CORE + "str":
            return node.value
        if tag == _CORE + "int":
            return _safe.construct_yaml_int(node)
        if tag == _CORE + "bool":
            return _safe.construct_yaml_bool(node)
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "float":
            return _safe.construct_yaml_float(node)
    except (ValueError, yaml.YAMLError):
        pass
    return node.value  # timestamps, binary, unknown local tags: keep the text


class YamlLocator:
    """Path -> span from the positions the builder kept. Offsets are turned into
    lines with `\n` only (libyaml also breaks lines at NEL, U+2028 and U+2029,
    which editors and GitHub do not)."""

    def __init__(self, root, lines: LineIndex):
        self.root = root
        self.lines = lines

    def locate(self, path=(), key=False) -> Span:
        pos, key_span = self.root, None
        for step in path:
            nxt = _yaml_child(pos, step)
            if nxt is None:
                key = False
                break
            key_span, pos = nxt
        span = key_span if (key and key_span is not None) else _span(pos)
        return Span(*self.lines.line_col(span >> 32), *self.lines.line_col(span & 0xFFFFFFFF))


def _yaml_child(pos, step):
    """(key span or None, position) of `step` in the node at `pos`, or None."""
    if type(pos) is not _At:
        return None
    if pos.cfn is not None and step == pos.cfn:
        return None, _At(pos.span, pos.kids, pos.merges)  # seen through its long form
    kids = pos.kids
    if type(kids) is dict and isinstance(step, str):
        hit = kids.get(step)
        if hit is not None:
            return hit
        for src in pos.merges or ():
            found = _yaml_child(src, step)
            if found is not None:
                return found
        return None
    if type(kids) is list and isinstance(step, int) and 0 <= step < len(kids):
        return None, kids[step]
    return None


# ---------------------------------------------------------------------------


def syntax_for(path: str, text: str) -> str:
    low = path.lower()
    if low.endswith(".json"):
        return "json"
    if low.endswith((".yaml", ".yml")):
        return "yaml"
    if low.endswith(".tf"):
        return "hcl"
    if low.endswith(".tf.json"):
        return "json"
    head = text.lstrip()[:1]
    return "json" if head in ("{", "[") else "yaml"


def load_text(text: str, syntax: str) -> List[Loaded]:
    if syntax == "json":
        return [load_json(text)]
    if syntax == "yaml":
        return load_yaml(text)
    raise LoadError(f"unknown syntax {syntax}")
