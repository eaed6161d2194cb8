"""Linking: which role a job assumes, which repository it is, which task
definition a step deploys.

- The repository `OWNER/REPO`: `github.repository` in config, else the `origin`
  remote in the checkout's `.git/config` (read as text; https, ssh and scp-like
  forms), else unknown.
- Roles: from config (`roles:` keyed by ARN, role name, or the name of the
  `vars`/`secrets`/`env` reference, with `trust:` and `permissions:` files), and
  from templates (a trust policy or permission policy document whose context
  names its role: CloudFormation `RoleName`/logical id, Terraform role name or
  address, `AWS::IAM::Policy` `Roles`, `AWS::IAM::RolePolicy` `RoleName`); a
  role written without a name by the names it gets (Terraform `name_prefix` +
  26-character id, CloudFormation STACK-LOGICALID-SUFFIX).
- `role-to-assume`: an ARN literal, or a `${{ vars.X }}` / `${{ secrets.X }}` /
  `${{ env.X }}` reference resolved through the workflow's `env` blocks and then
  config `github.vars` / `github.secrets`; another job's output
  (`${{ needs.setup.outputs.role }}`) or an earlier step's, as it is set
  (an expression, or a `$GITHUB_OUTPUT` line); an ARN whose account is an
  expression (`arn:aws:iam::${{ vars.ACCOUNT_ID }}:role/deploy`) by its role name;
  a bare role name on a `role-chaining: true` step in the account of the role
  it chains from (configure-aws-credentials builds the ARN from the caller's
  account).
- Task definitions: by file path (relative to the repository root) and by family;
  a file a job's script writes, by the file or family it copies the task
  definition from (`copied_from`: `cp`, `envsubst`, `yq -o=json`, `jq` that only
  drops top-level keys, `aws ecs describe-task-definition`), its paths resolved
  per matrix row from the step's `working-directory` and the script's
  `cd`/`pushd`/`popd`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from .. import managed_policies as M
from ..config import realpath_in
from ..model import Document, Span
from ..lazy import lazy_import
from ..values import Template, Unknown, text_of

shell = lazy_import("ecs_lint.shell", globals(), "shell")
wm = lazy_import("ecs_lint.workflow_model", globals(), "wm")
N = lazy_import("ecs_lint.xref.needs", globals(), "N")

# ---------------------------------------------------------------------------
# the repository

_REMOTE = re.compile(r"""^\s*\[\s*remote\s+"([^"]+)"\s*\]\s*$""")
_URL = re.compile(r"^\s*url\s*=\s*(.+?)\s*$")
_GITHUB_URL = re.compile(
    r"^(?:https?://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|git://|[^@/:]+@)?"
    r"(?P<host>[^/:]+)(?::\d+)?[:/](?P<owner>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/?$")


def repository_from_git(repo_root: str) -> Optional[str]:
    """`OWNER/REPO` of the `origin` remote (GitHub hosts only), or None."""
    path = os.path.join(repo_root or ".", ".git")
    if os.path.isfile(path):  # a worktree or submodule: "gitdir: ..."
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                first = f.readline()
        except OSError:
            return None
        if first.startswith("gitdir:"):
            path = os.path.join(repo_root, first[len("gitdir:"):].strip())
            common = os.path.join(path, "commondir")
            if os.path.isfile(common):
                try:
                    with open(common, encoding="utf-8", errors="replace") as f:
                        path = os.path.join(path, f.read().strip())
                except OSError:
                    pass
    try:
        with open(os.path.join(path, "config"), encoding="utf-8", errors="replace") as f:
            text = f.read(1_000_000)
    except OSError:
        return None
    return parse_git_config_remote(text)


def parse_git_config_remote(text: str, remote: str = "origin") -> Optional[str]:
    current = None
    for line in text.splitlines():
        m = _REMOTE.match(line)
        if m:
            current = m.group(1)
            continue
        if line.strip().startswith("["):
            current = None
            continue
        if current == remote:
            u = _URL.match(line)
            if u:
                return parse_remote_url(u.group(1))
    return None


def parse_remote_url(url: str) -> Optional[str]:
    m = _GITHUB_URL.match(url.strip().strip('"'))
    if not m:
        return None
    host = m.group("host").lower()
    if not (host == "github.com" or host.endswith(".github.com") or host.startswith("github.")
            or host == "ssh.github.com"):
        return None
    return f"{m.group('owner')}/{m.group('repo')}"


