"""Task definition rules."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder
from ecs_lint.rules.taskdef import (FARGATE_MEMORY, image_tag, parse_cpu, parse_memory,
                                    secret_name, secret_value, _harmless_value)
from ecs_lint.values import Template, Unknown

LOG = {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/a", "awslogs-region": "us-east-1",
                                           "awslogs-stream-prefix": "a"}}


def container(**extra):
    return {"name": "app", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/app:3f9c2ab",
            "logConfiguration": LOG, **extra}


def fargate(cpu, memory, **extra):
    return {"family": "app", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": cpu, "memory": memory,
            "executionRoleArn": "arn:aws:iam::111122223333:role/app-execution",
            "containerDefinitions": [container()], **extra}


def lint_td(tmp_path, data, name="td.json"):
    (tmp_path / name).write_text(json.dumps(data, indent=2))
    return lint_folder(tmp_path, name)


def rules(findings):
    return sorted(f.rule for f in findings)


VALID = [(cpu, mem) for cpu, mems in FARGATE_MEMORY.items() for mem in mems]


def test_the_fargate_table_matches_the_documented_sizes():
    assert FARGATE_MEMORY[256] == [512, 1024, 2048]
    assert FARGATE_MEMORY[4096][-1] == 30720 and FARGATE_MEMORY[8192][:2] == [16384, 20480]
    assert FARGATE_MEMORY[16384] == list(range(32768, 122880 + 1, 8192))
    assert len(VALID) == 3 + 4 + 7 + 13 + 23 + 12 + 12


@pytest.mark.parametrize("cpu, memory", VALID[::7] + [("1 vCPU", "3 GB"), ("0.25 vcpu", "0.5GB"),
                                                      (16384, "120 GB"), ("8 vCPU", 61440)])
def test_valid_fargate_sizes(tmp_path, cpu, memory):
    assert lint_td(tmp_path, fargate(cpu, memory)) == []


@pytest.mark.parametrize("cpu, memory, field", [
    ("256", "4096", "memory"), (512, 512, "memory"), (2048, 2048, "memory"),
    (4096, 31744, "memory"), (8192, 18432, "memory"), (16384, 36864, "memory"),
    (128, 512, "cpu"), ("3 vCPU", "8 GB", "cpu"), (32768, 65536, "cpu"),
])
def test_invalid_fargate_sizes_point_at_the_wrong_field(tmp_path, cpu, memory, field):
    [f] = lint_td(tmp_path, fargate(cpu, memory))
    assert f.rule == "taskdef-fargate-invalid" and f.severity == "error"
    text = (tmp_path / "td.json").read_text().splitlines()
    assert f'"{field}"' in text[f.line - 1]


def test_fargate_network_mode_and_missing_sizes(tmp_path):
    data = fargate("256", "512", networkMode="bridge")
    assert rules(lint_td(tmp_path, data)) == ["taskdef-fargate-invalid"]
    data = fargate("256", "512")
    del data["networkMode"], data["memory"]
    found = lint_td(tmp_path, data)
    assert len(found) == 2 and all("requiresCompatibilities" in (tmp_path / "td.json")
                                   .read_text().splitlines()[f.line - 1] for f in found)


def test_windows_needs_one_vcpu(tmp_path):
    data = fargate("512", "1024", runtimePlatform={"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"})
    assert rules(lint_td(tmp_path, data)) == ["taskdef-fargate-invalid"]
    data = fargate("1024", "2048", runtimePlatform={"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"})
    assert lint_td(tmp_path, data) == []


def test_not_fargate_is_not_checked(tmp_path):
    data = fargate("3", "3", requiresCompatibilities=["EC2"], networkMode="host")
    assert lint_td(tmp_path, data) == []
    del data["requiresCompatibilities"]
    assert lint_td(tmp_path, data) == []


@pytest.mark.parametrize("value, units", [(256, 256), ("256", 256), ("1 vCPU", 1024),
                                          ("2vcpu", 2048), ("0.5 vCPU", 512), ("x", None),
                                          (True, None), (None, None), ("1.5", None)])
def test_parse_cpu(value, units):
    assert parse_cpu(value) == units


@pytest.mark.parametrize("value, mib", [(512, 512), ("2 GB", 2048), ("2GB", 2048), ("0.5 GB", 512),
                                        ("1024", 1024), ("1 TB", None), ([], None)])
def test_parse_memory(value, mib):
    assert parse_memory(value) == mib


@pytest.mark.parametrize("image, state", [
    ("nginx", "untagged"), ("nginx:latest", "tag"), ("library/nginx:1.25", "tag"),
    ("localhost:5000/app", "untagged"), ("ghcr.io/org/app:sha-3f9c2ab", "tag"),
    ("123.dkr.ecr.us-east-1.amazonaws.com/app@sha256:" + "ab" * 32, "digest"),
    ("REPLACE_ME_IMAGE_URI", "unknown"), ("<image>", "unknown"), ("$IMAGE", "unknown"),
    ("${IMAGE}", "unknown"), ("", "unknown"), (None, "unknown"), (3, "unknown"),
    ("${REGISTRY}/app:latest", "tag"), ("$REGISTRY/app", "untagged"),  # a placeholder host
    # a placeholder name with a literal tag is judged by the tag
    ("HELPDESK_IMAGE:latest", "tag"), ("APP_IMAGE:1.4.2", "tag"), ("APP_IMAGE", "unknown"),
    ("REPLACE ME:latest", "unknown"),
])
def test_image_tag(image, state):
    assert image_tag(image)[0] == state


def test_image_latest_and_untagged(tmp_path):
    data = fargate("256", "512")
    data["containerDefinitions"] = [container(name="a", image="nginx"),
                                    container(name="b", image="nginx:latest"),
                                    container(name="c", image="nginx:1.25.3"),
                                    container(name="d", image="nginx:Latest")]
    found = lint_td(tmp_path, data)
    assert [f.rule for f in found] == ["taskdef-image-latest"] * 2
    assert "'a'" in found[0].message and "'b'" in found[1].message


@pytest.mark.parametrize("name", ["DB_PASSWORD", "MYSQL_ROOT_PASSWORD", "SECRET_KEY", "API_KEY",
                                  "DD_API_KEY", "GITHUB_TOKEN", "jwtSecret", "AWS_SECRET_ACCESS_KEY",
                                  "SECRET_KEY_BASE", "DB_PASS", "CLIENT_SECRET", "GOOGLE_CREDENTIALS",
                                  "PGPASSWORD", "NPMTOKEN", "appsecret",
                                  "AIRFLOW__WEBSERVER__SECRET_KEY", "AIRFLOW_SECRET"])
def test_secret_names(name):
    assert secret_name(name)


@pytest.mark.parametrize("name", ["LOG_LEVEL", "SECRETS_MANAGER_REGION", "DB_PASSWORD_SECRET_ARN",
                                  "TOKEN_URL", "PASSWORD_MIN_LENGTH", "ORDINAL_KEY", "MODEL_KEY",
                                  "KMS_KEY_ID", "BYPASS", "USE_SECRETS_MANAGER", "SECRET_NAME",
                                  "PASSWORD_FILE", "SENTRY_DSN", "DATABASE_DSN", "PGPASSWORD_FILE",
                                  # Airflow: the name of a secret in its backend, a command
                                  "AIRFLOW__CORE__FERNET_KEY_SECRET",
                                  "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD",
                                  "", None, 42])
def test_harmless_names(name):
    assert not secret_name(name)


@pytest.mark.parametrize("value", ["AKIAZ7Q3VXBN5K2LMP4R", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                   "postgres://app:s3cr3t@db:5432/app",
                                   "redis://:s3cretPassw0rd@redis.internal:6379/0",
                                   "-----BEGIN RSA PRIVATE KEY-----\nMIIE", "ghp_" + "a1B2" * 9,
                                   "xoxb-1234567890-abcdefghij", "sk_live_" + "a1B2c3D4" * 3,
                                   "Server=db;Database=app;User Id=app;Password=S3cr3t!x;",
                                   "Driver={PostgreSQL};Server=db;UID=app;PWD=hunter22",
                                   "https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/" + "a1B2" * 6])
def test_secret_values(value):
    assert secret_value(value)


@pytest.mark.parametrize("value", ["info", "us-east-1", "3f9c2ab1d4e5f60718293a4b5c6d7e8f9a0b1c2d",
                                   "550e8400-e29b-41d4-a716-446655440000", "-Xmx1024m -Xms256m",
                                   "preprocessing/v2025-09-04/ordinal_encoder.pkl",
                                   "postgres://app:${DB_PASSWORD}@db/app", "https://api.example.com/v1",
                                   "arn:aws:secretsmanager:us-east-1:1:secret:x", None, 12,
                                   "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1",
                                   "Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};",
                                   "Server=db;Database=app;Integrated Security=true",
                                   "https://hooks.slack.com/"])
def test_harmless_values(value):
    assert not secret_value(value)


def test_secret_in_environment_points_at_the_entry(tmp_path):
    data = fargate("256", "512")
    data["containerDefinitions"] = [container(environment=[
        {"name": "LOG_LEVEL", "value": "debug"},
        {"name": "DB_PASSWORD", "value": "hunter2-prod"},
        {"name": "API_TOKEN", "value": ""},
        {"name": "FEATURE_SECRET_ENABLED", "value": "true"},
        {"name": "PAYMENT_ENDPOINT", "value": "postgres://a:b1c2d3@h/db"},
        {"name": "WEIRD"}, "junk", {"name": 3, "value": None},
        # a secret's name, but the value is where the secret is read from
        {"name": "GOOGLE_APPLICATION_CREDENTIALS", "value": "/etc/gcp/creds.json"},
        {"name": "DB_PASSWORD_FILE", "value": "/run/secrets/db"},
        {"name": "PRIVATE_KEY", "value": "./secrets/key.pem"}])]
    found = lint_td(tmp_path, data)
    lines = (tmp_path / "td.json").read_text().splitlines()
    assert [f.rule for f in found] == ["taskdef-secret-in-environment"] * 2
    assert '"DB_PASSWORD"' in lines[found[0].line - 1] and "postgres" in lines[found[1].line - 1]


def test_secrets_need_an_execution_role(tmp_path):
    data = fargate("256", "512")
    del data["executionRoleArn"]
    assert lint_td(tmp_path, data) == []
    data["containerDefinitions"] = [container(secrets=[{"name": "A", "valueFrom": "arn:aws:ssm:x"}])]
    [f] = lint_td(tmp_path, data)
    assert f.rule == "taskdef-secrets-no-execution-role" and "ResourceInitializationError" in f.message
    data["containerDefinitions"] = [container(repositoryCredentials={"credentialsParameter": "arn"})]
    assert rules(lint_td(tmp_path, data)) == ["taskdef-secrets-no-execution-role"]
    data["containerDefinitions"] = [container(logConfiguration={
        "logDriver": "awsfirelens", "secretOptions": [{"name": "k", "valueFrom": "arn"}]})]
    assert rules(lint_td(tmp_path, data)) == ["taskdef-secrets-no-execution-role"]
    data["executionRoleArn"] = "arn:aws:iam::1:role/x"
    assert lint_td(tmp_path, data) == []


def test_no_logging_is_info_per_container(tmp_path):
    data = fargate("256", "512")
    data["containerDefinitions"] = [{"name": "a", "image": "a:1"}, container(name="b")]
    [f] = lint_td(tmp_path, data)
    assert f.rule == "taskdef-no-logging" and f.severity == "info" and "'a'" in f.message


def test_container_definitions_list_file(tmp_path):
    (tmp_path / "containers.json").write_text(json.dumps(
        [{"name": "a", "image": "nginx", "secrets": [{"name": "X", "valueFrom": "arn"}],
          "logConfiguration": LOG}], indent=2))
    found = lint_folder(tmp_path, "containers.json")
    assert rules(found) == ["taskdef-image-latest"]  # the task-level fields live elsewhere


TD_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(
        ["FARGATE", "awsvpc", "256", "1 GB", "nginx", "DB_PASSWORD", "AKIAZ7Q3VXBN5K2LMP4R", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["containerDefinitions", "cpu", "memory", "networkMode", "image", "name",
                         "value", "environment", "secrets", "requiresCompatibilities",
                         "executionRoleArn", "logConfiguration", "runtimePlatform",
                         "operatingSystemFamily"]), inner, max_size=5),
    max_leaves=15)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TD_JUNK)
def test_any_shape_lints_without_internal_errors(tmp_path, junk):
    data = {"containerDefinitions": junk if isinstance(junk, list) else [junk],
            "requiresCompatibilities": ["FARGATE"]}
    if isinstance(junk, dict):
        data.update({k: v for k, v in junk.items() if k != "containerDefinitions"})
    (tmp_path / "td.json").write_text(json.dumps(data))
    found = lint_folder(tmp_path, "td.json")
    assert not [f for f in found if f.rule == "internal-error"], [f.message for f in found]


@pytest.mark.parametrize("name, value, reported", [
    ("DB_PASSWORD", "1234", True),  # a numeric password is one
    ("TOKEN_TTL", "3600", False),  # a number under a token's name is a setting
    ("API_KEY_ROTATION_DAYS", 90, False),
    ("MYSQL_PASSWORD", 123456, True),
])
def test_small_numbers_are_secrets_only_under_a_passwords_name(tmp_path, name, value, reported):
    data = fargate("256", "512")
    data["containerDefinitions"] = [container(environment=[{"name": name, "value": value}])]
    found = [f.rule for f in lint_td(tmp_path, data)]
    assert ("taskdef-secret-in-environment" in found) is reported


@pytest.mark.parametrize("items, containers", [
    ([{"name": "web", "image": "nginx:1.27", "essential": True, "portMappings": []}], True),
    ([{"name": "web", "image": "nginx:1.27"}], True),  # only container fields
    ([{"name": "web", "image": "repo/web:1", "essential": True, "x-team": "a",
       "portMappings": []}], True),  # an unknown key beside two container fields
    ([{"name": "Kettle", "image": "kettle.jpg", "sku": "K1", "price": 30}], False),
    ([{"name": "Ada", "image": "ada.png", "role": "CTO"}], False),
    ([], False), ([{"name": "x"}], False),
])
def test_a_list_is_read_as_container_definitions_only_when_it_holds_containers(items, containers):
    from ecs_lint.kinds import detect

    assert (detect(items) == [("container-definitions", ())]) is containers


@pytest.mark.parametrize("parts, what", [
    # the tool writes the variable's value into the task definition
    (("postgres://orders:", Unknown("var.db_password"), "@db.internal/orders"),
     "a URL with a password"),
    (("Server=db;User Id=app;Password=", Unknown("DbPassword"), ";"),
     "a connection string with a password"),
    (("postgres://orders@", Unknown("var.host"), "/orders"), None),  # no password
    (("https://", Unknown("var.host"), "/health"), None),
    ((Unknown("var.token"),), None),  # wholly unknown: its name decides
])
def test_a_template_value_with_an_unknown_password(parts, what):
    assert secret_value(Template(parts)) == what


@pytest.mark.parametrize("value, what", [
    # a template's placeholder is replaced by the real password before registering
    ("postgresql://postgres:<PASSWORD>@<RDS_ENDPOINT>:5432/app", "a URL with a password"),
    # resolved by the app from another variable (given by `secrets`): no password here
    ("postgres://app:${DB_PASSWORD}@db/app", None),
    ("postgres://app:password@localhost/app", None),  # a dummy
])
def test_a_templates_password_placeholder_is_a_password(value, what):
    assert secret_value(value) == what


@pytest.mark.parametrize("value, reported", [
    # a reference the application resolves at start: not the secret
    ("ssm:/prod/search/api-key", False),
    ("aws-parameterstore:/prod/search/api-key", False),
    ("secretsmanager:prod/db", False),
    ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", True),
])
def test_a_scheme_reference_under_a_secret_name_is_not_the_secret(value, reported):
    assert (secret_value(value) is not None
            or not _harmless_value(value, "SEARCH_API_KEY")) is reported


@pytest.mark.parametrize("ref, reported", [
    # CloudFormation writes a dynamic reference's value into the task definition
    ("resolve:secretsmanager:prod/search:SecretString:url", True),
    ("resolve:ssm-secure:/prod/search/url", True),
    ("resolve:ssm:/prod/search/host", False),  # a plain parameter
])
def test_a_cloudformation_dynamic_reference_to_a_secret(ref, reported):
    assert (secret_value(Template((Unknown(ref),))) is not None) is reported


@pytest.mark.parametrize("url, given, reported", [
    # hb/05: `${VAR}` where a URL's password goes is filled in before the task
    # definition is registered (envsubst) unless the container gets VAR itself
    ("amqps://billing:${RABBITMQ_PASSWORD}@broker:5671", [], True),
    ("amqps://billing:$RABBITMQ_PASSWORD@broker:5671", [], True),
    ("amqps://billing:${RABBITMQ_PASSWORD}@broker:5671", ["RABBITMQ_PASSWORD"], False),
    ("amqps://billing:***@broker:5671", [], False),
])
def test_a_url_password_placeholder_the_container_does_not_get(url, given, reported):
    from ecs_lint.rules.taskdef import secret_value

    assert bool(secret_value(url, set(given))) is reported
    assert secret_value(url) is None  # the container's names not known: not judged
