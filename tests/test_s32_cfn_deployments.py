"""How the repository deploys a CloudFormation template, at depth (the lq
cases): `Fn::ImportValue` is read once per deployment of the exporting
template (lq/05), a nested stack's parent is found by the local TemplateURL
that names it from any folder of the run (lq/06), a finding on a value a
default gives a deployed template points at the `Default` (lq/07, ey/04,
ey/10), and a value `--parameter-overrides K=${{ matrix.X }}` passes points at
the matrix entry that writes it for that row (lq/08, lq/10)."""
import textwrap

from conftest import lint_files
from ecs_lint import cloudformation as cfn
from ecs_lint import deployments
from ecs_lint.model import Span


def found(tmp_path, files, rules, config=None):
    """Sorted (rule, file, line) of the findings of `rules` on `files` (dedented)."""
    files = {k: textwrap.dedent(v) for k, v in files.items()}
    return sorted((f.rule, f.file, f.line) for f in lint_files(tmp_path, files, config)
                  if f.rule in rules)


# -- a matrix row's value: at the entry that writes it -------------------------

SUBJECT_ROLE = """\
    Parameters:
      Stage: {Type: String}
      Subject: {Type: String}
    Resources:
      DeployRole:
        Type: AWS::IAM::Role
        Properties:
          RoleName: !Sub app-deploy-${Stage}
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                    token.actions.githubusercontent.com:sub: !Ref Subject
    """


def roles_workflow(matrix: str, overrides: str) -> str:
    """A workflow whose job `roles` deploys role.yaml once per row of `matrix`
    (a YAML mapping, dedented), passing Stage and `overrides`."""
    return "\n".join([
        "on: {push: {branches: [main]}}",
        "permissions: {contents: read}",
        "jobs:",
        "  roles:",
        "    runs-on: ubuntu-latest",
        "    strategy:",
        "      matrix:",
        textwrap.indent(textwrap.dedent(matrix), " " * 8).rstrip(),
        "    steps:",
        "      - run: >-",
        "          aws cloudformation deploy --template-file role.yaml",
        "          --stack-name role-${{ matrix.stage }}",
        "          --parameter-overrides Stage=${{ matrix.stage }} " + overrides,
        ""])


PULL = "repo:acme/app:pull_request"
PROD = "repo:acme/app:environment:production"


def test_a_later_include_entry_overwrites_a_row_and_is_where_its_value_is(tmp_path):
    # lq/08: the last entry, added to every row, overwrites the production row's
    # subject: both rows admit pull requests, written at that entry (line 12)
    matrix = f"""\
        stage: [staging, production]
        include:
          - stage: production
            subject: {PROD}
          - subject: {PULL}
        """
    got = found(tmp_path, {"role.yaml": SUBJECT_ROLE, ".github/workflows/iam.yml":
                           roles_workflow(matrix, "Subject=${{ matrix.subject }}")},
                {"trust-sub-pull-request"})
    assert got == [("trust-sub-pull-request", ".github/workflows/iam.yml", 12)]


def test_a_row_an_include_entry_adds_is_placed_at_that_entry(tmp_path):
    # lq/10: no vectors: each entry is a row; the staging one passes the subject
    matrix = f"""\
        include:
          - stage: staging
            subject: {PULL}
          - stage: production
            subject: {PROD}
        """
    got = found(tmp_path, {"role.yaml": SUBJECT_ROLE, ".github/workflows/iam.yml":
                           roles_workflow(matrix, "Subject=${{ matrix.subject }}")},
                {"trust-sub-pull-request"})
    assert got == [("trust-sub-pull-request", ".github/workflows/iam.yml", 10)]


def test_a_value_written_in_the_override_itself_stays_at_the_override(tmp_path):
    # near miss: not a matrix value: at the `Subject=` of the command (line 13)
    got = found(tmp_path, {"role.yaml": SUBJECT_ROLE, ".github/workflows/iam.yml":
                           roles_workflow("stage: [staging]\n", f"Subject={PULL}")},
                {"trust-sub-pull-request"})
    assert got == [("trust-sub-pull-request", ".github/workflows/iam.yml", 13)]


def test_matrix_entry_follows_how_github_builds_the_rows():
    matrix = {"stage": ["staging", "production"],
              "include": [{"stage": "production", "env": "production"},
                          {"env": "staging"},
                          {"stage": "preview", "env": "preview"}]}
    production = {"stage": "production", "env": "staging"}
    assert deployments._matrix_entry(matrix, production, "env") == ("include", 1, "env")
    assert deployments._matrix_entry(matrix, production, "stage") == ("stage", 1)
    preview = {"stage": "preview", "env": "preview"}  # a row the entry adds
    assert deployments._matrix_entry(matrix, preview, "env") == ("include", 2, "env")
    # near misses: a matrix from an expression, a key the row lacks, bad shapes
    assert deployments._matrix_entry("${{ fromJSON(x) }}", production, "env") is None
    assert deployments._matrix_entry({"stage": "${{ x }}"}, production, "stage") is None
    assert deployments._matrix_entry(matrix, production, "region") is None
    assert deployments._matrix_entry({"include": "x", "a": [1]}, {"a": 1}, "a") == ("a", 0)


