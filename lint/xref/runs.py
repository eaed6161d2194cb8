"""A workflow's job runs: one per matrix row, with the role each step runs under.

Built on `lint/workflow_model.py` (matrix rows with GitHub's include/exclude
rules, so the values of one `include` entry stay together: correlated rows,
not crossed; `${{ matrix.* }}`, `${{ env.* }}`, `${{ vars.* }}` expansion).
A step's role is the last one assumed before it (configure-aws-credentials,
`role-chaining`, a script's `aws sts assume-role-with-web-identity`), or the
role whose keys an earlier step wrote to `$GITHUB_ENV` after `aws sts
assume-role` or `assume-role-with-web-identity --role-arn` (keys written
from elsewhere: no role is linked).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional

from .. import shell
from .. import workflow_model as wm
from ..model import Document
from ..values import text_of
from . import actions as A
from . import linking as L
from . import subjects_produced as P
from .subjects_produced import UNKNOWN_ENVIRONMENT


def unresolved(value) -> bool:
    return not isinstance(value, str) or "${{" in value


@dataclass
class RoleLink:
    use: wm.RoleUse
    value: object  # role-to-assume as written
    expanded: object  # after matrix/env/vars expansion
    resolved: Optional[str]  # ARN or name, when known
    ref: Optional[str]  # `vars.X` / `secrets.X` / `env.X` it came through
    role: Optional[object]  # linking.Role or None
    region: Optional[str]
    how: str = ""

    @property
    def step(self) -> wm.Step:
        return self.use.step

    @property
    def path(self) -> tuple:
        return self.use.path


@dataclass
class Caller:
    """A job of a linted workflow that calls a local reusable workflow, and the
    inputs it passes, over the inputs' defaults (a value None: not known)."""
    doc: Document
    job_id: str
    job: dict  # the calling job as written
    inputs: dict


@dataclass
class JobRun:
    doc: Document
    workflow: wm.Workflow
    job: wm.Job
    row: Optional[dict]
    environment: Optional[str]  # expanded; UNKNOWN_ENVIRONMENT when not resolvable
    roles: List[RoleLink] = field(default_factory=list)
    role_at: dict = field(default_factory=dict)  # step index -> RoleLink in force
    caller: Optional[Caller] = None  # a reusable workflow's run for this calling job
    # what this run knows of `github.event_name` / `github.ref` when the job's role
    # or environment depends on them (`fact_splits`), and that as an `if:`:
    # {name: ("==" or "!=", value)}, and "ref_prefix": ("startsWith" or
    # "!startsWith", prefix) for `startsWith(github.ref, prefix)`
    facts: dict = field(default_factory=dict)
    condition: Optional[str] = None
    # the `workflow_dispatch` inputs of a run per option of a choice input
    # (`fact_splits`): the defaults, and the option
    inputs: Optional[dict] = None

    @property
    def job_id(self) -> str:
        return self.job.id

    @property
    def if_(self):
        """The job's `if:`, and what this run knows of the event and ref."""
        return and_conditions(self.job.if_, self.condition)

    @property
    def label(self) -> str:
        called = f" (called by {self.caller.doc.file} job '{self.caller.job_id}')" \
            if self.caller is not None else ""
        if self.row:
            shown = ", ".join(f"{k}={v}" for k, v in self.row.items()
                              if not isinstance(v, (dict, list)))
            return f"job '{self.job.id}' ({shown}){self._when}{called}"
        return f"job '{self.job.id}'{self._when}{called}"

    @property
    def _when(self) -> str:
        return "".join(_fact_text(k, op, v, self.facts)
                       for k, (op, v) in sorted(self.facts.items()))

    def expand(self, value, step: Optional[wm.Step] = None, github=None):
        return wm.expand(value, self.job, step, self.row,
                         with_inputs(github, self.caller, self.facts, self.inputs))

    def resolve(self, value, step: Optional[wm.Step] = None, github=None, line=None):
        return wm.resolve(value, self.job, step, self.row,
                          with_inputs(github, self.caller, self.facts, self.inputs), line)


