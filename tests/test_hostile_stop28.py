"""Stop 28's new readers on arbitrary input: they never raise, and they
answer in bounded time (makefile recipes and `make` arguments, the exit
status checks, URL passwords, event lists, retagging commands, task-set
shapes, version comments)."""
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint import kinds, shell
from ecs_lint import workflow_model as wm
from ecs_lint.rules import workflow as W
from ecs_lint.rules.taskdef import secret_value

TEXT = st.lists(st.sampled_from(list("ab:=$()@-+\t\n\\#.{}' \"|&;?")
                               + ["make ", "exit ", "$?", "[ ", " ]", "set +e\n", "cat ",
                                  "docker compose logs", "aws ecr put-image ", "crane tag ",
                                  "--image-tag ", "--repository-name "]),
               max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(st.sampled_from(["a", "b", "-C", "-f", "x=1", "$T", "..", "/"]),
                      max_size=5))
def test_makefile_recipes_of_any_text(text, targets):
    out = wm._recipes(text, targets)
    assert isinstance(out, str)
    shell.parse(out)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["-C", "-f", "--file", "t", "A=1", "$X", "../..", "/etc",
                                 "Makefile"]), max_size=6))
def test_make_arguments_of_any_shape(tmp_path_factory, args):
    root = str(tmp_path_factory.mktemp("repo"))
    got = wm._make_recipes(args, root, root)
    assert got is None or (isinstance(got[0], str) and not got[0].startswith(".."))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_status_checks_and_log_swallows_of_any_script(script):
    cmds = shell.parse(script)
    for c in cmds:
        shell.status_checked_after(c, cmds)
        shell.failure_swallowed(c, cmds)
        W._retagged(c)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_url_passwords_and_event_lists_of_any_text(text):
    secret_value("https://h/p?" + text)
    wm.if_events(f"contains(fromJSON('{text}'), github.event_name)")
    W._js_no_text(text)


@given(st.one_of(st.none(), st.integers(), st.text(max_size=30),
                 st.dictionaries(st.sampled_from(["service", "scale", "externalId", "taskSet",
                                                  "cluster"]),
                                 st.one_of(st.none(), st.text(max_size=5), st.integers()))))
def test_task_set_and_service_shapes(data):
    kinds._looks_like_service(data)
    kinds.is_service_update(data)


@given(st.one_of(st.none(), st.text(max_size=50)), st.one_of(st.none(), st.text(max_size=50)))
def test_action_versions_of_any_ref(ref, comment):
    step = wm.Step(index=0, path=(), data={}, uses=wm.CONFIGURE_CREDENTIALS, uses_ref=ref,
                   ref_comment=comment)
    v = wm.action_version(step)
    assert v is None or isinstance(v[0], int)
    wm.translates_env(step)


def test_long_hostile_inputs_are_read_quickly():
    start = time.perf_counter()
    wm._recipes("t:\n" + "\t" + "$(" * 20000 + "\n", ["t"])
    secret_value("a://h/p?" + "&password" * 20000)
    wm.if_events("contains(fromJSON('" + "[" * 5000 + "'), github.event_name)")
    cmds = shell.parse("set +e\nmake test\n" + "rc=$?\n" * 2000 + "echo $rc\n")
    shell.status_checked_after(cmds[1], cmds)
    assert time.perf_counter() - start < 10
