"""Workflow fixes of set 30: a `$GITHUB_ENV` write whose names are not read
(jw/10), the webhook payload file read in a script (ka/02), a list of
literals a github-script names (ka/05), and payload fields of other events
(ka/09)."""
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import workflow_findings
from ecs_lint import workflow_model as wm
from ecs_lint.loader import load_text
from ecs_lint.rules import workflow as W

REGION = "workflow-aws-region-missing"
INJECTION = "workflow-template-injection"

DEPLOY = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      CLUSTER: prod
    permissions:
      id-token: write
    steps:
      - run: |
{script}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{{{ vars.ROLE_ARN }}}}
          aws-region: ${{{{ env.AWS_REGION }}}}
"""


def _line_of(text: str, needle: str) -> int:
    """The 1-based line of the last line of `text` that holds `needle`."""
    return max(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _region_lines(script: str):
    """The lines of the region findings, with `aws-region:` as line 0."""
    text = DEPLOY.format(script=textwrap.indent(textwrap.dedent(script), " " * 10))
    return [line - _line_of(text, "aws-region:")
            for rule, line in workflow_findings(text) if rule == REGION]


@pytest.mark.parametrize("script", [
    """\
    jq -r '.production | "AWS_REGION=\\(.region)\\nSERVICE=\\(.service)"' \\
      deploy/targets.json >> "$GITHUB_ENV"
    """,
    'cat deploy/production.env >> "$GITHUB_ENV"',
    'grep -v "^#" deploy/production.env | tee -a "$GITHUB_ENV"',
    'echo "$LINE" >> "$GITHUB_ENV"',
    'echo "${KEY}=${VALUE}" >> "$GITHUB_ENV"',
    'while read -r l; do echo "$l"; done < deploy/production.env >> "$GITHUB_ENV"',
    'echo "AWS_REGION=eu-west-1" >> "$GITHUB_ENV"',
])
def test_a_write_that_may_set_the_region_leaves_it_unknown(script):
    assert _region_lines(script) == []


@pytest.mark.parametrize("script", [
    'echo "SERVICE=api" >> "$GITHUB_ENV"',
    'jq -r .region deploy/targets.json > region.txt',
    '{ echo "SERVICE=api"; echo "TAG=1"; } >> "$GITHUB_ENV"',
    """\
    echo "NOTES<<EOF" >> "$GITHUB_ENV"
    cat notes.md >> "$GITHUB_ENV"
    echo "EOF" >> "$GITHUB_ENV"
    """,
])
def test_writes_of_other_names_leave_the_region_empty(script):
    assert _region_lines(script) == [0]


def _job(script: str):
    """The job `deploy` of DEPLOY with `script` as its first step."""
    text = DEPLOY.format(script=textwrap.indent(textwrap.dedent(script), " " * 10))
    wf = wm.read_workflow(load_text(text, "yaml")[0].data)
    return wf.jobs["deploy"]


def test_an_unread_write_makes_a_later_env_value_unknown_not_the_jobs():
    job = _job('echo "CLUSTER=stage" >> "$GITHUB_ENV"\ncat extra.env >> "$GITHUB_ENV"')
    later = job.steps[1]
    assert wm.runtime_env_write(job, later, "CLUSTER").name == wm.ANY_NAME
    assert wm.expand("${{ env.CLUSTER }}", job, later) == "${{ env.CLUSTER }}"
    job = _job('cat extra.env >> "$GITHUB_ENV"\necho "CLUSTER=stage" >> "$GITHUB_ENV"')
    assert wm.expand("${{ env.CLUSTER }}", job, job.steps[1]) == "stage"  # written last
    job = _job('echo "SERVICE=api" >> "$GITHUB_ENV"')
    assert wm.expand("${{ env.CLUSTER }}", job, job.steps[1]) == "prod"  # the job's env
    assert wm.runtime_env_write(job, job.steps[0], "SERVICE") is None  # not before itself


def test_a_multiline_value_is_written_under_its_name():
    job = _job('echo "NOTES<<EOF" >> "$GITHUB_ENV"\necho "$BODY" >> "$GITHUB_ENV"\n'
               'echo "EOF" >> "$GITHUB_ENV"')
    assert {n: w.value for n, w in wm.env_writes(job.steps[0]).items()} == {"NOTES": "$BODY"}


ROLLBACK = """\
on:
  issue_comment:
    types: [created]
