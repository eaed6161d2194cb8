"""workflow-image-latest through `docker buildx bake` (jk/04): the tags of
the targets it pushes come from the bake file, a variable's default unless
the step's env sets it."""
import textwrap

import pytest

from conftest import lint_files

BAKE = """\
variable "TAG" {
  default = "latest"
}
group "default" {
  targets = ["api"]
}
target "api" {
  tags = ["123456789012.dkr.ecr.us-east-1.amazonaws.com/api:${TAG}"]
}
"""
WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions: {id-token: write, contents: read}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/d", aws-region: us-east-1}
      - %s
      - run: aws ecs update-service --cluster c --service api --force-new-deployment
"""


@pytest.mark.parametrize("step, line", [
    ("run: docker buildx bake --push", 10),
    ("uses: docker/bake-action@v5\n        with: {push: true}", 11),
    # near misses: the tag is the commit, or nothing is pushed
    ("run: docker buildx bake --push\n        env: {TAG: '${{ github.sha }}'}", None),
    ("run: docker buildx bake --load", None),
])
def test_bake_pushes(tmp_path, step, line):
    files = {"docker-bake.hcl": BAKE, ".github/workflows/deploy.yml": WORKFLOW % step}
    found = [f.span.line for f in lint_files(tmp_path, files) if f.rule == "workflow-image-latest"]
    assert found == ([line] if line else [])
