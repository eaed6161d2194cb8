"""The IAM OIDC identity provider for GitHub Actions.

Document model (the IAM API shape): `Url`, `ClientIDList`, `ThumbprintList`.
`get-open-id-connect-provider` output omits the scheme of `Url`; create input,
CloudFormation (`ClientIdList` is mapped onto `ClientIDList`) and Terraform
(`url`, `client_id_list`, `thumbprint_list`) carry `https://`.
"""

import re

from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Problem
from ecs_lint.registry import check, rule

sj = lazy_import("ecs_lint.subjects", globals(), "sj")  # GHE.com's issuer hosts

GITHUB_HOST = "token.actions.githubusercontent.com"

AUDIENCE_MISSING = rule(
    "oidc-provider-audience-missing", "error",
    "The provider's client id list lacks `sts.amazonaws.com` (or the audience in use).",
    docs="""
    ## What it does
    Checks that the GitHub OIDC provider's client id list (`ClientIDList`,
    `ClientIdList` in CloudFormation, `client_id_list` in Terraform) contains
    the audiences the workflows ask for: the `audience` input of
    `aws-actions/configure-aws-credentials` in the workflows linted with it,
    else its default `sts.amazonaws.com`, or `github.audience` from the config.
    A GitHub Enterprise Server's provider (`https://HOST/_services/token`) is
    checked the same way: its workflows use the same action and audience.

    ## Why is this bad?
    STS compares the token's `aud` claim with the provider's client ids. If the
    audience is missing, every `AssumeRoleWithWebIdentity` call fails with
    "Incorrect token audience" and no workflow can deploy. The old
    `https://github.com/OWNER` audience was dropped by the action long ago.

    ## Example
    ```json
    {"Url": "https://token.actions.githubusercontent.com",
     "ClientIDList": ["https://github.com/myorg"]}
    ```

    Use instead:
    ```json
    {"Url": "https://token.actions.githubusercontent.com",
     "ClientIDList": ["sts.amazonaws.com"]}
    ```
    """)

URL_WRONG = rule(
    "oidc-provider-url-wrong", "error",
    "The provider URL does not name exactly the host `token.actions.githubusercontent.com`.",
    docs="""
    ## What it does
    Checks the provider's URL: its host must be exactly
    `token.actions.githubusercontent.com` (one path segment, the
    `/<enterprise>` slug of a GitHub Enterprise's own issuer, is allowed; the
    discovery document's `/.well-known/openid-configuration` is not an
    issuer). Create input, CloudFormation and
    Terraform must give the `https://` scheme; `get-open-id-connect-provider`
    output omits it, so a scheme-less URL is accepted there. A provider of
    another identity provider that mints OIDC tokens for its own pipelines or
    clusters (GitLab, Terraform Cloud, CircleCI, Buildkite, Bitbucket, Google,
    Azure, an EKS cluster, Cognito) is left alone, here and by
    `oidc-provider-audience-missing`. So is a GitHub Enterprise Server's own
    issuer (`https://HOST/_services/token`, not on a host GitHub runs:
    `SUBDOMAIN.ghe.com/_services/token` is no issuer), here only: its client
    ids are checked like GitHub's. Any other host is read as meant for GitHub.
    A GHE.com enterprise's issuer, `https://token.actions.SUBDOMAIN.ghe.com`,
    is GitHub's.

    ## Why is this bad?
    The URL must equal the token's issuer. A typo, the retired
    `vstoken.actions.githubusercontent.com` host or an `http://` URL gives a
    provider no GitHub token ever matches: every deploy fails with
    "No OpenIDConnect provider found".

    ## Example
    ```yaml
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://vstoken.actions.githubusercontent.com
    ```

    Use instead:
    ```yaml
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://token.actions.githubusercontent.com
    ```
    """)

THUMBPRINT_MALFORMED = rule(
    "oidc-provider-thumbprint-malformed", "info",
    "A thumbprint that is not 40 hexadecimal characters.",
    docs="""
    ## What it does
    Checks that every entry of the thumbprint list is a SHA-1 fingerprint
    written as 40 hexadecimal characters, with no colons or spaces.

    ## Why is this bad?
    IAM rejects malformed thumbprints when the provider is created or updated.
    (For GitHub's provider AWS no longer relies on the thumbprint, but the API
    still validates its shape.)

    ## Example
    ```json
    {"ThumbprintList": ["69:38:fd:4d:98:ba:b0:3f:aa:db:97:b3:43:96:83:1e:37:80:ae:a1"]}
    ```

    Use instead:
    ```json
    {"ThumbprintList": ["6938fd4d98bab03faadb97b34396831e3780aea1"]}
    ```
    """)

