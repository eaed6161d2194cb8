"""Trust policies of roles that GitHub Actions assumes through OIDC.

Document model: an IAM policy (`Version`, `Statement`), standalone or from a
template. The sub-pattern analysis lives in `lint/subjects.py`; this module
turns its answers into findings: one per offending statement for the broadest
class of `sub` it admits, then the checks on audience, operators, keys,
actions and principals.
"""
from __future__ import annotations

import os
from typing import Optional

from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Problem
from ecs_lint.registry import check, rule
from ecs_lint.values import Template, display

sj = lazy_import("ecs_lint.subjects", globals(), "sj")

_PIN_HELP = ("pin the sub to the repository and the contexts that deploy, e.g. "
             "`{example_ref}` or `{example_env}` (StringEquals, or a list of them)")

SUB_MISSING = rule(
    "trust-sub-missing", "error",
    "A statement trusts GitHub's OIDC provider with no condition on `sub`.",
    docs="""
    ## What it does
    Finds statements that let GitHub's OIDC provider assume the role with no
    condition on `token.actions.githubusercontent.com:sub`.

    ## Why is this bad?
    Every GitHub Actions job of every repository on GitHub can request a token
    from the same provider. Without a `sub` condition, any of them can assume the
    role (an `aud` condition does not help: the workflow chooses its audience).

    ## Example
    ```json
    {"Effect": "Allow",
     "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
     "Action": "sts:AssumeRoleWithWebIdentity",
     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}
    ```

    Use instead:
    ```json
    "Condition": {"StringEquals": {
      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
      "token.actions.githubusercontent.com:sub": "repo:myorg/blog-api:environment:production"}}
    ```
    A statement no GitHub token can satisfy (see `trust-condition-key-unknown`,
    and `trust-principal-not-github` for keys of another issuer than the
    trusted provider's) admits nothing and is not reported here.
    """)

SUB_ANY_OWNER = rule(
    "trust-sub-any-owner", "error",
    "The admitted subs include repositories of another owner.",
    docs="""
    ## What it does
    Decides exactly (the patterns are regular languages) whether a statement's
    `sub` conditions admit a subject of an owner other than the known ones: the
    `github.owners` and `github.repository` of the config, else the owners the
    patterns name literally. The message gives a witness: a `sub` the statement
    admits, e.g. `repo:myorg*` admits `repo:myorg-evil/app:pull_request`.
    Immutable subjects (`repo:OWNER@ID/REPO@ID:...`) are understood too: with
    the config's `github.owner-id` (and `repository-id`), a subject carrying
    that id is that owner (and repository) under any name, since GitHub's ids
    never change nor get reused (`repo:*@ID/app@RID:environment:production`
    only follows renames); and the owner's name with another id is another
    owner, one who took the name over after a rename (`repo:myorg@*/app@*:...`
    admits them when `owner-id` is known).

    ## Why is this bad?
    Anyone can create an owner whose name extends yours, or use `repo:*`: their
    workflows can then assume the role and deploy to your account.

    ## Example
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg*"}
    ```

    Use instead:
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/blog-api:ref:refs/heads/main"}
    ```
    Unresolved template parameters are assumed to hold one name (the finding
    then shows them as `${Name}`).
    """)

SUB_ANY_REPO = rule(
    "trust-sub-any-repo", "warning",
    "The admitted subs include every repository of the owner.",
    docs="""
    ## What it does
    Finds statements whose `sub` conditions admit a repository of a known owner
    that no pattern names literally (`repo:myorg/*`, `repo:myorg/blog-*`). A
    `repository_id` condition that lists ids names repositories too: only
    those get in, under any name and in either subject format (the legacy
    sub does not carry the id, but the token does). So does a Deny whose only
    condition is `StringNotEquals` on `repository_id` with a list of ids.

    ## Why is this bad?
    Every repository of the organisation, including forks of experiments and
    repositories with weak branch protection, can assume a deploy role.

    ## Example
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/*"}
    ```

    Use instead:
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/blog-api:environment:production"}
    ```
    """)

SUB_ANY_CONTEXT = rule(
    "trust-sub-any-context", "warning",
    "The admitted subs include every branch, tag, environment and pull request of a repository.",
    docs="""
    ## What it does
    Finds statements that admit, for one repository, pull requests and a
    branch, a tag and an environment that no pattern names (`repo:myorg/app:*`).
    `repo:myorg/app:ref:*` (every branch and tag) is a narrower class: it is
    shown in messages and by `xref-sub-broader-than-used`, not here.

    ## Why is this bad?
    Any branch, pull request or tag of the repository gets the role, so branch
    protection and environment reviews no longer guard the deploy.

    ## Example
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/blog-api:*"}
    ```

    Use instead:
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/blog-api:environment:production"}
    ```
    """)

SUB_PULL_REQUEST = rule(
    "trust-sub-pull-request", "warning",
    "The admitted subs include the `pull_request` context.",
    docs="""
    ## What it does
    Finds statements that admit `repo:OWNER/REPO:pull_request`, written out or
    through a wildcard.

    ## Why is this bad?
    Pull-request runs execute code that has not been reviewed (from any
    contributor's branch). A role they can assume is as exposed as that code.

    ## Example
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": ["repo:myorg/app:ref:refs/heads/main", "repo:myorg/app:pull_request"]}
    ```

    Use instead:
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}
    ```
    Give pull requests a separate role with read-only permissions if they need AWS.
    """)

