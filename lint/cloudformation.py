"""CloudFormation templates: resources as documents of the common model.

Short-form tags were already turned into their long forms by the loader
(`!Sub x` is `{"Fn::Sub": x}`). Here each resource we understand becomes a
`Document` whose data is the API shape (ECS properties camelCased, the OIDC
provider's `ClientIdList` as `ClientIDList`), with intrinsic functions resolved
where parameters have defaults and left as `Template`/`Unknown` elsewhere.
Positions go back to the template's own lines through the view's origins.
An `Fn::If` whose condition is not decided is either branch: in a trust
policy's condition values the list of both; in an ECS task definition or
service, the resource is read once per stack the template can make (each
combination of the `AllowedValues` of the parameters that decide its
conditions and key its `Fn::FindInMap`s, defaults or not, and of the keys of
the mapping a key not known picks from (`AWS::Region`, a parameter without
`AllowedValues`), or each truth value of a single condition), so settings
that change together stay together. In a trust policy, a statement, a whole
`Condition`, an operator block of it, a condition value or an item of a list
of them under such an `Fn::If` (even one the defaults decide), and an
`Fn::FindInMap` whose key is not known, are read the same way: each value a
stack can get (statements and condition values are unions; an `AWS::NoValue`
branch leaves the item out, or the key or operator: a copy of the statement
without it); a condition false (or true) in every stack the parameters'
`AllowedValues` allow is that.
`Ref` of an ECS task definition is the ARN of the stack's one revision,
whose number is not known but is never `*` (`STACK_REVISION`).
Dynamic references (`{{resolve:ssm:...}}`) are holes, like parameters without
defaults; `Fn::ImportValue` of a name exactly one other template of the same
folder exports (a CDK app's cdk.out) is that export's `Value`, read once per
deployment of that template (each a stack of the importer), else a hole;
`Fn::ForEach` loops (AWS::LanguageExtensions) in `Resources` are expanded,
their copies located at the loop's body.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import List, Optional

from . import probes
from .loader import JsonLocator, LineIndex, json_value
from .model import Document
from .values import Template, Unknown, json_with_holes, make_template, value_at
from .views import Origins, camelize, view_locator

# pseudo parameters known before deploy; `AWS::Partition` is not (aws, aws-cn or
# aws-us-gov by the stack's region): it stays `${AWS::Partition}`, which IAM
# matching reads as the partition of the ARN asked about (lint/iam.py)
PSEUDO = {"AWS::URLSuffix": "amazonaws.com"}
NO_VALUE = object()  # `!Ref AWS::NoValue`: the property is left out


def is_template(data) -> bool:
    if not isinstance(data, dict):
        return False
    res = data.get("Resources")
    if not isinstance(res, dict):
        return False
    return any(isinstance(r, dict) and isinstance(r.get("Type"), str)
               and r["Type"].startswith(("AWS::", "Custom::"))
               for _, r, _ in expand_loops(res, {}))  # a loop's resources count


def parameters(data) -> dict:
    out = {}
    params = data.get("Parameters")
    if isinstance(params, dict):
        for name, spec in params.items():
            if isinstance(spec, dict) and "Default" in spec:
                d = spec["Default"]
                kind = spec.get("Type")
                if isinstance(kind, str) and kind.startswith("AWS::SSM::Parameter::Value"):
                    continue  # the default names an SSM parameter: its value is not here
                if isinstance(d, bool):  # YAML `true`: CloudFormation reads the text "true"
                    d = str(d).lower()
                if isinstance(d, (str, int, float)):
                    out[name] = typed(d, kind)
    return out


def typed(value, kind):
    """A parameter's value (its default, or what a deployment passes) as `!Ref`
    gives it: a list for `CommaDelimitedList` and `List<...>` ("a,b" is two
    items), a number for `Number`, else text."""
    if isinstance(kind, str) and (kind == "CommaDelimitedList" or kind.startswith("List<")):
        return [x.strip() for x in str(value).split(",")]
    return _number(value) if kind == "Number" else str(value)


def parameter_types(data) -> dict:
    params = data.get("Parameters")
    return {name: spec.get("Type") for name, spec in params.items()
            if isinstance(spec, dict)} if isinstance(params, dict) else {}


def _number(value):
    """A Number parameter's default as int/float (properties like DesiredCount)."""
    try:
        f = float(value)
        return int(f) if f.is_integer() else f
    except (TypeError, ValueError, OverflowError):
        return str(value)


@dataclass
class Scope:
    """What intrinsics can see: parameter defaults, conditions, mappings, resources."""

    params: dict = field(default_factory=dict)
    conditions: dict = field(default_factory=dict)  # name -> raw condition
    mappings: dict = field(default_factory=dict)
    resources: dict = field(default_factory=dict)  # logical id -> raw resource
    busy: set = field(default_factory=set)
    allowed: dict = field(default_factory=dict)  # parameter -> its AllowedValues
    sources: dict = field(default_factory=dict)  # logical id -> source path (loops)
    fixed: frozenset = frozenset()  # parameters a deployment passes a known value for
    stack_name: Optional[str] = None  # `AWS::StackName`: the deployment's `--stack-name`
    picks: dict = field(default_factory=dict)  # a stack variant's keys and values (Region...)
    file: Optional[str] = None  # the template's path: `Fn::ImportValue` reads its folder
    root: Optional[str] = None  # the repository, whose deployments of exporters count
    # export name -> (its value in this stack, where that is written, the
    # exporter's deployment): one deployment of the template exporting it
    imports: dict = field(default_factory=dict)

    @classmethod
    def of(cls, data, passed: Optional[dict] = None,
           stack_name: Optional[str] = None, file: Optional[str] = None,
           root: Optional[str] = None) -> "Scope":
        """The template's scope; `passed`: the parameter values a deployment
        gives (None: a value it passes that is not known: not the default);
        `stack_name`: the name of the stack it deploys, when known; `file`:
        the template's path, where its imports are looked for (None: not);
        `root`: the repository, whose deployments of the templates exporting
        them are read (None: their defaults)."""
        def section(name):
            v = data.get(name)
            return v if isinstance(v, dict) else {}
        params = parameters(data)
        types = parameter_types(data) if passed else {}
        from .deployments import ANY_PARAMETER

        if passed and ANY_PARAMETER in passed:  # overrides built at run time: no default holds
            params = {}
        for k, v in (passed or {}).items():
            if v is None:
                params.pop(k, None)
            elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
                params[k] = typed(v, types.get(k))
            else:
                params[k] = v
        resources, sources = {}, {}
        for logical_id, res, path in expand_loops(section("Resources"), params, ("Resources",)):
            resources[logical_id] = res
            sources[logical_id] = path
        return cls(params, section("Conditions"), section("Mappings"), resources,
                   allowed=allowed_values(data), sources=sources,
                   fixed=frozenset(k for k, v in (passed or {}).items() if v is not None),
                   stack_name=stack_name, file=file, root=root)


def allowed_values(data) -> dict:
    """parameter -> its AllowedValues (as text), for the parameters that have them."""
    out = {}
    params = data.get("Parameters")
    for name, spec in (params.items() if isinstance(params, dict) else ()):
        allowed = spec.get("AllowedValues") if isinstance(spec, dict) else None
        if isinstance(allowed, list) and allowed and all(
                isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in allowed):
            out[name] = [str(x) for x in allowed]
    return out


LOOP = "Fn::ForEach::"


def expand_loops(section: dict, params: dict, path=(), bindings=()):
    """(key, value, source path) of each entry of a template section, with its
    `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`
    loops (AWS::LanguageExtensions) expanded: one copy of the fragment per
    item of the collection, `${Identifier}` and `&{Identifier}` replaced in its
    keys and text and `Ref: Identifier` by the item (`substitute`). Loops may
    nest (`bindings`: the items of the loops around `section`). A collection
    that is not known (`!Ref` of a parameter without default) is one generic
    item: the fragment as written, where the identifier reads like a parameter
    without default. The source path of a copy is that of the fragment as
    written, so findings point at the loop's body."""
    for key, value in section.items():
        fragment = _loop_fragment(key, value)
        if fragment is None:
            out_key, out_value = key, value
            for ident, item in bindings:
                out_key = substitute(out_key, ident, item)
                out_value = substitute(out_value, ident, item)
            yield out_key, out_value, tuple(path) + (key,)
            continue
        ident, body = fragment
        collection = value[1]
        for outer, item in bindings:
            collection = substitute(collection, outer, item)
        items = _loop_items(collection, params)
        for item in items if items is not None else [None]:
            inner = bindings + ((ident, item),) if item is not None else bindings
            yield from expand_loops(body, params, tuple(path) + (key, 2), inner)


def _loop_items(collection, params):
    """The items of a loop's collection as text: a list, or `!Ref` of a list
    parameter with a default; None when not known."""
    if isinstance(collection, dict) and len(collection) == 1 \
            and isinstance(collection.get("Ref"), str):
        collection = params.get(collection["Ref"])
    if isinstance(collection, list) and all(
            isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in collection):
        return [str(x) for x in collection]
    return None


