"""CloudFormation templates: resources as documents of the common model.

Short-form tags were already turned into their long forms by the loader
(`!Sub x` is `{"Fn::Sub": x}`). Here each resource we understand becomes a
`Document` whose data is the API shape (ECS properties camelCased, the OIDC
provider's `ClientIdList` as `ClientIDList`), with intrinsic functions resolved
where parameters have defaults and left as `Template`/`Unknown` elsewhere.
Positions go back to the template's own lines through the view's origins.
"""
from __future__ import annotations

import re
from typing import List

from .model import Document
from .values import Template, Unknown, make_template
from .views import Origins, camelize, view_locator

PSEUDO = {"AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}


def is_template(data) -> bool:
    if not isinstance(data, dict):
        return False
    res = data.get("Resources")
    if not isinstance(res, dict):
        return False
    return any(isinstance(r, dict) and isinstance(r.get("Type"), str)
               and r["Type"].startswith(("AWS::", "Custom::")) for r in res.values())


def parameters(data) -> dict:
    out = {}
    params = data.get("Parameters")
    if isinstance(params, dict):
        for name, spec in params.items():
            if isinstance(spec, dict) and "Default" in spec:
                d = spec["Default"]
                if isinstance(d, (str, int, float)) and not isinstance(d, bool):
                    out[name] = str(d)
    return out


_SUB_VAR = re.compile(r"\$\{([^}]*)\}")


def resolve(value, params, resources=()):
    """Resolve intrinsics in a scalar position: str, Template, or the value."""
    if not (isinstance(value, dict) and len(value) == 1):
        return value
    (fn, arg), = value.items()
    if fn == "Ref":
        if isinstance(arg, str):
            if arg in params:
                return params[arg]
            if arg in PSEUDO:
                return PSEUDO[arg]
            return Template((Unknown(arg),))
        return Template((Unknown("Ref"),))
    if fn == "Fn::Sub":
        text, local = arg, {}
        if isinstance(arg, list) and arg:
            text = arg[0]
            if len(arg) > 1 and isinstance(arg[1], dict):
                local = {k: resolve(v, params, resources) for k, v in arg[1].items()}
        if not isinstance(text, str):
            return Template((Unknown("Fn::Sub"),))
        parts, pos = [], 0
        for m in _SUB_VAR.finditer(text):
            parts.append(text[pos:m.start()])
            name = m.group(1)
            if name.startswith("!"):  # ${!Literal}
                parts.append("${" + name[1:] + "}")
            elif name in local:
                v = local[name]
                parts.extend(v.parts if isinstance(v, Template) else [str(v)])
            elif name in params:
                parts.append(params[name])
            elif name in PSEUDO:
                parts.append(PSEUDO[name])
            else:
                parts.append(Unknown(name))
            pos = m.end()
        parts.append(text[pos:])
        return make_template(parts)
    if fn == "Fn::Join":
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str) \
                and isinstance(arg[1], list):
            parts = []
            for i, item in enumerate(arg[1]):
                if i:
                    parts.append(arg[0])
                v = resolve(item, params, resources)
                if isinstance(v, Template):
                    parts.extend(v.parts)
                elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
                    parts.append(str(v))
                else:
                    parts.append(Unknown("Fn::Join"))
            return make_template(parts)
        return Template((Unknown("Fn::Join"),))
    if fn == "Fn::GetAtt":
        name = ".".join(arg) if isinstance(arg, list) else str(arg)
        return Template((Unknown(name),))
    if fn.startswith("Fn::") or fn == "Condition":
        return Template((Unknown(fn),))
    return value


def resolve_tree(value, params):
    """A copy of `value` with every intrinsic in it resolved (same shape/paths)."""
    if isinstance(value, dict):
        if len(value) == 1:
            (k,) = value
            if k == "Ref" or k.startswith("Fn::"):
                return resolve(value, params)
        return {k: resolve_tree(v, params) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_tree(v, params) for v in value]
    return value


# resource type -> (document kind, camelCase the properties?)
_ECS_LIKE = {
    "AWS::ECS::TaskDefinition": "task-definition",
    "AWS::ECS::Service": "service",
    "AWS::CodeDeploy::DeploymentGroup": "codedeploy-deployment-group",
    "AWS::CodeDeploy::DeploymentConfig": "codedeploy-deployment-config",
    "AWS::ECR::Repository": "ecr-repository",
}


def extract(file: str, data, locate, text) -> List[Document]:
    params = parameters(data)
    docs: List[Document] = []
    resources = data.get("Resources") or {}
    template_ctx = {"format": "cloudformation", "parameters": params,
                    "resources": {k: v.get("Type") for k, v in resources.items()
                                  if isinstance(v, dict)}}

    def add(kind, value, prefix, name, origins=None, **ctx):
        docs.append(Document(kind, value, file, view_locator(locate, value, prefix, origins),
                             name=name, context={"template": template_ctx, **ctx}, text=text))

    for logical_id, res in resources.items():
        if not isinstance(res, dict):
            continue
        rtype = res.get("Type")
        props = res.get("Properties")
        if not isinstance(props, dict) or not isinstance(rtype, str):
            continue
        base = ("Resources", logical_id, "Properties")
        props = resolve_tree(props, params)
        if rtype == "AWS::IAM::Role":
            role_name = props.get("RoleName")
            ctx = {"resource": logical_id, "role_name": role_name,
                   "role_ref": logical_id}
            trust = props.get("AssumeRolePolicyDocument")
            if isinstance(trust, dict):
                add("trust-policy", trust, base + ("AssumeRolePolicyDocument",),
                    logical_id, **ctx)
            for i, pol in enumerate(props.get("Policies") or []):
                if isinstance(pol, dict) and isinstance(pol.get("PolicyDocument"), dict):
                    add("permissions-policy", pol["PolicyDocument"],
                        base + ("Policies", i, "PolicyDocument"),
                        f"{logical_id}.{pol.get('PolicyName', i)}", **ctx)
        elif rtype in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
            doc = props.get("PolicyDocument")
            if isinstance(doc, dict):
                roles = [r.parts[0].name if isinstance(r, Template) and len(r.parts) == 1
                         and isinstance(r.parts[0], Unknown) else r
                         for r in (props.get("Roles") or []) if r is not None]
                add("permissions-policy", doc, base + ("PolicyDocument",), logical_id,
                    resource=logical_id, roles=roles)
        elif rtype == "AWS::IAM::OIDCProvider":
            origins = Origins()
            view = {}
            for src, dst in (("Url", "Url"), ("ClientIdList", "ClientIDList"),
                             ("ThumbprintList", "ThumbprintList")):
                if src in props:
                    view[dst] = props[src]
                    origins.set(view, dst, base + (src,))
            add("oidc-provider", view, ("Resources", logical_id), logical_id, origins,
                resource=logical_id, format="create")
        elif rtype in _ECS_LIKE:
            origins = Origins()
            view = camelize(props, base, origins)
            add(_ECS_LIKE[rtype], view, base, logical_id, origins, resource=logical_id)
    return docs
