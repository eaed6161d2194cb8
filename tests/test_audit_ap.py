"""Audit 'ap': ECS blue/green through CodeDeploy and the links from a workflow
to its task definitions and services. Each test holds a case where ecs-lint
was wrong (see the commit that added it for the evidence)."""
import json

from conftest import lint_folder

ACCOUNT = "375019264830"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/tracking-deploy"

CONFIG = f"""\
github:
  repository: atlas-freight/tracking
  owners: [atlas-freight]
roles:
  "{ROLE}":
    trust: trust.json
    permissions: [policy.json]
"""

TRUST = {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/"
                                   "token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub":
                "repo:atlas-freight/tracking:environment:production"}},
    }],
}

TASKDEF = {
    "family": "tracking-web",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "512",
    "memory": "1024",
    "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/tracking-execution",
    "containerDefinitions": [
        {"name": "web", "image": f"{ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/tracking-web:1",
         "essential": True, "portMappings": [{"containerPort": 3000}]},
        {"name": "envoy", "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod",
         "essential": True},
    ],
}

WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: %(role)s
          aws-region: eu-west-1
%(steps)s"""


def _repo(tmp_path, steps, policy=None, services=None):
    (tmp_path / ".ecs-lint.yaml").write_text(CONFIG)
    (tmp_path / "trust.json").write_text(json.dumps(TRUST, indent=2))
    (tmp_path / "policy.json").write_text(json.dumps(policy or POLICY, indent=2))
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "web.json").write_text(json.dumps(TASKDEF, indent=2))
    if services is not None:
        (tmp_path / "ecs" / "services.json").write_text(json.dumps(services, indent=2))
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(WORKFLOW % {"role": ROLE, "steps": steps})
    return [f for f in lint_folder(tmp_path) if f.severity in ("warning", "error")]


POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole",
         "Resource": f"arn:aws:iam::{ACCOUNT}:role/tracking-execution",
         "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
        {"Effect": "Allow", "Action": "ecs:DescribeServices",
         "Resource": f"arn:aws:ecs:eu-west-1:{ACCOUNT}:service/tracking/tracking-web"},
        {"Effect": "Allow",
         "Action": ["codedeploy:GetDeploymentGroup", "codedeploy:CreateDeployment",
                    "codedeploy:GetDeployment", "codedeploy:RegisterApplicationRevision",
                    "codedeploy:GetDeploymentConfig"],
         "Resource": [
             f"arn:aws:codedeploy:eu-west-1:{ACCOUNT}:deploymentgroup:tracking/tracking-web-bg",
             f"arn:aws:codedeploy:eu-west-1:{ACCOUNT}:application:tracking",
             f"arn:aws:codedeploy:eu-west-1:{ACCOUNT}:deploymentconfig:*"]},
    ],
}

# --- the render action trims its inputs (@actions/core getInput) -------------

RENDER = """\
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/web.json
          container-name: %s
          image: %s.dkr.ecr.eu-west-1.amazonaws.com/tracking-web:${{ github.sha }}
"""


def test_container_name_with_surrounding_whitespace_is_trimmed_like_the_action(tmp_path):
    # A folded scalar (`>`) keeps a final newline: the action still reads "envoy",
    # since core.getInput trims leading and trailing whitespace by default.
    steps = RENDER % (">\n            envoy", ACCOUNT)
    found = _repo(tmp_path, steps)
    assert not [f for f in found if f.rule == "xref-container-name-unknown"], found


def test_quoted_container_name_with_trailing_space_is_trimmed(tmp_path):
    found = _repo(tmp_path, RENDER % ('"envoy "', ACCOUNT))
    assert not [f for f in found if f.rule == "xref-container-name-unknown"], found


def test_container_name_still_checked_after_trimming(tmp_path):
    found = _repo(tmp_path, RENDER % ('" Envoy "', ACCOUNT))
    assert [f.rule for f in found if f.rule == "xref-container-name-unknown"] == \
        ["xref-container-name-unknown"], found


# --- a deploy step that names its service by ARN ------------------------------

SERVICES = {"services": [{
    "serviceArn": f"arn:aws:ecs:eu-west-1:{ACCOUNT}:service/tracking/tracking-web",
    "serviceName": "tracking-web",
    "clusterArn": f"arn:aws:ecs:eu-west-1:{ACCOUNT}:cluster/tracking",
    "status": "ACTIVE",
    "desiredCount": 2,
    "launchType": "FARGATE",
    "deploymentController": {"type": "CODE_DEPLOY"},
    "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100},
}]}

DEPLOY_BY_ARN = """\
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/web.json
          cluster: %(cluster)s
          service: %(service)s
          codedeploy-appspec: appspec.yaml
          codedeploy-application: tracking
          codedeploy-deployment-group: tracking-web-bg
          wait-for-service-stability: true
