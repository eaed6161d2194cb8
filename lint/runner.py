"""Find the files, read them, run the checks, and settle the findings.

    files = collect(paths, config)      # walk folders, apply excludes
    run = lint(files, options)          # -> Run(findings, files_read, notes)

Each file is read, cut into documents (kinds.py), and every per-document
check whose rules are enabled runs on each document of its kinds. Then the
cross-file checks run on the documents they link: in a small run all at once,
in a large one a bundle of linked files at a time, read again
(`lint/xref/groups.py`), so that no process holds every document. A check that
raises becomes an `internal-error` finding; the run goes on.
"""
from __future__ import annotations

import gc
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from . import kinds as kinds_mod
from .config import CONFIG_NAMES, Config, realpath_in
from .loader import LoadError, decode, load_text, syntax_for
from .model import SEVERITY_RANK, Document, Finding, Problem, Related, Span
from .registry import CHECKS, KEY_PARTS, RULES, load_rules, selects

WALK_SUFFIXES = (".json", ".yaml", ".yml", ".tf")
SKIP_DIRS = {".git", "node_modules", ".terraform", ".venv", "venv", "__pycache__",
             ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".hypothesis", ".ruff_cache",
             "site-packages"}
STDIN = "-"


@dataclass
class Options:
    config: Config = field(default_factory=Config)
    enabled: Optional[set] = None  # rule ids to report (None: all)
    forced_kind: Optional[str] = None
    repo_root: str = "."
    verbose: bool = False
    skip_unknown: bool = False  # named files of no known kind: skip, not parse-error
    reuse: bool = False  # reuse results of earlier runs (lint/results.py)


@dataclass
class Run:
    findings: List[Finding] = field(default_factory=list)
    files_read: int = 0
    notes: List[str] = field(default_factory=list)  # --verbose


@dataclass
class Context:
    """What a check may ask about the run besides its document."""

    config: Config
    repo_root: str
    notes: List[str]
    enabled: set
    all_files: List[str] = field(default_factory=list)
    verbose: bool = True  # are notes shown? (a check may skip work done only for them)
    # the cross-file checks: what every file of the run says (`xref.groups.Facts`;
    # None: what the documents given say), and the rules whose findings this
    # part of the run voids everywhere (`void`)
    facts: Optional[object] = None
    voided: set = field(default_factory=set)

    def void(self, rule_id: str):
        """No finding of `rule_id` holds in this run: a cross-file check learned
        it from the files it was given, and other parts of a large run, checked
        apart, may have reported some (`xref.groups`)."""
        self.voided.add(rule_id)

    def options(self, rule_id: str) -> dict:
        opts = dict(RULES[rule_id].options)
        setting = self.config.rule_setting(rule_id)
        if isinstance(setting, dict):
            opts.update({k: v for k, v in setting.items() if k != "severity"})
        return opts

    def option(self, rule_id: str, name: str):
        return self.options(rule_id)[name]

    def note(self, message: str):
        self.notes.append(message)

    def is_enabled(self, rule_id: str) -> bool:
        return rule_id in self.enabled


# ---------------------------------------------------------------------------
# finding the files


@dataclass
class SourceFile:
    path: str  # as walked / named
    explicit: bool  # named on the command line


def collect(paths: List[str], config: Config, notes: List[str]) -> List[SourceFile]:
    """The files to read, in a stable order. Missing paths raise FileNotFoundError."""
    out: List[SourceFile] = []
    excluded = _exclude_matcher(config)
    for p in paths:
        if p == STDIN:
            out.append(SourceFile(STDIN, True))
            continue
        if not os.path.lexists(p):
            raise FileNotFoundError(p)
        if os.path.isdir(p):
            out.extend(_walk(p, excluded, notes))
        elif excluded(p):  # pre-commit names every changed file: the config still rules
            notes.append(f"skipped {display_path(p)}: excluded by the config")
        else:
            out.append(SourceFile(p, True))
    seen, unique = {}, []  # real path -> its index in unique
    real_dirs: dict = {}  # each folder resolved once
    for f in out:
        key = f.path if f.path == STDIN else realpath_in(f.path, real_dirs)
        if key not in seen:
            seen[key] = len(unique)
            unique.append(f)
        elif f.path != STDIN and os.path.islink(unique[seen[key]].path) \
                and not os.path.islink(f.path):
            # reached through a link and directly: the file's own path (code
            # scanning shows no result at a symlink's path)
            kept = unique[seen[key]]
            unique[seen[key]] = SourceFile(f.path, f.explicit or kept.explicit)
    return unique


def _exclude_matcher(config: Config):
    if not config.exclude:
        return lambda path: False
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(config.exclude)
    root = config.root

    def excluded(path):
        rel = _relative_to(path, root)
        if rel is None:
            return False
        return spec.match_file(rel)
    return excluded


