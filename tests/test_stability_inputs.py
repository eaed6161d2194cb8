"""workflow-stability-wait-*: deploy inputs written as expressions, read per
event (a push has no dispatch inputs) and with the config's `vars`."""
import pytest

from conftest import workflow_findings

DEPLOY = """\
on:
  push: {branches: [main]}
%(dispatch)s
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: api
          cluster: prod
          wait-for-service-stability: true
          wait-for-minutes: %(minutes)s
"""
DISPATCH = """\
  workflow_dispatch:
    inputs:
      wait_minutes: {default: "30"}"""


def _short(minutes, dispatch=DISPATCH, github=None):
    text = DEPLOY % {"minutes": minutes, "dispatch": dispatch}
    return [(r, ln, m) for r, ln, m in workflow_findings(text, github, messages=True)
            if r == "workflow-stability-wait-short"]


@pytest.mark.parametrize("minutes, short", [
    ("${{ github.event.inputs.wait_minutes || '10' }}", True),  # a push waits 10
    ("${{ inputs.wait_minutes || '10' }}", True),
    ("${{ inputs.wait_minutes || '20' }}", False),
    ("${{ inputs.wait_minutes }}", False),  # empty on a push: the action's 30
])
def test_a_dispatch_input_fallback_is_read_per_event(minutes, short):
    found = _short(minutes)
    assert bool(found) == short
    if short:
        assert found[0][1] == 16 and "(10 in some run)" in found[0][2]


@pytest.mark.parametrize("value, short", [("10", True), ("20", False)])
def test_vars_the_config_gives_are_read(value, short):
    found = _short("${{ vars.ECS_WAIT_MINUTES }}", dispatch="",
                   github={"vars": {"ECS_WAIT_MINUTES": value}})
    assert bool(found) == short


def test_vars_the_config_does_not_give_stay_unknown():
    assert not _short("${{ vars.ECS_WAIT_MINUTES }}", dispatch="")


ACTION = """\
name: deploy
inputs:
  minutes: {default: "20"}
runs:
  using: composite
  steps:
    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
      with:
        task-definition: td.json
        service: api
        cluster: prod
        wait-for-service-stability: true
        wait-for-minutes: %s
"""
CALLER = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/deploy
        with: {minutes: "%s"}
"""


@pytest.mark.parametrize("written, passed, where", [
    ("5", "20", (".github/actions/deploy/action.yml", 13)),  # a literal of the action's
    ("${{ inputs.minutes }}", "5", (".github/workflows/d.yml", 8)),  # the caller's value
    ("${{ inputs.minutes }}", "20", None),
])
def test_a_short_wait_in_a_composite_points_where_it_is_written(tmp_path, written, passed,
                                                                where):
    from conftest import lint_folder
    (tmp_path / ".github" / "actions" / "deploy").mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "deploy" / "action.yml").write_text(ACTION % written)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(CALLER % passed)
    found = [(f.span.file or f.file, f.span.line) for f in lint_folder(tmp_path)
             if f.rule == "workflow-stability-wait-short"]
    assert found == ([where] if where else [])
