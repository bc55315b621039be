"""The client: token handling, calls into the Rust core, and lazy pagers."""

from __future__ import annotations

import json
import os
import threading
import time
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Dict, Generic, Iterator, List, Optional, Tuple, Type, TypeVar, Union

from . import _native
from ._generated import _AsyncOperations, _Operations
from ._model import Model, Page, Photo
from ._sync import AsyncSyncPager, SyncPager
from ._watch import AsyncGroupMailWatcher, GroupMailWatcher

if TYPE_CHECKING:
    from ._batch import AsyncBatch, Batch

T = TypeVar("T")

# An azure-identity credential's token is reused until this many seconds before it expires.
_REFRESH_MARGIN = 300.0


def _fixed(token: str) -> Callable[[], str]:
    return lambda: token


class _TokenSource:
    """A str, a zero-argument callable returning one, or an azure-identity style credential."""

    __slots__ = ("_get", "_scopes", "_cached", "_expires", "_lock", "_credential")

    # Every frame that holds the token deletes it before an exception leaves: tracebacks that show
    # locals (Sentry, `pytest -l`, IPython's verbose mode) would print it.

    def __init__(self, token: Any, scopes: List[str]) -> None:
        self._scopes = scopes
        self._cached: Optional[str] = None
        self._expires = 0.0
        self._lock = threading.Lock()
        self._credential: Any = None
        try:
            if isinstance(token, str):
                self._get: Callable[[], str] = _fixed(token)
            elif hasattr(token, "get_token"):
                self._credential = token
                self._get = self._from_credential(token)
            elif callable(token):
                self._get = token
            else:
                raise _invalid("token", "expected a str, a callable returning one, or a credential with get_token()")
        finally:
            del token

    def _from_credential(self, credential: Any) -> Callable[[], str]:
        def get() -> str:
            with self._lock:
                if not self._fresh():
                    access = credential.get_token(*self._scopes)
                    try:
                        self._expires = float(getattr(access, "expires_on", 0))
                        self._cached = access.token
                    except (TypeError, ValueError):
                        why = "the credential's expires_on must be a number (seconds since the epoch)"
                        raise _invalid("token", why) from None
                    finally:
                        del access
                return self._cached

        return get

    def _fresh(self) -> bool:
        return self._cached is not None and time.time() < self._expires - _REFRESH_MARGIN

    def __call__(self) -> str:
        token = self._get()
        if not isinstance(token, str):
            del token
            raise _invalid("token", "the token provider must return a str")
        return token

    async def aget(self) -> str:
        """The token for a coroutine, without blocking the event loop on a credential: its cached
        token until a refresh is due, then an async credential's `get_token` awaited
        (azure.identity.aio) or a sync one's run on asyncio's default executor (one thread, once per
        refresh). A callable is called on the loop, and awaited if it returns an awaitable."""
        credential = self._credential
        if credential is None:
            token = self._get()
            if not isinstance(token, str) and hasattr(token, "__await__"):
                token = await token
            if not isinstance(token, str):
                del token
                raise _invalid("token", "the token provider must return a str")
            return token
        if self._fresh():
            return self._cached  # type: ignore[return-value]
        import asyncio
        import inspect

        if not inspect.iscoroutinefunction(credential.get_token):
            return await asyncio.get_running_loop().run_in_executor(None, self._get)
        access = await credential.get_token(*self._scopes)
        try:
            self._expires = float(getattr(access, "expires_on", 0))
            self._cached = access.token
        except (TypeError, ValueError):
            raise _invalid("token", "the credential's expires_on must be a number (seconds since the epoch)") from None
        finally:
            del access
        return self._cached

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
        try:
            self._native = _native.NativeClient(base_url, version, cloud, max_attempts, mailbox, api)
            self._token = _TokenSource(token, scopes or [f"{self._native.root.rstrip('/')}/.default"])
        finally:
            del token  # see _TokenSource

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
        # A traceback that shows locals asks even when __init__ failed half-way.
        if not hasattr(self, "_native"):
            return "Client(<not made>)"
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

    def _sync_pager(
        self, name: str, model: Type[Model], args: Dict[str, Any], state: Optional[str], progress: bool
    ) -> "SyncPager[Any]":
        return SyncPager(self, name, model, args, state, progress)

    def watch_group_mail(self, group_id: str, state: Optional[str] = None, interval: float = 60) -> GroupMailWatcher:
        """Watches a group for new mail ("when a new email arrives in a group"): iterate the watcher
        for each new post once, as a `GroupMail` (`.conversation`, `.thread`, `.post`), a round every
        `interval` seconds; store `.state` after handling them and pass it as `state=` to go on
        later without losing or repeating a post. `poll()` runs one round now."""
        return GroupMailWatcher(self, group_id, state, interval)

    def upload(
        self,
        session: Any,
        source: Any,
        progress: Optional[Callable[[int, int], Any]] = None,
        chunk_size: Optional[int] = None,
        resume: bool = False,
    ) -> Any:
        """Uploads a file through an upload session (`create_drive_upload_session`,
        `create_message_upload_session`, `create_event_upload_session`) and returns what it made:
        a `DriveItem`, or an `Attachment` holding the new attachment's id.

        `source`: a path, a binary file object (read at offsets, so seekable ones are not read into
        memory), or bytes. `progress(sent, total)` is called after every chunk the service has
        acknowledged. `chunk_size`: a multiple of 320 KiB (default 3.2 MiB). `resume=True` continues an
        interrupted upload through the same session, asking the service what it already has. The
        core decides every request: failed chunks resume from the service's `nextExpectedRanges`,
        and the upload URL (pre-authenticated) never gets the token."""
        from ._generated import Attachment, DriveItem

        wire = session.to_dict() if isinstance(session, Model) else session
        with _Source(source) as (read, size):
            text = self._native.upload(json.dumps(wire), size, read, progress, chunk_size, resume)
        out = json.loads(text)
        return (DriveItem if out["kind"] == "driveItem" else Attachment)._wrap(out["value"])


