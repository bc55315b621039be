"""The client: token handling, calls into the Rust core, and lazy pagers."""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Dict, Generic, Iterator, List, Optional, Type, TypeVar, Union

from . import _native
from ._generated import _AsyncOperations, _Operations
from ._model import Model, Page, Photo

if TYPE_CHECKING:
    from ._batch import AsyncBatch, Batch

T = TypeVar("T")

# An azure-identity credential's token is reused until this many seconds before it expires.
_REFRESH_MARGIN = 300.0


class _TokenSource:
    """A str, a zero-argument callable returning one, or an azure-identity style credential."""

    __slots__ = ("_get", "_scopes", "_cached", "_expires", "_lock")

    def __init__(self, token: Any, scopes: List[str]) -> None:
        self._scopes = scopes
        self._cached: Optional[str] = None
        self._expires = 0.0
        self._lock = threading.Lock()
        if isinstance(token, str):
            self._get: Callable[[], str] = lambda: token
        elif hasattr(token, "get_token"):
            self._get = self._from_credential(token)
        elif callable(token):
            self._get = token
        else:
            raise _native.InvalidInput(
                "invalid token: expected a str, a callable returning one, or a credential with get_token()"
            )

    def _from_credential(self, credential: Any) -> Callable[[], str]:
        def get() -> str:
            with self._lock:
                if self._cached is None or time.time() >= self._expires - _REFRESH_MARGIN:
                    access = credential.get_token(*self._scopes)
                    self._cached = access.token
                    self._expires = float(getattr(access, "expires_on", 0))
                return self._cached

        return get

    def __call__(self) -> str:
        token = self._get()
        if not isinstance(token, str):
            raise _native.InvalidInput("invalid token: the token provider must return a str")
        return token

    def __repr__(self) -> str:
        return "<token>"


