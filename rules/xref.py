"""Across files: predict the deploy that will fail.

When several files are linted together, the workflows, the roles they assume
(trust and permission policies), and the task definitions they deploy are
linked (`lint/xref/linking.py`) and checked against each other:

- the `sub` each job sends (`lint/xref/subjects_produced.py`) against the role's
  trust policy (`lint/subjects.py`): `xref-sub-not-admitted`,
  `xref-sub-broader-than-used`;
- the AWS actions each step needs (`lint/xref/actions.py`, with their
  resources: `lint/xref/needs.py`) against the role's permission policies
  (`lint/iam.py`): `xref-permission-missing`, `xref-passrole-not-covered`;
- the task definitions the workflow names: `xref-container-name-unknown`,
  `xref-task-definition-missing`.

Every finding points where the fix belongs and names the other file in its
message and as a related location. Links that cannot be made are silent
findings-wise and reported with `--verbose`.
"""
from __future__ import annotations

import dataclasses
import os
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Document, Problem, Related
from ecs_lint.registry import check, rule
from ecs_lint.values import Template, Unknown, text_of, value_at

iam = lazy_import("ecs_lint.iam", globals(), "iam")
probes = lazy_import("ecs_lint.probes", globals(), "probes")
shell = lazy_import("ecs_lint.shell", globals(), "shell")
wm = lazy_import("ecs_lint.workflow_model", globals(), "wm")
A = lazy_import("ecs_lint.xref.actions", globals(), "A")
G = lazy_import("ecs_lint.xref.groups", globals(), "G")
L = lazy_import("ecs_lint.xref.linking", globals(), "L")
N = lazy_import("ecs_lint.xref.needs", globals(), "N")
R = lazy_import("ecs_lint.xref.runs", globals(), "R")
P = lazy_import("ecs_lint.xref.subjects_produced", globals(), "P")

SUB_NOT_ADMITTED = rule(
    "xref-sub-not-admitted", "error",
    "A job produces a `sub` that the trust policy of the role it assumes does not admit.",
    docs="""
    ## What it does
    Works out the `sub` claim GitHub sends for every job that assumes a role
    (environment form for a job with an `environment`, `pull_request` for
    pull-request runs, `pull_request_target` ones included (they run in the base
    branch's context, but their token is a pull request's), otherwise
    `ref:refs/heads/BRANCH` / `ref:refs/tags/TAG` from
    the push filters; matrix rows expanded, correlated), in the format the
    repository uses (`repo:OWNER/REPO:...`, or `repo:OWNER@ID/REPO@ID:...` with
    `github.subject: immutable`), and checks it against the role's trust policy.
    The finding is on the trust policy's `sub` condition (of several
    statements, the one with a value closest to the refused sub) and names the
    job. A sub value with a part ecs-lint cannot resolve (a Terraform
    expression it does not compute, a parameter without a value) may hold
    anything there, colons too: a sub only such a value could admit is not
    reported as refused.

    `workflow_dispatch` and `schedule` runs are taken to be on the default branch
    (`github.default-branch`; else `master` when the workflows' branch filters
    name `master` and never `main`, else `main`); a `merge_group` run is on
    `refs/heads/gh-readonly-queue/BASE/pr-N-SHA`, where the trigger's
    `branches`/`branches-ignore` filter, if any, admits BASE (the branch the
    queue merges into); a job `if:` that ecs-lint cannot read
    makes its subs possible rather than certain, and then no 401 is predicted. A
    test of the event's data only (`github.actor`, the comment, labels or commit
    message of `github.event`, not its ref fields) decides whether the job runs,
    not on which ref: its subs stay certain.
    A job runs only where the jobs it `needs` ran (GitHub skips a job whose
    needed job was skipped, unless its `if:` calls `always()`, `failure()` or
    `cancelled()`): their `if:` narrows its subs as its own does.
    A role step's own `if:` (`github.ref == 'refs/heads/main'` on one
    configure-aws-credentials step, `!=` on another) narrows the subs that role
    sees the same way, together with the job's.
    A job whose environment, role or region picks a value by the event or the
    ref (`${{ github.event_name == 'push' && 'production' || 'staging' }}`,
    `github.ref == 'refs/heads/main' && ... || ...`, `github.ref_name`) is
    checked once per event of the workflow, or once for the ref tested and once
    for every other ref; by `startsWith(github.ref, 'P')` once where it holds
    and once where not; by `github.ref_type` once per type; and where the
    value is the ref itself (`${{ github.ref_name }}`) once per ref the push
    filters name one by one; each run with its own value and its own subs,
    and only where the triggers run on such a ref; an
    environment that comes out empty (`... || ''`) is no environment. A
    `workflow_dispatch` input that picks the job's environment, role or
    region (`inputs.environment == 'production' && vars.PROD_ROLE ||
    vars.STAGING_ROLE`) gives one dispatch run per option of a `choice`
    input, and, in a workflow other events run too, one run per other event
    where every input is empty (a push carries none).
    An `environment: ${{ inputs.X }}` takes each option of a `workflow_dispatch`
    choice input (so does `${{ github.event.inputs.X }}` in a workflow that only
    `workflow_dispatch` runs), or each value the calling jobs of a local reusable
    workflow pass (else the input's default); `${{ inputs.X || 'staging' }}`
    takes those values on those events and `staging` on the others (a push
    has no inputs) or where the value is empty; other inputs leave the job's
    subs unknown, and they are not compared. A local reusable workflow that only
    `workflow_call` runs is checked once for each calling job read, with the
    inputs that job passes (literals or `${{ vars.X }}`, over the inputs'
    defaults; `role-to-assume: ${{ inputs.role }}` included) and the subs of that
    caller's runs only.

    A trust policy written for a customised subject template (`include_claim_keys`:
    sub values such as `repository_owner:myorg:...:job_workflow_ref:...` that admit
    no sub of the default shapes) says the repository may send that shape, which
    its files do not show: the role's subs are then not compared (with a note),
    unless `github.subject` declares the format in use. With `github.subject:
    immutable` but without `owner-id` and `repository-id`, the ids are unknown:
    a sub is refused only when no id would make the policy admit it.

    A trust policy whose only GitHub provider is one GitHub Enterprise Server's
    (`HOST/_services/token` as principal and key prefix) is read as the
    workflows' own: that server sends subs of the same shapes, compared the
    same way.
    A role whose trust policy lets no GitHub provider in at all (only AWS
    principals, services, other identity providers; a GitHub Enterprise Server
    issuer, `HOST/_services/token`, may be the workflows' own) is refused too when a job
    that can mint the OIDC token assumes it with configure-aws-credentials and no
    keys, token file or `role-chaining: true`: the action then calls
    AssumeRoleWithWebIdentity (typically a second configure step meant to chain
    from the first role).

    A `...:ref` condition is checked too: a job with an environment sends the
    environment form of `sub`, but its token still carries the `ref` it runs on,
    so an admitted `environment:production` sub from `refs/heads/develop` fails
    a `ref` condition of `refs/heads/main`. So is a `...:job_workflow_ref`
    condition (string tests without policy variables): GitHub sends
    `OWNER/REPO/.github/workflows/FILE@REF`, where FILE is the workflow file
    that holds the job (in a local reusable workflow, the called file, not the
    caller's) and REF the ref the run is on (a pull request's
    `refs/pull/N/merge`; a `pull_request_target` run's base branch); when every
    statement that admits the job's sub pins it to another file or ref, the job
    gets the 401 as well. So is a `...:workflow` condition: the claim is the
    workflow's `name:` (else its file's path; a called workflow's run is its
    caller's), not its file name. A job that calls another repository's
    reusable workflow and passes it a role read here (an input named like
    `role-to-assume`) is refused when every statement pins `job_workflow_ref`
    to other values: the called jobs send the `uses:` path at the ref it
    names, a commit SHA as the SHA (not the tag it was cut from).

    ## Why is this bad?
    STS refuses the token: `Not authorized to perform sts:AssumeRoleWithWebIdentity`
    (the 401 of the article's pitfall 1) and the deploy stops. The classic case is
    a job that gained `environment: production` while the trust policy still pins
    `ref:refs/heads/main`: with an environment, GitHub sends
    `environment:production` instead of the ref.

    ## Example
    ```json
    {"StringEquals": {"token.actions.githubusercontent.com:sub":
      "repo:myorg/app:ref:refs/heads/main"}}
    ```
    for a job with `environment: production`.

    Use instead:
    ```json
    {"StringEquals": {"token.actions.githubusercontent.com:sub":
      "repo:myorg/app:environment:production"}}
    ```
    """)

SUB_BROADER = rule(
    "xref-sub-broader-than-used", "warning",
    "The trust policy admits `sub`s that no workflow which assumes the role produces.",
    docs="""
    ## What it does
    Compares what a role's trust policy admits with the union of the subs every
    linted job that assumes the role can send, and gives a witness: a `sub` the
    policy admits that no job produces, plus the narrowest value that would
    still let every job in (a statement with no sub condition admits every
    sub: reported at its conditions). Silent when no job's sub is admitted (then
    `xref-sub-not-admitted` says all there is to say), when the repository is
    unknown, and when some job assumes a role whose value ecs-lint cannot
    resolve, or when a workflow
    file of the repository's `.github/workflows/` was not read (a run on some
    files, as pre-commit's: that workflow may assume the role too). A job
    that calls a reusable workflow of another repository with `id-token:
    write` may have the called jobs assume any role: they send this
    repository's subs, those of the calling job's refs or of any environment,
    which count as used for every role. The
    subs the jobs send written in the other subject format (`repo:OWNER/REPO:`
    or the immutable `repo:OWNER@ID/REPO@ID:`) are not extra: they are the same
    repository and context, ready for the switch; so are the immutable subs
    with the same ids under other names (`repo:*@ID/*@ID:...`: GitHub never
    reuses the ids, so it is this repository after a rename). A Deny statement of the
    trust policy takes its subs back from every Allow statement (an explicit
    Deny wins), so neither they nor the witness count what it refuses.

    ## Why is this bad?
    Every extra branch, tag, environment or pull request the policy admits is a
    way into the role that nobody uses, e.g. any branch pushed by anyone with
    write access can deploy when only `main` should.

    ## Example
    ```json
    {"StringLike": {"token.actions.githubusercontent.com:sub":
      "repo:myorg/app:ref:refs/heads/*"}}
    ```
    when only pushes to `main` assume the role.

    Use instead:
    ```json
    {"StringEquals": {"token.actions.githubusercontent.com:sub":
      "repo:myorg/app:ref:refs/heads/main"}}
    ```
    """)

PERMISSION_MISSING = rule(
    "xref-permission-missing", "error",
    "A step needs AWS actions that the role's permission policies do not allow.",
    docs="""
    ## What it does
    Lists the AWS actions each step of a job needs under the role it assumed
    (a step whose own `env:` sets `AWS_ACCESS_KEY_ID` from an earlier
    configure step's `output-credentials` runs as that step's role):
    silintl's `ecs-deploy` script (it describes the service and its task
    definition, registers the new revision, updates the service and watches
    its tasks: `ecs:DescribeServices`, `DescribeTaskDefinition`,
    `RegisterTaskDefinition`, `UpdateService`, `ListTasks`, `DescribeTasks`),
    fabfuel's `ecs deploy CLUSTER SERVICE` (the same, the waits unless
    `--timeout -1`, and `ecs:DeregisterTaskDefinition` of the previous
    revision unless `--no-deregister`; iam:PassRole on the roles `-r`/`-x`
    give; nothing with `--profile`, `--account` or other credentials),
    a `role-chaining: true` configure-aws-credentials step into a role of
    another account (`sts:AssumeRole` and, unless `role-skip-session-tagging`,
    `sts:TagSession` on that role, asked of the role before it),
    `amazon-ecr-login` or `docker/login-action` given an ECR registry and
    no username or password (`ecr:GetAuthorizationToken`), `docker push` to ECR (the
    five layer-upload actions; so do `docker manifest push`, docker/bake-action
    with `push: true` on the repositories its `set` lines tag, and
    `docker buildx imagetools create -t`, which also reads its sources;
    `crane copy`, `skopeo copy` and `regctl image
    copy` pull their source and push their destination; `crane tag` reads the
    image and puts it back under the new tag (`ecr:BatchGetImage`,
    `ecr:PutImage`); to ECR Public, `public.ecr.aws/ALIAS/NAME`, the
    same five `ecr-public:` actions on `arn:aws:ecr-public::ACCOUNT:repository/NAME`,
    which has no region; for `docker/build-push-action` also on the
    repository of each `cache-to` registry ref, unless it has
    `ignore-error=true`; Docker presents the ECR token of the role the job
    ran under when it last logged in, so a push after the job assumed
    another role is the logged-in role's), `amazon-ecs-deploy-task-definition`
    (`ecs:RegisterTaskDefinition`, on the revision it makes,
    `task-definition/FAMILY:*`, when the family is known; `ecs:DescribeServices` whenever `service` is
    set, `ecs:UpdateService`, or the CodeDeploy actions when the service's
    definition (read along; `service` by name or by ARN, in the step's
    cluster) has a `CODE_DEPLOY` deployment controller, else
    with `codedeploy-*` inputs: `GetDeploymentGroup`, `CreateDeployment` and
    `GetDeployment` on the deployment group `deploymentgroup:APP/GROUP`,
    `RegisterApplicationRevision` on `application:APP` (`codedeploy-application`
    and `codedeploy-deployment-group`, else `AppECS-CLUSTER-SERVICE` (the `cluster` input as written, an ARN too) and
    `DgpECS-CLUSTER-SERVICE`), and `GetDeploymentConfig` (on
    `deploymentconfig:NAME` when `codedeploy-deployment-config` names it, else
    on the group's own configuration, not known here),
    `ecs:RunTask`/`ecs:DescribeTasks` for `run-task`),
    `amazon-ecs-render-task-definition` started from a registered task
    definition (`ecs:DescribeTaskDefinition`), `ecs:TagResource` when a
    registered task definition or a run task carries tags (ECS authorizes
    tagging on create separately, with `ecs:CreateAction` set to the creating
    call: `RegisterTaskDefinition`, `RunTask`, `StartTask`, `CreateService`,
    ...; a registered revision's on its ARN, `task-definition/FAMILY:*`), and
    `aws SERVICE COMMAND`
    in scripts, the step's own and the repository's shell scripts and makefile
    targets it runs (`./scripts/deploy.sh`, `bash deploy/release.sh`, `make
    deploy`; a script's commands up to
    one that switches credentials: through `aws sts assume-role`, which the
    job's role calls, or before a `--profile` or setting `AWS_PROFILE` or
    `AWS_ACCESS_KEY_ID`; `aws sts assume-role-with-web-identity` goes unsigned
    and needs no permission, the trust policy alone decides: after a
    hand-rolled OIDC assume, the commands from where the script sets the
    role's keys and the later steps it hands them to through `$GITHUB_ENV` run
    as that role, in the `AWS_REGION` of the env) (`aws ecs wait tasks-stopped` needs `ecs:DescribeTasks`, `aws logs
    tail GROUP` needs `logs:FilterLogEvents` on that log group, granted as
    `log-group:GROUP:*` or `log-group:GROUP`, `aws ecs run-task` or `start-task` whose `--overrides`
    set `taskRoleArn` or `executionRoleArn` needs `iam:PassRole` on that role
    for `ecs-tasks.amazonaws.com` (and the deploy action's
    `service-managed-ebs-volume`/`run-task-managed-ebs-volume` `roleArn`, for
    `ecs.amazonaws.com`), unless it is a task definition's role, which
    `xref-passrole-not-covered` checks; a stack's service role given with
    `--role-arn` to `aws cloudformation deploy`, `create-stack`,
    `update-stack`... needs `iam:PassRole` on it for
    `cloudformation.amazonaws.com`; `aws cloudformation deploy` makes
    DescribeStacks, CreateChangeSet, DescribeChangeSet and, unless
    `--no-execute-changeset`, ExecuteChangeSet calls, ...). Each is evaluated against the role's
    permission policies as IAM does (wildcards, `NotAction`, explicit `Deny`,
    resources where the ARN is known: the service ARN from region, account,
    cluster and service, for the deploy action and for `aws ecs update-service`,
    `describe-services` and `wait services-stable` with a literal cluster and
    service; the deployment group of `aws deploy create-deployment` with a
    literal application and group; the parameters of `aws ssm get-parameter`,
    `get-parameters` and `get-parameters-by-path` (the path itself) and the
    secret of a Secrets Manager `--secret-id` (by name, its ARN ends in six
    characters AWS adds: `secret:NAME` alone never matches) (when the role's ARN does not say its
    account, as in `arn:aws:iam::${{ vars.AWS_ACCOUNT_ID }}:role/deploy`,
    these are in the role's account, whichever it is: a statement admits
    them when some account makes it match, so a statement on another
    cluster or service never does); the ECR repository from the image; for a literal cluster (the
    deploy action's `cluster`, `default` when unset, or `--cluster`), the
    cluster's tasks `task/CLUSTER/*` for `ecs:DescribeTasks` (it is authorized
    on task ARNs, not on the cluster's) and, for `ecs:RunTask` and `ecs:StartTask`, the task
    definition's revisions `task-definition/FAMILY:*` (the deploy action's, a
    literal `FAMILY:REVISION`, or the ARN an `aws ecs register-task-definition`
    of the same script printed into the variable `--task-definition` names, the
    family from `--family` or the registered file); conditions on `aws:RequestedRegion`
    (the region the request goes to: the command's `--region`, the step's
    `AWS_REGION`/`AWS_DEFAULT_REGION`, a regional resource's, else the
    credentials'; us-east-1 for the global services CloudFront, IAM, Route 53,
    Organizations...), on
    `ecs:cluster` for a service's calls, RunTask and DescribeTasks, and on
    `ecs:CreateAction` for tagging on create, on `aws:MultiFactorAuthPresent`
    (false: a workflow's role session never used MFA, so the usual "deny
    everything without MFA" guardrail denies the deploy), on `aws:CalledVia`
    (absent) and `aws:ViaAWSService` (false): the workflow makes its calls
    itself, on `aws:SourceVpc`/`aws:SourceVpce` (absent from a
    GitHub-hosted runner's calls; a self-hosted runner's are not known), and on
    `aws:RequestTag/*`/`aws:TagKeys` (absent when the task definition
    registered has no tags); a key the
    action's request never carries, such as `ecs:cluster` for
    RegisterTaskDefinition or `ecs:task-definition` for DescribeServices,
    makes a positive condition on it false). Policy variables
    (`${aws:PrincipalAccount}`) are read only in a policy of Version
    `2012-10-17`: without it they are the text itself. The AWS
    managed policies deploy roles are often given (`PowerUserAccess`, the
    `AmazonEC2ContainerRegistry*` policies, `AmazonECS_FullAccess`...) are
    read as AWS publishes them, for the actions their copy answers for (AWS
    only ever adds to its policies: `AmazonECS_FullAccess` answers for ECS, ECR
    and iam:PassRole); a finding a role's own policies cannot fix points at the
    managed policy's ARN where the role attaches it. A role that also has an
    attached policy whose text is not among the files (another managed policy,
    or a file config `roles:` lists for it that the run was not given, as when
    pre-commit passes only the changed files) is reported only where a Deny
    refuses the action.

    ## Why is this bad?
    The step fails with `AccessDenied` in the middle of a release: a migration
    that ran but cannot be checked, a service that was never updated.

    ## Example
    ```json
    {"Effect": "Allow", "Action": ["ecs:RunTask"], "Resource": "*"}
    ```
    with `aws ecs wait tasks-stopped` in the workflow.

    Use instead:
    ```json
    {"Effect": "Allow", "Action": ["ecs:RunTask", "ecs:DescribeTasks"], "Resource": "*"}
    ```
    """)

