"""The on-disk cache (lint/cache.py) and parliament's findings kept in it: a hit
gives exactly what parliament would, never imports it, and no cache problem
changes a result."""
import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, lint_folder
from ecs_lint import cache
from ecs_lint.config import Config
from ecs_lint.rules import policy
from ecs_lint.runner import Options, SourceFile, read_file

# permission policies parliament has something to say about, plain and in templates
POLICY_FILES = [FIXTURES / "policy" / name for name in (
    "bad-duplicate-sid.json", "bad-passrole-star.json", "bad-passrole-account.yaml",
    "bad-deny-takes-passrole-back.json", "good-register-denied.json")]
FOLDERS = [FIXTURES / "policy", FIXTURES / "cloudformation", FIXTURES / "article"]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "ecs-lint"


def policies(path):
    docs, _ = read_file(SourceFile(str(path), True), Options(config=Config()), [])
    return [d for d in docs if d.kind == "permissions-policy"]


def problems(path):
    """parliament's Problems on every permission policy of a file, comparable."""
    return [(p.rule, p.path, p.message, p.help, p.severity, p.key, p.extra)
            for doc in policies(path) for p in policy.parliament_problems(doc)]


def findings(folder):
    return [(f.rule, f.severity, f.file, f.line, f.column, f.message, f.help, f.extra)
            for f in lint_folder(folder)]


def entries(home):
    return sorted(str(p) for p in home.rglob("*.json")) if home.exists() else []


def no_parliament(monkeypatch):
    """Make any use of parliament fail the test."""
    import parliament
    from parliament.policy import Policy

    def boom(*a, **k):
        raise AssertionError("parliament was run")
    monkeypatch.setattr(parliament, "analyze_policy_string", boom)  # on the text
    monkeypatch.setattr(Policy, "analyze", boom)  # on the tree


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.name)
def test_a_hit_gives_the_problems_parliament_gives(path, cache_home, monkeypatch):
    miss = problems(path)
    assert miss and [p for p in miss if p[0] == "policy-iam-lint"]
    assert entries(cache_home)
    no_parliament(monkeypatch)
    assert problems(path) == miss


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_whole_folders_lint_the_same_cold_warm_and_uncached(folder, cache_home, monkeypatch):
    cold = findings(folder)
    assert [f for f in cold if f[0] == "policy-iam-lint"]
    warm = findings(folder)
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")
    assert cold == warm == findings(folder)


def test_one_small_entry_per_policy_text_and_parliament_version(cache_home, monkeypatch):
    path = FIXTURES / "policy" / "bad-duplicate-sid.json"
    problems(path)
    [entry] = entries(cache_home)
    version = policy._parliament_version()
    rel = os.path.relpath(entry, cache_home).split(os.sep)
    assert rel[0] == f"parliament-{version}" and len(rel) == 3  # parliament-V/ab/cdef...json
    digest = rel[1] + rel[2].removesuffix(".json")
    assert len(rel[1]) == 2 and len(digest) == 64 and int(digest, 16) >= 0
    assert os.path.getsize(entry) < 2000
    records = json.loads(open(entry).read())
    assert {r["issue"] for r in records} >= {"DUPLICATE_SID"}
    problems(path)
    assert entries(cache_home) == [entry]  # a hit writes nothing
    monkeypatch.setattr(policy, "_VERSION", ["0.0.0-other"])
    problems(path)  # another parliament: another entry
    assert len(entries(cache_home)) == 2
    assert any("parliament-0.0.0-other" in e for e in entries(cache_home))


HIT_SCRIPT = """
import json, sys
from ecs_lint.config import Config
from ecs_lint.runner import Options, SourceFile, lint
run = lint([SourceFile(sys.argv[1], True)], Options(config=Config()))
print(json.dumps({"parliament": "parliament" in sys.modules,
                  "findings": [[f.rule, f.severity, f.line, f.column, f.message, f.help, f.extra]
                               for f in run.findings]}))
"""


def test_a_hit_does_not_import_parliament(cache_home, tmp_path):
    path = str(FIXTURES / "policy" / "bad-duplicate-sid.json")

    def run():
        r = subprocess.run([sys.executable, "-c", HIT_SCRIPT, path], capture_output=True,
                           text=True, cwd=tmp_path, env=dict(os.environ), timeout=120)
        assert r.returncode == 0, r.stderr[-2000:]
        return json.loads(r.stdout)
    cold, warm = run(), run()
    assert cold["parliament"] and not warm["parliament"]
    assert any(f[0] == "policy-iam-lint" for f in cold["findings"])
    assert warm["findings"] == cold["findings"]


@pytest.mark.parametrize("garbage", [
    b"", b"garbage", b"\xff\xfe\x00", b"null", b"{}", b"[1]", b'[{"issue": 1}]',
    b'[{"issue": "X"}]', b"[" * 100000, b'[{"issue":"X","severity":"HIGH","line":"1",'
    b'"detail":"","detail_is_text":true,"title":"","help":""}]'])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(garbage, cache_home):
    path = FIXTURES / "policy" / "bad-duplicate-sid.json"
    expected = problems(path)
    [entry] = entries(cache_home)
    good = open(entry, "rb").read()
    with open(entry, "wb") as f:
        f.write(garbage)
    assert problems(path) == expected
    assert open(entry, "rb").read() == good


