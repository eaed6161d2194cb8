"""IAM permission-policy evaluation, shared by the policy rules and the cross-file rules.

    statements(policy)                    -> [Statement], tolerant of every wrong shape
    action_matches("ecs:Describe*", "ecs:DescribeServices")  # IAM wildcards, any case
    resource_matches("arn:aws:iam::1:role/*", arn)           # `*`/`?`, case-sensitive
    evaluate(policies, "iam:PassRole", arn, {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    evaluate_statements(stmts, ...)      # the same on statements already read (asked often)

`evaluate` answers "can this request be allowed?": an explicit Deny wins over
any Allow, and nothing is allowed unless some Allow matches. What cannot be
known is read in the deploy's favour, so that rules saying "X is not allowed"
do not fire on a guess: an unknown resource (`None`) is any resource an Allow
admits; a condition on a key not given in `context` is assumed true for an
Allow and, for a Deny, assumed not to hold (it might not deny), except the keys
only an iam:PassRole request carries (`iam:PassedToService`,
`iam:AssociatedResourceArn`), which are absent from any other action's request
(`StringEquals` on them never holds there); an unresolved
template part (`Template` hole) in an Allow matches anything and in a Deny
matches nothing.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, List, Optional, Tuple

from .loader import json_value
from .values import Template, Unknown, make_template


@dataclass
class Statement:
    effect: str  # "Allow", "Deny", or whatever the policy says ("" when missing)
    actions: Optional[list]  # values of Action (str or Template), None when absent
    not_actions: Optional[list]
    resources: Optional[list]
    not_resources: Optional[list]
    conditions: dict  # operator -> {key: [values]} (only well-formed blocks)
    index: int  # position in the Statement list (0 when Statement is one mapping)
    path: tuple  # path of the statement inside its policy document
    policy: int = 0  # index of the policy in the list given to evaluate()
    sid: Any = None
    raw: Any = field(default=None, repr=False)
    # policy variables (`${aws:PrincipalAccount}`) are read only in a policy of
    # Version 2012-10-17: without it (2008-10-17, or none) they are literal text
    variables: bool = True
    # (Action or NotAction, optimistic) -> (exact names, wildcard regexes), made on first use
    _action_tests: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def allow(self) -> bool:
        return self.effect == "Allow"

    @property
    def deny(self) -> bool:
        return self.effect == "Deny"


@dataclass
class Decision:
    allowed: bool
    statement: Optional[Statement]  # the deciding statement (None: implicit deny)
    reason: str


def _as_list(value) -> Optional[list]:
    if value is None:
        return None
    if isinstance(value, list):
        return value
    return [value]


def statements(policy, policy_index: int = 0) -> List[Statement]:
    """The statements of a policy document, normalised; never raises."""
    if not isinstance(policy, dict):
        return []
    raw = policy.get("Statement")
    if isinstance(raw, dict):
        items = [(("Statement",), 0, raw)]
    elif isinstance(raw, list):
        items = [(("Statement", i), i, s) for i, s in enumerate(raw)]
    else:
        return []
    out = []
    variables = policy.get("Version") == "2012-10-17"
    for path, index, stmt in items:
        if not isinstance(stmt, dict):
            continue
        effect = stmt.get("Effect")
        out.append(Statement(
            effect=effect if isinstance(effect, str) else "",
            actions=_as_list(stmt.get("Action")) if "Action" in stmt else None,
            not_actions=_as_list(stmt.get("NotAction")) if "NotAction" in stmt else None,
            resources=_as_list(stmt.get("Resource")) if "Resource" in stmt else None,
            not_resources=_as_list(stmt.get("NotResource")) if "NotResource" in stmt else None,
            conditions=_conditions(stmt.get("Condition")),
            index=index, path=path, policy=policy_index, sid=stmt.get("Sid"), raw=stmt,
            variables=variables))
    return out


def _conditions(block) -> dict:
    if not isinstance(block, dict):
        return {}
    out = {}
    for op, keys in block.items():
        if isinstance(op, str) and isinstance(keys, dict):
            out[op] = {k: (_as_list(v) or []) for k, v in keys.items() if isinstance(k, str)}
    return out


# ---------------------------------------------------------------------------
# wildcard matching


def pattern_text(value, hole: str = "*") -> Optional[str]:
    """A string pattern for a policy value; template holes become `hole`."""
    if isinstance(value, str):
        return value
    if isinstance(value, Template):
        return "".join(p if isinstance(p, str) else hole for p in value.parts)
    return None


@lru_cache(maxsize=4096)
def _glob(pattern: str, variables: bool, flags: int):
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if variables and pattern.startswith("${", i):
            end = pattern.find("}", i)
            if end != -1:
                name = pattern[i + 2:end]
                if name in ("*", "?", "$"):
                    out.append(re.escape(name))  # ${*} is a literal *
                else:
                    out.append(".*")  # ${aws:username}: some value
                i = end + 1
                continue
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out), flags | re.DOTALL)


def action_matches(pattern, action) -> bool:
    """IAM action matching: `*` and `?` wildcards, case-insensitive."""
    if not isinstance(pattern, str) or not isinstance(action, str):
        return False
    pattern, action = pattern.strip(), action.strip()
    if "*" not in pattern and "?" not in pattern:
        return pattern.lower() == action.lower()
    return _glob(pattern, False, re.IGNORECASE).fullmatch(action) is not None


def resource_matches(pattern, arn, variables: bool = True) -> bool:
    """IAM resource matching: `*`/`?` wildcards, policy variables (unless the
    policy's Version reads them as text), case-sensitive."""
    if not isinstance(pattern, str) or not isinstance(arn, str):
        return False
    if "*" not in pattern and "?" not in pattern and "$" not in pattern:
        return pattern == arn
    return _glob(pattern, variables, 0).fullmatch(arn) is not None


def _literal_resource_matches(pattern, arn) -> bool:
    return resource_matches(pattern, arn, variables=False)


# The account of a request's resource when the files do not say it (a role
# ARN written `arn:aws:iam::${{ vars.AWS_ACCOUNT_ID }}:role/deploy`): the
# deploy works on the role's own account, whichever it is. A statement's
# resource is matched with that account taken as the one it names itself when
# in the deploy's favour (an Allow), and as none it names when not (a Deny).
UNKNOWN_ACCOUNT = "<account>"


# The six random characters Secrets Manager puts after a secret's name in its
# ARN (`secret:prod/db-AbCdEf`), for a secret a command names by name: read the
# same way, the ones a statement's ARN names when it names them.
UNKNOWN_SUFFIX = "<suffix>"


def fill_unknowns(pattern: str, arn: str, optimistic: bool) -> str:
    """`arn` with its unknown account (and secret suffix) filled in for
    matching `pattern`."""
    if not optimistic:
        return arn.replace(UNKNOWN_ACCOUNT, "\0").replace(UNKNOWN_SUFFIX, "\0" * 6)
    if UNKNOWN_ACCOUNT in arn:
        parts = pattern.split(":", 5)
        arn = arn.replace(UNKNOWN_ACCOUNT, parts[4] if len(parts) > 5 and parts[4] else "0")
    at = arn.find(UNKNOWN_SUFFIX)
    if at >= 0:
        named = pattern[at:at + 6] if pattern.startswith(arn[:at]) else ""
        arn = arn.replace(UNKNOWN_SUFFIX, named if re.fullmatch(r"[A-Za-z0-9]{6}", named)
                          else "Xx0Xx0")
    return arn


# an unknown part of a template that is the account (or partition) it is
# deployed in (`aws_partition`: the partition of an ARN Terraform makes)
_OWN_ACCOUNT = re.compile(r"^(?:AWS::AccountId|data\.aws_caller_identity\.[\w-]+\.account_id)$")
_OWN_PARTITION = re.compile(
    r"^(?:AWS::Partition|aws_partition|data\.aws_partition\.[\w-]+\.partition)$")


def in_own_partition(value, arn):
    """`value` with its template's own partition (`${AWS::Partition}`) filled
    in as the partition of `arn`, the ARN asked about: a policy grants only
    within its own partition, the one its template is deployed in."""
    if not isinstance(value, Template) or not isinstance(arn, str) \
            or not arn.startswith("arn:"):
        return value
    partition = arn.split(":", 2)[1]
    if not partition:
        return value
    return make_template([partition if isinstance(p, Unknown) and _OWN_PARTITION.match(p.name)
                          else p for p in value.parts])


def _value_matches(value, subject, matcher, optimistic: bool) -> bool:
    value = in_own_partition(value, subject)
    if isinstance(value, Template):
        if not optimistic:
            return False
        value = pattern_text(value, "*")
    if isinstance(value, str) and isinstance(subject, str) and "<" in subject \
            and (UNKNOWN_ACCOUNT in subject or UNKNOWN_SUFFIX in subject):
        subject = fill_unknowns(value, subject, optimistic)
    return matcher(value, subject)


# ---------------------------------------------------------------------------
# one statement against one request


def statement_actions_match(stmt: Statement, action: str, optimistic: bool = True) -> bool:
    """Does the statement's Action/NotAction cover `action`?"""
    if stmt.actions is not None:
        return _any_action_matches(stmt, "Action", stmt.actions, optimistic, action)
    if stmt.not_actions is not None:
        return not _any_action_matches(stmt, "NotAction", stmt.not_actions, not optimistic,
                                       action)
    return False


def _any_action_matches(stmt: Statement, name: str, values: list, optimistic: bool,
                        action) -> bool:
    """`any(_value_matches(v, action, action_matches, optimistic) for v in values)`,
    with the values read once per statement: exact names in a set (lower case),
    wildcard patterns compiled."""
    tests = stmt._action_tests.get((name, optimistic))
    if tests is None:
        exact, wild = set(), []
        for value in values:
            if isinstance(value, Template) and optimistic:
                value = pattern_text(value, "*")
            if not isinstance(value, str):
                continue
            value = value.strip()
            if "*" in value or "?" in value:
                wild.append(_glob(value, False, re.IGNORECASE))
            else:
                exact.add(value.lower())
        tests = stmt._action_tests[(name, optimistic)] = (exact, wild)
    if not isinstance(action, str):
        return False
    exact, wild = tests
    action = action.strip()
    if action.lower() in exact:
        return True
    for w in wild:  # (a loop: asked tens of thousands of times in a large run)
        if w.fullmatch(action) is not None:
            return True
    return False


def statement_resources_match(stmt: Statement, resource: Optional[str],
                              optimistic: bool = True, context: Optional[dict] = None) -> bool:
    if stmt.resources is not None:
        if resource is None:
            if optimistic:
                return bool(stmt.resources)
            return any(pattern_text(r, "") == "*" for r in stmt.resources)
        return any(_value_matches(_with_variables(r, context, stmt), resource,
                                  _resource_matcher(stmt), optimistic) for r in stmt.resources)
    if stmt.not_resources is not None:
        if resource is None:
            if optimistic:
                return not any(pattern_text(r, "") == "*" for r in stmt.not_resources)
            return False
        return not any(_value_matches(_with_variables(r, context, stmt), resource,
                                      _resource_matcher(stmt), not optimistic)
                       for r in stmt.not_resources)
    return False


_POLICY_VARIABLE = re.compile(r"\$\{([A-Za-z0-9:/_.-]+)\}")


def _resource_matcher(stmt: Statement):
    return resource_matches if stmt.variables else _literal_resource_matches


def _with_variables(pattern, context: Optional[dict], stmt: Optional[Statement] = None):
    """A resource pattern with the policy variables the request context gives
    filled in (`${aws:PrincipalAccount}`: IAM replaces a variable with the
    value of its key in the request); others stay (some value). None of them
    in a statement whose policy reads them as text."""
    if not context or not isinstance(pattern, str) or "${" not in pattern \
            or (stmt is not None and not stmt.variables):
        return pattern
    known = {k.lower(): v for k, v in context.items() if isinstance(v, str)}

    def one(m):
        v = known.get(m.group(1).lower())
        return v.replace("*", "${*}").replace("?", "${?}") if v is not None else m.group(0)
    return _POLICY_VARIABLE.sub(one, pattern)


_STRING_OPS = {
    "stringequals": ("equals", False), "stringnotequals": ("equals", True),
    "stringequalsignorecase": ("iequals", False), "stringnotequalsignorecase": ("iequals", True),
    "stringlike": ("like", False), "stringnotlike": ("like", True),
    "arnequals": ("like", False), "arnlike": ("like", False),
    "arnnotequals": ("like", True), "arnnotlike": ("like", True),
}


def condition_holds(op: str, key_values: list, given, present: bool) -> Optional[bool]:
    """One operator on one key whose value is known (`given`); None: can't tell."""
    base = op.split(":", 1)[-1] if op.lower().startswith(("forallvalues:", "foranyvalue:")) else op
    if_exists = base.lower().endswith("ifexists")
    if if_exists:
        base = base[: -len("IfExists")]
    low = base.lower()
    if low == "null":
        want_absent = any(str(v).lower() == "true" for v in key_values)
        return (not present) == want_absent
    if not present:
        return True if if_exists else (low in _STRING_OPS and _STRING_OPS[low][1])
    if low == "bool":
        return any(str(v).lower() == str(given).lower() for v in key_values)
    if low not in _STRING_OPS:
        return None
    kind, negated = _STRING_OPS[low]
    values = given if isinstance(given, list) else [given]
    if len(values) == 1:  # (an ARN the request carries: in the template's own partition)
        key_values = [in_own_partition(v, values[0]) for v in key_values]
    texts = [v if isinstance(v, str) else pattern_text(v) for v in key_values]
    # a template value with unknown parts (`!GetAtt Cluster.Arn`, `${local.x}`):
    # when its known parts fit, whether it matches can't be told
    flags = re.IGNORECASE if kind == "iequals" else 0
    holes = [re.compile("".join(
        ".*" if not isinstance(p, str) else _glob(p, True, 0).pattern if kind == "like"
        else re.escape(p) for p in v.parts), flags | re.DOTALL)
        for v in key_values if isinstance(v, Template)]

    def one(actual):
        unknown = any(h.fullmatch(str(actual)) for h in holes)
        for t, v in zip(texts, key_values):
            if t is None:
                return None
            if not isinstance(v, str):
                continue  # judged through `holes`
            if kind == "equals" and t == actual:
                return True
            if kind == "iequals" and t.lower() == str(actual).lower():
                return True
            if UNKNOWN_ACCOUNT in str(actual) and kind != "iequals":
                # (`ecs:cluster` of a cluster in the role's account)
                maybe = fill_unknowns(t, str(actual), True)
                if kind == "like" and resource_matches(t, fill_unknowns(t, str(actual), False)):
                    return True
                if (resource_matches(t, maybe) if kind == "like" else t == maybe):
                    unknown = True
                continue
            if kind == "like" and resource_matches(t, str(actual)):
                return True
        return None if unknown else False

    hits = [one(str(v)) for v in values]
    if any(h is None for h in hits):
        return None
    hit = any(hits)
    return (not hit) if negated else hit


# keys IAM puts only in the request context of iam:PassRole: in any other
# request they are absent (so `StringEquals` on them is false, `StringNotEquals` true)
_PASSROLE_ONLY_KEYS = {"iam:passedtoservice", "iam:associatedresourcearn"}

# service keys IAM puts only in the request context of some actions (Service
# Authorization Reference, "Condition keys" column): `ecs:cluster` is in the
# request of UpdateService, DescribeServices, RunTask, DescribeTasks... but not
# of RegisterTaskDefinition or any other service's action, where it is absent
# (RunTask and StartTask are kept with `ecs:task-definition`: their resource is
# the task definition, and a missing key here would refuse what AWS may allow)
_KEY_ACTIONS = {
    "ecs:cluster": {"ecs:" + a.lower() for a in (
        "CreateService", "CreateTaskSet", "DeleteAttributes", "DeleteService",
        "DeleteTaskSet", "DescribeContainerInstances", "DescribeServiceDeployments",
        "DescribeServiceRevisions", "DescribeServices", "DescribeTaskSets", "DescribeTasks",
        "ExecuteCommand", "GetTaskProtection", "ListServiceDeployments", "ListServices",
        "ListTasks", "Poll", "PutAttributes", "RunTask", "StartTask", "StartTelemetrySession",
        "StopTask", "UpdateContainerAgent", "UpdateContainerInstancesState", "UpdateService",
        "UpdateServicePrimaryTaskSet", "UpdateTaskProtection", "UpdateTaskSet")},
    # the task definition a service or task set is given (not DescribeServices'
    # request, which a `ecs:task-definition` condition on it then refuses)
    "ecs:task-definition": {"ecs:" + a.lower() for a in (
        "CreateService", "UpdateService", "CreateTaskSet", "UpdateTaskSet", "RunTask",
        "StartTask")},
}


# actions authorized on no resource (Service Authorization Reference: no
# resource type; "you must specify all resources ("*") in the Resource
# element"): IAM matches them only with Resource "*", and no resource, no tags
# of one, so `aws:ResourceTag/...` (and a service's `ResourceTag/...`) is never
# in their request
NO_RESOURCE_ACTIONS = {a.lower() for a in (
    "ecr:GetAuthorizationToken", "ecr-public:GetAuthorizationToken",
    "sts:GetServiceBearerToken", "sts:GetCallerIdentity", "ecs:DescribeTaskDefinition",
    "ecs:DeregisterTaskDefinition", "ecs:ListTaskDefinitions",
    "ecs:ListTaskDefinitionFamilies", "ecs:ListClusters", "ecs:ListServices",
    "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeRules")}


class _Absent:
    """A request context value saying the key is certainly not in the request."""

    def __repr__(self):
        return "ABSENT"


ABSENT = _Absent()


def key_absent(key: str, action: Optional[str]) -> bool:
    """Is the condition key certainly absent from the request of `action`?"""
    if not isinstance(action, str) or not isinstance(key, str):
        return False
    k, a = key.lower(), action.strip().lower()
    if k in _PASSROLE_ONLY_KEYS:
        return a != "iam:passrole"
    if a in NO_RESOURCE_ACTIONS and k.split(":", 1)[-1].startswith("resourcetag/"):
        return True
    return k in _KEY_ACTIONS and a not in _KEY_ACTIONS[k]


# tag keys (`PREFIX/K`) a request context may say are all absent but those it
# gives, with `PREFIX/*`: ABSENT (no tags in the request, a resource whose
# tags are known)
_TAG_PREFIXES = ("aws:requesttag/", "aws:resourcetag/", "iam:resourcetag/")

MAX_TAGS = 200  # tags read of one resource (IAM allows 50)


def _untagged(low: str, ctx: dict) -> bool:
    """Is the tag key `low` (lower case) certainly not in a request whose
    context `ctx` (lower-case keys) says which tags of its kind there are?"""
    prefix = next((p for p in _TAG_PREFIXES if low.startswith(p)), None)
    return prefix is not None and low not in ctx and ctx.get(prefix + "*") is ABSENT


def tag_map(value) -> Optional[dict]:
    """The tags {key: value} of a resource as an API or a template writes them
    (`[{"Key": k, "Value": v}]`, or a map `{k: v}`); None when one of them is
    not known text."""
    if isinstance(value, dict):
        items = list(itertools.islice(value.items(), MAX_TAGS + 1))
    elif isinstance(value, list):
        items = [(t.get("Key"), t.get("Value")) if isinstance(t, dict) else (None, None)
                 for t in value[:MAX_TAGS + 1]]
    else:
        return None
    if len(items) > MAX_TAGS:
        return None
    out = {}
    for k, v in items:
        if isinstance(v, bool):  # (YAML `true`: the text CloudFormation and Terraform send)
            v = "true" if v else "false"
        elif isinstance(v, (int, float)):
            v = str(v)
        if not isinstance(k, str) or not isinstance(v, str):
            return None
        out[k] = v
    return out


def resource_tag_context(tags: Optional[dict]) -> dict:
    """The request keys the tags of the resource acted on give (an IAM role
    passed or assumed): `aws:ResourceTag/K` and `iam:ResourceTag/K` for each
    tag, every other such key absent; {} when the tags are not known."""
    if not isinstance(tags, dict):
        return {}
    out = {"aws:ResourceTag/*": ABSENT, "iam:ResourceTag/*": ABSENT}
    for k, v in tags.items():
        if isinstance(k, str) and isinstance(v, str):
            out[f"aws:ResourceTag/{k}"] = out[f"iam:ResourceTag/{k}"] = v
    return out


def _absent_key_holds(op: str, values: list) -> Optional[bool]:
    """One operator on a key that is certainly not in the request."""
    low = op.lower()
    if low.startswith("forallvalues:"):
        return True  # no values: every one of them matches
    if low.startswith("foranyvalue:"):
        return False
    return condition_holds(op, values, None, False)


def conditions_hold(stmt: Statement, context: Optional[dict], optimistic: bool,
                    action: Optional[str] = None) -> bool:
    """All condition blocks hold, evaluating only keys in `context` (and, when the
    action is known, the keys its request never carries: `key_absent`)."""
    ctx = {k.lower(): v for k, v in context.items()} if context and stmt.conditions else {}
    for op, keys in stmt.conditions.items():
        for key, values in keys.items():
            low = str(key).lower()
            if key_absent(key, action) or ctx.get(low) is ABSENT or _untagged(low, ctx):
                if not _absent_key_holds(op, values):
                    return False
                continue
            if key.lower() not in ctx:
                if not optimistic:
                    return False
                continue
            result = condition_holds(op, values, ctx[key.lower()], True)
            if result is None:
                if not optimistic:
                    return False
                continue
            if not result:
                return False
    if not optimistic and isinstance(stmt.raw, dict) and stmt.raw.get("Condition") is not None \
            and not stmt.conditions:
        return False  # a malformed Condition: don't claim it denies
    return True


def applies(stmt: Statement, action: str, resource: Optional[str],
            context: Optional[dict]) -> bool:
    """Does the statement apply to the request (in the deploy's favour, see module doc)?"""
    optimistic = stmt.effect == "Allow"
    return (statement_actions_match(stmt, action, optimistic)
            and statement_resources_match(stmt, resource, optimistic, context)
            and conditions_hold(stmt, context, optimistic, action))


def _describe(stmt: Statement) -> str:
    where = f"statement {stmt.index + 1}"
    if isinstance(stmt.sid, str) and stmt.sid:
        where += f" ({stmt.sid})"
    return where


def evaluate(policies: List[dict], action: str, resource: Optional[str] = None,
             context: Optional[dict] = None) -> Decision:
    """Is `action` on `resource` allowed by the union of `policies`?"""
    return evaluate_statements(policy_statements(policies), action, resource, context)


def policy_statements(policies: List[dict]) -> List[Statement]:
    """The statements of several policies, each knowing its policy's index."""
    return [stmt for i, policy in enumerate(policies or []) for stmt in statements(policy, i)]


def evaluate_statements(stmts: List[Statement], action: str, resource: Optional[str] = None,
                        context: Optional[dict] = None) -> Decision:
    """`evaluate` on `policy_statements(policies)`: for a caller that asks many
    questions of the same policies, so that they are read once."""
    allows, denies = [], []
    for stmt in stmts:
        effect = stmt.effect  # (not the properties: asked for every statement)
        if effect == "Allow":
            if applies(stmt, action, resource, context):
                allows.append(stmt)
        elif effect == "Deny" and (applies(stmt, action, resource, context) if resource
                                   else statement_actions_match(stmt, action, False)
                                   and conditions_hold(stmt, context, False, action)):
            denies.append(stmt)
    if resource is None and denies:
        # an unknown resource: a Deny takes the grant back only where it covers
        # every resource the Allow admits
        allows = [a for a in allows if not any(covers(d, a) for d in denies)]
        if allows:
            return Decision(True, allows[0], f"allowed by {_describe(allows[0])}")
        return Decision(False, denies[0], f"{action} is denied by {_describe(denies[0])}")
    if denies:
        return Decision(False, denies[0], f"{action} is denied by {_describe(denies[0])}")
    if allows:
        return Decision(True, allows[0], f"allowed by {_describe(allows[0])}")
    what = f"{action} on {resource}" if resource else action
    for stmt in stmts:
        # an Allow that fails only on a key the request does not carry: say so
        if stmt.effect == "Allow" and statement_actions_match(stmt, action, True) \
                and statement_resources_match(stmt, resource, True, context) \
                and conditions_hold(stmt, context, True) and any(
                    key_absent(k, action) for keys in stmt.conditions.values() for k in keys):
            key = next(k for keys in stmt.conditions.values() for k in keys
                       if key_absent(k, action))
            which = ("only iam:PassRole requests carry" if key.lower() in _PASSROLE_ONLY_KEYS
                     else f"{action} requests do not carry")
            return Decision(False, None, f"{_describe(stmt)} allows it only under a condition "
                            f"on {key}, a key that {which}")
    for stmt in stmts:
        # an Allow that fails only on a tag the resource acted on does not have
        if stmt.effect == "Allow" and statement_actions_match(stmt, action, False) \
                and statement_resources_match(stmt, resource, True, context):
            key = _missing_resource_tag(stmt, context, action)
            if key is not None:
                return Decision(False, None, f"{_describe(stmt)} allows it only under a "
                                f"condition on {key}, and {resource or 'the resource'} has "
                                f"no tag {key.split('/', 1)[1]}")
    for stmt in stmts:
        # an Allow that fails only on a value the request carries: name it (its
        # resources may match: a template's ARN with an unknown account)
        if stmt.effect == "Allow" and statement_actions_match(stmt, action, False) \
                and statement_resources_match(stmt, resource, True, context):
            unmet = _unmet_condition(stmt, context)
            if unmet is not None:
                op, key, wanted, have = unmet
                return Decision(False, None, f"{_describe(stmt)} allows it only when {key} "
                                f"{_CONDITION_VERBS[_STRING_OPS[_string_op(op)]]} "
                                f"{' or '.join(wanted)}; this request's is {have}, which its "
                                f"{op} condition refuses")
    return Decision(False, None, f"no statement allows {what}")


# how a message says what a string operator wants (`_STRING_OPS` kinds)
_CONDITION_VERBS = {("equals", False): "is", ("equals", True): "is not",
                    ("iequals", False): "is (ignoring case)",
                    ("iequals", True): "is not (ignoring case)",
                    ("like", False): "matches", ("like", True): "does not match"}


def _string_op(op: str) -> str:
    """A condition operator's `_STRING_OPS` name (`StringLikeIfExists` -> `stringlike`;
    `ForAnyValue:` on one value is the operator itself)."""
    low = op.lower().removeprefix("foranyvalue:")
    return low[:-len("ifexists")] if low.endswith("ifexists") else low


def _missing_resource_tag(stmt: Statement, context: Optional[dict], action: str):
    """The `...:ResourceTag/K` condition key of `stmt` that refuses a request
    only because the resource acted on has no tag K; None if there is none."""
    if not context or not any(context.get(p) is ABSENT
                              for p in ("aws:ResourceTag/*", "iam:ResourceTag/*")):
        return None
    if conditions_hold(stmt, context, True, action):
        return None
    tagless = {k: v for k, v in context.items()
               if k not in ("aws:ResourceTag/*", "iam:ResourceTag/*")}
    if not conditions_hold(stmt, tagless, True, action):
        return None
    ctx = {k.lower(): v for k, v in context.items()}
    return next((k for keys in stmt.conditions.values() for k in keys
                 if _untagged(k.lower(), ctx) and "resourcetag/" in k.lower()), None)


def _unmet_condition(stmt: Statement, context: Optional[dict]):
    """(operator, key, the values it wants, the request's value) of a string
    condition of `stmt` that the request's known value certainly fails; None if none."""
    for op, keys in (stmt.conditions or {}).items():
        if not isinstance(op, str) or _string_op(op) not in _STRING_OPS \
                or not isinstance(keys, dict):
            continue  # (ForAllValues: a set, not one value)
        for key, values in keys.items():
            have = next((v for k, v in (context or {}).items()
                         if isinstance(k, str) and isinstance(key, str)
                         and k.lower() == key.lower()), None)
            wanted = values if isinstance(values, list) else [values]
            if isinstance(have, str) and condition_holds(op, wanted, have, True) is False:
                return op, key, [str(w) for w in wanted], have
    return None


def covers(deny: Statement, allow: Statement) -> bool:
    if deny.resources is not None:
        if any(pattern_text(r, "") == "*" for r in deny.resources):
            return True
        if allow.resources is None:
            return False
        patterns = [pattern_text(r, "*") for r in allow.resources]
        return bool(patterns) and all(
            p is not None and any(resource_matches(in_own_partition(d, p), p)
                                  for d in deny.resources) for p in patterns)
    return False


# ---------------------------------------------------------------------------
# resource policies (an ECR repository's)


# IAM's names of a policy's keys, for a policy read from a template's camelCase view
_POLICY_KEYS = {k.lower(): k for k in (
    "Version", "Id", "Statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action",
    "NotAction", "Resource", "NotResource", "Condition", "AWS", "Service", "Federated",
    "CanonicalUser")}


def policy_from_view(view) -> Optional[dict]:
    """A policy document read from a template's camelCase view (`statement`,
    `effect`, `principal: {aws: ...}`, `condition: {stringEquals: ...}`) with
    IAM's own names back (condition keys and values are kept); one written as
    JSON text is read; None if it is no mapping."""
    def named(d):
        return {_POLICY_KEYS.get(k.lower(), k) if isinstance(k, str) else k: v
                for k, v in d.items()}

    def statement(st):
        if not isinstance(st, dict):
            return st
        st = named(st)
        for key in ("Principal", "NotPrincipal"):
            if isinstance(st.get(key), dict):
                st[key] = named(st[key])
        if isinstance(st.get("Condition"), dict):
            st["Condition"] = {op[:1].upper() + op[1:] if isinstance(op, str) else op: keys
                               for op, keys in st["Condition"].items()}
        return st

    if isinstance(view, str):
        try:
            view = json_value(view)
        except ValueError:
            return None
    if not isinstance(view, dict):
        return None
    policy = named(view)
    stmts = policy.get("Statement")
    if isinstance(stmts, list):
        policy["Statement"] = [statement(st) for st in stmts]
    elif isinstance(stmts, dict):
        policy["Statement"] = statement(stmts)
    return policy


def _principal_text(value, account: str, partition: str) -> Optional[str]:
    """A Principal's AWS value as text, a template's own account and partition
    filled in; None when another part is unknown (a parameter names anyone)."""
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, Template):
        return None
    out = []
    for p in value.parts:
        if isinstance(p, str):
            out.append(p)
        elif _OWN_ACCOUNT.match(p.name):
            out.append(account)
        elif _OWN_PARTITION.match(p.name):
            out.append(partition)
        else:
            return None
    return "".join(out)


