"""Workflow permissions and credentials (set jd): step `if:`s read per matrix
row for the id-token check, service container env keys, the S3 backend's keys
given to `terraform init`, and `needs.X.result != 'skipped'` as a test gate."""
import pytest

from conftest import workflow_findings
from ecs_lint import shell

ROLE_STEP_OFF = """\
on: {push: {branches: [main]}}
permissions: {contents: read}
jobs:
  smoke:
    runs-on: ubuntu-latest
    steps:
      - run: ./bin/smoke
      - if: %s
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/cdn
          aws-region: us-east-1
"""


@pytest.mark.parametrize("cond, fires", [
    ("${{ false }}", False),
    ("false", False),
    ("${{ github.ref == 'refs/heads/main' && false }}", False),
    ("${{ true }}", True),
    ("${{ github.ref == 'refs/heads/main' }}", True),  # not known: it may run
    ("${{ always() || false }}", True),
])
def test_a_role_step_that_never_runs_needs_no_token(cond, fires):
    found = [r for r, _ in workflow_findings(ROLE_STEP_OFF % cond)
             if r == "workflow-id-token-missing"]
    assert bool(found) == fires


MATRIX_KEYS = """\
on: {push: {branches: [main]}}
permissions: read-all
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - {region: us-east-1, auth: %s, role: "arn:aws:iam::123456789012:role/d"}
          - {region: ap-southeast-2, auth: keys}
    steps:
      - if: matrix.auth == 'keys'
        uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: ${{ matrix.region }}
      - if: matrix.auth == 'oidc'
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ matrix.role }}
          aws-region: ${{ matrix.region }}
"""


def test_keys_of_one_matrix_row_do_not_excuse_another():
    rules = [r for r, _ in workflow_findings(MATRIX_KEYS % "oidc")]
    assert "workflow-id-token-missing" in rules


def test_no_row_runs_the_role_step_without_keys():
    # every row has keys, and no row runs the OIDC step at all
    rules = [r for r, _ in workflow_findings(MATRIX_KEYS % "keys")]
    assert "workflow-id-token-missing" not in rules


def test_an_unknown_key_step_condition_still_excuses():
    text = (MATRIX_KEYS % "oidc").replace("if: matrix.auth == 'keys'",
                                          "if: vars.LEGACY_KEYS == 'yes'")
    assert "workflow-id-token-missing" not in [r for r, _ in workflow_findings(text)]


def test_a_row_without_the_key_is_null_not_unknown():
    # the whole row has no `auth`: `matrix.auth == 'keys'` is false in it
    text = (MATRIX_KEYS % "oidc").replace("auth: oidc, ", "").replace(
        "if: matrix.auth == 'oidc'", "if: matrix.auth != 'keys'")
    assert "workflow-id-token-missing" in [r for r, _ in workflow_findings(text)]


def test_step_if_values():
    from ecs_lint import workflow_model as wm

    wf = wm.read_workflow({"jobs": {"j": {"strategy": {"matrix": {"a": ["x", True]}},
                                          "steps": [{"if": "matrix.a == 'X'"},
                                                    {"if": "matrix.a != 'x' && false"},
                                                    {"if": ["not", "a", "string"]},
                                                    {}]}}})
    job = wf.jobs["j"]
    rows = job.matrix_rows()
    assert [wm.step_if(job.steps[0], job, r) for r in rows] == [True, None]  # (bool: types)
    assert [wm.step_if(job.steps[1], job, r) for r in rows] == [False, False]
    assert wm.step_if(job.steps[2], job) is None
    assert wm.step_if(job.steps[3], job) is True


SERVICE = """\
on: {push: {branches: [main]}}
jobs:
  integration:
    runs-on: ubuntu-latest
    services:
      otel:
        image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0
        env:
          AWS_ACCESS_KEY_ID: %s
      broken: not-a-mapping
      db: {image: postgres:16, env: [not, a, mapping]}
    steps:
      - run: ./gradlew integrationTest
"""


def test_service_container_env_keys():
    found = workflow_findings(SERVICE % "${{ secrets.CI_AWS_ACCESS_KEY_ID }}", messages=True)
    (hit,) = [f for f in found if f[0] == "workflow-static-aws-keys"]
    assert hit[1] == 9 and "service container 'otel'" in hit[2]


def test_service_container_env_without_keys():
    found = workflow_findings(SERVICE % "${{ steps.creds.outputs.aws-access-key-id }}")
    assert "workflow-static-aws-keys" not in [r for r, _ in found]


TERRAFORM = """\
on: {push: {branches: [main]}}
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: >-
          terraform init -input=false
          -backend-config="bucket=state"
          %s
"""


@pytest.mark.parametrize("setting, fires", [
    ('-backend-config="access_key=${{ secrets.TFSTATE_KEY_ID }}"', True),
    ('-backend-config "secret_key=${{ secrets.TFSTATE_SECRET }}"', True),
    ("--backend-config=access_key=AKIAIOSFODNN7EXAMPLE", True),
    ('-backend-config="key=app/prod.tfstate"', False),
    ('-backend-config="access_key=test"', False),  # a local emulator's
    ('-backend-config="access_key=${{ steps.creds.outputs.key }}"', False),
])
def test_terraform_backend_keys(setting, fires):
    found = workflow_findings(TERRAFORM % setting)
    hits = [line for r, line in found if r == "workflow-static-aws-keys"]
    assert hits == ([9] if fires else [])


def test_option_values_single_dash_long_names():
    argv = ["terraform", "init", "-backend-config=a=1", "-backend-config", "b=2",
            "--backend-config=c=3", "-t=x"]
    assert shell.option_values(argv, ("-backend-config", "--backend-config")) == \
        ["a=1", "b=2", "c=3"]
    assert shell.option_values(argv, ("-t", "--tag")) == []  # a short option's `=`: as before


SKIPPED_GATE = """\
on: {schedule: [{cron: "0 2 * * *"}]}
jobs:
  unit:
    runs-on: ubuntu-latest
    steps: [{run: ./mvnw -B verify}]
  provision:
    needs: unit%s
    runs-on: ubuntu-latest
    steps: [{run: ./provision.sh}]
  teardown:
    needs: provision
    if: always() && needs.provision.result != 'skipped'
    runs-on: ubuntu-latest
    environment: loadtest
    steps:
      - run: aws ecs update-service --cluster c --service s --desired-count 0
"""


@pytest.mark.parametrize("provision_if, gated", [
    ("", True),  # provision runs only after unit passed: not skipped means tests passed
    ("\n    if: always()", False),  # provision runs after a failed unit too
    ("\n    if: ${{ !cancelled() }}", False),
])
def test_not_skipped_of_a_job_that_needs_tests(provision_if, gated):
    found = [r for r, _ in workflow_findings(SKIPPED_GATE % provision_if)
             if r == "workflow-deploy-no-test-gate"]
    assert bool(found) != gated


def test_not_failure_is_still_no_gate():
    text = (SKIPPED_GATE % "").replace("!= 'skipped'", "!= 'failure'")
    assert "workflow-deploy-no-test-gate" in [r for r, _ in workflow_findings(text)]


def test_failure_of_an_always_job_is_no_gate():
    text = (SKIPPED_GATE % "\n    if: always()").replace("!= 'skipped'", "== 'failure'")
    assert "workflow-deploy-no-test-gate" in [r for r, _ in workflow_findings(text)]
