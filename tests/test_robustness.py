"""Wrong shapes anywhere: documents of every kind, with random subtrees replaced
by values of the wrong type, go through the whole pipeline (loader, kind
detection, every rule, every reporter) without an exception and without an
internal-error finding."""
import json
import os

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import FIXTURES
from ecs_lint import reporters
from ecs_lint.config import Config
from ecs_lint.runner import Options, collect, lint

SEEDS = [FIXTURES / "article" / p for p in (
    ".github/workflows/deploy.yml", "iam/trust.json", "iam/deploy-policy.json",
    "iam/oidc-provider.json", "ops/task-definition.json", "ops/service.json")]
SEEDS.append(FIXTURES / "oidc-provider" / "template.yaml")
SEEDS += [FIXTURES / "cloudformation" / n for n in ("ecs.yaml", "roles.yaml", "roles.json")]
SEEDS += sorted((FIXTURES / "trust").glob("bad-*.json"))[:8]
EXAMPLES = int(os.environ.get("ROBUST_EXAMPLES", "300"))  # more: ROBUST_EXAMPLES=2000


def _load(path):
    text = path.read_text()
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=yaml.BaseLoader)


SEED_DATA = [(p, _load(p)) for p in SEEDS]

junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=False),
              st.text(max_size=6), st.sampled_from(["*", "", "${{ github.sha }}", "latest",
                                                    "arn:aws:iam::*:role/*", "Allow", "Deny"])),
    lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=5), c, max_size=3)),
    max_leaves=6)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        out = dict(value)
        out[head] = _replace(value[head], rest, new)
        return out
    out = list(value)
    out[head] = _replace(value[head], rest, new)
    return out


@st.composite
def mutated(draw):
    path, data = draw(st.sampled_from(SEED_DATA))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))
        where = draw(st.sampled_from(paths[1:] or paths))
        data = _replace(data, where, draw(junk))
    return path, data


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(mutated())
def test_wrong_shapes_never_crash(tmp_path, case):
    seed, data = case
    out = tmp_path / ("doc" + seed.suffix)
    if seed.suffix == ".json":
        out.write_text(json.dumps(data))
    else:
        out.write_text(yaml.safe_dump(data, sort_keys=False))
    run = lint(collect([str(out)], Config(), []), Options())
    crashes = [f for f in run.findings if f.rule == "internal-error"]
    assert not crashes, crashes[0].message
    for fmt in reporters.FORMATS.values():
        fmt(run.findings, run.files_read)


_TREE = st.recursive(st.none() | st.integers() | st.text(max_size=4),
                     lambda kids: st.lists(kids, max_size=3)
                     | st.dictionaries(st.text(max_size=3), kids, max_size=3), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(data=_TREE, path=st.lists(st.integers(-4, 4) | st.text(max_size=3), max_size=4))
def test_value_at_never_raises_and_follows_only_dicts_and_lists(data, path):
    from ecs_lint.values import value_at

    got = value_at(data, path)
    node = data  # the same walk, by hand
    for step in path:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and -len(node) <= step < len(node):
            node = node[step]
        else:
            node = None
            break
    assert got == node
