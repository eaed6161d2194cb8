"""The configuration file: `.ecs-lint.yaml`, `.ecs-lint.yml` or `[tool.ecs-lint]`.

Found in the working directory or the nearest parent up to the repository root
(the folder holding `.git` or `.github/workflows`); `--config FILE` overrides.
Its shape is checked with jsonschema (imported only when there is a config to
check) and every error names the offending key and its line. Paths in it are
relative to it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, Optional

from . import cache
from .loader import LoadError, decode, load_yaml

CONFIG_NAMES = (".ecs-lint.yaml", ".ecs-lint.yml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

SEVERITY_VALUES = ["error", "warning", "info", "off"]

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rules": {
            "type": "object",
            "additionalProperties": {
                "anyOf": [
                    {"enum": SEVERITY_VALUES},
                    {"type": "boolean"},
                    {"type": "object",
                     "properties": {"severity": {"enum": SEVERITY_VALUES}}},
                ]
            },
        },
        "exclude": {"type": "array", "items": {"type": "string"}},
        "ignore": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path"],
                "properties": {
                    "path": {"type": "string"},
                    "rules": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                },
            },
        },
        "github": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "repository": {"type": "string", "pattern": r"^[^/\s]+/[^/\s]+$"},
                "owners": {"type": "array", "items": {"type": "string"}},
                "vars": {"type": "object", "additionalProperties": {"type": ["string", "number"]}},
                "secrets": {"type": "object", "additionalProperties": {"type": ["string", "number"]}},
                "subject": {"enum": ["legacy", "immutable"]},
                # GitHub's ids are positive integers (written as a number or as text)
                "owner-id": {"type": ["integer", "string"], "minimum": 1,
                             "pattern": "^[1-9][0-9]*$"},
                "repository-id": {"type": ["integer", "string"], "minimum": 1,
                                  "pattern": "^[1-9][0-9]*$"},
                "default-branch": {"type": "string"},
                "audience": {"type": "string"},
            },
        },
        "roles": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "trust": {"type": "string"},
                    "permissions": {
                        "anyOf": [{"type": "string"},
                                  {"type": "array", "items": {"type": "string"}}]},
                    "production": {"type": "boolean"},
                },
            },
        },
        "max-file-size": {"type": ["integer", "string"]},
        "production-roles": {"type": "array", "items": {"type": "string"}},
    },
}


class ConfigError(Exception):
    pass


STS_AUDIENCE = "sts.amazonaws.com"  # what configure-aws-credentials asks for by default


@dataclass
class Config:
    path: Optional[str] = None
    root: str = "."
    rules: dict = field(default_factory=dict)  # id -> severity | "off" | {severity, opts}
    exclude: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    github: dict = field(default_factory=dict)
    roles: dict = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    raw: dict = field(default_factory=dict)

    def audience(self) -> str:
        """The audience the workflows ask for unless a step names one
        (`github.audience`, else sts.amazonaws.com)."""
        g = self.github if isinstance(self.github, dict) else {}
        return str(g.get("audience") or STS_AUDIENCE)

    def rule_setting(self, rule_id):
        return self.rules.get(rule_id)

    def resolve_path(self, p: str) -> str:
        return os.path.normpath(os.path.join(self.root, p))

    def real_path(self, p: str) -> str:
        """The real path of a file config names (`roles:`), resolved once a run."""
        known = self.__dict__.setdefault("_real_paths", {})
        real = known.get(p)
        if real is None:
            try:
                real = realpath_in(self.resolve_path(p), self.__dict__.setdefault("_real_dirs", {}))
            except (OSError, ValueError):
                real = self.resolve_path(p)
            known[p] = real
        return real

    def role_files(self) -> dict:
        """realpath of each policy file named under `roles:` -> [(role key, "trust" or
        "permissions")], built once: rules look files up here instead of
        comparing every document with every role."""
        index = getattr(self, "_role_files", None)
        if index is None:
            index = {}
            real_dirs = {}  # most role files share a few folders
            for key, part, f in self._role_file_entries():
                index.setdefault(realpath_in(self.resolve_path(f), real_dirs), []).append(
                    (key, part))
            self._role_files = index
        return index

    def roles_of_file(self, path: str) -> list:
        """[(role key, "trust" or "permissions")] of the roles whose policy file
        under `roles:` is `path` (the same file: realpaths compared). Entries of
        the same base name are looked at first, so one file costs a few system
        calls, not one per file of a large config; the full index is built only
        when none of them is the file (another name, a link)."""
        by_name = getattr(self, "_role_file_names", None)
        if by_name is None:
            by_name = {}
            for key, part, f in self._role_file_entries():
                by_name.setdefault(os.path.basename(f), []).append((key, part, f))
            self._role_file_names = by_name
        dirs = getattr(self, "_real_dirs", None)
        if dirs is None:
            dirs = self._real_dirs = {}
        real = realpath_in(os.path.abspath(path), dirs)  # absolute: the folder cache outlives a chdir
        found = [(key, part) for key, part, f in by_name.get(os.path.basename(path), [])
                 if realpath_in(self.resolve_path(f), dirs) == real]
        return found or self.role_files().get(real, [])

    def _role_file_entries(self):
        for key, spec in (self.roles or {}).items():
            if not isinstance(spec, dict):
                continue
            trust = spec.get("trust")
            perms = spec.get("permissions")
            perms = [perms] if isinstance(perms, str) else (perms or [])
            for part, files in (("trust", [trust]), ("permissions", perms)):
                for f in files:
                    if isinstance(f, str):
                        yield key, part, f

    def role_keys_by_name(self) -> dict:
        """role name (the last part of an ARN key, or the key) -> [role keys]."""
        index = getattr(self, "_role_names", None)
        if index is None:
            index = {}
            for key in self.roles or {}:
                index.setdefault(str(key).rsplit("/", 1)[-1], []).append(key)
            self._role_names = index
        return index


def is_repository_root(folder: str) -> bool:
    """Does `folder` hold a repository: `.git`, or `.github/workflows` (GitHub
    reads workflows only at a repository's root, so a folder holding them is
    one, even kept inside another checkout: a vendored example, a test case)?"""
    return os.path.exists(os.path.join(folder, ".git")) or \
        os.path.isdir(os.path.join(folder, ".github", "workflows"))


def repository_root(start: str = ".") -> Optional[str]:
    """The nearest repository root from `start` up (see `is_repository_root`)."""
    here = os.path.abspath(start)
    while not is_repository_root(here):
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
    return here


def find_config(start: str = ".") -> Optional[str]:
    here = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            cand = os.path.join(here, name)
            if os.path.isfile(cand):
                return cand
        pp = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pp) and _pyproject_section(pp) is not None:
            return pp
        if is_repository_root(here):
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def realpath_in(path: str, real_dirs: dict) -> str:
    """os.path.realpath(path), resolving each folder once: the real folder joined
    with the name, and the name itself followed only when it is a link."""
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    real_dir = real_dirs.get(folder)
    if real_dir is None:
        real_dir = real_dirs[folder] = os.path.realpath(folder or ".")
    joined = os.path.join(real_dir, name)
    return os.path.realpath(joined) if os.path.islink(joined) else joined


def _toml():
    """The TOML reader: tomllib from Python 3.11, else tomli (its source, the same API)."""
    try:
        import tomllib
    except ImportError:
        import tomli as tomllib
    return tomllib


def _pyproject_section(path):
    tomllib = _toml()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError:
        return None
    except tomllib.TOMLDecodeError:
        try:  # broken: ours only if it seems to hold our section (then load_config says why)
            with open(path, "rb") as f:
                return {} if b"[tool.ecs-lint" in f.read() else None
        except OSError:
            return None
    return (data.get("tool") or {}).get("ecs-lint")


def load_config(path: Optional[str]) -> Config:
    if path is None:
        return Config()
    if not os.path.isfile(path):
        raise ConfigError(f"{path}: config file not found")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"{path}: {e.strerror}") from None
    toml = os.path.basename(path) == "pyproject.toml"
    known = _known_config(raw, toml)
    kept = cache.read_json(known) if known else None
    if isinstance(kept, dict) and isinstance(kept.get("config"), dict):
        # this very file passed before: no parsing, no schema
        return _build(path, kept["config"], _toml_locator(raw) if toml
                      else _locate_later(path, raw))
    locate = None
    if toml:
        locate = _toml_locator(raw)
        tomllib = _toml()
        try:
            data = (tomllib.loads(decode(raw)).get("tool") or {}).get("ecs-lint")
        except (tomllib.TOMLDecodeError, LoadError) as e:
            raise ConfigError(f"{path}: invalid TOML: {e}") from None
        if data is None:
            raise ConfigError(f"{path}: no [tool.ecs-lint] section")
    else:
        try:
            loaded = load_yaml(decode(raw))
        except LoadError as e:
            raise ConfigError(f"{path}:{e.line}:{e.column}: {e.message}") from None
        if not loaded or loaded[0].data is None:
            data = {}
        else:
            data, locate = loaded[0].data, loaded[0].locate
    _validate_schema(path, data, locate)
    config = _build(path, data, locate)
    if known and _survives_json(data):
        cache.write_json(known, {"config": data})
    return config


def _known_config(raw: bytes, toml: bool) -> Optional[str]:
    """The cache entry of a config file that passed validation: its content,
    keyed by its bytes, its syntax, the schema and ecs-lint's version. Reading a
    large config with positions costs ~35 ms and jsonschema ~50 ms to import;
    positions only matter for an error, and a config that passed once passes."""
    if cache.cache_dir() is None:
        return None
    import json

    from . import __version__

    key = cache.digest(json.dumps(SCHEMA, sort_keys=True).encode(), __version__.encode(),
                       b"\0toml\0" if toml else b"\0yaml\0", raw, size=32)
    return cache.entry("config", key[:2], key[2:] + ".json")


def _survives_json(data) -> bool:
    import json

    try:
        return json.loads(json.dumps(data)) == data
    except (TypeError, ValueError, RecursionError):
        return False


def _toml_locator(raw: bytes):
    """Where a key of `[tool.ecs-lint]` is written in pyproject.toml, found in
    the text (the TOML reader keeps no positions): the line of the last key of
    the path, after the section's header; the header itself if not found."""
    from .model import Span

    lines = raw.decode("utf-8", "replace").splitlines()

    def locate(at, key=False):
        start = next((i for i, line in enumerate(lines)
                      if line.strip().startswith("[tool.ecs-lint")), 0)
        names = [str(a) for a in at if not isinstance(a, int)]
        if names:
            want = re.compile(r'^\s*(?:"?' + re.escape(names[-1]) + r'"?)\s*=|[{,]\s*"?'
                              + re.escape(names[-1]) + r'"?\s*=')
            for i in range(start, len(lines)):
                m = want.search(lines[i])
                if m:
                    return Span(i + 1, m.start() + 1 + (len(m.group(0)) - len(
                        m.group(0).lstrip(" \t{,"))))
        return Span(start + 1, 1)
    return locate


