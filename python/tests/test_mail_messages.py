"""Messages against the emulator: read, draft, send, reply, forward, move, copy, delete, and the
flat DataFrame of a mailbox."""

from datetime import datetime

import pytest

import o365kit


def inbox_subjects(client, **query):
    return [m.subject for m in client.list_folder_messages("inbox", **query)]


def test_list_and_get_messages(member):
    page = member.list_messages(top=5).first_page()
    assert len(page.value) == 5 and page.next_link
    assert all(isinstance(m, o365kit.Message) for m in page.value)
    kickoff = member.get_message("AAMkAGMemberKickoff0001")
    assert kickoff.subject == "Spring campaign kickoff"
    assert kickoff.from_.email_address.address == "owner@contoso.test"
    assert kickoff.flag.flag_status == "flagged" and kickoff.categories == ["Blue category"]
    assert isinstance(kickoff.received_date_time, datetime) and kickoff.received_date_time.tzinfo
    assert kickoff.body.content_type == "html"
    text = member.get_message("AAMkAGMemberKickoff0001", body_type="text")
    assert text.body.content_type == "text" and "<p>" not in text.body.content
    slim = member.get_message("AAMkAGMemberKickoff0001", select=["subject"])
    assert slim.subject == "Spring campaign kickoff" and slim.body is None


def test_filter_and_order(member):
    with pytest.raises(o365kit.BadRequest) as err:
        member.list_folder_messages("inbox", filter="isRead eq false", orderby=["receivedDateTime desc"]).first_page()
    assert err.value.code == "InefficientFilter", "Graph wants the $orderby property first in $filter"
    unread = member.list_folder_messages(
        "inbox", filter="receivedDateTime ge 2025-01-01T00:00:00Z and isRead eq false", orderby=["receivedDateTime desc"]
    ).to_list()
    assert unread and all(m.is_read is False for m in unread)
    times = [m.received_date_time for m in unread]
    assert times == sorted(times, reverse=True)
    from_owner = member.list_messages(filter="from/emailAddress/address eq 'owner@contoso.test'").to_list()
    assert from_owner and {m.from_.email_address.address for m in from_owner} == {"owner@contoso.test"}


def test_draft_update_send(member, owner):
    draft = member.create_message(o365kit.Message(subject="Draft report", body="<p>Numbers inside</p>",
                                                  to_recipients=["owner@contoso.test"]))
    assert draft.is_draft is True and draft.id
    assert draft.body.content_type == "html" and "Numbers inside" in draft.body.content
    assert draft.to_recipients[0].email_address.address == "owner@contoso.test"
    assert draft.id in {m.id for m in member.list_folder_messages("drafts")}
    updated = member.update_message(draft.id, {"subject": "Final report", "importance": "high"})
    assert updated.subject == "Final report" and updated.importance == "high"
    member.send_message(draft.id)
    assert draft.id not in {m.id for m in member.list_folder_messages("drafts")}
    assert "Final report" in inbox_subjects(owner)
    assert "Final report" in [m.subject for m in member.list_folder_messages("sentitems")]


def test_send_mail_delivers_to_tenant_recipients(member, owner, outsider):
    message = o365kit.Message(
        subject="Lunch friday?",
        body="<p>Pizza at noon</p>",
        to_recipients=["owner@contoso.test"],
        bcc_recipients=[o365kit.Recipient(email_address=o365kit.EmailAddress(address="outsider@contoso.test"))],
    )
    member.send_mail(message, save_to_sent_items=False)
    got = next(m for m in owner.list_folder_messages("inbox") if m.subject == "Lunch friday?")
    assert got.from_.email_address.address == "member@contoso.test"
    assert not got.bcc_recipients, "Bcc is never visible to other recipients"
    assert "Lunch friday?" in inbox_subjects(outsider)
    assert "Lunch friday?" not in [m.subject for m in member.list_folder_messages("sentitems")]
    # A dict in Graph's JSON works too, with plain addresses and a str (HTML) body.
    member.send_mail({"subject": "As a dict", "body": "<b>hi</b>", "toRecipients": ["owner@contoso.test"]})
    as_dict = next(m for m in owner.list_folder_messages("inbox") if m.subject == "As a dict")
    assert as_dict.body.content_type == "html"