def _relative_to(path: str, root: str) -> Optional[str]:
    """`path` relative to the config's folder `root`, with `/` (None: outside
    it). The working folder is known by its real path (os.getcwd) while the
    config may be named through a link (`--config /tmp/repo/...` where /tmp is
    a link, as on macOS): then the real paths are compared."""
    rel = os.path.relpath(os.path.abspath(path), root)
    if rel == ".." or rel.startswith(".." + os.sep):
        try:
            rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
        except (OSError, ValueError):
            return None
        if rel == ".." or rel.startswith(".." + os.sep):
            return None
    return rel.replace(os.sep, "/")


def _walk(top: str, excluded, notes) -> List[SourceFile]:
    out = []
    visited = set()
    for dirpath, dirnames, filenames in os.walk(top, onerror=lambda e: notes.append(
            f"skipped {e.filename}: {e.strerror}")):
        try:
            real = os.path.realpath(dirpath)
        except OSError:
            real = dirpath
        if real in visited:
            dirnames[:] = []
            continue
        visited.add(real)
        keep = []
        for d in sorted(dirnames):
            full = os.path.join(dirpath, d)
            if d in SKIP_DIRS or os.path.exists(os.path.join(full, "pyvenv.cfg")):
                notes.append(f"skipped folder {full}")
            elif excluded(full):
                notes.append(f"skipped folder {full} (exclude)")
            else:
                keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            # (GitHub runs only `.yml`/`.yaml` workflows: `deploy.yml.disabled` is off)
            if not name.lower().endswith(WALK_SUFFIXES):
                continue
            if name in CONFIG_NAMES:
                continue
            if excluded(full):
                notes.append(f"skipped {full} (exclude)")
                continue
            out.append(SourceFile(full, False))
    return out


# ---------------------------------------------------------------------------
# reading one file


def display_path(path: str) -> str:
    if path == STDIN:
        return "<stdin>"
    if not os.path.isabs(path):  # what relpath gives, without asking for the cwd
        norm = os.path.normpath(path)
        if not norm.startswith(".."):
            return norm
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def read_source(src: SourceFile, opts: Options, notes: List[str]):
    """(bytes, findings) of one file: bytes None when it is not read (a finding
    says why, or a note for what is quietly skipped)."""
    shown = display_path(src.path)
    try:
        if src.path == STDIN:
            raw = sys.stdin.buffer.read(opts.config.max_file_size + 1)
        else:
            st = os.stat(src.path)
            if not stat.S_ISREG(st.st_mode):
                if not (src.explicit and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode))):
                    notes.append(f"skipped {shown}: not a regular file")
                    return None, []
                # a pipe named on the command line (`<(...)`): read it, up to the limit
                with open(src.path, "rb") as f:
                    raw = f.read(opts.config.max_file_size + 1)
            elif st.st_size > opts.config.max_file_size:
                return None, [_run_error(shown, Span(1, 1),
                                         f"file is {st.st_size:,} bytes, above the "
                                         f"{opts.config.max_file_size:,}-byte limit "
                                         f"(max-file-size in the config); not read")]
            else:
                with open(src.path, "rb") as f:
                    raw = f.read()
        if len(raw) > opts.config.max_file_size:
            return None, [_run_error(shown, Span(1, 1), "input above the size limit; not read")]
    except OSError as e:
        if not src.explicit and os.path.islink(src.path) and not os.path.exists(src.path):
            notes.append(f"skipped {shown}: a link to nothing")  # a walk: no file there
            return None, []
        return None, [_run_error(shown, Span(1, 1), f"cannot read file: {e.strerror or e}")]
    return raw, []