_URL = lazy_re(r"^(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?(?P<host>[^/?#]*)(?P<rest>.*)$", re.S)
_HEX40 = lazy_re(r"^[0-9a-fA-F]{40}$")


def _issuer_path(rest):
    """Can the path after the host be part of a GitHub issuer? None, or one
    segment (the enterprise slug of `https://token.actions.githubusercontent.com/<slug>`);
    not the discovery document or the key set (`/.well-known/...`)."""
    segments = [s for s in rest.split("/") if s]
    return len(segments) <= 1 and not any(s.startswith(".") for s in segments)


# the issuers of other identity providers' OIDC tokens: their providers serve
# their own pipelines and clusters, not GitHub's
_OTHER_ISSUERS = lazy_re(
    r"^(?:gitlab\.com|gitlab\.[a-z0-9.-]+|[a-z0-9.-]+\.gitlab\.[a-z]+|app\.terraform\.io|"
    r"oidc\.circleci\.com|agent\.buildkite\.com|api\.bitbucket\.org|accounts\.google\.com|"
    r"sts\.windows\.net|login\.microsoftonline\.com|vstoken\.dev\.azure\.com|"
    r"oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|cognito-identity\.amazonaws\.com|"
    r"[a-z0-9-]+\.(?:okta|auth0)\.com|token\.actions\.[a-z0-9.-]*gitea[a-z0-9.-]*)$")


def another_issuer(url) -> bool:
    """Is a provider URL the issuer of another identity provider known to mint
    OIDC tokens for its own pipelines or clusters (`https://gitlab.com`,
    `https://app.terraform.io`, an EKS cluster's)? Any other host, known or
    not, is read as meant for GitHub (a typo, the retired vstoken host, a
    placeholder)."""
    if not isinstance(url, str):
        return False
    if sj.enterprise_server_issuer(url) is not None:
        return True  # GitHub Enterprise Server's own issuer, `https://HOST/_services/token`
    return bool(_OTHER_ISSUERS.match(_URL.match(url.strip()).group("host").lower()))


def _list(value):
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [value]
    return None


def _scheme_required(doc) -> bool:
    """Must the URL carry `https://`? In create input, yes; not in a Terraform
    plan: an existing provider's `url` there is what the provider read back
    (GetOpenIDConnectProvider's scheme-less `Url`), and a configured one
    without the scheme fails the provider's validation before any plan."""
    template = doc.context.get("template")
    in_plan = isinstance(template, dict) and template.get("format") == "terraform-plan"
    return doc.context.get("format") == "create" and not in_plan


@check(kinds=("oidc-provider",), rules=(URL_WRONG.id,))
def provider_url(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    url = data.get("Url")
    if url is None:
        if doc.context.get("format") == "create":
            yield Problem(URL_WRONG.id, (), "the OIDC provider has no URL; it must be "
                          f"https://{GITHUB_HOST}")
        return
    if not isinstance(url, str):
        return  # unresolved template value: nothing certain to say
    if another_issuer(url):
        return  # another identity provider's (GitLab, Terraform Cloud, EKS...)
    m = _URL.match(url.strip())
    scheme, host = (m.group("scheme") or ""), m.group("host")
    needs_scheme = _scheme_required(doc)
    fix = f"https://{GITHUB_HOST}" if (needs_scheme or scheme) else GITHUB_HOST
    if sj.GHE_COM_HOST.fullmatch(host.lower()) and not m.group("rest").strip("/"):
        host = GITHUB_HOST  # a GHE.com enterprise's issuer: checked like GitHub's
    if host.lower() != GITHUB_HOST or url != url.strip():
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' does not name the host {GITHUB_HOST}: "
                      "no GitHub token matches it, so every role behind it refuses the deploy",
                      help=f"use `{fix}`")
    elif "?" in m.group("rest") or "#" in m.group("rest"):
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' has a query or fragment: the issuer GitHub's "
                      f"tokens name is `https://{GITHUB_HOST}` (IAM refuses the URL)",
                      help=f"use `{fix}`")
    elif not _issuer_path(m.group("rest")):
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' has a path no issuer has: GitHub's tokens name "
                      f"`https://{GITHUB_HOST}` (an enterprise's own issuer adds one segment, "
                      "its slug), so no token matches this provider",
                      help=f"use `{fix}`")
    elif m.group("rest").endswith("/"):
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' ends with `/`: IAM keeps the slash as part of the "
                      f"provider's name, GitHub's tokens name the issuer "
                      f"`https://{GITHUB_HOST}` without it, so no token finds this provider "
                      "(\"No OpenIDConnect provider found\")",
                      help=f"use `{fix}{m.group('rest').rstrip('/')}`")
    elif scheme and scheme.lower() != "https":
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' uses {scheme}://; IAM requires https://",
                      help=f"use `{fix}`")
    elif needs_scheme and not scheme:
        yield Problem(URL_WRONG.id, ("Url",),
                      f"provider URL '{url}' has no https:// scheme; creating the provider "
                      "requires it", help=f"use `{fix}`")