PASSROLE_NOT_COVERED = rule(
    "xref-passrole-not-covered", "error",
    "The task definition's execution or task role is not covered by the role's `iam:PassRole`.",
    docs="""
    ## What it does
    For each task definition a job registers or runs (rendered by
    `amazon-ecs-render-task-definition`, from a file or from a registered family
    whose one task definition is in the files, deployed by
    `amazon-ecs-deploy-task-definition`, named in `aws ecs` commands, or
    registered by `aws ecs register-task-definition` with `--task-role-arn` /
    `--execution-role-arn` flags), checks that the assumed role may pass its
    `executionRoleArn` and `taskRoleArn` to `ecs-tasks.amazonaws.com` (IAM evaluation with
    `iam:PassedToService`). A bare role name is completed with the account of
    the assumed role. A template's role whose name AWS generates
    (`Fn::GetAtt TaskRole.Arn` without a `RoleName`) is compared by resource:
    an `iam:PassRole` that names only other roles of the template the same way
    cannot pass it (each is one role with its own ARN), nor can an ARN
    written out whose name no stack generates (`role/deploy`: generated names
    end in `-` and 12 or 13 letters and digits), while one with a pattern the
    generated name may match is given the benefit of the doubt. A
    Terraform role with `name_prefix` or no name is read as its prefix (or
    `terraform-`) followed by a part no other role's name has, so
    `role/<prefix>*` or `role/*` may pass it and other roles may not. A
    permissions boundary the role has limits it too.

    ## Why is this bad?
    `RegisterTaskDefinition` fails with `AccessDenied ... iam:PassRole` and the
    deploy stops before anything runs.

    ## Example
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole",
     "Resource": "arn:aws:iam::123456789012:role/app-task"}
    ```
    with `"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"`.

    Use instead:
    ```json
    {"Effect": "Allow", "Action": "iam:PassRole",
     "Resource": ["arn:aws:iam::123456789012:role/app-task",
                  "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"],
     "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
    ```
    """)

CONTAINER_UNKNOWN = rule(
    "xref-container-name-unknown", "error",
    "`amazon-ecs-render-task-definition`'s `container-name` is not a container of the task definition.",
    docs="""
    ## What it does
    Checks that the `container-name` input of each render step names a container
    of the task definition file it renders (matrix values expanded); for a
    step that reads the registered task definition instead
    (`task-definition-family`, or `task-definition-arn` with a literal family),
    that one of the files' task definitions of that family has it. A file
    an earlier script makes is read as what it is made from: the template of
    `envsubst < TEMPLATE > file` (when its container names are literal),
    `cp` or `yq -o=json`, the family of `aws ecs describe-task-definition
    --task-definition FAMILY > file` (also through a jq that only drops
    top-level keys other than `containerDefinitions`); paths are the step's
    (its `working-directory`, the script's `cd`, `pushd` and `popd`, matrix
    values per row); a file an artifact download put there (untouched since)
    is read as what the uploading job made it from. Names are
    compared exactly (the action matches with `==`), after trimming the
    surrounding whitespace the action's `core.getInput` trims. For a render
    step inside a local composite action, the finding points at the caller's input
    that gives `container-name` its value (else at the caller's `uses:`); in a
    local reusable workflow whose `container-name` is `${{ inputs.X }}`, at the
    calling job's `with: X`.

    ## Why is this bad?
    The action fails with "Invalid task definition: Could not find container
    definition with matching name" and nothing is deployed.

    ## Example
    ```yaml
    - uses: aws-actions/amazon-ecs-render-task-definition@v1
      with:
        task-definition: ops/task-definition.json   # container "web"
        container-name: app
    ```

    Use instead:
    ```yaml
        container-name: web
    ```
    """)

TASKDEF_MISSING = rule(
    "xref-task-definition-missing", "error",
    "A `task-definition:` path in a workflow points at no file.",
    docs="""
    ## What it does
    Checks that the `task-definition` input of the render and deploy actions,
    when it is a path (not a step output), names a file of the repository
    (relative to the repository root, or to the folder `actions/checkout`
    puts it in with `path:`; matrix values expanded). A file an earlier step
    of the job seems to write (a script naming it, a redirect into a name built
    from a shell variable such as `> "td-$svc.json"` in a loop, only the
    names its words give when the loop writes them out (`for svc in web
    worker`), a downloaded artifact) is taken to exist, unless that step
    writes it elsewhere: relative to its `working-directory` and the
    folders its script's `cd DIR`, `pushd` and `popd` commands move to (`> ../build/x.json` run
    in `services/search/` writes `services/build/x.json`, while actions read
    paths from the workspace root, and each step starts there again) or
    outside the workspace (`"$RUNNER_TEMP/x.json"`); or unless the artifacts
    this workflow uploads put no file there. An artifact keeps its files
    below a root folder (actions/upload-artifact): the folder one uploaded
    file is in (it keeps only the file's name), the folder several paths
    share, a folder uploaded or the one before a glob's first wildcard; a
    download by `name:` puts them into its `path:` (else the workspace), a
    download by `pattern:` or of all artifacts into `path:`/ARTIFACT-NAME/
    (unless `merge-multiple: true`). So `build/ecs/api.json` and
    `build/ecs/worker.json` uploaded together and downloaded without `path:`
    land at `api.json` and `worker.json`. A `task-definition` that is
    another job's output set to its render step's `task-definition` output
    (`${{ needs.render.outputs.task-definition }}`) is missing too: the
    action wrote that file into RUNNER_TEMP on that job's runner, and every
    job runs on a fresh one; so is such an output of a job a local reusable
    workflow hands its caller through `on.workflow_call.outputs` (a remote
    one is not read). A repository file that
    the job's `sparse-checkout:` (cone mode, the default: the root's files
    and the listed folders) leaves out is missing too. Steps whose `if:` is
    false in a matrix row are not checked in it (`hashFiles(...) != ''` is
    read against the checked-out repository's files). In a local reusable workflow whose input is
    `${{ inputs.X }}`, the finding points at the calling job's `with: X`,
    where the wrong value is written.

    ## Why is this bad?
    The action fails with "ENOENT: no such file or directory" after the image was
    built and pushed.

    ## Example
    ```yaml
        task-definition: ops/task-def.json   # the file is ops/task-definition.json
    ```

    Use instead:
    ```yaml
        task-definition: ops/task-definition.json
    ```
    """)

ALL = (SUB_NOT_ADMITTED.id, SUB_BROADER.id, PERMISSION_MISSING.id, PASSROLE_NOT_COVERED.id,
       CONTAINER_UNKNOWN.id, TASKDEF_MISSING.id)


# ---------------------------------------------------------------------------
# the index of the run


@dataclass
class Index:
    docs: List[Document]
    roles: L.RoleIndex
    taskdefs: L.TaskDefIndex
    services: Dict[str, list] = field(default_factory=dict)  # serviceName -> documents
    runs: List[R.JobRun] = field(default_factory=list)
    facts: Optional["G.Facts"] = None  # of the whole run (this index may hold a part of it)
    repo: Optional[str] = None
    prefix: Optional[str] = None  # `repo:OWNER/REPO:` as GitHub sends it
    # the same repository in the other subject format (legacy <-> immutable): a
    # policy admitting both forms of the subs used is ready for the switch, not broad
    twin_prefix: Optional[str] = None
    # answers kept for this index: jobs of many workflows ask the same questions
    statements: Dict[int, tuple] = field(default_factory=dict)  # id(role) -> (role, [Statement])
    # and for the whole run (`facts.memo`): the subs jobs send depend on the
    # run's repository and default branch, not on the roles of a part of it
    produced: Dict[tuple, tuple] = field(default_factory=dict)  # see _produced
    languages: Dict[tuple, tuple] = field(default_factory=dict)  # see _language


def build(docs: List[Document], ctx) -> Index:
    github = _github(ctx)
    facts = G.run_facts(docs, ctx)
    idx = Index(docs, L.build_roles(docs, ctx, facts), L.build_taskdefs(docs), facts=facts,
                produced=facts.memo.setdefault("produced", {}),
                languages=facts.memo.setdefault("languages", {}))
    for d in docs:
        name = text_of(d.data.get("serviceName")) \
            if d.kind == "service" and isinstance(d.data, dict) else None
        if name:
            idx.services.setdefault(name, []).append(d)
    idx.repo = L.repository(ctx)
    if idx.repo and idx.repo != ctx.config.github.get("repository"):
        idx.repo = _as_trusted(idx.repo, facts)
    if idx.repo:
        idx.prefix = P.subject_prefix({**github, "repository": idx.repo})
        other = {k: v for k, v in github.items() if k != "subject"}
        if github.get("subject") != "immutable":
            other["subject"] = "immutable"
        idx.twin_prefix = P.subject_prefix({**other, "repository": idx.repo})
        if P.ID in idx.prefix:
            ctx.note("xref: github.subject is immutable but owner-id/repository-id are "
                     "not both in the config: subs are compared with any id there")
    else:
        ctx.note("xref: repository unknown (no github.repository in the config and no "
                 "GitHub 'origin' remote): subs are compared for their context only")

    def find_role(raw, expanded):
        resolved, ref, how = L.resolve_role_value(raw, expanded, github)
        return resolved, ref, L.find_role(idx.roles, resolved, ref), how

    noted = set()
    for d in docs:
        if d.kind != "workflow":
            continue
        for run in R.job_runs(d, github, find_role, _callers_of(idx, d, github)):
            idx.runs.append(run)
            if not ctx.verbose:
                continue  # the notes below need positions: a second read of the file
            for link in run.roles:
                if (id(d), link.path, link.resolved) in noted:
                    continue
                noted.add((id(d), link.path, link.resolved))
                where = f"{d.file}:{d.span(link.path).line}: job '{run.job.id}'"
                if link.role is None:
                    ctx.note(f"xref: {where}: role {text_of(link.expanded) or link.value!r} not "
                             f"linked ({link.how}; no trust or permission policy for it among "
                             "the files read: map it in config `roles:`)")
                else:
                    ctx.note(f"xref: {where}: assumes {link.role.label} (via "
                             f"{link.role.source}: {len(link.role.trust)} trust, "
                             f"{len(link.role.permissions)} permission policies)")
    return idx


# the audience of a token configure-aws-credentials asks for without an
# `audience` input (its action.yml default), whatever the config says: the
# config's `github.audience` is what the workflows ask for when none is read
ACTION_AUDIENCE = "sts.amazonaws.com"


def _use_audience(run: R.JobRun, use, github, default: str) -> Optional[str]:
    """The audience a role use asks for; None when it cannot be resolved."""
    if not G.asks_audience(use):
        return default
    # (a reusable workflow's `${{ inputs.audience }}`: what its caller passes,
    # else the input's default)
    s = text_of(run.resolve(use.step.with_.get("audience"), use.step, github))
    return None if s is None or "${{" in s else s.strip()


def audiences(docs: List[Document], ctx):
    """(trust document id -> {audience: (job run, role link)}, audiences in use).

    The audiences the jobs that assume a role ask for, by its trust documents,
    and every audience the run's OIDC role uses ask for (None: one that cannot
    be resolved). Both empty when every
    use asks for the default audience (or there is no workflow): then the
    default is all there is to check, and no index is built."""
    workflows = [d for d in docs if d.kind == "workflow"]
    if ctx.config.audience() == ACTION_AUDIENCE and not any(
            u.oidc and G.asks_audience(u) for d in workflows
            for job in wm.workflow_of(d).jobs.values() for u in job.role_uses()):
        return {}, set()
    github = _github(ctx)
    _IN_CHECKOUT.clear()
    idx = build(docs, ctx)
    by_trust: Dict[int, dict] = {}
    used = set()
    for run in idx.runs:
        for link in run.roles:
            if not link.use.oidc:
                continue
            aud = _use_audience(run, link.use, github, ACTION_AUDIENCE)
            used.add(aud)
            if link.role is None:
                continue
            for doc in link.role.trust:
                by_trust.setdefault(id(doc), {}).setdefault(aud, (run, link))
    return by_trust, used


def _as_trusted(repo: str, facts) -> str:
    """The repository of the git remote as the trust policies spell it: GitHub's
    names ignore case, a clone's URL may not be in the canonical case, and the
    sub GitHub sends is."""
    return next((r for r in facts.repos if r.lower() == repo.lower()), repo)


def _github(ctx) -> dict:
    g = ctx.config.github
    return g if isinstance(g, dict) else {}


@check(kinds=("workflow", "trust-policy", "permissions-policy", "task-definition", "service",
              "ecr-repository"),  # (its policy may grant a role's push: _repository_policy)
       rules=ALL, cross_file=True)
def cross_file(docs, ctx):
    """Large runs run this in one process per core: each builds the index and
    checks the roles `ctx.mine` gives it (the task definitions go to one)."""
    if not any(d.kind == "workflow" for d in docs):
        return
    _IN_CHECKOUT.clear()
    idx = build(docs, ctx)
    if ctx.is_enabled(TASKDEF_MISSING.id) or ctx.is_enabled(CONTAINER_UNKNOWN.id):
        yield from _taskdef_checks(idx, ctx)
    if ctx.is_enabled(PERMISSION_MISSING.id) or ctx.is_enabled(PASSROLE_NOT_COVERED.id):
        yield from _permission_checks(idx, ctx)
    if ctx.is_enabled(SUB_NOT_ADMITTED.id) or ctx.is_enabled(SUB_BROADER.id):
        yield from _sub_checks(idx, ctx)


# ---------------------------------------------------------------------------
# task definitions named by the workflow


_IN_CHECKOUT: Dict[tuple, bool] = {}  # (folder, repo root) -> answer, for one run


def in_checkout(doc: Document, repo_root: str) -> bool:
    """Is the workflow the `.github/workflows/` file of the linted repository?
    (Only then are its paths relative to a root we can see.)"""
    try:
        key = (os.path.dirname(os.path.abspath(doc.file)), repo_root)
        if key not in _IN_CHECKOUT:
            _IN_CHECKOUT[key] = os.path.realpath(key[0]) == os.path.realpath(
                os.path.join(repo_root or ".", ".github", "workflows"))
        return _IN_CHECKOUT[key]
    except (OSError, ValueError):
        return False


def _checkout_dir(run: R.JobRun, step: wm.Step) -> Optional[str]:
    """The folder of the workspace `actions/checkout` puts this repository in
    (`path:`) before `step`: "" for the workspace itself, None when an
    expression names it."""
    folder = ""
    for st in run.job.steps[:step.index]:
        if (st.uses or "").split("@")[0] == "actions/checkout" \
                and not st.with_.get("repository") and st.with_.get("path") is not None:
            text = text_of(st.with_.get("path"))
            if text is None or "${{" in text:
                return None
            folder = text.strip().strip("/").removeprefix("./").strip("/")
            folder = "" if folder == "." else folder
    return folder


def _other_repository(run: R.JobRun, step: wm.Step, path: str) -> bool:
    """Is `path` in a folder where an earlier `actions/checkout` put another
    repository (`repository:` with `path:`, or without one: the workspace)?
    Its files are not read here."""
    clean = path.removeprefix("./")
    for st in run.job.steps[:step.index]:
        repo = text_of(st.with_.get("repository")) or ""
        if (st.uses or "").split("@")[0] != "actions/checkout" or not repo.strip() \
                or re.fullmatch(r"\$\{\{\s*github\.repository\s*\}\}", repo.strip()):
            continue  # not a checkout of another repository
        where = text_of(st.with_.get("path"))
        if where is None or "${{" in where:
            return True
        where = where.strip().strip("/").removeprefix("./").strip("/")
        if where in ("", ".") or clean == where or clean.startswith(where + "/"):
            return True
    return False


