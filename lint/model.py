"""The data every part of ecs-lint passes around: spans, documents, findings.

A *document* is one thing a rule can read (a trust policy, a workflow, a task
definition...). Its `data` is plain Python (dict, list, str, int, float, bool,
None). Positions are not stored in the data: a document has a `locate` function
that turns a *path* (a tuple of keys and list indexes into `data`) into a
`Span` in the source file. Locating is lazy, so a clean file never pays for
positions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}

Path = tuple  # of str | int


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    # another file than its document's: the template a Terraform
    # `templatefile()` reads, where the text is written
    file: Optional[str] = None


UNKNOWN_SPAN = Span(1, 1)


@dataclass
class Document:
    """One lintable thing found in a file."""

    kind: str
    data: Any
    file: str  # path as given/walked, used in output
    locate: Callable[..., Span]  # locate(path, key=False) -> Span
    name: str = ""  # e.g. a template's logical id or Terraform address
    context: dict = field(default_factory=dict)  # kind-specific extras
    text: Optional[str] = None  # the source text (for suppressions)

    def span(self, path: Path = (), key: bool = False) -> Span:
        try:
            return self.locate(tuple(path), key)
        except Exception:  # a position is a nicety: never fail a finding on it
            return UNKNOWN_SPAN

    def place(self, path: Path = ()) -> str:
        """`FILE:LINE` of a path, for messages."""
        span = self.span(path)
        return f"{span.file or self.file}:{span.line}"


@dataclass
class Related:
    file: str
    span: Span
    message: str = ""


@dataclass
class Finding:
    rule: str
    severity: str
    file: str
    span: Span
    message: str
    help: str = ""
    extra: dict = field(default_factory=dict)
    related: list = field(default_factory=list)  # of Related

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self):
        return (self.file, self.span.line, self.span.column, self.rule, self.message)


@dataclass
class Problem:
    """What a check yields: a finding before the runner gives it a place."""

    rule: str
    path: Path
    message: str
    help: str = ""
    key: bool = False  # point at the key of `path` rather than its value
    extra: dict = field(default_factory=dict)
    severity: Optional[str] = None  # None: the rule's configured severity
    doc: Optional[Document] = None  # None: the document the check was given
    related: list = field(default_factory=list)  # of (Document, path, message)
    span: Optional[Span] = None  # a finer position than the path gives
