"""docker/metadata-action entries whose tag depends on the run's ref (jk/08):
on a push to a branch `type=semver` gives nothing, so a raw `latest` is the
version; on a tag push the semver version wins."""
import textwrap

import pytest

from conftest import workflow_findings
from ecs_lint import workflow_model as wm

WORKFLOW = """\
on:
  push:
{filters}
jobs:
  ship:
    runs-on: ubuntu-latest
    environment: production
    permissions: {{id-token: write, contents: read}}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {{role-to-assume: "arn:aws:iam::123456789012:role/d", aws-region: us-east-1}}
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web
          tags: |
{tags}
      - uses: docker/build-push-action@v6
        with: {{push: true, tags: "${{{{ steps.meta.outputs.tags }}}}"}}
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: web
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${{{{ steps.meta.outputs.version }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          service: web
          cluster: main
          wait-for-service-stability: true
"""


def _latest(filters, tags):
    text = WORKFLOW.format(filters=textwrap.indent(filters, "    "),
                           tags=textwrap.indent(tags, "            "))
    return [m for rule, _, m in workflow_findings(text, messages=True)
            if rule == "workflow-image-latest"]


SEMVER = "type=semver,pattern={{version}}\ntype=raw,value=latest\ntype=sha"


def test_a_branch_push_deploys_the_raw_latest():
    found = _latest("branches: [main]\ntags: ['v*']", SEMVER)
    assert len(found) == 1 and "on push to a branch" in found[0]


@pytest.mark.parametrize("filters, tags", [
    ("tags: ['v*']", SEMVER),  # only tag pushes: the version is the tag's
    ("branches: [main]", "type=ref,event=branch\ntype=raw,value=latest"),  # the branch name
    ("branches: [main]", "type=semver,pattern={{version}},value=1.2.3\ntype=raw,value=latest"),
])
def test_near_misses(filters, tags):
    assert _latest(filters, tags) == []


def test_a_tag_ref_entry_on_branch_pushes_leaves_latest():
    found = _latest("branches: [main]", "type=ref,event=tag\ntype=raw,value=latest")
    assert len(found) == 1  # every run of the workflow: no "on ..."


@pytest.mark.parametrize("kind, attrs, facts, tag", [
    ("semver", {}, {"ref_type": ("==", "tag")}, wm._RUN_TAG),
    ("semver", {}, {"ref_type": ("==", "branch")}, ""),
    ("semver", {}, {}, None),
    ("ref", {"event": "pr"}, {"ref_type": ("==", "pr")}, wm._RUN_TAG),
    ("ref", {"event": "branch"}, {"ref_type": ("==", "pr")}, ""),
    ("ref", {"event": "weird"}, {"ref_type": ("==", "branch")}, None),
    ("schedule", {}, {"event_name": ("==", "schedule")}, wm._RUN_TAG),
    ("schedule", {}, {"event_name": ("==", "push")}, ""),
    ("schedule", {}, {"event_name": ("!=", "push")}, None),
    ("edge", {}, {"ref_type": ("==", "tag")}, None),
])
def test_ref_tags(kind, attrs, facts, tag):
    assert wm._ref_tag(kind, attrs, facts, None) == tag


def test_edge_needs_the_default_branch():
    facts = {"ref_type": ("==", "branch")}
    assert wm._ref_tag("edge", {}, facts, True) == "edge"
    assert wm._ref_tag("edge", {}, facts, False) == ""
    assert wm._ref_tag("edge", {}, facts, None) is None
