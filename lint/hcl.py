"""HCL, read with python-hcl2's lark tree: the parse, the walk of its nodes,
and the text of its strings, heredocs and templates with each character's
offset in the file. Terraform (`terraform.py`) and bake files (`bake.py`)
read HCL through it."""
from __future__ import annotations

from typing import Optional

from .loader import LineIndex, LoadError
from .model import Span


# ---------------------------------------------------------------------------
# HCL: parsing and the lark tree


def parse(text: str):
    """The lark tree of a .tf text, or LoadError with the parser's position."""
    import hcl2.api  # about 0.1 s with hcl2's cached grammar: only when there is HCL
    from lark.exceptions import LarkError, UnexpectedInput

    try:
        return hcl2.api.parses_to_tree(text)
    except UnexpectedInput as e:
        line, col = getattr(e, "line", 1), getattr(e, "column", 1)
        if not isinstance(line, int) or line < 1:  # unexpected end of input
            line, col = text.count("\n") + 1, 1
        token = getattr(e, "token", None)
        if token is not None and str(token).strip():
            shown = str(token).strip().splitlines()[0][:30]
            what = f"unexpected '{shown}'"
            start = getattr(token, "start_pos", None)
            if isinstance(start, int):  # point at the text, not the newline before it
                line, col = LineIndex(text).line_col(
                    start + len(str(token)) - len(str(token).lstrip()))
        elif getattr(e, "char", None):
            what = f"unexpected character {e.char!r}"
        else:
            what = "unexpected end of file"
        raise LoadError(f"invalid HCL: {what}", line, col) from None
    except (LarkError, RecursionError, ValueError) as e:
        raise LoadError(f"invalid HCL: {type(e).__name__}: {e}"[:300]) from None


def is_tree(x) -> bool:
    return hasattr(x, "data") and hasattr(x, "children")


def kids(node) -> list:
    """Children that are trees, without newlines and comments."""
    return [c for c in node.children if is_tree(c) and c.data != "new_line_or_comment"]


def span(node) -> Optional[Span]:
    if not is_tree(node):
        line = getattr(node, "line", None)
        if line is None:
            return None
        return Span(line, node.column, node.end_line, node.end_column)
    m = node.meta
    if getattr(m, "empty", True):
        return None
    return Span(m.line, m.column, m.end_line, m.end_column)


def name(node) -> str:
    """The text of an identifier, keyword, literal or plain string node."""
    if node.data == "string":
        return "".join(str(p.children[0]) for p in node.children
                       if is_tree(p) and p.children and not is_tree(p.children[0]))
    return str(node.children[0]) if node.children else ""


def block_parts(block):
    """(type, labels, body) of a block node."""
    names = [c for c in block.children if is_tree(c) and c.data in
             ("identifier", "keyword", "literal_value", "string")]
    body = next((c for c in block.children if is_tree(c) and c.data == "body"), None)
    return name(names[0]), [name(n) for n in names[1:]], body


def unwrap(node):
    """The expression inside expr_term and parentheses."""
    while is_tree(node) and node.data == "expr_term":
        inner = kids(node)
        if len(inner) != 1:
            break
        node = inner[0]
    return node


def ref_steps(node) -> Optional[list]:
    """`a.b[0].c` as ["a", "b", <index node>, "c"], or None for other expressions."""
    node = unwrap(node)
    if not is_tree(node):
        return None
    if node.data == "identifier":
        return [name(node)]
    got = access(node)
    base = ref_steps(got[0]) if got is not None else None
    return None if base is None else base + [got[1]]