WILDCARD_IN_EQUALS = rule(
    "trust-sub-wildcard-in-equals", "error",
    "A `*` or `?` inside a `StringEquals` value, where it is compared literally.",
    docs="""
    ## What it does
    Finds `*` or `?` in `StringEquals` values of GitHub's condition keys.

    ## Why is this bad?
    `StringEquals` has no wildcards: `repo:myorg/app:environment:*` matches only
    a sub ending in a literal `*`, which GitHub never sends. The deploy fails
    with "Not authorized to perform sts:AssumeRoleWithWebIdentity".

    ## Example
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:environment:*"}
    ```

    Use instead:
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:environment:production"}
    ```
    """)

AUD_MISSING = rule(
    "trust-aud-missing", "warning",
    "No condition on the token's audience (`aud`).",
    docs="""
    ## What it does
    Finds statements trusting GitHub's provider without a condition on
    `token.actions.githubusercontent.com:aud`. A misspelled aud key (its host or
    its claim name) is reported once, by `trust-condition-key-unknown`, whose fix
    makes it the aud condition. A statement no GitHub token can satisfy (another
    provider's keys, see `trust-principal-not-github`) is not reported.

    ## Why is this bad?
    AWS recommends pinning the audience to `sts.amazonaws.com`, so tokens minted
    for other services cannot be replayed against STS.

    ## Example
    ```json
    "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}}
    ```

    Use instead:
    ```json
    "Condition": {
      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}}
    ```
    """)

AUD_UNEXPECTED = rule(
    "trust-aud-unexpected", "error",
    "The `aud` condition does not admit `sts.amazonaws.com` (or the audience in use).",
    docs="""
    ## What it does
    Checks that the `aud` conditions admit the audience the workflows ask for:
    the `audience` input of `configure-aws-credentials` in the jobs that assume
    the role, when they are linted with it; otherwise `sts.amazonaws.com` (the
    input's default) or `github.audience` from the config.

    ## Why is this bad?
    The old `https://github.com/OWNER` audience is no longer sent: every deploy
    fails with "Not authorized to perform sts:AssumeRoleWithWebIdentity".

    ## Example
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:aud": "https://github.com/myorg"}
    ```

    Use instead:
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    ```
    """)

UNSAFE_OPERATOR = rule(
    "trust-condition-unsafe-operator", "error",
    "A GitHub claim guarded only by an operator that passes when the key is missing, or negates.",
    docs="""
    ## What it does
    Finds GitHub claims whose only conditions use `...IfExists`,
    `ForAllValues:...` (true when the key is missing) or `StringNot...` (says
    only what is refused).

    ## Why is this bad?
    `environment` is absent from jobs without one, so `StringLikeIfExists` on it
    lets every such job through. `StringNotLike` on `sub` admits every other
    repository on GitHub. `IfExists` on `sub` only holds because GitHub always
    sends the claim: the policy reads as a guard that is not one.

    ## Example
    ```json
    "StringNotLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:pull_request"}
    ```

    Use instead:
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}
    ```
    """)

KEY_UNKNOWN = rule(
    "trust-condition-key-unknown", "error",
    "A condition key on GitHub's provider that IAM does not evaluate, or a misspelled host.",
    docs="""
    ## What it does
    Finds condition keys that look like GitHub's provider but are not in the
    request: claims IAM does not evaluate (it evaluates `aud`, `sub`, `amr`,
    and since early 2026 `actor`, `actor_id`, `job_workflow_ref`, `repository`,
    `repository_id`, `workflow`, `ref`, `environment`, `enterprise_id`), a
    misspelled claim (`audience`, or `aud ` with a space: IAM does not trim a
    key), or a misspelled provider host.

    ## Why is this bad?
    A key that is never in the request makes `StringEquals`/`StringLike` false:
    no workflow can assume the role (401). With `...IfExists` or a negated
    operator it silently drops the restriction instead; in a Deny statement
    such a test always passes, so the Deny refuses every token (401 again).

    ## Example
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:repository_owner": "myorg"}
    ```

    Use instead:
    ```json
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}
    ```
    """)

ACTION_MISMATCH = rule(
    "trust-action-mismatch", "error",
    "GitHub's provider is trusted with an action other than `sts:AssumeRoleWithWebIdentity`.",
    docs="""
    ## What it does
    Checks the `Action` of statements whose principal is GitHub's OIDC provider
    (an enterprise's issuer path, a GHE.com host, or a GitHub Enterprise
    Server's `HOST/_services/token`): it must be `sts:AssumeRoleWithWebIdentity`
    (with `sts:TagSession` if needed), not `sts:AssumeRole`, `sts:*` or `*`.

    ## Why is this bad?
    With `sts:AssumeRole` the web identity call is not allowed and the deploy
    fails; wildcards allow more than the federation needs.

    ## Example
    ```json
    {"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
     "Action": "sts:AssumeRole"}
    ```

    Use instead:
    ```json
    {"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
     "Action": "sts:AssumeRoleWithWebIdentity"}
    ```
    """)

