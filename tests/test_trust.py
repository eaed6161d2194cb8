"""The trust-* rules: what they report, where, and that no input makes them crash."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_files, run_cli

GH = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
H = "token.actions.githubusercontent.com"


def policy(condition, principal=None, action="sts:AssumeRoleWithWebIdentity"):
    stmt = {"Effect": "Allow", "Principal": principal or {"Federated": GH}, "Action": action}
    if condition is not None:
        stmt["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [stmt]}


def lint_policies(tmp_path, files, config=None):
    return [f for f in lint_files(tmp_path, files, config)
            if f.rule.startswith(("trust-", "internal"))]


def rules(findings):
    return sorted(f.rule for f in findings)


def test_one_finding_per_statement_for_the_broadest_class(tmp_path):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": "repo:myorg/blog-api:*"}})})
    assert rules(found) == ["trust-sub-any-context"]
    msg = found[0].message
    assert "repo:myorg/blog-api:pull_request" in msg and "refs/heads/" in msg
    assert "repo:myorg/blog-api:environment:production" in found[0].help
    assert found[0].line == 15


def test_witnesses_of_narrower_classes_are_listed(tmp_path):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": "repo:myorg*"}})})
    assert rules(found) == ["trust-sub-any-owner"]
    assert "repo:myorg-evil/app:pull_request" in found[0].message
    assert "pull requests (`" in found[0].message


def test_list_value_points_at_the_offending_pattern(tmp_path):
    text = json.dumps(policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                              "StringLike": {f"{H}:sub": [
                                  "repo:myorg/blog-api:ref:refs/heads/main",
                                  "repo:myorg/blog-api:pull_request"]}}), indent=2)
    found = lint_policies(tmp_path, {"trust.json": text})
    assert rules(found) == ["trust-sub-pull-request"]
    line = text.splitlines()[found[0].line - 1]
    assert "pull_request" in line


def test_statement_no_token_can_satisfy_is_silent_for_sub_rules(tmp_path):
    found = lint_policies(tmp_path, {"trust.json": policy({"StringEquals": {
        f"{H}:aud": "sts.amazonaws.com", f"{H}:repository_owner": "myorg"}})})
    assert rules(found) == ["trust-condition-key-unknown"]
    assert "401" in found[0].message


def test_ifexists_on_unknown_key_says_restriction_dropped(tmp_path):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                         f"{H}:sub": "repo:o/r:environment:production"},
        "StringEqualsIfExists": {f"{H}:job_workflow": "o/r/.github/workflows/d.yml@main"}})})
    assert rules(found) == ["trust-condition-key-unknown"]
    assert "silently dropped" in found[0].message


def test_audience(tmp_path):
    found = lint_policies(tmp_path, {
        "a.json": policy({"StringEquals": {f"{H}:sub": "repo:o/r:environment:production"}}),
        "b.json": policy({"StringEquals": {f"{H}:aud": ["https://github.com/o"],
                                           f"{H}:sub": "repo:o/r:environment:production"}}),
        "c.json": policy({"StringEquals": {f"{H}:aud": "custom",
                                           f"{H}:sub": "repo:o/r:environment:production"}}),
    }, config="github:\n  audience: custom\n")
    assert [(f.rule, f.file) for f in found] == [("trust-aud-missing", "a.json"),
                                                 ("trust-aud-unexpected", "b.json")]


@pytest.mark.parametrize("aud_key, expected", [
    # a misspelled aud key is one defect: key-unknown reports it with the fix
    ("token.actions.githubuser.content.com:aud", ["trust-condition-key-unknown"]),
    (f"{H}:aut", ["trust-condition-key-unknown"]),
    # a key that is not the aud key leaves the aud condition really missing
    (f"{H}:actor", ["trust-aud-missing"]),
    (f"{H}:audience", ["trust-condition-key-unknown"]),
    (f"{H}:aud ", ["trust-condition-key-unknown"]),  # IAM does not trim a key
    # the provider's URL is not its key prefix: IAM drops the scheme (gd/10)
    (f"https://{H}:aud", ["trust-condition-key-unknown"]),
])
def test_a_misspelled_aud_key_is_reported_once(tmp_path, aud_key, expected):
    found = lint_policies(tmp_path, {"t.json": policy({"StringEquals": {
        aud_key: "sts.amazonaws.com", f"{H}:sub": "repo:o/r:environment:production"}})})
    assert rules(found) == expected


def test_unsafe_operators(tmp_path):
    found = lint_policies(tmp_path, {
        "env.json": policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                            "StringLike": {f"{H}:sub": "repo:o/r:ref:refs/heads/*"},
                            "StringLikeIfExists": {f"{H}:environment": "prod"}}),
        "safe.json": policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                             "StringLike": {f"{H}:sub": "repo:o/r:ref:refs/heads/*"},
                             "StringNotLike": {f"{H}:sub": "repo:o/r:ref:refs/heads/tmp-*"}}),
        "set.json": policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                            "ForAllValues:StringEquals": {f"{H}:sub": "repo:o/r:ref:refs/heads/x"}}),
    })
    assert [(f.rule, f.file) for f in found] == [
        ("trust-condition-unsafe-operator", "env.json"),
        ("trust-condition-unsafe-operator", "set.json")]
    assert "without an environment" in found[0].message


def test_actions_and_principals(tmp_path):
    pinned = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                               f"{H}:sub": "repo:o/r:environment:production"}}
    found = lint_policies(tmp_path, {
        "role.json": policy(pinned, action="sts:AssumeRole"),
        "star.json": policy(pinned, action="*"),
        "tag.json": policy(pinned, action=["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]),
        "gitlab.json": policy(pinned, principal={"Federated": "arn:aws:iam::1:oidc-provider/gitlab.com"}),
        "typo.json": policy(pinned, principal={
            "Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.co"}),
        "reverse.json": policy({"StringEquals": {"gitlab.com:sub": "project_path:g/p:ref_type:branch:ref:main"}}),
        "placeholder.json": policy(pinned, principal={"Federated": "OIDC_PROVIDER_ARN"}),
    })
    assert sorted((f.rule, f.file) for f in found) == [
        ("trust-action-mismatch", "role.json"),
        ("trust-action-mismatch", "star.json"),
        ("trust-principal-not-github", "gitlab.json"),
        ("trust-principal-not-github", "reverse.json"),
        ("trust-principal-not-github", "typo.json")]


def test_production_gate(tmp_path):
    branch = policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                                      f"{H}:sub": "repo:o/r:ref:refs/heads/main"}})
    env = policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                                   f"{H}:sub": "repo:o/r:environment:production"}})
    found = lint_policies(tmp_path, {
        "prod/trust.json": branch, "production-env/trust.json": env,
        "staging/trust.json": branch, "product-api/trust.json": branch,
        "iam/marked.json": branch,
    }, config='roles:\n  "arn:aws:iam::1:role/x":\n    trust: iam/marked.json\n    production: true\n')
    assert sorted(f.file for f in found if f.rule == "trust-no-environment-gate") == [
        "iam/marked.json", "prod/trust.json"]
    assert all(f.severity == "info" for f in found)


HOLE_TEMPLATE = """\
Parameters:
  GitHubOrg: {Type: String}
  Repo: {Type: String}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: !Sub "arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}
              StringLike: {token.actions.githubusercontent.com:sub: !Sub "SUB"}
