"""What a CloudFormation template or a Terraform root module is deployed with.

A parameter's `Default` is what a stack gets only when nothing passes the
parameter. The repository often says what is passed: a workflow step deploys
the template (`aws cloudformation deploy --template-file T
--parameter-overrides K=V ...`, `create-stack`/`update-stack --template-body
file://T --parameters ...`, `sam deploy --template-file T --parameter-overrides
...`, else the `parameter_overrides` of `samconfig.toml` (or `.yaml`, `.yml`)
for its `--config-env`, the `aws-actions/aws-cloudformation-github-deploy`
action's `template` and `parameter-overrides`), with values written there or in a parameter file
(`file://params.json`: `[{"ParameterKey": K, "ParameterValue": V}]`, `["K=V"]`
or `{"Parameters": {K: V}}`); or a parent template nests it
(`AWS::CloudFormation::Stack` with a local `TemplateURL`, or a SAM
`AWS::Serverless::Application` with a local `Location`) and passes
`Parameters` (a template the run reads whose local `TemplateURL` resolves to
it, at any depth, or one in the template's folder or a folder above it),
once per deployment of the parent itself (what its workflows pass reaches
the nested stack through the parent's `!Ref`s), unless the nested stack's
`Condition` is false there. A workflow that deploys the output of
`aws cloudformation package` (or `sam package`) deploys the template it was
packaged from. `of_template` gives one `Deployment` per such place; a value
ecs-lint cannot know (`${{ ... }}`, `$VAR`, a parent's `!Ref` of a parameter it
has no value for) is None: not the default. The repository's own name
(`${{ github.repository }}`, its owner, `github.event.repository.name`) is
known when the run knows it (`probes.repository`). A reusable workflow (only
`workflow_call`) that jobs of the repository call is read once per call (and
row of the caller's matrix), with the literal inputs the call passes over the
inputs' defaults (an expression stays unknown); a value the call passes for
`K=${{ inputs.X }}` is placed at the caller's `with: X`, one a job's matrix
gives (`K=${{ matrix.X }}`) at the matrix entry that writes the row's X. A
parameter a deployment does not pass keeps its default.

A Terraform root module's variables come from its tfvars files and, where a
workflow step runs `terraform plan` or `apply` on its folder (the step's
`working-directory`, `-chdir=`), from that command's `-var-file=` files and
`-var 'k=v'` values and the `TF_VAR_k` environment (the same for the
`dflook/terraform-plan`/`-apply` actions' `path` and `var_file`):
`of_terraform` gives one `Deployment` per such command.

Files are read through `probes`, so a reused result follows their edits.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from . import probes

MAX_READ = 2_000_000
# in a deployment's `params`: the overrides are built at run time (`$(jq ...)`),
# so any parameter may be passed, with a value not known
ANY_PARAMETER = "\0any parameter"
ACTION = "aws-actions/aws-cloudformation-github-deploy"  # (workflow_model._STACK_ACTION)
_TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")


@dataclass
class Deployment:
    label: str  # `.github/workflows/deploy.yml job 'deploy'`, `infra/main.yaml Service`
    file: str  # where it is written
    line: int
    params: Dict[str, Optional[object]] = field(default_factory=dict)  # None: not known
    at: Dict[str, object] = field(default_factory=dict)  # parameter -> Span of its value
    # Terraform: the `-var-file`s in order, and the `TF_VAR_` environment (below tfvars)
    files: List[str] = field(default_factory=list)
    env: Dict[str, Optional[object]] = field(default_factory=dict)
    stack_name: Optional[str] = None  # CloudFormation: the stack's name, when known


def of_terraform(folder: str, root: Optional[str]) -> List[Deployment]:
    """The `terraform plan`/`apply` runs of the root module in `folder` the
    repository's workflows make (the same run twice, plan then apply, once)."""
    if root is None:
        return []
    found = _from_workflows(("tf", os.path.realpath(folder)), root)
    out, seen = [], set()
    for d in found:
        key = (repr(sorted(d.params.items())), tuple(d.files), repr(sorted(d.env.items())))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


MAX_NESTING = 8  # parents followed up a chain of nested stacks
MAX_STACKS = 64  # deployments of one template (each parent's stacks times its nestings)


def of_template(template: str, root: Optional[str]) -> Optional[List[Deployment]]:
    """The deployments of the template at path `template` the repository under
    `root` shows: None when it shows none (it is read with its defaults); []
    when only nested stacks whose `Condition` is false in every deployment of
    their parent would make it (it is never created)."""
    if root is None or not os.path.isfile(template):
        return None
    return _stacks_of(os.path.realpath(template), template, root, ())


def _stacks_of(me: str, template: str, root: str, seen: tuple) -> Optional[List[Deployment]]:
    """`of_template` of the template at real path `me`; `seen`: the templates
    below it in the chain of nested stacks being followed (a parent among
    them, a cycle, is read with its defaults)."""
    out = _from_workflows(me, root)
    nested = False
    parents = probes.ask("cfn-parents", root, template) or [] \
        if len(seen) < MAX_NESTING else []
    for parent in parents:
        found = _from_parent(me, parent, root, seen + (me,))
        if found is not None:
            nested = True
            out.extend(found)
    if not out and not nested:
        return None
    return out[:MAX_STACKS]


