"""taskdef-fargate-invalid names a task definition's keys as its source
writes them: NetworkMode in CloudFormation, network_mode in Terraform (ln)."""
import json
import textwrap

import pytest

from conftest import lint_folder

CFN = {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
    "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "bridge", "Memory": "512",
    "ContainerDefinitions": [{"Name": "web", "Image": "web:1.0"}]}}}}
TF = """\
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  container_definitions    = jsonencode([{ name = "web", image = "web:1.0" }])
}
"""
JSON = {"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge",
        "cpu": "256", "memory": "512",
        "containerDefinitions": [{"name": "web", "image": "web:1.0"}]}


@pytest.mark.parametrize("name, text, helps", [
    ("task.json", json.dumps(CFN), ['set NetworkMode to "awsvpc"', "set task-level Cpu and Memory"]),
    ("main.tf", TF, ['set network_mode to "awsvpc"', "set task-level cpu and memory"]),
    ("td.json", json.dumps(JSON), ['set networkMode to "awsvpc"']),
])
def test_the_fix_names_the_key_as_the_source_writes_it(tmp_path, name, text, helps):
    (tmp_path / name).write_text(textwrap.dedent(text))
    got = [f.help for f in lint_folder(tmp_path) if f.rule == "taskdef-fargate-invalid"]
    assert all(any(h.startswith(want) for h in got) for want in helps), got
    assert len(got) == len(helps)
