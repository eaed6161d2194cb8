"""workflow-image-latest for a job that only restarts its service with `aws
ecs update-service --force-new-deployment` and registers no task definition:
the service runs its revision again, so of the tags the job pushes only a
moving one reaches it, and a `:latest` push is reported even beside the
commit's tag (which no revision names)."""
import pytest

from conftest import workflow_findings

JOB = """\
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - run: |
          IMAGE=123456789012.dkr.ecr.eu-west-1.amazonaws.com/api
          docker build -t "$IMAGE:$GITHUB_SHA" -t "$IMAGE:%(second)s" .
          docker push "$IMAGE:$GITHUB_SHA"
          docker push "$IMAGE:%(second)s"
      - run: |
%(deploy)s
"""
RESTART = "          aws ecs update-service --cluster main --service api --force-new-deployment"
REGISTER = """\
          aws ecs register-task-definition --cli-input-json file://td.json
          aws ecs update-service --cluster main --service api --task-definition api"""


def latest(second, deploy):
    text = JOB % {"second": second, "deploy": deploy}
    return [(rule, line) for rule, line in workflow_findings(text)
            if rule == "workflow-image-latest"]


def test_a_restart_deploys_the_latest_tag_it_pushes():
    # reported at the restart, where the fix goes: the job pushes a sha tag
    # of the repository too (ld/09)
    text = JOB % {"second": "latest", "deploy": RESTART}
    restart = next(n for n, line in enumerate(text.splitlines(), 1)
                   if "--force-new-deployment" in line)
    assert latest("latest", RESTART) == [("workflow-image-latest", restart)]


def test_a_restart_of_a_latest_only_push_is_reported_at_the_push():
    text = JOB % {"second": "latest", "deploy": RESTART}
    only_latest = text.replace('docker push "$IMAGE:$GITHUB_SHA"', "true")
    push = only_latest.splitlines().index('          docker push "$IMAGE:latest"') + 1
    assert [(r, n) for r, n in workflow_findings(only_latest)
            if r == "workflow-image-latest"] == [("workflow-image-latest", push)]


@pytest.mark.parametrize("second, deploy", [
    ("main", RESTART),        # a moving tag, but not latest
    ("latest", REGISTER),     # a new revision: the register names the image
    ("latest", RESTART.replace(" --force-new-deployment", " --desired-count 2")),
])
def test_near_misses(second, deploy):
    assert latest(second, deploy) == []
