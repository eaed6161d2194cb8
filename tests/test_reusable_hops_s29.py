"""Values that cross a reusable-workflow call (set jl): an output of a local
reusable workflow built from attacker text, a role handed to another
repository's workflow on a pull request, and a wait a caller gives through a
reusable workflow into a composite action."""
import textwrap

from conftest import lint_files

ROLE = "arn:aws:iam::123456789012:role/web-deployer"


def _found(tmp_path, files, rule):
    files = {k: textwrap.dedent(v) for k, v in files.items()}
    return [(f.file, f.span.line) for f in lint_files(tmp_path, files) if f.rule == rule]


VERSION = """\
    on:
      workflow_call:
        outputs:
          version:
            value: ${{ jobs.parse.outputs.version }}
    jobs:
      parse:
        runs-on: ubuntu-latest
        outputs:
          version: ${{ steps.p.outputs.version }}
        steps:
          - id: p
            env:
              MSG: %s
            run: echo "version=$MSG" >> "$GITHUB_OUTPUT"
    """
CALLER = """\
    on: {push: {branches: [main]}}
    jobs:
      version:
        uses: ./.github/workflows/_version.yml
      deploy:
        needs: version
        runs-on: ubuntu-latest
        permissions: {id-token: write}
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with: {role-to-assume: "%s", aws-region: us-east-1}
          - run: echo "${{ needs.version.outputs.version }}"
    """ % ROLE


def test_a_called_workflows_output_carries_a_commit_message(tmp_path):
    files = {".github/workflows/_version.yml": VERSION % "${{ github.event.head_commit.message }}",
             ".github/workflows/deploy.yml": CALLER}
    assert _found(tmp_path, files, "workflow-template-injection") == [
        (".github/workflows/deploy.yml", 12)]


def test_a_called_workflows_output_of_the_sha_is_safe(tmp_path):
    files = {".github/workflows/_version.yml": VERSION % "${{ github.sha }}",
             ".github/workflows/deploy.yml": CALLER}
    assert _found(tmp_path, files, "workflow-template-injection") == []


PR = """\
    on: pull_request
    jobs:
      preview:
        permissions: {id-token: write, contents: read}
        uses: acme/platform/.github/workflows/preview.yml@v1
        with:
          role-to-assume: %s
    """


def test_a_role_handed_to_another_repositorys_workflow_on_a_pull_request(tmp_path):
    files = {".github/workflows/pr.yml": PR % ROLE}
    assert _found(tmp_path, files, "workflow-oidc-on-pull-request") == [
        (".github/workflows/pr.yml", 5)]


def test_a_read_only_role_or_no_token_is_not_reported(tmp_path):
    ro = {".github/workflows/pr.yml": PR % "arn:aws:iam::123456789012:role/web-readonly"}
    assert _found(tmp_path, ro, "workflow-oidc-on-pull-request") == []
    (tmp_path / ".github/workflows/pr.yml").unlink()
    no_token = {".github/workflows/pr.yml": (PR % ROLE).replace("id-token: write, ", "")}
    assert _found(tmp_path, no_token, "workflow-oidc-on-pull-request") == []


ACTION = """\
    runs:
      using: composite
      steps:
        - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
          with:
            task-definition: td.json
            service: web
            cluster: main
            wait-for-service-stability: true
            wait-for-minutes: ${{ inputs.minutes }}
    inputs:
      minutes: {required: true}
    """
SERVICE_DEPLOY = """\
    on:
      workflow_call:
        inputs:
          wait-minutes: {type: number, default: 20}
    jobs:
      deploy:
        runs-on: ubuntu-latest
        steps:
          - uses: ./.github/actions/rollout
            with:
              minutes: ${{ inputs.wait-minutes }}
    """


def test_a_wait_passed_through_a_reusable_workflow_into_a_composite(tmp_path):
    caller = """\
        on: push
        jobs:
          prod:
            uses: ./.github/workflows/service-deploy.yml
            with:
              wait-minutes: %s
        """
    base = {".github/actions/rollout/action.yml": ACTION,
            ".github/workflows/service-deploy.yml": SERVICE_DEPLOY}
    short = {**base, ".github/workflows/deploy.yml": caller % 10}
    assert _found(tmp_path, short, "workflow-stability-wait-short") == [
        (".github/workflows/deploy.yml", 6)]
    (tmp_path / ".github/workflows/deploy.yml").write_text(textwrap.dedent(caller % 20))
    assert _found(tmp_path, {}, "workflow-stability-wait-short") == []
