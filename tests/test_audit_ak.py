"""Audit 'ak': four misses of xref-permission-missing that set ag found and
left tolerated (cases ag/01, ag/11, ag/13, ag/14). Each test holds a case where
ecs-lint was wrong (see the commit that added it for the evidence)."""
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import lint_folder

CASES = Path(__file__).parent / "cases"


def _copy(tmp_path, case):
    dst = tmp_path / "repo"
    shutil.copytree(CASES / case, dst)
    return dst


def _missing(findings, action):
    return [f for f in findings if f.rule == "xref-permission-missing"
            and f"not allowed {action}" in f.message]


def _edit_policy(path, sid, **changes):
    doc = json.loads(path.read_text())
    for st in doc["Statement"]:
        if st.get("Sid") == sid:
            st.update(changes)
    path.write_text(json.dumps(doc, indent=2))


# --- 1. run-task of the revision the script has just registered

AG01 = "ag/01-cli-migration-runtask-resource-without-revision"
AG01_TD = "arn:aws:ecs:eu-central-1:318604729153:task-definition/ledger-migrate"


def test_run_task_of_registered_arn_needs_the_family_revisions(tmp_path):
    # TD_ARN=$(aws ecs register-task-definition --cli-input-json file://... --query
    # taskDefinition.taskDefinitionArn): run-task runs ledger-migrate:N, which a
    # policy on task-definition/ledger-migrate (no revision) does not match
    repo = _copy(tmp_path, AG01)
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert len(found) == 1 and AG01_TD + ":*" in found[0].message
    assert found[0].file == "iam/deploy-policy.json"
    _edit_policy(repo / "iam/deploy-policy.json", "RunMigrations", Resource=AG01_TD + ":*")
    assert not _missing(lint_folder(repo), "ecs:RunTask")


