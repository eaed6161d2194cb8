"""What each step of a job needs from IAM: the actions (`actions.py`), and
where they are known the resource each is asked on and the keys its request
carries, as `Need`s for `xref-permission-missing` to evaluate against the
role's permission policies.

- the deploy-path actions (`step_needs`): the ECR repository of an image
  pushed (from the login step's registry and the tag), the service ARN of the
  deploy action and of `aws ecs update-service`/`describe-services`, the
  CodeDeploy deployment group, the cluster's tasks for `ecs:DescribeTasks`,
  the task definition's revisions for `ecs:RunTask`/`ecs:StartTask` with
  `ecs:cluster` in the request, `iam:PassRole` for roles a run-task
  `--overrides` passes;
- tagging on create (`tag_needs`): `ecs:TagResource` with `ecs:CreateAction`;
- the task definitions a step registers or runs (`step_taskdefs`), and the
  revisions `run-task` runs after a script registers one (`run_registered`).
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, List, Optional, Tuple

from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Document, Span
from ecs_lint.values import text_of

shell = lazy_import("ecs_lint.shell", globals(), "shell")
wm = lazy_import("ecs_lint.workflow_model", globals(), "wm")
A = lazy_import("ecs_lint.xref.actions", globals(), "A")
L = lazy_import("ecs_lint.xref.linking", globals(), "L")
R = lazy_import("ecs_lint.xref.runs", globals(), "R")
I = lazy_import("ecs_lint.iam", globals(), "I")

if TYPE_CHECKING:
    from ecs_lint.rules.xref import Index


ECS_TASKS = "ecs-tasks.amazonaws.com"
ECS_SERVICE = "ecs.amazonaws.com"  # ECS itself: the infrastructure role of managed EBS volumes


_OUTPUT_TD = lazy_re(r"^\$\{\{\s*steps\.([\w-]+)\.outputs\.task-definition\s*\}\}$")


_WORKSPACE = lazy_re(r"^\s*\$\{\{\s*github\.workspace\s*\}\}/+")


def in_workspace(value):
    """A file input as the ECS actions read it: relative to `GITHUB_WORKSPACE`,
    so `${{ github.workspace }}/x.json` is `x.json`."""
    return _WORKSPACE.sub("", value) if isinstance(value, str) else value


def taskdef_path(run: R.JobRun, step: wm.Step, value, github) -> Optional[str]:
    """The task-definition file a value names, following render step outputs."""
    seen = set()
    while True:
        s = in_workspace(run.expand(value, step, github))
        if not isinstance(s, str):
            return None
        m = _OUTPUT_TD.match(s.strip())
        if not m:
            return None if R.unresolved(s) or not s.strip() else s.strip()
        sid = m.group(1)
        if sid in seen:
            return None
        seen.add(sid)
        src = next((st for st in run.job.steps if st.id == sid and st.uses == A.RENDER), None)
        if src is None:
            return None
        step, value = src, src.with_.get("task-definition")


def rendered_family(run: R.JobRun, step: wm.Step, github) -> Optional[str]:
    """The family whose registered revision the render step behind a deploy
    step's `task-definition` starts from (`task-definition-family`, or the
    family of `task-definition-arn`); None when it renders a file."""
    value, seen = step.with_.get("task-definition"), set()
    while True:
        s = run.expand(value, step, github)
        m = _OUTPUT_TD.match(s.strip()) if isinstance(s, str) else None
        if not m or m.group(1) in seen:
            return None
        seen.add(m.group(1))
        src = next((st for st in run.job.steps if st.id == m.group(1) and st.uses == A.RENDER),
                   None)
        if src is None:
            return None
        if src.with_.get("task-definition") is not None:
            step, value = src, src.with_.get("task-definition")
            continue
        return render_family(run, src, github)


def render_family(run: R.JobRun, render: wm.Step, github) -> Optional[str]:
    """The family a render step reads the registered revision of
    (`task-definition-family`, or the family of `task-definition-arn`), or None."""
    family = run.expand(render.with_.get("task-definition-family"), render, github)
    arn = run.expand(render.with_.get("task-definition-arn"), render, github)
    m = _TASKDEF_ARN.fullmatch(arn.strip()) if isinstance(arn, str) else None
    family = m.group(1) if m else family  # (`family:revision` names the family too)
    return family.split(":")[0].strip() if isinstance(family, str) \
        and not R.unresolved(family) and family.strip() else None


# (a revision written with an expression still names the family)
_TASKDEF_ARN = lazy_re(r"arn:[\w-]+:ecs:[^:]*:[^:]*:task-definition/([\w-]+)"
                       r"(?::\d+|:\$\{\{[^}]*\}\})?")


@dataclass
class Need:
    action: str
    why: str
    step: wm.Step
    run: R.JobRun
    link: R.RoleLink
    resource: Optional[str] = None
    script_line: Optional[int] = None  # line in the step's `run:` script (0-based)
    command: Optional[str] = None  # its first words, to find its column
    # condition keys the request carries that the resource does not tell
    # (`ecs:CreateAction` of a tag-on-create, `ecs:cluster` of RunTask)
    context: Tuple[Tuple[str, str], ...] = ()

    @property
    def span(self) -> Optional[Span]:
        """File position of the command in a `run:` script (None for action
        steps); found only when a finding shows it."""
        if self.script_line is None:
            return None
        if "_span" not in self.__dict__:
            self.__dict__["_span"] = wm.script_span(self.run.doc, self.step, self.script_line,
                                                    self.command)
        return self.__dict__["_span"]

    @property
    def line(self) -> Optional[int]:
        return self.span.line if self.span is not None else None


def _registry(link: Optional[R.RoleLink]) -> Optional[str]:
    """The private registry amazon-ecr-login logs in to (the role's account/region)."""
    if link is None or link.role is None or not link.region:
        return None
    account = L.account_of_arn(link.resolved or "") or link.role.account
    return A.registry_host(account, link.region) if account else None


_REGISTRY_OUT = lazy_re(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.registry\s*\}\}")


_SHA = lazy_re(r"\$\{\{\s*github\.sha\s*\}\}|\$\{?GITHUB_SHA\}?")


def _login_registry(run: R.JobRun, step_id: str, link, github) -> Optional[str]:
    """The registry `steps.<step_id>.outputs.registry` names. amazon-ecr-login
    sets it to the registry it logged in to: `public.ecr.aws` for `registry-type:
    public`, the registry of the one account given in `registries` (none at all
    for several), else the role's own (account, region) registry."""
    login = next((s for s in run.job.steps if s.id == step_id), None)
    if login is None or login.uses != A.ECR_LOGIN:
        return _registry(link)
    kind = run.expand(login.with_.get("registry-type"), login, github)
    if isinstance(kind, str) and kind.strip().lower() == "public":
        return "public.ecr.aws"
    if login.with_.get("registries") is None:
        return _registry(link)
    ids = run.expand(login.with_.get("registries"), login, github)
    if not isinstance(ids, str) or not re.fullmatch(r"\d{12}", ids) or not link \
            or not link.region:
        return None  # unresolved, or several registries: no `registry` output
    return A.registry_host(ids, link.region)


