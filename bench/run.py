"""ecs-lint benchmark: every figure is a ratio against a baseline measured in the
same run, as the median of several runs with the spread (min-max).

    python3 bench/run.py [--runs 5] [--services 1000] [--scale 200,1000,4000] [--quick] [--cmd CMD]

1. scan  : ecs-lint over a synthetic repository (5 files a service) vs a script
           that only reads and parses the same files (json + PyYAML's C loader);
           with our own rules (--ignore policy-iam-lint) and with parliament too;
           with nothing reused from earlier runs, with everything reused, and
           with one file changed since the last run (lint/results.py).
2. start : ecs-lint on one small policy vs `python -c "import yaml, click"`.
3. peers : zizmor on the workflows, parliament --directory on the permission
           policies, checkov on the repository, each vs ecs-lint on the same files
           (skipped when the tool is not installed).
4. scale : time and peak memory of ecs-lint for several repository sizes,
           with nothing reused and with results reused.
"""
import argparse
import os
import platform
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


# What users run: compiled .pyc files (an installed package has them). When the
# environment forbids writing them next to the sources, keep them in a private
# folder instead, and warm everything (pyc, the config cache) with one untimed run.
ENV = dict(os.environ)
if ENV.pop("PYTHONDONTWRITEBYTECODE", None) and not ENV.get("PYTHONPYCACHEPREFIX"):
    ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "ecs-lint-bench-pyc")


# ecs-lint's cache (validated configs, parliament's findings) in a folder of the
# benchmark's own, so a run can be timed with it warm or with a part of it emptied
CACHE = tempfile.mkdtemp(prefix="ecs-lint-bench-cache-")
ENV["XDG_CACHE_HOME"] = CACHE
ENV.pop("ECS_LINT_NO_CACHE", None)


def forget(*parts):
    """Empty parts of ecs-lint's cache: "parliament" (its findings), "results"
    (reused results); the validated config stays."""
    def before():
        folder = os.path.join(CACHE, "ecs-lint")
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            if name.startswith(parts):
                shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
    return before


def change_one(path):
    """Before each run, give one file content no run has seen (a new comment)."""
    count = [0]

    def before():
        count[0] += 1
        with open(path, "a") as f:
            f.write(f"# changed {count[0]} {time.time()}\n")
    return before


def measure(cmd, cwd=None, runs=5, before=None):
    """[(seconds, peak_rss_mb)] for `runs` runs of cmd (a list), after one warm-up
    run; `before()` runs (untimed) before each of them."""
    subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = []
    for _ in range(runs):
        if before is not None:
            before()
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        out.append((time.perf_counter() - t, usage.ru_maxrss / 1024))
    return out


def med(samples):
    secs = [s for s, _ in samples]
    return statistics.median(secs), min(secs), max(secs), max(m for _, m in samples)


def fmt(samples):
    m, lo, hi, _ = med(samples)
    return f"{m:.3f}s ({lo:.3f}-{hi:.3f})"


