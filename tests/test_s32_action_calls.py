"""What the official actions call, resolved further (set lp).

- lp/04: the ECR repository of a push written `${{ github.event.repository.name }}`
  (or `github.repository`, `..._owner`, `github.event.repository.full_name`) is
  the repository's own name, from config `github.repository`, else the git
  `origin` remote: the push's repository ARN is known.
- lp/08: an iam:PassRole Allow conditioned on `iam:ResourceTag/K` (or
  `aws:ResourceTag/K`) is evaluated against the tags of the role passed, when
  the files that define it give them (a template role's `Tags`).
"""
import json
import textwrap

from conftest import lint_files

from ecs_lint import iam, probes
from ecs_lint import workflow_model as wm
from ecs_lint.loader import load_text
from ecs_lint.model import Document
from ecs_lint.values import make_template, Unknown
from ecs_lint.xref import linking as L
from ecs_lint.xref import needs as N

# ---------------------------------------------------------------------------
# lp/04: the repository's own name in workflow expressions

EXPRESSIONS = {
    "${{ github.repository }}": "acme/renderer",
    "${{ github.repository_owner }}": "acme",
    "${{ github.event.repository.name }}": "renderer",
    "${{ github.event.repository.full_name }}": "acme/renderer",
    "${{ github.event.repository.owner.login }}": "acme",
    "${{ github.Event.Repository.Name }}": "renderer",  # (GitHub's names ignore case)
}


def test_repository_contexts_from_the_config_values():
    for written, value in EXPRESSIONS.items():
        assert wm.expand(f"x/{written}:1", None, github={"repository": "acme/renderer"}) \
            == f"x/{value}:1", written


def test_repository_contexts_unknown_without_a_repository():
    # near miss: no config repository and no workflow file to find a remote for
    for written in EXPRESSIONS:
        assert wm.expand(written, None, github={}) == written
        assert wm.expand(written, None, github={"repository": "not-a-repository"}) == written
    # other properties of the event's repository are not the name
    assert wm.expand("${{ github.event.repository.default_branch }}", None,
                     github={"repository": "acme/renderer"}) \
        == "${{ github.event.repository.default_branch }}"


def _workflow_in(tmp_path, git_origin=None):
    """The model of a workflow under `tmp_path/.github/workflows`, whose env
    names the repository, with a git `origin` remote when given."""
    path = tmp_path / ".github" / "workflows" / "deploy.yml"
    path.parent.mkdir(parents=True)
    path.write_text(textwrap.dedent("""\
        on: push
        env:
          REPO: ${{ github.event.repository.name }}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: echo "$REPO"
        """))
    if git_origin:
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "config").write_text(f'[remote "origin"]\n\turl = {git_origin}\n')
    loaded = load_text(path.read_text(), "yaml")[0]
    doc = Document("workflow", loaded.data, str(path), loaded.locate, text=loaded.text)
    probes.new_run(None)  # no config repository in this run
    return wm.workflow_of(doc)


def test_repository_name_from_the_git_remote(tmp_path):
    wf = _workflow_in(tmp_path, "git@github.com:zeta/billing.git")
    job = wf.jobs["build"]
    assert wf.repository == "zeta/billing"
    assert wm.expand(wf.env["REPO"], job) == "billing"
    assert wm.resolve("$REPO", job, job.steps[0]) == "billing"


def test_repository_name_unknown_without_config_or_remote(tmp_path):
    wf = _workflow_in(tmp_path)
    job = wf.jobs["build"]
    assert wf.repository is None
    assert wm.expand(wf.env["REPO"], job) == "${{ github.event.repository.name }}"


PUSH_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Effect": "Allow",
         "Action": ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
                    "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
         "Resource": "arn:aws:ecr:eu-west-1:115839204763:repository/REPO"}]}

PUSH_WORKFLOW = """\
on:
  push:
    branches: [main]
env:
  ECR_REPOSITORY: ${{ github.event.repository.name }}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::115839204763:role/publisher
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecr-login@v2
        id: login-ecr
      - env:
          ECR_REGISTRY: ${{ steps.login-ecr.outputs.registry }}
        run: |
          docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:${{ github.sha }} .
          docker push $ECR_REGISTRY/$ECR_REPOSITORY:${{ github.sha }}
"""

PUSH_CONFIG = """\
github:
  repository: tidewater-bank/statement-renderer
roles:
  "arn:aws:iam::115839204763:role/publisher":
    permissions: [iam/permissions.json]
"""


def _push_findings(tmp_path, repository, config=PUSH_CONFIG):
    policy = json.loads(json.dumps(PUSH_POLICY).replace("REPO", repository))
    found = lint_files(tmp_path, {".github/workflows/build.yml": PUSH_WORKFLOW,
                                  "iam/permissions.json": policy}, config)
    return [f for f in found if f.rule == "xref-permission-missing"]


