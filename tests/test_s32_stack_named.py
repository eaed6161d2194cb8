"""A template resource read once per stack (a parameter's AllowedValues picked
by `Fn::If`) names, in a finding that holds in some stacks only, which ones
(ln/04, ln/06); a finding of every stack is said once, as it was."""
import json

from conftest import lint_folder


def _template(cpu_if_staging: str, network_mode: str = "awsvpc") -> dict:
    return {
        "Parameters": {"Env": {"Type": "String", "AllowedValues": ["staging", "production"]}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "production"]}},
        "Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "RequiresCompatibilities": ["FARGATE"], "NetworkMode": network_mode,
            "Cpu": {"Fn::If": ["IsProd", "1024", cpu_if_staging]}, "Memory": "2048",
            "ContainerDefinitions": [{"Name": "web", "Image": "web:1.0"}]}}}}


def _messages(tmp_path, template):
    (tmp_path / "task.json").write_text(json.dumps(template))
    return [f.message for f in lint_folder(tmp_path) if f.rule == "taskdef-fargate-invalid"]


def test_a_finding_of_one_stack_names_it(tmp_path):
    got = _messages(tmp_path, _template("128"))
    assert len(got) == 1 and got[0].endswith("(in the stack where Env is staging)"), got


def test_a_finding_of_every_stack_is_said_once_without_a_stack(tmp_path):
    got = _messages(tmp_path, _template("1024", network_mode="bridge"))
    assert len(got) == 1 and "in the stack" not in got[0], got


def test_no_finding_in_any_stack(tmp_path):
    assert _messages(tmp_path, _template("512")) == []
