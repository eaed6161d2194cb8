"""Rule reference in markdown, generated from the rules' own metadata."""
from .registry import RULES, load_rules


def rule_markdown(rule) -> str:
    sev = "by finding (follows the library's own)" if rule.severity_by_finding else rule.severity
    out = [f"## {rule.id}", "", f"**Severity:** {sev}", "", rule.summary, ""]
    if rule.docs:
        out += [rule.docs.replace("\n## ", "\n### "), ""]
    if rule.options:
        out += ["### Options", ""]
        out += [f"- `{k}` (default: `{v}`)" for k, v in rule.options.items()]
        out.append("")
    return "\n".join(out)


def rules_markdown() -> str:
    load_rules()
    head = ["# ecs-lint rules", "",
            "Generated from the rules' metadata by `ecs-lint --list-rules --format markdown`;"
            " do not edit by hand.", ""]
    head += [f"- [`{r}`](#{r}) ({'by finding' if RULES[r].severity_by_finding else RULES[r].severity}):"
             f" {RULES[r].summary}" for r in sorted(RULES)]
    head.append("")
    return "\n".join(head) + "\n" + "\n".join(rule_markdown(RULES[r]) for r in sorted(RULES))