def _image(run: R.JobRun, step: wm.Step, word: Optional[str], link, github,
           line: Optional[int]) -> Optional[str]:
    """A docker image reference with what the workflow tells substituted; None if unknown."""
    if not isinstance(word, str):
        return None
    s = _SHA.sub("0" * 40, word)
    s = run.resolve(s, step, github, line)
    if not isinstance(s, str):
        return None
    s = _REGISTRY_OUT.sub(lambda m: _login_registry(run, m.group(1), link, github)
                          or m.group(0), s)
    s = _SHA.sub("0" * 40, s)
    if "$" in s:  # a tag not known (`:edge-$GITHUB_RUN_NUMBER`) still names its repository
        repo, colon, tag = s.rpartition(":")
        return f"{repo}:tag" if colon and repo and "$" not in repo and "/" not in tag else None
    return s


def _account(link: R.RoleLink) -> str:
    """The assumed role's account, `iam.UNKNOWN_ACCOUNT` when its ARN does
    not say (the deploy's ECS and CodeDeploy resources are in that account)."""
    return L.account_of_arn(link.resolved or "") or link.role.account or I.UNKNOWN_ACCOUNT


def _service_arn(run: R.JobRun, step: wm.Step, link: Optional[R.RoleLink], github):
    if link is None or link.role is None or not link.region:
        return None
    account = _account(link)
    service = run.expand(step.with_.get("service"), step, github)
    cluster = run.expand(step.with_.get("cluster", "default"), step, github)
    if not account or not isinstance(service, str) or not isinstance(cluster, str) \
            or R.unresolved(service) or R.unresolved(cluster):
        return None
    if service.strip().startswith("arn:"):  # the API takes the service's ARN too
        return service.strip()
    cluster = cluster.rsplit("/", 1)[-1] if cluster.startswith("arn:") else cluster
    return f"arn:{A.partition(link.region)}:ecs:{link.region}:{account}:service/{cluster}/{service}"


def deployment_controller(idx: Index, run: R.JobRun, step: wm.Step, github) -> Optional[str]:
    """The deployment controller (ECS, CODE_DEPLOY, ...) of the service a deploy
    step updates, when one service definition of that name and cluster was read."""
    if step.uses != A.DEPLOY or not idx.services:
        return None
    service = run.expand(step.with_.get("service"), step, github)
    cluster = run.expand(step.with_.get("cluster", "default"), step, github)
    if not isinstance(service, str) or R.unresolved(service):
        return None
    service = service.strip()
    if service.startswith("arn:"):  # DescribeServices takes the ARN: service/CLUSTER/NAME
        parts = service.split(":", 5)[-1].split("/")
        if len(parts) == 3 and isinstance(cluster, str) and not R.unresolved(cluster) \
                and parts[1] != cluster.strip().rsplit("/", 1)[-1]:
            return None  # not the cluster the action names
        service = parts[-1]
    kinds = set()
    for d in idx.services.get(service, []):
        c = text_of(d.data.get("cluster"))
        if c and isinstance(cluster, str) and not R.unresolved(cluster) \
                and c.rsplit("/", 1)[-1] != cluster.strip().rsplit("/", 1)[-1]:
            continue
        ctl = d.data.get("deploymentController")
        kinds.add(text_of(ctl.get("type")) if isinstance(ctl, dict) else "ECS")
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def registry_login_link(run: R.JobRun, step: wm.Step) -> Optional[R.RoleLink]:
    """The role the job ran under when it last logged Docker in to ECR, before
    or in `step` (`amazon-ecr-login`, or `aws ecr get-login-password | docker login`):
    docker pushes and pulls present that login's token, whatever role the job
    has assumed since. None without such a login."""
    for s in reversed(run.job.steps[:step.index + 1]):  # (the step itself may log in)
        if A.ecr_login_kind(s.uses, s.with_) or (s.run is not None and (_logs_in_to_ecr(s) or any(
                shell.aws_operation(c)[:2] == ("ecr", "get-login-password")
                for cmds in s.scripts.values() for c in _with_own_credentials(cmds)))):
            return run.role_at.get(s.index)
    return None


def by_docker(need: Need) -> bool:
    """Is the need a docker client's registry call (not the AWS CLI's)?"""
    return need.action in A.ECR_PUSH + A.ECR_PULL \
        and need.why.lstrip("`").startswith(A.REGISTRY_CLIENTS)


def step_needs(run: R.JobRun, step: wm.Step, link: R.RoleLink, github,
                controller: Optional[str] = None) -> List[Need]:
    out: List[Need] = []
    ecr_login = any(A.ecr_login_kind(s.uses, s.with_) for s in run.job.steps)
    if step.uses:
        with_ = step.with_
        if A.action_name(step.uses) == A.DOCKER_LOGIN and "registry" in with_:
            with_ = {**with_, "registry": run.expand(with_["registry"], step, github)}
        needs = A.action_step_needs(step.uses, with_, controller)
        on_service = ("ecs:UpdateService", "ecs:DescribeServices")
        service_arn = _service_arn(run, step, link, github) \
            if any(action in on_service for action, _ in needs) else None
        for action, why in needs:
            out.append(Need(action, why, step, run, link,
                            service_arn if action in on_service else None))
        if step.uses == A.DEPLOY:
            cluster = run.expand(step.with_.get("cluster"), step, github)
            out = _scope_tasks(out, link, cluster or "default", link.region if link else None)
            out = _scope_codedeploy(out, run, step, link, github)
            out += _ebs_role_needs(run, step, link, github)
        if step.uses in (A.BUILD_PUSH, A.BAKE):
            return _build_push_needs(run, step, link, github, out, ecr_login)
        return out
    if step.run is None:
        return out
    # (up to a switch of credentials, after which the calls are another role's;
    # from where the keys of the role its `aws sts assume-role-with-web-identity`
    # assumed are set, when it is that role's)
    assumed_at = link.use.line if link is not None and link.use.step is step else None
    out += _command_needs(run, step, link, github,
                          _with_own_credentials(wm.commands(step), assumed_at), ecr_login)
    for script, cmds in step.scripts.items():  # the repository's scripts it runs
        view = dataclasses.replace(step, _commands=_with_own_credentials(cmds), scripts={})
        login = ecr_login or _logs_in_to_ecr(view)
        out += [dataclasses.replace(n, step=step, script_line=None, command=None,
                                    why=f"{n.why} ({script})")
                for n in _command_needs(run, view, link, github, wm.commands(view), login)]
    return out


# a command after which the script's AWS calls run as someone else
_OTHER_CREDENTIALS = re.compile(r"^(?:AWS_PROFILE|AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN|"
                                r"AWS_WEB_IDENTITY_TOKEN_FILE|AWS_ROLE_ARN)$")
# the keys of a role session, as a script puts them in its environment
_SESSION_KEYS = re.compile(r"^(?:AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$")
# STS calls sent unsigned: they need no credentials, and no permission (the
# assumed role's trust policy alone decides)
_UNSIGNED = ("assume-role-with-web-identity", "assume-role-with-saml")


