"""Session 30: the OIDC token a job fetches itself for a `web-identity-token-file`;
a role handed to another repository's workflow two calls down; stability waits
read as GitHub reads them (YAML 1.2 scalars, a caller's matrix rows, `A && B
|| C` with numbers); a reusable workflow's deploys read with each caller's
inputs (the kf, kh and ke cases)."""
import pytest

from conftest import lint_files, workflow_findings
from ecs_lint import workflow_model as wm

# --- workflow-id-token-missing: getIDToken feeding `web-identity-token-file` --------

TOKEN_FILE_JOB = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: %(permissions)s
    steps:
%(steps)s
"""
FETCH = """\
      - uses: actions/github-script@v7
        with:
          script: |
            const token = await core.getIDToken('sts.amazonaws.com');
            require('fs').writeFileSync(`${process.env.RUNNER_TEMP}/token`, token);
"""
ASSUME = """\
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
          web-identity-token-file: ${{ runner.temp }}/token
          aws-region: us-west-2
"""


def _id_token(permissions, steps):
    text = TOKEN_FILE_JOB % {"permissions": permissions, "steps": steps}
    return [(r, ln, m) for r, ln, m in workflow_findings(text, messages=True)
            if r == "workflow-id-token-missing"]


def test_a_token_fetched_for_the_actions_token_file_needs_id_token():
    found = _id_token("read-all", FETCH + ASSUME)
    assert [(r, ln) for r, ln, _ in found] == [("workflow-id-token-missing", 5)]
    assert "the step fetching it for the web identity token file fails" in found[0][2]


@pytest.mark.parametrize("permissions, steps", [
    ("{id-token: write, contents: read}", FETCH + ASSUME),  # granted
    ("read-all", ASSUME),  # a token file nothing here fetches (a pod's, a runner's)
    ("read-all", ASSUME + FETCH),  # fetched after the role step: not for its file
    ("read-all", FETCH + ASSUME.replace("          aws-region",
                                        "          aws-access-key-id: ${{ secrets.K }}\n"
                                        "          aws-region")),  # keys, not the token
])
def test_no_token_needed_or_granted_is_not_reported(permissions, steps):
    assert _id_token(permissions, steps) == []


# --- workflow-id-token-missing: local -> local -> another repository's workflow -----

FANOUT = """\
on:
  workflow_call:
jobs:
  deploy:
    uses: acme/workflows/.github/workflows/ecs-deploy.yml@v3
    with:
      role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
      service: api
%s"""
RELEASE = """\
on: {push: {branches: [main]}}
permissions: {contents: read}
jobs:
  ship:
%s    uses: ./.github/workflows/_fanout.yml
"""


def _nested(tmp_path, grant="", secrets=""):
    found = lint_files(tmp_path, {".github/workflows/_fanout.yml": FANOUT % secrets,
                                  ".github/workflows/release.yml": RELEASE % grant})
    return [(f.rule, f.file, f.line, f.message) for f in found
            if f.rule == "workflow-id-token-missing"]


def test_a_role_handed_two_calls_down_needs_the_first_callers_id_token(tmp_path):
    found = _nested(tmp_path)
    assert [f[:3] for f in found] == [
        ("workflow-id-token-missing", ".github/workflows/release.yml", 4)]
    assert "hands another repository's workflow a role" in found[0][3]


@pytest.mark.parametrize("grant, secrets", [
    ("    permissions: {contents: read, id-token: write}\n", ""),
    ("", "    secrets: inherit\n"),  # AWS keys may come along: no token needed
])
def test_a_granting_caller_or_handed_keys_is_not_reported(tmp_path, grant, secrets):
    assert _nested(tmp_path, grant, secrets) == []


# --- workflow-stability-wait-short: YAML 1.2 scalars --------------------------------

DEPLOY = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
%(strategy)s    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: api
          cluster: prod
          wait-for-service-stability: true
          wait-for-minutes: %(minutes)s
"""


def _short(minutes, strategy=""):
    text = DEPLOY % {"minutes": minutes, "strategy": strategy}
    return [(r, ln, m) for r, ln, m in workflow_findings(text, messages=True)
            if r == "workflow-stability-wait-short"]


@pytest.mark.parametrize("minutes, short", [
    ("1:00", True),  # YAML 1.2 text "1:00": parseInt gives 1 (YAML 1.1: 60)
    ("1_000", True),  # text: 1
    ("20", False),
    ("+20", False),  # a YAML 1.2 integer
    ("0x14", False),  # YAML 1.2 hex: 20
    ('"1:00"', True),
    (".inf", False),  # parseInt('Infinity'): the default 30; no crash
])
def test_wait_minutes_are_read_as_yaml_1_2(minutes, short):
    found = _short(minutes)
    assert bool(found) == short
    if short:
        assert found[0][1] == 12 and "`wait-for-minutes: 1" in found[0][2]


@pytest.mark.parametrize("text, value", [
    ("1:00", "1:00"), ("1_000", "1_000"), ("0b1", "0b1"), ("on", "on"), ("yes", "yes"),
    ("True", True), ("FALSE", False), ("+15", 15), ("017", 17), ("0o17", 15),
    ("0x1F", 31), ("1e1", 10.0), ("-.5", -0.5),
])
def test_yaml12_plain(text, value):
    assert wm.yaml12_plain(text) == value


# --- workflow-stability-wait-short: `A && B || C` and literals, per row -----------

MATRIX = """\
    strategy:
      matrix:
        environment: [staging, production]
"""


