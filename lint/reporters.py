"""Output formats: text, json, sarif, github.

json shape (version 1, stable):

    {"version": 1, "tool": {"name": "ecs-lint", "version": "..."},
     "findings": [{"rule", "severity", "path", "line", "column",
                   "endLine", "endColumn", "message", "help", "extra",
                   "related": [{"path", "line", "column", "message"}]}],
     "summary": {"error": n, "warning": n, "info": n, "files": n}}

`endLine`/`endColumn` are null where unknown; columns are 1-based and count
Unicode code points.
"""
from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from typing import List

from . import __version__
from .model import Finding
from .registry import RULES

JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://github.com/ecs-lint/ecs-lint/blob/main/docs/rules.md"
SARIF_MAX_RESULTS = 25_000  # GitHub code scanning rejects a run with more results

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def summary_counts(findings, files_read):
    c = Counter(f.severity for f in findings)
    return {"error": c.get("error", 0), "warning": c.get("warning", 0),
            "info": c.get("info", 0), "files": files_read}


# control characters of the input (line breaks, escape sequences) shown as escapes:
# the text format is one line a finding, and in a GitHub Actions log a line that
# starts with `::` is a workflow command
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7f, *range(0x80, 0xa0)] if c != 0x09}
_CONTROL.update({0x0a: "\\n", 0x0d: "\\r"})


_HAS_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def one_line(s) -> str:
    """`s` on one line, its control characters (but tabs) escaped."""
    s = str(s)
    return s.translate(_CONTROL) if _HAS_CONTROL.search(s) else s


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def text(findings: List[Finding], files_read: int, colour: bool = False) -> str:
    lines = []
    for f in findings:
        sev = f.severity
        loc = f"{one_line(f.file)}:{f.line}:{f.column}:"
        if colour:
            lines.append(f"{_BOLD}{loc}{_RESET} {_COLOURS.get(sev, '')}{sev}{_RESET} "
                         f"{_DIM}{f.rule}{_RESET} {one_line(f.message)}")
        else:
            lines.append(f"{loc} {sev} {f.rule} {one_line(f.message)}")
        if f.help:
            lines.append(f"    {one_line(f.help)}")
        for r in f.related:
            lines.append(f"    see {one_line(r.file)}:{r.span.line}:{r.span.column}"
                         + (f": {one_line(r.message)}" if r.message else ""))
    s = summary_counts(findings, files_read)
    if findings:
        lines.append(f"{_plural(s['error'], 'error')}, {_plural(s['warning'], 'warning')}, "
                     f"{s['info']} info in {_plural(files_read, 'file')} read")
    else:
        lines.append(f"no findings in {_plural(files_read, 'file')} read")
    return "\n".join(lines) + "\n"


def _finding_json(f: Finding):
    return {
        "rule": f.rule, "severity": f.severity, "path": f.file,
        "line": f.span.line, "column": f.span.column,
        "endLine": f.span.end_line, "endColumn": f.span.end_column,
        "message": f.message, "help": f.help or None, "extra": _jsonable(f.extra),
        "related": [{"path": r.file, "line": r.span.line, "column": r.span.column,
                     "message": r.message} for r in f.related],
    }


def _jsonable(x):
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set)):
        return [_jsonable(v) for v in x]
    if isinstance(x, (str, int, float, bool)) or x is None:
        return x
    return str(x)