# -- workflows -----------------------------------------------------------------


_WORKFLOWS: dict = {}  # (run, root) -> ({template: [Deployment]}, questions asked)


def _from_workflows(me, root: str) -> List[Deployment]:
    """The deployments the repository's workflows make of the template `me`
    (or of a Terraform module folder, `("tf", folder)`; all workflows are read
    once a run; each result records the questions)."""
    key = (probes.run_id(), os.path.realpath(root))
    if key not in _WORKFLOWS:
        with probes.recording() as asked:
            found = _workflow_deploys(root)
        _WORKFLOWS.clear()
        _WORKFLOWS[key] = (found, asked)
    found, asked = _WORKFLOWS[key]
    probes.replay(asked)
    return list(found.get(me, []))


def _workflow_deploys(root: str) -> Dict[object, List[Deployment]]:
    """The deployments each workflow of the repository makes, by template (or
    `("tf", folder)`); a reusable workflow (only `workflow_call`) that jobs of
    the repository call is read once per call (`_calls_of`), with the inputs it
    is given."""
    from . import workflow_model as wm
    from .runner import display_path

    workflows = os.path.join(root, ".github", "workflows")
    out: Dict[object, List[Deployment]] = {}
    repository = probes.repository(root)
    docs = {name: _workflow_document(os.path.join(workflows, name), repository)
            for name in probes.names(workflows, [".yml", ".yaml"], []) or []}
    for name, doc in docs.items():
        data = doc.data if doc is not None else None
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), dict):
            continue
        wf = wm.workflow_of(doc)
        calls = _calls_of(wf, doc, docs, root) if set(wf.triggers) == {"workflow_call"} \
            else []
        for caller, inputs in calls or [(None, None)]:
            read = doc if inputs is None else dataclasses.replace(
                doc, data=wm._with_inputs(data, inputs, keep_unknown=True), context={})
            for key, found in _deploys_in(read, doc, display_path(doc.file), root, caller):
                out.setdefault(key, []).append(found)
    return out


MAX_CALLS = 16  # reads of one reusable workflow (its calls, each row of their matrices)


def _calls_of(wf, doc, docs: dict, root: str) -> List[tuple]:
    """[((caller Document, job id, what it says of itself), {input name in
    lower case: value})] of the jobs of the repository's workflows that call
    the reusable workflow `doc` (its model `wf`), once per row of their
    matrix: the literal inputs they pass over the inputs' defaults
    (`wm.caller_inputs`; an expression stays unknown)."""
    from . import workflow_model as wm

    out, seen = [], set()
    for file, _, job_id, call in wm.calling_jobs(doc.file, root):
        caller = docs.get(os.path.basename(file))
        strategy = call.get("strategy") if isinstance(call.get("strategy"), dict) else {}
        for row in wm.matrix_rows(strategy.get("matrix")):
            inputs = {str(k).lower(): v for k, v in
                      wm.caller_inputs(wf, wm.with_row(call, row)).items()}
            said = f"called by {file} job '{job_id}'" + (
                " (" + ", ".join(f"{k}={v}" for k, v in row.items()) + ")" if row else "")
            if caller is not None and (file, job_id, repr(sorted(inputs.items()))) not in seen:
                seen.add((file, job_id, repr(sorted(inputs.items()))))
                out.append(((caller, job_id, said), inputs))
    return out[:MAX_CALLS]


def _deploys_in(doc, written_doc, shown: str, root: str, caller=None):
    """[(template or `("tf", folder)`, Deployment)] of the steps of a workflow
    `doc` (`written_doc`: as written, when `doc` has a caller's inputs in it),
    each job's once per row of its matrix, labelled with its `caller`."""
    from . import shell
    from . import workflow_model as wm

    path, data = doc.file, doc.data
    jobs = data["jobs"]
    everywhere = _workflow_packages(data, jobs, root, shell, wm)
    model = wm.workflow_of(doc)
    for job_id, job in jobs.items():
        # its steps, each local composite action's followed by its own
        steps = model.jobs[job_id].steps if job_id in model.jobs else []
        strategy = job.get("strategy") if isinstance(job, dict) else None
        for row in wm.matrix_rows(strategy.get("matrix") if isinstance(strategy, dict)
                                  else None):
            label = f"{shown} job '{job_id}'" + (
                " (" + ", ".join(f"{k}={v}" for k, v in row.items()) + ")" if row else "") \
                + (f" ({caller[2]})" if caller else "")
            packaged: Dict[str, str] = {}  # this job's packaged templates so far
            for step in steps:
                st = wm.with_row(step.data, row)
                written = st.get("run")
                st = _with_env(st, data, job)
                wd = wm.working_directory(st, job, data)
                here = os.path.join(root, wd) if wd is not None and "${{" not in wd else root
                packaged.update(_step_packages(st, here, root, shell))
                for template, (params, at), stack in _step_deploys(st, here, root, shell):
                    template = _unpackaged(template, packaged, everywhere)
                    step_line = doc.span(step.path).line
                    where = {k: _composite_value_span(step, k, steps, doc) if step.via
                             else _caller_value_span(k, written_doc, step, caller)
                             or _env_span(path, shown, written, k, st)
                             or _matrix_span(k, written_doc, shown, job_id, row, step)
                             or _span_of(path, shown, f"{k}=", step_line)
                             or _span_of(path, shown, f"ParameterKey={k},ParameterValue=",
                                         step_line)
                             for k in params if k not in at}
                    line = step_line if step.via \
                        else _line_of(path, os.path.basename(template), step_line)
                    yield template, Deployment(
                        label, shown, line, params,
                        {**{k: v for k, v in where.items() if v}, **at}, stack_name=stack)
                env = _tf_env(data, job, st)
                for module_dir, params, files in _terraform_runs(st, here, root, shell):
                    yield ("tf", module_dir), Deployment(
                        label, shown, _line_of(path, "terraform", doc.span(step.path).line),
                        params, {}, files, env)


