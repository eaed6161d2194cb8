"""AWS managed policies that deploy roles are often given, so that a role
whose permissions come from them is judged like a role with inline ones.

The statements are those of the AWS Managed Policy Reference at the version
noted. AWS adds permissions to its managed policies and never takes any away,
so each entry also says which actions its copy answers for: for those, an
action it does not allow is not allowed. For any other action the policy still
counts as not read, and the deploy gets the benefit of the doubt.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Optional, Tuple

_ALL = ("*",)
_ECR_READ = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
             "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy",
             "ecr:DescribeRepositories", "ecr:ListImages", "ecr:DescribeImages",
             "ecr:BatchGetImage", "ecr:GetLifecyclePolicy", "ecr:GetLifecyclePolicyPreview",
             "ecr:ListTagsForResource", "ecr:DescribeImageScanFindings"]
_ECR_PUSH = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
             "ecr:PutImage"]


def _allow(actions, resource="*", condition=None, key="Action") -> dict:
    st = {"Effect": "Allow", key: actions, "Resource": resource}
    if condition:
        st["Condition"] = condition
    return st


def _pass_to(services, resource="*") -> dict:
    return _allow("iam:PassRole", resource, {"StringLike": {"iam:PassedToService": services}})


# name -> (version, the actions the copy answers for, its statements)
MANAGED = {
    "AdministratorAccess": ("v1", _ALL, [_allow("*")]),
    "PowerUserAccess": ("v12", _ALL, [
        _allow(["iam:*", "organizations:*", "account:*"], key="NotAction"),
        _allow(["account:GetAccountInformation", "account:GetGovCloudAccountInformation",
                "account:GetPrimaryEmail", "account:ListRegions",
                "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
                "organizations:DescribeEffectivePolicy",
                "organizations:DescribeOrganization"])]),
    "AmazonEC2ContainerRegistryReadOnly": ("v3", _ALL, [_allow(_ECR_READ)]),
    "AmazonEC2ContainerRegistryPowerUser": ("v3", _ALL, [_allow(_ECR_READ + _ECR_PUSH)]),
    "AmazonEC2ContainerRegistryPullOnly": ("v1", _ALL, [_allow(
        ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
         "ecr:BatchImportUpstreamImage"])]),
    "AmazonEC2ContainerRegistryFullAccess": ("v3", _ALL, [
        _allow(["ecr:*", "cloudtrail:LookupEvents"]),
        _allow("iam:CreateServiceLinkedRole", condition={
            "StringEquals": {"iam:AWSServiceName": ["replication.ecr.amazonaws.com"]}})]),
    "AmazonECSTaskExecutionRolePolicy": ("v1", _ALL, [_allow(
        ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
         "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream",
         "logs:PutLogEvents"])]),
    # a long policy (EC2, load balancers, CloudFormation...): the copy answers
    # for what a deploy asks of ECS, ECR and iam:PassRole only
    "AmazonECS_FullAccess": ("v20", ("ecs:*", "ecr:*", "iam:passrole"), [
        _allow("ecs:*"),
        _allow(["logs:CreateLogGroup", "logs:DescribeLogGroups", "logs:FilterLogEvents"]),
        _pass_to("ecs-tasks.amazonaws.com"),
        _pass_to(["ec2.amazonaws.com", "ec2.amazonaws.com.cn"],
                 "arn:aws:iam::*:role/ecsInstanceRole*"),
        _pass_to(["application-autoscaling.amazonaws.com",
                  "application-autoscaling.amazonaws.com.cn"],
                 "arn:aws:iam::*:role/ecsAutoscaleRole*")]),
}

# `arn:aws:iam::aws:policy/NAME`, `.../service-role/NAME`, any partition
_ARN = re.compile(r":iam::aws:policy/(?:[\w+=,.@-]+/)*([\w+=,.@-]+)$")


def known(arn) -> Optional[str]:
    """The name of the AWS managed policy an ARN names, if its text is known."""
    m = _ARN.search(arn) if isinstance(arn, str) else None
    return m.group(1) if m and m.group(1) in MANAGED else None


def document(name: str) -> dict:
    return {"Version": "2012-10-17", "Statement": MANAGED[name][2]}


def answers(arn, action: str) -> bool:
    """Does the copy of this attached policy say all it grants for `action`?"""
    name = known(arn)
    return name is not None and any(
        fnmatchcase(action.lower(), p.lower()) for p in MANAGED[name][1])


def label(name: str) -> Tuple[str, str]:
    """(`NAME`, its version) for messages."""
    return name, MANAGED[name][0]