def _with_own_credentials(cmds: List[shell.Command],
                          assumed_at: Optional[int] = None) -> List[shell.Command]:
    """A script's commands that run with the step's credentials, up to the
    first that switches to other ones (`aws sts assume-role`, itself included:
    the step's role calls it; `export AWS_PROFILE=...`; `--profile`): after it
    the calls are a role's that ecs-lint does not know. `aws sts
    assume-role-with-web-identity` is sent unsigned: it is not one of them.
    With `assumed_at`, the script line of the one whose role the step runs as
    (`runs.py`): the commands from where the script puts that role's keys in
    its environment (before that, it runs with the credentials it had)."""
    out = []
    waiting = assumed_at is not None  # for the assumed role's keys
    for c in cmds:
        service, op, _ = shell.aws_operation(c)
        unsigned = service == "sts" and op in _UNSIGNED
        keys = (c.name in _SETTERS + ("eval", "") and _sets_credentials(c, _SESSION_KEYS))
        if waiting:
            waiting = not (keys and c.line >= assumed_at)
            continue
        if assumed_at is not None and (keys or unsigned and c.line == assumed_at):
            continue  # its other keys, or the assume itself (`read ... < <(aws sts ...)`)
        if "--profile" in c.argv or _sets_credentials(c, _OTHER_CREDENTIALS) or unsigned:
            break
        out.append(c)
        if service == "sts" and op != "get-caller-identity":
            break
    return out


_SETTERS = ("export", "read", "declare", "typeset", "local", "readonly")


def _sets_credentials(c: shell.Command, names) -> bool:
    """Does the command set a variable `names` matches: `X=...` (before a
    command too), `export X ...`, `read -r X ...`, `declare`/`typeset`/`local`
    of one, `export $(... X=...)`, or `eval` of what a command prints (`eval
    "$(aws configure export-credentials --format env)"`)?"""
    if any(names.match(k) for k in c.assigns):
        return True
    if c.name == "eval":
        return any("AWS_" in a or "aws " in a for a in c.argv[1:])
    if c.name not in _SETTERS:
        return False
    words = [w for a in c.argv[1:] if not a.startswith("-")
             for w in ([a.split("=", 1)[0]] if not a.startswith(("$(", "`"))
                       else re.findall(r"AWS_\w+", a))]  # (the names a substitution prints)
    return any(names.match(w) for w in words)


def _logs_in_to_ecr(step: wm.Step) -> bool:
    return any(shell.aws_operation(c)[:2] == ("ecr", "get-login-password")
               for c in wm.commands(step))


def _command_needs(run: R.JobRun, step: wm.Step, link: R.RoleLink, github,
                   cmds: List[shell.Command], ecr_login: bool) -> List[Need]:
    """What the `aws` and `docker` commands `cmds` of a run step call."""
    out: List[Need] = []
    for cmd in cmds:
        line = cmd.line
        service, op, rest = shell.aws_operation(cmd)
        if service:
            shown = f"aws {service} {op}" + (f" {rest[0]}" if op == "wait" and rest else "")
            mine = []

            def option(flag):  # a literal, or a variable the step's env or script sets
                value = shell.option(cmd, flag)
                if isinstance(value, str) and "$" in value:
                    value = run.resolve(value, step, github, cmd.line)
                return value

            for a in A.cli_actions(service, op, rest) or ():
                arn = _cli_service_arn(cmd, op, rest, link, option) \
                    if a in ("ecs:UpdateService", "ecs:DescribeServices") else \
                    _cli_deployment_group_arn(link, option) \
                    if a == "codedeploy:CreateDeployment" else \
                    _cli_log_group_arn(rest, link, option) \
                    if a == "logs:FilterLogEvents" and op == "tail" else \
                    _literal_arn(option("--role-arn"), "iam") \
                    if a == "sts:AssumeRole" else None
                if a.startswith(("ssm:GetParameter", "secretsmanager:")) and link is not None:
                    for each in _named_arns(a, cmd, link, option) or [None]:
                        mine.append(Need(a, f"`{shown}`", step, run, link, each, line,
                                         " ".join(cmd.argv[:2])))
                    continue
                mine.append(Need(a, f"`{shown}`", step, run, link, arn, line,
                                 " ".join(cmd.argv[:2])))
            if service == "ecs" and mine:
                mine = _scope_tasks(mine, link, option("--cluster") or "default",
                                    option("--region") or (link.region if link else None),
                                    option("--task-definition"), option("--container"))
            if service == "ecs" and op in ("run-task", "start-task"):
                mine += [Need("iam:PassRole", f"`{shown}` with --overrides {field}", step, run,
                              link, arn, line, " ".join(cmd.argv[:2]),
                              (("iam:PassedToService", ECS_TASKS),))
                         for field, arn in _override_roles(option("--overrides"), link)]
            if service == "cloudformation" and op in _CFN_ROLE_CALLS and link is not None \
                    and link.role is not None:
                # the stack's service role, handed to CloudFormation on every call that
                # names it (CloudFormation User Guide, "service role": iam:PassRole)
                value = option("--role-arn")
                arn = role_arn(value, _account(link), partition_of(link)) \
                    if isinstance(value, str) and not any(c in value for c in "$`{}*?") else None
                if arn:
                    mine.append(Need("iam:PassRole", f"`{shown}` with --role-arn", step, run,
                                     link, arn, line, " ".join(cmd.argv[:2]),
                                     (("iam:PassedToService", "cloudformation.amazonaws.com"),)))
            region = _command_region(step, option)
            if region and link is not None and region != link.region:
                # sent to another region's endpoint: aws:RequestedRegion is that region
                mine = [dataclasses.replace(n, context=n.context + (
                    ("aws:RequestedRegion", region),)) for n in mine]
            out.extend(mine)
            continue
        tool = wm.deploy_tool(cmd)
        if tool is not None and tool[0] == "ecs-deploy" and cmd.name != "docker":
            # silintl's script: the service's current revision described,
            # the new one registered, the service updated and watched
            named = [a for a in ("-n", "--service-name") if a in cmd.argv]
            for a in A.SILINTL_CALLS if named else A.SILINTL_CALLS[:2]:
                out.append(Need(a, "`ecs-deploy` (silintl's script)", step, run, link, None,
                                line, cmd.argv[0]))
            continue
        if tool is not None and tool[0] == "ecs deploy":
            out += _fabfuel_needs(run, step, link, github, cmd)
            continue
        images = {}  # word -> image: a push needs five actions on one image
        for action, why, word in A.docker_needs(cmd.argv):
            if word not in images:
                images[word] = _image(run, step, word, link, github, cmd.line)
            image = images[word]
            public = A.ecr_public_repository(image)
            if public is not None and action in A.ECR_PUSH and link is not None \
                    and link.role is not None:  # (pulls from ECR Public are anonymous)
                account = L.account_of_arn(link.resolved or "") or link.role.account
                if account:  # ECR Public: its own actions, repositories without a region
                    out.append(Need("ecr-public:" + action[4:], f"`{why}`", step, run, link,
                                    f"arn:aws:ecr-public::{account}:repository/{public}",
                                    line, " ".join(cmd.argv[:2])))
                continue
            if image is not None and A.is_other_registry(image):
                break
            arn = A.ecr_repository_arn(image)
            if arn is None and not ecr_login:
                break
            out.append(Need(action, f"`{why}`", step, run, link, arn, line,
                            " ".join(cmd.argv[:2])))
    return out


# fabfuel's options that make it call AWS with other credentials than the step's
_FABFUEL_OTHER_CREDENTIALS = ("--profile", "--access-key-id", "--account", "--assume-role")


