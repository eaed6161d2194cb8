"""Test gates and migrations (set kg): a matrix row that runs the tests, a
deploy under `!failure() && !cancelled()` after a test job that cannot be
skipped, a migration step that continues on error before a step failing the
job on its outcome, an exit-code test that lets some codes through, and exit
codes read by `read` from a here-string."""
import textwrap

import pytest

from conftest import lint_files, workflow_findings
from ecs_lint import shell
from ecs_lint import workflow_model as wm
from ecs_lint.rules import workflow as W

GATE = "workflow-deploy-no-test-gate"
MIGRATION = "workflow-migration-unchecked"


def _rules(text, rule):
    return [line for r, line in workflow_findings(text) if r == rule]


# --- a matrix row that runs the tests ---------------------------------------------

MATRIX = """\
on: {push: {branches: [main]}}
jobs:
  checks:
    name: pnpm run ${{ matrix.script }}
    runs-on: ubuntu-latest
    strategy:
      matrix:
        script: [%s]
    steps:
      - run: pnpm run ${{ matrix.script }}
  release:
    needs: checks
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("scripts, gated", [
    ("lint, typecheck, test", True),   # the `test` row runs `pnpm run test`
    ("lint, typecheck", False),        # no row runs tests
])
def test_a_matrix_row_that_runs_the_tests_gates(scripts, gated):
    assert bool(_rules(MATRIX % scripts, GATE)) != gated


def test_row_steps_fill_the_matrix_into_run():
    wf = wm.read_workflow(__import__("yaml").safe_load(MATRIX % "lint, test"))
    runs = [[st.run for st in steps] for steps in wm.row_steps(wf.jobs["checks"])]
    assert runs == [["pnpm run lint"], ["pnpm run test"]]
    assert wm.row_steps(wf.jobs["release"]) == [wf.jobs["release"].steps]


# --- `!failure() && !cancelled()` ----------------------------------------------------

NO_FAILURE = """\
on: {push: {branches: [main]}, workflow_dispatch: {}}
jobs:
  test:
    %s
    runs-on: ubuntu-latest
    steps: [{run: go test ./...}]
  deploy:
    needs: test
    if: ${{ %s }}
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("test_if, cond, gated", [
    ("", "!failure() && !cancelled()", True),       # a failed test job makes failure() true
    ("if: github.event_name == 'push'", "!failure() && !cancelled()", False),  # skipped
    ("", "!failure()", False),                       # runs in a cancelled run
    ("", "!cancelled()", False),
    ("", "always() || !failure() && !cancelled()", False),
])
def test_no_failure_gates_when_the_test_job_cannot_be_skipped(test_if, cond, gated):
    assert bool(_rules(NO_FAILURE % (test_if, cond), GATE)) != gated


CALLED = """\
on:
  workflow_call:
    inputs:
      run-tests: {type: boolean, default: true}
jobs:
  go-test:
    if: ${{ inputs.run-tests }}
    runs-on: ubuntu-latest
    steps: [{run: go test ./...}]
  deploy:
    needs: go-test
    if: ${{ !failure() && !cancelled() }}
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: td.json, cluster: c, service: s,
               wait-for-service-stability: true}
"""
CALLER = """\
on: {push: {branches: [main]}}
jobs:
  staging:
    uses: ./.github/workflows/deploy.yml
    %s
"""


@pytest.mark.parametrize("given, reported", [
    ("", False),                              # run-tests defaults to true: go-test runs
    ("with: {run-tests: true}", False),
    ("with: {run-tests: false}", True),       # go-test skipped: deploy runs untested
    ("with: {run-tests: '${{ github.ref == \"x\" }}'}", True),  # not known
])
def test_a_call_that_keeps_the_test_job(tmp_path, given, reported):
    files = {".github/workflows/deploy.yml": CALLED,
             ".github/workflows/main.yml": CALLER % given}
    found = [f.file for f in lint_files(tmp_path, files) if f.rule == GATE]
    assert found == ([".github/workflows/main.yml"] if reported else [])


@pytest.mark.parametrize("cond, inputs, value", [
    (None, None, True),
    ("${{ inputs.run-tests }}", {"run-tests": True}, True),
    ("${{ inputs.run-tests }}", {"run-tests": False}, False),
    ("${{ inputs.run-tests }}", None, None),
    ("inputs.stage == 'prod'", {"Stage": "PROD"}, True),
    ("inputs.stage == 'prod'", {"stage": None}, None),
])
def test_call_if(cond, inputs, value):
    assert wm.call_if(cond, inputs) is value


# a workflow whose job `deploy` (environment production) needs a `test` job running
# pytest: a template's own steps follow
TESTED_DEPLOY = """\
on: {push: {branches: [main]}}
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{run: pytest}]
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
"""


# --- a migration step that continues on error -------------------------------------------

MIGRATE = TESTED_DEPLOY + """\
      - id: migrate
        continue-on-error: true
        run: |
          TASK=$(aws ecs run-task --cluster c --task-definition m \\
            --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks "$TASK"
          CODE=$(aws ecs describe-tasks --cluster c --tasks "$TASK" \\
            --query 'tasks[0].containers[0].exitCode' --output text)
          [ "$CODE" = "0" ] || exit 1
%s
"""
GUARD = """\
      - if: %s
        run: |
          echo "::error::migration failed"
          %s
"""
DEPLOY = """\
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: td.json, cluster: c, service: s,
               wait-for-service-stability: true}
"""


