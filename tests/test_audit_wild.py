"""Audit 'wild': ecs-lint on real workflows and trust policies it had never seen.

Each test holds a minimal excerpt of a public file (credited by repo/path) on which
ecs-lint reported something wrong, or missed an obvious violation RULES.md defines.
"""
import textwrap

from ecs_lint.config import Config
from ecs_lint.loader import load_text
from ecs_lint.model import Document
from ecs_lint.registry import CHECKS, RULES, load_rules
from ecs_lint.runner import Context

load_rules()


def findings(text):
    """(rule, line, message) of every single-file workflow finding on a workflow text."""
    text = textwrap.dedent(text)
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    ctx = Context(Config(github={}), ".", [], set(RULES))
    out = []
    for chk in CHECKS:
        if "workflow" in chk.kinds and not chk.cross_file:
            for p in chk.func(doc, ctx):
                span = p.span or doc.span(p.path, p.key)
                out.append((p.rule, span.line, p.message))
    return sorted(out)


# GeoMatch/github-actions .github/workflows/ecs-deploy.yml (excerpt): the action is
# written `GeoMatch/...`; the message quoted it as `geomatch/...`, a text that is not
# in the file (owner and repository names are compared case-insensitively, but the
# message must show what the user wrote so they can find and fix it).
GEOMATCH = """\
on:
  workflow_call:
jobs:
  ecs-wait:
    runs-on: ubuntu-latest
    steps:
      - name: Get ECS Run Task Config
        uses: GeoMatch/deployment/.github/actions/ssm-get-param@main
"""


def test_unpinned_message_quotes_the_reference_as_written():
    got = [(line, msg) for rule, line, msg in findings(GEOMATCH)
           if rule == "workflow-action-unpinned"]
    assert len(got) == 1
    line, msg = got[0]
    assert line == 8
    assert "`GeoMatch/deployment/.github/actions/ssm-get-param@main`" in msg
    assert "geomatch/" not in msg
