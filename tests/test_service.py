"""Service rules, CodeDeploy deployment configs, and ecr-tags-mutable."""
import json
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder, run_cli

BREAKER = {"enable": True, "rollback": True}
LB = [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/0123456789abcdef",
       "containerName": "app", "containerPort": 8080}]


def service(**extra):
    return {"cluster": "shop", "serviceName": "api", "taskDefinition": "api", "desiredCount": 2,
            "deploymentConfiguration": {"deploymentCircuitBreaker": dict(BREAKER),
                                        "maximumPercent": 200, "minimumHealthyPercent": 100},
            **extra}


def lint_json(tmp_path, data, name="svc.json"):
    (tmp_path / name).write_text(json.dumps(data, indent=2))
    return lint_folder(tmp_path, name)


def rules(findings):
    return sorted(f.rule for f in findings)


def test_clean_service(tmp_path):
    assert lint_json(tmp_path, service(loadBalancers=LB, healthCheckGracePeriodSeconds=60)) == []


@pytest.mark.parametrize("breaker, fires", [
    (None, True), ({"enable": False, "rollback": False}, True), ({"enable": True, "rollback": False}, True),
    ({"enable": True}, True), ({"enable": "true", "rollback": "true"}, False), (BREAKER, False),
])
def test_circuit_breaker(tmp_path, breaker, fires):
    data = service()
    if breaker is None:
        del data["deploymentConfiguration"]["deploymentCircuitBreaker"]
    else:
        data["deploymentConfiguration"]["deploymentCircuitBreaker"] = breaker
    assert ("service-circuit-breaker-off" in rules(lint_json(tmp_path, data))) is fires


@pytest.mark.parametrize("controller", [{"type": "CODE_DEPLOY"}, {"type": "EXTERNAL"}])
def test_codedeploy_and_external_controllers_need_no_breaker(tmp_path, controller):
    data = service(deploymentController=controller)
    del data["deploymentConfiguration"]
    assert lint_json(tmp_path, data) == []


def test_ecs_blue_green_strategy_is_not_a_rolling_deploy(tmp_path):
    data = service()
    data["deploymentConfiguration"] = {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 10}
    assert lint_json(tmp_path, data) == []


def test_service_without_deployment_configuration(tmp_path):
    data = service()
    del data["deploymentConfiguration"]
    [f] = lint_json(tmp_path, data)
    assert f.rule == "service-circuit-breaker-off" and f.line == 1


@pytest.mark.parametrize("count, hi, lo, blocked", [
    (None, 100, 100, True), (None, 200, 100, False), (None, 100, 0, False), (5, 120, 100, False),
    (4, 120, 100, True),
    (1, 150, 100, True), (2, 150, 100, False), (1, 200, 100, False), (3, 100, 50, False),
    (4, 125, 100, False), (3, 125, 100, True), (0, 100, 100, True),
])
def test_no_room_to_deploy(tmp_path, count, hi, lo, blocked):
    data = service()
    data["deploymentConfiguration"].update(maximumPercent=hi, minimumHealthyPercent=lo)
    if count is None:
        del data["desiredCount"]
    else:
        data["desiredCount"] = count
    found = [f for f in lint_json(tmp_path, data) if f.rule == "service-deployment-blocked"]
    assert bool(found) is blocked
    if found:
        assert found[0].severity == "error" and "maximumPercent" in (
            tmp_path / "svc.json").read_text().splitlines()[found[0].line - 1]


@pytest.mark.parametrize("key, value", [("minimumHealthyPercent", 120), ("minimumHealthyPercent", -1),
                                        ("maximumPercent", 90), ("maximumPercent", 150.5),
                                        ("maximumPercent", "lots")])
def test_out_of_range(tmp_path, key, value):
    data = service()
    data["deploymentConfiguration"][key] = value
    [f] = [f for f in lint_json(tmp_path, data) if f.rule == "service-deployment-blocked"]
    assert "out of range" in f.message and key in (tmp_path / "svc.json").read_text().splitlines()[f.line - 1]