def repository(ctx) -> Optional[str]:
    repo = ctx.config.github.get("repository")
    if isinstance(repo, str) and "/" in repo:
        return repo
    from .. import probes

    found = probes.ask("git-origin", ctx.repo_root)
    if found:
        ctx.note(f"xref: repository {found} from the git remote 'origin'")
    return found


# ---------------------------------------------------------------------------
# roles

_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}|\*|[^:]*):role/(?:.*/)?([^/]+)$")


def role_name_of_arn(arn: str) -> Optional[str]:
    m = _ARN.match(arn.strip()) if isinstance(arn, str) else None
    return m.group(2) if m else None


def account_of_arn(arn: str) -> Optional[str]:
    m = _ARN.match(arn.strip()) if isinstance(arn, str) else None
    return m.group(1) if m and re.fullmatch(r"\d{12}", m.group(1)) else None


@dataclass
class Role:
    key: str  # how it is known: ARN, name, or template resource
    arn: Optional[str] = None
    name: Optional[str] = None
    trust: List[Document] = field(default_factory=list)
    permissions: List[Document] = field(default_factory=list)
    source: str = ""  # where the link came from (for --verbose)
    production: bool = False
    # attached policies whose statements are not in the files read (an AWS
    # managed policy, an ARN from a parameter): what the role may do is unknown
    unread: List[str] = field(default_factory=list)
    # the names a template lets AWS or Terraform generate (no name written)
    pattern: Optional[re.Pattern] = None
    # its permissions boundary: the policies of it read, and the ARN of one not
    # read (an AWS managed policy whose text is known is read)
    boundaries: List[Document] = field(default_factory=list)
    boundary_arns: List[str] = field(default_factory=list)

    @property
    def account(self) -> Optional[str]:
        """The role's account: its ARN's, else the one account its trust
        policies' OIDC providers name (a role trusts only providers of its own
        account: a template's role written without its account)."""
        return (account_of_arn(self.arn) if self.arn else None) or _provider_account(self.trust)

    @property
    def label(self) -> str:
        return self.arn or self.name or self.key

    @property
    def tags(self) -> Optional[dict]:
        """The role's tags when the files that define it say (its trust
        documents' `role_tags`: a template's role, `aws iam get-role` output),
        else None (a role from elsewhere, tags not known, or told apart)."""
        found = [d.context["role_tags"] for d in self.trust
                 if isinstance(d.context, dict) and isinstance(d.context.get("role_tags"), dict)]
        return found[0] if found and all(f == found[0] for f in found) else None

    def unread_for(self, action: str) -> List[str]:
        """The attached policies not read that may allow `action` (an AWS
        managed policy whose copy answers for it is read)."""
        return [u for u in self.unread if not M.answers(u, action)]

    def bounded_for(self, action: str) -> bool:
        """Does a permissions boundary that is read decide `action` (a role
        with a boundary not read may or may not be let do it)?"""
        return bool(self.boundaries) and all(M.answers(a, action) for a in self.boundary_arns)


_PROVIDER_ARN = re.compile(r"^arn:(?:[\w-]+|\0):iam::(\d{12}):oidc-provider/")


def _provider_account(trust: List[Document]) -> Optional[str]:
    accounts = set()
    for d in trust:
        body = d.data.get("Statement") if isinstance(d.data, dict) else None
        for st in body if isinstance(body, list) else [body]:
            principal = st.get("Principal") if isinstance(st, dict) else None
            fed = principal.get("Federated") if isinstance(principal, dict) else None
            for f in fed if isinstance(fed, list) else [fed]:
                if isinstance(f, Template):  # `arn:${AWS::Partition}:iam::1234...:...`
                    f = "".join(p if isinstance(p, str) else "\0" for p in f.parts)
                m = _PROVIDER_ARN.match(f.strip()) if isinstance(f, str) else None
                if m:
                    accounts.add(m.group(1))
    return accounts.pop() if len(accounts) == 1 else None


def _realpath(path: str, real_dirs: dict) -> str:
    try:
        return realpath_in(path, real_dirs)  # = os.path.realpath, each folder resolved once
    except (OSError, ValueError):
        return path


def _name_of(value) -> Optional[str]:
    """A role name from a context value (str, or a one-hole Template)."""
    s = text_of(value)
    if s is not None:
        return role_name_of_arn(s) or s
    return None