def ratio(a, b):
    return med(a)[0] / med(b)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--services", type=int, default=1000)
    ap.add_argument("--scale", default="200,1000,4000")
    ap.add_argument("--quick", action="store_true", help="small smoke run (CI)")
    ap.add_argument("--cmd", help="how to run ecs-lint, e.g. to time another checkout: "
                    "'env PYTHONPATH=/tmp/old python3 -m ecs_lint' (default: ecs-lint on PATH)")
    a = ap.parse_args()
    if a.quick:
        a.runs, a.services, a.scale = 2, 40, "20,40"
    ecs = [sys.executable, "-m", "ecs_lint"]
    if a.cmd:
        ecs = shlex.split(a.cmd)
    elif shutil.which("ecs-lint"):
        ecs = [shutil.which("ecs-lint")]
    py = sys.executable
    rows = []
    tmp = tempfile.mkdtemp(prefix="ecs-lint-bench-")
    repo = os.path.join(tmp, "repo")
    n = generate(repo, a.services)
    print(f"# ecs-lint benchmark\n\nmachine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}\n"
          f"repository: {n} files ({a.services} services), {a.runs} runs each, median (min-max)\n")

    base = measure([py, os.path.join(HERE, "baseline_parse.py"), "."], repo, a.runs)
    own = ecs + [".", "--ignore", "policy-iam-lint", "--fail-on", "never"]
    full = ecs + [".", "--fail-on", "never"]
    workflow = os.path.join(repo, ".github", "workflows", sorted(os.listdir(
        os.path.join(repo, ".github", "workflows")))[0])
    scans = [
        ("scan: parse only (baseline)", base),
        ("scan: ecs-lint --ignore policy-iam-lint, nothing reused",
         measure(own, repo, a.runs, before=forget("results"))),
        ("scan: same, results reused, nothing changed", measure(own, repo, a.runs)),
        ("scan: same, one workflow changed since the last run",
         measure(own, repo, a.runs, before=change_one(workflow))),
        ("scan: ecs-lint with parliament, every cache empty",
         measure(full, repo, a.runs, before=forget("results", "parliament"))),
        ("scan: same, parliament's findings cached, results not",
         measure(full, repo, a.runs, before=forget("results"))),
        ("scan: same, results reused, nothing changed", measure(full, repo, a.runs)),
    ]
    for label, samples in scans:
        rows.append((label, fmt(samples), f"{ratio(samples, base):.2f}x"))

    one = os.path.join(repo, "iam", "svc-00000-trust.json")
    solo = os.path.join(tmp, "solo")  # the same policy in a folder with no config
    os.makedirs(solo)
    shutil.copy(one, solo)
    start_base = measure([py, "-c", "import yaml, click"], None, a.runs * 2)
    start_solo = measure(ecs + [os.path.basename(one), "--fail-on", "never"], solo, a.runs * 2)
    start_fresh = measure(ecs + [os.path.basename(one), "--fail-on", "never"], solo, a.runs * 2,
                          before=forget("results"))
    start = measure(ecs + [one, "--fail-on", "never"], repo, a.runs * 2)
    rows.append(("start: python -c 'import yaml, click' (baseline)", fmt(start_base), "1.00x"))
    rows.append(("start: ecs-lint one trust policy, no config", fmt(start_solo),
                 f"{ratio(start_solo, start_base):.2f}x"))
    rows.append(("start: same, its result not reused", fmt(start_fresh),
                 f"{ratio(start_fresh, start_base):.2f}x"))
    rows.append((f"start: same, in the repository ({os.path.getsize(os.path.join(repo, '.ecs-lint.yaml')) // 1024} KB config)",
                 fmt(start), f"{ratio(start, start_base):.2f}x"))

    wf = os.path.join(repo, ".github", "workflows")
    peers = [
        ("zizmor", ["zizmor", "--offline", wf], ecs + [wf, "--fail-on", "never"]),
        ("parliament", ["parliament", "--directory", os.path.join(repo, "iam"), "--include_policy_extension", "json"],
         ecs + [os.path.join(repo, "iam"), "--fail-on", "never"]),
        ("checkov", ["checkov", "-d", repo, "--quiet", "--compact"], ecs + [repo, "--fail-on", "never"]),
    ]
    for name, cmd, mine in peers:
        if shutil.which(cmd[0]) is None:
            rows.append((f"peers: {name}", "not installed: skipped", ""))
            continue
        theirs = measure(cmd, repo, a.runs)
        rows.append((f"peers: {name} (baseline)", fmt(theirs), "1.00x"))
        cold = measure(mine, repo, a.runs, before=forget("results", "parliament"))
        rows.append(("peers: ecs-lint on the same files, every cache empty", fmt(cold),
                     f"{ratio(cold, theirs):.2f}x"))
        if name == "parliament":  # with its cache of parliament's findings
            warm = measure(mine, repo, a.runs, before=forget("results"))
            rows.append(("peers: same, parliament's findings cached, results not", fmt(warm),
                         f"{ratio(warm, theirs):.2f}x"))
        ours_same = measure(mine, repo, a.runs)
        rows.append(("peers: same, results reused", fmt(ours_same),
                     f"{ratio(ours_same, theirs):.2f}x"))

    for services in [int(x) for x in a.scale.split(",") if x]:
        r = os.path.join(tmp, f"scale-{services}")
        files = generate(r, services)
        for how, before in (("nothing reused", forget("results")), ("results reused", None)):
            s = measure(own, r, max(1, a.runs // 2), before=before)
            m, lo, hi, mem = med(s)
            rows.append((f"scale: {files} files, {how}", f"{m:.3f}s ({lo:.3f}-{hi:.3f})",
                         f"{m / files * 1000:.3f} ms/file, peak {mem:.0f} MB"))

    shutil.rmtree(CACHE, ignore_errors=True)
    w = max(len(r[0]) for r in rows)
    print(f"| {'measurement'.ljust(w)} | time | ratio / note |")
    print(f"|{'-' * (w + 2)}|------|--------------|")
    for r in rows:
        print(f"| {r[0].ljust(w)} | {r[1]} | {r[2]} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
