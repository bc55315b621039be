"""python-o365 (`O365` on PyPI), unmodified, against the emulator over https (requests trusts the
emulator's CA through REQUESTS_CA_BUNDLE). It has no group conversations, so it covers the group
and membership reads it has. Its extension points are used as documented: a Protocol for the
service URL and a token backend holding the access token."""

import datetime as dt

import pytest
from O365 import Account
from O365.connection import MSGraphProtocol
from O365.utils.token import BaseTokenBackend

from conftest import MEMBER, OWNER, PUBLIC

FAR = dt.datetime(2100, 1, 1)


class EmulatorToken(BaseTokenBackend):
    """An access token for the emulator, which needs no sign-in."""

    def __init__(self, upn):
        super().__init__()
        self.upn = upn

    def load_token(self):
        return True

    def save_token(self, force=False):
        return True

    def get_access_token(self, *, username=None):
        return {"secret": f"emulator:{self.upn}", "expires_on": str(int(FAR.timestamp()))}

    def token_expiration_datetime(self, *, username=None):
        return FAR


def account(base_url, upn):
    class Emulator(MSGraphProtocol):
        _protocol_url = f"{base_url}/"

    return Account(
        ("client-id", "unused"),
        protocol=Emulator,
        token_backend=EmulatorToken(upn),
        requests_delay=0,
        request_retries=0,
    )


def test_list_and_get_groups(base_url):
    groups = account(base_url, OWNER).groups()
    listed = groups.list_groups()
    assert PUBLIC in [g.object_id for g in listed]
    group = groups.get_group_by_id(PUBLIC)
    assert (group.display_name, group.visibility) == ("Contoso Marketing", "Public")
    by_mail = groups.get_group_by_mail(group.mail)
    assert by_mail.object_id == PUBLIC


def test_members_owners_and_a_users_groups(base_url):
    groups = account(base_url, OWNER).groups()
    group = groups.get_group_by_id(PUBLIC)
    members = {u.user_principal_name for u in group.get_group_members()}
    assert {OWNER, MEMBER} <= members
    assert OWNER in {u.user_principal_name for u in group.get_group_owners()}
    mine = groups.get_user_groups(user_id=MEMBER)
    assert [g.object_id for g in mine] == [PUBLIC]
    assert mine[0].type == "#microsoft.graph.group"


def test_an_unknown_group_raises_requests_http_error(base_url):
    from requests.exceptions import HTTPError

    with pytest.raises(HTTPError) as raised:
        account(base_url, OWNER).groups().get_group_by_id("11111111-2222-3333-4444-555555555555")
    assert raised.value.response.status_code == 404
