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
