"""Permission policies attached to the deploy role.

Document model: an IAM policy document (`Version`, `Statement`), standalone,
unwrapped from `get-policy-version` / `get-role-policy` output, or embedded in
a CloudFormation/Terraform role. Action names match case-insensitively with
IAM wildcards; `NotAction`/`NotResource` and Deny statements are evaluated by
`lint/iam.py`. `policy-iam-lint` runs the parliament library on the same
policy (imported only then: it is slow to import).
"""
from __future__ import annotations

import json
import math
import os
import re
from typing import Optional

from ecs_lint.lazy import lazy_import
from ecs_lint.model import Problem
from ecs_lint.registry import KEY_PARTS, check, rule
from ecs_lint.values import Template, value_at

iam = lazy_import("ecs_lint.iam", globals(), "iam")

ECS_TASKS = "ecs-tasks.amazonaws.com"
ECR_PUSH_PULL = ("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                 "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload",
                 "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage")
ECR_PULL = ("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")
ECR_PUSH = ("ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
            "ecr:PutImage")

PASSROLE_MISSING = rule(
    "policy-passrole-missing", "error",
    "`ecs:RegisterTaskDefinition` is allowed but `iam:PassRole` is not.",
    docs="""
    ## What it does
    Checks that a role allowed to call `ecs:RegisterTaskDefinition` may also
    call `iam:PassRole` for ECS tasks (`iam:PassedToService` =
    `ecs-tasks.amazonaws.com`). Policies of one role are read together: the
    inline policies of a CloudFormation role, an `AWS::IAM::Policy` attached to
    it, or the files listed under `roles:` in the config. Deny statements and
    conditions on `iam:PassedToService` count, and so do the resources: PassRole
    allowed only on ARNs that cannot be a role (`arn:aws:codedeploy:...`) passes
    none. The AWS managed policies deploy roles are often given
    (`AdministratorAccess`, `PowerUserAccess`, the `AmazonEC2ContainerRegistry*`
    policies, `AmazonECS_FullAccess`, `AmazonECSTaskExecutionRolePolicy`) are
    read as AWS publishes them; a role given only such policies (no permission
    document of its own) is reported at its trust policy. A role that also has
    another attached policy whose text is not among the files (a customer managed policy by ARN, or a
    file config `roles:` lists for it that the run was not given, as when
    pre-commit passes only the changed files) is not judged, unless a Deny
    refuses PassRole. Which roles must be passed is checked by
    `xref-passrole-not-covered` when a workflow links the role to the task
    definitions it registers. Without a workflow, the task definitions defined
    in the policy's own Terraform module or CloudFormation template are the
    ones it registers (in a template of several services: those of which it
    may pass some role), and each role ARN they name that PassRole does not
    reach is reported; a role written as `aws_iam_role.x.arn` counts by its
    name, whatever the account. When every task definition read names no
    execution or task role, there is nothing to pass and this rule is silent.

    ## Why is this bad?
    Registering a task definition that names an `executionRoleArn` or
    `taskRoleArn` passes those roles to ECS. Without `iam:PassRole` the deploy
    fails with AccessDenied at the register step.

    ## Example
    ```json
    {"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService"],
       "Resource": "*"}]}
    ```

    Use instead:
    ```json
    {"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService"],
       "Resource": "*"},
      {"Effect": "Allow", "Action": "iam:PassRole",
       "Resource": ["arn:aws:iam::123456789012:role/app-execution",
                    "arn:aws:iam::123456789012:role/app-task"],
       "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}
    ```
    """)

PASSROLE_WILDCARD = rule(
    "policy-passrole-wildcard", "warning",
    "`iam:PassRole` on `*` or on every role of an account.",
    docs="""
    ## What it does
    Finds Allow statements granting `iam:PassRole` (by name or through a
    wildcard such as `iam:*` or `NotAction`) whose `Resource` admits every role
    of an account (`*`, `arn:aws:iam::123456789012:role/*`,
    `arn:aws:iam::*:role/*`) or that use `NotResource`. A Deny statement that
    takes the grant back silences it. Roles named by a prefix
    (`role/app-*`) are not reported.

    ## Why is this bad?
    Whoever can assume the deploy role can hand any role of the account, an
    administrator role included, to a task they start: a privilege escalation
    path. An `iam:PassedToService` condition limits the service, not the role.

    ## Example
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
    ```

    Use instead:
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole",
     "Resource": ["arn:aws:iam::123456789012:role/app-execution",
                  "arn:aws:iam::123456789012:role/app-task"],
     "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
    ```
    """)

PASSROLE_UNSCOPED = rule(
    "policy-passrole-unscoped-service", "info",
    "`iam:PassRole` without an `iam:PassedToService` condition naming `ecs-tasks.amazonaws.com`.",
    docs="""
    ## What it does
    Finds statements that name `iam:PassRole` and whose conditions let the
    roles be passed to any service: no `iam:PassedToService` condition, a
    negated one, or a pattern such as `*.amazonaws.com`; and statements whose
    condition names `ecs.amazonaws.com` (the ECS service itself, a common slip
    for `ecs-tasks.amazonaws.com`) but not ECS tasks. Statements granting
    every IAM action (`*`, `iam:*`) are left to `policy-wildcard-action`, and
    statements none of whose resources can be a role
    (`arn:aws:codedeploy:*:123456789012:*`) pass no role at all. A Deny of
    the same policy that refuses `iam:PassRole` on the statement's resources
    to every other service (`StringNotEquals` on `iam:PassedToService`)
    scopes it as well as a condition would.

    ## Why is this bad?
    The deploy role only needs to pass roles to ECS tasks. Without the
    condition the same roles can be attached to a Lambda function or an EC2
    instance the caller controls.

    ## Example
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole",
     "Resource": "arn:aws:iam::123456789012:role/app-task"}
    ```

    Use instead:
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole",
     "Resource": "arn:aws:iam::123456789012:role/app-task",
     "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
    ```
    """)

