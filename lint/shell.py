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


# ---------------------------------------------------------------------------
# PowerShell: a `shell: pwsh` / `shell: powershell` script (a Windows runner's
# default) read as the POSIX-shell text it amounts to, line for line


@dataclass
class _PsTok:
    kind: str  # word | str | op | redir | sep | group
    text: str
    line: int
    spaced: bool = True  # whitespace (or the start of the text) before it
    inner: list = field(default_factory=list)  # group: its tokens, as a tree
    end: int = 0  # group: the line of its closing bracket


_PS_OPS = ("&&", "||", "@(", "@{", "$(", "|", "&", ";", ",", "(", ")", "{", "}")
_PS_OPENERS = ("(", "$(", "@(", "@{", "{")
_PS_REDIRECT = re.compile(r"[1-6*]?>>?(?:&[12])?")
_PS_WORD_END = set(" \t\r\n;|&(){},>")
_PS_HERE_START = re.compile(r"@([\"'])[ \t]*\r?$", re.M)
_PS_VAR = re.compile(
    r"^\$(?:\{(?P<braced>[^}{]*)\}|(?P<name>(?:[A-Za-z]+:)?[\w]+|[?$^]))"
    r"(?P<path>(?:\.[A-Za-z_]\w*|\[[^\]\[]*\])*)(?P<call>(?:\.\w+\([^()]*\))*)$")
_PS_ASSIGN_OPS = ("=", "+=", "-=", "*=", "/=", "??=")
_PS_ASSIGN_HEAD = re.compile(r"^((?:\[[\w.\[\]]*\])*)(\$[^=\s]*?)(\?\?=|[-+*/]?=)(.*)$", re.S)
_PS_SAFE_WORD = re.compile(r"^[\w./:=,+@%-]+$")
_PS_NUMBER = re.compile(r"^-?\d+$")
_PS_SWITCHES = {"append", "raw", "force", "nonewline", "noclobber", "passthru", "wait",
                "recurse", "asplaintext", "compress", "whatif", "confirm", "allowclobber"}
_PS_PRINTS = {"write-host", "write-output", "echo", "write", "write-information",
              "write-verbose", "write-warning", "write-debug", "out-host", "out-default"}
_PS_FILE_WRITERS = {"out-file", "add-content", "ac", "set-content", "sc", "tee-object", "tee"}
_PS_FOREACH = {"foreach-object", "%", "foreach"}
_PS_CMDLET_VERBS = {"convertfrom", "convertto", "select", "where", "sort", "format", "out",
                    "write", "measure", "group", "tee", "get", "set", "add", "export",
                    "import", "join", "split", "compare", "test", "new", "remove", "foreach"}
_PS_ALIASES = {"%", "?", "select", "where", "sort", "ft", "fl", "fw", "oh", "measure",
               "group", "gm", "ogv"}
_PS_COMPARE = {"eq": ("-eq", "="), "ne": ("-ne", "!="), "gt": ("-gt", "-gt"),
               "ge": ("-ge", "-ge"), "lt": ("-lt", "-lt"), "le": ("-le", "-le")}
_PS_NEGATED = {"-eq": "-ne", "-ne": "-eq", "=": "!=", "!=": "=", "-gt": "-le", "-le": "-gt",
               "-lt": "-ge", "-ge": "-lt", "-n": "-z", "-z": "-n"}
_PS_MAX_DEPTH = 40


def _ps_string_end(text: str, i: int) -> int:
    """The end of the quoted string starting at `i` ('...' or "..."): `''` and
    `""` are quotes inside it, a backtick escapes in "...", whose `$(...)`
    may hold quotes; a GitHub `${{ ... }}` is text GitHub replaces first."""
    q, j, n = text[i], i + 1, len(text)
    while j < n:
        c = text[j]
        if text.startswith("${{", j):
            end = text.find("}}", j + 3)
            j = n if end < 0 else end + 2
        elif c == "`" and q == '"':
            j += 2
        elif c == q:
            if text.startswith(q, j + 1):
                j += 2
            else:
                return j + 1
        elif q == '"' and text.startswith("$(", j):
            j = _ps_bracket_end(text, j + 1)
        else:
            j += 1
    return n


def _ps_bracket_end(text: str, i: int) -> int:
    """The end of the bracketed text opening at `i` (`(` or `{`), past
    quoted strings and nested brackets; the end of the text if unclosed."""
    depth, j, n = 0, i, len(text)
    while j < n:
        c = text[j]
        if c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
            if depth <= 0:
                return j + 1
        elif c in "'\"":
            j = _ps_string_end(text, j)
            continue
        elif c == "`":
            j += 1
        j += 1
    return n


def _ps_word_end(text: str, i: int) -> int:
    """The end of the bare word starting at `i` (its quoted parts, `$(...)`,
    `${...}` and a variable's `.Method(...)` included)."""
    j, n = i, len(text)
    while j < n:
        c = text[j]
        if text.startswith("${{", j):
            end = text.find("}}", j + 3)
            j = n if end < 0 else end + 2
        elif text.startswith("${", j):
            end = text.find("}", j + 2)
            j = n if end < 0 else end + 1
        elif text.startswith("$(", j) or (c == "(" and j > i and text[i] == "$"
                                          and text[j - 1].isalnum()):
            j = _ps_bracket_end(text, j + (c == "$"))
        elif c == "`":
            if text.startswith(("`\n", "`\r\n"), j):
                return j
            j += 2
        elif c in "'\"":
            j = _ps_string_end(text, j)
        elif c in _PS_WORD_END:
            return j
        else:
            j += 1
    return n


