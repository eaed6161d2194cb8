"""Render iam/images-trust.json from the branches the image workflow builds.

Branch names are data, not patterns: IAM wildcards in them are escaped
(`*` -> `${*}`, `?` -> `${?}`) so that a branch name can never widen the trust.
"""
import json
import sys

REPO = "pelham-grid/meter-sync"
BRANCHES = ["main", "release/*"]


def escape(name: str) -> str:
    return name.replace("$", "${$}").replace("*", "${*}").replace("?", "${?}")


def main() -> None:
    subs = [f"repo:{REPO}:ref:refs/heads/{escape(b)}" for b in BRANCHES]
    json.dump({"subs": subs}, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
