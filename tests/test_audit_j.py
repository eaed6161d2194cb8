"""Audit 'j': blind labeled workflow cases (tests/cases/j) written from RULES.md
and GitHub's documented behaviour; each test holds the minimal excerpt where
ecs-lint was wrong.
"""

from conftest import workflow_findings


def findings(text, rule=None):
    """(rule, line) of every single-file workflow finding on a workflow text."""
    return [f for f in workflow_findings(text) if rule is None or f[0] == rule]


# --- workflow-template-injection: actions/github-script `script:` ---------------

# GitHub pastes `${{ }}` into github-script's JavaScript before it runs, exactly
# as into a `run:` script (GitHub docs, "Script injections"; CodeQL
# js/actions/expression-injection: "in contexts like run: or script:"), and the
# script runs in the job, where the OIDC token request URL is available.
GITHUB_SCRIPT = """\
on:
  issue_comment:
    types: [created]
permissions:
  id-token: write
jobs:
  scale:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            core.info(context.payload.comment.body);
            const m = "${{ github.event.comment.body }}".match(/\\d+/);
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ops
          aws-region: us-east-1
"""


def test_github_script_expression_is_injection():
    assert findings(GITHUB_SCRIPT, "workflow-template-injection") == [
        ("workflow-template-injection", 14)]


def test_github_script_reading_the_payload_is_not_injection():
    text = GITHUB_SCRIPT.replace('"${{ github.event.comment.body }}"', "context.payload.comment.body")
    assert findings(text, "workflow-template-injection") == []


def test_github_script_through_env_is_not_injection():
    text = GITHUB_SCRIPT.replace('"${{ github.event.comment.body }}"', "process.env.BODY")
    assert findings(text, "workflow-template-injection") == []


def test_other_actions_script_input_is_not_read():
    text = GITHUB_SCRIPT.replace("actions/github-script@v7", "acme/notify@v1")
    assert findings(text, "workflow-template-injection") == []


# --- workflow-migration-unchecked: jq -e piped on without pipefail -------------

# GitHub runs a `run:` with no `shell` as `bash -e {0}` (no pipefail) and
# `shell: bash` as `bash --noprofile --norc -eo pipefail {0}` (workflow syntax,
# jobs.<job_id>.steps[*].shell). `describe-tasks | jq -e ... | tee log`: the
# pipeline's status is tee's unless pipefail is on, so a failing jq is lost.
MIGRATE_TEE = """\
on: push
jobs:
  migrate:
    runs-on: ubuntu-latest
    {defaults}steps:
      - name: Migrate
        {shell}run: |
          {set}TASK=$(aws ecs run-task --cluster c --task-definition m --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks "$TASK"
          aws ecs describe-tasks --cluster c --tasks "$TASK" \\
            | jq -e '.tasks[0].containers[0].exitCode == 0' \\
            | tee result.txt
"""


def _migrate_tee(defaults="", shell="", set_=""):
    return [r for r, _ in findings(MIGRATE_TEE.format(defaults=defaults, shell=shell, set=set_),
                                   "workflow-migration-unchecked")]


def test_jq_exit_status_piped_into_tee_is_lost_without_pipefail():
    assert _migrate_tee() == ["workflow-migration-unchecked"]
    assert _migrate_tee(shell="shell: sh\n        ") == ["workflow-migration-unchecked"]
    assert _migrate_tee(set_="set -eu\n          ") == ["workflow-migration-unchecked"]


def test_jq_exit_status_piped_into_tee_counts_under_pipefail():
    assert _migrate_tee(shell="shell: bash\n        ") == []
    assert _migrate_tee(shell="shell: bash -eo pipefail {0}\n        ") == []
    assert _migrate_tee(set_="set -o pipefail\n          ") == []
    assert _migrate_tee(set_="set -euo pipefail\n          ") == []
    assert _migrate_tee(defaults="defaults:\n      run:\n        shell: bash\n    ") == []


def test_jq_ending_the_pipeline_needs_no_pipefail():
    text = MIGRATE_TEE.format(defaults="", shell="", set="").replace(" \\\n            | tee result.txt", "")
    assert findings(text, "workflow-migration-unchecked") == []


# --- workflow-image-latest: metadata-action `enable={{is_default_branch}}` ------

# docker/metadata-action's `version` output is its highest-priority tag (raw
# 200, sha 100: the action's README). `type=raw,value=latest,
# enable={{is_default_branch}}` is on for a run of the default branch, so a
# workflow that runs only on pushes to main deploys :latest with
# `:${{ steps.meta.outputs.version }}`.
META = """\
on:
  push:
    branches: [{branch}]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api
          tags: |
            type=sha,format=long,prefix=
            type=raw,value=latest,enable={{{{is_default_branch}}}}
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: api
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:${{{{ steps.meta.outputs.version }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          service: api
          wait-for-service-stability: true
"""


def test_metadata_latest_on_default_branch_is_the_version():
    assert findings(META.format(branch="main"), "workflow-image-latest") == [
        ("workflow-image-latest", 21)]
    assert findings(META.format(branch="master"), "workflow-image-latest") == [
        ("workflow-image-latest", 21)]


def test_metadata_latest_on_a_branch_not_known_as_default_is_not_guessed():
    assert findings(META.format(branch="release"), "workflow-image-latest") == []
    assert findings(META.format(branch="main, release"), "workflow-image-latest") == []
    assert findings(META.format(branch="main").replace(
        "    branches: [main]", "    branches: [main]\n  workflow_dispatch:"),
        "workflow-image-latest") == []


def test_metadata_sha_outranking_latest_is_fine():
    text = META.format(branch="main").replace("prefix=\n", "prefix=,priority=300\n")
    assert findings(text, "workflow-image-latest") == []
