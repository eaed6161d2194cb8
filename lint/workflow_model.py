"""A GitHub Actions workflow read the way GitHub reads it.

The workflow rules and the cross-file rules share this one reading.

    wf = read_workflow(doc.data)        # never raises on wrong shapes
    wf.triggers                         # {"push": {"branches": ["main"]}, "workflow_dispatch": {}}
    wf.permissions                      # normalised workflow block, None when absent
    wf.env, wf.path_of["on"]            # workflow env; paths into the data for locations
    for job in wf.jobs.values():
        job.id, job.path                # ("jobs", "deploy")
        job.needs                       # ["test"] (string or list in the file)
        job.environment                 # "production" / "${{ matrix.env }}" / None (string or {name, url})
        job.environment_path            # path of that value
        job.permissions                 # effective: job block, else workflow block;
                                        # {scope: "read"|"write"|"none"}, read-all/write-all expanded
        job.permissions_source          # "job" | "workflow" | None (no block: GitHub's default,
        job.permissions_path            #   which never includes id-token)
        job.matrix_rows()               # [{"env": "dev", ...}, ...] with include/exclude; [{}] without
        job.env, job.if_, job.uses, job.with_, job.secrets, job.outputs
        job.disabled                    # `if: false` / `if: ${{ false }}`
        job.role_uses()                 # [RoleUse]: configure-aws-credentials / role-to-assume /
                                        # `aws sts assume-role-with-web-identity`
        job.deploys()                   # [Deploy]: deploy action, aws ecs update-service |
                                        # register-task-definition | run-task | create-service, CodeDeploy,
                                        # deploy tools (ecs-deploy, ecspresso, copilot, ...)
        job.runs_tests()                # pytest, npm/yarn/pnpm test, go test, make test, tox, ...
        for step in job.steps:
            step.index, step.path, step.id, step.name
            step.uses                   # "aws-actions/configure-aws-credentials" (lowercase, no @ref)
            step.uses_ref               # "v4" / a 40-hex SHA / None
            step.with_, step.env, step.run, step.run_path

    assumes_role(step) -> RoleUse | None      # role_to_assume (raw), path, audience, aws_region, oidc
    needs_closure(wf, job_id) -> set[str]     # every job reached through `needs`, transitively
    step_if(step, job, row=None) -> bool|None # a step's `if:` in a matrix row: False when it
                                              # surely keeps the step off, None when not known
    commands(step) -> list[shell.Command]     # the simple commands of `run:` (argv + line offset;
                                              # PowerShell read as shell: shell.from_powershell)
    windows_shell(job, step) -> str|None      # "pwsh"/"powershell"/"cmd" running the script
    row_steps(job) -> [[Step]]                # the steps per matrix row, `matrix.K` in `run:` filled
    expand(value, job, step=None, row=None, github=None)
        # resolves ${{ env.X }} (step, job, workflow env), ${{ matrix.X }} (with a matrix row),
        # ${{ vars.X }} / ${{ secrets.X }} from config `github.vars`/`github.secrets` when given,
        # ${{ github.repository }}, `..._owner`, `github.event.repository.name`/`full_name`
        # from config `github.repository`, else the git `origin` remote (`Workflow.repository`);
        # unknown expressions are left as written.
    resolve(text, job, step=None, row=None, github=None)
        # expand + ${{ steps.ID.outputs.N }} / ${{ needs.J.outputs.N }} (from `$GITHUB_OUTPUT`
        # writes; a docker/metadata-action's `tags`/`version` when its raw/sha entries tell)
        # + ${{ inputs.N }} (its declared default) + shell variables ($X, ${X}) from
        # env, script assignments and `$GITHUB_ENV`.
    job_events(wf, job) -> set[str]           # the triggers a job can run on (narrowed by `if:`
                                              # tests of github.event_name)
    script_span(doc, step, line) -> Span      # the file position of line `line` of a run script

A step that runs a local composite action (`uses: ./.github/actions/deploy`,
read from the repository the workflow is in: the folder holding
`.github/workflows`) is followed by the action's steps, as GitHub runs them:
`${{ inputs.X }}` replaced by what the step passes (else the input's default,
else empty), each with the step's path (so findings point at it) and `via`
naming the action; a step whose `if:` the inputs make false is left out, and
an `inputs.X == 'true'` test of an input the caller gives as an expression
reads that expression (`composite_if`). The calling step's own inputs are then
the action's business: its `role-to-assume` is no role it assumes itself.

Wrong shapes (a string where a map is expected, null anywhere) read as empty.
"""
from __future__ import annotations

import itertools
import json
import os
import re
import shlex
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional, Set, Tuple

from . import probes, shell
from .model import Span

PERMISSION_SCOPES = ("actions", "attestations", "checks", "contents", "deployments",
                     "discussions", "id-token", "issues", "models", "packages", "pages",
                     "pull-requests", "repository-projects", "security-events", "statuses")

CONFIGURE_CREDENTIALS = "aws-actions/configure-aws-credentials"
ECS_DEPLOY = "aws-actions/amazon-ecs-deploy-task-definition"
ECS_RENDER = "aws-actions/amazon-ecs-render-task-definition"
ECR_LOGIN = "aws-actions/amazon-ecr-login"
from .config import STS_AUDIENCE  # noqa: E402  (one default audience)
MAX_MATRIX_ROWS = 256

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}", re.S)
_PROPERTY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\s*'[^']*'\s*\])*)$")
_SHA = re.compile(r"^[0-9a-f]{40}$")


def _dict(x) -> dict:
    return x if isinstance(x, dict) else {}


def _list(x) -> list:
    if isinstance(x, list):
        return x
    if x is None:
        return []
    return [x]


def _str_or_none(x) -> Optional[str]:
    if x is None or isinstance(x, (dict, list)):
        return None
    if isinstance(x, bool):
        return "true" if x else "false"
    return str(x)


# ---------------------------------------------------------------------------
# permissions


def normalise_permissions(value) -> Optional[Dict[str, str]]:
    """`read-all`/`write-all`/`{}`/a map -> {scope: level}; None when absent."""
    if value is None:
        return None
    if isinstance(value, str):
        v = value.strip().lower()
        if v == "write-all":
            return {s: "write" for s in PERMISSION_SCOPES}
        if v == "read-all":
            return {s: ("none" if s == "id-token" else "read") for s in PERMISSION_SCOPES}
        return {}
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if isinstance(k, str) and isinstance(v, str):
                out[k.strip().lower()] = v.strip().lower()
        return out
    return {}


def grants_id_token(perms: Optional[Dict[str, str]]) -> bool:
    return bool(perms) and perms.get("id-token") == "write"


# ---------------------------------------------------------------------------
# the model


@dataclass
class RoleUse:
    step: "Step"
    role_to_assume: Any  # raw value (may hold ${{ ... }})
    path: tuple  # path of the role value in the workflow data
    audience: str = STS_AUDIENCE
    aws_region: Any = None
    region_path: Optional[tuple] = None
    oidc: bool = True  # through GitHub's OIDC token (not static keys or role chaining)
    known_action: bool = True  # configure-aws-credentials or the sts CLI (else a wrapper action)
    line: Optional[int] = None  # script line, for `aws sts assume-role-with-web-identity`


@dataclass
class Deploy:
    step: "Step"
    kind: str  # ecs-deploy-action | update-service | register-task-definition | run-task |
    #            create-service | codedeploy | a deploy tool's name (DEPLOY_TOOLS)
    path: tuple
    command: Optional[shell.Command] = None
    image: Optional[str] = None  # the image a deploy tool is given, as written


@dataclass
class Step:
    index: int
    path: tuple
    data: dict
    id: Optional[str] = None
    name: Optional[str] = None
    uses: Optional[str] = None
    uses_ref: Optional[str] = None
    with_: dict = field(default_factory=dict)
    env: dict = field(default_factory=dict)
    run: Optional[str] = None
    run_path: Optional[tuple] = None
    if_: Any = None
    shell: Optional[str] = None
    via: Optional[str] = None  # the local composite action this step is part of
    fed_by: dict = field(default_factory=dict)  # via: its input -> the caller's input key
    source: Optional[tuple] = None  # via: (the action's folder, the step's index in it)
    defaulted: frozenset = frozenset()  # via: the action's inputs its caller leaves out
    caller_continues: bool = False  # via: the calling step has `continue-on-error: true`
    followed: bool = False  # a local composite action whose steps follow it in the job
    ref_comment: Optional[str] = None  # the `# v4.2.1` after a commit SHA pin
    job_shell: Optional[str] = None  # the shell that runs its script (`script_shell`)
    _commands: Optional[list] = field(default=None, repr=False)
    _env_written: Optional[dict] = field(default=None, repr=False)  # see env_writes
    # the commands of the repository's scripts the step runs ({script path: commands})
    scripts: dict = field(default_factory=dict, repr=False)
    # the repository's CloudFormation templates with ECS resources it deploys (`_read_ecs_stacks`)
    ecs_stacks: list = field(default_factory=list, repr=False)

    def input(self, name):
        return self.with_.get(name)


@dataclass
class Job:
    id: str
    path: tuple
    data: dict
    workflow: "Workflow" = field(repr=False, default=None)
    name: Optional[str] = None
    needs: List[str] = field(default_factory=list)
    needs_path: Optional[tuple] = None
    environment: Optional[str] = None
    environment_path: Optional[tuple] = None
    permissions: Dict[str, str] = field(default_factory=dict)
    permissions_source: Optional[str] = None
    permissions_path: Optional[tuple] = None
    env: dict = field(default_factory=dict)
    if_: Any = None
    uses: Optional[str] = None
    uses_ref: Optional[str] = None
    with_: dict = field(default_factory=dict)
    secrets: Any = None
    outputs: dict = field(default_factory=dict)
    steps: List[Step] = field(default_factory=list)
    strategy: dict = field(default_factory=dict)
    _role_uses: Optional[list] = field(default=None, repr=False, compare=False)
    _deploys: Optional[list] = field(default=None, repr=False, compare=False)
    _env_writers: Optional[list] = field(default=None, repr=False, compare=False)

    @property
    def disabled(self) -> bool:
        cond = self.if_
        if cond is False:
            return True
        if isinstance(cond, str):
            c = cond.strip()
            m = EXPR.fullmatch(c)
            if m:
                c = m.group(1).strip()
            return c.lower() == "false"
        return False

    @property
    def id_token_write(self) -> bool:
        return grants_id_token(self.permissions)

    def matrix_rows(self, github: Optional[dict] = None) -> List[dict]:
        return matrix_rows(self.strategy.get("matrix"), github)

    def role_uses(self) -> List[RoleUse]:
        if self._role_uses is None:  # several rules ask: read the steps once
            self._role_uses = [ru for st in self.steps for ru in role_uses_of(st, self)]
        return list(self._role_uses)

    def deploys(self) -> List[Deploy]:
        if self._deploys is None:
            self._deploys = [d for st in self.steps for d in deploys_of(st)]
        return list(self._deploys)

    def runs_tests(self) -> bool:
        return any(step_runs_tests(st) for steps in row_steps(self) for st in steps)


@dataclass
class Workflow:
    data: dict
    name: Optional[str] = None
    triggers: Dict[str, dict] = field(default_factory=dict)
    permissions: Optional[Dict[str, str]] = None
    env: dict = field(default_factory=dict)
    jobs: Dict[str, Job] = field(default_factory=dict)
    path_of: Dict[str, tuple] = field(default_factory=dict)
    # `OWNER/REPO` the workflow runs in (config `github.repository`, else the git
    # `origin` remote: `probes.repository`); None when not known
    repository: Optional[str] = None


def _triggers(on) -> Dict[str, dict]:
    if isinstance(on, str):
        return {on: {}}
    if isinstance(on, list):
        return {t: {} for t in on if isinstance(t, str)}
    if isinstance(on, dict):
        return {k: (v if isinstance(v, dict) else {}) for k, v in on.items() if isinstance(k, str)}
    return {}


def _uses(value):
    if not isinstance(value, str) or not value.strip():
        return None, None
    v = value.strip()
    if v.startswith("./") or v.startswith("docker://"):
        return v, None
    ref = None
    if "@" in v:
        v, ref = v.rsplit("@", 1)
    return v.lower(), ref


def workflow_of(doc) -> Workflow:
    """The model of a workflow document, read once per process: the per-file
    rules and the cross-file check share it (`_` context entries stay in the
    process that made them). The local composite actions it reads count as
    read by every result that asks for the model (`probes.replay_once`)."""
    wf = doc.context.get("_workflow")
    if wf is None:
        with probes.recording() as asked:
            wf = read_workflow(doc.data)
            _pin_comments(wf, doc)
            root = repository_of_workflow(doc.file)
            if root is not None:
                wf.repository = probes.repository(root)
                actions: dict = {}
                for job in wf.jobs.values():
                    _follow_composites(job, root, actions)
                    for st in job.steps:
                        st.scripts = _local_scripts(st, root)
                    _read_ecs_stacks(job, wf, root)
        doc.context["_workflow"], doc.context["_workflow_asked"] = wf, asked
    elif doc.context.get("_workflow_asked"):
        probes.replay_once(doc.context["_workflow_asked"])
    return wf


_SHA = re.compile(r"^[0-9a-f]{40}$", re.I)
_PIN_COMMENT = re.compile(r"#\s*(?:tag\s*[:=]?\s*)?(v?\d{1,4}(?:\.\d{1,4}){0,2})\b", re.I)


def _pin_comments(wf: "Workflow", doc):
    """Keep the version comment (`uses: x@<sha> # v4.2.1`) of the steps of
    aws-actions pinned to a commit: the action's version decides how it reads
    its inputs (`translates_env`)."""
    lines = None
    for job in wf.jobs.values():
        for st in job.steps:
            if not (st.uses == CONFIGURE_CREDENTIALS and st.uses_ref
                    and _SHA.match(st.uses_ref)):
                continue
            if lines is None:
                lines = (doc.text or "").splitlines()
            line = doc.span(st.path + ("uses",)).line
            m = _PIN_COMMENT.search(lines[line - 1]) if 0 < line <= len(lines) else None
            st.ref_comment = m.group(1) if m else None


def action_version(step: "Step") -> Optional[tuple]:
    """(major, minor or None) of the version a step's `uses:` names: its tag
    (`v4`, `v4.2.1`), or the comment after a commit SHA pin; None when not known."""
    ref = step.ref_comment if step.uses_ref and _SHA.match(step.uses_ref) else step.uses_ref
    m = re.fullmatch(r"v?(\d{1,4})(?:\.(\d{1,4}))?(?:\.\d{1,4})?", ref.strip()) \
        if isinstance(ref, str) else None
    if m is None:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)


def translates_env(step: "Step") -> bool:
    """Does this configure-aws-credentials step read an empty input from the
    env variable of the same name (`AWS_REGION`, `ROLE_TO_ASSUME`,
    `ROLE_CHAINING`, `WEB_IDENTITY_TOKEN_FILE`, `AUDIENCE`,
    `UNSET_CURRENT_CREDENTIALS`...)? Versions v4.2.0 and later do, unless
    `translate-env-variables: false` (v6.3.0). A major tag alone, `@v4`, is
    read as the catalog reads it (the inputs only), as is a version not known."""
    if step.uses != CONFIGURE_CREDENTIALS or ("translate-env-variables" in step.with_ and _truthy(
            step.with_["translate-env-variables"]) is False):
        return False
    v = action_version(step)
    return v is not None and (v[0] >= 5 or (v[0] == 4 and v[1] is not None and v[1] >= 2))


def credentials_input(step: "Step", job: Optional["Job"], name: str):
    """What a configure-aws-credentials step reads for input `name`: the
    `with:` value, else (`translates_env`) the env variable of the same name
    (`role-to-assume` -> ROLE_TO_ASSUME) as the step sees it; a region is also
    the AWS_REGION an earlier configure-aws-credentials step of the job
    exported. None when neither is given."""
    v = step.with_.get(name)
    if (v is not None and str(v).strip()) or not translates_env(step):
        return v
    env = _env_value(name.upper().replace("-", "_"), job, step)
    if env is not None and str(env).strip():
        return env
    if name == "aws-region" and job is not None:
        exported = None  # the region the steps before exported, read in one pass
        for st in job.steps:
            if st is step:
                break
            if st.uses != CONFIGURE_CREDENTIALS:
                continue
            given = st.with_.get(name)
            if not (given is not None and str(given).strip()) and translates_env(st):
                given = _env_value("AWS_REGION", job, st) or exported
            if given is not None and str(given).strip():
                exported = given
        if exported is not None:
            return exported
    return v


def repository_of_workflow(path) -> Optional[str]:
    """The repository folder of a workflow file at `.../.github/workflows/x.yml`."""
    if not isinstance(path, str):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.basename(folder) != "workflows" or \
            os.path.basename(os.path.dirname(folder)) != ".github":
        return None
    return os.path.dirname(os.path.dirname(folder))


