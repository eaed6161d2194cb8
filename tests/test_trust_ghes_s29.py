"""The per-statement trust rules read a GitHub Enterprise Server trust (its
only GitHub-like provider) as GitHub's: its tokens carry the same claims and
ask for the same audience (jo/02)."""
import json

import pytest

from conftest import lint_files

GHES = "git.example.io/_services/token"


def _trust(condition, provider=GHES):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{provider}"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}]}


def _rules(tmp_path, policy):
    return sorted((f.rule, f.span.line) for f in lint_files(tmp_path, {"trust.json": policy})
                  if f.rule.startswith("trust-") and f.severity != "info")


@pytest.mark.parametrize("condition, rules", [
    # jo/02: the owner URL as audience: every token asks for sts.amazonaws.com
    ({"StringEquals": {f"{GHES}:aud": "https://git.example.io/acme",
                       f"{GHES}:sub": "repo:acme/app:ref:refs/heads/main"}},
     ["trust-aud-unexpected"]),
    ({"StringEquals": {f"{GHES}:sub": "repo:acme/app:ref:refs/heads/main"}},
     ["trust-aud-missing"]),
    ({"StringEquals": {f"{GHES}:aud": "sts.amazonaws.com"},
      "StringLike": {f"{GHES}:sub": "repo:*"}}, ["trust-sub-any-owner"]),
    # near miss: pinned like a github.com trust should be
    ({"StringEquals": {f"{GHES}:aud": "sts.amazonaws.com",
                       f"{GHES}:sub": "repo:acme/app:ref:refs/heads/main"}}, []),
])
def test_a_ghes_trust_is_checked_as_githubs(tmp_path, condition, rules):
    assert [r for r, _ in _rules(tmp_path, _trust(condition))] == rules


def test_the_fix_names_the_servers_key(tmp_path):
    policy = _trust({"StringEquals": {f"{GHES}:aud": "https://git.example.io/acme",
                                      f"{GHES}:sub": "repo:acme/app:ref:refs/heads/main"}})
    found = [f for f in lint_files(tmp_path, {"trust.json": policy})
             if f.rule == "trust-aud-unexpected"]
    assert found and f'"{GHES}:aud"' in found[0].help


def test_another_oidc_provider_is_not_read_as_github(tmp_path):
    policy = _trust({"StringEquals": {"gitlab.example.io:aud": "x"}}, provider="gitlab.example.io")
    assert _rules(tmp_path, policy) == []
