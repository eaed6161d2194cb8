"""The command line as a user meets it: exit codes, formats, options, errors."""
import json
import os

import pytest

from conftest import FIXTURES, run_cli

PROVIDERS = FIXTURES / "oidc-provider"
BAD = str(PROVIDERS / "bad-audience.json")
GOOD = str(PROVIDERS / "good-get-output.json")


def test_clean_file_exits_0():
    r = run_cli(GOOD)
    assert r.returncode == 0, r.stderr
    assert "no findings in 1 file read" in r.stdout


def test_finding_exits_1_with_path_line_column():
    r = run_cli(BAD)
    assert r.returncode == 1
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{BAD}:3:") or ":3:" in first
    assert " error oidc-provider-audience-missing " in first
    assert "1 error, 0 warnings, 0 info in 1 file read" in r.stdout


@pytest.mark.parametrize("fail_on,code", [("error", 1), ("never", 0), ("info", 1)])
def test_fail_on(fail_on, code):
    assert run_cli(BAD, "--fail-on", fail_on).returncode == code


def test_info_findings_do_not_fail_the_default_gate():
    r = run_cli(str(PROVIDERS / "bad-http-and-thumbprint.json"), "--select",
                "oidc-provider-thumbprint-malformed")
    assert r.returncode == 0 and "oidc-provider-thumbprint-malformed" in r.stdout
    assert run_cli(str(PROVIDERS / "bad-http-and-thumbprint.json"), "--select",
                   "oidc-provider-thumbprint-malformed", "--fail-on", "info").returncode == 1


def test_select_and_ignore_take_prefixes():
    r = run_cli(BAD, "--ignore", "oidc-provider-")
    assert r.returncode == 0
    r = run_cli(BAD, "--select", "parse-,oidc-provider-audience-missing")
    assert r.returncode == 1