def test_push_to_the_event_repository_name_not_granted(tmp_path):
    found = _push_findings(tmp_path, "tidewater/statement-renderer")
    assert len(found) == 5
    assert all("repository/statement-renderer," in f.message for f in found)
    assert {f.message.split(" is not allowed ")[1].split(" ")[0] for f in found} == {
        "ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
        "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"}


def test_push_to_the_event_repository_name_granted(tmp_path):
    # near miss: the policy names the repository the workflow runs in
    assert _push_findings(tmp_path, "statement-renderer") == []


def test_push_repository_unknown_without_config_or_remote(tmp_path):
    # near miss: no config repository, no git remote: the repository is not known
    config = PUSH_CONFIG.replace("github:\n  repository: tidewater-bank/statement-renderer\n",
                                 "")
    assert _push_findings(tmp_path, "tidewater/statement-renderer", config) == []


# ---------------------------------------------------------------------------
# lp/08: iam:ResourceTag/K of the role passed

TASK_ROLE = "arn:aws:iam::902837461520:role/intake-api-task"

PASS_IF_TAGGED = [iam.Statement(
    "Allow", ["iam:PassRole"], None, ["arn:aws:iam::902837461520:role/intake-api-*"], None,
    {"StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com"],
                      "iam:ResourceTag/ecs-passable": ["true"]}}, 0, ("Statement", 0))]


def _pass(tags, stmts=PASS_IF_TAGGED):
    context = {"iam:PassedToService": N.ECS_TASKS, **iam.resource_tag_context(tags)}
    return iam.evaluate_statements(stmts, "iam:PassRole", TASK_ROLE, context)


def test_passrole_refused_when_the_role_lacks_the_tag():
    decision = _pass({"team": "intake"})
    assert not decision.allowed
    assert "iam:ResourceTag/ecs-passable" in decision.reason
    assert "has no tag ecs-passable" in decision.reason
    assert not _pass({}).allowed  # a role with no tags at all


def test_passrole_refused_when_the_tag_has_another_value():
    decision = _pass({"ecs-passable": "false"})
    assert not decision.allowed and "this request's is false" in decision.reason


def test_passrole_allowed_when_the_role_has_the_tag():
    # near miss: the tag is there (IAM's tag keys ignore case)
    assert _pass({"team": "intake", "ecs-passable": "true"}).allowed
    assert _pass({"ECS-Passable": "true"}).allowed


def test_passrole_allowed_when_the_role_tags_are_not_known():
    # near miss: a role from elsewhere: its tags are not known
    assert _pass(None).allowed


def test_aws_resource_tag_and_if_exists():
    aws_key = [iam.Statement("Allow", ["iam:PassRole"], None, ["*"], None,
                             {"StringEquals": {"aws:ResourceTag/ecs-passable": ["true"]}},
                             0, ("Statement", 0))]
    assert not _pass({"team": "intake"}, aws_key).allowed
    assert _pass({"ecs-passable": "true"}, aws_key).allowed
    if_exists = [iam.Statement("Allow", ["iam:PassRole"], None, ["*"], None,
                               {"StringEqualsIfExists": {"iam:ResourceTag/ecs-passable": ["true"]}},
                               0, ("Statement", 0))]
    assert _pass({"team": "intake"}, if_exists).allowed  # absent: IfExists holds
    deny = [iam.Statement("Allow", ["iam:PassRole"], None, ["*"], None, {}, 0, ("Statement", 0)),
            iam.Statement("Deny", ["iam:PassRole"], None, ["*"], None,
                          {"StringNotEquals": {"iam:ResourceTag/ecs-passable": ["true"]}},
                          1, ("Statement", 1))]
    assert not _pass({"team": "intake"}, deny).allowed  # absent: StringNotEquals holds
    assert _pass({"ecs-passable": "true"}, deny).allowed