_SHELLS = ("bash", "sh", "zsh", "dash")
MAX_SCRIPT_BYTES = 200_000


# the folder of the action a composite step belongs to, at the start of a path:
# `${{ github.action_path }}/x.sh`, `$GITHUB_ACTION_PATH/x.sh`, `${GITHUB_ACTION_PATH}/x.sh`
_ACTION_PATH = re.compile(r"^(?:\$\{\{\s*(?i:github\.action_path)\s*\}\}"
                          r"|\$GITHUB_ACTION_PATH|\$\{GITHUB_ACTION_PATH\})(?=/)")


def _local_scripts(step: "Step", root: str) -> dict:
    """{path: commands} of the repository's shell scripts a run step runs
    (`./scripts/deploy.sh`, `bash scripts/deploy.sh`) and of the makefile
    targets it runs (`make migrate`: `_make_recipes`), from the step's literal
    `working-directory` (else the repository root), and, in a local composite
    action, from the action's folder (`${{ github.action_path }}/x.sh`); not the
    scripts they run."""
    out = {}
    wd = step.data.get("working-directory") if isinstance(step.data, dict) else None
    base = os.path.join(root, wd) if isinstance(wd, str) and "${{" not in wd else root
    action_folder = step.source[0] if isinstance(step.source, tuple) else None
    for c in commands(step):
        if c.name == "make":
            made = _make_recipes(c.argv[1:], base, root)
            if made is not None and made[0] not in out:
                out[made[0]] = shell.parse(made[1])
            continue
        argv = c.argv
        if argv and argv[0] in _SHELLS:
            argv = [a for a in argv[1:] if not a.startswith("-")]
        path = argv[0] if argv else ""
        folder = base
        if action_folder is not None and _ACTION_PATH.match(path):
            folder, path = action_folder, "." + _ACTION_PATH.sub("", path)
        if not path or "$" in path or os.path.isabs(path) or "/" not in path \
                and not path.endswith(".sh"):
            continue  # a command on the PATH, or a path ecs-lint can't tell
        full = os.path.normpath(os.path.join(folder, path))
        if not full.startswith(os.path.join(root, "")) or full in out:
            continue
        raw = probes.read_bytes(full, MAX_SCRIPT_BYTES)
        if raw is not None:
            out[os.path.relpath(full, root)] = shell.parse(raw.decode("utf-8", "replace"))
    return out


def _make_recipes(args: List[str], base: str, root: str) -> Optional[tuple]:
    """(the makefile relative to the repository, the shell text of the recipes)
    of the targets a `make` command runs (`make -C dir -f file TARGET...`;
    the first target when none is named), each line with its `@`/`-`/`+`
    prefix and `$$` read as make does; None when not known."""
    folder, name, targets, i = base, None, [], 0
    while i < len(args):
        a = args[i]
        if a in ("-C", "--directory", "-f", "--file", "--makefile") and i + 1 < len(args):
            if a in ("-C", "--directory"):
                folder = os.path.join(folder, args[i + 1])
            else:
                name = args[i + 1]
            i += 2
            continue
        if not a.startswith("-") and "=" not in a:
            targets.append(a)
        i += 1
    if any("$" in x for x in targets + [folder, name or ""]):
        return None
    for candidate in ([name] if name else ["GNUmakefile", "makefile", "Makefile"]):
        full = os.path.normpath(os.path.join(folder, candidate))
        if not full.startswith(os.path.join(root, "")):
            return None
        raw = probes.read_bytes(full, MAX_SCRIPT_BYTES)
        if raw is not None:
            text = raw.decode("utf-8", "replace").replace("\\\n", " ")
            return os.path.relpath(full, root), _recipes(text, targets)
    return None


_MAKE_VAR = re.compile(r"\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]")
_MAKE_RULE = re.compile(r"^([^\s:=#][^:=#]*?)\s*::?(?!=)(.*)$")


def _recipes(text: str, targets: List[str]) -> str:
    """The recipe lines (tab-indented) of `targets` in a makefile's text (the
    first rule's when `targets` is empty), as one shell script."""
    out, current, first = [], None, None
    for line in text.splitlines():
        if line.startswith("\t"):
            if current is not None and (current & set(targets) or (not targets and
                                                                    current == first)):
                line = line.lstrip("\t").lstrip("@-+").replace("$$", "\0")
                # a make variable, `$(CLUSTER)`: a value the script does not know
                out.append(_MAKE_VAR.sub(r"${\1}", line).replace("\0", "$"))
            continue
        m = _MAKE_RULE.match(line)
        if m and not line.startswith("."):
            current = set(m.group(1).split())
            first = current if first is None else first
        elif line.strip() and not line.startswith("#"):
            current = None
    return "\n".join(out)


_ECS_RESOURCE_TYPES = ("AWS::ECS::Service", "AWS::ECS::TaskDefinition")
_STACK_WORDS = re.compile(r"\bcloudformation\b|\bsam\b")


def _read_ecs_stacks(job: "Job", wf: "Workflow", root: str) -> None:
    """Set `ecs_stacks` of each step of the job: the repository's templates it
    deploys (the link `deployments` reads a stack's parameters through: `aws
    cloudformation deploy --template-file`, `create-stack`/`update-stack
    --template-body file://`, `sam deploy`, the aws-cloudformation-github-deploy
    action; a packaged template is the one it was packaged from) that define an
    ECS service or task definition: such a stack registers a revision and
    updates the service."""
    packaged: dict = {}  # the job's packaged templates so far
    for st in job.steps:
        if not (isinstance(st.uses, str) and _STACK_WORDS.search(st.uses)
                or isinstance(st.run, str) and _STACK_WORDS.search(st.run)) \
                or not isinstance(st.data, dict):
            continue
        from . import deployments  # (only for a step that may deploy a stack)

        data = deployments._with_env(st.data, wf.data, job.data)
        wd = working_directory(data, job.data, wf.data)
        here = os.path.join(root, wd) if wd is not None and "${{" not in wd else root
        packaged.update(deployments._step_packages(data, here, root, shell))
        for template, _, _ in deployments._step_deploys(data, here, root, shell):
            template = deployments._unpackaged(template, packaged, {})
            shown = os.path.relpath(template, root)
            if shown not in st.ecs_stacks and _defines_ecs_resources(template):
                st.ecs_stacks.append(shown)


def _defines_ecs_resources(path: str) -> bool:
    """Does the template at `path` define an ECS service or task definition?"""
    from .deployments import MAX_READ

    data = read_local_yaml(path, MAX_READ)
    resources = data.get("Resources") if isinstance(data, dict) else None
    return isinstance(resources, dict) and any(
        isinstance(r, dict) and r.get("Type") in _ECS_RESOURCE_TYPES for r in resources.values())


MAX_COMPOSITE_DEPTH = 3
MAX_COMPOSITE_STEPS = 1000  # per job, once composites are followed
_INPUT_EXPR = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")


def called_workflow(job: Job, root: Optional[str]) -> Optional[Workflow]:
    """The local reusable workflow a job calls (`uses:
    ./.github/workflows/x.yml`) in the repository at `root`, read by
    `read_local_workflow`; None for another repository's, or when it cannot be
    read."""
    uses = job.uses if isinstance(job.uses, str) else ""
    if not uses.startswith("./") or root is None:
        return None
    return read_local_workflow(os.path.join(root, uses[2:]), root)


def read_local_workflow(path: str, root: str) -> Optional[Workflow]:
    """The model of the workflow file at `path` of the repository at `root`
    (a local reusable workflow a job calls), its jobs' local composite actions
    followed as `workflow_of` follows them; None when it cannot be read."""
    data = read_local_yaml(path, 2_000_000)
    if data is None:
        return None
    wf = read_workflow(data)
    actions: dict = {}
    for job in wf.jobs.values():
        _follow_composites(job, root, actions)
    return wf


def _follow_composites(job: Job, root: str, actions: dict):
    """Put the steps of the local composite actions the job runs after the
    steps that run them (see the module doc); then number the steps again.
    `actions`: folder -> the action's data (None: not a readable composite),
    read once for the workflow."""
    if not any((st.uses or "").startswith("./") for st in job.steps):
        return
    out: List[Step] = []
    for st in job.steps:
        out.append(st)
        _add_composite_steps(out, st, root, 1, st.uses or "", set(), actions)
    for i, st in enumerate(out):
        st.index = i
    job.steps = out
    job._role_uses = job._deploys = job._env_writers = None  # read from the new steps


def _add_composite_steps(out: List[Step], step: Step, root: str, depth: int, via: str,
                         seen: set, actions: dict):
    uses = step.uses or ""
    if not uses.startswith("./") or depth > MAX_COMPOSITE_DEPTH:
        return
    folder = os.path.normpath(os.path.join(root, uses[2:]))
    if os.path.commonpath([root, folder]) != root or folder in seen:
        return  # outside the repository, or a loop
    if folder not in actions:
        actions[folder] = _read_composite(folder)
    data = actions[folder]
    if data is None:
        return
    step.followed = True  # its inputs are its steps' business, not a role it assumes
    # input names are matched regardless of case, as GitHub's expressions do
    values = {str(k).lower(): v for k, v in input_defaults(data.get("inputs")).items()}
    defaulted = frozenset(values) - {str(k).lower() for k in step.with_}
    values.update((str(k).lower(), v) for k, v in step.with_.items())
    for k, sd in enumerate(data["runs"]["steps"]):
        if len(out) >= MAX_COMPOSITE_STEPS:
            return
        if not isinstance(sd, dict):
            continue
        condition = composite_if(sd.get("if"), values)
        if condition is False:
            continue  # a step its inputs keep off (`if: inputs.migrate != ''`)
        if isinstance(condition, str):
            sd = {**sd, "if": condition}
        inner = _read_step(step.path, step.index, _with_inputs(sd, values))
        inner.via = via
        inner.fed_by = _fed_by(_dict(sd.get("with")), step)
        inner.source = (folder, k)
        inner.defaulted = defaulted
        inner.caller_continues = step.caller_continues or continues_on_error(step.data)
        out.append(inner)
        _add_composite_steps(out, inner, root, depth + 1, via, seen | {folder}, actions)


def composite_if(condition, inputs: dict):
    """A composite action's step `if:` with its caller's `inputs` (lower-case
    names, values as given): False when they keep it off, else the condition
    with each `inputs.X` test of a value that is a caller's expression
    written as that expression (`inputs.push == 'true'` given `${{
    github.event_name == 'push' }}`), or as it was."""
    if condition is None or isinstance(condition, bool):
        return condition
    if not isinstance(condition, str):
        return condition
    expr = if_expression(condition)
    if _static_if(expr, inputs) is False:
        return False

    def rewrite(m):
        value = inputs.get(m.group(1).lower())
        em = EXPR.fullmatch(value.strip()) if isinstance(value, str) else None
        if em is None:
            return m.group(0)
        inner = em.group(1).strip()
        want = (m.group(3) or "").lower()
        negate = (m.group(2) == "!=") != (want == "false")
        return f"!({inner})" if negate else f"({inner})"
    out = _INPUT_TEST.sub(rewrite, expr)
    return out if out != expr else condition


_INPUT_TEST = re.compile(r"\binputs\.([A-Za-z0-9_-]+)\s*(==|!=)\s*'(true|false)'", re.I)
_INPUT_OPERAND = re.compile(r"^inputs\.([A-Za-z0-9_-]+)$", re.I)


def fold_condition(expr: str, leaf, any_of, all_of, negate=None, limit: int = 20,
                   too_deep=None, _depth: int = 0):
    """An `if:` expression folded: its `||` alternatives with `any_of`, its
    `&&` parts with `all_of` (each a list of folded parts), `!x` with
    `negate` (None: `!x` is a leaf), anything else with `leaf`; `too_deep`
    past `limit` levels of nesting."""
    expr = strip_parens(expr)
    if _depth > limit:
        return too_deep
    for op, combine in (("||", any_of), ("&&", all_of)):
        parts = split_top(expr, op)
        if len(parts) > 1:
            return combine([fold_condition(p, leaf, any_of, all_of, negate, limit, too_deep,
                                           _depth + 1) for p in parts])
    if negate is not None and expr.startswith("!") and not expr.startswith("!="):
        return negate(fold_condition(expr[1:], leaf, any_of, all_of, negate, limit, too_deep,
                                     _depth + 1))
    return leaf(expr)


def known_condition(expr: str, leaf) -> Optional[bool]:
    """True/False when an `if:` expression's value follows from what `leaf`
    says of its comparisons and operands (True, False, None: not known),
    joined by `&&`, `||` and `!`; None otherwise."""
    return fold_condition(
        expr, leaf,
        lambda got: True if True in got else False if all(g is False for g in got) else None,
        lambda got: False if False in got else True if all(g is True for g in got) else None,
        lambda got: None if got is None else not got)


def _static_if(expr: str, inputs: dict) -> Optional[bool]:
    """True/False when an `if:` expression's value is known from literal
    inputs alone (`inputs.stage == 'production'`, `inputs.cmd != ''`,
    `!inputs.skip`, `&&`, `||`); None otherwise. Strings compare ignoring
    case, and a non-empty string is true (a composite's inputs are strings:
    'false' too)."""
    return known_condition(expr, lambda e: _static_leaf(e, inputs))


def _static_leaf(expr: str, inputs: dict) -> Optional[bool]:
    """`_static_if` of a comparison or an operand."""
    if not expr:
        return None
    m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expr)
    if m:
        a, b = _static_operand(m.group(1), inputs), _static_operand(m.group(3), inputs)
        if a is None or b is None:
            return None
        return (a.lower() == b.lower()) == (m.group(2) == "==")
    if expr in ("true", "false"):
        return expr == "true"
    value = _static_operand(expr, inputs)
    return None if value is None else value != ""


def _static_operand(text: str, inputs: dict) -> Optional[str]:
    """A literal (`'x'`, `true`, a number) or `inputs.X` of a literal value, as
    text (`true`/`false` for booleans); None when not known."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text in ("true", "false") or re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return text
    m = _INPUT_OPERAND.match(text)
    if m:
        value = inputs.get(m.group(1).lower(), "")  # an input not given nor defaulted: ''
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return str(value)
        return value if isinstance(value, str) and "${{" not in value else None
    return None


def step_if(step: Step, job: Job, row: Optional[dict] = None) -> Optional[bool]:
    """What a step's `if:` gives in a run of its job with matrix `row`: True
    without one, False for `if: false` (`${{ false }}`) or for comparisons of
    literals and of the row's `matrix.X` that fail (GitHub evaluates it per
    row), None when not known. A composite action's step is off when the
    step that calls it is (its own `if:` is known only when literal)."""
    if step.via is not None:
        caller = next((st for st in job.steps if st.path == step.path and st.via is None), None)
        if caller is not None and step_if(caller, job, row) is False:
            return False
        row = None
    return _condition_value(step.if_, lambda t: _run_operand(t, row))


def _condition_value(condition, operand) -> Optional[bool]:
    """An `if:` as written (a YAML boolean, `false`, `${{ ... }}`) with the
    values `operand` knows; True when there is none."""
    if condition is None or isinstance(condition, bool):
        return condition is not False
    if not isinstance(condition, str):
        return None
    expr = if_expression(condition)
    return known_condition(expr, lambda e: _typed_leaf(e, operand)) if expr else True


def _typed_leaf(expr: str, operand) -> Optional[bool]:
    """A comparison (`==`, `!=`) of two operands of the same type (strings
    ignoring case, as GitHub compares them; across types GitHub converts to
    numbers, which is not followed here), or a boolean operand."""
    m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expr, re.S)
    if m:
        a, b = operand(m.group(1)), operand(m.group(3))
        if a is None or b is None or type(a) is not type(b):
            return None
        same = a.lower() == b.lower() if isinstance(a, str) else a == b
        return same == (m.group(2) == "==")
    value = operand(expr)
    return value if isinstance(value, bool) else None


_ROW_VALUE = re.compile(r"^matrix\.([A-Za-z0-9_-]+)$")


def _run_operand(text: str, row: Optional[dict]):
    """A literal (`'x'` as text, `true`/`false`, a number) or a string value
    of the matrix row (`matrix.X`; '' when a row written out whole lacks X,
    which GitHub reads as null, equal to ''); None when not known."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return float(text)
    m = _ROW_VALUE.match(text)
    if m is None or row is None:
        return None
    if isinstance(row, Row) and m.group(1) not in row:
        return ""
    value = row.get(m.group(1))
    return value if isinstance(value, str) else None