def as_json(findings: List[Finding], files_read: int) -> str:
    doc = {"version": JSON_VERSION,
           "tool": {"name": "ecs-lint", "version": __version__},
           "findings": [_finding_json(f) for f in findings],
           "summary": summary_counts(findings, files_read)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    if path in ("<stdin>", "<run>"):
        return path.strip("<>")
    p = path
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
            if not rel.startswith(".."):
                p = rel
        except ValueError:
            pass
    p = p.replace(os.sep, "/")
    from urllib.parse import quote
    if os.path.isabs(p):  # outside the working folder: an absolute file URI
        return "file://" + quote(p, safe="/@-._~")
    return quote(p, safe="/@-._~")  # `:` escaped: `a:b.json` is no URI scheme


def _region(span):
    r = {"startLine": span.line, "startColumn": span.column}
    if span.end_line and span.end_column and (span.end_line, span.end_column) > (span.line, span.column):
        r["endLine"] = span.end_line
        r["endColumn"] = span.end_column
    return r


def _within_limit(findings: List[Finding]):
    """The findings a SARIF run may hold (the most severe, in their order) and
    how many are left out."""
    if len(findings) <= SARIF_MAX_RESULTS:
        return findings, 0
    from .model import SEVERITY_RANK

    order = sorted(range(len(findings)), key=lambda i: -SEVERITY_RANK.get(findings[i].severity, 0))
    keep = sorted(order[:SARIF_MAX_RESULTS])
    return [findings[i] for i in keep], len(findings) - SARIF_MAX_RESULTS


def sarif(findings: List[Finding], files_read: int) -> str:
    findings, left_out = _within_limit(findings)
    used = sorted({f.rule for f in findings} | set(RULES))
    rules = []
    index = {}
    for rid in used:
        r = RULES.get(rid)
        if r is None:
            continue
        index[rid] = len(rules)
        rules.append({
            "id": rid,
            "name": "".join(w.capitalize() for w in rid.split("-")),
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.summary},
            "help": {"text": r.docs or r.summary, "markdown": r.docs or r.summary},
            "helpUri": f"{INFO_URI}#{rid}",
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            "properties": {"tags": [r.family or "ecs-lint"]},
        })
    results = []
    fingerprints = _Fingerprints()
    for f in findings:
        text_msg = f.message + (f"\n{f.help}" if f.help else "")
        uri = _uri(f.file)
        res = {
            "ruleId": f.rule,
            "level": SARIF_LEVEL.get(f.severity, "warning"),
            "message": {"text": text_msg},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": _region(f.span)}}],
        }
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        res["partialFingerprints"] = {FINGERPRINT_KEY: fingerprints.of(f, uri)}
        if f.related:
            res["relatedLocations"] = [{
                "id": i,
                "physicalLocation": {"artifactLocation": {"uri": _uri(r.file)},
                                     "region": _region(r.span)},
                "message": {"text": r.message or "related"}} for i, r in enumerate(f.related)]
        if f.extra:
            res["properties"] = _jsonable(f.extra)
        results.append(res)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "ecs-lint", "version": __version__,
                                "semanticVersion": __version__,
                                "informationUri": INFO_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    if left_out:
        said = (f"{_plural(left_out, 'finding')} of the lowest severity left out: GitHub "
                f"code scanning refuses a run of more than {SARIF_MAX_RESULTS:,} results "
                f"(the json and text formats list them all)")
        doc["runs"][0]["invocations"] = [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [{"level": "warning", "message": {"text": said}}]}]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# Code scanning tracks an alert across commits by its fingerprint: the rule,
# the file and the message with the line numbers it quotes left out, so an
# edit above a finding does not close its alert and open a new one. Equal
# ones are told apart by their order in the file (`:1`, `:2`, ...).
FINGERPRINT_KEY = "ecsLintFinding/v1"
_QUOTED_LINES = re.compile(r"(\.(?:ya?ml|json|tf))(?::\d+)+|\bline \d+")


class _Fingerprints:
    def __init__(self):
        self.seen = Counter()

    def of(self, f: Finding, uri: str) -> str:
        import hashlib

        message = _QUOTED_LINES.sub(lambda m: m.group(1) or "line", f.message)
        digest = hashlib.sha256("\0".join((f.rule, uri, message)).encode(
            "utf-8", "backslashreplace")).hexdigest()[:32]
        self.seen[digest] += 1
        return f"{digest}:{self.seen[digest]}"


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: List[Finding], files_read: int) -> str:
    cmd = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in findings:
        props = [f"file={_esc_prop(f.file)}", f"line={f.span.line}", f"col={f.span.column}"]
        if f.span.end_line:
            props.append(f"endLine={f.span.end_line}")
        props.append(f"title={_esc_prop(f.rule)}")
        msg = f.message + (f"\n{f.help}" if f.help else "")
        lines.append(f"::{cmd.get(f.severity, 'warning')} {','.join(props)}::{_esc_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _md_cell(s: str) -> str:
    """Text for a Markdown table cell: pipes escaped, lines joined, and outside
    code spans `<`, `>`, `&` written as entities: a value from the files linted
    (a role name, an image) is shown, never read as HTML by the page showing it."""
    parts = re.split(r"(`+[^`]*`+)", " ".join(str(s).splitlines()))
    return "".join(p if i % 2 else html.escape(p, quote=False)
                   for i, p in enumerate(parts)).replace("|", "\\|")


def markdown(findings: List[Finding], files_read: int) -> str:
    """A Markdown table of the findings (a pull-request comment, a job summary)."""
    s = summary_counts(findings, files_read)
    if not findings:
        return f"**ecs-lint**: no findings in {_plural(files_read, 'file')} read\n"
    lines = [f"**ecs-lint**: {_plural(s['error'], 'error')}, "
             f"{_plural(s['warning'], 'warning')}, {s['info']} info in "
             f"{_plural(files_read, 'file')} read", "",
             "| Location | Severity | Rule | Message | Fix |",
             "|---|---|---|---|---|"]
    for f in findings:
        lines.append(f"| `{_md_cell(f.file)}:{f.line}:{f.column}` | {f.severity} | "
                     f"`{f.rule}` | {_md_cell(f.message)} | {_md_cell(f.help or '')} |")
    return "\n".join(lines) + "\n"


FORMATS = {"text": text, "json": as_json, "sarif": sarif, "github": github,
           "markdown": markdown}
