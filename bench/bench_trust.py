"""How long the sub-pattern analysis takes on a policy with 50 patterns.

    python3 bench/bench_trust.py

Builds trust policies whose sub conditions hold 50 patterns (exact subs of
several repositories, tag and branch globs, one broad wildcard) and times
`github_statements` + `collect_names` + `analyse` for every statement, the
work `rules/trust.py` does per document, from cold caches. Times are CPU time
(process_time), so other load on the machine does not count. The target is
well under 10 ms.
"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecs_lint import subjects as sj  # noqa: E402

PROVIDER = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"


def policy(patterns, operator="StringLike"):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": PROVIDER},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                      operator: {"token.actions.githubusercontent.com:sub": patterns}}}]}


def pinned(n=50):
    out = []
    for i in range(n):
        repo = f"repo:myorg/service-{i % 10}"
        kind = i % 5
        out.append([f"{repo}:ref:refs/heads/main", f"{repo}:environment:production",
                    f"{repo}:ref:refs/tags/v{i}.*", f"{repo}:environment:staging-{i}",
                    f"{repo}:ref:refs/heads/release/*"][kind])
    return out


def broad(n=50):
    return pinned(n - 1) + ["repo:myorg/service-*:*"]


def analyse(pol):
    stmts = sj.github_statements(pol)
    names = sj.collect_names(stmts, {})
    return [sj.analyse(s, names).broadest for s in stmts]


def bench(label, pol, runs=30):
    analyse(pol)  # warm up imports and caches
    times = []
    for _ in range(runs):
        sj.clear_caches()  # cold: as on a file never seen before
        t = time.process_time()
        result = analyse(pol)
        times.append((time.process_time() - t) * 1000)
    print(f"{label:<40} min {min(times):6.2f} ms  median {statistics.median(times):6.2f} ms"
          f"  -> {result}")
    return statistics.median(times)


def calibration():
    """CPU time of a fixed pure-Python loop, to compare runs across machines and load."""
    t = time.process_time()
    total = 0
    for i in range(1_000_000):
        total += i & 7
    return (time.process_time() - t) * 1000


if __name__ == "__main__":
    print(f"calibration loop (1M iterations): {calibration():.1f} ms CPU")
    medians = [
        bench("50 pinned patterns (StringLike)", policy(pinned())),
        bench("50 exact subs (StringEquals)",
              policy([p.replace("*", "x") for p in pinned()], "StringEquals")),
        bench("49 pinned + repo:myorg/service-*:*", policy(broad())),
        bench("50 patterns under StringNotLike", policy(pinned(), "StringNotLike")),
    ]
    print(f"worst median: {max(medians):.2f} ms (target: well under 10 ms)")
