"""Audit 'u': larger monorepos (several services, matrix deploys over services and
environments, per-environment roles). Each test holds a case where ecs-lint was
wrong (see the commit that added it for the evidence)."""
import json
import textwrap

from conftest import lint_folder

from ecs_lint.workflow_model import expand, matrix_rows

H = "token.actions.githubusercontent.com"


def _trust(acct, env):
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{acct}:oidc-provider/{H}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                                       f"{H}:sub": f"repo:pinegrove/ledger:environment:{env}"}}}]},
        indent=2)


def test_matrix_vector_from_json_literal():
    # GitHub evaluates fromJSON of a literal string to the list it holds: the vector
    # is a real one, so an include that would overwrite its value is a new row
    rows = matrix_rows({"service": "${{ fromJSON('[\"orders\", \"billing\"]') }}",
                        "environment": ["staging", "production"],
                        "include": [{"service": "notify", "environment": "staging"}]})
    assert rows == [{"service": "orders", "environment": "staging"},
                    {"service": "orders", "environment": "production"},
                    {"service": "billing", "environment": "staging"},
                    {"service": "billing", "environment": "production"},
                    {"service": "notify", "environment": "staging"}]


def test_whole_matrix_from_json_literal():
    rows = matrix_rows("${{ fromJson('{\"env\": [\"dev\", \"prod\"]}') }}")
    assert rows == [{"env": "dev"}, {"env": "prod"}]


def test_from_json_literal_indexed_by_matrix_value():
    text = ("${{ fromJSON('{\"staging\": \"arn:aws:iam::1:role/a\", "
            "\"production\": \"arn:aws:iam::2:role/b\"}')[matrix.environment] }}")
    assert expand(text, None, row={"environment": "production"}) == "arn:aws:iam::2:role/b"
    assert expand(text, None, row={"environment": "qa"}) == text  # unknown key: left as written
    assert expand(text, None, row=None) == text


def test_role_from_json_map_links_per_matrix_row(tmp_path):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent("""\
        name: deploy
        on:
          push:
            branches: [main]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - run: make test
          deploy:
            needs: test
            runs-on: ubuntu-latest
            environment: ${{ matrix.environment }}
            permissions:
              id-token: write
            strategy:
              matrix:
                environment: [staging, production]
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: '${{ fromJSON(''{"staging": "arn:aws:iam::111111111111:role/ledger-deploy", "production": "arn:aws:iam::222222222222:role/ledger-deploy"}'')[matrix.environment] }}'
                  aws-region: eu-west-1
              - run: aws ecs update-service --cluster ledger --service api --force-new-deployment
        """))
    (tmp_path / "staging-trust.json").write_text(_trust("111111111111", "staging"))
    (tmp_path / "production-trust.json").write_text(_trust("111111111111", "staging"))
    (tmp_path / ".ecs-lint.yaml").write_text(textwrap.dedent("""\
        github:
          repository: pinegrove/ledger
        roles:
          "arn:aws:iam::111111111111:role/ledger-deploy":
            trust: staging-trust.json
          "arn:aws:iam::222222222222:role/ledger-deploy":
            trust: production-trust.json
        """))
    got = {(f.rule, f.file) for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub")}
    # the production row assumes the production role, whose trust was copied from staging
    assert got == {("xref-sub-not-admitted", "production-trust.json")}