def _fact_text(name: str, op: str, value: str, facts: dict) -> str:
    """One fact of a run as its label says it ('' for the name and type of a
    ref the run knows)."""
    if name == "event_name":
        return f" on {value}"
    if name.startswith("inputs."):
        return f" with {name} '{value}'"
    if name == "ref_prefix":
        return f" where github.ref {'starts' if op == 'startsWith' else 'does not start'} " \
               f"with '{value}'"
    if name in ("ref_name", "ref_type") and op == "==" and (facts.get("ref") or ("",))[0] == "==":
        return ""
    return f" where github.{name} {op} '{value}'"


def with_inputs(github: Optional[dict], caller: Optional[Caller],
                facts: Optional[dict] = None, inputs: Optional[dict] = None) -> Optional[dict]:
    """The values `${{ ... }}` expansion knows (config vars and secrets), with the
    `inputs` a calling job passes (or a dispatch run's) and the secrets it
    hands on, and what a run knows of the event and ref."""
    if caller is None and not facts and inputs is None:
        return github
    out = dict(github or {})
    if caller is not None:
        out["inputs"] = caller.inputs
        passed = wm.caller_secrets(caller.job)
        if passed is not None:
            out[wm.CALLER_SECRETS] = passed
    elif inputs is not None:
        out["inputs"] = inputs
    if facts:
        out[wm.FACTS] = facts
    return out


def and_conditions(first, second):
    """Two `if:` conditions as one expression (False when either is false)."""
    if second is None or second is True:
        return first
    if first is None or first is True:
        return second
    if first is False or second is False:
        return False
    if not isinstance(first, str) or not isinstance(second, str):
        return first if not isinstance(first, str) else second
    return " && ".join(f"({wm.if_expression(c)})" for c in (first, second))


def needs_condition(wf: wm.Workflow, job: wm.Job, _seen=None):
    """What the jobs `job` needs say of where it runs, as one `if:` (None: nothing).
    GitHub skips a job whose needed job was skipped, unless its `if:` calls
    `always()`, `failure()` or `cancelled()`: it runs only where each needed job
    runs, that is where the needed job's own `if:` and, the same way, the jobs
    that one needs let it; with those, only the needed jobs its `if:` requires
    to have succeeded (`&& needs.X.result == 'success'`). (A job-level `if:`
    cannot read `matrix`.)"""
    needs = job.needs
    if isinstance(job.if_, str) and wm.STATUS_FUNCTION.search(job.if_):
        needs = _required_successes(job.if_, needs)
    seen = (_seen or set()) | {job.id}
    cond = None
    for name in needs:
        other = wf.jobs.get(name)
        if other is None or name in seen:
            continue
        cond = and_conditions(cond, and_conditions(other.if_, needs_condition(wf, other, seen)))
    return cond


_SUCCEEDED = re.compile(r"^needs\.([\w-]+)\.result\s*==\s*'success'$|"
                        r"^'success'\s*==\s*needs\.([\w-]+)\.result$")


def _required_successes(condition: str, needs) -> list:
    """The needed jobs an `if:` requires to have succeeded, one of its top-level
    `&&` terms each: such a job ran, so its own `if:` held."""
    expr = wm.strip_parens(wm.if_expression(condition))
    if len(wm.split_top(expr, "||")) > 1:  # `a || b && c`: c is not required
        return []
    named = set()
    for t in wm.split_top(expr, "&&"):
        m = _SUCCEEDED.match(wm.strip_parens(t))
        if m:
            named.add(m.group(1) or m.group(2))
    return [n for n in needs if n in named]


def job_runs(doc: Document, github: dict, find_role,
             callers: Optional[List[Caller]] = None) -> List[JobRun]:
    """Every (job, matrix row) of a workflow document, with roles linked; for a
    reusable workflow given its `callers`, that for each calling job, with the
    inputs it passes.

    `find_role(raw, expanded) -> (resolved, ref, role, how)` links a role-to-assume."""
    wf = wm.workflow_of(doc)
    out = []
    for caller in callers or [None]:
        for call, facts, condition in caller_splits(caller, github) if caller is not None \
                else [(None, {}, None)]:
            out.extend(_caller_runs(doc, wf, with_inputs(github, call), find_role, call,
                                    facts, condition))
    return out


_MAX_CALLER_SPLITS = 64