def _ps_tokens(text: str, line: int = 0) -> List[_PsTok]:
    """The tokens of a PowerShell text: words (variables, numbers, bare
    arguments), strings, operators, redirections, and `sep` for each
    statement end (a newline or `;`); comments and line continuations
    (a backtick ending the line) are dropped."""
    toks: List[_PsTok] = []
    i, n, spaced = 0, len(text), True
    while i < n:
        c = text[i]
        start = i
        if c in " \t\r\f\v\ufeff":
            i += 1
            spaced = True
            continue
        if text.startswith(("`\n", "`\r\n"), i):
            i = text.index("\n", i) + 1
            line += 1
            spaced = True
            continue
        if c == "\n" or c == ";":
            toks.append(_PsTok("sep", c, line))
            line += c == "\n"
            i += 1
            spaced = True
            continue
        if text.startswith("<#", i):
            end = text.find("#>", i + 2)
            i = n if end < 0 else end + 2
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == "@" and _PS_HERE_START.match(text, i):
            closing = re.compile(r"\n[ \t]*" + text[i + 1] + "@").search(text, i)
            i = closing.end() if closing else n
            toks.append(_PsTok("str", text[start:i], line, spaced))
        elif c in "'\"":
            i = _ps_string_end(text, i)
            toks.append(_PsTok("str", text[start:i], line, spaced))
        elif _PS_REDIRECT.match(text, i):
            i = _PS_REDIRECT.match(text, i).end()
            toks.append(_PsTok("redir", text[start:i], line, spaced))
        elif text.startswith("${", i) or c not in "&|;,(){}@$" or \
                (c == "@" and text[i + 1:i + 2] not in ("(", "{")) or \
                (c == "$" and text[i + 1:i + 2] != "("):
            i = max(_ps_word_end(text, i), i + 1)
            toks.append(_PsTok("word", text[start:i], line, spaced))
        else:
            op = next(o for o in _PS_OPS if text.startswith(o, i))
            i += len(op)
            toks.append(_PsTok("op", op, line, spaced))
        line += text.count("\n", start, i)
        spaced = False
    return toks


def _ps_tree(toks: List[_PsTok]) -> List[_PsTok]:
    """The tokens with each bracketed part (`(...)`, `$(...)`, `@(...)`,
    `@{...}`, `{...}`) made one `group` token holding its own; a closing
    bracket with nothing to close is dropped."""
    top: List[_PsTok] = []
    stack: List[_PsTok] = []
    for t in toks:
        into = stack[-1].inner if stack else top
        if t.kind == "op" and t.text in _PS_OPENERS:
            group = _PsTok("group", t.text, t.line, t.spaced, [], t.line)
            into.append(group)
            stack.append(group)
        elif t.kind == "op" and t.text in (")", "}"):
            if stack:
                stack.pop().end = t.line
        else:
            into.append(t)
    return top


def _sq(value: str) -> str:
    """`value` as one single-quoted shell word."""
    return "'" + value.replace("'", "'\\''") + "'"


def _ps_is_command(nodes: List[_PsTok]) -> bool:
    """Do the tokens start a command (a name, `& name`), not an expression?"""
    if not nodes:
        return False
    t = nodes[0]
    if t.kind == "op":
        return t.text == "&"
    return t.kind == "word" and not t.text.startswith(("$", "[", "-", "@", "!")) \
        and not t.text[:1].isdigit()


def _ps_cmdlet(name: str) -> bool:
    """A cmdlet or an alias of one (`ConvertFrom-Json`, `select`), not a program."""
    low = name.lower()
    return low in _PS_ALIASES or (low.count("-") == 1 and low.split("-")[0] in _PS_CMDLET_VERBS)


def _ps_params(nodes: List[_PsTok]) -> Tuple[Dict[str, _PsTok], List[_PsTok], set]:
    """(named parameters, positional arguments, switches) of a cmdlet call;
    names lower-case, `-Name:value` read too."""
    named: Dict[str, _PsTok] = {}
    positional: List[_PsTok] = []
    switches = set()
    k = 0
    while k < len(nodes):
        t = nodes[k]
        if t.kind == "word" and re.match(r"^-[A-Za-z]", t.text):
            name, _, glued = t.text[1:].partition(":")
            name = name.lower()
            if glued:
                named[name] = _PsTok("word", glued, t.line)
            elif name in _PS_SWITCHES or k + 1 >= len(nodes) or (
                    nodes[k + 1].kind == "word" and re.match(r"^-[A-Za-z]", nodes[k + 1].text)):
                switches.add(name)
            else:
                named[name] = nodes[k + 1]
                k += 1
        else:
            positional.append(t)
        k += 1
    return named, positional, switches


