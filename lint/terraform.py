"""Terraform: `.tf` files (python-hcl2) and `terraform show -json` plans.

Both end in the same place: every resource becomes a `Resource` (its raw
provider values in snake_case, nested blocks as lists of dicts, and a locate
function back to the file), and `documents()` maps the resources we understand
onto the common document model (the AWS API shapes) with `views.Origins`, so
a finding on `deploymentConfiguration.maximumPercent` lands on the line of
`deployment_maximum_percent`.

`.tf` files: a Terraform module is a folder, so the `.tf` files beside the one
being read are parsed too (once per folder and run) for `variable` defaults
(and the `optional()` attribute defaults of their types), `terraform.tfvars`,
`terraform.tfvars.json` and `*.auto.tfvars(.json)` values (a null value leaves
the argument out), `locals`, and the
`aws_iam_policy_document` data sources and roles that refer to each other.
A document is emitted for the file where its policy text is written: a role
whose `assume_role_policy` is `data.aws_iam_policy_document.X.json` gives a
trust-policy document in the file of `X`, with the role's name in its context.
A policy document whose `source_policy_documents` and `override_policy_documents`
are in its own file and used by nothing else is read merged, as the provider
merges it (sources, then its own statements, then overrides, a statement with
the Sid of an earlier one replacing it), each statement at its own lines.
Otherwise the documents `source_policy_documents` lists are linked to the same
roles, each linted in its own file, and an override leaves the document unknown
(less its own statements with the Sid of a statement of an override document
of the module or of a module call's caller: those are replaced).
A resource or data source whose `for_each` (a map, a set or list of strings) or
`count` is known (from literals, variable defaults, locals, `length()` of a known
list or map, or another resource's known instances: `for_each =
aws_iam_role.deploy`, `each.value` its id, name and arn) is read once per
instance with `each.key`/`each.value` or `count.index` bound, at the address
Terraform gives it (`aws_iam_role.r["api"]`, `aws_iam_role.r[0]`), and
`data.aws_iam_policy_document.X[each.key].json` names that instance (and
`each.value` of a `for_each` written as an object, `{ ecr =
aws_iam_policy.ecr.arn }`, refers to what its element refers to); instances
with the same text give the same finding, said once. An unknown collection, an
empty one or one of more than MAX_INSTANCES keeps the single read with the
names unknown.
A `dynamic` block whose `for_each` is known makes one block per element, its
iterator (the block type, or `iterator = NAME`) bound to `{key, value}`;
arithmetic (`+ - * / %`) on known numbers is computed (`8 * 1024` is 8192).
`for` expressions (`[for ...]`, and `{for ... : K => V}` maps, with `...` grouping)
over a known collection are computed, an `if` filter included, and so are
`flatten()`, `coalescelist()` and the collection functions of `_FUNCS_COLLECTION`
(`distinct`, `sort`, `keys`, `values`, `lookup`, `setproduct`, ...); `x == null` and
`!= null` are known for a known `x`. What is inside a value read through `local.X`
keeps the positions where its `locals` block writes it (a variable's default does
not: a module's own resources are reported where they use a variable).
A local module (`source = "./..."` or `"../..."`) is read once per call of it
under the repository root (`called`), its variables bound to the call's
arguments, which keep their positions in the caller (and a caller's tfvars
line, the element `var.X[count.index]` names, or the entry of a local its
`for_each` goes over) so a finding on a passed value points there; a module
nothing calls is read with its defaults and tfvars. A null argument replaces
the default, unless the variable has `nullable = false` and a default. An `aws_iam_policy_document` whose `.json` a call passes to the
module's roles or role policies is theirs (`_passed_links`): its document, in
the caller's file, names the role at its address through the call.
Anything that cannot be resolved (a variable without default, a resource
attribute known only after apply, a function not implemented...) becomes a `Template`
with `Unknown` parts; nothing in the input is executed.

Policies written as JSON text (heredoc, quoted string, `templatefile()`,
plan values) are parsed with their interpolations as holes, and positions
inside the text map back to the file through `JsonLocator`'s `base` function.
`file()`/`templatefile()` of a `.json`/`.yaml` file is left unknown: the
folder walk lints that file on its own, and reading it here too would report
its findings twice; `jsondecode`/`yamldecode` of `file()` of a data file (one
the walk finds no document in: a service catalogue) is read, each value
located in that file (through a local, also for `each.value` of a `for_each`
over it). Values from a `.tfvars.json` keep their lines too, and so does what
a heredoc's `${jsonencode(var.x)}` holds when a var file writes it. One exception: a task definition's
`container_definitions = file("containers.json")` is read for the rules
that need the task's settings too (context `containers_file`; the rules of
one container leave those containers to their own file). Other files
(`containers.json.tpl`) are read, relative to the .tf file's folder
(`path.module`); a `templatefile()` value's findings point at the template's
own lines (`Span.file`), a `file()` value's at the attribute. Its `%{ if }`
and `%{ for }` directives are rendered from its variables; one not known
leaves the text unknown (`extract`'s notes name it), except an `%{ if }` that
only writes a separating comma: placed where strict JSON needs one.
Only files inside the repository are read (`root`: the folder of the config
file, else the git work tree, else the folder linted): a `file("/etc/...")` or
`file("../../..")` outside it stays unknown, so a pull request linted in CI
cannot make ecs-lint show the content of files elsewhere on the runner.

Context every document carries: `resource` (the address), `template` (a dict
for the file: format, module folder, resource types); an API view whose
`dynamic` block makes none because of a value set elsewhere adds `made_none`
(the block's path, dotted -> {"why": `var.X is false`, "at": its Span}); roles add `role_name`
(str, Template or None) and `role_ref` (the address); policies add `roles`: a
list of role addresses (`aws_iam_role.deploy`) or role names, the same shape
CloudFormation gives with logical ids.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import math
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from . import hcl, probes
from .loader import JsonLocator, LineIndex, LoadError, json_value, load_text, syntax_for
from .model import UNKNOWN_SPAN, Document, Span
from .values import JsonString, Template, Unknown, json_with_holes, make_template, value_at
from .views import Origins, view_locator

MAX_READ = 1_000_000  # bytes read through file()/templatefile()
MAX_INSTANCES = 256  # a for_each/count above it is read once, with each.key unknown
LINTED_ON_THEIR_OWN = (".json", ".yaml", ".yml")  # file()s the folder walk reads anyway
# `data.aws_partition` attributes known before apply; its `partition` is not
# (aws, aws-cn or aws-us-gov by the provider's region): it stays unknown, which
# IAM matching reads as the partition of the ARN asked about (lint/iam.py)
PARTITION = {"dns_suffix": "amazonaws.com"}


def unknown(name: str) -> Template:
    return Template((Unknown(name),))


# ---------------------------------------------------------------------------
# positions of a block's values


class Positions:
    """path (into a block's raw values) -> value span, key span, inner locator."""

    def __init__(self, root: Span):
        self.root = root
        self.spans: Dict[tuple, Span] = {}
        self.keys: Dict[tuple, Span] = {}
        self.inner: Dict[tuple, Callable] = {}  # JSON text of an attribute
        self.nodes: Dict[tuple, Any] = {}  # attribute path -> expression node
        # a `dynamic` block that makes none -> (the value that decides it, as a
        # message says it, where that value is written): `_made_none`
        self.made_none: Dict[tuple, tuple] = {}

    def locate(self, path=(), key=False) -> Span:
        path = tuple(path)
        for n in range(len(path), -1, -1):
            p = path[:n]
            if n < len(path) and p in self.inner:
                return self.inner[p](path[n:], key)
            if n == len(path) and key and p in self.keys:
                return self.keys[p]
            if p in self.spans:
                return self.spans[p]
        return self.root


@dataclass
class Resource:
    """One resource or data source, from a .tf file or a plan."""

    type: str
    name: str
    address: str
    values: dict
    locate: Callable[..., Span]
    # policy JSON at a path: (data, locate) or None; data may be a Template
    policy_at: Callable[[tuple], Optional[tuple]]
    mode: str = "managed"
    file: str = ""  # the .tf file; "" for a plan's resource
    # "type.name" of the resource an attribute refers to directly, or None
    ref_at: Callable[[tuple], Optional[str]] = lambda path: None
    # the path of a file linted on its own that `file()` reads at an attribute, or None
    own_file_at: Callable[[tuple], Optional[str]] = lambda path: None
    # a `dynamic` block that makes none -> (the value that decides it, as said
    # in a message: `var.enable_circuit_breaker is false`, where it is written)
    made_none: Dict[tuple, tuple] = field(default_factory=dict)

    def role_at(self, path):
        """A role reference written at `path`: the role's address, else its name;
        `module.X.name` (or `.arn`) is the address `module.X` (the role of an
        iam-github-oidc-role module: its outputs `name` and `arn` are its role's)."""
        ref = self.ref_at(path)
        if ref and ref.startswith("aws_iam_role."):
            return ref
        value = value_at(self.values, path)
        if isinstance(value, Template) and len(value.parts) == 1 \
                and isinstance(value.parts[0], Unknown):
            m = re.fullmatch(r"(module\.[\w-]+)\.(?:name|arn)", value.parts[0].name)
            if m:
                return m.group(1)
        return value


# ---------------------------------------------------------------------------
# text with holes: heredocs, quoted strings, template files -> values and JSON

def json_locator(text: str, offs: list, index: LineIndex, fallback: Span):
    """locate(path, key) inside JSON text whose chars sit at `offs` in the file."""
    known = [o for o in offs if o is not None]
    if not known or len(known) != len(offs):
        return lambda path=(), key=False: fallback

    def base(off):
        at = offs[off] if off < len(offs) else offs[-1] + 1
        return index.line_col(at)
    return JsonLocator(text, base=base).locate


# ---------------------------------------------------------------------------
# a Terraform module: the .tf files of one folder


@dataclass
class TfFile:
    path: str  # filesystem path
    text: str
    tree: Any
    index: LineIndex = None


@dataclass
class Module:
    folder: str
    root: Optional[str] = None  # file() reads only inside it (None: the module's folder)
    files: List[TfFile] = field(default_factory=list)
    variables: Dict[str, Any] = field(default_factory=dict)  # name -> (node, TfFile)
    var_types: Dict[str, Any] = field(default_factory=dict)  # name -> (type node, TfFile)
    not_nullable: set = field(default_factory=set)  # variables with `nullable = false`
    tfvars: Dict[str, Any] = field(default_factory=dict)  # name -> value
    local_nodes: Dict[str, Any] = field(default_factory=dict)  # name -> (node, TfFile)
    blocks: Dict[str, Any] = field(default_factory=dict)  # address -> (type, name, body, TfFile, node)
    local_values: Dict[str, Any] = field(default_factory=dict)
    local_at: Dict[str, Any] = field(default_factory=dict)  # name -> (spans, keys) in its value
    default_at: Dict[str, Any] = field(default_factory=dict)  # variable -> the same, in its default
    instances: Dict[str, Any] = field(default_factory=dict)  # address -> see instances()
    busy: set = field(default_factory=set)
    resources: Dict[str, Resource] = field(default_factory=dict)
    # the file-system questions the module's reading asked (its files, files
    # read by file()): a file whose result is reused depends on all of them
    asked: list = field(default_factory=list)
    run: int = 0  # the run that read or last checked it (probes.run_id)
    # where the value of a variable is written when it is not in the module:
    # (name, *path in the value) -> span with its file: the argument of the
    # `module` call this reading is for; `tfvars_at`: the tfvars line, which
    # positions the arguments of the calls this module makes (its own
    # resources are reported where they use the variable, but for a wildcard:
    # `_wildcards_written`)
    given_at: Dict[tuple, Span] = field(default_factory=dict)
    tfvars_at: Dict[tuple, Span] = field(default_factory=dict)
    call: Optional[str] = None  # `module.app in envs/prod/main.tf`: the call read
    call_at: Optional[tuple] = None  # (file as shown, line, column) of that call
    # the Sids of the caller's `aws_iam_policy_document`s (by address), which
    # the call may pass as `override_policy_documents` (`_overridden`)
    caller_sids: Dict[str, frozenset] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)  # what the reading did not understand


_MODULES: Dict[tuple, Module] = {}
MAX_MODULES_KEPT = 256


def _module_key(folder, names):
    stats = []
    for n in names:
        try:
            st = os.stat(os.path.join(folder, n))
            stats.append((n, st.st_mtime_ns, st.st_size))
        except OSError:
            pass
    return (os.path.realpath(folder), tuple(stats))


def _read(mod: "Module", path, limit=10_000_000) -> Optional[str]:
    """A file of the module (or one its expressions read), as text; the question
    is kept with the module."""
    with probes.recording() as asked:
        data = probes.read_bytes(path, limit)
    mod.asked.extend(asked)
    try:
        return None if data is None else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def load_module(path: str, text: str, root: Optional[str] = None) -> tuple:
    """(module, this file) for the .tf file at `path` with `text`; `file()`
    reads only inside `root` (None: the module's folder).

    Parsed modules are kept per folder for the run (keyed by the files' sizes
    and times), so a folder of n files is parsed once, not n times."""
    folder = os.path.dirname(path) or "."
    names, asked = [], []
    if os.path.isfile(path):  # standard input has no folder around it
        with probes.recording() as asked:
            names = probes.ask("names", folder, [".tf", ".auto.tfvars", ".auto.tfvars.json"],
                               ["terraform.tfvars", "terraform.tfvars.json"]) or []
    real_this = os.path.realpath(path)
    key = _module_key(folder, names) + (root,) if names else None
    mod = _MODULES.get(key) if key is not None else None
    if mod is not None and mod.run != probes.run_id():  # read in an earlier run
        mod = mod if probes.still_true(mod.asked) else None  # (a template changed?)
        if mod is not None:
            mod.run = probes.run_id()
    if mod is not None:
        this = next((f for f in mod.files if os.path.realpath(f.path) == real_this), None)
        if this is not None and this.text == text:
            probes.replay(mod.asked)  # what was read for it counts for this file too
            return mod, this
    this = TfFile(path, text, hcl.parse(text), LineIndex(text))  # a parse-error here is ours
    mod = Module(folder, root, asked=list(asked), run=probes.run_id())
    if names:  # the other files of the module read this one too, as it is on disk
        with probes.recording() as mine:
            probes.ask("digest", path, 10_000_000)
        mod.asked.extend(mine)
    # Terraform reads terraform.tfvars, terraform.tfvars.json, then the
    # *.auto.tfvars(.json) files in lexical order, a later file overriding an earlier one
    for n in sorted(names, key=_tfvars_order):
        full = os.path.join(folder, n)
        if os.path.realpath(full) == real_this:
            continue
        if not n.endswith(".tf"):
            read_tfvars(mod, full)
            continue
        other = _read(mod, full)
        if other is None:
            continue
        try:
            tree = hcl.parse(other)
        except LoadError:
            continue  # reported when that file is read itself
        mod.files.append(TfFile(full, other, tree, LineIndex(other)))
    mod.files.append(this)
    for f in mod.files:
        _index_file(mod, f)
    if key is not None:
        if len(_MODULES) >= MAX_MODULES_KEPT:  # the one read longest ago goes
            _MODULES.pop(next(iter(_MODULES)))
        _MODULES[key] = mod
    return mod, this


def _in_file(spans: Dict[tuple, Span], path: str) -> Dict[tuple, Span]:
    """`spans` of a file other than the document's: each says which (as shown)."""
    from .runner import display_path

    shown = display_path(path)
    return {p: sp if sp.file else dataclasses.replace(sp, file=shown) for p, sp in spans.items()}


# ---------------------------------------------------------------------------
# local modules: one reading per call

_CALL_SOURCE = re.compile(rb'\bsource\s*=\s*"(\.\.?/[^"\n]*)"')
_MODULE_META = ("source", "version", "for_each", "count", "providers", "depends_on")
MAX_SCANNED = 20_000  # .tf files looked at for module calls in one repository
MAX_CALL_DEPTH = 4  # a module called by a module called by ... (deeper: its defaults)
_CALLERS: Dict[tuple, dict] = {}  # (run, root) -> {module folder: [caller files]}


def module_callers(root: str, folder: str) -> List[str]:
    """The .tf files under `root` (dot folders left out: `.terraform` holds
    downloaded copies) with a `source = "./..."` or `"../..."` naming
    `folder`: the text is only scanned here, `called` reads the calls."""
    key = (probes.run_id(), os.path.realpath(root))
    found = _CALLERS.get(key)
    if found is None:
        found, seen = {}, 0
        for dirpath, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
            for n in sorted(names):
                if not n.endswith(".tf") or seen >= MAX_SCANNED:
                    continue
                seen += 1
                data = probes.content(os.path.join(dirpath, n), MAX_READ)
                for src in _CALL_SOURCE.findall(data or b""):
                    target = os.path.realpath(os.path.join(dirpath, src.decode("utf-8", "replace")))
                    found.setdefault(target, set()).add(os.path.join(dirpath, n))
        _CALLERS.clear()
        _CALLERS[key] = found
    me = os.path.realpath(folder)
    return sorted(p for p in found.get(me, ()) if os.path.realpath(os.path.dirname(p)) != me)


def called(mod: Module, root: Optional[str], depth: int = 0) -> Optional[List[Module]]:
    """The module as each local `module` call in the repository reads it: its
    variables are the call's arguments (its own tfvars files are not read;
    Terraform reads the root module's only), positioned at the arguments; one
    per instance of a call with a known `for_each`/`count`, none for `count =
    0`. A calling module that is itself called is read per its calls too (up
    to MAX_CALL_DEPTH). None when nothing calls it: it is read on its own,
    with its defaults and tfvars."""
    if root is None or depth > MAX_CALL_DEPTH:
        return None
    key = ("called", os.path.realpath(mod.folder), root)
    kept = _kept_readings(key)
    if kept is not None:
        return kept or None
    _READINGS[key] = ([], [])  # a loop of calls finds it busy
    out = []
    with probes.recording() as asked:
        for path in probes.ask("tf-callers", root, mod.folder) or []:
            out.extend(_calls_in(mod, path, root, depth))
    _READINGS[key] = (out, asked)
    return out or None


# (how, module folder, root) -> (the module's readings, the questions asked), this
# run; kept apart from the module, which may be parsed again
_READINGS: dict = {}


def _kept_readings(key) -> Optional[list]:
    """The readings kept for `key` in this run (their questions count as asked
    again), or None."""
    if _READINGS.get("run") != probes.run_id():
        _READINGS.clear()
        _READINGS["run"] = probes.run_id()
    if key not in _READINGS:
        return None
    out, asked = _READINGS[key]
    probes.replay(asked)
    return out


def _reading(mod: Module, **changes) -> Module:
    """A copy of `mod` to read again with other variables (nothing evaluated kept)."""
    return dataclasses.replace(mod, local_values={}, local_at={}, default_at={}, instances={},
                               busy=set(),
                               resources={}, asked=list(mod.asked), **changes)


def _calls_in(mod: Module, path: str, root: str, depth: int) -> List[Module]:
    data = probes.read_bytes(path, MAX_READ)
    try:
        text = data.decode("utf-8-sig") if data is not None else None
        cmod, cf = load_module(path, text, root) if text is not None else (None, None)
    except (LoadError, UnicodeDecodeError):
        return []  # reported when that file is read
    if cmod is None:
        return []
    me = os.path.realpath(mod.folder)
    out = []
    for caller in called(cmod, root, depth + 1) or deployed(cmod, root) or [cmod]:
        for address, hit in caller.blocks.items():
            if hit[5] != "module" or hit[3] is not cf:
                continue
            where = _local_source(caller, hit)
            if where is None or os.path.realpath(where) != me:
                continue
            out.extend(m for _, m in _call_instances(mod, caller, hit))
    return out


