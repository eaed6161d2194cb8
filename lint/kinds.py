"""Tell what a file is, from its content, and cut it into documents.

One file can hold several documents: a CloudFormation template holds roles,
policies and services; `describe-services` output holds several services. Each
document gets the data in the common model and a locate function back to the
file. See RULES.md "Inputs and how they are recognised".
"""
from __future__ import annotations

import re
from typing import List, Optional
from urllib.parse import unquote

from . import cloudformation
from .loader import json_value
from .model import Document
from .views import Origins, view_locator

DOCUMENT_KINDS = (
    "trust-policy",
    "permissions-policy",
    "workflow",
    "task-definition",
    "service",
    "oidc-provider",
    "codedeploy-deployment-group",
    "codedeploy-deployment-config",
    "codedeploy-deployment",
    "ecr-repository",
)
CONTAINER_KINDS = ("cloudformation", "terraform", "terraform-plan")
ALL_KINDS = DOCUMENT_KINDS + CONTAINER_KINDS

_SERVICE_KEYS = ("deploymentConfiguration", "loadBalancers", "deploymentController",
                 "healthCheckGracePeriodSeconds")


def _is_dict(x):
    return isinstance(x, dict)


def _statements(policy):
    st = policy.get("Statement")
    if isinstance(st, dict):
        return [st]
    if isinstance(st, list):
        return [s for s in st if isinstance(s, dict)]
    return []


def _grants_assume(action: str) -> bool:
    """Does an action (its service prefix and name in any case, with `*` and
    `?`) cover an sts:AssumeRole* action (`sts:*`, `Sts:Assume*`, `*`)?"""
    low = action.strip().lower()
    if low.startswith("sts:assumerole"):
        return True
    if "*" not in low and "?" not in low:
        return False
    pattern = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in low)
    return re.fullmatch(pattern, "sts:assumerolewithwebidentity") is not None


def _assume_actions(stmt):
    """Does the statement grant an sts:AssumeRole* action (`NotAction` naming
    only STS actions grants the others, AssumeRoleWithWebIdentity among them)?"""
    acts = stmt.get("Action")
    acts = [acts] if isinstance(acts, str) else (acts if isinstance(acts, list) else [])
    if any(isinstance(a, str) and _grants_assume(a) for a in acts):
        return True
    nots = stmt.get("NotAction")
    nots = [nots] if isinstance(nots, str) else (nots if isinstance(nots, list) else [])
    return bool(nots) and all(isinstance(a, str) and a.lower().startswith("sts:") for a in nots)


def policy_kind(policy) -> Optional[str]:
    """trust-policy, permissions-policy, or None (a resource policy, say)."""
    if not _is_dict(policy) or "Statement" not in policy:
        return None
    stmts = _statements(policy)
    with_principal = [s for s in stmts if "Principal" in s or "NotPrincipal" in s]
    if with_principal:
        if any(_assume_actions(s) for s in with_principal):
            return "trust-policy"
        return None
    return "permissions-policy"


def policy_in_string(value):
    """The policy document held in a string, or None. IAM's API returns the
    documents of GetRole, GetRolePolicy and GetPolicyVersion URL-encoded
    (RFC 3986); the AWS CLI and boto3 decode them, other SDKs (Go, Java,
    JavaScript) and the tools built on them do not."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text[:3].upper() == "%7B":
        text = unquote(text).strip()
    if not text.startswith("{"):
        return None
    try:
        data = json_value(text)
    except ValueError:
        return None
    return data if _is_dict(data) and "Statement" in data else None


def _policy_value(x):
    return _is_dict(x) or policy_in_string(x) is not None


def _policy_location(data):
    """(path to the policy document, forced kind or None) for wrapped shapes."""
    if "Statement" in data:
        return (), None
    if _policy_value(data.get("AssumeRolePolicyDocument")):
        return ("AssumeRolePolicyDocument",), "trust-policy"
    role = data.get("Role")
    if _is_dict(role) and _policy_value(role.get("AssumeRolePolicyDocument")):
        return ("Role", "AssumeRolePolicyDocument"), "trust-policy"
    if _policy_value(data.get("PolicyDocument")):
        return ("PolicyDocument",), None
    pv = data.get("PolicyVersion")
    if _is_dict(pv) and _policy_value(pv.get("Document")):
        return ("PolicyVersion", "Document"), None
    return None, None


def _looks_like_service(d):
    if not _is_dict(d) or _is_task_set(d):
        return False
    if any(k in d for k in _SERVICE_KEYS):
        return True
    if "serviceName" in d and ("taskDefinition" in d or "cluster" in d):
        return True
    return is_service_update(d)


def is_service_update(d) -> bool:
    """UpdateService input: the service named by `service` (a partial update:
    what it leaves out, the service keeps); not a task set's (`_is_task_set`)."""
    return (_is_dict(d) and isinstance(d.get("service"), str) and "serviceName" not in d
            and not _is_task_set(d)
            and any(k in d for k in ("cluster", "taskDefinition", "forceNewDeployment",
                                     "desiredCount", "networkConfiguration")))