def _fabfuel_needs(run: R.JobRun, step: wm.Step, link: R.RoleLink, github,
                   cmd: shell.Command) -> List[Need]:
    """What fabfuel's `ecs deploy CLUSTER SERVICE` calls (`A.FABFUEL_CALLS`; the
    waits unless `--timeout -1`; DeregisterTaskDefinition unless
    `--no-deregister`), on the service's ARN when CLUSTER and SERVICE are
    known, and iam:PassRole on the roles `-r`/`-x` put in the new revision;
    nothing when it runs with other credentials (`--profile`, `--account`...)."""
    argv = cmd.argv
    if any(a.split("=", 1)[0] in _FABFUEL_OTHER_CREDENTIALS for a in argv):
        return []

    def value(word):  # a literal, or a variable the step's env or script sets
        return run.resolve(word, step, github, cmd.line) \
            if isinstance(word, str) and "$" in word else word

    after = argv[argv.index("deploy") + 1:] if "deploy" in argv else []
    cluster, service = (value(after[0]), value(after[1])) if len(after) > 1 and not any(
        a.startswith("-") for a in after[:2]) else (None, None)
    region = value(wm._option(argv, ("--region",))) or (link.region if link else None)
    arn = _ecs_service_arn(link, cluster, service, region)
    actions = list(A.FABFUEL_CALLS)
    if wm._option(argv, ("--timeout",)) != "-1":
        actions += A.FABFUEL_WAIT
    kept = [a for a in argv if a in ("--deregister", "--no-deregister")]
    if not kept or kept[-1] == "--deregister":
        actions.append(A.FABFUEL_DEREGISTER)
    why = "`ecs deploy` (fabfuel's ecs-deploy)"
    out = [Need(a, why, step, run, link, arn if a in ("ecs:UpdateService",
                                                      "ecs:DescribeServices") else None,
                cmd.line, " ".join(argv[:2])) for a in actions]
    out = _scope_tasks(out, link, cluster, region)
    if link is None or link.role is None:
        return out
    for flags in (("-r", "--role"), ("-x", "--execution-role")):
        given = value(wm._option(argv, flags))
        role = role_arn(given, _account(link), partition_of(link)) \
            if isinstance(given, str) and not any(c in given for c in "$`{}*?") else None
        if role:
            out.append(Need("iam:PassRole", f"{why} with {flags[1]}", step, run, link, role,
                            cmd.line, " ".join(argv[:2]), (("iam:PassedToService", ECS_TASKS),)))
    return out


def _literal_arn(value, service: str) -> Optional[str]:
    """`value` when it is a whole ARN of `service` with nothing left to resolve."""
    if isinstance(value, str) and re.fullmatch(rf"arn:[\w-]+:{service}::\d{{12}}:[\w+=,.@/-]+",
                                               value.strip()):
        return value.strip()
    return None


def _command_region(step: wm.Step, option) -> Optional[str]:
    """The region an `aws` command sends to: its `--region`, else the step's
    `AWS_REGION`/`AWS_DEFAULT_REGION` env (the CLI's order); None: the
    credentials' region."""
    for value in (option("--region"), step.env.get("AWS_REGION"),
                  step.env.get("AWS_DEFAULT_REGION")):
        if isinstance(value, str) and re.fullmatch(r"[a-z]{2}(?:-[a-z]+)+-\d", value.strip()):
            return value.strip()
    return None


def chain_needs(run: R.JobRun, step: wm.Step, before: Optional[R.RoleLink],
                after: Optional[R.RoleLink]) -> List[Need]:
    """configure-aws-credentials with `role-chaining: true` assumes its role
    with the credentials of the role before it: `sts:AssumeRole` on that role's
    ARN, and `sts:TagSession` (the action tags the session unless
    `role-skip-session-tagging`), asked of the role before. Counted when the
    two roles are in different accounts, where the caller's own policies must
    allow it (in one account a trust policy naming the caller is enough)."""
    if step.uses != A.CONFIGURE or wm._truthy(step.with_.get("role-chaining")) is not True \
            or before is None or before.role is None or after is None \
            or after.use.step is not step or not isinstance(after.resolved, str):
        return []
    target = after.resolved
    mine = L.account_of_arn(before.resolved or "") or before.role.account
    theirs = L.account_of_arn(target)
    if not mine or not theirs or mine == theirs or not target.startswith("arn:"):
        return []
    why = "configure-aws-credentials (`role-chaining: true`, assuming the next role)"
    out = [Need("sts:AssumeRole", why, step, run, before, target)]
    if wm._truthy(step.with_.get("role-skip-session-tagging")) is not True:
        out.append(Need("sts:TagSession", why + " with session tags", step, run, before, target))
    return out


def _build_push_needs(run: R.JobRun, step: wm.Step, link: R.RoleLink, github,
                      out: List[Need], ecr_login: bool) -> List[Need]:
    """docker/build-push-action: the push actions on each ECR repository its
    tags push to, and on each one a `cache-to` registry ref exports the build
    cache to (the same layer and manifest uploads, whether or not it pushes)."""
    cache = []
    refs = A.cache_to_refs(run.resolve(step.with_.get("cache-to"), step, github))
    for arn in dict.fromkeys(A.ecr_repository_arn(_image(run, step, r, link, github, None))
                             for r in refs):
        if arn:
            cache += [Need(a, "docker/build-push-action (exporting the build cache, "
                           "`cache-to`)", step, run, link, arn) for a in A.ECR_PUSH]
    if out:
        if step.uses == A.BAKE:  # the tags of its `set` lines (else the bake file's)
            tags = A.bake_tags(run.resolve(step.with_.get("set"), step, github))
        else:
            tags = run.resolve(step.with_.get("tags"), step, github)
            tags = [t.strip() for t in re.split(r"[,\n]", tags)] if isinstance(tags, str) else []
        tags = [t for t in tags if t]
        cache += _public_push_needs(run, step, link, github, tags)
        if tags and all(A.is_other_registry(t) for t in tags):
            out = []
        elif not ecr_login and not any(A.ecr_repository_arn(t) for t in tags):
            out = []
        else:
            # each ECR repository pushed to is a resource the push actions need
            images = [_image(run, step, t, link, github, None) for t in tags
                      if not A.is_other_registry(t)]
            arns = list(dict.fromkeys(A.ecr_repository_arn(i) for i in images))
            if arns and None not in arns:
                out = [Need(n.action, n.why, step, run, link, arn if n.resource is None
                            and n.action in A.ECR_PUSH else n.resource)
                       for n in out for arn in arns]
    return list({(n.action, n.resource): n for n in out + cache}.values())


def _public_push_needs(run: R.JobRun, step: wm.Step, link, github, tags) -> List[Need]:
    """The `ecr-public:` push actions on each ECR Public repository
    (`public.ecr.aws/ALIAS/NAME`) docker/build-push-action's tags push to."""
    account = (L.account_of_arn(link.resolved or "") or link.role.account) \
        if link is not None and link.role is not None else None
    if not account:
        return []
    out = []
    for t in tags:
        public = A.ecr_public_repository(_image(run, step, t, link, github, None))
        if public is not None:
            out += [Need("ecr-public:" + a[4:], "docker/build-push-action (pushing to ECR "
                         "Public)", step, run, link,
                         f"arn:aws:ecr-public::{account}:repository/{public}")
                    for a in A.ECR_PUSH]
    return out


