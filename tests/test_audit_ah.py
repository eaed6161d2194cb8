"""Audit 'ah': how the cross-file rules link a workflow to its roles (vars,
secrets, env, bare names, role chaining, template role names, config
`roles:`), its repository and its task definitions. Each test holds a case
where ecs-lint was wrong (see the commit that added it for the evidence)."""
import json

import pytest

from conftest import lint_folder

A1, A2 = "283746501928", "593018274655"


def _write(root, files):
    for path, text in files.items():
        p = root / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text, indent=2))


def _xref(findings, rule):
    return [f for f in findings if f.rule == rule]


def _oidc_trust(acct, sub):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{acct}:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": sub}}}]}


def _deploy_policy(acct, passroles):
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
         "Resource": f"arn:aws:ecs:us-east-1:{acct}:service/app/app"},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": passroles,
         "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}


CHAIN_WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: staging
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::%s:role/entry
          aws-region: us-east-1
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: deployer
          role-chaining: true
          aws-region: us-east-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/app.json
          cluster: app
          service: app
          wait-for-service-stability: true
"""


def _chain_repo(tmp_path, entry_account):
    files = {
        ".ecs-lint.yaml": "github:\n  repository: o/app\nroles:\n" + "".join(
            f'  "arn:aws:iam::{a}:role/{n}":\n    trust: iam/{a}-{n}-trust.json\n'
            f"    permissions: [iam/{a}-{n}-policy.json]\n"
            for a in (A1, A2) for n in ("entry", "deployer")),
        ".github/workflows/deploy.yml": CHAIN_WORKFLOW % entry_account,
        "ecs/app.json": {"family": "app", "executionRoleArn": f"arn:aws:iam::{entry_account}:role/app-exec",
                         "containerDefinitions": [{"name": "app", "image": "nginx:1.27.0"}]},
    }
    for a in (A1, A2):
        files[f"iam/{a}-entry-trust.json"] = _oidc_trust(a, "repo:o/app:environment:staging")
        files[f"iam/{a}-entry-policy.json"] = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{a}:role/deployer"}]}
        files[f"iam/{a}-deployer-trust.json"] = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{a}:role/entry"},
            "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
    # the first account's deployer may not pass the execution role; the second's may
    files[f"iam/{A1}-deployer-policy.json"] = _deploy_policy(A1, f"arn:aws:iam::{A1}:role/app-task")
    files[f"iam/{A2}-deployer-policy.json"] = _deploy_policy(A2, f"arn:aws:iam::{A2}:role/app-*")
    _write(tmp_path, files)
    return lint_folder(tmp_path)


def test_chained_bare_role_name_is_the_role_of_the_account_it_chains_from(tmp_path):
    # configure-aws-credentials builds arn:aws:iam::<caller account>:role/NAME for a
    # bare name on a role-chaining step: the deployer of the entry role's account
    found = _xref(_chain_repo(tmp_path, A1), "xref-passrole-not-covered")
    assert [f.file for f in found] == [f"iam/{A1}-deployer-policy.json"]
    assert "app-exec" in found[0].message


def test_chained_bare_role_name_in_the_other_account_is_not_the_first(tmp_path):
    assert _xref(_chain_repo(tmp_path, A2), "xref-passrole-not-covered") == []


GENERATED_WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/%s
          aws-region: us-east-1
"""

CFN_ROLES = """\
Resources:
%s
"""

CFN_ROLE = """\
  %s:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:o/app:%s
"""


def _generated(tmp_path, files, name):
    files[".ecs-lint.yaml"] = "github:\n  repository: o/app\n"
    files[".github/workflows/deploy.yml"] = GENERATED_WORKFLOW % name
    _write(tmp_path, files)
    return _xref(lint_folder(tmp_path), "xref-sub-not-admitted")


def test_cloudformation_role_without_rolename_links_by_its_generated_name(tmp_path):
    # STACK-LOGICALID-SUFFIX: the role of logical id DeployRoleStaging, not DeployRole
    # (a prefix of it), whose trust pins another environment
    roles = CFN_ROLE % ("DeployRole", "environment:production") + \
        CFN_ROLE % ("DeployRoleStaging", "environment:staging")
    found = _generated(tmp_path, {"cfn/roles.yaml": CFN_ROLES % roles},
                       "ci-DeployRoleStaging-9PQ2WD6RZ0ABC")
    assert len(found) == 1 and found[0].file == "cfn/roles.yaml"
    assert "environment:staging" in found[0].message or "DeployRoleStaging" in found[0].message