def _fed_by(with_: dict, caller: Step) -> dict:
    """{input of a composite's step: the key of the outermost caller's `with:` that
    gives it its whole value (`${{ inputs.X }}`)}."""
    keys = {str(k).lower(): (caller.fed_by.get(k) if caller.via else k) for k in caller.with_}
    out = {}
    for k, v in with_.items():
        m = _INPUT_EXPR.fullmatch(v.strip()) if isinstance(v, str) else None
        if m and keys.get(m.group(1).lower()):
            out[k] = keys[m.group(1).lower()]
    return out


def composite_input_span(step: Step, name: str) -> Optional[Span]:
    """Where a local composite action's step writes its input `name` itself
    (not fed by the caller's `with:`): a span in the action's file; None
    otherwise, or when the file cannot be read again."""
    if name in step.fed_by:
        return None
    return composite_span(step, ("with", name))


def composite_span(step: Step, path: tuple) -> Optional[Span]:
    """The span of `path` (under the step: `("env", NAME)`) in the file of the
    local composite action the step is part of; None for a workflow's own
    step, or when the file cannot be read again."""
    found = _composite_file(step)
    if found is None:
        return None
    loaded, shown = found
    from .values import value_at

    at = ("runs", "steps", step.source[1]) + tuple(path)
    raw = value_at(loaded.data, at)
    if raw is None or isinstance(raw, (dict, list)) or "${{" in str(raw):
        return None  # from the action's inputs: fixed where they are given
    span = loaded.locate(at, False)
    return Span(span.line, span.column, span.end_line, span.end_column, shown)


def composite_script_span(step: Step, needle: str, line: Optional[int] = None) -> Optional[Span]:
    """Where the `run:` of a local composite action's step writes `needle`
    itself (an expression the action pastes), or, with `line` (0-based, of
    the script), the expression on that line of its script (an input a
    caller fills: `${{ inputs.name }}`): a span in the action's file; None
    otherwise."""
    found = _composite_file(step)
    if found is None:
        return None
    loaded, shown = found
    from .values import value_at

    at = ("runs", "steps", step.source[1], "run")
    raw = value_at(loaded.data, at)
    if isinstance(raw, str) and needle not in raw and line is not None:
        lines = raw.split("\n")
        if line >= len(lines) or "${{" not in lines[line]:
            return None
        base = loaded.locate(at, False)
        text = loaded.text or ""
        if base is None or _block_style(text, base) != "|":
            return Span(base.line, base.column, file=shown) if base is not None else None
        n = _first_content_line(text, base).line + line
        rows = text.splitlines()
        col = rows[n - 1].find("${{") if n - 1 < len(rows) else -1
        return Span(n, col + 1 if col >= 0 else 1, file=shown)
    if not isinstance(raw, str) or needle not in raw:
        return None
    start = loaded.locate(at, False)
    lines = (loaded.text or "").splitlines()
    for n in range(start.line, len(lines) + 1):
        col = lines[n - 1].find(needle)
        if col >= 0:
            return Span(n, col + 1, file=shown)
    return Span(start.line, start.column, file=shown)


def composite_default_span(step: Step, key: str) -> Optional[Span]:
    """Where a local composite action declares `default: latest` for an input
    that its step's `with: key` reads and the caller leaves out: a span in the
    action's file; None otherwise."""
    found = _composite_file(step)
    if found is None:
        return None
    loaded, shown = found
    from .values import value_at

    raw = value_at(loaded.data, ("runs", "steps", step.source[1], "with", key))
    for name in reversed(INPUT_REF.findall(raw) if isinstance(raw, str) else []):
        decl = value_at(loaded.data, ("inputs", name))
        if name.lower() in step.defaulted and isinstance(decl, dict) \
                and str(decl.get("default", "")).strip() == "latest":
            span = loaded.locate(("inputs", name, "default"), False)
            return Span(span.line, span.column, span.end_line, span.end_column, shown)
    return None


def _composite_file(step: Step):
    """(the loaded action file, its path as shown) of the local composite
    action a step is part of; None for a workflow's own step, or when the
    file cannot be read again."""
    if not step.via or step.source is None:
        return None
    from .loader import LoadError, decode, load_text
    from .runner import display_path

    folder = step.source[0]
    for file in ("action.yml", "action.yaml"):
        raw = probes.read_bytes(os.path.join(folder, file), 1_000_000)
        if raw is None:
            continue
        try:
            docs = load_text(decode(raw), "yaml")
        except (LoadError, UnicodeDecodeError):
            return None
        if not docs or not isinstance(docs[0].data, dict):
            return None
        return docs[0], display_path(os.path.join(folder, file))
    return None


def input_path(step: Step, name: str) -> tuple:
    """Where a step's input `name` is written: for a step of a local composite
    action, the caller's input that gives it (else the caller's `uses:`)."""
    if step.via:
        key = step.fed_by.get(name)
        return step.path + (("with", key) if key else ("uses",))
    return step.path + ("with", name)


def _read_composite(folder: str) -> Optional[dict]:
    """The data of the composite action in `folder` (action.yml or action.yaml),
    with a list of steps; None if there is none to be read."""
    data = None
    for name in ("action.yml", "action.yaml"):
        data = read_local_yaml(os.path.join(folder, name), 1_000_000)
        if data is not None:
            break
    runs = _dict(data.get("runs")) if data is not None else {}
    if str(runs.get("using", "")).lower() != "composite" or not isinstance(runs.get("steps"),
                                                                           list):
        return None
    return data


def read_local_yaml(path: str, limit: int) -> Optional[dict]:
    """The mapping a YAML file of the repository holds (a local action, a called
    workflow), read through `probes` (a reused result follows its edits); None
    when it is missing, unreadable or not a mapping. Read only: the same bytes
    (the same action run by workflow after workflow) are parsed once."""
    from .loader import LoadError, decode, load_text

    raw = probes.read_bytes(path, limit)
    if raw is None:
        return None
    if raw in _LOCAL_YAML:
        return _LOCAL_YAML[raw]
    if len(_LOCAL_YAML) >= 64:
        _LOCAL_YAML.clear()
    data = None
    try:
        loaded = load_text(decode(raw), "yaml")
        data = loaded[0].data if loaded and isinstance(loaded[0].data, dict) else None
    except (LoadError, UnicodeDecodeError):
        pass
    _LOCAL_YAML[raw] = data
    return data


_LOCAL_YAML: Dict[bytes, Optional[dict]] = {}  # a file's bytes -> its mapping


def _with_inputs(value, inputs: dict, keep_unknown: bool = False):
    """`value` with each `${{ inputs.X }}` replaced by the input's value (`inputs`
    keyed by lower-case name; a value that is only that expression takes the
    input's value as it is); one without a value (None or missing) is empty,
    or with `keep_unknown` stays as written."""
    if isinstance(value, dict):
        return {k: _with_inputs(v, inputs, keep_unknown) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_inputs(v, inputs, keep_unknown) for v in value]
    if not isinstance(value, str) or "inputs." not in value:
        return value
    whole = _INPUT_EXPR.fullmatch(value.strip())
    if whole and inputs.get(whole.group(1).lower()) is not None:
        return inputs[whole.group(1).lower()]

    def one(m):
        v = inputs.get(m.group(1).lower())
        if isinstance(v, bool):
            return "true" if v else "false"
        if v is None or isinstance(v, (dict, list)):
            return m.group(0) if keep_unknown else ""
        return str(v)
    return _INPUT_EXPR.sub(one, value)


def read_workflow(data) -> Workflow:
    data = _dict(data)
    on_key = "on" if "on" in data else (True if True in data else "on")
    wf = Workflow(data=data)
    wf.name = _str_or_none(data.get("name"))
    wf.triggers = _triggers(data.get(on_key))
    wf.path_of = {"on": (on_key,), "permissions": ("permissions",), "env": ("env",),
                  "jobs": ("jobs",)}
    wf.permissions = normalise_permissions(data.get("permissions"))
    wf.env = _dict(data.get("env"))
    for jid, jdata in _dict(data.get("jobs")).items():
        if not isinstance(jid, str):
            continue
        wf.jobs[jid] = _read_job(wf, jid, _dict(jdata))
    return wf


def _read_job(wf: Workflow, jid: str, d: dict) -> Job:
    path = ("jobs", jid)
    job = Job(id=jid, path=path, data=d, workflow=wf)
    job.name = _str_or_none(d.get("name"))
    needs = d.get("needs")
    job.needs = [n for n in _list(needs) if isinstance(n, str)]
    job.needs_path = path + ("needs",) if "needs" in d else None
    env = d.get("environment")
    if isinstance(env, dict):
        job.environment = _str_or_none(env.get("name"))
        job.environment_path = path + ("environment", "name") if "name" in env else None
    else:
        job.environment = _str_or_none(env)
        job.environment_path = path + ("environment",) if "environment" in d else None
    if job.environment is not None and not job.environment.strip():
        job.environment = None  # `environment: ""` is no environment
    if "permissions" in d:
        job.permissions = normalise_permissions(d.get("permissions")) or {}
        job.permissions_source, job.permissions_path = "job", path + ("permissions",)
    elif wf.permissions is not None:
        job.permissions = dict(wf.permissions)
        job.permissions_source, job.permissions_path = "workflow", ("permissions",)
    job.env = _dict(d.get("env"))
    job.if_ = d.get("if")
    job.uses, job.uses_ref = _uses(d.get("uses"))
    job.with_ = _dict(d.get("with"))
    job.secrets = d.get("secrets")
    job.outputs = _dict(d.get("outputs"))
    job.strategy = _dict(d.get("strategy"))
    for i, sd in enumerate(_list(d.get("steps")) if isinstance(d.get("steps"), list) else []):
        job.steps.append(_read_step(path + ("steps", i), i, _dict(sd)))
    for st in job.steps:
        st.job_shell = script_shell(job, st)
    return job


def _read_step(path, i, d) -> Step:
    st = Step(index=i, path=path, data=d)
    st.id = _str_or_none(d.get("id"))
    st.name = _str_or_none(d.get("name"))
    st.uses, st.uses_ref = _uses(d.get("uses"))
    st.with_ = _dict(d.get("with"))
    st.env = _dict(d.get("env"))
    run = d.get("run")
    if run is not None and not isinstance(run, (dict, list)):
        st.run = run if isinstance(run, str) else _str_or_none(run)
        st.run_path = path + ("run",)
    st.if_ = d.get("if")
    st.shell = _str_or_none(d.get("shell"))
    return st


# ---------------------------------------------------------------------------
# matrix


_FROM_JSON = re.compile(
    r"^fromjson\(\s*'((?:[^']|'')*)'\s*\)((?:\s*\[[^\[\]]+\]|\.[A-Za-z_][A-Za-z0-9_-]*)*)$",
    re.I | re.S)


_FROM_JSON_OF = re.compile(
    r"^fromjson\(\s*(vars|secrets)\.([A-Za-z_][A-Za-z0-9_-]*)\s*\)"
    r"((?:\s*\[[^\[\]]+\]|\.[A-Za-z_][A-Za-z0-9_-]*)*)$", re.I | re.S)


def _from_json_literal(inner: str, github: Optional[dict] = None):
    """(value, lookups) of `fromJSON('<JSON>')...` on a literal string (GitHub's
    function names ignore case; '' is a quote inside the literal), or of
    `fromJSON(vars.X)...` where the config gives vars.X (with `github`); else None."""
    m = _FROM_JSON.match(inner.strip())
    if m:
        text = m.group(1).replace("''", "'")
    else:
        m = _FROM_JSON_OF.match(inner.strip()) if github else None
        known = (github.get(m.group(1).lower()) or {}) if m else {}
        text = known.get(m.group(2)) if m and isinstance(known, dict) else None
        if not isinstance(text, str):
            return None
        m = (None, None, m.group(3))
    try:
        return json.loads(text), m[2] if isinstance(m, tuple) else m.group(2)
    except ValueError:
        return None


def _matrix_literal(v, github: Optional[dict] = None):
    """A matrix value written as `${{ fromJSON('<JSON>') }}` of a literal (or,
    with `github`, of a `vars.X` the config gives): the value GitHub evaluates
    it to; anything else as written."""
    if isinstance(v, str):
        m = EXPR.fullmatch(v.strip())
        got = _from_json_literal(m.group(1), github) if m else None
        if got is not None and not got[1]:
            return got[0]
    return v


def working_directory(step: dict, job: dict, workflow: dict) -> Optional[str]:
    """The literal `working-directory` of a run step (its own, else the job's or
    the workflow's `defaults.run`), relative to the workspace; None if unset
    (or not text)."""
    scopes = [step]
    for data in (job, workflow):
        defaults = data.get("defaults") if isinstance(data, dict) else None
        scopes.append(defaults.get("run") if isinstance(defaults, dict) else None)
    for scope in scopes:
        if isinstance(scope, dict) and scope.get("working-directory") is not None:
            wd = scope.get("working-directory")
            return wd if isinstance(wd, str) else None
    return None


class Row(dict):
    """A row of a matrix written out whole (literal vectors and `include`s): a
    key it lacks is empty in it (`${{ matrix.environment }}` of an `include`
    row without `environment` is ''), not unknown (`lacks`)."""

    def lacks(self, expression) -> bool:
        """Is `expression` exactly `${{ matrix.KEY }}` of a key this row has not?"""
        m = re.fullmatch(r"\s*\$\{\{\s*matrix\.([\w-]+)\s*\}\}\s*", expression) \
            if isinstance(expression, str) else None
        return m is not None and m.group(1) not in self


def matrix_rows(matrix, github: Optional[dict] = None) -> List[dict]:
    """The combinations GitHub runs: product of the vectors, minus `exclude`, plus `include`
    (the matrix, a vector, `include` or `exclude` may be fromJSON of a literal,
    or with `github` of a variable the config gives)."""
    matrix = _matrix_literal(matrix, github)
    if not isinstance(matrix, dict):
        return [{}]
    matrix = {k: _matrix_literal(v, github) for k, v in matrix.items()}
    vectors = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    whole = all(isinstance(v, list) for v in vectors.values()) and all(
        isinstance(matrix.get(k, []), list) and all(isinstance(e, dict) for e in matrix.get(k, []))
        for k in ("include", "exclude"))
    keys = [k for k, v in vectors.items() if isinstance(v, list) and v]
    rows: List[dict] = []
    if keys:
        total = 1
        for k in keys:
            total *= len(vectors[k])
        if total > MAX_MATRIX_ROWS * 4:
            return [{}]
        for combo in itertools.product(*(vectors[k] for k in keys)):
            rows.append(dict(zip(keys, combo)))
    excludes = [e for e in _list(matrix.get("exclude")) if isinstance(e, dict)]
    rows = [r for r in rows if not any(all(r.get(k) == v for k, v in e.items() if k in r)
                                       and any(k in r for k in e) for e in excludes)]
    # include: merged into every original combination it does not contradict (values it
    # added itself may be overwritten), else a new combination; new ones are not merge targets
    originals = [dict(r) for r in rows]
    added = []
    for inc in _list(matrix.get("include")):
        if not isinstance(inc, dict):
            continue
        merged = False
        for r, orig in zip(rows, originals):
            if all(orig.get(k) == v for k, v in inc.items() if k in orig):
                r.update(inc)
                merged = True
        if not merged:
            added.append(dict(inc))
    out = (rows + added)[:MAX_MATRIX_ROWS]
    if whole and len(rows + added) <= MAX_MATRIX_ROWS:
        out = [Row(r) for r in out]
    return out or [{}]


# ---------------------------------------------------------------------------
# steps: roles, deploys, tests


def commands(step: Step) -> List[shell.Command]:
    """The simple commands of the step's `run:`; a PowerShell script (`shell:
    pwsh`/`powershell`, a Windows runner's default) read as the shell text it
    amounts to (`shell.from_powershell`; GitHub's own pwsh and powershell
    stop at `Write-Error`)."""
    if step._commands is None:
        run = step.run if isinstance(step.run, str) else ""
        used = step.shell or step.job_shell
        if _shell_name(used) in ("pwsh", "powershell"):
            run = shell.from_powershell(run, stops_on_error=used.strip() in ("pwsh", "powershell"))
        step._commands = shell.parse(run)
    return step._commands


def script_shell(job, step) -> Optional[str]:
    """The shell GitHub runs a step's script with, as written: the step's
    `shell`, else the job's or the workflow's `defaults.run.shell`, else on a
    Windows runner its default, "pwsh"; None for the default bash."""
    used = step.shell
    for scope in (job.data, job.workflow.data if job.workflow else None):
        if used is None and isinstance(scope, dict):
            run = (scope.get("defaults") or {}).get("run") \
                if isinstance(scope.get("defaults"), dict) else None
            used = run.get("shell") if isinstance(run, dict) else None
    if used is None and any(label.lower().startswith("windows") for label in runner_labels(job)):
        return "pwsh"
    return used if isinstance(used, str) else None