def _in_folder(path: str, folder: str) -> Optional[str]:
    """A workspace path as a path of the repository checked out in `folder`
    (None: outside it, so not a file of the repository)."""
    clean = path.removeprefix("./")
    if not folder:
        return clean
    return clean[len(folder) + 1:] if clean.startswith(folder + "/") else None


def _overwritten(run: R.JobRun, step: wm.Step, path: str, github=None) -> bool:
    """Does an earlier step's script write the file (`> path`, `>> path`,
    `tee path`), say with `aws ecs describe-task-definition`? Then the render
    step reads what it wrote, not the repository's file. (A target written
    with `${{ env.X }}` is its value.)"""
    want = path.removeprefix("./")
    for st in run.job.steps[:step.index]:
        for c in wm.commands(st):
            targets = [t for op, t in c.redirects if op in (">", ">>") and t]
            if c.name == "tee":
                targets += [a for a in c.argv[1:] if not a.startswith("-")]
            targets = [_expanded(run, st, t, github) for t in targets]
            if any(t.strip("\"'").removeprefix("./") == want for t in targets):
                return True
    return False


def _expanded(run: R.JobRun, st: wm.Step, text: str, github) -> str:
    """`text` with the `${{ }}` expressions whose values are known filled in."""
    if "${{" not in text:
        return text
    value = run.expand(text, st, github)
    return value if isinstance(value, str) else text


def _made_earlier(run: R.JobRun, step: wm.Step, path: str, github=None) -> bool:
    """Does an earlier step of the job seem to produce the file (a `> file`
    redirect, a script naming it, a downloaded artifact)?"""
    base = os.path.basename(path)
    for st in run.job.steps:
        if st.index >= step.index:
            return False
        if (st.uses or "").split("@")[0] == "actions/download-artifact":
            landed = _artifact_lands(run, st, github)
            if landed is None or _lands_at(landed, path):
                return True
            continue
        if st.uses and ("download-artifact" in st.uses or "cache" in st.uses):
            return True
        if isinstance(st.run, str) and base in _expanded(run, st, st.run, github):
            if _writes_elsewhere(run, st, path, base, github):
                continue
            return True
        if isinstance(st.run, str) and "$" in st.run and _redirects_to_pattern(st.run, path):
            return True
        if st.uses and st.uses == step.via:
            continue  # the composite action the step is part of: it hands the path in
        if any(isinstance(v, str) and base in v for v in st.with_.values()):
            return True
    return False


@dataclass(frozen=True)
class Landing:
    """Where a download-artifact step puts the files of one upload: `at`, a
    workspace path or actions/glob pattern (a matched folder's files too),
    the upload's `root` folder going into the folder `into`; the upload step
    `up` of job `job` in matrix row `row`, the `artifact` name and `why` the
    files land there. An upload not seen (`up` None) may put anything at `at`."""
    at: str
    into: str
    root: str
    job: Optional[wm.Job]
    up: Optional[wm.Step]
    row: Optional[dict]
    artifact: str
    why: str


def _artifact_lands(run: R.JobRun, st: wm.Step, github) -> Optional[List[Landing]]:
    """Where an `actions/download-artifact` step puts the files this
    workflow's `actions/upload-artifact` steps upload (`_landings`). None
    when not known (another run's artifact, a name or path from an
    expression)."""
    name = _expanded(run, st, text_of(st.with_.get("name")) or "", github).strip()
    pattern = _expanded(run, st, text_of(st.with_.get("pattern")) or "", github).strip()
    dest = os.path.normpath(_expanded(run, st, text_of(st.with_.get("path")) or ".",
                                      github).strip() or ".")
    merged = bool(name) or wm._truthy(st.with_.get("merge-multiple")) is True
    if "$" in name or "$" in dest or dest.startswith(("/", "~", "..")) \
            or (not name and not re.fullmatch(r"[\w.*?-]*", pattern)) \
            or any(k in st.with_ for k in ("run-id", "github-token", "repository")) \
            or _first_version(st):
        return None
    key = (id(st), name, pattern, dest, merged)
    hit = _LANDINGS.get(key)
    if hit is None or hit[0] is not st:
        hit = _LANDINGS[key] = (st, _landings(run.workflow, github, name, pattern, dest, merged))
    return hit[1]


_LANDINGS: Dict[tuple, tuple] = {}  # answers of `_artifact_lands`, `_uploads`, for one run


def _landings(workflow: wm.Workflow, github, name: str, pattern: str, dest: str,
              merged: bool) -> Optional[List[Landing]]:
    """Where a download puts the files of the workflow's uploads (`_uploads`):
    by `name:`, into `path:` (`dest`, else the workspace); by `pattern:` or all
    the run's artifacts, each in a folder of its name below `path:`
    (download-artifact's path.join(path, artifact.name)), unless `merged`
    (`merge-multiple: true`). Artifacts the workflow may make unseen (a
    reusable workflow's, an upload named by an expression) may be in any
    such folder. None when not known (an upload of the name from an
    expression, or none)."""
    uploads, others = _uploads(workflow, github)
    landed, unseen = [], not name and (not pattern or others)
    for job, up, row, given, kept in uploads:
        if given is None:
            if name:
                return None  # an upload named by an expression may be this one
            unseen = True
            continue
        if given != name if name else not _names_match([pattern or "*"], [given]):
            continue
        if kept is None:
            return None  # a path from an expression, or outside the workspace
        root, paths, why = kept
        into = dest if merged else os.path.normpath(os.path.join(dest, given))
        if not merged:
            why += "; a download of several artifacts puts each in a folder of its name"
        landed += [Landing(os.path.normpath(os.path.join(into, os.path.relpath(p, root))),
                           into, root, job, up, row, given, why) for p in paths]
    if unseen:  # anywhere below `path:`, or in a folder the pattern matches
        landed.append(Landing(dest if merged else os.path.join(dest, pattern or "*", "*"),
                              dest, "", None, None, None, "", "an artifact not seen"))
    return landed or None


def _uploads(workflow: wm.Workflow, github) -> tuple:
    """([(job, step, row, name, root)], others) of the workflow's
    `actions/upload-artifact` steps in each matrix row: the artifact's name
    (None: an expression) and `_upload_root` of its `path:`; `others`: may
    the run hold artifacts not seen (a `workflow_call` trigger, a reusable
    workflow's job, another action's, such as upload-artifact/merge)."""
    hit = _LANDINGS.get(("uploads", id(workflow)))
    if hit is not None and hit[0] is workflow:
        return hit[1]
    out, others = [], "workflow_call" in workflow.triggers
    for job in workflow.jobs.values():
        ups = [up for up in job.steps if (up.uses or "").split("@")[0] == "actions/upload-artifact"]
        others = others or bool(job.uses) or any(
            "artifact" in (st.uses or "") and st not in ups and "download-artifact" not in st.uses
            for st in job.steps)
        for row in job.matrix_rows(github) or [{}] if ups else ():
            for up in ups:
                given = wm.expand(text_of(up.with_.get("name")) or "artifact", job, up, row,
                                  github)
                source = wm.expand(text_of(up.with_.get("path")) or "", job, up, row, github)
                out.append((job, up, row,
                            given.strip() if isinstance(given, str) and "${{" not in given
                            else None,
                            _upload_root(source) if isinstance(source, str)
                            and not _first_version(up) else None))
    _LANDINGS[("uploads", id(workflow))] = (workflow, (out, others))
    return out, others


def _first_version(st: wm.Step) -> bool:
    """Is the artifact action `@v1`, whose download by name made a folder of
    the name and whose upload kept other paths?"""
    return re.fullmatch(r"v1(?:\.[\d.]*)?", str(st.uses_ref or "").strip()) is not None


_WILDCARD = lazy_re(r"[*?\[]")


def _upload_root(text: str) -> Optional[tuple]:
    """(root, paths, why) of an `actions/upload-artifact` `path:` (a path or
    actions/glob pattern a line; `#` comments and `!` exclusions left out):
    the folder whose contents the artifact keeps as they are. Several paths:
    the folder they share (upload-artifact's getMultiPathLCA of the folders
    before each pattern's first wildcard); one file: its folder (it keeps only
    the file's name); one folder or pattern: the folder before the wildcard.
    None when not known (an expression, `..`, a path outside the workspace)."""
    paths = []
    for line in text.splitlines()[:100]:
        line = line.strip()
        if not line or line.startswith(("#", "!")):
            continue
        clean = os.path.normpath(line)
        if not re.fullmatch(r"[\w./*?\[\]-]+", line) or line.startswith(("/", "~")) \
                or clean == ".." or clean.startswith("../"):
            return None
        paths.append(clean)
    if not paths:
        return None
    searched = []
    for p in paths:
        parts = p.split("/")
        literal = next((i for i, s in enumerate(parts) if _WILDCARD.search(s)), len(parts))
        searched.append("/".join(parts[:literal]) or ".")
    # a path below another one searched adds nothing (actions/glob's getSearchPaths)
    searched = [s for s in dict.fromkeys(searched) if not any(
        o != s and (o == "." or s.startswith(o + "/")) for o in searched)]
    if len(searched) > 1:
        root = os.path.commonpath(searched) or "."
        return root, paths, f"an artifact of several paths keeps them below {root}/, " \
                            "the folder they share"
    root = searched[0]
    if root in paths and re.search(r"\.\w+$", root):
        return os.path.dirname(root) or ".", paths, "an artifact of one file keeps only its name"
    return root, paths, f"the artifact keeps the files below {root}/"


def _lands_at(landed: Optional[List[Landing]], path: str) -> List[Landing]:
    """The landings of `landed` that can put a file at the workspace `path`."""
    want = os.path.normpath(path.removeprefix("./"))
    return [ld for ld in landed or [] if (ld.into == "." or want.startswith(ld.into + "/"))
            and _glob_holds(ld.at, want)]


def _glob_holds(pattern: str, path: str) -> bool:
    """Does the actions/glob `pattern` (`*`, `?`, `[...]` within a name, `**`
    any folders) match the workspace `path` or a folder above it (whose files
    it takes too)?"""
    if pattern == ".":
        return not path.startswith("../")
    if not _WILDCARD.search(pattern):
        return path == pattern or path.startswith(pattern + "/")
    want, have = pattern.split("/")[:32], path.split("/")[:64]
    if want.count("**") > 3:
        return True  # not worth the search: may match
    return any(_names_match(want, have[:n]) for n in range(1, len(have) + 1))


_MAX_LISTED = 200  # folders `_repository_holds` lists for one pattern


def _repository_holds(root: str, pattern: str) -> Optional[bool]:
    """Does a file of the repository under `root` match the actions/glob
    `pattern` (`_glob_holds`: a matched folder's files too), as `hashFiles`
    finds them? Folders are listed through probes (a reused result follows
    edits), from the one before the first wildcard down those that may lead
    to a match; None when that takes more than _MAX_LISTED folders."""
    parts = pattern.split("/")
    literal = next((i for i, s in enumerate(parts) if _WILDCARD.search(s)), len(parts))
    queue, listed = ["/".join(parts[:literal])], 0
    while queue:
        rel = queue.pop()
        listed += 1
        if listed > _MAX_LISTED:
            return None
        place = os.path.join(root or ".", rel or ".")
        entries = probes.ask("listdir", place)
        if entries is None:  # a file, or nothing there
            if rel and _glob_holds(pattern, rel) and probes.ask("exists", place):
                return True
            continue
        for name in entries:
            sub = f"{rel}/{name}" if rel else name
            have = sub.split("/")
            if _glob_holds(pattern, sub) or "**" in parts or (
                    len(have) < len(parts) and _names_match(parts[:len(have)], have)):
                queue.append(sub)
    return False


def _names_match(want: List[str], have: List[str]) -> bool:
    """Do the pattern's folder names `want` match the path's `have` one for one
    (`**`: any number of them)?"""
    if not want:
        return not have
    if want[0] == "**":
        return any(_names_match(want[1:], have[i:]) for i in range(len(have) + 1))
    if not have:
        return False
    import fnmatch
    same = fnmatch.fnmatchcase(have[0], want[0]) if _WILDCARD.search(want[0]) \
        else have[0] == want[0]
    return same and _names_match(want[1:], have[1:])


_SHELL_EXPANSION = re.compile(r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?$!-]")


def _redirects_to_pattern(script: str, path: str) -> bool:
    """Does the script redirect into a file name built from a shell variable
    that can be `path` (`> "td-$svc.json"` in `for svc in web worker` writes
    td-web.json)? The literal parts must match, and there must be more of them
    than an extension: `> "$out"` or `> "$name.json"` could be any file."""
    base = os.path.basename(path)
    loops = _loop_words(script)
    for cmd in shell.parse(script):
        for op, target in cmd.redirects:
            if op not in (">", ">>", ">|", "&>", "&>>") or not isinstance(target, str) \
                    or "$" not in target or "${{" in target:
                continue
            names = {m.group(1) or m.group(2) for m in _LOOP_VAR_USE.finditer(target)}
            if cmd.in_loop and len(names) == 1 and names <= set(loops):
                # `for svc in api worker; do ... > "build/${svc}.json"`: those files only
                var = names.pop()
                made = {_LOOP_VAR_USE.sub(lambda m: w, target) for w in loops[var]}
                if path.removeprefix("./") in made or base in made:
                    return True
                continue
            parts = _SHELL_EXPANSION.split(target)
            literal = re.sub(r"\.[A-Za-z0-9]+$", "", "".join(parts))
            if len(parts) < 2 or not literal.strip("./-_"):
                continue  # `> "$out"`, `> "$name.json"`: could be any file
            pattern = ".+".join(re.escape(p) for p in parts)
            if re.fullmatch(pattern, path.removeprefix("./")) or re.fullmatch(pattern, base):
                return True
    return False


_LOOP_HEAD = lazy_re(r"(?:^|[;\n&|]\s*)for\s+([A-Za-z_]\w*)\s+in\s+([^;\n]*?)\s*(?:;|\n)\s*do\b")
_LOOP_VAR_USE = lazy_re(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)")


def _loop_words(script: str) -> dict:
    """{variable: its words} of the script's `for VAR in WORDS` loops whose
    words are written out (no expansion, no glob); a variable of two loops,
    or of one with other words, is left out."""
    out, seen = {}, set()
    for m in _LOOP_HEAD.finditer(script):
        var, words = m.group(1), m.group(2).split()
        if var in seen or not words or any(re.search(r"[$*?\[`'\"]", w) for w in words):
            out.pop(var, None)
        else:
            out[var] = words
        seen.add(var)
    return out


def _writes_elsewhere(run: R.JobRun, st: wm.Step, path: str, base: str,
                     github=None) -> Optional[str]:
    """Where the step writes the file named `base` when that is not `path`,
    the workspace path the actions read: each path ending in `base` that the
    script names is one it writes (`wm.written_targets`: a `>` redirect, the
    destination of `cp`/`mv`, a `sed -i` or `tee` operand, ...), resolved against its
    working directory (`> ../build/x.json` in services/search writes
    services/build/x.json) and the script's `cd`/`pushd`/`popd`
    (`L.script_dirs`), or outside the workspace (`"$RUNNER_TEMP/x.json"`).
    None when it writes `path`, or when unsure."""
    mentions = re.findall(r"(?<![\w.-])" + re.escape(base) + r"(?![\w/.-])", st.run)
    cmds = wm.commands(st)
    targets, read = [], 0
    for i, c in enumerate(cmds):
        argv = c.argv
        named = [t for t, _ in wm.written_targets(c)]
        targets += [(i, t) for t in named if t.rsplit("/", 1)[-1] == base]
        if c.name in _READERS and not any("$" in t for t in named):
            # (another file of that name read, `jq . ecs/x.json > ../build/x.json`,
            # or the one written read back)
            given = argv[1:] + [t for op, t in c.redirects if op == "<"]
            read += sum(1 for a in given if isinstance(a, str) and a not in named
                        and a.rsplit("/", 1)[-1] == base)
    if not targets or len(targets) + read != len(mentions):
        return None  # named some other way too: it may write where `path` says
    wd, dirs = L.run_dir(run, st, github), L.script_dirs(cmds)
    places = [L.written_at(wd, _expanded(run, st, t, github), dirs[i]) for i, t in targets]
    if any(p is None or p == os.path.normpath(path.removeprefix("./")) for p in places):
        return None
    return places[0]


# commands that only read the files they name (a `sed -i` operand is written)
_READERS = ("jq", "yq", "cat", "envsubst", "sed", "grep", "head", "tail")


