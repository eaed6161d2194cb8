"""Set `am` (stop 18): configuration and suppressions in a monorepo.

A finding on a step of a local composite action points at the caller's input
that gives the value, else at the caller's `uses:` line (`input_path`), as
xref-container-name-unknown already did. Before, the checks of step inputs
used the caller's `with:` path for an input the caller does not write, and the
position fell back to the caller's `with:` mapping: its first key, an unrelated
input (`service: worker`), where an inline `# ecs-lint: ignore[...]` on the
`uses:` line could not reach it. (Stop 28: a value the action writes itself
points at the action's file, where it is fixed.)"""

from conftest import lint_folder

ACTION = """\
name: ecs-deploy
inputs:
  service: {required: true}
  image: {required: true}
  wait-minutes: {required: false, default: "10"}
runs:
  using: composite
  steps:
    - uses: aws-actions/configure-aws-credentials@v4
      with:
        role-to-assume: arn:aws:iam::123456789012:role/deploy
        aws-region: eu-west-1
    - id: render
      uses: aws-actions/amazon-ecs-render-task-definition@v1
      with:
        task-definition: ecs/${{ inputs.service }}.json
        container-name: ${{ inputs.service }}
        image: ${{ inputs.image }}
    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
      with:
        task-definition: ${{ steps.render.outputs.task-definition }}
        cluster: prod
        service: ${{ inputs.service }}
        wait-for-service-stability: %s
        wait-for-minutes: ${{ inputs.wait-minutes }}
"""

WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - name: Deploy worker
        uses: ./.github/actions/ecs-deploy%s
        with:
          service: worker
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:${{ github.sha }}%s
"""


def _repo(tmp_path, uses_comment="", extra_input="", stability="true"):
    (tmp_path / ".github" / "actions" / "ecs-deploy").mkdir(parents=True)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "ecs-deploy" / "action.yml").write_text(ACTION % stability)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        WORKFLOW % (uses_comment, extra_input))
    return tmp_path


def _at(findings, rule):
    return [(f.file, f.line) for f in findings if f.rule == rule]


WF = ".github/workflows/deploy.yml"


def test_wait_short_from_a_composite_default_points_at_the_callers_uses(tmp_path):
    found = lint_folder(_repo(tmp_path))
    assert _at(found, "workflow-stability-wait-short") == [(WF, 18)]  # `uses:`, not `service:`


def test_wait_short_from_a_callers_input_points_at_that_input(tmp_path):
    found = lint_folder(_repo(tmp_path, extra_input='\n          wait-minutes: "5"'))
    assert _at(found, "workflow-stability-wait-short") == [(WF, 22)]


def test_a_trailing_ignore_on_the_callers_uses_line_suppresses_it(tmp_path):
    found = lint_folder(_repo(
        tmp_path, uses_comment="  # ecs-lint: ignore[workflow-stability-wait-short]"))
    assert _at(found, "workflow-stability-wait-short") == []


def test_wait_off_written_in_the_composite_points_at_the_actions_line(tmp_path):
    # stop 28 (iz/09, id/08): a value the action writes itself is fixed in the
    # action's file, not by its caller (who gives it no input)
    found = lint_folder(_repo(tmp_path, stability="false"))
    assert _at(found, "workflow-stability-wait-off") == [
        (".github/actions/ecs-deploy/action.yml", 24)]


def test_static_keys_given_by_the_caller_point_at_the_callers_input(tmp_path):
    root = _repo(tmp_path)
    action = root / ".github" / "actions" / "ecs-deploy" / "action.yml"
    action.write_text(action.read_text().replace(
        "inputs:\n", "inputs:\n  key-id: {required: true}\n").replace(
        "role-to-assume: arn:aws:iam::123456789012:role/deploy",
        "aws-access-key-id: ${{ inputs.key-id }}"))
    wf = root / WF
    wf.write_text(wf.read_text().replace(
        "          service: worker\n",
        "          service: worker\n          key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n"))
    found = lint_folder(root)
    assert _at(found, "workflow-static-aws-keys") == [(WF, 21)]  # key-id:
