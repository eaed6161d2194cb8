"""Results of earlier runs, reused while nothing they depend on has changed.

Most runs (pre-commit, CI on a push) read files that the last run already read.
A file's findings depend on its path, its bytes, the settings of the run and
ecs-lint's own code, and on the few file-system questions its checks asked
(`lint/probes.py`); the cross-file findings of a bundle of linked files
(`lint/xref/groups.py`) depend on the same for each of its files, and on the
facts of the whole run. So a run keeps, in a folder per set of settings:

- for each file (key: its shown path and bytes): its findings after
  suppressions, its notes, the questions its checks asked, and the record of
  what the cross-file checks need of it (`xref.groups.record_of`);
- for each bundle the cross-file checks ran on (key: the keys of its files
  and the run's facts): their findings, notes, questions, and the rules they
  voided for the whole run; and, in the same shape, the whole run's
  cross-file findings (key: the keys of every file they read), for a run in
  which none of them changed.

A later run with the same settings reads each file, and reuses what it finds
for its bytes once the recorded questions still get the same answers;
anything else is done again: a changed workflow is checked again with the
bundle of files it links, and every other bundle's findings are reused. The
settings key covers the config (the bytes
of its file, its path and root), the rules selected, the run's options, the folder
the paths are relative to, the versions of Python and ecs-lint, ecs-lint's code
(the hashes pip recorded when it was installed, else the size and time of each
source file: an edited checkout is a new key), and which install of an external
analyser (parliament) when its rule runs.

The store is JSON files (never unpickled, nothing in them is run), each
written atomically with a digest of its bytes in front; a file that does not
match its digest, cannot be read or has the wrong shape is a miss. Entries are
spread over `BUCKETS` files by key (`files-XX.json`, `bundles-XX.json`), so a
run on a few files (pre-commit) reads a few small files and a run over the
repository reads them all; a bucket keeps its newest entries up to its share of
`MAX_FILES` (`MAX_BUNDLES`), the cache its `MAX_STORES` newest stores.
`ECS_LINT_NO_CACHE=1` or `--no-cache` turns it off.

Not covered by the key: an edit of a checkout's sources that keeps both a file's
size and time, an edit of installed files behind pip's back, and a symlink swapped under an unchanged path (files are linked
by their real paths); `--no-cache` or deleting the folder settles either.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Dict, List, Optional

from . import cache
from .model import Finding, Related, Span

FORMAT = 2  # bump when an entry's shape or meaning changes
MAX_FILES = 100_000  # file entries kept in one store (spread over its buckets)
MAX_BUNDLES = 20_000  # bundle entries kept in one store
MAX_STORES = 16  # stores (sets of settings) kept; the oldest go first

_SOURCE_FILES: List[str] = []  # ecs-lint's own .py files, found once


def _code_fingerprint() -> list:
    """What identifies the code that computes results: an installed ecs-lint's
    RECORD (pip writes a hash of every file it installed, so a reinstall of the
    same code, as in CI, keeps the key), else the size and time of each source
    file (a checkout, an editable install: an edit is a new key)."""
    from . import __version__

    import ecs_lint

    package = os.path.abspath(list(ecs_lint.__path__)[0])
    record = installed_record(os.path.dirname(package), os.path.basename(package))
    if record is not None:
        return [__version__, sys.version, record]
    if not _SOURCE_FILES:
        import ecs_lint.rules

        for folder in dict.fromkeys(list(ecs_lint.__path__) + list(ecs_lint.rules.__path__)):
            for dirpath, dirnames, names in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                _SOURCE_FILES.extend(os.path.join(dirpath, n) for n in sorted(names)
                                     if n.endswith(".py"))
    stamps = []
    for path in _SOURCE_FILES:
        try:
            st = os.stat(path)
            stamps.append([path, st.st_size, st.st_mtime_ns])
        except OSError:
            stamps.append([path, None, None])
    return [__version__, sys.version, stamps]


def installed_record(parent: str, package: str) -> Optional[str]:
    """The digest of the RECORD of the distribution installed beside `package`
    in `parent` (site-packages), when it lists that package's files; else None."""
    try:
        infos = [n for n in os.listdir(parent)
                 if n.endswith(".dist-info") and n.lower().startswith("ecs_lint-")]
        for info in infos:
            with open(os.path.join(parent, info, "RECORD"), "rb") as f:
                text = f.read(4_000_000)
            if f"{package}/__init__.py,".encode() in text:
                return cache.digest(text)
    except (OSError, ValueError):
        pass
    return None


def settings_key(opts, enabled, external: list) -> str:
    cfg = opts.config
    parts = [
        FORMAT, _code_fingerprint(), os.getcwd(),
        [os.path.abspath(cfg.path) if cfg.path else None, os.path.abspath(cfg.root),
         _digest_of_file(cfg.path) if cfg.path else cfg.raw, cfg.max_file_size],
        sorted(enabled), opts.forced_kind, os.path.abspath(opts.repo_root or "."),
        bool(opts.skip_unknown), bool(opts.verbose), external,
    ]
    text = json.dumps(parts, sort_keys=True, default=repr)
    return cache.digest(text.encode("utf-8", "surrogatepass"))


def _digest_of_file(path):
    try:
        with open(path, "rb") as f:
            return cache.digest(f.read())
    except OSError:
        return None


def file_key(shown: str, explicit: bool, raw: bytes) -> str:
    return cache.digest(shown.encode("utf-8", "surrogatepass"),
                        b"\0E\0" if explicit else b"\0W\0", raw)


def bundle_key(file_keys: List[str], facts: str) -> str:
    """The key of a bundle's cross-file findings: its files' keys, the run's facts."""
    return cache.digest("\n".join(file_keys + [facts]).encode())


# ---------------------------------------------------------------------------
# findings as JSON values


