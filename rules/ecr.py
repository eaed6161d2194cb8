"""ECR repositories defined in templates (`AWS::ECR::Repository`, camelCased)."""
from ecs_lint.model import Problem
from ecs_lint.registry import check, rule

TAGS_MUTABLE = rule(
    "ecr-tags-mutable", "info",
    "An ECR repository allows tags to be overwritten (`ImageTagMutability` not `IMMUTABLE`).",
    docs="""
    ## What it does
    Checks that ECR repositories defined in templates set
    `ImageTagMutability` to `IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION`). The
    default, `MUTABLE`, and `MUTABLE_WITH_EXCLUSION` are reported.

    ## Why is this bad?
    With mutable tags, pushing `app:1.4.2` again replaces the image behind
    it: the tag in a task definition no longer tells which code runs, and a
    rollback to an older revision may start new code.

    ## Example
    ```yaml
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
    ```

    Use instead:
    ```yaml
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      ImageTagMutability: IMMUTABLE
    ```
    """)


@check(kinds=("ecr-repository",), rules=(TAGS_MUTABLE.id,))
def tags_mutable(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    value = data.get("imageTagMutability")
    if value is None:
        yield Problem(TAGS_MUTABLE.id, (),
                      "the repository does not set ImageTagMutability, so tags are mutable: a "
                      "pushed tag can be overwritten and no longer tells which code runs",
                      help="set ImageTagMutability: IMMUTABLE")
    elif isinstance(value, str) and not value.strip().upper().startswith("IMMUTABLE"):
        yield Problem(TAGS_MUTABLE.id, ("imageTagMutability",),
                      f"ImageTagMutability is {value}: a pushed tag can be overwritten and no "
                      "longer tells which code runs",
                      help="set ImageTagMutability: IMMUTABLE")
