"""The AWS calls of a repository shell script a run step runs need the job's
role's permissions like the step's own commands (the eq cases): up to the
first command that switches to other credentials."""
import pytest

from test_audit_ac import SERVICE_STMTS, deploy_repo

PUSH = ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
        "ecr:PutImage", "ecr:UploadLayerPart"]
REPO = "604918273540.dkr.ecr.eu-central-1.amazonaws.com/storefront"


def missing_in_script(tmp_path, statements, script, run="bash scripts/deploy.sh"):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "deploy.sh").write_text("#!/usr/bin/env bash\nset -eu\n" + script)
    found = deploy_repo(tmp_path, statements, run)
    return sorted(f.message.split(" is not allowed ")[1].split()[0].rstrip(",") for f in found)


def test_a_scripts_wait_needs_describe_services(tmp_path):
    stmts = [{"Effect": "Allow", "Action": "ecs:UpdateService",
              "Resource": "arn:aws:ecs:eu-central-1:604918273540:service/shop/storefront"}]
    script = ("aws ecs update-service --cluster shop --service storefront --force-new-deployment\n"
              "aws ecs wait services-stable --cluster shop --services storefront\n")
    assert missing_in_script(tmp_path, stmts, script) == ["ecs:DescribeServices"]


def test_a_script_the_policy_covers_needs_nothing_more(tmp_path):
    script = ("aws ecs update-service --cluster shop --service storefront --force-new-deployment\n"
              "aws ecs wait services-stable --cluster shop --services storefront\n")
    assert missing_in_script(tmp_path, SERVICE_STMTS, script) == []


def test_the_message_names_the_script(tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "deploy.sh").write_text(
        "aws ecs wait services-stable --cluster shop --services storefront\n")
    (found,) = deploy_repo(tmp_path, [], "./scripts/deploy.sh")
    assert "`aws ecs wait services-stable` (scripts/deploy.sh)" in found.message


def test_a_push_from_a_script_that_logs_in_needs_the_upload_actions(tmp_path):
    stmts = [{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": "*"},
             {"Effect": "Allow", "Action": ["ecr:BatchCheckLayerAvailability", "ecr:PutImage"],
              "Resource": "*"}]
    script = (f"REPO={REPO}\n"
              "aws ecr get-login-password | docker login --username AWS --password-stdin "
              "604918273540.dkr.ecr.eu-central-1.amazonaws.com\n"
              'docker build -t "$REPO:$1" .\n'
              'docker push "$REPO:$1"\n')
    assert missing_in_script(tmp_path, stmts, script, 'bash scripts/deploy.sh "$GITHUB_SHA"') == [
        "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart"]


@pytest.mark.parametrize("switch", [
    "eval \"$(aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name s)\"",
    "export AWS_PROFILE=prod",
    "AWS_ACCESS_KEY_ID=$OTHER_KEY",
])
def test_calls_after_a_switch_of_credentials_are_not_the_jobs_role(tmp_path, switch):
    script = ("aws ecs describe-services --cluster shop --services storefront\n"
              f"{switch}\n"
              "aws ecs update-service --cluster shop --service storefront-web\n")
    stmts = [{"Effect": "Allow", "Action": ["ecs:DescribeServices", "sts:AssumeRole"],
              "Resource": "*"}]
    assert missing_in_script(tmp_path, stmts, script) == []


def test_a_profile_option_is_another_role(tmp_path):
    script = "aws ecs update-service --cluster shop --service storefront --profile prod\n"
    assert missing_in_script(tmp_path, [], script) == []


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_line = st.sampled_from([
    "aws ecs update-service --cluster shop --service storefront", "aws ecs wait services-stable",
    "aws sts assume-role", "export AWS_PROFILE=x", "docker push $REPO:$1", "REPO=$2",
    f"docker push {REPO}:v1", "aws ecr get-login-password | docker login", "aws --profile p ecs",
    "if [ -n \"$1\" ]; then", "fi", "$(aws ecs register-task-definition --cli-input-json x)",
    "aws", "docker", "'unterminated", "eval \"$X\"", "aws ecs run-task --overrides '{\"x\":'",
])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_line, max_size=8))
def test_scripts_of_any_commands_are_read_without_crashing(tmp_path, lines):
    import shutil

    from conftest import lint_folder

    root = tmp_path / "r"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    (root / "scripts").mkdir()
    (root / "scripts" / "deploy.sh").write_text("\n".join(lines) + "\n")
    deploy_repo(root, SERVICE_STMTS, "bash scripts/deploy.sh")
    assert not [f for f in lint_folder(root) if f.rule == "internal-error"]


