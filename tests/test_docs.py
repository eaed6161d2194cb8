"""Rule documentation: complete for every rule, in step with the catalog, and
the committed reference (docs/rules.md) regenerated from the rules themselves."""
import re

import pytest

from conftest import ROOT, SHARED, run_cli
from ecs_lint.docs import rules_markdown
from ecs_lint.registry import RULES, load_rules

load_rules()


def test_committed_rule_reference_is_fresh():
    committed = (ROOT / "docs" / "rules.md").read_text()
    assert committed == rules_markdown(), \
        "docs/rules.md is stale: run `ecs-lint --list-rules --format markdown > docs/rules.md`"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_ruff_style_docs(rule_id):
    r = RULES[rule_id]
    assert r.summary and len(r.summary) < 200
    for section in ("## What it does", "## Why is this bad?", "## Example"):
        assert section in r.docs, f"{rule_id}: no '{section}'"
    if rule_id != "internal-error":  # a bug of ours has no "good" version
        assert "Use instead" in r.docs, f"{rule_id}: no good example"
        assert r.docs.count("```") >= 4, f"{rule_id}: bad and good examples as code"


def test_every_catalog_rule_exists_with_its_severity():
    catalog = SHARED / "RULES.md"
    if not catalog.exists():
        pytest.skip("../shared/RULES.md is not beside this checkout")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning|info|by finding) \|",
                      catalog.read_text(), re.M)
    assert rows
    for rid, sev in rows:
        assert rid in RULES, f"{rid} from RULES.md is not implemented"
        if sev == "by finding":
            assert RULES[rid].severity_by_finding
        else:
            assert RULES[rid].severity == sev, f"{rid}: {RULES[rid].severity} != {sev}"


def test_explain_prints_the_same_docs():
    r = run_cli("--explain", "trust-sub-any-owner")
    assert r.returncode == 0
    assert RULES["trust-sub-any-owner"].docs in r.stdout


def test_dogfood_config_is_fresh_and_lets_the_fixtures_pass():
    import subprocess
    import sys
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "dogfood_config.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = run_cli("fixtures", "--config", "ecs-lint-fixtures.yaml", cwd=ROOT)
    assert r.returncode == 0, r.stdout[-3000:]


def test_readme_example_output_is_what_the_tool_prints():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("$ ecs-lint fixtures/article --select xref-,trust-,workflow-id-token-too-broad\n", 1)[1]
    shown = block.split("```", 1)[0]
    r = run_cli("fixtures/article", "--select", "xref-,trust-,workflow-id-token-too-broad", cwd=ROOT)
    assert r.stdout == shown


def test_readme_stdin_example_output_is_what_the_tool_prints():
    readme = (ROOT / "README.md").read_text()
    command, rest = readme.split("$ echo '", 1)[1].split(" | ecs-lint -\n", 1)
    shown = rest.split("```", 1)[0]
    r = run_cli("-", input=command[:-1], cwd=ROOT)
    assert r.stdout == shown
