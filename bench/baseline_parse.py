"""The baseline: only read and parse every file ecs-lint would read
(json, and PyYAML's C loader), nothing else."""
import json
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

n = 0
for top in sys.argv[1:]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in (".git", "node_modules", ".terraform"))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                raw = f.read()
            if name.endswith(".json"):
                json.loads(raw)
            elif name.endswith((".yml", ".yaml")):
                yaml.load(raw, Loader=Loader)
            else:
                continue
            n += 1
print(n, "files parsed")