def substitute(value, ident: str, item: str):
    """A copy of a loop's fragment for one item: `${ident}` in keys and text
    is the item, `&{ident}` the item without its non-alphanumeric characters,
    and `Ref: ident` the item."""
    if isinstance(value, str):
        return value.replace("${" + ident + "}", item).replace(
            "&{" + ident + "}", re.sub(r"[^A-Za-z0-9]", "", item))
    if isinstance(value, list):
        return [substitute(v, ident, item) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and value.get("Ref") == ident:
            return item
        return {substitute(k, ident, item): substitute(v, ident, item) for k, v in value.items()}
    return value


def _loop_fragment(key, value):
    """(identifier, fragment) of a `Fn::ForEach::Name` entry, or None."""
    if isinstance(key, str) and key.startswith(LOOP) and isinstance(value, list) \
            and len(value) == 3 and isinstance(value[0], str) and isinstance(value[2], dict):
        return value[0], value[2]
    return None


_SUB_VAR = re.compile(r"\$\{([^}]*)\}")


def _scope(scope) -> Scope:
    if isinstance(scope, Scope):
        return scope
    return Scope(params=dict(scope) if isinstance(scope, dict) else {})


def _parts(v):
    """A resolved scalar as template parts (None when it is not a scalar)."""
    if isinstance(v, Template):
        return list(v.parts)
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return [str(v)]
    return None


def resolve(value, scope=None, resources=()):
    """Resolve intrinsics in a scalar position: str, Template, or the value.

    `scope` is a `Scope` (or a dict of parameter values). Unresolvable
    references become `Template`s with `Unknown` parts."""
    scope = _scope(scope)
    if isinstance(value, str):
        return dynamic_refs(value)
    if not (isinstance(value, dict) and len(value) == 1):
        return value
    (fn, arg), = value.items()
    if not isinstance(fn, str):
        return value
    if fn == "Ref":
        return _ref(arg, scope)
    if fn == "Fn::Sub":
        text, local = arg, {}
        if isinstance(arg, list) and arg:
            text = arg[0]
            if len(arg) > 1 and isinstance(arg[1], dict):
                local = {k: resolve(v, scope) for k, v in arg[1].items()}
        if not isinstance(text, str):
            return Template((Unknown("Fn::Sub"),))
        parts, pos = [], 0
        for m in _SUB_VAR.finditer(text):
            parts.append(text[pos:m.start()])
            parts.extend(_parts(_sub_var(m.group(1), local, scope)) or [Unknown(m.group(1))])
            pos = m.end()
        parts.append(text[pos:])
        return make_template(_dynamic_parts(parts))
    if fn == "Fn::Join":
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
            items = resolve(arg[1], scope)
            if isinstance(items, list):
                parts = []
                for i, item in enumerate(items):
                    if i:
                        parts.append(arg[0])
                    parts.extend(_parts(resolve(item, scope)) or [Unknown("Fn::Join")])
                return make_template(parts)
        return Template((Unknown("Fn::Join"),))
    if fn == "Fn::GetAtt":
        target = arg.split(".", 1) if isinstance(arg, str) else arg
        got = _get_att(target, scope) if isinstance(target, list) and len(target) == 2 else None
        if got is not None:
            return got
        name = ".".join(map(str, arg)) if isinstance(arg, list) else str(arg)
        return Template((Unknown(name),))
    if fn == "Fn::If":
        if isinstance(arg, list) and len(arg) == 3:
            cond = condition_value(arg[0], scope)
            if cond is not None:
                return resolve(arg[1] if cond else arg[2], scope)
        return Template((Unknown("Fn::If"),))
    if fn == "Fn::FindInMap":
        if isinstance(arg, list) and len(arg) >= 3:
            keys = [resolve(k, scope) for k in arg[:3]]
            if all(isinstance(k, str) for k in keys):
                hit = scope.mappings.get(keys[0])
                hit = hit.get(keys[1]) if isinstance(hit, dict) else None
                if isinstance(hit, dict) and keys[2] in hit:
                    return resolve(hit[keys[2]], scope)
                extra = arg[3] if len(arg) > 3 and isinstance(arg[3], dict) else {}
                if "DefaultValue" in extra:  # AWS::LanguageExtensions: a key not in the map
                    return resolve(extra["DefaultValue"], scope)
        return Template((Unknown("Fn::FindInMap"),))
    if fn == "Fn::Select":
        if isinstance(arg, list) and len(arg) == 2:
            idx, items = resolve(arg[0], scope), resolve(arg[1], scope)
            try:
                idx = int(idx)
            except (TypeError, ValueError):
                idx = None
            if isinstance(items, list) and idx is not None and 0 <= idx < len(items):
                return resolve(items[idx], scope)
        return Template((Unknown("Fn::Select"),))
    if fn == "Fn::Split":
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str) and arg[0]:
            text = resolve(arg[1], scope)
            if isinstance(text, str):
                return text.split(arg[0])
        return Template((Unknown("Fn::Split"),))
    if fn == "Fn::ImportValue":
        got = _imported(arg, scope)
        return got if got is not None else Template((Unknown(fn),))
    if fn.startswith("Fn::") or fn == "Condition":
        return Template((Unknown(fn),))
    return value


# `{{resolve:ssm:NAME}}`, `{{resolve:ssm-secure:NAME}}`,
# `{{resolve:secretsmanager:ID:SecretString:KEY...}}`: read by CloudFormation at deploy
_DYNAMIC_REF = re.compile(r"\{\{resolve:(?:ssm|ssm-secure|secretsmanager):[^{}]+\}\}")
_HOLE_MARK = "\x00"  # an `Unknown` part, while dynamic references are looked for


def dynamic_refs(text: str):
    """`text` with each dynamic reference in it (`{{resolve:ssm:...}}`,
    `ssm-secure`, `secretsmanager`) a hole: its value is in another service
    and read at deploy time, so it is unknown here, like a parameter without
    a default. A str when there is none, else a `Template`."""
    if "{{resolve:" not in text:
        return text
    return make_template(_dynamic_parts([text]))


def _dynamic_parts(parts):
    """Template parts with the dynamic references in their literal text made
    `Unknown` parts (named by the reference); a reference built with holes
    inside (`!Sub "{{resolve:ssm:/app/${Env}/tag}}"`) is one hole."""
    if not any(isinstance(p, str) and "{{resolve:" in p for p in parts):
        return parts
    holes = [p for p in parts if not isinstance(p, str)]
    text = "".join(p if isinstance(p, str) else _HOLE_MARK for p in parts)
    out, pos, k = [], 0, 0

    def literal(chunk):
        nonlocal k
        for i, piece in enumerate(chunk.split(_HOLE_MARK)):
            if i:
                out.append(holes[k])
                k += 1
            out.append(piece)
    for m in _DYNAMIC_REF.finditer(text):
        literal(text[pos:m.start()])
        k += m.group().count(_HOLE_MARK)
        out.append(Unknown(m.group()[2:-2].replace(_HOLE_MARK, "*")))
        pos = m.end()
    literal(text[pos:])
    return out


def _sub_var(name, local, scope):
    """The value of `${name}` in a `Fn::Sub` (`local` holds its resolved variables)."""
    if name.startswith("!"):  # ${!Literal}
        return "${" + name[1:] + "}"
    if name in local:
        return local[name]
    if "." in name:
        return _get_att(name.split(".", 1), scope)
    return _ref(name, scope)


def _ref(name, scope: Scope):
    if not isinstance(name, str):
        return Template((Unknown("Ref"),))
    if name == "AWS::NoValue":
        return NO_VALUE
    if name in scope.params:
        return scope.params[name]
    if name in PSEUDO:
        return PSEUDO[name]
    if name == "AWS::StackName" and scope.stack_name:
        return scope.stack_name
    res = scope.resources.get(name)
    if isinstance(res, dict):
        rtype = res.get("Type")
        if rtype == "AWS::IAM::Role":
            role = _property(res, "RoleName", scope, ("ref", name))
            if isinstance(role, (str, Template)):
                return role
        elif rtype in ("AWS::IAM::OIDCProvider", CDK_OIDC_PROVIDER):  # its ARN
            return _get_att([name, "Arn"], scope) or Template((Unknown(name),))
        elif rtype == "AWS::ECS::TaskDefinition":  # the ARN of the stack's one revision
            return _get_att([name, "TaskDefinitionArn"], scope)
        elif isinstance(rtype, str) and rtype in _REF_IS_NAME:
            value = _property(res, _REF_IS_NAME[rtype], scope, ("ref", name))
            if isinstance(value, (str, Template)):
                return value
    return Template((Unknown(name),))


# the CDK's OIDC provider (`iam.OpenIdConnectProvider`, `GithubActionsIdentityProvider`):
# a custom resource with the provider's Url, ClientIDList and ThumbprintList
CDK_OIDC_PROVIDER = "Custom::AWSCDKOpenIdConnectProvider"

# resources whose Ref is the name given in one of their properties
_REF_IS_NAME = {
    "AWS::CodeDeploy::DeploymentConfig": "DeploymentConfigName",
    "AWS::CodeDeploy::Application": "ApplicationName",
    "AWS::CodeDeploy::DeploymentGroup": "DeploymentGroupName",
    "AWS::ECR::Repository": "RepositoryName",
    "AWS::ECS::Cluster": "ClusterName",
}