def caller_splits(caller: Caller, github: Optional[dict] = None) -> List[tuple]:
    """[(caller, facts, condition)]: a calling job as each run of its workflow
    makes the call, when `with:` values not known yet pick by the event, the
    ref or a dispatch input (`fact_splits` of those values, by the calling
    workflow's triggers and the calling job's `if:`, each where they let it
    run; GitHub evaluates `with:` in the caller's run): the caller with those
    values evaluated, and what that run knows; a run that would give a value the caller already knows
    otherwise (one dispatch option of several) is not this caller's.
    [(caller, {}, None)] when nothing is told apart."""
    given = caller.job.get("with") if isinstance(caller.job, dict) else None
    given = {k: v for k, v in given.items() if isinstance(v, str) and "${{" in v} \
        if isinstance(given, dict) else {}
    inputs = caller.inputs if isinstance(caller.inputs, dict) else {}
    unknown = {k: v for k, v in given.items() if k in inputs and inputs[k] is None}
    wf = wm.workflow_of(caller.doc)
    job = wf.jobs.get(caller.job_id)
    if not unknown or job is None:
        return [(caller, {}, None)]
    job = replace(job, if_=and_conditions(job.if_, needs_condition(wf, job)))
    splits = fact_splits(wf, job, (), github, list(unknown.values()))
    if len(splits) < 2 or len(splits) > _MAX_CALLER_SPLITS:
        return [(caller, {}, None)]
    triggers = wf.triggers if isinstance(wf.triggers, dict) else {}
    default = str((github or {}).get("default-branch") or "main")
    splits = [s for s in splits if _may_happen(triggers, job, s[1], default)]
    if not splits:
        return [(caller, {}, None)]
    out = []
    for facts, condition, dispatched in splits:
        values = with_inputs(github, None, facts, dispatched)
        evaluated = {k: wm.expand(v, None, None, None, values) for k, v in given.items()}
        if any(not unresolved(v) and isinstance(inputs.get(k), str)
               and not unresolved(inputs[k]) and v != inputs[k]
               for k, v in evaluated.items() if k not in unknown):
            continue
        known = {k: evaluated[k] for k in unknown if not unresolved(evaluated[k])}
        out.append((replace(caller, inputs={**inputs, **known}), facts, condition, known))
    if not any(known for *_, known in out):
        return [(caller, {}, None)]
    return [(call, facts, condition) for call, facts, condition, _ in out]


def _joined(splits: List[tuple], facts: dict, condition) -> List[tuple]:
    """A job's own `fact_splits` within a run that knows `facts` (a calling
    job's): the facts of both (a split the run's facts rule out dropped), and
    both conditions."""
    if not facts and condition is None:
        return splits
    out = [({**own, **{k: v for k, v in facts.items() if k not in own or v[0] == "=="}},
            and_conditions(condition, cond), inputs)
           for own, cond, inputs in splits if _agree(facts, own)]
    return out or [(facts, condition, None)]


def _agree(first: dict, second: dict) -> bool:
    """Can one run know both sets of facts: no name `==` one value in one and
    `==` another (or `!=` it) in the other, no ref whose name the other rules out?"""
    for name in first.keys() & second.keys():
        (op1, v1), (op2, v2) = first[name], second[name]
        if "==" in (op1, op2) and (op1, v1) != (op2, v2) and (op1 == op2 or v1 == v2):
            return False
    for a, b in ((first, second), (second, first)):
        if "ref_name" in b and _contradicts(a.get("ref"), *b["ref_name"]):
            return False
    return True


_FACT_TEST = re.compile(r"github\.(event_name|ref_name|ref)\s*(?:==|!=)\s*'((?:[^']|'')*)'",
                        re.I)


_OUTPUT_REF = re.compile(r"\$\{\{\s*(?:needs|steps)\.[A-Za-z0-9_-]+\.outputs\.")

_INPUT_USE = re.compile(r"(?:github\.event\.)?inputs\.([A-Za-z0-9_-]+)", re.I)


_REF_PREFIX_TEST = re.compile(r"startsWith\(\s*github\.ref\s*,\s*'((?:[^']|'')*)'\s*\)", re.I)
_REF_TYPE_USE = re.compile(r"github\.ref_type\b", re.I)
_REF_VALUE = re.compile(r"\$\{\{\s*github\.ref(?:_name)?\s*\}\}", re.I)  # the ref itself


