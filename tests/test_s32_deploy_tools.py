"""Deploys by ecspresso, fabfuel's ecs-deploy and CloudFormation (set lo): the
ecspresso subcommands that change the service (not `--dry-run`, `diff`,
`render`...), its global flags before the subcommand, a makefile recipe that
runs a deploy tool, the calls fabfuel's `ecs deploy` makes (the previous
revision deregistered by default), and a stack deploy of a template that
holds the ECS service or task definition."""
import json
import textwrap

import pytest

from conftest import ROLE, lint_files, oidc_workflow, workflow_findings
from ecs_lint import shell
from ecs_lint import workflow_model as wm

NO_ENV = "workflow-deploy-no-environment"
GATE = "workflow-deploy-no-test-gate"
CONFIG = "github:\n  repository: myorg/app\n"


def _tool(command):
    return wm.deploy_tool(shell.parse(command)[0])


# --- ecspresso's subcommands ---------------------------------------------------------


@pytest.mark.parametrize("command, tool", [
    ("ecspresso deploy --config ecspresso.yml", "ecspresso deploy"),
    # lo/01: a dry run returns before registering or updating anything
    ("ecspresso deploy --config ecspresso.yml --dry-run", None),
    ("ecspresso diff --config ecspresso.yml", None),
    ("ecspresso render --config ecspresso.yml servicedef", None),
    ("ecspresso verify", None),
    ("ecspresso status", None),
    # lo/02: rollback updates the service to the previous revision
    ("ecspresso rollback", "ecspresso rollback"),
    ("ecspresso rollback --dry-run", None),
    ("ecspresso refresh", "ecspresso refresh"),
    ("ecspresso scale --tasks 3", "ecspresso scale"),
    ("ecspresso run --overrides-file migrate.json", "ecspresso run"),
    ("ecspresso register", "ecspresso register"),
    ("ecspresso delete --force", None),
    ("ecspresso deregister --keeps 5", None),
    # lo/09: the global flags may come before the subcommand
    ("ecspresso --config deploy/production/ecspresso.yml deploy", "ecspresso deploy"),
    ("ecspresso --config=deploy/production/ecspresso.yml deploy", "ecspresso deploy"),
    ("ecspresso --debug --envfile .env --config x.yml rollback", "ecspresso rollback"),
    ("ecspresso --config deploy/production/ecspresso.yml diff", None),
])
def test_ecspresso_subcommands_that_deploy(command, tool):
    found = _tool(command)
    assert (found[0] if found else None) == tool


ECSPRESSO_JOB = """\
on: {push: {branches: [main]}}
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: kayac/ecspresso@v2
      - run: |
          ecspresso diff --config ecspresso.yml
          %s
"""


@pytest.mark.parametrize("line, deploys", [
    ("ecspresso deploy --config ecspresso.yml --dry-run", False),
    ("ecspresso deploy --config ecspresso.yml", True),
    ("ecspresso rollback", True),
    ("ecspresso rollback --dry-run", False),
])
def test_an_ecspresso_job_deploys_unless_dry_run(line, deploys):
    found = {r for r, _ in workflow_findings(ECSPRESSO_JOB % line)}
    assert (NO_ENV in found) is deploys
    assert (GATE in found) is deploys


@pytest.mark.parametrize("args, deploys", [("deploy", True), ("--config x.yml rollback", True),
                                           ("diff", False), ("deploy --dry-run", False)])
def test_the_ecspresso_action_runs_its_args(args, deploys):
    text = ("on: {push: {branches: [main]}}\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
            f"    steps:\n      - uses: kayac/ecspresso@v2\n        with: {{args: '{args}'}}\n")
    assert (NO_ENV in {r for r, _ in workflow_findings(text)}) is deploys


# --- a makefile recipe that runs a deploy tool ---------------------------------------

MAKEFILE = """\
diff:
\tecspresso --config deploy/$(ENV)/ecspresso.yml diff

deploy:
\tecspresso --config deploy/$(ENV)/ecspresso.yml deploy
"""


