"""Whose mailbox: the client's (`/me` by default, `mailbox=` or `client.mailbox(...)` for a shared
or delegated one); bad input named before any request; tokens in no output; async twins."""

import asyncio
import traceback

import pytest

import o365kit
from conftest import MEMBER, OWNER, SUPPORT


def test_shared_mailbox_the_fixture_grants(emulator, member):
    support = member.mailbox(SUPPORT)
    assert support.current_mailbox == SUPPORT and member.current_mailbox == "me"
    assert repr(support) == f"Client(base_url={member.base_url!r}, mailbox={SUPPORT!r})"
    ticket = support.get_message("AAMkAGSupportTicket0001")
    assert ticket.subject == "Ticket: cannot open the March invoice"
    with pytest.raises(o365kit.NotFound):
        member.get_message("AAMkAGSupportTicket0001")
    same = o365kit.Client(token=MEMBER, base_url=emulator.url, mailbox=SUPPORT)
    assert [m.id for m in same.list_messages(top=3).first_page().value] == \
        [m.id for m in support.list_messages(top=3).first_page().value]
    assert support.mailbox("me").get_message("AAMkAGMemberKickoff0001").id == "AAMkAGMemberKickoff0001"
    # Sent from the shared mailbox: its Sent Items, the recipient's Inbox.
    support.send_mail({"subject": "Your invoice", "body": "<p>Resent</p>", "toRecipients": ["owner@contoso.test"]})
    assert "Your invoice" in [m.subject for m in support.list_folder_messages("sentitems")]
    owner = o365kit.Client(token=OWNER, base_url=emulator.url)
    assert "Your invoice" in [m.subject for m in owner.list_folder_messages("inbox")]


def test_a_mailbox_not_granted_is_forbidden(member):
    with pytest.raises(o365kit.Forbidden) as err:
        member.mailbox("owner@contoso.test").list_messages().first_page()
    assert err.value.status == 403 and err.value.code == "ErrorAccessDenied"
    with pytest.raises(o365kit.Forbidden):
        member.mailbox("owner@contoso.test").get_mailbox_settings()


def test_the_mailbox_is_never_an_argument(member):
    with pytest.raises(TypeError):
        member.list_messages(mailbox=SUPPORT)
    with pytest.raises(o365kit.InvalidInput) as err:
        member.mailbox("")
    assert err.value.param == "mailbox"
    with pytest.raises(o365kit.InvalidInput) as err:
        member.mailbox("a/../b")
    assert err.value.param == "mailbox"


@pytest.mark.parametrize(
    "call, param",
    [
        (lambda c: c.get_message(""), "message_id"),
        (lambda c: c.get_message("  "), "message_id"),
        (lambda c: c.list_folder_messages("inbox/../x").first_page(), "folder_id"),
        (lambda c: c.get_mail_folder("in?box"), "folder_id"),
        (lambda c: c.move_message("m1", ".."), "destination_id"),
        (lambda c: c.send_mail({"subject": "x", "body": 42, "toRecipients": ["a@b.test"]}), "message.body"),
        (lambda c: c.send_mail({"subject": "x", "toRecipients": [{"emailAddress": {"name": "No address"}}]}),
         "message.to_recipients"),
        (lambda c: c.send_mail(o365kit.Message(subject="x", to_recipients=["not an address"])), "message.to_recipients"),
        (lambda c: c.forward_message("m1", []), "to_recipients"),
        (lambda c: c.forward_message("m1", [""]), "to_recipients"),
        (lambda c: c.add_message_attachment("m1", {"@odata.type": "#microsoft.graph.fileAttachment", "name": "x"}),
         "attachment.content_bytes"),
        (lambda c: c.add_message_attachment("m1", o365kit.Attachment(
            odata_type="#microsoft.graph.fileAttachment", content_bytes=b"x")), "attachment.name"),
        (lambda c: c.add_message_attachment("m1", o365kit.Attachment(
            odata_type="#microsoft.graph.fileAttachment", name="big.bin", content_bytes=b"\0" * (3 * 1024 * 1024 + 1))),
         "attachment.content_bytes"),
        (lambda c: c.list_supported_time_zones("olson").first_page(), "standard"),
        (lambda c: c.list_messages(top="ten").first_page(), "query.top"),
        (lambda c: c.list_messages(body_type="rtf").first_page(), "query.body_type"),
        (lambda c: c.get_mail_tips("owner@contoso.test", ["automaticReplies"]).first_page(), "email_addresses"),
        (lambda c: o365kit.Message(body=42), "body"),
        (lambda c: o365kit.Message(to_recipients="a@b.test"), "to_recipients"),
        (lambda c: o365kit.Message(subjet="typo"), "subjet"),
    ],
)
def test_bad_input_names_the_parameter(emulator, call, param):
    emulator.control("POST", "/_emulator/faults", {"status": 500, "count": 1})  # a request would fail loudly
    client = o365kit.Client(token=MEMBER, base_url=emulator.url, max_attempts=1)
    with pytest.raises(o365kit.InvalidInput) as err:
        call(client)
    assert err.value.param.startswith(param), (err.value.param, str(err.value))
    assert isinstance(err.value, ValueError)
    emulator.control("DELETE", "/_emulator/faults")


def test_token_in_no_repr_or_error(emulator):
    secret = MEMBER
    client = o365kit.Client(token=secret, base_url=emulator.url, max_attempts=1)
    support = client.mailbox(SUPPORT)
    texts = [repr(client), repr(support), repr(o365kit.AsyncClient(token=secret, base_url=emulator.url, mailbox=SUPPORT)),
             repr(client.list_messages()), repr(client._native), repr(client._token)]
    calls = [
        lambda: client.mailbox("owner@contoso.test").list_messages().to_list(),
        lambda: client.get_message("missing"),
        lambda: client.get_message(""),
        lambda: client.send_mail({"subject": "nobody"}),
        lambda: client.send_mail({"body": 1}),
    ]
    for call in calls:
        try:
            call()
        except Exception as e:  # noqa: BLE001 - every kind is searched
            texts += [str(e), repr(e), "".join(traceback.format_exception(type(e), e, e.__traceback__))]
    assert len(texts) > 15
    assert all(secret not in t and "Bearer" not in t for t in texts)


def test_async_mail(emulator, member):
    async def main():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        support = client.mailbox(SUPPORT)
        assert support.current_mailbox == SUPPORT
        ticket = await support.get_message("AAMkAGSupportTicket0001")
        unread = [m.subject async for m in client.list_folder_messages("inbox", filter="isRead eq false")]
        draft = await client.create_message(o365kit.Message(subject="Async draft", body="<p>x</p>",
                                                            to_recipients=["owner@contoso.test"]))
        await client.send_message(draft.id)
        content = await client.get_message_attachment_content(
            "AAMkAGMemberNewsletter0001",
            (await client.list_message_attachments("AAMkAGMemberNewsletter0001").to_list())[0].id)
        frame = await client.list_mail_folders().to_pandas()
        with pytest.raises(o365kit.Forbidden):
            await client.mailbox("owner@contoso.test").get_mailbox_settings()
        return ticket, unread, content, frame

    ticket, unread, content, frame = asyncio.run(main())
    assert ticket.id == "AAMkAGSupportTicket0001"
    assert unread == [m.subject for m in member.list_folder_messages("inbox", filter="isRead eq false")]
    assert content.content_type == "image/png" and content.bytes.startswith(b"\x89PNG")
    assert "display_name" in frame.columns and "Inbox" in set(frame["display_name"])
    assert "Async draft" in [m.subject for m in member.list_folder_messages("sentitems")]