class _PsReader:
    """Turns the token tree of a PowerShell script into shell items: each a
    list of (line, text) pieces and whether it opens a body (`then`, `do`,
    `{`), which no `;` may follow."""

    def __init__(self, stops_on_error: bool, depth: int = 0):
        self.items: List[Tuple[List[Tuple[int, str]], bool]] = []
        self.stop = stops_on_error  # $ErrorActionPreference is 'stop'
        self.in_try = 0
        self.depth = depth

    def emit(self, line: int, text: str, opens: bool = False):
        self.items.append(([(line, text)], opens))

    # -- statements

    def statements(self, nodes: List[_PsTok]):
        i = 0
        while i < len(nodes):
            if nodes[i].kind == "sep":
                i += 1
                continue
            i = max(self.statement(nodes, i), i + 1)

    def statement(self, nodes: List[_PsTok], i: int) -> int:
        t = nodes[i]
        kw = t.text.lower() if t.kind == "word" else ""
        if kw == "if":
            return self._if(nodes, i)
        if kw in ("foreach", "while", "for", "switch") and \
                self._next(nodes, i + 1, "(", "") is not None:
            return self._loop(nodes, i, kw)
        if kw == "do":
            return self._do(nodes, i)
        if kw == "try":
            return self._try(nodes, i)
        if kw in ("function", "filter") and i + 1 < len(nodes) and nodes[i + 1].kind == "word":
            name = re.sub(r"[^\w.:-]", "_", nodes[i + 1].text)
            self.emit(t.line, f"{name}() {{", True)
            j, end = self.block(nodes, i + 2)
            self.emit(end, "}")
            return j
        if kw in ("param", "trap", "class", "enum", "using", "begin", "process", "end",
                  "dynamicparam", "clean") or kw.startswith("[") and "$" not in kw:
            if kw in ("begin", "process", "end", "clean"):
                self.emit(t.line, "{", True)
                j, end = self.block(nodes, i + 1)
                self.emit(end, "}")
                return j
            return self._statement_end(nodes, i)
        if kw in ("exit", "throw", "return", "break", "continue"):
            end = self._statement_end(nodes, i)
            rest = [n for n in nodes[i + 1:end] if n.kind != "sep"]
            if kw == "throw":
                self.emit(t.line, ":" if self.in_try else "exit 1")
            elif kw == "exit":
                self.emit(t.line, "exit" + (" " + self.value(rest) if rest else ""))
            else:
                self.emit(t.line, kw)
            return end
        if t.kind == "group" and t.text == "{":
            self.emit(t.line, "{", True)
            self.body(t)
            self.emit(t.end, "}")
            return i + 1
        return self.chain(nodes, i)

    def _statement_end(self, nodes: List[_PsTok], i: int) -> int:
        j = i
        while j < len(nodes) and nodes[j].kind != "sep":
            j += 1
        return j

    def _next(self, nodes: List[_PsTok], j: int, group: str, word: str) -> Optional[int]:
        """The index of the next token past newlines if it is a `group` of that
        bracket or the word `word` (any case); else None."""
        while j < len(nodes) and nodes[j].kind == "sep" and nodes[j].text == "\n":
            j += 1
        if j >= len(nodes):
            return None
        t = nodes[j]
        if group and t.kind == "group" and t.text == group:
            return j
        if word and t.kind == "word" and t.text.lower() == word:
            return j
        return None

    def body(self, group: _PsTok):
        before = len(self.items)
        if self.depth < _PS_MAX_DEPTH:
            self.depth += 1
            self.statements(group.inner)
            self.depth -= 1
        if len(self.items) == before:
            self.emit(group.line, ":")

    def block(self, nodes: List[_PsTok], j: int) -> Tuple[int, int]:
        """Translate the `{...}` block at or after `j`: (the index past it, the
        line of its `}`)."""
        k = self._next(nodes, j, "{", "")
        if k is None:
            line = nodes[j - 1].line if 0 < j <= len(nodes) else 0
            self.emit(line, ":")
            return j, line
        self.body(nodes[k])
        return k + 1, nodes[k].end

    def _if(self, nodes: List[_PsTok], i: int) -> int:
        j, keyword = i, "if"
        end = nodes[i].line
        while True:
            k = self._next(nodes, j + 1, "(", "")
            cond = self.condition(nodes[k].inner) if k is not None else "true"
            self.emit(nodes[j].line, f"{keyword} {cond}; then", True)
            j, end = self.block(nodes, (k if k is not None else j) + 1)
            k = self._next(nodes, j, "", "elseif")
            if k is not None:
                j, keyword = k, "elif"
                continue
            k = self._next(nodes, j, "", "else")
            if k is not None:
                self.emit(nodes[k].line, "else", True)
                j, end = self.block(nodes, k + 1)
            break
        self.emit(end, "fi")
        return j

    def _loop(self, nodes: List[_PsTok], i: int, kw: str) -> int:
        k = self._next(nodes, i + 1, "(", "")
        head = [n for n in nodes[k].inner if n.kind != "sep"]
        line = nodes[i].line
        if kw == "switch":
            return self._switch(nodes, k, line, head)
        if kw == "foreach" and len(head) >= 2 and head[1].text.lower() == "in":
            name = self._var_name(head[0].text) or "_"
            self.emit(line, f"for {name} in {self.words(head[2:])}; do", True)
        elif kw == "while":
            self.emit(line, f"while {self.condition(head)}; do", True)
        else:
            self.emit(line, "while true; do", True)
        j, end = self.block(nodes, k + 1)
        self.emit(end, "done")
        return j

    def _switch(self, nodes: List[_PsTok], k: int, line: int, head: List[_PsTok]) -> int:
        b = self._next(nodes, k + 1, "{", "")
        if b is None:
            return k + 1
        self.emit(line, f"case {self.value(head)} in", True)
        inner = nodes[b].inner
        p = 0
        while p < len(inner):
            if inner[p].kind == "sep":
                p += 1
                continue
            pattern = inner[p]
            q = self._next(inner, p + 1, "{", "")
            if q is None:
                p += 1
                continue
            text = "*" if pattern.kind != "str" and (
                pattern.text.lower() == "default" or pattern.kind == "group") \
                else self.value([pattern])
            self.emit(pattern.line, f"{text})", True)
            self.body(inner[q])
            last = self.items[-1][0]
            last[-1] = (last[-1][0], last[-1][1] + " ;;")
            p = q + 1
        self.emit(nodes[b].end, "esac")
        return b + 1

    def _do(self, nodes: List[_PsTok], i: int) -> int:
        self.emit(nodes[i].line, "while true; do", True)
        j, end = self.block(nodes, i + 1)
        k = self._next(nodes, j, "", "while")
        until = self._next(nodes, j, "", "until")
        k = k if k is not None else until
        if k is not None:
            c = self._next(nodes, k + 1, "(", "")
            if c is not None:
                cond = self.condition(nodes[c].inner)
                self.emit(nodes[k].line, cond + (" && break" if k == until else " || break"))
                j, end = c + 1, nodes[k].line
        self.emit(end, "done")
        return j

    def _try(self, nodes: List[_PsTok], i: int) -> int:
        self.emit(nodes[i].line, "{", True)
        self.in_try += 1
        j, end = self.block(nodes, i + 1)
        self.in_try -= 1
        k = self._next(nodes, j, "", "catch")
        if k is None:
            self.emit(end, "}")
        while k is not None:
            self.emit(end, "} ||", True)
            while k + 1 < len(nodes) and nodes[k + 1].kind == "word" and \
                    nodes[k + 1].text.startswith("["):
                k += 1  # the exception types caught
            self.emit(nodes[k].line, "{", True)
            j, end = self.block(nodes, k + 1)
            k = self._next(nodes, j, "", "catch")
            if k is None:
                self.emit(end, "}")
        k = self._next(nodes, j, "", "finally")
        if k is not None:
            self.emit(nodes[k].line, "{", True)
            j, end = self.block(nodes, k + 1)
            self.emit(end, "}")
        return j

    # -- pipelines

    def chain(self, nodes: List[_PsTok], i: int) -> int:
        """A pipeline chain (`a | b && c`): its items; the index past it."""
        stages: List[List[_PsTok]] = [[]]
        ops: List[str] = []
        pipelines: List[List[List[_PsTok]]] = []
        j = i
        while j < len(nodes):
            t = nodes[j]
            if t.kind == "op" and t.text == "|":
                stages.append([])
                j = self._skip_newlines(nodes, j + 1)
                continue
            if t.kind == "op" and t.text in ("&&", "||"):
                pipelines.append(stages)
                ops.append(t.text)
                stages = [[]]
                j = self._skip_newlines(nodes, j + 1)
                continue
            if t.kind == "sep":
                k = self._skip_newlines(nodes, j) if t.text == "\n" else j
                if k < len(nodes) and nodes[k].kind == "op" and nodes[k].text == "|":
                    j = k  # a pipeline going on with `|` on the next line
                    continue
                break
            stages[-1].append(t)
            j += 1
        pipelines.append(stages)
        pieces: List[Tuple[int, str]] = []
        for k, stages in enumerate(pipelines):
            if k:
                pieces.append((pieces[-1][0] if pieces else 0, ops[k - 1]))
            pieces += self.pipeline([s for s in stages if s])
        if pieces:
            self.items.append((pieces, False))
        return j

    def _skip_newlines(self, nodes: List[_PsTok], j: int) -> int:
        while j < len(nodes) and nodes[j].kind == "sep" and nodes[j].text == "\n":
            j += 1
        return j

    def pipeline(self, stages: List[List[_PsTok]]) -> List[Tuple[int, str]]:
        """The shell pieces of one pipeline: an assignment, a command and the
        programs it pipes into (cmdlets that only reshape the output are left
        out: PowerShell keeps the program's exit code), a file-writing cmdlet
        as a redirection, an expression as `echo`."""
        if not stages:
            return []
        first = stages[0]
        assigned = self._assignment(first)
        if assigned is not None:
            target, op, rhs, line = assigned
            return self._assign(target, op, [rhs] + stages[1:], line)
        pieces: List[Tuple[int, str]] = []
        for k, stage in enumerate(stages):
            stage, redirects = self._redirects(stage)
            name = stage[0].text.lower() if stage and stage[0].kind == "word" else ""
            if k == 0 and not _ps_is_command(stage):
                pieces.append((stage[0].line if stage else redirects[0][0],
                               "echo " + self.value(stage) if stage else "echo"))
            elif k == 0:
                pieces += self.command(stage)
            elif name == "out-null":
                pieces.append((stage[0].line, ">/dev/null"))
            elif name in _PS_FILE_WRITERS:
                named, positional, switches = _ps_params(stage[1:])
                path = named.get("path") or named.get("filepath") or \
                    named.get("literalpath") or (positional[0] if positional else None)
                if path is not None and "variable" not in named:
                    appends = name in ("add-content", "ac") or "append" in switches
                    pieces.append((stage[0].line, (">> " if appends else "> ") +
                                   self.word(path)))
            elif name in _PS_FOREACH and any(n.kind == "group" and n.text == "{"
                                              for n in stage[1:]):
                block = next(n for n in stage[1:] if n.kind == "group" and n.text == "{")
                pieces.append((stage[0].line, "| while read -r _; do"))
                pieces += self.inline(block.inner) or [(block.line, ":")]
                pieces.append((block.end, "; done"))
            elif stage and not _ps_cmdlet(name):
                pieces.append((stage[0].line, "|"))
                pieces += self.command(stage)
            pieces += redirects
        return pieces

    def _redirects(self, stage: List[_PsTok]) -> Tuple[List[_PsTok], List[Tuple[int, str]]]:
        """The stage without its redirections, and their shell pieces
        (`2>$null` is `2>/dev/null`, `*>&1` is `2>&1`)."""
        rest: List[_PsTok] = []
        out: List[Tuple[int, str]] = []
        k = 0
        while k < len(stage):
            t = stage[k]
            if t.kind != "redir":
                rest.append(t)
                k += 1
                continue
            op = t.text.replace("*>&1", "2>&1").replace("*", "&")
            if op[:1] in "3456":
                k += 2 - ("&" in op)
                continue
            if "&" in op[1:]:
                out.append((t.line, op))
                k += 1
                continue
            target = stage[k + 1] if k + 1 < len(stage) else None
            where = "/dev/null" if target is None or target.text.lower() == "$null" \
                else self.word(target)
            out.append((t.line, f"{op} {where}"))
            k += 2
        return rest, out

    def _assignment(self, stage: List[_PsTok]):
        """(target, operator, right-hand tokens, line) when the stage assigns
        a variable (`$x = ...`, `$env:X = ...`, `[int]$x=...`); else None."""
        if not stage or stage[0].kind != "word" or not stage[0].text.startswith(("$", "[")):
            return None
        first = stage[0]
        m = _PS_ASSIGN_HEAD.match(first.text)
        if m and m.group(2).startswith("$"):
            rhs = _ps_tree(_ps_tokens(m.group(4), first.line)) + stage[1:]
            return m.group(2), m.group(3), rhs, first.line
        target = re.sub(r"^(?:\[[\w.\[\]]*\])+", "", first.text)
        if len(stage) > 1 and stage[1].kind == "word" and target.startswith("$"):
            second = stage[1].text
            op = next((o for o in sorted(_PS_ASSIGN_OPS, key=len, reverse=True)
                       if second.startswith(o)), None)
            if op is not None:
                rest = second[len(op):]
                rhs = (_ps_tree(_ps_tokens(rest, stage[1].line)) if rest else []) + stage[2:]
                return target, op, rhs, first.line
        return None

    def _assign(self, target: str, op: str, stages: List[List[_PsTok]], line: int):
        m = _PS_VAR.match(target)
        if m is None or m.group("path") or m.group("call"):
            return []  # a property or an element: nothing the shell has
        raw = m.group("braced") if m.group("braced") is not None else m.group("name")
        scope, _, name = raw.rpartition(":")
        name = re.sub(r"\W", "_", name) or "_"
        stages = [s for s in stages if s]
        rhs = stages[0] if stages else []
        low = name.lower()
        text_value = " ".join(n.text for n in rhs).strip("'\"$").lower()
        if low == "erroractionpreference" and scope.lower() != "env":
            self.stop = text_value == "stop"
        if low == "psnativecommanduseerroractionpreference":
            return [(line, "set -e" if text_value == "true" else "set +e")]
        if low == "lastexitcode":
            return []
        if rhs and rhs[0].kind == "word" and rhs[0].text.lower() in (
                "if", "switch", "foreach", "for", "while", "try", "do"):
            value = self._wrap(self.inline(rhs), "\"$(", ")\"", line)
        elif len(stages) > 1 or _ps_is_command(rhs):
            value = self._wrap(self.pipeline(stages), "\"$(", ")\"", line)
        else:
            value = [(line, self.value(rhs))]
        head = ("export " if scope.lower() == "env" else "") + name + \
            ("+=" if op == "+=" else "=")
        return self._wrap(value, head, "", line)

    def _wrap(self, pieces, before: str, after: str, line: int) -> List[Tuple[int, str]]:
        """`before` glued to the first piece and `after` to the last."""
        if not pieces:
            return [(line, before + ("''" if not after else after))]
        pieces = list(pieces)
        pieces[0] = (pieces[0][0], before + pieces[0][1])
        pieces[-1] = (pieces[-1][0], pieces[-1][1] + after)
        return pieces

    def command(self, stage: List[_PsTok]) -> List[Tuple[int, str]]:
        """The pieces of a command: a program with its arguments, or a cmdlet
        the rules know as a shell command (`Write-Host` is `echo`,
        `Set-AWSCredential -AccessKey` is `aws configure set`, ...)."""
        head = stage[0]
        args = stage[1:]
        if head.kind == "op" and head.text == "&" and args:  # `& "path\to\aws.exe" ...`
            head, args = args[0], args[1:]
        name = self._unquoted(head)
        program = re.split(r"[\\/]", name)[-1]
        if program.lower().endswith(".exe"):
            name = program[:-4]
        low = name.lower()
        line = head.line
        named, positional, switches = _ps_params(args)
        if low in _PS_PRINTS:
            kept, k = [], 0
            while k < len(args):
                a = args[k]
                if a.kind == "word" and a.text.lower() in (
                        "-foregroundcolor", "-backgroundcolor", "-separator"):
                    k += 2
                    continue
                if not (a.kind == "word" and a.text.lower() in ("-nonewline", "-object",
                                                                 "-noenumerate")):
                    kept.append(a)
                k += 1
            return [(line, "echo")] + self.args(kept)
        if low == "write-error":
            action = named.get("erroraction")
            stops = self.stop if action is None else action.text.strip("'\"").lower() == "stop"
            if stops:
                return [(line, ":" if self.in_try else "exit 1")]
            return [(line, "echo")] + self.args(args)
        if low in ("set-awscredential", "set-awscredentials",
                   "initialize-awsdefaultconfiguration", "initialize-awsdefaults"):
            pieces = []
            for param, key in ((("accesskey", "ak"), "aws_access_key_id"),
                               (("secretkey", "sk"), "aws_secret_access_key"),
                               (("sessiontoken", "st"), "aws_session_token")):
                given = next((named[p] for p in param if p in named), None)
                if given is not None:
                    sep = "; " if pieces else ""
                    pieces.append((line, f"{sep}aws configure set {key} {self.word(given)}"))
            return pieces or [(line, name)] + self.args(args)
        if low in ("add-content", "ac", "set-content", "sc", "out-file") and (
                "value" in named or "inputobject" in named):
            path = named.get("path") or named.get("filepath") or named.get("literalpath") or \
                (positional[0] if positional else None)
            value = named.get("value") or named.get("inputobject")
            if path is not None:
                appends = low in ("add-content", "ac") or "append" in switches
                return [(line, f"echo {self.value([value])} {'>>' if appends else '>'} "
                               f"{self.word(path)}")]
        if low in ("get-content", "gc", "cat", "type"):
            path = named.get("path") or named.get("literalpath") or \
                (positional[0] if positional else None)
            return [(line, "cat")] + ([(path.line, self.word(path))] if path else [])
        if low in ("set-location", "sl", "cd", "chdir", "push-location", "pushd"):
            path = named.get("path") or named.get("literalpath") or \
                (positional[0] if positional else None)
            return [(line, "cd")] + ([(path.line, self.word(path))] if path else [])
        if low in ("start-sleep", "sleep"):
            seconds = named.get("seconds") or named.get("s") or \
                (positional[0] if positional else None)
            return [(line, "sleep")] + ([(line, self.word(seconds))] if seconds else [])
        if low in ("test-path",):
            path = named.get("path") or named.get("literalpath") or \
                (positional[0] if positional else None)
            return [(line, "test -e")] + ([(line, self.word(path))] if path else [])
        if low in ("invoke-expression", "iex"):
            return [(line, "eval")] + self.args(args)
        word = name if _PS_SAFE_WORD.match(name) else _sq(name)
        return [(line, word)] + self.args(args)

    def args(self, nodes: List[_PsTok]) -> List[Tuple[int, str]]:
        """The shell words of command arguments (`,` and tokens written
        together are glued to the word before)."""
        out: List[Tuple[int, str]] = []
        for t in nodes:
            if t.kind == "sep":
                continue
            text = "," if t.kind == "op" and t.text == "," else self.word(t)
            if out and (not t.spaced or text == ","):
                out[-1] = (out[-1][0], out[-1][1] + text)
            else:
                out.append((t.line, text))
        return out

    def inline(self, nodes: List[_PsTok]) -> List[Tuple[int, str]]:
        """Statements as the pieces of one shell list (`a; b`), for `$(...)`
        and loop bodies."""
        saved = self.items
        self.items = []
        if self.depth < _PS_MAX_DEPTH:
            self.depth += 1
            self.statements(nodes)
            self.depth -= 1
        items, self.items = self.items, saved
        out: List[Tuple[int, str]] = []
        opens = True
        for pieces, item_opens in items:
            if out and not opens:
                out[-1] = (out[-1][0], out[-1][1] + ";")
            out += pieces
            opens = item_opens
        return out

    # -- words and expressions

    def _unquoted(self, t: _PsTok) -> str:
        if t.kind == "str" and t.text[:1] in "'\"":
            return t.text[1:-1] if len(t.text) > 1 else ""
        return t.text

    def _var_name(self, text: str) -> Optional[str]:
        m = _PS_VAR.match(text)
        if m is None:
            return None
        raw = m.group("braced") if m.group("braced") is not None else m.group("name")
        name = raw.rpartition(":")[2]
        if name.lower() == "lastexitcode":
            return "?"
        return re.sub(r"\W", "_", name) if name not in ("?", "$", "^") else name

    def _var(self, text: str, quoted: bool) -> Optional[str]:
        """A variable as shell text (`$env:X` is `$X`, `$LASTEXITCODE` is `$?`,
        `$x.a.b` is `jq` on `$x`); None if `text` is not a variable."""
        m = _PS_VAR.match(text)
        if m is None:
            return None
        name = self._var_name(text)
        low = name.lower()
        if low in ("true", "false"):
            return low
        if low == "null":
            return "''"
        ref = "$?" if name == "?" else "${" + name + "}"
        if m.group("path"):
            path = m.group("path")
            return f"\"$(echo \"{ref}\" | jq -r {_sq(path if path.startswith('.') else '.' + path)})\""
        return f'"{ref}"' if quoted and name != "?" else ref

    def word(self, t: _PsTok) -> str:
        """One token as one shell word."""
        if t.kind == "group":
            return self.value([t])
        if t.kind == "str":
            return self._string(t.text)
        text = t.text
        var = self._var(text, True)
        if var is not None:
            return var
        if text.lower() == "$null":
            return "''"
        if _PS_SAFE_WORD.match(text) or text.startswith("${{") and text.endswith("}}") \
                and "}}" not in text[3:-2]:
            return text
        return '"' + self._dq(text, bare=True) + '"'

    def value(self, nodes: List[_PsTok]) -> str:
        """An expression as one shell word: a variable, a string, `$(...)` of a
        command, `a + b` and `'{0}:{1}' -f a, b` as the text they make."""
        nodes = [n for n in nodes if n.kind != "sep" and not (n.kind == "op" and n.text == ",")]
        if not nodes:
            return "''"
        if len(nodes) == 1 or (len(nodes) == 2 and not nodes[1].spaced
                               and nodes[1].kind == "word"):
            t = nodes[0]
            path = nodes[1].text if len(nodes) == 2 else ""
            if t.kind == "group" and t.text in ("(", "$(") and _ps_is_command(t.inner):
                inner = self.inline(t.inner)
                text = " ".join(p[1] for p in inner)
                if path.startswith((".", "[")):  # (a cmdlet reshaping JSON is left out)
                    text += " | jq -r " + _sq(path if path.startswith(".") else "." + path)
                return '"$(' + text.replace("\n", " ") + ')"'
            if t.kind == "group" and t.text in ("(", "$("):
                return self.value(t.inner)
            if t.kind == "group":
                words = [self.word(n) for n in t.inner if n.kind not in ("sep", "op")]
                return "''" if t.text != "@(" or not words else \
                    '"' + " ".join(w.strip('"') for w in words) + '"'
            if len(nodes) == 1:
                return self.word(t)
        if len(nodes) >= 3 and all(n.kind == "word" and n.text == "+" for n in nodes[1::2]):
            return '"' + "".join(self._part(n) for n in nodes[0::2]) + '"'
        if len(nodes) >= 3 and nodes[0].kind == "str" and nodes[1].text.lower() == "-f":
            args = [self._part(n) for n in nodes[2:] if not (n.kind == "op" and n.text == ",")]
            fmt = self._part(nodes[0])
            return '"' + re.sub(r"\{(\d+)(?:[,:][^}]*)?\}", lambda m: args[int(m.group(1))]
                                if int(m.group(1)) < len(args) else m.group(0), fmt) + '"'
        return '"' + " ".join(self._part(n) for n in nodes) + '"'

    def _part(self, t: _PsTok) -> str:
        """A token as text inside a double-quoted shell word."""
        w = self.word(t)
        if len(w) >= 2 and w[0] == '"' and w[-1] == '"':
            return w[1:-1]
        if len(w) >= 2 and w[0] == "'" and w[-1] == "'":
            return re.sub(r'([\\"$`])', r"\\\1", w[1:-1].replace("'\\''", "'"))
        return w

    def _string(self, raw: str) -> str:
        """A PowerShell string literal as a shell word ('...' stays, "..." and
        here-strings have their expansions made shell ones)."""
        if raw.startswith("@"):
            q = raw[1:2]
            body = raw[2:]
            body = re.sub(r"\n[ \t]*" + re.escape(q) + "@$", "\n", body)
            if q == "'":
                return _sq(body)
            return '"' + self._dq(body, here=True) + '"'
        q = raw[:1]
        body = raw[1:-1] if len(raw) > 1 and raw.endswith(q) else raw[1:]
        if q == "'":
            return _sq(body.replace("''", "'"))
        return '"' + self._dq(body) + '"'

    def _dq(self, text: str, here: bool = False, bare: bool = False) -> str:
        """The text of an expandable PowerShell string (or bare word) as the
        inside of a double-quoted shell string."""
        out = []
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if text.startswith("${{", i):
                end = text.find("}}", i + 3)
                end = n if end < 0 else end + 2
                out.append(text[i:end])
                i = end
            elif c == "`" and i + 1 < n:
                nxt = text[i + 1]
                out.append({"n": "\\n", "t": "\t", "r": "", "0": "", "a": "", "e": ""}.get(
                    nxt, "\\" + nxt if nxt in '"$`\\' else nxt))
                i += 2
            elif c == '"' and (here or bare or text.startswith('""', i)):
                out.append('\\"')
                i += 2 if not here and not bare else 1
            elif c == "'" and bare:
                end = text.find("'", i + 1)
                end = n if end < 0 else end
                out.append(re.sub(r'([\\"$`])', r"\\\1", text[i + 1:end]))
                i = end + 1
            elif text.startswith("$(", i):
                end = _ps_bracket_end(text, i + 1)
                inner = text[i + 2:end - 1] if text[end - 1:end] == ")" else text[i + 2:end]
                nodes = _ps_tree(_ps_tokens(inner))
                out.append(self.value([_PsTok("group", "$(", 0, True, nodes, 0)])[1:-1]
                           if self.depth < _PS_MAX_DEPTH else "")
                i = end
            elif c == "$":
                m = re.compile(r"\$(?:\{[^}{]*\}|(?:[A-Za-z]+:)?\w+|[?$^])").match(text, i)
                if m:
                    out.append(self._var(m.group(0), False) or "")
                    i = m.end()
                else:
                    out.append("\\$")
                    i += 1
            elif c in "\\`":
                out.append("\\" + c)
                i += 1
            else:
                out.append(c)
                i += 1
        return "".join(out)

    def words(self, nodes: List[_PsTok]) -> str:
        """The items a `foreach` walks, as shell words."""
        nodes = [n for n in nodes if n.kind != "sep" and not (n.kind == "op" and n.text == ",")]
        if len(nodes) == 1 and nodes[0].kind == "group" and nodes[0].text == "@(":
            nodes = [n for n in nodes[0].inner
                     if n.kind != "sep" and not (n.kind == "op" and n.text == ",")]
        out = []
        for n in nodes:
            w = self.word(n)
            out.append(w[1:-1] if w.startswith('"${') and w.endswith('}"') else w)
        return " ".join(out) or "''"

    def condition(self, nodes: List[_PsTok]) -> str:
        """An `if`/`while` condition as a shell test list: `-and`/`-or` as
        `&&`/`||`, comparisons as `[ ... ]`, `$LASTEXITCODE` as `$?`."""
        nodes = [n for n in nodes if n.kind != "sep"]
        parts, ops, cur = [], [], []
        for n in nodes:
            low = n.text.lower() if n.kind == "word" else ""
            if low in ("-and", "-or"):
                parts.append(cur)
                ops.append("&&" if low == "-and" else "||")
                cur = []
            else:
                cur.append(n)
        parts.append(cur)
        out = self._test(parts[0])
        for op, part in zip(ops, parts[1:]):
            out += f" {op} {self._test(part)}"
        return out.replace("\n", " ")

    def _test(self, nodes: List[_PsTok]) -> str:
        negate = False
        while nodes and nodes[0].kind == "word" and nodes[0].text.lower() in ("-not", "!"):
            negate, nodes = not negate, nodes[1:]
        if nodes and nodes[0].kind == "word" and nodes[0].text.startswith("!") and \
                len(nodes[0].text) > 1:
            negate = not negate
            nodes = [_PsTok("word", nodes[0].text[1:], nodes[0].line)] + nodes[1:]
        if len(nodes) == 1 and nodes[0].kind == "group" and nodes[0].text == "(" \
                and not _ps_is_command(nodes[0].inner):
            inner = self.condition(nodes[0].inner)
            return f"! {{ {inner}; }}" if negate else inner
        test = self._compare(nodes)
        if negate:
            m = re.match(r"^\[ (\S+) (\S+) (.*) \]$", test)
            if m and m.group(2) in _PS_NEGATED:
                return f"[ {m.group(1)} {_PS_NEGATED[m.group(2)]} {m.group(3)} ]"
            m = re.match(r"^\[ (-[nz]) (.*) \]$", test)
            if m:
                return f"[ {_PS_NEGATED[m.group(1)]} {m.group(2)} ]"
            return "! " + test
        return test

    def _compare(self, nodes: List[_PsTok]) -> str:
        k = next((k for k, n in enumerate(nodes) if n.kind == "word" and re.match(
            r"^-[ic]?(eq|ne|gt|ge|lt|le|match|notmatch|like|notlike)$", n.text.lower())), None)
        if k is None:
            if len(nodes) == 1 and nodes[0].kind == "word":
                text = nodes[0].text.lower()
                if text == "$lastexitcode":
                    return "[ $? -ne 0 ]"
                if text == "$?":
                    return "[ $? -eq 0 ]"
                if text in ("$true", "$false"):
                    return text[1:]
            if len(nodes) == 1 and nodes[0].kind == "group" and _ps_is_command(nodes[0].inner) \
                    and nodes[0].inner[0].text.lower() == "test-path":
                nodes = nodes[0].inner
            if _ps_is_command(nodes):
                return " ".join(p[1] for p in self.command(nodes)).replace("\n", " ")
            if len(nodes) == 1 and nodes[0].kind == "group" and _ps_is_command(nodes[0].inner):
                return "[ -n " + self.value(nodes) + " ]"
            return "[ -n " + self._operand(nodes) + " ]" if nodes else "true"
        op = re.sub(r"^-[ic]?", "", nodes[k].text.lower())
        left, right = nodes[:k], nodes[k + 1:]
        a, b = self._operand(left), self._operand(right)
        if op in ("match", "notmatch", "like", "notlike"):
            sign = "!" if op.startswith("not") else ""
            rel = "=~" if op.endswith("match") else "=="
            return f"{sign + ' ' if sign else ''}[[ {a} {rel} {b} ]]"
        if b == "''" or a == "''":
            other = a if b == "''" else b
            return f"[ {'-z' if op == 'eq' else '-n'} {other} ]"
        numeric = any(len(side) == 1 and side[0].kind == "word" and
                      _PS_NUMBER.match(side[0].text) for side in (left, right)) \
            or "$?" in (a, b)
        return f"[ {a} {_PS_COMPARE[op][0 if numeric else 1]} {b} ]"

    def _operand(self, nodes: List[_PsTok]) -> str:
        if len(nodes) == 1 and nodes[0].kind == "word":
            t = nodes[0].text
            if t.lower() == "$lastexitcode":
                return "$?"
            if _PS_NUMBER.match(t):
                return t
        return self.value(nodes)