PRINCIPAL_NOT_GITHUB = rule(
    "trust-principal-not-github", "warning",
    "A web-identity statement whose provider is not GitHub's while its keys are (or the reverse).",
    docs="""
    ## What it does
    Finds `sts:AssumeRoleWithWebIdentity` statements whose `Federated` principal
    names another provider (or a misspelled host) while the condition keys are
    `token.actions.githubusercontent.com:...`, and statements trusting GitHub's
    provider whose keys belong to another provider. An enterprise's own issuer
    (`token.actions.githubusercontent.com/SLUG`) has keys of its own
    (`token.actions.githubusercontent.com/SLUG:sub`): a statement trusting one
    issuer while its keys name the other is reported too; such keys are never
    in the request, so the sub rules and the cross-file sub checks read a
    positive condition on them as admitting nothing. A principal that is not
    an ARN (a placeholder such as `OIDC_PROVIDER_ARN` that a deploy script
    fills in) is not judged. GitHub's provider ARN written as an `AWS`
    principal is reported too: IAM accepts a provider only under `Federated`.
    In a `Federated` list beside GitHub's provider, another provider is
    reported when the statement's keys are GitHub's: alone, it admits nothing;
    with its own keys in the same statement, no token carries both, so
    neither provider's tokens pass.

    ## Why is this bad?
    The keys of one provider are never in the requests of another: either the
    role cannot be assumed by the workflows it was written for, or the conditions
    restrict nothing.

    ## Example
    ```json
    {"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/gitlab.com"},
     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}}}
    ```

    Use instead:
    ```json
    {"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}}}
    ```
    """)

NO_ENVIRONMENT_GATE = rule(
    "trust-no-environment-gate", "info",
    "A production role is not pinned to `environment:NAME` subs.",
    docs="""
    ## What it does
    For a role marked as production (its name contains `prod`/`production`, or
    the config says `roles: {ARN: {production: true}}` or lists it under
    `production-roles`), checks that GitHub statements admit only
    `repo:OWNER/REPO:environment:NAME` subs. Standalone files use their file
    and folder names as the role name.

    ## Why is this bad?
    An environment can require reviewers and restrict branches; a branch-based
    sub bypasses both.

    ## Example
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/main"}
    ```

    Use instead:
    ```json
    "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:environment:production"}
    ```
    """)

SUB_RULES = {
    "missing": SUB_MISSING.id,
    "any-owner": SUB_ANY_OWNER.id,
    "any-repo": SUB_ANY_REPO.id,
    "any-context": SUB_ANY_CONTEXT.id,
    "pull-request": SUB_PULL_REQUEST.id,
}
MAX_STATEMENTS = 100  # a trust policy is at most 4096 characters: far fewer in practice
CLASS_TEXT = {
    "missing": "any repository on GitHub (no sub condition)",
    "any-owner": "repositories of another owner",
    "any-repo": "every repository of the owner",
    "any-context": "every branch, tag, environment and pull request of a repository",
    "pull-request": "pull requests",
    "any-branch": "any branch",
    "any-tag": "any tag",
    "any-environment": "any environment",
}
# the same classes when the statement admits some names it does not write, not every one
SOME_TEXT = {
    "any-repo": "repositories of the owner that it does not name",
    "any-branch": "branches it does not name",
    "any-tag": "tags it does not name",
    "any-environment": "environments it does not name",
}


def _class_text(cls, result) -> str:
    if cls in SOME_TEXT and not result.every_name(cls):
        return SOME_TEXT[cls]
    return CLASS_TEXT[cls]


def _policy(doc):
    return doc.data if isinstance(doc.data, dict) else {}


def _sub_location(stmt: sj.GithubStatement):
    positive = [e for e in stmt.entries if sj.is_github_prefix(e.provider)
                and e.claim == "sub" and not e.op.negated]
    subs = positive or [e for e in stmt.entries if sj.is_github_prefix(e.provider)
                        and e.claim == "sub"]
    if subs:
        return subs[0].path, subs[0]
    if isinstance(stmt.statement.get("Condition"), dict):
        return stmt.path + ("Condition",), None
    return stmt.path, None


def _raw_value(stmt, path):
    node = stmt.statement
    for p in path[len(stmt.path):]:
        node = node.get(p) if isinstance(node, dict) else None
    return node


def _example(names: sj.Names, ctx):
    repo = ctx.config.github.get("repository")
    if not (isinstance(repo, str) and "/" in repo):
        owners = sorted(names.owners)
        mine = {o.lower() for o in owners}  # never advise pinning another owner's repository
        full = sorted(f"{o}/{r}" for o, r in names.repos if "\x00" not in o + r
                      and (not mine or o.lower() in mine))
        repo = full[0] if full else f"{owners[0] if owners else 'OWNER'}/REPO"
    github = ctx.config.github
    if str(github.get("subject", "")).strip().lower() == "immutable":  # the form GitHub sends
        owner, name = repo.split("/", 1)
        oid, rid = (str(github.get(k, "")).strip() for k in ("owner-id", "repository-id"))
        repo = (f"{owner}@{oid if oid.isdigit() else 'OWNER_ID'}/"
                f"{name}@{rid if rid.isdigit() else 'REPO_ID'}")
    return {"example_ref": f"repo:{repo}:ref:refs/heads/main",
            "example_env": f"repo:{repo}:environment:production"}


