"""Audit 'o': the user-facing contract (CLI, output formats, the GitHub Action,
the pre-commit hook) against README.md and GitHub's documented requirements.
Each test holds a case where ecs-lint broke that contract (see the commit that
added it for the evidence).
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, run_action

BAD_PROVIDER = (FIXTURES / "oidc-provider" / "bad-audience.json").read_text()
GOOD_PROVIDER = (FIXTURES / "oidc-provider" / "good-create-input.json").read_text()


def _action(tmp_path, **env):
    return run_action(tmp_path, **env)[0]


# --- the action's `paths` input, written one per line --------------------------

@pytest.mark.skipif(shutil.which("ecs-lint") is None, reason="ecs-lint is not on PATH")
def test_action_paths_on_several_lines_are_all_linted(tmp_path):
    # `paths: |` with one path a line is the usual way to pass a list to an
    # action; the script read only the first line, so `bad` was never linted
    # and the gate passed
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "p.json").write_text(GOOD_PROVIDER)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "p.json").write_text(BAD_PROVIDER)
    r = _action(tmp_path, ECS_LINT_PATHS="good\nbad\n", ECS_LINT_FORMAT="json",
                ECS_LINT_OUTPUT="r.json", ECS_LINT_ANNOTATIONS="false")
    assert r.returncode == 1, r.stdout + r.stderr
    found = json.loads((tmp_path / "r.json").read_text())["findings"]
    assert {f["path"] for f in found} == {"bad/p.json"}


# --- a file reached through a symlink and directly ------------------------------

def test_a_file_walked_directly_and_through_a_link_is_reported_at_its_real_path(tmp_path):
    # GitHub code scanning cannot show a result at a symlink's path ("resolve any
    # symlinked files, and report any results in those files using the resolved
    # URI"); the walk kept whichever path came first (the link at the top) and
    # dropped the real file as a duplicate
    from conftest import lint_folder

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "p.json").write_text(BAD_PROVIDER)
    os.symlink(os.path.join("real", "p.json"), tmp_path / "link.json")
    found = lint_folder(tmp_path)
    assert {(f.rule, f.file) for f in found} == \
        {("oidc-provider-audience-missing", os.path.join("real", "p.json"))}


# --- GitHub's limit on the results of a SARIF run --------------------------------

def test_sarif_keeps_within_code_scannings_25000_results_a_run():
    # "Results per run: 25,000 ... If any of these objects exceeds its maximum
    # value the SARIF file is rejected" (GitHub, SARIF support for code
    # scanning): a larger run lost every result, errors included
    from ecs_lint import reporters
    from ecs_lint.model import Finding, Span

    infos = [Finding("workflow-action-unpinned", "info", f"w{i}.yml", Span(1, 1), "moving")
             for i in range(25_000)]
    error = Finding("trust-aud-missing", "error", "t.json", Span(2, 3), "no aud")
    doc = json.loads(reporters.sarif(infos[:100] + [error] + infos[100:], 25_001))
    run = doc["runs"][0]
    assert len(run["results"]) == 25_000
    assert run["results"][100]["ruleId"] == "trust-aud-missing"  # the most severe kept, in order
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert "1 finding" in note and "25,000" in note
    # below the limit: every finding, no notification
    doc = json.loads(reporters.sarif(infos[:3], 3))
    assert len(doc["runs"][0]["results"]) == 3 and "invocations" not in doc["runs"][0]


# --- values of the input printed in the text format ------------------------------

def test_text_format_keeps_each_finding_on_its_line_whatever_the_values_hold(tmp_path):
    # the text format is `path:line:col: severity rule-id message`, one line a
    # finding; values of the input printed raw broke it, and in a GitHub Actions
    # log a line that starts with `::` (after spaces) is a workflow command: a
    # container name holding "\n::error ...::" made the runner raise an annotation
    # (or mask, stop-commands...) chosen by whoever wrote the file
    td = {"family": "x", "containerDefinitions": [{
        "name": "app\n::error title=INJ::pwned\r::warning::again \x1b[2Khidden",
        "image": "nginx:latest", "essential": True}]}
    (tmp_path / "td.json").write_text(json.dumps(td))
    r = subprocess.run([sys.executable, "-m", "ecs_lint", "--no-cache", "td.json"],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert not any(line.lstrip().startswith("::") for line in lines), r.stdout
    assert "\x1b" not in r.stdout and "\r" not in r.stdout
    findings = [line for line in lines if line.startswith("td.json:")]
    assert len(findings) == 2
    assert all("'app\\n::error title=INJ::pwned\\r::warning::again \\x1b[2Khidden'" in line
               for line in findings)


def test_markdown_cell_holds_a_carriage_return_on_its_row():
    # CommonMark ends a line at a lone \r too: a value holding one broke the row
    # of the findings table (only \n was joined)
    from ecs_lint import reporters
    from ecs_lint.model import Finding, Span

    f = Finding("oidc-provider-thumbprint-malformed", "info", "p.json", Span(5, 5),
                "thumbprint 'abc\r| x | y |' is not 40 hexadecimal characters")
    rows = reporters.markdown([f], 1).splitlines()
    assert rows[-1].startswith("| `p.json:5:5` |") and rows[-1].endswith(" |")
    assert "\r" not in reporters.markdown([f], 1)


# --- pyproject.toml on the Pythons pyproject.toml declares -----------------------

def test_pyproject_config_is_read_without_tomllib(tmp_path):
    # requires-python is >=3.9 but tomllib came in 3.11: on 3.9/3.10 any
    # pyproject.toml met while looking for the config ended the run with a
    # ModuleNotFoundError traceback. tomli (tomllib's own source, the same API)
    # stands in below 3.11; here tomllib is hidden and tomli played by it
    (tmp_path / ".git").mkdir()
    (tmp_path / "x.json").write_text("{")
    (tmp_path / "pyproject.toml").write_text('[tool.ecs-lint]\nrules = {parse-error = "info"}\n')
    code = ("import sys, tomllib\nsys.modules['tomli'] = tomllib\nsys.modules['tomllib'] = None\n"
            "from ecs_lint.cli import main\nmain(['--no-cache', 'x.json'])\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "info parse-error" in r.stdout
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "tomli>=1.1; python_version < '3.11'" in pyproject


def test_readme_workflow_grants_what_upload_sarif_needs_in_a_private_repository():
    # GitHub's own upload-sarif example: "security-events: write # required for
    # all workflows; # only required for workflows in private repositories:
    # actions: read, contents: read" (docs: Uploading a SARIF file to GitHub)
    import re

    import yaml

    readme = (ROOT / "README.md").read_text()
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S)
                 if "upload-sarif" in b)
    perms = yaml.safe_load(block)["jobs"]["ecs-lint"]["permissions"]
    assert perms == {"contents": "read", "security-events": "write", "actions": "read"}
