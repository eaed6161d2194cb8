"""CloudFormation values the template does not fix: dynamic references
(`{{resolve:ssm:...}}`) read as holes, `Fn::FindInMap` with an unknown key
and a DefaultValue, `Fn::If` over a whole Condition or Statement, and
`Fn::ForEach` loops (AWS::LanguageExtensions) expanded with positions in the
loop's body."""
import textwrap

from conftest import lint_folder
from ecs_lint import cloudformation
from ecs_lint.cloudformation import Scope, resolve, resolve_tree
from ecs_lint.loader import load_text
from ecs_lint.values import Template, Unknown

SUB = "token.actions.githubusercontent.com:sub"
FEDERATED = ("arn:aws:iam::123456789012:oidc-provider/"
             "token.actions.githubusercontent.com")


def extract_text(text, syntax="yaml", name="t.yaml"):
    loaded = load_text(textwrap.dedent(text), syntax)[0]
    return cloudformation.extract(name, loaded.data, loaded.locate, loaded.text)


def trust(docs, name=None):
    hits = [d for d in docs if d.kind == "trust-policy" and (name is None or d.name == name)]
    assert len(hits) == 1, [(d.kind, d.name) for d in docs]
    return hits[0]


def role_template(condition: str, extra_top: str = "") -> str:
    """A template (dedented) whose role DeployRole trusts GitHub's provider
    with `condition` (YAML, put under the Condition key)."""
    return extra_top + textwrap.dedent("""\
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: deploy
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Federated: %s}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
        """ % FEDERATED) + textwrap.indent(textwrap.dedent(condition), " " * 14)


def workflow(environment: str) -> str:
    return textwrap.dedent(f"""\
        on:
          push:
            branches: [main]
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: {environment}
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/deploy
                  aws-region: eu-west-1
        """)


def write_repo(tmp_path, template: str, environment: str = None, config: str = None):
    (tmp_path / "stack.yaml").write_text(template)
    if environment:
        (tmp_path / ".github" / "workflows").mkdir(parents=True)
        (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(workflow(environment))
    if config:
        (tmp_path / ".ecs-lint.yaml").write_text(textwrap.dedent(config))
    return tmp_path


def rules_at(found, path="stack.yaml"):
    return sorted((f.rule, f.line) for f in found
                  if str(f.file).endswith(path) and f.rule != "policy-iam-lint")


# ---------------------------------------------------------------------------
# dynamic references


def test_a_dynamic_reference_is_a_hole_in_the_text():
    value = cloudformation.dynamic_refs("repo:{{resolve:ssm:/platform/github/org}}/app:environment:production")
    assert value == Template(("repo:", Unknown("resolve:ssm:/platform/github/org"),
                              "/app:environment:production"))
    secret = cloudformation.dynamic_refs("{{resolve:secretsmanager:db:SecretString:password}}")
    assert secret == Template((Unknown("resolve:secretsmanager:db:SecretString:password"),))
    assert cloudformation.dynamic_refs("{{resolve:ssm-secure:/db/pw:3}}").unknowns
    assert cloudformation.dynamic_refs("plain {{not:a:reference}}") == "plain {{not:a:reference}}"


def test_a_dynamic_reference_inside_sub_is_a_hole_too():
    image = resolve({"Fn::Sub": "${AWS::AccountId}.dkr.ecr.eu-west-1.amazonaws.com/app:"
                                "{{resolve:ssm:/app/release-tag}}"})
    assert image.parts[-1] == Unknown("resolve:ssm:/app/release-tag")
    # a reference built with a Sub variable inside it is one hole
    built = resolve({"Fn::Sub": "repo:{{resolve:ssm:/gh/${Stage}/org}}/app:*"})
    assert [type(p) for p in built.parts] == [str, Unknown, str]
    assert built.parts[0] == "repo:" and built.parts[2] == "/app:*"
    assert resolve_tree({"Value": "{{resolve:ssm:/q/url}}"}, Scope())["Value"] == \
        Template((Unknown("resolve:ssm:/q/url"),))


def test_a_dynamic_reference_in_the_sub_admits_the_job_it_may_name(tmp_path):
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
          token.actions.githubusercontent.com:sub: "repo:{{resolve:ssm:/platform/github/org}}/app:environment:production"
        """)
    config = """\
        github:
          repository: harbor-labs/app
          owners: [harbor-labs]
        """
    found = lint_folder(write_repo(tmp_path, template, "production", config))
    assert rules_at(found) == []
    assert [f.rule for f in found if f.rule.startswith(("xref", "trust"))] == []


def test_a_dynamic_reference_does_not_admit_what_its_text_refuses(tmp_path):
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
          token.actions.githubusercontent.com:sub: "repo:{{resolve:ssm:/platform/github/org}}/app:environment:production"
        """)
    config = """\
        github:
          repository: harbor-labs/app
        """
    found = lint_folder(write_repo(tmp_path, template, "staging", config))
    assert rules_at(found) == [("xref-sub-not-admitted", 15)]


