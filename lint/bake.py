"""Docker Bake: the image references one `docker buildx bake` command pushes.

`docker buildx bake` (also `docker bake`, and the command docker/bake-action
runs) reads a bake definition: the `-f` files, else every default file found
in its working folder (`compose.yaml`, `compose.yml`, `docker-compose.yml`,
`docker-compose.yaml`, `docker-bake.json`, `docker-bake.hcl`,
`docker-bake.override.json`, `docker-bake.override.hcl`, merged in that
order). It builds the targets named on the command line (default: the group
`default`), each with the `tags` it has after `inherits` and `--set`
overrides, and pushes those whose output goes to a registry (`--push`,
`*.push=true`, `*.output=type=registry`, an `output` written in the file).

    refs = bake.pushed_images(argv, folder, env)

`env(name)` is the step's environment: a variable's value (text), None when
the step does not set it, or `Unknown(name)` when it is set to something not
known. A `variable "TAG" { default = "latest" }` takes the value of an
environment variable TAG when there is one (GitHub's runner sets `GITHUB_*`
and `RUNNER_*` in every step), else its default. What is not known (an
unknown variable, a function call) stays in the reference as `${...}` text,
never guessed; a target whose tags as a whole are not known makes the answer
None. Files are read through `probes`, so a reused result follows their edits.
"""
from __future__ import annotations

import fnmatch
import functools
import os
import re
from typing import Callable, Dict, List, Optional, Tuple

from . import hcl, probes
from .loader import LoadError, decode, load_json, load_yaml
from .values import Unknown

MAX_FILE_BYTES = 1_000_000  # a bake file larger than this is not read (unknown)
MAX_DEPTH = 40  # nesting of expressions, variables and `inherits` followed
MAX_TEXT = 4096  # a value longer than this (variables doubling each other) is unknown
MAX_TARGETS = 500  # targets resolved for one command

DEFAULT_FILES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
                 "docker-bake.json", "docker-bake.hcl", "docker-bake.override.json",
                 "docker-bake.override.hcl")

# bake's options that take a value, and those that do not
_VALUE_OPTIONS = {"-f", "--file", "--set", "--var", "--builder", "--progress", "--metadata-file",
                  "--provenance", "--sbom", "--allow", "--call", "--list"}
_FLAGS = {"--push", "--load", "--print", "--no-cache", "--pull", "--check", "--debug", "-D"}
# docker's and buildx's own options before the subcommand that take a value
_GLOBAL_VALUE_OPTIONS = {"--context", "-c", "--config", "-H", "--host", "-l", "--log-level",
                         "--builder"}
_BUILTIN_VARIABLES = ("BAKE_CMD_CONTEXT", "BAKE_LOCAL_PLATFORM")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_RUNNER_SET = re.compile(r"(?:GITHUB|RUNNER)_\w+|CI")


class _Unknowable(Exception):
    """The command's pushes cannot be told (a file not read, a matrix...)."""


# ---------------------------------------------------------------------------
# the command


def pushed_images(argv, folder: str, env: Callable, root: Optional[str] = None
                  ) -> Optional[List[str]]:
    """The image references (with tags) the bake command `argv` pushes, run in
    `folder` with the environment `env` (see module doc); [] when it pushes
    nothing (not a bake command, no `--push`, `--load`, `--print`), None when
    that is not known. With `root`, files outside it are not read (unknown)."""
    if not isinstance(argv, (list, tuple)) or not all(isinstance(w, str) for w in argv) \
            or not isinstance(folder, str) or not callable(env):
        return None
    cmd = _command(list(argv))
    if cmd is None:
        return []
    if cmd is False:
        return None
    if not cmd["builds"]:
        return []
    if root is not None and not _inside(folder, root):
        return None
    try:
        lookup = _lookup(env, cmd["vars"])
        definition = _definition(folder, cmd["files"], lookup, root)
        scope = _Scope(definition, lookup)
        overrides = _overrides(cmd["sets"], definition)
        refs = []
        for name in _requested(cmd["targets"], definition, scope):
            refs.extend(r for r in _target_pushes(name, definition, scope, overrides)
                        if r not in refs)
        return refs
    except _Unknowable:
        return None


