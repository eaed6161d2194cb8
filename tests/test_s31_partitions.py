"""Stop 31: a template's own partition (`${AWS::Partition}`, Terraform's
`data.aws_partition.X.partition`) is not known before deploy: aws, aws-cn or
aws-us-gov by the region. It stays unknown, and IAM matching reads it as the
partition of the ARN asked about (kt/02: a China deploy of a template written
partition-agnostic had 9 false errors)."""
import textwrap

import pytest

from conftest import lint_files
from ecs_lint import iam
from ecs_lint.values import Template, Unknown

XREF = {"xref-permission-missing", "xref-passrole-not-covered"}
ACCOUNT = "381492005716"


def _own(text):
    """A template value: `text` with each `{P}` the template's own partition."""
    parts = []
    for i, piece in enumerate(text.split("{P}")):
        if i:
            parts.append(Unknown("AWS::Partition"))
        parts.append(piece)
    return Template(tuple(p for p in parts if p != ""))


# ---------------------------------------------------------------------------
# end to end: kt/02 in small, CloudFormation and Terraform

CFN = """\
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: AUDIENCE
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ecr:GetAuthorizationToken, ecs:RegisterTaskDefinition]
                Resource: "*"
              - Effect: Allow
                Action: [ecr:BatchCheckLayerAvailability, ecr:CompleteLayerUpload,
                         ecr:InitiateLayerUpload, ecr:PutImage, ecr:UploadLayerPart]
                Resource: !Sub PARTITION:ecr:${AWS::Region}:${AWS::AccountId}:repository/app
              - Effect: Allow
                Action: iam:PassRole
                Resource: !Sub PARTITION:iam::${AWS::AccountId}:role/app-task
                Condition:
                  StringEquals:
                    iam:PassedToService: ecs-tasks.amazonaws.com
"""

TF = """\
data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "deploy" {
  name = "app-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = {
        "token.actions.githubusercontent.com:aud" = "AUDIENCE"
        "token.actions.githubusercontent.com:sub" = "repo:acme/app:ref:refs/heads/main" } }
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition"],
        Resource = "*" },
      { Effect = "Allow",
        Action = ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
                  "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
        Resource = "PARTITION:ecr:*:${data.aws_caller_identity.current.account_id}:repository/app" },
      { Effect = "Allow", Action = "iam:PassRole",
        Resource = "PARTITION:iam::${data.aws_caller_identity.current.account_id}:role/app-task",
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } } },
    ]
  })
}
"""

TF_OWN = "arn:${data.aws_partition.current.partition}"


def _workflow(partition, region, audience):
    return textwrap.dedent(f"""\
        on: {{push: {{branches: [main]}}}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            permissions: {{id-token: write, contents: read}}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:{partition}:iam::{ACCOUNT}:role/app-deploy
                  aws-region: {region}
                  audience: {audience}
              - uses: aws-actions/amazon-ecr-login@v2
              - run: docker push {ACCOUNT}.dkr.ecr.{region}.amazonaws.com{'.cn' if partition == 'aws-cn' else ''}/app:${{{{ github.sha }}}}
              - run: aws ecs register-task-definition --cli-input-json file://taskdef.json
        """)


def _taskdef(partition):
    return {"family": "app", "taskRoleArn": f"arn:{partition}:iam::{ACCOUNT}:role/app-task",
            "containerDefinitions": [{"name": "app", "image": "app:1", "essential": True}]}


def _xref(tmp_path, infra_name, infra, partition, region, audience="sts.amazonaws.com"):
    found = lint_files(tmp_path, {
        infra_name: infra.replace("AUDIENCE", audience),
        ".github/workflows/deploy.yml": _workflow(partition, region, audience),
        "taskdef.json": _taskdef(partition)}, "github:\n  repository: acme/app\n")
    return sorted((f.rule, f.message.split(" on ")[0].split(", which")[0])
                  for f in found if f.rule in XREF)


def test_a_cfn_template_of_its_own_partition_grants_a_china_deploy(tmp_path):
    template = CFN.replace("PARTITION", "arn:${AWS::Partition}")
    assert _xref(tmp_path, "infra/t.yaml", template, "aws-cn", "cn-northwest-1",
                 "sts.amazonaws.com.cn") == []


def test_a_cfn_template_naming_the_commercial_partition_does_not(tmp_path):
    # arn:aws written out is no ARN of aws-cn: the China deploy is refused
    template = CFN.replace("PARTITION", "arn:aws")
    found = _xref(tmp_path, "infra/t.yaml", template, "aws-cn", "cn-northwest-1",
                  "sts.amazonaws.com.cn")
    assert {r for r, _ in found} == XREF
    assert len(found) == 6


def test_a_terraform_module_of_its_own_partition_grants_a_govcloud_deploy(tmp_path):
    assert _xref(tmp_path, "infra/iam.tf", TF.replace("PARTITION", TF_OWN),
                 "aws-us-gov", "us-gov-west-1") == []


