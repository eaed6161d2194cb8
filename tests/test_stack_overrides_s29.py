"""Overrides built at run time (jm/04): `--parameter-overrides $(jq ...)`
may pass any parameter, so no parameter keeps its default for sure."""
import pytest

from test_stack_params import SERVICE, found, workflow


@pytest.mark.parametrize("overrides, expected", [
    # the defaults (ImageTag latest) would be reported; a built list may override them
    ("$(jq -r '.[] | \"\\(.k)=\\(.v)\"' params.json)", []),
    ('"$OVERRIDES"', []),
    ("$(cat params.txt) MaximumPercent=100", [("service-deployment-blocked", ".github/workflows/deploy.yml", 9)]),
    # near miss: literal overrides leave the others at their defaults
    ("MaximumPercent=100", [("service-deployment-blocked", ".github/workflows/deploy.yml", 9),
                            ("taskdef-image-latest", "template.yaml", 8)]),
])
def test_overrides_built_at_run_time(tmp_path, overrides, expected):
    step = ("- run: aws cloudformation deploy --template-file template.yaml --stack-name s "
            f"--parameter-overrides {overrides}\n")
    assert found(tmp_path, {"template.yaml": SERVICE,
                            ".github/workflows/deploy.yml": workflow(step)}) == expected


PARENT = """\
Resources:
  Role:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./role.yaml
      Parameters:
        Subjects: "repo:acme/web:environment:production,%s"
"""
CHILD = """\
Parameters:
  Subjects:
    Type: CommaDelimitedList
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
              StringLike:
                token.actions.githubusercontent.com:sub: %s
"""


@pytest.mark.parametrize("child_sub, expected", [
    # jm/05: an item of a list the parent passes whole: where the parent writes it
    ("!Ref Subjects", [("trust-sub-pull-request", "main.yaml", 7)]),
    # near miss: the item written in the child's own list stays there
    ("[!Select [0, !Ref Subjects], 'repo:acme/web:pull_request']",
     [("trust-sub-pull-request", "role.yaml", 19)]),
])
def test_an_item_of_a_passed_list_points_at_the_parent(tmp_path, child_sub, expected):
    files = {"main.yaml": PARENT % "repo:acme/web:pull_request", "role.yaml": CHILD % child_sub}
    assert found(tmp_path, files, ("trust-sub-pull-request",)) == expected


def test_the_deploy_named_is_the_step_not_a_paths_filter(tmp_path):
    # jm/03's remark: the "called here" location was the first mention of the
    # template's name, a `paths:` filter above the deploying step
    from conftest import lint_folder

    wf = ("on:\n  push:\n    paths: [template.yaml]\njobs:\n  deploy:\n"
          "    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: aws cloudformation deploy --template-file template.yaml "
          "--stack-name s --parameter-overrides MaximumPercent=100\n")
    (tmp_path / "template.yaml").write_text(SERVICE)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(wf)
    found = [f for f in lint_folder(tmp_path) if f.rule == "taskdef-image-latest"]
    lines = [r.span.line for f in found for r in f.related if r.file.endswith("d.yml")]
    assert lines == [8]
