"""Reporters. No package ships the SARIF 2.1.0 schema, so the SARIF output is
checked against the subset of it that GitHub code scanning requires, written
out here as a JSON Schema (required properties and their types)."""
import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import oidc_trust, run_cli
from ecs_lint import reporters
from ecs_lint.model import Finding, Related, Span
from ecs_lint.registry import load_rules

load_rules()

REGION = {"type": "object", "required": ["startLine"],
          "properties": {"startLine": {"type": "integer", "minimum": 1},
                         "startColumn": {"type": "integer", "minimum": 1},
                         "endLine": {"type": "integer", "minimum": 1},
                         "endColumn": {"type": "integer", "minimum": 1}}}
LOCATION = {"type": "object", "required": ["physicalLocation"], "properties": {
    "physicalLocation": {"type": "object", "required": ["artifactLocation", "region"],
                         "properties": {"artifactLocation": {
                             "type": "object", "required": ["uri"],
                             "properties": {"uri": {"type": "string", "pattern": "^[^/]"}}},
                             "region": REGION}}}}
MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {
                    "driver": {"type": "object", "required": ["name", "rules"], "properties": {
                        "name": {"type": "string"},
                        "rules": {"type": "array", "items": {
                            "type": "object",
                            "required": ["id", "shortDescription", "fullDescription", "help",
                                         "defaultConfiguration"],
                            "properties": {
                                "id": {"type": "string"},
                                "shortDescription": MESSAGE, "fullDescription": MESSAGE,
                                "help": MESSAGE,
                                "defaultConfiguration": {"type": "object", "properties": {
                                    "level": {"enum": ["none", "note", "warning", "error"]}}}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "message", "locations", "level"],
                    "properties": {
                        "ruleId": {"type": "string"},
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": MESSAGE,
                        "locations": {"type": "array", "minItems": 1, "items": LOCATION},
                        "relatedLocations": {"type": "array", "items": LOCATION},
                        "partialFingerprints": {"type": "object", "additionalProperties": {
                            "type": "string"}}}}}}}},
    },
}

FINDINGS = [
    Finding("oidc-provider-url-wrong", "error", "iam/oidc provider.json", Span(2, 10, 2, 40),
            "provider URL 'x' is wrong", "use `https://token.actions.githubusercontent.com`",
            {"witness": "x"}, [Related("iam/trust.json", Span(5, 3), "the role")]),
    Finding("oidc-provider-thumbprint-malformed", "info", "p.json", Span(7, 1),
            "a, b: 100% %0A\nnext line"),
    Finding("parse-error", "error", "broken.json", Span(3, 1), "invalid JSON"),
]