def _locate_later(path, raw):
    """A locator that reads the file with positions only if asked."""
    found = []

    def locate(at, key=False):
        if not found:
            found.append(load_yaml(decode(raw))[0].locate)
        return found[0](at, key)
    return locate


def _where(path, locate, at):
    if locate is None:
        return f"{path}"
    span = locate(tuple(at))
    return f"{path}:{span.line}:{span.column}"


def _validate_schema(path, data, locate):
    import jsonschema  # only when there is a config to check

    validator = jsonschema.Draft7Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        e = errors[0]
        at = list(e.absolute_path)
        key = ".".join(map(str, at)) or "(top level)"
        if e.validator == "additionalProperties":
            extra = [k for k in (e.instance or {}) if k not in (e.schema.get("properties") or {})]
            if extra:
                at = at + [extra[0]]
                key = ".".join(map(str, at))
                raise ConfigError(f"{_where(path, locate, at)}: unknown key '{key}'")
        msg = e.message
        if e.validator == "anyOf" and at and at[0] == "rules":
            msg = (f"{e.instance!r} is not a severity ({', '.join(SEVERITY_VALUES)}) "
                   f"or a map of severity and options")
        raise ConfigError(f"{_where(path, locate, at)}: '{key}': {msg}")


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.I)


def parse_size(v) -> int:
    """Bytes of a size (`10MB`, `512k`, 4096); ValueError unless it is positive."""
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, int):
        n = v
    else:
        m = _SIZE.match(str(v))
        if not m:
            raise ValueError(v)
        unit = (m.group(2) or "").lower().rstrip("b").rstrip("i")
        n = int(float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[unit])
    if n <= 0:
        raise ValueError(v)
    return n