jobs:
  rollback:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - id: args
        run: |
{script}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{{{ vars.ROLE_ARN }}}}
          aws-region: eu-west-1
      - run: aws ecs update-service --task-definition "api:${{{{ {pasted} }}}}"
"""


def _injection_messages(script: str, pasted="steps.args.outputs.revision"):
    """(line, message) of the injection findings, with the paste as line 0."""
    text = ROLLBACK.format(script=textwrap.indent(textwrap.dedent(script), " " * 10),
                           pasted=pasted)
    return [(line - _line_of(text, "update-service"), msg)
            for rule, line, msg in workflow_findings(text, messages=True) if rule == INJECTION]


@pytest.mark.parametrize("script", [
    """\
    revision=$(jq -r '.comment.body' "$GITHUB_EVENT_PATH" | awk 'NR==1 {print $2}')
    echo "revision=${revision}" >> "$GITHUB_OUTPUT"
    """,
    'echo "revision=$(jq -r .comment.body < "$GITHUB_EVENT_PATH")" >> "$GITHUB_OUTPUT"',
    """\
    body=$(jq -r '.comment | .body | split(" ")[1]' "${GITHUB_EVENT_PATH}")
    echo "revision=$body" >> "$GITHUB_OUTPUT"
    """,
    """\
    revision="$(python3 -c 'import json, os; e = json.load(open(os.environ["GITHUB_EVENT_PATH"])); print(e["comment"]["body"])')"
    echo "revision=$revision" >> "$GITHUB_OUTPUT"
    """,
    """\
    revision=$(cat "$GITHUB_EVENT_PATH" | jq -r .comment.body)
    echo "revision=$revision" >> "$GITHUB_OUTPUT"
    """,
])
def test_a_payload_field_an_outsider_writes_is_carried_to_the_paste(script):
    found = _injection_messages(script)
    assert [line for line, _ in found] == [0]
    assert "github.event.comment.body" in found[0][1] and "$GITHUB_EVENT_PATH" in found[0][1]


@pytest.mark.parametrize("script", [
    'echo "revision=$(jq -r .issue.number "$GITHUB_EVENT_PATH")" >> "$GITHUB_OUTPUT"',
    'echo "revision=$(jq -r .repository.full_name "$GITHUB_EVENT_PATH")" >> "$GITHUB_OUTPUT"',
    'echo "revision=$(jq -r .comment.user.login "$GITHUB_EVENT_PATH")" >> "$GITHUB_OUTPUT"',
    'echo "revision=$(jq -r \'.comment.body | length\' "$GITHUB_EVENT_PATH")" >> "$GITHUB_OUTPUT"',
    """\
    revision=$(jq -r .comment.body "$GITHUB_EVENT_PATH" | tr -dc '0-9')
    echo "revision=$revision" >> "$GITHUB_OUTPUT"
    """,
    """\
    revision=$(jq -r .comment.body "$GITHUB_EVENT_PATH" | sha256sum | cut -c1-8)
    echo "revision=$revision" >> "$GITHUB_OUTPUT"
    """,
    'echo "revision=$(jq -r .comment.body notes.json)" >> "$GITHUB_OUTPUT"',
])
def test_a_payload_field_no_outsider_writes_is_quiet(script):
    assert _injection_messages(script) == []


def test_a_payload_field_written_to_github_env_is_carried_too():
    script = 'jq -r \'"BODY=\\(.comment.body)"\' "$GITHUB_EVENT_PATH" >> "$GITHUB_ENV"'
    assert [line for line, _ in _injection_messages(script, "env.BODY")] == [0]
    script = 'jq -r \'"NUMBER=\\(.issue.number)"\' "$GITHUB_EVENT_PATH" >> "$GITHUB_ENV"'
    assert _injection_messages(script, "env.NUMBER") == []


PROMOTE = """\
on:
  issues:
    types: [labeled]
