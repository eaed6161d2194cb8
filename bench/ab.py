"""Compare two ways of running ecs-lint (two checkouts, say) in alternating runs.

A shared VM's speed moves within minutes, so two benchmark runs taken apart can
differ more than the code does. Here each round times the baseline, then A, then
B, one right after the other, so both see the same state of the machine:

    python3 bench/ab.py --a 'env PYTHONPATH=/tmp/old python3 -m ecs_lint' [--b CMD] [--rounds 8]

B defaults to `ecs-lint` on PATH. Rows, on bench/generate.py's repository: the first scan (results emptied before
each run), one workflow changed since the last run, and the start on one trust
policy whose result is not reused; ratios to the baseline of the same rounds,
medians (min-max), and peak memory of the first scan.
"""
import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import generate  # noqa: E402
from run import CACHE, ENV  # noqa: E402  (compiled files kept warm, as in bench/run.py)


def once(cmd, cwd, env):
    """(seconds, peak RSS in MB) of one run."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def summary(samples, base):
    secs = [s for s, _ in samples]
    b = statistics.median(base)
    return (f"{statistics.median(secs) / b:.2f}x ({min(secs) / b:.1f}-{max(secs) / b:.1f}), "
            f"{max(m for _, m in samples):.0f} MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True, help="how to run ecs-lint A (the old one)")
    ap.add_argument("--b", help="how to run ecs-lint B (default: ecs-lint on PATH)")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--services", type=int, default=1000)
    a = ap.parse_args()
    cmds = {"A": shlex.split(a.a),
            "B": shlex.split(a.b) if a.b else [shutil.which("ecs-lint") or "ecs-lint"]}
    tmp = tempfile.mkdtemp(prefix="ecs-lint-ab-")
    repo = os.path.join(tmp, "repo")
    n = generate(repo, a.services)
    solo = os.path.join(tmp, "solo")
    os.makedirs(solo)
    shutil.copy(os.path.join(repo, "iam", "svc-00000-trust.json"), solo)
    workflows = os.path.join(repo, ".github", "workflows")
    workflow = os.path.join(workflows, sorted(os.listdir(workflows))[0])
    envs = {k: dict(ENV, XDG_CACHE_HOME=os.path.join(tmp, f"cache-{k}")) for k in cmds}

    def results_emptied(k):
        shutil.rmtree(os.path.join(envs[k]["XDG_CACHE_HOME"], "ecs-lint", "results"),
                      ignore_errors=True)

    def changed(k):
        with open(workflow, "a") as f:
            f.write(f"# changed {k} {time.time()}\n")

    scan = ["--ignore", "policy-iam-lint", "--fail-on", "never", "."]
    rows = [
        ("scan, nothing reused", repo, [sys.executable, os.path.join(HERE, "baseline_parse.py"), "."],
         scan, results_emptied),
        ("scan, one workflow changed", repo, None, scan, changed),
        ("start, one trust policy, result not reused", solo,
         [sys.executable, "-c", "import yaml, click"],
         ["svc-00000-trust.json", "--fail-on", "never"], results_emptied),
    ]
    print(f"# ecs-lint A/B, {a.rounds} alternating rounds\n\nA: {a.a}\nB: {' '.join(cmds['B'])}\n"
          f"repository: {n} files\n")
    print("| measurement | A | B |\n|---|---|---|")
    base = []
    for label, cwd, baseline, args, before in rows:
        for k in cmds:  # warm: compiled files, the validated config, results to reuse
            once(cmds[k] + args, cwd, envs[k])
        samples = {k: [] for k in cmds}
        base = [] if baseline is not None else base
        for _ in range(a.rounds):
            if baseline is not None:
                base.append(once(baseline, cwd, ENV)[0])
            for k in cmds:
                before(k)
                samples[k].append(once(cmds[k] + args, cwd, envs[k]))
        print(f"| {label} | {summary(samples['A'], base)} | {summary(samples['B'], base)} |")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(CACHE, ignore_errors=True)


if __name__ == "__main__":
    main()