def access(node) -> Optional[tuple]:
    """(the expression, the step) of `X.name`, `X[i]` or `X.0`: the step is the
    name, the number, or the index's expression node (None when empty); None
    for other nodes."""
    node = unwrap(node)
    if not is_tree(node) or len(node.children) < 2 or not is_tree(node.children[1]):
        return None
    if node.data == "get_attr_expr_term":
        attr = [c for c in node.children[1].children if is_tree(c)]
        return (node.children[0], name(attr[0])) if attr else None
    if node.data == "index_expr_term":
        idx = node.children[1]
        if idx.data == "short_index":
            return node.children[0], int(str(idx.children[-1]).lstrip("."))
        inner = kids(idx)
        return node.children[0], inner[0] if inner else None
    return None


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unescape(raw: str, start: Optional[int]):
    """HCL string escapes -> (text, offsets of each char in the file)."""
    out, offs = [], []
    i = 0
    while i < len(raw):
        ch = raw[i]
        at = None if start is None else start + i
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
            elif nxt in "uU":
                width = 4 if nxt == "u" else 8
                try:
                    out.append(chr(int(raw[i + 2:i + 2 + width], 16)))
                    i += 2 + width
                except ValueError:
                    out.append(ch)
                    i += 1
            else:
                out.append(ch)
                i += 1
        else:
            out.append(ch)
            i += 1
        offs.append(at)
    return "".join(out), offs


def heredoc_body(tok):
    """(body text, file offsets) of a heredoc token, `<<-` indentation removed."""
    raw = str(tok)
    trim = raw.startswith("<<-")
    first_nl = raw.index("\n") + 1
    body = raw[first_nl:]
    body = body[:body.rstrip("\r\n").rfind("\n") + 1]  # drop the closing marker line
    base = getattr(tok, "start_pos", None)
    lines = body.splitlines(keepends=True)
    cut = 0
    if trim:
        widths = [len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()]
        cut = min(widths) if widths else 0
    text, offs, pos = [], [], first_nl
    for ln in lines:
        drop = min(cut, len(ln) - len(ln.lstrip(" \t")))
        for j in range(drop, len(ln)):
            text.append(ln[j])
            offs.append(None if base is None else base + pos + j)
        pos += len(ln)
    return "".join(text), offs


def split_template(text: str, offs: list):
    """Template text -> segments: ("lit", text, offsets) and ("expr", source, offset).

    `$${` and `%%{` are the escapes for a literal `${` and `%{`; `%{...}`
    directives give ("directive", source, offset)."""
    segs = []
    lit, lit_offs = [], []
    i, n = 0, len(text)

    def flush():
        if lit:
            segs.append(("lit", "".join(lit), list(lit_offs)))
            lit.clear()
            lit_offs.clear()

    while i < n:
        if text.startswith("$${", i) or text.startswith("%%{", i):
            lit.extend(text[i + 1:i + 3])
            lit_offs.extend(offs[i + 1:i + 3])
            i += 3
            continue
        if text.startswith("${", i) or text.startswith("%{", i):
            depth, j, quote = 1, i + 2, False
            while j < n and depth:
                c = text[j]
                if quote:
                    if c == "\\":
                        j += 1
                    elif c == '"':
                        quote = False
                elif c == '"':
                    quote = True
                elif c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                j += 1
            if depth:  # unterminated: keep as text
                lit.append(text[i])
                lit_offs.append(offs[i])
                i += 1
                continue
            flush()
            kind = "expr" if text[i] == "$" else "directive"
            segs.append((kind, text[i + 2:j - 1].strip("~ \t\n"), offs[i]))
            i = j
            continue
        lit.append(text[i])
        lit_offs.append(offs[i])
        i += 1
    flush()
    return segs


def string_parts(node):
    """The parts of a quoted string node, in order: ("lit", text, offsets) for
    its text (escapes read; `$${` is a literal `${`), ("interpolation", the
    expression node or None, offset) and ("directive", node, offset) for `%{ }`."""
    for part in node.children:
        if not is_tree(part) or part.data != "string_part" or not part.children:
            continue
        c = part.children[0]
        if not is_tree(c):
            start = getattr(c, "start_pos", None)
            if getattr(c, "type", "") in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                s = str(c)[1:]
                yield "lit", s, [None if start is None else start + 1 + i for i in range(len(s))]
            else:
                yield ("lit", *unescape(str(c), start))
        elif c.data == "interpolation":
            inner = kids(c)
            yield "interpolation", inner[0] if inner else None, getattr(c.meta, "start_pos", None)
        else:
            yield "directive", c, getattr(c.meta, "start_pos", None)