def test_sarif_has_the_fields_code_scanning_needs():
    doc = json.loads(reporters.sarif(FINDINGS, 3))
    jsonschema.validate(doc, SARIF_SUBSET)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "iam/oidc%20provider.json"
    assert first["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 40}
    assert first["level"] == "error" and run["results"][1]["level"] == "note"
    assert first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5


@pytest.mark.parametrize("path, uri", [("a:b.json", "a%3Ab.json"),
                                       ("/elsewhere/p q.json", "file:///elsewhere/p%20q.json")])
def test_sarif_uris_are_relative_references_or_file_uris(path, uri):
    f = Finding("parse-error", "error", path, Span(1, 1), "invalid JSON")
    res = json.loads(reporters.sarif([f], 1))["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_empty_run_is_valid():
    jsonschema.validate(json.loads(reporters.sarif([], 0)), SARIF_SUBSET)


def _fingerprints(findings):
    doc = json.loads(reporters.sarif(findings, 1))
    return [r["partialFingerprints"][reporters.FINGERPRINT_KEY] for r in doc["runs"][0]["results"]]


WORKFLOW_LINE = "job 'deploy' in .github/workflows/deploy.yml:{} assumes role r (line {})"


def test_sarif_fingerprints_survive_lines_moving_and_tell_findings_apart():
    def finding(line, rule="xref-sub-not-admitted", file="iam/trust.json", message=WORKFLOW_LINE):
        return Finding(rule, "error", file, Span(line, 3), message.format(line + 20, line))

    before, after = _fingerprints([finding(5)]), _fingerprints([finding(9)])
    assert before == after  # an edit above the finding keeps its alert open
    others = [finding(5, rule="xref-sub-broader-than-used"), finding(5, file="iam/other.json"),
              finding(5, message="job 'build' in .github/workflows/deploy.yml:{} (line {})")]
    assert len(set(_fingerprints(others) + before)) == 4


def test_sarif_fingerprints_of_equal_findings_count_up_in_file_order():
    same = [Finding("taskdef-image-latest", "warning", "td.json", Span(n, 1), "image `a` is untagged")
            for n in (3, 8)]
    first, second = _fingerprints(same)
    assert first.endswith(":1") and second.endswith(":2") and first[:-2] == second[:-2]


def test_text_format_and_summary():
    out = reporters.text(FINDINGS, 3)
    lines = out.splitlines()
    assert lines[0] == ("iam/oidc provider.json:2:10: error oidc-provider-url-wrong "
                        "provider URL 'x' is wrong")
    assert lines[1] == "    use `https://token.actions.githubusercontent.com`"
    assert lines[2].startswith("    see iam/trust.json:5:3")
    assert lines[-1] == "2 errors, 0 warnings, 1 info in 3 files read"


def test_text_colour_only_when_asked():
    assert "\033[" not in reporters.text(FINDINGS, 1)
    assert "\033[" in reporters.text(FINDINGS, 1, colour=True)


def test_github_commands_escape_data_and_properties():
    out = reporters.github(FINDINGS, 3).splitlines()
    assert out[0].startswith("::error file=iam/oidc provider.json,line=2,col=10,")
    assert out[1].startswith("::notice file=p.json,line=7,col=1,")
    assert out[1].endswith("::a, b: 100%25 %250A%0Anext line")
    assert len(out) == 3


def test_json_is_stable_and_complete():
    doc = json.loads(reporters.as_json(FINDINGS, 3))
    assert doc["version"] == 1
    assert doc["findings"][0]["extra"] == {"witness": "x"}
    assert doc["findings"][0]["related"] == [
        {"path": "iam/trust.json", "line": 5, "column": 3, "message": "the role"}]
    assert doc["summary"] == {"error": 2, "warning": 0, "info": 1, "files": 3}


def test_sarif_paths_are_relative_to_the_working_folder_even_inside_a_repository(tmp_path):
    # scorers and `upload-sarif` run from the folder linted: a case folder kept
    # inside another checkout names its files from where ecs-lint runs
    outer = tmp_path / "outer"
    case = outer / "cases" / "c1"
    (outer / ".git").mkdir(parents=True)
    (case / "iam").mkdir(parents=True)
    (case / "iam" / "trust.json").write_text(json.dumps(oidc_trust("repo:*")))
    out = run_cli("--no-cache", "--format", "sarif", ".", cwd=case,
                  env={"GITHUB_WORKSPACE": str(outer)})
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out.stdout)["runs"][0]["results"] for loc in r["locations"]}
    assert uris == {"iam/trust.json"}
    out = run_cli("--no-cache", "--format", "github", ".", cwd=case)
    assert "file=iam/trust.json," in out.stdout


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_one_line_escapes_exactly_the_control_characters(s):
    # the quick path (no control character found) must give what the escaping gives
    out = reporters.one_line(s)
    assert out == s.translate(reporters._CONTROL)
    assert "\n" not in out and "\r" not in out


def test_markdown_shows_html_from_the_linted_files_as_text():
    # a value from the files (a role name) must not become HTML in a job summary
    f = Finding("trust-sub-any-repo", "warning", "t.json", Span(3, 5),
                "role <img src=x onerror=alert(1)> & `a<b>` | c", "use `repo:o/r:<ctx>`")
    row = reporters.markdown([f], 1).splitlines()[-1]
    assert "<img" not in row and "&lt;img src=x onerror=alert(1)&gt; &amp;" in row
    assert "`a<b>`" in row and "`repo:o/r:<ctx>`" in row  # code spans show as written
    assert "\\| c" in row
