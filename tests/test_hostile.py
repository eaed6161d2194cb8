"""Hostile and broken input: every file gets a defined outcome, quickly, with
bounded memory, and no traceback. The files are generated here (a 10 MB policy
does not belong in the repository). Time and memory are measured around a
child process and asserted against generous bounds; the figures are printed
(`pytest -s` shows them)."""
import json
import os
import subprocess
import sys

import pytest

CASES = {}


def case(name, expect_codes=(0, 1), needle=None):
    def deco(fn):
        CASES[name] = (fn, expect_codes, needle)
        return fn
    return deco


@case("alias-bomb.yaml", (1,), "alias")
def _alias_bomb(p):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    p.write_text("\n".join(lines) + "\n")


@case("deep.json", (1,), "nest")
def _deep_json(p):
    p.write_text("[" * 100_000 + "]" * 100_000)


@case("deep.yaml", (1,), "nest")
def _deep_yaml(p):
    p.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")


@case("deep-block.yaml", (1,), "nest")
def _deep_block(p):
    p.write_text("- " * 50_000 + "x\n")


@case("unsafe-tag.yaml", (1,), "unsafe")
def _unsafe(p):
    p.write_text("on: push\njobs:\n  x: !!python/object/apply:os.system ['touch /tmp/pwned']\n")


@case("binary.json", (1,), "utf-8")
def _binary(p):
    p.write_bytes(bytes(range(256)) * 4)


@case("latin1.json", (1,), "offset")
def _latin1(p):
    p.write_bytes('{"Version": "2012-10-17", "Statement": [{"Sid": "Caf\xe9"}]}'.encode("latin-1"))


@case("utf16.json", (0, 1))
def _utf16(p):
    p.write_bytes(json.dumps({"Url": "token.actions.githubusercontent.com",
                              "ClientIDList": ["sts.amazonaws.com"]}).encode("utf-16"))


@case("bom-crlf.yaml", (0, 1))
def _bom_crlf(p):
    p.write_bytes(b"\xef\xbb\xbfResources:\r\n  P:\r\n    Type: AWS::IAM::OIDCProvider\r\n"
                  b"    Properties:\r\n      Url: https://example.com\r\n")


@case("nan.json", (1,), "nan")
def _nan(p):
    p.write_text('{"Version": "2012-10-17", "Statement": [{"Effect": NaN}]}')


@case("huge-number.json", (0, 1))
def _huge(p):
    p.write_text('{"Url": "token.actions.githubusercontent.com", "ClientIDList": ["sts.amazonaws.com"],'
                 ' "ThumbprintList": [' + "9" * 5000 + "]}")


@case("lone-surrogate.json", (0, 1))
def _surrogate(p):
    p.write_text('{"Url": "https://\\ud800.example", "ClientIDList": ["\\udfff"]}')


@case("duplicate-keys.yaml", (1,), "duplicate")
def _dupes(p):
    p.write_text("on: push\njobs:\n  a: {runs-on: x, steps: []}\n  a: {runs-on: y, steps: []}\n")


@case("wrong-shapes.json", (0, 1))
def _shapes(p):
    p.write_text(json.dumps({"Version": "2012-10-17", "Statement": "nope",
                             "containerDefinitions": {"x": None}, "services": [None, 3],
                             "Url": 5, "ClientIDList": "sts.amazonaws.com"}))


@case("big-policy.json", (0, 1))
def _big(p):
    stmts = [{"Sid": f"S{i}", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecs:DescribeTasks"],
              "Resource": f"arn:aws:ecr:eu-west-1:123456789012:repository/r{i}"} for i in range(60_000)]
    p.write_text(json.dumps({"Version": "2012-10-17", "Statement": stmts}))  # ~9 MB


@case("wildcard-maze-trust.json", (0, 1))
def _wildcard_maze(p):
    # 20 interleaved patterns, each with its own run of `?`: the exact analysis
    # stops at its bound, says so, and the run goes on
    gh = "token.actions.githubusercontent.com"
    subs = [f"repo:*{i}*:*" + "?" * i for i in range(20)]
    p.write_text(json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{gh}"},
        "Condition": {"StringEquals": {f"{gh}:aud": "sts.amazonaws.com"},
                      "StringLike": {f"{gh}:sub": subs}}}]}))


@case("get-role-deep-encoded-trust.json", (1,), "parse-error")
def _deep_encoded_trust(p):
    # get-role output whose URL-encoded trust nests past any limit
    from urllib.parse import quote

    deep = '{"Statement":' + "[" * 50_000 + "]" * 50_000 + "}"
    p.write_text(json.dumps({"Role": {"RoleName": "x", "AssumeRolePolicyDocument": quote(deep)}}))