def test_daemon_max_must_be_100(tmp_path):
    data = service(schedulingStrategy="DAEMON")
    data["deploymentConfiguration"].update(maximumPercent=200, minimumHealthyPercent=0)
    assert rules(lint_json(tmp_path, data)) == ["service-deployment-blocked"]
    data["deploymentConfiguration"]["maximumPercent"] = 100
    assert lint_json(tmp_path, data) == []


@pytest.mark.parametrize("grace, fires", [(None, True), (0, True), (59, True), (60, False), ("90", False)])
def test_grace_period(tmp_path, grace, fires):
    data = service(loadBalancers=LB)
    if grace is not None:
        data["healthCheckGracePeriodSeconds"] = grace
    found = lint_json(tmp_path, data)
    assert ("service-grace-period-short" in rules(found)) is fires


def test_grace_period_needs_a_load_balancer_and_honours_its_option(tmp_path):
    assert lint_json(tmp_path, service(healthCheckGracePeriodSeconds=5)) == []
    assert lint_json(tmp_path, service(loadBalancers=[], healthCheckGracePeriodSeconds=5)) == []
    (tmp_path / ".ecs-lint.yaml").write_text(
        "rules:\n  service-grace-period-short: {min-seconds: 120}\n")
    (tmp_path / "svc.json").write_text(json.dumps(service(loadBalancers=LB,
                                                          healthCheckGracePeriodSeconds=90)))
    [f] = lint_folder(tmp_path, "svc.json")
    assert "below 120" in f.message


def test_public_ip_is_info(tmp_path):
    data = service(networkConfiguration={"awsvpcConfiguration": {"subnets": ["s"],
                                                                 "assignPublicIp": "ENABLED"}})
    [f] = lint_json(tmp_path, data)
    assert f.rule == "service-public-ip" and f.severity == "info"
    data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] = "DISABLED"
    assert lint_json(tmp_path, data) == []


def test_describe_services_output_and_deployment_configuration_file(tmp_path):
    off = service(serviceArn="arn:aws:ecs:us-east-1:1:service/shop/a")
    off["deploymentConfiguration"]["deploymentCircuitBreaker"] = {"enable": False, "rollback": False}
    on = service(serviceArn="arn:aws:ecs:us-east-1:1:service/shop/b")
    found = lint_json(tmp_path, {"services": [on, off], "failures": []})
    assert rules(found) == ["service-circuit-breaker-off"]
    found = lint_json(tmp_path, {"maximumPercent": 100, "minimumHealthyPercent": 100,
                                 "deploymentCircuitBreaker": BREAKER}, name="dc.json")
    assert rules(found) == ["service-deployment-blocked"]


@pytest.mark.parametrize("count", ["1", "'1'"])  # CloudFormation reads "1" as 1
def test_cloudformation_service(tmp_path, count):
    (tmp_path / "t.yaml").write_text(textwrap.dedent(f"""\
        Resources:
          Svc:
            Type: AWS::ECS::Service
            Properties:
              DesiredCount: {count}
              DeploymentConfiguration:
                MaximumPercent: 150
                MinimumHealthyPercent: 100
              LoadBalancers: [{{ContainerName: app, ContainerPort: 80, TargetGroupArn: !Ref TG}}]
              HealthCheckGracePeriodSeconds: !Ref Grace
        """))
    found = lint_folder(tmp_path, "t.yaml")
    assert [(f.rule, f.line) for f in found] == [("service-circuit-breaker-off", 6),
                                                 ("service-deployment-blocked", 7)]


def _group(name, config, **extra):
    return {"applicationName": "shop", "deploymentGroupName": name, "deploymentConfigName": config,
            "ecsServices": [{"serviceName": "api", "clusterName": "shop"}], **extra}


