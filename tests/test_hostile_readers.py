"""Hostile input for the readers added in stop 22: each takes any text or
structure without raising, and says "not known" rather than guessing."""
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder
from ecs_lint import cloudformation, hcl, shell, terraform
from ecs_lint import workflow_model as wm
from ecs_lint.kinds import _grants_assume
from ecs_lint.rules import workflow as workflow_rules
from ecs_lint.rules.oidc_provider import another_issuer
from ecs_lint.values import Unknown, make_template
from ecs_lint.xref import actions
from ecs_lint.values import Template

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["%{", "if x", "for a in b", "else", "endif", "endfor",
                                 "}", "~", "${", "x", " ", "\n", "%%{", "$${"]), max_size=30))
def test_template_directives_of_any_text(parts):
    text = "".join(parts)
    pieces = hcl.split_template(text, list(range(len(text))))
    tree = terraform._directive_tree(pieces)
    assert tree is None or isinstance(tree, list)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_json_tfvars_of_any_text(text):
    assert isinstance(terraform._json_tfvars(text), dict)


@settings(max_examples=300, deadline=None)
@given(_text, st.dictionaries(st.text(max_size=8), _text, max_size=3))
def test_format_of_any_expression(inner, values):
    got = wm._format(inner, lambda ref: values.get(ref, "${{ " + ref + " }}"))
    assert got is None or isinstance(got, str)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=12))
def test_test_commands_of_any_argv(argv):
    assert wm._argv_runs_tests(argv) in (True, False)
    assert wm._without_compose_options(argv) is not None


@settings(max_examples=300, deadline=None)
@given(_text)
def test_assume_actions_and_issuers_of_any_text(text):
    assert _grants_assume(text) in (True, False)
    assert another_issuer(text) in (True, False)
    assert isinstance(cloudformation.dynamic_refs(text), (str, Template))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["Fn::ForEach::Roles", "Fn::ForEach::", "Role", "X"]),
                       _json, max_size=3), _json)
def test_loops_of_any_shape(section, params):
    params = params if isinstance(params, dict) else {}
    for key, value, path in cloudformation.expand_loops(section, params):
        assert isinstance(path, tuple)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(_json)
def test_a_template_of_any_shape_is_linted_without_a_crash(tmp_path_factory, body):
    # Fn::ForEach, FindInMap, Fn::If over statements and dynamic references in
    # whatever shape: findings or none, never an internal error
    folder = tmp_path_factory.mktemp("cfn")
    template = {"AWSTemplateFormatVersion": "2010-09-09",
                "Mappings": {"M": {"a": {"b": body}}},
                "Resources": {"Fn::ForEach::Roles": ["Name", body, {"Role${Name}": {
                    "Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
                        "Statement": [{"Fn::If": ["C", body, {"Ref": "AWS::NoValue"}]},
                                      {"Effect": "Allow", "Action": "sts:*",
                                       "Principal": {"Federated": "{{resolve:ssm:/p}}"},
                                       "Condition": {"Fn::FindInMap": ["M", {"Ref": "P"},
                                                                        "b"]}}]}}}}]}}
    (folder / "t.json").write_text(json.dumps(template))
    assert not [f for f in lint_folder(folder) if f.rule == "internal-error"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(_json, _text)
def test_terraform_inputs_of_any_shape_are_linted_without_a_crash(tmp_path_factory, tfvars,
                                                                  template):
    # JSON tfvars, optional() types, null variables, template_file and directives
    folder = tmp_path_factory.mktemp("tf")
    (folder / "terraform.tfvars.json").write_text(json.dumps({"svc": tfvars}))
    (folder / "t.tpl").write_text(template)
    (folder / "main.tf").write_text("""\
variable "svc" {
  type    = object({ grace = optional(number, 30), tags = optional(map(string)) })
  default = null
}
data "template_file" "t" {
  template = file("${path.module}/t.tpl")
  vars     = { x = "y" }
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = data.template_file.t.rendered
}
resource "aws_ecs_service" "s" {
  name                              = "s"
  health_check_grace_period_seconds = var.svc.grace
}
""")
    assert not [f for f in lint_folder(folder) if f.rule == "internal-error"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["docker", "buildx", "build", "--push", "-t", "--tag=x",
                                 "-o", "--output", "type=image,push=true", "type=registry",
                                 "=", ",", "push", "x", ""]), max_size=12))
