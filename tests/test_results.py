"""Results reused from earlier runs (lint/results.py): a reused result is exactly
what the checks would say now, and anything it depends on that changed (the
file, another file a check read, the config, ecs-lint's code) makes it be
computed again."""
import json
import os
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROLE, ROOT, oidc_trust, oidc_workflow, run_cli
from ecs_lint import cache, reporters, results, runner
from ecs_lint.config import find_config, load_config
from ecs_lint.runner import Options, collect, lint

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

TRUST = oidc_trust("repo:myorg/app:ref:refs/heads/main")
DEPLOY = oidc_workflow(steps="""\
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ops/task-definition.json
              container-name: web
              image: x
""")
TASKDEF = {"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.25",
                                                       "essential": True}]}


@pytest.fixture
def reuse(tmp_path, monkeypatch):
    """Results are reused (the suite turns it off), in a cache of the test's own."""
    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "ecs-lint" / "results"


@pytest.fixture
def reads(monkeypatch):
    """How many files the checks parsed (a reused result parses nothing)."""
    count = [0]
    real = runner.read_file

    def counting(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)
    monkeypatch.setattr(runner, "read_file", counting)
    return count


def report(folder, reuse=True, verbose=False):
    """(JSON report, (other reports, notes)) of a run over `folder`, as the CLI does it."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        cfg = load_config(find_config("."))
        notes = []
        files = collect(["."], cfg, notes)
        run = lint(files, Options(config=cfg, repo_root=str(folder), reuse=reuse,
                                  verbose=verbose))
        out = reporters.as_json(run.findings, run.files_read)
        # every format: SARIF carries the related locations, text the summary
        same = [reporters.sarif(run.findings, run.files_read),
                reporters.text(run.findings, run.files_read)]
        return out, (same, notes + run.notes)
    finally:
        os.chdir(old)


def rules_of(rep):
    return sorted((f["rule"], f["path"], f["line"]) for f in json.loads(rep)["findings"])


def repo(tmp_path, remote="git@github.com:myorg/app.git"):
    root = tmp_path / "repo"
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(DEPLOY))
    (root / "iam").mkdir()
    (root / "iam" / "trust.json").write_text(json.dumps(TRUST, indent=2))
    (root / ".ecs-lint.yaml").write_text(f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f'[remote "origin"]\n\turl = {remote}\n')
    return root


FOLDERS = [FIXTURES / "xref" / name for name in sorted(os.listdir(FIXTURES / "xref"))
           if (FIXTURES / "xref" / name).is_dir()] + [
    FIXTURES / "workflows" / "shapes", FIXTURES / "article", FIXTURES / "policy",
    FIXTURES / "cloudformation", FIXTURES / "terraform", FIXTURES / "trust"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_second_run_parses_nothing_and_says_the_same(folder, reuse, reads):
    fresh = report(folder, reuse=False, verbose=True)
    reads[0] = 0
    first = report(folder, verbose=True)
    assert reads[0] > 0 and first == fresh
    reads[0] = 0
    second = report(folder, verbose=True)
    assert reads[0] == 0  # every result, the cross-file ones too, reused
    assert second == fresh


def test_a_changed_file_is_checked_again_and_only_it(tmp_path, reuse, reads):
    root = repo(tmp_path)
    (root / "ops").mkdir()
    (root / "ops" / "task-definition.json").write_text(json.dumps(TASKDEF))
    before, _ = report(root)
    assert ("xref-sub-not-admitted" not in before)
    trust = root / "iam" / "trust.json"
    trust.write_text(trust.read_text().replace("refs/heads/main", "refs/heads/develop"))
    reads[0] = 0
    after, _ = report(root)
    # the trust policy once for its checks, then the other files holding documents
    # for the cross-file checks (their own results were reused, not their documents)
    assert reads[0] == 1 + 2
    assert "xref-sub-not-admitted" in after
    assert after == report(root, reuse=False)[0]


def test_a_task_definition_created_or_removed_later(tmp_path, reuse):
    root = repo(tmp_path)
    cfg = root / ".ecs-lint.yaml"  # not linted itself: only its existence matters
    cfg.write_text(cfg.read_text() + "exclude: [ops/]\n")
    assert "xref-task-definition-missing" in report(root)[0]
    (root / "ops").mkdir()
    (root / "ops" / "task-definition.json").write_text(json.dumps(TASKDEF))
    assert "xref-task-definition-missing" not in report(root)[0]
    (root / "ops" / "task-definition.json").unlink()
    assert "xref-task-definition-missing" in report(root)[0]
    # the hint lists the folder: a near name added later is suggested
    (root / "ops" / "task-definitions.json").write_text(json.dumps(TASKDEF))
    assert "ops/task-definitions.json" in report(root)[0]
    assert report(root)[0] == report(root, reuse=False)[0]


def test_a_changed_git_remote(tmp_path, reuse):
    root = repo(tmp_path, remote="git@github.com:myorg/app.git")
    (root / "ops").mkdir()
    (root / "ops" / "task-definition.json").write_text(json.dumps(TASKDEF))
    assert "xref-sub-not-admitted" not in report(root)[0]
    (root / ".git" / "config").write_text('[remote "origin"]\n\turl = git@github.com:other/app.git\n')
    assert "xref-sub-not-admitted" in report(root)[0]


CALLER = """\
    on:
      push:
        branches: [main]
    permissions:
      contents: read
    jobs:
      deploy:
        uses: ./.github/workflows/callee.yml
    """
CALLEE = """\
    on: workflow_call
    jobs:
      deploy:
        runs-on: ubuntu-latest
        steps:
          - run: echo nothing to assume
    """


def test_a_changed_reusable_workflow_rechecks_its_caller(tmp_path, reuse):
    # the caller's own finding depends on what the workflow it calls does
    root = tmp_path / "repo"
    wf = root / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "caller.yml").write_text(textwrap.dedent(CALLER))
    (wf / "callee.yml").write_text(textwrap.dedent(CALLEE))
    found = [r for r in rules_of(report(root)[0]) if r[0] == "workflow-id-token-missing"]
    assert found == []
    (wf / "callee.yml").write_text(textwrap.dedent(DEPLOY).replace(
        "on:\n  push:\n    branches: [main]", "on: workflow_call").replace(
        "permissions:\n      id-token: write\n    ", ""))
    found = [r for r in rules_of(report(root)[0]) if r[0] == "workflow-id-token-missing"]
    assert [f[1] for f in found] == [".github/workflows/caller.yml"]
    assert report(root)[0] == report(root, reuse=False)[0]


def test_terraform_files_read_their_module_and_templates(tmp_path, reuse):
    # a .tf file's findings depend on the other files of its module (a variable's
    # default) and on files its expressions read (templatefile)
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "terraform" / "policy-document", root / "policy-document")
    shutil.copytree(FIXTURES / "terraform" / "ecs", root / "ecs")

    def found(rule, file):
        return [f for f in rules_of(report(root)[0]) if f[0].startswith(rule) and f[1] == file]
    assert [f[0] for f in found("trust-sub-", "policy-document/trust.tf")] == [
        "trust-sub-any-owner"]
    assert found("taskdef-secret-in-environment", "ecs/containers.json.tpl")
    roles = root / "policy-document" / "roles.tf"
    roles.write_text(roles.read_text().replace('"repo:acme/shop:environment:production"',
                                               '"repo:*"'))
    assert len(found("trust-sub-", "policy-document/trust.tf")) == 2
    template = root / "ecs" / "containers.json.tpl"
    template.write_text(template.read_text().replace(
        '[{"name": "DB_PASSWORD", "value": "hunter2"}]', '[]'))
    assert not found("taskdef-secret-in-environment", "ecs/containers.json.tpl")
    (root / "policy-document" / "more.auto.tfvars").write_text(
        'production_sub = "repo:acme/shop:environment:production"\n')
    assert len(found("trust-sub-", "policy-document/trust.tf")) == 1
    assert report(root) == report(root, reuse=False)


def test_a_changed_container_file_rechecks_the_terraform_that_reads_it(tmp_path, reuse):
    # container_definitions = file("containers.json"): the .tf file's result
    # depends on the container file's secrets
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "terraform" / "file", root / "infra")
    secrets = ("taskdef-secrets-no-execution-role", "infra/ecs.tf", 12)
    assert secrets in rules_of(report(root)[0])
    containers = root / "infra" / "containers.json"
    data = json.loads(containers.read_text())
    del data[0]["secrets"]
    containers.write_text(json.dumps(data, indent=2))
    assert secrets not in rules_of(report(root)[0])
    assert report(root) == report(root, reuse=False)


def test_a_changed_config_is_a_new_setting(tmp_path, reuse):
    root = repo(tmp_path)
    assert "xref-task-definition-missing" in report(root)[0]
    cfg = root / ".ecs-lint.yaml"
    cfg.write_text(cfg.read_text() + "rules:\n  xref-task-definition-missing: off\n")
    assert "xref-task-definition-missing" not in report(root)[0]


def test_changed_code_is_a_new_setting(tmp_path, monkeypatch):
    source = tmp_path / "rule.py"
    source.write_text("x = 1\n")
    results._code_fingerprint()  # finds ecs-lint's files once
    monkeypatch.setattr(results, "_SOURCE_FILES", [str(source)])
    opts = Options(repo_root=str(tmp_path))
    key = results.settings_key(opts, {"a"}, [])
    assert results.settings_key(opts, {"a"}, []) == key
    assert results.settings_key(opts, {"a", "b"}, []) != key
    assert results.settings_key(opts, {"a"}, [["policy-iam-lint", "1.6.3"]]) != key
    source.write_text("x = 2  # edited\n")
    assert results.settings_key(opts, {"a"}, []) != key


def test_an_installed_ecs_lint_is_known_by_its_record(tmp_path):
    # pip's RECORD (a hash of every installed file): a reinstall of the same code
    # keeps the key (CI installs ecs-lint afresh each run), other code changes it
    site = tmp_path / "site-packages"
    info = site / "ecs_lint-0.1.0.dist-info"
    info.mkdir(parents=True)
    record = "ecs_lint/__init__.py,sha256=AAA,97\necs_lint/runner.py,sha256=BBB,20000\n"
    (info / "RECORD").write_text(record)
    first = results.installed_record(str(site), "ecs_lint")
    assert first is not None and first == results.installed_record(str(site), "ecs_lint")
    (info / "RECORD").write_text(record.replace("BBB", "CCC"))
    assert results.installed_record(str(site), "ecs_lint") not in (None, first)
    # an editable install's RECORD lists no sources: the checkout's files decide
    (info / "RECORD").write_text("__editable__.ecs_lint-0.1.0.pth,sha256=x,10\n")
    assert results.installed_record(str(site), "ecs_lint") is None
    assert results.installed_record(str(tmp_path / "nowhere"), "ecs_lint") is None


def test_internal_errors_are_not_kept(tmp_path, reuse, monkeypatch):
    from ecs_lint.registry import CHECKS

    root = repo(tmp_path)
    check = next(c for c in CHECKS if c.name.endswith("workflow.id_token"))

    def broken(doc, ctx):
        raise RuntimeError("boom")
        yield
    index = CHECKS.index(check)
    try:
        CHECKS[index] = check.__class__(broken, check.kinds, check.rules, check.cross_file)
        assert "internal-error" in report(root)[0]
    finally:
        CHECKS[index] = check
    assert "internal-error" not in report(root)[0]


def test_large_runs_in_workers_agree_with_no_cache(tmp_path):
    root = tmp_path / "repo"
    generate(str(root), 14)  # 70 files: worker processes
    env = {"ECS_LINT_JOBS": "2", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    args = (".", "--format", "json", "--ignore", "policy-iam-lint")
    fresh = run_cli(*args, "--no-cache", cwd=root, env=env)
    assert not (tmp_path / "xdg" / "ecs-lint" / "results").exists()  # --no-cache keeps nothing
    first = run_cli(*args, cwd=root, env=env)
    second = run_cli(*args, cwd=root, env=env)
    assert fresh.stdout == first.stdout == second.stdout and fresh.returncode == 1
    assert '"files": 70' in fresh.stdout
    policy = root / "iam" / "svc-00003-policy.json"
    data = json.loads(policy.read_text())
    data["Statement"] = [s for s in data["Statement"] if s.get("Sid") != "PassRoles"]
    policy.write_text(json.dumps(data))
    changed = run_cli(*args, cwd=root, env=env)
    assert "svc-00003-policy.json" in changed.stdout and changed.stdout != second.stdout
    assert changed.stdout == run_cli(*args, "--no-cache", cwd=root, env=env).stdout


def test_a_changed_workflow_is_checked_again_with_its_bundle_only(tmp_path, reuse,
                                                                   monkeypatch):
    # the cross-file findings are kept per bundle of linked files: a changed
    # workflow's bundle is checked again, every other bundle's findings reused
    from ecs_lint.xref import groups

    root = tmp_path / "repo"
    generate(str(root), 12)  # 60 files: a large run, read again by bundle
    monkeypatch.setattr(groups, "BUNDLE_FILES", 5)  # one service a bundle
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    checked = []
    real = runner._CrossJob.run_bundle
    monkeypatch.setattr(runner._CrossJob, "run_bundle",
                        lambda job, b: checked.append(
                            sorted(os.path.basename(job.files[i].path) for i in job.bundles[b]))
                        or real(job, b))
    cut = []
    real_bundles = groups.bundles
    monkeypatch.setattr(groups, "bundles", lambda *a: cut.append(1) or real_bundles(*a))
    first = report(root)
    assert len(checked) == 12 and len(cut) == 1
    checked.clear()
    assert report(root) == first and checked == []
    assert len(cut) == 1  # nothing changed: the whole run's findings, not cut again
    workflow = root / ".github" / "workflows" / "deploy-svc-00004.yml"
    workflow.write_text(workflow.read_text().replace("id-token: write", "id-token: read"))
    changed = report(root)
    assert checked == [["deploy-svc-00004.yml", "svc-00004-policy.json", "svc-00004-service.json",
                        "svc-00004-task-definition.json", "svc-00004-trust.json"]]
    assert changed != first and changed == report(root, reuse=False)


def test_the_store_keeps_what_a_smaller_run_did_not_use(tmp_path, reuse, reads, monkeypatch):
    root = repo(tmp_path)
    report(root)
    old = os.getcwd()
    os.chdir(root)
    try:  # a pre-commit run on one file (named: a key of its own)
        cfg = load_config(find_config("."))
        lint(collect(["iam/trust.json"], cfg, []), Options(config=cfg, repo_root=str(root),
                                                           reuse=True))
    finally:
        os.chdir(old)
    reads[0] = 0
    report(root)
    assert reads[0] == 0
    [store] = list(reuse.iterdir())
    buckets = [cache.read_sealed(str(p)) for p in store.glob("files-*.json")]
    assert sum(len(b) for b in buckets) == 3  # 2 walked + 1 named
    # a bucket keeps its newest entries up to its share
    monkeypatch.setattr(results, "MAX_FILES", results.BUCKETS)  # one entry a bucket
    for i in range(3):
        (root / "iam" / "trust.json").write_text(json.dumps(TRUST, indent=i))
        report(root)
    assert all(len(cache.read_sealed(str(p))) == 1 for p in store.glob("files-*.json"))
    reads[0] = 0
    report(root)
    assert reads[0] == 0  # the newest entries are the ones kept


garbage = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                       lambda inner: st.lists(inner, max_size=5)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=garbage, which=st.sampled_from(["files", "bundles", "all"]),
       sealed=st.booleans())
def test_garbage_in_the_store(tmp_path_factory, monkeypatch, value, which, sealed):
    # a file changed by anything but ecs-lint is a miss (its digest does not
    # match); one that ecs-lint sealed but holds a wrong shape never crashes a run
    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    base = tmp_path_factory.mktemp("garbage")
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg"))
    root = repo(base)
    fresh = report(root, reuse=False)
    report(root)
    for entry in (base / "xdg" / "ecs-lint" / "results").glob("*/*.json"):
        if which == "all" or entry.name.startswith(which + "-"):
            if sealed:
                cache.write_sealed(str(entry), value)
            else:
                entry.write_text(json.dumps(cache.read_sealed(str(entry)) if value is None
                                            else value))
    again = report(root)
    if not sealed:
        assert again == fresh
    assert json.loads(again[0])["summary"]["files"] == json.loads(fresh[0])["summary"]["files"]
    assert report(root, reuse=False) == fresh


def test_probes_answer_again_and_garbage_is_a_no(tmp_path):
    from ecs_lint import probes

    f = tmp_path / "a.txt"
    f.write_text("one")
    with probes.recording() as asked:
        assert probes.ask("exists", str(f)) is True
        assert probes.read_bytes(str(f), 100) == b"one"
        assert probes.read_bytes(str(f), 2) is None  # above the limit
        assert probes.ask("listdir", str(tmp_path)) == ["a.txt"]
    assert len(asked) == 4 and probes.still_true(json.loads(json.dumps(asked)))
    f.write_text("two")
    assert probes.still_true(asked)  # the disk is asked once a run
    probes.new_run()
    assert not probes.still_true(asked)
    for bad in ([["nope", [], None]], [["exists", "x", True]], [None], 3,
                [["exists", [1, 2, 3], True]]):
        assert probes.still_true(bad) is False


# ---------------------------------------------------------------------------
# any sequence of edits: a run that reuses says what a run from scratch says

def _edit_text(path, old, new):
    def edit(root):
        p = root / path
        if p.exists():
            p.write_text(p.read_text().replace(old, new) if old in p.read_text()
                         else p.read_text().replace(new, old))
    return edit


def _toggle_file(path, text):
    def edit(root):
        p = root / path
        if p.exists():
            p.unlink()
        else:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text)
    return edit


EDITS = {
    "trust sub": _edit_text("iam/trust.json", "refs/heads/main", "refs/heads/develop"),
    "task definition": _toggle_file("ops/task-definition.json", json.dumps(TASKDEF)),
    "container name": _edit_text("ops/task-definition.json", '"web"', '"api"'),
    "git remote": _edit_text(".git/config", "myorg/app", "other/app"),
    "callee": _edit_text(".github/workflows/callee.yml", "echo nothing to assume",
                         "aws sts assume-role-with-web-identity --role-arn " + ROLE),
    "tf variable": _edit_text("tf/roles.tf", '"repo:acme/shop:environment:production"',
                              '"repo:*"'),
    "tf template": _edit_text("tf/containers.json.tpl", '"hunter2"', '"${tag}"'),
    "tfvars": _toggle_file("tf/x.auto.tfvars", 'production_sub = "repo:*"\n'),
    "unlinted task definition": _toggle_file("built/task-definition.json", json.dumps(TASKDEF)),
    "config": _edit_text(".ecs-lint.yaml", "# no rules\n", "rules:\n  trust-sub-any-owner: off\n"),
    "new workflow": _toggle_file(".github/workflows/other.yml", textwrap.dedent(DEPLOY).replace(
        "branches: [main]", "branches: [release]")),
    "composite action": _edit_text(".github/actions/assume/action.yml",
                                   "- shell: bash\n      run: echo nothing here",
                                   "- uses: aws-actions/configure-aws-credentials@v4\n"
                                   "      with:\n"
                                   f"        role-to-assume: {ROLE}\n"
                                   "        aws-region: eu-west-1"),
}

COMPOSITE = """\
name: assume
description: a local composite action
runs:
  using: composite
  steps:
    - shell: bash
      run: echo nothing here
