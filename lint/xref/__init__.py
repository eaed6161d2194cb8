"""Cross-file analysis: link workflows, roles, policies and task definitions.

- `filters`: GitHub's branch/tag filter patterns.
- `subjects_produced`: the `sub` claims each job sends.
- `actions`: the AWS actions each step needs.
- `linking`: the repository, the role a job assumes, the task definitions.
- `runs`: a workflow's jobs, one per matrix row, with the role each step runs under.

The rules themselves are in `rules/xref.py`.
"""