def _replace(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_run_task_of_registered_arn_family_option_and_jq(tmp_path):
    repo = _copy(tmp_path, AG01)
    wf = repo / ".github/workflows/deploy.yml"
    # the family given with --family, the ARN read with jq
    _replace(wf, '''--cli-input-json "file://$TD_FILE" \\
            --query 'taskDefinition.taskDefinitionArn' --output text)''',
             '''--family ledger-migrate --container-definitions "$DEFS" \\
            | jq -r '.taskDefinition.taskDefinitionArn')''')
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert len(found) == 1 and AG01_TD + ":*" in found[0].message


def test_run_task_of_other_variable_is_not_scoped(tmp_path):
    # the variable is set again (not from the register) before run-task: unknown
    repo = _copy(tmp_path, AG01)
    wf = repo / ".github/workflows/deploy.yml"
    _replace(wf, "          TASK_ARN=$(aws ecs run-task \\",
             '          TD_ARN="$OTHER_TD"\n          TASK_ARN=$(aws ecs run-task \\')
    assert not _missing(lint_folder(repo), "ecs:RunTask")
    # the register prints its revision, not its ARN
    repo = _copy(tmp_path / "b", AG01)
    wf = repo / ".github/workflows/deploy.yml"
    _replace(wf, "'taskDefinition.taskDefinitionArn'", "'taskDefinition.revision'")
    assert not _missing(lint_folder(repo), "ecs:RunTask")


# --- 2. docker/build-push-action's cache-to pushes the cache

AG11 = "ag/11-buildx-cache-to-separate-ecr-repository"
AG11_CACHE = "arn:aws:ecr:eu-west-1:915372804618:repository/planner-buildcache"


def test_cache_to_registry_needs_the_push_actions_on_its_repository(tmp_path):
    repo = _copy(tmp_path, AG11)
    found = [f for f in lint_folder(repo) if f.rule == "xref-permission-missing"]
    assert {f.message.split(" is not allowed ")[1].split(" ")[0] for f in found} == {
        "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload", "ecr:PutImage"}
    assert all(AG11_CACHE in f.message and "cache-to" in f.message
               and f.file == "iam/planner-deploy.json" for f in found)
    _edit_policy(repo / "iam/planner-deploy.json", "PushPlanner", Resource=[
        "arn:aws:ecr:eu-west-1:915372804618:repository/planner", AG11_CACHE])
    assert not [f for f in lint_folder(repo) if f.rule == "xref-permission-missing"]


def test_cache_to_with_ignore_error_is_not_a_need(tmp_path):
    repo = _copy(tmp_path, AG11)
    _replace(repo / ".github/workflows/deploy.yml", "oci-mediatypes=true",
             "oci-mediatypes=true,ignore-error=true")
    assert not [f for f in lint_folder(repo) if f.rule == "xref-permission-missing"]


def test_cache_to_bare_ref_without_push(tmp_path):
    # an entry without `=` is a registry ref; the cache is exported even when
    # the image itself is not pushed
    repo = _copy(tmp_path, AG11)
    wf = repo / ".github/workflows/deploy.yml"
    _replace(wf, "cache-to: type=registry,ref=${{ env.ECR }}/planner-buildcache:main,mode=max,"
             "image-manifest=true,oci-mediatypes=true",
             "cache-to: |\n            type=gha,mode=max\n"
             "            ${{ env.ECR }}/planner-buildcache:main")
    _replace(wf, "push: true", "push: false")
    found = _missing(lint_folder(repo), "ecr:PutImage")
    assert len(found) == 1 and AG11_CACHE in found[0].message


def test_cache_to_refs():
    from ecs_lint.xref import actions as A
    assert A.cache_to_refs("type=registry,ref=r/c:1,mode=max\ntype=gha\n"
                           "type=registry,ref=r/d,ignore-error=true\nr/e:2\n"
                           "type=local,dest=/tmp/x\ntype=inline") == ["r/c:1", "r/e:2"]
    assert A.cache_to_refs(None) == []


# --- 3. the deploy action's CodeDeploy calls, on their resources

AG13 = "ag/13-codedeploy-custom-names-policy-on-default-names"
AG13_CD = "arn:aws:codedeploy:us-east-1:574920316845:"


def _codedeploy(findings):
    return {f.message.split(" is not allowed ")[1].split(",")[0] for f in findings
            if f.rule == "xref-permission-missing" and "codedeploy:" in f.message}


def test_codedeploy_calls_on_the_deployment_group_of_the_inputs(tmp_path):
    repo = _copy(tmp_path, AG13)
    group = AG13_CD + "deploymentgroup:ledger-gateway/ledger-gateway-prod"
    assert _codedeploy(lint_folder(repo)) == {
        f"codedeploy:GetDeploymentGroup on {group}", f"codedeploy:CreateDeployment on {group}",
        f"codedeploy:GetDeployment on {group}",
        f"codedeploy:RegisterApplicationRevision on {AG13_CD}application:ledger-gateway"}
    _edit_policy(repo / "iam/deploy-policy.json", "CodeDeployBlueGreen", Resource=[
        AG13_CD + "application:ledger-gateway", group, AG13_CD + "deploymentconfig:*"])
    assert not _codedeploy(lint_folder(repo))


def test_codedeploy_default_names_and_config(tmp_path):
    # without codedeploy-application / -deployment-group the action uses
    # AppECS-CLUSTER-SERVICE and DgpECS-CLUSTER-SERVICE: what the policy names
    repo = _copy(tmp_path, AG13)
    wf = repo / ".github/workflows/deploy.yml"
    _replace(wf, "          codedeploy-application: ledger-gateway\n"
             "          codedeploy-deployment-group: ledger-gateway-prod\n", "")
    assert not _codedeploy(lint_folder(repo))
    # GetDeploymentConfig on the config the input names
    _edit_policy(repo / "iam/deploy-policy.json", "CodeDeployBlueGreen", Resource=[
        AG13_CD + "application:AppECS-gateway-prod-ledger-gateway",
        AG13_CD + "deploymentgroup:AppECS-gateway-prod-ledger-gateway/"
        "DgpECS-gateway-prod-ledger-gateway",
        AG13_CD + "deploymentconfig:CodeDeployDefault.ECSAllAtOnce"])
    assert _codedeploy(lint_folder(repo)) == {
        "codedeploy:GetDeploymentConfig on " + AG13_CD
        + "deploymentconfig:CodeDeployDefault.ECSLinear10PercentEvery1Minutes"}


# --- 4. run-task --overrides that pass a role

AG14 = "ag/14-run-task-overrides-task-role-not-passable"
AG14_ROLE = "arn:aws:iam::663018247195:role/"


def test_run_task_override_task_role_needs_passrole(tmp_path):
    repo = _copy(tmp_path, AG14)
    found = _missing(lint_folder(repo), "iam:PassRole")
    assert len(found) == 1 and f"on {AG14_ROLE}yield-backfill-writer" in found[0].message
    assert "ecs-tasks.amazonaws.com" in found[0].message
    assert found[0].file == "iam/yield-model-gha.json"
    _edit_policy(repo / "iam/yield-model-gha.json", "PassModelRoles", Resource=[
        AG14_ROLE + "yield-model-execution", AG14_ROLE + "yield-model-task",
        AG14_ROLE + "yield-backfill-writer"])
    assert not _missing(lint_folder(repo), "iam:PassRole")


def test_run_task_override_shorthand_execution_role(tmp_path):
    repo = _copy(tmp_path, AG14)
    _replace(repo / ".github/workflows/release.yml",
             """--overrides '{"taskRoleArn": "arn:aws:iam::663018247195:role/yield-backfill-writer", """
             """"containerOverrides": [{"name": "model", "command": ["python", "-m", """
             """"yield_model.backfill"]}]}'""",
             "--overrides 'executionRoleArn=yield-backfill-exec,containerOverrides=[{name=model}]'")
    found = _missing(lint_folder(repo), "iam:PassRole")
    assert len(found) == 1 and f"on {AG14_ROLE}yield-backfill-exec" in found[0].message


def test_run_task_override_of_the_definitions_role_is_told_once(tmp_path):
    # the override names the registered definition's own task role, which the
    # policy does not cover: xref-passrole-not-covered reports it, not both rules
    repo = _copy(tmp_path, AG14)
    _replace(repo / ".github/workflows/release.yml", "role/yield-backfill-writer",
             "role/yield-model-task")
    _edit_policy(repo / "iam/yield-model-gha.json", "PassModelRoles",
                 Resource=[AG14_ROLE + "yield-model-execution"])
    findings = lint_folder(repo)
    assert not _missing(findings, "iam:PassRole")
    assert [f for f in findings if f.rule == "xref-passrole-not-covered"
            and "role/yield-model-task" in f.message]


# --- 5. start-task, create-service and create-deployment (stop 21)

RUN_TASK = 'task=$(aws ecs run-task --cluster "$CLUSTER" --task-definition "$TASK_DEF" --launch-type FARGATE'
START_TASK = ('task=$(aws ecs start-task --cluster "$CLUSTER" --task-definition yield-model:7 '
              '--container-instances 0a1b2c3d4e5f')


def test_start_task_is_scoped_as_run_task_and_its_overrides_need_passrole(tmp_path):
    repo = _copy(tmp_path, AG14)
    _replace(repo / ".github/workflows/release.yml", RUN_TASK, START_TASK)
    _edit_policy(repo / "iam/yield-model-gha.json", "RegisterAndRun",
                 Action=["ecs:RegisterTaskDefinition", "ecs:StartTask"],
                 Resource="*", Condition={"ArnEquals": {
                     "ecs:cluster": "arn:aws:ecs:eu-west-3:663018247195:cluster/other"}})
    findings = lint_folder(repo)
    start = _missing(findings, "ecs:StartTask")
    # the cluster key in the request is the step's cluster, which the condition refuses
    assert len(start) == 1 and "task-definition/yield-model:7" in start[0].message
    passrole = _missing(findings, "iam:PassRole")
    assert len(passrole) == 1 and f"on {AG14_ROLE}yield-backfill-writer" in passrole[0].message
    _edit_policy(repo / "iam/yield-model-gha.json", "RegisterAndRun", Condition={"ArnEquals": {
        "ecs:cluster": "arn:aws:ecs:eu-west-3:663018247195:cluster/yield"}})
    assert not _missing(lint_folder(repo), "ecs:StartTask")


def test_create_service_with_tags_needs_tag_resource_on_create(tmp_path):
    repo = _copy(tmp_path, AG14)
    _replace(repo / ".github/workflows/release.yml", "          aws ecs wait tasks-stopped",
             "          aws ecs create-service --cluster yield --service-name yield-api "
             "--task-definition yield-model --desired-count 1 --tags key=team,value=ml\n"
             "          aws ecs wait tasks-stopped")
    _edit_policy(repo / "iam/yield-model-gha.json", "RegisterAndRun",
                 Action=["ecs:RegisterTaskDefinition", "ecs:RunTask", "ecs:CreateService"])
    found = _missing(lint_folder(repo), "ecs:TagResource")
    assert len(found) == 1 and "create-service" in found[0].message
    _edit_policy(repo / "iam/yield-model-gha.json", "RegisterAndRun",
                 Action=["ecs:RegisterTaskDefinition", "ecs:RunTask", "ecs:CreateService",
                         "ecs:TagResource"])
    assert not _missing(lint_folder(repo), "ecs:TagResource")


def test_create_deployment_is_scoped_to_its_deployment_group(tmp_path):
    repo = _copy(tmp_path, AG14)
    _replace(repo / ".github/workflows/release.yml", "          aws ecs wait tasks-stopped",
             "          aws deploy create-deployment --application-name yield "
             "--deployment-group-name {group} --revision file://appspec.json\n"
             "          aws ecs wait tasks-stopped")
    group = "arn:aws:codedeploy:eu-west-3:663018247195:deploymentgroup:yield/"
    policy = repo / "iam/yield-model-gha.json"
    doc = json.loads(policy.read_text())
    doc["Statement"].append({"Sid": "Deploy", "Effect": "Allow", "Action": "codedeploy:CreateDeployment",
                             "Resource": group + "yield-blue-green"})
    policy.write_text(json.dumps(doc))
    wf = repo / ".github/workflows/release.yml"
    text = wf.read_text()
    wf.write_text(text.replace("{group}", "yield-canary"))
    found = _missing(lint_folder(repo), "codedeploy:CreateDeployment")
    assert len(found) == 1 and group + "yield-canary" in found[0].message
    wf.write_text(text.replace("{group}", "yield-blue-green"))
    assert not _missing(lint_folder(repo), "codedeploy:CreateDeployment")
    wf.write_text(text.replace("{group}", '"$GROUP"'))  # unknown: any group, and the policy names one
    assert not _missing(lint_folder(repo), "codedeploy:CreateDeployment")


# --- 6. the region a request goes to (stop 21)

def test_a_command_region_is_the_requested_region_a_guardrail_sees(tmp_path):
    repo = _copy(tmp_path, AG14)
    policy = repo / "iam/yield-model-gha.json"
    doc = json.loads(policy.read_text())
    doc["Statement"].append({"Sid": "OnlyParis", "Effect": "Deny", "Action": "*", "Resource": "*",
                             "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-3"}}})
    policy.write_text(json.dumps(doc))
    assert not _missing(lint_folder(repo), "ecs:RunTask")
    wf = repo / ".github/workflows/release.yml"
    wf.write_text(wf.read_text().replace("task=$(aws ecs run-task --cluster",
                                         "task=$(aws ecs run-task --region eu-west-1 --cluster"))
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert len(found) == 1 and "aws:RequestedRegion = eu-west-1" in found[0].message


