"""Stop 30: a role step's `if:` per matrix row, a matrix row with an empty
environment, and a federated principal whose account is unknown but whose
provider is written out."""
from hypothesis import given, settings, strategies as st

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


def _trust(statements):
    return {"Version": "2012-10-17", "Statement": statements}


_GITHUB = {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}
_ACTION = "sts:AssumeRoleWithWebIdentity"


def _allow(condition):
    return {"Effect": "Allow", "Principal": _GITHUB, "Action": _ACTION, "Condition": condition}


def _deny_ids(operator, ids):
    return {"Effect": "Deny", "Principal": _GITHUB, "Action": _ACTION,
            "Condition": {operator: {"token.actions.githubusercontent.com:repository_id": ids}}}


_ORG_WIDE = _allow({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                    "StringLike": {"token.actions.githubusercontent.com:sub":
                                   "repo:acme/*:environment:production"}})


def test_a_deny_of_every_other_repository_id_pins_the_repositories(tmp_path):
    found = lint_files(tmp_path, {"trust.json": _trust(
        [_ORG_WIDE, _deny_ids("StringNotEquals", ["811204367", "811204591"])])})
    assert not _errors(found, "trust-sub-any-repo")


def test_a_deny_of_listed_repository_ids_leaves_the_others_in(tmp_path):
    # near misses: a Deny of the listed ids (not of the others), and one of a pattern
    for n, deny in enumerate((_deny_ids("StringEquals", ["811204367"]),
                              _deny_ids("StringNotLike", ["8112*"]))):
        found = lint_files(tmp_path / str(n), {"trust.json": _trust([_ORG_WIDE, deny])})
        assert _errors(found, "trust-sub-any-repo")


def _workflow_ref_trust(value):
    return _trust([_allow({
        "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                         "token.actions.githubusercontent.com:job_workflow_ref": value},
        "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}})])


def test_a_job_workflow_ref_no_git_ref_can_have_admits_nothing(tmp_path):
    found = lint_files(tmp_path, {"trust.json": _workflow_ref_trust(
        "acme/platform/.github/workflows/deploy.yml@refs/tags/v*")})
    assert _errors(found, "trust-sub-wildcard-in-equals")
    assert not [f for f in found if f.rule.startswith("trust-sub-any")]


def test_a_job_workflow_ref_of_a_real_ref_keeps_the_sub_rules(tmp_path):
    found = lint_files(tmp_path, {"trust.json": _workflow_ref_trust(
        "acme/platform/.github/workflows/deploy.yml@refs/tags/v1")})
    assert [f for f in found if f.rule.startswith("trust-sub-any")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abz09-_./", min_size=1, max_size=12),
       st.text(alphabet="abz09-_./@*?[", min_size=1, max_size=12))
def test_a_job_workflow_ref_admits_exactly_when_its_ref_is_a_git_ref(path, ref):
    from ecs_lint import subjects as sj

    value = f"acme/platform/.github/workflows/{path}@refs/heads/{ref}"
    stmt = sj.github_statements(_workflow_ref_trust(value))[0]
    after = value.split("@")
    # some split at an `@` leaves a name git accepts (no `*?[`, no `@{`... kept simple:
    # this alphabet's only refused characters are `*?[`)
    possible = any("refs/" == tail[:5] and len(tail) > 5 and not set("*?[") & set(tail)
                   for tail in ("@".join(after[i:]) for i in range(1, len(after))))
    assert stmt.admits == possible


def _not_like_sub(extra):
    return _trust([_allow({"StringEquals": {"token.actions.githubusercontent.com:aud":
                                            "sts.amazonaws.com", **extra},
                           "StringNotLike": {"token.actions.githubusercontent.com:sub":
                                             "repo:acme/cms:pull_request"}})])


def test_an_unsafe_sub_operator_says_any_repository_only_when_none_is_named(tmp_path):
    open_found = lint_files(tmp_path / "a", {"trust.json": _not_like_sub({})})
    named_found = lint_files(tmp_path / "b", {"trust.json": _not_like_sub(
        {"token.actions.githubusercontent.com:repository": "acme/cms"})})
    [open_msg] = [f.message for f in _errors(open_found, "trust-condition-unsafe-operator")]
    [named_msg] = [f.message for f in _errors(named_found, "trust-condition-unsafe-operator")]
    assert "from any repository on GitHub" in open_msg
    assert "from any repository" not in named_msg
