"""AsyncClient: the same operations as coroutines, async pagers, and the same exceptions."""

import asyncio

import pytest

import o365kit
from conftest import MEMBER, OUTSIDER, PRIVATE, PUBLIC


def run(coro):
    return asyncio.run(coro)


def test_async_matches_sync(emulator, member):
    async def main():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        groups = await client.list_joined_groups().to_list()
        group = await client.get_group(PUBLIC)
        threads = [t.id async for t in client.list_group_threads(PUBLIC)]
        pages = [p async for p in client.list_conversations(PUBLIC, top=1).pages()]
        return groups, group, threads, pages

    groups, group, threads, pages = run(main())
    assert [g.id for g in groups] == [g.id for g in member.list_joined_groups()]
    assert group.display_name == "Contoso Marketing"
    assert threads == [t.id for t in member.list_group_threads(PUBLIC)]
    assert len(pages) >= 3


def test_async_actions_and_errors(emulator, member):
    async def main():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        thread = await client.create_thread(PUBLIC, "Async topic", "<p>first</p>")
        await client.reply_to_thread(PUBLIC, thread.id, "<p>second</p>")
        outsider = o365kit.AsyncClient(token=OUTSIDER, base_url=emulator.url)
        with pytest.raises(o365kit.Forbidden):
            await outsider.list_group_threads(PRIVATE).first_page()
        return thread.id

    tid = run(main())
    assert len(member.list_posts(PUBLIC, tid).to_list()) == 2


def test_async_calls_run_concurrently(emulator):
    async def main():
        client = o365kit.AsyncClient(token=MEMBER, base_url=emulator.url)
        return await asyncio.gather(*(client.get_group(PUBLIC) for _ in range(8)))

    assert {g.id for g in run(main())} == {PUBLIC}