def _shell_name(used) -> str:
    """The program of a `shell:` value, lower-case (`pwsh` of `pwsh -File {0}`)."""
    return used.strip().split(" ", 1)[0].lower() if isinstance(used, str) and used.strip() \
        else ""


def windows_shell(job, step) -> Optional[str]:
    """"pwsh", "powershell" or "cmd" when one of them runs the step's script
    (`script_shell`); else None."""
    name = _shell_name(script_shell(job, step))
    return name if name in ("pwsh", "powershell", "cmd") else None


def written_targets(c: shell.Command) -> list:
    """[(word, into a folder)] of the files a command writes: `>`/`>>`
    redirects, `tee` and `sponge` operands, the operands of an in-place edit
    (`sed -i`, `perl -i`, `yq -i`), the destination of `cp`/`mv`/`install`/
    `rsync` (into a folder too when it copies a folder, or files whose names
    are not known: what lands in that folder is not known)."""
    out = [(t, False) for op, t in c.redirects if op in (">", ">>", ">|") and isinstance(t, str)]
    name = c.name.rsplit("/", 1)[-1]
    words = [a for a in c.argv[1:] if not a.startswith("-")]
    if name in ("tee", "sponge"):
        out += [(w, False) for w in words]
    elif name in ("sed", "gsed", "perl", "yq") and any(
            a.startswith("-i") or a in ("--in-place", "--inplace")
            or (name == "perl" and re.fullmatch(r"-\w*i\w*", a)) for a in c.argv[1:]):
        out += [(w, False) for w in words]
    elif name in ("cp", "mv", "install", "rsync") and len(words) >= 2:
        recursive = name == "rsync" or any(
            re.fullmatch(r"-\w*[rRa]\w*|--recursive|--archive", a) for a in c.argv[1:])
        unknown = any(re.search(r"[$*?`\[]", w) for w in words[:-1])
        out.append((words[-1], recursive or unknown))
    return out


def continues_on_error(data) -> bool:
    """A step's (or job's) `continue-on-error: true` as written."""
    v = data.get("continue-on-error") if isinstance(data, dict) else None
    return v is True or (isinstance(v, str) and v.strip().lower() == "true")


def runner_labels(job) -> List[str]:
    """The labels of a job's `runs-on` that are written out (a string or a
    list of them), stripped; [] for any other shape."""
    labels = job.data.get("runs-on") if isinstance(job.data, dict) else None
    labels = [labels] if isinstance(labels, str) else labels
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        return []
    return [x.strip() for x in labels]


def _truthy(v) -> Optional[bool]:
    """True/False for YAML booleans and "true"/"false" strings; None for expressions."""
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        s = v.strip().lower()
        if s in ("true", "yes", "on", "1"):
            return True
        if s in ("false", "no", "off", "0", ""):
            return False
    if v is None:
        return False
    return None


