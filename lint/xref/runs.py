"""A workflow's job runs: one per matrix row, with the role each step runs under.

Built on `lint/workflow_model.py` (matrix rows with GitHub's include/exclude
rules, so the values of one `include` entry stay together: correlated rows,
not crossed; `${{ matrix.* }}`, `${{ env.* }}`, `${{ vars.* }}` expansion).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from .. import workflow_model as wm
from ..model import Document
from ..values import text_of
from . import actions as A

UNKNOWN_ENVIRONMENT = "\0unknown"


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

    @property
    def job_id(self) -> str:
        return self.job.id

    @property
    def label(self) -> str:
        called = f" (called by {self.caller.doc.file} job '{self.caller.job_id}')" \
            if self.caller is not None else ""
        if self.row:
            shown = ", ".join(f"{k}={v}" for k, v in self.row.items()
                              if not isinstance(v, (dict, list)))
            return f"job '{self.job.id}' ({shown}){called}"
        return f"job '{self.job.id}'{called}"

    def expand(self, value, step: Optional[wm.Step] = None, github=None):
        return wm.expand(value, self.job, step, self.row, with_inputs(github, self.caller))

    def resolve(self, value, step: Optional[wm.Step] = None, github=None, line=None):
        return wm.resolve(value, self.job, step, self.row, with_inputs(github, self.caller),
                          line)


def with_inputs(github: Optional[dict], caller: Optional[Caller]) -> Optional[dict]:
    """The values `${{ ... }}` expansion knows (config vars and secrets), with the
    `inputs` a calling job passes."""
    if caller is None:
        return github
    return {**(github or {}), "inputs": caller.inputs}


def job_runs(doc: Document, github: dict, find_role,
             callers: Optional[List[Caller]] = None) -> List[JobRun]:
    """Every (job, matrix row) of a workflow document, with roles linked; for a
    reusable workflow given its `callers`, that for each calling job, with the
    inputs it passes.

    `find_role(raw, expanded) -> (resolved, ref, role, how)` links a role-to-assume."""
    wf = wm.workflow_of(doc)
    out = []
    for caller in callers or [None]:
        out.extend(_caller_runs(doc, wf, with_inputs(github, caller), find_role, caller))
    return out


def _caller_runs(doc, wf, github, find_role, caller) -> List[JobRun]:
    out = []
    for job in wf.jobs.values():
        if job.disabled:
            continue
        uses = [wm.role_uses_of(step) for step in job.steps]  # the same in every row
        for row in job.matrix_rows():
            environment = None
            if job.environment is not None:
                e = wm.expand(job.environment, job, None, row, github)
                environment = e if isinstance(e, str) and not unresolved(e) \
                    else UNKNOWN_ENVIRONMENT
            run = JobRun(doc, wf, job, row, environment, caller=caller)
            current = None
            for step, step_uses in zip(job.steps, uses):
                for use in step_uses:
                    value = wm.expand(use.role_to_assume, job, step, row, github)
                    resolved, ref, role, how = find_role(use.role_to_assume, value)
                    region = wm.expand(use.aws_region, job, step, row, github)
                    current = RoleLink(use, use.role_to_assume, value, resolved, ref, role,
                                       region.strip() if isinstance(region, str)
                                       and not unresolved(region) and region.strip() else None,
                                       how)
                    run.roles.append(current)
                run.role_at[step.index] = current
            out.append(run)
    return out


def step_name(step: wm.Step) -> str:
    return A.action_name(step.uses) if step.uses else "run"


def env_text(step: wm.Step, job: wm.Job, name: str) -> Optional[str]:
    for scope in (step.env, job.env, job.workflow.env if job.workflow else {}):
        if isinstance(scope, dict) and name in scope:
            return text_of(scope[name])
    return None