def test_a_folder_where_the_entry_should_be_is_a_miss(cache_home):
    path = FIXTURES / "policy" / "bad-duplicate-sid.json"
    expected = problems(path)
    [entry] = entries(cache_home)
    os.unlink(entry)
    os.mkdir(entry)
    assert problems(path) == expected
    assert os.path.isdir(entry) and os.listdir(os.path.dirname(entry)) == [
        os.path.basename(entry)]  # no temporary file left behind


def test_no_cache_writes_nothing(cache_home, monkeypatch):
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")
    expected = findings(FIXTURES / "policy")
    assert not cache_home.exists() and not cache_home.parent.exists()
    monkeypatch.delenv("ECS_LINT_NO_CACHE")
    assert findings(FIXTURES / "policy") == expected


@pytest.mark.parametrize("how", ["file", "read-only"])
def test_an_unwritable_cache_still_lints_correctly(how, tmp_path, monkeypatch):
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")
    expected = findings(FIXTURES / "policy")
    monkeypatch.delenv("ECS_LINT_NO_CACHE")
    home = tmp_path / "xdg"
    if how == "file":
        home.write_text("")  # a file where the cache folder should be
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        home.mkdir()
        home.chmod(0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    try:
        assert findings(FIXTURES / "policy") == expected
    finally:
        if how != "file":
            home.chmod(0o700)


def test_a_parliament_failure_is_not_cached(cache_home, monkeypatch):
    path = FIXTURES / "policy" / "bad-duplicate-sid.json"
    from parliament.policy import Policy

    real = Policy.analyze

    def boom(*a, **k):
        raise RuntimeError("parliament exploded")
    monkeypatch.setattr(Policy, "analyze", boom)
    [failed] = problems(path)
    assert failed[2].startswith("parliament failed") and failed[4] == "info"
    assert entries(cache_home) == []
    monkeypatch.setattr(Policy, "analyze", real)
    assert [p[6]["parliament_issue"] for p in problems(path)] != ["EXCEPTION"]
    assert len(entries(cache_home)) == 1


def test_read_and_write(tmp_path):
    entry = str(tmp_path / "a" / "b" / "x.json")
    assert cache.read(entry) is None and cache.read_json(entry) is None
    assert cache.write_json(entry, [{"k": "v"}])
    assert cache.read_json(entry) == [{"k": "v"}]
    assert os.listdir(tmp_path / "a" / "b") == ["x.json"]
    assert cache.read("bad\x00path") is None
    assert not cache.write(str(tmp_path / "a" / "b" / "x.json" / "under-a-file"), b"1")
    assert not cache.write("bad\x00path", b"1")


def test_cache_dir_follows_xdg_and_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == str(tmp_path / "ecs-lint")
    assert cache.entry("p", "q") == str(tmp_path / "ecs-lint" / "p" / "q")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == str(tmp_path / "home" / ".cache" / "ecs-lint")
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")
    assert cache.cache_dir() is None and cache.entry("p") is None


def _writer(entry, value, rounds):
    for _ in range(rounds):
        assert cache.write_json(entry, value)


def test_concurrent_writers_and_readers_never_see_half_an_entry(tmp_path):
    entry = str(tmp_path / "e" / "x.json")
    value = [{"detail": "x" * 50000, "n": i} for i in range(20)]  # larger than a pipe buffer
    assert cache.write_json(entry, value)
    ctx = multiprocessing.get_context("fork")
    writers = [ctx.Process(target=_writer, args=(entry, value, 30)) for _ in range(4)]
    for w in writers:
        w.start()
    while any(w.is_alive() for w in writers):
        assert cache.read_json(entry) == value  # the old entry or the new, never a part
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert cache.read_json(entry) == value
    assert os.listdir(tmp_path / "e") == ["x.json"]


def test_config_cache_uses_the_same_folder(cache_home):
    cfg = ROOT / "fixtures" / "policy-roles-config" / ".ecs-lint.yaml"
    if not cfg.exists():
        pytest.skip("no config fixture")
    from ecs_lint.config import load_config
    load_config(str(cfg))
    assert len(list((cache_home / "config").rglob("*.json"))) == 1


def test_sealed_entries_take_back_only_what_was_written(tmp_path):
    entry = str(tmp_path / "s" / "x.json")
    assert cache.write_sealed(entry, {"k": [1, "v"]})
    assert cache.read_sealed(entry) == {"k": [1, "v"]}
    raw = open(entry, "rb").read()
    for changed in (raw.replace(b'"v"', b'"w"'), raw.split(b"\n", 1)[1], b"", b"\n{}",
                    raw[:-1], raw + b" "):
        with open(entry, "wb") as f:
            f.write(changed)
        assert cache.read_sealed(entry) is None, changed
    assert cache.read_sealed(str(tmp_path / "missing.json")) is None
    assert not cache.write_sealed(entry, {"k": object()})  # not JSON: nothing written


@pytest.mark.parametrize("value, off", [("1", True), ("yes", True), ("0", False),
                                        ("false", False), ("", False)])
def test_the_environment_variable_turns_the_cache_off_only_when_set_to_something_true(
        monkeypatch, value, off):
    from ecs_lint import cache

    monkeypatch.setenv("ECS_LINT_NO_CACHE", value)
    assert (cache.cache_dir() is None) is off