def _caller_value_span(key: str, written_doc, step, caller):
    """Where the calling job writes the value a reusable workflow's step
    passes for override `key` as `key=${{ inputs.X }}`: its `with: X`; None
    when there is no caller or it leaves X out (the input's default)."""
    from .runner import display_path
    from .values import value_at

    if caller is None:
        return None
    caller_doc, job_id, _ = caller
    m = re.search(re.escape(key) + _INPUT_VALUE, _step_text(written_doc, step))
    given = value_at(caller_doc.data, ("jobs", job_id, "with"))
    name = next((k for k in given if str(k).lower() == m.group(1).lower()), None) \
        if m and isinstance(given, dict) else None
    if name is None:
        return None
    return dataclasses.replace(caller_doc.span(("jobs", job_id, "with", name)),
                               file=display_path(caller_doc.file))


def _step_text(doc, step) -> str:
    """The `run:` and `with:` values of a step as the workflow `doc` writes them."""
    from .values import value_at

    as_written = value_at(doc.data, step.path)
    with_ = as_written.get("with") if isinstance(as_written, dict) else None
    texts = [as_written.get("run") if isinstance(as_written, dict) else None,
             *(with_.values() if isinstance(with_, dict) else ())]
    return "\n".join(t for t in texts if isinstance(t, str))


_MATRIX_VALUE = r"=[\"']?\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}"


def _matrix_span(key: str, doc, shown: str, job_id, row, step):
    """Where the job's matrix writes the value a step passes for override
    `key` as `key=${{ matrix.X }}` in `row` (`_matrix_entry`); None when the
    step does not pass it so or the matrix is not written out."""
    from .values import value_at

    m = re.search(r"(?<![\w-])" + re.escape(key) + _MATRIX_VALUE, _step_text(doc, step)) \
        if row else None
    if m is None or m.group(1) not in row:
        return None
    base = ("jobs", job_id, "strategy", "matrix")
    entry = _matrix_entry(value_at(doc.data, base), row, m.group(1))
    return dataclasses.replace(doc.span(base + entry), file=shown) if entry else None


def _matrix_entry(matrix, row: dict, name: str) -> Optional[tuple]:
    """The path in a matrix as written of the entry that gives `row` its value
    for `name`, as GitHub builds the rows (`workflow_model.matrix_rows`): in an
    original combination, the item of the vector `name`, else the last
    `include` entry merged into it that sets `name` (a later one overwrites
    what an earlier one added); in a row an `include` entry adds, that entry.
    None when the matrix is not literal lists and maps."""
    if not isinstance(matrix, dict) or name not in row:
        return None
    vectors = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    include = matrix.get("include") if isinstance(matrix.get("include"), list) else []
    if not all(isinstance(v, list) for v in vectors.values()):
        return None
    vectors = {k: v for k, v in vectors.items() if v}  # (an empty one makes no rows)
    original = {k: row[k] for k in vectors if k in row}
    if vectors and len(original) == len(vectors) \
            and all(original[k] in v for k, v in vectors.items()):
        if name in vectors:
            return (name, vectors[name].index(row[name]))
        merged = [i for i, e in enumerate(include) if isinstance(e, dict) and name in e
                  and all(original.get(k) == v for k, v in e.items() if k in original)]
        return ("include", merged[-1], name) if merged else None
    added = [i for i, e in enumerate(include) if e == dict(row)]
    return ("include", added[0], name) if added else None


def _workflow_document(path: str, repository: Optional[str] = None):
    """The workflow file at `path` as a Document (for the workflow model),
    `${{ github.repository }}` and the like filled in from `repository`;
    None when it cannot be read."""
    from .loader import LoadError, decode, load_text
    from .model import Document

    raw = probes.read_bytes(path, MAX_READ)
    try:
        loaded = load_text(decode(raw), "yaml") if raw is not None else []
    except (LoadError, UnicodeDecodeError):
        return None
    if not loaded:
        return None
    data = _with_repository(loaded[0].data, repository) if repository else loaded[0].data
    return Document("workflow", data, path, loaded[0].locate, text=loaded[0].text)


_REPOSITORY_CONTEXT = re.compile(
    r"\$\{\{\s*github\.(repository|repository_owner|event\.repository\.name)\s*\}\}", re.I)