def test_docker_commands_of_any_argv(argv):
    for action, why, image in actions.docker_needs(argv):
        assert action.startswith("ecr:") and isinstance(why, str)
        assert image is None or isinstance(image, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["./", "bash", "sh -x", "scripts/", "deploy.sh", "..", "/", "$X",
                                 "${{ env.A }}", " ", "&&", "\n", "x", "'", '"', "\x00"]),
                max_size=12))
def test_scripts_a_run_step_names_of_any_text(tmp_path, parts):
    (tmp_path / "scripts").mkdir(exist_ok=True)
    (tmp_path / "scripts" / "deploy.sh").write_bytes(b"aws ecs update-service \xff\x00 --cluster c")
    step = wm.Step(index=0, path=("jobs", "j", "steps", 0), data={}, run="".join(parts))
    found = wm._local_scripts(step, str(tmp_path))
    assert all(not os.path.isabs(p) and not p.startswith("..") for p in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["docker", "run", "-e", "--env=AWS_ACCESS_KEY_ID=x", "npx",
                                 "serverless", "sls", "config", "credentials", "--key", "-s",
                                 "printf", "echo", "aws_access_key_id = %s", "$CREDS",
                                 "${{ secrets.K }}", "AWS_SECRET_ACCESS_KEY=", ""]),
                max_size=10),
       st.lists(st.tuples(st.sampled_from([">", ">>"]),
                          st.sampled_from(["~/.aws/credentials", "x", ""])), max_size=2))
def test_static_key_readers_of_any_command(argv, redirects):
    job = wm.Job(id="j", path=("jobs", "j"), data={})
    step = wm.Step(index=0, path=("jobs", "j", "steps", 0), data={}, env={"CREDS": "x" * 40})
    got = workflow_rules._script_key(shell.Command(argv=argv, redirects=redirects), job, step)
    assert got is None or isinstance(got, str)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["inputs.env", "github.event.release.tag_name", "||", "&&",
                                 "'latest'", "''", "==", "vars.R", "(", ")", " ", "github.event.",
                                 "matrix.x", "'a''b'", "!"]), max_size=8),
       st.sampled_from(["push", "release", "workflow_dispatch", None]),
       st.dictionaries(st.sampled_from(["env", "ENV", "x"]),
                       st.one_of(st.text(max_size=5), st.booleans(), st.none()), max_size=2))
def test_expressions_with_defaults_and_event_fields_of_any_shape(parts, event, inputs):
    facts = {"event_name": ("==", event)} if event else {}
    github = {"inputs": inputs, "vars": {"R": "eu-west-1"}, wm.FACTS: facts}
    got = wm.expand("${{ " + " ".join(parts) + " }}", None, None, None, github)
    assert isinstance(got, str)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_renamed_subject_pattern_of_any_prefix(prefix):
    from ecs_lint.xref import subjects_produced as P

    got = P.renamed_pattern(prefix)
    assert got is None or isinstance(got, tuple)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["Stage", "Env", "Size"]), st.one_of(
           st.fixed_dictionaries({"AllowedValues": st.lists(st.one_of(
               st.text(max_size=6), st.integers(), st.booleans(), st.none()), max_size=5)}),
           _json), max_size=3),
       _json)
