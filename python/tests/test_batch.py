"""JSON batching from Python: calls recorded with the client's own methods, sent together, each
read by its own operation (a typed value or its own error)."""

import asyncio

import pytest

import o365kit
from conftest import MEMBER, PUBLIC


def test_calls_come_back_typed_in_order_with_throttled_items_sent_again(member, emulator):
    ids = [m.id for m in member.list_messages(top=3).first_page().value]
    assert len(ids) == 3
    emulator.control("POST", "/_emulator/faults", {"status": 429, "retryAfter": 1, "count": 2, "pathPrefix": "/v1.0/me/messages/"})
    with member.batch() as b:
        messages = [b.get_message(i) for i in ids]
        group = b.get_group(PUBLIC, select=["displayName"])
        threads = b.list_group_threads(PUBLIC, top=2)
    assert [m.result().id for m in messages] == ids
    assert isinstance(messages[0].result(), o365kit.Message)
    assert group.result().display_name == "Contoso Marketing"
    page = threads.result()
    assert isinstance(page, o365kit.Page) and len(page.value) == 2
    assert all(isinstance(t, o365kit.ConversationThread) for t in page.value)


def test_each_item_fails_on_its_own_and_a_failed_dependency_is_424(member):
    b = member.batch()
    missing = b.get_message("AAMkAGNoSuchMessage0001")
    ok = b.list_messages(top=1)
    dependent = b.after(missing).get_group(PUBLIC)
    assert repr(missing) == "BatchItem(0, get_message, pending)"
    with pytest.raises(RuntimeError):
        missing.result()
    b.send()
    with pytest.raises(o365kit.NotFound) as lost:
        missing.result()
    assert lost.value.code == "ErrorItemNotFound"
    assert len(ok.result().value) == 1
    with pytest.raises(o365kit.GraphError) as failed:
        dependent.result()
    assert failed.value.status == 424
    assert not dependent.ok and ok.ok


def test_a_bad_call_is_refused_before_anything_is_sent(member, emulator):
    emulator.control("POST", "/_emulator/faults", {"status": 500, "count": 1})  # a request would fail loudly
    b = member.batch()
    b.get_group(PUBLIC)
    b.get_message("a/b")
    with pytest.raises(o365kit.InvalidInput) as bad:
        b.send()
    assert "message_id" in str(bad.value)
    emulator.control("DELETE", "/_emulator/faults")
    with pytest.raises(o365kit.InvalidInput):
        b.after(object())


def test_an_async_batch_sends_on_leaving_the_block(emulator):
    client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)

    async def run():
        async with client.batch() as b:
            group = b.get_group(PUBLIC)
            folders = b.list_mail_folders()
        return group, folders

    group, folders = asyncio.run(run())
    assert group.result().id == PUBLIC
    assert any(f.display_name == "Inbox" for f in folders.result().value)
