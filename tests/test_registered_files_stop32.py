"""The task definition file a command registers (`--cli-input-json
file://PATH`) is read where the command runs, and one reader (`L.copied_from`)
says what a generated file was copied from, for its roles and its containers."""
import json
import textwrap

import pytest

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow

TASK_ROLE = "arn:aws:iam::111122223333:role/app-task"


def _passrole_findings(tmp_path, steps: str, td_at: str = "ecs/td.json"):
    """xref-passrole-not-covered findings of a repository whose deploy job runs
    `steps`, the role allowed every ECS action but no iam:PassRole, with the
    task definition (family app, task role app-task) at `td_at`."""
    files = {
        ".github/workflows/deploy.yml": textwrap.dedent(oidc_workflow(ROLE, steps=steps)),
        "iam/trust.json": json.dumps(oidc_trust("repo:myorg/app:ref:refs/heads/main")),
        "iam/policy.json": json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}),
        td_at: json.dumps({"family": "app", "taskRoleArn": TASK_ROLE,
                           "containerDefinitions": [{"name": "web", "image": "app:1"}]}),
        ".ecs-lint.yaml": "github:\n  repository: myorg/app\n"
                          f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n'
                          "    permissions: [iam/policy.json]\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]


@pytest.mark.parametrize("step, reported", [
    # the file is read in the step's working directory
    ("- working-directory: ecs\n  run: aws ecs register-task-definition"
     " --cli-input-json file://td.json", True),
    # ... and in the folder the script moved to
    ("- run: |\n    cd ecs\n    aws ecs register-task-definition --cli-input-json file://td.json",
     True),
    ("- run: aws ecs register-task-definition --cli-input-json file://ecs/td.json", True),
    # near misses: no such file where the command runs
    ("- run: aws ecs register-task-definition --cli-input-json file://td.json", False),
    ("- working-directory: infra\n  run: aws ecs register-task-definition"
     " --cli-input-json file://td.json", False),
    # a move not followed (to a variable): the file is not known
    ("- run: |\n    cd \"$DIR\"\n    aws ecs register-task-definition"
     " --cli-input-json file://td.json", False),
])
def test_a_registered_file_is_read_where_the_command_runs(tmp_path, step, reported):
    steps = textwrap.indent(step, " " * 10) + "\n"
    hits = _passrole_findings(tmp_path, steps)
    assert bool(hits) is reported, [f.message for f in hits]
    if reported:
        assert "app-task" in hits[0].message


@pytest.mark.parametrize("make, reported", [
    # the registered revision, cut down by a jq filter that keeps family and roles
    ("aws ecs describe-task-definition --task-definition app | jq '.taskDefinition |"
     " del(.revision, .status)' > out.json", True),
    # the filter writes the roles: not the file's roles any more
    ("jq '.taskDefinition | .taskRoleArn = env.ROLE' ecs/td.json > out.json", False),
    # written in another folder than the one it is registered from
    ("mkdir -p build\n              cp ecs/td.json build/out.json", False),
    # written in a folder, registered from the same folder: one workspace file
    ("mkdir -p build\n              cp ecs/td.json build/out.json\n              cd build", True),
])
def test_a_generated_file_carries_the_roles_of_what_it_was_copied_from(tmp_path, make,
                                                                       reported):
    steps = (f"          - run: |\n              {make}\n"
             "              aws ecs register-task-definition --cli-input-json file://out.json\n")
    hits = _passrole_findings(tmp_path, steps)
    assert bool(hits) is reported, [f.message for f in hits]
