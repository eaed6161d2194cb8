"""Import a helper module on first use, not when the rule module is imported.

    sj = lazy_import("ecs_lint.subjects", globals(), "sj")

`sj` is a stand-in until an attribute is first read: then the module is
imported and the stand-in replaces itself in `namespace` with the module, so
later reads cost nothing extra. Start-up (`ecs-lint` on one file) then pays only
for the helpers the checks that run need.
"""
import importlib


def lazy_import(name: str, namespace: dict, alias: str):
    class LazyModule:
        __slots__ = ()

        def __getattr__(self, attr):
            module = importlib.import_module(name)
            namespace[alias] = module
            return getattr(module, attr)

        def __repr__(self):
            return f"<lazy module {name}>"

    return LazyModule()


def lazy_re(pattern: str, flags: int = 0):
    """A regular expression compiled on first use (compiling the patterns of every
    rule module at import costs several milliseconds of start-up)."""
    return LazyPattern(pattern, flags)


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, attr):
        import re

        compiled = re.compile(*self._source)
        value = getattr(compiled, attr)
        # later reads of the common methods find the bound method directly
        for name in ("match", "search", "fullmatch", "finditer", "findall", "sub", "split"):
            self.__dict__[name] = getattr(compiled, name)
        return value
