"""Test gates and migrations: `contains(needs.*.result, 'success')`, a test
status only printed, log printing after a failing test, a deploy-action
migration that continues on error."""
import pytest

from conftest import workflow_findings
from ecs_lint import shell

GATED = """\
on: {push: {branches: [main]}}
jobs:
  lint:
    runs-on: ubuntu-latest
    steps: [{run: npm run lint}]
  test:
    runs-on: ubuntu-latest
    steps: [{run: npm test}]
  deploy:
    needs: [lint, test]
    if: ${{ %s }}
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("cond, gated", [
    ("always() && contains(needs.*.result, 'success')", False),  # lint alone passes it
    ("always() && !contains(needs.*.result, 'failure')", True),
    ("always() && ! contains(needs.*.result, 'success')", True),  # (negated: not this form)
    ("always() && contains(needs.*.result, 'success') && needs.test.result == 'success'", True),
])
def test_contains_success_is_no_gate(cond, gated):
    found = [r for r, _ in workflow_findings(GATED % cond) if r == "workflow-deploy-no-test-gate"]
    assert bool(found) != gated


SCRIPT = """\
on: {push: {branches: [main]}}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
%s
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("script, gated", [
    ("          set +e\n          go test ./...\n          status=$?\n"
     "          echo \"status: $status\" >> \"$GITHUB_STEP_SUMMARY\"", False),
    ("          set +e\n          go test ./...\n          status=$?\n"
     "          echo \"status: $status\"\n          exit \"$status\"", True),
    ("          set +e\n          go test ./...\n          status=$?\n"
     "          if [ \"$status\" -ne 0 ]; then echo failed; exit 1; fi\n          echo done", True),
    ("          set +e\n          go test ./...\n          [ $? -eq 0 ] || exit 1\n"
     "          echo done", True),
    ("          pytest || docker compose -f ci.yml logs --tail 200 db", False),
    ("          pytest || cat pytest.log", False),
    ("          pytest || pytest --last-failed", True),  # a rerun can fail
    ("          pytest || (docker compose logs db; exit 1)", True),
])
def test_a_test_failure_the_script_only_reports(script, gated):
    found = [r for r, _ in workflow_findings(SCRIPT % script)
             if r == "workflow-deploy-no-test-gate"]
    assert bool(found) != gated


MIGRATE = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: migrate
        continue-on-error: %s
        uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: m.json, cluster: c, run-task: true, wait-for-task-stopped: true}
      - %s
        uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: w.json, cluster: c, service: web}
"""


@pytest.mark.parametrize("continues, guard, reported", [
    ("true", "name: web", True),
    ("false", "name: web", False),
    ("true", "if: steps.migrate.outcome == 'success'", False),
])
def test_a_migration_the_job_continues_past(continues, guard, reported):
    found = [r for r, _ in workflow_findings(MIGRATE % (continues, guard))
             if r == "workflow-migration-unchecked"]
    assert bool(found) == reported


def test_status_checked_after_reads_the_variable_it_is_kept_in():
    cmds = shell.parse("set +e\nmake test\nrc=$?\necho $rc\nexit $rc\n")
    test = next(c for c in cmds if c.argv[:2] == ["make", "test"])
    assert shell.status_checked_after(test, cmds)
    cmds = shell.parse("set +e\nmake test\nrc=$?\necho $rc\n")
    assert not shell.status_checked_after(next(c for c in cmds if c.name == "make"), cmds)


AFTER = """\
on:
  workflow_run:
    workflows: [%s]
    types: [completed]
jobs:
  deploy:
    if: github.event.workflow_run.conclusion == 'success'
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""
LINT = "name: Lint\non: push\njobs:\n  lint:\n    runs-on: x\n    steps: [{run: npx eslint .}]\n"
TEST = "name: Test\non: push\njobs:\n  test:\n    runs-on: x\n    steps: [{run: npx jest}]\n"


@pytest.mark.parametrize("names, reported", [
    ("Lint", True),        # the repository's Lint workflow runs no tests
    ("Test", False),
    ("Lint, Test", False),
    ("Elsewhere", False),  # not in the repository: its tests may run
])
def test_a_workflow_run_after_workflows_that_run_no_tests(tmp_path, names, reported):
    from conftest import lint_folder
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "lint.yml").write_text(LINT)
    (folder / "test.yml").write_text(TEST)
    (folder / "deploy.yml").write_text(AFTER % names)
    found = [f for f in lint_folder(tmp_path) if f.rule == "workflow-deploy-no-test-gate"]
    assert bool(found) == reported


MAKE_JOB = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: make %s CLUSTER=prod
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: td.json, cluster: prod, service: web}
"""
MAKEFILE = """\
CLUSTER ?= dev
.PHONY: migrate checked
migrate:
\taws ecs run-task --cluster $(CLUSTER) --task-definition migrate \\
\t  --query 'tasks[0].taskArn' --output text
checked:
\t@ARN=$$(aws ecs run-task --cluster $(CLUSTER) --task-definition migrate --query 'tasks[0].taskArn' --output text); \\
\taws ecs wait tasks-stopped --cluster $(CLUSTER) --tasks "$$ARN"; \\
\tCODE=$$(aws ecs describe-tasks --cluster $(CLUSTER) --tasks "$$ARN" --query 'tasks[0].containers[0].exitCode' --output text); \\
\t[ "$$CODE" = "0" ]
"""


@pytest.mark.parametrize("target, reported", [("migrate", True), ("checked", False)])
def test_a_makefile_targets_run_task(tmp_path, target, reported):
    from conftest import lint_folder
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(MAKE_JOB % target)
    (tmp_path / "Makefile").write_text(MAKEFILE)
    found = [f for f in lint_folder(tmp_path) if f.rule == "workflow-migration-unchecked"]
    assert bool(found) == reported
    if reported:
        assert found[0].span.line == 6 and "in Makefile" in found[0].message


def test_makefile_recipes_are_read_as_make_reads_them():
    from ecs_lint import workflow_model as wm
    text = "all: build\n\t@echo $$HOME $(X) ${Y}\nbuild:\n\t-go build\n.PHONY: all\n"
    assert wm._recipes(text, []) == "echo $HOME ${X} ${Y}"
    assert wm._recipes(text, ["build"]) == "go build"
    assert wm._recipes(text, ["nothing"]) == ""
    assert wm._recipes("\t\t\n::\n" * 1000, ["x"]) == ""  # odd input, no error