def _trust_roles(docs):
    """(trust document, role reference, role name) of each role a template's
    trust policy is the trust of: a Terraform policy document that several
    `aws_iam_role`s use (`role_refs`, `role_names`) is each one's."""
    for d in docs:
        if d.kind != "trust-policy" or not d.context:
            continue
        refs, names = d.context.get("role_refs"), d.context.get("role_names")
        if isinstance(refs, list) and isinstance(names, list) and len(refs) == len(names) > 1:
            for ref, name in zip(refs, names):
                yield d, ref, _name_of(name)
            continue
        yield d, d.context.get("role_ref") or d.context.get("resource"), \
            _name_of(d.context.get("role_name"))


def _role_refs(value) -> List[str]:
    """Names a policy's `roles` context gives (literal names or resource ids)."""
    out = []
    for r in value if isinstance(value, list) else [value]:
        if isinstance(r, str):
            out.append(role_name_of_arn(r) or r)
        elif isinstance(r, Template):
            out.extend(u.name.split(".")[0] for u in r.unknowns)
        elif isinstance(r, Unknown):
            out.append(r.name.split(".")[0])
    return out


@dataclass
class RoleIndex:
    by_arn: Dict[str, Role] = field(default_factory=dict)
    by_name: Dict[str, List[Role]] = field(default_factory=dict)
    by_ref: Dict[str, Role] = field(default_factory=dict)  # config keys that are not ARNs/names
    roles: List[Role] = field(default_factory=list)
    patterned: List[Role] = field(default_factory=list)

    def add(self, role: Role):
        self.roles.append(role)
        if role.pattern is not None:
            self.patterned.append(role)
        if role.arn:
            self.by_arn[role.arn] = role
        if role.name:
            self.by_name.setdefault(role.name, []).append(role)

    def find(self, arn: Optional[str] = None, name: Optional[str] = None,
             ref: Optional[str] = None) -> Optional[Role]:
        if ref and ref in self.by_ref:
            return self.by_ref[ref]
        if arn and arn in self.by_arn:
            return self.by_arn[arn]
        if arn and not name:
            name = role_name_of_arn(arn)
        if name and (name in self.by_name or self.patterned):
            cands = self.by_name.get(name) or [
                r for r in self.patterned if r.pattern.fullmatch(name)]
            if arn:
                acct = account_of_arn(arn)
                same = [r for r in cands if r.account in (None, acct)]
                cands = same
            if len(cands) == 1:
                return cands[0]
        return None


