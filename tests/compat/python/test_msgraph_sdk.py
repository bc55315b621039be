"""Microsoft's Python SDK (msgraph-sdk, Kiota), unmodified, against the emulator over https.
Only its base URL and token provider are set, as a user pointing it at another cloud would."""

import asyncio
import uuid

import pytest
from kiota_abstractions.authentication import (
    AccessTokenProvider,
    AllowedHostsValidator,
    BaseBearerTokenAuthenticationProvider,
)
from msgraph import GraphRequestAdapter, GraphServiceClient
from msgraph.generated.groups.item.threads.item.posts.item.forward.forward_post_request_body import (
    ForwardPostRequestBody,
)
from msgraph.generated.groups.item.threads.item.reply.reply_post_request_body import ReplyPostRequestBody
from msgraph.generated.groups.item.threads.item.posts.item.reply.reply_post_request_body import (
    ReplyPostRequestBody as PostReplyRequestBody,
)
from msgraph.generated.groups.groups_request_builder import GroupsRequestBuilder
from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.conversation import Conversation
from msgraph.generated.models.conversation_thread import ConversationThread
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.post import Post
from msgraph.generated.models.recipient import Recipient
from msgraph.generated.models.reference_create import ReferenceCreate
from msgraph.generated.models.group import Group
from msgraph.generated.models.user import User
from msgraph_core.tasks.page_iterator import PageIterator
from kiota_abstractions.base_request_configuration import RequestConfiguration
from urllib.parse import urlparse

from conftest import MEMBER, OUTSIDER, OUTSIDER_ID, OWNER, PNG, PUBLIC


class EmulatorToken(AccessTokenProvider):
    def __init__(self, upn, host):
        self.token = f"emulator:{upn}"
        self.hosts = AllowedHostsValidator([host])

    async def get_authorization_token(self, uri, additional_authentication_context=None):
        return self.token

    def get_allowed_hosts_validator(self):
        return self.hosts


def client(base_url, upn):
    host = urlparse(base_url).hostname
    adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(EmulatorToken(upn, host)))
    adapter.base_url = f"{base_url}/v1.0"
    return GraphServiceClient(request_adapter=adapter)


def run(coro):
    return asyncio.run(coro)


def html(text):
    return ItemBody(content_type=BodyType.Html, content=f"<p>{text}</p>")


def test_list_groups_pages_through_https_next_links(base_url):
    async def go():
        c = client(base_url, OWNER)
        query = GroupsRequestBuilder.GroupsRequestBuilderGetQueryParameters(top=1)
        first = await c.groups.get(RequestConfiguration(query_parameters=query))
        assert len(first.value) == 1
        assert first.odata_next_link.startswith(f"{base_url}/v1.0/groups?")
        seen = []
        iterator = PageIterator(first, c.request_adapter)
        await iterator.iterate(lambda g: seen.append(g.id) or True)
        assert PUBLIC in seen and len(seen) == len(set(seen)) >= 2
        group = await c.groups.by_group_id(PUBLIC).get()
        assert group.display_name == "Contoso Marketing"

    run(go())


def test_members_and_their_casts(base_url):
    async def go():
        c = client(base_url, OWNER)
        members = await c.groups.by_group_id(PUBLIC).members.get()
        assert {m.odata_type for m in members.value} == {"#microsoft.graph.user"}
        assert all(isinstance(m, User) for m in members.value)
        users = await c.groups.by_group_id(PUBLIC).members.graph_user.get()
        assert {u.user_principal_name for u in users.value} >= {OWNER, MEMBER}
        joined = await client(base_url, MEMBER).me.member_of.graph_group.get()
        assert [g.id for g in joined.value] == [PUBLIC]
        assert all(isinstance(g, Group) for g in joined.value)

    run(go())


def test_add_and_remove_a_member(base_url):
    async def go():
        c = client(base_url, OWNER)
        members = c.groups.by_group_id(PUBLIC).members
        ref = ReferenceCreate(odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{OUTSIDER_ID}")
        await members.ref.post(ref)
        ids = [m.id for m in (await members.get()).value]
        assert OUTSIDER_ID in ids
        await members.by_directory_object_id(OUTSIDER_ID).ref.delete()
        ids = [m.id for m in (await members.get()).value]
        assert OUTSIDER_ID not in ids

    run(go())


def test_conversations_threads_posts_reply_and_forward(base_url):
    async def go():
        c = client(base_url, MEMBER)
        group = c.groups.by_group_id(PUBLIC)
        topic = f"msgraph-sdk {uuid.uuid4()}"
        new = Conversation(topic=topic, threads=[ConversationThread(posts=[Post(body=html("first"))])])
        created = await group.conversations.post(new)
        assert created.id and created.threads[0].id
        listed = await group.conversations.get()
        assert topic in [x.topic for x in listed.value]
        thread_id = created.threads[0].id
        thread = group.threads.by_conversation_thread_id(thread_id)
        assert (await thread.get()).topic == topic
        threads = await group.conversations.by_conversation_id(created.id).threads.get()
        assert [t.id for t in threads.value] == [thread_id]

        await thread.reply.post(ReplyPostRequestBody(post=Post(body=html("a reply"))))
        posts = (await thread.posts.get()).value
        assert [p.body.content for p in posts] == ["<p>first</p>", "<p>a reply</p>"]
        first = posts[0].id
        await thread.posts.by_post_id(first).reply.post(PostReplyRequestBody(post=Post(body=html("to the first"))))
        assert len((await thread.posts.get()).value) == 3

        to = [Recipient(email_address=EmailAddress(address=OUTSIDER, name="Outsider"))]
        await thread.posts.by_post_id(first).forward.post(ForwardPostRequestBody(comment="FYI", to_recipients=to))
        post = await thread.posts.by_post_id(first).get()
        assert post.from_.email_address.address == MEMBER

    run(go())


def test_group_photo(base_url):
    async def go():
        photo = client(base_url, OWNER).groups.by_group_id(PUBLIC).photo
        await photo.content.put(PNG)
        assert await photo.content.get() == PNG
        meta = await photo.get()
        assert (meta.width, meta.height) == (1, 1)

    run(go())


def test_an_error_is_the_sdks_typed_error(base_url):
    from kiota_abstractions.api_error import APIError

    async def go():
        with pytest.raises(APIError) as raised:
            await client(base_url, OWNER).groups.by_group_id("11111111-2222-3333-4444-555555555555").get()
        assert raised.value.response_status_code == 404
        assert raised.value.error.code == "Request_ResourceNotFound"

    run(go())