# -- a default a deployment leaves: at the `Default` ------------------------------

IMAGE_TASK = """\
    Parameters:
      Family: {Type: String, Default: app}
      ImageUri:
        Type: String
        Default: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
    Resources:
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
          Family: !Ref Family
          ContainerDefinitions:
            - Name: app
              Image: !Ref ImageUri
              LogConfiguration: {LogDriver: awslogs}
    """


def deploy_workflow(overrides: str) -> str:
    return """\
    on: {push: {branches: [main]}}
    jobs:
      deploy:
        runs-on: ubuntu-latest
        steps:
          - run: aws cloudformation deploy --template-file task.yaml --stack-name app --parameter-overrides """ \
        + overrides + "\n"


def test_a_default_the_deployment_leaves_is_reported_at_the_default(tmp_path):
    # lq/07: the deployment passes Family only: the image is the Default (line 5)
    got = found(tmp_path, {"task.yaml": IMAGE_TASK,
                           ".github/workflows/deploy.yml": deploy_workflow("Family=web")},
                {"taskdef-image-latest"})
    assert got == [("taskdef-image-latest", "task.yaml", 5)]


def test_a_template_no_workflow_deploys_is_reported_at_the_property(tmp_path):
    # near miss: not deployed: the default is only what it would get (line 13)
    got = found(tmp_path, {"task.yaml": IMAGE_TASK}, {"taskdef-image-latest"})
    assert got == [("taskdef-image-latest", "task.yaml", 13)]


def test_a_value_the_deployment_passes_is_reported_where_it_passes_it(tmp_path):
    # near miss: passed: at the override, not the Default
    overrides = "ImageUri=123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest"
    got = found(tmp_path, {"task.yaml": IMAGE_TASK,
                           ".github/workflows/deploy.yml": deploy_workflow(overrides)},
                {"taskdef-image-latest"})
    assert got == [("taskdef-image-latest", ".github/workflows/deploy.yml", 6)]


# -- a nested stack's parent at any depth ------------------------------------------

MODULE = """\
    Parameters:
      EnableRollback: {Type: String, Default: "true"}
    Resources:
      Service:
        Type: AWS::ECS::Service
        Properties:
          Cluster: main
          DesiredCount: 2
          TaskDefinition: app:1
          DeploymentConfiguration:
            MinimumHealthyPercent: 100
            MaximumPercent: 200
            DeploymentCircuitBreaker:
              Enable: true
              Rollback: !Ref EnableRollback
    """


def parent(url: str) -> str:
    return f"""\
    Resources:
      Worker:
        Type: AWS::CloudFormation::Stack
        Properties:
          TemplateURL: {url}
          Parameters:
            EnableRollback: "false"
    """


def test_a_parent_two_folders_away_passes_its_values(tmp_path):
    # lq/06: stacks/payments/main.yaml nests ../../modules/service/template.yaml
    got = found(tmp_path, {"modules/service/template.yaml": MODULE,
                           "stacks/payments/main.yaml":
                           parent("../../modules/service/template.yaml")},
                {"service-circuit-breaker-off"})
    assert got == [("service-circuit-breaker-off", "stacks/payments/main.yaml", 7)]


def test_a_template_naming_another_module_is_no_parent(tmp_path):
    # near miss: the TemplateURL resolves to another file: the module keeps its default
    got = found(tmp_path, {"modules/service/template.yaml": MODULE,
                           "modules/other/template.yaml": MODULE,
                           "stacks/payments/main.yaml":
                           parent("../../modules/other/template.yaml")},
                {"service-circuit-breaker-off"})
    assert got == [("service-circuit-breaker-off", "stacks/payments/main.yaml", 7)]


def test_outside_a_run_only_the_folders_above_are_searched(tmp_path):
    (tmp_path / "modules" / "service").mkdir(parents=True)
    (tmp_path / "stacks").mkdir()
    child = tmp_path / "modules" / "service" / "template.yaml"
    child.write_text(textwrap.dedent(MODULE))
    (tmp_path / "stacks" / "main.yaml").write_text(
        textwrap.dedent(parent("../modules/service/template.yaml")))
    assert deployments.template_parents(str(tmp_path), str(child)) == []


# -- an import: once per deployment of the exporting template ------------------------

EXPORTER = """\
    Parameters:
      GitHubOrg: {Type: String}
    Resources:
      Provider:
        Type: AWS::IAM::OIDCProvider
        Properties:
          Url: https://token.actions.githubusercontent.com
          ClientIdList: [sts.amazonaws.com]
    Outputs:
      Org:
        Value: !Ref GitHubOrg
        Export: {Name: github-org}
    """

IMPORTER = """\
    Resources:
      DeployRole:
        Type: AWS::IAM::Role
        Properties:
          RoleName: app-deploy
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                    token.actions.githubusercontent.com:sub: !Sub
                      - repo:${Org}/app:environment:production
                      - Org: !ImportValue github-org
    """

