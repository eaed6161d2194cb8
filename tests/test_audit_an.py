"""Audit 'an' (precision): setups a careful team got right, where ecs-lint
reported a finding that cannot happen. Each test holds a case where ecs-lint
was wrong (see the commit that added it for the evidence)."""
from conftest import lint_folder

CONFIG = """\
github:
  repository: quillhq/ledger
  owners: [quillhq]
roles:
  "arn:aws:iam::846201937752:role/ledger-ci":
    trust: trust.json
"""

TRUST = """\
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::846201937752:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": %s}
    }
  }]
}
"""

ROLE_STEPS = """\
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::846201937752:role/ledger-ci
          aws-region: us-west-2
"""


def _subs(tmp_path, sub, workflow):
    (tmp_path / ".ecs-lint.yaml").write_text(CONFIG)
    (tmp_path / "trust.json").write_text(TRUST % sub)
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "ci.yml").write_text(workflow)
    return [(f.rule, f.message) for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub-")]


# --- merge_group: the branches filter names the merge group's base branch ----

MERGE_GROUP = """\
name: ci
on:
  merge_group:
    types: [checks_requested]
    branches: %s
jobs:
  integration:
    runs-on: ubuntu-latest
""" + ROLE_STEPS


def test_merge_group_branches_filter_narrows_the_queue_refs(tmp_path):
    # GitHub runs a merge_group workflow only for merge groups whose base branch
    # the filter admits; their GITHUB_REF is refs/heads/gh-readonly-queue/BASE/pr-N-SHA
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/heads/gh-readonly-queue/main/*"',
                  MERGE_GROUP % "[main]")
    assert found == []


def test_merge_group_branches_filter_still_refuses_another_base(tmp_path):
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/heads/gh-readonly-queue/main/*"',
                  MERGE_GROUP % "[main, 'release/**']")
    assert [r for r, _ in found] == ["xref-sub-not-admitted"]
    assert "gh-readonly-queue/release/" in found[0][1]


def test_merge_group_trust_broader_than_the_filtered_base(tmp_path):
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/heads/gh-readonly-queue/*"',
                  MERGE_GROUP % "[main]")
    assert [r for r, _ in found] == ["xref-sub-broader-than-used"]


# --- a job whose needed job is skipped is skipped too ------------------------

RELEASE = """\
name: release
on:
  release:
    types: [published]
jobs:
  verify:
    if: %s
    runs-on: ubuntu-latest
    steps:
      - run: cargo test
  image:
    needs: verify
%s    runs-on: ubuntu-latest
""" + ROLE_STEPS


def test_ref_test_of_a_needed_job_narrows_the_subs(tmp_path):
    # `image` has no `if:` of its own: GitHub skips it when `verify` was skipped
    # (a release whose tag does not start with v), so it only runs on refs/tags/v*
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/tags/v*"',
                  RELEASE % ("startsWith(github.ref, 'refs/tags/v')", ""))
    assert found == []


def test_needed_job_does_not_narrow_a_job_that_runs_always(tmp_path):
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/tags/v*"',
                  RELEASE % ("startsWith(github.ref, 'refs/tags/v')", "    if: always()\n"))
    assert [r for r, _ in found] == ["xref-sub-not-admitted"]


EVENTS = """\
name: ci
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
  build:
    needs: test
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - run: docker build .
  publish:
    needs: build
    runs-on: ubuntu-latest
""" + ROLE_STEPS


def test_event_test_of_a_needed_job_keeps_pull_requests_out(tmp_path):
    # `publish` needs `build`, which never runs on pull_request: neither does
    # `publish`, so it never sends the pull_request sub
    found = _subs(tmp_path, '"repo:quillhq/ledger:ref:refs/heads/main"', EVENTS)
    assert found == []
