"""Speed measures keep behaviour: lazy imports and patterns, the config
validation cache, path resolution once per folder, the JSON nesting check."""
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint import config as C
from ecs_lint import loader
from ecs_lint.lazy import lazy_import, lazy_re


def test_lazy_import_loads_on_first_use_and_replaces_itself():
    ns = {}
    ns["m"] = lazy_import("json", ns, "m")
    assert ns["m"].dumps([1]) == "[1]"
    import json
    assert ns["m"] is json


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab:/-*x1 ", max_size=20))
def test_lazy_re_matches_like_re(text):
    for pattern, flags in ((r"a+b", 0), (r"^[a-z]+:(\d+)?", re.I), (r"x|/", 0)):
        lazy, real = lazy_re(pattern, flags), re.compile(pattern, flags)
        assert bool(lazy.match(text)) == bool(real.match(text))
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub("-", text) == real.sub("-", text)
        assert lazy.pattern == real.pattern


def test_one_trust_policy_does_not_import_workflow_or_xref_helpers(tmp_path):
    policy = tmp_path / "trust.json"
    policy.write_text(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":'
        '"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},'
        '"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{'
        '"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",'
        '"token.actions.githubusercontent.com:sub":"repo:acme/app:environment:production"}}}]}')
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "ecs_lint", str(policy)],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr[-500:]
    mods = {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}
    for heavy in ("ecs_lint.workflow_model", "ecs_lint.shell", "ecs_lint.xref.runs",
                  "ecs_lint.xref.subjects_produced", "jsonschema",
                  "hashlib"):  # OpenSSL's bindings: ~4 ms; the caches use _blake2
        assert heavy not in mods


CONFIG = "github:\n  repository: acme/app\nrules:\n  trust-aud-missing: warning\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    return tmp_path / "cache" / "ecs-lint" / "config"


def _no_schema(*a):
    raise AssertionError("validated again")


def test_changed_config_is_validated_again(tmp_path, cache, monkeypatch):
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(CONFIG)
    C.load_config(str(cfg))
    cfg.write_text(CONFIG + "exclude: [build/]\n")
    monkeypatch.setattr(C, "_validate_schema", _no_schema)
    with pytest.raises(AssertionError, match="validated again"):
        C.load_config(str(cfg))


def _no_yaml(*a):
    raise AssertionError("read with positions again")


def test_valid_config_is_read_once(tmp_path, cache, monkeypatch):
    # a config file that passed is kept parsed: the next run reads neither YAML
    # nor the schema, and gets the same settings
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(CONFIG)
    first = C.load_config(str(cfg))
    assert len(list(cache.rglob("*.json"))) == 1
    monkeypatch.setattr(C, "load_yaml", _no_yaml)
    monkeypatch.setattr(C, "_validate_schema", _no_schema)
    again = C.load_config(str(cfg))
    assert (again.rules, again.github, again.exclude) == (first.rules, first.github, first.exclude)
    cfg.write_text(CONFIG + "exclude: [build/]\n")  # another content: read again
    with pytest.raises(AssertionError, match="positions again"):
        C.load_config(str(cfg))


def test_pyproject_config_is_read_once(tmp_path, cache, monkeypatch):
    import tomllib

    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[project]\nname = "x"\n[tool.ecs-lint.github]\nrepository = "acme/app"\n')
    first = C.load_config(str(cfg))
    assert first.github == {"repository": "acme/app"}
    monkeypatch.setattr(tomllib, "loads", _no_yaml)
    monkeypatch.setattr(C, "_validate_schema", _no_schema)
    assert C.load_config(str(cfg)).github == first.github
    cfg.write_text(cfg.read_text() + "[tool.ecs-lint.rules]\ntrust-aud-missing = \"off\"\n")
    with pytest.raises(AssertionError):
        C.load_config(str(cfg))


@pytest.mark.parametrize("text,error", [
    ("github:\n  repositry: acme/app\n", "repositry"),
    ("github:\n  repository: acme/app\nrules:\n  no-such-rule: error\n",
     r"\.ecs-lint\.yaml:4:.*no-such-rule"),
])
def test_invalid_config_is_never_kept(tmp_path, cache, text, error):
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(text)
    for _ in range(2):
        with pytest.raises(C.ConfigError, match=error):
            C.load_config(str(cfg))
    assert not cache.exists() or not any(cache.rglob("*.json"))


