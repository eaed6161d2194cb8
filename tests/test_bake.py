"""The bake reader (lint/bake.py): the image references one `docker buildx
bake` command pushes, from its bake files, targets, variables (overridden
only by same-named environment variables) and `--set` overrides (jk/04)."""
import json
import textwrap

from ecs_lint import bake, probes
from ecs_lint.values import Unknown

REGISTRY = "${{ steps.ecr.outputs.registry }}"

# jk/04: TAG's default is `latest`, REGISTRY comes from the step's env
BAKE_HCL = """\
variable "REGISTRY" {
  default = "localhost:5000"
}

variable "TAG" {
  default = "latest"
}

group "default" {
  targets = ["api", "worker"]
}

target "_common" {
  context   = "."
  platforms = ["linux/arm64"]
}

target "api" {
  inherits   = ["_common"]
  dockerfile = "docker/api.Dockerfile"
  tags       = ["${REGISTRY}/tidepool-api:${TAG}"]
}

target "worker" {
  inherits   = ["_common"]
  dockerfile = "docker/worker.Dockerfile"
  tags       = ["${REGISTRY}/tidepool-worker:${TAG}"]
}

target "debug" {
  tags = ["${REGISTRY}/tidepool-debug:latest"]
}
"""

PUSH = ["docker", "buildx", "bake", "--push"]


def write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if isinstance(text, str) else json.dumps(text))
    return str(folder)


def env_of(values):
    return lambda name: values.get(name)


def pushed(tmp_path, argv, files=None, env=None):
    folder = write(tmp_path, files if files is not None else {"docker-bake.hcl": BAKE_HCL})
    return bake.pushed_images(argv, folder, env_of(env or {"REGISTRY": REGISTRY}))


# -- variables and the environment ------------------------------------------


def test_tag_left_to_its_default_pushes_latest(tmp_path):
    assert pushed(tmp_path, PUSH) == [f"{REGISTRY}/tidepool-api:latest",
                                      f"{REGISTRY}/tidepool-worker:latest"]


def test_tag_set_in_the_environment_is_the_tag(tmp_path):
    got = pushed(tmp_path, PUSH, env={"REGISTRY": REGISTRY, "TAG": "${{ github.sha }}"})
    assert got == [f"{REGISTRY}/tidepool-api:${{{{ github.sha }}}}",
                   f"{REGISTRY}/tidepool-worker:${{{{ github.sha }}}}"]


def test_tag_set_to_an_unknown_value_is_not_its_default(tmp_path):
    folder = write(tmp_path, {"docker-bake.hcl": BAKE_HCL})
    got = bake.pushed_images(PUSH, folder, lambda n: Unknown(n) if n == "TAG" else None)
    assert got == ["localhost:5000/tidepool-api:${TAG}", "localhost:5000/tidepool-worker:${TAG}"]


def test_variable_without_default_set_by_the_runner_is_unknown(tmp_path):
    files = {"docker-bake.hcl": """\
        variable "GITHUB_SHA" {}
        variable "VERSION" {}
        target "default" {
          tags = ["r/app:${GITHUB_SHA}", "r/app:v${VERSION}"]
          output = ["type=registry"]
        }
        """}
    assert pushed(tmp_path, ["docker", "buildx", "bake"], files, env={}) == \
        ["r/app:${GITHUB_SHA}", "r/app:v"]


def test_variables_refer_to_each_other_and_var_option_wins(tmp_path):
    files = {"docker-bake.hcl": """\
        variable "TAG" { default = "latest" }
        variable "IMAGE" { default = "r/app:${TAG}" }
        target "default" { tags = [IMAGE] }
        """}
    assert pushed(tmp_path, PUSH, files, env={}) == ["r/app:latest"]
    assert pushed(tmp_path, PUSH + ["--var", "TAG=abc"], files, env={"TAG": "x"}) == ["r/app:abc"]


def test_function_in_a_tag_is_a_hole_not_latest(tmp_path):
    files = {"docker-bake.hcl": """\
        variable "TAG" { default = "" }
        target "default" {
          tags = ["r/app:${notequal("", TAG) ? TAG : "latest"}"]
        }
        """}
    [ref] = pushed(tmp_path, PUSH, files, env={})
    assert ref.startswith("r/app:${") and not ref.endswith(":latest")


def test_tags_from_a_function_are_unknown(tmp_path):
    files = {"docker-bake.hcl": """\
        function "tags" {
          params = [name]
          result = ["r/${name}:latest"]
        }
        target "default" { tags = tags("app") }
        """}
    assert pushed(tmp_path, PUSH, files, env={}) is None


# -- what is pushed ------------------------------------------------------------