_YAML12_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                           r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def yaml12_plain(text: str):
    """A plain (unquoted) scalar as GitHub reads it, YAML 1.2's core schema:
    `true`/`false` (three casings) a boolean, decimal, `0o` and `0x` integers
    and decimal floats numbers, anything else text (`on`, `yes`, `1:00`,
    `1_000`, `0b1`, which YAML 1.1 reads as booleans and numbers)."""
    t = text.strip()
    if t in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return t.lower() == "true"
    if _YAML12_INT.fullmatch(t):
        return int(t[2:], 8) if t.startswith("0o") else int(t, 16) if t.startswith("0x") \
            else int(t)
    if _YAML12_FLOAT.fullmatch(t):
        return float(t.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return text


def assumes_role(step: Step, job: Optional[Job] = None) -> Optional[RoleUse]:
    """The role a step assumes through an action input (`role-to-assume`, or
    the ROLE_TO_ASSUME env variable a configure-aws-credentials step that
    `translates_env` reads in its place)."""
    def given(name):
        return credentials_input(step, job, name) if job is not None else step.with_.get(name)

    role = given("role-to-assume")
    if role is None or (isinstance(role, str) and not role.strip()) or step.followed:
        return None
    known = step.uses == CONFIGURE_CREDENTIALS
    oidc = not any(given(k) for k in ("aws-access-key-id", "web-identity-token-file"))
    if _truthy(given("role-chaining")) is True \
            or _truthy(given("force-skip-oidc")) is True:
        oidc = False  # keys already in the environment, or the runner's own credentials
    aud = given("audience")
    path = input_path(step, "role-to-assume") if "role-to-assume" in step.with_ \
        or step.via else env_path("ROLE_TO_ASSUME", job, step)
    return RoleUse(step, role, path,
                   audience=aud if isinstance(aud, str) and aud.strip() else STS_AUDIENCE,
                   aws_region=given("aws-region"),
                   region_path=step.path + ("with", "aws-region")
                   if "aws-region" in step.with_ else None,
                   oidc=oidc, known_action=known)


def env_path(name: str, job: Optional[Job], step: Step) -> tuple:
    """Where env variable `name` is set for a step: its own `env:`, the job's
    or the workflow's (else the step's `uses:`)."""
    if isinstance(step.env, dict) and name in step.env:
        return step.path + ("env", name)
    if job is not None and isinstance(job.env, dict) and name in job.env:
        return job.path + ("env", name)
    if job is not None and job.workflow is not None and isinstance(job.workflow.env, dict) \
            and name in job.workflow.env:
        return ("env", name)
    return step.path + ("uses",)


def _may_contain(script, word: str) -> bool:
    """Could a command of `script` have `word` among its words? A test on the
    text with the quotes, backslashes and line continuations that may split a
    word removed, so that it never says no to a word the parser would find."""
    if not isinstance(script, str):
        return False
    if word in script:
        return True
    return word in script.replace("\\\n", "").translate(_QUOTING)


_QUOTING = str.maketrans("", "", "\\'\"")


_OTHER_TOKEN = re.compile(r"AWS_WEB_IDENTITY_TOKEN_FILE|/var/run/secrets/|serviceaccount/token")


def role_uses_of(step: Step, job: Optional[Job] = None) -> List[RoleUse]:
    out = []
    ru = assumes_role(step, job)
    if ru is not None:
        out.append(ru)
    ru = _sdk_web_identity(step, job) if job is not None else None
    if ru is not None:
        out.append(ru)
    if not _may_contain(step.run, "assume-role-with-web-identity"):
        return out  # spares parsing every script of every job (the cross-file index asks)
    for c in commands(step):
        if shell.is_aws(c, "sts", "assume-role-with-web-identity"):
            role = script_role(c, step, job)
            token = shell.option(c, "--web-identity-token") or ""
            # a pod's projected token (EKS), not GitHub's
            github = not _OTHER_TOKEN.search(token + " " + " ".join(c.argv))
            out.append(RoleUse(step, role, step.run_path, oidc=github, line=c.line,
                               aws_region=_cli_region(step, job)))
    return out


def _cli_region(step: Step, job: Optional[Job]):
    """The region the AWS CLI calls go to after a script assumes a role: its
    `AWS_REGION`, else `AWS_DEFAULT_REGION` env variable (None: not set)."""
    if job is None:
        return None
    return _env_value("AWS_REGION", job, step) or _env_value("AWS_DEFAULT_REGION", job, step)


def script_role(c: shell.Command, step: Step, job: Optional[Job]):
    """The `--role-arn` of a script's `aws sts assume-role...` command, with the
    shell variables it reads followed (set by the script before it, in the
    step's, job's or workflow's `env`, or by an earlier step's `$GITHUB_ENV`);
    what only a run knows (`matrix`, `vars`) is left to it. None without it."""
    role = shell.option(c, "--role-arn")
    if job is None or not isinstance(role, str) or not _SHELL_VAR.search(role):
        return role
    return resolve(role, job, step, line=c.line)


def fetches_token(step: Step) -> bool:
    """Does the step ask GitHub for its OIDC token itself (`core.getIDToken()`
    in actions/github-script, or a script reading the token request URL)?"""
    if isinstance(step.uses, str) and step.uses.split("@")[0] == "actions/github-script":
        script = step.with_.get("script")
        return isinstance(script, str) and "getIDToken" in script
    return isinstance(step.run, str) and "ACTIONS_ID_TOKEN_REQUEST_URL" in step.run


def _sdk_web_identity(step: Step, job: Job) -> Optional[RoleUse]:
    """The role the AWS SDKs and CLI assume with their web-identity variables
    (`AWS_ROLE_ARN` and `AWS_WEB_IDENTITY_TOKEN_FILE`), charged to the step
    that fetches GitHub's token for that file."""
    if not fetches_token(step):
        return None
    role = _env_value("AWS_ROLE_ARN", job, step)
    token_file = _env_value("AWS_WEB_IDENTITY_TOKEN_FILE", job, step)
    if not (isinstance(role, str) and role.strip() and isinstance(token_file, str)
            and token_file.strip()):
        return None
    at = step.path  # written to $GITHUB_ENV by an earlier step
    for scope, path in ((job.workflow.env if job.workflow else None, ()), (job.env, job.path),
                        (step.env, step.path)):
        if isinstance(scope, dict) and "AWS_ROLE_ARN" in scope:
            at = path + ("env", "AWS_ROLE_ARN")  # the innermost scope that sets it
    return RoleUse(step, role, at)


_ECS_DEPLOY_OPS = ("update-service", "register-task-definition", "run-task", "create-service")


def deploys_of(step: Step) -> List[Deploy]:
    out = []
    if step.uses == ECS_DEPLOY:
        out.append(Deploy(step, "ecs-deploy-action", step.path + ("uses",)))
    elif step.uses and "codedeploy" in step.uses:
        out.append(Deploy(step, "codedeploy", step.path + ("uses",)))
    elif step.uses and _ECS_DEPLOY_ACTION.fullmatch(step.uses):  # silintl's, as an action
        image = step.with_.get("image")
        if step.uses.startswith("docker://") and isinstance(step.with_.get("args"), str):
            image = next((_option(c.argv, ("-i", "--image")) for c in
                          shell.parse("ecs-deploy " + step.with_["args"])), None)
        out.append(Deploy(step, "ecs-deploy", step.path + ("uses",), None,
                          image if isinstance(image, str) else None))
    elif step.uses == ECSPRESSO_ACTION and isinstance(step.with_.get("args"), str):
        # the action runs `ecspresso ARGS` after installing it
        out += [Deploy(step, tool[0], step.path + ("uses",)) for c in
                shell.parse("ecspresso " + step.with_["args"]) if (tool := deploy_tool(c))]
    elif step.ecs_stacks and step.uses == _STACK_ACTION and not _no_execute(
            step.with_.get("no-execute-changeset")):
        out.append(Deploy(step, "aws-cloudformation-github-deploy", step.path + ("uses",)))
    for c in commands(step):
        service, op, _ = shell.aws_operation(c)
        if service == "ecs" and op in _ECS_DEPLOY_OPS:
            out.append(Deploy(step, op, step.run_path, c))
        elif service == "deploy" and op == "create-deployment":
            out.append(Deploy(step, "codedeploy", step.run_path, c))
        elif service == "ecs" and op == "deploy":  # the CLI's CodeDeploy customisation
            out.append(Deploy(step, "codedeploy", step.run_path, c))
        elif step.ecs_stacks and (stack := _stack_deploy(c)):
            out.append(Deploy(step, stack, step.run_path, c))
        else:
            tool = deploy_tool(c)
            if tool is not None:
                out.append(Deploy(step, tool[0], step.run_path, c, tool[1]))
    for script, cmds in step.scripts.items():  # what the repository's scripts it runs do
        for c in cmds:
            service, op, _ = shell.aws_operation(c)
            if service == "ecs" and op in _ECS_DEPLOY_OPS:
                out.append(Deploy(step, f"{op} ({script})", step.run_path))
            elif (tool := deploy_tool(c)) is not None:  # (its image: as the script writes it)
                out.append(Deploy(step, tool[0], step.run_path))
    return out


_STACK_ACTION = "aws-actions/aws-cloudformation-github-deploy"  # deployments.ACTION
# what deploys a stack of ECS resources (`Step.ecs_stacks`): the CLI's and SAM's
# commands that create or update it (`create-change-set` and a deploy with
# `--no-execute-changeset` only make a change set), and the action
_STACK_COMMANDS = {("cloudformation", "deploy"): "aws cloudformation deploy",
                   ("cloudformation", "create-stack"): "aws cloudformation create-stack",
                   ("cloudformation", "update-stack"): "aws cloudformation update-stack"}


def _stack_deploy(c: shell.Command) -> Optional[str]:
    """The command that creates or updates a stack (`aws cloudformation deploy`,
    `sam deploy`...), as the deploy's kind; None for any other."""
    if "--no-execute-changeset" in c.argv:
        return None
    if c.argv[:2] == ["sam", "deploy"]:
        return "sam deploy"
    return _STACK_COMMANDS.get(shell.aws_operation(c)[:2])


def _no_execute(value) -> bool:
    """The action's `no-execute-changeset` set (`"1"`, `true`): it only makes
    the change set."""
    return str(value).strip().lower() in ("1", "true", "yes", "on")


# ecspresso's subcommands that register a task definition, update the service
# or run a task (`deploy`, `rollback` to the previous revision, `refresh`,
# `scale`, `run`, `register`, v1's `create`); `delete`, `deregister`, `diff`,
# `render`, `verify`, `status`, `wait`... do none of that, nor does any with
# `--dry-run` (it returns before the first change)
ECSPRESSO_DEPLOYS = ("deploy", "rollback", "refresh", "scale", "run", "register", "create")
# its global flags that take a value (`ecspresso --config FILE deploy`)
_ECSPRESSO_VALUED = ("--config", "--envfile", "--ext-str", "--ext-code", "--assume-role-arn",
                     "--timeout", "--filter-command", "--log-format", "--option")
ECSPRESSO_ACTION = "kayac/ecspresso"
# Deploy tools that register a task definition revision and update the service
# themselves: silintl/ecs-deploy (`ecs-deploy -c CLUSTER -n SERVICE -i IMAGE`,
# also run as its Docker image), fabfuel/ecs-deploy (`ecs deploy CLUSTER SERVICE
# --image CONTAINER IMAGE | --tag TAG`), ecspresso (`ecspresso deploy`, the
# other `ECSPRESSO_DEPLOYS`), AWS Copilot (`copilot deploy`, `copilot svc
# deploy`) and the ECS CLI (`ecs-cli compose service up`); and the deploys of a
# CloudFormation stack that holds the service or task definition.
DEPLOY_TOOLS = ("ecs-deploy", "ecs deploy", *(f"ecspresso {s}" for s in ECSPRESSO_DEPLOYS),
                "copilot deploy", "ecs-cli service up", *_STACK_COMMANDS.values(),
                "sam deploy", "aws-cloudformation-github-deploy")
# silintl/ecs-deploy as a step: its action (inputs `cluster`, `service_name`,
# `image`...) or its Docker image with `args:`
_ECS_DEPLOY_ACTION = re.compile(r"silinternational/ecs-deploy|docker://(?:[\w.-]+/)?"
                                r"silintl/ecs-deploy(?::[\w.-]+)?", re.I)


def deploy_tool(c: shell.Command) -> Optional[Tuple[str, Optional[str]]]:
    """(tool, the image it deploys or None) when a command runs a deploy tool."""
    argv = c.argv
    if c.name == "docker" and len(argv) > 2 and argv[1] == "run":
        at = next((i for i, a in enumerate(argv[2:], 2)
                   if re.fullmatch(r"(?:[\w.-]+/)?silintl/ecs-deploy(?::[\w.-]+)?", a)), None)
        if at is None:
            return None
        argv = ["ecs-deploy"] + argv[at + 1:]
    name = argv[0].rsplit("/", 1)[-1] if argv else ""
    words = [a for a in argv[1:] if not a.startswith("-")]
    if name in ("ecs-deploy", "ecs-deploy.sh"):
        # `-to TAG` puts TAG on every container's image, `-e VAR` takes the
        # tag from that variable: both over the image's own tag (silintl's README)
        image = _option(argv, ("-i", "--image"))
        tag_only = _option(argv, ("-to", "--tag-only"))
        if tag_only is not None:
            return "ecs-deploy", f"<each container's image>:{tag_only}"
        tag_var = _option(argv, ("-e", "--tag-env-var"))
        if tag_var is not None and image is not None and re.fullmatch(r"\w+", tag_var):
            head, _, last = image.rpartition("/")
            name_only = last.split(":", 1)[0] if "@" not in last else last
            return "ecs-deploy", f"{head}/{name_only}:${{{tag_var}}}" if head \
                else f"{name_only}:${{{tag_var}}}"
        return "ecs-deploy", image
    if name == "ecs" and words[:1] == ["deploy"]:
        image = _option(argv, ("--image", "-i"), 2)
        tag = _option(argv, ("--tag", "-t"))
        return "ecs deploy", image or (f"<each container's image>:{tag}"
                                       if tag is not None else None)
    if name == "ecspresso":
        sub = _ecspresso_subcommand(argv[1:])
        dry = any(a == "--dry-run" or a.startswith("--dry-run=") and a[10:].lower() != "false"
                  for a in argv)
        return (f"ecspresso {sub}", None) if sub in ECSPRESSO_DEPLOYS and not dry else None
    if name == "ecs-cli" and "service" in words and "up" in words[words.index("service"):]:
        return "ecs-cli service up", None
    if name == "copilot" and (words[:1] == ["deploy"] or words[:2] in (["svc", "deploy"],
                                                                        ["job", "deploy"])):
        return "copilot deploy", None
    return None


def _ecspresso_subcommand(args: List[str]) -> Optional[str]:
    """The subcommand of ecspresso's arguments, after the global flags that
    may come first (`--config FILE deploy`, `--config=FILE deploy`)."""
    valued = False
    for a in args:
        if valued:
            valued = False
        elif a in _ECSPRESSO_VALUED:
            valued = True
        elif not a.startswith("-"):
            return a
    return None


def _option(argv, flags, nth=1) -> Optional[str]:
    """The value of the last of `flags` in argv (`--image X`, `--image=X`); with
    nth=2, the second word after the flag (`--image CONTAINER IMAGE`)."""
    found = None
    for i, a in enumerate(argv):
        if a in flags and i + nth < len(argv):
            found = argv[i + nth]
        elif nth == 1 and "=" in a and a.split("=", 1)[0] in flags:
            found = a.split("=", 1)[1]
    return found


_TEST_RUNNERS = {"pytest", "py.test", "tox", "nox", "jest", "vitest", "mocha", "rspec",
                 "phpunit", "ctest", "karma", "ava", "tap", "behave", "cucumber",
                 "playwright", "cypress", "unittest", "nosetests", "trial", "pest", "bats"}
_TEST_SUBCOMMANDS = {
    "npm": {"test", "t", "tst", "run:test", "cit", "install-test", "it"},
    "yarn": {"test"}, "pnpm": {"test", "t"}, "bun": {"test"}, "go": {"test"},
    "cargo": {"test", "nextest"}, "dotnet": {"test"}, "mix": {"test"}, "deno": {"test"},
    "make": {"test", "tests", "check", "ci", "test-unit", "unit-test", "unittest"},
    # Maven runs every phase up to the one named: package, install and deploy run `test`
    "mvn": {"test", "package", "integration-test", "verify", "install", "deploy"},
    "gradle": {"test", "check", "build"},
    "./gradlew": {"test", "check", "build"}, "gradlew": {"test", "check", "build"},
    "./mvnw": {"test", "package", "integration-test", "verify", "install", "deploy"},
    "mvnw": {"test", "package", "integration-test", "verify", "install", "deploy"},
    "rake": {"test", "spec"}, "rails": {"test", "spec", "test:system", "test:all"},
    "artisan": {"test"}, "composer": {"test"},
    "swift": {"test"}, "flutter": {"test"}, "hatch": {"test"}, "task": {"test"},
    "just": {"test"}, "sbt": {"test"}, "lein": {"test"}, "bazel": {"test"},
}


_TEST_SCRIPT = re.compile(r"(?:^|[/_.-])(?:run[-_]?)?(?:unit[-_]?)?tests?(?:[-_.]|$)", re.I)
_CONTAINER_RUN = {("docker", "run"), ("docker", "exec"), ("docker-compose", "run"),
                  ("docker-compose", "exec"), ("podman", "run")}


def command_runs_tests(c: shell.Command) -> bool:
    return _argv_runs_tests([a for a in c.argv if a])


def _argv_runs_tests(argv) -> bool:
    if not argv:
        return False
    # a test run inside a container: `docker run IMAGE pytest`, `docker compose run app npm test`
    argv = _without_compose_options(argv)
    head2 = (argv[0], argv[1] if len(argv) > 1 else "")
    if head2 in _CONTAINER_RUN or argv[:3] in (["docker", "compose", "run"],
                                               ["docker", "compose", "exec"]):
        start = 3 if argv[1] == "compose" else 2
        return any(_argv_runs_tests(argv[i:]) for i in range(start, len(argv))
                   if not argv[i].startswith("-"))
    # a Dockerfile's test stage built: `docker build --target test .` runs its RUN pytest
    if (argv[:2] == ["docker", "build"] or argv[:3] == ["docker", "buildx", "build"]) \
            and any(_TEST_STAGE.fullmatch(t) for t in shell.option_values(argv, ("--target",))):
        return True
    # a test script: `./scripts/run-tests.sh`, `bash ci/test.sh`
    script = argv[1] if argv[0] in ("bash", "sh", "zsh") and len(argv) > 1 else argv[0]
    if script.endswith(".sh") and _TEST_SCRIPT.search(script.rsplit("/", 1)[-1][:-3]):
        return True
    # skip wrappers: `python -m pytest`, `poetry run pytest`, `bundle exec rspec`, `uv run`
    while argv:
        head = argv[0].rsplit("/", 1)[-1]
        if head in ("python", "python3", "py") and len(argv) > 2 and argv[1] == "-m":
            argv = argv[2:]
            continue
        if head in ("poetry", "pipenv", "uv", "pdm", "hatch", "rye") and len(argv) > 2 \
                and argv[1] in ("run", "exec"):
            argv = argv[2:]
            continue
        if head == "php" and len(argv) > 1 and argv[1].rsplit("/", 1)[-1] == "artisan":
            argv = argv[1:]  # `php artisan test`
            continue
        if head in ("bundle", "npx", "pnpx", "bunx", "sudo", "env", "time", "xvfb-run"):
            argv = argv[1:] if head not in ("bundle",) else argv[2:]
            continue
        if head in ("npm", "pnpm", "yarn", "bun") and len(argv) > 2 \
                and argv[1] in ("exec", "dlx", "x"):
            argv = argv[2:]  # `pnpm exec vitest run`
            continue
        if head in ("pnpm", "yarn") and len(argv) > 1 and argv[1] in _TEST_RUNNERS:
            argv = argv[1:]  # `pnpm vitest run`: a local binary
            continue
        break
    if not argv:
        return False
    # a runner by its path (`./vendor/bin/phpunit`, `./node_modules/.bin/jest`)
    head = argv[0].rsplit("/", 1)[-1]
    if _lists_tests_only(argv):
        return False
    if head in _TEST_RUNNERS:
        return True
    subs = _TEST_SUBCOMMANDS.get(head)
    if subs:
        if _build_skips_tests(head, argv[1:]):
            return False
        rest = [a for a in argv[1:] if not a.startswith("-")]
        if head in ("gradle", "gradlew"):
            rest = _gradle_tasks(argv[1:])
        if head in ("npm", "yarn", "pnpm", "bun", "composer") and rest \
                and rest[0] in ("run", "run-script"):
            rest = rest[1:]
            return bool(rest) and (rest[0] == "test" or rest[0].startswith("test:")
                                   or rest[0].startswith("test-"))
        if head in ("yarn", "pnpm") and rest and rest[0].startswith("test"):
            return True
        return any(r in subs for r in rest[:2])
    if head == "manage.py" or (head in ("python", "python3") and len(argv) > 2
                               and argv[1].endswith("manage.py") and argv[2] == "test"):
        return True
    return False


_COMPOSE_VALUED = {"-f", "--file", "-p", "--project-name", "--env-file", "--profile",
                   "--project-directory", "--ansi", "--parallel"}


def _without_compose_options(argv):
    """`docker compose -f ci.yml run ...` as `docker compose run ...`: the
    global options before the subcommand set aside."""
    start = 2 if argv[:2] == ["docker", "compose"] else 1 if argv[:1] == ["docker-compose"] \
        else None
    if start is None:
        return argv
    i = start
    while i < len(argv) and argv[i].startswith("-"):
        i += 1 if "=" in argv[i] or argv[i] not in _COMPOSE_VALUED else 2
    return argv[:start] + argv[i:]


_MAVEN_SKIP = re.compile(r"-D(?:skipTests|maven\.test\.skip|maven\.test\.skip\.exec)(?:=(.*))?")


def _gradle_excluded(args) -> Set[str]:
    """The tasks Gradle's `-x TASK` / `--exclude-task TASK` leave out, as written
    (`test` in every project; `:app:test` in one only)."""
    out, take = set(), False
    for a in args:
        if take:
            out.add(a)
            take = False
        elif a in ("-x", "--exclude-task"):
            take = True
        elif a.startswith("--exclude-task="):
            out.add(a.split("=", 1)[1])
        elif a.startswith("-x") and len(a) > 2 and not a.startswith("--"):
            out.add(a[2:])
    return out


def _gradle_tasks(args) -> List[str]:
    """The tasks named on a Gradle command line (not the values of `-x`)."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a in ("-x", "--exclude-task"):
            skip = True
        elif not a.startswith("-"):
            out.append(a)
    return out


def _build_skips_tests(head: str, args) -> bool:
    """A Maven or Gradle build told not to run the tests: `-DskipTests`,
    `-Dmaven.test.skip=true` (Surefire's and Failsafe's skip properties), `-x test`
    (or `-x check` when only build/check is asked for); `cargo test --no-run`
    (it compiles the tests only)."""
    if head in ("mvn", "mvnw"):
        for a in args:
            m = _MAVEN_SKIP.fullmatch(a)
            if m and (m.group(1) is None or m.group(1).lower() == "true"):
                return True
    if head in ("gradle", "gradlew"):
        excluded = _gradle_excluded(args)
        tasks = set(_gradle_tasks(args))
        if "test" in excluded or ("check" in excluded and "test" not in tasks):
            return True
    if head == "cargo" and "--no-run" in args:
        return True  # "Compile, but don't run tests" (cargo test / nextest)
    return False


# a runner told to list the tests, not run them: pytest's `--collect-only`
# (`--co`), jest's and vitest's `--listTests`/`list`, `go test -list`
_LIST_ONLY = {"pytest": {"--collect-only", "--co"}, "py.test": {"--collect-only", "--co"},
              "jest": {"--listTests", "--list-tests"}, "vitest": {"--listTests"}}


def _lists_tests_only(argv) -> bool:
    head = argv[0].rsplit("/", 1)[-1]
    if head == "go":
        return any(a == "-list" or a.startswith("-list=") for a in argv[1:])
    if head == "vitest" and len(argv) > 1 and argv[1] == "list":
        return True
    return any(a in _LIST_ONLY.get(head, ()) for a in argv[1:])


# a Dockerfile stage named for its tests (`test`, `unit-tests`, `test_ci`)
_TEST_STAGE = re.compile(r"(?:[\w.-]*[-_.])?(?:unit[-_]?)?tests?(?:[-_.][\w.-]*)?", re.I)


def step_runs_tests(step: Step) -> bool:
    if step.uses and (re.search(r"(?:^|[/_-])tests?(?:[/_-]|$)", step.uses)
                      or step.uses.startswith("cypress-io/")):
        return True
    if isinstance(step.uses, str) and step.uses.split("@")[0] == "docker/build-push-action" \
            and isinstance(step.with_.get("target"), str) \
            and _TEST_STAGE.fullmatch(step.with_["target"].strip()):
        return True  # the test stage built: its RUN of the tests fails the build
    return any(command_runs_tests(c) for c in commands(step))


# ---------------------------------------------------------------------------
# the graph and the events


def needs_closure(wf: Workflow, job_id: str) -> Set[str]:
    seen: Set[str] = set()
    todo = list(wf.jobs[job_id].needs) if job_id in wf.jobs else []
    while todo:
        j = todo.pop()
        if j in seen or j not in wf.jobs:
            continue
        seen.add(j)
        todo.extend(wf.jobs[j].needs)
    return seen


STATUS_FUNCTION = re.compile(r"\b(?:always|failure|cancelled)\s*\(")


def job_events(wf: Workflow, job: Job, _seen: Optional[Set[str]] = None) -> Set[str]:
    """The triggers a job can run on: the workflow's, narrowed by what its `if:`
    says of `github.event_name` (`if_events`) and by the jobs it `needs`: GitHub
    skips a job whose needed job was skipped, unless its `if:` calls `always()`,
    `failure()` or `cancelled()`."""
    events = if_events(job.if_, pull_request_ref_is_merge(wf.triggers)).admit(wf.triggers)
    if isinstance(job.if_, str) and STATUS_FUNCTION.search(job.if_):
        return events
    seen = (_seen or set()) | {job.id}
    for name in job.needs:
        other = wf.jobs.get(name)
        if other is not None and name not in seen:
            events = events & job_events(wf, other, seen)
    return events


# ---------------------------------------------------------------------------
# a job `if:`: the events it lets through

QUOTED = r"'((?:[^']|'')*)'"  # a single-quoted string of an expression, as a group
_EVENT_TEST = re.compile(rf"^github\.event_name\s*(==|!=)\s*{QUOTED}$"
                         rf"|^{QUOTED}\s*(==|!=)\s*github\.event_name$", re.I)


@dataclass(frozen=True)
class Events:
    """The events an expression can be true on: `only` these (None: any event)
    but not `excluded` ones (names in lower case). `exact`: the expression is
    true on exactly these (else on at most these: a part was not understood)."""

    only: Optional[frozenset] = None
    excluded: frozenset = frozenset()
    exact: bool = True

    def admit(self, events) -> Set[str]:
        return {e for e in events if (self.only is None or e.lower() in self.only)
                and e.lower() not in self.excluded}


_ANY = Events(exact=False)  # not understood: any event, as far as we know


def if_events(condition, pr_merge_ref: bool = False) -> Events:
    """What a job or step `if:` says of `github.event_name`: tests `==`/`!=` a
    name (either side, names compared ignoring case as GitHub does), combined
    with `&&`, `||`, `!` and parentheses; any other test may be true on any event.
    With `pr_merge_ref` (github.ref is refs/pull/N/merge on every `pull_request`
    run: `pull_request_ref_is_merge`), a test that github.ref is a branch or tag
    is false on `pull_request`."""
    if condition is None or condition is True:
        return Events()
    if condition is False:
        return Events(only=frozenset())
    if not isinstance(condition, str):
        return _ANY
    return _events(if_expression(condition), 0, pr_merge_ref)


def pull_request_ref_is_merge(triggers) -> bool:
    """Is github.ref refs/pull/N/merge on every `pull_request` run of these
    triggers? Not when `closed` is among its types: a merged pull request's
    `closed` event carries the base branch's ref (GitHub's events reference)."""
    spec = triggers.get("pull_request") if isinstance(triggers, dict) else None
    types = spec.get("types") if isinstance(spec, dict) else None
    if types is None:
        return True  # the default types: opened, synchronize, reopened
    if isinstance(types, str):
        types = [types]
    return isinstance(types, list) and all(
        isinstance(t, str) and t.strip().lower() != "closed" for t in types)


_REF_IS = re.compile(rf"^github\.ref\s*==\s*{QUOTED}$|^{QUOTED}\s*==\s*github\.ref$", re.I)
_REF_NAME_IS = re.compile(rf"^github\.ref_name\s*==\s*{QUOTED}$"
                          rf"|^{QUOTED}\s*==\s*github\.ref_name$", re.I)
_REF_STARTS = re.compile(rf"^startsWith\(\s*github\.ref\s*,\s*{QUOTED}\s*\)$", re.I)


def _is_pr_merge_ref_test(expr: str) -> bool:
    """`startsWith(github.ref, 'refs/pull/')`: true on a pull request's merge ref,
    false on every branch and tag."""
    m = _REF_STARTS.match(expr)
    return bool(m) and m.group(1).replace("''", "'").lower().startswith("refs/pull")


def _false_on_pr_merge_ref(expr: str) -> bool:
    """A test of github.ref / github.ref_name that a pull request's merge ref
    (`refs/pull/N/merge`, ref_name `N/merge`) fails (compared ignoring case)."""
    m = _REF_IS.match(expr)
    if m:
        value = (m.group(1) if m.group(1) is not None else m.group(2)).replace("''", "'")
        return not value.lower().startswith("refs/pull/")
    m = _REF_NAME_IS.match(expr)
    if m:
        value = (m.group(1) if m.group(1) is not None else m.group(2)).replace("''", "'")
        return not value.lower().endswith("/merge")
    m = _REF_STARTS.match(expr)
    if m:
        prefix = m.group(1).replace("''", "'").lower()
        return not ("refs/pull/".startswith(prefix) or prefix.startswith("refs/pull/"))
    return False


def if_expression(condition: str) -> str:
    """An `if:` without the `${{ }}` GitHub lets it be written in. A `${{ }}`
    with any other text beside it (even the newline a `|` block scalar keeps)
    makes the condition a string template, whose text is never empty: "true"."""
    if "${{" in condition:
        m = re.fullmatch(r"\$\{\{((?:[^}]|\}(?!\}))*)\}\}", condition, re.S)
        return m.group(1).strip() if m else "true"
    return condition.strip()


def _events(expr: str, depth: int, pr_merge_ref: bool = False) -> Events:
    expr = strip_parens(expr)
    if depth > 40 or not expr:
        return _ANY
    either = split_top(expr, "||")
    if len(either) > 1:
        out = _events(either[0], depth + 1, pr_merge_ref)
        for part in either[1:]:
            out = _either(out, _events(part, depth + 1, pr_merge_ref))
        return out
    both = split_top(expr, "&&")
    if len(both) > 1:
        out = Events()
        for part in both:
            out = _both(out, _events(part, depth + 1, pr_merge_ref))
        return out
    if expr.startswith("!") and not expr.startswith("!="):
        inner = _events(expr[1:], depth + 1, pr_merge_ref)
        if not inner.exact:
            return _ANY
        if inner.only is None:
            return Events(only=inner.excluded)
        return Events(excluded=inner.only - inner.excluded)
    m = _EVENT_TEST.match(expr)
    listed = _EVENT_IN_LIST.match(expr) if not m else None
    if listed:  # `contains(fromJSON('["push", "workflow_dispatch"]'), github.event_name)`
        try:
            names = json.loads(listed.group(1).replace("''", "'"))
        except (ValueError, RecursionError):  # (`[[[[...`: too deep for the decoder)
            names = None
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            return Events(only=frozenset(n.lower() for n in names))
        return _ANY
    if not m:
        if pr_merge_ref and _false_on_pr_merge_ref(expr):
            # false on `pull_request`; on other events it may be true or not
            return Events(excluded=frozenset(["pull_request"]), exact=False)
        if pr_merge_ref and _is_pr_merge_ref_test(expr):
            # `startsWith(github.ref, 'refs/pull/')`: exactly the pull_request runs
            return Events(only=frozenset(["pull_request"]))
        return _ANY
    op = m.group(1) or m.group(4)
    name = (m.group(2) if m.group(2) is not None else m.group(3)).replace("''", "'").lower()
    return Events(only=frozenset([name])) if op == "==" else Events(excluded=frozenset([name]))


_EVENT_IN_LIST = re.compile(
    rf"^contains\(\s*fromJSON\(\s*{QUOTED}\s*\)\s*,\s*github\.event_name\s*\)$", re.I)


def _both(a: Events, b: Events) -> Events:
    only = b.only if a.only is None else (a.only if b.only is None else a.only & b.only)
    return Events(only, a.excluded | b.excluded, a.exact and b.exact)


def _either(a: Events, b: Events) -> Events:
    exact = a.exact and b.exact
    if a.only is not None and b.only is not None:
        return Events((a.only - a.excluded) | (b.only - b.excluded), frozenset(), exact)
    if a.only is None and b.only is None:
        return Events(None, a.excluded & b.excluded, exact)
    some, rest = (a, b) if a.only is not None else (b, a)  # some: only S minus E; rest: all minus X
    return Events(None, rest.excluded - (some.only - some.excluded), exact)


def split_top(expr: str, op: str) -> List[str]:
    """`expr` split on `op` (`&&` or `||`) outside parentheses and strings."""
    depth, out, start, i, in_str = 0, [], 0, 0, False
    while i < len(expr):
        c = expr[i]
        if c == "'":
            in_str = not in_str
        elif not in_str:
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif depth == 0 and expr.startswith(op, i):
                out.append(expr[start:i].strip())
                i += len(op)
                start = i
                continue
        i += 1
    out.append(expr[start:].strip())
    return out


def strip_parens(expr: str) -> str:
    """`expr` without the parentheses around all of it."""
    s = expr.strip()
    while s.startswith("(") and closing_paren(s) == len(s) - 1:
        s = s[1:-1].strip()
    return s


def closing_paren(s: str) -> int:
    """Index of the `)` that closes the `(` at 0 (-1 if none)."""
    depth, in_str = 0, False
    for i, c in enumerate(s):
        if c == "'":
            in_str = not in_str
        elif not in_str and c == "(":
            depth += 1
        elif not in_str and c == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


# ---------------------------------------------------------------------------
# values


def _lookup(obj, rest: str):
    """Follow `.a.b` / `['a']` in a value; None when missing."""
    for part in re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']*)'\s*\]", rest):
        key = part[0] or part[1]
        if isinstance(obj, dict) and key in obj:
            obj = obj[key]
        else:
            return None
    return obj


def _env_value(name, job: Optional[Job], step: Optional[Step]):
    """A step's view of env variable `name`: its own `env`, else what an earlier
    step wrote to `$GITHUB_ENV` (the runner updates the job's environment with
    it, over the job and workflow `env`), else job, else workflow `env`."""
    if step is not None and isinstance(step.env, dict) and name in step.env:
        return step.env[name]
    if step is not None and job is not None:
        written = _runtime_env(job, step, name)
        if written is not None:
            return written
    for scope in ((job.env if job else None),
                  (job.workflow.env if job is not None and job.workflow else None)):
        if isinstance(scope, dict) and name in scope:
            return scope[name]
    return None


_FORMAT = re.compile(r"^format\(\s*'((?:[^']|'')*)'\s*((?:,\s*(?:'(?:[^']|'')*'|[\w.\-\[\]']+)\s*)*)\)$",
                     re.I)
_FORMAT_ARG = re.compile(r"'((?:[^']|'')*)'|([\w.\-\[\]']+)")


def _format(inner: str, value_of, keep_unknown: bool = False) -> Optional[str]:
    """`format('{0}-consumer', matrix.consumer)` with each argument known
    (`value_of(expression)`: its text, or still an expression when not); else
    None. With `keep_unknown`, an argument not known stays an expression in the
    text (`${{ steps.ecr.outputs.registry }}/api:abc123`)."""
    m = _FORMAT.match(inner)
    if not m:
        return None
    args = []
    for lit, ref in _FORMAT_ARG.findall(m.group(2)):
        got = lit.replace("''", "'") if not ref else value_of(ref)
        if keep_unknown and ref and not isinstance(got, str):
            got = "${{ " + ref + " }}"
        if not isinstance(got, str) or ("${{" in got and not keep_unknown):
            return None
        args.append(got)
    text = m.group(1).replace("''", "'")
    out, i = [], 0
    while i < len(text):
        if text.startswith("{{", i) or text.startswith("}}", i):
            out.append(text[i])
            i += 2
            continue
        n = re.match(r"\{(\d+)\}", text[i:])
        if n:
            k = int(n.group(1))
            if k >= len(args):
                return None
            out.append(args[k])
            i += n.end()
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def expand(value, job: Optional[Job], step: Optional[Step] = None, row: Optional[dict] = None,
           github: Optional[dict] = None, _depth: int = 0):
    """Resolve the static parts of `${{ ... }}` expressions in a value (see module doc)."""
    if not isinstance(value, str) or "${{" not in value or _depth > 6:
        return value
    github = github or {}

    def one(m):
        inner = m.group(1).strip()
        pm = _PROPERTY.match(inner)
        if not pm:  # not a plain property: a fromJSON literal, a ternary, or unknown
            fj = _from_json_literal(inner, github)
            if fj is not None:
                got = _json_lookup(fj[0], fj[1], job, step, row, github)
                if got is None or isinstance(got, (dict, list)):
                    return m.group(0)
                return ("true" if got else "false") if isinstance(got, bool) else str(got)
            if _LITERAL.fullmatch(inner):  # `${{ 10 }}`, `${{ 'text' }}`
                return _operand(inner, job, step, row, github)
            tm = _TERNARY.match(inner) or _PREFIX_TERNARY.match(inner)
            if tm:
                got = _ternary(tm, job, step, row, github)
                return m.group(0) if got is None else expand(got, job, step, row, github,
                                                             _depth + 1)
            om = _OR_DEFAULT.match(inner)
            if om:  # `inputs.environment || 'staging'`: the value, else (empty) the default
                got = _operand(om.group("a"), job, step, row, github)
                if got == "":
                    got = _operand(om.group("b"), job, step, row, github)
                return m.group(0) if got is None else got
            got = _format(inner, lambda a: expand("${{ " + a + " }}", job, step, row, github,
                                                  _depth + 1))
            return m.group(0) if got is None else got
        ctx, rest = pm.group(1), pm.group(2)
        got = None
        if ctx == "env":
            name = _lookup_name(rest)
            if name is not None:
                got = _env_value(name, job, step)
        elif ctx == "matrix" and row is not None:
            got = _lookup(row, rest)
        elif ctx.lower() == "github":  # what a run of the job knows (see xref/runs.py)
            name = _lookup_name(rest)
            fact = _facts(github).get(name.lower()) if name else None
            if fact is not None and fact[0] == "==":
                got = fact[1]
            event = _facts(github).get("event_name")
            if event is not None and event[0] == "==" and not_in_payload("github" + rest,
                                                                         {event[1]}):
                got = ""  # `github.event.release.tag_name` on a dispatch: not in its payload
            if got is None:
                got = _repository_context(rest, job, github)
            dispatched = _EVENT_INPUT.fullmatch(rest)
            if dispatched and isinstance(github.get("inputs"), dict):
                # a dispatch run's inputs, as the event carries them
                got = next((v for k, v in github["inputs"].items() if isinstance(k, str)
                            and k.lower() == dispatched.group(1).lower()), None)
        elif ctx in ("vars", "secrets", "inputs"):  # inputs: a caller's, see xref/runs.py
            name = _lookup_name(rest)
            table = github.get(ctx) if isinstance(github.get(ctx), dict) else {}
            passed = github.get(CALLER_SECRETS) if ctx == "secrets" else None
            if name is not None and isinstance(passed, (set, frozenset)) \
                    and name.lower() not in passed:
                got = ""  # a secret the call does not hand the reusable workflow
            elif name is not None and name in table:
                got = table[name]
            elif name is not None:  # GitHub's names ignore case
                got = next((v for k, v in table.items()
                            if isinstance(k, str) and k.lower() == name.lower()), None)
        if got is None or isinstance(got, (dict, list, Printed)):
            return m.group(0)
        if isinstance(got, bool):
            got = "true" if got else "false"
        got = str(got)
        return expand(got, job, step, row, github, _depth + 1)
    return EXPR.sub(one, value)


_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_LITERAL = re.compile(rf"'(?:[^']|'')*'|{_NUMBER}")
_OPERAND = rf"'(?:[^']|'')*'|{_NUMBER}|[A-Za-z_][A-Za-z0-9_.-]*"
_TERNARY = re.compile(rf"^\(?\s*(?P<lhs>[A-Za-z_][A-Za-z0-9_.-]*)\s*(?P<op>==|!=)\s*"
                      rf"(?P<lit>'(?:[^']|'')*')\s*\)?\s*&&\s*(?P<a>{_OPERAND})\s*\|\|\s*"
                      rf"(?P<b>{_OPERAND})$")


# `startsWith(github.ref, 'refs/tags/') && A || B`, or with `!startsWith`
_PREFIX_TERNARY = re.compile(
    r"^(?P<not>!\s*)?startsWith\(\s*github\.ref\s*,\s*(?P<prefix>'(?:[^']|'')*')\s*\)"
    rf"\s*&&\s*(?P<a>{_OPERAND})\s*\|\|\s*(?P<b>{_OPERAND})$", re.I)


_EVENT_INPUT = re.compile(r"\.event\.inputs\.([A-Za-z0-9_-]+)")

# the `github` contexts that name the repository a run is in (every event's
# payload carries `repository`): which part of `OWNER/REPO` each gives
_REPOSITORY_PARTS = {
    "repository": lambda owner, name: f"{owner}/{name}",
    "repository_owner": lambda owner, name: owner,
    "event.repository.name": lambda owner, name: name,
    "event.repository.full_name": lambda owner, name: f"{owner}/{name}",
    "event.repository.owner.login": lambda owner, name: owner,
}


def _repository_context(rest: str, job: Optional[Job], github: dict) -> Optional[str]:
    """The value of `github` + `rest` when it names the run's repository
    (`github.repository`, `github.event.repository.name`, ...): from config
    `github.repository`, else the workflow's (`Workflow.repository`); None
    when it is another property or the repository is not known."""
    part_of = _REPOSITORY_PARTS.get(".".join(_property_names(rest)).lower())
    if part_of is None:
        return None
    repository = github.get("repository") if isinstance(github, dict) else None
    if not (isinstance(repository, str) and "/" in repository):
        wf = job.workflow if job is not None else None
        repository = wf.repository if wf is not None else None
    if not (isinstance(repository, str) and "/" in repository):
        return None
    owner, name = repository.strip().split("/", 1)
    return part_of(owner, name) if owner and name else None


_EVENT_FIELD = re.compile(r"\bgithub\.event\.([A-Za-z_]+)\b", re.I)

# the events whose payload has an object of their own (GitHub's webhook payloads):
# on any other event, `github.event.<key>...` is empty
_EVENTS_WITH = {
    "release": {"release"},
    "pull_request": {"pull_request", "pull_request_target", "pull_request_review",
                     "pull_request_review_comment"},
    "workflow_run": {"workflow_run"},
    "head_commit": {"push"},
    "issue": {"issues", "issue_comment"},
    "comment": {"issue_comment", "pull_request_review_comment", "commit_comment",
                "discussion_comment"},
    "review": {"pull_request_review"},
    "deployment": {"deployment", "deployment_status"},
    "merge_group": {"merge_group"},
}


def not_in_payload(expr: str, events) -> bool:
    """Is the first `github.event.KEY...` of an expression missing from the
    payload of each of `events` (KEY is another event's object, `_EVENTS_WITH`:
    `github.event.head_commit.message` on a schedule)? GitHub makes it empty.
    False for no events."""
    m = _EVENT_FIELD.search(expr)
    having = _EVENTS_WITH.get(m.group(1).lower()) if m else None
    events = {e.lower() for e in events if isinstance(e, str)}
    return having is not None and bool(events) and not events & having


# `github.event_name` and `github.ref` as one run of a job knows them: {name:
# ("==" or "!=", value)}, under this key of the `github` values of `expand`
FACTS = "\0facts"


def _facts(github) -> dict:
    facts = github.get(FACTS) if isinstance(github, dict) else None
    return facts if isinstance(facts, dict) else {}


_OR_DEFAULT = re.compile(rf"^(?P<a>[A-Za-z_][A-Za-z0-9_.-]*)\s*\|\|\s*(?P<b>{_OPERAND})$")


def _operand(text: str, job, step, row, github) -> Optional[str]:
    """An operand's value as text: a literal's (a number as GitHub prints it,
    `30`, `1.5`), else what `expand` knows of it; None when not known."""
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    if re.fullmatch(_NUMBER, text):
        n = float(text)
        return str(int(n)) if n.is_integer() else str(n)
    got = expand("${{ " + text + " }}", job, step, row, github)
    return None if "${{" in got else got


def _ternary(tm, job, step, row, github) -> Optional[str]:
    """`X == 'lit' && A || B` when X is known (a matrix value, env, vars, a
    caller's input), or `startsWith(github.ref, 'P') && A || B` when a run
    knows enough of its ref (`ref_starts_with`): A or B (literals, numbers
    too, or what `expand` knows); GitHub compares strings ignoring case, and
    an empty A (or 0) falls through to B. None when the test, or the operand
    chosen, is unknown."""
    if "prefix" in tm.groupdict():
        holds = ref_starts_with(_facts(github), tm.group("prefix")[1:-1].replace("''", "'"))
        if holds is None:
            return None
        return _pick(holds != bool(tm.group("not")), tm, job, step, row, github)
    lit = tm.group("lit")[1:-1].replace("''", "'")
    fact = _facts(github).get(tm.group("lhs").lower()[len("github."):]) \
        if tm.group("lhs").lower().startswith("github.") else None
    if fact is not None and fact[0] == "!=":  # known only not to be one value
        if fact[1].lower() != lit.lower():
            return None
        holds = tm.group("op") == "!="
    else:
        lhs = _operand(tm.group("lhs"), job, step, row, github)
        if lhs is None:
            return None
        holds = (lhs.lower() == lit.lower()) == (tm.group("op") == "==")
    return _pick(holds, tm, job, step, row, github)


def _pick(holds: bool, tm, job, step, row, github) -> Optional[str]:
    """What `TEST && A || B` gives when TEST `holds` or not."""
    if holds:
        a = _operand(tm.group("a"), job, step, row, github)
        if a is None:
            return None
        if a != "" and not (re.fullmatch(_NUMBER, tm.group("a")) and float(a) == 0):
            return a  # (an empty string or the number 0 is falsy: B)
    return _operand(tm.group("b"), job, step, row, github)


def ref_starts_with(facts: dict, prefix: str) -> Optional[bool]:
    """Does a run's `github.ref` start with `prefix` (ignoring case, as GitHub's
    startsWith does), by what the run knows of it (`FACTS`)? None: not known."""
    p = prefix.lower()
    ref = facts.get("ref")
    if isinstance(ref, tuple) and ref[0] == "==" and isinstance(ref[1], str):
        return ref[1].lower().startswith(p)
    has, lacks = [], []  # prefixes the ref has, and lacks
    known = facts.get("ref_prefix")
    if isinstance(known, tuple) and isinstance(known[1], str):
        (has if known[0] == "startsWith" else lacks).append(known[1].lower())
    kind = facts.get("ref_type")
    if isinstance(kind, tuple) and kind[0] == "==":  # a branch's is refs/heads/ or refs/pull/
        (has if kind[1] == "tag" else lacks).append("refs/tags/")
    if any(q.startswith(p) for q in has):
        return True
    if any(not p.startswith(q) for q in has) or any(p.startswith(q) for q in lacks):
        return False
    return None


def _json_lookup(obj, lookups: str, job, step, row, github):
    """Follow `.key`, `['key']` and `[expression]` (resolved by `expand`) in a value
    from fromJSON; None when a key is unknown or missing. Property names ignore case."""
    for dot, idx in re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*([^\[\]]+?)\s*\]", lookups):
        key = dot
        if not dot:
            if len(idx) > 1 and idx[0] == idx[-1] == "'":
                key = idx[1:-1]
            else:
                key = expand("${{ " + idx + " }}", job, step, row, github)
                if "${{" in key:
                    return None
        if isinstance(obj, dict):
            hit = [k for k in obj if isinstance(k, str) and k.lower() == key.lower()]
            if not hit:
                return None
            obj = obj[hit[0]]
        elif isinstance(obj, list) and key.isdigit() and int(key) < len(obj):
            obj = obj[int(key)]
        else:
            return None
    return obj


def _property_names(rest: str) -> List[str]:
    """The names of a property path after its context: `.a['b'].c` -> a, b, c."""
    return [a or b for a, b in re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']*)'\s*\]",
                                          rest)]


def _lookup_name(rest: str) -> Optional[str]:
    parts = _property_names(rest)
    return parts[0] if len(parts) == 1 else None


# outputs and shell variables -------------------------------------------------

_OUTPUT_FILE = re.compile(r"^\"?\$\{?GITHUB_OUTPUT\}?\"?$")
_ENV_FILE = re.compile(r"^\"?\$\{?GITHUB_ENV\}?\"?$")
_SET_OUTPUT = re.compile(r"::set-output\s+name=([A-Za-z0-9_-]+)::(.*)$", re.S)


@dataclass
class Written:
    """A value a step writes to `$GITHUB_OUTPUT` / `$GITHUB_ENV` (or ::set-output)."""
    name: str
    value: str
    step: Step
    command: shell.Command


def _writes(step: Step, target: re.Pattern) -> List[Written]:
    out = []
    cmds = commands(step)
    env = target is _ENV_FILE
    # `echo "k=v" | tee -a "$GITHUB_OUTPUT"`: the echo writes it
    teed = {c.pipe_from for c in cmds if c.name == "tee" and isinstance(c.pipe_from, int)
            and any(target.match(a) for a in c.argv[1:] if not a.startswith("-"))}
    multiline = None  # env: [name, delimiter, lines] of a `NAME<<EOF` value being written
    for c in cmds:
        if c.index not in teed and not any(op in (">>", ">") and target.match(t or "")
                                           for op, t in c.redirects):
            continue
        if c.heredoc is not None and c.name == "cat":
            for line in c.heredoc.splitlines():
                if "=" in line:
                    k, v = line.split("=", 1)
                    out.append(_written(k.strip(), v, step, c, env))
            continue
        text = _echoed(c)
        if multiline is not None:  # (env only) a line of the value, or its delimiter
            if text is not None and text.strip() == multiline[1]:
                out.append(Written(multiline[0], "\n".join(multiline[2]), step, c))
                multiline = None
            elif len(multiline[2]) < 200:
                multiline[2].append(text if text is not None else _printed(c, cmds, target))
            continue
        start = _MULTILINE_START.match(text.strip()) if env and text is not None else None
        if start:
            multiline = [start.group(1), start.group(2), []]
        elif text is not None and "=" in text:
            k, v = text.split("=", 1)
            out.append(_written(k.strip(), v.strip().replace("\\n", ""), step, c, env))
        elif env and (text is None and c.name not in _PRINTS_NOTHING and not c.assigns
                      and not _group_close(c, cmds)
                      or text is not None and _EXPANSION.search(text)):
            out.append(Written(ANY_NAME, _printed(c, cmds, target), step, c))
    if multiline is not None:
        out.append(Written(multiline[0], "\n".join(multiline[2]), step, cmds[-1]))
    if target is _OUTPUT_FILE:
        for c in commands(step):
            if c.name == "echo":
                m = _SET_OUTPUT.search(" ".join(c.argv[1:]))
                if m:
                    out.append(Written(m.group(1), m.group(2), step, c))
    return out


# the name of a write to `$GITHUB_ENV` whose names are not read here (`env_writes`)
ANY_NAME = "*"
_MULTILINE_START = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)<<(\S+)$")  # `NAME<<EOF`
_EXPANSION = re.compile(r"[$`]")
_PRINTS_NOTHING = (":", "true", "false")


def _echoed(c: shell.Command) -> Optional[str]:
    """The text an echo or printf command prints (printf: its format with the
    first `%s` filled), None for other commands."""
    if c.name not in ("echo", "printf"):
        return None
    args = [a for a in c.argv[1:] if not (c.name == "echo" and a in ("-n", "-e", "-E"))]
    if c.name == "printf" and args:
        return args[0] if len(args) == 1 else args[0].replace("%s", args[1], 1)
    return " ".join(args)


def _written(name: str, value: str, step: Step, c: shell.Command, env: bool) -> Written:
    """A write of `name`; to `$GITHUB_ENV`, of ANY_NAME when the name is an
    expansion (`echo "$KEY=$VALUE"`)."""
    if env and _EXPANSION.search(name):
        return Written(ANY_NAME, _printed(c, commands(step), _ENV_FILE), step, c)
    return Written(name, value, step, c)


def _group_close(c: shell.Command, cmds: List[shell.Command]) -> bool:
    """Is an argv-less command the redirect of a `{ ...; }` group, which the
    group's own commands carry too (a loop's or an `if`'s is not)?"""
    return not c.argv and 0 < c.index <= len(cmds) \
        and any(r in cmds[c.index - 1].redirects for r in c.redirects)


