"""Audit 'cases-d': blind labeled workflow cases written from RULES.md and
GitHub's documented behaviour, then probed around them. Each test holds the
minimal excerpt where ecs-lint was wrong.
"""
import textwrap

from conftest import workflow_findings


def findings(text, rule=None):
    """(rule, line) of every single-file workflow finding on a workflow text."""
    return [f for f in workflow_findings(text) if rule is None or f[0] == rule]


# --- workflow-oidc-on-pull-request: `if:` on github.ref -----------------------

# On a `pull_request` run github.ref is refs/pull/N/merge and github.ref_name
# N/merge, so a job whose `if:` requires a branch or tag ref never runs for a
# pull request (the usual `if: github.ref == 'refs/heads/main'` in an
# `on: [push, pull_request]` workflow). The one exception GitHub documents: a
# merged pull request's `closed` event carries the base branch's ref.
REF_IF = """\
on: {on}
permissions:
  contents: read
  id-token: write
jobs:
  deploy:
    if: {cond}
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/app-deploy
          aws-region: us-east-1
"""

EXCLUDES_PR = [
    "github.ref == 'refs/heads/main'",
    "${{ github.ref == 'refs/heads/main' }}",
    "'refs/heads/main' == github.ref",
    "github.ref_name == 'main'",
    "startsWith(github.ref, 'refs/tags/v')",
    "github.ref == 'refs/heads/main' && vars.DEPLOY == 'true'",
    "github.event_name == 'workflow_dispatch' || github.ref == 'refs/heads/main'",
]

KEEPS_PR = [
    "github.event.pull_request.head.repo.full_name == github.repository",
    "github.ref != 'refs/heads/main'",
    "startsWith(github.ref, 'refs/pull/')",
    "github.ref == 'refs/heads/main' || github.event_name == 'pull_request'",
    "!(github.ref == 'refs/heads/main')",
]


def _pr_findings(on, cond):
    text = REF_IF.replace("{on}", on).replace("{cond}", f'"{cond}"')
    return findings(text, "workflow-oidc-on-pull-request")


def test_ref_condition_keeps_job_off_pull_request():
    for cond in EXCLUDES_PR:
        assert _pr_findings("[push, pull_request]", cond) == [], cond


def test_conditions_that_pull_requests_can_pass_still_report():
    for cond in KEEPS_PR:
        assert _pr_findings("[push, pull_request]", cond), cond


def test_merged_pull_request_closed_event_has_the_base_ref():
    on = "{pull_request: {types: [closed]}}"
    assert _pr_findings(on, "github.ref == 'refs/heads/main'")


# --- workflow-deploy-no-test-gate: job-level continue-on-error -----------------

# `continue-on-error: true` on a job: GitHub reports it to the jobs that need it
# as `success` even when it failed (needs.<id>.result is 'success'), so a deploy
# that needs it runs after failing tests, as with a test step's own
# continue-on-error. An expression (`${{ matrix.experimental }}`) is not always true.
GATE = """\
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    continue-on-error: {coe}
    steps:
      - uses: actions/checkout@v4
      - run: pytest
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/app-deploy
          aws-region: us-east-1
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


def test_test_job_that_continues_on_error_does_not_gate():
    got = findings(GATE.replace("{coe}", "true"), "workflow-deploy-no-test-gate")
    assert got == [("workflow-deploy-no-test-gate", 11)]


def test_test_job_that_fails_normally_gates():
    for coe in ("false", "${{ matrix.experimental == true }}"):
        assert findings(GATE.replace("{coe}", coe), "workflow-deploy-no-test-gate") == [], coe


# --- workflow-image-latest: docker/metadata-action outputs ----------------------

# docker/metadata-action's `tags` output is every image joined with every tag
# its `tags` input makes (`type=raw,value=latest` -> latest, `type=sha` ->
# sha-<commit>), and `version` the tag of highest priority (sha 100, raw 200):
# deploying either output deploys what those entries say.
META = """\
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
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/app-deploy
          aws-region: us-east-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ${{ steps.ecr.outputs.registry }}/app
          tags: {tags}
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ${{ steps.meta.outputs.tags }}
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ops/td.json
          container-name: app
          image: {image}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: c
          service: s
          wait-for-service-stability: true
"""


def _meta(tags, image):
    text = META.replace("{tags}", tags).replace("{image}", image)
    return findings(text, "workflow-image-latest")


def test_metadata_action_latest_tag_is_followed():
    assert _meta("type=raw,value=latest", "${{ steps.meta.outputs.tags }}")
    assert _meta("latest", "${{ steps.meta.outputs.tags }}")
    # version is the highest-priority tag: raw (200) before sha (100)
    assert _meta('"type=sha\\ntype=raw,value=latest"',
                 "${{ steps.ecr.outputs.registry }}/app:${{ steps.meta.outputs.version }}")


def test_metadata_action_sha_tag_is_pinned():
    assert not _meta("type=sha,format=long", "${{ steps.meta.outputs.tags }}")
    assert not _meta("type=sha", "${{ steps.ecr.outputs.registry }}/app:${{ steps.meta.outputs.version }}")
    # a branch-name tag (the default entries) is not reported either way
    assert not _meta("type=ref,event=branch", "${{ steps.meta.outputs.tags }}")


# --- xref-permission-missing: every denied resource, and a readable message ------

# One finding per role and action points at the policy; when several steps need
# the action on different resources (a matrix of services, two workflows), the
# finding must name them all, or fixing the one it names leaves the next deploy
# failing with AccessDenied. The deploy action's reasons must read as a noun in
# "which <reason> in job 'x' needs".
def test_permission_missing_names_every_denied_resource(tmp_path):
    import json

    from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow

    wf = oidc_workflow(ROLE, "production", steps="""\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              cluster: main
              service: api-${{ matrix.svc }}
              wait-for-service-stability: true
    """).replace("    runs-on: ubuntu-latest",
                 "    runs-on: ubuntu-latest\n        strategy:\n          matrix:\n"
                 "            svc: [web, worker]")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(wf))
    (tmp_path / "td.json").write_text(json.dumps(
        {"family": "api", "containerDefinitions": [{"name": "api", "image": "x:1"}]}))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(
        oidc_trust("repo:myorg/app:environment:production")))
    (tmp_path / "iam" / "perm.json").write_text(json.dumps({
        "Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition"], "Resource": "*"},
            {"Effect": "Allow", "Action": "ecs:UpdateService",
             "Resource": "arn:aws:ecs:eu-west-1:123456789012:service/main/*"}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n"
        f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/perm.json]\n')
    got = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]
    assert len(got) == 1, [f.message for f in got]
    text = got[0].message + " " + (got[0].help or "")
    for svc in ("api-web", "api-worker"):
        assert f"service/main/{svc}" in got[0].help, text
    assert "which amazon-ecs-deploy-task-definition describes" not in got[0].message, text