def _command(argv: List[str]):
    """What a `docker buildx bake` command asks: files, `--set`s, `--var`s,
    targets, whether it builds; None for another command, False when an
    argument is not understood."""
    if not argv or os.path.basename(argv[0]) != "docker":
        return None
    i = _skip_options(argv, 1)
    if argv[i:i + 1] == ["buildx"]:
        i = _skip_options(argv, i + 1)
    if argv[i:i + 1] != ["bake"]:
        return None
    cmd = {"files": [], "sets": [], "vars": {}, "targets": [], "builds": True}
    push = load = False
    words = argv[i + 1:i + 1 + 1000]
    j = 0
    while j < len(words):
        word = words[j]
        name, eq, value = word.partition("=")
        if word == "--":  # the rest are targets
            cmd["targets"] += words[j + 1:]
            break
        if word.startswith("-") and word != "-":
            if name in _VALUE_OPTIONS:
                if not eq:
                    if j + 1 >= len(words):
                        return False
                    j += 1
                    value = words[j]
                if name in ("-f", "--file"):
                    cmd["files"].append(value)
                elif name == "--set":
                    cmd["sets"].append(value)
                elif name == "--var":
                    key, has, val = value.partition("=")
                    if not has:
                        return False
                    cmd["vars"][key] = val
                elif name == "--call" and value != "build" or name == "--list":
                    cmd["builds"] = False
            elif name in _FLAGS:
                on = _flag(value) if eq else True
                if on is None:
                    return False
                if name == "--push":
                    push = on
                elif name == "--load":
                    load = on
                elif name in ("--print", "--check") and on:
                    cmd["builds"] = False
            else:
                return False  # an option this reader does not know: its value?
        else:
            cmd["targets"].append(word)
        j += 1
    # (buildx adds these after the `--set`s)
    cmd["sets"] += ["*.push=true"] * push + ["*.load=true"] * load
    return cmd


def _skip_options(argv: List[str], i: int) -> int:
    """The index of the first word from `i` that is not an option (docker's or
    buildx's own options before the subcommand)."""
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_VALUE_OPTIONS else 1
    return i


def _flag(value) -> Optional[bool]:
    """A boolean written as text (`true`, `false`, YAML's true), else None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, (str, int)) else ""
    return {"true": True, "1": True, "t": True, "false": False, "0": False, "f": False}.get(text)


def action_command(inputs) -> Optional[Tuple[List[str], str]]:
    """(argv, folder relative to the repository root) of the bake command a
    docker/bake-action step runs with `inputs` (its `with:`, expressions
    resolved); None when that is not known (an input still an expression, a
    remote `source`)."""
    if not isinstance(inputs, dict):
        return None
    argv = ["docker", "buildx", "bake"]
    for key, option, commas in (("files", "--file", True), ("set", "--set", False),
                                ("vars", "--var", False)):
        items = _input_list(inputs.get(key), commas)
        if items is None:
            return None
        for item in items:
            argv += [option, item]
    for key in ("push", "load"):
        if inputs.get(key) in (None, ""):
            continue
        on = _flag(inputs.get(key))
        if on is None:
            return None
        if on:
            argv.append("--" + key)
    targets = _input_list(inputs.get("targets"), True)
    if targets is None:
        return None
    folder = inputs.get("workdir") or "."
    source = inputs.get("source")
    if not isinstance(folder, str):
        return None
    if isinstance(source, str) and source.strip():
        source = source.strip()
        if source.startswith("{{defaultContext}}"):  # the repository at the run's ref
            folder = source[len("{{defaultContext}}"):].lstrip(":") or "."
        elif "://" in source or source.startswith("git@") or "$" in source:
            return None
        else:
            folder = os.path.join(folder, source)
    elif source not in (None, ""):
        return None
    return argv + targets, os.path.normpath(folder)


def _input_list(value, commas: bool) -> Optional[List[str]]:
    """An action's list input: one item a line (and, with `commas`, split at
    commas too), blank items left out; None when it is not text."""
    if value in (None, ""):
        return []
    if not isinstance(value, str):
        return None
    out = []
    for line in value.splitlines()[:1000]:
        for item in (line.split(",") if commas else [line]):
            item = item.strip().strip('"').strip()
            if item:
                out.append(item)
    return out


# ---------------------------------------------------------------------------
# the environment


def _lookup(env: Callable, cli_vars: Dict[str, str]) -> Callable:
    """name -> the value bake sees for environment variable `name`: `--var`s,
    then the step's environment (text, None when not set, or Unknown)."""
    cache: Dict[str, object] = {}

    def lookup(name: str):
        if name in cli_vars:
            return cli_vars[name]
        if name not in cache:
            got = env(name)
            if not isinstance(got, (str, Unknown)):
                got = Unknown(name) if got is None and _RUNNER_SET.fullmatch(name) else None
            cache[name] = got
        return cache[name]
    return lookup