@case("get-policy-version-broken-encoding.json", (1,), "parse-error")
def _broken_encoding(p):
    p.write_text(json.dumps({"PolicyVersion": {"Document": "%7B%ZZ%22Statement%22:%5B%5B"}}))


def _run(path):
    code = ("import resource, subprocess, sys, time; t = time.monotonic(); "
            "r = subprocess.run([sys.executable, '-m', 'ecs_lint', sys.argv[1]], capture_output=True, text=True); "
            "dt = time.monotonic() - t; "
            "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
            "import json; print(json.dumps([r.returncode, r.stdout, r.stderr, dt, m]))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         timeout=300)
    return json.loads(out.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(tmp_path, name):
    make, codes, needle = CASES[name]
    path = tmp_path / name
    make(path)
    rc, stdout, stderr, seconds, max_rss_kb = _run(path)
    print(f"\n{name}: exit {rc}, {seconds:.2f}s, peak {max_rss_kb / 1024:.0f} MB")
    assert "Traceback" not in stderr + stdout
    assert rc in codes, (rc, stdout[-2000:], stderr[-2000:])
    if needle:
        assert needle in stdout.lower(), stdout[-2000:]
    assert "internal-error" not in stdout, stdout[-3000:]
    assert seconds < 60 and max_rss_kb < 1_500_000


def test_size_limit_skips_with_a_finding(tmp_path):
    p = tmp_path / "big.json"
    p.write_text('{"Url": "' + "x" * 2000 + '"}')
    (tmp_path / ".ecs-lint.yaml").write_text("max-file-size: 1k\n")
    r = subprocess.run([sys.executable, "-m", "ecs_lint", "."], cwd=tmp_path, capture_output=True,
                       text=True)
    assert r.returncode == 1 and "above the 1,024-byte limit" in r.stdout


def test_folder_walk_survives_links_loops_and_special_files(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "broken.json").symlink_to(tmp_path / "missing.json")
    os.mkfifo(tmp_path / "fifo.json")
    good = tmp_path / "ok.json"
    good.write_text('{"Url": "token.actions.githubusercontent.com", "ClientIDList": ["sts.amazonaws.com"]}')
    r = subprocess.run([sys.executable, "-m", "ecs_lint", ".", "--verbose"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert "Traceback" not in r.stderr
    # a link to nothing is no file: skipped like a fifo (named, it is a parse-error)
    assert "broken.json" not in r.stdout and "skipped broken.json: a link to nothing" in r.stderr
    assert "fifo.json: not a regular file" in r.stderr


def test_a_crashing_check_becomes_an_internal_error_and_the_run_goes_on(tmp_path, monkeypatch):
    from ecs_lint import registry
    from ecs_lint.config import Config
    from ecs_lint.runner import Options, collect, lint

    registry.load_rules()

    def boom(doc, ctx):
        raise ZeroDivisionError("boom")
        yield

    chk = registry.Check(boom, ("oidc-provider",), ("oidc-provider-url-wrong",))
    monkeypatch.setattr(registry, "CHECKS", registry.CHECKS + [chk])
    import ecs_lint.runner as runner
    monkeypatch.setattr(runner, "CHECKS", registry.CHECKS)
    p = tmp_path / "p.json"
    p.write_text('{"Url": "https://evil.example", "ClientIDList": ["sts.amazonaws.com"]}')
    run = lint(collect([str(p)], Config(), []), Options())
    rules = [f.rule for f in run.findings]
    assert "internal-error" in rules and "oidc-provider-url-wrong" in rules
    err = next(f for f in run.findings if f.rule == "internal-error")
    assert "boom" in err.message and "test_hostile.boom" in err.message


def test_a_crash_while_reading_a_file_becomes_an_internal_error(tmp_path, monkeypatch):
    from ecs_lint import kinds
    from ecs_lint.config import Config
    from ecs_lint.runner import Options, collect, lint

    def boom(*args, **kwargs):
        raise KeyError("boom")
    monkeypatch.setattr(kinds, "documents", boom)
    p = tmp_path / "p.json"
    p.write_text('{"Url": "https://evil.example", "ClientIDList": ["sts.amazonaws.com"]}')
    run = lint(collect([str(p)], Config(), []), Options())
    (err,) = run.findings
    assert err.rule == "internal-error" and "reading failed" in err.message and "boom" in err.message
