"""service-codedeploy-config-unknown on a CreateDeployment input file (`aws
deploy create-deployment --cli-input-json` / `--cli-input-yaml`): its
deploymentConfigName replaces the group's, and is judged as an ECS config when
the linted files define its group for ECS or its revision's AppSpec content
deploys an `AWS::ECS::Service`."""
import json
import subprocess

import pytest

from conftest import lint_files

from ecs_lint.kinds import detect

RULE = "service-codedeploy-config-unknown"

ECS_APPSPEC = json.dumps({"version": 0.0, "Resources": [{"TargetService": {
    "Type": "AWS::ECS::Service", "Properties": {
        "TaskDefinition": "TASK_DEFINITION_ARN",
        "LoadBalancerInfo": {"ContainerName": "api", "ContainerPort": 8080}}}}]})
LAMBDA_APPSPEC = json.dumps({"version": 0.0, "Resources": [{"fn": {
    "Type": "AWS::Lambda::Function", "Properties": {"Name": "fn", "Alias": "live"}}}]})

ECS_GROUP = """\
Resources:
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: api
      DeploymentGroupName: api-prod
      DeploymentConfigName: CodeDeployDefault.ECSAllAtOnce
      ServiceRoleArn: arn:aws:iam::123456789012:role/codedeploy
      ECSServices:
        - ClusterName: prod
          ServiceName: api
"""

EC2_GROUP = {"applicationName": "api", "deploymentGroupName": "api-prod",
             "deploymentConfigName": "CodeDeployDefault.OneAtATime",
             "serviceRoleArn": "arn:aws:iam::123456789012:role/codedeploy",
             "ec2TagFilters": [{"Key": "app", "Value": "api", "Type": "KEY_AND_VALUE"}]}


def deployment(config="CodeDeployDefault.HalfAtATime", appspec=ECS_APPSPEC, **extra):
    """A CreateDeployment input (deploymentConfigName on line 4 once dumped)."""
    data = {"applicationName": "api", "deploymentGroupName": "api-prod"}
    if config is not None:
        data["deploymentConfigName"] = config
    if appspec is not None:
        data["revision"] = {"revisionType": "AppSpecContent",
                            "appSpecContent": {"content": appspec}}
    data.update(extra)
    return data


def found(tmp_path, files):
    return [f for f in lint_files(tmp_path, files) if f.rule == RULE]


def test_an_ec2_config_for_a_group_defined_for_ecs(tmp_path):
    got = found(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                           "deploy/create-deployment.json": deployment(appspec=None)})
    assert [(f.file, f.line) for f in got] == [("deploy/create-deployment.json", 4)]
    assert "CodeDeployDefault.HalfAtATime is an EC2/on-premises config" in got[0].message


@pytest.mark.parametrize("config", ["CodeDeployDefault.ECSAllAtOnce",
                                    "CodeDeployDefault.ECSCanary10Percent5Minutes"])
def test_an_ecs_config_is_fine(tmp_path, config):
    assert found(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                            "deploy/create-deployment.json": deployment(config)}) == []


@pytest.mark.parametrize("group", [None, EC2_GROUP])
def test_an_ecs_appspec_makes_it_an_ecs_deployment(tmp_path, group):
    # whatever the group file says (or without one): the revision deploys an ECS service
    files = {"deploy/create-deployment.json": deployment()}
    if group:
        files["codedeploy/group.json"] = group
    got = found(tmp_path, files)
    assert [(f.file, f.line) for f in got] == [("deploy/create-deployment.json", 4)]


@pytest.mark.parametrize("appspec", [None, LAMBDA_APPSPEC])
def test_an_ec2_group_with_an_ec2_config_is_not_judged(tmp_path, appspec):
    files = {"codedeploy/group.json": EC2_GROUP,
             "deploy/create-deployment.json": deployment(appspec=appspec)}
    assert found(tmp_path, files) == []


def test_without_a_config_the_group_s_is_used(tmp_path):
    data = deployment(config=None)
    assert detect(data) == [("codedeploy-deployment", ())]
    assert found(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                            "deploy/create-deployment.json": data}) == []