# ---------------------------------------------------------------------------
# the definition: files read and merged


def _definition(folder: str, files: List[str], lookup: Callable, root: Optional[str]) -> dict:
    """The merged definition of the files a command reads: {"variables":
    {name: body}, "attributes": {name: expr}, "groups": {name: expr},
    "targets": {name: [body, ...]} (the blocks of a target, in order)}."""
    named = bool(files)
    definition = _empty_piece()
    for name in files or DEFAULT_FILES:
        if name == "-" or "$" in name or "://" in name:
            raise _Unknowable(name)  # standard input, a variable, a remote file
        path = os.path.normpath(os.path.join(folder, name.replace("cwd://", "", 1)))
        if root is not None and not _inside(path, root):
            raise _Unknowable(name)
        raw = probes.read_bytes(path, MAX_FILE_BYTES)
        if raw is None:
            if named or os.path.lexists(path):  # missing when named, or too large
                raise _Unknowable(name)
            continue
        try:
            text = decode(raw)
        except LoadError:
            raise _Unknowable(name) from None
        if name.lower().endswith((".yml", ".yaml")):
            piece = _compose_piece(text, lookup, folder)
        elif name.lower().endswith(".json"):
            piece = _json_piece(text)
        else:
            piece = _hcl_piece(text)
            if piece is None and not name.lower().endswith(".hcl"):
                piece = _compose_piece(text, lookup, folder)
        if piece is None:
            raise _Unknowable(name)
        _merge(definition, piece)
    return definition


def _inside(path: str, root: str) -> bool:
    """Is `path` the folder `root` or inside it (links followed)?"""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(os.path.join(top, ""))


def _merge(definition: dict, piece: dict):
    """Add a file's definition: a variable, attribute or group written again
    replaces the earlier one; a target's blocks add up."""
    for key in ("variables", "attributes", "groups"):
        definition[key].update(piece[key])
    for name, bodies in piece["targets"].items():
        definition["targets"].setdefault(name, []).extend(bodies)


def _empty_piece() -> dict:
    """A definition with nothing in it."""
    return {"variables": {}, "attributes": {}, "groups": {}, "targets": {}}


@functools.lru_cache(maxsize=32)
def _hcl_piece(text: str) -> Optional[dict]:
    """The definition in an HCL bake file (None: not HCL). Its values are
    expressions: text, numbers, lists and dicts as they are, ("var", NAME),
    ("text", parts) for a template, Unknown for anything else."""
    try:
        tree = hcl.parse(text)
        return _hcl_blocks(tree, text)
    except (LoadError, AttributeError, IndexError, TypeError, ValueError, RecursionError):
        return None


def _hcl_blocks(tree, text: str) -> dict:
    """The definition of a parsed HCL bake file (see `_hcl_piece`)."""
    piece = _empty_piece()
    top = hcl.kids(tree)
    for item in (hcl.kids(top[0]) if top else []):
        if item.data == "attribute":
            kids = hcl.kids(item)
            piece["attributes"][hcl.name(kids[0])] = _hcl_expr(kids[-1], text, 0)
            continue
        if item.data != "block":
            continue
        kind, labels, body = hcl.block_parts(item)
        if len(labels) != 1 or body is None:
            continue
        attrs = {}
        for a in hcl.kids(body):
            if a.data == "attribute":
                kids = hcl.kids(a)
                attrs[hcl.name(kids[0])] = _hcl_expr(kids[-1], text, 0)
        _add_block(piece, kind, labels[0], attrs)
    return piece


def _add_block(piece: dict, kind: str, label: str, attrs: dict):
    """Put a `variable`, `group` or `target` block into a file's definition."""
    if kind == "variable":
        piece["variables"][label] = attrs
    elif kind == "group":
        piece["groups"][label] = attrs.get("targets", [])
    elif kind == "target":
        piece["targets"].setdefault(label, []).append(attrs)


