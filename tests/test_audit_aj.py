"""Audit 'aj': the token side of the deploy path (configure-aws-credentials
inputs: keys, role-chaining, token files, audiences; id-token permissions;
OIDC providers and enterprise issuers). Each test holds a case where ecs-lint
was wrong (see the commit that added it for the evidence)."""
from conftest import lint_folder

CONFIG = "github:\n  repository: pelican-outdoor/storefront\n  owners: [pelican-outdoor]\n"


def _rules(tmp_path, workflow, name="nightly.yml"):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True, exist_ok=True)
    (wf / name).write_text(workflow)
    (tmp_path / ".ecs-lint.yaml").write_text(CONFIG)
    return sorted(f.rule for f in lint_folder(tmp_path) if f.severity in ("warning", "error"))


KEYS_IN_ENV = """\
name: nightly
on:
  schedule:
    - cron: "17 5 * * *"
permissions:
  contents: read
jobs:
  report:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: ${{ secrets.CI_AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: ${{ secrets.CI_AWS_SECRET_ACCESS_KEY }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::771204938465:role/storefront-reader
          aws-region: us-west-2
      - run: aws sts get-caller-identity
"""


def test_env_keys_without_id_token_assume_the_role_with_sts_assume_role(tmp_path):
    # no id-token: write, so no ACTIONS_ID_TOKEN_REQUEST_TOKEN: configure-aws-credentials
    # does not take its OIDC branch; it validates the env credentials and calls
    # sts:AssumeRole with them (src/index.ts useGitHubOIDCProvider, assumeRole.ts):
    # the keys are the finding, not a missing id-token
    assert _rules(tmp_path, KEYS_IN_ENV) == ["workflow-static-aws-keys"]


def test_keys_given_to_an_earlier_configure_step(tmp_path):
    # the first step exports the IAM user's keys to the job's env; the second,
    # without role-chaining, takes them the same way when no OIDC token can be had
    wf = KEYS_IN_ENV.replace(
        "    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.CI_AWS_ACCESS_KEY_ID }}\n"
        "      AWS_SECRET_ACCESS_KEY: ${{ secrets.CI_AWS_SECRET_ACCESS_KEY }}\n", "").replace(
        "    steps:\n",
        "    steps:\n"
        "      - uses: aws-actions/configure-aws-credentials@v4\n"
        "        with:\n"
        "          aws-access-key-id: ${{ secrets.CI_AWS_ACCESS_KEY_ID }}\n"
        "          aws-secret-access-key: ${{ secrets.CI_AWS_SECRET_ACCESS_KEY }}\n"
        "          aws-region: us-west-2\n")
    assert _rules(tmp_path, wf) == ["workflow-static-aws-keys"]


def test_without_any_credentials_the_token_is_still_missing(tmp_path):
    wf = KEYS_IN_ENV.replace(
        "    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.CI_AWS_ACCESS_KEY_ID }}\n"
        "      AWS_SECRET_ACCESS_KEY: ${{ secrets.CI_AWS_SECRET_ACCESS_KEY }}\n", "")
    assert _rules(tmp_path, wf) == ["workflow-id-token-missing"]


REUSABLE_AND_DISPATCH = """\
name: deploy
on:
  workflow_call:
    inputs:
      environment: {type: string, required: true}
%s
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: ${{ inputs.environment }}
    steps:
      - uses: actions/checkout@v4
      - run: |
          aws ecs update-service --cluster kestrel --service routing-engine \\
            --force-new-deployment
          aws ecs wait services-stable --cluster kestrel --services routing-engine
"""


def test_reusable_workflow_also_dispatched_is_not_gated_by_its_callers(tmp_path):
    # a manual dispatch runs the deploy job with no test job before it (as a
    # dispatch-only promote workflow would): the callers' gates do not cover it
    wf = REUSABLE_AND_DISPATCH % (
        "  workflow_dispatch:\n    inputs:\n      environment:\n        type: choice\n"
        "        options: [staging, production]\n")
    assert "workflow-deploy-no-test-gate" in _rules(tmp_path, wf, "_deploy.yml")


def test_reusable_workflow_only_called_stays_gated_by_its_callers(tmp_path):
    wf = REUSABLE_AND_DISPATCH % ""
    assert "workflow-deploy-no-test-gate" not in _rules(tmp_path, wf, "_deploy.yml")


ENTERPRISE_TRUST = """\
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::286401957733:oidc-provider/token.actions.githubusercontent.com/quarrylabs"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {
      "%(host)s:aud": "sts.amazonaws.com",
      "%(host)s:sub": "repo:quarrylabs/tile-server:pull_request"}}
  }]
}
"""

PLAN_WORKFLOW = """\
name: plan
on:
  pull_request:
permissions:
  contents: read
  id-token: write
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::286401957733:role/tile-server-plan
          aws-region: us-east-1
      - run: terraform plan
"""


def _enterprise(tmp_path, host):
    (tmp_path / "trust.json").write_text(ENTERPRISE_TRUST % {"host": host})
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "plan.yml").write_text(PLAN_WORKFLOW)
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: quarrylabs/tile-server\n  owners: [quarrylabs]\n"
        "roles:\n  \"arn:aws:iam::286401957733:role/tile-server-plan\":\n"
        "    trust: trust.json\n")
    return sorted(f.rule for f in lint_folder(tmp_path) if f.severity in ("warning", "error"))


def test_keys_of_the_other_issuer_admit_nothing(tmp_path):
    # the principal is the enterprise issuer's provider, the keys name the
    # default issuer: IAM names a provider's keys after its URL, so the request
    # never carries them and StringEquals on them is never true. The statement
    # admits nothing: no sub rule for it, and the pull-request run gets 401
    assert _enterprise(tmp_path, "token.actions.githubusercontent.com") == [
        "trust-principal-not-github", "xref-sub-not-admitted"]


def test_keys_of_the_enterprise_issuer_are_read(tmp_path):
    assert _enterprise(tmp_path, "token.actions.githubusercontent.com/quarrylabs") == [
        "trust-sub-pull-request"]


def test_refused_sub_points_at_the_other_issuers_sub_key(tmp_path):
    _enterprise(tmp_path, "token.actions.githubusercontent.com")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert [(f.file, f.line) for f in found] == [("trust.json", 9)]