def test_without_push_nothing_is_pushed(tmp_path):
    for extra in ([], ["--load"], ["--print", "--push"], ["--push=false"], ["--call", "check"]):
        assert pushed(tmp_path, ["docker", "buildx", "bake"] + extra) == [], extra


def test_docker_bake_alias_and_global_options(tmp_path):
    assert len(pushed(tmp_path, ["docker", "bake", "--push"])) == 2
    assert len(pushed(tmp_path, ["docker", "buildx", "--builder", "b", "bake", "--push"])) == 2


def test_target_outside_the_default_group_is_not_pushed(tmp_path):
    assert not any("debug" in r for r in pushed(tmp_path, PUSH))
    assert pushed(tmp_path, PUSH + ["debug"]) == [f"{REGISTRY}/tidepool-debug:latest"]


def test_named_target_only(tmp_path):
    assert pushed(tmp_path, PUSH + ["api"]) == [f"{REGISTRY}/tidepool-api:latest"]


def test_set_replaces_tags(tmp_path):
    got = pushed(tmp_path, PUSH + ["--set", "*.tags=r/app:${{ github.sha }}"])
    assert got == ["r/app:${{ github.sha }}"]


def test_set_appends_tags_and_matches_patterns(tmp_path):
    got = pushed(tmp_path, PUSH + ["--set", "api.tags+=r/api:1", "--set=w*.tags=r/w:1"])
    assert got == [f"{REGISTRY}/tidepool-api:latest", "r/api:1", "r/w:1"]


def test_set_push_false_stops_one_target(tmp_path):
    bake_ = ["docker", "buildx", "bake"]
    assert pushed(tmp_path, bake_ + ["--set", "*.push=true", "--set", "worker.push=false"]) == \
        [f"{REGISTRY}/tidepool-api:latest"]
    assert pushed(tmp_path, bake_ + ["--set", "api.push=true"]) == \
        [f"{REGISTRY}/tidepool-api:latest"]
    # `--push` comes after the `--set`s: it pushes every target
    assert len(pushed(tmp_path, PUSH + ["--set", "worker.push=false"])) == 2


def test_registry_output_in_the_file_pushes_without_push(tmp_path):
    files = {"docker-bake.hcl": """\
        target "default" {
          tags   = ["r/app:latest"]
          output = [{ type = "registry" }]
        }
        """}
    assert pushed(tmp_path, ["docker", "buildx", "bake"], files, env={}) == ["r/app:latest"]
    files["docker-bake.hcl"] = files["docker-bake.hcl"].replace("registry", "docker")
    assert pushed(tmp_path, ["docker", "buildx", "bake"], files, env={}) == []


def test_inherited_tags_and_later_blocks(tmp_path):
    files = {"docker-bake.hcl": """\
        target "base" { tags = ["r/base:latest"] }
        target "default" { inherits = ["base"] }
        """,
             "docker-bake.override.hcl": """\
        target "base" { tags = ["r/base:v2"] }
        """}
    assert pushed(tmp_path, PUSH, files, env={}) == ["r/base:v2"]


# -- files ---------------------------------------------------------------------


def test_json_bake_file(tmp_path):
    files = {"docker-bake.json": {
        "variable": {"TAG": {"default": "latest"}},
        "group": {"default": {"targets": ["api"]}},
        "target": {"api": {"tags": ["r/api:${TAG}"]}, "other": {"tags": ["r/o:1"]}}}}
    assert pushed(tmp_path, PUSH, files, env={}) == ["r/api:latest"]
    assert pushed(tmp_path, PUSH, files, env={"TAG": "abc"}) == ["r/api:abc"]


def test_compose_file_services_image(tmp_path):
    files = {"compose.yaml": """\
        services:
          api:
            image: r/api:${TAG:-latest}
            build: .
          db:
            image: postgres:16
        """}
    assert pushed(tmp_path, PUSH, files, env={}) == ["r/api:latest"]
    assert pushed(tmp_path, PUSH, files, env={"TAG": "abc"}) == ["r/api:abc"]


def test_file_option_in_the_working_folder(tmp_path):
    files = {"ci/bake.hcl": 'target "default" { tags = ["r/app:1"] }\n'}
    assert pushed(tmp_path, PUSH + ["-f", "ci/bake.hcl"], files, env={}) == ["r/app:1"]
    assert pushed(tmp_path, PUSH + ["-f", "ci/missing.hcl"], files, env={}) is None