def _hcl_expr(node, text: str, depth: int):
    """An HCL expression node as an expression (see `_hcl_piece`)."""
    node = hcl.unwrap(node)
    if depth > MAX_DEPTH or not hcl.is_tree(node):
        return Unknown("expression")
    kind = node.data
    if kind == "string":
        return _string_expr(node, text, depth)
    if kind in ("heredoc_template", "heredoc_template_trim"):
        body, _ = hcl.heredoc_body(node.children[0])
        return _template_expr(body)
    if kind == "tuple":
        return [_hcl_expr(k, text, depth + 1) for k in hcl.kids(node)]
    if kind == "object":
        out = {}
        for elem in hcl.kids(node):
            kids = hcl.kids(elem)
            if elem.data != "object_elem" or len(kids) < 2:
                continue
            key = hcl.unwrap(hcl.kids(kids[0])[0]) if hcl.kids(kids[0]) else kids[0]
            key = hcl.name(key) if key.data in ("identifier", "keyword", "string") \
                else _source(key, text)
            out[key] = _hcl_expr(kids[-1], text, depth + 1)
        return out
    if kind == "int_lit":
        return int(str(node.children[0]))
    if kind == "float_lit":
        return float(str(node.children[0]))
    if kind == "literal_value":
        return {"true": True, "false": False, "null": None}.get(str(node.children[0]),
                                                             Unknown("literal"))
    if kind == "identifier":
        return ("var", hcl.name(node))
    return Unknown(_source(node, text))


def _string_expr(node, text: str, depth: int):
    """A quoted HCL string: its text, or ("text", parts) with interpolations."""
    parts = []
    for kind, what, _ in hcl.string_parts(node):
        if kind == "lit":
            parts.append(what)
        elif kind == "interpolation" and what is not None:
            parts.append(_hcl_expr(what, text, depth + 1))
        else:
            parts.append(Unknown(_source(what, text) if what is not None else "expression"))
    return _joined(parts)


def _template_expr(template: str):
    """A template's text (a heredoc, a JSON string) as an expression."""
    parts = []
    for kind, source, _ in hcl.split_template(template, [None] * len(template)):
        if kind == "lit":
            parts.append(source)
        elif kind == "expr" and _NAME.fullmatch(source):
            parts.append(("var", source))
        else:
            parts.append(Unknown(_hole(source)))
    return _joined(parts)


def _joined(parts: list):
    """Template parts as an expression: plain text when all are text, the one
    expression of `"${X}"` itself, else ("text", parts)."""
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)
    if len(parts) == 1:
        return parts[0]
    return ("text", tuple(parts))


def _source(node, text: str) -> str:
    """The text of a node in the file, as an Unknown's name (`_hole`)."""
    m = getattr(node, "meta", None)
    if m is not None and not getattr(m, "empty", True):
        return _hole(text[m.start_pos:m.end_pos])
    return "expression"


def _hole(source: str) -> str:
    """An expression's text as the name of an unknown part of a reference:
    short, its `:`, `/` and `@` replaced, so that a hole never reads as a tag
    or a registry of its own (`${cond_a_b_latest}`, not `a:latest`)."""
    return re.sub(r"[^\w.]+", "_", source).strip("_")[:60] or "expression"


@functools.lru_cache(maxsize=32)
def _json_piece(text: str) -> Optional[dict]:
    """The definition in a JSON bake file (HCL's JSON form: every string a
    template); None when it is not JSON of that shape."""
    try:
        data = load_json(text).data
    except LoadError:
        return None
    if not isinstance(data, dict):
        return None
    piece = _empty_piece()
    for key, value in data.items():
        if key not in ("variable", "group", "target", "function"):
            piece["attributes"][key] = _json_expr(value, 0)
            continue
        if not isinstance(value, dict):
            return None
        for label, bodies in value.items():
            for body in (bodies if isinstance(bodies, list) else [bodies])[:100]:
                if not isinstance(body, dict):
                    return None
                if key != "function":
                    _add_block(piece, key, label,
                               {k: _json_expr(v, 0) for k, v in body.items()})
    return piece