def _is_task_set(d) -> bool:
    """A task set's input (CreateTaskSet/UpdateTaskSet, an EXTERNAL
    controller's): it names its service in `service` and has `externalId`,
    `scale` or `taskSet`, which no service has; its load balancers are not a
    service's settings."""
    return isinstance(d.get("service"), str) and any(k in d for k in ("externalId", "scale",
                                                                      "taskSet"))


_DEPLOYMENT_CONFIGURATION_KEYS = {"deploymentCircuitBreaker", "maximumPercent",
                                  "minimumHealthyPercent", "alarms", "strategy",
                                  "bakeTimeInMinutes", "lifecycleHooks", "linearConfiguration",
                                  "canaryConfiguration"}


def _looks_like_deployment_configuration(data):
    """The `--deployment-configuration` file of create/update-service."""
    return (_is_dict(data) and data and set(data) <= _DEPLOYMENT_CONFIGURATION_KEYS
            and any(k in data for k in ("deploymentCircuitBreaker", "maximumPercent",
                                        "minimumHealthyPercent")))


# ContainerDefinition's fields (Amazon ECS API reference)
_CONTAINER_KEYS = {
    "name", "image", "repositoryCredentials", "cpu", "memory", "memoryReservation", "links",
    "portMappings", "essential", "restartPolicy", "entryPoint", "command", "environment",
    "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets",
    "dependsOn", "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user",
    "workingDirectory", "disableNetworking", "privileged", "readonlyRootFilesystem",
    "dnsServers", "dnsSearchDomains", "extraHosts", "dockerSecurityOptions", "interactive",
    "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration", "healthCheck",
    "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs"}


def _looks_like_containers(data):
    """A file holding only the list of container definitions (Terraform's
    `file("containers.json")`): each item names a container with an image (or
    `essential`), and its keys are ContainerDefinition fields, or at least two
    of them besides `name` and `image` are (a list of products or people with
    a `name` and an `image` is app data, not containers)."""
    return (isinstance(data, list) and data
            and all(_is_dict(c) and "name" in c and ("image" in c or "essential" in c)
                    and (set(c) <= _CONTAINER_KEYS
                         or len(set(c) & _CONTAINER_KEYS - {"name", "image"}) >= 2)
                    for c in data))


# CreateDeployment's request fields (AWS CodeDeploy API reference)
_CREATE_DEPLOYMENT_KEYS = {
    "applicationName", "deploymentGroupName", "revision", "deploymentConfigName",
    "description", "ignoreApplicationStopFailures", "targetInstances",
    "autoRollbackConfiguration", "updateOutdatedInstancesOnly", "fileExistsBehavior",
    "overrideAlarmConfiguration"}


def _looks_like_create_deployment(data):
    """`aws deploy create-deployment --cli-input-json` (or `--cli-input-yaml`)
    input: an application and deployment group with a revision or a deployment
    config, and no field CreateDeployment lacks (a deployment group's input has
    `serviceRoleArn`, its output `computePlatform`)."""
    return ("applicationName" in data and "deploymentGroupName" in data
            and ("revision" in data or "deploymentConfigName" in data)
            and set(data) <= _CREATE_DEPLOYMENT_KEYS)