@pytest.mark.parametrize("config, fires", [
    ("CodeDeployDefault.ECSAllAtOnce", False),
    ("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", False),
    ("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", False),
    ("CodeDeployDefault.ECSCanary10Percent5Minutes", False),
    ("CodeDeployDefault.ECSCanary10Percent15Minutes", False),
    ("CodeDeployDefault.AllAtOnce", True),
    ("CodeDeployDefault.OneAtATime", True),
    ("CodeDeployDefault.LambdaAllAtOnce", True),
    ("CodeDeployDefault.ECSCanary10Percent10Minutes", True),
    ("Shop.Custom", True),
])
def test_codedeploy_config_names(tmp_path, config, fires):
    found = lint_json(tmp_path, _group("bg", config), name="group.json")
    assert (rules(found) == ["service-codedeploy-config-unknown"]) is fires


def test_codedeploy_config_defined_in_another_file(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({
        "deploymentConfigName": "Shop.Custom", "computePlatform": "ECS",
        "trafficRoutingConfig": {"type": "AllAtOnce"}}))
    (tmp_path / "group.json").write_text(json.dumps(_group("bg", "Shop.Custom")))
    assert lint_folder(tmp_path) == []
    assert rules(lint_folder(tmp_path, "group.json")) == ["service-codedeploy-config-unknown"]


def test_server_groups_use_server_configs(tmp_path):
    group = {"applicationName": "legacy", "deploymentGroupName": "web",
             "deploymentConfigName": "CodeDeployDefault.HalfAtATime", "computePlatform": "Server"}
    assert lint_json(tmp_path, group, name="g.json") == []
    group["deploymentConfigName"] = "CodeDeployDefault.ECSAllAtOnce"
    assert rules(lint_json(tmp_path, group, name="g.json")) == ["service-codedeploy-config-unknown"]


def test_ecr_tags_mutable(tmp_path):
    (tmp_path / "t.yaml").write_text(textwrap.dedent("""\
        Resources:
          A: {Type: AWS::ECR::Repository, Properties: {RepositoryName: a}}
          B: {Type: AWS::ECR::Repository, Properties: {ImageTagMutability: MUTABLE_WITH_EXCLUSION}}
          C: {Type: AWS::ECR::Repository, Properties: {ImageTagMutability: IMMUTABLE}}
          D: {Type: AWS::ECR::Repository, Properties: {ImageTagMutability: !Ref Mutability}}
        """))
    found = lint_folder(tmp_path, "t.yaml")
    assert [(f.rule, f.severity, f.line) for f in found] == [("ecr-tags-mutable", "info", 2),
                                                             ("ecr-tags-mutable", "info", 3)]


SVC_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.sampled_from(
        ["ECS", "CODE_DEPLOY", "DAEMON", "ENABLED", "100", "true", "ROLLING", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["deploymentConfiguration", "deploymentCircuitBreaker", "enable", "rollback",
                         "maximumPercent", "minimumHealthyPercent", "loadBalancers",
                         "healthCheckGracePeriodSeconds", "deploymentController", "type",
                         "desiredCount", "schedulingStrategy", "networkConfiguration",
                         "awsvpcConfiguration", "assignPublicIp", "strategy"]), inner, max_size=5),
    max_leaves=15)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SVC_JUNK, SVC_JUNK)
def test_any_shape_lints_without_internal_errors(tmp_path, junk, config):
    data = {"serviceName": "a", "deploymentConfiguration": config, "loadBalancers": junk,
            "healthCheckGracePeriodSeconds": junk, "deploymentController": junk,
            "desiredCount": junk}
    (tmp_path / "svc.json").write_text(json.dumps(data))
    (tmp_path / "group.json").write_text(json.dumps(
        {"deploymentGroupName": "g", "deploymentConfigName": junk, "ecsServices": junk}))
    found = lint_folder(tmp_path)
    assert not [f for f in found if f.rule == "internal-error"], [f.message for f in found]


MY_RULES = ("policy-", "taskdef-", "service-", "ecr-")