def _json_expr(value, depth: int):
    """A JSON value as an expression (its strings templates)."""
    if depth > MAX_DEPTH:
        return Unknown("expression")
    if isinstance(value, str):
        return _template_expr(value)
    if isinstance(value, list):
        return [_json_expr(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: _json_expr(v, depth + 1) for k, v in value.items()}
    return value


def _compose_piece(text: str, lookup: Callable, folder: str) -> Optional[dict]:
    """The definition bake makes of a Compose file: a target per service with
    a `build` (its `build.tags` and x-bake `tags`, else its `image`), all in
    the group `default`; `${VAR}` interpolated from the environment and the
    folder's `.env`. None when it is not a Compose file."""
    try:
        docs = load_yaml(text)
    except LoadError:
        return None
    data = docs[0].data if len(docs) == 1 else None
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict):
        return None
    dotenv = _dotenv(folder)
    piece = _empty_piece()
    names = []
    for name, service in list(services.items())[:MAX_TARGETS]:
        build = service.get("build") if isinstance(service, dict) else None
        if build is None:
            continue
        build = build if isinstance(build, dict) else {}
        ext = build.get("x-bake") if isinstance(build.get("x-bake"), dict) else {}
        tags = []
        for t in _listed(build.get("tags")) + _listed(ext.get("tags")):
            t = _interpolate(t, lookup, dotenv)
            if t not in tags:
                tags.append(t)
        image = service.get("image")
        if not tags and isinstance(image, str) and image:
            tags = [_interpolate(image, lookup, dotenv)]
        body = {"tags": tags}
        outputs = [_interpolate(o, lookup, dotenv) for o in _listed(ext.get("output"))]
        if outputs:
            body["output"] = outputs
        target = str(name).replace(".", "_")
        names.append(target)
        piece["targets"].setdefault(target, []).append(body)
    piece["groups"]["default"] = names
    return piece


def _listed(value) -> list:
    """A list of strings written as a list or as one space-separated string."""
    if isinstance(value, str):
        return value.split()
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _dotenv(folder: str) -> Dict[str, str]:
    """The `KEY=VALUE` lines of the folder's `.env` (Compose reads it for
    variables the environment does not set)."""
    raw = probes.read_bytes(os.path.join(folder, ".env"), MAX_FILE_BYTES)
    out = {}
    try:
        text = decode(raw) if raw is not None else ""
    except LoadError:
        return out
    for line in text.splitlines():
        key, eq, value = line.strip().removeprefix("export ").partition("=")
        if eq and _NAME.fullmatch(key.strip()):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            out[key.strip()] = value
    return out


_COMPOSE_VAR = re.compile(r"\$\$|\$\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_]\w*)")


def _interpolate(text: str, lookup: Callable, dotenv: Dict[str, str]) -> str:
    """Compose's `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
    `$VAR` and `$$`; a variable set to an unknown value stays `${VAR}`."""
    def value(m):
        if m.group(0) == "$$":
            return "$"
        name = m.group(1) or m.group(4)
        got = lookup(name)
        if got is None:
            got = dotenv.get(name)
        if isinstance(got, Unknown):
            return str(got)
        op, arg = m.group(2) or "", m.group(3) or ""
        if op in (":-", "-"):
            return arg if got is None or (op == ":-" and got == "") else got
        if op in (":+", "+"):
            return arg if got is not None and (op == "+" or got != "") else ""
        return got or ""
    return _COMPOSE_VAR.sub(value, text)


# ---------------------------------------------------------------------------
# values


