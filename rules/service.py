"""ECS services and their CodeDeploy deployment groups.

Document model: create-service / update-service input (camelCase), one entry
of describe-services output, or a CloudFormation `AWS::ECS::Service` (camelCased
by lint/cloudformation.py). CodeDeploy deployment groups and configs come from
create/get-deployment-group(-config) input/output and CloudFormation; the
configs deployments use from workflows and CreateDeployment input files.
"""
from __future__ import annotations

from typing import Optional

from ecs_lint.kinds import is_service_update
from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Problem, Span
from ecs_lint.registry import check, rule
from ecs_lint.values import Template, Unknown

wm = lazy_import("ecs_lint.workflow_model", globals(), "wm")
shell = lazy_import("ecs_lint.shell", globals(), "shell")

CODEDEPLOY_ECS_CONFIGS = (
    "CodeDeployDefault.ECSAllAtOnce",
    "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
    "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
    "CodeDeployDefault.ECSCanary10Percent5Minutes",
    "CodeDeployDefault.ECSCanary10Percent15Minutes",
)
CODEDEPLOY_SERVER_CONFIGS = ("CodeDeployDefault.OneAtATime", "CodeDeployDefault.HalfAtATime",
                             "CodeDeployDefault.AllAtOnce")
CODEDEPLOY_LAMBDA_CONFIGS = tuple("CodeDeployDefault.Lambda" + s for s in (
    "AllAtOnce", "Canary10Percent5Minutes", "Canary10Percent10Minutes",
    "Canary10Percent15Minutes", "Canary10Percent30Minutes", "Linear10PercentEvery1Minute",
    "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
    "Linear10PercentEvery10Minutes"))

CIRCUIT_BREAKER_OFF = rule(
    "service-circuit-breaker-off", "warning",
    "Rolling deploys without `deploymentCircuitBreaker {enable: true, rollback: true}`.",
    docs="""
    ## What it does
    Checks that a service deployed by ECS rolling updates (deployment
    controller `ECS`, the default, with no other `strategy` than `ROLLING`;
    in Terraform, `deployment_configuration { strategy = ... }`)
    has `deploymentConfiguration.deploymentCircuitBreaker` with both `enable`
    and `rollback` true. Services deployed by CodeDeploy (`CODE_DEPLOY`) or an
    external controller (`EXTERNAL`) are not reported: they roll back their
    own way.

    ## Why is this bad?
    Without the circuit breaker a revision whose tasks never become healthy
    is retried for hours; the workflow's stability wait times out and the
    service is left half-deployed. With `rollback: true` ECS returns to the
    last working revision by itself.

    ## Example
    ```json
    {"serviceName": "api", "deploymentConfiguration":
      {"maximumPercent": 200, "minimumHealthyPercent": 100}}
    ```

    Use instead:
    ```json
    {"serviceName": "api", "deploymentConfiguration":
      {"maximumPercent": 200, "minimumHealthyPercent": 100,
       "deploymentCircuitBreaker": {"enable": true, "rollback": true}}}
    ```
    """)

DEPLOYMENT_BLOCKED = rule(
    "service-deployment-blocked", "error",
    "`minimumHealthyPercent`/`maximumPercent` leave no room to start a new task, or are out of range.",
    docs="""
    ## What it does
    For rolling deployments, checks that `maximumPercent` leaves room above
    `minimumHealthyPercent`: ECS rounds the maximum down and the minimum up
    (on the desired count when it is known), so with 100/100, or one task
    with 150/100, it may neither start a new task nor stop an old one. Also
    reports values out of range: `minimumHealthyPercent` outside 0-100,
    `maximumPercent` below 100, above 100 for a `DAEMON` service, or not a
    whole number. (A Terraform `aws_ecs_service` with `scheduling_strategy =
    "DAEMON"` is read as the AWS provider sends it: no maximum, and no
    minimum of 100.) A workflow's `aws ecs update-service|create-service
    --deployment-configuration ...` given inline (shorthand, nested parts such
    as `deploymentCircuitBreaker={enable=true,rollback=true}` included, or
    JSON) is read the same way, with its `--desired-count` when written out.

    ## Why is this bad?
    The deployment never makes progress: the new revision is never started
    (or the API rejects the values), and the deploy job waits until it times
    out.

    ## Example
    ```json
    {"desiredCount": 1, "deploymentConfiguration":
      {"maximumPercent": 150, "minimumHealthyPercent": 100}}
    ```

    Use instead:
    ```json
    {"desiredCount": 1, "deploymentConfiguration":
      {"maximumPercent": 200, "minimumHealthyPercent": 100}}
    ```
    """)

