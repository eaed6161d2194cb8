"""Values that are only partly known: template strings with unresolved parts.

`!Sub 'repo:${GitHubOrg}/${Repo}:*'` with no default for `Repo`, or Terraform's
`"repo:${var.org}/app:*"`, is a `Template`: literal text with `Unknown` holes.
Rules that need a plain string call `text_of`; rules that can reason about the
holes (the sub-pattern analysis) read the parts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple, Union


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
