"""The cross-file checks of a large run, one bundle of linked files at a time.

The cross-file checks link workflows to the roles they assume (trust and
permission policies), the task definitions and services they deploy, and the
workflows they call. Files that no link joins can be checked apart, so a run
need not hold every document at once: where each file is checked on its own,
it leaves a small *record* (`record_of`):

- the keys it *offers*, through which a link may reach it: a policy's role
  names, references and template scope; a task definition's base name and
  family; a service's name and task family; a workflow's own base name;
- the keys it *wants*, through which a link may leave it: a workflow's every
  word that may name any of those (with the values config gives its `vars`
  and `secrets`), a pattern for each word built from an expression
  (`${{ env.APP }}-deploy`, `"$SVC-td.json"`), the base names of the local
  workflows it calls. The keys over-approximate the links: a bundle may be
  larger than it need be, never cut a link;
- its *facts*: what some check needs from every file of the run, whatever
  the links (`Facts`): the repositories trust policies name (their spelling),
  the branches workflows filter on (the default branch), the files read, the
  task definitions' roles, the CodeDeploy configs defined, whether an OIDC role
  use asks for the default audience.

`bundles` cuts the run into the connected parts of the files' keys, packed
into bundles of about `BUNDLE_FILES` files; each bundle is checked by the
same checks as a small run, with the run's facts (`run_facts`). What one
bundle learns that holds for the whole run (a role use that links to nothing
read makes `xref-sub-broader-than-used` unsafe everywhere) comes back as a
voided rule (`Context.void`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional

from ..lazy import lazy_re
from ..values import Template, Unknown, text_of

BUNDLE_FILES = 40  # files checked together: the index and notes of a check run cost per run

# what separates the words of a value: blanks, quotes, shell operators, brackets
_SEPARATORS = lazy_re(r"[\s'\"`;|&()<>,=\[\]{}]+")
_EXPRESSION = lazy_re(r"\$\{\{.*?\}\}", re.S)
_SHELL_VAR = lazy_re(r"\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])")
_QUOTED = lazy_re(r"'((?:[^']|'')*)'")
_FORMAT_HOLE = lazy_re(r"\{\d+\}")
_REF = lazy_re(r"\b(vars|secrets|env)\.([\w-]+)")
HOLE = "\x00"  # where an expression's value goes in a word
ANY_NAME = "k*"  # a role named by a pattern (Terraform name_prefix, CloudFormation's names)


def _name_keys(word: str) -> List[str]:
    """The keys a word may link through: itself, its last path segment, and
    that without a `:REVISION` (a task definition family)."""
    word = word.strip().lower()
    if word.startswith("file://"):
        word = word[len("file://"):]
    last = word.rsplit("/", 1)[-1]
    out = {word, last, last.split(":", 1)[0]}
    return ["k:" + w for w in out if w]


def _words(text: str, wants: set, config_values: dict, depth: int = 0):
    """Add the keys a value may link through: its words, and for a word built
    with an expression the pattern of the names it may be ("p:" + regex)."""
    for m in _EXPRESSION.finditer(text) if depth < 4 else ():  # a value may name another
        for q in _QUOTED.findall(m.group(0)):  # literals in an expression: format('...{0}')
            _words(_FORMAT_HOLE.sub(HOLE, q.replace("''", "'")), wants, config_values, depth + 1)
        for kind, name in _REF.findall(m.group(0)):
            wants.update(_ref_keys(kind, name))
            value = config_values.get((kind, name.lower()))
            if value is not None:
                _words(value, wants, config_values, depth + 1)
    holed = _SHELL_VAR.sub(HOLE, _EXPRESSION.sub(HOLE, text))
    for word in _SEPARATORS.split(holed):
        if not word:
            continue
        if HOLE not in word:
            wants.update(_name_keys(word))
            continue
        last = word.rsplit("/", 1)[-1].lower()
        if last.strip(HOLE):  # some of the name is written: a pattern of names
            wants.add("p:" + ".*".join(re.escape(p) for p in last.split(HOLE)))
        for part in word.split(HOLE):  # and the written parts as words of their own
            if part.strip("/:-_."):
                wants.update(_name_keys(part))


def _strings(value) -> Iterable[str]:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, Template):
            yield "".join(p if isinstance(p, str) else HOLE for p in v.parts)
        elif v is not None and not isinstance(v, (Unknown, bool, int, float)):
            t = text_of(v)
            if t is not None:
                yield t


def _ref_keys(kind: str, name: str) -> tuple:
    """The keys of a `vars.X` / `secrets.X` / `env.X` reference: GitHub's names
    of variables and secrets ignore case (`env` names do not)."""
    if kind != "env":
        name = name.lower()
    return f"ref:{kind}.{name}", f"ref:{name}"


def _config_values(config) -> dict:
    """(vars or secrets, name) -> value, from config `github:` (once a config)."""
    known = config.__dict__.get("_group_values")
    if known is not None:
        return known
    g = config.github if isinstance(config.github, dict) else {}
    out = {}
    for kind in ("vars", "secrets"):
        table = g.get(kind)
        for name, value in (table.items() if isinstance(table, dict) else ()):
            if isinstance(value, str):  # GitHub's names of vars and secrets ignore case
                out[(kind, str(name).lower())] = value
    config.__dict__["_group_values"] = out
    return out


def _workflow_keys(doc, offers: set, wants: set, config_values: dict):
    from .. import workflow_model as wm

    offers.add("wf:" + os.path.basename(doc.file))
    data = doc.data if isinstance(doc.data, dict) else {}
    jobs = data.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else ():
        uses = job.get("uses") if isinstance(job, dict) else None
        if isinstance(uses, str) and uses.startswith("./"):
            wants.add("wf:" + os.path.basename(uses.split("@")[0]))
    values = [data]
    for job in wm.workflow_of(doc).jobs.values():
        values.extend(st.data for st in job.steps if st.via is not None)  # local composites
        # the repository's scripts the steps run (`./scripts/deploy.sh` registers a file)
        values.extend(" ".join(w for c in cmds for w in c.argv)
                      for st in job.steps for cmds in st.scripts.values())
        if any(u.oidc and asks_audience(u) for u in job.role_uses()):
            wants.add("aud")  # the providers' check needs the audiences asked for
    if _SEEN_FOR[0] is not config_values:  # another config: other values of vars
        _SEEN.clear()
        _SEEN_FOR[0] = config_values
    seen = _SEEN
    for text in _strings(values):
        keys = seen.get(text)
        if keys is None:
            keys = set()
            _words(text, keys, config_values)
            if len(text) < 200 and len(seen) < 20_000:  # short values repeat; scripts rarely
                seen[text] = keys
        wants |= keys


_SEEN: dict = {}  # value -> its keys: workflows of a repository share most values
_SEEN_FOR: list = [None]  # the config values _SEEN was worked out with


def _module_key(doc) -> List[str]:
    """The key of the Terraform module a document is defined in (its policies
    and task definitions are read together)."""
    template = (doc.context or {}).get("template")
    module = template.get("module") if isinstance(template, dict) else None
    return ["m:" + str(module)] if module else []


def _policy_keys(doc, offers: set):
    c = doc.context or {}
    if not any(k in c for k in ("role_ref", "resource", "roles", "role_name", "template")):
        return  # a policy of no template: config `roles:` names its role
    from . import linking as L

    offers.update(_module_key(doc))
    folder = os.path.dirname(doc.file)
    refs = [c.get("role_ref"), c.get("resource")]
    if "roles" in c:
        refs += L._role_refs(c.get("roles"))
    if isinstance(c.get("role_refs"), list):  # a trust several roles share
        refs += c["role_refs"]
    for ref in refs:
        if ref is not None:
            offers.add(f"r:{folder}:{ref}")
            offers.update(_name_keys(str(ref)))
    names = [c.get("role_name")] + (c["role_names"] if isinstance(c.get("role_names"), list)
                                    else [])
    for name in (L._name_of(n) for n in names if n is not None):
        if name:
            offers.update(_name_keys(name))
    if doc.kind == "trust-policy" and L._generated_names(doc) is not None:
        offers.add(ANY_NAME)


def record_of(docs, config) -> Optional[list]:
    """[offers, wants, facts] of a file's documents that the cross-file checks
    read (JSON: it is kept with the file's result); None if there are none.
    A file is linked through the keys it offers, and to the files that offer
    a key it wants."""
    if not docs:
        return None
    offers: set = set()
    wants: set = set()
    config_values = _config_values(config)
    for d in docs:
        offers.add("f:" + _real(d.file))
        data = d.data if isinstance(d.data, dict) else {}
        if d.kind == "workflow":
            _workflow_keys(d, offers, wants, config_values)
        elif d.kind in ("trust-policy", "permissions-policy"):
            _policy_keys(d, offers)
        elif d.kind == "task-definition":
            offers.update(_module_key(d))  # the policies of its Terraform module may register it
            offers.update(_name_keys(os.path.basename(d.file)))
            fam = text_of(data.get("family"))
            if fam:
                offers.update(_name_keys(fam))
        elif d.kind == "service":
            for f in ("serviceName", "taskDefinition"):
                if text_of(data.get(f)):
                    offers.update(_name_keys(text_of(data.get(f))))
        elif d.kind == "oidc-provider":
            offers.add("aud")
    return [sorted(offers), sorted(wants), facts_of(docs)]


# [the run, {folder: its real path}, {file: its real path} of the last few files]
_REAL: list = [None, {}, {}]


def _real(path: str) -> str:
    """The real path of a file (a file's record and its facts both ask)."""
    from .. import probes
    from ..config import realpath_in

    if _REAL[0] != probes.run_id():
        _REAL[:] = [probes.run_id(), {}, {}]
    real = _REAL[2].get(path)
    if real is None:
        try:
            real = realpath_in(os.path.abspath(path), _REAL[1])
        except (OSError, ValueError):
            real = path
        if len(_REAL[2]) > 64:  # a file's documents are recorded together
            _REAL[2].clear()
        _REAL[2][path] = real
    return real


# ---------------------------------------------------------------------------
# facts of the whole run


@dataclass
class Facts:
    repos: List[str] = field(default_factory=list)  # OWNER/REPO as trust policies spell them
    branches: set = field(default_factory=set)  # in workflows' push / pull_request filters
    workflows: set = field(default_factory=set)  # real paths of the workflow files read
    trust_files: set = field(default_factory=set)  # real paths of the trust policies' files
    permission_files: set = field(default_factory=set)
    taskdefs: bool = False  # was any task definition read?
    task_roles: bool = False  # does any name an execution or task role?
    codedeploy_names: set = field(default_factory=set)  # deployment configs defined
    codedeploy_not_ecs: set = field(default_factory=set)  # those for EC2 or Lambda
    codedeploy_ecs_groups: set = field(default_factory=set)  # deployment groups of ECS
    codedeploy_ids: set = field(default_factory=set)  # (file, logical id) of those
    default_audience: bool = False  # does an OIDC role use ask for the default audience?
    memo: dict = field(default_factory=dict)  # answers worked out from the facts, once a run

    def add(self, facts: dict):
        """Take in the facts of a file (`facts_of`)."""
        for name, value in facts.items():
            if name == "repos":
                self.repos.extend(r for r in value if r not in self.repos)
            elif name == "codedeploy_ids":
                self.codedeploy_ids.update(tuple(x) for x in value)
            elif name in ("taskdefs", "task_roles", "default_audience"):
                setattr(self, name, getattr(self, name) or bool(value))
            elif name in _SETS:
                getattr(self, name).update(value)
        return self

    def digest(self) -> str:
        """What a bundle's findings may depend on beyond its files (`results`)."""
        import json

        from ..cache import digest

        value = {k: sorted(v, key=repr) if isinstance(v, set) else v
                 for k, v in self.__dict__.items() if k != "memo"}
        return digest(json.dumps(value, sort_keys=True, default=repr).encode())

    @classmethod
    def of(cls, docs) -> "Facts":
        return cls().add(facts_of(docs))


_SETS = ("branches", "workflows", "trust_files", "permission_files", "codedeploy_names",
         "codedeploy_not_ecs", "codedeploy_ecs_groups")


def run_facts(docs, ctx) -> Facts:
    """The run's facts: given by the runner, else those of the documents given."""
    facts = getattr(ctx, "facts", None)
    return facts if facts is not None else Facts.of(docs)


def _config_platform(config: dict) -> Optional[str]:
    """A deployment config's compute platform (upper case; CodeDeploy's default
    is Server), or None when it cannot be told: not a word, or a config
    routing traffic, which only ECS and Lambda have."""
    cp = config.get("computePlatform")
    if cp is None and not config.get("trafficRoutingConfig"):
        return "SERVER"
    return cp.upper() if isinstance(cp, str) and cp.isalpha() else None


def facts_of(docs) -> dict:
    """The facts of some documents (JSON)."""
    from .. import subjects as S

    out: Dict[str, list] = {}

    def put(name, value):
        if value not in out.setdefault(name, []):
            out[name].append(value)

    for d in docs:
        data = d.data if isinstance(d.data, dict) else {}
        if d.kind == "trust-policy":
            put("trust_files", _real(d.file))
            for st in S.github_statements(d.data):
                for owner, name in S.collect_names([st], None).repos:
                    put("repos", f"{owner}/{name}")
        elif d.kind == "permissions-policy":
            put("permission_files", _real(d.file))
        elif d.kind == "task-definition":
            from .linking import task_roles

            out["taskdefs"] = True
            if task_roles(d):
                out["task_roles"] = True
        elif d.kind == "codedeploy-deployment-group":
            name = data.get("deploymentGroupName")
            if isinstance(name, str) and (data.get("ecsServices") or str(
                    data.get("computePlatform")).upper() == "ECS"):
                put("codedeploy_ecs_groups", name)
        elif d.kind == "codedeploy-deployment-config":
            if isinstance(data.get("deploymentConfigName"), str):
                put("codedeploy_names", data["deploymentConfigName"])
                if _config_platform(data) not in ("ECS", None):
                    put("codedeploy_not_ecs", data["deploymentConfigName"])
            res = (d.context or {}).get("resource")
            if res:
                put("codedeploy_ids", [d.file, res])
        elif d.kind == "workflow":
            from .. import workflow_model as wm

            put("workflows", _real(d.file))
            wf = wm.workflow_of(d)
            if not wf.jobs:
                continue
            for event in ("push", "pull_request", "pull_request_target"):
                spec = wf.triggers.get(event) if isinstance(wf.triggers, dict) else None
                branches = spec.get("branches") if isinstance(spec, dict) else None
                for b in branches if isinstance(branches, list) else [branches]:
                    if isinstance(b, str):
                        put("branches", b.strip())
            if any(u.oidc and not asks_audience(u) for job in wf.jobs.values()
                   for u in job.role_uses()):
                out["default_audience"] = True
    return out


def asks_audience(use) -> bool:
    """Does a role use name its own audience (`audience:` of configure-aws-credentials)?"""
    aud = use.step.with_.get("audience") if use.line is None else None
    return aud is not None and not (isinstance(aud, str) and not aud.strip())


# ---------------------------------------------------------------------------
# cutting the run


def bundles(records: List[Optional[list]], config) -> List[List[int]]:
    """The indexes of the files with a record, in bundles: each connected part
    of the files' keys whole in one bundle, parts packed up to `BUNDLE_FILES`."""
    from ..parts import Parts

    parts = Parts()
    join, root = parts.join, parts.root
    files = [i for i, r in enumerate(records) if r is not None]
    for i in files:
        join([f"#{i}"] + list(records[i][0]))
    for entry in _config_role_keys(config):
        join(entry)
    names = [k for k in parts.keys() if k.startswith("k:")]
    if ANY_NAME in parts:  # a role named by a pattern may have any name a workflow gives
        join([ANY_NAME] + names)
    patterns = {w for i in files for w in records[i][1] if w.startswith("p:")}
    if patterns:
        _join_patterns(patterns, names, join)
    for i in files:
        wanted = [w for w in records[i][1] if w in parts]
        if ANY_NAME in parts and any(w.startswith("k:") for w in records[i][1]):
            wanted.append(ANY_NAME)
        if wanted:
            join([f"#{i}"] + wanted)
    by_root: Dict[str, List[int]] = {}
    for i in files:
        by_root.setdefault(root(f"#{i}"), []).append(i)
    out: List[List[int]] = []
    for part in by_root.values():  # in the order of their first files
        if out and len(out[-1]) + len(part) <= BUNDLE_FILES:
            out[-1].extend(part)
        else:
            out.append(list(part))
    return [sorted(b) for b in out]


def _join_patterns(patterns, names, join):
    """Join each pattern ("p:" + regex) to the names offered that it matches."""
    text = "\n".join(n[2:] for n in names)
    for p in sorted(patterns):
        try:
            hits = re.findall(rf"^(?:{p[2:]})$", text, re.M)
        except re.error:
            hits = []
        if hits:
            join([p] + [f"k:{h}" for h in hits])


def _config_role_keys(config) -> List[List[str]]:
    """The keys of each role config `roles:` maps: its names and its files."""
    if not config.roles:
        return []
    from .linking import _spec_files, role_name_of_arn

    out = []
    for key, spec in (config.roles or {}).items():
        spec = spec if isinstance(spec, dict) else {}
        keys = [f"ref:{key}"]
        if key.startswith(("vars.", "secrets.", "env.")):
            keys.extend(_ref_keys(*key.split(".", 1)))
        else:  # a bare `vars`/`secrets` name (GitHub's ignore case)
            keys.append(f"ref:{key.lower()}")
        name = role_name_of_arn(key) if key.startswith("arn:") else key
        keys.extend(_name_keys(name or key))
        keys.extend("f:" + config.real_path(f) for f in _spec_files(spec))
        out.append(keys)
    return out