def test_a_secretsmanager_reference_in_a_plain_environment_value_is_still_a_secret(tmp_path):
    (tmp_path / "stack.yaml").write_text(textwrap.dedent("""\
        Resources:
          TaskDefinition:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: billing
              ContainerDefinitions:
                - Name: billing
                  Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:1.2.3
                  Essential: true
                  Environment:
                    - Name: QUEUE_URL
                      Value: "{{resolve:ssm:/billing/queue-url}}"
                    - Name: DB_PASSWORD
                      Value: "{{resolve:secretsmanager:billing/db:SecretString:password}}"
        """))
    found = lint_folder(tmp_path)
    # at the value: CloudFormation writes the secret there, whatever the name
    assert [(f.rule, f.line) for f in found if f.rule == "taskdef-secret-in-environment"] \
        == [("taskdef-secret-in-environment", 14)]


# ---------------------------------------------------------------------------
# Fn::FindInMap with a key the template does not know

MAPPED_SUBJECTS = """\
Transform: AWS::LanguageExtensions
Parameters:
  Stage:
    Type: String%s
Mappings:
  Subjects:
    staging: {Sub: "repo:acme/fleet:environment:staging"}
    production: {Sub: "repo:acme/fleet:environment:production"}
"""


def test_findinmap_of_a_free_parameter_is_any_mapped_value_or_the_default():
    docs = extract_text(role_template("""\
        StringLike:
          token.actions.githubusercontent.com:sub: !FindInMap [Subjects, !Ref Stage, Sub, {DefaultValue: "repo:acme/fleet:*"}]
        """, MAPPED_SUBJECTS % ""))
    doc = trust(docs)
    assert doc.data["Statement"][0]["Condition"]["StringLike"][SUB] == [
        "repo:acme/fleet:environment:staging", "repo:acme/fleet:environment:production",
        "repo:acme/fleet:*"]
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB, 2)).line == 22


def test_findinmap_reports_the_default_a_free_parameter_falls_back_to(tmp_path):
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
        StringLike:
          token.actions.githubusercontent.com:sub: !FindInMap [Subjects, !Ref Stage, Sub, {DefaultValue: "repo:acme/fleet:*"}]
        """, MAPPED_SUBJECTS % "")
    found = lint_folder(write_repo(tmp_path, template))
    assert rules_at(found) == [("trust-sub-any-context", 24)]


def test_findinmap_with_allowed_values_all_mapped_never_reaches_the_default(tmp_path):
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
        StringLike:
          token.actions.githubusercontent.com:sub: !FindInMap [Subjects, !Ref Stage, Sub, {DefaultValue: "repo:acme/fleet:*"}]
        """, MAPPED_SUBJECTS % "\n    AllowedValues: [staging, production]")
    found = lint_folder(write_repo(tmp_path, template))
    assert rules_at(found) == []
    docs = extract_text(template)
    assert trust(docs).data["Statement"][0]["Condition"]["StringLike"][SUB] == [
        "repo:acme/fleet:environment:staging", "repo:acme/fleet:environment:production"]


