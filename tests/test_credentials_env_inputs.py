"""configure-aws-credentials reading its inputs from env variables (v4.2.0
and later), and region expressions that come out empty."""
import pytest

from conftest import workflow_findings
from ecs_lint import workflow_model as wm

CREDS = """\
on: {push: {branches: [main]}}
permissions: {contents: read%(perm)s}
env:
  AWS_REGION: eu-west-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      ROLE_TO_ASSUME: ${{ vars.DEPLOY_ROLE_ARN }}
    steps:
      - uses: aws-actions/configure-aws-credentials@%(ref)s
        with:
%(with)s
"""


def _rules(ref, with_="          role-session-name: deploy", perm=""):
    text = CREDS % {"ref": ref, "with": with_, "perm": perm}
    return {r for r, _ in workflow_findings(text)}


@pytest.mark.parametrize("ref, reads_env", [
    ("v4.2.1", True),
    ("v4.3", True),
    ("v5", True),
    ("v6.3.0", True),
    ("a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0", True),
    ("v4", False),        # a major tag alone: read as the catalog reads it
    ("v4.1.0", False),
    ("v3", False),
    ("a03048d87541d1d9fcf2ecf528a4a65ba9bd7838", False),  # a version not known
    ("main", False),
])
def test_env_region_and_role_count_from_v4_2(ref, reads_env):
    found = _rules(ref)
    assert ("workflow-aws-region-missing" in found) != reads_env
    # ROLE_TO_ASSUME from the job's env is an OIDC role use: no id-token granted
    assert ("workflow-id-token-missing" in found) == reads_env


def test_translate_env_variables_false_reads_the_inputs_only():
    found = _rules("v6.3.0", "          role-session-name: d\n"
                             "          translate-env-variables: false")
    assert "workflow-aws-region-missing" in found
    assert "workflow-id-token-missing" not in found


def test_the_env_role_with_id_token_granted_is_clean():
    assert not {"workflow-aws-region-missing", "workflow-id-token-missing"} & _rules(
        "v5", perm=", id-token: write")


def test_an_empty_region_input_falls_back_to_the_env_from_v4_2():
    assert "workflow-aws-region-missing" not in _rules("v5", "          aws-region: ''")
    assert "workflow-aws-region-missing" in _rules("v4.1.0", "          aws-region: ''")


def test_a_chained_step_gets_the_region_an_earlier_step_exported():
    text = """\
on: push
permissions: {id-token: write}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v5
        with: {role-to-assume: "arn:aws:iam::1:role/a", aws-region: us-east-1}
      - uses: aws-actions/configure-aws-credentials@%s
        with: {role-to-assume: "arn:aws:iam::2:role/b", role-chaining: true}
"""
    assert not [r for r, _ in workflow_findings(text % "v5")
                if r == "workflow-aws-region-missing"]
    assert [r for r, _ in workflow_findings(text % "v3") if r == "workflow-aws-region-missing"]


UNSET = """\
on: push
permissions: {contents: read}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${{ secrets.KEY_ID }}
          aws-secret-access-key: ${{ secrets.KEY }}
          aws-region: us-east-1
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::1:role/deploy
          aws-region: us-east-1
%s
"""


@pytest.mark.parametrize("extra, reported", [
    ("          unset-current-credentials: true", True),   # the keys are gone: OIDC
    ("          unset-current-credentials: false", False),  # AssumeRole with the keys
    ("", False),
])
def test_unset_current_credentials_drops_the_earlier_keys(extra, reported):
    found = {r for r, _ in workflow_findings(UNSET % extra)}
    assert ("workflow-id-token-missing" in found) == reported


MATRIX = """\
on: push
permissions: {id-token: write}
jobs:
  a:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        target:
          - {name: a, region: eu-west-1}
          - {name: b%s}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::1:role/x
          aws-region: ${{ matrix.target.region }}
"""


@pytest.mark.parametrize("row, empty", [("", True), (", region: us-east-1", False)])
def test_a_property_a_matrix_object_lacks_is_empty(row, empty):
    found = [ln for r, ln in workflow_findings(MATRIX % row) if r == "workflow-aws-region-missing"]
    assert found == ([15] if empty else [])


STEP_OUT = """\
on: push
permissions: {id-token: write}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
%s
"""
_HOME = """\
      - id: home
        run: echo "region=eu-west-1" >> "$GITHUB_OUTPUT"
"""
_CREDS = """\
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::1:role/x
          aws-region: ${{ steps.home.outputs.region }}
"""


@pytest.mark.parametrize("steps, empty", [(_CREDS + _HOME, True), (_HOME + _CREDS, False)])
def test_a_step_output_read_before_the_step_runs_is_empty(steps, empty):
    found = [r for r, _ in workflow_findings(STEP_OUT % steps.rstrip("\n"))
             if r == "workflow-aws-region-missing"]
    assert bool(found) == empty


@pytest.mark.parametrize("ref, comment, version", [
    ("v4.2.1", None, (4, 2)), ("4", None, (4, None)), ("v10.0.1", None, (10, 0)),
    ("0" * 40, "v5.0.0", (5, 0)), ("0" * 40, None, None), ("release", None, None),
    (None, None, None),
])
def test_action_version(ref, comment, version):
    st = wm.Step(index=0, path=(), data={}, uses=wm.CONFIGURE_CREDENTIALS, uses_ref=ref,
                 ref_comment=comment)
    assert wm.action_version(st) == version


def test_many_region_less_steps_are_read_in_linear_time():
    import time
    steps = "".join("      - uses: aws-actions/configure-aws-credentials@v5\n"
                    "        with: {role-to-assume: arn:aws:iam::1:role/r, role-chaining: true}\n"
                    for _ in range(300))
    text = "on: push\npermissions: {id-token: write}\njobs:\n  a:\n    runs-on: x\n    steps:\n" + steps
    start = time.perf_counter()
    found = [r for r, _ in workflow_findings(text) if r == "workflow-aws-region-missing"]
    assert len(found) == 300  # no region anywhere: every step fails
    assert time.perf_counter() - start < 20