def _scope_codedeploy(needs: List[Need], run: R.JobRun, step: wm.Step,
                      link: Optional[R.RoleLink], github) -> List[Need]:
    """Resources of the deploy action's CodeDeploy calls (its index.js: the
    application and deployment group from `codedeploy-application` and
    `codedeploy-deployment-group`, else `AppECS-CLUSTER-SERVICE` and
    `DgpECS-CLUSTER-SERVICE`): GetDeploymentGroup, CreateDeployment and
    GetDeployment are authorized on `deploymentgroup:APP/GROUP`,
    RegisterApplicationRevision on `application:APP`, GetDeploymentConfig on
    `deploymentconfig:NAME` (`codedeploy-deployment-config`; the group's own
    config, unknown, when unset) (Service Authorization Reference, CodeDeploy)."""
    if not any(n.action.startswith("codedeploy:") for n in needs) or link is None \
            or link.role is None or not link.region:
        return needs
    account = _account(link)

    def value(key, default=None):
        v = run.expand(step.with_.get(key), step, github)
        v = v.strip() if isinstance(v, str) and v.strip() else default
        return None if not isinstance(v, str) or R.unresolved(v) \
            or any(c in v for c in "$`{}*?") else v

    cluster, service = value("cluster", "default"), value("service")
    # (the action builds the default names from the inputs as written, a
    # cluster's ARN included: `AppECS-${cluster}-${service}`, index.js)
    where = None if not cluster or not service else f"{cluster}-{service}"
    app = value("codedeploy-application", where and "AppECS-" + where)
    group = value("codedeploy-deployment-group", where and "DgpECS-" + where)
    config = value("codedeploy-deployment-config")
    if not account:
        return needs
    base = f"arn:{A.partition(link.region)}:codedeploy:{link.region}:{account}:"
    on = {"codedeploy:GetDeploymentGroup": app and group and f"deploymentgroup:{app}/{group}",
          "codedeploy:RegisterApplicationRevision": app and f"application:{app}",
          "codedeploy:GetDeploymentConfig": config and f"deploymentconfig:{config}"}
    on["codedeploy:CreateDeployment"] = on["codedeploy:GetDeployment"] = \
        on["codedeploy:GetDeploymentGroup"]
    return [dataclasses.replace(n, resource=base + on[n.action])
            if n.resource is None and on.get(n.action) else n for n in needs]


_SHORTHAND_ROLE = lazy_re(r"(?:^|,)\s*(taskRoleArn|executionRoleArn)=([^,\s\[\]{}]+)")


_EBS_INPUTS = {"service-managed-ebs-volume": "ecs:UpdateService",
               "run-task-managed-ebs-volume": "ecs:RunTask"}


def _ebs_role_needs(run: R.JobRun, step: wm.Step, link: R.RoleLink, github) -> List[Need]:
    """The deploy action's `service-managed-ebs-volume` / `run-task-managed-ebs-volume`
    (JSON with a `roleArn`): UpdateService or RunTask hands ECS that
    infrastructure role, which needs `iam:PassRole` on it for ecs.amazonaws.com."""
    if link is None or link.role is None:
        return []
    out = []
    account = L.account_of_arn(link.resolved or "") or link.role.account
    for key, call in _EBS_INPUTS.items():
        text = run.expand(step.with_.get(key), step, github)
        if not isinstance(text, str) or not text.strip().startswith("{"):
            continue
        try:
            value = json.loads(text).get("roleArn")
        except (ValueError, AttributeError):
            continue
        arn = role_arn(value, account, partition_of(link)) if isinstance(value, str) \
            and not any(c in value for c in "$`{}*?") else None
        if arn:
            out.append(Need("iam:PassRole", f"{call} with `{key}` (its roleArn)", step, run,
                            link, arn, None, None, (("iam:PassedToService", ECS_SERVICE),)))
    return out


_CFN_ROLE_CALLS = ("deploy", "create-stack", "update-stack", "create-change-set",
                   "delete-stack", "create-stack-set", "update-stack-set")


def _override_roles(overrides, link: Optional[R.RoleLink]) -> List[Tuple[str, str]]:
    """[(field, role ARN)] of the `taskRoleArn`/`executionRoleArn` a run-task
    `--overrides` (JSON, or the CLI's shorthand) gives: RunTask passes them to
    ECS, so it needs `iam:PassRole` on each (as for a task definition's roles)."""
    if not isinstance(overrides, str) or link is None or link.role is None:
        return []
    text = overrides.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return []
        pairs = [(f, data.get(f)) for f in ("taskRoleArn", "executionRoleArn")] \
            if isinstance(data, dict) else []
    else:
        pairs = _SHORTHAND_ROLE.findall(text)
    account = L.account_of_arn(link.resolved or "") or link.role.account
    part = partition_of(link)
    out = []
    for field_name, value in pairs:
        arn = role_arn(value, account, part) if isinstance(value, str) \
            and not any(c in value for c in "$`{}*?") else None
        if arn:
            out.append((field_name, arn))
    return out


def _scope_tasks(needs: List[Need], link: Optional[R.RoleLink], cluster, region,
                 task_definition=None, container=None) -> List[Need]:
    """Resources and keys of RunTask, DescribeTasks and ExecuteCommand when the
    cluster is known (a literal, or the deploy action's `default`): DescribeTasks
    is authorized on the cluster's task ARNs (`task/CLUSTER/ID`, the ID unknown
    beforehand: a policy must grant `task/CLUSTER/*` or wider, not the cluster's
    ARN), RunTask on the task definition's revision ARN with `ecs:cluster` in its
    request, ExecuteCommand with `ecs:cluster` and `ecs:container-name` (Service
    Authorization Reference, Amazon ECS)."""
    if not any(n.action in ("ecs:RunTask", "ecs:StartTask", "ecs:DescribeTasks",
                            "ecs:ExecuteCommand") for n in needs):
        return needs
    account = _account(link) if link is not None and link.role is not None else None
    if not account or not isinstance(region, str) or not isinstance(cluster, str) \
            or any(c in v for v in (cluster, region) for c in "$`{}*?") or not cluster.strip():
        return needs
    name = cluster.strip().rsplit("/", 1)[-1]
    base = f"arn:{A.partition(region)}:ecs:{region}:{account}:"
    td_arn = _task_definition_arn(task_definition, base)
    out = []
    for n in needs:
        if n.action == "ecs:DescribeTasks" and n.resource is None:
            n = dataclasses.replace(n, resource=base + f"task/{name}/*")
        elif n.action in ("ecs:RunTask", "ecs:StartTask"):
            n = dataclasses.replace(n, resource=n.resource or td_arn,
                                    context=(("ecs:cluster", base + "cluster/" + name),))
        elif n.action == "ecs:ExecuteCommand":
            known = isinstance(container, str) and re.fullmatch(r"[\w-]+", container)
            n = dataclasses.replace(n, context=(("ecs:cluster", base + "cluster/" + name),)
                                    + ((("ecs:container-name", container),) if known else ()))
        out.append(n)
    return out