WILDCARD_ACTION = rule(
    "policy-wildcard-action", "warning",
    "`*`, `service:*` (`iam:*`, `ecs:*`, `ecr:*`, `sts:*`), or `NotAction` with `Allow`.",
    docs="""
    ## What it does
    Finds Allow statements whose `Action` is `*` or a whole service
    (`ecs:*`, `iam:*`...), and Allow statements using `NotAction`, which grant
    every action of every service except those listed. One finding per
    statement, listing its wildcards. Partial wildcards such as
    `ecs:Describe*` are not reported, nor is a wildcard an unconditional Deny
    takes back; a Deny with `NotAction` takes back all but its `NotAction`
    entries, so `Allow *` next to `Deny NotAction [ecr:*, ecs:*]` is reported.

    ## Why is this bad?
    A deploy needs a handful of actions. `ecs:*` also grants
    `ecs:DeleteService` and `ecs:ExecuteCommand`; `iam:*` makes the role an
    administrator; and every action AWS adds to the service later is granted
    too.

    ## Example
    ```json
    {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}
    ```

    Use instead:
    ```json
    {"Effect": "Allow",
     "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeServices", "ecs:UpdateService"],
     "Resource": "*"}
    ```
    """)

ECR_RESOURCE_WILDCARD = rule(
    "policy-ecr-resource-wildcard", "info",
    "ECR push/pull actions other than `ecr:GetAuthorizationToken` on `Resource: \"*\"`.",
    docs="""
    ## What it does
    Finds Allow statements granting image push or pull actions
    (`ecr:PutImage`, `ecr:InitiateLayerUpload`, `ecr:BatchGetImage`, ...) on
    every repository (`*`, or `arn:aws:ecr:REGION:ACCOUNT:repository/*`), or
    on every repository but some (`NotResource`).
    `ecr:GetAuthorizationToken` has no resource-level permissions and needs
    `*`: put it in a statement of its own.

    ## Why is this bad?
    A workflow of one repository can overwrite the images of every other
    repository in the account, and read them all.

    ## Example
    ```json
    {"Effect": "Allow",
     "Action": ["ecr:GetAuthorizationToken", "ecr:PutImage", "ecr:UploadLayerPart"],
     "Resource": "*"}
    ```

    Use instead:
    ```json
    [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
     {"Effect": "Allow", "Action": ["ecr:PutImage", "ecr:UploadLayerPart"],
      "Resource": "arn:aws:ecr:us-east-1:123456789012:repository/my-app"}]
    ```
    """)

IAM_LINT = rule(
    "policy-iam-lint", "warning",
    "The findings of the parliament IAM linter on the same policy, with its issue names.",
    severity_by_finding=True,
    options={"ignore-issues": []},
    docs="""
    ## What it does
    Runs the [parliament](https://github.com/duo-labs/parliament) library on
    every permission policy (never on trust policies, where it reports false
    positives for GitHub's OIDC provider) and reports its findings at the
    line they are about, with parliament's issue name (`DUPLICATE_SID`,
    `UNKNOWN_ACTION`, `RESOURCE_MISMATCH`, `RESOURCE_STAR`, ...) in the
    message and in the finding's extra data. Severity follows parliament's:
    CRITICAL and HIGH are errors (IAM rejects such policies or they do not
    work as written), MEDIUM a warning, LOW and INFO are info, MUTE is
    dropped. Findings another `policy-*` rule already reports on the same
    statement are dropped (`RESOURCE_STAR` next to `policy-wildcard-action`,
    say). Values parliament cannot know (unresolved template parameters) are
    given to it as placeholders, and findings about them are dropped; an ARN
    whose only unknowns are its partition, region or account
    (`arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:...`) is given
    with those filled in and keeps its findings (parliament matches on the
    service and the resource type). parliament's `INVALID_ARN` on the ARN of
    a CloudFormation transform is dropped: its account is `aws`, as in
    `arn:aws:cloudformation:REGION:aws:transform/Serverless-2016-10-31`, which
    a SAM deploy role needs. If parliament fails on a policy, that is an info
    finding.

    Option `ignore-issues`: parliament issue names never to report, e.g.
    `["RESOURCE_STAR"]`. Turn the rule off with `policy-iam-lint: off`.

    ## Why is this bad?
    Parliament knows every IAM action and its resource types: a misspelled
    action is silently never granted, a resource of the wrong type matches
    nothing, and IAM rejects duplicate statement ids.

    ## Example
    ```json
    {"Version": "2012-10-17", "Statement": [
      {"Sid": "Deploy", "Effect": "Allow", "Action": "ecs:UpdateServices", "Resource": "*"},
      {"Sid": "Deploy", "Effect": "Allow", "Action": "ecs:DescribeServices", "Resource": "*"}]}
    ```

    Use instead:
    ```json
    {"Version": "2012-10-17", "Statement": [
      {"Sid": "Deploy", "Effect": "Allow",
       "Action": ["ecs:UpdateService", "ecs:DescribeServices"], "Resource": "*"}]}
    ```
    """)

# IAM accepts at most 10,240 characters of inline policy per role: a policy with
# more statements than this is not a real policy, and parliament is slow on it
PARLIAMENT_MAX_STATEMENTS = 500
# parliament severity -> ours (None: dropped)
PARLIAMENT_SEVERITY = {"CRITICAL": "error", "HIGH": "error", "MEDIUM": "warning",
                       "LOW": "info", "INFO": "info", "MUTE": None}