def _local_source(caller: Module, hit) -> Optional[str]:
    """The folder a `module` block's local source (`"./..."`, `"../..."`) names,
    joined to the caller's folder; None for any other source."""
    source = next((a.children[-1] for a in hcl.kids(hit[2]) if a.data == "attribute"
                   and hcl.name(a.children[0]) == "source"), None)
    where = Evaluator(caller, hit[3]).value(source) if source is not None else None
    if not isinstance(where, str) or not where.startswith(("./", "../")):
        return None
    return os.path.join(caller.folder, where)


def _call_instances(mod: Module, caller: Module, hit) -> List[tuple]:
    """(address, `mod` read for it) of each instance of the `module` call
    `hit` of `caller` (`module.app`, `module.app["eu"]`); none for `count = 0`."""
    cf = hit[3]
    if _creates_nothing(caller, cf, hit[2]):
        return []
    keys = _bindings(caller, cf, hit[2])
    return [(_call_address(hit, key), _bound(mod, caller, cf, hit, key, scope))
            for key, scope in (keys.items() if keys else [(None, None)])]


def _call_address(hit, key) -> str:
    """The address of instance `key` (None: the only one) of a `module` call."""
    return f"module.{hit[1]}" if key is None else instance_address(f"module.{hit[1]}", key)


_DOCUMENT_JSON = re.compile(r"data\.aws_iam_policy_document\.")
MAX_PASSED_READINGS = 256  # module readings looked at for the documents one module passes


def _passed_links(mod: Module, depth: int = 0, budget: Optional[list] = None) -> tuple:
    """(users_of_doc, unread_of, boundary_arn), as `_links` gives them, of the
    `aws_iam_policy_document`s of `mod` whose `.json` it passes to the local
    modules it calls (`assume_role_policy = data.aws_iam_policy_document.trust.json`
    as an argument): the roles and role policies of each call's reading that
    use one, at their addresses through the call (`module.app.aws_iam_role.this`)."""
    none: tuple = ({}, {}, {})
    if depth > MAX_CALL_DEPTH:
        return none
    key = ("passed", os.path.realpath(mod.folder), mod.call, mod.root)
    kept = _kept_readings(key)
    if kept is not None:
        return kept
    _READINGS[key] = (none, [])  # a loop of calls finds nothing passed
    budget = [MAX_PASSED_READINGS] if budget is None else budget
    out: tuple = ({}, {}, {})
    with probes.recording() as asked:
        for hit in list(mod.blocks.values()):
            where = _local_source(mod, hit) if hit[5] == "module" else None
            child = _module_in(os.path.normpath(where), mod, hit[3]) if where else None
            if child is None or os.path.realpath(child.folder) == os.path.realpath(mod.folder):
                continue
            for address, m in _call_instances(child, mod, hit):
                budget[0] -= 1
                if budget[0] < 0:
                    break
                if _names_document(m.tfvars):
                    _add_passed(out, address, m, _passed_links(m, depth + 1, budget))
    _READINGS[key] = (out, asked)
    return out


def _module_in(folder: str, caller: Module, f: TfFile) -> Optional[Module]:
    """The module in `folder`, which file `f` of `caller` calls; None when
    it is outside the repository or has no .tf file."""
    if Evaluator(caller, f).inside(os.path.abspath(folder)) is None:
        return None
    for n in probes.ask("names", folder, [".tf"], []) or []:
        path = os.path.join(folder, n)
        data = probes.read_bytes(path, MAX_READ)
        try:
            if data is not None:
                return load_module(path, data.decode("utf-8-sig"), caller.root)[0]
        except (LoadError, UnicodeDecodeError):
            continue  # reported when that file is read; the module's other files read it
    return None


def _names_document(values) -> bool:
    """Does a call's argument hold an `aws_iam_policy_document`'s `.json`?"""
    todo, seen = [values], 0
    while todo and seen < MAX_SPANS:
        v, seen = todo.pop(), seen + 1
        if isinstance(v, dict):
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
        elif isinstance(v, Template) and any(_DOCUMENT_JSON.match(u.name) for u in v.unknowns):
            return True
    return False


def _add_passed(out: tuple, address: str, m: Module, inner: tuple):
    """Add to `out` (`_passed_links`) the users in reading `m` of call
    `address` of the documents its caller passes (`inner`: those `m` passes
    on to its own calls)."""
    everything = [r for a in list(m.blocks) for r in tf_resources(m, a)]
    roles_of_policy, users_of_doc, unread_of, _, boundary_arn = _links(everything, inner)
    passed = {doc: users for doc, users in users_of_doc.items()
              if doc.split("[")[0] not in m.blocks}
    roles = {r.address: r for r in everything if r.type == "aws_iam_role"}
    roles.update((u[0].address, u[0]) for users in passed.values() for u in users
                 if u[0].type == "aws_iam_role")
    trusted = {u[0].address for users in passed.values() for u in users
               if u[1] == "trust-policy"}

    def through(ref):
        """A role ref of `m` as the caller links it: the address through the
        call of a role whose trust the caller writes, else the role's name."""
        if not isinstance(ref, str) or ref not in roles:
            return ref
        name = _role_name(roles[ref].values)
        return name if ref not in trusted and isinstance(name, str) else f"{address}.{ref}"

    for doc, users in passed.items():
        for u in users:
            user = dataclasses.replace(u[0], address=f"{address}.{u[0].address}")
            out[0].setdefault(doc, []).append(
                (user, "trust-policy") if u[1] == "trust-policy" else
                (user, u[1], [through(x) for x in _user_roles(u, roles_of_policy)]))
    for ref, arns in unread_of.items():
        out[1].setdefault(str(through(ref)), []).extend(arns)
    out[2].update({f"{address}.{a}": arn for a, arn in boundary_arn.items() if a in trusted})


def _creates_nothing(mod: Module, f: TfFile, body) -> bool:
    """`count = 0`, `for_each` of an empty collection: no instance at all."""
    for a in hcl.kids(body):
        if a.data == "attribute" and hcl.name(a.children[0]) in ("count", "for_each"):
            v = Evaluator(mod, f).value(a.children[-1])
            return v == 0 and not isinstance(v, bool) or v in ([], {})
    return False


def deployed(mod: Module, root: Optional[str]) -> Optional[List[Module]]:
    """The root module as each workflow's `terraform plan`/`apply` of its folder
    reads it (`deployments.of_terraform`): `TF_VAR_` values below its tfvars,
    then the `-var-file`s, then the `-var`s (an unknown value is unknown, not
    the default). None when no workflow runs it: its tfvars alone."""
    if root is None:
        return None
    key = ("deployed", os.path.realpath(mod.folder), root)
    kept = _kept_readings(key)
    if kept is not None:
        return kept or None
    from . import deployments

    out = []
    with probes.recording() as asked:
        for d in deployments.of_terraform(mod.folder, root):
            env = {k: v if v is not None else unknown(f"var.{k}") for k, v in d.env.items()}
            m = _reading(mod, tfvars={**env, **mod.tfvars}, tfvars_at=dict(mod.tfvars_at),
                         call=d.label, call_at=None)
            for f in d.files:
                read_tfvars(m, f)
            passed = {p[0] for p in m.tfvars_at if p[0] not in mod.tfvars_at or
                      m.tfvars_at[p] is not mod.tfvars_at.get(p)}
            for k, v in d.params.items():
                m.tfvars[k] = v if v is not None else unknown(f"var.{k}")
                m.tfvars_at = {p: sp for p, sp in m.tfvars_at.items() if p[0] != k}
            # what this run's var files choose is reported there (a value of
            # this deployment, not of the module)
            m.given_at = {p: sp for p, sp in m.tfvars_at.items() if p[0] in passed}
            out.append(m)
    _READINGS[key] = (out, asked)
    return out or None


_EACH = "\0each"  # in `given`: where `each.value` of a call's instance is written
# in a value's positions: where the one value that brings a string's wildcard is
# written (`"repo:${var.owner}/${var.repo}"` with repo `*`), when not in the string's text
_WILDCARD = "\0wildcard"
# in `given`: where the element a `for` expression's name (a `dynamic` block's
# iterator: its `value`) holds is written
_FOR_NAME = "\0for "


def _bound(mod: Module, caller: Module, cf: TfFile, hit, key, scope) -> Module:
    """`mod` read for one call (instance `key`) written in `cf`."""
    given = {**caller.tfvars_at, **caller.given_at}
    given.update(_each_written(caller, cf, hit[2], key, given, call=True))
    ev = Evaluator(caller, cf, scope, given)
    rec = Positions(hcl.span(hit[4]) or UNKNOWN_SPAN)
    values = ev.body(hit[2], (), rec)
    args = {k: v for k, v in values.items() if k not in _MODULE_META}
    label = _call_address(hit, key)
    from .runner import display_path

    shown, at = display_path(cf.path), hcl.span(hit[4]) or UNKNOWN_SPAN
    overrides = any(h[0] == "aws_iam_policy_document" and any(
        a.data == "attribute" and hcl.name(a.children[0]) == "override_policy_documents"
        for a in hcl.kids(h[2])) for h in mod.blocks.values())
    caller_docs = [r for a, h in caller.blocks.items() if overrides
                   and h[0] == "aws_iam_policy_document" for r in tf_resources(caller, a)]
    return _reading(
        mod, tfvars=args, tfvars_at={}, caller_sids=_statement_sids(caller_docs),
        given_at=_in_file({p: sp for p, sp in rec.spans.items() if p and p[0] in args}, cf.path),
        call=f"{label} in {shown}" + (f" ({caller.call})" if caller.call else ""),
        call_at=(shown, at.line, at.column))


def _each_written(mod: Module, f: TfFile, body, key, given: dict,
                  call: bool = False) -> Dict[tuple, Span]:
    """Where `each.value` of instance `key` of a block in `f` (and what is
    inside it) is written, for `given` (`_EACH`): at the element of its
    `for_each` when that is a variable written elsewhere (`given`), a
    variable's default or a local written in another file (`var.services` of
    a variables.tf, `local.services` of a `yamldecode(file(...))`), or for a
    `module` call (`call`) a local in `f` itself: the module's findings are
    then told apart by instance, at the local's entries (a resource's own use
    of a local or default of its file is reported there); nothing otherwise."""
    over = next((a.children[-1] for a in hcl.kids(body) if a.data == "attribute"
                 and hcl.name(a.children[0]) == "for_each"), None)
    steps = hcl.ref_steps(over) if over is not None and key is not None else None
    if not steps or len(steps) != 2 or not isinstance(steps[1], str):
        return {}
    name = steps[1]
    if steps[0] == "var" and (name in mod.tfvars or any(p[:1] == (name,) for p in given)):
        written = given  # set, not its default
    elif steps[0] in ("var", "local"):
        ev = Evaluator(mod, f)
        got = ev.default_positions(name) if steps[0] == "var" else ev.local_positions(name)
        written = {(name,) + p: sp for p, sp in (got[0] if got else {}).items()
                   if sp.file or call and steps[0] == "local"}
    else:
        return {}
    return {(_EACH,) + p[2:]: sp for p, sp in written.items()
            if len(p) >= 2 and p[0] == name and p[1] == key}


def _wildcards_written(mod: Module) -> Dict[tuple, Span]:
    """The positions of the module's own tfvars (`tfvars_at`) of the values
    that bring a wildcard: a string with `*`/`?`, or a list of one such (a
    finding on the rest is reported where the resource uses it)."""
    out = {}
    for p, sp in mod.tfvars_at.items():
        value, ok = mod.tfvars, True
        for step in p:
            ok = isinstance(value, dict) and step in value or isinstance(value, list) \
                and isinstance(step, int) and not isinstance(step, bool) and 0 <= step < len(value)
            if not ok:
                break
            value = value[step]
        if ok and isinstance(value, list) and len(value) == 1:
            value = value[0]
        if ok and isinstance(value, str) and _has_wildcard(value):
            out[p] = sp
    return out


def read_tfvars(mod: Module, full: str):
    """Set the module's variables a tfvars file (HCL, or `.json`) gives, over
    the values it had, with their positions (`tfvars_at`)."""
    other = _read(mod, full)
    if other is None:
        return
    if full.endswith(".json"):
        values = _json_tfvars(other)
        mod.tfvars.update(values)
        mod.tfvars_at = {p: sp for p, sp in mod.tfvars_at.items() if p[0] not in values}
        spans = _data_spans(values, JsonLocator(other).locate)
        spans.pop((), None)  # (the file as a whole: no variable)
        mod.tfvars_at.update(_in_file(spans, full))
        return
    try:
        tree = hcl.parse(other)
    except LoadError:
        return  # reported when that file is read itself
    ev = Evaluator(mod, TfFile(full, other, tree))
    rec = Positions(UNKNOWN_SPAN)
    for attr in hcl.kids(hcl.kids(tree)[0]) if hcl.kids(tree) else []:
        if attr.data == "attribute":
            name = hcl.name(attr.children[0])
            mod.tfvars[name] = ev.value(attr.children[-1], (name,), rec)
            mod.tfvars_at = {p: sp for p, sp in mod.tfvars_at.items() if p[0] != name}
    mod.tfvars_at.update(_in_file(rec.spans, full))


MAX_SPANS = 10_000  # positions kept for the values of one decoded file


def _data_spans(data, locate) -> Dict[tuple, Span]:
    """Where each value inside decoded `data` (a `.tfvars.json`, a
    `yamldecode()`d file) is written: its path -> `locate(path)`, for at most
    MAX_SPANS values."""
    out: Dict[tuple, Span] = {}
    todo = [((), data)]
    while todo and len(out) < MAX_SPANS:
        path, v = todo.pop()
        out[path] = locate(path)
        if isinstance(v, dict):
            todo.extend((path + (k,), x) for k, x in v.items())
        elif isinstance(v, list):
            todo.extend((path + (i,), x) for i, x in enumerate(v))
    return out


def _tfvars_order(name: str) -> tuple:
    """The order Terraform reads a module's files in (the .tf files first)."""
    first = {"terraform.tfvars": 1, "terraform.tfvars.json": 2}
    if name.endswith(".tf"):
        return (0, "")
    return (first.get(name, 3), name)


def _json_tfvars(text: str) -> dict:
    """The values of a `.tfvars.json` file: its top-level object (nothing if not one)."""
    import json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}  # reported when that file is read itself, if it is
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def _index_file(mod: Module, f: TfFile):
    body = next((c for c in f.tree.children if hcl.is_tree(c) and c.data == "body"), None)
    if body is None:
        return
    for item in hcl.kids(body):
        if item.data != "block":
            continue
        btype, labels, inner = hcl.block_parts(item)
        if inner is None:
            continue
        if btype == "variable" and labels:
            for attr in hcl.kids(inner):
                if attr.data == "attribute" and hcl.name(attr.children[0]) == "default":
                    mod.variables[labels[0]] = (attr.children[-1], f)
                elif attr.data == "attribute" and hcl.name(attr.children[0]) == "type":
                    mod.var_types[labels[0]] = (attr.children[-1], f)
                elif attr.data == "attribute" and hcl.name(attr.children[0]) == "nullable" \
                        and Evaluator(mod, f).value(attr.children[-1]) is False:
                    mod.not_nullable.add(labels[0])
        elif btype == "locals":
            for attr in hcl.kids(inner):
                if attr.data == "attribute":
                    mod.local_nodes[hcl.name(attr.children[0])] = (attr.children[-1], f)
        elif btype == "module" and labels:
            mod.blocks[f"module.{labels[0]}"] = ("module", labels[0], inner, f, item, "module")
        elif btype in ("resource", "data") and len(labels) >= 2:
            address = f"{labels[0]}.{labels[1]}"
            if btype == "data":
                address = "data." + address
            mod.blocks[address] = (labels[0], labels[1], inner, f, item, btype)


# ---------------------------------------------------------------------------
# evaluating expressions


_FUNCS_IDENTITY = ("tolist", "toset", "tomap", "tostring", "tonumber", "tobool",
                   "sensitive", "nonsensitive")
_FUNCS_STRING = {  # name: (arity, function) on known strings
    "trimprefix": (2, lambda s, p: s[len(p):] if p and s.startswith(p) else s),
    "trimsuffix": (2, lambda s, x: s[:-len(x)] if x and s.endswith(x) else s),
    "lower": (1, str.lower),
    "upper": (1, str.upper),
    "trimspace": (1, str.strip),
}

_FORMAT_VERB = re.compile(r"%(.)")


def _format(spec, args):
    """Terraform's format() for the verbs `%s`, `%v`, `%d` and `%%`, in order,
    on known scalars or strings with holes; None for anything else (flags,
    widths, `%[n]` indexes, other verbs, lists)."""
    if not isinstance(spec, str):
        return None
    parts, pos, i = [], 0, 0
    for m in _FORMAT_VERB.finditer(spec):
        if m.start() < pos:
            continue
        parts.append(spec[pos:m.start()])
        pos = m.end()
        verb = m.group(1)
        if verb == "%":
            parts.append("%")
            continue
        if verb not in "svd" or i >= len(args):
            return None
        a = args[i]
        i += 1
        if isinstance(a, bool):
            if verb == "d":
                return None
            parts.append("true" if a else "false")
        elif isinstance(a, int) or (isinstance(a, float) and a.is_integer()):
            parts.append(str(int(a)))
        elif verb == "d":
            return None
        elif isinstance(a, str):
            parts.append(a)
        elif isinstance(a, Template):
            parts.extend(a.parts)
        else:
            return None
    if "%" in spec[pos:] or i != len(args):
        return None
    parts.append(spec[pos:])
    return make_template(parts)


def _formatlist(spec, args):
    """formatlist(): format() per element of the list arguments (all of one
    length), scalars repeated; None when a list is not known."""
    lists = [a for a in args if isinstance(a, list)]
    if not lists or any(len(x) != len(lists[0]) for x in lists):
        return None
    if any(isinstance(a, (Template, dict)) for a in args):
        return None  # a list we do not know (or a map)
    out = []
    for j in range(len(lists[0])):
        v = _format(spec, [a[j] if isinstance(a, list) else a for a in args])
        if v is None:
            return None
        out.append(v)
    return out


def _flatten(value: list) -> list:
    """flatten(): the elements of nested lists, depth first, in order (any
    other element, a Template included, stays one element)."""
    out, stack = [], [iter(value)]
    while stack:
        for x in stack[-1]:
            if isinstance(x, list):
                stack.append(iter(x))
                break
            out.append(x)
        else:
            stack.pop()
    return out


def _distinct(args):
    if len(args) == 1 and isinstance(args[0], list):
        out = []
        for x in args[0]:  # the first of equal elements stays, in its place
            if not any(type(x) is type(y) and x == y for y in out):
                out.append(x)
        return out
    return None