def test_stacks_over_allowed_values_of_any_shape(params, conditions):
    template = {"Parameters": params,
                "Conditions": {"C": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}, "D": conditions},
                "Resources": {}}
    scope = cloudformation.Scope.of(template)
    raw = {"A": {"Fn::If": ["C", 1, 2]}, "B": {"Fn::FindInMap": ["M", {"Ref": "Env"}, "k"]},
           "E": {"Fn::If": ["D", 3, 4]}}
    stacks = cloudformation._stack_variants(raw, scope, template)
    assert 1 <= len(stacks) <= max(2, cloudformation.MAX_VARIANTS)
    assert cloudformation._fixed_by_allowed("C", scope) in (True, False, None)
    assert cloudformation._fixed_by_allowed("D", scope) in (True, False, None)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["oidc_subjects", "oidc_wildcard_subjects",
                                        "oidc_audiences", "github_provider", "subjects",
                                        "audience", "provider_url"]), _json, max_size=5),
       st.sampled_from(["terraform-aws-modules/iam/aws//modules/iam-role",
                        "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"]))
def test_github_oidc_role_module_inputs_of_any_shape(inputs, source):
    view, _ = terraform.github_oidc_role_module_view({"source": source, **inputs})
    assert isinstance(view["Statement"][0]["Condition"], dict)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["github_repositories", "github_organisation", "enabled",
                                        "iam_role_name", "enterprise_slug"]),
                       st.one_of(_json, st.lists(st.builds(
                           lambda a, b: make_template([a, Unknown("x"), b]),
                           st.sampled_from(["o/", "o/a:", ""]), st.sampled_from(["", ":*", "/x"])),
                           max_size=3)), max_size=5))
def test_unfunco_oidc_module_inputs_of_any_shape(inputs):
    view, _ = terraform.unfunco_oidc_module_view({"source": "unfunco/oidc-github/aws", **inputs})
    assert isinstance(view["Statement"][0]["Condition"]["StringLike"], dict)
    terraform._is_unfunco_oidc_module({"source": "unfunco/oidc-github/aws", **inputs})


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["repo", "default_conditions", "conditions",
                                        "github_environments", "repo_mainline_branch",
                                        "github_oidc_issuer", "account_ids", "role_name"]),
                       st.one_of(_json, st.lists(st.sampled_from(
                           ["allow_main", "allow_all", "allow_environment", "deny_pull_request"]),
                           max_size=4), st.lists(st.fixed_dictionaries(
                               {"test": st.sampled_from(["StringLike", 1]), "variable": _json,
                                "values": _json}), max_size=2)), max_size=6))
def test_philips_oidc_module_inputs_of_any_shape(inputs):
    view, _ = terraform.philips_oidc_module_view({"source": "philips-labs/github-oidc/aws",
                                                  **inputs})
    assert isinstance(view["Statement"][-1]["Condition"], dict)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("AB_=${} \n\tsecrets.x|>-#'\"\u00e9"), max_size=60),
       st.sampled_from(["|", ">-", "", "|+"]))
def test_render_environment_variables_of_any_text(text, style):
    from conftest import workflow_findings

    value = json.dumps(text) if not style else style + "\n" + "\n".join(
        "            " + line for line in text.splitlines())
    wf = ("on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n"
          "      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n"
          "        with:\n          environment-variables: " + value + "\n")
    try:
        workflow_findings(wf)
    except Exception as e:  # the YAML itself may not parse: that is the loader's business
        assert type(e).__name__ in ("LoadError",), e


# --- stop 26's readers ------------------------------------------------------------

_words = st.lists(st.sampled_from(
    ["crane", "skopeo", "regctl", "image", "copy", "cp", "docker://a/b:1", "dir:/x", "--all",
     "a", "b/c", "-", "jq", "-f", "--arg", "x", "--args", ".image = 1", "<", "f.json"]),
    max_size=8)


@settings(max_examples=300, deadline=None)
@given(_words)
def test_registry_copies_and_jq_arguments_of_any_argv(argv):
    for action, why, image in actions.docker_needs(argv):
        assert action in actions.ECR_PULL + actions.ECR_PUSH and image in argv[1:] + [
            a[len("docker://"):] for a in argv]
    filt, files = shell.jq_filter_and_files(["jq"] + argv)
    assert filt is None or filt in argv
    assert all(f in argv for f in files)


