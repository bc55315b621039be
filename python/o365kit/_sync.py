"""Delta sync: the core's state machine runs in Rust, one page per step; this only iterates."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, AsyncIterator, Dict, Generic, Iterator, List, Optional, Tuple, Type, TypeVar

from ._model import Model

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

T = TypeVar("T")


class Change(Generic[T]):
    """One change of a sync: `kind` is "upserted" (`item` is the resource as it is now),
    "removed" (`id` and Graph's `reason`: "deleted", or "changed" for a restorable directory
    object) or "resync" (the server lost the sync's state: every item follows again, and what the
    local copy holds that they do not list is gone; `reason` says why)."""

    __slots__ = ("kind", "item", "id", "reason")

    def __init__(self, kind: str, item: Optional[T] = None, id: Optional[str] = None, reason: Optional[str] = None):
        self.kind = kind
        self.item = item
        self.id = id
        self.reason = reason

    def __repr__(self) -> str:
        if self.kind == "upserted":
            return f"Change(upserted, id={self.id!r})"
        return f"Change({self.kind}, id={self.id!r}, reason={self.reason!r})"


class SyncPager(Generic[T]):
    """One round of a delta sync: iterate it for the changes since `state` (everything, the first
    time); afterwards `.state` is what to store for the next round. Stored while iterating, `.state`
    is that of the last page whose changes were all handed out: a sync resumed from it repeats no
    page and loses none."""

    def __init__(
        self, client: "Client", name: str, model: Type[Model], args: Dict[str, Any], state: Optional[str], progress: bool
    ) -> None:
        self._client = client
        self._name = name
        self._model = model
        self._args = args
        self._progress = progress
        self.state: Optional[str] = state
        self.resyncs: List[str] = []

    def _steps(self) -> Iterator[tuple]:
        """(changes, state after them) per page, until the round is complete."""
        state = self.state
        while True:
            client = self._client
            text = client._native.sync_step(self._name, json.dumps(self._args), client._token(), state)
            changes, state, caught_up = self._read(text)
            yield changes, state
            if caught_up:
                return

    def _read(self, text: str) -> Tuple[List[Change[T]], str, bool]:
        """A step's answer: its changes, the state after them, and whether the round is complete."""
        out = json.loads(text)
        if out["kind"] == "resync":
            self.resyncs.append(out["reason"])
            return [Change("resync", reason=out["reason"])], out["state"], False
        changes: List[Change[T]] = []
        for c in out["changes"]:
            if "upserted" in c:
                item = self._model._wrap(c["upserted"])
                changes.append(Change("upserted", item=item, id=getattr(item, "id", None)))
            else:
                changes.append(Change("removed", id=c["removed"]["id"], reason=c["removed"]["reason"]))
        return changes, out["state"], out["caughtUp"]

    def pages(self) -> Iterator[List[Change[T]]]:
        """The round page by page: apply a page, then store `.state` (already that of the page)."""
        for changes, state in self._steps():
            self.state = state
            yield changes

    def __iter__(self) -> Iterator[Change[T]]:
        """Change by change; `.state` moves on once every change of a page was taken (a loop left
        in the middle of a page gets that page again when resumed)."""
        bar = _bar(self._name) if self._progress else None
        try:
            for changes, state in self._steps():
                if bar is not None:
                    bar.update(len(changes))
                yield from changes
                self.state = state
        finally:
            if bar is not None:
                bar.close()

    def __repr__(self) -> str:
        return f"SyncPager({self._name})"


class AsyncSyncPager(Generic[T]):
    """`SyncPager` for `async for`; `.state` as there."""

    def __init__(self, client: "AsyncClient", pager: SyncPager[T]) -> None:
        self._client = client
        self._pager = pager

    @property
    def state(self) -> Optional[str]:
        return self._pager.state

    @property
    def resyncs(self) -> List[str]:
        return self._pager.resyncs

    async def _steps(self) -> AsyncIterator[tuple]:
        """As `SyncPager._steps`, each step awaited."""
        pager = self._pager
        sync = self._client._sync
        state = pager.state
        while True:
            args = json.dumps(pager._args)
            text = await sync._native.sync_step_async(pager._name, args, await sync._token.aget(), state)
            changes, state, caught_up = pager._read(text)
            yield changes, state
            if caught_up:
                return

    async def pages(self) -> AsyncIterator[List[Change[T]]]:
        """As `SyncPager.pages`."""
        async for changes, state in self._steps():
            self._pager.state = state
            yield changes

    async def __aiter__(self) -> AsyncIterator[Change[T]]:
        bar = _bar(self._pager._name) if self._pager._progress else None
        try:
            async for changes, state in self._steps():
                if bar is not None:
                    bar.update(len(changes))
                for change in changes:
                    yield change
                self._pager.state = state
        finally:
            if bar is not None:
                bar.close()

    def __repr__(self) -> str:
        return f"AsyncSyncPager({self._pager._name})"


def _bar(name: str) -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(desc=name, unit="change")