def _taskdef_checks(idx: Index, ctx):
    github = _github(ctx)
    seen = set()
    _LANDINGS.clear()
    for run in idx.runs:
        if not in_checkout(run.doc, ctx.repo_root):
            if any(st.uses in (A.RENDER, A.DEPLOY) for st in run.job.steps) \
                    and (run.doc.file, "outside") not in seen:
                seen.add((run.doc.file, "outside"))
                ctx.note(f"xref: {run.doc.file} is not in {ctx.repo_root}/.github/workflows: "
                         "its task-definition paths are not checked")
            continue
        for step in run.job.steps:
            if _step_off(run, step, github, ctx.repo_root):
                continue  # its `if:` is false in this run (another matrix row)
            if step.uses == A.RENDER and "task-definition" not in step.with_:
                yield from _registered_container(idx, run, step, github, seen)
                continue
            if step.uses not in (A.RENDER, A.DEPLOY) or "task-definition" not in step.with_:
                continue
            raw = N.in_workspace(run.expand(step.with_.get("task-definition"), step, github))
            if not isinstance(raw, str) or not raw.strip():
                continue
            if R.unresolved(raw):  # a render step's output: its file, for container-name
                path = N.taskdef_path(run, step, step.with_.get("task-definition"), github)
                if path is None:
                    yield from _rendered_elsewhere(run, step, raw, seen)
                    continue
            else:
                folder = _checkout_dir(run, step)
                if folder is None or _other_repository(run, step, raw.strip()):
                    continue  # checked out where an expression says, or not ours
                path = _in_folder(raw.strip(), folder)
            fix_doc, fix_path, related = _fixed_where(run, step, "task-definition")
            exists = not R.unresolved(raw) and path is not None and probes.ask(
                "exists", os.path.join(ctx.repo_root or ".", path))
            left_out = _sparse_left_out(run, step, path, github) if exists else None
            if not R.unresolved(raw) and (not exists or left_out):
                shown = raw.strip()
                if _made_earlier(run, step, shown, github):
                    ctx.note(f"xref: {run.doc.file}: {shown} is not in the repository but an "
                             "earlier step seems to write it")
                    yield from _generated_container(idx, ctx, run, step, shown, github, seen)
                    continue
                key = (fix_doc.file, fix_path, shown)
                if key not in seen:
                    seen.add(key)
                    yield Problem(
                        TASKDEF_MISSING.id, fix_path,
                        f"task-definition '{shown}' "
                        f"{_why_missing(run, step, shown, folder, left_out, github)} "
                        f"({run.label}): the {step.uses.split('/')[-1]} step fails with "
                        "ENOENT, after the image was built and pushed",
                        help=f"add {os.path.dirname(path)} to sparse-checkout" if left_out
                        else _closest_hint(ctx.repo_root, path or shown), doc=fix_doc,
                        related=related, span=wm.composite_input_span(step, "task-definition"))
                continue
            name = _container_input(run, step, github)
            if name is None:
                continue
            if not R.unresolved(raw) and _overwritten(run, step, path, github):
                continue  # an earlier step writes the file: the one read is stale
            tds = idx.taskdefs.at(ctx.repo_root, path)
            if not tds and R.unresolved(raw):  # an earlier render's file, made by a script
                yield from _generated_container(idx, ctx, run, step, path, github, seen)
                continue
            yield from _file_container(run, step, name, tds, seen)


_JOB_OUTPUT = lazy_re(r"^\$\{\{\s*needs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$")


def _rendered_elsewhere(run: R.JobRun, step: wm.Step, raw: str, seen):
    """xref-task-definition-missing for a `task-definition` that is a job
    output set to that job's render step's `task-definition` output: the path
    of the file the action wrote into RUNNER_TEMP on that job's runner. This
    job runs on another runner (GitHub's runner empties RUNNER_TEMP for each
    job), where no file is there. A job that calls a local reusable workflow
    hands on the called job's output its `on.workflow_call.outputs` names."""
    m = _JOB_OUTPUT.match(raw.strip())
    handed = _handed_output(run, m.group(1), m.group(2)) if m else None
    other, value = handed if handed is not None else (None, None)
    out = N._OUTPUT_TD.match(value.strip()) if isinstance(value, str) else None
    render = next((st for st in other.steps if st.id == out.group(1) and st.uses == A.RENDER),
                  None) if out else None
    if render is None:
        return
    fix_doc, fix_path, related = _fixed_where(run, step, "task-definition")
    key = (fix_doc.file, fix_path, raw.strip())
    if key in seen:
        return
    seen.add(key)
    caller = run.workflow.jobs[m.group(1)]
    where = f" of {caller.uses} (called by job '{caller.id}')" if caller is not other else ""
    yield Problem(
        TASKDEF_MISSING.id, fix_path,
        f"task-definition '{raw.strip()}' is the path of the file the render step of job "
        f"'{other.id}'{where} wrote into RUNNER_TEMP on that job's runner ({run.label}): "
        f"this job runs on another one, where the {step.uses.split('/')[-1]} step fails "
        "with ENOENT, after the image was built and pushed",
        help=f"render in job '{run.job_id}', or upload the rendered file as an artifact in "
             f"job '{other.id}' and download it here", doc=fix_doc,
        related=related + [(run.doc, render.path, "the render step") if caller is other
                           else (run.doc, caller.path + ("uses",), "the call whose job renders")],
        span=wm.composite_input_span(step, "task-definition"))


def _handed_output(run: R.JobRun, job_id: str, name: str) -> Optional[tuple]:
    """(job, the text of its output) that `needs.JOB_ID.outputs.NAME` reads in
    this run: the needed job's own output, or, when it calls a local reusable
    workflow, the called job's output that its `on.workflow_call.outputs.NAME`
    hands on; None when not known (a remote reusable workflow, an unneeded job)."""
    other = run.workflow.jobs.get(job_id) if job_id in run.job.needs else None
    if other is None:
        return None
    if other.uses:
        called = wm.called_workflow(other, wm.repository_of_workflow(run.doc.file))
        return wm.workflow_call_output(called, name) if called is not None else None
    outputs = other.outputs if isinstance(other.outputs, dict) else {}
    return other, text_of(outputs.get(name))


def _why_missing(run: R.JobRun, step: wm.Step, shown: str, folder, left_out, github) -> str:
    """Why the file `shown` a step names is not in the workspace: a
    sparse-checkout that leaves it out (`left_out`, its folders), else not in
    the repository, with where the checkout, an earlier step's script or a
    download put what is there."""
    if left_out:
        return (f"is left out of the workspace by actions/checkout's sparse-checkout "
                f"({', '.join(left_out)}: in cone mode, the default, only the root's files "
                "and those folders)")
    where = f" (actions/checkout puts the repository in {folder}/)" if folder else ""
    before = run.job.steps[:step.index]
    writers = ((st, _writes_elsewhere(run, st, shown, os.path.basename(shown), github))
               for st in before if isinstance(st.run, str))
    writer, written = next(((st, at) for st, at in writers if at), (None, None))
    landed = next((ld for st in before
                   if (st.uses or "").split("@")[0] == "actions/download-artifact"
                   for ld in _artifact_lands(run, st, github) or [] if ld.up is not None
                   and _names_match([os.path.basename(ld.at)], [os.path.basename(shown)])),
                  None)
    if writer is not None:
        named = f" '{writer.name}'" if isinstance(writer.name, str) else ""
        where += f" (the step{named} writes it to {written}, not where the action reads it)"
    elif landed is not None:
        files = "files" if _WILDCARD.search(landed.at) else "file"
        where += f" (download-artifact puts the uploaded {files} at {landed.at}: {landed.why})"
    return "names no file in the repository" + where


def _sparse_left_out(run: R.JobRun, step: wm.Step, path: str, github) -> Optional[List[str]]:
    """The folders of the `sparse-checkout:` of the repository's last
    `actions/checkout` before `step`, when they leave the repository file
    `path` out: cone mode (the default) checks out the root's files, each
    listed folder whole and the files directly in the folders above one.
    None when `path` is checked out, or not known (no sparse-checkout, cone
    mode off, an expression or a pattern)."""
    checkout = None
    for st in run.job.steps[:step.index]:
        if (st.uses or "").split("@")[0] == "actions/checkout" \
                and not st.with_.get("repository"):
            checkout = st
    if checkout is None:
        return None
    listed = _expanded(run, checkout, text_of(checkout.with_.get("sparse-checkout")) or "",
                       github)
    cone = checkout.with_.get("sparse-checkout-cone-mode", True)
    if not listed.strip() or re.search(r"[$*?\[\]!\\]", listed) \
            or str(cone).strip().lower() != "true":
        return None
    folders = [f for f in (line.strip().removeprefix("./").strip("/")
                           for line in listed.splitlines()) if f and not f.startswith("#")]
    parent = os.path.dirname(path.removeprefix("./"))
    if not folders or not parent or any(
            path.startswith(f + "/") or (f + "/").startswith(parent + "/") for f in folders):
        return None
    return folders


def _step_off(run: R.JobRun, step: wm.Step, github, root: Optional[str] = None) -> bool:
    """Is the step's `if:` false in this run: comparisons of values the run
    knows (`matrix.service == 'gateway'` in another matrix row, `hashFiles()`
    of the repository under `root`: `_hash_files_empty`), joined by `&&`,
    `||` and `!`? GitHub evaluates a step's `if:` per matrix row. (In a
    composite action, `inputs` are the action's: only `if: false` is known.)"""
    if step.if_ is False:
        return True
    if not isinstance(step.if_, str) or step.via is not None:
        return False
    return wm.known_condition(wm.if_expression(step.if_),
                              lambda e: _known_test(run, step, e, github, root)) is False


def _known_test(run: R.JobRun, step: wm.Step, expr: str, github, root) -> Optional[bool]:
    """An `if:` comparison (`A == B`, `A != B`) whose sides the run knows,
    compared as GitHub compares strings (ignoring case); `hashFiles(...)`
    alone or compared with `''`; `true`/`false`; else None."""
    if expr in ("true", "false"):
        return expr == "true"
    m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expr)
    if not m:
        empty = _hash_files_empty(run, step, expr, github, root)
        return None if empty is None else not empty
    a, b = _known_operand(run, m.group(1), github), _known_operand(run, m.group(3), github)
    if a == "" or b == "":  # `hashFiles(...) != ''`
        other = m.group(3) if a == "" else m.group(1)
        empty = _hash_files_empty(run, step, other, github, root)
        if empty is not None:
            return empty == (m.group(2) == "==")
    if a is None or b is None:
        return None
    return (a.lower() == b.lower()) == (m.group(2) == "==")


def _known_operand(run: R.JobRun, text: str, github) -> Optional[str]:
    """A literal (`'x'`, `true`, a number), a context value the run knows
    (`matrix.X`, `env.X` of the job or workflow, `vars.X`) or `format()` of
    such values, as text; None when not known. (A step's own `env:` is not
    there yet when its `if:` runs.)"""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text in ("true", "false") or re.fullmatch(r"-?\d+", text):
        return text
    if not re.fullmatch(r"[A-Za-z_][\w.-]*|format\(.*\)", text, re.S):
        return None
    value = run.expand("${{ " + text + " }}", None, github)
    return None if not isinstance(value, str) or "${{" in value else value


_HASH_FILES = lazy_re(r"hashFiles\s*(\(.*\))", re.S | re.I)


def _hash_files_empty(run: R.JobRun, step: wm.Step, text: str, github, root) -> Optional[bool]:
    """Is `hashFiles(PATTERN, ...)` '' when the step's `if:` runs: no file of
    the workspace matches a pattern (literals, `format()` of values the run
    knows)? The workspace holds the repository under `root`, checked out
    whole at its root by an earlier step (`_repository_holds`), and the files
    earlier steps may write (`_may_write`). None when not known (another
    checkout, a Windows or macOS runner, `!` exclusions, a path outside the
    workspace)."""
    m = _HASH_FILES.fullmatch(text.strip())
    if m is None or root is None or wm.closing_paren(m.group(1)) != len(m.group(1)) - 1:
        return None
    checkouts = [st for st in run.job.steps[:step.index]
                 if (st.uses or "").split("@")[0] == "actions/checkout"]
    if not checkouts or _checkout_dir(run, step) != "" \
            or any(st.with_.get(k) for st in checkouts for k in ("repository", "sparse-checkout")) \
            or any(label.lower().startswith(("windows", "macos"))
                   for label in wm.runner_labels(run.job)):
        return None
    patterns = [_known_operand(run, arg, github)
                for arg in wm.split_top(m.group(1)[1:-1], ",")[:16]]
    empty = True
    for pattern in patterns:
        pattern = os.path.normpath(pattern.strip().removeprefix("./")) \
            if isinstance(pattern, str) and pattern.strip() else None
        if pattern is None or pattern.startswith(("/", "~", "!", "..")) or "$" in pattern:
            return None
        held = _repository_holds(root, pattern)
        if held is None or (not held and _may_write(run, step, pattern, github)):
            return None
        empty = empty and not held
    return empty


def _may_write(run: R.JobRun, step: wm.Step, pattern: str, github) -> bool:
    """May a step before `step` write a file the actions/glob `pattern`
    matches: `_made_earlier` of a path; for a pattern, a script naming a file
    whose name its last part matches, an artifact or cache restored."""
    if not _WILDCARD.search(pattern):
        return _made_earlier(run, step, pattern, github)
    last = pattern.rsplit("/", 1)[-1]
    for st in run.job.steps[:step.index]:
        uses = (st.uses or "").split("@")[0]
        text = _expanded(run, st, st.run, github) if isinstance(st.run, str) else ""
        words = re.findall(r"[^\s'\"<>|;&()=]+", text)[:5000] + [
            v for v in st.with_.values() if isinstance(v, str)]
        if "artifact" in uses or "cache" in uses or any(
                _names_match([last], [w.rstrip("/").rsplit("/", 1)[-1]]) for w in words):
            return True
    return False


def _container_input(run: R.JobRun, step: wm.Step, github) -> Optional[str]:
    """The `container-name` of a render step, when known (trimmed, as the
    action's core.getInput reads it)."""
    if step.uses != A.RENDER:
        return None
    name = run.expand(step.with_.get("container-name"), step, github)
    return name.strip() if isinstance(name, str) and not R.unresolved(name) else None


def _file_container(run: R.JobRun, step: wm.Step, name: str, tds, seen, made: str = ""):
    """The render step's container `name` against each task definition file of
    `tds`: reported for each without it. `made`: how the file read is made
    from them (envsubst: a `${X}` name becomes what X holds, so not known)."""
    for td in tds:
        names = L.container_names(td)
        if names is None or name in names or (made == "envsubst"
                                               and any("$" in n for n in names)):
            continue
        fix_doc, fix_path, related = _fixed_where(run, step, "container-name")
        key = (fix_doc.file, fix_path, name, td.file)
        if key in seen:
            continue
        seen.add(key)
        what = td.place(("containerDefinitions",))
        yield _unknown_container(name, f"{what} (the file it reads is made from it by {made})"
                                 if made else what, names, [td], step, fix_doc, fix_path,
                                 related)


def _generated_container(idx: Index, ctx, run: R.JobRun, step: wm.Step, path: str, github,
                         seen):
    """A render step's container name against what a script copied the file
    `path` it reads from (`L.copied_from`), in this job or in the job that
    uploaded it as the artifact a download put there (`_uploaded_from`): a
    repository file (`cp`, `envsubst`, `yq`, a jq that only drops keys), or
    `aws ecs describe-task-definition` of a family (its registered revision,
    `_family_container`)."""
    name = _container_input(run, step, github)
    source = L.copied_from(run, step, path, github) if name is not None else None
    made, where = path, ""
    if source is None and name is not None:
        handed = _uploaded_from(idx, run, step, path, github)
        if handed is not None:
            up_run, landing, made = handed
            source = L.copied_from(up_run, landing.up, made, github)
            where = f" in job '{up_run.job_id}', uploaded as artifact '{landing.artifact}'"
    if source is None:
        return
    if source[0] == "family":
        yield from _family_container(idx, run, step, name, source[1], seen,
                                     f"downloaded to {made} by aws ecs describe-task-definition"
                                     + where)
        return
    yield from _file_container(run, step, name, idx.taskdefs.at(ctx.repo_root, source[1]), seen,
                               made=source[2])


def _uploaded_from(idx: Index, run: R.JobRun, step: wm.Step, path: str, github):
    """(run, landing, source) when the file `path` that `step` reads is one
    the job's last download of an artifact put there (`_artifact_lands`),
    untouched since: the run of the job row that uploaded it, the `Landing`,
    and its path in that job. None when not known (no such download, several
    uploads may put it there, a later step names the file)."""
    base = os.path.basename(path)
    for st in reversed(run.job.steps[:step.index]):
        if (st.uses or "").split("@")[0] == "actions/download-artifact":
            landings = _lands_at(_artifact_lands(run, st, github), path)
            break
        if (isinstance(st.run, str) and base in st.run) or "cache" in (st.uses or "") \
                or any(isinstance(v, str) and base in v for v in st.with_.values()):
            return None  # it may write the file
    else:
        return None
    if len(landings) != 1 or landings[0].up is None:
        return None
    landing = landings[0]
    up_run = next((r for r in idx.runs if r.doc is run.doc and r.job is landing.job
                   and r.caller is run.caller and dict(r.row or {}) == dict(landing.row or {})),
                  None)
    made = os.path.normpath(os.path.join(landing.root, os.path.relpath(
        os.path.normpath(path.removeprefix("./")), landing.into)))
    return None if up_run is None or made.startswith("../") else (up_run, landing, made)


def _registered_container(idx: Index, run: R.JobRun, step: wm.Step, github, seen):
    """A render step that reads the registered task definition
    (`task-definition-family` or `-arn`, no file): its `container-name` against the
    containers of the task definitions of that family in the files
    (`_family_container`)."""
    family = N.render_family(run, step, github)
    name = _container_input(run, step, github)
    if family is not None and name is not None:
        yield from _family_container(idx, run, step, name, family, seen, "the step reads")


def _family_container(idx: Index, run: R.JobRun, step: wm.Step, name: str, family: str,
                      seen, how: str):
    """The render step's container `name` against the task definitions of
    `family` in the files (the registered revision it reads, as `how` says, is
    one of them); reported when none has it."""
    tds = idx.taskdefs.by_family.get(family, [])
    listed = [L.container_names(td) for td in tds]
    if not tds or any(names is None or name in names for names in listed):
        return
    fix_doc, fix_path, related = _fixed_where(run, step, "container-name")
    key = (fix_doc.file, fix_path, name, family)
    if key in seen:
        return
    seen.add(key)
    names = list(dict.fromkeys(n for names in listed for n in names))
    yield _unknown_container(
        name, f"task definition family '{family.strip()}' "
              f"({tds[0].place(('containerDefinitions',))}, the registered revision {how})",
        names, tds, step, fix_doc, fix_path, related)