@pytest.mark.parametrize("target, deploys", [("deploy", True), ("diff", False)])
def test_a_make_target_that_runs_ecspresso_deploys(tmp_path, target, deploys):
    workflow = ("on: {push: {branches: [main]}}\njobs:\n  ship:\n    runs-on: ubuntu-latest\n"
                f"    steps:\n      - run: make {target} ENV=production\n")
    found = lint_files(tmp_path, {".github/workflows/main.yml": workflow, "Makefile": MAKEFILE},
                       config=CONFIG)
    shipping = [f for f in found if f.rule == NO_ENV]
    assert bool(shipping) is deploys
    if deploys:
        assert "(ecspresso deploy)" in shipping[0].message


def test_a_script_that_runs_a_deploy_tool_deploys(tmp_path):
    workflow = ("on: {push: {branches: [main]}}\njobs:\n  ship:\n    runs-on: ubuntu-latest\n"
                "    steps:\n      - run: ./scripts/ship.sh\n")
    script = "#!/bin/sh\nset -e\necs deploy prod api --tag \"$GITHUB_SHA\"\n"
    found = lint_files(tmp_path, {".github/workflows/main.yml": workflow,
                                  "scripts/ship.sh": script}, config=CONFIG)
    assert any(f.rule == NO_ENV and "(ecs deploy)" in f.message for f in found)


# --- what fabfuel's `ecs deploy` needs -----------------------------------------------


def _missing(tmp_path, command, allowed):
    """The actions xref-permission-missing says ROLE lacks for a step running
    `command` under a policy allowing `allowed` ([(actions, resource)])."""
    steps = f"          - run: {command}\n"
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": actions, "Resource": resource}
        for actions, resource in allowed]}
    files = {".github/workflows/deploy.yml": textwrap.dedent(oidc_workflow(ROLE, steps=steps)),
             "iam/policy.json": json.dumps(policy, indent=2)}
    found = lint_files(tmp_path, files, config=CONFIG + f'roles:\n  "{ROLE}":\n'
                                                       "    permissions: [iam/policy.json]\n")
    return sorted(f.message.split(" is not allowed ")[1].split()[0].rstrip(",") for f in found
                  if f.rule == "xref-permission-missing")


