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
    default, `MUTABLE`, and `MUTABLE_WITH_EXCLUSION` are reported, and so is
    `IMMUTABLE_WITH_EXCLUSION` with an exclusion filter that matches every tag
    (`*`, `**`): CloudFormation's `ImageTagMutabilityExclusionFilters`,
    Terraform's `image_tag_mutability_exclusion_filter` blocks. A filter such
    as `release-*` or `latest` leaves the other tags frozen; with
    `MUTABLE_WITH_EXCLUSION`, a filter matching every tag freezes them all.

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


# (list of exclusion filters, its filter's value, its filter's type): the keys
# of CloudFormation's view, then of Terraform's (`image_tag_mutability_exclusion_filter`)
_EXCLUSION_KEYS = (("imageTagMutabilityExclusionFilters", "imageTagMutabilityExclusionFilterValue",
                    "imageTagMutabilityExclusionFilterType"),
                   ("imageTagMutabilityExclusionFilter", "filter", "filterType"))
MAX_FILTERS = 100  # ECR allows a few filters per repository


def every_tag_filter(data: dict):
    """(path, value) of the repository's first exclusion filter that matches
    every tag (a WILDCARD of nothing but `*`), or None."""
    for list_key, value_key, type_key in _EXCLUSION_KEYS:
        filters = data.get(list_key)
        items = filters if isinstance(filters, list) else [filters]
        for i, item in enumerate(items[:MAX_FILTERS]):
            if not isinstance(item, dict):
                continue
            kind, value = item.get(type_key, "WILDCARD"), item.get(value_key)
            if isinstance(kind, str) and kind.strip().upper() == "WILDCARD" \
                    and isinstance(value, str) and set(value.strip()) == {"*"}:
                where = (i,) if isinstance(filters, list) else ()
                return (list_key,) + where + (value_key,), value.strip()
    return None


@check(kinds=("ecr-repository",), rules=(TAGS_MUTABLE.id,))
def tags_mutable(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    value = data.get("imageTagMutability")
    mode = value.strip().upper() if isinstance(value, str) else None
    every = every_tag_filter(data) if mode and mode.endswith("_WITH_EXCLUSION") else None
    if value is None:
        yield Problem(TAGS_MUTABLE.id, (),
                      "the repository does not set ImageTagMutability, so tags are mutable: a "
                      "pushed tag can be overwritten and no longer tells which code runs",
                      help="set ImageTagMutability: IMMUTABLE")
    elif mode == "IMMUTABLE_WITH_EXCLUSION" and every is not None:
        yield Problem(TAGS_MUTABLE.id, every[0],
                      f"ImageTagMutability is {value.strip()}, but the exclusion filter "
                      f"`{every[1]}` matches every tag: any pushed tag can be overwritten and "
                      "no longer tells which code runs",
                      help="exclude only the tags that must move (`latest`, `pr-*`), or set "
                           "ImageTagMutability: IMMUTABLE")
    elif mode == "MUTABLE_WITH_EXCLUSION" and every is not None:
        return  # every tag is excluded from MUTABLE: all of them are immutable
    elif mode is not None and not mode.startswith("IMMUTABLE"):
        yield Problem(TAGS_MUTABLE.id, ("imageTagMutability",),
                      f"ImageTagMutability is {value}: a pushed tag can be overwritten and no "
                      "longer tells which code runs",
                      help="set ImageTagMutability: IMMUTABLE")