def _unknown_container(name, what, names, tds, step, fix_doc, fix_path, related) -> Problem:
    """xref-container-name-unknown: `name` is not one of `names`, the containers
    of `what` (the task definitions `tds`)."""
    shown = ", ".join(f"'{n}'" for n in names) or "none"
    return Problem(
        CONTAINER_UNKNOWN.id, fix_path,
        f"container-name '{name}' is not a container of {what} (its containers: {shown}): "
        "the render step fails with \"Could not find container definition with matching "
        "name\"",
        help=f"use {shown if len(names) == 1 else 'one of ' + shown}, or rename the container "
             f"in {tds[0].file}",
        doc=fix_doc, span=wm.composite_input_span(step, "container-name"),
        related=related + [(t, ("containerDefinitions",), f"the containers of {t.file}")
                           for t in tds])


def _fixed_where(run: R.JobRun, step: wm.Step, key: str):
    """(doc, path, related) where an action input's wrong value is fixed: in
    a local reusable workflow whose input is `${{ inputs.X }}`, the calling
    job's `with: X` (the other callers may pass right values); else the input."""
    here = wm.input_path(step, key)
    m = wm.INPUT_REF.fullmatch((step.with_.get(key) or "").strip()) \
        if isinstance(step.with_.get(key), str) and run.caller is not None else None
    given = run.caller.job.get("with") if m else None
    if not isinstance(given, dict) or m.group(1) not in given:
        return run.doc, here, []
    return (run.caller.doc, ("jobs", run.caller.job_id, "with", m.group(1)),
            [(run.doc, here, f"the input of {run.doc.file} it gives")])


def _closest_hint(root, path) -> str:
    default = "fix the path (relative to the repository root) or add the file"
    folder = os.path.join(root or ".", os.path.dirname(path))
    entries = probes.ask("listdir", folder)
    if entries is None:
        return default
    entries = [e for e in entries if e.lower().endswith((".json", ".yaml", ".yml"))]
    import difflib
    best = difflib.get_close_matches(os.path.basename(path), entries, n=1, cutoff=0.5)
    if best:
        return f"did you mean {os.path.join(os.path.dirname(path), best[0])}?"
    return default


# ---------------------------------------------------------------------------
# permissions


def _policy_docs(role) -> List[Document]:
    return [d for d in role.permissions if isinstance(d.data, dict)]


def _role_statements(idx: Index, role, boundary: bool = False) -> List["iam.Statement"]:
    """The statements of the role's permission policies (or of its permissions
    boundary), read once per run (`Statement.policy` indexes `_policy_docs(role)`,
    or `role.boundaries`)."""
    key = ("boundary", id(role)) if boundary else id(role)
    hit = idx.statements.get(key)
    if hit is None:
        docs = role.boundaries if boundary else _policy_docs(role)
        hit = idx.statements[key] = (role, iam.policy_statements([d.data for d in docs]))
    return hit[1]


def _where_to_fix(docs: List[Document], action: str, resource: Optional[str] = None):
    """(doc, path) where a missing action belongs: a statement of the same
    service, one on resources of the same type first (a push to one ECR
    repository goes beside the other repository actions, not beside
    `ecr:GetAuthorizationToken` on "*")."""
    service = action.split(":", 1)[0].lower()
    docs = [d for d in docs if not (d.context or {}).get("managed")] or docs  # not AWS's
    same = [(d, st) for d in docs for st in iam.statements(d.data)
            if st.allow and st.actions is not None and any(
                isinstance(a, str) and a.lower().startswith(service + ":") for a in st.actions)]
    kind = _resource_type(resource)
    alike = [(d, st) for d, st in same if kind and any(
        _resource_type(iam.pattern_text(r, "*")) == kind for r in st.resources or [])]
    for d, st in alike:
        # it allows the action on other resources of the kind: the resources
        # are what to fix (written where a module call or a variable gives them)
        if iam.statement_actions_match(st, action) and isinstance(st.raw, dict) \
                and "Resource" in st.raw:
            return d, st.path + ("Resource",)
    for d, st in alike + same:
        return d, st.path + ("Action",)
    return docs[0], ("Statement",)


def _resource_type(arn: Optional[str]) -> Optional[str]:
    """`arn:aws:ecr:...:repository/app` -> `ecr:repository`; None if not an ARN."""
    parts = arn.split(":", 5) if isinstance(arn, str) else []
    if len(parts) < 6 or parts[0] != "arn":
        return None
    return f"{parts[2]}:{parts[5].split('/', 1)[0]}"


def _permission_checks(idx: Index, ctx):
    github = _github(ctx)
    needs_by_key: Dict[tuple, List[N.Need]] = {}
    passes: Dict[tuple, tuple] = {}
    for run in idx.runs:
        for step in run.job.steps:
            link = run.role_at.get(step.index)
            before = run.role_at.get(step.index - 1)
            for need in N.chain_needs(run, step, before, link) \
                    if before is not None and before.role is not None \
                    and _policy_docs(before.role) else ():
                needs_by_key.setdefault((id(need.link.role), need.action, need.resource,
                                         need.link.region, need.context), []).append(need)
            if link is None or link.role is None or not _policy_docs(link.role):
                continue
            needs = N.step_needs(run, step, link, github, N.deployment_controller(idx, run, step, github))
            login = N.registry_login_link(run, step)
            if login is not None and login.role is not link.role and any(
                    N.by_docker(n) for n in needs):
                # docker presents the token of the role that logged in, not the job's current one
                needs = [n for n in needs if not N.by_docker(n)] + [
                    n for n in N.step_needs(run, step, login, github) if N.by_docker(n)
                    and login.role is not None and _policy_docs(login.role)]
            # the task definitions it registers or runs, found once for both uses below
            taskdefs = N.step_taskdefs(idx, run, step, github, ctx) if any(
                n.action in ("ecs:RegisterTaskDefinition", "ecs:RunTask") for n in needs) else []
            needs += N.tag_needs(idx, run, step, link, github, ctx, needs, taskdefs)
            if taskdefs:  # RegisterTaskDefinition is authorized on the revision it makes
                made = N.new_revisions(taskdefs, link)
                needs = [dataclasses.replace(n, resource=made)
                         if n.action == "ecs:RegisterTaskDefinition" and n.resource is None
                         else n for n in needs]
            if taskdefs and not any(isinstance(td.data, dict) and td.data.get("tags")
                                    for td in taskdefs):
                # registering an untagged task definition: the request has no tags
                untagged = (("aws:TagKeys", iam.ABSENT), ("aws:RequestTag/*", iam.ABSENT))
                needs = [dataclasses.replace(n, context=n.context + untagged)
                         if n.action == "ecs:RegisterTaskDefinition" else n for n in needs]
            if step.uses == A.DEPLOY:
                needs = N.run_task_definition(needs, taskdefs)
            elif step.run is not None and any(n.action == "ecs:RunTask" for n in needs):
                needs = N.run_registered(idx, run, step, github, ctx, needs)
            for need in N.with_passed_role_keys(idx.roles, needs):
                needs_by_key.setdefault((id(need.link.role), need.action, need.resource,
                                         need.link.region, need.context), []).append(need)
            for td in taskdefs:
                passes.setdefault((id(link.role), id(td)), (link, td, step, run))
    if ctx.is_enabled(PASSROLE_NOT_COVERED.id):
        # a role an override passes that is also a task definition's: that
        # rule reports it (once)
        told = {(id(link.role), N.role_arn(v, L.account_of_arn(link.resolved or "")
                                         or link.role.account, N.partition_of(link)))
                for link, td, _, _ in passes.values() for _, v in L.task_roles(td)}
        needs_by_key = {k: v for k, v in needs_by_key.items()
                        if k[1] != "iam:PassRole" or (k[0], k[2]) not in told}
    if ctx.is_enabled(PERMISSION_MISSING.id):
        yield from _missing(idx, needs_by_key)
    if ctx.is_enabled(PASSROLE_NOT_COVERED.id):
        yield from _passrole(idx, passes)


# a service ARN, or the tasks of a cluster (`task/CLUSTER/*`): both name the cluster
_SERVICE_ARN = re.compile(r"^(arn:[^:]+:ecs:[^:]+:\d{12}:)(?:service|task)/([^/]+)/[^/]+$")


# global services whose requests go to us-east-1, whatever region the
# credentials were configured for: aws:RequestedRegion is us-east-1 (IAM User
# Guide, "Denies access to AWS based on the requested Region")
_US_EAST_1_SERVICES = {"cloudfront", "iam", "route53", "organizations", "support",
                       "budgets", "ce", "waf", "health"}


def _missing(idx: Index, needs_by_key):
    # one finding per role and action, naming every resource it is denied on
    denied: Dict[tuple, list] = {}
    for (_, action, resource, region, keys), needs in needs_by_key.items():
        role = needs[0].link.role
        if resource is None and action.lower() in iam.NO_RESOURCE_ACTIONS:
            resource = "*"
        # the region the request goes to (a regional resource's, else the one
        # the credentials were configured for): a condition on
        # aws:RequestedRegion can be read; so can ecs:cluster on a service's calls
        parts = resource.split(":") if resource and resource.startswith("arn:") else []
        region = parts[3] if len(parts) > 3 and parts[3] else region
        if action.split(":", 1)[0].lower() in _US_EAST_1_SERVICES and region \
                and action.lower() != "iam:passrole" \
                and not region.startswith(("cn-", "us-gov-")):  # (PassRole: the passing call's)
            region = "us-east-1"  # a global service's one endpoint (IAM User Guide)
        # a role session from a workflow never used MFA: the key is false; its
        # calls are its own (not made by a service for it: no aws:CalledVia,
        # aws:ViaAWSService false), and from a GitHub-hosted runner they come
        # from outside any VPC (no aws:SourceVpc / aws:SourceVpce)
        context = {"aws:MultiFactorAuthPresent": "false", "aws:CalledVia": iam.ABSENT,
                   "aws:ViaAWSService": "false"}
        if all(_github_hosted(n.run.job) for n in needs):
            context.update({"aws:SourceVpc": iam.ABSENT, "aws:SourceVpce": iam.ABSENT})
        if region:
            context["aws:RequestedRegion"] = region
        account = L.account_of_arn(needs[0].link.resolved or "") or role.account
        if account and account != iam.UNKNOWN_ACCOUNT:  # (`${aws:PrincipalAccount}`)
            context["aws:PrincipalAccount"] = account
        cluster = _SERVICE_ARN.match(resource or "")
        if cluster:
            context["ecs:cluster"] = cluster.group(1) + "cluster/" + cluster.group(2)
        context.update(keys)
        forms = N.log_group_forms(resource)
        decisions = [iam.evaluate_statements(_role_statements(idx, role), action, form,
                                             context) for form in forms]
        decision = decisions[0]
        repository = _repository_policy(idx, needs[0].link.resolved, action, resource, context)
        if repository is not None and not repository[1].allowed:  # its Deny wins
            denied.setdefault((id(role), action), []).append(
                (resource, needs, repository[1], False, repository[0]))
            continue
        if any(d.allowed for d in decisions) or (
                repository is not None and decision.statement is None):
            bounded = _boundary_refusal(idx, role, action, forms, context)
            if bounded is not None:
                denied.setdefault((id(role), action), []).append(
                    (resource, needs, bounded, True, None))
            continue
        if decision.statement is None and role.unread_for(action):
            continue  # an attached policy not read may allow it (only a Deny is certain)
        denied.setdefault((id(role), action), []).append(
            (resource, needs, decision, False, None))
    for (_, action), entries in denied.items():
        resource, needs, decision, boundary, repository = entries[0]
        others = list(dict.fromkeys(e[0] for e in entries[1:] if e[0] and e[0] != resource))
        yield _missing_problem(idx, action, resource, needs, decision, others,
                               [n for e in entries[1:] for n in e[1][:1]], boundary, repository)


def _repository_policy(idx: Index, role_arn, action: str, resource: Optional[str], context):
    """(repository, decision) of the policies read of the ECR repository
    `resource` on `action` by the role `role_arn` of the repository's own
    account, where one denies it or each allows it (within one account an
    Allow of either the repository's policy or the role's suffices: ECR User
    Guide, "Repository policies vs IAM policies"); None otherwise, and for
    another account's role (both must allow) or a role whose ARN is not known.
    (ecr:GetAuthorizationToken is on no repository: IAM's alone.)"""
    parts = resource.split(":", 5) if _resource_type(resource) == "ecr:repository" else []
    if not parts or parts[4] != L.account_of_arn(role_arn or ""):
        return None
    name = parts[5].partition("/")[2]
    context = {**context, "aws:PrincipalArn": role_arn}
    found = []
    for d in idx.docs:
        if d.kind == "ecr-repository" and isinstance(d.data, dict) \
                and d.data.get("repositoryName") == name:
            policy = iam.policy_from_view(d.data.get("repositoryPolicyText"))
            stmts = iam.resource_policy_statements(policy, resource, role_arn)
            found.append((d, iam.evaluate_statements(stmts, action, resource, context)))
    denied = [(d, decision) for d, decision in found if decision.statement is not None
              and not decision.allowed]
    if denied:
        return denied[0]
    return found[0] if found and all(decision.allowed for _, decision in found) else None


def _boundary_refusal(idx: Index, role, action: str, forms, context):
    """The decision of the role's permissions boundary on an action its own
    policies allow, when the boundary does not allow it (a role may do only
    what both allow); None when it does, or when the boundary is not read."""
    if not role.bounded_for(action):
        return None
    stmts = _role_statements(idx, role, boundary=True)
    decisions = [iam.evaluate_statements(stmts, action, form, context) for form in forms]
    return None if any(d.allowed for d in decisions) else decisions[0]


_HOSTED = re.compile(r"^(?:ubuntu|windows|macos)-[\w.-]+$")


def _github_hosted(job) -> bool:
    """Does the job run on a GitHub-hosted runner (`ubuntu-latest`, ...)?"""
    labels = wm.runner_labels(job)
    return bool(labels) and all(_HOSTED.match(x) for x in labels)


def _missing_problem(idx: Index, action, resource, needs, decision, others, more_needs,
                     boundary: bool = False, repository: Optional[Document] = None):
    """xref-permission-missing: refused by the role's policies, its `boundary`,
    or (a Deny) the policy of the ECR `repository` (its document)."""
    role = needs[0].link.role
    docs = role.boundaries if boundary else _policy_docs(role)
    first = needs[0]
    if repository is not None:
        doc, path = repository, ("repositoryPolicyText",)
    elif decision.statement is not None:
        doc, path = docs[decision.statement.policy], decision.statement.path
    else:
        doc, path = _where_to_fix(docs, action, resource)
    line = first.line or first.run.doc.span(first.step.path).line
    star = resource == "*" and action.lower() in iam.NO_RESOURCE_ACTIONS
    on = (" (it has no resource-level permissions: only Resource \"*\" grants it)" if star
          else f" on {resource}" if resource else "")
    keys = [f"no {k}" if v is iam.ABSENT else f"{k} = {v}" for k, v in first.context
            if k != "ecs:cluster"]
    on += f" (a request with {', '.join(keys)})" if keys else ""
    also = f" (other steps need it on {', '.join(others)} too)" if others else ""
    every = f" on {', '.join(([resource] if resource else []) + others)}" if others else on
    if repository is not None:
        why = f"{decision.reason} of the repository's policy"
        help_ = f"remove or narrow the repository policy's Deny for {action}"
    elif boundary:
        why = (f"its policies allow it, but its permissions boundary does not "
               f"({decision.reason}), and a role may do only what both allow")
        help_ = (f"remove or narrow the boundary's Deny for {action}"
                 if decision.statement is not None and not decision.statement.allow
                 else f"allow {action}{every} in the permissions boundary too"
                 if not (doc.context or {}).get("managed")
                 else f"give the role a boundary that allows {action} (the AWS managed "
                      f"{doc.context['managed']} does not)")
    else:
        why = decision.reason
        help_ = (f"remove or narrow the Deny for {action}" if decision.statement is not None
                 else _managed_help(doc, f"allow {action} on Resource \"*\"") if star
                 else _managed_help(doc, f"allow {action}{every}"))
    return Problem(
        PERMISSION_MISSING.id, path,
        f"role {role.label} is not allowed {action}{on}, which {first.why} in "
        f"{first.run.label} needs ({first.run.doc.file}:{line}): {why}; "
        f"the step fails with AccessDenied{also}",
        help=help_, doc=doc,
        related=[_related(n, f"{n.why} ({n.run.label}) needs {action}")
                 for n in needs[:3] + more_needs[:3]])


def _managed_help(doc: Document, fix: str) -> str:
    """`fix` "in this policy", or in a policy of the role's own when `doc` is
    an AWS managed policy (which cannot be changed)."""
    name = (doc.context or {}).get("managed")
    if name:
        return f"{fix} in a policy of the role's own (the AWS managed {name} does not)"
    return f"{fix} in this policy"


def _related(need: N.Need, message: str):
    if need.span is not None:
        return Related(need.run.doc.file, need.span, message)
    return (need.run.doc, need.step.path, message)