def _exists(cfg: "Config", rel: str, listed: Dict[str, set]) -> bool:
    """Does the file a config path names exist? Answered from one listing of
    each folder when it can be: a config of a thousand roles names two thousand
    files in a few folders, and resolving each path costs more than the rest."""
    folder, _, name = rel.rpartition("/")
    if folder not in listed:
        try:
            listed[folder] = set(os.listdir(os.path.join(cfg.root, folder)))
        except OSError:
            listed[folder] = set()
    return name in listed[folder] or os.path.exists(cfg.resolve_path(rel))


def _build(path, data, locate) -> Config:
    from .registry import RULES, load_rules

    load_rules()
    cfg = Config(path=path, root=os.path.dirname(os.path.abspath(path)), raw=data)
    for rid, setting in (data.get("rules") or {}).items():
        if rid not in RULES:
            raise ConfigError(f"{_where(path, locate, ['rules', rid])}: unknown rule id "
                              f"'{rid}' (see ecs-lint --list-rules)")
        if setting is False:
            setting = "off"
        elif setting is True:  # on, as the rule has it
            setting = {}
        if isinstance(setting, dict):
            opts = {k: v for k, v in setting.items() if k != "severity"}
            known = RULES[rid].options
            for k, v in opts.items():
                if k not in known:
                    raise ConfigError(
                        f"{_where(path, locate, ['rules', rid, k])}: rule '{rid}' has no "
                        f"option '{k}'" + (f" (options: {', '.join(known)})" if known
                                           else " (it takes no options)"))
                default = known[k]
                if isinstance(default, bool) != isinstance(v, bool) or \
                        (isinstance(default, (int, float)) and not isinstance(v, (int, float))) or \
                        (isinstance(default, str) and not isinstance(v, str)) or \
                        (isinstance(default, list) and not isinstance(v, list)):
                    raise ConfigError(
                        f"{_where(path, locate, ['rules', rid, k])}: option '{k}' of "
                        f"'{rid}' must be {type(default).__name__}, not {v!r}")
                if isinstance(v, (int, float)) and not isinstance(v, bool) \
                        and not 0 <= v < float("inf"):  # thresholds: minutes, seconds
                    raise ConfigError(
                        f"{_where(path, locate, ['rules', rid, k])}: option '{k}' of "
                        f"'{rid}' must be a number of 0 or more, not {v!r}")
                if isinstance(default, list) and not all(isinstance(x, str) for x in v):
                    raise ConfigError(
                        f"{_where(path, locate, ['rules', rid, k])}: option '{k}' of "
                        f"'{rid}' must be a list of strings, not {v!r}")
            # (no `severity:` keeps the rule's own: per finding for policy-iam-lint)
            setting = {**({"severity": setting["severity"]} if "severity" in setting else {}),
                       **opts}
        cfg.rules[rid] = setting
    cfg.exclude = list(data.get("exclude") or [])
    cfg.ignore = list(data.get("ignore") or [])
    patterns = [(["exclude", i], p) for i, p in enumerate(cfg.exclude)]
    patterns += [(["ignore", i, "path"], ig["path"]) for i, ig in enumerate(cfg.ignore)
                 if isinstance(ig, dict) and isinstance(ig.get("path"), str)]
    if patterns:
        import pathspec

        for at, pattern in patterns:
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            except ValueError:  # GitIgnorePatternError: a trailing `\\`, a lone `!`
                raise ConfigError(f"{_where(path, locate, at)}: {pattern!r} is not a valid "
                                  f"gitignore-style pattern") from None
    for i, ig in enumerate(cfg.ignore):
        for rid in ig.get("rules") or []:
            from .registry import resolve_selector
            if not resolve_selector(rid):
                raise ConfigError(f"{_where(path, locate, ['ignore', i, 'rules'])}: unknown "
                                  f"rule id '{rid}'")
    cfg.github = dict(data.get("github") or {})
    cfg.roles = dict(data.get("roles") or {})
    listed: Dict[str, set] = {}  # folder -> its names, each folder listed once
    for key, spec in cfg.roles.items():  # a misspelt path would silently unlink the role
        for part in ("trust", "permissions"):
            files = spec.get(part) if isinstance(spec, dict) else None
            for i, f in enumerate([files] if isinstance(files, str) else files or []):
                if isinstance(f, str) and not _exists(cfg, f, listed):
                    at = ["roles", key, part] + ([i] if isinstance(files, list) else [])
                    raise ConfigError(f"{_where(path, locate, at)}: roles.{key}.{part}: "
                                      f"no such file: {f}")
    if "max-file-size" in data:
        try:
            cfg.max_file_size = parse_size(data["max-file-size"])
        except (ValueError, KeyError):
            raise ConfigError(f"{_where(path, locate, ['max-file-size'])}: max-file-size "
                              f"must be a number of bytes or like '10MB'") from None
    return cfg