def test_every_rule_of_these_families_is_documented_ruff_style():
    from ecs_lint.registry import RULES, load_rules
    load_rules()
    mine = [r for r in RULES.values() if r.id.startswith(MY_RULES)]
    assert len(mine) == 17
    for r in mine:
        for part in ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "```"):
            assert part in r.docs, (r.id, part)
        assert r.summary and r.severity in ("error", "warning", "info")


@pytest.mark.parametrize("data, expected", [
    # update-service input names the service `service`; what it leaves out stays
    ({"cluster": "prod", "service": "api", "taskDefinition": "api:2",
      "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["s"],
                                                       "assignPublicIp": "ENABLED"}}},
     ["service-public-ip"]),
    ({"cluster": "prod", "service": "api", "forceNewDeployment": True}, []),
    ({"cluster": "prod", "service": "api", "deploymentConfiguration": {
        "maximumPercent": 200, "minimumHealthyPercent": 100}},
     ["service-circuit-breaker-off"]),
])
def test_update_service_input_is_a_partial_service(tmp_path, data, expected):
    (tmp_path / "update.json").write_text(json.dumps(data))
    r = run_cli("--no-cache", "--format", "json", str(tmp_path / "update.json"))
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == expected, r.stdout


@pytest.mark.parametrize("targets, config, fires", [
    ({"ec2TagFilters": [{"Key": "app", "Value": "web", "Type": "KEY_AND_VALUE"}]},
     "CodeDeployDefault.ECSAllAtOnce", True),
    ({"autoScalingGroups": ["web-asg"]}, "CodeDeployDefault.LambdaAllAtOnce", True),
    ({"onPremisesInstanceTagFilters": [{"Key": "role", "Value": "web"}]},
     "CodeDeployDefault.HalfAtATime", False),
    ({"ec2TagFilters": []}, "CodeDeployDefault.ECSAllAtOnce", False),  # no target: unknown
])
def test_a_group_with_instance_targets_is_an_ec2_group(tmp_path, targets, config, fires):
    # no computePlatform in the group (CloudFormation's is on the application)
    group = {"applicationName": "legacy", "deploymentGroupName": "web",
             "deploymentConfigName": config, **targets}
    found = lint_json(tmp_path, group, name="g.json")
    assert (rules(found) == ["service-codedeploy-config-unknown"]) is fires