def _with_repository(value, repository: str):
    """`value` (a workflow) with the contexts that name its repository written
    out (`${{ github.repository }}`, `..._owner`, `github.event.repository.name`):
    a step passing them to a deploy passes known text."""
    owner, name = repository.split("/", 1)
    parts = {"repository": repository, "repository_owner": owner,
             "event.repository.name": name}

    def fill(v):
        if isinstance(v, str):
            return _REPOSITORY_CONTEXT.sub(lambda m: parts[m.group(1).lower()], v) \
                if "github." in v.lower() else v
        if isinstance(v, dict):
            return {k: fill(x) for k, x in v.items()}
        if isinstance(v, list):
            return [fill(x) for x in v]
        return v
    return fill(value)


_INPUT_VALUE = r"=[\"']?\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}"


def _composite_value_span(step, key: str, steps: list, doc):
    """Where the value a local composite action's step passes for override
    `key` is written: the action input's `default` when the command passes
    `key=${{ inputs.X }}` and the caller leaves X out, the caller's `with: X`
    when it gives X (the action it runs directly), else the `key=` of the
    action's script."""
    from . import workflow_model as wm
    from .loader import LoadError, decode, load_text
    from .runner import display_path
    from .values import value_at

    folder = step.source[0] if isinstance(step.source, tuple) else None
    for name in ("action.yml", "action.yaml") if folder else ():
        action = os.path.join(folder, name)
        raw = probes.read_bytes(action, MAX_READ)
        if raw is None:
            continue
        try:
            loaded = load_text(decode(raw), "yaml")[0]
        except (LoadError, UnicodeDecodeError, IndexError):
            return None
        run = value_at(loaded.data, ("runs", "steps", step.source[1], "run"))
        m = re.search(re.escape(key) + _INPUT_VALUE, run) if isinstance(run, str) else None
        given = m and m.group(1).lower()
        if given and given in step.defaulted:
            inputs = loaded.data.get("inputs") if isinstance(loaded.data, dict) else None
            declared = next((k for k in inputs if str(k).lower() == given), None) \
                if isinstance(inputs, dict) else None
            at = loaded.locate(("inputs", declared, "default"), False) if declared else None
            return dataclasses.replace(at, file=display_path(action)) if at is not None else None
        caller = next((s for s in steps if not s.via and s.path == step.path), None)
        runs_it = caller is not None and (caller.uses or "").startswith("./") and \
            _local_path(caller.uses, wm.repository_of_workflow(doc.file) or "/", "/") \
            == os.path.realpath(folder)
        written = next((k for k in caller.with_ if str(k).lower() == given), None) \
            if given and runs_it else None
        if written is not None:
            return dataclasses.replace(doc.span(caller.path + ("with", written)),
                                       file=display_path(doc.file))
        return wm.composite_script_span(step, f"{key}=")
    return None


def _workflow_packages(data, jobs, root: str, shell, wm) -> Dict[str, Optional[str]]:
    """output template -> template of the `package` commands of every job of
    a workflow (None when jobs package different templates to one name): a
    job may deploy what another job packaged (an artifact)."""
    out: Dict[str, Optional[str]] = {}
    for job in (jobs.values() if isinstance(jobs, dict) else ()):
        steps = job.get("steps") if isinstance(job, dict) else None
        for st in steps if isinstance(steps, list) else ():
            if not isinstance(st, dict) or "package" not in str(st.get("run", "")):
                continue
            wd = wm.working_directory(st, job, data)
            here = os.path.join(root, wd) if wd is not None and "${{" not in wd else root
            for output, template in _step_packages(st, here, root, shell):
                out[output] = template if out.get(output, template) == template else None
    return out


def _step_packages(st: dict, here: str, root: str, shell):
    """[(output template, template)] of the `aws cloudformation package` and
    `sam package` commands of a step: deploying the output deploys the
    template, its nested stacks' local files uploaded and named by URL."""
    run = st.get("run")
    if not isinstance(run, str) or "package" not in run:
        return
    for c in shell.parse(run):
        sam = c.argv[:2] == ["sam", "package"]
        if not sam and shell.aws_operation(c)[:2] != ("cloudformation", "package"):
            continue
        raw = shell.option(c, "--template-file") or (
            shell.option(c, "--template") or shell.option(c, "-t") if sam else None)
        if raw is None and sam:
            raw = next((n for n in ("template.yaml", "template.yml")
                        if probes.ask("exists", os.path.join(here, n))), None)
        output = _local_path(shell.option(c, "--output-template-file"), here, root)
        template = _local_path(raw, here, root)
        if output and template and output != template:
            yield output, template


def _unpackaged(template: str, packaged: dict, everywhere: dict) -> str:
    """The template a deploy of `template` deploys: the one a `package`
    command wrote it from (the job's own, else the workflow's), followed
    through a few packagings."""
    for _ in range(4):
        source = packaged.get(template) or everywhere.get(template)
        if not source or source == template:
            break
        template = source
    return template


