"""The group-mail watcher: the core's state machine runs in Rust, one request per step; this only
iterates and does the waiting the machine asks for (so Ctrl-C and asyncio work while it sleeps)."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, AsyncIterator, Iterator, List, Optional, Tuple

if TYPE_CHECKING:
    from ._client import AsyncClient, Client
    from ._generated import GroupMail


class GroupMailWatcher:
    """New posts of a group, each once, as `GroupMail` (`.conversation`, `.thread`, `.post`).

    Iterate it to wait for mail forever (a round every `interval` seconds); `poll()` runs one round
    now. Store `.state` after handling what you got: a watcher made with `state=` goes on from there,
    losing and repeating nothing (a loop left in the middle of a round's posts gets those again).
    A new watcher's posts are those received from its first request on (`start()`)."""

    def __init__(self, client: "Client", group_id: str, state: Optional[str], interval: float) -> None:
        self._client = client
        self._native = client._native.watch_group_mail(group_id, float(interval), state)
        self.state: str = self._native.state

    def _step(self) -> Tuple[List["GroupMail"], float, bool, str]:
        return _read(self._native.step(self._client._token()))

    def start(self) -> None:
        """Starts watching now, if the watcher is new (iterating or `poll()` start it too)."""
        while self._native.starting:
            _, wait, _, self.state = self._step()
            if self._native.starting:
                time.sleep(wait)

    def poll(self) -> List["GroupMail"]:
        """One round now: the posts that arrived since the last, oldest first; `.state` is then
        that of after them."""
        self.start()
        got: List[GroupMail] = []
        while True:
            posts, wait, caught_up, state = self._step()
            got.extend(posts)
            if caught_up:
                self.state = state
                return got
            time.sleep(wait)

    def __iter__(self) -> Iterator["GroupMail"]:
        while True:
            posts, wait, _, state = self._step()
            yield from posts
            self.state = state
            time.sleep(wait)

    def __repr__(self) -> str:
        # A traceback that shows locals asks even when __init__ failed (a foreign state).
        if not hasattr(self, "_native"):
            return "GroupMailWatcher(<not made>)"
        return repr(self._native).replace("NativeWatch", "GroupMailWatcher", 1)


class AsyncGroupMailWatcher:
    """`GroupMailWatcher` for `async for`; `await start()`, `await poll()` and `.state` as there."""

    def __init__(self, client: "AsyncClient", watcher: GroupMailWatcher) -> None:
        self._client = client
        self._watcher = watcher

    @property
    def state(self) -> str:
        return self._watcher.state

    async def _step(self) -> Tuple[List["GroupMail"], float, bool, str]:
        return _read(await self._watcher._native.step_async(await self._client._sync._token.aget()))

    async def start(self) -> None:
        import asyncio

        w = self._watcher
        while w._native.starting:
            _, wait, _, w.state = await self._step()
            if w._native.starting:
                await asyncio.sleep(wait)

    async def poll(self) -> List["GroupMail"]:
        import asyncio

        await self.start()
        got: List[Any] = []
        while True:
            posts, wait, caught_up, state = await self._step()
            got.extend(posts)
            if caught_up:
                self._watcher.state = state
                return got
            await asyncio.sleep(wait)

    async def __aiter__(self) -> AsyncIterator["GroupMail"]:
        import asyncio

        while True:
            posts, wait, _, state = await self._step()
            for post in posts:
                yield post
            self._watcher.state = state
            await asyncio.sleep(wait)

    def __repr__(self) -> str:
        if not hasattr(self, "_watcher"):
            return "AsyncGroupMailWatcher(<not made>)"
        return "Async" + repr(self._watcher)


def _read(text: str) -> Tuple[List["GroupMail"], float, bool, str]:
    """A step's answer: its posts, the wait before the next step, whether the round is complete,
    and the state after the posts."""
    from ._generated import GroupMail

    out = json.loads(text)
    posts = [GroupMail._wrap(p) for p in out["posts"]]
    return posts, out["waitMs"] / 1000.0, out["caughtUp"], out["state"]
