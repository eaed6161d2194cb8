"""Large runs use worker processes; the result must not depend on it."""
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