def build_roles(docs: List[Document], ctx, facts) -> RoleIndex:
    """The roles of the documents given; `facts` (`groups.Facts`) tell which
    policy files the run read: a config role's file not among `docs` may be in
    another part of a large run, checked apart."""
    index = RoleIndex()
    cfg = ctx.config
    by_file: Dict[tuple, List[Document]] = {}  # (realpath, kind) -> documents
    real_dirs: Dict[str, str] = {}
    if cfg.roles:
        for d in docs:
            if d.kind in ("trust-policy", "permissions-policy"):
                by_file.setdefault((_realpath(d.file, real_dirs), d.kind), []).append(d)
    production_names = set(cfg.raw.get("production-roles") or []) if isinstance(cfg.raw, dict) else set()
    for key, spec in _config_roles(cfg, facts, {real for real, _ in by_file}):
        arn = key if key.startswith("arn:") else None
        name = role_name_of_arn(key) if arn else (key if re.fullmatch(r"[\w+=,.@-]+", key) else None)
        role = Role(key, arn, name, source=f"config roles.{key}",
                    production=bool(spec.get("production")) or key in production_names)
        trust = spec.get("trust")
        if isinstance(trust, str):
            real = cfg.real_path(trust)
            role.trust = list(by_file.get((real, "trust-policy"), []))
            if not role.trust and real not in facts.trust_files:
                ctx.note(f"xref: config roles.{key}.trust: no trust policy read from {trust}")
        perms = spec.get("permissions")
        for p in [perms] if isinstance(perms, str) else (perms or []):
            if isinstance(p, str):
                real = cfg.real_path(p)
                found = list(by_file.get((real, "permissions-policy"), []))
                if not found and real not in facts.permission_files:
                    ctx.note(f"xref: config roles.{key}.permissions: no permission policy "
                             f"read from {p}")
                    # a policy of the role not among the files read (a run on some
                    # files: pre-commit): what the role may do is not known
                    role.unread.append(p)
                role.permissions.extend(found)
        index.add(role)
        if not arn:
            index.by_ref[key] = role
            for prefix in ("vars.", "secrets.", "env."):
                if key.startswith(prefix):
                    index.by_ref[key[len(prefix):]] = role
    # roles defined in templates: CloudFormation (`role_ref` = logical id) and
    # Terraform (`role_ref` = resource address); policies name them in `roles`
    # (or share the role's `role_ref` when inline)
    by_ref: Dict[tuple, Role] = {}
    for d, ref, name in _trust_roles(docs):
        if ref is None and name is None:
            continue
        configured = [r for r in index.by_name.get(name, []) if not r.trust] if name else []
        unread = [u for u in d.context.get("unread_policies") or [] if isinstance(u, str)]
        boundary = d.context.get("boundary")
        boundary = [str(boundary)] if boundary is not None else []
        if configured:  # config names the role: the template gives its trust policy
            for r in configured:
                r.trust.append(d)
                r.unread += [u for u in unread if u not in r.unread]
                r.boundary_arns += [b for b in boundary if b not in r.boundary_arns]
                if ref is not None:
                    by_ref[(d.file, _reading(d), str(ref))] = r
            continue
        role = Role(str(ref or name), None, name, source=f"{d.file} {ref or name}",
                    unread=unread, pattern=None if name else _generated_names(d),
                    boundary_arns=boundary)
        role.trust.append(d)
        if ref is not None:
            by_ref[(d.file, _reading(d), str(ref))] = role
        index.add(role)

    def template_role(d: Document, ref: str) -> List[Role]:
        reading = _reading(d)
        if (d.file, reading, ref) in by_ref:
            return [by_ref[(d.file, reading, ref)]]
        folder = os.path.dirname(d.file)
        same_dir = [r for (f, rd, rr), r in by_ref.items()
                    if rr == ref and rd == reading and os.path.dirname(f) == folder]
        if same_dir:
            return same_dir[:1]
        return list(index.by_name.get(ref, []))

    for d in docs:
        if d.kind != "permissions-policy" or not d.context:
            continue
        targets: List[Role] = []
        if "roles" in d.context:
            for ref in _role_refs(d.context.get("roles")):
                targets.extend(template_role(d, ref))
        elif d.context.get("role_ref") is not None:
            targets.extend(template_role(d, str(d.context["role_ref"])))
        elif d.context.get("role_name") is not None:
            name = _name_of(d.context.get("role_name"))
            targets.extend(index.by_name.get(name, []) if name else [])
        unread = [u for u in d.context.get("unread_policies") or [] if isinstance(u, str)]
        for role in {id(r): r for r in targets}.values():
            if d not in role.permissions:
                role.permissions.append(d)
            role.unread += [u for u in unread if u not in role.unread]
        bounded = [r for ref in _role_refs(d.context.get("boundary_of") or [])
                   for r in template_role(d, ref)]
        for role in {id(r): r for r in bounded}.values():
            if d not in role.boundaries:
                role.boundaries.append(d)
    for role in index.roles:
        _read_managed(role)
    return index


def _read_managed(role: Role):
    """Add the AWS managed policies among the role's unread ones (and its
    boundary's) whose text is known (`lint/managed_policies.py`) to its
    permission policies (its boundary), placed where its files name them."""
    for arns, docs in ((role.unread, role.permissions), (role.boundary_arns, role.boundaries)):
        for arn in arns:
            name = M.known(arn)
            if name is None or any((d.context or {}).get("managed") == name for d in docs):
                continue
            near = role.trust + [d for d in role.permissions
                                 if not (d.context or {}).get("managed")]
            placed = next(((d, at) for d in near for at in [_named_at(d.text, name)]
                           if at is not None), None)
            if placed is None and not near:
                continue
            doc, span = placed or (near[0], near[0].span(()))
            docs.append(Document(
                "permissions-policy", M.document(name), doc.file,
                lambda path=(), key=False, span=span: span,
                name=f"AWS managed policy {name}", context={"managed": name}))


