"""The rules of ecs-lint: one module per document kind or rule family.

Every module here registers its rules and checks when imported; importing this
package imports them all. Heavy libraries (parliament, python-hcl2) are
imported inside the checks that need them, never at module level.
"""
import importlib
import os

for _m in sorted(f[:-3] for f in os.listdir(__path__[0]) if f.endswith(".py")):
    if not _m.startswith("_"):
        importlib.import_module(f"{__name__}.{_m}")