def _task_definition_arn(value, base: str) -> Optional[str]:
    """The revision ARN RunTask is authorized on for a `--task-definition` value
    (`FAMILY:REVISION`, `FAMILY` or an ARN): a bare family runs its latest
    ACTIVE revision, whose number is not known here: `FAMILY:*` allows it, and
    so does a template's `Ref` of the task definition (the revision its stack
    registered may be the latest: `cloudformation.STACK_REVISION`)."""
    from ecs_lint.cloudformation import STACK_REVISION

    latest = ":" + STACK_REVISION
    td = value.strip() if isinstance(value, str) else ""
    if td.startswith("arn:") and ":task-definition/" in td:
        family = td.split(":task-definition/", 1)[1]
        if re.fullmatch(r"[\w-]+", family):
            return td + latest
        return td if re.fullmatch(r"[\w-]+:\d+", family) else None
    if re.fullmatch(r"[\w-]+(:\d+)?", td):
        return base + "task-definition/" + (td if ":" in td else td + latest)
    return None


def _cli_service_arn(cmd, op: str, rest, link: Optional[R.RoleLink], option) -> Optional[str]:
    """The service ARN of `aws ecs update-service`/`describe-services`/`wait
    services-stable` when the cluster and the one service are known (`option`:
    a flag's value, with the variables the step sets)."""
    if link is None or link.role is None:
        return None
    if op == "wait" and not (rest and str(rest[0]).lower() == "services-stable"):
        return None
    flag = "--service" if op == "update-service" else "--services"
    name = option(flag)
    if flag in cmd.argv:
        after = cmd.argv[cmd.argv.index(flag) + 2:][:1]
        if after and not after[0].startswith("-"):
            return None  # several services: each is its own resource
    return _ecs_service_arn(link, option("--cluster") or "default", name,
                            option("--region") or link.region)


def _ecs_service_arn(link: Optional[R.RoleLink], cluster, name, region) -> Optional[str]:
    """The ARN of service `name` of `cluster` (a name or an ARN) in `region`, in
    the role's account; None when any of them is not known."""
    account = _account(link) if link is not None and link.role is not None else None
    if not isinstance(name, str) or not isinstance(cluster, str) or not isinstance(region, str) \
            or not name or not account or not region or any(
            c in v for v in (name, cluster, region) for c in "$`{}*?"):
        return None
    if name.startswith("arn:"):
        return name
    cluster = cluster.rsplit("/", 1)[-1] if cluster.startswith("arn:") else cluster
    return f"arn:{A.partition(region)}:ecs:{region}:{account}:service/{cluster}/{name}"


_NAME = lazy_re(r"[\w./+=@:-]{1,2048}")


def _named_arns(action: str, cmd, link: R.RoleLink, option) -> List[str]:
    """The resources of `aws ssm get-parameter(s)`/`get-parameters-by-path`
    (`parameter/NAME`, and the path itself for a path: SSM authorizes that)
    and of a Secrets Manager call on a `--secret-id` (its ARN, or for a name
    the ARN with the six characters AWS adds: `iam.UNKNOWN_SUFFIX`). [] when
    a name is not written out."""
    region = option("--region") or link.region
    account = _account(link)
    if not isinstance(region, str) or any(c in region for c in "$`{}*?"):
        return []
    base = f"arn:{A.partition(region)}:{action.split(':')[0]}:{region}:{account}:"
    if action == "ssm:GetParameters":  # `--names a b c`: the words up to the next option
        at = cmd.argv.index("--names") if "--names" in cmd.argv else len(cmd.argv)
        names = []
        for w in cmd.argv[at + 1:]:
            if w.startswith("-"):
                break
            names.append(w)
    else:
        names = [option("--path" if action == "ssm:GetParametersByPath" else
                        "--name" if action.startswith("ssm:") else "--secret-id")]
    out = []
    for name in names:
        if not isinstance(name, str) or not _NAME.fullmatch(name.strip()):
            return []
        name = name.strip()
        if action.startswith("ssm:"):
            if name.startswith("arn:"):
                out.append(name)
            else:
                out.append(base + "parameter/" + name.strip("/"))
        elif name.startswith("arn:"):
            out.append(name)
        else:
            out.append(base + "secret:" + name + "-" + I.UNKNOWN_SUFFIX)
    return out


def _cli_log_group_arn(rest, link: Optional[R.RoleLink], option) -> Optional[str]:
    """The log group of `aws logs tail GROUP` when literal:
    `arn:...:logs:REGION:ACCOUNT:log-group:GROUP:*` (FilterLogEvents is
    authorized on the log group; see `log_group_forms` for the `:*`)."""
    if link is None or link.role is None or not rest:
        return None
    name = rest[0]
    region = option("--region") or link.region
    account = _account(link)
    if not account or not region or name.startswith("-") or not re.fullmatch(
            r"[\w./#-]{1,512}", name) or any(c in region for c in "$`{}*?"):
        return None
    return f"arn:{A.partition(region)}:logs:{region}:{account}:log-group:{name}:*"


def log_group_forms(resource: Optional[str]) -> list:
    """The ARNs a log group's request may be matched as: policies grant it as
    `log-group:NAME:*` (the ARN CloudWatch Logs shows) or `log-group:NAME`."""
    if resource and ":log-group:" in resource and resource.endswith(":*"):
        return [resource, resource[:-2]]
    return [resource]


def _cli_deployment_group_arn(link: Optional[R.RoleLink], option) -> Optional[str]:
    """`deploymentgroup:APP/GROUP` of `aws deploy create-deployment` with a
    literal `--application-name` and `--deployment-group-name` (CreateDeployment
    is authorized on the deployment group: Service Authorization Reference)."""
    if link is None or link.role is None:
        return None
    app, group = option("--application-name"), option("--deployment-group-name")
    region = option("--region") or link.region
    account = _account(link)
    if not app or not group or not account or not region or any(
            c in v for v in (app, group, region) for c in "$`{}*?/"):
        return None
    return f"arn:{A.partition(region)}:codedeploy:{region}:{account}:deploymentgroup:{app}/{group}"


def _has_tags(data) -> bool:
    """A task definition whose `tags` the register request carries (the deploy
    action drops empty values before registering)."""
    tags = data.get("tags") if isinstance(data, dict) else None
    return isinstance(tags, list) and any(
        isinstance(t, dict) and any(v not in (None, "") for v in t.values()) for t in tags)