# resources whose ARN attribute is SERVICE:REGION:ACCOUNT:KIND/NAME, NAME a
# property: (attribute, service, kind, property)
_ARN_OF = {
    "AWS::ECR::Repository": ("Arn", "ecr", "repository", "RepositoryName"),
    "AWS::ECS::Cluster": ("Arn", "ecs", "cluster", "ClusterName"),
    "AWS::ECS::TaskDefinition": ("TaskDefinitionArn", "ecs", "task-definition", "Family"),
}

# the number of the revision a stack registered of its task definition (the
# end of `task-definition/FAMILY:N`, which is its Ref): not known here, and one
# number, never `*`, so a policy scoped to it does not admit the next revision
# a deploy registers
STACK_REVISION = "<revision>"


def _get_att(target, scope: Scope):
    """What `!GetAtt Resource.Attr` is known to be before deploy (or None)."""
    name, attr = (target + [None, None])[:2] if isinstance(target, list) else (None, None)
    res = scope.resources.get(name) if isinstance(name, str) else None
    if not isinstance(res, dict):
        return None
    rtype = res.get("Type")
    if not isinstance(rtype, str):  # `Type: []`: no resource ecs-lint knows
        return None
    account = Unknown("AWS::AccountId")
    if rtype == "AWS::IAM::Role" and attr == "Arn":
        role = _parts(_property(res, "RoleName", scope, ("att", name)))
        path = _property(res, "Path", scope, ("path", name))
        if role:
            return make_template(["arn:", Unknown("AWS::Partition"), ":iam::", account,
                                  ":role" + (path if isinstance(path, str) else "/"), *role])
    if rtype in _ARN_OF and attr == _ARN_OF[rtype][0]:  # one resource's ARN, never `*`
        _, service, kind, prop = _ARN_OF[rtype]
        given = _parts(_property(res, prop, scope, ("att", name)))
        revision = [":", STACK_REVISION] if rtype == "AWS::ECS::TaskDefinition" else []
        return make_template(["arn:", Unknown("AWS::Partition"), f":{service}:",
                              Unknown("AWS::Region"), ":", account, f":{kind}/",
                              *(given or [Unknown(name)]), *revision])
    if rtype in ("AWS::IAM::OIDCProvider", CDK_OIDC_PROVIDER) and attr == "Arn":
        url = _property(res, "Url", scope, ("att", name))
        if isinstance(url, str):
            return make_template(["arn:aws:iam::", account, ":oidc-provider/",
                                  re.sub(r"^[a-zA-Z]+://", "", url)])
    return None


def _property(res, prop, scope: Scope, key):
    props = res.get("Properties")
    if not isinstance(props, dict) or prop not in props or key in scope.busy:
        return None
    scope.busy.add(key)
    try:
        return resolve(props[prop], scope)
    finally:
        scope.busy.discard(key)


MAX_EXPORTING_FILES = 300  # the templates of a folder read for their exports
# (run, real folder, root) -> ({export name: [(real path, Value, Scope, span, Deployment)]},
# questions asked)
_EXPORTS: dict = {}


def _imported(arg, scope: Scope):
    """What `Fn::ImportValue` of `arg` is: the value this stack picks
    (`scope.imports`), else the one value every deployment of the exporting
    template gives (`_export_choices`); None when not known."""
    name = _import_name(arg, scope)
    if name in scope.imports:
        return scope.imports[name][0]
    choices = _export_choices(name, scope) if name is not None else []
    return choices[0][0] if len(choices) == 1 else None


def _import_name(arg, scope: Scope) -> Optional[str]:
    """The export name `Fn::ImportValue` of `arg` reads: None when it is not
    plain text, reads `AWS::StackName`, or the template has no folder."""
    if not scope.file or "AWS::StackName" in _names_read(arg):
        return None
    name = resolve(arg, scope)
    return name if isinstance(name, str) else None


def _export_choices(name: str, scope: Scope) -> list:
    """[(value, span, Deployment)] of the export `name` (CloudFormation gives
    the value another stack of the account and region exported): the `Value`
    of the output another template of the same folder exports under that name,
    read once per deployment of that template the repository shows (else with
    its defaults), each distinct value once (None: not known there), with where
    the value is written when a deployment passes it or a default gives it
    whole (`passed_span`), and that deployment. [] unless exactly one other
    template exports it."""
    found = _folder_exports(os.path.dirname(scope.file) or ".", scope.root).get(name, [])
    if len({f[0] for f in found}) != 1 or found[0][0] == os.path.realpath(scope.file):
        return []  # (a stack cannot import its own export)
    out, seen = [], set()
    for _, value, exporter, span, deployment in found:
        got = resolve(value, exporter)
        got = got if isinstance(got, (str, Template)) else None
        if repr(got) not in seen:
            seen.add(repr(got))
            out.append((got, span, deployment))
    return out


def _import_stacks(scope: Scope) -> List[Scope]:
    """The scopes to read a template in: one per combination of the values
    the deployments of the templates it imports from export (`scope.imports`:
    each a stack the template can be deployed beside; at most MAX_VARIANTS,
    past it the imports that vary are not known)."""
    combos: List[dict] = [{}]
    for arg in _calls(scope.resources, "Fn::ImportValue"):
        name = _import_name(arg, scope)
        if name is None or name in combos[0]:
            continue
        choices = _export_choices(name, scope)
        if choices:
            combos = [{**c, name: choice} for c in combos for choice in choices]
        if len(combos) > MAX_VARIANTS:
            return [scope]
    return [replace(scope, imports=c, busy=set()) if c else scope for c in combos]


def _folder_exports(folder: str, root: Optional[str] = None) -> dict:
    """{export name: [(real path, Value as written, Scope of one reading of
    the template, span of the value, the reading's Deployment or None)]} of
    the templates in `folder` (read once a run, through `probes`, so a result
    reused later follows their edits)."""
    key = (probes.run_id(), os.path.realpath(folder), root)
    if key in _EXPORTS:
        found, asked = _EXPORTS[key]
        probes.replay_once(asked)
        return found
    with probes.recording() as asked:
        found = _exports_in(folder, root)
    if any(k[0] != key[0] for k in _EXPORTS):
        _EXPORTS.clear()  # (an earlier run's)
    _EXPORTS[key] = (found, asked)
    return found


