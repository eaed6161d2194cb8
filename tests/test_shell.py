"""The small shell reader used on `run:` scripts (lint/shell.py)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint.shell import aws_operation, is_aws, option, parse


def argvs(script):
    return [c.argv for c in parse(script) if c.argv]


def test_line_continuations_make_one_command_on_its_first_line():
    cmds = parse("echo start\naws ecs run-task \\\n  --cluster prod \\\n  --task-definition m\n")
    run = [c for c in cmds if c.argv[:1] == ["aws"]][0]
    assert run.argv == ["aws", "ecs", "run-task", "--cluster", "prod", "--task-definition", "m"]
    assert run.line == 1


def test_quotes_are_removed_and_expansions_kept():
    (c,) = parse("""docker build -t "$REGISTRY/app:$TAG" --label 'a b' x\\ y .""")
    assert c.argv == ["docker", "build", "-t", "$REGISTRY/app:$TAG", "--label", "a b", "x y", "."]


def test_capture_commands_come_first_and_name_their_variable():
    cmds = parse("TASK=$(aws ecs run-task --cluster c --query 'tasks[0].taskArn')\necho $TASK")
    assert cmds[0].argv[:3] == ["aws", "ecs", "run-task"]
    assert cmds[0].captured_by == "TASK" and cmds[0].in_substitution
    assert cmds[1].assigns == {"TASK": "$(aws ecs run-task --cluster c --query 'tasks[0].taskArn')"}
    assert cmds[0].parent == cmds[1].index


def test_capture_inside_double_quotes_and_export():
    cmds = parse('export A=1 B="$(git rev-parse --short HEAD)"')
    git = [c for c in cmds if c.name == "git"][0]
    assert git.captured_by == "B"


def test_pipes_link_to_the_command_before():
    cmds = parse("aws ecs describe-tasks --tasks t | jq -r '.tasks[0].containers[0].exitCode'")
    assert cmds[1].name == "jq" and cmds[1].pipe_from == cmds[0].index


def test_pipe_inside_a_capture():
    cmds = parse('X=$(echo "$DEF" | jq .image)')
    jq = [c for c in cmds if c.name == "jq"][0]
    echo = [c for c in cmds if c.name == "echo"][0]
    assert jq.pipe_from == echo.index and jq.captured_by == "X" and echo.captured_by is None


def test_if_condition_and_body():
    cmds = parse('if [ "$EXIT" != "0" ]; then\n  echo failed\n  exit 1\nfi\necho done')
    test, echo, exit_, done = cmds
    assert test.in_condition and not test.guarded
    assert echo.guarded and exit_.guarded and exit_.argv == ["exit", "1"] and exit_.line == 2
    assert not done.guarded and not done.in_condition


def test_or_list_guards_what_follows_and_conditions_what_precedes():
    test, exit_ = parse('[ "$X" = 0 ] || exit 1')
    assert test.in_condition and exit_.guarded


def test_loops():
    cmds = parse("for c in $(aws ecs describe-tasks --query x); do\n  echo $c\ndone\n"
                 "while true; do sleep 1; done")
    desc = cmds[0]
    assert desc.captured_by == "c"
    echo = [c for c in cmds if c.argv == ["echo", "$c"]][0]
    assert echo.in_loop
    sleep = [c for c in cmds if c.name == "sleep"][0]
    assert sleep.in_loop
    true = [c for c in cmds if c.name == "true"][0]
    assert true.in_condition


def test_heredoc_bodies_are_not_commands():
    cmds = parse("cat > .env <<EOF\nA=$(rm -rf /)\nB=2\nEOF\necho after")
    assert argvs("cat > .env <<EOF\nA=$(rm -rf /)\nB=2\nEOF\necho after") == [["cat"], ["echo", "after"]]
    assert cmds[0].heredoc == "A=$(rm -rf /)\nB=2"
    assert cmds[-1].line == 4


def test_redirects_and_group_redirects():
    cmds = parse('echo "image=$IMG" >> "$GITHUB_OUTPUT"\n{ echo a=1; echo b=2; } >> $GITHUB_ENV')
    assert cmds[0].redirects == [(">>", "$GITHUB_OUTPUT")]
    assert (">>", "$GITHUB_ENV") in cmds[1].redirects and (">>", "$GITHUB_ENV") in cmds[2].redirects


def test_fd_redirects_are_not_words():
    (c,) = parse("aws ecs wait tasks-stopped --tasks t 2>/dev/null")
    assert c.argv == ["aws", "ecs", "wait", "tasks-stopped", "--tasks", "t"]


def test_comments_and_github_expressions():
    cmds = parse('# aws ecs run-task\necho "${{ github.event.pull_request.title }}" # x')
    assert argvs('# aws ecs run-task\necho "${{ github.event.pull_request.title }}" # x') == [
        ["echo", "${{ github.event.pull_request.title }}"]]
    assert cmds[0].line == 1


def test_multiline_quoted_argument_keeps_line_count():
    script = ('X=$(aws ecs run-task --network-configuration "a={\n  b=1\n}" \\\n'
              "  --query q)\naws ecs wait tasks-stopped")
    wait = [c for c in parse(script) if c.argv[1:3] == ["ecs", "wait"]][0]
    assert wait.line == 4


def test_case_statement():
    cmds = parse('case "$ENV" in\n  prod) exit 1 ;;\n  *) echo ok ;;\nesac\necho end')
    assert [c.argv for c in cmds] == [["case", "$ENV"], ["exit", "1"], ["echo", "ok"],
                                      ["echo", "end"]]
    assert cmds[0].in_condition and not cmds[0].guarded
    assert cmds[1].guarded and not cmds[3].guarded
    # the subject's $(...) runs: its commands are listed, as for any other command
    cmds = parse('case "$(cat /tmp/code)" in 0) ;; *) exit 1 ;; esac')
    assert [c.argv for c in cmds] == [["cat", "/tmp/code"], ["case", "$(cat /tmp/code)"],
                                      ["exit", "1"]]


def test_aws_helpers():
    (c,) = parse("aws --region eu-west-1 --output json ecs run-task --cluster=prod --count 1")
    assert is_aws(c, "ecs", "run-task") and not is_aws(c, "ecs", "wait")
    assert aws_operation(c)[:2] == ("ecs", "run-task")
    assert option(c, "--cluster") == "prod" and option(c, "--count") == "1"
    assert option(c, "--nope") is None
    (d,) = parse("/usr/local/bin/aws ecs wait tasks-stopped")
    assert aws_operation(d) == ("ecs", "wait", ["tasks-stopped"])
    (e,) = parse("echo aws ecs run-task")
    assert not is_aws(e, "ecs") and aws_operation(e) == ("", "", [])


def test_not_a_script():
    assert parse(None) == [] and parse(42) == [] and parse("   ") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $(){}[]'\"`\\;|&<>#\n=-e12fiXdoneEOF")),
               max_size=120))
def test_never_raises_on_any_text(text):
    for c in parse(text):
        assert isinstance(c.argv, list) and c.line >= 0


def test_a_function_definition_is_no_command_and_its_body_knows_its_name():
    cmds = parse("check() {\n  aws ecs wait tasks-stopped\n  code=$(aws ecs describe-tasks)\n}\n"
                 "function other {\n  echo a\n}\nfunction third() { echo b; }\n"
                 "(cd sub && make)\ncheck \"$T\"\n")
    seen = [(c.argv[:2], c.function) for c in cmds if c.argv]
    assert seen == [(["aws", "ecs"], "check"), (["aws", "ecs"], "check"),
                    (["echo", "a"], "other"), (["echo", "b"], "third"),
                    (["cd", "sub"], None), (["make"], None), (["check", "$T"], None)]


def test_a_function_whose_body_is_no_group_marks_nothing_later():
    cmds = parse("f() ( cd x; make )\n{ echo a; }\n")
    assert [(c.argv, c.function) for c in cmds if c.argv] == [
        (["cd", "x"], None), (["make"], None), (["echo", "a"], None)]
