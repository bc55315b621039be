"""The same methods on the Outlook REST API v2.0 (`api="outlook"`): PascalCase on the wire, results
in Graph's form (the core re-cases them), so models and DataFrames read the same."""

import pytest

import o365kit
from conftest import MEMBER, OWNER, SUPPORT


@pytest.fixture
def rest(emulator):
    return o365kit.Client(token=MEMBER, base_url=emulator.url, api="outlook")


def test_reads_in_graphs_form(rest, member):
    assert rest.base_url.endswith("/api/v2.0")
    kickoff = rest.get_message("AAMkAGMemberKickoff0001")
    def props(m):
        return {k: v for k, v in m.to_dict().items() if not k.startswith("@")}

    assert props(kickoff) == props(member.get_message("AAMkAGMemberKickoff0001"))
    assert kickoff.from_.email_address.address == "owner@contoso.test"
    slim = rest.list_folder_messages("inbox", top=3, select=["subject", "from"]).first_page().value
    assert all(m.subject and m.body is None for m in slim)
    att = rest.list_message_attachments("AAMkAGMemberNewsletter0001").to_list()[0]
    assert att.odata_type == "#microsoft.graph.fileAttachment" and att.content_bytes.startswith(b"\x89PNG")
    frame = rest.list_mail_folders().to_pandas()
    assert "Inbox" in set(frame["display_name"])


def test_writes_and_mailbox(rest, emulator):
    rest.send_mail(o365kit.Message(subject="Over REST", body="<p>v2</p>", to_recipients=["owner@contoso.test"]))
    owner = o365kit.Client(token=OWNER, base_url=emulator.url)
    got = next(m for m in owner.list_folder_messages("inbox") if m.subject == "Over REST")
    assert got.body.content_type.lower() == "html"
    ticket = rest.mailbox(SUPPORT).get_message("AAMkAGSupportTicket0001")
    assert ticket.subject.startswith("Ticket:")
    with pytest.raises(o365kit.Forbidden):
        rest.mailbox("owner@contoso.test").list_messages().first_page()


def test_bad_api_choices(emulator):
    for kwargs, param in [({"api": "soap"}, "api"), ({"api": "outlook", "version": "beta"}, "version"),
                          ({"api": "outlook", "cloud": "china"}, "cloud")]:
        with pytest.raises(o365kit.InvalidInput) as err:
            o365kit.Client(token=MEMBER, base_url=emulator.url, **kwargs)
        assert err.value.param == param
