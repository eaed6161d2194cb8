"""workflow-deploy-no-test-gate's fix fits how the tests are kept from
failing: a pipe without pipefail, an `||` alternative, `set +e` (jt/06's
remark)."""
import textwrap

import pytest

from ecs_lint.config import Config
from ecs_lint.loader import load_text
from ecs_lint.model import Document
from ecs_lint.registry import load_rules
from ecs_lint.runner import Context

WORKFLOW = """\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
          %s
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


def _help(script):
    load_rules()
    from ecs_lint.rules.workflow import deploy_gates

    text = textwrap.dedent(WORKFLOW % script)
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    return [p.help for p in deploy_gates(doc, Context(Config(), ".", [], set()))
            if p.rule == "workflow-deploy-no-test-gate"]


@pytest.mark.parametrize("script, fix", [
    ("pytest | tee out.txt", "`shell: bash` (or `set -o pipefail`)"),
    ("pytest || true", "drop the `||` alternative"),
    ("set +e\n          pytest\n          echo done", "`set -e`, or `|| exit 1`"),
])
def test_the_fix_names_the_cause(script, fix):
    helps = _help(script)
    assert len(helps) == 1 and fix in helps[0], helps
