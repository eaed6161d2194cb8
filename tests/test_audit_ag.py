"""Audit 'ag': what each deploy step needs from IAM (run-task, tag on create,
the task waiter and describe-tasks). Each test holds a case where ecs-lint was
wrong (see the commit that added it for the evidence)."""
import json
import shutil
from pathlib import Path

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


def test_tag_on_create_needs_createaction_of_register(tmp_path):
    # tags on RegisterTaskDefinition: ECS authorizes ecs:TagResource with
    # ecs:CreateAction = RegisterTaskDefinition; a statement for CreateService
    # and RunTask only does not allow it
    repo = _copy(tmp_path, "ag/04-cli-register-tagged-taskdef-createaction-lacks-register")
    found = _missing(lint_folder(repo), "ecs:TagResource")
    assert len(found) == 1
    assert "ecs:CreateAction = RegisterTaskDefinition" in found[0].message
    _edit_policy(repo / "iam/permits-deployer.json", "TagOnCreate", Condition={
        "StringEquals": {"ecs:CreateAction": ["CreateService", "RegisterTaskDefinition"]}})
    assert not _missing(lint_folder(repo), "ecs:TagResource")


def test_run_task_tags_need_createaction_run_task(tmp_path):
    # the deploy action registers a tagged definition and runs it with
    # run-task-tags: two tag-on-create requests, the RunTask one is refused
    repo = _copy(tmp_path, "ac/08-run-task-tags-createaction-register-only")
    found = _missing(lint_folder(repo), "ecs:TagResource")
    assert len(found) == 1 and "ecs:CreateAction = RunTask" in found[0].message


def test_describe_tasks_on_the_cluster_arn_is_not_enough(tmp_path):
    # DescribeTasks is authorized on task ARNs (task/CLUSTER/ID); the cluster
    # ARN is only its ecs:cluster condition key
    repo = _copy(tmp_path, "ag/06-describe-tasks-granted-on-cluster-arn")
    found = _missing(lint_folder(repo), "ecs:DescribeTasks")
    assert len(found) == 1 and "task/mm-prod/*" in found[0].message
    _edit_policy(repo / "infra/iam/matchmaker-ci.json", "TasksInProdCluster",
                 Resource="arn:aws:ecs:ap-northeast-1:781530264918:task/mm-prod/*")
    assert not _missing(lint_folder(repo), "ecs:DescribeTasks")


def test_run_task_without_cluster_input_runs_in_default(tmp_path):
    # amazon-ecs-deploy-task-definition runs the task in cluster "default" when
    # `cluster` is not set; RunTask carries ecs:cluster
    repo = _copy(tmp_path, "ag/03-deploy-action-run-task-without-cluster-input")
    found = _missing(lint_folder(repo), "ecs:RunTask")
    assert len(found) == 1
    assert "task-definition/claims-api-migrate:*" in found[0].message
    wf = repo / ".github/workflows/deploy.yml"
    wf.write_text(wf.read_text().replace(
        "          run-task: true\n", "          cluster: claims-prod\n          run-task: true\n"))
    found = lint_folder(repo)
    assert not _missing(found, "ecs:RunTask") and not _missing(found, "ecs:DescribeTasks")


def test_run_task_resource_and_cluster_condition_allowed(tmp_path):
    # near miss: RunTask on FAMILY:* under ArnEquals ecs:cluster, DescribeTasks
    # on task/CLUSTER/*, TagResource for both create actions
    for case in ("ag/02-clean-deploy-action-migrate-and-update-one-step",
                 "ag/05-clean-tags-createaction-register-and-runtask"):
        repo = _copy(tmp_path / case.replace("/", "_"), case)
        assert not [f for f in lint_folder(repo) if f.rule.startswith("xref-")]
