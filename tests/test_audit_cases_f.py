"""Audit 'cases-f': blind whole-repository cases (deploy workflows, trust and
permission policies, task definitions, services) scored against RULES.md.

Each test holds a minimal workflow on which ecs-lint reported something wrong
(see the commit that added it for the evidence).
"""
from conftest import workflow_findings

MIGRATION = """\
on:
  push:
    branches: [main]
jobs:
  migrate:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - name: Migrate
        run: |
          TASK=$(aws ecs run-task --cluster c --task-definition app-migrate \\
            --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks "$TASK"
          aws ecs describe-tasks --cluster c --tasks "$TASK" \\
            --query 'tasks[0].containers[0].exitCode' --output text | CHECK
"""


def _unchecked(check, shell=None):
    text = MIGRATION.replace("CHECK", check)
    if shell:
        text = text.replace("      - name: Migrate\n",
                            f"      - name: Migrate\n        shell: {shell}\n")
    return [f for f in workflow_findings(text) if f[0] == "workflow-migration-unchecked"]


def test_grep_for_exit_code_zero_fails_the_step():
    # GitHub runs a `run:` script with `bash -e {0}`: a pipeline's status is its last
    # command's, so `| grep -qx 0` fails the step unless the exit code read is 0
    assert _unchecked("grep -qx 0") == []
    assert _unchecked("grep -q '^0$'") == []
    assert _unchecked("grep --quiet --line-regexp 0") == []


def test_grep_that_does_not_fail_on_a_bad_exit_code_is_no_check():
    assert _unchecked("grep -vqx 0") != []  # fails only when the code IS 0
    assert _unchecked("grep -q 0 || true") != []
    assert _unchecked("grep -qx 0 && echo ok") != []  # a `&&` list does not stop `-e`
    assert _unchecked("grep -qx 0 || true") != []
    assert _unchecked("tee exit-code.txt") != []
    assert _unchecked("grep -qx 0", shell="bash {0}") != []  # no -e: the step goes on
