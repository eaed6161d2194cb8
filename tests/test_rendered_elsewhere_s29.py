"""A render step's output handed up through a local reusable workflow's
`on.workflow_call.outputs` (set `jl`, case 04): the path of a file on the
called job's runner, which the caller's deploy job does not have."""
import json

import pytest

from conftest import lint_files

RULE = "xref-task-definition-missing"

TASKDEF = json.dumps({"family": "web", "containerDefinitions": [{"name": "web",
                                                                 "image": "web:1"}]})

CALLED = """\
name: prepare
on:
  workflow_call:
    outputs:
      task-definition:
        value: ${{ jobs.image.outputs.%s }}
jobs:
  image:
    runs-on: ubuntu-latest
    outputs:
      task-definition: ${{ steps.render.outputs.task-definition }}
      copied: ${{ steps.copy.outputs.task-definition }}
    steps:
      - uses: actions/checkout@v4
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ops/td.json
          container-name: web
          image: web:2
      - id: copy
        run: echo "task-definition=ops/td.json" >> "$GITHUB_OUTPUT"
%s"""

CALLER = """\
name: release
on:
  push:
    branches: [main]
jobs:
  prepare:
    uses: %s
  deploy:
    needs: prepare
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ needs.prepare.outputs.task-definition }}
          cluster: prod
          service: web
"""

LOCAL = "./.github/workflows/prepare.yml"


def _missing(tmp_path, output="task-definition", uses=LOCAL, called_steps=""):
    """(file, line, message) of the xref-task-definition-missing findings."""
    found = lint_files(tmp_path, {
        ".github/workflows/release.yml": CALLER % uses,
        ".github/workflows/prepare.yml": CALLED % (output, called_steps),
        "ops/td.json": TASKDEF})
    return [(f.file, f.line, f.message) for f in found if f.rule == RULE]


def test_a_render_output_handed_up_by_a_called_workflow_names_no_file_in_the_caller(tmp_path):
    found = _missing(tmp_path)
    assert [(f.split("/")[-1], line) for f, line, _ in found] == [("release.yml", 15)], found
    assert "RUNNER_TEMP" in found[0][2] and "job 'image'" in found[0][2] \
        and "called by job 'prepare'" in found[0][2]


@pytest.mark.parametrize("output, uses", [
    ("copied", LOCAL),  # a repository path: there after the checkout
    ("task-definition", "acme/platform/.github/workflows/prepare.yml@v1"),  # not read
    ("task-definition", "./.github/workflows/absent.yml"),  # nothing to read
])
def test_a_called_workflow_output_that_is_no_render_output_or_unread_is_not_reported(
        tmp_path, output, uses):
    assert _missing(tmp_path, output, uses) == []


def test_a_render_output_deployed_in_the_called_job_itself_is_a_file(tmp_path):
    deploy = """\
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: prod
          service: web
"""
    found = _missing(tmp_path, called_steps=deploy)
    assert [(f.split("/")[-1], line) for f, line, _ in found] == [("release.yml", 15)], found