# our rule -> parliament issues it already says on the same statement
SUBSUMES = {
    WILDCARD_ACTION.id: ("RESOURCE_STAR", "RESOURCE_EFFECTIVELY_STAR", "RESOURCE_MISMATCH"),
    PASSROLE_WILDCARD.id: ("RESOURCE_STAR", "RESOURCE_EFFECTIVELY_STAR"),
    ECR_RESOURCE_WILDCARD.id: ("RESOURCE_STAR", "RESOURCE_EFFECTIVELY_STAR"),
}
RESOURCE_ISSUES = ("RESOURCE_STAR", "RESOURCE_EFFECTIVELY_STAR", "RESOURCE_MISMATCH")
POLICY_LEVEL_ISSUES = ("DUPLICATE_SID", "NO_VERSION", "OLD_VERSION", "INVALID_VERSION")


# ---------------------------------------------------------------------------
# helpers


def _entry_path(stmt: iam.Statement, field: str, k: int) -> tuple:
    raw = stmt.raw.get(field) if isinstance(stmt.raw, dict) else None
    return stmt.path + ((field, k) if isinstance(raw, list) else (field,))


def _covers_every(value, service: str, resource_prefix: str) -> bool:
    """Does a Resource value admit every resource of its kind in an account?

    Unresolved template parts stand for one unknown value, not a wildcard.
    """
    text = iam.pattern_text(value, "\x00")
    if text is None:
        return False
    if text.strip() == "*":
        return True
    fields = text.split(":", 5)
    if len(fields) == 6:
        partition, region, account = fields[1], fields[3], fields[4]
    else:
        partition, region, account = "aws", "", "123456789012"
    probe = f"arn:{partition}:{service}:{region}:{account}:{resource_prefix}zq7-probe"
    return iam.resource_matches(text, probe)


def _strict_actions(stmt, action):
    """The Action entries (index, text) that surely grant `action`."""
    out = []
    for k, a in enumerate(stmt.actions or []):
        if isinstance(a, str) and iam.action_matches(a, action):
            out.append((k, a))
    return out


def _unconditional_denies(stmts):
    return [s for s in stmts if s.deny and not s.conditions
            and not (isinstance(s.raw, dict) and s.raw.get("Condition"))]


def _denied(denies, action, resource) -> bool:
    return any(iam.statement_actions_match(d, action, False)
               and iam.statement_resources_match(d, resource, False) for d in denies)


def _wildcard_denied(denies, wildcard: str) -> bool:
    """Does an unconditional Deny take the whole-service part of a `*` or
    `service:*` grant back? An Action Deny must name the wildcard (or a wider one).
    A NotAction Deny refuses everything but its NotAction entries, so what stays
    granted is those of its entries in the wildcard's service: taken back unless
    one of them is itself a whole-service wildcard (a Deny NotAction [ecr:*, ecs:*]
    next to an Allow * leaves ecr:* and ecs:* granted)."""
    service = wildcard.split(":", 1)[0].strip().lower() if ":" in wildcard else "*"
    for d in denies:
        if not iam.statement_resources_match(d, "*", False):
            continue
        if d.actions is not None:
            if iam.statement_actions_match(d, wildcard, False):
                return True
        elif d.not_actions is not None:
            kept = [a.strip() for a in d.not_actions if isinstance(a, str) and (
                service == "*" or a.strip() == "*"
                or iam.action_matches(a.split(":", 1)[0] + ":x", service + ":x"))]
            if not any(_is_service_wildcard(a) for a in kept):
                return True
    return False


def _is_service_wildcard(text: str) -> bool:
    t = text.strip()
    return t == "*" or re.fullmatch(r"[A-Za-z0-9*-]+:\*+", t) is not None


# ---------------------------------------------------------------------------
# per-policy rules


@check(kinds=("permissions-policy",), rules=(WILDCARD_ACTION.id, PASSROLE_WILDCARD.id,
                                             PASSROLE_UNSCOPED.id, ECR_RESOURCE_WILDCARD.id,
                                             IAM_LINT.id))
def policy_rules(doc, ctx):
    stmts = iam.statements(doc.data)
    denies = _unconditional_denies(stmts)
    reported = set()  # (rule, statement index)
    for stmt in stmts:
        if not stmt.allow:
            continue
        for prob in _statement_problems(stmt, denies, stmts):
            reported.add((prob.rule, stmt.path))
            yield prob
    # a policy Terraform only knows at apply time (`var.p`, `file(...)`): nothing to say
    if ctx.is_enabled(IAM_LINT.id) and isinstance(doc.data, dict):
        ignored = set(ctx.option(IAM_LINT.id, "ignore-issues") or [])
        for prob in parliament_problems(doc):
            issue = prob.extra.get("parliament_issue")
            if issue in ignored:
                continue
            stmt_path = prob.extra.pop("statement_path", None)
            if stmt_path is not None and any(
                    (r, stmt_path) in reported and issue in issues
                    for r, issues in SUBSUMES.items() if ctx.is_enabled(r)):
                continue
            yield prob


