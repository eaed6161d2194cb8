"""Stop 30: an ECR repository's own policy in the permission check (within one
account its Allow to the role suffices, its Deny refuses), and the reason of a
refusal naming the condition that refuses the request."""
import pytest

from conftest import lint_files

ACCOUNT = "447120983355"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/app-release"


def _template(principal="!GetAtt ReleaseRole.Arn", effect="Allow", policy=None,
              role_actions="ecr:GetAuthorizationToken"):
    """A template: repository `app` whose policy gives `principal` the push
    actions (or is `policy`, as written), and the GitHub role app-release."""
    policy = policy or f"""
        Version: "2012-10-17"
        Statement:
          - Sid: ReleasePush
            Effect: {effect}
            Principal:
              AWS: {principal}
            Action: [ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload,
                     ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage]"""
    return f"""\
Parameters:
  OtherRole:
    Type: String
Resources:
  Repository:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: IMMUTABLE
      RepositoryPolicyText: {policy}
  ReleaseRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-release
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::${{AWS::AccountId}}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
      Policies:
        - PolicyName: release
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [{role_actions}]
                Resource: "*"
"""


def _workflow(account=ACCOUNT):
    return f"""\
on: {{push: {{branches: [main]}}}}
jobs:
  release:
    runs-on: ubuntu-latest
    permissions: {{id-token: write, contents: read}}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {{role-to-assume: "{ROLE_ARN}", aws-region: eu-west-2}}
      - uses: aws-actions/amazon-ecr-login@v2
      - run: docker push {account}.dkr.ecr.eu-west-2.amazonaws.com/app:1.0.0
"""


def _missing(tmp_path, template, workflow=None):
    found = lint_files(tmp_path, {"infra/ci.yaml": template,
                                  ".github/workflows/release.yml": workflow or _workflow()},
                       "github:\n  repository: acme/app\n")
    return [f for f in found if f.rule == "xref-permission-missing"]


def test_a_repository_policy_naming_the_role_grants_its_push(tmp_path):
    assert _missing(tmp_path, _template()) == []


@pytest.mark.parametrize("principal", [
    f"arn:aws:iam::{ACCOUNT}:role/app-release",  # the role's ARN written out
    '"*"',  # anyone
])
def test_other_ways_of_naming_the_role_grant_too(tmp_path, principal):
    assert _missing(tmp_path, _template(principal)) == []


def test_a_repository_policy_written_as_json_text_is_read(tmp_path):
    policy = ("'{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
              f"\"{ROLE_ARN}\"}}, \"Action\": \"ecr:*\"}}]}}'")
    assert _missing(tmp_path, _template(policy=policy)) == []


@pytest.mark.parametrize("principal", [
    "!Sub arn:aws:iam::${AWS::AccountId}:root",  # the account: delegates to IAM
    ACCOUNT,
    "!Sub arn:aws:iam::${AWS::AccountId}:role/${OtherRole}",  # a parameter: anyone
    "arn:aws:iam::111111111111:role/app-release",  # another account's role
    "!GetAtt Repository.Arn",  # nonsense
])
def test_a_policy_not_naming_the_role_grants_nothing(tmp_path, principal):
    missing = _missing(tmp_path, _template(principal))
    assert sorted(f.message.split()[5] for f in missing) == [
        "ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
        "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"]


def test_another_accounts_repository_needs_the_roles_own_allow(tmp_path):
    # cross-account: both policies must allow; the role's own does not
    missing = _missing(tmp_path, _template(), _workflow("111111111111"))
    assert len(missing) == 5
    assert all("repository/app" in f.message for f in missing)


def test_a_deny_of_the_repository_policy_refuses_what_iam_allows(tmp_path):
    template = _template('"*"', effect="Deny",
                         role_actions="ecr:GetAuthorizationToken, ecr:*")
    missing = _missing(tmp_path, template)
    assert len(missing) == 5
    put = next(f for f in missing if "ecr:PutImage" in f.message.split(",")[0])
    assert "denied by statement 1 (ReleasePush) of the repository's policy" in put.message
    assert put.file == "infra/ci.yaml" and put.line == 11  # the repository's policy, not the role's
    assert "repository policy's Deny" in put.help


def test_a_deny_to_another_principal_does_not_refuse(tmp_path):
    template = _template("arn:aws:iam::447120983355:role/someone-else", effect="Deny",
                         role_actions="ecr:GetAuthorizationToken, ecr:*")
    assert _missing(tmp_path, template) == []