def _named_at(text: Optional[str], name: str) -> Optional[Span]:
    """Where a text names an AWS managed policy (`policy/NAME`), if it does."""
    if not text:
        return None
    m = re.search(r"policy/(?:[\w+=,.@-]+/)*" + re.escape(name) + r"\b", text)
    if m is None:
        return None
    at = m.start() + len("policy/")
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return Span(line, column, line, column + len(m.group(0)) - len("policy/"))


def _reading(d: Document) -> Optional[str]:
    """Which reading of a Terraform module a document comes from (a local
    module is read once per call: each call's roles are its own); None else."""
    template = (d.context or {}).get("template")
    return template.get("module") if isinstance(template, dict) and template.get("call") \
        else None


def _config_roles(cfg, facts, here: set) -> list:
    """[(key, spec)] of the config `roles:` entries that may link here: all but
    those whose policy files were all read, none of them among the files `here`
    (they are in another part of a large run, `groups`)."""
    table = facts.memo.get("config roles")
    if table is None:  # once a run: (key, spec) of roles always, and by file
        always, by_file = [], {}
        read = facts.trust_files | facts.permission_files
        for n, (key, spec) in enumerate((cfg.roles or {}).items()):
            spec = spec if isinstance(spec, dict) else {}
            files = [cfg.real_path(f) for f in _spec_files(spec)]
            if files and read.issuperset(files):
                for f in files:
                    by_file.setdefault(f, []).append((n, key, spec))
            else:
                always.append((n, key, spec))
        table = facts.memo["config roles"] = (always, by_file)
    always, by_file = table
    chosen = {e[0]: e for e in always}
    for f in here:
        chosen.update((e[0], e) for e in by_file.get(f, ()))
    return [(key, spec) for _, key, spec in sorted(chosen.values(), key=lambda e: e[0])]


def _spec_files(spec: dict) -> List[str]:
    """The policy files of a config `roles:` entry."""
    perms = spec.get("permissions")
    files = [spec.get("trust")] + ([perms] if isinstance(perms, str) else list(perms or []))
    return [f for f in files if isinstance(f, str)]


def _generated_names(d: Document) -> Optional[re.Pattern]:
    """The names a role written without one gets: Terraform's `name_prefix`
    followed by its 26-character unique id (a timestamp to 1/10000 s and an
    8-hex-digit counter); CloudFormation's STACK-LOGICALID-SUFFIX for a role
    without `RoleName` (left unlinked where CloudFormation shortens long names)."""
    fmt = (d.context.get("template") or {}).get("format") \
        if isinstance(d.context.get("template"), dict) else None
    role_name = d.context.get("role_name")
    if fmt == "terraform" and isinstance(role_name, Template) and len(role_name.parts) == 2 \
            and isinstance(role_name.parts[0], str) and isinstance(role_name.parts[1], Unknown) \
            and role_name.parts[1].name == "name_prefix":
        return re.compile(re.escape(role_name.parts[0]) + r"\d{18}[0-9a-f]{8}")
    ref = d.context.get("role_ref")
    if fmt == "cloudformation" and role_name is None and isinstance(ref, str) \
            and re.fullmatch(r"[A-Za-z0-9]+", ref):
        return re.compile(r"[A-Za-z][A-Za-z0-9-]*-" + re.escape(ref) + r"-[A-Za-z0-9]{12,13}")
    return None


_REF = re.compile(r"^\$\{\{\s*(vars|secrets|env)\.([\w-]+)\s*\}\}$")


def resolve_role_value(raw, expanded, github: dict):
    """(ARN or name, reference, how) of a role-to-assume value.

    `expanded` is the value after the workflow's own expansion (env, matrix,
    config vars/secrets); `raw` is as written, for its reference name."""
    ref = None
    raw_text = text_of(raw)
    m = _REF.match(raw_text.strip()) if raw_text else None
    if m:
        ref = f"{m.group(1)}.{m.group(2)}"
    s = text_of(expanded)
    if s is None:
        return None, ref, "not a string"
    s = s.strip()
    m = _REF.match(s)
    if m:
        ref = f"{m.group(1)}.{m.group(2)}"
        where = "the workflow env" if m.group(1) == "env" else f"config github.{m.group(1)}"
        return None, ref, f"{ref} is not set in {where}"
    if "${{" in s or _SHELL_TEXT.search(s):
        m = _ARN_NAME_KNOWN.match(s)
        if m:  # arn:aws:iam::${{ vars.ACCOUNT_ID }}:role/deploy: the role is known by name
            return m.group(1), ref, f"role name {m.group(1)} (the rest of '{s}' is not known)"
        what = "an expression" if "${{" in s else "shell text a script works out at run time,"
        return None, ref, f"'{s}' is {what} ecs-lint cannot resolve"
    if ref is None:
        ref = _picked_ref(raw_text, s, github)
    if ref is None:
        return s, ref, "literal" if s == (raw_text or "").strip() else "expanded"
    return s, ref, f"{ref} = {s}"