"""


def test_cloudformation_holes_are_fixed_values(tmp_path):
    found = lint_policies(tmp_path, {"template.yaml": HOLE_TEMPLATE.replace(
        "SUB", "repo:${GitHubOrg}/app:*")})
    assert rules(found) == ["trust-sub-any-context"]
    assert "repo:${GitHubOrg}/app:pull_request" in found[0].message
    assert found[0].line == 15


@pytest.mark.parametrize("sub, expected", [
    # an unresolved parameter is one fixed value: what follows it is another name
    ("repo:${GitHubOrg}*:ref:refs/heads/main", "trust-sub-any-owner"),
    ("repo:${GitHubOrg}/*:ref:refs/heads/main", "trust-sub-any-repo"),
    ("repo:${GitHubOrg}/${Repo}:ref:refs/heads/main", None),
    ("repo:${GitHubOrg}/*${Repo}:ref:refs/heads/main", "trust-sub-any-repo"),
    ("repo:${GitHubOrg}/${Repo}*:ref:refs/heads/main", "trust-sub-any-repo"),
])
def test_a_template_parameter_names_exactly_its_value(tmp_path, sub, expected):
    found = lint_policies(tmp_path, {"t.yaml": HOLE_TEMPLATE.replace("SUB", sub)})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == \
        ([expected] if expected else []), [f.message for f in found]


@pytest.mark.parametrize("other, expected", [
    ('"repo:*"', ["trust-sub-any-owner"]),  # either branch may be deployed: the repo:* one
    ('"repo:myorg/app:environment:staging"', []),  # both narrow
])
def test_an_undecidable_if_in_a_sub_condition_is_either_branch(tmp_path, other, expected):
    template = HOLE_TEMPLATE.replace(
        '!Sub "SUB"', f'!If [IsProd, "repo:myorg/app:environment:prod", {other}]').replace(
        "Resources:", "Conditions:\n  IsProd: !Equals [!Ref Repo, prod]\nResources:")
    found = lint_policies(tmp_path, {"t.yaml": template})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == expected


@pytest.mark.parametrize("value", ["!Ref Repos", "!Select [1, !Ref Repos]"])
def test_a_comma_delimited_list_parameter_is_a_list(tmp_path, value):
    template = HOLE_TEMPLATE.replace('!Sub "SUB"', value).replace(
        "  Repo: {Type: String}",
        '  Repos: {Type: CommaDelimitedList, Default: "repo:myorg/a:*,repo:*"}')
    found = lint_policies(tmp_path, {"t.yaml": template})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == ["trust-sub-any-owner"]


def test_cli_exit_code_and_selection(tmp_path):
    (tmp_path / "trust.json").write_text(json.dumps(policy(None)))
    res = run_cli("--select", "trust-sub-", str(tmp_path / "trust.json"))
    assert res.returncode == 1
    assert "trust-sub-missing" in res.stdout and "trust-aud-missing" not in res.stdout


JUNK = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=6)
                    | st.sampled_from(["*", "sts:AssumeRoleWithWebIdentity", GH,
                                       f"{H}:sub", "StringLike", "repo:o/*"]),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["Federated", "StringLike", f"{H}:sub",
                                                       f"{H}:aud", "Null", "x"]) | st.text(max_size=4),
                                      inner, max_size=3), max_leaves=10)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(JUNK, JUNK, JUNK)
def test_wrong_types_never_crash(tmp_path, principal, action, condition):
    doc = {"Statement": [{"Effect": "Allow", "Principal": principal, "Action": action,
                          "Condition": condition},
                         {"Effect": "Allow", "Principal": {"Federated": GH},
                          "Action": ["sts:AssumeRoleWithWebIdentity"], "Condition": condition}]}
    from ecs_lint.config import Config
    from ecs_lint.model import Document, Span
    from ecs_lint.registry import CHECKS, RULES, load_rules
    from ecs_lint.runner import Context

    load_rules()
    d = Document("trust-policy", doc, "t.json", lambda path=(), key=False: Span(1, 1))
    ctx = Context(Config(), str(tmp_path), [], set(RULES))
    for chk in CHECKS:
        if "trust-policy" in chk.kinds and chk.func.__module__.endswith("trust"):
            list(chk.func([d] if chk.cross_file else d, ctx))


def test_help_shows_unresolved_template_parameters_by_name(tmp_path):
    """An unresolved `${GitHubOrg}` stays visible in the suggested fix (no private
    placeholder characters leak into messages)."""
    from conftest import lint_folder
    (tmp_path / "t.yaml").write_text(
        "Parameters:\n  GitHubOrg: {Type: String}\n"
        "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n"
        "      AssumeRolePolicyDocument:\n        Statement:\n"
        "          - Effect: Allow\n"
        "            Principal: {Federated: !Sub 'arn:aws:iam::${AWS::AccountId}:oidc-provider/"
        "token.actions.githubusercontent.com'}\n"
        "            Action: sts:AssumeRoleWithWebIdentity\n"
        "            Condition:\n"
        "              StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}\n"
        "              StringLike: {token.actions.githubusercontent.com:sub: !Sub 'repo:${GitHubOrg}/shop:*'}\n")
    (f,) = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-any-context"]
    assert "repo:${GitHubOrg}/shop:ref:refs/heads/main" in f.help
    assert not any(0xE000 <= ord(c) < 0xF900 for c in f.message + f.help)


def _with_deny(allow_sub, deny_condition):
    doc = policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                  "StringLike": {f"{H}:sub": allow_sub}})
    doc["Statement"].append({"Effect": "Deny", "Principal": {"Federated": GH},
                             "Action": "sts:AssumeRoleWithWebIdentity",
                             "Condition": deny_condition})
    return doc


@pytest.mark.parametrize("deny_condition, expected", [
    # a Deny with a condition beside the sub spares the tokens that fail it
    ({"StringNotEquals": {f"{H}:aud": "sts.amazonaws.com"}}, ["trust-sub-any-owner"]),
    ({"StringEquals": {f"{H}:actor": "mallory"}}, ["trust-sub-any-owner"]),
    ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, ["trust-sub-any-owner"]),
    ({"StringLike": {f"{H}:sub": "repo:evil/*", f"{H}:actor": "mallory"}},
     ["trust-sub-any-owner"]),
    # a Deny on the sub alone takes its subs away: all but myorg's repositories
    ({"StringNotLike": {f"{H}:sub": "repo:myorg/*"}}, ["trust-sub-any-repo"]),
    ({"StringNotLike": {f"{H}:sub": "repo:myorg/app:*"}}, ["trust-sub-any-context"]),
    # a Deny without conditions refuses every GitHub token
    (None, []),
])
def test_a_deny_takes_away_only_the_subs_it_refuses_whatever_the_token_says(
        tmp_path, deny_condition, expected):
    doc = _with_deny("repo:*", deny_condition)
    if deny_condition is None:
        del doc["Statement"][1]["Condition"]
    found = lint_policies(tmp_path, {"trust.json": doc})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == expected, \
        [f.message for f in found]


@pytest.mark.parametrize("condition, rule, not_listed", [
    # the branch named after the wildcard is known: not "any branch"
    ({"StringLike": {f"{H}:sub": "repo:*:ref:refs/heads/main"}}, "trust-sub-any-owner",
     "any branch"),
    ({"StringLike": {f"{H}:sub": "repo:myorg/*:environment:production"}}, "trust-sub-any-repo",
     "any environment"),
    # an environment claim names the environment the sub may carry
    ({"StringLike": {f"{H}:sub": "repo:myorg/app:*"},
      "StringLikeIfExists": {f"{H}:environment": "production"}}, "trust-sub-pull-request",
     "any environment"),
])
def test_names_after_a_wildcard_or_in_other_claims_are_known(tmp_path, condition, rule,
                                                             not_listed):
    condition = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"}, **condition}
    found = [f for f in lint_policies(tmp_path, {"trust.json": policy(condition)})
             if f.rule.startswith("trust-sub-")]
    assert [f.rule for f in found] == [rule]
    assert not_listed not in found[0].message, found[0].message


@pytest.mark.parametrize("value, expected", [
    # GitHub's owner and repository names are unique ignoring case
    ("repo:myorg/app:PULL_REQUEST", ["trust-sub-pull-request"]),
    ("REPO:MYORG/APP:REF:REFS/HEADS/MAIN", []),
    ("repo:MyOrg/*", ["trust-sub-any-repo"]),
])
def test_ignore_case_values_name_the_same_owner_and_repository(tmp_path, value, expected):
    condition = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                 "StringEqualsIgnoreCase" if "*" not in value else "StringLike":
                     {f"{H}:sub": value}}
    found = lint_policies(tmp_path, {"trust.json": policy(condition)})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == expected, \
        [f.message for f in found]


@pytest.mark.parametrize("condition, rule", [
    ({"StringLike": {f"{H}:repository": "myorg/*"}}, "trust-sub-any-repo"),
    ({"StringEquals": {f"{H}:repository": "myorg/app"}}, "trust-sub-any-context"),
    ({"StringLike": {f"{H}:repository": "*/app"}}, "trust-sub-missing"),
])
def test_a_repository_claim_without_a_sub_condition(tmp_path, condition, rule):
    condition = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
                 **{op: {**keys, **({f"{H}:aud": "sts.amazonaws.com"} if op == "StringEquals"
                                    else {})} for op, keys in condition.items()}}
    found = [f for f in lint_policies(tmp_path, {"trust.json": policy(condition)})
             if f.rule.startswith("trust-sub-")]
    assert [f.rule for f in found] == [rule]
    assert "sub  " not in found[0].message and "sub ``" not in found[0].message


def test_a_null_test_is_no_condition_on_the_value(tmp_path):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "Null": {f"{H}:sub": "false", f"{H}:aud": "false"}})})
    assert sorted(f.rule for f in found) == ["trust-aud-missing", "trust-sub-missing"]
    assert "`false`" not in " ".join(f.message for f in found)


@pytest.mark.parametrize("not_action, kind", [
    ("sts:AssumeRole", "trust-policy"),  # grants every other STS action, web identity too
    ("s3:GetObject", None),  # a resource policy of another service
])
def test_a_statement_with_notaction_of_sts_is_a_trust_policy(not_action, kind):
    from ecs_lint.kinds import policy_kind

    doc = policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"}})
    del doc["Statement"][0]["Action"]
    doc["Statement"][0]["NotAction"] = not_action
    assert policy_kind(doc) == kind


@pytest.mark.parametrize("sub, expected", [
    # wildcards in the ids only: the named repository, any id
    ("repo:myorg@*/blog-api@*:ref:refs/heads/main", []),
    ("repo:myorg@*/*:ref:refs/heads/main", ["trust-sub-any-repo"]),
    ("repo:myorg*:ref:refs/heads/main", ["trust-sub-any-owner"]),
])
def test_immutable_subjects_with_wildcard_ids(tmp_path, sub, expected):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"}, "StringLike": {f"{H}:sub": sub}})})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == expected, \
        [f.message for f in found]
    assert all("@/" not in f.message and "@:" not in f.message for f in found)


def _enterprise_trust(principal_path, key_path):
    host = "token.actions.githubusercontent.com"
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{host}{principal_path}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {f"{host}{key_path}:aud": "sts.amazonaws.com",
                                       f"{host}{key_path}:sub": "repo:acme/app:ref:refs/heads/main"}}}]}


def test_an_enterprise_issuer_with_the_default_issuers_keys_is_reported(tmp_path):
    # IAM names a provider's condition keys after its URL: the provider of
    # issuer .../acme-corp never puts `token.actions.githubusercontent.com:sub` in a request
    for principal, keys in (("/acme-corp", ""), ("", "/acme-corp"), ("/acme-corp", "/other")):
        found = _principal_findings(tmp_path, _enterprise_trust(principal, keys))
        assert len(found) == 1, (principal, keys)
        assert "never carry these keys" in found[0].message


def test_an_enterprise_issuer_with_its_own_keys_is_not_reported(tmp_path):
    for same in ("/acme-corp", ""):
        assert _principal_findings(tmp_path, _enterprise_trust(same, same)) == []
    # the keys named with another case: IAM's condition keys ignore case
    assert _principal_findings(tmp_path, _enterprise_trust("/Acme-Corp", "/acme-corp")) == []


def _principal_findings(tmp_path, trust):
    import json

    from conftest import lint_folder

    (tmp_path / "t.json").write_text(json.dumps(trust, indent=2))
    return [f for f in lint_folder(tmp_path) if f.rule == "trust-principal-not-github"]


def test_an_enterprise_issuers_keys_in_another_case_are_its_own(tmp_path):
    # IAM's condition keys ignore case: `.../Acme-Corp:sub` is the provider
    # .../acme-corp's key, so the sub it tests is read (here: every context)
    import json

    from conftest import lint_folder

    trust = _enterprise_trust("/acme-corp", "/Acme-Corp")
    cond = trust["Statement"][0]["Condition"]
    sub_key = next(k for k in cond["StringEquals"] if k.endswith(":sub"))
    cond["StringLike"] = {sub_key: "repo:acme/app:*"}
    del cond["StringEquals"][sub_key]
    (tmp_path / "t.json").write_text(json.dumps(trust, indent=2))
    rules = {f.rule for f in lint_folder(tmp_path)}
    assert "trust-sub-any-context" in rules and "trust-principal-not-github" not in rules


@pytest.mark.parametrize("sub, config, expected", [
    # with the owner's id known, its name with another id is another owner
    # (one who took the name over): `@*` admits them
    ("repo:acme@*/api@*:ref:refs/heads/main", "owners: [acme]\n  owner-id: 4021\n",
     ["trust-sub-any-owner"]),
    ("repo:acme@*/api@*:ref:refs/heads/main", "repository: acme/api\n  owner-id: 4021\n",
     ["trust-sub-any-owner"]),
    ("repo:acme@4021/api@*:ref:refs/heads/main", "repository: acme/api\n  owner-id: 4021\n", []),
    # without the id, the name is the owner
    ("repo:acme@*/api@*:ref:refs/heads/main", "owners: [acme]\n", []),
    # a repository id pinned to another value is one other repository, not every one
    ("repo:acme@4021/api@999:ref:refs/heads/main",
     "repository: acme/api\n  owner-id: 4021\n  repository-id: 77\n", []),
])
def test_an_owner_id_in_the_config_makes_the_name_with_another_id_another_owner(
        tmp_path, sub, config, expected):
    found = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": sub}})}, config="github:\n  subject: immutable\n  " + config)
    assert rules(found) == expected


@pytest.mark.parametrize("sub", ["repo:*/fleet-ctl:*", "repo:acme?/fleet-ctl:ref:refs/heads/main"])
def test_a_repository_named_after_a_wildcarded_owner_is_no_other_repository_of_the_owner(
        tmp_path, sub):
    (found,) = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": sub}})}, config="github:\n  owners: [acme]\n")
    assert found.rule == "trust-sub-any-owner"
    assert "any-repo" not in found.extra["classes"]


def test_the_pin_example_follows_the_configured_subject_format(tmp_path):
    (found,) = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": "repo:acme@42/api@7:*"}})},
        config="github:\n  repository: acme/api\n  subject: immutable\n  owner-id: 42\n"
               "  repository-id: 7\n")
    assert "`repo:acme@42/api@7:environment:production`" in found.help


@pytest.mark.parametrize("condition, expected", [
    # the immutable sub carries the repository's id: `repository_id` pins one repository
    ({"StringEquals": {f"{H}:repository_id": "77"}}, ["trust-sub-any-context"]),
    ({"StringEqualsIfExists": {f"{H}:repository_id": "77"}}, ["trust-sub-any-context"]),
    ({"StringLike": {f"{H}:repository_id": "7*"}}, ["trust-sub-any-repo"]),
    # a negated test leaves every other repository in
    ({"StringNotEquals": {f"{H}:repository_id": "77"}}, ["trust-sub-any-repo"]),
    ({}, ["trust-sub-any-repo"]),
])
def test_a_repository_id_condition_narrows_an_immutable_org_wide_sub(
        tmp_path, condition, expected):
    cond = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
            "StringLike": {f"{H}:sub": "repo:acme@42/*"}}
    for op, keys in condition.items():
        cond.setdefault(op, {}).update(keys)
    found = lint_policies(tmp_path, {"t.json": policy(cond)},
                          config="github:\n  repository: acme/api\n  subject: immutable\n"
                                 "  owner-id: 42\n  repository-id: 77\n")
    subs = [f for f in found if f.rule.startswith("trust-sub-")]
    assert rules(subs) == expected, [f.message for f in found]
    if expected == ["trust-sub-any-context"]:  # the witnesses name the configured repository
        assert "`repo:acme@42/api@77:pull_request`" in subs[0].message


def test_a_repository_id_condition_names_the_repository_of_a_legacy_sub(tmp_path):
    # every token carries `repository_id`, whatever the sub's format: IAM lets
    # only repository 77 through, under whatever name (it/06; stop 28)
    found = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com", f"{H}:repository_id": "77"},
        "StringLike": {f"{H}:sub": "repo:acme/*"}})}, config="github:\n  owners: [acme]\n")
    assert rules(found) == ["trust-sub-any-context"]  # (any context of that one, still)


@pytest.mark.parametrize("sub, text", [
    ("repo:myorg/*", "admits every repository of the owner"),
    ("repo:myorg/*:ref:refs/heads/main", "admits every repository of the owner"),
    # `?` admits other repositories, but not every one: the message says so
    ("repo:myorg/ingest?:*", "admits repositories of the owner that it does not name"),
    ("repo:myorg/svc-*:ref:refs/heads/main",
     "admits repositories of the owner that it does not name"),
])
def test_the_message_says_whether_every_repository_is_admitted(tmp_path, sub, text):
    (found,) = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": sub}})})
    assert found.rule == "trust-sub-any-repo"
    assert text in found.message


def test_the_message_says_which_branches_are_admitted(tmp_path):
    (found,) = lint_policies(tmp_path, {"t.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
        "StringLike": {f"{H}:sub": ["repo:myorg/*:ref:refs/heads/feat-*",
                                    "repo:myorg/app:pull_request"]}})})
    # every repository's feat-* branches: not every branch
    assert "admits every repository of the owner" in found.message
    assert "branches it does not name (`repo:myorg/x:ref:refs/heads/feat-x`)" in found.message
    assert "any branch" not in found.message


@pytest.mark.parametrize("action, kind", [
    ("Sts:*", "trust-policy"),  # IAM reads the prefix and name in any case
    ("STS:AssumeRoleWithWebIdentity", "trust-policy"),
    ("sts:Assume*", "trust-policy"),
    ("*", "trust-policy"),
    ("sts:TagSession", None),
])
def test_a_principal_with_any_assume_action_makes_a_trust_policy(action, kind):
    from ecs_lint.kinds import policy_kind

    doc = policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"}})
    doc["Statement"][0]["Action"] = action
    assert policy_kind(doc) == kind


def test_a_policy_in_a_yaml_block_scalar_is_located_at_its_own_lines(tmp_path):
    # `aws iam create-role --cli-input-yaml`: the document is JSON text in a `|` block
    from conftest import lint_folder

    (tmp_path / "role.yaml").write_text("""\