def _exports_in(folder: str, root: Optional[str]) -> dict:
    """`_folder_exports` read from disk: the `Outputs` with an `Export.Name`
    known before deploy of the first MAX_EXPORTING_FILES template files of
    `folder` (each of at most 2 MB), read once per deployment of the template
    the repository under `root` shows, else with its defaults."""
    from . import deployments
    from .deployments import _TEMPLATE_SUFFIXES, MAX_READ
    from .loader import LoadError, decode, load_text
    from .runner import display_path

    out: dict = {}
    names = probes.names(folder, list(_TEMPLATE_SUFFIXES), []) or []
    for n in names[:MAX_EXPORTING_FILES]:
        path = os.path.join(folder, n)
        raw = probes.read_bytes(path, MAX_READ)
        if raw is None or b"Export" not in raw:
            continue
        try:
            loaded = load_text(decode(raw), "json" if n.endswith(".json") else "yaml")
        except (LoadError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        data = loaded[0].data if len(loaded) == 1 else None
        outputs = data.get("Outputs") if isinstance(data, dict) and is_template(data) else None
        if not isinstance(outputs, dict):
            continue
        found = deployments.of_template(path, root)
        for d in found if found is not None else [None]:
            scope = Scope.of(data, d.params, d.stack_name) if d is not None else Scope.of(data)
            at = {k: replace(sp, file=display_path(path))
                  for k, sp in defaults_at(loaded[0].locate, data, scope).items()} \
                if d is not None else {}
            at.update(d.at if d is not None else {})
            for output in outputs.values():
                export = output.get("Export") if isinstance(output, dict) else None
                if not isinstance(export, dict) or "Value" not in output \
                        or condition_value(output.get("Condition"), scope) is False:
                    continue
                name = resolve(export.get("Name"), scope)
                if isinstance(name, str):
                    out.setdefault(name, []).append((
                        os.path.realpath(path), output["Value"], scope,
                        passed_span(output["Value"], at), d))
    return out


def condition_value(cond, scope: Scope):
    """True/False for a condition (a name or Fn::Equals...), None when unknown."""
    if isinstance(cond, str):
        if cond in scope.busy or cond not in scope.conditions:
            return None
        scope.busy.add(cond)
        try:
            return condition_value(scope.conditions[cond], scope)
        finally:
            scope.busy.discard(cond)
    if not (isinstance(cond, dict) and len(cond) == 1):
        return cond if isinstance(cond, bool) else None
    (fn, arg), = cond.items()
    if fn == "Condition":
        return condition_value(arg, scope)
    if not isinstance(arg, list):
        return None
    if fn == "Fn::Equals" and len(arg) == 2:
        a, b = (resolve(x, scope) for x in arg)
        if isinstance(a, (str, int, float)) and isinstance(b, (str, int, float)):
            return str(a) == str(b)
        return None
    values = [condition_value(x, scope) for x in arg]
    if fn == "Fn::Not" and len(values) == 1:
        return None if values[0] is None else not values[0]
    if fn == "Fn::And":
        return False if False in values else (None if None in values else True)
    if fn == "Fn::Or":
        return True if True in values else (None if None in values else False)
    return None


def resolve_tree(value, scope, origins: Origins = None, path=(), moved=False):
    """A copy of `value` with every intrinsic in it resolved.

    `Ref AWS::NoValue` leaves its key or list item out, and `Fn::If` with a
    decidable condition is replaced by its branch. Where that moves values
    away from their source path, `origins` (if given) records, for the copies,
    the absolute source path of each key, so positions still point at the
    template's own lines (`path` is the source path of `value`)."""
    scope = _scope(scope)
    path = tuple(path)
    if isinstance(value, dict):
        if len(value) == 1:
            (k,) = value
            if k == "Ref" or (isinstance(k, str) and k.startswith("Fn::")):
                arg = value[k]
                if k == "Fn::If" and isinstance(arg, list) and len(arg) == 3:
                    cond = condition_value(arg[0], scope)
                    if cond is not None:
                        branch = 1 if cond else 2
                        return resolve_tree(arg[branch], scope, origins, path + (k, branch), True)
                v = resolve(value, scope)
                if v is not value and isinstance(v, (dict, list)):
                    return resolve_tree(v, scope, origins, path, moved)
                return v
        out = {}
        for k, v in value.items():
            r = resolve_tree(v, scope, origins, path + (k,), moved)
            if r is NO_VALUE:
                continue
            out[k] = r
            if moved and origins is not None:
                origins.set(out, k, path + (k,))
        return out
    if isinstance(value, list):
        out, shifted = [], moved
        for i, v in enumerate(value):
            r = resolve_tree(v, scope, origins, path + (i,), moved)
            if r is NO_VALUE:
                shifted = True
                continue
            if shifted and origins is not None:
                origins.set(out, len(out), path + (i,))
            out.append(r)
        return out
    if isinstance(value, str):
        return dynamic_refs(value)
    return value


# resource type -> (document kind, camelCase the properties?)
_ECS_LIKE = {
    "AWS::ECS::TaskDefinition": "task-definition",
    "AWS::ECS::Service": "service",
    "AWS::CodeDeploy::DeploymentGroup": "codedeploy-deployment-group",
    "AWS::CodeDeploy::DeploymentConfig": "codedeploy-deployment-config",
    "AWS::ECR::Repository": "ecr-repository",
}

# SAM resources whose `Policies` may hold IAM policy documents
_SAM_WITH_POLICIES = ("AWS::Serverless::Function", "AWS::Serverless::StateMachine")


def extract(file: str, data, locate, text, root: Optional[str] = None) -> List[Document]:
    """Documents of a template's resources, in the API model: once per
    deployment the repository under `root` shows (`deployments`: a workflow
    or a parent template passing its parameters), else with its defaults.

    Context: `resource` (logical id) and `template` on every document; roles
    add `role_name` (RoleName: str, Template or None), `role_ref` (logical
    id) and `role_tags` (its `Tags` {key: value}, when known); permission
    policies add `roles`: the roles they attach to, each a
    logical id (from `!Ref Role`) or a role name, the same shape Terraform
    gives with addresses. Inline `Policies`, `AWS::IAM::Policy` `Roles`,
    `AWS::IAM::RolePolicy` `RoleName`,
    `AWS::IAM::ManagedPolicy` `Roles` and a role's `ManagedPolicyArns:
    [!Ref Policy]` (or `!GetAtt Policy.PolicyArn`) all link. The policy
    documents in a SAM function's or state machine's `Policies` are read too
    (attached to the role SAM generates, which no workflow assumes). A
    template only nested stacks whose `Condition` is false would make is
    never created: nothing is read."""
    from . import deployments

    found = deployments.of_template(file, root)
    here = file if root is not None else None  # (not from stdin: no folder to import from)
    docs = []
    for d in found if found is not None else [None]:
        scope = Scope.of(data, d.params if d is not None else None,
                         d.stack_name if d is not None else None, here, root)
        stacks = _import_stacks(scope)
        for stack in stacks:
            docs += _extract(file, data, locate, text, stack,
                             _imports_named(d, stack) if len(stacks) > 1 else d,
                             deployed=d is not None)
    return docs


def _imports_named(deployment, scope: Scope):
    """The deployment of a template as one of the stacks its imports make
    (`_import_stacks`): its label names the exporters' deployments, so each
    stack's roles are its own; a template not deployed itself is read beside
    the first of them."""
    from .deployments import Deployment

    told = [(name, d) for name, (_, _, d) in scope.imports.items() if d is not None]
    said = ", ".join(f"{name} from {d.label}" for name, d in told)
    if deployment is not None:
        return replace(deployment, label=f"{deployment.label}; {said}")
    if not told:
        return None
    first = told[0][1]
    return Deployment(said, first.file, first.line)


def _extract(file, data, locate, text, scope, deployment=None,
             deployed=False) -> List[Document]:
    # a value a deployment passes, or in a template the repository deploys a
    # default it leaves, is placed where it is written (not one a stack variant
    # picks: `stack`); a template not deployed is at fault where it uses a default
    at = {**(defaults_at(locate, data, scope) if deployed else {}),
          **(deployment.at if deployment is not None else {}),
          **{("Fn::ImportValue", name): span
             for name, (_, span, _) in scope.imports.items() if span is not None}}
    as_written = locate

    def locate_in(picks=()):
        given = {k: v for k, v in at.items() if k not in picks}
        return _passed_at(as_written, data, given) if given else as_written
    located = locate_in()
    params = scope.params
    docs: List[Document] = []
    resources = scope.resources
    template_ctx = {"format": "cloudformation", "parameters": params,
                    "resources": {k: v.get("Type") for k, v in resources.items()
                                  if isinstance(v, dict)}}
    if deployment is not None:  # its roles are its own; findings name it
        template_ctx["module"] = f"{file} ({deployment.label})"
        template_ctx["call"] = [deployment.label, deployment.file, deployment.line, 1]
    managed_by_role = _managed_policy_links(resources)
    unread_of = _unread_managed_policies(resources, scope)
    bounds, boundary_arn = _permissions_boundaries(resources, scope)

    def add(kind, value, prefix, name, origins=None, **ctx):
        locate = locate_in(ctx["stack"]) if ctx.get("stack") else located
        if isinstance(value, (str, Template)):  # a policy as JSON text (`!Sub` of it too)
            policy = _json_policy(value)
            if policy is None:
                return
            where = tuple(prefix)
            # written as a `|` block, positions go inside it; else to the property
            loc = block_json_locator(data, where, policy, text, locate, scope) \
                or (lambda path=(), key=False: locate(where, key))
            value = policy
        else:
            loc = view_locator(locate, value, prefix, origins)
        docs.append(Document(kind, value, file, loc,
                             name=name, context={"template": template_ctx, **ctx}, text=text))

    for logical_id, res in resources.items():
        if not isinstance(res, dict):
            continue
        if condition_value(res.get("Condition"), scope) is False:
            continue  # CloudFormation does not create it in this stack
        rtype = res.get("Type")
        raw = res.get("Properties", {})  # none: every property at its default
        if not isinstance(raw, dict) or not isinstance(rtype, str):
            continue
        where = scope.sources.get(logical_id, ("Resources", logical_id))  # a loop's body
        base = where + ("Properties",)
        origins = Origins()
        props = resolve_tree(raw, scope, origins, base)
        if not isinstance(props, dict):  # `!Sub "..."`, `!Ref AWS::NoValue`: no properties to read
            continue
        if rtype == "AWS::IAM::Role":
            role_name = props.get("RoleName")
            ctx = {"resource": logical_id, "role_name": role_name, "role_ref": logical_id,
                   "unread_policies": unread_of.get(logical_id, [])}
            if logical_id in boundary_arn:
                ctx["boundary"] = boundary_arn[logical_id]
            from .iam import tag_map
            tags = tag_map(props.get("Tags") or [])  # (its own; stack tags are not read)
            if tags is not None:
                ctx["role_tags"] = tags
            trust = props.get("AssumeRolePolicyDocument")
            if isinstance(trust, dict):
                _either_branch(raw.get("AssumeRolePolicyDocument"), trust, scope, origins,
                               base + ("AssumeRolePolicyDocument",))
                # a condition that picks both the role's name and its trust: each
                # stack's role has its own name and subs, which the union of the
                # branches read here no longer pairs
                if _conditions_on(raw.get("RoleName"), scope) \
                        & _if_conditions(raw.get("AssumeRolePolicyDocument")):
                    ctx["name_varies"] = True
            if isinstance(trust, (dict, str, Template)):
                path = base + ("AssumeRolePolicyDocument",)
                add("trust-policy", trust, path, logical_id, origins, **ctx)
            policies = props.get("Policies")
            for i, pol in enumerate(policies if isinstance(policies, list) else []):
                if isinstance(pol, dict) and isinstance(pol.get("PolicyDocument"), (dict, str, Template)):
                    add("permissions-policy", pol["PolicyDocument"],
                        base + ("Policies", i, "PolicyDocument"),
                        f"{logical_id}.{pol.get('PolicyName', i)}", origins,
                        roles=[logical_id], **ctx)
        elif rtype in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            doc = props.get("PolicyDocument")
            if isinstance(doc, (dict, str, Template)):
                roles = _role_refs(raw.get("Roles"), props.get("Roles"), resources)
                roles += [r for r in managed_by_role.get(logical_id, []) if r not in roles]
                add("permissions-policy", doc, base + ("PolicyDocument",), logical_id,
                    origins, resource=logical_id, roles=roles,
                    unread_policies=[u for r in roles if isinstance(r, str)
                                     for u in unread_of.get(r, [])],
                    boundary_of=bounds.get(logical_id, []))
        elif rtype == "AWS::IAM::RolePolicy":  # an inline policy of the role RoleName names
            doc = props.get("PolicyDocument")
            if isinstance(doc, (dict, str, Template)):
                roles = _role_refs([raw.get("RoleName")], [props.get("RoleName")], resources)
                add("permissions-policy", doc, base + ("PolicyDocument",), logical_id,
                    origins, resource=logical_id, roles=roles,
                    unread_policies=[u for r in roles if isinstance(r, str)
                                     for u in unread_of.get(r, [])])
        elif rtype in _SAM_WITH_POLICIES and "Role" not in props:
            # SAM `Policies`: a policy document, or a list mixing documents with
            # managed policy names and policy templates (only documents are read);
            # they go to the role SAM generates, and are ignored when `Role` is set
            policies = props.get("Policies")
            items = policies if isinstance(policies, list) else [policies]
            is_doc = [isinstance(p, dict) and "Statement" in p for p in items]
            unread = [str(next(iter(p), "?")) if isinstance(p, dict) else str(p)
                      for p, d in zip(items, is_doc) if not d and p is not None]
            for i, pol in enumerate(items):
                if is_doc[i]:
                    path = base + (("Policies", i) if isinstance(policies, list) else ("Policies",))
                    add("permissions-policy", pol, path, logical_id, origins,
                        resource=logical_id, roles=[], unread_policies=unread)
        elif rtype in ("AWS::IAM::OIDCProvider", CDK_OIDC_PROVIDER):
            view = {}
            for src, dst in (("Url", "Url"), ("ClientIdList", "ClientIDList"),
                             ("ClientIDList", "ClientIDList"),  # the CDK's custom resource
                             ("ThumbprintList", "ThumbprintList")):
                if src in props:
                    view[dst] = props[src]
                    origins.set(view, dst, base + (src,))
            add("oidc-provider", view, where, logical_id, origins,
                resource=logical_id, format="create")
        elif rtype in _ECS_LIKE:
            # a setting under `Fn::If` whose condition a parameter decides: each
            # stack the template can make is read (identical findings are said once)
            for variant in _stack_variants(raw, scope, data):
                if variant is not scope:
                    origins = Origins()
                    props = resolve_tree(raw, variant, origins, base)
                    if not isinstance(props, dict):
                        continue
                view = camelize(_properties_only(props), base, origins)
                # (`stack`: the keys this stack picks, for messages to name)
                add(_ECS_LIKE[rtype], view, base, logical_id, origins, resource=logical_id,
                    **({"stack": variant.picks} if variant.picks else {}))
    return docs


def _properties_only(props: dict) -> dict:
    """The resource's properties as CloudFormation reads them: its names are
    PascalCase and case-sensitive, so a key written in the API's camelCase
    (`deploymentCircuitBreaker: {enable: true}`) is no property (CloudFormation
    refuses or drops it). Checked at the top and in `DeploymentConfiguration`,
    whose keys are all property names (deeper maps may hold the user's keys)."""
    def lower(k):
        return isinstance(k, str) and k[:1].islower()

    dc = props.get("DeploymentConfiguration")
    bad_dc = isinstance(dc, dict) and any(map(lower, dc))
    if not bad_dc and not any(map(lower, props)):
        return props  # (the same dicts: `origins` knows where their keys came from)
    out = {k: v for k, v in props.items() if not lower(k)}
    if bad_dc:
        out["DeploymentConfiguration"] = {k: v for k, v in dc.items() if not lower(k)}
    return out


MAX_VARIANTS = 16


def defaults_at(locate, data, scope: Scope) -> dict:
    """parameter -> the span of its `Default`, for each parameter whose value
    in `scope` is its default (no deployment passes it)."""
    out = {}
    for name in parameters(data):
        if name in scope.params and name not in scope.fixed:
            span = locate(("Parameters", name, "Default"))
            if span is not None:
                out[name] = span
    return out


def _passed_at(locate, data, at: dict):
    """`locate`, but a property that is `!Ref P` of a parameter the deployment
    passes is where the deployment writes P's value (a parameter file, the
    workflow's override, the parent's `Parameters`; `passed_span`)."""
    def located(path=(), key=False):
        path = tuple(path)
        raw = value_at(data, path) if not key else None
        span = passed_span(raw, at)
        if span is None and raw is None and not key:
            # an item of a list the template has as a whole `!Ref P` (a
            # CommaDelimitedList passed): where the list is written
            n = len(path) - 1
            while n > 0 and value_at(data, path[:n]) is None:
                n -= 1
            whole = value_at(data, path[:n]) if n > 0 else None
            span = at.get(whole["Ref"]) if isinstance(whole, dict) and len(whole) == 1 \
                and isinstance(whole.get("Ref"), str) else None
        return span or locate(path, key)
    return located


def passed_span(raw, at: dict):
    """Where the value of `raw` (a property, or a parameter a parent passes
    its nested stack, as written) is written when that value is what the
    deployment passes: `!Ref P`, `!ImportValue NAME`, or a `!Sub` of P (or of
    a variable of its own that is one of those) alone whose own text has
    neither a wildcard nor a dynamic reference `{{resolve:...}}` (else the
    text is at fault, not the value). `at`: parameter (or ("Fn::ImportValue",
    NAME)) -> the span of the value passed; None otherwise."""
    if isinstance(raw, dict) and len(raw) == 1 and isinstance(raw.get("Ref"), str) \
            and raw["Ref"] in at:
        return at[raw["Ref"]]
    imported = raw.get("Fn::ImportValue") if isinstance(raw, dict) and len(raw) == 1 else None
    if isinstance(imported, str):  # an export's value, where its exporter's stack gets it
        return at.get(("Fn::ImportValue", imported))
    sub = raw.get("Fn::Sub") if isinstance(raw, dict) and len(raw) == 1 else None
    local = sub[1] if isinstance(sub, list) and len(sub) > 1 and isinstance(sub[1], dict) else {}
    sub = sub[0] if isinstance(sub, list) and sub else sub
    if isinstance(sub, str):  # `!Sub` of one passed parameter: the value varies there
        names = {n for n in re.findall(r"\$\{([\w:.-]+)\}", sub)
                 if not n.startswith("AWS::")}  # (pseudo parameters: the stack's own)
        fixed = re.sub(r"\$\{[^}]*\}", "", sub)
        if len(names) != 1 or re.search(r"[*?]", fixed) or "{{resolve:" in fixed:
            return None
        name = names.pop()
        # (a variable of the `!Sub` itself: where its value is)
        return passed_span(local[name], at) if name in local else at.get(name)
    return None


def _stack_variants(raw, scope: Scope, data) -> List[Scope]:
    """The scopes to read a resource in: one per combination of the
    `AllowedValues` of the parameters that decide its `Fn::If` conditions or
    key its `Fn::FindInMap`s, with or without a default (a default is only
    what a stack that does not set the parameter gets), the keys a
    `Fn::FindInMap` key not known can pick (`_open_map_keys`) counting as
    its allowed values (at most MAX_VARIANTS stacks; past it, without those
    keys); else, where a single condition is not decided (a parameter
    without a default or allowed values), one per truth value of it; else
    `scope` itself."""
    conditions = _if_conditions(raw)
    specs = data.get("Parameters") if isinstance(data.get("Parameters"), dict) else {}
    deciding = {r for c in conditions for r in _refs(scope.conditions.get(c), scope.conditions)} \
        | _refs(_calls(raw, "Fn::FindInMap"))
    choices = {p: scope.allowed[p] for p in sorted(deciding)
               if scope.allowed.get(p) and p not in scope.fixed}
    undecided = sorted(c for c in conditions if condition_value(c, scope) is None)
    open_params = {r for c in undecided for r in _refs(scope.conditions.get(c), scope.conditions)
                   if r not in scope.params and r in specs}
    keyed = {**_open_map_keys(raw, scope, specs), **choices}
    if keyed.keys() != choices.keys() and open_params <= set(keyed):
        stacks = _allowed_stacks(keyed, scope)  # (too many: as if the keys were known)
        if stacks:
            return stacks
    if choices and open_params <= set(choices):
        return _allowed_stacks(choices, scope) or [scope]
    if len(undecided) == 1:  # one condition: both of its branches are stacks
        return [replace(scope, conditions={**scope.conditions, undecided[0]: value}, busy=set())
                for value in (True, False)]
    return [scope]


def _open_map_keys(raw, scope: Scope, specs: dict) -> dict:
    """{name: the keys it can pick} for each `Ref` that keys an `Fn::FindInMap`
    in `raw` at the mapping's first or second level and is not known: a
    pseudo parameter (`AWS::Region`, `AWS::AccountId`) or a parameter without
    `AllowedValues` no deployment passes. Each key of the mapping at that level
    is a stack the template can make, as an allowed value is (any other key
    fails the deploy)."""
    out: dict = {}
    for arg in _calls(raw, "Fn::FindInMap"):
        name = resolve(arg[0], scope) if isinstance(arg, list) and len(arg) >= 3 else None
        tables = [scope.mappings.get(name)] if isinstance(name, str) else []
        for key in arg[1:3] if tables else ():
            tables = [t for t in tables if isinstance(t, dict)]
            ref = key.get("Ref") if isinstance(key, dict) and len(key) == 1 else None
            known = resolve(key, scope)
            if _open_key(ref, scope, specs):
                out.setdefault(ref, {}).update(
                    dict.fromkeys(k for t in tables for k in t if isinstance(k, str)))
            elif isinstance(known, (str, int, float)) and not isinstance(known, bool):
                tables = [t.get(str(known)) for t in tables]
                continue
            tables = [v for t in tables for v in t.values()]  # (under any key)
    return {k: list(v) for k, v in out.items() if v}


def _open_key(ref, scope: Scope, specs: dict) -> bool:
    """Whether `Ref: ref`, a mapping's key, is not known in `scope`: a pseudo
    parameter it cannot resolve, or a parameter without `AllowedValues` a
    deployment does not pass (its default is only one stack's)."""
    if not isinstance(ref, str) or ref in scope.fixed or ref in scope.allowed:
        return False
    if ref in specs:
        return True
    return ref.startswith("AWS::") and ref != "AWS::NoValue" \
        and not isinstance(_ref(ref, scope), str)


def _allowed_stacks(choices: dict, scope: Scope) -> List[Scope]:
    """A scope per combination of the parameter values in `choices` ({name:
    allowed values}); [] past MAX_VARIANTS combinations."""
    combos = [[]]
    for values in choices.values():
        combos = [c + [v] for c in combos for v in values]
        if len(combos) > MAX_VARIANTS:
            return []
    return [replace(scope, params={**scope.params, **dict(zip(choices, combo))}, busy=set(),
                    picks=dict(zip(choices, combo)))
            for combo in combos]


def _fixed_by_allowed(name, scope: Scope):
    """The value a condition has in every stack its parameters' `AllowedValues`
    allow (`!Equals [!Ref Stage, preview]` with `preview` not allowed: always
    false); None when it varies, or reads a parameter without them."""
    refs = _refs(scope.conditions.get(name), scope.conditions) if isinstance(name, str) \
        else set()
    refs -= scope.fixed  # (a deployment passes it: its value is the one)
    if not refs or any(r not in scope.allowed for r in refs):
        return None
    values = {condition_value(name, stack)
              for stack in _allowed_stacks({r: scope.allowed[r] for r in sorted(refs)}, scope)}
    return values.pop() if len(values) == 1 and None not in values else None


def _calls(value, fn: str) -> list:
    """The arguments of every call of intrinsic `fn` (`Fn::If`...) anywhere in `value`."""
    out, todo = [], [value]
    while todo:
        v = todo.pop()
        if isinstance(v, dict):
            if len(v) == 1 and fn in v:
                out.append(v[fn])
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return out


def _names_read(value) -> set:
    """The names `value` reads: `Ref` targets and `${Name}` in `Fn::Sub` text."""
    return _refs(value) | {n for a in _calls(value, "Fn::Sub")
                           for text in ([a] if isinstance(a, str) else a[:1] if
                                        isinstance(a, list) else [])
                           if isinstance(text, str)
                           for n in re.findall(r"\$\{([\w:.-]+)\}", text)}


def _conditions_on(value, scope: Scope) -> frozenset:
    """The conditions that read a parameter `value` names (`Ref`, `${P}` in
    `Fn::Sub`), or that `value` uses itself."""
    names = _names_read(value)
    return frozenset({c for c, expr in scope.conditions.items() if _refs(expr) & names}
                     | _if_conditions(value))


def _if_conditions(value) -> set:
    """The condition names `Fn::If` uses anywhere in `value`."""
    return {a[0] for a in _calls(value, "Fn::If")
            if isinstance(a, list) and a and isinstance(a[0], str)}


def _refs(value, conditions: Optional[dict] = None) -> set:
    """The names `Ref` points at in a condition, followed through the
    conditions it names (`{"Condition": Name}` inside `Fn::And`/`Or`/`Not`)
    when `conditions` (name -> raw condition) is given."""
    out, todo, seen = set(), [value], set()
    while todo:
        v = todo.pop()
        if isinstance(v, dict):
            if len(v) == 1 and isinstance(v.get("Ref"), str):
                out.add(v["Ref"])
            named = v.get("Condition") if len(v) == 1 else None
            if conditions is not None and isinstance(named, str) and named not in seen:
                seen.add(named)
                todo.append(conditions.get(named))
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return out


_POSITIVE_STRING_OPS = {"stringequals", "stringlike", "stringequalsignorecase"}


def _either_branch(raw_policy, policy: dict, scope, origins=None, path=()) -> None:
    """A condition value written `!If [Cond, A, B]` is either branch: under a
    positive string operator, where a list of values admits what any of them
    admits, it becomes the list of both (each branch is a deployment the
    template allows); so does a `!FindInMap` whose key is not known (each
    value it can give, `_map_choices`), and an item of a list of values
    written so (an `AWS::NoValue` branch leaves the item out). A branch
    `AWS::NoValue` of a whole value leaves the key out: that stack's statement
    is a copy without the key (`_dropped_copies`), beside the one with the
    other branches. Statements the template leaves open are read first
    (`_open_statements`). In place, in `policy`; `path` is the source path of
    `raw_policy`, `origins` learns where moved values are."""
    origins = origins if origins is not None else Origins()
    pairs = _open_statements(raw_policy, policy, scope, origins, tuple(path))
    drops = []  # per statement: [(op, key, what decides the drop)]
    for index, (raw_st, st) in enumerate(pairs):
        drops.append([])
        raw_cond = raw_st.get("Condition") if isinstance(raw_st, dict) else None
        cond = st.get("Condition") if isinstance(st, dict) else None
        if not isinstance(raw_cond, dict) or not isinstance(cond, dict):
            continue
        for op, raw_keys in raw_cond.items():
            keys = cond.get(op)
            base_op = str(op).split(":")[-1].lower().removesuffix("ifexists")
            if base_op not in _POSITIVE_STRING_OPS or not isinstance(raw_keys, dict) \
                    or not isinstance(keys, dict):
                continue
            for key, raw_value in raw_keys.items():
                choices, whole = _value_choices(raw_value, scope)
                if choices is None:
                    continue
                values, where, dropped = [], [], False
                src = origins.translate(policy, ("Statement", index, "Condition", op, key),
                                        tuple(path))
                for choice, rel in choices:
                    v = resolve_tree(choice, scope)
                    if v is NO_VALUE:  # the key (or the item) is left out there
                        dropped = dropped or whole
                        continue
                    items = v if isinstance(v, list) else [v]
                    values.extend(items)
                    # each value at its own branch
                    where.extend(src + rel + ((j,) if isinstance(v, list) else ())
                                 for j in range(len(items)))
                if not values or not all(isinstance(v, (str, Template)) for v in values):
                    continue
                keys[key] = values
                for i, w in enumerate(where):
                    origins.set(values, i, w)
                if dropped:
                    test = raw_value.get("Fn::If", [None])[0]
                    drops[-1].append((op, key, test if isinstance(test, str) else (op, key)))
    if any(drops):
        _dropped_copies(policy, drops, origins, tuple(path))


def _value_choices(raw_value, scope):
    """(choices, whole) of a condition value (`_choices`): of the whole value
    (whole True), or, for a list of values, of each item (an item the
    template fixes is itself); (None, False) when nothing is open."""
    choices = _choices(raw_value, scope, decided=True)
    if choices is not None or not isinstance(raw_value, list):
        return choices, True
    if len(raw_value) > MAX_LIST_ITEMS:
        return None, False
    out, opened = [], False
    for i, item in enumerate(raw_value):
        alts = _choices(item, scope, decided=True)
        opened = opened or alts is not None
        out.extend((alt, (i,) + rel) for alt, rel in alts or [(item, ())])
    return (out, False) if opened else (None, False)


MAX_LIST_ITEMS = 200  # items of one condition value read branch by branch


def _dropped_copies(policy: dict, drops: list, origins, path) -> None:
    """Add, after each statement, its copies without the condition keys an
    `AWS::NoValue` branch leaves out (`drops`: per statement, [(op, key, the
    condition that decides it)]): keys the same condition decides go
    together, each combination of those conditions is a copy; past
    MAX_VARIANTS, only the copy without all of them. The copies are where
    the statement is written."""
    stmts = policy.get("Statement")
    if not isinstance(stmts, list) or len(stmts) != len(drops):
        return
    out = []
    for i, st in enumerate(stmts):
        src = origins.translate(policy, ("Statement", i), path)
        origins.set(out, len(out), src)
        out.append(st)
        groups: dict = {}
        for op, key, test in drops[i]:
            groups.setdefault(test, []).append((op, key))
        sets = [[]]
        for gone in groups.values():
            sets += [s + gone for s in sets]
            if len(sets) > MAX_VARIANTS:
                sets = [[], [k for g in groups.values() for k in g]]
                break
        for gone in sets[1:]:
            origins.set(out, len(out), src)
            out.append(_without_keys(st, gone, origins))
    policy["Statement"] = out


def _without_keys(st: dict, gone: list, origins) -> dict:
    """A copy of statement `st` without the condition keys `gone` ([(op,
    key)]), whose parts keep the places `origins` knows for the original's."""
    out, cond = _placed_copy(st, origins), _placed_copy(st["Condition"], origins)
    out["Condition"] = cond
    for op, key in gone:
        if isinstance(cond.get(op), dict) and key in cond[op]:
            if cond[op] is st["Condition"].get(op):
                cond[op] = _placed_copy(cond[op], origins)
            del cond[op][key]
    return out


def _placed_copy(d: dict, origins) -> dict:
    """A shallow copy of `d` whose keys keep the places `origins` knows for `d`'s."""
    new = dict(d)
    for k, where in origins.table.get(id(d), {}).items():
        if k in new:
            origins.set(new, k, where)
    return new


def _choices(value, scope, decided=False):
    """[(raw value, its path under `value`)] that an intrinsic the template
    leaves open can take, each in some stack it makes: both branches of an
    `Fn::If` whose condition is not decided (with `decided`, even one the
    parameter defaults decide: another stack overrides them), or the values
    of an `Fn::FindInMap` whose key is not known (`_map_choices`). None for
    anything else."""
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    (fn, arg), = value.items()
    if fn == "Fn::If" and isinstance(arg, list) and len(arg) == 3 \
            and (decided or condition_value(arg[0], scope) is None):
        fixed = _fixed_by_allowed(arg[0], scope)  # the same in every stack allowed
        if fixed is not None:
            return [(arg[1], (fn, 1))] if fixed else [(arg[2], (fn, 2))]
        return [(arg[1], (fn, 1)), (arg[2], (fn, 2))]
    if fn == "Fn::FindInMap" and isinstance(arg, list) and len(arg) >= 3:
        values = _map_choices(arg, scope)
        return None if values is None else [(v, ()) for v in values]
    if fn == "Fn::Sub" and isinstance(arg, list) and len(arg) == 2 \
            and isinstance(arg[1], dict):  # a variable the template leaves open: each value
        combos, opened = [(dict(arg[1]), ())], False
        for name, v in arg[1].items():
            # (an `Fn::If` only: a `FindInMap` keyed by the account or region is one
            # value per stack, each stack its own role)
            choices = _choices(v, scope, decided) \
                if isinstance(v, dict) and "Fn::If" in v else None
            if choices is None:
                continue
            opened = True
            combos = [({**chosen, name: c}, (fn, 1, name) + rel)
                      for chosen, _ in combos for c, rel in choices]
            if len(combos) > MAX_VARIANTS:
                return None
        return [({fn: [arg[0], chosen]}, rel) for chosen, rel in combos] if opened else None
    return None


def _map_choices(arg, scope):
    """The values `Fn::FindInMap [Map, Key1, Key2, {DefaultValue: D}]` can
    give when a key is not known (a parameter without default): each value of
    the mapping at that level (only under the keys in the parameter's
    AllowedValues, when it has them), plus D (AWS::LanguageExtensions: the
    value of a key the mapping lacks). None when every key is known, or the
    mapping is not."""
    name = resolve(arg[0], scope)
    level = scope.mappings.get(name) if isinstance(name, str) else None
    if not isinstance(level, dict):
        return None
    found, missing, unknown = [level], False, False
    for key in arg[1:3]:
        known = resolve(key, scope)
        if isinstance(known, (str, int, float)) and not isinstance(known, bool):
            names = [str(known)]
        else:
            unknown = True
            ref = key.get("Ref") if isinstance(key, dict) and len(key) == 1 else None
            names = scope.allowed.get(ref) if isinstance(ref, str) else None
        below = []
        for table in found:
            if not isinstance(table, dict):
                continue
            for n in names if names is not None else list(table):
                if n in table:
                    below.append(table[n])
                else:
                    missing = True
            missing = missing or names is None  # any other value: not in the mapping
        found = below
    if not unknown:
        return None
    extra = arg[3] if len(arg) > 3 and isinstance(arg[3], dict) else {}
    if missing and "DefaultValue" in extra:
        found.append(extra["DefaultValue"])
    return found


def _open_statements(raw_policy, policy: dict, scope, origins, path):
    """[(raw statement, statement)] of a policy, with the statements the
    template leaves open read as every stack it can make: a statement written
    `!If [Cond, S, AWS::NoValue]` (or `[Cond, S1, S2]`) is each branch that
    exists, and a statement whose whole `Condition` is such an `!If` is one
    copy per branch, like a condition value, even when the parameters'
    defaults decide the condition (a stack may set them otherwise). Statements are a union, so the
    policy admits what any of those stacks admits. `policy`'s statements are
    replaced (in place) when something was open."""
    raw_stmts = raw_policy.get("Statement") if isinstance(raw_policy, dict) else None
    stmts = policy.get("Statement")
    if not isinstance(raw_stmts, list) or not isinstance(stmts, list):
        return []
    if not any(_choices(r, scope, decided=True) or (isinstance(r, dict) and (_choices(
            r.get("Condition"), scope, decided=True) or _open_operators(r.get("Condition"), scope)))
            for r in raw_stmts):
        return list(zip(raw_stmts, stmts)) if len(raw_stmts) == len(stmts) else []
    origins = origins if origins is not None else Origins()
    pairs, out = [], []
    for i, raw_st in enumerate(raw_stmts):
        for raw_alt, rel in _choices(raw_st, scope, decided=True) or [(raw_st, ())]:
            at = path + ("Statement", i) + rel
            st = resolve_tree(raw_alt, scope, origins, at, True)
            if st is NO_VALUE:
                continue
            for raw_whole, whole in _condition_copies(raw_alt, st, scope, origins, at):
                for raw_copy, copy in _operator_copies(raw_whole, whole, scope, origins, at):
                    origins.set(out, len(out), at)
                    out.append(copy)
                    pairs.append((raw_copy, copy))
    policy["Statement"] = out
    return pairs


def _condition_copies(raw_st, st, scope, origins, at):
    """[(raw statement, statement)]: the statement itself, or, when its
    whole `Condition` is an `!If`, one copy per branch (no `Condition` for
    an `AWS::NoValue` branch). `at` is the statement's source path."""
    raw_cond = raw_st.get("Condition") if isinstance(raw_st, dict) else None
    choices = _choices(raw_cond, scope, decided=True) if isinstance(st, dict) else None
    if not choices:
        return [(raw_st, st)]
    out = []
    for raw_alt, rel in choices:
        where = at + ("Condition",) + rel
        cond = resolve_tree(raw_alt, scope, origins, where, True)
        copy = _placed_copy(st, origins)
        copy.pop("Condition", None)
        raw_copy = {k: v for k, v in raw_st.items() if k != "Condition"}
        if cond is not NO_VALUE:
            copy["Condition"], raw_copy["Condition"] = cond, raw_alt
            origins.set(copy, "Condition", where)
        out.append((raw_copy, copy))
    return out


def _open_operators(raw_cond, scope) -> list:
    """[(operator, its choices)] of the operator blocks of a statement's
    `Condition` that the template leaves open (`StringLike: !If [Cond, {...},
    AWS::NoValue]`: `_choices`)."""
    if not isinstance(raw_cond, dict):
        return []
    out = []
    for op, raw_block in raw_cond.items():
        choices = _choices(raw_block, scope, decided=True)
        if choices:
            out.append((op, choices))
    return out


def _operator_copies(raw_st, st, scope, origins, at):
    """[(raw statement, statement)]: the statement itself, or, when operator
    blocks of its `Condition` are left open (`_open_operators`), one copy per
    stack: blocks under the same `Fn::If` condition take the same branch, and
    an `AWS::NoValue` branch leaves the operator out. Past MAX_VARIANTS
    copies, the statement as read. `at` is the statement's source path."""
    raw_cond = raw_st.get("Condition") if isinstance(raw_st, dict) else None
    cond = st.get("Condition") if isinstance(st, dict) else None
    opened = _open_operators(raw_cond, scope) if isinstance(cond, dict) else []
    if not opened:
        return [(raw_st, st)]
    groups: dict = {}  # what decides the branch -> [(op, choices)]
    for op, choices in opened:
        test = raw_cond[op].get("Fn::If", [None])[0]
        groups.setdefault(test if isinstance(test, str) else (op,), []).append((op, choices))
    picks = [{}]
    for members in groups.values():
        width = min(len(choices) for _, choices in members)
        picks = [{**pick, **{op: choices[k] for op, choices in members}}
                 for pick in picks for k in range(width)]
        if len(picks) > MAX_VARIANTS:
            return [(raw_st, st)]
    src = origins.table.get(id(st), {}).get("Condition", at + ("Condition",))
    out = []
    for pick in picks:
        raw_c, c = dict(raw_cond), _placed_copy(cond, origins)
        for op, (raw_alt, rel) in pick.items():
            where = src + (op,) + rel
            block = resolve_tree(raw_alt, scope, origins, where, True)
            if block is NO_VALUE:  # that stack's statement has no such operator
                raw_c.pop(op, None)
                c.pop(op, None)
                continue
            raw_c[op], c[op] = raw_alt, block
            origins.set(c, op, where)
        copy = _placed_copy(st, origins)
        copy["Condition"] = c
        out.append(({**raw_st, "Condition": raw_c}, copy))
    return out


def _json_policy(text):
    """A policy document written as a JSON string (CloudFormation accepts both),
    or as `!Sub` of one (its unresolved parts become `Template` values)."""
    if isinstance(text, Template):
        parsed = json_with_holes([("lit", p, [0] * len(p)) if isinstance(p, str)
                                  else ("hole", p, 0) for p in text.parts])
        value = parsed[0] if parsed else None
    else:
        try:
            value = json_value(text)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


_BLOCK_HEAD = re.compile(r"(?:!Sub[ \t]+)?([|>])[-+]?[ \t]*(?:#[^\n]*)?\r?\n")


def _block_offsets(text: str, start: int, content: str):
    """File offsets of the characters of `content`, written in `text` as a
    block scalar (`|`, `>`, with `-`/`+`, after `!Sub` or not) whose value
    starts at offset `start`; None when it is written another way (quotes
    move characters)."""
    m = _BLOCK_HEAD.match(text, start)
    if not m:
        return None
    lines = content.split("\n")
    rest = text[m.end():].split("\n")
    indent = next((len(x) - len(x.lstrip(" ")) for x in rest if x.strip()), None)
    if indent is None:
        return None
    if m.group(1) == ">":
        return _folded_offsets(rest, m.end(), indent, content)
    offs, at = [], m.end()
    for k, line in enumerate(lines):
        if k == len(lines) - 1 and not line:
            break
        if k >= len(rest):
            return None
        row = rest[k].rstrip("\r")
        if line:
            if row[indent:] != line:
                return None
            offs.extend(range(at + indent, at + indent + len(line)))
        elif row.strip():
            return None
        if k < len(lines) - 1:
            offs.append(at + len(rest[k]))  # the line break
        at += len(rest[k]) + 1
    return offs if len(offs) == len(content) else None


def _folded_offsets(rows, at: int, indent: int, content: str):
    """`_block_offsets` of a folded scalar (`>`): each row's text is in the
    content as written; a line break became a space, stayed a line break, or
    (before an empty row) was dropped; each character is given the offset it
    was read from (a break: the end of its row)."""
    offs, i = [], 0
    for row in rows:
        body = row.rstrip("\r")
        if body.strip():
            if len(body) - len(body.lstrip(" ")) < indent:
                break  # the scalar has ended
            piece = body[indent:]
            if content[i:i + len(piece)] != piece:
                return None
            offs.extend(range(at + indent, at + indent + len(piece)))
            i += len(piece)
        if i < len(content) and content[i] in (" ", "\n") and (body.strip() or content[i] == "\n"):
            offs.append(at + len(body))
            i += 1
        if i >= len(content):
            break
        at += len(row) + 1
    return offs if len(offs) == len(content) else None


def block_json_locator(data, where, policy, text, locate, scope):
    """locate() inside a policy written as a JSON `|` block (or `!Sub` of one)
    at `where`, so its findings point at their own lines; None otherwise."""
    path, local, sub = tuple(where), {}, False
    raw = value_at(data, path)
    if isinstance(raw, dict) and len(raw) == 1 and "Fn::Sub" in raw:
        raw, path, sub = raw["Fn::Sub"], path + ("Fn::Sub",), True
        if isinstance(raw, list) and raw:
            if len(raw) > 1 and isinstance(raw[1], dict):
                local = {k: resolve(v, scope) for k, v in raw[1].items()}
            raw, path = raw[0], path + (0,)
    if not isinstance(raw, str) or not isinstance(text, str):
        return None
    span = locate(path)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if not 1 <= span.line <= len(starts):
        return None
    offs = _block_offsets(text, starts[span.line - 1] + span.column - 1, raw)
    if offs is None:
        return None
    segs, pos = [], 0
    for m in (_SUB_VAR.finditer(raw) if sub else ()):
        segs.append(("lit", raw[pos:m.start()], offs[pos:m.start()]))
        v = _sub_var(m.group(1), local, scope)
        if m.group(1).startswith("!"):
            segs.append(("lit", v, [offs[m.start()]] * len(v)))
        else:
            ok = isinstance(v, (str, int, float, Template)) and not isinstance(v, bool)
            segs.append(("hole", v if ok else Unknown(m.group(1)), offs[m.start()]))
        pos = m.end()
    segs.append(("lit", raw[pos:], offs[pos:]))
    parsed = json_with_holes(segs)
    if parsed is None or parsed[0] != policy:
        return None
    jtext, joffs = parsed[1], parsed[2]
    index = LineIndex(text)

    def base(off):
        return index.line_col(joffs[off] if off < len(joffs) else joffs[-1] + 1)
    return JsonLocator(jtext, base=base).locate


def _role_refs(raw, resolved, resources) -> list:
    """Roles a policy names: logical ids for `!Ref Role` of this template, else names."""
    raw = raw if isinstance(raw, list) else []
    resolved = resolved if isinstance(resolved, list) else []
    out = []
    for i, r in enumerate(resolved):
        src = raw[i] if i < len(raw) else None
        if isinstance(src, dict) and isinstance(src.get("Ref"), str) and src["Ref"] in resources:
            out.append(src["Ref"])
        elif isinstance(r, Template) and len(r.parts) == 1 and isinstance(r.parts[0], Unknown):
            out.append(r.parts[0].name)
        elif r is not None and not isinstance(r, (dict, list)):  # a mapping names no role
            out.append(r)
    return out


def _role_managed_arns(resources):
    """(role logical id, entry, the template policy it `!Ref`s or None) for each
    ManagedPolicyArns entry of the template's roles."""
    for role_id, res in resources.items():
        if not isinstance(res, dict) or res.get("Type") != "AWS::IAM::Role":
            continue
        props = res.get("Properties")
        arns = props.get("ManagedPolicyArns") if isinstance(props, dict) else None
        for a in arns if isinstance(arns, list) else []:
            yield role_id, a, _local_managed_policy(a, resources)


def _local_managed_policy(entry, resources):
    """The template policy a ManagedPolicyArns entry names, or None: `!Ref Policy`,
    or `!GetAtt Policy.PolicyArn` (an AWS::IAM::ManagedPolicy's ARN as well)."""
    if not (isinstance(entry, dict) and len(entry) == 1):
        return None
    ref = entry.get("Ref")
    if isinstance(ref, str):
        return ref if ref in resources else None
    att = entry.get("Fn::GetAtt")
    att = att.split(".", 1) if isinstance(att, str) else att
    if isinstance(att, list) and len(att) == 2 and att[1] == "PolicyArn" \
            and isinstance(att[0], str) and isinstance(resources.get(att[0]), dict) \
            and resources[att[0]].get("Type") == "AWS::IAM::ManagedPolicy":
        return att[0]
    return None


def _unread_managed_policies(resources, scope) -> dict:
    """role logical id -> the managed policies in its ManagedPolicyArns that are
    not policies of this template (AWS managed, imported, from a parameter): the
    role's permissions include statements that are not read."""
    out: dict = {}
    for role_id, a, local in _role_managed_arns(resources):
        if local is None:
            value = resolve_tree(a, scope)
            out.setdefault(role_id, []).append(str(value) if value is not None else "?")
    return out


def _permissions_boundaries(resources, scope) -> tuple:
    """({policy logical id: the roles whose PermissionsBoundary it is},
    {role logical id: its boundary's ARN, when it is not a policy of the template})."""
    bounds: dict = {}
    arns: dict = {}
    for role_id, res in resources.items():
        if not isinstance(res, dict) or res.get("Type") != "AWS::IAM::Role":
            continue
        props = res.get("Properties")
        entry = props.get("PermissionsBoundary") if isinstance(props, dict) else None
        if entry is None:
            continue
        local = _local_managed_policy(entry, resources)
        if local is not None:
            bounds.setdefault(local, []).append(role_id)
        else:
            value = resolve_tree(entry, scope)
            arns[role_id] = str(value) if value is not None else "?"
    return bounds, arns


def _managed_policy_links(resources) -> dict:
    """policy logical id -> roles whose ManagedPolicyArns `!Ref` it."""
    out: dict = {}
    for role_id, _, local in _role_managed_arns(resources):
        if local is not None:
            out.setdefault(local, []).append(role_id)
    return out
