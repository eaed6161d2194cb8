"""service-codedeploy-config-unknown on the `codedeploy-deployment-config`
input of amazon-ecs-deploy-task-definition when it is an expression: each
matrix row, the config's `vars`, and a ternary on the ref (once per kind of ref
the job runs on) are worked out; a value the workflow cannot tell is not
judged."""
import pytest

from conftest import lint_files

RULE = "service-codedeploy-config-unknown"

WORKFLOW = """\
on:
  push:
    branches: [main]
    tags: ['v*']
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
%(strategy)s    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: task-definition.json
          cluster: main
          service: api
          wait-for-service-stability: true
          wait-for-minutes: 20
          codedeploy-appspec: appspec.yaml
          codedeploy-application: api
          codedeploy-deployment-group: api-prod
          codedeploy-deployment-config: %(config)s
"""

MATRIX = """\
    strategy:
      matrix:
        include:
          - stage: staging
            config: CodeDeployDefault.ECSAllAtOnce
          - stage: production
            config: %s
"""


def found(tmp_path, config, strategy="", repo_config=None):
    text = WORKFLOW % {"strategy": strategy, "config": config}
    return [f for f in lint_files(tmp_path, {".github/workflows/deploy.yml": text},
                                  config=repo_config) if f.rule == RULE]


@pytest.mark.parametrize("bad, expected", [
    ("CodeDeployDefault.ECSCanary10Percent30Minutes", 1),  # a Lambda-only duration
    ("CodeDeployDefault.ECSCanary10Percent15Minutes", 0),
])
def test_each_matrix_row_is_judged(tmp_path, bad, expected):
    got = found(tmp_path, "${{ matrix.config }}", MATRIX % bad)
    assert len(got) == expected
    if expected:
        assert bad in got[0].message and "matrix.config" in got[0].message
        text = WORKFLOW % {"strategy": MATRIX % bad, "config": "x"}
        assert got[0].span.line == text.splitlines().index(
            "          codedeploy-deployment-config: x") + 1


@pytest.mark.parametrize("value, expected", [
    ("CodeDeployDefault.ECSLinear10PercentEvery2Minutes", 1),
    ("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", 0),
])
def test_a_repository_variable_the_config_gives(tmp_path, value, expected):
    config = f"github:\n  repository: acme/api\n  vars:\n    CODEDEPLOY_CONFIG: {value}\n"
    assert len(found(tmp_path, "${{ vars.CODEDEPLOY_CONFIG }}", repo_config=config)) \
        == expected


def test_an_unknown_variable_is_not_judged(tmp_path):
    assert found(tmp_path, "${{ vars.CODEDEPLOY_CONFIG }}") == []


@pytest.mark.parametrize("fallback, expected", [
    ("CodeDeployDefault.AllAtOnce", 1),      # the EC2 config a branch push gets
    ("CodeDeployDefault.ECSAllAtOnce", 0),
])
def test_a_ternary_on_the_ref_is_read_per_kind_of_ref(tmp_path, fallback, expected):
    expr = ("${{ startsWith(github.ref, 'refs/tags/') && "
            f"'CodeDeployDefault.ECSCanary10Percent15Minutes' || '{fallback}' }}}}")
    got = found(tmp_path, expr)
    assert len(got) == expected
    if expected:
        assert fallback in got[0].message and "some runs" in got[0].message