def _ps_render(items, lines: int, keep_newlines: bool = True) -> str:
    """Shell text from items, each piece on its own line of the script (a
    command that goes on over lines continued with ` \\`), `lines` newlines in
    all."""
    out: List[str] = []
    line = 0
    opens = True
    for pieces, item_opens in items:
        for k, (at, text) in enumerate(pieces):
            if not keep_newlines:
                text = text.replace("\n", " ")
            if at > line:
                out.append((" \\\n" if k else "\n") * (at - line))
                line = at
            elif out and not (out[-1].endswith("\n")):
                out.append(" " if k or opens else "; ")
            out.append(text)
            line += text.count("\n")
        if pieces:
            opens = item_opens
    out.append("\n" * max(0, lines - line))
    return "".join(out)


def from_powershell(script, stops_on_error: bool = True) -> str:
    """A PowerShell script as the POSIX-shell text the rules read, line for
    line (a command starts on the line it starts on in the script): `$x =
    cmd ...` is `x="$(cmd ...)"`, `$env:X = v` is `export X=v`, `$env:X` is
    `$X`, `$LASTEXITCODE` is `$?`, backtick continuations are ` \\` ones, `"K=v" |
    Add-Content $env:GITHUB_ENV` (or `Out-File -Append`, `>>`) is `echo "K=v"
    >> "$GITHUB_ENV"`, `if (...) {...}` with `-eq`/`-ne`/`-and`/`-or` is `if [
    ... ]; then ...; fi`, `throw` (and with `stops_on_error`, GitHub's
    `$ErrorActionPreference = 'stop'`, `Write-Error`) is `exit 1`,
    `Set-AWSCredential -AccessKey A -SecretKey S` is `aws configure set
    aws_access_key_id A; ...`, `Write-Host` is `echo`; cmdlets piped after a
    program are left out (the program's exit code stays `$LASTEXITCODE`).
    What it does not understand is a command it does not know, or nothing.
    Never raises; the text has as many lines as the script."""
    if not isinstance(script, str):
        return ""
    lines = script.count("\n")
    try:
        reader = _PsReader(stops_on_error)
        reader.statements(_ps_tree(_ps_tokens(script)))
        text = _ps_render(reader.items, lines)
        if text.count("\n") != lines:
            text = _ps_render(reader.items, lines, keep_newlines=False)
        return text if text.count("\n") == lines else "\n" * lines
    except (RecursionError, IndexError, ValueError, KeyError):  # pragma: no cover
        return "\n" * lines
