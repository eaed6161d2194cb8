"""Triggers and injection: an event list tested with contains(fromJSON()),
a merged pull request's `closed` run on its base branch, an `edited`
event's previous text, a github-script value kept to a list of literals."""
import json

import pytest

from conftest import lint_folder, workflow_findings
from ecs_lint import workflow_model as wm

GUARDED = """\
on:
  push: {branches: [main]}
  pull_request_target: {}
jobs:
  publish:
    if: ${{ %s }}
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::1:role/r", aws-region: us-east-1}
"""


@pytest.mark.parametrize("cond, reported", [
    ("""contains(fromJSON('["push", "workflow_dispatch"]'), github.event_name)""", False),
    ("""contains(fromJSON('["push","pull_request_target"]'), github.event_name)""", True),
    ("""!contains(fromJSON('["pull_request_target"]'), github.event_name)""", False),
    ("""contains(fromJSON('[not json'), github.event_name)""", True),
])
def test_an_event_list_narrows_the_job(cond, reported):
    found = [r for r, _ in workflow_findings(GUARDED % cond)
             if r == "workflow-oidc-untrusted-trigger"]
    assert bool(found) == reported


def test_event_list_reading():
    assert wm.if_events("contains(fromJSON('[\"Push\"]'), github.event_name)").only == {"push"}


MERGED = """\
on:
  pull_request:
    types: [%s]
    branches: [main]
jobs:
  promote:
    if: github.event.pull_request.merged == true && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/release", aws-region: us-east-1}
"""


@pytest.mark.parametrize("types, refused", [("closed", True), ("opened", False)])
def test_a_merged_pull_requests_run_still_sends_the_pull_request_sub(tmp_path, types, refused):
    # on `closed`, github.ref is the base branch: the guard passes, the sub is pull_request
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "r.yml").write_text(MERGED % types)
    (tmp_path / "trust.json").write_text(json.dumps({"Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/"
                                   "token.actions.githubusercontent.com"},
        "Condition": {"StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        'github: {repository: o/r}\nroles:\n  "arn:aws:iam::123456789012:role/release":'
        ' {trust: trust.json}\n')
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert bool(found) == refused
    if refused:
        assert "repo:o/r:pull_request" in found[0].message


EDITED = """\
on: {issues: {types: [edited]}}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::1:role/r", aws-region: us-east-1}
      - run: echo "was ${{ %s }}"
"""


@pytest.mark.parametrize("field, injected", [
    ("github.event.changes.title.from", True),
    ("github.event.changes.body.from", True),
    ("github.event.changes.title", False),  # an object: not text pasted
    ("github.event.issue.number", False),
])
def test_an_edited_events_previous_text_is_the_authors(field, injected):
    found = [r for r, _ in workflow_findings(EDITED % field) if r == "workflow-template-injection"]
    assert bool(found) == injected


SCRIPTED = """\
on: {pull_request_target: {types: [labeled]}}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::1:role/r", aws-region: us-east-1}
      - id: req
        uses: actions/github-script@v7
        with:
          script: |
            const requested = context.payload.pull_request.body.trim();
            const size = %s;
            core.setOutput('size', size);
      - run: echo "size ${{ steps.req.outputs.size }}"
"""


@pytest.mark.parametrize("value, injected", [
    ("['small', 'medium', 'large'].includes(requested) ? requested : 'small'", False),
    ('["small","large",].includes(requested) ? requested : "small"', False),
    ("['small', 'large'].includes(requested) ? 'large' + requested : 'small'", True),
    ("['small', 'large'].includes(other) ? requested : 'small'", True),
    ("requested", True),
])
def test_a_value_kept_to_the_scripts_literals_is_no_attacker_text(value, injected):
    found = [r for r, _ in workflow_findings(SCRIPTED % value)
             if r == "workflow-template-injection"]
    assert bool(found) == injected
