"""workflow-deploy-no-environment: an `environment:` expression that comes
out empty in some runs the job's triggers allow."""
import pytest

from conftest import workflow_findings

JOB = """\
on:
%(on)s
jobs:
  deploy:
    runs-on: ubuntu-latest
%(if)s    environment: %(env)s
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""
PUSH_TWO = "  push: {branches: [main, 'preview/**']}"
PUSH_MAIN = "  push: {branches: [main]}"
TERNARY = "${{ github.ref == 'refs/heads/main' && 'production' || '' }}"


def _lines(on, env, if_=""):
    text = JOB % {"on": on, "env": env, "if": if_}
    return [ln for r, ln in workflow_findings(text) if r == "workflow-deploy-no-environment"]


@pytest.mark.parametrize("on, env, if_, reported", [
    (PUSH_TWO, TERNARY, "", True),         # preview branches: ''
    (PUSH_MAIN, TERNARY, "", False),       # only main runs it: always production
    (PUSH_TWO, TERNARY, "    if: github.ref == 'refs/heads/main'\n", False),
    (PUSH_TWO, "${{ github.ref == 'refs/heads/main' && 'production' || 'preview' }}", "",
     False),
    ("  push: {branches: [main]}\n  pull_request: {}", TERNARY, "", True),  # a PR's ref
    ("  push: {branches: [main]}\n  workflow_dispatch:\n    inputs: {target: {default: prod}}",
     "${{ inputs.target }}", "", True),    # a push has no inputs
    ("  push: {branches: [main]}\n  workflow_dispatch:\n    inputs: {target: {default: prod}}",
     "${{ inputs.target || 'staging' }}", "", False),
])
def test_an_environment_empty_in_some_runs(on, env, if_, reported):
    found = _lines(on, env, if_)
    text = JOB % {"on": on, "env": env, "if": if_}
    line = text.splitlines().index(f"    environment: {env}") + 1
    assert found == ([line] if reported else [])