class _Scope:
    """The variables of a definition as bake evaluates them: a `variable`
    block takes the environment's value when there is one, else its default;
    a top-level attribute its value; each once."""

    def __init__(self, definition: dict, lookup: Callable):
        self.definition = definition
        self.lookup = lookup
        self.values: Dict[str, object] = {}
        self.busy: set = set()

    def variable(self, name: str, depth: int):
        if name in self.values:
            return self.values[name]
        if name in self.busy or depth > MAX_DEPTH:
            return Unknown(name)  # a cycle: bake refuses it
        self.busy.add(name)
        try:
            got = self._evaluate(name, depth)
        finally:
            self.busy.discard(name)
        self.values[name] = got
        return got

    def _evaluate(self, name: str, depth: int):
        definition = self.definition
        if name in definition["attributes"] and name not in definition["variables"]:
            return self.value(definition["attributes"][name], depth + 1)
        if name not in definition["variables"]:
            return Unknown(name)  # bake's own (BAKE_CMD_CONTEXT), or undefined
        block = definition["variables"][name]
        given = self.lookup(name) if _env_lookup_allowed(self.lookup) else None
        if given is not None:
            return given  # (text, or Unknown)
        if isinstance(block, dict) and "default" in block:
            return self.value(block["default"], depth + 1)
        return ""

    def value(self, expr, depth: int = 0):
        """The value of an expression: text (unknown parts as `${...}`),
        numbers, booleans, None, lists, dicts, or Unknown."""
        if depth > MAX_DEPTH:
            return Unknown("expression")
        if isinstance(expr, tuple) and len(expr) == 2 and expr[0] == "var":
            return self.variable(expr[1], depth + 1)
        if isinstance(expr, tuple) and len(expr) == 2 and expr[0] == "text":
            out = "".join(_text(self.value(p, depth + 1)) for p in expr[1])
            return out if len(out) <= MAX_TEXT else Unknown("long text")
        if isinstance(expr, list):
            return [self.value(e, depth + 1) for e in expr]
        if isinstance(expr, dict):
            return {k: self.value(v, depth + 1) for k, v in expr.items()}
        return expr


def _env_lookup_allowed(lookup: Callable) -> bool:
    """Does bake read variables from the environment
    (`BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP` not true)?"""
    return _flag(lookup("BUILDX_BAKE_DISABLE_VARS_ENV_LOOKUP")) is not True


def _text(value) -> str:
    """A value inside a template."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return str(value) if isinstance(value, Unknown) else "${expression}"


def _strings(value) -> Optional[List[str]]:
    """A list of text values (a lone text as a list of one); None when the
    list itself is not known."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        return None
    return [_text(v) for v in value if v is not None]


# ---------------------------------------------------------------------------
# targets


def _requested(names: List[str], definition: dict, scope: "_Scope") -> List[str]:
    """The targets a command builds: the names it gives (default: `default`),
    patterns matched against groups and targets, groups expanded."""
    wanted = []
    for name in [n.replace(".", "_") for n in names] or ["default"]:
        if "$" in name or "://" in name or name.startswith("git@"):
            raise _Unknowable(name)
        if any(ch in name for ch in "*?["):
            found = [n for n in list(definition["groups"]) + list(definition["targets"])
                     if fnmatch.fnmatchcase(n, name)]
            if not found:
                raise _Unknowable(name)  # bake: no target matches
            wanted += found
        else:
            wanted.append(name)
    out = []
    for name in wanted:
        for target in _group_targets(name, definition, scope, set(), 0):
            if target not in out:
                out.append(target)
    if len(out) > MAX_TARGETS:
        raise _Unknowable("targets")
    return out


def _group_targets(name: str, definition: dict, scope: "_Scope", seen: set,
                   depth: int) -> List[str]:
    """The targets of a group (a name that is not a group is a target)."""
    if name not in definition["groups"]:
        return [name]
    if name in seen:
        return []
    if depth > MAX_DEPTH:
        raise _Unknowable(name)
    seen.add(name)
    members = _strings(scope.value(definition["groups"][name]))
    if members is None or any("$" in m for m in members):
        raise _Unknowable(name)
    out = []
    for member in members:
        out += _group_targets(member, definition, scope, seen, depth + 1)
    return out


def _overrides(sets: List[str], definition: dict) -> Dict[str, Dict[str, list]]:
    """{target: {key: [values]}} of the `--set PATTERN.KEY=VALUE` overrides
    that bear on pushes (tags, output, push, load); `KEY+=` appends (kept as
    `("+", values)`)."""
    out: Dict[str, Dict[str, list]] = {}
    for item in sets:
        left, eq, value = item.partition("=")
        appended = left.endswith("+")
        keys = left.rstrip("+").split(".", 2)
        if len(keys) < 2 or not eq:
            if len(keys) >= 2 and keys[1] == "args":
                continue
            raise _Unknowable(item)  # bake refuses it
        pattern, key = keys[0], keys[1]
        if key not in ("tags", "output", "push", "load"):
            continue
        names = [pattern] if pattern in definition["targets"] else [
            n for n in definition["targets"] if fnmatch.fnmatchcase(n, pattern)]
        if not names:
            raise _Unknowable(item)  # bake: no target matches
        for name in names:
            entry = out.setdefault(name, {}).setdefault(key, [False, []])
            entry[0] = entry[0] or appended
            entry[1].append(value)
    return out