# ---------------------------------------------------------------------------
# Fn::If over a whole Condition block or a whole Statement

OPEN_STATEMENTS = """\
{
  "Parameters": {
    "LockToMain": {"Type": "String", "AllowedValues": ["true", "false"]},
    "EnablePreviews": {"Type": "String", "AllowedValues": ["true", "false"]%s}
  },
  "Conditions": {
    "MainOnly": {"Fn::Equals": [{"Ref": "LockToMain"}, "true"]},
    "Previews": {"Fn::Equals": [{"Ref": "EnablePreviews"}, "true"]}
  },
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"Federated": "%s"},
              "Action": "sts:AssumeRoleWithWebIdentity",
              "Condition": {"Fn::If": ["MainOnly",
                {"StringEquals": {"%s": "repo:acme/orders:ref:refs/heads/main"}},
                {"StringLike": {"%s": "repo:acme/orders:*"}}]}
            },
            {"Fn::If": ["Previews",
              {"Effect": "Allow", "Principal": {"Federated": "%s"},
               "Action": "sts:AssumeRoleWithWebIdentity",
               "Condition": {"StringEquals": {"%s": "repo:acme/orders:pull_request"}}},
              {"Ref": "AWS::NoValue"}]}
          ]
        }
      }
    }
  }
}
"""


def open_statements(previews_default=""):
    return OPEN_STATEMENTS % (previews_default, FEDERATED, SUB, SUB, FEDERATED, SUB)


def test_an_if_over_a_whole_condition_is_one_statement_per_branch():
    doc = trust(extract_text(open_statements(), "json", "t.json"))
    stmts = doc.data["Statement"]
    assert [list(s["Condition"]) for s in stmts] == [["StringEquals"], ["StringLike"],
                                                     ["StringEquals"]]
    assert stmts[1]["Condition"]["StringLike"][SUB] == "repo:acme/orders:*"
    assert doc.span(("Statement", 0, "Condition", "StringEquals", SUB)).line == 22
    assert doc.span(("Statement", 1, "Condition", "StringLike", SUB)).line == 23
    assert doc.span(("Statement", 1, "Action")).line == 20
    # the statement under !If [Previews, ..., AWS::NoValue] exists in some stack
    assert stmts[2]["Condition"]["StringEquals"][SUB] == "repo:acme/orders:pull_request"
    assert doc.span(("Statement", 2, "Condition", "StringEquals", SUB)).line == 28


def test_each_branch_of_an_open_statement_or_condition_is_linted(tmp_path):
    (tmp_path / "t.json").write_text(open_statements())
    found = lint_folder(tmp_path)
    # the true branch (main only) is fine; the open statement has no aud either
    assert rules_at(found, "t.json") == [
        ("trust-aud-missing", 22), ("trust-aud-missing", 23), ("trust-aud-missing", 28),
        ("trust-sub-any-context", 23), ("trust-sub-pull-request", 28)]


def test_a_statement_the_defaults_leave_out_is_read_for_the_stacks_that_keep_it():
    # EnablePreviews defaults to "false", but a stack made with "true" has the
    # preview statement: a default is not the deployed value
    doc = trust(extract_text(open_statements(', "Default": "false"'), "json", "t.json"))
    subs = [s["Condition"].get("StringEquals", s["Condition"].get("StringLike"))[SUB]
            for s in doc.data["Statement"]]
    assert subs == ["repo:acme/orders:ref:refs/heads/main", "repo:acme/orders:*",
                    "repo:acme/orders:pull_request"]


# ---------------------------------------------------------------------------
# Fn::If with AWS::NoValue inside a condition: an item of a value list, a whole key

STAGES = """\
Parameters:
  Stage:
    Type: String
    Default: %s
    AllowedValues: [staging, production]
Conditions:
  IsProduction: !Equals [!Ref Stage, production]
  IsStaging: !Equals [!Ref Stage, staging]
"""


