"""JSON batching: operations recorded on a `Batch` with the client's own methods, sent together."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple, Type

from ._generated import _Operations
from ._model import Model, Page, Photo

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

_PENDING = object()


class BatchItem:
    """One call of a batch; its outcome once the batch is sent: `result()` gives the method's
    return value (a list method's first `Page`) or raises the call's own error."""

    __slots__ = ("index", "name", "_convert", "_value", "_error")

    def __init__(self, index: int, name: str, convert: Callable[[Any], Any]) -> None:
        self.index = index
        self.name = name
        self._convert = convert
        self._value: Any = _PENDING
        self._error: Optional[BaseException] = None

    @property
    def done(self) -> bool:
        return self._value is not _PENDING or self._error is not None

    @property
    def ok(self) -> bool:
        return self._value is not _PENDING and self._error is None

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        if self._value is _PENDING:
            raise RuntimeError(f"{self.name}: the batch has not been sent yet")
        return self._value

    def _settle(self, outcome: Any) -> None:
        if isinstance(outcome, BaseException):
            self._error = outcome
        else:
            self._value = self._convert(json.loads(outcome))

    def __repr__(self) -> str:
        state = "pending" if not self.done else ("ok" if self.ok else f"error {type(self._error).__name__}")
        return f"BatchItem({self.index}, {self.name}, {state})"


class Batch(_Operations):
    """Calls to send together as Graph JSON batches (20 per round trip; items answered 429/503 are
    sent again after their Retry-After). Call the client's methods on it: each records its call
    (its arguments checked now) and returns a `BatchItem`; `send()`, or the end of a `with` block,
    sends them all. `after(*items)` records the next call to run only once those succeeded
    (Graph's `dependsOn`; otherwise its error is Graph's 424).

    >>> with client.batch() as b:  # doctest: +SKIP
    ...     group = b.get_group(group_id)
    ...     threads = b.list_group_threads(group_id, top=5)
    >>> group.result().display_name, len(threads.result().value)  # doctest: +SKIP
    """

    def __init__(self, client: "Client") -> None:
        self._client = client
        self._calls: List[Tuple[str, Dict[str, Any], List[int], BatchItem]] = []
        self._after: List[int] = []

    def after(self, *items: BatchItem) -> "Batch":
        """The batch, with its next call depending on `items` (earlier items of this batch)."""
        for item in items:
            if not isinstance(item, BatchItem) or item.index >= len(self._calls) or self._calls[item.index][3] is not item:
                from ._client import _invalid

                raise _invalid("after", "must be items of this batch")
        self._after = [item.index for item in items]
        return self

    def send(self) -> List[BatchItem]:
        """Sends the calls not sent yet; each item then holds its outcome."""
        pending, wire = self._pending()
        if pending:
            self._settle(pending, self._client._native.batch(wire, self._client._token()))
        return [c[3] for c in self._calls]

    def _pending(self) -> Tuple[List[BatchItem], List[Tuple[str, str, List[int]]]]:
        """The items not sent yet, and their calls as the native batch takes them."""
        pending = [c for c in self._calls if not c[3].done]
        return [c[3] for c in pending], [(name, json.dumps(args), deps) for name, args, deps, _ in pending]

    def _settle(self, pending: List[BatchItem], outcomes: List[Any]) -> None:
        for item, outcome in zip(pending, outcomes):
            item._settle(outcome)

    def __enter__(self) -> "Batch":
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.send()

    def __len__(self) -> int:
        return len(self._calls)

    def __repr__(self) -> str:
        return f"Batch({len(self._calls)} calls)"

    def _record(self, name: str, args: Dict[str, Any], convert: Callable[[Any], Any]) -> BatchItem:
        item = BatchItem(len(self._calls), name, convert)
        self._calls.append((name, args, self._after, item))
        self._after = []
        return item

    def _item(self, name: str, model: Type[Model], args: Dict[str, Any]) -> Any:
        return self._record(name, args, model._wrap)

    def _empty(self, name: str, args: Dict[str, Any]) -> Any:
        return self._record(name, args, lambda _: None)

    def _binary(self, name: str, args: Dict[str, Any]) -> Any:
        return self._record(name, args, Photo._from_wire)

    def _list(self, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> Any:
        return self._record(name, args, lambda v: Page._from_wire(v, model))


class AsyncBatch(Batch):
    """`Batch` for `AsyncClient`: `async with client.batch() as b:` sends on leaving the block,
    or `await b.send()`."""

    def __init__(self, client: "AsyncClient") -> None:
        super().__init__(client._sync)
        self._async = client

    async def send(self) -> List[BatchItem]:  # type: ignore[override]
        pending, wire = self._pending()
        if pending:
            self._settle(pending, await self._client._native.batch_async(wire, await self._async._sync._token.aget()))
        return [c[3] for c in self._calls]

    async def __aenter__(self) -> "AsyncBatch":
        return self

    async def __aexit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            await self.send()

