"""oidc-provider-audience-missing says an empty client id list is empty (ll)."""
import pytest

from conftest import lint_folder

PROVIDER = """\
resource "aws_iam_openid_connect_provider" "gh" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = %s
}
"""


@pytest.mark.parametrize("ids, says", [
    ("[]", "client id list is empty, so it lacks 'sts.amazonaws.com'"),
    ('["sigstore"]', "client id list holds 'sigstore' but not 'sts.amazonaws.com'"),
    ('["sts.amazonaws.com"]', None),
])
def test_the_message_names_what_the_list_holds(tmp_path, ids, says):
    (tmp_path / "main.tf").write_text(PROVIDER % ids)
    got = [f.message for f in lint_folder(tmp_path)
           if f.rule == "oidc-provider-audience-missing"]
    assert (got[0].startswith(says) if says else got == []), got