GRACE_PERIOD_SHORT = rule(
    "service-grace-period-short", "warning",
    "A service behind a load balancer with no `healthCheckGracePeriodSeconds` or one below 60.",
    options={"min-seconds": 60},
    docs="""
    ## What it does
    Checks that a service with `loadBalancers` sets
    `healthCheckGracePeriodSeconds` to at least `min-seconds` (default 60).

    ## Why is this bad?
    Load balancer health checks start as soon as the task runs. An app that
    takes longer to boot than the grace period (Django, Spring: often 60-90 s)
    is marked unhealthy and replaced in a loop, and the circuit breaker rolls
    back a deploy that was fine.

    ## Example
    ```json
    {"loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:...",
                        "containerName": "api", "containerPort": 8080}],
     "healthCheckGracePeriodSeconds": 10}
    ```

    Use instead:
    ```json
    {"loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:...",
                        "containerName": "api", "containerPort": 8080}],
     "healthCheckGracePeriodSeconds": 90}
    ```
    """)

PUBLIC_IP = rule(
    "service-public-ip", "info",
    "Tasks get a public IP (`assignPublicIp: ENABLED`).",
    docs="""
    ## What it does
    Reports services whose `networkConfiguration.awsvpcConfiguration`
    has `assignPublicIp: ENABLED`.

    ## Why is this bad?
    Each task is reachable from the internet on every port its security group
    opens, bypassing the load balancer. Run tasks in private subnets with a
    NAT gateway or VPC endpoints for ECR, logs and Secrets Manager.

    ## Example
    ```json
    {"networkConfiguration": {"awsvpcConfiguration": {
      "subnets": ["subnet-0a1b2c"], "assignPublicIp": "ENABLED"}}}
    ```

    Use instead:
    ```json
    {"networkConfiguration": {"awsvpcConfiguration": {
      "subnets": ["subnet-private-0a1b2c"], "assignPublicIp": "DISABLED"}}}
    ```
    """)

CODEDEPLOY_CONFIG_UNKNOWN = rule(
    "service-codedeploy-config-unknown", "error",
    "A CodeDeploy deployment config name that is not a predefined ECS config or one defined in the same files.",
    docs="""
    ## What it does
    Checks the `deploymentConfigName` of CodeDeploy deployment groups that
    deploy ECS services (`ecsServices`, or compute platform `ECS`): it must be
    one of the predefined ECS configs (`CodeDeployDefault.ECSAllAtOnce`,
    `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`,
    `CodeDeployDefault.ECSLinear10PercentEvery3Minutes`,
    `CodeDeployDefault.ECSCanary10Percent5Minutes`,
    `CodeDeployDefault.ECSCanary10Percent15Minutes`) or a config defined in
    the linted files (`AWS::CodeDeploy::DeploymentConfig`,
    `aws_codedeploy_deployment_config`, create-deployment-config input) for
    compute platform ECS (CodeDeploy's default platform is Server: a config
    without one and without traffic routing is an EC2/on-premises config). Groups of other platforms (compute platform `Server` or
    `Lambda`, or a group with EC2 / on-premises targets: tag filters,
    Auto Scaling groups) are checked against their own predefined configs. A name from an unresolved parameter is not checked.
    The `codedeploy-deployment-config` input of
    `aws-actions/amazon-ecs-deploy-task-definition` is checked the same way:
    the action passes it to CodeDeploy's CreateDeployment as the deployment's
    config, in place of the group's (an expression is worked out in each
    matrix row, with the config's `vars`, and once per kind of ref the job
    runs on for a test on `github.ref`; a value it cannot tell is not
    judged); so is `aws deploy create-deployment
    --deployment-config-name` in a script, for a deployment group the linted
    files define for ECS, and the `deploymentConfigName` of a CreateDeployment
    input file (`--cli-input-json` / `--cli-input-yaml`) whose deployment group
    the linted files define for ECS or whose revision's AppSpec content deploys
    an `AWS::ECS::Service` (a placeholder a pipeline fills in, `${CONFIG}`,
    `<CONFIG>`, `DEPLOYMENT_CONFIG`, is not judged).

    ## Why is this bad?
    `CodeDeployDefault.AllAtOnce` and `OneAtATime` are EC2/on-premises
    configs: creating the group or the deployment fails, and so does every
    blue/green deploy that uses it.

    ## Example
    ```yaml
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      DeploymentConfigName: CodeDeployDefault.AllAtOnce
      ECSServices: [{ClusterName: prod, ServiceName: api}]
    ```

    Use instead:
    ```yaml
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      DeploymentConfigName: CodeDeployDefault.ECSAllAtOnce
      ECSServices: [{ClusterName: prod, ServiceName: api}]
    ```
    """)