def _statement_problems(stmt: iam.Statement, denies, stmts=()):
    # policy-wildcard-action
    if stmt.not_actions is not None:
        yield Problem(WILDCARD_ACTION.id, stmt.path + ("NotAction",),
                      "Allow with NotAction grants every action of every AWS service "
                      "except the ones listed, including all future ones",
                      help="list the actions the deploy needs under Action instead",
                      key=True)
    else:
        wild = []
        for k, a in enumerate(stmt.actions or []):
            text = iam.pattern_text(a, "\x00")
            if text and _is_service_wildcard(text) and not _wildcard_denied(denies, text):
                wild.append((k, text.strip()))
        if wild:
            names = ", ".join(f"`{t}`" for _, t in wild)
            what = ("every action of every AWS service (administrator access)"
                    if any(t in ("*", "*:*") for _, t in wild)
                    else "every action of " + ("the service" if len(wild) == 1 else "these services")
                    + ", destructive and future ones included")
            yield Problem(WILDCARD_ACTION.id, _entry_path(stmt, "Action", wild[0][0]),
                          f"Allow on {names} grants {what}",
                          help="list only the actions the deploy calls "
                               "(e.g. ecs:RegisterTaskDefinition, ecs:UpdateService)")
    # iam:PassRole
    passes = iam.statement_actions_match(stmt, "iam:PassRole", optimistic=False)
    if passes:
        yield from _passrole_wildcard(stmt, denies)
        explicit = [(k, a) for k, a in _strict_actions(stmt, "iam:PassRole")
                    if not _is_service_wildcard(a) and a.strip().lower() != "iam:*"]
        if not _may_name_a_role(stmt):
            explicit = []  # no role is passed at all (parliament's RESOURCE_MISMATCH says so)
        probe = {"iam:PassedToService": "zq7-probe.amazonaws.com"}
        if explicit and iam.conditions_hold(stmt, probe, True) \
                and not _service_denied(stmts, stmt, probe):
            yield Problem(PASSROLE_UNSCOPED.id, _entry_path(stmt, "Action", explicit[0][0]),
                          "iam:PassRole is not limited to ECS tasks: the roles can be passed to "
                          "any service (Lambda, EC2...)",
                          help='add "Condition": {"StringEquals": {"iam:PassedToService": '
                               f'"{ECS_TASKS}"}}}}')
        elif explicit and not iam.conditions_hold(stmt, {"iam:PassedToService": ECS_TASKS}, True) \
                and iam.conditions_hold(stmt, {"iam:PassedToService": "ecs.amazonaws.com"}, True):
            yield Problem(PASSROLE_UNSCOPED.id, _entry_path(stmt, "Action", explicit[0][0]),
                          "iam:PassedToService names ecs.amazonaws.com, the ECS service itself: "
                          f"task roles are passed to {ECS_TASKS}, so ECS tasks cannot get "
                          "these roles",
                          help=f'name "{ECS_TASKS}" in the iam:PassedToService condition')
    # ECR push/pull on every repository
    granted = [a for a in ECR_PUSH_PULL if iam.statement_actions_match(stmt, a, optimistic=False)]
    if granted and stmt.resources is not None:
        for k, r in enumerate(stmt.resources):
            if _covers_every(r, "ecr", "repository/") and not _denied(denies, granted[0], "*"):
                shown = ", ".join(granted[:3]) + (f" and {len(granted) - 3} more"
                                                  if len(granted) > 3 else "")
                yield Problem(ECR_RESOURCE_WILDCARD.id, _entry_path(stmt, "Resource", k),
                              f"{shown} on every ECR repository: this role can "
                              f"{_ecr_reach(granted)} every repository in the account",
                              help="scope these actions to the repository ARN; keep "
                                   "ecr:GetAuthorizationToken on \"*\" in its own statement")
                break
    if granted and stmt.not_resources is not None and not _denied(denies, granted[0], "*"):
        shown = ", ".join(granted[:3]) + (f" and {len(granted) - 3} more"
                                          if len(granted) > 3 else "")
        yield Problem(ECR_RESOURCE_WILDCARD.id, stmt.path + ("NotResource",),
                      f"{shown} with NotResource: this role can {_ecr_reach(granted)} "
                      "every ECR repository not listed", key=True,
                      help="list the repository ARN under Resource instead")


def _service_denied(stmts, allow, probe) -> bool:
    """Does a Deny of the same policy refuse iam:PassRole to the probe service on
    every resource of the Allow (a Deny with `StringNotEquals` on
    `iam:PassedToService` scopes an unconditional Allow to that service)?"""
    return any(d.deny and iam.statement_actions_match(d, "iam:PassRole", False)
               and iam.conditions_hold(d, probe, False, "iam:PassRole")
               and iam.covers(d, allow) for d in stmts)


def _may_name_a_role(stmt) -> bool:
    """Could a Resource of the statement be an IAM role's ARN? NotResource, `*`, a
    policy variable or an unknown value could. A role ARN has five colons (none in
    a role's name or path), so a pattern with five lines its fields up with the
    role's: its service must match `iam` and its resource `role/...`."""
    if stmt.resources is None:
        return True
    for r in stmt.resources:
        text = iam.pattern_text(r, "*")
        if text is None or "$" in text:
            return True
        fields = text.strip().split(":")
        if len(fields) != 6:
            if len(fields) < 6 and ("*" in text or "?" in text):
                return True  # a wildcard may stand for the missing colons
            continue
        prefix = re.split(r"[*?]", fields[5], maxsplit=1)[0]
        if iam.resource_matches(fields[2], "iam") and (
                prefix.startswith("role/") or "role/".startswith(prefix)):
            return True
    return False


def _ecr_reach(granted) -> str:
    """What the granted ECR actions let the role do to a repository's images."""
    push = any(a in ECR_PUSH for a in granted)
    pull = any(a in ECR_PULL for a in granted)
    if push and pull:
        return "push and pull the images of"
    if push:
        return "push images to"
    if pull:
        return "pull the images of"
    return "see which image layers exist in"


def _passrole_wildcard(stmt, denies):
    if stmt.not_resources is not None:
        yield Problem(PASSROLE_WILDCARD.id, stmt.path + ("NotResource",),
                      "iam:PassRole with NotResource can pass every role not listed, an "
                      "administrator role included (privilege escalation)",
                      help="list the execution and task role ARNs under Resource", key=True)
        return
    for k, r in enumerate(stmt.resources or []):
        if not _covers_every(r, "iam", "role/"):
            continue
        text = iam.pattern_text(r, "\x00") or ""
        fields = text.split(":")
        probe = f"arn:aws:iam::{fields[4] if len(fields) > 5 else '123456789012'}:role/zq7-probe"
        if _denied(denies, "iam:PassRole", probe):
            continue
        shown = str(r) if isinstance(r, Template) else text
        scope = "every role of the account"  # (a role can be passed in its own account only)
        yield Problem(PASSROLE_WILDCARD.id, _entry_path(stmt, "Resource", k),
                      f"iam:PassRole on '{shown}' can pass {scope}, an administrator role "
                      "included, to a task the caller starts (privilege escalation)",
                      help="list only the task definition's executionRoleArn and taskRoleArn")
        return