_ENV_REF = re.compile(r"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}"
                      r"|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def _with_env(st: dict, data, job) -> dict:
    """A step whose `run:` has `${{ env.X }}`, `$X` and `${X}` replaced by
    the literal values the workflow, job and step `env:` give X (the
    overrides of a deploy: `MaximumPercent="$MAX_PERCENT"`)."""
    run = st.get("run")
    if not isinstance(run, str) or "$" not in run:
        return st
    env: Dict[str, str] = {}
    for level in (data, job, st):
        given = level.get("env") if isinstance(level, dict) else None
        for k, v in (given.items() if isinstance(given, dict) else ()):
            known = _known(v)
            if isinstance(k, str) and known is not None:
                env[k] = known
            elif isinstance(k, str):
                env.pop(k, None)  # set by an expression here: not the outer value
    for name in _ASSIGNED.findall(run):  # the script's own variables
        env.pop(name, None)
    if not env:
        return st

    def value(m):
        v = env.get(m.group(1) or m.group(2) or m.group(3))
        return v if v is not None else m.group(0)
    return {**st, "run": _ENV_REF.sub(value, run)}


_ASSIGNED = re.compile(r"(?:^|[\s;&|(])(?:export\s+|local\s+|declare\s+)?([A-Za-z_]\w*)=")


def _env_span(path: str, shown: str, run, key: str, st: dict):
    """Where the value of override `key` is written when the command passes an
    env variable (`MaximumPercent="$MAX_PERCENT"`, which `_with_env` filled
    in): at that variable's `env:` entry."""
    if not isinstance(run, str) or "$" not in run or run == st.get("run"):
        return None
    m = re.search(re.escape(key) + r"=[\"']?(?:" + _ENV_REF.pattern + ")", run)
    name = m and (m.group(1) or m.group(2) or m.group(3))
    return _span_of(path, shown, f"{name}:") if name else None


def _tf_env(data, job, st) -> Dict[str, Optional[object]]:
    """The `TF_VAR_` variables of a step's environment (workflow, job, step)."""
    out: Dict[str, Optional[object]] = {}
    for level in (data, job, st):
        env = level.get("env") if isinstance(level, dict) else None
        for k, v in (env.items() if isinstance(env, dict) else ()):
            if isinstance(k, str) and k.startswith("TF_VAR_") and len(k) > 7:
                out[k[7:]] = _known(v)
    return out


_TF_ACTIONS = ("dflook/terraform-apply", "dflook/terraform-plan")
_TF_VALUED = ("-var", "-var-file", "-target", "-replace", "-out", "-state", "-state-out",
              "-backup", "-lock-timeout", "-parallelism")  # options a next word may give


def _terraform_runs(st: dict, here: str, root: str, shell):
    """[(module folder, -var values, -var-files)] of the `terraform plan`/`apply`
    a step runs."""
    uses = st.get("uses")
    if isinstance(uses, str) and uses.split("@")[0].lower() in _TF_ACTIONS:
        with_ = st.get("with") if isinstance(st.get("with"), dict) else {}
        folder = _local_path(with_.get("path") or ".", root, root)
        files = [_local_path(f.strip(), root, root) for f in str(with_.get("var_file") or "")
                 .splitlines() if f.strip()]
        params: Dict[str, Optional[object]] = {}  # `variables` (HCL) override the files
        for line in str(with_.get("variables") or "").splitlines():
            m = re.match(r"\s*([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$", line)
            if m:
                v = m.group(2)
                params[m.group(1)] = _known(v[1:-1]) if re.fullmatch(r'"[^"]*"', v) \
                    else _known(v) if re.fullmatch(r"-?\d+(?:\.\d+)?|true|false", v) else None
        if folder:
            yield folder, params, [f for f in files if f]
        return
    run = st.get("run")
    if not isinstance(run, str) or "terraform" not in run:
        return
    for c in shell.parse(run):
        argv = c.argv
        if argv[:1] != ["terraform"]:
            continue
        words = [a for i, a in enumerate(argv[1:], 1) if not a.startswith("-")
                 and argv[i - 1] not in _TF_VALUED]  # (not the value of `-var x=y`)
        if words[:1] not in (["plan"], ["apply"]) or words[:1] == ["apply"] and len(words) > 1:
            continue  # (`apply tfplan`: the saved plan's values, read with the plan)
        chdir = next((a.split("=", 1)[1] for a in argv if a.startswith("-chdir=")), ".")
        folder = _local_path(chdir, here, root)
        if folder is None:
            continue
        params: Dict[str, Optional[object]] = {}
        files = []
        for i, a in enumerate(argv):
            value = a.split("=", 1)[1] if "=" in a and a.startswith("-var") else \
                argv[i + 1] if a in ("-var", "-var-file") and i + 1 < len(argv) else None
            if value is None:
                continue
            if a.startswith("-var-file"):
                f = _local_path(value, folder, root)
                if f:
                    files.append(f)
            elif "=" in value:
                k, v = value.split("=", 1)
                params[k.strip()] = _known(v.strip().strip('"'))
        yield folder, params, files


def _step_deploys(st: dict, here: str, root: str, shell):
    """[(template real path, (params, positions), stack name or None)] of the
    deploys a step runs."""
    uses = st.get("uses")
    with_ = st.get("with") if isinstance(st.get("with"), dict) else {}
    if isinstance(uses, str) and uses.split("@")[0].lower() == ACTION:
        template = _local_path(with_.get("template"), root, root)
        if template:
            yield template, _overrides_text(with_.get("parameter-overrides"), root, root), \
                _known(with_.get("name"))
        return
    run = st.get("run")
    if not isinstance(run, str) or ("cloudformation" not in run and "sam" not in run):
        return
    for c in shell.parse(run):
        argv = c.argv
        service, op, _ = shell.aws_operation(c)
        if (service, op) == ("cloudformation", "deploy") or argv[:2] == ["sam", "deploy"]:
            raw = shell.option(c, "--template-file") or shell.option(c, "--template") \
                or (shell.option(c, "-t") if argv[:1] == ["sam"] else None)
            config, config_path = _samconfig(c, here, shell) if argv[:1] == ["sam"] \
                else ({}, None)
            raw = raw or config.get("template_file") or config.get("template")
            if raw is None and argv[:1] == ["sam"]:  # (after `sam build`: built from it)
                raw = next((n for n in ("template.yaml", "template.yml")
                            if probes.ask("exists", os.path.join(here, n))), None)
            template = _local_path(raw, here, root)
            words = _option_words(argv, "--parameter-overrides")
            written = None  # the SAM config file the overrides are written in
            if not words and config.get("parameter_overrides"):
                # the command line's overrides replace samconfig's, whole
                given = config["parameter_overrides"]
                words = given if isinstance(given, list) else _split_words(str(given), shell)
                written = config_path
            stack = shell.option(c, "--stack-name") or config.get("stack_name")
            if template:
                values, at = _overrides([str(w) for w in words], here, root)
                if written is not None:  # a finding on a passed value points at its `K=`
                    from .runner import display_path
                    at.update((k, span) for k in values if k not in at and (
                        span := _span_of(written, display_path(written), f"{k}=")))
                yield template, (values, at), _known(stack)
        elif service == "cloudformation" and op in ("create-stack", "update-stack",
                                                     "create-change-set"):
            template = _local_path(shell.option(c, "--template-body"), here, root)
            if template:
                yield template, _overrides(_option_words(argv, "--parameters"), here, root), \
                    _known(shell.option(c, "--stack-name"))


_SAMCONFIG_NAMES = ("samconfig.toml", "samconfig.yaml", "samconfig.yml")  # SAM CLI's order


def _samconfig(c, here: str, shell) -> tuple:
    """(the `global.parameters` and `deploy.parameters` of the `--config-env`
    (default `default`), the file's path) of the SAM config file the command
    reads (`--config-file`, else the first of samconfig.toml, samconfig.yaml,
    samconfig.yml there is); ({}, None) when there is none."""
    env = shell.option(c, "--config-env") or "default"
    given = shell.option(c, "--config-file")
    for name in (given,) if given else _SAMCONFIG_NAMES:
        path = _local_path(name, here, here)
        raw = probes.read_bytes(path, MAX_READ) if path else None
        if raw is not None:
            data = _samconfig_data(path, raw)
            section = data.get(env) if isinstance(data, dict) else None
            out: dict = {}
            for command in ("global", "deploy"):  # a command's own parameters win
                given = section.get(command) if isinstance(section, dict) else None
                params = given.get("parameters") if isinstance(given, dict) else None
                out.update(params if isinstance(params, dict) else {})
            return out, path
    return {}, None


def _samconfig_data(path: str, raw: bytes):
    """The data of a SAM config file: YAML for a .yaml/.yml name, else TOML
    (not read on Python 3.9, 3.10, which have no tomllib); None when unreadable."""
    if path.lower().endswith((".yaml", ".yml")):
        from . import workflow_model as wm
        return wm.read_local_yaml(path, MAX_READ)
    try:
        import tomllib
    except ImportError:
        return None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _split_words(text: str, shell) -> List[str]:
    """`K=V K2="a b"` as the shell would split it."""
    cmds = shell.parse("x " + text)
    return cmds[0].argv[1:] if cmds else []


def _option_words(argv: List[str], name: str) -> List[str]:
    """The words after `--name` up to the next option (`--name=a b` too)."""
    for i, a in enumerate(argv):
        if a == name or a.startswith(name + "="):
            words = [a[len(name) + 1:]] if "=" in a and a != name else []
            for w in argv[i + 1:]:
                if w.startswith("--"):
                    break
                words.append(w)
            return words
    return []


def _local_path(value, here: str, root: str) -> Optional[str]:
    """The real path of a file a command or input names, inside `root`; None else."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = re.sub(r"^file://", "", value.strip())
    v = re.sub(r"^/?\$\{\{\s*github\.workspace\s*\}\}/?", "", v)
    if "$" in v or os.path.isabs(v):
        return None
    full = os.path.realpath(os.path.join(here, v))
    top = os.path.realpath(root)
    return full if os.path.commonpath([top, full]) == top else None


def _known(value) -> Optional[str]:
    """A value written in a workflow: None when an expression or a variable sets it."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    s = str(value)
    return None if "$" in s else s


def _overrides_text(value, here, root) -> tuple:
    """(values, positions) of the action's `parameter-overrides`: `K=V,K2=V2`
    (a key given again adds to its value: `K=a,K=b` is `a,b`), or a file."""
    if not isinstance(value, str):
        return {}, {}
    value = value.strip()
    if value.startswith("file://"):
        return _param_file(_local_path(value, here, root))
    out: Dict[str, Optional[object]] = {}
    for item in re.split(r",(?=\s*[A-Za-z0-9]+=)", value):
        if "=" in item:
            k, v = item.split("=", 1)
            k, v = k.strip(), _known(v.strip().strip('"').strip("'"))
            if k in out:  # `K=a,K=b`: the action joins a repeated key's values (a list)
                v = None if out[k] is None or v is None else f"{out[k]},{v}"
            out[k] = v
    return out, {}


def _overrides(words: List[str], here, root) -> tuple:
    """(values, positions) of `K=V` words, `ParameterKey=K,ParameterValue=V`
    words, or `file://` ones."""
    out: Dict[str, Optional[object]] = {}
    at: Dict[str, object] = {}
    for w in words:
        if w.startswith("file://"):
            values, where = _param_file(_local_path(w, here, root))
            out.update(values)
            at.update(where)
            continue
        m = re.match(r"ParameterKey=([^,]+),(ParameterValue|UsePreviousValue)=(.*)$", w)
        if m:
            out[m.group(1)] = _known(m.group(3)) if m.group(2) == "ParameterValue" else None
        elif "=" in w and not w.startswith("$"):
            k, v = w.split("=", 1)
            out[k] = _known(v)
        elif "$" in w:  # `$(jq ... params.json)`, "$OVERRIDES": any parameter, unknown
            out[ANY_PARAMETER] = None
    return out, at


def _param_file(path: Optional[str]) -> tuple:
    """(values, positions) of a parameter file (JSON); empty when it cannot be read."""
    from .loader import LoadError, decode, load_text
    from .runner import display_path

    raw = probes.read_bytes(path, MAX_READ) if path else None
    try:
        loaded = load_text(decode(raw), "json")[0] if raw is not None else None
    except (LoadError, UnicodeDecodeError, IndexError):
        return {}, {}
    data = loaded.data if loaded is not None else None
    shown = display_path(path) if path else ""

    def span(p):
        sp = loaded.locate(p)
        return dataclasses.replace(sp, file=shown) if sp is not None else None

    out: Dict[str, Optional[object]] = {}
    at: Dict[str, object] = {}
    if isinstance(data, dict) and isinstance(data.get("Parameters"), dict):
        for k, v in data["Parameters"].items():
            out[str(k)], at[str(k)] = _known(v), span(("Parameters", k))
        return out, at
    for i, item in enumerate(data if isinstance(data, list) else ()):
        if isinstance(item, dict) and isinstance(item.get("ParameterKey"), str):
            k = item["ParameterKey"]
            out[k] = None if item.get("UsePreviousValue") else _known(item.get("ParameterValue"))
            at[k] = span((i, "ParameterValue"))
        elif isinstance(item, str) and "=" in item:
            k, v = item.split("=", 1)
            out[k], at[k] = _known(v), span((i,))
    return out, {k: v for k, v in at.items() if v is not None}


def _span_of(path: str, shown: str, needle: str, step_line: int = 1):
    """The span just after the first `needle` in a file (a `K=` of an
    override) from the step's line on (not an earlier step's)."""
    from .model import Span

    raw = probes.content(path, MAX_READ) or b""
    start = _line_start(raw, step_line)
    at = raw.find(needle.encode("utf-8", "replace"), start) if start >= 0 else -1
    if at < 0:
        return None
    start = at + len(needle)
    line = raw.count(b"\n", 0, start) + 1
    return Span(line, start - raw.rfind(b"\n", 0, start), file=shown)


def _line_of(path: str, needle: str, step_line: int = 1) -> int:
    """The line of the first `needle` in the file from the step's line on (the
    command that deploys; not an earlier `paths:` filter naming the file),
    else the step's line."""
    raw = probes.content(path, MAX_READ) or b""
    start = _line_start(raw, step_line)
    at = raw.find(needle.encode("utf-8", "replace"), start) if start >= 0 else -1
    return raw.count(b"\n", 0, at) + 1 if at >= 0 else step_line


def _line_start(raw: bytes, line: int) -> int:
    """The offset where line `line` of `raw` starts; -1 past its end."""
    start = 0
    for _ in range(max(0, line - 1)):
        start = raw.find(b"\n", start) + 1
        if start <= 0:
            return -1
    return start


# -- parent templates ------------------------------------------------------------

_NESTS = re.compile(rb"AWS::CloudFormation::Stack|AWS::Serverless::Application")


def template_parents(root: str, template: str) -> List[str]:
    """The templates that may nest `template` (`_from_parent` reads them
    properly): those in its folder and the folders above it up to `root` that
    name a nested stack type and its file name, and the files of the run whose
    local `TemplateURL` (or SAM `Location`) resolves to it, at any depth
    (`aws cloudformation package` resolves it from the parent's folder)."""
    name = os.path.basename(template).encode("utf-8", "replace")
    me = os.path.realpath(template)
    top = os.path.realpath(root)
    folder = os.path.dirname(me)
    out = {os.path.realpath(p): p for p in _run_parents(root).get(me, [])}
    while True:
        for n in probes.names(folder, list(_TEMPLATE_SUFFIXES), []) or []:
            path = os.path.join(folder, n)
            data = probes.content(path, MAX_READ) or b""
            if os.path.realpath(path) != me and name in data and _NESTS.search(data):
                out.setdefault(os.path.realpath(path), path)
        if folder == top or os.path.dirname(folder) == folder \
                or os.path.commonpath([top, folder]) != top:
            return sorted(out.values())
        folder = os.path.dirname(folder)


MAX_SCANNED = 20_000  # files of a run looked at for the nested stacks they name
_NESTED_URL = re.compile(rb"""["']?(?:TemplateURL|Location)["']?[ \t]*:[ \t]*["']?"""
                         rb"""([^\s"'{}\[\],#!]+)""")
_RUN_PARENTS: dict = {}  # (run, root) -> {template real path: [files naming it]}


def _run_parents(root: str) -> Dict[str, List[str]]:
    """{template real path: [the run's template files whose text names it as
    a nested stack's local file]}: the files the run reads anyway (no walk of
    the repository), scanned once a run; empty outside a run."""
    from . import runner

    key = (probes.run_id(), os.path.realpath(root))
    if key not in _RUN_PARENTS:
        found: Dict[str, List[str]] = {}
        plan = runner._PLAN
        files = plan.all_files if plan is not None else []
        for path in [f for f in files if f.lower().endswith(_TEMPLATE_SUFFIXES)][:MAX_SCANNED]:
            data = probes.content(path, MAX_READ) or b""
            for url in _NESTED_URL.findall(data) if _NESTS.search(data) else ():
                child = _local_path(url.decode("utf-8", "replace"), os.path.dirname(path), root)
                if child and child != os.path.realpath(path) and path not in found.get(child, []):
                    found.setdefault(child, []).append(path)
        _RUN_PARENTS.clear()
        _RUN_PARENTS[key] = found
    return _RUN_PARENTS[key]


def _from_parent(me: str, parent: str, root: str, seen: tuple) -> Optional[List[Deployment]]:
    """The stacks the parent template at `parent` makes of `me`: one per
    nested stack resource of it that names `me` and per deployment of the
    parent itself (its workflows' and its own parents', passed on: a value the
    parent passes as `!Ref P` is the value its deployment gives P, located
    there; else the parent's defaults), leaving out a resource whose
    `Condition` is false in that deployment. None when the parent nests no
    stack of `me`."""
    from . import cloudformation as cfn
    from .loader import LoadError, decode, load_text
    from .runner import display_path

    raw = probes.read_bytes(parent, MAX_READ)
    try:
        loaded = load_text(decode(raw), "yaml") if raw is not None else []
    except (LoadError, UnicodeDecodeError):
        return None
    data = loaded[0].data if loaded else None
    if not isinstance(data, dict) or not cfn.is_template(data):
        return None
    if not _nestings(me, parent, root, cfn.Scope.of(data)):
        return None
    real = os.path.realpath(parent)
    above = None if real in seen or real == me else _stacks_of(real, parent, root, seen)
    shown = display_path(parent)
    out = []
    for pd in above if above is not None else [None]:
        scope = cfn.Scope.of(data, pd.params if pd is not None else None,
                             pd.stack_name if pd is not None else None)
        # where the values the parent's own deployment gives are written
        written = {**{k: dataclasses.replace(sp, file=shown) for k, sp in
                    cfn.defaults_at(loaded[0].locate, data, scope).items()},
                 **pd.at} if pd is not None else {}
        for logical_id, res, given in _nestings(me, parent, root, scope):
            if cfn.condition_value(res.get("Condition"), scope) is False:
                continue  # CloudFormation does not create this nested stack
            params: Dict[str, Optional[object]] = {}
            where: Dict[str, object] = {}
            base = scope.sources.get(logical_id, ("Resources", logical_id))
            for k, v in given.items():
                value = cfn.resolve(v, scope)
                params[str(k)] = value if isinstance(value, (str, int, float)) \
                    and not isinstance(value, bool) else None
                sp = cfn.passed_span(v, written)
                sp = sp or loaded[0].locate(base + ("Properties", "Parameters", k))
                if sp is not None:
                    where[str(k)] = sp if sp.file else dataclasses.replace(sp, file=shown)
            at = loaded[0].locate(base, True)
            label = f"{shown} {logical_id}" + (f" ({pd.label})" if pd is not None else "")
            out.append(Deployment(label, shown, at.line if at is not None else 1,
                                  params, where))
            if len(out) >= MAX_STACKS:
                return out
    return out


def _nestings(me: str, parent: str, root: str, scope) -> list:
    """[(logical id, resource, its `Parameters`)] of the nested stacks
    (`AWS::CloudFormation::Stack` `TemplateURL`, SAM application `Location`)
    of a parent template (its `scope`) whose local file is `me`."""
    out = []
    for logical_id, res in scope.resources.items():
        if not isinstance(res, dict) or res.get("Type") not in (
                "AWS::CloudFormation::Stack", "AWS::Serverless::Application"):
            continue
        props = res.get("Properties") if isinstance(res.get("Properties"), dict) else {}
        url = props.get("TemplateURL") if res["Type"].endswith("Stack") else props.get("Location")
        if _local_path(url, os.path.dirname(parent), root) != me:
            continue
        given = props.get("Parameters") if isinstance(props.get("Parameters"), dict) else {}
        out.append((logical_id, res, given))
    return out