_NAMED_REF = re.compile(r"\b(vars|secrets)\.([A-Za-z_][A-Za-z0-9_]*)")


def _picked_ref(raw_text: Optional[str], value: str, github: dict) -> Optional[str]:
    """The `vars.X` (or `secrets.X`) an expression picked, when its value is
    the one the config gives that name of those it reads
    (`inputs.target == 'eu' && vars.STAGING_ROLE || vars.PROD_ROLE`): a role
    the config keys by that name is this one."""
    if not raw_text or "${{" not in raw_text:
        return None
    names = dict.fromkeys(_NAMED_REF.findall(raw_text))
    picked = [f"{kind}.{name}" for kind, name in names
              if isinstance((github or {}).get(kind), dict)
              and str(github[kind].get(name, "")).strip() == value]
    return picked[0] if len(picked) == 1 else None


# an ARN whose account (or partition) is an expression but whose path and name are written
# what a script works out at run time: `$(jq ...)`, a backtick, `$ROLE`, `${ROLE}`
_SHELL_TEXT = re.compile(r"\$[({A-Za-z_]|`")
_ARN_NAME_KNOWN = re.compile(r"^arn:[^/]*:iam::[^/]*:role/(?:[^$/]+/)*([\w+=,.@-]+)$")


def find_role(index: RoleIndex, resolved: Optional[str], ref: Optional[str]) -> Optional[Role]:
    if ref:
        for key in (ref, ref.split(".", 1)[1]):
            if key in index.by_ref:
                return index.by_ref[key]
    if resolved:
        if resolved.startswith("arn:"):
            return index.find(arn=resolved)
        return index.find(name=resolved)
    return None


# ---------------------------------------------------------------------------
# task definitions


@dataclass
class TaskDefIndex:
    by_path: Dict[str, List[Document]] = field(default_factory=dict)
    by_family: Dict[str, List[Document]] = field(default_factory=dict)

    def at(self, repo_root: str, rel: str) -> List[Document]:
        return self.by_path.get(os.path.realpath(os.path.join(repo_root or ".", rel)), [])


def build_taskdefs(docs: List[Document]) -> TaskDefIndex:
    idx = TaskDefIndex()
    for d in docs:
        if d.kind != "task-definition":
            continue
        try:
            idx.by_path.setdefault(os.path.realpath(d.file), []).append(d)
        except (OSError, ValueError):
            pass
        fam = text_of(d.data.get("family")) if isinstance(d.data, dict) else None
        if fam:
            idx.by_family.setdefault(fam, []).append(d)
    return idx


def container_names(doc: Document) -> Optional[List[str]]:
    """The container names of a task definition, None if not all are known."""
    data = doc.data if isinstance(doc.data, dict) else {}
    cds = data.get("containerDefinitions")
    if not isinstance(cds, list):
        return None
    names = []
    for c in cds:
        if not isinstance(c, dict):
            continue
        n = text_of(c.get("name"))
        if n is None:
            return None
        names.append(n)
    return names


def task_roles(doc: Document) -> List[tuple]:
    """[(field, value)] of executionRoleArn / taskRoleArn that are set."""
    data = doc.data if isinstance(doc.data, dict) else {}
    out = []
    for f in ("executionRoleArn", "taskRoleArn"):
        v = data.get(f)
        if v is not None:
            out.append((f, v))
    return out


# ---------------------------------------------------------------------------
# task definition files a job's scripts write

_MAX_COMMANDS = 2000  # of one script, followed for the files it writes

# where a script's path starts outside the workspace: the runner's temporary
# folder, the home folder, an absolute path
_OUTSIDE_WORKSPACE = re.compile(r"^(?:\$\{?RUNNER_TEMP\}?/|\$\{\{\s*runner\.temp\s*\}\}/|"
                                r"\$\{?HOME\}?/|~/|/)")