def _resolved(name: str, definition: dict, scope: _Scope, overrides: dict,
              visited: dict, depth: int) -> Optional[dict]:
    """A target's `tags` and `output` after its `inherits` (each parent's
    overrides applied to it too, as bake does), its blocks and its overrides;
    None for a target already being resolved (bake skips an `inherits` cycle)."""
    if name in visited:
        return visited[name]
    if depth > MAX_DEPTH or name not in definition["targets"]:
        raise _Unknowable(name)  # bake: failed to find target
    visited[name] = None
    own: dict = {}
    parents: List[str] = []
    for body in definition["targets"][name]:
        if "matrix" in body or "name" in body:
            raise _Unknowable(name)  # targets made by a matrix
        for key in ("tags", "output"):
            if key in body:
                own[key] = scope.value(body[key])
        inherits = _strings(scope.value(body.get("inherits", [])))
        if inherits is None:
            raise _Unknowable(name)
        parents += inherits
    merged: dict = {}
    for parent in parents[:100]:
        got = _resolved(parent, definition, scope, overrides, visited, depth + 1)
        if got is not None:
            merged.update(got)
    merged.update({k: v for k, v in own.items() if v is not None})
    _override(merged, overrides.get(name, {}))
    visited[name] = merged
    return merged


def _override(target: dict, overrides: Dict[str, list]):
    """Apply a target's `--set` overrides: tags and output (replaced, or added
    to with `+=`), then push and load as bake does (`setPushOverride`)."""
    for key in ("tags", "output"):
        if key in overrides:
            appended, values = overrides[key]
            before = _strings(target.get(key)) if appended else []
            if before is None:
                raise _Unknowable(key)
            target[key] = before + values
    for key in ("push", "load"):
        if key not in overrides:
            continue
        on = _flag(overrides[key][1][-1])
        if on is None:
            raise _Unknowable(key)
        outputs = _outputs(target.get("output"))
        if key == "push":
            outputs = _push_override(outputs, on)
        elif on and all(o.get("type") in ("image", "registry", "oci") for o in outputs):
            outputs = outputs + [{"type": "docker"}]
        target["output"] = outputs


def _outputs(value) -> List[dict]:
    """A target's outputs as dicts (`type=registry,name=x` or `{type =
    "registry"}`; text without `=` is a local folder)."""
    if value is None:
        return []
    items = [value] if isinstance(value, (str, dict)) else value
    if not isinstance(items, list):
        raise _Unknowable("output")
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append({str(k): _text(v) for k, v in item.items()})
        elif isinstance(item, str):
            if "=" not in item:
                out.append({"type": "local", "dest": item})
                continue
            fields = {}
            for part in item.split(","):
                k, _, v = part.partition("=")
                fields[k.strip()] = v.strip()
            out.append(fields)
        else:
            raise _Unknowable("output")
    return out


def _push_override(outputs: List[dict], push: bool) -> List[dict]:
    """`*.push=true|false` on a target's outputs, as buildx applies it."""
    if not push:
        return [dict(o, push="false") if o.get("type") == "image" else o
                for o in outputs if o.get("type") != "registry"]
    out = [dict(o, push="true") if o.get("type") == "image" else o for o in outputs]
    if all(o.get("type") == "docker" for o in outputs):
        out.append({"type": "image", "push": "true"})
    return out


def _target_pushes(name: str, definition: dict, scope: _Scope, overrides: dict) -> List[str]:
    """The references one target pushes: its tags when an output goes to a
    registry (else the `name` of that output), [] when none does."""
    target = _resolved(name, definition, scope, overrides, {}, 0) or {}
    pushing = [o for o in _outputs(target.get("output"))
               if o.get("type") == "registry"
               or o.get("type") == "image" and _flag(o.get("push", "false")) is True]
    if not pushing:
        return []
    tags = _strings(target.get("tags", []))
    if tags is None:
        raise _Unknowable(name)
    if not tags:
        tags = [n for o in pushing for n in o.get("name", "").split(",")]
    return [t.strip() for t in tags if t.strip()]
