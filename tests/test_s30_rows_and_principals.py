"""Stop 30: a role step's `if:` per matrix row, a matrix row with an empty
environment, and a federated principal whose account is unknown but whose
provider is written out."""
from conftest import lint_files, oidc_trust

ACCOUNTS = {"staging": "111111111111", "production": "222222222222"}


def _role(env):
    return f"arn:aws:iam::{ACCOUNTS[env]}:role/app-{env}-deploy"


def _matrix_workflow(step_if):
    steps = "".join(f"""\
      - if: {step_if(env)}
        uses: aws-actions/configure-aws-credentials@v4
        with: {{role-to-assume: "{_role(env)}", aws-region: eu-west-1}}
""" for env in ACCOUNTS)
    return ("on: {push: {branches: [main]}}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
            "    strategy: {matrix: {environment: [staging, production]}}\n"
            "    environment: ${{ matrix.environment }}\n"
            "    permissions: {id-token: write}\n    steps:\n" + steps
            + "      - run: aws sts get-caller-identity\n")


def _files(step_if):
    files = {".github/workflows/deploy.yml": _matrix_workflow(step_if)}
    for env, account in ACCOUNTS.items():
        trust = oidc_trust(f"repo:acme/app:environment:{env}")
        trust["Statement"][0]["Principal"]["Federated"] = \
            f"arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com"
        files[f"iam/{env}-trust.json"] = trust
    return files


CONFIG = "github:\n  repository: acme/app\nroles:\n" + "".join(
    f"  {_role(env)}: {{trust: iam/{env}-trust.json}}\n" for env in ACCOUNTS)


def _errors(found, rule):
    return [f for f in found if f.rule == rule]


def test_a_role_step_off_in_a_row_is_not_that_rows_role(tmp_path):
    found = lint_files(tmp_path, _files(lambda env: f"matrix.environment == '{env}'"), CONFIG)
    assert not _errors(found, "xref-sub-not-admitted"), [f.message for f in found]


def test_a_role_step_on_in_every_row_is_every_rows_role(tmp_path):
    # the near miss: a step if that holds in both rows; each row meets the other role
    found = lint_files(tmp_path, _files(lambda env: "matrix.environment != 'qa'"), CONFIG)
    wrong = _errors(found, "xref-sub-not-admitted")
    assert len(wrong) == 2
    assert any("environment:staging" in f.message and "production" in f.file for f in wrong)


def _empty_row_workflow(value):
    return f"""\
on: {{push: {{branches: [main]}}}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - {{target: staging, environment: staging}}
          - {{target: perf{value}}}
    environment: ${{{{ matrix.environment }}}}
    steps:
      - run: aws ecs update-service --cluster c --service ${{{{ matrix.target }}}} --force-new-deployment
"""


def test_a_matrix_row_with_an_empty_environment_deploys_without_one(tmp_path):
    for value in (", environment: ''", ""):  # empty, and a row without the key
        folder = tmp_path / str(len(value))
        found = lint_files(folder, {".github/workflows/d.yml": _empty_row_workflow(value)})
        hits = _errors(found, "workflow-deploy-no-environment")
        assert len(hits) == 1 and "target=perf" in hits[0].message, [f.message for f in found]


def test_matrix_rows_that_all_name_an_environment_are_gated(tmp_path):
    found = lint_files(tmp_path, {".github/workflows/d.yml":
                                  _empty_row_workflow(", environment: perf")})
    assert not _errors(found, "workflow-deploy-no-environment")


_TEMPLATE = """\
Resources:
  Other:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: {url}
      ClientIdList: [sts.amazonaws.com]
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-deploy
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {{Federated: !Ref Other}}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
"""


def _principal_case(tmp_path, url):
    wf = ("on: {push: {branches: [main]}}\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
          "    permissions: {id-token: write}\n    steps:\n"
          "      - uses: aws-actions/configure-aws-credentials@v4\n"
          "        with: {role-to-assume: 'arn:aws:iam::123456789012:role/app-deploy', "
          "aws-region: eu-west-1}\n")
    return lint_files(tmp_path, {"cfn/roles.yaml": _TEMPLATE.format(url=url),
                                 ".github/workflows/d.yml": wf},
                      "github:\n  repository: acme/app\n")


def test_a_referenced_provider_of_another_host_refuses_githubs_token(tmp_path):
    found = _principal_case(tmp_path, "https://gitlab.com")
    hits = _errors(found, "xref-sub-not-admitted")
    assert hits and "no statement of this trust policy lets GitHub's provider" in hits[0].message


def test_a_referenced_github_provider_is_not_refused_for_its_host(tmp_path):
    found = _principal_case(tmp_path, "https://token.actions.githubusercontent.com")
    assert not [f for f in _errors(found, "xref-sub-not-admitted")
                if "lets GitHub's provider" in f.message]