def _known_strings(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _lookup(args):
    if len(args) in (2, 3) and isinstance(args[0], dict) and isinstance(args[1], str):
        if args[1] in args[0]:
            return args[0][args[1]]
        return args[2] if len(args) == 3 else None
    return None


def _element(args):
    if len(args) == 2 and isinstance(args[0], list) and args[0] and _is_key(args[1]) \
            and isinstance(args[1], int) and args[1] >= 0:
        return args[0][args[1] % len(args[0])]  # Terraform wraps around
    return None


def _coalesce(args):
    for a in args:
        if isinstance(a, Template):
            return None  # it may be empty
        if a is not None and a != "":
            return a
    return None


MAX_PRODUCT = 10_000  # elements of a setproduct() above it: unknown


def _setproduct(args):
    """setproduct(): every combination of one element of each list (or set),
    a list of lists, the last argument varying fastest, as Terraform orders
    it; None with fewer than two arguments, one that is not a known list, or
    more than MAX_PRODUCT combinations."""
    if len(args) < 2 or not all(isinstance(a, list) for a in args):
        return None
    if math.prod(len(a) for a in args) > MAX_PRODUCT:
        return None
    return [list(c) for c in itertools.product(*args)]


def _coalescelist_index(args) -> Optional[int]:
    """The index of the argument coalescelist() returns: the first list that
    is not empty (null ones are skipped); None when an argument before it
    is not a known list, or none is not empty (an error in Terraform). A
    list of unknown elements only may stand for an unknown list (`concat()`
    gives one such element per list it does not know), which may be empty:
    not known either."""
    for i, a in enumerate(args):
        if a is None:
            continue
        if not isinstance(a, list) or (a and all(isinstance(x, Template) for x in a)):
            return None
        if a:
            return i
    return None


def _known(v) -> bool:
    """Is a value known through and through (no unknown part, at any depth)?"""
    if isinstance(v, (Template, Unknown)):
        return False
    if isinstance(v, dict):
        return all(_known(x) for x in v.values())
    if isinstance(v, list):
        return all(_known(x) for x in v)
    return True


def _try(args):
    """`try(a, b, ...)`: the first argument that evaluates without an error
    (an object's attribute it lacks is one: `try(each.value.grace, 30)`).
    Another unknown value may be an error or a value known only at apply
    time, so only an argument known through and through is taken; None
    otherwise."""
    for arg in args:
        if _not_set(arg):
            continue
        return arg if arg is not None and _known(arg) else None
    return None


NOT_SET = " (not set)"  # the name of an unknown that is an object's missing attribute


def _not_set(value) -> bool:
    return isinstance(value, Template) and len(value.parts) == 1 \
        and isinstance(value.parts[0], Unknown) and value.parts[0].name.endswith(NOT_SET)


# Terraform's collection functions on known values (None: not known here);
# `keys()` and `values()` go in the lexical order of the keys, as Terraform's do
_FUNCS_COLLECTION = {
    "distinct": _distinct,
    "sort": lambda a: sorted(a[0]) if len(a) == 1 and _known_strings(a[0]) else None,
    "keys": lambda a: sorted(a[0], key=str) if len(a) == 1 and isinstance(a[0], dict) else None,
    "values": lambda a: [a[0][k] for k in sorted(a[0], key=str)]
    if len(a) == 1 and isinstance(a[0], dict) else None,
    "reverse": lambda a: list(reversed(a[0])) if len(a) == 1 and isinstance(a[0], list) else None,
    "compact": lambda a: [x for x in a[0] if x not in ("", None)]
    if len(a) == 1 and isinstance(a[0], list) and not any(isinstance(x, Template) for x in a[0])
    else None,
    "lookup": _lookup,
    "element": _element,
    "coalesce": _coalesce,
    "setproduct": _setproduct,
    "try": _try,
}


def _number(v):
    """A number for arithmetic: Terraform converts a numeric string (`"1024"`)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", v.strip()):
        return float(v) if "." in v else int(v)
    return None


def _arithmetic(op, a, b):
    """`+ - * / %` on known numbers, as Terraform computes them (a whole
    result is a whole number: `8 * 1024` is 8192); None when unknown or
    undefined (a division by zero is an error in Terraform)."""
    if a is None or b is None or (op in ("/", "%") and b == 0):
        return None
    try:
        got = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
               "/": lambda: a / b, "%": lambda: math.fmod(a, b)}[op]()
    except OverflowError:
        return None
    if isinstance(got, float) and not math.isfinite(got):
        return None
    if isinstance(got, float) and got.is_integer() and abs(got) < 2 ** 53:
        return int(got)
    return got


# resource types whose ARN follows from their `name` (partition, region and account unknown)
_REGIONAL_ARNS = {"aws_ecr_repository": ("ecr", "repository"),
                  "aws_ecs_cluster": ("ecs", "cluster")}


class Evaluator:
    """Values of expressions in one file of a module (`scope`: the names a `for`
    expression binds)."""

    def __init__(self, mod: Module, f: TfFile, scope: Optional[dict] = None,
                 given: Optional[dict] = None):
        self.mod = mod
        self.f = f
        self.scope = scope or {}
        # (variable, *path) -> where its value is written, when not in the module
        self.given = mod.given_at if given is None else given
        # value path -> the file a `file()`/`templatefile()` there names, left
        # unknown because the folder walk lints it on its own (`own_file_at`)
        self.own_files: Dict[tuple, str] = {}

    def source(self, node) -> str:
        m = getattr(node, "meta", None)
        if m is not None and not getattr(m, "empty", True):
            return self.f.text[m.start_pos:m.end_pos].strip()[:80]
        return "expression"

    # -- bodies and blocks -------------------------------------------------

    def body(self, body, path, rec: Positions) -> dict:
        out: Dict[str, Any] = {}
        for item in hcl.kids(body):
            if item.data == "attribute":
                name = hcl.name(item.children[0])
                expr = item.children[-1]
                p = path + (name,)
                rec.keys[p] = hcl.span(item.children[0])
                rec.spans[p] = hcl.span(expr)
                rec.nodes[p] = expr
                out[name] = self.value(expr, p, rec)
            elif item.data == "block":
                btype, labels, inner = hcl.block_parts(item)
                made = [(self, inner)]  # (evaluator, body) of each block it makes
                if btype == "dynamic" and labels:
                    btype = labels[0]
                    made = self._dynamic(inner, btype)
                items = out.setdefault(btype, [])
                if not isinstance(items, list):
                    continue
                rec.spans.setdefault(path + (btype,), hcl.span(item))
                rec.keys.setdefault(path + (btype,), hcl.span(item.children[0]))
                if made == [] and not items:
                    self._made_none(inner, path + (btype,), rec)
                for ev, content in made if made is not None else [(None, None)]:
                    p = path + (btype, len(items))
                    rec.spans[p] = hcl.span(item)
                    if content is None:
                        items.append(unknown(f"dynamic {btype}"))
                    else:
                        items.append(ev.body(content, p, rec))
        return out

    def _dynamic(self, inner, btype):
        """[(evaluator, content)] of the blocks a `dynamic "TYPE"` block makes,
        one per element of a known `for_each` (a list: its index is the key; a
        map: its keys), with the iterator (`TYPE`, or `iterator = NAME`) bound
        to `{key, value}`; None when the collection is not known."""
        for_each = iterator = content = None
        for it in hcl.kids(inner) if inner is not None else []:
            if it.data == "attribute":
                name = hcl.name(it.children[0])
                if name == "for_each":
                    for_each = it.children[-1]
                elif name == "iterator":
                    iterator = self.source(it.children[-1]).strip()
            elif it.data == "block" and hcl.block_parts(it)[0] == "content":
                content = hcl.block_parts(it)[2]
        coll, written = self._collection(for_each) if for_each is not None \
            and content is not None else (None, {})
        if isinstance(coll, list):
            pairs = list(enumerate(coll))
        elif isinstance(coll, dict):
            pairs = list(coll.items())
        else:
            return None
        name = iterator or btype
        if len(pairs) > MAX_INSTANCES or not re.fullmatch(r"[A-Za-z_][\w-]*", name):
            return None
        outer = {p: sp for p, sp in self.given.items() if p[:1] != (_FOR_NAME + name,)}
        out = []
        for k, v in pairs:
            given = outer
            if written.get(k):  # `NAME.value` is where the element is written
                given = {**outer, **{(_FOR_NAME + name, "value") + p: sp
                                     for p, sp in written[k].items()}}
                if (_FOR_NAME + name, "value") in given:
                    given[(_FOR_NAME + name,)] = given[(_FOR_NAME + name, "value")]
            out.append((Evaluator(self.mod, self.f, {**self.scope, name: {
                "key": k, "value": v}}, given), content))
        return out

    def _made_none(self, inner, path, rec: Positions):
        """A `dynamic` block at `path` whose `for_each` is empty because of the
        one variable it reads (`var.on ? [1] : []`), set in a tfvars file or by
        the module call: `rec.made_none` says which value, and where it is
        written (the line that removes the block)."""
        over = next((a.children[-1] for a in hcl.kids(inner) if a.data == "attribute"
                     and hcl.name(a.children[0]) == "for_each"), None)
        ref = _one_variable(over) if over is not None else None
        if ref is None:
            return
        written = Evaluator(self.mod, self.f, self.scope, {**self.mod.tfvars_at, **self.given})
        at = written._given_span(ref)
        if at is None or not at.file:  # (its default, or a value of this file)
            return
        rec.made_none[path] = (f"{self.source(ref)} is {_shown(self.value(ref))}", at)

    # -- expressions -------------------------------------------------------

    def value(self, node, path=(), rec: Optional[Positions] = None):
        if rec is not None:
            sp = hcl.span(node)
            if sp is not None:
                rec.spans.setdefault(path, sp)
            if self.given:
                self._given_positions(node, path, rec)
        try:
            v = self._value(node, path, rec)
            if rec is not None:
                self._local_positions(node, path, rec)
            return v
        except RecursionError:
            return unknown("expression")

    def _given_positions(self, node, path, rec: Positions):
        """`var.X` (`var.X.a[0]`) whose value is written elsewhere (a tfvars
        file, the call's argument): its positions are there; so are those of
        `each.value` of a call whose `for_each` is such a variable (`_EACH`)."""
        un = hcl.unwrap(node)
        if hcl.is_tree(un) and un.data == "string":  # "...${var.x}...": the one value that varies
            holes = [hcl.kids(p.children[0]) for p in un.children if hcl.is_tree(p)
                     and p.data == "string_part" and p.children and hcl.is_tree(p.children[0])
                     and p.children[0].data == "interpolation"]
            fixed = "".join(str(p.children[0]) for p in un.children if hcl.is_tree(p)
                            and p.data == "string_part" and p.children
                            and not hcl.is_tree(p.children[0]))
            if re.search(r"[*?]", fixed) or not all(holes):
                return  # (a wildcard of its own: here)
            if len(holes) == 1:
                at = self._given_span(holes[0][0])
                if at is not None:
                    rec.spans[path] = at
                return
            # "repo:${owner}/${repo}": the one value that brings a wildcard, for a
            # `*Like` condition (`_wildcards_placed`)
            wild = [h for h in holes if _has_wildcard(self.value(h[0]))]
            at = self._given_span(wild[0][0]) if len(wild) == 1 else None
            if at is not None:
                rec.spans[path + (_WILDCARD,)] = at
            return
        steps = hcl.ref_steps(node)
        if not steps or (len(steps) < 2 and (_FOR_NAME + str(steps[0]),) not in self.given):
            return
        if steps[0] == "var" and "var" not in self.scope:
            if isinstance(steps[1], str) and self._defaulted(steps[1]):
                return  # (its default is used: the module's own)
            want, rest = [], steps[1:]
        elif steps[:2] == ["each", "value"] and (_EACH,) in self.given:
            want, rest = [_EACH], steps[2:]
        elif isinstance(steps[0], str) and (_FOR_NAME + steps[0],) in self.given:
            want, rest = [_FOR_NAME + steps[0]], steps[1:]
        else:
            return
        for s in rest:
            s = self.value(s) if hcl.is_tree(s) else s  # `var.services[count.index]`
            if not _is_key(s):
                break
            want.append(s)
        given = self.given
        for n in range(len(want), 0, -1):
            if tuple(want[:n]) in given:
                rec.spans[path] = given[tuple(want[:n])]
                break
        whole = tuple(want)  # (a root tfvars list: only its wildcard entries may be given)
        for p, sp in given.items():
            if len(p) > len(whole) and p[:len(whole)] == whole:
                rec.spans[path + p[len(whole):]] = sp
        if whole in given and whole + (0,) in given and whole + (1,) not in given:  # a list of one
            rec.spans[path] = given[whole + (0,)]

    def _local_positions(self, node, path, rec: Positions):
        """`local.X` (`local.X.a[0]`): what is inside its value keeps the
        positions the `locals` block writes it at (in this file or another of
        the module), so a container's entry is reported at its own line, not
        at the reference; the reference itself stays where it is."""
        steps = hcl.ref_steps(node)
        if not steps or len(steps) < 2 or steps[0] != "local" or "local" in self.scope \
                or not isinstance(steps[1], str):
            return
        rest = []
        for s in steps[2:]:
            s = self.value(s) if hcl.is_tree(s) else s
            if not isinstance(s, (str, int)) or isinstance(s, bool):
                return
            rest.append(s)
        got = self.local_positions(steps[1])
        if got is None:
            return
        n, rest = len(rest), tuple(rest)
        for table, written in zip((rec.spans, rec.keys), got):
            for p, sp in written.items():
                if len(p) > n and p[:n] == rest:
                    table[path + p[n:]] = sp

    def local_positions(self, name) -> Optional[tuple]:
        """(spans, keys) by path inside the value of local `name`, each span
        naming its file when that is not this one; None when not known."""
        return self._written_positions(self.mod.local_nodes, self.mod.local_at, name)

    def default_positions(self, name) -> Optional[tuple]:
        """`local_positions` of the default of variable `name`."""
        return self._written_positions(self.mod.variables, self.mod.default_at, name)

    def _written_positions(self, nodes: dict, kept: dict, name) -> Optional[tuple]:
        """`local_positions` of expression `nodes[name]` ((node, file)),
        worked out once and kept in `kept`."""
        mod = self.mod
        hit = nodes.get(name)
        key = ("written at", id(kept), name)
        if hit is None or key in mod.busy:
            return None
        if name not in kept:
            mod.busy.add(key)
            try:
                rec = Positions(UNKNOWN_SPAN)
                Evaluator(mod, hit[1]).value(hit[0], (), rec)
            finally:
                mod.busy.discard(key)
            kept[name] = (rec.spans, rec.keys)
        spans, keys = kept[name]
        if os.path.realpath(hit[1].path) == os.path.realpath(self.f.path):
            return spans, keys
        return _in_file(spans, hit[1].path), _in_file(keys, hit[1].path)

    def _value(self, node, path, rec):
        if not hcl.is_tree(node):
            return unknown(str(node))
        d = node.data
        if d == "expr_term":
            kids = hcl.kids(node)
            return self.value(kids[0], path, rec) if kids else None
        if d == "int_lit":
            return int(str(node.children[0]))
        if d == "float_lit":
            return float(str(node.children[0]))
        if d == "literal_value":
            return {"true": True, "false": False}.get(str(node.children[0]))
        if d in ("string", "heredoc_template", "heredoc_template_trim"):
            return self._text_value(node)
        if d == "tuple":
            if rec is not None:  # `[aws_iam_policy.x.arn]`: what each element refers to
                for i, c in enumerate(hcl.kids(node)):
                    rec.nodes.setdefault(path + (i,), c)
            out = [self.value(c, path + (i,), rec) for i, c in enumerate(hcl.kids(node))]
            if rec is not None and len(out) == 1 and self.given \
                    and getattr(rec.spans.get(path + (0,)), "file", None):
                rec.spans[path] = rec.spans[path + (0,)]  # `[var.x]`: where x is written
            return out
        if d == "object":
            out = {}
            for elem in hcl.kids(node):
                if elem.data != "object_elem":
                    continue
                kn, vn = elem.children[0], elem.children[-1]
                key = self._key(kn)
                if rec is not None:
                    rec.keys[path + (key,)] = hcl.span(kn)
                    rec.nodes.setdefault(path + (key,), vn)  # `{ a = aws_iam_policy.x.arn }`
                out[key] = self.value(vn, path + (key,), rec)
            return out
        if d == "function_call":
            return self._call(node, path, rec)
        if d == "for_tuple_expr":
            return self._for_tuple(node, path, rec)
        if d == "for_object_expr":
            return self._for_object(node)
        if d in ("identifier", "get_attr_expr_term", "index_expr_term"):
            return self.reference(node)
        if d == "conditional":
            kids = hcl.kids(node)
            cond = self.value(kids[0])
            if cond is True and len(kids) > 1:
                return self.value(kids[1], path, rec)
            if cond is False and len(kids) > 2:
                return self.value(kids[2], path, rec)
            return unknown(self.source(node))
        if d == "binary_op":
            v = self._binary(node)
            return unknown(self.source(node)) if v is None else v
        if d == "unary_op":
            op, arg = str(node.children[0]), self.value(node.children[-1])
            if op == "-" and isinstance(arg, (int, float)) and not isinstance(arg, bool):
                return -arg
            if op == "!" and isinstance(arg, bool):
                return not arg
        return unknown(self.source(node))

    def _binary(self, node):
        """`==`, `!=`, `&&`, `||` and `<`, `>`, `<=`, `>=` on known scalars (the
        grammar gives HCL's precedence), `==` and `!=` also with null; None
        when a side is not known. Equality compares type and value, as
        Terraform does (`"1" == 1` and `true == 1` are false)."""
        kids = hcl.kids(node)
        term = next((k for k in kids if k.data == "binary_term"), None)
        if term is None or not hcl.kids(term):
            return None
        op_node = next((c for c in term.children if hcl.is_tree(c) and c.data == "binary_operator"),
                       None)
        if op_node is None:
            return None
        op = str(op_node.children[0])
        a, b = self.value(kids[0]), self.value(hcl.kids(term)[-1])
        if op in ("==", "!=") and None in (a, b) and not any(
                isinstance(x, Template) for x in (a, b)):
            same = a is None and b is None  # null (an optional attribute left out...)
            return same if op == "==" else not same
        scalar = (str, int, float, bool)
        if not isinstance(a, scalar) or not isinstance(b, scalar):
            return None
        number = (isinstance(a, (int, float)) and not isinstance(a, bool),
                  isinstance(b, (int, float)) and not isinstance(b, bool))
        if op in ("==", "!="):
            same = (type(a) is type(b) or all(number)) and a == b
            return same if op == "==" else not same
        if op in ("&&", "||"):
            if not (isinstance(a, bool) and isinstance(b, bool)):
                return None
            return (a and b) if op == "&&" else (a or b)
        if op in ("<", ">", "<=", ">=") and all(number):
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]
        if op in ("+", "-", "*", "/", "%"):
            return _arithmetic(op, _number(a), _number(b))
        return None

    def _for_scopes(self, node):
        """(an evaluator per element, the nodes after the intro) of a `for`
        expression over a known list or map (a map in key order, as Terraform
        iterates it), its names bound (`for x in C`, `for k, v in C`), the
        elements whose `if` is false left out; None when the collection or an
        `if` is not known."""
        kids = hcl.kids(node)
        intro = next((k for k in kids if k.data == "for_intro"), None)
        cond = next((hcl.kids(k)[-1] for k in kids if k.data == "for_cond" and hcl.kids(k)), None)
        body = [k for k in kids if k.data not in ("for_intro", "for_cond")]
        if intro is None:
            return None
        parts = hcl.kids(intro)
        names = [hcl.name(p) for p in parts[:-1] if p.data == "identifier"]
        coll, written = self._collection(parts[-1])
        if isinstance(coll, list):
            pairs = list(enumerate(coll))
        elif isinstance(coll, dict):
            pairs = sorted(coll.items(), key=lambda kv: str(kv[0]))
        else:
            return None
        if len(names) not in (1, 2):
            return None
        scopes = []
        bound_at = {(_FOR_NAME + n,) for n in names}
        outer = {p: sp for p, sp in self.given.items() if p[:1] not in bound_at}
        for key, item in pairs:
            bound = {names[-1]: item} if len(names) == 1 else {names[0]: key, names[1]: item}
            given = outer
            if written.get(key):  # the name's value is where the element is written
                given = {**outer, **{(_FOR_NAME + names[-1],) + p: sp
                                     for p, sp in written[key].items()}}
            ev = Evaluator(self.mod, self.f, {**self.scope, **bound}, given)
            keep = True if cond is None else ev.value(cond)
            if not isinstance(keep, bool):
                return None
            if keep:
                scopes.append(ev)
        return scopes, body

    def _given_span(self, node):
        """Where the value of a reference (`var.x`, `each.value.x`) is written, or None."""
        probe = Positions(UNKNOWN_SPAN)
        self._given_positions(node, (), probe)
        return probe.spans.get(())

    def _collection(self, node) -> tuple:
        """(value, element key -> {path inside it: where it is written}) of the
        collection a `for` expression or a `dynamic` block goes over (a
        local's entries, a tfvars line, a literal's own)."""
        rec = Positions(UNKNOWN_SPAN)
        value = self.value(node, (), rec)
        written: Dict[Any, dict] = {}
        for p, sp in rec.spans.items():
            if p and sp is not None and _is_key(p[0]):
                written.setdefault(p[0], {})[p[1:]] = sp
        return value, written

    def _for_tuple(self, node, path=(), rec: Optional[Positions] = None):
        """`[for x in C : E]` (an `if` allowed): E for each element kept (at
        the positions of C's element, when C is written elsewhere)."""
        got = self._for_scopes(node)
        if got is None or len(got[1]) != 1:
            return unknown(self.source(node))
        if rec is None:
            return [ev.value(got[1][0]) for ev in got[0]]
        return [ev.value(got[1][0], path + (i,), rec) for i, ev in enumerate(got[0])]

    def _for_object(self, node):
        """`{for k, v in C : K => V}` (an `if` allowed): a map of each K to its
        V, or with `...` after V to the list of its Vs; unknown when a key is
        not a known string or number, or comes twice without `...` (an error
        in Terraform)."""
        got = self._for_scopes(node)
        if got is None or len(got[1]) != 2:
            return unknown(self.source(node))
        grouping = any(not hcl.is_tree(c) and str(c) == "..." for c in node.children)
        out: Dict[str, Any] = {}
        for ev in got[0]:
            key = ev.value(got[1][0])
            if isinstance(key, (int, float)) and not isinstance(key, bool):
                key = _format("%v", [key])
            if not isinstance(key, str) or (key in out and not grouping):
                return unknown(self.source(node))
            value = ev.value(got[1][1])
            if grouping:
                out.setdefault(key, []).append(value)
            else:
                out[key] = value
        return out

    def _key(self, kn):
        inner = kn.children[0] if kn.children else kn
        un = hcl.unwrap(inner)
        if hcl.is_tree(un) and un.data in ("keyword", "identifier"):
            return hcl.name(un)  # `Version = ...`: a bare name is the key itself
        v = self.value(inner)
        return v if isinstance(v, str) else str(v)

    def _text_value(self, node):
        segs = self.segments(node)
        if segs is None:
            return unknown(self.source(node))
        if len(segs) == 1 and segs[0][0] == "hole":
            return segs[0][1]  # "${x}" is x itself, of any type
        return _segments_value(segs)

    def segments(self, node, placed: Optional[dict] = None):
        """A string or heredoc as ("lit", text, offsets) / ("hole", value, offset);
        `placed` gets each hole's offset -> where inside its value is written in
        another file (`_written_elsewhere`)."""
        node = hcl.unwrap(node)
        if node.data == "string":
            segs = []
            for kind, what, at in hcl.string_parts(node):
                if kind == "lit":
                    segs.append(("lit", what, at))
                elif kind == "interpolation":
                    rec = Positions(None) if placed is not None else None
                    v = self.value(what, (), rec) if what is not None else None
                    if rec is not None:
                        placed[at] = _written_elsewhere(rec)
                    segs.append(("hole", v, at))
                else:
                    return None  # %{ } directives: the text is not known
            return segs
        if node.data in ("heredoc_template", "heredoc_template_trim"):
            text, offs = hcl.heredoc_body(node.children[0])
            return self.template_segments(text, offs, placed=placed)
        return None

    def template_segments(self, text, offs, variables=None, placed: Optional[dict] = None,
                          path: Optional[str] = None):
        """A template's segments, its `%{ if }` and `%{ for }` directives
        rendered (a `templatefile()`'s at `path`, with its variables); None
        when a directive cannot be (a condition or a collection not known: a
        note says which). `placed`: as for `segments` (holes outside directives)."""
        pieces = hcl.split_template(text, offs)
        if any(p[0] == "directive" for p in pieces):
            tree = _directive_tree(pieces) if variables is not None else None
            if tree is None:
                return None
            segs, failed = self._render(tree, variables)
            if segs is not None and any(s[0] == "separator" for s in segs):
                segs, failed = _separators_placed(segs)
            if failed is not None and path is not None:
                self._note_unrendered(path, text, offs, failed)
            return segs
        segs = []
        for s in pieces:
            if s[0] == "lit":
                segs.append(s)
                continue
            rec = Positions(None) if placed is not None else None
            segs.append(("hole", self.expression_text(s[1], variables, rec), s[2]))
            if rec is not None:
                placed[s[2]] = _written_elsewhere(rec)
        return segs

    def _render(self, nodes, variables) -> tuple:
        """(segments, None) of a directive tree (`_directive_tree`), or (None,
        (directive, offset)) of the first one found not known. An `%{ if }`
        not known that only writes a comma or not is kept as ("separator",
        directive, then segments, else segments, offset): `_separators_placed`."""
        segs = []
        for node in nodes:
            if node[0] == "lit":
                segs.append(node)
            elif node[0] == "expr":
                segs.append(("hole", self.expression_text(node[1], variables), node[2]))
            elif node[0] == "if":
                cond = _truth(self.expression_text(node[1], variables))
                if cond is None:
                    shown = f"%{{ if {node[1]} }}"
                    if not (_separator_only(node[2]) and _separator_only(node[3])):
                        return None, (shown, node[4])
                    segs.append(("separator", shown, node[2], node[3], node[4]))
                    continue
                part, failed = self._render(node[2] if cond else node[3], variables)
                if part is None:
                    return None, failed
                segs.extend(part)
            else:  # ("for", key name, value name, collection, body, offset)
                coll = self.expression_text(node[3], variables)
                items = sorted(coll.items()) if isinstance(coll, dict) \
                    else list(enumerate(coll)) if isinstance(coll, list) else None
                if items is None or len(items) > MAX_INSTANCES:
                    names = ", ".join(n for n in node[1:3] if n)
                    return None, (f"%{{ for {names} in {node[3]} }}", node[5])
                for k, v in items:
                    bound = {**variables, node[2]: v}
                    if node[1]:
                        bound[node[1]] = k
                    part, failed = self._render(node[4], bound)
                    if part is None:
                        return None, failed
                    segs.extend(part)
        return segs, None

    def _note_unrendered(self, path: str, text: str, offs: list, failed: tuple):
        """A note (--verbose) that the template at `path` is not read: which
        directive's expression is not known, at its line."""
        from .runner import display_path

        directive, at = failed
        line = LineIndex(text).line_col(offs.index(at))[0] if at in offs else 1
        note = (f"{display_path(path)}:{line}: `{' '.join(directive.split())[:100]}` is not "
                "known here: the rendered template is not read")
        if note not in self.mod.notes:
            self.mod.notes.append(note)

    def expression_text(self, source: str, variables=None, rec: Optional[Positions] = None):
        """The value of an interpolation's source text (inside a heredoc or file);
        `rec` gets the positions inside it (those in this text are not the file's)."""
        if variables is not None and re.fullmatch(r"[A-Za-z_][\w-]*", source):
            if source in variables:
                return variables[source]
            return unknown(source)
        # a `templatefile()`'s expression sees the variables it is given
        # (`${jsonencode(subjects)}`, `${s.name}`, `${i < length(xs) - 1 ? "," : ""}`)
        scope = self.scope if variables is None else {**self.scope, **variables}
        try:
            tree = hcl.parse(f"x = {source}\n")
            attr = hcl.kids(hcl.kids(tree)[0])[0]
            return Evaluator(self.mod, TfFile(self.f.path, f"x = {source}\n", tree),
                             scope, self.given).value(attr.children[-1], (), rec)
        except (LoadError, IndexError, AttributeError):
            return unknown(source)

    # -- references --------------------------------------------------------

    def reference(self, node):
        steps = hcl.ref_steps(node)
        if not steps:
            return self._step_on_value(node)
        steps = [self.value(s) if hcl.is_tree(s) else s for s in steps]
        label = ".".join(str(s) for s in steps)
        root = steps[0]
        v, rest = None, []
        if isinstance(root, str) and root in self.scope:
            v, rest = self.scope[root], steps[1:]
        elif root == "var" and len(steps) >= 2:
            if len(steps) == 2 and self.null_variable(steps[1]):
                return None  # null: the argument is left out, as if not written
            v, rest = self.variable(steps[1]), steps[2:]
        elif root == "local" and len(steps) >= 2:
            v, rest = self.local(steps[1]), steps[2:]
        elif root == "path" and len(steps) >= 2 and steps[1] in ("module", "root", "cwd"):
            v, rest = os.path.abspath(self.mod.folder), steps[2:]
        elif root == "data" and len(steps) == 3 and self._none_made(f"data.{steps[1]}.{steps[2]}"):
            return []  # (`for_each = data.x.y` of a `count = 0` block: nothing)
        elif isinstance(root, str) and "_" in root and len(steps) == 2 \
                and self._none_made(f"{root}.{steps[1]}"):
            return []
        elif root == "data" and len(steps) >= 4:
            v, rest = self.instance_attribute(f"data.{steps[1]}.{steps[2]}", steps[3:])
        elif isinstance(root, str) and "_" in root and len(steps) >= 3 and root not in (
                "each", "count", "self", "module", "terraform"):
            v, rest = self.instance_attribute(f"{root}.{steps[1]}", steps[2:])
        else:
            return unknown(label)
        if v is None:
            return unknown(label)
        for s in rest:
            found, inner = _stepped(v, s)
            if found:
                v = inner
            elif isinstance(v, dict) and isinstance(s, str) and root in ("each", "local", "var"):
                return unknown(label + NOT_SET)  # an object's attribute it lacks: an error
            else:
                return unknown(label)
        return v

    def _step_on_value(self, node):
        """`keys(m)[0]`, `[a, b][i]`, `f(x).name`: an index or attribute on the
        value of an expression that is no reference; unknown when either is
        not known."""
        got = hcl.access(node)
        if got is None:
            return unknown(self.source(node))
        step = self.value(got[1]) if hcl.is_tree(got[1]) else got[1]
        found, v = _stepped(self.value(got[0]), step)
        return v if found else unknown(self.source(node))

    def _none_made(self, address: str) -> bool:
        """Is `address` a resource or data block that makes no instance
        (`count = 0`, `for_each` of an empty collection)? Its reference is
        then an empty list."""
        hit = self.mod.blocks.get(address)
        return hit is not None and hit[5] in ("resource", "data") \
            and _creates_nothing(self.mod, hit[3], hit[2])

    def _defaulted(self, name) -> bool:
        """Is variable `name` given null (a tfvars file, the call) while it has
        `nullable = false` and a default? Terraform then uses the default."""
        mod = self.mod
        return name in mod.not_nullable and name in mod.variables \
            and name in mod.tfvars and mod.tfvars[name] is None

    def variable(self, name):
        if name in self.mod.tfvars and not self._defaulted(name):
            value = self.mod.tfvars[name]
        else:
            hit = self.mod.variables.get(name)
            if hit is None:
                return None
            node, f = hit
            value = Evaluator(self.mod, f).value(node)
        typed = self.mod.var_types.get(name)
        if typed is not None and isinstance(value, (dict, list)):
            value = Evaluator(self.mod, typed[1]).with_defaults(value, typed[0])
        return value

    def with_defaults(self, value, type_node, depth=0):
        """`value` with the attribute defaults its type constraint gives
        (`object({ n = optional(number, 100) })`: an attribute left out or null is 100;
        through `map()`, `list()`, `set()` and nested objects), as Terraform
        converts a variable's value to its type."""
        node = hcl.unwrap(type_node)
        if depth > 32 or not hcl.is_tree(node) or node.data != "function_call":
            return value
        fname = hcl.name(node.children[0])
        args_node = next((c for c in node.children if hcl.is_tree(c) and c.data == "arguments"),
                         None)
        args = hcl.kids(args_node) if args_node is not None else []
        if not args:
            return value
        if fname == "optional":
            return self.with_defaults(value, args[0], depth + 1)
        if fname == "map" and isinstance(value, dict):
            return {k: self.with_defaults(v, args[0], depth + 1) for k, v in value.items()}
        if fname in ("list", "set") and isinstance(value, list):
            return [self.with_defaults(v, args[0], depth + 1) for v in value]
        attrs = hcl.unwrap(args[0])
        if fname != "object" or not isinstance(value, dict) or not hcl.is_tree(attrs) \
                or attrs.data != "object":
            return value
        out = dict(value)
        for elem in hcl.kids(attrs):
            if elem.data != "object_elem":
                continue
            key, spec = self._key(elem.children[0]), hcl.unwrap(elem.children[-1])
            if out.get(key) is not None:  # (null takes the default, as left out does)
                out[key] = self.with_defaults(out[key], spec, depth + 1)
                continue
            if hcl.is_tree(spec) and spec.data == "function_call" \
                    and hcl.name(spec.children[0]) == "optional":
                spec_args = next((c for c in spec.children
                                  if hcl.is_tree(c) and c.data == "arguments"), None)
                kids = hcl.kids(spec_args) if spec_args is not None else []
                default = self.value(kids[1]) if len(kids) > 1 else None
                out[key] = self.with_defaults(default, kids[0], depth + 1) \
                    if kids and isinstance(default, (dict, list)) else default
        return out

    def null_variable(self, name) -> bool:
        """Is the variable's value null (its tfvars value, else its default)?
        (A variable with no value at all is unknown, not null.)"""
        if name in self.mod.tfvars and not self._defaulted(name):
            return self.mod.tfvars[name] is None
        hit = self.mod.variables.get(name)
        return hit is not None and Evaluator(self.mod, hit[1]).value(hit[0]) is None

    def local(self, name):
        mod = self.mod
        if name in mod.local_values:
            return mod.local_values[name]
        hit = mod.local_nodes.get(name)
        key = ("local", name)
        if hit is None or key in mod.busy:
            return None
        mod.busy.add(key)
        try:
            v = Evaluator(mod, hit[1]).value(hit[0])
        finally:
            mod.busy.discard(key)
        mod.local_values[name] = v
        return v

    def instance_attribute(self, address, steps):
        """(value, steps left) of `address` followed by `steps`: with a known
        for_each/count the first step is the instance key (`x.y["k"].arn`)."""
        known = instances(self.mod, address)
        if known is not None:
            key = steps[0]
            if not _is_key(key) or key not in known or len(steps) < 2:
                return None, []
            return self.attribute(address, steps[1], key), steps[2:]
        return self.attribute(address, steps[0]), steps[1:]

    def attribute(self, address, attr, key=None):
        """A resource/data attribute (of instance `key`): what can be known before apply."""
        hit = self.mod.blocks.get(address)
        rtype = address.split(".")[-2]
        if rtype == "aws_partition" and attr in PARTITION:
            return PARTITION[attr]
        if hit is None:
            return None
        scope = None
        if key is not None:
            scope = instances(self.mod, address)[key]
            address = instance_address(address, key)
        if rtype == "aws_iam_policy_document" and attr in ("json", "minified_json"):
            return unknown(f"{address}.json")
        busy = ("attr", address, attr)
        if busy in self.mod.busy:
            return None
        self.mod.busy.add(busy)
        try:
            return self._attribute(hit, rtype, attr, scope, address)
        finally:
            self.mod.busy.discard(busy)

    def _attribute(self, hit, rtype, attr, scope=None, address=""):
        body, f = hit[2], hit[3]
        ev = Evaluator(self.mod, f, scope)

        def arg(name):
            for a in hcl.kids(body):
                if a.data == "attribute" and hcl.name(a.children[0]) == name:
                    return ev.value(a.children[-1])
            return None

        name = arg("name")
        account = Unknown("aws_account_id")
        if rtype == "aws_iam_role":
            if attr in ("name", "id"):
                return name
            name = _role_name({"name": name, "name_prefix": arg("name_prefix")},
                              generated=f"<{address}>")
            if attr == "arn" and name is not None:
                path = arg("path") if isinstance(arg("path"), str) else "/"
                return make_template(["arn:", Unknown("aws_partition"), ":iam::", account,
                                      ":role" + path,
                                      *(name.parts if isinstance(name, Template) else [str(name)])])
            return None
        if rtype == "aws_iam_policy" and attr == "arn" and name is not None:
            path = arg("path") if isinstance(arg("path"), str) else "/"
            return make_template(["arn:", Unknown("aws_partition"), ":iam::", account,
                                  ":policy" + path,
                                  *(name.parts if isinstance(name, Template) else [str(name)])])
        if rtype == "aws_iam_openid_connect_provider" and attr in ("arn", "id", "url"):
            url = arg("url")
            if isinstance(url, str):
                if attr == "url":
                    return url
                host = re.sub(r"^[a-zA-Z]+://", "", url)
                return make_template(["arn:aws:iam::", account, ":oidc-provider/", host])
            return None
        regional = _REGIONAL_ARNS.get(rtype)
        if regional is not None and name is not None:
            names = name.parts if isinstance(name, Template) else [str(name)]
            region = Unknown("aws_region")
            if attr == "arn" or (attr == "id" and rtype == "aws_ecs_cluster"):
                service, kind = regional
                return make_template(["arn:", Unknown("aws_partition"), f":{service}:", region,
                                      ":", account, f":{kind}/", *names])
            if attr == "repository_url":
                return make_template([account, ".dkr.ecr.", region, ".amazonaws.com/", *names])
            if attr in ("name", "id"):
                return name
        if rtype == "template_file" and attr == "rendered":  # the hashicorp/template provider
            rendered = self._template_file(body, f)
            return unknown("template_file.rendered") if rendered is None \
                else _segments_value(rendered[2])
        if attr in ("id", "arn"):
            return None
        return arg(attr)

    def _template_file(self, body, f):
        """(path, text, segments) a `data "template_file"` renders: its
        `template = file(PATH)` with its `vars`; None when not read."""
        ev = Evaluator(self.mod, f)
        nodes = {hcl.name(a.children[0]): a.children[-1] for a in hcl.kids(body)
                 if a.data == "attribute"}
        tpl = hcl.unwrap(nodes.get("template"))
        if not (hcl.is_tree(tpl) and tpl.data == "function_call" and hcl.name(tpl.children[0]) == "file"):
            return None
        args_node = next((c for c in tpl.children if hcl.is_tree(c) and c.data == "arguments"), None)
        args = [ev.value(a) for a in (hcl.kids(args_node) if args_node is not None else [])]
        variables = ev.value(nodes["vars"]) if "vars" in nodes else {}
        if not args or not isinstance(args[0], str) or not isinstance(variables, dict):
            return None
        return ev._rendered([args[0], variables])

    # -- functions ---------------------------------------------------------

    def _call(self, node, path, rec):
        fname = hcl.name(node.children[0])
        args_node = next((c for c in node.children if hcl.is_tree(c) and c.data == "arguments"), None)
        arg_nodes = hcl.kids(args_node) if args_node is not None else []
        if fname == "jsonencode" and len(arg_nodes) == 1:
            v = self.value(arg_nodes[0], path, rec)  # the value; policy readers take dicts
            return JsonString(v) if isinstance(v, str) else v
        if fname == "concat" and arg_nodes:
            return self._concat(node, arg_nodes, path, rec)
        if fname == "merge" and arg_nodes:
            return self._merge(node, arg_nodes, path, rec)
        if fname in ("jsondecode", "yamldecode") and len(arg_nodes) == 1:
            got = self._decoded_file(fname, arg_nodes[0])
            if got is not None:
                if rec is not None:
                    rec.spans.update({path + p: sp for p, sp in got[1].items()})
                return got[0]
        args = [self.value(a) for a in arg_nodes]
        if fname == "coalescelist":
            i = _coalescelist_index(args)
            if i is None:
                return unknown(self.source(node))
            # read again where it is written: a module's argument keeps its line
            return args[i] if rec is None else self.value(arg_nodes[i], path, rec)
        if fname in _FUNCS_IDENTITY and len(args) == 1:
            return args[0]
        if fname in _FUNCS_STRING and len(args) == _FUNCS_STRING[fname][0] \
                and all(isinstance(a, str) for a in args):
            return _FUNCS_STRING[fname][1](*args)
        if fname in ("format", "formatlist") and args:
            v = (_format if fname == "format" else _formatlist)(args[0], args[1:])
            if v is not None:
                return v
        if fname == "jsondecode" and len(args) == 1 and isinstance(args[0], str):
            try:
                return json_value(args[0])
            except ValueError:
                pass
        if fname == "length" and len(args) == 1 and (isinstance(args[0], dict) or (
                isinstance(args[0], list)
                and not any(isinstance(x, Template) for x in args[0]))):
            # `count = length(local.services)`: a list with an unknown element
            # (concat() adds one per unknown list) may be longer or shorter
            return len(args[0])
        if fname == "flatten" and len(args) == 1 and isinstance(args[0], list):
            return _flatten(args[0])
        if fname in _FUNCS_COLLECTION:
            v = _FUNCS_COLLECTION[fname](args)
            if v is not None:
                return v
        if fname == "join" and len(args) == 2 and isinstance(args[0], str) \
                and isinstance(args[1], list):
            parts = []
            for i, x in enumerate(args[1]):
                if i:
                    parts.append(args[0])
                parts.extend(x.parts if isinstance(x, Template) else [str(x)])
            return make_template(parts)
        if fname in ("file", "templatefile") and args and isinstance(args[0], str):
            if self.linted_on_its_own(args[0], fname):
                # a folder walk lints that file itself: reading it here too would
                # report each of its findings twice
                full = self.inside(args[0])
                if full is not None and path is not None:
                    self.own_files[tuple(path)] = full
                return unknown(f"{fname}({os.path.basename(args[0])})")
            if fname == "file":
                text = self.read_file(args[0])
                return unknown(f"file({args[0]})") if text is None else text
            rendered = self._rendered(args)
            if rendered is None:
                return unknown(f"templatefile({args[0]})")
            return _segments_value(rendered[2])
        return unknown(self.source(node))

    def _decoded_file(self, fname, node):
        """(value, where each value inside it is written) of `jsondecode` or
        `yamldecode` (`fname`) of `file(PATH)`: a data file inside the
        repository (one YAML document) that the folder walk does not lint as a
        document of its own (a service catalogue); None otherwise."""
        un = hcl.unwrap(node)
        if not (hcl.is_tree(un) and un.data == "function_call" and hcl.name(un.children[0]) == "file"):
            return None
        args_node = next((c for c in un.children if hcl.is_tree(c) and c.data == "arguments"), None)
        args = [self.value(a) for a in (hcl.kids(args_node) if args_node is not None else [])]
        if len(args) != 1 or not isinstance(args[0], str):
            return None
        text = self.read_file(args[0])
        try:
            loaded = load_text(text, "json" if fname == "jsondecode" else "yaml") \
                if text is not None else []
        except LoadError:
            return None
        if len(loaded) != 1:
            return None
        from .kinds import detect

        data = loaded[0].data
        if args[0].lower().endswith(LINTED_ON_THEIR_OWN) and detect(data):
            return None  # its findings are its own file's
        return data, _in_file(_data_spans(data, loaded[0].locate), self.inside(args[0]))

    def _rendered(self, args):
        """(path, text, segments with offsets in that text) of the template
        `templatefile(PATH, VARS)` renders; None when it is not read (outside
        the repository, not text, `%{ }` directives)."""
        full, text = self.inside(args[0]), self.read_file(args[0])
        if full is None or text is None:
            return None
        variables = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
        segs = self.template_segments(text, list(range(len(text))), variables, path=full)
        return None if segs is None else (full, text, segs)

    def _concat(self, node, arg_nodes, path, rec):
        """concat(): the known lists' elements (with their positions), and one
        unknown element for each list that is not known (a conditional, a
        variable without default): those add elements, they never drop any."""
        out: List[Any] = []
        for i, a in enumerate(arg_nodes):
            tmp = path + (f"\0concat{i}",)
            v = self.value(a, tmp, rec)
            if isinstance(v, list):
                if rec is not None:
                    _move_positions(rec, tmp, path, len(out))
                out.extend(v)
            elif isinstance(v, Template):
                out.append(unknown(self.source(a)))
            else:
                return unknown(self.source(node))
        return out

    def _merge(self, node, arg_nodes, path, rec):
        """merge() of known maps, a later map's keys over an earlier's, each
        entry at the position where it is written; unknown when a map is not known."""
        out: Dict[str, Any] = {}
        for i, a in enumerate(arg_nodes):
            tmp = path + (f"\0merge{i}",)
            v = self.value(a, tmp, rec)
            if not isinstance(v, dict):
                return unknown(self.source(node))
            if rec is not None:
                _move_positions(rec, tmp, path, 0)
            out.update(v)
        return out

    def template_of(self, node):
        """(file as shown, its text, its segments with offsets in it) of a
        `templatefile(PATH, VARS)` call whose template is read here (not one
        linted on its own, nor one with `%{ }` directives); None otherwise."""
        if hcl.name(node.children[0]) != "templatefile":
            return None
        args_node = next((c for c in node.children if hcl.is_tree(c) and c.data == "arguments"),
                         None)
        args = [self.value(a) for a in (hcl.kids(args_node) if args_node is not None else [])]
        if not args or not isinstance(args[0], str) \
                or self.linted_on_its_own(args[0], "templatefile"):
            return None
        rendered = self._rendered(args)
        if rendered is None:
            return None
        from .runner import display_path

        return (display_path(rendered[0]),) + rendered[1:]

    def template_file_of(self, node):
        """`template_of` for `data.template_file.X.rendered`."""
        steps = hcl.ref_steps(node)
        if not steps or len(steps) != 4 or steps[:2] != ["data", "template_file"] \
                or steps[3] != "rendered" or not isinstance(steps[2], str):
            return None
        hit = self.mod.blocks.get(f"data.template_file.{steps[2]}")
        if hit is None:
            return None
        rendered = self._template_file(hit[2], hit[3])
        if rendered is None:
            return None
        from .runner import display_path

        return (display_path(rendered[0]),) + rendered[1:]

    def inside(self, name: str) -> Optional[str]:
        """The path of a file an expression names (relative to the module's
        folder); None when it is outside the repository."""
        full = name if os.path.isabs(name) else os.path.join(self.mod.folder, name)
        root = os.path.realpath(self.mod.root or self.mod.folder)
        if os.path.commonpath([root, os.path.realpath(full)]) != root:
            return None
        return full

    def linted_on_its_own(self, name: str, fname: str) -> bool:
        """Does the folder walk lint file `name` as a document of its own? A
        `.json`/`.yaml` file, unless it is a `templatefile()` template that is
        no such document until rendered (`"memory": ${memory},`): the walk
        only finds it broken, and its findings are the template's."""
        if not name.lower().endswith(LINTED_ON_THEIR_OWN):
            return False
        if fname != "templatefile":
            return True
        text = self.read_file(name)
        if text is None:
            return True
        try:
            load_text(text, syntax_for(name, text))
        except LoadError:
            return False
        return True

    def read_file(self, name: str) -> Optional[str]:
        """A file an expression reads; None when it is outside the repository."""
        full = self.inside(name)
        return None if full is None else _read(self.mod, full, MAX_READ)


MAX_WALKED = 1_000  # nodes of one expression looked at by `_one_variable`


def _one_variable(node):
    """The reference to the one variable expression `node` reads (`var.on` of
    `var.on ? [1] : []`, of `var.x == null ? [] : [var.x]`), when it reads
    nothing else (no local, resource, iterator, `for`, heredoc); None otherwise."""
    found, names, todo = None, set(), [node]
    for _ in range(MAX_WALKED):
        if not todo:
            break
        n = todo.pop()
        if not hcl.is_tree(n):
            continue
        steps = hcl.ref_steps(n) if n.data in (
            "identifier", "get_attr_expr_term", "index_expr_term") else None
        if steps is not None:
            if len(steps) < 2 or steps[0] != "var" or not isinstance(steps[1], str):
                return None
            names.add(steps[1])
            found = found if found is not None else n
            todo.extend(s for s in steps[2:] if hcl.is_tree(s))  # `var.x[var.i]`
        elif n.data in ("for_tuple_expr", "for_object_expr", "heredoc_template",
                        "heredoc_template_trim"):
            return None
        elif n.data == "function_call":  # its arguments, not its name
            todo.extend(c for c in n.children[1:] if hcl.is_tree(c))
        elif n.data == "object_elem":  # its value, not its key
            todo.append(n.children[-1])
        else:
            todo.extend(hcl.kids(n))
    else:
        return None
    return found if len(names) == 1 else None


def _has_wildcard(value) -> bool:
    """Does a string (the known text of a Template) hold a `*` or `?`?"""
    parts = value.parts if isinstance(value, Template) else [value]
    return any(isinstance(p, str) and re.search(r"[*?]", p) for p in parts)


def _shown(value) -> str:
    """A known value as Terraform writes it (`false`, `[]`, `"off"`), cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return "set"
    return text if len(text) <= 40 else text[:37] + "..."


def _written_elsewhere(rec: Positions) -> Dict[tuple, Span]:
    """The positions `rec` holds that are in another file than the one being
    read (a tfvars line, a module call's argument)."""
    return {p: sp for p, sp in rec.spans.items() if sp is not None and sp.file}


def _move_positions(rec: Positions, old: tuple, new: tuple, shift: int):
    """Positions recorded under `old` + (j, ...) move to `new` + (shift + j, ...)
    (a map's `old` + (key, ...) to `new` + (key, ...))."""
    n = len(old)
    for table in (rec.spans, rec.keys, rec.nodes, rec.inner):
        for k in [k for k in table if k[:n] == old]:
            v = table.pop(k)
            if len(k) > n and isinstance(k[n], int):
                table[new + (k[n] + shift,) + k[n + 1:]] = v
            elif len(k) > n and isinstance(k[n], str):
                table[new + k[n:]] = v


_FOR = re.compile(r"for\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\s+(.+)", re.S)


def _directive_tree(pieces):
    """Template pieces (`hcl.split_template`) as a tree of ("lit"/"expr", ...),
    ("if", condition, then, else, offset) and ("for", key, value, collection,
    body, offset);
    None when the directives do not nest (an `endif` missing...)."""
    out, stack = [], []  # stack: (node being filled, which list, the list around it)
    current = out
    for kind, src, off in pieces:
        if kind != "directive":
            current.append((kind, src, off))
            continue
        word = src.split(None, 1)[0] if src else ""
        if word == "if":
            node = ("if", src[2:].strip(), [], [], off)
            current.append(node)
            stack.append((node, current))
            current = node[2]
        elif word == "else" and stack and stack[-1][0][0] == "if" \
                and current is stack[-1][0][2]:
            current = stack[-1][0][3]
        elif word == "for":
            m = _FOR.fullmatch(src)
            if not m:
                return None
            key, value = (m.group(1), m.group(2)) if m.group(2) else (None, m.group(1))
            node = ("for", key, value, m.group(3).strip(), [], off)
            current.append(node)
            stack.append((node, current))
            current = node[4]
        elif word in ("endif", "endfor") and stack and stack[-1][0][0] == word[3:]:
            current = stack.pop()[1]
        else:
            return None
    return None if stack else out


def _stepped(value, step) -> tuple:
    """(True, the element) of a known map's key or a known list's index;
    (False, None) when there is none."""
    if isinstance(value, dict) and isinstance(step, str) and step in value:
        return True, value[step]
    if isinstance(value, list) and isinstance(step, int) and not isinstance(step, bool) \
            and 0 <= step < len(value):
        return True, value[step]
    return False, None


_SEPARATOR = re.compile(r"\s*,?\s*")
MAX_SEPARATOR_CHECK = 1_000_000  # characters parsed to check where unknown commas go


def _separator_only(nodes) -> bool:
    """Are directive-tree nodes plain text: white space and at most one comma?"""
    return all(n[0] == "lit" for n in nodes) \
        and _SEPARATOR.fullmatch("".join(n[1] for n in nodes)) is not None


def _has_comma(nodes) -> bool:
    return any("," in n[1] for n in nodes)


def _json_edge(seg, last: bool) -> Optional[str]:
    """The first (`last`: the last) character not white space that a segment
    writes: "" for none, "v" for a value a hole splices whole, None for a
    hole not known."""
    if seg[0] == "lit" or (seg[0] == "hole" and isinstance(seg[1], str)
                           and not isinstance(seg[1], JsonString)):
        text = seg[1].strip()
        return (text[-1] if last else text[0]) if text else ""
    if seg[0] == "hole" and not isinstance(seg[1], Template):
        return "v"
    return None


def _separators_placed(segs) -> tuple:
    """(segments, None) with each ("separator", ...) of `_render` replaced by
    the branch strict JSON needs there: a comma between two values, none
    after `[`, `{`, `,`, `:` or the start, nor before `]`, `}`, `,`, `:` or
    the end. Terraform rendered that one, as ECS and IAM take only valid JSON.
    Kept only when the text is then JSON and is not with any one separator
    the other way (a comma inside a string is content, not a separator);
    otherwise (None, (directive, offset)) of the first separator."""
    at = [i for i, seg in enumerate(segs) if seg[0] == "separator"]
    failed = (segs[at[0]][1], segs[at[0]][4])
    size = sum(len(seg[1]) for seg in segs if seg[0] == "lit")
    if len(at) * max(size, 1) > MAX_SEPARATOR_CHECK:
        return None, failed
    chosen: Dict[int, bool] = {}  # separator index -> comma written
    for i in at:
        before = after = ""
        for j in range(i - 1, -1, -1):
            if segs[j][0] == "separator":
                if chosen[j]:
                    before = ","
                    break
                continue
            before = _json_edge(segs[j], last=True)
            if before != "":
                break
        for j in range(i + 1, len(segs)):
            after = _json_edge(segs[j], last=False) if segs[j][0] != "separator" else ""
            if after != "":
                break
        if before is None or after is None:
            return None, failed
        comma = before not in ("", "[", "{", ",", ":") and after not in ("", "]", "}", ",", ":")
        branches = [b for b in segs[i][2:4] if _has_comma(b) == comma]
        if not branches:
            return None, failed
        chosen[i] = comma

    def rendered(flipped=None):
        out = []
        for i, seg in enumerate(segs):
            if seg[0] != "separator":
                out.append(seg)
                continue
            comma = chosen[i] != (i == flipped)
            then, otherwise = seg[2], seg[3]
            out.extend(then if _has_comma(then) == comma else otherwise)
        return out

    if json_with_holes(rendered()) is None:
        return None, failed
    for i in at:
        if _has_comma(segs[i][2]) != _has_comma(segs[i][3]) \
                and json_with_holes(rendered(flipped=i)) is not None:
            return None, failed
    return rendered(), None


def _truth(value):
    """An `%{ if }` condition's value as a bool; None when not known."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    return None


def _segments_value(segs):
    """The string (or Template) a template's segments make."""
    parts = []
    for s in segs:
        v = s[1]
        if s[0] == "lit":
            parts.append(v)
        elif isinstance(v, Template):
            parts.extend(v.parts)
        elif isinstance(v, bool):
            parts.append("true" if v else "false")
        elif isinstance(v, (str, int, float)):
            parts.append(str(v))
        else:
            parts.append(Unknown("expression"))
    return make_template(parts)


# ---------------------------------------------------------------------------
# .tf files -> resources


def _is_key(key) -> bool:
    return isinstance(key, (str, int)) and not isinstance(key, bool)


def instance_address(address: str, key) -> str:
    """`aws_iam_role.r["k"]`, `aws_iam_role.r[0]`, as Terraform writes them."""
    return f"{address}[{json.dumps(key, ensure_ascii=False)}]"


def instances(mod: Module, address: str) -> Optional[dict]:
    """Instance key -> the names it binds (`each` or `count`), for a resource or
    data source with a `for_each` or `count` whose value is known (1 to
    MAX_INSTANCES instances); None otherwise: the block is read once, as one."""
    if address in mod.instances:
        return mod.instances[address]
    hit = mod.blocks.get(address)
    busy = ("instances", address)
    if hit is None or hit[5] not in ("resource", "data") or busy in mod.busy:
        return None
    mod.busy.add(busy)
    try:
        out = _bindings(mod, hit[3], hit[2])
    finally:
        mod.busy.discard(busy)
    mod.instances[address] = out
    return out


def _bindings(mod: Module, f: TfFile, body) -> Optional[dict]:
    """Instance key -> names bound, for a block's known `for_each`/`count` (see `instances`)."""
    args = {hcl.name(a.children[0]): a.children[-1] for a in hcl.kids(body) if a.data == "attribute"}
    if "for_each" in args:
        coll = _chained_instances(mod, f, args["for_each"])
        if coll is None:
            coll = Evaluator(mod, f).value(args["for_each"])
        if isinstance(coll, list) and all(isinstance(x, str) for x in coll):
            coll = {x: x for x in coll}  # a set of strings: each.key is each.value
        if isinstance(coll, dict) and 0 < len(coll) <= MAX_INSTANCES:
            return {k: {"each": {"key": k, "value": v}} for k, v in coll.items()}
    elif "count" in args:
        n = Evaluator(mod, f).value(args["count"])
        if _is_key(n) and isinstance(n, int) and 0 < n <= MAX_INSTANCES:
            return {i: {"count": {"index": i}} for i in range(n)}
    return None


_INSTANCE_ATTRIBUTES = ("id", "name", "arn")


def _chained_instances(mod: Module, f, node) -> Optional[dict]:
    """`for_each = aws_iam_role.deploy`: one instance per instance of that
    resource (when known), `each.value` its attributes known before apply
    (`each.value.id`, `.name`, `.arn`); None for any other expression."""
    steps = hcl.ref_steps(node)
    if not steps or len(steps) != 2 or not all(isinstance(x, str) for x in steps) \
            or steps[0] in ("var", "local", "data", "module", "path", "each", "count"):
        return None
    target = f"{steps[0]}.{steps[1]}"
    known = instances(mod, target)
    if not known:
        return None
    ev = Evaluator(mod, f)
    out = {}
    for key in known:
        attrs = {a: ev.attribute(target, a, key) for a in _INSTANCE_ATTRIBUTES}
        out[key] = {a: v for a, v in attrs.items() if v is not None}
    return out


def _for_each_element(mod: Module, address: str, key):
    """The expression of instance `key` in the block's `for_each` written as an
    object, itself or through locals (`for_each = { ecr = aws_iam_policy.ecr.arn }`:
    `aws_iam_policy.ecr.arn` for "ecr"); None otherwise."""
    hit = mod.blocks.get(address)
    if hit is None:
        return None
    node = next((a.children[-1] for a in hcl.kids(hit[2])
                 if a.data == "attribute" and hcl.name(a.children[0]) == "for_each"), None)
    f = hit[3]
    for _ in range(16):  # `for_each = local.policies`: that local's expression
        steps = hcl.ref_steps(node)
        if not (steps and len(steps) == 2 and steps[0] == "local"
                and steps[1] in mod.local_nodes):
            break
        node, f = mod.local_nodes[steps[1]]
    node = hcl.unwrap(node)
    if not hcl.is_tree(node) or node.data != "object":
        return None
    ev = Evaluator(mod, f)
    return next((e.children[-1] for e in hcl.kids(node)
                 if e.data == "object_elem" and ev._key(e.children[0]) == key), None)


def tf_resources(mod: Module, address: str) -> List[Resource]:
    """The resources of a block: one per instance when its instances are known,
    none when it has none (`count = 0`, `for_each` of an empty collection)."""
    hit = mod.blocks.get(address)
    if hit is not None and hit[5] in ("resource", "data") and _creates_nothing(mod, hit[3], hit[2]):
        return []
    known = instances(mod, address)
    found = [tf_resource(mod, address, k) for k in known] if known else [
        tf_resource(mod, address)]
    return [r for r in found if r is not None]


def tf_resource(mod: Module, address: str, key=None) -> Optional[Resource]:
    """The block at `address`, or its instance `key` (`each`/`count` bound)."""
    at = address if key is None else instance_address(address, key)
    if at in mod.resources:
        return mod.resources[at]
    hit = mod.blocks.get(address)
    if hit is None:
        return None
    rtype, name, body, f, node, mode = hit
    # a module call's arguments (a registry module's inputs) from tfvars are
    # there; so is a wildcard the module's own tfvars write (a root module's)
    given = {**mod.tfvars_at, **mod.given_at} if mode == "module" \
        else {**_wildcards_written(mod), **mod.given_at}
    given.update(_each_written(mod, f, body, key, given))
    ev = Evaluator(mod, f, None if key is None else instances(mod, address)[key], given)
    rec = Positions(hcl.span(node) or UNKNOWN_SPAN)
    if hcl.span(node.children[0]) is not None:
        rec.keys[()] = hcl.span(node.children[0])
    values = ev.body(body, (), rec)

    def policy_at(path):
        return _tf_policy(ev, rec, values, path, f)

    def ref_at(path):
        expr = rec.nodes.get(tuple(path))
        if key is not None and expr is not None and hcl.ref_steps(expr) == ["each", "value"]:
            expr = _for_each_element(mod, address, key)  # `policy_arn = each.value`
        steps = hcl.ref_steps(expr) if expr is not None else None
        if steps and len(steps) >= 3 and isinstance(steps[0], str) and isinstance(steps[1], str) \
                and steps[0] not in ("var", "local", "data", "module", "path", "each", "count"):
            target = f"{steps[0]}.{steps[1]}"
            index = ev.value(steps[2]) if hcl.is_tree(steps[2]) else steps[2]
            if _is_key(index) and index in (instances(mod, target) or {}):
                return instance_address(target, index)  # `aws_iam_role.r[each.key].name`
            return target
        return None

    res = Resource(rtype, name, at, values, rec.locate, policy_at, mode, f.path, ref_at,
                   lambda path: ev.own_files.get(tuple(path)), dict(rec.made_none))
    mod.resources[at] = res
    return res


def _tf_policy(ev: Evaluator, rec: Positions, values, path, f: TfFile):
    """(data, locate) of the policy at `path`, ("ref", data source) or None."""
    path = tuple(path)
    value = value_at(values, path)
    attr_span = rec.locate(path)
    if isinstance(value, (dict, list)):
        return value, (lambda p=(), key=False: rec.locate(path + tuple(p), key))
    if _document_named(value):
        return ("ref", _document_named(value))
    node = rec.nodes.get(path)
    un = hcl.unwrap(node) if node is not None else None
    segs = None
    placed: Dict[int, dict] = {}  # hole offset -> where its value is written elsewhere
    template = ev.template_of(un) if hcl.is_tree(un) and un.data == "function_call" \
        else ev.template_file_of(un) if hcl.is_tree(un) else None
    if template is not None:  # positions in the template file
        shown, text, segs = template
    elif hcl.is_tree(un) and un.data in ("string", "heredoc_template", "heredoc_template_trim"):
        segs = ev.segments(un, placed)
    elif isinstance(value, str):
        segs = [("lit", value, [None] * len(value))]
    elif isinstance(value, Template):
        segs = [("lit", p, [None] * len(p)) if isinstance(p, str) else ("hole", unknown(p.name), None)
                for p in value.parts]
    if not segs:
        return None
    parsed = json_with_holes(segs)
    if parsed is None:
        return None
    data, json_text, offs = parsed
    if template is not None:
        inner = json_locator(json_text, offs, LineIndex(text), attr_span)

        def locate(p=(), key=False):
            return dataclasses.replace(inner(p, key), file=shown)
    else:
        locate = json_locator(json_text, offs, f.index or LineIndex(f.text), attr_span)
        if any(placed.values()):
            locate = _holes_placed(locate, placed, data, json_text, offs)
    rec.inner[path] = locate
    return data, locate


def _holes_placed(locate, placed: dict, data, text: str, offs: list):
    """`locate` of JSON text written with holes (`_tf_policy`), where what a
    hole holds is written in another file (`${jsonencode(var.subjects)}` of a
    var file's list) at its lines there; `placed`: `segments`' holes."""
    first: Dict[int, int] = {}  # a hole's offset in the file -> its first char in `text`
    for i, o in enumerate(offs):
        if o is not None and placed.get(o):
            first.setdefault(o, i)
    # the JSON value a hole's text starts: (offsets as lines: `base` keeps them)
    starts = _data_spans(data, JsonLocator(text, base=lambda off: (off, 0)).locate)
    hole_at: Dict[int, tuple] = {}
    for p, sp in sorted(starts.items(), key=lambda kv: len(kv[0])):
        hole_at.setdefault(sp.line, p)  # (the outermost value starting there)
    moved = Positions(None)
    for o, i in first.items():
        if i in hole_at:
            moved.spans.update({hole_at[i] + p: sp for p, sp in placed[o].items()})

    def located(path=(), key=False):
        return moved.locate(path) or locate(path, key)
    return located


def extract(file: str, text: str, root: Optional[str] = None,
            notes: Optional[List[str]] = None) -> List[Document]:
    """Documents of one .tf file (its module's other files give the context;
    `file()` reads only inside `root`, None: the file's folder); `notes` gets
    what the module's reading did not understand (--verbose)."""
    mod, this = load_module(file, text, root)
    docs = []
    calls = (called(mod, root) or deployed(mod, root)) if os.path.isfile(file) else None
    for m in calls or [mod]:  # a local module: once per call; a root module: per run
        resources = []
        for address, hit in m.blocks.items():
            if hit[3] is this or m is not mod and hit[3].path == this.path:
                resources.extend(tf_resources(m, address))
        module_resources = [r for a in m.blocks for r in tf_resources(m, a)]
        template_ctx = {"format": "terraform",
                        "module": m.folder + (f" ({m.call})" if m.call else ""),
                        "resources": {a: h[0] for a, h in m.blocks.items()}}
        if m.call_at:  # findings in the module's files name the call
            template_ctx["call"] = [m.call.split(" ")[0], *m.call_at]
        elif m.call:  # a workflow's terraform run: its own roles
            template_ctx["call"] = [m.call]
        docs.extend(documents(resources, module_resources, file, text, template_ctx,
                              m.caller_sids, _passed_links(m)))
        if notes is not None:
            notes.extend(n for n in m.notes if n not in notes)
    return docs


# ---------------------------------------------------------------------------
# plan JSON -> resources


def _json_string_at(text: str, start: int):
    """The decoded JSON string literal at `start` and each char's offset."""
    if start >= len(text) or text[start] != '"':
        return None
    out, offs = [], []
    i = start + 1
    esc = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}
    while i < len(text):
        c = text[i]
        if c == '"':
            return "".join(out), offs
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n in esc:
                out.append(esc[n])
                offs.append(i)
                i += 2
                continue
            if n == "u":
                try:
                    cp = int(text[i + 2:i + 6], 16)
                except ValueError:
                    return None
                width = 6
                if 0xD800 <= cp < 0xDC00 and text[i + 6:i + 8] == "\\u":
                    try:
                        low = int(text[i + 8:i + 12], 16)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                        width = 12
                    except ValueError:
                        pass
                out.append(chr(cp))
                offs.append(i)
                i += width
                continue
        out.append(c)
        offs.append(i)
        i += 1
    return None


MAX_UNKNOWN_DEPTH = 32  # nesting of after_unknown read; deeper is left out


def _with_unknowns(values, after_unknown, name: str, depth: int = 0):
    """A plan resource's `values` with what `after_unknown` marks as known only
    after apply (Terraform leaves those out of planned_values and `after`) put
    back as unknown values: set, not missing."""
    if after_unknown is True and values is None:
        return unknown(f"{name} (known after apply)")
    if depth > MAX_UNKNOWN_DEPTH:
        return values
    if isinstance(values, dict) and isinstance(after_unknown, dict):
        out = dict(values)
        for k, u in after_unknown.items():
            if isinstance(k, str) and (u is True or k in out):
                out[k] = _with_unknowns(out.get(k), u, f"{name}.{k}", depth + 1)
        return out
    if isinstance(values, list) and isinstance(after_unknown, list):
        return [_with_unknowns(v, after_unknown[i], f"{name}[{i}]", depth + 1)
                if i < len(after_unknown) else v for i, v in enumerate(values)]
    return values


def _plan_resources(data, locate, text) -> List[Resource]:
    index = LineIndex(text)
    starts = None

    def offset_of(span: Span):
        nonlocal starts
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
        if span.line - 1 >= len(starts):
            return None
        return starts[span.line - 1] + span.column - 1

    out: List[Resource] = []
    # address -> the change's after_unknown: what planned_values leaves out
    unknowns_of = {}
    for rc in data.get("resource_changes") if isinstance(data.get("resource_changes"),
                                                         list) else []:
        change = rc.get("change") if isinstance(rc, dict) else None
        if isinstance(change, dict) and isinstance(rc.get("address"), str):
            unknowns_of[rc["address"]] = change.get("after_unknown")

    def add(res, vpath):
        if not isinstance(res, dict) or not isinstance(res.get("values"), dict):
            return
        rtype, name = res.get("type"), res.get("name")
        if not isinstance(rtype, str) or not isinstance(name, str):
            return
        address = res.get("address") if isinstance(res.get("address"), str) else f"{rtype}.{name}"
        values = _with_unknowns(res["values"], unknowns_of.get(address), address)
        vpath = tuple(vpath)

        def vlocate(p=(), key=False, _v=vpath):
            return locate(_v + tuple(p), key)

        def policy_at(p, _v=vpath, _values=values):
            value = value_at(_values, p)
            if isinstance(value, (dict, list)):
                return value, (lambda q=(), key=False: locate(_v + tuple(p) + tuple(q), key))
            if not isinstance(value, str):
                return None
            try:
                parsed = json_value(value)
            except ValueError:
                return None
            span = locate(_v + tuple(p))
            start = offset_of(span)
            lit = _json_string_at(text, start) if start is not None else None
            if lit is None or lit[0] != value:
                return parsed, (lambda q=(), key=False: span)
            return parsed, json_locator(lit[0], lit[1], index, span)

        out.append(Resource(rtype, name, address, values, vlocate, policy_at,
                            res.get("mode") if isinstance(res.get("mode"), str) else "managed"))

    def walk(module, mpath):
        if not isinstance(module, dict):
            return
        for i, res in enumerate(module.get("resources") or [] if isinstance(
                module.get("resources"), list) else []):
            add(res, mpath + ("resources", i, "values"))
        kids = module.get("child_modules")
        if isinstance(kids, list):
            for i, child in enumerate(kids):
                walk(child, mpath + ("child_modules", i))

    pv = data.get("planned_values")
    if isinstance(pv, dict) and isinstance(pv.get("root_module"), dict):
        walk(pv["root_module"], ("planned_values", "root_module"))
    elif isinstance(data.get("values"), dict) and isinstance(data["values"].get("root_module"), dict):
        walk(data["values"]["root_module"], ("values", "root_module"))
    elif isinstance(data.get("resource_changes"), list):
        for i, rc in enumerate(data["resource_changes"]):
            if isinstance(rc, dict) and isinstance(rc.get("change"), dict) \
                    and isinstance(rc["change"].get("after"), dict):
                add({**rc, "values": rc["change"]["after"]},
                    ("resource_changes", i, "change", "after"))
    return [r for r in out if r.mode != "data"]


def extract_plan(file, data, locate, text) -> List[Document]:
    resources = _plan_resources(data, locate, text)
    template_ctx = {"format": "terraform-plan",
                    "resources": {r.address: r.type for r in resources}}
    return documents(resources, resources, file, text, template_ctx)


# ---------------------------------------------------------------------------
# resources -> documents of the common model


def _links(everything: List[Resource], passed=None) -> tuple:
    """How a module's resources tie policies to roles: (roles_of_policy: policy
    address -> role refs, users_of_doc: data source address -> [(role, kind)]
    or [(user, kind, role refs)], unread_of, boundary_of, boundary_arn);
    `passed`: `_passed_links` of the module, added."""
    roles_of_policy: Dict[str, list] = {}  # policy address -> role refs
    users_of_doc: Dict[str, list] = {}  # data source address -> [(role, kind)]
    # role ref -> attached policies that are not in the module (AWS managed,
    # from a variable...): the role's permissions hold statements not read
    unread_of: Dict[Any, list] = {}

    policies = [p for p in everything if p.type == "aws_iam_policy"]
    addresses = {p.address for p in policies}
    # permissions boundaries: policy address -> the roles it bounds; role -> the
    # ARN of a boundary that is not a policy of the module
    boundary_of: Dict[str, list] = {}
    boundary_arn: Dict[str, str] = {}

    def attach(path, role_refs, r):
        pol = _policy_address(r, path, policies)
        # a module is one resource even with for_each: `aws_iam_policy.x[each.key].arn`
        # in it names no single policy read, so it counts as not read
        if pol in addresses or (pol and r.type != "module"):
            roles_of_policy.setdefault(pol, []).extend(role_refs)
        else:
            arn = value_at(r.values, path)
            for ref in role_refs:
                if isinstance(ref, (str, Template)):
                    unread_of.setdefault(str(ref), []).append(str(arn))

    for r in everything:
        v = r.values
        if r.type == "aws_iam_role_policy_attachment":
            attach(("policy_arn",), [r.role_at(("role",))], r)
        elif r.type == "aws_iam_policy_attachment" and isinstance(v.get("roles"), list):
            attach(("policy_arn",), [r.role_at(("roles", i)) for i in range(len(v["roles"]))],
                   r)
        elif r.type == "aws_iam_role_policy_attachments_exclusive" \
                and isinstance(v.get("policy_arns"), list):
            for i in range(len(v["policy_arns"])):
                attach(("policy_arns", i), [r.role_at(("role_name",))], r)
        elif r.type == "aws_iam_role":
            for i in range(len(_blocks(v.get("managed_policy_arns")))):
                attach(("managed_policy_arns", i), [r.address], r)
            if v.get("permissions_boundary") is not None:
                pol = _policy_address(r, ("permissions_boundary",), policies)
                if pol in addresses:
                    boundary_of.setdefault(pol, []).append(r.address)
                else:
                    boundary_arn[r.address] = str(v["permissions_boundary"])
            hit = r.policy_at(("assume_role_policy",))
            if isinstance(hit, tuple) and hit and hit[0] == "ref":
                users_of_doc.setdefault(hit[1], []).append((r, "trust-policy"))
            for i, _ in enumerate(_blocks(v.get("inline_policy"))):
                hit = r.policy_at(("inline_policy", i, "policy"))
                if isinstance(hit, tuple) and hit and hit[0] == "ref":
                    users_of_doc.setdefault(hit[1], []).append((r, "permissions-policy"))
        elif r.type in ("aws_iam_role_policy", "aws_iam_policy"):
            hit = r.policy_at(("policy",))
            if isinstance(hit, tuple) and hit and hit[0] == "ref":
                roles = [r.role_at(("role",))] if r.type == "aws_iam_role_policy" else None
                users_of_doc.setdefault(hit[1], []).append((r, "permissions-policy", roles))
        elif r.type == "module" and _is_philips_oidc_module(v):
            if isinstance(v.get("role_policy_arns"), list):
                for i in range(len(v["role_policy_arns"])):
                    attach(("role_policy_arns", i), [r.address], r)
            elif v.get("role_policy_arns") is not None:
                unread_of.setdefault(r.address, []).append(str(v["role_policy_arns"]))
        elif r.type == "module" and _is_unfunco_oidc_module(v):
            # ReadOnlyAccess (default on), AdministratorAccess, the ARNs it is given
            attached = list(v.get("iam_role_policy_arns") or []) \
                if isinstance(v.get("iam_role_policy_arns"), list) else ["iam_role_policy_arns"]
            attached += ["arn:aws:iam::aws:policy/ReadOnlyAccess"] \
                if v.get("attach_read_only_policy", True) is not False else []
            attached += ["arn:aws:iam::aws:policy/AdministratorAccess"] \
                if v.get("attach_admin_policy") else []
            unread_of.setdefault(r.address, []).extend(str(a) for a in attached)
        elif r.type == "module" and _is_github_oidc_role_module(v):
            # the module attaches each ARN of its `policies` map to its role
            if isinstance(v.get("policies"), dict):
                for k in v["policies"]:
                    attach(("policies", k), [r.address], r)
            elif v.get("policies") is not None:
                unread_of.setdefault(r.address, []).append(str(v["policies"]))
    for doc, users in (passed[0] if passed else {}).items():
        users_of_doc.setdefault(doc, []).extend(users)
    for ref, arns in (passed[1] if passed else {}).items():
        have = unread_of.setdefault(ref, [])
        have.extend(a for a in arns if a not in have)
    boundary_arn.update(passed[2] if passed else {})
    return roles_of_policy, users_of_doc, unread_of, boundary_of, boundary_arn


def documents(resources: List[Resource], everything: List[Resource], file, text,
              template_ctx, caller_sids: Optional[Dict[str, frozenset]] = None,
              passed=None) -> List[Document]:
    """Documents for `resources`; `everything` (the whole module) links them;
    `caller_sids`: `Module.caller_sids`; `passed`: `_passed_links`."""
    docs: List[Document] = []
    roles_of_policy, users_of_doc, unread_of, boundary_of, boundary_arn = \
        _links(everything, passed)

    # a document whose source and override documents are all in its own file
    # and used by nothing else is read merged, as the provider merges it
    merged = _merged_documents(everything, users_of_doc)
    sids = {**(caller_sids or {}), **_statement_sids(everything)}
    # source_policy_documents: the provider merges those documents' statements
    # into this one, so whoever uses this document uses theirs too
    sources = {r.address: _source_documents(r.values, everything) for r in everything
               if r.type == "aws_iam_policy_document" and r.mode == "data"
               and r.address not in merged}
    changed = True
    while changed:
        changed = False
        for doc, refs in sources.items():
            for src in refs or []:
                if src == doc:
                    continue
                have = users_of_doc.setdefault(src, [])
                for u in users_of_doc.get(doc, []):
                    if not any(u is x for x in have):
                        have.append(u)
                        changed = True

    def unread(*refs):
        out = []
        for ref in refs:
            if isinstance(ref, Resource):
                ref = [ref.address, _role_name(ref.values)]
            for k in ref if isinstance(ref, list) else [ref]:
                if isinstance(k, (str, Template)):
                    out += [u for u in unread_of.get(str(k), []) if u not in out]
        return out

    def add(kind, data, locate, r: Resource, origins=None, **ctx):
        loc = view_locator(locate, data, (), origins) if origins is not None else locate
        loc = _wildcards_placed(loc, data)
        docs.append(Document(kind, data, file, loc, name=r.address, text=text,
                             context={"template": template_ctx, "resource": r.address, **ctx}))

    def policy_doc(kind, r, path, **ctx):
        hit = r.policy_at(path)
        if not hit or hit[0] == "ref":
            return
        data, locate = hit
        add(kind, data, locate, r, **ctx)

    for r in resources:
        v = r.values
        t = r.type
        if t == "aws_iam_role":
            ctx = {"role_name": _role_name(v), "role_ref": r.address,
                   "unread_policies": unread(r)}
            if r.address in boundary_arn:
                ctx["boundary"] = boundary_arn[r.address]
            policy_doc("trust-policy", r, ("assume_role_policy",), **ctx)
            for i, _ in enumerate(_blocks(v.get("inline_policy"))):
                policy_doc("permissions-policy", r, ("inline_policy", i, "policy"),
                           roles=[r.address], **ctx)
        elif t == "aws_iam_role_policy":
            roles = [r.role_at(("role",))]
            policy_doc("permissions-policy", r, ("policy",), roles=roles,
                       unread_policies=unread(roles, *_roles_named(roles, everything)))
        elif t == "aws_iam_policy":
            roles = roles_of_policy.get(r.address, [])
            policy_doc("permissions-policy", r, ("policy",), roles=roles,
                       unread_policies=unread(roles, *_roles_named(roles, everything)),
                       boundary_of=boundary_of.get(r.address, []))
        elif t == "aws_iam_policy_document" and r.mode == "data":
            if any(r.address in parts for parts in merged.values()):
                continue  # read where it is merged
            if r.address in merged:
                data, locate = _merged_view(r, merged, {x.address: x for x in everything})
                origins = None
            else:
                data, origins = policy_document_view(
                    v, sources_read=bool(sources.get(r.address)),
                    replaced=_overridden(v, sids))
                locate = r.locate
            users = users_of_doc.get(r.address, [])
            trust_users = [u for u in users if u[1] == "trust-policy"]
            if trust_users:
                role = trust_users[0][0]
                # a boundary given as an ARN: the roles' own, when they all share it
                # (linking gives the document's boundary to each of its roles)
                arns = {boundary_arn.get(u[0].address) for u in trust_users}
                ctx = {"boundary": arns.pop()} if len(arns) == 1 and None not in arns else {}
                # (several roles may share it: each is a role of its own, see `linking`)
                add("trust-policy", data, locate, r, origins, **ctx,
                    role_name=_role_name(role.values), role_ref=role.address,
                    role_names=[_role_name(u[0].values) for u in trust_users],
                    role_refs=[u[0].address for u in trust_users],
                    unread_policies=unread(*[u[0] for u in trust_users]))
            else:
                roles = [x for u in users for x in _user_roles(u, roles_of_policy)]
                bounded = [x for u in users if u[0].type == "aws_iam_policy"
                           for x in boundary_of.get(u[0].address, [])]
                from .kinds import policy_kind
                kind = policy_kind(data) if isinstance(data, dict) and "Statement" in data \
                    else "permissions-policy"
                if kind is None:
                    continue  # a resource policy (principals, no assume): an ECR repository's
                if users:
                    kind = "permissions-policy"
                add(kind, data, locate, r, origins, roles=roles,
                    unread_policies=unread(roles, *_roles_named(roles, everything)),
                    boundary_of=bounded)
        elif t == "module" and _is_github_oidc_role_module(v):
            data, origins = github_oidc_role_module_view(v)
            add("trust-policy", data, r.locate, r, origins, role_name=_role_name(v),
                role_ref=r.address, module=v.get("source"), unread_policies=unread(r))
        elif t == "module" and _is_philips_oidc_module(v):
            data, origins = philips_oidc_module_view(v)
            name = v.get("role_name")
            if name is None:  # the repository's name and a random suffix
                name = make_template([*_parts_of(v.get("repo")), "-", Unknown("random")])
            add("trust-policy", data, r.locate, r, origins, role_name=name, role_ref=r.address,
                module=v.get("source"), unread_policies=unread(r))
        elif t == "module" and _is_unfunco_oidc_module(v):
            data, origins = unfunco_oidc_module_view(v)
            add("trust-policy", data, r.locate, r, origins,
                role_name=v.get("iam_role_name", "github"), role_ref=r.address,
                module=v.get("source"), unread_policies=unread(r))
        elif t in ("aws_iam_openid_connect_provider",) and r.mode != "data":
            origins = Origins()
            view = {}
            for src, dst in (("url", "Url"), ("client_id_list", "ClientIDList"),
                             ("thumbprint_list", "ThumbprintList")):
                if src in v and v[src] is not None:
                    view[dst] = v[src]
                    origins.set(view, dst, (src,))
            add("oidc-provider", view, r.locate, r, origins, format="create")
        elif t in _API_VIEWS and r.mode != "data":
            # a data source looks an object up: its arguments are search keys,
            # not the object's settings
            kind, make = _API_VIEWS[t]
            origins = Origins()
            view = make(r, origins)
            shared = view.pop(_CONTAINERS_FILE, None) if isinstance(view, dict) else None
            ctx = {"containers_file": shared} if shared else {}
            if r.made_none:
                ctx["made_none"] = {".".join(map(str, p)): {"why": why, "at": at}
                                    for p, (why, at) in r.made_none.items()}
            add(kind, view, r.locate, r, origins, **ctx)
    return docs


def _wildcards_placed(locate, data):
    """`locate` of a document's `data`, where a value of a `*Like` condition
    whose wildcard one value passed into its string brings (`_WILDCARD`) is
    at that value: the pattern it widens is written there (under `StringEquals`
    the `*` is literal: the operator beside the string is what is wrong)."""
    def located(path=(), key=False):
        path = tuple(path)
        if key or not any(step == "Condition" and isinstance(nxt, str) and "like" in nxt.lower()
                          for step, nxt in zip(path, path[1:])):
            return locate(path, key)
        value = value_at(data, path)
        one = path + (0,) if isinstance(value, list) and len(value) == 1 else path
        at = locate(one + (_WILDCARD,))
        return at if at != locate(one) else locate(path)
    return located


def _user_roles(user: tuple, roles_of_policy: Dict[str, list]) -> list:
    """The roles a user of a policy document (`_links`) gives it to."""
    if len(user) > 2 and user[2] is not None:
        return list(user[2])
    if user[0].type == "aws_iam_role":
        return [user[0].address]
    if user[0].type == "aws_iam_policy":
        return list(roles_of_policy.get(user[0].address, []))
    return []


def _roles_named(refs, everything) -> List[Resource]:
    """The aws_iam_role resources of the module `refs` (addresses or names) name."""
    keys = {str(x) for x in refs if isinstance(x, (str, Template))}
    return [r for r in everything if r.type == "aws_iam_role" and (
        r.address in keys or str(_role_name(r.values)) in keys)]


def _blocks(value) -> list:
    return value if isinstance(value, list) else []


def _role_name(values, generated: Optional[str] = None):
    """The name of an aws_iam_role: its `name`, else its `name_prefix` and the
    part Terraform adds (a timestamp and counter). That part is `generated`
    when given, a text no other role's name has and no `*` (so that
    `role/<prefix>*` or `role/*` may match it, another role's name or prefix
    not), else an unknown; a role with neither is `terraform-` and
    `generated`, or None."""
    name = values.get("name")
    if name is not None:
        return name
    prefix = values.get("name_prefix")
    if prefix is None:
        prefix = "terraform-" if generated is not None else None
    if not isinstance(prefix, (str, Template)):
        return None
    return make_template([*(prefix.parts if isinstance(prefix, Template) else [prefix]),
                          generated if generated is not None else Unknown("name_prefix")])


def _policy_address(r: Resource, path, everything) -> Optional[str]:
    """The aws_iam_policy a policy_arn refers to (by reference or by ARN/name)."""
    ref = value_at(r.values, path)
    target = r.ref_at(path)
    if target and target.startswith("aws_iam_policy."):
        return target
    for p in everything:
        if p.type != "aws_iam_policy":
            continue
        if isinstance(ref, str) and (p.values.get("arn") == ref or (
                isinstance(p.values.get("name"), str)
                and ref.endswith("/" + p.values["name"]))):
            return p.address
        if isinstance(ref, Template) and str(ref) == str(p.values.get("arn")):
            return p.address
    return None


# -- aws_iam_policy_document -> IAM JSON ---------------------------------------

def _source_documents(v: dict, everything, key="source_policy_documents") -> Optional[List[str]]:
    """The addresses of the `aws_iam_policy_document`s of the module that
    `source_policy_documents` (or `key`) lists; None when some element is
    anything else."""
    value = v.get(key)
    if not isinstance(value, list) or not value:
        return None
    known = {r.address for r in everything
             if r.type == "aws_iam_policy_document" and r.mode == "data"}
    out = []
    for x in value:
        address = _document_named(x)
        if address not in known:
            return None
        out.append(address)
    return out


def _document_named(value) -> Optional[str]:
    """The address of the `aws_iam_policy_document` whose `.json` `value` is
    (`data.aws_iam_policy_document.x["a"]`), or None."""
    if not (isinstance(value, Template) and len(value.parts) == 1
            and isinstance(value.parts[0], Unknown)):
        return None
    m = re.fullmatch(r"(data\.aws_iam_policy_document\.[\w-]+(?:\[.*\])?)\.json",
                     value.parts[0].name, re.S)
    return m.group(1) if m else None


def _statement_sids(everything) -> Dict[str, frozenset]:
    """The Sids the statements of each `aws_iam_policy_document` of
    `everything` are written with (by address)."""
    return {r.address: frozenset(st["sid"] for st in _blocks(r.values.get("statement"))
                                 if isinstance(st, dict) and isinstance(st.get("sid"), str)
                                 and st["sid"])
            for r in everything if r.type == "aws_iam_policy_document" and r.mode == "data"}


def _overridden(v: dict, sids: Dict[str, frozenset]) -> frozenset:
    """The Sids of the statements that the documents of an
    `aws_iam_policy_document`'s `override_policy_documents` are known to
    have (`sids`, by document address): its own statements of those Sids are
    replaced by them."""
    out: frozenset = frozenset()
    for x in _blocks(v.get("override_policy_documents")):
        out |= sids.get(_document_named(x) or "", frozenset())
    return out


def _merged_documents(everything, users_of_doc) -> Dict[str, List[str]]:
    """{address: the documents it merges} for each `aws_iam_policy_document`
    with `source_policy_documents` or `override_policy_documents` whose
    documents are all in its own file, have none of their own, and are used
    by nothing else (their statements are then read in the merged document,
    at their own lines, and not apart)."""
    docs = {r.address: r for r in everything
            if r.type == "aws_iam_policy_document" and r.mode == "data"}
    out: Dict[str, List[str]] = {}
    for addr, r in docs.items():
        keys = [k for k in ("source_policy_documents", "override_policy_documents")
                if r.values.get(k) is not None]
        if not keys or any(r.values.get(k) is not None for k in ("source_json", "override_json")):
            continue
        parts = [_source_documents(r.values, everything, k) for k in keys]
        if any(p is None for p in parts):
            continue
        flat = [a for p in parts for a in p]
        if all(a != addr and a in docs and docs[a].file == r.file
               and not any(docs[a].values.get(k) is not None for k in (
                   "source_policy_documents", "override_policy_documents", "source_json",
                   "override_json"))
               and not users_of_doc.get(a) for a in flat):
            out[addr] = flat
    users = {}
    for addr, flat in out.items():
        for a in flat:
            users.setdefault(a, []).append(addr)
    # a document merged into two others is read apart, as before
    return {addr: flat for addr, flat in out.items()
            if all(len(users[a]) == 1 for a in flat)}


def _merged_view(r: "Resource", merged, by_address):
    """(IAM JSON, locate) of a document merged as the provider merges it: the
    statements of its source documents, then its own (one with the Sid of an
    earlier one replaces it), then those of its override documents (replacing
    by Sid too); each statement located in the document it comes from."""
    v = r.values
    own, own_origins = policy_document_view({k: x for k, x in v.items() if k not in (
        "source_policy_documents", "override_policy_documents")})
    statements: List[Any] = []
    where: List[tuple] = []  # (locate of its document's view, its index there)

    def put(stmts, locate):
        for j, st in enumerate(stmts):
            sid = st.get("Sid") if isinstance(st, dict) else None
            at = next((i for i, x in enumerate(statements) if isinstance(sid, str) and sid
                       and isinstance(x, dict) and x.get("Sid") == sid), None)
            if at is None:
                statements.append(st)
                where.append((locate, j))
            else:
                statements[at], where[at] = st, (locate, j)

    own_locate = view_locator(r.locate, own, (), own_origins)
    for key in ("source_policy_documents", "own", "override_policy_documents"):
        if key == "own":
            put(own.get("Statement") or [], own_locate)
            continue
        for addr in _source_documents(v, list(by_address.values()), key) or []:
            src = by_address[addr]
            data, origins = policy_document_view(src.values)
            put(data.get("Statement") or [], view_locator(src.locate, data, (), origins))
    view = {"Version": own.get("Version", "2012-10-17"), "Statement": statements}

    def locate(path=(), key=False):
        path = tuple(path)
        if len(path) >= 2 and path[0] == "Statement" and isinstance(path[1], int) \
                and 0 <= path[1] < len(where):
            loc, j = where[path[1]]
            return loc(("Statement", j) + path[2:], key)
        return own_locate(path, key)
    return view, locate


def policy_document_view(v: dict, sources_read: bool = False, replaced=frozenset()):
    """The IAM JSON of an `aws_iam_policy_document`, with origins to its blocks.

    `sources_read`: the documents of `source_policy_documents` are in the module
    and linted as the same role's policies (see `documents`), so they are not
    an unknown part of this one. `replaced`: the Sids of the statements of its
    `override_policy_documents` (`_overridden`): its own statements of those
    Sids are left out (the override's, an unknown part, replace them)."""
    origins = Origins()
    view: Dict[str, Any] = {"Version": v.get("version") or "2012-10-17"}
    origins.set(view, "Version", ("version",) if "version" in v else ())
    if v.get("policy_id") is not None:
        view["Id"] = v["policy_id"]
        origins.set(view, "Id", ("policy_id",))
    statements: List[Any] = []
    for src in ("source_policy_documents", "source_json", "override_policy_documents",
                "override_json"):
        if v.get(src) is not None and not (sources_read and src == "source_policy_documents"):
            statements.append(unknown(src))
    for i, st in enumerate(_blocks(v.get("statement"))):
        if not isinstance(st, dict):
            statements.append(st)
            continue
        if isinstance(st.get("sid"), str) and st["sid"] in replaced:
            continue
        sp = ("statement", i)
        out: Dict[str, Any] = {}
        for src, dst in (("sid", "Sid"), ("effect", "Effect"), ("actions", "Action"),
                         ("not_actions", "NotAction"), ("resources", "Resource"),
                         ("not_resources", "NotResource")):
            if st.get(src) is not None:
                out[dst] = st[src]
                origins.set(out, dst, sp + (src,))
        if "Effect" not in out:
            out["Effect"] = "Allow"
            origins.set(out, "Effect", sp)
        for src, dst in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
            blocks = _blocks(st.get(src))
            if not blocks:
                continue
            principal: Any = {}
            origins.set(out, dst, sp + (src, 0))
            for j, b in enumerate(blocks):
                if not isinstance(b, dict) or not isinstance(b.get("type"), str):
                    principal = unknown(f"dynamic {src}")
                    break
                ids = b.get("identifiers")
                if b["type"] == "*" and isinstance(ids, list) and ids == ["*"]:
                    principal = "*"
                    break
                cur = principal.setdefault(b["type"], [])
                if isinstance(ids, list) and isinstance(cur, list):
                    cur.extend(ids)
                else:
                    principal[b["type"]] = ids
                origins.set(principal, b["type"], sp + (src, j, "identifiers"))
            out[dst] = principal
        conds = _blocks(st.get("condition"))
        if conds:
            condition: Any = {}
            origins.set(out, "Condition", sp + ("condition", 0))
            for j, c in enumerate(conds):
                if not isinstance(c, dict):
                    condition = unknown("dynamic condition")
                    break
                test, var = c.get("test"), c.get("variable")
                test_key = test if isinstance(test, str) else str(test)
                var_key = var if isinstance(var, str) else str(var)
                block = condition.setdefault(test_key, {})
                origins.set(condition, test_key, sp + ("condition", j, "test"))
                values = c.get("values")
                if var_key in block and isinstance(block[var_key], list) \
                        and isinstance(values, list):
                    block[var_key] = block[var_key] + values
                else:
                    block[var_key] = values
                    origins.set(block, var_key, sp + ("condition", j, "values"))
                    origins.set_key(block, var_key, sp + ("condition", j, "variable"))
            out["Condition"] = condition
        statements.append(out)
    view["Statement"] = statements
    origins.set(view, "Statement", ("statement",) if "statement" in v else ())
    return view, origins


# -- a common module: terraform-aws-modules/iam iam-github-oidc-role (v5), iam-role (v6)

def _is_github_oidc_role_module(v: dict) -> bool:
    """terraform-aws-modules' `iam-github-oidc-role` (v5), or its `iam-role` (v6)
    with `enable_github_oidc = true`."""
    src = v.get("source")
    if not isinstance(src, str) or v.get("create") is False:
        return False
    return "iam-github-oidc-role" in src or (
        _IAM_ROLE_V6.search(src) is not None and v.get("enable_github_oidc") is True)


_IAM_ROLE_V6 = re.compile(r"terraform-aws-iam.*//modules/iam-role(?:$|\?)|"
                          r"terraform-aws-modules/iam/aws//modules/iam-role$")


def _repo_prefixed(subjects, key: str):
    """The module's subjects, each `repo:` + itself without a leading `repo:`."""
    if not isinstance(subjects, list):
        return unknown(key)
    out = []
    for subject in subjects:
        if isinstance(subject, str):
            out.append("repo:" + (subject[5:] if subject.startswith("repo:") else subject))
        elif isinstance(subject, Template):
            out.append(make_template(["repo:", *subject.parts]))
        else:
            out.append(unknown(key))
    return out


def github_oidc_role_module_view(v: dict):
    """The trust policy the module builds from its inputs: `subjects` (each
    prefixed with `repo:` unless it has it), `audience` (default
    sts.amazonaws.com) and `provider_url`; in v6's `iam-role`, `oidc_subjects`
    (StringEquals), `oidc_wildcard_subjects` (StringLike), each condition left
    out when its list is empty, `oidc_audiences` and `github_provider`. As
    the module writes them, it tests `aud` and `iss` (a claim IAM does not
    evaluate; v5 always names it on GitHub's own host) with
    ForAllValues:StringEquals, which the trust rules report on the call.
    The module also attaches each ARN of its `policies` map to the role
    (`documents` links those to it: an `aws_iam_policy` of the module is read,
    any other ARN is a policy not read)."""
    origins = Origins()
    v6 = "iam-github-oidc-role" not in str(v.get("source"))
    host = v.get("github_provider" if v6 else "provider_url",
                 "token.actions.githubusercontent.com")
    if isinstance(host, str):
        host = re.sub(r"^https://", "", host)
    host_text = host if isinstance(host, str) else "token.actions.githubusercontent.com"
    if v6:  # exact subjects under StringEquals, wildcard ones under StringLike
        audience_key = "oidc_audiences"
        audiences = v.get(audience_key) or ["sts.amazonaws.com"]
        subject_keys = (("StringEquals", "oidc_subjects"), ("StringLike", "oidc_wildcard_subjects"))
    else:
        audience_key = "audience"
        audiences = [v.get(audience_key, "sts.amazonaws.com")]
        subject_keys = (("StringLike", "subjects"),)
    iss_host = host_text if v6 else "token.actions.githubusercontent.com"
    for_all = {f"{iss_host}:iss": [f"https://{iss_host}"], f"{host_text}:aud": audiences}
    condition = {"ForAllValues:StringEquals": for_all}
    origins.set(for_all, f"{host_text}:aud", (audience_key,) if audience_key in v else ())
    for op, key in subject_keys:
        subjects = v.get(key, [] if v6 else None)
        if v6 and isinstance(subjects, list) and not subjects:
            continue  # (v6 leaves out a condition whose list is empty)
        block = condition.setdefault(op, {})
        block[f"{host_text}:sub"] = _repo_prefixed(subjects if subjects is not None else [],
                                                   key)
        origins.set(block, f"{host_text}:sub", (key,))
    statement = {
        "Sid": "GithubOidcAuth", "Effect": "Allow",
        "Action": ["sts:TagSession", "sts:AssumeRoleWithWebIdentity"],
        "Principal": {"Federated": make_template(
            ["arn:aws:iam::", Unknown("aws_account_id"), ":oidc-provider/", host_text])},
        "Condition": condition,
    }
    view = {"Version": "2012-10-17", "Statement": [statement]}
    return view, origins


_UNFUNCO = re.compile(r"(?:^|/)unfunco/oidc-github/aws$|unfunco/terraform-aws-oidc-github")


def _is_unfunco_oidc_module(v: dict) -> bool:
    """unfunco/oidc-github (a GitHub enterprise's own issuer, `enterprise_slug`,
    is not read)."""
    src = v.get("source")
    return isinstance(src, str) and _UNFUNCO.search(src) is not None \
        and v.get("enabled") is not False and not v.get("enterprise_slug")


def unfunco_oidc_module_view(v: dict):
    """The trust policy unfunco/oidc-github builds: StringLike on `sub`, each
    entry of `github_repositories` as `repo:ENTRY` when it holds a colon, else
    `repo:ENTRY:*` (any context), and StringEquals `aud` sts.amazonaws.com;
    before 1.0 (`github_organisation` given) `repo:ORG/NAME:*` and no `aud`."""
    origins = Origins()
    host = "token.actions.githubusercontent.com"
    repos, org = v.get("github_repositories"), v.get("github_organisation")
    subjects: Any = unknown("github_repositories")
    if isinstance(repos, list):
        subjects = []
        for repo in repos:
            if "github_organisation" in v:
                subjects.append(make_template(["repo:", org, "/", repo, ":*"])
                                if isinstance(org, (str, Template))
                                and isinstance(repo, (str, Template)) else unknown("repo"))
            elif isinstance(repo, str):
                subjects.append("repo:" + repo if ":" in repo else f"repo:{repo}:*")
            elif isinstance(repo, Template) and any(":" in p for p in repo.parts
                                                    if isinstance(p, str)):
                subjects.append(make_template(["repo:", *repo.parts]))
            else:  # a colon may be in the part not known: either form
                subjects.append(unknown("github_repositories"))
    condition = {"StringLike": {f"{host}:sub": subjects}}
    origins.set(condition["StringLike"], f"{host}:sub", ("github_repositories",))
    if "github_organisation" not in v:
        condition["StringEquals"] = {f"{host}:aud": ["sts.amazonaws.com"]}
    statement = {
        "Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"],
        "Principal": {"Federated": make_template(
            ["arn:aws:iam::", Unknown("aws_account_id"), ":oidc-provider/", host])},
        "Condition": condition,
    }
    return {"Version": "2012-10-17", "Statement": [statement]}, origins


_PHILIPS = re.compile(r"(?:^|/)philips-labs/github-oidc/aws$|philips-labs/terraform-aws-github-oidc"
                      r"(?:\.git)?(?:\?.*)?$")


def _is_philips_oidc_module(v: dict) -> bool:
    """philips-labs/github-oidc (its role: the module makes one only with `repo`)."""
    src = v.get("source")
    return isinstance(src, str) and _PHILIPS.search(src) is not None \
        and v.get("repo") is not None


def _parts_of(value) -> list:
    return list(value.parts) if isinstance(value, Template) else [value] \
        if isinstance(value, str) else [Unknown("repo")]


def philips_oidc_module_view(v: dict):
    """The trust policy philips-labs/github-oidc builds from `repo` and its
    `default_conditions` (default allow_main and deny_pull_request):
    allow_main `repo:R:ref:refs/heads/MAIN` (`repo_mainline_branch`, main),
    allow_environment `repo:R:environment:E` for each of `github_environments`
    (default `*`), allow_all `repo:R:*` (StringLike), deny_pull_request
    `repo:R:pull_request` (StringNotLike), and the `conditions` it is given,
    the values of one test on one key merged; `aud` StringEquals
    sts.amazonaws.com; `account_ids` may assume it with sts:AssumeRole."""
    origins = Origins()
    issuer = v.get("github_oidc_issuer", "token.actions.githubusercontent.com")
    issuer = issuer if isinstance(issuer, str) else "token.actions.githubusercontent.com"
    sub, repo = f"{issuer}:sub", _parts_of(v.get("repo"))
    chosen = v.get("default_conditions", ["allow_main", "deny_pull_request"])
    merged: Dict[tuple, list] = {}  # (test, key) -> values
    where: Dict[tuple, tuple] = {}  # (test, key) -> the input it comes from

    def add(test, key, values, origin):
        merged.setdefault((test, key), []).extend(values)
        where.setdefault((test, key), origin)

    if not isinstance(chosen, list):
        add("StringLike", sub, [unknown("default_conditions")], ("default_conditions",))
        chosen = []
    branch = v.get("repo_mainline_branch", "main")
    envs = v.get("github_environments", ["*"])
    for i, option in enumerate(chosen):
        at = ("default_conditions", i)
        if option == "allow_main":
            add("StringLike", sub, [make_template(["repo:", *repo, ":ref:refs/heads/",
                                                   *_parts_of(branch)])], at)
        elif option == "allow_environment":
            add("StringLike", sub, [make_template(["repo:", *repo, ":environment:",
                                                   *_parts_of(e)]) for e in envs]
                if isinstance(envs, list) and envs else
                [unknown("github_environments")] if not isinstance(envs, list)
                else ["ensurethereisnotmatch"], at)
        elif option == "allow_all":
            add("StringLike", sub, [make_template(["repo:", *repo, ":*"])], at)
        elif option == "deny_pull_request":
            add("StringNotLike", sub, [make_template(["repo:", *repo, ":pull_request"])], at)
        elif not isinstance(option, str):
            add("StringLike", sub, [unknown("default_conditions")], at)
    extra = v.get("conditions", [])
    for i, c in enumerate(extra if isinstance(extra, list) else []):
        if isinstance(c, dict) and isinstance(c.get("test"), str) \
                and isinstance(c.get("variable"), str):
            values = c.get("values")
            add(c["test"], c["variable"], values if isinstance(values, list)
                else [unknown("conditions")], ("conditions", i))
    condition: Dict[str, Any] = {"StringEquals": {f"{issuer}:aud": ["sts.amazonaws.com"]}}
    for (test, key), values in merged.items():
        block = condition.setdefault(test, {})
        block[key] = block[key] + values if isinstance(block.get(key), list) else values
        origins.set(block, key, where[(test, key)])
    statements = [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": make_template(
            ["arn:aws:iam::", Unknown("aws_account_id"), ":oidc-provider/", issuer])},
        "Condition": condition}]
    accounts = v.get("account_ids")
    if accounts:
        statements.insert(0, {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {
            "AWS": [make_template(["arn:aws:iam::", *_parts_of(a), ":root"]) for a in accounts]
            if isinstance(accounts, list) else unknown("account_ids")}})
    return {"Version": "2012-10-17", "Statement": statements}, origins


