"""Start-up: linting one small file imports only what that file needs."""
import subprocess
import sys

import pytest

from conftest import FIXTURES

HEAVY = ("parliament", "boto3", "botocore", "hcl2", "lark", "jsonschema", "pathspec")


def imported_modules(*args, cwd=None):
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "ecs_lint", *args],
                       capture_output=True, text=True, cwd=cwd)
    mods = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return r, mods


@pytest.mark.parametrize("name", ["oidc-provider/bad-audience.json"])
def test_small_file_imports_nothing_heavy(name, tmp_path):
    r, mods = imported_modules(str(FIXTURES / name), cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr[-500:]
    assert not mods.intersection(HEAVY), sorted(mods.intersection(HEAVY))