# ---------------------------------------------------------------------------
# policy-passrole-missing: the policies of one role together


@check(kinds=("permissions-policy", "task-definition", "trust-policy"),
       rules=(PASSROLE_MISSING.id,), cross_file=True)
def passrole_missing(documents, ctx):
    from ecs_lint import managed_policies as M

    docs = [d for d in documents if d.kind == "permissions-policy"]
    # a role given only AWS managed policies has no permission document: its
    # trust policy stands for it (and names the role)
    docs += [d for d in documents if d.kind == "trust-policy"
             and any(M.known(u) for u in (d.context or {}).get("unread_policies") or [])]
    if not docs:
        return
    from ecs_lint.xref.groups import run_facts

    facts = run_facts(documents, ctx)  # the task definitions of the whole run
    if facts.taskdefs and not facts.task_roles:
        ctx.note("policy-passrole-missing: the task definitions read name no execution or "
                 "task role, so registering them passes none")
        return
    fired = set()
    for key, group in _roles_policies(docs, ctx):
        members = [m for m in group if m.kind == "permissions-policy"]
        attached = list(dict.fromkeys(
            u for m in group for u in (m.context or {}).get("unread_policies") or []))
        names = [n for n in dict.fromkeys(M.known(u) for u in attached) if n]
        # read once: asked thrice (AWS managed policies whose text is known after the
        # role's own, so that a statement's `policy` indexes `members`)
        stmts = iam.policy_statements([m.data for m in members]
                                      + [M.document(n) for n in names])
        reg = iam.evaluate_statements(stmts, "ecs:RegisterTaskDefinition")
        if not reg.allowed or reg.statement is None:
            continue
        context = {"iam:PassedToService": ECS_TASKS}
        passing = iam.evaluate_statements(stmts, "iam:PassRole", None, context)
        if passing.allowed and any(
                st.allow and iam.applies(st, "iam:PassRole", None, context)
                and _may_name_a_role(st) for st in stmts):
            yield from _template_roles_not_passed(key, members, stmts, documents, ctx)
            continue
        unread = [u for u in attached if not M.answers(u, "iam:PassRole")]
        unread += _config_files_unread(members, ctx, facts.permission_files)
        if unread and (passing.allowed or passing.statement is None):
            # an attached policy that is not read may allow iam:PassRole (a Deny is certain)
            ctx.note(f"policy-passrole-missing: role {key[1]} also has {unread[0]}, "
                     "not read: its iam:PassRole can't be judged")
            continue
        stmt = reg.statement
        if stmt.policy < len(members):
            where, by = members[stmt.policy], ""
            hits = _strict_actions(stmt, "ecs:RegisterTaskDefinition")
            path = (_entry_path(stmt, "Action", hits[0][0]) if hits
                    else stmt.path + (("Action",) if stmt.actions is not None
                                      else ("NotAction",)))
        else:  # allowed by an attached AWS managed policy: said at the role's first policy
            where, path = (members or group)[0], ()
            by = " for role %s by its attached AWS managed policy %s (version %s)" \
                % (key[1], *M.label(names[stmt.policy - len(members)]))
        if id(where) in fired:
            continue
        fired.add(id(where))
        why = ("it is allowed only on resources that are not roles" if passing.allowed
               else "no statement allows it" if passing.statement is None
               else passing.reason.replace("iam:PassRole is ", "it is ", 1))
        scope = f", read with the other policies of role {key[1]}" if len(members) > 1 else ""
        yield Problem(PASSROLE_MISSING.id, path,
                      f"ecs:RegisterTaskDefinition is allowed{by} but iam:PassRole to ECS "
                      f"tasks is not ({why}{scope}): registering a task definition that names an "
                      "execution or task role fails with AccessDenied",
                      help="allow iam:PassRole on the execution and task role ARNs with "
                           f"iam:PassedToService = {ECS_TASKS}",
                      doc=where)


def _template_scope(doc):
    """What defines a document together with others: a Terraform module (its
    folder), a CloudFormation template or a plan (its file); None for a file
    of its own."""
    template = (doc.context or {}).get("template")
    if not isinstance(template, dict):
        return None
    if template.get("format") == "terraform":
        return ("module", template.get("module"))
    return ("file", doc.file)


def _template_roles_not_passed(key, members, stmts, documents, ctx):
    """The roles named by the task definitions the role's policies are there to
    register that its iam:PassRole does not reach. Those are the task
    definitions defined in the same template (a Terraform module, a
    CloudFormation template) when there is one, else the ones of which it
    may pass some role: a template of many services holds each service's
    deploy policy beside the others' task definitions. (A workflow that
    registers a task definition links them in `xref-passrole-not-covered`.)"""
    from ecs_lint.xref.linking import task_roles

    scopes = {_template_scope(m) for m in members} - {None}
    if not scopes or any((m.context or {}).get("unread_policies") for m in members):
        return  # a policy of the role that is not read may allow it
    context = {"iam:PassedToService": ECS_TASKS}
    taskdefs = [td for td in documents
                if td.kind == "task-definition" and _template_scope(td) in scopes]
    told = set()
    for td in taskdefs:
        refused, passed = [], False
        for field_name, value in task_roles(td):
            generated = iam.generated_role(value)
            if generated is not None:  # `Fn::GetAtt X.Arn`: an ARN AWS makes up
                passes = iam.passes_generated_role(stmts, generated, context)
                if passes:
                    passed = True
                elif passes is False:
                    refused.append((field_name, generated, iam.Decision(False, None, ""),
                                    "its iam:PassRole names only other roles of the template"))
                continue
            probes = iam.role_arn_probes(value, stmts)
            if probes is None:
                continue  # a name, or a value known only at deploy time
            arn, asked = probes
            decisions = [iam.evaluate_statements(stmts, "iam:PassRole", a, context) for a in asked]
            if any(d.allowed for d in decisions):
                passed = True
            else:
                reason = decisions[0].reason.replace(asked[0], arn)
                refused.append((field_name, arn, decisions[0], reason))
        if not passed and len(taskdefs) > 1:
            continue  # none of its roles: another policy's task definition
        for field_name, arn, decision, reason in refused:
            if arn in told:
                continue
            told.add(arn)
            policy, path = iam.passrole_place([m.data for m in members], decision)
            scope = f", read with the other policies of role {key[1]}" if len(members) > 1 else ""
            yield Problem(PASSROLE_MISSING.id, path,
                          f"ecs:RegisterTaskDefinition is allowed but iam:PassRole to ECS tasks "
                          f"does not reach {arn}, the {field_name} of {td.name or td.file} "
                          f"(line {td.span((field_name,)).line}), defined beside this policy"
                          f"{scope} ({reason}): registering it fails with AccessDenied",
                          help=f"add {arn} to the iam:PassRole resources (with "
                               f"iam:PassedToService = {ECS_TASKS})",
                          doc=members[policy],
                          related=[(td, (field_name,), f"the {field_name} of {td.file}")])