jobs:
  promote:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - id: form
        uses: actions/github-script@v7
        with:
          script: |
            {declaration}
            const requested = context.payload.issue.body.split('\\n')[2];
            {change}
            core.setOutput('service', SERVICES.includes(requested) ? requested : 'billing');
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE_ARN }}
          aws-region: eu-west-1
      - run: aws ecr describe-repositories --repository-names "${{ steps.form.outputs.service }}"
"""


def _promote_lines(declaration, change="// no change"):
    text = PROMOTE.replace("{declaration}", declaration).replace("{change}", change)
    return [line for rule, line in workflow_findings(text) if rule == INJECTION]


@pytest.mark.parametrize("declaration", [
    "const SERVICES = ['billing', 'search'];",
    'let SERVICES = ["billing", "search",];',
    "var SERVICES = ['billing'];",
])
def test_a_named_list_of_literals_keeps_the_output_to_them(declaration):
    assert _promote_lines(declaration) == []


@pytest.mark.parametrize("declaration, change", [
    ("let SERVICES = ['billing', 'search'];", "SERVICES = [requested];"),
    ("const SERVICES = ['billing', 'search'];", "SERVICES.push(requested);"),
    ("const SERVICES = ['billing', 'search'];", "SERVICES[0] = requested;"),
    ("const SERVICES = requested.split(',');", "// no change"),
    ("// SERVICES is not declared here", "// no change"),
])
def test_a_list_that_may_hold_the_text_keeps_nothing(declaration, change):
    assert _promote_lines(declaration, change) == [22]


RELEASE = """\
on:
  push:
    branches: [main]
  schedule:
    - cron: "17 3 * * *"
{call}jobs:
  drift:
    if: {job_if}
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE_ARN }}
          aws-region: eu-west-1
      - if: {step_if}
        run: |
          echo "last change: ${{ github.event.head_commit.message }}"
"""


def _release_lines(job_if="true", step_if="true", call=""):
    text = RELEASE.replace("{job_if}", job_if).replace("{step_if}", step_if) \
        .replace("{call}", call)
    return [line - _line_of(text, "last change")
            for rule, line in workflow_findings(text) if rule == INJECTION]


@pytest.mark.parametrize("job_if, step_if", [
    ("github.event_name == 'schedule'", "true"),
    ("github.event_name != 'push'", "true"),
    ("true", "github.event_name == 'schedule'"),
])
def test_a_field_of_another_events_payload_is_empty(job_if, step_if):
    assert _release_lines(job_if, step_if) == []


@pytest.mark.parametrize("job_if, step_if, call", [
    ("true", "true", ""),
    ("github.event_name == 'push'", "true", ""),
    ("github.event_name == 'schedule' || github.event_name == 'push'", "true", ""),
    ("github.event_name != 'push'", "true", "  workflow_call:\n"),  # a caller's push
])
def test_a_field_the_event_may_carry_is_reported(job_if, step_if, call):
    assert _release_lines(job_if, step_if, call) == [0]


def test_not_in_payload_reads_the_payloads_keys():
    assert wm.not_in_payload("github.event.head_commit.message", {"schedule"})
    assert wm.not_in_payload("toJSON(github.event.comment)", {"push", "schedule"})
    assert not wm.not_in_payload("github.event.head_commit.message", {"push", "schedule"})
    assert not wm.not_in_payload("github.event.head_commit.message", set())
    assert not wm.not_in_payload("github.event.changes.body.from", {"schedule"})  # not known


SCRIPT_TEXT = st.lists(st.sampled_from(list("ab=$()`'\"|&;<>\n .[]{}\\")
                                       + ["jq -r ", ".comment.body", "$GITHUB_EVENT_PATH",
                                          " >> \"$GITHUB_ENV\"", "echo ", "cat ", "python3 -c ",
                                          "NAME<<EOF", "EOF", "tr -dc 0-9", " | "]),
                       max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(SCRIPT_TEXT)
def test_the_new_readers_take_any_script(text):
    step = wm.Step(index=0, path=("jobs", "j", "steps", 0), data={}, run=text)
    job = wm.Job(id="j", path=("jobs", "j"), data={}, steps=[step])
    wm.env_writes(step)
    wm.runtime_env_write(job, None, "X")
    W._event_file_read(text, None, step, None, 0)
    W._jq_paths(text)
    W._js_literal_list(text, "SERVICES")
    wm.not_in_payload(text, {"push"})