def test_an_if_item_of_a_sub_list_is_read_in_each_stack(tmp_path):
    # the pull-request item exists only in staging stacks, which the default is not
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
        StringLike:
          token.actions.githubusercontent.com:sub:
            - repo:acme/app:ref:refs/heads/main
            - !If [IsStaging, "repo:acme/app:pull_request", !Ref AWS::NoValue]
        """, STAGES % "production")
    doc = trust(extract_text(template))
    assert doc.data["Statement"][0]["Condition"]["StringLike"][SUB] == [
        "repo:acme/app:ref:refs/heads/main", "repo:acme/app:pull_request"]
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB, 1)).line == 26
    found = lint_folder(write_repo(tmp_path, template))
    assert rules_at(found) == [("trust-sub-pull-request", 26)]


def test_a_key_an_if_leaves_out_in_some_stack_is_a_statement_without_it(tmp_path):
    # production (the default) has the sub; a staging stack has no sub at all
    template = role_template("""\
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
          token.actions.githubusercontent.com:sub: !If
            - IsProduction
            - repo:acme/app:environment:production
            - !Ref AWS::NoValue
        """, STAGES % "production")
    stmts = trust(extract_text(template)).data["Statement"]
    assert [sorted(s["Condition"]["StringEquals"]) for s in stmts] == [
        ["token.actions.githubusercontent.com:aud", SUB],
        ["token.actions.githubusercontent.com:aud"]]
    assert stmts[0]["Condition"]["StringEquals"][SUB] == ["repo:acme/app:environment:production"]
    found = lint_folder(write_repo(tmp_path, template))
    assert rules_at(found) == [("trust-sub-missing", 21)]
    # the default that leaves it out is read with the stacks that keep it
    stmts = trust(extract_text(template.replace("Default: production", "Default: staging"))) \
        .data["Statement"]
    assert [SUB in s["Condition"]["StringEquals"] for s in stmts] == [True, False]


def test_keys_left_out_by_one_condition_go_together_and_copies_are_capped():
    keys = "".join(f"  token.actions.githubusercontent.com:k{i}: !If [{c}, x, !Ref AWS::NoValue]\n"
                   for i, c in enumerate(["IsProduction", "IsProduction", "IsStaging"]))
    stmts = trust(extract_text(role_template("StringEquals:\n" + keys, STAGES % "staging"))) \
        .data["Statement"]
    # {} , {IsProduction's keys}, {IsStaging's}, {both}: four statements
    assert sorted(sorted(s["Condition"]["StringEquals"]) for s in stmts) == sorted(
        [["token.actions.githubusercontent.com:k0", "token.actions.githubusercontent.com:k1",
          "token.actions.githubusercontent.com:k2"],
         ["token.actions.githubusercontent.com:k2"],
         ["token.actions.githubusercontent.com:k0", "token.actions.githubusercontent.com:k1"],
         []])
    many = "".join(f"  token.actions.githubusercontent.com:k{i}: !If [C{i}, x, !Ref AWS::NoValue]\n"
                   for i in range(12))
    top = "Parameters:\n  P: {Type: String}\nConditions:\n" + "".join(
        f"  C{i}: !Equals [!Ref P, v{i}]\n" for i in range(12))
    stmts = trust(extract_text(role_template("StringEquals:\n" + many, top))).data["Statement"]
    assert [len(s["Condition"]["StringEquals"]) for s in stmts] == [12, 0]


def test_a_huge_list_of_values_is_not_read_branch_by_branch():
    items = "".join(f"    - repo:acme/app:ref:refs/heads/b{i}\n" for i in range(300))
    template = role_template("StringLike:\n  token.actions.githubusercontent.com:sub:\n" + items
                             + '    - !If [IsStaging, "repo:acme/app:pull_request", '
                             '!Ref AWS::NoValue]\n', STAGES % "production")
    value = trust(extract_text(template)).data["Statement"][0]["Condition"]["StringLike"][SUB]
    assert len(value) == 300 and "repo:acme/app:pull_request" not in value


# ---------------------------------------------------------------------------
# Fn::ForEach

LOOP_ROLES = """\
Transform: AWS::LanguageExtensions
Parameters:
  Repos:
    Type: CommaDelimitedList%s
