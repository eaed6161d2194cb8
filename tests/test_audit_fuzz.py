"""Crashes found by mutation fuzzing (audit-fuzz): each input is a small
reduction of a mutant that made ecs-lint report an internal-error, a traceback
or a wrong exit code. Bad input must give findings or a parse-error, never a
crash."""
import json
import textwrap

from ecs_lint.config import Config
from ecs_lint.runner import Options, collect, lint


def _findings(path):
    return lint(collect([str(path)], Config(), []), Options()).findings


def _crashes(path):
    return [f.message for f in _findings(path) if f.rule == "internal-error"]


def test_cloudformation_policy_roles_that_are_not_names(tmp_path):
    # Roles: [{Foo: bar}] / RoleName: [a] are not role names: they used to be kept
    # as roles and looked up in a dict (unhashable type: 'dict' / 'list')
    p = tmp_path / "t.yaml"
    p.write_text(textwrap.dedent("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonECS_FullAccess]
              AssumeRolePolicyDocument: {Statement: []}
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              Roles: [{Foo: bar}, !Ref Role]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
          Q:
            Type: AWS::IAM::RolePolicy
            Properties:
              PolicyName: q
              RoleName: [a]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
        """))
    assert _crashes(p) == []
    assert any(f.rule == "policy-iam-lint" for f in _findings(p))


def test_cloudformation_ref_to_resource_whose_type_is_a_list(tmp_path):
    # `!Ref X` where X's Type is a list: the type was looked up in a dict
    # (unhashable type: 'list')
    p = tmp_path / "t.yaml"
    p.write_text(textwrap.dedent("""\
        Resources:
          X:
            Type: [AWS::IAM::Role]
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              Roles: [!Ref X]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
        """))
    assert _crashes(p) == []
    assert any(f.rule == "policy-iam-lint" for f in _findings(p))


def test_cloudformation_properties_that_resolve_to_no_mapping(tmp_path):
    # Properties: !Sub "x" or {Ref: AWS::NoValue}: resolved to a string / the
    # no-value marker, then read with .get ('str' object has no attribute 'get')
    for props in ('!Sub "x"', "{Ref: AWS::NoValue}", "!If [C, x, y]"):
        p = tmp_path / "t.yaml"
        p.write_text(textwrap.dedent(f"""\
            Conditions:
              C: !Equals [a, a]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties: {props}
              Repo:
                Type: AWS::ECR::Repository
                Properties: {props}
              P:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: p
                  Roles: [!Ref Role]
                  PolicyDocument: {{Version: '2012-10-17', Statement: [{{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}}]}}
            """))
        assert _crashes(p) == [], props
        assert any(f.rule == "policy-iam-lint" for f in _findings(p))