def _shown_values(entry):
    if entry is None:
        return ""
    vals = [display(v) for v in entry.values]
    return ", ".join(f"`{v}`" for v in vals) if vals else "`[]`"


@check(kinds=("trust-policy",), rules=tuple(SUB_RULES.values()) + (NO_ENVIRONMENT_GATE.id,))
def trust_subjects(doc, ctx):
    policy = _policy(doc)
    # a trust of GitHub Enterprise Server alone: its tokens carry GitHub's claims
    stmts = sj.github_statements(policy, include_deny=True,
                                 issuer=sj.enterprise_server_only(policy))
    allow = [s for s in stmts if s.effect.lower() != "deny"]
    deny = sj.denied(stmts)
    minus = sj.Union(deny) if deny else None
    # what a Deny names is known too: `repo:*` less all but `repo:myorg/*` is every
    # repository of myorg, not of another owner
    refusing = sj.refusing(stmts)
    pinned = sj.denies_other_repositories(stmts)
    names = sj.collect_names(allow + refusing, ctx.config.github)
    refused_names = sj.collect_names(refusing, None) if refusing else None
    example = _example(names, ctx)
    if len(allow) > MAX_STATEMENTS:
        ctx.note(f"{doc.file}: {len(allow)} statements trust GitHub (IAM allows a few KB of "
                 f"trust policy); the sub analysis reads the first {MAX_STATEMENTS}")
        allow = allow[:MAX_STATEMENTS]
    production = _is_production(doc, ctx) if ctx.is_enabled(NO_ENVIRONMENT_GATE.id) else False
    for stmt in allow:
        if not stmt.admits:
            ctx.note(f"{doc.file}: statement {stmt.index} admits no GitHub token "
                     f"({stmt.why_not}); sub rules skip it")
            continue
        if stmt.opaque:
            ctx.note(f"{doc.file}: statement {stmt.index} tests sub with an operator "
                     "ecs-lint does not model, or its conditions are only known when the "
                     "template is deployed; sub rules skip it")
            continue
        known = sj.collect_names(names, ctx.config.github, stmt)
        if refused_names is not None:
            known = sj.merge_names(known, refused_names)
        try:
            result = sj.analyse(stmt, known, minus, pinned)
        except sj.TooComplex as e:
            ctx.note(f"{doc.file}: statement {stmt.index}: its sub patterns are too complex to "
                     f"analyse exactly ({e}); sub rules skip it")
            continue
        path, entry = _sub_location(stmt)
        if result.unknown_shape:
            ctx.note(f"{doc.file}: statement {stmt.index}: sub patterns {_shown_values(entry)} "
                     "are not of the standard repo:OWNER/REPO:CONTEXT shape (a value not "
                     "worked out, or a customised subject template?): their reach is unknown")
        cls = result.broadest
        if cls is not None:
            index = result.value_index(cls, entry)
            if index is not None and isinstance(_raw_value(stmt, path), list):
                path = path + (index,)
            yield Problem(SUB_RULES[cls], path, _sub_message(cls, result, entry, stmt, index),
                          help=_PIN_HELP.format(**{k: sj.show(v, stmt.holes)
                                                   for k, v in example.items()}),
                          extra={"witness": result.witnesses[cls],
                                 "classes": dict(result.witnesses)})
        if production:
            try:
                w = sj.witness(sj.Inter([stmt.sub if minus is None else
                                         sj.Inter([stmt.sub, sj.Not(minus)]),
                                         sj.STANDARD, sj.Not(sj.ENVIRONMENT)]))
            except sj.TooComplex:
                w = None
            if w is not None:
                yield Problem(NO_ENVIRONMENT_GATE.id, path,
                              f"production role: statement admits `{sj.show(w, stmt.holes)}`, "
                              "not only environment subs, so no environment review guards "
                              "the deploy",
                              help="trust only `repo:OWNER/REPO:environment:production` and "
                                   "protect that environment with required reviewers")


def _host_of(entries) -> str:
    """The GitHub provider a statement's keys name (a GHE.com tenant's host,
    an enterprise's issuer path), else github.com's: the prefix of the keys
    IAM puts in its requests."""
    return next((e.provider for e in entries if e.provider and sj.is_github_prefix(e.provider)),
                sj.GITHUB_HOST)