def test_a_terraform_module_naming_the_commercial_partition_does_not(tmp_path):
    found = _xref(tmp_path, "infra/iam.tf", TF.replace("PARTITION", "arn:aws"),
                  "aws-us-gov", "us-gov-west-1")
    assert {r for r, _ in found} == XREF
    assert len(found) == 6


def test_the_commercial_deploy_of_the_same_template_is_still_granted(tmp_path):
    template = CFN.replace("PARTITION", "arn:${AWS::Partition}")
    assert _xref(tmp_path, "infra/t.yaml", template, "aws", "eu-west-1") == []


# ---------------------------------------------------------------------------
# what the template's values are


def test_the_partition_pseudo_parameter_stays_unknown():
    from ecs_lint.cloudformation import resolve

    got = resolve({"Fn::Sub": "arn:${AWS::Partition}:ecs:eu-west-1:1:cluster/c"}, None)
    assert got == _own("arn:{P}:ecs:eu-west-1:1:cluster/c")
    assert resolve({"Fn::Sub": "ecs-tasks.${AWS::URLSuffix}"}, None) == \
        "ecs-tasks.amazonaws.com"  # (still known)


def test_terraforms_partition_stays_unknown(tmp_path):
    from ecs_lint.terraform import extract

    text = """\
data "aws_partition" "current" {}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
    Action = "ecs:UpdateService",
    Resource = "arn:${data.aws_partition.current.partition}:ecs:*:*:service/c/${data.aws_partition.current.dns_suffix}"}]})
}
"""
    (tmp_path / "main.tf").write_text(text)
    docs = [d for d in extract(str(tmp_path / "main.tf"), text)
            if d.kind == "permissions-policy"]
    assert docs[0].data["Statement"][0]["Resource"] == Template((
        "arn:", Unknown("data.aws_partition.current.partition"),
        ":ecs:*:*:service/c/amazonaws.com"))  # (dns_suffix: still known)


# ---------------------------------------------------------------------------
# IAM matching: the own partition is the partition of the ARN asked about

REPO = "arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/app"


@pytest.mark.parametrize("resource, denied", [
    (_own("arn:{P}:ecr:us-gov-west-1:123456789012:repository/*"), True),
    (_own("arn:{P}:ecr:us-gov-west-1:123456789012:repository/other"), False),
    # (Terraform's ARN of a resource it makes: in the provider's partition)
    (Template(("arn:", Unknown("aws_partition"),
               ":ecr:us-gov-west-1:123456789012:repository/app")), True),
    # another unknown in the partition's place matches nothing in a Deny
    (Template(("arn:", Unknown("Partition"), ":ecr:us-gov-west-1:123456789012:repository/*")),
     False),
])
def test_a_deny_in_the_templates_own_partition(resource, denied):
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecr:PutImage", "Resource": resource}]}
    assert iam.evaluate([policy], "ecr:PutImage", REPO).allowed is not denied


def test_an_allow_in_the_templates_own_partition_admits_its_resource_only():
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "ecr:PutImage",
        "Resource": _own("arn:{P}:ecr:us-gov-west-1:123456789012:repository/app")}]}
    assert iam.evaluate([policy], "ecr:PutImage", REPO).allowed
    assert not iam.evaluate([policy], "ecr:PutImage", REPO + "-2").allowed


def test_a_condition_in_the_templates_own_partition_is_decided():
    cluster = _own("arn:{P}:ecs:cn-north-1:123456789012:cluster/prod")
    asked = "arn:aws-cn:ecs:cn-north-1:123456789012:cluster/"
    assert iam.condition_holds("ArnEquals", [cluster], asked + "prod", True) is True
    assert iam.condition_holds("ArnEquals", [cluster], asked + "staging", True) is False


def test_a_deny_in_the_templates_own_partition_covers_an_allow():
    deny, allow, other = iam.statements({"Statement": [
        {"Effect": "Deny", "Action": "ecr:*",
         "Resource": _own("arn:{P}:ecr:eu-west-1:123456789012:repository/*")},
        {"Effect": "Allow", "Action": "ecr:PutImage",
         "Resource": "arn:aws-cn:ecr:eu-west-1:123456789012:repository/app"},
        {"Effect": "Allow", "Action": "ecr:PutImage",
         "Resource": "arn:aws-cn:ecr:eu-west-1:111111111111:repository/app"}]})
    assert iam.covers(deny, allow)
    assert not iam.covers(deny, other)


def test_role_probes_ask_in_each_partition_the_policies_name():
    value = _own("arn:{P}:iam::123456789012:role/app-task")
    stmts = iam.policy_statements([{"Statement": [{
        "Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws-cn:iam::123456789012:role/app-task"}]}])
    shown, asked = iam.role_arn_probes(value, stmts)
    assert shown == "arn:${AWS::Partition}:iam::123456789012:role/app-task"
    assert asked == ["arn:aws:iam::123456789012:role/app-task",
                     "arn:aws-cn:iam::123456789012:role/app-task"]
    # a partition written out is the only one asked
    _, asked = iam.role_arn_probes("arn:aws-us-gov:iam::123456789012:role/app-task", stmts)
    assert asked == ["arn:aws-us-gov:iam::123456789012:role/app-task"]


