"""Large runs use worker processes; the result must not depend on it."""
import json
import sys

import pytest

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


def _without_passroles(root):
    policy = root / "iam" / "svc-00003-policy.json"  # registers task definitions, passes no role
    data = json.loads(policy.read_text())
    data["Statement"] = [st for st in data["Statement"] if st.get("Sid") != "PassRoles"]
    policy.write_text(json.dumps(data))


def test_helpers_and_one_process_report_the_same_notes_included(tmp_path):
    # helpers check chunks of files from the end while the main process checks
    # them from the start, then processes forked from it share the cross-file
    # checks, a bundle of linked files at a time: together they must say
    # exactly what one process says
    generate(str(tmp_path), 30)
    _without_passroles(tmp_path)
    one = run_cli(".", "-v", "--ignore", "policy-iam-lint", cwd=tmp_path, env={"ECS_LINT_JOBS": "1"})
    three = run_cli(".", "-v", "--ignore", "policy-iam-lint", cwd=tmp_path, env={"ECS_LINT_JOBS": "3"})
    assert one.stdout == three.stdout
    assert sorted(one.stderr.splitlines()) == sorted(three.stderr.splitlines())
    for rule in ("xref-sub-not-admitted", "xref-sub-broader-than-used", "policy-passrole-missing",
                 "workflow-action-unpinned", "trust-"):
        assert rule in one.stdout, rule  # per-file and cross-file findings both


def _serial(tmp_path, monkeypatch):
    from conftest import lint_folder

    generate(str(tmp_path), 14)
    _without_passroles(tmp_path)
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    return [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]


@pytest.mark.parametrize("who", ["_check_from_the_end", "_run_bundles"])
def test_the_work_of_a_process_that_dies_is_done_by_the_main_process(tmp_path, monkeypatch, who):
    import os

    from conftest import lint_folder
    from ecs_lint import runner

    serial = _serial(tmp_path, monkeypatch)
    real = getattr(runner, who)

    def dies(first, second):
        if who == "_check_from_the_end":
            second.take_last()  # takes a chunk of files, then is killed
        else:
            real(first, second)  # does its share, then is killed before sending it
        os._exit(1)

    monkeypatch.setattr(runner, who, dies)
    monkeypatch.setenv("ECS_LINT_JOBS", "2")
    assert [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)] == serial
    assert any(rule.startswith("xref-") for rule, *_ in serial)


def test_one_process_where_processes_cannot_fork(monkeypatch):
    import multiprocessing

    from ecs_lint import runner
    files = [runner.SourceFile(f"f{i}.json", True) for i in range(runner.PARALLEL_MIN_FILES + 1)]
    monkeypatch.delenv("ECS_LINT_JOBS", raising=False)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert runner._workers(len(files)) == 1
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["fork", "spawn"])
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert runner._workers(len(files)) == 2


def test_no_worker_processes_to_be_had_is_not_an_error(tmp_path, monkeypatch):
    # a process limit (fork fails) makes ecs-lint do the work in one process
    import multiprocessing

    from conftest import lint_folder

    generate(str(tmp_path), 14)
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    serial = [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]

    real = multiprocessing.get_context("fork")

    class NoProcess:
        def __init__(self, *a, **k):
            pass

        def start(self):
            raise OSError(11, "Resource temporarily unavailable")

    class NoProcesses:
        def __getattr__(self, name):
            return NoProcess if name == "Process" else getattr(real, name)

    monkeypatch.setenv("ECS_LINT_JOBS", "2")
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: NoProcesses())
    limited = [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]
    assert limited == serial and any(r.startswith("xref-") for r, *_ in serial)


def test_a_forked_process_stops_quietly_on_ctrl_c():
    # Ctrl-C reaches every process of the group: a helper sends nothing and
    # raises nothing (no traceback), the main process reports the interrupt
    import multiprocessing

    from ecs_lint import runner

    def interrupted():
        raise KeyboardInterrupt

    receive, send = multiprocessing.Pipe(duplex=False)
    runner._forked(interrupted, (), send)
    with pytest.raises(EOFError):
        receive.recv()


@pytest.mark.parametrize("keep", [0, 20])
def test_documents_kept_or_read_again_give_the_same_findings(tmp_path, monkeypatch, keep):
    # the main process keeps the documents of its first KEEP_FILES files for the
    # cross-file checks and the bundles read the others again: any mix says the same
    from conftest import lint_folder
    from ecs_lint import runner

    generate(str(tmp_path), 14)
    _without_passroles(tmp_path)
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    everything_kept = [(f.rule, f.file, f.span.line, f.message) for f in lint_folder(tmp_path)]
    monkeypatch.setattr(runner, "KEEP_FILES", keep)
    for jobs in ("1", "2"):
        monkeypatch.setenv("ECS_LINT_JOBS", jobs)
        assert [(f.rule, f.file, f.span.line, f.message)
                for f in lint_folder(tmp_path)] == everything_kept
    assert any(rule.startswith("xref-") for rule, *_ in everything_kept)
