"""A small reader for the shell scripts in workflow `run:` blocks.

It does not run anything and does not try to be bash. It cuts a script into
the simple commands bash would run, in order, and tells for each one what the
rules need to know:

    commands = parse(script)
    for c in commands:
        c.argv          # ["aws", "ecs", "run-task", "--cluster", "$CLUSTER", ...]
        c.line          # 0-based line of the script where the command starts
        c.assigns       # {"TASK_ARN": "$(aws ecs run-task ...)"} for NAME=value words
        c.captured_by   # "TASK_ARN" for a command inside TASK_ARN=$(...)
        c.parent        # index of the command holding a $(...) this command is in
        c.pipe_from     # index of the command piping into this one
        c.in_condition  # part of an if/while/until condition, or before && / ||
        c.guarded       # runs only on a condition: if/case body, after && or ||
        c.in_loop       # inside a while/until/for body
        c.redirects     # [(">>", "$GITHUB_OUTPUT"), ...]
        c.heredoc       # the text of a here-document fed to the command
        c.group_depth   # how many `{ ...; }` groups and `( ... )` subshells hold it

What it understands: quotes ('...', "...", $'...'), backslash escapes and line
continuations, comments, `;`, `&&`, `||`, `|`, `&`, `$(...)` and backtick
captures (their commands are listed before the command holding them),
`${...}` and `$((...))` as opaque words, GitHub `${{ ... }}` expressions as
opaque text, here-documents (their bodies are not commands), `if/then/elif/
else/fi`, `while/until/for ... do/done`, `case ... esac` (its subject is a
command `case WORD` in a condition), `{ ...; }` groups
and `( ... )` subshells. Anything it cannot make sense of becomes words of a
command; it never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

_OPERATORS = ("&&", "||", ";;", "|&", ";", "|", "&", "(", ")", "\n")
_OPERATOR = re.compile("|".join(re.escape(o) for o in _OPERATORS[:-1]))  # longest first
_PLAIN_RUN = re.compile(r"[^ \t\r\n;&|()<>\\'\"`$]+")  # characters a word takes as they are
_QUOTED_RUN = re.compile(r'[^"\\$`\n]+')  # the same inside double quotes
_BLANKS = re.compile(r"[ \t\r]+")
_PARAMETER = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])?")
_REDIRECT = re.compile(r"(?:&>>|&>|>>|>\||>&|<<<|<<-|<<|<>|<&|>|<)")
KEYWORDS = {"if", "then", "elif", "else", "fi", "while", "until", "for", "do", "done",
            "case", "esac", "{", "}", "!", "in", "function", "select"}
_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=(.*)$", re.S)
_DECLARERS = {"export", "local", "readonly", "declare", "typeset"}


@dataclass
class Word:
    value: str  # quotes removed (expansions kept as written)
    raw: str  # as written
    line: int
    quoted: bool = False
    subs: List[Tuple[str, int]] = field(default_factory=list)  # $(...) bodies, line


@dataclass
class Command:
    argv: List[str] = field(default_factory=list)
    line: int = 0
    assigns: Dict[str, str] = field(default_factory=dict)
    redirects: List[Tuple[str, str]] = field(default_factory=list)
    heredoc: Optional[str] = None
    captured_by: Optional[str] = None
    pipe_from: Optional[int] = None
    op_before: str = "\n"
    op_after: str = "\n"
    in_condition: bool = False
    guarded: bool = False
    in_loop: bool = False
    negated: bool = False
    in_substitution: bool = False
    group_depth: int = 0
    parent: Optional[int] = None  # for a command inside $(...): the command holding it
    index: int = 0
    last_line: int = 0
    # the shell function whose body holds it (`NAME() { ...; }`): it runs where
    # NAME is called, not where it is written
    function: Optional[str] = None

    @property
    def name(self) -> str:
        return self.argv[0] if self.argv else ""

    def text(self) -> str:
        return " ".join(self.argv)


@dataclass
class _Tok:
    kind: str  # word | op | redir
    value: object
    line: int


class _Lexer:
    def __init__(self, text: str, line0: int = 0):
        self.s = text
        self.i = 0
        self.line = line0
        self.toks: List[_Tok] = []
        self.pending_heredocs: List[Tuple[str, bool, _Tok]] = []

    def run(self) -> List[_Tok]:
        s = self.s
        n = len(s)
        while self.i < n:
            c = s[self.i]
            if c in " \t\r":
                self.i = _BLANKS.match(s, self.i).end()
            elif c == "\\" and s.startswith("\\\n", self.i):
                self.i += 2
                self.line += 1
            elif c == "\\" and s.startswith("\\\r\n", self.i):
                self.i += 3
                self.line += 1
            elif c == "#":
                j = s.find("\n", self.i)
                self.i = n if j < 0 else j
            elif c == "\n":
                self.toks.append(_Tok("op", "\n", self.line))
                self.i += 1
                self.line += 1
                if self.pending_heredocs:
                    self._read_heredocs()
            else:
                m = _OPERATOR.match(s, self.i)
                if m is not None:
                    op = m.group(0)
                    self.toks.append(_Tok("op", op, self.line))
                    self.i += len(op)
                    continue
                m = _REDIRECT.match(s, self.i)
                if m:
                    self._redirect(m.group(0))
                    continue
                w = self._word()
                if w is None:
                    self.i += 1
                    continue
                # `2>` : a word of digits right before a redirection is its fd
                if self.i < n and s[self.i] in "<>" and w.raw.isdigit():
                    continue
                self.toks.append(_Tok("word", w, w.line))
        return self.toks

    def _redirect(self, op):
        self.i += len(op)
        while self.i < len(self.s) and self.s[self.i] in " \t":
            self.i += 1
        line = self.line
        target = self._word()
        tok = _Tok("redir", (op, target.value if target else ""), line)
        self.toks.append(tok)
        if op in ("<<", "<<-") and target is not None:
            self.pending_heredocs.append((target.value, op == "<<-", tok))

    def _read_heredocs(self):
        s = self.s
        for delim, strip_tabs, tok in self.pending_heredocs:
            body = []
            while self.i < len(s):
                j = s.find("\n", self.i)
                end = len(s) if j < 0 else j
                line = s[self.i:end]
                self.i = end + 1 if j >= 0 else len(s)
                self.line += 1
                if line.strip() == delim:
                    break
                body.append(line.lstrip("\t") if strip_tabs else line)
            op, target = tok.value
            tok.value = (op, target, "\n".join(body))
        self.pending_heredocs = []

    def _word(self) -> Optional[Word]:
        s, n = self.s, len(self.s)
        start, line = self.i, self.line
        out = []
        subs = []
        quoted = False
        while self.i < n:
            c = s[self.i]
            if c in " \t\r\n;&|()<>":
                # `<(...)`/`>(...)` process substitution and `=(` arrays are rare: stop
                break
            if c == "\\":
                if s.startswith("\\\n", self.i):
                    self.i += 2
                    self.line += 1
                    continue
                if self.i + 1 < n:
                    out.append(s[self.i + 1])
                self.i += 2
                continue
            if c == "'":
                quoted = True
                j = s.find("'", self.i + 1)
                j = n if j < 0 else j
                chunk = s[self.i + 1:j]
                self.line += chunk.count("\n")
                out.append(chunk)
                self.i = j + 1
                continue
            if c == '"':
                quoted = True
                self.i += 1
                self._double_quoted(out, subs)
                continue
            if c == "`":
                self._backtick(out, subs)
                continue
            if c == "$":
                out.append(self._dollar(subs))
                continue
            m = _PLAIN_RUN.match(s, self.i)  # a run of ordinary characters at once
            out.append(m.group(0))
            self.i = m.end()
        if self.i == start:
            return None
        return Word("".join(out), s[start:self.i], line, quoted, subs)

    def _backtick(self, out, subs):
        """A `...` command substitution: recorded in subs, kept in the word."""
        body = self._until_backtick()
        subs.append(body)
        out.append("`" + body[0] + "`")

    def _double_quoted(self, out, subs):
        s, n = self.s, len(self.s)
        while self.i < n:
            c = s[self.i]
            if c == '"':
                self.i += 1
                return
            if c == "\\" and self.i + 1 < n and s[self.i + 1] in '"\\$`\n':
                if s[self.i + 1] == "\n":
                    self.line += 1
                else:
                    out.append(s[self.i + 1])
                self.i += 2
                continue
            if c == "$":
                out.append(self._dollar(subs))
                continue
            if c == "`":
                self._backtick(out, subs)
                continue
            if c == "\n":
                self.line += 1
                out.append(c)
                self.i += 1
                continue
            m = _QUOTED_RUN.match(s, self.i)
            if m is None:  # a backslash that escapes nothing
                out.append(c)
                self.i += 1
                continue
            out.append(m.group(0))
            self.i = m.end()

    def _until_backtick(self):
        s = self.s
        line = self.line
        j = self.i + 1
        while j < len(s) and s[j] != "`":
            j += 2 if s[j] == "\\" else 1
        body = s[self.i + 1:j]
        self.line += body.count("\n")
        self.i = min(len(s), j + 1)
        return (body, line)

    def _dollar(self, subs) -> str:
        """Read a `$...` expansion at self.i; return its text."""
        s = self.s
        if s.startswith("${{", self.i):  # a GitHub expression, substituted before bash runs
            j = s.find("}}", self.i + 3)
            j = len(s) if j < 0 else j + 2
            text = s[self.i:j]
        elif s.startswith("$((", self.i):
            j = self._matching(self.i + 1, "(", ")")
            text = s[self.i:j]
        elif s.startswith("$(", self.i):
            j = self._matching(self.i + 1, "(", ")")
            text = s[self.i:j]
            subs.append((s[self.i + 2:j - 1], self.line))
        elif s.startswith("${", self.i):
            j = self._matching(self.i + 1, "{", "}")
            text = s[self.i:j]
        elif s.startswith("$'", self.i):
            j = self.i + 2
            while j < len(s) and s[j] != "'":
                j += 2 if s[j] == "\\" else 1
            j = min(len(s), j + 1)
            text = s[self.i + 2:j - 1]
        else:
            m = _PARAMETER.match(s, self.i)
            j = m.end()
            text = s[self.i:j]
        self.line += text.count("\n")
        self.i = j
        return text

    def _matching(self, i, open_, close):
        """Index just past the `close` matching the `open_` at i (quotes respected)."""
        s, depth = self.s, 0
        while i < len(s):
            c = s[i]
            if c == "\\":
                i += 2
                continue
            if c == "'" and open_ == "(":
                j = s.find("'", i + 1)
                i = len(s) if j < 0 else j + 1
                continue
            if c == '"':
                j = i + 1
                while j < len(s) and s[j] != '"':
                    j += 2 if s[j] == "\\" else 1
                i = j + 1
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(s)


_FUNCTION_NAME = re.compile(r"[A-Za-z_][\w.:-]*")


@dataclass
class _Frame:
    kind: str  # if | loop | case | group | subshell
    stage: str  # cond | body | head | pattern
    start: int = 0  # index of the first command of the frame
    function: Optional[str] = None  # a group that is a function's body: its name


class _Parser:
    def __init__(self, toks: List[_Tok], depth: int):
        self.toks = toks
        self.depth = depth
        self.out: List[Command] = []
        self.stack: List[_Frame] = []
        self.cur = Command()
        self.cur_words: List[Word] = []
        self.prev_op = "\n"
        self.for_var: Optional[str] = None
        self.for_words: List[Word] = []
        self.negate = False
        self._last_top_level: Optional[int] = None  # last command outside a $(...)
        self._last_group: Optional[_Frame] = None  # a `{ ...; }` or loop just closed
        self.function: Optional[str] = None  # `NAME()` read: the next group is its body
        self.function_word = False  # `function` read: the next word names one

    def flags(self):
        in_cond = any(f.stage == "cond" for f in self.stack)
        guarded = any(f.kind in ("if", "case") and f.stage in ("body", "cmds")
                      for f in self.stack)
        in_loop = any(f.kind == "loop" and f.stage == "body" for f in self.stack)
        return in_cond, guarded, in_loop

    def run(self) -> List[Command]:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.kind == "word":
                w = t.value
                top = self.stack[-1] if self.stack else None
                if top is not None and top.kind == "loop" and top.stage == "head":
                    # `for NAME in words...`
                    if self.for_var is None:
                        self.for_var = w.value
                    elif w.value == "do" and not w.quoted:
                        self._end_for_head()
                        top.stage = "body"
                    elif w.value != "in" or self.for_words:
                        self.for_words.append(w)
                    i += 1
                    continue
                if top is not None and top.kind == "case" and top.stage == "head":
                    if w.value == "in" and not w.quoted:
                        # the subject is a command of its own: `case WORD`, a
                        # condition (WORD is tested against the patterns)
                        top.stage = "cond"
                        self._finish("\n")
                        top.stage = "pattern"
                    else:
                        if not self.cur.argv:
                            self._word(Word("case", "case", w.line))
                        self._word(w)
                    i += 1
                    continue
                if top is not None and top.kind == "case" and top.stage == "pattern":
                    if w.value == "esac" and not w.quoted:
                        self.stack.pop()
                    i += 1
                    continue
                if self.function_word and not self.cur.argv and _FUNCTION_NAME.fullmatch(w.value):
                    self.function, self.function_word = w.value, False  # `function NAME`
                    i += 1
                    continue
                if not self.cur.argv and not self.cur.assigns and not w.quoted \
                        and w.value in KEYWORDS and self._keyword(w.value):
                    i += 1
                    continue
                self._word(w)
            elif t.kind == "redir":
                op, target = t.value[0], t.value[1]
                self.cur.redirects.append((op, target))
                if len(t.value) > 2:
                    self.cur.heredoc = t.value[2]
                if not self.cur.argv and not self.cur.assigns and not self.cur_words:
                    self.cur.line = t.line
                    self.cur_words.append(Word("", "", t.line))
                self._close_group_redirect(op, target)
            else:
                op = t.value
                top = self.stack[-1] if self.stack else None
                if op == ")" and top is not None and top.kind == "case" and top.stage == "pattern":
                    top.stage = "cmds"
                elif op == ";;" and top is not None and top.kind == "case":
                    self._finish(op)
                    top.stage = "pattern"
                elif op == "(" and i + 1 < len(toks) and toks[i + 1].kind == "op" \
                        and toks[i + 1].value == ")" and not self.cur.assigns and (
                            (len(self.cur.argv) == 1 and _FUNCTION_NAME.fullmatch(self.cur.argv[0]))
                            or (not self.cur.argv and self.function)):
                    # `NAME() {`, `function NAME() {`: a definition, not a command
                    self.function = self.cur.argv[0] if self.cur.argv else self.function
                    self.cur, self.cur_words = Command(), []
                    i += 1
                elif op == "(" and not self.cur.argv and not self.cur.assigns:
                    self.stack.append(_Frame("subshell", "body", len(self.out)))
                elif op == ")" and top is not None and top.kind == "subshell":
                    self._finish(op)
                    self.stack.pop()
                elif top is not None and top.kind == "loop" and top.stage == "head" \
                        and op in (";", "\n"):
                    self._end_for_head()
                    top.stage = "pre-do"
                else:
                    self._finish(op)
            i += 1
        self._finish("\n")
        return self.out

    def _end_for_head(self):
        if self.for_words:
            holder = Command(line=self.for_words[0].line)
            self.cur_words = list(self.for_words)
            self.cur = holder
            self.cur.assigns = {self.for_var or "_": " ".join(w.value for w in self.for_words)}
            self._emit(captured=self.for_var)
        self.for_var, self.for_words = None, []

    def _keyword(self, kw) -> bool:
        top = self.stack[-1] if self.stack else None
        if kw == "if":
            self.stack.append(_Frame("if", "cond", len(self.out)))
        elif kw in ("while", "until"):
            self.stack.append(_Frame("loop", "cond", len(self.out)))
        elif kw in ("for", "select"):
            self.stack.append(_Frame("loop", "head", len(self.out)))
            self.for_var, self.for_words = None, []
        elif kw == "case":
            self.stack.append(_Frame("case", "head", len(self.out)))
        elif kw == "then" and top is not None and top.kind == "if":
            top.stage = "body"
        elif kw == "elif" and top is not None and top.kind == "if":
            top.stage = "cond"
        elif kw == "else" and top is not None and top.kind == "if":
            top.stage = "body"
        elif kw == "fi" and top is not None and top.kind == "if":
            self.stack.pop()
        elif kw == "do" and top is not None and top.kind == "loop":
            top.stage = "body"
        elif kw == "done" and top is not None and top.kind == "loop":
            self.stack.pop()
            self._last_group = top  # `done <<< "$X"`: the loop's commands read it
        elif kw == "{":
            self.stack.append(_Frame("group", "body", len(self.out), self.function))
            self.function = None
        elif kw == "function":
            self.function_word = True
        elif kw == "}" and top is not None and top.kind == "group":
            self.stack.pop()
            self._last_group = top
        elif kw == "!":
            self.negate = True
        else:
            return False
        return True

    def _close_group_redirect(self, op, target):
        """A redirect after `}` or `done` applies to each command of the
        group or loop (a here-document's text included)."""
        grp = getattr(self, "_last_group", None)
        if grp is not None and not self.cur.argv and not self.cur.assigns:
            for c in self.out[grp.start:]:
                c.redirects.append((op, target))
                if c.heredoc is None:
                    c.heredoc = self.cur.heredoc

    def _word(self, w: Word):
        if not self.cur.argv:
            self._last_group = None
        if not self.cur_words:
            self.cur.line = w.line
        self.cur_words.append(w)
        declaring = bool(self.cur.argv) and self.cur.argv[0] in _DECLARERS
        m = _ASSIGN.match(w.value) if (not self.cur.argv or declaring) else None
        if m:
            self.cur.assigns[m.group(1)] = m.group(3)
            if not self.cur.argv:
                return
        self.cur.argv.append(w.value)

    def _finish(self, op):
        if self.cur_words or self.cur.argv or self.cur.assigns:
            self.cur.op_after = op
            self._emit()
        self.prev_op = op
        if op in ("\n", ";", "&"):
            self.negate = False

    def _emit(self, captured=None):
        c = self.cur
        self.function = None  # `NAME()` not followed by `{`: no body known
        c.op_before = self.prev_op
        in_cond, guarded, in_loop = self.flags()
        c.in_condition = in_cond or c.op_after in ("&&", "||")
        c.guarded = guarded or c.op_before in ("&&", "||")
        c.in_loop = in_loop
        c.group_depth = sum(1 for f in self.stack if f.kind in ("group", "subshell"))
        c.function = next((f.function for f in reversed(self.stack) if f.function), None)
        c.negated = self.negate
        c.last_line = max([w.line for w in self.cur_words] + [c.line])
        # commands of $(...) captures run first
        inner_cmds = []
        for w in self.cur_words:
            m = _ASSIGN.match(w.value) if w.subs else None
            capture = m.group(1) if m else captured
            for body, line in w.subs:
                if self.depth > 8:
                    continue
                base = len(self.out)
                for ic in _parse(body, line, self.depth + 1):
                    ic.in_substitution = True
                    ic.in_loop = ic.in_loop or in_loop
                    ic.guarded = ic.guarded or c.guarded
                    ic.in_condition = ic.in_condition or c.in_condition
                    ic.function = ic.function or c.function
                    if ic.captured_by is None and ic.op_after != "|":
                        ic.captured_by = capture
                    if ic.pipe_from is not None:
                        ic.pipe_from += base
                    ic.index = len(self.out)
                    self.out.append(ic)
                    inner_cmds.append(ic)
        if c.op_before == "|" and self.out:
            c.pipe_from = self._last_top_level
        c.index = len(self.out)
        if c.argv or c.assigns or c.redirects:
            self.out.append(c)
            self._last_top_level = c.index
            for ic in inner_cmds:
                if ic.parent is None:
                    ic.parent = c.index
        self.cur = Command()
        self.cur_words = []


def _parse(text: str, line0: int, depth: int) -> List[Command]:
    toks = _Lexer(text, line0).run()
    return _Parser(toks, depth).run()


def parse(script) -> List[Command]:
    """The simple commands of a script, in execution order. Never raises."""
    if not isinstance(script, str) or not script.strip():
        return []
    try:
        return _parse(script, 0, 0)
    except (RecursionError, IndexError, ValueError):  # pragma: no cover - best effort
        return []


def is_aws(cmd: Command, service: str, *operations: str) -> bool:
    """`aws SERVICE OPERATION ...` (global options before the service allowed)."""
    argv = [a for a in cmd.argv]
    if not argv or argv[0].rsplit("/", 1)[-1] != "aws":
        return False
    words = _aws_words(argv)
    if len(words) < 1 or words[0] != service:
        return False
    return not operations or (len(words) > 1 and words[1] in operations)


def aws_operation(cmd: Command) -> Tuple[str, str, List[str]]:
    """(service, operation, rest) of an `aws` command, "" when not one."""
    argv = cmd.argv
    if not argv or argv[0].rsplit("/", 1)[-1] != "aws":
        return "", "", []
    words = _aws_words(argv)
    service = words[0] if words else ""
    op = words[1] if len(words) > 1 else ""
    return service, op, words[2:]


_AWS_GLOBAL_WITH_VALUE = {"--region", "--profile", "--output", "--endpoint-url", "--query",
                          "--color", "--ca-bundle", "--cli-read-timeout",
                          "--cli-connect-timeout", "--cli-binary-format"}


def _aws_words(argv):
    out = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a.startswith("--") and not out:
            i += 1 if ("=" in a or a not in _AWS_GLOBAL_WITH_VALUE) else 2
            continue
        out.append(a)
        if len(out) >= 2:
            out.extend(argv[i + 1:])
            break
        i += 1
    return out


def option(cmd: Command, name: str) -> Optional[str]:
    """The value of `--name value` or `--name=value` in a command."""
    argv = cmd.argv
    for i, a in enumerate(argv):
        if a == name and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith(name + "="):
            return a[len(name) + 1:]
    return None


def option_values(argv: List[str], names: Tuple[str, ...]) -> List[str]:
    """The values of an option given as `-t X`, `--tag X` or `--tag=X` (also
    a long name with one dash, as Go programs take it: `-backend-config=X`),
    in order."""
    out = []
    for i, a in enumerate(argv):
        name = a.split("=", 1)[0]
        if a in names and i + 1 < len(argv):
            out.append(argv[i + 1])
        elif "=" in a and name in names and (a.startswith("--") or len(name) > 2):
            out.append(a.split("=", 1)[1])
    return out


# `read` options that take a value (`-d DELIM`, `-p PROMPT`, ...); `-a NAME` names an array
_READ_VALUED = set("dinNptu")


_JQ_OPTION_ARGS = {"--arg": 2, "--argjson": 2, "--slurpfile": 2, "--rawfile": 2,
                   "-f": 1, "--from-file": 1, "--indent": 1, "-L": 1}


def jq_filter_and_files(argv: List[str]) -> Tuple[Optional[str], List[str]]:
    """A jq command's filter (None when read from a file) and input files."""
    filt, files, i = None, [], 1
    from_file = False
    while i < len(argv):
        a = argv[i]
        if a in ("--args", "--jsonargs"):
            break  # the rest are values, not files
        if a in _JQ_OPTION_ARGS:
            from_file = from_file or a in ("-f", "--from-file")
            i += 1 + _JQ_OPTION_ARGS[a]
            continue
        if a.startswith("-") and a != "-":
            i += 1
            continue
        if filt is None and not from_file:
            filt = a
        else:
            files.append(a)
        i += 1
    return (None if from_file else filt), files


def read_names(cmd: Command) -> List[str]:
    """The variables a `read` command sets (`read -r name code` sets name
    and code; `read -a codes`, codes); [] for any other command."""
    if cmd.name != "read":
        return []
    out, args = [], cmd.argv[1:]
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("-") and len(a) > 1 and a != "--":
            flags = a[1:]
            for k, f in enumerate(flags):
                if f in _READ_VALUED or f == "a":
                    value = flags[k + 1:] or (args[i + 1] if i + 1 < len(args) else "")
                    if not flags[k + 1:]:
                        i += 1
                    if f == "a" and value:
                        out.append(value)
                    break
        elif a != "--" and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", a):
            out.append(a)
        i += 1
    return out


def alternative(cmd: Command, cmds: List[Command]) -> Optional[Command]:
    """The command that runs when `cmd` fails in `cmd || ALT`; None when `cmd`
    is not followed by `||`, or ALT is a `{ ...; }` group or a subshell (whose
    last command, not its first, gives the status)."""
    if cmd.op_after != "||":
        return None
    alt = next((c for c in cmds if c.index > cmd.index and c.parent == cmd.parent
                and c.in_substitution == cmd.in_substitution), None)
    if alt is None or alt.op_before != "||" or alt.group_depth != cmd.group_depth:
        return None
    return alt


_ALWAYS_SUCCEEDS = {"true", ":", "echo", "printf"}
# what prints logs to look at after a failure (and succeeds): `cat out.log`,
# `docker compose logs db`, `kubectl logs ...`
_PRINTS = {"cat", "tail", "head"}
_LOG_TOOLS = {"docker", "docker-compose", "kubectl", "podman"}


def pipeline_from(cmd: Command, cmds: List[Command]) -> List[Command]:
    """`cmd` and the commands its output is piped through, in order
    (`jq ... | awk ... | tr ...`)."""
    out = [cmd]
    while len(out) <= len(cmds):
        nxt = next((c for c in cmds if c.pipe_from == out[-1].index), None)
        if nxt is None:
            break
        out.append(nxt)
    return out


def failure_swallowed(cmd: Command, cmds: List[Command]) -> bool:
    """Does the command's `||` alternative turn its failure into success
    (`|| true`, `|| :`, `|| exit 0`, `|| echo ...`, or printing logs: `||
    cat out.log`, `|| docker compose logs db`), so that neither `-e` nor
    the script's exit status sees it? Not when the list goes on (`|| echo x &&
    exit 1`, `|| true || ...`)."""
    alt = alternative(cmd, cmds)
    if alt is None or alt.op_after in ("&&", "||", "|"):
        return False
    return alt.name in _ALWAYS_SUCCEEDS or alt.name in _PRINTS \
        or (alt.name in _LOG_TOOLS and "logs" in alt.argv[1:6]) \
        or alt.argv in (["exit", "0"], ["return", "0"])


def errexit_at(cmds: List[Command], cmd: Command, on: bool) -> bool:
    """Is `-e` in force when `cmd` runs, `on` at the start of the script: as
    the top-level `set` commands before it (`set +e`, `set -e`, `set -eo
    pipefail`, `set +o errexit`) left it."""
    for c in cmds:
        if c.index >= cmd.index:
            break
        if c.name != "set" or c.in_substitution or c.function or c.guarded:
            continue
        args = c.argv[1:]
        for i, a in enumerate(args):
            if len(a) < 2 or a[0] not in "-+" or a.startswith("--"):
                continue
            if "e" in a[1:] or ("o" in a[1:] and args[i + 1:i + 2] == ["errexit"]):
                on = a[0] == "-"
    return on


_ACTS_ON_STATUS = {"exit", "return", "[", "[[", "test", "((", "case", "false"}


def status_checked_after(cmd: Command, cmds: List[Command]) -> bool:
    """Does a command after `cmd` act on an exit status: `exit $?`, `[ $? -ne
    0 ]`, or a variable it is kept in (`status=$?` ... `exit "$status"`), not
    only print it (`echo "exit status: $status"`)?"""
    held = []  # the variables holding a status
    for c in cmds:
        if c.index <= cmd.index:
            continue
        words = " ".join(c.argv)
        for name, value in c.assigns.items():
            if re.search(r"\$\{?\?|PIPESTATUS", value):
                held.append(name)
        reads = re.search(r"\$\{?\?|PIPESTATUS", words) or any(
            re.search(rf"\$\{{?{re.escape(v)}\b", words) for v in held)
        if reads and c.name in _ACTS_ON_STATUS:
            return True
    return False


def status_read_after(cmd: Command, cmds: List[Command]) -> bool:
    """Does a command after `cmd` read an exit status (`$?`, `PIPESTATUS`)?"""
    return any(c.index > cmd.index and re.search(r"\$\{?\?|PIPESTATUS", " ".join(
        c.argv + list(c.assigns.values()))) for c in cmds)
