"""Audit of the real workflow corpus (/work/shared/corpus/workflows): what the
workflow rules say on excerpts of those files."""
import textwrap
from pathlib import Path

from conftest import SHARED as _SHARED
from test_workflow_rules import lint_text, rules_of

import pytest

# the shared folder beside the checkout (a worktree sits one level deeper)
SHARED = _SHARED if _SHARED.exists() else Path("/work/shared")


# thomasjamais/financial-helper deploy.yml: the only test step of the job the
# deploy needs runs with `continue-on-error: true`, so failing tests never stop it
CONTINUE_ON_ERROR_TESTS = """\
on:
  push:
    branches: [main]
jobs:
  build-and-test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Run tests
        run: pnpm test
        continue-on-error: {coe}
  deploy-ecs:
    needs: build-and-test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: |
          aws ecs update-service --cluster c --service s --task-definition td
"""


@pytest.mark.parametrize("coe, gated", [("true", False), ("false", True)])
def test_tests_that_continue_on_error_do_not_gate_a_deploy(coe, gated):
    found = rules_of(CONTINUE_ON_ERROR_TESTS.format(coe=coe))
    assert ("workflow-deploy-no-test-gate" not in found) is gated


def test_tests_that_continue_on_error_in_the_deploying_job_do_not_gate_it():
    text = """\
    on: {push: {branches: [main]}}
    jobs:
      deploy:
        environment: production
        steps:
          - run: pytest
            continue-on-error: true
          - run: aws ecs update-service --cluster c --service s --force-new-deployment
    """
    assert "workflow-deploy-no-test-gate" in rules_of(textwrap.dedent(text))


def test_a_job_named_test_whose_tests_continue_on_error_does_not_gate():
    # the job's name says test, but the tests it runs cannot fail it
    text = CONTINUE_ON_ERROR_TESTS.format(coe="true").replace("build-and-test", "test")
    assert "workflow-deploy-no-test-gate" in rules_of(text)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_corpus_financial_helper_is_not_gated_by_tests_that_continue_on_error():
    text = (SHARED / "corpus" / "workflows" / "thomasjamais__financial-helper__deploy.yml")
    assert ("workflow-deploy-no-test-gate", 112) in lint_text(text.read_text())


# configure-aws-credentials tests-integ-release.yml, job token-file: the job
# mints GitHub's OIDC token itself, writes it to a file and assumes the role
# with it, on pull_request_target
TOKEN_FILE = """\
on:
  {event}:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  token-file:
    permissions:
      id-token: {id_token}
    runs-on: ubuntu-latest
    steps:
      - name: fetch token and write to file
        uses: actions/github-script@v8
        with:
          script: |
            const idToken = await core.getIDToken("sts.amazonaws.com");
            require('fs').writeFileSync("token.txt", idToken);
      - name: get creds with that file
        uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-region: us-west-2
          role-to-assume: ${{{{ secrets.OIDC_integ_role }}}}
          web-identity-token-file: token.txt
"""


@pytest.mark.parametrize("event, rule", [
    ("pull_request_target", "workflow-oidc-untrusted-trigger"),
    ("pull_request", "workflow-oidc-on-pull-request"),
])
def test_a_token_file_filled_by_the_job_is_oidc_for_the_trigger_rules(event, rule):
    assert rule in rules_of(TOKEN_FILE.format(event=event, id_token="write"))
    # without id-token: write the file's token comes from elsewhere: not GitHub's
    assert rule not in rules_of(TOKEN_FILE.format(event=event, id_token="none"))


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_corpus_integ_release_token_file_job_on_pull_request_target():
    text = (SHARED / "corpus" / "workflows"
            / "aws-actions__configure-aws-credentials__tests-integ-release.yml").read_text()
    found = lint_text(text)
    assert ("workflow-oidc-untrusted-trigger", 227) in found