# --- 7. MFA guardrails (stop 22)

@pytest.mark.parametrize("op, value, denied", [
    ("BoolIfExists", "false", True),  # absent or false: the usual guardrail denies the deploy
    ("Bool", "false", True),  # a workflow's role session never used MFA
    ("Bool", "true", False),  # denies only sessions with MFA
])
def test_a_workflow_session_is_a_session_without_mfa(tmp_path, op, value, denied):
    repo = _copy(tmp_path, AG14)
    policy = repo / "iam/yield-model-gha.json"
    doc = json.loads(policy.read_text())
    doc["Statement"].append({"Sid": "NoMfaNoAccess", "Effect": "Deny",
                             "NotAction": ["iam:ListMFADevices", "sts:GetSessionToken"],
                             "Resource": "*",
                             "Condition": {op: {"aws:MultiFactorAuthPresent": value}}})
    policy.write_text(json.dumps(doc))
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert bool(found) == denied
    if denied:
        assert "NoMfaNoAccess" in found[0].message


@pytest.mark.parametrize("condition, runner, denied", [
    # a workflow's own calls: no aws:CalledVia, and aws:ViaAWSService is false
    ({"Null": {"aws:CalledVia": "true"}}, "ubuntu-latest", True),
    ({"Bool": {"aws:ViaAWSService": "true"}}, "ubuntu-latest", False),
    # a GitHub-hosted runner calls from outside any VPC; a self-hosted one may not
    ({"StringNotEqualsIfExists": {"aws:SourceVpc": "vpc-0abc"}}, "ubuntu-latest", True),
    ({"StringNotEqualsIfExists": {"aws:SourceVpc": "vpc-0abc"}}, "[self-hosted, linux]", False),
    ({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, "ubuntu-latest", False),  # unknown
])
def test_what_a_workflows_requests_carry(tmp_path, condition, runner, denied):
    repo = _copy(tmp_path, AG14)
    policy = repo / "iam/yield-model-gha.json"
    doc = json.loads(policy.read_text())
    doc["Statement"].append({"Sid": "Guard", "Effect": "Deny", "Action": "ecs:*",
                             "Resource": "*", "Condition": condition})
    policy.write_text(json.dumps(doc))
    wf = repo / ".github/workflows/release.yml"
    wf.write_text(re.sub(r"runs-on: .*", f"runs-on: {runner}", wf.read_text()))
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert bool(found) == denied


@pytest.mark.parametrize("condition, denied", [
    # an untagged task definition's register request carries no tags
    ({"StringEquals": {"aws:RequestTag/team": "payments"}}, True),
    ({"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}, True),
    ({"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}, False),  # none: all match
])
def test_an_untagged_register_request_has_no_tags(tmp_path, condition, denied):
    repo = _copy(tmp_path, AG14)
    policy = repo / "iam/yield-model-gha.json"
    doc = json.loads(policy.read_text())
    for st in doc["Statement"]:
        actions = st.get("Action")
        actions = [actions] if isinstance(actions, str) else actions or []
        if "ecs:RegisterTaskDefinition" in actions:
            st["Condition"] = condition
    policy.write_text(json.dumps(doc))
    found = _missing(lint_folder(repo), "ecs:RegisterTaskDefinition")
    assert bool(found) == denied
