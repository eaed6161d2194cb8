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