# aws-samples/aws-codedeploy-github-actions-deployment deploy.yml: the region
# placeholder `##region##` is a YAML comment, so AWS_REGION is null and the
# required aws-region input is empty
NULL_REGION = """\
on:
  workflow_dispatch: {{}}
env:
  AWS_REGION: {value}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: aws-actions/configure-aws-credentials@v1
        with:
          role-to-assume: ${{{{ secrets.IAMROLE_GITHUB }}}}
          aws-region: ${{{{ env.AWS_REGION }}}}
"""


@pytest.mark.parametrize("value, missing", [
    ("##region##", True), ("", True), ("''", True), ("eu-west-1", False),
    ("${{ vars.REGION }}", False),
])
def test_region_from_an_env_entry_without_value(value, missing):
    found = lint_text(NULL_REGION.format(value=value))
    assert (("workflow-aws-region-missing", 15) in found) is missing


def test_region_env_set_by_an_earlier_step_is_not_missing():
    text = NULL_REGION.format(value="").replace(
        "    steps:\n", "    steps:\n      - run: echo \"AWS_REGION=eu-west-1\" >> $GITHUB_ENV\n")
    assert "workflow-aws-region-missing" not in rules_of(text)


def test_region_from_an_env_variable_no_block_sets_is_empty():
    # the env context holds only what the workflow sets (env: blocks, $GITHUB_ENV),
    # not the runner's own environment (stop 22, set cv)
    text = NULL_REGION.format(value="eu-west-1").replace("env.AWS_REGION", "env.OTHER")
    assert "workflow-aws-region-missing" in rules_of(text)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_corpus_codedeploy_sample_region_is_empty():
    text = (SHARED / "corpus" / "workflows"
            / "aws-samples__aws-codedeploy-github-actions-deployment__deploy.yml").read_text()
    found = [f for f in lint_text(text) if f[0] == "workflow-aws-region-missing"]
    assert found == [("workflow-aws-region-missing", 27), ("workflow-aws-region-missing", 59)]


# the names of application secrets: `ECR` inside `SECRET` made every *SECRET*
# name look like a CI secret (ECR repository), so none was ever reported
APP_SECRETS = """\
on: workflow_dispatch
jobs:
  migrate:
    environment: stage
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@0123456789abcdef0123456789abcdef01234567
        with:
          aws-region: eu-central-1
          role-to-assume: ${{{{ vars.ROLE }}}}
      - run: |
          cat > .env <<EOF
          X=${{{{ secrets.{name} }}}}
          EOF
"""


@pytest.mark.parametrize("name, reported", [
    ("SECRET_KEY_BASE", True), ("JWT_SECRET", True), ("CLIENT_SECRET", True),
    ("APP_SECRET", True), ("DJANGO_SECRET_KEY", True),
    ("DB_PASSWORD", True),
    ("ECR_REPOSITORY", False), ("AWS_ECR_REGISTRY", False), ("ECS_CLUSTER", False),
    ("AWS_SECRET_ACCESS_KEY", False),
])
def test_secret_names_are_app_secrets_despite_ecr_inside_secret(name, reported):
    found = rules_of(APP_SECRETS.format(name=name))
    assert ("workflow-app-secret-in-github" in found) is reported


# stochaideas/animalert-open build-migrate-deploy-stage.yml writes
# NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY from secrets.STAGE_CLERK_PUBLISHABLE_KEY: a
# publishable key (pk_...) is shipped to browsers by design, not a secret
@pytest.mark.parametrize("name, reported", [
    ("STAGE_CLERK_PUBLISHABLE_KEY", False), ("STRIPE_PUBLISHABLE_KEY", False),
    ("CLERK_SECRET_KEY", True), ("STRIPE_SECRET_KEY", True), ("GOOGLE_MAPS_API_KEY", True),
])
def test_publishable_keys_are_not_app_secrets(name, reported):
    found = rules_of(APP_SECRETS.format(name=name))
    assert ("workflow-app-secret-in-github" in found) is reported