def test_cloudformation_generated_name_of_the_right_role_is_clean(tmp_path):
    roles = CFN_ROLE % ("DeployRole", "environment:production") + \
        CFN_ROLE % ("DeployRoleStaging", "environment:staging")
    assert _generated(tmp_path, {"cfn/roles.yaml": CFN_ROLES % roles},
                      "ci-DeployRole-1XK8ZQ4T7LMNP") == []


TF_ROLE = """\
resource "aws_iam_role" "%s" {
  %s
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:o/app:%s"
        }
      }
    }]
  })
}
"""


def test_terraform_name_prefix_role_links_by_the_name_terraform_generates(tmp_path):
    # name_prefix + 26 characters (timestamp to 1/10000 s, 8 hex digits)
    tf = TF_ROLE % ("deploy", 'name_prefix = "app-deploy-"', "ref:refs/heads/main")
    found = _generated(tmp_path, {"infra/iam.tf": tf},
                       "app-deploy-2024061109301522170000000a")
    assert [f.file for f in found] == ["infra/iam.tf"]


def test_terraform_exact_name_sharing_the_prefix_is_not_the_prefixed_role(tmp_path):
    tf = TF_ROLE % ("deploy", 'name_prefix = "app-deploy-"', "ref:refs/heads/main") + \
        TF_ROLE % ("readonly", 'name = "app-deploy-readonly"', "environment:production")
    assert _generated(tmp_path, {"infra/iam.tf": tf}, "app-deploy-readonly") == []


WORKDIR_WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Fill the template
        working-directory: deploy/worker
        run: envsubst < taskdef.json.tpl > %s
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: %s
          container-name: worker
          image: nginx:1.27.0
"""


def _workdir(tmp_path, target, path):
    _write(tmp_path, {".github/workflows/deploy.yml": WORKDIR_WORKFLOW % (target, path),
                      "deploy/worker/taskdef.json.tpl": "{}"})
    return _xref(lint_folder(tmp_path), "xref-task-definition-missing")


def test_file_written_in_another_working_directory_is_not_at_the_root(tmp_path):
    # the redirect lands in deploy/worker/taskdef.json; the action reads
    # $GITHUB_WORKSPACE/taskdef.json (path.join(GITHUB_WORKSPACE, file))
    found = _workdir(tmp_path, "taskdef.json", "taskdef.json")
    assert len(found) == 1 and "taskdef.json" in found[0].message


def test_file_written_in_the_working_directory_it_is_read_from_is_fine(tmp_path):
    assert _workdir(tmp_path, "taskdef.json", "deploy/worker/taskdef.json") == []


def test_file_written_by_a_path_out_of_the_working_directory_is_fine(tmp_path):
    assert _workdir(tmp_path, "../../taskdef.json", "taskdef.json") == []


@pytest.mark.parametrize("script, path, reported", [
    ("cp taskdef.json.tpl taskdef.json && sed -i 's|X|Y|' taskdef.json", "taskdef.json", True),
    ("cp taskdef.json.tpl out.json\n        sed -i 's|X|Y|' out.json | tee taskdef.json",
     "taskdef.json", True),
    ("cp taskdef.json.tpl taskdef.json", "deploy/worker/taskdef.json", False),
    ("cp taskdef.json.tpl ../../taskdef.json", "taskdef.json", False),
    ("cp taskdef.json.tpl taskdef.json && cat taskdef.json", "taskdef.json", True),  # read back: still written there
])
def test_copies_and_in_place_edits_land_in_the_working_directory(tmp_path, script, path,
                                                                   reported):
    wf = WORKDIR_WORKFLOW.replace("run: envsubst < taskdef.json.tpl > %s", "run: |\n          "
                                  + script.replace("\n        ", "\n          ")) % path
    _write(tmp_path, {".github/workflows/deploy.yml": wf, "deploy/worker/taskdef.json.tpl": "{}"})
    found = _xref(lint_folder(tmp_path), "xref-task-definition-missing")
    assert bool(found) is reported
    if reported:
        assert "deploy/worker/" in found[0].message
