"""Audit 'al': deploy-path repositories whose infrastructure is CloudFormation,
SAM or CDK synth output. Each test holds a case where ecs-lint was wrong (see
the commit that added it for the evidence)."""
from conftest import file_findings

SAM_FUNCTION = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  SmokeTest:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: smoke/
      Policies:
        - AWSLambdaBasicExecutionRole
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: ecs:*
              Resource: "*"
"""


def test_sam_function_inline_policy_document_is_linted(tmp_path):
    found = file_findings(tmp_path, "template.yaml", SAM_FUNCTION)
    assert ("policy-wildcard-action", 15, 23) in found
    # the managed policy beside it is not read: PassRole can't be judged
    assert not [f for f in found if f[0] == "policy-passrole-missing"]


def test_sam_policies_single_document_and_state_machine(tmp_path):
    text = """\
    Transform: AWS::Serverless-2016-10-31
    Resources:
      Drain:
        Type: AWS::Serverless::StateMachine
        Properties:
          DefinitionUri: drain.asl.json
          Policies:
            Statement:
              - Effect: Allow
                Action: iam:*
                Resource: "*"
    """
    assert ("policy-wildcard-action", 10, 21) in file_findings(tmp_path, "t.yaml", text)


def test_sam_policies_ignored_when_role_is_set(tmp_path):
    # SAM: "If the Role property is set, this property is ignored."
    text = SAM_FUNCTION.replace("      Policies:\n",
                                "      Role: arn:aws:iam::123456789012:role/smoke\n"
                                "      Policies:\n")
    found = file_findings(tmp_path, "template.yaml", text)
    assert not [f for f in found if f[0].startswith("policy-")]


FINDINMAP_DEFAULT = """\
Transform: AWS::LanguageExtensions
Parameters:
  Stage:
    Type: String
    Default: dev
Mappings:
  Subjects:
    prod:
      Sub: repo:o/api:environment:production
Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
              StringLike:
                token.actions.githubusercontent.com:sub: !FindInMap [Subjects, !Ref Stage, Sub, {DefaultValue: "repo:o/*"}]
"""


def test_findinmap_default_value_when_the_key_is_not_in_the_map(tmp_path):
    # AWS::LanguageExtensions: DefaultValue is what Fn::FindInMap resolves to
    # when the top-level or second-level key is not found (dev is not mapped)
    found = file_findings(tmp_path, "t.yaml", FINDINMAP_DEFAULT)
    assert [f[:2] for f in found if f[0].startswith("trust-sub")] == [("trust-sub-any-repo", 24)]


def test_findinmap_default_value_unused_when_the_key_is_mapped(tmp_path):
    text = FINDINMAP_DEFAULT.replace("Default: dev", "Default: prod")
    found = file_findings(tmp_path, "t.yaml", text)
    assert not [f for f in found if f[0].startswith("trust-sub")]
