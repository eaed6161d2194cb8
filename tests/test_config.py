"""The config file: discovery, validation with locations, and its effects."""
import pytest
from hypothesis import given, settings, strategies as st

from ecs_lint.config import ConfigError, find_config, load_config, parse_size


def write(tmp_path, text, name=".ecs-lint.yaml"):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_full_example_from_the_docs_loads(tmp_path):
    (tmp_path / "iam").mkdir()
    for name in ("trust.json", "deploy-policy.json"):
        (tmp_path / "iam" / name).write_text("{}")
    cfg = load_config(write(tmp_path, """
rules:
  oidc-provider-url-wrong: warning
  oidc-provider-thumbprint-malformed: off
exclude: ["vendor/**"]
ignore:
  - {path: "legacy/**", rules: [oidc-provider-audience-missing]}
github:
  repository: myorg/blog-api
  owners: [myorg]
  vars: {DEPLOY_ROLE_ARN: "arn:aws:iam::123456789012:role/deploy"}
  secrets: {AWS_ROLE: "arn:aws:iam::123456789012:role/deploy"}
  subject: immutable
  owner-id: 1234567
  repository-id: 7654321
roles:
  "arn:aws:iam::123456789012:role/github-actions-deploy":
    trust: iam/trust.json
    permissions: [iam/deploy-policy.json]
"""))
    assert cfg.rules["oidc-provider-thumbprint-malformed"] == "off"
    assert cfg.github["owners"] == ["myorg"]
    assert cfg.resolve_path("iam/trust.json") == str(tmp_path / "iam" / "trust.json")


@pytest.mark.parametrize("text,needle,line", [
    ("roles:\n  deploy:\n    trust: iam/trsut.json\n", "no such file: iam/trsut.json", 3),
    ("roles:\n  deploy:\n    permissions: [iam/x.json]\n", "roles.deploy.permissions", 3),
    ("rulez: {}\n", "unknown key 'rulez'", 1),
    ("rules:\n  no-such-rule: error\n", "unknown rule id 'no-such-rule'", 2),
    ("rules:\n  oidc-provider-url-wrong: loud\n", "oidc-provider-url-wrong", 2),
    ("github:\n  repository: just-a-name\n", "github.repository", 2),
    ("github:\n  subject: new\n", "github.subject", 2),
    ("exclude: vendor\n", "exclude", 1),
    ("rules:\n  oidc-provider-url-wrong: {severity: error, colour: red}\n", "no option 'colour'", 2),
    ("ignore:\n  - {rules: [parse-error]}\n", "path", 2),
    ("github: [\n", "invalid YAML", 2),
    # GitHub's ids are positive integers: a typo would make subs GitHub never sends
    ("github:\n  owner-id: 6182730four\n", "github.owner-id", 2),
    ("github:\n  repository-id: -5\n", "github.repository-id", 2),
])
def test_invalid_config_names_key_and_line(tmp_path, text, needle, line):
    with pytest.raises(ConfigError) as e:
        load_config(write(tmp_path, text))
    msg = str(e.value)
    assert needle in msg
    assert f".ecs-lint.yaml:{line}:" in msg


def test_discovery_walks_up_to_the_repository_root(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "rules: {}\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(str(deep)) == str(tmp_path / ".ecs-lint.yaml")
    sub = tmp_path / "a" / ".git"
    sub.mkdir()
    assert find_config(str(deep)) is None  # a nested repository stops the search


def test_pyproject_section(tmp_path):
    write(tmp_path, '[tool.ecs-lint]\nexclude = ["x/**"]\n[tool.ecs-lint.rules]\n'
          '"oidc-provider-url-wrong" = "info"\n', name="pyproject.toml")
    (tmp_path / ".git").mkdir()
    path = find_config(str(tmp_path))
    cfg = load_config(path)
    assert cfg.rules == {"oidc-provider-url-wrong": "info"} and cfg.exclude == ["x/**"]


def test_pyproject_without_section_is_not_a_config(tmp_path):
    write(tmp_path, "[project]\nname='x'\n", name="pyproject.toml")
    (tmp_path / ".git").mkdir()
    assert find_config(str(tmp_path)) is None


@pytest.mark.parametrize("text,size", [("10MB", 10 * 1024 ** 2), ("512k", 512 * 1024),
                                        (2048, 2048), ("1.5 MiB", int(1.5 * 1024 ** 2))])
def test_sizes(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", [-1, 0, "0MB", "-5k", True, "big"])
def test_sizes_must_be_positive_numbers(text):
    with pytest.raises(ValueError):
        parse_size(text)


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10))
configs = st.recursive(yaml_scalars, lambda c: st.one_of(
    st.lists(c, max_size=3), st.dictionaries(st.sampled_from(
        ["rules", "exclude", "ignore", "github", "roles", "path", "repository", "owners",
         "oidc-provider-url-wrong", "severity", "trust", "x"]), c, max_size=4)), max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(configs)
def test_any_config_shape_loads_or_gives_a_config_error(tmp_path_factory, data):
    import yaml
    d = tmp_path_factory.mktemp("cfg")
    path = write(d, yaml.safe_dump(data))
    try:
        load_config(path)
    except ConfigError as e:
        assert str(e).startswith(path)


def test_pyproject_errors_name_their_line_and_a_broken_pyproject_of_others_is_skipped(tmp_path):
    write(tmp_path, '[project]\nname = "x"\n\n[tool.ecs-lint]\nexclude = ["a"]\nbogus = 1\n',
          name="pyproject.toml")
    (tmp_path / ".git").mkdir()
    with pytest.raises(ConfigError) as e:
        load_config(find_config(str(tmp_path)))
    assert "pyproject.toml:6:1: unknown key 'bogus'" in str(e.value)
    write(tmp_path, '[project\nname = "x"\n', name="pyproject.toml")  # not ours: skipped
    assert find_config(str(tmp_path)) is None
    write(tmp_path, '[tool.ecs-lint\nexclude = 1\n', name="pyproject.toml")  # ours, broken
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(find_config(str(tmp_path)))


def test_a_folder_with_workflows_stops_the_config_search(tmp_path):
    # GitHub reads workflows only at a repository's root: a folder holding
    # .github/workflows is a repository of its own, even inside another checkout
    (tmp_path / ".ecs-lint.yaml").write_text("rules: {}\n")
    inner = tmp_path / "examples" / "app"
    (inner / ".github" / "workflows").mkdir(parents=True)
    assert find_config(str(inner)) is None
    assert find_config(str(inner / ".github" / "workflows")) is None
    assert find_config(str(tmp_path / "examples")) == str(tmp_path / ".ecs-lint.yaml")


@pytest.mark.parametrize("value", ["-5", ".nan", ".inf", "-0.5"])
def test_a_threshold_option_below_zero_is_a_config_error(tmp_path, value):
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"rules:\n  workflow-stability-wait-short: {{min-minutes: {value}}}\n")
    with pytest.raises(ConfigError) as e:
        load_config(find_config(str(tmp_path)))
    assert "min-minutes" in str(e.value) and "0 or more" in str(e.value)


@pytest.mark.parametrize("value", ["61827304", "'61827304'"])
def test_an_id_is_a_number_or_its_digits(tmp_path, value):
    cfg = load_config(write(tmp_path, f"github:\n  repository: o/r\n  owner-id: {value}\n"))
    assert str(cfg.github.get("owner-id")) == "61827304"
