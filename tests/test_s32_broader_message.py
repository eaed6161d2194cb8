"""xref-sub-broader-than-used: when the workflow's filters leave out part of
what a StringLike glob can say (`tags-ignore`), the fix is not a narrower
glob, which would still admit the witness, but a StringNotLike (lr/05)."""
import json
import textwrap

import pytest

from conftest import ROLE, lint_folder, oidc_trust

WORKFLOW = """\
on:
  push:
    branches: [main]
    %s
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: %s
          aws-region: eu-west-1
"""


def _broader(tmp_path, ignore: str, tags: str):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "images.yml").write_text(WORKFLOW % (ignore, ROLE))
    trust = oidc_trust("")
    condition = trust["Statement"][0]["Condition"]
    condition["StringLike"] = {"token.actions.githubusercontent.com:sub": [
        "repo:myorg/app:ref:refs/heads/main", f"repo:myorg/app:ref:refs/tags/{tags}"]}
    del condition["StringEquals"]["token.actions.githubusercontent.com:sub"]
    (tmp_path / "trust.json").write_text(json.dumps(trust))
    (tmp_path / ".ecs-lint.yaml").write_text(textwrap.dedent(f"""\
        github:
          repository: myorg/app
        roles:
          "{ROLE}":
            trust: trust.json
        """))
    return [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-broader-than-used"]


def test_a_tag_the_filters_leave_out_asks_for_a_string_not_like(tmp_path):
    found = _broader(tmp_path, "tags-ignore: ['*-rc*']", "v*")
    assert found and all("StringNotLike" in f.help for f in found), [f.help for f in found]
    assert "less what its filters leave out" in found[0].message


def test_a_glob_the_filters_match_is_suggested_as_it_was(tmp_path):
    found = _broader(tmp_path, "tags: ['v*']", "*")
    assert found and all("StringNotLike" not in f.help for f in found)
    assert all("refs/tags/v*" in f.help for f in found), [f.help for f in found]
