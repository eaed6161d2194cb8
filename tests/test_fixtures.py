"""Every fixture folder is linted and must give exactly the findings its
expect.tsv lists: each required line found at that exact line (or anywhere in
the file for `-`), and no other finding of any severity except `~` lines."""
import pytest

from conftest import FIXTURES, lint_folder, read_expect

CASES = sorted(p for p in FIXTURES.rglob("expect.tsv"))


def _matches(exp, f):
    rule, path, line = exp
    return f.rule == rule and (path == "-" or f.file == path) and (line is None or f.line == line)


@pytest.mark.parametrize("expect", CASES, ids=[str(c.parent.relative_to(FIXTURES)) for c in CASES])
def test_fixture_folder(expect):
    folder = expect.parent
    required, tolerated = read_expect(folder)
    findings = lint_folder(folder)
    shown = "\n".join(f"  {f.rule}\t{f.file}\t{f.line}\t({f.severity}) {f.message}" for f in findings)
    used = set()
    for exp in required:
        hit = next((i for i, f in enumerate(findings) if i not in used and _matches(exp, f)), None)
        assert hit is not None, f"missing {exp} in {folder.name}; got:\n{shown}"
        used.add(hit)
    extra = [f for i, f in enumerate(findings) if i not in used
             and not any(_matches(t, f) for t in tolerated)
             and not any(_matches(r, f) for r in required)]
    assert not extra, "unexpected findings:\n" + "\n".join(
        f"  {f.rule}\t{f.file}\t{f.line}\t{f.message}" for f in extra)
