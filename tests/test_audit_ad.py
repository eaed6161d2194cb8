"""Audit 'ad': ECS task definitions and services in the forms teams write them
(describe output, register/create-service input, CloudFormation, Terraform, CDK
and Copilot output) with the deploy workflows that name them. Each test holds a
case where ecs-lint was wrong (see the commit that added it for the evidence)."""
from conftest import lint_folder

DEPLOY_WF = """\
name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{{{ vars.DEPLOY_ROLE_ARN }}}}
          aws-region: eu-north-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/task-definition.json
          cluster: prod
          service: api
          codedeploy-appspec: appspec.yaml
          codedeploy-deployment-config: {config}
          wait-for-service-stability: true
"""


def _codedeploy(tmp_path, config, extra=None):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(DEPLOY_WF.format(config=config))
    for name, text in (extra or {}).items():
        (tmp_path / name).write_text(text)
    return [f for f in lint_folder(tmp_path) if f.rule == "service-codedeploy-config-unknown"]


def test_deploy_action_codedeploy_config_input_is_checked(tmp_path):
    # amazon-ecs-deploy-task-definition sends `codedeploy-deployment-config` as
    # CreateDeployment's deploymentConfigName: a name CodeDeploy does not know
    # fails the deploy (the ECS canaries are 5 and 15 minutes, not 10)
    found = _codedeploy(tmp_path, "CodeDeployDefault.ECSCanary10Percent10Minutes")
    assert [(f.file, f.line) for f in found] == [(".github/workflows/deploy.yml", 24)]
    found = _codedeploy(tmp_path / "x", "CodeDeployDefault.AllAtOnce")
    assert len(found) == 1 and "EC2/on-premises" in found[0].message


def test_deploy_action_codedeploy_config_predefined_defined_or_expression(tmp_path):
    assert _codedeploy(tmp_path / "a", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes") == []
    assert _codedeploy(tmp_path / "b", "${{ vars.CODEDEPLOY_CONFIG }}") == []
    tf = ('resource "aws_codedeploy_deployment_config" "c" {\n'
          '  deployment_config_name = "api-canary-25-5"\n'
          '  compute_platform       = "ECS"\n'
          '  traffic_routing_config {\n'
          '    type = "TimeBasedCanary"\n'
          '    time_based_canary {\n'
          '      interval   = 5\n'
          '      percentage = 25\n'
          '    }\n'
          '  }\n'
          '}\n')
    assert _codedeploy(tmp_path / "c", "api-canary-25-5", {"codedeploy.tf": tf}) == []
