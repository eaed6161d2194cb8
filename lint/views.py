"""Normalised views of part of a file, with the way back to its positions.

Rules are written once against one document model (the AWS API shapes). A
CloudFormation resource (`ContainerDefinitions`, PascalCase) or a Terraform
block (`deployment_minimum_healthy_percent`) is turned into that model; the
view remembers, for every key it renamed or moved, the path it came from, so
a finding on the normalised path points at the template's own line.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict

from .model import Span


class Origins:
    """id(container in the view) -> {key: absolute path in the source}."""

    def __init__(self):
        self.table: Dict[int, dict] = {}
        self.keys: Dict[int, dict] = {}  # where a key's own text is, when not beside its value
        self._keep = []  # keep containers alive so their ids stay unique

    def set(self, container, key, source_path):
        self.table.setdefault(id(container), {})[key] = tuple(source_path)
        self._keep.append(container)

    def set_key(self, container, key, source_path):
        """The key itself is written at `source_path` (a value there), e.g. a
        Terraform condition's `variable`, whose value is under `values`."""
        self.keys.setdefault(id(container), {})[key] = tuple(source_path)
        self._keep.append(container)

    def key_source(self, data, path):
        node = data
        for step in path[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return self.keys.get(id(node), {}).get(path[-1])

    def translate(self, data, path, prefix=()):
        out = list(prefix)
        node = data
        for step in path:
            table = self.table.get(id(node))
            if table is not None and step in table:
                out = list(table[step])
            else:
                out.append(step)
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                node = None
        return tuple(out)


def view_locator(base_locate: Callable[..., Span], data: Any, prefix=(),
                 origins: Origins = None) -> Callable[..., Span]:
    """A locate function for `data`, a view of the source at `prefix`."""
    if origins is None:
        if not prefix:
            return base_locate
        prefix = tuple(prefix)
        return lambda path=(), key=False: base_locate(prefix + tuple(path), key)

    def locate(path=(), key=False):
        if key and path and origins.keys:
            src = origins.key_source(data, tuple(path))
            if src is not None:
                return base_locate(src, False)
        return base_locate(origins.translate(data, path, prefix), key)
    return locate


_LEADING_CAPS = re.compile(r"^([A-Z]+)(?=[A-Z][a-z]|$)")


def camel(key: str) -> str:
    """`ContainerDefinitions` -> `containerDefinitions`, `ECSServices` -> `ecsServices`."""
    if not key or not key[0].isupper():
        return key
    m = _LEADING_CAPS.match(key)
    if m and len(m.group(1)) > 1:
        return m.group(1).lower() + key[m.end():]
    return key[0].lower() + key[1:]


def is_intrinsic_key(key: str) -> bool:
    return key == "Ref" or key == "Condition" or key.startswith("Fn::")


def camelize(value, source_path, origins: Origins):
    """Copy `value` with PascalCase keys in camelCase (intrinsics kept).

    Where `origins` already knows the source of a key of `value` (a value
    moved by resolving `Fn::If` or dropping `AWS::NoValue`), the copy keeps it."""
    if isinstance(value, dict):
        if len(value) == 1 and is_intrinsic_key(next(iter(value))):
            return value
        moved = origins.table.get(id(value), {})
        out = {}
        for k, v in value.items():
            nk = camel(k) if isinstance(k, str) else k
            src = moved.get(k, tuple(source_path) + (k,))
            out[nk] = camelize(v, src, origins)
            if nk != k or k in moved:
                origins.set(out, nk, src)
        return out
    if isinstance(value, list):
        moved = origins.table.get(id(value), {})
        out = [camelize(v, moved.get(i, tuple(source_path) + (i,)), origins)
               for i, v in enumerate(value)]
        for i in moved:
            origins.set(out, i, moved[i])
        return out
    return value