def detect(data) -> List[tuple]:
    """[(kind, path)] of the documents found in a loaded value (standalone shapes)."""
    found = []
    if _looks_like_containers(data):
        return [("container-definitions", ())]
    if not _is_dict(data):
        return found
    if _looks_like_deployment_configuration(data):
        return [("deployment-configuration", ())]
    if cloudformation.is_template(data):
        return [("cloudformation", ())]
    if "format_version" in data and any(k in data for k in
                                        ("planned_values", "resource_changes", "values")):
        return [("terraform-plan", ())]
    if "jobs" in data and ("on" in data or True in data):
        return [("workflow", ())]
    path, forced = _policy_location(data)
    if path is not None:
        policy = data
        for p in path:
            policy = policy[p]
        if isinstance(policy, str):
            policy = policy_in_string(policy)
        kind = forced or policy_kind(policy)
        if kind:
            found.append((kind, path))
    if "containerDefinitions" in data:
        found.append(("task-definition", ()))
    elif _is_dict(data.get("taskDefinition")) and "containerDefinitions" in data["taskDefinition"]:
        found.append(("task-definition", ("taskDefinition",)))
    if isinstance(data.get("services"), list) and data["services"] \
            and all(_looks_like_service(s) or (_is_dict(s) and "serviceArn" in s)
                    for s in data["services"]):
        found.extend(("service", ("services", i)) for i in range(len(data["services"])))
    elif _is_dict(data.get("service")) and (_looks_like_service(data["service"])
                                            or "serviceArn" in data["service"]):
        found.append(("service", ("service",)))
    elif _looks_like_service(data) and "containerDefinitions" not in data:
        found.append(("service", ()))
    if "Url" in data and ("ClientIDList" in data or "ThumbprintList" in data):
        found.append(("oidc-provider", ()))
    dg = data.get("deploymentGroupInfo") if _is_dict(data.get("deploymentGroupInfo")) else data
    if _looks_like_create_deployment(data):
        found.append(("codedeploy-deployment", ()))
    elif "deploymentGroupName" in dg and ("deploymentConfigName" in dg or "ecsServices" in dg):
        found.append(("codedeploy-deployment-group",
                      ("deploymentGroupInfo",) if dg is not data else ()))
    elif "deploymentConfigName" in data and ("computePlatform" in data
                                             or "trafficRoutingConfig" in data
                                             or "minimumHealthyHosts" in data):
        found.append(("codedeploy-deployment-config", ()))
    return found


def is_container(data) -> bool:
    """Is the value a CloudFormation template or a Terraform plan (a file of a
    known kind even when none of its resources is one ecs-lint reads)?"""
    return any(kind in CONTAINER_KINDS for kind, _ in detect(data))


def documents(file: str, data, locate, text, forced_kind: Optional[str] = None,
              syntax: str = "json", root: Optional[str] = None) -> List[Document]:
    """The documents in one loaded value (one YAML document or JSON file)."""
    if forced_kind:
        hits = _forced(data, forced_kind)
    else:
        hits = detect(data)
    docs = []
    for kind, path in hits:
        if kind == "cloudformation":
            docs.extend(cloudformation.extract(file, data, locate, text, root))
        elif kind in ("terraform-plan",):
            from . import terraform  # python-hcl2 is only needed for .tf files
            docs.extend(terraform.extract_plan(file, data, locate, text))
        elif kind == "container-definitions":
            docs.append(_wrapped("task-definition", "containerDefinitions", kind,
                                 file, data, locate, text))
        elif kind == "deployment-configuration":
            docs.append(_wrapped("service", "deploymentConfiguration", kind,
                                 file, data, locate, text))
        else:
            sub = data
            for p in path:
                sub = sub[p]
            ctx = {"syntax": syntax}
            if kind == "oidc-provider":
                ctx["format"] = "api"
            if tuple(path) == ("Role", "AssumeRolePolicyDocument") \
                    and isinstance(data["Role"].get("RoleName"), str):
                ctx["role_name"] = data["Role"]["RoleName"]  # `aws iam get-role` output
            doc_locate = view_locator(locate, sub, path)
            if kind in ("trust-policy", "permissions-policy") and isinstance(sub, str):
                # a policy in a string (URL-encoded): every finding at the string
                raw_text = sub
                sub = policy_in_string(sub)
                if sub is None:
                    continue
                # a JSON block scalar (`|`) of a YAML file: findings at their own
                # lines; else (URL-encoded, quoted) every one at the string
                doc_locate = None
                if syntax == "yaml" and "\n" in raw_text:
                    doc_locate = cloudformation.block_json_locator(data, path, sub, text,
                                                                   locate, None)
                if doc_locate is None:
                    span = locate(tuple(path))
                    doc_locate = lambda p=(), key=False, _s=span: _s  # noqa: E731
            docs.append(Document(kind, sub, file, doc_locate,
                                 name="/".join(map(str, path)), context=ctx, text=text))
    return docs


def _wrapped(kind, key, shape, file, data, locate, text) -> Document:
    """A part-only file (the container list, a --deployment-configuration) as the
    whole document it belongs in, `{key: data}`, with positions still in the file."""
    origins = Origins()
    view = {key: data}
    origins.set(view, key, ())
    return Document(kind, view, file, view_locator(locate, view, (), origins), text=text,
                    context={"shape": shape})


def _forced(data, kind):
    if kind in ("cloudformation", "terraform-plan"):
        return [(kind, ())]
    hits = [h for h in detect(data) if h[0] == kind
            or (kind == "task-definition" and h[0] == "container-definitions")
            or (kind == "service" and h[0] == "deployment-configuration")]
    if hits:
        return hits
    if kind in ("trust-policy", "permissions-policy"):
        path, _ = _policy_location(data) if _is_dict(data) else (None, None)
        return [(kind, path if path is not None else ())]
    return [(kind, ())]
