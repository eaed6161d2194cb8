"""ECS task definitions.

Document model: the register-task-definition input (`family`,
`containerDefinitions`, `cpu`, `memory`, `networkMode`, ...). describe output
is unwrapped from `taskDefinition` and a bare container-definitions list is
wrapped by lib/kinds.py; CloudFormation properties arrive camelCased. Any
field may be missing, of the wrong type, or an unresolved template value.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from ecs_lint.lazy import lazy_re
from ecs_lint.model import Problem
from ecs_lint.registry import check, rule
from ecs_lint.values import Template, Unknown

IMAGE_LATEST = rule(
    "taskdef-image-latest", "warning",
    "A container image is `:latest` or untagged (unpinned).",
    docs="""
    ## What it does
    Checks every container's `image`: it must name a tag other than `latest`
    or a digest (`@sha256:...`). An image without a tag is `:latest`.
    Placeholders that are not image references (`REPLACE_ME`, `<image>`,
    `$IMAGE`, an unresolved template parameter) are skipped; a placeholder
    repository followed by a literal tag (`${REPO_URL}:latest`,
    `{{ ssm ... }}:latest`, `APP_IMAGE:latest`) is judged by that tag. An ECR repository's URI
    with nothing after it (Terraform `aws_ecr_repository.X.repository_url`,
    CloudFormation `!GetAtt Repo.RepositoryUri`) has no tag.

    ## Why is this bad?
    A moving tag can't tell which code runs: a task started later (scaling,
    a replaced task) may pull a different image than the one deployed, and a
    rollback to the previous task definition does not bring the old code back.

    ## Example
    ```json
    {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest"}
    ```

    Use instead:
    ```json
    {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:3f9c2ab"}
    ```
    """)

SECRET_IN_ENV = rule(
    "taskdef-secret-in-environment", "error",
    "A plain `environment` entry whose name or value looks like a secret.",
    docs="""
    ## What it does
    Reads each container's `environment` entries. It reports an entry whose
    name ends in a secret word (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`,
    `PRIVATE_KEY`, `CREDENTIALS`..., also run together as in `PGPASSWORD`)
    with a non-empty value, and any entry whose value has the shape of a
    credential: an AWS access key id, a private key block, a
    GitHub/Slack/Stripe token, a Slack webhook URL (Slack: it "contains a
    secret"), a JWT, a URL with a password, a connection string with
    `Password=` or `PWD=` (or a URL's `?password=`), or a long high-entropy string. In Terraform and
    CloudFormation, a URL or connection string whose password is a variable
    or a parameter (`postgres://app:${var.db_password}@db/app`) counts too: the
    tool writes the value into the task definition; in a JSON file, so does a
    `${VAR}` password the container does not get as a variable of its own (a
    template step, `envsubst`, fills it in before it is registered). So does
    `amazon-ecs-render-task-definition`: a line of its `environment-variables`
    input holding a GitHub secret (`KEY=${{ secrets.X }}`, unless the name says
    it is an ARN or an id) or such a value is reported in the workflow; so is
    such a value a script writes into a task definition's `environment`
    (fabfuel's `ecs deploy --env CONTAINER NAME VALUE`, a `jq --arg` made a
    `{"name": ..., "value": $arg}` entry). A DSN is judged by
    its value (a Sentry DSN holds only a public client key). Names that only
    mention a secret store or describe one (`SECRETS_MANAGER_REGION`, `DB_PASSWORD_SECRET_ARN`,
    `TOKEN_URL`, `PASSWORD_MIN_LENGTH`, Airflow's `AIRFLOW__CORE__FERNET_KEY_SECRET`
    and `..._CMD`, whose value names a secret of its secrets backend) and values that are booleans,
    references (ARNs), paths or small numbers (`TOKEN_TTL=3600`; under a
    password's name a number is reported) are not reported. A template's
    reference is judged by what it resolves to: CloudFormation `!Ref` of a
    resource (an `AWS::SecretsManager::Secret` gives its ARN, an
    `AWS::SSM::Parameter` its name), `!GetAtt` of one (but not a value such as
    `SecretAccessKey`, `ClientSecret` or a custom resource's attribute) and
    `Fn::ImportValue`, Terraform `.arn` and an AWS resource's `.id` or `.name`
    are references; a parameter, a variable, `secret_string`,
    `random_password.X.result` or `data.aws_ssm_parameter.X.value` is the
    value. A name that says it holds a public key (`VAPID_PUBLIC_KEY`,
    `SSH_PUBKEY`, `STRIPE_PUBLISHABLE_KEY`) is not a secret's, and its long
    random value is reported only when it has a credential's shape.

    ## Why is this bad?
    Environment values are stored in the task definition in clear text:
    anyone with `ecs:DescribeTaskDefinition` (and every CI log that prints it)
    reads the secret, and every revision keeps it forever.

    ## Example
    ```json
    "environment": [{"name": "DB_PASSWORD", "value": "hunter2-prod"}]
    ```

    Use instead:
    ```json
    "secrets": [{"name": "DB_PASSWORD",
                 "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"}]
    ```
    """)

SECRETS_NO_EXEC_ROLE = rule(
    "taskdef-secrets-no-execution-role", "error",
    "`secrets` or `repositoryCredentials` are used without `executionRoleArn`.",
    docs="""
    ## What it does
    Checks that a task definition whose containers use `secrets`,
    `repositoryCredentials` or log driver `secretOptions` has an
    `executionRoleArn`; also a workflow's `amazon-ecs-render-task-definition`
    step whose `secrets` input adds secrets to a file without one (reported
    at the input).

    ## Why is this bad?
    ECS fetches those secrets with the task execution role before the
    container starts. Without one the task fails to start
    (`ResourceInitializationError`), and the deploy never becomes stable.

    ## Example
    ```json
    {"family": "api",
     "containerDefinitions": [{"name": "api", "image": "api:1.4.2",
       "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}]}]}
    ```

    Use instead:
    ```json
    {"family": "api",
     "executionRoleArn": "arn:aws:iam::123456789012:role/api-execution",
     "containerDefinitions": [{"name": "api", "image": "api:1.4.2",
       "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}]}]}
    ```
    """)

FARGATE_INVALID = rule(
    "taskdef-fargate-invalid", "error",
    "A Fargate task with a network mode other than `awsvpc` or a cpu/memory pair Fargate does not offer.",
    docs="""
    ## What it does
    For task definitions with `FARGATE` in `requiresCompatibilities`, checks
    that `networkMode` is `awsvpc` and that task-level `cpu` and `memory` are
    given and form a pair Fargate offers (values may be numbers, strings,
    `"1 vCPU"` or `"2 GB"`):

    | cpu | memory (MiB) |
    |---|---|
    | 256 | 512, 1024, 2048 |
    | 512 | 1024 to 4096, in 1024 steps |
    | 1024 | 2048 to 8192, in 1024 steps |
    | 2048 | 4096 to 16384, in 1024 steps |
    | 4096 | 8192 to 30720, in 1024 steps |
    | 8192 | 16384 to 61440, in 4096 steps (Linux) |
    | 16384 | 32768 to 122880, in 8192 steps (Linux) |

    Windows tasks (`runtimePlatform.operatingSystemFamily` `WINDOWS_*`) need
    at least 1 vCPU and at most 4.

    ## Why is this bad?
    `RegisterTaskDefinition` rejects the definition ("Invalid 'cpu' setting for
    task", "No Fargate configuration exists for given values", "Fargate only
    supports network mode 'awsvpc'"): the deploy breaks at its first step.

    ## Example
    ```json
    {"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
     "cpu": "256", "memory": "4096"}
    ```

    Use instead:
    ```json
    {"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
     "cpu": "512", "memory": "4096"}
    ```
    """)

NO_LOGGING = rule(
    "taskdef-no-logging", "info",
    "A container without `logConfiguration`.",
    docs="""
    ## What it does
    Reports containers that have no `logConfiguration`.

    ## Why is this bad?
    Without a log driver the container's output is lost: when a migration
    task exits non-zero or a new revision fails its health checks, there is
    nothing to read. Use `awslogs` (or FireLens).

    ## Example
    ```json
    {"name": "migrate", "image": "app:3f9c2ab", "command": ["./manage.py", "migrate"]}
    ```

    Use instead:
    ```json
    {"name": "migrate", "image": "app:3f9c2ab", "command": ["./manage.py", "migrate"],
     "logConfiguration": {"logDriver": "awslogs", "options": {
       "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1",
       "awslogs-stream-prefix": "migrate"}}}
    ```
    """)


def _containers(data):
    if not isinstance(data, dict):
        return []
    cds = data.get("containerDefinitions")
    if not isinstance(cds, list):
        return []
    return [(i, c) for i, c in enumerate(cds) if isinstance(c, dict)]


def _containers_here(doc):
    """The containers whose own findings `doc` reports: none when it reads them
    from a file the folder walk lints on its own (Terraform's
    `container_definitions = file("containers.json")`), else each would be
    reported twice."""
    return [] if doc.context.get("containers_file") else _containers(doc.data)


def _container_label(c, i):
    name = c.get("name")
    return f"container '{name}'" if isinstance(name, str) else f"container {i + 1}"


# ---------------------------------------------------------------------------
# images

_DIGEST = lazy_re(r"@[A-Za-z0-9_+.-]+:[0-9a-fA-F]{32,}$")
_TAG = lazy_re(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
_PLACEHOLDER = lazy_re(r"\$\{\{.*?\}\}|\$\{[^}]*\}|\{\{.*?\}\}|%[A-Za-z_][A-Za-z0-9_]*%"
                       r"|<[^<>]*>|\$[A-Za-z_][A-Za-z0-9_]*")
# an ECR repository's URI attribute: `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME` (or
# `public.ecr.aws/ALIAS/NAME`), never with a tag (Terraform `repository_url`/`repository_uri`,
# CloudFormation `!GetAtt Repo.RepositoryUri`)
_ECR_REPOSITORY_URI = lazy_re(r"^(?:(?:data\.)?aws_ecr_repository\.[^.]+(?:\.[^.]+)?\.repository_url"
                              r"|aws_ecrpublic_repository\.[^.]+(?:\.[^.]+)?\.repository_uri"
                              r"|[A-Za-z0-9]+\.RepositoryUri)$")
_REPO_PATH = lazy_re(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")


def image_tag(image) -> tuple:
    """(state, tag) of an image reference: state is 'digest', 'tag', 'untagged'
    or 'unknown' (a placeholder or an unresolved part where the tag would be)."""
    if isinstance(image, Template):
        last_part = image.parts[-1] if image.parts else None
        if isinstance(last_part, Unknown) and _ECR_REPOSITORY_URI.match(last_part.name):
            return "untagged", None  # nothing after the repository: no tag, so :latest
        text = "".join(p if isinstance(p, str) else "\x00" for p in image.parts)
    elif isinstance(image, str):
        # a placeholder a pipeline fills in (`${REPO_URL}`, `{{ ssm ... }}`, `%IMAGE%`,
        # `<IMAGE>`, `$IMAGE`) is an unknown part, like a template's hole
        text = _PLACEHOLDER.sub("\x00", image.strip())
    else:
        return "unknown", None
    if not text:
        return "unknown", None
    if "@" in text:
        return ("digest", None) if _DIGEST.search(text) else ("unknown", None)
    last = text.rsplit("/", 1)[-1]
    if "\x00" in last:
        # `${aws_ecr_repository.app.repository_url}:latest`: the name is not
        # known, but a literal `:TAG` after the last hole is the tag
        head, sep, tag = last.rpartition(":")
        if sep and "\x00" in head and _TAG.match(tag):
            return "tag", tag
        return "unknown", None
    name, sep, tag = last.partition(":")
    path = text.rsplit("/", 1)[0] + "/" + name if "/" in text else name
    # drop the registry host (has a dot or a port, or is localhost)
    parts = path.split("/")
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"
                           or "\x00" in parts[0] or "$" in parts[0]):  # ${REGISTRY}/app
        parts = parts[1:]
    repo = "/".join(parts)
    if not _REPO_PATH.match(repo):
        if sep and _TAG.match(tag) and re.fullmatch(r"[A-Za-z0-9_./-]+", repo):
            return "tag", tag  # `APP_IMAGE:latest`: a placeholder name, a literal tag
        return "unknown", None  # REPLACE_ME, <image>, $IMAGE, ${IMAGE}: not a reference
    if not sep:
        return "untagged", None
    return "tag", tag


@check(kinds=("task-definition",), rules=(IMAGE_LATEST.id,))
def image_latest(doc, ctx):
    for i, c in _containers_here(doc):
        image = c.get("image")
        state, tag = image_tag(image)
        if state == "untagged":
            yield Problem(IMAGE_LATEST.id, ("containerDefinitions", i, "image"),
                          f"{_container_label(c, i)} uses image '{image}' with no tag, which "
                          "means :latest: the running code can't be told from the task "
                          "definition and changes whenever the tag moves",
                          help="pin the image to a commit SHA tag or a digest (@sha256:...)")
        elif state == "tag" and tag == "latest":
            yield Problem(IMAGE_LATEST.id, ("containerDefinitions", i, "image"),
                          f"{_container_label(c, i)} uses '{image}': :latest can't tell which "
                          "code runs, and a rollback does not bring the old code back",
                          help="pin the image to a commit SHA tag or a digest (@sha256:...)")


# ---------------------------------------------------------------------------
# secrets in the environment

_SECRET_WORDS = {"password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets",
                 "token", "tokens", "credential", "credentials", "creds", "apikey",
                 "secretkey", "privatekey", "accesskey", "pat"}
# a secret word run together with what it is for: PGPASSWORD, NPMTOKEN
_SECRET_ENDING = lazy_re(r"^[a-z]+(?:password|passwd|passphrase|secret|token)$")
_KEY_PREFIXES = {"api", "access", "secret", "private", "signing", "encryption", "master",
                 "app", "license", "client", "auth", "session", "jwt", "hmac", "cookie",
                 "webhook", "aes", "crypt", "encrypt", "decryption", "ssh", "gpg", "pgp"}
# words after a secret word that make the name describe or locate a secret, not hold one
_NOT_SECRET_SUFFIX = {"arn", "name", "id", "ids", "region", "url", "uri", "endpoint", "host",
                      "path", "file", "dir", "directory", "location", "enabled", "enable",
                      "disabled", "disable", "required", "length", "len", "min", "max", "ttl",
                      "timeout", "expiry", "expiration", "expires", "lifetime", "age",
                      "header", "prefix", "suffix", "type", "version", "mode", "count",
                      "size", "param", "parameter", "store", "manager", "provider", "backend",
                      "policy", "rotation", "field", "key"}
_BOOLISH = {"true", "false", "yes", "no", "on", "off", "0", "1", "none", "null", "enabled",
            "disabled"}

_VALUE_SHAPES = (
    (lazy_re(r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b"), "an AWS access key id"),
    (lazy_re(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"), "a private key"),
    (lazy_re(r"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}"),
     "a GitHub token"),
    (lazy_re(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "a Slack token"),
    (lazy_re(r"\bhooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]+/[A-Za-z0-9/]{16,}"),
     "a Slack webhook URL"),
    (lazy_re(r"\b[rs]k_live_[A-Za-z0-9]{16,}"), "a Stripe secret key"),
    (lazy_re(r"\bAIza[0-9A-Za-z_-]{35}\b"), "a Google API key"),
    (lazy_re(r"\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"), "a SendGrid API key"),
    (lazy_re(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"), "a JWT"),
    (lazy_re(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:([^/\s@]+)@"), "a URL with a password"),
    # (a driver's connection properties in the query: `jdbc:postgresql://db/app?password=...`)
    (lazy_re(r"^[A-Za-z][A-Za-z0-9+.:-]*://[^\s?#]*\?(?:[^#\s]*&)?(?:password|passwd|pwd)"
             r"=([^&#\s]+)", re.I), "a URL with a password"),
    (lazy_re(r"(?:^|;)\s*(?:password|pwd)\s*=\s*([^;\s][^;]*)", re.I),
     "a connection string with a password"),
)
_WITH_PASSWORD = ("a URL with a password", "a connection string with a password")
# Stripe publishable keys: they only identify the account and are meant for client code
_PUBLIC_KEY_VALUE = lazy_re(r"^pk_(?:live|test)_[A-Za-z0-9]+$")
# an AWS secret access key: 40 base64 characters (no public key has that length)
_AWS_SECRET_KEY = lazy_re(r"[A-Za-z0-9/+]{40}")
# not a password: a dummy (`***`, `xxx`, `password`), or a reference the app or
# its runtime resolves from another variable (`${DB_PASSWORD}`, given by
# `secrets`); a template's `<PASSWORD>` is replaced by the real one before the
# task definition is registered, in clear text all the same
_PLACEHOLDER_PASSWORD = lazy_re(r"^(?:\$\{?[A-Za-z_]\w*\}?|\*+|x+|\.\.\.|password)$", re.I)


# Airflow's `AIRFLOW__{SECTION}__{KEY}_SECRET` and `_CMD` options: the value is
# the name of a secret in the configured secrets backend, or a command printing it
_AIRFLOW_REFERENCE = lazy_re(r"AIRFLOW__\w+?__\w+_(?:SECRET|CMD)", re.I)


def name_words(name: str):
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def public_key_name(name) -> bool:
    """Does an environment variable name say it holds a public key
    (`VAPID_PUBLIC_KEY`, `PUBLIC_SIGNING_KEY`, `SSH_PUBKEY`, `STRIPE_PUBLISHABLE_KEY`)?"""
    words = name_words(name) if isinstance(name, str) else []
    if not words:
        return False
    if words[-1] in ("pubkey", "publickey"):
        return True
    return words[-1] == "key" and any(w in ("public", "publishable") for w in words[:-1])


def secret_name(name) -> bool:
    """Does an environment variable name say it holds a secret?"""
    if not isinstance(name, str):
        return False
    if _AIRFLOW_REFERENCE.fullmatch(name):
        return False  # the key of a secret in Airflow's secrets backend, or a command
    if public_key_name(name):
        return False  # the public half of a key pair: published by design
    words = name_words(name)
    if not words:
        return False
    # join common pairs: API_KEY -> apikey, ACCESS_KEY -> accesskey
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last in _SECRET_WORDS:
        return not (last == "pass" and prev in ("by", "bypass", "no"))
    if _SECRET_ENDING.match(last):
        return True
    if last == "key" and prev in _KEY_PREFIXES:
        return True
    if last in ("value", "val") and prev in _SECRET_WORDS:
        return True
    if last == "base" and prev == "key" and len(words) > 2 and words[-3] in _KEY_PREFIXES:
        return True  # Rails' SECRET_KEY_BASE
    return False


def _shannon(text: str) -> float:
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


_RESOLVED_SECRETS = ("resolve:secretsmanager:", "resolve:ssm-secure:")
# a reference the application resolves at start (`ssm:/prod/api-key`,
# `secretsmanager:prod/db`, `aws-parameterstore:/x`), not the secret
_SCHEME_REFERENCE = lazy_re(r"(?:aws-)?(?:ssm|parameterstore|secretsmanager|sm|vault):"
                            r"[\w./@+:-]+", re.I)


def secret_value(value, given=None, name=None) -> Optional[str]:
    """What credential a value looks like, or None. In a value with unknown
    parts (a Terraform variable, a CloudFormation parameter), an unknown part
    where a password goes is one: the tool writes its value into the task
    definition (`postgres://app:${var.db_password}@db/app`), and so is a
    CloudFormation dynamic reference to a secret (`{{resolve:secretsmanager:...}}`,
    `ssm-secure`): CloudFormation writes the secret's value there. Under a
    public key's `name` a long random string is that key, not a secret."""
    if isinstance(value, Template):
        if any(isinstance(p, Unknown) and p.name.startswith(_RESOLVED_SECRETS)
               for p in value.parts):
            return "a secret CloudFormation resolves into it (`{{resolve:...}}`)"
        value = "".join(p if isinstance(p, str) else "\0" for p in value.parts)
    if not isinstance(value, str):
        return None
    v = value.strip()
    if len(v) < 8:
        return None
    for pattern, what in _VALUE_SHAPES:
        m = pattern.search(v)
        if m:
            if what in _WITH_PASSWORD and _PLACEHOLDER_PASSWORD.match(m.group(1).strip()) \
                    and not _filled_in(m.group(1).strip(), given):
                return None
            return what
    if _PUBLIC_KEY_VALUE.match(v):
        return None  # public by design: shipped to every browser
    if len(v) >= 24 and re.fullmatch(r"[A-Za-z0-9+/=_\-]+", v) \
            and not re.fullmatch(r"[0-9a-fA-F\-]+", v) \
            and re.search(r"[a-z]", v) and re.search(r"[A-Z]", v) and re.search(r"[0-9]", v) \
            and _shannon(v) >= 4.0:
        if public_key_name(name) and not _AWS_SECRET_KEY.fullmatch(v):
            return None  # a public key (VAPID's, an Ed25519 one): random, and published
        return "a high-entropy string"
    return None


_PASSWORD_NAME = lazy_re(r"PASS|PWD|(?:^|_)PIN(?:_|$)", re.I)
_VARIABLE = lazy_re(r"^\$\{?([A-Za-z_]\w*)\}?$")


def _filled_in(password: str, given) -> bool:
    """Is a `${VAR}` password a placeholder that a template step fills in
    before the task definition is registered (envsubst), rather than one the
    app resolves from a variable the container gets? `given`: the names of the
    container's `secrets` and `environment` (None: not known, not judged)."""
    m = _VARIABLE.match(password)
    return given is not None and m is not None and m.group(1) not in given


# CloudFormation resources whose attributes are whatever their author returns (a
# custom resource's `Data`, a nested stack's `Outputs`): a generated password too
_ANY_ATTRIBUTES = ("Custom::", "AWS::CloudFormation::CustomResource",
                   "AWS::CloudFormation::Stack", "AWS::Serverless::Application")
# Terraform: an ARN, or the id or name of an AWS resource or data source
# (`aws_secretsmanager_secret.db.arn`, `aws_ssm_parameter.token["x"].name`)
_TF_IDENTIFIER = lazy_re(r"(?:data\.)?aws_\w+\.[\w-]+(?:\[[^\]]*\])?\.(?:arn|id|name)"
                         r"|[\w.-]+(?:\[[^\]]*\])?\.arn")


def _identifier_part(part, resources) -> bool:
    """Is an unknown part of a value what names a resource, not a value: in
    CloudFormation (`resources`: logical id -> type) `Ref` of a resource (its
    ARN, name or id: a secret's ARN, a parameter's name), `Fn::GetAtt` of one
    but for an attribute that is content (`Value`, `SecretAccessKey`,
    `ClientSecret`, a custom resource's), `Fn::ImportValue`; in Terraform an
    `arn`, or the `id` or `name` of an AWS resource. A parameter, a variable or
    a dynamic reference (`{{resolve:...}}`) is a value."""
    if not isinstance(part, Unknown):
        return False
    if resources is None:
        return _TF_IDENTIFIER.fullmatch(part.name) is not None
    if part.name == "Fn::ImportValue":
        return True
    logical, _, attr = part.name.partition(".")
    rtype = resources.get(logical)
    if not isinstance(rtype, str) or rtype.startswith(_ANY_ATTRIBUTES):
        return False
    return not attr or (attr != "Value" and not secret_name(attr))


def _reference(value: Template, resources) -> bool:
    """Does a value with unknown parts name a secret rather than hold one: it is
    an ARN (`arn:...:secret:${Name}`), or starts with what names a resource and
    every unknown part in it does (`!Ref WebhookSecret`, `${aws_ssm_parameter.x.arn}`)."""
    first = value.parts[0] if value.parts else None
    if isinstance(first, str):
        return first.startswith("arn:")
    return all(_identifier_part(p, resources) for p in value.unknowns)


def _harmless_value(value, name=None, resources=None) -> bool:
    """A value a secret's name does not make secret: a boolean, an ARN or other
    reference (`resources`: see `_identifier_part`), a path, or a small number
    (`TOKEN_TTL=3600`), except under a password's name."""
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, Template):
        return _reference(value, resources)
    number = isinstance(value, (int, float)) or (
        isinstance(value, str) and re.fullmatch(r"\d{1,6}", value.strip()) is not None)
    if number:
        return not (isinstance(name, str) and _PASSWORD_NAME.search(name))
    if isinstance(value, str):
        v = value.strip()
        return (not v or v.lower() in _BOOLISH or v.startswith("arn:")
                or _SCHEME_REFERENCE.fullmatch(v) is not None
                or re.fullmatch(r"(?:/|\./|\.\./|~/)[\w./@+-]*", v) is not None  # a file path
                # a secret's name in its store, as a path (`prod/api`, `payments/stripe-key`)
                or re.fullmatch(r"[a-z0-9_.@+=-]+(?:/[a-z0-9_.@+=-]+)+", v) is not None)
    return False


def _cfn_resources(doc) -> Optional[dict]:
    """Logical id -> type of the resources of the CloudFormation template a
    document comes from; None when it is not from one."""
    template = doc.context.get("template") if isinstance(doc.context, dict) else None
    if isinstance(template, dict) and template.get("format") == "cloudformation" \
            and isinstance(template.get("resources"), dict):
        return template["resources"]
    return None


@check(kinds=("task-definition",), rules=(SECRET_IN_ENV.id,))
def secret_in_environment(doc, ctx):
    resources = _cfn_resources(doc)
    for i, c in _containers_here(doc):
        env = c.get("environment")
        if not isinstance(env, list):
            continue
        given = {e.get("name") for key in ("environment", "secrets")
                 for e in (c.get(key) if isinstance(c.get(key), list) else [])
                 if isinstance(e, dict) and isinstance(e.get("name"), str)}
        for j, entry in enumerate(env):
            if not isinstance(entry, dict):
                continue
            name, value = entry.get("name"), entry.get("value")
            shown = name if isinstance(name, str) else "?"
            what = secret_value(value, given, name)
            if what:
                yield Problem(SECRET_IN_ENV.id,
                              ("containerDefinitions", i, "environment", j, "value"),
                              f"environment variable {shown} of {_container_label(c, i)} holds "
                              f"what looks like {what} in "
                              "clear text: anyone who can describe the task definition reads it",
                              help="move it to AWS Secrets Manager or SSM Parameter Store and "
                                   "reference it under `secrets` (valueFrom)")
            elif secret_name(name) and not _harmless_value(value, name, resources) \
                    and "value" in entry:
                yield Problem(SECRET_IN_ENV.id,
                              ("containerDefinitions", i, "environment", j, "name"),
                              f"environment variable {shown} of {_container_label(c, i)} looks "
                              "like a secret passed in clear text: it is stored in every task "
                              "definition revision and shown to anyone who can describe it",
                              help="move it to AWS Secrets Manager or SSM Parameter Store and "
                                   "reference it under `secrets` (valueFrom)")


# ---------------------------------------------------------------------------
# secrets without an execution role


def _missing(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@check(kinds=("task-definition",), rules=(SECRETS_NO_EXEC_ROLE.id,))
def secrets_without_execution_role(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    if not _missing(data.get("executionRoleArn")):
        return
    if doc.context.get("shape") == "container-definitions":
        return  # a bare container list: the task-level fields live elsewhere
    users, first = [], None
    shared = doc.context.get("containers_file")  # the containers' own file
    for i, c in _containers(data):
        uses = []
        if isinstance(c.get("secrets"), list) and c["secrets"]:
            uses.append(("secrets", ("containerDefinitions", i, "secrets")))
        if isinstance(c.get("repositoryCredentials"), dict) and c["repositoryCredentials"]:
            uses.append(("repositoryCredentials", ("containerDefinitions", i, "repositoryCredentials")))
        log = c.get("logConfiguration")
        if isinstance(log, dict) and isinstance(log.get("secretOptions"), list) \
                and log["secretOptions"]:
            uses.append(("log secretOptions",
                         ("containerDefinitions", i, "logConfiguration", "secretOptions")))
        if uses:
            users.append(f"{_container_label(c, i)} ({', '.join(u for u, _ in uses)}"
                         f"{', in ' + shared if shared else ''})")
            first = first or uses[0][1]
    if first:
        yield Problem(SECRETS_NO_EXEC_ROLE.id, first,
                      f"{'; '.join(users)} {'needs' if len(users) == 1 else 'need'} the task "
                      "execution role to fetch secrets, but "
                      "the task definition has no executionRoleArn: the task fails to start "
                      "(ResourceInitializationError)",
                      help="set executionRoleArn to a role that may read these secrets",
                      key=True)


# ---------------------------------------------------------------------------
# Fargate sizes

FARGATE_MEMORY = {
    256: [512, 1024, 2048],
    512: list(range(1024, 4096 + 1, 1024)),
    1024: list(range(2048, 8192 + 1, 1024)),
    2048: list(range(4096, 16384 + 1, 1024)),
    4096: list(range(8192, 30720 + 1, 1024)),
    8192: list(range(16384, 61440 + 1, 4096)),
    16384: list(range(32768, 122880 + 1, 8192)),
}
WINDOWS_CPUS = (1024, 2048, 4096)

_UNIT = lazy_re(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.I)


def parse_cpu(value):
    """CPU units from 256, "256", "0.25 vCPU", "1vcpu"; None when unknown or malformed."""
    return _parse(value, {"": 1, "vcpu": 1024, "vcpus": 1024, "cpu": 1024})


def parse_memory(value):
    """MiB from 512, "512", "2 GB", "2GB", "0.5 GB"; None when unknown or malformed."""
    return _parse(value, {"": 1, "mib": 1, "mb": 1, "gb": 1024, "gib": 1024})


def _parse(value, units):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    m = _UNIT.match(value)
    if not m or m.group(2).lower() not in units:
        return None
    n = float(m.group(1)) * units[m.group(2).lower()]
    return int(n) if n.is_integer() else None


def _list(value):
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [value]
    return []


def _steps(mems):
    if len(mems) <= 4:
        return ", ".join(str(m) for m in mems)
    return f"{mems[0]} to {mems[-1]} in steps of {mems[1] - mems[0]}"


def _written(doc, key: str) -> str:
    """A task definition key (`networkMode`) as the document's source writes
    it: `NetworkMode` in CloudFormation, `network_mode` in Terraform."""
    template = doc.context.get("template") if isinstance(doc.context, dict) else None
    kind = template.get("format") if isinstance(template, dict) else None
    if kind == "cloudformation":
        return key[:1].upper() + key[1:]
    if kind == "terraform":
        return re.sub(r"(?<!^)([A-Z])", lambda m: "_" + m.group(1).lower(), key)
    return key


@check(kinds=("task-definition",), rules=(FARGATE_INVALID.id,))
def fargate_invalid(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    compat = [c for c in _list(data.get("requiresCompatibilities")) if isinstance(c, str)]
    if not any(c.upper() == "FARGATE" for c in compat):
        return
    compat_path = ("requiresCompatibilities",)
    mode = data.get("networkMode")
    if "networkMode" not in data or mode is None:
        yield Problem(FARGATE_INVALID.id, compat_path,
                      f"a Fargate task definition without {_written(doc, 'networkMode')}: "
                      "Fargate only supports "
                      "'awsvpc', and registering it fails",
                      help=f'set {_written(doc, "networkMode")} to "awsvpc"', key=True)
    elif isinstance(mode, str) and mode != "awsvpc":
        yield Problem(FARGATE_INVALID.id, ("networkMode",),
                      f"network mode '{mode}' on a Fargate task definition: Fargate only "
                      "supports 'awsvpc', and registering it fails",
                      help=f'set {_written(doc, "networkMode")} to "awsvpc"')
    cpu_raw, mem_raw = data.get("cpu"), data.get("memory")
    missing = [k for k in ("cpu", "memory") if k not in data or data.get(k) is None]
    if missing:
        yield Problem(FARGATE_INVALID.id, compat_path,
                      f"a Fargate task definition without task-level "
                      f"{' and '.join(_written(doc, k) for k in missing)}: Fargate requires "
                      "both cpu and memory, and registering it fails",
                      help=f'set task-level {_written(doc, "cpu")} and '
                           f'{_written(doc, "memory")} to a pair Fargate offers '
                           '(e.g. "256" and "512")', key=True)
        return
    cpu, mem = parse_cpu(cpu_raw), parse_memory(mem_raw)
    if cpu is None or mem is None:
        return  # unresolved or malformed: nothing certain to say
    platform = data.get("runtimePlatform")
    family = platform.get("operatingSystemFamily") if isinstance(platform, dict) else None
    windows = isinstance(family, str) and family.upper().startswith("WINDOWS")
    if cpu not in FARGATE_MEMORY or (windows and cpu not in WINDOWS_CPUS):
        offered = WINDOWS_CPUS if windows else tuple(FARGATE_MEMORY)
        yield Problem(FARGATE_INVALID.id, ("cpu",),
                      f"cpu {cpu_raw!r} is not a size Fargate offers"
                      f"{' for Windows' if windows else ''} (CPU units: "
                      f"{', '.join(map(str, offered))}): registering it fails",
                      help="pick a CPU size from the Fargate table")
        return
    if mem not in FARGATE_MEMORY[cpu]:
        fits = [c for c, mems in FARGATE_MEMORY.items() if mem in mems
                and (not windows or c in WINDOWS_CPUS)]
        hint = (f"; {mem} MiB goes with cpu {' or '.join(map(str, fits))}" if fits else "")
        yield Problem(FARGATE_INVALID.id, ("memory",),
                      f"memory {mem_raw!r} with cpu {cpu_raw!r} is not a pair Fargate offers: "
                      f"with {cpu} CPU units memory must be {_steps(FARGATE_MEMORY[cpu])} MiB"
                      f"{hint}; registering it fails",
                      help="pick a cpu/memory pair from the Fargate table")


# ---------------------------------------------------------------------------
# logging


@check(kinds=("task-definition",), rules=(NO_LOGGING.id,))
def no_logging(doc, ctx):
    for i, c in _containers_here(doc):
        if c.get("logConfiguration") is None:
            path = ("containerDefinitions", i) + (("name",) if "name" in c else ())
            yield Problem(NO_LOGGING.id, path,
                          f"{_container_label(c, i)} has no logConfiguration: its output is "
                          "lost, so a failed start or migration can't be diagnosed",
                          help='add "logConfiguration" with the awslogs driver')