def read_file(src: SourceFile, opts: Options, notes: List[str], raw: Optional[bytes] = None):
    """(documents, findings) of one file; problems with the file are findings."""
    if raw is None:
        raw, findings = read_source(src, opts, notes)
        if raw is None:
            return [], findings
    shown = display_path(src.path)
    syntax = syntax_for(src.path if src.path != STDIN else "", "")
    lenient = not src.explicit and not src.path.lower().endswith(WALK_SUFFIXES)
    try:
        text = decode(raw)
        syntax = syntax_for(src.path if src.path != STDIN else "", text)
        if syntax == "hcl":
            from . import terraform  # python-hcl2 only when there is Terraform
            docs = terraform.extract(shown, text, opts.repo_root, notes)
            if not docs:  # Terraform, with nothing of the deploy path in it
                notes.append(f"skipped {shown}: no resources ecs-lint reads")
            return docs, []
        loaded = load_text(text, syntax)
    except LoadError as e:
        if lenient:
            notes.append(f"skipped {shown}: not YAML or JSON ({e.message})")
            return [], []
        return [], [_run_error(shown, Span(e.line, e.column), e.message)]
    docs = []
    for item in loaded:
        docs.extend(kinds_mod.documents(shown, item.data, item.locate, item.text,
                                        opts.forced_kind, syntax,
                                        opts.repo_root if src.path != STDIN else None))
        if opts.forced_kind:
            seen = [k for k, _ in kinds_mod.detect(item.data)]
            if seen and opts.forced_kind not in seen:
                notes.append(f"{shown}: read as {opts.forced_kind} (--kind), but its content "
                             f"is that of: {', '.join(seen)}")
    unsafe = next((item.unsafe for item in loaded if item.unsafe is not None), None)
    if unsafe is not None and (docs or (src.explicit and not opts.skip_unknown)):
        return [], [_run_error(shown, Span(unsafe.line, unsafe.column), unsafe.message)]
    if not docs:
        if unsafe is not None:
            notes.append(f"skipped {shown}: no known kind (and a YAML tag ecs-lint does not "
                         f"construct: {unsafe.message})")
        elif any(kinds_mod.is_container(item.data) for item in loaded):
            notes.append(f"skipped {shown}: no resources ecs-lint reads")
        elif src.explicit and not opts.skip_unknown:
            return [], [_unknown_kind(shown)]
        else:
            notes.append(f"skipped {shown}: no known kind")
    return docs, []


def _unknown_kind(shown):
    return _run_error(shown, Span(1, 1),
                      "not a document of a known kind (" + ", ".join(kinds_mod.ALL_KINDS)
                      + "); use --kind KIND to say what it is")


def _run_error(file, span, message, rule="parse-error", help=""):
    return Finding(rule, "error", file, span, message, help)


# ---------------------------------------------------------------------------
# running the checks


PARALLEL_MIN_FILES = 48  # below this, helper processes cost more than they save
# files whose documents the main process keeps for the cross-file checks: reading
# them again costs about what parsing them did; keeping them costs memory, so
# only this many (a constant: peak memory does not grow with the repository)
KEEP_FILES = 1000
CHUNK = 16  # files a process takes at a time
REUSE_RESULTS = True  # may runs with `Options.reuse` use the results cache? (tests turn it off)


@dataclass
class _Plan:
    """What every file's work needs; helper processes inherit it when they fork."""

    opts: Options
    enabled: set
    per_doc: dict  # kind -> [check]
    cross_kinds: set
    all_files: list
    store: Optional[object] = None  # results.Store, when results are reused
    looked_up: bool = False  # were the files' results looked up in the store already?


_PLAN: Optional[_Plan] = None


@dataclass
class _FileResult:
    findings: list
    docs: list  # the documents kept for the cross-file checks (see KEEP_FILES)
    notes: list
    key: Optional[str] = None  # in the results store
    asked: Optional[list] = None  # the checks' questions (None: a reused result)
    # [offers, wants, facts] of its documents the cross-file checks read
    # (`xref.groups.record_of`); None: it holds none
    record: Optional[list] = None

    @property
    def holds(self) -> bool:
        """Does the file hold documents for the cross-file checks?"""
        return self.record is not None


@dataclass
class _Read:
    """A file read, its checks not run yet."""

    docs: list
    findings: list  # the file's own problems (parse errors)
    notes: list
    key: Optional[str]
    asked: list  # questions asked while reading (Terraform modules)


def _room_for_nesting():
    """Documents may nest MAX_DEPTH (500) levels deep, and reading and checking
    them walks them recursively, a few frames a level: Python's default limit
    (1000 frames) is not enough. Deeper input is refused by the loader, so the
    C stack is not at risk."""
    from .loader import MAX_DEPTH

    if sys.getrecursionlimit() < MAX_DEPTH * 8:
        sys.setrecursionlimit(MAX_DEPTH * 8)


