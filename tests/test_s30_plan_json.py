"""Terraform plan JSON: values known only after apply, a provider URL read back
without its scheme, the line of a plan's empty circuit breaker."""
import json

from conftest import file_findings

from ecs_lint import terraform
from ecs_lint.values import Template

GITHUB = "token.actions.githubusercontent.com"


def plan(resources, changes=()):
    """A `terraform show -json` plan of root-module `resources`
    [(address, values)] and `changes` [(address, after_unknown)]."""
    def resource(address, values):
        rtype, name = address.split(".")[-2:]
        return {"address": address, "mode": "managed", "type": rtype, "name": name,
                "values": values}
    return {"format_version": "1.2",
            "planned_values": {"root_module": {"resources": [
                resource(a, v) for a, v in resources]}},
            "resource_changes": [{"address": a, "mode": "managed", "type": a.split(".")[-2],
                                  "name": a.split(".")[-1],
                                  "change": {"actions": ["create"], "after_unknown": u}}
                                 for a, u in changes]}


def rules_of(findings):
    return sorted(rule for rule, _, _ in findings)


# -- a provider's url read back without https:// -------------------------------------

def provider(url):
    return plan([("aws_iam_openid_connect_provider.github", {
        "url": url, "client_id_list": ["sts.amazonaws.com"],
        "thumbprint_list": ["6938fd4d98bab03faadb97b34396831e3780aea1"]})])


def test_plan_provider_url_without_scheme_is_right(tmp_path):
    assert "oidc-provider-url-wrong" not in rules_of(
        file_findings(tmp_path, "plan.json", provider(GITHUB)))


def test_plan_provider_url_with_another_host_is_wrong(tmp_path):
    assert "oidc-provider-url-wrong" in rules_of(
        file_findings(tmp_path, "plan.json", provider("vstoken.actions.githubusercontent.com")))


def test_plan_provider_url_discovery_document_is_wrong(tmp_path):
    url = f"https://{GITHUB}/.well-known/openid-configuration"
    assert "oidc-provider-url-wrong" in rules_of(
        file_findings(tmp_path, "plan.json", provider(url)))


def test_tf_provider_url_without_scheme_is_still_wrong(tmp_path):
    tf = f'resource "aws_iam_openid_connect_provider" "github" {{\n  url = "{GITHUB}"\n' \
         '  client_id_list = ["sts.amazonaws.com"]\n}\n'
    assert "oidc-provider-url-wrong" in rules_of(file_findings(tmp_path, "main.tf", tf))


# -- execution_role_arn known after apply ----------------------------------------------

def secret_taskdef(after_unknown):
    containers = [{"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2",
                   "essential": True,
                   "secrets": [{"name": "DB_PASSWORD",
                                "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]}]
    address = "aws_ecs_task_definition.app"
    return plan([(address, {"family": "app", "container_definitions": json.dumps(containers),
                            "network_mode": "awsvpc", "cpu": "256", "memory": "512",
                            "requires_compatibilities": ["FARGATE"]})],
                [(address, after_unknown)])


def test_plan_execution_role_known_after_apply_is_set(tmp_path):
    findings = file_findings(tmp_path, "plan.json", secret_taskdef(
        {"arn": True, "execution_role_arn": True}))
    assert "taskdef-secrets-no-execution-role" not in rules_of(findings)


def test_plan_execution_role_absent_is_missing(tmp_path):
    findings = file_findings(tmp_path, "plan.json", secret_taskdef({"arn": True}))
    assert "taskdef-secrets-no-execution-role" in rules_of(findings)


def test_after_unknown_fills_only_what_planned_values_leaves_out():
    values = {"name": "x", "load_balancer": [{"container_name": "app"}], "tags": {}}
    after_unknown = {"name": True, "id": True, "load_balancer": [{"target_group_arn": True}],
                     "tags": {}, "alarms": [{}]}
    out = terraform._with_unknowns(values, after_unknown, "aws_ecs_service.x")
    assert out["name"] == "x"  # known: kept
    assert isinstance(out["id"], Template)
    assert isinstance(out["load_balancer"][0]["target_group_arn"], Template)
    assert "alarms" not in out and values == {
        "name": "x", "load_balancer": [{"container_name": "app"}], "tags": {}}


def test_after_unknown_of_odd_shapes_does_not_crash():
    deep: dict = {}
    node = deep
    for _ in range(500):
        node["a"] = {}
        node = node["a"]
    for after_unknown in ("yes", 3, None, [True], {1: True}, {"x": [True, True, True]}, deep):
        out = terraform._with_unknowns({"x": [1], "a": {}}, after_unknown, "r.x")
        assert isinstance(out, dict) and out["x"][0] == 1


def test_plan_with_malformed_resource_changes_does_not_crash(tmp_path):
    data = secret_taskdef(True)
    data["resource_changes"] += [None, {"address": 3}, {"address": "a.b", "change": []}]
    file_findings(tmp_path, "plan.json", data)


# -- a plan's empty circuit breaker: the finding at the attribute ---------------------------

def test_plan_circuit_breaker_off_points_at_its_empty_attribute(tmp_path):
    data = plan([("aws_ecs_service.worker", {
        "name": "worker", "alarms": [], "cluster": "main", "desired_count": 2,
        "deployment_circuit_breaker": [], "deployment_controller": [{"type": "ECS"}],
        "deployment_maximum_percent": 200, "deployment_minimum_healthy_percent": 50,
        "launch_type": "FARGATE", "load_balancer": []})])
    text = json.dumps(data, indent=2)
    line = next(i for i, t in enumerate(text.splitlines(), 1)
                if '"deployment_circuit_breaker"' in t)
    findings = file_findings(tmp_path, "plan.json", data)
    assert [ln for rule, ln, _ in findings if rule == "service-circuit-breaker-off"] == [line]


def test_plan_circuit_breaker_on_is_not_reported(tmp_path):
    data = plan([("aws_ecs_service.worker", {
        "name": "worker", "alarms": [], "cluster": "main", "desired_count": 2,
        "deployment_circuit_breaker": [{"enable": True, "rollback": True}],
        "deployment_controller": [{"type": "ECS"}],
        "deployment_maximum_percent": 200, "deployment_minimum_healthy_percent": 50,
        "launch_type": "FARGATE", "load_balancer": []})])
    assert "service-circuit-breaker-off" not in rules_of(
        file_findings(tmp_path, "plan.json", data))