def fact_splits(wf: wm.Workflow, job: wm.Job, uses, github: Optional[dict] = None,
                texts: Optional[List[str]] = None) -> List[tuple]:
    """[(facts, condition, inputs)]: the runs to tell apart when the job's
    environment, role or region (or the `texts` given instead: a calling
    job's `with:` values) picks a value by the event or the ref
    (`github.event_name == 'push' && 'prod' || 'staging'`): one per event of
    the workflow, or the ref tested and every other ref; by `startsWith(github.ref,
    'refs/tags/')`, one where it holds and one where not, by `github.ref_type`
    one per type, each where the triggers run on such a ref; one per ref where
    the value is the ref itself (`${{ github.ref_name }}`) and the triggers name
    each ref they run on (`literal_refs`); or, in a workflow only
    `workflow_dispatch` runs, by a `choice` input: one per option, with the
    other inputs' defaults. [({}, None, None)] else."""
    if texts is None:
        texts = [job.environment] + [v for step_uses in uses for u in step_uses
                                     for v in (u.role_to_assume, u.aws_region)]
    texts = [t for t in texts if isinstance(t, str) and "${{" in t]
    tests = {}
    for t in texts:
        for m in _FACT_TEST.finditer(t):
            tests.setdefault(m.group(1).lower(), m.group(2).replace("''", "'"))
    splits = [({}, None, None)]
    triggers = wf.triggers if isinstance(wf.triggers, dict) else {}
    if "event_name" in tests and triggers and "workflow_call" not in triggers:
        splits = [({"event_name": ("==", e)}, f"github.event_name == '{e}'", None)
                  for e in triggers]
    by_kind = _ref_kind_splits(texts, triggers, job)
    for name in ("ref", "ref_name") if by_kind is None or not by_kind[0] else ():
        if name in tests:
            value = tests[name]
            quoted = value.replace("'", "''")
            splits = [({**facts, name: (op, value)},
                       and_conditions(cond, f"github.{name} {op} '{quoted}'"), None)
                      for facts, cond, _ in splits for op in ("==", "!=")
                      if not _contradicts(facts.get("ref"), op, value)]
    if by_kind is not None:
        every = [({**facts, **more}, and_conditions(cond, test), None)
                 for facts, cond, _ in splits for more, test in by_kind[1]]
        default = str((github or {}).get("default-branch") or "main")
        splits = [s for s in every if _may_happen(triggers, job, s[1], default)] or splits
    if "workflow_dispatch" in triggers and "workflow_call" not in triggers \
            and splits == [({}, None, None)]:
        return dispatch_splits(triggers, texts) or splits
    return splits


def _ref_kind_splits(texts: List[str], triggers: dict, job: wm.Job):
    """(by ref, [(facts, condition)]): the kinds of ref a job's values pick by,
    beyond `==`/`!=` tests: each ref the triggers name (by ref True: the
    value is the ref itself, and that decides every test of it), else where
    `startsWith(github.ref, P)` holds and where not, and each `github.ref_type`.
    None when the values pick by none of these."""
    text = "\n".join(texts)
    if _REF_VALUE.search(text):
        named = P.literal_refs(P.narrowing(job.if_, None, triggers).admit(triggers))
        if named:
            return True, [({"ref": ("==", r), "ref_name": ("==", r.split("/", 2)[2]),
                            "ref_type": ("==", "tag" if r.startswith("refs/tags/") else "branch")},
                           f"github.ref == '{r.replace(chr(39), chr(39) * 2)}'") for r in named]
    kinds = [[({}, None)]]
    prefix = _REF_PREFIX_TEST.search(text)
    if prefix:
        quoted = prefix.group(1)
        value = quoted.replace("''", "'")
        kinds.append([({"ref_prefix": ("startsWith", value)},
                       f"startsWith(github.ref, '{quoted}')"),
                      ({"ref_prefix": ("!startsWith", value)},
                       f"!startsWith(github.ref, '{quoted}')")])
    if _REF_TYPE_USE.search(text):
        kinds.append([({"ref_type": ("==", k)}, f"github.ref_type == '{k}'")
                      for k in ("branch", "tag")])
    if len(kinds) == 1:
        return None
    out = kinds[0]
    for more in kinds[1:]:
        out = [({**f1, **f2}, and_conditions(c1, c2)) for f1, c1 in out for f2, c2 in more]
    return False, out