@check(kinds=("oidc-provider", "workflow"), rules=(AUDIENCE_MISSING.id,), cross_file=True)
def provider_audience(docs, ctx):
    """Each provider against the audiences the run's workflows ask for (the
    `audience` input of configure-aws-credentials), else the configured
    audience or sts.amazonaws.com."""
    providers = [d for d in docs if d.kind == "oidc-provider"]
    if not providers:
        return
    used = set()
    if any(d.kind == "workflow" for d in docs):  # else nothing to cross-check (no import)
        from ecs_lint.rules import xref
        from ecs_lint.xref.groups import run_facts

        _, used = xref.audiences(docs, ctx)
        # the workflows that ask for their own audience are here, with the
        # providers (`xref.groups`); others of a large run may ask for the default
        if used and run_facts(docs, ctx).default_audience:
            used.add(xref.ACTION_AUDIENCE)
    wanted = sorted(a for a in used if a is not None)
    if not used:
        wanted = [ctx.config.audience()]
    elif not wanted:
        return  # only audiences given by expressions ecs-lint cannot resolve
    for doc in providers:
        url = (doc.data if isinstance(doc.data, dict) else {}).get("Url")
        if another_issuer(url) and sj.enterprise_server_issuer(url) is None:
            continue  # its audiences are its own issuer's (a GitHub Enterprise
            # Server's workflows ask for the same audiences as GitHub's)
        for problem in _audience_problems(doc, wanted):
            problem.doc = doc
            yield problem


def _audience_problems(doc, wanted):
    data = doc.data if isinstance(doc.data, dict) else {}
    if "ClientIDList" not in data:
        shown = ", ".join(f"'{w}'" for w in wanted)
        yield Problem(AUDIENCE_MISSING.id, (),
                      f"the OIDC provider has no client id list, so the audience {shown} "
                      "is not accepted: every AssumeRoleWithWebIdentity call fails",
                      help=f"add ClientIDList: [\"{wanted[0]}\"]")
        return
    ids = _list(data["ClientIDList"])
    if ids is None:
        return
    if any(not isinstance(x, str) for x in ids):
        return  # an unresolved value might be the audience
    missing = [w for w in wanted if w not in ids]
    if missing:
        shown = ", ".join(f"'{x}'" for x in ids)
        # one id that a deployment passes (a template's `!Ref` of a parameter):
        # at the value passed, where it is fixed
        one = isinstance(data["ClientIDList"], list) and len(data["ClientIDList"]) == 1 \
            and doc.span(("ClientIDList", 0)).file not in (None, doc.file)
        yield Problem(AUDIENCE_MISSING.id, ("ClientIDList", 0) if one else ("ClientIDList",),
                      (f"client id list holds {shown} but not '{missing[0]}', the audience "
                       if ids else f"client id list is empty, so it lacks '{missing[0]}', "
                       "the audience ")
                      + "configure-aws-credentials asks for: STS refuses the token "
                      "(incorrect token audience)",
                      help=f"add \"{missing[0]}\" to the client id list")


@check(kinds=("oidc-provider",), rules=(THUMBPRINT_MALFORMED.id,))
def provider_thumbprints(doc, ctx):
    data = doc.data if isinstance(doc.data, dict) else {}
    prints = _list(data.get("ThumbprintList"))
    for i, tp in enumerate(prints or []):
        if isinstance(tp, str) and not _HEX40.fullmatch(tp):  # not `$`: it passes "...\n"
            yield Problem(THUMBPRINT_MALFORMED.id, ("ThumbprintList", i),
                          f"thumbprint '{tp}' is not 40 hexadecimal characters",
                          help="write the SHA-1 fingerprint as 40 hex digits, no colons")
