"""The group-mail watcher from Python: the core's machine runs in Rust one request per step; the
watcher iterates, sleeps what the machine says and keeps the state to store."""

import asyncio
import json
import urllib.request

import pytest

import o365kit
from conftest import MEMBER, PUBLIC

FAST = 0.05  # seconds between rounds: tests never sleep long


def deliver(emulator, **body):
    """Mail to the public group from an external sender; gives the new post's ids."""
    body.setdefault("from", "ada@vendor.example")
    data = json.dumps({"groupId": PUBLIC, **body}).encode()
    req = urllib.request.Request(emulator.url + "/_emulator/groups/deliver", data=data, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        assert res.status == 201
        return json.loads(res.read())


def test_new_mail_is_handed_out_once_with_thread_and_conversation(member, emulator):
    watcher = member.watch_group_mail(PUBLIC, interval=FAST)
    watcher.start()
    assert watcher.poll() == []  # the seed's posts came before the watch
    first = deliver(emulator, topic="Invoice 42", body="Please pay", **{"from": {"emailAddress": {"name": "Ada", "address": "ada@vendor.example"}}})
    reply = deliver(emulator, threadId=first["threadId"], body="Reminder")
    got = watcher.poll()
    assert [m.post.id for m in got] == [first["postId"], reply["postId"]]
    mail = got[0]
    assert isinstance(mail, o365kit.GroupMail)
    assert mail.thread.id == first["threadId"] and mail.thread.topic == "Invoice 42"
    assert mail.conversation.id == first["conversationId"] and mail.conversation.topic == "Invoice 42"
    assert mail.post.from_.email_address.address == "ada@vendor.example"
    assert mail.post.body.content == "Please pay"
    assert watcher.poll() == []
    assert watcher.state.startswith("o365kit-watch/1 ")


def test_a_stored_state_resumes_without_losing_or_repeating(member, emulator):
    watcher = member.watch_group_mail(PUBLIC, interval=FAST)
    watcher.start()
    a = deliver(emulator, topic="A", body="a")
    b = deliver(emulator, threadId=a["threadId"], body="b")  # handed out in the same step as a
    before = watcher.state
    it = iter(watcher)
    assert next(it).post.id == a["postId"]
    # Left in the middle of a step's posts: the state is still that of before them.
    assert watcher.state == before
    assert next(it).post.id == b["postId"]
    c = deliver(emulator, topic="C", body="c")
    assert next(it).post.id == c["postId"]
    stored = watcher.state  # past a and b; not yet past c, whose step the loop is still in
    d = deliver(emulator, topic="D", body="d")
    again = member.watch_group_mail(PUBLIC, state=stored, interval=FAST)
    assert [m.post.id for m in again.poll()] == [c["postId"], d["postId"]]
    assert again.poll() == []
    with pytest.raises(o365kit.InvalidInput) as e:
        member.watch_group_mail(PUBLIC, state="not a state")
    assert e.value.param == "state"
    with pytest.raises(o365kit.InvalidInput) as e:
        member.watch_group_mail(PUBLIC, interval=0)
    assert e.value.param == "interval"


def test_throttling_and_dropped_connections_lose_nothing(emulator):
    # No transport retries: the faults reach the watch's machine, which waits and asks again.
    client = o365kit.Client(token=MEMBER, base_url=emulator.url, max_attempts=1)
    watcher = client.watch_group_mail(PUBLIC, interval=FAST)
    watcher.start()
    ids = [deliver(emulator, topic=f"T{i}", body="x")["postId"] for i in range(3)]
    prefix = f"/v1.0/groups/{PUBLIC}/threads"
    emulator.control("POST", "/_emulator/faults", {"status": 429, "retryAfter": 0, "count": 2, "pathPrefix": prefix})
    emulator.control("POST", "/_emulator/faults", {"drop": True, "pathPrefix": prefix})
    emulator.control("POST", "/_emulator/faults", {"status": 503, "pathPrefix": prefix})
    assert sorted(m.post.id for m in watcher.poll()) == sorted(ids)
    assert watcher.poll() == []


def test_async_watcher(emulator):
    async def main():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        watcher = client.watch_group_mail(PUBLIC, interval=FAST)
        await watcher.start()
        assert await watcher.poll() == []
        sent = deliver(emulator, topic="Async", body="hi")
        async for mail in watcher:
            assert mail.post.id == sent["postId"]
            break
        later = deliver(emulator, topic="Later", body="hi")
        assert [m.post.id for m in await watcher.poll()] == [later["postId"]]

    asyncio.run(asyncio.wait_for(main(), 30))
