"""Audit 'cases-b': blind labeled cases written from RULES.md, then probed around
them. Each test holds the minimal excerpt where ecs-lint was wrong.
"""
import shlex

import pytest

from ecs_lint.workflow_model import _argv_runs_tests

# A job running the framework's own test command is a test gate: Rails
# (`bin/rails test`, the `rails new` CI runs `bin/rails db:test:prepare test
# test:system`), Laravel (`php artisan test`), Composer scripts (`composer test`
# is `composer run-script test`), Pest, and runners called by a `./` path
# (`./vendor/bin/phpunit`, `./node_modules/.bin/jest`, `./bin/rspec`). Without
# them a clean Rails or Laravel deploy got workflow-deploy-no-test-gate.
TEST_COMMANDS = [
    "bin/rails test",
    "./bin/rails test",
    "bundle exec rails test",
    "bin/rails db:test:prepare test test:system",
    "bin/rails test:system",
    "php artisan test --parallel",
    "composer test",
    "composer run-script test",
    "vendor/bin/pest",
    "./vendor/bin/phpunit",
    "./node_modules/.bin/jest --ci",
    "./bin/rspec",
    "./mvnw -B verify",
    "./gradlew check",
]

NOT_TEST_COMMANDS = [
    "bin/rails db:migrate",
    "bin/rails assets:precompile",
    "php artisan migrate --force",
    "composer install --no-dev",
    "composer run-script build",
    "./vendor/bin/phpstan analyse",
    "./node_modules/.bin/eslint .",
]


@pytest.mark.parametrize("cmd", TEST_COMMANDS)
def test_framework_test_commands_are_tests(cmd):
    assert _argv_runs_tests(shlex.split(cmd))


@pytest.mark.parametrize("cmd", NOT_TEST_COMMANDS)
def test_other_framework_commands_are_not_tests(cmd):
    assert not _argv_runs_tests(shlex.split(cmd))


# --- workflow-static-aws-keys --------------------------------------------------

from conftest import workflow_findings  # noqa: E402


def findings(text):
    """(rule, line) of every single-file workflow finding on a workflow text."""
    return workflow_findings(text)


LOCALSTACK = """\
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      localstack:
        image: localstack/localstack:3.8
    env:
      AWS_ACCESS_KEY_ID: {key}
      AWS_SECRET_ACCESS_KEY: {secret}
      AWS_DEFAULT_REGION: us-east-1
    steps:
      - run: pytest
"""


def test_emulator_dummy_keys_in_env_are_not_long_lived_keys():
    # `test`/`testing` for LocalStack or moto is not an IAM key (an access key id
    # is 16 to 128 characters, a secret key 40): nothing leaks, nothing to rotate.
    for key, secret in (("test", "test"), ("testing", "testing"), ("minioadmin", "minioadmin")):
        got = findings(LOCALSTACK.replace("{key}", key).replace("{secret}", secret))
        assert not [f for f in got if f[0] == "workflow-static-aws-keys"], (key, got)


def test_literal_keys_in_env_are_still_long_lived_keys():
    got = findings(LOCALSTACK.replace("{key}", "AKIAIOSFODNN7EXAMPLE")
                   .replace("{secret}", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
    assert ("workflow-static-aws-keys", 11) in got


def test_emulator_dummy_key_input_is_not_a_long_lived_key():
    text = """\
    on: push
    jobs:
      t:
        runs-on: ubuntu-latest
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              aws-access-key-id: test
              aws-secret-access-key: test
              aws-region: us-east-1
          - run: pytest
    """
    assert not [f for f in findings(text) if f[0] == "workflow-static-aws-keys"]
