"""taskdef-secret-in-environment: a password in a URL's query string (a
driver's connection properties, `jdbc:postgresql://db/app?password=...`)."""
import time

import pytest

from ecs_lint.rules.taskdef import secret_value


@pytest.mark.parametrize("value, found", [
    ("jdbc:postgresql://db:5432/orders?user=app&password=Vt8q-2Lx9mPz&sslmode=require", True),
    ("postgres://db/app?sslmode=require&passwd=hunter22", True),
    ("mysql://db/app?PWD=s3cr3t-pass", True),
    ("https://db/app?password=${DB_PASSWORD}", False),  # filled from another variable
    ("https://db/app?password=***", False),
    ("https://example.com/login?passwordless=true", False),
    ("https://example.com/reset#password=abcdefgh", False),  # a fragment, not sent
    ("jdbc:postgresql://db:5432/orders?user=app&sslmode=require", False),
])
def test_a_password_in_a_url_query(value, found):
    assert (secret_value(value) == "a URL with a password") == found


def test_a_hostile_query_is_read_in_linear_time():
    value = "a://h/p?" + "&" * 20000 + "x"
    start = time.perf_counter()
    secret_value(value)
    assert time.perf_counter() - start < 1.0