def tag_needs(idx: Index, run: R.JobRun, step: wm.Step, link: R.RoleLink, github, ctx,
               needs: List[Need], taskdefs: List[Document]) -> List[Need]:
    """`ecs:TagResource` for a register or run request that carries tags: ECS
    authorizes tagging on create as a second action (Amazon ECS guide, "Grant
    permission to tag resources on creation": RegisterTaskDefinition, RunTask).
    `taskdefs`: the step's `step_taskdefs` (when it registers or runs one)."""
    if step.uses == A.DEPLOY:
        out = []
        tagged = [td for td in taskdefs if _has_tags(td.data)]
        if any(n.action == "ecs:RegisterTaskDefinition" for n in needs) and tagged:
            out.append(Need("ecs:TagResource", "amazon-ecs-deploy-task-definition registers a "
                            "task definition with tags", step, run, link,
                            new_revisions(tagged, link),
                            context=(("ecs:CreateAction", "RegisterTaskDefinition"),)))
        if any(n.action == "ecs:RunTask" for n in needs):
            raw = run.expand(step.with_.get("run-task-tags"), step, github)
            try:
                tags = json.loads(raw) if isinstance(raw, str) and not R.unresolved(raw) else None
            except ValueError:
                tags = None
            if isinstance(tags, list) and tags:
                out.append(Need("ecs:TagResource", "amazon-ecs-deploy-task-definition runs a "
                                "task with `run-task-tags`", step, run, link,
                                context=(("ecs:CreateAction", "RunTask"),)))
        return out
    out: List[Need] = []
    if step.run is None:
        return out
    for cmd in wm.commands(step):
        service, op, _ = shell.aws_operation(cmd)
        if service != "ecs" or op not in _TAG_ON_CREATE:
            continue
        tagged = shell.option(cmd, "--tags") is not None
        cli = shell.option(cmd, "--cli-input-json")
        if not tagged and op == "register-task-definition" and cli:
            tagged = any(_has_tags(td.data)
                         for td in _cli_input_taskdefs(idx, run, step, github, ctx, cmd))
        if tagged:
            out.append(Need("ecs:TagResource", f"`aws ecs {op}` with tags", step, run, link,
                            None, cmd.line, " ".join(cmd.argv[:2]),
                            (("ecs:CreateAction", A.pascal(op)),)))
    return out


def new_revisions(taskdefs: List[Document], link: R.RoleLink) -> Optional[str]:
    """The ARN of the revision a register makes of the task definitions' one
    family (`task-definition/FAMILY:*`: its number not known beforehand), in
    the role's account and the step's region: what tagging it on create is
    authorized on. None when the family or region is not known."""
    families = {text_of(td.data.get("family")) for td in taskdefs}
    family = families.pop() if len(families) == 1 else None
    region = link.region if link is not None else None
    if not isinstance(family, str) or not re.fullmatch(r"[\w-]{1,255}", family) \
            or link.role is None or not isinstance(region, str) \
            or not re.fullmatch(r"[a-z]{2}(?:-[a-z]+)+-\d", region):
        return None
    return f"arn:{A.partition(region)}:ecs:{region}:{_account(link)}:task-definition/{family}:*"


# the `aws ecs` commands whose request may carry tags, which ECS authorizes
# as `ecs:TagResource` with `ecs:CreateAction` (Amazon ECS guide, "Grant
# permission to tag resources on creation")
_TAG_ON_CREATE = ("register-task-definition", "run-task", "start-task", "create-service",
                  "create-task-set", "create-cluster", "create-capacity-provider")


def run_task_definition(needs: List[Need], taskdefs: List[Document]) -> List[Need]:
    """The deploy action runs the revision it has just registered: RunTask's
    resource is `task-definition/FAMILY:REVISION`, the revision not known
    beforehand (`FAMILY:*` matches what a policy must allow)."""
    families = {text_of(td.data.get("family")) for td in taskdefs}
    if len(families) != 1 or None in families:
        return needs
    family = families.pop()
    return [_on_revisions(n, family) for n in needs]


def _on_revisions(n: Need, family: str) -> Need:
    """RunTask on every revision of FAMILY (`task-definition/FAMILY:*`), in the
    region and account of its cluster, when its resource is not known yet."""
    cluster = dict(n.context).get("ecs:cluster", "")
    if n.action == "ecs:RunTask" and n.resource is None and ":cluster/" in cluster:
        n = dataclasses.replace(n, resource=cluster.split("cluster/", 1)[0]
                                + f"task-definition/{family}:*")
    return n


_TD_ARN_PATH = lazy_re(r"^\.?taskDefinition\.taskDefinitionArn$")


def run_registered(idx: Index, run: R.JobRun, step: wm.Step, github, ctx,
                    needs: List[Need]) -> List[Need]:
    """`aws ecs run-task --task-definition "$VAR"` where VAR holds the ARN that an
    earlier `aws ecs register-task-definition` of the script printed: it runs
    the new revision of the family registered (RunTask is authorized on
    `task-definition/FAMILY:REVISION`, so a policy must allow `FAMILY:*`)."""
    cmds = wm.commands(step)
    for cmd in cmds:
        if shell.aws_operation(cmd)[:2] != ("ecs", "run-task"):
            continue
        family = _registered_family(idx, run, step, github, ctx, cmds, cmd)
        if family:
            needs = [_on_revisions(n, family) if n.script_line == cmd.line else n
                     for n in needs]
    return needs


def _registered_family(idx: Index, run: R.JobRun, step: wm.Step, github, ctx, cmds,
                       cmd) -> Optional[str]:
    """The family whose new revision ARN `cmd`'s `--task-definition "$VAR"` holds:
    VAR=$(aws ecs register-task-definition ... --query taskDefinition.taskDefinitionArn
    --output text), or piped to `jq -r .taskDefinition.taskDefinitionArn`; the
    family from `--family` or the `--cli-input-json` file. None when unsure."""
    deployed = _deployed_family(idx, run, step, github, ctx,
                                shell.option(cmd, "--task-definition"))
    if deployed:
        return deployed
    var = _SHELL_VAR.match(shell.option(cmd, "--task-definition") or "")
    if not var:
        return None
    name = var.group(1) or var.group(2)
    setter = next((c for c in reversed(cmds[:cmd.index]) if name in c.assigns), None)
    inner = [c for c in cmds if setter is not None and c.parent == setter.index
             and c.captured_by == name]
    if len(inner) != 1:
        return None
    reg, path = inner[0], shell.option(inner[0], "--query")
    if reg.name == "jq" and isinstance(reg.pipe_from, int) and 0 <= reg.pipe_from < len(cmds):
        path = next((a for a in reversed(reg.argv[1:]) if not a.startswith("-")), None)
        reg = cmds[reg.pipe_from]
    if shell.aws_operation(reg)[:2] != ("ecs", "register-task-definition") \
            or not isinstance(path, str) or not _TD_ARN_PATH.match(path.strip()):
        return None
    family = shell.option(reg, "--family")
    if family is not None:
        return family if re.fullmatch(r"[\w-]+", family) else None
    families = {text_of(td.data.get("family"))
                for td in _cli_input_taskdefs(idx, run, step, github, ctx, reg)}
    return families.pop() if len(families) == 1 and None not in families else None


_DEPLOYED_ARN = lazy_re(r"^\$\{\{\s*steps\.([\w-]+)\.outputs\.task-definition-arn\s*\}\}$")


def _deployed_family(idx: Index, run: R.JobRun, step: wm.Step, github, ctx,
                     value) -> Optional[str]:
    """The family of the revision an earlier amazon-ecs-deploy-task-definition
    step registered, when `value` (`--task-definition`) is its
    `task-definition-arn` output, written there or in a variable of the
    step's (or job's) env."""
    var = _SHELL_VAR.match(value or "")
    if var:
        name = var.group(1) or var.group(2)
        value = step.env.get(name, run.job.env.get(name))
    m = _DEPLOYED_ARN.match(value.strip()) if isinstance(value, str) else None
    deployer = next((s for s in run.job.steps[:step.index] if m and s.id == m.group(1)
                     and s.uses == A.DEPLOY), None)
    if deployer is None:
        return None
    families = {text_of(td.data.get("family"))
                for td in step_taskdefs(idx, run, deployer, github, ctx)}
    return families.pop() if len(families) == 1 and None not in families else None