def _printed(c: shell.Command, cmds: List[shell.Command], target: re.Pattern) -> str:
    """`$(...)` of a command and the pipeline that feeds it, as shell text
    without the redirect to `target`: what it writes, known only at run time."""
    chain, seen = [c], {c.index}
    while isinstance(chain[0].pipe_from, int) and 0 <= chain[0].pipe_from < len(cmds) \
            and chain[0].pipe_from not in seen and len(chain) < 20:
        seen.add(chain[0].pipe_from)
        chain.insert(0, cmds[chain[0].pipe_from])
    parts = [" ".join([shlex.quote(a) for a in x.argv]
                      + [f"{op} {shlex.quote(t)}" for op, t in x.redirects
                         if not target.match(t or "")]) for x in chain]
    return "$(" + " | ".join(parts) + ")"


def step_outputs(step: Step) -> Dict[str, Written]:
    return {w.name: w for w in _writes(step, _OUTPUT_FILE)}


def env_writes(step: Step) -> Dict[str, Written]:
    """What the step writes to `$GITHUB_ENV` (read once: every later step asks);
    under ANY_NAME the last command that may write any name, whose output is
    not read here (`jq -r '"X=\\(.x)"' f`, `cat prod.env`, `echo "$LINE"`)."""
    if step._env_written is None:
        step._env_written = {w.name: w for w in _writes(step, _ENV_FILE)}
    return step._env_written