def _config_files_unread(members, ctx, read) -> list:
    """The permission files config `roles:` lists for the roles of `members`
    from which no permission policy was read (a run on some files, as
    pre-commit's): what those roles may do is not known."""
    cfg = ctx.config
    if not getattr(cfg, "roles", None):
        return []
    from ecs_lint.config import realpath_in

    keys = {name for m in members for name, part in cfg.roles_of_file(m.file)
            if part == "permissions"}
    real_dirs: dict = {}
    return list(dict.fromkeys(
        f for key, part, f in cfg._role_file_entries()
        if key in keys and part == "permissions"
        and realpath_in(cfg.resolve_path(f), real_dirs) not in read))


def _roles_policies(docs, ctx):
    """[(a key of the role, its policies)]: policies that name the same role in
    any of their ways (`_role_keys`: logical id, name, config) are one role's."""
    from ecs_lint.parts import Parts

    parts = Parts()
    keys_of = []
    for d in docs:
        keys = _role_keys(d, ctx)
        keys_of.append(keys)
        parts.join(keys)
    groups = {}  # root -> (first key, [documents])
    for d, keys in zip(docs, keys_of):
        for k in keys:
            group = groups.setdefault(parts.root(k), (k, []))
            if not any(m is d for m in group[1]):
                group[1].append(d)
    return list(groups.values())


def _role_keys(doc, ctx):
    """The roles a policy document belongs to (policies of one role are read together):
    the role of an inline policy, the roles a policy is attached to (logical ids or
    Terraform addresses within the file, role names anywhere), config `roles:`."""
    keys = []
    c = doc.context or {}
    template = c.get("template") if isinstance(c.get("template"), dict) else {}
    local = template.get("resources") or {}  # logical ids / addresses of this file
    scope = template.get("module") or doc.file  # a Terraform module spans its folder
    refs = [c.get("role_ref")] + list(c.get("roles") or [])
    for r in refs:
        if isinstance(r, str) and r:
            local_ref = r in local or r.startswith(("aws_iam_role.", "module."))
            keys.append((scope, r) if local_ref else ("role name", r))
    if isinstance(c.get("role_name"), str) and c.get("role_ref"):
        keys.append(("role name", c["role_name"]))
    if getattr(ctx.config, "roles", None):
        for name, part in ctx.config.roles_of_file(doc.file):
            if part == "permissions":
                keys.append(("config", name))
    return list(dict.fromkeys(keys)) or [(doc.file, doc.name or f"#{id(doc)}")]


# ---------------------------------------------------------------------------
# parliament

# what a cached entry means: bump it when _finding_record or _dump changes
PARLIAMENT_CACHE_FORMAT = 1
FINDING_RECORD_TYPES = {"issue": str, "severity": str, "path": list, "detail": str,
                        "detail_is_text": bool, "title": str, "help": str}


def parliament_problems(doc):
    """parliament's findings on one permission policy, as Problems. Its findings
    are cached by the policy it is given and its version, so a policy seen
    before costs neither parliament's import nor its analysis."""
    plain, stmt_index, template_paths = _plain_policy(doc.data)
    if len(stmt_index) > PARLIAMENT_MAX_STATEMENTS:
        yield Problem(IAM_LINT.id, (), f"a policy of {len(stmt_index):,} statements is far above "
                      "what IAM accepts (10,240 characters for a role's inline policies); "
                      "parliament was not run on it", severity="info",
                      extra={"parliament_issue": "SKIPPED"})
        return
    from ecs_lint import cache

    entry = _parliament_cache_entry(plain)
    records = cache.read_json(entry) if entry else None
    if not _valid_records(records):
        records, failure = _run_parliament(plain)
        if failure is not None:
            yield failure
            return
        if entry:
            cache.write_json(entry, records)
    merged = {}  # (issue, path) -> Problem: parliament repeats an issue per detail
    for record in records:
        prob = _parliament_problem(record, doc.data, stmt_index, template_paths)
        if prob is None:
            continue
        key = (prob.extra["parliament_issue"], prob.path)
        if key in merged:
            merged[key].extra.setdefault("more", []).append(prob.extra.get("detail", ""))
            continue
        merged[key] = prob
    for prob in merged.values():
        if prob.extra.get("more"):
            prob.message += f" (and {len(prob.extra['more'])} more like it)"
        yield prob


