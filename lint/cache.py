"""ecs-lint's on-disk cache: what earlier runs learnt, kept for the next ones.

One folder: `$XDG_CACHE_HOME/ecs-lint`, else `~/.cache/ecs-lint`;
`ECS_LINT_NO_CACHE=1` (or `--no-cache`) turns the cache off. An entry is a file
named by a hash of what its content depends on (the results store's buckets by
a part of their keys, `lint/results.py`). It is only ever written whole: to a
temporary file in the same folder, then renamed over the entry (os.replace is
atomic), so concurrent writers (forked workers, two runs at once) and readers
see the old file, the new one or none, never half of one; of two runs adding
to one bucket at once, the last one's bucket stays.

A cache problem (a read-only home, a full disk, garbage in a file, a folder
where a file should be) is a miss, never an error: the caller then does the
work again, and results never depend on the cache.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from typing import Optional


_OFF = []  # non-empty while a run asked for no cache (`--no-cache`)


def cache_dir() -> Optional[str]:
    """Where ecs-lint may keep what it learnt between runs (None: nowhere)."""
    if _OFF or os.environ.get("ECS_LINT_NO_CACHE", "").strip().lower() not in ("", "0", "false",
                                                                             "no"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "ecs-lint")


@contextmanager
def turned_off(off: bool = True):
    """No cache inside the block (when `off`)."""
    if off:
        _OFF.append(True)
    try:
        yield
    finally:
        if off:
            _OFF.pop()


def entry(*parts: str) -> Optional[str]:
    """The file of one entry, `parts` relative to the cache folder (None: no cache)."""
    where = cache_dir()
    return None if where is None else os.path.join(where, *parts)


def read(path: str) -> Optional[bytes]:
    """The content of an entry, or None (a miss) if it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
        return None


def read_json(path: str):
    """The JSON value of an entry, or None (a miss) if it cannot be read or is not
    JSON. The caller still checks the value's shape: a file may hold anything."""
    data = read(path)
    if data is None:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def write(path: str, data: bytes) -> bool:
    """Store an entry atomically; False (and nothing left behind) if it cannot be."""
    tmp = f"{path}.{os.getpid()}.tmp"  # one writer per process at a time
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        try:
            fd = os.open(tmp, flags, 0o644)
        except FileNotFoundError:  # the first entry in its folder
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(tmp, flags, 0o644)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            _remove(tmp)
            raise
        return True
    except (OSError, ValueError):
        return False


def write_json(path: str, value) -> bool:
    try:
        data = json.dumps(value, separators=(",", ":")).encode()
    except (TypeError, ValueError, RecursionError):
        return False
    return write(path, data)


def digest(*parts: bytes, size: int = 20) -> str:
    """The hex BLAKE2b digest of the bytes (its module loads in a tenth of
    hashlib's time, which matters at start-up)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    h = blake2b(digest_size=size)
    for part in parts:
        h.update(part)
    return h.hexdigest()


def write_sealed(path: str, value) -> bool:
    """Store a JSON value with a digest of its bytes in front: `read_sealed` takes
    back only what was written whole by ecs-lint (a file changed by anything
    else, even into JSON of the right shape, is a miss)."""
    try:
        data = json.dumps(value, separators=(",", ":")).encode()
    except (TypeError, ValueError, RecursionError):
        return False
    return write(path, digest(data, size=16).encode() + b"\n" + data)


def read_sealed(path: str):
    """The value `write_sealed` stored, or None (a miss)."""
    raw = read(path)
    if raw is None:
        return None
    head, sep, data = raw.partition(b"\n")
    if not sep or digest(data, size=16).encode() != head:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def _remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass
