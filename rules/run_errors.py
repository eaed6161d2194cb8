"""Not findings about the deploy, but errors of the run itself."""
from ecs_lint.registry import rule

PARSE_ERROR = rule(
    "parse-error", "error",
    "A file that is read is not valid JSON, YAML or HCL, or is of no known kind.",
    docs="""
    ## What it does
    Reports a file that ecs-lint reads (named on the command line, or found by a
    folder walk: `*.json`, `*.yaml`, `*.yml`, `*.tf` and workflows) but cannot
    parse, with the line and column the parser gives. A file named on the command
    line that parses but is of no known kind is reported too (use `--kind`); a
    folder walk skips such files quietly (`--verbose` lists them). Files above
    the size limit (`max-file-size`, 10 MB by default), undecodable bytes,
    nesting deeper than 500 levels, YAML alias bombs and unsafe YAML tags
    (`!!python/...`: never constructed; in a walk only in a file of a known
    kind) are reported here as well.

    ## Why is this bad?
    A file nobody can parse is a file nobody checked, and GitHub or AWS will
    refuse it at the worst moment: a workflow with a YAML error never runs, a
    policy with a trailing comma is rejected by `aws iam create-role`.

    ## Example
    ```json
    {"Version": "2012-10-17", "Statement": [],}
    ```

    Use instead:
    ```json
    {"Version": "2012-10-17", "Statement": []}
    ```
    """)

INTERNAL_ERROR = rule(
    "internal-error", "error",
    "A check failed on this file: a bug in ecs-lint, not in the file.",
    docs="""
    ## What it does
    When a check raises an unexpected exception, the run goes on with the other
    checks and files, and this finding names the check and the file.

    ## Why is this bad?
    The file was not fully checked. Please report it with the file (or a
    reduced copy) that triggers it.

    ## Example
    Any input that trips a bug. There is no "good" example: it is our bug.
    """)
