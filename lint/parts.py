"""Keys joined into connected parts (union-find): the policies of one role
(`rules/policy.py`), the bundles of linked files (`lint/xref/groups.py`)."""
from __future__ import annotations

from typing import Dict, Iterable


class Parts:
    def __init__(self):
        self.parent: Dict[str, str] = {}

    def __contains__(self, key) -> bool:
        return key in self.parent

    def keys(self):
        return self.parent.keys()

    def root(self, key):
        """The key that stands for the part of `key` (a key joined before)."""
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(self, keys: Iterable):
        """Put `keys` in one part (new keys are added); the first key's root stays."""
        first = None
        for k in keys:
            if k not in self.parent:
                self.parent[k] = k
            if first is None:
                first = self.root(k)
            else:
                r = self.root(k)
                if r != first:
                    self.parent[r] = first