def _dict(value):
    return value if isinstance(value, dict) else {}


def _text(value):
    return value if isinstance(value, str) else None


def _controller(data):
    """'ECS', 'CODE_DEPLOY', 'EXTERNAL', or None when not known (a template value)."""
    ctl = data.get("deploymentController")
    if ctl is None:
        return "ECS"
    if not isinstance(ctl, dict):
        return None
    kind = ctl.get("type", "ECS")
    return kind.upper() if isinstance(kind, str) else None


def _rolling(data) -> bool:
    """Deployed by ECS rolling updates (not CodeDeploy, external, or ECS blue/green)."""
    if _controller(data) != "ECS":
        return False
    strategy = _dict(data.get("deploymentConfiguration")).get("strategy", "ROLLING")
    return isinstance(strategy, str) and strategy.upper() == "ROLLING"


def _is_true(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return None  # unknown (template) or malformed


@check(kinds=("service",), rules=(CIRCUIT_BREAKER_OFF.id,))
def circuit_breaker(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    if not _rolling(data):
        return
    if "deploymentConfiguration" not in data and is_service_update(data):
        return  # an update that leaves the deployment configuration as it is
    dc = data.get("deploymentConfiguration")
    if dc is not None and not isinstance(dc, dict):
        return  # a template value
    cb = _dict(dc).get("deploymentCircuitBreaker")
    if cb is None:
        # Terraform: the value, set elsewhere, that makes its dynamic block make
        # none (`var.on is false`): reported there too
        made = _dict(_dict((doc.context or {}).get("made_none")).get("deployment_circuit_breaker"))
        why, at = _text(made.get("why")), made.get("at")
        path = ("deploymentConfiguration",) if dc is not None else ()
        yield Problem(CIRCUIT_BREAKER_OFF.id, path,
                      "rolling deploys without a deployment circuit breaker"
                      + (f" ({why}, so its dynamic block makes none)" if why else "")
                      + ": a revision that never gets healthy is retried for hours instead of "
                        "rolled back",
                      help='add "deploymentCircuitBreaker": {"enable": true, "rollback": true} '
                           "to deploymentConfiguration", key=dc is not None)
        if why and isinstance(at, Span):
            yield Problem(CIRCUIT_BREAKER_OFF.id, (),
                          f"{why} here, so the dynamic deployment_circuit_breaker block of "
                          f"{doc.context.get('resource') or 'the service'} makes none: its "
                          "rolling deploys run without a circuit breaker, and a revision that "
                          "never gets healthy is retried for hours instead of rolled back",
                          help="give it a value that makes the block (enable and rollback true)",
                          span=at)
        return
    if not isinstance(cb, dict):
        return
    enable, rollback = _is_true(cb.get("enable")), _is_true(cb.get("rollback"))
    if enable is None and "enable" in cb or rollback is None and "rollback" in cb:
        return  # unresolved
    base = ("deploymentConfiguration", "deploymentCircuitBreaker")
    if not enable:
        yield Problem(CIRCUIT_BREAKER_OFF.id, base + (("enable",) if "enable" in cb else ()),
                      "the deployment circuit breaker is off: a failing revision is retried "
                      "for hours instead of rolled back",
                      help='set "enable": true and "rollback": true')
    elif "rollback" not in cb:  # a required member of the API, CloudFormation and Terraform
        yield Problem(CIRCUIT_BREAKER_OFF.id, base,
                      "the deployment circuit breaker lacks `rollback`, a required member: "
                      "the request is refused, and a breaker without rollback would leave the "
                      "service on the broken revision",
                      help='add "rollback": true')
    elif not rollback:
        yield Problem(CIRCUIT_BREAKER_OFF.id, base + ("rollback",),
                      "the deployment circuit breaker stops a failing deploy but does not roll "
                      "back: the service is left on the broken revision",
                      help='set "rollback": true')


def _percent(value):
    """A number, 'bad' for a malformed literal, or None when unknown."""
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return "bad"
    return None


@check(kinds=("service",), rules=(DEPLOYMENT_BLOCKED.id,))
def deployment_blocked(doc, ctx):
    yield from _blocked(doc.data if isinstance(doc.data, dict) else {})


@check(kinds=("workflow",), rules=(DEPLOYMENT_BLOCKED.id,))
def cli_deployment_blocked(doc, ctx):
    """`aws ecs create-service|update-service --deployment-configuration
    maximumPercent=100,minimumHealthyPercent=100` (shorthand or JSON) in a
    script: the same service input, read with `--desired-count` and
    `--scheduling-strategy` when they are written out (else with the
    count-free test)."""
    import dataclasses

    for job in wm.workflow_of(doc).jobs.values():
        if job.disabled:
            continue
        for st in job.steps:
            if not isinstance(st.run, str) or "--deployment-configuration" not in st.run:
                continue
            for c in wm.commands(st):
                if not (shell.is_aws(c, "ecs", "update-service")
                        or shell.is_aws(c, "ecs", "create-service")):
                    continue
                dc = _cli_structure(shell.option(c, "--deployment-configuration"))
                if dc is None:
                    continue
                data = {"deploymentConfiguration": dc}
                controller = _cli_structure(shell.option(c, "--deployment-controller"))
                if controller is not None:
                    data["deploymentController"] = controller
                count = shell.option(c, "--desired-count")
                if isinstance(count, str) and count.isdigit():
                    data["desiredCount"] = int(count)
                strategy = shell.option(c, "--scheduling-strategy")
                if isinstance(strategy, str) and "$" not in strategy:
                    data["schedulingStrategy"] = strategy
                for p in _blocked(data):
                    key = p.path[-1] if p.path else "--deployment-configuration"
                    yield dataclasses.replace(
                        p, path=st.run_path, doc=doc, key=False,
                        span=wm.script_span(doc, st, c.line, key if key in str(
                            c.argv) else "--deployment-configuration"))


def _cli_structure(value) -> Optional[dict]:
    """A CLI structure given as shorthand (`maximumPercent=100,minimumHealthyPercent=100`,
    nested: `deploymentCircuitBreaker={enable=true,rollback=true},alarms={alarmNames=[a]}`)
    or JSON, with numbers as numbers; None for a file (`file://`: read as a
    file of its own), an expression or anything else."""
    if not isinstance(value, str) or "$" in value or value.startswith(("file://", "fileb://")):
        return None
    text = value.strip()
    if text.startswith("{"):
        import json
        try:
            got = json.loads(text)
        except (ValueError, RecursionError):
            return None
        return got if isinstance(got, dict) else None
    try:
        got, end = _shorthand(text, 0, None, 0)
    except ValueError:
        return None
    return got if end == len(text) and got else None


_SHORTHAND_DEPTH = 16


def _shorthand(text: str, i: int, close: Optional[str], depth: int):
    """(the structure `k=v,k2=v2` from `i` up to `close` or the end, where it
    ends): values are `{...}` structures, `[...]` lists, quoted or plain text
    (digits a number), as the AWS CLI's shorthand parser reads them."""
    if depth > _SHORTHAND_DEPTH:
        raise ValueError("too deep")
    out = {}
    while True:
        eq = text.find("=", i)
        key = text[i:eq].strip() if eq >= 0 else ""
        if not key or any(ch in key for ch in ",{}[]\"'"):
            raise ValueError("no key")
        out[key], i = _shorthand_value(text, eq + 1, depth)
        if i < len(text) and text[i] == ",":
            i += 1
        elif close is not None and i < len(text) and text[i] == close:
            return out, i + 1
        elif close is None and i == len(text):
            return out, i
        else:
            raise ValueError("unexpected end")


def _shorthand_value(text: str, i: int, depth: int):
    if depth > _SHORTHAND_DEPTH:
        raise ValueError("too deep")
    while i < len(text) and text[i] == " ":
        i += 1
    if text.startswith("{", i):
        return _shorthand(text, i + 1, "}", depth + 1)
    if text.startswith("[", i):
        items, i = [], i + 1
        if text.startswith("]", i):
            return items, i + 1
        while True:
            item, i = _shorthand_value(text, i, depth + 1)
            items.append(item)
            if text.startswith(",", i):
                i += 1
            elif text.startswith("]", i):
                return items, i + 1
            else:
                raise ValueError("unclosed list")
    if text[i:i + 1] in ("\"", "'"):
        end = text.find(text[i], i + 1)
        if end < 0:
            raise ValueError("unclosed quote")
        return text[i + 1:end], end + 1
    end = i
    while end < len(text) and text[end] not in ",}]":
        end += 1
    word = text[i:end].strip()
    return (int(word) if word.isdigit() else word), end


def _blocked(data: dict):
    """The deployment-blocked problems of a service's data."""
    dc = data.get("deploymentConfiguration")
    if not isinstance(dc, dict) or not ("minimumHealthyPercent" in dc or "maximumPercent" in dc):
        return
    daemon = isinstance(data.get("schedulingStrategy"), str) \
        and data["schedulingStrategy"].upper() == "DAEMON"
    lo_raw, hi_raw = dc.get("minimumHealthyPercent"), dc.get("maximumPercent")
    lo = _percent(lo_raw) if "minimumHealthyPercent" in dc else (0 if daemon else 100)
    hi = _percent(hi_raw) if "maximumPercent" in dc else (100 if daemon else 200)
    base = ("deploymentConfiguration",)
    bad = False
    for key, value, ok, rng in (
            ("minimumHealthyPercent", lo, lambda v: 0 <= v <= 100, "0 to 100"),
            ("maximumPercent", hi, (lambda v: v == 100) if daemon else (lambda v: v >= 100),
             "100 for a DAEMON service" if daemon else "at least 100")):
        if key not in dc or value is None:
            continue
        if value == "bad" or not _whole(value) or not ok(value):
            bad = True
            yield Problem(DEPLOYMENT_BLOCKED.id, base + (key,),
                          f"{key} {dc[key]!r} is out of range (a whole number, {rng}): "
                          "ECS rejects it or the deployment cannot proceed",
                          help=f"set {key} to a whole number, {rng}")
    if bad or not _rolling(data) or not isinstance(lo, (int, float)) \
            or not isinstance(hi, (int, float)):
        return
    fix = ("lower minimumHealthyPercent (a DAEMON service cannot go above maximumPercent 100)"
           if daemon else "raise maximumPercent (e.g. 200) or lower minimumHealthyPercent")
    # a DAEMON service's maximumPercent is fixed at 100: the setting to change is the minimum
    at = base + ("minimumHealthyPercent" if daemon and "minimumHealthyPercent" in dc
                 else "maximumPercent",)
    count = data.get("desiredCount")
    if isinstance(count, str) and count.strip().isdigit():
        count = int(count.strip())  # CloudFormation and Terraform read "1" as 1
    if isinstance(count, int) and not isinstance(count, bool) and count > 0:
        # whole numbers here (the range checks above): exact integer arithmetic, which
        # neither rounds a large count nor overflows on a maximumPercent like 1e308
        most, least = count * int(hi) // 100, -(-count * int(lo) // 100)
        if most <= least:
            yield Problem(DEPLOYMENT_BLOCKED.id, at,
                          f"with desiredCount {count}, maximumPercent {_num(hi)} and "
                          f"minimumHealthyPercent {_num(lo)} ECS may run at most {most} and "
                          f"must keep {least} healthy: it can neither start a new task nor "
                          "stop an old one, so the deployment never proceeds",
                          help=fix)
    elif hi <= lo:
        yield Problem(DEPLOYMENT_BLOCKED.id, at,
                      f"maximumPercent {_num(hi)} leaves no room above minimumHealthyPercent "
                      f"{_num(lo)}: ECS can neither start a new task nor stop an old one, so "
                      "the deployment never proceeds",
                      help=fix)


def _whole(v) -> bool:
    """An int, or a float with no fraction (an int of any size: float() of one may overflow)."""
    return isinstance(v, int) or v.is_integer()


def _num(v):
    return int(v) if _whole(v) else v


@check(kinds=("service",), rules=(GRACE_PERIOD_SHORT.id,))
def grace_period(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    lbs = data.get("loadBalancers")
    if not (isinstance(lbs, list) and lbs) and not isinstance(lbs, Template):
        return
    minimum = ctx.option(GRACE_PERIOD_SHORT.id, "min-seconds")
    if "healthCheckGracePeriodSeconds" not in data or data["healthCheckGracePeriodSeconds"] is None:
        yield Problem(GRACE_PERIOD_SHORT.id, ("loadBalancers",),
                      "a service behind a load balancer with no healthCheckGracePeriodSeconds: "
                      "tasks are health-checked from their first second and a slow-booting "
                      "app is killed (and the deploy rolled back) before it is up",
                      help=f"set healthCheckGracePeriodSeconds to the boot time plus a buffer "
                           f"(at least {minimum})", key=True)
        return
    grace = _percent(data["healthCheckGracePeriodSeconds"])
    if isinstance(grace, (int, float)) and grace < minimum:
        yield Problem(GRACE_PERIOD_SHORT.id, ("healthCheckGracePeriodSeconds",),
                      f"healthCheckGracePeriodSeconds is {_num(grace)}, below {minimum}: a "
                      "slow-booting app is marked unhealthy and replaced before it is up",
                      help=f"set it to the boot time plus a buffer (at least {minimum})")


@check(kinds=("service",), rules=(PUBLIC_IP.id,))
def public_ip(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    vpc = _dict(_dict(data.get("networkConfiguration")).get("awsvpcConfiguration"))
    value = vpc.get("assignPublicIp")
    if isinstance(value, str) and value.strip().upper() == "ENABLED":
        yield Problem(PUBLIC_IP.id, ("networkConfiguration", "awsvpcConfiguration",
                                     "assignPublicIp"),
                      "tasks get a public IP: each is reachable from the internet on the ports "
                      "its security group opens, around the load balancer",
                      help="run tasks in private subnets with assignPublicIp DISABLED (NAT or "
                           "VPC endpoints for ECR, logs, Secrets Manager)")


# ---------------------------------------------------------------------------
# CodeDeploy deployment configs


def _deploy_action_configs(doc, facts, github):
    """The deployment configs workflows give CreateDeployment for ECS: the
    `codedeploy-deployment-config` of amazon-ecs-deploy-task-definition steps
    (an expression as each matrix row and run works it out: `W.row_inputs`),
    and `aws deploy create-deployment --deployment-config-name` for a
    deployment group the files define for ECS (it replaces the group's)."""
    from ecs_lint.rules.workflow import row_inputs

    wf = wm.workflow_of(doc)
    for job in wf.jobs.values():
        if job.disabled:
            continue
        for st in job.steps:
            if st.uses == wm.ECS_DEPLOY:
                name = "codedeploy-deployment-config"
                values = row_inputs(doc, job, st, name, github) \
                    if isinstance(st.with_.get(name), str) else []
                known = list(dict.fromkeys(v.strip() for v in values
                                           if isinstance(v, str) and "${{" not in v))
                written = st.with_[name].strip() if isinstance(st.with_.get(name), str) else ""
                for value in known:  # (a bad value said once: the first run that gives one)
                    found = list(_ecs_config_used(doc, value, facts, wm.input_path(st, name),
                                                  None, name))
                    if found:
                        if value != written:
                            some = " in some runs" if len(set(values)) > 1 else ""
                            found[0].message = found[0].message.replace(
                                f"{name} '{value}'",
                                f"{name} '{value}' (what `{written}` gives{some})", 1)
                        yield found[0]
                        break
                continue
            if not isinstance(st.run, str) or "deployment-config-name" not in st.run:
                continue
            for c in wm.commands(st):
                group = shell.option(c, "--deployment-group-name")
                value = shell.option(c, "--deployment-config-name")
                if shell.is_aws(c, "deploy", "create-deployment") and isinstance(value, str) \
                        and group in facts.codedeploy_ecs_groups and "$" not in value:
                    yield from _ecs_config_used(doc, value.strip(), facts, st.run_path,
                                                wm.script_span(doc, st, c.line, value),
                                                "--deployment-config-name")


def _ecs_config_used(doc, value, facts, path, span, given_as):
    names, not_ecs = facts.codedeploy_names, facts.codedeploy_not_ecs
    if not value or value in names and value not in not_ecs or value in CODEDEPLOY_ECS_CONFIGS:
        return
    hint, help_text = _ecs_config_advice(value)
    what = (f"is defined in the linted files for another compute platform than ECS"
            if value in not_ecs else
            f"is not a predefined ECS config{hint} nor one defined in the linted files")
    yield Problem(CODEDEPLOY_CONFIG_UNKNOWN.id, path,
                  f"{given_as} '{value}' {what}: CreateDeployment refuses it and the deploy "
                  "fails",
                  help=help_text, doc=doc, span=span)


# a placeholder a pipeline fills in: `${CONFIG}`, `{{ config }}`, `<CONFIG>`, `%CONFIG%`,
# `DEPLOYMENT_CONFIG` (no predefined or usual config name is all capitals)
_CONFIG_PLACEHOLDER = lazy_re(r"\$|\{\{|<[^<>]*>|%\w+%|^[A-Z][A-Z0-9_]*$")
# a resource of AppSpec content (YAML or JSON) that deploys an ECS service
_ECS_APPSPEC = lazy_re(r"""\bType["']?\s*:\s*["']?AWS::ECS::Service\b""")


def _appspec_targets_ecs(revision) -> bool:
    """Does a CreateDeployment revision's AppSpec content (`appSpecContent`, or
    the older `string`) deploy an ECS service?"""
    revision = _dict(revision)
    contents = [_dict(revision.get(k)).get("content") for k in ("appSpecContent", "string")]
    return any(isinstance(c, str) and _ECS_APPSPEC.search(c) for c in contents)


def _deployment_input_config(doc, facts):
    """The `deploymentConfigName` of a CreateDeployment input file, judged as an
    ECS deployment's when the files define its group for ECS or its AppSpec
    content deploys an ECS service (it replaces the group's config)."""
    data = _dict(doc.data)
    value, group = data.get("deploymentConfigName"), data.get("deploymentGroupName")
    if not isinstance(value, str) or _CONFIG_PLACEHOLDER.search(value.strip()):
        return
    if isinstance(group, str) and group in facts.codedeploy_ecs_groups \
            or _appspec_targets_ecs(data.get("revision")):
        yield from _ecs_config_used(doc, value.strip(), facts, ("deploymentConfigName",), None,
                                    "deploymentConfigName")


def _ecs_config_advice(value: str):
    """(hint, help) for a config name that is not an ECS one: the predefined ECS
    config it is closest to, and what it is when it is another platform's."""
    close = [k for k in CODEDEPLOY_ECS_CONFIGS if k.lower() == value.lower()
             or k.replace("ECS", "") == value]
    hint = ""
    if value in CODEDEPLOY_SERVER_CONFIGS + CODEDEPLOY_LAMBDA_CONFIGS:
        kind = "an EC2/on-premises" if value in CODEDEPLOY_SERVER_CONFIGS else "a Lambda"
        hint = f" ({value} is {kind} config)"

    suggestion = close[0] if close else "CodeDeployDefault.ECSAllAtOnce"
    return hint, (f"use {suggestion}, another predefined ECS config, or define '{value}' "
                  "(a deployment config with compute platform ECS: "
                  "AWS::CodeDeploy::DeploymentConfig, aws_codedeploy_deployment_config)")


# the targets only an EC2/on-premises group has (API, CloudFormation and Terraform names)
_SERVER_TARGETS = ("ec2tag", "onpremises", "autoscalinggroup")


def _platform(group) -> str:
    if group.get("ecsServices"):
        return "ECS"
    cp = group.get("computePlatform")
    if isinstance(cp, str):
        return cp.upper()
    if any(isinstance(k, str) and k.replace("_", "").lower().startswith(_SERVER_TARGETS)
           and group[k] for k in group):
        return "SERVER"
    return ""


@check(kinds=("codedeploy-deployment-group", "codedeploy-deployment-config",
              "codedeploy-deployment", "workflow"),
       rules=(CODEDEPLOY_CONFIG_UNKNOWN.id,),
       cross_file=True)
def codedeploy_config(documents, ctx):
    from ecs_lint.xref.groups import run_facts

    facts = run_facts(documents, ctx)  # the configs the whole run defines
    names, logical_ids = facts.codedeploy_names, facts.codedeploy_ids
    not_ecs = facts.codedeploy_not_ecs
    for d in documents:
        if d.kind == "workflow":
            yield from _deploy_action_configs(d, facts, ctx.config.github)
            continue
        if d.kind == "codedeploy-deployment":
            yield from _deployment_input_config(d, facts)
            continue
        if d.kind != "codedeploy-deployment-group" or not isinstance(d.data, dict):
            continue
        value = d.data.get("deploymentConfigName")
        if isinstance(value, Template):
            holes = [p for p in value.parts if isinstance(p, Unknown)]
            if len(value.parts) == 1 and holes and (d.file, holes[0].name) in logical_ids:
                continue  # !Ref of a DeploymentConfig in the same template
            continue  # an unresolved parameter: can't tell
        platform = _platform(d.data)
        if not isinstance(value, str) or value in names and not (
                platform == "ECS" and value in not_ecs):
            continue
        known = {"ECS": CODEDEPLOY_ECS_CONFIGS, "SERVER": CODEDEPLOY_SERVER_CONFIGS,
                 "LAMBDA": CODEDEPLOY_LAMBDA_CONFIGS}.get(
            platform, CODEDEPLOY_ECS_CONFIGS + CODEDEPLOY_SERVER_CONFIGS + CODEDEPLOY_LAMBDA_CONFIGS)
        if value in known:
            continue
        if platform == "ECS":
            hint, help_text = _ecs_config_advice(value)
        else:
            hint, help_text = "", "use a predefined config of the group's platform or define it"
        what = "an ECS deployment group" if platform == "ECS" else "a deployment group"
        what = (f"is defined in the linted files for another compute platform than ECS, "
                f"and this is {what}" if value in names else
                f"is not a predefined config for {what}{hint} nor one defined in the linted "
                "files")
        yield Problem(CODEDEPLOY_CONFIG_UNKNOWN.id, ("deploymentConfigName",),
                      f"'{value}' {what}: creating the group or the deployment fails",
                      help=help_text, doc=d)