def lint(files: List[SourceFile], opts: Options) -> Run:
    """Read every file, run the per-document checks on each document, then the
    cross-file checks on the documents they read; a large run shares the work
    with processes forked from this one (`_share_files`). With `opts.reuse`,
    results of earlier runs are reused (`lint/results.py`)."""
    global _PLAN
    from . import probes

    _room_for_nesting()
    load_rules()
    probes.new_run(opts.config.github.get("repository"))
    run = Run(notes=[])
    enabled = opts.enabled if opts.enabled is not None else set(RULES)
    enabled = {r for r in enabled if _severity_setting(opts.config, r) != "off"}
    per_doc: Dict[str, list] = {}  # kind -> the per-document checks of that kind
    for c in CHECKS:
        if not c.cross_file and enabled.intersection(c.rules):
            for kind in c.kinds:
                per_doc.setdefault(kind, []).append(c)
    cross = [c for c in CHECKS if c.cross_file and enabled.intersection(c.rules)]
    cross_kinds = {k for c in cross for k in c.kinds}
    store = _store(files, opts, enabled)
    plan = _Plan(opts, enabled, per_doc, cross_kinds, [f.path for f in files], store=store)
    _PLAN = plan
    try:
        results, crossed = _share_files(files, plan, cross)
    finally:
        _PLAN = None
    findings: List[Finding] = []
    for res in results:
        findings.extend(res.findings)
        run.notes.extend(res.notes)
        if store is not None and res.asked is not None and res.key is not None \
                and not any(f.rule == "internal-error" for f in res.findings):
            store.keep_file(res.key, res.findings, res.notes, res.asked, res.record)
    run.files_read = len(files)
    if crossed is not None:
        cross_findings, cross_notes = crossed
        findings.extend(cross_findings)
        run.notes[:] = list(dict.fromkeys(run.notes + cross_notes))
    if store is not None:
        store.save()
    # the same finding from two files (two modules rendering one template) once
    once: Dict[tuple, Finding] = {}
    for f in findings:
        seen = once.setdefault((f.rule, f.file, f.span, f.message), f)
        if seen is not f:  # (a module's file read for two calls: both named)
            seen.related.extend(r for r in f.related if r not in seen.related)
    findings = list(once.values())
    findings.sort(key=Finding.sort_key)
    run.findings = findings
    return run


def _store(files, opts, enabled):
    """The results store of this run's settings (None: results are not reused)."""
    if not (opts.reuse and REUSE_RESULTS) or any(f.path == STDIN for f in files):
        return None
    from . import cache, results

    if cache.cache_dir() is None:
        return None
    external = [[rid, f()] for rid, f in sorted(KEY_PARTS.items()) if rid in enabled]
    return results.Store(results.settings_key(opts, enabled, external))


def _share_files(files, plan, cross):
    """(each file's result, in order; the cross-file (findings, notes) or None
    without cross-file checks).

    Each file is read and checked on its own (`_lint_file`): few files here,
    many (one process per core, `_workers`) in chunks that helpers take from the
    end of the list and this process from the start, until they meet. Each
    leaves its findings and the record of what the cross-file checks need of it;
    then the cross-file checks run on the files' records (`_cross`). Helpers send
    back findings and records, never documents."""
    out: List[Optional[_FileResult]] = [None] * len(files)
    if plan.store is not None and plan.store.exists and len(files) >= PARALLEL_MIN_FILES:
        out = _reused(files, plan)  # one bucket of the store at a time
        plan.looked_up = True
    todo = [src for src, res in zip(files, out) if res is None]
    workers = 1 if any(src.path == STDIN for src in todo) else _workers(len(todo))
    # this process keeps the documents of the first KEEP_FILES files it checks
    # for the cross-file checks (a small run: all); the others are read again,
    # a bundle of linked files at a time (`_cross`)
    room = [KEEP_FILES if cross else 0]

    def lint_file(src):
        res = _lint_file(src, room[0] > 0)
        room[0] -= bool(res.docs)
        return res

    if workers == 1:
        checked = iter([lint_file(src) for src in todo])
    else:
        chunks = _Chunks(len(todo), CHUNK)
        checkers = [_fork(_check_from_the_end, (todo, chunks)) for _ in range(workers - 1)]
        done: Dict[int, _FileResult] = {}
        for chunk in iter(chunks.take_first, None):
            done.update((p, lint_file(todo[p])) for p in chunk)
        for part in _collect(checkers):
            done.update(part or {})
        for p, src in enumerate(todo):
            if p not in done:  # a helper died before sending its files' results
                done[p] = _lint_file(src)
        checked = iter(done[p] for p in range(len(todo)))
    results = [res if res is not None else next(checked) for res in out]
    return results, (_cross(files, results, cross, plan, workers) if cross else None)


