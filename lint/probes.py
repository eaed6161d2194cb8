"""What a check learns from the file system besides the documents it is given.

A few checks look outside their documents: does the task definition a workflow
names exist, what files sit beside it, what does a local reusable workflow
say, which repository is the git remote, what do the other files of a
Terraform module and the files its expressions read (`file()`,
`templatefile()`) say. A reused result (`lint/results.py`)
is right only while those answers stay the same, so checks ask through here:

    if probes.ask("exists", path): ...
    data = probes.read_bytes(path, limit)

and while a result is being computed every question and its answer is written
down (`recording`); before the result is reused, `still_true` asks them again.
Answers are plain JSON values, so they keep in the cache as they are.
"""
from __future__ import annotations

import importlib
import os
from contextlib import contextmanager
from typing import List, Optional

_RECORD: Optional[list] = None  # the questions asked while recording
_ONCE: Optional[set] = None  # ids of the lists `replay_once` added to _RECORD
_RUN = [0]  # which run of this process: answers kept from an earlier run are asked again
_REPOSITORY: List[Optional[str]] = [None]  # the run's config `github.repository`


_CHECKED: dict = {}  # (question, args) -> answer, as found again during this run


def new_run(repository: Optional[str] = None):
    """A new run starts (the runner says so, with the config's
    `github.repository`): the file system may have changed."""
    _RUN[0] += 1
    _REPOSITORY[0] = repository if isinstance(repository, str) and "/" in repository else None
    _CHECKED.clear()


def repository(root: str) -> Optional[str]:
    """`OWNER/REPO` of the repository under `root`: the config's, else the git
    `origin` remote's (asked, so a reused result follows it), else None."""
    return _REPOSITORY[0] or ask("git-origin", root)


def run_id() -> int:
    return _RUN[0]


def _exists(path):
    return os.path.exists(path)


def _listdir(path):
    try:
        return sorted(os.listdir(path))
    except (OSError, ValueError):
        return None


def _names(folder, suffixes, exact):
    """Sorted names in `folder` ending with one of `suffixes` or among `exact`."""
    try:
        return sorted(n for n in os.listdir(folder)
                      if n.endswith(tuple(suffixes)) or n in exact)
    except (OSError, ValueError, TypeError):
        return None


def content(path, limit):
    """The bytes of a file of at most `limit` bytes (None: missing, unreadable,
    larger), not written down: for the work of a question itself."""
    try:
        if os.path.getsize(path) > limit:
            return None
        with open(path, "rb") as f:
            return f.read(limit + 1)
    except (OSError, ValueError):
        return None


def _digest_of(data: bytes) -> str:
    from .cache import digest

    return digest(data, size=16)


def _digest(path, limit):
    data = content(path, limit)
    return None if data is None else _digest_of(data)


def _names_digest(folder, suffixes, exact, found=False):
    """A digest of `_names` (of `found`, the names already listed, if given)."""
    names = _names(folder, suffixes, exact) if found is False else found
    return None if names is None else _digest_of("\n".join(names).encode("utf-8", "surrogatepass"))


# question -> function, or "module:function" for one imported when asked
QUESTIONS = {
    "exists": _exists,
    "listdir": _listdir,
    "names": _names,
    "names-digest": _names_digest,
    "digest": _digest,
    "git-origin": "ecs_lint.xref.linking:repository_from_git",
    "tf-callers": "ecs_lint.terraform:module_callers",
    "cfn-parents": "ecs_lint.deployments:template_parents",
}


def _function(name):
    f = QUESTIONS[name]
    if isinstance(f, str):
        module, attr = f.split(":")
        f = getattr(importlib.import_module(module), attr)
    return f


def ask(name: str, *args):
    """The answer to a question (recorded when recording)."""
    answer = _function(name)(*args)
    if _RECORD is not None:
        _RECORD.append([name, list(args), answer])
    return answer


def names(folder: str, suffixes: list, exact: list) -> Optional[List[str]]:
    """`ask("names", ...)` for a folder that may hold thousands of files (the
    workflows of a monorepo): the recorded answer is a digest of the names."""
    found = _names(folder, suffixes, exact)
    if _RECORD is not None:
        _RECORD.append(["names-digest", [folder, list(suffixes), list(exact)],
                        _names_digest(folder, suffixes, exact, found)])
    return found


def read_bytes(path: str, limit: int) -> Optional[bytes]:
    """A file's bytes (None: missing, unreadable or above `limit`); the recorded
    answer is their digest."""
    data = content(path, limit)
    if _RECORD is not None:
        digest = None if data is None else _digest_of(data)
        _RECORD.append(["digest", [path, limit], digest])
    return data


def replay(asked: List[list]):
    """Count questions asked earlier (for a result now reused within the run,
    such as a Terraform module parsed for another file) as asked again."""
    if _RECORD is not None:
        _RECORD.extend(asked)


def replay_once(asked: Optional[List[list]]):
    """`replay`, once in each recording: for an answer kept with a model that
    is asked for many times (a workflow's local composite actions)."""
    if _RECORD is not None and asked and id(asked) not in _ONCE:
        _ONCE.add(id(asked))
        _RECORD.extend(asked)


@contextmanager
def recording():
    """Write down the questions asked inside the block: yields the list."""
    global _RECORD, _ONCE
    (outer, outer_once), (_RECORD, _ONCE) = (_RECORD, _ONCE), ([], set())
    try:
        yield _RECORD
    finally:
        asked, (_RECORD, _ONCE) = _RECORD, (outer, outer_once)
        if outer is not None:
            outer.extend(asked)


def still_true(asked: List[list]) -> bool:
    """Does every recorded question still get the same answer? Each question is
    asked of the disk once a run. (Anything malformed is a no: the result is
    then computed again.)"""
    try:
        for name, args, answer in asked:
            key = (name, repr(args))  # many results ask the same (a module's files)
            if key not in _CHECKED:
                _CHECKED[key] = _function(name)(*args)
            if _CHECKED[key] != answer:
                return False
        return True
    except Exception:  # a cache file may hold anything
        return False