@pytest.mark.parametrize("policy", [
    "[1, 2]", "not json", '{"Statement": 3}', "{Statement: [3, {Principal: [1]}]}",
    "{Statement: {Effect: Allow, Principal: {AWS: [null, {a: 1}]}, Action: ecr:*}}",
])
def test_a_malformed_repository_policy_grants_nothing_and_never_crashes(tmp_path, policy):
    found = lint_files(tmp_path, {"infra/ci.yaml": _template(policy=policy),
                                  ".github/workflows/release.yml": _workflow()},
                       "github:\n  repository: acme/app\n")
    assert not [f for f in found if f.rule == "internal-error"]
    assert len([f for f in found if f.rule == "xref-permission-missing"]) == 5


def test_iam_reads_a_camel_case_policy_and_its_principals():
    from ecs_lint import iam
    from ecs_lint.values import Template, Unknown

    view = {"version": "2012-10-17", "statement": [
        {"sid": "A", "effect": "Allow", "principal": {"aws": "*"}, "action": "ecr:PutImage",
         "condition": {"stringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}
    policy = iam.policy_from_view(view)
    assert policy["Statement"][0]["Principal"] == {"AWS": "*"}
    assert list(policy["Statement"][0]["Condition"]) == ["StringEquals"]
    assert iam.policy_from_view("x") is None

    def stmt(effect, principal):
        return iam.statements({"Statement": {"Effect": effect, "Principal": principal}})[0]

    own = Template(("arn:aws:iam::", Unknown("AWS::AccountId"), ":role/app-release"))
    other = Template(("arn:aws:iam::", Unknown("Account"), ":role/app-release"))
    root = f"arn:aws:iam::{ACCOUNT}:root"
    assert iam.names_principal(stmt("Allow", {"AWS": own}), ROLE_ARN)
    assert not iam.names_principal(stmt("Allow", {"AWS": other}), ROLE_ARN)
    assert not iam.names_principal(stmt("Allow", {"AWS": root}), ROLE_ARN)
    assert iam.names_principal(stmt("Deny", {"AWS": root}), ROLE_ARN)
    assert not iam.names_principal(stmt("Allow", {"Service": "ecs.amazonaws.com"}), ROLE_ARN)
    # no Resource: the statement is about the repository itself
    arn = f"arn:aws:ecr:eu-west-2:{ACCOUNT}:repository/app"
    stmts = iam.resource_policy_statements(
        {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:PutImage"}},
        arn, ROLE_ARN)
    assert iam.evaluate_statements(stmts, "ecr:PutImage", arn).allowed


def test_a_refusal_names_the_condition_that_refuses_the_request():
    from ecs_lint import iam

    policy = {"Version": "2012-10-17", "Statement": [{
        "Sid": "PassRoleToECS", "Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::1:role/exec",
        "Condition": {"StringLike": {"iam:PassedToService": ["ecs.amazonaws.com",
                                                             "events.amazonaws.com"]}}}]}
    d = iam.evaluate([policy], "iam:PassRole", "arn:aws:iam::1:role/exec",
                     {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    assert not d.allowed
    assert d.reason == (
        "statement 1 (PassRoleToECS) allows it only when iam:PassedToService matches "
        "ecs.amazonaws.com or events.amazonaws.com; this request's is "
        "ecs-tasks.amazonaws.com, which its StringLike condition refuses")
    # the near miss: a value the condition admits
    assert iam.evaluate([policy], "iam:PassRole", "arn:aws:iam::1:role/exec",
                        {"iam:PassedToService": "ecs.amazonaws.com"}).allowed


def test_the_passrole_finding_names_the_refusing_condition(tmp_path):
    files = {
        ".github/workflows/deploy.yml": """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::263748159027:role/gha", aws-region: eu-west-1}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: taskdef.json, cluster: c, service: s}
""",
        "taskdef.json": {"family": "app", "executionRoleArn": "arn:aws:iam::263748159027:role/exec",
                         "containerDefinitions": [{"name": "app", "image": "nginx:1.27"}]},
        "iam/permissions.json": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["ecs:*"], "Resource": "*"},
            {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole",
             "Resource": "arn:aws:iam::263748159027:role/exec",
             "Condition": {"StringLike": {"iam:PassedToService": "ecs.amazonaws.com"}}}]},
    }
    config = ("github:\n  repository: acme/app\nroles:\n  arn:aws:iam::263748159027:role/gha:\n"
              "    permissions: iam/permissions.json\n")
    found = [f for f in lint_files(tmp_path, files, config)
             if f.rule == "xref-passrole-not-covered"]
    assert len(found) == 1
    assert "allows it only when iam:PassedToService matches ecs.amazonaws.com; this " \
           "request's is ecs-tasks.amazonaws.com, which its StringLike condition refuses" \
        in found[0].message