RoleName: ci-image
AssumeRolePolicyDocument: |
  {
    "Version": "2012-10-17",
    "Statement": [{
      "Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
        "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:ref:refs/heads/main"}
      }
    }]
  }
""")
    (found,) = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-any-repo"]
    assert found.span.line == 11


def test_a_ghe_com_enterprises_issuer_is_githubs(tmp_path):
    # GHE.com (data residency): tokens come from token.actions.SUBDOMAIN.ghe.com, and
    # IAM names the condition keys after that provider
    host = "token.actions.northwind.ghe.com"
    doc = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{host}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {f"{host}:aud": "sts.amazonaws.com"},
                      "StringLike": {f"{host}:sub": "repo:northwind/*"}}}]}
    found = lint_policies(tmp_path, {"t.json": doc})
    assert rules(found) == ["trust-sub-any-repo"]


@pytest.mark.parametrize("url, wrong", [
    ("https://token.actions.northwind.ghe.com", False),
    ("https://token.actions.northwind.ghe.com/extra", True),
    ("https://github.fabrikam.com/_services/token", False),  # GitHub Enterprise Server
    # hs/02: GHE.com is GitHub's cloud, never a server: its issuer is token.actions.X.ghe.com
    ("https://northwind.ghe.com/_services/token", True),
    # IAM keeps a trailing slash in the provider's name; the tokens' issuer has none
    ("https://token.actions.githubusercontent.com/", True),
    ("https://token.actions.githubusercontent.com/tessellate/", True),
    ("https://token.actions.northwind.ghe.com/", True),
    ("token.actions.githubusercontent.com", False),
])
def test_ghe_com_and_ghes_provider_urls(tmp_path, url, wrong):
    from conftest import file_findings

    found = file_findings(tmp_path, "provider.json", {"Url": url,
                                                      "ClientIDList": ["sts.amazonaws.com"]})
    assert ("oidc-provider-url-wrong" in [r for r, _, _ in found]) is wrong


@pytest.mark.parametrize("companion, with_web_identity, reported", [
    ("sts:TagSession", True, False),
    (["sts:TagSession", "sts:SetSourceIdentity"], True, False),
    ("sts:TagSession", False, True),        # nothing lets the deploy in
    ("sts:AssumeRole", True, True),         # not a companion of the web identity call
])
def test_a_session_tag_statement_beside_the_web_identity_one(tmp_path, companion,
                                                             with_web_identity, reported):
    pinned = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com",
                               f"{H}:sub": "repo:o/r:environment:production"}}
    main = policy(pinned, action="sts:AssumeRoleWithWebIdentity" if with_web_identity
                  else "sts:AssumeRole")["Statement"][0]
    tags = {"Sid": "AllowSessionTags", "Effect": "Allow", "Principal": {"Federated": GH},
            "Action": companion}
    found = lint_policies(tmp_path, {"trust.json": {
        "Version": "2012-10-17", "Statement": [main, tags]}})
    flagged = [f for f in found if f.rule == "trust-action-mismatch" and f.line > 14]
    assert bool(flagged) == reported


@pytest.mark.parametrize("sub, whole", [
    ("repo:contractors/api:ref:refs/heads/main", True),  # written out: that repository
    ("repo:contractors/*", False),  # a pattern: an example of what it admits
])
def test_another_owners_repository_written_out_is_named_as_one(tmp_path, sub, whole):
    cond = {"StringLike": {"token.actions.githubusercontent.com:sub": sub,
                           "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
    found = lint_policies(tmp_path, {"trust.json": policy(cond)},
                          config="github:\n  repository: acme/api\n  owners: [acme]\n")
    (f,) = [f for f in found if f.rule == "trust-sub-any-owner"]
    assert ("a repository of another owner" in f.message) is whole, f.message


@pytest.mark.parametrize("other, expected", [
    ('"*"', ["trust-sub-any-context"]),  # the variable map's other branch: every context
    ('"environment:staging"', []),
])
def test_an_if_in_a_sub_variable_map_is_either_branch(tmp_path, other, expected):
    template = HOLE_TEMPLATE.replace(
        '!Sub "SUB"',
        f'!Sub ["repo:myorg/app:${{Context}}", {{Context: !If [IsProd, '
        f'"environment:prod", {other}]}}]').replace(
        "Resources:", "Conditions:\n  IsProd: !Equals [!Ref Repo, prod]\nResources:")
    found = lint_policies(tmp_path, {"t.yaml": template})
    assert [f.rule for f in found if f.rule.startswith("trust-sub-")] == expected, \
        [f.message for f in found]


@pytest.mark.parametrize("sandbox, reported", [
    # a condition made of other conditions is false in every allowed stack
    ("!And [!Not [!Condition IsProd], !Not [!Condition IsStaging]]", False),
    ("!Not [!Condition IsProd]", True),  # staging is allowed: it holds there
])
def test_a_statement_only_a_stack_that_cannot_be_made_holds(tmp_path, sandbox, reported):
    template = f"""\
