"""Delta sync from Python: the core's state machine runs in Rust; the pager only iterates and keeps
the state to store."""

import asyncio

import pytest

import o365kit
from conftest import MEMBER, OWNER, PUBLIC


def inbox(client):
    return {m.id: m.subject for m in client.list_folder_messages("inbox", max_page_size=500)}


def apply(local, changes):
    for c in changes:
        if c.kind == "upserted":
            local[c.id] = c.item.subject
        elif c.kind == "removed":
            local.pop(c.id, None)
        else:
            local.clear()


def test_a_round_then_the_changes_since(member):
    local = {}
    pager = member.sync_messages("inbox", max_page_size=7)
    assert pager.state is None
    apply(local, pager)
    assert local == inbox(member)
    assert pager.state and pager.resyncs == []

    first = next(iter(local))
    member.delete_message(first)
    member.update_message(next(m for m in local if m != first), o365kit.Message(is_read=True))
    member.send_mail(o365kit.Message(subject="Sync me", body="<p>new</p>", to_recipients=["member@contoso.test"]))
    again = member.sync_messages("inbox", state=pager.state, max_page_size=7)
    changes = list(again)
    kinds = {(c.kind, c.id) for c in changes if c.kind == "removed"}
    assert kinds == {("removed", first)}
    assert all(c.reason == "deleted" for c in changes if c.kind == "removed")
    apply(local, changes)
    assert local == inbox(member)
    assert "Sync me" in local.values()


def test_a_stored_page_state_resumes_without_repeating_or_losing(member):
    pager = member.sync_messages("inbox", max_page_size=5)
    pages = pager.pages()
    seen = [c.id for c in next(pages)]
    stored = pager.state  # the process dies here, after storing the first page's state
    rest = member.sync_messages("inbox", state=stored, max_page_size=5)
    for c in rest:
        seen.append(c.id)
    assert len(seen) == len(set(seen))
    assert set(seen) == set(inbox(member))


def test_an_expired_state_is_announced_and_everything_follows_again(member, emulator):
    pager = member.sync_messages("inbox", max_page_size=50)
    local = {}
    apply(local, pager)
    emulator.control("POST", "/_emulator/delta/expire")
    again = member.sync_messages("inbox", state=pager.state, max_page_size=50)
    changes = list(again)
    assert changes[0].kind == "resync" and "SyncStateNotFound" in changes[0].reason
    assert again.resyncs == [changes[0].reason]
    apply(local, changes)
    assert local == inbox(member)


def test_bad_states_and_arguments_are_refused(member):
    with pytest.raises(o365kit.InvalidInput) as e:
        list(member.sync_messages("inbox", state="not a state"))
    assert e.value.param == "state"
    done = member.sync_messages("inbox", max_page_size=100)
    list(done)
    with pytest.raises(o365kit.InvalidInput) as e:
        list(member.sync_messages("archive", state=done.state))
    assert e.value.param == "state"
    with pytest.raises(o365kit.InvalidInput) as e:
        list(member.sync_messages("inbox", search="budget"))
    assert e.value.param == "query.search"


def test_groups_sync_with_membership_changes(owner):
    pager = owner.sync_groups(select=["displayName", "members"])
    groups = {c.id: c.item for c in pager}
    assert len(groups[PUBLIC].to_dict()["members@delta"]) == 2
    owner.add_group_member(PUBLIC, "973137be-a645-4737-89fb-51870a0326a5")
    changes = list(owner.sync_groups(state=pager.state, select=["displayName", "members"]))
    assert [c.id for c in changes] == [PUBLIC]
    assert changes[0].item.to_dict()["members@delta"] == [
        {"@odata.type": "#microsoft.graph.user", "id": "973137be-a645-4737-89fb-51870a0326a5"}
    ]


def test_outlook_rest_and_async(emulator, member):
    rest = o365kit.Client(token=MEMBER, base_url=emulator.url, api="outlook")
    local = {}
    pager = rest.sync_messages("inbox", max_page_size=20, progress=True)
    apply(local, pager)
    assert local == inbox(member)

    async def run():
        client = o365kit.AsyncClient(token=OWNER, base_url=emulator.url)
        pager = client.sync_messages("inbox", max_page_size=20)
        got = [c async for c in pager]
        return got, pager.state

    got, state = asyncio.run(run())
    owner = o365kit.Client(token=OWNER, base_url=emulator.url)
    assert {c.id for c in got} == set(inbox(owner)) and state