def _passrole(idx: Index, passes):
    reported = set()
    for link, td, step, run in passes.values():
        role = link.role
        docs = _policy_docs(role)
        account = L.account_of_arn(link.resolved or "") or role.account
        part = N.partition_of(link)
        for field_name, value in L.task_roles(td):
            arn = N.role_arn(value, account, part)
            asked = [arn]
            if arn is None:  # a template's role: its ARN with the account unknown, or
                # only `Fn::GetAtt X.Arn` (its name generated)
                probes = iam.role_arn_probes(value, _role_statements(idx, role))
                if probes is None:
                    yield from _generated_role_not_passed(idx, role, docs, field_name, value,
                                                          td, step, run, reported)
                    continue
                arn, asked = probes
            if (id(role), arn) in reported:
                continue
            # (the passed role's tags, for an `iam:ResourceTag/K` condition)
            context = {"iam:PassedToService": N.ECS_TASKS,
                       **dict(N.passed_role_keys(idx.roles, arn))}
            decisions = [iam.evaluate_statements(_role_statements(idx, role), "iam:PassRole",
                                                 a, context) for a in asked]
            decision = next((d for d in decisions if d.allowed), decisions[0])
            bounded = _boundary_refusal(idx, role, "iam:PassRole", asked, context) \
                if decision.allowed else None
            if (decision.allowed and bounded is None) or (
                    decision.statement is None and role.unread_for("iam:PassRole")):
                continue
            reported.add((id(role), arn))
            if bounded is not None:  # its policies allow it; its boundary does not
                yield _not_passed(
                    role, arn, field_name, td, step, run, role.boundaries, bounded,
                    f"its policies allow it, but its permissions boundary does not "
                    f"({bounded.reason}), and a role may do only what both allow",
                    f"allow iam:PassRole on {arn} in the permissions boundary too",
                    boundary=True)
                continue
            yield _not_passed(
                role, arn, field_name, td, step, run, docs, decision, decision.reason,
                f"add {arn} to the iam:PassRole resources (with iam:PassedToService "
                f"{N.ECS_TASKS}), or point the task definition at a role this policy may pass")


def _not_passed(role, arn, field_name, td, step, run, docs, decision, why, fix,
                boundary: bool = False) -> Problem:
    """xref-passrole-not-covered: `role` may not pass `arn`, the `field_name`
    of `td` that `run` registers in `step`, because of `why`; placed in `docs`
    (its policies, or its `boundary`) where `decision` says (`iam.passrole_place`)."""
    policy, path = iam.passrole_place([d.data for d in docs], decision)
    doc = docs[policy]
    managed = (doc.context or {}).get("managed")
    if managed and boundary:  # an AWS managed policy cannot be changed
        fix = (f"give the role a boundary that allows iam:PassRole on {arn} (the AWS "
               f"managed {managed} does not)")
    elif managed:
        fix = _managed_help(doc, f"allow iam:PassRole on {arn} (with iam:PassedToService "
                                 f"{N.ECS_TASKS})")
    return Problem(
        PASSROLE_NOT_COVERED.id, path,
        f"role {role.label} may not pass {arn}, the {field_name} of "
        f"{td.place((field_name,))} that {run.label} registers ({run.doc.file}:"
        f"{run.doc.span(step.path).line}): {why}; RegisterTaskDefinition fails with "
        "AccessDenied on iam:PassRole",
        help=fix, doc=doc,
        related=[(td, (field_name,), f"{field_name} of {td.file}"),
                 (run.doc, step.path, f"the step that registers it ({run.label})")])


def _generated_role_not_passed(idx: Index, role, docs, field_name, value, td, step, run,
                               reported):
    """xref-passrole-not-covered for a task definition's role known only as
    `Fn::GetAtt X.Arn` (`aws_iam_role.x.arn`), whose name AWS generates, when
    the role's iam:PassRole names only other such roles."""
    generated = iam.generated_role(value)
    if generated is None or (id(role), generated) in reported or not docs \
            or role.unread_for("iam:PassRole"):
        return
    stmts = _role_statements(idx, role)
    if iam.passes_generated_role(stmts, generated, {"iam:PassedToService": N.ECS_TASKS}) \
            is not False:
        return
    reported.add((id(role), generated))
    yield _not_passed(
        role, generated, field_name, td, step, run, docs, iam.Decision(False, None, ""),
        "its iam:PassRole names only other roles of the template, and each is one role "
        "with its own ARN",
        f"add the ARN of {generated} to the iam:PassRole resources (with "
        f"iam:PassedToService {N.ECS_TASKS})")


# ---------------------------------------------------------------------------
# subs against trust policies


@dataclass
class Usage:
    run: R.JobRun
    link: R.RoleLink
    produced: P.Produced
    certain: bool  # every context it may run in is known


def _workflow_refs(idx: Index, doc: Document, default_branch: str, ctx,
                   triggers=None, depth=0, events=None, caller=None) -> P.Refs:
    """The refs the workflow runs on; a reusable one runs on its callers' (each
    narrowed by the calling job's `if:`, and by `events`: the called job's test
    of `github.event_name`, which is the caller's event), or on one `caller`'s."""
    if triggers is None:
        triggers = wm.workflow_of(doc).triggers
    refs = P.refs_of_triggers({e: s for e, s in triggers.items() if e != "workflow_call"},
                              default_branch)
    if "workflow_call" not in triggers:
        return refs
    callers = _callers(idx, doc) if depth < 4 else []
    if caller is not None:
        callers = [(caller.doc, _calling_if(caller.doc, caller.job))]
    if not callers:
        refs.unknown.append("workflow_call")
        ctx.note(f"xref: {doc.file} is a reusable workflow and none of its callers was "
                 "read: the subs of its jobs depend on the caller")
        return refs
    musts, mays = [refs.must], [refs.may]
    for caller, job_if in callers:
        narrow = P.narrowing(job_if, None, wm.workflow_of(caller).triggers)
        caller_triggers = narrow.admit(wm.workflow_of(caller).triggers)
        if events is not None:
            caller_triggers = events.admit(caller_triggers)
        c = _workflow_refs(idx, caller, default_branch, ctx, caller_triggers, depth + 1, events)
        if narrow.refs is not None:  # the calling job runs on these refs only
            c.must, c.may = P.intersect(c.must, narrow.refs), P.intersect(c.may, narrow.refs)
            c.pull_request_must = c.pull_request_may = False
        if not narrow.understood:  # an `if:` we cannot read: its refs are possible only
            c.must, c.pull_request_must = P.EMPTY, False
        musts.append(c.must)
        mays.append(c.may)
        refs.pull_request_must |= c.pull_request_must
        refs.pull_request_may |= c.pull_request_may
        refs.pull_request_refs = P.alt([refs.pull_request_refs, c.pull_request_refs])
        refs.unknown.extend(c.unknown)
    refs.must, refs.may = P.alt(musts), P.alt(mays)
    return refs


def _calling_jobs(idx: Index, doc: Document) -> List[tuple]:
    """[(workflow, job mapping)] of the jobs that call the local workflow `doc`."""
    out = []
    for d in idx.docs:
        if d.kind != "workflow" or d is doc or not isinstance(d.data, dict):
            continue
        jobs = d.data.get("jobs")
        out.extend((d, job) for job in (jobs.values() if isinstance(jobs, dict) else [])
                   if wm.calls(job, doc.file))
    return out


def _callers_of(idx: Index, doc: Document, github=None) -> Optional[List[R.Caller]]:
    """The calling jobs of a workflow that only other workflows run (`on:
    workflow_call` alone), each with the inputs it passes over the inputs'
    defaults; None when it has other triggers or no linted workflow calls it.
    A value written with an expression other than `${{ vars.X }}` (same
    repository) is unknown: `matrix`, `needs` and `inputs` belong to the caller."""
    triggers = wm.workflow_of(doc).triggers
    if not isinstance(triggers, dict) or set(triggers) != {"workflow_call"}:
        return None
    calling = _calling_jobs(idx, doc)
    if not calling:
        return None
    out = []
    for caller, job in calling:
        job_id = next((i for i, j in caller.data["jobs"].items() if j is job), "?")
        strategy = job.get("strategy") if isinstance(job, dict) else None
        rows = wm.matrix_rows(strategy.get("matrix"), github) if isinstance(strategy, dict) \
            and "matrix." in str(job.get("with")) else [{}]
        for row in rows:  # (a matrix calling job: one call per row, its values in `with:`)
            for call in _dispatched_calls(caller, wm.with_row(job, row)):
                out.append(R.Caller(caller, str(job_id), job,
                                    wm.caller_inputs(wm.workflow_of(doc), call)))
    return out


_MAX_DISPATCHED_CALLS = 64


def _dispatched_calls(caller: Document, job: dict) -> List[dict]:
    """A calling job as each run of its workflow makes it, when its `with:`
    passes on the workflow's own dispatch inputs (`${{ inputs.stage }}`): one
    per option of a `choice` input (the other inputs at their defaults), and
    one per other event, where they are empty; else the job as written."""
    given = job.get("with") if isinstance(job, dict) else None
    texts = [v for v in given.values() if isinstance(v, str) and "inputs." in v] \
        if isinstance(given, dict) else []
    triggers = wm.workflow_of(caller).triggers
    if not texts or not isinstance(triggers, dict) or "workflow_dispatch" not in triggers:
        return [job]
    splits = [inputs for _, _, inputs in R.dispatch_splits(triggers, texts)
              if inputs is not None]
    if not splits or len(splits) > _MAX_DISPATCHED_CALLS:
        return [job]  # (hundreds of options: read as one call, its values not known)
    return [{**job, "with": {k: wm.expand(v, None, None, None, {"inputs": inputs})
                             if isinstance(v, str) else v for k, v in given.items()}}
            for inputs in splits]


def _callers(idx: Index, doc: Document) -> List[tuple]:
    """[(workflow, the calling job's `if:`)] of the workflows that call `doc`."""
    return [(d, _calling_if(d, job)) for d, job in _calling_jobs(idx, doc)]


def _calling_if(doc: Document, job: dict):
    """The `if:` a calling job runs under: its own, and what the jobs it needs
    say (`R.needs_condition`)."""
    wf = wm.workflow_of(doc)
    jid = next((i for i, j in doc.data["jobs"].items() if j is job), None)
    if jid not in wf.jobs:
        return job.get("if")
    return R.and_conditions(job.get("if"), R.needs_condition(wf, wf.jobs[jid]))


# the dispatch inputs as the event carries them: the same values on a
# workflow_dispatch run (in a called workflow, `github.event` is the caller's event)
_EVENT_INPUT_REF = re.compile(r"\$\{\{\s*github\.event\.inputs\.([A-Za-z0-9_-]+)\s*\}\}")


def _input_values(idx: Index, run: R.JobRun, triggers: dict, name: str) -> Optional[list]:
    """The values `inputs.NAME` takes in a job that runs only on `workflow_dispatch`
    (a `choice` input: GitHub accepts only its options) and `workflow_call` (what
    the calling jobs of the linted workflows pass, else the input's default); None
    when some value is not known."""
    if not triggers or set(triggers) - {"workflow_dispatch", "workflow_call"}:
        return None
    values = []
    for event, spec in triggers.items():
        inputs = spec.get("inputs") if isinstance(spec, dict) else None
        inp = inputs.get(name) if isinstance(inputs, dict) else None
        if event == "workflow_dispatch":
            options = inp.get("options") if isinstance(inp, dict) else None
            if not isinstance(inp, dict) or inp.get("type") != "choice" \
                    or not isinstance(options, list) or not options:
                return None
            values += options
            continue
        callers = [job for _, job in _calling_jobs(idx, run.doc)]
        if not callers:
            return None
        for job in callers:
            given = job.get("with") if isinstance(job.get("with"), dict) else {}
            if name in given:
                values.append(given[name])
            elif isinstance(inp, dict) and "default" in inp:
                values.append(inp["default"])
            else:
                return None
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
               and "${{" not in str(v) for v in values):
        return None
    return [str(v) for v in values]


_WHOLE_EXPRESSION = lazy_re(r"\$\{\{(.*)\}\}", re.S)
_LITERAL = lazy_re(r"^'((?:[^']|'')*)'$")  # (wm.QUOTED, without importing the workflow model)


def _chosen_environments(run: R.JobRun, github) -> Optional[list]:
    """The environments of `environment: ${{ COND && 'staging' || 'production' }}`
    (or a longer chain of `COND && 'NAME' ||`, ending in a name) whose
    conditions are not known: each name it can pick ('' is no environment)."""
    text = wm.expand(run.job.environment, run.job, None, run.row, github)
    m = _WHOLE_EXPRESSION.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None or "${{" in m.group(1):
        return None
    parts = wm.split_top(m.group(1).strip(), "||")
    out = []
    for i, part in enumerate(parts):
        pieces = wm.split_top(wm.strip_parens(part), "&&")
        last = _LITERAL.fullmatch(pieces[-1].strip())
        if last is None or len(pieces) == 1 and i < len(parts) - 1 \
                or len(pieces) > 1 and i == len(parts) - 1:
            return None  # a value that is not a name, or a chain not ending in one
        name = last.group(1).replace("''", "'").strip()
        if name or i == len(parts) - 1:  # ('' is false: the chain goes on)
            out.append(name or None)
    return list(dict.fromkeys(out)) if len(out) > 1 else None


# `${{ inputs.NAME || 'default' }}`: the input, or the default where it is empty
# (on a trigger that has no inputs, such as a push)
_INPUT_OR_REF = re.compile(
    r"\$\{\{\s*(?:github\.event\.)?inputs\.([A-Za-z0-9_-]+)\s*\|\|\s*'((?:[^']|'')*)'\s*\}\}")


def _input_environments(idx: Index, run: R.JobRun, triggers: dict, github) -> Optional[list]:
    """The environments of a job whose `environment` is set from one input
    (`${{ inputs.environment }}`, or `${{ inputs.environment || 'staging' }}`),
    when its values are known (see `_input_values`); on an event without
    inputs (a push) the input is empty: no environment, or the default."""
    text = wm.expand(run.job.environment, run.job, None, run.row, github)
    fallback = _INPUT_OR_REF.fullmatch(text.strip()) if isinstance(text, str) else None
    if fallback is not None:
        with_inputs = {e: s for e, s in triggers.items()
                       if e in ("workflow_dispatch", "workflow_call")}
        values = _input_values(idx, run, with_inputs, fallback.group(1)) if with_inputs else []
        if values is None:
            return None
        if set(triggers) - set(with_inputs):
            values = values + [""]  # no inputs on those events
        default = fallback.group(2).replace("''", "'")
        envs = [(v.strip() or default).strip() or None for v in values]
        return list(dict.fromkeys(envs))
    names = set(wm.INPUT_REF.findall(text)) if isinstance(text, str) else set()
    event_names = set(_EVENT_INPUT_REF.findall(text)) if isinstance(text, str) else set()
    if event_names and set(triggers) != {"workflow_dispatch"}:
        return None
    names |= event_names
    if len(names) != 1:
        return None
    with_inputs = {e: s for e, s in triggers.items() if e in ("workflow_dispatch", "workflow_call")}
    values = _input_values(idx, run, with_inputs, names.pop()) if with_inputs else None
    if values is None:
        return None
    if set(triggers) - set(with_inputs):
        values = values + [""]  # no inputs on those events (a push): no environment
    out = []
    for v in values:
        env = _EVENT_INPUT_REF.sub(lambda m: v, wm.INPUT_REF.sub(lambda m: v, text)).strip()
        if R.unresolved(env):
            return None
        if (env or None) not in out:
            out.append(env or None)  # `environment: ""` is no environment
    return out


