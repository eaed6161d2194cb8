"""Broken or hostile shapes for stop 30's readers: each gives findings or
none, never an internal error."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from conftest import lint_files

ROLE_STEP = """\
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/d", aws-region: us-east-1}
"""


def _no_crash(tmp_path, files, config=None):
    found = lint_files(tmp_path, files, config)
    assert not [f for f in found if f.rule == "internal-error"], \
        [f.message for f in found if f.rule == "internal-error"]
    return found


def _job(steps, extra=""):
    return ("on: {push: {branches: [main, staging]}}\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
            f"{extra}    permissions: {{id-token: write}}\n    steps:\n{steps}")


@pytest.mark.parametrize("step_if", [
    "hashFiles()", "hashFiles('**/*', '!x') != ''", "hashFiles(format('{0}', matrix.x)) == ''",
    "hashFiles('../../etc/passwd') != ''", "hashFiles('/abs') != ''", "hashFiles(3) != ''",
    "hashFiles('" + "*/" * 300 + "x') != ''", "startsWith(github.ref, 'refs/tags/'",
    "startsWith(github.ref, '')", "!startsWith(github.ref, 'refs/heads/') && 10 || 'x'",
])
def test_step_conditions_of_odd_shapes(tmp_path, step_if):
    wf = _job("      - uses: actions/checkout@v4\n"
              f"      - if: ${{{{ {step_if} }}}}\n"
              "        uses: aws-actions/amazon-ecs-render-task-definition@v1\n"
              "        with: {task-definition: td.json, container-name: app, image: x}\n"
              + ROLE_STEP,
              "    strategy: {matrix: {x: [a, b]}}\n"
              "    environment: ${{ startsWith(github.ref, 'refs/tags/') && 'p' || 's' }}\n")
    _no_crash(tmp_path, {".github/workflows/d.yml": wf, "td.json": {"family": "f"}})


@pytest.mark.parametrize("script", [
    "pushd", "popd", "popd; popd; popd > td.json", "pushd $X && echo {} > td.json",
    "pushd a b c; echo {} > td.json", "yq -o=json", "yq -o=json < > td.json",
    "jq 'del(' \"$GITHUB_EVENT_PATH\" > td.json", "X=$(jq -r '' \"$GITHUB_EVENT_PATH\")",
    "X=$(jq -r '.[' \"$GITHUB_EVENT_PATH\" | tr -dc)", "X=$(python3 -c \"$GITHUB_EVENT_PATH\")",
    "cat \"$GITHUB_EVENT_PATH\" >> \"$GITHUB_ENV\"", "jq -r . x >> \"$GITHUB_ENV\"",
    "while read -r a b; do [ \"$b\" != 0 ] && exit 1; done <<< ",
    "aws ecs describe-task-definition --task-definition | jq > td.json",
])
def test_scripts_of_odd_shapes(tmp_path, script):
    wf = _job(ROLE_STEP + f"      - id: s\n        run: |\n          {script}\n"
              "          echo \"v=$X\" >> \"$GITHUB_OUTPUT\"\n"
              "      - run: echo ${{ steps.s.outputs.v }} ${{ env.AWS_REGION }}\n"
              "      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n"
              "        with: {task-definition: td.json, container-name: app, image: x}\n")
    _no_crash(tmp_path, {".github/workflows/d.yml": wf})


@pytest.mark.parametrize("minutes", [
    "1:00", "1_000", "0b1", "+15", "017", ".inf", "-.inf", ".nan", "1e1", "0x1F", "'1:00'",
    "${{ matrix.w == 'a' && 30 || 10 }}", "${{ 10 }}", "${{ }}", "[1, 2]", "{a: 1}",
])
def test_wait_minutes_of_odd_shapes(tmp_path, minutes):
    wf = _job(ROLE_STEP + "      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n"
              "        with:\n          task-definition: td.json\n          service: s\n"
              "          wait-for-service-stability: true\n"
              f"          wait-for-minutes: {minutes}\n",
              "    strategy: {matrix: {w: [a, b]}}\n    environment: production\n")
    _no_crash(tmp_path, {".github/workflows/d.yml": wf, "td.json": {"family": "f"}})


@pytest.mark.parametrize("with_", [
    "{stage: [1, 2]}", "{stage: {a: b}}", "7", "{stage: '${{ matrix.s }}'}", "{}", "[a]",
])
def test_reusable_callers_of_odd_shapes(tmp_path, with_):
    called = ("on: {workflow_call: {inputs: {stage: {type: string, default: x}}}}\njobs:\n"
              "  s:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy "
              "--template-file t.yaml --stack-name s --parameter-overrides "
              "Stage=${{ inputs.stage }}\n")
    caller = ("on: push\njobs:\n  c:\n    strategy: {matrix: {s: [a, b]}}\n"
              f"    uses: ./.github/workflows/s.yml\n    with: {with_}\n")
    template = ("Parameters:\n  Stage: {Type: String}\nResources:\n  S:\n"
                "    Type: AWS::ECS::Service\n    Properties: {HealthCheckGracePeriodSeconds: 5}\n")
    _no_crash(tmp_path, {".github/workflows/s.yml": called, ".github/workflows/c.yml": caller,
                         "t.yaml": template})


@pytest.mark.parametrize("import_", [
    {"Fn::ImportValue": None}, {"Fn::ImportValue": ["a"]}, {"Fn::ImportValue": {"Ref": "Nope"}},
    {"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-x"}}, {"Fn::ImportValue": "Missing"},
    {"Fn::ImportValue": {"Fn::ImportValue": "Loop"}},
])
def test_imports_of_odd_shapes(tmp_path, import_):
    role = {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p",
            "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole",
                                              "Resource": import_}]}}]}}
    exporter = {"Outputs": {"A": {"Value": {"Fn::GetAtt": ["R", "Arn"]},
                                  "Export": {"Name": "Loop"}},
                            "B": {"Value": 3, "Export": "x"}, "C": [1]},
                "Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {}}}}
    _no_crash(tmp_path, {"cdk.out/A.template.json": {"Resources": {"D": role}},
                         "cdk.out/B.template.json": exporter,
                         "cdk.out/C.template.json": "{not json"})


@pytest.mark.parametrize("policy_text", [
    None, 3, "not json", "{\"Statement\": 5}", {"Statement": [{"Effect": "Allow"}]},
    {"Statement": [{"Effect": "Deny", "Principal": ["x"], "Action": 3}]},
    {"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Ref": "P"}}, "Action": "ecr:*"}]},
])
def test_repository_policies_of_odd_shapes(tmp_path, policy_text):
    template = {"Resources": {
        "Repo": {"Type": "AWS::ECR::Repository", "Properties": {
            "RepositoryName": "app", "RepositoryPolicyText": policy_text}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "d", "Policies": [
            {"PolicyName": "p", "PolicyDocument": {"Statement": [
                {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]}}]}}}}
    wf = _job(ROLE_STEP + "      - uses: aws-actions/amazon-ecr-login@v2\n"
              "      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n")
    _no_crash(tmp_path, {"cfn/t.json": template, ".github/workflows/d.yml": wf})


_ID_VALUES = st.one_of(st.integers(), st.booleans(), st.none(), st.text(max_size=8),
                       st.lists(st.text(max_size=4), max_size=3), st.dictionaries(
                           st.text(max_size=3), st.integers(), max_size=2))


@settings(max_examples=60, deadline=None)
@given(_ID_VALUES, st.sampled_from(["StringNotEquals", "StringNotEqualsIfExists",
                                    "ForAnyValue:StringNotEquals", "Null", "StringNotLike"]))
def test_deny_statements_on_repository_id_of_any_shape(tmp_path_factory, ids, operator):
    from ecs_lint import subjects as sj

    github = {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"}
    policy = {"Statement": [
        {"Effect": "Allow", "Principal": github, "Action": "sts:AssumeRoleWithWebIdentity",
         "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/*"}}},
        {"Effect": "Deny", "Principal": github, "Action": "sts:AssumeRoleWithWebIdentity",
         "Condition": {operator: {"token.actions.githubusercontent.com:repository_id": ids}}}]}
    stmts = sj.github_statements(policy, include_deny=True)
    assert sj.denies_other_repositories(stmts) in (True, False)
    folder = tmp_path_factory.mktemp("t")
    _no_crash(folder, {"trust.json": json.dumps(policy)})