def names_principal(stmt: Statement, role_arn: str) -> bool:
    """Does a statement of a resource's policy apply to the role `role_arn`,
    of the resource's own account? Its Principal is `*` or the role's ARN; for a
    Deny, the account (`123456789012`, `arn:aws:iam::123456789012:root`) too:
    in an Allow the account delegates to its IAM policies and grants nothing."""
    fields = role_arn.split(":") if isinstance(role_arn, str) else []
    principal = stmt.raw.get("Principal") if isinstance(stmt.raw, dict) else None
    if len(fields) < 6 or principal is None:
        return False  # (NotPrincipal: left unread)
    own = {role_arn, "*"}
    if stmt.deny:
        own |= {fields[4], f"arn:{fields[1]}:iam::{fields[4]}:root"}
    if isinstance(principal, dict):
        values = _as_list(principal.get("AWS")) or []
    else:
        values = [principal]
    return any(_principal_text(v, fields[4], fields[1]) in own for v in values)


def resource_policy_statements(policy, resource: str, role_arn: str) -> List[Statement]:
    """The statements of `resource`'s own policy (an ECR repository's) that
    apply to the role `role_arn` of its account (`names_principal`), each
    without Resource taken as about `resource`."""
    return [replace(st, resources=[resource])
            if st.resources is None and st.not_resources is None else st
            for st in statements(policy) if names_principal(st, role_arn)]


