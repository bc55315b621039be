"""Groups, membership and photos against the emulator."""

import pytest

import o365kit
from conftest import PRIVATE, PUBLIC


def test_list_and_get_groups(member):
    groups = member.list_groups().to_list()
    ids = {g.id for g in groups}
    assert {PUBLIC, PRIVATE} <= ids
    assert all(isinstance(g, o365kit.Group) for g in groups)
    group = member.get_group(PUBLIC, select=["id", "displayName"])
    assert group.id == PUBLIC and group.display_name == "Contoso Marketing"
    assert group.visibility is None, "$select leaves visibility out"


def test_filter_and_joined_groups(member, owner):
    private = member.list_groups(filter="visibility eq 'Private'").to_list()
    assert [g.id for g in private] == [PRIVATE]
    assert [g.id for g in member.list_joined_groups()] == [PUBLIC]
    assert {g.id for g in owner.list_joined_groups()} == {PUBLIC, PRIVATE}


def test_create_update_delete_group(owner):
    created = owner.create_group(
        o365kit.Group(display_name="Launch", mail_nickname="launch", mail_enabled=True, security_enabled=False,
                      group_types=["Unified"], visibility="Private")
    )
    assert created.display_name == "Launch" and created.id
    owner.update_group(created.id, {"description": "Launch in May"})
    assert owner.get_group(created.id).description == "Launch in May"
    owner.delete_group(created.id)
    with pytest.raises(o365kit.NotFound) as err:
        owner.get_group(created.id)
    assert err.value.status == 404 and err.value.code == "Request_ResourceNotFound"


def test_members_and_owners(owner, outsider):
    outsider_id = "973137be-a645-4737-89fb-51870a0326a5"
    before = owner.list_group_members(PUBLIC).to_list()
    assert all(m.id != outsider_id for m in before)
    owner.add_group_member(PUBLIC, outsider_id)
    assert len(owner.list_group_members(PUBLIC).to_list()) == len(before) + 1
    owner.remove_group_member(PUBLIC, outsider_id)
    assert len(owner.list_group_members(PUBLIC).to_list()) == len(before)
    owner.add_group_owner(PUBLIC, outsider_id)
    assert outsider_id in {o.id for o in owner.list_group_owners(PUBLIC)}
    owner.remove_group_owner(PUBLIC, outsider_id)
    assert outsider_id not in {o.id for o in owner.list_group_owners(PUBLIC)}


def test_group_photo(owner):
    photo = owner.get_group_photo(PUBLIC)
    assert photo.content_type.startswith("image/") and len(photo.bytes) > 0
    with pytest.raises(o365kit.NotFound):
        owner.get_group_photo(PRIVATE)
    owner.set_group_photo(PRIVATE, o365kit.Photo("image/png", b"\x89PNG\r\n\x1a\nrest"))
    assert owner.get_group_photo(PRIVATE).bytes == b"\x89PNG\r\n\x1a\nrest"


def test_results_are_graphs_json_as_sent(emulator, owner):
    import json
    import urllib.request

    from conftest import OWNER

    def raw(path):
        req = urllib.request.Request(emulator.url + path, headers={"Authorization": f"Bearer {OWNER}"})
        with urllib.request.urlopen(req) as res:
            return json.load(res)

    group = owner.get_group(PUBLIC)
    assert group.to_dict() == raw(f"/v1.0/groups/{PUBLIC}")
    assert None in group.to_dict().values(), "the seed group's null properties stay null"
    page = owner.list_groups(top=2).first_page()
    assert [g.to_dict() for g in page.value] == raw("/v1.0/groups?$top=2")["value"]