def test_files_outside_the_root_are_not_read(tmp_path):
    folder = write(tmp_path / "repo", {"docker-bake.hcl": BAKE_HCL})
    write(tmp_path, {"outside.hcl": 'target "default" { tags = ["r/app:1"] }\n'})
    root = str(tmp_path / "repo")
    assert bake.pushed_images(PUSH + ["-f", "../outside.hcl"], folder, env_of({}), root) is None
    assert bake.pushed_images(PUSH, str(tmp_path), env_of({}), root) is None
    assert len(bake.pushed_images(PUSH, folder, env_of({}), root)) == 2


def test_files_are_read_through_probes(tmp_path):
    folder = write(tmp_path, {"docker-bake.hcl": BAKE_HCL})
    with probes.recording() as asked:
        bake.pushed_images(PUSH, folder, env_of({}))
    assert any(q[0] == "digest" and q[1][0].endswith("docker-bake.hcl") and q[2] for q in asked)


def test_bake_action_inputs():
    argv, folder = bake.action_command({"push": True, "files": "a.hcl,b.hcl",
                                        "targets": "api\nworker", "set": "*.tags=r/a:1,r/a:2"})
    assert argv == ["docker", "buildx", "bake", "--file", "a.hcl", "--file", "b.hcl",
                    "--set", "*.tags=r/a:1,r/a:2", "--push", "api", "worker"]
    assert folder == "."
    assert bake.action_command({"push": "false"})[0] == ["docker", "buildx", "bake"]
    assert bake.action_command({"push": "${{ inputs.push }}"}) is None
    assert bake.action_command({"source": "https://github.com/o/r.git"}) is None
    assert bake.action_command({"source": "{{defaultContext}}:docker"})[1] == "docker"


# -- hostile input --------------------------------------------------------------


def test_not_a_bake_command_and_unknown_options(tmp_path):
    assert pushed(tmp_path, ["docker", "buildx", "build", "--push", "."]) == []
    assert pushed(tmp_path, PUSH + ["--frobnicate", "x"]) is None
    assert pushed(tmp_path, PUSH + ["-f"]) is None
    assert bake.pushed_images("docker buildx bake", str(tmp_path), env_of({})) is None
    assert bake.pushed_images([1, None], str(tmp_path), env_of({})) is None


def test_invalid_hcl_is_unknown(tmp_path):
    files = {"docker-bake.hcl": 'target "default" { tags = ["r/app:1" \n'}
    assert pushed(tmp_path, PUSH, files, env={}) is None


def test_no_bake_file_is_unknown(tmp_path):
    assert pushed(tmp_path, PUSH, {}, env={}) is None


def test_huge_file_is_unknown(tmp_path):
    big = 'target "default" { tags = ["r/app:1"] }\n' + "# padding\n" * 200_000
    assert pushed(tmp_path, PUSH, {"docker-bake.hcl": big}, env={}) is None


def test_inherits_cycle_does_not_crash(tmp_path):
    files = {"docker-bake.hcl": """\
        target "a" { inherits = ["b"] }
        target "b" { inherits = ["a"] }
        target "default" {
          inherits = ["a"]
          tags = ["r/app:1"]
        }
        """}
    assert pushed(tmp_path, PUSH, files, env={}) == ["r/app:1"]


def test_deep_inherits_and_variables_are_bounded(tmp_path):
    chain = "".join(f'target "t{i}" {{ inherits = ["t{i + 1}"] }}\n' for i in range(300))
    chain += 'target "t300" { tags = ["r/app:1"] }\n'
    assert pushed(tmp_path, PUSH + ["t0"], {"docker-bake.hcl": chain}, env={}) is None
    doubling = "".join(f'variable "V{i}" {{ default = "${{V{i + 1}}}${{V{i + 1}}}" }}\n'
                       for i in range(60))
    doubling += 'variable "V60" { default = "ab" }\n'
    doubling += 'target "default" { tags = ["r/app:${V0}"] }\n'
    [ref] = pushed(tmp_path, PUSH, {"docker-bake.hcl": doubling}, env={})
    assert len(ref) < 10_000
    cycle = 'variable "A" { default = "${B}" }\nvariable "B" { default = "${A}" }\n' \
            'target "default" { tags = ["r/app:${A}"] }\n'
    [ref] = pushed(tmp_path, PUSH, {"docker-bake.hcl": cycle}, env={})
    assert "$" in ref


def test_deeply_nested_expression_does_not_crash(tmp_path):
    nested = 'target "default" { tags = ' + "[" * 3000 + "]" * 3000 + " }\n"
    assert pushed(tmp_path, PUSH, {"docker-bake.hcl": nested}, env={}) is None
    junk = {"docker-bake.json": {"target": {"default": [1, "x"]}}}
    assert pushed(tmp_path, PUSH, junk, env={}) is None