_SHELL_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")
_STEP_OUT = re.compile(r"^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$")
_META_JSON_TAG = re.compile(
    r"^fromjson\(\s*steps\.([A-Za-z0-9_-]+)\.outputs\.json\s*\)\.tags\[\s*(\d{1,3})\s*\]$", re.I)
_META_JSON_OUT = re.compile(r"^steps\.([A-Za-z0-9_-]+)\.outputs\.(json\.tags\[\d{1,3}\])$")
_NEEDS_OUT = re.compile(r"^needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$")


_INPUT = re.compile(r"^inputs\.([A-Za-z0-9_-]+)$")
# `${{ inputs.NAME }}` in a value (fullmatch: the whole value is the input)
INPUT_REF = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")


def input_defaults(inputs) -> dict:
    """{name: default} of the declared inputs (of a workflow trigger or an
    action) that have one."""
    return {k: v["default"] for k, v in _dict(inputs).items()
            if isinstance(v, dict) and "default" in v}


_VARS_ONLY = re.compile(r"^\s*\$\{\{\s*vars\.[A-Za-z0-9_-]+\s*\}\}\s*$")


_MATRIX_REF = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")


def with_row(value, row: Optional[dict]):
    """A step or job as written (or any part of one) with `${{ matrix.K }}`
    replaced by the row's literal values."""
    if not row:
        return value

    def one(m):
        if isinstance(row, Row) and m.group(1) not in row:
            return ""  # a key the row lacks is empty in it
        v = row.get(m.group(1))
        return str(v) if isinstance(v, (str, int, float)) and not isinstance(v, bool) \
            else m.group(0)

    def fill(v):
        if isinstance(v, str):
            return _MATRIX_REF.sub(one, v) if "matrix." in v else v
        if isinstance(v, dict):
            return {k: fill(x) for k, x in v.items()}
        return v
    return fill(value)


def row_steps(job: Job, github: Optional[dict] = None) -> List[List[Step]]:
    """The job's steps as each row of its matrix runs them: `${{ matrix.K }}`
    in a `run:` replaced by the row's value (`pnpm run ${{ matrix.script }}`
    over [lint, test] runs `pnpm run test` in one row); rows that run the
    same scripts once. One list, the steps as written, when no `run:` reads
    the matrix."""
    if not any(isinstance(st.run, str) and "matrix." in st.run for st in job.steps):
        return [job.steps]
    out, seen = [], set()
    for row in job.matrix_rows(github):
        runs = tuple(with_row(st.run, row) if isinstance(st.run, str) else None
                     for st in job.steps)
        if runs not in seen:
            seen.add(runs)
            out.append([replace(st, run=run, _commands=None) if run != st.run else st
                        for st, run in zip(job.steps, runs)])
    return out


def call_if(condition, inputs: Optional[dict]) -> Optional[bool]:
    """What a called workflow's job `if:` gives with the `inputs` of the call
    (`caller_inputs`; None: not a call, inputs not known): True/False when
    literals and those inputs decide it, None otherwise. A boolean input is
    itself (`if: inputs.run-tests` is false for `run-tests: false`)."""
    given = {str(k).lower(): v for k, v in (inputs or {}).items()}

    def operand(text):
        m = _INPUT_OPERAND.match(text.strip())
        if m is None:
            return _run_operand(text, None)
        v = given.get(m.group(1).lower()) if inputs is not None else None
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
        return v if isinstance(v, (str, bool)) and "${{" not in str(v) else None
    return _condition_value(condition, operand)


def caller_inputs(wf: Workflow, calling_job: dict) -> dict:
    """The inputs a calling job passes to a reusable workflow `wf`, over the
    inputs' defaults. A value written with an expression other than
    `${{ vars.X }}` (same repository) is None, not known: `matrix`, `needs` and
    `inputs` belong to the caller."""
    spec = wf.triggers.get("workflow_call") if isinstance(wf.triggers, dict) else None
    inputs = dict(input_defaults(spec.get("inputs") if isinstance(spec, dict) else None))
    given = calling_job.get("with") if isinstance(calling_job.get("with"), dict) else {}
    for k, v in given.items():
        inputs[k] = None if isinstance(v, str) and "${{" in v and not _VARS_ONLY.match(v) else v
    return inputs


# the secrets a call hands a reusable workflow (`caller_secrets`), under this key
# of the `github` values of `expand`: any other `secrets.X` there is ''
CALLER_SECRETS = "\0caller secrets"


def caller_secrets(calling_job: dict) -> Optional[Set[str]]:
    """The names (lower case) of the secrets a calling job hands a reusable
    workflow: its `secrets:` map's, GITHUB_TOKEN (always there) too; None for
    `secrets: inherit` (every secret of the caller) or a shape not known."""
    given = calling_job.get("secrets") if isinstance(calling_job, dict) else None
    if isinstance(given, dict):
        return {str(k).lower() for k in given} | {"github_token"}
    return {"github_token"} if given is None else None


def local_secret_callers(file: str, wf: Workflow, repo_root: str) -> Optional[List[tuple]]:
    """[(workflow file, job id, the secrets it hands, `caller_secrets`)] of the
    local calls of a reusable workflow (as `local_callers`); None when it has
    other triggers than `workflow_call`, or nothing calls it."""
    if not isinstance(wf.triggers, dict) or set(wf.triggers) != {"workflow_call"}:
        return None
    return [(name, job_id, caller_secrets(job))
            for name, _, job_id, job in calling_jobs(file, repo_root)] or None


def calls(job: dict, called_file: str) -> bool:
    """Does a job mapping call the local workflow file `called_file` (`uses:
    ./.github/workflows/NAME`)? Matched by file name, as GitHub allows calls
    from the workflows folder only."""
    uses = job.get("uses") if isinstance(job, dict) else None
    return isinstance(uses, str) and uses.startswith("./") \
        and os.path.basename(uses.split("@")[0]) == os.path.basename(called_file)


def local_callers(file: str, wf: Workflow, repo_root: str) -> Optional[List[tuple]]:
    """[(workflow file, job id, inputs)] of the jobs of the repository's
    workflows (`calling_jobs`) that call the reusable workflow `wf` read from
    `file`; None when it has other triggers than `workflow_call`, or nothing
    calls it (it may serve other repositories)."""
    if not isinstance(wf.triggers, dict) or set(wf.triggers) != {"workflow_call"}:
        return None
    return [(name, job_id, caller_inputs(wf, job))
            for name, _, job_id, job in calling_jobs(file, repo_root)] or None


def repository_workflows(repo_root: str) -> List[tuple]:
    """[(file name, its path, its data)] of the repository's workflows, read
    from disk through `probes` (data None when not YAML)."""
    folder = os.path.join(repo_root or ".", ".github", "workflows")
    return [(name, os.path.join(folder, name), read_local_yaml(os.path.join(folder, name),
                                                               2_000_000))
            for name in probes.names(folder, [".yml", ".yaml"], []) or []]


def calling_jobs(file: str, repo_root: str) -> List[tuple]:
    """[(workflow file relative to the repository, its data, job id, job
    mapping)] of the jobs of the repository's workflows (read from disk,
    through `probes`) that call the workflow read from `file` (`calls`)."""
    out = []
    for name, path, data in repository_workflows(repo_root):
        if name == os.path.basename(file) and os.path.realpath(path) == os.path.realpath(file):
            continue
        jobs = data.get("jobs") if isinstance(data, dict) else None
        for job_id, job in (jobs.items() if isinstance(jobs, dict) else ()):
            if calls(job, file):
                out.append((os.path.join(".github", "workflows", name), data, str(job_id), job))
    return out


_JOB_OUTPUT = re.compile(
    r"^\s*\$\{\{\s*jobs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}\s*$")


def workflow_call_output(wf: Workflow, name: str) -> Optional[Tuple[Job, str]]:
    """(job, the value of its output) that a reusable workflow hands its
    callers as `on.workflow_call.outputs.NAME` (`value: ${{ jobs.J.outputs.N
    }}`); None when the output is not one job's output."""
    spec = _dict(_dict(_dict(wf.triggers.get("workflow_call")).get("outputs")).get(name))
    m = _JOB_OUTPUT.match(str(spec.get("value", "")))
    job = wf.jobs.get(m.group(1)) if m else None
    value = job.outputs.get(m.group(2)) if job is not None else None
    return (job, value) if isinstance(value, str) else None


def _input_default(wf: Workflow, name: str) -> Optional[str]:
    """The declared default of a `workflow_call`/`workflow_dispatch` input."""
    for event in ("workflow_call", "workflow_dispatch"):
        defaults = input_defaults(_dict(wf.triggers.get(event)).get("inputs"))
        if name in defaults:
            return _str_or_none(defaults[name])
    return None