def _may_happen(triggers: dict, job: wm.Job, condition, default_branch: str) -> bool:
    """Can the job run where `condition` holds, by its triggers and `if:`
    (True when there are no triggers to tell)?"""
    if not triggers:
        return True
    narrow = P.narrowing(and_conditions(job.if_, condition), None, triggers)
    return P.may_run(P.refs_of_triggers(narrow.admit(triggers), default_branch), narrow)


def dispatch_splits(triggers: dict, texts: List[str]) -> List[tuple]:
    """The runs of a job whose environment, role or region reads a
    `workflow_dispatch` input: one per option of a `choice` input (the other
    inputs at their defaults), else one dispatch run with inputs unknown; and,
    in a workflow other events run too, one per other event, where every input
    is empty (a push carries no inputs). [] when no input is read."""
    spec = triggers["workflow_dispatch"]
    declared = spec.get("inputs") if isinstance(spec, dict) else None
    declared = declared if isinstance(declared, dict) else {}
    used = [next((k for k in declared if str(k).lower() == name.lower()), None)
            for name in dict.fromkeys(m.group(1) for t in texts for m in _INPUT_USE.finditer(t))]
    used = [k for k in used if k is not None]
    if not used:
        return []
    only = set(triggers) == {"workflow_dispatch"}
    fact = {} if only else {"event_name": ("==", "workflow_dispatch")}
    condition = None if only else "github.event_name == 'workflow_dispatch'"
    dispatch = [(fact, condition, None)]
    for key in used:
        options = _choice_options(declared.get(key))
        if options:
            defaults = wm.input_defaults(declared)
            dispatch = [({**fact, f"inputs.{key}": ("==", o)}, condition, {**defaults, key: o})
                        for o in options]
            break
    if only:
        return dispatch if dispatch[0][2] is not None else []
    empty = {k: "" for k in declared if isinstance(k, str)}
    return dispatch + [({"event_name": ("==", e)}, f"github.event_name == '{e}'", empty)
                       for e in triggers if e != "workflow_dispatch"]


def _choice_options(spec) -> Optional[list]:
    """The options of a `choice` input (strings), None for another input."""
    if not isinstance(spec, dict) or str(spec.get("type", "")).lower() != "choice":
        return None
    options = spec.get("options")
    if not isinstance(options, list) or not options \
            or not all(isinstance(o, (str, int, float)) and not isinstance(o, bool)
                       for o in options):
        return None
    return [str(o) for o in options]


def _contradicts(ref_fact, op: str, ref_name: str) -> bool:
    """Can a run where github.ref is `ref_fact` not have `github.ref_name op ref_name`?"""
    if ref_fact is None or ref_fact[0] != "==":
        return False
    short = re.sub(r"^refs/(heads|tags)/", "", ref_fact[1])
    return (short == ref_name) != (op == "==")