@pytest.mark.parametrize("args,needle", [
    (["--select", "nope-rule"], "unknown rule id"),
    (["--ignore", "nope"], "unknown rule id"),
    (["--explain", "nope"], "unknown rule id"),
    (["--no-such-option"], "no such option"),
    (["--format", "xml"], "xml"),
    (["--kind", "banana"], "unknown kind"),
    (["does/not/exist.json"], "no such file"),
    (["--output", "/nonexistent-folder/r.txt"], "no such folder"),
    (["--list-rules", "--format", "sarif"], "not a list format"),
])
def test_usage_errors_exit_2_with_one_line(args, needle):
    r = run_cli(*args, *([] if "exist" in args[0] else [GOOD]))
    assert r.returncode == 2
    assert needle in r.stderr.lower()
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_invalid_config_exits_2_naming_key_and_line(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("rules:\n  oidc-provider-url-wrong: loud\n")
    r = run_cli("--config", str(cfg), GOOD)
    assert r.returncode == 2
    assert ":2:" in r.stderr and "oidc-provider-url-wrong" in r.stderr


def test_stdin_with_kind():
    text = (PROVIDERS / "bad-audience.json").read_text()
    r = run_cli("-", "--kind", "oidc-provider", input=text)
    assert r.returncode == 1
    assert r.stdout.startswith("<stdin>:3:")


def test_unknown_kind_named_on_command_line_is_a_parse_error(tmp_path):
    f = tmp_path / "other.json"
    f.write_text('{"hello": "world"}')
    r = run_cli(str(f))
    assert r.returncode == 1
    assert "parse-error" in r.stdout and "--kind" in r.stdout


@pytest.mark.parametrize("name, text", [
    ("bucket.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"),
    ("logs.json", '{"Resources": {"L": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}'),
    ("bucket.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'),
])
def test_a_template_with_nothing_ecs_lint_reads_is_not_an_error(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text)
    r = run_cli(str(f), "--verbose")
    assert r.returncode == 0, r.stdout
    assert "parse-error" not in r.stdout
    assert "no resources ecs-lint reads" in r.stderr


def test_folder_walk_skips_unknown_kinds_quietly(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "x"}')
    (tmp_path / "notes.txt").write_text("not read")
    r = run_cli(str(tmp_path), "--verbose")
    assert r.returncode == 0
    assert "no findings in 1 file read" in r.stdout
    assert "no known kind" in r.stderr


def test_walk_skips_vendor_folders_and_config_excludes(tmp_path):
    for d in ("node_modules", ".terraform", "vendor"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.json").write_text((PROVIDERS / "bad-audience.json").read_text())
    (tmp_path / ".ecs-lint.yaml").write_text('exclude: ["vendor/**"]\n')
    r = run_cli(".", cwd=tmp_path)
    assert r.returncode == 0, r.stdout


def test_json_format_shape():
    r = run_cli(BAD, "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["version"] == 1 and doc["tool"]["name"] == "ecs-lint"
    (f,) = doc["findings"]
    assert f["rule"] == "oidc-provider-audience-missing" and f["line"] == 3
    assert set(f) >= {"severity", "path", "column", "endLine", "endColumn", "message", "help"}
    assert doc["summary"] == {"error": 1, "warning": 0, "info": 0, "files": 1}


def test_markdown_format_is_a_table_of_the_findings():
    r = run_cli(BAD, "--format", "markdown")
    lines = r.stdout.splitlines()
    assert r.returncode == 1 and lines[0].startswith("**ecs-lint**: 1 error")
    assert lines[2].startswith("| Location |") and "`oidc-provider-audience-missing`" in lines[4]
    assert run_cli(GOOD, "--format", "markdown").stdout.startswith("**ecs-lint**: no findings")


def test_a_pipe_named_on_the_command_line_is_read(tmp_path):
    fifo = tmp_path / "policy.json"
    os.mkfifo(fifo)
    import threading

    def feed():
        with open(fifo, "w") as f:
            f.write(open(BAD).read())
    t = threading.Thread(target=feed)
    t.start()
    r = run_cli(str(fifo))
    t.join()
    assert r.returncode == 1 and "oidc-provider-audience-missing" in r.stdout


def test_github_format():
    r = run_cli(BAD, "--format", "github")
    line = r.stdout.strip()
    assert line.startswith("::error file=") and ",line=3," in line
    assert "title=oidc-provider-audience-missing::" in line


def test_output_file(tmp_path):
    out = tmp_path / "r.sarif"
    r = run_cli(BAD, "--format", "sarif", "--output", str(out))
    assert r.returncode == 1 and r.stdout == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_list_rules_and_explain():
    r = run_cli("--list-rules")
    assert r.returncode == 0 and "oidc-provider-url-wrong" in r.stdout and "parse-error" in r.stdout
    rules = json.loads(run_cli("--list-rules", "--format", "json").stdout)
    ids = {x["id"] for x in rules}
    assert {"oidc-provider-url-wrong", "parse-error"} <= ids
    r = run_cli("--explain", "oidc-provider-url-wrong")
    assert r.returncode == 0 and "## What it does" in r.stdout and "Use instead" in r.stdout


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and "ecs-lint" in r.stdout


def test_inline_suppression_in_yaml(tmp_path):
    f = tmp_path / "template.yaml"
    f.write_text(
        "Resources:\n"
        "  P:\n"
        "    Type: AWS::IAM::OIDCProvider\n"
        "    Properties:\n"
        "      # ecs-lint: ignore[oidc-provider-url-wrong]\n"
        "      Url: https://example.com\n"
        "      ClientIdList: [sts.amazonaws.com]\n")
    assert run_cli(str(f)).returncode == 0
    f.write_text(f.read_text().replace("ignore[oidc-provider-url-wrong]", "ignore[trust-sub-missing]"))
    assert run_cli(str(f)).returncode == 1


TD_YAML = """\
family: web
containerDefinitions:
  - name: web{comment}
    image: nginx:latest
    logConfiguration: {{logDriver: awslogs}}
"""


@pytest.mark.parametrize("comment, latest_reported", [
    ("", True),
    ("\n    # ecs-lint: ignore[taskdef-image-latest]", False),  # alone on the line above
    ("   # ecs-lint: ignore", True),  # at the end of the line above: its own line only
    ("\n    # ecs-lint: ignore[taskdef]", False),  # a prefix, as --select takes it
])
def test_inline_suppression_covers_its_line_or_the_next_from_a_line_of_its_own(
        tmp_path, comment, latest_reported):
    f = tmp_path / "td.yaml"
    f.write_text(TD_YAML.format(comment=comment))
    assert ("taskdef-image-latest" in run_cli("--no-cache", str(f)).stdout) is latest_reported


@pytest.mark.parametrize("ids, warned", [
    ("taskdef-image-latst", "'taskdef-image-latst' (did you mean 'taskdef-image-latest'?)"),
    ("trust-sub-missing, no-such-rule", "'no-such-rule';"),
    ("", "''"),
    ("taskdef-image-latest", None), ("taskdef", None), ("ALL", None), ("taskdef-, trust", None),
])
def test_a_suppression_naming_no_rule_is_warned_about_on_every_run(tmp_path, ids, warned):
    f = tmp_path / "td.yaml"
    f.write_text(TD_YAML.format(comment=f"\n    # ecs-lint: ignore[{ids}]"))
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the second run reuses the first one's results
        r = run_cli(str(f), env=env)
        if warned is None:
            assert "names no rule" not in r.stderr
            continue
        assert f"td.yaml:4:5: `ecs-lint: ignore[...]` names no rule: {warned}" in r.stderr
        # the typo suppresses nothing, and the exit code is the findings' alone
        assert "taskdef-image-latest" in r.stdout and r.returncode == 1


TF_SERVICE = """\
resource "aws_ecs_service" "web" {{
  name    = "web"
  cluster = "c"{comment}
  deployment_minimum_healthy_percent = 50
}}
"""


@pytest.mark.parametrize("name, comment, reported", [
    ("main.tf", "\n  // ecs-lint: ignore[service-circuit-breaker-off]", False),
    ("main.tf", "\n  # ecs-lint: ignore[service-circuit-breaker-off]", False),
    ("main.tf", "\n  // ecs-lint: ignore[trust]", True),
    ("main.tf", "  // ecs-lint: ignore", True),  # the end of the line above
])
def test_terraform_suppressions_take_either_comment_style(tmp_path, name, comment, reported):
    f = tmp_path / name
    f.write_text(TF_SERVICE.format(comment=comment))
    r = run_cli("--no-cache", str(f))
    assert ("service-circuit-breaker-off" in r.stdout) is reported


def test_a_double_slash_starts_a_suppression_in_terraform_only():
    from ecs_lint.runner import _suppressed, _suppression_pattern

    lines = ["image: 'nginx // ecs-lint: ignore'", "x = 1 // ecs-lint: ignore"]
    assert not _suppressed(lines, 1, "taskdef-image-latest", _suppression_pattern("td.yaml"))
    assert _suppressed(lines, 2, "taskdef-image-latest", _suppression_pattern("main.tf"))


def test_a_suppression_text_in_json_suppresses_nothing(tmp_path):
    f = tmp_path / "p.json"
    f.write_text('{"Sid": "# ecs-lint: ignore",\n' + (PROVIDERS / "bad-audience.json").read_text()[1:])
    assert "oidc-provider-audience-missing" in run_cli("--no-cache", str(f)).stdout


@pytest.mark.parametrize("entry", ["{path: p.json, rules: [oidc-provider]}",
                                   "{path: p.json, rules: [ALL]}", "{path: p.json}"])
def test_per_path_ignores_take_selectors(tmp_path, entry):
    (tmp_path / "p.json").write_text((PROVIDERS / "bad-audience.json").read_text())
    (tmp_path / ".ecs-lint.yaml").write_text(f"ignore:\n  - {entry}\n")
    assert run_cli("--no-cache", ".", cwd=tmp_path).returncode == 0


def test_per_path_ignores(tmp_path):
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "p.json").write_text((PROVIDERS / "bad-audience.json").read_text())
    (tmp_path / ".ecs-lint.yaml").write_text(
        "ignore:\n  - {path: 'legacy/**', rules: [oidc-provider-audience-missing]}\n")
    assert run_cli(".", cwd=tmp_path).returncode == 0


def test_rule_severity_and_off_from_config(tmp_path):
    (tmp_path / "p.json").write_text((PROVIDERS / "bad-audience.json").read_text())
    (tmp_path / ".ecs-lint.yaml").write_text("rules:\n  oidc-provider-audience-missing: info\n")
    r = run_cli(".", cwd=tmp_path)
    assert r.returncode == 0 and " info oidc-provider-audience-missing" in r.stdout
    (tmp_path / ".ecs-lint.yaml").write_text("rules:\n  oidc-provider-audience-missing: off\n")
    r = run_cli(".", cwd=tmp_path)
    assert "oidc-provider-audience-missing" not in r.stdout


def test_python_dash_m_works():
    r = run_cli("--version")
    assert r.returncode == 0


def test_config_exclude_holds_for_named_files_as_pre_commit_passes_them(tmp_path):
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "p.json").write_text((PROVIDERS / "bad-audience.json").read_text())
    (tmp_path / ".ecs-lint.yaml").write_text('exclude: ["vendor/**"]\n')
    r = run_cli("--no-cache", "--skip-unknown", "-v", "vendor/p.json", cwd=tmp_path)
    assert r.returncode == 0 and "excluded by the config" in r.stderr


def test_parse_errors_stay_whatever_is_selected_unless_ignored_by_name(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"Statement": [')
    assert "parse-error" in run_cli("--no-cache", "--select", "trust-", str(bad)).stdout
    r = run_cli("--no-cache", "--ignore", "parse-error", str(bad))
    assert r.returncode == 0 and "parse-error" not in r.stdout
    (tmp_path / ".ecs-lint.yaml").write_text("rules:\n  parse-error: warning\n")
    r = run_cli("--no-cache", "--fail-on", "error", "broken.json", cwd=tmp_path)
    assert r.returncode == 0 and "warning parse-error" in r.stdout


def test_a_forced_kind_that_does_not_fit_says_so_with_verbose():
    r = run_cli("--no-cache", "-v", "--kind", "workflow", BAD)
    assert "read as workflow (--kind), but its content is that of: oidc-provider" in r.stderr


def test_a_yaml_file_of_another_tool_with_python_tags_is_skipped_in_a_walk(tmp_path):
    # mkdocs.yml is valid YAML; its `!!python/name:` tags are not constructed, and
    # a file of no known kind met in a walk is skipped; named, or of a known kind,
    # the tag is reported
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    walked = run_cli("--no-cache", "-v", ".", cwd=tmp_path)
    assert walked.returncode == 0, walked.stdout
    assert "skipped mkdocs.yml" in walked.stderr
    named = run_cli("--no-cache", "mkdocs.yml", cwd=tmp_path)
    assert named.returncode == 1 and "mkdocs.yml:4:20: error parse-error unsafe YAML tag" in named.stdout
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "deploy.yml").write_text(
        "on: push\njobs:\n  x:\n    runs-on: !!python/object/apply:os.system ['id']\n")
    walked = run_cli("--no-cache", ".", cwd=tmp_path)
    assert walked.returncode == 1 and "deploy.yml:4:14: error parse-error unsafe" in walked.stdout


def test_a_dangling_link_is_skipped_in_a_walk_and_an_error_when_named(tmp_path):
    os.symlink(tmp_path / "nowhere.json", tmp_path / "link.json")
    walked = run_cli("--no-cache", "-v", ".", cwd=tmp_path)
    assert walked.returncode == 0 and "skipped link.json: a link to nothing" in walked.stderr
    named = run_cli("--no-cache", "link.json", cwd=tmp_path)
    assert named.returncode == 1 and "link.json:1:1: error parse-error cannot read file" \
        in named.stdout


@pytest.mark.parametrize("job, warned", [
    ("    <<: *defaults\n", True),  # GitHub refuses merge keys
    ("    runs-on: *runner\n", False),  # anchors and aliases are fine
])
def test_a_workflow_merge_key_is_warned_about(tmp_path, job, warned):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "d.yml").write_text("on: push\nx: &defaults\n  runs-on: &runner ubuntu-latest\n"
                              "jobs:\n  a:\n" + job + "    steps: [{run: echo}]\n")
    r = run_cli("--no-cache", str(tmp_path))
    assert ("does not support YAML merge keys" in r.stderr) is warned
    assert r.returncode == 0