def script_vars(step: Step, before_line: Optional[int] = None) -> Dict[str, str]:
    """Shell variables a script sets (`X=...`, `export X=...`) before a line."""
    out = {}
    for c in commands(step):
        if before_line is not None and c.line > before_line:
            break
        if c.in_substitution:
            continue
        for k, v in c.assigns.items():
            out[k] = v
    return out


def resolve(text, job: Optional[Job], step: Optional[Step] = None, row: Optional[dict] = None,
            github: Optional[dict] = None, line: Optional[int] = None, _depth: int = 0):
    """Expand a value as far as the workflow tells (see module doc)."""
    if not isinstance(text, str) or _depth > 8:
        return text
    value = expand(text, job, step, row, github)

    def expr(m):
        inner = m.group(1).strip()
        jm = _META_JSON_TAG.match(inner)
        if jm:  # `fromJSON(steps.meta.outputs.json).tags[0]`: one of its tags
            inner = f"steps.{jm.group(1)}.outputs.json.tags[{jm.group(2)}]"
        sm = _STEP_OUT.match(inner) or _META_JSON_OUT.match(inner)
        if sm and job is not None:
            for st in job.steps:
                if st.id == sm.group(1):
                    meta = metadata_action_output(st, sm.group(2),
                                                  _on_default_branch(job.workflow, github, job),
                                                  _facts(github))
                    if meta is not None:
                        return resolve(meta, job, st, row, github, None, _depth + 1)
                    w = step_outputs(st).get(sm.group(2))
                    if w is not None:
                        return resolve(w.value, job, st, row, github, w.command.line, _depth + 1)
            return m.group(0)
        im = _INPUT.match(inner)
        if im and job is not None and job.workflow is not None \
                and not isinstance((github or {}).get("inputs"), dict):
            # (with a caller's inputs, `expand` said what there is to know)
            default = _input_default(job.workflow, im.group(1))
            if default is not None:
                return default
        if _FORMAT.match(inner):  # its arguments resolved, those not known kept as expressions
            got = _format(inner, lambda a: resolve("${{ " + a + " }}", job, step, row, github,
                                                   line, _depth + 1), keep_unknown=True)
            return m.group(0) if got is None else got
        nm = _NEEDS_OUT.match(inner)
        if nm and job is not None and job.workflow is not None:
            other = job.workflow.jobs.get(nm.group(1))
            if other is not None:
                v = other.outputs.get(nm.group(2))
                if isinstance(v, str):
                    # (the same run: where this job runs, the job it needs ran)
                    seen = {**(github or {}), ON_DEFAULT_BRANCH: True} \
                        if _on_default_branch(job.workflow, github, job) else github
                    return resolve(v, other, None, None, seen, None, _depth + 1)
                if v is None and other.uses is None and other.steps \
                        and nm.group(2) not in other.outputs:
                    return ""  # an output the job does not declare is empty
        return m.group(0)
    value = EXPR.sub(expr, value)

    if step is not None or job is not None:
        local = script_vars(step, line) if step is not None else {}

        def var(m):
            name = m.group(1) or m.group(3)
            suffix = m.group(2) or ""
            if name in local:
                got = local[name]
            else:
                got = _env_value(name, job, step)
                if got is None and job is not None:
                    got = _runtime_env(job, step, name)
            if isinstance(got, Printed):
                return m.group(0)
            if got is None or not isinstance(got, (str, int, float)):
                if suffix.startswith(":-"):
                    return suffix[2:]
                return m.group(0)
            got = str(got)
            if suffix.startswith("::") or suffix.startswith(":0:"):
                return m.group(0) if "SHA" in name.upper() else got
            got = resolve(got, job, step, row, github, line, _depth + 1)
            # `${TAG:-latest}`: the default when the value is empty too
            return suffix[2:] if suffix.startswith(":-") and got == "" else got
        value = _SHELL_VAR.sub(var, value)
    return value


_META_PRIORITY = {"sha": 100, "raw": 200}
# entries whose tag depends on the run's event and ref, and their priority
_META_BY_REF = {"ref": 600, "edge": 700, "match": 800, "semver": 900, "pep440": 900,
                "schedule": 1000}
# the tag such an entry gives where it gives one (never `latest`: a version, a
# branch or tag name, a date; not followed further)
_RUN_TAG = "${{ github.ref_name }}"


def _ref_tag(kind: str, attrs: dict, facts: dict, on_default: Optional[bool]) -> Optional[str]:
    """The tag a `type=semver|pep440|match|ref|edge|schedule` entry of
    docker/metadata-action gives in a run whose event and ref type `facts`
    tell (`event_name`, `ref_type`: branch, tag or pr): `_RUN_TAG`, or ''
    when it gives none there (semver, pep440 and match only on a tag ref
    unless given a `value`; `ref` on the ref type its `event=` names; edge
    on the default branch; schedule on a schedule run: the action's meta.ts);
    None when not known."""
    event = facts.get("event_name")
    ref = facts.get("ref_type")
    event = event[1] if isinstance(event, tuple) and event[0] == "==" else None
    ref = ref[1] if isinstance(ref, tuple) and ref[0] == "==" else None
    if kind == "schedule":
        return None if event is None else _RUN_TAG if event == "schedule" else ""
    if kind in ("semver", "pep440", "match") and attrs.get("value"):
        return None  # the given value is read whatever the ref
    if ref is None:
        return None
    if kind in ("semver", "pep440", "match"):
        return _RUN_TAG if ref == "tag" else ""
    if kind == "ref":
        wanted = {"branch": "branch", "tag": "tag", "pr": "pr"}.get(attrs.get("event", "").lower())
        return None if wanted is None else _RUN_TAG if wanted == ref else ""
    # edge: a push to the default branch (its `branch=` option: another one)
    if ref != "branch" or attrs.get("branch"):
        return None
    return "edge" if on_default is True else None if on_default is None else ""


def _on_default_branch(wf: Optional[Workflow], github: Optional[dict],
                       job: Optional[Job] = None) -> Optional[bool]:
    """True when the workflow (or the job, whose `if:` and `needs` may keep it
    to some of the workflow's triggers: `job_events`) runs only on pushes to (or
    schedules of) the default branch (`github.default-branch` in config, else
    `main` or `master` when the push filter names that one branch); None when
    that cannot be told."""
    if (github or {}).get(ON_DEFAULT_BRANCH):
        return True  # a job that needs this one runs only there: so does this run
    if wf is None or not isinstance(wf.triggers, dict) or not wf.triggers:
        return None
    events = set(wf.triggers)
    if job is not None and job.id in wf.jobs:
        events = job_events(wf, job)
    if not events or events - {"push", "schedule"}:
        return None
    if "push" not in events:
        return True  # a schedule runs on the default branch
    default = (github or {}).get("default-branch")
    pinned = _branch_pinned(job) if job is not None else None
    if pinned is not None and (pinned == str(default) if default
                               else pinned in ("main", "master")):
        return True  # `if: github.ref == 'refs/heads/main'`
    spec = _dict(wf.triggers.get("push"))
    branches = spec.get("branches")
    branches = [branches] if isinstance(branches, str) else branches
    if spec.get("tags") is not None or not isinstance(branches, list):
        return None  # tags, or every branch
    named = {str(b).strip() for b in branches}
    default = (github or {}).get("default-branch")
    if len(named) != 1 or (named != {str(default)} if default
                           else not named <= {"main", "master"}):
        return None
    return True


ON_DEFAULT_BRANCH = "\0on-default-branch"  # (in `github`: see _on_default_branch)
_BRANCH_TEST = re.compile(rf"^github\.ref\s*==\s*'refs/heads/([^']+)'$|"
                          rf"^github\.ref_name\s*==\s*'([^']+)'$")


def _branch_pinned(job: Job) -> Optional[str]:
    """The branch a job's `if:` keeps it to: one of its `&&` parts is
    `github.ref == 'refs/heads/NAME'` (or `github.ref_name == 'NAME'`)."""
    if not isinstance(job.if_, str):
        return None
    for part in split_top(strip_parens(if_expression(job.if_)), "&&"):
        m = _BRANCH_TEST.match(strip_parens(part).strip())
        if m:
            return m.group(1) or m.group(2)
    return None


def metadata_action_output(step: Step, name: str, on_default: Optional[bool] = None,
                           facts: Optional[dict] = None) -> Optional[str]:
    """The `tags` or `version` output of a `docker/metadata-action` step when its
    `tags` input makes only `type=raw` (a literal value) and `type=sha` tags
    (`sha-` + the commit, written `sha-${{ github.sha }}`), and entries whose
    tag depends on the run (`_ref_tag`) in a run whose event and ref type the
    `facts` give: `tags` is IMAGE:TAG
    for its one image and one tag, `json.tags[N]` the Nth of its list (image by
    image, each with every tag), `version` the tag of highest priority (sha
    100, raw 200, ref 600, edge 700, match 800, semver and pep440 900,
    schedule 1000: the action's README). An entry's `enable={{is_default_branch}}`
    is read as `on_default` (the workflow runs only on the default branch).
    None when it cannot be told."""
    if not (step.uses or "").startswith("docker/metadata-action") or not (
            name in ("tags", "version") or re.fullmatch(r"json\.tags\[\d{1,3}\]", name)):
        return None
    spec = step.with_.get("tags")
    flavor = step.with_.get("flavor")
    if not isinstance(spec, str) or (flavor is not None and not isinstance(flavor, str)):
        return None
    if flavor and re.search(r"(?m)^\s*(prefix|suffix)\s*=\s*\S", flavor):
        return None
    tags = []  # (priority, tag)
    for entry in (e.strip() for e in spec.splitlines()):
        if not entry or entry.startswith("#"):
            continue
        attrs, bare = {}, []
        for part in entry.split(","):
            k, eq, v = part.partition("=")
            if eq:
                attrs[k.strip().lower()] = v.strip()
            else:
                bare.append(part.strip())
        kind = attrs.get("type", "raw").lower()
        if on_default is True and re.fullmatch(r"\{\{\s*is_default_branch\s*\}\}",
                                                attrs.get("enable", "")):
            attrs["enable"] = "true"
            entry = re.sub(r"enable\s*=\s*\{\{\s*is_default_branch\s*\}\}", "", entry)
        if attrs.get("enable", "true").lower() == "false":
            continue
        if kind in _META_BY_REF:
            tag = _ref_tag(kind, attrs, facts or {}, on_default)
            if tag is None:
                return None
            if tag:
                tags.append((_META_BY_REF[kind], tag))
            continue
        if "${{" in entry or "{{" in entry or kind not in _META_PRIORITY:
            return None
        if kind == "sha":
            tag = attrs.get("prefix", "sha-") + "${{ github.sha }}" + attrs.get("suffix", "")
        else:
            value = attrs.get("value", bare[0] if bare else "")
            if not value:
                return None
            tag = attrs.get("prefix", "") + value + attrs.get("suffix", "")
        try:
            priority = int(attrs.get("priority", _META_PRIORITY[kind]))
        except ValueError:
            return None
        tags.append((priority, tag))
    if not tags:
        return None
    top = max(p for p, _ in tags)
    if len({t for p, t in tags if p == top}) != 1:
        return None  # which one is the version is not known
    if name == "version":  # the tag of highest priority (not the flavor's latest)
        return next(t for p, t in tags if p == top)
    # the list for each image: the version, the other tags by priority, then
    # the flavor's `latest` (`latest=true`) at the end (the action's getTags)
    ordered = [t for _, t in sorted(tags, key=lambda pt: -pt[0])]
    if flavor and re.search(r"(?m)^\s*latest\s*=\s*true\s*$", flavor):
        ordered.append("latest")
    images = step.with_.get("images")
    images = [i.strip() for i in re.split(r"[\n,]", images) if i.strip()] \
        if isinstance(images, str) else []
    if not images:
        return None
    # image by image, each with every tag in that order
    listed = [f"{image}:{tag}" for image in images for tag in ordered]
    if name == "tags":
        return listed[0] if len(listed) == 1 else None
    n = int(name[len("json.tags["):-1])  # `fromJSON(steps.ID.outputs.json).tags[N]`
    return listed[n] if n < len(listed) else None


class Printed(str):
    """A value a script writes with a command's output in it (`X=$(jq ...)`):
    its text is what the script says, its value is known only at run time."""


_PRINTED = re.compile(r"\$\(|`")


def _runtime_env(job: Job, step: Optional[Step], name: str):
    """A variable an earlier step wrote to `$GITHUB_ENV`, with the shell
    variables of the writing step filled in (`_writer_vars`); `Printed` when a
    command prints it."""
    w = runtime_env_write(job, step, name)
    if w is None:
        return None
    value = _writer_vars(w)
    return Printed(value) if _PRINTED.search(value) else value


def _writer_vars(w: Written, rounds: int = 4) -> str:
    """A written value with the `$X` / `${X}` the writing step knows and a
    later step does not: what its script set before the writing line
    (`script_vars`), else the step's own `env:` (`echo "IMAGE=$image" >>
    "$GITHUB_ENV"` after `image="$REGISTRY/app:latest"`)."""
    own = {k: str(v) for k, v in (w.step.env.items() if isinstance(w.step.env, dict) else ())
           if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
    known = {**own, **script_vars(w.step, w.command.line)}
    value = w.value

    def var(m):
        name = m.group(1) or m.group(3)
        return known[name] if name in known and not m.group(2) else m.group(0)
    for _ in range(rounds):  # (a variable set from another: `image="$repo:$tag"`)
        filled = _SHELL_VAR.sub(var, value)
        if filled == value or len(filled) > 20_000:
            break
        value = filled
    return value


def runtime_env_write(job: Job, step: Optional[Step], name: str) -> Optional[Written]:
    """The last write of variable `name` to `$GITHUB_ENV` before `step`; a
    write of ANY_NAME when that came later (it may set `name` too: the value
    is then not known, `Printed`)."""
    if job._env_writers is None:  # most jobs have none: asked for every env lookup
        job._env_writers = [st for st in job.steps if env_writes(st)]
    found = None
    for st in job._env_writers:
        if step is not None and st.index >= step.index:
            break
        writes = env_writes(st)
        got = [w for w in (writes.get(name), writes.get(ANY_NAME)) if w is not None]
        found = max(got, key=lambda w: w.command.index) if got else found
    return found


# ---------------------------------------------------------------------------
# positions inside run scripts


def script_span(doc, step: Step, line: int, needle: Optional[str] = None) -> Span:
    """File position of line `line` (0-based) of a step's `run:` script; with
    `needle`, of that text where it is on the script's lines (a folded or plain
    scalar joins several lines of the file into one of the script)."""
    base = doc.span(step.run_path) if step.run_path else doc.span(step.path)
    text = doc.text
    if text is None:
        return base
    style = _block_style(text, base)
    if style == "|":
        start = _first_content_line(text, base)
        at = Span(start.line + max(0, line), start.column)
        if needle:  # the text on the command's line, or on a line it continues on
            lines = text.splitlines()
            last = min(len(lines), max(base.end_line or at.line, at.line))
            for n in range(at.line, last + 1):
                col = lines[n - 1].find(needle)
                if col >= 0:
                    return Span(n, col + 1)
                if not lines[n - 1].rstrip().endswith("\\"):
                    break  # the command ends here
        return at
    if needle and "\n" not in needle:
        lines = text.splitlines()
        for n in range(base.line, min(len(lines), (base.end_line or base.line)) + 1):
            col = lines[n - 1].find(needle)
            if col >= 0:
                return Span(n, col + 1)
    if line == 0 and style != ">":
        return base
    # folded or flow scalars: find the text of the line in the scalar's range
    want = (step.run or "").splitlines()
    if 0 <= line < len(want) and want[line].strip():
        words = want[line].split()
        lines = text.splitlines()
        first = base.line + 1 if style == ">" else base.line
        for needle in (want[line].strip()[:40], " ".join(words[:3]), " ".join(words[:2])):
            for n in range(first, min(len(lines), (base.end_line or base.line)) + 1):
                col = lines[n - 1].find(needle)
                if col >= 0:
                    return Span(n, col + 1)
    return base


def _is_block(text, span) -> bool:
    return _block_style(text, span) in ("|", ">")


def _block_style(text, span) -> str:
    if text is None:
        return ""
    lines = text.splitlines()
    if not (1 <= span.line <= len(lines)):
        return ""
    ch = lines[span.line - 1][span.column - 1:span.column]
    return ch


def _first_content_line(text, span) -> Span:
    """The first line of a block scalar's content (the line after `|`)."""
    if text is None or not _is_block(text, span):
        return span
    lines = text.splitlines()
    n = span.line + 1
    col = 1
    if n <= len(lines):
        stripped = lines[n - 1].lstrip(" ")
        col = len(lines[n - 1]) - len(stripped) + 1
    return Span(n, col)
