"""Audit 'j': blind labeled workflow cases (tests/cases/j) written from RULES.md
and GitHub's documented behaviour; each test holds the minimal excerpt where
ecs-lint was wrong.
"""
import textwrap

from ecs_lint.config import Config
from ecs_lint.loader import load_text
from ecs_lint.model import Document
from ecs_lint.registry import CHECKS, RULES, load_rules
from ecs_lint.runner import Context

load_rules()


def findings(text, rule=None):
    """(rule, line) of every single-file workflow finding on a workflow text."""
    text = textwrap.dedent(text)
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    ctx = Context(Config(github={}), ".", [], set(RULES))
    out = []
    for chk in CHECKS:
        if "workflow" in chk.kinds and not chk.cross_file:
            for p in chk.func(doc, ctx):
                span = p.span or doc.span(p.path, p.key)
                out.append((p.rule, span.line))
    return sorted(f for f in out if rule is None or f[0] == rule)


# --- workflow-template-injection: actions/github-script `script:` ---------------

# GitHub pastes `${{ }}` into github-script's JavaScript before it runs, exactly
# as into a `run:` script (GitHub docs, "Script injections"; CodeQL
# js/actions/expression-injection: "in contexts like run: or script:"), and the
# script runs in the job, where the OIDC token request URL is available.
GITHUB_SCRIPT = """\
on:
  issue_comment:
    types: [created]
permissions:
  id-token: write
jobs:
  scale:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            core.info(context.payload.comment.body);
            const m = "${{ github.event.comment.body }}".match(/\\d+/);
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ops
          aws-region: us-east-1
"""


def test_github_script_expression_is_injection():
    assert findings(GITHUB_SCRIPT, "workflow-template-injection") == [
        ("workflow-template-injection", 14)]


def test_github_script_reading_the_payload_is_not_injection():
    text = GITHUB_SCRIPT.replace('"${{ github.event.comment.body }}"', "context.payload.comment.body")
    assert findings(text, "workflow-template-injection") == []


def test_github_script_through_env_is_not_injection():
    text = GITHUB_SCRIPT.replace('"${{ github.event.comment.body }}"', "process.env.BODY")
    assert findings(text, "workflow-template-injection") == []


def test_other_actions_script_input_is_not_read():
    text = GITHUB_SCRIPT.replace("actions/github-script@v7", "acme/notify@v1")
    assert findings(text, "workflow-template-injection") == []
