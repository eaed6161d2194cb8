"""Audit of the real-world corpus (cloudformation, policies, services, task
definitions, trust policies): what ecs-lint said wrong on those files."""
import json
import textwrap

from conftest import lint_folder


def _write(tmp_path, name, text):
    (tmp_path / name).write_text(textwrap.dedent(text))
    return lint_folder(tmp_path)


# aws-samples/aws-codedeploy-github-actions-deployment cloudformation/template.yaml
# (CodeDeployRole, trimmed): ec2:RunInstances and iam:PassRole on a CodeDeploy ARN.
CODEDEPLOY_ROLE = """\
    Resources:
      CodeDeployRole:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: "Allow"
                Principal:
                  Service:
                    - "codedeploy.amazonaws.com"
                Action:
                  - "sts:AssumeRole"
          Policies:
            -
              PolicyName: allow-autoscaling
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  -
                    Effect: Allow
                    Action:
                      - ec2:RunInstances
                      - ec2:CreateTags
                    Resource:
                      - !Sub 'arn:${AWS::Partition}:codedeploy:*:${AWS::AccountId}:*'
    """


def test_parliament_resource_mismatch_on_an_arn_whose_only_unknowns_are_pseudo_parameters(
        tmp_path):
    # The same policy written as a plain file (partition and account spelled out)
    # gets parliament's RESOURCE_MISMATCH; in the template it was dropped as if the
    # ARN were a placeholder, though ${AWS::Partition}/${AWS::AccountId} change
    # nothing parliament matches on (the service and the resource type).
    found = _write(tmp_path, "template.yaml", CODEDEPLOY_ROLE)
    hits = [f for f in found if f.extra.get("parliament_issue") == "RESOURCE_MISMATCH"]
    assert [(f.rule, f.line, f.column) for f in hits] == [("policy-iam-lint", 26, 19)]
    assert "ec2:RunInstances needs a resource like" in hits[0].message


def test_parliament_still_silent_on_an_arn_with_an_unresolved_name(tmp_path):
    text = CODEDEPLOY_ROLE.replace("codedeploy:*:${AWS::AccountId}:*",
                                   "ec2:*:${AWS::AccountId}:${Thing}")
    found = _write(tmp_path, "template.yaml", text)
    assert not [f for f in found if f.extra.get("parliament_issue") == "RESOURCE_MISMATCH"]


# Nerdwork-ng/nerdwork_plus github-actions-ecs-policy.json (ECR statement): pull
# actions only, yet the finding said the role could push to every repository.
ECR_PULL_ONLY = {"Effect": "Allow", "Action": [
    "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], "Resource": "*"}


def _policy(tmp_path, *stmts):
    (tmp_path / "policy.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": list(stmts)}, indent=2))
    return [f for f in lint_folder(tmp_path) if f.rule == "policy-ecr-resource-wildcard"]


def test_ecr_wildcard_with_pull_actions_only_says_pull(tmp_path):
    [f] = _policy(tmp_path, ECR_PULL_ONLY)
    assert "can pull the images of every repository" in f.message
    assert "push" not in f.message


def test_ecr_wildcard_with_push_actions_only_says_push(tmp_path):
    # aws-modern-application-workshop core.yml (CodeBuild role): InitiateLayerUpload alone
    [f] = _policy(tmp_path, {"Effect": "Allow", "Action": [
        "ecr:InitiateLayerUpload", "ecr:GetAuthorizationToken"], "Resource": "*"})
    assert "can push images to every repository" in f.message and "pull" not in f.message


def test_ecr_wildcard_with_push_and_pull_says_both(tmp_path):
    stmt = dict(ECR_PULL_ONLY, Action=ECR_PULL_ONLY["Action"] + ["ecr:PutImage"])
    [f] = _policy(tmp_path, stmt)
    assert "can push and pull the images of every repository" in f.message


def _passrole(tmp_path, resource):
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:CreateTags", "iam:PassRole"],
         "Resource": resource}]}, indent=2))
    return [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("policy-passrole")]


def test_passrole_on_a_resource_that_is_no_role_passes_nothing_to_any_service(tmp_path):
    # aws-codedeploy-github-actions-deployment template.yaml (CodeDeployRole): iam:PassRole
    # on a CodeDeploy ARN matches no role, so no role can be passed to any service
    assert _passrole(tmp_path, ["arn:aws:codedeploy:*:123456789012:*"]) == []
    assert _passrole(tmp_path, "arn:aws:iam::123456789012:user/*") == []


def test_passrole_on_resources_that_may_be_roles_is_still_unscoped(tmp_path):
    for resource in ("*", "arn:aws:iam::123456789012:role/app", "arn:aws:iam::*:*",
                     "arn:aws:*:*", ["arn:aws:s3:::b", "arn:aws:iam::123456789012:role/a"],
                     "arn:aws:iam::123456789012:r*", "arn:aws:iam::${aws:username}"):
        assert "policy-passrole-unscoped-service" in _passrole(tmp_path, resource), resource
