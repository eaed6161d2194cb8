"""Audit 'aq': the workflow rules on large workflows modeled on public
repositories that deploy to ECS (tests/cases/aq).

Each test holds a minimal workflow on which ecs-lint reported something wrong
(see the commit that added it for the evidence).
"""

from conftest import workflow_findings

META_LATEST = """\
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
  deploy:
    needs: test
    if: {job_if}
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/deploy
          aws-region: eu-west-1
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/api
          tags: |
            type=sha,format=long,prefix=
            type=raw,value=latest,enable={{{{is_default_branch}}}}
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/api.json
          container-name: api
          image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:${{{{ steps.meta.outputs.version }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          cluster: prod
          service: api
          wait-for-service-stability: true
"""


def test_metadata_default_branch_tag_in_a_job_kept_to_pushes():
    # The workflow also runs on pull_request, but the job's if: keeps it to
    # pushes (to main): there {{is_default_branch}} is true, so the raw latest
    # tag (priority 200) outranks the sha tag (100) and version is `latest`.
    rules = [r for r, _ in workflow_findings(META_LATEST.format(
        job_if="github.event_name == 'push'"))]
    assert "workflow-image-latest" in rules


def test_metadata_default_branch_tag_unknown_when_the_job_also_runs_on_prs():
    # On a pull request the latest tag is off and version is the SHA: a job
    # that runs on both events is not judged (unchanged behaviour).
    rules = [r for r, _ in workflow_findings(META_LATEST.format(job_if="true"))]
    assert "workflow-image-latest" not in rules


KEYS_OTHER_INPUTS = """\
on:
  push:
    branches: [main]
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: kciter/aws-ecr-action@v4
        with:
          access_key_id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          secret_access_key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          account_id: ${{ secrets.AWS_ACCOUNT_ID }}
          repo: api
          region: eu-west-1
      - uses: docker/login-action@v3
        with:
          registry: 111122223333.dkr.ecr.eu-west-1.amazonaws.com
          username: ${{ secrets.PROD_AWS_ACCESS_KEY_ID }}
          password: ${{ secrets.PROD_AWS_SECRET_ACCESS_KEY }}
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
"""


def test_key_secrets_passed_to_inputs_of_other_names():
    # kciter/aws-ecr-action takes the key pair as access_key_id /
    # secret_access_key, docker/login-action as username / password (its README's
    # ECR example): the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY secrets are
    # long-lived keys whatever the input is called. Docker Hub credentials are not.
    found = workflow_findings(KEYS_OTHER_INPUTS)
    assert [l for r, l in found if r == "workflow-static-aws-keys"] == [10, 18]


MERGE_QUEUE = """\
on:
  merge_group:
    types: [checks_requested]
permissions:
  id-token: write
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/ecr-push
          aws-region: eu-west-1
      - run: echo "queue ${{ github.event.merge_group.head_ref }} at ${{ github.event.merge_group.head_sha }}"
      - run: echo "${{ github.event.merge_group.head_commit.message }}"
      - run: echo "${{ github.event.merge_group.head_commit.author.name }}"
"""


def test_merge_group_head_commit_text_is_injectable():
    # A merge group's head commit is the queue's merge commit, whose message
    # (and, for a squash, author) comes from the queued pull requests, like
    # a push's head_commit: its message and author name are pull-request
    # authors' text. Its head_ref and head_sha are GitHub's.
    found = workflow_findings(MERGE_QUEUE)
    assert [l for r, l in found if r == "workflow-template-injection"] == [15, 16]