"""

SERVICE_ARN = f"arn:aws:ecs:eu-west-1:{ACCOUNT}:service/tracking/tracking-web"


def _deploy_needs(found):
    return [f.message for f in found if f.rule == "xref-permission-missing"]


def test_service_arn_links_the_codedeploy_service_definition(tmp_path):
    # DescribeServices takes the service's ARN; the action then sees CODE_DEPLOY
    # and starts a CodeDeploy deployment: it never calls UpdateService.
    steps = DEPLOY_BY_ARN % {"cluster": "tracking", "service": SERVICE_ARN}
    found = _repo(tmp_path, steps, services=SERVICES)
    assert _deploy_needs(found) == [], found


def test_service_arn_of_another_cluster_does_not_link(tmp_path):
    # a service of the same name in another cluster: its definition says nothing
    # about this one, so the codedeploy-* inputs decide (CodeDeploy here), and the
    # policy lacks DescribeServices on that ARN.
    other = f"arn:aws:ecs:eu-west-1:{ACCOUNT}:service/staging/tracking-web"
    steps = DEPLOY_BY_ARN % {"cluster": "staging", "service": other}
    needs = _deploy_needs(_repo(tmp_path, steps, services=SERVICES))
    assert any("ecs:DescribeServices" in m for m in needs), needs
    assert not any("ecs:UpdateService" in m for m in needs), needs


def test_service_arn_links_a_rolling_service_despite_leftover_codedeploy_inputs(tmp_path):
    # the definition read along says ECS (it moved off CodeDeploy): the action
    # describes the service by its ARN, sees the ECS controller and calls
    # UpdateService, ignoring the codedeploy-* inputs; the policy lacks it.
    rolling = json.loads(json.dumps(SERVICES))
    rolling["services"][0]["deploymentController"] = {"type": "ECS"}
    rolling["services"][0]["deploymentConfiguration"]["deploymentCircuitBreaker"] = \
        {"enable": True, "rollback": True}
    steps = DEPLOY_BY_ARN % {"cluster": "tracking", "service": SERVICE_ARN}
    needs = _deploy_needs(_repo(tmp_path, steps, services=rolling))
    assert [m for m in needs if "ecs:UpdateService" in m and SERVICE_ARN in m], needs


# --- Terraform's deployment_configuration block (AWS provider 6.x) -----------

TF_SERVICE = """\
resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "core"
  task_definition = "api"
  desired_count   = 4
%s
}
"""


def _tf_service_findings(tmp_path, body):
    (tmp_path / "ecs.tf").write_text(TF_SERVICE % body)
    return [(f.rule, f.line) for f in lint_folder(tmp_path)
            if f.rule.startswith("service-") and f.severity in ("warning", "error")]


def test_tf_explicit_rolling_strategy_without_breaker_is_reported(tmp_path):
    # strategy ROLLING is the rolling update: the block does not hide the check
    body = """
  deployment_configuration {
    strategy = "ROLLING"
  }
"""
    assert _tf_service_findings(tmp_path, body) == [("service-circuit-breaker-off", 7)]


def test_tf_blue_green_strategy_kept_beside_the_percent_arguments(tmp_path):
    # the deployment_* arguments and the deployment_configuration block are one
    # deploymentConfiguration in the API: BLUE_GREEN is not a rolling deploy
    body = """
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 10
  }
"""
    assert _tf_service_findings(tmp_path, body) == []


def test_tf_rolling_block_with_breaker_off_points_at_the_breaker(tmp_path):
    body = """
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  deployment_configuration {
    strategy = "ROLLING"
  }
"""
    assert _tf_service_findings(tmp_path, body) == [("service-circuit-breaker-off", 9)]