@pytest.mark.parametrize("config, ecs", [
    ({"computePlatform": "ECS", "trafficRoutingConfig": {"type": "AllAtOnce"}}, True),
    ({"computePlatform": "Server",
      "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 50}}, False),
    ({"computePlatform": "Lambda", "trafficRoutingConfig": {"type": "AllAtOnce"}}, False),
    # CodeDeploy's default platform is Server: a config routing no traffic is one
    ({"minimumHealthyHosts": {"type": "HOST_COUNT", "value": 1}}, False),
    ({"trafficRoutingConfig": {"type": "AllAtOnce"}}, True),  # ECS or Lambda: can't tell
])
def test_a_defined_config_counts_for_its_own_platform(tmp_path, config, ecs):
    (tmp_path / "config.json").write_text(json.dumps({"deploymentConfigName": "Shop.Custom",
                                                      **config}))
    (tmp_path / "group.json").write_text(json.dumps(_group("bg", "Shop.Custom")))
    found = lint_folder(tmp_path)
    assert (rules(found) == []) is ecs, found
    if not ecs:
        assert "another compute platform" in found[0].message
    # a group of EC2 instances may use a Server config defined beside it
    server = {"applicationName": "legacy", "deploymentGroupName": "web",
              "deploymentConfigName": "Shop.Custom", "computePlatform": "Server"}
    (tmp_path / "group.json").write_text(json.dumps(server))
    assert lint_folder(tmp_path) == []


@pytest.mark.parametrize("breaker, said", [
    ({"enable": True}, "required member"),  # refused by the API, CloudFormation, Terraform
    ({"enable": True, "rollback": False}, "does not roll back"),
    ({"enable": False, "rollback": True}, "is off"),
    ({"enable": True, "rollback": True}, None),
])
def test_circuit_breaker_messages(tmp_path, breaker, said):
    service = {"cluster": "shop", "serviceName": "api", "taskDefinition": "api",
               "desiredCount": 2, "deploymentConfiguration": {
                   "deploymentCircuitBreaker": breaker,
                   "minimumHealthyPercent": 100, "maximumPercent": 200}}
    found = [f for f in lint_json(tmp_path, service, name="service.json")
             if f.rule == "service-circuit-breaker-off"]
    assert [said in f.message for f in found] == ([True] if said else [])


HOTFIX = """\
on: workflow_dispatch
jobs:
  hotfix:
    runs-on: ubuntu-latest
    steps:
      - run: |
          aws deploy create-deployment \\
            --application-name shop \\
            --deployment-group-name %s \\
            --deployment-config-name %s \\
            --revision "$REVISION"
"""


@pytest.mark.parametrize("group, config, line", [
    ("bg", "CodeDeployDefault.AllAtOnce", 10),  # an EC2 config for the ECS group
    ("bg", "CodeDeployDefault.ECSAllAtOnce", None),
    ("web", "CodeDeployDefault.AllAtOnce", None),  # a group not defined here: its platform?
    ("bg", "$CONFIG", None),
])
def test_cli_create_deployment_config_for_an_ecs_group(tmp_path, group, config, line):
    (tmp_path / "group.json").write_text(json.dumps(_group("bg", "CodeDeployDefault.ECSAllAtOnce")))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "h.yml").write_text(HOTFIX % (group, config))
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-codedeploy-config-unknown"]
    assert [f.span.line for f in found] == ([line] if line else [])


@pytest.mark.parametrize("args, line", [
    # ia/10: the CLI's own deployment configuration, shorthand or JSON
    ('--deployment-configuration "maximumPercent=100,minimumHealthyPercent=100"', 8),
    ("""--deployment-configuration '{"maximumPercent": 100, "minimumHealthyPercent": 100}'""",
     8),
    ('--desired-count 1 --deployment-configuration "maximumPercent=150,minimumHealthyPercent=100"',
     8),
    ('--desired-count 2 --deployment-configuration "maximumPercent=150,minimumHealthyPercent=100"',
     None),
    ('--deployment-configuration "maximumPercent=200,minimumHealthyPercent=100"', None),
    ("--deployment-configuration file://dc.json", None),  # a file: read as one
    ('--deployment-controller type=CODE_DEPLOY --deployment-configuration '
     '"maximumPercent=100,minimumHealthyPercent=100"', None),
    # im/06: a DAEMON service's maximum is 100
    ('--scheduling-strategy DAEMON --deployment-configuration '
     '"maximumPercent=200,minimumHealthyPercent=50"', 8),
    ('--scheduling-strategy DAEMON --deployment-configuration '
     '"maximumPercent=100,minimumHealthyPercent=50"', None),
    ('--scheduling-strategy "$STRATEGY" --deployment-configuration '
     '"maximumPercent=200,minimumHealthyPercent=50"', None),
])
def test_cli_deployment_configuration(tmp_path, args, line):
    text = ("on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: |\n          aws ecs update-service --cluster c --service s \\\n"
            "            " + args + "\n")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(text)
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    assert [f.span.line for f in found] == ([line] if line else [])


@pytest.mark.parametrize("extra, service", [
    ({"externalId": "green", "scale": {"unit": "PERCENT", "value": 100}}, False),  # im/02
    ({"taskSet": "ecs-svc/1", "scale": {"unit": "PERCENT", "value": 50}}, False),
    ({}, True),  # UpdateService input with load balancers: a service
])
def test_a_task_set_input_is_no_service(tmp_path, extra, service):
    data = {"cluster": "c", "service": "api", "taskDefinition": "api",
            "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:r:1:targetgroup/t/1",
                               "containerName": "api", "containerPort": 80}], **extra}
    (tmp_path / "in.json").write_text(json.dumps(data))
    rules = {f.rule for f in lint_folder(tmp_path)}
    assert ("service-grace-period-short" in rules) == service
