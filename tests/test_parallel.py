"""Large runs use worker processes; the result must not depend on it."""
import json
import sys

from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_parallel_and_serial_runs_agree(tmp_path):
    generate(str(tmp_path), 14)  # 70 files: above the parallel threshold
    one = run_cli(".", "--format", "json", "--ignore", "policy-iam-lint", cwd=tmp_path,
                  env={"ECS_LINT_JOBS": "1"})
    two = run_cli(".", "--format", "json", "--ignore", "policy-iam-lint", cwd=tmp_path,
                  env={"ECS_LINT_JOBS": "2"})
    assert one.returncode == two.returncode
    assert one.stdout == two.stdout
    assert '"files": 70' in one.stdout


def test_sharded_cross_file_checks_report_each_finding_once(tmp_path):
    # the cross-file check runs in one process per job, each on its share of the
    # roles: together they must say exactly what one process says, notes included
    generate(str(tmp_path), 30)
    policy = tmp_path / "iam" / "svc-00003-policy.json"  # registers task definitions, passes no role
    data = json.loads(policy.read_text())
    data["Statement"] = [st for st in data["Statement"] if st.get("Sid") != "PassRoles"]
    policy.write_text(json.dumps(data))
    one = run_cli(".", "-v", "--ignore", "policy-iam-lint", cwd=tmp_path, env={"ECS_LINT_JOBS": "1"})
    three = run_cli(".", "-v", "--ignore", "policy-iam-lint", cwd=tmp_path, env={"ECS_LINT_JOBS": "3"})
    assert one.stdout == three.stdout
    assert sorted(one.stderr.splitlines()) == sorted(three.stderr.splitlines())
    for rule in ("xref-sub-not-admitted", "xref-sub-broader-than-used", "policy-passrole-missing"):
        assert rule in one.stdout, rule  # the shards had work to share


def test_one_process_where_processes_cannot_fork(monkeypatch):
    import multiprocessing

    from ecs_lint import runner
    files = [runner.SourceFile(f"f{i}.json", True) for i in range(runner.PARALLEL_MIN_FILES + 1)]
    monkeypatch.delenv("ECS_LINT_JOBS", raising=False)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert runner._workers(files) == 1
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["fork", "spawn"])
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert runner._workers(files) == 2


def test_no_worker_processes_to_be_had_is_not_an_error(tmp_path, monkeypatch):
    # a process limit (fork fails) makes ecs-lint do the work in one process
    import multiprocessing

    from conftest import lint_folder

    generate(str(tmp_path), 14)
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    serial = [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]

    class NoProcesses:
        def Pool(self, *a, **k):
            raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setenv("ECS_LINT_JOBS", "2")
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: NoProcesses())
    limited = [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]
    assert limited == serial and any(r.startswith("xref-") for r, *_ in serial)


def test_documents_sent_back_share_their_strings():
    from ecs_lint.runner import _shared_strings
    from ecs_lint.values import Template, Unknown

    t = Template(("arn:", Unknown("Acct")))
    a = _shared_strings({"Effect": "".join(["Al", "low"]), "Action": ["ecr:" + "X", t], "n": 1})
    b = _shared_strings({"Effect": "".join(["Al", "low"]), "Action": ["ecr:" + "X"], "n": 1})
    assert a == {"Effect": "Allow", "Action": ["ecr:X", t], "n": 1}
    assert a["Effect"] is b["Effect"] and a["Action"][0] is b["Action"][0]
    assert next(iter(a)) is next(iter(b))
    assert a["Action"][1] is t  # anything else is passed as it is
    deep = current = {}
    for _ in range(200):  # deeper than it walks: returned unchanged, no RecursionError
        current["k"] = current = {}
    assert _shared_strings(deep) == deep