SERVICE = "arn:aws:ecs:eu-west-1:123456789012:service/prod/api"
WITHOUT_DEREGISTER = [(["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                        "ecs:ListTasks", "ecs:DescribeTasks"], "*"),
                      (["ecs:DescribeServices", "ecs:UpdateService"], SERVICE)]


@pytest.mark.parametrize("flags, missing", [
    # lo/03: the previous revision is deregistered by default
    ("", ["ecs:DeregisterTaskDefinition"]),
    ("--deregister", ["ecs:DeregisterTaskDefinition"]),
    ("--no-deregister", []),
    ("--no-deregister --deregister", ["ecs:DeregisterTaskDefinition"]),
])
def test_fabfuel_deregisters_the_previous_revision(tmp_path, flags, missing):
    command = f"ecs deploy prod api --image web r/api:1 {flags}"
    assert _missing(tmp_path, command, WITHOUT_DEREGISTER) == missing


@pytest.mark.parametrize("service, timeout, missing", [
    ("api", "", []),
    # another service than the one the policy names
    ("worker", "", ["ecs:DescribeServices", "ecs:UpdateService"]),
    # the waits list and describe the service's tasks: not with --timeout -1
    ("api", "--timeout -1", []),
])
def test_fabfuel_calls_on_the_service(tmp_path, service, timeout, missing):
    allowed = [(["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                 "ecs:DeregisterTaskDefinition"], "*"),
               (["ecs:DescribeServices", "ecs:UpdateService"], SERVICE)]
    if not timeout:
        allowed.append((["ecs:ListTasks", "ecs:DescribeTasks"], "*"))
    command = f"ecs deploy prod {service} --tag v1 --no-deregister {timeout}"
    assert _missing(tmp_path, command, allowed) == missing


def test_fabfuel_waits_list_the_tasks(tmp_path):
    allowed = [(["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], "*"),
               (["ecs:DescribeServices", "ecs:UpdateService"], SERVICE)]
    assert _missing(tmp_path, "ecs deploy prod api --tag v1 --no-deregister",
                    allowed) == ["ecs:DescribeTasks", "ecs:ListTasks"]


@pytest.mark.parametrize("flags, missing", [
    ("-r arn:aws:iam::123456789012:role/api-task", ["iam:PassRole"]),
    ("", []),
    # run with another account's role: its calls are not this role's
    ("-r arn:aws:iam::123456789012:role/api-task --account 210987654321 --assume-role d",
     []),
])
def test_fabfuel_passes_the_role_it_sets(tmp_path, flags, missing):
    command = f"ecs deploy prod api --tag v1 --no-deregister {flags}"
    assert _missing(tmp_path, command, WITHOUT_DEREGISTER) == missing


# --- a CloudFormation stack that holds the service -----------------------------------

SERVICE_TEMPLATE = """\
Parameters:
  ImageTag: {Type: String}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api
      ContainerDefinitions:
        - {Name: api, Image: !Sub "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:${ImageTag}"}
  Service:
    Type: AWS::ECS::Service
    Properties: {Cluster: prod, TaskDefinition: !Ref Task, DesiredCount: 2}
"""
BUCKET_TEMPLATE = """\
Resources:
  Assets:
    Type: AWS::S3::Bucket
"""
STACK_WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  stack:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - %s
"""


@pytest.mark.parametrize("step, template, deploys", [
    # lo/05: the stack registers a revision and updates the service
    ("run: aws cloudformation deploy --stack-name api --template-file infra/stack.yaml "
     "--parameter-overrides ImageTag=${{ github.sha }}", SERVICE_TEMPLATE, True),
    ("run: aws cloudformation deploy --stack-name api --template-file infra/stack.yaml",
     BUCKET_TEMPLATE, False),
    ("run: aws cloudformation deploy --stack-name api --template-file infra/stack.yaml "
     "--no-execute-changeset", SERVICE_TEMPLATE, False),
    ("run: aws cloudformation update-stack --stack-name api "
     "--template-body file://infra/stack.yaml", SERVICE_TEMPLATE, True),
    ("run: aws cloudformation create-change-set --stack-name api --change-set-name c "
     "--template-body file://infra/stack.yaml", SERVICE_TEMPLATE, False),
    ("uses: aws-actions/aws-cloudformation-github-deploy@v1\n        with: "
     "{name: api, template: infra/stack.yaml}", SERVICE_TEMPLATE, True),
    ("uses: aws-actions/aws-cloudformation-github-deploy@v1\n        with: "
     "{name: api, template: infra/stack.yaml, no-execute-changeset: '1'}", SERVICE_TEMPLATE,
     False),
    ("uses: aws-actions/aws-cloudformation-github-deploy@v1\n        with: "
     "{name: api, template: infra/stack.yaml}", BUCKET_TEMPLATE, False),
])
def test_a_stack_with_the_service_deploys(tmp_path, step, template, deploys):
    found = lint_files(tmp_path, {".github/workflows/stack.yml": STACK_WORKFLOW % step,
                                  "infra/stack.yaml": template}, config=CONFIG)
    assert bool([f for f in found if f.rule == NO_ENV]) is deploys
    assert bool([f for f in found if f.rule == GATE]) is deploys


def test_a_packaged_template_is_the_one_it_was_packaged_from(tmp_path):
    step = ("run: |\n          aws cloudformation package --template-file infra/stack.yaml "
            "--s3-bucket b --output-template-file out.yaml\n"
            "          aws cloudformation deploy --stack-name api --template-file out.yaml")
    found = lint_files(tmp_path, {".github/workflows/stack.yml": STACK_WORKFLOW % step,
                                  "infra/stack.yaml": SERVICE_TEMPLATE}, config=CONFIG)
    assert any(f.rule == NO_ENV and "(aws cloudformation deploy)" in f.message for f in found)
