"""Values that are only partly known: template strings with unresolved parts.

`!Sub 'repo:${GitHubOrg}/${Repo}:*'` with no default for `Repo`, or Terraform's
`"repo:${var.org}/app:*"`, is a `Template`: literal text with `Unknown` holes.
Rules that need a plain string call `text_of`; rules that can reason about the
holes (the sub-pattern analysis) read the parts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Tuple, Union

from .lazy import lazy_re
from .loader import json_value


@dataclass(frozen=True)
class Unknown:
    """A reference that could not be resolved (a parameter without default...)."""

    name: str

    def __str__(self):
        return "${" + self.name + "}"


@dataclass(frozen=True)
class Template:
    parts: Tuple[Union[str, Unknown], ...]

    def __str__(self):
        return "".join(str(p) for p in self.parts)

    @property
    def unknowns(self):
        return [p for p in self.parts if isinstance(p, Unknown)]


def make_template(parts) -> Union[str, Template]:
    """Join adjacent literals; a template with no hole is a plain string."""
    out = []
    for p in parts:
        if isinstance(p, str):
            if not p:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += p
                continue
        out.append(p)
    if all(isinstance(p, str) for p in out):
        return "".join(out)
    return Template(tuple(out))


def value_at(data, path):
    """The value at `path` (keys and list indexes) in nested dicts and lists;
    None where the path leads nowhere."""
    node = data
    for step in path:
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and -len(node) <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def text_of(value) -> Optional[str]:
    """A plain string value, or None when it is not (entirely) known."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def display(value) -> str:
    """How to show a value in a message."""
    if isinstance(value, Template):
        return str(value)
    if isinstance(value, str):
        return value
    return repr(value)


# ---------------------------------------------------------------------------
# JSON text written with holes (Terraform heredocs and templatefile, CloudFormation
# `!Sub` of a policy's JSON)

_PH = "\ue000"  # a hole in JSON text: _PH + chr(_PH_BASE + hole number)
_PH_BASE = 0xE100
_PH_RE = lazy_re("\ue000([\ue100-\uf8ff])")


class JsonString(str):
    """A string that `jsonencode` made: spliced into JSON text outside a string,
    it is written as JSON (with its quotes), not as bare text."""

    @property
    def json_text(self) -> str:
        return json.dumps(str(self))


def json_with_holes(segments):
    """Parse JSON written with holes: segments are ("lit", text, offsets) and
    ("hole", value, offset). Known scalar holes are spliced in as text; others
    become `Template`s in the result. Returns (data, text, offsets) or None."""
    chars, offs, holes = [], [], []
    in_str, esc = False, False

    def put(s, at_list):
        nonlocal in_str, esc
        for ch, at in zip(s, at_list):
            chars.append(ch)
            offs.append(at)
            if in_str:
                if esc:
                    esc = False
                elif ch == "\\":
                    esc = True
                elif ch == '"':
                    in_str = False
            elif ch == '"':
                in_str = True

    for seg in segments:
        if seg[0] == "lit":
            put(seg[1], seg[2])
            continue
        value, at = seg[1], seg[2]
        if isinstance(value, JsonString) and not in_str:
            put(value.json_text, [at] * len(value.json_text))
        elif isinstance(value, str) or (isinstance(value, (int, float)) and not in_str):
            s = value if isinstance(value, str) else json.dumps(value)
            put(s, [at] * len(s))
        elif not in_str and _plain(value) and value is not None:
            s = json.dumps(value)
            put(s, [at] * len(s))
        else:
            if len(holes) >= 0x17FF:
                return None
            ph = _PH + chr(_PH_BASE + len(holes))
            holes.append(value)
            put(ph if in_str else f'"{ph}"', [at] * (len(ph) + (0 if in_str else 2)))
    text = "".join(chars)
    try:
        data = json_value(text)
    except ValueError:
        return None
    if holes:
        data = _fill_holes(data, holes)
    return data, text, offs


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _fill_holes(value, holes):
    if isinstance(value, str):
        if _PH not in value:
            return value
        parts, pos = [], 0
        for m in _PH_RE.finditer(value):
            parts.append(value[pos:m.start()])
            hole = holes[ord(m.group(1)) - _PH_BASE]
            if isinstance(hole, Template):
                parts.extend(hole.parts)
            elif isinstance(hole, Unknown):
                parts.append(hole)
            elif isinstance(hole, (int, float)) and not isinstance(hole, bool):
                parts.append(str(hole))
            else:
                parts.append(Unknown("expression"))
            pos = m.end()
        parts.append(value[pos:])
        return make_template(parts)
    if isinstance(value, list):
        return [_fill_holes(v, holes) for v in value]
    if isinstance(value, dict):
        return {(str(_fill_holes(k, holes))): _fill_holes(v, holes) for k, v in value.items()}
    return value