@pytest.mark.parametrize("platform, fires", [("ECS", False), ("Server", True)])
def test_a_config_defined_in_the_files(tmp_path, platform, fires):
    config = {"deploymentConfigName": "Api.Canary", "computePlatform": platform}
    config.update({"trafficRoutingConfig": {"type": "AllAtOnce"}} if platform == "ECS" else
                  {"minimumHealthyHosts": {"type": "HOST_COUNT", "value": 1}})
    got = found(tmp_path, {"codedeploy/config.json": config,
                           "deploy/create-deployment.json": deployment("Api.Canary")})
    assert [f.line for f in got] == ([4] if fires else [])
    if fires:
        assert "another compute platform" in got[0].message


def test_a_yaml_input_with_a_block_appspec(tmp_path):
    text = """\
applicationName: api
deploymentGroupName: api-prod
revision:
  revisionType: AppSpecContent
  appSpecContent:
    content: |
      version: 0.0
      Resources:
        - TargetService:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: <TASK_DEFINITION>
deploymentConfigName: CodeDeployDefault.LambdaAllAtOnce
"""
    got = found(tmp_path, {"deploy/create-deployment.yaml": text})
    assert [f.line for f in got] == [13]
    near = text.replace("AWS::ECS::Service", "AWS::Lambda::Function")
    assert found(tmp_path, {"deploy/create-deployment.yaml": near}) == []


@pytest.mark.parametrize("config", ["${DEPLOYMENT_CONFIG}", "<DEPLOYMENT_CONFIG>",
                                    "{{ deployment_config }}", "DEPLOYMENT_CONFIG"])
def test_a_placeholder_is_not_judged(tmp_path, config):
    assert found(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                            "deploy/create-deployment.json": deployment(config)}) == []


def test_the_cli_skeleton_is_read_without_findings(tmp_path):
    try:
        text = subprocess.run(["aws", "deploy", "create-deployment", "--generate-cli-skeleton"],
                              capture_output=True, text=True, timeout=60).stdout
        skeleton = json.loads(text)
    except (OSError, ValueError, subprocess.SubprocessError):
        skeleton = deployment("", "", description="", targetInstances={"tagFilters": [
            {"Key": "", "Value": "", "Type": "KEY_ONLY"}], "autoScalingGroups": [""]},
            fileExistsBehavior="RETAIN", overrideAlarmConfiguration={"enabled": True})
    assert detect(skeleton) == [("codedeploy-deployment", ())]
    got = lint_files(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                                "deploy/create-deployment.json": skeleton})
    assert [f.rule for f in got if f.file == "deploy/create-deployment.json"] == []


@pytest.mark.parametrize("data", [
    # create-deployment-group input (serviceRoleArn) and get-deployment-group output
    dict(EC2_GROUP),
    {"deploymentGroupInfo": {"applicationName": "api", "deploymentGroupName": "api-prod",
                             "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce",
                             "computePlatform": "ECS"}},
    {"applicationName": "api", "deploymentGroupName": "api-prod",
     "deploymentConfigName": "CodeDeployDefault.HalfAtATime", "computePlatform": "Server"},
])
def test_deployment_groups_stay_deployment_groups(data):
    assert [kind for kind, _ in detect(data)] == ["codedeploy-deployment-group"]


def test_app_data_with_other_fields_is_not_a_deployment():
    data = {"applicationName": "api", "deploymentGroupName": "api-prod", "revision": 3,
            "owner": "team-a"}
    assert detect(data) == []


@pytest.mark.parametrize("junk", [None, 3, "", [], {}, ["api-prod"], {"content": 1},
                                  {"appSpecContent": ["x"]}, {"string": {"content": None}}])
def test_any_shape_lints_without_internal_errors(tmp_path, junk):
    data = {"applicationName": junk, "deploymentGroupName": junk, "revision": junk,
            "deploymentConfigName": junk}
    got = lint_files(tmp_path, {"infra/codedeploy.yaml": ECS_GROUP,
                                "deploy/create-deployment.json": data})
    assert not [f for f in got if f.rule == "internal-error"], [f.message for f in got]
