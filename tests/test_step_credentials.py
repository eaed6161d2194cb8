"""A step whose own `env:` holds the keys an earlier configure step output
(`output-credentials: true`) runs as that step's role, not the job's last (ej/10)."""
import json
import textwrap

from conftest import lint_folder
from test_audit_ac import TRUST

FIRST = "arn:aws:iam::604918273540:role/ecr-tooling"
LAST = "arn:aws:iam::604918273540:role/app-deploy"


def repo(tmp_path, env_key):
    for name, actions in (("first", ["ecr:DescribeRepositories"]),
                          ("last", ["ecr:BatchGetImage", "ecr:DescribeRepositories"])):
        (tmp_path / f"{name}.json").write_text(json.dumps(TRUST))
        (tmp_path / f"{name}-policy.json").write_text(json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: acme/app\nroles:\n  "{FIRST}":\n    trust: first.json\n'
        f'    permissions: [first-policy.json]\n  "{LAST}":\n    trust: last.json\n'
        "    permissions: [last-policy.json]\n")
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent(f"""\
        on:
          push:
            branches: [main]
        permissions:
          id-token: write
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - id: tooling
                uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {FIRST}
                  aws-region: eu-central-1
                  output-credentials: true
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {LAST}
                  aws-region: eu-central-1
              - env:
                  AWS_ACCESS_KEY_ID: {env_key}
                  AWS_SECRET_ACCESS_KEY: ${{{{ steps.tooling.outputs.aws-secret-access-key }}}}
                  AWS_SESSION_TOKEN: ${{{{ steps.tooling.outputs.aws-session-token }}}}
                run: aws ecr batch-get-image --repository-name app --image-ids imageTag=v1
        """))
    return [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]


def test_keys_from_an_earlier_steps_outputs_are_that_steps_role(tmp_path):
    (found,) = repo(tmp_path, "${{ steps.tooling.outputs.aws-access-key-id }}")
    assert found.file == "first-policy.json" and "ecr:BatchGetImage" in found.message


def test_without_them_the_step_runs_as_the_last_role(tmp_path):
    assert repo(tmp_path, "${{ env.AWS_ACCESS_KEY_ID }}") == []