def _cross(files, results, checks, plan, workers):
    """(findings, notes) of the cross-file checks, run on bundles of linked
    files (`xref.groups.bundles`): each reused from the store while none of its
    files and none of the run's facts changed, else read again (unless its
    documents were kept) and checked, the bundles shared among `workers`
    processes forked now. The whole run's findings are kept too, for a run in
    which none of the files changed."""
    from .xref import groups

    whole = None  # the key of the whole run's cross-file findings: all its files'
    # a file checked again (not reused) may read differently with the same bytes
    # (a Terraform module's `.tfvars`, a template it reads changed): the cross-file
    # findings of its bundle are found again too
    rechecked = {i for i, r in enumerate(results) if r.holds and r.asked is not None}
    if plan.store is not None:
        from . import results as results_mod

        whole = results_mod.bundle_key([r.key for r in results if r.holds], "the run")
        hit = plan.store.bundle_result(whole) if not rechecked else None
        if hit is not None:  # no file the checks read changed: nothing to cut or look up
            return hit[0], hit[1]
    records = [r.record for r in results]
    facts = groups.Facts()
    for rec in records:
        if rec is not None:
            facts.add(rec[2])
    job = _CrossJob(checks, files, results, groups.bundles(records, plan.opts.config),
                    facts, plan)
    done: Dict[int, tuple] = {}
    keys: List[Optional[str]] = [None] * len(job.bundles)
    if plan.store is not None:
        digest = facts.digest()
        for b, bundle in enumerate(job.bundles):
            file_keys = [results[i].key for i in bundle]
            if None not in file_keys:
                keys[b] = results_mod.bundle_key(file_keys, digest)
                hit = plan.store.bundle_result(keys[b]) \
                    if not rechecked.intersection(bundle) else None
                if hit is not None:
                    done[b] = hit
    todo = [b for b in range(len(job.bundles)) if b not in done]
    checked = set(todo)
    gc.freeze()  # the files' results live until the end: no collection walks them again
    try:
        if workers == 1 or len(todo) < 2:
            done.update((b, job.run_bundle(b)) for b in todo)
        else:
            counter = _Chunks(len(todo), 1)
            sharers = [_fork(_run_bundles, (job, todo, counter))
                       for _ in range(1, min(workers, len(todo)))]
            done.update(job.run(todo, counter))
            for part in _collect(sharers):
                done.update(part or {})
    finally:
        gc.unfreeze()
    found, notes, asked, voided = [], [], [], set()
    for b in range(len(job.bundles)):
        if b not in done:  # a process died with it
            done[b] = job.run_bundle(b)
        part = done[b]
        if b in checked and keys[b] is not None \
                and not any(f.rule == "internal-error" for f in part[0]):
            plan.store.keep_bundle(keys[b], *part)
        found.extend(part[0])
        notes.extend(part[1])
        asked.extend(part[2])
        voided.update(part[3])
    found = settle([f for f in found if f.rule not in voided], plan.opts.config,
                   plan.enabled, {})
    notes = list(dict.fromkeys(notes))
    if whole is not None and not any(f.rule == "internal-error" for f in found):
        plan.store.keep_bundle(whole, found, notes, _distinct(asked), [])
    return found, notes


def _distinct(asked: list) -> list:
    """The questions of the bundles, each once (many ask the same)."""
    import json

    seen = {}
    for q in asked:
        seen.setdefault(json.dumps(q, sort_keys=True, default=repr), q)
    return list(seen.values())


