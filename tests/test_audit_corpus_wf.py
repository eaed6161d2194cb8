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