@settings(max_examples=300, deadline=None)
@given(_text, _text, st.booleans())
def test_an_unknown_account_of_any_pattern(pattern, arn, optimistic):
    from ecs_lint import iam

    filled = iam.fill_unknowns(pattern, arn + iam.UNKNOWN_ACCOUNT, optimistic)
    assert iam.UNKNOWN_ACCOUNT not in filled or iam.UNKNOWN_ACCOUNT in arn
    iam.resource_matches(pattern, filled)  # never raises


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["for", "svc", "in", "a", "b", "$x", "*", ";", "\n", "do",
                                 "done", "echo", ">", '"td-$svc.json"', "${svc}", " "]),
                max_size=25))
def test_loop_words_of_any_script(parts):
    from ecs_lint.rules import xref

    script = " ".join(parts)
    for var, words in xref._loop_words(script).items():
        assert words and all("$" not in w and "*" not in w for w in words)
    xref._redirects_to_pattern(script, "td-a.json")


@settings(max_examples=200, deadline=None)
@given(_text)
def test_chosen_environments_of_any_expression(text):
    from ecs_lint.rules import xref
    from ecs_lint.xref import runs

    wf = wm.read_workflow({"on": "push", "jobs": {"d": {
        "runs-on": "x", "environment": "${{ " + text + " }}", "steps": [{"run": "true"}]}}})
    job = wf.jobs["d"]
    run = runs.JobRun(None, wf, job, None, None)
    got = xref._chosen_environments(run, {})
    assert got is None or (len(got) > 1 and all(e is None or isinstance(e, str) for e in got))


@settings(max_examples=300, deadline=None)
@given(_text, _text, st.booleans())
def test_an_unknown_secret_suffix_of_any_pattern(pattern, name, optimistic):
    from ecs_lint import iam

    arn = "arn:aws:secretsmanager:r:1:secret:" + name + "-" + iam.UNKNOWN_SUFFIX
    filled = iam.fill_unknowns(pattern, arn, optimistic)
    assert iam.UNKNOWN_SUFFIX not in filled or iam.UNKNOWN_SUFFIX in name
    iam.resource_matches(pattern, filled)


@settings(max_examples=200, deadline=None)
@given(_json, _json)
def test_runner_labels_and_continue_on_error_of_any_shape(runs_on, coe):
    job = wm.read_workflow({"on": "push", "jobs": {"j": {"runs-on": runs_on, "steps": []}}}
                           ).jobs["j"]
    labels = wm.runner_labels(job)
    assert all(isinstance(x, str) for x in labels)
    assert wm.continues_on_error({"continue-on-error": coe}) in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _json, max_size=6))
def test_cloudformation_properties_of_any_keys(props):
    out = cloudformation._properties_only(props)
    assert all(not (isinstance(k, str) and k[:1].islower()) for k in out)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="$()|sha256sum cut{}=>'\"\nconst let body.title", max_size=300))
def test_stop_27_readers_of_odd_scripts(text):
    # the digest remover, the github-script taint and the composite if
    # reader take anything a workflow holds, in linear time
    from ecs_lint import workflow_model as wm
    from ecs_lint.rules import workflow as W

    assert isinstance(W._without_digests(text), str)
    W._js_tainted(text, [text[:50]])
    W._js_derived(text)
    got = wm.composite_if(text, {"a": text})
    assert got is None or got is False or isinstance(got, str)


def test_stop_27_readers_of_huge_scripts():
    import time

    from ecs_lint.rules import workflow as W

    start = time.perf_counter()
    W._without_digests("$(" + "a" * 200_000)
    W._js_derived("const a = (" + "(" * 50_000)
    W._js_tainted("function f() {" * 5_000, ["f()"])
    assert time.perf_counter() - start < 10