class _Chunks:
    """Work in chunks of `size` items, taken from the start (the main process)
    and from the end (helpers) until they meet; shared by forked processes."""

    def __init__(self, total: int, size: int):
        import multiprocessing

        self.total, self.size = total, size
        self.bounds = multiprocessing.get_context("fork").Array(
            "q", [0, (total + size - 1) // size])  # [first chunk left, last chunk left + 1]

    def take_first(self) -> Optional[range]:
        with self.bounds.get_lock():
            first, end = self.bounds[0], self.bounds[1]
            if first >= end:
                return None
            self.bounds[0] = first + 1
        return range(first * self.size, min(self.total, (first + 1) * self.size))

    def take_last(self) -> Optional[range]:
        with self.bounds.get_lock():
            first, end = self.bounds[0], self.bounds[1]
            if first >= end:
                return None
            self.bounds[1] = end - 1
        return range((end - 1) * self.size, min(self.total, end * self.size))


def _check_from_the_end(todo, chunks):
    """A helper's work: read and check chunks from the end; {index: result}."""
    return {p: _lint_file(todo[p]) for chunk in iter(chunks.take_last, None) for p in chunk}


def _run_bundles(job, todo, counter) -> dict:
    """A helper's share of the cross-file checks: the bundles it takes from `counter`."""
    return job.run(todo, counter)


def _fork(work, args):
    """A forked process doing `work(*args)` and sending back what it returns
    (None: no process to be had)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    try:
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_forked, args=(work, args, send), daemon=True)
        proc.start()
    except OSError:  # no more processes to be had (limits)
        return None
    send.close()
    return proc, receive


def _forked(work, args, send):
    try:
        send.send(work(*args))
    except KeyboardInterrupt:  # Ctrl-C reaches every process: the main one reports it
        pass
    finally:
        send.close()


def _collect(forked) -> list:
    """What each forked process sent back (None: it died, or never started)."""
    out = []
    for entry in forked:
        if entry is None:
            out.append(None)
            continue
        proc, receive = entry
        try:
            out.append(receive.recv())
        except (EOFError, OSError):
            out.append(None)
        receive.close()
        proc.join()
    return out


@dataclass
class _CrossJob:
    """The cross-file checks of a run, a bundle of linked files at a time."""

    checks: list
    files: list
    results: list  # the files' own results (records; documents kept by a small run)
    bundles: list  # [[file index]]
    facts: object  # xref.groups.Facts of the whole run
    plan: _Plan

    def run(self, todo, counter) -> dict:
        """{bundle: (findings, notes, questions, rules voided)} of the bundles of
        `todo` this process takes from `counter` (from its start)."""
        return {todo[p]: self.run_bundle(todo[p]) for chunk in iter(counter.take_first, None)
                for p in chunk}

    def run_bundle(self, b: int):
        from . import probes

        opts = self.plan.opts
        docs = []
        for i in self.bundles[b]:
            res = self.results[i]
            if res.docs:
                docs.extend(res.docs)
                continue
            read = _read(self.files[i], self.plan, reuse=False)
            docs.extend(d for d in read.docs if d.kind in self.plan.cross_kinds)
        ctx = Context(opts.config, opts.repo_root, [], self.plan.enabled, self.plan.all_files,
                      opts.verbose, facts=self.facts)
        found = []
        with probes.recording() as asked:
            for chk in self.checks:
                found.extend(_run_check(chk, docs, None, ctx, opts))
        return found, ctx.notes, asked, sorted(ctx.voided)


def _reused(files, plan) -> List[Optional[_FileResult]]:
    """The reused result of each file (None: not in the store, or out of date),
    looked up one bucket of the store at a time: only one is held at once."""
    keys = []
    for src in files:
        raw, _ = read_source(src, plan.opts, [])
        keys.append(None if raw is None else _file_key(src, raw))
    out: List[Optional[_FileResult]] = [None] * len(files)
    by_bucket: Dict[str, list] = {}
    for i, key in enumerate(keys):
        if key is not None:
            by_bucket.setdefault(plan.store.bucket_of(key), []).append(i)
    for name, indexes in sorted(by_bucket.items()):
        for i in indexes:
            out[i] = _reuse(keys[i], plan)
        plan.store.forget_bucket(name)
    return out


def _file_key(src, raw) -> str:
    from . import results

    return results.file_key(display_path(src.path), src.explicit, raw)


def _reuse(key, plan) -> Optional[_FileResult]:
    hit = plan.store.file_result(key)
    if hit is None:
        return None
    findings, notes, record = hit
    return _FileResult(findings, [], notes, key, None, record)


def _workers(count: int) -> int:
    """Processes to share `count` files or documents among (this one included)."""
    if count < PARALLEL_MIN_FILES:
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # helpers inherit the run by forking (not on Windows)
    env = os.environ.get("ECS_LINT_JOBS")
    if env and env.isdigit():
        return max(1, int(env))
    return min(os.cpu_count() or 1, 8)


def _read(src: SourceFile, plan: _Plan, reuse: bool = True):
    """A file's `_Read`, or its whole `_FileResult` when there is nothing to
    check (not readable) or its result is reused."""
    from . import probes

    notes: List[str] = []
    raw, findings = read_source(src, plan.opts, notes)
    if raw is None:
        return _FileResult(findings, [], notes)
    key = None
    if plan.store is not None:
        key = _file_key(src, raw)
        reused = _reuse(key, plan) if reuse and not plan.looked_up else None
        if reused is not None:
            return reused
    with probes.recording() as asked:
        try:
            docs, findings = read_file(src, plan.opts, notes, raw)
        except Exception as e:  # a bug in reading a file must not stop the run
            docs, findings = [], [_internal_error(display_path(src.path), "reading", e)]
    return _Read(docs, findings, notes, key, asked)


def _check(read: _Read, plan: _Plan, keep: bool = False) -> _FileResult:
    """Run the per-document checks on a file read; with the record of what the
    cross-file checks need of it (and its documents for them, if `keep`)."""
    from . import probes

    findings = list(read.findings)
    with probes.recording() as asked:
        ctx = Context(plan.opts.config, plan.opts.repo_root, read.notes, plan.enabled,
                      plan.all_files, plan.opts.verbose)
        texts = {}
        variants: Dict[tuple, list] = {}  # a template resource's stacks -> their findings
        for doc in read.docs:
            if doc.text is not None and doc.file not in texts:
                texts[doc.file] = doc.text
                read.notes.extend(suppression_warnings(doc.file, doc.text))
                if doc.kind == "workflow" and "<<" in doc.text:
                    read.notes.extend(merge_key_warnings(doc.file, doc.text))
            found = [f for chk in plan.per_doc.get(doc.kind, ())
                     for f in _run_check(chk, doc, doc, ctx, plan.opts)]
            findings.extend(found)
            stack = doc.context.get("stack") if isinstance(doc.context, dict) else None
            if isinstance(stack, dict) and stack:
                variants.setdefault((doc.file, doc.context.get("resource")), []).append(
                    (stack, found))
        _name_stacks(variants)
        findings = settle(findings, plan.opts.config, plan.enabled, texts)
        kept = [d for d in read.docs if d.kind in plan.cross_kinds]
        record = None
        if kept:
            from .xref.groups import record_of

            try:
                record = record_of(kept, plan.opts.config)
            except Exception as e:  # a bug: the file is left out of the cross-file checks
                findings.append(_internal_error(kept[0].file, "linking", e))
    return _FileResult(findings, kept if keep else [], read.notes, read.key,
                       read.asked + asked, record)


def _name_stacks(variants: Dict[tuple, list]):
    """Say in a finding's message which stacks of a template it holds in, when
    a resource is read once per stack (`Fn::If` on a parameter, `FindInMap`
    by region: the context's `stack`, the values picked) and the finding is not
    in every one of them."""
    for stacks in variants.values():
        where: Dict[tuple, list] = {}
        for stack, found in stacks:
            for f in found:
                where.setdefault((f.rule, f.span, f.message), []).append(stack)
        for stack, found in stacks:
            for f in found:
                picked = where[(f.rule, f.span, f.message)]
                if len(picked) < len(stacks):
                    f.message += " (in the stack where " + " or ".join(
                        ", ".join(f"{k} is {v}" for k, v in p.items())
                        for p in picked[:4]) + (" ..." if len(picked) > 4 else "") + ")"


def _lint_file(src: SourceFile, keep: bool = False) -> _FileResult:
    """Read one file and run the per-document checks on it (or reuse its result)."""
    read = _read(src, _PLAN)
    return _check(read, _PLAN, keep) if isinstance(read, _Read) else read


def _run_check(chk, arg, doc, ctx, opts):
    out = []
    try:
        for prob in chk.func(arg, ctx):
            if prob.rule not in ctx.enabled:
                continue
            out.append(_to_finding(prob, doc, opts.config))
    except Exception as e:  # a bug in a rule must not stop the run
        out.append(_internal_error(doc.file if doc is not None else "<run>",
                                   f"check {chk.name}", e))
    return out


def _internal_error(where: str, what: str, e: Exception) -> Finding:
    import traceback  # only for a bug

    tb = traceback.extract_tb(e.__traceback__)[-1]
    return Finding(
        "internal-error", "error", where, Span(1, 1),
        f"{what} failed on this file: {type(e).__name__}: {e} "
        f"({os.path.basename(tb.filename)}:{tb.lineno})",
        "this is a bug in ecs-lint: please report it with the file that triggers it")


def _severity_setting(config: Config, rule_id: str):
    s = config.rule_setting(rule_id)
    if isinstance(s, dict):
        return s.get("severity")
    return s


def _to_finding(prob: Problem, doc: Optional[Document], config: Config) -> Finding:
    d = prob.doc or doc
    rule = RULES[prob.rule]
    severity = _severity_setting(config, prob.rule)
    if severity is None:
        severity = prob.severity if (prob.severity and rule.severity_by_finding) \
            else (prob.severity or rule.severity)
    file, span = _placed(d, prob.span or d.span(prob.path, prob.key))
    related = []
    for item in prob.related:
        if isinstance(item, Related):
            related.append(item)
        else:
            rdoc, rpath, rmsg = item
            related.append(Related(*_placed(rdoc, rdoc.span(rpath)), rmsg))
    call = ((d.context or {}).get("template") or {}).get("call") if d is not None else None
    if call and len(call) == 4 and file != call[1]:  # a local module's file, read for a call
        related.append(Related(call[1], Span(call[2], call[3]), f"read for {call[0]}, called here"))
    return Finding(prob.rule, severity, file, span, prob.message, prob.help,
                   dict(prob.extra), related)


def _placed(doc: Document, span: Span):
    """(file, span) of a position in a document: its own file, or the one the
    span names (a template the document's text was read from)."""
    if span.file is None:
        return doc.file, span
    return span.file, Span(span.line, span.column, span.end_line, span.end_column)


# ---------------------------------------------------------------------------
# suppressions, per-path ignores, order

_SUPPRESS = re.compile(r"#\s*ecs-lint:\s*ignore(?:\[([^\]]*)\])?")
_SUPPRESS_HCL = re.compile(r"(?:#|//)\s*ecs-lint:\s*ignore(?:\[([^\]]*)\])?")

# A note that starts so is shown without --verbose (on standard error).
WARNING = "warning: "


def _suppression_pattern(file):
    return _SUPPRESS_HCL if file.lower().endswith(".tf") else _SUPPRESS


def suppression_warnings(file, text) -> List[str]:
    """Notes for `# ecs-lint: ignore[...]` comments that name no rule (a typo
    would otherwise leave the finding reported and the reader puzzled)."""
    if file.lower().endswith(".json") or "ecs-lint" not in text:
        return []
    out, pattern = [], _suppression_pattern(file)
    for n, line in enumerate(text.splitlines(), 1):
        m = pattern.search(line)
        if not m or m.group(1) is None:
            continue
        for item in m.group(1).split(","):
            if not any(selects(item, r) for r in RULES):
                out.append(f"{WARNING}{file}:{n}:{m.start() + 1}: `ecs-lint: ignore[...]` names "
                           f"no rule: '{item.strip()}'{_did_you_mean(item.strip())}; "
                           "nothing is suppressed for it")
    return out


_MERGE_KEY = re.compile(r"^\s*(?:-\s+)?<<\s*:", re.M)


def merge_key_warnings(file, text) -> List[str]:
    """GitHub Actions reads workflows as YAML 1.2, without merge keys: a
    `<<: *anchor` (which ecs-lint merges, as YAML 1.1 does) makes GitHub
    refuse the file. Anchors and aliases themselves are fine."""
    m = _MERGE_KEY.search(text)
    if m is None:
        return []
    line = text.count("\n", 0, m.start()) + 1
    return [f"{WARNING}{file}:{line}: GitHub Actions does not support YAML merge keys (`<<`): "
            "GitHub refuses this workflow (ecs-lint checks it as if the keys were merged)"]


def _did_you_mean(word):
    import difflib

    close = difflib.get_close_matches(word, list(RULES), n=1, cutoff=0.8)
    return f" (did you mean '{close[0]}'?)" if close else ""


def settle(findings, config: Config, enabled, texts) -> List[Finding]:
    out = []
    ignore = _path_ignores(config)
    lines_cache = {}
    said = set()  # the same finding at the same place once (steps sharing a YAML anchor)
    for f in findings:
        if f.rule not in enabled:
            continue
        key = (f.rule, f.file, f.span, f.message)
        if key in said:
            continue
        said.add(key)
        if f.rule in ("parse-error", "internal-error"):  # made without the config's say
            f.severity = _severity_setting(config, f.rule) or f.severity
        if ignore(f.file, f.rule):
            continue
        if f.file.lower().endswith(".json"):
            out.append(f)  # JSON has no comments: a "# ecs-lint" in a string is no suppression
            continue
        text = texts.get(f.file)
        if text is None and f.file not in texts:
            text = texts[f.file] = _read_text(f.file)
        if text is not None:
            lines = lines_cache.get(f.file)
            if lines is None:  # [] when the file has no suppression comment at all
                lines = lines_cache[f.file] = text.splitlines() if "ecs-lint" in text else []
            if lines and _suppressed(lines, f.span.line, f.rule, _suppression_pattern(f.file)):
                continue
        out.append(f)
    return out


def _read_text(shown_path):
    try:
        with open(shown_path, "rb") as fh:
            return decode(fh.read(1 << 24))
    except (OSError, LoadError):
        return None


def _suppressed(lines, line, rule, pattern=_SUPPRESS):
    """Does a `# ecs-lint: ignore[...]` comment cover this line: at its end, or
    alone on the line above (an end-of-line comment covers its own line only)?"""
    for n in (line, line - 1):
        if 1 <= n <= len(lines):
            m = pattern.search(lines[n - 1])
            if not m or (n != line and not lines[n - 1].lstrip().startswith(("#", "//"))):
                continue
            if m.group(1) is None or any(selects(i, rule) for i in m.group(1).split(",")):
                return True
    return False


def _path_ignores(config: Config):
    if not config.ignore:
        return lambda file, rule: False
    import pathspec

    entries = []
    for ig in config.ignore:
        spec = pathspec.GitIgnoreSpec.from_lines([ig["path"]])
        entries.append((spec, ig.get("rules")))

    def ignored(file, rule):
        rel = _relative_to(file, config.root) or \
            os.path.relpath(os.path.abspath(file), config.root).replace(os.sep, "/")
        for spec, rules in entries:
            if spec.match_file(rel) and (rules is None or any(selects(r, rule) for r in rules)):
                return True
        return False
    return ignored


def exit_code(findings: List[Finding], fail_on: str) -> int:
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK.get(f.severity, 3) >= floor for f in findings) else 0