def finding_record(f: Finding) -> list:
    from .reporters import _jsonable  # what the reporters would print of `extra`

    s = f.span
    return [f.rule, f.severity, f.file, [s.line, s.column, s.end_line, s.end_column],
            f.message, f.help, _jsonable(f.extra) if f.extra else {},
            [[r.file, [r.span.line, r.span.column, r.span.end_line, r.span.end_column],
              r.message] for r in f.related]]


def finding_of(rec) -> Finding:
    rule, severity, file, span, message, help_, extra, related = rec
    if not all(isinstance(v, str) for v in (rule, severity, file, message, help_)) \
            or not isinstance(extra, dict):
        raise ValueError("not a finding")
    return Finding(rule, severity, file, Span(*span), message, help_, extra,
                   [Related(rf, Span(*rs), rm) for rf, rs, rm in related])


# ---------------------------------------------------------------------------
# the store

BUCKETS = 64  # file entries are spread over this many files by key: a run on a
# few files reads a few small files, not the whole repository's results (and a
# first run writes few enough files for their creation not to show)


class Store:
    """The entries kept for one set of settings: a folder of JSON files,
    `files-XX.json` and `bundles-XX.json` (the file and bundle entries of
    bucket XX, see `bucket_of`)."""

    def __init__(self, settings: str):
        self.folder = cache.entry("results", settings)
        self.exists = self.folder is not None and os.path.isdir(self.folder)
        # "files-XX" -> {file key: [findings, notes, asked, record]},
        # "bundles-XX" -> {bundle key: [findings, notes, asked, voided]}
        self.buckets: Dict[str, dict] = {}
        self.new: Dict[str, Dict[str, list]] = {"files": {}, "bundles": {}}

    @staticmethod
    def bucket_of(key: str, part: str = "files") -> str:
        """The bucket of a key (a hex digest): its first byte, modulo BUCKETS."""
        return f"{part}-{int(key[:2], 16) % BUCKETS:02x}"

    def forget_bucket(self, name: str):
        """Let go of a bucket read (it is read again if needed)."""
        self.buckets.pop(name, None)

    def _bucket(self, name: str) -> dict:
        bucket = self.buckets.get(name)
        if bucket is None:
            value = cache.read_sealed(os.path.join(self.folder, f"{name}.json")) \
                if self.exists else None
            bucket = value if isinstance(value, dict) else {}
            self.buckets[name] = bucket
        return bucket

    def _entry(self, key: str, part: str):
        """[findings, notes, asked, last] kept under `key`, if its questions
        still get the same answers (else None)."""
        entry = self._bucket(self.bucket_of(key, part)).get(key) if self.exists else None
        if not isinstance(entry, list) or len(entry) != 4:
            return None
        if entry[2] and not _still_true(entry[2]):
            return None
        return entry

    def file_result(self, key: str):
        """(findings, notes, record for the cross-file checks) of a file, or None."""
        try:
            findings, notes, _, record = self._entry(key, "files")
            return [finding_of(r) for r in findings], [str(n) for n in notes], _record(record)
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def keep_file(self, key: str, findings, notes, asked, record: Optional[list]):
        self.new["files"][key] = [[finding_record(f) for f in findings], list(notes), asked,
                                  record]

    def bundle_result(self, key: str):
        """(findings, notes, asked, voided rules) of a bundle's cross-file checks, or None."""
        try:
            findings, notes, asked, voided = self._entry(key, "bundles")
            if not all(isinstance(r, str) for r in voided):
                return None
            return [finding_of(r) for r in findings], [str(n) for n in notes], asked, voided
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def keep_bundle(self, key: str, findings, notes, asked, voided):
        self.new["bundles"][key] = [[finding_record(f) for f in findings], list(notes), asked,
                                    list(voided)]

    def save(self):
        """Write what this run computed (an entry it found usable is already there)."""
        if self.folder is None or not any(self.new.values()):
            return
        for part, most in (("files", MAX_FILES), ("bundles", MAX_BUNDLES)):
            by_bucket: Dict[str, dict] = {}
            for key, entry in self.new[part].items():
                by_bucket.setdefault(self.bucket_of(key, part), {})[key] = entry
            room = max(1, most // BUCKETS)
            for name, entries in by_bucket.items():
                bucket = self._bucket(name)
                keep = {k: v for k, v in bucket.items() if k not in entries}
                keep.update(entries)  # the newest last: trimmed last
                keep = dict(list(keep.items())[-room:])
                cache.write_sealed(os.path.join(self.folder, f"{name}.json"), keep)
        _forget_oldest(os.path.dirname(self.folder), "", MAX_STORES)


def _record(value) -> Optional[list]:
    """A file's record for the cross-file checks as kept: [offers, wants, facts]."""
    if value is None:
        return None
    offers, wants, facts = value
    if not (isinstance(offers, list) and isinstance(wants, list) and isinstance(facts, dict)
            and all(isinstance(k, str) for k in offers + wants)
            and all(isinstance(v, bool) or isinstance(v, list) and all(
                isinstance(x, str) or isinstance(x, list) and all(isinstance(y, str) for y in x)
                for x in v) for v in facts.values())):
        raise ValueError("not a record")
    return [offers, wants, facts]


def _still_true(asked) -> bool:
    from .probes import still_true

    return still_true(asked)


def _forget_oldest(folder: str, prefix: str, keep: int):
    """Remove the oldest entries named `prefix`... of `folder` beyond `keep`."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
        if len(names) <= keep:
            return
        dated = sorted(names, key=lambda n: os.stat(os.path.join(folder, n)).st_mtime_ns)
        for n in dated[:len(names) - keep]:
            path = os.path.join(folder, n)
            if os.path.isdir(path):
                import shutil

                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
    except OSError:
        pass