_WORKSPACE_VAR = re.compile(r"^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\})/+")


def run_dir(run, st, github=None) -> Optional[str]:
    """The `working-directory` of a run step (its own, else the job's or the
    workflow's `defaults.run`) with the run's values (`services/${{
    matrix.service }}` in its matrix row); None when unset."""
    wd = wm.working_directory(st.data, run.job.data, run.workflow.data)
    if isinstance(wd, str) and "${{" in wd:
        got = run.expand(wd, st, github)
        return got if isinstance(got, str) else wd
    return wd


def script_dirs(cmds) -> List[Optional[str]]:
    """The folder, relative to where a script starts, that each of its
    commands runs in after the `cd DIR`, `pushd DIR` and `popd` before it
    ("" for where it starts; `pushd` and `popd` keep bash's directory stack);
    None from a move not followed on (to a variable, in a loop, a group, a
    function or on a condition other than the success of the command before
    it, `popd` of an empty stack)."""
    out, stack = [], [""]
    for i, c in enumerate(cmds):
        out.append(None if stack is None else stack[-1])
        if stack is None or c.name not in ("cd", "pushd", "popd"):
            continue
        target = c.argv[1] if len(c.argv) == 2 else None
        if c.group_depth or c.in_loop or c.function or c.in_substitution or c.negated \
                or (c.guarded and (c.op_before != "&&" or i == 0 or cmds[i - 1].guarded)) \
                or (c.in_condition and c.op_after not in ("&&", "||")):
            stack = None
        elif c.name == "popd":
            stack = stack[:-1] if len(c.argv) == 1 and len(stack) > 1 else None
        elif target is None or not re.fullmatch(r"[\w./-]+", target) \
                or target.startswith(("/", "-")):
            stack = None
        else:
            folder = os.path.normpath(os.path.join(stack[-1], target))
            folder = "" if folder == "." else folder
            stack = stack + [folder] if c.name == "pushd" else stack[:-1] + [folder]
    return out


def written_at(wd, target: str, folder: Optional[str]) -> Optional[str]:
    """The workspace path a run step's relative `target` lands at (from its
    working directory `wd` and the `folder` the script moved to), the target
    as written when it is outside the workspace; None when not known (a
    variable, a move not followed: `folder` None)."""
    if _WORKSPACE_VAR.match(target):
        return os.path.normpath(_WORKSPACE_VAR.sub("", target))
    if _OUTSIDE_WORKSPACE.match(target):
        return target
    if "$" in target or "`" in target or folder is None:
        return None
    if wd is not None and (not isinstance(wd, str) or "$" in wd or os.path.isabs(wd)):
        return None
    place = os.path.normpath(os.path.join(wd or ".", folder, target))
    return target if place == ".." or place.startswith("../") else place


def copied_from(run, step, path: str, github=None, keeps=None) -> Optional[tuple]:
    """What the last command of the job, up to `step`, that writes the
    workspace file `path` copied its task definition from: ("file", SRC, HOW)
    with SRC a workspace path and HOW `cp`, `envsubst`, `yq` (to JSON) or
    `jq` (a filter `keeps` accepts: by default one that only drops top-level
    keys other than containerDefinitions, `_keeps_containers`);
    ("family", FAMILY, "describe") for `aws ecs describe-task-definition
    --task-definition FAMILY`, written as is or through such a jq. Paths and
    names take the run's values (matrix rows). None when the last writer is
    none of those (another jq filter may change what is asked about), or
    nothing writes it."""
    want = os.path.normpath(path.strip("\"'").removeprefix("./"))
    source = None
    for st in run.job.steps[:step.index + 1]:
        wd = run_dir(run, st, github)
        for cmds in [wm.commands(st), *st.scripts.values()]:
            cmds = cmds[:_MAX_COMMANDS]
            for c, folder in zip(cmds, script_dirs(cmds)):
                written = [t for op, t in c.redirects if op in (">", ">|") and isinstance(t, str)]
                if c.name == "cp" and len(c.argv) == 3:
                    written.append(c.argv[2])
                if any(_workspace_path(run, st, t, wd, folder, github) == want for t in written):
                    source = _copied_by(run, st, c, cmds,
                                        lambda w: _workspace_path(run, st, w, wd, folder, github),
                                        github, keeps or _keeps_containers)
    return source