OWNERS = "github:\n  repository: new-org/app\n  owners: [new-org]\n"


def bootstrap(*orgs: str) -> str:
    """A workflow deploying cfn/oidc.yaml once per org, a step each."""
    steps = [line for i, org in enumerate(orgs) for line in (
        "      - run: >-",
        "          aws cloudformation deploy --template-file cfn/oidc.yaml",
        f"          --stack-name oidc-{i} --parameter-overrides GitHubOrg={org}")]
    return "\n".join(["on: workflow_dispatch", "jobs:", "  stacks:",
                      "    runs-on: ubuntu-latest", "    steps:", *steps, ""])


def test_an_import_is_the_value_the_exporter_is_deployed_with(tmp_path):
    # lq/05: the exporter has no default; its deployment passes the old org
    got = found(tmp_path, {"cfn/oidc.yaml": EXPORTER, "cfn/role.yaml": IMPORTER,
                           ".github/workflows/bootstrap.yml": bootstrap("old-org")},
                {"trust-sub-any-owner"}, OWNERS)
    assert got == [("trust-sub-any-owner", ".github/workflows/bootstrap.yml", 8)]


def test_an_import_the_exporter_is_deployed_right_with_is_fine(tmp_path):
    # near miss: the deployment passes the trusted owner
    got = found(tmp_path, {"cfn/oidc.yaml": EXPORTER, "cfn/role.yaml": IMPORTER,
                           ".github/workflows/bootstrap.yml": bootstrap("new-org")},
                {"trust-sub-any-owner"}, OWNERS)
    assert got == []


def test_each_deployment_of_the_exporter_is_a_stack_of_the_importer(tmp_path):
    # two stacks export two owners: the old one's is reported at its override
    got = found(tmp_path, {"cfn/oidc.yaml": EXPORTER, "cfn/role.yaml": IMPORTER,
                           ".github/workflows/bootstrap.yml": bootstrap("new-org", "old-org")},
                {"trust-sub-any-owner"}, OWNERS)
    assert got == [("trust-sub-any-owner", ".github/workflows/bootstrap.yml", 11)]


IMPORTER_WITH_EXTRA = """\
    Parameters:
      Extra: {Type: String, Default: "repo:new-org/app:pull_request"}
    Resources:
      DeployRole:
        Type: AWS::IAM::Role
        Properties:
          RoleName: app-deploy
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                    token.actions.githubusercontent.com:sub:
                      - !Sub
                        - repo:${Org}/app:environment:production
                        - Org: !ImportValue github-org
                      - !Ref Extra
    """


def test_an_importer_no_workflow_deploys_keeps_its_defaults_at_their_use(tmp_path):
    # read once per exporter stack, but not deployed itself: its own default
    # stays at the property that uses it (line 22), not its `Default`
    files = {"cfn/oidc.yaml": EXPORTER, "cfn/role.yaml": IMPORTER_WITH_EXTRA,
             ".github/workflows/bootstrap.yml": bootstrap("new-org", "old-org")}
    got = found(tmp_path, files, {"trust-sub-pull-request", "trust-sub-any-owner"}, OWNERS)
    assert got == [("trust-sub-any-owner", ".github/workflows/bootstrap.yml", 11),
                   ("trust-sub-pull-request", "cfn/role.yaml", 22)]


def test_an_exporter_no_workflow_deploys_gives_its_default_at_the_importer(tmp_path):
    # near miss: not deployed: its default, reported at the importing property
    exporter = EXPORTER.replace("GitHubOrg: {Type: String}",
                                "GitHubOrg: {Type: String, Default: old-org}")
    got = found(tmp_path, {"cfn/oidc.yaml": exporter, "cfn/role.yaml": IMPORTER},
                {"trust-sub-any-owner"}, OWNERS)
    assert got == [("trust-sub-any-owner", "cfn/role.yaml", 16)]


def test_passed_span_reads_imports_and_variables_of_the_sub():
    span = Span(3, 1, file="w.yml")
    at = {"Org": span, ("Fn::ImportValue", "github-org"): span}
    assert cfn.passed_span({"Fn::ImportValue": "github-org"}, at) is span
    assert cfn.passed_span({"Fn::Sub": ["repo:${O}/app:main", {"O": {"Ref": "Org"}}]}, at) is span
    imported = {"Fn::Sub": ["repo:${O}/app", {"O": {"Fn::ImportValue": "github-org"}}]}
    assert cfn.passed_span(imported, at) is span
    # near misses: a wildcard in the text, a literal variable, another export
    assert cfn.passed_span({"Fn::Sub": ["repo:${O}/*", {"O": {"Ref": "Org"}}]}, at) is None
    assert cfn.passed_span({"Fn::Sub": ["repo:${O}/app", {"O": "org"}]}, at) is None
    assert cfn.passed_span({"Fn::ImportValue": "other"}, at) is None
    assert cfn.passed_span({"Fn::Sub": ["repo:${O}", ["bad"]]}, at) is None