def test_no_cache_when_switched_off(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(CONFIG)
    C.load_config(str(cfg))
    assert not cache.exists()


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a folder
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(CONFIG)
    assert C.load_config(str(cfg)).github["repository"] == "acme/app"


def test_realpath_in_is_realpath(tmp_path):
    d = tmp_path
    (d / "a" / "b").mkdir(parents=True)
    (d / "a" / "b" / "f").write_text("")
    os.symlink(d / "a" / "b", d / "lnk")
    os.symlink(d / "a" / "b" / "f", d / "a" / "g")
    os.symlink("nowhere", d / "a" / "dangling")
    os.symlink(d / "a", d / "a" / "b" / "up")
    cases = ["a/b/f", "lnk/f", "a/g", "a/dangling", "a/missing", "lnk/up/g",
             "lnk/up/b/up/dangling", "lnk", "a/..", "."]
    folders = {}
    for rel in cases * 2:  # the second round answers from the folder cache
        p = os.path.normpath(str(d / rel))
        assert C.realpath_in(p, folders) == os.path.realpath(p), rel


@pytest.mark.parametrize("text,refused", [
    ("[" + ",".join(["[1]"] * 600) + "]", False),  # many brackets, shallow: the JSON path
    ("[" * 100 + ",".join(["[1]"] * 500) + "]" * 100, False),
    ("[" * 600 + "1" + "]" * 600, True),  # too deep as JSON and as YAML
    ("[" * 600 + "1" + "]" * 600 + "\n# not JSON", True),  # the event walk decides
])
def test_json_style_yaml_nesting_still_guarded(text, refused):
    if refused:
        with pytest.raises(loader.LoadError, match="nested more than"):
            loader.load_yaml(text)
    else:
        assert loader.load_yaml(text)[0].data


def test_json_style_config_reads_the_same(tmp_path):
    roles = {f"arn:aws:iam::123456789012:role/r{i}": {"trust": f"iam/r{i}.json"}
             for i in range(400)}
    import json
    text = json.dumps({"github": {"repository": "acme/app"}, "roles": roles}, indent=1)
    assert loader._json_depth(text) <= loader.MAX_DEPTH
    data = loader.load_yaml(text)[0].data
    assert data == json.loads(text)


def test_roles_of_file_agrees_with_the_full_index(tmp_path, monkeypatch):
    # the lookup by base name must give what comparing every file's realpath gives
    (tmp_path / "iam").mkdir()
    for name in ("a-trust.json", "a-policy.json", "b-trust.json"):
        (tmp_path / "iam" / name).write_text("{}")
    os.symlink(tmp_path / "iam" / "b-trust.json", tmp_path / "link.json")
    (tmp_path / "other.json").write_text("{}")
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text("roles:\n"
                   "  arn:aws:iam::1:role/a: {trust: iam/a-trust.json, permissions: iam/a-policy.json}\n"
                   "  arn:aws:iam::1:role/b: {trust: link.json}\n"
                   "  arn:aws:iam::1:role/c: {trust: ./iam/a-trust.json}\n")
    monkeypatch.chdir(tmp_path)
    config = C.load_config(str(cfg))
    for path in ("iam/a-trust.json", "./iam/a-trust.json", str(tmp_path / "iam/a-trust.json"),
                 "iam/a-policy.json", "iam/b-trust.json", "link.json", "other.json"):
        assert config.roles_of_file(path) == config.role_files().get(os.path.realpath(path), []), path
    assert [k for k, _ in config.roles_of_file("iam/b-trust.json")] == ["arn:aws:iam::1:role/b"]
    assert len(config.roles_of_file("iam/a-trust.json")) == 2


@pytest.mark.parametrize("garbage", [b"", b"[1]", b'{"x": 1}', b'{"config": 3}', b"\xff\xfe", b"{"])
def test_a_broken_kept_config_is_read_again(tmp_path, cache, garbage):
    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text(CONFIG)
    first = C.load_config(str(cfg))
    kept = list(cache.rglob("*.json"))
    assert len(kept) == 1
    kept[0].write_bytes(garbage)
    again = C.load_config(str(cfg))
    assert (again.rules, again.github) == (first.rules, first.github)


def test_collect_reads_a_file_once_through_links_and_overlapping_paths(tmp_path):
    from ecs_lint.config import Config
    from ecs_lint.runner import collect

    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "a.json").write_text("{}")
    os.symlink(tmp_path / "iam" / "a.json", tmp_path / "iam" / "b.json")
    os.symlink(tmp_path / "iam", tmp_path / "same")
    files = collect([str(tmp_path), str(tmp_path / "iam"), str(tmp_path / "same" / "a.json")],
                    Config(), [])
    assert [os.path.relpath(f.path, tmp_path) for f in files] == [os.path.join("iam", "a.json")]