def _run_parliament(plain, via_text=False):
    """(parliament's findings on a plain policy as records, None), or (None, an
    info Problem saying why it could not tell). `via_text`: let parliament parse
    the text even when the tree can be built directly (the tests compare both)."""
    try:
        from parliament import analyze_policy_string, enhance_finding
    except Exception as e:  # not installed, or pkg_resources missing
        return None, Problem(
            IAM_LINT.id, (), f"parliament could not be loaded ({type(e).__name__}: "
            f"{e}); this policy was not checked by it", severity="info",
            help="install parliament with setuptools<82 (it imports pkg_resources)",
            extra={"parliament_issue": "EXCEPTION"})
    try:
        text, line_paths, tree = _dump(plain, tree=True)
        if tree is None or via_text:  # parliament parses the text (slowly: most policies skip it)
            result = analyze_policy_string(text, ignore_private_auditors=True)
        else:  # what analyze_policy_string does once its parser has read the text
            from parliament.policy import Policy

            result = Policy(tree, None, None)
            result.analyze(True, None, False)
        findings = list(result.findings)
    except Exception as e:
        return None, Problem(
            IAM_LINT.id, (), f"parliament failed on this policy ({type(e).__name__}: "
            f"{e}); it was not checked by it", severity="info",
            extra={"parliament_issue": "EXCEPTION"})
    records = []
    for f in findings:
        try:
            enhance_finding(f)
        except Exception:
            f.severity, f.title = "INFO", ""
        records.append(_finding_record(f, line_paths))
    return records, None


def _finding_record(f, line_paths) -> dict:
    """What a Problem needs of one parliament finding (after enhance_finding), as
    plain JSON values, the same whether it comes from parliament or the cache:
    its line is stored as the path of the plain policy's value on that line."""
    loc = f.location if isinstance(getattr(f, "location", None), dict) else {}
    detail = getattr(f, "detail", None)
    return {"issue": str(getattr(f, "issue", "") or "UNKNOWN"),
            "severity": str(getattr(f, "severity", "") or "").upper(),
            "path": list(line_paths.get(loc.get("line"), ())),
            "detail": _detail_text(detail),
            "detail_is_text": isinstance(detail, str),
            "title": str(getattr(f, "title", "") or "").strip().rstrip("."),
            "help": str(getattr(f, "description", "") or "").strip()}


def _valid_records(records) -> bool:
    """Is a cached value a list of finding records (anything else is a miss)?"""
    return isinstance(records, list) and all(
        isinstance(r, dict) and r.keys() == FINDING_RECORD_TYPES.keys()
        and all(isinstance(r[k], t) for k, t in FINDING_RECORD_TYPES.items())
        and all(isinstance(step, (str, int)) for step in r["path"])
        for r in records)


def _parliament_cache_entry(plain):
    """The cache file for parliament's findings on a plain policy (None: no cache,
    or parliament's version is unknown). Keyed by its compact JSON, from which
    the text parliament is given (`_dump`) follows: hashing that is cheaper than
    building the text, which a hit does not need."""
    from ecs_lint import cache

    where = cache.cache_dir()
    version = _parliament_version() if where is not None else None
    if version is None:
        return None
    import hashlib

    try:
        text = json.dumps(plain, separators=(",", ":"))
    except (ValueError, RecursionError):
        return None
    key = hashlib.sha256(f"{PARLIAMENT_CACHE_FORMAT}\0{version}\0{text}".encode()).hexdigest()
    folder = "parliament-" + re.sub(r"[^A-Za-z0-9._+-]", "_", version)
    return os.path.join(where, folder, key[:2], key[2:] + ".json")


_VERSION = []  # [parliament's installed version or None], found once per process


def _parliament_version():
    if not _VERSION:
        try:
            from importlib.metadata import version  # reads metadata, does not import it

            _VERSION.append(str(version("parliament")))
        except Exception:
            _VERSION.append(None)
    return _VERSION[0]


def _parliament_stamp():
    """Which parliament is installed, cheaply (importlib.metadata costs ~20 ms at
    start-up): where its package is, with the size and time of its `__init__.py`,
    which a new install replaces. Reused results (lint/results.py) are keyed by it."""
    import os
    from importlib.util import find_spec

    try:
        spec = find_spec("parliament")
        st = os.stat(spec.origin)
        return [spec.origin, st.st_size, st.st_mtime_ns]
    except Exception:  # not installed, or not a plain package
        return None


KEY_PARTS[IAM_LINT.id] = _parliament_stamp


# `arn:aws:cloudformation:REGION:aws:transform/Serverless-2016-10-31`: what a SAM
# deploy role's cloudformation:CreateChangeSet needs (parliament expects an account)
_TRANSFORM_ARN = re.compile(r"^\s*arn:[^:]*:cloudformation:[^:]*:aws:transform/\S+$")


def _parliament_problem(record, data, stmt_index, template_paths):
    issue = record["issue"]
    severity = PARLIAMENT_SEVERITY.get(record["severity"], "info")
    if issue == "EXCEPTION":
        severity = "info"
    if severity is None:
        return None
    path = _original_path(tuple(record["path"]), stmt_index)
    if issue == "DUPLICATE_SID":
        path = _second_sid(data, record["detail"]) or path
    stmt_path = _statement_path(path)
    if issue in RESOURCE_ISSUES and stmt_path is not None:
        node = value_at(data, stmt_path)
        for field in ("Resource", "NotResource"):
            if isinstance(node, dict) and field in node:
                path = stmt_path + (field,)
                break
    # parliament saw a placeholder for an unresolved template part: not its finding to make
    target = path
    if issue in RESOURCE_ISSUES and stmt_path is not None:
        target = path if path[:len(stmt_path)] == stmt_path and len(path) > len(stmt_path) \
            else stmt_path
    if issue not in POLICY_LEVEL_ISSUES and any(
            tp[:len(target)] == target or target[:len(tp)] == tp for tp in template_paths):
        return None
    if issue == "INVALID_ARN" and \
            _TRANSFORM_ARN.match(iam.pattern_text(value_at(data, path), "x") or ""):
        return None  # a CloudFormation transform's ARN: its account is `aws`, as AWS documents
    detail, title = record["detail"], record["title"]
    message = f"parliament {issue} ({record['severity']})"
    if title and not record["detail_is_text"]:
        message += f": {title}"
    if detail:
        message += f": {detail}"
    elif title and record["detail_is_text"]:
        message += f": {title}"
    extra = {"parliament_issue": issue, "parliament_severity": record["severity"],
             "statement_path": stmt_path}
    if detail:
        extra["detail"] = detail
    return Problem(IAM_LINT.id, path, message, severity=severity, extra=extra,
                   help=record["help"] or "see https://github.com/duo-labs/parliament")