# the partitions AWS has (an ARN's second field)
_PARTITIONS = r"aws(?:-cn|-us-gov|-iso(?:-[bef])?|-eusc)?"


def role_arn_probes(value, stmts) -> Optional[tuple]:
    """(the role as shown, [ARNs to ask the policies about]) of a task
    definition's role: its ARN; or, where only the account or partition is
    unknown (Terraform's `aws_iam_role.x.arn`, `${AWS::Partition}`), the role
    in each account and partition the policies name and in one account they
    do not, partition aws (it is refused only if refused in all). None:
    a role name, or a value known only at deploy time."""
    text = pattern_text(value, "\0")
    m = re.fullmatch(r"arn:([\w-]+|\0):iam::(\d{12}|\0):role/([^\0\s]+)", (text or "").strip())
    if m is None:
        return None
    named = [pattern_text(r, "*") or "" for st in stmts for r in st.resources or ()]
    partitions = [m.group(1)] if m.group(1) != "\0" else sorted(  # `${AWS::Partition}`
        {"aws"} | {p for r in named for p in re.findall(rf"^arn:({_PARTITIONS}):", r)})
    accounts = [m.group(2)] if m.group(2) != "\0" else sorted(
        {"000000000000"} | {a for r in named for a in re.findall(r":(\d{12}):", r)})
    shown = m.group(0) if "\0" not in m.group(0) else str(value)
    return shown, [f"arn:{p}:iam::{a}:role/{m.group(3)}" for p in partitions for a in accounts]