@pytest.mark.parametrize("after, reported", [
    (GUARD % ("steps.migrate.outcome == 'failure'", "exit 1") + DEPLOY, False),
    (GUARD % ("steps.migrate.outcome != 'success' || github.event_name == 'x'", "exit 1")
     + DEPLOY, False),
    (GUARD % ("steps.migrate.outcome == 'failure'", "echo paged") + DEPLOY, True),
    (GUARD % ("failure()", "exit 1") + DEPLOY, True),  # failure() stays false after it
    (GUARD % ("steps.migrate.outcome == 'failure' && github.ref == 'x'", "exit 1")
     + DEPLOY, True),
    (DEPLOY + GUARD % ("steps.migrate.outcome == 'failure'", "exit 1"), True),  # too late
], ids=["outcome-failure", "outcome-not-success-or", "only-prints", "failure-function",
        "outcome-and-more", "after-the-deploy"])
def test_a_later_step_fails_the_job_on_the_outcome(after, reported):
    assert bool(_rules(MIGRATE % after.rstrip("\n"), MIGRATION)) == reported


# --- a test that lets some codes through ---------------------------------------------

CHECKED = TESTED_DEPLOY + """\
      - run: |
          TASK=$(aws ecs run-task --cluster c --task-definition m \\
            --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks "$TASK"
          CODE=$(aws ecs describe-tasks --cluster c --tasks "$TASK" \\
            --query 'tasks[0].containers[0].exitCode' --output text)
%s
          echo done
""" + DEPLOY


@pytest.mark.parametrize("check, reported", [
    ('if [ "$CODE" -eq 1 ]; then exit 1; fi', True),   # 137 passes
    ('[ "$CODE" = "2" ] && exit 1', True),
    ('[ "$CODE" -gt 1 ] && exit 1', True),
    ('[ "$CODE" = "None" ] && exit 1', True),
    ('if [ "$CODE" != "0" ]; then exit 1; fi', False),
    ('[ "$CODE" -ne 0 ] && exit 1', False),
    ('[ "$CODE" -gt 0 ] && exit 1', False),
    ('[ "$CODE" -ge 1 ] && exit 1', False),
    ('[ "$CODE" = 0 ] || exit 1', False),
    ('[ 0 -eq "$CODE" ] || exit 1', False),
    ('[ "$CODE" != "$OK" ] && exit 1', False),       # not a literal: taken as a check
])
def test_a_test_must_reject_every_non_zero_code(check, reported):
    text = CHECKED % textwrap.indent(check, " " * 10)
    assert bool(_rules(text, MIGRATION)) == reported


def test_the_message_names_a_test_that_lets_codes_through():
    text = CHECKED % '          if [ "$CODE" -eq 1 ]; then exit 1; fi'
    messages = [m for r, _, m in workflow_findings(text, messages=True) if r == MIGRATION]
    assert len(messages) == 1 and "`-eq 1` passes 137" in messages[0]


@pytest.mark.parametrize("test, some_only", [
    ('[ "$C" -eq 1 ]', True), ('[ "$C" == 137 ]', True), ('[ -z "$C" ]', True),
    ('[ "$C" -lt 2 ]', True), ('[ "$C" != 0 ]', False), ('[ "$C" -le 0 ]', False),
    ('[ "$C" -lt 1 ]', False), ('[[ $C == 0 ]]', False), ('echo "$C"', False),
])
def test_tests_some_codes_only(test, some_only):
    assert W._tests_some_codes_only(shell.parse(test)[0]) is some_only


# --- exit codes read by `read` --------------------------------------------------------

LOOP = TESTED_DEPLOY + """\
      - run: |
          set -euo pipefail
          TASKS=$(aws ecs run-task --cluster c --task-definition m --count 2 \\
            --query 'tasks[].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks $TASKS
          RESULTS=$(aws ecs describe-tasks --cluster c --tasks $TASKS \\
            --query 'tasks[].[startedBy, containers[0].exitCode]' --output text)
          OTHER=$(date)
          while read -r started_by exit_code; do
            if [ "$exit_code" %s ]; then
              exit 1
            fi
          done %s
""" + DEPLOY


@pytest.mark.parametrize("test, source, reported", [
    ('!= "0"', '<<< "$RESULTS"', False),
    ('!= "0"', '<<EOF\n          $RESULTS\n          EOF', False),
    ('-eq 1', '<<< "$RESULTS"', True),           # 137 passes
    ('!= "0"', '<<< "$OTHER"', True),            # not the exit codes
])
def test_exit_codes_read_from_a_here_string(test, source, reported):
    assert bool(_rules(LOOP % (test, source), MIGRATION)) == reported


def test_a_loops_redirect_applies_to_its_commands():
    cmds = shell.parse('while read -r a b; do [ "$b" = 0 ] || exit 1; done <<< "$R"\necho x\n')
    read = next(c for c in cmds if c.name == "read")
    assert ("<<<", "$R") in read.redirects
    assert next(c for c in cmds if c.name == "echo").redirects == []


@pytest.mark.parametrize("script, names", [
    ("read -r name code", ["name", "code"]),
    ("read -ra codes", ["codes"]),
    ('read -d "" -r a', ["a"]),
    ("read -p prompt: -t 5 a", ["a"]),
    ("echo a b", []),
])
def test_read_names(script, names):
    assert shell.read_names(shell.parse(script)[0]) == names