class Client(_Operations):
    """A Microsoft Graph client. Methods block (with the GIL released while the request runs).

    `token`: a str, a callable returning one, or an azure-identity credential. `base_url`: another
    root than the cloud's (the emulator's). `version`: "v1.0" (default) or "beta". `cloud`: global,
    usgov-l4, usgov-l5 or china. `mailbox`: whose mailbox mail operations work on ("me" by default;
    see `mailbox()`). `api="outlook"`: the Outlook REST API v2.0 instead of Graph.

    >>> client = Client(token="emulator:member@contoso.test", base_url="http://127.0.0.1:8080")  # doctest: +SKIP
    >>> [g.display_name for g in client.list_joined_groups()]  # doctest: +SKIP
    >>> client.mailbox("support@contoso.test").list_messages(top=10).to_pandas()  # doctest: +SKIP
    """

    def __init__(
        self,
        token: Union[str, Callable[[], str], Any],
        base_url: Optional[str] = None,
        version: Optional[str] = None,
        cloud: Optional[str] = None,
        max_attempts: Optional[int] = None,
        scopes: Optional[List[str]] = None,
        mailbox: Optional[str] = None,
        api: str = "graph",
    ) -> None:
        self._native = _native.NativeClient(base_url, version, cloud, max_attempts, mailbox, api)
        self._token = _TokenSource(token, scopes or [f"{self._native.root.rstrip('/')}/.default"])

    @property
    def base_url(self) -> str:
        return self._native.base_url

    @property
    def current_mailbox(self) -> str:
        """The mailbox mail operations work on: "me" (the signed-in user) or a user's id or UPN."""
        return self._native.mailbox

    def mailbox(self, mailbox: str) -> "Client":
        """This client on another mailbox (a shared or delegated one, by id or UPN; "me" for the
        signed-in user's), sharing its connection and token:
        `client.mailbox("support@contoso.com").list_messages()`."""
        other = object.__new__(Client)
        other._native = self._native.with_mailbox(mailbox)
        other._token = self._token
        return other

    def batch(self) -> "Batch":
        """Calls to send together as JSON batches: `with client.batch() as b: g = b.get_group(id)`,
        then `g.result()` (see `o365kit.Batch`)."""
        from ._batch import Batch

        return Batch(self)

    def __repr__(self) -> str:
        mailbox = self._native.mailbox
        shown = "" if mailbox == "me" else f", mailbox={mailbox!r}"
        return f"Client(base_url={self._native.base_url!r}{shown})"

    def _call(self, name: str, args: Dict[str, Any], next_link: Optional[str] = None) -> Any:
        text = self._native.call(name, json.dumps(args), self._token(), next_link)
        return json.loads(text)

    def _item(self, name: str, model: Type[Model], args: Dict[str, Any]) -> Any:
        return model._wrap(self._call(name, args))

    def _empty(self, name: str, args: Dict[str, Any]) -> None:
        self._call(name, args)

    def _binary(self, name: str, args: Dict[str, Any]) -> Photo:
        return Photo._from_wire(self._call(name, args))

    def _list(self, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> "Pager[Any]":
        return Pager(self, name, model, args, progress)


class Pager(Generic[T]):
    """A list operation's results, fetched page by page as you iterate."""

    def __init__(self, client: Client, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> None:
        self._client = client
        self._name = name
        self._model = model
        self._args = args
        self._progress = progress

    def first_page(self) -> Page[T]:
        return Page._from_wire(self._client._call(self._name, self._args), self._model)

    def pages(self) -> Iterator[Page[T]]:
        page = self.first_page()
        yield page
        while page.next_link:
            page = Page._from_wire(self._client._call(self._name, self._args, page.next_link), self._model)
            yield page

    def __iter__(self) -> Iterator[T]:
        bar = _progress_bar(self._name) if self._progress else None
        try:
            for page in self.pages():
                if bar is not None:
                    bar.update(len(page.value))
                yield from page.value
        finally:
            if bar is not None:
                bar.close()

    def to_list(self) -> List[T]:
        return list(self)

    def to_pandas(self, raw: bool = False) -> Any:
        """A DataFrame with one flat column per property (see `o365kit.Model.to_row`): `from_address`,
        `to_addresses` (a list), `received` (a tz-aware datetime), `body_content`... With `raw=True`,
        Graph's JSON as `pandas.json_normalize` flattens it (`from.emailAddress.address`)."""
        return _frame(list(self), raw)

    def __repr__(self) -> str:
        return f"Pager({self._name})"


def _frame(items: List[Any], raw: bool) -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_pandas() needs pandas: pip install pandas") from None
    if raw:
        return pandas.json_normalize([item.to_dict() for item in items])
    return pandas.DataFrame([item.to_row() for item in items])


def _progress_bar(name: str) -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(desc=name, unit="item")


class AsyncClient(_AsyncOperations):
    """The same operations as `Client`, as coroutines: each runs on a worker thread while the Rust
    transport (GIL released) does the I/O, so it works inside Jupyter's running event loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._sync = Client(*args, **kwargs)

    @property
    def base_url(self) -> str:
        return self._sync.base_url

    @property
    def current_mailbox(self) -> str:
        return self._sync.current_mailbox

    def mailbox(self, mailbox: str) -> "AsyncClient":
        """This client on another mailbox, as `Client.mailbox`."""
        other = object.__new__(AsyncClient)
        other._sync = self._sync.mailbox(mailbox)
        return other

    def batch(self) -> "AsyncBatch":
        """As `Client.batch`, sent with `await b.send()` or on leaving `async with`."""
        from ._batch import AsyncBatch

        return AsyncBatch(self)

    def __repr__(self) -> str:
        return repr(self._sync).replace("Client(", "AsyncClient(", 1)

    async def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        import asyncio  # here, not at import time: it costs scripts ~40 ms of start-up
        import functools

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(fn, *args))

    def _alist(self, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> "AsyncPager[Any]":
        return AsyncPager(self, Pager(self._sync, name, model, args, progress))


class AsyncPager(Generic[T]):
    """A list operation's results for `async for`, fetched page by page."""

    def __init__(self, client: AsyncClient, pager: Pager[T]) -> None:
        self._client = client
        self._pager = pager

    async def first_page(self) -> Page[T]:
        return await self._client._run(self._pager.first_page)

    async def pages(self) -> AsyncIterator[Page[T]]:
        pages = self._pager.pages()
        done = object()
        while True:
            page = await self._client._run(next, pages, done)
            if page is done:
                return
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.value:
                yield item

    async def to_list(self) -> List[T]:
        return [item async for item in self]

    async def to_pandas(self, raw: bool = False) -> Any:
        """As `Pager.to_pandas`."""
        return _frame(await self.to_list(), raw)

    def __repr__(self) -> str:
        return f"AsyncPager({self._pager._name})"