@pytest.mark.parametrize("resource, expected", [
    (_own("arn:{P}:iam::123456789012:role/deploy-task"), False),  # a name no stack makes
    (_own("arn:{P}:iam::123456789012:role/app-TaskRole-1A2B3C4D5E6F"), None),  # one it may
])
def test_a_passrole_in_the_own_partition_names_a_role_by_its_name(resource, expected):
    stmts = iam.policy_statements([{"Statement": [{
        "Effect": "Allow", "Action": "iam:PassRole", "Resource": resource}]}])
    assert iam.passes_generated_role(stmts, "TaskRole", {}) is expected


# ---------------------------------------------------------------------------
# what relied on `aws` keeps working


def _role_template(extra):
    return f"""\
Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-deploy
{extra}
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
"""


UPDATE = textwrap.dedent("""\
    on: {push: {branches: [main]}}
    jobs:
      deploy:
        runs-on: ubuntu-latest
        permissions: {id-token: write, contents: read}
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with: {role-to-assume: "arn:aws:iam::123456789012:role/app-deploy", aws-region: eu-west-1}
          - run: aws ecs update-service --cluster c --service s --force-new-deployment
    """)


@pytest.mark.parametrize("policy, missing", [
    # AWS managed policies named in the own partition are still read: the ECR
    # read-only policy gives nothing of ECS; AdministratorAccess everything
    ("AmazonEC2ContainerRegistryReadOnly", True),
    ("AdministratorAccess", False),
])
def test_managed_policies_in_the_own_partition_are_read(tmp_path, policy, missing):
    extra = ("      ManagedPolicyArns:\n"
             f"        - !Sub arn:${{AWS::Partition}}:iam::aws:policy/{policy}")
    found = lint_files(tmp_path, {"infra/t.yaml": _role_template(extra),
                                  ".github/workflows/d.yml": UPDATE},
                       "github:\n  repository: acme/app\n")
    assert any(f.rule == "xref-permission-missing" and "ecs:UpdateService" in f.message
               for f in found) is missing
    # the OIDC provider of the own partition is GitHub's: the sub is read
    assert not any(f.rule.startswith("trust-") and "provider" in f.message for f in found)


def test_an_oidc_provider_in_the_own_partition_is_githubs():
    from ecs_lint.subjects import federated_kind

    provider = ("arn:{P}:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
    assert federated_kind(_own(provider)) == "github"
    assert federated_kind(_own(provider.replace("token.actions.githubusercontent", "gitlab"))) \
        == "other"


@pytest.mark.parametrize("resource, fires", [
    ("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*", True),
    ("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-task", False),
])
def test_passrole_on_every_role_of_the_own_partition(tmp_path, resource, fires):
    extra = f"""\
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: {resource}
                Condition:
                  StringEquals:
                    iam:PassedToService: ecs-tasks.amazonaws.com"""
    found = [f for f in lint_files(tmp_path, {"t.yaml": _role_template(extra)})
             if f.rule == "policy-passrole-wildcard"]
    assert bool(found) is fires
    if fires:  # the message shows the template's text, not a made-up `aws`
        assert "'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*'" in found[0].message


# ---------------------------------------------------------------------------
# ARNs the templates make: `!GetAtt Role.Arn`, `aws_iam_role.x.arn`, providers

TASK_ROLE_CFN = """
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-task
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
"""


def test_a_role_arn_the_template_makes_is_in_its_own_partition(tmp_path):
    # PassRole on `!GetAtt TaskRole.Arn` reaches the aws-cn task role of a China deploy
    template = CFN.replace("PARTITION", "arn:${AWS::Partition}").replace(
        "Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-task",
        "Resource: !GetAtt TaskRole.Arn") + TASK_ROLE_CFN
    assert "!GetAtt TaskRole.Arn" in template
    assert _xref(tmp_path, "infra/t.yaml", template, "aws-cn", "cn-northwest-1",
                 "sts.amazonaws.com.cn") == []


def test_a_terraform_roles_arn_is_in_its_own_partition(tmp_path):
    module = TF.replace("PARTITION", TF_OWN).replace(
        '"arn:${data.aws_partition.current.partition}:iam::'
        '${data.aws_caller_identity.current.account_id}:role/app-task"',
        "aws_iam_role.task.arn") + """
resource "aws_iam_role" "task" {
  name = "app-task"
  assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow",
    Principal = {Service = "ecs-tasks.amazonaws.com"}, Action = "sts:AssumeRole"}]})
}
"""
    assert "aws_iam_role.task.arn" in module
    assert _xref(tmp_path, "infra/iam.tf", module, "aws-us-gov", "us-gov-west-1") == []


def test_the_account_of_a_provider_arn_in_the_own_partition():
    from ecs_lint.model import Document
    from ecs_lint.xref.linking import _provider_account

    def trust(federated):
        return Document("trust-policy", {"Statement": [{"Principal": {"Federated": federated}}]},
                        "t.json", None)
    own = _own("arn:{P}:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
    assert _provider_account([trust(own)]) == "123456789012"
    assert _provider_account([trust(_own("arn:{P}:iam::{P}:oidc-provider/x"))]) is None