def test_tag_map_shapes():
    assert iam.tag_map([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": 2}]) == \
        {"a": "1", "b": "2"}
    assert iam.tag_map({"a": "x", "b": True}) == {"a": "x", "b": "true"}
    assert iam.tag_map([]) == {}
    # not known: a value from a parameter without a value, a wrong shape
    assert iam.tag_map([{"Key": "a", "Value": Unknown("Env")}]) is None
    assert iam.tag_map([{"Key": "a", "Value": make_template(["x-", Unknown("E")])}]) is None
    for bad in (None, "a=b", [None], [{"Key": 1, "Value": "x"}], [{"Value": "x"}],
                [{"Key": "k"}] * 300, {str(i): "v" for i in range(300)}):
        assert iam.tag_map(bad) is None


def _role(name, *tags_of_trusts):
    """A template role read from trust documents with these `role_tags`
    (None: a document that does not say)."""
    trust = [Document("trust-policy", {}, "t.yaml", lambda path=(), key=False: None,
                      context={} if t is None else {"role_tags": t}) for t in tags_of_trusts]
    return L.Role(name, None, name, trust=trust)


def test_role_tags_from_its_trust_documents():
    assert _role("r", {"a": "1"}).tags == {"a": "1"}
    assert _role("r", None, {"a": "1"}).tags == {"a": "1"}
    # near misses: nothing says, or two reads disagree
    assert _role("r", None).tags is None
    assert _role("r", {"a": "1"}, {"a": "2"}).tags is None


def test_passed_role_keys_of_a_read_role():
    roles = L.RoleIndex()
    roles.add(_role("intake-api-task", {"team": "intake"}))
    keys = dict(N.passed_role_keys(roles, TASK_ROLE))
    assert keys["iam:ResourceTag/team"] == "intake" and keys["aws:ResourceTag/team"] == "intake"
    assert keys["iam:ResourceTag/*"] is iam.ABSENT
    # near misses: a role not read, tags not known, no ARN
    assert N.passed_role_keys(roles, "arn:aws:iam::902837461520:role/other") == ()
    unknown = L.RoleIndex()
    unknown.add(_role("intake-api-task", None))
    assert N.passed_role_keys(unknown, TASK_ROLE) == ()
    assert N.passed_role_keys(roles, None) == ()


def test_with_passed_role_keys_on_passrole_needs_only():
    roles = L.RoleIndex()
    roles.add(_role("intake-api-task", {}))
    needs = [N.Need("iam:PassRole", "", None, None, None, TASK_ROLE,
                    context=(("iam:PassedToService", N.ECS_TASKS),)),
             N.Need("ecs:UpdateService", "", None, None, None, TASK_ROLE)]
    out = N.with_passed_role_keys(roles, needs)
    assert dict(out[0].context)["iam:ResourceTag/*"] is iam.ABSENT
    assert out[1].context == ()


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Passable: {Type: String}
Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: intake-api-task
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      TAGS
"""


def _trust_context(tags):
    from ecs_lint import cloudformation

    loaded = load_text(TEMPLATE.replace("TAGS", tags), "yaml")[0]
    docs = cloudformation.extract("t.yaml", loaded.data, loaded.locate, loaded.text)
    return next(d.context for d in docs if d.kind == "trust-policy")


def test_cloudformation_role_keeps_its_tags():
    assert _trust_context("Tags: [{Key: team, Value: intake}]")["role_tags"] == \
        {"team": "intake"}
    assert _trust_context("Description: no tags")["role_tags"] == {}
    # near miss: a tag from a parameter with no value: the tags are not known
    assert "role_tags" not in _trust_context(
        "Tags: [{Key: ecs-passable, Value: !Ref Passable}]")


CFN_IAM = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: intake-api-task
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      Tags:
        - {Key: team, Value: intake}
        TASK_TAG
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: intake-api-github-deploy
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
                token.actions.githubusercontent.com:sub: repo:orchard-health/intake-api:ref:refs/heads/main
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ecs:RegisterTaskDefinition
                Resource: "*"
              - Effect: Allow
                Action: iam:PassRole
                Resource: !Sub arn:aws:iam::${AWS::AccountId}:role/intake-api-*
                Condition:
                  StringEquals:
                    iam:PassedToService: ecs-tasks.amazonaws.com
                    iam:ResourceTag/ecs-passable: "true"
"""

REGISTER_WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::902837461520:role/intake-api-github-deploy
          aws-region: ca-central-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/task-definition.json
"""

TASK_DEFINITION = {"family": "intake-api", "taskRoleArn": TASK_ROLE,
                   "containerDefinitions": [{"name": "api", "image": "nginx:1.27"}]}


def _register_decision(tmp_path, monkeypatch, task_tag):
    """What the deploy role's policy decides on passing the task role of a
    template where the task role has `task_tag`, with the roles and keys the
    cross-file check reads (its index kept as it builds it)."""
    from ecs_lint.rules import xref as X

    built = []
    real_build = X.build
    monkeypatch.setattr(X, "build", lambda docs, ctx: built.append(real_build(docs, ctx))
                        or built[-1])
    files = {"cloudformation/iam.yaml": CFN_IAM.replace("TASK_TAG", task_tag),
             ".github/workflows/deploy.yml": REGISTER_WORKFLOW,
             "ecs/task-definition.json": TASK_DEFINITION}
    lint_files(tmp_path, files, "github:\n  repository: orchard-health/intake-api\n")
    roles = built[-1].roles
    deploy = next(r for r in roles.roles if r.name == "intake-api-github-deploy")
    stmts = iam.policy_statements([d.data for d in deploy.permissions])
    context = {"iam:PassedToService": N.ECS_TASKS, **dict(N.passed_role_keys(roles, TASK_ROLE))}
    return iam.evaluate_statements(stmts, "iam:PassRole", TASK_ROLE, context)


def test_template_task_role_without_the_tag_is_not_passed(tmp_path, monkeypatch):
    decision = _register_decision(tmp_path, monkeypatch, "")
    assert not decision.allowed and "no tag ecs-passable" in decision.reason


def test_template_task_role_with_the_tag_is_passed(tmp_path, monkeypatch):
    # near miss: the template tags the task role ecs-passable=true
    assert _register_decision(tmp_path, monkeypatch,
                              "- {Key: ecs-passable, Value: \"true\"}").allowed
