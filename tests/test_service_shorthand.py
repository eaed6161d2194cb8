"""The AWS CLI's shorthand for a structure, nested (jj/10):
`--deployment-configuration "maximumPercent=110,minimumHealthyPercent=90,
deploymentCircuitBreaker={enable=true,rollback=true}"`."""
import json

import pytest
from hypothesis import given, strategies as st

from conftest import lint_folder
from ecs_lint.rules.service import _cli_structure


@pytest.mark.parametrize("text, data", [
    ("maximumPercent=110,minimumHealthyPercent=90,deploymentCircuitBreaker={enable=true,rollback=true}",
     {"maximumPercent": 110, "minimumHealthyPercent": 90,
      "deploymentCircuitBreaker": {"enable": "true", "rollback": "true"}}),
    ("alarms={alarmNames=[a,b],enable=true},maximumPercent=200",
     {"alarms": {"alarmNames": ["a", "b"], "enable": "true"}, "maximumPercent": 200}),
    ('a="x,y",b=[]', {"a": "x,y", "b": []}),
    ("type=CODE_DEPLOY", {"type": "CODE_DEPLOY"}),
    # not a structure: None, never a guess
    ("a={b=1", None), ("a=[1,2", None), ("=1", None), ("a=1,,b=2", None), ("a=1}", None),
    ('a="open', None), ("plain", None), ("", None),
])
def test_shorthand_structures(text, data):
    assert _cli_structure(text) == data


@pytest.mark.parametrize("config, line", [
    # jj/10: six tasks at 90/110 can neither start nor stop one
    ("maximumPercent=110,minimumHealthyPercent=90,"
     "deploymentCircuitBreaker={enable=true,rollback=true}", 8),
    ("deploymentCircuitBreaker={enable=true,rollback=true},maximumPercent=100,"
     "minimumHealthyPercent=100", 8),
    # near miss: room for one more task
    ("maximumPercent=200,minimumHealthyPercent=90,"
     "deploymentCircuitBreaker={enable=true,rollback=true}", None),
])
def test_nested_shorthand_is_read_for_a_blocked_rollout(tmp_path, config, line):
    text = ("on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: |\n          aws ecs update-service --cluster c --service s \\\n"
            f'            --desired-count 6 --deployment-configuration "{config}"\n')
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(text)
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    assert [f.span.line for f in found] == ([line] if line else [])


_WORD = st.text("abcdefgxyzAZ09_-.", min_size=1, max_size=6).filter(lambda w: not w.isdigit())
_VALUE = st.recursive(
    _WORD | st.integers(0, 10**6),
    lambda kids: st.lists(kids, max_size=3)
    | st.dictionaries(_WORD, kids, min_size=1, max_size=3), max_leaves=12)


def _written(v):
    if isinstance(v, dict):
        return "{" + ",".join(f"{k}={_written(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(_written(x) for x in v) + "]"
    return str(v)


@given(st.dictionaries(_WORD, _VALUE, min_size=1, max_size=4))
def test_written_structures_read_back(data):
    assert _cli_structure(_written(data)[1:-1]) == data


@given(st.text(",={}[]\"' a1", max_size=80))
def test_any_text_gives_a_structure_or_none(text):
    got = _cli_structure(text)
    assert got is None or isinstance(got, dict)


def test_deep_nesting_is_refused_not_a_crash():
    assert _cli_structure("a=" + "{a=" * 5000 + "1" + "}" * 5000) is None
    assert _cli_structure("a=" + "[" * 5000 + "]" * 5000) is None
    assert _cli_structure("{" + '"a":' * 1 + "[" * 100000 + "]" * 100000 + "}") is None
