"""PowerShell steps (set kw): a `shell: pwsh` / `shell: powershell` script, or
one with no shell on a Windows runner (GitHub's default there is pwsh), is read
as the shell text it amounts to (`shell.from_powershell`), line for line:
`$x = aws ...` captures the command, `$env:X = v` exports, `"K=$v" |
Add-Content $env:GITHUB_ENV` writes the env file, `throw` and (GitHub's pwsh
sets `$ErrorActionPreference = 'stop'`) `Write-Error` fail the step,
`Set-AWSCredential -AccessKey -SecretKey` sets a key."""
import textwrap

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import workflow_findings
from ecs_lint import shell
from ecs_lint import workflow_model as wm

KEYS = "workflow-static-aws-keys"
MIGRATION = "workflow-migration-unchecked"
LATEST = "workflow-image-latest"


def _lines(script, stops_on_error=True):
    """The shell text of a PowerShell script (dedented), line by line."""
    return shell.from_powershell(textwrap.dedent(script), stops_on_error).split("\n")


def _rules(text, rule):
    return [line for r, line in workflow_findings(text) if r == rule]


# --- the reader ----------------------------------------------------------------------

def test_an_assigned_command_is_captured_and_backticks_continue_it():
    out = _lines("""\
        $taskArn = aws ecs run-task `
          --cluster $env:CLUSTER `
          --query 'tasks[0].taskArn' --output text
        Write-Host "Started $taskArn"
        """)
    assert out[:4] == ['taskArn="$(aws ecs run-task \\', '--cluster "${CLUSTER}" \\',
                       "--query 'tasks[0].taskArn' --output text)\"",
                       'echo "Started ${taskArn}"']
    (run,) = [c for c in shell.parse("\n".join(out)) if c.argv[:3] == ["aws", "ecs", "run-task"]]
    assert run.captured_by == "taskArn" and run.line == 0
    assert run.argv[3:] == ["--cluster", "${CLUSTER}", "--query", "tasks[0].taskArn",
                            "--output", "text"]


@pytest.mark.parametrize("script", [
    '"IMAGE=$image" | Add-Content -Path $env:GITHUB_ENV',
    'Add-Content -Path $env:GITHUB_ENV -Value "IMAGE=$image"',
    '"IMAGE=$image" | Out-File -FilePath $env:GITHUB_ENV -Append -Encoding utf8',
    '"IMAGE=$image" >> $env:GITHUB_ENV',
    'echo "IMAGE=$image" >> $env:GITHUB_ENV',
])
def test_writes_to_the_env_file_are_echo_redirects(script):
    assert _lines(script) == ['echo "IMAGE=${image}" >> "${GITHUB_ENV}"']


def test_a_native_command_piped_into_a_cmdlet_keeps_its_place():
    # `| ConvertFrom-Json` does not change $LASTEXITCODE; `| Out-Null` is a redirect
    assert _lines("$r = aws ecs describe-tasks --tasks $t | ConvertFrom-Json\n"
                  "aws ecs update-service --service s | Out-Null") == [
        'r="$(aws ecs describe-tasks --tasks "${t}")"',
        'aws ecs update-service --service s >/dev/null']


def test_exit_code_tests_are_shell_tests():
    out = _lines("""\
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        if ($exitCode -ne '0' -or -not $taskArn) {
          throw "migration failed"
        } elseif ($code -eq 1) { Write-Host "::error::one" }
        """)
    assert out[:4] == ["if [ $? -ne 0 ]; then exit $?; fi",
                       'if [ "${exitCode}" != \'0\' ] || [ -z "${taskArn}" ]; then', "exit 1",
                       'elif [ "${code}" -eq 1 ]; then echo "::error::one"; fi']


def test_write_error_fails_only_where_errors_stop_the_script():
    assert _lines("Write-Error 'bad'") == ["exit 1"]  # GitHub's pwsh: 'stop'
    assert _lines("Write-Error 'bad'", stops_on_error=False) == ["echo 'bad'"]
    assert _lines("$ErrorActionPreference = 'Continue'\nWrite-Error 'bad'")[1] == "echo 'bad'"
    assert _lines("Write-Error 'bad' -ErrorAction Continue") != ["exit 1"]


def test_set_aws_credential_and_env_assignments_set_keys():
    out = _lines("""\
        Set-AWSCredential -AccessKey '${{ secrets.K }}' -SecretKey '${{ secrets.S }}'
        $env:AWS_ACCESS_KEY_ID = '${{ secrets.K }}'
        $env:AWS_REGION = 'eu-west-1'
        """)
    assert out[0] == ("aws configure set aws_access_key_id '${{ secrets.K }}' ; "
                      "aws configure set aws_secret_access_key '${{ secrets.S }}'")
    assert out[1:3] == ["export AWS_ACCESS_KEY_ID='${{ secrets.K }}'",
                        "export AWS_REGION='eu-west-1'"]


def test_what_is_not_understood_is_nothing_or_an_unknown_command():
    out = _lines("""\
        # a comment
        [CmdletBinding()]
        @{ name = 'web' } | ConvertTo-Json | Set-Content -Path o.json
        $td.containerDefinitions[0].image = "x"
        """)
    assert out[:4] == ["", "", "echo '' > o.json", ""]


def test_here_strings_and_strings_keep_their_lines():
    script = '$notes = @"\nline $x\n"@\n$t = \'a\nb\'\naws ecs run-task\n'
    out = shell.from_powershell(script)
    assert out.count("\n") == script.count("\n")
    assert [c.line for c in shell.parse(out) if c.argv[:1] == ["aws"]] == [5]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(st.text(max_size=120), st.lists(st.sampled_from(
    ["$x", " = ", "aws ecs", "`\n", "\n", '"', "'", "$(", ")", "{", "}", "@\"\n", "\n\"@",
     "if ", "($LASTEXITCODE -ne 0)", "throw", "|", "Add-Content $env:GITHUB_ENV", "${{",
     "}}", "try", "catch", "switch", "foreach", "<#", "#>", ";", ",", "-f", "2>&1"]),
    max_size=40).map("".join)), stops=st.booleans())
