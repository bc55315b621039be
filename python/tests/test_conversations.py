"""Conversations, threads, posts and attachments against the emulator."""

from datetime import datetime

import pytest

import o365kit
from conftest import PUBLIC


def test_conversations_lifecycle(member, owner):
    before = member.list_conversations(PUBLIC).to_list()
    created = member.create_conversation(PUBLIC, topic="Quarterly review", body="<p>Agenda inside</p>")
    assert created.topic == "Quarterly review"
    assert len(created.threads) == 1 and created.threads[0].id
    assert member.get_conversation(PUBLIC, created.id).topic == "Quarterly review"
    threads = member.list_conversation_threads(PUBLIC, created.id).to_list()
    assert [t.id for t in threads] == [created.threads[0].id]
    member.create_conversation_thread(PUBLIC, created.id, "<p>A second thread</p>")
    assert len(member.list_conversation_threads(PUBLIC, created.id).to_list()) == 2
    assert len(member.list_conversations(PUBLIC).to_list()) == len(before) + 1
    owner.delete_conversation(PUBLIC, created.id)
    with pytest.raises(o365kit.NotFound):
        member.get_conversation(PUBLIC, created.id)


def test_threads_reply_lock_delete(member, owner):
    thread = member.create_thread(PUBLIC, "Office move", "<p>Boxes arrive Monday</p>")
    assert isinstance(thread.last_delivered_date_time, datetime)
    member.reply_to_thread(PUBLIC, thread.id, body="<p>Thanks</p>")
    member.reply_to_thread(PUBLIC, thread.id, o365kit.ItemBody(content_type="text", content="Plain thanks"))
    posts = member.list_posts(PUBLIC, thread.id).to_list()
    assert len(posts) == 3
    plain = next(p for p in posts if p.body.content == "Plain thanks")
    assert plain.body.content_type == "text"
    reply = next(p for p in posts if "Thanks" in p.body.content)
    assert reply.from_.email_address.address == "member@contoso.test"
    assert isinstance(reply.received_date_time, datetime)
    owner.update_thread(PUBLIC, thread.id, {"isLocked": True})
    assert member.get_thread(PUBLIC, thread.id).is_locked is True
    with pytest.raises(o365kit.GraphError):
        member.reply_to_thread(PUBLIC, thread.id, "<p>Too late</p>")
    owner.delete_thread(PUBLIC, thread.id)
    with pytest.raises(o365kit.NotFound):
        member.get_thread(PUBLIC, thread.id)


def test_posts_attachments_reply_forward(member):
    found = None
    for t in member.list_group_threads(PUBLIC):
        for p in member.list_posts(PUBLIC, t.id):
            if p.has_attachments:
                found = (t.id, p.id)
    assert found, "the seed has a post with an attachment"
    tid, pid = found
    assert member.get_post(PUBLIC, tid, pid).id == pid
    attachments = member.list_post_attachments(PUBLIC, tid, pid).to_list()
    att = member.get_post_attachment(PUBLIC, tid, pid, attachments[0].id)
    assert att.name == "q2-budget.csv"
    assert isinstance(att.content_bytes, bytes) and len(att.content_bytes) == att.size
    before = len(member.list_posts(PUBLIC, tid).to_list())
    member.reply_to_post(PUBLIC, tid, pid, o365kit.Post(body={"contentType": "text", "content": "Got it"}))
    assert len(member.list_posts(PUBLIC, tid).to_list()) == before + 1
    member.forward_post(PUBLIC, tid, pid, to_recipients=["someone@contoso.test"], comment="FYI")


def test_paging_across_pages(member):
    everything = [c.id for c in member.list_conversations(PUBLIC)]
    assert len(everything) >= 3
    pager = member.list_conversations(PUBLIC, top=1)
    first = pager.first_page()
    assert len(first.value) == 1 and first.next_link
    pages = list(pager.pages())
    assert len(pages) >= 3 and all(len(p.value) == 1 for p in pages)
    assert [c.id for p in pages for c in p.value] == everything
