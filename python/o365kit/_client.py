"""The client: token handling, calls into the Rust core, and lazy pagers."""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, Type, TypeVar, Union

from . import _native
from ._generated import _Operations
from ._model import Model, Page, Photo

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

    >>> client = Client(token="emulator:member@contoso.test", base_url="http://127.0.0.1:8080")  # doctest: +SKIP
    >>> [g.display_name for g in client.list_joined_groups()]  # doctest: +SKIP
    """

    def __init__(
        self,
        token: Union[str, Callable[[], str], Any],
        base_url: Optional[str] = None,
        version: str = "v1.0",
        cloud: Optional[str] = None,
        max_attempts: Optional[int] = None,
        scopes: Optional[List[str]] = None,
    ) -> None:
        self._native = _native.NativeClient(base_url, version, cloud, max_attempts)
        self._token = _TokenSource(token, scopes or [f"{self._native.base_url.rsplit('/', 1)[0]}/.default"])

    @property
    def base_url(self) -> str:
        return self._native.base_url

    def __repr__(self) -> str:
        return f"Client(base_url={self._native.base_url!r})"

    def _call(self, name: str, args: Dict[str, Any], next_link: Optional[str] = None) -> Any:
        text = self._native.call(name, json.dumps(args), self._token(), next_link)
        return json.loads(text)

    def _item(self, name: str, model: Type[Model], args: Dict[str, Any]) -> Any:
        return model(self._call(name, args))

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

    def to_pandas(self) -> Any:
        """A flat DataFrame: nested objects become dotted columns (from.emailAddress.address)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from None
        return pandas.json_normalize([item.to_dict() for item in self])  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"Pager({self._name})"


def _progress_bar(name: str) -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(desc=name, unit="item")
