"""Audit 'ae': GitHub Actions deploy workflows as public repositories write
them (tests/cases/ae).

Each test holds a minimal workflow on which ecs-lint reported something wrong
(see the commit that added it for the evidence).
"""

import pytest
from conftest import workflow_findings

GATED = """\
name: release
on:
  push:
    branches: [main]
permissions:
  contents: read
  id-token: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {command}
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/deploy
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/app.json
          cluster: prod
          service: app
          wait-for-service-stability: true
"""


def _gate_findings(command):
    return [r for r, _ in workflow_findings(GATED.format(command=command))
            if r == "workflow-deploy-no-test-gate"]


@pytest.mark.parametrize("command", [
    "./mvnw -B -DskipTests verify",          # Surefire skips the test run
    "mvn -B -Dmaven.test.skip=true install",  # tests neither compiled nor run
    "./mvnw -B verify -DskipTests=true",
    "./gradlew build -x test",               # the test task is excluded
    "./gradlew --exclude-task=test build",
    "gradle build -x check",                 # check (and the test it needs) excluded
])
def test_build_told_to_skip_tests_is_no_test_gate(command):
    assert _gate_findings(command) == ["workflow-deploy-no-test-gate"]


@pytest.mark.parametrize("command", [
    "./mvnw -B clean package",   # Maven runs validate, compile, test, then package
    "mvn -B deploy",
    "mvn -B -DskipTests=false install",
    "mvn -B -DskipITs verify",   # only the integration tests are skipped
    "./gradlew build -x :docs:test",  # one project's tests excluded, the others run
    "bats test/",                # Bash Automated Testing System
])
def test_build_that_runs_tests_gates_the_deploy(command):
    assert _gate_findings(command) == []