def test_reply_reply_all_forward(member, owner):
    original = "AAMkAGMemberKickoff0001"
    member.reply_to_message(original, comment="I'll take it.")
    reply = next(m for m in owner.list_folder_messages("inbox") if m.subject and "Spring campaign kickoff" in m.subject
                 and m.from_.email_address.address == "member@contoso.test")
    assert reply.subject.lower().startswith("re:")
    assert reply.conversation_id == member.get_message(original).conversation_id
    member.reply_all_to_message(original, message={"importance": "low"}, comment="Adding all")
    member.forward_message(original, ["outsider@contoso.test"], comment="FYI")
    drafts = [
        member.create_reply(original, comment="draft reply"),
        member.create_reply_all(original),
        member.create_forward(original, to_recipients=["outsider@contoso.test"], comment="see below"),
    ]
    assert all(d.is_draft for d in drafts)
    assert drafts[2].to_recipients[0].email_address.address == "outsider@contoso.test"
    assert drafts[2].subject.lower().startswith("fw")


def test_move_copy_delete(member):
    folder = member.create_mail_folder({"displayName": "Kept"})
    copy = member.copy_message("AAMkAGMemberPlainText0001", folder.id)
    assert copy.id != "AAMkAGMemberPlainText0001" and copy.parent_folder_id == folder.id
    moved = member.move_message("AAMkAGMemberPlainText0001", "archive")
    assert moved.id != "AAMkAGMemberPlainText0001"
    with pytest.raises(o365kit.NotFound):
        member.get_message("AAMkAGMemberPlainText0001")
    member.delete_message(moved.id)
    assert "Site visit notes" in [m.subject for m in member.list_folder_messages("deleteditems")]
    assert member.get_mail_folder(folder.id).total_item_count == 1


def test_unsubscribe(member):
    headers = member.get_message("AAMkAGMemberNewsletter0001", select=["internetMessageHeaders"]).internet_message_headers
    assert "mailto:" in next(h.value for h in headers if h.name == "List-Unsubscribe")
    member.unsubscribe_message("AAMkAGMemberNewsletter0001")
    with pytest.raises(o365kit.BadRequest) as err:
        member.unsubscribe_message("AAMkAGMemberKickoff0001")
    assert err.value.code == "ErrorInvalidRequest", "no List-Unsubscribe header"


def test_to_pandas_flat_columns(member):
    frame = member.list_folder_messages("inbox").to_pandas()
    for column in ("id", "subject", "from_address", "from_name", "to_addresses", "received", "is_read",
                   "has_attachments", "importance", "categories", "preview", "body_content"):
        assert column in frame.columns, column
    assert str(frame["received"].dtype) in ("datetime64[ns, UTC]", "datetime64[us, UTC]")
    kickoff = frame.set_index("id").loc["AAMkAGMemberKickoff0001"]
    assert kickoff["from_address"] == "owner@contoso.test"
    assert kickoff["to_addresses"] == ["member@contoso.test"]
    assert kickoff["flag_status"] == "flagged"
    raw = member.list_folder_messages("inbox", top=3).to_pandas(raw=True)
    assert "from.emailAddress.address" in raw.columns


def test_sending_to_no_recipients_is_graphs_error(member):
    with pytest.raises(o365kit.BadRequest) as err:
        member.send_mail(o365kit.Message(subject="Nobody", body="<p>?</p>"))
    assert isinstance(err.value, o365kit.GraphError)
    assert err.value.status == 400 and err.value.code == "ErrorInvalidRecipients" and err.value.request_id



def test_search_page_size_and_immutable_ids(member):
    found = member.list_messages(search='"site visit"').to_list()
    assert [m.id for m in found] == ["AAMkAGMemberPlainText0001"]
    with pytest.raises(o365kit.BadRequest):
        member.list_messages(search='"site visit"', filter="isRead eq false").first_page()
    page = member.list_messages(max_page_size=7).first_page()
    assert len(page.value) == 7 and page.next_link
    assert member.list_messages(top=2, immutable_ids=True).first_page().value


def test_inbox_rules_run_on_delivery(owner, member):
    owner.send_mail({"subject": "Budget for April", "body": "<p>see numbers</p>", "toRecipients": ["member@contoso.test"]})
    delivered = [m for m in member.list_folder_messages("inbox") if m.subject == "Budget for April"]
    assert len(delivered) == 1 and delivered[0].categories == ["Finance"]
    finance = next(f for f in member.list_child_folders("inbox") if f.display_name == "Finance")
    assert "Budget for April" in [m.subject for m in member.list_folder_messages(finance.id)]