Resources:
  Fn::ForEach::RepoRoles:
    - Repo
    - %s
    - GitHubRole&{Repo}:
        Type: AWS::IAM::Role
        Properties:
          RoleName: !Sub ${Repo}-github
          Tags: [{Key: repo, Value: !Ref Repo}]
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal: {Federated: %s}
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                  StringLike:
                    token.actions.githubusercontent.com:sub: !Sub repo:acme-rail/${Repo}:*
"""


def test_a_loop_makes_one_resource_per_item_with_the_item_substituted():
    loaded = load_text(LOOP_ROLES % ("", "[time-table, fares]", FEDERATED), "yaml")[0]
    assert cloudformation.is_template(loaded.data)
    made = list(cloudformation.expand_loops(loaded.data["Resources"], {}, ("Resources",)))
    assert [k for k, _, _ in made] == ["GitHubRoletimetable", "GitHubRolefares"]
    props = made[0][1]["Properties"]
    assert props["RoleName"] == {"Fn::Sub": "time-table-github"}
    assert props["Tags"] == [{"Key": "repo", "Value": "time-table"}]
    assert made[1][2] == ("Resources", "Fn::ForEach::RepoRoles", 2, "GitHubRole&{Repo}")


def test_the_roles_a_loop_makes_are_linted_at_the_loop_body(tmp_path):
    template = LOOP_ROLES % ("", "[timetable, fares]", FEDERATED)
    docs = extract_text(template)
    assert sorted(d.name for d in docs if d.kind == "trust-policy") == \
        ["GitHubRolefares", "GitHubRoletimetable"]
    doc = trust(docs, "GitHubRolefares")
    assert doc.data["Statement"][0]["Condition"]["StringLike"][SUB] == "repo:acme-rail/fares:*"
    assert doc.context["role_name"] == "fares-github"
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 24
    found = lint_folder(write_repo(tmp_path, template))
    assert set(rules_at(found)) == {("trust-sub-any-context", 24)}


def test_a_loop_over_a_list_parameter_uses_its_default():
    docs = extract_text(LOOP_ROLES % ("\n    Default: \"a, b, c\"", "!Ref Repos", FEDERATED))
    assert sorted(d.name for d in docs if d.kind == "trust-policy") == \
        ["GitHubRolea", "GitHubRoleb", "GitHubRolec"]


def test_a_loop_over_an_unknown_collection_is_one_generic_resource():
    docs = extract_text(LOOP_ROLES % ("", "!Ref Repos", FEDERATED))
    doc = trust(docs)
    sub = doc.data["Statement"][0]["Condition"]["StringLike"][SUB]
    assert sub == Template(("repo:acme-rail/", Unknown("Repo"), ":*"))
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 24


def test_nested_loops_expand_inside_out_with_their_own_sources():
    section = {"Fn::ForEach::Envs": ["Env", ["dev", "prod"], {
        "Fn::ForEach::Apps": ["App", ["api", "web"], {
            "${App}${Env}Role": {"Type": "AWS::IAM::Role",
                                 "Properties": {"RoleName": {"Fn::Sub": "${App}-${Env}"}}}}]}]}
    made = list(cloudformation.expand_loops(section, {}, ("Resources",)))
    assert [k for k, _, _ in made] == ["apidevRole", "webdevRole", "apiprodRole", "webprodRole"]
    assert made[3][1]["Properties"]["RoleName"] == {"Fn::Sub": "web-prod"}
    assert made[3][2] == ("Resources", "Fn::ForEach::Envs", 2, "Fn::ForEach::Apps", 2,
                          "${App}${Env}Role")
