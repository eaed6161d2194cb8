"""Rules and checks.

A *rule* is the public contract: an id, a default severity, a one-line summary,
its documentation and its options. A *check* is the code that reads documents
and yields problems for one or more rules: rules that need the same walk share
one check (all the `trust-sub-*` rules come from one sub-pattern analysis).

    @check(kinds=("oidc-provider",), rules=("oidc-provider-url-wrong",))
    def provider_url(doc, ctx):
        yield Problem("oidc-provider-url-wrong", ("Url",), "...")

Per-document checks get one document. Cross-file checks (`cross_file=True`)
get a list of documents: every document of their kinds in a small run, a
bundle of linked files in a large one (`lint/xref/groups.py`). What they need
from every file of the run, whatever the links, they take from the run's
facts (`groups.run_facts(docs, ctx)`); a conclusion that holds for the whole
run goes back through `ctx.void(rule)`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Tuple


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # error | warning | info
    summary: str
    raw_docs: str = ""  # as written in the rule module (indented); see `docs`
    options: dict = field(default_factory=dict)  # name -> default value
    severity_by_finding: bool = False  # e.g. policy-iam-lint follows parliament
    family: str = ""

    @property
    def docs(self) -> str:
        """Markdown: what it does, why, bad and good examples (dedented on
        first read, not at import: most runs never show documentation)."""
        text = _DEDENTED.get(self.id)
        if text is None:
            import textwrap

            text = _DEDENTED[self.id] = textwrap.dedent(self.raw_docs).strip()
        return text


@dataclass(frozen=True)
class Check:
    func: Callable
    kinds: Tuple[str, ...]
    rules: Tuple[str, ...]
    cross_file: bool = False

    @property
    def name(self):
        return f"{self.func.__module__}.{self.func.__name__}"


RULES: Dict[str, Rule] = {}
_DEDENTED: Dict[str, str] = {}
CHECKS: List[Check] = []
# rule id -> a function naming what else its findings depend on (the version of
# an external analyser), part of the key of reused results (lint/results.py)
KEY_PARTS: Dict[str, Callable[[], object]] = {}


def rule(id: str, severity: str, summary: str, docs: str = "", options=None,
         severity_by_finding: bool = False) -> Rule:
    assert id not in RULES, f"duplicate rule id {id}"
    assert severity in ("error", "warning", "info"), severity
    r = Rule(id, severity, summary, docs, dict(options or {}),
             severity_by_finding, id.split("-")[0])
    RULES[id] = r
    return r


def check(kinds, rules, cross_file=False):
    def deco(func):
        for r in rules:
            assert r in RULES, f"check {func.__name__} emits unknown rule {r}"
        CHECKS.append(Check(func, tuple(kinds), tuple(rules), cross_file))
        return func
    return deco


_loaded = False


def load_rules():
    """Import every rule module once (they register themselves)."""
    global _loaded
    if not _loaded:
        from . import rules  # noqa: F401  (ecs_lint.rules imports its modules)
        _loaded = True
    return RULES


def resolve_selector(selector: str) -> List[str]:
    """A rule id or a prefix (`trust-`, `trust`) -> the matching rule ids."""
    load_rules()
    return sorted(r for r in RULES if selects(selector, r))


def selects(selector: str, rule: str) -> bool:
    """Does a rule selector (an id, a prefix `trust-` or `trust`, `ALL`) take this
    rule? One reading for --select, config `ignore:` and inline comments."""
    s = selector.strip()
    if s == rule or s.upper() == "ALL":
        return True
    return bool(s) and rule.startswith(s if s.endswith("-") else s + "-")