# -- ECS, ECR, CodeDeploy: provider arguments -> API shapes --------------------

# block types that hold at most one block (a dict in the API), the others are lists
_SINGLE = {
    "deployment_circuit_breaker", "deployment_controller", "network_configuration",
    "runtime_platform", "ephemeral_storage", "proxy_configuration", "deployment_style",
    "blue_green_deployment_config", "auto_rollback_configuration", "traffic_routing_config",
    "time_based_canary", "time_based_linear", "minimum_healthy_hosts",
    "image_scanning_configuration", "encryption_configuration", "efs_volume_configuration",
    "authorization_config", "docker_volume_configuration", "load_balancer_info",
    "target_group_pair_info", "prod_traffic_route", "test_traffic_route",
    "terminate_blue_instances_on_deployment_success", "deployment_ready_option",
    "green_fleet_provisioning_option", "alarm_configuration", "service_connect_configuration",
    "alarms", "fsx_windows_file_server_volume_configuration", "zonal_config",
    "deployment_configuration",
}
_META_ARGUMENTS = {"lifecycle", "provider", "depends_on", "count", "for_each",
                   "provisioner", "connection", "timeouts"}
_RENAME = {
    "load_balancer": "loadBalancers", "capacity_provider_strategy": "capacityProviderStrategy",
    "ordered_placement_strategy": "placementStrategy",
    "placement_constraints": "placementConstraints", "service_registries": "serviceRegistries",
    "volume": "volumes", "ecs_service": "ecsServices", "target_group": "targetGroups",
    "elb_name": "loadBalancerName", "size_in_gib": "sizeInGiB", "app_name": "applicationName",
    "inference_accelerator": "inferenceAccelerators", "assign_public_ip": "assignPublicIp",
    "security_groups": "securityGroups",
}
_RENAME_IN = {
    "time_based_canary": {"interval": "canaryInterval", "percentage": "canaryPercentage"},
    "time_based_linear": {"interval": "linearInterval", "percentage": "linearPercentage"},
}