def _caller_runs(doc, wf, github, find_role, caller, call_facts=None,
                 call_condition=None) -> List[JobRun]:
    out = []
    for job in wf.jobs.values():
        if job.disabled:
            continue
        uses = [wm.role_uses_of(step, job) for step in job.steps]  # the same in every row
        splits = _joined(fact_splits(wf, job, uses, github), call_facts or {}, call_condition)
        for (facts, condition, inputs), row in ((split, row) for split in splits
                                                for row in job.matrix_rows(github)):
            run = JobRun(doc, wf, job, row, None, caller=caller, facts=facts,
                         condition=condition, inputs=inputs)
            environment = None
            if job.environment is not None and not (
                    isinstance(row, wm.Row) and row.lacks(job.environment)):
                # (`${{ matrix.environment }}` in a row without it: '', no environment)
                e = run.expand(job.environment, None, github)
                environment = e if isinstance(e, str) and not unresolved(e) \
                    else UNKNOWN_ENVIRONMENT
                if environment == "" or environment.isspace():
                    environment = None  # `cond && 'production' || ''`: no environment
            run.environment = environment
            current = None
            by_step_id: Dict[str, RoleLink] = {}  # a step's id -> the role it assumed
            for step, step_uses in zip(job.steps, uses):
                if step_uses and wm.step_if(step, job, row) is False:
                    step_uses = []  # off in this row (`if: matrix.env == 'prod'`): no role
                for use in step_uses:
                    value = run.expand(use.role_to_assume, step, github)
                    if isinstance(value, str) and _OUTPUT_REF.search(value):
                        # a job's or an earlier step's output: what it is set to
                        value = run.resolve(value, step, github)
                    value, chained = _chained_name(use, value, current)
                    if isinstance(value, str) and not value.strip():
                        # (a secret the call does not hand on, an input it leaves empty)
                        resolved, ref, role, how = "", None, None, "empty: no role is assumed"
                    else:
                        resolved, ref, role, how = find_role(use.role_to_assume, value)
                    if chained:
                        how = chained
                    region = run.resolve(use.aws_region, step, github)
                    current = RoleLink(use, use.role_to_assume, value, resolved, ref, role,
                                       region.strip() if isinstance(region, str)
                                       and not unresolved(region) and region.strip() else None,
                                       how)
                    run.roles.append(current)
                run.role_at[step.index] = current
                if step_uses and current is not None and isinstance(step.data.get("id"), str):
                    by_step_id[step.data["id"]] = current
                keys = _OUTPUT_KEYS.match(str(step.env.get("AWS_ACCESS_KEY_ID", "")))
                if keys and keys.group(1) in by_step_id:
                    # its own env holds the keys an earlier step output (`output-credentials`)
                    run.role_at[step.index] = by_step_id[keys.group(1)]
                handed = _credentials_handed_on(step, run.job)
                if handed is not None:  # the later steps run with the keys it exported
                    role_value, line = handed
                    assumed = next((link for link in run.roles if link.use.step is step
                                    and line is not None and link.use.line == line), None)
                    current = assumed  # `assume-role-with-web-identity`'s, linked above
                    if assumed is None and role_value is not None:
                        use = wm.RoleUse(step, role_value, step.run_path, oidc=False, line=line)
                        value = run.expand(role_value, step, github)
                        resolved, ref, role, how = find_role(role_value, value)
                        current = RoleLink(use, role_value, value, resolved, ref, role,
                                           run.role_at[step.index].region
                                           if run.role_at[step.index] else None,
                                           f"the keys `aws sts assume-role` exported ({how})")
                        run.roles.append(current)
            out.append(run)
    return out


_KEY_NAMES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")


_OUTPUT_KEYS = re.compile(r"^\s*\$\{\{\s*steps\.([\w-]+)\.outputs\.aws-access-key-id\s*\}\}\s*$")


def _credentials_handed_on(step: wm.Step, job: wm.Job):
    """(role, script line) when a step writes AWS keys to `$GITHUB_ENV`, which
    every later step of the job then uses: the role the last `aws sts
    assume-role` or `assume-role-with-web-identity` of it assumed (its
    `--role-arn`), or (None, None) when the keys come from elsewhere; None
    when it writes none."""
    if step.run is None or "AWS_" not in step.run \
            or not any(k in wm.env_writes(step) for k in _KEY_NAMES):
        return None
    assumes = [c for c in wm.commands(step)
               if shell.is_aws(c, "sts", "assume-role", "assume-role-with-web-identity")]
    if not assumes:
        return None, None
    return wm.script_role(assumes[-1], step, job), assumes[-1].line


def _chained_name(use, value, current):
    """(value, how): a bare role name on a `role-chaining: true` step is
    completed as configure-aws-credentials does, with the account of the
    credentials it chains from (`arn:aws:iam::ACCOUNT:role/NAME`, 'aws'
    partition only); other values are left as they are."""
    name = text_of(value)
    if name is None or use.oidc or current is None or \
            wm._truthy(use.step.with_.get("role-chaining")) is not True:
        return value, None
    name = name.strip()
    if not name or name.startswith("arn:aws") or not re.fullmatch(r"[\w+=,.@-]+", name):
        return value, None
    account = (current.role.account if current.role is not None else None) or \
        L.account_of_arn(current.resolved or "")
    if not account:
        return value, None
    return f"arn:aws:iam::{account}:role/{name}", \
        f"role name {name} in the account of the role it chains from ({account})"


def step_name(step: wm.Step) -> str:
    return A.action_name(step.uses) if step.uses else "run"


def env_text(step: wm.Step, job: wm.Job, name: str) -> Optional[str]:
    for scope in (step.env, job.env, job.workflow.env if job.workflow else {}):
        if isinstance(scope, dict) and name in scope:
            return text_of(scope[name])
    return None
