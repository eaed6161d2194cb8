"""Audit 'cases-c': blind labeled cases on the sub analysis and the trust /
cross-file sub rules, then probed around them. Each test holds the minimal
excerpt where ecs-lint was wrong.
"""
import json
import textwrap

import pytest

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow


def _repo(tmp_path, sub, config="github:\n  repository: myorg/app\n", environment="production"):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, environment)))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(oidc_trust(sub), indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        config + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    return [f for f in lint_folder(tmp_path) if f.rule.startswith(("xref-sub", "trust-sub"))]


# --- xref-sub-not-admitted: customised subject templates -------------------------
#
# An organisation that customised its OIDC subject template (include_claim_keys)
# gets subs such as `repository_owner:myorg:environment:production:job_workflow_ref:...`,
# and writes its trust policies in that shape. ecs-lint cannot know the template
# from the repository (RULES.md: "where the shape is unknown, say so rather than
# guess"), so a trust written in a customised shape is no proof of a 401 unless the
# config declares the subject format in use.

CUSTOM = [
    "repository_owner:myorg:environment:production:job_workflow_ref:"
    "myorg/app/.github/workflows/deploy.yml@refs/heads/main",
    "repo:myorg/app:environment:production:job_workflow_ref:"
    "myorg/app/.github/workflows/deploy.yml@refs/heads/main",
    "repository_id:123456:context:environment:production",
]


@pytest.mark.parametrize("sub", CUSTOM)
def test_customised_subject_shape_is_not_a_certain_401(tmp_path, sub):
    assert _repo(tmp_path, sub) == []


@pytest.mark.parametrize("sub", CUSTOM[:2])
def test_customised_shape_with_a_declared_subject_format_is_compared(tmp_path, sub):
    found = _repo(tmp_path, sub, config="github:\n  repository: myorg/app\n  subject: legacy\n")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]


def test_default_shape_with_a_raw_colon_is_still_a_401(tmp_path):
    # `prod:eu` is sent as prod%3Aeu: a mistake in the default shape, not a template
    found = _repo(tmp_path, "repo:myorg/app:environment:prod:eu", environment='"prod:eu"')
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
