"""A failing program does not stop a pwsh, powershell or cmd script (GitHub's
pwsh wrapper stops at PowerShell errors, not at a native command's exit code),
so a migration's exit code tested by `jq -e` alone is no check there; bash
stops (`bash -e`), and so does pwsh after `$PSNativeCommandUseErrorActionPreference
= $true`."""
import pytest

from conftest import workflow_findings

JOB = """\
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: %(runner)s
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - run: |
%(prelude)s          aws ecs run-task --cluster main --task-definition migrate > task.json
          aws ecs wait tasks-stopped --cluster main --tasks arn-of-task
          aws ecs describe-tasks --cluster main --tasks arn-of-task | jq -e '.tasks[0].containers[0].exitCode == 0'
%(shell)s      - run: aws ecs update-service --cluster main --service api --force-new-deployment
"""


def unchecked(runner, shell="", prelude=""):
    text = JOB % {"runner": runner, "shell": shell, "prelude": prelude}
    return [r for r, _ in workflow_findings(text) if r == "workflow-migration-unchecked"]


@pytest.mark.parametrize("runner, shell, prelude, expected", [
    ("ubuntu-latest", "", "", 0),                                  # bash -e stops
    ("windows-latest", "", "", 1),                                 # pwsh goes on
    ("ubuntu-latest", "        shell: pwsh\n", "", 1),
    ("windows-latest", "        shell: bash\n", "", 0),
    ("windows-latest", "", "          $PSNativeCommandUseErrorActionPreference = $true\n", 0),
])
def test_a_failing_program_stops_only_shells_that_stop(runner, shell, prelude, expected):
    assert len(unchecked(runner, shell, prelude)) == expected
