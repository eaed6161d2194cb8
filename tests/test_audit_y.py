"""Audit 'y' (precision): blind labeled cases of setups a careful platform team got
right (tests/cases/y). Each test holds a minimal repository on which ecs-lint
reported something wrong; see the commit that added it for the evidence.
"""
import copy

import pytest

from conftest import ROLE, oidc_trust, oidc_workflow, workflow_findings, xref_sub_findings


ENV_JOB = oidc_workflow(environment="production")


def _allow_like_with_deny(allow_sub, deny_op, deny_sub):
    trust = oidc_trust("x")
    allow = trust["Statement"][0]
    allow["Condition"]["StringEquals"].pop("token.actions.githubusercontent.com:sub")
    allow["Condition"]["StringLike"] = {"token.actions.githubusercontent.com:sub": allow_sub}
    deny = copy.deepcopy(allow)
    deny["Effect"] = "Deny"
    deny["Condition"] = {deny_op: {"token.actions.githubusercontent.com:sub": deny_sub}}
    trust["Statement"].append(deny)
    return trust


def test_broader_than_used_subtracts_a_deny_that_leaves_only_the_used_subs(tmp_path):
    # Allow repo:myorg/app:* less a Deny of every sub but the production environment's:
    # the role admits exactly what the job sends (IAM: an explicit Deny wins)
    trust = _allow_like_with_deny("repo:myorg/app:*", "StringNotEquals",
                                  ["repo:myorg/app:environment:production"])
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": ENV_JOB}, trust) == []


def test_broader_than_used_witness_is_not_a_denied_sub(tmp_path):
    # repo:myorg/* less its pull requests is still broader, but the witness must be
    # a sub the role admits, not a pull_request sub the Deny refuses
    trust = _allow_like_with_deny("repo:myorg/*", "StringLike", "repo:myorg/*:pull_request")
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": ENV_JOB}, trust)
    assert [r for r, _, _ in found] == ["xref-sub-broader-than-used"]
    assert ":pull_request'" not in found[0][2]


MIGRATE = f"""\
    on:
      push:
        branches: [main]
    jobs:
      release:
        runs-on: ubuntu-latest
        environment: production
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
          - run: |
              task=$(aws ecs run-task --cluster prod --task-definition migrate \\
                --query 'tasks[0].taskArn' --output text)
              aws ecs wait tasks-stopped --cluster prod --tasks "$task"
              code=$(aws ecs describe-tasks --cluster prod --tasks "$task" \\
                --query 'tasks[0].containers[0].exitCode' --output text)
    CHECK
    """


def _migration_findings(check):
    text = MIGRATE.replace("    CHECK\n", "".join(f"              {line}\n"
                                                    for line in check.splitlines()))
    return [r for r, _ in workflow_findings(text) if r == "workflow-migration-unchecked"]


@pytest.mark.parametrize("check", [
    'case "$code" in\n  0) echo "migrations applied" ;;\n  *) echo "failed: $code"; exit 1 ;;\nesac',
    'case $code in 0) ;; *) exit 1 ;; esac',
    'case "$(aws ecs describe-tasks --cluster prod --tasks "$task" '
    '--query \'tasks[0].containers[0].exitCode\' --output text)" in\n'
    '  0) ;;\n  *) exit 1 ;;\nesac',
])
def test_migration_exit_code_checked_by_case_statement(check):
    # the case subject is the exit code tested against the patterns: a branch that
    # exits non-zero for anything but 0 fails the step
    assert _migration_findings(check) == []


@pytest.mark.parametrize("check", [
    'case "$code" in\n  0) echo ok ;;\n  *) echo "failed: $code" ;;\nesac',
    'case "$task" in\n  "") exit 1 ;;\nesac',
])
def test_migration_case_statement_without_a_failing_branch_stays_unchecked(check):
    assert _migration_findings(check) == ["workflow-migration-unchecked"]


DIGEST_OUTPUT = f"""\
    on:
      push:
        tags: ["v*"]
    jobs:
      build:
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        outputs:
          image: ${{{{ steps.push.outputs.image }}}}
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
          - id: ecr
            uses: aws-actions/amazon-ecr-login@v2
          - id: push
            env:
              REPO: ${{{{ steps.ecr.outputs.registry }}}}/api
            run: |
              docker build -t "$REPO:$GITHUB_SHA" .
              docker push "$REPO:$GITHUB_SHA"
              DIGEST_LINE
              echo "image=$ref" >> "$GITHUB_OUTPUT"
      deploy:
        needs: build
        runs-on: ubuntu-latest
        environment: production
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: task-definition.json
              container-name: api
              image: ${{{{ needs.build.outputs.image }}}}
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ${{{{ steps.render.outputs.task-definition }}}}
              cluster: prod
              service: api
              wait-for-service-stability: true
    """


@pytest.mark.parametrize("line", [
    """ref=$(docker inspect --format '{{index .RepoDigests 0}}' "$REPO:$GITHUB_SHA")""",
    """ref=`docker inspect --format='{{index .RepoDigests 0}}' "$REPO:$GITHUB_SHA"`""",
])
def test_image_printed_by_a_command_is_not_untagged(line):
    # the reference is whatever docker inspect prints (repo@sha256:...): ecs-lint
    # cannot tell its tag, so it must not call it untagged (`:latest`)
    text = DIGEST_OUTPUT.replace("DIGEST_LINE", line)
    assert [r for r, _ in workflow_findings(text) if r == "workflow-image-latest"] == []


def test_image_pin_of_a_command_substitution_is_unknown():
    from ecs_lint.rules.workflow import image_pin

    assert image_pin("$(docker inspect --format '{{index .RepoDigests 0}}' app:abc)") == \
        "unknown"
    assert image_pin("`cat image.txt`") == "unknown"
    assert image_pin("$REGISTRY/$(cat name.txt)") == "unknown"
    # a literal repository with no tag stays untagged
    assert image_pin("$REGISTRY/api") == "untagged"
