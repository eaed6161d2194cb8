"""Audit 'ab': GitHub Actions features read by ecs-lint ($GITHUB_ENV over env:,
ternaries, fromJSON literals, step-level if: on role steps, local composite
actions and reusable workflows), tested from labeled cases (tests/cases/ab).

Each test holds a minimal repository on which ecs-lint reported something wrong
(see the commit that added it for the evidence).
"""

import json
from conftest import lint_folder

ACTION = """\
name: ECS deploy
description: render and deploy
inputs:
  stage:
    required: true
  container:
    required: false
    default: web
runs:
  using: composite
  steps:
    - id: render
      uses: aws-actions/amazon-ecs-render-task-definition@v1
      with:
        task-definition: ecs/${{ inputs.stage }}.json
        container-name: ${{ inputs.container }}
        image: app:${{ github.sha }}
"""

WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  production:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/ecs-deploy
        with:
          stage: production
          image: app
          region: eu-west-1
          container: pier-web
"""


def _write(root, files):
    for path, text in files.items():
        f = root / path
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text)


def _taskdef():
    return json.dumps({"family": "app", "containerDefinitions": [
        {"name": "web", "image": "app:1a2b3c4d", "essential": True}]}, indent=2)


def _container_lines(tmp_path, workflow, action=ACTION):
    _write(tmp_path, {".github/actions/ecs-deploy/action.yml": action,
                      ".github/workflows/deploy.yml": workflow,
                      "ecs/production.json": _taskdef()})
    return [(f.file, f.line) for f in lint_folder(tmp_path)
            if f.rule == "xref-container-name-unknown"]


def test_composite_container_name_points_at_the_callers_input(tmp_path):
    # the composite's container-name is ${{ inputs.container }}: the wrong name is
    # the caller's `container:` input (line 15), not the first key of its `with:`
    found = _container_lines(tmp_path, WORKFLOW)
    assert found == [(".github/workflows/deploy.yml", 15)]


def test_composite_container_name_from_a_default_points_at_the_callers_step(tmp_path):
    # no caller input feeds it (the action's default does): at the caller's `uses:`
    action = ACTION.replace("default: web", "default: pier-web")
    wf = WORKFLOW.replace("          container: pier-web\n", "")
    found = _container_lines(tmp_path, wf, action)
    assert found == [(".github/workflows/deploy.yml", 10)]