def _sub_message(cls, result, entry, stmt, index=None):
    w = result.witnesses[cls]
    host = _host_of(stmt.entries)
    shown_values = (f"`{display(entry.values[index])}`" if index is not None
                    else _shown_values(entry))
    what = (f"sub {shown_values}" if stmt.sub_paths else
            f"with no condition that restricts {host}:sub, the statement")
    if cls == "missing":  # (a `Null` test of the key restricts nothing: GitHub sends it)
        head = (f"no condition restricts {host}:sub: any repository on GitHub can "
                f"assume this role, e.g. a job whose sub is `{w}`")
    elif cls == "any-context":
        head = (f"{what} admits {CLASS_TEXT[cls]}: "
                + ", ".join(f"`{x}`" for x in result.context_witnesses))
    elif cls == "any-owner" and entry is not None and w in map(display, entry.values):
        head = f"{what} admits `{w}`, a repository of another owner"  # written out whole
    else:
        head = f"{what} admits {_class_text(cls, result)}, e.g. `{w}`"
    shown = {"missing": ("any-owner",),
             "any-context": ("pull-request", "any-branch", "any-tag", "any-environment")}
    others = [f"{_class_text(c, result)} (`{result.witnesses[c]}`)"
              for c in ("any-owner", "any-repo", "pull-request", "any-branch", "any-tag",
                        "any-environment")
              if c in result.witnesses and c != cls and c not in shown.get(cls, ())]
    if others:
        head += "; it also admits " + ", ".join(others)
    if stmt.holes:
        head += (" (unresolved " + ", ".join("${" + n + "}" for n in stmt.holes)
                 + " taken as one fixed value)")
    return head


