"""A job that assumes its role by hand (curl GitHub's OIDC token, `aws sts
assume-role-with-web-identity`, the keys put in `$GITHUB_ENV` or in the
script's environment), the ko cases: the assume call needs no permission (STS
takes it unsigned: the trust policy alone decides), the later steps and the
later commands of the script run as the assumed role, and a `--role-arn
"$ROLE_ARN"` reads the env."""
import json

import pytest

from conftest import lint_folder, oidc_trust
from ecs_lint import shell
from ecs_lint.xref import needs as N

ROLE = "arn:aws:iam::123456789012:role/deploy"
SERVICE = "arn:aws:ecs:eu-west-1:123456789012:service/prod/web"
TOKEN = ('TOKEN=$(curl -sSf -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" '
         '"$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com" | jq -r .value)')
ASSUME = ("CREDS=$(aws sts assume-role-with-web-identity --role-arn {role} "
          '--role-session-name gha --web-identity-token "$TOKEN" --query Credentials --output json)')
TO_GITHUB_ENV = [f'echo "{k}=$(jq -r .{v} <<<"$CREDS")" >> "$GITHUB_ENV"'
                 for k, v in (("AWS_ACCESS_KEY_ID", "AccessKeyId"),
                              ("AWS_SECRET_ACCESS_KEY", "SecretAccessKey"),
                              ("AWS_SESSION_TOKEN", "SessionToken"))]
EXPORTED = [f'export {k}=$(jq -r .{v} <<<"$CREDS")'
            for k, v in (("AWS_ACCESS_KEY_ID", "AccessKeyId"),
                         ("AWS_SECRET_ACCESS_KEY", "SecretAccessKey"),
                         ("AWS_SESSION_TOKEN", "SessionToken"))]
UPDATE = "aws ecs update-service --cluster prod --service web --force-new-deployment"


def _block(lines, indent=10):
    return "".join(" " * indent + line + "\n" for line in lines)


def handrolled(tmp_path, script, later="", statements=(), job_env="", region="eu-west-1",
               id_token=True):
    """The findings of a repository whose deploy job runs `script` (lines) as
    its first step, then `later` (steps), and whose role ROLE's policy has
    `statements`."""
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    permissions = "\n      id-token: write" if id_token else ""
    (wf / "deploy.yml").write_text(
        "on:\n  push:\n    branches: [main]\n"
        f"permissions:\n  contents: read\nenv:\n  AWS_REGION: {region}\n"
        "jobs:\n"
        "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"
        "  deploy:\n    needs: test\n    runs-on: ubuntu-latest\n    environment: production\n"
        f"    permissions:\n      contents: read{permissions}\n"
        + (f"    env:\n{job_env}" if job_env else "")
        + "    steps:\n      - name: assume\n        run: |\n" + _block(script) + later)
    (tmp_path / "trust.json").write_text(json.dumps(oidc_trust("repo:o/r:environment:production")))
    (tmp_path / "policy.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": list(statements)}, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: o/r\nroles:\n  "{ROLE}":\n'
        "    trust: trust.json\n    permissions: [policy.json]\n")
    return lint_folder(tmp_path)


def missing(findings):
    return sorted(f.message.split(" is not allowed ")[1].split()[0].rstrip(",")
                  for f in findings if f.rule == "xref-permission-missing")


LATER_UPDATE = f"      - run: {UPDATE}\n"
ALLOW_DESCRIBE = {"Effect": "Allow", "Action": "ecs:DescribeServices", "Resource": "*"}


# 1. the assume call itself needs nothing (ko/02, 03, 08)

@pytest.mark.parametrize("call, needed", [
    (ASSUME.format(role=ROLE), []),  # unsigned: the trust policy alone decides
    ("aws sts get-caller-identity", []),
    # near miss: a signed STS call of the same role needs its action
    ("aws sts get-session-token", ["sts:GetSessionToken"]),
])
def test_the_assume_call_needs_no_permission(tmp_path, call, needed):
    script = [TOKEN, ASSUME.format(role=ROLE), *EXPORTED, call]
    assert missing(handrolled(tmp_path, script, statements=[ALLOW_DESCRIBE])) == needed


def test_the_assume_call_is_not_charged_to_the_policy_without_any_later_call(tmp_path):
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *TO_GITHUB_ENV],
                       statements=[ALLOW_DESCRIBE])
    assert missing(found) == []


# 2. the keys handed on: the later steps run as the assumed role (ko/08, ko/09 by hand)

