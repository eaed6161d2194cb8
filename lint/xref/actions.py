"""The AWS actions each workflow step needs.

Two sources:

- the deploy-path actions, by what the action's README says it calls:
  `amazon-ecr-login` -> `ecr:GetAuthorizationToken`; `amazon-ecs-deploy-task-definition`
  -> `ecs:RegisterTaskDefinition` (unless only `task-definition-arn` is given),
  `ecs:DescribeServices` whenever `service` is set (it describes the service
  before deploying, waiting or not), `ecs:UpdateService` for a rolling service,
  the CodeDeploy actions when `codedeploy-*` inputs are set, `ecs:RunTask` (and
  `ecs:DescribeTasks` when it waits) for `run-task`; `docker push` / a pushing
  `docker/build-push-action` to ECR -> the five layer-upload actions; `docker pull`
  from ECR -> `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`;
  `amazon-ecs-render-task-definition` -> nothing, or `ecs:DescribeTaskDefinition`
  when it starts from a registered task definition (`task-definition-arn` or
  `task-definition-family` without a `task-definition` file);
  `configure-aws-credentials` -> nothing (the role's trust policy is the other
  side of it);
- `aws SERVICE COMMAND` in `run:` scripts: the IAM action is the service prefix
  and the command in PascalCase (`aws ecs describe-tasks` -> `ecs:DescribeTasks`),
  with the exceptions in `CLI_EXCEPTIONS` (waiters, `logs tail`,
  `ecr get-login-password`, `sts get-caller-identity`, ...). High-level commands
  whose actions depend on their arguments (`aws s3 cp`, `aws cloudformation package`)
  are not mapped rather than guessed; `aws cloudformation deploy` is the
  calls the CLI's deployer makes (`CFN_DEPLOY`).
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from ecs_lint.shell import option_values

ECR_PUSH = ("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage")
ECR_PULL = ("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")
# what the deploy action's CreateDeployment path needs (its README's minimal
# policy); codedeploy:GetDeployment only when it waits (the deploymentSuccessful
# waiter polls GetDeployment)
CODEDEPLOY = ("codedeploy:GetDeploymentGroup", "codedeploy:CreateDeployment",
              "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision")

# CLI service name -> IAM service prefix, where they differ
CLI_SERVICE_PREFIX = {
    "deploy": "codedeploy",
    "s3api": "s3",
    "elbv2": "elasticloadbalancing",
    "elb": "elasticloadbalancing",
    "logs": "logs",
    "configservice": "config",
    "stepfunctions": "states",
    "servicediscovery": "servicediscovery",
    "application-autoscaling": "application-autoscaling",
    "ecr-public": "ecr-public",
    "cognito-idp": "cognito-idp",
    "sesv2": "ses",
    "opensearch": "es",
}

# (service, command) -> actions; () means the command needs no permission
CLI_EXCEPTIONS: Dict[Tuple[str, str], Tuple[str, ...]] = {
    ("sts", "get-caller-identity"): (),
    ("ecr", "get-login-password"): ("ecr:GetAuthorizationToken",),
    ("ecr", "get-login"): ("ecr:GetAuthorizationToken",),
    ("ecr-public", "get-login-password"): ("ecr-public:GetAuthorizationToken",
                                           "sts:GetServiceBearerToken"),
    ("logs", "tail"): ("logs:FilterLogEvents",),  # the CLI pages filter_log_events only
    ("lambda", "invoke"): ("lambda:InvokeFunction",),
    ("ecs", "wait"): (),  # the waiter name decides: see CLI_WAITERS
    # the CLI describes the task for its container's runtime id (the session target)
    ("ecs", "execute-command"): ("ecs:ExecuteCommand", "ecs:DescribeTasks"),
    ("deploy", "push"): ("codedeploy:RegisterApplicationRevision",),
    # signed locally, no API call: nothing to allow
    ("eks", "get-token"): (),
    ("rds", "generate-db-auth-token"): (),
    ("cloudfront", "sign"): (),
    # a bearer token: the service's action and STS's
    ("codeartifact", "login"): ("codeartifact:GetAuthorizationToken",
                                "codeartifact:GetRepositoryEndpoint",
                                "sts:GetServiceBearerToken"),
    ("codeartifact", "get-authorization-token"): ("codeartifact:GetAuthorizationToken",
                                                  "sts:GetServiceBearerToken"),
}

# what silintl's `ecs-deploy` script calls (its getCurrentTaskDefinition,
# registerNewTaskDefinition, updateService): with a service, all of them;
# with a task definition only (`-d`), the first two
SILINTL_CALLS = ("ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                 "ecs:DescribeServices", "ecs:UpdateService", "ecs:ListTasks",
                 "ecs:DescribeTasks")

# what fabfuel's `ecs deploy CLUSTER SERVICE` calls (ecs_deploy/ecs.py, cli.py):
# the service and its revision described, a copy registered, the service
# updated; while it waits (unless `--timeout -1`) the service's tasks listed
# and described; then, by default (`--deregister`), the previous revision
# deregistered
FABFUEL_CALLS = ("ecs:DescribeServices", "ecs:DescribeTaskDefinition",
                 "ecs:RegisterTaskDefinition", "ecs:UpdateService")
FABFUEL_WAIT = ("ecs:ListTasks", "ecs:DescribeTasks")
FABFUEL_DEREGISTER = "ecs:DeregisterTaskDefinition"

# (service, waiter) -> actions the waiter polls with
CLI_WAITERS: Dict[Tuple[str, str], Tuple[str, ...]] = {
    ("ecs", "services-stable"): ("ecs:DescribeServices",),
    ("ecs", "services-inactive"): ("ecs:DescribeServices",),
    ("ecs", "tasks-stopped"): ("ecs:DescribeTasks",),
    ("ecs", "tasks-running"): ("ecs:DescribeTasks",),
    ("ecr", "image-scan-complete"): ("ecr:DescribeImageScanFindings",),
    ("ecr", "lifecycle-policy-preview-complete"): ("ecr:GetLifecyclePolicyPreview",),
    ("deploy", "deployment-successful"): ("codedeploy:GetDeployment",),
    ("cloudformation", "stack-create-complete"): ("cloudformation:DescribeStacks",),
    ("cloudformation", "stack-update-complete"): ("cloudformation:DescribeStacks",),
    ("cloudformation", "stack-delete-complete"): ("cloudformation:DescribeStacks",),
    ("elbv2", "target-in-service"): ("elasticloadbalancing:DescribeTargetHealth",),
}

# CLI-only / argument-dependent commands: no action inferred
UNMAPPED_SERVICES = {"s3", "configure", "help", "history", "cli-dev", "ddb"}
UNMAPPED_COMMANDS = {("cloudformation", "package"), ("ecs", "deploy"),
                     ("eks", "update-kubeconfig")}

# `aws cloudformation deploy` (the CLI's deployer): DescribeStacks (does the
# stack exist), CreateChangeSet, DescribeChangeSet (its waiter), then
# ExecuteChangeSet unless `--no-execute-changeset`, and DescribeStacks again
# (the stack waiter). (An update also asks GetTemplateSummary, a new stack
# does not: not counted.)
CFN_DEPLOY = ("cloudformation:DescribeStacks", "cloudformation:CreateChangeSet",
              "cloudformation:DescribeChangeSet")

def pascal(command: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in command.split("-") if w)


def cli_actions(service: str, command: str, rest=()) -> Optional[Tuple[str, ...]]:
    """IAM actions of `aws SERVICE COMMAND REST...`; None when we cannot tell.

    `rest` are the words after the command (for waiters, the waiter name)."""
    if not isinstance(service, str) or not isinstance(command, str):
        return None
    svc, cmd = service.lower(), command.lower()
    if not re.fullmatch(r"[a-z0-9-]+", svc) or not re.fullmatch(r"[a-z0-9-]+", cmd):
        return None
    if svc in UNMAPPED_SERVICES or (svc, cmd) in UNMAPPED_COMMANDS:
        return None
    if cmd == "wait":
        waiter = next((a for a in rest if isinstance(a, str) and not a.startswith("-")), None)
        if waiter is None:
            return None
        return CLI_WAITERS.get((svc, waiter.lower()))
    if (svc, cmd) in CLI_EXCEPTIONS:
        return CLI_EXCEPTIONS[(svc, cmd)]
    if (svc, cmd) == ("cloudformation", "deploy"):
        return CFN_DEPLOY if "--no-execute-changeset" in rest \
            else CFN_DEPLOY + ("cloudformation:ExecuteChangeSet",)
    prefix = CLI_SERVICE_PREFIX.get(svc, svc)
    return (f"{prefix}:{pascal(cmd)}",)


def action_name(uses: Optional[str]) -> str:
    """`aws-actions/amazon-ecs-deploy-task-definition@v2` -> `aws-actions/amazon-ecs-deploy-task-definition`."""
    if not isinstance(uses, str):
        return ""
    return uses.split("@", 1)[0].strip().lower().rstrip("/")


CONFIGURE = "aws-actions/configure-aws-credentials"
ECR_LOGIN = "aws-actions/amazon-ecr-login"
RENDER = "aws-actions/amazon-ecs-render-task-definition"
DEPLOY = "aws-actions/amazon-ecs-deploy-task-definition"
BUILD_PUSH = "docker/build-push-action"
BAKE = "docker/bake-action"


def _truthy(v) -> bool:
    if isinstance(v, bool):
        return v
    return isinstance(v, str) and v.strip().lower() == "true"


def _set(v) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())


DOCKER_LOGIN = "docker/login-action"
_ECR_HOST = re.compile(r"^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?/?$")


def ecr_login_kind(uses, with_) -> Optional[str]:
    """'private' or 'public' for a step that logs Docker in to ECR with the
    job's AWS credentials: `amazon-ecr-login`, or `docker/login-action` given
    an ECR registry and no username or password (it then asks ECR for a token
    with those credentials); None for any other step."""
    if not isinstance(uses, str) or "login" not in uses.lower():
        return None  # (asked for every step of a job, for each of its steps)
    name = action_name(uses)
    w = with_ if isinstance(with_, dict) else {}
    if name == ECR_LOGIN:
        return "public" if str(w.get("registry-type", "")).lower() == "public" else "private"
    if name == DOCKER_LOGIN and not _set(w.get("username")) and not _set(w.get("password")):
        registry = w.get("registry")
        registry = registry.strip() if isinstance(registry, str) else ""
        if _ECR_HOST.match(registry):
            return "private"
        if registry.rstrip("/") == "public.ecr.aws":
            return "public"
    return None


def action_step_needs(uses: str, with_: dict,
                      controller: Optional[str] = None) -> List[Tuple[str, str]]:
    """[(action, why)] for a `uses:` step of the deploy path. `controller`: the
    deployment controller of the service the deploy action updates, when its
    definition was read (the action asks the service and goes the CodeDeploy
    way for `CODE_DEPLOY`, whatever its `codedeploy-*` inputs say)."""
    name = action_name(uses)
    w = with_ if isinstance(with_, dict) else {}
    login = ecr_login_kind(uses, w)
    if login == "public":
        return [("ecr-public:GetAuthorizationToken", f"{name} (public)"),
                ("sts:GetServiceBearerToken", f"{name} (public)")]
    if login == "private":
        return [("ecr:GetAuthorizationToken", name)]
    if name == DEPLOY:
        out = []
        why = "amazon-ecs-deploy-task-definition"
        if _set(w.get("task-definition")):
            out.append(("ecs:RegisterTaskDefinition", why + " (registering the task definition)"))
        codedeploy = any(_set(w.get(k)) for k in ("codedeploy-appspec", "codedeploy-application",
                                                   "codedeploy-deployment-group"))
        if controller is not None:
            codedeploy = controller.upper() == "CODE_DEPLOY"
        if _set(w.get("service")):
            out.append(("ecs:DescribeServices", why + " (describing the service, always when "
                        "`service` is set)"))
            if codedeploy:
                out.extend((a, why + " (deploying through CodeDeploy)") for a in CODEDEPLOY)
                if _truthy(w.get("wait-for-service-stability")):
                    out.append(("codedeploy:GetDeployment", why + " (waiting for the CodeDeploy "
                                "deployment)"))
            else:
                out.append(("ecs:UpdateService", why + " (updating the service)"))
        if _truthy(w.get("run-task")):
            out.append(("ecs:RunTask", why + " (running a task, `run-task: true`)"))
            if _truthy(w.get("wait-for-task-stopped")):
                out.append(("ecs:DescribeTasks", why + " (waiting for the task to stop)"))
        return out
    if name == RENDER:
        # without a `task-definition` file it reads the registered one (by ARN, or
        # by family and revision): ecs.describeTaskDefinition in its index.js
        if not _set(w.get("task-definition")) and any(
                _set(w.get(k)) for k in ("task-definition-arn", "task-definition-family")):
            return [("ecs:DescribeTaskDefinition", "amazon-ecs-render-task-definition (reading "
                     "the registered task definition)")]
        return []
    if name == BUILD_PUSH and _truthy(w.get("push")):
        return [(a, "docker/build-push-action (pushing the image)") for a in ECR_PUSH]
    if name == BAKE and _truthy(w.get("push")):
        return [(a, "docker/bake-action (pushing the targets' images)") for a in ECR_PUSH]
    return []


def bake_tags(value) -> List[str]:
    """The tags docker/bake-action's `set` lines give its targets
    (`api.tags=REPO:TAG`, `*.tags=...`), in order."""
    if not isinstance(value, str):
        return []
    out = []
    for line in value.splitlines():
        key, eq, tag = line.strip().partition("=")
        if eq and key.strip().split(".")[-1] == "tags" and tag.strip():
            out.append(tag.strip())
    return out


def cache_to_refs(value) -> List[str]:
    """The registry refs a `cache-to` input exports the build cache to: one entry a
    line (docker/build-push-action keeps each line's commas), `type=registry,
    ref=REF,...` or a bare REF (buildx reads an entry without `=` as a registry
    ref); not those with `ignore-error=true`, whose failed export does not fail
    the build (Docker docs, "Registry cache")."""
    out = []
    for entry in value.splitlines() if isinstance(value, str) else []:
        entry = entry.strip()
        if not entry:
            continue
        if "=" not in entry:
            out.append(entry)
            continue
        attrs = {}
        for f in entry.split(","):
            k, _, v = f.partition("=")
            attrs[k.strip().lower()] = v.strip().strip("\"'")
        if attrs.get("type", "").lower() == "registry" and attrs.get("ref") and \
                attrs.get("ignore-error", "").lower() not in ("true", "1", "t"):
            out.append(attrs["ref"])
    return out


# registry clients that present Docker's login (its config.json) to ECR
REGISTRY_CLIENTS = ("docker", "crane", "skopeo", "regctl")


def docker_needs(argv: List[str]) -> List[Tuple[str, str, Optional[str]]]:
    """[(action, why, image)] for docker commands that talk to a registry (and
    the copies of crane, skopeo and regctl: a pull of the source, a push of
    the destination)."""
    tool = argv[0].rsplit("/", 1)[-1] if argv else ""
    if tool in ("crane", "skopeo", "regctl"):
        return _copy_needs(tool, argv)
    if tool != "docker":
        return []
    words = [a for a in argv[1:] if not a.startswith("-")]
    if not words:
        return []
    sub = words[0]
    if sub in ("image", "buildx") and len(words) > 1:
        sub = sub + " " + words[1]
    if sub in ("push", "image push"):
        image = words[-1] if len(words) > (1 if sub == "push" else 2) else None
        return [(a, "docker push", image) for a in ECR_PUSH]
    if sub in ("pull", "image pull"):
        image = words[-1] if len(words) > (1 if sub == "pull" else 2) else None
        return [(a, "docker pull", image) for a in ECR_PULL]
    if sub in ("build", "buildx build") and _build_pushes(argv):
        why = f"docker {sub} --push"
        return [(a, why, tag) for tag in (option_values(argv, ("-t", "--tag")) or [None])
                for a in ECR_PUSH]
    if sub == "manifest" and words[1:2] == ["push"] and len(words) > 2:
        return [(a, "docker manifest push", words[2]) for a in ECR_PUSH]
    if sub == "buildx imagetools" and words[2:3] == ["create"]:
        # reads each source's manifest, writes the list under each tag
        tags = option_values(argv, ("-t", "--tag"))
        sources = [w for w in words[3:] if w not in tags]
        return [(a, "docker buildx imagetools create", src) for src in sources
                for a in ("ecr:BatchGetImage",)] \
            + [(a, "docker buildx imagetools create", t) for t in tags for a in ECR_PUSH]
    return []


def _copy_needs(tool: str, argv: List[str]) -> List[Tuple[str, str, Optional[str]]]:
    """`crane copy|cp SRC DST`, `skopeo copy docker://SRC docker://DST`,
    `regctl image copy|cp SRC DST`: ECR's pull actions on SRC, push on DST."""
    words = [a for a in argv[1:] if not a.startswith("-")]
    if tool == "crane" and len(words) == 3 and words[0] == "tag":
        # `crane tag IMG TAG`: the manifest read and put back under TAG
        src = words[1]
        dst = re.sub(r"(@[^/]*|:[^/:]*)$", "", src) + ":" + words[2]
        return [("ecr:BatchGetImage", "crane tag", src), ("ecr:PutImage", "crane tag", dst)]
    if tool == "regctl":
        words = words[1:] if words[:1] == ["image"] else []
    if len(words) < 3 or words[0] not in ("copy", "cp"):
        return []
    if tool == "skopeo":
        if not all(w.startswith("docker://") for w in words[1:3]):
            return []  # another transport (a local dir, an archive)
        words = [words[0]] + [w[len("docker://"):] for w in words[1:3]]
    why = f"{tool} {words[0]}"
    src, dst = words[1], words[2]
    return [(a, why, src) for a in ECR_PULL] + [(a, why, dst) for a in ECR_PUSH]


def _build_pushes(argv: List[str]) -> bool:
    """Does `docker build` / `docker buildx build` push its image: `--push`, or an
    `--output` of `type=registry` or `type=image` with `push=true`."""
    if "--push" in argv:
        return True
    for out in option_values(argv, ("-o", "--output")):
        attrs = dict(f.partition("=")[::2] for f in out.lower().split(","))
        if attrs.get("type") == "registry" or (attrs.get("type") == "image"
                                               and attrs.get("push") == "true"):
            return True
    return False


_ECR_URI = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([^:@\s]+)")
_OTHER_REGISTRY = re.compile(r"^(ghcr\.io|docker\.io|quay\.io|registry\.gitlab\.com|"
                             r"public\.ecr\.aws|[a-z0-9.-]+\.azurecr\.io|gcr\.io|"
                             r"[a-z0-9-]+-docker\.pkg\.dev)/")


def partition(region: Optional[str]) -> str:
    """The ARN partition of a region: `aws-cn` (China), `aws-us-gov` (GovCloud), else `aws`."""
    r = region if isinstance(region, str) else ""
    return "aws-cn" if r.startswith("cn-") else "aws-us-gov" if r.startswith("us-gov-") \
        else "aws"


def registry_host(account: str, region: str) -> str:
    """The private ECR registry of an account in a region (`.amazonaws.com.cn` in China)."""
    suffix = ".cn" if partition(region) == "aws-cn" else ""
    return f"{account}.dkr.ecr.{region}.amazonaws.com{suffix}"


def ecr_repository_arn(image: Optional[str]) -> Optional[str]:
    """The ECR repository ARN of a literal ECR image URI, else None."""
    if not isinstance(image, str):
        return None
    m = _ECR_URI.match(image.strip().strip("\"'"))
    if not m:
        return None
    account, region, repo = m.groups()
    return f"arn:{partition(region)}:ecr:{region}:{account}:repository/{repo}"


_ECR_PUBLIC = re.compile(r"^public\.ecr\.aws/[a-z0-9_-]+/([a-z0-9][a-z0-9._/-]*?)(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?$")


def ecr_public_repository(image: Optional[str]) -> Optional[str]:
    """The repository name of a literal ECR Public image (`public.ecr.aws/ALIAS/NAME:tag`)."""
    if not isinstance(image, str):
        return None
    m = _ECR_PUBLIC.match(image.strip().strip("\"'"))
    return m.group(1) if m else None


def is_other_registry(image: Optional[str]) -> bool:
    """An image that is certainly not in a private ECR registry."""
    if not isinstance(image, str):
        return False
    s = image.strip().strip("\"'")
    if "$" in s or "{{" in s:
        return False
    if _OTHER_REGISTRY.match(s):
        return True
    first = s.split("/", 1)[0]
    # `name`, `name:tag`, `user/name`: Docker Hub
    return "/" not in s or not ("." in first or ":" in first or first == "localhost")