class _Source:
    """An upload's bytes as `read(offset, length)` and a size: from a path (opened and closed
    here), a binary file object (from its current position), or bytes."""

    def __init__(self, source: Any) -> None:
        self._source = source
        self._file: Any = None

    def __enter__(self) -> Tuple[Callable[[int, int], bytes], int]:
        source = self._source
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            return (lambda offset, length: data[offset:offset + length]), len(data)
        if isinstance(source, (str, os.PathLike)):
            self._file = source = open(source, "rb")
        if not hasattr(source, "read"):
            raise _invalid("source", "must be a path, bytes or a binary file object")
        seekable = getattr(source, "seekable", lambda: False)()
        if not seekable:
            data = _binary(source.read())
            return (lambda offset, length: data[offset:offset + length]), len(data)
        start = source.tell()
        size = source.seek(0, os.SEEK_END) - start

        def read(offset: int, length: int) -> bytes:
            source.seek(start + offset)
            chunk = _binary(source.read(length))
            while len(chunk) < length:
                more = _binary(source.read(length - len(chunk)))
                if not more:
                    break
                chunk += more
            return chunk

        return read, size

    def __exit__(self, *exc: Any) -> None:
        if self._file is not None:
            self._file.close()


def _binary(chunk: Any) -> bytes:
    if isinstance(chunk, str):
        raise _invalid("source", "is a text file: open it in binary mode ('rb')")
    return bytes(chunk)