def test_the_switch_itself_runs_as_the_jobs_role(tmp_path):
    # assuming a role of another account needs sts:AssumeRole in the job role's policy
    script = ("aws sts assume-role --role-arn arn:aws:iam::210987654321:role/deployer "
              "--role-session-name ci > creds.json\n"
              "aws ecs update-service --cluster shop --service storefront-web\n")
    assert missing_in_script(tmp_path, [], script) == ["sts:AssumeRole"]


def test_a_push_of_an_unknown_image_beside_a_known_one(tmp_path):
    # found by the test above: the first need had no resource, the others had one
    # (`', '.join([None] + others)` failed)
    script = ("docker push $REPO:$1\n"
              f"docker push {REPO}:v1\n"
              "aws ecr get-login-password | docker login\n")
    found = missing_in_script(tmp_path, SERVICE_STMTS, script)
    assert set(found) == set(PUSH) | {"ecr:GetAuthorizationToken"}


P = "arn:aws:ssm:eu-central-1:604918273540:parameter"
S = "arn:aws:secretsmanager:eu-central-1:604918273540:secret"


@pytest.mark.parametrize("command, resource, missing", [
    # gw/06: GetParametersByPath is authorized on the path itself
    ("aws ssm get-parameters-by-path --path /app/prod", f"{P}/app/prod/*", True),
    ("aws ssm get-parameters-by-path --path /app/prod", f"{P}/app/prod*", False),
    ("aws ssm get-parameter --name /app/prod/db", f"{P}/app/prod/*", False),
    ("aws ssm get-parameter --name /app/prod/db", f"{P}/other/*", True),
    ("aws ssm get-parameters --names /app/a /app/b --with-decryption", f"{P}/app/a", True),
    ("aws ssm get-parameter --name \"$NAME\"", f"{P}/other/*", False),  # not known
    # gw/07: a secret's ARN ends in six characters AWS adds to its name
    ("aws secretsmanager get-secret-value --secret-id ci/token", f"{S}:ci/token", True),
    ("aws secretsmanager get-secret-value --secret-id ci/token", f"{S}:ci/token-??????", False),
    ("aws secretsmanager get-secret-value --secret-id ci/token", f"{S}:ci/token-AbC123", False),
    ("aws secretsmanager get-secret-value --secret-id ci/token", f"{S}:ci/*", False),
    ("aws secretsmanager get-secret-value --secret-id ci/token", f"{S}:other-*", True),
])
def test_parameters_and_secrets_are_checked_on_their_arns(tmp_path, command, resource, missing):
    action = ("ssm:" + "".join(w.capitalize() for w in command.split()[2].split("-"))) \
        if " ssm " in command else "secretsmanager:GetSecretValue"
    stmts = [{"Effect": "Allow", "Action": action, "Resource": resource}]
    found = missing_in_script(tmp_path, stmts, command + "\n")
    assert (action in found) is missing


@pytest.mark.parametrize("guardrail_exempts, denied", [
    # gw/02: CloudFront's requests go to us-east-1 whatever the credentials' region
    (["iam:*", "sts:*"], True),
    (["iam:*", "sts:*", "cloudfront:*"], False),
])
def test_a_global_services_requested_region_is_us_east_1(tmp_path, guardrail_exempts, denied):
    stmts = [{"Effect": "Allow", "Action": "cloudfront:CreateInvalidation", "Resource": "*"},
             {"Effect": "Deny", "NotAction": guardrail_exempts, "Resource": "*",
              "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-central-1"}}}]
    found = missing_in_script(
        tmp_path, stmts, "aws cloudfront create-invalidation --distribution-id E1 --paths '/*'\n")
    assert ("cloudfront:CreateInvalidation" in found) is denied
