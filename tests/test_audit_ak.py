"""Audit 'ak': four misses of xref-permission-missing that set ag found and
left tolerated (cases ag/01, ag/11, ag/13, ag/14). Each test holds a case where
ecs-lint was wrong (see the commit that added it for the evidence)."""
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