def _detail_text(detail) -> str:
    if detail is None or detail == "":
        return ""
    if isinstance(detail, list):
        items = []
        for d in detail:
            if isinstance(d, dict) and "action" in d:
                items.append(f"{d['action']} needs a resource like {d.get('required_format', '*')}")
            else:
                items.append(str(d))
        shown = ", ".join(items[:4])
        return shown + (f" and {len(items) - 4} more" if len(items) > 4 else "")
    return str(detail)


def _plain_policy(policy):
    """A JSON-able copy for parliament, the original index of each statement kept,
    and the paths of values that were unresolved template parts."""
    template_paths = []

    def plain(v, path):
        if isinstance(v, Template):
            text = _placeholder(v)
            if "unresolved" in text:  # partition/region/account filled in are as good as known
                template_paths.append(path)
            return text
        if isinstance(v, dict):
            return {str(k): plain(x, path + (k,)) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x, path + (i,)) for i, x in enumerate(v)]
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        return str(v)

    if not isinstance(policy, dict):
        return {}, [], []
    out, index = {}, []
    for k, v in policy.items():
        if k == "Statement" and isinstance(v, list):
            kept = []
            for i, s in enumerate(v):
                if isinstance(s, dict):
                    s = {sk: sv for sk, sv in s.items()
                         if not (sk == "Condition" and not isinstance(sv, dict))}
                    kept.append(plain(s, ("Statement", i)))
                    index.append(i)
                else:
                    template_paths.append(("Statement", i))
            out[k] = kept
        else:
            out[str(k)] = plain(v, (k,))
    return out, index, template_paths


def _placeholder(t: Template) -> str:
    text = "".join(p if isinstance(p, str) else "\x00" for p in t.parts)
    if text.startswith("arn:"):
        fields = text.split(":", 5)
        for i, fill in ((1, "aws"), (3, "us-east-1"), (4, "123456789012")):
            if i < len(fields) and "\x00" in fields[i]:
                fields[i] = fill
        text = ":".join(fields)
    return text.replace("\x00", "unresolved")


def _dump(value, tree=False):
    """JSON text, one value per line, and line -> path of the value starting there;
    with `tree`, also the tree jsoncfg (parliament's parser) would read from that
    text, built in the same walk, or None when a value is not one whose text
    jsoncfg reads back as itself (then parliament parses the text)."""
    lines, where = [], {}
    plain = [tree]  # [still building the tree?]
    if tree:
        from jsoncfg.config_classes import ConfigJSONArray, ConfigJSONObject, ConfigJSONScalar

    def emit(v, path, indent, prefix, suffix):
        pad = "  " * indent
        where.setdefault(len(lines) + 1, path)
        at = (len(lines) + 1, len(pad) + len(prefix) + 1)  # jsoncfg's line and column
        if isinstance(v, dict) and v:
            lines.append(pad + prefix + "{")
            node = ConfigJSONObject(*at) if plain[0] else None
            items = list(v.items())
            for i, (k, x) in enumerate(items):
                key = json.dumps(k)
                child = emit(x, path + (k,), indent + 1, key + ": ",
                             "," if i < len(items) - 1 else "")
                if plain[0]:
                    if type(k) is str and key == f'"{k}"':
                        node._insert(k, child)
                    else:
                        plain[0] = False
            lines.append(pad + "}" + suffix)
            return node
        if isinstance(v, list) and v:
            lines.append(pad + prefix + "[")
            node = ConfigJSONArray(*at) if plain[0] else None
            for i, x in enumerate(v):
                child = emit(x, path + (i,), indent + 1, "", "," if i < len(v) - 1 else "")
                if plain[0]:
                    node._append(child)
            lines.append(pad + "]" + suffix)
            return node
        text = json.dumps(v)
        lines.append(pad + prefix + text + suffix)
        if not plain[0]:
            return None
        if v == {}:
            return ConfigJSONObject(*at)
        if v == []:
            return ConfigJSONArray(*at)
        if v is None or type(v) in (bool, int) or (type(v) is str and text == f'"{v}"') \
                or (type(v) is float and math.isfinite(v) and float(text) == v):
            return ConfigJSONScalar(v, *at)
        plain[0] = False
        return None

    root = emit(value, (), 0, "", "")
    text = "\n".join(lines) + "\n"
    if tree:
        return text, where, root if plain[0] else None
    return text, where


def _original_path(path, stmt_index):
    if len(path) >= 2 and path[0] == "Statement" and isinstance(path[1], int) \
            and path[1] < len(stmt_index):
        return ("Statement", stmt_index[path[1]]) + tuple(path[2:])
    return tuple(path)


def _statement_path(path):
    if len(path) >= 2 and path[0] == "Statement" and isinstance(path[1], int):
        return tuple(path[:2])
    if len(path) >= 1 and path[0] == "Statement":
        return ("Statement",)
    return None


def _second_sid(data, detail):
    m = re.search(r"'(.*)'", detail)
    if not m:
        return None
    seen = 0
    for stmt in iam.statements(data):
        if stmt.sid == m.group(1):
            seen += 1
            if seen == 2:
                return stmt.path + ("Sid",)
    return None


