"""The `sub` claims a job will send, as a language of sub patterns.

GitHub builds the `sub` of a job's OIDC token from its context, in this order
of precedence (RULES.md, "Sub-pattern analysis"):

1. the job has an `environment`  -> `...:environment:NAME`
2. the run is for a pull request -> `...:pull_request`
3. otherwise                      -> `...:ref:refs/heads/BRANCH` / `...:ref:refs/tags/TAG`

The prefix is `repo:OWNER/REPO` (legacy) or `repo:OWNER@ID/REPO@ID`
(immutable subjects, config `github.subject: immutable`). A `:` inside a value
is sent as `%3A`.

Which refs a job runs on comes from the workflow's triggers:

- `push` with `branches`/`branches-ignore`/`tags`/`tags-ignore` filters; a push
  trigger that filters only branches never runs for tags, and the reverse;
- `pull_request` -> the `pull_request` context;
- `schedule`, `workflow_run`, `repository_dispatch` and other events -> the default
  branch (`github.default-branch` in config, else guessed by the caller:
  `master` or `main`);
- `workflow_dispatch` -> the default branch is what *must* work; any branch or tag
  *may* be dispatched, so those count as used but are not required;
- `release` -> any tag; `workflow_call` -> the refs of the callers found in the
  same run.

A job-level `if:` narrows the refs: `github.ref == 'refs/heads/main'`,
`github.ref == format('refs/heads/{0}', matrix.branch)`, `github.ref_name == 'x'`,
`startsWith(github.ref, 'refs/tags/')`, `github.event_name == 'push'`. A
condition we cannot read turns every sub of the job from *must* into *may*:
we cannot say the job really runs there, so we do not predict a 401 for it.

Languages here are a tiny algebra over `filters.Piece` sequences (`Seq`,
`Alt`, `Minus`), converted to `lint/subjects.py` objects by `to_subjects`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .. import workflow_model as wm
from .filters import (INF, Filter, Pattern, Piece, compile_filter, is_literal, literal_piece,
                      literal_text, make_filter)

# ---------------------------------------------------------------------------
# the language algebra


@dataclass(frozen=True)
class Seq:
    pieces: Pattern


@dataclass(frozen=True)
class Alt:
    parts: tuple  # of languages


@dataclass(frozen=True)
class Minus:
    a: object
    b: object


EMPTY = Alt(())


def lit(text: str) -> Seq:
    return Seq(tuple(literal_piece(c) for c in text))


_GIT_FORBIDDEN = frozenset(": ~^?*[\\\x7f")
_ANY_RUN = Piece(frozenset(), True, 0, INF)


def _lit_pieces(text: str) -> Pattern:
    return tuple(literal_piece(c) for c in text)


def any_name():
    """Every branch or tag name git accepts (check-ref-format, in the main): no
    `: ~^?*[\\`, no leading, trailing or double `/`, no `..`, no trailing `.`."""
    word = Seq((Piece(_GIT_FORBIDDEN, True, 1, INF),))
    bad = Alt((
        Seq((literal_piece("/"), _ANY_RUN)),
        Seq((_ANY_RUN, literal_piece("/"))),
        Seq((_ANY_RUN,) + _lit_pieces("//") + (_ANY_RUN,)),
        Seq((_ANY_RUN,) + _lit_pieces("..") + (_ANY_RUN,)),
        Seq((_ANY_RUN, literal_piece("."))),
    ))
    return Minus(word, bad)


@lru_cache(maxsize=None)
def never_sent():
    """Ref subs GitHub never sends (a branch or tag name git refuses): a trust
    policy admitting them admits nothing real. (One constant language.)"""
    rest = Minus(Seq((_ANY_RUN,)), any_name())
    return alt([concat((_ANY_RUN,) + _lit_pieces(f":ref:refs/{kind}/"), rest)
                for kind in ("heads", "tags")])


def concat(prefix: Pattern, lang):
    if isinstance(lang, Seq):
        return Seq(tuple(prefix) + lang.pieces)
    if isinstance(lang, Alt):
        return Alt(tuple(concat(prefix, p) for p in lang.parts))
    return Minus(concat(prefix, lang.a), concat(prefix, lang.b))


def alt(parts) -> object:
    flat = []
    for p in parts:
        if isinstance(p, Alt):
            flat.extend(p.parts)
        else:
            flat.append(p)
    uniq = list(dict.fromkeys(flat))
    return uniq[0] if len(uniq) == 1 else Alt(tuple(uniq))


def is_empty_syntactically(lang) -> bool:
    return isinstance(lang, Alt) and not lang.parts


def to_regex(lang) -> str:
    """A Python regex for the language (Minus via a lookahead)."""
    from .filters import to_regex as pieces_regex
    if isinstance(lang, Seq):
        return pieces_regex(lang.pieces)
    if isinstance(lang, Alt):
        if not lang.parts:
            return "(?!)"
        return "(?:" + "|".join(to_regex(p) for p in lang.parts) + ")"
    return f"(?!(?:{to_regex(lang.b)})$)(?:{to_regex(lang.a)})"


def contains(lang, text: str) -> bool:
    return re.fullmatch(to_regex(lang), text, re.S) is not None


def parts(lang) -> list:
    """The top-level alternatives of a language."""
    if isinstance(lang, Alt):
        out = []
        for p in lang.parts:
            out.extend(parts(p))
        return out
    return [lang]


def to_subjects(lang, widen: bool = False):
    """The language as `lint/subjects.py` objects (Pattern/Union/Inter/Not).

    `widen` reads a filter's `*` (any run without `/`) as any run: for "which
    subs are in use" a tag `v1/x` that `v*` does not trigger on is not worth a
    warning about a trust policy that says `v*` too (nor is a merge group's
    `BASE/pr-N-SHA` worth one about `BASE/*`)."""
    from .. import subjects as S
    if isinstance(lang, Seq):
        pieces = lang.pieces
        if widen and _QUEUE_TAIL in pieces:  # `BASE/pr-N-SHA`: `BASE/*`
            at = pieces.index(_QUEUE_TAIL)
            pieces = pieces[:at - len("pr-")] + (_ANY_RUN,) + pieces[at + 1:]
        return tuple(_tok(S, p, widen) for p in pieces)
    if isinstance(lang, Alt):
        return S.Union([to_subjects(p, widen) for p in lang.parts])
    return S.Inter([to_subjects(lang.a, widen), S.Not(to_subjects(lang.b, widen))])


_TOKS: Dict[tuple, object] = {}  # (piece, widen) -> S.Tok: the same few pieces recur


def _tok(S, piece: Piece, widen: bool = False):
    key = (piece, widen)
    tok = _TOKS.get(key)
    if tok is None:
        chars = piece.chars
        if widen and piece.negated and chars == frozenset("/"):
            chars = frozenset()
        if len(_TOKS) > 4096:
            _TOKS.clear()
        tok = _TOKS[key] = S.Tok(S.CharSet(frozenset(chars), piece.negated), piece.min,
                                 piece.max)
    return tok


def render_glob(lang) -> List[str]:
    """IAM `StringLike` values that cover the language (for a suggested fix)."""
    out = []

    def one(pieces: Pattern) -> str:
        s = []
        for p in pieces:
            if (p.min, p.max) == (1, 1) and not p.negated and len(p.chars) == 1:
                c = next(iter(p.chars))
                s.append({"*": "${*}", "?": "${?}", "$": "${$}"}.get(c, c))
            elif p.max == 1 and p.min == 1:
                s.append("?")
            elif s and s[-1] == "*":
                continue
            else:
                s.append("*")
        return "".join(s)

    every = []  # (pattern, what is taken from it)

    def walk(l, taken):
        if isinstance(l, Seq):
            every.append((l, taken))
        elif isinstance(l, Alt):
            for p in l.parts:
                walk(p, taken)
        else:  # a ∖ b, nested too (an `if:` narrowing of filtered refs)
            walk(l.a, taken + (l.b,))
    walk(lang, ())
    # the patterns that what is taken does not take whole (all, if it seems to)
    kept = [p for p, taken in every if not taken or not _surely_none(_minus_all(p, taken))]
    out = [one(p.pieces) for p in kept or [p for p, _ in every]]
    return list(dict.fromkeys(out))


def _minus_all(lang, taken):
    for b in taken:
        lang = Minus(lang, b)
    return lang


def _surely_none(lang) -> bool:
    """The language is empty (False when that is too complex to tell)."""
    from .. import subjects as S
    try:
        return S.witness(to_subjects(lang)) is None
    except S.TooComplex:
        return False


def holds_other_than(lang, texts) -> bool:
    """Does the language hold a text other than `texts` (True when that is
    too complex to tell)?"""
    return not _surely_none(_minus_all(lang, [lit(t) for t in texts]))


# ---------------------------------------------------------------------------
# refs from triggers


@dataclass
class Refs:
    """Which refs (and pull requests) runs of a workflow happen on."""

    must: object = EMPTY  # language of `refs/heads/x` / `refs/tags/x` strings
    may: object = EMPTY
    pull_request_must: bool = False
    pull_request_may: bool = False
    # the `ref` claims of pull request runs: `refs/pull/N/merge`, and for
    # `pull_request_target` the base branch (the run is on it)
    pull_request_refs: object = EMPTY
    events: Tuple[str, ...] = ()
    unknown: List[str] = field(default_factory=list)  # what could not be read


def _filter_lang(f: Optional[Filter], valid_only: bool = True):
    """Names admitted by a filter (None: every name); with `valid_only` False,
    not kept to the names git accepts (the caller does that)."""
    every = any_name() if valid_only else Seq((_ANY_RUN,))
    if f is None:
        return every
    if f.ignore:
        if not f.patterns:
            return every
        return Minus(every, alt(Seq(p) for _, p, _ in f.patterns))
    parts = []
    pats = list(f.patterns)
    for i, (include, pieces, _) in enumerate(pats):
        if not include:
            continue
        later = [Seq(p) for _, p, _ in pats[i + 1:]]
        parts.append(Minus(Seq(pieces), alt(later)) if later else Seq(pieces))
    if not parts:
        return EMPTY
    return intersect(alt(parts), any_name()) if valid_only else alt(parts)


HEADS = tuple(literal_piece(c) for c in "refs/heads/")
TAGS = tuple(literal_piece(c) for c in "refs/tags/")


def push_refs(spec) -> object:
    """The refs a `push` trigger runs on."""
    if not isinstance(spec, dict):
        return alt([concat(HEADS, any_name()), concat(TAGS, any_name())])
    b_keys = [k for k in ("branches", "branches-ignore") if k in spec]
    t_keys = [k for k in ("tags", "tags-ignore") if k in spec]
    parts = []
    # a push filtered on branches only never runs for tags, and the reverse
    if b_keys or not t_keys:
        parts.append(concat(HEADS, _names_admitted(spec, b_keys)))
    if t_keys or not b_keys:
        parts.append(concat(TAGS, _names_admitted(spec, t_keys)))
    return alt(parts)


MAX_LITERAL_REFS = 20  # more named refs than this: not told apart


def literal_refs(triggers) -> Optional[List[str]]:
    """The refs a workflow runs on when it runs only on pushes whose `branches`
    and `tags` filters name each one (`branches: [staging, production]` ->
    `refs/heads/staging`, `refs/heads/production`); None when some ref is not
    named so (a glob `release/**`, a `!` or `-ignore` filter, another event)."""
    spec = triggers.get("push") if isinstance(triggers, dict) and set(triggers) == {"push"} \
        else None
    if not isinstance(spec, dict) or not ("branches" in spec or "tags" in spec) \
            or "branches-ignore" in spec or "tags-ignore" in spec:
        return None
    out = []
    for key, base in (("branches", "refs/heads/"), ("tags", "refs/tags/")):
        values = spec.get(key, [])
        values = [values] if isinstance(values, str) else values
        if not isinstance(values, list) or key in spec and not values \
                or len(values) > MAX_LITERAL_REFS:
            return None
        for v in values:
            pieces = compile_filter(v) if isinstance(v, str) and v and v[0] != "!" else None
            if not pieces or not is_literal(pieces):
                return None
            out.append(base + literal_text(pieces))
    return list(dict.fromkeys(out))


def _names_admitted(spec: dict, keys: list):
    """The ref names a `branches`/`tags` (or `-ignore`) filter admits; any without one."""
    if not keys:
        return any_name()
    k = keys[0]
    f = make_filter(spec.get(k) if isinstance(spec.get(k), list) else [spec.get(k)],
                    ignore=k.endswith("-ignore"))
    return _filter_lang(f)


QUEUE = tuple(literal_piece(c) for c in "gh-readonly-queue/")
# what follows the base branch in a merge group's ref: `/pr-N-SHA` (the pull
# request's number, the merge group's head commit), read as `/pr-` and a run
# of at least 42 digits, hex letters and dashes; "which subs are in use"
# (`to_subjects(widen=True)`) reads `pr-` and that run as any run
_QUEUE_TAIL = Piece(frozenset("0123456789abcdef-"), False, 42, INF)
_QUEUE_REST = _lit_pieces("/pr-") + (_QUEUE_TAIL,)


def merge_group_refs(spec) -> object:
    """The refs a `merge_group` trigger runs on: `refs/heads/gh-readonly-queue/
    BASE/pr-N-SHA`, where its `branches`/`branches-ignore` filter, if any,
    admits BASE (the branch the merge queue merges into)."""
    keys = [k for k in ("branches", "branches-ignore") if isinstance(spec, dict) and k in spec]
    if not keys:
        bases = Seq((_ANY_RUN._replace(min=1),))
    else:
        k = keys[0]
        values = spec.get(k) if isinstance(spec.get(k), list) else [spec.get(k)]
        bases = _filter_lang(make_filter(values, ignore=k.endswith("-ignore")), valid_only=False)
    return concat(HEADS + QUEUE, intersect(append(bases, _QUEUE_REST), any_name()))


def append(lang, suffix: Pattern):
    """`lang` followed by the pieces of `suffix`."""
    if isinstance(lang, Seq):
        return Seq(lang.pieces + tuple(suffix))
    if isinstance(lang, Alt):
        return Alt(tuple(append(p, suffix) for p in lang.parts))
    return Minus(append(lang.a, suffix), append(lang.b, suffix))


REF_FILTERS = ("branches", "branches-ignore", "tags", "tags-ignore")


def triggers_key(triggers: Dict[str, object]) -> str:
    """What `refs_of_triggers` reads of the triggers, as text: the events in
    order, and the ref filters of `push`, `merge_group` and `pull_request_target`,
    and of a `pull_request` whose `closed` runs are on its base branch (not
    `paths`, not other events' filters). Triggers with the same key run on the
    same refs."""
    shown = []
    for event, spec in triggers.items():
        if event == "pull_request" and not wm.pull_request_ref_is_merge({event: spec}):
            spec = {k: spec[k] for k in REF_FILTERS if k in spec} \
                if isinstance(spec, dict) else "not a mapping"
            event = "pull_request closed"
        elif event not in ("push", "merge_group", "pull_request_target"):
            spec = None
        elif isinstance(spec, dict):
            spec = {k: spec[k] for k in REF_FILTERS if k in spec}
        else:
            spec = "not a mapping"
        shown.append((event, spec))
    return repr(shown)


def refs_of_triggers(triggers: Dict[str, object], default_branch: str) -> Refs:
    default = concat(HEADS, lit(default_branch))
    must, may = [], []
    refs = Refs(events=tuple(triggers))
    for event, spec in triggers.items():
        if event == "push":
            must.append(push_refs(spec))
        elif event in ("pull_request", "pull_request_target", "pull_request_review",
                       "pull_request_review_comment"):
            # pull_request_target runs in the base branch's context, but its
            # token is a pull request's: the sub is `pull_request` all the same
            # (and a review's, which runs on the pull request's merge ref); its
            # `ref` (and `job_workflow_ref`'s) is the base branch
            refs.pull_request_must = True
            base = push_refs(
                {k: spec[k] for k in ("branches", "branches-ignore") if k in spec}
                if isinstance(spec, dict) and ("branches" in spec or "branches-ignore" in spec)
                else {"branches": ["**"]})
            on = _PULL_REQUEST_REF if event != "pull_request_target" else base
            if event == "pull_request" and not wm.pull_request_ref_is_merge({event: spec}):
                on = alt([on, base])  # a merged pull request's `closed`: the base branch
            refs.pull_request_refs = alt([refs.pull_request_refs, on])
        elif event == "workflow_dispatch":
            must.append(default)
            may.append(alt([concat(HEADS, any_name()), concat(TAGS, any_name())]))
        elif event == "release":
            must.append(concat(TAGS, any_name()))
        elif event == "workflow_call":
            refs.unknown.append("workflow_call")
        elif event == "merge_group":  # GITHUB_REF: refs/heads/gh-readonly-queue/BASE/pr-N-SHA
            must.append(merge_group_refs(spec))
        elif event in ("create", "deployment", "deployment_status", "registry_package"):
            # the branch or tag created, deployed or published: any of them
            may.append(alt([concat(HEADS, any_name()), concat(TAGS, any_name())]))
        else:  # schedule, workflow_run, repository_dispatch, issues, ...
            must.append(default)
    refs.must = alt(must) if must else EMPTY
    refs.may = alt(must + may) if (must or may) else EMPTY
    refs.pull_request_may = refs.pull_request_may or refs.pull_request_must
    return refs


# ---------------------------------------------------------------------------
# job `if:` narrowing

_STR = wm.QUOTED  # a single-quoted string of an expression
_REF_EQ = re.compile(rf"^github\.ref\s*==\s*{_STR}$|^{_STR}\s*==\s*github\.ref$")
_REF_FMT = re.compile(
    rf"^github\.ref\s*==\s*format\(\s*{_STR}\s*,\s*matrix\.([\w-]+)\s*\)$")
_REFNAME_EQ = re.compile(rf"^github\.ref_name\s*==\s*{_STR}$|^{_STR}\s*==\s*github\.ref_name$")
_REF_TYPE = re.compile(rf"^github\.ref_type\s*==\s*{_STR}$|^{_STR}\s*==\s*github\.ref_type$")
_REF_NE = re.compile(rf"^github\.ref(_name)?\s*!=\s*{_STR}$|^{_STR}\s*!=\s*github\.ref(_name)?$")
_CONTAINS_LIST = re.compile(
    rf"^contains\(\s*fromJSON\(\s*{_STR}\s*\)\s*,\s*github\.ref(_name)?\s*\)$", re.I)
_STARTS = re.compile(rf"^(!\s*)?startsWith\(\s*github\.ref\s*,\s*{_STR}\s*\)$", re.I)
_NEUTRAL = re.compile(r"^!?\s*(success|always|failure|cancelled)\(\)$|^needs\.|^vars\.|^env\.|"
                      r"^contains\(\s*needs|^!\s*cancelled\(\)$")


@dataclass
class Narrowing:
    refs: Optional[object] = None  # None: no narrowing of refs
    events: Optional[set] = None  # only these events
    not_events: set = field(default_factory=set)
    understood: bool = True

    def admit(self, triggers: dict) -> dict:
        """The triggers the `if:` lets through (`workflow_call` always: in a
        called workflow the event tested is the caller's)."""
        if self.events is None and not self.not_events:
            return triggers
        return {e: s for e, s in triggers.items() if e == "workflow_call" or (
            (self.events is None or e in self.events) and e not in self.not_events)}


def narrowing(condition, row: Optional[dict], triggers=None) -> Narrowing:
    """What a job's `if:` says about the refs/events it runs on, for one matrix
    row, in a workflow with `triggers` (when given)."""
    n = Narrowing()
    if condition is None or isinstance(condition, bool):
        if condition is False:
            n.refs = EMPTY
        return n
    if not isinstance(condition, str):
        n.understood = False
        return n
    events = wm.if_events(condition)
    if events.only is not None:
        n.events = set(events.only - events.excluded)
    else:
        n.not_events = set(events.excluded)
    parts = wm.split_top(wm.strip_parens(wm.if_expression(condition)), "&&")
    # on a `delete`, `github.event.ref` is the deleted ref, not the run's (the
    # default branch): data of the event
    ran_on = n.events if n.events is not None else \
        set(triggers or ()) - n.not_events - {"workflow_call"}
    deleted = bool(ran_on) and ran_on <= {"delete"}
    for part in parts:
        part = wm.strip_parens(part)
        if wm.if_events(part).exact or _NEUTRAL.match(part) or _of_event_data(part, deleted):
            continue  # a test of the event only (in `events` above), or of no ref
        # one test of the ref, or several joined by `||` (any of them)
        langs = [_ref_test(wm.strip_parens(a), row) for a in wm.split_top(part, "||")]
        if any(lang is None for lang in langs):
            n.understood = False
            if len(parts) == 1 and len(langs) > 1 and not events.exact:
                return n  # a disjunction of more than refs and events
            continue
        n.refs = _and_refs(n.refs, langs[0] if len(langs) == 1 else alt(langs))
    return n


_QUOTED_TEXT = re.compile(r"'(?:[^']|'')*'")
_NAME = re.compile(r"[A-Za-z_][\w-]*(?:\s*(?:\.\s*[A-Za-z_*][\w-]*|\[[^\]]*\]))*")
_FUNCTIONS = {"contains", "startswith", "endswith", "format", "join", "tojson", "fromjson",
              "success", "always", "failure", "cancelled", "true", "false", "null"}
# what the event carries that is not where the job runs: who, which comment,
# label, commit message, run conclusion (the ref's own fields excepted)
_EVENT_DATA = re.compile(r"^github\.(event\.|actor$|actor_id$|triggering_actor$|repository$|"
                         r"repository_owner$|repository_id$|run_attempt$)")
_REF_FIELDS = {"ref", "ref_name", "ref_type", "head_ref", "base_ref", "head_branch", "tag_name",
               "target_commitish", "merge_group", "default_branch"}


def _of_event_data(part: str, deleted: bool = False) -> bool:
    """Does an `if:` part test only the event's data (`github.actor == 'bot'`,
    `startsWith(github.event.comment.body, '/deploy')`)? Whether the job runs
    then depends on it, but not the ref it runs on, nor so its subs. With
    `deleted` (only `delete` events), the event's ref fields are its data too."""
    names = _NAME.findall(_QUOTED_TEXT.sub("''", part))
    contexts = [re.sub(r"\s+", "", n) for n in names if n.lower() not in _FUNCTIONS]
    return bool(contexts) and all(
        _EVENT_DATA.match(c) and (
            (deleted and c.lower().startswith("github.event."))
            or not _REF_FIELDS & set(re.split(r"[.\[\]']+", c.lower())))
        for c in contexts)


def _ref_test(part: str, row: Optional[dict]):
    """The refs one test of `github.ref`/`github.ref_name` admits (None: not one)."""
    if m := _REF_EQ.match(part):
        return lit((m.group(1) if m.group(1) is not None else m.group(2)).replace("''", "'"))
    if m := _REF_FMT.match(part):
        key = m.group(2)
        if row is None or key not in row or isinstance(row[key], (dict, list)):
            return None
        return lit(m.group(1).replace("''", "'").replace("{0}", _scalar(row[key])))
    if m := _REFNAME_EQ.match(part):
        return _named((m.group(1) if m.group(1) is not None else m.group(2)).replace("''", "'"))
    if m := _REF_TYPE.match(part):  # a pull request's ref is a branch: refs/pull/N/merge
        kind = (m.group(1) if m.group(1) is not None else m.group(2)).lower()
        return concat(TAGS, any_name()) if kind == "tag" else \
            alt([concat(HEADS, any_name()), _PULL_REQUEST_REF]) if kind == "branch" else EMPTY
    if m := _REF_NE.match(part):
        value = (m.group(2) if m.group(2) is not None else m.group(3)).replace("''", "'")
        named = (m.group(1) or m.group(4)) is not None  # github.ref_name
        return Minus(_ANY_REF, _named(value) if named else lit(value))
    if m := _STARTS.match(part):  # startsWith(github.ref, 'refs/tags/'), or its negation
        starts = Seq(_lit_pieces(m.group(2).replace("''", "'")) + (_ANY_RUN,))
        return Minus(_ANY_REF, starts) if m.group(1) else starts
    if m := _CONTAINS_LIST.match(part):  # contains(fromJSON('["refs/heads/a", ...]'), github.ref)
        try:
            values = json.loads(m.group(1).replace("''", "'"))
        except ValueError:
            return None
        if not isinstance(values, list) or not values \
                or not all(isinstance(v, str) for v in values):
            return None
        return alt([_named(v) if m.group(2) else lit(v) for v in values])
    return None


_ANY_REF = Seq((Piece(frozenset(), True, 0, INF),))


def _named(name: str):
    """The refs whose `github.ref_name` is `name`: a branch or a tag."""
    return alt([concat(HEADS, lit(name)), concat(TAGS, lit(name))])


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _and_refs(current, new):
    return new if current is None else Minus(new, Minus(new, current))


def intersect(a, b):
    """a ∩ b, written with Minus (a ∖ (a ∖ b))."""
    if _surely_empty(a) or _surely_empty(b):
        return EMPTY
    return Minus(a, Minus(a, b))


# ---------------------------------------------------------------------------
# subs of one job run context


@dataclass
class Produced:
    """The subs one job (one matrix row) sends."""

    must: object  # language of full subs that runs will send
    may: object  # language of full subs that runs may send (superset of must)
    # with an environment, the `ref` claims (`refs/heads/x`, `refs/tags/x`) its
    # `must` subs are sent with: the sub does not say them
    refs_must: object = EMPTY
    twin_may: object = EMPTY  # `may` in the other subject format (set by the caller)
    # the `ref` claims every `must` sub is sent with, pull requests' included
    # (`refs/pull/N/merge`): what the `job_workflow_ref` claim ends with
    sent_refs: object = EMPTY


def encode(value: str) -> str:
    return value.replace(":", "%3A")


NAME = Piece(frozenset("/:"), True, 1, INF)  # an owner or repository name


def prefix_pattern(prefix: Optional[str]) -> Pattern:
    """The pieces of a known prefix, or `repo:NAME/NAME:` (any repository) when unknown."""
    if prefix is not None:
        parts = prefix.split(ID)
        return tuple(p for i, part in enumerate(parts)
                     for p in ((_DIGITS,) if i else ()) + tuple(literal_piece(c) for c in part))
    return (tuple(literal_piece(c) for c in "repo:") + (NAME, literal_piece("/"), NAME,
                                                       literal_piece(":")))


def renamed_pattern(prefix: Optional[str]) -> Optional[Pattern]:
    """For an immutable prefix `repo:OWNER@ID/REPO@ID:`, the same ids under any
    names (GitHub never reuses the ids: it is this repository after a rename);
    None for a prefix of the other format."""
    m = re.fullmatch(r"repo:[^@/:]+@([^/:]+)/[^@/:]+@([^/:]+):", prefix or "")
    if m is None:
        return None

    def ident(text):
        return (_DIGITS,) if text == ID else tuple(literal_piece(c) for c in text)
    return (tuple(literal_piece(c) for c in "repo:") + (NAME, literal_piece("@"))
            + ident(m.group(1)) + (literal_piece("/"), NAME, literal_piece("@"))
            + ident(m.group(2)) + (literal_piece(":"),))


_SHOWN_REPO = re.compile(r"^repo:[^/:]+/[^/:]+:")


def show_sub(sub: str, repo_known: bool = True, prefix: Optional[str] = None) -> str:
    """A sub for a message: the repository as OWNER/REPO when unknown, and ids
    the config does not give (`prefix` with `{ID}`) as ID."""
    if prefix and ID in prefix:
        sub = re.sub(r"@\d+(?=[/:])", "@ID", sub)
    return sub if repo_known else _SHOWN_REPO.sub("repo:OWNER/REPO:", sub)


def subject_prefix(github: dict) -> Optional[str]:
    """`repo:OWNER/REPO:` in the format GitHub sends, or None if unknown."""
    repo = github.get("repository")
    if not isinstance(repo, str) or "/" not in repo:
        return None
    owner, name = repo.split("/", 1)
    if github.get("subject") == "immutable":  # an id not in the config: `{ID}`, some number
        oid, rid = github.get("owner-id"), github.get("repository-id")
        return f"repo:{owner}@{ID if oid is None else oid}/{name}@{ID if rid is None else rid}:"
    return f"repo:{owner}/{name}:"


UNKNOWN_ENVIRONMENT = "\0unknown"  # a job's environment no value of which is known
ID = "{ID}"  # in a prefix: an owner or repository id the config does not give
_DIGITS = Piece(frozenset("0123456789"), False, 1, INF)


_PULL_REQUEST_REF = Seq(_lit_pieces("refs/pull/") + (_DIGITS,) + _lit_pieces("/merge"))


def _pull_requests_run(refs: Refs, n: Narrowing) -> bool:
    """Do pull request runs pass an `if:` on refs? They run on `refs/pull/N/merge`
    (a `pull_request_target`, a merged pull request's `closed`: on the base branch)."""
    return n.refs is None or (refs.pull_request_may and (
        contains(n.refs, "refs/pull/1/merge")
        or not _surely_none(intersect(refs.pull_request_refs, n.refs))))


def may_run(refs: Refs, n: Narrowing) -> bool:
    """Can a job whose `if:` narrows as `n` run on some ref (or pull request)
    of the triggers' `refs`? True when that cannot be told."""
    if refs.unknown or n.refs is None:
        return True
    return _pull_requests_run(refs, n) or not _surely_empty_refs(n.refs, refs)


def produce(pfx: Pattern, refs: Refs, environment: Optional[str],
            n: Narrowing) -> Produced:
    """The subs of one job context (`pfx`: `prefix_pattern`). `environment` is the
    job's expanded environment name, None without one; UNKNOWN_ENVIRONMENT: one
    name, not known (every name, of which the job sends one)."""
    must_refs, may_refs = refs.must, refs.may
    if n.refs is not None:
        must_refs = intersect(must_refs, n.refs)
        may_refs = intersect(may_refs, n.refs)
    pr_runs = _pull_requests_run(refs, n)
    if environment is not None:
        ctx = lit("environment:" + encode(environment)) if environment != UNKNOWN_ENVIRONMENT \
            else Seq(_lit_pieces("environment:") + (_ANY_RUN._replace(min=1),))
        # the job runs (with this environment) on any of its refs or PRs; the sub
        # is the same on each, so an event that runs on some ref (a deployment,
        # a created branch) surely sends it, unless an `if:` picks the refs
        runs_must = not _surely_empty(must_refs) or (refs.pull_request_must and pr_runs) \
            or (n.refs is None and not _surely_empty(may_refs))
        runs_may = not _surely_empty(may_refs) or (refs.pull_request_may and pr_runs)
        if n.refs is not None and _surely_empty_refs(n.refs, refs):
            runs_must = refs.pull_request_must and pr_runs
            runs_may = refs.pull_request_may and pr_runs
        full = concat(pfx, ctx)
        must = full if (runs_must and n.understood) else EMPTY
        may = full if runs_may else EMPTY
        if must is EMPTY:
            return Produced(must, may)
        return Produced(must, may, must_refs,
                        sent_refs=_with_pull_requests(must_refs, refs, pr_runs))
    must_parts, may_parts = [], []
    ref_ctx = tuple(literal_piece(c) for c in "ref:")
    if not _surely_empty(must_refs):
        must_parts.append(concat(pfx + ref_ctx, must_refs))
    if not _surely_empty(may_refs):
        may_parts.append(concat(pfx + ref_ctx, may_refs))
    if refs.pull_request_may and pr_runs:
        pr = concat(pfx, lit("pull_request"))
        may_parts.append(pr)
        if refs.pull_request_must:
            must_parts.append(pr)
    must = alt(must_parts) if (must_parts and n.understood) else EMPTY
    may = alt(may_parts) if may_parts else EMPTY
    if must is EMPTY:
        return Produced(must, may)
    return Produced(must, may, sent_refs=_with_pull_requests(must_refs, refs, pr_runs))


def _with_pull_requests(must_refs, refs: Refs, pr_runs: bool):
    """`must_refs`, and the refs pull request runs are on (`refs/pull/N/merge`,
    a `pull_request_target`'s base branch) if they surely run."""
    if not (refs.pull_request_must and pr_runs) or _surely_empty(refs.pull_request_refs):
        return must_refs
    return refs.pull_request_refs if _surely_empty(must_refs) \
        else alt([must_refs, refs.pull_request_refs])


def _surely_empty(lang) -> bool:
    return isinstance(lang, Alt) and not lang.parts


def _surely_empty_refs(narrow, refs: Refs) -> bool:
    """An `if` on refs that none of the triggers runs on (article section 6): a
    literal ref, or a pattern (`startsWith(github.ref, 'refs/tags/')` on a job
    that only pushes to main)."""
    texts = literals(narrow)
    if texts is not None:
        return not any(contains(refs.may, t) for t in texts)
    from .. import subjects as S

    try:
        return S.witness(to_subjects(intersect(refs.may, narrow))) is None
    except S.TooComplex:
        return False


def literals(lang) -> Optional[List[str]]:
    """The texts a language holds, when it is a list of literal texts; else None."""
    if isinstance(lang, Seq):
        if all(not p.negated and len(p.chars) == 1 and (p.min, p.max) == (1, 1)
               for p in lang.pieces):
            return ["".join(next(iter(p.chars)) for p in lang.pieces)]
        return None
    if isinstance(lang, Alt):
        out = []
        for p in lang.parts:
            sub = literals(p)
            if sub is None:
                return None
            out.extend(sub)
        return out
    return None