@pytest.mark.parametrize("between, needed", [
    ("", ["ecs:UpdateService"]),
    # near miss: a step between puts other keys there: a role not known
    ('      - run: echo "AWS_ACCESS_KEY_ID=${{ secrets.KEY }}" >> "$GITHUB_ENV"\n', []),
])
def test_later_steps_run_as_the_role_whose_keys_went_to_github_env(tmp_path, between, needed):
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *TO_GITHUB_ENV],
                       between + LATER_UPDATE, statements=[ALLOW_DESCRIBE])
    assert missing(found) == needed


@pytest.mark.parametrize("region, needed", [
    ("eu-west-1", []),
    ("us-east-1", ["ecs:UpdateService"]),  # the service ARN is in the env's region
])
def test_the_later_calls_go_to_the_region_of_the_env(tmp_path, region, needed):
    allow = {"Effect": "Allow", "Action": ["ecs:UpdateService"], "Resource": SERVICE}
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *TO_GITHUB_ENV],
                       LATER_UPDATE, statements=[allow], region=region)
    assert missing(found) == needed


@pytest.mark.parametrize("passable, reported", [
    ("arn:aws:iam::123456789012:role/app-task", False),
    ("arn:aws:iam::123456789012:role/other-task", True),  # ko/08: not the task role
])
def test_passrole_of_a_later_register_is_checked_against_the_assumed_role(tmp_path, passable,
                                                                         reported):
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "td.json").write_text(json.dumps({
        "family": "app", "taskRoleArn": "arn:aws:iam::123456789012:role/app-task",
        "containerDefinitions": [{"name": "app", "image": "x.dkr.ecr.eu-west-1.amazonaws.com/a:1"}]}))
    statements = [{"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": passable}]
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *TO_GITHUB_ENV],
                       "      - run: aws ecs register-task-definition "
                       "--cli-input-json file://ecs/td.json\n", statements=statements)
    assert any(f.rule == "xref-passrole-not-covered" for f in found) is reported


# 3. within the script: the commands after the keys are set in its environment

@pytest.mark.parametrize("hand_on, needed", [
    (EXPORTED, ["ecs:UpdateService"]),
    (['read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN < <(jq -r '
      '".AccessKeyId, .SecretAccessKey, .SessionToken" <<<"$CREDS" | xargs)'],
     ["ecs:UpdateService"]),
    (TO_GITHUB_ENV, []),  # near miss: the script's own environment has no keys yet
])
def test_later_commands_of_the_script_run_as_the_role_once_it_sets_the_keys(tmp_path, hand_on,
                                                                              needed):
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *hand_on, UPDATE],
                       statements=[ALLOW_DESCRIBE])
    assert missing(found) == needed


def test_commands_of_the_script(tmp_path):
    script = "\n".join([TOKEN, "aws ecs list-clusters", ASSUME.format(role=ROLE), *EXPORTED,
                        UPDATE, "export AWS_PROFILE=other", "aws ecs list-services"])
    cmds = shell.parse(script)
    assume = next(c for c in cmds if shell.aws_operation(c)[1] == "assume-role-with-web-identity")
    own = [shell.aws_operation(c)[:2] for c in N._with_own_credentials(cmds, assume.line)
           if shell.aws_operation(c)[0]]
    assert own == [("ecs", "update-service")]  # not before the keys, not after the profile
    # a script that is not the step's own assume: up to the assume, which is not charged
    assert [shell.aws_operation(c)[:2] for c in N._with_own_credentials(cmds)
            if shell.aws_operation(c)[0]] == [("ecs", "list-clusters")]


# 4. `--role-arn "$ROLE_ARN"` from the job's env (ko/01)

@pytest.mark.parametrize("job_env, linked", [
    (f"      ROLE_ARN: {ROLE}\n", True),
    ("      OTHER: x\n", False),  # near miss: ROLE_ARN not set: the role is not known
])
def test_a_role_arn_variable_reads_the_env(tmp_path, job_env, linked):
    script = [TOKEN, ASSUME.format(role='"$ROLE_ARN"'), *TO_GITHUB_ENV]
    found = handrolled(tmp_path, script, LATER_UPDATE, statements=[ALLOW_DESCRIBE],
                       job_env=job_env)
    assert missing(found) == (["ecs:UpdateService"] if linked else [])
    assert any(f.rule == "workflow-account-id-hardcoded" for f in found) is linked


def test_the_id_token_rule_still_reads_the_handrolled_assume(tmp_path):
    found = handrolled(tmp_path, [TOKEN, ASSUME.format(role=ROLE), *TO_GITHUB_ENV],
                       statements=[ALLOW_DESCRIBE], id_token=False)
    assert any(f.rule == "workflow-id-token-missing" for f in found)