def test_any_text_is_read_without_error_and_keeps_its_line_count(text, stops):
    out = shell.from_powershell(text, stops)
    assert out.count("\n") == text.count("\n")
    shell.parse(out)


# --- which steps are PowerShell --------------------------------------------------------

WORKFLOW = """\
on: {push: {branches: [main]}}
%(defaults)sjobs:
  release:
    runs-on: %(runner)s
    steps:
      - %(shell)srun: |
          $arn = aws ecs run-task --cluster c
"""


@pytest.mark.parametrize("runner, step_shell, defaults, powershell", [
    ("windows-latest", "", "", True),             # GitHub's default there: pwsh
    ("[self-hosted, Windows]", "", "", True),
    ("ubuntu-latest", "shell: pwsh\n        ", "", True),
    ("ubuntu-latest", "", "defaults: {run: {shell: powershell}}\n", True),
    ("windows-latest", "shell: bash\n        ", "", False),
    ("ubuntu-latest", "", "", False),
    ("windows-latest", "shell: cmd\n        ", "", False),
])
def test_the_scripts_read_as_powershell(runner, step_shell, defaults, powershell):
    data = yaml.safe_load(WORKFLOW % {"runner": runner, "shell": step_shell,
                                      "defaults": defaults})
    step = wm.read_workflow(data).jobs["release"].steps[0]
    captured = [c.captured_by for c in wm.commands(step) if c.argv[:2] == ["aws", "ecs"]]
    assert captured == (["arn"] if powershell else [])


def test_windows_shell_names_the_shell():
    data = yaml.safe_load(WORKFLOW % {"runner": "windows-latest", "shell": "",
                                      "defaults": ""})
    job = wm.read_workflow(data).jobs["release"]
    assert wm.windows_shell(job, job.steps[0]) == "pwsh"
    job.steps[0].shell = "bash"
    assert wm.windows_shell(job, job.steps[0]) is None


# --- the rules on PowerShell steps ------------------------------------------------------

KEYS_WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  publish:
    runs-on: windows-2022
    defaults: {run: {shell: powershell}}
    steps:
      - run: |
          Install-Module -Name AWS.Tools.Common -Force
          %s
"""


@pytest.mark.parametrize("line, fires", [
    ("Set-AWSCredential -AccessKey '${{ secrets.AK_ID }}' -SecretKey '${{ secrets.AK_SECRET }}'"
     " -StoreAs ci", True),
    ("$env:AWS_ACCESS_KEY_ID = '${{ secrets.CI_KEY }}'", True),
    # kw/04: a session minted by configure-aws-credentials (step outputs)
    ("Set-AWSCredential -AccessKey '${{ steps.aws.outputs.aws-access-key-id }}' "
     "-SecretKey '${{ steps.aws.outputs.aws-secret-access-key }}'", False),
    ("$env:AWS_REGION = '${{ vars.REGION }}'", False),
])
def test_static_keys_set_in_powershell(line, fires):
    assert _rules(KEYS_WORKFLOW % line, KEYS) == ([9] if fires else [])


MIGRATE = """\
on: {push: {branches: [main]}}
jobs:
  release:
    runs-on: windows-latest
    environment: production
    steps:
      - %(shell)srun: |
          $taskArn = aws ecs run-task `
            --cluster prod --task-definition migrate `
            --query 'tasks[0].taskArn' --output text
          aws ecs wait tasks-stopped --cluster prod --tasks $taskArn
          $exitCode = aws ecs describe-tasks --cluster prod --tasks $taskArn `
            --query 'tasks[0].containers[0].exitCode' --output text
          if ($exitCode -ne '0') {
            %(fail)s
          }
      - run: aws ecs update-service --cluster prod --service api --force-new-deployment
"""


@pytest.mark.parametrize("shell_line, fail, unchecked", [
    # kw/09: an annotation only; the wrapper exits with describe-tasks' code (0)
    ("", 'Write-Host "::error::migration exited with $exitCode"', True),
    ("", 'throw "migration exited with $exitCode"', False),
    ("", "exit 1", False),
    # kw/01: GitHub's pwsh sets $ErrorActionPreference = 'stop'
    ("", 'Write-Error "migration exited with $exitCode"', False),
    # a shell written out has no such preamble: Write-Error only prints
    ('shell: pwsh -File {0}\n        ', 'Write-Error "migration exited with $exitCode"', True),
])
def test_a_migration_check_in_powershell(shell_line, fail, unchecked):
    found = _rules(MIGRATE % {"shell": shell_line, "fail": fail}, MIGRATION)
    assert bool(found) == unchecked


LATEST_WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: windows-latest
    environment: production
    steps:
      - id: image
        run: |
          $image = "$env:REGISTRY/api:%s"
          docker build -t $image .
          docker push $image
          "uri=$image" | Out-File -FilePath $env:GITHUB_OUTPUT -Append
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: api
          image: ${{ steps.image.outputs.uri }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: c
          service: s
"""


@pytest.mark.parametrize("tag, fires", [("latest", True), ("$env:GITHUB_SHA", False)])
def test_an_image_pushed_and_handed_on_by_powershell(tag, fires):
    # reported at the push: the job pushes no other tag
    assert _rules(LATEST_WORKFLOW % tag, LATEST) == ([11] if fires else [])
