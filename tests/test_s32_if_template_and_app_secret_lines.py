"""An `if:` that is a string template (a `${{ }}` with other text beside it,
even the newline a `|` block keeps) is always true (le/02); and
workflow-app-secret-in-github reports each application secret of a
multi-line input on its own line (lc/06)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import workflow_findings
from ecs_lint import workflow_model as wm

PR_DEPLOY = """\
on: [push, pull_request]
jobs:
  deploy:
    runs-on: ubuntu-latest
    if: %s
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
"""


@pytest.mark.parametrize("condition, runs_on_pr", [
    ("|\n      ${{ github.event_name == 'push' }}", True),   # clip: "false\n" is truthy
    (">\n      ${{ github.event_name == 'push' }}", True),
    ("|+\n      ${{ github.event_name == 'push' }}\n", True),
    ("\"${{ github.event_name == 'push' }} \"", True),
    ("${{ github.event_name == 'push' }} && ${{ true }}", True),
    # near misses: the expression alone
    ("|-\n      ${{ github.event_name == 'push' }}", False),
    (">-\n      ${{ github.event_name == 'push' }}", False),
    ("${{ github.event_name == 'push' }}", False),
    ("github.event_name == 'push'", False),
    ("|\n      github.event_name == 'push'", False),  # no `${{ }}`: an expression
])
def test_an_if_template_with_text_beside_it_is_always_true(condition, runs_on_pr):
    found = [r for r, _ in workflow_findings(PR_DEPLOY % condition)]
    assert ("workflow-oidc-on-pull-request" in found) is runs_on_pr, found


@pytest.mark.parametrize("condition, expr", [
    ("${{ a == 'b' }}", "a == 'b'"),
    ("${{ format('{0}', x) == 'y' }}", "format('{0}', x) == 'y'"),
    ("${{ a }}\n", "true"),
    ("x ${{ a }}", "true"),
    ("${{ a }}${{ b }}", "true"),
    ("  a == 'b'\n", "a == 'b'"),
])
def test_if_expression(condition, expr):
    assert wm.if_expression(condition) == expr


@given(st.text(max_size=60))
def test_if_expression_never_raises(text):
    assert isinstance(wm.if_expression(text), str)


SECRETS = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: web
          image: app:1
          environment-variables: |
            NODE_ENV=production
            STRIPE_SECRET_KEY=${{ secrets.STRIPE_SECRET_KEY }}
            OPENAI_API_KEY=${{ secrets.OPENAI_API_KEY }}
            AGAIN=${{ secrets.OPENAI_API_KEY }}
            AWS_ROLE=${{ secrets.AWS_ROLE_ARN }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: web
          cluster: main
        env:
          DATABASE_PASSWORD: ${{ secrets.DATABASE_PASSWORD }}
"""


def test_each_application_secret_of_a_block_is_reported_on_its_line():
    lines = SECRETS.splitlines()
    got = [(n, m) for r, n, m in workflow_findings(SECRETS, messages=True)
           if r == "workflow-app-secret-in-github"]
    want = [next(i for i, t in enumerate(lines, 1) if needle in t)
            for needle in ("STRIPE_SECRET_KEY=", "OPENAI_API_KEY=", "DATABASE_PASSWORD:")]
    assert sorted(n for n, _ in got) == sorted(want)  # one per secret, not AWS_ROLE_ARN
    assert any("secrets.OPENAI_API_KEY" in m for _, m in got)