@pytest.mark.parametrize("minutes, short", [
    ("${{ matrix.environment == 'production' && 30 || 10 }}", True),  # staging: 10
    ("${{ matrix.environment == 'production' && 30 || 20 }}", False),
    ("${{ matrix.environment != 'production' && 0 || 10 }}", True),  # 0 is falsy: 10
    ("${{ 10 }}", True),
    ("${{ 20 }}", False),
])
def test_expressions_of_known_operands_are_decided_per_row(minutes, short):
    found = _short(minutes, MATRIX)
    assert bool(found) == short
    if short:
        assert found[0][1] == 15 and "10" in found[0][2]


def test_expand_reads_number_operands_once():
    expr = "${{ matrix.e == 'prod' && 30 || 10 }}"
    assert wm.expand(expr, None, None, {"e": "prod"}) == "30"
    assert wm.expand(expr, None, None, {"e": "dev"}) == "10"
    assert wm.expand(expr, None, None, None) == expr  # the row unknown: as written
    assert wm.expand("${{ 1.50 }}-${{ 'a''b' }}", None) == "1.5-a'b"


# --- workflow-stability-wait-short: a caller's matrix rows --------------------------

SERVICE = """\
on:
  workflow_call:
    inputs:
      wait-minutes: {type: number, default: 20}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: api
          cluster: prod
          wait-for-service-stability: true
          wait-for-minutes: ${{ inputs.wait-minutes }}
"""
CALLER = """\
on: {push: {branches: [main]}}
jobs:
  services:
    strategy:
      matrix:
        include:
          - {service: gateway, wait: 20}
          - {service: notifier, wait: %s}
    uses: ./.github/workflows/_service.yml
    with:
      wait-minutes: ${{ matrix.wait }}
"""


@pytest.mark.parametrize("wait, short", [(10, True), (15, False)])
def test_a_callers_matrix_rows_are_each_judged(tmp_path, wait, short):
    found = lint_files(tmp_path, {".github/workflows/_service.yml": SERVICE,
                                  ".github/workflows/deploy.yml": CALLER % wait})
    found = [(f.file, f.line, f.message) for f in found
             if f.rule == "workflow-stability-wait-short"]
    assert bool(found) == short
    if short:
        assert found[0][:2] == (".github/workflows/deploy.yml", 11)
        assert "`wait-minutes: 10` (matrix row" in found[0][2]


# --- deployments: a reusable workflow's stacks, read with each caller's inputs -----

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage: {Type: String}
  TrafficShiftConfig: {Type: String, Default: CodeDeployDefault.ECSAllAtOnce}
Resources:
  Application:
    Type: AWS::CodeDeploy::Application
    Properties: {ComputePlatform: ECS}
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref Application
      DeploymentConfigName: !Ref TrafficShiftConfig
      ServiceRoleArn: arn:aws:iam::123456789012:role/codedeploy
      DeploymentStyle: {DeploymentType: BLUE_GREEN, DeploymentOption: WITH_TRAFFIC_CONTROL}
      ECSServices: [{ClusterName: prod, ServiceName: !Sub "api-${Stage}"}]
"""
STACK = """\
on:
  workflow_call:
    inputs:
      stage: {type: string, required: true}
      shift: {type: string, default: %s}
jobs:
  stack:
    runs-on: ubuntu-latest
    steps:
      - run: |
          aws cloudformation deploy --stack-name "api-${{ inputs.stage }}" \\
            --template-file cfn/group.yaml \\
            --parameter-overrides Stage=${{ inputs.stage }} \\
              TrafficShiftConfig=${{ inputs.shift }}
"""
INFRA = """\
on: {push: {branches: [main]}}
jobs:
  staging:
    uses: ./.github/workflows/_stack.yml
    with:
      stage: staging
  production:
    uses: ./.github/workflows/_stack.yml
    with:
      stage: production
      shift: %s
"""


def _config_unknown(tmp_path, passed, default="CodeDeployDefault.ECSAllAtOnce"):
    found = lint_files(tmp_path, {"cfn/group.yaml": TEMPLATE,
                                  ".github/workflows/_stack.yml": STACK % default,
                                  ".github/workflows/infra.yml": INFRA % passed})
    return [(f.file, f.line, f.message) for f in found
            if f.rule == "service-codedeploy-config-unknown"]


def test_a_callers_literal_input_reaches_the_stack_at_its_with_line(tmp_path):
    found = _config_unknown(tmp_path, "CodeDeployDefault.ECSCanary10Percent10Minutes")
    assert [f[:2] for f in found] == [(".github/workflows/infra.yml", 11)]
    assert "ECSCanary10Percent10Minutes" in found[0][2]


@pytest.mark.parametrize("passed", [
    "CodeDeployDefault.ECSCanary10Percent15Minutes",
    "${{ needs.pick.outputs.shift }}",  # unknown: not the empty text, not the default
])
def test_valid_or_unknown_inputs_are_not_reported(tmp_path, passed):
    assert _config_unknown(tmp_path, passed) == []


def test_the_default_a_caller_leaves_is_read_in_the_reusable_workflow(tmp_path):
    # staging passes no `shift`: the default is its value, found at the override
    found = _config_unknown(tmp_path, "CodeDeployDefault.ECSAllAtOnce",
                            default="CodeDeployDefault.AllAtOnce")
    assert [f[:2] for f in found] == [(".github/workflows/_stack.yml", 14)]
