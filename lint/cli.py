"""The `ecs-lint` command.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (a
parse-error counts); 2 usage or configuration error.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__

FORMATS = ("text", "json", "sarif", "github", "markdown")
FAIL_ON = ("error", "warning", "info", "never")


class UsageProblem(Exception):
    pass


def _split(values):
    out = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _selection(select, ignore):
    from .registry import RULES, resolve_selector, selects

    chosen = set(RULES)
    if select:
        chosen = set()
        for s in select:
            ids = resolve_selector(s)
            if not ids:
                raise UsageProblem(f"--select: unknown rule id or prefix '{s}' "
                                   f"(see ecs-lint --list-rules)")
            chosen.update(ids)
    for s in ignore:
        ids = resolve_selector(s)
        if not ids:
            raise UsageProblem(f"--ignore: unknown rule id or prefix '{s}' "
                               f"(see ecs-lint --list-rules)")
        chosen.difference_update(ids)
    # errors of the run are reported whatever --select says, unless --ignore names them
    chosen.update(r for r in ("parse-error", "internal-error")
                  if not any(selects(s, r) for s in ignore))
    return chosen


def _repo_root(start="."):
    from .config import repository_root

    return repository_root(start) or os.path.abspath(start)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE instead of standard output.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file (default: .ecs-lint.yaml found from here up to the repository root).")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--kind", "forced_kind", default=None,
              help="Read every file as this kind (standard input is otherwise recognised "
                   "from its content).")
@click.option("--skip-unknown", is_flag=True,
              help="Skip files of no known kind quietly, even when named (pre-commit passes every JSON/YAML file).")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Show a rule's documentation and exit.")
@click.option("--verbose", "-v", is_flag=True, help="Also say what was skipped and linked, and why.")
@click.option("--no-cache", is_flag=True,
              help="Do everything again: reuse nothing from earlier runs, keep nothing for later ones.")
@click.version_option(__version__, "--version", prog_name="ecs-lint")
def cli(paths, fmt, output, config_path, select, ignore, fail_on, forced_kind, skip_unknown,
        list_rules, explain, verbose, no_cache):
    """Lint GitHub OIDC trust and permission policies, Actions workflows, ECS task
    definitions and services, and the same in CloudFormation and Terraform.

    PATHS are files, folders, or - for standard input (default: the current folder).
    """
    from .registry import RULES, load_rules

    load_rules()
    if explain:
        rule = RULES.get(explain)
        if rule is None:
            raise UsageProblem(f"--explain: unknown rule id '{explain}' (see ecs-lint --list-rules)")
        _emit(output, _explain(rule))
        return 0
    if list_rules:
        if fmt not in ("text", "json", "markdown"):
            raise UsageProblem(f"--list-rules: --format {fmt} is not a list format "
                               "(text, json, markdown)")
        _emit(output, _list_rules(fmt))
        return 0
    if output:
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise UsageProblem(f"--output: no such folder: {folder}")

    from .kinds import ALL_KINDS
    if forced_kind and forced_kind not in ALL_KINDS:
        raise UsageProblem(f"--kind: unknown kind '{forced_kind}' (kinds: {', '.join(ALL_KINDS)})")

    from .cache import turned_off

    with turned_off(no_cache):  # every cache: results, parliament's findings, the config
        return _lint_paths(paths, output, config_path, select, ignore, fail_on, forced_kind,
                           skip_unknown, verbose, fmt)


def _lint_paths(paths, output, config_path, select, ignore, fail_on, forced_kind,
                skip_unknown, verbose, fmt):
    from . import reporters
    from .config import ConfigError, load_config
    from .runner import WARNING, Options, collect, exit_code, lint

    enabled = _selection(_split(select), _split(ignore))
    paths = list(paths) or ["."]
    try:
        cfg = load_config(config_path or _discover_config(paths))
    except ConfigError as e:
        raise UsageProblem(f"config: {e}") from None
    notes = []
    try:
        files = collect(paths, cfg, notes)
    except FileNotFoundError as e:
        raise UsageProblem(f"no such file or folder: {e.args[0]}") from None
    if "-" in paths and not forced_kind:
        notes.append("standard input is recognised from its content; --kind forces a kind")
    repo_root = cfg.root if cfg.path else _repo_root(_start_folder(paths))
    run = lint(files, Options(config=cfg, enabled=enabled, forced_kind=forced_kind,
                              repo_root=repo_root, verbose=verbose,
                              skip_unknown=skip_unknown, reuse=True))
    if verbose and cfg.path:
        notes.insert(0, f"config: {cfg.path}")
    for n in notes + run.notes:
        if verbose or n.startswith(WARNING):
            click.echo(f"ecs-lint: {reporters.one_line(n)}", err=True)
    colour = fmt == "text" and not output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if fmt == "text":
        report = reporters.text(run.findings, run.files_read, colour)
    else:
        report = reporters.FORMATS[fmt](run.findings, run.files_read)
    _emit(output, report)
    return exit_code(run.findings, fail_on)


def _start_folder(paths):
    first = paths[0] if paths else "."
    if first == "-" or not os.path.exists(first):
        return "."
    return first if os.path.isdir(first) else (os.path.dirname(first) or ".")


def _discover_config(paths):
    """The config nearest the first path (up to its repository root), else the
    one nearest the working directory."""
    from .config import find_config

    return find_config(_start_folder(paths)) or find_config(".")


def _emit(output, text):
    # values from the input may hold lone surrogates: never fail on printing them
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if output:
        try:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as e:
            raise UsageProblem(f"--output: cannot write {output}: {e.strerror or e}") from None
    else:
        click.echo(text, nl=False)


def _list_rules(fmt):
    from .registry import RULES

    rules = [RULES[k] for k in sorted(RULES)]
    if fmt == "json":
        import json
        return json.dumps([{"id": r.id, "severity": r.severity, "summary": r.summary,
                            "family": r.family, "options": r.options,
                            "severityByFinding": r.severity_by_finding} for r in rules],
                          indent=2) + "\n"
    if fmt == "markdown":
        from .docs import rules_markdown
        return rules_markdown()
    width = max(len(r.id) for r in rules)
    lines = [f"{'rule'.ljust(width)}  {'severity':8}  summary"]
    for r in rules:
        sev = "by finding" if r.severity_by_finding else r.severity
        lines.append(f"{r.id.ljust(width)}  {sev:8}  {r.summary}")
    return "\n".join(lines) + "\n"


def _explain(rule):
    head = f"# {rule.id}\n\nSeverity: {rule.severity}" + \
        (" (follows each finding)" if rule.severity_by_finding else "") + \
        f"\n\n{rule.summary}\n"
    body = f"\n{rule.docs}\n" if rule.docs else ""
    opts = ""
    if rule.options:
        opts = "\n## Options\n\n" + "".join(f"- `{k}` (default: `{v}`)\n"
                                           for k, v in rule.options.items())
    return head + body + opts


def main(argv=None):
    # A run builds many small objects that live until it ends (documents, their
    # models, automata): with the default thresholds the cycle collector walks
    # them again and again. Collecting less often makes large repositories
    # about a third faster (BENCHMARKS.md); nothing here relies on prompt collection.
    import gc

    gc.set_threshold(50_000, 50, 100)
    try:
        rc = cli.main(args=argv, prog_name="ecs-lint", standalone_mode=False)
    except UsageProblem as e:
        click.echo(f"ecs-lint: error: {e}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("ecs-lint: aborted", err=True)
        sys.exit(2)
    except click.ClickException as e:
        msg = e.format_message().splitlines()[0] if e.format_message() else str(e)
        click.echo(f"ecs-lint: error: {msg} (see ecs-lint --help)", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    # what is still alive is freed with the process: spare the interpreter's last
    # collection a walk over it (a tenth of a second after a large run)
    gc.freeze()
    sys.exit(rc if isinstance(rc, int) else 0)