_GENERATED_ROLE = re.compile(r"^(?:([\w-]+)\.Arn|(aws_iam_role\.[\w-]+(?:\[[^\]]*\])?)\.arn)$")


def generated_role(value) -> Optional[str]:
    """The resource a role ARN is known only as (`Fn::GetAtt X.Arn` of a
    CloudFormation role, `aws_iam_role.x.arn` of a Terraform one, whose name
    AWS or Terraform generates): `X`, `aws_iam_role.x`; None for anything else."""
    if isinstance(value, Template) and len(value.parts) == 1 \
            and isinstance(value.parts[0], Unknown):
        m = _GENERATED_ROLE.match(value.parts[0].name)
        if m:
            return m.group(1) or m.group(2)
    return None


def passes_generated_role(stmts: List[Statement], role: str, context: dict) -> Optional[bool]:
    """May these statements pass the role known only as `role`
    (`generated_role`)? True when an Allow names it or may name any role;
    False when every Allow of iam:PassRole names other roles of the template
    the same way (each resource is one role, so their ARNs differ) or there is
    none, or names only roles by ARNs no generated name can be (`role/deploy`:
    CloudFormation's end in `-` and 12 or 13 letters and digits); None when
    one names roles by a pattern or ARN that the generated name could match,
    or a Deny may apply."""
    verdict = False
    for st in stmts:
        if not statement_actions_match(st, "iam:PassRole", st.allow):
            continue
        if not st.allow:
            return None  # a Deny: leave it to the evaluation of known ARNs
        if not applies(st, "iam:PassRole", None, context) or st.resources is None:
            if st.resources is None and st.not_resources is not None:
                return None
            continue
        for r in st.resources:
            named = generated_role(r)
            if named == role:
                return True
            if named is None and not _never_generated(r):
                verdict = None  # a pattern, or another way of naming a role
    return verdict


