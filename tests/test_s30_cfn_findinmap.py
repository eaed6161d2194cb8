"""An ECS resource whose `Fn::FindInMap` key is not known (`AWS::Region`,
`AWS::AccountId`, a parameter without `AllowedValues`) is read once per key
of the mapping, as for a parameter's `AllowedValues` (ke/04: the sa-east-1
stack of a per-region mapping runs one task at 100/150)."""
import textwrap

import pytest

from conftest import lint_folder
from ecs_lint.cloudformation import Scope, _open_map_keys
from test_cloudformation import extract_text
from test_stack_params import found, workflow

BLOCKED = "service-deployment-blocked"

REGION_SERVICE = """\
Parameters:
  Stage:
    Type: String
Mappings:
  Sizing:
    us-east-1: {Count: 6}
    eu-west-1: {Count: 3}
    sa-east-1: {Count: 1}
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: t
      DesiredCount: !FindInMap [Sizing, !Ref "AWS::Region", Count]
      DeploymentConfiguration:
        MinimumHealthyPercent: 100
        MaximumPercent: 150
        DeploymentCircuitBreaker: {Enable: true, Rollback: true}
"""


def blocked(tmp_path, text):
    (tmp_path / "t.yaml").write_text(text)
    return [(f.span.line, f.message) for f in lint_folder(tmp_path) if f.rule == BLOCKED]


@pytest.mark.parametrize("key", ['!Ref "AWS::Region"', "!Ref AWS::AccountId", "!Ref Stage"])
def test_each_key_of_a_mapping_an_unknown_key_picks_is_a_stack(tmp_path, key):
    # ke/04: one task in sa-east-1 at 100/150: no room to start a new one
    text = REGION_SERVICE.replace('!Ref "AWS::Region"', key)
    assert [(line, m[:16]) for line, m in blocked(tmp_path, text)] == \
        [(18, "with desiredCoun")]
    assert "desiredCount 1," in blocked(tmp_path, text)[0][1]


@pytest.mark.parametrize("key", ['!Ref "AWS::Region"', "!Ref AWS::AccountId", "!Ref Stage"])
def test_no_finding_when_every_key_has_room(tmp_path, key):
    text = REGION_SERVICE.replace("{Count: 1}", "{Count: 2}").replace('!Ref "AWS::Region"', key)
    assert blocked(tmp_path, text) == []


def test_a_parameter_with_a_default_but_no_allowed_values_is_any_key(tmp_path):
    # the default is only the stack that does not pass it
    text = REGION_SERVICE.replace("Type: String", "Type: String\n    Default: us-east-1") \
        .replace('!Ref "AWS::Region"', "!Ref Stage")
    assert len(blocked(tmp_path, text)) == 1


def test_a_value_the_deployment_passes_is_the_key(tmp_path):
    text = REGION_SERVICE.replace('!Ref "AWS::Region"', "!Ref Stage")
    step = """\
        - run: |
            aws cloudformation deploy --stack-name app --template-file t.yaml \\
              --parameter-overrides Stage={stage}
        """
    for stage, expected in (("us-east-1", []), ("sa-east-1", [(BLOCKED, "t.yaml", 18)])):
        files = {"t.yaml": text, ".github/workflows/deploy.yml": workflow(step.format(stage=stage))}
        assert found(tmp_path, files) == expected, stage


def test_the_partition_is_a_key_not_known(tmp_path):
    # AWS::Partition is aws, aws-cn or aws-us-gov by the stack's region: the
    # aws-cn row is read too, as a stack in China takes it
    text = REGION_SERVICE.replace('!Ref "AWS::Region"', "!Ref AWS::Partition") \
        .replace("us-east-1:", "aws:").replace("sa-east-1:", "aws-cn:")
    assert len(blocked(tmp_path, text)) == 1
    assert blocked(tmp_path, text.replace("aws-cn: {Count: 1}", "aws-cn: {Count: 2}")) == []


def test_a_second_level_key_not_known(tmp_path):
    text = REGION_SERVICE.replace("""\
    us-east-1: {Count: 6}
    eu-west-1: {Count: 3}
    sa-east-1: {Count: 1}""", """\
    web: {us-east-1: 6, sa-east-1: 1}
    worker: {us-east-1: 1}""").replace(
        '[Sizing, !Ref "AWS::Region", Count]', '[Sizing, web, !Ref "AWS::Region"]')
    assert len(blocked(tmp_path, text)) == 1
    assert blocked(tmp_path, text.replace("sa-east-1: 1}", "sa-east-1: 2}")) == []


def test_each_stack_document_names_the_key_it_picks():
    docs = extract_text(REGION_SERVICE)
    stacks = [(d.context.get("stack"), d.data.get("desiredCount")) for d in docs
              if d.kind == "service"]
    assert stacks == [({"AWS::Region": "us-east-1"}, 6), ({"AWS::Region": "eu-west-1"}, 3),
                      ({"AWS::Region": "sa-east-1"}, 1)]


def test_a_mapping_with_more_keys_than_stacks_keeps_the_allowed_values(tmp_path):
    # 20 regions x 2 allowed stages is past the stacks read: the stages still are
    regions = "\n".join(f"    r{i}: {{Cpu: '256'}}" for i in range(20))
    text = textwrap.dedent("""\
        Parameters:
          Stage: {Type: String, Default: dev, AllowedValues: [dev, production]}
        Mappings:
          Sizes:
            dev: {Max: 200}
            production: {Max: 100}
          Cpus:
        %s
        Resources:
          Service:
            Type: AWS::ECS::Service
            Properties:
              Cluster: c
              TaskDefinition: t
              DesiredCount: 2
              Tags: [{Key: cpu, Value: !FindInMap [Cpus, !Ref "AWS::Region", Cpu]}]
              DeploymentConfiguration:
                MinimumHealthyPercent: 100
                MaximumPercent: !FindInMap [Sizes, !Ref Stage, Max]
                DeploymentCircuitBreaker: {Enable: true, Rollback: true}
        """) % regions
    assert len(blocked(tmp_path, text)) == 1


@pytest.mark.parametrize("call", [
    "x", [], ["Sizing"], [["Sizing"], {"Ref": "AWS::Region"}, "Count"],
    ["Nope", {"Ref": "AWS::Region"}, "Count"], ["Sizing", {"Ref": "AWS::Region", "x": 1}, 3],
    ["Sizing", {"Ref": ["AWS::Region"]}, {"Ref": "AWS::Region"}], ["Odd", {"Ref": "Stage"}, "a"],
])
def test_odd_find_in_map_calls_do_not_crash(call):
    data = {"Parameters": {"Stage": {"Type": "String"}},
            "Mappings": {"Sizing": {"us-east-1": {"Count": 1}, 7: {"Count": 2}},
                         "Odd": {"k": ["not", "a", "map"], "j": None}},
            "Resources": {}}
    scope = Scope.of(data)
    keys = _open_map_keys({"DesiredCount": {"Fn::FindInMap": call}}, scope, data["Parameters"])
    assert all(isinstance(v, list) and v for v in keys.values())
