"""workflow-image-latest: pushes by retagging (`aws ecr put-image`, `crane
tag`), and metadata-action's default-branch tags read where the deploying
job runs."""
import pytest

from conftest import workflow_findings

RETAG = """\
on: {push: {branches: [main]}}
jobs:
  promote:
    runs-on: ubuntu-latest
    steps:
      - run: |
%s
          aws ecs update-service --cluster c --service s --force-new-deployment
"""
_MANIFEST = ("          M=$(aws ecr batch-get-image --repository-name app --image-ids "
             "imageTag=$GITHUB_SHA --query 'images[0].imageManifest' --output text)\n")


@pytest.mark.parametrize("script, latest", [
    (_MANIFEST + '          aws ecr put-image --repository-name app --image-tag latest '
     '--image-manifest "$M"', True),
    ('          crane tag "$REGISTRY/app:$GITHUB_SHA" latest', True),
    # the commit's tag pushed beside it: a restart (`--force-new-deployment`, no
    # new task definition) still deploys the moving tag, which no revision pins
    ('          docker push "$REGISTRY/app:$GITHUB_SHA"\n' + _MANIFEST
     + '          aws ecr put-image --repository-name app --image-tag latest '
       '--image-manifest "$M"', True),
    (_MANIFEST + '          aws ecr put-image --repository-name app --image-tag "v$GITHUB_RUN_ID" '
     '--image-manifest "$M"', False),
])
def test_a_retag_is_a_push_of_that_tag(script, latest):
    found = [r for r, _ in workflow_findings(RETAG % script) if r == "workflow-image-latest"]
    assert bool(found) == latest


META = """\
on:
  push:
    branches: [main]
    tags: ['v*']
jobs:
  image:
    runs-on: ubuntu-latest
    outputs:
      version: ${{ steps.meta.outputs.version }}
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: 1.dkr.ecr.us-east-1.amazonaws.com/app
          tags: |
            type=raw,value=latest,enable={{is_default_branch}}
            type=sha
  deploy:
    needs: image
    runs-on: ubuntu-latest
%s    steps:
      - id: td
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: app
          image: 1.dkr.ecr.us-east-1.amazonaws.com/app:${{ needs.image.outputs.version }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: "${{ steps.td.outputs.task-definition }}", service: s,
               cluster: c, wait-for-service-stability: true}
"""


@pytest.mark.parametrize("if_, latest", [
    ("    if: github.ref == 'refs/heads/main'\n", True),  # only main: the version is latest
    ("    if: github.event_name == 'push' && github.ref_name == 'main'\n", True),
    ("", False),  # tags too: the version is not known for every run
])
def test_the_deploying_jobs_branch_decides_is_default_branch(if_, latest):
    found = [r for r, _ in workflow_findings(META % if_) if r == "workflow-image-latest"]
    assert bool(found) == latest