def _invalid(param: str, why: str) -> Exception:
    err = _native.InvalidInput(f"invalid {param}: {why}")
    err.param, err.why = param, why
    return err


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
    """The same operations as `Client`, as coroutines, and `async for` pagers; it works inside
    Jupyter's running event loop. A call is a task on the Rust I/O runtime (two threads for the
    whole process, started on the first call) that completes an asyncio Future: no thread per
    call, so hundreds can be in flight together, and cancelling a call (`task.cancel()`, an
    `asyncio.wait_for` timeout) abandons its request and closes its connection. A token callable is
    called on the event loop (an `async` one is awaited); a credential's refresh runs off it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        try:
            self._sync = Client(*args, **kwargs)
        finally:
            del args, kwargs  # they hold the token; see _TokenSource

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
        if not hasattr(self, "_sync"):
            return "AsyncClient(<not made>)"
        return repr(self._sync).replace("Client(", "AsyncClient(", 1)

    async def _call(self, name: str, args: Dict[str, Any], next_link: Optional[str] = None) -> Any:
        sync = self._sync
        # The token is never a local of a frame an exception may leave (see _TokenSource).
        return json.loads(await sync._native.call_async(name, json.dumps(args), await sync._token.aget(), next_link))

    async def _item(self, name: str, model: Type[Model], args: Dict[str, Any]) -> Any:
        return model._wrap(await self._call(name, args))

    async def _empty(self, name: str, args: Dict[str, Any]) -> None:
        await self._call(name, args)

    async def _binary(self, name: str, args: Dict[str, Any]) -> Photo:
        return Photo._from_wire(await self._call(name, args))

    def _alist(self, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> "AsyncPager[Any]":
        return AsyncPager(self, name, model, args, progress)

    def _async_sync_pager(
        self, name: str, model: Type[Model], args: Dict[str, Any], state: Optional[str], progress: bool
    ) -> "AsyncSyncPager[Any]":
        return AsyncSyncPager(self, SyncPager(self._sync, name, model, args, state, progress))

    def watch_group_mail(
        self, group_id: str, state: Optional[str] = None, interval: float = 60
    ) -> AsyncGroupMailWatcher:
        """As `Client.watch_group_mail`, for `async for` (the waits are `asyncio.sleep`)."""
        return AsyncGroupMailWatcher(self, GroupMailWatcher(self._sync, group_id, state, interval))

    async def upload(
        self,
        session: Any,
        source: Any,
        progress: Optional[Callable[[int, int], Any]] = None,
        chunk_size: Optional[int] = None,
        resume: bool = False,
    ) -> Any:
        """`Client.upload` as a coroutine. `source` is read, and `progress` called, on the Rust I/O
        runtime's threads, not the event loop's."""
        from ._generated import Attachment, DriveItem

        wire = session.to_dict() if isinstance(session, Model) else session
        with _Source(source) as (read, size):
            native = self._sync._native
            text = await native.upload_async(json.dumps(wire), size, read, progress, chunk_size, resume)
        out = json.loads(text)
        return (DriveItem if out["kind"] == "driveItem" else Attachment)._wrap(out["value"])


class AsyncPager(Generic[T]):
    """A list operation's results for `async for`, fetched page by page."""

    def __init__(self, client: AsyncClient, name: str, model: Type[Model], args: Dict[str, Any], progress: bool) -> None:
        self._client = client
        self._name = name
        self._model = model
        self._args = args
        self._progress = progress

    async def first_page(self) -> Page[T]:
        return Page._from_wire(await self._client._call(self._name, self._args), self._model)

    async def pages(self) -> AsyncIterator[Page[T]]:
        page = await self.first_page()
        yield page
        while page.next_link:
            page = Page._from_wire(await self._client._call(self._name, self._args, page.next_link), self._model)
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        bar = _progress_bar(self._name) if self._progress else None
        try:
            async for page in self.pages():
                if bar is not None:
                    bar.update(len(page.value))
                for item in page.value:
                    yield item
        finally:
            if bar is not None:
                bar.close()

    async def to_list(self) -> List[T]:
        return [item async for item in self]

    async def to_pandas(self, raw: bool = False) -> Any:
        """As `Pager.to_pandas`."""
        return _frame(await self.to_list(), raw)

    def __repr__(self) -> str:
        return f"AsyncPager({self._name})"