_WORD = lazy_re(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _is_production_name(name: str) -> bool:
    return any(w.lower() in ("prod", "production", "prd") for w in _WORD.findall(name or ""))


def _is_production(doc, ctx) -> bool:
    role_name = doc.context.get("role_name")
    role_name = str(role_name) if isinstance(role_name, (str, Template)) else ""
    cfg = ctx.config
    listed = cfg.raw.get("production-roles") if isinstance(cfg.raw, dict) else None
    for entry in listed or []:
        if isinstance(entry, str) and role_name and (
                entry == role_name or entry.rsplit("/", 1)[-1] == role_name):
            return True
    linked = []  # config roles whose trust file is this file, or of this role's name
    if cfg.roles:
        linked = [key for key, part in cfg.roles_of_file(doc.file)
                  if part == "trust"]
        if role_name:
            linked += cfg.role_keys_by_name().get(role_name, [])
    for arn in dict.fromkeys(linked):
        spec = cfg.roles.get(arn)
        if isinstance(spec, dict):
            if "production" in spec:
                return bool(spec["production"])
            if isinstance(listed, list) and arn in listed:
                return True
            if _is_production_name(str(arn).rsplit("/", 1)[-1]):
                return True
    if role_name:
        return _is_production_name(role_name)
    parts = os.path.normpath(doc.file).replace(os.sep, "/").split("/")[-2:]
    return any(_is_production_name(os.path.splitext(p)[0]) for p in parts)


# ---------------------------------------------------------------------------
# conditions: audience, operators, keys, wildcards


@check(kinds=("trust-policy",), rules=(WILDCARD_IN_EQUALS.id, AUD_MISSING.id,
                                       UNSAFE_OPERATOR.id, KEY_UNKNOWN.id))
def trust_conditions(doc, ctx):
    policy = _policy(doc)
    audience = ctx.config.audience()
    issuer = sj.enterprise_server_only(policy)  # (its keys read as GitHub's)
    github = {s.index: s for s in sj.github_statements(policy, issuer=issuer)}
    for index, stmt, path in sj.statements(policy):
        entries = sj.condition_entries(stmt, path, issuer)
        effect = stmt.get("Effect")
        yield from _module_written(doc, _key_problems(
            entries, isinstance(effect, str) and effect.lower() == "deny",
            _own_providers(stmt)))
        yield from _wildcard_problems(entries, isinstance(effect, str)
                                      and effect.lower() == "deny")
        gs = github.get(index)
        if gs is None or not gs.admits:
            continue  # (a statement no GitHub token passes: see trust_subjects)
        aud = [e for e in entries if sj.is_github_prefix(e.provider) and e.claim == "aud"
               and e.op.base != "null"]  # `Null: false` only asks that aud be there
        if not aud and sj.conditions_known(stmt) and not _meant_aud(entries):
            where = path + ("Condition",) if isinstance(stmt.get("Condition"), dict) else path
            host = issuer or sj.GITHUB_HOST
            yield Problem(AUD_MISSING.id, where,
                          f"no condition on {host}:aud: a token minted for any "
                          "audience the provider lists is accepted (its legacy or custom "
                          "client ids, not only sts.amazonaws.com)",
                          help=f'add "StringEquals": {{"{host}:aud": "{audience}"}}')
        yield from _module_written(doc, _unsafe_problems(entries))


def _module_written(doc, problems):
    """Problems of the conditions a registry module writes into the trust
    policy it builds (terraform-aws-modules' GitHub OIDC role: `iss` and `aud`
    under ForAllValues): no input of the call changes them, so the fix is not
    an operator but a trust policy written without the module."""
    source = (doc.context or {}).get("module")
    for p in problems:
        if isinstance(source, str):
            p.message += f" (the module `{source}` writes this condition itself)"
            p.help = ("no input of the module changes its own conditions: write the role's "
                      "trust policy with `aws_iam_policy_document` (StringEquals on aud, "
                      "no iss)")
        yield p


@check(kinds=("trust-policy", "workflow"), rules=(AUD_UNEXPECTED.id,), cross_file=True)
def trust_audience(docs, ctx):
    """trust-aud-unexpected: a trust policy against the audience the jobs that
    assume its role ask for, else the configured audience or sts.amazonaws.com."""
    trusts = [d for d in docs if d.kind == "trust-policy"]
    if not trusts:
        return
    default = ctx.config.audience()
    by_trust = {}
    if any(d.kind == "workflow" for d in docs):  # else nothing to cross-check (no import)
        from ecs_lint.rules import xref

        by_trust, _ = xref.audiences(docs, ctx)
    for doc in trusts:
        wanted = by_trust.get(id(doc)) or {default: None}
        policy = _policy(doc)
        for _, _, _, _, entries in sj.github_assuming(
                policy, issuer=sj.enterprise_server_only(policy)):
            aud = [e for e in entries
                   if sj.is_github_prefix(e.provider) and e.claim == "aud"
                   and e.op.base != "null"]  # `Null: false` only asks that aud be there
            problem = next((_aud_problem(e, audience, origin) for audience, origin in wanted.items()
                            if audience is not None  # asked through an unresolved expression
                            for e in aud if not sj._entry_holds(e, {"aud": audience})), None)
            if problem is not None:
                problem.doc = doc
                yield problem


def _aud_problem(e, audience, origin):
    if origin is None:
        who, related = "the audience configure-aws-credentials asks for", []
    else:
        run, link = origin
        who = (f"the audience {run.label} in {run.doc.file}:{run.doc.span(link.path).line} "
               "asks for")
        related = [(run.doc, link.use.step.path + ("with", "audience"),
                    f"{run.label} asks for audience '{audience}' here")]
    return Problem(AUD_UNEXPECTED.id, e.path,
                   f"aud condition {e.op.name} {_shown_values(e)} does not admit "
                   f"'{audience}', {who}: every deploy is refused",
                   help=f"use \"{e.key}\": \"{audience}\"", related=related)


def _own_providers(stmt) -> set:
    """The providers the statement's federated principals name: IAM names a
    provider's condition keys after the same URL without its scheme, so their
    keys are in its requests (a name with a scheme names no provider)."""
    return {name for _, ppath in sj.principal_kinds(stmt)
            if (name := sj.provider_name(_at(stmt, ppath))) is not None
            and "://" not in name}


def _key_problems(entries, deny=False, own=frozenset()):
    for e in entries:
        if not e.provider or not sj.looks_like_github_prefix(e.provider):
            continue
        host_ok = sj.is_github_prefix(e.provider)
        if host_ok and e.claim in sj.EVALUATED_CLAIMS:
            continue
        if not host_ok and e.provider in own:
            continue  # the key of the provider the statement trusts, not a GitHub typo
        if not host_ok:
            what = (f"'{e.key}' names the host '{e.provider}', not {sj.GITHUB_HOST}")
            fix = f"write `{sj.GITHUB_HOST}:{_closest_claim(e.claim)}`"
        else:
            what = f"'{e.key}' is not a claim IAM evaluates for GitHub's provider"
            close = _meant_claim(e.claim)
            host = e.provider if sj.is_github_prefix(e.provider) else sj.GITHUB_HOST
            fix = (f"did you mean `{host}:{close}`? " if close else "") + \
                "restrict `sub` (or the evaluated claims: " + ", ".join(sj.EVALUATED_CLAIMS) + ")"
        if deny and (e.op.base == "null" or e.op.when_missing()):
            effect = (f"the key is never in the request, so {e.op.name} on it always passes "
                      "and this Deny applies to every request: no workflow can assume the "
                      "role (401)")
        elif deny:
            effect = (f"the key is never in the request, so {e.op.name} on it is never true: "
                      "this Deny never applies")
        elif e.op.base == "null" or e.op.when_missing():
            effect = (f"the key is never in the request, so {e.op.name} on it always passes: "
                      "the restriction is silently dropped")
        else:
            effect = (f"the key is never in the request, so {e.op.name} on it is never true: "
                      "no workflow can assume the role (401)")
        yield Problem(KEY_UNKNOWN.id, e.path, f"{what}; {effect}", help=fix, key=True)


def _meant_aud(entries) -> bool:
    """Is one of the keys a misspelling of GitHub's `aud` key (host or claim)?
    trust-condition-key-unknown reports it, with the fix that makes it the aud
    condition: no second finding says the condition is missing."""
    for e in entries:
        if not e.provider or not sj.looks_like_github_prefix(e.provider):
            continue
        if not sj.is_github_prefix(e.provider):
            if e.claim == "aud":
                return True
        elif e.claim not in sj.EVALUATED_CLAIMS and _meant_claim(e.claim) == "aud":
            return True
    return False


def _meant_claim(claim) -> Optional[str]:
    """The evaluated claim a key's claim name misspells (`aud ` with a space,
    `audience`, `sbu`), or None."""
    if claim.strip() in sj.EVALUATED_CLAIMS:
        return claim.strip()
    if claim.strip().startswith("aud"):
        return "aud"
    close = _closest_claim(claim)
    return close if close != claim and sj._distance(close, claim) <= 2 else None


def _closest_claim(claim):
    return min(sj.EVALUATED_CLAIMS, key=lambda c: sj._distance(c, claim) if
               sj._distance(c, claim) < 99 else 50 + abs(len(c) - len(claim)))


def _wildcard_problems(entries, deny: bool = False):
    # (in a Deny the condition never matches: the Deny never applies)
    effect = "the Deny never applies and refuses nothing" if deny \
        else "the deploy is refused (401)"
    for e in entries:
        if e.op.base not in ("stringequals", "stringequalsignorecase") or \
                not sj.is_github_prefix(e.provider):
            continue
        raw_list = isinstance(_raw(e), list)
        for i, v in enumerate(e.values):
            text = "".join(p for p in (v.parts if isinstance(v, Template) else (v,))
                           if isinstance(p, str))
            if "*" in text or "?" in text:
                where = e.path + (i,) if raw_list else e.path
                yield Problem(WILDCARD_IN_EQUALS.id, where,
                              f"{e.op.name} compares `{display(v)}` literally: its "
                              "`*`/`?` match only those characters, so GitHub's real "
                              f"{e.claim} never matches and {effect}",
                              help="use StringLike for a pattern, or write the exact value")
                break


def _raw(entry):
    return entry.values if len(entry.values) != 1 else entry.values[0]


def _unsafe_problems(entries):
    groups = {}
    for e in entries:
        if sj.is_github_prefix(e.provider) and e.claim in sj.EVALUATED_CLAIMS:
            groups.setdefault(e.claim, []).append(e)
    # another condition names the repository: the other values come from it only
    named = any(sj.is_github_prefix(e.provider) and e.claim in ("repository", "repository_id")
                and e.op.string and not e.op.negated and e.op.base != "null" for e in entries)
    for claim, group in groups.items():
        if not all(e.op.base != "null" and e.op.unsafe for e in group):
            continue
        e = group[0]
        if e.op.base.startswith("stringnot"):
            anywhere = claim == "sub" and not named
            why = (f"{e.op.name} only says which {claim} values are refused: every other "
                   "value" + (", from any repository on GitHub," if anywhere else "")
                   + " passes")
        elif claim == "environment":
            why = (f"{e.op.name} passes when the key is missing, and jobs without an "
                   "environment have no environment claim: they all pass")
        elif e.op.set_op == "forallvalues":
            why = (f"{e.op.name} is true when the key is missing (an empty set) and is meant "
                   f"for multi-valued keys; {claim} is single-valued")
        else:
            why = (f"{e.op.name} passes when the key is missing: the guard on {claim} holds "
                   "only because GitHub happens to send the claim")
        yield Problem(UNSAFE_OPERATOR.id, e.path, why,
                      help=f"use a positive operator (StringEquals/StringLike) on {claim}")


# ---------------------------------------------------------------------------
# principal and action


def github_provider(value) -> bool:
    """Is a principal value a provider ecs-lint reads as GitHub's: GitHub's
    own (an enterprise's issuer path, a GHE.com host) or a GitHub Enterprise
    Server's `HOST/_services/token`?"""
    return sj.federated_kind(value) == "github" or sj.enterprise_server_issuer(value) is not None


def _github_principal(stmt, kinds) -> Optional[str]:
    """How a message names the GitHub provider (`github_provider`) the
    statement trusts: GitHub's, or a GitHub Enterprise Server's; None when it
    trusts none."""
    found = [value for _, ppath in kinds if github_provider(value := _at(stmt, ppath))]
    servers = [sj.enterprise_server_issuer(value) for value in found]
    if found and all(servers):
        return f"the GitHub Enterprise Server provider `{servers[0]}`"
    return "GitHub's provider" if found else None


def _misplaced_providers(stmt):
    """(path, value, key) of the OIDC providers the statement names under a
    Principal key other than `Federated` (`AWS`, `Service`)."""
    principal = stmt.get("Principal")
    for key, val in principal.items() if isinstance(principal, dict) else ():
        if not isinstance(key, str) or key.lower() == "federated":
            continue
        for i, v in enumerate(val if isinstance(val, list) else [val]):
            if sj.provider_name(v) is not None:
                yield ("Principal", key) + ((i,) if isinstance(val, list) else ()), v, key


@check(kinds=("trust-policy",), rules=(ACTION_MISMATCH.id, PRINCIPAL_NOT_GITHUB.id))
def trust_principal_action(doc, ctx):
    policy = _policy(doc)
    assumable = any(sj.allows_web_identity(stmt)
                    and _github_principal(stmt, sj.principal_kinds(stmt)) is not None
                    for _, stmt, _ in sj.statements(policy))
    github = {s.index: s for s in sj.github_statements(
        policy, issuer=sj.enterprise_server_only(policy))}
    for index, stmt, path in sj.statements(policy):
        kinds = sj.principal_kinds(stmt)
        entries = sj.condition_entries(stmt, path)
        own = _own_providers(stmt)
        github_keys = [e for e in entries if sj.looks_like_github_prefix(e.provider)
                       and e.provider and (sj.is_github_prefix(e.provider)
                                           or e.provider not in own)]
        other_keys = [e for e in entries if e.provider and "." in e.provider
                      and not sj.looks_like_github_prefix(e.provider)]
        who = _github_principal(stmt, kinds)
        effect = stmt.get("Effect")
        if isinstance(effect, str) and effect.lower() == "deny":
            continue
        if who is not None:
            yield from _action_problems(stmt, path, assumable, who)
        for ppath, value, key in _misplaced_providers(stmt):
            if github_provider(value) or github_keys:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"`{display(value)}` is an OIDC provider written as an `{key}` "
                              "principal: IAM accepts a provider only under `Federated` (it "
                              "rejects this principal), so no web-identity request matches it",
                              help=f'write "Principal": {{"Federated": "{display(value)}"}}')
        if not sj.allows_web_identity(stmt):
            continue
        gs = github.get(index)
        listed = any(k == "github" for k, _ in kinds)  # GitHub's provider is in the list too
        for kind, ppath in kinds:
            if kind == "other" and github_keys and listed \
                    and other_keys and gs is not None and not gs.admits:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"the Federated list trusts GitHub's provider and "
                              f"`{display(_at(stmt, ppath))}`, but one statement requires "
                              f"`{github_keys[0].key}` and `{other_keys[0].key}` together: "
                              "each provider's tokens carry only its own keys, so neither "
                              "GitHub's tokens nor the other provider's are accepted",
                              help="give each provider a statement of its own, with its own "
                                   "keys")
            elif kind == "other" and github_keys and listed:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"`{display(_at(stmt, ppath))}` in the Federated list is not "
                              f"GitHub's provider, while the conditions test "
                              f"`{github_keys[0].key}`: its tokens never carry GitHub's keys, "
                              "so this entry admits nothing (only GitHub's provider beside it "
                              "can)",
                              help="remove it from the list, or give it a statement of its "
                                   "own with its own keys")
            elif kind == "other" and github_keys:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"the federated principal `{display(_at(stmt, ppath))}` is not "
                              f"GitHub's provider, but the conditions test "
                              f"`{github_keys[0].key}`: GitHub's tokens are not accepted and "
                              "the other provider's tokens never carry these keys",
                              help=f"use arn:aws:iam::ACCOUNT:oidc-provider/{sj.GITHUB_HOST}")
            elif kind == "any" and github_keys:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"the principal is `*`, not GitHub's provider, while the conditions "
                              f"test `{github_keys[0].key}`: the role trusts every identity "
                              "provider of the account and leans on the conditions alone",
                              help=f"use \"Principal\": {{\"Federated\": "
                                   f"\"arn:aws:iam::ACCOUNT:oidc-provider/{sj.GITHUB_HOST}\"}}")
            elif kind == "github" and (issuer := sj.github_issuer(_at(stmt, ppath))) and any(
                    sj.is_github_prefix(e.provider) for e in github_keys) and not any(
                    e.provider.lower() == issuer for e in github_keys):
                shown = next(e.key for e in github_keys if sj.is_github_prefix(e.provider))
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"the principal is the provider of issuer `{issuer}`, but the "
                              f"conditions test `{shown}`: IAM names a provider's keys after "
                              "its own URL, so its tokens never carry these keys and no "
                              "workflow can assume the role through it (401)",
                              help=f"write the conditions on {issuer}:sub and {issuer}:aud, or "
                                   "trust the provider those keys name")
            elif kind == "github" and other_keys and not github_keys:
                yield Problem(PRINCIPAL_NOT_GITHUB.id, path + ppath,
                              f"GitHub's provider is trusted but the conditions test "
                              f"`{other_keys[0].key}`, another provider's key that GitHub "
                              "tokens never carry",
                              help=f"write the conditions on {sj.GITHUB_HOST}:sub and :aud")


