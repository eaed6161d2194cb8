"""Audit 'm': RULES.md sentence by sentence for the inputs, the sub-pattern
analysis, the trust and permission policies and the OIDC provider. Each test
pins a case where ecs-lint said something RULES.md (or AWS / GitHub) says is
wrong; see the commit that added it for the evidence.
"""
from conftest import lint_files

GH = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
H = "token.actions.githubusercontent.com"


def trust(sub, op="StringLike"):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": GH},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                      op: {f"{H}:sub": sub}}}]}


# --- any-context is the union of a statement's values -----------------------------

def test_any_context_from_several_values_is_not_blamed_on_one(tmp_path):
    # four values together admit every branch, tag, environment and pull request:
    # no single one does, so the message must not say `repo:myorg/app:pull_request`
    # admits them all
    subs = ["repo:myorg/app:ref:refs/heads/*", "repo:myorg/app:ref:refs/tags/*",
            "repo:myorg/app:environment:*", "repo:myorg/app:pull_request"]
    found = [f for f in lint_files(tmp_path, {"trust.json": trust(subs)})
             if f.rule.startswith("trust-sub")]
    assert [f.rule for f in found] == ["trust-sub-any-context"]
    msg = found[0].message
    assert msg.startswith("sub " + ", ".join(f"`{s}`" for s in subs) + " admits every branch")


def test_any_context_of_one_value_still_points_at_it(tmp_path):
    subs = ["repo:myorg/app:ref:refs/heads/main", "repo:myorg/app:*"]
    found = [f for f in lint_files(tmp_path, {"trust.json": trust(subs)})
             if f.rule.startswith("trust-sub")]
    assert [f.rule for f in found] == ["trust-sub-any-context"]
    assert found[0].message.startswith("sub `repo:myorg/app:*` admits every branch")
    text = (tmp_path / "trust.json").read_text().splitlines()
    assert "repo:myorg/app:*" in text[found[0].line - 1]


# --- the advice never names another owner's repository ----------------------------

def test_pin_advice_uses_the_configured_owner_not_the_foreign_one(tmp_path):
    # config says myorg is the trusted owner; the policy trusts other/app: the
    # advice must not be "pin the sub to ... `repo:other/app:...`"
    found = [f for f in lint_files(tmp_path, {
        "trust.json": trust("repo:other/app:ref:refs/heads/main", "StringEquals")},
        config="github:\n  owners: [myorg]\n") if f.rule.startswith("trust-sub")]
    assert [f.rule for f in found] == ["trust-sub-any-owner"]
    assert "repo:other/" not in found[0].help
    assert "repo:myorg/REPO:ref:refs/heads/main" in found[0].help


# --- a witness of another owner/repository is not the one the pattern names -------

def test_any_owner_witness_is_not_the_owner_the_pattern_spells(tmp_path):
    # `*myorg/app:*` names no owner after `repo:`, so every owner counts as
    # another; the witness must still show the risk, not `repo:myorg/app:...`
    found = [f for f in lint_files(tmp_path, {"trust.json": trust("*myorg/app:*")})
             if f.rule.startswith("trust-sub")]
    assert [f.rule for f in found] == ["trust-sub-any-owner"]
    w = found[0].extra["witness"]
    assert not w.startswith("repo:myorg/") and w.endswith("myorg/app:pull_request"), w


def test_any_repo_witness_is_not_the_repository_the_pattern_spells(tmp_path):
    found = [f for f in lint_files(tmp_path, {"trust.json": trust("repo:myorg/app*")})
             if f.rule.startswith("trust-sub")]
    assert [f.rule for f in found] == ["trust-sub-any-repo"]
    w = found[0].extra["witness"]
    assert w.startswith("repo:myorg/app") and not w.startswith("repo:myorg/app:"), w
