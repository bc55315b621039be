"""msgraph-sdk beyond groups: a few Mail and Calendar calls, unmodified, over https."""

import asyncio
import uuid

from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.date_time_time_zone import DateTimeTimeZone
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.event import Event
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.message import Message
from msgraph.generated.models.recipient import Recipient
from msgraph.generated.users.item.calendar_view.calendar_view_request_builder import CalendarViewRequestBuilder
from msgraph.generated.users.item.messages.item.reply.reply_post_request_body import ReplyPostRequestBody
from msgraph.generated.users.item.send_mail.send_mail_post_request_body import SendMailPostRequestBody

from conftest import MEMBER, OWNER
from test_msgraph_sdk import client


def to(address):
    return [Recipient(email_address=EmailAddress(address=address))]


def test_send_read_and_reply_to_mail(base_url):
    async def go():
        subject = f"msgraph-sdk mail {uuid.uuid4()}"
        message = Message(
            subject=subject, body=ItemBody(content_type=BodyType.Text, content="hello"), to_recipients=to(MEMBER)
        )
        await client(base_url, OWNER).me.send_mail.post(SendMailPostRequestBody(message=message))
        member = client(base_url, MEMBER)
        inbox = await member.me.mail_folders.by_mail_folder_id("inbox").messages.get()
        got = [m for m in inbox.value if m.subject == subject]
        assert len(got) == 1 and got[0].from_.email_address.address == OWNER
        await member.me.messages.by_message_id(got[0].id).reply.post(ReplyPostRequestBody(comment="thanks"))
        replies = await client(base_url, OWNER).me.mail_folders.by_mail_folder_id("inbox").messages.get()
        assert f"RE: {subject}" in [m.subject for m in replies.value]

    asyncio.run(go())


def test_create_an_event_and_read_it_in_a_calendar_view(base_url):
    async def go():
        c = client(base_url, MEMBER)
        subject = f"msgraph-sdk event {uuid.uuid4()}"
        event = Event(
            subject=subject,
            start=DateTimeTimeZone(date_time="2031-03-04T09:00:00", time_zone="UTC"),
            end=DateTimeTimeZone(date_time="2031-03-04T10:00:00", time_zone="UTC"),
        )
        created = await c.me.events.post(event)
        assert created.id and created.subject == subject
        query = CalendarViewRequestBuilder.CalendarViewRequestBuilderGetQueryParameters(
            start_date_time="2031-03-04T00:00:00Z", end_date_time="2031-03-05T00:00:00Z"
        )
        view = await c.me.calendar_view.get(RequestConfiguration(query_parameters=query))
        assert [e.id for e in view.value if e.subject == subject] == [created.id]

    asyncio.run(go())