def step_taskdefs(idx: Index, run: R.JobRun, step: wm.Step, github, ctx) -> List[Document]:
    """Task definitions a registering or running step uses."""
    out: List[Document] = []
    if step.uses == A.DEPLOY:
        path = taskdef_path(run, step, step.with_.get("task-definition"), github)
        if path:
            return _file_taskdefs(idx, run, step, ctx, path, github)
        family = rendered_family(run, step, github)
        tds = idx.taskdefs.by_family.get(family, []) if family else []
        return tds if len(tds) == 1 else []  # (of several revisions: not known which)
    if step.run is None:
        return out
    for value in step.env.values():  # env values carrying a render output
        s = text_of(value)
        if s and _OUTPUT_TD.match(s.strip()):
            path = taskdef_path(run, step, s, github)
            if path:
                out.extend(idx.taskdefs.at(ctx.repo_root, path))
    own = wm.commands(step)
    mine = {id(c) for c in own}
    # (and the repository's scripts it runs: `./scripts/deploy.sh`)
    for cmd in own + [c for cmds in step.scripts.values() for c in cmds]:
        service, op, _ = shell.aws_operation(cmd)
        if service != "ecs":
            continue
        out.extend(_cli_input_taskdefs(idx, run, step, github, ctx, cmd))
        if op == "register-task-definition" and id(cmd) in mine:
            out.extend(_flag_taskdef(run, step, github, cmd))
        fam = shell.option(cmd, "--task-definition")
        if fam and "$" not in fam and not fam.startswith("arn:"):
            out.extend(idx.taskdefs.by_family.get(fam.split(":")[0], []))
    return list({id(d): d for d in out}.values())


_SHELL_VAR = lazy_re(r"^\$(?:\{(\w+)\}|(\w+))$")
_ROLE_FLAGS = (("--task-role-arn", "taskRoleArn"), ("--execution-role-arn", "executionRoleArn"))


def _flag_taskdef(run: R.JobRun, step: wm.Step, github, cmd) -> List[Document]:
    """The task definition `aws ecs register-task-definition` registers with
    its roles given as flags (`--task-role-arn`, `--execution-role-arn`), as a
    document placed at the command: passing them needs iam:PassRole too."""
    data = {}
    for flag, field in _ROLE_FLAGS:
        value = shell.option(cmd, flag)
        if isinstance(value, str) and "$" in value:
            value = run.resolve(value, step, github, cmd.line)
        if isinstance(value, str) and value.strip() and not R.unresolved(value) \
                and "$" not in value:
            data[field] = value.strip()
    if not data:
        return []
    family = shell.option(cmd, "--family")
    if isinstance(family, str):
        data["family"] = family

    def locate(path=(), key=False):
        return wm.script_span(run.doc, step, cmd.line)
    return [Document("task-definition", data, run.doc.file, locate)]


def _cli_input_taskdefs(idx: Index, run: R.JobRun, step: wm.Step, github, ctx,
                        cmd) -> List[Document]:
    """Task definitions the command's `--cli-input-json file://PATH` reads: a
    file in the folder the command runs in (literal, or a shell variable that
    the step's env sets), or the file a render step's output names."""
    cli = shell.option(cmd, "--cli-input-json")
    if not isinstance(cli, str) or not cli.startswith("file://"):
        return []
    path = cli[len("file://"):]
    var = _SHELL_VAR.match(path) if "$" in path else None
    value = step.env.get(var.group(1) or var.group(2)) if var else path
    path = taskdef_path(run, step, value, github) if value is not None else None
    if not path:
        return []
    if not (isinstance(value, str) and _OUTPUT_TD.match(value.strip())):
        path = _command_path(run, step, cmd, path, github)
    return _file_taskdefs(idx, run, step, ctx, path, github) if path else []


def _command_path(run: R.JobRun, step: wm.Step, cmd, path: str, github) -> Optional[str]:
    """The workspace path of a file a command of the step names (`L.written_at`
    from the step's working directory and the folder its script moved to)."""
    for cmds in [wm.commands(step), *step.scripts.values()]:
        for c, folder in zip(cmds, L.script_dirs(cmds)):
            if c is cmd:
                return L.written_at(L.run_dir(run, step, github), path, folder)
    return None


def _file_taskdefs(idx: Index, run: R.JobRun, step: wm.Step, ctx, path: str,
                   github) -> List[Document]:
    """The task definitions of the workspace file `path` a step registers: the
    repository's file, else what the job's scripts copied it from with its
    family and roles (`L.copied_from`)."""
    found = idx.taskdefs.at(ctx.repo_root, path)
    if found:
        return found
    source = L.copied_from(run, step, path, github, _keeps_roles)
    if source is None:
        return []
    if source[0] == "family":  # the family's registered revision: its one file, if any
        tds = idx.taskdefs.by_family.get(source[1], [])
        return tds if len(tds) == 1 else []
    return idx.taskdefs.at(ctx.repo_root, source[1])


def _keeps_roles(filt: str) -> bool:
    """Does a jq filter leave a task definition's family and roles as they are
    (it sets the image)?"""
    return not re.search(r"family|RoleArn", filt)


def _read_files(c: shell.Command, cmds, named: List[str]) -> List[str]:
    """The files a filter command reads: those it names, those redirected
    into it (`< SRC`), else the one a `cat SRC |` before it gives."""
    files = named + [t for op, t in c.redirects if op == "<" and isinstance(t, str)]
    if not files and isinstance(c.pipe_from, int) and 0 <= c.pipe_from < len(cmds) \
            and cmds[c.pipe_from].name == "cat" and len(cmds[c.pipe_from].argv) == 2:
        files = [cmds[c.pipe_from].argv[1]]
    return files


def role_arn(value, account: Optional[str], part: str = "aws") -> Optional[str]:
    s = text_of(value)
    if s is None or not s.strip():
        return None
    s = s.strip()
    if s.startswith("arn:"):
        return s
    if account and re.fullmatch(r"[\w+=,.@/-]+", s):
        return f"arn:{part}:iam::{account}:role/{s}"
    return None


def passed_role_keys(roles, arn) -> Tuple[Tuple[str, object], ...]:
    """The keys of an iam:PassRole request of the role `arn` that its tags give
    (`iam:ResourceTag/K`, `aws:ResourceTag/K`: IAM evaluates them on the role
    passed), when it is one of the roles read (`roles`, a `linking.RoleIndex`)
    and its tags are known; () otherwise."""
    role = roles.find(arn=arn) if isinstance(arn, str) and roles is not None else None
    keys = I.resource_tag_context(role.tags if role is not None else None)
    return tuple(sorted(keys.items(), key=lambda kv: kv[0]))


def with_passed_role_keys(roles, needs: List[Need]) -> List[Need]:
    """`needs` with each iam:PassRole's `passed_role_keys` in its request."""
    return [dataclasses.replace(n, context=n.context + passed_role_keys(roles, n.resource))
            if n.action == "iam:PassRole" and n.resource else n for n in needs]


def partition_of(link: R.RoleLink) -> str:
    """The partition of the assumed role's ARN, else of the region."""
    resolved = (link.resolved or "").split(":")
    return resolved[1] if len(resolved) > 1 and resolved[0] == "arn" and resolved[1] \
        else A.partition(link.region)
