"""Audit 'n': RULES.md conformance of the Workflow, Task definition, Service,
Container registry and Across files sections, claim by claim. Each test pins a
claim ecs-lint got wrong (see the commit that added it for the evidence).
"""
import textwrap

from conftest import lint_folder


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


def _found(findings, rule):
    return sorted((f.file, f.line) for f in findings if f.rule == rule)


# --- taskdef-image-latest: an ECR repository's URI alone is an untagged image ------

def test_image_that_is_only_an_ecr_repository_uri_is_untagged(tmp_path):
    # repository_url / RepositoryUri is `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME`,
    # with no tag: an image that is just that pulls :latest
    _write(tmp_path, "main.tf", """\
        resource "aws_ecs_task_definition" "td" {
          family = "td"
          container_definitions = jsonencode([
            { name = "a", image = aws_ecr_repository.app.repository_url },
            { name = "b", image = "${data.aws_ecr_repository.x.repository_url}" },
            { name = "c", image = aws_ecr_repository.app["x"].repository_url },
            { name = "d", image = "${aws_ecr_repository.app.repository_url}:${var.tag}" },
            { name = "e", image = "${aws_ecr_repository.app.repository_url}@${var.digest}" },
            { name = "f", image = var.image },
            { name = "g", image = module.ecr.repository_url },
          ])
        }
        """)
    _write(tmp_path, "template.yaml", """\
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: IMMUTABLE
          TD:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: a
                  Image: !GetAtt Repo.RepositoryUri
                - Name: b
                  Image: !Sub "${Repo.RepositoryUri}"
                - Name: c
                  Image: !Sub "${Repo.RepositoryUri}:${Tag}"
                - Name: d
                  Image: !Ref Image
        """)
    findings = lint_folder(tmp_path)
    assert _found(findings, "taskdef-image-latest") == [
        ("main.tf", 4), ("main.tf", 5), ("main.tf", 6),
        ("template.yaml", 11), ("template.yaml", 13)]