def _at(stmt, ppath):
    node = stmt
    for p in ppath:
        try:
            node = node[p]
        except (KeyError, IndexError, TypeError):
            return None
    return node


# Actions that only add to a web identity session allowed by another statement
# (AWS's session-tag docs grant sts:TagSession in a statement of its own).
_COMPANION_ACTIONS = {"sts:tagsession", "sts:setsourceidentity", "sts:setcontext"}


def _action_problems(stmt, path, assumable=False, who="GitHub's provider"):
    key = "NotAction" if "NotAction" in stmt and "Action" not in stmt else "Action"
    raw = stmt.get(key)
    items = raw if isinstance(raw, list) else [raw]
    if key == "NotAction":
        yield Problem(ACTION_MISMATCH.id, path + (key,),
                      f"NotAction with {who} allows every other STS action",
                      help='use "Action": "sts:AssumeRoleWithWebIdentity"')
        return
    for i, a in enumerate(items):
        where = path + ((key, i) if isinstance(raw, list) else (key,))
        if isinstance(a, str) and ("*" in a or "?" in a):
            yield Problem(ACTION_MISMATCH.id, where,
                          f"action `{a}` trusts {who} with more than "
                          "sts:AssumeRoleWithWebIdentity",
                          help='use "Action": "sts:AssumeRoleWithWebIdentity"')
            return
    companions_only = items and all(isinstance(a, str) and a.lower() in _COMPANION_ACTIONS
                                    for a in items)
    if not sj.allows_web_identity(stmt) and not (assumable and companions_only):
        shown = ", ".join(f"`{a}`" for a in items if isinstance(a, str)) or "no action"
        yield Problem(ACTION_MISMATCH.id, path + (key,),
                      f"the statement trusts {who} with {shown}, not "
                      "sts:AssumeRoleWithWebIdentity: the web identity call of the deploy is "
                      "refused",
                      help='use "Action": "sts:AssumeRoleWithWebIdentity"')