def _sub_checks(idx: Index, ctx):
    from ecs_lint import subjects as S

    github = _github(ctx)
    default_branch = _default_branch(idx, github)
    prefix = idx.prefix if idx.prefix is not None else None
    pattern_prefix = P.prefix_pattern(prefix)
    by_role: Dict[int, List[Usage]] = {}
    roles = {}
    for job_run in idx.runs:
        oidc_links = [l for l in job_run.roles
                      if l.use.oidc and l.role is not None and l.role.trust]
        if not oidc_links:
            continue
        # a job runs only where the jobs it needs ran (unless its `if:` says always())
        needs_if = R.needs_condition(job_run.workflow, job_run.job)
        if needs_if is not None:
            job_run = dataclasses.replace(
                job_run, condition=R.and_conditions(job_run.condition, needs_if))
        narrow = P.narrowing(job_run.if_, job_run.row, job_run.workflow.triggers)
        triggers = narrow.admit(job_run.workflow.triggers)
        each = [job_run]
        if job_run.environment == R.UNKNOWN_ENVIRONMENT:
            envs = _input_environments(idx, job_run, triggers, github)
            if envs is None:
                envs = _chosen_environments(job_run, github)
            if envs is None:  # one environment, its name unknown: compared as such
                ctx.note(f"xref: {job_run.doc.file}: {job_run.label}: environment "
                         f"'{job_run.job.environment}' cannot be resolved; its sub is "
                         "reported only if no environment of the repository is admitted")
            else:
                each = [dataclasses.replace(job_run, environment=e) for e in envs]
        for run in each:
            certain, produced = _produced(idx, run, triggers, narrow, pattern_prefix,
                                          default_branch, ctx)
            for link in oidc_links:
                got = (certain, produced)
                cond = _step_condition(run.if_, link.step.if_)
                if cond is not None:  # the role step runs only where its own `if:` holds
                    step_narrow = P.narrowing(cond, run.row, run.workflow.triggers)
                    got = _produced(idx, run, step_narrow.admit(run.workflow.triggers),
                                    step_narrow, pattern_prefix, default_branch, ctx,
                                    condition=cond)
                by_role.setdefault(id(link.role), []).append(Usage(run, link, got[1], got[0]))
                roles[id(link.role)] = link.role
    # a role value ecs-lint cannot resolve may be any role; a resolved ARN or name
    # that links to none of the roles read is none of them
    unlinked = any(l.use.oidc and l.role is None and l.resolved is None
                   for r in idx.runs for l in r.roles)
    # so may a job that calls a reusable workflow of another repository with
    # id-token: write: its jobs, which ecs-lint cannot read, may assume any
    # role, with this repository's subs: the calling job's refs, or any
    # environment (a called job may have one). Every role counts them as used.
    remote = [r for r in idx.runs if r.job.uses and not r.job.uses.startswith("./")
              and r.job.id_token_write]
    if ctx.is_enabled(SUB_NOT_ADMITTED.id):
        reported: set = set()
        for r in remote:
            yield from _called_workflow_ref_refused(S, idx, r, github, reported)
    elsewhere = []
    for r in remote:
        narrow = P.narrowing(r.if_, r.row, r.workflow.triggers)
        for env in (None, P.UNKNOWN_ENVIRONMENT):
            certain, got = _produced(idx, dataclasses.replace(r, environment=env),
                                     narrow.admit(r.workflow.triggers), narrow,
                                     pattern_prefix, default_branch, ctx)
            unlinked = unlinked or not certain
            elsewhere.append((f"the jobs of {r.job.uses.split('@')[0]} that {r.label} in "
                              f"{r.doc.file} calls", got.may))
    # a workflow of the repository that was not read (a run on some files:
    # pre-commit) may assume the role too, with subs the files read do not show
    unread = _workflows_not_read(idx, ctx) \
        if by_role and not unlinked and ctx.is_enabled(SUB_BROADER.id) else []
    if unread:
        unlinked = True
        ctx.note(f"xref: {len(unread)} workflow(s) of the repository not read "
                 f"({', '.join(unread[:3])}): a role may be assumed there too, so "
                 "xref-sub-broader-than-used is not checked")
    elif unlinked and ctx.verbose:
        unlinked_at = sorted({f"{r.doc.file}:{r.doc.span(l.path).line}" for r in idx.runs
                              for l in r.roles
                              if l.use.oidc and l.role is None and l.resolved is None}
                             | {f"{r.doc.file}:{r.doc.span(r.job.path).line}"
                                for r in remote})
        ctx.note("xref: some role uses could not be linked (" + ", ".join(unlinked_at[:5])
                 + "): a role they assume may be used more widely than ecs-lint sees, so "
                 "xref-sub-broader-than-used is not checked")
    if unlinked:  # in a large run, other parts checked apart may have reported some
        ctx.void(SUB_BROADER.id)
    for rid, usages in by_role.items():
        try:
            found = list(_role_subs(S, idx, ctx, roles[rid], usages, prefix is not None,
                                    not unlinked, elsewhere))
        except S.TooComplex as e:
            ctx.note(f"xref: {roles[rid].label}: its trust policy is too complex to compare "
                     f"with the subs its jobs send ({e})")
            continue
        yield from found


_SHA_REF = re.compile(r"^[0-9a-f]{40}$", re.I)


def _called_workflow_refs(ref) -> List[str]:
    """The refs a call of another repository's reusable workflow at `ref` (as
    `uses:` writes it after `@`) gives the `job_workflow_ref` claim of the
    called jobs: a commit SHA as it is, a short name as a branch or a tag;
    [] when it is not written out."""
    if not isinstance(ref, str) or not ref or "${{" in ref:
        return []
    if _SHA_REF.match(ref) or ref.startswith("refs/"):
        return [ref]
    return [f"refs/heads/{ref}", f"refs/tags/{ref}"]


def _called_workflow_ref_refused(S, idx: Index, r: R.JobRun, github: dict, reported: set):
    """xref-sub-not-admitted for a job that calls another repository's reusable
    workflow and hands it a role (an input named like `role-to-assume` whose
    value links to a role read) whose trust policy pins `job_workflow_ref` to
    other values in every statement: the called jobs send the `uses:` path and
    ref (a SHA pin sends the SHA, not the tag it was cut from), so none of them
    can assume the role, whatever their sub."""
    path, refs = r.job.uses, _called_workflow_refs(r.job.uses_ref)
    if not refs or not isinstance(r.job.with_, dict):
        return
    # (`uses:` read in lower case; GitHub may spell the owner and repository
    # in another case too)
    sent = S.Union([S.seq(S.literal(path, ignore_case=True), "@" + ref) for ref in refs])
    for key, raw in r.job.with_.items():
        if "role" not in str(key).lower():
            continue
        resolved, ref_name, _ = L.resolve_role_value(raw, r.expand(raw, None, github), github)
        role = L.find_role(idx.roles, resolved, ref_name)
        if role is None or not role.trust or (id(role), path, refs[0]) in reported:
            continue
        policy = role.trust[0].data
        stmts = [st for st in S.github_statements(
            policy, issuer=S.enterprise_server_only(policy)) if st.admits]
        allowed = [S.claim_language(st, "job_workflow_ref") for st in stmts]
        if not stmts or any(a is None for a in allowed) \
                or S.witness(S.Inter([sent, S.Union(allowed)])) is not None:
            continue
        reported.add((id(role), path, refs[0]))
        where = next((e.path for e in stmts[0].entries if e.claim == "job_workflow_ref"
                      and S.is_github_prefix(e.provider)), stmts[0].path)
        names = ", ".join(f"statement {st.index + 1}" for st in stmts)
        shown = f"{path}@{refs[0]}" if len(refs) == 1 else f"{path}@{refs[0]} or @{refs[1]}"
        yield Problem(
            SUB_NOT_ADMITTED.id, where,
            f"{r.label} in {r.doc.file}:{r.doc.span(r.job.path).line} calls {path} "
            f"with {role.label} as `{key}`; its jobs send job_workflow_ref '{shown}' (the "
            f"ref `uses:` names), which the `job_workflow_ref` condition of {names} does "
            "not admit: the called jobs fail with 401 (Not authorized to perform "
            "sts:AssumeRoleWithWebIdentity)",
            help="admit that workflow ref in the job_workflow_ref condition, or call the "
                 "workflow by a ref the condition admits",
            doc=role.trust[0],
            related=[(r.doc, r.job.path, f"{r.label} calls the workflow here")])


def _workflows_not_read(idx: Index, ctx) -> List[str]:
    """The workflow files of the repository (`.github/workflows/*.yml`, the
    ones GitHub runs) of which no workflow was read in this run."""
    from ecs_lint.config import realpath_in

    folder = os.path.join(ctx.repo_root or ".", ".github", "workflows")
    memo = idx.facts.memo.get("workflows not read")
    if memo is not None and memo[0][1][0] == folder:  # asked by another part of the run
        probes.replay([memo[0]])  # its answer counts for this part's result too
        return memo[1]
    with probes.recording() as asked:
        names = probes.names(folder, [".yml", ".yaml"], [])
    real_dirs: dict = {}
    out = [os.path.join(".github", "workflows", n) for n in names or []
           if realpath_in(os.path.join(os.path.abspath(folder), n), real_dirs)
           not in idx.facts.workflows]
    idx.facts.memo["workflows not read"] = (asked[0], out)
    return out


def _default_branch(idx: Index, github: dict) -> str:
    """`github.default-branch`; else `master` when the linted workflows' branch
    filters name `master` and never `main` (an older repository), else `main`."""
    if github.get("default-branch"):
        return str(github["default-branch"])
    named = idx.facts.branches
    return "master" if "master" in named and "main" not in named else "main"


def _step_condition(job_if, step_if):
    """The condition a role step runs under: the job's `if:` and the step's own,
    as one expression (False when either is false); None when the step has none."""
    if step_if is None or step_if is True:
        return None
    if step_if is False or job_if is False:
        return False
    if not isinstance(step_if, str):
        return step_if
    conds = [wm.if_expression(c) for c in (job_if, step_if) if isinstance(c, str)]
    return " && ".join(f"({c})" for c in conds)


def _produced(idx: Index, run: R.JobRun, triggers: dict, narrow, pattern_prefix,
              default_branch: str, ctx, condition=None):
    """(certain, the subs the job run sends). Jobs with the same triggers, `if:`,
    matrix row and environment send the same subs: worked out once per run
    (unless the workflow is reusable: then they depend on its callers).
    `condition`: the `if:` in force when it is not the job's (a role step's own)."""
    key = None
    if "workflow_call" not in triggers:
        key = (P.triggers_key(triggers), repr(run.if_ if condition is None else condition),
               repr(run.row), run.environment)
        hit = idx.produced.get(key)
        if hit is not None:
            return hit
    refs = _workflow_refs(idx, run.doc, default_branch, ctx, triggers, events=narrow,
                          caller=run.caller)
    # `may` over-approximates what an unreadable `if:` allows, so only
    # unknown callers make the use uncertain
    hit = (not refs.unknown, P.produce(pattern_prefix, refs, run.environment, narrow))
    if idx.twin_prefix is not None:  # the same subs in the other subject format
        twins = [P.produce(P.prefix_pattern(idx.twin_prefix), refs, run.environment,
                           narrow).may]
        for prefix in (idx.prefix, idx.twin_prefix):  # and the immutable one renamed
            renamed = P.renamed_pattern(prefix)
            if renamed is not None:
                twins.append(P.produce(renamed, refs, run.environment, narrow).may)
        hit[1].twin_may = P.alt(twins)
    if key is not None:
        idx.produced[key] = hit
    return hit


def _language(idx: Index, what: str, lang):
    """`P.to_subjects(lang)` (what="subjects") or `P.render_glob(lang)` (what="globs"),
    once per language object in this run: the same produced languages recur
    across jobs, and lint/subjects.py keeps what it learns about a language
    object (compiled tests, witnesses) by its identity."""
    key = (what, id(lang))
    hit = idx.languages.get(key)
    if hit is None:
        made = P.to_subjects(lang) if what == "subjects" else P.render_glob(lang)
        hit = idx.languages[key] = (lang, made)  # holds `lang`: its id stays its own
    return hit[1]


def _admitted_language(S, policy, issuer=None):
    """(language of the subs a trust policy may admit, its GitHub Allow
    statements). An unresolved part of a sub value (a Terraform expression
    ecs-lint does not compute, a parameter) may hold anything, colons too
    (`environment:dev` from a map of contexts): a sub that such a value could
    admit is not taken as refused. `issuer`: a GitHub Enterprise Server issuer
    whose statements are read as GitHub's."""
    stmts = S.github_statements(policy, include_deny=True, issuer=issuer)
    allow = [s for s in stmts if s.effect.lower() != "deny"]
    lang = S.policy_language(policy, wild=True, stmts=stmts)
    maybe = [_hole_language(S, s) for s in allow if s.admits and s.holes]
    if maybe:
        deny = S.denied(stmts, wild=True)
        extra = S.Inter([S.Union(maybe), S.Not(S.Union(deny))]) if deny else S.Union(maybe)
        lang = S.Union([lang, extra])
    return lang, allow


def _hole_language(S, st):
    """The subs a statement may admit whatever its unresolved parts hold: its
    sub values with each hole as any run of characters; its other conditions,
    and negated tests of a value with a hole, not read."""
    langs = []
    for e in st.entries:
        if not (S.is_github_prefix(e.provider) and e.claim == "sub") or not e.op.string \
                or e.op.base == "null" or (e.op.negated and any(
                    isinstance(v, Template) for v in e.values)):
            continue
        pats = S.Union([_any_hole_pattern(S, e.op, v) for v in e.values])
        langs.append(S.Not(pats) if e.op.negated else pats)
    return S.Inter(langs) if langs else S.EVERYTHING


def _any_hole_pattern(S, op, value):
    """The pattern of a condition value, each hole any run of characters."""
    if not isinstance(value, Template):
        return S.value_pattern(op, value)
    out = ()
    for part in value.parts:
        out += (S.Tok(S.ANY, 0, None),) if isinstance(part, Unknown) \
            else S.value_pattern(op, part)
    return out


def _refused_by(S, policy, allow_stmts, sub: str, issuer=None):
    """The Deny statement that refuses a sub the Allow statements admit, or None."""
    refusing = S.refusing(S.github_statements(policy, include_deny=True, issuer=issuer))
    if not refusing or not S.matches(S.Union([s.sub_wild for s in allow_stmts if s.admits]),
                                     sub):
        return None
    return next((d for d in refusing if S.matches(d.sub_wild, sub)), None)


def _sub_location(stmts, doc: Document, sub: str = ""):
    """Path of the `sub` condition to fix: of the GitHub statements' sub
    conditions, the one with a value closest to the refused `sub` (the longest
    common beginning: `...:environment:staging-*` for an `environment:staging`
    job; the two subject formats compared without their ids, so that the
    same repository and context in the other format is closest), else the
    first (or the first statement)."""
    best, best_len = None, (-1, -1)
    want = _without_ids(sub.lower())
    for st in stmts:
        for path in st.sub_paths:
            raw = value_at(doc.data, path)
            for value in raw if isinstance(raw, list) else [raw]:
                text = value.lower() if isinstance(value, str) else ""
                n = (len(os.path.commonprefix([_without_ids(text), want])),
                     len(os.path.commonprefix([text, sub.lower()])))
                if n > best_len:
                    best, best_len = path, n
    if best is not None:
        return best
    for st in stmts:  # `https://token.actions...:sub`: the key that is never sent
        for e in st.entries:
            if e.claim == "sub" and not e.op.negated:
                return e.path[:-1] if isinstance(e.path[-1], int) else e.path
    if stmts:
        return stmts[0].path
    return ("Statement",)


def _equals_wildcard(st, witness: str) -> bool:
    """Is the witness a `StringEquals` value with `*` or `?` in it, written as
    it is? That value matches only itself, a sub GitHub never sends
    (`trust-sub-wildcard-in-equals` says so); it is not a sub in use."""
    return bool(re.search(r"[*?]", witness)) and any(
        _is_equals_sub(e) and any(isinstance(v, str) and v.lower() == witness.lower()
                                  for v in e.values)
        for e in st.entries)


def _is_equals_sub(e) -> bool:
    return e.claim == "sub" and e.op.base in ("stringequals", "stringequalsignorecase")


def _same_but_case(witness: str, used: List[str]) -> bool:
    """Is an environment sub the policy admits one of the used ones spelt in
    another case? GitHub's environment, owner and repository names ignore
    case: `environment:production eu` is the job's `environment:Production EU`
    (a `StringEqualsIgnoreCase` pin), no other way in. (Branch and tag names
    do not ignore case.)"""
    import fnmatch

    return ":environment:" in witness and any(
        fnmatch.fnmatchcase(witness.lower(), g.lower().replace("[", "[[]")) for g in used)


_IDS = re.compile(r"^(repo:[^/:@]*)@[^/:]*/([^/:@]*)@[^/:]*:")


def _without_ids(sub: str) -> str:
    """An immutable sub (`repo:OWNER@ID/REPO@ID:...`) in the legacy format."""
    return _IDS.sub(r"\1/\2:", sub, count=1)


def _jobs(users: List[str]) -> str:
    if len(users) == 1:
        return f"{users[0]} sends"
    more = f" and {len(users) - 3} more" if len(users) > 3 else ""
    return f"{', '.join(users[:3])}{more} send"


@lru_cache(maxsize=None)
def _never_sent_subjects():
    from ecs_lint import subjects as S
    return S.Union([P.to_subjects(P.never_sent(), widen=True)])


def _env_ref_refused(S, idx: Index, role, u: Usage, part, stmts, trust_doc, reported):
    """xref-sub-not-admitted for a job with an environment whose sub is
    admitted, but only on refs it does not run on: the statements admitting the
    sub test the `ref` claim, which the environment form does not carry."""
    refs = u.produced.refs_must
    if P.is_empty_syntactically(refs):
        return
    sub = _language(idx, "subjects", part)
    admitting = [st for st in stmts
                 if st.admits and S.witness(S.Inter([sub, st.sub_wild])) is not None]
    ref_langs = [S.ref_language(st) for st in admitting]
    if not admitting or any(r is None for r in ref_langs):
        return  # some statement admits the sub on any ref
    ref = S.difference_witness(_language(idx, "subjects", refs), S.Union(ref_langs))
    shown = P.show_sub(S.witness(sub) or "", True, idx.prefix)
    if ref is None or (id(role), shown, ref) in reported:
        return
    reported.add((id(role), shown, ref))
    where = next((e.path for e in admitting[0].entries if e.claim == "ref"), admitting[0].path)
    names = ", ".join(f"statement {st.index + 1}" for st in admitting)
    yield Problem(
        SUB_NOT_ADMITTED.id, where,
        f"{u.run.label} in {u.run.doc.file}:{u.run.doc.span(u.link.path).line} assumes "
        f"{role.label} with sub '{shown}' from ref '{ref}'; the `ref` condition of {names} "
        "does not admit that ref (a job with an environment still sends its ref claim): "
        "the job fails with 401 (Not authorized to perform sts:AssumeRoleWithWebIdentity)",
        help="admit the refs the job runs on in the ref condition, or narrow the job's "
             "triggers to those refs",
        doc=trust_doc,
        related=[(u.run.doc, u.link.path, f"{u.run.label} assumes the role here")])


_REPOSITORY_OF_PREFIX = re.compile(r"repo:([^@/:]+)(?:@[^/:]*)?/([^@/:]+)(?:@[^/:]*)?:")