"""
USES_COMPOSITE = """\
on:
  push:
    branches: [release]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/assume
"""


def test_a_changed_composite_action_rechecks_the_workflows_that_run_it(tmp_path, reuse):
    # the workflow's own findings and the cross-file ones depend on the action's steps
    root = repo(tmp_path)
    (root / ".github" / "actions" / "assume").mkdir(parents=True)
    (root / ".github" / "actions" / "assume" / "action.yml").write_text(COMPOSITE)
    (root / ".github" / "workflows" / "release.yml").write_text(USES_COMPOSITE)
    before = report(root)
    EDITS["composite action"](root)
    after = report(root)
    assert after == report(root, reuse=False)
    assert "xref-sub-not-admitted" in after[0] and "xref-sub-not-admitted" not in before[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=5))
def test_any_edits_reused_equals_fresh(tmp_path_factory, monkeypatch, edits):
    import shutil

    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    base = tmp_path_factory.mktemp("edits")
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg"))
    root = repo(base)
    cfg = root / ".ecs-lint.yaml"
    cfg.write_text(cfg.read_text() + "exclude: [built/]\n# no rules\n")  # built/: read, not linted
    (root / "ops").mkdir()
    (root / "ops" / "task-definition.json").write_text(json.dumps(TASKDEF))
    wf = root / ".github" / "workflows"
    (wf / "caller.yml").write_text(textwrap.dedent(CALLER))
    (wf / "callee.yml").write_text(textwrap.dedent(CALLEE))
    (wf / "build.yml").write_text(textwrap.dedent(DEPLOY).replace("ops/", "built/"))
    (wf / "release.yml").write_text(USES_COMPOSITE)
    (root / ".github" / "actions" / "assume").mkdir(parents=True)
    (root / ".github" / "actions" / "assume" / "action.yml").write_text(COMPOSITE)
    shutil.copytree(FIXTURES / "terraform" / "policy-document", root / "tf")
    shutil.copy(FIXTURES / "terraform" / "ecs" / "ecs.tf", root / "tf" / "ecs.tf")
    shutil.copy(FIXTURES / "terraform" / "ecs" / "containers.json.tpl", root / "tf")
    report(root)
    for name in edits:
        EDITS[name](root)
        assert report(root) == report(root, reuse=False), name


@pytest.mark.parametrize("record", [
    [["f:x"], ["k:y"], {"repos": 5}], [["f:x"], [1], {}], [["f:x"], ["k:y"]], "record",
    [["f:x"], ["k:y"], {"codedeploy_ids": [[1, 2]]}]])
def test_a_kept_record_of_the_wrong_shape_is_a_miss(tmp_path, reuse, record):
    root = repo(tmp_path)
    fresh = report(root, reuse=False)
    report(root)
    [store] = list(reuse.iterdir())
    for bucket in store.glob("files-*.json"):
        entries = cache.read_sealed(str(bucket))
        for entry in entries.values():
            entry[3] = record
        cache.write_sealed(str(bucket), entries)
    assert report(root) == fresh


def test_a_listing_is_recorded_by_its_digest(tmp_path):
    # the workflows folder of a monorepo holds thousands of names: each result
    # that looked at it keeps a digest of them, and a new file is a change
    from ecs_lint import probes

    (tmp_path / "a.yml").write_text("")
    with probes.recording() as asked:
        assert probes.names(str(tmp_path), [".yml"], []) == ["a.yml"]
    assert len(json.dumps(asked)) < 200 + len(str(tmp_path))
    probes.new_run()
    assert probes.still_true(json.loads(json.dumps(asked)))
    (tmp_path / "b.yml").write_text("")
    probes.new_run()
    assert not probes.still_true(asked)
    assert probes.names(str(tmp_path / "missing"), [".yml"], []) is None


TF_TRUST = """\
variable "environment" {}
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = { StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:myorg/app:environment:${var.environment}"
      } }
    }]
  })
}
"""


def test_a_tfvars_edit_checks_the_cross_file_findings_again(tmp_path, reuse):
    # the .tf's bytes do not change, but what it says does: the bundle that
    # holds it is checked again, not reused
    root = repo(tmp_path)
    (root / "iam" / "trust.json").unlink()
    (root / "infra").mkdir()
    (root / "infra" / "main.tf").write_text(TF_TRUST)
    (root / "infra" / "terraform.tfvars").write_text('environment = "production"\n')
    (root / ".ecs-lint.yaml").write_text("github: {repository: myorg/app}\n")
    deploy = root / ".github" / "workflows" / "deploy.yml"
    deploy.write_text(textwrap.dedent(oidc_workflow(
        role="arn:aws:iam::123456789012:role/deploy", environment="production")))

    def refused():
        return [f for f in rules_of(report(root)[0]) if f[0] == "xref-sub-not-admitted"]
    assert refused() == [] and refused() == []  # the second run reuses the first's
    (root / "infra" / "terraform.tfvars").write_text('environment = "prod"\n')
    assert refused() == [("xref-sub-not-admitted", "infra/main.tf", 12)]
    assert refused() == [("xref-sub-not-admitted", "infra/main.tf", 12)]  # reused, right


def test_a_reused_workflow_result_follows_the_script_it_runs(tmp_path, reuse):
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / "scripts").mkdir()
    (repo / ".github" / "workflows" / "d.yml").write_text(
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: ./scripts/deploy.sh\n")
    script = repo / "scripts" / "deploy.sh"
    script.write_text("aws ecs update-service --cluster c --service s\n")
    first, _ = report(repo)
    assert "workflow-deploy-no-environment" in [r for r, _, _ in rules_of(first)]
    script.write_text("echo no deploy today\n")  # the workflow itself is unchanged
    second, _ = report(repo)
    assert "workflow-deploy-no-environment" not in [r for r, _, _ in rules_of(second)]
