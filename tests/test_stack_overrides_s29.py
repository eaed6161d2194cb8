"""Overrides built at run time (jm/04): `--parameter-overrides $(jq ...)`
may pass any parameter, so no parameter keeps its default for sure."""
import pytest

from test_stack_params import SERVICE, found, workflow


@pytest.mark.parametrize("overrides, expected", [
    # the defaults (ImageTag latest) would be reported; a built list may override them
    ("$(jq -r '.[] | \"\\(.k)=\\(.v)\"' params.json)", []),
    ('"$OVERRIDES"', []),
    ("$(cat params.txt) MaximumPercent=100", [("service-deployment-blocked", ".github/workflows/deploy.yml", 9)]),
    # near miss: literal overrides leave the others at their defaults
    ("MaximumPercent=100", [("service-deployment-blocked", ".github/workflows/deploy.yml", 9),
                            ("taskdef-image-latest", "template.yaml", 16)]),
])
def test_overrides_built_at_run_time(tmp_path, overrides, expected):
    step = ("- run: aws cloudformation deploy --template-file template.yaml --stack-name s "
            f"--parameter-overrides {overrides}\n")
    assert found(tmp_path, {"template.yaml": SERVICE,
                            ".github/workflows/deploy.yml": workflow(step)}) == expected