Parameters:
  Stage: {{Type: String, AllowedValues: [staging, production], Default: production}}
Conditions:
  IsProd: !Equals [!Ref Stage, production]
  IsStaging: !Equals [!Ref Stage, staging]
  IsSandbox: {sandbox}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {{Federated: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"}}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:myorg/app:environment:production
          - !If
            - IsSandbox
            - Effect: Allow
              Principal: {{Federated: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"}}
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals: {{token.actions.githubusercontent.com:aud: sts.amazonaws.com}}
                StringLike: {{token.actions.githubusercontent.com:sub: "repo:myorg/*"}}
            - !Ref AWS::NoValue
"""
    found = lint_policies(tmp_path, {"t.yaml": template})
    assert ("trust-sub-any-repo" in [f.rule for f in found]) is reported, \
        [f.message for f in found]


@pytest.mark.parametrize("scheme", ["https://", "HTTPS://", "http://"])
def test_keys_written_with_the_url_scheme_are_never_sent(tmp_path, scheme):
    # gd/10: `${var.oidc_url}:sub` with url = "https://token.actions...": no
    # request carries the key, so the role admits nothing (no sub findings)
    found = lint_policies(tmp_path, {"t.json": policy({"StringEquals": {
        f"{scheme}{H}:aud": "sts.amazonaws.com",
        f"{scheme}{H}:sub": "repo:o/r:environment:production"}})})
    assert rules(found) == ["trust-condition-key-unknown"] * 2
    assert all("401" in f.message for f in found)


def test_a_ghe_com_tenants_keys_are_named_after_its_host(tmp_path):
    # ha: the fix names the key IAM puts in that provider's requests
    host = "token.actions.fabrikam.ghe.com"
    found = lint_policies(tmp_path, {"t.json": policy(
        {"StringEquals": {f"{host}:aud": "sts.amazonaws.com", f"{host}:audience": "x"}},
        principal={"Federated": f"arn:aws:iam::111122223333:oidc-provider/{host}"})})
    unknown = [f for f in found if f.rule == "trust-condition-key-unknown"]
    assert unknown and f"`{host}:aud`" in unknown[0].help
    found = lint_policies(tmp_path / "b" if (tmp_path / "b").mkdir() is None else tmp_path,
                          {"t.json": policy({"StringEquals": {f"{host}:aud": "sts.amazonaws.com"}},
                                            principal={"Federated": "arn:aws:iam::111122223333:"
                                                       f"oidc-provider/{host}"})})
    missing = [f for f in found if f.rule == "trust-sub-missing"]
    assert missing and f"{host}:sub" in missing[0].message


GH = "token.actions.githubusercontent.com"


def _trust(*statements):
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": effect, "Principal": {"Federated":
                                         f"arn:aws:iam::123456789012:oidc-provider/{GH}"},
         "Action": "sts:AssumeRoleWithWebIdentity", "Condition": cond}
        for effect, cond in statements]}


@pytest.mark.parametrize("null, found", [
    # hx/01: the environment claim must be there: only the environment form passes
    ("false", []),
    # jobs without an environment: branches, tags and pull requests, no environment
    ("true", ["trust-sub-pull-request"]),
])
def test_a_null_test_of_the_environment_claim(tmp_path, null, found):
    doc = _trust(("Allow", {"StringEquals": {f"{GH}:aud": "sts.amazonaws.com"},
                            "StringLike": {f"{GH}:sub": "repo:o/r:*"},
                            "Null": {f"{GH}:environment": null}}))
    got = [r for r in rules(lint_policies(tmp_path, {"t.json": doc})) if r.startswith("trust-sub")]
    assert got == found


def test_a_deny_of_pull_request_refs_spares_pull_request_target(tmp_path):
    # hx/05: a pull_request_target run's ref is its base branch
    doc = _trust(("Allow", {"StringEquals": {f"{GH}:aud": "sts.amazonaws.com"},
                            "StringLike": {f"{GH}:sub": "repo:o/r:*"}}),
                 ("Deny", {"StringLike": {f"{GH}:ref": "refs/pull/*"}}))
    assert "trust-sub-any-context" in rules(lint_policies(tmp_path, {"t.json": doc}))
    everything = _trust(("Allow", {"StringEquals": {f"{GH}:aud": "sts.amazonaws.com"},
                                   "StringLike": {f"{GH}:sub": "repo:o/r:*"}}),
                        ("Deny", {"StringLike": {f"{GH}:ref": "refs/*"}}))
    assert not [r for r in rules(lint_policies(tmp_path / "x", {"t.json": everything}))
                if r.startswith("trust-sub")]