def _workspace_path(run, st, word: str, wd, folder, github) -> Optional[str]:
    """`written_at` of a script's word with the run's `${{ }}` values."""
    if "${{" in word:
        got = run.expand(word, st, github)
        word = got if isinstance(got, str) else word
    return written_at(wd, word.strip("\"'"), folder)


def _copied_by(run, st, c, cmds, at, github, keeps) -> Optional[tuple]:
    """`copied_from` of the command `c` that writes the file (`at`: a word's
    workspace path; `keeps`: the jq filters that keep what is asked about)."""
    if c.name == "cp":
        files, how = [c.argv[1]], "cp"
    elif c.name == "envsubst":  # a template's variables filled in, the rest as is
        files, how = N._read_files(c, cmds, []), "envsubst"
    elif c.name == "yq":
        named = _yq_to_json(c.argv)
        files, how = (N._read_files(c, cmds, named) if named is not None else []), "yq"
    elif c.name == "jq":
        filt, named = shell.jq_filter_and_files(c.argv)
        if filt is None or not keeps(filt):
            return None
        piped = cmds[c.pipe_from] if isinstance(c.pipe_from, int) \
            and 0 <= c.pipe_from < len(cmds) and not named else None
        if piped is not None and shell.aws_operation(piped)[:2] == \
                ("ecs", "describe-task-definition"):
            return _described(run, st, piped, github)
        files, how = N._read_files(c, cmds, named), "jq"
    else:
        return _described(run, st, c, github)
    src = at(files[0]) if len(files) == 1 and isinstance(files[0], str) else None
    if src is None or "$" in src or src.startswith(("/", "~", "../")):
        return None  # not known, or not a file of the workspace
    return "file", src, how


def _described(run, st, c, github) -> Optional[tuple]:
    """("family", FAMILY, "describe") of an `aws ecs describe-task-definition`
    command of a family the run knows; None for any other command."""
    if shell.aws_operation(c)[:2] != ("ecs", "describe-task-definition"):
        return None
    family = shell.option(c, "--task-definition")
    if isinstance(family, str) and "${{" in family:
        family = run.expand(family, st, github)
    if not isinstance(family, str) or not family or "$" in family \
            or family.startswith("arn:"):
        return None
    return "family", family.split(":")[0], "describe"


_TOP_KEY = re.compile(r"\.[A-Za-z_]\w*")


def _keeps_containers(filt: str) -> bool:
    """Does a jq filter only drop top-level keys other than containerDefinitions
    (`del(.taskDefinitionArn, .revision)`, `.`), after an optional
    `.taskDefinition` (describe output without `--query`)?"""
    parts = [p.strip() for p in filt.split("|")]
    if parts[0] == ".taskDefinition":
        parts = parts[1:]
    for p in parts:
        m = re.fullmatch(r"del\((.*)\)", p, re.S)
        keys = [k.strip() for k in m.group(1).split(",")] if m else []
        if p != "." and (not keys or ".containerDefinitions" in keys
                         or not all(_TOP_KEY.fullmatch(k) for k in keys)):
            return False
    return True


# yq options followed by a value of their own
_YQ_OPTION_ARGS = ("-o", "--output-format", "-p", "--input-format", "-I", "--indent",
                   "--expression")


def _yq_to_json(argv: List[str]) -> Optional[List[str]]:
    """The files a `yq` command prints as JSON unchanged (`yq -o=json F`,
    `yq -o json F`, `yq eval -oj '.' F`): [] when it reads standard input;
    None when it is not that (another expression, another output format,
    output split into files or written in place)."""
    args = argv[1:65]
    if args[:1] in (["eval"], ["e"]):
        args = args[1:]
    output, given, i = None, [], 0
    while i < len(args):
        a = args[i]
        m = re.fullmatch(r"(?:-o=?|--output-format=)(\w+)", a)
        if a in _YQ_OPTION_ARGS:
            if a in ("-o", "--output-format") and i + 1 < len(args):
                output = args[i + 1]
            elif a == "--expression":
                return None
            i += 2
            continue
        if m:
            output = m.group(1)
        elif a.startswith(("-i", "--inplace", "-s", "--split-exp")):
            return None
        elif not a.startswith("-") or a == "-":
            given.append(a)
        i += 1
    if output not in ("json", "j"):
        return None
    if given[:1] == ["."]:
        given = given[1:]
    return given if len(given) <= 1 else None