def _camel_snake(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def api_shape(values: dict, src: tuple, origins: Origins, renames=None) -> dict:
    """Provider arguments (snake_case, blocks as lists) in the API's camelCase."""
    out: Dict[str, Any] = {}
    renames = renames or {}
    for k, v in values.items():
        if not isinstance(k, str) or (not src and k in _META_ARGUMENTS):
            continue
        nk = renames.get(k) or _RENAME.get(k) or _camel_snake(k)
        p = src + (k,)
        if isinstance(v, list) and v and all(isinstance(x, (dict, Template)) for x in v) \
                and any(isinstance(x, dict) for x in v):
            inner = _RENAME_IN.get(k)
            items = [api_shape(x, p + (i,), origins, inner) if isinstance(x, dict) else x
                     for i, x in enumerate(v)]
            if k in _SINGLE:
                out[nk] = items[0]
                origins.set(out, nk, p + (0,))
                continue
            out[nk] = items
        elif isinstance(v, list) and not v and k in _SINGLE:
            continue  # an absent block in plan JSON
        else:
            out[nk] = v
        origins.set(out, nk, p)
    return out


_DEPLOYMENT_CONFIGURATION = {
    "deployment_minimum_healthy_percent": "minimumHealthyPercent",
    "deployment_maximum_percent": "maximumPercent",
    "deployment_circuit_breaker": "deploymentCircuitBreaker",
    "alarms": "alarms",
}


def _service_view(r: Resource, origins: Origins) -> dict:
    """aws_ecs_service -> create-service input: the deployment_* arguments go
    under deploymentConfiguration, beside what the provider 6 `deployment_configuration`
    block sets there (strategy, bake time, hooks); network_configuration under
    awsvpcConfiguration."""
    v = r.values
    rest = {k: x for k, x in v.items() if k not in _DEPLOYMENT_CONFIGURATION
            and k not in ("network_configuration", "deployment_configuration")}
    view = api_shape(rest, (), origins, {"name": "serviceName"})
    moved = {k: x for k, x in v.items() if k in _DEPLOYMENT_CONFIGURATION}
    if str(v.get("scheduling_strategy", "")).upper() == "DAEMON":
        # the provider sends a DAEMON service no maximum percent (ECS keeps its
        # own, 100), and its minimum only when it is not 100 (resourceServiceCreate)
        moved.pop("deployment_maximum_percent", None)
        if str(moved.get("deployment_minimum_healthy_percent")) == "100":
            moved.pop("deployment_minimum_healthy_percent")
    dc = api_shape(moved, (), origins, _DEPLOYMENT_CONFIGURATION)
    # the deployment_configuration block (strategy BLUE_GREEN/LINEAR/CANARY,
    # bake time, lifecycle hooks) holds the rest of the API's deploymentConfiguration
    block = v.get("deployment_configuration")
    if isinstance(block, list) and block:
        src = ("deployment_configuration", 0)
        if isinstance(block[0], dict):
            inner = api_shape(block[0], src, origins, {"lifecycle_hook": "lifecycleHooks"})
            for k, x in inner.items():
                dc[k] = x
                origins.set(dc, k, src + (_snake_key(block[0], k),))
        else:  # a dynamic block: its strategy is not known
            dc["strategy"] = block[0]
            origins.set(dc, "strategy", src)
    if dc:
        # a plan's `"deployment_circuit_breaker": []` (no breaker), where a
        # finding of its absence belongs; else the first argument moved
        first = "deployment_circuit_breaker" if not r.file and \
            v.get("deployment_circuit_breaker") == [] else next(iter(moved), None)
        view["deploymentConfiguration"] = dc
        origins.set(view, "deploymentConfiguration",
                    (first,) if first else ("deployment_configuration", 0))
    if "health_check_grace_period_seconds" in v and v["health_check_grace_period_seconds"] is None \
            and r.file and r.locate(("health_check_grace_period_seconds",)).file:
        # a null the module call (or a tfvars file) passes leaves the grace period
        # out: a finding of its absence (at the load balancers' key) is at that value
        origins.set_key(view, "loadBalancers", ("health_check_grace_period_seconds",))
    net = api_shape({k: x for k, x in v.items() if k == "network_configuration"}, (), origins)
    awsvpc = net.get("networkConfiguration")
    if isinstance(awsvpc, dict):
        ip = awsvpc.get("assignPublicIp")
        if isinstance(ip, bool):
            awsvpc["assignPublicIp"] = "ENABLED" if ip else "DISABLED"
        elif isinstance(ip, str) and ip.lower() in ("true", "false"):
            awsvpc["assignPublicIp"] = "ENABLED" if ip.lower() == "true" else "DISABLED"
        wrapper = {"awsvpcConfiguration": awsvpc}
        origins.set(wrapper, "awsvpcConfiguration", ("network_configuration", 0))
        view["networkConfiguration"] = wrapper
        origins.set(view, "networkConfiguration", ("network_configuration", 0))
    return view


def _snake_key(values: dict, api_key: str) -> str:
    """The provider argument of `values` that api_shape turned into `api_key`."""
    for k in values:
        if isinstance(k, str) and (_camel_snake(k) == api_key or k == "lifecycle_hook"
                                   and api_key == "lifecycleHooks"):
            return k
    return api_key


def _task_definition_view(r: Resource, origins: Origins) -> dict:
    values = {k: x for k, x in r.values.items() if k != "container_definitions"}
    view = api_shape(values, (), origins)
    if "container_definitions" in r.values:
        hit = r.policy_at(("container_definitions",))  # JSON text or jsonencode value
        own = _own_containers(r)
        if own:
            view["containerDefinitions"] = own[1]
            view[_CONTAINERS_FILE] = own[0]  # taken out into the document's context
        elif hit and hit[0] != "ref":
            view["containerDefinitions"] = hit[0]
        else:
            view["containerDefinitions"] = unknown("container_definitions")
        origins.set(view, "containerDefinitions", ("container_definitions",))
    return view


_CONTAINERS_FILE = "\0containers_file"  # not a key any input can hold


def _own_containers(r: Resource) -> Optional[tuple]:
    """(path, containers) of `container_definitions = file("containers.json")`.
    The folder walk lints that file on its own, as a list of containers: the
    task definition reads it only for the rules that need the task's own
    settings too (an execution role for the containers' secrets), and its
    document says so (context `containers_file`), so the containers' own
    findings are not reported twice."""
    path = r.own_file_at(("container_definitions",))
    raw = probes.read_bytes(path, MAX_READ) if path is not None else None
    try:
        value = json_value(raw.decode("utf-8-sig")) if raw is not None else None
    except (UnicodeDecodeError, ValueError):
        return None
    if not (isinstance(value, list) and value and all(isinstance(c, dict) for c in value)):
        return None
    here = os.path.dirname(r.file)  # shown as the folder walk shows it: beside the .tf file
    try:
        shown = os.path.normpath(os.path.join(here, os.path.relpath(path, os.path.abspath(here or "."))))
    except ValueError:  # another drive
        shown = path
    return shown, value


def _simple(renames=None):
    return lambda r, origins: api_shape(r.values, (), origins, renames)


_API_VIEWS = {
    "aws_ecs_service": ("service", _service_view),
    "aws_ecs_task_definition": ("task-definition", _task_definition_view),
    "aws_ecr_repository": ("ecr-repository", _simple({"name": "repositoryName"})),
    "aws_codedeploy_deployment_group": ("codedeploy-deployment-group", _simple()),
    "aws_codedeploy_deployment_config": ("codedeploy-deployment-config", _simple()),
}
