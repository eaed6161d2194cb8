"""Labeled cases in the practice format (tests/cases/SET/NN-name/expect.tsv),
written blind from RULES.md and AWS/GitHub documentation before ecs-lint ran
on them (stop 16), scored as ../shared/tools/score.py scores: each required
line must be reported at warning or error within 2 lines (any line for `-`),
and no other warning or error may appear unless a `~` line tolerates it.

A case's `dot-git` folder is its `.git` (git does not store a folder of that
name inside a repository): it is copied into place before the run. A case with
a `KNOWN-GAP.txt` is one ecs-lint does not pass yet (the file says why)."""
import shutil
from pathlib import Path

import pytest

from conftest import lint_folder, read_expect

ROOT = Path(__file__).parent / "cases"
CASES = sorted(p.parent for p in ROOT.glob("*/*/expect.tsv"))
SLACK = 2


def _matches(exp, f):
    rule, path, line = exp
    return f.rule == rule and (path == "-" or f.file == path) and (
        line is None or abs(f.line - line) <= SLACK)


def _known_gap(case):
    """A case ecs-lint does not pass yet, with a `KNOWN-GAP.txt` saying why:
    expected to fail, and reported when it starts to pass (then remove the file)."""
    gap = case / "KNOWN-GAP.txt"
    marks = [pytest.mark.xfail(strict=True, reason=gap.read_text().strip())] if gap.exists() \
        else []
    return pytest.param(case, marks=marks, id=f"{case.parent.name}/{case.name}")


@pytest.mark.parametrize("case", [_known_gap(c) for c in CASES])
def test_blind_case(case, tmp_path):
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    if (folder / "dot-git").is_dir():
        (folder / "dot-git").rename(folder / ".git")
    required, tolerated = read_expect(folder)
    found = [f for f in lint_folder(folder) if f.severity in ("warning", "error")]
    shown = "\n".join(f"  {f.rule}\t{f.file}\t{f.line}\t{f.message}" for f in found)
    used = set()
    for exp in required:
        hit = next((i for i, f in enumerate(found) if i not in used and _matches(exp, f)), None)
        assert hit is not None, f"missing {exp}; got:\n{shown}"
        used.add(hit)
    extra = [f for i, f in enumerate(found) if i not in used
             and not any(_matches(t, f) for t in tolerated + required)]
    assert not extra, "unexpected:\n" + "\n".join(
        f"  {f.rule}\t{f.file}\t{f.line}\t{f.message}" for f in extra)


def test_there_are_cases():
    assert len(CASES) > 190


def _cross_file_findings(folder):
    return sorted((f.rule, f.file, f.span.line, f.span.column, f.message)
                  for f in lint_folder(folder))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_each_linked_part_checked_apart_reports_the_same(case, tmp_path, monkeypatch):
    # a large run checks the connected parts of the links apart (lint/xref/groups.py),
    # reading their files again: on every case, each part alone in its bundle
    # must give what one bundle of everything gives
    from ecs_lint import runner
    from ecs_lint.xref import groups

    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    if (folder / "dot-git").is_dir():
        (folder / "dot-git").rename(folder / ".git")
    whole = _cross_file_findings(folder)
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    monkeypatch.setattr(runner, "KEEP_FILES", 0)  # documents read again, not kept
    monkeypatch.setenv("ECS_LINT_JOBS", "1")
    assert _cross_file_findings(folder) == whole