_LITERAL_ROLE = re.compile(r"arn:aws[\w-]*:iam::\d{12}:role/(?:[\w+=,.@/-]*/)?([\w+=,.@-]+)")


def _never_generated(resource) -> bool:
    """Is `resource` a role ARN written out (no wildcard, no unknown part but
    the template's own partition) whose name no CloudFormation stack
    generates (`STACK-LOGICALID-` and 12 or 13 letters and digits)? A
    Terraform role without a name has its own ARN (`terraform.py`), not this
    placeholder."""
    resource = in_own_partition(resource, "arn:aws:")  # (any partition: the name decides)
    m = _LITERAL_ROLE.fullmatch(resource) if isinstance(resource, str) else None
    return m is not None and not re.search(r"-[A-Za-z0-9]{12,13}$", m.group(1))


def passrole_resources(policies: List[dict]) -> List[Tuple[str, Statement]]:
    """(resource pattern, statement) for every Allow that grants iam:PassRole.

    Template holes are rendered as `*`; a NotResource statement gives "*" (it
    passes everything it does not name). Prefer `evaluate("iam:PassRole", arn,
    {"iam:PassedToService": ...})` to decide about one role: it applies Deny
    statements and conditions.
    """
    out = []
    for i, policy in enumerate(policies or []):
        for stmt in statements(policy, i):
            if not stmt.allow or not statement_actions_match(stmt, "iam:PassRole"):
                continue
            if stmt.resources is not None:
                for r in stmt.resources:
                    text = pattern_text(r, "*")
                    if text is not None:
                        out.append((text, stmt))
            elif stmt.not_resources is not None:
                out.append(("*", stmt))
    return out


def passrole_place(policies: List[dict], decision) -> Tuple[int, tuple]:
    """(policy index, path) where an iam:PassRole that `decision` refuses is
    fixed: the statement that decided it (a Deny, a condition), else the
    Resource of the first statement that grants iam:PassRole, else the first
    policy's statements."""
    if decision.statement is not None:
        return decision.statement.policy, decision.statement.path
    grants = passrole_resources(policies)
    if grants:
        st = grants[0][1]
        return st.policy, st.path + (("Resource",) if st.resources is not None else ())
    return 0, ("Statement",)


def hole_names(value) -> List[str]:
    if isinstance(value, Template):
        return [p.name for p in value.parts if isinstance(p, Unknown)]
    return []