def _workflow_ref_refused(S, idx: Index, role, u: Usage, part, stmts, trust_doc, reported):
    """xref-sub-not-admitted for a job whose sub is admitted, but whose
    `job_workflow_ref` claim the admitting statements' conditions on it refuse.
    GitHub sends `OWNER/REPO/.github/workflows/FILE@REF`: FILE is the workflow
    that holds the job (in a called reusable workflow, the called one, not the
    caller), REF the run's ref (a local call runs on its caller's)."""
    if not any(e.claim == "job_workflow_ref" for st in stmts for e in st.entries):
        return  # (most trust policies: nothing to compare)
    m = _REPOSITORY_OF_PREFIX.fullmatch(idx.prefix or "")
    path = u.run.doc.file.replace(os.sep, "/")
    if m is None or "/.github/workflows/" not in "/" + path \
            or P.is_empty_syntactically(u.produced.sent_refs):
        return
    got = _claim_tests(S, idx, part, stmts, "job_workflow_ref")
    if got is None:
        return  # some statement admits the sub whatever workflow sends it
    sub, admitting, allowed = got
    sent = P.concat(P.lit(f"{m.group(1)}/{m.group(2)}/.github/workflows/"
                          f"{os.path.basename(path)}@").pieces, u.produced.sent_refs)
    ref = S.difference_witness(_language(idx, "subjects", sent), S.Union(allowed))
    if ref is None or (id(role), "job_workflow_ref", ref) in reported:
        return
    reported.add((id(role), "job_workflow_ref", ref))
    called = " (in a called workflow GitHub names the called file, not the caller)" \
        if u.run.caller is not None else ""
    yield _claim_refused(S, idx, role, u, sub, admitting, trust_doc, "job_workflow_ref",
                         f"job_workflow_ref '{ref}'{called}",
                         "admit the workflow file and ref that assume the role in the "
                         "job_workflow_ref condition, or assume the role from the workflow "
                         "it names")


def _claim_tests(S, idx: Index, part, stmts, claim: str):
    """(the sub language `part`, the statements that admit it, their
    languages of `claim`) when each of those statements tests the claim in a
    way ecs-lint reads exactly; None otherwise."""
    sub = _language(idx, "subjects", part)
    admitting = [st for st in stmts
                 if st.admits and S.witness(S.Inter([sub, st.sub_wild])) is not None]
    allowed = [S.claim_language(st, claim) for st in admitting]
    if not admitting or any(a is None for a in allowed):
        return None
    return sub, admitting, allowed


def _claim_refused(S, idx: Index, role, u: Usage, sub, admitting, trust_doc, claim: str,
                   sent: str, help_: str) -> Problem:
    """xref-sub-not-admitted for a job whose sub the statements admit but
    whose `claim` (as `sent` says it) their conditions on it refuse."""
    where = next((e.path for e in admitting[0].entries if e.claim == claim
                  and S.is_github_prefix(e.provider)), admitting[0].path)
    names = ", ".join(f"statement {st.index + 1}" for st in admitting)
    shown = P.show_sub(S.witness(sub) or "", True, idx.prefix)
    return Problem(
        SUB_NOT_ADMITTED.id, where,
        f"{u.run.label} in {u.run.doc.file}:{u.run.doc.span(u.link.path).line} assumes "
        f"{role.label} with sub '{shown}' and {sent}; the `{claim}` condition of {names} "
        "does not admit it: the job fails with 401 (Not authorized to perform "
        "sts:AssumeRoleWithWebIdentity)",
        help=help_, doc=trust_doc,
        related=[(u.run.doc, u.link.path, f"{u.run.label} assumes the role here")])


def _workflow_name_refused(S, idx: Index, role, u: Usage, part, stmts, trust_doc, reported):
    """xref-sub-not-admitted for a job whose sub is admitted but whose
    `workflow` claim (the name of the workflow run: its `name:`, else its
    file's path; a called workflow's runs are its caller's) the admitting
    statements' conditions on it refuse."""
    if not any(e.claim == "workflow" for st in stmts for e in st.entries):
        return
    doc = u.run.caller.doc if u.run.caller is not None else u.run.doc
    name = wm.workflow_of(doc).name if doc.file else None
    if name is None and doc.file:
        name = doc.file.replace(os.sep, "/")
    if not isinstance(name, str) or "${{" in name or not name:
        return
    got = _claim_tests(S, idx, part, stmts, "workflow")
    if got is None or S.matches(S.Union(got[2]), name) \
            or (id(role), "workflow", name) in reported:
        return
    reported.add((id(role), "workflow", name))
    yield _claim_refused(S, idx, role, u, got[0], got[1], trust_doc, "workflow",
                         f"workflow '{name}' (the `workflow` claim is the workflow's name, "
                         "not its file)",
                         f"admit '{name}' in the workflow condition, or pin the file with "
                         "job_workflow_ref")


# a claim key of a customised subject template (`include_claim_keys`), as the
# first key of the sub or after a `:` (not `repo`, `ref`, `environment`: the
# default shape has those)
_TEMPLATE_KEY = lazy_re(
    r"(^|:)(context|repository|repository_owner|repository_owner_id|repository_id|"
    r"repository_visibility|job_workflow_ref|job_workflow_sha|workflow|workflow_ref|"
    r"workflow_sha|actor|actor_id|event_name|ref_type|ref_protected|base_ref|head_ref|"
    r"runner_environment|enterprise|enterprise_id):")


_PRINCIPAL_KEYS = ("aws", "service", "federated", "canonicaluser")


def _clearly_not_github(S, policy) -> bool:
    """Does every statement of a trust policy name only principals that cannot
    be GitHub's provider (AWS accounts and roles, services, other identity
    providers)? An unresolved value, `*` or NotPrincipal may be anything, and a
    GitHub Enterprise Server issuer may be the workflows' own: no."""
    found = S.statements(policy)
    if not found:
        return False
    for _, stmt, _ in found:
        p = stmt.get("Principal")
        if "NotPrincipal" in stmt or not isinstance(p, dict) or not p:
            return False
        for key, val in p.items():
            k = key.lower() if isinstance(key, str) else ""
            if k not in _PRINCIPAL_KEYS:
                return False
            for v in val if isinstance(val, list) else [val]:
                if k == "federated":  # (`${AWS::AccountId}:oidc-provider/gitlab.com` too)
                    if S.federated_kind(v) != "other" or S.enterprise_server_issuer(v):
                        return False
                elif not isinstance(v, str) or not v.strip() or v.strip() == "*":
                    return False
    return True


def _no_github_statement(S, idx: Index, role, usages: List[Usage], trust_doc, repo_known):
    """xref-sub-not-admitted for a role whose trust policy has no statement for
    GitHub's provider at all (only AWS principals, services, other providers),
    assumed with the OIDC token: configure-aws-credentials (or the sts CLI) in a
    job that can mint the token, with no keys, token file or `role-chaining`,
    calls AssumeRoleWithWebIdentity, which such a policy never allows. The usual
    cause: a second configure step meant to chain from the first role's
    credentials without `role-chaining: true`."""
    if not _clearly_not_github(S, trust_doc.data):
        return
    for u in usages:
        if not (u.link.use.known_action and u.run.job.id_token_write):
            continue
        for part in P.parts(u.produced.must):
            sub = S.witness(_language(idx, "subjects", part))
            if sub is None:
                continue
            shown = P.show_sub(sub, repo_known, idx.prefix)
            role_path = u.link.path
            chained = any(l.use.oidc and l.use.step is not u.link.use.step
                          and l.role is not role for l in u.run.roles)
            yield Problem(
                SUB_NOT_ADMITTED.id, ("Statement",),
                f"{u.run.label} in {u.run.doc.file}:{u.run.doc.span(role_path).line} "
                f"assumes {role.label} through GitHub's OIDC token with sub '{shown}', "
                "but no statement of this trust policy lets GitHub's provider "
                "(token.actions.githubusercontent.com) assume the role: the step fails "
                "(Not authorized to perform sts:AssumeRoleWithWebIdentity)",
                help=("set `role-chaining: true` on that configure-aws-credentials step to "
                      "assume the role with the credentials of the role assumed before it"
                      if chained else
                      f"add a statement for GitHub's provider admitting '{shown}'"),
                doc=trust_doc,
                related=[(u.run.doc, role_path, f"{u.run.label} assumes the role here")])
            return


def _customised_shape(S, st) -> bool:
    """Is an Allow statement written for a customised subject template: it admits
    no sub of the default shapes, and its sub values name template claim keys
    (`repository_owner:myorg:...:job_workflow_ref:...`)?"""
    if not st.admits or st.opaque or not any(
            isinstance(v, str) and _TEMPLATE_KEY.search(v)
            for e in st.entries if S.is_github_prefix(e.provider) and e.claim == "sub"
            and not e.op.negated for v in e.values):
        return False
    return S.witness(S.Inter([st.sub_wild, S.STANDARD])) is None


def _role_subs(S, idx: Index, ctx, role, usages: List[Usage], repo_known: bool,
               all_linked: bool, elsewhere=()):
    """The sub findings of one role. `elsewhere`: the subs of jobs that may
    assume it unseen (another repository's reusable workflows a job calls)."""
    trust_doc = role.trust[0]
    policy = trust_doc.data
    # a policy that trusts only a GitHub Enterprise Server's provider: the
    # jobs run on that server, whose subs have GitHub's shapes
    issuer = S.enterprise_server_only(policy)
    admitted, stmts = _admitted_language(S, policy, issuer)
    if not stmts:
        yield from _no_github_statement(S, idx, role, usages, trust_doc, repo_known)
        return
    if not _github(ctx).get("subject") and any(_customised_shape(S, st) for st in stmts):
        ctx.note(f"xref: {role.label}: its trust policy is written for a customised subject "
                 "template (include_claim_keys), whose shape the repository does not show; "
                 "the subs its jobs send are not compared (set github.subject to compare "
                 "them in the default shape)")
        return
    any_admitted = False
    reported = set()
    compared = set()
    # immutable subjects whose ids the config does not give: the real ids are
    # fixed but unknown, so a sub is refused only if it is for every id
    ids_unknown = repo_known and P.ID in (idx.prefix or "")
    for u in usages:
        # a job that sends the same subs as one before it finds nothing new:
        # the same witnesses, already reported
        if id(u.produced) in compared:
            continue
        compared.add(id(u.produced))
        if not any_admitted:
            may = _language(idx, "subjects", u.produced.may)
            any_admitted = S.witness(S.Inter([may, admitted])) is not None
        if not ctx.is_enabled(SUB_NOT_ADMITTED.id):
            continue
        # a job none of whose runs is certain (a `create` of some tag, a dispatch
        # its `if:` keeps off the default branch): each run it has fails when the
        # policy admits none of the subs it may send
        only_may = u.certain and P.is_empty_syntactically(u.produced.must) \
            and not P.is_empty_syntactically(u.produced.may)
        for part in P.parts(u.produced.must) if not only_may else [u.produced.may]:
            lang = _language(idx, "subjects", part)
            unknown_env = u.run.environment == R.UNKNOWN_ENVIRONMENT
            if repo_known and not ids_unknown and not unknown_env and not only_may:
                missed = S.difference_witness(lang, admitted)
            else:  # one sub of `lang` is sent (unknown ids or environment name): is
                # any of them admitted?
                missed = S.witness(lang) if S.witness(S.Inter([lang, admitted])) is None \
                    else None
            if missed is None and u.run.environment is not None and repo_known \
                    and not unknown_env and not only_may:
                yield from _env_ref_refused(S, idx, role, u, part, stmts, trust_doc, reported)
            if missed is None and repo_known and not unknown_env and not only_may:
                yield from _workflow_ref_refused(S, idx, role, u, part, stmts, trust_doc,
                                                 reported)
                yield from _workflow_name_refused(S, idx, role, u, part, stmts, trust_doc,
                                                  reported)
            if missed is None or (id(role), missed) in reported:
                continue
            reported.add((id(role), missed))
            role_path = u.link.path
            why_env = ""
            if unknown_env:
                why_env = (f" (its environment '{u.run.job.environment}' is not known, but "
                           "a job with an environment sends `environment:NAME`, not its "
                           "branch, and no environment of the repository is admitted)")
            elif u.run.environment is not None:
                why_env = (f" (a job with an environment sends `environment:"
                           f"{P.encode(u.run.environment)}`, not its branch)")
            shown = P.show_sub(missed, repo_known, idx.prefix)
            if unknown_env and ":environment:" in shown:
                shown = shown[:shown.rindex(":environment:")] + ":environment:NAME"
            legacy = _without_ids(missed)
            if legacy != missed and S.matches(admitted, legacy):
                why_env += (f" (the policy admits '{legacy}', the legacy format, but the "
                            "repository sends immutable subjects)")
            globs = _language(idx, "globs", part)
            fix = shown if globs == [missed] or not repo_known or ids_unknown or unknown_env \
                else " or ".join(f"'{g}'" for g in globs[:3])
            deny = _refused_by(S, policy, stmts, missed, issuer)
            if deny is not None:  # an Allow admits it, a Deny takes it back
                where = deny.sub_paths[0] if deny.sub_paths else deny.path
                why = f"statement {deny.index + 1} (Deny) refuses it"
                help_ = "narrow the Deny's sub condition, or change the job so that it sends " \
                        "a sub this policy trusts"
            else:
                where = _sub_location(stmts, trust_doc, shown)
                names = ", ".join(f"statement {st.index + 1}" for st in stmts)
                why = f"no statement of this trust policy admits it ({names} missed)"
                like = " (with StringLike: StringEquals reads `*` and `?` as themselves)" \
                    if fix != shown and re.search(r"[*?]", fix) else ""
                help_ = (f"admit {fix if fix != shown else repr(shown)} in the sub "
                         f"condition{like}, or change the job so that it sends a sub this "
                         "policy trusts")
            yield Problem(
                SUB_NOT_ADMITTED.id, where,
                f"{u.run.label} in {u.run.doc.file}:{u.run.doc.span(role_path).line} "
                f"assumes {role.label} with sub '{shown}'{why_env}; {why}: the job fails "
                "with 401 (Not authorized to perform sts:AssumeRoleWithWebIdentity)",
                help=help_,
                doc=trust_doc,
                related=[(u.run.doc, role_path, f"{u.run.label} assumes the role here")])
    if not ctx.is_enabled(SUB_BROADER.id) or not any_admitted or not all_linked:
        return
    if (trust_doc.context or {}).get("name_varies"):
        ctx.note(f"xref: {role.label}: a template condition picks both the role's name and "
                 "its subs, and its other stacks' roles are not linked by this name: "
                 "xref-sub-broader-than-used not checked")
        return
    if not repo_known:
        ctx.note(f"xref: {role.label}: repository unknown, xref-sub-broader-than-used "
                 "not checked")
        return
    if not all(u.certain for u in usages):
        ctx.note(f"xref: {role.label}: some job using it runs in contexts ecs-lint cannot "
                 "tell (a reusable workflow whose callers were not read): "
                 "xref-sub-broader-than-used not checked")
        return
    produced = P.alt([u.produced.may for u in usages] + [m for _, m in elsewhere])
    produced_lang = S.Union([P.to_subjects(produced, widen=True), _never_sent_subjects()])
    with_twins = None  # the same with the other subject format: only asked when needed
    musts = [u.produced.must for u in usages if not P.is_empty_syntactically(u.produced.must)]
    musts += [m for _, m in elsewhere if not P.is_empty_syntactically(m)]
    suggestion = P.render_glob(P.alt(musts) if musts else produced)
    users = sorted({f"{u.run.label} in {u.run.doc.file}" for u in usages}) \
        + sorted({label for label, _ in elsewhere})
    # a Deny takes subs back from every Allow statement (IAM: an explicit Deny wins)
    denies = [s for s in S.github_statements(policy, include_deny=True, issuer=issuer)
              if s.effect.lower() == "deny"]
    for st in stmts:
        if not st.admits or st.opaque:
            continue
        if st.sub_paths:
            where = st.sub_paths[0]
        elif S.conditions_known(st.statement):  # no sub condition: every sub (trust-sub-missing)
            where = st.path + ("Condition",) if isinstance(st.statement.get("Condition"), dict) \
                else st.path
        else:
            continue
        witness = S.broader_witness(policy, produced_lang, [st] + denies)
        if witness and any(u.produced.twin_may is not P.EMPTY for u in usages):
            if with_twins is None:
                twins = P.alt([u.produced.twin_may for u in usages])
                with_twins = S.Union([produced_lang, P.to_subjects(twins, widen=True)])
            witness = S.broader_witness(policy, with_twins, [st] + denies)
        if witness and _equals_wildcard(st, witness):
            # (a `*` compared literally: take such values as in use, look again)
            literal = [v for e in st.entries if _is_equals_sub(e) for v in e.values
                       if isinstance(v, str) and re.search(r"[*?]", v)]
            witness = S.broader_witness(policy, S.Union(
                [with_twins or produced_lang, P.to_subjects(P.alt([P.lit(v) for v in literal]))]),
                [st] + denies)
        if not witness or _same_but_case(witness, suggestion) or _equals_wildcard(st, witness):
            continue
        shown = " or ".join(f"'{g}'" for g in suggestion[:4])
        exact = all("*" not in g and "?" not in g for g in suggestion)
        # the filters leave out part of what a glob can say (`tags-ignore`):
        # narrowing to the glob would still admit the witness
        unsayable = any(S.matches(S.glob(g), witness) for g in suggestion)
        yield Problem(
            SUB_BROADER.id, where,
            f"statement {st.index + 1} admits '{witness}', a sub that no workflow assuming "
            f"{role.label} produces: {_jobs(users)} only {shown}"
            + (f", less what its filters leave out, such as '{witness}'" if unsayable else ""),
            help=(f"StringLike cannot leave out what the filters do: keep the sub condition "
                  f"and add a StringNotLike on the subs they exclude (e.g. '{witness}')"
                  if unsayable else
                  f"{'narrow the sub condition' if st.sub_paths else 'add a sub condition'} "
                  f"to {'StringEquals' if exact else 'StringLike'} {shown}"),
            doc=trust_doc,
            related=[(u.run.doc, u.link.path, f"{u.run.label} assumes the role here")
                     for u in usages[:3]])
